"""Weak Dutch verbs: forms derived from the infinitive by spelling rules."""

from __future__ import annotations

import pytest

from timeline.lang import load_language
from timeline.lang.nl.morphology import forms, stem

# infinitive, past, plural past (None: spelled as the infinitive), participle
WEAK = [
    ("stemmen", "stemde", "stemden", "gestemd"),     # doubled consonant undoubled
    ("raken", "raakte", "raakten", "geraakt"),       # open syllable: vowel doubled
    ("leven", "leefde", "leefden", "geleefd"),       # v -> f, but "de" by the sound of v
    ("reizen", "reisde", "reisden", "gereisd"),      # z -> s, "de"
    ("melden", "meldde", "meldden", "gemeld"),       # stem on d: no second d in the participle
    ("praten", "praatte", "praatten", "gepraat"),    # stem on t
    ("noemen", "noemde", "noemden", "genoemd"),      # oe is one vowel: nothing doubled
    ("fietsen", "fietste", "fietsten", "gefietst"),  # 't kofschip
    ("crashen", "crashte", "crashten", "gecrasht"),
    ("zetten", "zette", None, "gezet"),              # plural past = infinitive
    ("bevestigen", "bevestigde", "bevestigden", "bevestigd"),  # inseparable prefix: no ge
    ("overtuigen", "overtuigde", "overtuigden", "overtuigd"),
    ("publiceren", "publiceerde", "publiceerden", "gepubliceerd"),
    ("eisen", "eiste", "eisten", "geëist"),          # diaeresis after ge
    ("informeren", "informeerde", "informeerden", "geïnformeerd"),
    ("uiten", "uitte", "uitten", "geuit"),           # ui: no diaeresis
]


@pytest.mark.parametrize(("infinitive", "past", "plural", "participle"), WEAK)
def test_weak_verb_forms(infinitive: str, past: str, plural: str | None, participle: str) -> None:
    found = forms(infinitive)
    assert (found["past"], found.get("past_plural"), found["participle"]) == (past, plural, participle)


def test_unstressed_and_separable() -> None:
    assert forms("veranderen", unstressed=True)["past"] == "veranderde"
    assert forms("regelen", unstressed=True)["past_plural"] == "regelden"
    assert forms("kondigen", particle="aan") == {"past": "kondigde", "past_plural": "kondigden",
                                                 "participle": "aangekondigd"}


def test_a_word_that_is_no_infinitive_is_refused() -> None:
    with pytest.raises(ValueError, match="infinitive"):
        stem("zei")


def test_the_language_knows_the_derived_forms() -> None:
    verbs = load_language("nl").verbs
    assert verbs["conjugated"]["stemmen"]["past_plural"] == "stemden"
    assert "aankondigen" in verbs["conjugated"]
    # Words that verbs.toml says are other words never become past forms.
    not_past = set(verbs["not_past"]["words"])
    assert not any(f.get("past_plural") in not_past for f in verbs["conjugated"].values())
