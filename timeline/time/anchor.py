"""The anchor an expression is resolved against, what resolution gives, and the calendar
steps every resolver shares.

:func:`direction` is the single home of the direction policy of the guidelines
(section 4): a forcing modifier first, then the tense of the clause;
:func:`either_way` the one exception (the time of a thing named before it).
:func:`nearest` finds the occurrence of a yearly pattern nearest the anchor on a
side; :func:`day_at` and :func:`on_day` say a day (with a part of it) and a day said
as a time, so that no resolver invents a clock time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from attrs import frozen

from . import timex
from .algebra import Grain, Interval, PartOfDay, containing
from .intent import DayMonth, DayOfWeek, Direction, PartOfYear, Tense, Weekend
from .timex import TimexType

__all__ = ["Anchor", "Resolved", "at_part", "closer", "dated", "day_at", "direction", "either_way", "midnight",
           "nearest", "nearest_of", "on_day"]


@frozen
class Anchor:
    """What a relative expression is resolved against."""

    dct: date
    tense: Tense = Tense.PRESENT
    reference: Interval | None = None  # the latest explicit time the text mentioned before
    dct_time: time | None = None  # the DCT's time of day, where it has one: hours and minutes count from it


@frozen
class Resolved:
    """A resolved expression: TIMEX3 type and value, and the interval where there is one."""

    type: TimexType
    value: str
    interval: Interval | None = None


def direction(forced: Direction | None, anchor: Anchor) -> Direction:
    """Which way an underspecified expression points: forced by a modifier, else by tense."""
    if forced is not None:
        return forced
    return Direction.BACK if anchor.tense is Tense.PAST else Direction.FORWARD


def either_way(intent: DayOfWeek | DayMonth | PartOfYear | Weekend, anchor: Anchor) -> bool:
    """Whether the nearest occurrence either way is meant: an expression that tells the time
    of a thing named before it (``de slotkoers van vrijdag``, ``de cijfers van maart``) in a
    present clause, whose tense times the verb, not the thing. A past or future clause, and
    a forcing word, still point one way."""
    return intent.nearest and intent.direction is None and anchor.tense is Tense.PRESENT


def closer(back: Interval, ahead: Interval, now: Interval) -> Interval:
    """Of two occurrences, the one nearer to ``now`` (a tie goes ahead, as the present does)."""
    before = max(timedelta(0), now.start - back.end)
    after = max(timedelta(0), ahead.start - now.end)
    return back if before < after else ahead


def dated(interval: Interval | None) -> Resolved:
    if interval is None:
        raise ValueError("no such date")
    kind = TimexType.TIME if interval.grain < Grain.DAY else TimexType.DATE
    return Resolved(kind, timex.render(interval), interval)


def midnight(d: date) -> datetime:
    return datetime.combine(d, time())


def day_at(d: date, part: PartOfDay | None = None) -> Interval:
    if part is None:
        return containing(midnight(d), Grain.DAY)
    return containing(midnight(d) + timedelta(hours=part.first_hour), Grain.PART_OF_DAY)


def nearest(make: Callable[[int], Interval | None], around: int, now: Interval, way: Direction) -> Interval:
    """The occurrence nearest to ``now`` on the side ``way``, trying years around ``around``.

    Back: the latest that starts on or before ``now``; forward: the first that
    starts on or after it (so the DCT's own month is "in december" either way).
    """
    years = range(around + 1, around - 9, -1) if way is Direction.BACK else range(around - 1, around + 9)
    for year in years:
        if not 1 <= year <= 9999:
            continue
        try:
            found = make(year)
        except ValueError:
            continue
        if found is None:
            continue
        back = way is Direction.BACK
        if (back and found.start <= now.start) or (not back and found.start >= now.start):
            return found
    raise ValueError("no occurrence near the anchor")


def nearest_of(make: Callable[[int], Interval | None], around: int, now: Interval,
                way: Direction | None) -> Interval:
    """:func:`nearest` on the side ``way``, or (``None``) the nearer of the two sides."""
    if way is not None:
        return nearest(make, around, now, way)
    return closer(nearest(make, around, now, Direction.BACK), nearest(make, around, now, Direction.FORWARD), now)


def at_part(interval: Interval, part: PartOfDay | None) -> Interval:
    if part is None or interval.grain is not Grain.DAY:
        return interval
    return day_at(interval.start.date(), part)


def on_day(day: Interval) -> Resolved:
    """A time some hours or minutes from a day with no clock time: that day, said as a time.
    Counting from its midnight would invent a clock time (guidelines 4b: under the DCT
    2013-02-12, ``een uur geleden`` is ``2013-02-12``, not ``2013-02-11T23``)."""
    return Resolved(TimexType.TIME, timex.render(day), day)
