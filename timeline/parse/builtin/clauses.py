"""Clauses: a subordinator opens one, clause punctuation closes it; after a comma the
clause still waiting for its finite verb resumes, so an inserted clause or an
apposition does not cut the main clause in two; a coordinator between two finite
verbs of one clause starts a clause of its own ("Hij vertrok maandag en keert
donderdag terug": each has its own tense, as a tree parser's ``conj`` does); a clause
with no finite verb ("als minister") belongs to the clause around it."""

from __future__ import annotations

import itertools
import operator

from .lexicon import FIN, FINITE, INF, PART
from .state import Analysis

__all__ = ["clauses", "merge"]

DEPTH = 8  # how many enclosing clauses a comma looks back through


class _Clauses:
    """The clauses found so far: each one's parent (the clause it interrupts), whether a
    subordinator opened it, whether it has its finite verb (and one spelled as nothing
    else), and whether it holds a token yet."""

    __slots__ = ("has_finite", "has_firm", "parent", "sub", "used")

    def __init__(self) -> None:
        self.parent, self.sub, self.has_finite, self.has_firm, self.used = [-1], [False], [False], [False], [False]

    def new(self, up: int, subordinate: bool) -> int:
        self.parent.append(up)
        self.sub.append(subordinate)
        self.has_finite.append(False)
        self.has_firm.append(False)
        self.used.append(False)
        return len(self.parent) - 1

    def waiting(self, c: int) -> int:
        """The innermost clause from ``c`` outward that still lacks its finite verb (-1: none)."""
        for _ in range(DEPTH):
            if c < 0:
                return -1
            if not self.has_finite[c]:
                return c
            c = self.parent[c]
        return -1


def clauses(an: Analysis) -> tuple[list[int], list[bool]]:
    """Number the clauses; returns each clause's parent (the clause it interrupts) and
    whether a subordinator opened it."""
    n, opener, clause = an.n, an.opener, an.clause
    segments = _segments(an)
    joins = [tag == "CCONJ" for tag in an.tag] if "CCONJ" in an.tag else [False] * n
    if len(segments) <= 1 and not any(opener) and not any(joins):  # one stretch, no subordinator: one clause
        return [-1], [False]
    finite, plain = _finite(an)
    # Only openers, coordinators and finite verbs move to another clause; the words between stay in it.
    turns = list(itertools.compress(range(n), map(operator.or_, map(operator.or_, opener, finite), joins)))
    found = _Clauses()
    cur = 0
    done = 0  # tokens before this have their clause
    q = 0  # the next of the turns
    for k, (a, b) in enumerate(segments):
        clause[done:a] = [cur] * (a - done)
        if k > 0 and not opener[a]:
            cur = _resume(found, cur, k, segments, finite)
        at = a  # the tokens from here up to the next turn stay in the current clause
        join = -1  # a coordinator after the current clause's finite verb: a second clause may start there
        while q < len(turns) and turns[q] < b:
            j = turns[q]
            q += 1
            if at < j:
                clause[at:j] = [cur] * (j - at)
                found.used[cur] = True
            at = j + 1
            if joins[j] and not opener[j] and not finite[j]:
                clause[j] = cur
                join = j if found.has_finite[cur] else -1
                continue
            if join >= 0 and finite[j] and not opener[j]:  # "... vertrok maandag en keert ... terug"
                cur = found.new(cur, found.sub[cur])
                clause[join:j] = [cur] * (j - join)
            join = -1
            cur = _turn(an, found, cur, j, finite, plain)
        if at < b:
            clause[at:b] = [cur] * (b - at)
            found.used[cur] = True
        done = b
    clause[done:n] = [cur] * (n - done)
    return found.parent, found.sub


def _segments(an: Analysis) -> list[tuple[int, int]]:
    """The runs of tokens between clause punctuation."""
    segments = []
    start = 0
    for mark in itertools.compress(range(an.n), an.boundary):
        if start < mark:
            segments.append((start, mark))
        start = mark + 1
    if start < an.n:
        segments.append((start, an.n))
    return segments


def _finite(an: Analysis) -> tuple[list[bool], list[bool]]:
    """Which words are finite verb forms here, and which of those are spelled as nothing else."""
    finite, plain = [False] * an.n, [False] * an.n
    may_be_verbs = zip(itertools.compress(range(an.n), an.verb), filter(None, an.verb), strict=True)
    for i, v in may_be_verbs:
        finite[i] = v.kind != PART and v.kind != INF and v.level >= 1 and not an.te[i]
        plain[i] = v.kind == FIN
    return finite, plain


def _resume(found: _Clauses, cur: int, k: int, segments: list[tuple[int, int]], finite: list[bool]) -> int:
    """The clause that segment ``k`` (after a comma, not a subordinator) goes on with."""
    a, b = segments[k]
    target = found.waiting(cur)
    if finite[a]:  # "..., zei de minister" / "Omdat ..., ging hij"
        return target if target >= 0 else found.new(0, False)
    if any(finite[a:b]):
        if (target >= 0 and found.used[target] and not found.sub[target] and k + 1 < len(segments)
                and finite[segments[k + 1][0]]):
            # "Het plan, zo zei hij, is klaar": an inserted clause (in a subordinate clause the
            # segment goes on with it: "Sinds hij een jaar, twee maanden geleden verdween, zoekt ...")
            return found.new(target, False)
        return target if target >= 0 else found.new(0, False)
    if target >= 0:
        return target  # an apposition or list: back to the clause that waits for its verb
    if cur > 0 and not found.sub[cur]:
        return found.parent[cur]  # "Hij legde, zo zei hij, ... op": an inserted clause has ended
    return cur


def _turn(an: Analysis, found: _Clauses, cur: int, j: int, finite: list[bool], plain: list[bool]) -> int:
    """Token ``j``, an opener or a finite verb: the clause it is in, which the words after it
    stay in."""
    if an.opener[j]:
        cur = found.new(cur, True)
    elif finite[j] and found.sub[cur] and j > 0 and an.tag[j - 1] != "CCONJ" and (
            (found.has_firm[cur] and plain[j]) or (j + 1 < an.n and an.low[j + 1] in an.t.subjects)):
        # "Omdat hij ziek was ging hij ...": the subordinate clause is complete, or the
        # verb comes before its subject: the verb is the enclosing clause's.
        target = found.waiting(found.parent[cur])
        if target >= 0:
            cur = target
    an.clause[j] = cur
    found.used[cur] = True
    if finite[j]:
        found.has_finite[cur] = True
        found.has_firm[cur] = found.has_firm[cur] or plain[j]
    return cur


def merge(a: Analysis, parent: list[int], verbs: list[int]) -> None:
    """A clause with no finite verb ("als minister", "als president niet uitgelaten")
    belongs to the clause around it, and its verbs to that clause's verb group; then
    number the clauses in order of appearance, the main clause 0. ``verbs``: the words
    with a verb role."""
    verbal = {a.clause[i] for i in verbs if a.role[i] == FINITE}
    alias = list(range(len(parent)))
    for c in range(1, len(parent)):
        if c not in verbal:
            alias[c] = alias[parent[c]] if parent[c] >= 0 else 0
    aliased = list(map(alias.__getitem__, a.clause))
    # Numbers in order of first appearance, 0 kept for the main clause (dicts keep order).
    number = {c: k for k, c in enumerate(dict.fromkeys(itertools.chain((0,), aliased)))}
    a.clause[:] = map(number.__getitem__, aliased)
