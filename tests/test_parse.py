"""Sentences keep their tokens column by column; as Token values they are the same tokens,
however the sentence was built, and what a sentence shares cannot be changed through it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.parse import Sentence, Token
from timeline.parse.builtin import BuiltinParser

TOKENS = (Token(index=0, text="Hij", start=0, end=3, lemma="hij", upos="PRON"),
          Token(index=1, text="legde", start=4, end=9, lemma="opleggen", upos="VERB",
                feats={"VerbForm": "Fin", "Tense": "Past"}, particle=3, head=None, deprel="root", clause=0),
          Token(index=2, text="sancties", start=10, end=18, lemma="sanctie", upos="NOUN", head=1, deprel="obj"),
          Token(index=3, text="op", start=19, end=21, lemma="op", upos="ADP", head=1, deprel="compound:prt"))


def test_a_sentence_of_tokens_gives_back_the_same_tokens() -> None:
    sentence = Sentence.of_tokens(index=0, tokens=TOKENS)
    assert sentence.tokens == TOKENS and (sentence.start, sentence.end) == (0, 21)
    assert sentence.texts == ("Hij", "legde", "sancties", "op") and sentence.particles[1] == 3
    assert sentence.has_tree and len(sentence) == 4
    assert [t.feats for t in sentence.tokens] == [t.feats for t in TOKENS]


def test_the_columns_a_parser_builds_make_the_same_sentence_as_its_tokens() -> None:
    (parsed,) = BuiltinParser().parse("Hij legde donderdag de sancties op.")
    rebuilt = Sentence.of_tokens(index=parsed.index, tokens=parsed.tokens, start=parsed.start, end=parsed.end)
    assert rebuilt == parsed and rebuilt.tokens == parsed.tokens
    assert list(rebuilt.feats) == list(parsed.feats)


def test_features_are_read_only_so_that_sentences_may_share_them() -> None:
    first, second = BuiltinParser().parse("Hij zei het. Zij zei het ook.")
    assert first.feats[1] is second.feats[1], "one mapping for one set of features"
    with pytest.raises(TypeError):
        first.feats[1]["Tense"] = "Pres"  # type: ignore[index]
    token = first.tokens[1]
    token.feats["Tense"] = "Pres"  # type: ignore[index]  # a Token has its own copy
    assert second.feats[1]["Tense"] == "Past"


def test_columns_of_unequal_length_are_refused() -> None:
    with pytest.raises(ValueError, match="equally long"):
        Sentence(index=0, start=0, end=3, texts=["Hij"], starts=[0], ends=[3], lemmas=["hij"], upos=["PRON"],
                 feats=[{}], heads=[None], deprels=[None], particles=[None], clauses=[0, 0])


def test_tokens_must_be_numbered_in_order() -> None:
    with pytest.raises(ValueError, match="numbered"):
        Sentence.of_tokens(index=0, tokens=TOKENS[1:])


@given(st.text(alphabet="Hij zei donderdag, dat het kabinet vrijdag beslist. \n'’-", max_size=80))
def test_every_parsed_sentence_is_its_own_tokens(text: str) -> None:
    for sentence in BuiltinParser().parse(text):
        assert Sentence.of_tokens(index=sentence.index, tokens=sentence.tokens, start=sentence.start,
                                  end=sentence.end) == sentence
