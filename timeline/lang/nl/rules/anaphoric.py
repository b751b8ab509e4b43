"""Anaphoric expressions, counted from the last time the text mentioned: ``twee dagen
later``, ``de dag erna``, ``de volgende ochtend``, ``diezelfde week``."""

from __future__ import annotations

from timeline.patterns import Ahead, Alt, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Anchored, Relative

from .vocab import Vocab, shifted


def rules(v: Vocab) -> list[Rule]:
    days_and_units = v.calendar_units | v.day_units
    not_compared = Ahead(v.w("compared"), negate=True)  # "twee dagen later dan gepland" is a length
    return [
        Rule("anaphora.later", Seq(v.count(), Words(v.units, "unit"), v.w("later", "sign"), not_compared),
             lambda m: shifted(m, m["sign"], Anchored.REFERENCE),
             examples=("twee dagen later", "een week eerder", "twee dagen vroeger")),
        Rule("anaphora.unit_after", Seq(v.the, Words(days_and_units, "unit"),
                                        Alt(v.w("later", "sign"), v.w("in_advance", "sign")), not_compared),
             lambda m: Relative(m["sign"], m["unit"][0], Anchored.REFERENCE), examples=("de dag erna",)),
        Rule("anaphora.next_day", Seq(v.the, v.w("the_next"), Alt(v.w("day_word"), v.w("part_of_day", "part"))),
             lambda m: Relative(1, Grain.DAY, Anchored.REFERENCE, m.get("part")),
             examples=("de volgende dag", "de volgende ochtend")),
        Rule("anaphora.same", Seq(v.w("same"), Alt(Words(days_and_units, "unit"), v.w("part_of_day", "part"))),
             lambda m: Relative(0, m["unit"][0], Anchored.REFERENCE) if "unit" in m and not m["unit"][2]
             else Relative(0, Grain.DAY, Anchored.REFERENCE, m["part"]) if "part" in m else None,
             examples=("diezelfde dag", "die week", "dat jaar", "die avond")),
    ]
