"""The marks of numbers: which characters other than digits a number token may hold where a
rule can begin (``15.30`` holds ``.``, ``2017-02-03`` holds ``-``).

The rule index knows a number with marks only by its kind (``NUMERIC``), so every rule that
may begin with one would be tried at each: a decimal ``3,5`` would be tried as a clock time,
an ISO date and a range of years. Read from the regular expressions of the rules' shapes,
the marks let the engine pass over the rules whose first token cannot hold the marks there.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The parsed form of a regex, from the parser the re module itself uses: reading it is the
# only exact way to know what a regex may match. Where its form is not as expected, a regex
# has no marks (every rule is tried, as without them).
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

__all__ = ["Marks", "marks_of", "regex_marks", "union"]

Marks = frozenset[str] | None  # the characters other than digits; None: any (they cannot be listed)

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_WIDEST_RANGE = 256  # a class range wider than this counts as any character


def marks_of(token: str) -> frozenset[str]:
    """The characters of ``token`` other than digits (``\\d`` matches every decimal digit)."""
    return frozenset(c for c in token if not c.isdecimal())


def union(*found: Marks) -> Marks:
    """Marks that any of ``found`` may hold (None if any may hold any)."""
    out: set[str] = set()
    for marks in found:
        if marks is None:
            return None
        out |= marks
    return frozenset(out)


def regex_marks(regex: re.Pattern[str]) -> Marks:
    """The characters other than digits that a match of ``regex`` may hold, or None where
    they cannot be listed (a wildcard, a negated class, a class of letters, ignored case)."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # a form of the parser this module does not know: no marks
        return None
    found: set[str] = set()
    return frozenset(found) if _walk(list(parsed), found) else None


def _walk(items: list[tuple[Any, Any]], found: set[str]) -> bool:
    """Add the characters ``items`` may match to ``found``; False where any may be."""
    for op, av in items:
        if op is sre.LITERAL:
            _add(chr(av), found)
        elif op is sre.IN:
            if not _walk_class(av, found):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE or not _walk(list(av[-1]), found):
                return False
        elif op in _REPEATS:
            if not _walk(list(av[2]), found):
                return False
        elif op is sre.BRANCH:
            if not all(_walk(list(branch), found) for branch in av[1]):
                return False
        elif op in (sre.AT, sre.GROUPREF, sre.ASSERT, sre.ASSERT_NOT):
            continue  # no character of its own (a group again holds what the group holds)
        else:  # any character, a negated one, a conditional group...
            return False
    return True


def _walk_class(items: list[tuple[Any, Any]], found: set[str]) -> bool:
    for op, av in items:
        if op is sre.LITERAL:
            _add(chr(av), found)
        elif op is sre.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            for code in range(av[0], av[1] + 1):
                _add(chr(code), found)
        elif not (op is sre.CATEGORY and av is sre.CATEGORY_DIGIT):
            return False
    return True


def _add(char: str, found: set[str]) -> None:
    if not char.isdecimal():
        found.add(char)
