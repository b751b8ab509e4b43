"""A tense detector that needs no model: surface cues of Dutch verbs.

It answers one question for the resolver: is the clause around a time
expression in the past, the present or the future? Cues, strongest first:
a future auxiliary (``zal``), a perfect auxiliary with a participle
(``heeft ... gezegd``), a simple past (``zei``, ``stelde``), a finite present
(``beslist``). The nearest cue in the expression's own clause decides; a
cue in another segment or clause of the sentence counts only when the own
clause has none. The word lists live in the language's ``verbs.toml`` and
``tense.toml``; the events work reuses :meth:`TenseDetector.verb_tense`.
"""

from __future__ import annotations

import bisect
import re
from .intent import Tense
from .lang import Language

__all__ = ["TenseDetector", "VerbLexicon"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘(]?[A-Z])|\n\s*")


class VerbLexicon:
    """The verb forms of a language, indexed for lookup by surface form."""

    def __init__(self, language: Language) -> None:
        verbs, cues = language.verbs, language.tense
        self.past: dict[str, str] = {}
        self.participles: dict[str, str] = {}
        for infinitive, forms in verbs.get("irregular", {}).items():
            self.past[forms["past"]] = infinitive
            self.past[forms["past_plural"]] = infinitive
            self.participles[forms["participle"]] = infinitive
        self.present: dict[str, str] = dict(verbs.get("present_irregular", {}))
        self.auxiliary: dict[str, str] = dict(verbs.get("auxiliary", {}))
        self.not_past = frozenset(verbs.get("not_past", {}).get("words", ()))
        self.particles = tuple(sorted(verbs.get("separable_particles", {}).get("words", ()), key=len, reverse=True))
        clause = cues.get("clause", {})
        self.subordinators = frozenset(clause.get("subordinators", ()))
        self.punctuation = frozenset(clause.get("punctuation", ()))
        self.not_verb_after = frozenset(cues.get("not_verb_after", {}).get("words", ()))
        regular = cues.get("regular_past", {})
        self.past_endings = tuple(regular.get("endings", ()))
        self.past_not_endings = tuple(regular.get("not_endings", ()))
        self.past_min = int(regular.get("min_length", 5))
        present = cues.get("present", {})
        self.present_endings = tuple(present.get("endings", ()))
        self.present_min = int(present.get("min_length", 4))
        part = cues.get("participle", {})
        self.participle_prefix = part.get("prefix", "ge")
        self.participle_endings = tuple(part.get("endings", ()))
        self.inseparable = tuple(part.get("inseparable", ()))

    def strip_particle(self, word: str) -> str:
        for particle in self.particles:
            if word.startswith(particle) and len(word) > len(particle) + 3:
                return word[len(particle):]
        return word

    def is_participle(self, word: str) -> bool:
        if word in self.participles:
            return True
        core = self.strip_particle(word)
        if core in self.participles:
            return True
        if not core.endswith(self.participle_endings) or len(core) < 6:
            return False
        return core.startswith(self.participle_prefix) or core.startswith(self.inseparable)

    def is_regular_past(self, word: str) -> bool:
        return (len(word) >= self.past_min and word.endswith(self.past_endings)
                and not word.endswith(self.past_not_endings) and word not in self.not_past)


class TenseDetector:
    """Finds the tense of the clause around any span of one text."""

    def __init__(self, language: Language, text: str, lexicon: VerbLexicon | None = None) -> None:
        self.text = text
        self.lex = lexicon or VerbLexicon(language)
        self._bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]

    def sentence_of(self, start: int) -> tuple[int, int]:
        """Offsets of the sentence that contains ``start``."""
        k = bisect.bisect_right(self._bounds, start) - 1
        k = min(max(k, 0), len(self._bounds) - 2)
        return self._bounds[k], self._bounds[k + 1]

    def at(self, start: int, end: int) -> Tense:
        """The tense that governs the expression at ``[start, end)``."""
        s0, s1 = self.sentence_of(start)
        words: list[tuple[int, str, str]] = [(m.start() + s0, m.group().lower(), m.group())
                                             for m in _WORD.finditer(self.text, s0, s1)]
        best: tuple[int, Tense] | None = None
        segment = clause = 0
        own: tuple[int, int] | None = None
        cues: list[tuple[int, int, int, Tense]] = []  # segment, clause, position, tense
        aux_at: dict[int, int] = {}  # clause -> index in cues of its perfect auxiliary
        for k, (pos, low, raw) in enumerate(words):
            if start <= pos < end:
                own = (segment, clause)
                continue
            if low in self.lex.punctuation:
                segment += 1
                continue
            if low in self.lex.subordinators:
                segment += 1
                clause += 1
                continue
            prev = words[k - 1][1] if k else ""
            tense = self.verb_tense(low, raw, prev, first=k == 0)
            if tense is not None:
                if self.lex.auxiliary.get(low) == "perfect":
                    aux_at[clause] = len(cues)
                cues.append((segment, clause, pos, tense))
            elif clause in aux_at and self.lex.is_participle(low) and prev not in self.lex.not_verb_after:
                # "heeft ... gezegd": the auxiliary and its participle both point back.
                seg, cl, at, _ = cues[aux_at[clause]]
                cues[aux_at[clause]] = (seg, cl, at, Tense.PAST)
                cues.append((segment, clause, pos, Tense.PAST))
        if own is None:
            own = (segment, clause)
        for seg, cl, pos, tense in cues:
            rank = (0 if (seg, cl) == own else 1 if cl == own[1] else 2) * len(self.text) + abs(pos - start)
            if best is None or rank < best[0] or (rank == best[0] and tense is Tense.PAST):
                best = (rank, tense)
        return Tense.PRESENT if best is None else best[1]

    def verb_tense(self, low: str, raw: str, prev: str, *, first: bool = False) -> Tense | None:
        """The tense a word shows if it is a finite verb, else None."""
        lex = self.lex
        role = lex.auxiliary.get(low)
        if role in ("future",):
            return Tense.FUTURE
        if prev in lex.not_verb_after:
            return None
        if not first and raw[:1].isupper():
            return None  # a name, not a verb
        if low in lex.past or lex.is_regular_past(low):
            if low in lex.present:
                return Tense.PRESENT
            return Tense.PAST
        if low in lex.present or (len(low) >= lex.present_min and low.endswith(lex.present_endings)
                                  and low not in lex.not_past):
            return Tense.PRESENT
        return None
