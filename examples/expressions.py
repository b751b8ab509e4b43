"""Resolve a few Dutch time expressions against several document creation times (DCTs).

Shows how the same words get different values depending on the DCT and on the tense
of the sentence: ``Hij zei donderdag`` (past) looks back, ``Het kabinet beslist
donderdag`` (present, future meaning) looks ahead. Prints a table text | DCT | value
and checks a few values whose Dutch meaning is unambiguous.

Run: ``python examples/expressions.py``
"""

from __future__ import annotations

import sys

import timeline

DCTS = ("2017-02-02", "2017-02-05", "2016-12-31")  # a Thursday, a Sunday, New Year's Eve
TEXTS = (
    "donderdag",
    "Hij zei donderdag dat het klopt.",
    "Het kabinet beslist donderdag.",
    "dit weekend",
    "Het kabinet besliste in december.",
    "Het kabinet beslist in december.",
    "vorige week",
    "Op 3 januari begon het. Twee dagen later stopte het.",
)
# (text, DCT, expression) -> expected value, checked by hand against the Dutch meaning.
EXPECTED = {
    ("Hij zei donderdag dat het klopt.", "2017-02-02", "donderdag"): "2017-02-02",  # that same Thursday
    ("Hij zei donderdag dat het klopt.", "2017-02-05", "donderdag"): "2017-02-02",  # last Thursday
    ("Het kabinet beslist donderdag.", "2017-02-05", "donderdag"): "2017-02-09",  # next Thursday
    ("Het kabinet besliste in december.", "2017-02-02", "december"): "2016-12",  # past tense: last December
    ("dit weekend", "2017-02-02", "dit weekend"): "2017-W05-WE",  # 4-5 February 2017
    ("vorige week", "2016-12-31", "vorige week"): "2016-W51",  # 2016-12-31 lies in ISO week 52
}


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    seen: dict[tuple[str, str, str], str] = {}
    for text in TEXTS:
        for dct in DCTS:
            for t in timeline.recognize(text, dct=dct):
                rows.append((f"{text} [{t.text}]", dct, f"{t.value} ({t.type.value})"))
                seen[(text, dct, t.text)] = t.value
    width = max(len(r[0]) for r in rows)
    print(f"{'text [expression]':<{width}} | {'DCT':<10} | value")
    print(f"{'-' * width}-+-{'-' * 10}-+-{'-' * 20}")
    for text, dct, value in rows:
        print(f"{text:<{width}} | {dct:<10} | {value}")
    failed = [(k, v, seen.get(k)) for k, v in EXPECTED.items() if seen.get(k) != v]
    for key, want, got in failed:
        print(f"FAIL: {key}: expected {want}, got {got}", file=sys.stderr)
    if failed:
        return 1
    print(f"\nOK: {len(EXPECTED)} values checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
