"""Command line: ``timeline analyze`` (the timeline), ``timeline recognize``, ``timeline explain``.

Exit codes: 0 success, 1 some documents of a corpus failed, 2 bad usage or
input (a message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from .annotate import recognize_document, resolve_mentions
from .backends import BackendError
from .dct import DctError, parse_dct
from .export import interval_to_dict, recognition_to_dict, timex_to_dict
from .intent import Tense
from .lang import load_language
from .recognizer import find_mentions
from .timex import parse as parse_value

__all__ = ["main"]

MAX_BYTES = 200 * 1024 * 1024  # refuse to read more than this from one input


class InputError(Exception):
    """Input the CLI cannot use; the message says why, and the exit code is 2."""


def _read(path: str, encoding: str, errors: str) -> str:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            name = "standard input"
        else:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
            name = path
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 2**20} MB; split it into documents")
    if not data.strip():
        raise InputError(f"{name}: the input is empty")
    if data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("-", "") == "utf8":
        data = data[3:]
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} at byte {err.start} "
                         f"(use --encoding, or --errors replace)") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")
    return text


def _dumps(obj: Any, out: IO[str], indent: int | None = None) -> str:
    """JSON for ``out``: UTF-8 text as is, but ``\\u`` escapes where ``out`` cannot encode
    a character (a lone surrogate from a JSONL ``"\\ud800"``, or a narrow terminal)."""
    s = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        s.encode(getattr(out, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, indent=indent)
    return s


def _write_json(head: dict[str, Any], items: Iterable[tuple[str, Iterable[Any]]], out: IO[str],
                indent: int | None) -> None:
    """Write ``{**head, key: [items...]...}`` as ``json.dumps`` would, one item at a time, so that
    a long document's output never has to exist whole in memory."""
    pad = "" if indent is None else " " * indent
    nl = "" if indent is None else "\n"
    sep = ", " if indent is None else ","
    fields = [f"{nl}{pad}{json.dumps(k)}: {_dumps(v, out)}" for k, v in head.items()]
    out.write("{" + sep.join(fields))
    for k, values in items:
        out.write(f"{sep}{nl}{pad}{json.dumps(k)}: [")
        first = True
        for value in values:
            text = _dumps(value, out, indent)
            if indent is not None:
                text = text.replace("\n", "\n" + pad * 2)
            out.write(("" if first else sep) + nl + pad * 2 + text)
            first = False
        out.write("]" if first else f"{nl}{pad}]")
    out.write(nl + "}\n")


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
    if args.jsonl:
        return _corpus(args, out)
    text = _read(args.file, args.encoding, args.errors)
    recognition = recognize_document(text, args.dct)
    if args.format == "table":
        _table(recognition_to_dict(recognition), out)
    else:
        head = {"dct": recognition.dct.isoformat(), "dct_source": recognition.dct_source.value}
        _write_json(head, [("timexes", map(timex_to_dict, recognition.timexes))], out,
                    2 if args.format == "json" else None)
    return 0


def _corpus(args: argparse.Namespace, out: IO[str]) -> int:
    """Lines ``{"id", "dct", "text"}`` in, lines ``{"id", "timexes"}`` out; bad lines become errors."""
    return _each_line(args, out, lambda doc_id, text, dct: {
        "id": doc_id, **recognition_to_dict(recognize_document(text, dct))})


def _each_line(args: argparse.Namespace, out: IO[str], run: Callable[[Any, str, Any], dict[str, Any]]) -> int:
    """Corpus mode: one JSON document per line in, one result line out; a bad line
    becomes an error line (and exit code 1), the others go on."""
    text = _read(args.file, args.encoding, args.errors)
    failed = 0
    # JSON Lines end with \n (or \r\n) only: str.splitlines would also cut at U+2028 and
    # the like, which JSON allows unescaped inside a string.
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        doc_id: Any = None
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError("a line must be a JSON object")
            doc_id = doc.get("id", number)
            if not isinstance(doc.get("text"), str):
                raise ValueError("missing \"text\"")
            result = run(doc_id, doc["text"], doc.get("dct", args.dct))
        except (ValueError, TypeError) as err:
            failed += 1
            result = _failure(doc_id, number, str(err))
        except (BackendError, InputError):
            raise  # the set-up is wrong, not this document: stop
        except Exception as err:  # a bug of ours must not take the other documents down with it
            failed += 1
            result = _failure(doc_id, number, f"internal error ({type(err).__name__}: {err}); please report it")
        out.write(_dumps(result, out) + "\n")
    return 1 if failed else 0


def _failure(doc_id: Any, number: int, reason: str) -> dict[str, Any]:
    """The output line of a document that failed, and its message on stderr."""
    print(f"timeline: line {number}: {reason}", file=sys.stderr)
    return {"id": doc_id if doc_id is not None else number, "error": f"line {number}: {reason}"}


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
        parser: Any = args.parser
        if args.model_dir:
            from .backends.stanza import StanzaParser

            parser = StanzaParser(model_dir=args.model_dir)
        elif args.parser == "frog" and args.jsonl:
            from .backends.frog import FrogServer

            parser = stack.enter_context(FrogServer()).parser()
        elif args.parser != "builtin":
            parser = get_parser(args.parser)
        if args.jsonl:
            return _each_line(args, out, lambda doc_id, text, dct: document_to_jsonl_line(
                analyze(text, dct, anchors=anchors, parser=parser), doc_id))
        doc = analyze(_read(args.file, args.encoding, args.errors), args.dct, anchors=anchors, parser=parser)
    if args.format == "table":
        out.write(timeline_table(doc))
    elif args.format == "timeml":
        out.write(document_to_timeml(doc) + "\n")
    elif args.format == "csv":
        out.write(document_to_csv(doc))
    elif args.format == "jsonl":
        out.write(_dumps(document_to_jsonl_line(doc, args.file), out) + "\n")
    else:
        data = document_to_dict(doc)
        _write_json({k: v for k, v in data.items() if not isinstance(v, list)},
                    [(k, v) for k, v in data.items() if isinstance(v, list)], out, 2)
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
    cmd.add_argument("file", help="a text file, or - for standard input")
    cmd.add_argument("--dct", help="document creation time, e.g. 2017-02-02 (default: the dateline of the text)")
    cmd.add_argument("--jsonl", action="store_true",
                     help='corpus mode: FILE has lines {"id","dct","text"}; writes one result line per document')
    cmd.add_argument("--encoding", default="utf-8", help="encoding of the input (default: utf-8)")
    cmd.add_argument("--errors", choices=("strict", "replace"), default="strict",
                     help="what to do with undecodable bytes (default: strict, an error)")
    return cmd


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Dutch news text to a timeline: events and their "
                                     "times, normalized and resolved.")
    sub = parser.add_subparsers(dest="command", required=True)

    rec = _with_input(sub.add_parser("recognize", help="find and resolve the time expressions of a text"))
    rec.add_argument("--format", choices=("table", "jsonl", "json"), default="table",
                     help="table for people, jsonl for one JSON line, json indented (default: table)")
    rec.set_defaults(run=_recognize)

    ana = _with_input(sub.add_parser("analyze", help="the timeline of a text: its events, ordered, with their times"))
    ana.add_argument("--format", choices=("table", "json", "jsonl", "timeml", "csv"), default="table",
                     help="table for people (default), json, jsonl (the scorer's line), timeml (TimeML 1.2), csv")
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
