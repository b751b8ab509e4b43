#!/usr/bin/env python3
"""Every output format, on ordinary and adversarial text: does its cost grow linearly?

Why this exists: a writer that compares every mark with every other is invisible on an
article and takes minutes on a long document (TimeML once grew with the cube of the
events: 100 KB of "Hij zei donderdag dat hij vrijdag komt." took 495 s). This script
analyzes each input once at three sizes, then times each writer on the result, fits the
growth exponent (time ~ size^k) and, with ``--check``, fails when a writer grows faster
than n^1.3. It also times the command line's ``--format timeml`` against ``--format
json`` on 100 KB of each input, the two runs taking turns, and fails when TimeML takes
more than twice as long.

    python benchmarks/bench_formats.py            # report
    python benchmarks/bench_formats.py --check    # also exit 1 when a target is missed

Standard library + ``timeline``; the corpus and the adversarial inputs are those of
``bench_recognize.py`` beside it.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_recognize import DCT, KB, adversarial_inputs, best_of, cut_bytes, growth_exponent, make_corpus, repeat_to

import timeline
from timeline.run.cli import FORMATS, write_document

SIZES_KB = (25, 50, 100)  # three doublings: enough to fit an exponent, small enough to analyze quickly
CLI_KB = 100


def inputs(largest: int) -> dict[str, str]:
    """Ordinary news prose, the sentence of the TimeML report, and the recognizer's adversarial inputs."""
    corpus = make_corpus(largest)
    out = {"ordinary": cut_bytes(corpus, largest),
           "said_thursday_comes_friday": repeat_to("Hij zei donderdag dat hij vrijdag komt. ", largest)}
    out.update(adversarial_inputs(corpus, largest))
    return out


def writer(fmt: str) -> Callable[[timeline.Document], int]:
    """Write a document as ``analyze --format fmt`` does, into memory; the characters written."""
    def write(doc: timeline.Document) -> int:
        out = io.StringIO()
        write_document(doc, fmt, out)
        return out.tell()
    return write


TOO_QUICK = 0.002  # seconds: below this at the largest size there is nothing to fit a growth to


def measure_growth(text: str, repeat: int, budget: float) -> dict[str, Any]:
    """Each writer at each size: seconds, and the exponent fitted to the time outside the
    garbage collector (whose full passes come in lumps as the objects alive grow: the
    wall-clock exponent is reported beside it). A writer whose next size would take more
    than ``budget`` seconds stops there; its exponent is fitted to the sizes it did."""
    sizes = [KB * k for k in SIZES_KB]
    docs = [timeline.analyze(cut_bytes(text, n), dct=DCT) for n in sizes]
    out: dict[str, Any] = {"events": len(docs[-1].events), "timexes": len(docs[-1].timexes)}
    for fmt in FORMATS:
        write = writer(fmt)
        runs = []
        for doc in docs:
            runs.append(best_of(functools.partial(write, doc), repeat))
            so_far = [r.seconds for r in runs]
            if runs[-1].seconds * 2 ** max(1.0, growth_exponent(sizes, so_far)) > budget:
                break
        seconds = [r.seconds for r in runs]
        outside = [r.seconds - r.gc_seconds for r in runs]
        measurable = seconds[-1] >= TOO_QUICK and len(runs) > 1
        out[fmt] = {"seconds": seconds, "complete": len(runs) == len(docs),
                    "growth_exponent": growth_exponent(sizes, outside) if measurable else None,
                    "growth_exponent_wall": growth_exponent(sizes, seconds) if measurable else None}
    return out


def measure_cli(text: str, rounds: int) -> dict[str, Any]:
    """``timeline analyze --format timeml`` against ``--format json`` on the same file, whole
    processes taking turns; the median of the per-round ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, encoding="utf-8")

        def run(fmt: str) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "timeline", "analyze", str(path), "--dct", DCT, "--format", fmt],
                           stdout=subprocess.DEVNULL, check=True)
            return time.perf_counter() - start

        run("json")  # warm-up: the file cache, the byte-compiled modules
        pairs = [(run("timeml"), run("json")) for _ in range(rounds)]
    return {"timeml_seconds": statistics.median(t for t, _ in pairs),
            "json_seconds": statistics.median(j for _, j in pairs),
            "ratio": statistics.median(t / j for t, j in pairs)}


def check(results: dict[str, Any]) -> list[str]:
    failures = []
    for name, found in results["growth"].items():
        for fmt in FORMATS:
            k = found[fmt]["growth_exponent"]
            if k is not None and k > 1.3:
                failures.append(f"{name}: --format {fmt} grows as n^{k:.2f} (superlinear)")
            elif not found[fmt]["complete"]:
                failures.append(f"{name}: --format {fmt} stopped: its next size would take more than the budget")
    for name, cli in results["cli"].items():
        if cli["ratio"] > 2.0:
            failures.append(f"{name}: --format timeml takes {cli['ratio']:.2f}x --format json on {CLI_KB} KB (> 2)")
    return failures


def report(results: dict[str, Any], out: Any) -> None:
    print(f"writers on the analyzed document at {', '.join(f'{k} KB' for k in SIZES_KB)}: seconds at the largest "
          f"size, and growth n^k over the sizes outside the garbage collector (1 = linear; - where a writer "
          f"takes under {TOO_QUICK * 1000:.0f} ms; ! where it stopped early, over budget)", file=out)
    print(f"  {'input':<28}{'events':>7}{'timexes':>8}" + "".join(f"{fmt:>17}" for fmt in FORMATS), file=out)
    for name, found in results["growth"].items():
        cells = "".join(f"{found[f]['seconds'][-1]:9.3f} s{' ' if found[f]['complete'] else '!'}" + (
            f"n^{found[f]['growth_exponent']:.2f}" if found[f]["growth_exponent"] is not None else "   - ")
            for f in FORMATS)
        print(f"  {name:<28}{found['events']:>7}{found['timexes']:>8}{cells}", file=out)
    print(f"\nthe command line on {CLI_KB} KB: analyze --format timeml / --format json (whole processes, "
          f"median of rounds)", file=out)
    for name, cli in results["cli"].items():
        print(f"  {name:<28} timeml {cli['timeml_seconds']:6.2f} s  json {cli['json_seconds']:6.2f} s  "
              f"ratio {cli['ratio']:.2f}", file=out)
    if results.get("failures") is not None:
        failures = results["failures"]
        print("\ncheck: " + ("passed" if not failures else "FAILED\n  " + "\n  ".join(failures)), file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each writer, best kept (default 3)")
    ap.add_argument("--rounds", type=int, default=3, help="command-line runs of each format (default 3)")
    ap.add_argument("--budget", type=float, default=20.0,
                    help="seconds one writer run may take before larger sizes are skipped (default 20)")
    ap.add_argument("--check", action="store_true", help="exit 1 unless every writer grows at most as n^1.3 "
                    "and --format timeml takes at most twice --format json")
    ap.add_argument("--json", action="store_true", help="JSON results on stdout (the report goes to stderr)")
    args = ap.parse_args(argv)
    texts = inputs(KB * max(SIZES_KB))
    results: dict[str, Any] = {"growth": {}, "cli": {}}
    for name, text in texts.items():
        print(f"{name}...", file=sys.stderr, flush=True)
        results["growth"][name] = measure_growth(text, args.repeat, args.budget)
    for name in ("ordinary", "said_thursday_comes_friday"):
        results["cli"][name] = measure_cli(cut_bytes(texts[name], KB * CLI_KB), args.rounds)
    results["failures"] = check(results) if args.check else None
    report(results, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if results["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
