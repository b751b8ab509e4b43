"""The page's style, script and frame, and the Content-Security-Policy hashes that let
exactly this style and script run."""

from __future__ import annotations

import base64
import hashlib

__all__ = ["CSS", "CSS_HASH", "JS", "JS_HASH", "PAGE"]

CSS = """
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
.undated circle { fill: var(--paper); stroke: var(--accent); stroke-width: 2; }
.undated:focus circle, .undated.active circle { stroke: var(--ink); }
.band-title { fill: var(--muted); font-size: 11px; font-style: italic; }
aside h2, #detail h2 { font-size: 1rem; margin: 0 0 6px; }
aside h2 ~ h2 { margin-top: 16px; }
aside p { margin: 0; color: var(--muted); }
.unanchored, .links { padding-left: 1.3em; margin: 0; }
.links li { color: var(--muted); overflow-wrap: anywhere; }
.unanchored li { padding: 2px 4px; border-radius: 4px; cursor: default; }
.unanchored li:focus, .unanchored li.active { background: #e8f0fe; }
.lemma { color: var(--muted); font-size: .9em; }
#detail { grid-column: 1 / -1; min-height: 3.5em; padding: 10px 12px; border-left: 4px solid var(--accent);
          background: #f6f8fa; }
#detail-links { margin: 6px 0 0; padding-left: 1.3em; color: var(--muted); }
#detail-links:empty { display: none; }
mark.trigger { background: #cfe0ff; padding: 0 2px; }
mark.time { background: #ffe2bf; color: var(--time); padding: 0 2px; }
@media (max-width: 700px) {
  main { grid-template-columns: 1fr; }
  body { font-size: 16px; }
  svg.axis { width: 1000px; min-width: 1000px; }  /* true size, scrolled sideways: labels stay legible */
}
"""

JS = r"""
(function () {
  // Every event, in the order of the timeline (data-step; equal steps keep page order).
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-event]'));
  items.sort(function (a, b) { return a.getAttribute('data-step') - b.getAttribute('data-step'); });
  var detail = document.getElementById('detail-text');
  var links = document.getElementById('detail-links');
  function show(el) {
    var s = document.getElementById(el.getAttribute('data-sentence'));
    if (s) { detail.innerHTML = s.innerHTML; }
    var l = document.getElementById(el.getAttribute('data-links'));
    links.innerHTML = l ? l.innerHTML : '';
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

PAGE = """<!DOCTYPE html>
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
<header><h1>{title}</h1><p>{dct_line} · {count} events · hover or tab through the events; arrow keys move
along the timeline</p></header>
<main>
<div class="scroller">{svg}</div>
<aside><h2>No place in time given by the text</h2>{unanchored}<h2>Links between events</h2>{links}</aside>
<section id="detail" aria-live="polite"><h2>Sentence</h2><p id="detail-text">Choose an event to see its sentence.</p>
<ul id="detail-links"></ul></section>
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


CSS_HASH, JS_HASH = _csp_hash(CSS), _csp_hash(JS)
