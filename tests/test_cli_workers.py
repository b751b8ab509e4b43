"""Corpus mode on several worker processes, as the operating system treats it: a worker
killed mid-run costs exactly its document, and no worker outlives the run, however the
run ends (SIGTERM, SIGKILL, Ctrl-C)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.output import document_to_jsonl_line

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")

# Long documents (~0.2 s each), so that a worker is caught working on one, not between two.
TEXTS = ["Spicer zei donderdag dat het kabinet vrijdag beslist. " * 1500,
         "In december stemde de Kamer in met het plan; volgend jaar gaat het in. " * 1100,
         "Twee dagen later legde de minister de sancties op. " * 1500]


def write_corpus(path: Path, n: int) -> list[dict[str, Any]]:
    docs = [{"id": f"doc-{k}", "dct": "2017-02-02", "text": TEXTS[k % len(TEXTS)]} for k in range(n)]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs


def children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def workers(pid: int) -> list[int]:
    """The worker processes of a corpus run (not multiprocessing's resource tracker)."""
    found = []
    for child in children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            pass
    return found


def state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def alive(pids: list[int]) -> list[int]:
    return [p for p in pids if state(p) not in ("gone", "Z")]


def start(path: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "timeline", "analyze", "--jsonl", str(path), "--workers", "2",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def wait_for(condition: Any, seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_a_worker_killed_mid_run_costs_exactly_the_document_it_held(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "in.jsonl", 40)
    proc = start(tmp_path / "in.jsonl")
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or ()))
    reader.start()
    wait_for(lambda: len(lines) >= 4)
    busy = wait_for(lambda: [w for w in workers(proc.pid) if state(w) == "R"])
    os.kill(busy[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    reader.join(120)
    assert proc.wait(30) == 1
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [d["id"] for d in docs], "every document, in input order, with its own id"
    failed = [r for r in records if "error" in r]
    assert len(failed) == 1 and "worker process died (killed by SIGKILL" in failed[0]["error"]
    stderr = (proc.stderr.read() if proc.stderr else b"").decode()
    assert "Traceback" not in stderr and stderr.count("timeline: line") == 1
    expected = {text: document_to_jsonl_line(timeline.analyze(text, "2017-02-02"), "") for text in TEXTS}
    for doc, record in zip(docs, records, strict=True):
        if "error" not in record:
            assert record == {**expected[doc["text"]], "id": doc["id"]}


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_no_worker_outlives_the_run(tmp_path: Path, how: signal.Signals) -> None:
    write_corpus(tmp_path / "in.jsonl", 60)
    proc = start(tmp_path / "in.jsonl")
    running = wait_for(lambda: len(workers(proc.pid)) == 2 and workers(proc.pid))
    helpers = children(proc.pid)
    os.kill(proc.pid, how)
    assert proc.wait(30) == (143 if how is signal.SIGTERM else -signal.SIGKILL)
    wait_for(lambda: not alive(running + helpers), seconds=10)
    assert b"Traceback" not in (proc.stderr.read() if proc.stderr else b"")


def test_ctrl_c_stops_the_run_quietly(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 60)
    proc = start(tmp_path / "in.jsonl", start_new_session=True)
    running = wait_for(lambda: len(workers(proc.pid)) == 2 and workers(proc.pid))
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches every process of the group
    assert proc.wait(30) == 130
    wait_for(lambda: not alive(running), seconds=10)
    assert (proc.stderr.read() if proc.stderr else b"") == b""
