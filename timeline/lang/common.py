"""Rules and pieces of rules that any language needs: numbers of the calendar, ISO and
numeric dates, clock times. A language's ``rules`` build on these with its own words.

The pieces know no words: what a language calls the hour (``uur``) or the part of
the day (``'s avonds``) comes in as an element built over its lexicon.
"""

from __future__ import annotations

import calendar
import re

from ..patterns import Element, Match, Number, Opt, Rule, Seq, Shape
from ..time.algebra import PartOfDay
from ..time.intent import Absolute, Clock, DayMonth, Intent

__all__ = ["clock", "clock12", "clock_at", "clock_colon", "clock_shape", "date_or_block", "day", "iso_date",
           "numeric_date", "real_day", "year"]

_ISO = r"(\d{4})-(\d\d)-(\d\d)"
_DAY_FIRST = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"


def year(name: str = "year") -> Element:
    """A year written in four digits, 1000 to 2999."""
    return Number(1000, 2999, name, exact=4)


def day(name: str = "day") -> Element:
    """A day of the month in one or two digits."""
    return Number(1, 31, name, digits=2)


def real_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``month`` has a ``day`` (in ``year``; without a year, in a leap year)."""
    return day <= calendar.monthrange(year or 2000, month)[1]


def date_or_block(year: int | None, month: int, day: int, *, short: bool = False) -> Absolute | DayMonth | None:
    """The date, with its year or without; None (a blocked reading) for a day the month lacks.
    A ``short`` year is written in two digits (its century comes from the DCT)."""
    if not real_day(None if short else year, month, day):
        return None
    if short and year is not None:
        return Absolute(year, month, day, short=True)
    return Absolute(year, month, day) if year else DayMonth(month, day)


def _absolute(y: int, mo: int, d: int) -> Absolute | None:
    return Absolute(y, mo, d) if 1 <= mo <= 12 and 1000 <= y <= 2999 and d >= 1 and real_day(y, mo, d) else None


def iso_date() -> Rule:
    """``2017-02-03``."""
    return Rule("date.iso", Shape(_ISO, lambda g: _absolute(int(g[1]), int(g[2]), int(g[3])), "date"),
                lambda m: m["date"], examples=("2017-02-03",))


def numeric_date(examples: tuple[str, ...]) -> Rule:
    """A date in digits, day first: ``14-03-2017``, ``1-7-2022``, ``14/03/2017``."""
    return Rule("date.numeric", Shape(_DAY_FIRST, lambda g: _absolute(int(g[3]), int(g[2]), int(g[1])), "date"),
                lambda m: m["date"], examples=examples)


def clock(hour: int, minute: int, part: PartOfDay | None) -> Clock | None:
    """A clock time read on a 12-hour dial where a part of the day says which half
    (``9 uur 's avonds`` is 21:00, ``12 uur 's nachts`` midnight, ``elf uur 's nachts`` 23:00);
    None if it is none."""
    if part in (PartOfDay.AFTERNOON, PartOfDay.EVENING) and hour < 12:
        hour += 12
    elif part in (PartOfDay.NIGHT, PartOfDay.MORNING) and hour == 12:
        hour = 0
    elif part is PartOfDay.NIGHT and 7 <= hour < 12:  # "'s nachts om elf uur": late in the evening
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    return Clock(hour % 24, minute)


def clock12(hour: int, minute: int, part: PartOfDay | None) -> Clock | None:
    """A clock time said on a 12-hour dial (``om drie uur``, ``half vier``): a part of the
    day says which half; without one, an hour from 1 to 6 is in the afternoon, as people
    mean it (``om drie uur`` is 15:00), and 7 to 12 in the morning or at noon."""
    if part is None and 1 <= hour <= 6:
        hour += 12
    return clock(hour, minute, part)


def clock_at(minutes: int, part: PartOfDay | None) -> Clock | None:
    """A clock time counted in minutes from midnight, said on a 12-hour dial (see :func:`clock12`)."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    if hour == 0 and part is None:
        hour = 12  # "kwart voor één" is a quarter to one in the afternoon, by the same reading
    return clock12(hour, minute, part)


def clock_shape(name: str, separators: str = ".:") -> Shape:
    """An hour and minutes in one token: ``15.30``, ``15:30``; captures ``(15, 30)``."""
    return Shape(rf"(\d{{1,2}})[{re.escape(separators)}](\d\d)", lambda g: (int(g[1]), int(g[2])), name)


def clock_colon(hour_word: Element, part: Element, examples: tuple[str, ...], tail: Element | None = None) -> Rule:
    """``15:30`` (and ``15:30 uur``, ``9:30 's avonds``): a colon marks a clock time by itself.
    ``part`` captures a part of the day as ``part``; ``tail`` is what may follow (a time zone)."""
    parts = (clock_shape("hm", ":"), Opt(hour_word), Opt(part)) + ((Opt(tail),) if tail is not None else ())
    return Rule("clock.colon", Seq(*parts), _hm_clock, examples=examples)


def _hm_clock(m: Match) -> Intent | None:
    hour, minute = m["hm"]
    return clock(hour, minute, m.get("part"))
