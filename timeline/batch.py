"""Many documents at once: on every core, streaming, in input order.

:func:`analyze_many` is the library's entry point; the command line's corpus
mode (``--jsonl``, or a folder of ``.txt`` files) runs on the same machinery.
Documents go to worker processes in small batches, and only a few batches per
worker are in flight at any time, so memory stays flat however long the corpus
is. Results come back in input order. A document that fails becomes a
:class:`Result` with an ``error`` and the batch goes on; only a worker that dies
(killed for memory, say) costs the documents it held, each then reported as
failed, and a fresh worker takes over.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from datetime import date, datetime
from typing import Any, TypeVar

from attrs import frozen

from .backends import BackendError
from .model import Document
from .parsing import Parser

__all__ = ["Result", "analyze_many", "cores", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

BATCH = 8  # documents per task: enough to amortize the trip to a worker, few enough to keep order cheap
IN_FLIGHT = 3  # tasks per worker queued ahead


@frozen
class Result:
    """One document's outcome: its ``document``, or the ``error`` that stopped it."""

    id: Any
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyze_many(docs: Iterable[Mapping[str, Any]], *, workers: int | None = None,
                 dct: date | datetime | str | None = None,
                 anchors: Mapping[str, date | datetime | str] | None = None,
                 parser: Parser | str = "builtin") -> Iterator[Result]:
    """Analyze documents ``{"id", "text", "dct"}`` in parallel; results in input order.

    Args:
        docs: mappings with a ``text`` and optionally an ``id`` (default: the
            position, from 0) and a ``dct`` (default: ``dct``, else the dateline).
            Read lazily, a few batches ahead of the workers.
        workers: processes to use; None for every core, 1 to stay in this process.
        dct, anchors, parser: as for :func:`timeline.analyze`. With more than one
            worker, ``parser`` must be a name or an object that can be pickled;
            each worker builds its own.

    A document without text, with a DCT that cannot be read, or that fails in
    any other way yields a :class:`Result` whose ``error`` says why; the others
    go on. A parser backend that cannot run at all (a
    :class:`~timeline.backends.BackendError`) stops the batch.

    >>> import timeline
    >>> docs = [{"id": "a", "dct": "2017-02-02", "text": "Hij zei donderdag dat het kabinet vrijdag beslist."},
    ...         {"id": "b", "text": "Geen datum."}]
    >>> [(r.id, r.ok) for r in timeline.analyze_many(docs, workers=1)]
    [('a', True), ('b', False)]
    """
    if not isinstance(parser, str) and (workers is None or workers > 1):
        import pickle

        try:
            pickle.dumps(parser)
        except Exception as err:
            raise TypeError(f"a parser object for several workers must pickle ({err}); pass its name, "
                            f"or workers=1") from None
    job = functools.partial(_analyze_one, dct=dct, anchors=dict(anchors or {}), parser=parser)
    return ordered_map(job, enumerate(docs), workers)


def _analyze_one(item: tuple[int, Mapping[str, Any]], dct: Any, anchors: Mapping[str, Any],
                 parser: Parser | str) -> Result:
    from .analyze import analyze

    number, doc = item
    doc_id = doc.get("id", number) if isinstance(doc, Mapping) else number
    try:
        doc_id, text, when = document_fields(doc, number, dct)
        used = worker_parser(parser) if isinstance(parser, str) else parser
        return Result(doc_id, analyze(text, when, anchors=anchors, parser=used))
    except Exception as err:  # failure_reason raises again what is not the document's fault
        return Result(doc_id, error=failure_reason(err))


def document_fields(doc: object, number: int, dct: Any) -> tuple[Any, str, Any]:
    """The id (default: ``number``), text and DCT (default: ``dct``) of a document mapping;
    a TypeError or ValueError saying what is wrong with it."""
    if not isinstance(doc, Mapping):
        raise TypeError(f"a document must be a mapping with a 'text', not {type(doc).__name__}")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError("missing \"text\"")
    return doc.get("id", number), text, doc.get("dct", dct)


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
def worker_parser(name: str, model_dir: str | None = None) -> Parser:
    """The parser a name stands for, built once per process (a model loads once per worker)."""
    from .analyze import get_parser

    if model_dir is not None:
        from .backends.stanza import StanzaParser

        return StanzaParser(model_dir=model_dir)
    return get_parser(name)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None,
                batch: int = BATCH, failed: Callable[[T, str], R] | None = None) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` processes, lazily and in order.

    ``fn`` must be picklable (a module-level function or a ``functools.partial``
    of one) and should not raise. When a worker process dies, each item it held
    becomes ``failed(item, reason)`` (or the error is raised, without ``failed``)
    and a new pool takes over.
    """
    workers = cores() if workers is None else workers
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        yield from map(fn, items)
        return
    chunks = _batched(items, batch)
    first = next(chunks, [])
    second = next(chunks, None)
    if second is None:  # a single batch: not worth starting processes for
        yield from map(fn, first)
        return
    chunks = itertools.chain([first, second], chunks)
    import multiprocessing  # only now: most calls never start a process
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: a forked child would inherit the parent's threads' locks
    # (a progress bar's, a server connection's) in whatever state they were.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    try:
        while True:
            while len(pending) < IN_FLIGHT * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_run_batch, fn, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                if failed is None:
                    raise
                reason = "a worker process died (killed for memory, or crashed) while it held this document"
                results = [failed(item, reason) for item in chunk]
                # Every task still queued died with the pool: run them again on a new one.
                requeue = [c for c, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(workers, mp_context=context)
                pending.extend((c, pool.submit(_run_batch, fn, c)) for c in requeue)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_batch(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
