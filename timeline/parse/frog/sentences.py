"""Frog's analysis as sentences: parts of speech, separable verbs, auxiliaries and clauses
read from its word rows and its tree (see the package's doc)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...lang import LanguageLike
from ..protocol import Sentence
from ..trees import clause_numbers
from .output import FrogWord, _split_tag, _Tables, _tables, align, cgn_to_ud, read_output

__all__ = ["sentences_of"]


def sentences_of(output: str, text: str, language: LanguageLike = "nl") -> tuple[Sentence, ...]:
    """The sentences of ``text`` from Frog's tab-separated output for it.

    A pure function: what :class:`FrogParser` does with Frog's answer, usable
    on output saved earlier. Token offsets index ``text``.

    Raises:
        ValueError: for output that is not Frog's word rows.
    """
    t = _tables(language)
    groups = read_output(output)
    spans = align([w.word for group in groups for w in group], text)
    sentences: list[Sentence] = []
    at = 0
    for group in groups:
        if group:
            sentences.append(_sentence(len(sentences), group, spans[at:at + len(group)], text, t))
        at += len(group)
    return tuple(sentences)


def _sentence(index: int, words: Sequence[FrogWord], spans: Sequence[tuple[int, int]], text: str,
              t: _Tables) -> Sentence:
    """One sentence, with what Frog's tree says filled in."""
    n = len(words)
    texts = [text[start:end] for start, end in spans]
    tagged = [cgn_to_ud(w.tag, texts[k] or w.word) for k, w in enumerate(words)]
    upos = [pos for pos, _ in tagged]
    feats = [f for _, f in tagged]
    heads = [w.head for w in words]
    deprels = [w.deprel for w in words]
    verb = [_split_tag(w.tag)[0] == t.verb_head for w in words]
    lemmas = [w.lemma.lower() if verb[k] else w.lemma for k, w in enumerate(words)]
    particles: dict[int, int] = {}
    for k, deprel in enumerate(deprels):
        head = heads[k]
        if deprel in t.particle and head is not None and verb[head] and head not in particles:
            particles[head] = k
            particle = texts[k].lower() or words[k].word.lower()
            if not texts[head].lower().startswith(particle):  # "opgelegd" has its particle already
                lemmas[head] = particle + lemmas[head]
    finite = [verb[k] and feats[k].get("VerbForm") == "Fin" for k in range(n)]
    has_tree = any(d is not None for d in deprels)
    clauses = _clauses(heads, deprels, finite, verb, t) if has_tree else [0] * n
    tagged_upos = tuple(upos)  # what the tags say, so the order of the decisions does not matter
    for k in range(n):
        if upos[k] == "VERB" and _is_auxiliary(k, lemmas, tagged_upos, feats, heads, deprels, clauses, t):
            upos[k] = "AUX"
    return Sentence(index=index, start=min(start for start, _ in spans), end=max(end for _, end in spans),
                    texts=texts, starts=[start for start, _ in spans], ends=[end for _, end in spans],
                    lemmas=lemmas, upos=upos, feats=feats, heads=heads, deprels=deprels,
                    particles=[particles.get(k) for k in range(n)], clauses=clauses)


def _is_auxiliary(k: int, lemmas: Sequence[str], upos: Sequence[str], feats: Sequence[Mapping[str, str]],
                  heads: Sequence[int | None], deprels: Sequence[str | None], clauses: Sequence[int],
                  t: _Tables) -> bool:
    """Whether verb ``k`` carries another verb's event, or a predicate (see the module's doc)."""
    lemma = lemmas[k]
    if lemma in t.always:
        return True
    if lemma not in t.carries_verb and lemma not in t.copula:
        return False

    def non_finite(j: int) -> bool:
        return j != k and upos[j] == "VERB" and feats[j].get("VerbForm") in ("Part", "Inf")

    governs = any(heads[j] == k and deprels[j] in t.verbal_complement and non_finite(j) for j in range(len(lemmas)))
    in_clause = any(clauses[j] == clauses[k] and non_finite(j) for j in range(len(lemmas)))
    if lemma in t.carries_verb and (governs or in_clause):
        return True
    return lemma in t.copula and not governs and not in_clause


def _clauses(heads: Sequence[int | None], deprels: Sequence[str | None], finite: Sequence[bool],
             verb: Sequence[bool], t: _Tables) -> list[int]:
    """The clause number of every word: that of its nearest ancestor (itself included) heading a clause."""
    n = len(heads)
    roots = [k for k in range(n) if heads[k] is None]
    main = next((k for k in roots if finite[k]), next((k for k in roots if verb[k]), roots[0] if roots else None))
    opens = {heads[k] for k in range(n) if deprels[k] in t.clause_body and heads[k] is not None}

    def heads_clause(k: int) -> bool:
        return k == main or k in opens or (finite[k] and deprels[k] not in t.clause_body)

    return clause_numbers(heads, heads_clause, main)
