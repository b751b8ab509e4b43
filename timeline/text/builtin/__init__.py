"""The built-in analyzer: sentences, tokens, parts of speech, verbs and clauses without a model.

It gives the event layer the same :class:`~timeline.text.parse.Sentence` values a
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
   clause with no verb at all ("als minister") is no clause;
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

import functools
import itertools
from collections.abc import Iterator

from attrs import field, frozen

from ...lang import load_language
from ..parse import Sentence, fast_token
from ..sentences import blocks, bounds
from ..sentences import names as find_names
from ..tense import VerbLexicon
from ..tokens import read_tokens
from . import clauses, roles, tagging
from .lexicon import NO, Tables, Verb, features
from .readings import read_verb
from .state import Analysis

__all__ = ["BuiltinParser"]


@functools.cache
def _tables(code: str) -> Tables:
    """The tables of a language, built once per process."""
    language = load_language(code)
    return Tables(VerbLexicon.of(language), language.data("parser"), read_verb)


def _check_language(instance: BuiltinParser, attribute: object, value: str) -> None:
    load_language(value)  # raises ValueError for a language the library does not have


@frozen
class BuiltinParser:
    """The rule-based analyzer: sentences and tokens with parts of speech, verb features,
    separable verbs and clause numbers, and no dependency tree.

    >>> [(t.text, t.upos, t.lemma) for t in BuiltinParser().parse("Hij legde de sancties op.")[0].tokens][:2]
    [('Hij', 'PRON', 'hij'), ('legde', 'VERB', 'opleggen')]
    """

    language: str = field(default="nl", validator=_check_language)

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        return tuple(self.iter_parse(text))

    def iter_parse(self, text: str) -> Iterator[Sentence]:
        """The sentences of ``text`` one at a time, so that a long text is never held parsed whole."""
        return _sentences(_tables(self.language), text)



def _sentences(tables: Tables, text: str) -> Iterator[Sentence]:
    """Every sentence, analyzed, one at a time; first the words the text writes with a
    capital inside a sentence, so that the same word at the start of another is known to
    be a name. A long text is read a block of paragraphs at a time (twice: names first),
    so that its tokens never all exist at once."""
    lists = tables.token_lists
    cut = blocks(text)
    names: set[str] = set()  # words written with a capital inside a sentence: names
    for a, b in cut:
        toks = read_tokens(text, a, b, lists)
        spans = bounds(text, toks, a, b)
        find_names(toks, spans, names)
    index = 0
    for a, b in cut:
        if len(cut) > 1:  # one block (most texts) is still at hand from the first pass
            toks = read_tokens(text, a, b, lists)
            spans = bounds(text, toks, a, b)
        for first, last in spans:
            yield analyze_sentence(Analysis(tables, toks, first, last, names), index)
            index += 1


def analyze_sentence(a: Analysis, index: int) -> Sentence:
    """Every pass over one sentence, in order; the sentence with what they decided."""
    tagging.classes(a)
    parent, sub = clauses.clauses(a)
    members = a.members()
    readings: dict[int, dict[int, Verb]] = {}  # clause -> its words that may be verbs
    for i, v in enumerate(a.verb):
        if v is not None:
            readings.setdefault(a.clause[i], {})[i] = v
    for c, verb in readings.items():
        roles.verbs(a, members[c], sub[c], verb)
    if any(a.clause):  # more than the main clause (most sentences have only that)
        clauses.merge(a, parent, members)
        members = a.members()
    verbal = sorted({a.clause[i] for i, role in enumerate(a.role) if role != NO})  # clauses with a verb
    for c in verbal:
        roles.auxiliaries(a, members[c])
    for i in [i for i, tag in enumerate(a.tag) if tag is None]:
        a.tag[i] = tagging.content(a, i)
    for c in verbal:
        roles.particles(a, members[c])
    if any(a.te):
        roles.te_particles(a)
    feats = list(map(features, a.role, a.tense))
    n = a.n
    tokens = tuple(map(fast_token, range(n), a.text, a.starts, a.ends, a.lemma,
                       [tag or "X" for tag in a.tag], feats,
                       itertools.repeat(None, n), itertools.repeat(None, n),  # no tree: no heads, no deprels
                       a.particle, a.clause))
    return Sentence(index=index, start=a.starts[0], end=a.ends[-1], tokens=tokens)
