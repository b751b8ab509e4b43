"""Ranges: two expressions, one for each end (``van 2 tot 5 maart``, ``19-20 november``,
``tussen 2014 en 2016``). An end that leaves out its month or year takes them from the other."""

from __future__ import annotations

from typing import Any

from timeline.lang.common import clock, clock_shape, date_or_block, day, year
from timeline.patterns import Ahead, Alt, Match, Number, Opt, Part, Rule, Seq, Shape, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Absolute, DayOfWeek, PartOfYear

from .vocab import Vocab, ends


def rules(v: Vocab) -> list[Rule]:
    return [
        Rule("range.days", Seq(Opt(v.w("range_from")), day("d1"), v.w("range_to"), day("d2"), v.w("month", "month"),
                                Opt(year())),
             lambda m: _range_parts(((ends(m, "d1"), m["d1"]), (ends(m, "d2"), m["d2"])), m.get("year"),
                                    m["month"], m.span()[1]),
             examples=("van 2 tot 5 maart", "2 t/m 5 maart 2017")),
        Rule("range.days_token", Seq(Shape(r"(\d{1,2})-(\d{1,2})", lambda g: _pair(g, 1, 31), "days"),
                                      v.w("month", "month"), Opt(year())),
             lambda m: _range_parts(((_sub(m, "days", 0), m["days"][0][0]), (_sub(m, "days", 1), m["days"][1][0])),
                                    m.get("year"), m["month"], m.span()[1]),
             examples=("19-20 november",)),
        Rule("range.years", Seq(v.w("range_from"), year("y1"), v.w("range_to"), year("y2")),
             lambda m: (Part(ends(m, "y1"), Absolute(m["y1"])), Part(ends(m, "y2"), Absolute(m["y2"])))
             if m["y1"] < m["y2"] else None,
             examples=("tussen 2014 en 2016", "van 2010 tot 2012")),
        Rule("range.weekdays", Seq(v.w("range_from"), Alt(v.weekday, Words(v.weekday_part, "wp"), name="a"),
                                   v.w("range_to"), Alt(v.w("weekday", "weekday2"), Words(v.weekday_part, "wp2"),
                                                        name="b")),
             lambda m: (Part(ends(m, "a"), DayOfWeek(m["weekday"]) if "weekday" in m
                             else DayOfWeek(m["wp"][0], part=m["wp"][1])),
                        Part(ends(m, "b"), DayOfWeek(m["weekday2"]) if "weekday2" in m
                             else DayOfWeek(m["wp2"][0], part=m["wp2"][1]))),
             examples=("van maandag tot en met vrijdag", "van dinsdagavond tot donderdag")),
        Rule("range.months", Seq(v.w("range_from"), v.w("month", "m1"), v.w("range_to"), v.w("month", "m2"),
                                 Opt(year())),
             lambda m: (Part(ends(m, "m1"), Absolute(m["year"] - (m["m1"] > m["m2"]), m["m1"]) if "year" in m
                             else PartOfYear(Grain.MONTH, m["m1"])),
                        Part((m.span("m2")[0], m.span()[1]), Absolute(m["year"], m["m2"]) if "year" in m
                             else PartOfYear(Grain.MONTH, m["m2"]))),
             examples=("van januari tot maart", "tussen oktober en december 2016")),
        # The first end takes "uur" and the part of the day from the second, its day from the reference
        Rule("range.clock", Seq(Opt(v.w("range_from")), clock_shape("hm1"), v.w("range_to"), clock_shape("hm2"),
                                v.w("clock_hour_word"), v.part_adverb),
             lambda m: _parts((ends(m, "hm1"), clock(m["hm1"][0], m["hm1"][1], m.get("part"))),
                              ((m.span("hm2")[0], m.span()[1]), clock(m["hm2"][0], m["hm2"][1], m.get("part")))),
             examples=("van 9.00 tot 17.00 uur", "tussen 14.00 en 16.00 uur", "11.00 - 17.00 uur")),
        Rule("range.clock_token", Seq(Shape(_CLOCKS, _clocks, "hms"), v.w("clock_hour_word"), v.part_adverb),
             lambda m: _parts(*((_sub(m, "hms", k), clock(m["hms"][k][0][0], m["hms"][k][0][1], m.get("part")))
                                for k in (0, 1)), end=m.span()[1]),
             examples=("11.00-17.00 uur", "9:30-12:00 uur")),
        Rule("range.hours", Seq(v.w("range_from"), v.hour_word, v.w("range_to"), Number(0, 24, "h2", digits=2),
                                v.w("clock_hour_word"), v.part_adverb, Ahead(v.w("clock_range_not"), negate=True)),
             lambda m: _parts((ends(m, "hour"), clock(m["hour"], 0, m.get("part"))),
                              ((m.span("h2")[0], m.span()[1]), clock(m["h2"], 0, m.get("part"))))
             if m["hour"] < m["h2"] else None,
             examples=("van 9 tot 17 uur", "tussen 14 en 16 uur")),
        Rule("range.years_token", Shape(r"(\d{4})-(\d{4})", lambda g: _pair(g, 1000, 2999), "years"),
             lambda m: (Part(_sub(m, "years", 0), Absolute(m["years"][0][0])),
                        Part(_sub(m, "years", 1), Absolute(m["years"][1][0]))),
             examples=("2014-2016",)),
    ]


def _pair(g: Any, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two numbers in one token (``19-20``), each with where it starts in the token."""
    a, b = int(g[1]), int(g[2])
    return ((a, g.start(1)), (b, g.start(2))) if lo <= a < b <= hi else None


def _sub(m: Match, name: str, which: int) -> tuple[int, int]:
    """Character span of one number inside a token such as ``19-20`` (or of one clock time,
    with its written length, in ``11.00-17.00``)."""
    (value, offset), start = m[name][which][:2], m.span(name)[0]
    size = m[name][which][2] if len(m[name][which]) > 2 else len(str(value))
    return start + offset, start + offset + size


_CLOCKS = r"(\d{1,2}[.:]\d\d)-(\d{1,2}[.:]\d\d)"


def _clocks(g: Any) -> tuple[tuple[tuple[int, int], int, int], ...] | None:
    """Two clock times in one token (``11.00-17.00``): each as (hour, minute), where it starts
    in the token and how long it is written."""
    found = tuple(((int(g[k][:-3]), int(g[k][-2:])), g.start(k), len(g[k])) for k in (1, 2))
    return found if found[0][0] < found[1][0] else None


def _range_parts(ends_: Any, year_: int | None, month: int, end: int) -> tuple[Part, ...] | None:
    (span1, d1), (span2, d2) = ends_
    first, second = date_or_block(year_, month, d1), date_or_block(year_, month, d2)
    if first is None or second is None or d1 >= d2:
        return None
    return Part(span1, first), Part((span2[0], end), second)


def _parts(*ends_: tuple[tuple[int, int], Any], end: int | None = None) -> tuple[Part, ...] | None:
    """Range parts, or None (no expression) when an end is not a valid time; ``end``
    stretches the last part to the end of the match (over "uur")."""
    if any(intent is None for _, intent in ends_):
        return None
    if end is not None:
        (start, _), intent = ends_[-1]
        ends_ = (*ends_[:-1], ((start, end), intent))
    return tuple(Part(span, intent) for span, intent in ends_)
