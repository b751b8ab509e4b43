"""Command line: ``timeline analyze`` (the timeline), ``timeline recognize``, ``timeline explain``.

Exit codes: 0 success, 1 some documents of a corpus failed, 2 bad usage or
input (a message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from .annotate import recognize_document, resolve_mentions
from .backends import BackendError
from .batch import cores, ordered_map
from .corpus import DCT_SIDECAR, InputError, Job, folder_entries, jsonl_entries, read_text, run_entry
from .dct import DctError, parse_dct
from .export import interval_to_dict, recognition_to_dict, timex_to_dict
from .intent import Tense
from .lang import load_language
from .recognizer import find_mentions
from .timex import parse as parse_value

__all__ = ["main"]

def _dumps(obj: Any, out: IO[str], indent: int | None = None) -> str:
    """JSON for ``out``: UTF-8 text as is, but ``\\u`` escapes where ``out`` cannot encode
    a character (a lone surrogate from a JSONL ``"\\ud800"``, or a narrow terminal)."""
    s = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        s.encode(getattr(out, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, indent=indent)
    return s


def _write_json(head: dict[str, Any], key: str, items: Iterable[Any], out: IO[str], indent: int | None) -> None:
    """Write ``{**head, key: [items...]}`` as ``json.dumps`` would, one item at a time, so that
    a long document's output never has to exist whole in memory."""
    pad = "" if indent is None else " " * indent
    nl = "" if indent is None else "\n"
    sep = ", " if indent is None else ","
    fields = [f"{nl}{pad}{json.dumps(k)}: {_dumps(v, out)}" for k, v in head.items()]
    out.write("{" + sep.join(fields) + f"{sep}{nl}{pad}{json.dumps(key)}: [")
    first = True
    for value in items:
        text = _dumps(value, out, indent)
        if indent is not None:
            text = text.replace("\n", "\n" + pad * 2)
        out.write(("" if first else sep) + nl + pad * 2 + text)
        first = False
    out.write(("]" if first else f"{nl}{pad}]") + nl + "}\n")


def _table(rec: dict[str, Any], out: IO[str]) -> None:
    out.write(f"DCT {rec['dct']} ({rec['dct_source']})\n")
    rows = [(f"{t['start']}-{t['end']}", t["text"], t["type"], t["value"], t.get("mod", ""), t["rule"])
            for t in rec["timexes"]]
    header = ("span", "text", "type", "value", "mod", "rule")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no time expressions)\n")


def _recognize(args: argparse.Namespace, out: IO[str]) -> int:
    if _is_corpus(args):
        return _run_corpus(args, out, Job("recognize", args.dct, encoding=args.encoding, errors=args.errors))
    text = read_text(args.file, args.encoding, args.errors)
    recognition = recognize_document(text, args.dct)
    if args.format == "table":
        _table(recognition_to_dict(recognition), out)
    else:
        head = {"dct": recognition.dct.isoformat(), "dct_source": recognition.dct_source.value}
        _write_json(head, "timexes", map(timex_to_dict, recognition.timexes), out,
                    2 if args.format == "json" else None)
    return 0


def _is_corpus(args: argparse.Namespace) -> bool:
    return bool(args.jsonl) or (args.file != "-" and os.path.isdir(args.file))


def _run_corpus(args: argparse.Namespace, out: IO[str], job: Job) -> int:
    """Corpus mode: one result line per document, in input order, on ``--workers`` processes;
    a document that fails gets an error line (and exit code 1), the others go on."""
    entries = (jsonl_entries(args.file, args.encoding, args.errors) if args.jsonl
               else folder_entries(args.file, args.dcts))
    workers = args.workers
    if workers is None:  # every core for the built-in parser; a model or server per process costs too much
        workers = cores() if job.parser == "builtin" else 1
    elif workers > 1 and not isinstance(job.parser, str):
        raise InputError("--workers above 1 is for the builtin and stanza parsers (Frog runs as one server)")
    results = ordered_map(functools.partial(run_entry, job=job), entries, workers,
                          failed=lambda entry, reason: ({"id": entry.id if entry.id is not None else entry.number,
                                                         "error": f"{entry.where}: {reason}"},
                                                        f"{entry.where}: {reason}"))
    failed = 0
    with _progress(args) as bar:
        for record, error in results:
            if error is not None:
                failed += 1
                message = f"timeline: {error}"
                if bar is not None:
                    bar.write(message, file=sys.stderr)
                else:
                    print(message, file=sys.stderr)
            out.write(_dumps(record, out) + "\n")
            if bar is not None:
                bar.update()
    return 1 if failed else 0


def _progress(args: argparse.Namespace) -> contextlib.AbstractContextManager[Any]:
    """A progress bar on stderr when stderr is a terminal (and not ``--quiet``), else nothing."""
    if args.quiet or not sys.stderr.isatty():
        return contextlib.nullcontext()
    from tqdm import tqdm  # type: ignore[import-untyped]

    bar: contextlib.AbstractContextManager[Any] = tqdm(file=sys.stderr, unit=" docs", desc="timeline",
                                                       dynamic_ncols=True)
    return bar


def _anchors(pairs: Sequence[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, when = pair.partition("=")
        if not sep or not name.strip() or not when.strip():
            raise InputError(f"--anchor needs NAME=DATE, e.g. inauguratie=2017-01-20, not {pair!r}")
        out[name.strip()] = when.strip()
    return out


def _analyze(args: argparse.Namespace, out: IO[str]) -> int:
    from .analyze import analyze, get_parser
    from .formats import document_to_csv, document_to_dict, document_to_jsonl_line, document_to_timeml, timeline_table

    anchors = _anchors(args.anchor)
    if args.model_dir and args.parser != "stanza":
        raise InputError("--model-dir is for --parser stanza")
    with contextlib.ExitStack() as stack:
        # One backend for every document of a corpus; Frog takes seconds to load, so a
        # corpus gets one Frog server rather than one start per document.
        corpus = _is_corpus(args)
        parser: Any = args.parser
        if args.parser == "frog" and corpus:
            from .backends.frog import FrogServer

            parser = stack.enter_context(FrogServer()).parser()
        if corpus:
            job = Job("analyze", args.dct, anchors, parser, args.model_dir, args.encoding, args.errors)
            return _run_corpus(args, out, job)
        if args.model_dir:
            from .backends.stanza import StanzaParser

            parser = StanzaParser(model_dir=args.model_dir)
        elif args.parser != "builtin":
            parser = get_parser(args.parser)
        doc = analyze(read_text(args.file, args.encoding, args.errors), args.dct, anchors=anchors, parser=parser)
    if args.format == "table":
        out.write(timeline_table(doc))
    elif args.format == "timeml":
        out.write(document_to_timeml(doc) + "\n")
    elif args.format == "csv":
        out.write(document_to_csv(doc))
    elif args.format == "html":
        from .html import document_to_html

        title = "Timeline" if args.file == "-" else f"Timeline: {os.path.basename(args.file)}"
        out.write(document_to_html(doc, title))
    elif args.format == "jsonl":
        out.write(_dumps(document_to_jsonl_line(doc, args.file), out) + "\n")
    else:
        out.write(_dumps(document_to_dict(doc), out, indent=2) + "\n")
    return 0


def _explain(args: argparse.Namespace, out: IO[str]) -> int:
    lang = load_language("nl")
    dct = parse_dct(args.dct)
    mentions = find_mentions(args.expression, lang)
    if not mentions:
        out.write(f"no time expression found in {args.expression!r}\n")
        return 1
    reference = parse_value(args.reference) if args.reference else None
    tense = Tense(args.tense) if args.tense else None
    timexes = resolve_mentions(args.expression, mentions, dct, lang, tense=tense, reference=reference)
    for t in timexes:
        out.write(f"text      {t.text!r}\n")
        out.write(f"rule      {t.rule}\n")
        out.write(f"meaning   {t.intent!r}\n")
        out.write(f"anchor    DCT {dct.isoformat()}, tense {t.tense.value if t.tense else '-'}"
                  + (f", reference {args.reference}" if args.reference else "") + "\n")
        out.write(f"type      {t.type.value}\n")
        out.write(f"value     {t.value}" + (f" (mod {t.mod.value})" if t.mod else "") + "\n")
        out.write(f"interval  {json.dumps(interval_to_dict(t.interval))}\n")
        if args.json:
            out.write(_dumps(timex_to_dict(t), out) + "\n")
    return 0


def _with_input(cmd: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options every command that reads documents shares: the file, its DCT, corpus mode, decoding."""
    cmd.add_argument("file", help="a text file, - for standard input, or a folder of .txt files (a corpus)")
    cmd.add_argument("--dct", help="document creation time, e.g. 2017-02-02 (default: the dateline of the text)")
    cmd.add_argument("--jsonl", action="store_true",
                     help='corpus mode: FILE has lines {"id","dct","text"}; writes one result line per document')
    cmd.add_argument("--encoding", default="utf-8", help="encoding of the input (default: utf-8)")
    cmd.add_argument("--errors", choices=("strict", "replace"), default="strict",
                     help="what to do with undecodable bytes (default: strict, an error)")
    corpus = cmd.add_argument_group("corpora (--jsonl, or FILE a folder)")
    corpus.add_argument("--workers", type=_positive, metavar="N",
                        help="processes to use (default: every core with the builtin parser, else 1)")
    corpus.add_argument("--dcts", metavar="TSV", help=f"for a folder: lines 'file.txt<TAB>DCT' (default: "
                        f"FOLDER/{DCT_SIDECAR} when it exists; files it does not list take --dct or their dateline)")
    corpus.add_argument("--quiet", action="store_true", help="no progress bar (shown only when stderr is a terminal)")
    return cmd


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Dutch news text to a timeline: events and their "
                                     "times, normalized and resolved.")
    sub = parser.add_subparsers(dest="command", required=True)

    rec = _with_input(sub.add_parser("recognize", help="find and resolve the time expressions of a text"))
    rec.add_argument("--format", choices=("table", "jsonl", "json"), default="table",
                     help="table for people, jsonl for one JSON line, json indented (default: table)")
    rec.set_defaults(run=_recognize)

    ana = _with_input(sub.add_parser("analyze", help="the timeline of a text: its events, ordered, with their times"))
    ana.add_argument("--format", choices=("table", "json", "jsonl", "timeml", "csv", "html"), default="table",
                     help="table for people (default), json, jsonl (the scorer's line), timeml (TimeML 1.2), csv, "
                     "html (a self-contained page to look at)")
    ana.add_argument("--anchor", action="append", metavar="NAME=DATE",
                     help="date an event the text does not date, e.g. inauguratie=2017-01-20 (repeatable)")
    ana.add_argument("--parser", default="builtin", choices=("builtin", "stanza", "frog"),
                     help="builtin (default, no model), stanza (needs a Dutch stanza model) or frog (needs Frog)")
    ana.add_argument("--model-dir", help="the stanza model folder (default: $TIMELINE_STANZA_MODEL_DIR, "
                     "else stanza's resources)")
    ana.set_defaults(run=_analyze)

    exp = sub.add_parser("explain", help="show how one expression is read and resolved")
    exp.add_argument("expression", help='a Dutch time expression, e.g. "komende donderdag"')
    exp.add_argument("--dct", required=True, help="document creation time, e.g. 2017-02-02")
    exp.add_argument("--tense", choices=[t.value for t in Tense], help="tense of the clause (default: detected)")
    exp.add_argument("--reference", help="reference time as a TIMEX3 value, for anaphoric expressions")
    exp.add_argument("--json", action="store_true", help="also print the expression as JSON")
    exp.set_defaults(run=_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.errors == "strict":
        # A terminal that cannot show a character gets U+FFFD or "?", not a traceback.
        sys.stdout.reconfigure(errors="replace")
    try:
        return int(args.run(args, sys.stdout))
    except (InputError, DctError) as err:
        print(f"timeline: error: {err}", file=sys.stderr)
        return 2
    except ValueError as err:  # e.g. a bad --reference value
        print(f"timeline: error: {err}", file=sys.stderr)
        return 2
    except BackendError as err:  # a parser backend that cannot run (not installed, no model)
        print(f"timeline: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
