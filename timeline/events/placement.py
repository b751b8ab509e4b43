"""Every event against the DCT: BEFORE, AFTER, OVERLAP or VAGUE (guidelines section 5.1).

An anchor decides where it lies wholly before or after the DCT. Otherwise the
clause decides: its tense and aspect (the past and the perfect have happened,
``zal``/``gaat`` + infinitive is to come, the present holds now), its modality
(``zou``, a possibility modal, a condition leave it open), and for an infinitive
what carries it (a present intention aims ahead: ``wil ... indienen`` is AFTER;
a past one leaves it open: ``dreigde ... in te dienen`` is VAGUE). An anchor
that contains the DCT (today, this week) leaves the choice to the clause, where
a present-tense occurrence is still to come (``opent deze week``) and a present
state holds (``is deze week gesloten``). A noun event takes the relation of its
anchor, or else of the clause it serves.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

from ..lang import Language
from ..model import Aspect, Event, EventClass, Relation
from ..time.algebra import Grain, Interval
from ..time.intent import Tense
from .clauses import SentenceEvents
from .lexicon import EventLexicon

__all__ = ["PlacementWords", "attitude", "dct_relations"]

_STATES = frozenset({EventClass.STATE, EventClass.I_STATE})
_INTENSIONAL = frozenset({EventClass.I_ACTION, EventClass.I_STATE})
_STATES_OF_MIND = frozenset({EventClass.I_STATE, EventClass.REPORTING})  # "verwacht", "meldt": now, whatever about


class PlacementWords:
    """The language's words for placing events (``placement.toml``)."""

    def __init__(self, language: Language) -> None:
        data = language.data("placement")
        dct = data["dct"]
        self.conditional = frozenset(dct["conditional"])
        self.possibility = frozenset(dct["possibility"])
        self.intention = frozenset(dct["intention"])
        self.conditional_openers = frozenset(dct["conditional_openers"])
        self.since = frozenset(dct["since"])
        self.subordinators = {w: Relation[r.upper()] for w, r in data["subordinators"].items()}
        self.prepositions = {tuple(w.split()): Relation[r.upper()] for w, r in data["prepositions"].items()}
        measured = data["measured"]
        self.measured = {w: Relation[r.upper()] for w, r in measured["prepositions"].items()}
        self.measure_words = frozenset(measured["after"])
        # The words a preposition (phrase) can start with: most tokens are none of them.
        self.preposition_starts = frozenset([p[0] for p in self.prepositions] + list(self.measured))
        self.adverbs = {w: Relation[r.upper()] for w, r in data["adverbs"].items()}
        self.complementizers = frozenset(data["report"]["complementizers"])
        self.events = EventLexicon.of(language)

    @staticmethod
    def of(language: Language) -> PlacementWords:
        return _words(language)


@functools.cache
def _words(language: Language) -> PlacementWords:
    return PlacementWords(language)


def dct_relations(sentence: SentenceEvents, dct: Interval, words: PlacementWords,
                  links: Iterable[tuple[Event, Event, Relation]] = ()) -> list[Relation]:
    """The relation to the DCT of each event of ``sentence`` (same order as its events).

    A noun event without an anchor of its own takes that of the clause it serves;
    where a link orders it against that clause's event (``vanwege de annexatie``,
    ``na de verkiezingen``), it takes what the two together imply: before a past
    or present event it is past, before a future one it is left open.
    """
    out = [_verbal(sentence, i, dct, words) if not e.nominal else None for i, e in enumerate(sentence.events)]
    _carry_ahead(sentence, out, dct)
    index = {id(e): i for i, e in enumerate(sentence.events)}
    ordered = {index[id(a)]: (index[id(b)], rel) for a, b, rel in links if id(a) in index and id(b) in index}
    for i, e in enumerate(sentence.events):
        if out[i] is not None:
            continue
        by_anchor = _by_anchor(e.interval, e.anchor, dct)
        if by_anchor in (Relation.BEFORE, Relation.AFTER):
            out[i] = by_anchor
            continue
        host, rel = ordered.get(i, (sentence.governing(sentence.clause(i)), Relation.OVERLAP))
        host_relation = out[host] if host is not None else None
        out[i] = _through(rel, host_relation or Relation.VAGUE)
    return [Relation.VAGUE if r is None else r for r in out]


def _carry_ahead(sentence: SentenceEvents, out: list[Relation | None], dct: Interval) -> None:
    """A present-tense event without a time of its own, beside or under a present-tense event
    dated ahead of the DCT, is ahead too: "meert in augustus aan en blijft anderhalve week",
    "geeft zondag een concert, dat twee uur duurt"."""
    ahead = [j for j, e in enumerate(sentence.events)
             if out[j] is Relation.AFTER and e.tense is Tense.PRESENT and e.interval is not None
             and e.interval.start >= dct.end]
    if not ahead:
        return
    clauses = {sentence.clause(j) for j in ahead}
    for i, e in enumerate(sentence.events):
        if out[i] is Relation.OVERLAP and e.interval is None and e.anchor is None and e.tense is Tense.PRESENT \
                and e.cls not in _STATES_OF_MIND:
            clause = sentence.clause(i)
            if clause in clauses or sentence.parent(clause) in clauses:
                out[i] = Relation.AFTER


def _through(link: Relation, host: Relation) -> Relation:
    """The relation to the DCT of an event that lies ``link`` an event lying ``host`` to it."""
    if link is Relation.OVERLAP or host is Relation.VAGUE:
        return host
    if host is link or host is Relation.OVERLAP:
        return link
    return Relation.VAGUE


def _by_anchor(interval: Interval | None, anchor: str | None, dct: Interval) -> Relation | None:
    """What the anchor alone says: BEFORE or AFTER where it lies wholly on one side of the
    DCT, OVERLAP where it contains it (the clause then decides), None without one."""
    if anchor == "FUTURE_REF":
        return Relation.AFTER
    if anchor == "PAST_REF":
        return Relation.BEFORE
    if anchor == "PRESENT_REF":
        return Relation.OVERLAP
    if interval is None:
        return None
    if interval.end <= dct.start:
        return Relation.BEFORE
    if interval.start >= dct.end:
        return Relation.AFTER
    return Relation.OVERLAP


def _verbal(sentence: SentenceEvents, i: int, dct: Interval, words: PlacementWords) -> Relation:
    e = sentence.events[i]
    by_anchor = _by_anchor(e.interval, e.anchor, dct)
    if by_anchor is Relation.BEFORE and e.tense is not Tense.PAST and _since(sentence, e, words):
        by_anchor = None  # "bestaat sinds 1885": from then until now, the tense decides
    if attitude(e) and by_anchor is Relation.AFTER:
        by_anchor = None  # "verwacht op pakjesavond drukte": the expecting is now
    if by_anchor in (Relation.BEFORE, Relation.AFTER):
        return by_anchor
    said = _grammar(sentence, i, words)
    if by_anchor is None or said is not Relation.OVERLAP:
        return said
    # The anchor contains the DCT and the clause is in the present: at a time of the DCT's
    # day it is still to come ("spreekt vanavond", "begint om acht uur"); otherwise a
    # state holds and an occurrence is still to come ("opent deze week").
    if e.interval is not None and e.interval.grain < Grain.DAY:
        return Relation.AFTER
    if e.cls in _STATES or e.cls is EventClass.REPORTING or e.anchor == "PRESENT_REF":
        return Relation.OVERLAP  # "is deze week gesloten", "zegt vandaag", "momenteel wachten"
    return Relation.AFTER


def attitude(e: Event) -> bool:
    """Whether an event is a present attitude (``verwacht``, ``hoopt``, ``vreest``): a time
    ahead in its clause is that of what it is about, not its own."""
    return e.cls is EventClass.I_STATE and e.tense is Tense.PRESENT and not e.nominal


def _since(sentence: SentenceEvents, e: Event, words: PlacementWords) -> bool:
    """Whether the event's time is the start of a stretch that runs on ("sinds 1885")."""
    if e.timex is None:
        return False
    s = sentence.s
    k = bisect.bisect_left(s.starts, e.timex.start) - 1
    return k >= 0 and s.texts[k].lower() in words.since


def _grammar(sentence: SentenceEvents, i: int, words: PlacementWords) -> Relation:
    """What tense, aspect and modality of the event's clause say."""
    e, s = sentence.events[i], sentence.s
    k, clause = sentence.token[i], sentence.clause(i)
    finite = sentence.finite(clause)
    texts = {s.texts[j].lower() for j in finite}
    if not texts.isdisjoint(words.conditional):
        return Relation.VAGUE
    opener = sentence.opener(clause)
    if opener is not None and opener[0] in words.conditional_openers and e.tense is not Tense.PAST:
        return Relation.VAGUE
    if s.feats[k].get("VerbForm") == "Inf":
        carried = _carried(sentence, i, [j for j in finite if j != k], words)
        if carried is not None:
            return carried
    return _tense(e.tense, e.aspect)


def _carried(sentence: SentenceEvents, i: int, finite: Sequence[int], words: PlacementWords) -> Relation | None:
    """An infinitive's relation from the verb that carries it: a present possibility is
    open, a present intention or plan aims ahead, a past one is left open."""
    s = sentence.s
    e = sentence.events[i]
    if not finite:
        return None
    lemma = s.lemmas[finite[0]]
    present = e.tense is not Tense.PAST
    if lemma in words.possibility:
        return Relation.VAGUE if present else Relation.BEFORE
    if e.tense is Tense.FUTURE:
        return Relation.AFTER
    lex = words.events
    intends = lemma in words.intention or lemma in lex.intensional or lex.classes.get(lemma) in _INTENSIONAL
    if intends or lex.classes.get(lemma) is EventClass.REPORTING:
        if present and intends:
            return Relation.AFTER
        return Relation.VAGUE
    return None


def _tense(tense: Tense | None, aspect: Aspect) -> Relation:
    if tense is Tense.FUTURE:
        return Relation.AFTER
    if tense is Tense.PAST or aspect is Aspect.PERFECTIVE:
        return Relation.BEFORE
    if tense is Tense.PRESENT:
        return Relation.OVERLAP
    return Relation.VAGUE
