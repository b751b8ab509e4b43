"""Sphinx directives that generate documentation from the project itself, so that
docs and behaviour cannot drift apart.

``.. corpus-table:: FAMILY`` renders ``tests/corpus/nl/FAMILY.toml`` (the corpus
the test suite checks) as a table: the expressions, the DCT, the tense, the type
and value. ``.. cli-help:: [SUBCOMMAND]`` renders the command line's own help.
"""

from __future__ import annotations

import io
import tomllib
from contextlib import redirect_stdout, suppress
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "nl"


def _cell(text: str) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph(text=text)
    return entry


class CorpusTable(Directive):
    """The cases of one corpus file as a table."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = CORPUS / f"{self.arguments[0]}.toml"
        self.state.document.settings.record_dependencies.add(str(path))
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        header = ["expressions", "DCT", "tense", "reference", "type", "value", "mod"]
        rows = [["; ".join(case["texts"]), f"{case['dct']} ({case['dct']:%a})", case.get("tense", "any"),
                 case.get("reference", ""), case["type"], case["value"], case.get("mod", "")]
                for case in data.get("case", [])]
        table = nodes.table()
        group = nodes.tgroup(cols=len(header))
        table += group
        for _ in header:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        head += nodes.row("", *(_cell(h) for h in header))
        group += head
        body = nodes.tbody()
        for row in rows:
            body += nodes.row("", *(_cell(str(c)) for c in row))
        group += body
        return [table]


class CliHelp(Directive):
    """``timeline [SUBCOMMAND] --help``, as the program prints it."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        from timeline.run.cli import main

        args = [*self.arguments, "--help"]
        buffer = io.StringIO()
        with redirect_stdout(buffer), suppress(SystemExit):  # --help exits after printing
            main(args)
        text = buffer.getvalue()
        return [nodes.literal_block(text, text)]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("corpus-table", CorpusTable)
    app.add_directive("cli-help", CliHelp)
    return {"parallel_read_safe": True, "version": "1"}
