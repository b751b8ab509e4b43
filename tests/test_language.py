"""Languages are data: found by their folder, checked against a declared schema when they are
loaded (a misspelled section or value is an error, not an empty set), and a second language
is a folder of data and a few rules, as the toy one here shows."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.lang import Language, LanguageError, languages, load_language
from timeline.lang.schema import FILES

TOY = Path(__file__).parent / "lang" / "toy"


def test_the_library_finds_its_languages_by_their_folders() -> None:
    assert languages() == ("nl",)
    nl = load_language("nl")
    assert isinstance(nl, Language) and nl.code == "nl" and nl.name == "Nederlands"
    assert load_language(nl) is nl and load_language("nl") is nl, "loaded once"


def test_an_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unsupported language 'xx'; available: nl"):
        load_language("xx")


def test_a_toy_language_recognizes_its_forms() -> None:
    text = "We met yesterday, and again on 2017-03-01 at 21:30; the vote is next friday, not in december."
    found = [(t.text, t.value) for t in timeline.recognize(text, dct="2017-02-02", language=TOY)]
    assert found == [("yesterday", "2017-02-01"), ("2017-03-01", "2017-03-01"), ("21:30", "2017-03-01T21:30"),
                     ("next friday", "2017-02-03"), ("december", "2017-12")]


def test_a_toy_language_runs_the_whole_pipeline() -> None:
    doc = timeline.analyze("Tonight the board meets. Last monday it did not.", dct="2017-02-02", language=TOY)
    assert [(t.text, t.value) for t in doc.timexes] == [("Tonight", "2017-02-02TEV"), ("Last monday", "2017-01-30")]
    assert doc.events == (), "a language with no event words has no events"


def test_a_toy_language_is_not_dutch() -> None:
    assert timeline.recognize("donderdag en 3 februari", dct="2017-02-02", language=TOY) == ()
    assert [t.text for t in timeline.recognize("friday", dct="2017-02-02")] == []


def copy_toy(tmp_path: Path) -> Path:
    folder = tmp_path / "toy"
    shutil.copytree(TOY, folder)
    return folder


@pytest.mark.parametrize(("file", "before", "after", "says"), [
    ("lexicon.toml", "[weekday]", "[weekdays]", "unknown section [weekdays] (did you mean [weekday]?)"),
    ("lexicon.toml", "friday = 5", 'friday = "5"', "[weekday] 'friday': expected a whole number from 1 to 7"),
    ("lexicon.toml", "monday = 1", "monday = 9", "expected a whole number from 1 to 7, not 9"),
    ("lexicon.toml", 'tonight = { days = 0, part = "evening" }', 'tonight = { days = 0, part = "eve" }',
     "'tonight'.part: expected one of 'night', 'morning'"),
    ("lexicon.toml", "yesterday = { days = -1 }", "yesterday = { day = -1 }", "unknown key 'day' (did you mean"),
    ("lexicon.toml", 'next = "forward"', 'next = "ahead"', "expected one of 'back', 'forward'"),
    ("language.toml", 'name = "Toy English"', 'nam = "Toy English"', "unknown key 'nam'"),
    ("lexicon.toml", "[month]", "[month", "not valid TOML"),
])
def test_data_that_does_not_fit_the_schema_is_an_error_naming_the_place(tmp_path: Path, file: str, before: str,
                                                                        after: str, says: str) -> None:
    folder = copy_toy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(LanguageError) as caught:
        load_language(folder)
    assert says in str(caught.value) and file in str(caught.value)


def test_a_language_needs_its_manifest_lexicon_and_rules(tmp_path: Path) -> None:
    for missing in ("language.toml", "lexicon.toml", "rules.py"):
        folder = tmp_path / missing.replace(".", "_")
        shutil.copytree(TOY, folder)
        (folder / missing).unlink()
        with pytest.raises(LanguageError, match="needs"):
            load_language(folder)


def test_every_data_file_of_dutch_fits_the_schema_and_every_section_is_declared() -> None:
    nl = load_language("nl")
    for name, spec in FILES.items():
        assert set(nl.data(name)) - {"conjugated"} == set(spec.sections)  # conjugated: derived by morphology.py
    with pytest.raises(KeyError):
        nl.words("weekdays")


def test_the_command_line_takes_a_language_folder() -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", "recognize", "-", "--dct", "2017-02-02", "--language",
                           str(TOY), "--format", "json"], input=b"See you next friday.", capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert b'"value": "2017-02-03"' in proc.stdout


def test_a_language_travels_to_worker_processes_as_its_folder() -> None:
    toy = load_language(TOY)
    assert pickle.loads(pickle.dumps(toy)) is toy, "pickled as where it comes from, loaded once per process"
    docs = [{"id": k, "dct": "2017-02-02", "text": "The vote is next friday."} for k in range(4)]
    results = list(timeline.analyze_many(docs, workers=2, language=TOY))
    assert [[t.value for t in r.document.timexes] for r in results if r.document] == [["2017-02-03"]] * 4


def test_a_language_that_cannot_load_stops_a_batch_before_it_starts(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        timeline.analyze_many([{"text": "x", "dct": "2017-02-02"}], workers=1, language="xx")


@pytest.mark.parametrize("command", [
    ["analyze", "-", "--dct", "2017-02-02", "--format", "jsonl"],
    ["recognize", "-", "--dct", "2017-02-02", "--format", "jsonl"],
    ["explain", "next friday", "--dct", "2017-02-02"],
])
def test_every_command_takes_a_language(command: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", *command, "--language", str(TOY)],
                          input=b"See you next friday.", capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert b"2017-02-03" in proc.stdout


def test_the_command_line_names_a_language_it_does_not_have() -> None:
    proc = subprocess.run([sys.executable, "-m", "timeline", "recognize", "-", "--dct", "2017-02-02", "--language",
                           "xx"], input=b"vrijdag", capture_output=True)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == ("timeline: error: unsupported language 'xx'; available: nl "
                                            "(or give the folder of a language of your own)")


def test_frequent_words_give_their_count_or_just_true(tmp_path: Path) -> None:
    """``[frequent]`` words are no anchors for rules: a count (in 100,000 tokens of news) says
    how common, ``true`` says common; anything else is an error naming the word."""
    for name, table, error in [("counted", "the = 5000\non = true", None),
                               ("wrong", 'the = "often"', "'the': expected true or a whole number")]:
        folder = copy_toy(tmp_path / name)
        lexicon = folder / "lexicon.toml"
        lexicon.write_text(lexicon.read_text(encoding="utf-8") + f"\n[frequent]\n{table}\n", encoding="utf-8")
        if error is None:
            assert load_language(folder).lexicon["frequent"] == {"the": 5000, "on": True}
        else:
            with pytest.raises(LanguageError, match=error):
                load_language(folder)
