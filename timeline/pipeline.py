"""The main job: a text and its DCT in, a :class:`~timeline.model.Document` out.

Time expressions are recognized and resolved first; then the parser cuts the
text into sentences and clauses, the events are found and linked to the time
of their clause, and the anchored ones are put in order. Users may date events
the text does not date (``anchors={"inauguratie": "2017-01-20"}``): then
``een week voor zijn inauguratie`` is a date, and ``na de verkiezingen`` a
stretch after them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from fractions import Fraction

import attrs
from attrs import frozen

from .dct import parse_dct
from .events.detect import EventLexicon, anchor_value, find_events
from .events.order import rank
from .lang import load_language
from .model import Document, Event, Mod, Span, TimeExpression, TimexType
from .text.parse import Parser, Sentence, Token
from .time import timex as timex_values
from .time.algebra import Grain, Interval, add, containing
from .time.intent import Direction, EventRelative, Length
from .time.recognize import recognize_document

__all__ = ["PARSERS", "analyze", "anchor_value", "get_parser"]

PARSERS = ("builtin", "stanza", "frog")

_START, _END = datetime(1, 1, 1), datetime(9999, 12, 31)  # the open ends of "before" and "after"
_WAY = {-1: Direction.BACK, 1: Direction.FORWARD}


def analyze(text: str, dct: date | datetime | str | None = None, *,
            anchors: Mapping[str, date | datetime | str] | None = None,
            parser: Parser | str = "builtin", language: str = "nl") -> Document:
    """Analyze ``text``: its time expressions and its events, in timeline order.

    Args:
        text: the document.
        dct: its creation time (a date, or a string dateparser reads); when None,
            the dateline at the top of the text.
        anchors: dates of events the text does not date, by the word that names
            them (``{"inauguratie": "2017-01-20"}``); values are dates or TIMEX3
            values (``"2017-01"``).
        parser: ``"builtin"`` (needs no model), ``"stanza"`` (a stanza Dutch model: see
            :class:`~timeline.text.stanza.StanzaParser`), ``"frog"`` (Debian's Frog), or
            any :class:`~timeline.text.parse.Parser`.
        language: the language code (only ``"nl"``).

    Raises:
        DctError: (a ValueError) for a DCT that cannot be read, or none at all.
        ValueError: for an anchor date that cannot be read, or an unknown parser.

    >>> import timeline
    >>> doc = timeline.analyze("Spicer zei donderdag dat het kabinet vrijdag beslist.", dct="2017-02-02")
    >>> [(e.text, e.cls.value, e.anchor) for e in doc.events]
    [('zei', 'REPORTING', '2017-02-02'), ('beslist', 'I_ACTION', '2017-02-03')]
    """
    recognition = recognize_document(text, dct, language=language)
    lang = load_language(language)
    dated = _read_anchors(anchors or {})
    timexes = recognition.timexes
    chosen = get_parser(parser, language)
    # A parser that can hand out sentences one at a time (the built-in one) keeps a long
    # text from ever being held parsed whole.
    streaming = getattr(chosen, "iter_parse", None)
    sentences: Iterable[Sentence] = streaming(text) if callable(streaming) else chosen.parse(text)
    if dated:
        sentences = tuple(sentences)
        timexes = _event_relative(text, timexes, sentences, dated, EventLexicon.of(language))
    events = find_events(sentences, timexes, text, lang)
    if recognition.dct_span is not None:  # "Gepubliceerd op 3 februari 2017" dates the text; it is no event of it
        line = recognition.dct_span
        events = [e for e in events if not (e.span.start < line.end and line.start < e.span.end)]
    if dated:
        events = [_dated(e, dated) for e in events]
    placed = [k for k, e in enumerate(events) if e.interval is not None]
    ranks_of = dict(zip(placed, rank([events[k].interval for k in placed]), strict=True))  # type: ignore[misc]
    order = sorted(placed, key=lambda k: (ranks_of[k], events[k].interval.start, k))  # type: ignore[union-attr]
    rest = [k for k, e in enumerate(events) if e.interval is None]
    return Document(text=text, dct=recognition.dct, dct_source=recognition.dct_source, timexes=timexes,
                    events=tuple(events[k] for k in order + rest),
                    ranks=tuple([ranks_of[k] for k in order] + [None] * len(rest)))


def get_parser(parser: Parser | str, language: str = "nl") -> Parser:
    """The parser a name stands for (``builtin``, ``stanza``, ``frog``), or ``parser`` itself."""
    if not isinstance(parser, str):
        if not isinstance(parser, Parser):
            raise TypeError(f"parser must be a name or have parse(text), not {type(parser).__name__}")
        return parser
    if parser == "builtin":
        from .text.builtin import BuiltinParser

        return BuiltinParser(language)
    if parser == "stanza":  # the model folder: TIMELINE_STANZA_MODEL_DIR, else stanza's own resources
        from .text.stanza import StanzaParser

        return StanzaParser()
    if parser == "frog":
        from .text.frog import FrogParser

        return FrogParser()
    raise ValueError(f"unknown parser {parser!r}; available: {', '.join(PARSERS)}")


@frozen
class _UserDate:
    """A date the user gave an event: its TIMEX3 value, and its interval where the calendar
    has one (not for 9999-12-31, whose day would end in year 10000)."""

    value: str
    interval: Interval | None


def _dated(event: Event, dated: Mapping[str, _UserDate]) -> Event:
    """An event the text does not date, dated by the user (``anchors=``) where its word is named."""
    if event.timex is None and event.nominal and event.lemma in dated:
        when = dated[event.lemma]
        return attrs.evolve(event, interval=when.interval, anchor=when.value)
    return event


def _read_anchors(anchors: Mapping[str, date | datetime | str]) -> dict[str, _UserDate]:
    if not isinstance(anchors, Mapping):
        raise TypeError(f"anchors must be a mapping from event words to dates, e.g. "
                        f"{{'inauguratie': '2017-01-20'}}, not {type(anchors).__name__}")
    out: dict[str, _UserDate] = {}
    for name, when in anchors.items():
        key = name.strip().lower() if isinstance(name, str) else ""
        if not key:
            raise ValueError(f"an anchor needs the word that names the event, not {name!r}")
        if isinstance(when, str) and timex_values.is_value(when.strip()):
            value = when.strip()
            out[key] = _UserDate(value, _placed(value))
            continue
        try:
            day = parse_dct(when)
        except ValueError as err:
            raise ValueError(f"cannot read the date of anchor {name!r}: {when!r}") from err
        out[key] = _UserDate(day.isoformat(), _placed(day.isoformat()))
    return out


def _placed(value: str) -> Interval | None:
    """The interval of a TIMEX3 value, or None where the calendar has no room for it."""
    try:
        return timex_values.parse(value)
    except ValueError:
        return None


def _event_relative(text: str, timexes: tuple[TimeExpression, ...], sentences: tuple[Sentence, ...],
                    dated: Mapping[str, _UserDate], lex: EventLexicon) -> tuple[TimeExpression, ...]:
    """Time expressions relative to a user-dated event: ``een week voor zijn inauguratie``
    (a duration, a preposition, the event) becomes a date; ``na de verkiezingen`` a stretch.
    Where the arithmetic would leave the calendar, the value is unknown (``XXXX``)."""
    tokens = [t for s in sentences for t in s.tokens]
    by_start = {t.start: k for k, t in enumerate(tokens)}
    out: list[TimeExpression] = []
    taken: set[int] = set()  # token indexes now inside an expression
    for t in timexes:
        k = by_start.get(t.start)
        end = k
        while end is not None and end < len(tokens) and tokens[end].end <= t.end:
            end += 1
        found = _relative_to_event(tokens, end, dated, lex) if end is not None else None
        if found is None or t.type is not TimexType.DURATION or not isinstance(t.intent, Length):
            out.append(t)
            continue
        sign, last, event = found
        assert end is not None
        amount = t.intent.amount
        if amount is None or Fraction(amount).denominator != 1:
            out.append(t)
            continue
        interval = _offset(event.interval, sign * int(amount), t.intent.unit)
        span = Span(t.start, tokens[last].end)
        out.append(TimeExpression(span=span, text=text[span.start:span.end], type=TimexType.DATE,
                                  value="XXXX" if interval is None else timex_values.render(interval),
                                  interval=interval, rule="anchor.event_offset", tense=t.tense,
                                  intent=EventRelative(tokens[last].text.lower(), _WAY[sign], t.intent)))
        taken.update(range(end, last + 1))
    # "na de verkiezingen": a preposition and a dated event with no duration before it.
    for k, tok in enumerate(tokens):
        word = tok.text.lower()
        if k in taken or (word not in lex.before and word not in lex.after):
            continue
        if any(t.start <= tok.start < t.end for t in out):
            continue
        found = _relative_to_event(tokens, k, dated, lex)
        if found is None:
            continue
        sign, last, event = found
        after = sign > 0
        side = _side(event.interval, after)
        span = Span(tok.start, tokens[last].end)
        out.append(TimeExpression(span=span, text=text[span.start:span.end], type=TimexType.DATE,
                                  value=event.value, interval=side,
                                  intent=EventRelative(tokens[last].text.lower(), _WAY[sign]),
                                  rule="anchor.event_side", mod=Mod.AFTER if after else Mod.BEFORE))
    return tuple(sorted(out, key=lambda t: t.start))


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


def _relative_to_event(tokens: list[Token], k: int, dated: Mapping[str, _UserDate],
                       lex: EventLexicon) -> tuple[int, int, _UserDate] | None:
    """At token ``k``: a preposition (``voor``/``na``), up to two determiners or
    possessives, and a dated event's word: (direction, index of that word, its date)."""
    if k >= len(tokens):
        return None
    word = tokens[k].text.lower()
    sign = -1 if word in lex.before else 1 if word in lex.after else 0
    if not sign:
        return None
    for j in range(k + 1, min(k + 4, len(tokens))):
        name = tokens[j].text.lower()
        if name in dated:
            return sign, j, dated[name]
        if tokens[j].upos not in ("DET", "PRON"):
            return None
    return None
