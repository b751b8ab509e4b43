#!/usr/bin/env python3
"""The parser backends side by side, in one run: speed, memory and dev-set scores.

Each backend (built-in, Frog, stanza) runs in its own child process, so that its
peak memory is its own, on the same texts: the development gold set (scored with
the project's ``score.py``) and a news-like corpus for speed. A backend that is
not installed is reported as such, not as a failure.

    python benchmarks/compare_backends.py --eval ../shared/eval [--size-kb 100] [--json]

Standard library + ``timeline`` (and whichever backends are installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BACKENDS = ("builtin", "frog", "stanza")


def child(backend: str, dev: str, corpus: str, out: str) -> None:
    """In the child process: load the backend, analyze the dev set and the corpus."""
    sys.path.insert(0, str(HERE))
    import timeline
    from timeline.output import document_to_jsonl_line

    result: dict[str, Any] = {"backend": backend}
    try:
        t0 = time.perf_counter()
        parser: Any = backend
        if backend == "frog":  # Frog loads in seconds: one server for every document
            from timeline.parse.frog import FrogServer

            server = FrogServer()
            parser = server.parser()
            parser.parse("Dit is een zin.")
        elif backend != "builtin":
            from timeline.parse.backends import get_parser

            parser = get_parser(backend)
            parser.parse("Dit is een zin.")  # load the model now, to time it apart
        result["load_seconds"] = time.perf_counter() - t0
        lines = []
        t0 = time.perf_counter()
        for line in Path(dev).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            lines.append(document_to_jsonl_line(timeline.analyze(doc["text"], doc["dct"], parser=parser), doc["id"]))
        result["dev_seconds"] = time.perf_counter() - t0
        result["dev_predictions"] = lines
        text = Path(corpus).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        found = timeline.analyze(text, "2017-02-02", parser=parser)
        seconds = time.perf_counter() - t0
        result.update(corpus_seconds=seconds, corpus_kb_per_s=len(text.encode()) / 1024 / seconds,
                      corpus_events=len(found.events))
    except (RuntimeError, ImportError) as err:
        result["unavailable"] = str(err).splitlines()[0]
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(HERE.parent.parent / "shared" / "eval"),
                    help="folder with dev.txt, build.py and score.py")
    ap.add_argument("--size-kb", type=int, default=100, help="size of the speed corpus (default 100 KB)")
    ap.add_argument("--backends", default=",".join(BACKENDS))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=4, metavar=("BACKEND", "DEV", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    evaldir = Path(args.eval)
    sys.path.insert(0, str(evaldir))
    import score  # the project's scorer

    sys.path.insert(0, str(HERE))
    from bench_recognize import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "gold.jsonl"
        gold_path.write_text(subprocess.run([sys.executable, str(evaldir / "build.py"), str(evaldir / "dev.txt")],
                                            capture_output=True, text=True, check=True).stdout, encoding="utf-8")
        gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines()]
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text(make_corpus(args.size_kb * 1024), encoding="utf-8")
        rows = []
        for backend in args.backends.split(","):
            out = Path(tmp) / f"{backend}.json"
            subprocess.run([sys.executable, __file__, "--child", backend, str(gold_path), str(corpus), str(out)],
                           check=True, env={**os.environ})
            result = json.loads(out.read_text(encoding="utf-8"))
            if "dev_predictions" in result:
                preds = {p["id"]: p for p in result.pop("dev_predictions")}
                result["scores"] = score.score(gold, preds)
            rows.append(result)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'backend':8} {'load s':>7} {'KB/s':>7} {'peak MB':>8} {'timex F1':>8} {'value':>6} "
          f"{'ev R':>5} {'ev P':>5} {'class':>6} {'anchor':>6} {'order':>6}")
    for r in rows:
        if "unavailable" in r:
            print(f"{r['backend']:8} not available: {r['unavailable']}")
            continue
        s = r["scores"]
        print(f"{r['backend']:8} {r['load_seconds']:7.2f} {r['corpus_kb_per_s']:7.1f} {r['peak_rss_mb']:8.0f} "
              f"{s['relaxed_f1']:8.3f} {s['value_acc']:6.3f} {s['event_r']:5.3f} {s['event_p']:5.3f} "
              f"{s['event_class_acc']:6.3f} {s['anchor_acc']:6.3f} {s['order_acc']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
