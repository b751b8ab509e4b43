"""Where the command line writes: a stream whose failures are told apart from failures of
reading, and JSON written a piece at a time."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable
from typing import Any, Protocol

__all__ = ["Output", "OutputError", "Sink", "dumps", "say", "write_json", "write_table"]


class Sink(Protocol):
    """Where output goes: standard output, or a buffer in the tests."""

    def write(self, s: str, /) -> int: ...


class OutputError(Exception):
    """The output cannot be written; ``errno`` says why."""

    def __init__(self, err: OSError) -> None:
        super().__init__(err.strerror or str(err))
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


def write_table(rec: dict[str, Any], out: Sink) -> None:
    """The time expressions of a recognition record as a table for people."""
    from ..output.chars import printable

    out.write(f"DCT {rec['dct']} ({rec['dct_source']})\n")
    rows = [(f"{t['start']}-{t['end']}", printable(" ".join(t["text"].split())), t["type"], t["value"],
             t.get("mod", ""), t["rule"]) for t in rec["timexes"]]
    header = ("span", "text", "type", "value", "mod", "rule")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no time expressions)\n")


def say(message: str) -> None:
    """A line on stderr, if there is a stderr to write to."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(message, file=sys.stderr, flush=True)
