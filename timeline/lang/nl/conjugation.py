"""Forms of regular (weak) Dutch verbs, derived from the infinitive by spelling rules.

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


def expand(verbs: dict[str, object]) -> dict[str, object]:
    """The verb data with the forms of the ``[regular]`` verbs added under ``conjugated``.

    ``[regular]`` lists infinitives (``words``; ``unstressed`` for a schwa before
    ``en``); a separable verb is written ``particle|base`` (``aan|kondigen``).
    Forms that ``[not_past]`` says are other words are left out.
    """
    regular = verbs.get("regular", {})
    if not isinstance(regular, dict):
        raise ValueError("[regular] in verbs.toml must be a table")
    not_past = set(verbs.get("not_past", {}).get("words", ()))  # type: ignore[attr-defined]
    conjugated: dict[str, dict[str, str]] = {}
    for key, unstressed in (("words", False), ("unstressed", True)):
        for entry in regular.get(key, ()):
            particle, _, base = entry.rpartition("|")
            found = forms(base, unstressed=unstressed, particle=particle)
            if not_past.intersection((found["past"], found.get("past_plural"))):
                continue
            conjugated[particle + base] = found
    return {**verbs, "conjugated": conjugated}
