"""Plain-data forms of the library's values, for JSON, JSONL and tables."""

from __future__ import annotations

from typing import Any

from ..model import Recognition, TimeExpression
from ..time.algebra import Interval

__all__ = ["interval_to_dict", "recognition_to_dict", "timex_to_dict"]


def interval_to_dict(interval: Interval | None) -> dict[str, str] | None:
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
    return {"dct": r.dct.isoformat(), "dct_source": r.dct_source.value,
            "timexes": [timex_to_dict(t) for t in r.timexes]}
