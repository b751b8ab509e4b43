"""What the page hands to vis-timeline: the groups, the items, the DCT and the window the view
opens on, as plain data (the page's script turns it into elements).

A dated or vaguely dated event is an item of its own. The undated events of a band share one
bar (ending at the DCT line for those before it, around it, starting at it for those after it)
that lists them in the band's order: one row per event would stack dozens of identical bars.

Times are written as local ISO datetimes without an offset, as vis-timeline reads them: the
page shows the calendar of the text, not of a time zone.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from ...model import Document, Relation
from ..bands import bands
from ..chars import xml_safe
from .text import summary

__all__ = ["FUZZY", "GROUPS", "timeline_data"]

FUZZY = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
#: Group id, the title vis-timeline shows beside it, and which events it holds.
GROUPS = (("dated", "dated"), ("vague", "vaguely dated"), ("before", "undated, before the DCT"),
          ("around", "undated, around the DCT"), ("after", "undated, after the DCT"))
_BAND_GROUP = {Relation.BEFORE: "before", Relation.OVERLAP: "around", Relation.AFTER: "after"}
_SHORT = timedelta(days=62)  # dated events spanning at most this open fitted; else a window around the DCT
_BACK, _AHEAD = timedelta(days=21), timedelta(days=21)  # that window, before and after the DCT
_REACH = timedelta(days=30)  # the least reach of a bar for an undated or vague event
_AROUND = timedelta(days=3)  # half the bar of an event around the DCT


def timeline_data(doc: Document, step: list[int]) -> dict[str, Any]:
    """The groups, items, DCT, opening window and panning bounds of ``doc`` (``step``: each
    event's step in :meth:`~timeline.Document.timeline`); ready for ``json.dumps``."""
    day = datetime.combine(doc.dct, time())
    line = datetime.combine(doc.dct, doc.dct_time or time(12))
    dated = [(k, e.interval) for k, e in enumerate(doc.events) if doc.ranks[k] is not None and e.interval]
    first = min([i.start for _, i in dated] + [day])
    last = max([i.end for _, i in dated] + [_plus(day, timedelta(days=1))])
    left, right = min(first, _plus(line, -_REACH)), max(last, _plus(line, _REACH))
    items = []
    for k, interval in dated:
        point = interval.end - interval.start <= timedelta(days=1)
        items.append(_item(doc, k, step, "dated", interval.start + (interval.end - interval.start) / 2
                           if point else interval.start, None if point else interval.end, "dated"))
    for k, event in enumerate(doc.events):
        if doc.ranks[k] is None and event.anchor in FUZZY:
            start, end, fade = {"PAST_REF": (left, line, "fade-in"), "FUTURE_REF": (line, right, "fade-out")}.get(
                event.anchor or "", (_plus(line, -_AROUND), _plus(line, _AROUND), "fade-both"))
            items.append(_item(doc, k, step, "vague", start, end, f"fuzzy {fade}"))
    undated = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY]
    for relation, _, members in bands(doc, undated):
        if relation is not Relation.VAGUE:
            start, end = {Relation.BEFORE: (left, line), Relation.AFTER: (line, right)}.get(
                relation, (_plus(line, -_AROUND), _plus(line, _AROUND)))
            group = _BAND_GROUP[relation]
            items.append({"id": f"band-{group}", "group": group, "start": _iso(start), "end": _iso(end),
                          "type": "range", "kind": f"band {group}", "step": min(step[k] for k in members),
                          "members": [_label(doc, k, step, "") for k in members]})
    used = {item["group"] for item in items}
    pad = (right - left) / 10
    return {"dct": _iso(line), "dctDay": [_iso(day), _iso(_plus(day, timedelta(days=1)))],
            "window": [_iso(t) for t in _window(doc, [i for _, i in dated], day, first, last)],
            "bounds": [_iso(_plus(left, -pad)), _iso(_plus(right, pad))],
            "groups": [{"id": g, "title": title, "order": n} for n, (g, title) in enumerate(GROUPS) if g in used],
            "items": items}


def _item(doc: Document, k: int, step: list[int], group: str, start: datetime, end: datetime | None,
          kind: str) -> dict[str, Any]:
    """Event ``k`` as an item of its own: a point where ``end`` is None, else a bar."""
    out = {"group": group, "start": _iso(start), "type": "point" if end is None else "range", "kind": kind,
           **_label(doc, k, step, (doc.events[k].anchor or "") if kind == "dated" else "")}
    if end is not None:
        out["end"] = _iso(max(end, start + timedelta(minutes=1)))
    return out


def _label(doc: Document, k: int, step: list[int], when: str) -> dict[str, Any]:
    """What the page shows of event ``k`` on the axis: its trigger, ``when`` beside it, and
    its summary as tooltip; with its step, for the order."""
    return {"id": k, "label": xml_safe(doc.events[k].text), "when": xml_safe(when), "step": step[k],
            "summary": xml_safe(summary(doc, k))}


def _window(doc: Document, dated: list[Any], day: datetime, first: datetime,
            last: datetime) -> tuple[datetime, datetime]:
    """Where the view opens: fitted to the dated events and the DCT where they span little,
    else around the DCT over the events near it (the page widens it so that no label is cut)."""
    if last - first > _SHORT:
        near = [i for i in dated if i.end > _plus(day, -_BACK) and i.start < _plus(day, _AHEAD)
                and i.end - i.start <= _SHORT]
        first = max(min([i.start for i in near] + [day]), _plus(day, -_BACK))
        last = min(max([i.end for i in near] + [_plus(day, timedelta(days=1))]), _plus(day, _AHEAD))
    pad = max((last - first) / 20, timedelta(hours=12))
    return _plus(first, -pad), _plus(last, pad)


def _plus(t: datetime, d: timedelta) -> datetime:
    """``t + d``, held at the ends of the calendar."""
    try:
        return t + d
    except OverflowError:
        return datetime.max if d > timedelta() else datetime.min


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")
