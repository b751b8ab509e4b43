"""Periods said relative to a unit of the calendar: a part of it (``eerder deze week``,
``later dit jaar``, ``later die dag``, ``de rest van de week``), the current one (``de
lopende week``), all of one as a length (``de hele middag``, ``de gehele dag``), and a
unit under a modifier (``aan het eind van de dag``, ``het einde van het jaar``)."""

from __future__ import annotations

from fractions import Fraction

from timeline.patterns import Alt, Match, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Anchored, Length, Relative

from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    units = v.calendar_units | v.day_units
    whole_units = {word: u for word, u in v.units.items() if not u[2] and u[0] is not Grain.WEEKEND}
    return [
        Rule("period.within", Seq(v.w("within_unit"), Alt(Seq(v.w("this"), Words(units, "unit")),
                                                          Seq(v.w("same", "same"), Words(units, "unit")))),
             lambda m: Relative(0, m["unit"][0], Anchored.REFERENCE if "same" in m else Anchored.DCT),
             examples=("eerder deze week", "later dit jaar", "later deze maand", "later die dag")),
        Rule("period.rest", Seq(v.the, v.w("rest"), v.w("of"), Alt(v.the, v.w("this")), Words(units, "unit")),
             lambda m: Relative(0, m["unit"][0]), examples=("de rest van de week", "de rest van deze week")),
        Rule("period.current", Seq(v.the, v.w("current"), Words(v.calendar_units, "unit")),
             lambda m: Relative(0, m["unit"][0]), examples=("de lopende week", "het lopende jaar")),
        Rule("period.whole", Seq(v.the, v.w("whole"), Alt(Words(whole_units, "unit"), v.w("part_of_day", "part"))),
             _whole, examples=("de hele middag", "de hele dag", "de gehele dag", "het hele jaar")),
        # "de dag", "het jaar" alone are no time; under "aan het eind van" the DCT's, and a part
        # of the day that of the reference day (as "in de middag").
        Rule("period.modified", Seq(v.the, Alt(Words(units, "unit"), v.w("part_of_day", "part"))),
             lambda m: Relative(0, Grain.DAY, Anchored.REFERENCE, m["part"]) if "part" in m
             else Relative(0, m["unit"][0]), modified=True,
             examples=("aan het eind van de dag", "het einde van het jaar", "het eind van de middag")),
    ]


def _whole(m: Match) -> Length:
    """All of a unit, as a length: a part of the day is six hours."""
    if "part" in m:
        return Length(Fraction(6), Grain.HOUR)
    grain, size, _ = m["unit"]
    return Length(Fraction(size), grain)
