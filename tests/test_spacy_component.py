"""The spaCy pipeline component: nlp.add_pipe("timeline") on blank pipelines and hand-made Docs.

No Dutch spaCy model is needed: pipelines are ``spacy.blank("nl")``, and a parsed
Doc is built by hand (words, parts of speech, morphology, lemmas, heads, relations).
"""

from __future__ import annotations

import tomllib
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest

spacy = pytest.importorskip("spacy", reason="needs the spacy extra: pip install 'timeline-nl[spacy]' "
                            "(from a checkout: pip install '.[spacy]')")

from spacy.tokens import Doc, DocBin, Span  # noqa: E402

import timeline  # noqa: E402
from timeline.dct import DctError  # noqa: E402
from timeline.parse.spacy import DocParser  # noqa: E402
from timeline.run.spacy import TimelineAlignmentWarning, TimelineEntityWarning  # noqa: E402

DCT = "2017-02-02"
TEXT = "Spicer zei donderdag dat het kabinet vrijdag beslist."
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))]


def pipeline(**config: Any) -> Any:
    nlp = spacy.blank("nl")
    nlp.add_pipe("timeline", config=config)
    return nlp


# TEXT parsed by hand as a real pipeline would: (word, lemma, pos, morph, head, dep).
PARSE = [("Spicer", "Spicer", "PROPN", "", 1, "nsubj"),
         ("zei", "zeggen", "VERB", "Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin", 1, "ROOT"),
         ("donderdag", "donderdag", "NOUN", "Number=Sing", 1, "obl"),
         ("dat", "dat", "SCONJ", "", 7, "mark"),
         ("het", "het", "DET", "Definite=Def", 5, "det"),
         ("kabinet", "kabinet", "NOUN", "Number=Sing", 7, "nsubj"),
         ("vrijdag", "vrijdag", "NOUN", "Number=Sing", 7, "obl"),
         ("beslist", "beslissen", "VERB", "Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin", 1, "ccomp"),
         (".", ".", "PUNCT", "", 1, "punct")]


def parsed(nlp: Any, rows: list[tuple[str, str, str, str, int, str]] = PARSE) -> Doc:
    words = [r[0] for r in rows]
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
               lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], morphs=[r[3] for r in rows],
               heads=[r[4] for r in rows], deps=[r[5] for r in rows])


def test_the_component_attaches_what_analyze_gives() -> None:
    doc = pipeline(dct=DCT)(TEXT)
    expected = timeline.analyze(TEXT, dct=DCT)
    assert doc._.timeline == expected
    assert [(s.text, s.label_, s._.timex.value) for s in doc.spans["timexes"]] == [
        ("donderdag", "DATE", "2017-02-02"), ("vrijdag", "DATE", "2017-02-03")]
    assert [(s.text, s.label_, s._.event.anchor) for s in doc.spans["events"]] == [
        ("zei", "REPORTING", "2017-02-02"), ("beslist", "I_ACTION", "2017-02-03")]
    said = doc.spans["events"][0]._.event
    assert said == expected.events[0] and said.timex is doc.spans["timexes"][0]._.timex
    assert said.dct_relation.value == "BEFORE" and said.interval is not None
    assert doc._.dct == DCT and doc._.timeline_misaligned == 0 and not doc.ents


def test_spans_of_other_groups_have_no_timeline_objects() -> None:
    doc = pipeline(dct=DCT)(TEXT)
    assert doc[0:1]._.timex is None and doc[0:1]._.event is None
    assert doc.spans["events"][0]._.timex is None


def test_the_articles_through_the_component_equal_analyze() -> None:
    nlp = pipeline(dct=DCT, parser="builtin")
    for text, doc in zip(ARTICLES, nlp.pipe(ARTICLES), strict=True):
        expected = timeline.analyze(text)  # the articles have datelines, which come before the config's dct
        assert expected.dct_source.value == "dateline"
        assert doc._.timeline == expected
        assert [s._.timex for s in doc.spans["timexes"]] == list(expected.timexes)
        assert [s._.event for s in doc.spans["events"]] == list(expected.events)


def test_the_dct_comes_from_the_doc_then_the_dateline_then_the_config() -> None:
    nlp = pipeline(dct="2020-01-01")
    dateline = "Gepubliceerd op 3 februari 2017\nHij zei donderdag dat hij komt."
    assert nlp(dateline)._.timeline.dct == date(2017, 2, 3)
    assert nlp(dateline)._.dct == "2017-02-03"
    assert nlp("Hij kwam gisteren.")._.timeline.dct == date(2020, 1, 1)
    for own in (date(2015, 6, 1), "2015-06-01", "1 juni 2015"):
        doc = nlp.make_doc(dateline)
        doc._.dct = own
        doc = nlp(doc)
        assert doc._.timeline.dct == date(2015, 6, 1) and doc._.dct == "2015-06-01"
        assert doc._.timeline.dct_source.value == "argument"


def test_a_doc_without_a_dct_is_an_error() -> None:
    with pytest.raises(DctError, match=r"no DCT for this Doc.*doc\._\.dct"):
        pipeline()("Hij kwam gisteren.")
    doc = spacy.blank("nl").make_doc("Hij kwam gisteren.")
    doc._.dct = "gisteren"
    with pytest.raises(DctError, match=r"doc\._\.dct"):
        pipeline(dct=DCT)(doc)
    doc._.dct = 20170202
    with pytest.raises(DctError, match=r"doc\._\.dct must be a date"):
        pipeline(dct=DCT)(doc)


def test_entities_are_added_only_when_asked_and_never_overwrite() -> None:
    assert pipeline(dct=DCT)(TEXT).ents == ()
    nlp = pipeline(dct=DCT, entities=True)
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [("donderdag", "DATE"), ("vrijdag", "DATE")]
    assert doc.ents[0]._.timex.value == "2017-02-02" and doc._.timeline_clashes == 0
    doc = nlp.make_doc(TEXT)
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 5, 7, label="ORG")]  # "kabinet vrijdag"
    with pytest.warns(TimelineEntityWarning, match="1 time expression"):
        doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Spicer", "PERSON"), ("donderdag", "DATE"),
                                                      ("kabinet vrijdag", "ORG")]
    assert doc._.timeline_clashes == 1
    assert len(doc.spans["timexes"]) == 2  # the span group keeps every expression


def test_spans_inside_tokens_are_widened_and_reported() -> None:
    nlp = pipeline(dct=DCT, entities=True)
    words = ["Hij", "zei", "donderdag,", "dat", "hij", "3-4", "maart", "komt", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 7 + [False, False])
    with pytest.warns(TimelineAlignmentWarning, match="3 span"), pytest.warns(TimelineEntityWarning):
        doc = nlp(doc)
    assert doc._.timeline_misaligned == 3
    assert [(s.text, s._.timex.text) for s in doc.spans["timexes"]] == [
        ("donderdag,", "donderdag"), ("3-4", "3"), ("3-4 maart", "4 maart")]
    assert doc._.timeline.timexes == timeline.analyze(doc.text, dct=DCT).timexes
    assert [e.text for e in doc.ents] == ["donderdag,", "3-4"] and doc._.timeline_clashes == 1


def test_aligned_spans_raise_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pipeline(dct=DCT)(TEXT)._.timeline_misaligned == 0


def test_parser_modes_read_the_docs_parse_or_parse_again() -> None:
    blank = spacy.blank("nl")
    with_parse = timeline.analyze(TEXT, dct=DCT, parser=DocParser(parsed(blank)))
    builtin = timeline.analyze(TEXT, dct=DCT)
    assert pipeline(dct=DCT)(parsed(blank))._.timeline == with_parse
    assert pipeline(dct=DCT, parser="doc")(parsed(blank))._.timeline == with_parse
    assert pipeline(dct=DCT, parser="builtin")(parsed(blank))._.timeline == builtin
    assert pipeline(dct=DCT)(TEXT)._.timeline == builtin  # auto, and no parse: the built-in parser
    with pytest.raises(ValueError, match="parser='doc'.*no POS tags"):
        pipeline(dct=DCT, parser="doc")(TEXT)


def test_the_docs_own_parse_decides_the_events() -> None:
    """A parse that makes ``beslist`` a noun without a clause: the component reads it, not its own."""
    rows = [r if r[0] != "beslist" else ("beslist", "beslist", "ADJ", "", 1, "amod") for r in PARSE]
    doc = pipeline(dct=DCT, parser="doc")(parsed(spacy.blank("nl"), rows))
    assert "beslist" not in [s.text for s in doc.spans["events"]]
    builtin = pipeline(dct=DCT, parser="builtin")(TEXT)
    assert "beslist" in [s.text for s in builtin.spans["events"]]


def test_user_anchors_and_span_group_names() -> None:
    nlp = pipeline(dct=DCT, anchors={"inauguratie": "2017-01-20"}, timexes_key="tijden", events_key="gebeurtenissen")
    doc = nlp("Een week voor zijn inauguratie sprak hij met de pers.")
    assert doc._.timeline == timeline.analyze(doc.text, dct=DCT, anchors={"inauguratie": "2017-01-20"})
    assert [s._.timex.value for s in doc.spans["tijden"]] == ["2017-01-13"]
    assert "timexes" not in doc.spans and [s.text for s in doc.spans["gebeurtenissen"]]


@pytest.mark.parametrize(("config", "error", "words"), [
    ({"parser": "stanza"}, ValueError, "unknown parser 'stanza'"),
    ({"dct": "gisteren"}, DctError, "the config's dct"),
    ({"anchors": {" ": "2017-01-20"}}, ValueError, "anchor"),
    ({"anchors": {"inauguratie": "ooit"}}, ValueError, "ooit"),
    ({"language": "xx"}, ValueError, "xx"),
    ({"timexes_key": "x", "events_key": "x"}, ValueError, "must differ"),
    ({"timexes_key": ""}, ValueError, "timexes_key"),
])
def test_a_bad_config_fails_at_add_pipe(config: dict[str, Any], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        pipeline(**config)


def test_the_component_takes_docs_only() -> None:
    with pytest.raises(TypeError, match=r"takes a spaCy Doc, not str.*nlp\(text\)"):
        pipeline(dct=DCT).get_pipe("timeline")(TEXT)


def test_a_mistyped_config_is_refused_by_spacy() -> None:
    with pytest.raises(Exception, match="entities"):
        pipeline(entities=[1])


def test_a_docbin_round_trip_keeps_spans_and_extensions() -> None:
    nlp = pipeline(dct=DCT, entities=True)
    docs = list(nlp.pipe([TEXT, *ARTICLES]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    fresh = spacy.blank("nl")  # a vocab that never saw the strings
    again = list(DocBin().from_bytes(data).get_docs(fresh.vocab))
    for doc, back in zip(docs, again, strict=True):
        assert back._.timeline == doc._.timeline
        assert back._.dct == doc._.dct and back._.timeline_misaligned == doc._.timeline_misaligned
        for key, attr in (("timexes", "timex"), ("events", "event")):
            assert [(s.start, s.end, s.label_) for s in back.spans[key]] == [
                (s.start, s.end, s.label_) for s in doc.spans[key]]
            assert [getattr(s._, attr) for s in back.spans[key]] == [getattr(s._, attr) for s in doc.spans[key]]
        assert [(e.text, e.label_, e._.timex) for e in back.ents] == [(e.text, e.label_, e._.timex) for e in doc.ents]


def test_the_rebuilt_document_is_built_once_per_doc() -> None:
    doc = pipeline(dct=DCT)(TEXT)
    again = next(iter(DocBin().from_bytes(DocBin(docs=[doc], store_user_data=True).to_bytes())
                      .get_docs(doc.vocab)))
    assert again._.timeline is again._.timeline == doc._.timeline


def test_n_process_gives_what_one_process_gives() -> None:
    nlp = pipeline(dct=DCT, entities=True)
    texts = [TEXT, *ARTICLES] * 3
    one = list(nlp.pipe(texts))
    two = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.timeline for d in two] == [d._.timeline for d in one]
    assert [[(s.text, s._.timex) for s in d.spans["timexes"]] for d in two] == [
        [(s.text, s._.timex) for s in d.spans["timexes"]] for d in one]


def test_a_saved_pipeline_loads_with_its_config(tmp_path: Path) -> None:
    pipeline(dct=DCT, entities=True, anchors={"inauguratie": "2017-01-20"}).to_disk(tmp_path / "nlp")
    nlp = spacy.load(tmp_path / "nlp")
    assert nlp.pipe_names == ["timeline"]
    assert nlp.get_pipe_config("timeline")["anchors"] == {"inauguratie": "2017-01-20"}
    assert [e.label_ for e in nlp(TEXT).ents] == ["DATE", "DATE"]


def test_the_factory_is_declared_as_an_entry_point() -> None:
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["entry-points"]["spacy_factories"]["timeline"]
    module, _, name = target.partition(":")
    assert module == "timeline.run.spacy" and name == "make_timeline"
    assert "spacy" in project["project"]["optional-dependencies"]
