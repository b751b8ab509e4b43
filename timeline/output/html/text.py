"""What the page says of an event, escaped: its summary (the tooltip and what a screen reader
reads), its place against the DCT and its links."""

from __future__ import annotations

import html

from ...model import Document
from ..bands import BANDS, link_words
from ..chars import xml_safe

__all__ = ["esc", "link_items", "summary"]

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
