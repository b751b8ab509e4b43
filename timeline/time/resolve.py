"""Resolution: an intent and its anchor in, a TIMEX3 type, value and interval out.

:func:`resolve` is a pure function of the intent and the :class:`Anchor`
(DCT, clause tense, reference time), one resolver per kind of intent, on the
shared steps of :mod:`timeline.time.anchor` (where the direction policy lives).
An intent that cannot be resolved gets
``interval=None`` and the best value the guidelines allow; nothing here
raises for a date at the ends of the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from . import timex
from .algebra import Grain, Interval, Season, add, containing, day_in, week_in
from .anchor import (
    Anchor,
    Resolved,
    at_part,
    closer,
    dated,
    day_at,
    direction,
    either_way,
    midnight,
    nearest,
    nearest_of,
    on_day,
)
from .intent import (
    Absolute,
    Anchored,
    Century,
    Clock,
    DayMonth,
    DayOfWeek,
    Decade,
    Deictic,
    Direction,
    Every,
    Holiday,
    Intent,
    Length,
    Nth,
    PartOfYear,
    Ref,
    RefKind,
    Relative,
    Shifted,
    Stretch,
    Tense,
    Weekend,
)
from .timex import TimexType

__all__ = ["Anchor", "Resolved", "direction", "reads_tense", "resolve", "unresolved", "uses_reference"]


def uses_reference(intent: Intent) -> bool:
    """Whether resolving ``intent`` may read the anchor's reference time."""
    if isinstance(intent, Clock):
        return intent.day is None or uses_reference(intent.day)
    if isinstance(intent, Nth):
        return uses_reference(intent.within)
    if isinstance(intent, Shifted):
        return intent.base is not None and uses_reference(intent.base)
    return isinstance(intent, Relative) and intent.anchor is Anchored.REFERENCE


def reads_tense(intent: Intent) -> bool:
    """Whether resolving ``intent`` may read the tense of its clause: only where the
    direction is left open (a bare weekday, month, day and month, weekend or holiday)."""
    match intent:
        case DayOfWeek(direction=None, week_shift=None) | DayMonth(direction=None):
            return True
        case Weekend(shift=None, direction=None) | Holiday(direction=None, year=None):
            return True
        case PartOfYear(direction=None, year=None, year_shift=None):
            return True
        case Clock(day=day) if day is not None:
            return reads_tense(day)
        case Nth(within=within):
            return reads_tense(within)
        case Shifted(base=base) if base is not None:
            return reads_tense(base)
    return False


def unresolved(intent: Intent) -> Resolved:
    """What ``intent`` resolves to when its anchor is unknown: its type, the best value
    the guidelines allow (``XXXX``, ``FUTURE_REF``...) and no interval."""
    return Resolved(_type_of(intent), _fallback(intent))


def resolve(intent: Intent, anchor: Anchor) -> Resolved:
    """Resolve ``intent`` against ``anchor``; never raises for calendar overflow."""
    try:
        return _resolve(intent, anchor)
    except (ValueError, OverflowError):
        return unresolved(intent)


def _part_of_year(intent: PartOfYear, year: int) -> Interval | None:
    g = intent.grain
    if g is Grain.WEEK:
        try:
            return containing(midnight(date.fromisocalendar(year, intent.index, 1)), g)
        except ValueError:
            return None  # no week 53 that year
    if g is Grain.SEASON:
        month = list(Season)[intent.index - 1].first_month
    else:
        month = {Grain.MONTH: intent.index, Grain.QUARTER: 3 * intent.index - 2,
                 Grain.HALF: 6 * intent.index - 5}[g]
    return containing(datetime(year, month, 1), g)


def _resolve(intent: Intent, anchor: Anchor) -> Resolved:
    how = _BY_KIND.get(type(intent))
    if how is None:
        raise ValueError(f"cannot resolve {intent!r}")
    return how(intent, anchor)


def _absolute(intent: Absolute, anchor: Anchor) -> Resolved:
    y, m, d = intent.year, intent.month, intent.day
    if intent.short:
        y = _nearest_year(y % 100, anchor.dct.year)
    if m is None:
        return dated(containing(datetime(y, 1, 1), Grain.YEAR))
    if d is None:
        return dated(containing(datetime(y, m, 1), Grain.MONTH))
    return dated(day_at(date(y, m, d)))


def _nearest_year(two_digits: int, around: int) -> int:
    """The year ending in ``two_digits`` nearest to ``around`` (81 by 2013 is 1981, 18 is 2018);
    of two as near, the earlier (a text looks back more often than fifty years ahead)."""
    here = around - around % 100 + two_digits
    return min((here - 100, here, here + 100), key=lambda y: (abs(y - around), y))


def _day_month(intent: DayMonth, anchor: Anchor) -> Resolved:
    def make(y: int) -> Interval:
        return day_at(date(y, intent.month, intent.day))

    now = day_at(anchor.dct)
    if intent.weekday is not None and intent.direction is None:
        # "zaterdag 14 mei": of the latest such day and the next, the one on that weekday
        sides = {nearest(make, anchor.dct.year, now, way) for way in (Direction.BACK, Direction.FORWARD)}
        fits = [side for side in sides if side.start.isoweekday() == intent.weekday]
        if len(fits) == 1:
            return dated(fits[0])
    way = None if either_way(intent, anchor) else direction(intent.direction, anchor)
    return dated(nearest_of(make, anchor.dct.year, now, way))


def _day_of_week(intent: DayOfWeek, anchor: Anchor) -> Resolved:
    dct, wd = anchor.dct, intent.weekday
    if intent.week_shift is not None:  # "volgende week dinsdag": that week's day, whatever the DCT's weekday
        monday = containing(midnight(dct), Grain.WEEK).shift(intent.week_shift).start.date()
        return dated(day_at(monday + timedelta(days=wd - 1), intent.part))
    # A forcing word is strict (guidelines 4b): "vorige donderdag" on a Thursday is a week
    # back, "komende donderdag" a week ahead; only the bare weekday is the DCT's own day.
    own = 7 if intent.strict else 0
    back, ahead = (dct.isoweekday() - wd) % 7 or own, (wd - dct.isoweekday()) % 7 or own
    if either_way(intent, anchor):  # "de slotkoers van vrijdag" on a Monday: the Friday before
        found = dct - timedelta(days=back) if back < ahead else dct + timedelta(days=ahead)
    elif direction(intent.direction, anchor) is Direction.BACK:
        found = dct - timedelta(days=back)
    else:
        found = dct + timedelta(days=ahead)
    if intent.weeks_on:  # "vrijdag over een week": the coming Friday and seven days
        found += timedelta(weeks=intent.weeks_on)
    return dated(day_at(found, intent.part))


def _deictic(intent: Deictic, anchor: Anchor) -> Resolved:
    return dated(day_at(anchor.dct + timedelta(days=intent.days), intent.part))


def _ref(intent: Ref, anchor: Anchor) -> Resolved:
    return Resolved(TimexType.DATE, timex.render_ref(intent.kind))


def _weekend(intent: Weekend, anchor: Anchor) -> Resolved:
    today = day_at(anchor.dct)
    this = containing(today.start, Grain.WEEKEND)
    if intent.shift is not None:
        return dated(this.shift(intent.shift))
    if intent.direction is Direction.BACK:  # "afgelopen weekend": the latest that has ended by the DCT's end
        return dated(this if this.end <= today.end else this.shift(-1))
    if intent.direction is Direction.FORWARD:  # "komend weekend": the first that starts on or after the DCT
        return dated(this if this.start >= today.start else this.shift(1))
    if anchor.tense is Tense.PAST:  # the latest weekend that has started by the DCT
        return dated(this if this.start <= today.start else this.shift(-1))
    if either_way(intent, anchor) and this.start > today.start:  # "de rellen van het weekend"
        return dated(closer(this.shift(-1), this, today))
    return dated(this)


def _relative(intent: Relative, anchor: Anchor) -> Resolved:
    n, unit = intent.amount, intent.unit
    if intent.anchor is Anchored.REFERENCE:
        ref = anchor.reference
        if ref is None:
            if unit < Grain.DAY and anchor.dct_time is not None:  # "30 minuten later" first: from the DCT's time
                return _from_dct_time(n, unit, anchor.dct, anchor.dct_time)
            if unit < Grain.DAY:  # "dertig seconden later" with no time before it: not the DCT's midnight
                raise ValueError("no reference time for a clock-time offset")
        else:
            if unit < Grain.DAY and ref.grain is Grain.DAY:  # "Gisteren ... Tien minuten later"
                return on_day(ref)
            # A day is too coarse to count hours from; a clock time is fine for seconds.
            finer_day = unit is Grain.DAY and ref.grain is Grain.PART_OF_DAY
            if ref.grain > unit and ref.grain > Grain.HOUR and not finer_day:
                raise ValueError("reference time too coarse")
            return dated(at_part(containing(ref.start, unit).shift(n), intent.part))
    if unit < Grain.DAY and anchor.dct_time is not None:  # "een kwartier geleden" under 2013-02-12T04:30
        return _from_dct_time(n, unit, anchor.dct, anchor.dct_time)
    if unit < Grain.DAY:  # "een uur geleden", "over een half uur" from a DCT that is a date
        return on_day(day_at(anchor.dct))
    return dated(at_part(containing(midnight(anchor.dct), unit).shift(n), intent.part))


def _shifted(intent: Shifted, anchor: Anchor) -> Resolved:
    """Every step added in turn to the anchor's start (the DCT, or the day the expression
    names), the value at the finest step's grain: ``3 weken voor Kerst`` is an ISO week."""
    grain = intent.grain or min(unit for _, unit in intent.steps)
    if intent.base is None and anchor.dct_time is not None and grain < Grain.DAY:
        start = containing(datetime.combine(anchor.dct, anchor.dct_time), Grain.MINUTE)  # from the DCT's clock
    elif intent.base is None:
        start = day_at(anchor.dct)
    else:
        found = _resolve(intent.base, anchor).interval
        if found is None or found.grain > Grain.DAY:
            raise ValueError("an anchored offset needs a day to count from")
        start = found
    t = start.start
    clockless = grain < Grain.DAY and start.grain >= Grain.DAY
    for n, unit in intent.steps:
        if not (clockless and unit < Grain.DAY):  # hours from a day without a clock time stay on it
            t = add(t, n, unit)
    if clockless:  # guidelines 4b: never invent a clock time
        return on_day(day_at(t.date()))
    return dated(containing(t, min(grain, Grain.MINUTE) if grain < Grain.DAY else grain))  # hours: to the minute


def _from_dct_time(n: int, unit: Grain, dct: date, at: time) -> Resolved:
    """``n`` hours, minutes or seconds from the DCT's clock time, to the minute (to the
    second for seconds): ``over een uur`` under 2013-02-12T04:30 is 2013-02-12T05:30."""
    moment = add(datetime.combine(dct, at), n, unit)
    return dated(containing(moment, Grain.SECOND if unit is Grain.SECOND else Grain.MINUTE))


def _part_of_year_in(intent: PartOfYear, anchor: Anchor) -> Resolved:
    dct = anchor.dct
    if intent.year is not None:
        return dated(_part_of_year(intent, intent.year))
    if intent.year_shift is not None:  # "vorige winter" in February: the winter that began in December
        base = dct.year - (intent.grain is Grain.SEASON and intent.index == 4 and dct.month <= 2)
        return dated(_part_of_year(intent, base + intent.year_shift))
    now = containing(midnight(dct), intent.grain)
    way = None if either_way(intent, anchor) else direction(intent.direction, anchor)
    return dated(nearest_of(lambda y: _part_of_year(intent, y), dct.year, now, way))


def _nth(intent: Nth, anchor: Anchor) -> Resolved:
    """A day or week by its place in a month or year, which resolves first."""
    within = _resolve(intent.within, anchor).interval
    if within is None or within.grain < Grain.WEEK:
        raise ValueError("a position needs a month or a year to count in")
    if intent.grain is Grain.WEEK:
        return dated(week_in(within, intent.nth))
    return dated(day_at(day_in(within, intent.nth, intent.weekday)))


def _holiday(intent: Holiday, anchor: Anchor) -> Resolved:
    """By the bare-month rule; a day held only in some years (Koninginnedag until 2013) is
    the nearest one held when none lies that way (in a 2020 text, 30 April 2013)."""
    rule = intent.rule
    if intent.year is not None:
        return dated(day_at(rule.on(intent.year)))
    way = direction(intent.direction, anchor)
    now, around = day_at(anchor.dct), rule.held(anchor.dct.year)
    try:
        return dated(nearest(lambda y: day_at(rule.on(y)), around, now, way))
    except ValueError:
        pass  # none held that way: the nearest held the other way
    back = Direction.FORWARD if way is Direction.BACK else Direction.BACK
    return dated(nearest(lambda y: day_at(rule.on(y)), around, now, back))


def _decade(intent: Decade, anchor: Anchor) -> Resolved:
    year, century = anchor.dct.year, intent.century
    if century is None:  # "de jaren tachtig": the latest such decade that has begun by the DCT
        century = year // 100 - (year // 100 * 100 + intent.tens * 10 > year)
        if century < 0:
            raise ValueError("that decade lies before year 1")
    return dated(containing(datetime(max(1, century * 100 + intent.tens * 10), 1, 1), Grain.DECADE))


def _century(intent: Century, anchor: Anchor) -> Resolved:
    return dated(containing(datetime(max(1, (intent.ordinal - 1) * 100), 1, 1), Grain.CENTURY))


def _clock(intent: Clock, anchor: Anchor) -> Resolved:
    """A clock time on its own day ("maandag om 9 uur"), else on the day of the reference
    time when that is a day or finer, else on the DCT's day."""
    on = anchor.dct
    if intent.day is not None:
        day = _resolve(intent.day, anchor).interval
        if day is None or day.grain > Grain.DAY:
            raise ValueError("a clock time needs a day, not a longer stretch")
        on = day.start.date()
    elif anchor.reference is not None and anchor.reference.grain <= Grain.DAY:
        on = anchor.reference.start.date()
    if intent.hour == 24:  # "middernacht": the end of that day, T24:00 (guidelines 4b)
        return Resolved(TimexType.TIME, timex.render_end_of_day(on), timex.parse(timex.render_end_of_day(on)))
    return dated(containing(midnight(on) + timedelta(hours=intent.hour, minutes=intent.minute), Grain.MINUTE))


def _length(intent: Length, anchor: Anchor) -> Resolved:
    return Resolved(TimexType.DURATION, timex.render_duration(intent.amount, intent.unit))


def _stretch_of(intent: Stretch, anchor: Anchor) -> Resolved:
    n, unit = intent.length.amount, intent.length.unit
    return Resolved(TimexType.DURATION, timex.render_duration(n, unit),
                    _stretch(day_at(anchor.dct), n, unit, intent.direction))


def _every(intent: Every, anchor: Anchor) -> Resolved:
    if intent.weekday is not None:
        return Resolved(TimexType.SET, timex.render_weekday_set(intent.weekday, intent.part))
    if intent.part is not None:
        return Resolved(TimexType.SET, timex.render_part_set(intent.part))
    if intent.season is not None:
        return Resolved(TimexType.SET, timex.render_season_set(intent.season))
    if intent.unit is None:
        raise ValueError(f"cannot resolve {intent!r}")
    return Resolved(TimexType.SET, timex.render_duration(intent.amount, intent.unit))


_BY_KIND: dict[type, Callable[[Any, Anchor], Resolved]] = {
    Absolute: _absolute, DayMonth: _day_month, DayOfWeek: _day_of_week, Deictic: _deictic, Ref: _ref,
    Weekend: _weekend, Relative: _relative, PartOfYear: _part_of_year_in, Holiday: _holiday, Decade: _decade,
    Century: _century, Clock: _clock, Length: _length, Stretch: _stretch_of, Every: _every, Nth: _nth,
    Shifted: _shifted,
}
"""How each kind of intent is resolved (an EventRelative is resolved by the event layer)."""


def _stretch(today: Interval, amount: object, unit: Grain, way: Direction) -> Interval | None:
    """The stretch of ``amount`` units that ends with the DCT's day, or starts with it."""
    if amount is None or getattr(amount, "denominator", 1) != 1:
        return None
    n = int(amount)  # type: ignore[call-overload]
    probe = Interval(today.start, today.end, unit) if unit >= Grain.DAY else None
    if probe is None:
        return None
    if way is Direction.BACK:
        start = probe.shift(-n).start
        return Interval(start, today.end, Grain.DAY)
    return Interval(today.start, probe.shift(n).start, Grain.DAY)


def _type_of(intent: Intent) -> TimexType:
    if isinstance(intent, (Length, Stretch)):
        return TimexType.DURATION
    if isinstance(intent, Every):
        return TimexType.SET
    if isinstance(intent, Clock) or getattr(intent, "part", None):
        return TimexType.TIME
    return TimexType.DATE


def _fallback(intent: Intent) -> str:
    """The value of an expression that cannot be placed on the calendar: a shift from now
    is some time before or after it, a length an unknown number of days, a decade or a
    century one with unknown digits, anything else an unknown date."""
    if isinstance(intent, Relative):
        kind = RefKind.PAST if intent.amount < 0 else RefKind.FUTURE if intent.amount > 0 else RefKind.PRESENT
        return timex.render_ref(kind)
    if isinstance(intent, (Length, Stretch, Every)):
        return timex.render_duration(None, Grain.DAY)
    return timex.render_unknown(Grain.DECADE if isinstance(intent, Decade)
                                else Grain.CENTURY if isinstance(intent, Century) else Grain.YEAR)
