"""What the spaCy component puts on a ``Doc``: extensions, span groups, entities.

A ``Doc`` keeps only plain data of the analysis: the complete ``timeline/1``
record (:func:`~timeline.output.records.document_to_dict` with ``complete=True``)
in ``doc._.timeline_record``, the DCT used in ``doc._.dct`` (ISO text) and two
counts. spaCy writes user data with msgpack (``DocBin``, ``nlp.pipe(n_process=2)``),
which holds no Python objects; so ``doc._.timeline``, ``span._.timex`` and
``span._.event`` are getters that rebuild the library's objects from that record
(:func:`~timeline.output.restore.document_from_dict`), once per ``Doc`` object.
A span knows its item by its span id (``timex:3``, ``event:0``), which ``DocBin``
keeps.
"""

from __future__ import annotations

import warnings
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import Document, Event, TimeExpression, TimexType
from ..output.records import document_to_dict
from ..output.restore import document_from_dict

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["TimelineAlignmentWarning", "TimelineEntityWarning", "attach", "register_extensions"]

_ENTITY_TYPES = (TimexType.DATE, TimexType.TIME)


class TimelineAlignmentWarning(UserWarning):
    """A time expression or event starts or ends inside a spaCy token: its span was widened to
    whole tokens (or, where no token covers it, left out) and counted in ``doc._.timeline_misaligned``."""


class TimelineEntityWarning(UserWarning):
    """A time expression was not made an entity because it overlaps one the ``Doc`` has:
    counted in ``doc._.timeline_clashes``; existing entities are never overwritten."""


# One rebuilt Document per Doc object, dropped with the Doc; the record it was built from
# is kept with it, so a Doc whose record changed is rebuilt.
_BUILT: weakref.WeakKeyDictionary[Doc, tuple[object, Document]] = weakref.WeakKeyDictionary()


def register_extensions() -> None:
    """The ``doc._`` and ``span._`` attributes; registered once, on import of the component."""
    from spacy.tokens import Doc, Span

    for name, default in (("dct", None), ("timeline_record", None), ("timeline_misaligned", 0),
                          ("timeline_clashes", 0)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("timeline"):
        Doc.set_extension("timeline", getter=document_of)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", getter=_timex_of)
    if not Span.has_extension("event"):
        Span.set_extension("event", getter=_event_of)


def document_of(doc: Doc) -> Document | None:
    """The analysis of ``doc`` as a :class:`~timeline.model.Document`, None before the component ran."""
    record = doc._.timeline_record
    if record is None:
        return None
    built = _BUILT.get(doc)
    if built is None or built[0] is not record:
        built = (record, document_from_dict(record, doc.text))
        _BUILT[doc] = built
    return built[1]


def _item(span: Span, kind: str) -> int | None:
    prefix, _, number = span.id_.partition(":") if span.id else ("", "", "")
    return int(number) if prefix == kind and number.isdigit() else None


def _timex_of(span: Span) -> TimeExpression | None:
    k = _item(span, "timex")
    document = None if k is None else document_of(span.doc)
    return None if document is None or k is None else document.timexes[k]


def _event_of(span: Span) -> Event | None:
    k = _item(span, "event")
    document = None if k is None else document_of(span.doc)
    return None if document is None or k is None else document.events[k]


def attach(doc: Doc, document: Document, dct: str, *, timexes_key: str, events_key: str,
           entities: bool) -> None:
    """Put ``document`` on ``doc``: its record, its span groups and, if asked, its entities."""
    record = document_to_dict(document, complete=True)
    doc._.timeline_record = record
    _BUILT[doc] = (record, document)
    doc._.dct = dct
    misplaced: list[str] = []
    timexes = _spans(doc, "timex", document.timexes, misplaced)
    doc.spans[timexes_key] = [s for s in timexes if s is not None]
    doc.spans[events_key] = [s for s in _spans(doc, "event", document.events, misplaced) if s is not None]
    doc._.timeline_misaligned = len(misplaced)
    if misplaced:
        warnings.warn(f"{len(misplaced)} span(s) of the timeline start or end inside a spaCy token "
                      f"({', '.join(misplaced[:5])}{', ...' if len(misplaced) > 5 else ''}): widened to whole tokens "
                      "(or left out where no token covers them); see doc._.timeline_misaligned",
                      TimelineAlignmentWarning, stacklevel=3)
    doc._.timeline_clashes = _entities(doc, document.timexes, timexes) if entities else 0


def _spans(doc: Doc, kind: str, items: Sequence[TimeExpression | Event], misplaced: list[str]) -> list[Span | None]:
    """One span per item, labelled with its type or class and identified by its index; an item
    whose edges fall inside tokens gets the tokens around it, and is named in ``misplaced``."""
    out: list[Span | None] = []
    for k, item in enumerate(items):
        label = item.type.value if isinstance(item, TimeExpression) else item.cls.value
        span = doc.char_span(item.start, item.end, label=label, span_id=f"{kind}:{k}", alignment_mode="strict")
        if span is None:
            misplaced.append(f"{kind} {item.text!r} at {item.start}")
            span = doc.char_span(item.start, item.end, label=label, span_id=f"{kind}:{k}", alignment_mode="expand")
            span = span if span is not None and len(span) else None
        out.append(span)
    return out


def _entities(doc: Doc, timexes: Sequence[TimeExpression], spans: Sequence[Span | None]) -> int:
    """Add the DATE and TIME expressions as entities where no entity (nor another expression)
    holds one of their tokens; return how many were left out for that, with a warning."""
    taken = {k for ent in doc.ents for k in range(ent.start, ent.end)}
    new: list[Any] = []
    clashes: list[str] = []
    for t, span in zip(timexes, spans, strict=True):
        if span is None or t.type not in _ENTITY_TYPES:
            continue
        tokens = range(span.start, span.end)
        if taken.intersection(tokens):
            clashes.append(repr(t.text))
            continue
        taken.update(tokens)
        new.append(span)
    if new:
        doc.set_ents(new, default="unmodified")
    if clashes:
        named = ", ".join(clashes[:5]) + (", ..." if len(clashes) > 5 else "")
        warnings.warn(f"{len(clashes)} time expression(s) overlap an existing entity (or a wider expression) and "
                      f"were not made entities ({named}); see doc._.timeline_clashes",
                      TimelineEntityWarning, stacklevel=3)
    return len(clashes)
