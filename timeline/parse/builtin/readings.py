"""Verb readings: what a word form can be as a verb, before its clause decides.

A form the lexicon has is read as the lexicon says (level 2); a form it lacks
is read by the language's endings and spelling rules (level 1 where the lexicon
knows the infinitive that gives, else a guess, level 0).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .lexicon import FIN, FIN_INF, FIN_PART, INF, PART, Verb

if TYPE_CHECKING:
    from .lexicon import Tables

__all__ = ["base", "guess", "known", "read_verb"]


def read_verb(t: Tables, low: str) -> Verb | None:
    """What a lowercase word can be as a verb, before its context decides (None: no verb).
    A word with a noun's ending ("poging", "president") is a verb only as the lexicon has it."""
    found = _read(t, low)
    if found is not None and found.level < 2 and low.endswith(t.noun_endings):
        return None
    return found


def _read(t: Tables, low: str) -> Verb | None:
    fin = _finite(t, low)
    part = _participle(t, low)
    if fin is not None and part is not None:
        if part[1] == 2:  # "beslist", "verkocht": finite or participle, but "gewerkt" is no
            if fin.level < 2 and fin.lemma not in t.lex.infinitives and _prefixed(t, low):  # finite form of
                return Verb(PART, part[0], "Past", 2)  # a verb "gewerken"
            return Verb(FIN_PART, part[0], fin.tense, max(fin.level, part[1]))
        if fin.level == 0:  # both guesses: the participle's shape says more ("opgepakt"), unless it
            if _prefixed(t, low):  # has no "ge": "verankert"
                return Verb(PART, part[0], "Past", 0)
            return Verb(FIN_PART, part[0], fin.tense, 0)
        return fin
    if fin is not None:
        return fin
    if part is not None:
        return Verb(PART, part[0], "Past", part[1])
    return _infinitive(t, low)


def _prefixed(t: Tables, low: str) -> bool:
    """Whether a form has the participle prefix, after a particle if it has one ("opgepakt")."""
    return t.lex.strip_particle(low).startswith(t.lex.participle_prefix)


def _finite(t: Tables, low: str) -> Verb | None:
    """The reading as a finite verb: a form the lexicon has, a separable verb written as one
    word, or a suffix rule (level 1 where the lexicon knows the infinitive it gives)."""
    lex = t.lex
    extra = t.finite.get(low)
    if extra is not None:
        return Verb(FIN_INF if low == extra[0] else FIN, extra[0], extra[1], 2)
    if low in lex.past:
        return Verb(FIN, lex.past[low], "Pres" if low in lex.present else "Past", 2)
    if low in lex.present:
        lemma = lex.present[low]
        return Verb(FIN_INF if low == lemma else FIN, lemma, "Pres", 2)
    core = lex.strip_particle(low)
    if core != low:  # a separable verb written as one word in a subordinate clause
        particle = low[: len(low) - len(core)]
        if core in lex.past:
            return Verb(FIN, particle + base(t, core, lex.past[core]), "Past", 2)
        if core in lex.present and core != lex.present[core]:
            return Verb(FIN, particle + base(t, core, lex.present[core]), "Pres", 2)
    if lex.is_regular_past(low) and not low.startswith(lex.participle_prefix):
        return Verb(FIN, guess(t, low, t.past_endings)[0], "Past", 1)
    if lex.may_be_plural_past(low):
        lemma, known = guess(t, low, t.past_endings)
        if known and lemma != low:
            return Verb(FIN, lemma, "Past", 1)
    if len(low) >= lex.present_min and low.endswith(lex.present_endings) and low not in lex.not_past:
        lemma, known = guess(t, low, t.present_endings, keep=True)
        return Verb(FIN, lemma, "Pres", 1 if known else 0)
    return None


def _participle(t: Tables, low: str) -> tuple[str, int] | None:
    """The lemma and level of the reading as a past participle, if there is one."""
    lex = t.lex
    if low in lex.infinitives:
        return None
    if low in lex.participles:
        return lex.participles[low], 2
    core = lex.strip_particle(low)
    particle = low[: len(low) - len(core)]
    if particle and core in lex.participles:
        return particle + lex.participles[core], 2
    if core.endswith(t.infinitive):  # a strong participle: only with the prefix ("gelopen"), and
        # not a plural made of one ("gevangenen": the stem has no ending of its own)
        found = (core.startswith(lex.participle_prefix) and len(core) >= 6 and core not in lex.infinitives
                 and not core[: -len(t.infinitive)].endswith(t.infinitive))
    else:
        found = lex.is_participle(low)
    return (particle + _participle_lemma(t, core), 0) if found else None


def _participle_lemma(t: Tables, core: str) -> str:
    """The infinitive of a participle the lexicon lacks: "gewerkt" -> "werken"."""
    prefix = t.lex.participle_prefix
    body = core
    if body.startswith(prefix) and len(body) - len(prefix) >= 3:
        body = body[len(prefix):]
        body = t.diaeresis.get(body[0], body[0]) + body[1:]
    if body.endswith(t.infinitive):
        return body
    return guess(t, body, t.participle_endings, keep=True)[0]


def _infinitive(t: Tables, low: str) -> Verb | None:
    """A known infinitive (level 2) or any word on -en (a guess, maybe a plural past)."""
    lex = t.lex
    if low in lex.infinitives or lex.strip_particle(low) in lex.infinitives:
        return Verb(INF, low, "Pres", 2)
    if lex.is_infinitive(low):
        past = lex.may_be_plural_past(low) and guess(t, low, t.past_endings)[0] != low
        return Verb(INF, low, "Past" if past else "Pres", 0)
    return None


@functools.lru_cache(maxsize=1 << 16)
def base(t: Tables, form: str, lemma: str) -> str:
    """The lemma without the particle of a separable verb when ``form`` does not carry it
    (the lexicon files the past "kondigde" under the whole verb). Remembered: the passes ask
    it for every finite verb, and a form and its lemma repeat."""
    for particle in t.lex.particles.get(lemma[:1], ()):
        if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
            return lemma if form.startswith(particle) else lemma[len(particle):]
    return lemma


def guess(t: Tables, form: str, endings: tuple[str, ...], *, keep: bool = False) -> tuple[str, bool]:
    """The infinitive of a form the lexicon lacks: strip an ending, respell the stem, add the
    infinitive ending. The first guess the lexicon knows wins, else the first guess."""
    stems = [form[: -len(end)] for end in endings if form.endswith(end) and len(form) > len(end) + 1]
    if keep:
        stems.append(form)
    guesses = [g for g in map(t.morphology.infinitive, stems) if g is not None]
    for g in guesses:
        if known(t, g):
            return g, True
    return (guesses[0] if guesses else form), False


def known(t: Tables, infinitive: str) -> bool:
    """Whether the lexicon knows the verb, or the verb it makes with a prefix or particle
    ("verhuren": "huren", "aftreden": "treden")."""
    lex = t.lex
    if infinitive in lex.infinitives or lex.strip_particle(infinitive) in lex.infinitives:
        return True
    return any(infinitive.startswith(prefix) and infinitive[len(prefix):] in lex.infinitives
               for prefix in lex.inseparable)
