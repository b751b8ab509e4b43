"""The timeline of a text as one strict partial order (timeline.time.closure).

The properties are checked against a reference built the slow, obvious way:
the same points and inequalities, a cycle test by search from scratch for
every fact, and reachability by search, so a mistake in the incremental
topological order that the closure keeps would show as a disagreement.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.time.algebra import Grain, Interval
from timeline.time.closure import Closure, Relation

BASE = datetime(2017, 1, 30)
DCT = Interval(BASE + timedelta(days=3), BASE + timedelta(days=4), Grain.DAY)  # Thursday 2 February 2017
LINKED = [Relation.BEFORE, Relation.AFTER, Relation.OVERLAP]
R = Relation


def day(n: int, length: int = 1) -> Interval:
    return Interval(BASE + timedelta(days=n), BASE + timedelta(days=n + length), Grain.DAY)


@st.composite
def anchors(draw: st.DrawFn) -> Interval | None:
    """No anchor, or a stretch of days or hours around the DCT."""
    if draw(st.booleans()):
        return None
    if draw(st.booleans()):
        return day(draw(st.integers(0, 7)), draw(st.integers(1, 3)))
    start = BASE + timedelta(days=3, hours=draw(st.integers(0, 23)))
    return Interval(start, start + timedelta(hours=draw(st.integers(1, 6))), Grain.HOUR)


@st.composite
def stories(draw: st.DrawFn, links: int = 8) -> tuple[list[Interval | None], list[Relation],
                                                     list[tuple[int, int, Relation]]]:
    """Events with anchors, relations to the DCT (any: contradictions included) and links."""
    n = draw(st.integers(1, 7))
    ivs = [draw(anchors()) for _ in range(n)]
    rels = [draw(st.sampled_from(list(Relation))) for _ in range(n)]
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(LINKED))
    found = [p for p in draw(st.lists(pairs, max_size=links)) if p[0] != p[1]]
    return ivs, rels, found


class Reference:
    """The same order, built naively (see the module docstring)."""

    def __init__(self, ivs: list[Interval | None], rels: list[Relation], links: list[tuple[int, int, Relation]]):
        n = len(ivs)
        times = sorted({t for iv in (*ivs, DCT) if iv is not None for t in (iv.start, iv.end)})
        node = {t: 2 * n + 1 + k for k, t in enumerate(times)}
        self.d = 2 * n
        self.edges: set[tuple[int, int]] = {(2 * i, 2 * i + 1) for i in range(n)}
        self.edges |= {(node[a], node[b]) for a, b in zip(times, times[1:], strict=False)}
        self.edges |= {(node[DCT.start], self.d), (self.d, node[DCT.end])}
        for i, iv in enumerate(ivs):
            if iv is not None:
                since = iv.end <= DCT.start and rels[i] in (R.OVERLAP, R.AFTER)
                self.edges |= {(node[iv.start], 2 * i), (2 * i if since else 2 * i + 1, node[iv.end])}
        for i, rel in enumerate(rels):
            self.add(self.facts(i, rel, None))
        self.kept = [self.add(self.facts(a, rel, b)) for a, b, rel in links]

    def facts(self, a: int, rel: Relation, b: int | None) -> list[tuple[int, int]]:
        sa, ea = 2 * a, 2 * a + 1
        sb, eb = (self.d, self.d) if b is None else (2 * b, 2 * b + 1)
        return {R.BEFORE: [(ea, sb)], R.AFTER: [(eb, sa)], R.OVERLAP: [(sa, eb), (sb, ea)], R.VAGUE: []}[rel]

    def add(self, facts: list[tuple[int, int]]) -> bool:
        trial = self.edges | set(facts)
        if any(self.reach(y, x, trial) for x, y in facts):
            return False
        self.edges = trial
        return True

    def reach(self, x: int, y: int, edges: set[tuple[int, int]] | None = None) -> bool:
        edges = self.edges if edges is None else edges
        seen, todo = {x}, [x]
        while todo:
            u = todo.pop()
            for a, b in edges:
                if a == u and b not in seen:
                    if b == y:
                        return True
                    seen.add(b)
                    todo.append(b)
        return False

    def relation(self, a: int, b: int) -> Relation:
        if self.reach(2 * a + 1, 2 * b):
            return R.BEFORE
        if self.reach(2 * b + 1, 2 * a):
            return R.AFTER
        if self.reach(2 * a, 2 * b + 1) and self.reach(2 * b, 2 * a + 1):
            return R.OVERLAP
        return R.VAGUE


@given(stories())
def test_the_closure_agrees_with_the_naive_reference(story: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    order, ref = Closure(ivs, rels, DCT, links), Reference(ivs, rels, links)
    assert order.kept == ref.kept
    n = len(ivs)
    for a in range(n):
        for b in range(n):
            if a != b:
                assert order.relation(a, b) == ref.relation(a, b), (a, b)


@given(stories())
def test_the_order_is_a_strict_partial_order(story: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    order = Closure(ivs, rels, DCT, links)
    n = len(ivs)
    rel = {(a, b): order.relation(a, b) for a in range(n) for b in range(n) if a != b}
    for (a, b), r in rel.items():
        assert rel[b, a] is r.inverse  # asymmetric: never both before and after
        if r is R.BEFORE:
            for c in range(n):
                if c not in (a, b) and rel[b, c] is R.BEFORE:
                    assert rel[a, c] is R.BEFORE  # transitive


@given(stories())
def test_anchored_events_are_never_ordered_against_their_intervals(story: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    order = Closure(ivs, rels, DCT, links)
    for a, ia in enumerate(ivs):
        for b, ib in enumerate(ivs):
            open_ended = ia is not None and ia.end <= DCT.start and rels[a] in (R.OVERLAP, R.AFTER)
            if a != b and ia is not None and ib is not None and ia.end <= ib.start and not open_ended:
                assert order.relation(a, b) is R.BEFORE
            if a != b and ia is not None and ib is not None and ia.end <= ib.start:
                assert order.relation(a, b) is not R.AFTER  # never against the anchors


@given(stories(), st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from(LINKED)))
def test_adding_a_link_never_removes_an_implied_relation(story: tuple, extra: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    n = len(ivs)
    a, b, r = extra
    if a >= n or b >= n or a == b:
        return
    before, after = Closure(ivs, rels, DCT, links), Closure(ivs, rels, DCT, [*links, (a, b, r)])
    for x in range(n):
        for y in range(n):
            if x != y and before.relation(x, y) is not R.VAGUE:
                assert after.relation(x, y) is before.relation(x, y)


@given(stories())
def test_a_kept_link_holds_in_the_order(story: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    order = Closure(ivs, rels, DCT, links)
    for (a, b, r), kept in zip(links, order.kept, strict=True):
        if kept:
            assert order.relation(a, b) is r


@given(stories())
def test_groups_list_every_event_once_in_an_order_that_respects_the_order(story: tuple) -> None:  # type: ignore[type-arg]
    ivs, rels, links = story
    order = Closure(ivs, rels, DCT, links)
    groups = order.groups()
    where = {i: g for g, members in enumerate(groups) for i in members}
    assert sorted(where) == list(range(len(ivs)))
    for a in range(len(ivs)):
        for b in range(len(ivs)):
            if a != b and order.relation(a, b) is R.BEFORE:
                assert where[a] < where[b]
            if a != b and where[a] == where[b]:
                assert order.relation(a, b) not in (R.BEFORE, R.AFTER)


def test_relations_to_the_dct_order_events_on_either_side() -> None:
    order = Closure([None, None, None], [R.BEFORE, R.AFTER, R.VAGUE], DCT)
    assert order.relation(0, 1) is R.BEFORE
    assert order.relation(0, 2) is R.VAGUE
    assert [order.to_dct(i) for i in range(3)] == [R.BEFORE, R.AFTER, R.VAGUE]


def test_two_events_at_the_dct_overlap_each_other() -> None:
    order = Closure([None, None], [R.OVERLAP, R.OVERLAP], DCT)
    assert order.relation(0, 1) is R.OVERLAP


def test_a_link_against_the_anchors_is_left_out() -> None:
    # Monday's event cannot come after Wednesday's: the link is dropped, the anchors stand.
    order = Closure([day(0), day(2)], [R.BEFORE, R.BEFORE], DCT, [(0, 1, R.AFTER), (0, 1, R.BEFORE)])
    assert order.kept == [False, True]
    assert order.relation(0, 1) is R.BEFORE


def test_a_chain_of_links_orders_its_ends() -> None:
    order = Closure([None] * 4, [R.BEFORE] * 4, DCT, [(0, 1, R.BEFORE), (1, 2, R.BEFORE), (3, 2, R.AFTER)])
    assert order.relation(0, 3) is R.BEFORE
    assert order.kept == [True, True, True]


def test_a_cycle_of_links_keeps_the_first_ones() -> None:
    order = Closure([None] * 3, [R.VAGUE] * 3, DCT, [(0, 1, R.BEFORE), (1, 2, R.BEFORE), (2, 0, R.BEFORE)])
    assert order.kept == [True, True, False]


def test_an_event_on_the_dcts_day_may_lie_on_either_side_of_it() -> None:
    # "zei vandaag" (BEFORE) and "spreekt vanavond" (AFTER), both anchored on the DCT's day.
    order = Closure([DCT, DCT], [R.BEFORE, R.AFTER], DCT)
    assert order.relation(0, 1) is R.BEFORE


def test_groups_put_undated_past_events_just_before_the_dct() -> None:
    # An event in 2014 (anchored) and an undated past event: the undated one is not put
    # among the oldest dates, and both come before an event that is still to come.
    old = Interval(datetime(2014, 1, 1), datetime(2015, 1, 1), Grain.YEAR)
    order = Closure([None, old, None], [R.BEFORE, R.BEFORE, R.AFTER], DCT)
    groups = order.groups()
    assert groups.index([1]) < groups.index([0]) < groups.index([2])


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="relations to the DCT"):
        Closure([None], [], DCT)
    with pytest.raises(IndexError):
        Closure([None], [R.VAGUE], DCT).relation(0, 3)


def test_an_event_that_holds_since_a_past_time_is_not_shut_inside_it() -> None:
    # "Het museum bestaat sinds 1885" (holds at the DCT) and an event of 2016: the museum
    # started before it, but is not over before it.
    y1885 = Interval(datetime(1885, 1, 1), datetime(1886, 1, 1), Grain.YEAR)
    y2016 = Interval(datetime(2016, 1, 1), datetime(2017, 1, 1), Grain.YEAR)
    order = Closure([y1885, y2016], [R.OVERLAP, R.BEFORE], DCT)
    assert order.to_dct(0) is R.OVERLAP
    assert order.relation(0, 1) is not R.BEFORE
