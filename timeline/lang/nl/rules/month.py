"""Months named bare (``in december``: the tense picks the year) or forced (``afgelopen maart``)."""

from __future__ import annotations

from timeline.patterns import Opt, Rule, Seq
from timeline.time.algebra import Grain
from timeline.time.intent import PartOfYear

from .vocab import Vocab, direction_of


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("month.bare", Seq(Opt(v.direction), v.w("month", "month"), v.direction_after),
             lambda m: PartOfYear(Grain.MONTH, m["month"], direction=direction_of(m)),
             examples=("december", "afgelopen maart", "mei")),
    ]
