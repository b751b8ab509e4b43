"""Days named from the DCT (``gisteren``, ``morgenochtend``, ``eergisteravond``, ``vanavond``,
``deze ochtend``) and vague references to now, the past or the future (``momenteel``, ``onlangs``, ``binnenkort``)."""

from __future__ import annotations

from timeline.patterns import Ahead, Rule, Seq
from timeline.time.intent import Deictic, Ref, RefKind

from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("deictic.word", v.w("deictic", "d"),
             lambda m: Ref(m["d"]) if isinstance(m["d"], RefKind) else Deictic(m["d"]["days"], m["d"]["part"]),
             examples=("gisteren", "morgenochtend", "vanavond")),
        Rule("deictic.this_part", Seq(v.w("this"), v.w("part_of_day", "part")), lambda m: Deictic(0, m["part"]),
             examples=("deze ochtend", "deze middag", "deze avond")),
        Rule("deictic.ref", Seq(v.w("reference", "ref"), Ahead(v.w("compared"), negate=True)),  # "vroeger dan"
             lambda m: Ref(m["ref"]),
             examples=("momenteel", "binnenkort", "onlangs")),
    ]
