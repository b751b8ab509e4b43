"""A timeline to look at: one self-contained HTML page, drawn by vis-timeline.

The time axis is vis-timeline 8.5.4 (Apache-2.0 or MIT), shipped with this package in
``vendor/`` and inlined, so the page fetches nothing: it can be mailed, archived or opened
offline. A news article spans years while most of its events lie within days of the DCT; a
static axis squashes those, so the reader gets zoom and pan (touch too), and vis-timeline's
stacking keeps labels from overlapping however many events share a day. Its
Content-Security-Policy forbids every fetch and allows only the page's own scripts and styles,
by their hashes: were some text ever to slip past the escaping as a ``<script>``, the browser
would still refuse to run it.

The view opens on the DCT (a red line) and the events near it: fitted to the dated events where
they span a couple of months at most, else a window around the DCT, widened until no label is cut.
Each dated event sits at its interval: a dot for a day or less, a bar for a week, month or longer
(``de afgelopen week`` is a week-long bar). Groups below hold the rest: events dated only vaguely
(``PAST_REF``, ``FUTURE_REF``, ``PRESENT_REF``) as bars that fade towards their unknown edge, and
the events the text does not date, by their relation to the DCT, as bars ending at the DCT line
(before it), around it, and starting at it (after it), stacked in an order the links respect
(:func:`timeline.output.bands.bands`). Those the text gives no place in time are listed under the
axis, with the links and, folded, every event on the axis as a plain list.

Hovering, tapping or focusing an event shows its sentence with the trigger and its time expression
marked, where it lies against the DCT and its links, in a panel beside the axis on a wide screen
and pinned to the bottom of a phone's screen; the arrow keys move from event to event in the order
of :meth:`timeline.Document.timeline`, and ``page.html#event-3`` opens on event 3.

The page is put together here from the data for vis-timeline (:mod:`~timeline.output.html.items`),
the lists (:mod:`~timeline.output.html.lists`) and its frame, style and scripts
(:mod:`~timeline.output.html.assets`).
"""


from __future__ import annotations

import json

from ...model import Document
from ..bands import dct_line, steps
from ..sentence import sentence_starts
from .assets import PAGE, assets
from .items import timeline_data
from .lists import axis_list, links_list, placeless_list
from .text import esc, link_items, sentence_html

__all__ = ["document_to_html"]


def document_to_html(doc: Document, title: str = "Timeline") -> str:
    """The timeline of ``doc`` as one self-contained HTML page (see the module docstring)."""
    step = steps(doc)
    starts = sentence_starts(doc)
    hidden = "".join(f'<div id="s{k}" hidden>{sentence_html(doc, starts, event)}</div>'
                     f'<ul id="l{k}" hidden>{link_items(doc, k)}</ul>' for k, event in enumerate(doc.events))
    page = assets()
    return PAGE.format(
        policy=page.policy, title=esc(title), dct_line=esc(dct_line(doc)), count=len(doc.events), css=page.css,
        placeless=placeless_list(doc, step), links=links_list(doc), listed=axis_list(doc, step),
        sentences=hidden, data=_script_json(timeline_data(doc, step)), vis=page.vis, js=page.js)


def _script_json(data: object) -> str:
    """JSON to sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` in it, so no text can
    close the element or open a comment (the strings in it are made safe for HTML in ``items``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
