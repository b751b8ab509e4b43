"""Invariants of recognition and resolution, over generated inputs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from timeline import Anchor, Tense, recognize, resolve
from timeline.expressions.find import mentions_in
from timeline.lang import load_language
from timeline.time.algebra import Grain, containing
from timeline.time.intent import DayMonth, DayOfWeek, Direction, PartOfYear
from timeline.time.resolve import reads_tense, uses_reference

from .strategies import dcts, weekdays

TENSES = st.sampled_from(list(Tense))
EXPRESSIONS = st.sampled_from([
    "donderdag", "vorige week", "3 februari 2017", "in december", "twee dagen later", "dit weekend",
    "de afgelopen week", "om 15.30 uur", "elke maandag", "begin januari", "tweede kerstdag", "de jaren negentig",
    "drie dagen geleden", "van 2 tot 5 maart", "zondagmiddag", "het vierde kwartaal",
])


@given(weekdays(), dcts)
def test_a_past_weekday_lies_in_the_seven_days_up_to_the_dct(wd: int, dct: date) -> None:
    found = resolve(DayOfWeek(wd), Anchor(dct, Tense.PAST)).interval
    assert found is not None
    day = found.start.date()
    assert day.isoweekday() == wd and dct - timedelta(days=6) <= day <= dct


@given(weekdays(), dcts, st.sampled_from([Tense.PRESENT, Tense.FUTURE]))
def test_a_forward_weekday_lies_in_the_seven_days_from_the_dct(wd: int, dct: date, tense: Tense) -> None:
    found = resolve(DayOfWeek(wd), Anchor(dct, tense)).interval
    assert found is not None
    day = found.start.date()
    assert day.isoweekday() == wd and dct <= day <= dct + timedelta(days=6)


@given(weekdays(), dcts, TENSES)
def test_a_forcing_modifier_beats_the_tense(wd: int, dct: date, tense: Tense) -> None:
    back = resolve(DayOfWeek(wd, Direction.BACK), Anchor(dct, tense)).interval
    ahead = resolve(DayOfWeek(wd, Direction.FORWARD), Anchor(dct, tense)).interval
    assert back is not None and ahead is not None
    assert back.start.date() <= dct <= ahead.start.date()


@given(st.integers(1, 12), dcts, TENSES)
def test_a_bare_month_lies_within_eleven_months_of_the_dct(month: int, dct: date, tense: Tense) -> None:
    found = resolve(PartOfYear(Grain.MONTH, month), Anchor(dct, tense)).interval
    assert found is not None and found.start.month == month
    distance = (found.start.year - dct.year) * 12 + found.start.month - dct.month
    assert (-11 <= distance <= 0) if tense is Tense.PAST else (0 <= distance <= 11)


@given(st.integers(1, 12), st.integers(1, 31), dcts, TENSES)
def test_a_day_and_month_resolves_to_that_day_on_the_right_side(month: int, day: int, dct: date,
                                                                tense: Tense) -> None:
    resolved = resolve(DayMonth(month, day), Anchor(dct, tense))
    try:
        date(2000, month, day)  # a leap year: 29 February is a day, 30 February is none
    except ValueError:
        assert resolved.interval is None and resolved.value == "XXXX", "a day no year has"
        return
    assert resolved.interval is not None, "every day of the calendar comes round within a few years"
    found = resolved.interval.start.date()
    assert (found.month, found.day) == (month, day) and resolved.value == found.isoformat()
    assert found <= dct if tense is Tense.PAST else found >= dct
    nearer = found.replace(year=found.year + (1 if tense is Tense.PAST else -1)) if (month, day) != (2, 29) else None
    if nearer is not None:  # the nearest such day on that side: one year closer is on the other side
        assert nearer > dct if tense is Tense.PAST else nearer < dct


SURROUNDINGS = st.text(alphabet="xqİ é—’“”😀.,;:!?()\n\t\u00ad\u200b", max_size=30)


@given(SURROUNDINGS, EXPRESSIONS, SURROUNDINGS)
def test_spans_point_at_the_expression_wherever_it_stands(before: str, expression: str, after: str) -> None:
    # Text around an expression that holds no time word moves its spans by its length and
    # changes nothing else: wide characters, quotes, dashes and invisible ones included.
    alone = recognize(expression, dct=date(2017, 2, 2))
    text = f"{before} {expression} {after}"
    found = recognize(text, dct=date(2017, 2, 2))
    shift = len(before) + 1
    assert [(t.start - shift, t.end - shift, t.text) for t in found] == [(t.start, t.end, t.text) for t in alone]
    assert alone and all(text[t.start:t.end] == t.text for t in found)


@given(EXPRESSIONS, st.integers(0, 40))
def test_a_prefix_moves_spans_and_changes_nothing_else(expression: str, k: int) -> None:
    text = f"Het kabinet beslist {expression} over het plan."
    plain = recognize(text, dct=date(2017, 2, 2))
    moved = recognize("x" * k + "\n\n" + text, dct=date(2017, 2, 2))
    shift = k + 2
    assert [(t.start + shift, t.end + shift, t.value) for t in plain] == [(t.start, t.end, t.value) for t in moved]


@given(st.text(max_size=300), dcts)
def test_arbitrary_text_never_raises(text: str, dct: date) -> None:
    for t in recognize(text, dct=dct):
        assert text[t.start:t.end] == t.text and t.start < t.end


@given(st.lists(st.sampled_from(["3", "-", ".", "maart", "van", "de", "2017", "uur", "'s", "half", "jaren", "'",
                                 "tot", "Mei", "week", "twee", "later", "geleden", "eind", " "]), max_size=60),
       dcts)
def test_time_word_salad_never_raises(words: list[str], dct: date) -> None:
    text = " ".join(words)
    for t in recognize(text, dct=dct):
        assert text[t.start:t.end] == t.text


@given(dcts)
def test_resolution_at_the_ends_of_the_calendar_never_raises(dct: date) -> None:
    for edge in (date(1, 1, 1), date(9999, 12, 31), dct):
        for t in recognize("Vorig jaar, volgende week, over 20 jaar, in december en op tweede kerstdag.", dct=edge):
            assert t.value


def test_long_texts_are_read_in_blocks_without_losing_expressions() -> None:
    from timeline.text.sentences import BLOCK as _CHUNK

    paragraph = "Op 3 februari 2017 zei de minister dat het kabinet volgende week beslist over de jaren negentig."
    text = "\n\n".join([paragraph] * (3 * _CHUNK // len(paragraph) + 5))
    found = recognize(text, dct=date(2017, 2, 2))
    assert len(found) == 3 * text.count(paragraph)
    assert all(text[t.start:t.end] == t.text for t in found)


@given(st.sampled_from([
    "donderdag", "vorige week", "3 februari", "in december", "dit weekend", "de afgelopen week", "elke maandag",
    "tweede kerstdag", "de jaren negentig", "drie dagen geleden", "zondagmiddag", "het vierde kwartaal",
    "twee dagen later", "om 15.30 uur", "diezelfde dag"]), dcts, TENSES, dcts)
def test_only_expressions_with_an_open_direction_read_the_tense(expression: str, dct: date, tense: Tense,
                                                                ref: date) -> None:
    # Resolution asks the parse for a clause's tense only where reads_tense says so: any
    # other meaning must resolve alike whatever the tense.
    (mention,) = mentions_in(expression, load_language("nl"))
    reference = containing(datetime.combine(ref, time()), Grain.DAY)
    if not reads_tense(mention.intent):
        assert len({resolve(mention.intent, Anchor(dct, way, reference)) for way in Tense}) == 1


@given(st.sampled_from([
    "donderdag", "vorige week", "3 februari", "in december", "dit weekend", "de afgelopen week", "elke maandag",
    "tweede kerstdag", "de jaren negentig", "drie dagen geleden", "zondagmiddag", "het vierde kwartaal",
    "twee dagen later", "om 15.30 uur", "diezelfde dag"]), dcts, TENSES, dcts)
def test_only_anaphoric_expressions_read_the_reference_time(expression: str, dct: date, tense: Tense,
                                                            ref: date) -> None:
    # The resolver's memo relies on this: a meaning that does not read the reference
    # time resolves alike whatever it is.
    (mention,) = mentions_in(expression, load_language("nl"))
    reference = containing(datetime.combine(ref, time()), Grain.DAY)
    alone = resolve(mention.intent, Anchor(dct, tense))
    if not uses_reference(mention.intent):
        assert resolve(mention.intent, Anchor(dct, tense, reference)) == alone
