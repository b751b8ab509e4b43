"""Parsing: sentences of tokens with parts of speech, verb features, clauses and (from a
real parser) a dependency tree, all in the same values (:mod:`~timeline.parse.protocol`)
whichever backend gave them: the built-in parser (:mod:`~timeline.parse.builtin`),
stanza (:mod:`~timeline.parse.stanza`) or Frog (:mod:`~timeline.parse.frog`), chosen by
name in :mod:`~timeline.parse.backends`. The text is read once, a block at a time
(:mod:`~timeline.parse.reading`), and the tense of a clause is read from the parse
(:mod:`~timeline.parse.tense`).
"""

from .protocol import BackendError, Parser, Sentence, Token, frozen_features

__all__ = ["BackendError", "Parser", "Sentence", "Token", "frozen_features"]
