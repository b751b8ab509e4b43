"""The negative corpus as one measure: every text of ``tests/corpus/nl`` that must have no
time expression (each family's ``negative`` texts and the sentences that expect none), and
the false positives the recognizer finds in it per 10,000 tokens (tokens as the library's
tokenizer cuts them). Shared by ``test_negatives.py`` and ``benchmarks/negatives.py``.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from attrs import frozen

from timeline import recognize
from timeline.text.tokens import TokenLists, read_tokens

CORPUS = Path(__file__).parent / "corpus" / "nl"
_DCT = date(2017, 2, 2)
_NO_LISTS = TokenLists(frozenset(), frozenset(), frozenset())  # abbreviations change a count by a hair


@frozen
class Negatives:
    """What the recognizer found where nothing should be."""

    texts: int
    tokens: int
    hits: tuple[tuple[str, str], ...]  # (text, what was found in it)

    @property
    def per_10k(self) -> float:
        return 10_000 * len(self.hits) / max(self.tokens, 1)

    def report(self) -> str:
        return (f"negative corpus: {self.texts} texts, {self.tokens} tokens, {len(self.hits)} false positives, "
                f"{self.per_10k:.2f} per 10,000 tokens")


def negative_texts() -> list[tuple[str, date]]:
    """Every negative text of the corpus, with the DCT to read it by."""
    out: list[tuple[str, date]] = []
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out += [(text, _DCT) for text in data.get("negative", {}).get("texts", [])]
        out += [(s["text"], s["dct"]) for s in data.get("sentence", []) if not s["expect"]]
    return out


def measure() -> Negatives:
    texts = negative_texts()
    tokens = sum(len(read_tokens(text, 0, len(text), _NO_LISTS).words) for text, _ in texts)
    hits = tuple((text, t.text) for text, dct in texts for t in recognize(text, dct=dct))
    return Negatives(len(texts), tokens, hits)
