"""Output formats for an analyzed :class:`~timeline.model.Document`: JSON, JSONL, TimeML, CSV and a terminal table.

Everything here is a pure function of the document; nothing is written to disk.

JSON (:func:`document_to_dict`, schema ``timeline/1``)
-------------------------------------------------------
Users store and parse this form, so its fields only ever grow; a change that
removes or redefines a field gets a new ``schema`` string.

- ``schema``: always ``"timeline/1"``.
- ``dct``: the document creation time, ISO ``YYYY-MM-DD``.
- ``dct_source``: where the DCT came from: ``"argument"`` or ``"dateline"``.
- ``timexes``: the time expressions in text order, each as
  :func:`timeline.output.records.timex_to_dict` gives it: ``start``, ``end``
  (character offsets, end exclusive), ``text``, ``type`` (``DATE``, ``TIME``,
  ``DURATION``, ``SET``), ``value`` (TIMEX3), ``interval`` (see below, or
  ``null``), ``rule``, and when present ``mod``, ``tense`` and ``range_end``
  (``[start, end]`` of a range's other end).
- ``events``: in the document's order (anchored events in timeline order, then
  unanchored ones in text order), each with:

  - ``start``, ``end``: offsets of the trigger word; ``text``: the trigger.
  - ``lemma``: the whole verb or noun (``opleggen`` for ``legde ... op``).
  - ``class``: TimeML event class (``REPORTING``, ``OCCURRENCE``...).
  - ``tense``: ``"past"``, ``"present"``, ``"future"`` or ``null``.
  - ``aspect``: ``NONE``, ``PERFECTIVE`` or ``PROGRESSIVE``.
  - ``polarity``: ``POS`` or ``NEG``.
  - ``sentence``: index of the sentence (from 0); ``nominal``: whether the trigger is a noun.
  - ``anchor``: the TIMEX3 value (or ISO interval ``a/b``) the event is dated by, or ``null``.
  - ``interval``: ``{"start", "end", "grain"}`` (ISO datetimes, end exclusive,
    grain such as ``"day"``) placing the event on the timeline, or ``null``.
  - ``timex``: ``[start, end]`` of the time expression the event is linked to, or ``null``.
  - ``rank``: place on the timeline (equal ranks overlap and are not ordered
    against each other), ``null`` for an unanchored event.

JSONL (:func:`document_to_jsonl_line`)
--------------------------------------
One object per document, the form the project's scorer reads: ``id``,
``timexes`` (``start``, ``end``, ``type``, ``value``) and ``events``
(``start``, ``end``, ``class``, ``anchor``, ``rank``).

TimeML (:func:`document_to_timeml`)
-----------------------------------
TimeML 1.2 XML. XML 1.0 cannot hold some characters (``\\x00``-``\\x08``,
``\\x0b``, ``\\x0c``, ``\\x0e``-``\\x1f``, surrogates, ``\\ufffe``, ``\\uffff``):
each becomes U+FFFD, one for one, so offsets still match the text.
"""

from __future__ import annotations

import bisect
import csv
import heapq
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from ..model import Document, Event, Span, TimeExpression, TimexType
from ..time.algebra import Grain, Interval, containing
from ..time.timex import render
from .records import interval_to_dict, timex_to_dict

__all__ = ["document_to_csv", "document_to_dict", "document_to_jsonl_line", "document_to_timeml",
           "event_to_dict", "timeline_table"]

SCHEMA = "timeline/1"
CSV_HEADER = ("rank", "anchor", "start_date", "end_date", "event", "lemma", "class", "tense", "aspect",
              "polarity", "sentence", "start", "end")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_CONTEXT = 60  # characters of text the table shows around an event, trigger included


def event_to_dict(event: Event, rank: int | None) -> dict[str, Any]:
    """One event as plain data, with its rank, so JSON users need not know the library's types."""
    return {"start": event.start, "end": event.end, "text": event.text, "lemma": event.lemma,
            "class": event.cls.value, "tense": None if event.tense is None else event.tense.value,
            "aspect": event.aspect.value, "polarity": event.polarity.value, "sentence": event.sentence,
            "nominal": event.nominal, "anchor": event.anchor, "interval": interval_to_dict(event.interval),
            "timex": None if event.timex is None else [event.timex.start, event.timex.end], "rank": rank}


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The whole analysis as JSON-ready data in the ``timeline/1`` schema (see the module docstring)."""
    return {"schema": SCHEMA, "dct": doc.dct.isoformat(), "dct_source": doc.dct_source.value,
            "timexes": [timex_to_dict(t) for t in doc.timexes],
            "events": [event_to_dict(e, r) for e, r in zip(doc.events, doc.ranks, strict=True)]}


def document_to_jsonl_line(doc: Document, doc_id: str) -> dict[str, Any]:
    """The line the scorer reads for one document, with only the fields it compares.

    Every event gets an integer rank, as the scorer expects one. Unanchored
    events come after all anchored ranks, each with a rank of its own in text
    order: they are never tied with (so never claimed to overlap) an anchored
    event or each other, and never placed before an anchored one. Their
    ``anchor`` stays ``None``, which is how a reader tells them apart.
    """
    ranks = _jsonl_ranks(doc.ranks)
    return {"id": doc_id,
            "timexes": [{"start": t.start, "end": t.end, "type": t.type.value, "value": t.value}
                        for t in doc.timexes],
            "events": [{"start": e.start, "end": e.end, "class": e.cls.value, "anchor": e.anchor, "rank": r}
                       for e, r in zip(doc.events, ranks, strict=True)]}


def _jsonl_ranks(ranks: Iterable[int | None]) -> list[int]:
    ranks = list(ranks)
    following = max((r for r in ranks if r is not None), default=-1) + 1
    out: list[int] = []
    for r in ranks:
        if r is None:
            r, following = following, following + 1
        out.append(r)
    return out


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
    Characters XML 1.0 cannot hold become U+FFFD (see the module docstring);
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


def xml_safe(s: str) -> str:
    """``s`` with each character XML 1.0 (and so HTML) cannot hold as U+FFFD, one for one."""
    return _NOT_XML.sub("\ufffd", s)


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


def document_to_csv(doc: Document) -> str:
    """One row per event (``doc.events`` order), for spreadsheets; empty cells where a value is missing."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for event, rank in zip(doc.events, doc.ranks, strict=True):
        first, last = _days(event.interval) if event.interval is not None else ("", "")
        writer.writerow(["" if rank is None else rank, event.anchor or "", first, last, event.text, event.lemma,
                         event.cls.value, "" if event.tense is None else event.tense.value, event.aspect.value,
                         event.polarity.value, event.sentence, event.start, event.end])
    return out.getvalue()


def _days(interval: Interval) -> tuple[str, str]:
    """First and last calendar day an interval touches, ISO."""
    return interval.start.date().isoformat(), (interval.end - timedelta(microseconds=1)).date().isoformat()


def timeline_table(doc: Document) -> str:
    """A plain-text table for a terminal: the timeline at a glance, then the events it could not place.

    Columns: when (in words), the anchor's TIMEX3 value (with its ``mod``), the
    trigger, the lemma, and some 60 characters of text around the trigger on
    one line. Characters a terminal would act on are shown as U+FFFD.
    """
    header = ("when", "value", "event", "lemma", "context")
    anchored = [_row(doc, e) for e in doc.anchored]
    unanchored = [_row(doc, e) for e in sorted(doc.unanchored, key=lambda e: (e.start, e.end))]
    rows = [header, *anchored, *unanchored]
    widths = [max(len(row[c]) for row in rows) for c in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()

    lines = [line(header), *(line(r) for r in anchored)]
    if unanchored:
        lines += ["unanchored", *(line(r) for r in unanchored)]
    return "\n".join(lines) + "\n"


def _row(doc: Document, event: Event) -> tuple[str, ...]:
    """The table cells of one event, each on one line."""
    value = event.anchor or ""
    if value and event.timex is not None and event.timex.mod is not None:
        value += f" ({event.timex.mod.value})"
    when = "" if event.interval is None else _when(event.interval)
    side = max(10, (_CONTEXT - (event.end - event.start)) // 2)
    start, end = max(0, event.start - side), min(len(doc.text), event.end + side)
    context = ("…" if start > 0 else "") + doc.text[start:end] + ("…" if end < len(doc.text) else "")
    return tuple(printable(" ".join(cell.split())) for cell in (when, value, event.text, event.lemma, context))


def printable(s: str) -> str:
    """``s`` with each character a terminal would act on (controls, escapes) as U+FFFD."""
    return "".join(c if c.isprintable() else "\ufffd" for c in s)


def _when(interval: Interval) -> str:
    """``2017-02-02 (Thu)``, ``2017-W04 (week)``, or ``2017-01-26 .. 2017-02-02`` for a stretch that is no one unit."""
    try:
        unit = containing(interval.start, interval.grain) == interval
    except ValueError:
        unit = False
    if unit and interval.grain is Grain.DAY:
        return f"{render(interval)} ({_WEEKDAYS[interval.start.weekday()]})"
    if unit:
        return f"{render(interval)} ({interval.grain.name.lower().replace('_', ' ')})"
    if _midnight(interval.start) and _midnight(interval.end):
        first, last = _days(interval)
        return first if first == last else f"{first} .. {last}"
    last_minute = interval.end - timedelta(minutes=1)
    return f"{interval.start.isoformat(timespec='minutes')} .. {last_minute.isoformat(timespec='minutes')}"


def _midnight(t: datetime) -> bool:
    return t == datetime.combine(t.date(), datetime.min.time())
