#!/usr/bin/env python3
"""Check that two checkouts of ``timeline`` give byte-identical built-in parses.

Why this exists: the built-in parser is tuned for speed, and a speed-up must not
change a single column of its output. This script parses one large, varied input
set with an old checkout and a new one (each in its own process, so each imports
its own ``timeline``) and compares every column of every sentence: ``texts``,
``starts``, ``ends``, ``lemmas``, ``upos``, ``feats``, ``heads``, ``deprels``,
``particles``, ``clauses``, ``index``, ``start``, ``end``.

The input set: the 5 MB benchmark corpus as articles and as one document, every
text of the evaluation sets, the example article, and random texts built from
tricky pieces (dotted abbreviations, initials, quotes, clitics, hyphens, numbers,
odd capitals, line breaks, headlines, very long sentences, separable verbs,
subordinate clauses) and from the language's own word lists. The inputs are built
once, in this process, and handed to both workers, so both parse the very same text.

    python benchmarks/check_parser_identity.py --old 324b4f3       # a git revision, or a checkout's folder
    python benchmarks/check_parser_identity.py --old 324b4f3 --random 20000   # quicker

Each worker prints one digest per input (a hash of all its sentences' columns); where
two digests differ, both workers parse that input again and the first differing
sentence and column are shown. Exit status 1 if anything differs.
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
import time
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
COLUMNS = ("index", "start", "end", "texts", "starts", "ends", "lemmas", "upos", "feats", "heads", "deprels",
           "particles", "clauses")
_SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"  # the gold data beside the checkout
EVAL = (_SHARED / "dev.jsonl", _SHARED / "dev-wide.jsonl")
EXAMPLE = "examples/artikel.txt"

# -- the inputs ---------------------------------------------------------------------------------

PIECES = (
    # abbreviations, initials, dotted forms
    "dhr.", "mevr.", "o.a.", "a.s.", "U.S.A.", "U.S.A", "e.d.", "m.b.t.", "bijv.", "ca.", "nr.", "blz.", "enz.",
    "etc.", "t/m", "i.p.v.", "J. Jansen", "P.J. de Vries", "A. van Dam", "mr. drs. K. Bakker", "Prof.", "St.",
    "jl.", "vs.", "Fa.", "no.", "dr.", "ir.", "z.g.a.n.", "N.B.", "a.", "B.", "x.", "...", "…", "..",
    # quotes and clitics
    "'", "’", "‘", '"', "“", "”", "„", "«", "»", "'s", "’s", "'t", "’t", "'n", "'s ochtends", "’s avonds",
    "'ns", "`s", "´t", "'Het", "‘Wij", "’Dat", "''", "'s-Hertogenbosch", "'80", "’90",
    # hyphens and dashes
    "oud-wethouder", "-", "–", "—", "Noord-Holland", "e-mail", "anti-", "-achtig", "x-y-z", "rock-'n-roll",
    # numbers
    "3.000", "2,5", "15.30", "19-20", "1.200.000", "0,5%", "3e", "21ste", "2017", "14-03-2017", "12:30", "1/2",
    "10.", "5,-", "€", "$", "%", "‰", "#1", "@", "&", "§", "°C", "+", "=", "*", "•", "·", "(", ")", "[", "]",
    "1e", "2de", "100ste", "00.30", "3.", "'17", "1990s", "4x", "x4",
    # unusual letters
    "İstanbul", "İ", "ΣΟΦΙΑ", "Σ", "ς", "σ", "ß", "STRAßE", "ǅ", "ﬁ", "Ⅻ", "ÿ", "Çağrı", "ĲSSEL", "ĳs",
    "naïef", "coördinatie", "café", "ÉÉN", "één", "Ørsted", "Āā",
    # punctuation
    ".", ",", ";", ":", "!", "?", "?!", "!!", "/", "\\", "_", "|", "~", "^",
    # verbs and clauses
    "legde", "op", "te", "leggen", "om", "uit", "af", "aan", "in", "mee", "door", "over", "terug", "voor",
    "stelde", "uitgesteld", "kondigde", "aangekondigd", "opgelegd", "heeft", "hebben", "is", "zijn", "werd",
    "worden", "wordt", "zal", "zullen", "kan", "kunnen", "moet", "moeten", "wil", "blijft", "bleef", "gaat",
    "dat", "die", "omdat", "als", "toen", "terwijl", "nadat", "voordat", "wanneer", "of", "en", "maar", "want",
    "hij", "zij", "ze", "wij", "het", "de", "een", "deze", "dit", "zijn", "haar", "hun", "daar", "er", "hier",
    "vertrokken", "gelopen", "gewerkt", "verkocht", "beslist", "opgepakt", "gesloten", "gestegen", "ging",
)

TEMPLATES = (
    "Hij legde de sancties {x} op.", "De minister heeft besloten het plan op te leggen.",
    "Omdat hij ziek was ging hij naar huis.", "Het plan, zo zei hij, is klaar.",
    "Hij legde, zo zei hij, de sancties op.", "Toen vertrok hij.", "Zij hebben de zaak verkocht.",
    "De wedstrijd die {x} begint, is uitgesteld.", "Dhr. J. Jansen (o.a. voorzitter) zei dat 't klaar is.",
    "Het museum is gesloten", "werd de politie gealarmeerd", "de getroffen wijk", "zijn vertrokken.",
    "om het plan uit te stellen", "stelt besluit {x} uit", "vergadert daar {x} over",
    "'s Ochtends om 15.30 uur kwamen 3.000 mensen.", "Ze zijn opgelucht.", "Hij kondigde aan dat hij stopt.",
    "De U.S.A. en de E.U. zeiden a.s. maandag iets.", "Als minister was hij {x} actief.",
    "“Wij gaan door,” zei ze. ‘Echt?’ vroeg hij.", "In 19-20 won de club met 2,5 punt.",
)


def _vocabulary(root: Path) -> list[str]:
    """Every word the language's data files name (keys and values), for random texts."""
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                out.add(str(k))
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            out.add(value)

    for name in ("parser.toml", "verbs.toml", "tense.toml", "lexicon.toml", "events.toml"):
        path = root / "timeline" / "lang" / "nl" / name
        if path.exists():
            walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted(w for w in out if 0 < len(w) < 40 and "\n" not in w)


def _separator(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.80:
        return " "
    if r < 0.85:
        return ""
    return rng.choice(("\n", "\r\n", "\n\n", "\n\n\n", "  ", "\t", " \n", "\n ", "\r\n\r\n", "\u00a0", "\u2009"))


def _case(word: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        return word[:1].upper() + word[1:]
    if r < 0.18:
        return word.upper()
    return word


def _random_text(rng: random.Random, vocab: list[str], sentences: list[str]) -> str:
    """A text of one of several shapes, all made of the pieces the parser finds hard."""
    shape = rng.random()
    if shape < 0.35:  # words and pieces at random
        words = [_case(rng.choice(vocab if rng.random() < 0.6 else PIECES), rng) for _ in range(rng.randint(1, 40))]
        return "".join(w + _separator(rng) for w in words).rstrip(" ") if rng.random() < 0.5 else \
            "".join(_separator(rng) + w for w in words)
    if shape < 0.65:  # real-looking sentences, with a few pieces dropped in or taken out
        out = []
        for _ in range(rng.randint(1, 6)):
            words = rng.choice(sentences).split(" ")
            for _ in range(rng.randint(0, 3)):
                k = rng.randrange(len(words) + 1)
                if rng.random() < 0.5 and words:
                    del words[min(k, len(words) - 1)]
                else:
                    words.insert(k, _case(rng.choice(PIECES + tuple(rng.choices(vocab, k=5))), rng))
            if rng.random() < 0.1 and words:
                words[-1] = words[-1].rstrip(".!?")  # a headline without punctuation
            out.append(" ".join(words))
        return "".join(s + _separator(rng) for s in out)
    if shape < 0.85:  # the hard templates
        return " ".join(rng.choice(TEMPLATES).replace("{x}", _case(rng.choice(vocab), rng))
                        for _ in range(rng.randint(1, 4)))
    if shape < 0.95:  # lines: headlines, lists, blank lines, carriage returns
        lines = []
        for _ in range(rng.randint(2, 8)):
            n = rng.choice((1, 2, 3, 5, 12))
            line = " ".join(_case(rng.choice(vocab), rng) for _ in range(n))
            lines.append(line + rng.choice(("", "", ".", ":", ",", " -", "!", "?\"", ".)", "...")))
        return rng.choice(("\n", "\r\n", "\n\n")).join(lines)
    # a very long sentence (more than 400 tokens), with commas and subordinators
    words = [rng.choice(vocab if rng.random() < 0.7 else PIECES) for _ in range(rng.randint(380, 1000))]
    return " ".join(words).replace(" . ", " ; ") + "."


def inputs(root: Path, count: int, seed: int) -> list[str]:
    """The input set, in a fixed order."""
    sys.path.insert(0, str(root / "benchmarks"))
    from bench_recognize import articles, make_corpus, make_sentence
    corpus = make_corpus(5 * 1024 * 1024)
    out = [corpus, *articles(corpus)]
    for path in EVAL:
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out.append((root / EXAMPLE).read_text(encoding="utf-8"))
    rng = random.Random(seed)
    sentences = [make_sentence(rng) for _ in range(2000)]
    for text in out[1:]:
        if rng.random() < 0.2:
            sentences += [s for s in text.replace("\n", " ").split(". ") if s][:20]
    vocab = _vocabulary(root) + [w for s in sentences[:500] for w in s.split()]
    out += [_random_text(rng, vocab, sentences) for _ in range(count)]
    return out


# -- the workers --------------------------------------------------------------------------------

def _columns(sentence: Any) -> tuple[Any, ...]:
    values = []
    for name in COLUMNS:
        value = getattr(sentence, name)
        if name == "feats":
            value = tuple(tuple(sorted(f.items())) for f in value)
        values.append(value)
    return tuple(values)


def work(path: str, dump: list[int]) -> None:
    """Parse every input of ``path`` (JSON lines) and print a digest per input (or, for the
    inputs in ``dump``, every sentence's columns)."""
    import timeline
    from timeline.parse.builtin import BuiltinParser
    print("timeline from", Path(timeline.__file__).parent, file=sys.stderr)
    parser = BuiltinParser()
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if dump and k not in dump:
                continue
            text = json.loads(line)
            parsed = [_columns(s) for s in parser.parse(text)]
            if dump:
                print(json.dumps([k, [[repr(v) for v in c] for c in parsed]]))
            else:
                print(hashlib.sha256(repr(parsed).encode("utf-8", "surrogatepass")).hexdigest())


def _run(root: str, path: str, dump: list[int] | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(root).resolve())}
    args = [sys.executable, str(Path(__file__).resolve()), "--worker", path]
    if dump:
        args += ["--dump", ",".join(map(str, dump))]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)


def _explain(old: str, new: str, path: str, bad: list[int], texts: list[str]) -> None:
    """Show where the first differing inputs differ: sentence, column, values."""
    outs = [_run(root, path, bad[:5]).communicate()[0].splitlines() for root in (old, new)]
    for a, b in zip(*outs, strict=True):
        k, old_sents = json.loads(a)
        _, new_sents = json.loads(b)
        print(f"input {k}: {texts[k][:200]!r}")
        if len(old_sents) != len(new_sents):
            print(f"  {len(old_sents)} sentences before, {len(new_sents)} now")
        for s, (x, y) in enumerate(zip(old_sents, new_sents, strict=False)):
            if x != y:
                for name, old_value, new_value in zip(COLUMNS, x, y, strict=True):
                    if old_value != new_value:
                        print(f"  sentence {s}, {name}:\n    old {old_value[:1000]}\n    new {new_value[:1000]}")
                break


def _check_revision(args: argparse.Namespace) -> int:
    """Run the check against a git revision, extracted to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", args.old], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        argv = [sys.executable, str(Path(__file__).resolve()), "--old", folder, "--new", args.new,
                "--random", str(args.random), "--seed", str(args.seed)]
        return subprocess.run(argv).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", default="324b4f3",
                    help="checkout with the reference parser, or a git revision of this repository")
    ap.add_argument("--new", default=str(HERE.parent), help="checkout with the parser under test")
    ap.add_argument("--random", type=int, default=300_000, help="how many random texts")
    ap.add_argument("--seed", type=int, default=20170202)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--dump", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        work(args.worker, [int(k) for k in args.dump.split(",")] if args.dump else [])
        return 0
    if not Path(args.old).is_dir():
        return _check_revision(args)
    t0 = time.perf_counter()
    texts = inputs(HERE.parent, args.random, args.seed)
    size = sum(map(len, texts))
    print(f"{len(texts)} inputs, {size / 1e6:.1f} M characters (built in {time.perf_counter() - t0:.0f} s)", flush=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".jsonl", delete=False) as f:
        for text in texts:
            f.write(json.dumps(text) + "\n")
    try:
        workers = [_run(root, f.name) for root in (args.old, args.new)]
        old_digests, new_digests = (w.communicate()[0].splitlines() for w in workers)
        if any(w.returncode for w in workers) or len(old_digests) != len(texts) or len(new_digests) != len(texts):
            print("a worker failed")
            return 1
        bad = [k for k, (x, y) in enumerate(zip(old_digests, new_digests, strict=True)) if x != y]
        print(f"compared {len(texts)} inputs in {time.perf_counter() - t0:.0f} s: {len(bad)} differ")
        if bad:
            _explain(args.old, args.new, f.name, bad, texts)
            return 1
        return 0
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    sys.exit(main())
