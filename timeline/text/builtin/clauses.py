"""Clauses: a subordinator opens one, clause punctuation closes it; after a comma the
clause still waiting for its finite verb resumes, so an inserted clause or an
apposition does not cut the main clause in two; a clause with no verb at all
("als minister") belongs to the clause around it."""

from __future__ import annotations

from .lexicon import FIN, INF, NO, PART
from .state import Analysis

__all__ = ["clauses", "merge"]

DEPTH = 8  # how many enclosing clauses a comma looks back through


def clauses(an: Analysis) -> tuple[list[int], list[bool]]:
    """Number the clauses; returns each clause's parent (the clause it interrupts) and
    whether a subordinator opened it."""
    n, verb, opener, clause = an.n, an.verb, an.opener, an.clause
    segments: list[tuple[int, int]] = []  # runs of tokens between clause punctuation
    start = 0
    for mark in [i for i, is_boundary in enumerate(an.boundary) if is_boundary]:
        if start < mark:
            segments.append((start, mark))
        start = mark + 1
    if start < n:
        segments.append((start, n))
    if len(segments) <= 1 and not any(opener):  # one stretch, no subordinator: one clause
        return [-1], [False]
    finite, plain = [False] * n, [False] * n  # plain: finite, and spelled as nothing else
    for i, v in enumerate(verb):
        if v is not None:
            finite[i] = v.kind != PART and v.kind != INF and v.level >= 1 and not an.te[i]
            plain[i] = v.kind == FIN
    # Only openers and finite verbs move to another clause; the words between stay in it.
    turns = [i for i in range(n) if opener[i] or finite[i]]
    starts = [finite[a] for a, _ in segments]
    has = [any(finite[a:b]) for a, b in segments]
    parent, sub, has_finite, has_firm, used = [-1], [False], [False], [False], [False]

    def new(up: int, subordinate: bool) -> int:
        parent.append(up)
        sub.append(subordinate)
        has_finite.append(False)
        has_firm.append(False)
        used.append(False)
        return len(parent) - 1

    def waiting(c: int) -> int:
        """The innermost clause from ``c`` outward that still lacks its finite verb (-1: none)."""
        for _ in range(DEPTH):
            if c < 0:
                return -1
            if not has_finite[c]:
                return c
            c = parent[c]
        return -1

    cur = 0
    done = 0  # tokens before this have their clause
    q = 0  # the next of the turns
    for k, (a, b) in enumerate(segments):
        clause[done:a] = [cur] * (a - done)
        if k > 0 and not opener[a]:
            target = waiting(cur)
            if starts[k]:  # "..., zei de minister" / "Omdat ..., ging hij"
                cur = target if target >= 0 else new(0, False)
            elif has[k]:
                if target >= 0 and used[target] and k + 1 < len(segments) and starts[k + 1]:
                    cur = new(target, False)  # "Het plan, zo zei hij, is klaar": an inserted clause
                else:
                    cur = target if target >= 0 else new(0, False)
            elif target >= 0:
                cur = target  # an apposition or list: back to the clause that waits for its verb
            elif cur > 0 and not sub[cur]:
                cur = parent[cur]  # "Hij legde, zo zei hij, ... op": an inserted clause has ended
        at = a  # the tokens from here up to the next turn stay in the current clause
        while q < len(turns) and turns[q] < b:
            j = turns[q]
            q += 1
            if at < j:
                clause[at:j] = [cur] * (j - at)
                used[cur] = True
            if opener[j]:
                cur = new(cur, True)
            elif finite[j] and sub[cur] and j > 0 and an.tag[j - 1] != "CCONJ" and (
                    (has_firm[cur] and plain[j]) or (j + 1 < n and an.low[j + 1] in an.t.subjects)):
                # "Omdat hij ziek was ging hij ...": the subordinate clause is complete, or the
                # verb comes before its subject: the verb is the enclosing clause's.
                target = waiting(parent[cur])
                if target >= 0:
                    cur = target
            clause[j] = cur
            used[cur] = True
            if finite[j]:
                has_finite[cur] = True
                has_firm[cur] = has_firm[cur] or plain[j]
            at = j + 1
        if at < b:
            clause[at:b] = [cur] * (b - at)
            used[cur] = True
        done = b
    clause[done:n] = [cur] * (n - done)
    return parent, sub


def merge(a: Analysis, parent: list[int], members: dict[int, list[int]]) -> None:
    """A clause with no verb ("als minister") belongs to the clause around it; then
    number the clauses in order of appearance, the main clause 0."""
    alias = list(range(len(parent)))
    for c in range(1, len(parent)):
        if not any(a.role[i] != NO for i in members.get(c, ())):
            alias[c] = alias[parent[c]] if parent[c] >= 0 else 0
    number = {0: 0}
    for i in range(a.n):
        c = alias[a.clause[i]]
        a.clause[i] = number.setdefault(c, len(number))
