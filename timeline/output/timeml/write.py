"""Writing TimeML 1.2: the document's text with inline ``TIMEX3`` and ``EVENT`` tags, its
event instances and its links (see :func:`document_to_timeml`)."""

from __future__ import annotations

import bisect
import heapq
import xml.etree.ElementTree as ET
from datetime import datetime

from ...model import Document, Span, TimeExpression, TimexType
from ..chars import xml_safe

__all__ = ["document_to_timeml"]


def document_to_timeml(doc: Document, doc_id: str = "d1") -> str:
    """The document as TimeML 1.2, for tools that read the standard rather than our JSON.

    Time expressions get ``tid`` ``t1``, ``t2``... in ``doc.timexes`` order (the
    DCT is ``t0``); events get ``eid`` ``eN`` and instance ``eiN`` in
    ``doc.events`` order. ``TEXT`` holds the text with ``TIMEX3`` and ``EVENT``
    tags at their spans. XML cannot nest overlapping tags, so an event whose
    trigger overlaps a time expression (or an earlier event) gets no inline
    ``EVENT`` tag; its ``MAKEINSTANCE`` and links are still written, its
    ``eventID`` then naming no tag. The same holds for a time expression that
    overlaps an earlier one (or lies outside the text): no tag, and no link to it.

    Links: each event linked to a placed time expression gets a ``TLINK`` to it,
    ``DURING`` for a duration and ``IS_INCLUDED`` otherwise. ``BEFORE`` links go
    from rank group to the next: each anchored event is linked from the event of
    the previous rank whose interval ends first (the nearest in the text among
    ties), which ends by the time every event of the next rank starts. Ranks
    alone do not prove ``BEFORE`` for other pairs, since a long interval can
    share a rank with a short one that ends early; equal ranks overlap, so
    ``SIMULTANEOUS`` is never claimed. An empty span gets no inline tag.
    Characters XML 1.0 cannot hold become U+FFFD (see :mod:`timeline.output.timeml`);
    carriage returns are written as ``&#13;`` so parsers keep them.
    The string starts with an XML declaration for UTF-8: encode it so.
    """
    root = ET.Element("TimeML")
    root.text = "\n"
    ET.SubElement(root, "DOCID").text = xml_safe(doc_id)
    dct = ET.SubElement(ET.SubElement(root, "DCT"), "TIMEX3", tid="t0", type="DATE", value=doc.dct.isoformat(),
                        temporalFunction="false", functionInDocument="CREATION_TIME")
    dct.text = doc.dct.isoformat()
    text = xml_safe(doc.text)
    tids = _inline(ET.SubElement(root, "TEXT"), text, doc)
    for k, event in enumerate(doc.events, 1):
        ET.SubElement(root, "MAKEINSTANCE", eiid=f"ei{k}", eventID=f"e{k}",
                      tense="NONE" if event.tense is None else event.tense.name, aspect=event.aspect.value,
                      polarity=event.polarity.value, pos="NOUN" if event.nominal else "VERB")
    links: list[dict[str, str]] = []
    for k, event in enumerate(doc.events, 1):
        found = None if event.timex is None else tids.get(event.timex.span)
        if event.timex is not None and found is not None and found[1] == event.timex:
            tid = found[0]
            rel = "DURING" if event.timex.type is TimexType.DURATION else "IS_INCLUDED"
            links.append({"relType": rel, "eventInstanceID": f"ei{k}", "relatedToTime": tid})
    for before, after in _before_links(doc):
        links.append({"relType": "BEFORE", "eventInstanceID": f"ei{before}", "relatedToEventInstance": f"ei{after}"})
    for n, attrs in enumerate(links, 1):
        ET.SubElement(root, "TLINK", {"lid": f"l{n}", **attrs})
    for child in root:
        child.tail = "\n"
    return ET.tostring(root, encoding="unicode", xml_declaration=True).replace("\r", "&#13;") + "\n"


def _inline(parent: ET.Element, text: str, doc: Document) -> dict[Span, tuple[str, TimeExpression]]:
    """Fill ``parent`` with ``text`` and the inline tags; the ``tid`` of each placed expression, by span.

    Time expressions are placed first, in text order, each unless it overlaps one
    placed before it; then events, each unless it overlaps a placed expression or
    event. Placed marks never overlap, so sorted by start they are sorted by end
    too, and one look at the nearest placed mark on each side (by bisection)
    decides: linear in the marks, up to a log.
    """
    tids: dict[Span, tuple[str, TimeExpression]] = {}
    timex_marks: list[tuple[int, int, ET.Element]] = []
    for k, t in sorted(enumerate(doc.timexes, 1), key=lambda kt: (kt[1].start, kt[1].end)):
        if t.start < t.end <= len(text) and (not timex_marks or timex_marks[-1][1] <= t.start):
            attrs = {"tid": f"t{k}", "type": t.type.value, "value": xml_safe(t.value)}
            if t.mod is not None:
                attrs["mod"] = t.mod.value
            timex_marks.append((t.start, t.end, ET.Element("TIMEX3", attrs)))
            tids[t.span] = (f"t{k}", t)
    starts = [start for start, _, _ in timex_marks]
    event_marks: list[tuple[int, int, ET.Element]] = []
    for k, e in sorted(enumerate(doc.events, 1), key=lambda ke: (ke[1].start, ke[1].end)):
        if not e.start < e.end <= len(text) or (event_marks and e.start < event_marks[-1][1]):
            continue
        before = bisect.bisect_left(starts, e.end)  # timex marks that start before the event ends
        if before and timex_marks[before - 1][1] > e.start:
            continue
        event_marks.append((e.start, e.end, ET.Element("EVENT", {"eid": f"e{k}", "class": e.cls.value})))
    cursor, last = 0, None
    for start, end, element in heapq.merge(timex_marks, event_marks, key=lambda m: m[0]):
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
    return tids


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
