"""False positives over the whole negative corpus: at most one per 10,000 tokens (in
practice none). ``python benchmarks/negatives.py`` prints the figure."""

from __future__ import annotations

from .negatives import measure


def test_false_positives_per_10k_tokens(capsys) -> None:
    found = measure()
    with capsys.disabled():
        print("\n" + found.report())
    assert found.tokens > 13_900, "the negative corpus has shrunk"
    assert found.per_10k <= 1.0, found.hits
