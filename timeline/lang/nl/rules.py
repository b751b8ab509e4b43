"""Dutch recognition rules: patterns over the word classes of ``lexicon.toml``.

Each rule has a stable id (``family.variant``), a pattern, a builder that turns
the match into an unresolved intent, and examples that the tests run. Rules
come in priority order: at each position the longest match wins, and among
equally long ones the earlier rule. A builder that returns ``None`` blocks:
its tokens are not a time (``Mei Li Vos``).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from ...time.algebra import DayRule, Grain
from ...time.intent import (
    Absolute,
    Anchored,
    Century,
    Clock,
    DayMonth,
    DayOfWeek,
    Decade,
    Deictic,
    Direction,
    Every,
    Holiday,
    Length,
    PartOfYear,
    Ref,
    Relative,
    Stretch,
    Weekend,
)
from ...time.patterns import Alt, Cap, Element, Match, Number, Opt, Part, Rule, Seq, Shape, Words
from .numerals import and_a_half, cardinals, ordinals

SEASONS = ("SP", "SU", "FA", "WI")
_CALENDAR_UNITS = {"week", "maand", "kwartaal", "halfjaar", "jaar", "decennium", "eeuw"}


def build_rules(lex: Mapping[str, Mapping[str, Any]]) -> tuple[Rule, ...]:
    """The rules, built over the lexicon's word classes."""

    def w(cls: str, name: str | None = None) -> Words:
        return Words(lex[cls], name)

    def lit(*words: str, name: str | None = None) -> Words:
        return Words({word: word for word in words}, name)

    # -- derived word classes -------------------------------------------------
    parts = lex["part_of_day"]
    weekday_part = {d + p: (n, code) for d, n in lex["weekday"].items() for p, code in parts.items()}
    set_weekday = {f"'s {d}s": n for d, n in lex["weekday"].items()}
    numbers: dict[str, Any] = {word: Fraction(n) for word, n in cardinals().items()}
    numbers.update({word: n + Fraction(1, 2) for word, n in and_a_half().items()})
    for word, written in lex["numeral_extra"].items():
        numbers[word] = None if written == "X" else Fraction(written)
    units = {word: (Grain[u["grain"].upper()], u.get("size", 1), u.get("plural", False))
             for word, u in lex["unit"].items()}
    calendar_units = {word: u for word, u in units.items() if word in _CALENDAR_UNITS}
    hours12 = {word: int(n) for word, n in numbers.items() if n is not None and n.denominator == 1 and 1 <= n <= 12}
    clock_minutes: dict[str, int] = {word: int(n) for word, n in numbers.items()
                                     if n is not None and n.denominator == 1 and 1 <= n <= 20}
    clock_minutes.update(lex["clock_minutes"])

    # -- shared elements --------------------------------------------------------
    def count(name: str = "n") -> Element:
        return Alt(Number(0, 9999, name), Words(numbers, name))

    def year(name: str = "year") -> Element:
        return Number(1000, 2999, name, exact=4)

    def day(name: str = "day") -> Element:
        return Number(1, 31, name, digits=2)

    def month_any(name: str = "month") -> Element:
        return Alt(w("month", name), w("month_abbr", name))

    hour_word = Alt(Number(0, 24, "hour", digits=2), Words(hours12, "hour"))
    hour12 = Alt(Number(1, 12, "hour", digits=2), Words(hours12, "hour"))
    the = w("the")
    weekday = w("weekday", "weekday")
    direction = w("direction", "direction")
    direction_after = Opt(w("direction_after", "direction_after"))
    part_adverb = Opt(w("part_of_day_adverb", "part"))
    year_of = Alt(year(), Seq(w("shift", "year_shift"), lit("jaar")))  # "2017", "vorig jaar"

    def direction_of(m: Match) -> Direction | None:
        found = m.get("direction") or m.get("direction_after")
        return Direction(found) if found else None

    def real_day(y: int | None, month: int, d: int) -> bool:
        longest = calendar.monthrange(y, month)[1] if y else calendar.monthrange(2000, month)[1]  # a leap year
        return d <= longest

    def date_or_block(y: int | None, month: int, d: int) -> Absolute | DayMonth | None:
        if not real_day(y, month, d):
            return None
        return Absolute(y, month, d) if y else DayMonth(month, d)

    def in_year(m: Match) -> dict[str, Any]:
        if "year" in m:
            return {"year": m["year"]}
        if "year_shift" in m:
            return {"year_shift": m["year_shift"]}
        return {}

    def amount(m: Match, name: str = "n") -> Fraction | None:
        value = m[name]
        return None if value is None else Fraction(value)

    def length(m: Match) -> Length | None:
        grain, size, _ = m["unit"]
        n = amount(m)
        return Length(None if n is None else n * size, grain)

    def whole(m: Match) -> tuple[int, Grain] | None:
        """A count of units as a whole number of the unit or a finer one."""
        n, grain = amount(m), m["unit"][0]
        if n is None:
            return None
        n *= m["unit"][1]
        finer = {Grain.YEAR: (Grain.MONTH, 12), Grain.MONTH: (Grain.DAY, 30), Grain.WEEK: (Grain.DAY, 7),
                 Grain.DAY: (Grain.HOUR, 24), Grain.HOUR: (Grain.MINUTE, 60), Grain.MINUTE: (Grain.SECOND, 60)}
        while n.denominator != 1 and grain in finer:
            grain, factor = finer[grain]
            n *= factor
        return (int(n), grain) if n.denominator == 1 else None

    def clock(hour: int, minute: int, part: str | None) -> Clock | None:
        if part in ("AF", "EV") and hour < 12:
            hour += 12
        elif part in ("NI", "MO") and hour == 12:
            hour = 0
        if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
            return None
        return Clock(hour % 24, minute)

    def clock_at(minutes: int, part: str | None) -> Clock | None:
        """A clock time counted in minutes from midnight, on a 12-hour dial."""
        hour, minute = divmod(minutes % (24 * 60), 60)
        return clock(hour, minute, part)

    def shifted(m: Match, sign: int, anchor: Anchored) -> Relative | Ref | None:
        found = whole(m)
        if found is None:
            return Ref("PAST_REF" if sign < 0 else "FUTURE_REF") if anchor is Anchored.DCT else None
        n, grain = found
        return Relative(sign * n, grain, anchor)

    def dmy(g: Any) -> Absolute | None:
        d, mo, y = int(g[1]), int(g[2]), int(g[3])
        return Absolute(y, mo, d) if 1 <= mo <= 12 and 1000 <= y <= 2999 and d >= 1 and real_day(y, mo, d) else None

    def ymd(g: Any) -> Absolute | None:
        y, mo, d = int(g[1]), int(g[2]), int(g[3])
        return Absolute(y, mo, d) if 1 <= mo <= 12 and 1000 <= y <= 2999 and d >= 1 and real_day(y, mo, d) else None

    def pair(g: Any, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        a, b = int(g[1]), int(g[2])
        return ((a, g.start(1)), (b, g.start(2))) if lo <= a < b <= hi else None

    def sub(m: Match, name: str, which: int) -> tuple[int, int]:
        """Character span of one number inside a token such as ``19-20``."""
        (value, offset), start = m[name][which], m.span(name)[0]
        return start + offset, start + offset + len(str(value))

    def ends(m: Match, name: str) -> tuple[int, int]:
        return m.span(name)

    # -- the rules ---------------------------------------------------------------
    def clock_shape(name: str) -> Shape:
        return Shape(r"(\d{1,2})[.:](\d\d)", lambda g: (int(g[1]), int(g[2])), name)

    letters = Shape(r"[^\W\d_]+", lambda g: True, words=True)
    rules = [
        # Blocked readings first: a capitalized month before another capitalized word is a name.
        Rule("block.name", Seq(Cap(w("month")), Cap(letters)), lambda m: None, examples=("Mei Li Vos",)),
        Rule("block.one_day", Seq(lit("een"), lit("dag")), lambda m: None, after={"op"},
             examples=("op een dag",)),
        Rule("block.the_morning", Seq(the, lit("morgen")), lambda m: None, examples=("de morgen",)),
        Rule("block.idiom", w("idiom"), lambda m: None, examples=("het is vijf voor twaalf",)),

        # Ranges: two expressions; an end that leaves out month or year takes them from the other.
        Rule("range.days", Seq(Opt(w("range_from")), day("d1"), w("range_to"), day("d2"), w("month", "month"),
                                Opt(year())),
             lambda m: _range_parts(((ends(m, "d1"), m["d1"]), (ends(m, "d2"), m["d2"])), m.get("year"),
                                    m["month"], date_or_block, m.span()[1]),
             examples=("van 2 tot 5 maart", "2 t/m 5 maart 2017")),
        Rule("range.days_token", Seq(Shape(r"(\d{1,2})-(\d{1,2})", lambda g: pair(g, 1, 31), "days"),
                                      w("month", "month"), Opt(year())),
             lambda m: _range_parts(((sub(m, "days", 0), m["days"][0][0]), (sub(m, "days", 1), m["days"][1][0])),
                                    m.get("year"), m["month"], date_or_block, m.span()[1]),
             examples=("19-20 november",)),
        Rule("range.years", Seq(w("range_from"), year("y1"), w("range_to"), year("y2")),
             lambda m: (Part(ends(m, "y1"), Absolute(m["y1"])), Part(ends(m, "y2"), Absolute(m["y2"])))
             if m["y1"] < m["y2"] else None,
             examples=("tussen 2014 en 2016", "van 2010 tot 2012")),
        Rule("range.weekdays", Seq(w("range_from"), Alt(weekday, Words(weekday_part, "wp"), name="a"), w("range_to"),
                                   Alt(Words(lex["weekday"], "weekday2"), Words(weekday_part, "wp2"), name="b")),
             lambda m: (Part(ends(m, "a"), DayOfWeek(m["weekday"]) if "weekday" in m
                             else DayOfWeek(m["wp"][0], part=m["wp"][1])),
                        Part(ends(m, "b"), DayOfWeek(m["weekday2"]) if "weekday2" in m
                             else DayOfWeek(m["wp2"][0], part=m["wp2"][1]))),
             examples=("van maandag tot en met vrijdag", "van dinsdagavond tot donderdag")),
        Rule("range.months", Seq(w("range_from"), w("month", "m1"), w("range_to"), w("month", "m2"), Opt(year())),
             lambda m: (Part(ends(m, "m1"), Absolute(m["year"] - (m["m1"] > m["m2"]), m["m1"]) if "year" in m
                             else PartOfYear(Grain.MONTH, m["m1"])),
                        Part((m.span("m2")[0], m.span()[1]), Absolute(m["year"], m["m2"]) if "year" in m
                             else PartOfYear(Grain.MONTH, m["m2"]))),
             examples=("van januari tot maart", "tussen oktober en december 2016")),
        Rule("range.clock", Seq(w("range_from"), clock_shape("hm1"), w("range_to"), clock_shape("hm2"),
                                w("clock_hour_word"), part_adverb),
             lambda m: _parts((ends(m, "hm1"), clock(m["hm1"][0], m["hm1"][1], m.get("part"))),
                              ((m.span("hm2")[0], m.span()[1]), clock(m["hm2"][0], m["hm2"][1], m.get("part")))),
             examples=("van 9.00 tot 17.00 uur", "tussen 14.00 en 16.00 uur")),
        Rule("range.years_token", Shape(r"(\d{4})-(\d{4})", lambda g: pair(g, 1000, 2999), "years"),
             lambda m: (Part(sub(m, "years", 0), Absolute(m["years"][0][0])),
                        Part(sub(m, "years", 1), Absolute(m["years"][1][0]))),
             examples=("2014-2016",)),

        # Absolute dates.
        Rule("date.numeric", Shape(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", dmy, "date"), lambda m: m["date"],
             examples=("14-03-2017", "1-7-2022", "14/03/2017")),
        Rule("date.iso", Shape(r"(\d{4})-(\d\d)-(\d\d)", ymd, "date"), lambda m: m["date"],
             examples=("2017-02-03",)),
        Rule("date.full", Seq(Opt(Alt(weekday, w("weekday_abbr"))), day(), month_any(), year()),
             lambda m: date_or_block(m["year"], m["month"], m["day"]),
             examples=("3 februari 2017", "3 feb. 2017", "vrijdag 3 februari 2017")),
        Rule("date.day_month", Seq(Opt(Alt(weekday, w("weekday_abbr"))), day(), month_any(), direction_after),
             lambda m: _directed(date_or_block(None, m["month"], m["day"]), direction_of(m)),
             examples=("3 februari", "vrijdag 3 februari", "1 maart jl.")),
        Rule("date.month_year", Seq(w("month", "month"), Alt(year(), Seq(Opt(lit("van")), w("shift", "year_shift"),
                                                                       lit("jaar")))),
             lambda m: Absolute(m["year"], m["month"]) if "year" in m
             else PartOfYear(Grain.MONTH, m["month"], year_shift=m["year_shift"]),
             examples=("februari 2017", "december vorig jaar", "maart van dit jaar")),
        Rule("date.year", year(), lambda m: Absolute(m["year"]), after=lex["year_cue"],
             examples=("in 2014", "sinds 2000")),
        Rule("date.the_year", Seq(Opt(the), lit("jaar"), year()), lambda m: Absolute(m["year"]),
             examples=("het jaar 2000",)),
        Rule("date.week", Seq(lit("week"), Number(1, 53, "week", digits=2), Opt(Seq(Opt(lit("van")), year()))),
             lambda m: PartOfYear(Grain.WEEK, m["week"], **(in_year(m) or {"year_shift": 0})),
             examples=("week 12", "week 3 van 2016")),

        # Weekdays.
        Rule("weekday.week", Seq(w("shift", "shift"), lit("week"), weekday),
             lambda m: DayOfWeek(m["weekday"], week_shift=m["shift"]), examples=("vorige week woensdag",)),
        Rule("weekday.week_after", Seq(weekday, w("shift", "shift"), lit("week")),
             lambda m: DayOfWeek(m["weekday"], week_shift=m["shift"]), examples=("woensdag vorige week",)),
        Rule("weekday.part", Seq(Opt(direction), Words(weekday_part, "wp")),
             lambda m: DayOfWeek(m["wp"][0], direction_of(m), part=m["wp"][1]),
             examples=("donderdagavond", "zaterdagochtend", "afgelopen zondagmiddag")),
        Rule("weekday.directed", Seq(direction, weekday), lambda m: DayOfWeek(m["weekday"], direction_of(m)),
             examples=("komende donderdag", "afgelopen maandag", "a.s. vrijdag")),
        Rule("weekday.bare", Seq(weekday, direction_after),
             lambda m: DayOfWeek(m["weekday"], direction_of(m)), examples=("donderdag", "maandag a.s.")),

        # Deictic words and references.
        Rule("deictic.word", w("deictic", "d"),
             lambda m: Ref(m["d"]) if isinstance(m["d"], str)
             else Deictic(m["d"][0], m["d"][1] if len(m["d"]) > 1 else None),
             examples=("gisteren", "morgenochtend", "vanavond")),
        Rule("deictic.ref", w("reference", "ref"), lambda m: Ref(m["ref"]),
             examples=("momenteel", "binnenkort", "onlangs")),

        # Weekends.
        Rule("weekend.this", Seq(Alt(lit("dit"), lit("deze"), the), Opt(lit("hele")), lit("weekend")),
             lambda m: Weekend(), examples=("dit weekend", "het weekend", "het hele weekend")),
        Rule("weekend.shift", Seq(w("next_prev", "shift"), lit("weekend")), lambda m: Weekend(m["shift"]),
             examples=("vorig weekend", "volgend weekend")),
        Rule("weekend.directed", Seq(direction, lit("weekend")), lambda m: Weekend(direction=direction_of(m)),
             examples=("komend weekend", "afgelopen weekend")),

        # Calendar units around the DCT, and stretches that end or start at it.
        Rule("unit.shift", Seq(w("shift", "shift"), Words(calendar_units, "unit")),
             lambda m: Relative(m["shift"], m["unit"][0]) if not m["unit"][2] else None,
             examples=("vorige week", "dit jaar", "volgende maand", "dit kwartaal")),
        Rule("period.ordinal", Seq(the, Words(ordinals(), "nth"), w("period_of_year", "period"),
                                   Opt(Seq(lit("van"), year_of))),
             lambda m: PartOfYear(Grain[m["period"].upper()], m["nth"], **in_year(m))
             if m["nth"] <= (4 if m["period"] == "quarter" else 2) else None,
             examples=("het eerste kwartaal", "het vierde kwartaal van 2016", "de tweede helft van vorig jaar")),

        # Seasons.
        Rule("season.year", Seq(Opt(the), w("season", "season"), Opt(lit("van")), year_of),
             lambda m: PartOfYear(Grain.SEASON, SEASONS.index(m["season"]) + 1, **in_year(m)),
             examples=("de zomer van 2020", "zomer 2020", "het voorjaar van 2018")),
        Rule("season.this", Seq(lit("deze", "dit"), w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, SEASONS.index(m["season"]) + 1, year_shift=0),
             examples=("deze zomer", "deze winter")),
        Rule("season.shift", Seq(w("next_prev", "shift"), w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, SEASONS.index(m["season"]) + 1, year_shift=m["shift"]),
             examples=("volgend voorjaar", "vorige zomer")),
        Rule("season.bare", Seq(Opt(the), Opt(direction), w("season", "season")),
             lambda m: PartOfYear(Grain.SEASON, SEASONS.index(m["season"]) + 1, direction=direction_of(m)),
             examples=("de zomer", "het najaar")),

        # Months.
        Rule("month.bare", Seq(Opt(direction), w("month", "month"), direction_after),
             lambda m: PartOfYear(Grain.MONTH, m["month"], direction=direction_of(m)),
             examples=("december", "afgelopen maart", "mei")),

        # Holidays.
        Rule("holiday.name", Seq(Opt(direction), w("holiday", "holiday"), Opt(year())),
             lambda m: Holiday(m.toks.text[slice(*m.span("holiday"))].lower(), DayRule(**m["holiday"]),
                               direction_of(m), m.get("year")),
             examples=("Pasen", "tweede kerstdag", "Koningsdag 2014", "afgelopen kerst")),

        # Decades and centuries.
        Rule("decade.words", Seq(Opt(the), lit("jaren"), Alt(
            w("decade_tens", "tens"),
            Seq(lit("'"), Number(0, 90, "short", exact=2)),
            Number(10, 90, "short", exact=2),
            Number(1000, 2990, "long", exact=4))),
             lambda m: _decade(m), examples=("de jaren negentig", "de jaren '90", "de jaren 90", "jaren 1980")),
        Rule("century.ordinal", Seq(Opt(the), Alt(Words(ordinals(), "nth"),
                                                  Seq(Number(1, 99, "nth", digits=2), Opt(lit("e", "ste", "de")))),
                                    lit("eeuw")),
             lambda m: Century(m["nth"]), examples=("de twintigste eeuw", "de 19e eeuw")),

        # Offsets from the DCT.
        Rule("offset.ago", Seq(count(), Words(units, "unit"), w("ago")),
             lambda m: shifted(m, -1, Anchored.DCT), examples=("drie dagen geleden", "twee jaar geleden")),
        Rule("offset.ahead", Seq(w("ahead"), count(), Words(units, "unit")),
             lambda m: shifted(m, 1, Anchored.DCT), examples=("over twee weken", "over vijfendertig jaar")),

        # Anaphoric: counted from the last time the text mentioned.
        Rule("anaphora.later", Seq(count(), Words(units, "unit"), w("later", "sign")),
             lambda m: shifted(m, m["sign"], Anchored.REFERENCE), examples=("twee dagen later", "een week eerder")),
        Rule("anaphora.unit_after", Seq(the, Words(calendar_units | {"dag": units["dag"]}, "unit"),
                                        w("later", "sign")),
             lambda m: Relative(m["sign"], m["unit"][0], Anchored.REFERENCE), examples=("de dag erna",)),
        Rule("anaphora.next_day", Seq(the, lit("volgende", "daaropvolgende"),
                                      Alt(lit("dag"), w("part_of_day", "part"))),
             lambda m: Relative(1, Grain.DAY, Anchored.REFERENCE, m.get("part")),
             examples=("de volgende dag", "de volgende ochtend")),
        Rule("anaphora.same", Seq(w("same"), Alt(Words(calendar_units | {"dag": units["dag"]}, "unit"),
                                                 w("part_of_day", "part"))),
             lambda m: Relative(0, m["unit"][0], Anchored.REFERENCE) if "unit" in m and not m["unit"][2]
             else Relative(0, Grain.DAY, Anchored.REFERENCE, m["part"]) if "part" in m else None,
             examples=("diezelfde dag", "die week", "dat jaar", "die avond")),

        Rule("unit.the_shift", Seq(the, w("next_prev", "shift"), Words(calendar_units, "unit")),
             lambda m: Relative(m["shift"], m["unit"][0]) if not m["unit"][2] else None,
             examples=("de vorige eeuw", "het vorige jaar")),
        Rule("stretch.around", Seq(the, Alt(lit("afgelopen", "voorbije", "laatste", name="back"),
                                            lit("komende", "eerstvolgende", "eerstkomende", name="ahead")),
                                   Opt(count()), Words(units, "unit")),
             lambda m: _stretch(m, amount(m) if "n" in m else (None if m["unit"][2] else Fraction(1))),
             examples=("de afgelopen week", "de afgelopen dagen", "het afgelopen jaar", "de komende weken",
                       "de afgelopen drie jaar")),

        # Clock times.
        Rule("clock.colon", Seq(Shape(r"(\d{1,2}):(\d\d)", lambda g: (int(g[1]), int(g[2])), "hm"),
                                Opt(w("clock_hour_word")), part_adverb),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), examples=("15:30",)),
        Rule("clock.dot", Seq(Shape(r"(\d{1,2})\.(\d\d)", lambda g: (int(g[1]), int(g[2])), "hm"),
                              w("clock_hour_word"), part_adverb),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), examples=("15.30 uur",)),
        Rule("clock.dot_after", Seq(Shape(r"(\d{1,2})\.(\d\d)", lambda g: (int(g[1]), int(g[2])), "hm"), part_adverb),
             lambda m: clock(m["hm"][0], m["hm"][1], m.get("part")), after=lex["clock_cue"], examples=("om 7.58",)),
        Rule("clock.hour", Seq(hour_word, w("clock_hour_word"), part_adverb),
             lambda m: clock(m["hour"], 0, m.get("part")), after=lex["clock_cue"],
             examples=("om 9 uur 's ochtends", "om twee uur")),
        Rule("clock.hour_part", Seq(hour_word, w("clock_hour_word"), w("part_of_day_adverb", "part")),
             lambda m: clock(m["hour"], 0, m["part"]), examples=("9 uur 's avonds",)),
        Rule("clock.half", Seq(w("clock_half"), hour12, Opt(w("clock_hour_word")), part_adverb),
             lambda m: clock(m["hour"] - 1, 30, m.get("part")), examples=("half drie", "half drie 's middags")),
        Rule("clock.minutes", Seq(Words(clock_minutes, "min"), w("clock_offset", "sign"),
                                  Opt(w("clock_half", "half")), hour12, part_adverb),
             lambda m: clock_at(60 * m["hour"] - (30 if "half" in m else 0) + m["sign"] * m["min"], m.get("part")),
             examples=("kwart over acht", "kwart voor negen", "tien over tien", "tien voor half negen")),

        # Durations.
        Rule("duration.count", Seq(count(), Words(units, "unit")), length,
             examples=("drie dagen", "twee uur", "anderhalf jaar", "een half jaar", "een kwartier")),
        Rule("duration.long", w("unit_long", "grain"), lambda m: Length(None, Grain[m["grain"].upper()]),
             examples=("jarenlang",)),

        # Sets.
        Rule("set.every", Seq(w("every"), Alt(weekday, Words(weekday_part, "wp"),
                                              Seq(Opt(count()), Words(units, "unit")))),
             lambda m: _every(m, amount), examples=("elke donderdag", "iedere week", "elk jaar", "elke twee weken")),
        Rule("set.adverb", w("set_adverb", "grain"),
             lambda m: Every(unit=Grain[m["grain"].upper()]) if isinstance(m["grain"], str)
             else Every(unit=Grain[m["grain"]["grain"].upper()], amount=m["grain"]["every"]),
             examples=("dagelijks", "wekelijks", "jaarlijks", "tweewekelijks")),
        Rule("set.weekday", Words(set_weekday, "weekday"), lambda m: Every(weekday=m["weekday"]),
             examples=("'s maandags",)),
        Rule("set.om_de", Seq(lit("om"), the, Opt(count()), Words(units, "unit")),
             lambda m: _every(m, amount), examples=("om de twee weken",)),
    ]
    return tuple(rules)


def _directed(intent: Any, direction: Direction | None) -> Any:
    if isinstance(intent, DayMonth) and direction:
        return DayMonth(intent.month, intent.day, direction)
    return intent


def _range_parts(ends: Any, year: int | None, month: int, make: Any, end: int) -> tuple[Part, ...] | None:
    (span1, d1), (span2, d2) = ends
    first, second = make(year, month, d1), make(year, month, d2)
    if first is None or second is None or d1 >= d2:
        return None
    return Part(span1, first), Part((span2[0], end), second)


def _parts(*ends: tuple[tuple[int, int], Any]) -> tuple[Part, ...] | None:
    """Range parts, or None (no expression) when an end is not a valid time."""
    if any(intent is None for _, intent in ends):
        return None
    return tuple(Part(span, intent) for span, intent in ends)


def _stretch(m: Match, n: Fraction | None) -> Stretch:
    grain, size, _ = m["unit"]
    return Stretch(Length(None if n is None else n * size, grain),
                   Direction.BACK if "back" in m else Direction.FORWARD)


def _decade(m: Match) -> Decade:
    if "tens" in m:
        return Decade(m["tens"])
    if "long" in m:
        return Decade(m["long"] // 10 % 10, m["long"] // 100)
    return Decade(m["short"] // 10)


def _every(m: Match, amount: Any) -> Every | None:
    if "weekday" in m:
        return Every(weekday=m["weekday"])
    if "wp" in m:
        return Every(weekday=m["wp"][0], part=m["wp"][1])
    n = amount(m) if "n" in m else Fraction(1)
    if n is None or n.denominator != 1:
        return None
    grain, size, _ = m["unit"]
    return Every(unit=grain, amount=int(n) * size)
