"""Command line: ``timeline analyze`` (the timeline), ``timeline recognize``, ``timeline explain``.

The exit codes are in :data:`EXIT_CODES` (and ``timeline --help``): every
failure is one line on stderr, never a traceback, and its code says which kind
it was (a document, the input, the output, a signal).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from ..dct import DctError
from ..parse.backends import PARSERS
from ..parse.protocol import BackendError
from ..time.intent import Tense
from . import commands
from .corpus import DCT_SIDECAR, InputError
from .errors import for_option
from .formats import FORMATS, write_document
from .sink import Output, OutputError, say

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


class _Terminated(BaseException):
    """SIGTERM arrived: unwind (stopping any workers on the way) and exit."""


def _with_input(cmd: argparse.ArgumentParser, parse_gives: str) -> argparse.ArgumentParser:
    """The options every command that reads documents shares: the file, its DCT, corpus mode, decoding;
    ``parse_gives`` says what the parser's parse gives that command."""
    cmd.add_argument("file", metavar="FILE",
                     help="a text file, - for standard input, or a folder of .txt files (a corpus)")
    cmd.add_argument("--dct", metavar="DATE", help="document creation time, e.g. 2017-02-02, or with a time of day "
                     "2017-02-02T14:30 (default: the dateline of the text; in a corpus, for the documents "
                     "that give none)")
    cmd.add_argument("--jsonl", action="store_true",
                     help='corpus mode: FILE (or -) is JSON Lines, one document {"id","dct","text"} a line')
    cmd.add_argument("--encoding", default="utf-8", help="encoding of the input (default: utf-8)")
    cmd.add_argument("--errors", choices=("strict", "replace"), default="strict",
                     help="what to do with undecodable bytes (default: strict, an error)")
    _with_language(cmd)
    cmd.add_argument("--parser", default="builtin", choices=PARSERS,
                     help="builtin (default, no model), stanza (needs a stanza model), frog (needs Frog) or spacy "
                     f"(needs a spaCy pipeline); its parse gives {parse_gives}")
    cmd.add_argument("--model-dir", metavar="DIR", help="the model: for stanza its folder (default: "
                     "$TIMELINE_STANZA_MODEL_DIR, else stanza's resources); for spacy an installed pipeline's name "
                     "or its folder (default: nl_core_news_sm)")
    corpus = cmd.add_argument_group("corpora (--jsonl, or FILE a folder)")
    corpus.add_argument("--workers", type=_positive, metavar="N",
                        help="processes to use (default: every core with the builtin parser, else 1)")
    corpus.add_argument("--dcts", metavar="TSV", help=f"for a folder: lines 'file.txt<TAB>DCT' (default: "
                        f"FOLDER/{DCT_SIDECAR} when it exists; files it does not list take --dct or their dateline)")
    corpus.add_argument("--quiet", action="store_true", help="no progress bar (shown only when stderr is a terminal)")
    corpus.add_argument("--output-dir", metavar="DIR",
                        help="write each document's output to a file of its own in DIR (made if need be), named "
                        "safely from its id (e.g. nieuws1.html); standard output gets a line {\"id\",\"file\"} "
                        "per document. Without it a corpus is one JSON line per document on standard output, "
                        "so the formats other than jsonl and json need it")
    corpus.add_argument("--overwrite", action="store_true",
                        help="let --output-dir name a folder that is not empty, replacing files of the same names")
    return cmd


def _with_language(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--language", default="nl", metavar="CODE|FOLDER",
                     help="the language of the text: a code the library has (default: nl), or the folder of "
                     "a language of one's own (see the docs' page on languages)")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


DISTRIBUTION = "timeline-nl"  # the name on the package index; the import name is timeline


def version() -> str:
    """``timeline-nl 0.1.0``: the installed distribution's version, else (a checkout on the
    path, not installed) the package's own ``__version__``."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        number = installed(DISTRIBUTION)
    except PackageNotFoundError:
        from ..version import __version__ as number
    return f"{DISTRIBUTION} {number}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Dutch news text to a timeline: events and their "
                                     "times, normalized and resolved.", epilog=EXIT_CODES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=version(),
                        help="print the distribution's name and version, and exit")
    sub = parser.add_subparsers(dest="command", required=True,
                                title="commands (timeline COMMAND --help for each one's options)")

    ana = _with_input(sub.add_parser("analyze", help="the timeline of a text: its events, ordered, with their times"),
                      "the events, and the tense that steers relative expressions")
    ana.add_argument("--format", choices=FORMATS,
                     help="table for people (default), json (the timeline/1 schema), jsonl (the scorer's line), "
                     "timeml (TimeML 1.2), csv, html (a self-contained page to look at), timelinejs (JSON for "
                     "Knight Lab's TimelineJS); a corpus: jsonl by default, one line per document")
    ana.add_argument("--anchor", action="append", metavar="NAME=DATE",
                     help="date an event the text does not date, e.g. inauguratie=2017-01-20 (repeatable)")
    ana.set_defaults(run=commands.analyze)

    rec = _with_input(sub.add_parser("recognize", help="find and resolve the time expressions of a text"),
                      "the tense that steers relative expressions (donderdag: the last one, or the next)")
    rec.add_argument("--format", choices=("table", "jsonl", "json"),
                     help="table for people (default), json (indented), jsonl (one JSON line); a corpus: "
                     "jsonl by default, one line per document")
    rec.set_defaults(run=commands.recognize)

    exp = sub.add_parser("explain", help="show how one expression is read and resolved")
    exp.add_argument("expression", metavar="EXPRESSION", help='a Dutch time expression, e.g. "komende donderdag"')
    exp.add_argument("--dct", required=True, metavar="DATE",
                     help="document creation time, e.g. 2017-02-02 or 2017-02-02T14:30")
    exp.add_argument("--tense", choices=[t.value for t in Tense], help="tense of the clause (default: detected)")
    exp.add_argument("--reference", metavar="VALUE",
                     help="reference time as a TIMEX3 value (2015-03-12, 2017-W05), for anaphoric expressions "
                     "such as 'twee dagen later'")
    exp.add_argument("--format", choices=("text", "json"), default="text",
                     help="text for people, step by step (default), or json: one object with the DCT and each "
                     "expression found, as recognize writes it plus its family and meaning")
    _with_language(exp)
    exp.set_defaults(run=commands.explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if sys.stdout is None:  # started with standard output closed
        say("timeline: error: cannot write the output: standard output is closed")
        return EXIT_OUTPUT
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.errors == "strict":
        # A terminal that cannot show a character gets U+FFFD or "?", not a traceback.
        sys.stdout.reconfigure(errors="replace")
    out = Output(sys.stdout)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main_thread else None
    try:
        code = int(args.run(args, out))
        out.flush()
        return code
    except (InputError, DctError, ValueError, BackendError) as err:
        # ValueError: e.g. a bad --reference value; BackendError: a parser that cannot run
        say(f"timeline: error: {for_option(err)}")
        return EXIT_USAGE
    except OutputError as err:
        _silence_stdout()
        if err.errno != errno.EPIPE:  # a reader that stopped reading is no error to report
            say(f"timeline: error: cannot write the output: {err}")
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


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what is
    still buffered does not fail a second time on the way out."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
