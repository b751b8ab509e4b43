"""Years beyond ``in 2014``: two digits (``'99``, ``mei 98``), the year before its month
(``2015 maart``), years written out (``negentienvierentachtig``, ``het jaar tweeduizend``,
``tweeduizend zeventien``), and four digits after a looser cue (``vergeleken met 2009``,
``uit 1987``, ``(2014)``, ``de cijfers over 2022``).

A number is a year or an amount by what stands around it. After a cue that names a
time (``in``, ``sinds``, ``bouwjaar``) it is a year unless an amount word follows it
(``in 2011 gevallen``); after a looser one (``met``, ``van``, ``uit``) only where
punctuation or a word no amount takes follows it. A written number is a year only
in the form no amount has (``negentienvierentachtig``), or after a cue
(``in tweeduizend``; but ``tweeduizend mensen``).
"""

from __future__ import annotations

from timeline.lang.common import date_or_block, day, year
from timeline.patterns import Ahead, Alt, Element, Glued, Number, Opt, Rule, Seq, Words
from timeline.time.intent import Absolute

from ..numerals import bare_years, years
from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    amount = not_an_amount(v)
    two = Number(0, 99, "short", exact=2)
    strong, loose = frozenset(v.lex["year_cue"]), frozenset(v.lex["year_cue_loose"])
    follow = Ahead(v.w("year_follow"), end=True)
    follow_or_article = Ahead(Alt(v.w("year_follow"), v.w("year_follow_article")), end=True)
    no_change = Ahead(Seq(v.w("amount_change"), Number(0, 10**9)), negate=True)  # "van 1850 naar 2100"
    written, bare = Words(years(), "year"), Words(bare_years(), "year")
    return [
        Rule("year.month_short", Seq(v.w("month", "month"), Alt(
            Seq(v.w("apostrophe"), two),
            Seq(two, Ahead(Alt(v.w("year_follow"), v.w("year_follow_article")), end=True)))),
             lambda m: Absolute(m["short"], m["month"], short=True),
             examples=("mei 98", "oktober '98", "maart ’15")),
        Rule("year.date_short", Seq(Opt(Alt(v.weekday, v.w("weekday_abbr"))), day(), v.month_any(), Alt(
            Seq(v.w("apostrophe"), two),
            Seq(two, Ahead(Alt(v.w("year_follow"), v.w("year_follow_article")), end=True)))),
             lambda m: date_or_block(m["short"], m["month"], m["day"], short=True),
             examples=("3 mei 98", "vrijdag 12 maart '82")),
        Rule("year.month_after", Seq(year(), v.w("month", "month"), amount),
             lambda m: Absolute(m["year"], m["month"]), examples=("2015 maart", "2015 juli")),
        Rule("year.apostrophe", Seq(v.w("apostrophe"), two, amount), lambda m: Absolute(m["short"], short=True),
             after=strong | loose, examples=("in '99", "sinds ’85", "van '99")),
        Rule("year.loose", Seq(year(), follow, no_change, amount), lambda m: Absolute(m["year"]), after=loose,
             examples=("vergeleken met 2009.", "uit 1987 en", "(2014)")),
        Rule("year.about", Seq(year(), follow_or_article, no_change, amount), lambda m: Absolute(m["year"]),
             after=v.lex["year_cue_about"], examples=("de cijfers over 2022", "over 2023 een")),
        Rule("year.written", Seq(written, amount), lambda m: Absolute(m["year"]), after=strong,
             examples=("in tweeduizend", "sinds negentienhonderdvijf", "in tweeduizend zeventien")),
        Rule("year.written_bare", Seq(bare, amount), lambda m: Absolute(m["year"]),
             examples=("negentienvierentachtig", "negentienzesenzeventig")),
        Rule("year.the_written", Seq(Opt(v.the), v.w("year_word"), written), lambda m: Absolute(m["year"]),
             examples=("het jaar tweeduizend", "het jaar negentienhonderd")),
    ]


def not_an_amount(v: Vocab) -> Element:
    """Nothing after a number that makes it an amount: an amount word (``2011 banen``)
    or decimals (``1487,32``)."""
    decimals = Seq(Glued(Words({",": True})), Glued(Number(0, 10**9)))
    return Ahead(Alt(v.w("amount_noun"), decimals), negate=True)
