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


# A "sentence" longer than this (a list, a table, text without full stops) is cut
# at spaces, so the work per expression stays bounded and the whole stays linear.
_MAX_SENTENCE = 400


def _cap(bounds: list[int], text: str) -> list[int]:
    """Sentence bounds with every sentence longer than ``_MAX_SENTENCE`` cut up."""
    out = [bounds[0]]
    for end in bounds[1:]:
        start = out[-1]
        while end - start > _MAX_SENTENCE:
            cut = text.find(" ", start + _MAX_SENTENCE, end)
            if cut < 0 or cut - start > 2 * _MAX_SENTENCE:
                cut = start + _MAX_SENTENCE
            out.append(cut)
            start = cut
        if end > out[-1] or len(out) == 1:
            out.append(end)
    return out


class VerbLexicon:
    """The verb forms of a language, indexed for lookup by surface form."""

    def __init__(self, language: Language) -> None:
        verbs, cues = language.verbs, language.tense
        self.past: dict[str, str] = {}
        self.participles: dict[str, str] = {}
        known = {**verbs.get("conjugated", {}), **verbs.get("irregular", {})}
        for infinitive, forms in known.items():
            for key in ("past", "past_plural"):
                if key in forms:
                    self.past[forms[key]] = infinitive
            self.participles[forms["participle"]] = infinitive
        self.infinitives = frozenset(known)
        self.present: dict[str, str] = dict(verbs.get("present_irregular", {}))
        self.auxiliary: dict[str, str] = dict(verbs.get("auxiliary", {}))
        stative = verbs.get("stative_participles", {})
        self.stative = frozenset(stative.get("words", ()))
        self.state_auxiliary = frozenset(stative.get("after", ()))
        self.not_past = frozenset(verbs.get("not_past", {}).get("words", ()))
        particles = sorted(verbs.get("separable_particles", {}).get("words", ()), key=len, reverse=True)
        self.particles: dict[str, tuple[str, ...]] = {}  # by first letter, longest first
        for particle in particles:
            self.particles[particle[:1]] = (*self.particles.get(particle[:1], ()), particle)
        clause = cues.get("clause", {})
        self.subordinators = frozenset(clause.get("subordinators", ()))
        self.punctuation = frozenset(clause.get("punctuation", ()))
        self.not_verb_after = frozenset(cues.get("not_verb_after", {}).get("words", ()))
        regular = cues.get("regular_past", {})
        self.past_endings = tuple(regular.get("endings", ()))
        self.plural_past_endings = tuple(regular.get("plural_endings", ()))
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
        for particle in self.particles.get(word[:1], ()):
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
        return core.startswith((self.participle_prefix, *self.inseparable))

    def is_infinitive(self, word: str) -> bool:
        """A verb in the infinitive: a known one, or a word on -en that is no past form."""
        return word in self.infinitives or (len(word) >= 5 and word.endswith("en") and word not in self.past
                                            and word not in self.not_past)

    def is_regular_past(self, word: str) -> bool:
        """A singular regular past (stem + de/te): a strong cue."""
        return (len(word) >= self.past_min and word.endswith(self.past_endings)
                and not word.endswith(self.past_not_endings) and word not in self.not_past)

    def may_be_plural_past(self, word: str) -> bool:
        """A plural regular past (stem + den/ten) is spelled like many infinitives and
        plural nouns: only a weak cue, trusted when the narrative is in the past."""
        return (len(word) >= self.past_min + 1 and word.endswith(self.plural_past_endings)
                and not word.endswith(self.past_not_endings) and word not in self.not_past)


class TenseDetector:
    """Finds the tense of the clause around any span of one text."""

    def __init__(self, language: Language, text: str, lexicon: VerbLexicon | None = None) -> None:
        self.text = text
        self.lex = lexicon or VerbLexicon(language)
        self._tense_cache: dict[int, list[tuple[int, int, int, Tense]]] = {}
        self._bounds = _cap([0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)], text)

    def sentence_of(self, start: int) -> tuple[int, int]:
        """Offsets of the sentence that contains ``start``."""
        k = self._sentence_index(start)
        return self._bounds[k], self._bounds[k + 1]

    def at(self, start: int, end: int) -> Tense:
        """The tense that governs the expression at ``[start, end)``."""
        k = self._sentence_index(start)
        cues, weak, own = self._cues(k, (start, end))
        best: tuple[int, Tense] | None = None
        for seg, cl, pos, tense in cues:
            rank = (0 if (seg, cl) == own else 1 if cl == own[1] else 2) * len(self.text) + abs(pos - start)
            if best is None or rank < best[0] or (rank == best[0] and tense is Tense.PAST):
                best = (rank, tense)
        if best is not None and (best[0] < len(self.text) or not weak):
            return best[1]
        if weak and self._before(k) is Tense.PAST:
            # "Daarna zetten ...": a plural that may be past takes the tense of the narrative.
            return Tense.PAST
        return Tense.PRESENT if best is None else best[1]

    def _sentence_index(self, start: int) -> int:
        k = bisect.bisect_right(self._bounds, start) - 1
        return min(max(k, 0), len(self._bounds) - 2)

    def _before(self, k: int) -> Tense | None:
        """The tense of the nearest earlier sentence (up to three back) that shows one."""
        for j in range(k - 1, max(-1, k - 4), -1):
            if j not in self._tense_cache:
                self._tense_cache[j] = self._cues(j, None)[0]
            cues = self._tense_cache[j]
            if cues:
                return cues[0][3]
        return None

    def _cues(self, k: int, skip: tuple[int, int] | None
              ) -> tuple[list[tuple[int, int, int, Tense]], bool, tuple[int, int]]:
        """Tense cues of sentence ``k``: (segment, clause, position, tense), whether the
        clause of ``skip`` has a verb that may be a plural past, and that clause."""
        s0, s1 = self._bounds[k], self._bounds[k + 1]
        words = [(m.start(), m.group().lower(), m.group()) for m in _WORD.finditer(self.text, s0, s1)]
        segment = clause = 0
        own: tuple[int, int] | None = None
        weak_clauses: set[int] = set()
        cues: list[tuple[int, int, int, Tense]] = []
        aux_at: dict[int, tuple[int, str]] = {}  # clause -> (index in cues, form) of its perfect auxiliary
        go_at: dict[int, int] = {}  # clause -> index in cues of a form of "gaan"
        for i, (pos, low, raw) in enumerate(words):
            if skip is not None and skip[0] <= pos < skip[1]:
                own = (segment, clause)
                continue
            if low in self.lex.punctuation:
                segment += 1
                continue
            if low in self.lex.subordinators:
                segment += 1
                clause += 1
                continue
            prev = words[i - 1][1] if i else ""
            if clause in aux_at and prev not in self.lex.not_verb_after and self.lex.is_participle(low):
                index, aux = aux_at[clause]
                if aux in self.lex.state_auxiliary and low in self.lex.stative:
                    continue  # "is gesloten": a state now, not a past event
                # "heeft ... gezegd", "is ... vertrokken": the auxiliary and its participle
                # both point back, even where the participle is spelled like a plural past.
                seg, cl, at, _ = cues[index]
                cues[index] = (seg, cl, at, Tense.PAST)
                cues.append((segment, clause, pos, Tense.PAST))
                continue
            tense = self.verb_tense(low, raw, prev, first=i == 0)
            if tense is not None:
                role = self.lex.auxiliary.get(low)
                if role == "perfect":
                    aux_at[clause] = (len(cues), low)
                elif role == "go" and tense is Tense.PRESENT:
                    go_at[clause] = len(cues)
                cues.append((segment, clause, pos, tense))
            elif clause in go_at and self.lex.is_infinitive(low) and prev not in self.lex.not_verb_after:
                # "gaat ... beslissen": a present form of "gaan" with an infinitive is a future.
                index = go_at.pop(clause)
                seg, cl, at, _ = cues[index]
                cues[index] = (seg, cl, at, Tense.FUTURE)
            elif self.lex.may_be_plural_past(low) and prev not in self.lex.not_verb_after:
                weak_clauses.add(clause)
        if own is None:
            own = (segment, clause)
        return cues, own[1] in weak_clauses, own

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
