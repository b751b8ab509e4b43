"""The library's values: spans, time expressions, events and the documents they make up."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from .time.algebra import Interval
from .time.intent import Intent, Tense
from .time.timex import Mod, TimexType  # TIMEX3's own words; here for users of the values

__all__ = ["Aspect", "DctSource", "Document", "Event", "EventClass", "Mod", "Polarity", "Recognition", "Span",
           "TimeExpression", "TimexType"]


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


class _Spanned:
    """``start`` and ``end`` of whatever has a ``span`` (a slot-free base for attrs classes)."""

    __slots__ = ()
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@frozen(kw_only=True)
class TimeExpression(_Spanned):
    """One time expression found in a text, normalized and anchored.

    ``interval`` is the stretch of time the expression names once resolved,
    or ``None`` where the guidelines give none (a bare duration, a set,
    ``PRESENT_REF``, or what could not be resolved). ``tense`` is the tense of
    its clause where that picked the direction of the value (a bare weekday,
    month or holiday: ``zei donderdag`` looks back, ``beslist donderdag``
    ahead), and ``None`` where the value does not depend on it. ``range_end``
    is set on the first end of a range (``van [2] tot [5 maart]``) and gives
    the span of the other end.
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


class EventClass(enum.Enum):
    """TimeML event classes."""

    REPORTING = "REPORTING"
    PERCEPTION = "PERCEPTION"
    ASPECTUAL = "ASPECTUAL"
    I_ACTION = "I_ACTION"
    I_STATE = "I_STATE"
    STATE = "STATE"
    OCCURRENCE = "OCCURRENCE"


class Aspect(enum.Enum):
    """TimeML aspect: the perfect is ``heeft gezegd``, ``had gezegd``."""

    NONE = "NONE"
    PERFECTIVE = "PERFECTIVE"
    PROGRESSIVE = "PROGRESSIVE"


class Polarity(enum.Enum):
    POS = "POS"
    NEG = "NEG"


@frozen(kw_only=True)
class Event(_Spanned):
    """An event of the text, with the time it is anchored on (or none).

    ``span`` covers the trigger word (``legde``); ``lemma`` is the whole verb
    (``opleggen``). ``timex`` is the time expression the event is linked to,
    and ``interval`` the stretch of time that puts it on the timeline: the
    expression's interval, or the stretch a duration such as ``de afgelopen
    week`` covers. Events the text does not date have neither.
    """

    span: Span
    text: str
    lemma: str
    cls: EventClass
    tense: Tense | None
    aspect: Aspect = Aspect.NONE
    polarity: Polarity = Polarity.POS
    sentence: int
    nominal: bool = False
    timex: TimeExpression | None = None
    interval: Interval | None = None
    anchor: str | None = None  # the TIMEX3 value (or ISO interval "a/b") of the anchor


@frozen(kw_only=True)
class Document:
    """A text analyzed: its DCT, time expressions, and events in timeline order.

    ``events`` lists the anchored events first, in timeline order, then the
    unanchored ones in text order; ``ranks`` gives each anchored event its
    place on the timeline (events that overlap share a rank) and is ``None``
    for unanchored ones. ``sentences`` are the bounds of the sentences the parse
    found, in text order (``Event.sentence`` counts them), so that an output
    showing an event in its sentence need not cut the text again.
    """

    text: str
    dct: date
    dct_source: DctSource
    timexes: tuple[TimeExpression, ...]
    events: tuple[Event, ...]
    ranks: tuple[int | None, ...]
    sentences: tuple[Span, ...] = ()

    @property
    def anchored(self) -> tuple[Event, ...]:
        return tuple(e for e, r in zip(self.events, self.ranks, strict=True) if r is not None)

    @property
    def unanchored(self) -> tuple[Event, ...]:
        return tuple(e for e, r in zip(self.events, self.ranks, strict=True) if r is None)
