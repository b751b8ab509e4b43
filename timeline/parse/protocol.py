"""What a parser gives the rest of the pipeline: sentences of tokens with offsets and features.

Every backend (the built-in parser, stanza, Frog, one of your own) returns the
same values, so tense, events and links never depend on which one ran. Fields
a backend cannot fill stay empty: the built-in parser gives no dependency tree
(``heads`` and ``deprels`` are ``None``), a real parser does.

A :class:`Sentence` keeps its tokens column by column (a tuple per field), the
way the pipeline reads them; :attr:`Sentence.tokens` gives them as
:class:`Token` values, built the first time they are asked for.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from attrs import field, frozen

from ..advice import Advised

__all__ = ["BackendError", "Parser", "Sentence", "Token", "frozen_features", "import_backend"]


class BackendError(Advised, RuntimeError):
    """A backend cannot run here: its package, its model or its program is missing.

    A RuntimeError, not a ValueError: the text and the arguments are fine, the
    installation is not, so code that catches ValueError for bad input does not
    swallow it. The message names the fix (what to install, which option or
    environment variable points to a model); where the fix is an argument, it is
    the error's ``fix`` (see :mod:`timeline.advice`).
    """


def import_backend(module: str, install: str) -> Any:
    """The package a backend needs (imported only when the backend is chosen), or a
    BackendError that says how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise BackendError(f"the {module} parser needs the {module} package, which cannot be imported ({error}); "
                           f"install it with {install}") from None


def _features(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return dict(value or {})


@frozen(kw_only=True)
class Token:
    """One token of a sentence.

    ``upos`` and ``feats`` follow Universal Dependencies (``VERB``, ``AUX``;
    ``Tense=Past``, ``VerbForm=Fin``/``Part``/``Inf``). ``lemma`` of a
    separable verb is the whole verb (``legde ... op`` has ``opleggen``) and
    ``particle`` the index of its particle in the sentence. ``head`` is the
    index (in the sentence) of the token this one depends on, ``None`` for the
    root or where the backend builds no tree; ``deprel`` its UD relation.
    ``clause`` numbers the clauses of the sentence (0 for the main clause).
    """

    index: int  # position in the sentence, from 0
    text: str
    start: int  # character offsets into the whole document
    end: int
    lemma: str
    upos: str
    feats: Mapping[str, str] = field(factory=dict, converter=_features, eq=False, hash=False)
    head: int | None = None
    deprel: str | None = None
    particle: int | None = None
    clause: int = 0

    def feat(self, name: str) -> str | None:
        """A UD feature, or None where the backend does not give it."""
        return self.feats.get(name)


_NO_FEATURES: Mapping[str, str] = MappingProxyType({})


@functools.lru_cache(maxsize=1 << 12)
def frozen_features(pairs: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """A read-only feature mapping, one per distinct set of features: sentences share them."""
    return MappingProxyType(dict(pairs)) if pairs else _NO_FEATURES


def _read_only(value: Sequence[Mapping[str, str]]) -> tuple[Mapping[str, str], ...]:
    return tuple(f if isinstance(f, MappingProxyType) else frozen_features(tuple(sorted(f.items())))
                 for f in value)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _optional_ints(values: Iterable[int | None]) -> tuple[int | None, ...]:
    return tuple(values)


def _optional_strs(values: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(values)


def _check_columns(instance: Sentence, attribute: object, value: tuple[int, ...]) -> None:
    n = len(instance.texts)
    for name in ("starts", "ends", "lemmas", "upos", "feats", "heads", "deprels", "particles"):
        if len(getattr(instance, name)) != n:
            raise ValueError(f"a sentence's columns must be equally long: {n} texts, "
                             f"{len(getattr(instance, name))} {name}")
    if len(value) != n:
        raise ValueError(f"a sentence's columns must be equally long: {n} texts, {len(value)} clauses")


@frozen(kw_only=True)
class Sentence:
    """A sentence: its offsets in the document and its tokens, a tuple per field.

    ``texts[k]`` is the text of token ``k``, ``starts[k]`` and ``ends[k]`` its
    offsets into the whole document, and so on for each field of
    :class:`Token`. Build one from tokens with :meth:`of_tokens`.
    """

    index: int
    start: int
    end: int
    texts: tuple[str, ...] = field(converter=_strs)
    starts: tuple[int, ...] = field(converter=_ints)
    ends: tuple[int, ...] = field(converter=_ints)
    lemmas: tuple[str, ...] = field(converter=_strs)
    upos: tuple[str, ...] = field(converter=_strs)
    feats: tuple[Mapping[str, str], ...] = field(converter=_read_only, eq=False)
    heads: tuple[int | None, ...] = field(converter=_optional_ints)
    deprels: tuple[str | None, ...] = field(converter=_optional_strs)
    particles: tuple[int | None, ...] = field(converter=_optional_ints)
    clauses: tuple[int, ...] = field(converter=_ints, validator=_check_columns)
    _tokens: tuple[Token, ...] | None = field(default=None, init=False, eq=False, repr=False)

    @classmethod
    def of_tokens(cls, *, index: int, tokens: Sequence[Token], start: int | None = None,
                  end: int | None = None) -> Sentence:
        """The sentence of ``tokens`` (their ``index`` fields must count from 0); its offsets
        default to those of its first and last characters."""
        if [t.index for t in tokens] != list(range(len(tokens))):
            raise ValueError("the tokens of a sentence must be numbered 0, 1, 2... in order")
        return cls(index=index, start=min((t.start for t in tokens), default=0) if start is None else start,
                   end=max((t.end for t in tokens), default=0) if end is None else end,
                   texts=[t.text for t in tokens], starts=[t.start for t in tokens], ends=[t.end for t in tokens],
                   lemmas=[t.lemma for t in tokens], upos=[t.upos for t in tokens], feats=[t.feats for t in tokens],
                   heads=[t.head for t in tokens], deprels=[t.deprel for t in tokens],
                   particles=[t.particle for t in tokens], clauses=[t.clause for t in tokens])

    def __len__(self) -> int:
        return len(self.texts)

    @classmethod
    def trusted(cls, index: int, start: int, end: int, texts: tuple[str, ...], starts: tuple[int, ...],
                ends: tuple[int, ...], lemmas: tuple[str, ...], upos: tuple[str, ...],
                feats: tuple[Mapping[str, str], ...], heads: tuple[int | None, ...], deprels: tuple[str | None, ...],
                particles: tuple[int | None, ...], clauses: tuple[int, ...]) -> Sentence:
        """A sentence from columns a parser of this library built: tuples of one length, and
        read-only feature mappings (:func:`frozen_features`). Nothing is checked or converted,
        which for the built-in parser's hot loop saves a pass over every token."""
        sentence: Sentence = object.__new__(cls)
        for name, value in (("index", index), ("start", start), ("end", end), ("texts", texts), ("starts", starts),
                            ("ends", ends), ("lemmas", lemmas), ("upos", upos), ("feats", feats), ("heads", heads),
                            ("deprels", deprels), ("particles", particles), ("clauses", clauses),
                            ("_tokens", None)):
            object.__setattr__(sentence, name, value)
        return sentence

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens as :class:`Token` values (built on first use, then kept)."""
        if self._tokens is None:
            built = tuple(map(_token, range(len(self.texts)), self.texts, self.starts, self.ends, self.lemmas,
                              self.upos, self.feats, self.heads, self.deprels, self.particles, self.clauses))
            object.__setattr__(self, "_tokens", built)
        assert self._tokens is not None
        return self._tokens

    @property
    def has_tree(self) -> bool:
        """Whether the backend gave a dependency tree for this sentence."""
        return any(d is not None for d in self.deprels)


def _token(index: int, text: str, start: int, end: int, lemma: str, upos: str, feats: Mapping[str, str],
           head: int | None, deprel: str | None, particle: int | None, clause: int) -> Token:
    return Token(index=index, text=text, start=start, end=end, lemma=lemma, upos=upos, feats=feats, head=head,
                 deprel=deprel, particle=particle, clause=clause)


@runtime_checkable
class Parser(Protocol):
    """Anything that turns a text into sentences of tokens with document offsets."""

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        ...
