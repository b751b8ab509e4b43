"""The marks of numbers (:mod:`timeline.patterns.marks`): which characters other than digits
a rule's first token may hold. The engine passes over a rule at a number whose marks its
first token cannot hold, so the marks read from a regex must hold every character that any
match of it can have: a mark left out would lose a time expression without a sound."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.lang import load_language
from timeline.patterns import NUMERIC, Alt, Number, Opt, Seq, Shape, Words
from timeline.patterns.elements import Element
from timeline.patterns.marks import marks_of, regex_marks
from timeline.patterns.nested import Sub

LANG = load_language("nl")


@pytest.mark.parametrize(("regex", "marks"), [
    (r"(\d{1,2})[.:](\d\d)", {".", ":"}),
    (r"(\d{4})-(\d{2})-(\d{2})", {"-"}),
    (r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})", {"-", "/", "."}),  # a group again holds what it held
    (r"\d+(?:[-/.:]\d+)+", {"-", "/", ".", ":"}),
    (r"(\d{1,2})u(\d\d)?", {"u"}),
    (r"[0-2]\d[.]\d\d", {"."}),  # digits in a class are no marks
    (r"\d+(?=,)", set()),  # a look ahead holds no character of the match
    (r"(\d+)(?:e|ste|de)", {"e", "s", "t", "d"}),
])
def test_the_marks_of_a_regex_are_the_characters_other_than_digits_it_may_match(regex: str, marks: set[str]) -> None:
    assert regex_marks(re.compile(regex)) == marks


@pytest.mark.parametrize("regex", [r"\d+.\d+", r"\d+\W\d+", r"\d+[^a]\d", r"\d\D", r"\d\w", r"(?i)\du", r"\d[a-\uffff]",
                                   r"\d\S"])
def test_a_regex_whose_marks_cannot_be_listed_has_none(regex: str) -> None:
    assert regex_marks(re.compile(regex)) is None


def test_the_marks_of_a_pattern_are_those_its_first_token_may_hold() -> None:
    clock, iso = Shape(r"(\d\d)[.:](\d\d)", lambda g: g), Shape(r"\d{4}-\d\d-\d\d", lambda g: g)
    assert Seq(clock, iso).marks() == {".", ":"}, "only the first token counts"
    assert Seq(Opt(clock), iso).marks() == {".", ":", "-"}, "a part that may be left out lets the next begin"
    assert Alt(clock, Number(1, 31)).marks() == {".", ":"}, "a plain number holds none"
    assert Seq(Words({"om": 1}), clock).marks() == frozenset(), "a word is no number"
    assert Shape(r".+", lambda g: g, words=True).marks() is None


def _numeric_shapes(element: Element) -> list[Shape]:
    """Every shape of numbers within ``element``, wherever it stands."""
    if isinstance(element, Shape):
        return [element] if element.token == NUMERIC else []
    if isinstance(element, Sub):
        return []  # its rules are in the language's list themselves
    parts = [getattr(element, name) for name in ("part",) if hasattr(element, name)]
    parts += list(getattr(element, "parts", ())) + list(getattr(element, "options", ()))
    return [shape for part in parts for shape in _numeric_shapes(part)]


SHAPES = sorted({shape.regex.pattern: shape for rule in LANG.rules for shape in _numeric_shapes(rule.pattern)}.items())
TOKEN = st.text(st.sampled_from("0123456789.,:/-'&uhe"), min_size=2, max_size=12).filter(lambda t: t[0].isdigit())


@pytest.mark.parametrize(("regex", "shape"), SHAPES, ids=[regex for regex, _ in SHAPES])
@given(token=TOKEN)
def test_every_number_a_dutch_shape_matches_holds_only_its_marks(regex: str, shape: Shape, token: str) -> None:
    marks = shape.marks()
    if marks is not None and shape.regex.fullmatch(token):
        assert marks_of(token) <= marks


def test_dutch_rules_are_not_anchored_on_the_commonest_words() -> None:
    """Each rule is anchored on the rarest tokens every match of it holds, by the counts of
    the lexicon's frequent words: "de" is in one in sixteen tokens, and no anchor."""
    assert not {"de", "het", "een", "van", "en", "."} & LANG.core
    ordinal_day = next(rule for rule in LANG.rules if rule.id == "ordinal.day")  # "op de 15de"
    assert "de" not in ordinal_day.pattern.anchors(LANG.lexicon["frequent"])[0]
