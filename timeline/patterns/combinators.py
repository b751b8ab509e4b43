"""The combinators of the pattern language (:class:`Seq`, :class:`Opt`, :class:`Alt`,
:class:`Cap`), a match, and :class:`Rule`.

Every element knows the first tokens its matches can begin with
(:meth:`~timeline.patterns.elements.Element.heads`, ``nth``), so the engine only
tries the rules that can start where it stands. Elements never look further than
their own length, which keeps matching linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from attrs import Factory, field, frozen

from ..text.tokens import MatchTokens, tokenize
from .elements import (
    ANY,
    DIGIT,
    NO_CAPTURES,
    NO_MATCH,
    NONE,
    NUMERIC,
    Anchors,
    Capture,
    Element,
    Found,
    Guarded,
    Lead,
    weigh,
)
from .marks import Marks, union

__all__ = ["Alt", "Cap", "Extends", "Match", "Opt", "Part", "Rule", "Seq"]

_KINDS = frozenset({DIGIT, NUMERIC, ANY})  # first tokens that stand for a kind of token, not a word


class Seq(Element):
    """Elements one after another."""

    def __init__(self, *parts: Element, name: str | None = None) -> None:
        self.parts, self.name = parts, name

    def first(self) -> frozenset[str]:
        out: frozenset[str] = frozenset()
        for part in self.parts:
            out |= part.first()
            if not part.nullable():
                break
        return out

    def nullable(self) -> bool:
        return all(p.nullable() for p in self.parts)

    def longest(self) -> int:
        return sum(p.longest() for p in self.parts)

    def shortest(self) -> int:
        return sum(p.shortest() for p in self.parts)

    def nth(self, k: int) -> frozenset[str]:
        out: set[str] = set()
        lo = hi = 0  # the parts before this one span from lo to hi tokens
        for part in self.parts:
            for before in range(lo, min(hi, k) + 1):
                out |= part.nth(k - before)
            lo, hi = lo + part.shortest(), hi + part.longest()
        return frozenset(out)

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        found = [a for p in self.parts if not p.nullable() and (a := p.anchors(weights)) is not None]
        if not found:
            return None
        return min(found, key=lambda a: (a[1], len(a[0])))  # the rarest, then the fewest

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        out: set[tuple[str, ...]] = {()}
        for part in self.parts:
            more = {k: part.heads(k) for k in {n - len(h) for h in out if len(h) < n}}  # each length once
            out = {h + t for h in out for t in more.get(n - len(h), {()})}
        return frozenset(out)

    def lead(self, core: frozenset[str]) -> Lead:
        found: dict[str, int] = {}
        miss = 0  # the most tokens before this part, along matches with no core token yet
        for part in self.parts:
            more, more_miss = part.lead(core)
            for tok, before in more.items():
                found[tok] = max(found.get(tok, NONE), miss + before)
            if more_miss == NONE:  # every match has had its first core token by now
                return found, NONE
            miss += more_miss
        return found, miss

    def marks(self) -> Marks:
        found: list[Marks] = []  # the parts that may take the first token: up to the first that must
        for part in self.parts:
            found.append(part.marks())
            if not part.nullable():
                break
        return union(*found)

    def match(self, toks: MatchTokens, i: int) -> Found:
        k, caps = i, NO_CAPTURES  # while there is one way to have matched so far (the common case)
        parts = iter(self.parts)
        for part in parts:
            found = part.match(toks, k)
            if len(found) != 1:
                if not found:
                    return NO_MATCH
                states = [(j, caps + more) for j, more in found]
                break
            k, more = found[0]
            caps += more
        else:
            states = [(k, caps)]
        for part in parts:  # several ways: go on from each
            states = [(j, done + more) for at, done in states for j, more in part.match(toks, at)]
            if not states:
                return NO_MATCH
        if self.name:
            return [(j, (*caps, (self.name, (None, i, j)))) for j, caps in states]
        return states


class Opt(Element):
    """An element that may be left out."""

    def __init__(self, part: Element) -> None:
        self.part = part

    def first(self) -> frozenset[str]:
        return self.part.first()

    def nullable(self) -> bool:
        return True

    def longest(self) -> int:
        return self.part.longest()

    def shortest(self) -> int:
        return 0

    def nth(self, k: int) -> frozenset[str]:
        return self.part.nth(k)

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        return None

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return self.part.heads(n) | {()}

    def lead(self, core: frozenset[str]) -> Lead:
        found, miss = self.part.lead(core)
        return found, max(miss, 0)

    def marks(self) -> Marks:
        return self.part.marks()

    def match(self, toks: MatchTokens, i: int) -> Found:
        return [*self.part.match(toks, i), (i, ())]


class Alt(Element):
    """Any one of several elements."""

    def __init__(self, *options: Element, name: str | None = None) -> None:
        self.options, self.name = options, name
        # Only the options that can begin with the token at hand are tried: those that begin
        # with a word, by that word; the others (numbers, shapes, empty matches) anywhere.
        anywhere = {k for k, o in enumerate(options) if o.nullable() or o.first() & _KINDS}
        by_first: dict[str, set[int]] = {}
        for k, option in enumerate(options):
            for tok in option.first() if k not in anywhere else ():
                by_first.setdefault(tok, set()).add(k)
        self._anywhere = tuple(options[k] for k in sorted(anywhere))
        self._by_first = {tok: tuple(options[k] for k in sorted(ks | anywhere)) for tok, ks in by_first.items()}

    def first(self) -> frozenset[str]:
        return frozenset().union(*(o.first() for o in self.options))

    def nullable(self) -> bool:
        return any(o.nullable() for o in self.options)

    def longest(self) -> int:
        return max(o.longest() for o in self.options)

    def shortest(self) -> int:
        return min(o.shortest() for o in self.options)

    def nth(self, k: int) -> frozenset[str]:
        return frozenset().union(*(o.nth(k) for o in self.options))

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        found = [o.anchors(weights) for o in self.options]
        if any(a is None for a in found):
            return None
        tokens = frozenset().union(*(a[0] for a in found if a))
        return tokens, weigh(tokens, weights)

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return frozenset().union(*(o.heads(n) for o in self.options))

    def lead(self, core: frozenset[str]) -> Lead:
        found: dict[str, int] = {}
        miss = NONE
        for option in self.options:
            more, more_miss = option.lead(core)
            for tok, before in more.items():
                found[tok] = max(found.get(tok, NONE), before)
            miss = max(miss, more_miss)
        return found, miss

    def marks(self) -> Marks:
        return union(*(option.marks() for option in self.options))

    def match(self, toks: MatchTokens, i: int) -> Found:
        norms = toks.norms
        options = self._by_first.get(norms[i], self._anywhere) if i < len(norms) else self._anywhere
        out: Found = [found for option in options for found in option.match(toks, i)]
        if self.name:
            return [(j, (*caps, (self.name, (None, i, j)))) for j, caps in out]
        return out


class Cap(Guarded):
    """An element whose first token is written with a capital letter."""

    def __init__(self, part: Element) -> None:
        self.part = part

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i < len(toks.norms) and toks.raw(i)[:1].isupper():
            return self.part.match(toks, i)
        return NO_MATCH


class Match:
    """What a rule matched: captured values and their character spans (for reading only).

    A plain class, not an attrs one: one is made for every match that wins a place,
    and its builder only reads it.
    """

    __slots__ = ("captures", "end", "start", "toks")

    def __init__(self, toks: MatchTokens, captures: Iterable[tuple[str, Capture]] | Mapping[str, Capture],
                 start: int, end: int) -> None:
        self.toks = toks
        self.captures: dict[str, Capture] = dict(captures)  # given as a dict or as (name, capture) pairs
        self.start = start  # first token
        self.end = end  # token after the last

    def __getitem__(self, name: str) -> Any:
        return self.captures[name][0]

    def get(self, name: str, default: Any = None) -> Any:
        found = self.captures.get(name)
        return default if found is None else found[0]

    def __contains__(self, name: str) -> bool:
        return name in self.captures

    def span(self, name: str | None = None) -> tuple[int, int]:
        """Character offsets of a capture, or of the whole match."""
        i, j = (self.start, self.end) if name is None else self.captures[name][1:]
        return self.toks.start(i), self.toks.end(j - 1)


@frozen
class Part:
    """One expression of a rule that yields several (the two ends of a range)."""

    span: tuple[int, int]
    intent: Any


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _names(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _token_set(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _longer_keys(rule: Rule) -> tuple[tuple[str, ...], ...]:
    """The keys of ``after`` that are several tokens (``t/m``, ``tot en met``), as their tokens."""
    keys = (tuple(tokenize(key)) for key in rule.after or ())
    return tuple(key for key in keys if len(key) > 1)


@frozen
class Extends:
    """What a rule goes on from: a mention just found by a rule of one of ``families``,
    whose meaning ``keep`` accepts. The rule's pattern matches what follows that mention,
    and its builder finds the mention captured as ``name``, as
    :class:`~timeline.patterns.nested.Sub` captures one: ``(meaning, rule, captures)``.

    Such a rule is not in the index of first tokens: the engine tries it only where a
    mention of those families ends (a day, then ``om 8 uur``), which costs far less than
    matching the day again in a rule of its own at every place a day could begin.
    """

    name: str
    families: frozenset[str] = field(converter=_names)
    keep: Callable[[Any], bool]


@frozen
class Rule:
    """A recognition rule: an id, a pattern, and how to build the meaning from a match.

    ``build`` returns an intent, a tuple of :class:`Part` (several expressions,
    such as the two ends of a range), or ``None`` to block: a blocking rule
    claims its tokens so that no other rule reads them as a time.
    ``after`` restricts the rule to places right after one of those tokens
    (``in 2014`` but not ``2014 mensen``), or those words (``t/m``, ``tot en met``:
    ``after_long`` has them as tokens); they are not part of the match.
    ``modified`` rules name a time only under a modifier before them (``aan het eind van
    [de dag]``); alone (``de dag``) they match nothing.
    ``family`` names the family of expressions the rule belongs to (a language sets it:
    ``timeline explain`` shows it, and the tests keep a corpus per family).
    ``extends`` makes the rule go on from a mention that other rules found (:class:`Extends`):
    its pattern matches only what comes after that mention.
    """

    id: str
    pattern: Element
    build: Callable[[Match], Any]
    examples: tuple[str, ...] = field(default=(), converter=_strings)
    after: frozenset[str] | None = field(default=None, converter=_token_set)
    modified: bool = False
    family: str = ""
    extends: Extends | None = None
    after_long: tuple[tuple[str, ...], ...] = field(init=False, default=Factory(_longer_keys, takes_self=True))

    def matches(self, toks: MatchTokens, i: int) -> Found:
        """The pattern's matches at token ``i``, found once per text: rules made of other
        rules (:class:`~timeline.patterns.nested.Sub`) ask for the same day at the same place."""
        key = (id(self), i)
        found: Found | None = toks.memo.get(key)
        if found is None:
            found = toks.memo[key] = self.pattern.match(toks, i)
        return found

    def follows(self, norms: list[str], i: int) -> bool:
        """Whether token ``i`` stands right after one of the ``after`` tokens or words."""
        if self.after is None or (i and norms[i - 1] in self.after):
            return True
        return any(tuple(norms[i - len(key):i]) == key for key in self.after_long if len(key) <= i)
