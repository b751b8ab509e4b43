"""Absolute dates: with their year, or a day and month whose year the direction picks
(``3 februari 2017``, ``14-03-2017``, ``2017-02-03``, ``3 februari``, ``februari 2017``,
``in 2014``, ``week 12``)."""

from __future__ import annotations

from typing import Any

import attrs

from timeline.lang.common import date_or_block, day, iso_date, numeric_date, year
from timeline.patterns import Alt, Number, Opt, Rule, Seq
from timeline.time.algebra import Grain
from timeline.time.intent import Absolute, DayMonth, Direction, PartOfYear

from .vocab import Vocab, direction_of, in_year
from .year import not_an_amount


def rules(v: Vocab) -> list[Rule]:
    weekday_before = Opt(Alt(v.weekday, v.w("weekday_abbr", "weekday")))
    return [
        numeric_date(("14-03-2017", "1-7-2022", "14/03/2017")),
        iso_date(),
        Rule("date.full", Seq(weekday_before, day(), v.month_any(), year()),
             lambda m: date_or_block(m["year"], m["month"], m["day"]),
             examples=("3 februari 2017", "3 feb. 2017", "vrijdag 3 februari 2017")),
        Rule("date.day_month", Seq(weekday_before, day(), v.month_any(), v.direction_after),
             lambda m: _directed(date_or_block(None, m["month"], m["day"]), direction_of(m), m.get("weekday")),
             examples=("3 februari", "vrijdag 3 februari", "za 14 mei", "1 maart jl.")),
        Rule("date.month_year", Seq(v.w("month", "month"), Alt(year(), Seq(Opt(v.w("of")), v.w("shift", "year_shift"),
                                                                         v.w("year_word")))),
             lambda m: Absolute(m["year"], m["month"]) if "year" in m
             else PartOfYear(Grain.MONTH, m["month"], year_shift=m["year_shift"]),
             examples=("februari 2017", "december vorig jaar", "maart van dit jaar")),
        Rule("date.year", Seq(year(), not_an_amount(v)), lambda m: Absolute(m["year"]), after=v.lex["year_cue"],
             examples=("in 2014", "sinds 2000", "t/m 2022", "tot en met 2022", "bouwjaar 2011")),
        Rule("date.the_year", Seq(Opt(v.the), v.w("year_word"), year()), lambda m: Absolute(m["year"]),
             examples=("het jaar 2000",)),
        Rule("date.week", Seq(v.w("week_word"), Number(1, 53, "week", digits=2), Opt(Seq(Opt(v.w("of")), year()))),
             lambda m: PartOfYear(Grain.WEEK, m["week"], **(in_year(m) or {"year_shift": 0})),
             examples=("week 12", "week 3 van 2016")),
    ]


def _directed(intent: Any, direction: Direction | None, weekday: int | None = None) -> Any:
    """The day and month with its forcing word and the weekday written before it, which
    says which year is meant ("zaterdag 14 mei")."""
    if isinstance(intent, DayMonth):
        return attrs.evolve(intent, direction=direction, weekday=weekday)
    return intent
