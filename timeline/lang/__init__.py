"""Languages: their words, rules and spelling, loaded from a folder and checked once.

A language is a folder of data (see :mod:`timeline.lang.schema` for what it
holds): the library's own are found under ``timeline/lang/`` by their
``language.toml`` (:func:`languages`), and any other folder laid out the same
way can be loaded by its path. The engine reads a language only through
:class:`Language` and knows no words itself.

>>> import timeline.lang
>>> timeline.lang.languages()
('nl',)
>>> nl = timeline.lang.load_language("nl")
>>> (nl.name, nl.words("weekday")["donderdag"])
('Nederlands', 4)
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import sys
import tomllib
from collections.abc import Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import ModuleType
from typing import Any

from attrs import field, frozen

from ..patterns import ANY, Rule, Trie
from ..patterns.elements import KINDS
from ..patterns.index import PairIndex, pair_index
from ..patterns.marks import Marks
from .morphology import Morphology, NoMorphology
from .schema import FILES, read_file
from .shapes import LanguageError

__all__ = ["Language", "LanguageError", "LanguageLike", "languages", "load_language"]

_MANIFEST = "language.toml"
_COMMON = 1000  # a frequent word without a count: about once in 100 tokens


@frozen(eq=False, repr=False)
class Language:
    """Everything the engine needs to know about one language (compared, and hashed, by
    identity: a language is loaded once, and what is derived from it is kept per object)."""

    code: str
    name: str
    files: Mapping[str, Mapping[str, Any]]  # each data file's sections, checked (see schema.FILES)
    rules: tuple[Rule, ...]
    morphology: Morphology
    origin: str = ""  # the folder of a language of one's own ("" for the library's: its code says it)
    by_pair: PairIndex = field(init=False)  # rules by their first two tokens, and the third
    # rules that go on from a mention (Rule.extends), each with the first two tokens its matches may have
    extensions: tuple[tuple[Rule, frozenset[tuple[str, ...]]], ...] = field(init=False)
    extended: frozenset[str] = field(init=False)  # the families whose mentions they go on from
    extension_heads: frozenset[tuple[str, ...]] = field(init=False)  # the first two tokens of any of them
    rank: dict[str, int] = field(init=False)  # each rule's place in the order, by id (ties go to the earlier)
    marks: dict[str, Marks] = field(init=False)  # what a number may hold where each rule begins (Element.marks)
    mods: Trie = field(init=False)
    mod_ends: frozenset[str] = field(init=False)  # last tokens of the modifiers
    widens: frozenset[str] = field(init=False)  # tokens that may widen the mention after them (see _widen)
    core: frozenset[str] = field(init=False)  # every match holds one of these tokens
    lead: dict[str, int] = field(init=False)  # the most tokens a match has before its first core token, by it

    def __attrs_post_init__(self) -> None:
        weights = KINDS | {word: _COMMON if count is True else count
                           for word, count in self.lexicon.get("frequent", {}).items()}
        core: set[str] = set()
        indexed = tuple(rule for rule in self.rules if rule.extends is None)
        for rule in indexed:
            found = rule.pattern.anchors(weights)
            core |= found[0] if found else rule.pattern.first()
        object.__setattr__(self, "by_pair", pair_index(indexed))
        object.__setattr__(self, "rank", {rule.id: k for k, rule in enumerate(self.rules)})
        object.__setattr__(self, "marks", {rule.id: rule.pattern.marks() for rule in self.rules})
        extensions = tuple(rule for rule in self.rules if rule.extends is not None)
        if loose := [rule.id for rule in extensions if ANY in rule.pattern.first() or rule.pattern.nullable()]:
            raise ValueError(f"rules that go on from a mention need a first word: {', '.join(loose)}")
        object.__setattr__(self, "extensions", tuple((rule, rule.pattern.heads(2)) for rule in extensions))
        object.__setattr__(self, "extension_heads", frozenset().union(*(heads for _, heads in self.extensions)))
        object.__setattr__(self, "extended", frozenset().union(*(rule.extends.families for rule in extensions
                                                                  if rule.extends is not None)))
        object.__setattr__(self, "mods", Trie.build(self.lexicon["mod"]))
        object.__setattr__(self, "mod_ends", frozenset(key[-1] for key in self.mods.keys()))
        object.__setattr__(self, "widens", self.mod_ends | self.words("preposition_direction").keys()
                           | self.words("preposition_nearest").keys())
        object.__setattr__(self, "core", frozenset(core))
        leads = {rule.id: rule.pattern.lead(frozenset(core)) for rule in indexed}
        if blind := [rid for rid, (_, miss) in leads.items() if miss >= 0]:
            raise ValueError(f"rules that can match without a core token: {', '.join(blind)}")
        lead: dict[str, int] = {}
        for by_token, _ in leads.values():
            for tok, before in by_token.items():
                lead[tok] = max(lead.get(tok, 0), before)
        anywhere = lead.pop(ANY, 0)  # a word shape's token counts for every core token
        object.__setattr__(self, "lead", {tok: max(lead.get(tok, 0), anywhere) for tok in core})

    def __repr__(self) -> str:
        return f"<Language {self.origin or self.code!r} ({self.name})>"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickled as where it comes from, and loaded again (once) in the process that reads it."""
        return load_language, (self.origin or self.code,)

    @property
    def stanza(self) -> str:
        """The code of stanza's models for this language."""
        return str(self.files["language"]["language"].get("stanza", self.code))

    @property
    def lexicon(self) -> Mapping[str, Mapping[str, Any]]:
        """The word classes of ``lexicon.toml``."""
        return self.files["lexicon"]

    @property
    def verbs(self) -> Mapping[str, Any]:
        """``verbs.toml``, with the forms of its regular verbs under ``conjugated``."""
        return self.files["verbs"]

    @property
    def tense(self) -> Mapping[str, Any]:
        """``tense.toml``: how verbs the lexicon lacks are read, and how clauses are cut."""
        return self.files["tense"]

    @property
    def dateparser(self) -> tuple[str, ...]:
        """The language codes dateparser reads a free-form DCT in, for this language."""
        return tuple(self.files["language"]["language"]["dateparser"]) or (self.code,)

    def words(self, cls: str) -> Mapping[str, Any]:
        """A word class of the lexicon (KeyError for a class the schema does not declare)."""
        return self.lexicon[cls]

    def data(self, name: str) -> Mapping[str, Any]:
        """One data file, ``<name>.toml``, checked (empty sections where the file is absent)."""
        if name not in self.files:
            raise KeyError(f"a language has no data file {name!r}; known: {', '.join(self.files)}")
        return self.files[name]


@functools.cache
def languages() -> tuple[str, ...]:
    """The codes of the languages this library has (each a folder with a ``language.toml``;
    looked for once per process)."""
    root = resources.files(__name__)
    return tuple(sorted(entry.name for entry in root.iterdir()
                        if entry.is_dir() and entry.joinpath(_MANIFEST).is_file()))


LanguageLike = str | os.PathLike[str] | Language
"""A language as the API takes it: a code the library has, the folder of one's own, or a
loaded :class:`Language`."""


def load_language(language: LanguageLike = "nl") -> Language:
    """A language by its code (one of :func:`languages`), or from a folder of one's own;
    loaded and checked once per process.

    Raises:
        ValueError: for a code the library does not have.
        LanguageError: (a ValueError) for a folder whose data does not fit the schema,
            naming the file and the place in it.
    """
    if isinstance(language, Language):
        return language
    if not isinstance(language, str | os.PathLike):
        raise TypeError(f"language must be a code, a folder or a Language, not {type(language).__name__}")
    if isinstance(language, str) and os.sep not in language and "/" not in language:
        if language not in languages():
            raise ValueError(f"unsupported language {language!r}; available: {', '.join(languages())}"
                             " (or give the folder of a language of your own)")
        return _load_builtin(language)
    return _load_folder(str(Path(language).resolve()))


@functools.cache
def _load_builtin(code: str) -> Language:
    return _build(code, resources.files(__name__).joinpath(code), lambda part: importlib.import_module(
        f"{__name__}.{code}.{part}") if importlib.util.find_spec(f"{__name__}.{code}.{part}") else None)


@functools.cache
def _load_folder(folder: str) -> Language:
    root = Path(folder)
    if not root.is_dir():
        raise LanguageError(f"{folder}: no such folder (a language is a folder with a {_MANIFEST})")
    code = root.name
    return _build(code, root, lambda part: _module_from(root, code, part), origin=folder)


def _module_from(root: Path, code: str, part: str) -> ModuleType | None:
    """``root/<part>.py`` or the package ``root/<part>/``, imported under a name of its own."""
    package = root / part / "__init__.py"
    path = package if package.is_file() else root / f"{part}.py"
    if not path.is_file():
        return None
    name = f"_timeline_language_{code}_{abs(hash(str(root)))}_{part}"
    spec = importlib.util.spec_from_file_location(
        name, path, submodule_search_locations=[str(path.parent)] if package.is_file() else None)
    if spec is None or spec.loader is None:
        raise LanguageError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a rules package imports its own parts by relative imports
    spec.loader.exec_module(module)
    return module


def _build(code: str, root: Traversable, module: Any, origin: str = "") -> Language:
    """The language of folder ``root``: its data files checked, its rules built."""
    files: dict[str, Mapping[str, Any]] = {}
    for name in FILES:
        path = root.joinpath(f"{name}.toml")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        except tomllib.TOMLDecodeError as err:
            raise LanguageError(f"{path}: not valid TOML ({err})") from None
        files[name] = read_file(name, data, str(path))
    morph = module("morphology")
    morphology: Morphology = morph.morphology(files) if morph is not None else NoMorphology()
    files["verbs"] = {**files["verbs"], "conjugated": morphology.conjugate(files["verbs"])}
    rules_module = module("rules")
    if rules_module is None or not callable(getattr(rules_module, "build_rules", None)):
        raise LanguageError(f"{root}: a language needs rules.py (or a rules package) with build_rules(lexicon)")
    rules = tuple(rules_module.build_rules(files["lexicon"]))
    if not all(isinstance(rule, Rule) for rule in rules):
        raise LanguageError(f"{root}: build_rules must give Rule values")
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise LanguageError(f"{root}: duplicate rule ids")
    return Language(code, files["language"]["language"]["name"], files, rules, morphology, origin)
