"""Links between events: where the text itself orders two events (guidelines section 5.2).

Four kinds of cue, each in the language's ``placement.toml``:

- a subordinator opens a clause whose event it orders against the clause it
  belongs to (``nadat``: the subordinate event BEFORE the main one, ``voordat``
  AFTER, ``toen``/``terwijl`` OVERLAP, ``sinds``, ``omdat`` BEFORE);
- a preposition before an event noun orders the noun's event against its
  clause's (``na de kranslegging``, ``tijdens een persconferentie``,
  ``vanwege de annexatie``; ``voor`` only after a length of time: ``een week
  voor zijn inauguratie``);
- an adverb orders its clause's event against the main event of the sentence
  before (``daarna``, ``vervolgens``, ``twee dagen later``; ``eerder``,
  ``daarvoor`` the other way); ``later`` at the start of an expression (``later
  dit jaar``) is a time of its own and no cue;
- a report places a past event it reports by its tense: ``zei dat hij had
  betaald`` (BEFORE), ``zei dat hij ziek was`` (OVERLAP).

Links are never drawn where only world knowledge orders two events.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from attrs import frozen

from ..model import Aspect, Event, EventClass, Relation, Span, TimeExpression
from ..time.intent import Tense
from .clauses import SentenceEvents
from .placement import PlacementWords

__all__ = ["Found", "LinkFinder"]

_WINDOW = 4  # how many words a preposition may stand before its event noun ("tijdens zijn laatste gesprek")


@frozen
class Found:
    """A link between two events, before the document numbers its events."""

    source: Event
    target: Event
    relation: Relation
    cue: str
    span: Span | None


class LinkFinder:
    """Finds the links of a text, sentence by sentence in text order (it remembers the main
    event of the sentence before, which ``daarna`` and ``eerder`` refer to)."""

    def __init__(self, words: PlacementWords) -> None:
        self.words = words
        self.timex_starts: list[int] = []
        self.timex_spans: list[tuple[int, int]] = []
        self.previous: Event | None = None

    def timexes(self, found: Iterable[TimeExpression]) -> None:
        """The time expressions of the block about to be read (``twee dagen later`` is a cue)."""
        self.timex_spans = sorted((t.start, t.end) for t in found)
        self.timex_starts = [a for a, _ in self.timex_spans]

    def sentence(self, sentence: SentenceEvents) -> list[Found]:
        """The links of one sentence (and to the sentence before)."""
        out: list[Found] = []
        if sentence.events:
            lower = [t.lower() for t in sentence.s.texts]
            out += self._clauses(sentence)
            out += self._prepositions(sentence, lower)
            out += self._adverbs(sentence, lower)
            main = sentence.main(0)
            if main is None:
                main = next((i for i, e in enumerate(sentence.events) if not e.nominal), None)
            if main is not None:
                self.previous = sentence.events[main]
        seen: set[frozenset[int]] = set()
        unique = []
        for link in out:
            pair = frozenset((id(link.source), id(link.target)))
            if link.source is not link.target and pair not in seen:
                seen.add(pair)
                unique.append(link)
        return unique

    def _clauses(self, sentence: SentenceEvents) -> list[Found]:
        out: list[Found] = []
        s, words = sentence.s, self.words
        for clause in sorted(sentence.first):
            opened = sentence.opener(clause)
            if opened is None:
                continue
            word, k = opened
            sub = sentence.main(clause)
            main = sentence.governing(sentence.parent(clause))
            if sub is None or main is None or sub == main:
                continue
            a, b = sentence.events[sub], sentence.events[main]
            span = Span(s.starts[k], s.ends[k])
            if word in words.subordinators:
                out.append(Found(a, b, words.subordinators[word], word, span))
            elif word in words.complementizers and b.cls is EventClass.REPORTING and not b.nominal:
                reported = _reported(a, b)
                if reported is not None:
                    out.append(Found(a, b, reported, "report", span))
        return out

    def _prepositions(self, sentence: SentenceEvents, lower: Sequence[str]) -> list[Found]:
        out: list[Found] = []
        s = sentence.s
        nouns = {sentence.token[i]: i for i, e in enumerate(sentence.events) if e.nominal}
        if not nouns:
            return out
        first = self.words.preposition_starts
        for k in [k for k, w in enumerate(lower) if w in first]:
            phrase, relation = self._preposition(lower, k, s.starts[k])
            if relation is None:
                continue
            end = k + len(phrase)
            for j in range(end, min(end + _WINDOW, len(lower))):
                if j in nouns:
                    main = sentence.governing(s.clauses[k])
                    if main is not None and s.clauses[j] == s.clauses[k]:
                        out.append(Found(sentence.events[nouns[j]], sentence.events[main], relation,
                                         " ".join(phrase), Span(s.starts[k], s.ends[end - 1])))
                    break
                if s.upos[j] in ("VERB", "AUX", "PUNCT", "SCONJ", "ADP"):
                    break
        return out

    def _preposition(self, lower: Sequence[str], k: int, start: int) -> tuple[tuple[str, ...], Relation | None]:
        """The preposition (phrase) at token ``k`` and how the noun after it lies against its clause."""
        words = self.words
        for size in (4, 3, 2, 1):
            phrase = tuple(lower[k:k + size])
            if len(phrase) == size and phrase in words.prepositions:
                return phrase, words.prepositions[phrase]
        word = lower[k]
        if word in words.measured and k > 0 and (lower[k - 1] in words.measure_words or self._ends_timex(start)):
            return (word,), words.measured[word]
        return (), None

    def _ends_timex(self, start: int) -> bool:
        """Whether a time expression ends right before the word at ``start``."""
        k = bisect.bisect_left(self.timex_starts, start) - 1
        return k >= 0 and 0 <= start - self.timex_spans[k][1] <= 1

    def _in_timex(self, start: int, end: int) -> tuple[bool, bool]:
        """Whether the word at ``start..end`` is in a time expression, and whether it ends one
        that has words before it ("twee dagen later")."""
        k = bisect.bisect_right(self.timex_starts, start) - 1
        if k < 0 or self.timex_spans[k][1] < end:
            return False, False
        a, b = self.timex_spans[k]
        return True, b == end and a < start

    def _adverbs(self, sentence: SentenceEvents, lower: Sequence[str]) -> list[Found]:
        out: list[Found] = []
        s, words = sentence.s, self.words
        for k in [k for k, w in enumerate(lower) if w in words.adverbs]:
            word = lower[k]
            # "toen" is an adverb or a subordinator: one that opens no clause of its own
            # ("werden toen vooruitgezet") is the adverb, whatever its tag.
            if s.upos[k] != "ADV" and not (s.upos[k] == "SCONJ" and sentence.opener(s.clauses[k]) != (word, k)):
                continue
            inside, ends = self._in_timex(s.starts[k], s.ends[k])
            if inside and not ends:
                continue
            if k + 1 < len(s.texts) and s.texts[k + 1].lower() == "dan":  # "eerder dan verwacht": a comparison
                continue
            lo, hi = sentence.segment(k)
            this = sentence.main(s.clauses[k], lo, hi)
            if this is None:
                this = sentence.governing(s.clauses[k])
            # The event before: that of the main clause before a semicolon, else the sentence before's.
            before = sentence.main(0, 0, lo - 1) if lo else None
            earlier = sentence.events[before] if before is not None else self.previous
            if this is not None and earlier is not None:
                out.append(Found(earlier, sentence.events[this], words.adverbs[word], word,
                                 Span(s.starts[k], s.ends[k])))
        return out


def _reported(event: Event, report: Event) -> Relation | None:
    """How a reported event lies against its report, by its tense: a perfect, or a past under
    a present report, lies before it; a past under a past report overlaps it."""
    if event.aspect is Aspect.PERFECTIVE:
        return Relation.BEFORE
    if event.tense is Tense.PAST:
        return Relation.OVERLAP if report.tense is Tense.PAST else Relation.BEFORE
    return None
