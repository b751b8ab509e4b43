"""TIMEX3 values: render and parse are inverses for every grain."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

import pytest
from hypothesis import given

from timeline.time.algebra import Grain, PartOfDay, containing
from timeline.time.timex import parse, parse_duration, render, render_duration, render_weekday_set

from .strategies import intervals


@given(intervals())
def test_parse_render_round_trip(i) -> None:
    assert parse(render(i)) == i


@pytest.mark.parametrize(("moment", "grain", "value"), [
    (datetime(2017, 2, 2, 15, 30), Grain.MINUTE, "2017-02-02T15:30"),
    (datetime(2017, 2, 2, 15, 30), Grain.HOUR, "2017-02-02T15"),
    (datetime(2017, 2, 2, 19), Grain.PART_OF_DAY, "2017-02-02TEV"),
    (datetime(2017, 2, 2, 3), Grain.PART_OF_DAY, "2017-02-02TNI"),
    (datetime(2017, 2, 2), Grain.DAY, "2017-02-02"),
    (datetime(2017, 1, 28), Grain.WEEKEND, "2017-W04-WE"),
    (datetime(2017, 1, 1), Grain.WEEK, "2016-W52"),
    (datetime(2021, 1, 1), Grain.WEEK, "2020-W53"),
    (datetime(2016, 12, 5), Grain.MONTH, "2016-12"),
    (datetime(2017, 2, 2), Grain.QUARTER, "2017-Q1"),
    (datetime(2017, 8, 2), Grain.HALF, "2017-H2"),
    (datetime(2017, 7, 2), Grain.SEASON, "2017-SU"),
    (datetime(2017, 1, 2), Grain.SEASON, "2016-WI"),
    (datetime(2014, 5, 1), Grain.YEAR, "2014"),
    (datetime(1994, 5, 1), Grain.DECADE, "199"),
    (datetime(1994, 5, 1), Grain.CENTURY, "19"),
])
def test_render(moment, grain, value) -> None:
    assert render(containing(moment, grain)) == value


@pytest.mark.parametrize("value", ["P3D", "PXW", "2017-13", "2017-02-30", "2017-W54", "2017-Q5", "tomorrow", ""])
def test_parse_refuses_what_is_not_a_date(value) -> None:
    with pytest.raises(ValueError):
        parse(value)


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (3, Grain.DAY, "P3D"), (2, Grain.WEEK, "P2W"), (None, Grain.WEEK, "PXW"), (Fraction(1, 2), Grain.YEAR, "P6M"),
    (Fraction(3, 2), Grain.YEAR, "P18M"), (Fraction(3, 2), Grain.HOUR, "PT90M"), (15, Grain.MINUTE, "PT15M"),
    (2, Grain.HOUR, "PT2H"), (1, Grain.HALF, "P6M"), (1, Grain.QUARTER, "P3M"), (2, Grain.DECADE, "P20Y"),
    (Fraction(5, 2), Grain.HOUR, "PT150M"), (Fraction(7, 2), Grain.DAY, "PT84H"), (Fraction(3, 2), Grain.WEEK, "P1.5W"),
    (Fraction(1, 2), Grain.SECOND, "PT0.5S"),
])
def test_render_duration(amount, unit, value) -> None:
    assert render_duration(amount, unit) == value


def test_parse_duration() -> None:
    assert parse_duration("P3D") == (3, Grain.DAY)
    assert parse_duration("PXW") == (None, Grain.WEEK)
    assert parse_duration("PT90M") == (90, Grain.MINUTE)
    with pytest.raises(ValueError):
        parse_duration("2017")


def test_weekday_set() -> None:
    assert render_weekday_set(4) == "XXXX-WXX-4"
    assert render_weekday_set(1, PartOfDay.MORNING) == "XXXX-WXX-1TMO"
