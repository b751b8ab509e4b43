"""The library's values: spans, time expressions and what a recognition returns."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from .algebra import Interval
from .intent import Intent, Tense

__all__ = ["DctSource", "Mod", "Recognition", "Span", "TimeExpression", "TimexType"]


def _check_span(instance: Span, attribute: object, end: int) -> None:
    if not 0 <= instance.start <= end:
        raise ValueError(f"bad span {instance.start}..{end}")


@frozen
class Span:
    """Character offsets ``[start, end)`` into the original text."""

    start: int
    end: int = field(validator=_check_span)

    def __len__(self) -> int:
        return self.end - self.start


class TimexType(enum.Enum):
    """The four TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Mod(enum.Enum):
    """TIMEX3 ``mod``: where in the period, or how exact; it never changes the value."""

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"
    MORE_THAN = "MORE_THAN"
    LESS_THAN = "LESS_THAN"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"


@frozen(kw_only=True)
class TimeExpression:
    """One time expression found in a text, normalized and anchored.

    ``interval`` is the stretch of time the expression names once resolved,
    or ``None`` where the guidelines give none (a bare duration, a set,
    ``PRESENT_REF``, or what could not be resolved). ``range_end`` is set on
    the first end of a range (``van [2] tot [5 maart]``) and gives the span
    of the other end.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    interval: Interval | None
    intent: Intent
    rule: str
    mod: Mod | None = None
    tense: Tense | None = None
    range_end: Span | None = None

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


class DctSource(enum.Enum):
    """Where the document creation time came from."""

    ARGUMENT = "argument"
    DATELINE = "dateline"


@frozen(kw_only=True)
class Recognition:
    """What :func:`timeline.recognize_document` found: the expressions and the DCT used."""

    timexes: tuple[TimeExpression, ...]
    dct: date
    dct_source: DctSource
    dct_span: Span | None = None  # the dateline the DCT was read from
