"""The command line, end to end: output, corpus mode, and clear errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Perschef Sean Spicer zei donderdag dat het kabinet vrijdag beslist.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_recognize_prints_a_table(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run("recognize", str(path), "--dct", "2017-02-02")
    assert proc.returncode == 0, proc.stderr
    assert "donderdag" in proc.stdout and "2017-02-02" in proc.stdout and "2017-02-03" in proc.stdout


def test_recognize_reads_standard_input_and_writes_json() -> None:
    proc = run("recognize", "-", "--dct", "2017-02-02", "--format", "json", stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [(t["text"], t["value"]) for t in out["timexes"]] == [("donderdag", "2017-02-02"), ("vrijdag", "2017-02-03")]
    assert out["dct"] == "2017-02-02" and out["dct_source"] == "argument"


def test_corpus_mode_writes_one_line_per_document(tmp_path: Path) -> None:
    lines = [{"id": "a", "dct": "2017-02-02", "text": "Gisteren vertrok de delegatie."},
             {"id": "b", "dct": "2018-06-03", "text": "Zaterdag won het team met 3-0."}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    proc = run("recognize", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["timexes"][0]["value"] == "2017-02-01"
    assert {"start", "end", "type", "value"} <= set(out[1]["timexes"][0])


def test_explain_shows_rule_meaning_value_and_interval() -> None:
    proc = run("explain", "komende donderdag", "--dct", "2017-02-02")
    assert proc.returncode == 0, proc.stderr
    assert "weekday.directed" in proc.stdout and "2017-02-02" in proc.stdout and "interval" in proc.stdout
    assert "family    weekday\n" in proc.stdout


def test_explain_with_tense_and_reference() -> None:
    assert "2017-01-26" in run("explain", "donderdag", "--dct", "2017-02-01", "--tense", "past").stdout
    assert "2015-03-14" in run("explain", "twee dagen later", "--dct", "2017-02-02", "--reference", "2015-03-12").stdout


def test_no_dct_uses_the_dateline_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Gepubliceerd op 3 februari 2017\n\nHet kabinet beslist vrijdag.\n", encoding="utf-8")
    proc = run("recognize", str(path))
    assert proc.returncode == 0 and "DCT 2017-02-03 (Fri), read from the dateline" in proc.stdout
    bare = tmp_path / "b.txt"
    bare.write_text("Het kabinet beslist vrijdag.\n", encoding="utf-8")
    proc = run("recognize", str(bare))
    assert proc.returncode == 2 and "no DCT given" in proc.stderr


def test_analyze_prints_the_timeline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + "McCain waarschuwde de president.\n", encoding="utf-8")
    proc = run("analyze", str(path), "--dct", "2017-02-02")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines.index(next(x for x in lines if " zei " in x)) < lines.index(next(x for x in lines if "beslist" in x))
    assert lines[0] == "DCT 2017-02-02 (Thu), given by the caller"
    assert "undated, before the DCT" in proc.stdout
    assert "waarschuwde" in proc.stdout.split("undated, before the DCT")[1]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "timeml", "csv"])
def test_analyze_writes_every_format(fmt: str) -> None:
    proc = run("analyze", "-", "--dct", "2017-02-02", "--format", fmt, stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr
    if fmt == "json":
        out = json.loads(proc.stdout)
        assert out["schema"] == "timeline/1" and [e["text"] for e in out["events"]] == ["zei", "beslist"]
    elif fmt == "jsonl":
        out = json.loads(proc.stdout)
        assert [(e["anchor"], e["rank"]) for e in out["events"]] == [("2017-02-02", 0), ("2017-02-03", 1)]
    elif fmt == "timeml":
        import xml.etree.ElementTree as ET

        root = ET.fromstring(proc.stdout.encode())
        assert root.tag == "TimeML" and len(root.findall(".//EVENT")) == 2
    else:
        assert proc.stdout.splitlines()[0].startswith("rank,") and len(proc.stdout.splitlines()) == 3


def test_analyze_takes_user_dated_events() -> None:
    text = "Een week voor zijn inauguratie stelde Trump de sancties in stand.\n"
    proc = run("analyze", "-", "--dct", "2017-02-02", "--format", "jsonl", "--anchor", "inauguratie=2017-01-20",
               stdin=text.encode())
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [t["value"] for t in out["timexes"]] == ["2017-01-13"]


@pytest.mark.parametrize("anchor", ["inauguratie", "=2017-01-20", "inauguratie=banaan"])
def test_analyze_refuses_a_bad_anchor_with_exit_code_2(anchor: str) -> None:
    proc = run("analyze", "-", "--dct", "2017-02-02", "--anchor", anchor, stdin=ARTICLE.encode())
    assert proc.returncode == 2
    assert "error" in proc.stderr and "Traceback" not in proc.stderr


def test_analyze_corpus_mode_writes_the_scorer_lines(tmp_path: Path) -> None:
    lines = [{"id": "a", "dct": "2017-02-02", "text": "Gisteren vertrok de delegatie."},
             {"id": "b", "text": "Geen datum."}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    proc = run("analyze", "--jsonl", str(path))
    assert proc.returncode == 1  # line b has no DCT
    first, second = (json.loads(x) for x in proc.stdout.splitlines())
    assert first["id"] == "a" and first["events"][0]["anchor"] == "2017-02-01"
    assert second["id"] == "b" and "DCT" in second["error"]


def test_analyze_with_a_missing_stanza_model_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    proc = run("analyze", "-", "--dct", "2017-02-02", "--parser", "stanza", "--model-dir", str(tmp_path),
               stdin=ARTICLE.encode())
    assert proc.returncode == 2
    assert 'stanza.download("nl")' in proc.stderr and "Traceback" not in proc.stderr


def test_model_dir_is_only_for_stanza() -> None:
    proc = run("analyze", "-", "--dct", "2017-02-02", "--model-dir", "/tmp", stdin=ARTICLE.encode())
    assert proc.returncode == 2 and "--parser stanza" in proc.stderr


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("items", [[], [{"a": 1, "b": [1, {"c": "é"}]}], [{"x": None}, {"y": [], "z": {}}]])
def test_streamed_json_is_what_json_dumps_writes(indent: int | None, items: list[object]) -> None:
    import io

    from timeline.run.sink import write_json

    head = {"dct": "2017-02-02", "dct_source": "argument"}
    buf = io.StringIO()
    write_json(head, "timexes", items, buf, indent)
    assert buf.getvalue() == json.dumps({**head, "timexes": items}, ensure_ascii=False, indent=indent) + "\n"


def test_a_dct_with_a_time_of_day_from_the_command_line_and_a_corpus(tmp_path: Path) -> None:
    text = "Een kwartier geleden kantelde de boot.\n"
    proc = run("recognize", "-", "--dct", "2013-02-12T04:30", "--format", "json", stdin=text.encode())
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["dct"] == "2013-02-12T04:30" and out["timexes"][0]["value"] == "2013-02-12T04:15"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "dct": "2013-02-12T04:30", "text": text}) + "\n", encoding="utf-8")
    proc = run("analyze", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["timexes"][0]["value"] == "2013-02-12T04:15"
    explained = run("explain", "over een uur", "--dct", "2013-02-12T04:30").stdout
    assert "DCT 2013-02-12T04:30" in explained and "value     2013-02-12T05:30" in explained
