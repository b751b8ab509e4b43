"""document_from_dict rebuilds the very Document from its complete timeline/1 record (through JSON)."""

from __future__ import annotations

import json
from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.output.intents import intent_from_dict, intent_to_dict
from timeline.output.records import document_to_dict
from timeline.output.restore import document_from_dict
from timeline.time.algebra import Grain
from timeline.time.intent import Clock, DayOfWeek, Direction, Length, Ref, RefKind, Shifted

from .strategies import dcts

SENTENCES = st.sampled_from([
    "Spicer zei donderdag dat het kabinet vrijdag beslist.",
    "De minister legde op 3 februari 2017 een verklaring af.",
    "Twee dagen later trad hij af, nadat de Kamer hem had weggestuurd.",
    "Vorige week bleek dat het bedrijf in december failliet gaat.",
    "Het ziekenhuis opent morgenochtend om 9 uur een nieuwe afdeling.",
    "Elke maandag vergadert de raad, al sinds de jaren negentig.",
    "Van 2 tot 5 maart staakten de buschauffeurs; de afgelopen drie weken was het onrustig.",
    "Drie dagen na Pasen werd de brug niet geopend.",
    "Annexatie Krim",
    "Rusland annexeerde de Krim in maart 2014.",
    "Momenteel onderzoekt de politie de zaak, onlangs werd een verdachte gearresteerd.",
    "Een week voor zijn inauguratie sprak hij met de pers.",
])
TEXTS = st.lists(SENTENCES, min_size=1, max_size=6).map(" ".join)
# The record writes a DCT's clock to the second: a DCT with microseconds comes back without them.
DCTS = st.one_of(dcts, st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2050, 1, 1))
                 .map(lambda d: d.replace(microsecond=0)))


def _roundtrip(doc: timeline.Document) -> timeline.Document:
    return document_from_dict(json.loads(json.dumps(document_to_dict(doc, complete=True))), doc.text)


@settings(max_examples=60, deadline=None)
@given(TEXTS, DCTS)
def test_a_document_survives_its_complete_record(text: str, dct: date) -> None:
    doc = timeline.analyze(text, dct=dct, anchors={"inauguratie": "2017-01-20"})
    again = _roundtrip(doc)
    assert again == doc
    assert [e.timex for e in again.events] == [e.timex for e in doc.events]
    assert again.timeline() == doc.timeline()


def test_a_dateline_dct_and_its_clock_survive() -> None:
    doc = timeline.analyze("Gepubliceerd op 3 februari 2017 14:32\nHij vertrok twee uur later.")
    assert doc.dct_time is not None
    assert _roundtrip(doc) == doc


def test_the_plain_record_is_unchanged_and_cannot_rebuild() -> None:
    doc = timeline.analyze("Spicer zei donderdag dat het kabinet vrijdag beslist.", dct="2017-02-02")
    plain = document_to_dict(doc)
    assert "sentences" not in plain and all("intent" not in t for t in plain["timexes"])
    with pytest.raises(ValueError, match="complete=True"):
        document_from_dict(plain, doc.text)


@pytest.mark.parametrize("damage", [
    lambda r: r.update(schema="timeline/0"),
    lambda r: r.pop("events"),
    lambda r: r.update(dct="gisteren"),
    lambda r: r["timexes"][0].update(end=10_000),
    lambda r: r["timexes"][0].update(type="WHEN"),
    lambda r: r["timexes"][0]["intent"].update({"class": "os.system"}),
    lambda r: r["events"][0].update(timex=[0, 1]),
    lambda r: r["events"][0].update(rank="1"),
    lambda r: r["links"].append({"source": 0, "target": 0, "relation": "BEFORE", "cue": "x", "cue_span": None}),
    lambda r: r.update(sentences="all"),
])
def test_a_damaged_record_is_a_clear_error(damage: object) -> None:
    doc = timeline.analyze("Spicer zei donderdag dat het kabinet vrijdag beslist.", dct="2017-02-02")
    record = document_to_dict(doc, complete=True)
    damage(record)  # type: ignore[operator]
    with pytest.raises(ValueError, match="timeline/1 record"):
        document_from_dict(record, doc.text)


def test_no_record_and_no_text() -> None:
    with pytest.raises(ValueError, match="timeline/1"):
        document_from_dict([], "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        document_from_dict({"schema": "timeline/1"}, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("intent", [
    Ref(RefKind.PAST), DayOfWeek(4, Direction.BACK, nearest=True), Length(Fraction(3, 2), Grain.HOUR),
    Clock(9, 30, day=DayOfWeek(1)), Shifted(((3, Grain.DAY), (-1, Grain.WEEK)), base=None, grain=Grain.DAY),
])
def test_intents_round_trip(intent: object) -> None:
    assert intent_from_dict(json.loads(json.dumps(intent_to_dict(intent)))) == intent  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [{"class": "Interval"}, {"class": "Ref", "kind": {"enum": "Path", "name": "x"}},
                                  {"class": "Ref", "nonsense": 1}, {"class": "Clock"}, {"fraction": "1/0"}, 3])
def test_a_bad_intent_is_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        intent_from_dict(data)
