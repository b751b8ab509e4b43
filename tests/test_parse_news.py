"""The built-in analyzer on ordinary news sentences: headlines, lemmas, word classes,
auxiliaries and clauses, each table a rule of Dutch the parser follows (see
tests/test_analyzer.py for the basics)."""

from __future__ import annotations

import pytest

from timeline.parse import Token
from timeline.parse.builtin import BuiltinParser

PARSER = BuiltinParser()


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in PARSER.parse(text)]


def token(text: str, word: str, nth: int = 0) -> Token:
    """The ``nth`` token spelled ``word`` in ``text``."""
    return [t for s in PARSER.parse(text) for t in s.tokens if t.text == word][nth]


# --- headlines and lines without end punctuation ----------------------------------------

SPLITS = [
    # a headline before a blank line, or before a line with a capital, is a sentence of its own
    ("Annexatie Krim\n\nOok de senator sprak zich uit.", ["Annexatie Krim", "Ook de senator sprak zich uit."]),
    ("Kleine landen pesten\nEen week later zei hij het.", ["Kleine landen pesten", "Een week later zei hij het."]),
    ("Russische hacks\r\n\r\nDaarna zette hij ze uit.", ["Russische hacks", "Daarna zette hij ze uit."]),
    ("Annexatie Krim\n \nOok de senator sprak.", ["Annexatie Krim", "Ook de senator sprak."]),
    # a dateline on a line of its own, and a list of lines
    ("AMSTERDAM\nDe gemeente heeft besloten.", ["AMSTERDAM", "De gemeente heeft besloten."]),
    ("Door onze correspondent\n\nBRUSSEL - De EU heeft de sancties verlengd.",
     ["Door onze correspondent", "BRUSSEL - De EU heeft de sancties verlengd."]),
    ("De punten:\n- de brug gaat dicht\n- de weg wordt verlegd\n\nDat zei de wethouder.",
     ["De punten:\n- de brug gaat dicht", "- de weg wordt verlegd", "Dat zei de wethouder."]),
    # a long line broken by the layout goes on in lowercase
    ("De gemeente heeft gisteren besloten om de oude brug over de rivier te sluiten en de weg\n"
     "te verleggen, zei de wethouder.",
     ["De gemeente heeft gisteren besloten om de oude brug over de rivier te sluiten en de weg\n"
      "te verleggen, zei de wethouder."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:30] for s in SPLITS])
def test_headlines_and_lines(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- lemmas ----------------------------------------------------------------------------------

# (sentence, word, lemma): the -ten/-den rules keep a stem in -st or -cht; separable verbs
# take their particle; a noun is no particle of a modal or after a preposition.
LEMMAS = [
    ("Kleine landen pesten", "pesten", "pesten"),
    ("De kinderen rusten uit na de lange reis.", "rusten", "uitrusten"),
    ("De boeren haasten zich.", "haasten", "haasten"),
    ("De landen achten de kans klein.", "achten", "achten"),
    ("Zij misten de trein en lachten erom.", "misten", "missen"),              # a past the lexicon has
    ("De gevangenen ontsnapten via een tunnel.", "ontsnapten", "ontsnappen"),  # an unknown past
    ("Hij stelde de sancties in stand te willen houden.", "willen", "willen"),
    ("Hij stelde de sancties in stand te willen houden.", "houden", "houden"),
    ("Hij zei de sancties in stand te houden.", "houden", "houden"),
    ("Hij legde de sancties op.", "legde", "opleggen"),
    ("Daarna zetten zij de diplomaten het land uit.", "zetten", "uitzetten"),
    ("Hij dreigde een wet in te dienen.", "dienen", "indienen"),
    ("Ook al gaf Trump aan toenadering te willen zoeken.", "gaf", "aangeven"),  # a modal takes no particle
    ("Hij gaf aan te willen stoppen.", "gaf", "aangeven"),
    ("Hij gaf aan te willen stoppen.", "willen", "willen"),
    ("Hij stelde de sancties in stand te willen houden.", "stelde", "stellen"),  # "in stand": no particle
    ("De burgemeester riep de inwoners op binnen te blijven.", "blijven", "binnenblijven"),
    ("Hij had het plan voorgesteld.", "voorgesteld", "voorstellen"),
    ("Ze hadden een bank overvallen.", "overvallen", "overvallen"),
]


@pytest.mark.parametrize(("sentence", "word", "lemma"), LEMMAS, ids=[f"{x[1]}: {x[0][:30]}" for x in LEMMAS])
def test_lemmas(sentence: str, word: str, lemma: str) -> None:
    assert token(sentence, word).lemma == lemma


# --- word classes ------------------------------------------------------------------------------

# (sentence, word, upos)
CLASSES = [
    # words in -ie, -ing, -heid are nouns, never adjectives or guessed verbs
    ("Hij zei tijdens een persconferentie donderdag dat het klopt.", "persconferentie", "NOUN"),
    ("Eerdere pogingen mislukten.", "pogingen", "NOUN"),
    ("Hij trad als president af.", "president", "NOUN"),                     # after "als": no guessed verb
    # inflected adjectives (of listed adjectives and adverbs) before their noun
    ("Eerdere uitspraken leidden tot onrust.", "Eerdere", "ADJ"),
    ("Eerdere uitspraken leidden tot onrust.", "uitspraken", "NOUN"),
    ("Het gaat om andere voor de VS belangrijke doelen.", "belangrijke", "ADJ"),
    ("Grote landen gaan kleinere landen pesten.", "kleinere", "ADJ"),
    ("Grote landen gaan kleinere landen pesten.", "landen", "NOUN", 1),
    ("Hij zei dat het vaker voorkomt.", "vaker", "ADJ"),
    ("Hij zei dat het vaker voorkomt.", "het", "PRON"),                       # no article before "vaker"
    ("De klachten worden sneller behandeld.", "sneller", "ADJ"),
    ("Hij sprak zich fel uit.", "fel", "ADJ"),
    ("De koersen zijn flink gedaald.", "flink", "ADJ"),
    ("Dit is de belangrijkste oorzaak.", "belangrijkste", "ADJ"),
    # adjectives made from names
    ("Onder meer Europese topambtenaren waarschuwden hem.", "Europese", "ADJ"),
    ("Het was het werk van Russische hackers.", "Russische", "ADJ"),
    ("Russische hacks", "Russische", "ADJ"),
    ("Hij sprak met Rutte over het plan.", "Rutte", "PROPN"),
    # emphasis, pronominal adverbs, numerals in one word
    ("Er is géén land dat het verdient.", "géén", "DET"),
    ("Zij lachten erom.", "erom", "ADV"),
    ("De brug werd in negentienzesenzeventig geopend.", "negentienzesenzeventig", "NUM"),
    ("Het bedrijf schrapt tweehonderd banen.", "tweehonderd", "NUM"),
    ("Er kwamen drieëntwintig mensen.", "drieëntwintig", "NUM"),
    # a participle-shaped plural noun
    ("De gevangenen ontsnapten via een tunnel.", "gevangenen", "NOUN"),
    # after a quantifier that stands alone, a known participle is still a verb
    ("Hij heeft als minister veel gedaan.", "gedaan", "VERB"),
]


@pytest.mark.parametrize("case", CLASSES, ids=[f"{c[1]}: {c[0][:30]}" for c in CLASSES])
def test_word_classes(case: tuple[str, ...]) -> None:
    sentence, word, upos, *nth = case
    assert token(sentence, word, int(nth[0]) if nth else 0).upos == upos


# --- verbs: auxiliaries and forms ---------------------------------------------------------------

# (sentence, word, upos, VerbForm): a finite auxiliary is AUX where its clause has what it carries
VERBS = [
    ("Trump heeft zich sinds zijn aanstelling als president niet uitgelaten.", "heeft", "AUX", "Fin"),
    ("Trump heeft zich sinds zijn aanstelling als president niet uitgelaten.", "uitgelaten", "VERB", "Part"),
    ("Hij is als minister niet in Brussel geweest.", "geweest", "VERB", "Part"),
    ("Hij werd als burgemeester benoemd.", "benoemd", "VERB", "Part"),
    ("De politie greep in nadat zij een bank hadden overvallen.", "hadden", "AUX", "Fin"),
    ("De politie greep in nadat zij een bank hadden overvallen.", "overvallen", "VERB", "Part"),
    ("Hij zei dat de gemeente de vergunning niet had mogen verlenen.", "had", "AUX", "Fin"),
    ("Hij zei dat zij het niet hadden kunnen weten.", "hadden", "AUX", "Fin"),
    ("Hij zei dat zij het in handen zouden kunnen hebben.", "hebben", "VERB", "Inf"),   # "hebben" as a verb
    ("We staan niet toe dat grote landen kleinere landen gaan pesten.", "gaan", "VERB", "Fin"),
    ("We staan niet toe dat grote landen kleinere landen gaan pesten.", "pesten", "VERB", "Inf"),
    ("Dat grote landen kleinere landen gaan pesten of binnenvallen.", "pesten", "VERB", "Inf"),
    ("Een wet die de sancties in de grondwet verankert.", "verankert", "VERB", "Fin"),  # no "ge": finite
    ("Hij heeft in Utrecht gewerkt.", "gewerkt", "VERB", "Part"),
    ("Hij gebruikt het.", "gebruikt", "VERB", "Fin"),
    ("De gevangenen ontsnapten via een tunnel.", "ontsnapten", "VERB", "Fin"),
    ("Eerdere pogingen om de partijen te verzoenen mislukten.", "mislukten", "VERB", "Fin"),
]


@pytest.mark.parametrize(("sentence", "word", "upos", "form"), VERBS, ids=[f"{v[1]}: {v[0][:30]}" for v in VERBS])
def test_verbs(sentence: str, word: str, upos: str, form: str) -> None:
    t = token(sentence, word)
    assert (t.upos, t.feat("VerbForm")) == (upos, form)


# --- clauses -------------------------------------------------------------------------------------

# Each word with its clause number after a slash (punctuation belongs to the clause it closes).
CLAUSES = [
    # a subordinate clause without a finite verb is no clause: "als president ... uitgelaten"
    "Trump/0 heeft/0 zich/0 als/0 president/0 niet/0 uitgelaten/0 ./0",
    # "sinds" opens a clause before its subject, not before a bare noun
    "Sinds/1 de/1 fabriek/1 dicht/1 is/1 ,/1 zitten/0 zij/0 zonder/0 werk/0 ./0",
    "Sinds/0 maandag/0 staken/0 de/0 chauffeurs/0 ./0",
    "Zij/0 zien/0 hun/0 omzet/0 sinds/0 november/0 dalen/0 ./0",
    # a list inside a subordinate clause goes on with it
    "Sinds/1 hij/1 een/1 jaar/1 ,/1 twee/1 maanden/1 geleden/1 verdween/1 ,/1 zoekt/0 de/0 familie/0 hem/0 ./0",
    "Voordat/1 de/1 vergadering/1 begon/1 ,/1 stapte/0 de/0 wethouder/0 op/0 ./0",
    "Terwijl/1 de/1 onderhandelingen/1 voortduurden/1 ,/1 gingen/0 de/0 acties/0 door/0 ./0",
    "Het/0 bedrijf/0 maakte/0 bekend/0 dat/1 het/1 tweehonderd/1 banen/1 schrapt/1 ./1",
]


@pytest.mark.parametrize("spec", CLAUSES, ids=[c[:40] for c in CLAUSES])
def test_clause_numbers(spec: str) -> None:
    pairs = [item.rsplit("/", 1) for item in spec.split(" ")]
    text = " ".join(word for word, _ in pairs).replace(" .", ".").replace(" ,", ",")
    (s,) = PARSER.parse(text)
    assert [(t.text, t.clause) for t in s.tokens] == [(word, int(c)) for word, c in pairs]


def test_a_preposition_that_opens_a_clause_is_a_conjunction() -> None:
    assert token("Sinds de fabriek dicht is, zitten zij zonder werk.", "Sinds").upos == "SCONJ"
    assert token("Sinds zijn aanstelling is hij er niet geweest.", "Sinds").upos == "ADP"


# --- separable particles that are no preposition -----------------------------------------

PARTICLES = [
    # a particle between its verb's participle and "te" is no noun: the participle stays a verb
    ("Ze hadden gedreigd de medewerker neer te schieten.", "neer", "gedreigd"),
    ("De gemeenteraad stemde er gisteren mee in.", "mee", "stemde"),
    ("De koers viel vorige week fors af.", "af", "viel"),
]


@pytest.mark.parametrize(("text", "particle", "verb"), PARTICLES)
def test_a_separable_particle_is_an_adverb_and_leaves_its_verb_a_verb(text: str, particle: str, verb: str) -> None:
    assert token(text, particle).upos == "ADV"
    assert token(text, verb).upos == "VERB"
