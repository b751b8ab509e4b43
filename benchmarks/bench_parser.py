#!/usr/bin/env python3
"""How much faster (or slower) the built-in parser of one checkout is than another's.

Why this exists: the machine's speed drifts by 10-30% over minutes, so absolute times
of two runs far apart say little. This script times two checkouts in alternating
processes (each imports its own ``timeline`` through ``PYTHONPATH``), round after round,
and reports the median of the per-round ratios new/old:

- **parse**: ``BuiltinParser().parse(doc)`` for each ~3 KB article of the 1 MB benchmark
  corpus;
- **analyze**: ``timeline.analyze(doc, dct="2017-02-02")`` for each article (the parser
  is about half of it).

Each process warms up, then keeps the best of ``--repeat`` runs, the garbage collected
before each, by the wall clock and by the process's CPU time (``cpu``: less disturbed
when other work shares the machine).

    python benchmarks/bench_parser.py --old 324b4f3 --rounds 7    # a git revision, or a checkout's folder
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DCT = "2017-02-02"


def work(repeat: int, size: int) -> None:
    """Time this process's ``timeline``; print the best times as JSON."""
    sys.path.insert(0, str(HERE))
    from bench_recognize import articles, make_corpus

    import timeline
    from timeline.parse.builtin import BuiltinParser
    docs = articles(make_corpus(size))
    parser = BuiltinParser()

    def parse() -> None:
        for doc in docs:
            parser.parse(doc)

    def analyze() -> None:
        for doc in docs:
            timeline.analyze(doc, dct=DCT)

    best = {}
    for name, fn in (("parse", parse), ("analyze", analyze)):
        fn()  # warm up: data loaded, memos filled
        wall, cpu = [], []
        for _ in range(repeat):
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        best[name], best[name + " cpu"] = min(wall), min(cpu)
    print(json.dumps(best))


def _time(root: str, repeat: int, size: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(Path(root).resolve())}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", "--repeat", str(repeat),
                          "--size", str(size)], env=env, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def compare(old: str, new: str, rounds: int, repeat: int, size: int) -> None:
    ratios: dict[str, list[float]] = {"parse": [], "parse cpu": [], "analyze": [], "analyze cpu": []}
    for r in range(rounds):
        pair = [(old, "old"), (new, "new")] if r % 2 == 0 else [(new, "new"), (old, "old")]
        got = {label: _time(root, repeat, size) for root, label in pair}
        for name in ratios:
            ratios[name].append(got["new"][name] / got["old"][name])
        print(f"round {r + 1}: " + ", ".join(f"{name} old {got['old'][name]:.3f} s new {got['new'][name]:.3f} s "
                                              f"({ratios[name][-1]:.3f})" for name in ratios), flush=True)
    for name, values in ratios.items():
        print(f"{name}: new/old median {statistics.median(values):.3f} (min {min(values):.3f}, "
              f"max {max(values):.3f}, {rounds} rounds); speed-up x{1 / statistics.median(values):.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", default="324b4f3", help="reference checkout's folder, or a git revision")
    ap.add_argument("--new", default=str(HERE.parent), help="checkout under test")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5, help="runs per process, best kept")
    ap.add_argument("--size", type=int, default=1024 * 1024, help="corpus bytes")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        work(args.repeat, args.size)
        return 0
    if Path(args.old).is_dir():
        compare(args.old, args.new, args.rounds, args.repeat, args.size)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", args.old], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        compare(folder, args.new, args.rounds, args.repeat, args.size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
