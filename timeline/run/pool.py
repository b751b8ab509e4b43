"""Worker processes for a stream of items: in input order, in flat memory, and a
worker's death costs only the item it was working on.

``concurrent.futures``' process pool cannot tell which item a dead worker held,
and breaks as a whole when one worker dies. Here each worker has a pipe of its
own, takes one batch at a time and answers item by item, so the main process
always knows which item each worker is on. When a worker dies (killed for
memory, say), that one item is reported as failed and not retried (what killed
one worker would kill the next), the rest of its batch goes to another worker,
and a fresh process takes the dead one's place; the other workers never notice.

Workers ignore Ctrl-C, which reaches every process of a terminal's foreground
group: the main process alone handles it, and stops them. They die with the
main process, however it ends (on Linux by the parent-death signal; elsewhere
they look every second whether it is still there).
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from attrs import define, frozen

__all__ = ["WorkerError", "cores", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

BATCH = 8  # items per task: enough to amortize the trip to a worker, few enough to keep order cheap
IN_FLIGHT = 3  # batches per worker read ahead of the output: how far a slow item may hold the rest back
_START_FAILURES = 3  # workers in a row that die before they are ready: the pool gives up


class WorkerError(RuntimeError):
    """Worker processes cannot run at all, or one died and no ``failed`` was given to report it."""


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(workers: object) -> int:
    """``workers`` checked, and capped at the cores: more processes would only compete for them."""
    if workers is None:
        return cores()
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be a whole number or None, not {workers!r}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return min(workers, cores())


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None,
                batch: int = BATCH, failed: Callable[[T, str], R] | None = None) -> Iterator[R]:
    """``map(fn, items)`` on up to ``workers`` processes (default: every core), lazily and in order.

    ``fn`` must be picklable (a module-level function, or a ``functools.partial``
    of one); what it raises is raised here. When a worker dies while it works
    on an item, that item becomes ``failed(item, reason)`` (without ``failed``,
    a :class:`WorkerError` is raised) and every other item comes out as usual.
    Processes start only as there is work for them, so a short input never
    starts more than it needs; one batch or less runs in this process.
    """
    count = worker_count(workers)
    if count == 1:
        yield from map(fn, items)
        return
    chunks = _batched(items, batch)
    first = next(chunks, [])
    second = next(chunks, None)
    if second is None:  # a single batch: not worth starting processes for
        yield from map(fn, first)
        return
    pool: _Pool[T, R] = _Pool(fn, count, failed)
    try:
        yield from pool.run(itertools.chain([first, second], chunks))
    finally:
        pool.close()


@frozen
class _Task(Generic[T]):
    """Items of batch ``seq``, the first of them at position ``offset`` in it."""

    seq: int
    offset: int
    items: list[T]


@define(eq=False)
class _Worker(Generic[T]):
    process: Any  # multiprocessing's SpawnProcess
    conn: Connection
    ready: bool = False
    task: _Task[T] | None = None
    done: int = 0  # items of the task answered so far


class _Pool(Generic[T, R]):
    def __init__(self, fn: Callable[[T], R], size: int, failed: Callable[[T, str], R] | None) -> None:
        import multiprocessing  # only now: most calls never start a process

        # spawn, not fork: a forked child would inherit the parent's threads' locks
        # (a progress bar's, a server connection's) in whatever state they were.
        self._context = multiprocessing.get_context("spawn")
        self._fn, self._size, self._failed = fn, size, failed
        self._workers: list[_Worker[T]] = []
        self._waiting: deque[_Task[T]] = deque()
        self._results: dict[int, list[R]] = {}
        self._sizes: dict[int, int] = {}
        self._start_failures = 0

    def run(self, chunks: Iterator[list[T]]) -> Iterator[R]:
        head = issued = 0
        exhausted = False
        while True:
            while not exhausted and issued - head < IN_FLIGHT * self._size:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                self._results[issued], self._sizes[issued] = [], len(chunk)
                self._waiting.append(_Task(issued, 0, chunk))
                issued += 1
            if head < issued and len(self._results[head]) == self._sizes[head]:
                del self._sizes[head]
                yield from self._results.pop(head)
                head += 1
                continue  # room to read ahead again
            if exhausted and head == issued:
                return
            self._dispatch()
            self._collect()

    def _dispatch(self) -> None:
        """Hand waiting tasks to idle workers, starting workers while there is work and room."""
        for worker in self._workers:
            if self._waiting and worker.ready and worker.task is None:
                task = self._waiting.popleft()
                try:
                    worker.conn.send(task.items)
                except OSError:  # it died idle: it held nothing; the next round replaces it
                    self._waiting.appendleft(task)
                    continue
                worker.task, worker.done = task, 0
        starting = sum(not w.ready for w in self._workers)
        while len(self._workers) < self._size and len(self._waiting) > starting:
            self._workers.append(self._start())
            starting += 1

    def _start(self) -> _Worker[T]:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self._fn, os.getpid()), daemon=True)
        # A child started while SIGINT is ignored keeps ignoring it from its first instruction
        # (Python leaves an inherited SIG_IGN alone), so Ctrl-C never shows a worker's traceback.
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
        try:
            process.start()
        finally:
            if main_thread:
                signal.signal(signal.SIGINT, previous)
        theirs.close()
        return _Worker(process, ours)

    def _collect(self) -> None:
        """Wait for any worker to answer or die, and take in what it says."""
        by_handle: dict[Any, _Worker[T]] = {}
        for w in self._workers:
            by_handle[w.conn] = by_handle[w.process.sentinel] = w
        for handle in wait(list(by_handle)):
            worker = by_handle[handle]
            if worker in self._workers:
                self._read(worker)

    def _read(self, worker: _Worker[T]) -> None:
        while True:
            try:
                if not worker.conn.poll():
                    if worker.process.is_alive():
                        return
                    raise EOFError
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                self._bury(worker)
                return
            if kind == "ready":
                worker.ready, self._start_failures = True, 0
            elif kind == "raised":
                raise value
            else:
                task = worker.task
                assert task is not None
                self._results[task.seq].append(value)
                worker.done += 1
                if worker.done == len(task.items):
                    worker.task = None

    def _bury(self, worker: _Worker[T]) -> None:
        """A worker has died: fail the item it was on, requeue the rest of its batch."""
        self._workers.remove(worker)
        worker.conn.close()
        worker.process.join(5)
        how = _how_it_ended(worker.process.exitcode)
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= _START_FAILURES:
                raise WorkerError(f"worker processes die before they can take any work ({how})")
        task = worker.task
        if task is None:
            return
        guilty = task.items[worker.done]
        reason = f"a worker process died ({how}) while it worked on this document"
        if self._failed is None:
            raise WorkerError(reason)
        self._results[task.seq].append(self._failed(guilty, reason))
        rest = task.items[worker.done + 1:]
        if rest:
            self._waiting.appendleft(_Task(task.seq, task.offset + worker.done + 1, rest))

    def close(self) -> None:
        """Stop every worker: an idle one ends when its pipe closes, a busy one is killed."""
        for worker in self._workers:
            if worker.task is not None or not worker.ready:
                worker.process.kill()
            worker.conn.close()
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._workers.clear()


def _how_it_ended(code: int | None) -> str:
    if code is None:
        return "it did not exit"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + (", as when memory runs out" if -code == signal.SIGKILL else "")
    return f"exit status {code}"


def _serve(conn: Connection, fn: Callable[[Any], Any], parent: int) -> None:
    """A worker's life: say it is ready, then answer each item of each batch until the pipe closes."""
    _die_with(parent)
    conn.send(("ready", None))
    while True:
        try:
            items = conn.recv()
        except (EOFError, OSError):
            return
        for item in items:
            try:
                answer = ("result", fn(item))
            except Exception as err:  # raised again in the main process
                answer = ("raised", err)
            try:
                conn.send(answer)
            except Exception as err:  # the result or the error cannot be pickled
                conn.send(("raised", WorkerError(f"a worker could not send back its result: {err!r}")))


def _die_with(parent: int) -> None:
    """Make this process end when ``parent`` does, even when ``parent`` is killed outright."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            _watch(parent)
    else:
        _watch(parent)
    if os.getppid() != parent:  # it died before the signal was set up
        os._exit(1)


def _watch(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
