"""The HTML view: a self-contained page with one element per event in timeline order,
checked as markup here and rendered by a real browser (headless chromium) below."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
import struct
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
from timeline.output.html.axis import CHAR

FUZZY = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "artikel.txt"
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
    assert any(a.get("data-dct") == "2017-02-02" for _, a in found.tags)
    assert all(a.get("tabindex") == "0" for a in found.events()), "every event can be reached by keyboard"


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


def test_the_policy_allows_exactly_the_pages_own_script_and_style() -> None:
    page = document_to_html(timeline.analyze(TEXT, dct="2017-02-02"))
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    policy = page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert f"script-src {sha256_source(script)}" in policy and f"style-src {sha256_source(style)}" in policy
    assert ' style="' not in page, "an inline style attribute would need 'unsafe-inline'"


def test_vague_and_undated_events_have_their_places() -> None:
    doc = timeline.analyze(TEXT, dct="2017-02-02")
    page = document_to_html(doc)
    vague = [k for k, e in enumerate(doc.events) if e.anchor in ("PAST_REF", "FUTURE_REF")]
    assert len(vague) == 2, "'Vroeger' and 'Binnenkort' date their events only vaguely"
    classes = {a["data-event"]: a.get("class") for a in elements(page).events()}
    assert all("fuzzy" in (classes[str(k)] or "") for k in vague)
    warned = next(k for k, e in enumerate(doc.events) if e.text == "waarschuwde")
    assert doc.events[warned].dct_relation is Relation.BEFORE and classes[str(warned)] == "event undated"


# Undated events: one or more in each band, the links ordering some of them against the text.
PLACED = ("Nadat hij had betaald, vertrok hij. Daarna ging ze weg. Zij werkt nu hard terwijl hij slaapt. "
          "Hij zou komen als het kon. Morgen vertrekt de trein. Het kabinet gaat de wet wijzigen. "
          "Zij vertelde dat de burgemeester was afgetreden.")


def marks(page: str) -> dict[int, tuple[float, float, float]]:
    """Each undated event's ring in the bands: (x where its mark starts, x where its label ends, y)."""
    out = {}
    for m in re.finditer(r'<g class="event undated" data-event="(\d+)".*?<circle cx="([\d.]+)" cy="([\d.]+)"'
                         r'.*?<text[^>]*>([^<]*)</text>', page):
        x = float(m.group(2)) - 6
        out[int(m.group(1))] = (x, x + 15 + CHAR * len(html.unescape(m.group(4))), float(m.group(3)))
    return out


def dct_x(page: str) -> float:
    return float(page.split('data-x="', 1)[1].split('"', 1)[0])


def test_undated_events_lie_in_bands_before_around_and_after_the_dct_line() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    page = document_to_html(doc)
    placed = marks(page)
    undated = {k for k, e in enumerate(doc.events) if doc.ranks[k] is None and e.anchor not in FUZZY}
    by = {r: {k for k in undated if doc.events[k].dct_relation is r} for r in Relation}
    assert all(by[r] for r in Relation), "the text has undated events of every kind"
    assert set(placed) == undated - by[Relation.VAGUE], "VAGUE ones are listed apart"
    x = dct_x(page)
    assert all(placed[k][1] <= x for k in by[Relation.BEFORE]), "before the DCT: left of its line"
    assert all(placed[k][0] >= x for k in by[Relation.AFTER]), "after the DCT: right of it"
    assert all(placed[k][0] < x + 240 and placed[k][1] > x - 240 for k in by[Relation.OVERLAP]), "around it"
    rows = [{placed[k][2] for k in by[r]} for r in (Relation.BEFORE, Relation.OVERLAP, Relation.AFTER)]
    assert max(rows[0]) < min(rows[1]) and max(rows[1]) < min(rows[2]), "one band under the other"
    placeless = page.split('<ol class="unanchored">', 1)[1].split("</ol>", 1)[0]
    assert all(f'data-event="{k}"' in placeless for k in by[Relation.VAGUE])


def test_labels_in_the_bands_never_overlap_and_stay_on_the_page() -> None:
    many = " ".join(f"Hij had {w} en daarna {v}." for w, v in [("gewerkt", "geslapen"), ("gegeten", "gedronken"),
                                                               ("gelachen", "gehuild"), ("gelezen", "geschreven")] * 3)
    for dct in ("2017-02-02", "1900-01-01"):  # the DCT at the left end of the dated events' axis
        doc = timeline.analyze(f"Op 3 maart 2017 begon het. {many} Morgen komt zij. Nu werkt zij.", dct=dct)
        page = document_to_html(doc)
        found = marks(page)
        placed = sorted(found.values(), key=lambda m: (m[2], m[0]))
        assert len(placed) > 20
        for (_, x1, y), (u0, _, v) in zip(placed, placed[1:], strict=False):
            assert y != v or x1 <= u0, "labels side by side in one row do not touch"
        assert all(x0 >= 0 and x1 <= 1000 for x0, x1, _ in placed)
        before = [m for k, m in found.items() if doc.events[k].dct_relation is Relation.BEFORE]
        assert len(before) > 20 and all(x1 <= dct_x(page) for _, x1, _ in before), "the axis made room left of it"


def test_band_order_follows_the_links_and_every_link_is_shown() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    page = document_to_html(doc)
    placed = marks(page)
    assert doc.links
    for link in doc.links:
        a, b = link.source, link.target
        if link.relation is Relation.BEFORE and a in placed and b in placed:
            assert (placed[a][2], placed[a][0]) < (placed[b][2], placed[b][0]), "the earlier one comes first"
        words = html.escape(f"{doc.events[a].text} {link.relation.value} {doc.events[b].text} ({link.cue})")
        listed = page.split('<ul class="links">', 1)[1].split("</ul>", 1)[0]
        assert f"<li>{words}</li>" in listed
        for k in (a, b):
            assert f"<li>{words}</li>" in page.split(f'<ul id="l{k}" hidden>', 1)[1].split("</ul>", 1)[0]
            title = page.split(f'data-event="{k}"', 1)[1].split("</title>", 1)[0]
            assert words in title, "the tooltip names the link"


def test_every_event_carries_its_step_in_the_timeline() -> None:
    doc = timeline.analyze(PLACED, dct="2017-02-02")
    step = {id(e): n for n, group in enumerate(doc.timeline()) for e in group}
    found = elements(document_to_html(doc)).events()
    assert {int(a["data-event"] or -1): int(a["data-step"] or -1) for a in found} == \
           {k: step[id(e)] for k, e in enumerate(doc.events)}


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
    assert [t for t, _ in found.tags].count("script") == 1 and "<b>titel</b>" not in page
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

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no chromium here (Debian: apt-get install chromium); "
                                                           ".ci/run installs it")


def browse(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", "--disable-extensions", *args, url],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def article_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    doc = timeline.analyze(ARTICLE.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("html") / "artikel.html"
    path.write_text(document_to_html(doc, title="Timeline: artikel.txt"), encoding="utf-8")
    return path, doc


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@needs_browser
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_chromium_renders_the_example_article(article_page: tuple[Path, Any], tmp_path: Path, width: int,
                                              height: int) -> None:
    page, _ = article_page
    shot = tmp_path / "shot.png"
    proc = browse(page.as_uri(), f"--window-size={width},{height}", f"--screenshot={shot}")
    assert shot.exists(), proc.stderr[-2000:]
    assert png_size(shot) == (width, height)
    assert shot.stat().st_size > 10_000, "the page drew something"


@needs_browser
def test_the_dom_chromium_builds_has_every_event_in_order(article_page: tuple[Path, Any]) -> None:
    page, doc = article_page
    proc = browse(page.as_uri(), "--dump-dom")
    found = elements(proc.stdout)
    assert any(a.get("data-ready") == "true" for t, a in found.tags if t == "body"), "the script ran"
    order = [int(a["data-event"] or -1) for a in found.events()]
    dated = len(doc.anchored)
    assert order[:dated] == list(range(dated)) and sorted(order) == list(range(len(doc.events)))
    ranks = [int(a["data-rank"]) for a in found.events() if a.get("data-rank")]
    assert ranks == sorted(ranks) and len(ranks) == len(doc.anchored) > 10
    assert any(a.get("data-dct") == doc.dct.isoformat() for _, a in found.tags)


@needs_browser
def test_a_link_to_an_event_opens_its_sentence(article_page: tuple[Path, Any]) -> None:
    page, doc = article_page
    k = next(k for k, e in enumerate(doc.events) if e.timex is not None)
    dom = browse(page.as_uri() + f"#event-{k}", "--dump-dom").stdout
    shown = dom[dom.index('<p id="detail-text">'):]
    shown = shown[:shown.index("</p>")]
    assert f'<mark class="trigger">{doc.events[k].text}</mark>' in shown
    assert f'<mark class="time">{doc.events[k].timex.text}</mark>' in shown
    listed = dom[dom.index('<ul id="detail-links">'):]
    assert listed[:listed.index("</ul>")].count("<li>") == 1 + sum(k in (x.source, x.target) for x in doc.links)
    assert 'class="event point active"' in dom or 'class="event bar active"' in dom


@needs_browser
def test_a_script_that_slipped_into_the_page_would_not_run(tmp_path: Path) -> None:
    page = document_to_html(timeline.analyze(TEXT, dct="2017-02-02"))
    injected = page.replace("</body>", "<script>document.body.setAttribute('data-injected', 'yes');</script></body>")
    path = tmp_path / "injected.html"
    path.write_text(injected, encoding="utf-8")
    body = [a for t, a in elements(browse(path.as_uri(), "--dump-dom").stdout).tags if t == "body"]
    assert body and body[0].get("data-ready") == "true", "the page's own script ran"
    assert "data-injected" not in body[0], "the policy stopped the injected one"
