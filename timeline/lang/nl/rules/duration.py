"""Durations: ``drie dagen``, ``anderhalf jaar``, ``een kwartier``, ``jarenlang``."""

from __future__ import annotations

from timeline.patterns import Rule, Seq, Words
from timeline.time.intent import Length

from .vocab import Vocab, length


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("duration.count", Seq(v.count(), Words(v.units, "unit")), length,
             examples=("drie dagen", "twee uur", "anderhalf jaar", "een half jaar", "een kwartier")),
        Rule("duration.long", v.w("unit_long", "grain"), lambda m: Length(None, m["grain"]),
             examples=("jarenlang",)),
    ]
