"""The rule index: which rules to try where, by the first three tokens of the text there.

A rule is tried only where the text begins as one of its matches can begin
(:meth:`~timeline.patterns.elements.Element.heads`, ``nth``): that leaves few
rules to try at any token, and none at most tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from .combinators import Rule
from .elements import ANY, Element, token_key

__all__ = ["Candidates", "PairIndex", "candidates", "pair_index"]

Candidates = tuple[Rule, ...]  # rules to try at a place, in rule order (which breaks ties)
PairIndex = dict[str, tuple[dict[str, tuple[dict[str, Candidates], Candidates]], Candidates]]


def pair_index(rules: Sequence[Rule]) -> PairIndex:
    """Index rules by their first two tokens, and the third: ``index[first]`` is
    ``(by_second, rest)``, where ``rest`` lists the rules to try before any other second
    token (rules that may end after one token), and ``by_second[second]`` is
    ``(by_third, rules)``: the rules to try before that second token, and ``by_third[third]``
    those before that third one. A rule is left out before a third token that no match of
    it can have there. Every list keeps rule order, which breaks ties between equally long
    matches."""
    single: dict[str, set[int]] = {}
    pairs: dict[str, dict[str, set[int]]] = {}
    for k, rule in enumerate(rules):
        for head in rule.pattern.heads(2):
            if not head:
                raise ValueError(f"rule {rule.id} can match nothing")
            if head[0] == ANY:
                raise ValueError(f"rule {rule.id} may begin with any token: give it a first word")
            if len(head) == 1 or head[1] == ANY:
                single.setdefault(head[0], set()).add(k)
            else:
                pairs.setdefault(head[0], {}).setdefault(head[1], set()).add(k)
    thirds = [_Thirds(rule.pattern) for rule in rules]
    splits: dict[tuple[tuple[int, frozenset[str] | None], ...], tuple[dict[str, Candidates], Candidates]] = {}
    index: PairIndex = {}
    for first in single.keys() | pairs.keys():
        rest = single.get(first, set())
        by_second = {}
        for second, ks in pairs.get(first, {}).items():
            after = tuple((k, thirds[k].after(first, second)) for k in sorted(rest | ks))
            if after not in splits:  # many pairs share their rules and thirds
                splits[after] = _by_third(rules, after)
            by_second[second] = splits[after]
        index[first] = (by_second, tuple(rules[k] for k in sorted(rest)))
    return index


class _Thirds:
    """The tokens a rule's matches can have third, after a given first two (None: any, or
    none at all, where a match may end before). Where every match has a third token, the
    tokens that any match has third (:meth:`Element.nth`); where a match may end within two,
    exactly, from the first three tokens of every match, if its first two are few (listing
    the first three is cheap then)."""

    FEW = 500  # first two tokens of a rule's matches, at most, to list their first three

    def __init__(self, pattern: Element) -> None:
        self.open: set[str] = set()  # first tokens after which a match may end, or go on with any
        self.by_pair: dict[tuple[str, str], frozenset[str] | None] = {}
        self.otherwise: frozenset[str] | None = None
        if pattern.shortest() > 2:
            third = pattern.nth(2)
            self.otherwise = None if ANY in third else third
            return
        if len(pattern.heads(2)) > self.FEW:
            return
        found: dict[tuple[str, str], set[str] | None] = {}
        for head in pattern.heads(3):
            if len(head) == 1 or head[1] == ANY:
                self.open.add(head[0])
            elif len(head) == 2 or head[2] == ANY:
                found[head[0], head[1]] = None
            elif (tokens := found.setdefault((head[0], head[1]), set())) is not None:
                tokens.add(head[2])
        shared: dict[frozenset[str], frozenset[str]] = {}  # one set for the pairs that have the same
        for pair, tokens in found.items():
            self.by_pair[pair] = None if tokens is None else shared.setdefault(frozenset(tokens), frozenset(tokens))

    def after(self, first: str, second: str) -> frozenset[str] | None:
        return None if first in self.open else self.by_pair.get((first, second), self.otherwise)


def _by_third(rules: Sequence[Rule], after: tuple[tuple[int, frozenset[str] | None], ...]
              ) -> tuple[dict[str, Candidates], Candidates]:
    """Rules split by the third token: ``after`` gives each rule's third tokens (None: any)."""
    anyway = [k for k, thirds in after if thirds is None]
    by_third = {third: tuple(rules[k] for k, thirds in after if thirds is None or third in thirds)
                for third in set().union(*(thirds for _, thirds in after if thirds is not None))}
    return by_third, tuple(rules[k] for k in anyway)


def candidates(index: PairIndex, norms: Sequence[str], i: int) -> Candidates:
    """The rules of ``index`` to try at token ``i`` of ``norms``, by the first three tokens there
    (numbers by their kind); the engine's own loop does the same, inlined for speed."""
    entry = index.get(token_key(norms[i]))
    if entry is None:
        return ()
    by_second, rules = entry
    if i + 1 < len(norms):
        second = by_second.get(token_key(norms[i + 1]))
        if second is not None:
            by_third, rules = second
            if by_third and i + 2 < len(norms):
                rules = by_third.get(token_key(norms[i + 2]), rules)
    return rules
