"""The undated events on the page: in bands under the axis, before the DCT line (ending at
it), around it (centred on it) and after it (starting at it), each band in the order the
links give; those the text gives no place in time in a list beside the axis, with the links."""

from __future__ import annotations

from ...model import Document, Event, Relation
from ..bands import bands, link_words
from .axis import CHAR, LANE, MARGIN, WIDTH, item_attributes
from .text import esc

__all__ = ["band_marks", "links_list", "placeless_list"]

_GAP = 12  # between the DCT line and a band's nearest mark
_NARROWEST = 240  # the least width a band gets, moved in from the page's edge if need be
_TITLE = 20  # height of a band's title line


def band_marks(doc: Document, undated: list[int], steps: list[int], dct_x: float,
               top: float) -> tuple[list[str], float]:
    """The SVG of the bands of the ``undated`` events (indexes) placed against the DCT, from
    height ``top`` down; and the height under the last band."""
    out: list[str] = []
    y = top
    for relation, title, members in bands(doc, undated):
        if relation is Relation.VAGUE:
            continue
        left, right = _stretch(relation, dct_x)
        anchor, title_x, arrowed = {Relation.BEFORE: ("end", right, f"\u2190 {title}"),
                                    Relation.AFTER: ("start", left, f"\u2192 {title}")}.get(
            relation, ("middle", (left + right) / 2, title))
        out.append(f'<text class="band-title" x="{title_x:.1f}" y="{y + 12:.0f}" text-anchor="{anchor}">'
                   f'{esc(arrowed)}</text>')
        y += _TITLE
        for row in _rows(doc, members, right - left):
            width = sum(_width(doc.events[k]) for k in row)
            x = {"end": right - width, "start": left}.get(anchor, (left + right - width) / 2)
            for k in row:
                out.append(_mark(doc, k, steps[k], x, y + LANE / 2))
                x += _width(doc.events[k])
            y += LANE
        y += LANE / 3
    return out, y


def _stretch(relation: Relation, dct_x: float) -> tuple[float, float]:
    """Where a band may lie: from the page's left edge to the DCT line (BEFORE), from the line
    to the right edge (AFTER), or centred on it (OVERLAP); never narrower than ``_NARROWEST``."""
    first, last = MARGIN, WIDTH - MARGIN
    if relation is Relation.BEFORE:
        right = dct_x - _GAP
        return first, max(right, first + _NARROWEST)
    if relation is Relation.AFTER:
        left = dct_x + _GAP
        return min(left, last - _NARROWEST), last
    half = max(_NARROWEST / 2, min(dct_x - first, last - dct_x))
    left = min(max(first, dct_x - half), last - 2 * half)
    return left, left + 2 * half


def _width(event: Event) -> float:
    """The room a band gives one event: its ring, its trigger and a space."""
    return 14 + CHAR * len(event.text) + 14


def _rows(doc: Document, members: list[int], room: float) -> list[list[int]]:
    """``members`` in order, cut into rows of at most ``room`` wide (at least one each)."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for k in members:
        width = _width(doc.events[k])
        if rows[-1] and used + width > room:
            rows.append([])
            used = 0.0
        rows[-1].append(k)
        used += width
    return rows


def _mark(doc: Document, k: int, step: int, x: float, y: float) -> str:
    """An undated event: an open ring (no date to put it at) and its trigger."""
    return (f'<g class="event undated" data-event="{k}" data-rank="" {item_attributes(doc, k, step)}'
            f'<circle cx="{x + 6:.1f}" cy="{y:.1f}" r="4.5"/>'
            f'<text x="{x + 15:.1f}" y="{y + 4:.1f}">{esc(doc.events[k].text)}</text></g>')


def placeless_list(doc: Document, undated: list[int], steps: list[int]) -> str:
    """The undated events the text gives no place in time (VAGUE), as a list in link order."""
    placeless = [k for relation, _, members in bands(doc, undated) if relation is Relation.VAGUE for k in members]
    if not placeless:
        return "<p>The text places every event in time.</p>"
    items = "".join(f'<li data-event="{k}" data-step="{steps[k]}" data-sentence="s{k}" data-links="l{k}" '
                    f'tabindex="0"><b>{esc(doc.events[k].text)}</b> <span class="lemma">{esc(doc.events[k].lemma)}'
                    f'</span></li>' for k in placeless)
    return f'<ol class="unanchored">{items}</ol>'


def links_list(doc: Document) -> str:
    """Every link between two events the text gives, in words."""
    if not doc.links:
        return "<p>The text links no two events.</p>"
    return '<ul class="links">' + "".join(f"<li>{esc(link_words(doc, link))}</li>" for link in doc.links) + "</ul>"
