"""A timeline to look at: one self-contained HTML page (inline SVG, CSS and a little JavaScript).

The page fetches nothing: it can be mailed, archived or opened offline. Its
Content-Security-Policy forbids every fetch and allows only its own script and
style, by their hashes: were some text ever to slip past the escaping as a
``<script>``, the browser would still refuse to run it. An
axis is scaled to the anchored events and the DCT; each event sits at its
interval (a dot for a day or less, a bar for a week, month or longer), with its
trigger as label, in lanes so that labels never overlap. Events dated only
vaguely (``PAST_REF``, ``FUTURE_REF``, ``PRESENT_REF``) are drawn as bars that
fade out, since their far edge is unknown. Events the text does not date are
listed beside the axis in text order. Hovering or focusing an event shows its
sentence with the trigger and its time expression marked; the arrow keys move
from event to event in timeline order.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import heapq
import html
from datetime import date, datetime, time, timedelta

from ..model import Document, Event
from ..time.algebra import Grain, Interval
from .chars import xml_safe

__all__ = ["document_to_html"]

_FUZZY = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
_WIDTH, _MARGIN, _AXIS_Y, _LANE, _TOP = 1000, 24, 44, 30, 92
_CHAR = 7.2  # label width per character, in axis units, for laying out lanes
_AROUND = 300  # characters shown on each side of an event whose sentence the document does not give


def document_to_html(doc: Document, title: str = "Timeline") -> str:
    """The timeline of ``doc`` as one self-contained HTML page (see the module docstring)."""
    anchored = [(k, e) for k, (e, r) in enumerate(zip(doc.events, doc.ranks, strict=True))
                if r is not None and e.interval is not None]
    fuzzy = [(k, e) for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor in _FUZZY]
    rest = [(k, e) for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in _FUZZY]
    scale = _Scale(doc, [e.interval for _, e in anchored if e.interval is not None])
    lanes = _lanes(scale, anchored)
    height = _TOP + _LANE * (max(lanes.values(), default=-1) + 1 + (1 if fuzzy else 0)) + 16
    svg = [f'<svg class="axis" viewBox="0 0 {_WIDTH} {height}" role="list" '
           f'aria-label="events on the time axis, in timeline order">',
           '<defs><linearGradient id="fade-in"><stop offset="0" stop-opacity="0"/><stop offset="1"/></linearGradient>'
           '<linearGradient id="fade-out"><stop offset="0"/><stop offset="1" stop-opacity="0"/></linearGradient>'
           '<linearGradient id="fade-both"><stop offset="0" stop-opacity="0"/><stop offset=".5"/>'
           '<stop offset="1" stop-opacity="0"/></linearGradient></defs>',
           f'<line class="baseline" x1="{_MARGIN}" y1="{_AXIS_Y}" x2="{_WIDTH - _MARGIN}" y2="{_AXIS_Y}"/>']
    svg += scale.ticks()
    x = scale.x(datetime.combine(doc.dct, datetime.min.time()) + timedelta(hours=12))
    day = doc.dct.isoformat()
    svg.append(f'<g class="dct" data-dct="{day}" data-x="{x:.1f}">'
               f'<line x1="{x:.1f}" y1="{_AXIS_Y - 14}" x2="{x:.1f}" y2="{height - 8}"/>'
               f'<text x="{x + 4:.1f}" y="{_AXIS_Y - 18}">DCT {day}</text></g>')
    for k, event in anchored:
        svg.append(_anchored(doc, k, event, scale, _TOP + _LANE * lanes[k]))
    fuzzy_y = _TOP + _LANE * (max(lanes.values(), default=-1) + 1)
    for k, event in fuzzy:
        svg.append(_fuzzy(doc, k, event, scale, x, fuzzy_y))
    svg.append("</svg>")
    listed = "".join(f'<li data-event="{k}" data-sentence="s{k}" tabindex="0"><b>{_esc(e.text)}</b> '
                     f'<span class="lemma">{_esc(e.lemma)}</span></li>' for k, e in rest)
    starts = [span.start for span in doc.sentences]
    sentences = "".join(f'<div id="s{k}" hidden>{_sentence_html(doc, starts, e)}</div>'
                        for k, e in [*anchored, *fuzzy, *rest])
    return _PAGE.format(
        title=_esc(title), dct=doc.dct.isoformat(), count=len(doc.events), svg="".join(svg),
        unanchored=f'<ol class="unanchored">{listed}</ol>' if rest else "<p>Every event is dated.</p>",
        sentences=sentences, css=_CSS, js=_JS, css_hash=_CSS_HASH, js_hash=_JS_HASH)


class _Scale:
    """Datetimes to axis x, over the anchored intervals and the DCT's day, with a margin."""

    def __init__(self, doc: Document, intervals: list[Interval]) -> None:
        day = datetime.combine(doc.dct, datetime.min.time())
        first = min([i.start for i in intervals] + [day])
        # The DCT's whole day, where the calendar has one after it (9999-12-31 has not).
        last = max([i.end for i in intervals] + [day + min(timedelta(days=1), datetime.max - day)])
        pad = (last - first) * 0.04
        self.first = first - pad if first - datetime.min > pad else datetime.min
        self.last = last + pad if datetime.max - last > pad else datetime.max
        self.span = max((self.last - self.first).total_seconds(), 1.0)

    def x(self, t: datetime) -> float:
        return _MARGIN + (t - self.first).total_seconds() / self.span * (_WIDTH - 2 * _MARGIN)

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
            out.append(f'<g class="tick"><line x1="{x:.1f}" y1="{_AXIS_Y}" x2="{x:.1f}" y2="{_AXIS_Y + 6}"/>'
                       f'<text x="{x:.1f}" y="{_AXIS_Y + 20}">{label}</text></g>')
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


def _lanes(scale: _Scale, anchored: list[tuple[int, Event]]) -> dict[int, int]:
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
        heapq.heappush(busy, (max(x1, x0 + 10 + _CHAR * len(_label(event))) + 6, lane))
    return lanes


def _anchored(doc: Document, k: int, event: Event, scale: _Scale, y: int) -> str:
    assert event.interval is not None
    x0, x1 = scale.x(event.interval.start), scale.x(event.interval.end)
    point = event.interval.grain <= Grain.DAY
    mark = (f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{y}" r="5"/>' if point else
            f'<rect x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 3):.1f}" height="10" rx="3"/>')
    label_x = (x0 + x1) / 2 + 9 if point else x0
    label_y = y + 4 if point else y - 8
    return (f'<g class="event {"point" if point else "bar"}" data-event="{k}" data-rank="{doc.ranks[k]}" '
            f'data-sentence="s{k}" tabindex="0" role="listitem" aria-label="{_esc(_summary(event))}">'
            f'<title>{_esc(_summary(event))}</title>{mark}'
            f'<text x="{label_x:.1f}" y="{label_y}">{_esc(event.text)}'
            f'<tspan class="when"> {_esc(event.anchor or "")}</tspan></text></g>')


def _fuzzy(doc: Document, k: int, event: Event, scale: _Scale, dct_x: float, y: int) -> str:
    """A bar for a vague time: from the start of the axis to the DCT for PAST_REF, fading in."""
    left, right = _MARGIN, _WIDTH - _MARGIN
    x0, x1, fade = {"PAST_REF": (left, dct_x, "fade-in"), "FUTURE_REF": (dct_x, right, "fade-out")}.get(
        event.anchor or "", (max(left, dct_x - 40), min(right, dct_x + 40), "fade-both"))
    return (f'<g class="event fuzzy {fade}" data-event="{k}" data-rank="" data-sentence="s{k}" tabindex="0" '
            f'role="listitem" '
            f'aria-label="{_esc(_summary(event))}"><title>{_esc(_summary(event))}</title>'
            f'<rect x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 3):.1f}" height="10"/>'
            f'<text x="{(x0 + x1) / 2:.1f}" y="{y - 8}" text-anchor="middle">{_esc(event.text)}</text></g>')


def _label(event: Event) -> str:
    """What the axis shows beside an event: its trigger and, smaller, its anchor value."""
    return f"{event.text} {event.anchor or ''}"


def _summary(event: Event) -> str:
    when = event.anchor or "undated"
    return f"{event.text} ({event.lemma}, {event.cls.value}): {when}"


def _sentence_html(doc: Document, starts: list[int], event: Event) -> str:
    """The sentence around the event, escaped, with the trigger and its time expression marked."""
    text = doc.text
    start, end = _sentence_of(doc, starts, event)
    marks = [(event.start, event.end, "trigger")]
    if event.timex is not None and start <= event.timex.start and event.timex.end <= end \
            and not (event.timex.start < event.end and event.start < event.timex.end):
        marks.append((event.timex.start, event.timex.end, "time"))
    out, cursor = [], start
    for a, b, kind in sorted(marks):
        out.append(_esc(text[cursor:a]))
        out.append(f'<mark class="{kind}">{_esc(text[a:b])}</mark>')
        cursor = b
    out.append(_esc(text[cursor:end]))
    return "".join(out).strip()


def _sentence_of(doc: Document, starts: list[int], event: Event) -> tuple[int, int]:
    """The bounds of the parse's sentence that holds the event (``starts``: the sentences'
    starts); for a document made without them, the text some way around it, cut at spaces."""
    k = bisect.bisect_right(starts, event.start) - 1
    if k >= 0 and event.end <= doc.sentences[k].end:
        return doc.sentences[k].start, doc.sentences[k].end
    text = doc.text
    start, end = max(0, event.start - _AROUND), min(len(text), event.end + _AROUND)
    if start > 0:
        start = text.find(" ", start, event.start) + 1
    if end < len(text):
        end = max(event.end, text.rfind(" ", event.end, end))
    return start, end


def _esc(s: str) -> str:
    """HTML-escaped, with characters HTML cannot carry (controls, lone surrogates) as U+FFFD."""
    return html.escape(xml_safe(s), quote=True)


_CSS = """
:root { --ink: #1d2430; --muted: #5b6575; --accent: #1f6feb; --time: #b35c00; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: var(--paper); }
header, main { padding: 12px 16px; }
header h1 { font-size: 1.3rem; margin: 0; }
header p { margin: 2px 0 0; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(200px, 1fr); gap: 16px; }
.scroller { overflow-x: auto; }
svg.axis { width: 100%; min-width: 640px; height: auto; display: block; }
svg text { font-size: 12px; fill: var(--ink); }
.baseline, .tick line { stroke: var(--muted); }
.when { fill: var(--muted); font-size: 10px; }
.tick text { fill: var(--muted); text-anchor: middle; font-size: 11px; }
.dct line { stroke: #c62828; stroke-dasharray: 4 3; }
.dct text { fill: #c62828; font-size: 11px; }
.event circle, .event rect { fill: var(--accent); }
stop { stop-color: var(--accent); }
.event:focus, li[data-event]:focus { outline: none; }
.event:focus circle, .event:focus rect, .event.active circle, .event.active rect { stroke: var(--ink);
       stroke-width: 2; }
.event:focus text, .event.active text { font-weight: bold; }
.fuzzy { opacity: .85; }
.fuzzy.fade-in rect { fill: url(#fade-in); }
.fuzzy.fade-out rect { fill: url(#fade-out); }
.fuzzy.fade-both rect { fill: url(#fade-both); }
aside h2, #detail h2 { font-size: 1rem; margin: 0 0 6px; }
.unanchored { padding-left: 1.3em; margin: 0; }
.unanchored li { padding: 2px 4px; border-radius: 4px; cursor: default; }
.unanchored li:focus, .unanchored li.active { background: #e8f0fe; }
.lemma { color: var(--muted); font-size: .9em; }
#detail { grid-column: 1 / -1; min-height: 3.5em; padding: 10px 12px; border-left: 4px solid var(--accent);
          background: #f6f8fa; }
mark.trigger { background: #cfe0ff; padding: 0 2px; }
mark.time { background: #ffe2bf; color: var(--time); padding: 0 2px; }
@media (max-width: 700px) {
  main { grid-template-columns: 1fr; }
  body { font-size: 16px; }
  svg.axis { width: 1000px; min-width: 1000px; }  /* true size, scrolled sideways: labels stay legible */
}
"""

_JS = r"""
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-event]'));
  var detail = document.getElementById('detail-text');
  function show(el) {
    var s = document.getElementById(el.getAttribute('data-sentence'));
    if (s) { detail.innerHTML = s.innerHTML; }
    items.forEach(function (i) { i.classList.toggle('active', i === el); });
  }
  items.forEach(function (el, k) {
    el.addEventListener('focus', function () { show(el); });
    el.addEventListener('mouseenter', function () { show(el); });
    el.addEventListener('keydown', function (e) {
      var next = null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { next = items[k + 1]; }
      if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { next = items[k - 1]; }
      if (next) { next.focus(); e.preventDefault(); }
    });
  });
  // A link to #event-K opens the page on that event; otherwise a narrow screen starts at the DCT.
  var m = /^#event-(\d+)$/.exec(window.location.hash);
  var target = m && document.querySelector('[data-event="' + m[1] + '"]');
  var scroller = document.querySelector('.scroller');
  var dct = document.querySelector('.dct');
  if (target) { show(target); target.focus(); }
  else if (scroller && dct && scroller.scrollWidth > scroller.clientWidth) {
    scroller.scrollLeft = parseFloat(dct.getAttribute('data-x')) / 1000 * scroller.scrollWidth
                          - scroller.clientWidth / 2;
  }
  document.body.setAttribute('data-ready', 'true');
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{css_hash}'; \
script-src '{js_hash}'">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><p>DCT {dct} · {count} events · hover or tab through the events; arrow keys move
along the timeline</p></header>
<main>
<div class="scroller">{svg}</div>
<aside><h2>Not dated by the text</h2>{unanchored}</aside>
<section id="detail" aria-live="polite"><h2>Sentence</h2><p id="detail-text">Choose an event to see its sentence.</p>
</section>
</main>
<div hidden>{sentences}</div>
<script>{js}</script>
</body>
</html>
"""


def _csp_hash(source: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script or style and
    nothing else: an injected script would not match it, and would not run."""
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


_CSS_HASH, _JS_HASH = _csp_hash(_CSS), _csp_hash(_JS)
