"""The elements of the pattern language that match tokens themselves, and what they share.

:class:`Words` matches the keys of a lexicon table (one token or several),
:class:`Number` a number in a range, :class:`Shape` a token of a regular shape;
:class:`Element` is what every element, combinators included, answers about
itself: what its matches can begin with and hold, so that the engine tries a
rule only where it can match (see :mod:`timeline.patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..text.tokens import MatchTokens, tokenize
from .marks import Marks, marks_of, regex_marks, union

__all__ = [
    "Guarded",
    "ANY",
    "DIGIT",
    "KINDS",
    "NONE",
    "NO_CAPTURES",
    "NO_MATCH",
    "NUMERIC",
    "RARE",
    "Anchors",
    "Capture",
    "Captures",
    "Element",
    "Found",
    "Lead",
    "Number",
    "Shape",
    "Trie",
    "Words",
    "token_key",
    "weigh",
]

DIGIT = "<digit>"  # stands for a token of plain digits ("2017") in first sets and anchors
NUMERIC = "<numeric>"  # stands for digits with separators ("15.30", "19-20", "3-2-2017")
ANY = "<any>"  # the first-set entry of elements that may begin with any token
NONE = -(1 << 30)  # "no such match" in Element.lead
Lead = tuple[dict[str, int], int]  # see Element.lead
Anchors = tuple[frozenset[str], float]  # see Element.anchors
# How often tokens occur in 100,000 tokens of news, where a language does not say: a word it
# does not list as frequent is rare; numbers are common in news of any language.
RARE = 1
KINDS = {DIGIT: 2000, NUMERIC: 300}


def weigh(tokens: frozenset[str], weights: Mapping[str, float]) -> float:
    """How often any of ``tokens`` occurs in 100,000 tokens of text, by ``weights``."""
    return sum(weights.get(tok, RARE) for tok in tokens)


def token_key(token: str) -> str:
    """The token as the rule index knows it: numbers stand for their kind."""
    if "0" <= token[0] <= "9":
        return DIGIT if token.isdigit() else NUMERIC
    return token


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


Capture = tuple[Any, int, int]  # (value, first token, token after the last)
# What a match captured, as (name, capture) pairs in the order matched: a later pair of a
# name wins, as in the dict built from them. Pairs are cheaper to join than dicts, and
# only the winning match at a place is made into a dict (its Match's captures).
Captures = tuple[tuple[str, Capture], ...]
Found = list[tuple[int, Captures]]  # every way to match: (token after the match, captures)
NO_MATCH: Found = []  # shared "no match" (never appended to)
NO_CAPTURES: Captures = ()


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

    def shortest(self) -> int:
        """The fewest tokens a match can span."""
        return 1

    def nth(self, k: int) -> frozenset[str]:
        """The tokens a match can have at offset ``k`` (as ``token_key`` has them; ``ANY``:
        any token). The engine skips a rule whose third token is none of them."""
        return frozenset({DIGIT}) if k == 0 else frozenset()

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        """Tokens of which every match contains at least one, and how often they occur in a
        text (in 100,000 tokens, by ``weights``; unlisted words are rare); None where a match
        may be empty. The engine skips text without them, so rarer anchors spare more."""
        return frozenset({DIGIT}), weigh(frozenset({DIGIT}), weights)

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        """The first ``n`` tokens of every match (shorter where a match ends sooner).
        The engine tries a rule only where the text begins with one of them."""
        return frozenset({(DIGIT,)}) if n else frozenset({()})

    def lead(self, core: frozenset[str]) -> Lead:
        """``(found, miss)``: for each ``core`` token, the most tokens a match has before it
        where it is the match's first core token (``ANY`` for a word shape: whichever it is),
        and the longest match with no core token at all (``NONE`` where there is none). The
        engine looks for matches only within that many tokens before each core token."""
        return {DIGIT: 0}, NONE

    def marks(self) -> Marks:
        """The characters other than digits that the first token of a match may hold where
        it is a number with marks (``15.30``); None: any. A number of digits holds none. The
        engine passes over a rule whose first token cannot hold the marks of the one there."""
        return frozenset()

    def match(self, toks: MatchTokens, i: int) -> Found:
        raise NotImplementedError

    def _capture(self, value: Any, i: int, j: int) -> Captures:
        return ((self.name, (value, i, j)),) if self.name else ()


class Guarded(Element):
    """``part`` where a condition its subclass checks holds (a capital, no space before, a
    rule's meaning). It has the part's shape, so the rule index treats it as the part."""

    part: Element

    def nullable(self) -> bool:
        return self.part.nullable()

    def first(self) -> frozenset[str]:
        return self.part.first()

    def longest(self) -> int:
        return self.part.longest()

    def shortest(self) -> int:
        return self.part.shortest()

    def nth(self, k: int) -> frozenset[str]:
        return self.part.nth(k)

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        return self.part.anchors(weights)

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return self.part.heads(n)

    def lead(self, core: frozenset[str]) -> Lead:
        return self.part.lead(core)

    def marks(self) -> Marks:
        return self.part.marks()


class Words(Element):
    """The keys of a lexicon table; captures the value of the key found."""

    def __init__(self, entries: Mapping[str, Any], name: str | None = None) -> None:
        self.trie = Trie.build(entries)
        self.name = name

    def first(self) -> frozenset[str]:
        return frozenset(self.trie.children)

    def longest(self) -> int:
        return max((len(key) for key in self.trie.keys()), default=1)

    def shortest(self) -> int:
        return min((len(key) for key in self.trie.keys()), default=1)

    def nth(self, k: int) -> frozenset[str]:
        return frozenset(token_key(key[k]) for key in self.trie.keys() if len(key) > k)

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        # The rarest token of each key (the first, of equally rare ones).
        chosen = frozenset(min(key, key=lambda tok: weights.get(tok, RARE)) for key in self.trie.keys())
        return chosen, weigh(chosen, weights)

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return frozenset(key[:n] for key in self.trie.keys())

    def marks(self) -> Marks:
        return union(*(marks_of(key[0]) for key in self.trie.keys() if token_key(key[0]) == NUMERIC))

    def lead(self, core: frozenset[str]) -> Lead:
        found: dict[str, int] = {}
        miss = NONE
        for key in self.trie.keys():
            at = next((k for k, tok in enumerate(key) if tok in core), None)
            if at is None:
                miss = max(miss, len(key))
            else:
                found[key[at]] = max(found.get(key[at], NONE), at)
        return found, miss

    def match(self, toks: MatchTokens, i: int) -> Found:
        # Trie.walk, inlined: this is the engine's innermost loop, and most tries end at the
        # first token, most keys with it.
        norms = toks.norms
        node = self.trie.children.get(norms[i]) if i < len(norms) else None
        if node is None:
            return NO_MATCH
        if not node.children:  # a key of one token, and no longer one
            return [(i + 1, ((self.name, (node.value, i, i + 1)),) if self.name else ())]
        out: Found = []
        j = i + 1
        while True:
            if node.has_value:
                out.append((j, ((self.name, (node.value, i, j)),) if self.name else ()))
            if not node.children or j == len(norms):
                return out
            node = node.children.get(norms[j])
            if node is None:
                return out
            j += 1


class Number(Element):
    """A number written in digits, from ``lo`` to ``hi``, of at most ``digits`` digits."""

    def __init__(self, lo: int, hi: int, name: str | None = None, *, digits: int | None = None,
                 exact: int | None = None) -> None:
        self.lo, self.hi, self.name = lo, hi, name
        self.digits, self.exact = digits, exact
        self._longest = len(str(hi))

    def first(self) -> frozenset[str]:
        return frozenset({DIGIT})

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i >= len(toks.norms):
            return NO_MATCH
        tok = toks.norms[i]
        if not (tok.isascii() and tok.isdigit()) or (self.digits and len(tok) > self.digits):
            return NO_MATCH
        if self.exact and len(tok) != self.exact:
            return NO_MATCH
        if len(tok) > self._longest and len(tok.lstrip("0")) > self._longest:  # too long to be in range (and to read)
            return NO_MATCH
        value = int(tok)
        if self.lo <= value <= self.hi:
            return [(i + 1, ((self.name, (value, i, i + 1)),) if self.name else ())]
        return NO_MATCH


class Shape(Element):
    """One token of a regular shape; ``convert`` turns the regex match into the value or None.

    A shape of digits (the default) matches numeric compounds, digits with
    separators (``15.30``, ``19-20``); plain numbers are :class:`Number`'s. Any
    other shape (``words=True``) may be any token, and so cannot begin a rule.
    """

    def __init__(self, regex: str, convert: Callable[[re.Match[str]], Any], name: str | None = None,
                 *, words: bool = False) -> None:
        self.regex, self.convert, self.name = re.compile(regex), convert, name
        self.token = ANY if words else NUMERIC

    def first(self) -> frozenset[str]:
        return frozenset({self.token})

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        return (frozenset({NUMERIC}), weigh(frozenset({NUMERIC}), weights)) if self.token == NUMERIC else None

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return frozenset({(self.token,)}) if n else frozenset({()})

    def nth(self, k: int) -> frozenset[str]:
        return frozenset({self.token}) if k == 0 else frozenset()

    def marks(self) -> Marks:
        return regex_marks(self.regex) if self.token == NUMERIC else None

    def lead(self, core: frozenset[str]) -> Lead:
        return ({NUMERIC: 0}, NONE) if self.token == NUMERIC else ({ANY: 0}, 1)  # a word may be core or not

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i >= len(toks.norms):
            return NO_MATCH
        m = self.regex.fullmatch(toks.norms[i])
        if m is None:
            return NO_MATCH
        value = self.convert(m)
        return NO_MATCH if value is None else [(i + 1, self._capture(value, i, i + 1))]
