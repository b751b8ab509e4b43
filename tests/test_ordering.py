"""Ordering: ranks respect the partial order of intervals, whatever order they come in."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from timeline.events.order import Allen, precedes, rank, relation
from timeline.time.algebra import Grain, Interval

BASE = datetime(2017, 1, 1)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(st.integers(0, 60))
    length = draw(st.integers(1, 20))
    return Interval(BASE + timedelta(days=start), BASE + timedelta(days=start + length), Grain.DAY)


def day(n: int, length: int = 1) -> Interval:
    return Interval(BASE + timedelta(days=n), BASE + timedelta(days=n + length), Grain.DAY)


@given(st.lists(intervals(), max_size=30))
def test_ranks_are_a_topological_order_of_precedence(ivs: list[Interval]) -> None:
    ranks = rank(ivs)
    for a, ra in zip(ivs, ranks, strict=True):
        for b, rb in zip(ivs, ranks, strict=True):
            if precedes(a, b):
                assert ra < rb


@given(st.lists(intervals(), max_size=30))
def test_a_shared_rank_means_every_pair_overlaps(ivs: list[Interval]) -> None:
    ranks = rank(ivs)
    for i, a in enumerate(ivs):
        for j, b in enumerate(ivs):
            if i != j and ranks[i] == ranks[j]:
                assert a.overlaps(b)


def with_ties(size: int) -> st.SearchStrategy[list[Interval]]:
    """Lists of intervals drawn from a few, so that equal intervals are common."""
    return st.lists(intervals(), min_size=1, max_size=8).flatmap(
        lambda few: st.lists(st.sampled_from(few), max_size=size))


@given(st.one_of(st.lists(intervals(), max_size=20), with_ties(20)), st.randoms())
def test_ranks_do_not_depend_on_the_order_given(ivs: list[Interval], rnd: object) -> None:
    order = list(range(len(ivs)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    ranks, shuffled = rank(ivs), rank([ivs[k] for k in order])
    assert [shuffled[order.index(k)] for k in range(len(ivs))] == ranks


@given(with_ties(20))
def test_equal_intervals_share_a_rank(ivs: list[Interval]) -> None:
    ranks = rank(ivs)
    for a, ra in zip(ivs, ranks, strict=True):
        for b, rb in zip(ivs, ranks, strict=True):
            if a == b:
                assert ra == rb


def test_ties_in_a_small_timeline() -> None:
    # Two events on Thursday, one on Friday, two more on Thursday: all Thursdays share a rank.
    assert rank([day(4), day(4), day(5), day(4), day(4)]) == [0, 0, 1, 0, 0]
    assert rank([day(5), day(4), day(4)]) == [1, 0, 0]


def test_ranks_of_a_small_timeline() -> None:
    # Thursday, the week around it, Friday, a day a month later.
    ivs = [day(4), day(1, 7), day(5), day(35)]
    assert rank(ivs) == [0, 0, 1, 2]


ALLEN = [
    (day(0), day(2), Allen.BEFORE), (day(2), day(0), Allen.AFTER), (day(0), day(1), Allen.MEETS),
    (day(1), day(0), Allen.MET_BY), (day(0, 2), day(1, 2), Allen.OVERLAPS), (day(1, 2), day(0, 2), Allen.OVERLAPPED_BY),
    (day(0), day(0, 3), Allen.STARTS), (day(0, 3), day(0), Allen.STARTED_BY), (day(1), day(0, 3), Allen.DURING),
    (day(0, 3), day(1), Allen.CONTAINS), (day(2), day(0, 3), Allen.FINISHES), (day(0, 3), day(2), Allen.FINISHED_BY),
    (day(0), day(0), Allen.EQUALS),
]


def test_allen_relations() -> None:
    for a, b, expected in ALLEN:
        assert relation(a, b) is expected, (a, b)


@given(intervals(), intervals())
def test_allen_relations_are_converse(a: Interval, b: Interval) -> None:
    converse = {Allen.BEFORE: Allen.AFTER, Allen.MEETS: Allen.MET_BY, Allen.OVERLAPS: Allen.OVERLAPPED_BY,
                Allen.STARTS: Allen.STARTED_BY, Allen.DURING: Allen.CONTAINS, Allen.FINISHES: Allen.FINISHED_BY,
                Allen.EQUALS: Allen.EQUALS}
    converse |= {v: k for k, v in converse.items()}
    assert relation(b, a) is converse[relation(a, b)]
