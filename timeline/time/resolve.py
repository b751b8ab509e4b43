"""Resolution: an intent and its anchor in, a TIMEX3 type, value and interval out.

:func:`resolve` is a pure function of the intent and the :class:`Anchor`
(DCT, clause tense, reference time). :func:`direction` is the single home of
the direction policy of the guidelines (section 4): a forcing modifier
first, then the tense of the clause. An intent that cannot be resolved gets
``interval=None`` and the best value the guidelines allow; nothing here
raises for a date at the ends of the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from attrs import frozen

from ..model import TimexType
from . import timex
from .algebra import Grain, Interval, PartOfDay, Season, containing
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
    PartOfYear,
    Ref,
    RefKind,
    Relative,
    Stretch,
    Tense,
    Weekend,
)

__all__ = ["Anchor", "Resolved", "direction", "reads_tense", "resolve", "unresolved", "uses_reference"]


@frozen
class Anchor:
    """What a relative expression is resolved against."""

    dct: date
    tense: Tense = Tense.PRESENT
    reference: Interval | None = None  # the latest explicit time the text mentioned before


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


def uses_reference(intent: Intent) -> bool:
    """Whether resolving ``intent`` may read the anchor's reference time."""
    return isinstance(intent, Clock) or (isinstance(intent, Relative) and intent.anchor is Anchored.REFERENCE)


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


def _dated(interval: Interval | None) -> Resolved:
    if interval is None:
        raise ValueError("no such date")
    kind = TimexType.TIME if interval.grain < Grain.DAY else TimexType.DATE
    return Resolved(kind, timex.render(interval), interval)


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time())


def _day(d: date, part: PartOfDay | None = None) -> Interval:
    if part is None:
        return containing(_midnight(d), Grain.DAY)
    return containing(_midnight(d) + timedelta(hours=part.first_hour), Grain.PART_OF_DAY)


def _nearest(make: Callable[[int], Interval | None], around: int, now: Interval, way: Direction) -> Interval:
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


def _part_of_year(intent: PartOfYear, year: int) -> Interval | None:
    g = intent.grain
    if g is Grain.WEEK:
        try:
            return containing(_midnight(date.fromisocalendar(year, intent.index, 1)), g)
        except ValueError:
            return None  # no week 53 that year
    if g is Grain.SEASON:
        month = list(Season)[intent.index - 1].first_month
    else:
        month = {Grain.MONTH: intent.index, Grain.QUARTER: 3 * intent.index - 2,
                 Grain.HALF: 6 * intent.index - 5}[g]
    return containing(datetime(year, month, 1), g)


def _resolve(intent: Intent, anchor: Anchor) -> Resolved:
    dct = anchor.dct
    today = _day(dct)
    match intent:
        case Absolute(year=y, month=None):
            return _dated(containing(datetime(y, 1, 1), Grain.YEAR))
        case Absolute(year=y, month=int(m), day=None):
            return _dated(containing(datetime(y, m, 1), Grain.MONTH))
        case Absolute(year=y, month=int(m), day=int(d)):
            return _dated(_day(date(y, m, d)))
        case DayMonth(month=m, day=d, direction=forced):
            way = direction(forced, anchor)
            return _dated(_nearest(lambda y: _day(date(y, m, d)), dct.year, today, way))
        case DayOfWeek(weekday=wd, direction=forced, week_shift=shift, part=part):
            if shift is not None:
                monday = containing(today.start, Grain.WEEK).shift(shift).start.date()
                return _dated(_day(monday + timedelta(days=wd - 1), part))
            if direction(forced, anchor) is Direction.BACK:
                found = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
            else:
                found = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
            return _dated(_day(found, part))
        case Deictic(days=n, part=part):
            return _dated(_day(dct + timedelta(days=n), part))
        case Ref(kind=kind):
            return Resolved(TimexType.DATE, timex.render_ref(kind))
        case Weekend(shift=shift, direction=forced):
            this = containing(today.start, Grain.WEEKEND)
            if shift is not None:
                return _dated(this.shift(shift))
            if forced is Direction.BACK:  # "afgelopen weekend": the latest that has ended by the DCT's end
                return _dated(this if this.end <= today.end else this.shift(-1))
            if forced is Direction.FORWARD:  # "komend weekend": the first that starts on or after the DCT
                return _dated(this if this.start >= today.start else this.shift(1))
            if anchor.tense is Tense.PAST:  # the latest weekend that has started by the DCT
                return _dated(this if this.start <= today.start else this.shift(-1))
            return _dated(this)
        case Relative(amount=n, unit=unit, anchor=Anchored.REFERENCE) if anchor.reference is not None:
            ref = anchor.reference
            # A day is too coarse to count hours from; a clock time is fine for seconds.
            finer_day = unit is Grain.DAY and ref.grain is Grain.PART_OF_DAY
            if ref.grain > unit and ref.grain > Grain.HOUR and not finer_day:
                raise ValueError("reference time too coarse")
            return _dated(_at_part(containing(ref.start, unit).shift(n), intent.part))
        case Relative(anchor=Anchored.REFERENCE, unit=unit) if unit < Grain.DAY:
            # "dertig seconden later" with no time before it: not the DCT's midnight.
            raise ValueError("no reference time for a clock-time offset")
        case Relative(amount=n, unit=unit, part=part):
            return _dated(_at_part(containing(today.start, unit).shift(n), part))
        case PartOfYear(year=int(y)):
            return _dated(_part_of_year(intent, y))
        case PartOfYear(year_shift=int(shift)):
            base = dct.year - (intent.grain is Grain.SEASON and intent.index == 4 and dct.month <= 2)
            return _dated(_part_of_year(intent, base + shift))
        case PartOfYear(direction=forced):
            now = containing(today.start, intent.grain)
            return _dated(_nearest(lambda y: _part_of_year(intent, y), dct.year, now, direction(forced, anchor)))
        case Holiday(rule=rule, year=int(y)):
            return _dated(_day(rule.on(y)))
        case Holiday(rule=rule, direction=forced):
            return _dated(_nearest(lambda y: _day(rule.on(y)), dct.year, today, direction(forced, anchor)))
        case Decade(tens=tens, century=century):
            if century is None:
                century = dct.year // 100 - (dct.year // 100 * 100 + tens * 10 > dct.year)
                if century < 0:
                    raise ValueError("that decade lies before year 1")
            return _dated(containing(datetime(max(1, century * 100 + tens * 10), 1, 1), Grain.DECADE))
        case Century(ordinal=n):
            return _dated(containing(datetime(max(1, (n - 1) * 100), 1, 1), Grain.CENTURY))
        case Clock(hour=h, minute=mi):
            on = dct
            if anchor.reference is not None and anchor.reference.grain <= Grain.DAY:
                on = anchor.reference.start.date()
            return _dated(containing(_midnight(on) + timedelta(hours=h, minutes=mi), Grain.MINUTE))
        case Length(amount=n, unit=unit):
            return Resolved(TimexType.DURATION, timex.render_duration(n, unit))
        case Stretch(length=Length(amount=n, unit=unit), direction=way):
            value = timex.render_duration(n, unit)
            return Resolved(TimexType.DURATION, value, _stretch(today, n, unit, way))
        case Every(weekday=int(wd), part=part):
            return Resolved(TimexType.SET, timex.render_weekday_set(wd, part))
        case Every(unit=unit, amount=n) if unit is not None:
            return Resolved(TimexType.SET, timex.render_duration(n, unit))
    raise ValueError(f"cannot resolve {intent!r}")


def _at_part(interval: Interval, part: PartOfDay | None) -> Interval:
    if part is None or interval.grain is not Grain.DAY:
        return interval
    return _day(interval.start.date(), part)


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
