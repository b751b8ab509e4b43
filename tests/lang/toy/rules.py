"""The toy language's rules: a few of its own over its lexicon, and the shared ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from timeline.lang.common import clock_colon, iso_date
from timeline.patterns import Opt, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import DayOfWeek, Deictic, PartOfYear


def build_rules(lex: Mapping[str, Mapping[str, Any]]) -> tuple[Rule, ...]:
    direction = Opt(Words(lex["direction"], "direction"))
    return (
        iso_date(),
        clock_colon(Words(lex["clock_hour_word"]), Words(lex["part_of_day_adverb"], "part"), examples=("21:30",)),
        Rule("weekday.named", Seq(direction, Words(lex["weekday"], "weekday")),
             lambda m: DayOfWeek(m["weekday"], m.get("direction")), examples=("friday", "last monday")),
        Rule("month.named", Seq(direction, Words(lex["month"], "month")),
             lambda m: PartOfYear(Grain.MONTH, m["month"], direction=m.get("direction")),
             examples=("december", "next march")),
        Rule("deictic.word", Words(lex["deictic"], "d"), lambda m: Deictic(m["d"]["days"], m["d"]["part"]),
             examples=("yesterday", "tonight")),
    )
