"""What a parser gives the event layer: sentences of tokens with offsets and features.

Every backend (the built-in analyzer, stanza, Frog) returns the same values,
so events, links and ordering never depend on which one ran. Fields a
backend cannot fill stay empty: the built-in analyzer gives no dependency
tree (``head`` and ``deprel`` are ``None``), a real parser does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from attrs import field, fields, frozen

__all__ = ["Parser", "Sentence", "Token"]


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


_NEW = object.__new__
_SET = {a.name: Token.__dict__[a.name].__set__ for a in fields(Token)}
_INDEX, _TEXT, _START, _END, _LEMMA, _UPOS = (_SET[k] for k in ("index", "text", "start", "end", "lemma", "upos"))
_FEATS, _HEAD, _DEPREL, _PARTICLE, _CLAUSE = (_SET[k] for k in ("feats", "head", "deprel", "particle", "clause"))


def fast_token(index: int, text: str, start: int, end: int, lemma: str, upos: str,
               feats: Mapping[str, str], head: int | None, deprel: str | None,
               particle: int | None, clause: int) -> Token:
    """``Token(...)`` for a parser's inner loop: the same value, built slot by slot.

    A parser makes a Token for every word of a corpus, and the generated
    ``__init__`` of a frozen class looks each field up by name: this is about
    twice as fast. ``feats`` is copied, as the constructor does.
    """
    token: Token = _NEW(Token)
    _INDEX(token, index)
    _TEXT(token, text)
    _START(token, start)
    _END(token, end)
    _LEMMA(token, lemma)
    _UPOS(token, upos)
    _FEATS(token, dict(feats) if feats else {})
    _HEAD(token, head)
    _DEPREL(token, deprel)
    _PARTICLE(token, particle)
    _CLAUSE(token, clause)
    return token


@frozen(kw_only=True)
class Sentence:
    """A sentence: its offsets in the document and its tokens."""

    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def has_tree(self) -> bool:
        """Whether the backend gave a dependency tree for this sentence."""
        return any(t.deprel is not None for t in self.tokens)


@runtime_checkable
class Parser(Protocol):
    """Anything that turns a text into sentences of tokens with document offsets."""

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        ...
