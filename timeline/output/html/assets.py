"""The page's frame, its style and script, the vendored vis-timeline bundle, and the
Content-Security-Policy that lets exactly these run.

The style and scripts are package data, read the first time a page is made (the bundle is
half a megabyte: a run that writes no page never reads it); the policy names each by its sha256 hash,
together with the stylesheets vis-timeline's standalone bundle adds to the page as it loads
(``vendor/injected-styles.sha256``, written by ``scripts/vendor_vis_timeline.py``). Nothing is
allowed by ``'unsafe-inline'`` or ``'unsafe-eval'``, and nothing may be fetched.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib.resources import files

from attrs import frozen

__all__ = ["PAGE", "Assets", "assets", "csp_hash"]

_HERE = files(__package__)


def _read(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script or style and
    nothing else: an injected script would not match it, and would not run."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


@frozen
class Assets:
    """What every page inlines: its style, its script, the vis-timeline bundle, and the policy."""

    css: str
    js: str
    vis: str
    policy: str


@functools.cache
def assets() -> Assets:
    """The page's assets, read and hashed once a process."""
    css, js = _read("page.css"), _read("page.js")
    # The bundle as vendored, less its last line, which points a debugger at a source map the
    # page does not carry.
    vis = _read("vendor/vis-timeline-graph2d.min.js").rsplit("\n//# sourceMappingURL=", 1)[0]
    injected = [f"'{line}'" for line in _read("vendor/injected-styles.sha256").split()]
    policy = (f"default-src 'none'; style-src {' '.join([csp_hash(css), *injected])}; "
              f"script-src {csp_hash(vis)} {csp_hash(js)}")
    return Assets(css, js, vis, policy)

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><p>{dct_line} · {count} events</p></header>
<main>
<div class="view">
<p class="help">Tap, hover or tab to an event to read its sentence; arrow keys move along the timeline.
Drag to pan; pinch or Ctrl+scroll to zoom.</p>
<div class="tools" role="toolbar" aria-label="view"><button type="button" data-do="in">Zoom in</button>
<button type="button" data-do="out">Zoom out</button><button type="button" data-do="dct">DCT</button>
<button type="button" data-do="all">All</button></div>
<div id="tl" role="list" aria-label="events on the time axis, in timeline order"></div>
<noscript><p>The time axis needs JavaScript; every event is listed below.</p></noscript>
</div>
<section id="detail" aria-live="polite"><h2>Sentence</h2><p id="detail-text">Choose an event to see its sentence.</p>
<ul id="detail-links"></ul></section>
<div class="lists">
<h2>No place in time given by the text</h2>{placeless}
<h2>Links between events</h2>{links}
<details><summary>Every event on the axis, as a list</summary>{listed}</details>
</div>
</main>
<div hidden>{sentences}</div>
<script type="application/json" id="timeline-data">{data}</script>
<script>{vis}</script>
<script>{js}</script>
</body>
</html>
"""
