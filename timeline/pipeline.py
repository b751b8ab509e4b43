"""The main jobs: a text and its DCT in; its time expressions, or its whole timeline, out.

The text is read once (:mod:`timeline.parse.reading`), a block of paragraphs at a
time: the time expressions of a block are recognized on its tokens and resolved
in text order, each with the tense of its clause as the parse gives it; then
(for :func:`analyze`) the events of the block's sentences are found and linked
to their times. At the end the anchored events are put in order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time

from attrs import frozen

from .advice import Fix
from .dct import DctError, find_dateline, read_dct
from .events.anchors import date_events, read_anchors, relative_to_events
from .events.clauses import SentenceEvents
from .events.detect import find_events
from .events.lexicon import EventLexicon
from .events.links import Found, LinkFinder
from .events.order import rank
from .events.placement import PlacementWords, attitude, dct_relations
from .expressions.find import Mention, find_mentions
from .expressions.normalize import Resolver
from .lang import Language, LanguageLike, load_language
from .model import (
    DctSource,
    Document,
    Event,
    Link,
    Recognition,
    Relation,
    Span,
    TimeExpression,
    closure_of,
    dct_interval,
    dct_moment,
)
from .parse.backends import get_parser
from .parse.protocol import Parser, Sentence
from .parse.reading import Block, read, tense_at
from .time.algebra import Interval
from .time.intent import Tense

__all__ = ["analyze", "recognize", "recognize_document"]


def analyze(text: str, dct: date | datetime | str | None = None, *,
            anchors: Mapping[str, date | datetime | str] | None = None,
            parser: Parser | str = "builtin", language: LanguageLike = "nl") -> Document:
    """Analyze ``text``: its time expressions and its events, in timeline order.

    Args:
        text: the document.
        dct: its creation time (a date, or a string dateparser reads); when None,
            the dateline at the top of the text.
        anchors: dates of events the text does not date, by the word that names
            them (``{"inauguratie": "2017-01-20"}``); values are dates or TIMEX3
            values (``"2017-01"``).
        parser: ``"builtin"`` (needs no model), ``"stanza"`` (a stanza model: see
            :class:`~timeline.parse.stanza.StanzaParser`), ``"frog"`` (Debian's Frog), or
            any :class:`~timeline.parse.Parser`. Its parse gives the events, and
            the tense that steers the resolution of time expressions.
        language: the language code (see :func:`timeline.lang.languages`).

    Raises:
        DctError: (a ValueError) for a DCT that cannot be read, or none at all.
        ValueError: for an anchor date that cannot be read, or an unknown parser or language.
        TypeError: for a text that is no string, or anchors that are no mapping.

    >>> import timeline
    >>> doc = timeline.analyze("Spicer zei donderdag dat het kabinet vrijdag beslist.", dct="2017-02-02")
    >>> [(e.text, e.cls.value, e.anchor) for e in doc.events]
    [('zei', 'REPORTING', '2017-02-02'), ('beslist', 'I_ACTION', '2017-02-03')]
    """
    setup = _Setup.of(text, dct, parser, language)
    dated = read_anchors(anchors or {})
    lex = EventLexicon.of(setup.language) if dated else None
    timexes: list[TimeExpression] = []
    events: list[Event] = []
    links: list[Found] = []
    bounds: list[Span] = []
    placing = _Placing(setup)
    for block, found in setup.blocks(text):
        sentences = block.sentences()
        bounds += [Span(s.start, s.end) for s in sentences]
        if lex is not None:
            found = relative_to_events(text, found, sentences, dated, lex)
        timexes += found
        mine = find_events(sentences, found, setup.language)
        if setup.dateline is not None:  # "Gepubliceerd op 3 februari 2017" dates the text; it is no event of it
            line = setup.dateline
            mine = [e for e in mine if not (e.span.start < line.end and line.start < e.span.end)]
        if dated:
            mine = date_events(mine, dated)
        events += placing.block(sentences, mine, found, links)
    placing.headings(events)
    return _ordered(text, setup, tuple(timexes), events, links, tuple(bounds))


class _Placing:
    """Every event against the DCT, and the links between events, block by block."""

    def __init__(self, setup: _Setup) -> None:
        self.words = PlacementWords.of(setup.language)
        self.dct = dct_interval(dct_moment(setup.dct, setup.dct_time))  # a DCT with a clock time: the clock decides
        self.finder = LinkFinder(self.words)
        self.heading_nouns: list[Event] = []  # nouns of a sentence with no verb ("Annexatie Krim")

    def block(self, sentences: Sequence[Sentence], events: list[Event], timexes: Sequence[TimeExpression],
              links: list[Found]) -> list[Event]:
        """The block's events with their relations to the DCT; its links go to ``links``."""
        by_sentence: dict[int, list[Event]] = {}
        for e in events:
            by_sentence.setdefault(e.sentence, []).append(e)
        self.finder.timexes(timexes)
        out: list[Event] = []
        for sentence in sentences:
            mine = by_sentence.get(sentence.index)
            if not mine:
                continue
            view = SentenceEvents(sentence, mine)
            found = self.finder.sentence(view)
            relations = dct_relations(view, self.dct, self.words, [(f.source, f.target, f.relation) for f in found])
            for e, r in zip(mine, relations, strict=True):
                _place(e, r, self.dct)
            if view.main(0) is None and all(e.nominal for e in mine):
                self.heading_nouns += [e for e in mine if e.dct_relation is Relation.VAGUE]
            links += found
            out += mine
        return out

    def headings(self, events: Sequence[Event]) -> None:
        """A noun in a sentence without a verb (a heading: "Annexatie Krim") has no clause to
        place it; where the text names the same event elsewhere, and every such mention lies
        the same way against the DCT, the heading noun does too."""
        if not self.heading_nouns:
            return
        heading = {id(e) for e in self.heading_nouns}
        seen: dict[str, set[Relation]] = {}
        for e in events:
            if e.nominal and id(e) not in heading:
                seen.setdefault(e.lemma, set()).add(e.dct_relation)
        for e in self.heading_nouns:
            relations = seen.get(e.lemma, set())
            if len(relations) == 1 and Relation.VAGUE not in relations:
                object.__setattr__(e, "dct_relation", next(iter(relations)))  # still fresh: see _place


def _place(event: Event, relation: Relation, dct: Interval) -> None:
    """Give an event its relation to the DCT; a present attitude loses an anchor ahead of the
    DCT, which dates what it is about ("verwacht op pakjesavond drukte"), not itself.

    The events are fresh from :func:`~timeline.events.detect.find_events` and seen by
    nothing outside this module yet, so they are completed in place (an ``attrs.evolve``
    per event, with its checks, costs more than the rest of placing it) before any
    caller gets them; from then on they are frozen."""
    if attitude(event) and event.interval is not None and event.interval.start >= dct.end:
        for name in ("timex", "interval", "anchor"):
            object.__setattr__(event, name, None)
    object.__setattr__(event, "dct_relation", relation)


def _ordered(text: str, setup: _Setup, timexes: tuple[TimeExpression, ...], events: list[Event],
             found: list[Found], sentences: tuple[Span, ...]) -> Document:
    """The document, its anchored events in timeline order and then the rest in text order;
    its links those that agree with its anchors, relations to the DCT and earlier links."""
    placed = [k for k, e in enumerate(events) if e.interval is not None]
    ranks_of = dict(zip(placed, rank([events[k].interval for k in placed]), strict=True))  # type: ignore[misc]
    order = sorted(placed, key=lambda k: (ranks_of[k], events[k].interval.start, k))  # type: ignore[union-attr]
    rest = [k for k, e in enumerate(events) if e.interval is None]
    ordered = tuple(events[k] for k in order + rest)
    where = {id(e): k for k, e in enumerate(ordered)}
    links = tuple(Link(source=where[id(f.source)], target=where[id(f.target)], relation=f.relation, cue=f.cue,
                       span=f.span) for f in found if id(f.source) in where and id(f.target) in where)
    kept = closure_of(ordered, links, dct_moment(setup.dct, setup.dct_time)).kept if links else []
    return Document(text=text, dct=setup.dct, dct_source=setup.source, timexes=timexes, events=ordered,
                    ranks=tuple([ranks_of[k] for k in order] + [None] * len(rest)), sentences=sentences,
                    links=tuple(link for link, ok in zip(links, kept, strict=True) if ok), dct_time=setup.dct_time)


def recognize_document(text: str, dct: date | datetime | str | None = None, *, parser: Parser | str = "builtin",
                       language: LanguageLike = "nl") -> Recognition:
    """Find, normalize and resolve every time expression of ``text``.

    Args:
        text: the document.
        dct: its creation time; when None, a dateline at the top of the text.
        parser: as for :func:`analyze`: its parse gives the tense of each
            expression's clause (the built-in parser parses only the sentences
            that hold an expression).
        language: the language code.

    Returns:
        The expressions in text order, and which DCT was used and where it came from.

    Raises:
        DctError: (a ValueError) when the DCT cannot be read, or is None and
            the text has no dateline.
        TypeError: when ``text`` is not a string.
    """
    setup = _Setup.of(text, dct, parser, language)
    timexes = tuple(t for _, found in setup.blocks(text) for t in found)
    return Recognition(timexes=timexes, dct=setup.dct, dct_source=setup.source, dct_span=setup.dateline,
                       dct_time=setup.dct_time)


def recognize(text: str, dct: date | datetime | str | None = None, *, parser: Parser | str = "builtin",
              language: LanguageLike = "nl") -> tuple[TimeExpression, ...]:
    """The time expressions of ``text``, resolved against ``dct``.

    >>> import timeline
    >>> text = "Hij zei donderdag dat het kabinet vrijdag beslist."
    >>> [(t.text, t.value) for t in timeline.recognize(text, dct="2017-02-01")]
    [('donderdag', '2017-01-26'), ('vrijdag', '2017-02-03')]
    """
    return recognize_document(text, dct, parser=parser, language=language).timexes


def _tense(block: Block, language: Language, mention: Mention) -> Tense:
    return tense_at(block, mention.span.start, language)


@frozen
class _Setup:
    """What a run over one document needs: its language, parser and DCT (its day, and its
    time of day where it has one), and its dateline."""

    language: Language
    parser: Parser
    dct: date
    source: DctSource
    dateline: Span | None
    dct_time: time | None = None

    @staticmethod
    def of(text: str, dct: date | datetime | str | None, parser: Parser | str, language: LanguageLike) -> _Setup:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        lang = load_language(language)
        chosen = get_parser(parser, lang)
        if dct is not None:
            day, clock = read_dct(dct, lang)
            return _Setup(lang, chosen, day, DctSource.ARGUMENT, None, clock)
        found = find_dateline(text, lang)
        if found is None:
            raise DctError("no DCT given and no publication date found at the top of the text",
                           Fix("dct", ("2017-02-02",)))
        return _Setup(lang, chosen, found[0], DctSource.DATELINE, found[2], found[1])

    def blocks(self, text: str) -> Iterator[tuple[Block, list[TimeExpression]]]:
        """Each block of the text, with its time expressions resolved."""
        resolver = Resolver(text, self.dct, dct_time=self.dct_time)
        line = self.dateline
        for block in read(text, self.parser, self.language):
            mentions: list[Mention] = find_mentions(block.match, self.language)
            if line is not None:  # the dateline is the DCT itself, not an expression of the text
                mentions = [m for m in mentions if not (line.start <= m.span.start and m.span.end <= line.end)]
            yield block, resolver.resolve(mentions, functools.partial(_tense, block, self.language))
