"""Dutch numerals written out, cardinal and ordinal, generated from their parts.

Dutch builds 21-99 as unit + "en" + tens (``eenentwintig``, ``tweeëntwintig``
with a diaeresis after a vowel), and ordinals by adding ``de`` or ``ste``.
"""

from __future__ import annotations

_UNITS = ("", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien")
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
_ORDINAL_IRREGULAR = {1: "eerste", 3: "derde", 8: "achtste"}


def cardinal(n: int) -> str:
    """The Dutch word for ``n``, 1 to 99."""
    if not 1 <= n <= 99:
        raise ValueError(f"only 1 to 99 are written out here: {n}")
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if not unit:
        return _TENS[tens]
    link = "ën" if _UNITS[unit].endswith("e") else "en"
    return _UNITS[unit] + link + _TENS[tens]


def ordinal(n: int) -> str:
    """The Dutch ordinal for ``n``, 1 to 99: ``eerste``, ``achtste``, ``twintigste``."""
    if n in _ORDINAL_IRREGULAR:
        return _ORDINAL_IRREGULAR[n]
    if n > 20 and n % 10 in _ORDINAL_IRREGULAR:
        return cardinal(n) + "ste"
    word = cardinal(n)
    return word + ("ste" if n >= 20 else "de")


def cardinals() -> dict[str, int]:
    """Every written cardinal 1-99, with the variants news text uses (één, tweeentwintig)."""
    out = {cardinal(n): n for n in range(1, 100)}
    out.update({w.replace("ë", "e"): n for w, n in out.items() if "ë" in w})
    out["één"] = 1
    out["eén"] = 1
    return out


def ordinals() -> dict[str, int]:
    """Every written ordinal 1-99."""
    out = {ordinal(n): n for n in range(1, 100)}
    out.update({w.replace("ë", "e"): n for w, n in out.items() if "ë" in w})
    return out


def and_a_half() -> dict[str, int]:
    """Whole numbers 2-20 with a half: ``tweeënhalf`` (2), ``tienenhalf`` (10); the caller adds the half.

    One and a half is ``anderhalf``, a word of its own (in the lexicon).
    """
    out = {}
    for n in range(2, 21):
        word = cardinal(n)
        out[word + ("ënhalf" if word.endswith("e") else "enhalf")] = n
    out.update({w.replace("ë", "e"): n for w, n in out.items() if "ë" in w})
    return out


def years() -> dict[str, int]:
    """Years written out, as Dutch says them: the hundreds and the rest in one word
    (``negentienvierentachtig`` 1984, ``negentienhonderdvijf`` 1905) for 1100-1999, and
    ``tweeduizend`` with the rest, in one word or two (``tweeduizend zeventien``) for 2000-2099.

    The hundreds alone (``negentienhonderd``) and the two-word forms are also plain numbers
    (``tweeduizend mensen``): :func:`bare_years` says which forms are years whatever follows.
    """
    out: dict[str, int] = {}
    for hundreds in range(11, 20):
        head = cardinal(hundreds)
        out[head + "honderd"] = hundreds * 100
        for rest in range(1, 100):
            out[head + "honderd" + cardinal(rest)] = hundreds * 100 + rest
        out.update({head + cardinal(rest): hundreds * 100 + rest for rest in range(10, 100)})
    out["tweeduizend"] = 2000
    for rest in range(1, 100):
        out["tweeduizend" + cardinal(rest)] = out["tweeduizend " + cardinal(rest)] = 2000 + rest
    out.update({w.replace("ë", "e"): n for w, n in out.items() if "ë" in w})
    return out


def bare_years() -> dict[str, int]:
    """The written years that are no other number: hundreds and rest in one word without
    ``honderd`` (``negentienvierentachtig``); a number is never said that way."""
    return {word: year for word, year in years().items()
            if "honderd" not in word and "duizend" not in word}
