"""The TimelineJS output: checked against the fields TimelineJS documents for its JSON
(a validator written here from that documentation), and rendered by TimelineJS itself in
headless chromium (``@knight-lab/timelinejs``, pinned in tests/js)."""

from __future__ import annotations

import calendar
import html
import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.output import document_to_timelinejs

from .browser import BROWSER, needs_browser
from .strategies import dcts

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "artikel.txt"
HOSTILE = ('<img src=x onerror="document.body.dataset.pwned=1">', "<script>document.body.dataset.pwned=2</script>",
           "</script><!--", "&amp; &lt;b&gt;", "a\x00b\ud800c", "\u2028", "javascript:alert(1)", "http://example.org")

# --- the documented format ------------------------------------------------------------------------
# TimelineJS's JSON (timeline.knightlab.com/docs/json-format): one object with `events` (slides,
# required), `title` (a slide without a date), `eras`, `scale`. The keys and ranges below are the
# documented ones; anything else is an error here, so that the writer stays inside the format.

TOP_KEYS = {"events", "title", "eras", "scale"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink",
              "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT_KEYS = {"headline", "text"}
PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
RANGES = {"month": (1, 12), "hour": (0, 23), "minute": (0, 59), "second": (0, 59), "millisecond": (0, 999)}
# The markup the writer uses; everything from the document must be text inside it.
TAGS = {"p", "strong", "em", "small", "ul", "li"}


def check_date(d: Any, where: str) -> tuple[int, ...]:
    """A date object as TimelineJS documents it; returns it as a tuple to compare dates."""
    assert isinstance(d, dict) and set(d) <= DATE_KEYS, f"{where}: a date object, not {d!r}"
    assert "year" in d, f"{where}: year is required"
    for part in PARTS:
        if part in d:
            v = d[part]
            assert isinstance(v, int) and not isinstance(v, bool), f"{where}.{part}: a number, not {v!r}"
            low, high = RANGES.get(part, (-271820, 275759) if part == "year" else (1, 31))
            assert low <= v <= high, f"{where}.{part} = {v} outside {low}..{high}"
    given_parts = [p for p in PARTS if p in d]
    assert given_parts == list(PARTS[:len(given_parts)]), f"{where}: parts from the year down, none skipped"
    if "day" in d:  # JavaScript's Date rolls 31 February over into March: only real days
        assert d["day"] <= calendar.monthrange(d["year"], d["month"])[1], f"{where}: no such day"
    for key in ("display_date", "format"):
        assert isinstance(d.get(key, ""), str), f"{where}.{key}: a string"
    return tuple(d.get(p, 1 if p in ("month", "day") else 0) for p in PARTS)


def check_slide(s: Any, where: str, title: bool = False) -> None:
    assert isinstance(s, dict) and set(s) <= SLIDE_KEYS, f"{where}: unknown keys {set(s) - SLIDE_KEYS}"
    if not title:
        start = check_date(s.get("start_date"), f"{where}.start_date")
        if "end_date" in s:
            assert check_date(s["end_date"], f"{where}.end_date") > start, f"{where}: ends after it starts"
    text = s.get("text", {})
    assert isinstance(text, dict) and set(text) <= TEXT_KEYS, f"{where}.text: {text!r}"
    assert all(isinstance(v, str) for v in text.values()), f"{where}.text: strings"
    for key in ("group", "display_date", "unique_id"):
        assert isinstance(s.get(key, ""), str), f"{where}.{key}: a string"
    assert isinstance(s.get("autolink", True), bool), f"{where}.autolink: a boolean"


def validate(data: Any) -> None:
    """``data`` holds only what TimelineJS documents, with the documented types and ranges,
    every slide has a unique id, and it has the slide TimelineJS needs to show anything."""
    assert isinstance(data, dict) and set(data) <= TOP_KEYS, f"unknown keys {set(data) - TOP_KEYS}"
    assert data.get("scale", "human") in ("human", "cosmological")
    events = data.get("events")
    assert isinstance(events, list) and events, "events is required: a list, not empty (TimelineJS shows nothing then)"
    for k, slide in enumerate(events):
        check_slide(slide, f"events[{k}]")
    if "title" in data:
        check_slide(data["title"], "title", title=True)
    ids = [s["unique_id"] for s in [*events, data.get("title", {"unique_id": "title"})]]
    assert len(ids) == len(set(ids)), f"unique ids: {ids}"
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), "ids TimelineJS keeps as they are (slugs)"


class Markup(HTMLParser):
    """The tags and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def markup(fragment: str) -> Markup:
    parsed = Markup()
    parsed.feed(fragment)
    parsed.close()
    return parsed


def check_text_stays_text(data: dict[str, Any]) -> None:
    """Every text field holds only the writer's own tags, without attributes."""
    for slide in [data["title"], *data["events"]]:
        for value in slide["text"].values():
            found = markup(value)
            assert {tag for tag, _ in found.tags} <= TAGS and not any(a for _, a in found.tags), value
    dumped = json.dumps(data, ensure_ascii=False)
    assert "</script" not in dumped.lower() and "<!--" not in dumped


@pytest.mark.parametrize(("broken", "why"), [
    ({"title": {}}, "events"), ({"events": []}, "not empty"), ({"events": [{"text": {}}]}, "start_date"),
    ({"events": [{"start_date": {"year": "2017"}}]}, "a number"),
    ({"events": [{"start_date": {"year": 2017, "month": 13}}]}, "outside"),
    ({"events": [{"start_date": {"year": 2017, "month": 2, "day": 29}}]}, "no such day"),
    ({"events": [{"start_date": {"year": 2017, "day": 3}}]}, "none skipped"),
    ({"events": [{"start_date": {"year": 2017, "month": 2}, "end_date": {"year": 2017, "month": 1}}]}, "ends after"),
    ({"events": [{"start_date": {"year": 2017}, "unique_id": "a"}, {"start_date": {"year": 2018}, "unique_id": "a"}]},
     "unique"),
    ({"events": [{"start_date": {"year": 2017}, "headline": "x"}]}, "unknown keys"),
    ({"events": [{"start_date": {"year": 2017}, "text": {"title": "x"}}]}, "text"),
])
def test_the_validator_refuses_what_timelinejs_does_not_document(broken: dict[str, Any], why: str) -> None:
    for slide in broken.get("events", []):
        slide.setdefault("unique_id", f"s{id(slide)}")
    with pytest.raises(AssertionError, match=why):
        validate(broken)


def analyze(text: str, dct: str | date = "2017-02-02") -> timeline.Document:
    return timeline.analyze(text, dct=dct)


# --- the JSON -------------------------------------------------------------------------------------

TEXTS = ["Spicer zei donderdag dat het kabinet vrijdag beslist. Vorig jaar trok de stad twaalf miljoen bezoekers.",
         "De afgelopen week was het druk. Vanavond om 20.30 uur begint het concert.",
         "Vroeger stond hier een kerk. Binnenkort opent de fabriek. Hij zei het.",
         "In 2016 ging het mis, in het voorjaar van 2017 ook, en op 3 maart om 14.15 uur opnieuw.",
         "Niets hier heeft een datum."]


@pytest.mark.parametrize("text", TEXTS)
def test_the_json_holds_only_what_timelinejs_documents(text: str) -> None:
    doc = analyze(text)
    data = document_to_timelinejs(doc, title="Tijdlijn")
    validate(data)
    check_text_stays_text(data)
    dated = [k for k, e in enumerate(doc.events) if e.interval is not None]
    if dated:
        assert [s["unique_id"] for s in data["events"]] == [f"event-{k}" for k in dated], "timeline order"
    else:
        assert [s["unique_id"] for s in data["events"]] == ["dct"]
    assert json.loads(json.dumps(data)) == data


def test_dates_name_the_interval_with_inclusive_ends() -> None:
    doc = analyze("De afgelopen week was het druk. Vorige week vergaderde de raad. Vanavond begint het. "
                  "Op 4 april om 20.00 uur presenteert het college de plannen. In 2016 ging het mis.")
    slides = {doc.events[int(s["unique_id"].split("-")[1])].text: s for s in document_to_timelinejs(doc)["events"]}
    assert slides["was"]["start_date"] == {"year": 2017, "month": 1, "day": 26}
    assert slides["was"]["end_date"] == {"year": 2017, "month": 2, "day": 2}, "the DCT's day is the last one"
    assert (slides["vergaderde"]["start_date"], slides["vergaderde"]["end_date"]) == (
        {"year": 2017, "month": 1, "day": 23}, {"year": 2017, "month": 1, "day": 29}), "2017-W04: Monday to Sunday"
    assert slides["begint"]["start_date"] == {"year": 2017, "month": 2, "day": 2, "hour": 18, "minute": 0}
    assert slides["begint"]["end_date"] == {"year": 2017, "month": 2, "day": 2, "hour": 23, "minute": 59}
    assert slides["presenteert"]["start_date"] == {"year": 2017, "month": 4, "day": 4, "hour": 20, "minute": 0}
    assert "end_date" not in slides["presenteert"], "a minute is a moment"
    assert (slides["ging"]["start_date"], slides["ging"]["end_date"]) == (
        {"year": 2016, "month": 1, "day": 1}, {"year": 2016, "month": 12, "day": 31})


def test_every_slide_spans_exactly_its_interval() -> None:
    doc = timeline.analyze(ARTICLE.read_text(encoding="utf-8"))
    data = document_to_timelinejs(doc)
    validate(data)
    for slide in data["events"]:
        iv = doc.events[int(slide["unique_id"].removeprefix("event-"))].interval
        assert iv is not None
        start = datetime(*(slide["start_date"].get(p, 0) for p in PARTS[:5]))
        assert start == iv.start
        end = slide.get("end_date", slide["start_date"])
        last = datetime(*(end.get(p, 0) for p in PARTS[:5]))
        step = timedelta(days=1) if "hour" not in end else timedelta(minutes=1)
        assert last + step == iv.end, "the end date is the last day (or minute) of the interval"


def test_the_title_slide_gives_the_dct_its_source_and_what_is_left_out() -> None:
    doc = analyze("Vroeger stond hier een kerk. Hij zei donderdag dat hij betaalde. Binnenkort opent de fabriek.")
    title = document_to_timelinejs(doc, title="Kerk & fabriek")["title"]
    assert title["text"]["headline"] == "Kerk &amp; fabriek" and "start_date" not in title
    said = "".join(markup(title["text"]["text"]).text)
    assert "DCT 2017-02-02 (Thu), given by the caller" in said
    undated = [e for e in doc.events if e.interval is None]
    assert f"{len(undated)} the text does not date (or only vaguely), left out" in said
    assert "stond (Vroeger)" in said and "opent (Binnenkort)" in said


def test_a_text_without_a_dated_event_gets_one_slide_on_the_dct() -> None:
    data = document_to_timelinejs(timeline.analyze("Niets hier heeft een datum.", dct="2017-02-02T14:30"))
    validate(data)
    assert [(s["unique_id"], s["start_date"]) for s in data["events"]] == [
        ("dct", {"year": 2017, "month": 2, "day": 2, "hour": 14, "minute": 30})]


def test_hostile_text_stays_text() -> None:
    text = "Donderdag " + " ".join(HOSTILE) + " besloot het college. Vrijdag <b>vertrok</b> hij."
    doc = analyze(text)
    data = document_to_timelinejs(doc, title=HOSTILE[1])
    validate(data)
    check_text_stays_text(data)
    assert data["title"]["text"]["headline"] == html.escape(HOSTILE[1])
    slide = next(s for s in data["events"] if "besloot" in s["text"]["headline"])
    shown = "".join(markup(slide["text"]["text"]).text)
    for piece in HOSTILE[:4] + HOSTILE[6:]:
        assert piece in shown, "shown as the characters it is"
    assert "a\ufffdb\ufffdc" in shown, "characters HTML cannot carry become U+FFFD, one for one"
    assert all(s["autolink"] is False for s in [data["title"], *data["events"]]), "no links made of text"


PIECES = st.one_of(
    st.sampled_from(["donderdag", "vorige week", "in december", "om 15.30 uur", "de afgelopen week", "in 2016",
                     "vanavond", "Vroeger", "binnenkort", "zei", "beslist", "vertrok", "opende", "het kabinet", ".",
                     ",", " ", "\n", *HOSTILE]),
    st.text(st.characters(exclude_categories=()), max_size=8))


@given(st.lists(PIECES, max_size=30).map(" ".join), dcts)
def test_any_text_gives_valid_timelinejs_json(text: str, dct: date) -> None:
    doc = timeline.analyze(text, dct=dct)
    data = document_to_timelinejs(doc, title=text[:40])
    validate(data)
    check_text_stays_text(data)
    assert document_to_timelinejs(doc, title=text[:40]) == data, "the same document, the same JSON"
    dated = sum(e.interval is not None for e in doc.events)
    assert len(data["events"]) == max(dated, 1)


def test_the_command_line_writes_it_and_refuses_a_corpus(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "timeline", "analyze"]
    proc = subprocess.run([*run, str(ARTICLE), "--format", "timelinejs"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    validate(data)
    assert data["title"]["text"]["headline"] == "Timeline: artikel.txt"
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "a", "dct": "2017-02-02", "text": "Hij kwam gisteren."}\n', encoding="utf-8")
    proc = subprocess.run([*run, "--jsonl", str(corpus), "--format", "timelinejs"], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("timeline: error: --format timelinejs") and "Traceback" not in proc.stderr


# --- rendered by TimelineJS in a real browser -----------------------------------------------------

DIST = ROOT / "tests" / "js" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
needs_timelinejs = pytest.mark.skipif(not (DIST / "js" / "timeline.js").exists(), reason="TimelineJS is not "
                                      "installed: run `npm ci --prefix tests/js` (.ci/run does)")

# The page a newsroom would write, with everything from disk: no font is asked for (the default
# font would come from Google), English is built in (another language is fetched), and the
# policy refuses any fetch from elsewhere.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src file: 'unsafe-inline'; img-src file: data:; connect-src 'none'">
<link rel="stylesheet" href="{css}"><script src="{js}"></script>
<style>html, body {{ margin: 0; height: 100%; }}</style></head>
<body><div id="timeline" style="width: 100%; height: 100%"></div>
<script>
const tl = new TL.Timeline("timeline", {data}, {{script_path: "{path}/", font: null, language: "en"}});
tl.on("loaded", () => {{ document.body.dataset.ready = "true"; }});
</script></body></html>
"""


def render(data: dict[str, Any], tmp_path: Path) -> str:
    """The DOM chromium builds for a page that shows ``data`` with TimelineJS."""
    page = tmp_path / "timeline.html"
    page.write_text(PAGE.format(css=(DIST / "css" / "timeline.css").as_uri(), js=(DIST / "js" / "timeline.js").as_uri(),
                                path=(DIST / "js").as_uri(), data=json.dumps(data, ensure_ascii=False)),
                    encoding="utf-8")
    assert BROWSER is not None
    proc = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-extensions", "--virtual-time-budget=10000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert 'data-ready="true"' in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


class Slides(HTMLParser):
    """Each slide TimelineJS drew (``div.tl-slide`` with its id), with the text of its headline
    and of its date; also the ids of the markers on the time axis."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slides: dict[str, dict[str, str]] = {}
        self.markers: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self._slide = ""
        self._field: list[str | None] = []  # per open element: the field its text goes to

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.attributes.append(a)
        classes = (a.get("class") or "").split()
        if tag == "div" and "tl-slide" in classes:
            self._slide = a.get("id") or ""
            self.slides[self._slide] = {"headline": "", "date": "", "text": ""}
        if "tl-timenav" in classes:  # past the slides: the time axis and its markers
            self._slide = ""
        if "tl-timemarker" in classes:
            self.markers.append(a.get("id") or "")
        field = "headline" if "tl-headline" in classes else "date" if "tl-headline-date" in classes else None
        if field is None and "tl-text-content" in classes:
            field = "text"
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self._field.append(field or (self._field[-1] if self._field else None))

    def handle_endtag(self, tag: str) -> None:
        if self._field:
            self._field.pop()

    def handle_data(self, data: str) -> None:
        field = self._field[-1] if self._field else None
        if field and self._slide:
            self.slides[self._slide][field] += data


def drawn(dom: str) -> Slides:
    found = Slides()
    found.feed(dom[dom.index("tl-storyslider"):])  # the slides; the markers come after them
    return found


def _words(s: str) -> str:
    return " ".join(s.split())


@needs_browser
@needs_timelinejs
def test_timelinejs_draws_a_slide_per_dated_event_and_the_title(tmp_path: Path) -> None:
    doc = timeline.analyze(ARTICLE.read_text(encoding="utf-8"))
    data = document_to_timelinejs(doc, title="Timeline: artikel.txt")
    found = drawn(render(data, tmp_path))
    ids = [s["unique_id"] for s in data["events"]]
    assert list(found.slides) == ["title", *ids], "the title, then one slide per dated event"
    assert sorted(found.markers) == sorted(f"{i}-marker" for i in ids), "a marker per event on the time axis"
    for slide in data["events"]:
        shown = found.slides[slide["unique_id"]]
        assert _words(shown["headline"]) == html.unescape(slide["text"]["headline"])
        assert (" — " in shown["date"]) == ("end_date" in slide), shown["date"]
    by_text = {doc.events[int(i.removeprefix("event-"))].text: found.slides[i] for i in ids}
    assert _words(by_text["begonnen"]["date"]) == "November 14, 2016"
    assert _words(by_text["vonden"]["date"]) == "November 28, 2016 — December 4, 2016", "2016-W48, inclusive"
    assert _words(by_text["maakte"]["date"]) == "6:00 PM March 9, 2017 — 11:59 PM March 9, 2017"
    assert "8 the text does not date" in found.slides["title"]["text"]


@needs_browser
@needs_timelinejs
def test_hostile_text_is_shown_not_run_by_timelinejs(tmp_path: Path) -> None:
    doc = analyze("Donderdag " + " ".join(HOSTILE[:3]) + " besloot het college.")
    data = document_to_timelinejs(doc, title=HOSTILE[0])
    dom = render(data, tmp_path)
    found = drawn(dom)
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None and "pwned" not in body.group(), "no script of the text ran"
    assert not any("onerror" in a for a in found.attributes), "no element was made of the text"
    assert _words(found.slides["title"]["headline"]) == HOSTILE[0]
    slide = next(v for k, v in found.slides.items() if k != "title")
    assert HOSTILE[0] in slide["text"] and HOSTILE[1] in slide["text"]
