"""Clock times: ``15:30``, ``15.30 uur``, ``om 7.58``, ``om 9 uur 's ochtends``, ``half drie``,
``kwart over acht``, ``15u30``, ``om 11h``, ``om 12 uur 30``, ``middernacht``; a part of the day
says which half of the day, and a time said on the 12-hour dial without one is in the afternoon
from 1 to 6 (``om drie uur``, ``half vier``). A time zone after a clock time belongs to it
(``14:00 CET``, ``10.00 uur Nederlandse tijd``); its value is not converted. A part of the day
alone (``'s ochtends``, ``in de ochtend``) is that part of the day last named, or the DCT's."""

from __future__ import annotations

from timeline.lang.common import clock, clock12, clock_at, clock_colon, clock_shape
from timeline.patterns import Number, Opt, Rule, Seq, Words
from timeline.time.algebra import Grain
from timeline.time.intent import Anchored, Clock, Relative

from .vocab import Vocab


def rules(v: Vocab) -> list[Rule]:
    hour_word, part, zone = v.w("clock_hour_word"), v.part_adverb, Opt(v.w("time_zone"))
    hour = Number(0, 24, "hour", digits=2)
    return [
        clock_colon(hour_word, v.w("part_of_day_adverb", "part"), examples=("15:30", "14:00 CET"),
                    tail=v.w("time_zone")),
        Rule("clock.dot", Seq(clock_shape("hm", "."), hour_word, part, zone),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")),
             examples=("15.30 uur", "10.00 uur Nederlandse tijd")),
        Rule("clock.dot_after", Seq(clock_shape("hm", "."), part, zone),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), after=v.lex["clock_cue"],
             examples=("om 7.58",)),
        Rule("clock.hour", Seq(v.hour_word, hour_word, part, zone),
             lambda m: clock12(m["hour"], 0, m.get("part")), after=v.lex["clock_cue"],
             examples=("om 9 uur 's ochtends", "om twee uur", "om 9 uur Belgische tijd")),
        Rule("clock.hour_part", Seq(v.hour_word, hour_word, v.w("part_of_day_adverb", "part"), zone),
             lambda m: clock(m["hour"], 0, m["part"]), examples=("9 uur 's avonds",)),
        Rule("clock.half", Seq(v.w("clock_half"), v.hour12, Opt(hour_word), part),
             lambda m: clock12(m["hour"] - 1, 30, m.get("part")), examples=("half drie", "half drie 's middags")),
        Rule("clock.minutes", Seq(Words(v.clock_minutes, "min"), v.w("clock_offset", "sign"),
                                  Opt(v.w("clock_half", "half")), v.hour12, part),
             lambda m: clock_at(60 * m["hour"] - (30 if "half" in m else 0) + m["sign"] * m["min"], m.get("part")),
             examples=("kwart over acht", "kwart voor negen", "tien over tien", "tien voor half negen")),
        # "15u30", "15h30": the letter stands for the hour; "15u", "11h" alone only where a clock time is due
        Rule("clock.letter", Seq(hour, v.w("clock_letter"), Number(0, 59, "minute", exact=2), part, zone),
             lambda m: clock(m["hour"], m["minute"], m.get("part")), examples=("15u30", "15h30", "9u05")),
        Rule("clock.letter_hour", Seq(hour, v.w("clock_letter"), part, zone),
             lambda m: clock(m["hour"], 0, m.get("part")), after=v.lex["clock_cue"], examples=("om 11h", "om 15u")),
        # "om 12 uur 30": the minutes after the hour word, in two digits
        Rule("clock.hour_minutes", Seq(hour, hour_word, Number(0, 59, "minute", exact=2), part, zone),
             lambda m: clock(m["hour"], m["minute"], m.get("part")), after=v.lex["clock_cue"],
             examples=("om 12 uur 30", "om 15 uur 30")),
        Rule("clock.midnight", v.w("midnight"), lambda m: Clock(24, 0), examples=("middernacht", "om middernacht")),
        Rule("clock.part", v.w("part_of_day_adverb", "part"),
             lambda m: Relative(0, Grain.DAY, Anchored.REFERENCE, m["part"]), examples=("'s ochtends", "'s avonds")),
        Rule("clock.in_part", Seq(v.the, v.w("part_of_day", "part")),
             lambda m: Relative(0, Grain.DAY, Anchored.REFERENCE, m["part"]), after=v.lex["part_of_day_cue"],
             examples=("in de ochtend", "in de avond")),
    ]
