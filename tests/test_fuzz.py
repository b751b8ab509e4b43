"""Arbitrary text never breaks recognition or analysis, and spans always point at their text.

Scraped news carries everything: control characters, NUL, lone surrogates (a
Python ``str`` can hold them, e.g. from JSON ``"\\ud800"``), emoji with
modifiers, combining accents, right-to-left text and its controls, every kind of
line end, and tokens thousands of characters long. Texts are built from such
pieces mixed with Dutch time phrases, so the matcher meets the hostile
characters right next to real expressions.
"""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.output import document_to_dict, document_to_html, document_to_timeml, parse_timeml

from .strategies import dcts

# Every code point, surrogates included (hypothesis leaves them out unless told).
ANY_CHARACTER = st.characters(exclude_categories=())
PIECES = st.one_of(
    st.text(ANY_CHARACTER, max_size=20),
    st.sampled_from([
        "\x00", "\x07", "\x1b[31m", "\ud800", "\udfff", "\ufeff", "\ufffe", "\u200b", "\u202e", "\u2066",
        "👍🏽", "🇳🇱", "👨‍👩‍👧", "e\u0301", "\u0308\u0308\u0308", "שלום", "مرحبا", "Ⅻ", "٣", "१२",
        "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t", "\n\n",
        "donderdag", "3 februari 2017", "vorige week", "in december", "om 15.30 uur", "twee dagen later",
        "zei", "beslist", "legde", "op", ".", ",", "'", "-", "maart", "2017", "van de",
    ]),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "9", ".", "x-", "é"]), st.integers(100, 3000)),
)
TEXTS = st.lists(PIECES, max_size=25).map("".join)


def check_spans(text: str, items: tuple[timeline.TimeExpression, ...] | tuple[timeline.Event, ...]) -> None:
    for item in items:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.text


@given(TEXTS, dcts)
def test_recognize_never_raises_and_spans_hold(text: str, dct: date) -> None:
    check_spans(text, tuple(timeline.recognize(text, dct=dct)))


@given(TEXTS, dcts)
def test_analyze_never_raises_and_spans_hold(text: str, dct: date) -> None:
    doc = timeline.analyze(text, dct=dct)
    check_spans(text, doc.timexes)
    check_spans(text, doc.events)
    placed = [r for r in doc.ranks if r is not None]
    assert placed == sorted(placed) and doc.ranks[:len(placed)] == tuple(placed)


@given(TEXTS, dcts)
def test_every_output_format_takes_any_text(text: str, dct: date) -> None:
    doc = timeline.analyze(text, dct=dct)
    json.dumps(document_to_dict(doc))  # ensure_ascii: lone surrogates become escapes, not errors
    back = parse_timeml(document_to_timeml(doc).encode("utf-8"))
    assert len(back.text) == len(text), "characters XML cannot hold are replaced one for one"
    document_to_html(doc).encode("utf-8")  # characters HTML cannot carry are replaced, none left that cannot be encoded


@given(st.sampled_from(["\x00", "\ud800", "\u202e", "👍🏽", "e\u0301", "\r\n", "\u2028"]),
       st.sampled_from(["Spicer zei donderdag dat het kabinet vrijdag beslist.", "Op 3 februari 2017 viel het."]))
def test_hostile_characters_next_to_an_expression_leave_it_found(noise: str, sentence: str) -> None:
    clean = [(t.text, t.value) for t in timeline.recognize(sentence, dct="2017-02-02")]
    noisy_text = noise + " " + sentence.replace(" ", f" {noise} ", 1)
    noisy = [(t.text, t.value) for t in timeline.recognize(noisy_text, dct="2017-02-02")]
    assert noisy == clean


def test_a_token_of_a_hundred_thousand_characters_is_read() -> None:
    for block in ("a" * 100_000, "9" * 100_000, "-." * 50_000, "\u0301" * 100_000):
        text = f"Vrijdag {block} beslist het kabinet, zei hij donderdag."
        doc = timeline.analyze(text, dct="2017-02-02")
        assert [t.value for t in doc.timexes] == ["2017-02-03", "2017-02-02"]
        check_spans(text, doc.events)
