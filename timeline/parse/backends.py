"""The parsers by name: the built-in one, stanza, Frog and spaCy, each for a language.

The backends are imported when chosen, so stanza and its torch (or spaCy) load
only for a run that asks for them.
"""

from __future__ import annotations

from ..lang import LanguageLike, load_language
from .protocol import Parser

__all__ = ["PARSERS", "get_parser"]

PARSERS = ("builtin", "stanza", "frog", "spacy")
_MODELS = ("stanza", "spacy")  # the parsers a model_dir is for


def get_parser(parser: Parser | str = "builtin", language: LanguageLike = "nl", *,
               model_dir: str | None = None) -> Parser:
    """The parser a name stands for (``builtin``, ``stanza``, ``frog``, ``spacy``), or ``parser`` itself.

    ``model_dir`` is the model: stanza's model folder (see
    :class:`~timeline.parse.stanza.StanzaParser`), or the spaCy pipeline, an
    installed one's name or its folder (see :class:`~timeline.parse.spacy.SpacyParser`;
    default ``nl_core_news_sm``).

    Raises:
        ValueError: for an unknown name, or ``model_dir`` with another parser.
        TypeError: for an object that has no ``parse(text)``.
    """
    if model_dir is not None and parser not in _MODELS:
        raise ValueError("a model folder is for the stanza parser, a pipeline name or folder for the spacy parser")
    if not isinstance(parser, str):
        if not isinstance(parser, Parser):
            raise TypeError(f"parser must be a name or have parse(text), not {type(parser).__name__}")
        return parser
    if parser == "builtin":
        from .builtin import BuiltinParser

        return BuiltinParser(load_language(language))
    if parser == "stanza":  # the model folder: model_dir, else TIMELINE_STANZA_MODEL_DIR, else stanza's own
        from .stanza import StanzaParser

        return StanzaParser(model_dir=model_dir, language=load_language(language).stanza)
    if parser == "frog":
        from .frog import FrogParser

        return FrogParser(language=load_language(language))
    if parser == "spacy":  # the pipeline: model_dir (a name or a folder), else nl_core_news_sm
        from .spacy import DEFAULT_PIPELINE, SpacyParser

        return SpacyParser(model_dir or DEFAULT_PIPELINE, language=language)
    raise ValueError(f"unknown parser {parser!r}; available: {', '.join(PARSERS)}")
