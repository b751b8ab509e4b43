"""The library's errors in the words of the command line.

An error that says which argument mends it (a :class:`timeline.advice.Advised`)
is worded here with the option that sets that argument (``--dct 2017-02-02``,
not ``dct='2017-02-02'``); a document of a corpus is told about the field of its
line or the DCT list of its folder as well. Other errors keep their message.
"""

from __future__ import annotations

import json
import shlex
from typing import Any

from ..advice import Advised, Wording

__all__ = ["OPTIONS", "for_folder", "for_line", "for_option"]

#: The option that sets each argument the library names in a fix.
OPTIONS = {"dct": "--dct", "anchors": "--anchor", "model_dir": "--model-dir", "language": "--language",
           "parser": "--parser", "nlp": "--model-dir"}  # nlp: SpacyParser's pipeline


def _flag(argument: str) -> str:
    return OPTIONS.get(argument, "--" + argument.replace("_", "-"))


class _Options:
    """``--dct 2017-02-02``, ``--anchor inauguratie=2017-01-20``: the argument as an option."""

    def option(self, argument: str) -> str:
        return _flag(argument)

    def example(self, argument: str, value: Any) -> str:
        if isinstance(value, dict):
            return " ".join(f"{_flag(argument)} {shlex.quote(f'{k}={v}')}" for k, v in value.items())
        return f"{_flag(argument)} {shlex.quote(str(value))}"

    def value(self, argument: str, value: Any) -> str:
        return self.example(argument, value)


class _Line(_Options):
    """A document of a JSON Lines corpus: its DCT is the line's ``"dct"``, or ``--dct`` for every line without one."""

    def option(self, argument: str) -> str:
        return 'a "dct" in the line, or --dct' if argument == "dct" else super().option(argument)

    def example(self, argument: str, value: Any) -> str:
        return json.dumps({"dct": value})[1:-1] if argument == "dct" else super().example(argument, value)

    def value(self, argument: str, value: Any) -> str:
        return json.dumps(value) if argument == "dct" else super().value(argument, value)


class _Folder(_Options):
    """A file of a folder: its DCT is its line in the folder's DCT list, or ``--dct`` for every file without one."""

    def __init__(self, sidecar: str) -> None:
        self.sidecar = sidecar

    def option(self, argument: str) -> str:
        return f"--dct, or list the file in {self.sidecar}" if argument == "dct" else super().option(argument)

    def value(self, argument: str, value: Any) -> str:
        return shlex.quote(str(value)) if argument == "dct" else super().value(argument, value)


def _worded(err: BaseException, wording: Wording) -> str:
    return err.worded(wording) if isinstance(err, Advised) else str(err)


def for_option(err: BaseException) -> str:
    """The message of ``err`` with its fix as options: ``...; pass --dct (e.g. --dct 2017-02-02)``."""
    return _worded(err, _Options())


def for_line(err: BaseException) -> str:
    """The message of ``err`` for a document of a JSON Lines corpus."""
    return _worded(err, _Line())


def for_folder(err: BaseException, sidecar: str) -> str:
    """The message of ``err`` for a file of a folder whose DCT list is ``sidecar``."""
    return _worded(err, _Folder(sidecar))
