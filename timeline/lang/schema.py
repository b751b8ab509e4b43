"""What a language provides: its data files, their sections, and the shape of each value.

A language is a folder (``timeline/lang/nl/``, or one of your own) with:

- ``language.toml``: its name, and which codes other tools know it by;
- ``lexicon.toml``: its time words, one table per word class (this module lists
  the classes and what their values mean);
- ``rules.py`` (or a ``rules/`` package): ``build_rules(lexicon)``, the rules of
  its time expressions, written over those classes;
- optionally ``verbs.toml``, ``tense.toml``, ``parser.toml``, ``events.toml``, ``placement.toml`` and
  ``frog.toml`` (the built-in parser's word lists, the tense cues, the event
  words, the Frog tag table), and ``morphology.py`` (its spelling rules, see
  :mod:`timeline.lang.morphology`).

Every file is checked against :data:`FILES` when the language is loaded: an
unknown section or key, or a value of the wrong shape, is a
:class:`~timeline.lang.shapes.LanguageError`; a section left out is empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen

from ..model import EventClass, Mod
from ..time.algebra import DayRule, Grain, PartOfDay, Season
from ..time.intent import Direction, RefKind
from .shapes import (
    Enum,
    Flag,
    Integer,
    LanguageError,
    ListOf,
    MapOf,
    Maybe,
    Number,
    OneOf,
    Record,
    Regex,
    Shape,
    Text,
    Words,
)

__all__ = ["FILES", "DataFile", "read_file"]


@frozen
class DataFile:
    """One data file of a language: its sections and their shapes; ``required`` if a
    language cannot be without it."""

    sections: Mapping[str, Shape]
    required: bool = False


_WORD_SET = MapOf(Flag())  # a set of words: word = true
_GRAIN = Enum(Grain, by_name=True)
_UPOS = Text("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
             "SCONJ", "SYM", "VERB", "X")
_CLASS = Text(*(c.name.lower() for c in EventClass))
_DEICTIC = Record({"days": Integer(), "part": Maybe(Enum(PartOfDay))}, required=("days",))

_LEXICON = {
    "weekday": MapOf(Integer(1, 7)),  # ISO weekday, 1 = Monday
    "weekday_abbr": MapOf(Integer(1, 7)),  # only with a date or a clock time after it
    "weekday_abbr_dashed": MapOf(Integer(1, 7)),  # those that may start a one-digit dashed date
    "part_of_day": MapOf(Enum(PartOfDay)),
    "part_of_day_adverb": MapOf(Enum(PartOfDay)),  # "'s ochtends"
    "part_of_day_cue": _WORD_SET,  # "in de ochtend": the word before a part of the day alone
    "month": MapOf(Integer(1, 12)),
    "month_abbr": MapOf(Integer(1, 12)),  # only with a day before it
    "deictic": MapOf(OneOf(_DEICTIC, Enum(RefKind))),  # days from the DCT (and a part of day), or vague
    "reference": MapOf(Enum(RefKind)),  # now, some time ago, some time from now
    "direction": MapOf(Enum(Direction)),  # forces a direction, before the word ("komende")
    "direction_after": MapOf(Enum(Direction)),  # the same, after it ("a.s.")
    "shift": MapOf(Integer()),  # the calendar unit before, of, or after the DCT's ("vorige week")
    "next_prev": MapOf(Integer()),  # the unit before or after the DCT's ("vorig weekend")
    "this": _WORD_SET,  # "dit weekend", "deze zomer"
    "whole": _WORD_SET,  # "het hele weekend", "de hele dag"
    "within_unit": _WORD_SET,  # "eerder deze week", "later dit jaar"
    "rest": _WORD_SET,  # "de rest van de week"
    "current": _WORD_SET,  # "de lopende week"
    "ahead_is_next": _WORD_SET,  # units after which "de komende" is the next unit ("de komende maand")
    "weekend": _WORD_SET,
    "unit": MapOf(Record({"grain": _GRAIN, "size": Integer(1, default=1), "plural": Flag(),
                          "calendar": Flag()}, required=("grain",))),  # calendar: a unit "vorige" can shift
    "unit_long": MapOf(_GRAIN),  # "jarenlang": an unknown number of units
    "unit_adjective": MapOf(_GRAIN),  # "driedaagse": after a number, an adjective of length
    "hyphen": _WORD_SET,  # "3-daagse"
    "season": MapOf(Enum(Season)),
    "period_of_year": MapOf(_GRAIN),  # numbered parts of a year ("het derde kwartaal")
    "period_of_named_year": MapOf(_GRAIN),  # the same, only with the year named ("de tweede helft van 2019")
    "period_letter": MapOf(_GRAIN),  # "Q3", "H1 2020"
    "period_letter_cue": _WORD_SET,  # words after which "Q3" alone is a quarter
    "numeral_extra": MapOf(Number()),  # amounts beyond the generated numerals: a fraction, or unknown
    "numeral_fraction_after": MapOf(Number()),  # "twee en een half": a fraction after a whole number
    "mod": MapOf(Enum(Mod)),  # a modifier before an expression ("begin", "ruim")
    "preposition_direction": MapOf(Enum(Direction)),  # "sinds december" looks back
    "preposition_nearest": _WORD_SET,  # "de slotkoers van vrijdag": the nearest Friday, either way
    "year_cue": _WORD_SET,  # words after which a bare four-digit number is a year
    "year_cue_loose": _WORD_SET,  # ... a year only before a year_follow word ("vergeleken met 2009.")
    "year_cue_about": _WORD_SET,  # ... before a year_follow word or an article ("de cijfers over 2022")
    "year_follow": _WORD_SET,  # what may follow a loosely cued year: punctuation, function words
    "amount_change": _WORD_SET,  # "van 1850 naar 2100": between two numbers, a change of amount
    "year_follow_article": _WORD_SET,  # after a month, two digits are a year before these too
    "amount_noun": _WORD_SET,  # after a number these make it an amount ("2011 banen")
    "fraction_after": _WORD_SET,  # "1/3 van": a fraction, not a day and month
    "day_month_cue": _WORD_SET,  # words after which "17-2" (a day and month in digits) is a date
    "reference_word": _WORD_SET,  # words before a number that is no date ("artikel 3.2")
    "score_noun": _WORD_SET,  # words for a score: after them "op 12-11" is no date ("de stand op 12-11")
    "holiday": MapOf(Record({"month": Integer(1, 12), "day": Integer(1, 31), "easter": Integer(),
                             "weekday": Integer(1, 7), "nth": Integer(1, 5), "if_sunday": Integer(),
                             "since": Integer(1, 9999), "until": Integer(1, 9999)},
                            make=DayRule)),
    "holiday_named": MapOf(Record({"month": Integer(1, 12), "day": Integer(1, 31)}, make=DayRule)),  # capitalized
    "holiday_named_after": _WORD_SET,  # ... and only after one of these words ("op Wapenstilstand")
    "every": _WORD_SET,  # "elke donderdag"
    "set_adverb": MapOf(OneOf(_GRAIN, Record({"grain": _GRAIN, "every": Integer(1)}, required=("grain", "every")))),
    "ago": MapOf(Integer(-1, -1)),  # "drie dagen geleden"
    "ahead": MapOf(Integer(1, 1)),  # "over drie dagen"
    "anchor_side": MapOf(Integer(-1, 1)),  # "drie dagen na Pasen" (1), "een week voor kerst" (-1)
    "sum_and": _WORD_SET,  # "een uur en twintig minuten"
    "sum_comma": _WORD_SET,  # "1 jaar, 2 maanden en 10 dagen"
    "later": MapOf(Integer(-1, 1)),  # "twee dagen later" (1), "eerder" (-1): from the reference time
    "in_advance": MapOf(Integer(-1, 1)),  # "de dag tevoren": only after "de" + unit
    "compared": _WORD_SET,  # "later dan": a comparison follows
    "same": _WORD_SET,  # "diezelfde week": the reference time's unit
    "the": _WORD_SET,  # determiners that belong to the expression
    "the_next": _WORD_SET,  # "de volgende dag": the day after the reference time
    "stretch_back": _WORD_SET,  # "de afgelopen week": a stretch that ends at the DCT
    "stretch_ahead": _WORD_SET,  # "de komende weken": a stretch that starts at the DCT
    "of": _WORD_SET,  # "maart van dit jaar", "week 3 van 2016"
    "year_word": _WORD_SET,  # "vorig jaar", "het jaar 2000"
    "week_word": _WORD_SET,  # "vorige week woensdag", "week 12"
    "week_unit": MapOf(Integer(1)),  # "vrijdag over een week": weeks one of the word counts
    "day_word": _WORD_SET,  # "de volgende dag", "diezelfde dag"
    "decade_word": _WORD_SET,  # "de jaren negentig"
    "decade_tens": MapOf(Integer(1, 9)),  # "negentig": the tens of a decade
    "decade_adjective": MapOf(Integer(1, 9)),  # "zeventiger" in "de zeventiger jaren"
    "century_word": _WORD_SET,  # "de twintigste eeuw"
    "ordinal_suffix": _WORD_SET,  # "de 19e eeuw"
    "ordinal_last": MapOf(Integer(-1, -1)),  # "de laatste vrijdag van juni"
    "ordinal_day_the": _WORD_SET,  # "op de 15e"
    "ordinal_day_cue": _WORD_SET,  # prepositions after which "de eerste" alone is a day
    "ordinal_day_follow": _WORD_SET,  # words that may follow such a day (punctuation always may)
    "apostrophe": _WORD_SET,  # "de jaren '90"
    "set_every_the": _WORD_SET,  # "om de twee weken"
    "clock_hour_word": _WORD_SET,  # "uur" after a clock time
    "clock_half": _WORD_SET,  # "half drie" is 2:30
    "clock_minutes": MapOf(Integer(1, 59)),  # "kwart over acht"
    "clock_offset": MapOf(Integer(-1, 1)),  # "over" counts forward, "voor" back
    "clock_cue": _WORD_SET,  # words after which "9 uur" is a time of day, not nine hours
    "clock_letter": _WORD_SET,  # the hour written as a letter: "15u30", "11h"
    "clock_join": _WORD_SET,  # what may stand between a day and its clock time: "morgen om 8 uur"
    "time_zone": _WORD_SET,  # a time zone after a clock time, part of its extent: "14:00 CET"
    "midnight": _WORD_SET,  # the end of a day: T24:00
    "idiom": _WORD_SET,  # fixed phrases that look like a time but are none
    "one_day": _WORD_SET,  # "op een dag": once upon a time, no date ...
    "one_day_after": _WORD_SET,  # ... after one of these words
    "noun_after_the": _WORD_SET,  # "de morgen": a part of day after an article, not "tomorrow"
    "range_from": _WORD_SET,
    "range_to": _WORD_SET,
    "clock_range_not": _WORD_SET,
    "dateline": _WORD_SET,  # words that introduce the publication date at the top of an article
    # what a dateline looks like: the date in it, what may follow the date, a place before it
    "dateline_shape": Record({"date": Maybe(Regex()), "tail": Maybe(Regex()), "place": Maybe(Regex())}),
    # words too common to anchor a match on, with how often they occur in 100,000 tokens of
    # the language's news (true: often, no count given); the engine anchors on rarer ones
    "frequent": MapOf(OneOf(Flag(), Integer(0, 100_000))),
}

_VERB_FORMS = Record({"past": Maybe(Text()), "past_plural": Maybe(Text()), "participle": Text()},
                     required=("participle",))
_VERBS = {
    "irregular": MapOf(_VERB_FORMS),
    "regular": Record({"words": ListOf(Text()), "unstressed": ListOf(Text())}),
    "present_irregular": MapOf(Text()),
    "auxiliary": MapOf(Text("perfect", "future", "conditional", "passive", "go")),
    "stative_participles": Record({"after": Words(), "words": Words()}),
    "not_past": Record({"words": Words()}),
    "separable_particles": Record({"words": Words()}),
}

_TENSE = {
    "clause": Record({"subordinators": Words(), "punctuation": Words()}),
    "regular_past": Record({"endings": ListOf(Text()), "plural_endings": ListOf(Text()),
                            "not_endings": ListOf(Text()), "min_length": Integer(1, default=5)}),
    "present": Record({"endings": ListOf(Text()), "min_length": Integer(1, default=4)}),
    "participle": Record({"prefix": Text(), "endings": ListOf(Text()), "inseparable": ListOf(Text())}),
}

_PARSER = {
    "sentence": Record({"abbreviations": Words(), "may_end": Words(), "clitics": Words()}),
    "upos": MapOf(Words(), keys=_UPOS),
    "ambiguous": Record({key: Words() for key in ("determiner_or_pronoun", "determiner_opens", "possessive_or_verb",
                                                  "possessives", "object_or_possessive", "complementizers",
                                                  "subjects", "preposition_or_conjunction",
                                                  "quantifiers")}),
    "finite": MapOf(ListOf(Text(), length=2)),  # form = [infinitive, UD tense]
    "auxiliary": Record({key: Words() for key in ("perfect", "future", "passive", "modal", "copula",
                                                  "with_infinitive", "marker")}),
    "particles": Record({"strict": Words(), "pronominal": Words(), "stranded": Words()}),
    "lemma": Record({"past_endings": ListOf(Text()), "present_endings": ListOf(Text()),
                     "participle_endings": ListOf(Text()), "infinitive": Text(), "vowels": Text(),
                     "diphthongs": ListOf(Text()), "voiced": MapOf(Text()), "voiced_after": MapOf(Text()),
                     "unstressed": ListOf(Text()), "undoubled": Text(), "diaeresis": MapOf(Text()),
                     "ordinal": Words(), "emphasis": MapOf(Text())}),
    "noun": Record({"endings": ListOf(Text())}),
    "numeral": Record({"pieces": Words(), "joiners": ListOf(Text())}),
    "adjective": Record({"endings": ListOf(Text()), "inflection": ListOf(Text()), "open_degrees": ListOf(Text()),
                         "closed_degrees": ListOf(Text()), "not_degrees": Words(), "proper": ListOf(Text())}),
}

_SIZES = Record({key: Integer(1, default=default) for key, default in (("stem", 3), ("modifier", 3), ("head", 4))})
_EVENTS = {
    "class": MapOf(Words(), keys=_CLASS),  # class = [lemmas]
    "nominal": MapOf(Words(), keys=_CLASS),  # class = [nouns]
    # how nouns made from verbs are known: suffix = [verb endings], and the smallest parts
    "nominal_derivation": Record({"suffixes": MapOf(ListOf(Text())), "after_particle": MapOf(ListOf(Text())),
                                  "particles": Words(), "prefixes": Words(), "verbs": Words(),
                                  "infinitive": Maybe(Text()), "plurals": ListOf(Text()),
                                  "sizes": _SIZES}),
    "not_nominal": Record({"words": Words()}),  # nouns that look made from a verb but name no event
    "not_event": Record({key: Words() for key in ("auxiliaries", "modals", "future", "copulas", "markers", "support",
                                                  "adjectival_participles")}),
    "class_with_clause": Record({"verbs": Words()}),
    "phrase": MapOf(_CLASS),  # "laten weten" = "reporting"
    "intensional": Record({"verbs": Words()}),
    "negation": Record({"words": Words()}),
    "anchor_prepositions": Record({"before": Words(), "after": Words(), "during": Words()}),
}

_LINK = Text("before", "after", "overlap")  # how one event lies against the other

_PLACEMENT = {
    "dct": Record({key: Words() for key in ("conditional", "possibility", "intention", "conditional_openers",
                                                   "since")}),
    "subordinators": MapOf(_LINK),  # opener = relation of its clause's event to the main clause's
    "prepositions": MapOf(_LINK),  # preposition = relation of the event noun after it to its clause's event
    "measured": Record({"prepositions": MapOf(_LINK), "after": Words()}),
    "adverbs": MapOf(_LINK),  # adverb = relation of the previous sentence's event to this one's
    "report": Record({"complementizers": Words()}),
}

_FROG = {
    "tags": MapOf(Record({"upos": _UPOS, "upos_if": MapOf(_UPOS), "feats": MapOf(ListOf(Text()))})),
    "relations": Record({key: Words() for key in ("verbal_complement", "particle", "clause_body", "unlabeled",
                                                  "root")}),
}

_MANIFEST = {
    "language": Record({"name": Text(), "dateparser": ListOf(Text()), "stanza": Text()}, required=("name",)),
}

FILES: Mapping[str, DataFile] = {
    "language": DataFile(_MANIFEST, required=True),
    "lexicon": DataFile(_LEXICON, required=True),
    "verbs": DataFile(_VERBS),
    "tense": DataFile(_TENSE),
    "parser": DataFile(_PARSER),
    "events": DataFile(_EVENTS),
    "placement": DataFile(_PLACEMENT),
    "frog": DataFile(_FROG),
}
"""Every data file a language may have, by name (``lexicon`` is ``lexicon.toml``)."""


def read_file(name: str, data: Mapping[str, Any] | None, where: str) -> dict[str, Any]:
    """The sections of data file ``name`` (None: the file is not there), checked and converted;
    a section left out is empty. Raises LanguageError for what does not fit :data:`FILES`."""
    spec = FILES[name]
    if data is None:
        if spec.required:
            raise LanguageError(f"{where}: a language needs this file")
        data = {}
    unknown = [key for key in data if key not in spec.sections]
    if unknown:
        import difflib

        near = difflib.get_close_matches(unknown[0], spec.sections, n=1)
        hint = f" (did you mean [{near[0]}]?)" if near else ""
        raise LanguageError(f"{where}: unknown section [{unknown[0]}]{hint}")
    out: dict[str, Any] = {}
    for section, shape in spec.sections.items():
        place = f"{where} [{section}]"
        out[section] = shape.read(data[section], place) if section in data else _empty(shape, place)
    return out


def _empty(shape: Shape, where: str) -> Any:
    try:
        return shape.empty()
    except LanguageError:
        raise LanguageError(f"{where}: this section is required") from None
