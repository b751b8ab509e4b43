"""Anchors: the time an event is dated by, and dates a user gives events the text leaves undated.

An event is linked to the time expression of its own clause: the one its verb
governs where the parser built a tree, else the nearest one in the clause.
Users may date events the text does not date (``anchors={"inauguratie":
"2017-01-20"}``): then ``een week voor zijn inauguratie`` is a date, ``na de
verkiezingen`` a stretch after them, and ``tijdens zijn inauguratie`` its day; the
events of the clause that expression stands in are dated by it as by any time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from fractions import Fraction

import attrs
from attrs import frozen

from ..advice import ArgumentError, Fix
from ..dct import parse_dct
from ..model import Event, Mod, Span, TimeExpression, TimexType
from ..parse.protocol import Sentence
from ..time import timex as timex_values
from ..time.algebra import Grain, Interval, add, containing
from ..time.intent import Direction, EventRelative, Length
from .lexicon import EventLexicon

__all__ = ["UserDate", "anchor_of", "anchor_value", "date_events", "read_anchors", "relative_to_events"]

_START, _END = datetime(1, 1, 1), datetime(9999, 12, 31)  # the open ends of "before" and "after"
_WAY = {-1: Direction.BACK, 1: Direction.FORWARD}
_BEFORE_NOUN = frozenset({"DET", "PRON", "ADJ", "NUM", "PROPN"})  # what may stand between a preposition and its noun


def anchor_value(t: TimeExpression) -> tuple[str | None, Interval | None]:
    """What an event linked to ``t`` is anchored on: the TIMEX3 value and interval of a
    date or time; the stretch a duration such as ``de afgelopen week`` covers, written
    as an ISO interval ``a/b``; nothing for a bare duration or a set."""
    if t.type is TimexType.SET:
        return None, None
    if t.type is TimexType.DURATION:
        if t.interval is None:
            return None, None
        return timex_values.render_iso_interval(t.interval), t.interval
    return t.value, t.interval


def anchor_of(k: int, sentence: Sentence, usable: Mapping[int, TimeExpression],
              tree: bool) -> TimeExpression | None:
    """The time expression token ``k``'s event is linked to (of ``usable``: token index -> a
    time that is no set): the one its verb governs in a tree, else the nearest one in its
    own clause; of two nested ones, the finer ("maandag om 7.15 uur")."""
    mine: list[tuple[int, int, TimeExpression]] = []
    if tree:
        mine = sorted((abs(j - k), j, t) for j, t in usable.items() if _governs(k, j, sentence))
    if not mine:
        clauses = sentence.clauses
        mine = sorted((abs(j - k), j, t) for j, t in usable.items() if clauses[j] == clauses[k])
    if not mine:
        return None
    best = mine[0][2]
    for _, _, t in mine[1:]:
        if t.interval is not None and best.interval is not None and t.interval != best.interval \
                and best.interval.contains(t.interval):
            best = t
    return best


def _governs(k: int, j: int, sentence: Sentence) -> bool:
    """Whether token ``j``'s head chain reaches token ``k`` without passing another verb."""
    heads, upos = sentence.heads, sentence.upos
    node = j
    for _ in range(len(heads)):
        head = heads[node]
        if head is None:
            return False
        if head == k:
            return True
        node = head
        if upos[node] == "VERB":
            return False
    return False


# --- dates the user gives ------------------------------------------------------------------------


@frozen
class UserDate:
    """A date the user gave an event: its TIMEX3 value, and its interval where the calendar
    has one (not for 9999-12-31, whose day would end in year 10000)."""

    value: str
    interval: Interval | None


def read_anchors(anchors: Mapping[str, date | datetime | str]) -> dict[str, UserDate]:
    """The user's dates by the lowercase word that names each event.

    Raises:
        TypeError: when ``anchors`` is no mapping.
        ValueError: for an empty word or a date that cannot be read.
    """
    if not isinstance(anchors, Mapping):
        raise TypeError(f"anchors must be a mapping from event words to dates, e.g. "
                        f"{{'inauguratie': '2017-01-20'}}, not {type(anchors).__name__}")
    out: dict[str, UserDate] = {}
    for name, when in anchors.items():
        key = name.strip().lower() if isinstance(name, str) else ""
        if not key:
            raise ValueError(f"an anchor needs the word that names the event, not {name!r}")
        if isinstance(when, str) and timex_values.is_value(when.strip()):
            value = when.strip()
            out[key] = UserDate(value, _placed(value))
            continue
        try:
            day = parse_dct(when)
        except ValueError as err:
            raise ArgumentError(f"cannot read the date of anchor {name!r}: {when!r}",
                                Fix("anchors", ({name: "2017-01-20"},), " (expected e.g. {examples})")) from err
        out[key] = UserDate(day.isoformat(), _placed(day.isoformat()))
    return out


def _placed(value: str) -> Interval | None:
    """The interval of a TIMEX3 value, or None where the calendar has no room for it."""
    try:
        return timex_values.parse(value)
    except ValueError:
        return None


def date_events(events: Sequence[Event], dated: Mapping[str, UserDate]) -> list[Event]:
    """Events the text does not date, dated by the user where their word is named."""
    out = []
    for event in events:
        when = dated.get(event.lemma) if event.timex is None and event.nominal else None
        out.append(event if when is None else attrs.evolve(event, interval=when.interval, anchor=when.value))
    return out


def relative_to_events(text: str, timexes: Sequence[TimeExpression], sentences: Sequence[Sentence],
                       dated: Mapping[str, UserDate], lex: EventLexicon) -> list[TimeExpression]:
    """Time expressions relative to a user-dated event: ``een week voor zijn inauguratie``
    (a duration, a preposition, the event) becomes a date; ``na de verkiezingen`` a stretch.
    Where the arithmetic would leave the calendar, the value is unknown (``XXXX``)."""
    words = _Words(sentences)
    out: list[TimeExpression] = []
    taken: set[int] = set()  # word indexes now inside an expression
    for t in timexes:
        end = words.after(t)
        found = _relative_to_event(words, end, dated, lex) if end is not None else None
        if (found is None or not found[0] or t.type is not TimexType.DURATION or not isinstance(t.intent, Length)
                or t.intent.amount is None or Fraction(t.intent.amount).denominator != 1):
            out.append(t)
            continue
        assert end is not None
        sign, last, event = found
        interval = _offset(event.interval, sign * int(t.intent.amount), t.intent.unit)
        span = Span(t.start, words.ends[last])
        out.append(TimeExpression(span=span, text=text[span.start:span.end], type=TimexType.DATE,
                                  value=timex_values.render_unknown(Grain.YEAR) if interval is None
                                  else timex_values.render(interval),
                                  interval=interval, rule="anchor.event_offset", tense=t.tense,
                                  intent=EventRelative(words.lows[last], _WAY[sign], t.intent)))
        taken.update(range(end, last + 1))
    out.extend(_sides(text, out, words, taken, dated, lex))
    return sorted(out, key=lambda t: t.start)


def _sides(text: str, found: Sequence[TimeExpression], words: _Words, taken: set[int],
           dated: Mapping[str, UserDate], lex: EventLexicon) -> list[TimeExpression]:
    """``na de verkiezingen``, ``tijdens zijn inauguratie``: a preposition and a dated event
    with no duration before it."""
    out: list[TimeExpression] = []
    for k, word in enumerate(words.lows):
        if k in taken or word not in lex.prepositions:
            continue
        if any(t.start <= words.starts[k] < t.end for t in (*found, *out)):
            continue
        hit = _relative_to_event(words, k, dated, lex)
        if hit is None:
            continue
        sign, last, event = hit
        span = Span(words.starts[k], words.ends[last])
        if not sign:  # at the event: its own date
            out.append(TimeExpression(span=span, text=text[span.start:span.end], type=TimexType.DATE,
                                      value=event.value, interval=event.interval, rule="anchor.event_during",
                                      intent=EventRelative(words.lows[last], None)))
            continue
        after = sign > 0
        out.append(TimeExpression(span=span, text=text[span.start:span.end], type=TimexType.DATE,
                                  value=event.value, interval=_side(event.interval, after),
                                  intent=EventRelative(words.lows[last], _WAY[sign]),
                                  rule="anchor.event_side", mod=Mod.AFTER if after else Mod.BEFORE))
    return out


class _Words:
    """The words of some sentences, one list per field, indexed across the sentences."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.lows = [w.lower() for s in sentences for w in s.texts]
        self.starts = [x for s in sentences for x in s.starts]
        self.ends = [x for s in sentences for x in s.ends]
        self.upos = [x for s in sentences for x in s.upos]
        self._by_start = {x: k for k, x in enumerate(self.starts)}

    def after(self, t: TimeExpression) -> int | None:
        """The index of the first word after expression ``t`` (None: it starts at no word)."""
        k = self._by_start.get(t.start)
        while k is not None and k < len(self.starts) and self.ends[k] <= t.end:
            k += 1
        return k


def _offset(event: Interval | None, n: int, unit: Grain) -> Interval | None:
    """``n`` units from a user-dated event, at the grain the event is dated at; None where
    the event has no interval or the result would leave the calendar."""
    try:
        return None if event is None else containing(add(event.start, n, unit), event.grain)
    except ValueError:
        return None


def _side(event: Interval | None, after: bool) -> Interval | None:
    """All time after (or before) a user-dated event; None where there is none to give."""
    try:
        if event is None:
            return None
        return Interval(event.end, _END, Grain.DAY) if after else Interval(_START, event.start, Grain.DAY)
    except ValueError:
        return None


def _relative_to_event(words: _Words, k: int, dated: Mapping[str, UserDate],
                       lex: EventLexicon) -> tuple[int, int, UserDate] | None:
    """At word ``k``: a preposition of the language (``voor``, ``na``, ``tijdens``, ``in de
    aanloop naar``), up to three words that may stand before a noun (determiners,
    possessives, adjectives, numbers, names: ``zijn eerste``, ``de Amerikaanse``), and a
    dated event's word: (-1 before, 1 after or 0 at the event; the index of that word;
    its date)."""
    if k >= len(words.lows):
        return None
    for phrase, sign in lex.prepositions.get(words.lows[k], ()):
        start = k + len(phrase)
        if tuple(words.lows[k:start]) != phrase:
            continue
        for j in range(start, min(start + 4, len(words.lows))):
            name = words.lows[j]
            if name in dated:
                return sign, j, dated[name]
            if words.upos[j] not in _BEFORE_NOUN:
                break
    return None
