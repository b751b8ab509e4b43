"""Which words are events: verb groups (auxiliaries, modals, copulas), nouns, user anchors.

Each table is a family of sentences with the events expected in text order, as
(trigger, class); the built-in parser reads them.
"""

from __future__ import annotations

import pytest

from timeline import analyze

DCT = "2017-02-02"  # a Thursday


def events(text: str, **kw: object) -> list[tuple[str, str]]:
    doc = analyze(text, dct=DCT, **kw)  # type: ignore[arg-type]
    return [(e.text, e.cls.value) for e in sorted(doc.events, key=lambda e: e.start)]


# Auxiliaries, modals, "gaan" and copulas that carry a verb of their group are no event.
VERB_GROUPS = [
    ("De minister heeft het gisteren gezegd.", [("gezegd", "REPORTING")]),
    ("Hij zou de sancties opheffen.", [("opheffen", "OCCURRENCE")]),
    ("Het kabinet gaat volgende week beslissen.", [("beslissen", "I_ACTION")]),
    ("We kunnen het niet toestaan.", [("toestaan", "I_ACTION")]),
    ("De wet wordt volgend jaar ingevoerd.", [("ingevoerd", "OCCURRENCE")]),
    ("De termijn moet worden verlengd.", [("verlengd", "ASPECTUAL")]),
    ("Het bleek te kloppen.", [("kloppen", "OCCURRENCE")]),
    # "willen" is a want (I_STATE), an event beside the infinitive it wants.
    ("Hij wil de sancties opheffen.", [("wil", "I_STATE"), ("opheffen", "OCCURRENCE")]),
    # Without a verb to carry they are the event of their clause.
    ("Het kabinet gaat naar Brussel.", [("gaat", "OCCURRENCE")]),
    ("Dat mag niet.", [("mag", "STATE")]),
    ("De informatie zouden ze kunnen hebben.", [("hebben", "STATE")]),
    ("Alleen dan zou er geen reden meer zijn voor de sancties.", [("zijn", "STATE")]),
    # "gaan" carries a bare infinitive, not one of "om te".
    ("Hij ging naar huis om te slapen.", [("ging", "OCCURRENCE"), ("slapen", "OCCURRENCE")]),
    # A verb before the finite one: carried in a subordinate clause, a subject in a main clause.
    ("Hij zei dat hij het gezegd heeft.", [("zei", "REPORTING"), ("gezegd", "REPORTING")]),
    ("Aanmelden kan tot vrijdag.", [("Aanmelden", "OCCURRENCE"), ("kan", "STATE")]),
    # Two groups in one clause: the second finite verb carries nothing.
    ("De brug werd in 1976 geopend en is sinds 1998 een monument.", [("geopend", "OCCURRENCE"), ("is", "STATE")]),
]


@pytest.mark.parametrize(("text", "expected"), VERB_GROUPS, ids=[t[:40] for t, _ in VERB_GROUPS])
def test_the_verb_carried_is_the_event(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text) == expected


# A copula with a predicate (an adjective, a noun, a participle used as one) is the
# event, a state; the predicate is none (as the gold marks "De school {was} ... dicht").
COPULAS = [
    ("De school was drie weken dicht.", [("was", "STATE")]),
    ("Het middel is vanaf maandag verkrijgbaar.", [("is", "STATE")]),
    ("Hij is ziek.", [("is", "STATE")]),
    ("Hij wordt president.", [("wordt", "STATE")]),
    ("De rente blijft de komende weken laag.", [("blijft", "STATE")]),
    ("De winkel bleef gesloten.", [("bleef", "STATE")]),
    ("Het bedrijf is gevestigd in Utrecht.", [("is", "STATE")]),
    ("De brandweer was tien minuten later ter plaatse.", [("was", "STATE")]),
]


@pytest.mark.parametrize(("text", "expected"), COPULAS, ids=[t[:40] for t, _ in COPULAS])
def test_a_copula_with_a_predicate_is_the_state(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text) == expected


def noun_events(text: str) -> list[tuple[str, str]]:
    doc = analyze(text, dct=DCT)
    return [(e.text, e.cls.value) for e in sorted(doc.events, key=lambda e: e.start) if e.nominal]


# Nouns made from verbs name the verb's event, with its class; so do compounds of event nouns.
NOUNS = [
    ("De bestelling kwam te laat.", [("bestelling", "OCCURRENCE")]),  # -ing (bestellen: be + stellen)
    ("De levering van gas stopt.", [("levering", "OCCURRENCE")]),
    ("De ontwikkeling van het vaccin duurt lang.", [("ontwikkeling", "OCCURRENCE")]),
    ("De regering kwam met een verklaring.", [("verklaring", "REPORTING")]),  # verklaren is REPORTING
    ("De annexatie van de Krim leidde tot sancties.", [("annexatie", "OCCURRENCE")]),  # -atie
    ("Na de aanstelling van de directeur volgde een reorganisatie.",
     [("aanstelling", "OCCURRENCE"), ("reorganisatie", "OCCURRENCE")]),
    ("Het herstel van de dijk duurt maanden.", [("herstel", "OCCURRENCE")]),  # the stem of herstellen
    ("De aankoop van het pand is rond.", [("aankoop", "OCCURRENCE")]),
    ("Het opheffen van de sancties is onzeker.", [("opheffen", "OCCURRENCE")]),  # an infinitive as a noun
    ("De aankomst van de trein werd vertraagd.", [("aankomst", "OCCURRENCE")]),  # aankomen
    ("De overname van het bedrijf ging niet door.", [("overname", "OCCURRENCE")]),  # overnemen
    ("De koerswijzigingen verrasten beleggers.", [("koerswijzigingen", "OCCURRENCE")]),  # a compound, plural
    ("De presidentsverkiezingen werden beïnvloed.", [("presidentsverkiezingen", "OCCURRENCE")]),
    ("De persconferentie begon laat.", [("persconferentie", "OCCURRENCE")]),
    ("De testvlucht mislukte.", [("testvlucht", "OCCURRENCE")]),
    ("De kranslegging vond plaats op de Dam.", [("kranslegging", "OCCURRENCE")]),
    ("Zijn beleid leidde tot problemen.", [("problemen", "STATE")]),  # listed: a state that holds
]


@pytest.mark.parametrize(("text", "expected"), NOUNS, ids=[t[:40] for t, _ in NOUNS])
def test_nouns_made_from_verbs_are_events(text: str, expected: list[tuple[str, str]]) -> None:
    assert noun_events(text) == expected


# People, things, places, institutions and opinions are no events, also where they look
# made from a verb ("woning", "regering", "leiding") or end like an event noun.
NOT_EVENTS = [
    "De president bezocht de landen in de regio.",
    "De hackers drongen binnen bij de regering.",
    "De woning van de burgemeester werd doorzocht.",
    "De leiding van de partij reageerde.",
    "De stichting en de vereniging kregen geld.",
    "Het bedrijf in het buitenland betaalde de rekening.",
    "De mening van de minister is bekend.",
    "Het verkeer in de richting van Utrecht stond stil.",
    "De informatie over de organisatie lekte uit.",
    "De bedrijven in de omgeving verloren hun vergunning.",
    "De bouwwerken bij de treinverbinding kosten geld.",
    "De huurwoning van de partijleiding staat leeg.",
    "Zijn voordeel is het bewijs van zijn gelijk.",
    "De reizigersinformatie over de metroverbinding klopte niet.",
]


@pytest.mark.parametrize("text", NOT_EVENTS, ids=[t[:40] for t in NOT_EVENTS])
def test_people_and_things_are_no_events(text: str) -> None:
    assert noun_events(text) == []


ANCHORS = {"inauguratie": "2017-01-20", "verkiezingen": "2016-11-08", "persconferentie": "2017-01-11",
           "top": "2017-05-25"}

# A prepositional phrase with a user-dated event noun is a time; the events of its clause
# are dated by it: (sentence, the expression and its value, the events and their anchors).
USER_ANCHORS = [
    ("Een week voor zijn inauguratie stelde Trump nog de sancties in stand te willen houden.",
     ("Een week voor zijn inauguratie", "2017-01-13"), [("stelde", "2017-01-13")]),
    # Words that may stand before the noun: an adjective, a name, a number.
    ("Een week voor zijn eerste persconferentie zei Trump dat hij Rusland respecteert.",
     ("Een week voor zijn eerste persconferentie", "2017-01-04"), [("zei", "2017-01-04")]),
    ("Twee dagen na de Amerikaanse verkiezingen belde Poetin.",
     ("Twee dagen na de Amerikaanse verkiezingen", "2016-11-10"), [("belde", "2016-11-10")]),
    # "tijdens": at the event, its own date.
    ("Tijdens zijn inauguratie regende het.", ("Tijdens zijn inauguratie", "2017-01-20"), [("regende", "2017-01-20")]),
    # Prepositions of several words.
    ("Na afloop van de top sprak de premier.", ("Na afloop van de top", "2017-05-25"), [("sprak", "2017-05-25")]),
    ("In de aanloop naar de verkiezingen zweeg hij.",
     ("In de aanloop naar de verkiezingen", "2016-11-08"), [("zweeg", "2016-11-08")]),
]


@pytest.mark.parametrize(("text", "timex", "dated"), USER_ANCHORS, ids=[t[:40] for t, _, _ in USER_ANCHORS])
def test_user_dated_events_date_the_events_of_their_clause(text: str, timex: tuple[str, str],
                                                           dated: list[tuple[str, str]]) -> None:
    doc = analyze(text, dct=DCT, anchors=ANCHORS)
    assert [(t.text, t.value) for t in doc.timexes] == [timex]
    anchors = {e.text: e.anchor for e in doc.events}
    for trigger, value in dated:
        assert anchors[trigger] == value


def test_an_event_noun_outside_a_phrase_is_dated_by_the_user() -> None:
    doc = analyze("De inauguratie trok veel bekijks.", dct=DCT, anchors=ANCHORS)
    assert [(e.text, e.anchor) for e in doc.events if e.nominal] == [("inauguratie", "2017-01-20")]
