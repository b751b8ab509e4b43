"""Decades (``de jaren negentig``, ``de jaren '90``, ``jaren 1980``) and centuries
(``de twintigste eeuw``, ``de 19e eeuw``)."""

from __future__ import annotations

from timeline.patterns import Alt, Match, Number, Opt, Rule, Seq, Words
from timeline.time.intent import Century, Decade

from ..numerals import ordinals
from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("decade.words", Seq(Opt(v.the), v.w("decade_word"), Alt(
            v.w("decade_tens", "tens"),
            Seq(v.w("apostrophe"), Number(0, 90, "short", exact=2)),
            Number(10, 90, "short", exact=2),
            Number(1000, 2990, "long", exact=4))),
             _decade, examples=("de jaren negentig", "de jaren '90", "de jaren 90", "jaren 1980")),
        Rule("decade.adjective", Seq(Opt(v.the), v.w("decade_adjective", "tens"), v.w("decade_word")),
             lambda m: Decade(m["tens"]), examples=("de zeventiger jaren", "de tachtiger jaren")),
        Rule("century.ordinal", Seq(Opt(v.the), Alt(Words(ordinals(), "nth"),
                                                     Seq(Number(1, 99, "nth", digits=2), Opt(v.w("ordinal_suffix")))),
                                    v.w("century_word")),
             lambda m: Century(m["nth"]), examples=("de twintigste eeuw", "de 19e eeuw")),
    ]


def _decade(m: Match) -> Decade:
    if "tens" in m:
        return Decade(m["tens"])
    if "long" in m:
        return Decade(m["long"] // 10 % 10, m["long"] // 100)
    return Decade(m["short"] // 10)
