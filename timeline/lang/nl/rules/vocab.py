"""The Dutch lexicon as the rules use it: its word classes as pattern elements, the classes
derived from them (numerals, units, weekdays with a part of the day), and the small
builders several families share."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from timeline.lang.common import year
from timeline.patterns import Alt, Element, Match, Number, Opt, Seq, Shape, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Anchored, Direction, Length, Ref, RefKind, Relative, Shifted

from ..numerals import and_a_half, cardinals

__all__ = ["Vocab"]


def _decimal(name: str) -> Shape:
    """A decimal written with a comma (``2,5``)."""
    return Shape(r"(\d{1,4}),(\d{1,3})", lambda g: Fraction(f"{g[1]}.{g[2]}"), name)

# How a count of units that is no whole number is said in a finer unit.
_FINER = {Grain.YEAR: (Grain.MONTH, 12), Grain.MONTH: (Grain.DAY, 30), Grain.WEEK: (Grain.DAY, 7),
          Grain.DAY: (Grain.HOUR, 24), Grain.HOUR: (Grain.MINUTE, 60), Grain.MINUTE: (Grain.SECOND, 60)}


class Vocab:
    """The lexicon's classes, and what the rule families build from them."""

    def __init__(self, lex: Mapping[str, Mapping[str, Any]]) -> None:
        self.lex = lex
        parts = lex["part_of_day"]
        self.weekday_part = {d + p: (n, part) for d, n in lex["weekday"].items() for p, part in parts.items()}
        self.set_weekday = {f"'s {d}s": n for d, n in lex["weekday"].items()}
        numbers: dict[str, Fraction | None] = {word: Fraction(n) for word, n in cardinals().items()}
        numbers.update({word: n + Fraction(1, 2) for word, n in and_a_half().items()})
        numbers.update(lex["numeral_extra"])
        self.numbers = numbers
        # a unit word: (grain, how many of the grain it is, plural)
        self.units = {word: (u["grain"], u["size"], u["plural"]) for word, u in lex["unit"].items()}
        self.calendar_units = {word: u for word, u in self.units.items() if lex["unit"][word]["calendar"]}
        self.day_units = {word: u for word, u in self.units.items() if word in lex["day_word"]}
        whole = {word: int(n) for word, n in numbers.items() if n is not None and n.denominator == 1}
        self.whole_numbers = whole
        # "driedaagse": a written number and an adjective ending of a unit, (number, grain)
        self.unit_adjectives = {word + end: (n, grain) for word, n in whole.items()
                                for end, grain in lex["unit_adjective"].items()}
        self.hours12 = {word: n for word, n in whole.items() if 1 <= n <= 12}
        self.clock_minutes = {word: n for word, n in whole.items() if 1 <= n <= 20}
        self.clock_minutes.update(lex["clock_minutes"])
        self.the = self.w("the")
        self.weekday = self.w("weekday", "weekday")
        self.direction = self.w("direction", "direction")
        self.direction_after = Opt(self.w("direction_after", "direction_after"))
        self.part_adverb = Opt(self.w("part_of_day_adverb", "part"))
        self.hour_word = Alt(Number(0, 24, "hour", digits=2), Words(self.hours12, "hour"))
        self.hour12 = Alt(Number(1, 12, "hour", digits=2), Words(self.hours12, "hour"))
        self.year_of = Alt(year(), Seq(self.w("shift", "year_shift"), self.w("year_word")))  # "2017", "vorig jaar"

    def w(self, cls: str, name: str | None = None) -> Words:
        """The words of a lexicon class; ``name`` captures the value of the one found."""
        return Words(self.lex[cls], name)

    def count(self, name: str = "n") -> Element:
        """A number in digits or words (``drie``, ``anderhalf``, ``een paar``), a decimal
        (``2,5``), or a whole one and a fraction (``twee en een half``)."""
        plus = Seq(Alt(Number(0, 9999, name), Words(self.whole_numbers, name)),
                   self.w("numeral_fraction_after", name + "_part"))
        return Alt(Number(0, 9999, name), _decimal(name), Words(self.numbers, name), plus)

    def month_any(self, name: str = "month") -> Element:
        return Alt(self.w("month", name), self.w("month_abbr", name))


def direction_of(m: Match) -> Direction | None:
    """The direction a modifier before or after the word forces, if any."""
    found: Direction | None = m.get("direction") or m.get("direction_after")
    return found


def in_year(m: Match) -> dict[str, Any]:
    """``year`` or ``year_shift`` as the match gives it ("2017", "vorig jaar")."""
    if "year" in m:
        return {"year": m["year"]}
    if "year_shift" in m:
        return {"year_shift": m["year_shift"]}
    return {}


def amount(m: Match, name: str = "n") -> Fraction | None:
    value = m[name]
    return None if value is None else Fraction(value) + Fraction(m.get(name + "_part", 0))


def length(m: Match) -> Length | None:
    """A count of units: ``drie dagen``, ``een kwartier`` (15 minutes)."""
    grain, size, _ = m["unit"]
    n = amount(m)
    return Length(None if n is None else n * size, grain)


def whole(m: Match) -> tuple[int, Grain] | None:
    """A count of units as a whole number of the unit or a finer one."""
    n, grain = amount(m), m["unit"][0]
    if n is None:
        return None
    n *= m["unit"][1]
    while n.denominator != 1 and grain in _FINER:
        grain, factor = _FINER[grain]
        n *= factor
    return (int(n), grain) if n.denominator == 1 else None


def shifted(m: Match, sign: int, anchor: Anchored) -> Relative | Ref | Shifted | None:
    """A count of units before or after the DCT or the reference time; an unknown count
    from the DCT is some time before or after it."""
    found = whole(m)
    if found is None:
        return Ref(RefKind.PAST if sign < 0 else RefKind.FUTURE) if anchor is Anchored.DCT else None
    n, grain = found
    unit = m["unit"][0]
    if anchor is Anchored.DCT and grain < Grain.DAY <= unit:  # "anderhalve week geleden": at the week's grain
        return Shifted(((sign * n, grain),), grain=unit)
    return Relative(sign * n, grain, anchor)


def ends(m: Match, name: str) -> tuple[int, int]:
    return m.span(name)
