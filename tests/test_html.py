"""The HTML view: a self-contained page with one element per event in timeline order,
checked as markup here and rendered by a real browser (headless chromium) below."""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import timeline
from timeline.model import Relation
from timeline.output.html import document_to_html

from .browser import BROWSER, Chromium, needs_browser, png_size

FUZZY = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "artikel.txt"
ARTICLES = (ARTICLE, ROOT / "examples" / "ziekenhuis.txt")
VENDOR = ROOT / "timeline" / "output" / "html" / "vendor"
TEXT = ("Spicer zei donderdag dat het kabinet vrijdag beslist. Vorig jaar trok de stad twaalf miljoen bezoekers. "
        "In december begonnen de werkzaamheden. Vroeger stond hier een kerk. Binnenkort opent de fabriek. "
        "McCain waarschuwde de president.")


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order; also what the page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def events(self) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if "data-event" in a]


def elements(page: str) -> Elements:
    parsed = Elements()
    parsed.feed(page)
    return parsed


def test_one_element_per_event_in_timeline_order_and_the_dct_marked() -> None:
    doc = timeline.analyze(TEXT, dct="2017-02-02")
    page = document_to_html(doc)
    found = elements(page)
    order = [int(a["data-event"] or -1) for a in found.events()]
    dated = len(doc.anchored)
    assert order[:dated] == list(range(dated)) and sorted(order) == list(range(len(doc.events)))
    ranks = [int(a["data-rank"]) for a in found.events() if a.get("data-rank")]
    assert ranks == sorted(ranks) and len(ranks) == len(doc.anchored)
    assert data_of(page)["dct"] == "2017-02-02T12:00:00", "the DCT line, at noon of its day"
    assert all(a.get("tabindex") == "0" for a in found.events()), "every event can be reached by keyboard"


def data_of(page: str) -> dict[str, Any]:
    """What the page hands to vis-timeline."""
    text = page.split('<script type="application/json" id="timeline-data">', 1)[1].split("</script>", 1)[0]
    out: dict[str, Any] = json.loads(text)
    return out


def items_of(page: str) -> dict[int, dict[str, Any]]:
    """Each event the axis shows, by index: its own item, or its band's with ``band`` added."""
    out = {}
    for item in data_of(page)["items"]:
        for member in item.get("members", [item]):
            out[member["id"]] = {**member, "group": item["group"], "band": item["id"]} if "members" in item else item
    return out


def test_the_page_fetches_nothing() -> None:
    found = elements(document_to_html(timeline.analyze(TEXT, dct="2017-02-02")))
    for tag, attributes in found.tags:
        assert tag not in ("link", "img", "iframe")
        assert not (attributes.get("src") or attributes.get("href") or "").startswith(("http", "//"))
    (policy,) = [a["content"] for t, a in found.tags
                 if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert policy is not None and policy.startswith("default-src 'none'; ") and "unsafe" not in policy


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_pages_own_scripts_and_styles() -> None:
    page = document_to_html(timeline.analyze(TEXT, dct="2017-02-02"))
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    policy = page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    script_src = policy.split("script-src ", 1)[1].split(";")[0].split()
    assert len(scripts) == 2 and script_src == [sha256_source(s) for s in scripts], "vis-timeline and the page's own"
    style_src = policy.split("style-src ", 1)[1].split(";")[0].split()
    injected = (VENDOR / "injected-styles.sha256").read_text().split()
    assert style_src == [sha256_source(style), *[f"'{h}'" for h in injected]], "its own and vis-timeline's"
    assert ' style="' not in page, "an inline style attribute would need 'unsafe-inline'"


def test_vis_timeline_is_vendored_as_fetched() -> None:
    sums = {name.rsplit("/", 1)[-1]: want for name, want in vendoring().FILES.items()}
    for name, want in sums.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == want, name
    assert "8.5.4" in (VENDOR / "README.md").read_text()
    assert "@version 8.5.4" in (VENDOR / "vis-timeline-graph2d.min.js").read_text(encoding="utf-8")[:1000]


def vendoring() -> Any:
    spec = importlib.util.spec_from_file_location("vendor_vis_timeline", ROOT / "scripts" / "vendor_vis_timeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vague_and_undated_events_have_their_places() -> None:
    doc = timeline.analyze(TEXT, dct="2017-02-02")
    shown = items_of(document_to_html(doc))
    vague = [k for k, e in enumerate(doc.events) if e.anchor in ("PAST_REF", "FUTURE_REF")]
    assert len(vague) == 2, "'Vroeger' and 'Binnenkort' date their events only vaguely"
    assert all(shown[k]["group"] == "vague" and "fuzzy" in shown[k]["kind"] for k in vague)
    warned = next(k for k, e in enumerate(doc.events) if e.text == "waarschuwde")
    assert doc.events[warned].dct_relation is Relation.BEFORE and shown[warned]["band"] == "band-before"


def test_a_day_is_a_dot_and_a_week_a_bar() -> None:
    doc = timeline.analyze("De afgelopen week staakten de boeren. Donderdag zei de minister dat hij in maart "
                           "praat. Vorige week vergaderde de raad.", dct="2017-02-02")
    shown = items_of(document_to_html(doc))
    by = {doc.events[k].text: item for k, item in shown.items()}
    assert by["staakten"]["type"] == "range" and by["staakten"]["start"] < by["staakten"]["end"]
    assert by["zei"]["type"] == "point" and by["vergaderde"]["type"] == "range"
    week = next(e for e in doc.events if e.text == "staakten")
    assert week.anchor == "2017-01-26/2017-02-02" and week.interval is not None, "de afgelopen week"
    assert (by["staakten"]["start"], by["staakten"]["end"]) == (week.interval.start.isoformat(),
                                                                week.interval.end.isoformat()), "the week's bar"


# Undated events: one or more in each band, the links ordering some of them against the text.
PLACED = ("Nadat hij had betaald, vertrok hij. Daarna ging ze weg. Zij werkt nu hard terwijl hij slaapt. "
          "Hij zou komen als het kon. Morgen vertrekt de trein. Het kabinet gaat de wet wijzigen. "
          "Zij vertelde dat de burgemeester was afgetreden.")


def test_undated_events_lie_in_bands_before_around_and_after_the_dct_line() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    page = document_to_html(doc)
    data, shown = data_of(page), items_of(page)
    undated = {k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY}
    by = {r: {k for k in undated if doc.events[k].dct_relation is r} for r in Relation}
    assert all(by[r] for r in Relation), "the text has undated events of every kind"
    assert {k for k, item in shown.items() if "band" in item} == undated - by[Relation.VAGUE], "VAGUE apart"
    bars = {item["id"]: item for item in data["items"] if "members" in item}
    assert bars["band-before"]["end"] == data["dct"] and bars["band-after"]["start"] == data["dct"]
    assert bars["band-around"]["start"] < data["dct"] < bars["band-around"]["end"]
    for relation, band in ((Relation.BEFORE, "band-before"), (Relation.OVERLAP, "band-around"),
                           (Relation.AFTER, "band-after")):
        assert {m["id"] for m in bars[band]["members"]} == by[relation]
    assert [g["id"] for g in data["groups"]] == ["dated", "vague", "before", "around", "after"], "in this order"
    placeless = page.split('<ol class="unanchored">', 1)[1].split("</ol>", 1)[0]
    assert all(f'data-event="{k}"' in placeless for k in by[Relation.VAGUE])


def test_band_order_follows_the_links_and_every_link_is_shown() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    page = document_to_html(doc)
    order = {m["id"]: (item["id"], n) for item in data_of(page)["items"] for n, m in enumerate(item.get("members", []))}
    assert doc.links
    for link in doc.links:
        a, b = link.source, link.target
        if link.relation is Relation.BEFORE and a in order and b in order and order[a][0] == order[b][0]:
            assert order[a][1] < order[b][1], "the earlier one comes first in its band"
        words = html.escape(f"{doc.events[a].text} {link.relation.value} {doc.events[b].text} ({link.cue})")
        listed = page.split('<ul class="links">', 1)[1].split("</ul>", 1)[0]
        assert f"<li>{words}</li>" in listed
        for k in (a, b):
            assert f"<li>{words}</li>" in page.split(f'<ul id="l{k}" hidden>', 1)[1].split("</ul>", 1)[0]
            said = f"{doc.events[a].text} {link.relation.value} {doc.events[b].text} ({link.cue})"
            if k in items_of(page):
                assert said in items_of(page)[k]["summary"], "the tooltip names the link"


def test_every_event_carries_its_step_in_the_timeline() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    step = {id(e): n for n, group in enumerate(doc.timeline()) for e in group}
    page = document_to_html(doc)
    found = elements(page).events()
    assert {int(a["data-event"] or -1): int(a["data-step"] or -1) for a in found} == \
           {k: step[id(e)] for k, e in enumerate(doc.events)}
    assert all(item["step"] == step[id(doc.events[k])] for k, item in items_of(page).items() if "band" not in item)


def test_the_sentence_of_each_event_marks_its_trigger_and_time() -> None:
    doc = timeline.analyze(TEXT, dct="2017-02-02")
    page = document_to_html(doc)
    k = next(k for k, e in enumerate(doc.events) if e.text == "zei")
    start = page.index(f'<div id="s{k}" hidden>')
    sentence = page[start:page.index("</div>", start)]
    assert '<mark class="trigger">zei</mark>' in sentence and '<mark class="time">donderdag</mark>' in sentence
    assert "Vorig jaar" not in sentence, "only the event's own sentence"


def sentence_of(page: str, k: int) -> str:
    start = page.index(f'<div id="s{k}" hidden>') + len(f'<div id="s{k}" hidden>')
    return page[start:page.index("</div>", start)]


def test_the_sentence_shown_is_the_one_the_parse_found() -> None:
    # An abbreviation's dot before a name ends no sentence: the parse knows, and the page shows
    # what the parse found rather than cutting the text again.
    doc = timeline.analyze("Het was koud. Dhr. Jansen zei donderdag dat hij komt. Daarna niets.", dct="2017-02-02")
    k = next(k for k, e in enumerate(doc.events) if e.text == "zei")
    assert doc.sentences[doc.events[k].sentence] == timeline.Span(14, 53)
    assert sentence_of(document_to_html(doc), k) == ('Dhr. Jansen <mark class="trigger">zei</mark> '
                                                     '<mark class="time">donderdag</mark> dat hij komt.')


def test_a_document_made_without_sentences_shows_the_text_around_an_event() -> None:
    doc = timeline.analyze("woord " * 200 + "Hij zei donderdag dat hij komt. " + "woord " * 200, dct="2017-02-02")
    bare = attrs.evolve(doc, sentences=())
    k = next(k for k, e in enumerate(bare.events) if e.text == "zei")
    shown = sentence_of(document_to_html(bare), k)
    assert shown.startswith("woord") and shown.endswith("woord"), "cut at spaces, not inside words"
    assert '<mark class="trigger">zei</mark>' in shown and 400 < len(shown) < 700


@pytest.mark.parametrize("text", [
    "Hij zei donderdag: <script>alert(1)</script> & \"quotes\" 'too'.",
    "Hij zei donderdag \x00\x1b[31m \ud800 \u202e iets.",
    "",
])
def test_hostile_text_stays_text(text: str) -> None:
    page = document_to_html(timeline.analyze(text, dct="2017-02-02"), title="<b>titel</b>")
    found = elements(page)
    assert [t for t, _ in found.tags].count("script") == 3 and "<b>titel</b>" not in page
    assert "<script>alert" not in page and "\x1b" not in page
    page.encode("utf-8")  # no lone surrogate survives


@pytest.mark.parametrize("dct", ["0001-01-01", "9999-12-30", "9999-12-31"])
def test_the_ends_of_the_calendar_draw(dct: str) -> None:
    doc = timeline.analyze("Hij zei gisteren dat hij volgend jaar en in de jaren negentig kwam.", dct=dct)
    assert len(elements(document_to_html(doc)).events()) == len(doc.events)


def test_the_command_line_writes_the_page(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", "analyze", str(ARTICLE), "--format", "html"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("<!DOCTYPE html>") and "Timeline: artikel.txt" in proc.stdout


# --- in a real browser ------------------------------------------------------------------------

SIZES = pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])

# Added to a copy of the page (its hash added to the policy): records every violation of the
# policy from the start, and once the page is ready, the boxes of what a reader must be able to read.
MEASURE = """(function () {
  var violations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });
  function box(el) { var r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function all(root, css) { return Array.prototype.slice.call(root.querySelectorAll(css)); }
  (function measure() {
    if (!document.body || document.body.getAttribute('data-ready') !== 'true') { setTimeout(measure, 50); return; }
    var tl = document.getElementById('tl'), marker = tl.querySelector('.vis-custom-time-marker');
    document.body.setAttribute('data-measured', JSON.stringify({
      labels: all(tl, '[data-item]').map(function (el) { return { id: el.getAttribute('data-item'), box: box(el),
        text: el.textContent, band: !!el.closest('.band') }; }),
      axis: all(tl, '.vis-time-axis .vis-text:not(.vis-measure)').map(box),
      marker: marker && box(marker), dct: box(tl.querySelector('.vis-custom-time.dct')),
      panel: box(tl.querySelector('.vis-panel.vis-center')), detail: box(document.getElementById('detail')),
      viewport: [window.innerWidth, window.innerHeight], violations: violations,
      detailText: document.getElementById('detail-text').innerHTML,
      active: all(document, '.label.active').map(function (el) { return el.getAttribute('data-item'); }) }));
  })();
})();"""


def measured_copy(page: str) -> str:
    """The page with the measuring script first in its head, and allowed by the policy."""
    page = page.replace("script-src ", f"script-src {sha256_source(MEASURE)} ", 1)
    return page.replace("<title>", f"<script>{MEASURE}</script><title>", 1)


@pytest.fixture(scope="module")
def chromium() -> Any:
    assert BROWSER is not None
    browser = Chromium(BROWSER)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Any]]:
    """Both example articles as pages, measuring copies."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for article in ARTICLES:
        doc = timeline.analyze(article.read_text(encoding="utf-8"))
        path = folder / f"{article.stem}.html"
        path.write_text(measured_copy(document_to_html(doc, title=f"Timeline: {article.name}")), encoding="utf-8")
        out[article.stem] = (path, doc)
    return out


def overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


@needs_browser
@SIZES
@pytest.mark.parametrize("article", [a.stem for a in ARTICLES])
def test_chromium_shows_every_label_whole_and_apart_with_the_dct_in_view(
        chromium: Chromium, pages: dict[str, tuple[Path, Any]], tmp_path: Path, article: str, width: int,
        height: int) -> None:
    path, doc = pages[article]
    found, png = chromium.open(path.as_uri(), width, height)
    (tmp_path / f"{article}-{width}.png").write_bytes(png)
    assert png_size(png) == (width, height) and len(png) > 10_000, "the page drew something"
    assert found["violations"] == [], "vis-timeline runs under the page's policy"
    assert found["viewport"] == [width, height]
    left, top, right, bottom = panel = found["panel"]
    assert left >= 0 and right <= width, "the axis fits the screen"
    seen = [label for label in found["labels"]
            if label["box"][2] > label["box"][0] and overlap(label["box"], panel)]
    assert len(seen) >= 10, "the events near the DCT are in view"
    for label in seen:
        x0, y0, x1, y1 = label["box"]
        assert left - 0.5 <= x0 and x1 <= right + 0.5 and top - 0.5 <= y0 and y1 <= bottom + 0.5, \
            f"{label['text']!r} is cut at the edge of the axis"
    boxes = [(label["text"], label["box"]) for label in seen] + [("DCT", found["marker"])]
    for n, (a, box_a) in enumerate(boxes):
        assert not any(overlap(box_a, box_b) for _, box_b in boxes[n + 1:]), f"{a!r} lies on another label"
    assert not any(overlap(found["marker"], box) for box in found["axis"]), "the DCT's tag clears the axis"
    x = (found["dct"][0] + found["dct"][2]) / 2
    assert left < x < right and found["panel"][1] < height, "the DCT line is in view on opening"
    detail = found["detail"]
    assert detail[1] < height and detail[0] < width, "the sentence panel is on screen"


def placeless(doc: Any) -> set[int]:
    return {k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY
            and e.dct_relation is Relation.VAGUE}


@needs_browser
def test_the_dom_chromium_builds_has_every_event_in_order(chromium: Chromium,
                                                          pages: dict[str, tuple[Path, Any]]) -> None:
    path, doc = pages["artikel"]
    proc = subprocess.run([str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                           "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    found = elements(proc.stdout)
    assert any(a.get("data-ready") == "true" for t, a in found.tags if t == "body"), "the script ran"
    order = [int(a["data-event"] or -1) for a in found.events()]
    dated = len(doc.anchored)
    assert order[:dated] == list(range(dated)) and sorted(order) == list(range(len(doc.events)))
    ranks = [int(a["data-rank"]) for a in found.events() if a.get("data-rank")]
    assert ranks == sorted(ranks) and len(ranks) == len(doc.anchored) > 10
    on_axis = {int(a["data-item"] or -1) for _, a in found.tags if "data-item" in a}
    assert on_axis and on_axis <= set(items_of(path.read_text(encoding="utf-8"))), "drawn: those near the DCT"
    assert set(items_of(path.read_text(encoding="utf-8"))) | placeless(doc) == set(range(len(doc.events)))


@needs_browser
def test_a_link_to_an_event_opens_its_sentence(chromium: Chromium, pages: dict[str, tuple[Path, Any]]) -> None:
    path, doc = pages["artikel"]
    k = next(k for k, e in enumerate(doc.events) if e.timex is not None and e.interval is not None
             and e.interval.start.date() < doc.dct.replace(day=1))  # far from the DCT: out of the first view
    found, _ = chromium.open(path.as_uri() + f"#event-{k}", 1280, 900)
    shown = found["detailText"]
    assert f'<mark class="trigger">{doc.events[k].text}</mark>' in shown
    assert f'<mark class="time">{doc.events[k].timex.text}</mark>' in shown
    assert found["active"] == [str(k)], "the event is marked on the axis"
    (label,) = [label for label in found["labels"] if label["id"] == str(k)]
    assert overlap(label["box"], found["panel"]), "the axis moved to it"


@needs_browser
def test_a_script_that_slipped_into_the_page_would_not_run(tmp_path: Path) -> None:
    page = document_to_html(timeline.analyze(TEXT, dct="2017-02-02"))
    injected = page.replace("</body>", "<script>document.body.setAttribute('data-injected', 'yes');</script></body>")
    path = tmp_path / "injected.html"
    path.write_text(injected, encoding="utf-8")
    proc = subprocess.run([str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                           "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    body = [a for t, a in elements(proc.stdout).tags if t == "body"]
    assert body and body[0].get("data-ready") == "true" and "data-injected" not in body[0], "the policy stopped it"
