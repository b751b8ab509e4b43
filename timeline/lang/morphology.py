"""What a language's spelling rules give the engine: the verb forms it can derive.

The built-in parser reads verb forms it has no entry for by stripping an
ending and asking the language what infinitive the stem is written for; a
language may also derive the forms of its regular verbs instead of listing
them. A language provides this in ``morphology.py`` as ``morphology(data)``,
``data`` being its loaded data files; a language without one derives nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

__all__ = ["Morphology", "NoMorphology"]


class Morphology(Protocol):
    """A language's spelling rules for verbs."""

    def infinitive(self, stem: str) -> str | None:
        """The infinitive a verb stem is written for (None where the stem cannot be one)."""
        ...

    def conjugate(self, verbs: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        """The forms of the regular verbs of ``verbs`` (the loaded ``verbs.toml``), by
        infinitive: ``{"stemmen": {"past": "stemde", "past_plural": "stemden",
        "participle": "gestemd"}}``."""
        ...


class NoMorphology:
    """The morphology of a language that gives none: no stem is read, no form derived."""

    def infinitive(self, stem: str) -> str | None:
        return None

    def conjugate(self, verbs: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        return {}
