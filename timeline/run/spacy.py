"""The spaCy pipeline component: ``nlp.add_pipe("timeline")`` analyzes each ``Doc`` of a pipeline.

It runs :func:`timeline.analyze` on the text of every ``Doc`` the pipeline makes and
puts the result on it: span groups of time expressions and events, each span with its
library object, the whole :class:`~timeline.model.Document`, and optionally the DATE
and TIME expressions as entities (:mod:`timeline.run.spacy_attach`). Where the
pipeline before it tagged and parsed the ``Doc``, that parse is read instead of
parsing again (:mod:`timeline.parse.spacy`). ``docs/spacy.md`` documents the config
and every attribute.

The factory is registered twice over, to the same function: through the package's
``spacy_factories`` entry point (so ``spacy.load`` of a saved pipeline finds it) and
when this module is imported. Needs the ``spacy`` extra (``pip install
'timeline-nl[spacy]'``); nothing here is imported by ``import timeline``.

The DCT of a ``Doc`` is ``doc._.dct`` where the caller set it, else the dateline at
the top of its text, else the config's ``dct``. A ``Doc`` with none of them is an
error (:class:`~timeline.dct.DctError`), not a ``Doc`` passed on without a timeline:
spaCy's error handler (``nlp.set_error_handler``) decides what becomes of it.
"""

# No ``from __future__ import annotations`` here: spaCy validates the config against
# the factory's annotations at run time.

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..advice import Fix
from ..dct import DctError, find_dateline, read_dct
from ..events.anchors import read_anchors
from ..lang import load_language
from ..model import dct_text
from ..parse.backends import get_parser
from ..parse.protocol import Parser
from ..pipeline import analyze
from .spacy_attach import TimelineAlignmentWarning, TimelineEntityWarning, attach, register_extensions

try:
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError as err:  # the extra is missing: say how to install it
    from ..parse.protocol import BackendError

    raise BackendError("the spaCy component needs spaCy: pip install 'timeline-nl[spacy]' "
                       "(from a checkout: pip install '.[spacy]')") from err

if TYPE_CHECKING:
    from ..lang import Language as TimelineLanguage

__all__ = ["FACTORY", "PARSERS", "TimelineAlignmentWarning", "TimelineComponent", "TimelineEntityWarning",
           "make_timeline"]

FACTORY = "timeline"
PARSERS = ("auto", "builtin", "doc")

DEFAULT_CONFIG: dict[str, Any] = {"dct": None, "parser": "auto", "anchors": {}, "language": "nl",
                                  "entities": False, "timexes_key": "timexes", "events_key": "events"}


class TimelineComponent:
    """The component ``nlp.add_pipe("timeline", config={...})`` adds; see the factory for the config.

    Every option is checked when the component is made, so a bad config fails at
    ``add_pipe``, not on the first ``Doc``.
    """

    def __init__(self, name: str = FACTORY, *, dct: str | None = None, parser: str = "auto",
                 anchors: Mapping[str, str] | None = None, language: str = "nl", entities: bool = False,
                 timexes_key: str = "timexes", events_key: str = "events") -> None:
        if parser not in PARSERS:
            raise ValueError(f"unknown parser {parser!r} for the timeline component; one of {', '.join(PARSERS)}")
        for what, key in (("timexes_key", timexes_key), ("events_key", events_key)):
            if not isinstance(key, str) or not key:
                raise ValueError(f"{what} must name a span group, not {key!r}")
        if timexes_key == events_key:
            raise ValueError(f"timexes_key and events_key must differ, both are {timexes_key!r}")
        if not isinstance(entities, bool):
            raise TypeError(f"entities must be true or false, not {entities!r}")
        self.name = name
        self.language: TimelineLanguage = load_language(language)
        self.dct = None if dct is None else _dct_of(dct, self.language, "the config's dct")
        read_anchors(anchors or {})  # checked now; analyze reads them again per Doc
        self.anchors = dict(anchors or {})
        self.parser = parser
        self.entities = entities
        self.timexes_key = timexes_key
        self.events_key = events_key
        self._builtin: Parser | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Analyze ``doc`` and attach the result (see :mod:`timeline.run.spacy_attach`)."""
        if not isinstance(doc, Doc):
            raise TypeError(f"the timeline component takes a spaCy Doc, not {type(doc).__name__}; "
                            "run the pipeline on a text instead: nlp(text)")
        text = doc.text  # spaCy joins it from the tokens at each access: once here
        dct = self._dct(doc, text)
        document = analyze(text, dct, anchors=self.anchors, parser=self._parser(doc, text), language=self.language)
        attach(doc, document, dct_text(document.dct, document.dct_time), timexes_key=self.timexes_key,
               events_key=self.events_key, entities=self.entities)
        return doc

    def _dct(self, doc: Doc, text: str) -> date | str | None:
        """The ``Doc``'s own DCT, else None where its text has a dateline (analyze reads it),
        else the config's."""
        own = doc._.dct
        if own is not None:
            return _dct_of(own, self.language, "doc._.dct")
        if find_dateline(text, self.language) is not None:
            return None
        if self.dct is None:
            raise DctError("no DCT for this Doc: doc._.dct is not set, its text has no publication date at the "
                           "top, and the timeline component has no default",
                           Fix("dct", ("2017-02-02",), "; set doc._.dct (e.g. doc._.dct = '2017-02-02') or give "
                               "the component one: config={{'dct': '2017-02-02'}}"))
        return self.dct

    def _parser(self, doc: Doc, text: str) -> Parser:
        """The ``Doc``'s own parse (``doc``; ``auto`` where it has one), else the built-in parser."""
        if self.parser != "builtin":
            from ..parse.spacy import DocParser, has_parse

            if has_parse(doc):
                return DocParser(doc, text)
            if self.parser == "doc":
                raise ValueError("the timeline component has parser='doc', but this Doc has no POS tags and "
                                 "dependency parse: put a tagger or morphologizer and a parser before it in the "
                                 "pipeline, or use parser='auto' to fall back to the built-in parser")
        if self._builtin is None:
            self._builtin = get_parser("builtin", self.language)
        return self._builtin


def _dct_of(value: object, language: "TimelineLanguage", where: str) -> date | str:
    """A DCT as given (checked now, so a bad one names where it came from)."""
    if not isinstance(value, (date, datetime, str)):
        raise DctError(f"{where} must be a date or a string such as '2017-02-02', not {type(value).__name__}")
    try:
        read_dct(value, language)
    except DctError as err:
        raise DctError(f"{where}: {err.problem}", err.fix) from None
    return value


def make_timeline(nlp: Language, name: str, dct: str | None, parser: str, anchors: dict[str, str],
                  language: str, entities: bool, timexes_key: str, events_key: str) -> TimelineComponent:
    """The ``timeline`` factory: config ``dct`` (a default DCT), ``parser`` (``auto``,
    ``builtin`` or ``doc``), ``anchors`` (dates of events by their word), ``language``,
    ``entities`` (add DATE/TIME entities where free) and the span group names."""
    return TimelineComponent(name, dct=dct, parser=parser, anchors=anchors, language=language, entities=entities,
                             timexes_key=timexes_key, events_key=events_key)


register_extensions()
Language.factory(FACTORY, default_config=DEFAULT_CONFIG, func=make_timeline,
                 assigns=["doc.spans", "doc.ents", "doc._.timeline", "doc._.timeline_record", "doc._.dct",
                          "span._.timex", "span._.event"])
