"""The timeline for Knight Lab's TimelineJS, the tool newsrooms publish timelines with.

TimelineJS reads one JSON object: ``events``, a list of slides, and an optional
``title`` slide without a date. :func:`document_to_timelinejs` builds it as
plain data for ``json.dumps`` (``timeline analyze --format timelinejs`` writes
it). Only fields TimelineJS documents are written.

- Each event the text dates is a slide, in timeline order (``Document.events``:
  by rank, overlapping events in text order; TimelineJS itself shows slides by
  start date, keeping this order among equal ones): ``unique_id`` ``event-K`` (K indexes
  ``Document.events``, as the HTML view's ``#event-K`` does), ``start_date``,
  an ``end_date`` where the event spans more than one day (or, within a day,
  more than one minute), ``text`` with a ``headline`` (the trigger and its time
  expression) and a ``text`` (the sentence, trigger and time expression
  marked, then the anchor and where the event lies against the DCT), and
  ``autolink: false``.
- Dates are numbers, as TimelineJS documents them, with as many parts as the
  interval has: ``year``, ``month``, ``day`` for whole days, ``hour`` and
  ``minute`` (and ``second``) for a stretch within a day. ``end_date`` is
  *inclusive*: it names the last day (within a day, the last minute) the
  interval covers, since TimelineJS shows a slide's dates as "start — end" and
  a reader takes both ends as included. The week 2017-W04 is 23 to 29 January,
  not 23 January to 30 January as the interval's exclusive end
  (``2017-01-30T00:00`` in the JSON output) would read. TimelineJS puts a date
  at the start of what it names, so its bar for that week stops at the start
  of the 29th; the words on the slide are exact.
- Events the text does not date (``Vroeger``, or no time at all) cannot be
  slides, as a slide needs a date. The title slide says how many there are and
  names them by band (before the DCT, around it, after it, no place in time).
- The title slide: the title, the DCT and where it came from, the counts.
- TimelineJS shows nothing when ``events`` is empty; a text with no dated event
  gets one slide, ``unique_id`` ``dct``, on the DCT, which says so.

Text fields are HTML in TimelineJS (it passes them through its sanitizer, then
into the page), so every piece of the document's text is HTML-escaped here:
``<img src=x onerror=...>`` in an article shows as those characters and never
becomes a tag. The fields TimelineJS strips of markup and then writes as HTML
(a slide's ``display_date`` and ``group``) are never written, and
``unique_id`` is built from numbers only. So the only ``<`` in the output
opens one of the few tags written here (``p``, ``strong``, ``em``, ``small``,
``ul``, ``li``): no ``</script>`` or ``<!--`` can occur, and the JSON may be
put inside a page's ``<script>`` as it is.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..model import Document, Event, Relation
from ..time.algebra import Interval
from .bands import BANDS, bands, dct_line
from .sentence import esc as _esc
from .sentence import marked_sentence, sentence_starts

__all__ = ["document_to_timelinejs"]

_PLACES = dict(BANDS)
_TAGS = {"trigger": "strong", "time": "em"}


def document_to_timelinejs(doc: Document, title: str = "Timeline") -> dict[str, Any]:
    """``doc`` as the JSON object TimelineJS reads: ``title`` and ``events`` (see the module docstring)."""
    starts = sentence_starts(doc)
    slides = [_slide(doc, starts, k, e, e.interval) for k, e in enumerate(doc.events) if e.interval is not None]
    title_slide = _title_slide(doc, title, len(slides))
    return {"title": title_slide, "events": slides or [_dct_slide(doc)]}


def _slide(doc: Document, starts: list[int], k: int, event: Event, interval: Interval) -> dict[str, Any]:
    """One dated event as a slide."""
    start, end = _dates(interval)
    slide: dict[str, Any] = {"unique_id": f"event-{k}", "start_date": start}
    if end is not None:
        slide["end_date"] = end
    sentence = marked_sentence(doc, starts, event, _tagged)
    slide["text"] = {"headline": _esc(_named(event)), "text": f"<p>{sentence}</p><p>{_about(event)}</p>"}
    slide["autolink"] = False
    return slide


def _dates(interval: Interval) -> tuple[dict[str, int], dict[str, int] | None]:
    """The start date and the inclusive end date (None for a single day or minute) of an interval."""
    start, end = interval.start, interval.end
    if _midnight(start) and _midnight(end):
        last = end - timedelta(days=1)
        return _day(start), (_day(last) if last > start else None)
    step = timedelta(seconds=1) if start.second or end.second else timedelta(minutes=1)
    last = end - step
    return _clock(start, step), (_clock(last, step) if last > start else None)


def _day(t: datetime) -> dict[str, int]:
    return {"year": t.year, "month": t.month, "day": t.day}


def _clock(t: datetime, step: timedelta) -> dict[str, int]:
    out = {**_day(t), "hour": t.hour, "minute": t.minute}
    if step < timedelta(minutes=1):
        out["second"] = t.second
    return out


def _midnight(t: datetime) -> bool:
    return t.hour == t.minute == t.second == t.microsecond == 0


def _about(event: Event) -> str:
    """``beginnen, ASPECTUAL; anchor 2016-11-14; before the DCT``, escaped and small."""
    anchor = event.anchor or ""
    if event.timex is not None and event.timex.mod is not None:
        anchor += f" ({event.timex.mod.value})"
    words = f"{event.lemma}, {event.cls.value}; anchor {anchor}; {_PLACES[event.dct_relation]}"
    return f"<small>{_esc(words)}</small>"


def _title_slide(doc: Document, title: str, dated: int) -> dict[str, Any]:
    """The title slide: the title, the DCT and where it came from, and what is on the slides."""
    undated = [k for k, e in enumerate(doc.events) if e.interval is None]
    counts = f"{_count(len(doc.events), 'event')} found; " + (
        f"{_count(dated, 'dated by the text', 'dated by the text')}, one slide each in timeline order"
        if dated else "none dated by the text, so the one slide marks the DCT")
    parts = [f"<p>{_esc(dct_line(doc))}.</p>", f"<p>{counts}.</p>"]
    if undated:
        items = "".join(f"<li>{_esc(name)}: {_esc(', '.join(_named(doc.events[k]) for k in members))}</li>"
                        for name, members in _named_bands(doc, undated))
        parts.append(f"<p>{len(undated)} the text does not date (or only vaguely), left out, as a slide needs "
                     f"a date:</p>"
                     f"<ul>{items}</ul>")
    return {"unique_id": "title", "text": {"headline": _esc(title), "text": "".join(parts)}, "autolink": False}


def _named_bands(doc: Document, undated: list[int]) -> list[tuple[str, list[int]]]:
    return [(title if relation is Relation.VAGUE else f"undated, {title}", members)
            for relation, title, members in bands(doc, undated)]


def _named(event: Event) -> str:
    """``zei``, or with the words that date it vaguely: ``stond (Vroeger)``."""
    return event.text if event.timex is None else f"{event.text} ({event.timex.text})"


def _dct_slide(doc: Document) -> dict[str, Any]:
    """The one slide of a text with no dated event: its DCT, so that TimelineJS has a slide to show."""
    moment = datetime.combine(doc.dct, doc.dct_time) if doc.dct_time is not None else None
    start = _day(datetime.combine(doc.dct, datetime.min.time())) if moment is None \
        else _clock(moment, timedelta(seconds=1) if moment.second else timedelta(minutes=1))
    text = "No event of the text is dated by it; this slide marks the document's creation time."
    return {"unique_id": "dct", "start_date": start,
            "text": {"headline": _esc(dct_line(doc)), "text": f"<p>{_esc(text)}</p>"}, "autolink": False}


def _count(n: int, word: str, words: str = "") -> str:
    """``1 event``, ``3 events``."""
    return f"{n} {word if n == 1 else words or word + 's'}"


def _tagged(kind: str, text: str) -> str:
    """The trigger in ``<strong>``, its time expression in ``<em>``."""
    return f"<{_TAGS[kind]}>{text}</{_TAGS[kind]}>"
