"""Writing TimeML 1.2: the document's text with inline ``TIMEX3``, ``EVENT`` and ``SIGNAL``
tags, its event instances and its links (see :func:`document_to_timeml`)."""

from __future__ import annotations

import bisect
import heapq
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime

from ...model import Document, Relation, Span, TimeExpression, TimexType, dct_text
from ..chars import xml_safe

__all__ = ["DCT_REL_TYPES", "LINK_REL_TYPES", "document_to_timeml"]

#: The ``relType`` of an event's TLINK to the DCT (``t0``), by :attr:`~timeline.Event.dct_relation`.
#: ``t0`` stands for the moment of writing, which lies in the day its value names; an
#: event that holds at that moment contains it. VAGUE gets no TLINK.
DCT_REL_TYPES = {Relation.BEFORE: "BEFORE", Relation.AFTER: "AFTER", Relation.OVERLAP: "INCLUDES"}
#: The ``relType`` of a TLINK between two events, by :attr:`~timeline.Link.relation`: two
#: events that share time, neither known to contain the other, are ``SIMULTANEOUS`` in the
#: guidelines' sense (at the same time, or not told apart in context).
LINK_REL_TYPES = {Relation.BEFORE: "BEFORE", Relation.AFTER: "AFTER", Relation.OVERLAP: "SIMULTANEOUS"}


def document_to_timeml(doc: Document, doc_id: str = "d1") -> str:
    """The document as TimeML 1.2, for tools that read the standard rather than our JSON.

    Time expressions get ``tid`` ``t1``, ``t2``... in ``doc.timexes`` order (the
    DCT is ``t0``); events get ``eid`` ``eN`` and instance ``eiN`` in
    ``doc.events`` order. ``TEXT`` holds the text with ``TIMEX3`` and ``EVENT``
    tags at their spans, and a ``SIGNAL`` tag (``sN``) on each cue word of a link.
    XML cannot nest overlapping tags, so an event whose
    trigger overlaps a time expression (or an earlier event) gets no inline
    ``EVENT`` tag; its ``MAKEINSTANCE`` and links are still written, its
    ``eventID`` then naming no tag. The same holds for a time expression that
    overlaps an earlier one (or lies outside the text): no tag, and no link to it;
    and for a cue word inside a tag (``later`` in ``Twee weken later``): no
    ``SIGNAL``, the cue is still in the link's ``syntax``.

    Links, in this order:

    - each event linked to a placed time expression gets a ``TLINK`` to it,
      ``DURING`` for a duration and ``IS_INCLUDED`` otherwise;
    - ``BEFORE`` links go from rank group to the next: each anchored event is
      linked from the event of the previous rank whose interval ends first (the
      nearest in the text among ties), which ends by the time every event of the
      next rank starts. Ranks alone do not prove ``BEFORE`` for other pairs, since
      a long interval can share a rank with a short one that ends early; equal
      ranks overlap, so ``SIMULTANEOUS`` is never claimed for them;
    - each event placed against the DCT gets a ``TLINK`` to ``t0``:
      ``BEFORE``, ``AFTER``, or ``INCLUDES`` for one that holds at the DCT
      (:data:`DCT_REL_TYPES`); a VAGUE one gets none;
    - each of ``doc.links`` becomes a ``TLINK`` between the two instances,
      ``BEFORE``, ``AFTER`` or ``SIMULTANEOUS`` for OVERLAP
      (:data:`LINK_REL_TYPES`), with its cue in ``syntax`` (TimeML 1.2.1's
      attribute for what made a link) and, where the cue word got a tag, its
      ``signalID``.

    An empty span gets no inline tag.
    Characters XML 1.0 cannot hold become U+FFFD (see :mod:`timeline.output.timeml`);
    carriage returns are written as ``&#13;`` so parsers keep them.
    The string starts with an XML declaration for UTF-8: encode it so.
    """
    root = ET.Element("TimeML")
    root.text = "\n"
    ET.SubElement(root, "DOCID").text = xml_safe(doc_id)
    value = dct_text(doc.dct, doc.dct_time)
    dct = ET.SubElement(ET.SubElement(root, "DCT"), "TIMEX3", tid="t0", type="DATE" if doc.dct_time is None else "TIME",
                        value=value, temporalFunction="false", functionInDocument="CREATION_TIME")
    dct.text = value
    text = xml_safe(doc.text)
    tids, sids = _inline(ET.SubElement(root, "TEXT"), text, doc)
    for k, event in enumerate(doc.events, 1):
        ET.SubElement(root, "MAKEINSTANCE", eiid=f"ei{k}", eventID=f"e{k}",
                      tense="NONE" if event.tense is None else event.tense.name, aspect=event.aspect.value,
                      polarity=event.polarity.value, pos="NOUN" if event.nominal else "VERB")
    for n, attrs in enumerate(_links(doc, tids, sids), 1):
        ET.SubElement(root, "TLINK", {"lid": f"l{n}", **attrs})
    for child in root:
        child.tail = "\n"
    return ET.tostring(root, encoding="unicode", xml_declaration=True).replace("\r", "&#13;") + "\n"


def _links(doc: Document, tids: dict[Span, tuple[str, TimeExpression]], sids: dict[Span, str]) -> list[dict[str, str]]:
    """The attributes of every ``TLINK``, in the order :func:`document_to_timeml` gives."""
    links: list[dict[str, str]] = []
    for k, event in enumerate(doc.events, 1):
        found = None if event.timex is None else tids.get(event.timex.span)
        if event.timex is not None and found is not None and found[1] == event.timex:
            rel = "DURING" if event.timex.type is TimexType.DURATION else "IS_INCLUDED"
            links.append({"relType": rel, "eventInstanceID": f"ei{k}", "relatedToTime": found[0]})
    for before, after in _before_links(doc):
        links.append({"relType": "BEFORE", "eventInstanceID": f"ei{before}", "relatedToEventInstance": f"ei{after}"})
    for k, event in enumerate(doc.events, 1):
        if event.dct_relation in DCT_REL_TYPES:
            links.append({"relType": DCT_REL_TYPES[event.dct_relation], "eventInstanceID": f"ei{k}",
                          "relatedToTime": "t0"})
    for link in doc.links:
        attrs = {"relType": LINK_REL_TYPES[link.relation], "eventInstanceID": f"ei{link.source + 1}",
                 "relatedToEventInstance": f"ei{link.target + 1}", "syntax": xml_safe(link.cue)}
        if link.span is not None and link.span in sids:
            attrs["signalID"] = sids[link.span]
        links.append(attrs)
    return links


_Mark = tuple[int, int, ET.Element]


def _inline(parent: ET.Element, text: str, doc: Document) -> tuple[dict[Span, tuple[str, TimeExpression]],
                                                                    dict[Span, str]]:
    """Fill ``parent`` with ``text`` and the inline tags; the ``tid`` of each placed expression
    and the ``sid`` of each placed cue word, by span.

    Time expressions are placed first, in text order, each unless it overlaps one
    placed before it; then events, each unless it overlaps a placed expression or
    event; then the cue words of the links, each unless it overlaps any tag placed.
    Placed marks never overlap, so sorted by start they are sorted by end
    too, and one look at the nearest placed mark on each side (by bisection)
    decides: linear in the marks, up to a log.
    """
    tids: dict[Span, tuple[str, TimeExpression]] = {}
    timex_marks: list[_Mark] = []
    for k, t in sorted(enumerate(doc.timexes, 1), key=lambda kt: (kt[1].start, kt[1].end)):
        if t.start < t.end <= len(text) and (not timex_marks or timex_marks[-1][1] <= t.start):
            attrs = {"tid": f"t{k}", "type": t.type.value, "value": xml_safe(t.value)}
            if t.mod is not None:
                attrs["mod"] = t.mod.value
            timex_marks.append((t.start, t.end, ET.Element("TIMEX3", attrs)))
            tids[t.span] = (f"t{k}", t)
    event_marks: list[_Mark] = []
    for k, e in sorted(enumerate(doc.events, 1), key=lambda ke: (ke[1].start, ke[1].end)):
        if e.start < e.end <= len(text) and (not event_marks or event_marks[-1][1] <= e.start) \
                and _clear(timex_marks, e.start, e.end):
            event_marks.append((e.start, e.end, ET.Element("EVENT", {"eid": f"e{k}", "class": e.cls.value})))
    placed = list(heapq.merge(timex_marks, event_marks, key=lambda m: m[0]))
    sids: dict[Span, str] = {}
    signal_marks: list[_Mark] = []
    for span in sorted({link.span for link in doc.links if link.span is not None}, key=lambda s: (s.start, s.end)):
        if span.start < span.end <= len(text) and (not signal_marks or signal_marks[-1][1] <= span.start) \
                and _clear(placed, span.start, span.end):
            sids[span] = f"s{len(sids) + 1}"
            signal_marks.append((span.start, span.end, ET.Element("SIGNAL", {"sid": sids[span]})))
    _fill(parent, text, heapq.merge(placed, signal_marks, key=lambda m: m[0]))
    return tids, sids


def _clear(marks: list[_Mark], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps none of ``marks`` (sorted, never overlapping each
    other: only the last one that starts before ``end`` can reach past ``start``)."""
    before = bisect.bisect_left(marks, end, key=lambda m: m[0])
    return not before or marks[before - 1][1] <= start


def _fill(parent: ET.Element, text: str, marks: Iterable[_Mark]) -> None:
    """``text`` into ``parent``, each mark's element wrapping its stretch (marks in text order)."""
    cursor, last = 0, None
    for start, end, element in marks:
        if last is None:
            parent.text = text[:start]
        else:
            last.tail = text[cursor:start]
        element.text = text[start:end]
        parent.append(element)
        cursor, last = end, element
    if last is None:
        parent.text = text
    else:
        last.tail = text[cursor:]


def _before_links(doc: Document) -> list[tuple[int, int]]:
    """``(a, b)`` pairs of 1-based event numbers with ``a`` wholly before ``b`` (see :func:`document_to_timeml`).

    Every event of a rank starts where the earliest-ending event of the rank
    below has ended (that is how ranks are cut), so that event precedes them
    all: each event is linked from it, the nearest in the text among ties.
    """
    first_end: dict[int, tuple[datetime, list[int]]] = {}  # rank -> earliest end, the events ending then
    for k, (event, rank) in enumerate(zip(doc.events, doc.ranks, strict=True), 1):
        if rank is None or event.interval is None:
            continue
        end = event.interval.end
        known = first_end.get(rank)
        if known is None or end < known[0]:
            first_end[rank] = (end, [k])
        elif end == known[0]:
            known[1].append(k)
    for _, ties in first_end.values():
        ties.sort()
    out: list[tuple[int, int]] = []
    for k, (event, rank) in enumerate(zip(doc.events, doc.ranks, strict=True), 1):
        if rank is None or event.interval is None or rank - 1 not in first_end:
            continue
        end, ties = first_end[rank - 1]
        if end > event.interval.start:
            continue
        at = bisect.bisect_left(ties, k)
        nearest = min(ties[max(0, at - 1):at + 1], key=lambda j: (abs(k - j), j))
        out.append((nearest, k))
    return out
