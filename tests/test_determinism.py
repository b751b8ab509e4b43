"""The same input gives byte-identical output: across runs, across string-hash seeds
(sets and dicts of words must never decide an order), and in corpus mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.output import document_to_dict, document_to_jsonl_line, document_to_timeml

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "artikel.txt"
SEEDS = ("0", "1", "4242")


def run(args: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("args", [
    ["analyze", str(ARTICLE), "--format", "json"],
    ["analyze", str(ARTICLE), "--format", "timeml"],
    ["analyze", str(ARTICLE), "--format", "csv"],
    ["analyze", str(ARTICLE), "--format", "table"],
    ["analyze", str(ARTICLE), "--format", "html"],
    ["recognize", str(ARTICLE), "--format", "json"],
], ids=["json", "timeml", "csv", "table", "html", "recognize"])
def test_output_is_byte_identical_whatever_the_hash_seed(args: list[str]) -> None:
    outputs = {run(args, seed) for seed in SEEDS}
    assert len(outputs) == 1


def test_a_corpus_gives_the_same_bytes_as_its_documents_one_by_one(tmp_path: Path) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": k, "dct": "2017-03-10", "text": p}, ensure_ascii=False) + "\n"
                              for k, p in enumerate(paragraphs)), encoding="utf-8")
    first, second = (run(["analyze", "--jsonl", str(corpus)], seed) for seed in SEEDS[:2])
    assert first == second
    lines = first.decode("utf-8").splitlines()
    assert len(lines) == len(paragraphs)
    for k, (line, paragraph) in enumerate(zip(lines, paragraphs, strict=True)):
        alone = timeline.analyze(paragraph, dct="2017-03-10")
        assert json.loads(line) == document_to_jsonl_line(alone, k)


def test_analyzing_twice_in_one_process_gives_equal_documents() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    first, second = timeline.analyze(text), timeline.analyze(text)
    assert first == second
    assert document_to_timeml(first) == document_to_timeml(second)
    assert json.dumps(document_to_dict(first)) == json.dumps(document_to_dict(second))
