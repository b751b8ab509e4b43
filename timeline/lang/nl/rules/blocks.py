"""Readings blocked first: words that look like a time and are none (``Mei Li Vos``,
``op een dag``, ``de morgen``, ``het is vijf voor twaalf``). A blocking rule claims its
tokens, so that no other rule reads them as a time."""

from __future__ import annotations

from timeline.patterns import Cap, Rule, Seq, Shape, Words

from .vocab import Vocab

_LETTERS = Shape(r"[^\W\d_]+", lambda g: True, words=True)


def rules(v: Vocab) -> list[Rule]:
    return [
        # A capitalized month before another capitalized word is a name.
        Rule("block.name", Seq(Cap(v.w("month")), Cap(_LETTERS)), lambda m: None, examples=("Mei Li Vos",)),
        Rule("block.one_day", v.w("one_day"), lambda m: None, after=v.lex["one_day_after"],
             examples=("op een dag",)),
        Rule("block.the_morning", Seq(v.the, v.w("noun_after_the")), lambda m: None, examples=("de morgen",)),
        Rule("block.idiom", v.w("idiom"), lambda m: None, examples=("het is vijf voor twaalf",)),
        # "de Vierdaagse" is the name of an event, not four days
        Rule("block.length_name", Seq(v.the, Cap(Words(v.unit_adjectives))), lambda m: None,
             examples=("de Vierdaagse",)),
    ]
