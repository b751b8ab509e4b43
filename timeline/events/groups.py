"""Verb groups: which auxiliaries, modals and copulas carry another verb, and so are no event.

In ``heeft gezegd``, ``zal aftreden``, ``kan beginnen``, ``gaan pesten`` and
``bleek te kloppen`` the event is the verb carried, not the one that carries it
(whatever tag the parser gave it: a real parser tags a modal AUX, the built-in one
sometimes VERB). A verb of the language's ``[not_event]`` lists carries a verb of its
own group: a participle or infinitive of its clause with no finite verb between
them, after it, or before it in a subordinate clause (``dat hij het gezegd heeft``).
An infinitive before the finite verb of a main clause is its subject, not carried
(``Aanmelden kan tot vrijdag``). A carrier that carries nothing is the event of its
group (``De school was drie weken dicht``), and a participle after a copula that
is no auxiliary is its predicate, no event (``bleef gesloten``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..parse.protocol import Sentence
from .lexicon import EventLexicon

__all__ = ["verb_groups"]

_VERBAL = frozenset({"VERB", "AUX"})
# A clause that opens with one of these (a conjunction, a relative pronoun or adverb, a
# preposition before one) is subordinate: its verbs may stand before the finite one.
_OPENS_SUBORDINATE = frozenset({"SCONJ", "PRON", "ADV", "ADP"})


def verb_groups(s: Sentence, clauses: dict[int, list[int]], lex: EventLexicon) -> tuple[set[int], set[int]]:
    """The carriers of the sentence that carry a verb, and the participles that are a
    copula's predicate (``clauses``: clause -> its token indexes, in order)."""
    carrying: set[int] = set()
    predicates: set[int] = set()
    upos, lemmas = s.upos, s.lemmas
    for members in clauses.values():
        verbs = [k for k in members if upos[k] in _VERBAL]
        if len(verbs) < 2 or lex.carriers.isdisjoint(map(lemmas.__getitem__, verbs)):
            continue
        subordinate = _opens_subordinate(s, members)
        for at, k in enumerate(verbs):
            if lemmas[k] in lex.carriers and (
                    _carries(s, k, verbs[at + 1:], lex, predicates)
                    or (subordinate and _carries(s, k, verbs[at - 1::-1] if at else [], lex, predicates))):
                carrying.add(k)
    return carrying, predicates


def _opens_subordinate(s: Sentence, members: Sequence[int]) -> bool:
    first = next((k for k in members if s.upos[k] != "PUNCT"), None)
    return first is not None and s.upos[first] in _OPENS_SUBORDINATE


def _carries(s: Sentence, k: int, others: Sequence[int], lex: EventLexicon, predicates: set[int]) -> bool:
    """Whether carrier ``k`` carries one of ``others`` (its clause's verbs on one side of
    it, nearest first) before a finite verb intervenes; a participle that is a copula's
    predicate is noted in ``predicates``."""
    lemma = s.lemmas[k]
    for j in others:
        form = s.feats[j].get("VerbForm")
        if form == "Fin":
            return False
        if form == "Inf":
            if lemma not in lex.bare_only or j == 0 or s.texts[j - 1].lower() not in lex.markers:
                return True
        elif form == "Part":
            if lemma in lex.auxiliaries:
                if s.texts[j].lower() not in lex.adjectival:
                    return True
            elif lemma in lex.copulas:
                predicates.add(j)
    return False
