"""The resolver on meanings made by hand, for what no Dutch rule makes yet: a clock time whose
day the same expression names ("maandag om 9 uur", "morgen om 8 uur")."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from timeline.model import TimexType
from timeline.time.algebra import Grain, containing
from timeline.time.intent import Anchored, Clock, DayMonth, DayOfWeek, Deictic, Direction, PartOfYear, Relative, Tense
from timeline.time.resolve import Anchor, reads_tense, resolve, uses_reference

THURSDAY = date(2017, 2, 2)
SUNDAY = containing(datetime(2017, 2, 5), Grain.DAY)


@pytest.mark.parametrize(("intent", "tense", "reference", "value"), [
    (Clock(9, 0, DayOfWeek(1)), Tense.PRESENT, None, "2017-02-06T09:00"),  # maandag om 9 uur (komt)
    (Clock(9, 0, DayOfWeek(1)), Tense.PAST, None, "2017-01-30T09:00"),  # maandag om 9 uur (kwam)
    (Clock(9, 30, DayOfWeek(1, Direction.BACK)), Tense.PRESENT, None, "2017-01-30T09:30"),  # afgelopen maandag
    (Clock(8, 0, Deictic(1)), Tense.PAST, None, "2017-02-03T08:00"),  # morgen om 8 uur
    (Clock(20, 0, Deictic(0)), Tense.PRESENT, SUNDAY, "2017-02-02T20:00"),  # vandaag: not the reference's day
    (Clock(14, 0, DayMonth(2, 3)), Tense.PRESENT, None, "2017-02-03T14:00"),  # 3 februari om 14.00 uur
    (Clock(7, 58, Relative(1, Grain.DAY, Anchored.REFERENCE)), Tense.PAST, SUNDAY, "2017-02-06T07:58"),
    (Clock(7, 58), Tense.PAST, SUNDAY, "2017-02-05T07:58"),  # no day of its own: the reference's
    (Clock(7, 58), Tense.PAST, None, "2017-02-02T07:58"),  # nor a reference: the DCT's
])
def test_a_clock_time_on_the_day_its_expression_names(intent: Clock, tense: Tense, reference: object,
                                                      value: str) -> None:
    resolved = resolve(intent, Anchor(THURSDAY, tense, reference))  # type: ignore[arg-type]
    assert (resolved.type, resolved.value) == (TimexType.TIME, value)
    assert resolved.interval is not None and resolved.interval.grain is Grain.MINUTE


def test_a_clock_time_in_a_month_has_no_day() -> None:
    resolved = resolve(Clock(9, 0, PartOfYear(Grain.MONTH, 3)), Anchor(THURSDAY))
    assert resolved.interval is None and resolved.type is TimexType.TIME


def test_a_clock_time_reads_what_its_day_reads() -> None:
    assert reads_tense(Clock(9, 0, DayOfWeek(1))) and not reads_tense(Clock(9, 0, Deictic(1)))
    assert not reads_tense(Clock(9, 0))
    assert uses_reference(Clock(9, 0)) and not uses_reference(Clock(9, 0, DayOfWeek(1)))
    assert uses_reference(Clock(9, 0, Relative(1, Grain.DAY, Anchored.REFERENCE)))


@pytest.mark.parametrize(("intent", "at", "reference", "value"), [
    (Relative(-15, Grain.MINUTE), time(4, 30), None, "2013-02-12T04:15"),  # een kwartier geleden
    (Relative(1, Grain.HOUR), time(4, 30), None, "2013-02-12T05:30"),  # over een uur
    (Relative(-90, Grain.MINUTE), time(4, 30), None, "2013-02-12T03:00"),  # anderhalf uur geleden
    (Relative(12, Grain.HOUR), time(20, 0), None, "2013-02-13T08:00"),  # over twaalf uur, past midnight
    (Relative(30, Grain.MINUTE, Anchored.REFERENCE), time(4, 30), None, "2013-02-12T05:00"),  # 30 minuten later
    (Relative(-1, Grain.HOUR), None, None, "2013-02-12"),  # a date-only DCT: its day, said as a time
    (Relative(1, Grain.DAY), time(4, 30), None, "2013-02-13"),  # days keep their grain
    (Clock(15, 0), time(4, 30), None, "2013-02-12T15:00"),  # a clock time takes the DCT's day
])
def test_hours_and_minutes_count_from_the_dct_time(intent: object, at: time | None, reference: object,
                                                   value: str) -> None:
    resolved = resolve(intent, Anchor(date(2013, 2, 12), Tense.PAST, reference, at))  # type: ignore[arg-type]
    assert resolved.value == value
