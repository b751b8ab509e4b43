"""Analyze the example news article and print its timeline.

Reads ``artikel.txt`` next to this script; the document creation time (DCT) is taken
from its dateline (``UTRECHT, 10 maart 2017 - ...``). Prints the timeline table and
checks that the DCT is 2017-03-10 and that at least 10 events are anchored.

Run: ``python examples/article_timeline.py``
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import timeline
from timeline.output import timeline_table

ARTICLE = Path(__file__).resolve().parent / "artikel.txt"


def main() -> int:
    doc = timeline.analyze(ARTICLE.read_text(encoding="utf-8"))
    print(timeline_table(doc))
    print(f"\nDCT {doc.dct} ({doc.dct_source.value}); {len(doc.anchored)} anchored, "
          f"{len(doc.unanchored)} unanchored events; {len(doc.timexes)} time expressions")
    if doc.dct != date(2017, 3, 10):
        print(f"FAIL: expected DCT 2017-03-10, got {doc.dct}", file=sys.stderr)
        return 1
    if len(doc.anchored) < 10:
        print(f"FAIL: expected at least 10 anchored events, got {len(doc.anchored)}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
