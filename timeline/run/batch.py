"""Many documents at once: on every core, streaming, in input order.

:func:`analyze_many` is the library's entry point; the command line's corpus
mode (``--jsonl``, or a folder of ``.txt`` files) runs on the same machinery.
Documents go to worker processes in small batches, and only a few batches per
worker are in flight at any time, so memory stays flat however long the corpus
is. Results come back in input order. A document that fails becomes a
:class:`Result` with an ``error`` and the batch goes on. A worker process that
dies (killed for memory, say) costs only the document it was working on, which
is reported with its own id and not retried; the rest go on, and a fresh worker
takes over (see :mod:`timeline.run.pool`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from attrs import frozen

from ..lang import Language, LanguageLike, load_language
from ..model import Document
from ..parse.backends import get_parser
from ..parse.protocol import BackendError, Parser
from .pool import ordered_map, worker_count

__all__ = ["Result", "analyze_many"]


@frozen
class Result:
    """One document's outcome: its ``document``, or the ``error`` that stopped it."""

    id: Any
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def analyze_many(docs: Iterable[Mapping[str, Any]], *, workers: int | None = None,
                 dct: date | datetime | str | None = None,
                 anchors: Mapping[str, date | datetime | str] | None = None,
                 parser: Parser | str = "builtin", language: LanguageLike = "nl") -> Iterator[Result]:
    """Analyze documents ``{"id", "text", "dct"}`` in parallel; results in input order.

    Args:
        docs: mappings with a ``text`` and optionally an ``id`` (default: the
            position, from 0) and a ``dct`` (default: ``dct``, else the dateline).
            Read lazily, a few batches ahead of the workers.
        workers: processes to use, at most one per core; None for every core,
            1 to stay in this process.
        dct, anchors, parser, language: as for :func:`timeline.analyze`. With more
            than one worker, ``parser`` must be a name or an object that can be
            pickled; each worker builds its own.

    A document without text, with a DCT that cannot be read, or that fails in
    any other way yields a :class:`Result` whose ``error`` says why; the others
    go on; so does a document whose worker process dies while on it. A parser
    backend that cannot run at all (a :class:`~timeline.parse.BackendError`)
    stops the batch.

    Raises:
        TypeError: for ``workers`` that is no whole number, ``anchors`` that is
            no mapping, or a parser object that cannot travel to the workers.
        ValueError: for a language the library does not have (or a folder whose
            data does not fit the schema), before any document is read.

    >>> import timeline
    >>> docs = [{"id": "a", "dct": "2017-02-02", "text": "Hij zei donderdag dat het kabinet vrijdag beslist."},
    ...         {"id": "b", "text": "Geen datum."}]
    >>> [(r.id, r.ok) for r in timeline.analyze_many(docs, workers=1)]
    [('a', True), ('b', False)]
    """
    count = worker_count(workers)
    lang = load_language(language)
    if anchors is not None and not isinstance(anchors, Mapping):
        raise TypeError(f"anchors must be a mapping from event words to dates, e.g. "
                        f"{{'inauguratie': '2017-01-20'}}, not {type(anchors).__name__}")
    if not isinstance(parser, str) and count > 1:
        import pickle

        try:
            pickle.dumps(parser)
        except Exception as err:
            raise TypeError(f"a parser object for several workers must pickle ({err}); pass its name, "
                            f"or workers=1") from None
    job = functools.partial(_analyze_one, dct=dct, anchors=dict(anchors or {}), parser=parser, language=lang)
    return ordered_map(job, enumerate(docs), count, failed=_died)


def _died(item: tuple[int, Mapping[str, Any]], reason: str) -> Result:
    number, doc = item
    return Result(doc.get("id", number) if isinstance(doc, Mapping) else number, error=reason)


def _analyze_one(item: tuple[int, Mapping[str, Any]], dct: Any, anchors: Mapping[str, Any],
                 parser: Parser | str, language: Language) -> Result:
    from ..pipeline import analyze

    number, doc = item
    doc_id = doc.get("id", number) if isinstance(doc, Mapping) else number
    try:
        doc_id, text, when = document_fields(doc, number, dct)
        used = worker_parser(parser, language) if isinstance(parser, str) else parser
        return Result(doc_id, analyze(text, when, anchors=anchors, parser=used, language=language))
    except Exception as err:  # failure_reason raises again what is not the document's fault
        return Result(doc_id, error=failure_reason(err))


def document_fields(doc: object, number: int, dct: Any) -> tuple[Any, str, Any]:
    """The id (default: ``number``), text and DCT (default: ``dct``) of a document mapping;
    a TypeError or ValueError saying what is wrong with it."""
    if not isinstance(doc, Mapping):
        raise TypeError(f"a document must be a mapping with a 'text', not {type(doc).__name__}")
    if "text" not in doc:
        raise ValueError("missing \"text\"")
    text = doc["text"]
    if not isinstance(text, str):
        raise ValueError(f"\"text\" must be a string, not {_json_type(text)}")
    return doc.get("id", number), text, doc.get("dct", dct)


def _json_type(value: object) -> str:
    """What a value is, in the words of JSON (where a document usually comes from)."""
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def failure_reason(err: Exception) -> str:
    """Why one document failed, for its error record. A backend that cannot run is the
    set-up's fault, not the document's: it is raised again, to stop the batch."""
    if isinstance(err, BackendError):
        raise err
    if isinstance(err, (ValueError, TypeError)):
        return str(err)
    # A bug of ours must not take the other documents down with it; it is reported, not hidden.
    return f"internal error ({type(err).__name__}: {err}); please report it"


@functools.cache
def worker_parser(name: str, language: Language, model_dir: str | None = None) -> Parser:
    """The parser a name stands for, built once per process (a model loads once per worker)."""
    return get_parser(name, language, model_dir=model_dir)
