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
import operator
import re
from typing import Any

from attrs import frozen

__all__ = ["ABBR", "ABBR_END", "NUM", "PUNCT", "WORD", "MatchTokens", "TokenLists", "Tokens", "fold", "read_tokens",
           "tokenize"]

# One token: a dotted abbreviation (two or more letter-dot pairs), an elided word
# after an apostrophe, a word or number (letters and digits joined by hyphens and
# apostrophes, digits also by . , : /), a run of dots, or any other character.
# Every repetition starts with a separator character, so nothing backtracks far.
# Split on it (one group), a text alternates gaps of white space and tokens, all in C.
# Each alternative starts with one character of a set (``a.b.`` for ``(?:a.){2,}``, ``ab*``
# for ``b+``), so the engine skips white space with a scan of that set instead of trying
# every alternative at every space.
TOKEN = re.compile(
    r"([^\W\d_]\.(?:[^\W\d_]\.)+"
    r"|['’][^\W\d_](?:-[^\W_]+)*(?![^\W_])"
    r"|[^\W_][^\W_]*(?:(?:[-'’&]|(?<=\d)[.,:/](?=\d))[^\W_]+)*"
    r"|\.\.+|[^\w\s]|_)"
)

# Token kinds.
WORD, NUM, PUNCT, ABBR, ABBR_END = range(5)  # ABBR never ends a sentence, ABBR_END may


_APOSTROPHES = ("\u2019", "\u2018", "`", "\u00b4")  # written for ' ("’s ochtends")


def fold(text: str) -> str:
    """Lower case, with every apostrophe as ``'``. (``str.replace`` is much faster than
    ``str.translate`` on long text, and most texts have none of these marks.)"""
    text = text.lower()
    for mark in _APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    return text


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

    __slots__ = ("ends", "folded", "kinds", "lows", "starts", "words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int], kinds: list[int],
                 lows: list[str], folded: str) -> None:
        self.words, self.starts, self.ends, self.kinds, self.lows = words, starts, ends, kinds, lows
        self.folded = folded  # the block's text folded (see fold()), for the finer view



def read_tokens(text: str, a: int, b: int, lists: TokenLists) -> Tokens:
    """Every token of ``text[a:b]``: words, numbers, punctuation, abbreviations.

    Most of the work is done in C, a list at a time: the split, the offsets, the
    kinds and the folded forms; only the few tokens with a dot at the end or an
    apostrophe at the start get a closer look.
    """
    chunk = text[a:b]
    parts = TOKEN.split(chunk)  # gap, token, gap, token, ..., gap
    offsets = list(itertools.accumulate(map(len, parts), initial=a))
    words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    firsts = list(map(_FIRST, words))
    kinds = list(map(_KINDS.__getitem__, firsts))  # a dict lookup per token, in C
    dropped: list[int] = []  # dots that belong to the word before them
    split: list[int] = []  # quotes before a word
    marked = map(operator.or_, map(str.endswith, words, itertools.repeat(".")), map(_STARTS_QUOTE, firsts))
    for k in itertools.compress(range(len(words)), marked):
        _look_closer(k, words, starts, ends, kinds, lists, dropped, split)
    # Folding the words at once, joined, and splitting the result is much cheaper than
    # folding each word, and the same wherever lowercasing ignores context (not so for the
    # capital sigma, whose lowercase depends on what follows it).
    context_free = "Σ" not in chunk and "\0" not in chunk
    lows = fold("\0".join(words)).split("\0") if context_free else [fold(w) for w in words]
    folded = fold(chunk)
    if dropped or split:
        words, starts, ends, kinds, lows = _edit(words, starts, ends, kinds, lows, dropped, split)
    return Tokens(words, starts, ends, kinds, lows, folded)


_FIRST = operator.itemgetter(0)


class _FirstCharacterKinds(dict[str, int]):
    """The kind of a token by its first character: WORD (a letter), NUM (a digit) or PUNCT,
    worked out once per character (there are only so many)."""

    def __missing__(self, first: str) -> int:
        kind = self[first] = WORD if first.isalnum() and not first.isdigit() else NUM if first.isdigit() else PUNCT
        return kind


_KINDS = _FirstCharacterKinds()
_STARTS_QUOTE = frozenset("'’").__contains__


def _look_closer(k: int, words: list[str], starts: list[int], ends: list[int], kinds: list[int],
                 lists: TokenLists, dropped: list[int], split: list[int]) -> None:
    """Token ``k`` ends in a dot or starts with an apostrophe: an abbreviation (whose dot may
    be a token of its own), an elided word, or a quote before a word."""
    word = words[k]
    if word[0] in "'’":
        if len(word) == 1:
            return
        if fold(word).split("-")[0] in lists.clitics:
            kinds[k] = WORD  # an elided word
        else:
            split.append(k)  # a quote before a word
    elif word[0].isalnum():  # a dotted abbreviation (no word or number ends in a dot)
        low = fold(word)
        known = low in lists.abbreviations or (low not in lists.may_end and word.isupper())
        kinds[k] = ABBR if known else ABBR_END
    elif word == "." and k > 0 and ends[k - 1] == starts[k] and _plain_word(words[k - 1]):
        before = words[k - 1]  # a word right before the dot: is the dot the word's?
        low = fold(before) + "."
        initial = len(before) == 1 and before.isupper() and k + 1 < len(words) and words[k + 1][0].isupper()
        if low in lists.abbreviations or low in lists.may_end or initial:
            words[k - 1], ends[k - 1] = before + ".", ends[k]
            kinds[k - 1] = ABBR_END if low in lists.may_end else ABBR
            dropped.append(k)


def _plain_word(token: str) -> bool:
    """Whether a token is a word: it starts with a letter and does not end in a dot (as a
    dotted abbreviation does)."""
    return token[0].isalnum() and not token[0].isdigit() and token[-1] != "."


def _edit(words: list[str], starts: list[int], ends: list[int], kinds: list[int], lows: list[str],
          dropped: list[int], split: list[int]) -> tuple[list[str], list[int], list[int], list[int], list[str]]:
    """The tokens without the ``dropped`` ones, and with each ``split`` one cut into its
    first character (a quote) and the word after it."""
    edits = sorted([(k, False) for k in dropped] + [(k, True) for k in split])
    out: tuple[list[str], list[int], list[int], list[int], list[str]] = ([], [], [], [], [])
    w, st, en, ki, lo = out
    last = 0
    for k, cut in edits:
        w += words[last:k]
        st += starts[last:k]
        en += ends[last:k]
        ki += kinds[last:k]
        lo += lows[last:k]
        if cut:
            w += (words[k][0], words[k][1:])
            st += (starts[k], starts[k] + 1)
            en += (starts[k] + 1, ends[k])
            ki += (PUNCT, WORD)
            lo += (lows[k][0], lows[k][1:])
        last = k + 1
    w += words[last:]
    st += starts[last:]
    en += ends[last:]
    ki += kinds[last:]
    lo += lows[last:]
    return out


# A finer token, for matching time patterns: a run of digits with inner separators
# (14-03-2017, 15.30, a decimal 2,5), a run of letters, or any other single visible character.
# Every such token lies inside one token of the text, so this is a view of the same tokens.
_FINE = re.compile(r"([0-9]+(?:[.:/,-][0-9]+)*|[^\W\d_]+|\S)")


class MatchTokens:
    """The tokens of ``text[start:end]`` split finer (letters from digits, punctuation from
    both), folded, as the rules of time expressions match them; offsets on demand.

    ``folded`` is that stretch already folded (the parser's block has it at hand).
    ``memo`` is scratch room for the matcher: what a rule matched where, while these tokens
    are matched (rules made of other rules ask for the same one at the same place).
    """

    __slots__ = ("_offsets", "_parts", "_shift", "memo", "norms", "text")

    def __init__(self, text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> None:
        self.text = text
        end = len(text) if end is None else end
        piece = text[start:end]
        low = fold(piece) if folded is None else folded
        # split() with the token pattern as a group alternates gaps and tokens, all in C:
        # [gap, token, gap, token, ..., gap]. Offsets are running sums of their lengths.
        if len(low) == len(piece):  # one character for one: the folded text keeps the offsets
            self._parts = _FINE.split(low)
            self.norms: list[str] = self._parts[1::2]
        else:  # a rare letter whose lower case is longer ("İ"): fold token by token
            self._parts = _FINE.split(piece)
            self.norms = [fold(tok) for tok in self._parts[1::2]]
        self._shift = start
        self._offsets: list[int] | None = None
        self.memo: dict[tuple[int, int], Any] = {}

    def __len__(self) -> int:
        return len(self.norms)

    def _at(self, k: int) -> int:
        if self._offsets is None:
            self._offsets = list(itertools.accumulate(map(len, self._parts), initial=self._shift))
        return self._offsets[k]

    def start(self, i: int) -> int:
        """Character offset (in ``text``) where token ``i`` begins."""
        return self._at(2 * i + 1)

    def end(self, i: int) -> int:
        """Character offset (in ``text``) just after token ``i``."""
        return self._at(2 * i + 2)

    def raw(self, i: int) -> str:
        return self.text[self.start(i):self.end(i)]


def tokenize(text: str) -> list[str]:
    """The folded finer tokens of a short text (a lexicon key, a rule example)."""
    return MatchTokens(text).norms
