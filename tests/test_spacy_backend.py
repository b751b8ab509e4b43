"""The spaCy backend: a spaCy Doc's own parse turned into sentences, and spaCy pipelines as parsers.

No Dutch spaCy model is needed: the Docs are built by hand (words, parts of
speech, morphology, lemmas, heads and relations), or by a blank pipeline, or
by one with components initialized with random weights.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy", reason="needs the spacy extra: pip install 'timeline-nl[spacy]' "
                            "(from a checkout: pip install '.[spacy]')")

from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

import timeline  # noqa: E402
from timeline.output.records import document_to_dict  # noqa: E402
from timeline.parse import BackendError, Parser, Sentence  # noqa: E402
from timeline.parse.backends import get_parser  # noqa: E402
from timeline.parse.spacy import DocParser, SpacyParser, doc_sentences, has_parse  # noqa: E402

from .strategies import dcts  # noqa: E402

DCT = "2017-02-02"  # a Thursday
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NLP = spacy.blank("nl")


# A row per token: (text, lemma, pos, morph, head, dep); head counts from 0 in the Doc, None for the root.
Row = tuple[str, str, str, str, int | None, str]
# A token at its place: (start, end, lemma, pos, morph, head, dep); head as in a Row.
Placed = tuple[int, int, str, str, str, int | None, str]


def build(text: str, rows: Sequence[Row], *, parse: bool = True) -> Doc:
    """A Doc of ``text`` whose tokens are ``rows``, found in order in the text."""
    placed: list[Placed] = []
    cursor = 0
    for form, lemma, upos, morph, head, dep in rows:
        start = text.index(form, cursor)
        cursor = start + len(form)
        placed.append((start, cursor, lemma, upos, morph, head, dep))
    return assemble(text, placed, parse=parse)


def assemble(text: str, tokens: Sequence[Placed], *, parse: bool = True) -> Doc:
    """A Doc of ``text`` with ``tokens``; the white space between them becomes spaCy's: a
    trailing space, or a SPACE token of its own attached to the token before it (to the one
    after at the start of the text). Only white space may lie between tokens."""
    words: list[str] = []
    spaces: list[bool] = []
    columns: dict[str, list[Any]] = {"pos": [], "morphs": [], "lemmas": [], "heads": [], "deps": []}
    index: list[int] = []  # token -> its place in the Doc

    def add(word: str, pos: str, morph: str, lemma: str) -> None:
        words.append(word)
        spaces.append(False)
        for name, value in (("pos", pos), ("morphs", morph), ("lemmas", lemma), ("heads", 0), ("deps", "")):
            columns[name].append(value)

    def gap(a: int, b: int, attach: int) -> None:
        if words and text.startswith(" ", a) and a < b:
            spaces[-1], a = True, a + 1
        if a < b:
            assert text[a:b].isspace(), f"not white space between tokens: {text[a:b]!r}"
            add(text[a:b], "SPACE", "", text[a:b])
            columns["heads"][-1] = ("space", attach)
            columns["deps"][-1] = "dep"

    cursor = 0
    for start, end, lemma, upos, morph, _, _ in tokens:
        gap(cursor, start, len(index) - 1 if index else 0)
        index.append(len(words))
        add(text[start:end], upos, morph, lemma)
        cursor = end
    gap(cursor, len(text), len(index) - 1)
    for k, (_, _, _, _, _, head, dep) in enumerate(tokens):
        columns["heads"][index[k]] = index[k] if head is None else index[head]
        columns["deps"][index[k]] = dep
    columns["heads"] = [index[h[1]] if isinstance(h, tuple) else h for h in columns["heads"]]
    if not parse:
        del columns["heads"], columns["deps"]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, **columns)
    assert doc.text == text
    return doc


SEPARABLE = "Hij legde het plan gisteren voor.\n\n  Het kabinet heeft vrijdag beslist."
SEPARABLE_ROWS: list[Row] = [
    ("Hij", "hij", "PRON", "Case=Nom|Person=3|PronType=Prs", 1, "nsubj"),
    ("legde", "leggen", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin", None, "ROOT"),
    ("het", "het", "DET", "Definite=Def", 3, "det"),
    ("plan", "plan", "NOUN", "Number=Sing", 1, "obj"),
    ("gisteren", "gisteren", "ADV", "", 1, "advmod"),
    ("voor", "voor", "ADP", "", 1, "compound:prt"),
    (".", ".", "PUNCT", "", 1, "punct"),
    ("Het", "het", "DET", "Definite=Def", 8, "det"),
    ("kabinet", "kabinet", "NOUN", "Number=Sing", 11, "nsubj"),
    ("heeft", "hebben", "VERB", "Number=Sing|Tense=Pres|VerbForm=Fin", 11, "aux"),
    ("vrijdag", "vrijdag", "NOUN", "Number=Sing", 11, "obl:tmod"),
    ("beslist", "beslissen", "VERB", "VerbForm=Part", None, "ROOT"),
    (".", ".", "PUNCT", "", 11, "punct"),
]


# --- a Doc's parse as sentences --------------------------------------------------------------------

def test_a_hand_made_doc_gives_the_sentences_stanza_would() -> None:
    doc = build(SEPARABLE, SEPARABLE_ROWS)
    assert has_parse(doc)
    first, second = doc_sentences(doc)
    assert (first.index, first.start, first.end) == (0, 0, 33)
    assert first.texts == ("Hij", "legde", "het", "plan", "gisteren", "voor", ".")
    assert [SEPARABLE[a:b] for a, b in zip(first.starts, first.ends, strict=True)] == list(first.texts)
    assert first.lemmas[1] == "voorleggen" and first.particles[1] == 5  # the particle joins its verb
    assert first.heads == (1, None, 3, 1, 1, 1, 1)
    assert first.deprels == ("nsubj", "root", "det", "obj", "advmod", "compound:prt", "punct")
    assert dict(first.feats[1]) == {"Number": "Sing", "Tense": "Past", "VerbForm": "Fin"}
    assert first.feats[4] == {} and first.clauses == (0,) * 7
    assert (second.index, second.start, second.end) == (1, 37, 71)
    assert SEPARABLE[second.starts[0]:second.ends[-1]] == "Het kabinet heeft vrijdag beslist."
    assert second.upos == ("DET", "NOUN", "AUX", "NOUN", "VERB", "PUNCT")  # aux: AUX, as with stanza
    assert second.heads == (1, 4, 4, 4, None, 4)


def test_white_space_tokens_are_left_out() -> None:
    text = "  Hij kwam.\n"
    doc = build(text, [("Hij", "hij", "PRON", "", 1, "nsubj"), ("kwam", "komen", "VERB", "", None, "ROOT"),
                       (".", ".", "PUNCT", "", 1, "punct")])
    assert [t.text for t in doc] == ["  ", "Hij", "kwam", ".", "\n"]
    (sentence,) = doc_sentences(doc)
    assert sentence.texts == ("Hij", "kwam", ".") and sentence.starts == (2, 6, 10)
    assert sentence.heads == (1, None, 1)


def test_a_word_tagged_as_white_space_stays() -> None:
    doc = build("Hij kwam.", [("Hij", "hij", "SPACE", "", 1, "nsubj"), ("kwam", "komen", "VERB", "", None, "ROOT"),
                              (".", ".", "PUNCT", "", 1, "punct")])
    (sentence,) = doc_sentences(doc)
    assert sentence.texts == ("Hij", "kwam", ".") and sentence.upos == ("X", "VERB", "PUNCT")


def test_relations_are_named_as_universal_dependencies() -> None:
    text = "Hij gaf het op, wat werd gezegd."
    doc = build(text, [("Hij", "hij", "PRON", "", 1, "nsubj"), ("gaf", "geven", "VERB", "", None, "ROOT"),
                       ("het", "het", "PRON", "", 1, "dobj"), ("op", "op", "ADP", "", 1, "prt"),
                       (",", ",", "PUNCT", "", 1, "punct"), ("wat", "wat", "PRON", "", 7, "nsubjpass"),
                       ("werd", "worden", "AUX", "", 7, "auxpass"), ("gezegd", "zeggen", "VERB", "", 1, "relcl"),
                       (".", ".", "PUNCT", "", 1, "punct")])
    (sentence,) = doc_sentences(doc)
    assert sentence.deprels == ("nsubj", "root", "obj", "compound:prt", "punct", "nsubj:pass", "aux:pass",
                                "acl:relcl", "punct")
    assert sentence.lemmas[1] == "opgeven" and sentence.clauses == (0, 0, 0, 0, 0, 1, 1, 1, 0)


def test_a_sentence_across_a_blank_line_is_cut_there() -> None:
    text = "Hij kwam\n\ngisteren aan."
    doc = build(text, [("Hij", "hij", "PRON", "", 1, "nsubj"), ("kwam", "komen", "VERB", "", None, "ROOT"),
                       ("gisteren", "gisteren", "ADV", "", 1, "advmod"), ("aan", "aan", "ADP", "", 1, "compound:prt"),
                       (".", ".", "PUNCT", "", 1, "punct")])
    assert len(list(doc.sents)) == 1
    first, second = doc_sentences(doc)
    assert (first.texts, first.heads, first.end) == (("Hij", "kwam"), (1, None), 8)
    assert (second.index, second.texts, second.heads, second.start) == (1, ("gisteren", "aan", "."), (None,) * 3, 10)


def test_a_doc_without_a_parse_is_refused() -> None:
    doc = build(SEPARABLE, SEPARABLE_ROWS, parse=False)
    assert not has_parse(doc)
    with pytest.raises(ValueError, match="no parse"):
        doc_sentences(doc)
    with pytest.raises(ValueError, match="no parse"):
        DocParser(doc).parse(SEPARABLE)
    assert not has_parse(NLP("Hij kwam gisteren."))


def test_a_doc_parser_reads_only_its_own_text() -> None:
    parser = DocParser(build(SEPARABLE, SEPARABLE_ROWS))
    assert isinstance(parser, Parser)
    assert len(parser.parse(SEPARABLE)) == 2
    with pytest.raises(ValueError, match=r"doc\.text"):
        parser.parse("Iets anders.")


def test_analyze_reads_the_docs_parse() -> None:
    doc = timeline.analyze(SEPARABLE, DCT, parser=DocParser(build(SEPARABLE, SEPARABLE_ROWS)))
    assert [(e.text, e.lemma, e.anchor) for e in doc.events] == [("beslist", "beslissen", "2017-01-27"),
                                                                 ("legde", "voorleggen", "2017-02-01")]


# --- spaCy pipelines ---------------------------------------------------------------------------------

def same(a: timeline.Document, b: timeline.Document) -> None:
    """The same events (with anchors and relations to the DCT), time expressions and links."""
    assert [(e.span, e.text, e.lemma, e.cls, e.anchor, e.dct_relation) for e in a.events] == \
        [(e.span, e.text, e.lemma, e.cls, e.anchor, e.dct_relation) for e in b.events]
    assert [(t.span, t.value) for t in a.timexes] == [(t.span, t.value) for t in b.timexes]
    assert a.links == b.links


def test_a_blank_pipeline_falls_back_on_the_builtin_parser() -> None:
    parser = SpacyParser(spacy.blank("nl"))
    assert parser.parse(SEPARABLE) == get_parser("builtin").parse(SEPARABLE)
    assert parser.parse("  \n") == ()
    same(timeline.analyze(SEPARABLE, DCT, parser=parser), timeline.analyze(SEPARABLE, DCT, parser="builtin"))
    texts = [SEPARABLE, "", "Het kabinet besloot donderdag."]
    assert parser.parse_many(texts) == [parser.parse(t) for t in texts]


def _trained() -> Any:
    """A pipeline with a morphologizer and a parser initialized (random weights) on two Docs."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("morphologizer")
    nlp.add_pipe("parser")
    gold = [build(SEPARABLE, SEPARABLE_ROWS)]
    examples = [Example(NLP.make_doc(d.text), d) for d in gold]
    nlp.initialize(get_examples=lambda: examples)
    return nlp


def test_a_pipeline_with_a_parser_gives_its_parse() -> None:
    nlp = _trained()
    doc = nlp("De minister legde gisteren een boete op.\n\nHet kabinet besluit vrijdag.")
    assert has_parse(doc)
    sentences = SpacyParser(nlp).parse(doc.text)
    assert sentences == doc_sentences(doc) and SpacyParser(nlp).parse_many(["", doc.text]) == [(), sentences]
    assert all(isinstance(s, Sentence) and s.has_tree for s in sentences)
    words = [w for s in sentences for w in s.texts]
    assert words == [t.text for t in doc if not t.is_space]
    for s in sentences:
        assert all(doc.text[a:b] == w for w, a, b in zip(s.texts, s.starts, s.ends, strict=True))
        assert all(h is None or 0 <= h < len(s) for h in s.heads)
    timeline.analyze(doc.text, DCT, parser=SpacyParser(nlp))  # nonsense values, but they run


def test_a_missing_pipeline_names_the_download() -> None:
    parser = SpacyParser("nl_no_such_pipeline")
    with pytest.raises(BackendError, match="python -m spacy download nl_core_news_sm") as error:
        parser.parse("Hij kwam.")
    assert "timeline-nl[spacy]" in str(error.value) and "nl_no_such_pipeline" in str(error.value)
    with pytest.raises(BackendError, match="python -m spacy download nl_core_news_sm"):
        timeline.analyze("Hij kwam gisteren.", DCT, parser="spacy")


def test_get_parser_knows_spacy() -> None:
    parser = get_parser("spacy", model_dir="some_pipeline")
    assert isinstance(parser, SpacyParser) and parser.name == "some_pipeline"
    assert get_parser("spacy").name == "nl_core_news_sm"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="model folder is for the stanza parser"):
        get_parser("builtin", model_dir="x")


# --- the same timeline as the backend the Doc's parse came from ------------------------------------------
#
# spaCy ties a sentence to its tree (a Doc's sentences are where its trees are), so a
# Doc is built from another backend's sentences with one tree per sentence:
# - from the built-in parser, which gives no tree but clauses and separable verbs,
#   the tree says just that and no more: a word of each clause that is no event
#   (the first one) heads it and governs its other words, a particle hangs on its
#   verb as compound:prt, and the head of each other clause hangs on the main
#   clause's head as parataxis (a clause of its own). So the sentences read back are
#   the built-in parser's (same clauses, lemmas, particles), and no event governs a
#   time in the tree (which would claim syntax the built-in parser never saw): an
#   event's time is the nearest in its clause, with either backend;
# - from stanza, the words as its pipeline tagged and parsed them (before the
#   stanza backend reads them), as a spaCy pipeline of the same model would give them.


def _clause_tree(sentence: Sentence, events: set[int]) -> list[tuple[int | None, str]] | None:
    """A head (in the sentence) and a relation per token, from the built-in parser's clauses,
    with no word of ``events`` heading a clause; None where the main clause has only such
    words and the sentence more clauses (a head that is an event would govern their times)."""
    particle_of = {p: verb for verb, p in enumerate(sentence.particles) if p is not None}
    head_of: dict[int, int] = {}
    for clause in sorted(set(sentence.clauses)):
        words = [k for k, c in enumerate(sentence.clauses) if c == clause and k not in particle_of]
        quiet = [k for k in words if k not in events]
        head_of[clause] = (quiet or words or [sentence.clauses.index(clause)])[0]
    main = head_of[min(head_of)]
    if len(head_of) > 1 and main in events:
        return None
    tree: list[tuple[int | None, str]] = []
    for k, clause in enumerate(sentence.clauses):
        if k == main:
            tree.append((None, "ROOT"))
        elif k in particle_of:
            tree.append((particle_of[k], "compound:prt"))
        elif k == head_of[clause]:
            tree.append((main, "parataxis"))
        else:
            tree.append((head_of[clause], "dep"))
    return tree


def _morph(feats: Any) -> str:
    return "|".join(f"{name}={value}" for name, value in sorted(feats.items()))


def builtin_doc(text: str) -> tuple[Doc, tuple[Sentence, ...]] | None:
    """A Doc of the built-in parser's analysis of ``text``, and that analysis (None: see
    :func:`_clause_tree`)."""
    sentences = get_parser("builtin").parse(text)
    events = {e.span.start for e in timeline.analyze(text, DCT, parser="builtin").events}
    tokens: list[Placed] = []
    for s in sentences:
        base = len(tokens)
        tree = _clause_tree(s, {k for k, start in enumerate(s.starts) if start in events})
        if tree is None:
            return None
        for k, (head, dep) in enumerate(tree):
            tokens.append((s.starts[k], s.ends[k], s.lemmas[k], s.upos[k], _morph(s.feats[k]),
                           None if head is None else base + head, dep))
    return assemble(text, tokens), sentences


def columns(sentence: Sentence) -> tuple[Any, ...]:
    """What the library reads of a sentence, features included (Sentence equality leaves them out)."""
    return (sentence.index, sentence.start, sentence.end, sentence.texts, sentence.starts, sentence.ends,
            sentence.lemmas, sentence.upos, [dict(f) for f in sentence.feats], sentence.particles, sentence.clauses)


def same_timeline(text: str, dct: str | None, mine: Parser, theirs: Parser | str) -> None:
    """The same events (anchors, classes, DCT relations), time expressions and links, whole."""
    assert document_to_dict(timeline.analyze(text, dct, parser=mine)) == \
        document_to_dict(timeline.analyze(text, dct, parser=theirs))


def _examples() -> list[tuple[str, str | None]]:
    texts: list[tuple[str, str | None]] = [(path.read_text(encoding="utf-8"), None)
                                           for path in sorted(EXAMPLES.glob("*.txt"))]
    with (EXAMPLES / "corpus.jsonl").open(encoding="utf-8") as lines:
        texts += [(d["text"], d.get("dct")) for d in map(json.loads, lines)]
    return texts


@pytest.mark.parametrize(("text", "dct"), _examples())
def test_a_doc_of_the_builtin_parse_gives_the_builtin_timeline(text: str, dct: str | None) -> None:
    built = builtin_doc(text)
    assert built is not None
    doc, sentences = built
    assert list(map(columns, doc_sentences(doc))) == list(map(columns, sentences))
    same_timeline(text, dct, DocParser(doc), "builtin")


SUBJECTS = ["Het kabinet", "De minister", "Hij", "De gemeente", "Wethouder Van Dijk", "Zij", "De school"]
TIMES = ["donderdag", "gisteren", "op 3 februari", "vorige week", "morgen", "in 2016", "volgende maand",
         "om 15.00 uur", "sinds maart", "twee dagen later", ""]
CLAUSES = ["{s} besloot {t} de weg af te sluiten.", "{s} heeft {t} een besluit genomen.",
           "{s} legde {t} een boete op.", "{s} zei {t} dat {s2} {t2} vertrekt.", "{s} maakte het plan {t} bekend.",
           "{s} gaat {t} naar Rome.", "Volgens {s} is het {t} gebeurd.", "De weg wordt {t} gesloten.",
           "Toen {s2} {t2} belde, was {s} al weg.", "{s} zal {t} beslissen of {s2} {t2} mag blijven.",
           '"We komen {t} terug," zei {s}.', "Annexatie Krim", "{s} kondigde {t} aan dat {s2} stopt."]
SEPARATORS = [" ", " ", "\n", "\n\n", "  ", "\n \n"]


@st.composite
def dutchish(draw: st.DrawFn) -> str:
    """A short Dutch news text: sentences of subjects, verbs and times, some clauses, some headlines."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        template = draw(st.sampled_from(CLAUSES))
        sentence = template.format(s=draw(st.sampled_from(SUBJECTS)), t=draw(st.sampled_from(TIMES)),
                                   s2=draw(st.sampled_from(SUBJECTS)).lower(), t2=draw(st.sampled_from(TIMES)))
        parts += [" ".join(sentence.split()), draw(st.sampled_from(SEPARATORS))]
    return "".join(parts)


@settings(max_examples=60)
@given(dutchish(), dcts)
def test_a_doc_of_the_builtin_parse_gives_the_builtin_timeline_on_any_text(text: str, dct: date) -> None:
    built = builtin_doc(text)
    assume(built is not None)
    assert built is not None
    doc, sentences = built
    assert list(map(columns, doc_sentences(doc))) == list(map(columns, sentences))
    same_timeline(text, dct.isoformat(), DocParser(doc), "builtin")


STANZA_MODEL = os.environ.get("TIMELINE_STANZA_MODEL_DIR")
with_stanza = pytest.mark.skipif(not STANZA_MODEL or importlib.util.find_spec("stanza") is None,
                                 reason="needs stanza and TIMELINE_STANZA_MODEL_DIR (a stanza Dutch model folder)")


@pytest.fixture(scope="module")
def stanza_parser() -> Any:
    from timeline.parse.stanza import StanzaParser

    parser = StanzaParser(model_dir=STANZA_MODEL)
    _ = parser.pipeline  # loaded once for the module
    return parser


def stanza_doc(text: str, parser: Any) -> Doc | None:
    """A Doc of the words stanza's pipeline tagged and parsed in ``text`` (None for a text with a
    multi-word token, whose words share their token's characters, which a Doc cannot hold)."""
    tokens: list[Placed] = []
    for sentence in parser.pipeline(text).sentences:
        base = len(tokens)
        for token in sentence.tokens:
            if len(token.words) != 1:
                return None
            (word,) = token.words
            tokens.append((token.start_char, token.end_char, word.lemma or "", word.upos or "", word.feats or "",
                           base + word.head - 1 if word.head else None, "ROOT" if word.head == 0 else word.deprel))
    return assemble(text, tokens)


def _same_as_stanza(text: str, doc: Doc, dct: str | None, parser: Any) -> None:
    assert list(map(columns, doc_sentences(doc))) == list(map(columns, parser.parse(text)))
    assert [(s.heads, s.deprels) for s in doc_sentences(doc)] == [(s.heads, s.deprels) for s in parser.parse(text)]
    same_timeline(text, dct, DocParser(doc), parser)


@with_stanza
@pytest.mark.parametrize(("text", "dct"), _examples())
def test_a_doc_of_stanzas_parse_gives_stanzas_timeline(text: str, dct: str | None, stanza_parser: Any) -> None:
    doc = stanza_doc(text, stanza_parser)
    assert doc is not None
    _same_as_stanza(text, doc, dct, stanza_parser)


@with_stanza
@settings(max_examples=25)
@given(text=dutchish(), dct=dcts)
def test_a_doc_of_stanzas_parse_gives_stanzas_timeline_on_any_text(text: str, dct: date,
                                                                   stanza_parser: Any) -> None:
    doc = stanza_doc(text, stanza_parser)
    assume(doc is not None)
    assert doc is not None
    _same_as_stanza(text, doc, dct.isoformat(), stanza_parser)


# --- the command line, and what importing costs ------------------------------------------------------

def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True, text=True,
                          check=False)


def test_the_command_line_runs_a_spacy_pipeline_from_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "blank_nl"
    spacy.blank("nl").to_disk(folder)
    article = EXAMPLES / "artikel.txt"
    mine = cli("analyze", str(article), "--parser", "spacy", "--model-dir", str(folder), "--format", "json")
    theirs = cli("analyze", str(article), "--format", "json")
    assert mine.returncode == 0, mine.stderr
    assert json.loads(mine.stdout) == json.loads(theirs.stdout)  # a blank pipeline: the built-in parse
    corpus = str(EXAMPLES / "corpus.jsonl")
    mine = cli("analyze", corpus, "--jsonl", "--parser", "spacy", "--model-dir", str(folder), "--workers", "2")
    assert mine.returncode == 0, mine.stderr
    assert mine.stdout == cli("analyze", corpus, "--jsonl").stdout


def test_the_command_line_names_the_download_of_a_missing_pipeline() -> None:
    proc = cli("analyze", "-", "--dct", DCT, "--parser", "spacy", stdin="Hij kwam gisteren.\n")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "python -m spacy download nl_core_news_sm" in proc.stderr and "--model-dir" in proc.stderr
    proc = cli("analyze", "-", "--dct", DCT, "--parser", "frog", "--model-dir", "x", stdin="Hij kwam.\n")
    assert proc.returncode == 2 and "--parser spacy" in proc.stderr


def test_importing_the_backend_imports_no_spacy() -> None:
    code = ("import sys, timeline; from timeline.parse.spacy import SpacyParser; "
            "from timeline.parse.backends import get_parser; get_parser('spacy'); SpacyParser('x'); "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
