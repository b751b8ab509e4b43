"""The tense that steers resolution comes from the parse: the clause's verb group decides."""

from __future__ import annotations

import pytest

import timeline
from timeline import Sentence, Tense
from timeline.lang import load_language
from timeline.parse.builtin import BuiltinParser
from timeline.parse.reading import read, tense_at

# (sentence, the expression in it, the tense of its clause)
CASES = [
    ("De minister zei maandag dat er geen geld is.", "maandag", Tense.PAST),
    ("Het kabinet beslist vrijdag over het plan.", "vrijdag", Tense.PRESENT),
    ("De minister zei maandag dat het kabinet vrijdag beslist.", "vrijdag", Tense.PRESENT),
    ("Het kabinet beslist vrijdag, zei de minister.", "vrijdag", Tense.PRESENT),
    ("Donderdag stelde de senator dat het genoeg was.", "Donderdag", Tense.PAST),
    ("De koning heeft zaterdag het museum geopend.", "zaterdag", Tense.PAST),
    ("De trein is maandag vertrokken.", "maandag", Tense.PAST),
    ("Het museum is zaterdag open.", "zaterdag", Tense.PRESENT),
    ("Het museum is zaterdag gesloten.", "zaterdag", Tense.PRESENT),
    ("De raad zal donderdag een besluit nemen.", "donderdag", Tense.FUTURE),
    ("Volgens de krant gaan ze vrijdag beslissen.", "vrijdag", Tense.FUTURE),
    ("Hij hoopte dat de weg voor de zomer weer open zou gaan.", "de zomer", Tense.PRESENT),
    ("Gisteren vertrok de delegatie naar Brussel.", "Gisteren", Tense.PAST),
    ("De werkloosheid daalde in december tot onder de vijf procent.", "december", Tense.PAST),
    ("In januari stijgen de huren.", "januari", Tense.PRESENT),
    ("De verkiezingen vinden plaats op 15 maart.", "15 maart", Tense.PRESENT),
    ("We verwachten dat het verkeer eind oktober weer over de singel kan.", "eind oktober", Tense.PRESENT),
    ("De gemeente maakte vorige week bekend dat de brug dichtgaat.", "vorige week", Tense.PAST),
    ("Op tweede kerstdag waren de winkels gewoon open.", "tweede kerstdag", Tense.PAST),
    ("De omzet was in het derde kwartaal met vier procent gestegen.", "het derde kwartaal", Tense.PAST),
    # Coordinated clauses: each conjunct has its own finite verb, and so its own tense.
    ("Hij vertrok maandag en keert donderdag terug.", "maandag", Tense.PAST),
    ("Hij vertrok maandag en keert donderdag terug.", "donderdag", Tense.PRESENT),
    ("Hij vertrok maandag naar Parijs en hij komt zaterdag terug.", "zaterdag", Tense.PRESENT),
    ("Zij werd dinsdag opgepakt en verschijnt vrijdag voor de rechter.", "dinsdag", Tense.PAST),
    ("Zij werd dinsdag opgepakt en verschijnt vrijdag voor de rechter.", "vrijdag", Tense.PRESENT),
    ("De minister, die maandag vertrok en vrijdag terugkeert, zweeg.", "vrijdag", Tense.PRESENT),
    ("De minister, die maandag vertrok en vrijdag terugkeert, zweeg.", "maandag", Tense.PAST),
    ("Het kabinet vergadert vrijdag en besloot dinsdag al over de begroting.", "dinsdag", Tense.PAST),
    ("Het kabinet vergadert vrijdag en besloot dinsdag al over de begroting.", "vrijdag", Tense.PRESENT),
    ("De brug werd in maart geopend en is sinds mei een monument.", "maart", Tense.PAST),
    ("Hij kocht maandag brood en fruit voor de kinderen.", "maandag", Tense.PAST),
    # A sentence with no finite verb: past with a participle of what happened, else present.
    ("Man aangehouden na steekpartij op dinsdagavond", "dinsdagavond", Tense.PAST),
    ("Nieuwe cijfers gepubliceerd op dinsdag", "dinsdag", Tense.PAST),
    ("Museum op zaterdag gesloten", "zaterdag", Tense.PRESENT),
    ("Slotkoers van vrijdag: 12,34", "vrijdag", Tense.PRESENT),
    # Subordinate clauses and phrases of a past report keep their own verb.
    ("Tijdens een bijeenkomst op 3 maart verklaarde hij dat hij stopt.", "3 maart", Tense.PAST),
    ("Nadat hij op 12 mei was vertrokken, bleef het stil.", "12 mei", Tense.PAST),
    ("De minister zei dat het kabinet op dinsdag had besloten.", "dinsdag", Tense.PAST),
    ("De brand, die op dinsdagavond in de keuken van het restaurant begon, was snel geblust.",
     "dinsdagavond", Tense.PAST),
    ("Werd de man dinsdagavond aangehouden?", "dinsdagavond", Tense.PAST),
    ("Wordt de man dinsdagavond voorgeleid?", "dinsdagavond", Tense.PRESENT),
    ("In het derde kwartaal werd een winst van drie miljoen euro geboekt.", "het derde kwartaal", Tense.PAST),
    ("Het bedrijf had in het derde kwartaal een verlies gemaakt.", "het derde kwartaal", Tense.PAST),
]


LANG = load_language("nl")


def clause_tense_at(text: str, expression: str) -> Tense:
    """The tense of the clause around ``expression``, from the built-in parse of ``text``."""
    (block,) = read(text, BuiltinParser(), LANG)
    return tense_at(block, text.index(expression), LANG)


def tense_of(text: str, expression: str, parser: object = "builtin") -> Tense | None:
    """The tense reported on the expression ``recognize`` finds there."""
    (found,) = [t for t in timeline.recognize(text, dct="2017-02-02", parser=parser)  # type: ignore[arg-type]
                if t.start == text.index(expression)]
    return found.tense


@pytest.mark.parametrize(("sentence", "expression", "tense"), CASES, ids=[c[0][:40] for c in CASES])
def test_tense_of_the_clause(sentence: str, expression: str, tense: Tense) -> None:
    assert clause_tense_at(sentence, expression) is tense


def test_the_tense_is_reported_where_it_picked_the_direction() -> None:
    text = "Gisteren zei hij dat het kabinet vrijdag beslist, na Pasen en in december."
    reported = {t.text: t.tense for t in timeline.recognize(text, dct="2017-02-02")}
    assert reported == {"Gisteren": None, "vrijdag": Tense.PRESENT, "Pasen": Tense.PRESENT,
                        "december": Tense.PRESENT}


def test_recognize_and_analyze_read_the_same_tense() -> None:
    text = " ".join(sentence for sentence, _, _ in CASES)
    alone = {t.span: (t.value, t.tense) for t in timeline.recognize(text, dct="2017-02-02")}
    within = {t.span: (t.value, t.tense) for t in timeline.analyze(text, dct="2017-02-02").timexes}
    assert alone == within


def test_a_plural_that_may_be_past_follows_the_narrative() -> None:
    text = "In zijn laatste week legde de president nog sancties op. Daarna zetten zij in december diplomaten uit."
    assert tense_of(text, "december") is Tense.PAST
    assert tense_of("Daarna zetten zij in december diplomaten uit.", "december") is Tense.PRESENT


def test_a_coordinator_between_two_finite_verbs_starts_a_clause() -> None:
    (block,) = read("Hij vertrok maandag en keert donderdag terug.", BuiltinParser(), LANG)
    (sentence,) = block.sentences()
    assert sentence.clauses == (0, 0, 0, 1, 1, 1, 1, 1)
    (block,) = read("De minister en de premier zeiden dat Jan en Piet kwamen.", BuiltinParser(), LANG)
    (sentence,) = block.sentences()
    assert sentence.clauses[:5] == (0, 0, 0, 0, 0)  # "en" between subjects joins no clauses


@pytest.mark.parametrize(("text", "dct", "value"), [
    ("De slotkoers van vrijdag ligt 3 procent lager.", "2017-02-06", "2017-02-03"),  # a Monday: 3 days back
    ("De wedstrijd van zaterdag gaat door.", "2017-02-02", "2017-02-04"),  # a Thursday: 2 days ahead
    ("De wedstrijd van zaterdag werd gestaakt.", "2017-02-02", "2017-01-28"),  # a past clause looks back
    ("De wedstrijd van zaterdag zal doorgaan.", "2017-02-06", "2017-02-11"),  # a future one ahead
    ("De cijfers van maart laten een daling zien.", "2017-04-10", "2017-03"),
])
def test_a_time_after_a_noun_and_van_in_a_present_clause_is_the_nearest(text: str, dct: str, value: str) -> None:
    (found,) = timeline.recognize(text, dct=dct)
    assert found.value == value


def test_a_capitalized_word_mid_sentence_is_a_name_not_a_verb() -> None:
    assert clause_tense_at("Volgens Brigitte komt het plan vrijdag op tafel.", "vrijdag") is Tense.PRESENT


class PastParser:
    """The built-in parse, except that every present verb is read as past: a parser that
    reads the text otherwise changes the tense, and so the values."""

    def parse(self, text: str) -> tuple[Sentence, ...]:
        out = []
        for s in BuiltinParser().parse(text):
            feats = [{**f, "Tense": "Past"} if f.get("VerbForm") == "Fin" else dict(f) for f in s.feats]
            out.append(Sentence(index=s.index, start=s.start, end=s.end, texts=s.texts, starts=s.starts,
                                ends=s.ends, lemmas=s.lemmas, upos=s.upos, feats=feats, heads=s.heads,
                                deprels=s.deprels, particles=s.particles, clauses=s.clauses))
        return tuple(out)


def test_the_parser_chosen_steers_the_tense_and_so_the_value() -> None:
    text = "Het kabinet beslist vrijdag over het plan."
    assert [t.value for t in timeline.recognize(text, dct="2017-02-02")] == ["2017-02-03"]
    assert [(t.value, t.tense) for t in timeline.recognize(text, dct="2017-02-02", parser=PastParser())] == [
        ("2017-01-27", Tense.PAST)]
