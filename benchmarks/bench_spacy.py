#!/usr/bin/env python3
"""What the spaCy component adds to the time spaCy itself takes on a corpus (issue 18: < 20%).

No Dutch spaCy model is on this machine, so the pipeline is built with the
architecture of ``nl_core_news_sm`` (spaCy's "efficiency" config for Dutch: a
shared tok2vec, HashEmbed + CNN of width 96 and depth 4, feeding a tagger, a
morphologizer, a transition-based parser, a trainable lemmatizer and a named
entity recognizer, as the released model has one; a senter, disabled as in the
released model, where the parser sets the sentences). It is
initialized on a handful of hand-annotated sentences (which give it its labels,
tag set and lemma rules), so its weights are random but its computation per
token is that of the real small model. Its parse is noise (sentence bounds, tags
and trees are guesses), which the timeline reads all the same: it finds fewer
events in it than in a real parse, so the figure may flatter the component a little.

Because that parse is noise (the untrained parser makes nearly every token a
sentence of its own), ``--parse real`` (the default) times the component apart,
on Docs that carry a realistic parse of the same texts: the built-in parser's
sentences, lemmas, parts of speech and features, with a tree of its clauses (the
Docs the backend's tests build, ``tests/test_spacy_backend.builtin_doc``). The
ratio is then (spaCy's time + the component's time on those Docs) / spaCy's
time. ``--parse model`` times the live pipeline with the component reading
the untrained parse, as it comes.

Corpus: the example articles plus generated Dutch news prose
(``bench_recognize.make_corpus``), cut into articles of about 3,000 characters:
``--words`` words in all (default 150,000). Each round times ``nlp.pipe(texts)``
without the component (``select_pipes(disable="timeline")``) and with it
(``parser="auto"``: it reads the Doc's parse), in alternating order, by the
process's CPU time; the report gives the median over the rounds of the ratio
with/without.

    python benchmarks/bench_spacy.py                  # 5 rounds, report (realistic parse)
    python benchmarks/bench_spacy.py --parse model    # the component reading the untrained parse
    python benchmarks/bench_spacy.py --rounds 7 --check   # exit 1 when the ratio is above 1.20
    python benchmarks/bench_spacy.py --profile 25     # cProfile one pass with the component, top 25
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DCT = "2017-02-02"
TARGET = 1.20

# Hand-annotated sentences: (word, lemma, upos, morph, head index, relation).
SENTENCES: list[list[tuple[str, str, str, str, int, str]]] = [
    [("Spicer", "Spicer", "PROPN", "", 1, "nsubj"),
     ("zei", "zeggen", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin", 1, "ROOT"),
     ("donderdag", "donderdag", "NOUN", "Number=Sing", 1, "obl"),
     ("dat", "dat", "SCONJ", "", 7, "mark"),
     ("het", "het", "DET", "Definite=Def", 5, "det"),
     ("kabinet", "kabinet", "NOUN", "Number=Sing", 7, "nsubj"),
     ("vrijdag", "vrijdag", "NOUN", "Number=Sing", 7, "obl"),
     ("beslist", "beslissen", "VERB", "Number=Sing|Tense=Pres|VerbForm=Fin", 1, "ccomp"),
     (".", ".", "PUNCT", "", 1, "punct")],
    [("De", "de", "DET", "Definite=Def", 1, "det"),
     ("minister", "minister", "NOUN", "Number=Sing", 2, "nsubj"),
     ("trad", "treden", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin", 2, "ROOT"),
     ("gisteren", "gisteren", "ADV", "", 2, "advmod"),
     ("af", "af", "ADP", "", 2, "compound:prt"),
     (".", ".", "PUNCT", "", 2, "punct")],
    [("Het", "het", "DET", "Definite=Def", 1, "det"),
     ("ziekenhuis", "ziekenhuis", "NOUN", "Number=Sing", 2, "nsubj"),
     ("opent", "openen", "VERB", "Number=Sing|Tense=Pres|VerbForm=Fin", 2, "ROOT"),
     ("op", "op", "ADP", "", 4, "case"),
     ("maandag", "maandag", "NOUN", "Number=Sing", 2, "obl"),
     ("een", "een", "DET", "Definite=Ind", 7, "det"),
     ("nieuwe", "nieuw", "ADJ", "Degree=Pos", 7, "amod"),
     ("afdeling", "afdeling", "NOUN", "Number=Sing", 2, "obj"),
     (".", ".", "PUNCT", "", 2, "punct")],
    [("Vorige", "vorig", "ADJ", "Degree=Pos", 1, "amod"),
     ("week", "week", "NOUN", "Number=Sing", 5, "obl"),
     ("hebben", "hebben", "AUX", "Number=Plur|Tense=Pres|VerbForm=Fin", 5, "aux"),
     ("de", "de", "DET", "Definite=Def", 4, "det"),
     ("boeren", "boer", "NOUN", "Number=Plur", 5, "nsubj"),
     ("gedemonstreerd", "demonstreren", "VERB", "VerbForm=Part", 5, "ROOT"),
     ("in", "in", "ADP", "", 7, "case"),
     ("Den", "Den", "PROPN", "", 5, "obl"),
     ("Haag", "Haag", "PROPN", "", 7, "flat"),
     (".", ".", "PUNCT", "", 5, "punct")],
    [("Op", "op", "ADP", "", 1, "case"),
     ("3", "3", "NUM", "", 4, "obl"),
     ("februari", "februari", "NOUN", "Number=Sing", 1, "flat"),
     ("2017", "2017", "NUM", "", 1, "flat"),
     ("viel", "vallen", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin", 4, "ROOT"),
     ("het", "het", "DET", "Definite=Def", 6, "det"),
     ("besluit", "besluit", "NOUN", "Number=Sing", 4, "nsubj"),
     (",", ",", "PUNCT", "", 8, "punct"),
     ("zei", "zeggen", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin", 4, "parataxis"),
     ("een", "een", "DET", "Definite=Ind", 10, "det"),
     ("woordvoerder", "woordvoerder", "NOUN", "Number=Sing", 8, "nsubj"),
     (".", ".", "PUNCT", "", 4, "punct")],
]


def build_pipeline() -> Any:
    """A Dutch pipeline of nl_core_news_sm's architecture, initialized on SENTENCES (random weights)."""
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.training import Example

    config = init_config(lang="nl", pipeline=["tagger", "morphologizer", "parser", "trainable_lemmatizer", "senter",
                                              "ner"],
                         optimize="efficiency", gpu=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    examples = []
    for rows in SENTENCES:
        words = [r[0] for r in rows]
        annotation = {"words": words, "lemmas": [r[1] for r in rows], "pos": [r[2] for r in rows],
                      "tags": [r[2] for r in rows], "morphs": [r[3] for r in rows], "heads": [r[4] for r in rows],
                      "deps": [r[5] for r in rows],
                      "entities": ["U-PER" if r[2] == "PROPN" else "O" for r in rows]}
        examples.append(Example.from_dict(nlp.make_doc(" ".join(words)), annotation))
    nlp.initialize(lambda: examples)  # labels, tag set and lemma trees from the examples; weights random
    nlp.disable_pipe("senter")  # as in nl_core_news_sm: the parser sets the sentences
    return nlp


def corpus(words: int) -> list[str]:
    """The example articles, then generated articles, until ``words`` words."""
    sys.path.insert(0, str(HERE))
    from bench_recognize import articles, make_corpus

    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "examples").glob("*.txt"))]
    have = sum(len(t.split()) for t in texts)
    generated = articles(make_corpus(max(words - have, 0) * 7))  # about 7 bytes a word
    for text in generated:
        if have >= words:
            break
        texts.append(text)
        have += len(text.split())
    return texts


def one_pass(nlp: Any, texts: list[str], with_timeline: bool) -> float:
    """CPU seconds of ``nlp.pipe`` over ``texts``, the Docs consumed as they come."""
    gc.collect()
    start = time.process_time()
    if with_timeline:
        for _ in nlp.pipe(texts):
            pass
    else:
        with nlp.select_pipes(disable=["timeline"]):
            for _ in nlp.pipe(texts):
                pass
    return time.process_time() - start


def realistic_docs(texts: list[str]) -> tuple[list[Any], int]:
    """Docs of ``texts`` with the built-in parser's analysis and a tree of its clauses, and how
    many texts had to be left out (a sentence with no honest tree of that kind)."""
    sys.path.insert(0, str(HERE.parent))
    from tests.test_spacy_backend import builtin_doc

    docs, left = [], 0
    for text in texts:
        made = builtin_doc(text)
        if made is None:
            left += 1
        else:
            docs.append(made[0])
    return docs, left


def component_pass(component: Any, docs: list[Any]) -> float:
    """CPU seconds of the component alone over fresh copies of ``docs`` (the copies are untimed)."""
    from spacy.tokens import Doc

    fresh = [Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs]
    gc.collect()
    start = time.process_time()
    for doc in fresh:
        component(doc)
    return time.process_time() - start


def real_rounds(nlp: Any, texts: list[str], rounds: int) -> list[dict[str, float]]:
    """Rounds of spaCy alone on ``texts`` and of the component alone on realistic Docs of them."""
    docs, left = realistic_docs(texts)
    kept = [t for t in texts if t in {d.text for d in docs}]
    component = nlp.get_pipe("timeline")
    print(f"realistic Docs: {len(docs)} of {len(texts)} texts ({left} left out), "
          f"{sum(len(list(d.sents)) for d in docs)} sentences", file=sys.stderr)
    one_pass(nlp, kept, False)
    component_pass(component, docs)
    out = []
    for k in range(rounds):
        if k % 2 == 0:
            spacy_s, timeline_s = one_pass(nlp, kept, False), component_pass(component, docs)
        else:
            timeline_s, spacy_s = component_pass(component, docs), one_pass(nlp, kept, False)
        out.append({"spacy": spacy_s, "with_timeline": spacy_s + timeline_s,
                    "ratio": (spacy_s + timeline_s) / spacy_s})
        print(f"round {k + 1}: spaCy {spacy_s:.2f} s, the component on realistic Docs {timeline_s:.2f} s, "
              f"ratio {out[-1]['ratio']:.3f}", file=sys.stderr)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--parser", choices=("auto", "builtin"), default="auto",
                        help="the component's parser: auto reads the Doc's parse; builtin parses again")
    parser.add_argument("--parse", choices=("real", "model"), default="real",
                        help="real: the component timed on Docs with a realistic parse (default); model: the "
                        "live pipeline, the component reading the untrained parse")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when the ratio is above {TARGET}")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one pass with the component, top N")
    parser.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    args = parser.parse_args()

    import timeline.run.spacy  # noqa: F401  (registers the factory also without an installed entry point)

    nlp = build_pipeline()
    nlp.add_pipe("timeline", config={"dct": DCT, "parser": args.parser})
    texts = corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    docs = list(nlp.pipe(texts[:20]))  # the language data loads here
    tokens, sentences = sum(len(d) for d in docs), sum(len(list(d.sents)) for d in docs)
    timexes, events = (sum(len(d.spans[key]) for d in docs) for key in ("timexes", "events"))
    print(f"pipeline: {', '.join(nlp.pipe_names)} (senter disabled); corpus: {len(texts)} texts, {words} words, "
          f"{sum(map(len, texts)) / 1e6:.2f} M characters; first 20 docs: {tokens} tokens in {sentences} "
          f"sentences by the untrained parser, {timexes} expressions, {events} events", file=sys.stderr)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(one_pass, nlp, texts, True)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.profile)
        print(out.getvalue(), file=sys.stderr)
        return 0
    rounds = []
    if args.parse == "real":
        rounds = real_rounds(nlp, texts, args.rounds)
    else:
        one_pass(nlp, texts, False)  # a whole pass of each first: caches, allocator, the lexicon of the corpus
        one_pass(nlp, texts, True)
    for k in range(args.rounds if args.parse == "model" else 0):
        order = (False, True) if k % 2 == 0 else (True, False)
        times = {flag: one_pass(nlp, texts, flag) for flag in order}
        rounds.append({"spacy": times[False], "with_timeline": times[True], "ratio": times[True] / times[False]})
        print(f"round {k + 1}: spaCy {times[False]:.2f} s, with timeline {times[True]:.2f} s, "
              f"ratio {rounds[-1]['ratio']:.3f}", file=sys.stderr)
    ratio = statistics.median(r["ratio"] for r in rounds)
    spacy_s = statistics.median(r["spacy"] for r in rounds)
    print(f"median ratio with/without the component (parser={args.parser}, parse={args.parse}): {ratio:.3f} "
          f"(target <= {TARGET}); spaCy alone {words / spacy_s:,.0f} words/s CPU", file=sys.stderr)
    if args.json:
        print(json.dumps({"words": words, "texts": len(texts), "rounds": rounds, "median_ratio": ratio}))
    return 1 if args.check and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
