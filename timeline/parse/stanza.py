"""The stanza backend: a stanza Dutch pipeline's analysis as :mod:`timeline.parse` sentences.

stanza tokenizes, tags (UPOS and UD features, ``Tense`` and ``VerbForm``
among them), lemmatizes and parses into Universal Dependencies. This module
reads what it gives: every word gets its token's document offsets
(``start_char``, ``end_char``), so the words of a multi-word token share their
token's span (a word stanza gave its own offsets inside the token keeps
those); what the tree says of auxiliaries, separable verbs and clauses is
derived by :mod:`timeline.parse.ud`, as for every backend whose parse is UD.

stanza is imported on first use, never when :mod:`timeline` is imported, and
never downloads anything: a missing package or model is a
:class:`~timeline.parse.BackendError` that says what to install.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..advice import Fix
from .protocol import BackendError, Sentence, import_backend
from .ud import ud_sentence

__all__ = ["MODEL_DIR_VARIABLE", "StanzaParser", "sentences_of"]

MODEL_DIR_VARIABLE = "TIMELINE_STANZA_MODEL_DIR"
"""The environment variable naming the model folder when ``model_dir`` is not given."""

_PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
# A folder with a model of one's own (as trained by stanza's scripts): the file of each processor.
_OWN_FILES = {"tokenize": "tokenizer.pt", "pos": "tagger.pt", "lemma": "lemmatizer.pt", "depparse": "parser.pt"}
_RESOURCES = "resources.json"  # stanza reads it even with download_method=None ("{}" for a model of one's own)

_INSTALL = ("pip install 'timeline-nl[stanza]' (from a checkout: pip install '.[stanza]'; stanza needs torch: "
            "on a machine without a GPU install it first with pip install torch==2.13.0)")


class StanzaParser:
    """The sentences of a text as a stanza Dutch pipeline analyzes them.

    Args:
        model_dir: the model folder: stanza's resources folder (what
            ``stanza.download("nl")`` fills), or a folder of one's own model
            files (``tokenizer.pt``, ``tagger.pt``, ``lemmatizer.pt``,
            ``parser.pt`` and a ``resources.json``). When None, the folder in
            the environment variable ``TIMELINE_STANZA_MODEL_DIR``, else
            stanza's default folder.
        use_gpu: let stanza run on a GPU if there is one.
        language: the language code stanza's models are for (default ``nl``).
        pipeline: an already built ``stanza.Pipeline``, or any callable from a
            text to a ``stanza.Document``; used as it is, and the two options
            above are then ignored.

    The pipeline is built on first use, so making a parser is cheap and
    imports nothing; building it raises :class:`~timeline.parse.BackendError`
    when stanza or the model is missing.
    """

    def __init__(self, *, model_dir: str | None = None, use_gpu: bool = False,
                 pipeline: Callable[[str], Any] | Any | None = None, language: str = "nl") -> None:
        if model_dir is None:
            model_dir = os.environ.get(MODEL_DIR_VARIABLE) or None
        self.model_dir = model_dir
        self.use_gpu = use_gpu
        self.language = language
        self._pipeline = pipeline

    def __repr__(self) -> str:
        return f"StanzaParser(model_dir={self.model_dir!r}, use_gpu={self.use_gpu!r}, language={self.language!r})"

    @property
    def pipeline(self) -> Any:
        """The stanza pipeline, built (and kept) on first use."""
        if self._pipeline is None:
            self._pipeline = _build(self.model_dir, self.use_gpu, self.language)
        return self._pipeline

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        if not text.strip():
            return ()
        return sentences_of(self.pipeline(text))

    def parse_many(self, texts: Sequence[str]) -> list[tuple[Sentence, ...]]:
        """The sentences of each text, in order.

        A ``stanza.Pipeline`` gets all the texts in one bulk call (stanza then
        batches sentences across documents, which is much faster than a call
        per text); a plain callable is called once per text.
        """
        todo = [k for k, text in enumerate(texts) if text.strip()]
        out: list[tuple[Sentence, ...]] = [() for _ in texts]
        if not todo:
            return out
        pipeline = self.pipeline
        if callable(getattr(pipeline, "bulk_process", None)):  # a stanza.Pipeline
            stanza = import_backend("stanza", _INSTALL)
            documents = list(pipeline([stanza.Document([], text=texts[k]) for k in todo]))
        else:
            documents = [pipeline(texts[k]) for k in todo]
        if len(documents) != len(todo):
            raise RuntimeError(f"the stanza pipeline returned {len(documents)} documents for {len(todo)} texts")
        for k, document in zip(todo, documents, strict=True):
            out[k] = sentences_of(document)
        return out


def sentences_of(document: Any, *, offset: int = 0) -> tuple[Sentence, ...]:
    """The sentences of a ``stanza.Document``.

    Offsets are stanza's (into the text the document was made from) plus
    ``offset``, for a document made from a part of a longer text. A token
    without offsets (a document read from CoNLL-U without them) is looked up
    in the document's text after the previous one.

    Raises:
        ValueError: for a token with no offsets that the document's text does not have.
    """
    text: str | None = getattr(document, "text", None)
    sentences: list[Sentence] = []
    cursor = 0
    for sentence in document.sentences:
        rows: list[tuple[Any, int, int]] = []
        for token in sentence.tokens:
            start, end = token.start_char, token.end_char
            if start is None or end is None:
                start, end = _locate(token.text, text, cursor)
            cursor = end
            for word in token.words:
                rows.append((word, *_word_span(word, start, end)))
        if rows:
            sentences.append(ud_sentence(len(sentences), rows, offset))
    return tuple(sentences)


def _locate(form: str, text: str | None, cursor: int) -> tuple[int, int]:
    """Where a token with no offsets is in the document's text, looking from ``cursor``."""
    at = -1 if text is None else text.find(form, cursor)
    if at < 0:
        raise ValueError(f"the stanza document gives no character offsets for the token {form!r}, "
                         "and its text does not have it where it should be")
    return at, at + len(form)


def _word_span(word: Any, start: int, end: int) -> tuple[int, int]:
    """A word's own offsets where stanza gives them inside its token, else the token's."""
    own_start, own_end = getattr(word, "start_char", None), getattr(word, "end_char", None)
    if isinstance(own_start, int) and isinstance(own_end, int) and start <= own_start < own_end <= end:
        return own_start, own_end
    return start, end


def _no_model(folder: str, detail: str, language: str) -> BackendError:
    return BackendError(
        f"no stanza model for {language!r} in {folder} ({detail}); download the official one once with "
        f"python -c 'import stanza; stanza.download(\"{language}\")' (into stanza's resources folder)",
        Fix("model_dir", (), f", or point to a model folder with {{option}} or the environment variable "
                             f"{MODEL_DIR_VARIABLE}"))


def _options(folder: str, language: str) -> dict[str, Any]:
    """stanza.Pipeline's arguments for a model folder: stanza's own layout, or one's own model files."""
    if not os.path.isdir(folder):
        raise _no_model(folder, "the folder does not exist", language)
    own = {processor: os.path.join(folder, name) for processor, name in _OWN_FILES.items()}
    resources = os.path.isfile(os.path.join(folder, _RESOURCES))
    if any(os.path.isfile(path) for path in own.values()):
        missing = [name for name, path in zip(_OWN_FILES.values(), own.values(), strict=True)
                   if not os.path.isfile(path)] + ([] if resources else [f"{_RESOURCES} (may hold just {{}})"])
        if missing:
            raise _no_model(folder, f"a model of its own, missing {', '.join(missing)}", language)
        return {"processors": ",".join(_OWN_FILES), "allow_unknown_language": True, "pos_pretrain_path": None,
                "depparse_pretrain_path": None, **{f"{processor}_model_path": path for processor, path in own.items()}}
    if not resources:
        raise _no_model(folder, f"no {_RESOURCES}", language)
    if not os.path.isdir(os.path.join(folder, language)):
        raise _no_model(folder, f"no {language}/ folder of models", language)
    return {"processors": _PROCESSORS}


def _build(model_dir: str | None, use_gpu: bool, language: str) -> Any:
    """A stanza Dutch pipeline from local files only (download_method=None: never a download)."""
    stanza = import_backend("stanza", _INSTALL)
    folder = model_dir if model_dir is not None else str(importlib.import_module("stanza.resources.common")
                                                         .DEFAULT_MODEL_DIR)
    options: Mapping[str, Any] = _options(folder, language)
    try:
        return stanza.Pipeline(language, dir=folder, download_method=None, use_gpu=use_gpu, logging_level="WARN",
                               **options)
    except FileNotFoundError as error:  # stanza's ResourcesFileNotFoundError, LanguageNotDownloadedError, ...
        raise _no_model(folder, str(error), language) from None
    except ValueError as error:
        if "No processors to load" not in str(error):  # resources.json without the language in it
            raise
        raise _no_model(folder, str(error), language) from None
