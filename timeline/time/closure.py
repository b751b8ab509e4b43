"""The timeline of a whole text: what is known of its events, closed into one strict partial order.

Each event is an interval with a start point and an end point; the DCT is an
instant; the times the text names are points on the calendar. Everything
known is a strict inequality between points:

- an event starts before it ends;
- an event anchored on a time lies inside it (``s_time < s_event``,
  ``e_event < e_time``), and the calendar's points follow one another; an event
  that holds at the DCT though its time lies before it (``bestaat sinds 1885``)
  only starts in that time (``s_time < s_event < e_time``);
- the DCT lies inside its own day (or at its clock time);
- BEFORE the DCT is ``e_event < dct``, AFTER is ``dct < s_event``, OVERLAP is
  ``s_event < dct < e_event``;
- a link ``a BEFORE b`` is ``e_a < s_b``; ``a OVERLAP b`` is ``s_a < e_b`` and
  ``s_b < e_a``.

``a`` is before ``b`` when ``e_a < s_b`` follows, i.e. when a path of
inequalities leads from ``e_a`` to ``s_b``. The points and inequalities form a
directed graph; as long as it has no cycle, the order is consistent.

The rule for contradictions: facts are added in order of trust (anchors and
the calendar, then the events' relations to the DCT, then the links in the
order given), and a fact that would close a cycle (say that something lies
before itself) is left out, all of it. So the order never contradicts an
anchored event's interval, and adding a link at the end never removes a
relation the order had.

The graph keeps a topological order of its points, maintained as facts are
added (Pearce and Kelly's method: only the stretch of the order between the
two ends of a new inequality is looked at), so building the order of a long
text stays near linear, and a question about two events looks only at the
points between them.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from .algebra import Interval

__all__ = ["Closure", "Relation"]


class Relation(enum.Enum):
    """How one event lies against another, or against the DCT (TimeML's TLINK words)."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    OVERLAP = "OVERLAP"
    VAGUE = "VAGUE"

    @property
    def inverse(self) -> Relation:
        """The relation read the other way round: ``a BEFORE b`` is ``b AFTER a``."""
        return _INVERSE[self]


_INVERSE = {Relation.BEFORE: Relation.AFTER, Relation.AFTER: Relation.BEFORE,
            Relation.OVERLAP: Relation.OVERLAP, Relation.VAGUE: Relation.VAGUE}


class _Graph:
    """Points and strict inequalities between them, kept free of cycles, with a topological
    order (``pos``) that every inequality respects."""

    def __init__(self, size: int) -> None:
        self.succ: list[list[int]] = [[] for _ in range(size)]
        self.pred: list[list[int]] = [[] for _ in range(size)]
        self.pos: list[int] = list(range(size))

    def reorder(self, order: Sequence[int]) -> None:
        for p, node in enumerate(order):
            self.pos[node] = p

    def link(self, x: int, y: int) -> None:
        """``x < y``, known to keep the graph free of cycles and ``pos`` valid."""
        self.succ[x].append(y)
        self.pred[y].append(x)

    def unlink(self, x: int, y: int) -> None:
        self.succ[x].remove(y)
        self.pred[y].remove(x)

    def add(self, x: int, y: int) -> bool:
        """Add ``x < y`` unless it closes a cycle; whether it was added."""
        if x == y:
            return False
        pos = self.pos
        low, high = pos[y], pos[x]
        if high < low:  # already in order
            self.link(x, y)
            return True
        ahead = self._reach(y, self.succ, lambda n: pos[n] <= high)
        if x in ahead:
            return False
        behind = self._reach(x, self.pred, lambda n: pos[n] >= low)
        moved = sorted(behind, key=pos.__getitem__) + sorted(ahead, key=pos.__getitem__)
        for p, node in zip(sorted(pos[n] for n in moved), moved, strict=True):
            pos[node] = p
        self.link(x, y)
        return True

    @staticmethod
    def _reach(start: int, edges: list[list[int]], within: Callable[[int], bool]) -> set[int]:
        """The points reachable from ``start`` along ``edges`` without leaving ``within``
        (the stretch of the order worth looking at)."""
        seen = {start}
        todo = [start]
        while todo:
            for m in edges[todo.pop()]:
                if m not in seen and within(m):
                    seen.add(m)
                    todo.append(m)
        return seen

    def path(self, x: int, y: int) -> bool:
        """Whether ``x < y`` follows (a path leads from ``x`` to ``y``)."""
        if x == y:
            return False
        pos = self.pos
        limit = pos[y]
        if pos[x] >= limit:
            return False
        return y in self._reach(x, self.succ, lambda n: pos[n] <= limit)


class Closure:
    """The strict partial order of ``n`` events that their anchors, relations to the DCT and
    links imply (see the module docstring).

    ``intervals[i]`` is event ``i``'s anchor interval or None; ``dct_relations[i]`` its
    relation to the DCT; ``dct`` the DCT (its day, or the minute of a clock time);
    ``links`` are ``(a, b, relation)`` triples, relation BEFORE, AFTER or OVERLAP.
    :attr:`kept` tells which links were taken (a link that contradicts what came
    before it is left out).
    """

    def __init__(self, intervals: Sequence[Interval | None], dct_relations: Sequence[Relation], dct: Interval,
                 links: Iterable[tuple[int, int, Relation]] = ()) -> None:
        n = len(intervals)
        if len(dct_relations) != n:
            raise ValueError(f"{n} intervals but {len(dct_relations)} relations to the DCT")
        self.n = n
        times = sorted({t for iv in (*intervals, dct) if iv is not None for t in (iv.start, iv.end)})
        self._time = {t: 2 * n + 1 + k for k, t in enumerate(times)}
        self._dct = 2 * n
        self._dct_start = dct.start
        size = 2 * n + 1 + len(times)
        g = self._graph = _Graph(size)
        edges = [(2 * i, 2 * i + 1) for i in range(n)]
        calendar = [self._time[t] for t in times]
        edges += list(zip(calendar, calendar[1:], strict=False))
        edges += [(self._time[dct.start], self._dct), (self._dct, self._time[dct.end])]
        for i, iv in enumerate(intervals):
            if iv is not None and iv.start < iv.end:
                edges.append((self._time[iv.start], 2 * i))
                # What lies before the time's end: the event's end, or only its start where the
                # event holds at the DCT though its time lies before it ("sinds 1885").
                since = iv.end <= dct.start and dct_relations[i] in (Relation.OVERLAP, Relation.AFTER)
                edges.append((2 * i if since else 2 * i + 1, self._time[iv.end]))
        for x, y in edges:
            g.link(x, y)
        key = self._key(intervals, times)
        # The relations to the DCT go in with the calendar when they agree with it (they are
        # made to), so that one topological sort places every point; else one by one.
        facts = [f for i, rel in enumerate(dct_relations) for f in self._facts(i, rel, None)]
        for x, y in facts:
            g.link(x, y)
        order = _topological(size, g.succ, g.pred, key)
        if order is None:
            for x, y in facts:
                g.unlink(x, y)
            order = _topological(size, g.succ, g.pred, key)
            if order is None:
                raise AssertionError("the calendar and the anchors form a cycle")  # impossible: they are intervals
            g.reorder(order)
            for i, rel in enumerate(dct_relations):
                self._add(self._facts(i, rel, None))
        else:
            g.reorder(order)
        self.kept: list[bool] = [self._add(self._facts(a, rel, b)) for a, b, rel in links]

    def _key(self, intervals: Sequence[Interval | None], times: Sequence[datetime]) -> list[float]:
        """Where each point would like to stand in the first topological order: the calendar's
        points in time order, each event next to its anchor (or to the DCT), so that the
        facts added later rarely need to move many points."""
        rank = {t: k for k, t in enumerate(times)}
        dct_rank = rank[self._dct_start]
        key = [0.0] * len(self._graph.pos)
        for i, iv in enumerate(intervals):
            base = rank[iv.start] if iv is not None and iv.start < iv.end else dct_rank
            key[2 * i] = key[2 * i + 1] = base + 0.5
        for t, node in self._time.items():
            key[node] = rank[t]
        key[self._dct] = dct_rank + 0.25
        return key

    def _facts(self, a: int, rel: Relation, b: int | None) -> list[tuple[int, int]]:
        """The inequalities of ``a rel b`` (``b`` None: the DCT)."""
        s_a, e_a = 2 * a, 2 * a + 1
        s_b, e_b = (self._dct, self._dct) if b is None else (2 * b, 2 * b + 1)
        if rel is Relation.BEFORE:
            return [(e_a, s_b)]
        if rel is Relation.AFTER:
            return [(e_b, s_a)]
        if rel is Relation.OVERLAP:
            return [(s_a, e_b), (s_b, e_a)]
        return []

    def _add(self, facts: list[tuple[int, int]]) -> bool:
        """Add all of ``facts`` or, where one would close a cycle, none."""
        done: list[tuple[int, int]] = []
        for x, y in facts:
            if not self._graph.add(x, y):
                for u, v in done:
                    self._graph.unlink(u, v)
                return False
            done.append((x, y))
        return True

    def _check(self, a: int) -> None:
        if not 0 <= a < self.n:
            raise IndexError(f"no event {a}: the order has {self.n}")

    def relation(self, a: int, b: int) -> Relation:
        """How event ``a`` lies against event ``b``: BEFORE, AFTER, OVERLAP, or VAGUE where
        nothing known fixes it."""
        self._check(a)
        self._check(b)
        if a == b:
            return Relation.OVERLAP
        path = self._graph.path
        if path(2 * a + 1, 2 * b):
            return Relation.BEFORE
        if path(2 * b + 1, 2 * a):
            return Relation.AFTER
        if path(2 * a, 2 * b + 1) and path(2 * b, 2 * a + 1):
            return Relation.OVERLAP
        return Relation.VAGUE

    def to_dct(self, a: int) -> Relation:
        """How event ``a`` lies against the DCT, as the whole order implies it."""
        self._check(a)
        path, d = self._graph.path, self._dct
        if path(2 * a + 1, d):
            return Relation.BEFORE
        if path(d, 2 * a):
            return Relation.AFTER
        if path(2 * a, d) and path(d, 2 * a + 1):
            return Relation.OVERLAP
        return Relation.VAGUE

    def groups(self) -> list[list[int]]:
        """All events in groups, in an order that respects the partial order: when ``a`` is
        before ``b``, ``a``'s group comes first, and two events of one group are never
        ordered against each other. An event stands as late as the order lets it (an
        undated past event just before the DCT, not among the oldest dates)."""
        g = self._graph
        order = sorted(range(len(g.pos)), key=g.pos.__getitem__)
        height = [0] * len(order)
        for node in reversed(order):  # the longest chain of points after each point
            height[node] = max((height[m] + 1 for m in g.succ[node]), default=0)
        by_level: dict[int, list[int]] = {}
        for i in range(self.n):
            by_level.setdefault(-height[2 * i], []).append(i)
        return [by_level[level] for level in sorted(by_level)]


def _topological(size: int, succ: list[list[int]], pred: list[list[int]], key: Sequence[float]) -> list[int] | None:
    """A topological order of the graph, taking the point with the lowest key first among
    those free to go (Kahn's method with a heap); None where the graph has a cycle."""
    waiting = [len(p) for p in pred]
    ready = [(key[k], k) for k in range(size) if not waiting[k]]
    heapq.heapify(ready)
    out: list[int] = []
    while ready:
        _, k = heapq.heappop(ready)
        out.append(k)
        for m in succ[k]:
            waiting[m] -= 1
            if not waiting[m]:
                heapq.heappush(ready, (key[m], m))
    return out if len(out) == size else None
