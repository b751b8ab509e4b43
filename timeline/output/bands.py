"""Where the events lie that the text does not date: for the table and the HTML view.

An undated event still has its place against the DCT (``Event.dct_relation``),
so the outputs for people show such events in bands: before the DCT, around it
(OVERLAP), after it, and apart those the text leaves open (VAGUE). Within a band
the events follow :meth:`timeline.Document.timeline`, so an event the links put
before another comes first; events of one group of that order keep text order
and are not ordered against each other.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import DctSource, Document, Link, Recognition, Relation, dct_text

__all__ = ["BANDS", "bands", "dct_line", "link_words", "steps"]

#: The bands in the order they are shown, each with its title.
BANDS = ((Relation.BEFORE, "before the DCT"), (Relation.OVERLAP, "around the DCT"),
         (Relation.AFTER, "after the DCT"), (Relation.VAGUE, "no place in time given by the text"))

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SOURCES = {DctSource.ARGUMENT: "given by the caller", DctSource.DATELINE: "read from the dateline"}


def steps(doc: Document) -> list[int]:
    """For each event (by index), the number of its group in :meth:`~timeline.Document.timeline`:
    an event before another has a lower step; equal steps are not ordered."""
    where = {id(e): k for k, e in enumerate(doc.events)}
    out = [0] * len(doc.events)
    for step, group in enumerate(doc.timeline()):
        for event in group:
            out[where[id(event)]] = step
    return out


def bands(doc: Document, events: Iterable[int]) -> list[tuple[Relation, str, list[int]]]:
    """``events`` (indexes) by band, in :data:`BANDS` order, each band in timeline order (by
    step, then text order); bands with no event are left out."""
    step = steps(doc)
    chosen = sorted(events, key=lambda k: (step[k], doc.events[k].start, k))
    out = []
    for relation, title in BANDS:
        members = [k for k in chosen if doc.events[k].dct_relation is relation]
        if members:
            out.append((relation, title, members))
    return out


def link_words(doc: Document, link: Link) -> str:
    """A link in words: ``legde BEFORE zetten (daarna)``."""
    source, target = doc.events[link.source], doc.events[link.target]
    return f"{source.text} {link.relation.value} {target.text} ({link.cue})"


def dct_line(doc: Document | Recognition) -> str:
    """Which DCT the analysis used and where it came from: ``DCT 2017-02-02 (Thu), given by the caller``."""
    return f"DCT {dct_text(doc.dct, doc.dct_time)} ({_WEEKDAYS[doc.dct.weekday()]}), {_SOURCES[doc.dct_source]}"
