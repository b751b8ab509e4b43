"""Batches: analyze_many and the command line's corpus mode on several processes give the
same results, in input order, as one document at a time; bad documents fail alone; input is
read lazily; a folder of .txt files is a corpus too."""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.output import document_to_jsonl_line
from timeline.run.pool import BATCH, IN_FLIGHT

from .test_cli import run

TEXTS = ["Spicer zei donderdag dat het kabinet vrijdag beslist.", "Gisteren vertrok de delegatie naar Parijs.",
         "De markt wordt elke maandag gehouden.", "In december stemde de Kamer in met het plan.",
         "Twee dagen later legde de minister de sancties op.", "Volgend jaar opent het museum weer."]


def corpus(n: int) -> list[dict[str, Any]]:
    return [{"id": f"d{k}", "dct": f"2017-02-{k % 27 + 1:02d}", "text": TEXTS[k % len(TEXTS)]} for k in range(n)]


@pytest.mark.parametrize("workers", [1, 2])
def test_analyze_many_equals_analyze_one_by_one_in_input_order(workers: int) -> None:
    docs = corpus(40)
    results = list(timeline.analyze_many(docs, workers=workers))
    assert [r.id for r in results] == [d["id"] for d in docs]
    for doc, result in zip(docs, results, strict=True):
        assert result.ok and result.document == timeline.analyze(doc["text"], doc["dct"])


def test_a_bad_document_fails_alone() -> None:
    docs: list[Any] = [*corpus(3), {"id": "no-text"}, {"id": "bad-dct", "dct": "gisteren", "text": "x"},
                       "not a mapping", {"text": "Geen datum."}, *corpus(2)]
    results = list(timeline.analyze_many(docs, workers=2))
    assert [r.ok for r in results] == [True] * 3 + [False] * 4 + [True] * 2
    assert [r.id for r in results][3:7] == ["no-text", "bad-dct", 5, 6]
    assert "'gisteren'" in (results[4].error or "") and "mapping" in (results[5].error or "")


def test_defaults_apply_to_documents_that_lack_them() -> None:
    (result,) = timeline.analyze_many([{"text": "Een week voor de inauguratie zei hij het."}], workers=1,
                                      dct="2017-02-02", anchors={"inauguratie": "2017-01-20"})
    assert result.id == 0 and result.document is not None
    assert [t.value for t in result.document.timexes] == ["2017-01-13"]


def test_input_is_read_lazily_a_few_batches_ahead() -> None:
    taken = itertools.count()

    def docs() -> Iterator[dict[str, Any]]:
        for doc in itertools.cycle(corpus(6)):
            next(taken)
            yield doc

    results = timeline.analyze_many(docs(), workers=2)
    first = next(results)
    assert first.ok
    ahead = next(taken)
    assert ahead <= (IN_FLIGHT * 2 + 2) * BATCH, f"read {ahead} documents to give back one"
    results.close()  # stops the workers


# --- the command line ------------------------------------------------------------------------


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["analyze", "recognize"])
def test_worker_counts_give_byte_identical_output(tmp_path: Path, command: str) -> None:
    docs = corpus(60)
    docs[7] = {"id": "broken", "text": 5}
    path = write_jsonl(tmp_path / "in.jsonl", docs)
    outputs = {}
    for workers in ("1", "2", "3"):
        proc = run(command, "--jsonl", str(path), "--workers", workers)
        assert proc.returncode == 1 and proc.stderr.count("timeline: line 8:") == 1
        outputs[workers] = proc.stdout
    assert len(set(outputs.values())) == 1
    lines = [json.loads(x) for x in outputs["1"].splitlines()]
    assert [x["id"] for x in lines] == [d["id"] for d in docs]
    if command == "analyze":
        assert lines[0] == document_to_jsonl_line(timeline.analyze(docs[0]["text"], docs[0]["dct"]), "d0")


def test_a_folder_of_text_files_is_a_corpus_with_dcts_from_a_sidecar(tmp_path: Path) -> None:
    folder = tmp_path / "archief"
    (folder / "2017").mkdir(parents=True)
    (folder / "2017" / "b.txt").write_text("Het kabinet beslist vrijdag.", encoding="utf-8")
    (folder / "a.txt").write_text("Gepubliceerd op 3 februari 2017\n\nHet kabinet beslist vrijdag.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"caf\xe9 vrijdag")
    (folder / "d.txt").write_text("Het kabinet beslist vrijdag.", encoding="utf-8")
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    (folder / "dcts.tsv").write_text("# file\tDCT\n2017/b.txt\t2017-02-02\nc.txt\t2017-02-02\n", encoding="utf-8")
    proc = run("recognize", str(folder), "--quiet")
    assert proc.returncode == 1, proc.stderr
    out = {x["id"]: x for x in map(json.loads, proc.stdout.splitlines())}
    assert list(out) == ["2017/b.txt", "a.txt", "c.txt", "d.txt"]
    assert out["2017/b.txt"]["timexes"][0]["value"] == "2017-02-03"  # DCT from the sidecar
    assert out["a.txt"]["dct_source"] == "dateline"
    assert "byte 3" in out["c.txt"]["error"] and "c.txt" in proc.stderr
    assert "no DCT" in out["d.txt"]["error"]
    with_default = run("recognize", str(folder), "--dct", "2017-02-09")
    assert json.loads(with_default.stdout.splitlines()[3])["timexes"][0]["value"] == "2017-02-10"


def test_a_malformed_sidecar_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("vrijdag", encoding="utf-8")
    (tmp_path / "dcts.tsv").write_text("a.txt 2017-02-02\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path))
    assert proc.returncode == 2 and "dcts.tsv, line 1" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("workers", ["0", "-1", "twee"])
def test_a_bad_worker_count_is_a_usage_error(tmp_path: Path, workers: str) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", corpus(2))
    proc = run("analyze", "--jsonl", str(path), "--workers", workers)
    assert proc.returncode == 2 and "at least 1" in proc.stderr


def run_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; its exit code and what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real terminal has a size
    proc = subprocess.Popen([sys.executable, "-m", "timeline", *args], stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed: the program has ended
            break
        if not data:
            break
        shown += data
    os.close(leader)
    return proc.wait(), shown.decode(errors="replace")


def test_a_progress_bar_shows_on_a_terminal_unless_quiet(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", corpus(30))
    code, shown = run_on_a_terminal("analyze", "--jsonl", str(path), "--workers", "1")
    assert code == 0 and "30" in shown and "docs" in shown
    code, shown = run_on_a_terminal("analyze", "--jsonl", str(path), "--workers", "1", "--quiet")
    assert code == 0 and shown == ""
    assert run("analyze", "--jsonl", str(path)).stderr == "", "no bar when stderr is not a terminal"


def test_a_parser_object_that_cannot_travel_to_workers_is_refused_up_front() -> None:
    class Local:  # defined in a function: pickle cannot find it by name
        def parse(self, text: str) -> tuple[timeline.Sentence, ...]:
            return ()

    with pytest.raises(TypeError, match="must pickle"):
        timeline.analyze_many(corpus(2), workers=2, parser=Local())
    (result,) = timeline.analyze_many(corpus(1), workers=1, parser=Local())
    assert result.ok and result.document is not None and result.document.events == ()


@pytest.mark.parametrize("anchors", [["inauguratie=2017-01-20"], "inauguratie=2017-01-20"])
def test_anchors_that_are_no_mapping_are_refused_clearly(anchors: Any) -> None:
    with pytest.raises(TypeError, match="mapping from event words to dates"):
        timeline.analyze("Na de inauguratie zei hij het.", dct="2017-02-02", anchors=anchors)
    with pytest.raises(TypeError, match="mapping from event words to dates"):
        timeline.analyze_many(corpus(2), workers=1, anchors=anchors)


@pytest.mark.parametrize("workers", ["2", 2.5, True])
def test_a_worker_count_that_is_no_whole_number_is_refused_at_the_call(workers: Any) -> None:
    with pytest.raises(TypeError, match="whole number"):
        timeline.analyze_many(corpus(2), workers=workers)
