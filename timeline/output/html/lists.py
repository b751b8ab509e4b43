"""The page's lists, plain HTML that needs no script: every event on the axis in timeline
order, the events the text gives no place in time, and the links between events.

Each event has exactly one element here, with ``data-event`` (its index), ``data-rank``,
``data-step`` (its group in :meth:`~timeline.Document.timeline`) and the ids of its sentence and
links, so a reader without JavaScript, a screen reader and the tests all find every event.
"""

from __future__ import annotations

from ...model import Document, Relation
from ..bands import BANDS, bands, link_words
from .items import FUZZY
from .text import esc

__all__ = ["axis_list", "links_list", "placeless_list"]

_PLACES = dict(BANDS)


def axis_list(doc: Document, steps: list[int]) -> str:
    """The events the axis shows, in its order: dated ones by rank, the vaguely dated, then
    the undated band by band (before, around, after the DCT) in an order the links respect."""
    dated = [k for k, e in enumerate(doc.events) if doc.ranks[k] is not None and e.interval is not None]
    dated.sort(key=lambda k: (doc.ranks[k], k))
    fuzzy = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor in FUZZY]
    undated = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY]
    banded = [k for relation, _, members in bands(doc, undated) if relation is not Relation.VAGUE for k in members]
    if not dated + fuzzy + banded:
        return "<p>No event has a place on the axis.</p>"
    items = "".join(_li(doc, k, steps[k], doc.events[k].anchor or _PLACES[doc.events[k].dct_relation])
                    for k in [*dated, *fuzzy, *banded])
    return f'<ol class="axis-list">{items}</ol>'


def placeless_list(doc: Document, steps: list[int]) -> str:
    """The undated events the text gives no place in time (VAGUE), in link order."""
    undated = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY]
    placeless = [k for relation, _, members in bands(doc, undated) if relation is Relation.VAGUE for k in members]
    if not placeless:
        return "<p>The text places every event in time.</p>"
    return '<ol class="unanchored">' + "".join(_li(doc, k, steps[k], None) for k in placeless) + "</ol>"


def links_list(doc: Document) -> str:
    """Every link between two events the text gives, in words."""
    if not doc.links:
        return "<p>The text links no two events.</p>"
    return '<ul class="links">' + "".join(f"<li>{esc(link_words(doc, link))}</li>" for link in doc.links) + "</ul>"


def _li(doc: Document, k: int, step: int, when: str | None) -> str:
    event, rank = doc.events[k], doc.ranks[k]
    said = f'<span class="when">{esc(when)}</span> ' if when else ""
    return (f'<li data-event="{k}" data-rank="{"" if rank is None else rank}" data-step="{step}" '
            f'data-sentence="s{k}" data-links="l{k}" tabindex="0">{said}<b>{esc(event.text)}</b> '
            f'<span class="lemma">{esc(event.lemma)}</span></li>')
