"""What the page says of an event, escaped: its summary (the tooltip and what a screen reader
reads), its place against the DCT, its links and its sentence."""

from __future__ import annotations

import bisect
import html

from ...model import Document, Event
from ..bands import BANDS, link_words
from ..chars import xml_safe

__all__ = ["esc", "link_items", "sentence_html", "summary"]

_PLACES = dict(BANDS)


def esc(s: str) -> str:
    """HTML-escaped, with characters HTML cannot carry (controls, lone surrogates) as U+FFFD."""
    return html.escape(xml_safe(s), quote=True)


def summary(doc: Document, k: int) -> str:
    """``begonnen (beginnen, ASPECTUAL): 2016-11-14; before the DCT; BEFORE vonden (later)``, unescaped."""
    event = doc.events[k]
    head = f"{event.text} ({event.lemma}, {event.cls.value}): {event.anchor or 'undated'}"
    return "; ".join([head, _PLACES[event.dct_relation], *_links_of(doc, k)])


def link_items(doc: Document, k: int) -> str:
    """The links of event ``k`` as ``<li>`` items, escaped; the first says where it lies against the DCT."""
    event = doc.events[k]
    items = [f"{event.text}: {_PLACES[event.dct_relation]}", *_links_of(doc, k)]
    return "".join(f"<li>{esc(item)}</li>" for item in items)


def _links_of(doc: Document, k: int) -> list[str]:
    return [link_words(doc, link) for link in doc.links if k in (link.source, link.target)]


_AROUND = 300  # characters shown on each side of an event whose sentence the document does not give


def sentence_html(doc: Document, starts: list[int], event: Event) -> str:
    """The sentence around the event, escaped, with the trigger and its time expression marked
    (``starts``: the starts of the document's sentences, for bisecting)."""
    text = doc.text
    start, end = _sentence_of(doc, starts, event)
    marks = [(event.start, event.end, "trigger")]
    if event.timex is not None and start <= event.timex.start and event.timex.end <= end \
            and not (event.timex.start < event.end and event.start < event.timex.end):
        marks.append((event.timex.start, event.timex.end, "time"))
    out, cursor = [], start
    for a, b, kind in sorted(marks):
        out.append(esc(text[cursor:a]))
        out.append(f'<mark class="{kind}">{esc(text[a:b])}</mark>')
        cursor = b
    out.append(esc(text[cursor:end]))
    return "".join(out).strip()


def _sentence_of(doc: Document, starts: list[int], event: Event) -> tuple[int, int]:
    """The bounds of the parse's sentence that holds the event; for a document made without
    them, the text some way around it, cut at spaces."""
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
