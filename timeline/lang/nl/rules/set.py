"""Sets, recurring times: ``elke donderdag``, ``iedere week``, ``wekelijks``, ``'s maandags``,
``om de twee weken``, ``eens in de tien jaar``, ``elke avond``, ``elk najaar``."""

from __future__ import annotations

from fractions import Fraction

from timeline.patterns import Alt, Match, Opt, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Every

from .vocab import Vocab, amount


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("set.every", Seq(v.w("every"), Alt(v.weekday, Words(v.weekday_part, "wp"),
                                                v.w("part_of_day", "part"), v.w("season", "season"),
                                                Seq(Opt(v.count()), Words(v.units, "unit")))),
             _every, examples=("elke donderdag", "iedere week", "elk jaar", "elke twee weken", "elke avond",
                               "iedere ochtend", "elk najaar", "elke winter")),
        Rule("set.adverb", v.w("set_adverb", "grain"),
             lambda m: Every(unit=m["grain"]) if isinstance(m["grain"], Grain)
             else Every(unit=m["grain"]["grain"], amount=m["grain"]["every"]),
             examples=("dagelijks", "wekelijks", "jaarlijks", "tweewekelijks")),
        Rule("set.weekday", Words(v.set_weekday, "weekday"), lambda m: Every(weekday=m["weekday"]),
             examples=("'s maandags",)),
        Rule("set.om_de", Seq(v.w("set_every_the"), v.the, Opt(v.count()), Words(v.units, "unit")),
             _every, examples=("om de twee weken", "eens in de tien jaar", "een keer in de vijf jaar")),
    ]


def _every(m: Match) -> Every | None:
    if "weekday" in m:
        return Every(weekday=m["weekday"])
    if "wp" in m:
        return Every(weekday=m["wp"][0], part=m["wp"][1])
    if "part" in m:
        return Every(part=m["part"])
    if "season" in m:
        return Every(season=m["season"])
    n = amount(m) if "n" in m else Fraction(1)
    if n is None or n.denominator != 1:
        return None
    grain, size, _ = m["unit"]
    return Every(unit=grain, amount=int(n) * size)
