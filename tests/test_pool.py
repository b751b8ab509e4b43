"""Worker processes: results in input order, and a worker that dies costs exactly the item
it was working on: that item is reported (once, never retried), every other item comes out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.run.pool import BATCH, WorkerError, ordered_map, worker_count

from .workers import POISON, PoisonedParser, die_on_negative

ROOT = str(Path(__file__).resolve().parents[1])


@pytest.fixture(autouse=True)
def importable_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spawned workers import the helpers of :mod:`tests.workers` by name."""
    monkeypatch.syspath_prepend(ROOT)


def test_results_keep_input_order() -> None:
    assert list(ordered_map(abs, range(-50, 0), workers=2, batch=3)) == list(range(50, 0, -1))


def test_a_slow_first_batch_holds_back_the_output_but_not_the_work() -> None:
    # Every batch read ahead finishes while the first is still running; then the first
    # finishes too, and the rest must still be read and run (a run here once hung there).
    script = ("from tests.workers import pause\nfrom timeline.run.pool import ordered_map\n"
              "if __name__ == '__main__':\n"
              "    out = list(ordered_map(pause, [0.5] + [0.0] * 99, workers=2, batch=2))\n"
              "    assert out == [0.5] + [0.0] * 99, out\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("workers", [0, -3])
def test_fewer_than_one_worker_is_refused(workers: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_map(abs, [1], workers=workers))


@pytest.mark.parametrize("workers", ["2", 2.0, True])
def test_a_worker_count_must_be_a_whole_number(workers: object) -> None:
    with pytest.raises(TypeError, match="whole number"):
        worker_count(workers)


def test_workers_are_capped_at_the_cores() -> None:
    assert worker_count(10**20) == worker_count(None) >= 1


def test_an_item_that_kills_its_worker_is_reported_alone_and_the_rest_come_out_in_order() -> None:
    items = [k if k % 7 else -k for k in range(1, 60)]  # every seventh item kills its worker
    out = list(ordered_map(die_on_negative, items, workers=2, batch=4, failed=lambda item, reason: (item, reason)))
    assert len(out) == len(items)
    for item, got in zip(items, out, strict=True):
        if item < 0:
            assert got[0] == item and "worker process died (killed by SIGKILL" in got[1]
        else:
            assert got == -item


def test_a_run_of_killers_does_not_stop_the_others() -> None:
    # Each of them is tried once: a document that kills workers is not retried forever.
    items = [-1] * (3 * BATCH) + [5, 6]
    out = list(ordered_map(die_on_negative, items, workers=2, batch=BATCH, failed=lambda item, reason: None))
    assert out == [None] * (3 * BATCH) + [-5, -6]


def test_without_failed_a_death_is_an_error() -> None:
    with pytest.raises(WorkerError, match="died"):
        list(ordered_map(die_on_negative, [1] * BATCH + [-1], workers=2, batch=BATCH))


def test_what_the_function_raises_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="could not convert"):
        list(ordered_map(float, ["1"] * BATCH + ["één"], workers=2, batch=BATCH))


def test_analyze_many_reports_exactly_the_document_that_killed_its_worker() -> None:
    texts = ["Spicer zei donderdag dat het kabinet vrijdag beslist.", "In december stemde de Kamer in.",
             "Volgend jaar opent het museum weer."]
    docs = [{"id": f"d{k}", "dct": "2017-02-02", "text": texts[k % 3] + (POISON if k in (5, 23) else "")}
            for k in range(40)]
    results = list(timeline.analyze_many(docs, workers=2, parser=PoisonedParser()))
    assert [r.id for r in results] == [d["id"] for d in docs]
    assert [r.id for r in results if not r.ok] == ["d5", "d23"]
    assert all("worker process died" in (r.error or "") for r in results if not r.ok)
    for doc, result in zip(docs, results, strict=True):
        if result.ok:
            assert result.document == timeline.analyze(doc["text"], doc["dct"])
