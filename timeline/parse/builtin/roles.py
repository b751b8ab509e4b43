"""Verb roles in each clause: which form is finite, which are participles and
infinitives, which verbs are auxiliaries, and which particle belongs to the
finite verb (``legde ... op``: ``opleggen``)."""

from __future__ import annotations

import operator

from ...text.tokens import PUNCT, WORD
from .lexicon import FIN, FIN_INF, FIN_PART, FINITE, INF, INFINITIVE, NO, PART, PARTICIPLE, Verb
from .readings import base, guess
from .state import Analysis

__all__ = ["auxiliaries", "particles", "stranded", "te_particles", "verbs"]

_LEMMA = operator.attrgetter("lemma")


def verbs(a: Analysis, c: int, subordinate: bool, verb: dict[int, Verb]) -> None:
    """Decide the verb roles in clause ``c`` (of which the words in ``verb``, in order, may be
    verbs): finite, participle, infinitive."""
    fins, parts, infs, weak = _forms(a, verb)
    if not fins:
        _guess_finite(a, c, subordinate, verb, fins, infs, weak)
    fins.sort()
    for i in fins[1:]:
        if verb[i].level < 2 and a.tag[i - 1] != "CCONJ":
            fins.remove(i)  # "stelt besluit ... uit": a second finite verb only after "en"
    for i in fins:
        v = verb[i]
        lemma = v.lemma
        if v.kind == INF:
            lemma = guess(a.t, a.low[i], a.t.past_endings)[0] if v.tense == "Past" else a.low[i]
        # "stelde" is filed under one of the verbs it makes ("uitstellen"): keep the base verb
        # until the clause shows its particle.
        a.set(i, FINITE, base(a.t, a.low[i], lemma), v.tense)
    if parts:
        helped = _helped(a, verb, fins)
        for i in parts:
            if verb[i].level >= 1 or helped or not fins:
                a.set(i, PARTICIPLE, verb[i].lemma)
    # A verb that takes a bare infinitive (the cheap test on every lemma first: rarely met).
    if not a.t.with_infinitive.isdisjoint(map(a.lemma.__getitem__, verb)) and not a.t.with_infinitive.isdisjoint(
            [a.lemma[i] for i in verb if a.role[i] == FINITE or a.role[i] == INFINITIVE]):
        _verb_cluster(a, c, verb, infs)


def _helped(a: Analysis, verb: dict[int, Verb], fins: list[int]) -> bool:
    """Whether one of the finite verbs ``fins`` is an auxiliary that takes a participle."""
    return not a.t.helpers.isdisjoint(map(_LEMMA, map(verb.__getitem__, fins)))  # C-level maps


def _forms(a: Analysis, verb: dict[int, Verb]) -> tuple[list[int], list[int], list[int], list[int]]:
    """Sort a clause's verb forms by what they can be: the finite ones, the participles, the
    infinitives and the weak finite guesses. An infinitive after the marker, and a form
    spelled as an infinitive that is not the clause's finite verb, are infinitives now."""
    fins: list[int] = []
    amb_inf: list[int] = []
    amb_part: list[int] = []
    parts: list[int] = []
    infs: list[int] = []
    weak: list[int] = []
    for i, v in verb.items():
        if a.te[i]:
            a.set(i, INFINITIVE, v.lemma)
        elif v.kind == FIN:
            (fins if v.level >= 1 else weak).append(i)
        elif v.kind == FIN_INF:
            amb_inf.append(i)
        elif v.kind == FIN_PART:
            amb_part.append(i)
        elif v.kind == PART:
            parts.append(i)
        else:
            infs.append(i)
    if amb_inf and not fins:
        fins.append(amb_inf.pop(0))  # "Zij hebben ...": the first form spelled as an infinitive
    for i in amb_inf:
        if i > 0 and a.tag[i - 1] == "CCONJ":
            fins.append(i)  # "... en zijn vertrokken": a second finite verb
        else:
            a.set(i, INFINITIVE, verb[i].lemma)
    if amb_part:
        (parts if _helped(a, verb, fins) else fins).extend(amb_part)
    if infs and not amb_inf and _helped(a, verb, fins):  # "hadden overvallen", "is vergeten"
        same = a.t.lex.participles
        parts.extend(i for i in infs if a.low[i] in same)
        infs[:] = [i for i in infs if a.low[i] not in same]
    return fins, parts, infs, weak


def _guess_finite(a: Analysis, c: int, subordinate: bool, verb: dict[int, Verb], fins: list[int], infs: list[int],
                  weak: list[int]) -> None:
    """No form reads as finite for sure: take a form spelled as an infinitive, then a guess
    on -t, then any -en word; the first in a main clause (but not its first word, which is
    the subject), the last in a subordinate one (verb-final)."""
    first = next((i for i in a.clause_tokens(c) if a.kind[i] == WORD), -1)
    if first > 0 and a.clause[first - 1] != c:
        first = -1  # after a clause before it the verb comes first: "Sinds ..., zitten zij ..."
    known = [i for i in infs if verb[i].level == 2]
    guessed = [i for i in infs if verb[i].level < 2]
    for group in (known, weak, guessed):
        found = [i for i in group if subordinate or i != first]
        if found:
            pick = found[-1] if subordinate else found[0]
            if pick in infs:
                infs.remove(pick)
            fins.append(pick)
            return


def _verb_cluster(a: Analysis, c: int, verb: dict[int, Verb], infs: list[int]) -> None:
    """A verb that takes a bare infinitive: its infinitives are the lexicon's forms, and any
    in the final verb cluster."""
    rest = set(infs)
    tail = True  # every later word of the clause is a verb form: the final verb cluster
    for i in reversed(a.clause_tokens(c)):
        reading = verb.get(i)
        if i in rest and reading is not None and (reading.level == 2 or tail):
            a.set(i, INFINITIVE, reading.lemma)
        if a.kind[i] == WORD and reading is None and a.low[i] not in a.t.particles and a.tag[i] != "CCONJ":
            tail = False  # "gaan pesten of binnenvallen": a conjunction keeps the cluster going


def auxiliaries(a: Analysis, verbs: list[int]) -> None:
    """VERB or AUX for each verb of one clause (``verbs``: its words with a verb role): an
    auxiliary is one whose complement is there."""
    s = a.t
    found = [a.role[i] for i in verbs]
    participles = found.count(PARTICIPLE)
    bare_at = [i for i in verbs if a.role[i] == INFINITIVE and not a.te[i]] if INFINITIVE in found else []
    bares = len(bare_at)
    for i in verbs:
        lemma = a.lemma[i]
        participle = participles - (a.role[i] == PARTICIPLE) > 0  # another verb is a participle
        bare = bares - (a.role[i] == INFINITIVE and not a.te[i]) > 0
        aux = (lemma in s.future
               or (lemma in s.helpers and participle)
               or (lemma in s.modal and bare)
               or (lemma in s.perfect and bare and bare_at[-1] > i)  # "had mogen verlenen", not "kunnen hebben"
               or (lemma in s.copula and a.role[i] != PARTICIPLE and not participle and not bare))
        a.tag[i] = "AUX" if aux else "VERB"


def particles(a: Analysis, idx: range | list[int]) -> None:
    """Join the finite verb of a clause to the particle stranded at its end."""
    s = a.t
    cluster = False  # inside an infinitive cluster after the marker ("te willen zoeken"), from the right
    for i in reversed(idx):
        if a.te[i] or (i + 1 < a.n and a.te[i + 1]):
            cluster = False
            continue  # "om het plan uit te stellen": the infinitive has its own particle
        if a.role[i] != NO:
            if a.role[i] == INFINITIVE and (cluster or (i > 0 and a.te[i - 1])):
                cluster = True  # "zoeken" in "te willen zoeken": part of the infinitive clause
                continue
            return  # a verb comes first: no particle after the finite verb
        cluster = False
        if a.kind[i] != WORD or a.low[i] not in s.particles:
            continue
        if i + 2 < a.n and a.te[i + 2] and a.tag[i + 2] != "AUX":
            continue  # "op te leggen": the infinitive's own particle (an auxiliary takes none)
        if i > 0 and a.tag[i - 1] in ("DET", "ADP"):
            continue  # "in plaats van", "op de tafel": a noun or a preposition
        if stranded(a, i) or _before_auxiliary_clause(a, i):
            break
    else:
        return
    verb = next((j for j in reversed(idx) if j < i and a.role[j] != NO), -1)
    if verb < 0 or a.role[verb] != FINITE or a.tag[verb] != "VERB":
        return
    if a.low[i] in s.stranded and any(a.low[j] in s.pronominal for j in range(verb + 1, i)):
        return  # "vergadert daar ... over": the preposition of "daar", not a particle
    a.particle[verb] = i
    a.lemma[verb] = a.low[i] + base(a.t, a.low[verb], a.lemma[verb])
    if a.tag[i] in ("NOUN", "ADJ", "PROPN", "X"):
        a.tag[i] = "ADV"


def _before_auxiliary_clause(a: Analysis, i: int) -> bool:
    """Whether particle ``i`` stands before an infinitive clause of an auxiliary ("gaf aan te
    willen stoppen"), maybe with a derived noun as its object before the marker ("gaf aan
    toenadering te willen zoeken"; but "stelde in stand te willen houden": a preposition and
    its noun): the auxiliary takes no particle, so the particle is the finite verb's."""
    j = i + 1
    if j < a.n and a.tag[j] == "NOUN" and a.role[j] == NO and a.low[j].endswith(a.t.noun_endings):
        j += 1
    return j + 1 < a.n and a.low[j] in a.t.marker and a.te[j + 1] and a.tag[j + 1] == "AUX"


def stranded(a: Analysis, i: int) -> bool:
    """Whether particle ``i`` governs nothing after it: the clause ends, or what follows is
    no noun phrase (only for particles that are not also frequent adverbs)."""
    j = i + 1
    if j >= a.n or a.kind[j] == PUNCT or a.clause[j] != a.clause[i]:
        return True
    if a.low[i] in a.t.strict:
        return False
    return a.tag[j] in ("ADP", "ADV", "CCONJ", "SCONJ", "VERB", "AUX") or a.role[j] != NO


def te_particles(a: Analysis) -> None:
    """"op te leggen": an infinitive after the marker takes the particle before it, unless
    it is an auxiliary with its own infinitive ("in stand te willen houden") or the particle
    is a noun after an article or a preposition ("in stand te houden")."""
    s = a.t
    for i in [i for i, te in enumerate(a.te) if te and i >= 2]:
        p = i - 2
        if (a.te[i] and a.low[p] in s.particles and a.kind[p] == WORD
                and a.role[p] == NO and a.particle[i] is None
                and (a.tag[i] == "VERB" or a.lemma[i] in s.copula)
                and not (p > 0 and a.tag[p - 1] in ("DET", "ADP") and a.tag[p] not in ("ADP", "ADV"))):
            a.particle[i] = p
            a.lemma[i] = a.low[p] + base(a.t, a.low[i], a.lemma[i])
            a.tag[i] = "VERB"  # "binnen te blijven": a verb of its own, no copula
