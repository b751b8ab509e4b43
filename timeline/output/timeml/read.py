"""Reading TimeML: gold annotations for evaluation, and our own TimeML output back.

:func:`parse_timeml` (a string or bytes) and :func:`read_timeml` (a file) give
a :class:`TimeMLDocument`: the text inside ``TEXT`` with the character offsets
of its ``TIMEX3``, ``EVENT`` and ``SIGNAL`` tags, the event instances of
``MAKEINSTANCE`` and the ``TLINK`` links. Offsets count characters of that text,
as the spans of :func:`timeline.analyze` do, so writing a document with
:func:`~timeline.output.timeml.document_to_timeml` and reading it with
:func:`parse_timeml` gives back the same expressions, events and links, and
:meth:`TimeMLDocument.dct_relations` and :meth:`TimeMLDocument.event_links` the
same relations to the DCT and links between events.

TimeML has fourteen relation types; :attr:`TimeMLLink.relation` reads each as
one of the library's three (:data:`RELATIONS`): ``BEFORE`` and ``IBEFORE`` are
BEFORE, ``AFTER`` and ``IAFTER`` AFTER, and the ten that make two intervals share
time (``INCLUDES``, ``IS_INCLUDED``, ``DURING``, ``DURING_INV``, ``SIMULTANEOUS``,
``IDENTITY``, ``BEGINS``, ``ENDS``, ``BEGUN_BY``, ``ENDED_BY``) OVERLAP; TempEval's
``OVERLAP`` is OVERLAP too, and anything else VAGUE.

Files from elsewhere are untrusted: parsing goes through defusedxml, which
refuses any entity declaration (so the "billion laughs" expansion bomb and
external entities pointing at local files or URLs) instead of expanding it;
nothing is ever fetched. Everything that cannot
be read, whatever the reason, is a :class:`TimeMLError` naming the cause.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from typing import TypeVar

import attrs
from attrs import frozen

from ...model import EventClass, Relation, Span, TimexType

__all__ = ["RELATIONS", "TimeMLDocument", "TimeMLError", "TimeMLEvent", "TimeMLLink", "TimeMLSignal", "TimeMLTimex",
           "parse_timeml", "read_timeml"]

MAX_BYTES = 200 * 1024 * 1024  # a TimeML file larger than this is refused rather than read


_E = TypeVar("_E", EventClass, TimexType)

#: TimeML's relation types as the library's relations (see the module docstring).
RELATIONS = {"BEFORE": Relation.BEFORE, "IBEFORE": Relation.BEFORE, "AFTER": Relation.AFTER,
             "IAFTER": Relation.AFTER,
             **{rel: Relation.OVERLAP for rel in ("INCLUDES", "IS_INCLUDED", "DURING", "DURING_INV", "SIMULTANEOUS",
                                                  "IDENTITY", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "OVERLAP")}}


class TimeMLError(ValueError):
    """A TimeML document that cannot be read: not XML, unsafe XML, or not TimeML."""


@frozen
class TimeMLTimex:
    """A ``TIMEX3``; ``span`` is None for the DCT, which lies outside ``TEXT``."""

    tid: str
    span: Span | None
    text: str
    type: TimexType
    value: str
    mod: str | None = None


@frozen
class TimeMLEvent:
    """An event instance (``MAKEINSTANCE``) with its ``EVENT`` tag.

    ``span``, ``text`` and ``cls`` are None for an instance whose event has no
    tag in the text (our writer leaves out a tag that would overlap another);
    ``eiid`` is None for a tagged event that no ``MAKEINSTANCE`` instantiates.
    Tense, aspect and polarity keep TimeML's words (``PAST``, ``PERFECTIVE``, ``NEG``).
    """

    eid: str
    eiid: str | None
    span: Span | None
    text: str | None
    cls: EventClass | None
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    pos: str | None = None


@frozen
class TimeMLSignal:
    """A ``SIGNAL``: a word that says how two times or events lie (``nadat``, ``daarna``)."""

    sid: str
    span: Span
    text: str


@frozen
class TimeMLLink:
    """A ``TLINK``: ``source`` and ``target`` are event instance ids (``ei3``) or time ids (``t1``).

    ``syntax`` is what made the link where the file says (ours: the cue word, or
    ``report``), ``signal`` the ``sid`` of the ``SIGNAL`` tag on its cue word.
    """

    lid: str
    rel: str
    source: str
    target: str
    syntax: str | None = None
    signal: str | None = None

    @property
    def relation(self) -> Relation:
        """``rel`` as BEFORE, AFTER or OVERLAP (VAGUE for a type TimeML does not have)."""
        return RELATIONS.get(self.rel, Relation.VAGUE)


@frozen
class TimeMLDocument:
    """A TimeML document: its text, DCT, time expressions, event instances and temporal links."""

    doc_id: str | None
    dct: date | None
    text: str
    timexes: tuple[TimeMLTimex, ...]
    events: tuple[TimeMLEvent, ...]
    links: tuple[TimeMLLink, ...]
    dct_timex: TimeMLTimex | None = None
    signals: tuple[TimeMLSignal, ...] = ()

    def dct_relations(self) -> dict[str, Relation]:
        """How each event instance lies against the DCT, by ``eiid``, as its ``TLINK`` to the
        DCT's ``TIMEX3`` says (either way round; the first such link of an instance counts).
        An instance without one is left out: the file does not place it (VAGUE)."""
        out: dict[str, Relation] = {}
        dct = None if self.dct_timex is None else self.dct_timex.tid
        instances = {e.eiid for e in self.events if e.eiid is not None}
        for link in self.links:
            if link.target == dct and link.source in instances:
                out.setdefault(link.source, link.relation)
            elif link.source == dct and link.target in instances:
                out.setdefault(link.target, link.relation.inverse)
        return out

    def event_links(self) -> tuple[TimeMLLink, ...]:
        """The ``TLINK`` links between two event instances, in file order."""
        instances = {e.eiid for e in self.events if e.eiid is not None}
        return tuple(link for link in self.links if link.source in instances and link.target in instances)


def read_timeml(path: str | os.PathLike[str]) -> TimeMLDocument:
    """Read a TimeML file; a :class:`TimeMLError` (prefixed with the path) when it cannot be."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise TimeMLError(f"{os.fspath(path)}: cannot read: {err.strerror}") from None
    if len(data) > MAX_BYTES:
        raise TimeMLError(f"{os.fspath(path)}: larger than {MAX_BYTES // 2**20} MB")
    try:
        return parse_timeml(data)
    except TimeMLError as err:
        raise TimeMLError(f"{os.fspath(path)}: {err}") from None


def parse_timeml(data: str | bytes) -> TimeMLDocument:
    """Parse TimeML from a string or bytes (bytes honour the XML declaration's encoding).

    >>> doc = parse_timeml('<TimeML><TEXT>Zij zei <TIMEX3 tid="t1" type="DATE" value="2017-02-02">'
    ...                    'donderdag</TIMEX3> nee.</TEXT></TimeML>')
    >>> [(t.text, t.span.start, t.value) for t in doc.timexes]
    [('donderdag', 8, '2017-02-02')]
    """
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

    if not isinstance(data, (str, bytes)):
        raise TimeMLError(f"TimeML must be given as str or bytes, not {type(data).__name__}")
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise TimeMLError(f"refused unsafe XML ({type(err).__name__}: entity declarations and "
                          f"external references are not read)") from None
    except ET.ParseError as err:
        line, column = err.position
        raise TimeMLError(f"not well-formed XML at line {line}, column {column + 1}") from None
    except (ValueError, LookupError) as err:  # e.g. an unknown encoding in the declaration
        raise TimeMLError(f"cannot decode the XML: {err}") from None
    return _document(root)


def _document(root: ET.Element) -> TimeMLDocument:
    if _local(root.tag) != "TimeML":
        raise TimeMLError(f"the root element is <{_local(root.tag)}>, not <TimeML>")
    body = _child(root, "TEXT")
    if body is None:
        raise TimeMLError("no <TEXT> element")
    pieces: list[str] = []
    tagged: list[tuple[ET.Element, Span, str]] = []
    try:
        _walk(body, pieces, tagged, False)
    except RecursionError:
        raise TimeMLError("the elements in <TEXT> are nested too deeply") from None
    text = "".join(pieces)
    timexes = tuple(_timex(el, span, txt) for el, span, txt in tagged if _local(el.tag) == "TIMEX3")
    signals = tuple(TimeMLSignal(_need(el, "sid"), span, txt) for el, span, txt in tagged if _local(el.tag) == "SIGNAL")
    # What the EVENT tag says, by eid; MAKEINSTANCE adds the instance's grammar.
    tags: dict[str, TimeMLEvent] = {}
    for el, span, txt in tagged:
        if _local(el.tag) == "EVENT":
            eid = _need(el, "eid")
            tags[eid] = TimeMLEvent(eid, None, span, txt, _enum(EventClass, el.get("class"), "class", eid))
    instances: list[TimeMLEvent] = []
    for el in _children(root, "MAKEINSTANCE"):
        eid = _need(el, "eventID")
        tag = tags.get(eid) or TimeMLEvent(eid, None, None, None, None)
        instances.append(attrs.evolve(tag, eiid=_need(el, "eiid"), tense=el.get("tense"), aspect=el.get("aspect"),
                                      polarity=el.get("polarity"), pos=el.get("pos")))
    instantiated = {e.eid for e in instances}
    instances.extend(tag for eid, tag in tags.items() if eid not in instantiated)
    links = tuple(_link(el) for el in _children(root, "TLINK"))
    dct_timex = None
    dct_holder = _child(root, "DCT")
    if dct_holder is not None and (found := _child(dct_holder, "TIMEX3")) is not None:
        dct_timex = _timex(found, None, "".join(found.itertext()))
    doc_id = _child(root, "DOCID")
    return TimeMLDocument(doc_id=None if doc_id is None else "".join(doc_id.itertext()).strip(),
                          dct=_dct_date(dct_timex), text=text, timexes=timexes, events=tuple(instances),
                          links=links, dct_timex=dct_timex, signals=signals)


def _walk(el: ET.Element, pieces: list[str], tagged: list[tuple[ET.Element, Span, str]], inside: bool,
          at: int = 0) -> int:
    """Collect the text under ``el`` from offset ``at`` and the spans of its TIMEX3, EVENT
    and SIGNAL descendants (any depth); the offset after ``el``'s text."""
    start = at
    if el.text:
        pieces.append(el.text)
        at += len(el.text)
    for child in el:
        at = _walk(child, pieces, tagged, True, at)
        if child.tail:
            pieces.append(child.tail)
            at += len(child.tail)
    if inside and _local(el.tag) in ("TIMEX3", "EVENT", "SIGNAL"):
        tagged.append((el, Span(start, at), "".join(el.itertext())))
    return at


def _timex(el: ET.Element, span: Span | None, text: str) -> TimeMLTimex:
    tid = _need(el, "tid")
    kind = _enum(TimexType, el.get("type"), "type", tid)
    assert kind is not None
    return TimeMLTimex(tid, span, text, kind, el.get("value", ""), el.get("mod"))


def _link(el: ET.Element) -> TimeMLLink:
    lid = el.get("lid", "")
    source = el.get("eventInstanceID") or el.get("timeID")
    target = el.get("relatedToEventInstance") or el.get("relatedToTime")
    if not source or not target:
        raise TimeMLError(f"TLINK {lid!r} lacks its source or its target")
    return TimeMLLink(lid, _need(el, "relType"), source, target, el.get("syntax"), el.get("signalID"))


def _dct_date(t: TimeMLTimex | None) -> date | None:
    if t is None:
        return None
    try:
        return date.fromisoformat(t.value[:10])
    except ValueError:
        raise TimeMLError(f"the DCT value {t.value!r} is not a date") from None


def _enum(kind: type[_E], value: str | None, what: str, owner: str) -> _E | None:
    if value is None:
        if kind is TimexType:
            raise TimeMLError(f"{owner}: no {what}")
        return None
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(m.value for m in kind)
        raise TimeMLError(f"{owner}: unknown {what} {value!r} (TimeML has {known})") from None


def _need(el: ET.Element, name: str) -> str:
    value = el.get(name)
    if not value:
        raise TimeMLError(f"<{_local(el.tag)}> without the {name} attribute")
    return value


def _local(tag: object) -> str:
    """The tag without its namespace (``{uri}TEXT`` is ``TEXT``)."""
    return str(tag).rsplit("}", 1)[-1]


def _child(el: ET.Element, name: str) -> ET.Element | None:
    return next(_children(el, name), None)


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in el if _local(c.tag) == name)
