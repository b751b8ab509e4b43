"""The built-in analyzer: sentences, tokens, parts of speech, verbs and clauses without a model.

It gives the event layer the same :class:`~timeline.parse.Sentence` values a
parser model would, where none is installed. Everything is decided by the
language's word lists (``parser.toml``, ``verbs.toml``, ``tense.toml``) and a
few rules of word order, in passes that each look at a token or two around
them, so the work is linear in the text:

1. tokens: one regular expression (words with inner hyphens and apostrophes,
   numbers with inner separators, dotted abbreviations); listed abbreviations
   and initials keep their dot;
2. sentences: end punctuation (and the closing quotes after it) before a
   capital, a blank line, or a line break after a line with no end
   punctuation that is short or is followed by a capital;
3. parts of speech: closed classes from the lists; the word before decides
   whether a word can be a verb at all (none after an article or an inflected
   adjective, only a form the lexicon knows after a preposition);
4. clauses: a subordinator opens one, clause punctuation closes it; after a
   comma the clause still waiting for its finite verb resumes, so an inserted
   clause or apposition does not cut the main clause in two; a subordinate
   clause with no finite verb ("als minister") is no clause;
5. per clause: which verb form is finite (a form only the lexicon reads as
   finite first, then a form spelled as an infinitive, then suffix guesses),
   which are participles and infinitives, which verbs are auxiliaries, and
   which particle at the end of the clause belongs to the finite verb.

An auxiliary is ``AUX`` when what it helps is in its clause: hebben/zijn with
a participle, worden with a participle (passive), a modal with a bare
infinitive, zullen always, and zijn/worden/blijven as a copula when the clause
has no other verb form. So ``Het museum is gesloten`` has ``is`` AUX and
``gesloten`` VERB, whether the participle tells an event or a state (the
lexicon's stative participles settle that later). Punctuation belongs to the
clause it closes. There is no dependency tree: ``head`` and ``deprel`` stay
``None``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator

from attrs import field, frozen

from ...lang import Language, load_language
from ...text.sentences import blocks, bounds
from ...text.sentences import names as find_names
from ...text.tokens import MatchTokens, Tokens, read_tokens
from ..protocol import Sentence, frozen_features
from . import clauses, roles, tagging
from .lexicon import FINITE, Tables, Verb, features
from .readings import read_verb
from .state import Analysis
from .verbs import VerbLexicon

__all__ = ["BuiltinBlock", "BuiltinParser"]

NO_FEATURES = frozen_features(())


@functools.cache
def _tables(language: Language) -> Tables:
    """The tables of a language, built once per loaded language."""
    return Tables(VerbLexicon.of(language), language.data("parser"), read_verb, language.morphology)


@frozen
class BuiltinParser:
    """The rule-based analyzer: sentences and tokens with parts of speech, verb features,
    separable verbs and clause numbers, and no dependency tree.

    >>> [(t.text, t.upos, t.lemma) for t in BuiltinParser().parse("Hij legde de sancties op.")[0].tokens][:2]
    [('Hij', 'PRON', 'hij'), ('legde', 'VERB', 'opleggen')]
    """

    language: Language = field(factory=load_language, converter=load_language)  # a code, a folder, or a Language

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        return tuple(self.iter_parse(text))

    def iter_parse(self, text: str) -> Iterator[Sentence]:
        """The sentences of ``text`` one at a time, so that a long text is never held parsed whole."""
        for block in self.blocks(text):
            yield from block.sentences()

    def blocks(self, text: str) -> Iterator[BuiltinBlock]:
        """The text a block of paragraphs at a time, each sentence parsed when first asked for
        (see :mod:`timeline.parse.reading`). A capitalized word at the start of a sentence is
        read as a name where the block writes it with a capital inside a sentence too; a
        block holds some 64K characters of whole paragraphs (an article, or a few), so a
        long text is read once and in flat memory."""
        tables = _tables(self.language)
        index = 0
        for a, b in blocks(text):
            toks = read_tokens(text, a, b, tables.token_lists)
            spans = bounds(text, toks, a, b)
            block = BuiltinBlock(text, a, b, tables, toks, spans, find_names(toks, spans), index)
            index += len(spans)
            yield block


class BuiltinBlock:
    """A block of paragraphs as the built-in parser reads it: its tokens, its sentence bounds,
    and each sentence parsed when first asked for."""

    def __init__(self, text: str, start: int, end: int, tables: Tables, tokens: Tokens,
                 spans: list[tuple[int, int]], names: set[str], first_index: int) -> None:
        self.start, self.end = start, end
        self.match = MatchTokens(text, start, end, tokens.folded)
        self._tables, self._tokens, self._spans, self._names = tables, tokens, spans, names
        self._first = first_index
        self._starts = [tokens.starts[lo] for lo, _ in spans]
        self._parsed: dict[int, Sentence] = {}

    def sentence(self, k: int) -> Sentence:
        """Sentence ``k`` of the block, parsed (once)."""
        found = self._parsed.get(k)
        if found is None:
            lo, hi = self._spans[k]
            found = self._parsed[k] = analyze_sentence(Analysis(self._tables, self._tokens, lo, hi, self._names),
                                                       self._first + k)
        return found

    def sentences(self) -> list[Sentence]:
        return [self.sentence(k) for k in range(len(self._spans))]

    def index_at(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1


def analyze_sentence(a: Analysis, index: int) -> Sentence:
    """Every pass over one sentence, in order; the sentence with what they decided."""
    tagging.classes(a)
    # A sentence with no word that may be a verb has one clause and no verb roles.
    verbs = _verbs(a) if any(a.verb) else []
    tagging.content(a)
    if verbs:
        _particles(a, verbs)
    n = a.n
    feats = [NO_FEATURES] * n
    for i in verbs:
        feats[i] = features(a.role[i], a.tense[i])
    nothing = (None,) * n  # no tree: no heads, no relations
    return Sentence.trusted(index, a.starts[0], a.ends[-1], tuple(a.text), tuple(a.starts), tuple(a.ends),
                            tuple(a.lemma), tuple(a.tag), tuple(feats), nothing,  # type: ignore[arg-type]
                            nothing, tuple(a.particle), tuple(a.clause))


def _verbs(a: Analysis) -> list[int]:
    """Clauses, and the verb roles in each: finite, participle, infinitive, auxiliary. The
    words with a verb role, in order."""
    parent, sub = clauses.clauses(a)
    may_be = zip(itertools.compress(range(a.n), a.verb), filter(None, a.verb), strict=True)  # C-level
    if len(parent) == 1:  # one clause (most sentences)
        roles.verbs(a, 0, False, dict(may_be))
        verbs = list(itertools.compress(range(a.n), a.role))  # the words with a verb role (NO is 0)
        roles.auxiliaries(a, verbs)
        return verbs
    readings: dict[int, dict[int, Verb]] = {}  # clause -> its words that may be verbs
    for i, v in may_be:
        readings.setdefault(a.clause[i], {})[i] = v
    for c, verb in readings.items():
        roles.verbs(a, c, sub[c], verb)
    verbs = list(itertools.compress(range(a.n), a.role))
    clauses.merge(a, parent, verbs)
    finite = {a.clause[i] for i in verbs if a.role[i] == FINITE}
    for i in itertools.compress(range(a.n), a.opener):
        if a.tag[i] == "ADP" and a.clause[i] and a.clause[i] in finite:
            a.tag[i] = "SCONJ"  # "Sinds de fabriek dicht is": a preposition that opened a clause
    for clause_verbs in _by_clause(a, verbs).values():
        roles.auxiliaries(a, clause_verbs)
    return verbs


def _particles(a: Analysis, verbs: list[int]) -> None:
    """The particles of the finite verbs ("legde ... op"), and of infinitives after the marker."""
    particles = a.t.particles
    if not particles.isdisjoint(a.low):  # many sentences have no word that may be one
        for c, clause_verbs in _by_clause(a, verbs).items():
            for i in clause_verbs:  # only a finite verb with a particle word after it can take one
                if a.role[i] == FINITE and a.tag[i] == "VERB":
                    if not particles.isdisjoint(a.low[i + 1:]):
                        roles.particles(a, a.clause_tokens(c))
                    break
    if any(a.te):
        roles.te_particles(a)


def _by_clause(a: Analysis, verbs: list[int]) -> dict[int, list[int]]:
    """The words with a verb role by clause, the clauses in order of number."""
    if not any(a.clause):
        return {0: verbs}
    out: dict[int, list[int]] = {}
    for i in verbs:
        out.setdefault(a.clause[i], []).append(i)
    return dict(sorted(out.items()))
