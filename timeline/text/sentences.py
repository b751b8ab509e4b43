"""Cutting tokens into sentences, and a long text into blocks of paragraphs.

A sentence ends at end punctuation (and the closing quotes after it) before a
capital, a digit or an opening quote; at a blank line; at a line break after a
line that ends a sentence, or after a line with no end punctuation that is
short or is followed by a capital (a headline). A listed abbreviation never ends
one; one that may end a sentence does so before a capital. A "sentence" of more
than ``MAX_TOKENS`` tokens (a list, a table) is cut, so per-sentence work stays
bounded.
"""

from __future__ import annotations

import bisect
import itertools
import operator

from .tokens import ABBR, ABBR_END, PUNCT, WORD, Tokens

__all__ = ["BLOCK", "CLOSING", "END", "LEADS", "OPENING", "blocks", "bounds", "names"]

END = frozenset({".", "!", "?", "…"})
CLOSING = frozenset("\"'”’»)]")
OPENING = frozenset("\"'“‘„«([")
# After one of these a capital is a sentence start, not a name.
LEADS = OPENING | frozenset({":", "-", "–", "—", "•", "*", "·"})

BLOCK = 1 << 16  # characters: a long text is read a block of paragraphs at a time
SHORT_LINE = 60  # a line shorter than this with no end punctuation is a headline
MAX_TOKENS = 400  # a longer "sentence" (a list, a table) is cut, so per-sentence work stays bounded
_IS_PUNCT, _IS_ABBR_END = PUNCT.__eq__, ABBR_END.__eq__
_FINAL_FIRST = END | CLOSING  # the first character of punctuation that may end a sentence
_FIRST = operator.itemgetter(0)
_IS_WORD = WORD.__eq__


def bounds(text: str, tk: Tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges of the sentences of the block ``text[a:b]`` with tokens ``tk``."""
    starts, ends, kinds, words = tk.starts, tk.ends, tk.kinds, tk.words
    n = len(starts)
    # Only end punctuation (and closing quotes), an abbreviation that may end a sentence and
    # any token before a line break can end one: visit just those, in order.
    ending = map(operator.and_, map(_IS_PUNCT, kinds), map(_FINAL_FIRST.__contains__, map(_FIRST, words)))
    candidates = set(itertools.compress(range(n - 1), map(operator.or_, ending, map(_IS_ABBR_END, kinds))))
    nl = text.find("\n", a, b)
    while nl >= 0:
        j = bisect.bisect_right(starts, nl)  # the first token after the break
        if j >= n:
            break
        if j > 0:
            candidates.add(j - 1)
        nl = text.find("\n", starts[j], b)
    out: list[tuple[int, int]] = []
    first = 0
    final = False  # the token before ends in end punctuation (and closing quotes)
    previous = -2  # the last candidate visited
    for i in sorted(candidates):
        kind, end, piece = kinds[i], ends[i], words[i]
        if kind == PUNCT:
            adjacent = i > 0 and ends[i - 1] == starts[i]
            final = (piece in END or piece[0] == "."
                     or (final and previous == i - 1 and adjacent and piece in CLOSING))
        else:
            final = False
        previous = i
        after = starts[i + 1]
        head = text[after]
        if text.find("\n", end, after) >= 0:
            if text.count("\n", end, after) >= 2:
                split = True  # a blank line
            elif kind == ABBR:
                split = False
            elif final or kind == ABBR_END:
                split = True
            elif kind == PUNCT and piece not in CLOSING:
                split = False  # a line ending in a comma or a dash goes on
            else:  # a line with no end punctuation: a headline if short or if a capital follows
                line = text[text.rfind("\n", 0, starts[i]) + 1:end].strip()
                split = len(line) < SHORT_LINE or not head.islower()
        elif after == end:
            split = False
        elif kind == ABBR_END:
            split = head.isupper()
        else:
            split = final and (head.isupper() or head.isdigit() or head in OPENING)
        if split:
            out.append((first, i + 1))
            first = i + 1
    if first < n:
        out.append((first, n))
    capped: list[tuple[int, int]] = []
    for lo, hi in out:
        while hi - lo > MAX_TOKENS:
            capped.append((lo, lo + MAX_TOKENS))
            lo += MAX_TOKENS
        capped.append((lo, hi))
    return capped


def blocks(text: str) -> list[tuple[int, int]]:
    """``text`` cut at blank lines (which always end a sentence) into blocks of at least
    ``BLOCK`` characters; a text without blank lines is one block."""
    out, start = [], 0
    while len(text) - start > 2 * BLOCK:
        cut = text.find("\n\n", start + BLOCK)
        if cut < 0:
            break
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def names(tk: Tokens, bounds: list[tuple[int, int]]) -> set[str]:
    """The words written with a capital inside a sentence (not first, nor after a quote or colon)."""
    words = tk.words
    # Per token, with maps of C functions: a word with a capital, and no leading token before it.
    inside = list(map(operator.and_, map(operator.and_, map(str.isupper, map(_FIRST, words)), map(_IS_WORD, tk.kinds)),
                      itertools.chain((False,), map(operator.not_, map(LEADS.__contains__, words)))))
    for a, _ in bounds:
        inside[a] = False  # the first word of a sentence
    return set(itertools.compress(words, inside))
