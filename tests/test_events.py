"""Events and the timeline: which words are events, their class and time, and their order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import Aspect, EventClass, Polarity, Tense, analyze
from timeline.events.order import precedes

DCT = "2017-02-02"  # a Thursday


def events(text: str, dct: str = DCT, **kw: object) -> list[tuple[str, str, str | None]]:
    doc = analyze(text, dct=dct, **kw)  # type: ignore[arg-type]
    by_start = sorted(doc.events, key=lambda e: e.start)
    return [(e.text, e.cls.value, e.anchor) for e in by_start]


# sentence, the events (trigger, class, anchor) in text order
EVENTS = [
    ("Perschef Sean Spicer zei donderdag dat het kabinet vrijdag beslist.",
     [("zei", "REPORTING", "2017-02-02"), ("beslist", "I_ACTION", "2017-02-03")]),
    # Auxiliaries and modals carry an event, they are none.
    ("De minister heeft maandag gezegd dat hij zal aftreden.",
     [("gezegd", "REPORTING", "2017-01-30"), ("aftreden", "OCCURRENCE", None)]),
    ("Het kabinet moet volgende week beslissen.", [("beslissen", "I_ACTION", "2017-W06")]),
    # A clause with no time gives its event none: never the DCT by default.
    ("McCain waarschuwde de president.", [("waarschuwde", "REPORTING", None)]),
    # An infinitive under an intensional verb is an event too.
    ("Hij dreigde via het parlement een wet in te dienen.",
     [("dreigde", "I_ACTION", None), ("dienen", "OCCURRENCE", None)]),
    # Separable verbs: the trigger is the finite verb, the lemma the whole verb.
    ("In zijn laatste week legde de oud-president nog nieuwe sancties op.", [("legde", "OCCURRENCE", None)]),
    # Nouns that name events.
    ("De sancties zijn opgelegd vanwege de annexatie van de Krim.",
     [("opgelegd", "OCCURRENCE", None), ("annexatie", "OCCURRENCE", None)]),
    # A copula with nothing else is the state itself.
    ("De school was drie weken dicht.", [("was", "STATE", None)]),
    # A duration that ends at the DCT anchors on its stretch.
    ("Zijn woorden leidden de afgelopen week tot onrust.",
     [("leidden", "OCCURRENCE", "2017-01-26/2017-02-02"), ("onrust", "STATE", "2017-01-26/2017-02-02")]),
    # The finer time inside the nearer one: "maandag om 7.15 uur".
    ("De trein vertrekt maandag om 7.15 uur.", [("vertrekt", "OCCURRENCE", "2017-02-06T07:15")]),
    # A set is a frequency, not a time.
    ("De markt wordt elke maandag gehouden.", [("gehouden", "OCCURRENCE", None)]),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS, ids=[t[:40] for t, _ in EVENTS])
def test_events_their_class_and_anchor(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert events(text) == expected


def test_lemma_of_a_separable_verb_is_the_whole_verb() -> None:
    doc = analyze("Hij legde de sancties op.", dct=DCT)
    assert [(e.text, e.lemma) for e in doc.events] == [("legde", "opleggen")]


@pytest.mark.parametrize(("text", "tense", "aspect"), [
    ("Hij zei het.", Tense.PAST, Aspect.NONE),
    ("Hij zegt het.", Tense.PRESENT, Aspect.NONE),
    ("Hij heeft het gezegd.", Tense.PRESENT, Aspect.PERFECTIVE),
    ("Hij had het gezegd.", Tense.PAST, Aspect.PERFECTIVE),
    ("Hij zal het zeggen.", Tense.FUTURE, Aspect.NONE),
])
def test_tense_and_aspect_of_the_verb_group(text: str, tense: Tense, aspect: Aspect) -> None:
    (event,) = analyze(text, dct=DCT).events
    assert (event.tense, event.aspect) == (tense, aspect)


def test_negation_makes_the_event_negative() -> None:
    doc = analyze("Trump hief de sancties niet op. Obama stemde in.", dct=DCT)
    assert [(e.text, e.polarity) for e in sorted(doc.events, key=lambda e: e.start)] == [
        ("hief", Polarity.NEG), ("stemde", Polarity.POS)]


def test_nominal_events_have_no_tense() -> None:
    doc = analyze("De annexatie van de Krim.", dct=DCT)
    assert [(e.text, e.nominal, e.tense, e.cls) for e in doc.events] == [
        ("annexatie", True, None, EventClass.OCCURRENCE)]


def test_user_dated_events_place_relative_times() -> None:
    text = "Een week voor zijn inauguratie stelde Trump de sancties in stand. Na de verkiezingen won hij."
    doc = analyze(text, dct=DCT, anchors={"inauguratie": "2017-01-20", "verkiezingen": date(2016, 11, 8)})
    found = {t.text: (t.type.value, t.value, t.mod) for t in doc.timexes}
    assert found["Een week voor zijn inauguratie"] == ("DATE", "2017-01-13", None)
    assert found["Na de verkiezingen"][:2] == ("DATE", "2016-11-08")
    assert found["Na de verkiezingen"][2] is timeline.Mod.AFTER
    by_text = {e.text: e for e in doc.events}
    assert by_text["stelde"].anchor == "2017-01-13"
    assert by_text["won"].interval is not None and by_text["won"].interval.start.date() == date(2016, 11, 9)


def test_without_user_dates_an_event_relative_time_is_a_duration() -> None:
    doc = analyze("Een week voor zijn inauguratie stelde Trump de sancties in stand.", dct=DCT)
    assert [(t.text, t.value) for t in doc.timexes] == [("Een week", "P1W")]


def test_an_anchor_that_is_no_date_is_refused_quoting_it() -> None:
    with pytest.raises(ValueError, match="banaan"):
        analyze("Na de verkiezingen won hij.", dct=DCT, anchors={"verkiezingen": "banaan"})


def test_an_unknown_parser_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown parser"):
        analyze("Hij zei het.", dct=DCT, parser="udpipe")


def test_the_timeline_puts_anchored_events_in_order_then_the_rest() -> None:
    text = ("Op 14 november 2016 begonnen de werkzaamheden. Twee weken later vonden aannemers scheuren. "
            "Donderdag besloot het college de weg langer af te sluiten. De wethouder betreurt dat.")
    doc = analyze(text, dct="2017-03-10")
    assert [(e.text, e.anchor, r) for e, r in zip(doc.events, doc.ranks, strict=True)] == [
        ("begonnen", "2016-11-14", 0), ("vonden", "2016-W48", 1), ("besloot", "2017-03-09", 2),
        ("sluiten", "2017-03-09", 2), ("betreurt", None, None)]


SENTENCES = st.sampled_from([
    "Spicer zei donderdag dat het kabinet vrijdag beslist.", "Twee dagen later trad hij af.",
    "Vorig jaar won Ajax de beker.", "De trein vertrekt maandag om 7.15 uur.", "McCain waarschuwde de president.",
    "In december zetten zij 35 diplomaten het land uit.", "Het kabinet vergadert volgende week.",
    "De afgelopen week leidden de plannen tot onrust.", "Hij heeft het gisteren gezegd.",
])


@given(st.lists(SENTENCES, min_size=1, max_size=8))
def test_ranks_respect_every_ordered_pair_and_spans_stay_in_their_sentence(sentences: list[str]) -> None:
    text = " ".join(sentences)
    doc = analyze(text, dct=DCT)
    placed = [(e, r) for e, r in zip(doc.events, doc.ranks, strict=True) if r is not None]
    for a, ra in placed:
        for b, rb in placed:
            assert a.interval is not None and b.interval is not None
            if precedes(a.interval, b.interval):
                assert ra is not None and rb is not None and ra < rb
    ranks = [r for _, r in placed]
    assert ranks == sorted(ranks)  # anchored events come in timeline order
    sentences_of = {s.index: s for s in timeline.parse.builtin.BuiltinParser().parse(text)}
    for e in doc.events:
        s = sentences_of[e.sentence]
        assert s.start <= e.start < e.end <= s.end
        assert text[e.start:e.end] == e.text


@given(st.text(max_size=300))
def test_analyze_never_raises_on_arbitrary_text(text: str) -> None:
    doc = analyze(text, dct=DCT)
    for e in doc.events:
        assert text[e.start:e.end] == e.text


def test_the_example_article_event_by_event() -> None:
    text = (Path(__file__).parent.parent / "examples" / "artikel.txt").read_text(encoding="utf-8")
    doc = analyze(text)  # the DCT comes from the dateline: 10 March 2017
    assert doc.dct == date(2017, 3, 10)
    anchored = [(e.text, e.anchor) for e in doc.anchored]
    assert anchored[:4] == [("trok", "2016"), ("zien", "2016-11"), ("begonnen", "2016-11-14"), ("vonden", "2016-W48")]
    for trigger, value in [("besloten", "2017-03-09"), ("maakte", "2017-03-09TEV"), ("reageerden", "2017-03-10"),
                           ("praat", "2017-03-14"), ("beslist", "2017-03-16"), ("presenteert", "2017-04-04T20:00"),
                           ("vergadert", "2017-W15")]:
        assert (trigger, value) in anchored
    assert ("zei", None) in [(e.text, e.anchor) for e in doc.unanchored]
    # "Twee dagen later" counts from "volgende week dinsdag" (14 March): the council decides on the 16th.
    assert anchored.index(("praat", "2017-03-14")) < anchored.index(("beslist", "2017-03-16"))


@pytest.mark.parametrize(("text", "expected"), [
    # "liet weten" is one reporting event; "weten" is not an event of its own.
    ("De wethouder liet donderdag weten dat hij stopt.",
     [("liet", "REPORTING", "2017-02-02"), ("stopt", "ASPECTUAL", None)]),
    # "vinden" is a belief only before a clause.
    ("Hij vindt dat het kabinet moet aftreden.", [("vindt", "I_STATE", None), ("aftreden", "OCCURRENCE", None)]),
    ("Gisteren vonden aannemers scheuren.", [("vonden", "OCCURRENCE", "2017-02-01")]),
    # A participle before a noun describes it.
    ("De getroffen ondernemers reageerden gisteren boos.", [("reageerden", "REPORTING", "2017-02-01")]),
])
def test_phrases_and_context_decide_the_class(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert events(text) == expected


def test_the_dateline_is_no_event_of_the_text() -> None:
    import timeline

    doc = timeline.analyze("Gepubliceerd op 3 februari 2017\n\nDe Kamer stemde donderdag in.")
    assert [e.text for e in doc.events] == ["stemde"]
