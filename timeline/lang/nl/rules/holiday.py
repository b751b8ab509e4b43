"""Holidays, each found in a year by its calendar rule (``Pasen``, ``tweede kerstdag``,
``Koningsdag 2014``)."""

from __future__ import annotations

from timeline.lang.common import year
from timeline.patterns import Cap, Opt, Rule, Seq
from timeline.time.intent import Holiday

from .vocab import Vocab, direction_of


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("holiday.name", Seq(Opt(v.direction), v.w("holiday", "holiday"), Opt(year())),
             lambda m: Holiday(m.toks.text[slice(*m.span("holiday"))].lower(), m["holiday"], direction_of(m),
                               m.get("year")),
             examples=("Pasen", "tweede kerstdag", "Koningsdag 2014", "afgelopen kerst")),
        Rule("holiday.named", Cap(v.w("holiday_named", "holiday")),
             lambda m: Holiday(m.toks.text[slice(*m.span("holiday"))].lower(), m["holiday"]),
             after=v.lex["holiday_named_after"], examples=("op Wapenstilstand",)),
    ]
