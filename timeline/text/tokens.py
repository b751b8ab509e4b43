"""Reading a text into tokens: words, numbers, punctuation and abbreviations, with offsets.

This is the one tokenizer of the library: the built-in parser reads its
sentences from these tokens, and the recognizer of time expressions matches on
the same text. A token is a word or number (letters and digits joined by
hyphens and apostrophes, digits also by ``.``, ``,``, ``:`` and ``/``), a dotted
abbreviation, an elided word after an apostrophe (``'s``), a run of dots, or any
other single character. The language's lists say which abbreviations keep their
dot and which elided words stand alone.
"""

from __future__ import annotations

import itertools
import re

from attrs import frozen

__all__ = ["ABBR", "ABBR_END", "NUM", "PUNCT", "WORD", "TokenLists", "Tokens", "fold", "read_tokens"]

# One token: a dotted abbreviation (two or more letter-dot pairs), an elided word
# after an apostrophe, a word or number (letters and digits joined by hyphens and
# apostrophes, digits also by . , : /), a run of dots, or any other character.
# Every repetition starts with a separator character, so nothing backtracks far.
# Split on it (one group), a text alternates gaps of white space and tokens, all in C.
TOKEN = re.compile(
    r"((?:[^\W\d_]\.){2,}"
    r"|['’][^\W\d_](?:-[^\W_]+)*(?![^\W_])"
    r"|[^\W_]+(?:(?:[-'’&]|(?<=\d)[.,:/](?=\d))[^\W_]+)*"
    r"|\.{2,}|[^\w\s]|_)"
)

# Token kinds.
WORD, NUM, PUNCT, ABBR, ABBR_END = range(5)  # ABBR never ends a sentence, ABBR_END may


def fold(text: str) -> str:
    """Lower case, with typographic apostrophes as ``'``."""
    return text.lower().replace("’", "'").replace("‘", "'")


@frozen
class TokenLists:
    """What a language says about tokens: abbreviations that never end a sentence, those
    that may, and elided words written with an apostrophe."""

    abbreviations: frozenset[str]
    may_end: frozenset[str]
    clitics: frozenset[str]


class Tokens:
    """The tokens of one block of text as parallel lists (offsets index the whole text):
    a list per field costs far less than an object or a tuple per token."""

    __slots__ = ("ends", "kinds", "lows", "starts", "words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int], kinds: list[int],
                 lows: list[str]) -> None:
        self.words, self.starts, self.ends, self.kinds, self.lows = words, starts, ends, kinds, lows



def read_tokens(text: str, a: int, b: int, lists: TokenLists) -> Tokens:
    """Every token of ``text[a:b]``: words, numbers, punctuation, abbreviations."""
    s = lists
    chunk = text[a:b]
    parts = TOKEN.split(chunk)  # gap, token, gap, token, ..., gap
    offsets = list(itertools.accumulate(map(len, parts), initial=a))
    words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    kinds = [(NUM if w[0].isdigit() else WORD) if w[0].isalnum() else PUNCT for w in words]
    # Only a token with a dot at its end, or an apostrophe at its start, needs a closer look.
    dropped: list[int] = []  # dots that belong to the word before them
    split: list[int] = []  # quotes before a word
    for k in [k for k, w in enumerate(words) if w[-1] == "." or (w[0] in "'’" and len(w) > 1)]:
        word = words[k]
        if word[0] in "'’":  # an elided word, or a quote before a word
            if fold(word).split("-")[0] in s.clitics:
                kinds[k] = WORD
            else:
                split.append(k)
        elif word[0].isalnum():  # a dotted abbreviation (no word or number ends in a dot)
            low = fold(word)
            known = low in s.abbreviations or (low not in s.may_end and word.isupper())
            kinds[k] = ABBR if known else ABBR_END
        elif word == "." and k > 0 and ends[k - 1] == starts[k] and _plain_word(words[k - 1]):
            before = words[k - 1]  # a word right before the dot: is the dot the word's?
            low = fold(before) + "."
            initial = len(before) == 1 and before.isupper() and k + 1 < len(words) and words[k + 1][0].isupper()
            if low in s.abbreviations or low in s.may_end or initial:
                words[k - 1], ends[k - 1] = before + ".", ends[k]
                kinds[k - 1] = ABBR_END if low in s.may_end else ABBR
                dropped.append(k)
    if dropped or split:
        words, starts, ends, kinds = _edit(words, starts, ends, kinds, dropped, split)
    # Folding the block at once and slicing it is much cheaper than folding each word, and
    # the same wherever lowercasing keeps lengths and ignores context (not so for the
    # dotted capital I, or for the capital sigma, whose lowercase depends on what follows).
    folded = fold(chunk)
    if len(folded) == len(chunk) and "Σ" not in chunk:
        lows = [folded[x - a:y - a] for x, y in zip(starts, ends, strict=True)]
    else:
        lows = [fold(w) for w in words]
    return Tokens(words, starts, ends, kinds, lows)


def _plain_word(token: str) -> bool:
    """Whether a token is a word: it starts with a letter and does not end in a dot (as a
    dotted abbreviation does)."""
    return token[0].isalnum() and not token[0].isdigit() and token[-1] != "."


def _edit(words: list[str], starts: list[int], ends: list[int], kinds: list[int], dropped: list[int],
          split: list[int]) -> tuple[list[str], list[int], list[int], list[int]]:
    """The tokens without the ``dropped`` ones, and with each ``split`` one cut into its
    first character (a quote) and the word after it."""
    edits = sorted([(k, False) for k in dropped] + [(k, True) for k in split])
    out: tuple[list[str], list[int], list[int], list[int]] = ([], [], [], [])
    w, st, en, ki = out
    last = 0
    for k, cut in edits:
        w += words[last:k]
        st += starts[last:k]
        en += ends[last:k]
        ki += kinds[last:k]
        if cut:
            w += (words[k][0], words[k][1:])
            st += (starts[k], starts[k] + 1)
            en += (starts[k] + 1, ends[k])
            ki += (PUNCT, WORD)
        last = k + 1
    w += words[last:]
    st += starts[last:]
    en += ends[last:]
    ki += kinds[last:]
    return out
