"""Corpora on a Dask cluster: analyze a ``dask.bag`` of documents.

When an archive outgrows one machine, put it on shared storage as JSON Lines
(``{"id", "dct", "text"}`` per line) and let a Dask cluster analyze it; each
worker runs the built-in analyzer on its partitions. Needs the ``dask`` extra
(``pip install 'timeline-nl[dask]'``); nothing here is imported by ``import timeline``.
``docs/corpora.md`` has a worked example.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..lang import Language, LanguageLike, load_language
from ..output.records import document_to_jsonl_line
from .batch import Result, _analyze_one

if TYPE_CHECKING:
    import dask.bag

__all__ = ["analyze_bag", "read_jsonl", "to_record"]


def read_jsonl(paths: str | list[str], blocksize: int | str | None = "64 MiB") -> dask.bag.Bag:
    """A bag of the documents in JSON Lines files (a glob such as ``corpus/*.jsonl`` works).

    A line that is not a JSON object becomes ``{"id": None, "error": ...}``, which
    :func:`analyze_bag` passes through, so one bad line never fails a partition.
    """
    import dask.bag as db

    lines = db.read_text(paths, blocksize=blocksize)  # type: ignore[no-untyped-call]
    bag: dask.bag.Bag = lines.map(_parse_line).filter(lambda doc: doc is not None)
    return bag


def _parse_line(line: str) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        doc = json.loads(line)
    except ValueError as err:
        return {"id": None, "error": f"not JSON: {err}"}
    if not isinstance(doc, dict):
        return {"id": None, "error": "a line must be a JSON object"}
    return doc


def analyze_bag(docs: dask.bag.Bag, *, dct: date | datetime | str | None = None,
                anchors: Mapping[str, date | datetime | str] | None = None,
                documents: bool = False, language: LanguageLike = "nl") -> dask.bag.Bag:
    """Analyze every document of ``docs`` (mappings ``{"id", "dct", "text"}``), lazily.

    Gives, per document and in the bag's order, the scorer's record that
    ``timeline analyze --jsonl`` writes (``{"id", "timexes", "events"}``), or
    ``{"id", "error"}`` for a document that failed; records are plain data, cheap
    to move between workers and ready for ``.map(json.dumps).to_textfiles(...)``.
    With ``documents=True`` it gives :class:`timeline.run.batch.Result` objects with the
    whole :class:`~timeline.model.Document` instead. ``dct`` and ``anchors`` are
    defaults, as for :func:`timeline.analyze_many`; ``language`` as for
    :func:`timeline.analyze` (checked here, and loaded once per worker process).
    """
    job = functools.partial(_partition, dct=dct, anchors=dict(anchors or {}), documents=documents,
                            language=load_language(language))
    bag: dask.bag.Bag = docs.map_partitions(job)  # type: ignore[no-untyped-call]
    return bag


def _partition(docs: Iterable[Any], dct: Any, anchors: Mapping[str, Any], documents: bool,
               language: Language) -> list[Any]:
    return list(_analyze(docs, dct, anchors, documents, language))


def _analyze(docs: Iterable[Any], dct: Any, anchors: Mapping[str, Any], documents: bool,
             language: Language) -> Iterator[Any]:
    for number, doc in enumerate(docs):
        if isinstance(doc, Mapping) and "error" in doc and "text" not in doc:  # a line read_jsonl could not read
            result = Result(doc.get("id"), error=str(doc["error"]))
        else:  # a bag has no global positions: a document without an id keeps id None
            doc = {"id": None, **doc} if isinstance(doc, Mapping) else doc
            result = _analyze_one((number, doc), dct=dct, anchors=anchors, parser="builtin",
                                  language=language)
        yield result if documents else to_record(result)


def to_record(result: Result) -> dict[str, Any]:
    """The JSON-ready record of a result: the scorer's line, or ``{"id", "error"}``."""
    if result.document is None:
        return {"id": result.id, "error": result.error}
    return document_to_jsonl_line(result.document, result.id)
