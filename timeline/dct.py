"""The document creation time: read it from an argument or from the top of the text.

A DCT must name one calendar day, and may carry a time of day (``2013-02-12T04:30``,
``12 februari 2013 04:30``, a dateline ``3 februari 2017, 14:32``): hours and minutes
counted from the DCT then start at that clock time. A time zone is read past: the
local clock time is kept. ISO dates are read directly; anything else goes through
dateparser (imported only then). A relative phrase such as ``gisteren`` is refused:
the output would depend on the day it runs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from .advice import Advised, Fix
from .lang import Language, load_language
from .model import Span

__all__ = ["DctError", "find_dateline", "parse_dct", "read_dct"]

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})"
                  r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?\s*")
# A signed or five-digit year: outside the calendar, whatever dateparser would make of it.
_SIGNED_OR_LONG_YEAR = re.compile(r"\s*(?:[-+]\d|\d{5,}-)")
# Two fixed days far apart: a phrase that means the same date relative to both is absolute.
_PROBES = (datetime(2001, 3, 14, 12), datetime(2012, 9, 27, 12))
_DATELINE_LINES = 3  # how many non-empty lines at the top may hold the dateline
# Midnight written out ("00:00", "0.00"): dateparser gives midnight for a day without a time as well.
_MIDNIGHT = re.compile(r"(?<![\d.:/-])0?0[:.h]00(?![\d.:/-])")


class DctError(Advised, ValueError):
    """The document creation time is missing or cannot be read as one date; its ``fix``
    names the argument (``dct``) and a value that would do."""


# A DCT that cannot be read: the problem quotes it, the fix shows what can be.
_READABLE = Fix("dct", ("2017-02-02", "3 februari 2017"), " (expected e.g. {values})")


def parse_dct(value: date | datetime | str, language: str | Language = "nl") -> date:
    """The DCT as a date: a ``date``, a ``datetime`` or a string naming one day (ISO, or
    written out in ``language`` or English: ``3 februari 2017``); a time of day is dropped
    (:func:`read_dct` keeps it).

    Raises:
        DctError: quoting the string, when it is empty, relative, impossible
            (``31 februari 2017``) or not a date at all.
    """
    return read_dct(value, language)[0]


def read_dct(value: date | datetime | str, language: str | Language = "nl") -> tuple[date, time | None]:
    """The DCT's day and its time of day, if it names one (``2013-02-12T04:30``,
    ``12 februari 2013 04:30``, a ``datetime``); a time zone is dropped, its local clock
    time kept. Raises DctError as :func:`parse_dct`."""
    if isinstance(value, datetime):
        return value.date(), value.time().replace(tzinfo=None)
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        raise DctError(f"a DCT must be a date, a datetime or a string, not {type(value).__name__}")
    m = _ISO.fullmatch(value)
    if m:
        try:
            clock = time(int(m[4]), int(m[5]), int(m[6] or 0)) if m[4] is not None else None
            return date(int(m[1]), int(m[2]), int(m[3])), clock
        except ValueError as err:
            raise DctError(f"cannot read DCT {value!r}: {err}", _READABLE) from None
    if not value.strip() or len(value) > 200 or _SIGNED_OR_LONG_YEAR.match(value):
        raise DctError(f"cannot read DCT {value!r} as a date", _READABLE)
    found = _dateparser(value, load_language(language).dateparser)
    if found is None:
        raise DctError(f"cannot read DCT {value!r} as a date", _READABLE)
    clock = found.time()
    if clock == time() and not _MIDNIGHT.search(value):
        return found.date(), None
    return found.date(), clock


def _dateparser(value: str, languages: tuple[str, ...]) -> datetime | None:
    """Parse with dateparser against two probe days; a result that moves with them is relative."""
    import dateparser  # type: ignore[import-untyped]  # heavy: imported only when a DCT is not ISO

    results: list[datetime | None] = []
    for probe in _PROBES:
        settings: dict[str, Any] = {"RELATIVE_BASE": probe, "DATE_ORDER": "DMY",
                                    "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
        parsed = dateparser.parse(value, languages=list(languages), settings=settings)
        results.append(parsed.replace(tzinfo=None) if parsed else None)
    if results[0] is None or results[0] != results[1]:
        return None
    return results[0]


def find_dateline(text: str, language: Language) -> tuple[date, time | None, Span] | None:
    """A publication date in the first lines of an article, its time of day if the
    dateline gives one (``3 februari 2017, 14:32``), and the span of the dateline.

    Looks for a line that starts with a publication word (``Gepubliceerd op
    ...``), a place dateline (``AMSTERDAM, 3 feb. 2017 -``) or a line that is
    mostly a date (``vr 03-02-2017 14:05``).
    """
    cues = tuple(language.words("dateline"))
    shape = language.words("dateline_shape")
    date_in_line, tail_after, place = shape["date"], shape["tail"], shape["place"]
    if date_in_line is None:  # the language says nothing of datelines
        return None
    seen = 0
    for m in re.finditer(r"[^\n]*", text[:2000]):
        line = m.group()
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            break
        low = line.strip().lower()
        if not (low.startswith(cues) or place.match(line.strip()) or len(line) < 40):
            continue
        found = date_in_line.search(line)
        if not found:
            continue
        try:
            day = parse_dct(found.group(), language)
        except DctError:
            continue
        lead = len(line) - len(line.lstrip())
        tail = tail_after.match(line, found.end())
        return day, _clock_of(tail), Span(m.start() + lead, m.start() + (tail.end() if tail else found.end()))
    return None


def _clock_of(tail: re.Match[str] | None) -> time | None:
    """The time of day in a dateline's tail: its groups ``hour`` and ``minute``."""
    if tail is None or "hour" not in tail.re.groupindex or tail["hour"] is None:
        return None
    try:
        return time(int(tail["hour"]), int(tail["minute"]))
    except ValueError:
        return None  # "25:70" is no time of day: the day stands alone
