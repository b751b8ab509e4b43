"""An expression's unresolved meaning (its :mod:`~timeline.time.intent` value) as plain data, and back.

The ``timeline/1`` record gives what an expression resolved to; a reader that must
rebuild the very :class:`~timeline.model.TimeExpression` (a spaCy ``Doc`` that carries
its analysis through ``DocBin``, see :mod:`timeline.run.spacy`) needs the meaning too.
Every value is tagged with its kind, so no type information is needed to read it
back, and only the library's own intent, rule and enum types are ever built:
nothing is looked up by an arbitrary name, nothing is unpickled.
"""

from __future__ import annotations

import enum
import typing
from fractions import Fraction
from typing import Any

import attrs

from ..time.algebra import DayRule, Grain, PartOfDay, Season
from ..time.intent import Anchored, Direction, Intent, RefKind

__all__ = ["intent_from_dict", "intent_to_dict"]

_KINDS: dict[str, type] = {cls.__name__: cls for cls in (*typing.get_args(Intent), DayRule)}
_ENUMS: dict[str, type[enum.Enum]] = {cls.__name__: cls for cls in (Grain, PartOfDay, Season, Direction,
                                                                      Anchored, RefKind)}


def intent_to_dict(intent: Intent) -> dict[str, Any]:
    """``{"class": "DayOfWeek", "weekday": 4, ...}``; enums as ``{"enum", "name"}``,
    fractions as ``{"fraction": "3/2"}``, tuples as lists."""
    out = _encode(intent)
    assert isinstance(out, dict)
    return out


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "name": value.name}
    if isinstance(value, Fraction):
        return {"fraction": str(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if type(value).__name__ in _KINDS and attrs.has(type(value)):
        return {"class": type(value).__name__,
                **{f.name: _encode(getattr(value, f.name)) for f in attrs.fields(type(value))}}
    raise TypeError(f"no plain form for {type(value).__name__} in an intent")


def intent_from_dict(data: Any) -> Intent:
    """The intent :func:`intent_to_dict` wrote.

    Raises:
        ValueError: for data that names an unknown kind or enum, or does not fit the kind's fields.
    """
    value = _decode(data)
    if not isinstance(value, typing.get_args(Intent)):
        raise ValueError(f"not an intent: {data!r}")
    return typing.cast(Intent, value)


def _decode(data: Any) -> Any:
    if data is None or isinstance(data, (bool, int, str)):
        return data
    if isinstance(data, (list, tuple)):  # msgpack (spaCy's user data) gives tuples
        return tuple(_decode(v) for v in data)
    if not isinstance(data, dict):
        raise ValueError(f"not a value of an intent: {data!r}")
    if "class" in data:
        return _instance(data)
    if "enum" in data:
        cls = _ENUMS.get(data["enum"])
        if cls is None or data.get("name") not in cls.__members__:
            raise ValueError(f"unknown enum value in an intent: {data!r}")
        return cls[data["name"]]
    if "fraction" in data:
        try:
            return Fraction(data["fraction"])
        except (TypeError, ValueError, ZeroDivisionError) as err:
            raise ValueError(f"not a fraction: {data['fraction']!r}") from err
    raise ValueError(f"not a value of an intent: {data!r}")


def _instance(data: dict[str, Any]) -> Any:
    kind = _KINDS.get(data["class"]) if isinstance(data["class"], str) else None
    if kind is None:
        raise ValueError(f"unknown class in an intent: {data['class']!r}")
    fields = {f.name for f in attrs.fields(kind)}
    if not set(data) - {"class"} <= fields:
        raise ValueError(f"{kind.__name__} has no field {sorted(set(data) - {'class'} - fields)}")
    try:
        return kind(**{name: _decode(v) for name, v in data.items() if name != "class"})
    except TypeError as err:
        raise ValueError(f"bad {kind.__name__}: {err}") from err
