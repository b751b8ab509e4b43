"""A day and a clock time written together, one TIME expression (guidelines 4b): ``morgen om
8 uur``, ``vrijdag 3 februari om 14.00 uur``, ``16 nov. 2016 11:52``, ``3 februari 2017, 14:32``,
``vanavond om 8 uur`` (the part of the day sets the half of a 12-hour clock time: 20:00),
``'s nachts om elf uur``. Weekday abbreviations (``za``, ``do.``) are weekdays only right
before a date or a clock time: ``za 14:00``, ``vr 2017-02-03``; next to a date, the date decides.

Whatever names a day, and whatever names a clock time, joins here. The clock time is
matched with the clock family's rules (:class:`~timeline.patterns.nested.Sub`); the day is
the mention the other families have just found (:class:`~timeline.patterns.Extends`), so it
is not matched twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from timeline.lang.common import clock
from timeline.patterns import DIGIT, NUMERIC, Extends, Number, Opt, Rule, Seq
from timeline.patterns.looks import Near
from timeline.patterns.nested import Sub, rebuild
from timeline.time.algebra import Grain
from timeline.time.intent import Absolute, Clock, DayMonth, DayOfWeek, Deictic, Holiday, Intent, Relative

from .vocab import Vocab

# The families whose rules may name a day. Only these are joined: the index of a joined rule
# holds the first two tokens of every rule it is made of, and the other families (years
# written out, durations, sets) would multiply them by thousands for no day.
_DAY_FAMILIES = frozenset({"absolute", "numeric", "weekday", "deictic", "holiday", "anaphoric", "ordinal",
                           "offset", "anchored", "clock"})  # clock: a part of the day alone, "'s nachts"


def rules(v: Vocab, before: Sequence[Rule]) -> list[Rule]:
    """The joined rules, over ``before``: every rule of the families before this one."""
    day_rules = [rule for rule in before if rule.family in _DAY_FAMILIES]
    dates = Sub(day_rules, "day", _is_date)
    clocks = Sub([rule for rule in before if rule.family == "clock"], "clock", _is_clock)
    abbr, join = v.w("weekday_abbr", "abbr"), Opt(v.w("clock_join"))
    # After a day the engine tries what may follow it (Extends): the day is not matched again.
    day = Extends("day", _DAY_FAMILIES, _is_day)
    # Where no clock time can follow within reach, a date after an abbreviation is not worth
    # matching: a joining word, a clock in one token (15.30, 11:52), a number before
    # "uur"/"u"/"h", or a word only clock times have (half, kwart, middernacht) must stand close by.
    numbers = frozenset({DIGIT, *v.hours12})
    clock_tokens = frozenset({NUMERIC, *v.lex["clock_join"], *v.lex["clock_half"], *v.lex["clock_minutes"],
                              *v.lex["midnight"]}) - {","}
    near = Near(clock_tokens, dates.longest() + 2, numbers,
                frozenset({*v.lex["clock_hour_word"], *v.lex["clock_letter"]}))
    return [
        Rule("day_clock.joined", Seq(join, clocks), _joined, extends=day,
             examples=("morgen om 8 uur", "vrijdag 3 februari om 14.00 uur", "16 nov. 2016 11:52",
                       "vanavond om 8 uur", "'s nachts om elf uur", "3 februari 2017, 14:32")),
        # "dinsdag 22u", "van dinsdag 22u tot donderdag 22u": after a day the hour and letter is a clock time
        Rule("day_clock.letter_hour", Seq(join, Number(0, 24, "hour", digits=2), v.w("clock_letter"),
                                          v.part_adverb, Opt(v.w("time_zone"))), _letter_hour, extends=day,
             examples=("dinsdag 22u", "donderdag 9h", "morgen 14u")),
        Rule("day_clock.abbr_joined", Seq(abbr, near, dates, join, clocks), _joined,
             examples=("vr 2017-02-03 om 9 uur",)),
        Rule("day_clock.abbr_clock", Seq(abbr, clocks), lambda m: attrs.evolve(m["clock"][0], day=DayOfWeek(m["abbr"])),
             examples=("za 14:00", "zo 10u30")),
        Rule("day_clock.abbr_date", Seq(abbr, dates), lambda m: m["day"][0], examples=("vr 2017-02-03",)),
    ]


def _joined(m: Any) -> Intent | None:
    """The clock time on the day: a part of the day the day names ("vanavond") reads the clock."""
    day = m["day"][0]
    found = rebuild(m, "clock", part=getattr(day, "part", None))
    return attrs.evolve(found, day=day) if isinstance(found, Clock) else None


def _letter_hour(m: Any) -> Intent | None:
    day = m["day"][0]
    found = clock(m["hour"], 0, m.get("part") or getattr(day, "part", None))
    return attrs.evolve(found, day=day) if found is not None else None


def _is_date(intent: Any) -> bool:
    """A calendar date: the day and month, maybe the year."""
    return isinstance(intent, DayMonth) or (isinstance(intent, Absolute) and intent.day is not None)


def _is_day(intent: Any) -> bool:
    """A meaning that names one day (or a part of one)."""
    if isinstance(intent, (DayOfWeek, Deictic, Holiday)):
        return True
    return _is_date(intent) or (isinstance(intent, Relative) and intent.unit is Grain.DAY)


def _is_clock(intent: Any) -> bool:
    return isinstance(intent, Clock) and intent.day is None
