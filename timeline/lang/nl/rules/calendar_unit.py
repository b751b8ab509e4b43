"""Units of the calendar around the DCT (``vorige week``, ``dit jaar``, ``het vierde
kwartaal``), weekends, seasons, and stretches that end or start at the DCT (``de
afgelopen week``, ``de komende weken``)."""

from __future__ import annotations

from fractions import Fraction

from timeline.patterns import Alt, Match, Number, Opt, Rule, Seq, Words
from timeline.time.algebra import Grain, Season
from timeline.time.intent import Direction, Length, PartOfYear, Relative, Stretch, Weekend

from ..numerals import ordinals
from .vocab import Vocab, amount, direction_of, in_year

_SEASONS = list(Season)


def rules(v: Vocab) -> list[Rule]:
    return [*_weekends(v), *_units(v), *_seasons(v)]


def stretches(v: Vocab) -> list[Rule]:
    """The unit before or after the DCT's with an article (``het vorige jaar``), and stretches."""
    return [
        Rule("unit.the_shift", Seq(v.the, v.w("next_prev", "shift"), Words(v.calendar_units, "unit")),
             lambda m: Relative(m["shift"], m["unit"][0]) if not m["unit"][2] else None,
             examples=("de vorige eeuw", "het vorige jaar")),
        # Before the stretches: "de komende maand" is the next month (guidelines 4b), a tie won here.
        Rule("unit.the_next", Seq(v.the, v.w("stretch_ahead"), Words(
            {word: unit for word, unit in v.calendar_units.items() if word in v.lex["ahead_is_next"]}, "unit")),
             lambda m: Relative(1, m["unit"][0]), examples=("de komende maand",)),
        Rule("stretch.around", Seq(v.the, Alt(v.w("stretch_back", "back"), v.w("stretch_ahead", "ahead")),
                                   Opt(v.count()), Words(v.units, "unit")),
             lambda m: _stretch(m, amount(m) if "n" in m else (None if m["unit"][2] else Fraction(1))),
             examples=("de afgelopen week", "de afgelopen dagen", "het afgelopen jaar", "de komende weken",
                       "de afgelopen drie jaar")),
    ]


def _weekends(v: Vocab) -> list[Rule]:
    return [
        Rule("weekend.this", Seq(Alt(v.w("this"), v.the), Opt(v.w("whole")), v.w("weekend")),
             lambda m: Weekend(), examples=("dit weekend", "het weekend", "het hele weekend")),
        Rule("weekend.shift", Seq(v.w("next_prev", "shift"), v.w("weekend")), lambda m: Weekend(m["shift"]),
             examples=("vorig weekend", "volgend weekend")),
        Rule("weekend.directed", Seq(v.direction, v.w("weekend")), lambda m: Weekend(direction=direction_of(m)),
             examples=("komend weekend", "afgelopen weekend")),
    ]


def _units(v: Vocab) -> list[Rule]:
    return [
        Rule("unit.shift", Seq(v.w("shift", "shift"), Words(v.calendar_units, "unit")),
             lambda m: Relative(m["shift"], m["unit"][0]) if not m["unit"][2] else None,
             examples=("vorige week", "dit jaar", "volgende maand", "dit kwartaal")),
        Rule("period.ordinal", Seq(Opt(v.w("the", "article")), Alt(Words(ordinals(), "nth"), Seq(
                                       Number(1, 4, "nth", digits=1), v.w("ordinal_suffix"))),
                                   Alt(v.w("period_of_year", "period"), v.w("period_of_named_year", "named")),
                                   Opt(Alt(Seq(Opt(v.w("of")), v.year_of),
                                           Seq(v.w("of"), v.the, v.w("year_word", "the_year"))))),
             _period, examples=("het eerste kwartaal", "het vierde kwartaal van 2016", "de tweede helft van vorig jaar",
                                "het 4de kwartaal 2018", "3de kwartaal 2019", "de tweede jaarhelft",
                                "de eerste helft van het jaar")),
    ]


def _seasons(v: Vocab) -> list[Rule]:
    return [
        Rule("season.year", Seq(Opt(v.the), v.w("season", "season"), Opt(v.w("of")), v.year_of),
             lambda m: PartOfYear(Grain.SEASON, _number(m), **in_year(m)),
             examples=("de zomer van 2020", "zomer 2020", "het voorjaar van 2018")),
        Rule("season.this", Seq(v.w("this"), v.w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, _number(m), year_shift=0),
             examples=("deze zomer", "deze winter")),
        Rule("season.shift", Seq(v.w("next_prev", "shift"), v.w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, _number(m), year_shift=m["shift"]),
             examples=("volgend voorjaar", "vorige zomer")),
        Rule("season.bare", Seq(Opt(v.the), Opt(v.direction), v.w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, _number(m), direction=direction_of(m)),
             examples=("de zomer", "het najaar")),
    ]


def _period(m: Match) -> PartOfYear | None:
    """A numbered quarter or half; a half needs an article or a year (``eerste helft`` alone
    is a match's), and ``helft`` its year (``de tweede helft`` alone is a match's too)."""
    period = m.get("period") or m["named"]
    if m["nth"] > (4 if period is Grain.QUARTER else 2):
        return None
    if period is Grain.HALF and "article" not in m and not in_year(m):
        return None
    if "named" in m and not in_year(m) and "the_year" not in m:
        return None
    return PartOfYear(period, m["nth"], **in_year(m))


def _number(m: Match) -> int:
    """The season's number in the year, spring 1 to winter 4."""
    return _SEASONS.index(m["season"]) + 1


def _stretch(m: Match, n: Fraction | None) -> Stretch:
    grain, size, _ = m["unit"]
    return Stretch(Length(None if n is None else n * size, grain),
                   Direction.BACK if "back" in m else Direction.FORWARD)
