#!/usr/bin/env python3
"""Speed of one checkout's recognizer against another's, as ratios.

Why this exists: the machine's speed drifts by 10-30% over minutes, so times
taken at different moments mean little. This script alternates processes of
the two checkouts (``PYTHONPATH`` picks the ``timeline`` package), takes the
best of a few runs in each (garbage collected before each run), and reports the
median over rounds of the ratio new/old: for ``find_mentions`` alone and for
``timeline.recognize`` on 1 MB of benchmark text in one call, and for
``find_mentions`` on the dev sets, text that does not repeat itself.

    python benchmarks/compare_speed.py --old 324b4f3 --new . --rounds 7
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DCT = "2017-02-02"


def _best(fn: Callable[[Any], Any], repeat: int, setup: Callable[[], Any] = lambda: None) -> float:
    """The fastest of ``repeat`` runs of ``fn(setup())``, the setup untimed."""
    best = float("inf")
    for _ in range(repeat):
        arg = setup()
        gc.collect()
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best


def measure(repeat: int) -> dict[str, float]:
    """Child mode: the best times of this process's ``timeline``."""
    sys.path.insert(0, str(HERE))
    from bench_recognize import articles, make_corpus

    import timeline
    from timeline.lang import load_language
    from timeline.text.tokens import MatchTokens
    from timeline.time.recognizer import find_mentions
    text = "\n\n".join(articles(make_corpus(1024 * 1024)))
    dev = [json.loads(line)["text"] for name in ("dev.jsonl", "dev-wide.jsonl")
           for line in Path("/work/shared/eval", name).read_text(encoding="utf-8").splitlines()]
    lang = load_language("nl")
    timeline.recognize(text[: len(text) // 8], dct=DCT)  # warm-up

    def dev_mentions(docs: list[MatchTokens]) -> None:  # 10 times the dev sets, each text fresh
        for toks in docs:
            find_mentions(toks, lang)

    # Fresh tokens for each run, made untimed: their offsets are computed on first use.
    return {"find_mentions": _best(lambda toks: find_mentions(toks, lang), repeat, lambda: MatchTokens(text)),
            "dev_find_mentions": _best(dev_mentions, repeat, lambda: [MatchTokens(doc) for doc in dev * 10]),
            "recognize": _best(lambda _: timeline.recognize(text, dct=DCT), repeat)}


def _export(revision: str, into: Path) -> str:
    top = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--show-toplevel"], check=True, capture_output=True,
                         text=True).stdout.strip()
    archive = subprocess.run(["git", "-C", top, "archive", revision], check=True, capture_output=True)
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return str(into)


def _child(root: str, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": root}
    code = (f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import timeline; "
            f"assert timeline.__file__.startswith({root!r}), timeline.__file__; "
            f"from compare_speed import measure; print(json.dumps(measure({repeat})))")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="324b4f3", help="a checkout's folder, or a git revision to export")
    parser.add_argument("--new", default=str(HERE.parent))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5, help="runs per process; the best counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old = args.old if Path(args.old).is_dir() else _export(args.old, Path(tmp, "old"))
        new = str(Path(args.new).resolve())
        ratios: dict[str, list[float]] = {}
        for k in range(args.rounds):
            order = [("old", old), ("new", new)] if k % 2 == 0 else [("new", new), ("old", old)]
            times = {name: _child(root, args.repeat) for name, root in order}
            for key in times["old"]:
                ratios.setdefault(key, []).append(times["new"][key] / times["old"][key])
            print(f"round {k + 1}: " + ", ".join(f"{key} {times['old'][key]:.3f}s -> {times['new'][key]:.3f}s"
                                                  for key in times["old"]), flush=True)
        for key, values in ratios.items():
            print(f"{key}: new/old median {statistics.median(values):.3f} "
                  f"(rounds: {', '.join(f'{v:.3f}' for v in values)})")


if __name__ == "__main__":
    main()
