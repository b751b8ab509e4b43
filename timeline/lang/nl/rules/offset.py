"""Offsets from the DCT: ``drie dagen geleden``, ``over twee weken``."""

from __future__ import annotations

from timeline.patterns import Rule, Seq, Words
from timeline.time.intent import Anchored

from .vocab import Vocab, shifted


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("offset.ago", Seq(v.count(), Words(v.units, "unit"), v.w("ago")),
             lambda m: shifted(m, -1, Anchored.DCT), examples=("drie dagen geleden", "twee jaar geleden")),
        Rule("offset.ahead", Seq(v.w("ahead"), v.count(), Words(v.units, "unit")),
             lambda m: shifted(m, 1, Anchored.DCT), examples=("over twee weken", "over vijfendertig jaar")),
    ]
