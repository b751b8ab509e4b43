"""Resolving recognized expressions in text order: the reference time carried along.

Expressions are resolved one after another as the text has them: an anaphoric
one (``twee dagen later``) counts from the latest date or time mentioned before
it, and the second end of a range (``van 2 tot 5 maart``) from the first. The
tense of an expression's clause comes from the caller (the parse), and is asked
for only where it can steer the value: a bare weekday, month or holiday, whose
direction it picks (``zei donderdag`` looks back, ``beslist donderdag`` ahead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time

from ..model import Span, TimeExpression, TimexType
from ..time.algebra import Interval
from ..time.intent import Tense
from ..time.resolve import Anchor, Resolved, reads_tense, resolve, uses_reference
from .find import Mention

__all__ = ["Resolver", "range_interval", "ranges", "resolve_mentions"]


class Resolver:
    """Resolves the expressions of one text in text order, keeping the reference time.

    ``reference`` is the reference time before the first expression; ``dct_time`` the
    DCT's time of day, where it has one.
    """

    def __init__(self, text: str, dct: date, reference: Interval | None = None, dct_time: time | None = None) -> None:
        self.text, self.dct, self.reference, self.dct_time = text, dct, reference, dct_time
        self._starts: dict[Span, Interval | None] = {}  # first ends of ranges, by span
        self._memo: dict[tuple[object, ...], Resolved] = {}

    def resolve(self, mentions: Iterable[Mention], tense: Callable[[Mention], Tense]) -> list[TimeExpression]:
        """The expressions of ``mentions`` (the next ones of the text), resolved;
        ``tense`` gives the tense of each one's clause."""
        out: list[TimeExpression] = []
        for m in mentions:
            on, at, ref = self.dct, self.dct_time, self.reference
            first = self._starts.get(m.range_start) if m.range_start is not None else None
            clause = None
            if first is not None:
                ref, on, at, way = first, first.start.date(), None, Tense.FUTURE  # an end lies after its start
            elif reads_tense(m.intent):
                way = clause = tense(m)
            else:
                way = Tense.PRESENT  # not read
            # Resolution is pure: the same meaning against the same anchor resolves alike.
            key = (m.intent, on, at, way, ref if uses_reference(m.intent) else None)
            resolved = self._memo.get(key)
            if resolved is None:
                resolved = self._memo[key] = resolve(m.intent, Anchor(on, way, ref, at))
            if m.range_end is not None:
                self._starts[m.span] = resolved.interval
            if resolved.interval is not None and resolved.type in (TimexType.DATE, TimexType.TIME):
                self.reference = resolved.interval
            out.append(TimeExpression(span=m.span, text=self.text[m.span.start:m.span.end], type=resolved.type,
                                      value=resolved.value, interval=resolved.interval, intent=m.intent,
                                      rule=m.rule, mod=m.mod, tense=clause, range_end=m.range_end))
        return out


def resolve_mentions(text: str, mentions: Iterable[Mention], dct: date, tense: Tense,
                     reference: Interval | None = None, dct_time: time | None = None) -> tuple[TimeExpression, ...]:
    """Resolve mentions in text order, all in clauses of one ``tense`` (for ``timeline
    explain``); ``reference`` is the reference time before the first, ``dct_time`` the
    DCT's time of day (a ``datetime`` DCT gives its own)."""
    if isinstance(dct, datetime):
        dct_time = dct.time()
        dct = dct.date()
    return tuple(Resolver(text, dct, reference, dct_time).resolve(mentions, lambda m: tense))


def ranges(timexes: tuple[TimeExpression, ...]) -> tuple[tuple[TimeExpression, TimeExpression, Interval | None], ...]:
    """The ranges among ``timexes``: each pair of ends, with the interval the range covers.

    >>> import timeline
    >>> found = timeline.recognize("De beurs is van 2 tot 5 maart open.", dct="2017-02-02")
    >>> [(a.value, b.value, str(span.start.date()), str(span.end.date()))
    ...  for a, b, span in timeline.ranges(found)]
    [('2017-03-02', '2017-03-05', '2017-03-02', '2017-03-06')]
    """
    by_span = {t.span: t for t in timexes}
    return tuple((t, by_span[t.range_end], range_interval(t, by_span[t.range_end]))
                 for t in timexes if t.range_end is not None and t.range_end in by_span)


def range_interval(first: TimeExpression, second: TimeExpression) -> Interval | None:
    """The whole stretch a range covers, from the start of one end to the end of the other."""
    if first.interval is None or second.interval is None or second.interval.end <= first.interval.start:
        return None
    return Interval(first.interval.start, second.interval.end, min(first.interval.grain, second.interval.grain))


