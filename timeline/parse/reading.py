"""A document read once: blocks of whole paragraphs, each with its tokens and its sentences.

The pipeline reads a document block by block, so that a long text is never
held parsed whole. A block gives the time recognizer its tokens (the finer
view it matches on) and gives tense and events its sentences; the built-in
parser analyzes a sentence only when it is first asked for, so recognizing
time expressions alone parses only the sentences that hold one. A parser of
another kind (stanza, Frog, your own) parses the whole text at once; its
sentences are handed out by block all the same.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Protocol

from ..lang import Language
from ..text.sentences import blocks
from ..text.tokens import MatchTokens
from ..time.intent import Tense
from .protocol import Parser, Sentence
from .tense import TenseCues, clause_tense, token_at

__all__ = ["Block", "ParsedBlock", "read", "tense_at"]


class Block(Protocol):
    """One stretch of whole paragraphs of a document."""

    start: int
    end: int
    match: MatchTokens  # its tokens, as time patterns match them

    def sentences(self) -> Sequence[Sentence]:
        """Its sentences, parsed, in order."""
        ...

    def index_at(self, offset: int) -> int:
        """The number (in the block, from 0) of the sentence that holds character ``offset``
        (-1: none does)."""
        ...

    def sentence(self, k: int) -> Sentence:
        """Sentence ``k`` of the block, parsed."""
        ...


class ParsedBlock:
    """A block of a text that a parser has parsed whole: its share of the sentences."""

    def __init__(self, text: str, start: int, end: int, sentences: Sequence[Sentence]) -> None:
        self.start, self.end = start, end
        self.match = MatchTokens(text, start, end)
        self._sentences = sentences
        self._starts = [s.start for s in sentences]

    def sentences(self) -> Sequence[Sentence]:
        return self._sentences

    def index_at(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def sentence(self, k: int) -> Sentence:
        return self._sentences[k]


def read(text: str, parser: Parser, language: Language) -> Iterator[Block]:
    """The blocks of ``text`` as ``parser`` reads it (see the module's doc)."""
    own = getattr(parser, "blocks", None)
    if callable(own):  # the built-in parser reads block by block, and parses on demand
        yield from own(text)
        return
    sentences = sorted(parser.parse(text), key=lambda s: s.start)
    starts = [s.start for s in sentences]
    for a, b in blocks(text):
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        yield ParsedBlock(text, a, b, sentences[lo:hi])


def tense_at(block: Block, offset: int, language: Language) -> Tense:
    """The tense of the clause around character ``offset`` of ``block``, from its parse."""
    k = block.index_at(offset)
    if k < 0:
        return Tense.PRESENT
    sentence = block.sentence(k)
    if not sentence.texts:
        return Tense.PRESENT
    return clause_tense(sentence, token_at(sentence, offset), TenseCues.of(language),
                        lambda: [block.sentence(j) for j in range(max(0, k - 3), k)])
