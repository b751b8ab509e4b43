"""timeline: Dutch news text to a timeline: time expressions, events, and their order.

>>> import timeline
>>> [(t.text, t.type.value, t.value) for t in timeline.recognize("Het kabinet beslist donderdag.", dct="2017-02-02")]
[('donderdag', 'DATE', '2017-02-02')]
"""

from .dct import DctError, parse_dct
from .events.order import Allen, relation
from .expressions.normalize import range_interval, ranges
from .model import (
    Aspect,
    DctSource,
    Document,
    Event,
    EventClass,
    Link,
    Mod,
    Polarity,
    Recognition,
    Relation,
    Span,
    TimeExpression,
    TimexType,
)
from .parse.protocol import Parser, Sentence, Token
from .pipeline import analyze, recognize, recognize_document
from .run.batch import Result, analyze_many
from .time.algebra import Grain, Interval
from .time.intent import Direction, Tense
from .time.resolve import Anchor, Resolved, resolve
from .version import __version__ as __version__

__all__ = [
    "Allen", "Anchor", "Aspect", "DctError", "DctSource", "Direction", "Document", "Event", "EventClass", "Grain",
    "Interval", "Link", "Mod", "Parser", "Polarity", "Recognition", "Relation", "Resolved", "Result", "Sentence",
    "Span", "Tense",
    "TimeExpression", "TimexType", "Token", "analyze", "analyze_many", "parse_dct", "range_interval", "ranges",
    "recognize", "recognize_document", "relation", "resolve",
]
