"""The language's event words (``events.toml``): classes, event nouns (see
:mod:`~timeline.events.nouns`), what is no event, and the words that decide polarity and
anchoring."""

from __future__ import annotations

import functools

from ..lang import Language
from ..model import EventClass
from .nouns import NounEvents

__all__ = ["EventLexicon"]


class EventLexicon:
    """The language's event words (``events.toml``), indexed for lookup."""

    def __init__(self, language: Language) -> None:
        data = language.data("events")
        self.classes: dict[str, EventClass] = {}
        for name, lemmas in data.get("class", {}).items():
            for lemma in lemmas:
                self.classes[lemma] = EventClass[name.upper()]
        verbs = language.verbs
        known = {*verbs.get("irregular", {}), *verbs.get("conjugated", {}),
                 *verbs.get("present_irregular", {}).values(), *self.classes}
        self.nouns = NounEvents(data, known, self.classes, language.morphology)
        not_event = data.get("not_event", {})
        self.auxiliaries = frozenset(not_event.get("auxiliaries", ()))
        self.modals = frozenset(not_event.get("modals", ()))
        self.copulas = frozenset(not_event.get("copulas", ()))
        # Verbs that are no event when they carry a verb of their group, and what they carry:
        # auxiliaries a participle or an infinitive, the others an infinitive.
        self.carriers = self.auxiliaries | self.modals | self.copulas | frozenset(not_event.get("future", ()))
        self.bare_only = self.auxiliaries | frozenset(not_event.get("future", ()))  # "gaat beslissen", not "om te"
        self.markers = frozenset(not_event.get("markers", ()))
        self.adjectival = frozenset(not_event.get("adjectival_participles", ()))
        self.intensional = frozenset(data.get("intensional", {}).get("verbs", ()))
        self.with_clause = frozenset(data.get("class_with_clause", {}).get("verbs", ()))
        self.phrases: dict[tuple[str, str], EventClass] = {}
        for phrase, name in data.get("phrase", {}).items():
            first, _, second = phrase.partition(" ")
            self.phrases[first, second] = EventClass[name.upper()]
        self.negation = frozenset(data.get("negation", {}).get("words", ()))
        prepositions = data.get("anchor_prepositions", {})
        # By first word, the longest first: the words of each (a tuple), and where it places
        # a time from the event: -1 before it, 1 after it, 0 at it.
        self.prepositions: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for key, sign in (("before", -1), ("after", 1), ("during", 0)):
            for phrase in prepositions.get(key, ()):
                words = tuple(phrase.split())
                self.prepositions.setdefault(words[0], []).append((words, sign))
        for found in self.prepositions.values():
            found.sort(key=lambda entry: -len(entry[0]))
        future = language.verbs.get("auxiliary", {})
        self.future = frozenset(form for form, role in future.items() if role == "future")
        self.perfect = frozenset(form for form, role in future.items() if role == "perfect")

    @staticmethod
    def of(language: Language) -> EventLexicon:
        """The lexicon of ``language``, built once per loaded language."""
        return _lexicon(language)

    def class_of(self, lemma: str) -> EventClass:
        return self.classes.get(lemma, EventClass.OCCURRENCE)


@functools.cache
def _lexicon(language: Language) -> EventLexicon:
    return EventLexicon(language)
