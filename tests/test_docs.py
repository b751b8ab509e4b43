"""The docs keep up with the package: every exported name has a reference entry
made from its own docstring, and the project's files a newcomer reads exist."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import timeline

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DIRECTIVE = re.compile(r"^\.\. auto(?:class|function|exception|data):: timeline\.(\w+)\s*$", re.MULTILINE)


def documented() -> list[str]:
    """The exported names the docs give an autodoc entry, once per entry."""
    names: list[str] = []
    for page in sorted(DOCS.glob("*.md")):
        names += DIRECTIVE.findall(page.read_text(encoding="utf-8"))
    return names


@pytest.mark.parametrize("name", timeline.__all__)
def test_every_exported_name_has_one_reference_entry(name: str) -> None:
    assert documented().count(name) == 1, f"timeline.{name}: give it one autodoc entry in docs/api.md"


@pytest.mark.parametrize("name", timeline.__all__)
def test_every_exported_name_says_what_it_is_for(name: str) -> None:
    obj = getattr(timeline, name)
    own = vars(obj).get("__doc__") if isinstance(obj, type) else obj.__doc__
    assert own and own.strip(), f"timeline.{name} has no docstring of its own"


def test_the_reference_names_nothing_that_is_not_exported() -> None:
    assert set(documented()) <= set(timeline.__all__)


def test_the_version_is_the_distributions() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert timeline.__version__ == project["version"]
    assert project["name"] == "timeline-nl", "the name timeline on the package index is another project"


def test_the_licence_and_the_changelog_are_there() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {timeline.__version__}" in changelog


EXTRAS = ("dask", "distributed", "spacy", "stanza", "torch")
BLOCK = re.compile(r"^```\{doctest\}\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_doc_examples_that_need_an_extra_skip_without_it() -> None:
    """The README installs only the docs extra to build the docs: an example that imports an
    optional package must say ``:skipif:`` so that build passes as documented."""
    for page in sorted(DOCS.glob("*.md")):
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            imports = re.findall(r"^>>> (?:import|from) (\w+)", block, re.MULTILINE)
            if any(name in EXTRAS for name in imports):
                assert block.startswith(":skipif:"), f"{page.name}: a doctest needs an extra; add :skipif:"


SOURCES = [ROOT / "README.md", *DOCS.glob("*.md"), *(ROOT / "timeline").rglob("*.py"), *(ROOT / "tests").glob("*.py")]
WRONG_NAME = re.compile(r"pip install [\"']?timeline(?![-\w])")


def test_install_hints_name_the_distribution_not_the_other_project() -> None:
    """Installing the name ``timeline`` gives an unrelated package: every hint names ``timeline-nl``."""
    for path in SOURCES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not WRONG_NAME.search(line), f"{path.relative_to(ROOT)}:{n}: {line.strip()}"


def test_the_readme_says_what_the_package_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert project["requires-python"] == ">=3.11" and "Python 3.11 or newer" in readme
    for requirement in project["dependencies"]:
        name = re.match(r"[\w-]+", requirement)
        assert name and f"`{name.group()}`" in readme, f"the README does not name the dependency {requirement}"


def test_the_docs_show_the_timeline_page() -> None:
    picture = DOCS / "_static" / "timeline.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "made by docs/screenshot.py"
    assert "](_static/timeline.png)" in (DOCS / "timeline.md").read_text(encoding="utf-8")
