"""The rule engine: its shortcuts (the two-token index, skipping text far from a
core token) must find exactly what trying every rule at every token finds."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.expressions.find import mentions_in
from timeline.lang import load_language
from timeline.patterns import NUMERIC, Match, Number, Opt, Rule, Seq, Shape, Words, token_key
from timeline.patterns.index import pair_index
from timeline.text.tokens import MatchTokens

LANG = load_language("nl")
EXAMPLES = sorted({example for rule in LANG.rules for example in rule.examples})
FILLER = ["de", "het", "van", "in", "op", "om", "over", "een", "en", "tot", "zei", "minister", "Mei", "Li",
          "3", "12", "2017", "15.30", "19-20", "3,5", "14:32", "2017-02-03", "3/2", "1.200", "15u30", "'s", ".",
          ",", "-", "a.s.", "uur", "half", "voor", "eind", "dag", "eerste"]


def naive(text: str) -> list[tuple[int, int, str]]:
    """Every rule at every token, longest match first, ties to the earlier rule; a rule that
    extends another's match (a day, then its clock time) goes on after every such match."""
    toks = MatchTokens(text)
    out, i = [], 0
    while i < len(toks):
        found = [(rule, j, caps) for rule in LANG.rules if rule.extends is None and rule.follows(toks.norms, i)
                 for j, caps in rule.pattern.match(toks, i)]
        best: tuple[int, Rule, Any] | None = None
        for rule in LANG.rules:  # in rule order: a tie goes to the earlier rule
            if rule.extends is None:
                matches = [(j, caps) for r, j, caps in found if r is rule]
            else:
                matches = [(k, ((rule.extends.name, ((meaning, r, caps), i, j)), *more))
                           for r, j, caps in found if r.family in rule.extends.families
                           for meaning in [r.build(Match(toks, caps, i, j))]
                           if meaning is not None and not isinstance(meaning, tuple) and rule.extends.keep(meaning)
                           for k, more in rule.pattern.match(toks, j)]
            for j, caps in matches:
                if best is None or j > best[0]:
                    best = (j, rule, caps)
        if best is None:
            i += 1
            continue
        j, rule, caps = best
        if rule.modified and not _after_modifier(toks.norms, i):
            i += 1
            continue
        built = rule.build(Match(toks, caps, i, j))
        if isinstance(built, tuple):
            out.extend((part.span[0], part.span[1], rule.id) for part in built)
        elif built is not None:
            out.append((toks.start(i), toks.end(j - 1), rule.id))
        i = j
    return out


def _after_modifier(norms: list[str], i: int) -> bool:
    """Whether a modifier of the lexicon ends right before token ``i``."""
    return any(end == i for k in range(max(0, i - 4), i) for end, _ in LANG.mods.walk(norms, k, i))


@given(st.lists(st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(FILLER)), max_size=25))
def test_the_engine_finds_what_trying_every_rule_everywhere_finds(words: list[str]) -> None:
    text = " ".join(words)
    # Ends and rules: the engine may widen a start over a modifier ("begin januari").
    found = [(m.span.end, m.rule) for m in mentions_in(text, LANG)]
    assert found == [(e, r) for _, e, r in naive(text)]


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_is_found_by_the_engine_as_by_brute_force(example: str) -> None:
    text = f"Zij zei dat {example} genoemd werd."
    assert [(m.span.end, m.rule) for m in mentions_in(text, LANG)] == [(e, r) for _, e, r in naive(text)]


def test_heads_are_the_first_two_tokens_of_every_match() -> None:
    pattern = Seq(Words({"van": 1}), Number(1, 31), Words({"maart": 3, "tot en met": 0}))
    assert pattern.heads(2) == {("van", "<digit>")}
    assert pattern.heads(3) == {("van", "<digit>", "maart"), ("van", "<digit>", "tot")}


def test_nth_and_shortest_are_the_tokens_and_length_of_every_match() -> None:
    pattern = Seq(Words({"van": 1}), Number(1, 31), Words({"maart": 3, "tot en met": 0}))
    assert pattern.shortest() == 3 and pattern.longest() == 5
    assert pattern.nth(1) == {"<digit>"} and pattern.nth(2) == {"maart", "tot"} and pattern.nth(3) == {"en"}


def test_a_rule_is_left_out_before_a_third_token_it_cannot_have() -> None:
    days = Rule("days", Seq(Number(1, 31), Words({"tot": 0}), Number(1, 31)), lambda m: None)
    date = Rule("date", Seq(Number(1, 31), Words({"maart": 3}), Opt(Number(1000, 2999))), lambda m: None)
    index = pair_index([days, date])
    assert index["<digit>"][0]["tot"][0]["<digit>"] == (days,) and index["<digit>"][0]["tot"][1] == ()
    assert index["<digit>"][0]["maart"][0] == {} and index["<digit>"][0]["maart"][1] == (date,)


def test_numbers_are_indexed_by_their_kind() -> None:
    assert [token_key(t) for t in ("2017", "15.30", "19-20", "maart")] == ["<digit>", NUMERIC, NUMERIC, "maart"]


def test_a_rule_that_may_begin_anywhere_is_refused() -> None:
    anything = Shape(r"\w+", lambda g: True, words=True)
    with pytest.raises(ValueError, match="may begin with any token"):
        pair_index([Rule("bad.rule", anything, lambda m: None)])


@pytest.mark.parametrize("text", ["vr 3 februari om 18.00 uur", "za 4 maart 14:00", "dinsdag 22u", "morgen om 8 uur"])
def test_a_rule_that_goes_on_from_a_day_ties_by_rule_order(text: str) -> None:
    """A joined day and clock time (an extension) against a rule of its own length: the
    earlier rule wins, as between any two rules."""
    assert [(m.span.end, m.rule) for m in mentions_in(text, LANG)] == [(e, r) for _, e, r in naive(text)]
