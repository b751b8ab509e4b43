"""The rule engine: text in, mentions (span, unresolved intent, rule) out.

One left-to-right pass over the tokens. At each token only the rules that can
begin with it and the next two are tried (indexed by their first three tokens);
the longest match wins, ties go to the earlier rule, and matching resumes after
it. Rules have bounded length, so the pass is linear in the text; stretches
without a core token (a word that every match holds, such as a month or a
digit) are skipped, looking back from each core token only as far as a match
can start before it. Rules that go on from a mention (:class:`~timeline.patterns.Extends`:
a day, then ``om 8 uur``) are tried only right after the matches of their families at
that place, and compete with the others by length and order. A second, local step
widens a mention over a modifier before it (``begin``, ``eind``, ``ruim``) and notes a
preposition that forces a direction (``sinds``) or ties the expression to a noun before
it, whose time it tells (``de slotkoers van vrijdag``: the nearest Friday in a present
clause).
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
from attrs import frozen

from ..lang import Language
from ..model import Mod, Span
from ..patterns import Match, Part, Rule
from ..patterns.elements import ANY, NUMERIC, Captures, Found, token_key
from ..patterns.marks import marks_of
from ..text.tokens import MatchTokens
from ..time.intent import Clock, Direction

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
    # The rule index knows numbers by their kind: index this text's own numbers as well.
    numbers = {tok: token_key(tok) for tok in set(norms) if "0" <= tok < ":"}  # begins with a digit
    firsts = by_pair | {tok: by_pair[key] for tok, key in numbers.items() if key in by_pair} if numbers else by_pair
    # Every match holds a core token, and starts at most `lead[token]` tokens before its
    # first one: try rules only at the few places that lie that close before one.
    lead = language.lead
    if numbers:
        lead = lead | {tok: lead[key] for tok, key in numbers.items() if key in lead}
    fitting: dict[tuple[int, str], tuple[Rule, ...]] = {}  # rules whose first token may be a number there
    i = 0  # the first token not yet tried or matched
    for hit in itertools.compress(range(n), map(lead.__contains__, norms)):
        i = max(i, hit - lead[norms[hit]])
        while i <= hit:
            entry = firsts.get(norms[i])
            if entry is None:
                i += 1
                continue
            by_second, rules = entry
            if i + 1 < n:
                second = by_second.get(numbers.get(norms[i + 1], norms[i + 1]))
                if second is not None:
                    by_third, rules = second
                    if by_third and i + 2 < n:
                        rules = by_third.get(numbers.get(norms[i + 2], norms[i + 2]), rules)
            if rules and numbers.get(norms[i]) == NUMERIC:
                rules = _fitting(rules, norms[i], language, fitting)
            i = _at(toks, i, rules, language, out) if rules else i + 1


def _fitting(rules: tuple[Rule, ...], number: str, language: Language,
             fitting: dict[tuple[int, str], tuple[Rule, ...]]) -> tuple[Rule, ...]:
    """Those of ``rules`` whose first token may hold the marks of ``number`` (``3,5`` is no
    clock time, ``15.30`` no ISO date), worked out once per list of rules and marks."""
    found = marks_of(number)
    key = (id(rules), "".join(sorted(found)))
    kept = fitting.get(key)
    if kept is None:
        marks = language.marks
        kept = fitting[key] = tuple(rule for rule in rules if (m := marks[rule.id]) is None or found <= m)
    return kept


def _at(toks: MatchTokens, i: int, rules: tuple[Rule, ...], language: Language, out: list[Mention]) -> int:
    """Try ``rules`` at token ``i``; return where to go on (after a match, else ``i + 1``)."""
    before = toks.norms[i - 1] if i else None
    end = i  # every match takes at least one token (pair_index sees to it)
    best: Rule | None = None
    caps: Captures = ()
    extended = language.extended
    goes_on: list[tuple[Rule, int, Captures]] = []  # matches that a rule may go on from
    for rule in rules:
        if rule.after is not None and before not in rule.after and (not rule.after_long
                                                                    or not rule.follows(toks.norms, i)):
            continue
        for j, found in rule.pattern.match(toks, i):
            if j > end:  # longer than any before; a tie goes to the earlier rule
                end, best, caps = j, rule, found
            if rule.family in extended and _may_begin(language.extension_heads, toks.norms, j):
                goes_on.append((rule, j, found))
    if goes_on:
        end, best, caps = _extend(toks, i, goes_on, language, (end, best, caps))
    if best is None:
        return i + 1
    built = best.build(Match(toks, caps, i, end))
    if isinstance(built, tuple):
        out.extend(_range(built, best.id))
    elif built is not None:
        mention = Mention(Span(toks.start(i), toks.end(end - 1)), built, best.id)
        mention = _widen(mention, toks, i, language) if before in language.widens else mention
        if best.modified and mention.mod is None:
            return i + 1  # "de dag" without "aan het eind van": no time
        out.append(mention)
    return end


def _extend(toks: MatchTokens, i: int, found: list[tuple[Rule, int, Captures]], language: Language,
            best: tuple[int, Rule | None, Captures]) -> tuple[int, Rule | None, Captures]:
    """The longest match of a rule that goes on from one of the matches ``found`` at ``i``
    (a day, then ``om 8 uur``), where it is longer than ``best``; a tie goes to the earlier
    rule (and between matches of one rule, to the first). What follows is matched first, and
    only where it matches is the match before it built and asked whether it may go on."""
    norms, rank = toks.norms, language.rank
    built: dict[int, Any] = {}  # the meaning of each match found, built once
    for extension, heads in language.extensions:
        rival = best[1]
        beats_tie = rival is None or rank[extension.id] < rank[rival.id]
        how = extension.extends
        assert how is not None
        tails: dict[int, Found] = {}  # what follows, by where it begins
        for k, (rule, j, caps) in enumerate(found):
            if rule.family not in how.families or not _may_begin(heads, norms, j):
                continue
            if j not in tails:
                tails[j] = extension.pattern.match(toks, j)
            if not tails[j] or max(end for end, _ in tails[j]) < best[0]:
                continue
            if k not in built:
                built[k] = rule.build(Match(toks, caps, i, j))
            meaning = built[k]
            if meaning is None or isinstance(meaning, tuple) or not how.keep(meaning):
                continue
            for end, more in tails[j]:
                if end > best[0] or (end == best[0] and beats_tie and best[1] is rival):
                    best = end, extension, ((how.name, ((meaning, rule, caps), i, j)), *more)
    return best


def _may_begin(heads: frozenset[tuple[str, ...]], norms: list[str], j: int) -> bool:
    """Whether a match with one of ``heads`` (first two tokens, or one) may begin at ``j``."""
    if j >= len(norms):
        return False
    first = token_key(norms[j])
    if (first,) in heads or (first, ANY) in heads:
        return True
    return j + 1 < len(norms) and (first, token_key(norms[j + 1])) in heads


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
    forced = language.words("preposition_direction").get(before)
    if forced:
        return attrs.evolve(mention, intent=_forced(mention.intent, Direction(forced)))
    if before in language.words("preposition_nearest") and hasattr(mention.intent, "nearest"):
        modifier = language.mods.children.get(toks.norms[i - 2]) if i > 1 else None
        if modifier is None or not modifier.has_value:  # "de slotkoers van vrijdag", not "eind van maart"
            return attrs.evolve(mention, intent=attrs.evolve(mention.intent, nearest=True))
    return mention


def _forced(intent: Any, way: Direction) -> Any:
    """The meaning with its open direction forced; a clock time's day ("sinds maandag om 9 uur")."""
    if hasattr(intent, "direction") and intent.direction is None:
        return attrs.evolve(intent, direction=way)
    if isinstance(intent, Clock) and intent.day is not None:
        return attrs.evolve(intent, day=_forced(intent.day, way))
    return intent
