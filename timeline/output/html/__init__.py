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
drawn as open rings in bands under the axis, by their relation to the DCT:
before the DCT line (ending at it), around it, after it (starting at it), each
band in an order the links respect (:mod:`~timeline.output.html.undated`);
those the text gives no place in time are listed beside the axis, with the
links between events. Hovering or focusing an event shows its sentence with the
trigger and its time expression marked, where it lies against the DCT and its
links (its tooltip says the same); the arrow keys move from event to event in
the order of :meth:`timeline.Document.timeline`.

The page is put together here from the axis (:mod:`~timeline.output.html.axis`),
the bands, and its style and script (:mod:`~timeline.output.html.assets`).
"""


from __future__ import annotations

import bisect
from datetime import datetime, timedelta

from ...model import Document, Event
from ..bands import dct_line, steps
from .assets import CSS, CSS_HASH, JS, JS_HASH, PAGE
from .axis import AXIS_Y, LANE, TOP, WIDTH, Scale, anchored_mark, fuzzy_mark, lanes
from .text import esc, link_items
from .undated import band_marks, links_list, placeless_list

__all__ = ["document_to_html"]

_FUZZY = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
_AROUND = 300  # characters shown on each side of an event whose sentence the document does not give


def document_to_html(doc: Document, title: str = "Timeline") -> str:
    """The timeline of ``doc`` as one self-contained HTML page (see the module docstring)."""
    anchored = [k for k, (e, r) in enumerate(zip(doc.events, doc.ranks, strict=True))
                if r is not None and e.interval is not None]
    fuzzy = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor in _FUZZY]
    rest = [k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in _FUZZY]
    step = steps(doc)
    scale = Scale(doc, [e.interval for k in anchored if (e := doc.events[k]).interval is not None],
                  {doc.events[k].dct_relation for k in rest})
    lane = lanes(scale, [(k, doc.events[k]) for k in anchored])
    below = TOP + LANE * (max(lane.values(), default=-1) + 1)
    x = scale.x(datetime.combine(doc.dct, datetime.min.time()) + timedelta(hours=12))
    marks = [anchored_mark(doc, k, step[k], scale, TOP + LANE * lane[k]) for k in anchored]
    marks += [fuzzy_mark(doc, k, step[k], x, below) for k in fuzzy]
    banded, bottom = band_marks(doc, rest, step, x, below + (LANE if fuzzy else 0))
    height = round(bottom) + 16
    day = doc.dct.isoformat()
    svg = [f'<svg class="axis" viewBox="0 0 {WIDTH} {height}" role="list" '
           f'aria-label="events on the time axis, in timeline order">', _DEFS, *scale.baseline(), *scale.ticks(),
           f'<g class="dct" data-dct="{day}" data-x="{x:.1f}">'
           f'<line x1="{x:.1f}" y1="{AXIS_Y - 14}" x2="{x:.1f}" y2="{height - 8}"/>'
           f'<text x="{x + 4:.1f}" y="{AXIS_Y - 18}">DCT {day}</text></g>', *marks, *banded, "</svg>"]
    starts = [span.start for span in doc.sentences]
    hidden = "".join(f'<div id="s{k}" hidden>{_sentence_html(doc, starts, doc.events[k])}</div>'
                     f'<ul id="l{k}" hidden>{link_items(doc, k)}</ul>' for k in [*anchored, *fuzzy, *rest])
    return PAGE.format(
        title=esc(title), dct_line=esc(dct_line(doc)), count=len(doc.events), svg="".join(svg),
        unanchored=placeless_list(doc, rest, step), links=links_list(doc), sentences=hidden, css=CSS, js=JS,
        css_hash=CSS_HASH, js_hash=JS_HASH)


_DEFS = ('<defs><linearGradient id="fade-in"><stop offset="0" stop-opacity="0"/><stop offset="1"/></linearGradient>'
         '<linearGradient id="fade-out"><stop offset="0"/><stop offset="1" stop-opacity="0"/></linearGradient>'
         '<linearGradient id="fade-both"><stop offset="0" stop-opacity="0"/><stop offset=".5"/>'
         '<stop offset="1" stop-opacity="0"/></linearGradient></defs>')


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
        out.append(esc(text[cursor:a]))
        out.append(f'<mark class="{kind}">{esc(text[a:b])}</mark>')
        cursor = b
    out.append(esc(text[cursor:end]))
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
