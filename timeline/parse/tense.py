"""The tense of a clause, read from the parse: what steers the resolution of time expressions.

Whatever parser ran (the built-in one, stanza, Frog), the question is the same:
is the clause around a time expression in the past, the present or the
future? The answer comes from its verb group, as the parser analyzed it:

- a future auxiliary (``zal``, ``zullen``) makes it future, and so does a present
  form of ``gaan`` with an infinitive in the clause (``gaat ... beslissen``);
- a simple past (``zei``, ``werd``) makes it past, and so does a perfect
  auxiliary with a participle (``heeft ... gezegd``, ``is ... vertrokken``),
  except a present ``zijn`` with a participle that tells a state
  (``is gesloten``, ``is gepland``);
- a conditional auxiliary (``zou``) looks ahead from the past it is told in, so
  it points forward as the present does;
- a plural spelled alike in the present and the past (``zetten``, ``praatten``
  is no word but ``zetten`` is both) takes the tense of the narrative: the
  nearest of the three sentences before that shows one;
- else it is present.

The verb that decides is the finite verb of the expression's own clause
nearest to it; in a clause without one, the nearest finite verb of the
sentence. A sentence without one (a headline, a caption) is past when it has a
past participle that tells no state: it leaves out the auxiliary of a perfect or
a passive (``Man aangehouden na steekpartij op dinsdagavond``); else present
(``Slotkoers van vrijdag: 12,34``). Which forms are auxiliaries of which kind,
and which endings a plural past has, is the language's data (``verbs.toml``,
``tense.toml``).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Mapping, Sequence

from ..lang import Language
from ..time.intent import Tense
from .protocol import Sentence

__all__ = ["TenseCues", "clause_tense", "token_at"]


class TenseCues:
    """The language's auxiliary forms by role, and its stative participles."""

    def __init__(self, language: Language) -> None:
        roles: Mapping[str, str] = language.verbs["auxiliary"]
        self.future = frozenset(form for form, role in roles.items() if role == "future")
        self.perfect = frozenset(form for form, role in roles.items() if role == "perfect")
        self.go = frozenset(form for form, role in roles.items() if role == "go")
        self.conditional = frozenset(form for form, role in roles.items() if role == "conditional")
        stative = language.verbs["stative_participles"]
        self.state_auxiliary: frozenset[str] = stative["after"]
        self.stative: frozenset[str] = stative["words"]
        self.not_past: frozenset[str] = language.verbs["not_past"]["words"]
        regular = language.tense["regular_past"]
        self.plural_past_endings: tuple[str, ...] = regular["plural_endings"]
        self.past_not_endings: tuple[str, ...] = regular["not_endings"]
        self.past_min: int = regular["min_length"]

    def may_be_plural_past(self, form: str) -> bool:
        """Whether a verb form may be a plural regular past (stem + den/ten): spelled like the
        plural present of many verbs, so only the narrative can tell."""
        return (len(form) >= self.past_min + 1 and form.endswith(self.plural_past_endings)
                and not form.endswith(self.past_not_endings) and form not in self.not_past)

    @staticmethod
    def of(language: Language) -> TenseCues:
        """The cues of ``language``, built once per loaded language."""
        return _cues(language)


@functools.cache
def _cues(language: Language) -> TenseCues:
    return TenseCues(language)


def token_at(sentence: Sentence, offset: int) -> int:
    """The index of the token of ``sentence`` that holds (or follows) character ``offset``."""
    k = bisect.bisect_right(sentence.ends, offset)
    return min(k, len(sentence.texts) - 1)


def clause_tense(sentence: Sentence, k: int, cues: TenseCues,
                 before: Callable[[], Sequence[Sentence]] = tuple) -> Tense:
    """The tense of the clause around token ``k`` (see the module's doc); ``before()`` gives the
    sentences before this one, nearest last, for the tense of the narrative (asked only
    when a verb needs it)."""
    verb = _deciding_verb(sentence, k)
    if verb is None:
        return _verbless(sentence, cues)
    tense = _group_tense(sentence, verb, cues)
    if (tense is Tense.PRESENT and cues.may_be_plural_past(sentence.texts[verb].lower())
            and _narrative(before(), cues) is Tense.PAST):
        return Tense.PAST  # "Daarna zetten ze ...": a plural that may be past, in a past story
    return tense


def _deciding_verb(sentence: Sentence, k: int) -> int | None:
    """The finite verb of token ``k``'s clause nearest to it, else the sentence's nearest."""
    feats, clauses = sentence.feats, sentence.clauses
    finite = [j for j, f in enumerate(feats) if f.get("VerbForm") == "Fin"]
    if not finite:
        return None
    own = [j for j in finite if clauses[j] == clauses[k]] or finite
    return min(own, key=lambda j: (abs(j - k), j))


def _verbless(sentence: Sentence, cues: TenseCues) -> Tense:
    """A sentence with no finite verb: past with a participle that tells what happened (the
    auxiliary left out, as headlines do), else present."""
    for j, feats in enumerate(sentence.feats):
        if feats.get("VerbForm") == "Part" and sentence.texts[j].lower() not in cues.stative:
            return Tense.PAST
    return Tense.PRESENT


def _narrative(before: Sequence[Sentence], cues: TenseCues) -> Tense | None:
    """The tense of the nearest of the last three sentences that has a finite verb."""
    for sentence in list(before)[-1:-4:-1]:
        verb = _deciding_verb(sentence, 0)
        if verb is not None:
            return _group_tense(sentence, verb, cues)
    return None


def _group_tense(sentence: Sentence, verb: int, cues: TenseCues) -> Tense:
    """The tense the verb group of finite verb ``verb`` expresses."""
    form = sentence.texts[verb].lower()
    if form in cues.future:
        return Tense.FUTURE
    if form in cues.conditional:
        return Tense.PRESENT  # "zou ... gaan": ahead of the past it is told in
    past = sentence.feats[verb].get("Tense") == "Past"
    clause = sentence.clauses[verb]
    group = [j for j, c in enumerate(sentence.clauses) if c == clause and j != verb]
    forms = [sentence.feats[j].get("VerbForm") for j in group]
    if form in cues.go and not past and "Inf" in forms:
        return Tense.FUTURE  # "gaat ... beslissen"
    if past:
        return Tense.PAST
    participles = [sentence.texts[j].lower() for j, f in zip(group, forms, strict=True) if f == "Part"]
    if form in cues.perfect and participles:
        if form in cues.state_auxiliary and all(p in cues.stative for p in participles):
            return Tense.PRESENT  # "is gesloten": how things are now
        return Tense.PAST  # "heeft ... gezegd", "is ... vertrokken"
    return Tense.PRESENT
