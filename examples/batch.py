"""Process a JSONL corpus of Dutch news documents and write the analyses as JSONL.

Each input line of ``corpus.jsonl`` (next to this script) is ``{"id", "dct", "text"}``.
Every document is analyzed with ``timeline.analyze`` and written as one line in the
scorer's format (``document_to_jsonl_line``). Prints per document the id and the number
of events and time expressions; checks that every input line produced an output line.

Run: ``python examples/batch.py [OUTPUT.jsonl]`` (default: a file in a temporary directory)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import timeline
from timeline.output import document_to_jsonl_line

CORPUS = Path(__file__).resolve().parent / "corpus.jsonl"


def main(argv: list[str]) -> int:
    out_path = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="timeline-")) / "output.jsonl"
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out_path.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            doc = timeline.analyze(record["text"], dct=record["dct"])
            out.write(json.dumps(document_to_jsonl_line(doc, record["id"]), ensure_ascii=False) + "\n")
            print(f"{record['id']:<8} DCT {doc.dct}  events {len(doc.events):>2} "
                  f"(anchored {len(doc.anchored):>2})  timexes {len(doc.timexes):>2}")
    written = [json.loads(x)["id"] for x in out_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    expected = [json.loads(x)["id"] for x in lines]
    print(f"\nwrote {len(written)} lines to {out_path}")
    if written != expected:
        print(f"FAIL: {len(expected)} input lines but output ids {written}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
