"""Events: which words of a parsed sentence are events, their class, and their time.

The parser (built-in or a real one) says which tokens are verbs, auxiliaries
and particles and where clauses begin; this module decides which of them are
events (main verbs, not the auxiliaries and modals that carry them; nouns that
name events), gives each its TimeML class, tense, aspect and polarity from the
language's ``events.toml``, and links it to the time expression of its own
clause (see :func:`~timeline.events.anchors.anchor_of`). An event with no time
in its clause gets none: it is never given the DCT silently.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import chain, compress

from ..lang import Language
from ..model import Aspect, Event, EventClass, Polarity, Span, TimeExpression, TimexType
from ..parse.protocol import Sentence
from ..time.intent import Tense
from .anchors import anchor_of, anchor_value
from .groups import verb_groups
from .lexicon import EventLexicon

__all__ = ["find_events"]

_VERBAL = frozenset({"VERB", "AUX"})  # a verb, or a lone copula


def find_events(sentences: Iterable[Sentence], timexes: Sequence[TimeExpression], language: Language) -> list[Event]:
    """Every event of the sentences, in text order, each linked to the time of its clause
    and anchored on it (events the text does not date have no anchor)."""
    lex = EventLexicon.of(language)
    out: list[Event] = []
    ordered = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    for sentence in sentences:
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        out.extend(_Sentence(sentence, ordered[lo:hi], lex).events())
    return out


def _timex_tokens(sentence: Sentence, timexes: Sequence[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index -> the time expression that token is part of (the first, for a token in two)."""
    at: dict[int, TimeExpression] = {}
    starts, ends = sentence.starts, sentence.ends
    for t in timexes:
        k = bisect.bisect_right(ends, t.start)  # the first token that ends after the expression starts
        while k < len(starts) and starts[k] < t.end:
            at.setdefault(k, t)
            k += 1
    return at


class _Sentence:
    """One sentence as the event layer reads it: its columns, and what it works out of them
    once (the clauses' members and verbs, phrases, each clause's tense and polarity)."""

    def __init__(self, sentence: Sentence, timexes: Sequence[TimeExpression], lex: EventLexicon) -> None:
        self.s, self.lex = sentence, lex
        s = sentence
        n = len(s.texts)
        self.in_timex = _timex_tokens(s, timexes) if timexes else {}
        # A verb or auxiliary, or a noun that names an event ("annexatie"): the nouns are looked
        # up all at once (lex.nouns works each word out once per process), so that the many
        # nouns that name none cost no step of their own.
        verbal = compress(range(n), map(_VERBAL.__contains__, s.upos))
        is_noun = list(map("NOUN".__eq__, s.upos))
        if True in is_noun:
            named = map(lex.nouns.__getitem__, map(str.lower, compress(s.texts, is_noun)))
            self.candidates = sorted(chain(verbal, compress(compress(range(n), is_noun), named)))
        else:
            self.candidates = list(verbal)
        self.verbs: dict[int, list[int]] = {}  # clause -> its verbs
        for k in self.candidates:
            if s.upos[k] == "VERB":
                self.verbs.setdefault(s.clauses[k], []).append(k)
        self.members: dict[int, list[int]] | None = None  # clause -> its tokens, when first needed
        self.groups: tuple[set[int], set[int]] | None = None  # carriers that carry, predicates: when needed
        self.later: list[int] | None = None  # the deepest clause after each token, when first needed
        self.grammar: dict[int, tuple[Tense | None, Aspect, bool]] = {}
        self.phrase: dict[int, EventClass] = {}  # trigger -> class of the phrase it heads ("liet weten")
        self.absorbed: set[int] = set()  # second verbs of such phrases
        lemmas = s.lemmas
        for group in self.verbs.values():
            for a in group[:-1]:
                for b in group:
                    if b > a and (lemmas[a], lemmas[b]) in lex.phrases:
                        self.phrase[a] = lex.phrases[lemmas[a], lemmas[b]]
                        self.absorbed.add(b)
        # A set is a frequency, no time to link an event to.
        self.usable = {k: t for k, t in self.in_timex.items() if t.type is not TimexType.SET}
        self.tree = bool(self.usable) and s.has_tree

    def clause(self, number: int) -> list[int]:
        """The token indexes of a clause."""
        return self.all_clauses()[number]

    def all_clauses(self) -> dict[int, list[int]]:
        """Each clause's token indexes, by clause."""
        if self.members is None:
            clauses = self.s.clauses
            if not any(clauses):  # most sentences have only the main clause
                self.members = {0: list(range(len(clauses)))}
            else:
                self.members = {}
                for k, c in enumerate(clauses):
                    self.members.setdefault(c, []).append(k)
        return self.members

    def verb_groups(self) -> tuple[set[int], set[int]]:
        """The carriers that carry a verb, and the participles that are a copula's predicate."""
        if self.groups is None:
            self.groups = verb_groups(self.s, self.all_clauses(), self.lex)
        return self.groups

    def events(self) -> list[Event]:
        s, lex = self.s, self.lex
        found: list[Event] = []
        for k in self.candidates:
            if k in self.in_timex or k in self.absorbed:
                continue
            cls = self.class_of(k)
            if cls is None:
                continue
            nominal = s.upos[k] == "NOUN"
            clause = s.clauses[k]
            if clause not in self.grammar:  # the clause's tense, aspect and negation: once per clause
                members = self.clause(clause)
                negative = not lex.negation.isdisjoint(map(s.lemmas.__getitem__, members))
                self.grammar[clause] = (*_tense_of(s, members, lex), negative)
            tense, aspect, negative = self.grammar[clause]
            if nominal:
                tense, aspect = None, Aspect.NONE
            timex = anchor_of(k, s, self.usable, self.tree) if self.usable else None
            value, interval = anchor_value(timex) if timex is not None else (None, None)
            found.append(Event(
                span=Span(s.starts[k], s.ends[k]), text=s.texts[k],
                lemma=s.lemmas[k] if not nominal else s.texts[k].lower(), cls=cls, tense=tense, aspect=aspect,
                polarity=Polarity.NEG if negative and not nominal else Polarity.POS, sentence=s.index,
                nominal=nominal, timex=timex, interval=interval, anchor=value))
        return found

    def class_of(self, k: int) -> EventClass | None:
        """The class of the event token ``k`` names, or None where it names none."""
        s, lex = self.s, self.lex
        upos, lemma = s.upos[k], s.lemmas[k]
        if upos == "NOUN":
            return lex.nouns[s.texts[k].lower()]
        if lemma in lex.carriers:
            if k in self.verb_groups()[0]:
                return None  # "heeft gezegd", "kan beginnen": the verb carried is the event
            if upos == "AUX":  # a lone copula or auxiliary: "De school was drie weken dicht"
                return lex.classes.get(lemma, EventClass.STATE)
        if upos == "VERB" or upos == "AUX":
            form = s.feats[k].get("VerbForm")
            if form == "Part" and (s.texts[k].lower() in lex.adjectival or self.before_noun(k)
                                   or k in self.verb_groups()[1]):
                return None  # "getroffen ondernemers", "reageerden teleurgesteld", "bleef gesloten"
            cls = self.phrase.get(k) or lex.class_of(lemma)
            if lemma in lex.with_clause:
                if self.later is None:
                    self.later = _deepest_after(s.clauses)
                if self.later[k] <= s.clauses[k]:  # "vindt dat ...": no deeper clause follows
                    cls = EventClass.OCCURRENCE
            return cls
        return None

    def before_noun(self, k: int) -> bool:
        """Whether a participle stands right before a noun it describes."""
        s = self.s
        j = k + 1
        return j < len(s.texts) and s.upos[j] in ("NOUN", "PROPN") and s.clauses[j] == s.clauses[k]


def _tense_of(s: Sentence, clause: Sequence[int], lex: EventLexicon) -> tuple[Tense | None, Aspect]:
    """The tense and aspect of a clause's verb group, from its finite verb."""
    finite = None
    participle = False
    for k in clause:
        form = s.feats[k].get("VerbForm")
        if form == "Fin":
            finite = k if finite is None else finite
        elif form == "Part":
            participle = True
    if finite is None:
        return None, Aspect.NONE
    word = s.texts[finite].lower()
    aspect = Aspect.PERFECTIVE if participle and word in lex.perfect else Aspect.NONE
    if word in lex.future:
        return Tense.FUTURE, aspect
    # TimeML: "heeft gezegd" is PRESENT with PERFECTIVE aspect, "had gezegd" PAST with it.
    past = s.feats[finite].get("Tense") == "Past"
    return (Tense.PAST if past else Tense.PRESENT), aspect


def _deepest_after(clauses: Sequence[int]) -> list[int]:
    """For each token, the deepest clause number among the tokens after it (-1: none)."""
    out = [-1] * len(clauses)
    deepest = -1
    for k in range(len(clauses) - 1, -1, -1):
        out[k] = deepest
        deepest = max(deepest, clauses[k])
    return out

