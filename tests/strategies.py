"""Hypothesis strategies shared by the property tests.

DCTs are weighted towards the days that break date code: year ends, 29
February, ISO week 53 years, Sundays and Mondays.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import strategies as st

from timeline.time.algebra import Grain, Interval, containing

HARD_DAYS = [date(2016, 12, 31), date(2017, 1, 1), date(2020, 2, 29), date(2020, 12, 31), date(2021, 1, 3),
             date(2015, 12, 28), date(2017, 2, 2), date(2017, 1, 29), date(2017, 1, 30), date(2026, 12, 31),
             date(2024, 2, 29), date(2009, 12, 31)]

dcts = st.one_of(st.sampled_from(HARD_DAYS), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
moments = st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2200, 12, 31))
grains = st.sampled_from(list(Grain))


@st.composite
def intervals(draw: st.DrawFn, grain: st.SearchStrategy[Grain] = grains) -> Interval:
    """An interval aligned on its grain, anywhere in 1800-2200."""
    g = draw(grain)
    return containing(draw(moments), g)


def weekdays() -> st.SearchStrategy[int]:
    return st.integers(1, 7)


def around(d: date, days: int) -> st.SearchStrategy[date]:
    return st.dates(min_value=d - timedelta(days=days), max_value=d + timedelta(days=days))
