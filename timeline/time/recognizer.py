"""The rule engine: text in, mentions (span, unresolved intent, rule) out.

One left-to-right pass over the tokens. At each token only the rules that can
begin with it are tried (indexed by first token); the longest match wins, ties
go to the earlier rule, and matching resumes after it. Rules have bounded
length, so the pass is linear in the text; stretches without a core token (a
word that every match holds, such as a month or a digit) are skipped. A second, local step widens a
mention over a modifier before it (``begin``, ``eind``, ``ruim``) and notes a
preposition that forces a direction (``sinds``).
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
from attrs import frozen

from ..lang import Language
from ..model import Mod, Span
from ..text.tokens import MatchTokens
from .intent import Direction
from .patterns import DIGIT, NUMERIC, Match, Part, Rule, token_key

__all__ = ["Mention", "find_mentions", "mentions_in"]

_MOD_REACH = 4  # the longest modifier, in tokens ("aan het einde van")


@frozen
class Mention:
    """A time expression as recognized, before resolution."""

    span: Span
    intent: Any
    rule: str
    mod: Mod | None = None
    range_end: Span | None = None  # set on the first end of a range: the span of the other end
    range_start: Span | None = None  # set on the second end: the span of the first


def find_mentions(tokens: MatchTokens, language: Language) -> list[Mention]:
    """Every time expression among ``tokens`` (a block of a text), in text order, unresolved."""
    out: list[Mention] = []
    if len(tokens):
        _find(tokens, language, out)
    return out


def mentions_in(text: str, language: Language) -> tuple[Mention, ...]:
    """Every time expression of a short text (an expression to explain, a corpus example)."""
    return tuple(find_mentions(MatchTokens(text), language))


def _find(toks: MatchTokens, language: Language, out: list[Mention]) -> None:
    norms, by_pair = toks.norms, language.by_pair
    n = len(norms)
    # Every match holds a core token, fewer than `reach` tokens from its start: try rules
    # only at the few places that lie that close before one.
    core, lead = language.core, language.reach - 1
    if DIGIT in core or NUMERIC in core:  # numbers are core too: add this text's own ones
        core = core | {tok for tok in set(norms) if "0" <= tok < ":"}  # begins with a digit
    hits = list(itertools.compress(range(n), map(core.__contains__, norms)))
    i = 0  # the first token not yet tried or matched
    for hit in hits:
        i = max(i, hit - lead)
        while i <= hit:
            tok = norms[i]
            entry = by_pair.get(token_key(tok) if "0" <= tok[0] <= "9" else tok)
            i = i + 1 if entry is None else _at(toks, i, entry, norms, n, language, out)


def _at(toks: MatchTokens, i: int, entry: tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...]], norms: list[str],
        n: int, language: Language, out: list[Mention]) -> int:
    """Try the rules of ``entry`` at token ``i``; return where to go on (after a match, else ``i + 1``)."""
    if i + 1 < n:
        nxt = norms[i + 1]
        candidates = entry[0].get(token_key(nxt), entry[1])
    else:
        candidates = entry[1]
    best: tuple[int, Rule, dict[str, Any]] | None = None
    for rule in candidates:
        if rule.after is not None and (i == 0 or norms[i - 1] not in rule.after):
            continue
        for j, caps in rule.pattern.match(toks, i):
            if best is None or j > best[0]:
                best = (j, rule, caps)
    if best is None:
        return i + 1
    j, rule, caps = best
    built = rule.build(Match(toks, caps, i, j))
    if isinstance(built, tuple):
        out.extend(_range(built, rule.id))
    elif built is not None:
        start, end = toks.start(i), toks.end(j - 1)
        out.append(_widen(Mention(Span(start, end), built, rule.id), toks, i, language))
    return j


def _range(parts: tuple[Part, ...], rule: str) -> list[Mention]:
    first, second = (Span(*p.span) for p in parts)
    return [Mention(first, parts[0].intent, rule, range_end=second),
            Mention(second, parts[1].intent, rule, range_start=first)]


def _widen(mention: Mention, toks: MatchTokens, i: int, language: Language) -> Mention:
    """Take in a modifier right before the mention, and a direction forced by a preposition."""
    if i == 0:
        return mention
    before = toks.norms[i - 1]
    for k in range(max(0, i - _MOD_REACH), i) if before in language.mod_ends else ():
        for end, mod in language.mods.walk(toks.norms, k, i):
            if end == i:
                start = Span(toks.start(k), mention.span.end)
                return _widen(attrs.evolve(mention, span=start, mod=Mod(mod)), toks, k, language)
    if hasattr(mention.intent, "direction") and mention.intent.direction is None:
        forced = language.words("preposition_direction").get(before)
        if forced:
            return attrs.evolve(mention, intent=attrs.evolve(mention.intent, direction=Direction(forced)))
    return mention
