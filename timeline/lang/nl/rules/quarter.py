"""Quarters and halves by letter and number: ``Q3``, ``2021 Q3``, ``Q3 2021``, ``H1 2020``.
Numbered in words (``het derde kwartaal``) they are calendar units (``period.ordinal``)."""

from __future__ import annotations

from timeline.lang.common import year
from timeline.patterns import Alt, Match, Number, Rule, Seq
from timeline.time.algebra import Grain
from timeline.time.intent import PartOfYear

from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    letter = Seq(v.w("period_letter", "period"), Number(1, 4, "n", digits=1))
    return [
        Rule("quarter.letter_year", Alt(Seq(year(), letter), Seq(letter, year())), _part,
             examples=("2021 Q3", "Q3 2021", "2024 Q1", "H1 2020")),
        # Without a year, only after a word of time: "Audi Q3" is a car.
        Rule("quarter.letter", letter, lambda m: _part(m) if m["period"] is Grain.QUARTER else None,
             after=v.lex["period_letter_cue"], examples=("in Q3", "tijdens Q4")),
    ]


def _part(m: Match) -> PartOfYear | None:
    if m["n"] > (4 if m["period"] is Grain.QUARTER else 2):
        return None
    return PartOfYear(m["period"], m["n"], year=m.get("year"))
