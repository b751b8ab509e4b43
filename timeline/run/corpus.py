"""Reading documents for the command line: one text file, a JSON Lines corpus, or a folder.

Corpora are read lazily (a line or a file at a time), so a corpus of any size
runs in flat memory. Each document becomes an :class:`Entry`; :func:`run_entry`
turns one into its output record in a worker process, and a document that
cannot be read or analyzed becomes an error record instead of stopping the rest.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from attrs import field, frozen

from ..advice import Advised
from ..lang import Language, load_language
from .batch import document_fields, failure_reason, worker_parser
from .errors import for_folder, for_line

__all__ = ["DCT_SIDECAR", "MAX_BYTES", "Entry", "InputError", "Job", "folder_entries", "jsonl_entries",
           "line_id", "read_text", "run_entry"]

MAX_BYTES = 200 * 1024 * 1024  # refuse to read more than this as one document
DCT_SIDECAR = "dcts.tsv"  # in a folder: lines "relative/path.txt<TAB>2017-02-02"


class InputError(Exception):
    """Input that cannot be used at all; the message says why (the CLI exits with code 2)."""


def read_text(path: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """The text of a file (``-``: standard input), decoded; an :class:`InputError` naming
    the file for a missing, unreadable, empty, binary, oversized or undecodable one."""
    name = "standard input" if path == "-" else path
    with _open(path, "a file") as f:
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 2**20} MB; split it into documents")
    if not data.strip():
        raise InputError(f"{name}: the input is empty")
    text = _decode(_without_bom(data, encoding), encoding, errors, name)
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")
    return text


def _without_bom(data: bytes, encoding: str) -> bytes:
    if data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("-", "").replace("_", "") == "utf8":
        return data[3:]
    return data


def _decode(data: bytes, encoding: str, errors: str, name: str) -> str:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} at byte {err.start} "
                         f"(use --encoding, or --errors replace)") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


@frozen
class Entry:
    """One document of a corpus: a JSON line (``line``) or a file (``path``), or the reason
    it could not even be read (``problem``). ``where`` names it in messages."""

    number: int
    where: str
    line: str | None = None
    path: str | None = None
    id: Any = None
    dct: str | None = None
    problem: str | None = None


@frozen
class Job:
    """What to do with each document; picklable, so that worker processes get it."""

    command: str  # "analyze" or "recognize"
    dct: str | None = None
    anchors: Mapping[str, str] = field(factory=dict)
    parser: Any = "builtin"  # a name (built once per worker) or, in this process only, a Parser
    model_dir: str | None = None
    encoding: str = "utf-8"
    errors: str = "strict"
    language: Language = field(factory=load_language, converter=load_language)  # pickled as its code or folder
    fmt: str = "jsonl"  # the output format (--format)
    files: bool = False  # each document's output whole, for a file of its own (--output-dir), not a JSON line


def jsonl_entries(path: str, encoding: str = "utf-8", errors: str = "strict") -> Iterator[Entry]:
    """The documents of a JSON Lines file (``-``: standard input), a line at a time.

    Lines end at ``\\n`` (or ``\\r\\n``) only: U+2028 and the like may stand inside a
    JSON string. Blank lines are skipped. Raises :class:`InputError` when the file
    cannot be opened or holds no document at all.
    """
    try:
        "".encode(encoding)  # an unknown encoding is an error now, not on every line
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    # Opened here, not lazily, so that a missing file is an error before any output.
    return _lines(_open(path, "a JSON Lines file"), path, encoding, errors)


def _open(path: str, what: str) -> contextlib.AbstractContextManager[BinaryIO]:
    """``path`` opened for reading bytes (``-``: standard input, left open after use);
    an :class:`InputError` saying why it cannot be."""
    if path == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not {what}") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None


def _lines(opened: contextlib.AbstractContextManager[BinaryIO], path: str, encoding: str,
           errors: str) -> Iterator[Entry]:
    seen = 0
    name = "standard input" if path == "-" else path
    with opened as f:
        # In UTF-16 and UTF-32 a byte 0x0A may be half of any character: such text is
        # decoded as a stream and split after; everywhere else a line is split as bytes
        # first, so that one bad line costs only itself.
        lines: Iterator[bytes | str] = (_raw_lines(f, name) if "\n".encode(encoding) == b"\n"
                                        else _decoded_lines(f, name, encoding, errors))
        for number, raw in enumerate(lines, 1):
            if number == 1:
                raw = _without_bom(raw, encoding) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
            if not raw.strip():
                continue
            seen += 1
            where = f"line {number}"
            if len(raw) > MAX_BYTES:
                yield Entry(number, where, problem=f"longer than {MAX_BYTES // 2**20} MB")
                continue
            try:
                text = raw.decode(encoding, errors) if isinstance(raw, bytes) else raw
            except UnicodeDecodeError as err:
                yield Entry(number, where, problem=f"not valid {encoding} at byte {err.start} of the line")
                continue
            yield Entry(number, where, line=text.removesuffix("\n").removesuffix("\r"))
    if not seen:
        raise InputError(f"{name}: the input is empty")


def _raw_lines(f: BinaryIO, name: str) -> Iterator[bytes]:
    """Lines as bytes; a line longer than MAX_BYTES comes back cut at MAX_BYTES + 1 bytes,
    its rest skipped, so one giant line cannot exhaust memory."""
    try:
        while raw := f.readline(MAX_BYTES + 1):
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            yield raw
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None


def _decoded_lines(f: BinaryIO, name: str, encoding: str, errors: str) -> Iterator[str]:
    """Lines of text decoded as one stream (``\\n`` ends a line), cut as :func:`_raw_lines` cuts them."""
    stream = io.TextIOWrapper(f, encoding=encoding, errors=errors, newline="\n")
    number = 0
    try:
        while line := stream.readline(MAX_BYTES + 1):
            number += 1
            if len(line) > MAX_BYTES and not line.endswith("\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith("\n"):
                    pass
            yield line
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid {encoding} in line {number + 1} "
                         f"(use --encoding, or --errors replace)") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None
    finally:
        stream.detach()  # the file is closed by its owner (standard input is never closed)


def folder_entries(folder: str, dcts: str | None = None) -> Iterator[Entry]:
    """The ``.txt`` files under ``folder`` (sorted, at any depth), each with its DCT from
    the sidecar: ``dcts`` or else ``folder/dcts.tsv`` when it exists, lines
    ``relative/path.txt<TAB>DCT``. Files the sidecar does not list take the default DCT.

    A subfolder that cannot be read, and a ``.txt`` name that is no regular file
    (a pipe, a device, a link to nothing), each get an entry with the problem, so
    that the output says what was left out. Links to folders are not followed.
    """
    root = Path(folder)
    found = sorted(_walk(root))
    if not found:
        raise InputError(f"{folder}: a directory with no .txt files in it")
    sidecar = Path(dcts) if dcts else root / DCT_SIDECAR
    known = _sidecar(sidecar) if dcts or sidecar.is_file() else {}
    for number, (name, path, problem) in enumerate(found, 1):
        if problem is not None:
            yield Entry(number, name, id=name, problem=problem)
        else:
            yield Entry(number, name, path=path, id=name, dct=known.get(name))


def _walk(root: Path, prefix: str = "") -> Iterator[tuple[str, str, str | None]]:
    """``(name inside the folder, path, problem)`` of each ``.txt`` file and unreadable subfolder."""
    try:
        with os.scandir(root) as listing:
            children = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        if not prefix:
            raise InputError(f"{root}: cannot read the folder: {err.strerror or err}") from None
        yield prefix.rstrip("/"), str(root), f"cannot read the folder: {err.strerror or err}"
        return
    for entry in children:
        name = prefix + entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), name + "/")
            elif entry.name.endswith(".txt"):
                regular = entry.is_file()  # follows a link to its file
                yield name, entry.path, None if regular else (
                    "a link to nothing" if entry.is_symlink() and not os.path.exists(entry.path)
                    else "not a regular file")
        except OSError as err:
            yield name, entry.path, f"cannot read: {err.strerror or err}"


def _sidecar(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the DCT list: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 at byte {err.start}") from None
    out: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, dct = line.partition("\t")
        if not tab or not name.strip() or not dct.strip():
            raise InputError(f"{path}, line {number}: expected 'file.txt<TAB>DCT', not {line!r}")
        out[name.strip()] = dct.strip()
    return out


def run_entry(entry: Entry, job: Job) -> tuple[dict[str, Any], str | None]:
    """The output record of one document, and the reason it failed (None when it did not)."""
    doc_id: Any = entry.id if entry.id is not None else entry.number
    try:
        if entry.problem is not None:
            raise ValueError(entry.problem)
        if entry.path is not None:
            text, dct = read_text(entry.path, job.encoding, job.errors), entry.dct or job.dct
        else:
            doc = _json(entry.line or "")
            if not isinstance(doc, dict):
                raise ValueError("a line must be a JSON object")
            doc_id = doc.get("id", entry.number)  # named in the error record, should the rest be wrong
            doc_id, text, dct = document_fields(doc, entry.number, job.dct)
        return _record(job, doc_id, text, dct), None
    except InputError as err:
        reason = str(err)
    except Exception as err:  # failure_reason raises again what is not the document's fault
        reason = failure_reason(err)
        if isinstance(err, Advised):  # mended in the line's "dct", or the folder's DCT list
            reason = for_line(err) if entry.path is None else for_folder(err, DCT_SIDECAR)
    return {"id": doc_id, "error": f"{entry.where}: {reason}"}, f"{entry.where}: {reason}"


def _json(line: str) -> Any:
    """A JSON line read strictly: ``NaN`` and ``Infinity`` are not JSON, and nesting too
    deep to read is said so (not reported as a bug)."""
    try:
        return json.loads(line, parse_constant=_not_json, parse_float=_finite)
    except RecursionError:
        raise ValueError("not read: the JSON is nested too deeply") from None


def _not_json(name: str) -> Any:
    raise ValueError(f"not valid JSON: {name} is no JSON value")


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"not usable: the number {number[:40]} is too large")
    return value


def line_id(entry: Entry) -> Any:
    """The id an error record of ``entry`` carries: the document's own where its line says
    one, else its number."""
    if entry.id is not None:
        return entry.id
    if entry.line is not None:
        try:
            doc = _json(entry.line)
        except ValueError:
            return entry.number
        if isinstance(doc, dict) and "id" in doc:
            return doc["id"]
    return entry.number


def _record(job: Job, doc_id: Any, text: str, dct: Any) -> dict[str, Any]:
    """A document's JSON line, or with ``job.files`` its output whole (``"output"``)."""
    from ..output.records import document_to_dict, document_to_jsonl_line, recognition_to_dict
    from ..pipeline import analyze, recognize_document
    from .formats import write_document, write_recognition

    parser = worker_parser(job.parser, job.language, job.model_dir) if isinstance(job.parser, str) else job.parser
    if job.command == "recognize":
        recognition = recognize_document(text, dct, parser=parser, language=job.language)
        if not job.files:
            return {"id": doc_id, **recognition_to_dict(recognition)}
        buffer = io.StringIO()
        write_recognition(recognition, job.fmt, buffer)
        return {"id": doc_id, "output": buffer.getvalue()}
    doc = analyze(text, dct, anchors=job.anchors, parser=parser, language=job.language)
    if job.files:
        buffer = io.StringIO()
        write_document(doc, job.fmt, buffer, doc_id if isinstance(doc_id, str) else json.dumps(doc_id))
        return {"id": doc_id, "output": buffer.getvalue()}
    if job.fmt == "json":  # the whole timeline/1 object, with the document's id first
        return {"id": doc_id, **document_to_dict(doc)}
    return document_to_jsonl_line(doc, doc_id)
