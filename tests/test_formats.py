"""Output formats: JSON, JSONL, TimeML, CSV and the terminal table of a hand-built document."""

from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.model import (
    Aspect,
    DctSource,
    Document,
    Event,
    EventClass,
    Link,
    Polarity,
    Relation,
    Span,
    TimeExpression,
)
from timeline.output import (
    document_to_csv,
    document_to_dict,
    document_to_jsonl_line,
    document_to_timeml,
    timeline_table,
)
from timeline.output.records import event_to_dict
from timeline.output.tabular import CSV_HEADER
from timeline.output.timeml import DCT_REL_TYPES, LINK_REL_TYPES, RELATIONS
from timeline.time.algebra import Grain, Interval
from timeline.time.intent import Tense

SAMPLE = "Spicer zei donderdag dat het kabinet vrijdag beslist. McCain waarschuwde de president."
DCT = date(2017, 2, 2)
TIMEXES = tuple(timeline.recognize(SAMPLE, dct=DCT))
# Undated events before, around and after the DCT and one the text leaves open, and links.
PLACED = ("Nadat hij had betaald, vertrok hij. Daarna ging ze weg. Zij werkt nu hard terwijl hij slaapt. "
          "Hij zou komen als het kon. Morgen vertrekt de trein.")


def _event(text: str, word: str, lemma: str, cls: EventClass, tense: Tense | None, sentence: int,
           timex: TimeExpression | None = None, offset: int = 0, **kw: object) -> Event:
    start = text.index(word, offset)
    return Event(span=Span(start, start + len(word)), text=word, lemma=lemma, cls=cls, tense=tense,
                 sentence=sentence, timex=timex, interval=None if timex is None else timex.interval,
                 anchor=None if timex is None else timex.value, **kw)  # type: ignore[arg-type]


def sample(prefix: str = "", suffix: str = "") -> Document:
    """The sample sentence with text around it: spans shift by the prefix."""
    text, k = prefix + SAMPLE + suffix, len(prefix)
    timexes = tuple(evolve(t, span=Span(t.start + k, t.end + k)) for t in TIMEXES)
    donderdag, vrijdag = timexes
    events = (_event(text, "zei", "zeggen", EventClass.REPORTING, Tense.PAST, 0, donderdag, k),
              _event(text, "beslist", "beslissen", EventClass.OCCURRENCE, Tense.PRESENT, 0, vrijdag, k),
              _event(text, "waarschuwde", "waarschuwen", EventClass.REPORTING, Tense.PAST, 1, None, k,
                     aspect=Aspect.PERFECTIVE, polarity=Polarity.NEG))
    return Document(text=text, dct=DCT, dct_source=DctSource.ARGUMENT, timexes=timexes, events=events,
                    ranks=(0, 1, None))


def parse_timeml(xml: str) -> ET.Element:
    root = ET.fromstring(xml)
    assert root.tag == "TimeML"
    assert [c.tag for c in root][:3] == ["DOCID", "DCT", "TEXT"]
    tids = {t.get("tid") for t in root.iter("TIMEX3")}
    eids = {e.get("eid") for e in root.iter("EVENT")}
    instances = root.findall("MAKEINSTANCE")
    eiids = {m.get("eiid") for m in instances}
    assert len(eiids) == len(instances)
    for link in root.findall("TLINK"):
        assert link.get("eventInstanceID") in eiids
        assert (link.get("relatedToTime") in tids) != (link.get("relatedToEventInstance") in eiids)
    # every inline EVENT has its instance; an instance may lack its tag (overlap with a timex)
    assert eids <= {m.get("eventID") for m in instances}
    text = root.find("TEXT")
    assert text is not None
    for element in text:
        assert element.tag in ("TIMEX3", "EVENT", "SIGNAL") and len(element) == 0
    sids = {s.get("sid") for s in text.iter("SIGNAL")}
    assert {link.get("signalID") for link in root.findall("TLINK")} <= sids | {None}
    return root


def text_of(root: ET.Element) -> str:
    found = root.find("TEXT")
    assert found is not None
    return "".join(found.itertext())


def xml_safe(s: str) -> str:
    """The XML 1.0 Char production, written out independently of the module."""
    def ok(c: str) -> bool:
        n = ord(c)
        return n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF
    return "".join(c if ok(c) else "\ufffd" for c in s)


# JSON


def test_document_dict_survives_json() -> None:
    doc = sample()
    data = document_to_dict(doc)
    assert json.loads(json.dumps(data)) == data
    assert data["schema"] == "timeline/1"
    assert data["dct"] == "2017-02-02" and data["dct_source"] == "argument"
    assert [t["text"] for t in data["timexes"]] == ["donderdag", "vrijdag"]
    assert [(e["text"], e["rank"]) for e in data["events"]] == [("zei", 0), ("beslist", 1), ("waarschuwde", None)]


def test_event_dict_fields() -> None:
    doc = sample()
    zei, _, warned = doc.events
    d = event_to_dict(zei, 0)
    assert set(d) == {"start", "end", "text", "lemma", "class", "tense", "aspect", "polarity", "sentence",
                      "nominal", "anchor", "interval", "timex", "rank", "dct_relation"}
    assert SAMPLE[d["start"]:d["end"]] == "zei"
    assert (d["class"], d["tense"], d["anchor"], d["timex"]) == ("REPORTING", "past", "2017-02-02", [11, 20])
    assert d["interval"] == {"start": "2017-02-02T00:00:00", "end": "2017-02-03T00:00:00", "grain": "day"}
    w = event_to_dict(warned, None)
    assert (w["aspect"], w["polarity"], w["interval"], w["timex"], w["rank"]) == ("PERFECTIVE", "NEG", None, None,
                                                                                  None)
    assert event_to_dict(evolve(zei, tense=None), 0)["tense"] is None


# JSONL


def test_jsonl_line_has_the_scorers_keys() -> None:
    line = document_to_jsonl_line(sample(), "doc-7")
    assert json.loads(json.dumps(line)) == line
    assert set(line) == {"id", "timexes", "events", "links"} and line["id"] == "doc-7"
    assert all(set(t) == {"start", "end", "type", "value"} for t in line["timexes"])
    assert all(set(e) == {"start", "end", "class", "anchor", "rank", "dct_relation"} for e in line["events"])
    assert [(e["anchor"], e["rank"]) for e in line["events"]] == [("2017-02-02", 0), ("2017-02-03", 1), (None, 2)]


def test_jsonl_unanchored_ranks_come_after_and_apart() -> None:
    doc = sample()
    zei, beslist, warned = doc.events
    doc = evolve(doc, events=(zei, beslist, warned, warned), ranks=(0, 0, None, None))
    assert [e["rank"] for e in document_to_jsonl_line(doc, "x")["events"]] == [0, 0, 1, 2]
    doc = evolve(doc, events=(warned,), ranks=(None,))
    assert [e["rank"] for e in document_to_jsonl_line(doc, "x")["events"]] == [0]


# TimeML


def test_timeml_structure() -> None:
    root = parse_timeml(document_to_timeml(sample(), "doc-1"))
    assert root.findtext("DOCID") == "doc-1"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2017-02-02", "temporalFunction": "false",
                          "functionInDocument": "CREATION_TIME"}
    assert text_of(root) == SAMPLE
    text = root.find("TEXT")
    assert text is not None
    assert [(c.tag, c.text) for c in text] == [("EVENT", "zei"), ("TIMEX3", "donderdag"), ("TIMEX3", "vrijdag"),
                                               ("EVENT", "beslist"), ("EVENT", "waarschuwde")]
    assert [(t.get("tid"), t.get("value")) for t in text.iter("TIMEX3")] == [("t1", "2017-02-02"),
                                                                             ("t2", "2017-02-03")]
    instances = {m.get("eiid"): m.attrib for m in root.iter("MAKEINSTANCE")}
    assert instances["ei3"] == {"eiid": "ei3", "eventID": "e3", "tense": "PAST", "aspect": "PERFECTIVE",
                                "polarity": "NEG", "pos": "VERB"}
    links = {(t.get("relType"), t.get("eventInstanceID"), t.get("relatedToTime") or t.get("relatedToEventInstance"))
             for t in root.iter("TLINK")}
    assert links == {("IS_INCLUDED", "ei1", "t1"), ("IS_INCLUDED", "ei2", "t2"), ("BEFORE", "ei1", "ei2")}
    assert len({t.get("lid") for t in root.iter("TLINK")}) == 3


def test_timeml_no_links_for_equal_ranks_and_during_for_durations() -> None:
    text = "Hij zat drie weken vast."
    weeks = timeline.recognize(text, dct=DCT)[0]
    stretch = Interval(datetime(2017, 1, 12), datetime(2017, 2, 2), Grain.DAY)
    weeks = evolve(weeks, interval=stretch)
    zat = _event(text, "zat", "vastzitten", EventClass.STATE, Tense.PAST, 0, weeks)
    doc = Document(text=text, dct=DCT, dct_source=DctSource.ARGUMENT, timexes=(weeks,), events=(zat, zat),
                   ranks=(0, 0))
    root = parse_timeml(document_to_timeml(doc))
    assert {t.get("relType") for t in root.iter("TLINK")} == {"DURING"}


def test_timeml_before_only_where_intervals_agree() -> None:
    # a month shares rank 0 with the day that starts it; the next day gets rank 1 but lies inside the month
    text = "In februari begon het op 1 februari en eindigde het op 2 februari."
    feb, first, second = timeline.recognize(text, dct=DCT)
    events = (_event(text, "begon", "beginnen", EventClass.ASPECTUAL, Tense.PAST, 0, first),
              _event(text, "In", "zijn", EventClass.STATE, Tense.PAST, 0, feb),
              _event(text, "eindigde", "eindigen", EventClass.ASPECTUAL, Tense.PAST, 0, second))
    doc = Document(text=text, dct=DCT, dct_source=DctSource.ARGUMENT, timexes=(feb, first, second),
                   events=events, ranks=(0, 0, 1))
    root = parse_timeml(document_to_timeml(doc))
    before = {(t.get("eventInstanceID"), t.get("relatedToEventInstance"))
              for t in root.iter("TLINK") if t.get("relType") == "BEFORE"}
    assert before == {("ei1", "ei3")}  # not ei2 (the month) BEFORE ei3, though ei2 is next to it
    assert text_of(root) == text


def test_timeml_event_overlapping_a_timex_keeps_its_instance() -> None:
    doc = sample()
    zei, beslist, warned = doc.events
    inside = _event(doc.text, "donder", "donderen", EventClass.OCCURRENCE, None, 0)
    doc = evolve(doc, events=(zei, beslist, warned, inside), ranks=(0, 1, None, None))
    root = parse_timeml(document_to_timeml(doc))
    assert text_of(root) == SAMPLE
    assert "e4" not in {e.get("eid") for e in root.iter("EVENT")}
    assert {"eiid": "ei4", "eventID": "e4", "tense": "NONE", "aspect": "NONE", "polarity": "POS",
            "pos": "VERB"} in [m.attrib for m in root.iter("MAKEINSTANCE")]


def test_timeml_escapes_markup_characters() -> None:
    doc = sample(prefix='<b>"Tom & Jerry\'s" ]]> &amp; <!-- x -->\r\n', suffix=" <?pi?> a<b & c>d \r")
    xml = document_to_timeml(doc, doc_id='<id & "q">')
    root = parse_timeml(xml)
    assert text_of(root) == doc.text
    assert root.findtext("DOCID") == '<id & "q">'
    assert [e.text for e in root.iter("EVENT")] == ["zei", "beslist", "waarschuwde"]


def test_timeml_replaces_characters_xml_cannot_hold() -> None:
    doc = sample(prefix="a\x00b\x08\x0b\x0c\x1f\ufffe\t\n", suffix="\x01")
    root = parse_timeml(document_to_timeml(doc, doc_id="x\x00"))
    assert text_of(root) == "a\ufffdb\ufffd\ufffd\ufffd\ufffd\ufffd\t\n" + SAMPLE + "\ufffd"
    assert root.findtext("DOCID") == "x\ufffd"


@given(st.text(), st.text())
def test_timeml_round_trips_any_text(prefix: str, suffix: str) -> None:
    doc = sample(prefix, suffix)
    root = parse_timeml(document_to_timeml(doc))
    assert text_of(root) == xml_safe(doc.text)
    assert [e.text for e in root.iter("EVENT")] == ["zei", "beslist", "waarschuwde"]
    assert len(root.findall("TLINK")) == 3


def test_timeml_places_events_against_the_dct_and_writes_the_texts_links() -> None:
    text = "Nadat hij had betaald, vertrok hij. Daarna ging ze weg. Zij werkte terwijl hij sliep. Hij zou komen."
    doc = timeline.analyze(text, dct=DCT)
    rels = [e.dct_relation for e in doc.events]
    assert Relation.VAGUE in rels and Relation.BEFORE in rels
    root = parse_timeml(document_to_timeml(doc))
    to_dct = {t.get("eventInstanceID"): t.get("relType") for t in root.iter("TLINK") if t.get("relatedToTime") == "t0"}
    assert to_dct == {f"ei{k}": DCT_REL_TYPES[r] for k, r in enumerate(rels, 1) if r is not Relation.VAGUE}
    signals = {s.get("sid"): s.text for s in root.iter("SIGNAL")}
    cued = [(t.get("eventInstanceID"), t.get("relType"), t.get("relatedToEventInstance"), t.get("syntax"),
             signals.get(t.get("signalID") or "")) for t in root.iter("TLINK") if t.get("syntax") is not None]
    words = {e.text: f"ei{k}" for k, e in enumerate(doc.events, 1)}
    assert cued == [(words["betaald"], "BEFORE", words["vertrok"], "nadat", "Nadat"),
                    (words["vertrok"], "BEFORE", words["ging"], "daarna", "Daarna"),
                    (words["sliep"], "SIMULTANEOUS", words["werkte"], "terwijl", "terwijl")]


def test_timeml_mapping_of_relations_is_total_and_reads_back() -> None:
    assert set(DCT_REL_TYPES) == set(LINK_REL_TYPES) == {Relation.BEFORE, Relation.AFTER, Relation.OVERLAP}
    for written in (DCT_REL_TYPES, LINK_REL_TYPES):
        assert all(RELATIONS[rel_type] is relation for relation, rel_type in written.items())


def test_timeml_cue_inside_a_timex_gets_no_signal_but_keeps_its_syntax() -> None:
    doc = timeline.analyze("Op 14 november begonnen de werkzaamheden. Twee weken later vonden zij scheuren.", dct=DCT)
    (link,) = doc.links
    assert link.cue == "later"
    root = parse_timeml(document_to_timeml(doc))
    (tlink,) = [t for t in root.iter("TLINK") if t.get("syntax")]
    assert (tlink.get("syntax"), tlink.get("signalID")) == ("later", None)
    assert not list(root.iter("SIGNAL")) and text_of(root) == doc.text


# CSV


def test_csv_one_row_per_event() -> None:
    doc = sample(suffix='\nNog "iets", met komma\'s.')
    rows = list(csv.reader(io.StringIO(document_to_csv(doc), newline="")))
    assert rows[0] == ["rank", "anchor", "start_date", "last_date", "event", "lemma", "class", "tense", "aspect",
                       "polarity", "sentence", "start", "end", "dct_relation"]
    assert len(rows) == 1 + len(doc.events)
    assert rows[1] == ["0", "2017-02-02", "2017-02-02", "2017-02-02", "zei", "zeggen", "REPORTING", "past", "NONE",
                       "POS", "0", "7", "10", "VAGUE"]
    assert rows[3][:4] == ["", "", "", ""] and rows[3][4] == "waarschuwde"


def test_csv_ends_with_the_relation_to_the_dct_and_keeps_the_old_columns_first() -> None:
    doc = timeline.analyze(PLACED, dct=DCT)
    rows = list(csv.DictReader(io.StringIO(document_to_csv(doc), newline="")))
    assert list(rows[0])[-1] == "dct_relation" and tuple(rows[0])[:13] == CSV_HEADER[:13]
    assert [row["dct_relation"] for row in rows] == [e.dct_relation.value for e in doc.events]
    assert {row["dct_relation"] for row in rows} == {"BEFORE", "OVERLAP", "AFTER", "VAGUE"}


def test_csv_dates_of_a_longer_interval() -> None:
    doc = sample()
    zei = evolve(doc.events[0], interval=Interval(datetime(2017, 1, 26), datetime(2017, 2, 3), Grain.DAY))
    doc = evolve(doc, events=(zei,), ranks=(0,))
    rows = list(csv.reader(io.StringIO(document_to_csv(doc), newline="")))
    assert rows[1][2:4] == ["2017-01-26", "2017-02-02"]


# table


def test_table_lists_every_event() -> None:
    doc = sample(suffix="\n\tEn\x1b[31m verder.")
    table = timeline_table(doc)
    lines = table.splitlines()
    for event in doc.events:
        assert event.text in table and event.lemma in table
    assert lines[0] == "DCT 2017-02-02 (Thu), given by the caller"
    assert lines[1].split() == ["when", "value", "event", "lemma", "dct", "context"]
    assert "2017-02-02 (Thu)" in lines[2] and "zei" in lines[2]
    assert "2017-02-03 (Fri)" in lines[3] and "beslist" in lines[3]
    assert lines[4] == "no place in time given by the text" and "waarschuwde" in lines[5]
    assert "\x1b" not in table and "\t" not in table
    assert len(lines) == 6


def test_table_says_periods_in_words() -> None:
    doc = sample()
    zei = doc.events[0]
    cases = {Interval(datetime(2017, 1, 23), datetime(2017, 1, 30), Grain.WEEK): "2017-W04 (week)",
             Interval(datetime(2016, 12, 1), datetime(2017, 1, 1), Grain.MONTH): "2016-12 (month)",
             Interval(datetime(2017, 1, 26), datetime(2017, 2, 3), Grain.DAY): "2017-01-26 .. 2017-02-02",
             Interval(datetime(2017, 2, 2, 14), datetime(2017, 2, 2, 16), Grain.HOUR): "2017-02-02T14:00 .. "
                                                                                         "2017-02-02T15:59"}
    for interval, words in cases.items():
        table = timeline_table(evolve(doc, events=(evolve(zei, interval=interval),), ranks=(0,)))
        assert words in table.splitlines()[2]
        assert "undated" not in table and "no place" not in table


UNDATED = "Hij had gehoopt op beter. Eerder zei hij nee. Nu werkt hij. Morgen vertrekt hij. Misschien komt hij."


def undated() -> Document:
    """Undated events, one or two in each band, the links putting the later one in the text first."""
    text = UNDATED
    events = (_event(text, "gehoopt", "hopen", EventClass.I_STATE, Tense.PAST, 0, dct_relation=Relation.BEFORE),
              _event(text, "zei", "zeggen", EventClass.REPORTING, Tense.PAST, 1, dct_relation=Relation.BEFORE),
              _event(text, "werkt", "werken", EventClass.OCCURRENCE, Tense.PRESENT, 2, dct_relation=Relation.OVERLAP),
              _event(text, "vertrekt", "vertrekken", EventClass.OCCURRENCE, Tense.PRESENT, 3,
                     dct_relation=Relation.AFTER),
              _event(text, "komt", "komen", EventClass.OCCURRENCE, Tense.PRESENT, 4, dct_relation=Relation.VAGUE))
    earlier = Span(text.index("Eerder"), text.index("Eerder") + 6)
    return Document(text=text, dct=DCT, dct_source=DctSource.DATELINE, timexes=(), events=events,
                    ranks=(None,) * 5, links=(Link(source=1, target=0, relation=Relation.BEFORE, cue="eerder",
                                                   span=earlier),))


def test_table_places_undated_events_in_bands_in_link_order_and_lists_the_links() -> None:
    lines = timeline_table(undated()).splitlines()
    assert lines[0] == "DCT 2017-02-02 (Thu), read from the dateline"
    words = [line.split()[0] if line.startswith(" ") else line for line in lines[2:]]
    assert words == ["undated, before the DCT", "zei", "gehoopt", "undated, around the DCT", "werkt",
                     "undated, after the DCT", "vertrekt", "no place in time given by the text", "komt", "links",
                     "zei"]
    assert lines[-1] == "  zei BEFORE gehoopt (eerder)"
    assert [line.split()[2] for line in lines[3:5]] == ["BEFORE", "BEFORE"], "the dct column"


def test_table_of_the_analysis_keeps_every_event_once_in_a_band_that_fits() -> None:
    doc = timeline.analyze(PLACED, dct=DCT)
    lines = timeline_table(doc).splitlines()
    at = lines[1].index("event")
    band = ""
    seen: list[int] = []
    for line in lines[2 + len(doc.anchored):]:
        if not line.startswith(" "):
            band = line
            continue
        if band == "links":
            break
        k = next(k for k, e in enumerate(doc.events) if e.text == line[at:].split()[0] and k not in seen)
        seen.append(k)
        relation = doc.events[k].dct_relation
        assert band.endswith({Relation.BEFORE: "before the DCT", Relation.OVERLAP: "around the DCT",
                              Relation.AFTER: "after the DCT", Relation.VAGUE: "given by the text"}[relation])
    assert sorted(seen) == [k for k, r in enumerate(doc.ranks) if r is None]
    step = {id(e): n for n, group in enumerate(doc.timeline()) for e in group}
    assert all(step[id(doc.events[a])] <= step[id(doc.events[b])] for a, b in zip(seen, seen[1:], strict=False)
               if doc.events[a].dct_relation is doc.events[b].dct_relation)


def test_every_before_link_holds_on_the_intervals_and_every_later_rank_gets_one() -> None:
    text = ("Hij zei maandag dat het in februari begon. Op 1 februari kwam het plan. In maart volgde de wet. "
            "Dinsdag stemde de Kamer. Woensdag tekende de koning. Hij zei donderdag dat hij vrijdag komt.")
    doc = timeline.analyze(text, dct=DCT)
    root = parse_timeml(document_to_timeml(doc))
    pairs = [(int(t.get("eventInstanceID", "")[2:]) - 1, int(t.get("relatedToEventInstance", "")[2:]) - 1)
             for t in root.iter("TLINK")
             if t.get("relType") == "BEFORE" and t.get("relatedToEventInstance") and t.get("syntax") is None]
    for a, b in pairs:
        first, then = doc.events[a].interval, doc.events[b].interval
        assert first is not None and then is not None and first.end <= then.start
        assert doc.ranks[b] == (doc.ranks[a] or 0) + 1
    linked = {b for _, b in pairs}
    assert linked == {k for k, r in enumerate(doc.ranks) if r}, "each event of rank 1 and up is linked from below"


def test_timeml_grows_linearly_with_the_events() -> None:
    # A complexity property, not a speed goal: eight times the events may not take
    # much more than eight times as long (it once grew with their cube).
    def seconds(n: int) -> float:
        doc = timeline.analyze("Hij zei donderdag dat hij vrijdag komt. " * n, dct=DCT)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            document_to_timeml(doc)
            best = min(best, time.process_time() - start)
        return best

    small, large = seconds(150), seconds(1200)
    assert large < 24 * max(small, 1e-3), (small, large)
