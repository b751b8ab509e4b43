"""Every rule's own examples match, and match by that rule."""

from __future__ import annotations

import pytest

from timeline.expressions.find import mentions_in
from timeline.lang import load_language

LANG = load_language("nl")
EXAMPLES = [pytest.param(rule, ex, id=f"{rule.id}:{ex}") for rule in LANG.rules for ex in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example_matches_by_its_rule(rule, example) -> None:
    found = mentions_in(example, LANG)
    if rule.id.startswith("block."):
        assert found == ()
    else:
        assert found and found[0].rule == rule.id


def test_every_rule_has_an_example() -> None:
    assert [r.id for r in LANG.rules if not r.examples] == []


def test_rule_ids_are_family_dot_variant() -> None:
    for rule in LANG.rules:
        family, _, variant = rule.id.partition(".")
        assert family and variant and rule.id == rule.id.lower(), rule.id


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        load_language("xx")


def test_the_rule_index_stays_small() -> None:
    # Every rule is indexed by the first two tokens its matches can have. A rule made of
    # other rules (a day and a clock time joined) holds theirs: joined over every family, it
    # once held 8.7 million pairs and loading the language took a minute.
    pairs = {rule.id: len(rule.pattern.heads(2)) for rule in LANG.rules}
    assert sum(pairs.values()) < 200_000, sorted(pairs.items(), key=lambda kv: -kv[1])[:5]
