"""Clock times: ``15:30``, ``15.30 uur``, ``om 7.58``, ``om 9 uur 's ochtends``, ``half drie``,
``kwart over acht``; a part of the day says which half of the day, and a time said on the
12-hour dial without one is in the afternoon from 1 to 6 (``om drie uur``, ``half vier``)."""

from __future__ import annotations

from timeline.lang.common import clock, clock12, clock_at, clock_colon, clock_shape
from timeline.patterns import Opt, Rule, Seq, Words

from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    hour_word, part = v.w("clock_hour_word"), v.part_adverb
    return [
        clock_colon(hour_word, v.w("part_of_day_adverb", "part"), examples=("15:30",)),
        Rule("clock.dot", Seq(clock_shape("hm", "."), hour_word, part),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), examples=("15.30 uur",)),
        Rule("clock.dot_after", Seq(clock_shape("hm", "."), part),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), after=v.lex["clock_cue"],
             examples=("om 7.58",)),
        Rule("clock.hour", Seq(v.hour_word, hour_word, part),
             lambda m: clock12(m["hour"], 0, m.get("part")), after=v.lex["clock_cue"],
             examples=("om 9 uur 's ochtends", "om twee uur")),
        Rule("clock.hour_part", Seq(v.hour_word, hour_word, v.w("part_of_day_adverb", "part")),
             lambda m: clock(m["hour"], 0, m["part"]), examples=("9 uur 's avonds",)),
        Rule("clock.half", Seq(v.w("clock_half"), v.hour12, Opt(hour_word), part),
             lambda m: clock12(m["hour"] - 1, 30, m.get("part")), examples=("half drie", "half drie 's middags")),
        Rule("clock.minutes", Seq(Words(v.clock_minutes, "min"), v.w("clock_offset", "sign"),
                                  Opt(v.w("clock_half", "half")), v.hour12, part),
             lambda m: clock_at(60 * m["hour"] - (30 if "half" in m else 0) + m["sign"] * m["min"], m.get("part")),
             examples=("kwart over acht", "kwart voor negen", "tien over tien", "tien voor half negen")),
    ]
