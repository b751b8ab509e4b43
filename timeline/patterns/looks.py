"""Elements that look around a match without taking tokens (:class:`Ahead`, :class:`Behind`),
and one that wants its token written against the one before (:class:`Glued`): whether a
number is a year or an amount often shows only in the word after it (``in 2011`` but
``in 2011 gevallen``), and a name in the word before (``Jan Maart``)."""

from __future__ import annotations

from collections.abc import Mapping

from ..text.tokens import MatchTokens
from .elements import NO_CAPTURES, NO_MATCH, Anchors, Element, Found, Guarded, Lead, token_key
from .marks import Marks

__all__ = ["Ahead", "Behind", "Glued", "Near"]


class _Look(Element):
    """An element that takes no token: it matches where it looks, or not at all."""

    def first(self) -> frozenset[str]:
        return frozenset()

    def nullable(self) -> bool:
        return True

    def longest(self) -> int:
        return 0

    def shortest(self) -> int:
        return 0

    def nth(self, k: int) -> frozenset[str]:
        return frozenset()

    def anchors(self, weights: Mapping[str, float]) -> Anchors | None:
        return None

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return frozenset({()})

    def lead(self, core: frozenset[str]) -> Lead:
        return {}, 0

    def marks(self) -> Marks:
        return frozenset()  # it takes no token


class Ahead(_Look):
    """A look at the tokens after a match, taking none of them: ``part`` must match there
    (or, with ``negate``, must not). ``end`` says what holds at the end of the text.
    A year is a year before a comma, an amount before ``euro``."""

    def __init__(self, part: Element, *, negate: bool = False, end: bool | None = None) -> None:
        self.part, self.negate = part, negate
        self.end = negate if end is None else end

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i >= len(toks.norms):
            return [(i, NO_CAPTURES)] if self.end else NO_MATCH
        return [(i, NO_CAPTURES)] if bool(self.part.match(toks, i)) != self.negate else NO_MATCH


class Behind(Ahead):
    """A look at the token before a match, taking none of it: ``part`` must match that one
    token (a capitalized name before ``Maart`` makes it a surname: ``Jan Maart``)."""

    def match(self, toks: MatchTokens, i: int) -> Found:
        if i == 0 or i > len(toks.norms):
            return [(i, NO_CAPTURES)] if self.end else NO_MATCH
        found = any(j == i for j, _ in self.part.match(toks, i - 1))
        return [(i, NO_CAPTURES)] if found != self.negate else NO_MATCH


class Glued(Guarded):
    """An element written right after the token before it, with no space between
    (the ``,32`` of ``1487,32``)."""

    def __init__(self, part: Element) -> None:
        self.part = part

    def match(self, toks: MatchTokens, i: int) -> Found:
        if 0 < i < len(toks.norms) and toks.start(i) == toks.end(i - 1):
            return self.part.match(toks, i)
        return NO_MATCH


class Near(_Look):
    """A quick look over the next ``reach`` tokens, taking none: one of them must be in
    ``tokens`` (numbers by their kind), or in ``pairs_first`` with a token of ``pairs_then``
    right after it. It spares a costly pattern the many places where it cannot match: a day
    joins a clock time only where a clock token (``om``, ``15.30``, ``8 uur``) is close by."""

    def __init__(self, tokens: frozenset[str], reach: int, pairs_first: frozenset[str] = frozenset(),
                 pairs_then: frozenset[str] = frozenset()) -> None:
        self.tokens, self.reach, self.pairs_first, self.pairs_then = tokens, reach, pairs_first, pairs_then

    def match(self, toks: MatchTokens, i: int) -> Found:
        norms = toks.norms
        last = min(i + self.reach, len(norms))
        for k in range(i, last):
            key = token_key(norms[k])
            if key in self.tokens:
                return [(i, NO_CAPTURES)]
            if key in self.pairs_first and k + 1 < len(norms) and norms[k + 1] in self.pairs_then:
                return [(i, NO_CAPTURES)]
        return NO_MATCH
