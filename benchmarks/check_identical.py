#!/usr/bin/env python3
"""Byte-identity check: the recognizer of one checkout against another's, on many texts.

Why this exists: a change that only means to make recognition faster must not
change a single mention or resolved expression. This script feeds both
checkouts the same texts, each in its own process (``PYTHONPATH`` picks the
``timeline`` package), and compares the full ``repr`` of what they return:
the mentions (span, rule, intent, mod, range ends), the expressions of
``recognize`` and of ``analyze(...).timexes`` (every field), and the
expressions of ``resolve_mentions``. The texts: the benchmark corpus as
articles and as one text, the dev sets, the example article, every corpus text
of ``tests/corpus`` in a few sentences, and random texts made of rule examples,
filler words, capitalized month names, numbers, dots and apostrophes in mixed
case.

    python benchmarks/check_identical.py --old 324b4f3 --new . --random 300000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DCT = "2017-02-02"
FRAMES = ("{}", "Zij zei dat {} genoemd werd.", "{}. Daarna volgde de rest", "Het was '{}' en {} of zo.")
FILLER = ["de", "het", "van", "in", "op", "om", "over", "een", "en", "tot", "zei", "minister", "Mei", "Li", "uur",
          "half", "voor", "na", "begin", "eind", "sinds", "vanaf", "tussen", "rond", "jaar", "week", "dag", "dit",
          "a.s.", "jl.", "'s", "’s", "'", "’", ".", "..", ",", "-", "/", ":", "(", ")", "Vos", "Den Haag"]


def _number(rng: random.Random) -> str:
    """A number as news text writes one: plain, a year, a clock time, a date, a score, a range."""
    a, b, c = rng.randint(0, 31), rng.randint(0, 60), rng.randint(1900, 2100)
    return rng.choice((str(a), str(c), f"{a}.{b:02d}", f"{a}:{b:02d}", f"{a}-{b}", f"{a:02d}-{b % 13:02d}-{c}",
                       f"{c}-{b % 13:02d}-{a:02d}", f"{c}-{c + rng.randint(-3, 5)}", f"{a}/{b % 13}/{c}",
                       str(rng.randint(0, 99999)), f"{a}e", f"'{b:02d}"))


def _cased(rng: random.Random, piece: str) -> str:
    roll = rng.random()
    if roll < 0.7:
        return piece
    if roll < 0.8:
        return piece.upper()
    if roll < 0.9:
        return piece[:1].upper() + piece[1:]
    return "".join(ch.upper() if rng.random() < 0.5 else ch for ch in piece)


def random_texts(count: int, seed: int) -> Iterator[str]:
    """Texts of 1 to 25 pieces: rule examples, filler, capitalized months, numbers, marks."""
    from timeline.lang import load_language
    lang = load_language("nl")
    examples = sorted({ex for rule in lang.rules for ex in rule.examples})
    months = [m.capitalize() for m in lang.words("month")]
    rng = random.Random(seed)
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 25)):
            roll = rng.random()
            source = examples if roll < 0.45 else FILLER if roll < 0.75 else months if roll < 0.85 else None
            piece = rng.choice(source) if source else _number(rng)
            pieces.append(_cased(rng, piece))
            pieces.append(rng.choice((" ",) * 16 + ("", "\n", "  ", "\n\n")))
        yield "".join(pieces)


def fixed_inputs(root: Path) -> Iterator[tuple[str, str, str | None]]:
    """``(group, text, dct)`` for the benchmark corpus, the dev sets, the example article and the corpora."""
    sys.path.insert(0, str(HERE))
    from bench_recognize import articles, make_corpus
    corpus = make_corpus(5 * 1024 * 1024)
    yield "bench5-text", corpus, DCT
    for doc in articles(corpus):
        yield "bench5-article", doc, DCT
    for name in ("dev.jsonl", "dev-wide.jsonl"):
        path = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / name  # beside the checkout
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield name, record["text"], record.get("dct")
    yield "artikel", (root / "examples" / "artikel.txt").read_text(encoding="utf-8"), None
    for path in sorted((root / "tests" / "corpus" / "nl").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts = [(t, str(case["dct"])) for case in data.get("case", []) for t in case["texts"]]
        texts += [(s["text"], str(s["dct"])) for s in data.get("sentence", [])]
        texts += [(t, DCT) for t in data.get("negative", {}).get("texts", [])]
        for text, dct in texts:
            for frame in FRAMES:
                yield f"corpus-{path.stem}", frame.format(text, text), dct


def outputs(text: str, dct: str | None, heavy: bool) -> str:
    """Everything the recognizer says about a text, as one string."""
    import timeline
    from timeline.expressions.find import find_mentions
    from timeline.expressions.normalize import resolve_mentions
    from timeline.lang import load_language
    from timeline.text.tokens import MatchTokens
    lang = load_language("nl")
    mentions = find_mentions(MatchTokens(text), lang)
    parts: list[Any] = [mentions]
    steps = [lambda: timeline.recognize(text, dct=dct)]
    if dct is not None:
        steps.append(lambda: resolve_mentions(text, mentions, timeline.parse_dct(dct), timeline.Tense.PAST))
    if heavy:
        steps.append(lambda: timeline.analyze(text, dct=dct).timexes)
    for step in steps:
        try:
            parts.append(step())
        except Exception as error:  # noqa: BLE001 - the same error on both sides is the same result
            parts.append(f"{type(error).__name__}: {error}")
    return repr(parts)


def dump(inputs: Path, out: Path, show: set[int] | None) -> None:
    """Child mode: one line per input, its digest (or, with ``show``, the full outputs)."""
    import timeline
    root = Path(os.environ["PYTHONPATH"]).resolve()
    if root not in Path(timeline.__file__).resolve().parents:  # an installed copy would compare nothing
        raise SystemExit(f"timeline comes from {timeline.__file__}, not from {root}")
    with inputs.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for k, line in enumerate(src):
            if show is not None and k not in show:
                continue
            group, text, dct, heavy = json.loads(line)
            found = outputs(text, dct, heavy)
            digest = found if show is not None else hashlib.sha256(found.encode()).hexdigest()
            dst.write(f"{k}\t{group}\t{digest}\n")


def _run(root: str, inputs: Path, out: Path, show: set[int] | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": root, "PYTHONHASHSEED": "0"}
    args = [sys.executable, __file__, "--dump", str(inputs), str(out)]
    if show is not None:
        args += ["--show", ",".join(map(str, sorted(show)))]
    return subprocess.Popen(args, env=env)


def _export(revision: str, into: Path) -> str:
    """The tree of a git revision, unpacked (no work tree of the repository is touched)."""
    into.mkdir()
    top = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--show-toplevel"], check=True, capture_output=True,
                         text=True).stdout.strip()
    archive = subprocess.run(["git", "-C", top, "archive", revision], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return str(into)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="324b4f3", help="a checkout's folder, or a git revision to export")
    parser.add_argument("--new", default=str(HERE.parent))
    parser.add_argument("--random", type=int, default=300_000, help="how many random texts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--heavy-every", type=int, default=50, help="analyze() on every n-th random text")
    parser.add_argument("--dump", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--show", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(*args.dump, {int(k) for k in args.show.split(",")} if args.show else None)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp, "inputs.jsonl")
        sys.path.insert(0, args.new)
        with inputs.open("w", encoding="utf-8") as dst:
            for group, text, dct in fixed_inputs(Path(args.new)):
                dst.write(json.dumps([group, text, dct, True]) + "\n")
            for k, text in enumerate(random_texts(args.random, args.seed)):
                dst.write(json.dumps(["random", text, DCT, k % args.heavy_every == 0]) + "\n")
        old_root = args.old if Path(args.old).is_dir() else _export(args.old, Path(tmp, "old"))
        outs = [Path(tmp, "old.txt"), Path(tmp, "new.txt")]
        procs = [_run(old_root, inputs, outs[0]), _run(args.new, inputs, outs[1])]
        if any(p.wait() for p in procs):
            print("a child failed")
            return 2
        old, new = (path.read_text(encoding="utf-8").splitlines() for path in outs)
        groups: dict[str, int] = {}
        for line in old:
            groups[line.split("\t")[1]] = groups.get(line.split("\t")[1], 0) + 1
        differ = {int(a.split("\t")[0]) for a, b in zip(old, new, strict=True) if a != b}
        print(f"{len(old)} inputs compared:", ", ".join(f"{g} {n}" for g, n in groups.items()))
        if not differ:
            print("identical")
            return 0
        kinds: dict[str, int] = {}
        for line in old:
            if int(line.split("\t")[0]) in differ:
                kinds[line.split("\t")[1]] = kinds.get(line.split("\t")[1], 0) + 1
        print("differ:", ", ".join(f"{g} {n}" for g, n in kinds.items()))
        first = set(sorted(differ)[:3])
        shown = [Path(tmp, "old-show.txt"), Path(tmp, "new-show.txt")]
        for p in [_run(old_root, inputs, shown[0], first), _run(args.new, inputs, shown[1], first)]:
            p.wait()
        print(f"{len(differ)} inputs differ; the first ones, where old and new part:")
        old_shown, new_shown = (path.read_text(encoding="utf-8").splitlines() for path in shown)
        for a, b in zip(old_shown, new_shown, strict=True):
            at = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            print(f"input {a.split(chr(9))[0]} ({a.split(chr(9))[1]}), at character {at}:")
            print(f"  old ...{a[max(0, at - 300):at + 300]}...\n  new ...{b[max(0, at - 300):at + 300]}...")
        return 1


if __name__ == "__main__":
    sys.exit(main())
