"""Errors that say which argument to mend, worded for whoever called.

A Python caller mends a missing DCT with ``dct='2017-02-02'``, a user of the
command line with ``--dct 2017-02-02``, and the author of a JSON Lines corpus
with ``"dct": "2017-02-02"`` in the line. So an error about an argument keeps
its problem and its :class:`Fix` (the argument's Python name, values that would
do, the words around them) apart: its message words the fix for Python
(:data:`PYTHON`), and the command line words the same fix in its own terms from
the same parts (:mod:`timeline.run.errors`), never by rewriting the message.
"""

from __future__ import annotations

import shlex
from typing import Any, Protocol

from attrs import frozen

__all__ = ["PYTHON", "Advised", "ArgumentError", "Fix", "Wording"]


class Wording(Protocol):
    """How one kind of caller names an argument and its values."""

    def option(self, argument: str) -> str:
        """The argument alone: ``dct=...``, ``--dct``."""
        ...

    def example(self, argument: str, value: Any) -> str:
        """The argument with a value: ``dct='2017-02-02'``, ``--dct 2017-02-02``."""
        ...

    def value(self, argument: str, value: Any) -> str:
        """A value where the argument is clear from the problem: ``2017-02-02``."""
        ...


class _Python:
    """The words of a Python call: ``dct='2017-02-02'``; bare values as a shell quotes them."""

    def option(self, argument: str) -> str:
        return f"{argument}=..."

    def example(self, argument: str, value: Any) -> str:
        return f"{argument}={value!r}"

    def value(self, argument: str, value: Any) -> str:
        return shlex.quote(str(value))


PYTHON: Wording = _Python()


@frozen
class Fix:
    """How to mend an error by an argument: which one (its Python name), values that
    would do, and the words around them, with the placeholders ``{option}`` (the argument
    alone), ``{examples}`` (the argument with each value) and ``{values}`` (the values).
    The words start with their own punctuation: ``"; pass {option} (e.g. {examples})"``."""

    argument: str
    examples: tuple[Any, ...] = ()
    words: str = "; pass {option} (e.g. {examples})"

    def say(self, wording: Wording) -> str:
        """The fix in the words of one kind of caller."""
        return self.words.format(option=wording.option(self.argument),
                                 examples=" or ".join(wording.example(self.argument, v) for v in self.examples),
                                 values=" or ".join(wording.value(self.argument, v) for v in self.examples))


class Advised(Exception):
    """An error whose ``problem`` a ``fix`` may mend; ``str()`` is the message for Python.

    Mixed into a ValueError or RuntimeError as the error needs; it pickles (its
    arguments are its parts), so it crosses to and from worker processes whole.
    """

    def __init__(self, problem: str, fix: Fix | None = None) -> None:
        super().__init__(problem, fix)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return self.worded(PYTHON)

    def worded(self, wording: Wording) -> str:
        """The message with its fix in the words of ``wording``."""
        return self.problem if self.fix is None else self.problem + self.fix.say(wording)


class ArgumentError(Advised, ValueError):
    """An argument's value cannot be used (an anchor's date, say); the fix names the argument."""
