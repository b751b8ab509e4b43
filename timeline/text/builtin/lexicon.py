"""The built-in parser's word lists, as sets and maps, and what a verb reading is.

Everything here is read from the language's data once per process; the passes
of the parser only look things up in it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen

from ...lang.morphology import Morphology
from ..parse import frozen_features
from ..sentences import END
from ..tokens import TokenLists
from .verbs import VerbLexicon

__all__ = ["FIN", "FINITE", "FIN_INF", "FIN_PART", "INF", "INFINITIVE", "NO", "PART", "PARTICIPLE", "Tables", "Verb",
           "features"]

READINGS = 1 << 17  # verb readings remembered per language (a few MB)

# Verb readings of a word form, before its clause decides.
FIN, FIN_INF, FIN_PART, PART, INF = range(5)
# Roles in the clause.
NO, FINITE, PARTICIPLE, INFINITIVE = range(4)


@functools.cache
def features(role: int, tense: str | None) -> Mapping[str, str]:
    """The UD features of a verb role (one read-only mapping per role and tense)."""
    if role == FINITE:
        return frozen_features((("Tense", tense or "Pres"), ("VerbForm", "Fin")))
    if role == PARTICIPLE:
        return frozen_features((("Tense", "Past"), ("VerbForm", "Part")))
    if role == INFINITIVE:
        return frozen_features((("VerbForm", "Inf"),))
    return frozen_features(())


@frozen
class Verb:
    """What a word form can be as a verb."""

    kind: int  # FIN, FIN_INF (finite or infinitive), FIN_PART (finite or participle), PART, INF
    lemma: str
    tense: str  # UD Tense if the form is finite ("Past" on an infinitive-like form: maybe a plural past)
    level: int  # 2: the lexicon has the form; 1: a suffix rule (confirmed or strong); 0: a guess


class Tables:
    """One language's word lists as sets, and its verb readings (built once per language;
    read-only after)."""

    def __init__(self, lex: VerbLexicon, data: Mapping[str, Any],
                 reader: Callable[[Tables, str], Verb | None], morphology: Morphology) -> None:
        self.lex = lex
        self.morphology = morphology  # the language's spelling rules: the infinitive of a stem
        self.closed: dict[str, str] = {word: upos for upos, words in data.get("upos", {}).items() for word in words}
        self.finite = {form: (str(pair[0]), str(pair[1])) for form, pair in data.get("finite", {}).items()}

        def words(section: str, key: str) -> frozenset[str]:
            return frozenset(data.get(section, {}).get(key, ()))

        self.token_lists = TokenLists(words("sentence", "abbreviations"), words("sentence", "may_end"),
                                      words("sentence", "clitics"))
        self.det_or_pron = words("ambiguous", "determiner_or_pronoun")
        self.determiner_opens = words("ambiguous", "determiner_opens")
        self.poss_or_verb = words("ambiguous", "possessive_or_verb")
        self.possessives = words("ambiguous", "possessives")
        self.object_or_poss = words("ambiguous", "object_or_possessive")
        self.complementizers = words("ambiguous", "complementizers")
        self.subjects = words("ambiguous", "subjects")
        self.perfect = words("auxiliary", "perfect")
        self.future = words("auxiliary", "future")
        self.passive = words("auxiliary", "passive")
        self.helpers = self.perfect | self.passive  # auxiliaries that take a participle
        self.modal = words("auxiliary", "modal")
        self.copula = words("auxiliary", "copula")
        self.with_infinitive = words("auxiliary", "with_infinitive")
        self.marker = words("auxiliary", "marker")
        self.particles = frozenset(p for group in lex.particles.values() for p in group)
        # Words repeat across a corpus: each one's verb reading is worked out once per
        # process (a bounded memo of a pure function), not once per document.
        self.reading: Callable[[str], Verb | None] = functools.lru_cache(maxsize=READINGS)(
            functools.partial(reader, self))
        self.strict = words("particles", "strict")
        self.pronominal = words("particles", "pronominal")
        self.stranded = words("particles", "stranded")
        self.subordinators = lex.subordinators
        self.clause_punctuation = lex.punctuation | END
        lemma = data.get("lemma", {})
        self.past_endings = tuple(lemma.get("past_endings", ()))
        self.present_endings = tuple(lemma.get("present_endings", ()))
        self.participle_endings = tuple(lemma.get("participle_endings", ()))
        self.infinitive = str(lemma.get("infinitive", ""))
        self.vowels = str(lemma.get("vowels", ""))
        self.undoubled = str(lemma.get("undoubled", ""))
        self.diphthongs = tuple(lemma.get("diphthongs", ()))
        self.voiced: dict[str, str] = dict(lemma.get("voiced", {}))
        self.voiced_after: dict[str, str] = dict(lemma.get("voiced_after", {}))
        self.unstressed = tuple(lemma.get("unstressed", ()))
        self.diaeresis: dict[str, str] = dict(lemma.get("diaeresis", {}))
        self.ordinal = frozenset(lemma.get("ordinal", ()))
        self.adjective_endings = tuple(data.get("adjective", {}).get("endings", ()))
        self.inflection = tuple(data.get("adjective", {}).get("inflection", ()))
