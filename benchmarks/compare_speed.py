#!/usr/bin/env python3
"""Speed of this checkout against another, as ratios measured side by side.

Why this exists: the machine's speed drifts by 10-30% over minutes, so times
taken at different moments mean little. This script alternates processes of
the two checkouts (``PYTHONPATH`` picks the ``timeline`` package), takes the
best of a few runs in each (garbage collected before each run), and reports
the median over rounds of the ratio new/old, by wall clock and by the process's
CPU time (which other processes on the machine disturb less):

- ``analyze``: the main job, :func:`timeline.analyze` on 1 MB of the benchmark
  corpus cut into articles, one call per article;
- ``recognize``: :func:`timeline.recognize` on the same megabyte in one call;
- ``find_mentions``: the matching engine alone on that megabyte, and on the dev
  sets (text that does not repeat itself), where both checkouts have it where
  this one does (``timeline.expressions.find``).

Only the public API is needed for the first two, so ``--old`` can be any
revision: a folder, or a git revision that is unpacked with ``git archive`` (no
work tree is touched).

    python benchmarks/compare_speed.py --old 0c246ca --rounds 7
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
EVAL = HERE.parent.parent / "shared" / "eval"  # the project's gold data, beside the checkout, where it is


def _best(fn: Callable[[Any], Any], repeat: int, setup: Callable[[], Any] = lambda: None) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``fn(setup())``, the setup untimed: (wall, CPU) seconds."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        arg = setup()
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn(arg)
        wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
    return wall, cpu


def measure(repeat: int, eval_dir: str) -> dict[str, tuple[float, float]]:
    """Child mode: the best times of this process's ``timeline``."""
    sys.path.insert(0, str(HERE))
    from bench_recognize import articles, make_corpus

    import timeline

    docs = articles(make_corpus(1024 * 1024))
    text = "\n\n".join(docs)
    for doc in docs[:20]:  # warm-up: the language loads, the first calls compile
        timeline.analyze(doc, dct=DCT)
    timeline.recognize(text[: len(text) // 8], dct=DCT)
    out = {"analyze": _best(lambda _: [timeline.analyze(doc, dct=DCT) for doc in docs], repeat),
           "recognize": _best(lambda _: timeline.recognize(text, dct=DCT), repeat)}
    if not (Path(timeline.__file__).parent / "time" / "recognizer.py").is_file():
        return out  # an older layout: the engine alone is not compared
    from timeline.expressions.find import find_mentions
    from timeline.lang import load_language
    from timeline.text.tokens import MatchTokens

    lang = load_language("nl")
    # Fresh tokens for each run, made untimed: their offsets are computed on first use.
    out["find_mentions"] = _best(lambda toks: find_mentions(toks, lang), repeat, lambda: MatchTokens(text))
    dev = [json.loads(line)["text"] for name in ("dev.jsonl", "dev-wide.jsonl") if Path(eval_dir, name).is_file()
           for line in Path(eval_dir, name).read_text(encoding="utf-8").splitlines()]
    if dev:
        def dev_mentions(tokens: list[Any]) -> None:  # ten times the dev sets, each text fresh
            for toks in tokens:
                find_mentions(toks, lang)

        out["dev_find_mentions"] = _best(dev_mentions, repeat, lambda: [MatchTokens(doc) for doc in dev * 10])
    return out


def _export(revision: str, into: Path) -> str:
    top = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--show-toplevel"], check=True, capture_output=True,
                         text=True).stdout.strip()
    archive = subprocess.run(["git", "-C", top, "archive", revision], check=True, capture_output=True)
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return str(into)


def _child(root: str, repeat: int, eval_dir: str) -> dict[str, tuple[float, float]]:
    env = {**os.environ, "PYTHONPATH": root}
    code = (f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import timeline; "
            f"assert timeline.__file__.startswith({root!r}), timeline.__file__; "
            f"from compare_speed import measure; print(json.dumps(measure({repeat}, {eval_dir!r})))")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, check=True, capture_output=True, text=True)
    return {key: (wall, cpu) for key, (wall, cpu) in json.loads(out.stdout).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="0c246ca", help="a checkout's folder, or a git revision to export "
                        "(default: 0c246ca, the layout before the text was read once)")
    parser.add_argument("--new", default=str(HERE.parent))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per process; the best counts")
    parser.add_argument("--eval", default=str(EVAL), help="the folder of dev.jsonl and dev-wide.jsonl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old = args.old if Path(args.old).is_dir() else _export(args.old, Path(tmp, "old"))
        new = str(Path(args.new).resolve())
        ratios: dict[str, list[tuple[float, float]]] = {}
        for k in range(args.rounds):
            order = [("old", old), ("new", new)] if k % 2 == 0 else [("new", new), ("old", old)]
            times = {name: _child(root, args.repeat, args.eval) for name, root in order}
            shared = [key for key in times["new"] if key in times["old"]]
            for key in shared:
                (ow, oc), (nw, nc) = times["old"][key], times["new"][key]
                ratios.setdefault(key, []).append((nw / ow, nc / oc))
            print(f"round {k + 1}: " + ", ".join(f"{key} {times['old'][key][0]:.3f}s -> {times['new'][key][0]:.3f}s"
                                                  for key in shared), flush=True)
        for key, values in ratios.items():
            wall, cpu = statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)
            print(f"{key}: new/old median {wall:.3f} wall, {cpu:.3f} CPU; speed-up {1 / wall:.2f}x wall, "
                  f"{1 / cpu:.2f}x CPU (wall by round: {', '.join(f'{v[0]:.3f}' for v in values)})")


if __name__ == "__main__":
    main()
