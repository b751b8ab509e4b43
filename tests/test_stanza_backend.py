"""The stanza backend: real stanza Documents (read from CoNLL-U written here) turned into sentences.

The unit tests inject documents, so they need stanza but no model. The
integration tests at the end run a real stanza pipeline on the model folder
in the environment variable TIMELINE_STANZA_MODEL_DIR, and are skipped
without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")

from stanza.utils.conll import CoNLL  # noqa: E402

import timeline  # noqa: E402
from timeline.parse import (  # noqa: E402
    BackendError,  # noqa: E402
    Parser,
    Sentence,
)
from timeline.parse.stanza import MODEL_DIR_VARIABLE, StanzaParser, sentences_of  # noqa: E402
from timeline.time.intent import Tense  # noqa: E402

DCT = "2017-02-02"


def conllu(text: str, *sentences: str, offsets: bool = True) -> str:
    """CoNLL-U for consecutive sentences of ``text``.

    Each sentence is a block of lines ``form lemma upos feats head deprel``;
    the offsets written in MISC (``start_char=..|end_char=..``, which stanza
    reads into its tokens) are where the forms are found in ``text``.
    """
    out = []
    cursor = 0
    for block in sentences:
        lines = []
        first = last = cursor
        for number, line in enumerate(block.strip().splitlines(), 1):
            form, lemma, upos, feats, head, deprel = line.split()
            start = text.index(form, cursor)
            cursor = end = start + len(form)
            first = start if number == 1 else first
            last = end
            misc = f"start_char={start}|end_char={end}" if offsets else "_"
            lines.append("\t".join([str(number), form, lemma, upos, "_", feats, head, deprel, "_", misc]))
        out.append(f"# text = {text[first:last]}\n" + "\n".join(lines) + "\n")
    return "\n".join(out) + "\n"


def document(text: str, *sentences: str, offsets: bool = True) -> Any:
    return CoNLL.conll2doc(input_str=conllu(text, *sentences, offsets=offsets))


def injected(doc: Any) -> StanzaParser:
    return StanzaParser(pipeline=lambda text: doc)


SAID = "Hij zei donderdag dat de minister vrijdag vertrekt."
SAID_TREE = """
Hij hij PRON Case=Nom|Person=3|PronType=Prs 2 nsubj
zei zeggen VERB Number=Sing|Tense=Past|VerbForm=Fin 0 root
donderdag donderdag NOUN Gender=Com|Number=Sing 2 obl
dat dat SCONJ _ 8 mark
de de DET Definite=Def 6 det
minister minister NOUN Number=Sing 8 nsubj
vrijdag vrijdag NOUN Number=Sing 8 obl
vertrekt vertrekken VERB Number=Sing|Tense=Pres|VerbForm=Fin 2 ccomp
. . PUNCT _ 2 punct
"""

IMPOSED = "Het kabinet beslist vrijdag. Hij legde de sancties op."
IMPOSED_TREES = ("""
Het het DET Definite=Def 2 det
kabinet kabinet NOUN Gender=Neut|Number=Sing 3 nsubj
beslist beslissen VERB Number=Sing|Tense=Pres|VerbForm=Fin 0 root
vrijdag vrijdag NOUN Number=Sing 3 obl
. . PUNCT _ 3 punct
""", """
Hij hij PRON Case=Nom|Person=3|PronType=Prs 2 nsubj
legde leggen VERB Number=Sing|Tense=Past|VerbForm=Fin 0 root
de de DET Definite=Def 4 det
sancties sanctie NOUN Number=Plur 2 obj
op op ADP _ 2 compound:prt
. . PUNCT _ 2 punct
""")


# --- the adapter --------------------------------------------------------------------


def test_tokens_carry_stanzas_analysis_and_document_offsets() -> None:
    sentences = injected(document(IMPOSED, *IMPOSED_TREES)).parse(IMPOSED)
    assert [s.index for s in sentences] == [0, 1]
    assert [(s.start, s.end) for s in sentences] == [(0, 28), (29, len(IMPOSED))]
    for sentence in sentences:
        assert sentence.has_tree
        assert [t.index for t in sentence.tokens] == list(range(len(sentence.tokens)))
        for tok in sentence.tokens:
            assert IMPOSED[tok.start:tok.end] == tok.text
    first = sentences[0].tokens
    assert [t.text for t in first] == ["Het", "kabinet", "beslist", "vrijdag", "."]
    assert [t.upos for t in first] == ["DET", "NOUN", "VERB", "NOUN", "PUNCT"]
    assert [t.head for t in first] == [1, 2, None, 2, 2]  # 0-based within the sentence; the root has none
    assert [t.deprel for t in first] == ["det", "nsubj", "root", "obl", "punct"]
    verb = first[2]
    assert verb.lemma == "beslissen"
    assert dict(verb.feats) == {"Number": "Sing", "Tense": "Pres", "VerbForm": "Fin"}
    assert verb.feat("VerbForm") == "Fin" and verb.feat("Mood") is None
    assert first[4].feats == {}
    assert sentences[1].tokens[0].start == 29


def test_a_base_offset_moves_every_span() -> None:
    doc = document(IMPOSED, *IMPOSED_TREES)
    plain, moved = sentences_of(doc), sentences_of(doc, offset=100)
    assert [(s.start + 100, s.end + 100) for s in plain] == [(s.start, s.end) for s in moved]
    assert [(t.start + 100, t.end + 100) for t in plain[1].tokens] == [(t.start, t.end) for t in moved[1].tokens]


def test_tokens_without_offsets_are_found_in_the_documents_text() -> None:
    doc = document(IMPOSED, *IMPOSED_TREES, offsets=False)
    doc.text = IMPOSED
    sentences = sentences_of(doc)
    assert all(IMPOSED[t.start:t.end] == t.text for s in sentences for t in s.tokens)
    assert sentences[1].tokens[0].start == 29
    doc.text = None
    with pytest.raises(ValueError, match="no character offsets"):
        sentences_of(doc)


def test_words_of_a_multiword_token_share_its_span() -> None:
    # Constructed: Dutch treebanks split no tokens, but a stanza model may. "zo'n" is split
    # into words stanza gives their own offsets (they spell the token), "dacht'ie" into words
    # with none (the lemma-like form "hij" is not in the token), which get the token's span.
    text = "Zo'n man dacht'ie."
    conll = "\n".join([
        f"# text = {text}",
        "1-2\tZo'n\t_\t_\t_\t_\t_\t_\t_\tstart_char=0|end_char=4",
        "1\tZo\tzo\tADV\t_\t_\t3\tadvmod\t_\tstart_char=0|end_char=2",
        "2\t'n\teen\tDET\t_\t_\t3\tdet\t_\tstart_char=2|end_char=4",
        "3\tman\tman\tNOUN\t_\tNumber=Sing\t4\tnsubj\t_\tstart_char=5|end_char=8",
        "4-5\tdacht'ie\t_\t_\t_\t_\t_\t_\t_\tstart_char=9|end_char=17",
        "4\tdacht\tdenken\tVERB\t_\tTense=Past|VerbForm=Fin\t0\troot\t_\t_",
        "5\thij\thij\tPRON\t_\t_\t4\tnsubj\t_\t_",
        "6\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\tstart_char=17|end_char=18",
        "", ""])
    doc = CoNLL.conll2doc(input_str=conll)
    assert len(doc.sentences[0].tokens) == 4 and len(doc.sentences[0].words) == 6
    (sentence,) = injected(doc).parse(text)
    toks = sentence.tokens
    assert [t.text for t in toks] == ["Zo", "'n", "man", "dacht", "hij", "."]
    assert [(t.start, t.end) for t in toks] == [(0, 2), (2, 4), (5, 8), (9, 17), (9, 17), (17, 18)]
    assert [t.head for t in toks] == [2, 2, 3, None, 3, 3]  # heads count words, not tokens
    assert toks[3].feat("Tense") == "Past" and toks[4].lemma == "hij"
    assert (sentence.start, sentence.end) == (0, len(text))


def test_a_separated_particle_joins_its_verbs_lemma() -> None:
    sentence = injected(document(IMPOSED, *IMPOSED_TREES)).parse(IMPOSED)[1]
    verb, particle = sentence.tokens[1], sentence.tokens[4]
    assert (verb.text, verb.lemma, verb.particle) == ("legde", "opleggen", 4)
    assert (particle.text, particle.lemma, particle.particle) == ("op", "op", None)
    assert all(t.particle is None for t in sentence.tokens if t is not verb)


@pytest.mark.parametrize("lemma", ["opleggen", "op_leggen", "neer_leggen"])
def test_a_lemma_that_has_a_particle_already_gets_the_one_in_the_sentence_once(lemma: str) -> None:
    text = "Hij legde het op."
    doc = document(text, f"""
Hij hij PRON _ 2 nsubj
legde {lemma} VERB Tense=Past|VerbForm=Fin 0 root
het het PRON _ 2 obj
op op ADP _ 2 compound:prt
. . PUNCT _ 2 punct
""")
    assert injected(doc).parse(text)[0].tokens[1].lemma == "opleggen"


def test_an_alpino_style_verb_lemma_is_joined_and_lower_case() -> None:
    text = "Toen hij het oplegde."
    doc = document(text, """
Toen toen SCONJ _ 4 mark
hij hij PRON _ 4 nsubj
het het PRON _ 4 obj
oplegde Op_leggen VERB Tense=Past|VerbForm=Fin 0 root
. . PUNCT _ 4 punct
""")
    assert injected(doc).parse(text)[0].tokens[3].lemma == "opleggen"


def test_auxiliaries_and_copulas_are_aux_whatever_the_tagger_said() -> None:
    text = "Hij heeft gezegd dat het museum gesloten wordt en dat het plan goed is."
    doc = document(text, """
Hij hij PRON _ 3 nsubj
heeft hebben VERB Number=Sing|Tense=Pres|VerbForm=Fin 3 aux
gezegd zeggen VERB VerbForm=Part 0 root
dat dat SCONJ _ 7 mark
het het DET _ 6 det
museum museum NOUN _ 7 nsubj:pass
gesloten sluiten VERB VerbForm=Part 3 ccomp
wordt worden VERB Number=Sing|Tense=Pres|VerbForm=Fin 7 aux:pass
en en CCONJ _ 13 cc
dat dat SCONJ _ 13 mark
het het DET _ 12 det
plan plan NOUN _ 13 nsubj
goed goed ADJ _ 7 conj
is zijn AUX Number=Sing|Tense=Pres|VerbForm=Fin 13 cop
. . PUNCT _ 3 punct
""")
    toks = injected(doc).parse(text)[0].tokens
    upos = {t.text: t.upos for t in toks}
    assert (upos["heeft"], upos["gezegd"], upos["wordt"], upos["gesloten"], upos["is"]) == \
        ("AUX", "VERB", "AUX", "VERB", "AUX")
    assert toks[1].feat("VerbForm") == "Fin"  # features stay: the event layer reads the tense from them
    # "goed is" is a clause of its own (a conj with its own subject and copula), after "gesloten wordt".
    assert [t.clause for t in toks] == [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 0]
    events = timeline.analyze(text, dct=DCT, parser=injected(doc)).events
    assert sorted(e.text for e in events) == ["gesloten", "gezegd", "is"]


def test_clauses_follow_the_tree() -> None:
    sentence = injected(document(SAID, SAID_TREE)).parse(SAID)[0]
    assert [t.clause for t in sentence.tokens] == [0, 0, 0, 1, 1, 1, 1, 1, 0]


def test_clauses_are_numbered_in_order_of_appearance_and_a_conj_opens_one_only_as_a_clause() -> None:
    # "Toen ..." comes first and is numbered 1; the relative clause 2; the coordinated verb 3.
    # "maandag en dinsdag" is a conj of a word that heads no clause: no clause of its own.
    text = "Toen hij kwam, vertrok de man die bleef maandag en dinsdag en sliep zij."
    doc = document(text, """
Toen toen SCONJ _ 3 mark
hij hij PRON _ 3 nsubj
kwam komen VERB Tense=Past|VerbForm=Fin 5 advcl
, , PUNCT _ 3 punct
vertrok vertrekken VERB Tense=Past|VerbForm=Fin 0 root
de de DET _ 7 det
man man NOUN _ 5 nsubj
die die PRON _ 9 nsubj
bleef blijven VERB Tense=Past|VerbForm=Fin 7 acl:relcl
maandag maandag NOUN _ 9 obl
en en CCONJ _ 12 cc
dinsdag dinsdag NOUN _ 10 conj
en en CCONJ _ 14 cc
sliep slapen VERB Tense=Past|VerbForm=Fin 5 conj
zij zij PRON _ 14 nsubj
. . PUNCT _ 5 punct
""")
    toks = injected(doc).parse(text)[0].tokens
    assert [t.clause for t in toks] == [1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 2, 2, 3, 3, 3, 0]


def test_a_document_without_a_tree_is_one_clause_per_sentence() -> None:
    text = "Hij kwam en zij ging."
    doc = document(text, """
Hij hij PRON _ _ _
kwam komen VERB Tense=Past|VerbForm=Fin _ _
en en CCONJ _ _ _
zij zij PRON _ _ _
ging gaan VERB Tense=Past|VerbForm=Fin _ _
. . PUNCT _ _ _
""")
    (sentence,) = injected(doc).parse(text)
    assert not sentence.has_tree
    assert {(t.head, t.deprel, t.clause) for t in sentence.tokens} == {(None, None, 0)}


def test_a_broken_tree_does_not_loop() -> None:
    text = "Hij kwam en ging."
    doc = document(text, """
Hij hij PRON _ 2 nsubj
kwam komen VERB _ 4 conj
en en CCONJ _ 4 cc
ging gaan VERB _ 2 conj
. . PUNCT _ 2 punct
""")
    (sentence,) = injected(doc).parse(text)
    assert [t.clause for t in sentence.tokens] == [0] * 5


# --- through analyze ----------------------------------------------------------------


def test_the_parser_is_a_parser() -> None:
    assert isinstance(StanzaParser(pipeline=lambda text: None), Parser)


def test_each_event_gets_the_time_its_verb_governs() -> None:
    doc = timeline.analyze(SAID, dct=DCT, parser=injected(document(SAID, SAID_TREE)))
    assert {e.text: (e.timex.text if e.timex else None, e.anchor) for e in doc.events} == {
        "zei": ("donderdag", "2017-02-02"), "vertrekt": ("vrijdag", "2017-02-03")}


def test_the_tree_wins_over_the_nearest_time() -> None:
    # "donderdag" is nearer to "vertrokken" than "vrijdag" is, and all of it is one clause,
    # but "donderdag" belongs to the participle that describes the boats.
    text = "De ondernemers vertrokken met de donderdag getroffen boten pas vrijdag."
    doc = document(text, """
De de DET _ 2 det
ondernemers ondernemer NOUN Number=Plur 3 nsubj
vertrokken vertrekken VERB Number=Plur|Tense=Past|VerbForm=Fin 0 root
met met ADP _ 8 case
de de DET _ 8 det
donderdag donderdag NOUN _ 7 obl
getroffen treffen VERB VerbForm=Part 8 amod
boten boot NOUN Number=Plur 3 obl
pas pas ADV _ 10 advmod
vrijdag vrijdag NOUN _ 3 obl
. . PUNCT _ 3 punct
""")
    assert {t.clause for t in sentences_of(doc)[0].tokens} == {0}
    events = timeline.analyze(text, dct=DCT, parser=injected(doc)).events
    assert [(e.text, e.timex.text if e.timex else None, e.anchor) for e in events] == [
        ("vertrokken", "vrijdag", "2017-01-27")]
    # Without a tree the nearest time in the clause is all there is to go by.
    builtin = timeline.analyze(text, dct=DCT).events
    assert [(e.text, e.timex.text if e.timex else None) for e in builtin] == [("vertrokken", "donderdag")]


def test_the_tense_follows_the_features_not_the_surface() -> None:
    # "beslist" looks present; here the features say past (as a model may), and they decide.
    text = IMPOSED.split(". ")[0] + "."
    tree = IMPOSED_TREES[0].replace("Tense=Pres", "Tense=Past")
    events = timeline.analyze(text, dct=DCT, parser=injected(document(text, tree))).events
    assert [(e.text, e.tense) for e in events] == [("beslist", Tense.PAST)]
    assert [(e.text, e.tense) for e in timeline.analyze(text, dct=DCT).events] == [("beslist", Tense.PRESENT)]


def test_a_separable_verb_is_one_event_with_the_whole_lemma() -> None:
    events = timeline.analyze(IMPOSED, dct=DCT, parser=injected(document(IMPOSED, *IMPOSED_TREES))).events
    assert [(e.text, e.lemma) for e in events] == [("beslist", "beslissen"), ("legde", "opleggen")]


# --- parse_many and the pipeline ------------------------------------------------------


class BulkPipeline:
    """Stands in for a stanza.Pipeline: takes a list of Documents, fills them in one call."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.calls: list[Any] = []

    def bulk_process(self, docs: list[Any]) -> list[Any]:  # pragma: no cover - only its presence matters
        return self(docs)

    def __call__(self, docs: list[Any]) -> list[Any]:
        self.calls.append(docs)
        assert isinstance(docs, list) and all(isinstance(d, stanza.Document) for d in docs)
        return [self.answers[d.text] for d in docs]


def test_parse_many_sends_all_texts_to_a_pipeline_at_once() -> None:
    second = "Hij legde de sancties op."
    pipeline = BulkPipeline({SAID: document(SAID, SAID_TREE), second: document(second, IMPOSED_TREES[1])})
    results = StanzaParser(pipeline=pipeline).parse_many([SAID, "  ", second])
    assert len(pipeline.calls) == 1 and [d.text for d in pipeline.calls[0]] == [SAID, second]
    assert [len(r) for r in results] == [1, 0, 1]
    assert results[2][0].tokens[1].lemma == "opleggen"
    assert all(second[t.start:t.end] == t.text for t in results[2][0].tokens)


def test_parse_many_calls_a_plain_callable_per_text() -> None:
    calls: list[str] = []
    docs = {SAID: document(SAID, SAID_TREE), IMPOSED: document(IMPOSED, *IMPOSED_TREES)}

    def pipeline(text: str) -> Any:
        calls.append(text)
        return docs[text]

    parser = StanzaParser(pipeline=pipeline)
    assert [len(r) for r in parser.parse_many([SAID, IMPOSED])] == [1, 2]
    assert calls == [SAID, IMPOSED]
    assert parser.parse_many([]) == []


def test_a_blank_text_has_no_sentences_and_runs_nothing() -> None:
    def pipeline(text: str) -> Any:
        raise AssertionError("not called")

    assert StanzaParser(pipeline=pipeline).parse(" \n") == ()


# --- errors and options ---------------------------------------------------------------


def test_the_model_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(MODEL_DIR_VARIABLE, str(tmp_path))
    assert StanzaParser().model_dir == str(tmp_path)
    assert StanzaParser(model_dir="elsewhere").model_dir == "elsewhere"
    monkeypatch.delenv(MODEL_DIR_VARIABLE)
    assert StanzaParser().model_dir is None


def test_without_stanza_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)  # an import of stanza now fails
    parser = StanzaParser(model_dir=str(tmp_path))
    with pytest.raises(BackendError) as caught:
        parser.parse("Het kabinet beslist vrijdag.")
    message = str(caught.value)
    assert "pip install 'timeline-nl[stanza]'" in message and "torch==2.13.0" in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    with pytest.raises(BackendError, match=r"timeline-nl\[stanza\]"):
        parser.parse_many(["Het kabinet beslist vrijdag."])


def test_backend_error_is_a_runtime_error_not_a_value_error() -> None:
    assert issubclass(BackendError, RuntimeError) and not issubclass(BackendError, ValueError)


def _assert_no_model(parser: StanzaParser, folder: Path, detail: str) -> None:
    with pytest.raises(BackendError) as caught:
        parser.parse("Het kabinet beslist vrijdag.")
    message = str(caught.value)
    assert 'stanza.download("nl")' in message, message
    assert MODEL_DIR_VARIABLE in message and "model_dir" in message
    assert str(folder) in message and detail in message
    error = caught.value  # no stanza traceback chained to it
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_an_empty_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    _assert_no_model(StanzaParser(model_dir=str(tmp_path)), tmp_path, "resources.json")


def test_a_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    _assert_no_model(StanzaParser(model_dir=str(tmp_path / "none")), tmp_path / "none", "does not exist")


def test_the_folder_from_the_environment_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(MODEL_DIR_VARIABLE, str(tmp_path))
    _assert_no_model(StanzaParser(), tmp_path, "resources.json")


def test_a_model_of_ones_own_missing_files_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.pt").write_bytes(b"")
    _assert_no_model(StanzaParser(model_dir=str(tmp_path)), tmp_path, "tagger.pt, lemmatizer.pt, parser.pt")


def test_stanzas_own_error_for_a_folder_without_dutch_is_replaced(tmp_path: Path) -> None:
    # The layout looks right, but resources.json knows no Dutch: stanza itself refuses.
    (tmp_path / "resources.json").write_text("{}")
    (tmp_path / "nl").mkdir()
    _assert_no_model(StanzaParser(model_dir=str(tmp_path)), tmp_path, "nl")


def test_stanzas_missing_file_error_is_replaced(tmp_path: Path) -> None:
    # resources.json lists Dutch models whose files are not there: stanza raises a FileNotFoundError.
    processors = ["tokenize", "pos", "lemma", "depparse"]
    resources = {"nl": {"lang_name": "Dutch", **{p: {"alpino": {}} for p in processors},
                        "default_processors": dict.fromkeys(processors, "alpino"),
                        "packages": {"default": dict.fromkeys(processors, "alpino")}}}
    (tmp_path / "resources.json").write_text(json.dumps(resources))
    (tmp_path / "nl").mkdir()
    _assert_no_model(StanzaParser(model_dir=str(tmp_path)), tmp_path, "alpino.pt")


def test_importing_timeline_does_not_import_stanza() -> None:
    code = ("import sys, timeline, timeline.parse.stanza; "
            "from timeline.parse.stanza import StanzaParser; StanzaParser(); "
            "sys.exit('stanza' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- a real pipeline -------------------------------------------------------------------

MODEL_DIR = os.environ.get(MODEL_DIR_VARIABLE)
real = pytest.mark.skipif(not MODEL_DIR, reason=f"set {MODEL_DIR_VARIABLE} to a stanza Dutch model folder")
SPICER = "Perschef Sean Spicer zei donderdag dat het kabinet vrijdag beslist."


@pytest.fixture(scope="module")
def model() -> Iterator[StanzaParser]:
    parser = StanzaParser()
    _ = parser.pipeline  # load once for the module
    yield parser


@real
def test_real_sentences_and_tokens_have_valid_offsets(model: StanzaParser) -> None:
    text = SPICER + "\n\nHij legde de sancties op en heeft het gezegd."
    sentences = model.parse(text)
    assert sentences and all(isinstance(s, Sentence) for s in sentences)
    previous = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number and sentence.has_tree
        assert previous <= sentence.start < sentence.end <= len(text)
        previous = sentence.end
        for tok in sentence.tokens:
            assert sentence.start <= tok.start < tok.end <= sentence.end
            assert text[tok.start:tok.end] == tok.text
            assert tok.head is None or 0 <= tok.head < len(sentence.tokens)
        assert sum(t.head is None for t in sentence.tokens) >= 1
        assert sentence.tokens[0].clause == 0 or any(t.clause == 0 for t in sentence.tokens)


@real
def test_real_finite_past_and_the_event_it_anchors(model: StanzaParser) -> None:
    said = next(t for s in model.parse(SPICER) for t in s.tokens if t.text == "zei")
    assert (said.upos, said.feat("VerbForm"), said.feat("Tense"), said.lemma) == ("VERB", "Fin", "Past", "zeggen")
    events = {e.text: e for e in timeline.analyze(SPICER, dct=DCT, parser=model).events}
    assert events["zei"].timex is not None and events["zei"].timex.text == "donderdag"
    assert events["zei"].anchor == "2017-02-02"


@real
def test_real_by_name_through_analyze() -> None:
    events = {e.text: e.anchor for e in timeline.analyze(SPICER, dct=DCT, parser="stanza").events}
    assert events["zei"] == "2017-02-02"


@real
def test_real_parse_many_is_one_bulk_call(model: StanzaParser) -> None:
    calls: list[Any] = []
    pipeline = model.pipeline

    class Counting:
        bulk_process: Callable[..., Any] = pipeline.bulk_process

        def __call__(self, docs: Any) -> Any:
            calls.append(docs)
            return pipeline(docs)

    texts = [SPICER, "Het kabinet beslist vrijdag."]
    results = StanzaParser(pipeline=Counting()).parse_many(texts)
    assert len(calls) == 1 and len(results) == 2
    assert all(text[t.start:t.end] == t.text for text, r in zip(texts, results, strict=True)
               for s in r for t in s.tokens)
    assert [len(r) > 0 for r in results] == [True, True]


NARRATIVE = [  # (DCT, sentence, the values of its expressions): the direction read from stanza's parse
    ("2017-02-02", "Hij vertrok maandag en keert zaterdag terug.", ["2017-01-30", "2017-02-04"]),
    ("2017-02-02", "De verdachte werd dinsdag opgepakt en verschijnt vrijdag voor de rechter.",
     ["2017-01-31", "2017-02-03"]),
    ("2017-02-06", "De slotkoers van vrijdag ligt 3 procent lager.", ["2017-02-03"]),
    ("2017-02-02", "De wedstrijd van zaterdag gaat door.", ["2017-02-04"]),
    ("2017-02-02", "Man aangehouden na steekpartij op dinsdagavond", ["2017-01-31TEV"]),
    ("2017-02-02", "Nadat de man op dinsdagavond was aangehouden, bekende hij de diefstal.", ["2017-01-31TEV"]),
    ("2017-02-02", "Toen de politie op dinsdag arriveerde, was de man al weg.", ["2017-01-31"]),
    ("2017-02-02", "Tijdens een bijeenkomst op 3 maart verklaarde de burgemeester dat hij stopt.", ["2016-03-03"]),
    ("2015-02-10", "In het derde kwartaal werd een winst van drie miljoen euro geboekt.", ["2014-Q3"]),
]


@real
@pytest.mark.parametrize(("dct", "text", "values"), NARRATIVE, ids=[n[1][:40] for n in NARRATIVE])
def test_real_narrative_directions(model: StanzaParser, dct: str, text: str, values: list[str]) -> None:
    assert [t.value for t in timeline.recognize(text, dct=dct, parser=model)] == values
