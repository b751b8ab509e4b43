"""Every event in its place: its relation to the DCT, the links the text gives, the timeline.

Tables by family, each row a sentence of ordinary news Dutch, the event
(its trigger word) and what the guidelines (section 5.1 and 5.2) give it. The
DCT is Thursday 2 February 2017 unless a row says otherwise.
"""

from __future__ import annotations

import pytest

import timeline
from timeline import Document, Event, Relation

DCT = "2017-02-02"
B, A, OV, V = Relation.BEFORE, Relation.AFTER, Relation.OVERLAP, Relation.VAGUE


def event(doc: Document, word: str) -> Event:
    found = [e for e in doc.events if e.text == word]
    assert len(found) == 1, f"{word!r} is {len(found)} events of {[e.text for e in doc.events]}"
    return found[0]


TENSE = [  # the clause's tense and aspect
    ("De minister zei dat er geen geld meer is.", "zei", B),
    ("Het kabinet heeft het besluit genomen.", "genomen", B),
    ("De sancties werden vorig jaar opgelegd.", "opgelegd", B),
    ("De staking duurde drie dagen.", "duurde", B),
    ("Het kabinet zal de regels aanpassen.", "aanpassen", A),
    ("De rente blijft laag.", "blijft", OV),
    ("Spicer zegt dat het beleid niet verandert.", "zegt", OV),
    ("De gemeenteraad vergadert elke donderdag.", "vergadert", OV),
]

MODALITY = [  # conditionals, possibility, what an intention aims at
    ("Trump zou de sancties opheffen.", "opheffen", V),
    ("Als het kabinet de regels verandert, protesteren de boeren.", "verandert", V),
    ("We kunnen de regels niet veranderen.", "veranderen", V),
    ("De minister wil een nieuwe wet indienen.", "indienen", A),
    ("De senator dreigde een wet in te dienen.", "dienen", V),
    ("De senator belooft een wet in te dienen.", "dienen", A),
    ("Het bedrijf kon de lonen niet betalen.", "betalen", B),
]

ANCHORED = [  # an anchor wholly on one side decides; one that holds the DCT leaves it to the clause
    ("Het kabinet beslist vrijdag.", "beslist", A),
    ("De fabriek sloot in 2014 haar deuren.", "sloot", B),
    ("De minister zei donderdag dat er geen geld is.", "zei", B),
    ("Vanochtend botsten twee vrachtwagens op de A12.", "botsten", B),
    ("Vanavond spreekt de premier het land toe.", "spreekt", A),
    ("De koning opent deze week het nieuwe museum.", "opent", A),
    ("Dit jaar verwacht het planbureau een groei van twee procent.", "verwacht", OV),
    ("Het museum bestaat sinds 1885.", "bestaat", OV),
    ("Binnenkort verschijnt een nieuw rapport.", "verschijnt", A),
]

NOUNS = [  # a noun event takes its anchor's relation, or its clause's
    ("Een deel van de sancties is opgelegd vanwege de annexatie van de Krim.", "annexatie", B),
    ("Perschef Spicer zei dat tijdens een persconferentie.", "persconferentie", B),
    ("Na de verkiezingen zal het kabinet de regels aanpassen.", "verkiezingen", V),
]


@pytest.mark.parametrize(("text", "word", "relation"), TENSE + MODALITY + ANCHORED + NOUNS)
def test_relation_to_the_dct(text: str, word: str, relation: Relation) -> None:
    assert event(timeline.analyze(text, dct=DCT), word).dct_relation is relation


def links(text: str) -> set[tuple[str, str, str, str]]:
    doc = timeline.analyze(text, dct=DCT)
    return {(doc.events[k.source].text, k.relation.value, doc.events[k.target].text, k.cue) for k in doc.links}


LINKS = [
    # subordinators: the subordinate event against the main one
    ("Nadat het vuur was geblust, begon de politie een onderzoek.", ("geblust", "BEFORE", "begon", "nadat")),
    ("Inbrekers sloegen toe, terwijl de bewoners sliepen.", ("sliepen", "OVERLAP", "sloegen", "terwijl")),
    ("Sinds hij in de Ardennen verdween, zoekt de familie naar hem.", ("verdween", "BEFORE", "zoekt", "sinds")),
    ("De sancties zijn opgelegd, omdat Rusland de grens schond.", ("schond", "BEFORE", "opgelegd", "omdat")),
    ("De politie arriveerde toen de dader al was gevlucht.", ("gevlucht", "OVERLAP", "arriveerde", "toen")),
    # prepositions before an event noun
    ("Na de persconferentie vertrok de minister naar Brussel.", ("persconferentie", "BEFORE", "vertrok", "na")),
    ("Tijdens de staking rijden alleen de treinen.", ("staking", "OVERLAP", "rijden", "tijdens")),
    ("Een week voor zijn inauguratie stelde Trump dat de sancties blijven.",
     ("inauguratie", "AFTER", "stelde", "voor")),
    ("Dit deed de VS als vergelding voor de aanslag.", ("aanslag", "BEFORE", "deed", "als vergelding voor")),
    # adverbs across sentences
    ("Er brak brand uit in de fabriek. Daarna werd de eigenaar opgepakt.", ("brak", "BEFORE", "opgepakt", "daarna")),
    ("Op 12 maart 2015 brak er brand uit. Twee dagen later werd de eigenaar opgepakt.",
     ("brak", "BEFORE", "opgepakt", "later")),
    ("De minister trad af. Eerder had hij al kritiek gekregen.", ("trad", "AFTER", "gekregen", "eerder")),
    ("De zomertijd ging zondag in; de klokken werden toen een uur vooruitgezet.",
     ("ging", "OVERLAP", "vooruitgezet", "toen")),
    # reports, by the tense of the reported event
    ("De minister zei dat hij de boete had betaald.", ("betaald", "BEFORE", "zei", "report")),
    ("De minister zei dat hij ziek was.", ("was", "OVERLAP", "zei", "report")),
    ("De minister zegt dat hij de boete heeft betaald.", ("betaald", "BEFORE", "zegt", "report")),
]


@pytest.mark.parametrize(("text", "link"), LINKS)
def test_links(text: str, link: tuple[str, str, str, str]) -> None:
    assert link in links(text)


NO_LINKS = [
    "De minister zei dat hij morgen komt.",  # a present under a report: no order the text gives
    "Het rapport kwam eerder dan verwacht.",  # a comparison
    "Het rapport volgt later dit jaar.",  # "later dit jaar" is a time of its own
    "Hij stemde voor de wet.",  # "voor" is not temporal here
    "De minister zei dat hij geld had. De oppositie reageerde.",  # no cue between the sentences
]


@pytest.mark.parametrize("text", NO_LINKS)
def test_no_link_without_a_cue(text: str) -> None:
    cues = {cue for *_, cue in links(text)} - {"report"}
    assert not cues


def test_every_link_says_where_its_cue_stands() -> None:
    text = "Nadat het vuur was geblust, begon de politie een onderzoek."
    (link,) = timeline.analyze(text, dct=DCT).links
    assert link.span is not None and text[link.span.start:link.span.end] == "Nadat"


def test_the_document_orders_events_through_links_and_the_dct() -> None:
    doc = timeline.analyze("Er brak brand uit in de fabriek. Daarna werd de eigenaar opgepakt. "
                           "Volgende week begint het proces.", dct=DCT)
    brak, opgepakt, begint = (event(doc, w) for w in ("brak", "opgepakt", "begint"))
    assert doc.relation(brak, opgepakt) is B
    assert doc.relation(begint, brak) is A  # by the DCT: one before it, one after it
    order = [e.text for group in doc.timeline() for e in group]
    assert order.index("brak") < order.index("opgepakt") < order.index("begint")


def test_unordered_events_share_a_group() -> None:
    doc = timeline.analyze("De minister zei dat hij ziek was. De oppositie reageerde boos.", dct=DCT)
    zei, reageerde = event(doc, "zei"), event(doc, "reageerde")
    assert doc.relation(zei, reageerde) is V
    assert any(zei in group and reageerde in group for group in doc.timeline())


def test_relation_takes_indexes_and_refuses_strangers() -> None:
    doc = timeline.analyze("Er brak brand uit. Daarna werd de eigenaar opgepakt.", dct=DCT)
    assert doc.relation(0, 0) is OV
    with pytest.raises(IndexError):
        doc.relation(0, 99)
    other = timeline.analyze("Het kabinet beslist vrijdag.", dct=DCT).events[0]
    with pytest.raises(ValueError, match="no event of this document"):
        doc.relation(other, 0)


def test_a_link_is_between_two_events_and_never_vague() -> None:
    with pytest.raises(ValueError):
        timeline.Link(source=0, target=1, relation=V, cue="daarna")
    with pytest.raises(ValueError):
        timeline.Link(source=1, target=1, relation=B, cue="daarna")


def test_a_heading_noun_takes_the_place_of_the_same_event_named_in_the_text() -> None:
    text = ("Annexatie Krim\n\nDe sancties zijn opgelegd vanwege de annexatie van de Krim.\n\n"
            "Nieuwe staking\n\nDe bonden dreigen met acties.")
    doc = timeline.analyze(text, dct=DCT)
    heading, body = [e for e in doc.events if e.lemma == "annexatie"]
    assert (heading.text, heading.dct_relation, body.dct_relation) == ("Annexatie", B, B)
    assert event(doc, "staking").dct_relation is V  # named nowhere else: its place stays open
