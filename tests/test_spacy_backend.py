"""The spaCy backend: a spaCy Doc's own parse turned into sentences, and spaCy pipelines as parsers.

No Dutch spaCy model is needed: the Docs are built by hand (words, parts of
speech, morphology, lemmas, heads and relations), or by a blank pipeline, or
by one with components initialized with random weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

spacy = pytest.importorskip("spacy", reason="needs the spacy extra: pip install 'timeline-nl[spacy]' "
                            "(from a checkout: pip install '.[spacy]')")

from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

import timeline  # noqa: E402
from timeline.parse import BackendError, Parser, Sentence  # noqa: E402
from timeline.parse.backends import get_parser  # noqa: E402
from timeline.parse.spacy import DocParser, SpacyParser, doc_sentences, has_parse  # noqa: E402

DCT = "2017-02-02"  # a Thursday
NLP = spacy.blank("nl")


# A row per token: (text, lemma, pos, morph, head, dep); head counts from 0 in the Doc, None for the root.
Row = tuple[str, str, str, str, int | None, str]


def build(text: str, rows: Sequence[Row], *, parse: bool = True) -> Doc:
    """A Doc of ``text`` whose tokens are ``rows`` (found in order in the text); the white space
    between them becomes spaCy's: a trailing space, or a SPACE token of its own attached to the
    token before it (to the one after at the start of the text)."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    cursor = 0
    index: dict[int, int] = {}  # row -> token

    def space(gap: str, at: int) -> None:
        words.append(gap)
        spaces.append(False)
        pos.append("SPACE")
        morphs.append("")
        lemmas.append(gap)
        heads.append(at)
        deps.append("dep")

    for k, (form, lemma, upos, morph, _, _) in enumerate(rows):
        start = text.index(form, cursor)
        gap = text[cursor:start]
        if words and gap.startswith(" ") and not spaces[-1]:
            spaces[-1], gap = True, gap[1:]
        if gap:
            space(gap, len(words) - 1 if words else len(words) + 1)
        index[k] = len(words)
        words.append(form)
        spaces.append(False)
        pos.append(upos)
        morphs.append(morph)
        lemmas.append(lemma)
        heads.append(-1)
        deps.append("")
        cursor = start + len(form)
    if cursor < len(text):
        gap = text[cursor:]
        if gap.startswith(" ") and not spaces[-1]:
            spaces[-1], gap = True, gap[1:]
        if gap:
            space(gap, len(words) - 1)
    for k, (_, _, _, _, head, dep) in enumerate(rows):
        heads[index[k]] = index[k] if head is None else index[head]
        deps[index[k]] = dep
    doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
              **({"heads": heads, "deps": deps} if parse else {}))
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
    assert sentences == doc_sentences(doc)
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
