"""The DCT: given as an argument, or read from the dateline at the top of an article."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone

import pytest

import timeline
from timeline import DctError, DctSource, parse_dct
from timeline.dct import read_dct
from timeline.output import document_to_dict, document_to_timeml, timeline_table


@pytest.mark.parametrize(("value", "expected"), [
    (date(2017, 2, 2), date(2017, 2, 2)),
    (datetime(2017, 2, 2, 14, 5), date(2017, 2, 2)),
    ("2017-02-02", date(2017, 2, 2)),
    ("2017-02-02T14:05:00", date(2017, 2, 2)),
    ("3 februari 2017", date(2017, 2, 3)),
    ("3 feb. 2017", date(2017, 2, 3)),
    ("03-02-2017", date(2017, 2, 3)),
])
def test_a_dct_names_one_day(value, expected) -> None:
    assert parse_dct(value) == expected


@pytest.mark.parametrize("value", ["gisteren", "vorige week", "31 februari 2017", "", "   ", "banaan",
                                   "2017-02-30", "3 februari", "x" * 500])
def test_a_dct_that_is_not_one_day_is_refused_quoting_it(value) -> None:
    with pytest.raises(DctError) as err:
        parse_dct(value)
    assert repr(value)[:40] in str(err.value) or value == "x" * 500


def test_a_dct_of_another_type_is_refused() -> None:
    with pytest.raises(DctError, match="not int"):
        parse_dct(20170202)  # type: ignore[arg-type]


def test_dct_errors_are_value_errors() -> None:
    assert issubclass(DctError, ValueError)


@pytest.mark.parametrize(("top", "expected"), [
    ("Gepubliceerd op 3 februari 2017", date(2017, 2, 3)),
    ("AMSTERDAM, 3 feb. 2017 - ", date(2017, 2, 3)),
    ("vr 03-02-2017 14:05", date(2017, 2, 3)),
])
def test_the_dct_is_read_from_a_dateline(top, expected) -> None:
    text = f"{top}\n\nHet kabinet beslist vrijdag over het plan."
    rec = timeline.recognize_document(text)
    assert rec.dct == expected and rec.dct_source is DctSource.DATELINE
    assert rec.dct_span is not None
    assert [t.text for t in rec.timexes] == ["vrijdag"], "the dateline itself is not an expression of the text"


def test_without_dct_or_dateline_the_error_says_a_dct_is_needed() -> None:
    with pytest.raises(DctError, match="no DCT given"):
        timeline.recognize("Het kabinet beslist vrijdag over het plan.")


def test_importing_timeline_does_not_import_dateparser_or_stanza() -> None:
    code = "import sys, timeline; timeline.recognize('vrijdag', dct='2017-02-02'); " \
           "print('dateparser' in sys.modules, 'stanza' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --- the ends of the calendar: resolve or fail cleanly, never overflow -------------------------

EDGE_TEXT = "Gisteren zei hij dat hij morgen in december vertrekt, volgend jaar, over 20 jaar, de jaren negentig."


@pytest.mark.parametrize("value", ["0000-01-01", "10000-01-01", "-0001-01-01", "0001-00-01"])
def test_a_dct_outside_the_calendar_is_refused_quoting_it(value: str) -> None:
    with pytest.raises(DctError) as err:
        parse_dct(value)
    assert repr(value) in str(err.value)


def test_the_first_days_of_the_calendar_resolve_with_four_digit_years() -> None:
    found = {t.text: t.value for t in timeline.recognize(EDGE_TEXT, dct="0001-01-03")}
    assert found["Gisteren"] == "0001-01-02" and found["morgen"] == "0001-01-04"
    assert found["december"] == "0001-12" and found["volgend jaar"] == "0002"
    assert found["de jaren negentig"] == "XXX", "the nineties before year 1 are not on the calendar"


@pytest.mark.parametrize("dct", ["0001-01-01", "9999-12-30", "9999-12-31"])
def test_the_last_days_of_the_calendar_fail_cleanly(dct: str) -> None:
    for t in timeline.analyze(EDGE_TEXT, dct=dct).timexes:
        assert t.value and (t.interval is None) == ("X" in t.value or t.value.endswith("_REF")), t
        if t.interval is not None:
            assert t.interval.start.year <= 9999 and t.value[:4].isdigit()


def test_the_command_line_takes_a_dct_at_the_end_of_the_calendar() -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", "analyze", "-", "--dct", "9999-12-31", "--format",
                           "json"], input=EDGE_TEXT.encode(), capture_output=True)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("when", ["9999-12-31", "9999-12", "0001-01-01"])
def test_a_user_date_at_the_ends_of_the_calendar_leaves_only_its_own_values_unknown(when: str) -> None:
    text = "Een week voor zijn inauguratie zei hij het. Na de inauguratie kwam hij. Vrijdag beslist het kabinet."
    doc = timeline.analyze(text, dct="2017-02-02", anchors={"inauguratie": when})
    found = {t.text: t for t in doc.timexes}
    assert found["Vrijdag"].value == "2017-02-03", "the rest of the document is untouched"
    week = found["Een week voor zijn inauguratie"]
    assert (week.value, week.interval) == ("XXXX", None)  # a week before 0001-01-01 or 9999-12-..: off the calendar
    side = found["Na de inauguratie"]
    assert side.value == when and side.mod is timeline.Mod.AFTER


def test_explain_with_a_reference_at_the_end_of_the_calendar_leaves_the_value_unknown() -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", "explain", "twee dagen later", "--dct", "2017-02-02",
                           "--reference", "9999-12-31"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "value     FUTURE_REF" in proc.stdout and "interval  null" in proc.stdout
    assert "beyond the ends of the calendar" in proc.stdout


# --- a DCT with a time of day -------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2013-02-12T04:30", (date(2013, 2, 12), time(4, 30))),
    ("2013-02-12 04:30", (date(2013, 2, 12), time(4, 30))),
    ("2013-02-12T04:30:15+01:00", (date(2013, 2, 12), time(4, 30, 15))),  # the local clock time is kept
    ("2013-02-12T23:05Z", (date(2013, 2, 12), time(23, 5))),
    ("12 februari 2013 04:30", (date(2013, 2, 12), time(4, 30))),
    ("12 februari 2013 om 16.45 uur", (date(2013, 2, 12), time(16, 45))),
    ("12 februari 2013 00:00", (date(2013, 2, 12), time(0, 0))),  # midnight written out is a time
    ("12 februari 2013", (date(2013, 2, 12), None)),
    ("2013-02-12", (date(2013, 2, 12), None)),
    (datetime(2013, 2, 12, 4, 30), (date(2013, 2, 12), time(4, 30))),
    (datetime(2013, 2, 12, 4, 30, tzinfo=timezone(timedelta(hours=-5))), (date(2013, 2, 12), time(4, 30))),
    (date(2013, 2, 12), (date(2013, 2, 12), None)),
])
def test_a_dct_may_carry_a_time_of_day(value, expected) -> None:
    assert read_dct(value) == expected
    assert parse_dct(value) == expected[0], "parse_dct still gives the day alone"


@pytest.mark.parametrize(("top", "day", "clock"), [
    ("3 februari 2017, 14:32", date(2017, 2, 3), time(14, 32)),
    ("AMSTERDAM, 3 feb. 2017 14:32 -", date(2017, 2, 3), time(14, 32)),
    ("vr 03-02-2017 14:05", date(2017, 2, 3), time(14, 5)),
    ("Gepubliceerd op 3 februari 2017 om 09.15 uur", date(2017, 2, 3), time(9, 15)),
    ("Gepubliceerd op 3 februari 2017", date(2017, 2, 3), None),
])
def test_a_dateline_gives_the_time_of_day_it_has(top, day, clock) -> None:
    text = f"{top}\n\nDe brug ging een uur geleden dicht."
    rec = timeline.recognize_document(text)
    assert (rec.dct, rec.dct_time) == (day, clock)
    (found,) = rec.timexes
    expected = day.isoformat() if clock is None else (datetime.combine(day, clock) - timedelta(hours=1)).strftime(
        "%Y-%m-%dT%H:%M")
    assert (found.text, found.value) == ("een uur geleden", expected)


TIMED = "2013-02-12T04:30"


@pytest.mark.parametrize(("text", "dct", "value"), [
    ("Een kwartier geleden kantelde de boot.", TIMED, "2013-02-12T04:15"),
    ("De sluizen gaan over een uur open.", TIMED, "2013-02-12T05:30"),
    ("Drie uur geleden begon de storing.", TIMED, "2013-02-12T01:30"),
    ("Anderhalf uur geleden vertrokken ze.", TIMED, "2013-02-12T03:00"),
    ("De winkels sluiten over twaalf uur.", TIMED, "2013-02-12T16:30"),
    ("De winkels sluiten over twaalf uur.", "2013-02-12T20:15", "2013-02-13T08:15"),  # past midnight
    ("Vijf minuten geleden viel de stroom uit.", "2013-02-12T00:02", "2013-02-11T23:57"),
    ("30 minuten later kwam de brandweer.", TIMED, "2013-02-12T05:00"),  # no time before it: the DCT's
    ("Een kwartier geleden kantelde de boot.", "2013-02-12", "2013-02-12"),  # a date-only DCT: its day
    ("De sluizen gaan over een uur open.", "2013-02-12", "2013-02-12"),
])
def test_hours_and_minutes_count_from_the_dct_time(text: str, dct: str, value: str) -> None:
    (found,) = timeline.recognize(text, dct=dct)
    assert (found.type.value, found.value) == ("TIME", value)


def test_day_grain_and_clock_times_are_unchanged_by_a_dct_time() -> None:
    text = "Vandaag om 15.00 uur begint het overleg; morgen volgt de stemming en gisteren was er een debat."
    timed = [(t.text, t.value) for t in timeline.recognize(text, dct="2013-02-12T04:30")]
    plain = [(t.text, t.value) for t in timeline.recognize(text, dct="2013-02-12")]
    assert timed == plain
    assert ("morgen", "2013-02-13") in timed


def test_a_dct_time_reaches_every_output() -> None:
    doc = timeline.analyze("De sluizen gaan over een uur open.", dct="2013-02-12T04:30")
    assert doc.dct == date(2013, 2, 12) and doc.dct_time == time(4, 30)
    assert document_to_dict(doc)["dct"] == "2013-02-12T04:30"
    assert 'type="TIME" value="2013-02-12T04:30"' in document_to_timeml(doc, "d")
    assert timeline_table(doc).splitlines()[0].startswith("DCT 2013-02-12T04:30 (Tue)")
    plain = timeline.analyze("De sluizen gaan morgen open.", dct="2013-02-12")
    assert document_to_dict(plain)["dct"] == "2013-02-12" and plain.dct_time is None


def test_under_a_dct_with_a_clock_time_the_clock_places_the_events() -> None:
    text = "Een kwartier geleden kantelde een vrachtwagen. Rijkswaterstaat hoopt de weg over een uur te openen."
    doc = timeline.analyze(text, dct="2013-02-12T04:30")
    relation = {e.text: e.dct_relation.value for e in doc.events}
    assert relation["kantelde"] == "BEFORE" and relation["openen"] == "AFTER"
    assert relation["hoopt"] == "OVERLAP", "the hoping is now; its clause's time is what it is about"
