"""Outputs for people and spreadsheets: CSV, one row per event, and a plain-text table of
the timeline for a terminal.

CSV columns, in this order (new ones are only ever added at the end, so readers
that pick columns by position keep working): ``rank`` (empty for an undated
event), ``anchor`` (TIMEX3 value), ``start_date`` and ``last_date`` (the first and
the last calendar day of the event's interval, both included: a week runs from
``2017-01-23`` to ``2017-01-29``, where its JSON interval ends at the exclusive
instant ``2017-01-30T00:00:00``; development versions called the column
``end_date``), ``event`` (the trigger), ``lemma``, ``class``, ``tense``,
``aspect``, ``polarity``, ``sentence``, ``start`` and ``end`` (offsets of the
trigger), and ``dct_relation``: ``BEFORE``, ``AFTER``, ``OVERLAP`` or ``VAGUE``,
how the event lies against the DCT.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from ..model import Document, Event, Relation
from ..time.algebra import Grain, Interval, containing
from ..time.timex import render
from .bands import bands, dct_line, link_words
from .chars import printable

__all__ = ["CSV_HEADER", "document_to_csv", "timeline_table"]

CSV_HEADER = ("rank", "anchor", "start_date", "last_date", "event", "lemma", "class", "tense", "aspect",
              "polarity", "sentence", "start", "end", "dct_relation")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_CONTEXT = 60  # characters of text the table shows around an event, trigger included


def document_to_csv(doc: Document) -> str:
    """One row per event (``doc.events`` order), for spreadsheets; empty cells where a value is missing."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for event, rank in zip(doc.events, doc.ranks, strict=True):
        first, last = _days(event.interval) if event.interval is not None else ("", "")
        writer.writerow(["" if rank is None else rank, event.anchor or "", first, last, event.text, event.lemma,
                         event.cls.value, "" if event.tense is None else event.tense.value, event.aspect.value,
                         event.polarity.value, event.sentence, event.start, event.end, event.dct_relation.value])
    return out.getvalue()


def _days(interval: Interval) -> tuple[str, str]:
    """First and last calendar day an interval touches, ISO."""
    return interval.start.date().isoformat(), (interval.end - timedelta(microseconds=1)).date().isoformat()


def timeline_table(doc: Document) -> str:
    """A plain-text table for a terminal: the DCT used, the timeline at a glance, the undated
    events in their places, and the links between events the text gives.

    The first line names the DCT and where it came from. Then one row per dated
    event in timeline order; then the undated events in bands (see
    :mod:`timeline.output.bands`): before the DCT, around it, after it, and
    those the text gives no place in time, each band in an order that respects
    the links. Columns: when (in words), the anchor's TIMEX3 value (with its
    ``mod``), the trigger, the lemma, the relation to the DCT, and some 60
    characters of text around the trigger on one line. Last, each link as
    ``begonnen BEFORE vonden (later)``: the two triggers, the relation and the cue.
    Characters a terminal would act on are shown as U+FFFD.
    """
    header = ("when", "value", "event", "lemma", "dct", "context")
    dated = [_row(doc, e) for e in doc.anchored]
    undated = [k for k, rank in enumerate(doc.ranks) if rank is None]
    banded = [(title if relation is Relation.VAGUE else f"undated, {title}",
               [_row(doc, doc.events[k]) for k in members]) for relation, title, members in bands(doc, undated)]
    rows = [header, *dated, *(row for _, members in banded for row in members)]
    widths = [max(len(row[c]) for row in rows) for c in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()

    lines = [printable(dct_line(doc)), line(header), *(line(r) for r in dated)]
    for title, members in banded:
        lines += [title, *(line(r) for r in members)]
    if doc.links:
        lines += ["links", *(printable("  " + " ".join(link_words(doc, link).split())) for link in doc.links)]
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
    cells = (when, value, event.text, event.lemma, event.dct_relation.value, context)
    return tuple(printable(" ".join(cell.split())) for cell in cells)


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
