"""A sentence's events in their clauses: what placing events in time reads of the parse.

The parse numbers the clauses of a sentence (0: the main clause) and every
parser gives that, tree or not; this module works out, once per sentence, which
word opens each clause, which clause it belongs to, and which of its events is
the clause's own (its main verb, not a noun in one of its phrases).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event
from ..parse.protocol import Sentence
from ..parse.tense import token_at

__all__ = ["SentenceEvents"]


class SentenceEvents:
    """The events of one sentence, each with its token, read against the sentence's clauses."""

    def __init__(self, sentence: Sentence, events: Sequence[Event]) -> None:
        self.s = sentence
        self.events = list(events)
        self.token = [token_at(sentence, e.start) for e in self.events]
        clauses = sentence.clauses
        self.first: dict[int, int] = {}  # clause -> its first token
        self.last: dict[int, int] = {}  # clause -> its last token
        for k, c in enumerate(clauses):
            self.first.setdefault(c, k)
            self.last[c] = k
        self._finite: dict[int, list[int]] = {}

    def finite(self, clause: int) -> list[int]:
        """The finite verbs of a clause (worked out once per clause)."""
        found = self._finite.get(clause)
        if found is None:
            s = self.s
            found = self._finite[clause] = [j for j in range(self.first[clause], self.last[clause] + 1)
                                            if s.clauses[j] == clause and s.feats[j].get("VerbForm") == "Fin"]
        return found

    def clause(self, i: int) -> int:
        """The clause of event ``i``."""
        return self.s.clauses[self.token[i]]

    def opener(self, clause: int) -> tuple[str, int] | None:
        """The word that opens a subordinate clause (``nadat``, ``dat``) and its token, or None."""
        if clause == 0:
            return None
        k = self.first[clause]
        s = self.s
        if s.upos[k] in ("SCONJ", "ADV", "ADP") and (k == 0 or s.clauses[k - 1] != clause):
            return s.texts[k].lower(), k
        return None

    def parent(self, clause: int) -> int | None:
        """The clause a subordinate clause belongs to: the one it follows, or (a clause that
        opens the sentence) the one after it."""
        if clause == 0:
            return None
        clauses = self.s.clauses
        k = self.first[clause]
        if k > 0 and clauses[k - 1] != clause:
            return clauses[k - 1]
        end = self.last[clause] + 1
        return clauses[end] if end < len(clauses) else 0

    def main(self, clause: int, lo: int = 0, hi: int | None = None) -> int | None:
        """The clause's own event (index into :attr:`events`): its finite main verb, else its
        first verbal event; None where the clause has no verbal event. ``lo`` and ``hi``
        keep to the tokens ``lo <= k < hi`` (one side of a semicolon)."""
        hi = len(self.s.texts) if hi is None else hi
        verbal = [i for i, e in enumerate(self.events)
                  if not e.nominal and self.clause(i) == clause and lo <= self.token[i] < hi]
        if not verbal:
            return None
        feats = self.s.feats
        finite = [i for i in verbal if feats[self.token[i]].get("VerbForm") == "Fin"]
        return (finite or verbal)[0]

    def segment(self, k: int) -> tuple[int, int]:
        """The stretch of tokens around token ``k`` between semicolons (or colons): two main
        clauses the parse may number as one."""
        texts = self.s.texts
        lo = max((j + 1 for j in range(k) if texts[j] in (";", ":")), default=0)
        hi = next((j for j in range(k + 1, len(texts)) if texts[j] in (";", ":")), len(texts))
        return lo, hi

    def governing(self, clause: int | None) -> int | None:
        """The event a clause's words hang from: the clause's own event, else that of the
        clause it belongs to, outward to the main clause."""
        seen = set()
        while clause is not None and clause not in seen:
            seen.add(clause)
            found = self.main(clause)
            if found is not None:
                return found
            clause = self.parent(clause)
        return self.main(0) if 0 not in seen else None
