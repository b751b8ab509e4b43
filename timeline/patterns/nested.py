"""Rules made of other rules: :class:`Sub` matches wherever one of a set of rules does and
captures what that rule builds, so that a rule can join two expressions into one
(a day and a clock time: ``morgen`` + ``om 8 uur``) without restating their patterns.

A sub-match is bounded as its rule is, so a rule of sub-rules stays linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..text.tokens import MatchTokens
from .combinators import Alt, Match, Rule
from .elements import Capture, Found, Guarded
from .index import candidates, pair_index

__all__ = ["Sub", "rebuild"]


class Sub(Guarded):
    """Any match of ``rules`` whose built meaning ``keep`` accepts (a rule's ``after`` holds
    as it does on its own). Captures ``name`` as ``(meaning, rule, captures)``: the meaning
    as the rule built it, and what :func:`rebuild` needs to build it again with more."""

    def __init__(self, rules: Iterable[Rule], name: str, keep: Callable[[Any], bool]) -> None:
        self.rules, self.name, self.keep = tuple(rules), name, keep
        self._key: str = name
        self.part = Alt(*(rule.pattern for rule in self.rules))
        self._index = pair_index(self.rules)  # only the rules that can begin where it is tried

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i >= len(toks.norms):
            return []
        out: Found = []
        for rule in candidates(self._index, toks.norms, i):
            if not rule.follows(toks.norms, i):
                continue
            for j, caps in rule.matches(toks, i):
                built = rule.build(Match(toks, caps, i, j))
                if built is not None and not isinstance(built, tuple) and self.keep(built):
                    captured: Capture = ((built, rule, caps), i, j)
                    out.append((j, ((self._key, captured),)))
        return out


def rebuild(m: Match, name: str, **more: Any) -> Any:
    """What the sub-rule captured as ``name`` builds with ``more`` captures added where it
    has none of its own (a part of the day that another part of the expression gives)."""
    (_, rule, caps), i, j = m.captures[name]
    captures = dict(caps)
    for key, value in more.items():
        if key not in captures and value is not None:
            captures[key] = (value, i, i)
    return rule.build(Match(m.toks, captures, i, j))
