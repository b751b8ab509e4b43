"""A tense detector that needs no model: surface cues of Dutch verbs.

It answers one question for the resolver: is the clause around a time
expression in the past, the present or the future? Cues, strongest first:
a future auxiliary (``zal``), a perfect auxiliary with a participle
(``heeft ... gezegd``), a simple past (``zei``, ``stelde``), a finite present
(``beslist``). The nearest cue in the expression's own clause decides; a
cue in another segment or clause of the sentence counts only when the own
clause has none. The word lists live in the language's ``verbs.toml`` and
``tense.toml``; the built-in analyzer reuses :meth:`VerbLexicon.info` for its verbs.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable

from attrs import frozen

from ..lang import Language, load_language
from ..time.intent import Tense

__all__ = ["TenseDetector", "VerbLexicon"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
# The gap after a sentence: end punctuation, a closing quote, space, and a capital (or an
# opening quote) ahead; or a line break. It begins with a character class, not a
# lookbehind, so the regex engine can skip ahead fast.
_SENTENCE_SPLIT = re.compile(r"([.!?][\"'”’]?\s+(?=[\"'“‘(]?[A-Z])|\n\s*)")


def _sentences(text: str) -> list[int]:
    """Where sentences start, and the end of the text. (``split`` alternates sentences and
    the gaps after them; running sums of their lengths are the bounds, all computed in C.)"""
    sums = list(itertools.accumulate(map(len, _SENTENCE_SPLIT.split(text))))
    return [0, *sums[1::2], len(text)]


# A "sentence" longer than this (a list, a table, text without full stops) is cut
# at spaces, so the work per expression stays bounded and the whole stays linear.
_MAX_SENTENCE = 400


def _cap(bounds: list[int], text: str) -> list[int]:
    """Sentence bounds with every sentence longer than ``_MAX_SENTENCE`` cut up."""
    if max(map(operator.sub, bounds[1:], bounds[:-1]), default=0) <= _MAX_SENTENCE:
        return bounds
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


_INFO_CACHE = 1 << 16  # words whose lexicon facts are kept (the cache is emptied when full)


@frozen
class WordInfo:
    """The lexicon's facts about one word form, before context decides."""

    tense: Tense | None  # its tense if it is a finite verb
    role: str | None  # auxiliary role: perfect, future, go, ...
    participle: bool
    infinitive: bool
    weak: bool  # may be a plural past (stem + den/ten)
    boundary: int  # 2 opens a clause, 1 ends a segment (punctuation), 0 neither
    blocks: bool  # the next word cannot be a finite verb ("de", "een")


# A word the lexicon says nothing about (most words): one shared object, so that the
# detector passes over such words at once.
PLAIN = WordInfo(tense=None, role=None, participle=False, infinitive=False, weak=False, boundary=0, blocks=False)


class VerbLexicon:
    """The verb forms of a language, indexed for lookup by surface form."""

    @staticmethod
    def of(language: Language) -> VerbLexicon:
        """The lexicon of ``language``, built once per loaded language."""
        if language is load_language(language.code):
            return _lexicon(language.code)
        return VerbLexicon(language)

    def __init__(self, language: Language) -> None:
        self._info: dict[str, WordInfo] = {}
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

    def info(self, low: str) -> WordInfo:
        """What the lexicon says of one lowercase word, whatever its context (memoized)."""
        found = self._info.get(low)
        if found is None:
            if len(self._info) >= _INFO_CACHE:
                self._info.clear()
            found = WordInfo(
                tense=self._tense_of(low), role=self.auxiliary.get(low),
                participle=self.is_participle(low), infinitive=self.is_infinitive(low),
                weak=self.may_be_plural_past(low),
                boundary=2 if low in self.subordinators else 1 if low in self.punctuation else 0,
                blocks=low in self.not_verb_after)
            self._info[low] = found = PLAIN if found == PLAIN else found
        return found

    def _tense_of(self, low: str) -> Tense | None:
        """The tense of a word read as a finite verb, or None if it cannot be one."""
        if low in self.past or self.is_regular_past(low):
            return Tense.PRESENT if low in self.present else Tense.PAST
        if low in self.present or (len(low) >= self.present_min and low.endswith(self.present_endings)
                                   and low not in self.not_past):
            return Tense.PRESENT
        return None

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


_KEEP = 16  # sentence readings kept: the current one and the few that _before looks back on
_FAR = 1 << 20  # ranks a cue in another clause behind every cue of the own one


@frozen
class _Reading:
    """One sentence as the detector reads it."""

    cues: list[tuple[int, int, int, Tense]]  # (segment, clause, offset, tense) of each verb cue
    weak: frozenset[int]  # clauses with a verb that may be a plural past
    owns: dict[tuple[int, int], tuple[int, int, int]]  # expression span -> its segment, clause, word index


@functools.cache
def _lexicon(code: str) -> VerbLexicon:
    return VerbLexicon(load_language(code))


class TenseDetector:
    """Finds the tense of the clause around any span of one text.

    ``spans`` are the time expressions of the text, known up front: their words
    are never read as verbs, and each sentence is read once for all of them.
    """

    def __init__(self, language: Language, text: str, lexicon: VerbLexicon | None = None,
                 spans: Iterable[tuple[int, int]] = ()) -> None:
        self.text = text
        self.lex = lexicon or VerbLexicon.of(language)
        self._bounds = _cap(_sentences(text), text)
        self._spans: dict[int, list[tuple[int, int]]] = {}  # sentence -> its expressions
        for span in sorted(set(spans)):
            self._spans.setdefault(self._sentence_index(span[0]), []).append(span)
        self._read: dict[int, _Reading] = {}

    def at(self, start: int, end: int) -> Tense:
        """The tense that governs the expression at ``[start, end)``."""
        k = self._sentence_index(start)
        reading = self._reading(k)
        own = reading.owns.get((start, end))
        if own is None:  # not one of the spans given up front: read the sentence around it
            reading = self._cues(k, sorted({*self._spans.get(k, ()), (start, end)}))
            own = reading.owns[(start, end)]
        best: tuple[int, Tense] | None = None
        segment, clause, at = own
        for seg, cl, pos, tense in reading.cues:
            tier = 0 if (seg, cl) == (segment, clause) else 1 if cl == clause else 2
            rank = tier * _FAR + abs(pos - at)
            if best is None or rank < best[0] or (rank == best[0] and tense is Tense.PAST):
                best = (rank, tense)
        weak = clause in reading.weak
        if best is not None and (best[0] < _FAR or not weak):
            return best[1]
        if weak and self._before(k) is Tense.PAST:
            # "Daarna zetten ...": a plural that may be past takes the tense of the narrative.
            return Tense.PAST
        return Tense.PRESENT if best is None else best[1]

    def _sentence_index(self, start: int) -> int:
        k = bisect.bisect_right(self._bounds, start) - 1
        return min(max(k, 0), len(self._bounds) - 2)

    def _reading(self, k: int) -> _Reading:
        found = self._read.get(k)
        if found is None:
            found = self._read[k] = self._cues(k, self._spans.get(k, []))
            if len(self._read) > _KEEP:  # expressions come in text order: forget the oldest
                del self._read[next(iter(self._read))]
        return found

    def _before(self, k: int) -> Tense | None:
        """The tense of the nearest earlier sentence (up to three back) that shows one."""
        for j in range(k - 1, max(-1, k - 4), -1):
            cues = self._reading(j).cues
            if cues:
                return cues[0][3]
        return None

    def _cues(self, k: int, skips: list[tuple[int, int]]) -> _Reading:
        """Read sentence ``k``, passing over the expressions at ``skips`` (sorted).

        Positions are word indexes in the sentence: an expression's nearest verb is
        the one fewest words away.
        """
        segment = clause = n = 0
        owns: dict[tuple[int, int], tuple[int, int, int]] = {}
        weak_clauses: set[int] = set()
        cues: list[tuple[int, int, int, Tense]] = []
        aux_at: dict[int, tuple[int, str]] = {}  # clause -> (index in cues, form) of its perfect auxiliary
        go_at: dict[int, int] = {}  # clause -> index in cues of a form of "gaan"
        known, info, stative = self.lex._info, self.lex.info, self.lex.stative
        state_auxiliary = self.lex.state_auxiliary
        s0, s1 = self._bounds[k], self._bounds[k + 1]
        pieces: list[tuple[int, int, tuple[int, int] | None]] = []  # (start, end, the expression after)
        for span in skips:  # an expression that overlaps the one before gets an empty piece
            end = max(s0, min(span[0], s1))
            pieces.append((s0, end, span))
            s0 = max(end, span[1])
        pieces.append((s0, s1, None))
        for a, b, expression in pieces:
            blocked = False  # the word before cannot precede a finite verb
            for word in _WORD.findall(self.text, a, b) if a < b else ():
                low = word.lower()
                facts = known.get(low) or info(low)
                after_blocker, blocked = blocked, facts.blocks
                n += 1
                if facts is PLAIN:
                    continue
                if facts.boundary:
                    segment += 1
                    clause += facts.boundary == 2
                    continue
                if clause in aux_at and not after_blocker and facts.participle:
                    index, aux = aux_at[clause]
                    if aux in state_auxiliary and low in stative:
                        continue  # "is gesloten": a state now, not a past event
                    # "heeft ... gezegd", "is ... vertrokken": the auxiliary and its participle
                    # both point back, even where the participle is spelled like a plural past.
                    seg, cl, at, _ = cues[index]
                    cues[index] = (seg, cl, at, Tense.PAST)
                    cues.append((segment, clause, n, Tense.PAST))
                    continue
                tense = self._finite(facts, after_blocker, n > 1 and low != word)
                if tense is not None:
                    if facts.role == "perfect":
                        aux_at[clause] = (len(cues), low)
                    elif facts.role == "go" and tense is Tense.PRESENT:
                        go_at[clause] = len(cues)
                    cues.append((segment, clause, n, tense))
                elif clause in go_at and facts.infinitive and not after_blocker:
                    # "gaat ... beslissen": a present form of "gaan" with an infinitive is a future.
                    index = go_at.pop(clause)
                    seg, cl, at, _ = cues[index]
                    cues[index] = (seg, cl, at, Tense.FUTURE)
                elif facts.weak and not after_blocker:
                    weak_clauses.add(clause)
            if expression is not None:
                n += 1  # the expression counts as one word
                owns.setdefault(expression, (segment, clause, n))
        return _Reading(cues, frozenset(weak_clauses), owns)

    @staticmethod
    def _finite(info: WordInfo, after_blocker: bool, name: bool) -> Tense | None:
        if info.role == "future":
            return Tense.FUTURE
        if after_blocker or name:  # "de gemeente"; a capital inside a sentence is a name
            return None
        return info.tense
