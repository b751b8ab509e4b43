"""The built-in parser's word lists, as sets and maps, and what a verb reading is.

Everything here is read from the language's data once per process; the passes
of the parser only look things up in it.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Callable, Hashable, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

from attrs import frozen

from ...lang.morphology import Morphology
from ...text.sentences import END
from ...text.tokens import TokenLists
from ..protocol import frozen_features
from .verbs import VerbLexicon

__all__ = ["ADJECTIVE_BLOCK", "CLOSED", "DET_OR_PRON", "FIN", "FINITE", "FIN_INF", "FIN_PART", "INF", "INFINITIVE",
           "NO", "OPEN", "PART", "PARTICIPLE", "POSS_OR_VERB", "Memo", "Tables", "Verb", "Word", "features"]

READINGS = 1 << 17  # verb readings remembered per language (a few MB)

# Verb readings of a word form, before its clause decides.
FIN, FIN_INF, FIN_PART, PART, INF = range(5)
# Roles in the clause.
NO, FINITE, PARTICIPLE, INFINITIVE = range(4)
# What the word lists make of a lowercase word, in the order the tagging pass asks.
DET_OR_PRON, POSS_OR_VERB, CLOSED, OPEN = range(4)
ADJECTIVE_BLOCK = -1  # the block of an uninflected closed-class adjective: a noun phrase goes on if one did
SYMBOLS = frozenset("%‰#@&§°")  # punctuation-like characters that are symbols in UD

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


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


class Memo(dict[K, V], Generic[K, V]):
    """A bounded memo of a pure function of a word: ``memo[word]`` is ``function(word)``,
    worked out on first use. A hit is a plain dict lookup, in C; when full it starts over."""

    def __init__(self, function: Callable[[K], V], size: int) -> None:
        super().__init__()
        self.function, self.size = function, size

    def __missing__(self, key: K) -> V:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.function(key)
        return value


@frozen
class Verb:
    """What a word form can be as a verb."""

    kind: int  # FIN, FIN_INF (finite or infinitive), FIN_PART (finite or participle), PART, INF
    lemma: str
    tense: str  # UD Tense if the form is finite ("Past" on an infinitive-like form: maybe a plural past)
    level: int  # 2: the lexicon has the form; 1: a suffix rule (confirmed or strong); 0: a guess


class Word(NamedTuple):
    """What the word lists say of a lowercase word, for the passes that tag each word: one
    lookup where there were several (see :attr:`Tables.words`)."""

    kind: int  # DET_OR_PRON, POSS_OR_VERB, CLOSED or OPEN: the first list that has it, in that order
    closed: str | None  # its closed class, if it has one
    block: int  # CLOSED: the least verb level it asks of the next word (ADJECTIVE_BLOCK: see there)
    subordinator: bool
    verb: Verb | None  # OPEN: its verb reading on its own
    noun: str  # the class it takes as no closed-class word and no verb: NOUN, ADJ or X
    attributive: bool  # an inflected adjective: before a word, that word is the noun it goes with


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
        self.subordinators = lex.subordinators
        self.clause_punctuation = lex.punctuation | END
        self._spelling(data.get("lemma", {}))
        self.noun_endings = tuple(data.get("noun", {}).get("endings", ()))
        adjective = data.get("adjective", {})
        self.adjective_endings = tuple(adjective.get("endings", ()))
        self.inflection = tuple(adjective.get("inflection", ()))
        self.proper_adjective = tuple(adjective.get("proper", ()))
        self.prepositional = words("ambiguous", "preposition_or_conjunction")
        self.quantifiers = words("ambiguous", "quantifiers")
        self.pronominal = words("particles", "pronominal")
        self.stranded = words("particles", "stranded")
        self.adjective_forms = _degrees(self, adjective, data.get("upos", {}))
        numeral = data.get("numeral", {})
        self.numeral_pieces = frozenset(data.get("upos", {}).get("NUM", ())) | frozenset(numeral.get("pieces", ()))
        self.numeral_joiners = tuple(numeral.get("joiners", ()))
        self.numeral_starts = frozenset(piece[:1] for piece in self.numeral_pieces)

    def _spelling(self, lemma: Mapping[str, Any]) -> None:
        """The spelling rules that turn a verb form into its infinitive ([lemma] of parser.toml)."""
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
        self.emphasis = str.maketrans(dict(lemma.get("emphasis", {})))

    @functools.cached_property
    def words(self) -> Memo[str, Word]:
        """Each lowercase word's :class:`Word`, remembered (a bounded memo, like ``reading``)."""
        return Memo(functools.partial(_word, self), READINGS)

    @functools.cached_property
    def marks(self) -> Memo[str, tuple[str, bool]]:
        """Each punctuation token's class (PUNCT or SYM), and whether it ends a clause."""
        return Memo(functools.partial(_mark, self), READINGS)


def _degrees(t: Tables, adjective: Mapping[str, Any], upos: Mapping[str, Any]) -> frozenset[str]:
    """The inflected, comparative and superlative forms of the language's listed adjectives
    (and of the adverbs that are also adjectives): "grote", "groter", "grotere", "grootste"."""
    ending = t.infinitive
    forms: set[str] = set()
    for word in itertools.chain(upos.get("ADJ", ()), upos.get("ADV", ())):
        spelled = t.morphology.infinitive(word)  # the stem as written before a vowel
        if spelled is not None and ending and spelled.endswith(ending):
            forms.update(spelled[: -len(ending)] + end for end in adjective.get("open_degrees", ()))
        forms.update(word + end for end in adjective.get("closed_degrees", ()))
    return frozenset(forms - set(adjective.get("not_degrees", ())) - set(t.closed) - t.det_or_pron)


def _pronominal_adverb(t: Tables, low: str) -> bool:
    """"erom", "daartegen", "hieruit": "er", "daar", "hier" or "waar" and a preposition."""
    return any(low.startswith(head) and low[len(head):] in t.stranded for head in t.pronominal)


def _numeral(t: Tables, low: str) -> bool:
    """Whether ``low`` is a numeral written as one word: pieces, maybe joined ("zesenzeventig")."""
    starts, ends = {0}, set()  # where a piece may start (the word's start, after a piece or a joiner), end
    for at in range(len(low)):
        if at in starts:
            for piece in t.numeral_pieces:
                if low.startswith(piece, at):
                    end = at + len(piece)
                    ends.add(end)
                    starts.add(end)
                    starts.update(end + len(j) for j in t.numeral_joiners if low.startswith(j, end))
    return len(low) in ends


def _word(t: Tables, low: str) -> Word:
    """The :class:`Word` of ``low``: what the tagging pass asked of several lists, one by one."""
    if low not in t.closed and low not in t.det_or_pron:
        plain = low.translate(t.emphasis)  # "géén", "wél": stressed, the same word
        if plain != low and plain in t.closed:
            return t.words[plain]
        if _pronominal_adverb(t, low):
            return Word(CLOSED, "ADV", 0, False, None, "ADV", False)
        if low[:1] in t.numeral_starts and _numeral(t, low):
            return Word(CLOSED, "NUM", 0, False, None, "NUM", False)
    if low in t.det_or_pron:
        kind = DET_OR_PRON
    elif low in t.poss_or_verb:
        kind = POSS_OR_VERB
    elif low in t.closed:
        kind = CLOSED
    else:
        kind = OPEN
    closed = t.closed.get(low)
    block = 0
    if low in t.quantifiers or closed == "ADP" or low in t.object_or_poss or low in t.prepositional:
        block = 2
    elif closed == "DET" or low in t.possessives:
        block = 3
    elif closed == "ADJ":
        block = 3 if low.endswith(t.inflection) else ADJECTIVE_BLOCK
    if low.endswith(t.noun_endings):
        noun = "NOUN"
    elif (low.endswith(t.adjective_endings) and len(low) > 4) or low in t.adjective_forms:
        noun = "ADJ"
    elif any(map(str.isdigit, low)):
        noun = "X"
    else:
        noun = "NOUN"
    attributive = noun == "ADJ" and low.endswith(t.inflection)
    return Word(kind, closed, block, low in t.subordinators, t.reading(low) if kind == OPEN else None, noun,
                attributive)


def _mark(t: Tables, text: str) -> tuple[str, bool]:
    """The class of a punctuation token, and whether it ends a clause (see :attr:`Tables.marks`)."""
    symbol = text in SYMBOLS or unicodedata.category(text[0])[0] == "S"
    return "SYM" if symbol else "PUNCT", text in t.clause_punctuation or text[0] == "."
