"""timeline: Dutch news text to a timeline of time expressions (and, next, events).

>>> import timeline
>>> [(t.text, t.type.value, t.value) for t in timeline.recognize("Het kabinet beslist donderdag.", dct="2017-02-02")]
[('donderdag', 'DATE', '2017-02-02')]
"""

from .algebra import Grain, Interval
from .annotate import range_interval, ranges, recognize, recognize_document
from .dct import DctError, parse_dct
from .intent import Direction, Tense
from .model import DctSource, Mod, Recognition, Span, TimeExpression, TimexType
from .resolver import Anchor, Resolved, resolve

__all__ = [
    "Anchor", "DctError", "DctSource", "Direction", "Grain", "Interval", "Mod", "Recognition",
    "Resolved", "Span", "Tense", "TimeExpression", "TimexType", "parse_dct", "range_interval", "ranges",
    "recognize", "recognize_document", "resolve",
]
__version__ = "0.1.0"
