#!/usr/bin/env python3
"""False positives per 10,000 tokens over the negative corpus of ``tests/corpus/nl``
(each family's ``negative`` texts and the sentences that expect no time expression).

    python benchmarks/negatives.py          # the figure, and every false positive
    PYTHONPATH=/other/checkout python benchmarks/negatives.py   # another version's rules, same corpus
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

# This checkout's tests/negatives.py by its path, so that another checkout's rules (PYTHONPATH)
# are measured on this corpus.
_HERE = Path(__file__).resolve().parents[1] / "tests" / "negatives.py"
_SPEC = importlib.util.spec_from_file_location("negatives", _HERE)


def main() -> int:
    assert _SPEC is not None and _SPEC.loader is not None
    negatives = importlib.util.module_from_spec(_SPEC)
    _SPEC.loader.exec_module(negatives)
    import timeline

    print(f"rules of {Path(timeline.__file__).parent.parent}")
    found = negatives.measure()
    for text, hit in found.hits:
        print(f"  {hit!r} in {text!r}")
    print(found.report())
    return 0 if found.per_10k <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
