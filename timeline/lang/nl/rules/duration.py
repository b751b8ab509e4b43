"""Durations: ``drie dagen``, ``anderhalf jaar``, ``een kwartier``, ``jarenlang``, ``driedaagse``."""

from __future__ import annotations

from fractions import Fraction

from timeline.patterns import Number, Rule, Seq, Words
from timeline.time.intent import Length

from .vocab import Vocab, length


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("duration.count", Seq(v.count(), Words(v.units, "unit")), length,
             examples=("drie dagen", "twee uur", "anderhalf jaar", "een half jaar", "een kwartier")),
        Rule("duration.long", v.w("unit_long", "grain"), lambda m: Length(None, m["grain"]),
             examples=("jarenlang",)),
        Rule("duration.adjective", Words(v.unit_adjectives, "len"),
             lambda m: Length(Fraction(m["len"][0]), m["len"][1]),
             examples=("driedaagse", "achturige", "tweedaags", "tweeëntwintigurige")),
        Rule("duration.adjective_digits", Seq(Number(1, 999, "n"), v.w("hyphen"), v.w("unit_adjective", "grain")),
             lambda m: Length(Fraction(m["n"]), m["grain"]), examples=("3-daagse", "24-urige")),
    ]
