"""Putting intervals in order: a partial order, ranks that respect it, Allen relations.

Two events are ordered only when one's interval ends before the other's
starts; events whose intervals overlap are not ordered against each other.
:func:`rank` turns that partial order into ranks: every ordered pair gets
increasing ranks, and a group of events that all overlap one another shares
one rank.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from ..time.algebra import Interval

__all__ = ["Allen", "precedes", "rank", "relation"]


class Allen(enum.Enum):
    """Allen's thirteen relations between two intervals, read as ``a <relation> b``."""

    BEFORE = "before"
    AFTER = "after"
    MEETS = "meets"
    MET_BY = "met-by"
    OVERLAPS = "overlaps"
    OVERLAPPED_BY = "overlapped-by"
    STARTS = "starts"
    STARTED_BY = "started-by"
    DURING = "during"
    CONTAINS = "contains"
    FINISHES = "finishes"
    FINISHED_BY = "finished-by"
    EQUALS = "equals"


def precedes(a: Interval, b: Interval) -> bool:
    """Whether ``a`` lies wholly before ``b`` (it may end where ``b`` starts)."""
    return a.end <= b.start


def relation(a: Interval, b: Interval) -> Allen:
    """The Allen relation of ``a`` to ``b``, on half-open intervals."""
    if a.end < b.start:
        return Allen.BEFORE
    if b.end < a.start:
        return Allen.AFTER
    if a.end == b.start:
        return Allen.MEETS
    if b.end == a.start:
        return Allen.MET_BY
    if a.start == b.start and a.end == b.end:
        return Allen.EQUALS
    if a.start == b.start:
        return Allen.STARTS if a.end < b.end else Allen.STARTED_BY
    if a.end == b.end:
        return Allen.FINISHES if a.start > b.start else Allen.FINISHED_BY
    if b.start < a.start and a.end < b.end:
        return Allen.DURING
    if a.start < b.start and b.end < a.end:
        return Allen.CONTAINS
    return Allen.OVERLAPS if a.start < b.start else Allen.OVERLAPPED_BY


def rank(intervals: Sequence[Interval]) -> list[int]:
    """A rank per interval (same order as given): ``a`` before ``b`` gives a lower rank;
    intervals that all overlap one another share a rank. Ties in start and end keep the
    given order, so the result depends only on the intervals, not on how they are listed
    (up to that tie)."""
    order = sorted(range(len(intervals)), key=lambda k: (intervals[k].start, intervals[k].end, k))
    ranks = [0] * len(intervals)
    current, group_end = -1, None
    for k in order:
        iv = intervals[k]
        if group_end is None or iv.start >= group_end:
            current, group_end = current + 1, iv.end  # overlaps nothing left in the group: a new rank
        else:
            group_end = min(group_end, iv.end)
        ranks[k] = current
    return ranks
