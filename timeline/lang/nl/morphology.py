"""Dutch spelling rules for verbs: the forms of regular verbs, and the infinitive of a stem.

Forms of regular (weak) Dutch verbs are derived from the infinitive by spelling rules.

A weak verb makes its past with the stem + ``de``/``te`` (``te`` after a stem
ending in one of the consonants of 't kofschip), its plural with an added
``n``, and its participle with ``ge`` + stem + ``d``/``t``. The stem is the
infinitive without ``en``, respelled: a doubled consonant is undoubled
(``stemmen``: ``stem``), the vowel of an open syllable is doubled (``raken``:
``raak``), and a final ``v``/``z`` is written ``f``/``s`` (``leven``: ``leef``,
but ``leefde``, since the choice of ``de``/``te`` goes by the sound of the
infinitive).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_VOWELS = "aeiouy"
_VOICELESS = ("t", "k", "f", "s", "ch", "p", "x", "sh")  # 't kofschip (and loans)
# Prefixes that take no "ge"; a separable verb is marked as such in verbs.toml, so an
# unmarked "over"/"onder" is inseparable (overtuigen: overtuigd).
_INSEPARABLE = ("be", "ge", "her", "ont", "ver", "er", "over", "onder")
_DIAERESIS = {"e": "ë", "i": "ï", "u": "ü"}


def stem(infinitive: str, *, unstressed: bool = False) -> str:
    """The written stem: ``stemmen`` -> ``stem``, ``raken`` -> ``raak``, ``leven`` -> ``leef``.

    ``unstressed`` marks a verb whose last syllable before ``en`` is a schwa
    (``veranderen``, ``openen``): its vowel is not doubled.
    """
    if not infinitive.endswith("en") or len(infinitive) < 4:
        raise ValueError(f"not a regular Dutch infinitive: {infinitive!r}")
    base = infinitive[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        base = base[:-1]  # stemm -> stem
    elif (not unstressed and len(base) >= 2 and base[-1] not in _VOWELS and base[-2] in "aeou"
          and (len(base) == 2 or base[-3] not in _VOWELS)):
        base = base[:-1] + base[-2] + base[-1]  # rak -> raak
    if base.endswith("v"):
        base = base[:-1] + "f"
    elif base.endswith("z"):
        base = base[:-1] + "s"
    return base


def _voiceless(infinitive: str) -> bool:
    """Whether the past takes ``te``: by the consonant the infinitive ends its stem with."""
    sound = infinitive[:-2]
    return sound.endswith(_VOICELESS) or sound[-2:] in ("tt", "kk", "ff", "ss", "pp")


def forms(infinitive: str, *, unstressed: bool = False, particle: str = "") -> dict[str, str]:
    """Past singular, past plural and participle of a weak verb (no plural where it
    is spelled as the infinitive: ``zetten``).

    A separable verb is given as its base and ``particle`` (``kondigen``, ``aan``):
    the past is the base's (``kondigde ... aan``), the participle puts ``ge``
    after the particle (``aangekondigd``).
    """
    s = stem(infinitive, unstressed=unstressed)
    past = s + ("te" if _voiceless(infinitive) else "de")
    end = "" if s.endswith(("t", "d")) else ("t" if _voiceless(infinitive) else "d")
    if infinitive.startswith(_INSEPARABLE) and len(infinitive) > 6:
        participle = s + end
    else:
        # "ge" + a stem that starts with e, i or u takes a diaeresis (geëist, geïnformeerd),
        # unless the two make a sound of their own (geuit, geijkt).
        mark = s[0] in _DIAERESIS and not s.startswith(("ui", "ij"))
        participle = "ge" + (_DIAERESIS[s[0]] + s[1:] if mark else s) + end
    found = {"past": past, "past_plural": past + "n", "participle": particle + participle}
    if found["past_plural"] == infinitive:
        del found["past_plural"]  # "zetten", "redden": the plural past is spelled as the infinitive
    return found


def conjugate(verbs: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """The forms of the ``[regular]`` verbs of ``verbs.toml``, by infinitive.

    ``[regular]`` lists infinitives (``words``; ``unstressed`` for a schwa before
    ``en``); a separable verb is written ``particle|base`` (``aan|kondigen``).
    Forms that ``[not_past]`` says are other words are left out.
    """
    not_past = verbs["not_past"]["words"]
    conjugated: dict[str, dict[str, str]] = {}
    for key, unstressed in (("words", False), ("unstressed", True)):
        for entry in verbs["regular"][key]:
            particle, _, base = entry.rpartition("|")
            found = forms(base, unstressed=unstressed, particle=particle)
            if not_past.intersection((found["past"], found.get("past_plural"))):
                continue
            conjugated[particle + base] = found
    return conjugated


class DutchMorphology:
    """The Dutch spelling rules the built-in parser and the verb lexicon use (see the module's doc)."""

    def __init__(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        lemma = data["parser"]["lemma"]
        self.vowels: str = lemma["vowels"]
        self.ending: str = lemma["infinitive"]
        self.voiced: Mapping[str, str] = lemma["voiced"]
        self.voiced_after: Mapping[str, str] = lemma["voiced_after"]
        self.diphthongs: tuple[str, ...] = lemma["diphthongs"]
        self.undoubled: str = lemma["undoubled"]
        self.unstressed: tuple[str, ...] = lemma["unstressed"]
        self.inseparable: tuple[str, ...] = data["tense"]["participle"]["inseparable"]

    def conjugate(self, verbs: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        return conjugate(verbs)

    def infinitive(self, stem: str) -> str | None:
        """The infinitive of a stem: ``werk`` -> ``werken``, ``raak`` -> ``raken``, ``stel`` ->
        ``stellen``, ``leef`` -> ``leven`` (None if the stem cannot be one)."""
        vowels, ending, voiced = self.vowels, self.ending, self.voiced
        if len(stem) < 2 or stem[-1] in vowels or not stem[-1].isalpha():
            return None
        last, body = stem[-1], stem[:-1]
        if len(body) >= 2 and body[-1] == body[-2] and body[-1] in vowels:  # a long vowel written double
            return body[:-1] + voiced.get(last, last) + ending
        if body.endswith(self.diphthongs):
            return body + voiced.get(last, last) + ending
        if body[-1] in self.voiced_after.get(last, ""):
            return body + voiced.get(last, last) + ending
        if (body[-1] in vowels and (len(body) == 1 or body[-2] not in vowels) and last not in self.undoubled
                and self._stressed(stem)):
            return body + last + last + ending  # a short vowel keeps its closed syllable
        return body + last + ending

    def _stressed(self, stem: str) -> bool:
        """Whether the stem's last syllable is stressed (so its consonant doubles before -en)."""
        if not stem.endswith(self.unstressed):
            return True
        core = stem
        for prefix in self.inseparable:
            if core.startswith(prefix) and len(core) > len(prefix) + 2:
                core = core[len(prefix):]
                break
        vowels = self.vowels
        groups = sum(1 for k, ch in enumerate(core) if ch in vowels and (k == 0 or core[k - 1] not in vowels))
        return groups < 2


def morphology(data: Mapping[str, Mapping[str, Any]]) -> DutchMorphology:
    """The morphology of Dutch, from its loaded data files."""
    return DutchMorphology(data)
