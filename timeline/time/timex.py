"""TIMEX3 values: the one place that knows how ``2017-W04-WE`` is spelled.

``render`` turns an :class:`~timeline.time.algebra.Interval` into a value and
``parse`` turns a value back into the interval, so that
``parse(render(i)) == i`` for every interval aligned on its grain.
Durations have their own small pair, :func:`render_duration` and
:func:`parse_duration`.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, time, timedelta
from fractions import Fraction

from .algebra import Grain, Interval, PartOfDay, Season, containing
from .intent import RefKind

__all__ = ["Mod", "TimexType", "is_value", "parse", "parse_duration", "ref_kind", "render", "render_duration",
           "render_end_of_day", "render_iso_interval", "render_ref", "render_unknown", "render_weekday_set"]

_PART = {PartOfDay.MORNING: "MO", PartOfDay.AFTERNOON: "AF", PartOfDay.EVENING: "EV", PartOfDay.NIGHT: "NI"}
_PART_OF = {code: part for part, code in _PART.items()}
_SEASON = {Season.SPRING: "SP", Season.SUMMER: "SU", Season.AUTUMN: "FA", Season.WINTER: "WI"}
_SEASON_OF = {code: season for season, code in _SEASON.items()}
_REF = {RefKind.PRESENT: "PRESENT_REF", RefKind.PAST: "PAST_REF", RefKind.FUTURE: "FUTURE_REF"}
_REF_OF = {value: kind for kind, value in _REF.items()}
_UNKNOWN = {Grain.CENTURY: "XX", Grain.DECADE: "XXX"}  # else a year: XXXX


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
    BEFORE = "BEFORE"  # "voor de verkiezingen": some time before the value
    AFTER = "AFTER"  # "na de verkiezingen": some time after it


def render(interval: Interval) -> str:
    """The TIMEX3 value of an interval, at the interval's grain."""
    s, g = interval.start, interval.grain
    # Not strftime's %Y: it drops the leading zeros of years before 1000 on some platforms.
    ymd = f"{s.year:04d}-{s.month:02d}-{s.day:02d}"
    if g is Grain.SECOND:
        return f"{ymd}T{s:%H:%M:%S}"
    if g is Grain.MINUTE:
        return f"{ymd}T{s:%H:%M}"
    if g is Grain.HOUR:
        return f"{ymd}T{s:%H}"
    if g is Grain.PART_OF_DAY:
        return f"{ymd}T{_PART[PartOfDay.at(s.hour)]}"
    if g is Grain.DAY:
        return ymd
    if g in (Grain.WEEK, Grain.WEEKEND):
        year, week, _ = s.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if g is Grain.WEEKEND else "")
    if g is Grain.MONTH:
        return ymd[:7]
    if g is Grain.QUARTER:
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    if g is Grain.HALF:
        return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
    if g is Grain.SEASON:
        return f"{s.year:04d}-{_SEASON[Season.starting(s.month)]}"
    if g is Grain.YEAR:
        return f"{s.year:04d}"
    if g is Grain.DECADE:
        return f"{s.year // 10:03d}"
    return f"{s.year // 100:02d}"  # CENTURY


_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d\d)(?:-(?P<day>\d\d)(?:T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d))?)?|(?P<part>MO|AF|EV|NI)))?)?"
    r"|W(?P<week>\d\d)(?P<weekend>-WE)?"
    r"|(?P<qh>[QH])(?P<n>\d)"
    r"|(?P<season>SP|SU|FA|WI)))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)


def is_value(value: str) -> bool:
    """Whether ``value`` is written as a TIMEX3 date or time value (whether or not the
    calendar has room for its interval)."""
    return _VALUE.fullmatch(value) is not None


def parse(value: str) -> Interval:
    """The interval a TIMEX3 date or time value names.

    Raises:
        ValueError: for anything that is not a point or period on the calendar
            (durations, sets, ``PRESENT_REF``...) or names an impossible date.
    """
    m = _VALUE.fullmatch(value)
    if not m:
        raise ValueError(f"not a TIMEX3 date or time value: {value!r}")
    if m["decade"] or m["century"]:
        grain = Grain.DECADE if m["decade"] else Grain.CENTURY
        scale = 10 if m["decade"] else 100
        year = int(m["decade"] or m["century"]) * scale
        return containing(datetime(max(year, 1), 1, 1), grain)
    year = int(m["year"])
    if year < 1:
        raise ValueError(f"year 0 does not exist: {value!r}")
    if m["week"]:
        monday = datetime.combine(date.fromisocalendar(year, int(m["week"]), 1), time())
        return containing(monday, Grain.WEEKEND if m["weekend"] else Grain.WEEK)
    if m["qh"]:
        n, size = int(m["n"]), 3 if m["qh"] == "Q" else 6
        if not 1 <= n <= 12 // size:
            raise ValueError(f"no such {'quarter' if size == 3 else 'half year'}: {value!r}")
        grain = Grain.QUARTER if size == 3 else Grain.HALF
        return containing(datetime(year, (n - 1) * size + 1, 1), grain)
    if m["season"]:
        return containing(datetime(year, _SEASON_OF[m["season"]].first_month, 1), Grain.SEASON)
    if not m["month"]:
        return containing(datetime(year, 1, 1), Grain.YEAR)
    if not m["day"]:
        return containing(datetime(year, int(m["month"]), 1), Grain.MONTH)
    d = datetime(year, int(m["month"]), int(m["day"]))
    if m["second"]:
        moment = d.replace(hour=int(m["hour"]), minute=int(m["minute"]), second=int(m["second"]))
        return containing(moment, Grain.SECOND)
    if m["minute"] and m["hour"] == "24" and m["minute"] == "00":  # the end of the day: its last minute
        return containing(d.replace(hour=23, minute=59), Grain.MINUTE)
    if m["minute"]:
        return containing(d.replace(hour=int(m["hour"]), minute=int(m["minute"])), Grain.MINUTE)
    if m["hour"]:
        return containing(d.replace(hour=int(m["hour"])), Grain.HOUR)
    if m["part"]:
        return containing(d + timedelta(hours=_PART_OF[m["part"]].first_hour), Grain.PART_OF_DAY)
    return containing(d, Grain.DAY)


# Duration designators, coarse to fine, with how many of the next finer unit
# make one: a fraction of a unit is written in the next finer one.
_DESIGNATOR = {Grain.CENTURY: "100Y", Grain.DECADE: "10Y", Grain.YEAR: "Y", Grain.HALF: "6M",
               Grain.QUARTER: "3M", Grain.SEASON: "3M", Grain.MONTH: "M", Grain.WEEK: "W",
               Grain.WEEKEND: "2D", Grain.DAY: "D", Grain.PART_OF_DAY: "6H", Grain.HOUR: "H",
               Grain.MINUTE: "M", Grain.SECOND: "S"}
_FINER = {Grain.YEAR: (Grain.MONTH, 12), Grain.MONTH: (Grain.DAY, 30), Grain.WEEK: (Grain.DAY, 7),
          Grain.DAY: (Grain.HOUR, 24), Grain.HOUR: (Grain.MINUTE, 60),
          Grain.MINUTE: (Grain.SECOND, 60)}


def render_duration(amount: Fraction | int | None, unit: Grain) -> str:
    """``P3D``, ``PT90M``, ``PXW``, ``P1.5W``: a length of ``amount`` units (None: unknown).

    A fraction goes to the next smaller unit (``P18M``, ``PT150M``); where that gives no
    whole number either, it is a decimal of the unit itself (``P1.5W``, not ``PT252H``).
    """
    designator = _DESIGNATOR[unit]
    if amount is not None:
        amount = Fraction(amount)
        if amount.denominator != 1 and unit in _FINER and (amount * _FINER[unit][1]).denominator == 1:
            unit, factor = _FINER[unit]
            amount *= factor
            designator = _DESIGNATOR[unit]
    count, letter = (int(designator[:-1]), designator[-1]) if len(designator) > 1 else (1, designator)
    number = "X" if amount is None else _decimal(amount * count)
    clock = "T" if unit in (Grain.HOUR, Grain.MINUTE, Grain.SECOND, Grain.PART_OF_DAY) else ""
    return f"P{clock}{number}{letter}"


def _decimal(amount: Fraction) -> str:
    """``3``, ``1.5``; ValueError for a fraction no decimal writes out (a third)."""
    if amount.denominator == 1:
        return str(amount.numerator)
    for places in range(1, 7):
        scaled = amount * 10**places
        if scaled.denominator == 1:
            whole, rest = divmod(scaled.numerator, 10**places)
            return f"{whole}.{rest:0{places}d}"
    raise ValueError(f"cannot write {amount} as a decimal")


_DURATION = re.compile(r"P(T?)(\d+|X)([YMWDHS])")
_UNIT_OF = {("", "Y"): Grain.YEAR, ("", "M"): Grain.MONTH, ("", "W"): Grain.WEEK, ("", "D"): Grain.DAY,
            ("T", "H"): Grain.HOUR, ("T", "M"): Grain.MINUTE, ("T", "S"): Grain.SECOND}


def parse_duration(value: str) -> tuple[int | None, Grain]:
    """``P3D`` -> ``(3, Grain.DAY)``; ``PXW`` -> ``(None, Grain.WEEK)``."""
    m = _DURATION.fullmatch(value)
    if not m or (m[1], m[3]) not in _UNIT_OF:
        raise ValueError(f"not a simple TIMEX3 duration: {value!r}")
    return (None if m[2] == "X" else int(m[2])), _UNIT_OF[m[1], m[3]]


def render_end_of_day(d: date) -> str:
    """Midnight at the end of day ``d``, as TimeML writes it: ``2017-02-02T24:00``; :func:`parse`
    gives back the day's last minute, so that it stays on its day."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}T24:00"


def render_weekday_set(weekday: int, part: PartOfDay | None = None) -> str:
    """The SET value of a weekly recurring day: ``XXXX-WXX-4`` (every Thursday), ``XXXX-WXX-4TEV``."""
    return f"XXXX-WXX-{weekday}" + (f"T{_PART[part]}" if part else "")


def render_part_set(part: PartOfDay) -> str:
    """The SET value of a part of every day: ``XXXX-XX-XXTEV`` (every evening)."""
    return f"XXXX-XX-XXT{_PART[part]}"


def render_season_set(season: Season) -> str:
    """The SET value of a season of every year: ``XXXX-FA`` (every autumn)."""
    return f"XXXX-{_SEASON[season]}"


def render_ref(kind: RefKind) -> str:
    """``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``."""
    return _REF[kind]


def ref_kind(value: str | None) -> RefKind | None:
    """The kind of a vague value (``PAST_REF``...), None for any other."""
    return _REF_OF.get(value) if value else None


def render_unknown(grain: Grain) -> str:
    """The value of a date whose digits are unknown, at a grain: ``XXXX``, ``XXX`` (a decade), ``XX``."""
    return _UNKNOWN.get(grain, "XXXX")


def render_iso_interval(interval: Interval) -> str:
    """An ISO 8601 interval by its first and last day (or minute): ``2017-01-26/2017-02-02``,
    the anchor of an event dated by a stretch such as ``de afgelopen week``."""
    if interval.grain >= Grain.DAY or (interval.start.time() == time() and interval.end.time() == time()):
        return f"{interval.start.date().isoformat()}/{(interval.end - timedelta(days=1)).date().isoformat()}"
    last = interval.end - timedelta(minutes=1)
    return f"{interval.start.isoformat(timespec='minutes')}/{last.isoformat(timespec='minutes')}"
