"""The Dutch rules, one module per family of expressions (matching the corpus files of the
tests, ``tests/corpus/nl/<family>.toml``), each a function of the lexicon's classes.

Rules come in priority order: at each position the longest match wins, and among
equally long ones the earlier rule; blocked readings come first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from timeline.patterns import Rule

from . import (
    absolute,
    anaphoric,
    anchored,
    blocks,
    calendar_unit,
    clock,
    day_clock,
    decade,
    deictic,
    duration,
    holiday,
    month,
    numeric,
    offset,
    ordinal,
    period,
    quarter,
    weekday,
    year,
)
from . import range as ranges  # the modules are named as the corpus files; the names here keep the builtins
from . import set as sets
from .vocab import Vocab

__all__ = ["build_rules"]


def build_rules(lexicon: Mapping[str, Mapping[str, Any]]) -> tuple[Rule, ...]:
    """Every Dutch rule, built over the lexicon's word classes, in priority order."""
    v = Vocab(lexicon)
    families = (blocks.rules, ranges.rules, absolute.rules, numeric.rules, year.rules, weekday.rules, deictic.rules,
                calendar_unit.rules, month.rules, holiday.rules, decade.rules, anchored.rules, offset.rules,
                anaphoric.rules, calendar_unit.stretches, clock.rules, duration.rules, sets.rules,
                ordinal.rules, quarter.rules, period.rules)  # positions in the calendar: longer than what they hold
    found = [rule for family in families for rule in _named(family, v)]
    return (*found, *_named(day_clock.rules, v, found))  # a day and a clock time joined: made of the rules before


def _named(family: Callable[..., list[Rule]], *args: Any) -> list[Rule]:
    """The rules of a family, each told the family's name: the module it is written in."""
    name = family.__module__.rpartition(".")[2]
    return [attrs.evolve(rule, family=name) for rule in family(*args)]
