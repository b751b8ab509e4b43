"""The command line on hostile input: every bad file gets a clear message and exit code 2
(never a traceback), offsets always index the text as decoded, and a corpus goes on past
its bad lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from timeline.run import cli, corpus

from .test_cli import ARTICLE, run


def recognized(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert proc.returncode == 0, proc.stderr
    timexes: list[dict[str, object]] = json.loads(proc.stdout)["timexes"]
    return timexes


def assert_clean_failure(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("timeline: error: ")
    for word in words:
        assert word in proc.stderr


# --- files that are not text ---------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_an_empty_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_clean_failure(run("recognize", str(path), "--dct", "2017-02-02"), "empty.txt", "empty")
    assert_clean_failure(run("analyze", "-", "--dct", "2017-02-02", stdin=content), "standard input", "empty")


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    nul = tmp_path / "nul.bin"
    nul.write_bytes(b"Vrijdag\x00\x01\x02 beslist")
    assert_clean_failure(run("analyze", str(nul), "--dct", "2017-02-02"), "nul.bin", "binary")
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert_clean_failure(run("analyze", str(png), "--dct", "2017-02-02"), "image.png", "byte 0")


def test_invalid_utf8_names_the_file_and_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Vrijdag beslist het café.".encode("latin-1"))
    assert_clean_failure(run("recognize", str(path), "--dct", "2017-02-02"), "latin1.txt", "byte 23", "--encoding")
    fixed = run("recognize", str(path), "--dct", "2017-02-02", "--encoding", "latin-1", "--format", "json")
    assert [t["text"] for t in recognized(fixed)] == ["Vrijdag"]


def test_errors_replace_reads_on_and_offsets_index_the_replaced_text(tmp_path: Path) -> None:
    raw = "Het café sloot donderdag.".encode("latin-1")
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    proc = run("recognize", str(path), "--dct", "2017-02-02", "--errors", "replace", "--format", "json")
    text = raw.decode("utf-8", "replace")
    (t,) = recognized(proc)
    assert text[t["start"]:t["end"]] == t["text"] == "donderdag"  # type: ignore[misc]


def test_an_unknown_encoding_is_a_clear_error() -> None:
    assert_clean_failure(run("recognize", "-", "--dct", "2017-02-02", "--encoding", "klingon",
                             stdin=ARTICLE.encode()), "klingon")


def test_missing_files_and_directories(tmp_path: Path) -> None:
    assert_clean_failure(run("analyze", str(tmp_path / "nope.txt"), "--dct", "2017-02-02"), "nope.txt",
                         "no such file")
    assert_clean_failure(run("analyze", str(tmp_path), "--dct", "2017-02-02"), "directory")
    assert_clean_failure(run("recognize", "--jsonl", str(tmp_path / "nope.jsonl")), "no such file")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    monkeypatch.setattr(corpus, "MAX_BYTES", 1000)
    assert cli.main(["recognize", str(path), "--dct", "2017-02-02"]) == 2
    assert "larger than" in capsys.readouterr().err


# --- text encodings and line ends: offsets index the decoded text ----------------------------


def test_a_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.txt", tmp_path / "bom.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    marked.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    want = recognized(run("recognize", str(plain), "--dct", "2017-02-02", "--format", "json"))
    assert recognized(run("recognize", str(marked), "--dct", "2017-02-02", "--format", "json")) == want
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16"))  # with its byte order mark
    assert recognized(run("recognize", str(utf16), "--dct", "2017-02-02", "--format", "json",
                          "--encoding", "utf-16")) == want


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n\r", "\u2028", "\x85"])
def test_line_ends_are_kept_and_offsets_index_the_original_text(tmp_path: Path, newline: str) -> None:
    lines = ["Gepubliceerd op 3 februari 2017", "", "Spicer zei donderdag dat het kabinet", "vrijdag beslist.",
             "Het plan kwam in december."]
    text = newline.join(lines) + newline
    path = tmp_path / "lines.txt"
    path.write_bytes(text.encode("utf-8"))
    for command in ("recognize", "analyze"):
        proc = run(command, str(path), "--format", "json")
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        for item in out["timexes"] + out.get("events", []):
            assert text[item["start"]:item["end"]] == item["text"]
        assert [t["value"] for t in out["timexes"]] == ["2017-02-02", "2017-02-03", "2016-12"]


# --- corpus mode: every line gets an answer ----------------------------------------------------


def test_a_corpus_reports_each_bad_line_and_goes_on(tmp_path: Path) -> None:
    good = {"id": "ok", "dct": "2017-02-02", "text": "Het kabinet beslist vrijdag."}
    lines = ["not json", "[1, 2]", '{"id": "no-text", "dct": "2017-02-02"}', '{"id": "no-dct", "text": "vrijdag"}',
             '{"id": "bad-dct", "dct": "gisteren", "text": "vrijdag"}', '{"id": 7, "dct": 20170202, "text": "x"}',
             "", "   ", json.dumps(good)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("recognize", "analyze"):
        proc = run(command, "--jsonl", str(path))
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        out = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [o["id"] for o in out] == [1, 2, "no-text", "no-dct", "bad-dct", 7, "ok"]
        assert all("error" in o for o in out[:-1]) and "error" not in out[-1]
        assert "line 5" in out[4]["error"] and "'gisteren'" in out[4]["error"]
        assert proc.stderr.count("timeline: line ") == 6


def test_a_corpus_line_without_dct_takes_the_dct_option(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Het kabinet beslist vrijdag."}\n', encoding="utf-8")
    proc = run("recognize", "--jsonl", str(path), "--dct", "2017-02-02")
    assert proc.returncode == 0 and json.loads(proc.stdout)["timexes"][0]["value"] == "2017-02-03"


def test_corpus_lines_end_at_newlines_only(tmp_path: Path) -> None:
    # U+2028 and U+0085 may stand unescaped inside a JSON string; CRLF files are common.
    docs = [{"id": "a", "dct": "2017-02-02", "text": "Vrijdag\u2028beslist het kabinet.\x85Donderdag zei hij het."},
            {"id": "b", "dct": "2017-02-02", "text": "Zaterdag\u2029wint het team."}]
    path = tmp_path / "in.jsonl"
    path.write_bytes("\r\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode("utf-8") + b"\r\n")
    proc = run("recognize", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["id"], len(o["timexes"])) for o in out] == [("a", 2), ("b", 1)]


def test_lone_surrogates_in_a_corpus_come_out_as_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "s", "dct": "2017-02-02", "text": "\\ud800 vrijdag \\udfff"}\n', encoding="utf-8")
    for command in ("recognize", "analyze"):
        proc = run(command, "--jsonl", str(path))
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["timexes"][0]["start"] == 2
    proc = run("recognize", "--jsonl", str(path), "--dct", "2017-02-02")
    assert proc.stdout.encode("utf-8").decode("utf-8") == proc.stdout


# --- DCT ------------------------------------------------------------------------------------


@pytest.mark.parametrize("dct", ["gisteren", "vorige week", "31 februari 2017", "geen datum", "2017-13-01"])
def test_a_bad_dct_is_exit_code_2_with_the_value_quoted(dct: str) -> None:
    for command in ("recognize", "analyze"):
        assert_clean_failure(run(command, "-", "--dct", dct, stdin=ARTICLE.encode()), repr(dct))


# --- size: a 50 MB file finishes in bounded memory -----------------------------------------------

PARAGRAPH = ("Het kabinet beslist vrijdag over het plan, zei de minister donderdag tegen de Kamer. "
             + "De gemeente wil de wegen rond het centrum verbreden; de bewoners zijn daar niet blij mee. " * 4
             + "\n\n")


# Runs the command line and reports its peak resident memory, read from /proc: the kernel's
# own counters (getrusage) would count the memory of the process that forked it.
MEASURED = """
import atexit, sys
from timeline.run.cli import main

def peak():
    with open("/proc/self/status") as status:
        kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"PEAK {kib}\\n")

atexit.register(peak)
sys.exit(main(sys.argv[1:]))
"""
HAS_PROC = os.path.exists("/proc/self/status")


def run_measured(args: list[str], out: Path) -> tuple[int, str, int]:
    """Exit code, stderr and peak resident memory in bytes of ``timeline ARGS`` (stdout to ``out``)."""
    with out.open("wb") as sink:
        proc = subprocess.run([sys.executable, "-c", MEASURED, *args], stdout=sink, stderr=subprocess.PIPE)
    err = proc.stderr.decode()
    peak = int(err.rsplit("PEAK ", 1)[1])
    return proc.returncode, err.rsplit("PEAK ", 1)[0], peak * 1024


@pytest.mark.skipif(not HAS_PROC, reason="peak memory is read from /proc (Linux)")
def test_a_50_mb_file_is_read_whole_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    copies = 50 * 2**20 // len(PARAGRAPH) + 1
    path.write_text(PARAGRAPH * copies, encoding="utf-8")
    size = path.stat().st_size
    code, err, peak = run_measured(["recognize", str(path), "--dct", "2017-02-02", "--format", "jsonl"],
                                   tmp_path / "out.json")
    assert code == 0, err
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(out["timexes"]) == 2 * copies, "no paragraph is lost"
    last = out["timexes"][-1]
    assert (last["start"], last["text"]) == (size - len(PARAGRAPH) + PARAGRAPH.index("donderdag"), "donderdag")
    assert peak < 10 * size, f"peak memory {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB file"


@pytest.mark.skipif(not HAS_PROC, reason="peak memory is read from /proc (Linux)")
def test_analyze_memory_grows_linearly_with_the_text(tmp_path: Path) -> None:
    # Sentences are parsed and dropped a block at a time; what stays is the text and the
    # timeline itself. Measured at two sizes, so the interpreter's own memory cancels out.
    peaks = []
    for megabytes in (1, 4):
        path = tmp_path / f"text{megabytes}.txt"
        path.write_text(PARAGRAPH * (megabytes * 2**20 // len(PARAGRAPH)), encoding="utf-8")
        code, err, peak = run_measured(["analyze", str(path), "--dct", "2017-02-02", "--format", "jsonl"],
                                       tmp_path / "out.jsonl")
        assert code == 0, err
        peaks.append(peak)
    per_byte = (peaks[1] - peaks[0]) / (3 * 2**20)
    assert per_byte < 40, f"analyze keeps {per_byte:.0f} bytes per byte of text"


# --- corpus encodings, folders and JSON that is not quite JSON --------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_utf16_or_utf32_corpus_is_split_into_lines_after_decoding(tmp_path: Path, encoding: str) -> None:
    # U+0A0A is the bytes 0A 0A in UTF-16: split as bytes, it would break its line in three.
    docs = [{"id": "a", "dct": "2017-02-02", "text": "Het kabinet beslist vrijdag \u0a0a over het plan."},
            {"id": "b", "dct": "2017-02-02", "text": "In december \u0d0a stemde de Kamer in."}]
    path = tmp_path / "in.jsonl"
    path.write_bytes("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode(encoding))
    proc = run("recognize", "--jsonl", str(path), "--encoding", encoding)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["id"], [t["value"] for t in o["timexes"]]) for o in out] == [("a", ["2017-02-03"]),
                                                                             ("b", ["2016-12"])]


def test_a_corpus_that_does_not_decode_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes('{"id": "a", "dct": "2017-02-02", "text": "vrijdag"}\n'.encode("utf-16-le") + b"\x00\xd8\x41")
    proc = run("recognize", "--jsonl", str(path), "--encoding", "utf-16-le")
    assert proc.returncode == 2 and "in line 2" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(("line", "says"), [
    ('{"id": "t", "dct": "2017-02-02", "text": 5}', '"text" must be a string, not a number'),
    ('{"id": "t", "dct": "2017-02-02", "text": null}', '"text" must be a string, not null'),
    ('{"id": "t", "dct": "2017-02-02", "text": ["x"]}', '"text" must be a string, not an array'),
    ('[' * 100_000 + ']' * 100_000, "nested too deeply"),
    ('{"id": NaN, "dct": "2017-02-02", "text": "vrijdag"}', "NaN is no JSON value"),
    ('{"id": -Infinity, "dct": "2017-02-02", "text": "vrijdag"}', "-Infinity is no JSON value"),
    ('{"id": 1e400, "dct": "2017-02-02", "text": "vrijdag"}', "1e400 is too large"),
])
def test_a_corpus_line_that_is_not_a_document_says_why(tmp_path: Path, line: str, says: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n" + '{"id": "ok", "dct": "2017-02-02", "text": "vrijdag"}\n', encoding="utf-8")
    for command in ("recognize", "analyze"):
        proc = run(command, "--jsonl", str(path))
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        first, second = (json.loads(x) for x in proc.stdout.splitlines())  # standard JSON: no NaN read back
        assert says in first["error"] and "internal error" not in first["error"]
        assert second["id"] == "ok" and "error" not in second


def test_a_folder_reports_what_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "archief"
    (folder / "open").mkdir(parents=True)
    (folder / "closed").mkdir()
    (folder / "open" / "a.txt").write_text("Het kabinet beslist vrijdag.", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait forever
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # as root, a folder without permissions is still readable: pretend
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = {e.where: e for e in corpus.folder_entries(str(folder))}
    assert list(found) == ["closed", "gone.txt", "open/a.txt", "pipe.txt"]
    assert found["closed"].problem == "cannot read the folder: Permission denied"
    assert found["gone.txt"].problem == "a link to nothing" and found["pipe.txt"].problem == "not a regular file"
    assert found["open/a.txt"].problem is None and found["open/a.txt"].path is not None


def test_a_folder_with_a_pipe_in_it_is_reported_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Het kabinet beslist vrijdag.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    proc = subprocess.run([sys.executable, "-m", "timeline", "recognize", str(tmp_path), "--dct", "2017-02-02"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a.txt", "b.txt"] and out[1]["error"] == "b.txt: not a regular file"


# --- the table, the worker count and the DCT ---------------------------------------------------


def test_the_recognize_table_shows_control_characters_as_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Het plan kwam op 3\rfebruari\x1b[2J 2017.")
    proc = run("recognize", str(path), "--dct", "2017-02-02")
    assert proc.returncode == 0 and "\r" not in proc.stdout and "\x1b" not in proc.stdout
    assert "3\ufffdfebruari" in proc.stdout or "3 februari" in proc.stdout


def test_a_huge_worker_count_is_capped_at_the_cores(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "dct": "2017-02-02", "text": "vrijdag"}\n' * 40, encoding="utf-8")
    proc = run("recognize", "--jsonl", str(path), "--workers", "99999999999999999999")
    assert proc.returncode == 0 and proc.stderr == "" and len(proc.stdout.splitlines()) == 40


@pytest.mark.parametrize("dct", ["2017-02-02T25:00", "2017-02-02T12:60", "2017-02-02 23:59:61"])
def test_a_dct_with_an_impossible_time_of_day_is_refused(dct: str) -> None:
    assert_clean_failure(run("recognize", "-", "--dct", dct, stdin=ARTICLE.encode()), repr(dct))


# --- output that cannot be written, input that cannot be read ----------------------------------


def test_a_full_disk_is_one_line_and_exit_code_3() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "timeline", "analyze", "-", "--dct", "2017-02-02"],
                              input=ARTICLE.encode(), stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 3
    assert proc.stderr.decode() == "timeline: error: cannot write the output: No space left on device\n"


def test_a_closed_standard_output_is_one_line_and_exit_code_3(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run(f"{sys.executable} -m timeline analyze {path} --dct 2017-02-02 >&-", shell=True,
                          capture_output=True, text=True)
    assert proc.returncode == 3
    assert proc.stderr == "timeline: error: cannot write the output: standard output is closed\n"


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "dct": "2017-02-02", "text": "Het kabinet beslist vrijdag."}\n' * 3000,
                    encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "recognize", "--jsonl", str(path), "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    assert proc.wait(60) == 3 and proc.stderr.read() == b""


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs a file that opens but cannot be read")
def test_a_corpus_that_cannot_be_read_is_one_line_and_exit_code_2() -> None:
    assert_clean_failure(run("analyze", "--jsonl", "/proc/self/mem"), "/proc/self/mem", "cannot read")
