"""The Frog backend: Debian's Frog (``apt-get install frog frogdata``) as :mod:`timeline.text.parse` sentences.

Frog tokenizes (ucto), tags with CGN tags, lemmatizes, joins multi-word units
and parses into Alpino-style dependencies. It prints one tab-separated row
per word (index, word, lemma, morphology, CGN tag, confidence, entity, chunk,
head, relation) and a blank line after each sentence. This module reads that
output (:func:`sentences_of`, a pure function of Frog's output and the text)
and derives what the event layer needs:

- offsets: Frog prints none, so every word is looked up in the text in order,
  from where the previous one ended (:func:`align`): as written, or equal
  after folding quotes, dashes, case, Unicode normalization and compatibility
  forms (``…`` and ``...``) and invisible characters (a soft hyphen, a
  zero-width space), since ucto splits a doubled quote in two and may write a
  word otherwise than the text does. A word that cannot be found is given the
  text between its found neighbours (its own whitespace-separated piece of
  it where there is one), never a guess elsewhere in the text; so
  ``text[token.start:token.end]`` is always the text's own characters and
  ``token.text`` is exactly that slice;
- multi-word units: Frog joins names and fixed phrases (``Sean_Spicer``,
  ``'s_ochtends``) into one row; they are split into their words again, the
  first keeping the row's head and relation, the others attached to it as
  ``mwp`` (Alpino's multi-word part);
- parts of speech and features: CGN tags are mapped to UD by the table in
  ``lang/nl/frog.toml`` (the tags are Dutch abbreviations, so they are data);
  a participle or infinitive before a noun or used as a noun is ADJ or NOUN,
  not VERB, as in the UD Dutch treebanks;
- heads and relations: Frog's (``head`` a 0-based index in the sentence,
  ``None`` for a root; ``deprel`` Frog's own Alpino label, ``dep`` where Frog
  printed ``None``). A sentence Frog did not parse (over its 500-word limit:
  every word a ROOT) gets no tree;
- clauses: a word belongs to the clause of its nearest ancestor (itself
  included) that heads one: the main root; a complementizer or relative
  pronoun with a ``body`` (``dat``, ``toen``, ``die``: it opens the clause
  below it); a finite verb not attached as a ``body`` (another root, direct
  speech, a coordinated clause). The main root's clause is 0, the others are
  numbered in order of appearance; a word whose chain reaches none is in 0;
- auxiliaries, as the built-in analyzer decides them and from the same word
  lists (``[auxiliary]`` of ``parser.toml``): hebben/zijn/worden and the
  modals are AUX when they carry a participle or infinitive (their ``vc`` in
  the tree, or one in their clause, since Frog's attachments miss some);
  zullen always; a copula (zijn, worden, blijven) when its clause has no other
  verb form;
- separable verbs: an ``svp`` word is the particle of its head verb, whose
  lemma becomes the whole verb (``legde ... op``: ``opleggen``).

Frog runs as a program (one run per :meth:`FrogParser.parse_many` call, all
texts together, so it loads once: a few seconds) or as a server that is
already running (``frog -S PORT``, or :class:`FrogServer` to start one of
one's own), which answers each text at once. A missing program, a failed run
or an unreachable server is a :class:`~timeline.text.backend.BackendError` that
says what went wrong.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unicodedata
import weakref
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from ..lang import load_language
from .backend import BackendError
from .parse import Sentence, Token

__all__ = ["DEFAULT_SKIP", "FrogParser", "FrogServer", "FrogWord", "align", "cgn_to_ud", "read_output",
           "sentences_of"]

DEFAULT_SKIP = "nca"
"""Frog modules skipped by default: named entities (n), the chunker (c) and the
morphological analyzer (a). The tokenizer, tagger, lemmatizer, multi-word units
and the parser stay: the parser needs the multi-word units."""

_MODULES = frozenset("tlacmnp")  # what --skip accepts
_INSTALL = "install it with: apt-get install frog frogdata"
_TAIL = 12  # lines of Frog's stderr quoted in an error
_MULTI_WORD_PART = "mwp"  # the relation of a multi-word unit's later words to its first (Alpino's)
_UNLABELED = "dep"  # UD's label for a dependency of unknown kind
_TAG = re.compile(r"^([A-Z]+)\((.*)\)$")
_TAG_SPLIT = re.compile(r"(?<=\))_")  # between the tags of a multi-word unit: "SPEC(deeleigen)_SPEC(deeleigen)"
_SYMBOLS = frozenset("%‰‱#@§")  # punctuation by their Unicode category, symbols in UD
_WINDOW = 64  # how far past the expected place a word is looked for (plus the length of words not found)


# --- the tables ----------------------------------------------------------------------------------


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


@functools.cache
def _tables() -> _Tables:
    language = load_language("nl")
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


# --- Frog's output -----------------------------------------------------------------------------


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


# --- sentences ---------------------------------------------------------------------------------


def sentences_of(output: str, text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` from Frog's tab-separated output for it.

    A pure function: what :class:`FrogParser` does with Frog's answer, usable
    on output saved earlier. Token offsets index ``text``.

    Raises:
        ValueError: for output that is not Frog's word rows.
    """
    t = _tables()
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
    tokens = tuple(
        Token(index=k, text=texts[k], start=spans[k][0], end=spans[k][1], lemma=lemmas[k], upos=upos[k],
              feats=feats[k], head=heads[k], deprel=deprels[k], particle=particles.get(k), clause=clauses[k])
        for k in range(n))
    return Sentence(index=index, start=min(tok.start for tok in tokens), end=max(tok.end for tok in tokens),
                    tokens=tokens)


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

    owners: list[int | None] = []
    for k in range(n):
        node: int | None = k
        for _ in range(n):  # a cycle in a broken tree ends here
            if node is None or heads_clause(node):
                break
            node = heads[node]
        owners.append(node if node is not None and heads_clause(node) else None)
    number: dict[int | None, int] = {main: 0, None: 0}
    for owner in owners:
        if owner not in number:
            number[owner] = len(set(number.values()))
    return [number[owner] for owner in owners]


# --- running Frog ------------------------------------------------------------------------------


class FrogParser:
    """The sentences of a text as Frog analyzes them.

    Args:
        executable: the Frog program (a name on the PATH or a path).
        server: ``(host, port)`` of a running Frog server (``frog -S PORT``, or
            a :class:`FrogServer`); then no program is started, and
            ``executable`` and ``skip`` are not used (the server's own options
            count).
        skip: the Frog modules not to run, as Frog's ``--skip`` letters
            (default :data:`DEFAULT_SKIP`); None runs them all. Skipping
            ``p`` (the parser) or ``m`` (which the parser needs) leaves the
            sentences without a tree.
        timeout: seconds one Frog run (loading and all the texts of a
            :meth:`parse_many` call) or one server answer may take.

    Without a server, each :meth:`parse` runs Frog once, which loads its
    models first (a few seconds): give many texts to :meth:`parse_many`, or
    use a server.

    Raises:
        ValueError: for a ``skip`` with letters Frog does not know.
    """

    def __init__(self, *, executable: str = "frog", server: tuple[str, int] | None = None,
                 skip: str | None = DEFAULT_SKIP, timeout: float = 600.0) -> None:
        if skip is not None and not set(skip) <= _MODULES:
            raise ValueError(f"skip takes Frog's module letters ({''.join(sorted(_MODULES))}), not {skip!r}")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        self.executable = executable
        self.server = server
        self.skip = skip or None
        self.timeout = timeout

    def __repr__(self) -> str:
        where = f"server={self.server!r}" if self.server is not None else f"executable={self.executable!r}"
        return f"FrogParser({where}, skip={self.skip!r}, timeout={self.timeout!r})"

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[tuple[Sentence, ...]]:
        """The sentences of each text, in order: one Frog run (or one server connection) for all."""
        todo = [k for k, text in enumerate(texts) if text.strip()]
        out: list[tuple[Sentence, ...]] = [() for _ in texts]
        if not todo:
            return out
        chosen = [texts[k] for k in todo]
        outputs = self._ask(chosen) if self.server is not None else self._run(chosen)
        for k, output in zip(todo, outputs, strict=True):
            try:
                out[k] = sentences_of(output, texts[k])
            except ValueError as error:
                raise BackendError(f"Frog's output cannot be read: {error}") from None
        return out

    def _command(self) -> list[str]:
        """The Frog program and its options, or a BackendError when there is no such program."""
        program = shutil.which(self.executable)
        if program is None:
            raise BackendError(f"Frog is not installed: there is no program {self.executable!r}; {_INSTALL}")
        return [program, *([f"--skip={self.skip}"] if self.skip else [])]

    def _run(self, texts: Sequence[str]) -> list[str]:
        """Frog's output for each text, from one run of the program over a folder of them."""
        command = self._command()
        with tempfile.TemporaryDirectory(prefix="timeline-frog-") as work:
            given, taken = os.path.join(work, "in"), os.path.join(work, "out")
            os.mkdir(given)
            os.mkdir(taken)
            names = [f"{k:06d}.txt" for k in range(len(texts))]
            for name, text in zip(names, texts, strict=True):
                with open(os.path.join(given, name), "w", encoding="utf-8", errors="replace") as f:
                    f.write(text.replace("\x00", " "))
            command += [f"--testdir={given}", f"--outputdir={taken}"]
            try:
                done = subprocess.run(command, cwd=work, stdin=subprocess.DEVNULL, capture_output=True,
                                      timeout=self.timeout, check=False)
            except subprocess.TimeoutExpired:
                raise BackendError(f"Frog did not finish within {self.timeout:g} s "
                                   f"({len(texts)} text(s)); give a larger timeout") from None
            except OSError as error:  # found but not runnable
                raise BackendError(f"Frog cannot be started ({error}); {_INSTALL}") from None
            stderr = done.stderr.decode("utf-8", errors="replace")
            if done.returncode != 0:
                raise BackendError(f"Frog failed (exit status {done.returncode}): {_tail(stderr)}")
            outputs: list[str] = []
            for name in names:
                path = os.path.join(taken, f"{name}.out")
                if not os.path.isfile(path):
                    raise BackendError(f"Frog wrote no output for one of the texts: {_tail(stderr)}")
                with open(path, encoding="utf-8", errors="replace") as f:
                    outputs.append(f.read())
            return outputs

    def _ask(self, texts: Sequence[str]) -> list[str]:
        """Frog's output for each text, from the server, over one connection."""
        assert self.server is not None
        host, port = self.server
        try:
            connection = socket.create_connection((host, port), timeout=self.timeout)
        except OSError as error:
            raise BackendError(f"cannot reach the Frog server at {host}:{port} ({error}); start one with "
                               f"frog -S {port} (or timeline.text.frog.FrogServer), or {_INSTALL}") from None
        with connection, connection.makefile("rb") as answers:
            return [_exchange(connection, answers, text, self.server, self.timeout) for text in texts]


_END_OF_TEXT = "EOT"  # the line that ends a request to a Frog server
_READY = "READY"  # the line that ends its answer


def _request(text: str) -> bytes:
    """A text as a Frog server request: its lines, then the end line. A line of the text that
    reads like the end line gets a trailing space (the server compares lines exactly)."""
    lines = text.replace("\x00", " ").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line + " " if line == _END_OF_TEXT else line for line in lines]
    return ("\n".join(lines) + f"\n{_END_OF_TEXT}\n").encode("utf-8", errors="replace")


def _exchange(connection: socket.socket, answers: Any, text: str, server: tuple[str, int], timeout: float) -> str:
    """One text sent to a Frog server and its answer read: the lines up to the ready line."""
    host, port = server
    try:
        connection.sendall(_request(text))
        lines: list[str] = []
        for raw in iter(answers.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if line == _READY:
                return "\n".join(lines) + "\n"
            lines.append(line)
    except TimeoutError:
        raise BackendError(f"the Frog server at {host}:{port} did not answer within {timeout:g} s") from None
    except OSError as error:
        raise BackendError(f"the connection to the Frog server at {host}:{port} failed ({error})") from None
    raise BackendError(f"the Frog server at {host}:{port} closed the connection before its answer was complete")


def _tail(stderr: str) -> str:
    """The last lines of Frog's messages, for an error."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return " | ".join(lines[-_TAIL:]) if lines else "(no message)"


class FrogServer:
    """A Frog server of one's own: ``frog -S PORT`` started as a child process.

    Frog loads its models once, then answers each text at once, so this is
    the way to parse many texts one call at a time (``timeline analyze
    --jsonl``). Use it as a context manager, or call :meth:`close`; it is also
    stopped when it is garbage-collected and when Python exits.

    Example (it needs Frog installed, so it is shown, not run as a doctest;
    ``tests/test_frog_backend.py`` runs it for real)::

        with FrogServer() as server:
            parser = server.parser()
            sentences = parser.parse("Hij zei donderdag dat het kabinet vrijdag beslist.")

    Args:
        executable: the Frog program.
        skip: the modules not to run (see :class:`FrogParser`).
        port: the port to listen on; None picks one that is free (it listens on
            all interfaces, as ``frog -S`` does; the parser asks 127.0.0.1).
        timeout: seconds Frog may take to load.

    Raises:
        BackendError: when Frog is not installed, fails, or does not answer in time.
    """

    def __init__(self, *, executable: str = "frog", skip: str | None = DEFAULT_SKIP, port: int | None = None,
                 timeout: float = 120.0) -> None:
        command = FrogParser(executable=executable, skip=skip)._command()
        self.executable = executable
        self.skip = skip
        self.port = port if port is not None else _free_port()
        self.address: tuple[str, int] = ("127.0.0.1", self.port)
        self._work = tempfile.TemporaryDirectory(prefix="timeline-frog-server-")
        log = open(os.path.join(self._work.name, "frog.log"), "wb")  # noqa: SIM115 (closed by _stop)
        try:
            process = subprocess.Popen([*command, "-S", str(self.port)], cwd=self._work.name,
                                       stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        except OSError as error:
            log.close()
            self._work.cleanup()
            raise BackendError(f"Frog cannot be started ({error}); {_INSTALL}") from None
        self._process = process
        self._finalizer = weakref.finalize(self, _stop, process, log, self._work)
        try:
            self._wait(timeout)
        except BaseException:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"FrogServer(port={self.port}, running={self.running})"

    @property
    def running(self) -> bool:
        """Whether the server is still up."""
        return self._finalizer.alive and self._process.poll() is None

    def parser(self, *, timeout: float = 600.0) -> FrogParser:
        """A parser that asks this server."""
        return FrogParser(executable=self.executable, server=self.address, skip=self.skip, timeout=timeout)

    def close(self) -> None:
        """Stop the server (and any connection it is still serving)."""
        self._finalizer()

    def __enter__(self) -> FrogServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, timeout: float) -> None:
        """Until the server answers an empty request, or a BackendError with its messages."""
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                raise BackendError(f"the Frog server stopped (exit status {self._process.returncode}): "
                                   f"{_tail(self._log())}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise BackendError(f"the Frog server did not start within {timeout:g} s: {_tail(self._log())}")
            try:
                connection = socket.create_connection(self.address, timeout=min(left, 1.0))
            except OSError:
                time.sleep(0.1)
                continue
            with connection, connection.makefile("rb") as answers:
                connection.settimeout(max(left, 1.0))
                _exchange(connection, answers, "", self.address, max(left, 1.0))
            return

    def _log(self) -> str:
        try:
            with open(os.path.join(self._work.name, "frog.log"), encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""


def _free_port() -> int:
    """A local TCP port that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes], log: Any, work: tempfile.TemporaryDirectory[str]) -> None:
    """Stop a Frog server and the connections it forked (its own process group; Frog does not
    stop on SIGTERM while it serves), then remove its folder."""
    if process.returncode is None:  # not yet reaped, so its process group is still ours
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    log.close()
    work.cleanup()

