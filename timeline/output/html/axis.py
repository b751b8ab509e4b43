"""The time axis: its scale and ticks, and the marks of the dated events on it, in lanes."""

from __future__ import annotations

import heapq
from collections.abc import Collection
from datetime import date, datetime, time, timedelta

from ...model import Document, Event, Relation
from ...time.algebra import Grain, Interval
from .text import esc, summary

__all__ = ["AXIS_Y", "CHAR", "LANE", "MARGIN", "TOP", "WIDTH", "Scale", "anchored_mark", "fuzzy_mark",
           "item_attributes", "lanes"]

WIDTH, MARGIN, AXIS_Y, LANE, TOP = 1000, 24, 44, 30, 92
CHAR = 7.2  # label width per character, in axis units, for laying out lanes
_ROOM = 0.3  # the least share of the axis beside the DCT where a band of undated events lies


def item_attributes(doc: Document, k: int, step: int) -> str:
    """The start tag's attributes every event's element carries, after its ``data-event``: its
    place in the timeline's order (``data-step``), the ids of its sentence and links, keyboard
    focus, and its summary as label; then, closing the tag, the same summary as title."""
    said = esc(summary(doc, k))
    return (f'data-step="{step}" data-sentence="s{k}" data-links="l{k}" tabindex="0" role="listitem" '
            f'aria-label="{said}"><title>{said}</title>')


class Scale:
    """Datetimes to axis x, over the anchored intervals and the DCT's day, with a margin.

    ``room`` asks for space beside the DCT for bands of undated events: BEFORE to its
    left, AFTER to its right. The axis then reaches far enough that the DCT stands at
    least ``_ROOM`` of its width from that edge (as far as the calendar goes)."""

    def __init__(self, doc: Document, intervals: list[Interval], room: Collection[Relation] = ()) -> None:
        day = datetime.combine(doc.dct, datetime.min.time())
        first = min([i.start for i in intervals] + [day])
        # The DCT's whole day, where the calendar has one after it (9999-12-31 has not).
        last = max([i.end for i in intervals] + [day + min(timedelta(days=1), datetime.max - day)])
        share = _ROOM / (1 - _ROOM)  # the least room on one side, as a share of the other
        if Relation.BEFORE in room:
            first = day - max(day - first, min((last - day) * share, day - datetime.min))
        if Relation.AFTER in room:
            last = day + max(last - day, min((day - first) * share, datetime.max - day))
        pad = (last - first) * 0.04
        self.first = first - pad if first - datetime.min > pad else datetime.min
        self.last = last + pad if datetime.max - last > pad else datetime.max
        self.span = max((self.last - self.first).total_seconds(), 1.0)

    def x(self, t: datetime) -> float:
        return MARGIN + (t - self.first).total_seconds() / self.span * (WIDTH - 2 * MARGIN)

    def baseline(self) -> list[str]:
        """The axis line itself."""
        return [f'<line class="baseline" x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}"/>']

    def ticks(self) -> list[str]:
        """Tick marks and labels: days, weeks, months or years, whichever gives at most ten."""
        days = self.span / 86400
        out = []
        for step, unit in ((1, "day"), (7, "day"), (1, "month"), (3, "month"), (1, "year"), (5, "year"),
                           (10, "year"), (50, "year"), (100, "year"), (1000, "year")):
            size = step * {"day": 1, "month": 30.4, "year": 365.25}[unit]
            if days / size <= 10:
                break
        for t in _tick_times(self.first, self.last, step, unit):
            x = self.x(t)
            label = t.strftime("%d %b") if unit == "day" else (f"{t:%b} {t.year:04d}" if unit == "month"
                                                                else f"{t.year:04d}")
            out.append(f'<g class="tick"><line x1="{x:.1f}" y1="{AXIS_Y}" x2="{x:.1f}" y2="{AXIS_Y + 6}"/>'
                       f'<text x="{x:.1f}" y="{AXIS_Y + 20}">{label}</text></g>')
        return out


def _tick_times(first: datetime, last: datetime, step: int, unit: str) -> list[datetime]:
    if unit == "day":
        out: list[datetime] = []
        day = first.date().toordinal() + 1
        if step == 7:
            day += (7 - date.fromordinal(day).weekday()) % 7
        while day <= date.max.toordinal() and (t := datetime.combine(date.fromordinal(day), time())) < last:
            out.append(t)
            day += step
        return out
    months = step if unit == "month" else 12 * step
    index = (first.year * 12 + first.month - 1) // months * months + months
    out = []
    while True:
        year, month = divmod(index, 12)
        if not 1 <= year <= 9999:
            return out
        t = datetime(year, month + 1, 1)
        if t >= last:
            return out
        out.append(t)
        index += months


def lanes(scale: Scale, anchored: list[tuple[int, Event]]) -> dict[int, int]:
    """A lane per event, the lowest one free where its mark and label start (heaps of free
    and busy lanes keep this n log n however many events crowd one day)."""
    free: list[int] = []  # lanes whose last occupant has ended, lowest first
    busy: list[tuple[float, int]] = []  # (where the occupant ends, lane)
    lanes: dict[int, int] = {}
    opened = 0
    for k, event in sorted(anchored, key=lambda ke: (ke[1].interval.start, ke[0])):  # type: ignore[union-attr]
        assert event.interval is not None
        x0, x1 = scale.x(event.interval.start), scale.x(event.interval.end)
        while busy and busy[0][0] <= x0:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, opened = opened, opened + 1
        lanes[k] = lane
        heapq.heappush(busy, (max(x1, x0 + 10 + CHAR * len(label(event))) + 6, lane))
    return lanes


def anchored_mark(doc: Document, k: int, step: int, scale: Scale, y: int) -> str:
    """A dated event at its interval in lane height ``y``: a dot for a day or less, else a bar."""
    event = doc.events[k]
    assert event.interval is not None
    x0, x1 = scale.x(event.interval.start), scale.x(event.interval.end)
    point = event.interval.grain <= Grain.DAY
    mark = (f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{y}" r="5"/>' if point else
            f'<rect x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 3):.1f}" height="10" rx="3"/>')
    label_x = (x0 + x1) / 2 + 9 if point else x0
    label_y = y + 4 if point else y - 8
    return (f'<g class="event {"point" if point else "bar"}" data-event="{k}" data-rank="{doc.ranks[k]}" '
            f'{item_attributes(doc, k, step)}{mark}'
            f'<text x="{label_x:.1f}" y="{label_y}">{esc(event.text)}'
            f'<tspan class="when"> {esc(event.anchor or "")}</tspan></text></g>')


def fuzzy_mark(doc: Document, k: int, step: int, dct_x: float, y: int) -> str:
    """A bar for a vague time: from the start of the axis to the DCT for PAST_REF, fading in."""
    event = doc.events[k]
    left, right = MARGIN, WIDTH - MARGIN
    x0, x1, fade = {"PAST_REF": (left, dct_x, "fade-in"), "FUTURE_REF": (dct_x, right, "fade-out")}.get(
        event.anchor or "", (max(left, dct_x - 40), min(right, dct_x + 40), "fade-both"))
    return (f'<g class="event fuzzy {fade}" data-event="{k}" data-rank="" {item_attributes(doc, k, step)}'
            f'<rect x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 3):.1f}" height="10"/>'
            f'<text x="{(x0 + x1) / 2:.1f}" y="{y - 8}" text-anchor="middle">{esc(event.text)}</text></g>')


def label(event: Event) -> str:
    """What the axis shows beside an event: its trigger and, smaller, its anchor value."""
    return f"{event.text} {event.anchor or ''}"
