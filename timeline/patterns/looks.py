"""Elements that look around a match without taking tokens (:class:`Ahead`, :class:`Behind`),
and one that wants its token written against the one before (:class:`Glued`): whether a
number is a year or an amount often shows only in the word after it (``in 2011`` but
``in 2011 gevallen``), and a name in the word before (``Jan Maart``)."""

from __future__ import annotations

from ..text.tokens import MatchTokens
from .elements import NO_CAPTURES, NO_MATCH, Element, Found, Lead

__all__ = ["Ahead", "Behind", "Glued"]


class Ahead(Element):
    """A look at the tokens after a match, taking none of them: ``part`` must match there
    (or, with ``negate``, must not). ``end`` says what holds at the end of the text.
    A year is a year before a comma, an amount before ``euro``."""

    def __init__(self, part: Element, *, negate: bool = False, end: bool | None = None) -> None:
        self.part, self.negate = part, negate
        self.end = negate if end is None else end

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

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        return None

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return frozenset({()})

    def lead(self, core: frozenset[str]) -> Lead:
        return {}, 0

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


class Glued(Element):
    """An element written right after the token before it, with no space between
    (the ``,32`` of ``1487,32``)."""

    def __init__(self, part: Element) -> None:
        self.part = part

    def first(self) -> frozenset[str]:
        return self.part.first()

    def longest(self) -> int:
        return self.part.longest()

    def shortest(self) -> int:
        return self.part.shortest()

    def nth(self, k: int) -> frozenset[str]:
        return self.part.nth(k)

    def anchors(self, frequent: frozenset[str]) -> tuple[frozenset[str], bool] | None:
        return self.part.anchors(frequent)

    def heads(self, n: int) -> frozenset[tuple[str, ...]]:
        return self.part.heads(n)

    def lead(self, core: frozenset[str]) -> Lead:
        return self.part.lead(core)

    def match(self, toks: MatchTokens, i: int) -> Found:
        if 0 < i < len(toks.norms) and toks.start(i) == toks.end(i - 1):
            return self.part.match(toks, i)
        return NO_MATCH
