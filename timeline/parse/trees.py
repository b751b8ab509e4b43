"""Clauses from a dependency tree: the one rule both tree-building backends (stanza, Frog) use.

A word belongs to the clause of its nearest ancestor (itself included) that
heads one; what heads a clause is the backend's to say (its relations differ).
The main clause is 0; the others are numbered in order of appearance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["clause_numbers"]


def clause_numbers(heads: Sequence[int | None], heads_clause: Callable[[int], bool], main: int | None) -> list[int]:
    """The clause number of every word (``heads[k]``: the index of its head, None for a root).

    A word whose chain of heads reaches no clause head, and the clause ``main``
    heads, are clause 0. A cycle in a broken tree ends the chain where it closes.
    """
    n = len(heads)
    owners: list[int | None] = []
    for k in range(n):
        node: int | None = k
        for _ in range(n):
            if node is None or heads_clause(node):
                break
            node = heads[node]
        owners.append(node if node is not None and heads_clause(node) else None)
    number: dict[int | None, int] = {main: 0, None: 0}
    for owner in owners:
        if owner not in number:
            number[owner] = len(set(number.values()))
    return [number[owner] for owner in owners]
