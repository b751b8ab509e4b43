"""A sentence from Universal Dependencies words: what the tree says, derived once for every
backend whose parse is UD (stanza; spaCy's Dutch pipelines):

- auxiliaries: a word attached as ``aux``, ``aux:pass`` or ``cop`` is ``AUX``
  even where the tagger said ``VERB``: it carries another word's event;
- separable verbs: a ``compound:prt`` word is the particle of its head verb,
  whose lemma becomes the whole verb (``legde ... op``: ``opleggen``); a verb
  lemma written the Alpino way (``op_leggen``) is joined;
- clauses: a word belongs to the clause of its nearest ancestor (itself
  included) that heads one: the root; a ``ccomp``, ``advcl``, ``acl`` (and
  ``acl:relcl``), ``csubj``, ``parataxis`` or ``xcomp``; a ``conj`` of a clause
  head when it is a clause itself (a verb, or a word with its own subject,
  copula or auxiliary: ``Jan kwam en Piet ging``, not ``maandag en dinsdag``).
  The root's clause is 0, the others are numbered in order of appearance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .protocol import Sentence
from .trees import clause_numbers

__all__ = ["ud_sentence"]

_AUXILIARY = frozenset({"aux", "cop"})  # base relations (aux:pass is aux)
_PARTICLE = "compound:prt"
_CLAUSE = frozenset({"ccomp", "advcl", "acl", "csubj", "parataxis", "xcomp"})  # base relations
_PREDICATE = frozenset({"nsubj", "csubj", "expl", "cop", "aux"})  # what makes a conj a clause of its own
_VERBAL = frozenset({"VERB", "AUX"})


def ud_sentence(index: int, rows: Sequence[tuple[Any, int, int]], offset: int) -> Sentence:
    """One sentence from its UD words and their spans, with what the tree says filled in.

    ``rows``: each word with its start and end in the text; a word has ``id`` (from 1 in its
    sentence), ``head`` (0 or None for the root), ``deprel``, ``upos``, ``lemma``, ``text`` and
    ``feats`` (CoNLL-U form), as a stanza word does. ``offset`` is added to every offset."""
    words = [word for word, _, _ in rows]
    position = {word.id: k for k, word in enumerate(words)}  # ids count from 1 in the sentence
    heads: list[int | None] = [position.get(word.head) if word.head else None for word in words]
    deprels: list[str | None] = [word.deprel or None for word in words]
    upos = [word.upos or "X" for word in words]
    for k, deprel in enumerate(deprels):
        if deprel is not None and _base(deprel) in _AUXILIARY:
            upos[k] = "AUX"  # even where the tagger said VERB: it carries another word's event
    lemmas = [_lemma(word, upos[k]) for k, word in enumerate(words)]
    particles: dict[int, int] = {}
    for k, deprel in enumerate(deprels):
        verb = heads[k]
        if deprel == _PARTICLE and verb is not None and verb not in particles:
            particles[verb] = k
            lemmas[verb] = _with_particle(words[k].text.lower(), words[verb].lemma or lemmas[verb])
    has_tree = any(deprel is not None for deprel in deprels)
    clauses = _clauses(heads, deprels, upos) if has_tree else [0] * len(words)
    return Sentence(index=index, start=rows[0][1] + offset, end=max(end for _, _, end in rows) + offset,
                    texts=[word.text for word in words], starts=[start + offset for _, start, _ in rows],
                    ends=[end + offset for _, _, end in rows], lemmas=lemmas, upos=upos,
                    feats=[_features(word.feats) for word in words], heads=heads, deprels=deprels,
                    particles=[particles.get(k) for k in range(len(words))], clauses=clauses)


def _base(deprel: str) -> str:
    """A UD relation without its subtype (``aux:pass`` -> ``aux``)."""
    return deprel.partition(":")[0]


def _features(feats: str | None) -> dict[str, str]:
    """UD features from their CoNLL-U form (``Tense=Past|VerbForm=Fin``)."""
    if not feats or feats == "_":
        return {}
    pairs = (item.partition("=") for item in feats.split("|"))
    return {name: value for name, sep, value in pairs if sep and name}


def _lemma(word: Any, upos: str) -> str:
    """The word's lemma; a verb's in lower case, a separable one joined (``op_leggen`` -> ``opleggen``)."""
    lemma: str = word.lemma or word.text
    if upos in _VERBAL:
        return lemma.replace("_", "").lower()
    return lemma


def _with_particle(particle: str, lemma: str) -> str:
    """A verb's lemma with its separated particle in front, once."""
    lemma = lemma.lower()
    if "_" in lemma:  # the tagger's own idea of the particle; the one in the sentence wins
        lemma = lemma.rpartition("_")[2]
    elif lemma.startswith(particle):
        return lemma
    return particle + lemma


def _clauses(heads: Sequence[int | None], deprels: Sequence[str | None], upos: Sequence[str]) -> list[int]:
    """The clause number of every word: that of its nearest ancestor (itself included) heading a clause."""
    n = len(heads)
    children: dict[int, list[int]] = {}
    for k, head in enumerate(heads):
        if head is not None:
            children.setdefault(head, []).append(k)
    known: dict[int, bool] = {}

    def heads_clause(k: int) -> bool:
        if k in known:
            return known[k]
        known[k] = False  # while deciding: a cycle in a broken tree ends here
        head, deprel = heads[k], deprels[k]
        if head is None:
            result = True  # a root
        elif deprel is None:
            result = False
        elif _base(deprel) in _CLAUSE:
            result = True
        elif _base(deprel) == "conj":  # "Jan kwam en Piet ging", not "maandag en dinsdag"
            result = heads_clause(head) and (upos[k] in _VERBAL or any(
                _base(deprels[c] or "") in _PREDICATE for c in children.get(k, ())))
        else:
            result = False
        known[k] = result
        return result

    root = next((k for k in range(n) if heads[k] is None), None)
    return clause_numbers(heads, heads_clause, root)
