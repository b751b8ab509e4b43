"""One sentence under analysis: its tokens as parallel lists, filled pass by pass.

The passes (:mod:`.tagging`, :mod:`.clauses`, :mod:`.roles`) read and write
these lists; the few questions several passes ask about a token (could it be
a verb here, is it surely one) are answered here.
"""

from __future__ import annotations

from ...text.sentences import LEADS
from ...text.tokens import WORD, Tokens
from .lexicon import FIN, FIN_INF, FIN_PART, NO, OPEN, Tables, Verb

__all__ = ["Analysis"]


class Analysis:
    """A sentence's tokens (``first`` to ``last`` of a block's) and what the passes decide of them."""

    def __init__(self, tables: Tables, tk: Tokens, first: int, last: int, names: set[str]) -> None:
        self.t = tables
        self.names = names
        n = self.n = last - first
        self.starts, self.ends = tk.starts[first:last], tk.ends[first:last]
        self.text = tk.words[first:last]
        self.low = tk.lows[first:last]
        self.kind = tk.kinds[first:last]
        self.tag: list[str | None] = [None] * n
        self.verb: list[Verb | None] = [None] * n  # the verb reading the context allows
        self.te = [False] * n  # an infinitive after the infinitive marker
        self.opener = [False] * n
        self.boundary = [False] * n
        self.role = [NO] * n
        self.lemma = list(self.low)
        self.tense: list[str | None] = [None] * n
        self.particle: list[int | None] = [None] * n
        self.clause = [0] * n

    def lead(self, i: int) -> bool:
        """Whether token ``i`` leads: it starts the sentence, or follows an opening quote, a
        colon or a dash (a capital there starts a sentence; elsewhere it writes a name)."""
        return i == 0 or self.text[i - 1] in LEADS

    def clause_tokens(self, c: int) -> range | list[int]:
        """The indexes of the tokens of clause ``c``, in order."""
        if c == 0 and not any(self.clause):
            return range(self.n)
        return [i for i, x in enumerate(self.clause) if x == c]

    def raw(self, j: int) -> Verb | None:
        """The verb reading of token ``j`` on its own: None for no word, a closed-class word or a name."""
        if j >= self.n or self.kind[j] != WORD:
            return None
        word = self.t.words[self.low[j]]
        if word.kind != OPEN:
            return None
        text = self.text[j]
        if text[0].isupper():
            if not self.lead(j) or text in self.names:
                return None
            found = word.verb  # a capital at the start: a name unless the lexicon
            return found if found is not None and found.level == 2 else None  # has the verb form
        return word.verb

    def firm(self, j: int) -> bool:
        """Whether token ``j`` can only be read as a finite verb form the lexicon vouches for."""
        v = self.raw(j)
        return v is not None and v.kind in (FIN, FIN_INF, FIN_PART) and v.level >= 1

    def open_class(self, j: int) -> bool:
        """A lowercase word of no closed class that is no firm verb form: a noun or adjective."""
        if j >= self.n or self.kind[j] != WORD or not self.text[j][0].islower():
            return False
        word = self.t.words[self.low[j]]
        if word.kind != OPEN or word.subordinator:
            return False
        v = word.verb  # as raw() gives it for a lowercase word
        return v is None or v.level == 0

    def set(self, i: int, role: int, lemma: str, tense: str | None = None) -> None:
        """Give token ``i`` its verb role."""
        self.role[i], self.lemma[i], self.tense[i] = role, lemma, tense
