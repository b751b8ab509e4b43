"""The DCT: given as an argument, or read from the dateline at the top of an article."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest

import timeline
from timeline import DctError, DctSource, parse_dct


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
