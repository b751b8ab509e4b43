"""The sentence an event stands in, as the outputs that show it to a reader need it:
HTML-escaped, with its trigger and its time expression marked.

The HTML page and the TimelineJS slides both show it; they differ only in the
markup of the marks, which the caller gives.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Sequence

from ..model import Document, Event
from .chars import xml_safe

__all__ = ["Marker", "esc", "marked_sentence", "sentence_starts"]

#: Wraps an escaped stretch of text in markup: ``marker("trigger", "zei")`` -> ``<strong>zei</strong>``.
Marker = Callable[[str, str], str]

_AROUND = 300  # characters shown on each side of an event whose sentence the document does not give


def esc(s: str) -> str:
    """HTML-escaped, with characters HTML cannot carry (controls, lone surrogates) as U+FFFD."""
    return html.escape(xml_safe(s), quote=True)


def sentence_starts(doc: Document) -> list[int]:
    """The starts of the document's sentences, to find an event's sentence by bisection."""
    return [span.start for span in doc.sentences]


def marked_sentence(doc: Document, starts: Sequence[int], event: Event, marker: Marker) -> str:
    """The sentence around ``event``, escaped, its trigger marked as ``"trigger"`` and its time
    expression (where it stands in the same sentence, apart from the trigger) as ``"time"``."""
    text = doc.text
    start, end = _bounds(doc, starts, event)
    marks = [(event.start, event.end, "trigger")]
    t = event.timex
    if t is not None and start <= t.start and t.end <= end and (t.end <= event.start or event.end <= t.start):
        marks.append((t.start, t.end, "time"))
    out, cursor = [], start
    for a, b, kind in sorted(marks):
        out += [esc(text[cursor:a]), marker(kind, esc(text[a:b]))]
        cursor = b
    out.append(esc(text[cursor:end]))
    return " ".join("".join(out).split())


def _bounds(doc: Document, starts: Sequence[int], event: Event) -> tuple[int, int]:
    """The bounds of the parse's sentence that holds the event; for a document made without
    sentences, the text some way around it, cut at spaces."""
    k = bisect.bisect_right(starts, event.start) - 1
    if k >= 0 and event.end <= doc.sentences[k].end:
        return doc.sentences[k].start, doc.sentences[k].end
    text = doc.text
    start, end = max(0, event.start - _AROUND), min(len(text), event.end + _AROUND)
    if start > 0:
        start = text.find(" ", start, event.start) + 1
    if end < len(text):
        end = max(event.end, text.rfind(" ", event.end, end))
    return start, end
