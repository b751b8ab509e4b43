"""Positions in the calendar: a day of the month said as an ordinal (``op de 15e``, ``de
15e van volgende maand``), the n-th or last weekday or day of a month (``de derde dinsdag
van september``, ``laatste dag van april``) and the first or last week of a month or year
(``de eerste week van 2019``, ``de laatste week van augustus``)."""

from __future__ import annotations

from timeline.lang.common import date_or_block, year
from timeline.patterns import Ahead, Alt, Element, Match, Number, Opt, Rule, Seq, Shape, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Absolute, Intent, Nth, PartOfYear, Relative

from ..numerals import ordinals
from .vocab import Vocab

_NO_WORD = Shape(r"[^\w].*|_.*", lambda g: True, words=True)  # punctuation: "op de eerste."


def rules(v: Vocab) -> list[Rule]:
    nth = _nth(v)
    within = Seq(v.w("of"), _within(v))
    the_day = v.w("ordinal_day_the")
    return [
        Rule("ordinal.weekday_of", Seq(Opt(v.the), Alt(nth, v.w("ordinal_last", "nth")), v.weekday, within),
             lambda m: Nth(_container(m), m["nth"], weekday=m["weekday"]) if m["nth"] <= 5 else None,
             examples=("de derde dinsdag van september", "tweede donderdag van november 2016",
                       "laatste vrijdag van juni", "de eerste zondag van de maand")),
        Rule("ordinal.day_of", Seq(Opt(v.the), Alt(nth, v.w("ordinal_last", "nth")), v.w("day_word"), within),
             lambda m: Nth(_container(m), m["nth"]),
             examples=("de laatste dag van oktober", "laatste dag van april", "de eerste dag van volgend jaar")),
        Rule("ordinal.week_of", Seq(Opt(v.the), Alt(nth, v.w("ordinal_last", "nth")), v.w("week_word"), within),
             lambda m: Nth(_container(m), m["nth"], Grain.WEEK) if m["nth"] <= 53 else None,
             examples=("de eerste week van 2019", "de laatste week van augustus", "de tweede week van januari")),
        Rule("ordinal.day_of_month", Seq(the_day, Alt(nth, v.w("ordinal_last", "nth")), within),
             lambda m: Nth(_container(m), m["nth"]) if m["nth"] <= 31 and m.get("unit", (Grain.MONTH,))[0]
             is Grain.MONTH and "year_only" not in m else None,
             examples=("de 15e van volgende maand", "de eerste van de maand", "de 12e van vorige maand",
                       "de laatste van de maand", "de 15de van maart")),
        Rule("ordinal.day_month", Seq(the_day, _digits(v), v.w("month", "month")),
             lambda m: date_or_block(None, m["month"], m["nth"]), examples=("de 15e maart",)),
        # Alone, an ordinal is a day only after a preposition of time and before no noun.
        Rule("ordinal.day", Seq(the_day, nth, Ahead(Alt(_NO_WORD, v.w("ordinal_day_follow")), end=True)),
             lambda m: Nth(Relative(0, Grain.MONTH), m["nth"]) if m["nth"] <= 31 else None,
             after=v.lex["ordinal_day_cue"],
             examples=("op de 15de", "op de eerste", "op de 22e", "sinds de 1ste", "vanaf de vijftiende")),
    ]


def _digits(v: Vocab) -> Element:
    """``15e``, ``15de``, ``1ste``: a number with an ordinal ending."""
    return Seq(Number(1, 99, "nth", digits=2), v.w("ordinal_suffix"))


def _nth(v: Vocab) -> Element:
    return Alt(Words(ordinals(), "nth"), _digits(v))


def _within(v: Vocab) -> Element:
    """The month or year a position counts in: ``september``, ``november 2016``,
    ``volgende maand``, ``de maand``, ``2019``, ``vorig jaar``."""
    return Alt(Seq(v.w("month", "month"), Opt(year())),
               Seq(Alt(Seq(Opt(v.the), v.w("shift", "shift")), v.the), Words(v.calendar_units, "unit")),
               year("year_only"))


def _container(m: Match) -> Intent:
    if "month" in m:
        return Absolute(m["year"], m["month"]) if "year" in m else PartOfYear(Grain.MONTH, m["month"])
    if "unit" in m:
        return Relative(m.get("shift", 0), m["unit"][0])
    return Absolute(m["year_only"])
