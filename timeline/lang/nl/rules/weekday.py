"""Weekdays: bare (the tense picks the direction), forced (``komende donderdag``), in a named
week (``vorige week woensdag``), some weeks on (``vrijdag over een week``),
and with a part of the day (``donderdagavond``)."""

from __future__ import annotations

from timeline.patterns import Opt, Rule, Seq, Words
from timeline.time.intent import DayOfWeek, Direction

from .vocab import Vocab, direction_of


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("weekday.week", Seq(v.w("shift", "shift"), v.w("week_word"), v.weekday),
             lambda m: DayOfWeek(m["weekday"], week_shift=m["shift"]), examples=("vorige week woensdag",)),
        Rule("weekday.week_after", Seq(v.weekday, v.w("shift", "shift"), v.w("week_word")),
             lambda m: DayOfWeek(m["weekday"], week_shift=m["shift"]), examples=("woensdag vorige week",)),
        Rule("weekday.weeks_on", Seq(v.weekday, v.w("ahead"), v.count(), v.w("week_unit", "size")),
             lambda m: DayOfWeek(m["weekday"], Direction.FORWARD, weeks_on=int(m["n"]) * m["size"])
             if m["n"] is not None and m["n"] == int(m["n"]) and m["n"] > 0 else None,
             examples=("vrijdag over een week", "donderdag over twee weken")),
        Rule("weekday.part", Seq(Opt(v.direction), Words(v.weekday_part, "wp")),
             lambda m: DayOfWeek(m["wp"][0], direction_of(m), part=m["wp"][1], strict="direction" in m),
             examples=("donderdagavond", "zaterdagochtend", "afgelopen zondagmiddag")),
        Rule("weekday.directed", Seq(v.direction, v.weekday),
             lambda m: DayOfWeek(m["weekday"], direction_of(m), strict=True),
             examples=("komende donderdag", "afgelopen maandag", "a.s. vrijdag")),
        Rule("weekday.bare", Seq(v.weekday, v.direction_after),
             lambda m: DayOfWeek(m["weekday"], direction_of(m), strict="direction_after" in m),
             examples=("donderdag", "maandag a.s.")),
    ]
