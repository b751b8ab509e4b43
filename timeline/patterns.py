"""A small pattern language over tokens, for writing recognition rules as data.

A rule is a sequence of elements, each matching one or more tokens: words of a
lexicon class (:class:`Words`), numbers in a range (:class:`Number`), tokens of
a regular shape (:class:`Shape`), and the combinators :class:`Seq`,
:class:`Opt` and :class:`Alt`. Every element knows its *first set*, the tokens
a match can begin with, so the engine only tries rules that can start at a
token. Elements never look further than their own length, which keeps
matching linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

__all__ = [
    "DIGIT",
    "Alt",
    "Cap",
    "Element",
    "Match",
    "Number",
    "Opt",
    "Part",
    "Rule",
    "Seq",
    "Shape",
    "Tokens",
    "Trie",
    "Words",
    "is_number",
    "tokenize",
]

# A token is a run of digits with inner separators (14-03-2017, 15.30), a run of
# letters, or any other single visible character.
_TOKEN = re.compile(r"[0-9]+(?:[.:/-][0-9]+)*|[^\W\d_]+|\S")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
DIGIT = "<digit>"  # the first-set entry of elements that begin with a number


def is_number(token: str) -> bool:
    """Whether a token starts with an ASCII digit (the rules' numbers)."""
    return "0" <= token[0] <= "9"


class Tokens:
    """The tokens of a text: parallel lists of offsets, raw text and normalized form."""

    __slots__ = ("ends", "norms", "starts", "text")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.norms: list[str] = []
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.norms.append(m.group().lower().translate(_APOSTROPHES))

    def __len__(self) -> int:
        return len(self.norms)

    def raw(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]


def tokenize(text: str) -> list[str]:
    """The normalized tokens of a short text (a lexicon key, a rule example)."""
    return Tokens(text).norms


class Trie:
    """Multi-token keys (``a.s.``, ``tweede kerstdag``) to values."""

    __slots__ = ("children", "has_value", "value")

    def __init__(self) -> None:
        self.children: dict[str, Trie] = {}
        self.value: Any = None
        self.has_value = False

    @classmethod
    def build(cls, entries: Mapping[str, Any]) -> Trie:
        root = cls()
        for key, value in entries.items():
            node = root
            for tok in tokenize(key):
                node = node.children.setdefault(tok, cls())
            node.value, node.has_value = value, True
        return root

    def keys(self) -> Iterator[tuple[str, ...]]:
        """Every key, as its tokens."""
        if self.has_value:
            yield ()
        for tok, child in self.children.items():
            for rest in child.keys():
                yield (tok, *rest)

    def walk(self, norms: list[str], i: int, stop: int | None = None) -> Iterator[tuple[int, Any]]:
        """Every ``(end, value)`` of a key that starts at token ``i`` (and ends by ``stop``)."""
        node = self
        stop = len(norms) if stop is None else stop
        while i < stop:
            node = node.children.get(norms[i])  # type: ignore[assignment]
            if node is None:
                return
            i += 1
            if node.has_value:
                yield i, node.value


Captures = dict[str, tuple[Any, int, int]]  # name -> (value, first token, token after last)
Found = Iterator[tuple[int, Captures]]


class Element:
    """Something that matches tokens from position ``i`` on."""

    name: str | None = None

    def first(self) -> frozenset[str]:
        raise NotImplementedError

    def nullable(self) -> bool:
        return False

    def longest(self) -> int:
        """The most tokens a match can span."""
        return 1

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        """Tokens of which every match contains at least one, and whether none of them is
        ``frequent``; None where a match may be empty. The engine skips text without them."""
        return frozenset({DIGIT}), True

    def match(self, toks: Tokens, i: int) -> Found:
        raise NotImplementedError

    def _capture(self, value: Any, i: int, j: int) -> Captures:
        return {self.name: (value, i, j)} if self.name else {}


class Words(Element):
    """The keys of a lexicon table; captures the value of the key found."""

    def __init__(self, entries: Mapping[str, Any], name: str | None = None) -> None:
        self.trie = Trie.build(entries)
        self.name = name

    def first(self) -> frozenset[str]:
        return frozenset(self.trie.children)

    def longest(self) -> int:
        return max((len(key) for key in self.trie.keys()), default=1)

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        chosen = [next((tok for tok in key if tok not in frequent), key[0]) for key in self.trie.keys()]
        return frozenset(chosen), not any(tok in frequent for tok in chosen)

    def match(self, toks: Tokens, i: int) -> Found:
        for j, value in self.trie.walk(toks.norms, i):
            yield j, self._capture(value, i, j)


class Number(Element):
    """A number written in digits, from ``lo`` to ``hi``, of at most ``digits`` digits."""

    def __init__(self, lo: int, hi: int, name: str | None = None, *, digits: int | None = None,
                 exact: int | None = None) -> None:
        self.lo, self.hi, self.name = lo, hi, name
        self.digits, self.exact = digits, exact

    def first(self) -> frozenset[str]:
        return frozenset({DIGIT})

    def match(self, toks: Tokens, i: int) -> Found:
        if i >= len(toks):
            return
        tok = toks.norms[i]
        if not (tok.isascii() and tok.isdigit()) or (self.digits and len(tok) > self.digits):
            return
        if self.exact and len(tok) != self.exact:
            return
        value = int(tok)
        if self.lo <= value <= self.hi:
            yield i + 1, self._capture(value, i, i + 1)


class Shape(Element):
    """One token of a regular shape; ``convert`` turns the regex match into the value or None."""

    def __init__(self, regex: str, convert: Callable[[re.Match[str]], Any], name: str | None = None) -> None:
        self.regex, self.convert, self.name = re.compile(regex), convert, name

    def first(self) -> frozenset[str]:
        return frozenset({DIGIT})

    def match(self, toks: Tokens, i: int) -> Found:
        if i >= len(toks):
            return
        m = self.regex.fullmatch(toks.norms[i])
        if m is None:
            return
        value = self.convert(m)
        if value is not None:
            yield i + 1, self._capture(value, i, i + 1)


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

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        found = [a for p in self.parts if not p.nullable() and (a := p.anchors(frequent)) is not None]
        if not found:
            return None
        return min(found, key=lambda a: (not a[1], len(a[0])))

    def match(self, toks: Tokens, i: int) -> Found:
        states: list[tuple[int, Captures]] = [(i, {})]
        for part in self.parts:
            states = [(j, {**caps, **more}) for k, caps in states for j, more in part.match(toks, k)]
            if not states:
                return
        for j, caps in states:
            if self.name:
                caps = {**caps, **self._capture(None, i, j)}
            yield j, caps


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

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        return None

    def match(self, toks: Tokens, i: int) -> Found:
        yield from self.part.match(toks, i)
        yield i, {}


class Alt(Element):
    """Any one of several elements."""

    def __init__(self, *options: Element, name: str | None = None) -> None:
        self.options, self.name = options, name

    def first(self) -> frozenset[str]:
        return frozenset().union(*(o.first() for o in self.options))

    def nullable(self) -> bool:
        return any(o.nullable() for o in self.options)

    def longest(self) -> int:
        return max(o.longest() for o in self.options)

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        found = [o.anchors(frequent) for o in self.options]
        if any(a is None for a in found):
            return None
        return frozenset().union(*(a[0] for a in found if a)), all(a[1] for a in found if a)

    def match(self, toks: Tokens, i: int) -> Found:
        for option in self.options:
            for j, caps in option.match(toks, i):
                yield j, ({**caps, **self._capture(None, i, j)} if self.name else caps)


class Cap(Element):
    """An element whose first token is written with a capital letter."""

    def __init__(self, part: Element) -> None:
        self.part = part

    def first(self) -> frozenset[str]:
        return self.part.first()

    def longest(self) -> int:
        return self.part.longest()

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        return self.part.anchors(frequent)

    def match(self, toks: Tokens, i: int) -> Found:
        if i < len(toks) and toks.raw(i)[:1].isupper():
            yield from self.part.match(toks, i)


@frozen
class Match:
    """What a rule matched: captured values and their character spans."""

    toks: Tokens
    captures: Captures
    start: int  # first token
    end: int  # token after the last

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
        return self.toks.starts[i], self.toks.ends[j - 1]


@frozen
class Part:
    """One expression of a rule that yields several (the two ends of a range)."""

    span: tuple[int, int]
    intent: Any


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _token_set(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


@frozen
class Rule:
    """A recognition rule: an id, a pattern, and how to build the meaning from a match.

    ``build`` returns an intent, a tuple of :class:`Part` (several expressions,
    such as the two ends of a range), or ``None`` to block: a blocking rule
    claims its tokens so that no other rule reads them as a time.
    ``after`` restricts the rule to places right after one of those tokens
    (``in 2014`` but not ``2014 mensen``); the token is not part of the match.
    """

    id: str
    pattern: Element
    build: Callable[[Match], Any]
    examples: tuple[str, ...] = field(default=(), converter=_strings)
    after: frozenset[str] | None = field(default=None, converter=_token_set)


def first_sets(rules: Iterable[Rule]) -> dict[str, list[Rule]]:
    """Index rules by the tokens they can begin with, keeping rule order."""
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.pattern.nullable():
            raise ValueError(f"rule {rule.id} can match nothing")
        for tok in rule.pattern.first():
            index.setdefault(tok, []).append(rule)
    return index
