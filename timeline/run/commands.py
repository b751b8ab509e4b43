"""The commands of the command line: what ``recognize``, ``analyze`` and ``explain`` do with
their arguments (see :mod:`timeline.run.cli` for the arguments themselves)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

import attrs

from ..dct import read_dct
from ..events.anchors import read_anchors
from ..expressions.find import mentions_in
from ..expressions.normalize import Resolver, resolve_mentions
from ..lang import load_language
from ..model import TimeExpression, dct_text
from ..output.records import interval_to_dict, timex_to_dict
from ..parse.backends import get_parser
from ..parse.reading import read, tense_at
from ..pipeline import recognize_document
from ..time.algebra import Interval
from ..time.intent import Tense
from ..time.resolve import unresolved, uses_reference
from ..time.timex import is_value
from ..time.timex import parse as parse_value
from .corpus import Entry, InputError, Job, folder_entries, jsonl_entries, line_id, read_text, run_entry
from .formats import EXTENSIONS, FORMATS, LINE_FORMATS, write_document, write_recognition
from .pool import cores, ordered_map
from .sink import OutputError, OutputFolder, Sink, dumps, say

__all__ = ["EXTENSIONS", "FORMATS", "LINE_FORMATS", "analyze", "explain", "recognize", "write_document",
           "write_recognition"]


def recognize(args: argparse.Namespace, out: Sink) -> int:
    """``timeline recognize``: the time expressions of a text, or of each document of a corpus."""
    return _run(args, out, "recognize", {})


def analyze(args: argparse.Namespace, out: Sink) -> int:
    """``timeline analyze``: the timeline of a text, or of each document of a corpus."""
    return _run(args, out, "analyze", _anchors(args.anchor))


def _run(args: argparse.Namespace, out: Sink, command: str, anchors: dict[str, str]) -> int:
    from ..pipeline import analyze

    if args.model_dir and args.parser not in ("stanza", "spacy"):
        raise InputError("--model-dir is for --parser stanza or --parser spacy")
    corpus = _is_corpus(args)
    fmt = args.format or ("jsonl" if corpus else "table")
    _check_output(args, fmt, corpus)
    language = load_language(args.language)
    if args.dct is not None:  # read once here: a corpus gets one error, not one per document
        read_dct(args.dct, language)
    read_anchors(anchors)
    with contextlib.ExitStack() as stack:
        # One backend for every document of a corpus; Frog takes seconds to load, so a
        # corpus gets one Frog server rather than one start per document.
        parser: Any = args.parser
        if corpus:
            if args.parser == "frog":
                from ..parse.frog import FrogServer

                parser = stack.enter_context(FrogServer()).parser(language=language)
            job = Job(command, args.dct, anchors, parser, args.model_dir, args.encoding, args.errors, language,
                      fmt, args.output_dir is not None)
            return _run_corpus(args, out, job)
        parser = get_parser(parser, language, model_dir=args.model_dir)
        text = read_text(args.file, args.encoding, args.errors)
        if command == "analyze":
            doc = analyze(text, args.dct, anchors=anchors, parser=parser, language=language)
            write_document(doc, fmt, out, args.file)
            return 0
        recognition = recognize_document(text, args.dct, parser=parser, language=language)
    write_recognition(recognition, fmt, out)
    return 0


def _is_corpus(args: argparse.Namespace) -> bool:
    return bool(args.jsonl) or (args.file != "-" and os.path.isdir(args.file))


def _check_output(args: argparse.Namespace, fmt: str, corpus: bool) -> None:
    """Refuse what cannot be written as asked: a format of one file per document for a corpus
    on standard output, and the options of an output folder without a corpus."""
    if args.output_dir is None:
        if args.overwrite:
            raise InputError("--overwrite is for --output-dir")
        if corpus and fmt not in LINE_FORMATS:
            raise InputError(f"--format {fmt} makes one file per document: for a corpus, give --output-dir DIR "
                             f"(or --format jsonl: one line per document on standard output)")
    elif not corpus:
        raise InputError("--output-dir is for a corpus (--jsonl, or a folder); the output of one file goes to "
                         "standard output (> FILE)")


def _output_folder(args: argparse.Namespace, fmt: str) -> OutputFolder | None:
    """The folder ``--output-dir`` names, made if need be; refused when it is not empty (unless
    ``--overwrite``), or lies inside the input folder (its ``.txt`` files would be read next time)."""
    path = args.output_dir
    if path is None:
        return None
    if not args.jsonl and os.path.commonpath([os.path.realpath(path), os.path.realpath(args.file)]) \
            == os.path.realpath(args.file):
        raise InputError(f"{path}: the output folder lies inside the input folder {args.file}; choose one outside it")
    try:
        os.makedirs(path, exist_ok=True)
        with os.scandir(path) as listing:
            busy = next(listing, None) is not None
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{path}: not a folder (--output-dir names a folder for the files)") from None
    except OSError as err:
        raise OutputError(err) from None
    if busy and not args.overwrite:
        raise InputError(f"{path}: the output folder is not empty; give --overwrite to replace files of the same "
                         f"names in it, or name a new or empty folder")
    return OutputFolder(path, EXTENSIONS.get(fmt, fmt))


def _run_corpus(args: argparse.Namespace, out: Sink, job: Job) -> int:
    """Corpus mode: one result line per document, in input order, on ``--workers`` processes;
    a document that fails gets an error line (and exit code 1), the others go on. With
    ``--output-dir`` each document's output is a file there, and its line says which."""
    folder = _output_folder(args, job.fmt)
    entries = (jsonl_entries(args.file, args.encoding, args.errors) if args.jsonl
               else folder_entries(args.file, args.dcts))
    workers = args.workers
    if workers is None:  # every core for the built-in parser; a model or server per process costs too much
        workers = cores() if job.parser == "builtin" else 1
    elif workers > 1 and not isinstance(job.parser, str):
        raise InputError("--workers above 1 is for the builtin, stanza and spacy parsers (Frog runs as one server)")
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
                    say(message)
            elif folder is not None:
                record = {"id": record["id"], "file": folder.write(record["id"], record["output"])}
            out.write(dumps(record, out) + "\n")
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
            raise InputError(f"--anchor needs NAME=DATE, e.g. --anchor inauguratie=2017-01-20, not {pair!r}")
        out[name.strip()] = when.strip()
    return out


def explain(args: argparse.Namespace, out: Sink) -> int:
    """``timeline explain``: how one expression is read and resolved, step by step."""
    lang = load_language(args.language)
    dct, at = read_dct(args.dct, lang)
    text = args.expression
    mentions = mentions_in(text, lang)
    if not mentions:
        if args.format == "json":
            head = {"expression": text, "dct": dct_text(dct, at), "reference": args.reference, "timexes": []}
            out.write(dumps(head, out, indent=2) + "\n")
        else:
            out.write(f"no time expression found in {text!r}\n")
        return 1
    reference, note = _reference(args.reference)
    families = {rule.id: rule.family for rule in lang.rules if rule.family}
    if args.tense:
        timexes = resolve_mentions(text, mentions, dct, Tense(args.tense), reference, at)
    else:  # the tense of its clause, as the parse of the expression gives it
        block = next(read(text, get_parser("builtin", lang), lang))
        resolver = Resolver(text, dct, reference, at)
        timexes = tuple(resolver.resolve(mentions, lambda m: tense_at(block, m.span.start, lang)))
    if note:  # the reference lies beyond the calendar: what it anchors is unknown
        timexes = tuple(_unknown(t) if uses_reference(t.intent) else t for t in timexes)
    if args.format == "json":
        found = [{**timex_to_dict(t), "family": families.get(t.rule), "meaning": repr(t.intent)} for t in timexes]
        head = {"expression": text, "dct": dct_text(dct, at), "reference": args.reference, "timexes": found}
        out.write(dumps(head, out, indent=2) + "\n")
        return 0
    for t in timexes:
        out.write(f"text      {t.text!r}\n")
        out.write(f"family    {families.get(t.rule, '-')}\n")
        out.write(f"rule      {t.rule}\n")
        out.write(f"meaning   {t.intent!r}\n")
        out.write(f"anchor    DCT {dct_text(dct, at)}, tense {t.tense.value if t.tense else '-'}"
                  + (f", reference {args.reference}{note}" if args.reference else "") + "\n")
        out.write(f"type      {t.type.value}\n")
        out.write(f"value     {t.value}" + (f" (mod {t.mod.value})" if t.mod else "") + "\n")
        out.write(f"interval  {json.dumps(interval_to_dict(t.interval))}\n")
    return 0


def _unknown(t: TimeExpression) -> TimeExpression:
    """``t`` with the value of an anchor that is unknown (``FUTURE_REF`` and the like)."""
    unknown = unresolved(t.intent)
    return attrs.evolve(t, type=unknown.type, value=unknown.value, interval=None)


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
