"""Parts of speech: closed classes, the determiner/pronoun/verb ambiguities, and which
words may be verbs at all (one pass left to right, looking a token ahead); the
open class of what is left (noun, adjective, name, number)."""

from __future__ import annotations

import itertools
import operator

from ...text.sentences import LEADS
from ...text.tokens import NUM, PUNCT, WORD
from .lexicon import ADJECTIVE_BLOCK, CLOSED, DET_OR_PRON, FIN_INF, FIN_PART, INF, OPEN, PART, POSS_OR_VERB, Verb, Word
from .state import Analysis

__all__ = ["adjective_here", "classes", "content", "determiner_or_pronoun", "possessive_is_verb"]


def classes(a: Analysis) -> None:
    """Closed classes, the determiner/pronoun/verb ambiguities, and which words may be verbs:
    one pass left to right, looking one token ahead.

    ``block`` is the least verb level the next word needs (3: none may be a verb, 2: only a
    form the lexicon has); ``seen_finite`` whether a finite verb came since the last clause
    boundary. Each word's lexical facts are one lookup (:attr:`~.lexicon.Tables.words`).
    """
    words, marks, tag, texts, kinds = a.t.words, a.t.marks, a.tag, a.text, a.kind
    block = 0
    seen_finite = False
    for i, low in enumerate(a.low):
        before, block = block, 0
        kind = kinds[i]
        if kind != WORD:
            if kind == PUNCT:
                tag[i], ends_clause = marks[texts[i]]
                if ends_clause:
                    a.boundary[i] = True
                    seen_finite = False
            elif kind == NUM:
                block = 1  # tagged in content()
            else:
                tag[i] = "X"  # an abbreviation
            continue
        text = texts[i]
        if text[0].isupper() and i and texts[i - 1] not in LEADS:  # a capital inside the sentence: a name
            if (before == 3 or low.endswith(a.t.proper_adjective)) and adjective_here(a, i):
                tag[i], block = "ADJ", 3  # "de Russische hackers", "Europese topambtenaren"
            else:
                tag[i] = "PROPN"
            continue
        word = words[low]
        if word.kind == OPEN:
            if before == 3:  # inside a noun phrase: an adjective before its noun, or the noun
                if adjective_here(a, i):
                    tag[i], block = "ADJ", 3
                else:
                    tag[i] = "NOUN" if word.noun != "ADJ" or word.attributive else "ADJ"  # "het vaker voorkomt"
            elif word.attributive and _attributive(a, i, word):  # "Eerdere uitspraken", "belastende informatie"
                tag[i], block = "ADJ", 3
            elif word.verb is not None and _may_be_verb(a, i, word.verb, before):  # most words are no verb
                seen_finite = True
        elif word.kind == CLOSED:
            block = _closed(a, i, word, before)
            if a.opener[i]:
                seen_finite = False
        elif word.kind == DET_OR_PRON:
            block = determiner_or_pronoun(a, i)
            if a.opener[i]:
                seen_finite = False
        elif possessive_is_verb(a, i, seen_finite):
            if i > 0 and a.low[i - 1] in a.t.marker:
                a.verb[i] = Verb(INF, low, "Pres", 2)
                a.te[i] = True
            else:
                a.verb[i] = a.t.reading(low)  # its finite reading is in the data
                seen_finite = True
        else:
            tag[i], block = "PRON", 3


def _may_be_verb(a: Analysis, i: int, v: Verb, before: int) -> bool:
    """Give an open-class word with verb reading ``v`` (as raw() gives it: what raw() rules
    out is ruled out before this) the reading its context allows (the word before may rule
    out all but the lexicon's forms); whether it is a finite one."""
    if a.text[i][0].isupper() and (v.level != 2 or a.text[i] in a.names):
        return False  # at the start of a sentence: a name unless the lexicon has the form
    if i > 0 and a.low[i - 1] in a.t.marker:
        if v.kind == INF or v.kind == FIN_INF:
            a.verb[i] = Verb(INF, a.low[i] if v.kind == INF else v.lemma, "Pres", 2)
            a.te[i] = True
        return False
    if v.level < before:
        return False
    a.verb[i] = v
    return v.kind != PART and v.kind != INF and v.level >= 1


def _attributive(a: Analysis, i: int, word: Word) -> bool:
    """Whether an inflected adjective (no verb form the lexicon has or a rule reads) stands
    before a word of no closed class: the noun it goes with, whatever that may look like."""
    j = i + 1
    return ((word.verb is None or word.verb.level == 0) and j < a.n and a.kind[j] == WORD
            and a.text[j][0].islower() and a.t.words[a.low[j]].kind == OPEN)


def _closed(a: Analysis, i: int, word: Word, before: int) -> int:
    """Tag a closed-class word (a subordinator before its verb opens a clause); the block it
    puts on the next word."""
    a.tag[i] = word.closed
    if word.subordinator:
        if not a.firm(i + 1) and (word.closed != "ADP" or _subject_next(a, i + 1)):
            a.opener[i] = True  # a preposition opens a clause only before its subject: "sinds hij"
        elif word.closed == "SCONJ":
            a.tag[i] = "ADV"  # "toen vertrok hij": an adverb before its verb
    if word.block == ADJECTIVE_BLOCK:
        return 3 if before == 3 else 0
    return word.block


def _subject_next(a: Analysis, j: int) -> bool:
    """Whether word ``j`` may begin a subject: a determiner, a pronoun or a name ("sinds de
    fabriek dicht is", not "sinds november")."""
    if j >= a.n or a.kind[j] != WORD:
        return False
    word = a.t.words[a.low[j]]
    return word.kind in (DET_OR_PRON, POSS_OR_VERB) or word.closed in ("DET", "PRON") or a.text[j][0].isupper()


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
    if low.endswith(a.t.noun_endings):
        return False  # "een persconferentie donderdag"
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
        if content and a.firm(nxt + 1) and a.t.words[a.low[nxt]].noun == "ADJ" and not a.low[nxt].endswith(
                a.t.inflection):
            content = False  # "het vaker voorkomt": no article before a bare adjective and a verb
        a.tag[i] = "DET" if content else "PRON"
        return 3 if content else 0
    prev_tag = a.tag[i - 1] if i > 0 else None
    prev_verb = i > 0 and (a.verb[i - 1] is not None or prev_tag == "ADV" or prev_tag == "PRON")
    if nxt >= a.n or a.kind[nxt] == PUNCT:
        a.tag[i] = "PRON"
        return 0
    if (prev_tag in ("NOUN", "PROPN") or (i > 0 and a.boundary[i - 1] and not a.lead(i))
            or (low in s.complementizers and prev_verb)):
        opens = True
    elif a.open_class(nxt):
        a.tag[i] = "DET"
        a.opener[i] = low in s.determiner_opens and not a.lead(i)
        return 3
    else:
        opens = not (a.lead(i) and a.firm(nxt))
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


def content(a: Analysis) -> None:
    """The class of each word no pass has tagged: no closed-class word and no verb here."""
    words, tag, kinds, texts = a.t.words, a.tag, a.kind, a.text
    for i in itertools.compress(range(a.n), map(operator.not_, tag)):  # C-level: the untagged words
        low = a.low[i]
        if kinds[i] == NUM:
            text = texts[i]
            digits = len(text) - len(text.lstrip("0123456789.,:/-"))
            rest = low[digits:]
            tag[i] = "NUM" if not rest or rest in a.t.ordinal else words[rest].noun
            continue
        word = words[low]
        if word.closed is not None:
            tag[i] = word.closed
            continue
        text = texts[i]
        if kinds[i] == WORD and text[0].isupper() and (text in a.names or any(map(str.isupper, text[1:]))):
            tag[i] = "PROPN"
        else:
            tag[i] = word.noun
