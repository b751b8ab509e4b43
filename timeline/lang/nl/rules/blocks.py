"""Readings blocked first: words that look like a time and are none (``Mei Li Vos``,
``op een dag``, ``de morgen``, ``het is vijf voor twaalf``). A blocking rule claims its
tokens, so that no other rule reads them as a time."""

from __future__ import annotations

from timeline.patterns import Alt, Behind, Cap, Number, Opt, Rule, Seq, Shape, Words

from .vocab import Vocab

# Word classes that may stand before a month or weekday as part of a time ("In Mei", "Vorige Maart").
_LEADS = ("year_cue", "day_month_cue", "mod", "direction", "every", "this", "shift", "range_from", "range_to",
          "same", "next_prev", "preposition_direction")
_LETTERS = Shape(r"[^\W\d_]+", lambda g: True, words=True)


def rules(v: Vocab) -> list[Rule]:
    leads = frozenset(word for cls in _LEADS for word in v.lex[cls] if " " not in word)
    lower = Alt(v.w("month"), v.weekday, v.w("season"), v.w("deictic"))  # words Dutch writes in lower case
    after_other = Behind(Shape(r"[^\W\d_]+", lambda g: g[0] not in leads or None, words=True))
    return [
        # A capitalized month or season before another capitalized word is a name.
        Rule("block.name", Seq(Cap(Alt(v.w("month"), v.w("season"))), Cap(_LETTERS)), lambda m: None,
             examples=("Mei Li Vos", "Winter Sports")),
        # Inside a sentence, a capitalized month, weekday, season or day word (Dutch writes them
        # in lower case) after a word that does not lead to a time ("In Mei", "Vorige Maart") is
        # a name: "Jan Maart", "de zangeres Mei", "De Zondag", "Leon de Winter", "de serie Morgen".
        Rule("block.surname", Alt(Cap(Seq(after_other, lower)), Seq(after_other, v.the, Cap(lower))),  # capital first
             lambda m: None, examples=("Jan Maart", "de zangeres Mei", "restaurant De Zondag", "Leon de Winter")),
        # ... and after any word, one that stands in a run of capitalized words is part of a
        # title: "van Vandaag Inside", "het boek Honderd Jaar Eenzaamheid", "Een Dag uit het Leven".
        Rule("block.title", Cap(Seq(Behind(_LETTERS), Alt(Seq(Cap(lower), Cap(_LETTERS)),  # a capital first: cheap
                                                          Seq(Cap(Words(v.numbers)), Cap(Words(v.units)))))),
             lambda m: None, examples=("van Vandaag Inside", "boek Honderd Jaar", "voorstelling Een Dag")),
        Rule("block.one_day", v.w("one_day"), lambda m: None, after=v.lex["one_day_after"],
             examples=("op een dag",)),
        Rule("block.the_morning", Seq(v.the, v.w("noun_after_the")), lambda m: None, examples=("de morgen",)),
        # A number after "artikel", "versie", "nr." is no date: "versie 10.03.12", "nr. 2016/11".
        Rule("block.reference", Seq(v.w("reference_word"), Opt(Words({".": True})),
                                    Alt(Number(0, 10**9), Shape(r"\d+(?:[-/.:]\d+)+", lambda g: True))),
             lambda m: None, examples=("artikel 3.2", "nr. 2016/11", "versie 10.03.12")),
        # A score after a word for the score and a date cue is no date: "bracht de stand op 12-11".
        Rule("block.score", Seq(v.w("score_noun"), Opt(_LETTERS), v.w("day_month_cue"),
                                Shape(r"\d{1,2}-\d{1,2}", lambda g: True)),
             lambda m: None, examples=("de stand op 12-11", "de stand kwam op 24-12")),
        Rule("block.idiom", v.w("idiom"), lambda m: None, examples=("het is vijf voor twaalf",)),
        # "de Vierdaagse" is the name of an event, not four days
        Rule("block.length_name", Seq(v.the, Cap(Words(v.unit_adjectives))), lambda m: None,
             examples=("de Vierdaagse",)),
    ]
