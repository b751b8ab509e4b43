"""Command line: ``timeline analyze`` (the timeline), ``timeline recognize``, ``timeline explain``.

The exit codes are in :data:`EXIT_CODES` (and ``timeline --help``): every
failure is one line on stderr, never a traceback, and its code says which kind
it was (a document, the input, the output, a signal).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import io
import json
import os
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from types import FrameType
from typing import Any, Protocol

import attrs

from ..dct import DctError, parse_dct
from ..lang import load_language
from ..model import Document
from ..output.records import interval_to_dict, recognition_to_dict, timex_to_dict
from ..pipeline import recognize_document
from ..text.parse import BackendError, get_parser
from ..text.reading import read, tense_at
from ..time.algebra import Interval
from ..time.intent import Tense
from ..time.recognize import Resolver, resolve_mentions
from ..time.recognizer import mentions_in
from ..time.resolve import unresolved, uses_reference
from ..time.timex import is_value
from ..time.timex import parse as parse_value
from .corpus import DCT_SIDECAR, Entry, InputError, Job, folder_entries, jsonl_entries, line_id, read_text, run_entry
from .pool import cores, ordered_map

__all__ = ["EXIT_FAILED_DOCUMENTS", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_OUTPUT", "EXIT_TERMINATED", "EXIT_USAGE",
           "FORMATS", "main", "write_document"]

EXIT_OK, EXIT_FAILED_DOCUMENTS, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


EXIT_CODES = """exit codes:
  0    success
  1    some documents of a corpus failed (each has an error line; the others are done)
  2    bad usage, or input that cannot be read
  3    the output cannot be written (a full disk, a closed standard output; also, without
       a message, when the reader stops early, as `head` does)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM): worker processes stop with the run
every failure is one line on stderr, starting "timeline:", never a traceback"""


class _Sink(Protocol):
    """Where output goes: standard output, or a buffer in the tests."""

    def write(self, s: str, /) -> int: ...


class OutputError(Exception):
    """The output cannot be written; ``errno`` says why."""

    def __init__(self, err: OSError) -> None:
        super().__init__(err.strerror or str(err))
        self.errno = err.errno


class _Output:
    """A stream whose write errors become :class:`OutputError`, so that they are told apart
    from errors of reading."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.encoding = getattr(stream, "encoding", None)

    def write(self, s: str) -> int:
        try:
            return int(self._stream.write(s))
        except OSError as err:
            raise OutputError(err) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as err:
            raise OutputError(err) from None


class _Terminated(BaseException):
    """SIGTERM arrived: unwind (stopping any workers on the way) and exit."""


def _dumps(obj: Any, out: _Sink, indent: int | None = None) -> str:
    """JSON for ``out``: UTF-8 text as is, but ``\\u`` escapes where ``out`` cannot encode
    a character (a lone surrogate from a JSONL ``"\\ud800"``, or a narrow terminal)."""
    s = json.dumps(obj, ensure_ascii=False, indent=indent)
    try:
        s.encode(getattr(out, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, indent=indent)
    return s


def _write_json(head: dict[str, Any], key: str, items: Iterable[Any], out: _Sink, indent: int | None) -> None:
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


def _table(rec: dict[str, Any], out: _Sink) -> None:
    from ..output.formats import printable

    out.write(f"DCT {rec['dct']} ({rec['dct_source']})\n")
    rows = [(f"{t['start']}-{t['end']}", printable(" ".join(t["text"].split())), t["type"], t["value"],
             t.get("mod", ""), t["rule"]) for t in rec["timexes"]]
    header = ("span", "text", "type", "value", "mod", "rule")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no time expressions)\n")


def _recognize(args: argparse.Namespace, out: _Sink) -> int:
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


def _run_corpus(args: argparse.Namespace, out: _Sink, job: Job) -> int:
    """Corpus mode: one result line per document, in input order, on ``--workers`` processes;
    a document that fails gets an error line (and exit code 1), the others go on."""
    entries = (jsonl_entries(args.file, args.encoding, args.errors) if args.jsonl
               else folder_entries(args.file, args.dcts))
    workers = args.workers
    if workers is None:  # every core for the built-in parser; a model or server per process costs too much
        workers = cores() if job.parser == "builtin" else 1
    elif workers > 1 and not isinstance(job.parser, str):
        raise InputError("--workers above 1 is for the builtin and stanza parsers (Frog runs as one server)")
    results = ordered_map(functools.partial(run_entry, job=job), entries, workers, failed=_lost)
    failed = 0
    with _progress(args) as bar:
        for record, error in results:
            if error is not None:
                failed += 1
                message = f"timeline: {error}"
                if bar is not None:
                    bar.write(message, file=sys.stderr)
                else:
                    _say(message)
            out.write(_dumps(record, out) + "\n")
            if bar is not None:
                bar.update()
    return 1 if failed else 0


def _lost(entry: Entry, reason: str) -> tuple[dict[str, Any], str]:
    """The error record of a document whose worker process died while on it."""
    where = f"{entry.where}: {reason}"
    return {"id": line_id(entry), "error": where}, where


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


def _analyze(args: argparse.Namespace, out: _Sink) -> int:
    from ..pipeline import analyze
    from ..text.parse import get_parser

    anchors = _anchors(args.anchor)
    if args.model_dir and args.parser != "stanza":
        raise InputError("--model-dir is for --parser stanza")
    with contextlib.ExitStack() as stack:
        # One backend for every document of a corpus; Frog takes seconds to load, so a
        # corpus gets one Frog server rather than one start per document.
        corpus = _is_corpus(args)
        parser: Any = args.parser
        if args.parser == "frog" and corpus:
            from ..text.frog import FrogServer

            parser = stack.enter_context(FrogServer()).parser()
        if corpus:
            job = Job("analyze", args.dct, anchors, parser, args.model_dir, args.encoding, args.errors)
            return _run_corpus(args, out, job)
        if args.parser != "builtin":
            parser = get_parser(args.parser, model_dir=args.model_dir)
        doc = analyze(read_text(args.file, args.encoding, args.errors), args.dct, anchors=anchors, parser=parser)
    write_document(doc, args.format, out, args.file)
    return 0


FORMATS = ("table", "json", "jsonl", "timeml", "csv", "html")


def write_document(doc: Document, fmt: str, out: _Sink, name: str = "-") -> None:
    """Write ``doc`` to ``out`` as ``analyze --format fmt`` does; ``name`` is the input file
    (``-``: standard input), for the page's title and the JSON line's id."""
    from ..output.formats import (
        document_to_csv,
        document_to_dict,
        document_to_jsonl_line,
        document_to_timeml,
        timeline_table,
    )

    if fmt == "table":
        out.write(timeline_table(doc))
    elif fmt == "timeml":
        out.write(document_to_timeml(doc) + "\n")
    elif fmt == "csv":
        out.write(document_to_csv(doc))
    elif fmt == "html":
        from ..output.html import document_to_html

        out.write(document_to_html(doc, "Timeline" if name == "-" else f"Timeline: {os.path.basename(name)}"))
    elif fmt == "jsonl":
        out.write(_dumps(document_to_jsonl_line(doc, name), out) + "\n")
    elif fmt == "json":
        out.write(_dumps(document_to_dict(doc), out, indent=2) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


def _explain(args: argparse.Namespace, out: _Sink) -> int:
    lang = load_language("nl")
    dct = parse_dct(args.dct)
    text = args.expression
    mentions = mentions_in(text, lang)
    if not mentions:
        out.write(f"no time expression found in {text!r}\n")
        return 1
    reference, note = _reference(args.reference)
    if args.tense:
        timexes = resolve_mentions(text, mentions, dct, Tense(args.tense), reference)
    else:  # the tense of its clause, as the parse of the expression gives it
        block = next(read(text, get_parser("builtin", lang), lang))
        timexes = tuple(Resolver(text, dct, reference).resolve(mentions, lambda m: tense_at(block, m.span.start, lang)))
    for t in timexes:
        if note and uses_reference(t.intent):  # its anchor lies beyond the calendar: its value is unknown
            unknown = unresolved(t.intent)
            t = attrs.evolve(t, type=unknown.type, value=unknown.value, interval=None)
        out.write(f"text      {t.text!r}\n")
        out.write(f"rule      {t.rule}\n")
        out.write(f"meaning   {t.intent!r}\n")
        out.write(f"anchor    DCT {dct.isoformat()}, tense {t.tense.value if t.tense else '-'}"
                  + (f", reference {args.reference}{note}" if args.reference else "") + "\n")
        out.write(f"type      {t.type.value}\n")
        out.write(f"value     {t.value}" + (f" (mod {t.mod.value})" if t.mod else "") + "\n")
        out.write(f"interval  {json.dumps(interval_to_dict(t.interval))}\n")
        if args.json:
            out.write(_dumps(timex_to_dict(t), out) + "\n")
    return 0


def _reference(value: str | None) -> tuple[Interval | None, str]:
    """The ``--reference`` interval, and a note when the value is one the calendar has no
    room for (``9999-12-31`` would end in year 10000)."""
    if not value:
        return None, ""
    try:
        return parse_value(value), ""
    except ValueError:
        if not is_value(value):
            raise ValueError(f"--reference must be a TIMEX3 date or time value such as 2017-02-02 or "
                             f"2017-W05, not {value!r}") from None
        return None, " (beyond the ends of the calendar: what it anchors is unknown)"


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
                                     "times, normalized and resolved.", epilog=EXIT_CODES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    rec = _with_input(sub.add_parser("recognize", help="find and resolve the time expressions of a text"))
    rec.add_argument("--format", choices=("table", "jsonl", "json"), default="table",
                     help="table for people, jsonl for one JSON line, json indented (default: table)")
    rec.set_defaults(run=_recognize)

    ana = _with_input(sub.add_parser("analyze", help="the timeline of a text: its events, ordered, with their times"))
    ana.add_argument("--format", choices=FORMATS, default="table",
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
    if sys.stdout is None:  # started with standard output closed
        _say("timeline: error: cannot write the output: standard output is closed")
        return EXIT_OUTPUT
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.errors == "strict":
        # A terminal that cannot show a character gets U+FFFD or "?", not a traceback.
        sys.stdout.reconfigure(errors="replace")
    out = _Output(sys.stdout)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main_thread else None
    try:
        code = int(args.run(args, out))
        out.flush()
        return code
    except (InputError, DctError, ValueError, BackendError) as err:
        # ValueError: e.g. a bad --reference value; BackendError: a parser that cannot run
        _say(f"timeline: error: {err}")
        return EXIT_USAGE
    except OutputError as err:
        _silence_stdout()
        if err.errno != errno.EPIPE:  # a reader that stopped reading is no error to report
            _say(f"timeline: error: cannot write the output: {err}")
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def _say(message: str) -> None:
    """A line on stderr, if there is a stderr to write to."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what is
    still buffered does not fail a second time on the way out."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
