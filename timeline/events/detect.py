"""Events: which words of a parsed sentence are events, their class, and their time.

The parser (built-in or a real one) says which tokens are verbs, auxiliaries
and particles and where clauses begin; this module decides which of them are
events (main verbs, not the auxiliaries and modals that carry them; nouns that
name events), gives each its TimeML class, tense, aspect and polarity from the
language's ``events.toml``, and links it to the time expression of its own
clause: the one its verb governs where the parser built a tree, else the
nearest one in the clause. An event with no time in its clause gets none: it
is never given the DCT silently.
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Iterable, Mapping, Sequence
from datetime import time, timedelta

from ..lang import Language
from ..model import Aspect, Event, EventClass, Polarity, Span, TimeExpression, TimexType
from ..text.parse import Sentence, Token
from ..time.algebra import Grain, Interval
from ..time.intent import Tense

__all__ = ["EventLexicon", "anchor_value", "find_events"]

_TEXT = operator.attrgetter("text")
_CLAUSE = operator.attrgetter("clause")
_MAY_BE_EVENT = frozenset({"VERB", "NOUN", "AUX"})  # a verb, a noun that names an event, a lone copula


class EventLexicon:
    """The language's event words (``events.toml``), indexed for lookup."""

    def __init__(self, language: Language) -> None:
        data = language.data("events")
        self.classes: dict[str, EventClass] = {}
        for name, lemmas in data.get("class", {}).items():
            for lemma in lemmas:
                self.classes[lemma] = EventClass[name.upper()]
        self.nominal: dict[str, EventClass] = {}
        for name, words in data.get("nominal", {}).items():
            for word in words:
                self.nominal[word] = EventClass[name.upper()]
        not_event = data.get("not_event", {})
        self.auxiliaries = frozenset(not_event.get("auxiliaries", ()))
        self.modals = frozenset(not_event.get("modals", ()))
        self.copulas = frozenset(not_event.get("copulas", ()))
        self.adjectival = frozenset(not_event.get("adjectival_participles", ()))
        self.intensional = frozenset(data.get("intensional", {}).get("verbs", ()))
        self.with_clause = frozenset(data.get("class_with_clause", {}).get("verbs", ()))
        self.phrases: dict[tuple[str, str], EventClass] = {}
        for phrase, name in data.get("phrase", {}).items():
            first, _, second = phrase.partition(" ")
            self.phrases[first, second] = EventClass[name.upper()]
        self.negation = frozenset(data.get("negation", {}).get("words", ()))
        prepositions = data.get("anchor_prepositions", {})
        self.before = frozenset(prepositions.get("before", ()))
        self.after = frozenset(prepositions.get("after", ()))
        future = language.verbs.get("auxiliary", {})
        self.future = frozenset(form for form, role in future.items() if role == "future")
        self.perfect = frozenset(form for form, role in future.items() if role == "perfect")

    @staticmethod
    @functools.cache
    def of(code: str) -> EventLexicon:
        from ..lang import load_language

        return EventLexicon(load_language(code))

    def class_of(self, lemma: str) -> EventClass:
        return self.classes.get(lemma, EventClass.OCCURRENCE)


def anchor_value(t: TimeExpression) -> tuple[str | None, Interval | None]:
    """What an event linked to ``t`` is anchored on: the TIMEX3 value and interval of a
    date or time; the stretch a duration such as ``de afgelopen week`` covers, written
    as an ISO interval ``a/b``; nothing for a bare duration or a set."""
    if t.type is TimexType.SET:
        return None, None
    if t.type is TimexType.DURATION:
        if t.interval is None:
            return None, None
        return _iso_interval(t.interval), t.interval
    return t.value, t.interval


def _iso_interval(interval: Interval) -> str:
    """``2017-01-26/2017-02-02``: first and last day (or minute) of the stretch."""
    if interval.grain >= Grain.DAY or (interval.start.time() == time() and interval.end.time() == time()):
        return f"{interval.start.date().isoformat()}/{(interval.end - timedelta(days=1)).date().isoformat()}"
    last = interval.end - timedelta(minutes=1)
    return f"{interval.start.isoformat(timespec='minutes')}/{last.isoformat(timespec='minutes')}"


def _tense_of(clause: Sequence[Token], lex: EventLexicon) -> tuple[Tense | None, Aspect]:
    """The tense and aspect of a clause's verb group, from its finite verb."""
    finite = None
    participle = False
    for t in clause:
        if t.feats:  # most tokens have no features
            form = t.feats.get("VerbForm")
            if form == "Fin":
                finite = finite or t
            elif form == "Part":
                participle = True
    if finite is None:
        return None, Aspect.NONE
    word = finite.text.lower()
    aspect = Aspect.PERFECTIVE if participle and word in lex.perfect else Aspect.NONE
    if word in lex.future:
        return Tense.FUTURE, aspect
    # TimeML: "heeft gezegd" is PRESENT with PERFECTIVE aspect, "had gezegd" PAST with it.
    past = finite.feat("Tense") == "Past"
    return (Tense.PAST if past else Tense.PRESENT), aspect


def find_events(sentences: Iterable[Sentence], timexes: Sequence[TimeExpression], text: str,
                language: Language) -> list[Event]:
    """Every event of the sentences, in text order, each linked to the time of its clause
    and anchored on it (events the text does not date have no anchor)."""
    lex = EventLexicon.of(language.code)
    out: list[Event] = []
    ordered = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    for sentence in sentences:
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        out.extend(_sentence_events(sentence, ordered[lo:hi], text, lex))
    return out


def _timex_tokens(sentence: Sentence, timexes: Sequence[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index -> the time expression that token is part of."""
    at: dict[int, TimeExpression] = {}
    if not timexes:
        return at
    toks = sentence.tokens
    ends = [tok.end for tok in toks]
    for t in timexes:  # a token in two expressions belongs to the first
        k = bisect.bisect_right(ends, t.start)  # the first token that ends after the expression starts
        while k < len(toks) and toks[k].start < t.end:
            at.setdefault(toks[k].index, t)
            k += 1
    return at


def _sentence_events(sentence: Sentence, timexes: Sequence[TimeExpression], text: str,
                     lex: EventLexicon) -> list[Event]:
    toks = sentence.tokens
    in_timex = _timex_tokens(sentence, timexes)
    numbers = list(map(_CLAUSE, toks))
    groups: dict[int, list[Token]] = {}
    if any(numbers):  # more than the main clause
        for tok, number in zip(toks, numbers, strict=True):
            groups.setdefault(number, []).append(tok)
    clauses: Mapping[int, Sequence[Token]] = groups or {0: toks}
    candidates = [t for t in toks if t.upos in _MAY_BE_EVENT]
    verbs: dict[int, list[Token]] = {}  # clause -> its verbs
    for tok in candidates:
        if tok.upos == "VERB":
            verbs.setdefault(tok.clause, []).append(tok)
    bare: dict[int, Token | None] | None = None  # clause -> its lone copula; worked out when first needed
    phrase: dict[int, EventClass] = {}  # trigger -> class of the phrase it heads ("liet weten")
    absorbed: set[int] = set()  # second verbs of such phrases
    for group in verbs.values():
        for a in group[:-1]:
            for b in group:
                if b.index > a.index and (a.lemma, b.lemma) in lex.phrases:
                    phrase[a.index] = lex.phrases[a.lemma, b.lemma]
                    absorbed.add(b.index)
    later: list[int] | None = None  # the deepest clause after each token, worked out when first needed
    grammar: dict[int, tuple[Tense | None, Aspect, bool]] = {}
    # A set is a frequency, no time to link an event to.
    usable = {k: t for k, t in in_timex.items() if t.type is not TimexType.SET} if in_timex else {}
    tree = bool(usable) and sentence.has_tree
    found: list[Event] = []
    for tok in candidates:
        upos = tok.upos
        if tok.index in in_timex or tok.index in absorbed:
            continue
        nominal = False
        if upos == "AUX":
            if bare is None:
                bare = _lone_copulas(clauses, verbs)
            if bare.get(tok.clause) is not tok:
                continue
            cls = lex.classes.get(tok.lemma, EventClass.STATE)
        elif upos == "VERB":
            if tok.lemma in lex.auxiliaries and tok.feat("VerbForm") == "Inf":
                continue
            if tok.feat("VerbForm") == "Part" and (tok.text.lower() in lex.adjectival or _before_noun(tok, toks)):
                continue  # "getroffen ondernemers", "reageerden teleurgesteld": used as an adjective
            cls = phrase.get(tok.index) or lex.class_of(tok.lemma)
            if tok.lemma in lex.with_clause:
                if later is None:
                    later = _deepest_after(toks)
                if later[tok.index] <= tok.clause:  # "vindt dat ...": no deeper clause follows
                    cls = EventClass.OCCURRENCE
        else:
            word = tok.text.lower()
            if word not in lex.nominal:
                continue
            cls, nominal = lex.nominal[word], True
        if tok.clause not in grammar:  # the clause's tense, aspect and negation: once per clause
            clause = clauses[tok.clause]
            negative = not lex.negation.isdisjoint(map(str.lower, map(_TEXT, clause)))
            grammar[tok.clause] = (*_tense_of(clause, lex), negative)
        tense, aspect, negative = grammar[tok.clause]
        if nominal:
            tense, aspect = None, Aspect.NONE
        timex = _anchor_of(tok, sentence, usable, tree) if usable else None
        value, interval = anchor_value(timex) if timex is not None else (None, None)
        found.append(Event(
            span=Span(tok.start, tok.end), text=tok.text, lemma=tok.lemma if not nominal else tok.text.lower(),
            cls=cls, tense=tense, aspect=aspect, polarity=Polarity.NEG if negative and not nominal else Polarity.POS,
            sentence=sentence.index, nominal=nominal, timex=timex, interval=interval, anchor=value))
    return found


def _lone_copulas(clauses: Mapping[int, Sequence[Token]], verbs: Mapping[int, list[Token]]) -> dict[int, Token | None]:
    """A clause whose only verb is a copula or an auxiliary ("De school was drie weken
    dicht") has that verb as its event, a state: clause -> that finite verb."""
    return {number: next((t for t in clause if t.upos == "AUX" and t.feat("VerbForm") == "Fin"), None)
            for number, clause in clauses.items() if number not in verbs}


def _deepest_after(toks: Sequence[Token]) -> list[int]:
    """For each token, the deepest clause number among the tokens after it (-1: none)."""
    out = [-1] * len(toks)
    deepest = -1
    for t in reversed(toks):
        out[t.index] = deepest
        deepest = max(deepest, t.clause)
    return out


def _before_noun(tok: Token, toks: Sequence[Token]) -> bool:
    """Whether a participle stands right before a noun it describes."""
    nxt = toks[tok.index + 1] if tok.index + 1 < len(toks) else None
    return nxt is not None and nxt.upos in ("NOUN", "PROPN") and nxt.clause == tok.clause


def _anchor_of(tok: Token, sentence: Sentence, usable: dict[int, TimeExpression],
               tree: bool) -> TimeExpression | None:
    """The time expression an event is linked to (of ``usable``: token index -> a time that
    is no set): the one its verb governs in a tree, else the nearest one in its own clause."""
    mine: list[tuple[int, int, TimeExpression]] = []
    if tree:
        mine = sorted((abs(k - tok.index), k, t) for k, t in usable.items() if _governs(tok, k, sentence))
    if not mine:
        mine = sorted((abs(k - tok.index), k, t) for k, t in usable.items()
                      if sentence.tokens[k].clause == tok.clause)
    if not mine:
        return None
    best = mine[0][2]
    for _, _, t in mine[1:]:  # "maandag om 7.15 uur": the finer time inside the nearest one
        if t.interval is not None and best.interval is not None and t.interval != best.interval \
                and best.interval.contains(t.interval):
            best = t
    return best


def _governs(tok: Token, k: int, sentence: Sentence) -> bool:
    """Whether token ``k``'s head chain reaches ``tok`` without passing another verb."""
    toks = sentence.tokens
    node = toks[k]
    for _ in range(len(toks)):
        if node.head is None:
            return False
        if node.head == tok.index:
            return True
        node = toks[node.head]
        if node.upos == "VERB":
            return False
    return False
