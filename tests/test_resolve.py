"""The resolver on meanings made by hand, for what no Dutch rule makes yet: a clock time whose
day the same expression names ("maandag om 9 uur", "morgen om 8 uur")."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from timeline.model import TimexType
from timeline.time.algebra import Grain, PartOfDay, containing
from timeline.time.intent import (
    Anchored,
    Clock,
    DayMonth,
    DayOfWeek,
    Deictic,
    Direction,
    Nth,
    PartOfYear,
    Relative,
    Shifted,
    Tense,
    Weekend,
)
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


@pytest.mark.parametrize(("intent", "tense", "value"), [
    (Nth(Relative(0, Grain.MONTH), 15), Tense.PAST, "2017-02-15"),  # op de 15e: the DCT's month either way
    (Nth(Relative(1, Grain.MONTH), 15), Tense.PRESENT, "2017-03-15"),  # de 15e van volgende maand
    (Nth(PartOfYear(Grain.MONTH, 9), 3, weekday=2), Tense.PRESENT, "2017-09-19"),  # derde dinsdag van september
    (Nth(PartOfYear(Grain.MONTH, 9), 3, weekday=2), Tense.PAST, "2016-09-20"),  # the month by the tense
    (Nth(PartOfYear(Grain.MONTH, 1), -1), Tense.PAST, "2017-01-31"),  # laatste dag van januari
    (Nth(PartOfYear(Grain.MONTH, 8), -1, Grain.WEEK), Tense.PRESENT, "2017-W35"),  # laatste week van augustus
    (Nth(Relative(-1, Grain.YEAR), -1, Grain.WEEK), Tense.PRESENT, "2016-W52"),  # laatste week van vorig jaar
])
def test_a_position_counts_in_its_month_or_year(intent: Nth, tense: Tense, value: str) -> None:
    assert resolve(intent, Anchor(THURSDAY, tense)).value == value


def test_a_position_the_month_lacks_is_unresolved_and_reads_what_its_month_reads() -> None:
    assert resolve(Nth(PartOfYear(Grain.MONTH, 2), 30), Anchor(THURSDAY)).interval is None
    assert resolve(Nth(Relative(0, Grain.MONTH), 5, weekday=5), Anchor(THURSDAY)).interval is None  # 4 Fridays
    assert reads_tense(Nth(PartOfYear(Grain.MONTH, 9), 1)) and not reads_tense(Nth(Relative(0, Grain.MONTH), 1))
    assert not uses_reference(Nth(Relative(0, Grain.MONTH), 1))


MONDAY, APRIL = date(2017, 2, 6), date(2017, 4, 10)


@pytest.mark.parametrize(("intent", "dct", "tense", "value"), [
    (DayOfWeek(5, nearest=True), MONDAY, Tense.PRESENT, "2017-02-03"),  # de slotkoers van vrijdag (ligt)
    (DayOfWeek(6, nearest=True), THURSDAY, Tense.PRESENT, "2017-02-04"),  # de wedstrijd van zaterdag (gaat door)
    (DayOfWeek(4, nearest=True), THURSDAY, Tense.PRESENT, "2017-02-02"),  # the DCT's own day
    (DayOfWeek(6, nearest=True), THURSDAY, Tense.PAST, "2017-01-28"),  # a past clause still looks back
    (DayOfWeek(5, nearest=True), MONDAY, Tense.FUTURE, "2017-02-10"),  # a future one ahead
    (DayOfWeek(5, Direction.FORWARD, nearest=True), MONDAY, Tense.PRESENT, "2017-02-10"),  # komende vrijdag
    (DayOfWeek(2, nearest=True, part=PartOfDay.EVENING), date(2017, 2, 3), Tense.PRESENT, "2017-01-31TEV"),
    (PartOfYear(Grain.MONTH, 3, nearest=True), APRIL, Tense.PRESENT, "2017-03"),  # de cijfers van maart
    (PartOfYear(Grain.MONTH, 7, nearest=True), APRIL, Tense.PRESENT, "2017-07"),  # het festival van juli
    (PartOfYear(Grain.MONTH, 3, nearest=True), APRIL, Tense.FUTURE, "2018-03"),
    (DayMonth(4, 2, nearest=True), APRIL, Tense.PRESENT, "2017-04-02"),  # de rellen van 2 april
    (DayMonth(2, 29, nearest=True), date(2013, 3, 1), Tense.PRESENT, "2012-02-29"),  # a year back, three ahead
    (DayMonth(2, 29, nearest=True), date(2015, 3, 1), Tense.PRESENT, "2016-02-29"),
    (Weekend(nearest=True), MONDAY, Tense.PRESENT, "2017-W05-WE"),  # de rellen van het weekend
    (Weekend(nearest=True), date(2017, 2, 9), Tense.PRESENT, "2017-W06-WE"),
    (Weekend(nearest=True), date(2017, 2, 11), Tense.PRESENT, "2017-W06-WE"),  # in the weekend: that one
])
def test_the_time_of_a_thing_named_before_it_is_the_nearest(intent: object, dct: date, tense: Tense,
                                                            value: str) -> None:
    assert resolve(intent, Anchor(dct, tense)).value == value  # type: ignore[arg-type]


@pytest.mark.parametrize(("intent", "dct", "tense", "value"), [
    (DayMonth(2, 29), date(2008, 7, 10), Tense.PAST, "2008-02-29"),
    (DayMonth(2, 29), date(2011, 7, 10), Tense.PAST, "2008-02-29"),
    (DayMonth(2, 29), date(2009, 1, 10), Tense.PRESENT, "2012-02-29"),
    (DayMonth(2, 29), date(2012, 2, 29), Tense.PAST, "2012-02-29"),
    (DayMonth(2, 29), date(2012, 2, 29), Tense.PRESENT, "2012-02-29"),
    (DayMonth(2, 29), date(2096, 3, 1), Tense.PRESENT, "2104-02-29"),  # 2100 is no leap year
    (DayMonth(2, 29), date(2104, 2, 1), Tense.PAST, "2096-02-29"),
    (DayMonth(3, 31), date(2017, 3, 30), Tense.PAST, "2016-03-31"),
])
def test_a_day_only_some_years_have_is_in_the_nearest_year_that_has_it(intent: DayMonth, dct: date, tense: Tense,
                                                                      value: str) -> None:
    assert resolve(intent, Anchor(dct, tense)).value == value


NOV_20 = date(2016, 11, 20)  # a Sunday; 14 May 2016 was a Saturday, 14 May 2017 a Sunday


@pytest.mark.parametrize(("intent", "dct", "tense", "value"), [
    (DayMonth(5, 14, weekday=6), NOV_20, Tense.PRESENT, "2016-05-14"),  # zaterdag 14 mei: this year's
    (DayMonth(5, 14, weekday=7), NOV_20, Tense.PAST, "2017-05-14"),  # zondag 14 mei: next year's
    (DayMonth(5, 14, weekday=1), NOV_20, Tense.PRESENT, "2017-05-14"),  # fits neither: the tense decides
    (DayMonth(5, 14, weekday=1), NOV_20, Tense.PAST, "2016-05-14"),
    (DayMonth(2, 3, weekday=5), NOV_20, Tense.PAST, "2017-02-03"),  # vrijdag 3 februari
    (DayMonth(2, 3, weekday=3), NOV_20, Tense.FUTURE, "2016-02-03"),  # woensdag 3 februari
    (DayMonth(11, 20, weekday=7), NOV_20, Tense.PAST, "2016-11-20"),  # the DCT's own day
    (DayMonth(5, 14, Direction.FORWARD, weekday=6), NOV_20, Tense.PRESENT, "2017-05-14"),  # a forcing word wins
    (DayMonth(4, 3, weekday=7, nearest=True), NOV_20, Tense.PRESENT, "2016-04-03"),
])
def test_a_weekday_before_a_day_and_month_picks_its_year(intent: DayMonth, dct: date, tense: Tense,
                                                         value: str) -> None:
    assert resolve(intent, Anchor(dct, tense)).value == value


@pytest.mark.parametrize(("intent", "at", "reference", "value"), [
    (Relative(-15, Grain.MINUTE), time(4, 30), None, "2013-02-12T04:15"),  # een kwartier geleden
    (Relative(1, Grain.HOUR), time(4, 30), None, "2013-02-12T05:30"),  # over een uur
    (Relative(-90, Grain.MINUTE), time(4, 30), None, "2013-02-12T03:00"),  # anderhalf uur geleden
    (Relative(12, Grain.HOUR), time(20, 0), None, "2013-02-13T08:00"),  # over twaalf uur, past midnight
    (Relative(30, Grain.MINUTE, Anchored.REFERENCE), time(4, 30), None, "2013-02-12T05:00"),  # 30 minuten later
    (Relative(-1, Grain.HOUR), None, None, "2013-02-12"),  # a date-only DCT: its day, said as a time
    (Relative(1, Grain.DAY), time(4, 30), None, "2013-02-13"),  # days keep their grain
    (Clock(15, 0), time(4, 30), None, "2013-02-12T15:00"),  # a clock time takes the DCT's day
    (Shifted(((1, Grain.HOUR), (20, Grain.MINUTE))), time(4, 30), None, "2013-02-12T05:50"),  # over 1 uur en 20 min.
    (Shifted(((-2, Grain.DAY), (-3, Grain.HOUR))), time(4, 30), None, "2013-02-10T01:30"),  # to the minute
    (Shifted(((-1, Grain.HOUR), (-15, Grain.MINUTE))), None, None, "2013-02-12"),  # date-only: the DCT's day
    (Shifted(((-2, Grain.DAY), (-3, Grain.HOUR))), None, None, "2013-02-10"),  # the days only, no clock time
])
def test_hours_and_minutes_count_from_the_dct_time(intent: object, at: time | None, reference: object,
                                                   value: str) -> None:
    resolved = resolve(intent, Anchor(date(2013, 2, 12), Tense.PAST, reference, at))  # type: ignore[arg-type]
    assert resolved.value == value
