"""The verb forms of a language, indexed by surface form: the built-in parser's lexicon.

Irregular and regular verbs with their past forms and participles
(``verbs.toml``, regular forms expanded by the language's spelling rules), the
auxiliaries, separable particles, and the endings that let the parser read a
form the lexicon lacks (``tense.toml``).
"""

from __future__ import annotations

import functools

from ...lang import Language
from ..tense import TenseCues

__all__ = ["VerbLexicon"]


class VerbLexicon:
    """The verb forms of a language, indexed for lookup by surface form."""

    @staticmethod
    def of(language: Language) -> VerbLexicon:
        """The lexicon of ``language``, built once per loaded language."""
        return _lexicon(language)

    def __init__(self, language: Language) -> None:
        self.cues = TenseCues.of(language)
        verbs, cues = language.verbs, language.tense
        self.past: dict[str, str] = {}
        self.participles: dict[str, str] = {}
        known = {**verbs["conjugated"], **verbs["irregular"]}
        for infinitive, forms in known.items():
            for key in ("past", "past_plural"):
                if forms.get(key):
                    self.past[forms[key]] = infinitive
            self.participles[forms["participle"]] = infinitive
        self.infinitives = frozenset(known)
        self.present: dict[str, str] = dict(verbs.get("present_irregular", {}))
        self.not_past = frozenset(verbs.get("not_past", {}).get("words", ()))
        particles = sorted(verbs["separable_particles"]["words"], key=lambda p: (-len(p), p))
        self.particles: dict[str, tuple[str, ...]] = {}  # by first letter, longest first
        for particle in particles:
            self.particles[particle[:1]] = (*self.particles.get(particle[:1], ()), particle)
        clause = cues.get("clause", {})
        self.subordinators = frozenset(clause.get("subordinators", ()))
        self.punctuation = frozenset(clause.get("punctuation", ()))
        regular = cues.get("regular_past", {})
        self.past_endings = tuple(regular.get("endings", ()))
        self.past_not_endings = tuple(regular.get("not_endings", ()))
        self.past_min = int(regular.get("min_length", 5))
        present = cues.get("present", {})
        self.present_endings = tuple(present.get("endings", ()))
        self.present_min = int(present.get("min_length", 4))
        part = cues.get("participle", {})
        self.participle_prefix = part.get("prefix", "ge")
        self.participle_endings = tuple(part.get("endings", ()))
        self.inseparable = tuple(part.get("inseparable", ()))

    def strip_particle(self, word: str) -> str:
        for particle in self.particles.get(word[:1], ()):
            if word.startswith(particle) and len(word) > len(particle) + 3:
                return word[len(particle):]
        return word

    def is_participle(self, word: str) -> bool:
        if word in self.participles:
            return True
        core = self.strip_particle(word)
        if core in self.participles:
            return True
        if not core.endswith(self.participle_endings) or len(core) < 6:
            return False
        return core.startswith((self.participle_prefix, *self.inseparable))

    def is_infinitive(self, word: str) -> bool:
        """A verb in the infinitive: a known one, or a word on -en that is no past form."""
        return word in self.infinitives or (len(word) >= 5 and word.endswith("en") and word not in self.past
                                            and word not in self.not_past)

    def is_regular_past(self, word: str) -> bool:
        """A singular regular past (stem + de/te): a strong cue."""
        return (len(word) >= self.past_min and word.endswith(self.past_endings)
                and not word.endswith(self.past_not_endings) and word not in self.not_past)

    def may_be_plural_past(self, word: str) -> bool:
        """A plural regular past (stem + den/ten) is spelled like many infinitives and
        plural nouns: only a weak cue, trusted when the narrative is in the past."""
        return self.cues.may_be_plural_past(word)


@functools.cache
def _lexicon(language: Language) -> VerbLexicon:
    return VerbLexicon(language)
