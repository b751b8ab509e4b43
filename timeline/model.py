"""The library's values: spans, time expressions, events and the documents they make up."""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta

from attrs import field, frozen

from .time.algebra import Grain, Interval
from .time.closure import Closure, Relation
from .time.intent import Intent, Tense
from .time.timex import Mod, TimexType  # TIMEX3's own words; here for users of the values

__all__ = ["Aspect", "DctSource", "Document", "Event", "EventClass", "Link", "Mod", "Polarity", "Recognition",
           "Relation", "Span", "TimeExpression", "TimexType"]


def _check_span(instance: Span, attribute: object, end: int) -> None:
    if not 0 <= instance.start <= end:
        raise ValueError(f"bad span {instance.start}..{end}")


@frozen
class Span:
    """Character offsets ``[start, end)`` into the original text."""

    start: int
    end: int = field(validator=_check_span)

    def __len__(self) -> int:
        return self.end - self.start


class _Spanned:
    """``start`` and ``end`` of whatever has a ``span`` (a slot-free base for attrs classes)."""

    __slots__ = ()
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@frozen(kw_only=True)
class TimeExpression(_Spanned):
    """One time expression found in a text, normalized and anchored.

    ``interval`` is the stretch of time the expression names once resolved,
    or ``None`` where the guidelines give none (a bare duration, a set,
    ``PRESENT_REF``, or what could not be resolved). ``tense`` is the tense of
    its clause where that picked the direction of the value (a bare weekday,
    month or holiday: ``zei donderdag`` looks back, ``beslist donderdag``
    ahead), and ``None`` where the value does not depend on it. ``range_end``
    is set on the first end of a range (``van [2] tot [5 maart]``) and gives
    the span of the other end.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    interval: Interval | None
    intent: Intent
    rule: str
    mod: Mod | None = None
    tense: Tense | None = None
    range_end: Span | None = None


class DctSource(enum.Enum):
    """Where the document creation time came from."""

    ARGUMENT = "argument"
    DATELINE = "dateline"


@frozen(kw_only=True)
class Recognition:
    """What :func:`timeline.recognize_document` found: the expressions and the DCT used."""

    timexes: tuple[TimeExpression, ...]
    dct: date
    dct_source: DctSource
    dct_span: Span | None = None  # the dateline the DCT was read from
    dct_time: time | None = None  # the DCT's time of day, where it has one (2013-02-12T04:30)


class EventClass(enum.Enum):
    """TimeML event classes."""

    REPORTING = "REPORTING"
    PERCEPTION = "PERCEPTION"
    ASPECTUAL = "ASPECTUAL"
    I_ACTION = "I_ACTION"
    I_STATE = "I_STATE"
    STATE = "STATE"
    OCCURRENCE = "OCCURRENCE"


class Aspect(enum.Enum):
    """TimeML aspect: the perfect is ``heeft gezegd``, ``had gezegd``."""

    NONE = "NONE"
    PERFECTIVE = "PERFECTIVE"
    PROGRESSIVE = "PROGRESSIVE"


class Polarity(enum.Enum):
    """TimeML polarity: ``NEG`` for an event the text denies (``zei niet``, ``geen besluit``)."""

    POS = "POS"
    NEG = "NEG"


@frozen(kw_only=True)
class Event(_Spanned):
    """An event of the text, with the time it is anchored on (or none).

    ``span`` covers the trigger word (``legde``); ``lemma`` is the whole verb
    (``opleggen``). ``timex`` is the time expression the event is linked to,
    and ``interval`` the stretch of time that puts it on the timeline: the
    expression's interval, or the stretch a duration such as ``de afgelopen
    week`` covers. Events the text does not date have neither.
    ``dct_relation`` places every event, dated or not, against the DCT: it
    happened BEFORE it, is still to come (AFTER), holds at it (OVERLAP), or the
    text leaves that open (VAGUE: a conditional, a hypothetical).
    """

    span: Span
    text: str
    lemma: str
    cls: EventClass
    tense: Tense | None
    aspect: Aspect = Aspect.NONE
    polarity: Polarity = Polarity.POS
    sentence: int
    nominal: bool = False
    timex: TimeExpression | None = None
    interval: Interval | None = None
    anchor: str | None = None  # the TIMEX3 value (or ISO interval "a/b") of the anchor
    dct_relation: Relation = Relation.VAGUE


def _check_link(instance: Link, attribute: object, relation: Relation) -> None:
    if relation is Relation.VAGUE:
        raise ValueError("a link is BEFORE, AFTER or OVERLAP; VAGUE is no link")
    if instance.source == instance.target or min(instance.source, instance.target) < 0:
        raise ValueError(f"a link joins two different events, not {instance.source} and {instance.target}")


@frozen(kw_only=True)
class Link:
    """Two events the text itself orders: ``events[source]`` lies ``relation`` ``events[target]``
    (BEFORE, AFTER or OVERLAP), because of ``cue``: the word that says so (``"nadat"``,
    ``"daarna"``, ``"vanwege"``), or ``"report"`` for an event a report places by its
    tense (``zei dat hij had betaald``). ``span`` is where the cue word stands, when
    it is one."""

    source: int
    target: int
    relation: Relation = field(validator=_check_link)
    cue: str
    span: Span | None = None


@frozen(kw_only=True)
class Document:
    """A text analyzed: its DCT, time expressions, and events in timeline order.

    ``events`` lists the anchored events first, in timeline order, then the
    unanchored ones in text order; ``ranks`` gives each anchored event its
    place on the timeline (events that overlap share a rank) and is ``None``
    for unanchored ones. ``links`` are the orderings of two events that the
    text itself gives (indexes into ``events``). ``sentences`` are the bounds
    of the sentences the parse found, in text order (``Event.sentence`` counts
    them), so that an output showing an event in its sentence need not cut the
    text again.

    Anchors, relations to the DCT and links together make one strict partial
    order of all events (:mod:`timeline.time.closure`): :meth:`relation` asks it
    about two events, and :meth:`timeline` lists every event in an order that
    respects it.
    """

    text: str
    dct: date
    dct_source: DctSource
    timexes: tuple[TimeExpression, ...]
    events: tuple[Event, ...]
    ranks: tuple[int | None, ...]
    sentences: tuple[Span, ...] = ()
    links: tuple[Link, ...] = ()
    dct_time: time | None = None  # the DCT's time of day, where it has one (2013-02-12T04:30)
    _closure: Closure | None = field(default=None, init=False, eq=False, repr=False)

    def _order(self) -> Closure:
        if self._closure is None:
            dct = dct_moment(self.dct, self.dct_time)
            object.__setattr__(self, "_closure", closure_of(self.events, self.links, dct))
        assert self._closure is not None
        return self._closure

    def _index(self, event: Event | int) -> int:
        if isinstance(event, int):
            if not 0 <= event < len(self.events):
                raise IndexError(f"no event {event}: the document has {len(self.events)}")
            return event
        for k, e in enumerate(self.events):
            if e is event:
                return k
        for k, e in enumerate(self.events):
            if e == event:
                return k
        raise ValueError(f"{event.text!r} at {event.start} is no event of this document")

    def relation(self, a: Event | int, b: Event | int) -> Relation:
        """How event ``a`` lies against event ``b`` (events or indexes into ``events``), as
        anchors, relations to the DCT and links together imply: BEFORE, AFTER,
        OVERLAP, or VAGUE where nothing the text says fixes it."""
        return self._order().relation(self._index(a), self._index(b))

    def timeline(self) -> tuple[tuple[Event, ...], ...]:
        """Every event, in groups, in an order that respects :meth:`relation`: an event
        BEFORE another is in an earlier group, and the events of one group are never
        ordered against each other (the text leaves their order open). Within a
        group, dated events come first by their time, then the rest in text order."""
        events = self.events
        out = []
        for group in self._order().groups():
            group.sort(key=lambda k: (events[k].interval is None, _start(events[k]), events[k].start))
            out.append(tuple(events[k] for k in group))
        return tuple(out)

    @property
    def anchored(self) -> tuple[Event, ...]:
        return tuple(e for e, r in zip(self.events, self.ranks, strict=True) if r is not None)

    @property
    def unanchored(self) -> tuple[Event, ...]:
        return tuple(e for e, r in zip(self.events, self.ranks, strict=True) if r is None)


def _start(event: Event) -> tuple[int, ...]:
    iv = event.interval
    return () if iv is None else (iv.start.toordinal(), iv.start.hour, iv.start.minute, iv.end.toordinal())


def dct_interval(dct: date) -> Interval:
    """The DCT as the order sees it: its day (a date-only DCT), or the minute of its clock time."""
    if isinstance(dct, datetime):
        start, step, grain = dct.replace(second=0, microsecond=0, tzinfo=None), timedelta(minutes=1), Grain.MINUTE
    else:
        start, step, grain = datetime(dct.year, dct.month, dct.day), timedelta(days=1), Grain.DAY
    end = start + step if start <= datetime.max - step else datetime.max  # the calendar's last day ends there
    return Interval(start, end, grain)


def dct_moment(dct: date, dct_time: time | None = None) -> date:
    """The DCT as :func:`dct_interval` takes it: its day, or the datetime of its clock time."""
    return dct if dct_time is None else datetime.combine(dct, dct_time)


def dct_text(dct: date, dct_time: time | None = None) -> str:
    """The DCT as ISO 8601: its day, and its clock time where it has one (``2013-02-12T04:30``)."""
    if dct_time is None:
        return dct.isoformat()
    return f"{dct.isoformat()}T{dct_time.isoformat(timespec='seconds' if dct_time.second else 'minutes')}"


def closure_of(events: tuple[Event, ...], links: tuple[Link, ...], dct: date) -> Closure:
    """The partial order of ``events`` (see :class:`~timeline.time.closure.Closure`)."""
    return Closure([e.interval for e in events], [e.dct_relation for e in events], dct_interval(dct),
                   [(link.source, link.target, link.relation) for link in links])
