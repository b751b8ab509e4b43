"""The spaCy backend: the parse a spaCy pipeline made, as :mod:`timeline.parse` sentences.

A spaCy ``Doc`` from a pipeline with a tagger or morphologizer and a
dependency parser (``nl_core_news_sm/md/lg``) already holds what the library
reads from a parse: tokens with offsets, UPOS (``token.pos_``), UD features
(``token.morph``), lemmas, heads and relations. This module reads them and
fills the sentences exactly as the stanza backend does (it hands the same
UD words to the same code, :mod:`timeline.parse.ud`), so auxiliaries,
separable verbs and clauses come from the tree by the same rules:

- heads: a token whose head is itself (spaCy's root) has no head, like
  stanza's head 0; a head outside the sentence (or a whitespace token) is none;
- relations: spaCy's ``ROOT`` is ``root``, the rest lower case; the few labels
  of spaCy's English-style scheme that UD names otherwise are renamed
  (``prt`` is ``compound:prt``, ``auxpass`` is ``aux:pass``, ...);
- sentences: the Doc's own (``doc.sents``: set by a sentence recognizer or
  by hand, else the parse's), cut at a blank line as every other backend's
  are (a blank line always ends a sentence in this library);
- white space tokens (spaCy's ``SPACE``) are left out; a word tagged ``SPACE``
  (a model's mistake) is kept as ``X``.

spaCy is imported on first use, never when :mod:`timeline` is imported, and
never downloads anything: a missing package or pipeline is a
:class:`~timeline.parse.BackendError` that says what to install.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..advice import Fix
from ..lang import LanguageLike, load_language
from .protocol import BackendError, Parser, Sentence, import_backend
from .ud import ud_sentence

if TYPE_CHECKING:
    from spacy.language import Language as SpacyLanguage
    from spacy.tokens import Doc

__all__ = ["DEFAULT_PIPELINE", "DocParser", "SpacyParser", "doc_sentences", "has_parse"]

DEFAULT_PIPELINE = "nl_core_news_sm"
"""The pipeline :class:`SpacyParser` loads when given none: spaCy's small Dutch one."""

_INSTALL = "pip install 'timeline-nl[spacy]' (from a checkout: pip install '.[spacy]')"
# Labels of spaCy's English-style (ClearNLP) scheme that UD spells otherwise; UD labels pass as they are.
_RELATIONS = {"root": "root", "prt": "compound:prt", "auxpass": "aux:pass", "nsubjpass": "nsubj:pass",
              "csubjpass": "csubj:pass", "relcl": "acl:relcl", "dobj": "obj"}
_UPOS = {"SPACE": "X"}  # spaCy's own tag for white space is no UD part of speech
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a blank line: always the end of a sentence


def has_parse(doc: Doc) -> bool:
    """Whether ``doc`` holds a parse the library can read: parts of speech and dependencies.

    Features (``MORPH``) and lemmas are read when present; without them verbs
    have no tense features and lemmas are the words themselves.
    """
    return bool(doc.has_annotation("POS") and doc.has_annotation("DEP"))


@frozen(slots=True)
class _Word:
    """A spaCy token in the shape of a stanza word (ids and heads count from 1; 0 is no head)."""

    id: int
    head: int
    deprel: str | None
    upos: str
    lemma: str
    text: str
    feats: str


def doc_sentences(doc: Doc, text: str | None = None) -> tuple[Sentence, ...]:
    """The sentences of a parsed spaCy ``Doc``, with offsets into ``doc.text``.

    ``text``: ``doc.text``, where the caller has it already (spaCy joins it from
    the tokens anew each time it is asked for, a cost that shows on long Docs).

    Raises:
        ValueError: for a Doc without a parse (see :func:`has_parse`).
    """
    if not has_parse(doc):
        raise ValueError("the spaCy Doc has no parse (parts of speech and dependencies): run a pipeline with a "
                         "tagger or morphologizer and a parser over it, e.g. nl_core_news_sm")
    text = doc.text if text is None else text
    sentences: list[Sentence] = []
    for piece in _pieces(_columns(doc), text):
        sentences.append(ud_sentence(len(sentences), _rows(piece, text), 0))
    return tuple(sentences)


# One row per token, read from the Doc's arrays in one go (creating spaCy Token objects, one
# per property read, costs more than the rest of the reading): index, start, end, head index,
# relation, part of speech, lemma, features, whether it is white space, whether it starts a sentence.
_Column = tuple[int, int, int, int, str, str, str, str, bool, bool]
_ATTRS = ("IDX", "LENGTH", "HEAD", "DEP", "POS", "LEMMA", "MORPH", "IS_SPACE", "SENT_START")


def _columns(doc: Doc) -> list[_Column]:
    """Every token of ``doc`` as a row (heads as indices; strings looked up once each)."""
    table = doc.to_array(list(_ATTRS))
    signed = table.view("int64")  # HEAD is an offset and SENT_START -1, 0 or 1: signed numbers
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key] if key else ""
        return found

    out: list[_Column] = []
    for i, (idx, length, _, dep, pos, lemma, morph, space, _) in enumerate(table.tolist()):
        out.append((i, idx, idx + length, i + int(signed[i, 2]), name(dep), name(pos), name(lemma), name(morph),
                    bool(space), i == 0 or int(signed[i, 8]) == 1))
    return out


def _pieces(rows: list[_Column], text: str) -> Iterator[list[_Column]]:
    """The non-white tokens of each sentence, in runs cut where a blank line lies between two."""
    piece: list[_Column] = []
    for row in rows:
        if row[9] and piece:  # a new sentence
            yield piece
            piece = []
        if row[8]:  # spaCy's white space tokens; a word a model mistook for one stays (as X)
            continue
        if piece and _BLANK_LINE.search(text, piece[-1][2], row[1]):
            yield piece
            piece = []
        piece.append(row)
    if piece:
        yield piece


def _rows(tokens: Sequence[_Column], text: str) -> list[tuple[Any, int, int]]:
    """Each token as a stanza-shaped word with its document offsets."""
    ids = {row[0]: k for k, row in enumerate(tokens, 1)}
    rows: list[tuple[Any, int, int]] = []
    for k, (i, start, end, head, dep, pos, lemma, morph, _, _) in enumerate(tokens, 1):
        word = _Word(id=k, head=0 if head == i else ids.get(head, -1),
                     deprel=_RELATIONS.get(dep.lower(), dep.lower()) if dep else None,
                     upos=_UPOS.get(pos, pos), lemma=lemma, text=text[start:end], feats=morph)
        rows.append((word, start, end))
    return rows


class DocParser:
    """A :class:`~timeline.parse.Parser` bound to one parsed spaCy ``Doc``: it gives the Doc's
    sentences for the Doc's own text, so ``analyze(doc.text, parser=DocParser(doc))`` reads
    the parse spaCy made instead of parsing again.

    Raises:
        ValueError: (from :meth:`parse`) for another text than ``doc.text``, or a Doc without a parse.
    """

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # ``text``: doc.text, where the caller has it

    def __repr__(self) -> str:
        return f"DocParser(<Doc of {len(self.doc)} tokens>)"

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The Doc's sentences; ``text`` must be the Doc's text."""
        if text != self.text:
            raise ValueError("a DocParser parses only its Doc's own text (doc.text)")
        return doc_sentences(self.doc, self.text)


class SpacyParser:
    """The sentences of a text as a spaCy pipeline parses it.

    Args:
        nlp: a loaded pipeline, or the name or folder of one to load with
            ``spacy.load`` (on first use); by default ``nl_core_news_sm``.
        language: the language of the built-in parser this one falls back on.

    A pipeline that gives no parse (no tagger or morphologizer, or no parser:
    ``spacy.blank("nl")``) leaves the Doc without one; this parser then parses
    that text with the built-in parser, so the result is the built-in one's.
    Loading raises :class:`~timeline.parse.BackendError` when spaCy or the
    pipeline is missing; nothing is ever downloaded.
    """

    def __init__(self, nlp: SpacyLanguage | str = DEFAULT_PIPELINE, language: LanguageLike = "nl") -> None:
        self.name = nlp if isinstance(nlp, str) else None
        self._nlp = None if isinstance(nlp, str) else nlp
        self.language = load_language(language)
        self._fallback: Parser | None = None

    def __repr__(self) -> str:
        if self._nlp is None:
            return f"SpacyParser({self.name!r}, language={self.language.code!r})"
        pipes = ", ".join(self._nlp.pipe_names) or "no components"
        return f"SpacyParser(<spaCy pipeline {self._nlp.lang}: {pipes}>, language={self.language.code!r})"

    @property
    def nlp(self) -> SpacyLanguage:
        """The spaCy pipeline, loaded (and kept) on first use."""
        if self._nlp is None:
            assert self.name is not None
            self._nlp = load_pipeline(self.name)
        return self._nlp

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        if not text.strip():
            return ()
        return self.sentences(self.nlp(text))

    def parse_many(self, texts: Sequence[str]) -> list[tuple[Sentence, ...]]:
        """The sentences of each text, in order, through ``nlp.pipe`` (spaCy batches them)."""
        todo = [k for k, text in enumerate(texts) if text.strip()]
        out: list[tuple[Sentence, ...]] = [() for _ in texts]
        for k, doc in zip(todo, self.nlp.pipe(texts[k] for k in todo), strict=True):
            out[k] = self.sentences(doc)
        return out

    def sentences(self, doc: Doc) -> tuple[Sentence, ...]:
        """The sentences of a Doc of this pipeline: its parse, or the built-in parser's of its text."""
        if has_parse(doc):
            return doc_sentences(doc)
        if self._fallback is None:
            from .builtin import BuiltinParser

            self._fallback = BuiltinParser(self.language)
        return self._fallback.parse(doc.text)


def load_pipeline(name: str) -> SpacyLanguage:
    """``spacy.load(name)`` (a package name or a folder), or a BackendError naming the download."""
    spacy = import_backend("spacy", _INSTALL)
    try:
        nlp: SpacyLanguage = spacy.load(name)
    except OSError as error:  # spaCy's E050/E053: no such package or folder, or not a pipeline
        raise BackendError(
            f"no spaCy pipeline {name!r} ({_first_line(error)}); install spaCy's Dutch one once with "
            f"python -m spacy download {DEFAULT_PIPELINE} (spaCy itself: {_INSTALL})",
            Fix("nlp", (), ", or name an installed pipeline or its folder with {option}")) from None
    return nlp


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
