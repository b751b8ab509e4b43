"""The Frog backend: CGN tags to UD, Frog's output to sentences with offsets, and running Frog.

Most tests read Frog output captured from a real run (Frog 0.20, Debian's
``frog``/``frogdata``, ``--skip=nca``), written below with ``|`` for Frog's
tabs, so they need no Frog. Fake ``frog`` programs and a fake server test the
plumbing and the errors. The tests marked ``real`` run Frog itself, once per
module (it loads for seconds), and are skipped where it is not installed.
"""

from __future__ import annotations

import shutil
import socket
import socketserver
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.parse import BackendError, Parser, Sentence, Token
from timeline.parse.frog import FrogParser, FrogServer, align, cgn_to_ud, read_output, sentences_of

DCT = "2017-02-02"  # a Thursday


def rows(block: str) -> str:
    """Frog output written with ``|`` for its tabs, as Frog prints it."""
    return "\n".join(line.strip().replace("|", "\t") for line in block.strip().splitlines()) + "\n\n"


# --- captured Frog output ------------------------------------------------------------------

SEPARABLE_TEXT = ('De minister legde gisteren een boete op. Het kabinet heeft maandag besloten dat de school '
                  'wordt gesloten.\n"We gaan morgen naar Rome," zei hij.')
SEPARABLE_OUTPUT = rows("""
    1|De|de||LID(bep,stan,rest)|0.998543|||||2|det
    2|minister|minister||N(soort,ev,basis,zijd,stan)|0.999371|||||3|su
    3|legde|leggen||WW(pv,verl,ev)|0.999213|||||0|ROOT
    4|gisteren|gisteren||BW()|0.999464|||||3|mod
    5|een|een||LID(onbep,stan,agr)|0.998962|||||6|det
    6|boete|boete||N(soort,ev,basis,zijd,stan)|0.998306|||||3|obj1
    7|op|op||VZ(fin)|0.978474|||||3|svp
    8|.|.||LET()|1.000000|||||7|punct

    1|Het|het||LID(bep,stan,evon)|0.999233|||||2|det
    2|kabinet|kabinet||N(soort,ev,basis,onz,stan)|0.998170|||||3|su
    3|heeft|hebben||WW(pv,tgw,met-t)|0.999599|||||0|ROOT
    4|maandag|maandag||SPEC(deeleigen)|1.000000|||||3|su
    5|besloten|besluiten||WW(vd,vrij,zonder)|0.917647|||||3|vc
    6|dat|dat||VG(onder)|0.988814|||||5|vc
    7|de|de||LID(bep,stan,rest)|0.999643|||||8|det
    8|school|school||N(soort,ev,basis,zijd,stan)|0.997492|||||9|su
    9|wordt|worden||WW(pv,tgw,met-t)|0.999676|||||6|body
    10|gesloten|sluiten||WW(vd,vrij,zonder)|0.986486|||||9|vc
    11|.|.||LET()|1.000000|||||10|punct

    1|"|"||LET()|1.000000|||||0|ROOT
    2|We|we||VNW(pers,pron,nomin,red,1,mv)|0.997215|||||3|su
    3|gaan|gaan||WW(pv,tgw,mv)|0.892857|||||9|su
    4|morgen|morgen||BW()|0.967742|||||3|mod
    5|naar|naar||VZ(init)|0.997896|||||3|mod
    6|Rome|Rome||SPEC(deeleigen)|1.000000|||||5|obj1
    7|,|,||LET()|1.000000|||||6|punct
    8|"|"||LET()|1.000000|||||6|punct
    9|zei|zeggen||WW(pv,verl,ev)|0.998179|||||0|ROOT
    10|hij|hij||VNW(pers,pron,nomin,vol,3,ev,masc)|0.999659|||||9|su
    11|.|.||LET()|1.000000|||||10|punct
""")

SPICER_TEXT = "Perschef Sean Spicer zei donderdag dat het kabinet vrijdag beslist."
SPICER_OUTPUT = rows("""
    1|Perschef|perschef||N(soort,ev,basis,zijd,stan)|0.755919|||||3|su
    2|Sean_Spicer|Sean_Spicer||SPEC(deeleigen)_SPEC(deeleigen)|1.000000|||||1|app
    3|zei|zeggen||WW(pv,verl,ev)|0.998967|||||0|ROOT
    4|donderdag|donderdag||SPEC(deeleigen)|1.000000|||||3|su
    5|dat|dat||VG(onder)|0.892308|||||3|vc
    6|het|het||LID(bep,stan,evon)|0.981618|||||7|det
    7|kabinet|kabinet||N(soort,ev,basis,onz,stan)|0.997066|||||3|obj1
    8|vrijdag|vrijdag||SPEC(deeleigen)|1.000000|||||3|obj1
    9|beslist|beslissen||WW(vd,vrij,zonder)|0.777778|||||3|vc
    10|.|.||LET()|1.000000|||||9|punct
""")

# ucto splits `` and '' in two, writes ‘ ’ as ' in the lemma; Frog's relation
# classifier left one word unlabeled ("None").
QUOTES_TEXT = "Dat is ``raar'' — zei ze – en ‚goed’. Hij belde haar op toen hij thuiskwam."
QUOTES_OUTPUT = rows("""
    1|Dat|dat||VNW(aanw,pron,stan,vol,3o,ev)|0.999022|||||2|su
    2|is|zijn||WW(pv,tgw,ev)|0.999496|||||0|ROOT
    3|`|'||LET()|0.999956|||||2|punct
    4|`|'||LET()|0.999956|||||2|punct
    5|raar|raar||ADJ(vrij,basis,zonder)|0.890909|||||2|mod
    6|'|'||LET()|1.000000|||||5|punct
    7|'|'||LET()|1.000000|||||5|punct
    8|—|—||LET()|1.000000|||||12|None
    9|zei|zeggen||WW(pv,verl,ev)|0.998967|||||12|cnj
    10|ze|ze||VNW(pers,pron,stan,red,3,mv)|0.670897|||||9|obj1
    11|–|–||LET()|1.000000|||||10|punct
    12|en|en||VG(neven)|0.999194|||||5|pc
    13|‚|‚||LET()|1.000000|||||12|punct
    14|goed|goed||ADJ(vrij,basis,zonder)|0.995449|||||12|cnj
    15|’|'||LET()|1.000000|||||14|punct
    16|.|.||LET()|1.000000|||||14|punct

    1|Hij|hij||VNW(pers,pron,nomin,vol,3,ev,masc)|0.999431|||||2|su
    2|belde|bellen||WW(pv,verl,ev)|0.997655|||||0|ROOT
    3|haar|haar||VNW(pers,pron,obl,vol,3,getal,fem)|0.830769|||||2|obj1
    4|op|op||VZ(fin)|0.884615|||||2|svp
    5|toen|toen||VG(onder)|0.900000|||||2|vc
    6|hij|hij||VNW(pers,pron,nomin,vol,3,ev,masc)|0.999520|||||7|su
    7|thuiskwam|thuiskomen||WW(pv,verl,ev)|0.997744|||||5|body
    8|.|.||LET()|1.000000|||||7|punct
""")

# Two paragraphs (a blank line between them), a multi-word unit with an
# apostrophe, a relative clause and two roots.
RELATIVE_TEXT = ("Het CDA ('s ochtends) kreeg 10.000 stemmen.\n\n"
                 "De man die vorige week werd gearresteerd, is vrijgelaten.")
RELATIVE_OUTPUT = rows("""
    1|Het|het||LID(bep,stan,evon)|0.854722|||||2|det
    2|CDA|CDA||SPEC(deeleigen)|1.000000|||||6|su
    3|(|(||LET()|1.000000|||||2|punct
    4|'s_ochtends|'s_ochtend||BW()_N(soort,ev,basis,gen)|0.499096|||||6|mod
    5|)|)||LET()|1.000000|||||4|punct
    6|kreeg|krijgen||WW(pv,verl,ev)|0.997143|||||0|ROOT
    7|10.000|10.000||TW(hoofd,prenom,stan)|0.677411|||||8|det
    8|stemmen|stem||N(soort,mv,basis)|0.550275|||||6|obj1
    9|.|.||LET()|1.000000|||||8|punct

    1|De|de||LID(bep,stan,rest)|0.998543|||||2|det
    2|man|man||N(soort,ev,basis,zijd,stan)|0.995858|||||0|ROOT
    3|die|die||VNW(betr,pron,stan,vol,persoon,getal)|0.923077|||||2|mod
    4|vorige|vorig||ADJ(prenom,basis,met-e,stan)|0.998721|||||5|mod
    5|week|week||N(soort,ev,basis,zijd,stan)|0.996711|||||6|su
    6|werd|worden||WW(pv,verl,ev)|0.999799|||||3|body
    7|gearresteerd|arresteren||WW(vd,vrij,zonder)|0.996764|||||6|vc
    8|,|,||LET()|1.000000|||||7|punct
    9|is|zijn||WW(pv,tgw,ev)|0.999447|||||0|ROOT
    10|vrijgelaten|vrijlaten||WW(vd,vrij,zonder)|0.997947|||||9|vc
    11|.|.||LET()|1.000000|||||10|punct
""")

CAPTURED = [(SEPARABLE_TEXT, SEPARABLE_OUTPUT), (SPICER_TEXT, SPICER_OUTPUT), (QUOTES_TEXT, QUOTES_OUTPUT),
            (RELATIVE_TEXT, RELATIVE_OUTPUT)]


def token(sentences: tuple[Sentence, ...], word: str, nth: int = 0) -> Token:
    return [t for s in sentences for t in s.tokens if t.text == word][nth]


def assert_well_formed(text: str, sentences: tuple[Sentence, ...]) -> None:
    """What every backend promises: offsets index the text, tokens lie in order in their sentence."""
    last = 0
    for k, sentence in enumerate(sentences):
        assert sentence.index == k
        assert sentence.start >= last
        for i, tok in enumerate(sentence.tokens):
            assert tok.index == i
            assert text[tok.start:tok.end] == tok.text
            assert sentence.start <= tok.start < tok.end <= sentence.end
            assert tok.head is None or 0 <= tok.head < len(sentence.tokens)
        last = sentence.end


# --- CGN to UD -----------------------------------------------------------------------------

TAGS = [
    ("WW(pv,verl,ev)", "VERB", {"VerbForm": "Fin", "Tense": "Past", "Number": "Sing"}),
    ("WW(pv,verl,mv)", "VERB", {"VerbForm": "Fin", "Tense": "Past", "Number": "Plur"}),
    ("WW(pv,tgw,met-t)", "VERB", {"VerbForm": "Fin", "Tense": "Pres", "Number": "Sing"}),
    ("WW(pv,conj,ev)", "VERB", {"VerbForm": "Fin", "Mood": "Sub"}),
    ("WW(vd,vrij,zonder)", "VERB", {"VerbForm": "Part", "Tense": "Past"}),
    ("WW(od,vrij,zonder)", "VERB", {"VerbForm": "Part", "Tense": "Pres"}),
    ("WW(inf,vrij,zonder)", "VERB", {"VerbForm": "Inf"}),
    # before a noun an adjective, as a noun a noun: no event verbs
    ("WW(vd,prenom,met-e)", "ADJ", {"VerbForm": "Part"}),
    ("WW(od,prenom,met-e)", "ADJ", {"VerbForm": "Part", "Tense": "Pres"}),
    ("WW(inf,nom,zonder,zonder-n)", "NOUN", {"VerbForm": "Inf"}),
    ("N(soort,ev,basis,zijd,stan)", "NOUN", {"Number": "Sing"}),
    ("N(soort,mv,basis)", "NOUN", {"Number": "Plur"}),
    ("N(eigen,ev,basis,onz,stan)", "PROPN", {"Number": "Sing"}),
    ("ADJ(vrij,basis,zonder)", "ADJ", {"Degree": "Pos"}),
    ("ADJ(prenom,sup,met-e,stan)", "ADJ", {"Degree": "Sup"}),
    ("BW()", "ADV", {}),
    ("VZ(init)", "ADP", {}),
    ("VZ(fin)", "ADP", {}),
    ("LID(bep,stan,evon)", "DET", {"Definite": "Def", "PronType": "Art"}),
    ("LID(onbep,stan,agr)", "DET", {"Definite": "Ind"}),
    ("VNW(pers,pron,nomin,vol,3,ev,masc)", "PRON", {"PronType": "Prs"}),
    ("VNW(betr,pron,stan,vol,persoon,getal)", "PRON", {"PronType": "Rel"}),
    ("VNW(aanw,det,stan,prenom,zonder,rest)", "DET", {"PronType": "Dem"}),
    ("VNW(aanw,adv-pron,obl,vol,3o,getal)", "ADV", {"PronType": "Dem"}),
    ("VG(neven)", "CCONJ", {}),
    ("VG(onder)", "SCONJ", {}),
    ("TW(hoofd,vrij)", "NUM", {"NumType": "Card"}),
    ("TW(rang,prenom,stan)", "ADJ", {"NumType": "Ord"}),
    ("LET()", "PUNCT", {}),
    ("TSW()", "INTJ", {}),
    ("SPEC(deeleigen)", "PROPN", {}),
    ("SPEC(symb)", "SYM", {}),
    ("SPEC(vreemd)", "X", {"Foreign": "Yes"}),
    ("SPEC(afk)", "X", {"Abbr": "Yes"}),
    ("SPEC(afgebr)", "X", {}),
    ("", "X", {}),
    ("XYZ(abc)", "X", {}),
]


@pytest.mark.parametrize(("tag", "upos", "feats"), TAGS)
def test_cgn_to_ud(tag: str, upos: str, feats: dict[str, str]) -> None:
    got_upos, got_feats = cgn_to_ud(tag)
    assert got_upos == upos
    assert feats.items() <= got_feats.items()


def test_cgn_participle_and_finite_are_told_apart() -> None:
    assert "Tense" not in cgn_to_ud("WW(inf,vrij,zonder)")[1]
    assert "VerbForm" not in cgn_to_ud("N(soort,ev,basis,zijd,stan)")[1]


@pytest.mark.parametrize(("word", "upos"), [("%", "SYM"), ("€", "SYM"), ("+", "SYM"), (".", "PUNCT"),
                                            ("`", "PUNCT"), ("„", "PUNCT"), ("—", "PUNCT")])
def test_punctuation_or_symbol(word: str, upos: str) -> None:
    assert cgn_to_ud("LET()", word)[0] == upos


# --- reading Frog's output -----------------------------------------------------------------

def test_multi_word_units_are_split() -> None:
    (words,) = read_output(SPICER_OUTPUT)
    assert [w.word for w in words[:4]] == ["Perschef", "Sean", "Spicer", "zei"]
    assert [(w.head, w.deprel) for w in words[1:3]] == [(0, "app"), (1, "mwp")]
    assert words[1].tag == words[2].tag == "SPEC(deeleigen)"
    assert words[4].head == 3  # donderdag -> zei, counted after the split
    (first, _) = read_output(RELATIVE_OUTPUT)
    assert [(w.word, w.lemma, w.tag) for w in first[3:5]] == [("'s", "'s", "BW()"),
                                                              ("ochtends", "ochtend", "N(soort,ev,basis,gen)")]


def test_roots_and_unlabeled_relations() -> None:
    words = read_output(QUOTES_OUTPUT)[0]
    assert words[1].head is None and words[1].deprel == "ROOT"
    assert words[7].deprel == "dep"  # Frog printed "None"


def test_output_without_a_parse_has_no_tree() -> None:
    skipped = rows("""
        1|Hij|hij||VNW(pers,pron,nomin,vol,3,ev,masc)|0.999431||||||
        2|zei|zeggen||WW(pv,verl,ev)|0.998967||||||
    """)
    assert [(w.head, w.deprel) for w in read_output(skipped)[0]] == [(None, None), (None, None)]
    # over Frog's parser limit every word is a ROOT: no tree either
    unparsed = rows("""
        1|Hij|hij||VNW(pers,pron,nomin,vol,3,ev,masc)|0.999431|||||0|ROOT
        2|zei|zeggen||WW(pv,verl,ev)|0.998967|||||0|ROOT
    """)
    (sentence,) = sentences_of(unparsed, "Hij zei")
    assert not sentence.has_tree and [t.clause for t in sentence.tokens] == [0, 0]


def test_output_with_all_modules() -> None:
    """Named entities and chunks fill their columns; head and relation stay the last two."""
    full = rows("""
        1|Perschef|perschef|[pers][chef]|N(soort,ev,basis,zijd,stan)|0.755919|O|B-NP|3|su
        2|Sean_Spicer|Sean_Spicer|[Sean]_[Spicer]|SPEC(deeleigen)_SPEC(deeleigen)|1.000000|B-PER_I-PER|B-NP_I-NP|1|app
        3|zei|zeggen|[zeg]|WW(pv,verl,ev)|0.998967|O|B-VP|0|ROOT
    """)
    words = read_output(full)[0]
    assert [(w.word, w.head, w.deprel) for w in words] == [("Perschef", 3, "su"), ("Sean", 0, "app"),
                                                           ("Spicer", 1, "mwp"), ("zei", None, "ROOT")]


def test_sentences_start_at_index_one_and_blank_lines() -> None:
    output = "1\tA\ta\t\tSPEC(deeleigen)\t1\t\t\t\t\t0\tROOT\n1\tB\tb\t\tSPEC(deeleigen)\t1\t\t\t\t\t0\tROOT\n\n\n"
    assert [[w.word for w in s] for s in read_output(output)] == [["A"], ["B"]]


def test_not_frog_output() -> None:
    with pytest.raises(ValueError, match="not a word row"):
        read_output("READY\n")


# --- sentences from captured output --------------------------------------------------------

@pytest.mark.parametrize(("text", "output"), CAPTURED)
def test_captured_output_is_well_formed(text: str, output: str) -> None:
    sentences = sentences_of(output, text)
    assert_well_formed(text, sentences)
    frog_words = [w.word for s in read_output(output) for w in s]
    assert [t.text for s in sentences for t in s.tokens] == frog_words  # all found as written


def test_separable_verb_auxiliaries_and_clauses() -> None:
    sentences = sentences_of(SEPARABLE_OUTPUT, SEPARABLE_TEXT)
    assert [SEPARABLE_TEXT[s.start:s.end] for s in sentences] == [
        "De minister legde gisteren een boete op.",
        "Het kabinet heeft maandag besloten dat de school wordt gesloten.",
        '"We gaan morgen naar Rome," zei hij.']
    legde = token(sentences, "legde")
    assert (legde.lemma, legde.upos, legde.feat("VerbForm"), legde.feat("Tense")) == ("opleggen", "VERB", "Fin",
                                                                                     "Past")
    assert legde.particle == token(sentences, "op").index == 6 and legde.head is None
    assert token(sentences, "gisteren").head == legde.index
    second = sentences[1]
    assert [(t.text, t.upos) for t in second.tokens if t.upos in ("VERB", "AUX")] == [
        ("heeft", "AUX"), ("besloten", "VERB"), ("wordt", "AUX"), ("gesloten", "VERB")]
    assert [t.clause for t in second.tokens] == [0] * 5 + [1] * 6  # "dat" opens the subordinate clause
    assert token(sentences, "besloten").feat("VerbForm") == "Part"
    third = sentences[2]
    assert (third.tokens[0].start, third.tokens[0].text) == (SEPARABLE_TEXT.index('"'), '"')
    zei = token(sentences, "zei")
    assert (zei.clause, token(sentences, "gaan").clause) == (0, 1)  # the quoted clause is a clause of its own


def test_quotes_dashes_and_particles() -> None:
    sentences = sentences_of(QUOTES_OUTPUT, QUOTES_TEXT)
    first = sentences[0]
    assert [t.text for t in first.tokens[2:8]] == ["`", "`", "raar", "'", "'", "—"]
    assert [t.upos for t in first.tokens[2:8]] == ["PUNCT", "PUNCT", "ADJ", "PUNCT", "PUNCT", "PUNCT"]
    assert first.tokens[1].upos == "AUX"  # a copula with no other verb form
    assert first.tokens[14].text == "’" and first.tokens[14].lemma == "'"
    belde = token(sentences, "belde")
    assert (belde.lemma, belde.particle) == ("opbellen", 3)
    assert [t.clause for t in sentences[1].tokens] == [0, 0, 0, 0, 1, 1, 1, 1]  # "toen hij thuiskwam."


def test_relative_clause_and_two_roots() -> None:
    sentences = sentences_of(RELATIVE_OUTPUT, RELATIVE_TEXT)
    assert [RELATIVE_TEXT[s.start:s.end] for s in sentences] == [
        "Het CDA ('s ochtends) kreeg 10.000 stemmen.", "De man die vorige week werd gearresteerd, is vrijgelaten."]
    assert [t.text for t in sentences[0].tokens[3:5]] == ["'s", "ochtends"]
    second = sentences[1]
    assert [t.clause for t in second.tokens] == [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]
    assert [(t.text, t.upos) for t in second.tokens if t.upos in ("VERB", "AUX")] == [
        ("werd", "AUX"), ("gearresteerd", "VERB"), ("is", "AUX"), ("vrijgelaten", "VERB")]
    assert token(sentences, "vorige").upos == "ADJ"


def test_output_offsets_for_a_text_within_a_longer_one() -> None:
    """Offsets index the text given, wherever Frog's words are in it."""
    text = "\n\n   " + SPICER_TEXT + "\n"
    sentences = sentences_of(SPICER_OUTPUT, text)
    assert_well_formed(text, sentences)
    assert sentences[0].start == 5 and token(sentences, "Spicer").start == text.index("Spicer")


class Canned:
    """A parser that returns captured Frog output for its one text."""

    def __init__(self, text: str, output: str) -> None:
        self.text, self.output = text, output

    def parse(self, text: str) -> tuple[Sentence, ...]:
        assert text == self.text
        return sentences_of(self.output, text)


def test_events_from_captured_output() -> None:
    assert isinstance(Canned(SPICER_TEXT, SPICER_OUTPUT), Parser)
    doc = timeline.analyze(SPICER_TEXT, dct=DCT, parser=Canned(SPICER_TEXT, SPICER_OUTPUT))
    by_text = {e.text: e for e in doc.events}
    assert by_text["zei"].anchor == "2017-02-02" and by_text["zei"].cls.value == "REPORTING"
    doc = timeline.analyze(SEPARABLE_TEXT, dct=DCT, parser=Canned(SEPARABLE_TEXT, SEPARABLE_OUTPUT))
    by_text = {e.text: e for e in doc.events}
    assert "heeft" not in by_text and "wordt" not in by_text  # auxiliaries are no events
    assert by_text["legde"].lemma == "opleggen" and by_text["legde"].anchor == "2017-02-01"
    assert by_text["besloten"].anchor == "2017-01-30"


# --- alignment -----------------------------------------------------------------------------

def spans_text(words: list[str], text: str) -> list[str]:
    return [text[a:b] for a, b in align(words, text)]


def test_align_as_written() -> None:
    assert align(["Hij", "zei", "."], "Hij  zei\n.") == [(0, 3), (5, 8), (9, 10)]


@pytest.mark.parametrize(("words", "text", "expected"), [
    # quotes and dashes Frog wrote otherwise
    (['"', "Ja", '"', "-", "zei", "hij"], "„Ja” – zei hij", ["„", "Ja", "”", "–", "zei", "hij"]),
    (["'s", "avonds"], "’s avonds", ["’s", "avonds"]),
    # an ellipsis as three dots, a ligature, another case
    (["Nou", "..."], "Nou…", ["Nou", "…"]),
    (["efficiënt"], "eﬃciënt", ["eﬃciënt"]),
    # decomposed accents (NFD in the text, NFC from Frog), a soft hyphen and a zero-width space
    (["café", "open"], unicodedata.normalize("NFD", "café open"), [unicodedata.normalize("NFD", "café"), "open"]),
    (["verkiezing", "."], "ver\u00adkiezing.", ["ver\u00adkiezing", "."]),
    (["a", "b"], "a \u200bb", ["a", "b"]),
])
def test_align_loosely(words: list[str], text: str, expected: list[str]) -> None:
    assert spans_text(words, text) == expected


def test_align_words_not_found_take_their_gap() -> None:
    # one word Frog changed beyond recognition: it gets the piece between its neighbours
    assert spans_text(["De", "XYZ", "viel", "."], "De regering viel.") == ["De", "regering", "viel", "."]
    # two such words, one piece each
    assert spans_text(["Een", "Q1", "Q2", "dag"], "Een mooie zonnige dag") == ["Een", "mooie", "zonnige", "dag"]
    # more such words than pieces: the last piece again, never text elsewhere
    assert spans_text(["Een", "Q1", "Q2", "dag"], "Een mooie dag") == ["Een", "mooie", "mooie", "dag"]
    # a word with nothing left for it: the span of the word before
    assert spans_text(["Hij", "EXTRA", "zei"], "Hij zei") == ["Hij", "Hij", "zei"]
    # ... or after, at the start
    assert spans_text(["EXTRA", "Hij"], "Hij") == ["Hij", "Hij"]
    # at the end: the first piece after the last word found, not the rest of the text
    assert spans_text(["Hij", "ZZZ"], "Hij kwam en ging") == ["Hij", "kwam"]


def test_align_does_not_jump_far_ahead() -> None:
    """A word is looked for near where it should be, not in a later sentence."""
    text = "Hij kwam. " + "Zij ging weg. " * 20 + "Toen kwam de Q."
    spans = align(["Hij", "Q", "."], text)
    assert text[spans[1][0]:spans[1][1]] == "kwam"  # the gap, not the far "Q"
    assert spans[2] == (8, 9)


def test_align_recovers_after_many_changed_words() -> None:
    changed = [unicodedata.normalize("NFD", w) for w in ["één", "café", "naïef"] * 10]
    text = " ".join(changed) + " einde."
    words = [unicodedata.normalize("NFC", w) for w in changed] + ["einde", "."]
    assert spans_text(words, text) == [*changed, "einde", "."]


@given(st.lists(st.text(alphabet="ab’'\"- .…\n", min_size=1, max_size=6), max_size=12),
       st.lists(st.sampled_from(["keep", "drop", "change", "quote"]), min_size=12, max_size=12))
def test_align_always_gives_text_spans_in_order(pieces: list[str], edits: list[str]) -> None:
    """Whatever Frog did to the words, spans lie in the text, in order, and are never empty
    where the text has a visible character."""
    text = " ".join(pieces)
    words: list[str] = []
    for piece, edit in zip([p for p in pieces if p.strip()], edits, strict=False):
        for word in piece.split():
            if edit == "keep":
                words.append(word)
            elif edit == "change":
                words.append("X" + word)
            elif edit == "quote":
                words.append(word.replace("’", "'").replace("…", "..."))
    spans = align(words, text)
    assert len(spans) == len(words)
    starts = [a for a, _ in spans]
    assert starts == sorted(starts)
    for a, b in spans:
        assert 0 <= a <= b <= len(text)
        if text.strip():
            assert a < b and text[a:b].strip()


# --- running Frog: errors and plumbing, without Frog -------------------------------------------

def fake_frog(tmp_path: Path, body: str) -> str:
    """A ``frog`` program: a Python script with ``body`` (it gets Frog's arguments in ``sys.argv``)."""
    path = tmp_path / "frog"
    path.write_text(f"#!{sys.executable}\nimport os, sys, time\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


# A fake Frog that tags each whitespace-separated word of each file as a noun (no parse).
WHITESPACE_FROG = """
args = dict(a[2:].split("=", 1) for a in sys.argv[1:] if "=" in a)
for name in os.listdir(args["testdir"]):
    text = open(os.path.join(args["testdir"], name), encoding="utf-8").read()
    with open(os.path.join(args["outputdir"], name + ".out"), "w", encoding="utf-8") as out:
        for k, word in enumerate(text.split(), 1):
            out.write(f"{k}\\t{word}\\t{word}\\t\\tN(soort,ev,basis,zijd,stan)\\t1.0\\t\\t\\t\\t\\t\\t\\n")
        out.write("\\n")
print("frog-:Frog finished", file=sys.stderr)
"""


def test_not_installed() -> None:
    with pytest.raises(BackendError, match="apt-get install frog frogdata") as caught:
        FrogParser(executable="/nonexistent/frog").parse("Hij zei het.")
    assert "/nonexistent/frog" in str(caught.value)
    with pytest.raises(BackendError, match="apt-get install frog frogdata"):
        FrogServer(executable="/nonexistent/frog")


def test_frog_failing_shows_its_messages(tmp_path: Path) -> None:
    frog = fake_frog(tmp_path, 'print("reading config", file=sys.stderr)\n'
                               'print("Did you correctly install the frogdata package?", file=sys.stderr)\n'
                               "sys.exit(3)")
    with pytest.raises(BackendError, match=r"exit status 3.*frogdata package") as caught:
        FrogParser(executable=frog).parse("Hij zei het.")
    assert "Traceback" not in str(caught.value)


def test_frog_too_slow(tmp_path: Path) -> None:
    frog = fake_frog(tmp_path, "time.sleep(30)")
    with pytest.raises(BackendError, match="did not finish within 0.5 s"):
        FrogParser(executable=frog, timeout=0.5).parse("Hij zei het.")


def test_frog_output_missing_or_garbled(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="no output"):
        FrogParser(executable=fake_frog(tmp_path, "pass")).parse("Hij zei het.")
    garbled = 'args = dict(a[2:].split("=", 1) for a in sys.argv[1:] if "=" in a)\n' \
              'for n in os.listdir(args["testdir"]):\n' \
              '    open(os.path.join(args["outputdir"], n + ".out"), "w").write("<xml/>\\n")'
    with pytest.raises(BackendError, match="cannot be read"):
        FrogParser(executable=fake_frog(tmp_path, garbled)).parse("Hij zei het.")


def test_one_run_for_many_texts(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    frog = fake_frog(tmp_path, f"open({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
                               + WHITESPACE_FROG)
    texts = ["Een twee.", "", "  \n", "drie\n\nvier vijf"]
    found = FrogParser(executable=frog).parse_many(texts)
    assert [[[t.text for t in s.tokens] for s in doc] for doc in found] == [
        [["Een", "twee."]], [], [], [["drie", "vier", "vijf"]]]
    for text, doc in zip(texts, found, strict=True):
        assert_well_formed(text, doc)
    (call,) = calls.read_text().splitlines()
    assert call.startswith("--skip=nca --testdir=")
    assert FrogParser(executable=frog).parse_many(["", " "]) == [(), ()]  # nothing to do: no run
    assert len(calls.read_text().splitlines()) == 1


def test_skip_is_checked() -> None:
    with pytest.raises(ValueError, match="module letters"):
        FrogParser(skip="xyz")
    assert FrogParser(skip=None).skip is None
    assert "server=('localhost', 1)" in repr(FrogParser(server=("localhost", 1)))


def test_server_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    with pytest.raises(BackendError, match=f"cannot reach the Frog server at 127.0.0.1:{port}"):
        FrogParser(server=("127.0.0.1", port)).parse("Hij zei het.")


class FakeFrogServer(socketserver.StreamRequestHandler):
    """Frog's server protocol: lines up to ``EOT``, then the rows of each word and ``READY``."""

    received: list[str] = []

    def handle(self) -> None:
        lines: list[str] = []
        for raw in self.rfile:
            line = raw.decode("utf-8").rstrip("\n")
            if line != "EOT":
                lines.append(line)
                continue
            text = "\n".join(lines)
            FakeFrogServer.received.append(text)
            words = text.split()
            answer = "".join(f"{k}\t{w}\t{w}\t\tN(soort,ev,basis)\t1.0\t\t\t\t\t0\tROOT\n" for k, w in
                             enumerate(words, 1))
            self.wfile.write((answer + "\n").encode("utf-8"))
            self.wfile.write(b"READY\n\n")  # as Frog: a blank line after READY
            lines = []


@pytest.fixture
def fake_server() -> Iterator[tuple[str, int]]:
    FakeFrogServer.received = []
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeFrogServer) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        host, port = server.server_address[:2]
        yield str(host), int(port)
        server.shutdown()


def test_server_protocol(fake_server: tuple[str, int]) -> None:
    parser = FrogParser(server=fake_server)
    texts = ["Een\r\ntwee", "EOT\ndrie", "", "vier"]
    found = parser.parse_many(texts)
    assert [[t.text for s in doc for t in s.tokens] for doc in found] == [["Een", "twee"], ["EOT", "drie"], [],
                                                                          ["vier"]]
    # a line of the text reading "EOT" does not end the request early
    assert FakeFrogServer.received == ["Een\ntwee", "EOT \ndrie", "vier"]
    assert parser.parse("vijf zes")[0].tokens[1].start == 5


# A fake Frog server program: slow to start, deaf to SIGTERM (as Frog is while it serves).
SERVING_FROG = """
import signal, socketserver
signal.signal(signal.SIGTERM, signal.SIG_IGN)
port = int(sys.argv[sys.argv.index("-S") + 1])
time.sleep(0.3)

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        lines = []
        for raw in self.rfile:
            line = raw.decode("utf-8").rstrip("\\n")
            if line != "EOT":
                lines.append(line)
                continue
            words = "\\n".join(lines).split()
            rows = "".join(f"{k}\\t{w}\\t{w}\\t\\tN(soort,ev,basis)\\t1.0\\t\\t\\t\\t\\t0\\tROOT\\n"
                           for k, w in enumerate(words, 1))
            self.wfile.write((rows + "\\nREADY\\n").encode("utf-8"))
            lines = []

socketserver.ThreadingTCPServer.allow_reuse_address = True
with socketserver.ThreadingTCPServer(("127.0.0.1", port), Handler) as server:
    server.serve_forever()
"""


def test_own_server_starts_answers_and_stops(tmp_path: Path) -> None:
    with FrogServer(executable=fake_frog(tmp_path, SERVING_FROG), timeout=20) as server:
        assert server.running and server.address[0] == "127.0.0.1"
        parser = server.parser()
        assert parser.server == server.address
        assert [t.text for t in parser.parse("Hij zei het.")[0].tokens] == ["Hij", "zei", "het."]
        process = server._process
    assert not server.running and process.poll() is not None  # stopped, though it ignores SIGTERM
    with pytest.raises(BackendError, match="cannot reach"):
        parser.parse("Hij zei het.")
    server.close()  # twice is fine


def test_own_server_that_cannot_start(tmp_path: Path) -> None:
    frog = fake_frog(tmp_path, 'print("unable to read configuration", file=sys.stderr)\nsys.exit(1)')
    with pytest.raises(BackendError, match=r"stopped \(exit status 1\).*unable to read configuration"):
        FrogServer(executable=frog)
    slow = fake_frog(tmp_path, "time.sleep(30)")
    with pytest.raises(BackendError, match="did not start within 0.5 s"):
        FrogServer(executable=slow, timeout=0.5)


# --- Frog itself ---------------------------------------------------------------------------

real = pytest.mark.skipif(shutil.which("frog") is None, reason="Frog is not installed (apt-get install frog frogdata)")

REAL_TEXTS = [
    "Perschef Sean Spicer zei donderdag dat het kabinet vrijdag beslist.",
    "",
    'De minister legde gisteren een boete op.\n\n"We gaan morgen naar Rome," zei hij. Het kabinet heeft maandag '
    "besloten dat de school wordt gesloten.",
]


@pytest.fixture(scope="module")
def frog_server() -> Iterator[FrogServer]:
    """One Frog server for the module's real tests: Frog loads once."""
    with FrogServer() as server:
        yield server


@real
def test_real_run_and_server_agree(frog_server: FrogServer) -> None:
    """Frog run as a program (once, for all texts) and as a server give the same sentences."""
    run = FrogParser().parse_many(REAL_TEXTS)
    served = frog_server.parser().parse_many(REAL_TEXTS)
    assert run == served
    assert run[1] == ()
    for text, sentences in zip(REAL_TEXTS, run, strict=True):
        assert_well_formed(text, sentences)
    assert len(run[2]) == 3 and all(s.has_tree for s in run[2])


@real
def test_real_parse(frog_server: FrogServer) -> None:
    parser = frog_server.parser()
    sentences = parser.parse(REAL_TEXTS[0])
    assert_well_formed(REAL_TEXTS[0], sentences)
    zei = token(sentences, "zei")
    assert (zei.upos, zei.lemma, zei.feat("VerbForm"), zei.feat("Tense")) == ("VERB", "zeggen", "Fin", "Past")
    assert [t.text for t in sentences[0].tokens[:3]] == ["Perschef", "Sean", "Spicer"]
    sentences = parser.parse(REAL_TEXTS[2])
    assert token(sentences, "legde").lemma == "opleggen"
    assert token(sentences, "heeft").upos == "AUX"


@real
def test_real_analyze(frog_server: FrogServer) -> None:
    doc = timeline.analyze(REAL_TEXTS[0], dct=DCT, parser=frog_server.parser())
    zei = next(e for e in doc.events if e.text == "zei")
    assert zei.anchor == "2017-02-02" and zei.timex is not None and zei.timex.text == "donderdag"
