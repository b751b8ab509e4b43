"""Where the command line writes: a stream whose failures are told apart from failures of
reading, and JSON written a piece at a time."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..model import Recognition

__all__ = ["Output", "OutputError", "OutputFolder", "Sink", "dumps", "file_stem", "say", "write_json", "write_table"]


class Sink(Protocol):
    """Where output goes: standard output, or a buffer in the tests."""

    def write(self, s: str, /) -> int: ...


class OutputError(Exception):
    """The output cannot be written; ``errno`` says why."""

    def __init__(self, err: OSError) -> None:
        reason = err.strerror or str(err)
        super().__init__(f"{err.filename}: {reason}" if err.filename else reason)
        self.errno = err.errno


class Output:
    """A stream whose write errors become :class:`OutputError`, so that they are told apart
    from errors of reading."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.encoding = getattr(stream, "encoding", None)

    def write(self, s: str) -> int:
        try:
            return int(self._stream.write(s))
        except OSError as err:
            raise OutputError(err) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as err:
            raise OutputError(err) from None


def dumps(obj: Any, out: Sink, indent: int | None = None) -> str:
    """JSON for ``out``: UTF-8 text as is, but ``\\u`` escapes where ``out`` cannot encode
    a character (a lone surrogate from a JSONL ``"\\ud800"``, or a narrow terminal)."""
    s = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        s.encode(getattr(out, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, indent=indent)
    return s


def write_json(head: dict[str, Any], key: str, items: Iterable[Any], out: Sink, indent: int | None) -> None:
    """Write ``{**head, key: [items...]}`` as ``json.dumps`` would, one item at a time, so that
    a long document's output never has to exist whole in memory."""
    pad = "" if indent is None else " " * indent
    nl = "" if indent is None else "\n"
    sep = ", " if indent is None else ","
    fields = [f"{nl}{pad}{json.dumps(k)}: {dumps(v, out)}" for k, v in head.items()]
    out.write("{" + sep.join(fields) + f"{sep}{nl}{pad}{json.dumps(key)}: [")
    first = True
    for value in items:
        text = dumps(value, out, indent)
        if indent is not None:
            text = text.replace("\n", "\n" + pad * 2)
        out.write(("" if first else sep) + nl + pad * 2 + text)
        first = False
    out.write(("]" if first else f"{nl}{pad}]") + nl + "}\n")


def write_table(recognition: Recognition, out: Sink) -> None:
    """The time expressions of a recognition as a table for people, under the DCT used and
    where it came from (as the timeline's table says it)."""
    from ..output.bands import dct_line
    from ..output.chars import printable

    out.write(printable(dct_line(recognition)) + "\n")
    rows = [(f"{t.start}-{t.end}", printable(" ".join(t.text.split())), t.type.value, t.value,
             t.mod.value if t.mod else "", t.rule) for t in recognition.timexes]
    header = ("span", "text", "type", "value", "mod", "rule")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no time expressions)\n")


_UNSAFE = re.compile(r"[^\w.-]+")  # \w: letters and digits of any script, and _
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10))})
_STEM_CHARS = 100  # well under the 255 bytes a file name may have, even in 4-byte UTF-8 characters


def file_stem(doc_id: Any) -> str:
    """A file name (without extension) for a document's id, safe on any file system: runs of
    characters other than letters, digits, ``.``, ``-`` and ``_`` become one ``_`` (so a
    ``/`` cannot reach another folder), no leading dot, a folder's ``.txt`` dropped, at most
    100 characters, and not a name Windows reserves. ``sub/a.txt`` gives ``sub_a``."""
    text = doc_id if isinstance(doc_id, str) else json.dumps(doc_id)
    stem = _UNSAFE.sub("_", text.removesuffix(".txt")).lstrip(".")[:_STEM_CHARS] or "document"
    return "_" + stem if stem.split(".")[0].lower() in _RESERVED else stem


class OutputFolder:
    """One file per document of a corpus, named from its id (:func:`file_stem`) and made
    unique within the run (``a``, ``a-2``, ...; compared without case, as macOS and Windows
    compare); each file is written whole or not at all (a temporary file, then renamed)."""

    def __init__(self, folder: str, extension: str) -> None:
        self.folder = folder
        self.extension = extension
        self._taken: set[str] = set()

    def write(self, doc_id: Any, text: str) -> str:
        """Write a document's output; the path it went to."""
        stem = file_stem(doc_id)
        name, n = f"{stem}.{self.extension}", 1
        while name.casefold() in self._taken:
            n += 1
            name = f"{stem}-{n}.{self.extension}"
        self._taken.add(name.casefold())
        path = os.path.join(self.folder, name)
        part = path + ".part"
        try:
            with open(part, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            os.replace(part, path)
        except BaseException as err:  # a full disk, or Ctrl-C mid-file: no half file stays behind
            with contextlib.suppress(OSError):
                os.remove(part)
            if isinstance(err, OSError):
                raise OutputError(err) from None
            raise
        return path


def say(message: str) -> None:
    """A line on stderr, if there is a stderr to write to."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(message, file=sys.stderr, flush=True)
