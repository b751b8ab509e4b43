"""Parts of speech: closed classes, the determiner/pronoun/verb ambiguities, and which
words may be verbs at all (one pass left to right, looking a token ahead); the
open class of what is left (noun, adjective, name, number)."""

from __future__ import annotations

import unicodedata

from ..tokens import NUM, PUNCT, WORD
from .lexicon import FIN_INF, FIN_PART, INF, PART, Verb
from .state import Analysis

__all__ = ["adjective_here", "classes", "content", "determiner_or_pronoun", "possessive_is_verb"]

SYMBOLS = frozenset("%‰#@&§°")  # punctuation-like characters that are symbols in UD


def classes(a: Analysis) -> None:
    """Closed classes, the determiner/pronoun/verb ambiguities, and which words may be verbs:
    one pass left to right, looking one token ahead."""
    s = a.t
    closed, det_or_pron, poss_or_verb, marker = s.closed, s.det_or_pron, s.poss_or_verb, s.marker
    subordinators, reading = s.subordinators, s.reading
    lows, lead, tag, verb, te, opener = a.low, a.lead, a.tag, a.verb, a.te, a.opener
    block = 0  # the least verb level the next word needs: 3 none, 2 a form the lexicon has
    seen_finite = False  # a finite verb since the last clause boundary
    for i, (kind, low, text) in enumerate(zip(a.kind, lows, a.text, strict=True)):
        before, block = block, 0
        if kind == PUNCT:
            tag[i] = "SYM" if text in SYMBOLS or unicodedata.category(text[0])[0] == "S" else "PUNCT"
            if text in s.clause_punctuation or text[0] == ".":
                a.boundary[i] = True
                seen_finite = False
            continue
        if kind == NUM:
            block = 1
            continue  # tagged in content()
        if kind != WORD:  # an abbreviation
            tag[i] = "X"
            continue
        if text[0].isupper() and not lead[i]:
            if before == 3 and adjective_here(a, i):
                tag[i], block = "ADJ", 3
            else:
                tag[i] = "PROPN"
            continue
        if low in det_or_pron:
            block = determiner_or_pronoun(a, i)
            if opener[i]:
                seen_finite = False
            continue
        if low in poss_or_verb:
            if possessive_is_verb(a, i, seen_finite):
                if i > 0 and lows[i - 1] in marker:
                    verb[i] = Verb(INF, low, "Pres", 2)
                    te[i] = True
                else:
                    verb[i] = reading(low)  # its finite reading is in the data
                    seen_finite = True
            else:
                tag[i], block = "PRON", 3
            continue
        if low in closed:
            word_tag = tag[i] = closed[low]
            if low in subordinators and not a.firm(i + 1):
                opener[i] = True
                seen_finite = False
            elif low in subordinators and word_tag == "SCONJ":
                tag[i] = "ADV"  # "toen vertrok hij": an adverb before its verb
            if word_tag == "DET" or low in s.possessives:
                block = 3
            elif word_tag == "ADP" or low in s.object_or_poss:
                block = 2
            elif word_tag == "ADJ" and (before == 3 or low.endswith(s.inflection)):
                block = 3
            continue
        if before == 3:  # inside a noun phrase: an adjective before its noun, or the noun
            if adjective_here(a, i):
                tag[i], block = "ADJ", 3
            else:
                tag[i] = "NOUN"
            continue
        # The word's verb reading, as raw() gives it (what raw() rules out is ruled out above).
        if text[0].isupper():  # at the start of a sentence: a name unless the lexicon has the form
            v = None if text in a.names else reading(low)
            if v is None or v.level != 2:
                continue
        else:
            v = reading(low)
            if v is None:
                continue
        if i > 0 and lows[i - 1] in marker:
            if v.kind == INF or v.kind == FIN_INF:
                verb[i] = Verb(INF, low if v.kind == INF else v.lemma, "Pres", 2)
                te[i] = True
            continue
        if v.level >= before:
            verb[i] = v
            if v.kind != PART and v.kind != INF and v.level >= 1:
                seen_finite = True


def adjective_here(a: Analysis, i: int) -> bool:
    """Inside a noun phrase: whether word ``i`` is an adjective before the noun (inflected,
    with an adjective ending, or a participle, and a word that is no verb follows)."""
    j = i + 1
    if j >= a.n or a.kind[j] != WORD or a.low[j] in a.t.closed:
        return False
    after = a.raw(j)
    if after is not None and (after.level >= 1 or after.kind == PART):
        return False  # "de gemeente maakte", "werd de politie gealarmeerd": a noun before a verb
    low = a.low[i]
    if low.endswith(a.t.inflection) or low.endswith(a.t.adjective_endings):
        return True
    reading = a.raw(i)
    return reading is not None and reading.kind in (PART, FIN_PART)  # "de getroffen wijk"


def determiner_or_pronoun(a: Analysis, i: int) -> int:
    """Tag a word that may be a determiner, a pronoun or a clause opener; the block it puts
    on the next word."""
    s, low = a.t, a.low[i]
    nxt = i + 1
    if low not in s.subordinators:
        content = a.open_class(nxt) or (nxt < a.n and a.kind[nxt] == WORD
                                           and a.text[nxt][0].isupper() and not a.firm(nxt))
        content = content or a.t.closed.get(a.low[nxt] if nxt < a.n else "") in ("ADJ", "NUM")
        a.tag[i] = "DET" if content else "PRON"
        return 3 if content else 0
    prev_tag = a.tag[i - 1] if i > 0 else None
    prev_verb = i > 0 and (a.verb[i - 1] is not None or prev_tag == "ADV" or prev_tag == "PRON")
    if nxt >= a.n or a.kind[nxt] == PUNCT:
        a.tag[i] = "PRON"
        return 0
    if (prev_tag in ("NOUN", "PROPN") or (i > 0 and a.boundary[i - 1] and not a.lead[i])
            or (low in s.complementizers and prev_verb)):
        opens = True
    elif a.open_class(nxt):
        a.tag[i] = "DET"
        a.opener[i] = low in s.determiner_opens and not a.lead[i]
        return 3
    else:
        opens = not (a.lead[i] and a.firm(nxt))
    a.opener[i] = opens
    a.tag[i] = "SCONJ" if opens and low in s.complementizers else "PRON"
    return 0


def possessive_is_verb(a: Analysis, i: int, seen_finite: bool) -> bool:
    """Whether a word that is a possessive or a verb ("zijn") is the verb here."""
    nxt = i + 1
    if nxt >= a.n or a.kind[nxt] in (PUNCT, NUM):
        return True
    tag = a.t.closed.get(a.low[nxt])
    if tag in ("ADP", "ADV", "DET", "SCONJ", "CCONJ", "PRON") or a.low[nxt] in a.t.det_or_pron:
        return True
    v = a.raw(nxt)
    if v is not None and v.kind in (PART, FIN_PART) and (
            v.level == 2 or nxt + 1 >= a.n or a.kind[nxt + 1] == PUNCT):
        return True  # "zijn vertrokken", "zijn opgelucht."
    if i > 0 and a.low[i - 1] in a.t.subjects:
        return True
    return i > 0 and a.tag[i - 1] in ("NOUN", "PROPN") and not seen_finite


def content(a: Analysis, i: int) -> str:
    """The class of a word that is no closed-class word and no verb here."""
    kind, text, low = a.kind[i], a.text[i], a.low[i]
    if kind == NUM:
        digits = len(text) - len(text.lstrip("0123456789.,:/-"))
        rest = low[digits:]
        if not rest or rest in a.t.ordinal:
            return "NUM"
        low = rest
    elif low in a.t.closed:
        return a.t.closed[low]
    if kind == WORD and text[0].isupper() and (text in a.names or any(map(str.isupper, text[1:]))):
        return "PROPN"
    if low.endswith(a.t.adjective_endings) and len(low) > 4:
        return "ADJ"
    if any(map(str.isdigit, low)):
        return "X"
    return "NOUN"
