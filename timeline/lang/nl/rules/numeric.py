"""Dates in digits beyond the full ``14-03-2017``: a two-digit year (``04-01-97``,
``12.03.81``), a month and year (``2016/09``, ``11/2016``), and a day and month without
a year (``17-2``, ``5/6``), which the tense places as it does ``12 maart``.

Digits with dashes and slashes are also scores (``2-1``), fractions (``1/3``), ratios
(``24/7``) and numbers of articles or versions; digits with dots are also clock times
(``12.03``) and decimals. So a day and month without a year is a date only after a date
cue (``op 17-2``) or a weekday (``vr 3/6``), never with dots, and with a dash only where
day or month has two digits (``op 2-1``, ``won zondag 3-1`` are scores) or after a weekday's
abbreviation that is no other word (``za 3-4``, ``zo. 3-4``, but ``het werd zo 2-1``); a fraction (``1/3 van``) or an
amount (``2/3 liter``) after it undoes it. A two-digit year with dots wants two-digit day
and month (``10.3.12`` is a version).
"""

from __future__ import annotations

from typing import Any

import attrs

from timeline.lang.common import real_day
from timeline.patterns import Ahead, Alt, Glued, Opt, Rule, Seq, Shape, Words
from timeline.time.intent import Absolute, DayMonth

from .vocab import Vocab

_SHORT_DATE = r"(\d{1,2})([-/.])(\d{1,2})\2(\d\d)"
_DAY_MONTH = r"(\d{1,2})([-/])(\d{1,2})"
_YEAR_MONTH = r"(\d{4})[-/](\d{1,2})"
_MONTH_YEAR = r"(\d{1,2})[-/](\d{4})"


def rules(v: Vocab) -> list[Rule]:
    weekday, abbr, dashed = v.weekday, v.w("weekday_abbr", "weekday"), v.w("weekday_abbr_dashed", "weekday")
    short = Seq(Opt(Alt(weekday, abbr)), Shape(_SHORT_DATE, _short_date, "date"))
    not_an_amount = Ahead(Alt(v.w("fraction_after"), v.w("amount_noun")), negate=True)
    day_month = Seq(Shape(_DAY_MONTH, _day_month, "date"), not_an_amount)
    any_day_month = Seq(Shape(_DAY_MONTH, _any_day_month, "date"), not_an_amount)
    not_a_part = Ahead(Glued(Words({"/": True})), negate=True)  # "2006/7/EG" is a directive
    return [
        Rule("numeric.short_year", short, lambda m: m["date"],
             examples=("04-01-97", "23/04/13", "12.03.81", "vrijdag 23-4-13")),
        Rule("numeric.year_month", Seq(Alt(Shape(_YEAR_MONTH, lambda g: _month(g[1], g[2]), "date"),
                                           Shape(_MONTH_YEAR, lambda g: _month(g[2], g[1]), "date")), not_a_part),
             lambda m: m["date"], examples=("2016/11", "11/2016", "2016-11", "9/2016")),
        # "za 3-4" is a date, but "Ajax won zondag 3-1" and "het werd zo 2-1" are scores
        Rule("numeric.day_month_weekday", Alt(Seq(Alt(weekday, abbr), day_month), Seq(dashed, any_day_month)),
             lambda m: attrs.evolve(m["date"], weekday=m["weekday"]),
             examples=("vr 3/6", "zo 5/6", "zaterdag 23-4", "za 3-4", "zo. 3-4")),
        Rule("numeric.day_month", day_month, lambda m: m["date"], after=v.lex["day_month_cue"],
             examples=("op 17-2", "vanaf 5/6", "t/m 23-04")),
    ]


def _short_date(g: Any) -> Absolute | None:
    day, sep, month, year = g[1], g[2], g[3], int(g[4])
    if sep == "." and (len(day) < 2 or len(month) < 2):
        return None
    d, mo = int(day), int(month)
    return Absolute(year, mo, d, short=True) if 1 <= mo <= 12 and d >= 1 and real_day(None, mo, d) else None


def _day_month(g: Any) -> DayMonth | None:
    if g[2] == "-" and len(g[1]) < 2 and len(g[3]) < 2:
        return None  # "2-1" is a score
    return _any_day_month(g)


def _any_day_month(g: Any) -> DayMonth | None:
    """A day and month, even ``3-4``: after a weekday it is a date, not a score."""
    d, mo = int(g[1]), int(g[3])
    return DayMonth(mo, d) if 1 <= mo <= 12 and d >= 1 and real_day(None, mo, d) else None


def _month(year: str, month: str) -> Absolute | None:
    y, mo = int(year), int(month)
    return Absolute(y, mo) if 1 <= mo <= 12 and 1000 <= y <= 2999 else None
