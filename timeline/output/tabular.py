"""Outputs for people and spreadsheets: CSV, one row per event, and a plain-text table of
the timeline for a terminal."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from ..model import Document, Event
from ..time.algebra import Grain, Interval, containing
from ..time.timex import render
from .chars import printable

__all__ = ["CSV_HEADER", "document_to_csv", "timeline_table"]

CSV_HEADER = ("rank", "anchor", "start_date", "end_date", "event", "lemma", "class", "tense", "aspect",
              "polarity", "sentence", "start", "end")
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
