"""The built-in tense detector: the tense of the clause around a time expression."""

from __future__ import annotations

import pytest

from timeline import Tense
from timeline.lang import load_language
from timeline.text.tense import TenseDetector

LANG = load_language("nl")

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
    ("De raad zal donderdag een besluit nemen.", "donderdag", Tense.FUTURE),
    ("Gisteren vertrok de delegatie naar Brussel.", "Gisteren", Tense.PAST),
    ("De werkloosheid daalde in december tot onder de vijf procent.", "december", Tense.PAST),
    ("In januari stijgen de huren.", "januari", Tense.PRESENT),
    ("De verkiezingen vinden plaats op 15 maart.", "15 maart", Tense.PRESENT),
    ("We verwachten dat het verkeer eind oktober weer over de singel kan.", "eind oktober", Tense.PRESENT),
    ("De gemeente maakte vorige week bekend dat de brug dichtgaat.", "vorige week", Tense.PAST),
    ("Op tweede kerstdag waren de winkels gewoon open.", "tweede kerstdag", Tense.PAST),
]


@pytest.mark.parametrize(("sentence", "expression", "tense"), CASES, ids=[c[0][:40] for c in CASES])
def test_tense_of_the_clause(sentence: str, expression: str, tense: Tense) -> None:
    start = sentence.index(expression)
    assert TenseDetector(LANG, sentence).at(start, start + len(expression)) is tense


def test_a_plural_that_may_be_past_follows_the_narrative() -> None:
    text = "In zijn laatste week legde de president nog sancties op. Daarna zetten zij in december diplomaten uit."
    start = text.index("december")
    assert TenseDetector(LANG, text).at(start, start + 8) is Tense.PAST
    alone = "Daarna zetten zij in december diplomaten uit."
    assert TenseDetector(LANG, alone).at(alone.index("december"), alone.index("december") + 8) is Tense.PRESENT


def test_a_capitalized_word_mid_sentence_is_a_name_not_a_verb() -> None:
    text = "Volgens Brigitte komt het plan vrijdag op tafel."
    start = text.index("vrijdag")
    assert TenseDetector(LANG, text).at(start, start + 7) is Tense.PRESENT
