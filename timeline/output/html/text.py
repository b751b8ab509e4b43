"""What the page says of an event, escaped: its summary (the tooltip and what a screen reader
reads), its place against the DCT, its links and its sentence."""

from __future__ import annotations

from ...model import Document, Event
from ..bands import BANDS, link_words
from ..sentence import esc, marked_sentence

__all__ = ["esc", "link_items", "sentence_html", "summary"]

_PLACES = dict(BANDS)


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


def _mark(kind: str, text: str) -> str:
    return f'<mark class="{kind}">{text}</mark>'


def sentence_html(doc: Document, starts: list[int], event: Event) -> str:
    """The sentence around the event, escaped, with the trigger and its time expression in
    ``<mark>`` (``starts``: :func:`~timeline.output.sentence.sentence_starts`)."""
    return marked_sentence(doc, starts, event, _mark)
