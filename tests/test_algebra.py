"""The time algebra: grains, intervals, shifting, Easter."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from timeline.time.algebra import DayRule, Grain, Interval, containing, day_in, easter, floor, nth_weekday, week_in

from .strategies import grains, intervals, moments


@given(moments, grains)
def test_floor_is_idempotent(t: datetime, g: Grain) -> None:
    assert floor(floor(t, g), g) == floor(t, g)


@given(moments, grains)
def test_containing_contains_the_moment(t: datetime, g: Grain) -> None:
    found = containing(t, g)
    if g is Grain.WEEKEND:  # the weekend of t's ISO week
        assert containing(t, Grain.WEEK).contains(found)
    else:
        assert found.contains(t)


@given(intervals(), st.integers(-500, 500))
def test_shift_and_back_is_identity(i: Interval, n: int) -> None:
    try:
        moved = i.shift(n)
    except ValueError:  # left the calendar (years 1-9999): allowed, and said so
        assume(False)
    assert moved.shift(-n) == i


@given(intervals(st.sampled_from([g for g in Grain if g < Grain.DECADE])), st.integers(-50, 50))
def test_shift_stays_aligned(i: Interval, n: int) -> None:
    moved = i.shift(n)
    assert containing(moved.start, i.grain) == moved or i.grain is Grain.WEEKEND


@given(moments)
def test_a_day_lies_inside_its_week_month_quarter_and_year(t: datetime) -> None:
    d = containing(t, Grain.DAY)
    for g in (Grain.WEEK, Grain.MONTH, Grain.QUARTER, Grain.HALF, Grain.YEAR, Grain.DECADE, Grain.CENTURY,
              Grain.SEASON):
        assert containing(t, g).contains(d), g


@given(intervals(st.sampled_from([Grain.MONTH, Grain.QUARTER, Grain.HALF, Grain.YEAR, Grain.SEASON])))
def test_month_based_units_have_whole_months(i: Interval) -> None:
    assert i.start.day == 1 and i.end.day == 1 and i.start.hour == 0


def test_winter_spans_the_turn_of_the_year() -> None:
    w = containing(datetime(2017, 1, 15), Grain.SEASON)
    assert (w.start, w.end) == (datetime(2016, 12, 1), datetime(2017, 3, 1))


def test_iso_week_53() -> None:
    w = containing(datetime(2021, 1, 1), Grain.WEEK)
    assert w.start == datetime(2020, 12, 28)
    assert w.shift(1).start == datetime(2021, 1, 4)


def test_month_shift_keeps_whole_months() -> None:
    jan = containing(datetime(2017, 1, 31), Grain.MONTH)
    assert jan.shift(1) == containing(datetime(2017, 2, 1), Grain.MONTH)


def test_an_interval_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="must end after"):
        Interval(datetime(2017, 1, 2), datetime(2017, 1, 1), Grain.DAY)


def test_leaving_the_calendar_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        containing(datetime(9999, 12, 31), Grain.DAY).shift(1)
    with pytest.raises(ValueError):
        containing(datetime(1, 1, 1), Grain.YEAR).shift(-1)
    with pytest.raises(ValueError):
        containing(datetime(9999, 6, 1), Grain.YEAR).shift(1)


@pytest.mark.parametrize(("year", "day"), [(2017, date(2017, 4, 16)), (2018, date(2018, 4, 1)),
                                           (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)),
                                           (2025, date(2025, 4, 20)), (2038, date(2038, 4, 25)),
                                           (1818, date(1818, 3, 22))])
def test_easter(year: int, day: date) -> None:
    assert easter(year) == day


@given(st.integers(1583, 9999))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    d = easter(year)
    assert d.isoweekday() == 7 and date(year, 3, 22) <= d <= date(year, 4, 25)


def test_nth_weekday_third_tuesday_of_september() -> None:
    assert nth_weekday(2017, 9, 2, 3) == date(2017, 9, 19)
    assert nth_weekday(2020, 9, 2, 3) == date(2020, 9, 15)


def test_day_rules() -> None:
    assert DayRule(month=4, day=27, if_sunday=-1).on(2014) == date(2014, 4, 26)
    assert DayRule(month=4, day=27, if_sunday=-1).on(2017) == date(2017, 4, 27)
    assert DayRule(easter=39).on(2017) == date(2017, 5, 25)
    with pytest.raises(ValueError):
        DayRule().on(2017)


def test_day_in_a_month_counts_days_and_weekdays_from_either_end() -> None:
    september = containing(datetime(2014, 9, 10), Grain.MONTH)
    assert day_in(september, 3, 2) == date(2014, 9, 16)  # the third Tuesday
    assert day_in(september, 15) == date(2014, 9, 15)
    assert day_in(september, -1) == date(2014, 9, 30)
    assert day_in(containing(datetime(2015, 3, 1), Grain.MONTH), -1, 1) == date(2015, 3, 30)  # last Monday
    assert day_in(containing(datetime(2016, 2, 1), Grain.MONTH), -1) == date(2016, 2, 29)
    assert day_in(containing(datetime(2016, 5, 1), Grain.YEAR), 1) == date(2016, 1, 1)
    with pytest.raises(ValueError):
        day_in(containing(datetime(2017, 2, 1), Grain.MONTH), 30)
    with pytest.raises(ValueError):
        day_in(september, 5, 3)  # September 2014 has four Wednesdays


@given(st.integers(1000, 2999), st.integers(1, 12), st.integers(1, 7))
def test_the_last_weekday_lies_in_the_last_seven_days(year: int, month: int, weekday: int) -> None:
    span = containing(datetime(year, month, 1), Grain.MONTH)
    found = day_in(span, -1, weekday)
    assert found.isoweekday() == weekday
    assert span.end.date() - timedelta(days=7) <= found < span.end.date()
    assert day_in(span, 1, weekday) == nth_weekday(year, month, weekday, 1)


def test_week_in_a_year_is_an_iso_week_and_in_a_month_the_week_of_a_monday() -> None:
    assert week_in(containing(datetime(2019, 1, 1), Grain.YEAR), 1).start == datetime(2018, 12, 31)
    assert week_in(containing(datetime(2015, 1, 1), Grain.YEAR), -1).start == datetime(2015, 12, 28)  # 2015-W53
    assert week_in(containing(datetime(2016, 1, 1), Grain.YEAR), -1).start == datetime(2016, 12, 26)  # 2016-W52
    assert week_in(containing(datetime(2024, 8, 1), Grain.MONTH), -1).start == datetime(2024, 8, 26)
    assert week_in(containing(datetime(2024, 5, 1), Grain.MONTH), 1).start == datetime(2024, 5, 6)
    with pytest.raises(ValueError):
        week_in(containing(datetime(2016, 1, 1), Grain.YEAR), 53)


def test_day_rules_held_in_some_years() -> None:
    queens_day = DayRule(month=4, day=30, if_sunday=-1, since=1949, until=2013)
    assert queens_day.on(2006) == date(2006, 4, 29)
    assert queens_day.held(2020) == 2013 and queens_day.held(1900) == 1949 and queens_day.held(2000) == 2000
    with pytest.raises(ValueError):
        queens_day.on(2014)
