"""Writing one document's result in a named format, for one file (standard output) and for each
document of a corpus alike: ``analyze --format`` (:func:`write_document`) and ``recognize
--format`` (:func:`write_recognition`)."""

from __future__ import annotations

import os

from ..model import Document, Recognition, dct_text
from ..output.records import timex_to_dict
from .sink import Sink, dumps, write_json, write_table

__all__ = ["EXTENSIONS", "FORMATS", "LINE_FORMATS", "write_document", "write_recognition"]

FORMATS = ("table", "json", "jsonl", "timeml", "csv", "html", "timelinejs")
# A corpus on standard output: one JSON line per document. Every format can go to --output-dir,
# one file per document, named with the format's extension (a format not listed: its own name).
LINE_FORMATS = ("jsonl", "json")
EXTENSIONS = {"table": "txt", "json": "json", "jsonl": "jsonl", "timeml": "tml", "csv": "csv", "html": "html",
              "timelinejs": "json"}


def write_document(doc: Document, fmt: str, out: Sink, name: str = "-") -> None:
    """Write ``doc`` to ``out`` as ``analyze --format fmt`` does; ``name`` is the input file
    (``-``: standard input), for the page's title and the JSON line's id."""
    from ..output import (
        document_to_csv,
        document_to_dict,
        document_to_html,
        document_to_jsonl_line,
        document_to_timelinejs,
        document_to_timeml,
        timeline_table,
    )

    if fmt == "table":
        out.write(timeline_table(doc))
    elif fmt == "timeml":
        out.write(document_to_timeml(doc) + "\n")
    elif fmt == "csv":
        out.write(document_to_csv(doc))
    elif fmt == "html":
        out.write(document_to_html(doc, "Timeline" if name == "-" else f"Timeline: {os.path.basename(name)}"))
    elif fmt == "timelinejs":
        title = "Timeline" if name == "-" else f"Timeline: {os.path.basename(name)}"
        out.write(dumps(document_to_timelinejs(doc, title), out, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(dumps(document_to_jsonl_line(doc, name), out) + "\n")
    elif fmt == "json":
        out.write(dumps(document_to_dict(doc), out, indent=2) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


def write_recognition(recognition: Recognition, fmt: str, out: Sink) -> None:
    """Write ``recognition`` to ``out`` as ``recognize --format fmt`` does."""
    if fmt == "table":
        write_table(recognition, out)
    else:
        head = {"dct": dct_text(recognition.dct, recognition.dct_time), "dct_source": recognition.dct_source.value}
        write_json(head, "timexes", map(timex_to_dict, recognition.timexes), out, 2 if fmt == "json" else None)
