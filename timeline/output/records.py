"""Plain data: the library's values as dicts for JSON, and the JSONL line the scorer reads.

Everything here is a pure function of its argument; nothing is written to disk.

JSON (:func:`document_to_dict`, schema ``timeline/1``)
-------------------------------------------------------
Users store and parse this form, so its fields only ever grow; a change that
removes or redefines a field gets a new ``schema`` string.

- ``schema``: always ``"timeline/1"``.
- ``dct``: the document creation time, ISO ``YYYY-MM-DD``, or ``YYYY-MM-DDThh:mm`` where it has a
  time of day.
- ``dct_source``: where the DCT came from: ``"argument"`` or ``"dateline"``.
- ``timexes``: the time expressions in text order, each as
  :func:`timeline.output.records.timex_to_dict` gives it: ``start``, ``end``
  (character offsets, end exclusive), ``text``, ``type`` (``DATE``, ``TIME``,
  ``DURATION``, ``SET``), ``value`` (TIMEX3), ``interval`` (see below, or
  ``null``), ``rule``, and when present ``mod``, ``tense`` and ``range_end``
  (``[start, end]`` of a range's other end).
- ``events``: in the document's order (anchored events in timeline order, then
  unanchored ones in text order), each with:

  - ``start``, ``end``: offsets of the trigger word; ``text``: the trigger.
  - ``lemma``: the whole verb or noun (``opleggen`` for ``legde ... op``).
  - ``class``: TimeML event class (``REPORTING``, ``OCCURRENCE``...).
  - ``tense``: ``"past"``, ``"present"``, ``"future"`` or ``null``.
  - ``aspect``: ``NONE``, ``PERFECTIVE`` or ``PROGRESSIVE``.
  - ``polarity``: ``POS`` or ``NEG``.
  - ``sentence``: index of the sentence (from 0); ``nominal``: whether the trigger is a noun.
  - ``anchor``: the TIMEX3 value (or ISO interval ``a/b``) the event is dated by, or ``null``.
  - ``interval``: ``{"start", "end", "grain"}`` (ISO datetimes, end exclusive,
    grain such as ``"day"``) placing the event on the timeline, or ``null``.
  - ``timex``: ``[start, end]`` of the time expression the event is linked to, or ``null``.
  - ``rank``: place on the timeline (equal ranks overlap and are not ordered
    against each other), ``null`` for an unanchored event.
  - ``dct_relation``: how the event lies against the DCT: ``BEFORE``,
    ``AFTER``, ``OVERLAP`` or ``VAGUE`` (the text leaves it open).

- ``sentences`` and each expression's ``intent`` are written only on request
  (``document_to_dict(doc, complete=True)``): the sentence bounds ``[start, end]``
  and the expression's unresolved meaning (:mod:`timeline.output.intents`), so that
  :func:`timeline.output.restore.document_from_dict` can rebuild the very
  :class:`~timeline.model.Document` (given its text, which the record leaves out).
- ``links``: the orderings of two events the text gives, each
  ``{"source", "target", "relation", "cue"}``: ``source`` and ``target`` index
  ``events``, ``relation`` is ``BEFORE``, ``AFTER`` or ``OVERLAP`` (read
  "source relation target"), ``cue`` the word that gave it (``"nadat"``,
  ``"daarna"``, ``"report"`` for a reported event placed by its tense), and
  ``cue_span`` its ``[start, end]`` or ``null``.

JSONL (:func:`document_to_jsonl_line`)
--------------------------------------
One object per document, the form the project's scorer reads: ``id``,
``timexes`` (``start``, ``end``, ``type``, ``value``), ``events``
(``start``, ``end``, ``class``, ``anchor``, ``rank``, ``dct_relation``) and
``links`` (``source``, ``target``, ``relation``, ``cue``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Document, Event, Link, Recognition, TimeExpression, dct_text
from ..time.algebra import Interval
from .intents import intent_to_dict

__all__ = ["SCHEMA", "document_to_dict", "document_to_jsonl_line", "event_to_dict", "interval_to_dict",
           "link_to_dict", "recognition_to_dict", "timex_to_dict"]

SCHEMA = "timeline/1"


def interval_to_dict(interval: Interval | None) -> dict[str, str] | None:
    """``{"start", "end", "grain"}``: ISO datetimes, the end exclusive; None stays None."""
    if interval is None:
        return None
    return {"start": interval.start.isoformat(), "end": interval.end.isoformat(),
            "grain": interval.grain.name.lower()}


def timex_to_dict(t: TimeExpression) -> dict[str, Any]:
    """One expression in the JSONL format ``score.py`` reads, plus what explains it."""
    out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type.value,
                           "value": t.value, "interval": interval_to_dict(t.interval), "rule": t.rule}
    if t.mod is not None:
        out["mod"] = t.mod.value
    if t.tense is not None:
        out["tense"] = t.tense.value
    if t.range_end is not None:
        out["range_end"] = [t.range_end.start, t.range_end.end]
    return out


def recognition_to_dict(r: Recognition) -> dict[str, Any]:
    """What ``timeline recognize`` writes: the DCT, where it came from, and the expressions."""
    return {"dct": dct_text(r.dct, r.dct_time), "dct_source": r.dct_source.value,
            "timexes": [timex_to_dict(t) for t in r.timexes]}


def event_to_dict(event: Event, rank: int | None) -> dict[str, Any]:
    """One event as plain data, with its rank, so JSON users need not know the library's types."""
    return {"start": event.start, "end": event.end, "text": event.text, "lemma": event.lemma,
            "class": event.cls.value, "tense": None if event.tense is None else event.tense.value,
            "aspect": event.aspect.value, "polarity": event.polarity.value, "sentence": event.sentence,
            "nominal": event.nominal, "anchor": event.anchor, "interval": interval_to_dict(event.interval),
            "timex": None if event.timex is None else [event.timex.start, event.timex.end], "rank": rank,
            "dct_relation": event.dct_relation.value}


def link_to_dict(link: Link) -> dict[str, Any]:
    """One link between events as plain data (``source`` and ``target`` index the events)."""
    return {"source": link.source, "target": link.target, "relation": link.relation.value, "cue": link.cue,
            "cue_span": None if link.span is None else [link.span.start, link.span.end]}


def document_to_dict(doc: Document, *, complete: bool = False) -> dict[str, Any]:
    """The whole analysis as JSON-ready data in the ``timeline/1`` schema (see the module docstring);
    ``complete`` adds the sentence bounds and each expression's intent, all a reader needs to
    rebuild the document from it and its text."""
    out: dict[str, Any] = {"schema": SCHEMA, "dct": dct_text(doc.dct, doc.dct_time),
                           "dct_source": doc.dct_source.value,
                           "timexes": [timex_to_dict(t) for t in doc.timexes],
                           "events": [event_to_dict(e, r) for e, r in zip(doc.events, doc.ranks, strict=True)],
                           "links": [link_to_dict(link) for link in doc.links]}
    if complete:
        for record, t in zip(out["timexes"], doc.timexes, strict=True):
            record["intent"] = intent_to_dict(t.intent)
        out["sentences"] = [[s.start, s.end] for s in doc.sentences]
    return out


def document_to_jsonl_line(doc: Document, doc_id: str) -> dict[str, Any]:
    """The line the scorer reads for one document, with only the fields it compares.

    Every event gets an integer rank, as the scorer expects one. Unanchored
    events come after all anchored ranks, each with a rank of its own in text
    order: they are never tied with (so never claimed to overlap) an anchored
    event or each other, and never placed before an anchored one. Their
    ``anchor`` stays ``None``, which is how a reader tells them apart.
    """
    ranks = _jsonl_ranks(doc.ranks)
    return {"id": doc_id,
            "timexes": [{"start": t.start, "end": t.end, "type": t.type.value, "value": t.value}
                        for t in doc.timexes],
            "events": [{"start": e.start, "end": e.end, "class": e.cls.value, "anchor": e.anchor, "rank": r,
                        "dct_relation": e.dct_relation.value} for e, r in zip(doc.events, ranks, strict=True)],
            "links": [{"source": link.source, "target": link.target, "relation": link.relation.value,
                       "cue": link.cue} for link in doc.links]}


def _jsonl_ranks(ranks: Iterable[int | None]) -> list[int]:
    ranks = list(ranks)
    following = max((r for r in ranks if r is not None), default=-1) + 1
    out: list[int] = []
    for r in ranks:
        if r is None:
            r, following = following, following + 1
        out.append(r)
    return out
