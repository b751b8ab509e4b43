"""Frog's output: its word rows, its CGN tags as UD, and where each word is in the text.

The tag table is language data (``lang/nl/frog.toml``); this module reads it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from ...lang import Language, LanguageLike, load_language

__all__ = ["FrogWord", "align", "cgn_to_ud", "read_output"]

_MULTI_WORD_PART = "mwp"  # the relation of a multi-word unit's later words to its first (Alpino's)
_UNLABELED = "dep"  # UD's label for a dependency of unknown kind
_TAG = re.compile(r"^([A-Z]+)\((.*)\)$")
_TAG_SPLIT = re.compile(r"(?<=\))_")  # between the tags of a multi-word unit: "SPEC(deeleigen)_SPEC(deeleigen)"
_SYMBOLS = frozenset("%‰‱#@§")  # punctuation by their Unicode category, symbols in UD
_WINDOW = 64  # how far past the expected place a word is looked for (plus the length of words not found)


@frozen
class _Tables:
    """frog.toml's tag table and relations, and the auxiliaries of parser.toml, as sets."""

    upos: Mapping[str, str]  # tag head -> UD part of speech
    upos_if: Mapping[str, Mapping[str, str]]  # tag head -> feature -> part of speech
    feats: Mapping[str, Mapping[str, tuple[tuple[str, str], ...]]]  # tag head -> feature -> UD features
    verbal_complement: frozenset[str]
    particle: frozenset[str]
    clause_body: frozenset[str]
    unlabeled: frozenset[str]
    root: frozenset[str]
    verb_head: str  # the tag head of verbs (the one whose upos is VERB)
    carries_verb: frozenset[str]  # AUX with a participle or infinitive: perfect, passive, modal
    always: frozenset[str]  # AUX always: future
    copula: frozenset[str]  # AUX when the clause has no other verb form


def _tables(language: LanguageLike = "nl") -> _Tables:
    return _tables_of(load_language(language))


@functools.cache
def _tables_of(language: Language) -> _Tables:
    data = language.data("frog")
    tags: dict[str, Any] = data.get("tags", {})
    relations: dict[str, Any] = data.get("relations", {})
    auxiliary: dict[str, Any] = language.data("parser").get("auxiliary", {})

    def pairs(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
        return tuple((name, value) for name, _, value in (item.partition("=") for item in values))

    def words(*keys: str) -> frozenset[str]:
        return frozenset(word for key in keys for word in auxiliary.get(key, ()))

    upos = {head: str(entry.get("upos", "X")) for head, entry in tags.items()}
    return _Tables(
        upos=upos,
        upos_if={head: dict(entry.get("upos_if", {})) for head, entry in tags.items()},
        feats={head: {feature: pairs(values) for feature, values in entry.get("feats", {}).items()}
               for head, entry in tags.items()},
        verbal_complement=frozenset(relations.get("verbal_complement", ())),
        particle=frozenset(relations.get("particle", ())),
        clause_body=frozenset(relations.get("clause_body", ())),
        unlabeled=frozenset(relations.get("unlabeled", ())),
        root=frozenset(relations.get("root", ())),
        verb_head=next((head for head, pos in upos.items() if pos == "VERB"), ""),
        carries_verb=words("perfect", "passive", "modal"),
        always=words("future"),
        copula=words("copula"),
    )


def _split_tag(tag: str) -> tuple[str, tuple[str, ...]]:
    """A CGN tag's head and features: ``WW(pv,verl,ev)`` -> ``("WW", ("pv", "verl", "ev"))``."""
    found = _TAG.match(tag.strip())
    if found is None:
        return tag.strip(), ()
    return found.group(1), tuple(f.strip() for f in found.group(2).split(",") if f.strip())


def cgn_to_ud(tag: str, word: str = "") -> tuple[str, dict[str, str]]:
    """The UD part of speech and features of a CGN tag (``WW(pv,verl,ev)`` -> ``VERB``,
    ``VerbForm=Fin``, ``Tense=Past``, ...), by the table in ``lang/nl/frog.toml``.

    ``word`` only matters for punctuation: a ``LET`` that is a symbol (``%``,
    ``€``, ``+``; not a backtick used as a quote) is ``SYM``. A tag the table does not know is ``X``.

    >>> cgn_to_ud("WW(pv,verl,ev)")
    ('VERB', {'VerbForm': 'Fin', 'Tense': 'Past', 'Mood': 'Ind', 'Number': 'Sing'})
    >>> cgn_to_ud("N(eigen,ev,basis,zijd,stan)")
    ('PROPN', {'Number': 'Sing'})
    """
    t = _tables()
    head, features = _split_tag(tag)
    upos = t.upos.get(head, "X")
    changes = t.upos_if.get(head, {})
    upos = next((changes[f] for f in features if f in changes), upos)
    feats: dict[str, str] = {}
    table = t.feats.get(head, {})
    for feature in features:
        for name, value in table.get(feature, ()):
            feats.setdefault(name, value)
    if upos == "PUNCT" and word and all(c in _SYMBOLS or unicodedata.category(c) in ("Sm", "Sc", "So")
                                        for c in word):
        upos = "SYM"
    return upos, feats


@frozen
class FrogWord:
    """One word of Frog's output, multi-word units already split.

    ``head`` is the 0-based index of its head in the sentence, ``None`` for a
    root or where Frog gave no parse; ``deprel`` Frog's relation (``None``
    without a parse).
    """

    word: str
    lemma: str
    tag: str
    head: int | None
    deprel: str | None


def read_output(output: str) -> list[list[FrogWord]]:
    """The sentences of Frog's tab-separated output, as lists of words.

    Blank lines end sentences (a row numbered 1 starts one too); the head and
    relation are the last two columns, whichever of the other modules ran.

    Raises:
        ValueError: for a line that is not one of Frog's word rows.
    """
    t = _tables()
    sentences: list[list[FrogWord]] = []
    rows: list[list[str]] = []
    for number, line in enumerate(output.splitlines(), 1):
        if not line.strip():
            if rows:
                sentences.append(_sentence_words(rows, t))
                rows = []
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < 6 or not fields[0].isdigit():
            raise ValueError(f"line {number} of Frog's output is not a word row: {line[:80]!r}")
        if fields[0] == "1" and rows:
            sentences.append(_sentence_words(rows, t))
            rows = []
        rows.append(fields)
    if rows:
        sentences.append(_sentence_words(rows, t))
    return sentences


def _tag_column(fields: Sequence[str]) -> int:
    """Where the CGN tag is: column 4, or 5 when Frog printed a deep-morphology column."""
    return 4 if _TAG.match(fields[4]) or not _TAG.match(fields[5]) else 5


def _sentence_words(rows: Sequence[Sequence[str]], t: _Tables) -> list[FrogWord]:
    """One sentence's rows as words: multi-word units split, Frog's 1-based heads made 0-based."""
    parsed = any(row[-2].strip() for row in rows)
    if parsed and len(rows) > 1 and all(row[-1] in t.root for row in rows):
        parsed = False  # over Frog's parser limit: every word a ROOT, no tree
    first: dict[str, int] = {}  # Frog's index of a row -> our index of its first word
    pieces: list[list[tuple[str, str, str]]] = []
    count = 0
    for row in rows:
        column = _tag_column(row)
        word, lemma, tag = row[1], row[2], row[column]
        tags = _TAG_SPLIT.split(tag)
        words = word.split("_")
        if len(tags) > 1 and len(words) == len(tags):
            lemmas = lemma.split("_")
            if len(lemmas) != len(tags):
                lemmas = words
            piece = list(zip(words, lemmas, tags, strict=True))
        else:
            piece = [(word, lemma, tag)]
        first[row[0]] = count
        count += len(piece)
        pieces.append(piece)
    out: list[FrogWord] = []
    for row, piece in zip(rows, pieces, strict=True):
        start = first[row[0]]
        head: int | None = None
        deprel: str | None = None
        if parsed:
            raw_head, raw_deprel = row[-2].strip(), row[-1].strip()
            head = first.get(raw_head) if raw_head not in ("", "0") else None
            deprel = _UNLABELED if raw_deprel in t.unlabeled or not raw_deprel else raw_deprel
        for k, (word, lemma, tag) in enumerate(piece):
            if k == 0:
                out.append(FrogWord(word=word, lemma=lemma or word, tag=tag, head=head, deprel=deprel))
            else:
                out.append(FrogWord(word=word, lemma=lemma or word, tag=tag, head=start if parsed else None,
                                    deprel=_MULTI_WORD_PART if parsed else None))
    return out


# --- offsets -----------------------------------------------------------------------------------

_QUOTES = "\"'`´‘’‚‛“”„‟«»‹›′″"
_DASHES = "-‐‑‒–—―−"
_FOLD = str.maketrans({**{c: '"' for c in _QUOTES}, **{c: "-" for c in _DASHES}})


def _loose(text: str) -> str:
    """A string as compared when it is not found as written: compatibility forms, quotes,
    dashes and case folded, whitespace and invisible format characters left out."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


def _blank(c: str) -> bool:
    return c.isspace() or unicodedata.category(c) == "Cf"


def _match(text: str, at: int, word: str, loose: str) -> int | None:
    """Where ``word`` ends if it starts at ``at`` in ``text``: as written, else loosely equal."""
    if text.startswith(word, at):
        return at + len(word)
    if not loose:
        return None
    head = _loose(text[at])
    if not head or not loose.startswith(head):
        return None
    for end in range(at + 1, min(len(text), at + 2 * len(word) + 4) + 1):
        piece = _loose(text[at:end])
        if piece == loose:
            return end
        if not loose.startswith(piece):
            return None
    return None


def align(words: Sequence[str], text: str) -> list[tuple[int, int]]:
    """The offsets of each of Frog's words (in order) in ``text``.

    Each word is looked for from where the previous one ended, past
    whitespace: as written or loosely equal there (quotes, dashes, case,
    Unicode forms and invisible characters folded), else at the nearest place
    ahead where it is, within a window (64 characters, more after words not
    found), so a word is never matched in a later sentence. A word not found
    gets the text between its found neighbours: the n-th non-blank piece of
    that gap for the n-th such word (the last piece for any beyond), or, where
    the gap is blank, the span of the word before it (or after it). So no
    span is ever made up: each is text that Frog's word stands for, or as
    near to it as the text allows. Only a text with no visible character at
    all gives empty spans.
    """
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    missed = 0  # characters of the words not found since the last one found
    n = len(text)
    for word in words:
        at = cursor
        while at < n and _blank(text[at]):
            at += 1
        loose = _loose(word)
        found: tuple[int, int] | None = None
        limit = min(n, at + _WINDOW + 2 * missed)
        for start in range(at, limit):
            if start > at and _blank(text[start]):
                continue
            end = _match(text, start, word, loose)
            if end is not None:
                found = (start, end)
                break
        spans.append(found)
        if found is None:
            missed += len(word) + 1
        else:
            cursor, missed = found[1], 0
    return _fill(spans, text)


def _fill(spans: list[tuple[int, int] | None], text: str) -> list[tuple[int, int]]:
    """Spans for the words not found: pieces of the gap between their found neighbours."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        if span is not None:
            out.append(span)
            k += 1
            continue
        run_end = k
        while run_end < len(spans) and spans[run_end] is None:
            run_end += 1
        after = spans[run_end] if run_end < len(spans) else None
        low = out[-1][1] if out else 0
        high = after[0] if after is not None else len(text)
        pieces = [(m.start() + low, m.end() + low) for m in re.finditer(r"\S+", text[low:high])]
        for i in range(run_end - k):
            if pieces:
                out.append(pieces[min(i, len(pieces) - 1)])
            elif out:
                out.append(out[-1])
            elif after is not None:
                out.append(after)
            else:
                out.append((low, low))
        k = run_end
    return out
