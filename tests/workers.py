"""Functions and parsers for worker processes in the tests: picklable by name, so that a
spawned worker can import them (the tests put the repository on ``sys.path`` first)."""

from __future__ import annotations

import os
import signal
import time

import timeline
from timeline.parse.builtin import BuiltinParser

POISON = "\u2620"  # a document holding this kills the worker process that parses it


def die_on_negative(x: int) -> int:
    """``-x`` for a positive ``x``; kills its own process, as the kernel's out-of-memory
    killer would, for a negative one."""
    if x < 0:
        os.kill(os.getpid(), signal.SIGKILL)
    return -x


class PoisonedParser:
    """The built-in parser, except that a text holding :data:`POISON` kills its process."""

    def parse(self, text: str) -> tuple[timeline.Sentence, ...]:
        if POISON in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return BuiltinParser("nl").parse(text)


def pause(seconds: float) -> float:
    """Sleep ``seconds``, then give them back: a slow item among quick ones."""
    time.sleep(seconds)
    return seconds
