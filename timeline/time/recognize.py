"""From text to resolved time expressions: recognize, then resolve in text order."""

from __future__ import annotations

from datetime import date, datetime

from ..dct import DctError, find_dateline, parse_dct
from ..lang import Language, load_language
from ..model import DctSource, Recognition, Span, TimeExpression, TimexType
from ..text.tense import TenseDetector
from .algebra import Interval
from .intent import Tense
from .recognizer import Mention, find_mentions
from .resolve import Anchor, Resolved, resolve, uses_reference

__all__ = ["range_interval", "ranges", "recognize", "recognize_document", "resolve_mentions"]


def recognize_document(text: str, dct: date | datetime | str | None = None, *,
                       language: str = "nl") -> Recognition:
    """Find, normalize and resolve every time expression of ``text``.

    Args:
        text: the document.
        dct: its creation time; when None, a dateline at the top of the text.
        language: the language code (only ``"nl"`` for now).

    Returns:
        The expressions in text order, and which DCT was used and where it came from.

    Raises:
        DctError: (a ValueError) when the DCT cannot be read, or is None and
            the text has no dateline.
        TypeError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    lang = load_language(language)
    source, span = DctSource.ARGUMENT, None
    if dct is None:
        found = find_dateline(text, lang)
        if found is None:
            raise DctError("no DCT given and no publication date found at the top of the text; "
                           "pass dct=... (e.g. dct='2017-02-02')")
        day, span = found
        source = DctSource.DATELINE
    else:
        day = parse_dct(dct)
    mentions = find_mentions(text, lang)
    if span is not None:
        mentions = tuple(m for m in mentions if not _inside(m.span, span))
    return Recognition(timexes=resolve_mentions(text, mentions, day, lang), dct=day,
                       dct_source=source, dct_span=span)


def recognize(text: str, dct: date | datetime | str | None = None, *,
              language: str = "nl") -> tuple[TimeExpression, ...]:
    """The time expressions of ``text``, resolved against ``dct``.

    >>> import timeline
    >>> text = "Hij zei donderdag dat het kabinet vrijdag beslist."
    >>> [(t.text, t.value) for t in timeline.recognize(text, dct="2017-02-01")]
    [('donderdag', '2017-01-26'), ('vrijdag', '2017-02-03')]
    """
    return recognize_document(text, dct, language=language).timexes


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def resolve_mentions(text: str, mentions: tuple[Mention, ...], dct: date, language: Language,
                     tense: Tense | None = None, reference: Interval | None = None) -> tuple[TimeExpression, ...]:
    """Resolve mentions in text order, carrying the reference time forward.

    ``tense`` overrides the detector (for tests and ``timeline explain``);
    ``reference`` is the reference time before the first mention.
    """
    detector = None if tense is not None else TenseDetector(
        language, text, spans=[(m.span.start, m.span.end) for m in mentions])
    out: list[TimeExpression] = []
    starts: dict[Span, Interval | None] = {}
    memo: dict[tuple[object, ...], Resolved] = {}
    for m in mentions:
        clause = detector.at(m.span.start, m.span.end) if detector else tense
        assert clause is not None
        on, way, ref = dct, clause, reference
        if m.range_start is not None and starts.get(m.range_start) is not None:
            ref = starts[m.range_start]
            assert ref is not None
            on, way = ref.start.date(), Tense.FUTURE  # an end lies after its start
        # Resolution is pure: the same meaning against the same anchor resolves alike.
        key = (m.intent, on, way, ref if uses_reference(m.intent) else None)
        resolved = memo.get(key)
        if resolved is None:
            resolved = memo[key] = resolve(m.intent, Anchor(on, way, ref))
        if m.range_end is not None:
            starts[m.span] = resolved.interval
        if resolved.interval is not None and resolved.type in (TimexType.DATE, TimexType.TIME):
            reference = resolved.interval
        out.append(TimeExpression(span=m.span, text=text[m.span.start:m.span.end], type=resolved.type,
                                  value=resolved.value, interval=resolved.interval, intent=m.intent,
                                  rule=m.rule, mod=m.mod, tense=clause, range_end=m.range_end))
    return tuple(out)


def ranges(timexes: tuple[TimeExpression, ...]) -> tuple[tuple[TimeExpression, TimeExpression, Interval | None], ...]:
    """The ranges among ``timexes``: each pair of ends, with the interval the range covers.

    >>> import timeline
    >>> found = timeline.recognize("De beurs is van 2 tot 5 maart open.", dct="2017-02-02")
    >>> [(a.value, b.value, str(span.start.date()), str(span.end.date())) for a, b, span in ranges(found)]
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


