"""Time algebra: grains and half-open intervals on the proleptic Gregorian calendar.

Everything here is pure and total over the dates Python can represent: an
operation that would leave year 1..9999 raises :class:`ValueError` (never
``OverflowError``), so callers have one exception to handle.
"""

from __future__ import annotations

import calendar
import enum
from datetime import date, datetime, time, timedelta

from attrs import field, frozen

__all__ = ["DayRule", "Grain", "Interval", "PartOfDay", "Season", "add", "containing", "day", "day_in", "easter",
           "floor", "nth_weekday", "week_in"]


class Grain(enum.IntEnum):
    """Units of time, ordered from fine to coarse."""

    SECOND = 0
    MINUTE = 1
    HOUR = 2
    PART_OF_DAY = 3
    DAY = 4
    WEEKEND = 5
    WEEK = 6
    MONTH = 7
    QUARTER = 8
    SEASON = 9
    HALF = 10
    YEAR = 11
    DECADE = 12
    CENTURY = 13


class PartOfDay(enum.Enum):
    """A part of a day: six hours each, the night first."""

    NIGHT = "night"
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    @property
    def first_hour(self) -> int:
        return 6 * _PARTS.index(self)

    @staticmethod
    def at(hour: int) -> PartOfDay:
        """The part of the day an hour (0-23) falls in."""
        return _PARTS[hour // 6]


_PARTS = tuple(PartOfDay)


class Season(enum.Enum):
    """A season, in the order of the year; winter starts in December of its year."""

    SPRING = "spring"
    SUMMER = "summer"
    AUTUMN = "autumn"
    WINTER = "winter"

    @property
    def first_month(self) -> int:
        return 3 + 3 * _SEASONS.index(self)

    @staticmethod
    def starting(month: int) -> Season:
        """The season that starts in ``month`` (3, 6, 9 or 12)."""
        return _SEASONS[(month - 3) // 3]


_SEASONS = tuple(Season)
# How many months one unit of a month-based grain spans.
MONTHS_IN = {Grain.MONTH: 1, Grain.QUARTER: 3, Grain.SEASON: 3, Grain.HALF: 6,
             Grain.YEAR: 12, Grain.DECADE: 120, Grain.CENTURY: 1200}
_FIXED = {Grain.SECOND: timedelta(seconds=1), Grain.MINUTE: timedelta(minutes=1), Grain.HOUR: timedelta(hours=1),
          Grain.PART_OF_DAY: timedelta(days=1), Grain.DAY: timedelta(days=1),
          Grain.WEEKEND: timedelta(days=7), Grain.WEEK: timedelta(days=7)}


def _check_order(instance: Interval, attribute: object, end: datetime) -> None:
    if end <= instance.start:
        raise ValueError(f"interval must end after it starts: {instance.start} .. {end}")


@frozen(order=False)
class Interval:
    """A half-open stretch of time ``[start, end)`` that knows its grain."""

    start: datetime
    end: datetime = field(validator=_check_order)
    grain: Grain

    def shift(self, n: int) -> Interval:
        """Move by ``n`` units of the interval's own grain (next day, previous week...)."""
        if n == 0:
            return self
        try:
            if self.grain in _FIXED:
                step = _FIXED[self.grain] * n
                return Interval(self.start + step, self.end + step, self.grain)
            months = MONTHS_IN[self.grain] * n
            return Interval(_add_months(self.start, months), _add_months(self.end, months), self.grain)
        except OverflowError as err:
            raise ValueError(f"shifting {self} by {n} leaves the calendar") from err

    def contains(self, other: Interval | datetime) -> bool:
        """Whether a moment, or a whole interval, lies inside this one."""
        if isinstance(other, Interval):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other < self.end

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


def day(d: date) -> Interval:
    """The calendar day ``d`` as an interval."""
    return containing(datetime.combine(d, time()), Grain.DAY)


def add(t: datetime, n: int, unit: Grain) -> datetime:
    """``t`` moved by ``n`` units: fixed ones by their length, months and longer by the
    calendar (a day that the target month lacks becomes its last day)."""
    try:
        if unit in _FIXED and unit not in (Grain.PART_OF_DAY, Grain.WEEKEND):
            return t + _FIXED[unit] * n
    except OverflowError as err:
        raise ValueError(f"moving {t} by {n} {unit.name.lower()}s leaves the calendar") from err
    if unit not in MONTHS_IN:
        raise ValueError(f"cannot count in {unit.name.lower()}s")
    return _add_months(t, MONTHS_IN[unit] * n)


def _add_months(t: datetime, months: int) -> datetime:
    """``t`` moved by whole months, keeping its day where the month has it (else its last)."""
    index = t.year * 12 + t.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    return t.replace(year=year, month=month + 1, day=min(t.day, calendar.monthrange(year, month + 1)[1]))


def _month_aligned(year: int, month: int, months: int, grain: Grain) -> Interval:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    start = datetime(year, month, 1)
    return Interval(start, _add_months(start, months), grain)


def containing(t: datetime, grain: Grain) -> Interval:
    """The unit of ``grain`` that contains ``t``.

    For ``WEEKEND`` this is the weekend of ``t``'s ISO week, which contains
    ``t`` only when ``t`` falls on a Saturday or Sunday.
    """
    try:
        if grain is Grain.SECOND:
            start = t.replace(microsecond=0)
            return Interval(start, start + timedelta(seconds=1), grain)
        if grain is Grain.MINUTE:
            start = t.replace(second=0, microsecond=0)
            return Interval(start, start + timedelta(minutes=1), grain)
        if grain is Grain.HOUR:
            start = t.replace(minute=0, second=0, microsecond=0)
            return Interval(start, start + timedelta(hours=1), grain)
        midnight = datetime.combine(t.date(), time())
        if grain is Grain.PART_OF_DAY:
            first = (t.hour // 6) * 6
            return Interval(midnight + timedelta(hours=first), midnight + timedelta(hours=first + 6), grain)
        if grain is Grain.DAY:
            return Interval(midnight, midnight + timedelta(days=1), grain)
        if grain in (Grain.WEEK, Grain.WEEKEND):
            monday = midnight - timedelta(days=t.weekday())
            if grain is Grain.WEEK:
                return Interval(monday, monday + timedelta(days=7), grain)
            return Interval(monday + timedelta(days=5), monday + timedelta(days=7), grain)
    except OverflowError as err:
        raise ValueError(f"the {grain.name.lower()} of {t} leaves the calendar") from err
    if grain is Grain.SEASON:
        year = t.year if t.month >= 3 else t.year - 1
        first = 12 if t.month in (12, 1, 2) else (t.month // 3) * 3
        return _month_aligned(year, first, 3, grain)
    size = MONTHS_IN[grain]
    if grain in (Grain.DECADE, Grain.CENTURY):
        year = max(1, t.year // (size // 12) * (size // 12))
        return _month_aligned(year, 1, size if year > 1 else size - 12, grain)
    return _month_aligned(t.year, (t.month - 1) // size * size + 1, size, grain)


def floor(t: datetime, grain: Grain) -> datetime:
    """The start of the unit of ``grain`` that contains ``t``."""
    return containing(t, grain).start


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, dom = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, dom + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` (1 = Monday) of a month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (n - 1))


def day_in(span: Interval, nth: int, weekday: int | None = None) -> date:
    """The ``nth`` day of ``span`` (a month, a year), or its ``nth`` ISO ``weekday``;
    a negative ``nth`` counts from the end (-1: the last). ValueError where ``span`` has none."""
    first, last = span.start.date(), span.end.date() - timedelta(days=1)
    if nth == 0 or last < first:
        raise ValueError("no such day")
    if nth > 0:
        found = first + timedelta(days=nth - 1)
        if weekday is not None:
            found = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        found = last + timedelta(days=nth + 1)
        if weekday is not None:
            found = last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    if not first <= found <= last:
        raise ValueError(f"{span} has no day {nth}")
    return found


def week_in(span: Interval, nth: int) -> Interval:
    """The ``nth`` week of ``span`` (-1: the last) as an ISO week: of a year its ISO week
    ``nth`` (the last is the one that holds 28 December), of anything shorter the week of its
    ``nth`` Monday."""
    if span.grain is Grain.YEAR:
        year = span.start.year
        weeks = date(year, 12, 28).isocalendar()[1]
        index = nth if nth > 0 else weeks + nth + 1
        if not 1 <= index <= weeks:
            raise ValueError(f"{year} has no week {nth}")
        return containing(datetime.combine(date.fromisocalendar(year, index, 1), time()), Grain.WEEK)
    return containing(datetime.combine(day_in(span, nth, 1), time()), Grain.WEEK)


@frozen
class DayRule:
    """How to find a named day in a given year, for holidays.

    Exactly one way: a fixed ``month``/``day`` (moved by ``if_sunday`` days
    when it falls on a Sunday), ``easter`` days after Easter Sunday, or the
    ``nth`` ``weekday`` of ``month``; ``since``/``until``: the first and last year the
    day was held (Koninginnedag until 2013).
    """

    month: int | None = None
    day: int | None = None
    easter: int | None = None
    weekday: int | None = None
    nth: int | None = None
    if_sunday: int = 0
    since: int | None = None
    until: int | None = None

    def held(self, year: int) -> int:
        """The year nearest to ``year`` in which the day was held."""
        if self.until is not None and year > self.until:
            return self.until
        return max(year, self.since) if self.since is not None else year

    def on(self, year: int) -> date:
        """The day in ``year``; ValueError where the calendar has none (or it was not held)."""
        if self.held(year) != year:
            raise ValueError(f"not held in {year}")
        if self.easter is not None:
            return easter(year) + timedelta(days=self.easter)
        if self.month is None:
            raise ValueError("a day rule needs a month or an Easter offset")
        if self.nth is not None and self.weekday is not None:
            return nth_weekday(year, self.month, self.weekday, self.nth)
        if self.day is None:
            raise ValueError("a day rule needs a day, an nth weekday or an Easter offset")
        found = date(year, self.month, self.day)
        return found + timedelta(days=self.if_sunday) if found.isoweekday() == 7 else found
