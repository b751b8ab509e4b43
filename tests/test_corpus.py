"""The expression corpora: one test per surface form, family by family.

Each ``tests/corpus/nl/<family>.toml`` holds ``case`` tables (standalone
expressions with DCT, tense, reference and the expected type, value and mod),
``sentence`` tables (whole sentences, tense from their own verbs, every
expression expected in order) and a ``negative`` table (texts with no time).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline import Tense, recognize
from timeline.expressions.find import mentions_in
from timeline.expressions.normalize import resolve_mentions
from timeline.lang import load_language
from timeline.time.timex import parse

CORPUS = Path(__file__).parent / "corpus" / "nl"
# Leading prepositions the guidelines leave out of an extent (section 3).
PREPOSITIONS = ("in", "op", "om", "sinds", "vanaf", "tot", "tijdens", "rond", "per")


def _load() -> dict[str, dict[str, Any]]:
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.toml"))}


FAMILIES = _load()


def _cases() -> list[Any]:
    out = []
    for family, data in FAMILIES.items():
        for case in data.get("case", []):
            for text in case["texts"]:
                tense = case.get("tense", "present")
                out.append(pytest.param(case, text, id=f"{family}:{text}@{case['dct']}/{tense}"))
    return out


def _sentences() -> list[Any]:
    return [pytest.param(s, id=f"{family}:{s['text'][:50]}@{s['dct']}")
            for family, data in FAMILIES.items() for s in data.get("sentence", [])]


def _negatives() -> list[Any]:
    return [pytest.param(text, id=f"{family}:{text}")
            for family, data in FAMILIES.items() for text in data.get("negative", {}).get("texts", [])]


def _extent(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in PREPOSITIONS and rest else text


@pytest.mark.parametrize(("case", "text"), _cases())
def test_expression(case: dict[str, Any], text: str) -> None:
    lang = load_language("nl")
    mentions = mentions_in(text, lang)
    reference = parse(case["reference"]) if "reference" in case else None
    found = resolve_mentions(text, mentions, case["dct"], Tense(case.get("tense", "present")), reference)
    assert [t.text for t in found] == [_extent(text)], "must be matched whole, as one expression"
    (t,) = found
    assert (t.type.value, t.value) == (case["type"], case["value"]), t.rule
    if "mod" in case:
        assert t.mod is not None and t.mod.value == case["mod"]


@pytest.mark.parametrize("sentence", _sentences())
def test_sentence(sentence: dict[str, Any]) -> None:
    found = recognize(sentence["text"], dct=sentence["dct"])
    assert [[t.text, t.type.value, t.value] for t in found] == sentence["expect"]


@pytest.mark.parametrize("text", _negatives())
def test_not_a_time(text: str) -> None:
    assert recognize(text, dct=date(2017, 2, 2)) == ()


def test_every_rule_family_has_its_corpus_file() -> None:
    rules = load_language("nl").rules
    assert [r.id for r in rules if not r.family] == [], "a rule outside any family"
    # The blocking rules' corpus is the negative one: what they block must stay untagged.
    assert {r.family for r in rules} - {"blocks"} == set(FAMILIES) - {"negative"}


def test_every_family_has_cases() -> None:
    assert FAMILIES, "no corpus files"
    for family, data in FAMILIES.items():
        assert data.get("case") or data.get("sentence") or data.get("negative"), family


def test_the_docs_show_every_family() -> None:
    page = (Path(__file__).parents[1] / "docs" / "expressions.md").read_text(encoding="utf-8")
    shown = {line.split()[-1] for line in page.splitlines() if line.startswith("```{corpus-table}")}
    assert set(FAMILIES) - {"negative"} == shown
