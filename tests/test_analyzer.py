"""The built-in analyzer: sentences, tokens, verbs, separable verbs, clauses and auxiliaries.

Each table reads as a specification: an input and what the analyzer makes of
it. The properties check the promises every backend keeps: offsets index the
text, tokens lie in their sentence, sentences are in order; and that no text
makes the analyzer raise.
"""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline.parse.builtin
from timeline.lang import load_language
from timeline.parse import Parser, Sentence, Token
from timeline.parse.builtin import BuiltinParser

PARSER = BuiltinParser()


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in PARSER.parse(text)]


def token(text: str, word: str, nth: int = 0) -> Token:
    """The ``nth`` token spelled ``word`` in the (single) sentence of ``text``."""
    found = [t for s in PARSER.parse(text) for t in s.tokens if t.text == word]
    return found[nth]


def sentence_of(text: str) -> Sentence:
    (only,) = PARSER.parse(text)
    return only


# --- sentences -------------------------------------------------------------------------

SPLITS = [
    # abbreviations keep their sentence together
    ("Hij sprak o.a. met dhr. Jansen en mr. De Vries. Daarna vertrok hij.",
     ["Hij sprak o.a. met dhr. Jansen en mr. De Vries.", "Daarna vertrok hij."]),
    ("Mevr. Bakker en drs. Smit waren er. Prof. Peters niet.",
     ["Mevr. Bakker en drs. Smit waren er.", "Prof. Peters niet."]),
    ("Dat zei prof. J. Jansen, d.w.z. de voorzitter, bijv. gisteren.",
     ["Dat zei prof. J. Jansen, d.w.z. de voorzitter, bijv. gisteren."]),
    ("De vergadering is a.s. maandag. Zie nr. 5 en m.b.t. de regels ca. 20 pagina's.",
     ["De vergadering is a.s. maandag.", "Zie nr. 5 en m.b.t. de regels ca. 20 pagina's."]),
    ("Appels, peren e.d. werden verkocht. Ook bananen enz. De rest volgt.",
     ["Appels, peren e.d. werden verkocht.", "Ook bananen enz.", "De rest volgt."]),
    ("Hij kwam op 3 maart jl. De minister was er niet.", ["Hij kwam op 3 maart jl.", "De minister was er niet."]),
    ("Het kabinet van J.P. Balkenende viel.", ["Het kabinet van J.P. Balkenende viel."]),
    # numbers with inner separators
    ("Er kwamen 3.000 mensen om 15.30 uur. De groei was 1.5 procent.",
     ["Er kwamen 3.000 mensen om 15.30 uur.", "De groei was 1.5 procent."]),
    ("Hij won in 2016. 2017 was een slecht jaar.", ["Hij won in 2016.", "2017 was een slecht jaar."]),
    # quotes
    ('"Dat lukt niet meer", zei hij. Daarna ging hij.', ['"Dat lukt niet meer", zei hij.', "Daarna ging hij."]),
    ('Hij zei: "Dat lukt niet meer." Daarna vertrok hij.', ['Hij zei: "Dat lukt niet meer."', "Daarna vertrok hij."]),
    ('"Kom je?" vroeg hij. "Nee!", zei zij.', ['"Kom je?" vroeg hij.', '"Nee!", zei zij.']),
    ("Hij zei het (zoals altijd). Niemand luisterde.", ["Hij zei het (zoals altijd).", "Niemand luisterde."]),
    ("Hij won... Daarna niet meer!", ["Hij won...", "Daarna niet meer!"]),
    # headlines and lines without a full stop
    ("Kabinet valt over stikstof\nHet kabinet is gisteren gevallen.",
     ["Kabinet valt over stikstof", "Het kabinet is gisteren gevallen."]),
    ("Titel\n\ntekst zonder punt\n\nNog een alinea", ["Titel", "tekst zonder punt", "Nog een alinea"]),
    ("Een lange regel tekst die zomaar wordt afgebroken door de opmaak van\nde krant, en verder gaat.",
     ["Een lange regel tekst die zomaar wordt afgebroken door de opmaak van\nde krant, en verder gaat."]),
    ("Hij sprak met dhr.\nJansen.", ["Hij sprak met dhr.\nJansen."]),
    # nothing to split
    ("", []),
    ("  \n\n ", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- tokens ----------------------------------------------------------------------------

TOKENS = [
    ("Er kwamen 3.000 mensen.", ["Er", "kwamen", "3.000", "mensen", "."]),
    ("Om 15.30 uur op 14-03-2017.", ["Om", "15.30", "uur", "op", "14-03-2017", "."]),
    ("Hij kwam 's ochtends met zo'n 1,5% meer auto's.",
     ["Hij", "kwam", "'s", "ochtends", "met", "zo'n", "1,5", "%", "meer", "auto's", "."]),
    ("’s Avonds in 's-Hertogenbosch", ["’s", "Avonds", "in", "'s-Hertogenbosch"]),
    ("o.a. dhr. Jansen, bijv. d.w.z. nr. 5", ["o.a.", "dhr.", "Jansen", ",", "bijv.", "d.w.z.", "nr.", "5"]),
    ("'sorry', zei de oud-minister (CDA).",
     ["'", "sorry", "'", ",", "zei", "de", "oud-minister", "(", "CDA", ")", "."]),
    ("COVID-19 is terug!?", ["COVID-19", "is", "terug", "!", "?"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS, ids=[t[0][:30] for t in TOKENS])
def test_tokens(text: str, expected: list[str]) -> None:
    assert [t.text for s in PARSER.parse(text) for t in s.tokens] == expected


# Random text from pieces that stress the splitter: words, abbreviations, numbers,
# quotes, punctuation, and all sorts of white space, joined with or without spaces.
PIECES = ["De", "minister", "zei", "dat", "hij", "Rutte", "legde", "op", "'s", "zo'n", "auto's", "3.000", "15.30",
          "o.a.", "dhr.", "J.", "enz.", "a.s.", ".", ",", "!", "?", "...", '"', "'", "“", "”", "(", ")", ":", "-",
          " ", "  ", "\n", "\n\n", "\t", "é", "Ω", "_", "2017"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.lists(
    st.sampled_from(PIECES), max_size=40).map(" ".join)


def check_offsets(text: str, parsed: tuple[Sentence, ...]) -> None:
    """The promises of every backend, plus: every character that is no white space is in a token."""
    covered = set()
    last_end = 0
    for k, s in enumerate(parsed):
        assert s.index == k
        assert last_end <= s.start < s.end <= len(text)
        assert s.tokens
        for i, t in enumerate(s.tokens):
            assert t.index == i
            assert text[t.start:t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert t.head is None and t.deprel is None
            assert t.particle is None or 0 <= t.particle < len(s.tokens)
            assert t.clause >= 0 and t.upos
            covered.update(range(t.start, t.end))
        assert [t.start for t in s.tokens] == sorted(t.start for t in s.tokens)
        last_end = s.end
    assert all(ch.isspace() or at in covered for at, ch in enumerate(text))


@given(texts)
def test_offsets_index_the_text(text: str) -> None:
    check_offsets(text, PARSER.parse(text))


@given(st.text())
def test_any_text_parses(text: str) -> None:
    check_offsets(text, PARSER.parse(text))


# --- verbs -----------------------------------------------------------------------------

# (sentence, word, upos, lemma, VerbForm, Tense)
VERBS = [
    ("De minister zei maandag dat er geen geld is.", "zei", "VERB", "zeggen", "Fin", "Past"),
    ("Het kabinet beslist vrijdag over het plan.", "beslist", "VERB", "beslissen", "Fin", "Pres"),
    ("Hij heeft het gisteren gezegd.", "gezegd", "VERB", "zeggen", "Part", "Past"),
    ("Het kabinet gaat volgende week beslissen.", "beslissen", "VERB", "beslissen", "Inf", None),
    ("De gemeente maakte de plannen bekend.", "maakte", "VERB", "bekendmaken", "Fin", "Past"),
    ("Hij werkt in Utrecht.", "werkt", "VERB", "werken", "Fin", "Pres"),
    ("Gisteren vertrok de delegatie naar Brussel.", "vertrok", "VERB", "vertrekken", "Fin", "Past"),
    ("In januari stijgen de huren.", "stijgen", "VERB", "stijgen", "Fin", "Pres"),
    ("De boeren protesteren in Den Haag.", "protesteren", "VERB", "protesteren", "Fin", "Pres"),
    ("Hij verkocht het huis.", "verkocht", "VERB", "verkopen", "Fin", "Past"),
    ("Hij heeft het huis verkocht.", "verkocht", "VERB", "verkopen", "Part", "Past"),
    ("Het gebeurt vaak.", "gebeurt", "VERB", "gebeuren", "Fin", "Pres"),
    ("Hij zei dat hij het voorstel aankondigde.", "aankondigde", "VERB", "aankondigen", "Fin", "Past"),
    ("Toen hij thuiskwam, zag hij het.", "thuiskwam", "VERB", "thuiskomen", "Fin", "Past"),
    ("Drie verdachten opgepakt na schietpartij", "opgepakt", "VERB", "oppakken", "Part", "Past"),
    ("De premier zou het hebben gezegd.", "zou", "AUX", "zullen", "Fin", "Past"),
    ("Ze hebben hun werk gedaan en zijn naar huis gegaan.", "zijn", "AUX", "zijn", "Fin", "Pres"),
]


@pytest.mark.parametrize(("sentence", "word", "upos", "lemma", "form", "tense"), VERBS,
                         ids=[f"{v[1]}: {v[0][:30]}" for v in VERBS])
def test_verb_features(sentence: str, word: str, upos: str, lemma: str, form: str, tense: str | None) -> None:
    t = token(sentence, word)
    assert (t.upos, t.lemma, t.feat("VerbForm"), t.feat("Tense")) == (upos, lemma, form, tense)


# Unknown verb forms: the infinitive is guessed by the spelling rules.
GUESSES = [("Hij fotografeerde de brug.", "fotografeerde", "fotograferen"),
           ("Zij stopte ermee.", "stopte", "stoppen"),
           ("Hij leefde lang.", "leefde", "leven"),
           ("Zij reisde naar Rome.", "reisde", "reizen"),
           ("Het bedrijf verhuurt fietsen.", "verhuurt", "verhuren")]


@pytest.mark.parametrize(("sentence", "word", "lemma"), GUESSES)
def test_lemma_of_a_verb_the_lexicon_lacks(sentence: str, word: str, lemma: str) -> None:
    assert token(sentence, word).lemma == lemma


NOT_VERBS = [
    ("De gemeente maakte het bekend.", "gemeente"),     # a noun in -te after an article
    ("Het kabinet beslist.", "kabinet"),                # a noun in -t
    ("Volgens Brigitte komt het plan.", "Brigitte"),    # a capital inside a sentence: a name
    ("Hij belde zijn vrouw.", "zijn"),                  # a possessive
    ("De verkiezingen vinden plaats.", "verkiezingen"),
    ("Met beperkte middelen lukt het.", "beperkte"),    # after a preposition only a known form is a verb
]


@pytest.mark.parametrize(("sentence", "word"), NOT_VERBS)
def test_words_that_are_no_verb_here(sentence: str, word: str) -> None:
    t = token(sentence, word)
    assert t.upos not in ("VERB", "AUX") and not t.feats


def test_other_words_have_their_lowercase_form_as_lemma() -> None:
    s = sentence_of("De Minister zei het.")
    assert [t.lemma for t in s.tokens] == ["de", "minister", "zeggen", "het", "."]


def fold(word: str) -> str:
    return word.lower().replace("’", "'").replace("‘", "'")


# Lowercasing that changes a word's length (the dotted capital I) or depends on what follows
# it (the Greek capital sigma, final or not) must not shift or change any other word's lemma.
@pytest.mark.parametrize("text", [
    "De İstanbulse burgemeester zei het. Ook ’t Kabinet zei het.",
    "ΟΔΟΣ.ΑΘΗΝΑ en ΟΔΟΣ zijn straten. De minister zei het.",
    "Σ Σ-ΑΣ ΑΣ'Β zei het maandag.",
])
def test_lemmas_after_lowercasing_that_changes_length_or_needs_context(text: str) -> None:
    check_offsets(text, PARSER.parse(text))
    for t in (t for s in PARSER.parse(text) for t in s.tokens if not t.feats):
        assert t.lemma == fold(t.text)


@given(texts)
def test_a_word_that_is_no_verb_has_its_folded_form_as_lemma(text: str) -> None:
    for t in (t for s in PARSER.parse(text) for t in s.tokens if not t.feats):
        assert t.lemma == fold(t.text)


CLASSES = [
    ("De minister zei het in Brussel.", ["DET", "NOUN", "VERB", "PRON", "ADP", "PROPN", "PUNCT"]),
    ("Het nieuwe plan kost 3.000 euro.", ["DET", "ADJ", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"]),
    ("Hij komt niet omdat hij ziek is.", ["PRON", "VERB", "ADV", "SCONJ", "PRON", "ADJ", "AUX", "PUNCT"]),
    ("Rutte en Merkel praten.", ["NOUN", "CCONJ", "PROPN", "VERB", "PUNCT"]),
]


@pytest.mark.parametrize(("sentence", "tags"), CLASSES, ids=[c[0] for c in CLASSES])
def test_parts_of_speech(sentence: str, tags: list[str]) -> None:
    assert [t.upos for t in sentence_of(sentence).tokens] == tags


# --- separable verbs -------------------------------------------------------------------

# (sentence, the finite verb, its lemma, its particle; None: none joins)
SEPARABLE = [
    ("Hij legde de sancties op.", "legde", "opleggen", "op"),
    ("McCain sprak zich fel tegen de plannen uit.", "sprak", "uitspreken", "uit"),
    ("Hij kondigde gisteren een onderzoek aan.", "kondigde", "aankondigen", "aan"),
    ("Hij kondigde aan dat hij vertrekt.", "kondigde", "aankondigen", "aan"),
    ("Hij legde de sancties op in december.", "legde", "opleggen", "op"),          # stranded before a preposition
    ("Hij legde, zo zei Rutte, de sancties op.", "legde", "opleggen", "op"),       # across an inserted clause
    ("Hij gaat in op de vraag.", "gaat", "ingaan", "in"),
    ("De vergadering vindt morgen plaats.", "vindt", "plaatsvinden", "plaats"),
    ("Hij stelde voor om het plan uit te stellen.", "stelde", "voorstellen", "voor"),
    ("Het kabinet stelde de beslissing uit.", "stelde", "uitstellen", "uit"),
    ("Hij legde het boek op de tafel.", "legde", "leggen", None),                  # a preposition with its noun
    ("Hij woont in Amsterdam.", "woont", "wonen", None),
    ("Hij kwam in plaats van Rutte.", "kwam", "komen", None),
    ("Hij stelde de vraag.", "stelde", "stellen", None),                            # lexicon: under "uitstellen"
    ("Hij werkte weer in Brussel.", "werkte", "werken", None),                      # "weer": only clause-final
]


@pytest.mark.parametrize(("sentence", "verb", "lemma", "particle"), SEPARABLE, ids=[s[0][:40] for s in SEPARABLE])
def test_separable_verbs(sentence: str, verb: str, lemma: str, particle: str | None) -> None:
    s = sentence_of(sentence)
    t = token(sentence, verb)
    assert t.lemma == lemma
    assert (None if t.particle is None else s.tokens[t.particle].text) == particle


PARTICIPLES = [("De sancties zijn opgelegd.", "opgelegd", "opleggen"),
               ("Het onderzoek is aangekondigd.", "aangekondigd", "aankondigen"),
               ("Hij heeft zich erover uitgelaten.", "uitgelaten", "uitlaten"),
               ("Om sancties op te leggen.", "leggen", "opleggen")]


@pytest.mark.parametrize(("sentence", "word", "lemma"), PARTICIPLES)
def test_a_participle_or_infinitive_takes_its_particle(sentence: str, word: str, lemma: str) -> None:
    assert token(sentence, word).lemma == lemma


# --- clauses ---------------------------------------------------------------------------

# Each word with its clause number after a slash (punctuation belongs to the clause it closes).
CLAUSES = [
    "Hij/0 zei/0 dat/1 het/1 kabinet/1 vrijdag/1 beslist/1 ./1",
    "Omdat/1 hij/1 ziek/1 was/1 ,/1 bleef/0 hij/0 thuis/0 ./0",
    "Omdat/1 hij/1 ziek/1 was/1 ging/0 hij/0 naar/0 huis/0 ./0",
    "De/0 man/0 ,/0 die/1 gisteren/1 kwam/1 ,/1 zei/0 niets/0 ./0",
    "Het/0 plan/0 ,/0 zo/1 zei/1 de/1 minister/1 ,/1 is/0 klaar/0 ./0",
    "Het/0 kabinet/0 beslist/0 vrijdag/0 ,/0 zei/1 de/1 minister/1 ./1",
    "Rutte/0 ,/0 premier/0 van/0 Nederland/0 ,/0 zei/0 dat/1 hij/1 ,/1 als/2 het/2 moet/2 ,/2 ingrijpt/1 ./1",
    "Toen/1 hij/1 thuiskwam/1 ,/1 zag/0 hij/0 dat/2 de/2 deur/2 openstond/2 ./2",
    "Hij/0 trad/0 als/0 minister/0 af/0 ./0",                 # "als minister": no verb, no clause
    "Toen/0 vertrok/0 hij/0 ./0",                            # "toen" before its verb: an adverb
    "Dat/0 is/0 waar/0 ./0",                                 # a pronoun, not "that"
    "Hij/0 zag/0 die/0 man/0 ./0",                           # a determiner
    "De/0 minister/0 zei/0 dat/1 vrijdag/1 het/1 kabinet/1 beslist/1 ./1",
    # the verb before its subject is the main clause's, and "als minister" has no verb
    "Als/0 minister/0 heeft/0 hij/0 veel/0 gedaan/0 ./0",
]


@pytest.mark.parametrize("spec", CLAUSES, ids=[c.split("/")[0] + "..." + c[-12:] for c in CLAUSES])
def test_clause_numbers(spec: str) -> None:
    pairs = [item.rsplit("/", 1) for item in spec.split(" ")]
    text = " ".join(word for word, _ in pairs).replace(" .", ".").replace(" ,", ",")
    s = sentence_of(text)
    assert [(t.text, t.clause) for t in s.tokens] == [(word, int(c)) for word, c in pairs]


# --- auxiliaries -----------------------------------------------------------------------

# (sentence, word, upos): an auxiliary is AUX where what it helps is in its clause.
AUXILIARIES = [
    ("Hij heeft gisteren gezegd dat hij komt.", "heeft", "AUX"),
    ("Hij heeft gisteren gezegd dat hij komt.", "gezegd", "VERB"),
    ("Hij heeft een huis.", "heeft", "VERB"),                  # no participle: the main verb
    ("De raad zal donderdag beslissen.", "zal", "AUX"),
    ("De raad zal donderdag beslissen.", "beslissen", "VERB"),
    ("De trein is maandag vertrokken.", "is", "AUX"),
    ("Het plan wordt uitgevoerd.", "wordt", "AUX"),            # passive
    ("Hij wordt minister.", "wordt", "AUX"),                   # copula
    ("Hij wil het plan morgen bespreken.", "wil", "AUX"),      # a modal with an infinitive
    ("Hij wil een nieuw plan.", "wil", "VERB"),
    ("Het museum is zaterdag open.", "is", "AUX"),             # copula: no other verb
    # "is" with a participle is AUX, whether the participle tells an event or a state:
    # the event layer decides that with the lexicon's stative participles.
    ("Het museum is gesloten.", "is", "AUX"),
    ("Het museum is gesloten.", "gesloten", "VERB"),
    ("Hij blijft wachten.", "blijft", "VERB"),
    ("Hij is gisteren naar Parijs gegaan.", "gegaan", "VERB"),
]


@pytest.mark.parametrize(("sentence", "word", "upos"), AUXILIARIES, ids=[f"{a[1]}: {a[0]}" for a in AUXILIARIES])
def test_auxiliaries(sentence: str, word: str, upos: str) -> None:
    assert token(sentence, word).upos == upos


# --- the parser as a whole ------------------------------------------------------------

def test_it_is_a_parser() -> None:
    parser = BuiltinParser()
    assert isinstance(parser, Parser)
    assert parser.language is load_language("nl")
    assert parser.parse("") == ()


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        BuiltinParser(language="xx")


def test_offsets_index_the_whole_document() -> None:
    text = "Eerste zin.  Hij legde de sancties op.\n\nKop\nTekst."
    parsed = PARSER.parse(text)
    assert [text[s.start:s.end] for s in parsed] == ["Eerste zin.", "Hij legde de sancties op.", "Kop", "Tekst."]
    op = parsed[1].tokens[4]
    assert (op.text, op.start, op.end) == ("op", 35, 37)


def test_the_engine_knows_no_words() -> None:
    """Every Dutch word is in the data: no string in the engine's code is a word of its lists."""
    data = load_language("nl").data("parser")
    words = {w for section in data.values() if isinstance(section, dict)
             for value in section.values() if isinstance(value, list) for w in value}
    source = Path(timeline.parse.builtin.__file__).read_text(encoding="utf-8")
    literals = {node.value for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert not {w for w in words if len(w) > 1 and w.isalpha() and w.islower()} & literals


@pytest.mark.parametrize("unit", ["De minister zei dat het kabinet, als het moet, ingrijpt. ", "werkt ", "dat ",
                                  "a", "x\n", "'s-", "1.2"])
def test_long_texts_parse_in_linear_time(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    started = time.perf_counter()
    parsed = PARSER.parse(text)
    assert time.perf_counter() - started < 5
    assert parsed[-1].end == len(text.rstrip())
