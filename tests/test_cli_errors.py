"""Errors on the command line name the option that mends them, never a Python call; the
library's own messages keep the Python wording (issue 17)."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

import timeline
from timeline.advice import ArgumentError, Fix
from timeline.events.anchors import read_anchors
from timeline.run.errors import for_folder, for_line, for_option

from .test_cli import ARTICLE, run

UNDATED = b"Het kabinet beslist vrijdag.\n"
# dct=..., dct='2017-02-02', StanzaParser(model_dir=...), anchors={...}: a Python call's words.
PYTHON = re.compile(r"\b[a-z_]+=(?:\.\.\.|'|\{)|\b[A-Z]\w*\(\w+=")


def assert_worded_for_the_command_line(proc: object, option: str) -> None:
    stderr = proc.stderr  # type: ignore[attr-defined]
    assert proc.returncode == 2, stderr  # type: ignore[attr-defined]
    assert stderr.startswith("timeline: error: ") and stderr.count("\n") == 1, stderr
    assert option in stderr, stderr
    assert not PYTHON.search(stderr), stderr


@pytest.mark.parametrize(("args", "option"), [
    (("analyze", "-"), "--dct 2017-02-02"),  # no DCT and no dateline
    (("recognize", "-"), "--dct 2017-02-02"),
    (("analyze", "-", "--dct", "banaan"), "--dct '3 februari 2017'"),
    (("recognize", "-", "--dct", "2017-02-30"), "--dct 2017-02-02"),
    (("analyze", "-", "--dct", "gisteren"), "--dct 2017-02-02"),
    (("analyze", "-", "--dct", "2017-02-02", "--anchor", "inauguratie=banaan"), "--anchor inauguratie=2017-01-20"),
    (("analyze", "-", "--dct", "2017-02-02", "--anchor", "inauguratie"), "--anchor inauguratie=2017-01-20"),
    (("analyze", "-", "--dct", "2017-02-02", "--model-dir", "/nowhere"), "--parser stanza"),
    (("explain", "donderdag", "--dct", "vorige week"), "--dct 2017-02-02"),
    (("explain", "twee dagen later", "--dct", "2017-02-02", "--reference", "toen"), "--reference"),
])
def test_each_error_names_its_option(args: tuple[str, ...], option: str) -> None:
    assert_worded_for_the_command_line(run(*args, stdin=UNDATED), option)


def test_a_bad_dct_for_a_corpus_is_one_error_before_any_document(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    proc = run("analyze", "--jsonl", str(path), "--dct", "banaan")
    assert_worded_for_the_command_line(proc, "--dct")
    assert proc.stdout == ""


def test_a_missing_stanza_model_names_model_dir(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    proc = run("recognize", "-", "--dct", "2017-02-02", "--parser", "stanza", "--model-dir", str(tmp_path / "none"),
               stdin=UNDATED)
    assert_worded_for_the_command_line(proc, "--model-dir")
    assert "TIMELINE_STANZA_MODEL_DIR" in proc.stderr and 'stanza.download("nl")' in proc.stderr


def test_a_corpus_line_is_told_about_its_own_dct_field(tmp_path: Path) -> None:
    lines = [{"id": "a", "text": "Vrijdag beslist het kabinet."}, {"id": "b", "dct": "banaan", "text": "Vrijdag."}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    proc = run("analyze", "--jsonl", str(path))
    assert proc.returncode == 1
    first, second = (json.loads(x)["error"] for x in proc.stdout.splitlines())
    assert '"dct": "2017-02-02"' in first and "--dct" in first and not PYTHON.search(first)
    assert "'banaan'" in second and '"3 februari 2017"' in second and not PYTHON.search(second)
    assert proc.stderr.count("timeline: line ") == 2


def test_a_file_of_a_folder_is_told_about_the_dct_list(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(UNDATED)
    proc = run("recognize", str(tmp_path))
    assert proc.returncode == 1
    error = json.loads(proc.stdout)["error"]
    assert "dcts.tsv" in error and "--dct 2017-02-02" in error and not PYTHON.search(error)


# --- the library keeps its own words --------------------------------------------------------


def test_the_library_words_the_same_errors_for_python() -> None:
    with pytest.raises(timeline.DctError) as missing:
        timeline.analyze(UNDATED.decode())
    assert str(missing.value).endswith("; pass dct=... (e.g. dct='2017-02-02')")
    with pytest.raises(timeline.DctError, match=r"\(expected e\.g\. 2017-02-02 or '3 februari 2017'\)$"):
        timeline.recognize("vrijdag", dct="banaan")
    with pytest.raises(ValueError, match=r"expected e\.g\. anchors=\{'inauguratie': '2017-01-20'\}"):
        read_anchors({"inauguratie": "banaan"})


def test_the_parts_of_an_error_survive_a_worker_process() -> None:
    with pytest.raises(timeline.DctError) as caught:
        timeline.analyze(UNDATED.decode())
    back = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(back, timeline.DctError) and isinstance(back, ValueError)
    assert (back.problem, back.fix, str(back)) == (caught.value.problem, caught.value.fix, str(caught.value))


def test_one_fix_in_each_wording() -> None:
    err = ArgumentError("no DCT", Fix("dct", ("2017-02-02",)))
    assert str(err) == "no DCT; pass dct=... (e.g. dct='2017-02-02')"
    assert for_option(err) == "no DCT; pass --dct (e.g. --dct 2017-02-02)"
    assert for_line(err) == 'no DCT; pass a "dct" in the line, or --dct (e.g. "dct": "2017-02-02")'
    assert for_folder(err, "dcts.tsv") == "no DCT; pass --dct, or list the file in dcts.tsv (e.g. --dct 2017-02-02)"
    assert for_option(ValueError("plain")) == "plain"
    model = ArgumentError("no model", Fix("model_dir", (), ", or point to one with {option}"))
    assert (str(model), for_option(model)) == ("no model, or point to one with model_dir=...",
                                               "no model, or point to one with --model-dir")
