"""The library's values back from the plain data of :mod:`timeline.output.records`.

:func:`document_from_dict` rebuilds a :class:`~timeline.model.Document` from a
``timeline/1`` record written with ``complete=True`` and the text it was made from;
``document_from_dict(document_to_dict(doc, complete=True), doc.text) == doc``. It
is how a spaCy ``Doc`` carries its analysis as plain user data (which ``DocBin``
and ``nlp.pipe(n_process=...)`` can move) and still gives the library's objects
(:mod:`timeline.run.spacy`). One thing the record does not keep: a DCT's clock
time is written to the second, so microseconds of a ``datetime`` DCT are lost.
The input is checked: anything that does not fit the schema is a ValueError
naming the place, never a half-built document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from ..model import (
    Aspect,
    DctSource,
    Document,
    Event,
    EventClass,
    Link,
    Mod,
    Polarity,
    Relation,
    Span,
    TimeExpression,
    TimexType,
)
from ..time.algebra import Grain, Interval
from ..time.intent import Tense
from .intents import intent_from_dict
from .records import SCHEMA

__all__ = ["document_from_dict"]


def document_from_dict(data: Mapping[str, Any], text: str) -> Document:
    """The document a complete ``timeline/1`` record describes, over ``text``.

    Raises:
        ValueError: for data that is not such a record (another schema, a missing or
            mistyped field, an expression without its ``intent``, offsets past the text).
        TypeError: when ``text`` is no string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record")
    where = "the record"
    try:
        day, clock = _dct(data["dct"])
        where = "timexes"
        timexes = tuple(_timex(t, text) for t in _list(data["timexes"]))
        by_span = {(t.start, t.end): t for t in timexes}
        where = "events"
        events = tuple(_event(e, text, by_span) for e in _list(data["events"]))
        ranks = tuple(_optional(e["rank"], int) for e in data["events"])
        where = "links"
        links = tuple(_link(link) for link in _list(data["links"]))
        where = "sentences"
        if "sentences" not in data:
            raise ValueError("no sentences: write the record with complete=True")
        sentences = tuple(_span(s, text) for s in _list(data["sentences"]))
        where = "the record"
        return Document(text=text, dct=day, dct_source=DctSource(data["dct_source"]), timexes=timexes,
                        events=events, ranks=ranks, sentences=sentences, links=links, dct_time=clock)
    except (KeyError, TypeError, ValueError, IndexError) as err:
        raise ValueError(f"not a complete {SCHEMA} record ({where}): {type(err).__name__}: {err}") from err


def _list(value: Any) -> Sequence[Any]:
    if not isinstance(value, (list, tuple)):  # msgpack (spaCy's user data) gives tuples
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return value


def _optional(value: Any, kind: type) -> Any:
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__} or null, not {value!r}")
    return value


def _dct(value: str) -> tuple[date, time | None]:
    day, _, clock = value.partition("T")
    return date.fromisoformat(day), time.fromisoformat(clock) if clock else None


def _span(value: Any, text: str) -> Span:
    start, end = value
    if not (isinstance(start, int) and isinstance(end, int)) or end > len(text):
        raise ValueError(f"bad span {value!r} for a text of {len(text)} characters")
    return Span(start, end)


def _interval(value: Any) -> Interval | None:
    if value is None:
        return None
    return Interval(datetime.fromisoformat(value["start"]), datetime.fromisoformat(value["end"]),
                    Grain[value["grain"].upper()])


def _timex(t: Mapping[str, Any], text: str) -> TimeExpression:
    if "intent" not in t:
        raise ValueError("an expression without its intent: write the record with complete=True")
    return TimeExpression(span=_span([t["start"], t["end"]], text), text=str(t["text"]), type=TimexType(t["type"]),
                          value=str(t["value"]), interval=_interval(t["interval"]),
                          intent=intent_from_dict(t["intent"]),
                          rule=str(t["rule"]), mod=Mod(t["mod"]) if "mod" in t else None,
                          tense=Tense(t["tense"]) if "tense" in t else None,
                          range_end=_span(t["range_end"], text) if "range_end" in t else None)


def _event(e: Mapping[str, Any], text: str, timexes: Mapping[tuple[int, int], TimeExpression]) -> Event:
    timex = None
    if e["timex"] is not None:
        start, end = e["timex"]
        timex = timexes.get((start, end))
        if timex is None:
            raise ValueError(f"event {e['text']!r} is linked to no expression of the record at {e['timex']}")
    return Event(span=_span([e["start"], e["end"]], text), text=str(e["text"]), lemma=str(e["lemma"]),
                 cls=EventClass(e["class"]), tense=None if e["tense"] is None else Tense(e["tense"]),
                 aspect=Aspect(e["aspect"]), polarity=Polarity(e["polarity"]), sentence=int(e["sentence"]),
                 nominal=bool(e["nominal"]), timex=timex, interval=_interval(e["interval"]),
                 anchor=_optional(e["anchor"], str), dct_relation=Relation(e["dct_relation"]))


def _link(link: Mapping[str, Any]) -> Link:
    cue_span = link["cue_span"]
    return Link(source=int(link["source"]), target=int(link["target"]), relation=Relation(link["relation"]),
                cue=str(link["cue"]), span=None if cue_span is None else Span(cue_span[0], cue_span[1]))
