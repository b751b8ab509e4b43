"""Language data: word classes, rules and verb lexicons, loaded once per language.

A language lives in its own package (``timeline/lang/nl/``) with
``lexicon.toml`` (word classes), ``rules.py`` (``build_rules(lexicon)``),
``verbs.toml`` and ``tense.toml`` (cues for the tense detector), and optionally
``conjugation.py`` (``expand(verbs)``: forms derived by the language's spelling rules). The engine
reads these through :class:`Language` and knows no words itself.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import tomllib
from importlib import resources
from typing import Any

from attrs import field, frozen

from ..time.index import PairIndex, pair_index
from ..time.patterns import ANY, Rule, Trie

__all__ = ["LANGUAGES", "Language", "load_language"]

LANGUAGES = ("nl",)


@frozen(eq=False)
class Language:
    """Everything the engine needs to know about one language (compared, and hashed, by
    identity: a language is loaded once, and what is derived from it is kept per object)."""

    code: str
    lexicon: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    verbs: dict[str, Any]
    tense: dict[str, Any]
    by_pair: PairIndex = field(init=False)  # rules by their first two tokens, and the third
    mods: Trie = field(init=False)
    mod_ends: frozenset[str] = field(init=False)  # last tokens of the modifiers
    widens: frozenset[str] = field(init=False)  # tokens that may widen the mention after them (see _widen)
    core: frozenset[str] = field(init=False)  # every match holds one of these tokens
    lead: dict[str, int] = field(init=False)  # the most tokens a match has before its first core token, by it

    def __attrs_post_init__(self) -> None:
        frequent = frozenset(self.lexicon.get("frequent", {}))
        core: set[str] = set()
        for rule in self.rules:
            found = rule.pattern.anchors(frequent)
            core |= found[0] if found else rule.pattern.first()
        object.__setattr__(self, "by_pair", pair_index(self.rules))
        object.__setattr__(self, "mods", Trie.build(self.lexicon["mod"]))
        object.__setattr__(self, "mod_ends", frozenset(key[-1] for key in self.mods.keys()))
        object.__setattr__(self, "widens", self.mod_ends | self.words("preposition_direction").keys())
        object.__setattr__(self, "core", frozenset(core))
        leads = {rule.id: rule.pattern.lead(frozenset(core)) for rule in self.rules}
        if blind := [rid for rid, (_, miss) in leads.items() if miss >= 0]:
            raise ValueError(f"rules that can match without a core token: {', '.join(blind)}")
        lead: dict[str, int] = {}
        for by_token, _ in leads.values():
            for tok, before in by_token.items():
                lead[tok] = max(lead.get(tok, 0), before)
        anywhere = lead.pop(ANY, 0)  # a word shape's token counts for every core token
        object.__setattr__(self, "lead", {tok: max(lead.get(tok, 0), anywhere) for tok in core})

    def words(self, cls: str) -> dict[str, Any]:
        """A word class of the lexicon (an empty one if the language has none)."""
        return self.lexicon.get(cls, {})

    def data(self, name: str) -> dict[str, Any]:
        """Another data file of the language, ``<name>.toml`` (empty if there is none);
        read once. The event layer keeps its word lists there (``parser``, ``events``)."""
        return _toml(f"{__name__}.{self.code}", f"{name}.toml")


@functools.cache
def _toml(package: str, name: str) -> dict[str, Any]:
    path = resources.files(package).joinpath(name)
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@functools.cache
def load_language(code: str = "nl") -> Language:
    """The language ``code``, loaded and validated once per process.

    Raises:
        ValueError: for a language the library does not have.
    """
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; available: {', '.join(LANGUAGES)}")
    package = f"{__name__}.{code}"
    lexicon = _toml(package, "lexicon.toml")
    rules_module = importlib.import_module(f"{package}.rules")
    rules = rules_module.build_rules(lexicon)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate rule ids in language {code!r}")
    verbs = _toml(package, "verbs.toml")
    if importlib.util.find_spec(f"{package}.conjugation") is not None:
        # A language may derive regular verb forms by its spelling rules.
        verbs = importlib.import_module(f"{package}.conjugation").expand(verbs)
    return Language(code, lexicon, rules, verbs, _toml(package, "tense.toml"))
