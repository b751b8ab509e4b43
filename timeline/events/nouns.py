"""Event nouns: which nouns name something that happens or holds, and their class.

A noun is an event when the language lists it (``[nominal]`` of ``events.toml``:
``verkiezingen``, ``crisis``), or when it is made from a verb the language
knows (``[nominal_derivation]``): by a suffix (``levering`` from ``leveren``,
``annexatie`` from ``annexeren``), as the bare stem or the infinitive of a verb
with a particle or prefix (``aankoop``, ``herstel``, ``het opheffen``), or by a
vowel change after a particle (``deelname``); a plural is its singular's event,
and a compound is its last part's (``presidentsverkiezingen``, ``testvlucht``).
The nouns that look made so but name a thing, a place, a group or a person
(``woning``, ``regering``, ``bedrijf``) are listed in ``[not_nominal]``: they
decide for their compounds too (``huurwoning``).

The engine knows no words: the suffixes, particles, prefixes and verbs are the
language's. Each noun is worked out once, then looked up.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from typing import Any

from ..lang.morphology import Morphology
from ..model import EventClass

__all__ = ["NounEvents"]

_LIMIT = 200_000  # nouns kept worked out; past that the memo starts anew
_Verdict = tuple[bool, EventClass | None]  # (decided, the class: None where no event)
_OPEN: _Verdict = (False, None)


class NounEvents(dict[str, EventClass | None]):
    """Lowercase noun -> the class of the event it names, or None: ``nouns[word]`` works a
    word out the first time it is asked for, and remembers it."""

    def __init__(self, data: Mapping[str, Any], verbs: Iterable[str], classes: Mapping[str, EventClass],
                 morphology: Morphology) -> None:
        super().__init__()
        self.listed: dict[str, EventClass] = {}
        for name, words in data.get("nominal", {}).items():
            for word in words:
                self.listed[word] = EventClass[name.upper()]
        self.stop = frozenset(data.get("not_nominal", {}).get("words", ()))
        self.names = {**dict.fromkeys(self.stop), **self.listed}  # every listed noun, event or none
        rules = data.get("nominal_derivation", {})
        self.suffixes = _longest_first(rules.get("suffixes", {}))
        self.after_particle = _longest_first(rules.get("after_particle", {}))
        self.endings = tuple(key for key, _ in (*self.suffixes, *self.after_particle))  # all that _by_suffix reads
        self.plurals: tuple[str, ...] = tuple(rules.get("plurals", ()))
        self.infinitive_ending: str = rules.get("infinitive") or "\0"  # (no word ends in NUL)
        sizes = rules.get("sizes", {})
        self.min_stem, self.min_modifier = sizes.get("stem", 3), sizes.get("modifier", 3)
        self.min_head = sizes.get("head", 4)
        self.verbs = frozenset(verbs) | frozenset(rules.get("verbs", ()))
        self.prefixes = frozenset(rules.get("particles", ())) | frozenset(rules.get("prefixes", ()))
        self.prefix_lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
        self.classes = classes
        self.morphology = morphology
        self._verb_memo: dict[str, bool] = {}

    def __missing__(self, word: str) -> EventClass | None:
        if len(self) >= _LIMIT:
            self.clear()
            self._verb_memo.clear()
        found = self.decide(word)
        self[word] = found
        return found

    def decide(self, word: str) -> EventClass | None:
        """The class of the event ``word`` names (None: it names none), not remembered."""
        decided, cls = self._known(word, whole=True)
        if decided:
            return cls
        # A compound: its longest last part that is known decides; a first part that is too
        # short means no compound at all ("onvrede" is no kind of "vrede", nor "rede"). A
        # last part is known by the lists or by a suffix, not as a stem: any letters make
        # some stem ("bouwwerken" would end in "erken", from "erkennen").
        # The last parts of a word share its ending: its plural endings, and whether a suffix
        # can make any of them an event noun, are found once; the lists are looked up for all
        # last parts at once.
        ends = [e for e in self.plurals if word.endswith(e)]
        heads = [word[k:] for k in range(1, len(word) - self.min_head + 1)]
        listed = list(map(self.names.__contains__, heads))
        for e in ends:
            listed = list(map(operator.or_, listed, map(self.names.__contains__, [h[:-len(e)] for h in heads])))
        suffixed = word.endswith(self.endings) or any(word[:-len(e)].endswith(self.endings) for e in ends)
        for k, head in enumerate(heads, 1):
            if listed[k - 1]:
                decided, cls = self._listed(head, ends)
            elif suffixed:
                decided, cls = self._known(head, whole=False, ends=ends)
                # A last part made from a verb may have taken letters of the first part:
                # "metroverbinding" ends in "overbinding" before "verbinding"; a shorter
                # last part that is listed (as an event noun or as none) wins.
                if decided and True in listed[k:]:
                    decided, cls = self._listed(heads[listed.index(True, k)], ends)
            else:
                continue
            if decided:
                return cls if k >= self.min_modifier else None
        return None

    def _listed(self, word: str, ends: list[str]) -> _Verdict:
        """Whether a word, or its singular (``ends``: its plural endings), is listed as an event
        noun or as none."""
        for single in (word, *(word[:-len(e)] for e in ends)):
            if single in self.listed:
                return True, self.listed[single]
            if single in self.stop:
                return True, None
        return _OPEN

    def _known(self, word: str, whole: bool, ends: list[str] | None = None) -> _Verdict:
        """Whether a word (``whole``) or the last part of one is known as an event noun or as none
        (``ends``: its plural endings)."""
        if ends is None:
            ends = [e for e in self.plurals if word.endswith(e)]
        listed = self._listed(word, ends)
        if listed[0]:
            return listed
        cls = self._from_verb(word) if whole else self._by_suffix(word)
        if cls is None:
            singles = (word[:-len(e)] for e in ends if len(word) - len(e) >= self.min_head)
            cls = next(filter(None, map(self._by_suffix, singles)), None)
        return (True, cls) if cls is not None else _OPEN

    def _from_verb(self, word: str) -> EventClass | None:
        """The class of the verb ``word`` is made from (None: none is known)."""
        cls = self._by_suffix(word)
        if cls is not None:
            return cls
        # "aankoop" (aankopen), "opheffen" (the infinitive as a noun, or the plural of a stem:
        # "aanvallen"); a word that ends like an infinitive is no stem ("beren" is no "berennen").
        stem_verb = None if word.endswith(self.infinitive_ending) else self.morphology.infinitive(word)
        for verb in (stem_verb, word):
            if verb and self._prefixed(verb):
                return self.classes.get(verb, EventClass.OCCURRENCE)
        return None

    def _by_suffix(self, word: str) -> EventClass | None:
        if not word.endswith(self.endings):
            return None
        for suffix, endings in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.min_stem:
                base = word[:-len(suffix)]
                for ending in endings:
                    if self.is_verb(base + ending):
                        return self.classes.get(base + ending, EventClass.OCCURRENCE)
        for head, verbs in self.after_particle:
            if word.endswith(head) and word[:-len(head)] in self.prefixes:
                for verb in verbs:
                    if self.is_verb(word[:-len(head)] + verb):
                        return self.classes.get(word[:-len(head)] + verb, EventClass.OCCURRENCE)
        return None

    def _prefixed(self, verb: str) -> bool:
        """Whether a verb is a particle or prefix and a known verb ("aankopen", "bezoeken")."""
        return any(len(verb) - n >= 4 and verb[:n] in self.prefixes and self.is_verb(verb[n:])
                   for n in self.prefix_lengths)

    def is_verb(self, word: str) -> bool:
        """A verb the language knows, or one made of a particle or prefix and such a verb
        ("bestellen": "be" + "stellen"; "herindelen": "her" + "in" + "delen")."""
        if word in self.verbs:
            return True
        known = self._verb_memo.get(word)
        if known is None:
            known = any(len(word) - n >= 4 and word[:n] in self.prefixes and self.is_verb(word[n:])
                        for n in self.prefix_lengths)
            self._verb_memo[word] = known
        return known


def _longest_first(table: Mapping[str, Iterable[str]]) -> list[tuple[str, tuple[str, ...]]]:
    """A table of word endings, the longest first (and then in alphabetical order)."""
    return sorted(((key, tuple(values)) for key, values in table.items()), key=lambda kv: (-len(kv[0]), kv[0]))
