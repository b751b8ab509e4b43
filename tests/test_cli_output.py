"""What the command line writes (issue 17): --version, explain --format, recognize with each
parser, a corpus in every format (files in --output-dir), the DCT on top of both tables, and
the CSV's inclusive last day against JSON's exclusive end."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.run import cli, commands, formats
from timeline.run.sink import OutputFolder, file_stem

from .test_cli import run

ROOT = Path(__file__).resolve().parents[1]
# Past tense for the first donderdag, present for the second: from Wednesday 2017-02-01 the
# first is the one before, the second the one after.
TENSED = "Het kabinet besloot donderdag over de belasting. De Kamer stemt donderdag.\n"
DOCS = [{"id": "nieuws1", "dct": "2017-02-02",
         "text": "Het kabinet heeft donderdag besloten. Vorige week zei hij dat."},
        {"id": "nieuws2", "dct": "2017-03-15", "text": "Nederland kiest woensdag een nieuwe Kamer."}]


def corpus(tmp_path: Path, docs: list[dict[str, Any]] = DOCS) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in stdout.splitlines()]


# --- --version -------------------------------------------------------------------------------


def test_version_names_the_distribution_and_agrees_with_pyproject() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    proc = run("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{declared['name']} {declared['version']}\n" == f"timeline-nl {timeline.__version__}\n"


def test_version_without_installed_metadata_is_the_package_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert cli.version() == f"timeline-nl {timeline.__version__}"


# --- explain --format ------------------------------------------------------------------------


def test_explain_takes_format_like_the_other_commands() -> None:
    text = run("explain", "twee dagen later", "--dct", "2017-02-02", "--reference", "2015-03-12")
    assert text.returncode == 0 and "value     2015-03-14\n" in text.stdout
    proc = run("explain", "twee dagen later", "--dct", "2017-02-02", "--reference", "2015-03-12", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["dct"], out["reference"]) == ("2017-02-02", "2015-03-12")
    (t,) = out["timexes"]
    assert (t["value"], t["rule"], t["family"]) == ("2015-03-14", "anaphora.later", "anaphoric")
    assert t["meaning"].startswith("Relative(")
    assert run("explain", "donderdag", "--dct", "2017-02-02", "--json").returncode == 2  # the old flag is gone
    assert "--format {text,json}" in run("explain", "--help").stdout


# --- recognize --parser ----------------------------------------------------------------------

PARSERS = [
    "builtin",
    pytest.param("stanza", marks=pytest.mark.skipif(
        not os.environ.get("TIMELINE_STANZA_MODEL_DIR"), reason="set TIMELINE_STANZA_MODEL_DIR to a stanza model")),
    pytest.param("frog", marks=pytest.mark.skipif(
        shutil.which("frog") is None, reason="Frog is not installed (apt-get install frog frogdata)")),
]


@pytest.mark.parametrize("parser", PARSERS)
def test_recognize_with_each_parser_resolves_as_analyze_does(parser: str) -> None:
    if parser == "stanza":
        pytest.importorskip("stanza")
    args = ("-", "--dct", "2017-02-01", "--parser", parser)
    recognized = run("recognize", *args, "--format", "json", stdin=TENSED.encode())
    analyzed = run("analyze", *args, "--format", "json", stdin=TENSED.encode())
    assert recognized.returncode == analyzed.returncode == 0, recognized.stderr + analyzed.stderr
    seen = [(t["value"], t["tense"]) for t in json.loads(recognized.stdout)["timexes"]]
    assert seen == [(t["value"], t["tense"]) for t in json.loads(analyzed.stdout)["timexes"]]
    assert seen == [("2017-01-26", "past"), ("2017-02-02", "present")]


def test_recognize_builds_the_parser_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = commands.get_parser

    def recording(name: Any, language: Any, **kwargs: Any) -> Any:
        asked.append(name)
        return real("builtin", language)

    monkeypatch.setattr(commands, "get_parser", recording)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TENSED.encode())))
    assert cli.main(["recognize", "-", "--dct", "2017-02-01", "--parser", "frog", "--format", "json"]) == 0
    assert asked == ["frog"]


# --- the DCT on top of both tables -----------------------------------------------------------


def test_both_tables_name_the_dct_and_its_source_alike(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Gepubliceerd op 3 februari 2017\n\nHet kabinet beslist vrijdag.\n", encoding="utf-8")
    for args, first in [((), "DCT 2017-02-03 (Fri), read from the dateline"),
                        (("--dct", "2017-02-02"), "DCT 2017-02-02 (Thu), given by the caller")]:
        tables = [run(command, str(path), *args).stdout.splitlines()[0] for command in ("analyze", "recognize")]
        assert tables == [first, first]


# --- a corpus in every format ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "timeml", "csv", "html"])
def test_a_corpus_refuses_a_format_of_files_without_an_output_dir(tmp_path: Path, fmt: str) -> None:
    proc = run("analyze", "--jsonl", corpus(tmp_path), "--format", fmt)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"timeline: error: --format {fmt} ") and "--output-dir DIR" in proc.stderr


def test_a_corpus_as_json_is_the_whole_schema_a_line(tmp_path: Path) -> None:
    proc = run("analyze", "--jsonl", corpus(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = lines(proc.stdout)
    assert [(o["id"], o["schema"], o["dct"]) for o in out] == [("nieuws1", "timeline/1", "2017-02-02"),
                                                              ("nieuws2", "timeline/1", "2017-03-15")]
    assert "events" in out[0] and "links" in out[0]


def check_file(fmt: str, text: str) -> None:
    """The file holds what the format says."""
    if fmt == "table":
        assert text.startswith("DCT 2017-02-02 (Thu), given by the caller\nwhen ")
    elif fmt == "timeml":
        assert ET.fromstring(text.encode()).tag == "TimeML"
    elif fmt == "csv":
        assert text.startswith("rank,anchor,start_date,last_date,")
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "nieuws1" in text
    elif fmt == "json":
        assert json.loads(text)["schema"] == "timeline/1"
    elif fmt == "jsonl":
        assert json.loads(text)["id"] == "nieuws1"
    else:  # a format added since: its own tests say what it holds
        assert text.strip()


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_a_corpus_with_an_output_dir_writes_a_file_per_document(tmp_path: Path, fmt: str) -> None:
    out_dir = tmp_path / "out"
    proc = run("analyze", "--jsonl", corpus(tmp_path), "--format", fmt, "--output-dir", str(out_dir))
    assert proc.returncode == 0, proc.stderr
    extension = formats.EXTENSIONS.get(fmt, fmt)
    assert lines(proc.stdout) == [{"id": d["id"], "file": str(out_dir / f"{d['id']}.{extension}")} for d in DOCS]
    assert sorted(p.name for p in out_dir.iterdir()) == [f"nieuws1.{extension}", f"nieuws2.{extension}"]
    check_file(fmt, (out_dir / f"nieuws1.{extension}").read_text(encoding="utf-8"))


def test_recognize_a_folder_into_tables(tmp_path: Path) -> None:
    (tmp_path / "in" / "2017").mkdir(parents=True)
    (tmp_path / "in" / "2017" / "a.txt").write_text("Gepubliceerd op 3 februari 2017\n\nVrijdag.\n", encoding="utf-8")
    (tmp_path / "in" / "2017" / "b.txt").write_text("Donderdag.\n", encoding="utf-8")
    proc = run("recognize", str(tmp_path / "in"), "--format", "table", "--output-dir", str(tmp_path / "out"))
    assert proc.returncode == 1  # b.txt has no DCT
    first, second = lines(proc.stdout)
    assert first == {"id": "2017/a.txt", "file": str(tmp_path / "out" / "2017_a.txt")}
    assert second["id"] == "2017/b.txt" and "error" in second
    assert (tmp_path / "out" / "2017_a.txt").read_text(encoding="utf-8").startswith("DCT 2017-02-03 (Fri)")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["2017_a.txt"]


def test_file_names_are_safe_and_unique(tmp_path: Path) -> None:
    ids = ["../../etc/passwd", "a/b", "a_b", "A_B", 7, "7", "", "CON", ".hidden", "é-x", "x" * 300, None]
    folder = OutputFolder(str(tmp_path), "html")
    paths = [Path(folder.write(i, "x")) for i in ids]
    assert all(p.parent == tmp_path for p in paths)
    assert [p.name for p in paths[:10]] == ["_.._etc_passwd.html", "a_b.html", "a_b-2.html", "A_B-3.html", "7.html",
                                            "7-2.html", "document.html", "_CON.html", "hidden.html", "é-x.html"]
    assert len(paths[10].name) == 105 and paths[11].name == "null.html"
    assert len({p.name.casefold() for p in paths}) == len(ids) == len(list(tmp_path.iterdir()))
    assert file_stem("sub/a.txt") == "sub_a"


def test_an_output_dir_is_never_overwritten_unasked(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "nieuws1.html").write_text("old", encoding="utf-8")
    args = ("analyze", "--jsonl", corpus(tmp_path), "--format", "html", "--output-dir", str(out_dir))
    proc = run(*args)
    assert proc.returncode == 2 and "not empty" in proc.stderr and "--overwrite" in proc.stderr
    assert (out_dir / "nieuws1.html").read_text(encoding="utf-8") == "old"
    assert run(*args, "--overwrite").returncode == 0
    assert (out_dir / "nieuws1.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("where", "extra", "words"), [
    ("inside", (), "inside the input folder"),
    ("file", (), "not a folder"),
    ("single", (), "--output-dir is for a corpus"),
    ("none", ("--overwrite",), "--overwrite is for --output-dir"),
])
def test_output_dir_misuse_is_a_clear_error(tmp_path: Path, where: str, extra: tuple[str, ...], words: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Donderdag.\n", encoding="utf-8")
    (tmp_path / "taken").write_text("", encoding="utf-8")
    target = {"inside": ["--output-dir", str(folder / "out")], "file": ["--output-dir", str(tmp_path / "taken")],
              "single": ["--output-dir", str(tmp_path / "o")], "none": []}[where]
    source = str(folder / "a.txt") if where == "single" else str(folder)
    proc = run("analyze", source, "--dct", "2017-02-02", "--format", "csv", *target, *extra)
    assert proc.returncode == 2 and proc.stderr.startswith("timeline: error: ") and words in proc.stderr
    assert not (folder / "out").exists()


# --- CSV days against JSON instants ----------------------------------------------------------


def test_csv_last_date_is_the_day_before_the_json_end() -> None:
    text = "Vorige week zei de minister dat het kabinet donderdag besluit.\n"
    as_csv = run("analyze", "-", "--dct", "2017-02-02", "--format", "csv", stdin=text.encode())
    as_json = run("analyze", "-", "--dct", "2017-02-02", "--format", "json", stdin=text.encode())
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout, newline="")))
    events = json.loads(as_json.stdout)["events"]
    week = next(row for row in rows if row["anchor"] == "2017-W04")
    assert (week["start_date"], week["last_date"]) == ("2017-01-23", "2017-01-29")
    for row, event in zip(rows, events, strict=True):
        if event["interval"] is None:
            continue
        end = datetime.fromisoformat(event["interval"]["end"])
        assert date.fromisoformat(row["last_date"]) == (end - timedelta(microseconds=1)).date()
