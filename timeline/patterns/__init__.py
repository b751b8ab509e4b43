"""The pattern language a language writes its time-expression rules in.

A rule is a sequence of elements, each matching one or more tokens: words of a
lexicon class (:class:`Words`), numbers in a range (:class:`Number`), tokens of a
regular shape (:class:`Shape`), and the combinators :class:`Seq`, :class:`Opt`,
:class:`Alt` and :class:`Cap`, the looks around a match :class:`Ahead` and :class:`Behind`
(:mod:`~timeline.patterns.looks`); :class:`Rule` joins a pattern to the meaning its
match builds. The elements live in :mod:`~timeline.patterns.elements`, the
combinators and rules in :mod:`~timeline.patterns.combinators`, the index of rules
by the tokens they can begin with in :mod:`~timeline.patterns.index`.

>>> from timeline.patterns import Number, Rule, Seq, Words
>>> rule = Rule("year.in", Seq(Words({"in": True}), Number(1000, 2999, "year")), lambda m: m["year"],
...             examples=("in 2014",))
>>> rule.id
'year.in'
"""

from .combinators import Alt, Cap, Extends, Match, Opt, Part, Rule, Seq
from .elements import ANY, DIGIT, NUMERIC, Element, Number, Shape, Trie, Words, token_key
from .looks import Ahead, Behind, Glued

__all__ = ["ANY", "DIGIT", "NUMERIC", "Ahead", "Alt", "Behind", "Cap", "Element", "Extends", "Glued", "Match",
           "Number", "Opt", "Part", "Rule", "Seq", "Shape", "Trie", "Words", "token_key"]
