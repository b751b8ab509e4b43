"""Offsets from a day the text names (``drie dagen na Pasen``, ``een week voor kerst``,
``vier weken vanaf vandaag``, ``de dag na Hemelvaart``), and sums of units, as an offset
(``1 jaar, 2 maanden en 10 dagen geleden``) or a length (``een uur en twintig minuten``)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from timeline.lang.common import date_or_block, day, year
from timeline.patterns import Alt, Match, Opt, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Deictic, Holiday, Intent, Length, Shifted

from .vocab import _FINER, Vocab, amount, whole


def rules(v: Vocab) -> list[Rule]:
    days = {word: d for word, d in v.lex["deictic"].items() if isinstance(d, dict)}
    anchor = Alt(v.w("holiday", "holiday"), Words(days, "d"), Seq(day(), v.month_any(), Opt(year())))
    single = {word: u for word, u in v.units.items() if not u[2] and u[0] >= Grain.DAY}
    side = v.w("anchor_side", "side")
    return [
        Rule("anchored.offset", Seq(v.count(), Words(v.units, "unit"), side, anchor),
             lambda m: _from(m, _step(m, m["side"])), examples=("drie dagen na Pasen", "een week voor kerst",
                                                                "vier weken vanaf vandaag", "twee dagen na 3 maart")),
        Rule("anchored.the_unit", Seq(v.the, Words(single, "unit"), side, anchor),
             lambda m: _from(m, ((m["side"], m["unit"][0]),)), examples=("de dag na Hemelvaart",
                                                                         "de dag voor Koningsdag")),
        Rule("anchored.sum_ago", Seq(_terms(v), v.w("ago")), lambda m: _sum(m, -1),
             examples=("1 jaar, 2 maanden en 10 dagen geleden", "twee jaar en drie maanden geleden")),
        Rule("anchored.sum_ahead", Seq(v.w("ahead"), _terms(v)), lambda m: _sum(m, 1),
             examples=("over een week en twee dagen",)),
        Rule("anchored.sum_length", _terms(v), _sum_length,
             examples=("een uur en twintig minuten", "twee jaar en zes maanden", "1 uur en 15 minuten")),
    ]


def _terms(v: Vocab) -> Seq:
    """Two or three counts of units, the last after ``en``: ``1 jaar, 2 maanden en 10 dagen``."""
    return Seq(v.count("n1"), Words(v.units, "u1"), Opt(Seq(v.w("sum_comma"), v.count("n2"), Words(v.units, "u2"))),
               v.w("sum_and"), v.count("n3"), Words(v.units, "u3"))


def _parts(m: Match) -> list[tuple[int, Grain]] | None:
    """The terms as whole counts of their units, coarsest first; None if they are not."""
    out: list[tuple[int, Grain]] = []
    for k in ("1", "2", "3"):
        if "u" + k not in m:
            continue
        n = amount(m, "n" + k)
        grain, size, _ = m["u" + k]
        if n is None or (n * size).denominator != 1 or (out and out[-1][1] <= grain):
            return None
        out.append((int(n * size), grain))
    return out


def _sum(m: Match, sign: int) -> Shifted | None:
    parts = _parts(m)
    return None if parts is None else Shifted(tuple((sign * n, grain) for n, grain in parts))


def _sum_length(m: Match) -> Length | None:
    """A sum said as one length in its finest unit: ``een uur en twintig minuten`` is PT80M."""
    parts = _parts(m)
    if parts is None:
        return None
    finest = parts[-1][1]
    total = Fraction(0)
    for n, grain in parts:
        factor = 1
        while grain != finest and grain in _FINER:
            grain, by = _FINER[grain]
            factor *= by
        if grain != finest:
            return None
        total += n * factor
    return Length(total, finest)


def _step(m: Match, sign: int) -> tuple[tuple[int, Grain], ...] | None:
    found = whole(m)
    return None if found is None else ((sign * found[0], found[1]),)


def _from(m: Match, steps: Any) -> Shifted | None:
    """The steps counted from the anchor; a fraction of a day or longer (``anderhalve week voor
    kerst``) keeps the value at its own unit's grain."""
    base: Intent | None
    if "holiday" in m:
        base = Holiday(m.toks.text[slice(*m.span("holiday"))].lower(), m["holiday"])
    elif "d" in m:
        base = Deictic(m["d"]["days"], m["d"]["part"])
    else:
        base = date_or_block(m.get("year"), m["month"], m["day"])
    if steps is None or base is None:
        return None
    unit = m["unit"][0]
    coarse = unit if unit >= Grain.DAY and steps[-1][1] < Grain.DAY else None
    return Shifted(steps, base, coarse)
