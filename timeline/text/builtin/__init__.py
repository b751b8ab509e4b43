"""The built-in analyzer: sentences, tokens, parts of speech, verbs and clauses without a model.

It gives the event layer the same :class:`~timeline.text.parse.Sentence` values a
parser model would, where none is installed. Everything is decided by the
language's word lists (``parser.toml``, ``verbs.toml``, ``tense.toml``) and a
few rules of word order, in passes that each look at a token or two around
them, so the work is linear in the text:

1. tokens: one regular expression (words with inner hyphens and apostrophes,
   numbers with inner separators, dotted abbreviations); listed abbreviations
   and initials keep their dot;
2. sentences: end punctuation (and the closing quotes after it) before a
   capital, a blank line, or a line break after a line with no end
   punctuation that is short or is followed by a capital;
3. parts of speech: closed classes from the lists; the word before decides
   whether a word can be a verb at all (none after an article or an inflected
   adjective, only a form the lexicon knows after a preposition);
4. clauses: a subordinator opens one, clause punctuation closes it; after a
   comma the clause still waiting for its finite verb resumes, so an inserted
   clause or apposition does not cut the main clause in two; a subordinate
   clause with no verb at all ("als minister") is no clause;
5. per clause: which verb form is finite (a form only the lexicon reads as
   finite first, then a form spelled as an infinitive, then suffix guesses),
   which are participles and infinitives, which verbs are auxiliaries, and
   which particle at the end of the clause belongs to the finite verb.

An auxiliary is ``AUX`` when what it helps is in its clause: hebben/zijn with
a participle, worden with a participle (passive), a modal with a bare
infinitive, zullen always, and zijn/worden/blijven as a copula when the clause
has no other verb form. So ``Het museum is gesloten`` has ``is`` AUX and
``gesloten`` VERB, whether the participle tells an event or a state (the
lexicon's stative participles settle that later). Punctuation belongs to the
clause it closes. There is no dependency tree: ``head`` and ``deprel`` stay
``None``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

from ...lang import load_language
from ..parse import Sentence, fast_token
from ..tense import VerbLexicon

__all__ = ["BuiltinParser"]

# One token: a dotted abbreviation (two or more letter-dot pairs), an elided word
# after an apostrophe, a word or number (letters and digits joined by hyphens and
# apostrophes, digits also by . , : /), a run of dots, or any other character.
# Every repetition starts with a separator character, so nothing backtracks far.
# Split on it (one group), a text alternates gaps of white space and tokens, all in C.
_TOKEN = re.compile(
    r"((?:[^\W\d_]\.){2,}"
    r"|['’][^\W\d_](?:-[^\W_]+)*(?![^\W_])"
    r"|[^\W_]+(?:(?:[-'’&]|(?<=\d)[.,:/](?=\d))[^\W_]+)*"
    r"|\.{2,}|[^\w\s]|_)"
)

# Token kinds.
_WORD, _NUM, _PUNCT, _ABBR, _ABBR_END = range(5)  # _ABBR never ends a sentence, _ABBR_END may

_END = frozenset({".", "!", "?", "…"})
_CLOSING = frozenset("\"'”’»)]")
_OPENING = frozenset("\"'“‘„«([")
# After one of these a capital is a sentence start, not a name.
_LEADS = _OPENING | frozenset({":", "-", "–", "—", "•", "*", "·"})
_SYMBOLS = frozenset("%‰#@&§°")

_READINGS = 1 << 17  # verb readings remembered per language (a few MB)
_BLOCK = 1 << 16  # characters: a long text is parsed a block of paragraphs at a time
_SHORT_LINE = 60  # a line shorter than this with no end punctuation is a headline
_MAX_TOKENS = 400  # a longer "sentence" (a list, a table) is cut, so per-sentence work stays bounded
_DEPTH = 8  # how many enclosing clauses a comma looks back through

# Verb readings of a word form, before its clause decides.
_FIN, _FIN_INF, _FIN_PART, _PART, _INF = range(5)
# Roles in the clause.
_NO, _FINITE, _PARTICIPLE, _INFINITIVE = range(4)


@functools.cache
def _features(role: int, tense: str | None) -> Mapping[str, str]:
    """The UD features of a verb role (one mapping per role and tense; Token copies it)."""
    if role == _FINITE:
        return {"VerbForm": "Fin", "Tense": tense or "Pres"}
    if role == _PARTICIPLE:
        return {"VerbForm": "Part", "Tense": "Past"}
    if role == _INFINITIVE:
        return {"VerbForm": "Inf"}
    return {}


@frozen
class _Verb:
    """What a word form can be as a verb."""

    kind: int  # _FIN, _FIN_INF (finite or infinitive), _FIN_PART (finite or participle), _PART, _INF
    lemma: str
    tense: str  # UD Tense if the form is finite ("Past" on an infinitive-like form: maybe a plural past)
    level: int  # 2: the lexicon has the form; 1: a suffix rule (confirmed or strong); 0: a guess


def _fold(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


class _Tables:
    """One language's word lists as sets, and the rules that read verb forms with them
    (built once per language; read-only after)."""

    def __init__(self, lex: VerbLexicon, data: Mapping[str, Any]) -> None:
        self.lex = lex
        self.closed: dict[str, str] = {word: upos for upos, words in data.get("upos", {}).items() for word in words}
        self.finite = {form: (str(pair[0]), str(pair[1])) for form, pair in data.get("finite", {}).items()}

        def words(section: str, key: str) -> frozenset[str]:
            return frozenset(data.get(section, {}).get(key, ()))

        self.abbreviations = words("sentence", "abbreviations")
        self.may_end = words("sentence", "may_end")
        self.clitics = words("sentence", "clitics")
        self.det_or_pron = words("ambiguous", "determiner_or_pronoun")
        self.determiner_opens = words("ambiguous", "determiner_opens")
        self.poss_or_verb = words("ambiguous", "possessive_or_verb")
        self.possessives = words("ambiguous", "possessives")
        self.object_or_poss = words("ambiguous", "object_or_possessive")
        self.complementizers = words("ambiguous", "complementizers")
        self.subjects = words("ambiguous", "subjects")
        self.perfect = words("auxiliary", "perfect")
        self.future = words("auxiliary", "future")
        self.passive = words("auxiliary", "passive")
        self.helpers = self.perfect | self.passive  # auxiliaries that take a participle
        self.modal = words("auxiliary", "modal")
        self.copula = words("auxiliary", "copula")
        self.with_infinitive = words("auxiliary", "with_infinitive")
        self.marker = words("auxiliary", "marker")
        self.particles = frozenset(p for group in lex.particles.values() for p in group)
        # Words repeat across a corpus: each one's verb reading is worked out once per
        # process (a bounded memo of a pure function), not once per document.
        self.reading: Callable[[str], _Verb | None] = functools.lru_cache(maxsize=_READINGS)(self._read_verb)
        self.strict = words("particles", "strict")
        self.pronominal = words("particles", "pronominal")
        self.stranded = words("particles", "stranded")
        self.subordinators = lex.subordinators
        self.clause_punctuation = lex.punctuation | _END
        lemma = data.get("lemma", {})
        self.past_endings = tuple(lemma.get("past_endings", ()))
        self.present_endings = tuple(lemma.get("present_endings", ()))
        self.participle_endings = tuple(lemma.get("participle_endings", ()))
        self.infinitive = str(lemma.get("infinitive", ""))
        self.vowels = str(lemma.get("vowels", ""))
        self.undoubled = str(lemma.get("undoubled", ""))
        self.diphthongs = tuple(lemma.get("diphthongs", ()))
        self.voiced: dict[str, str] = dict(lemma.get("voiced", {}))
        self.voiced_after: dict[str, str] = dict(lemma.get("voiced_after", {}))
        self.unstressed = tuple(lemma.get("unstressed", ()))
        self.diaeresis: dict[str, str] = dict(lemma.get("diaeresis", {}))
        self.ordinal = frozenset(lemma.get("ordinal", ()))
        self.adjective_endings = tuple(data.get("adjective", {}).get("endings", ()))
        self.inflection = tuple(data.get("adjective", {}).get("inflection", ()))

    # --- verb forms -------------------------------------------------------------------

    def _read_verb(self, low: str) -> _Verb | None:
        """What a lowercase word can be as a verb, before its context decides (None: no verb)."""
        fin = self._finite(low)
        part = self._participle(low)
        if fin is not None and part is not None:
            if part[1] == 2:  # "beslist", "verkocht": finite or participle
                return _Verb(_FIN_PART, part[0], fin.tense, max(fin.level, part[1]))
            if fin.level == 0:  # both guesses: the participle's shape says more ("opgepakt")
                return _Verb(_PART, part[0], "Past", 0)
            return fin
        if fin is not None:
            return fin
        if part is not None:
            return _Verb(_PART, part[0], "Past", part[1])
        return self._infinitive(low)

    def _finite(self, low: str) -> _Verb | None:
        """The reading as a finite verb: a form the lexicon has, a separable verb written as one
        word, or a suffix rule (level 1 where the lexicon knows the infinitive it gives)."""
        lex = self.lex
        extra = self.finite.get(low)
        if extra is not None:
            return _Verb(_FIN_INF if low == extra[0] else _FIN, extra[0], extra[1], 2)
        if low in lex.past:
            return _Verb(_FIN, lex.past[low], "Pres" if low in lex.present else "Past", 2)
        if low in lex.present:
            lemma = lex.present[low]
            return _Verb(_FIN_INF if low == lemma else _FIN, lemma, "Pres", 2)
        core = lex.strip_particle(low)
        if core != low:  # a separable verb written as one word in a subordinate clause
            particle = low[: len(low) - len(core)]
            if core in lex.past:
                return _Verb(_FIN, particle + self.base(core, lex.past[core]), "Past", 2)
            if core in lex.present and core != lex.present[core]:
                return _Verb(_FIN, particle + self.base(core, lex.present[core]), "Pres", 2)
        if lex.is_regular_past(low) and not low.startswith(lex.participle_prefix):
            return _Verb(_FIN, self.guess(low, self.past_endings)[0], "Past", 1)
        if lex.may_be_plural_past(low):
            lemma, known = self.guess(low, self.past_endings)
            if known and lemma != low:
                return _Verb(_FIN, lemma, "Past", 1)
        if len(low) >= lex.present_min and low.endswith(lex.present_endings) and low not in lex.not_past:
            lemma, known = self.guess(low, self.present_endings, keep=True)
            return _Verb(_FIN, lemma, "Pres", 1 if known else 0)
        return None

    def _participle(self, low: str) -> tuple[str, int] | None:
        """The lemma and level of the reading as a past participle, if there is one."""
        lex = self.lex
        if low in lex.infinitives:
            return None
        if low in lex.participles:
            return lex.participles[low], 2
        core = lex.strip_particle(low)
        particle = low[: len(low) - len(core)]
        if particle and core in lex.participles:
            return particle + lex.participles[core], 2
        if core.endswith(self.infinitive):  # a strong participle: only with the prefix ("gelopen")
            found = core.startswith(lex.participle_prefix) and len(core) >= 6 and core not in lex.infinitives
        else:
            found = lex.is_participle(low)
        return (particle + self._participle_lemma(core), 0) if found else None

    def _participle_lemma(self, core: str) -> str:
        """The infinitive of a participle the lexicon lacks: "gewerkt" -> "werken"."""
        prefix = self.lex.participle_prefix
        body = core
        if body.startswith(prefix) and len(body) - len(prefix) >= 3:
            body = body[len(prefix):]
            body = self.diaeresis.get(body[0], body[0]) + body[1:]
        if body.endswith(self.infinitive):
            return body
        return self.guess(body, self.participle_endings, keep=True)[0]

    def _infinitive(self, low: str) -> _Verb | None:
        """A known infinitive (level 2) or any word on -en (a guess, maybe a plural past)."""
        lex = self.lex
        if low in lex.infinitives or lex.strip_particle(low) in lex.infinitives:
            return _Verb(_INF, low, "Pres", 2)
        if lex.is_infinitive(low):
            past = lex.may_be_plural_past(low) and self.guess(low, self.past_endings)[0] != low
            return _Verb(_INF, low, "Past" if past else "Pres", 0)
        return None

    def base(self, form: str, lemma: str) -> str:
        """The lemma without the particle of a separable verb when ``form`` does not carry it
        (the lexicon files the past "kondigde" under the whole verb)."""
        for particle in self.lex.particles.get(lemma[:1], ()):
            if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
                return lemma if form.startswith(particle) else lemma[len(particle):]
        return lemma

    def guess(self, form: str, endings: tuple[str, ...], *, keep: bool = False) -> tuple[str, bool]:
        """The infinitive of a form the lexicon lacks: strip an ending, respell the stem, add the
        infinitive ending. The first guess the lexicon knows wins, else the first guess."""
        stems = [form[: -len(end)] for end in endings if form.endswith(end) and len(form) > len(end) + 1]
        if keep:
            stems.append(form)
        guesses = [g for g in map(self.respell, stems) if g is not None]
        for g in guesses:
            if self.known(g):
                return g, True
        return (guesses[0] if guesses else form), False

    def known(self, infinitive: str) -> bool:
        """Whether the lexicon knows the verb, or the verb it makes with a prefix or particle
        ("verhuren": "huren", "aftreden": "treden")."""
        lex = self.lex
        if infinitive in lex.infinitives or lex.strip_particle(infinitive) in lex.infinitives:
            return True
        return any(infinitive.startswith(prefix) and infinitive[len(prefix):] in lex.infinitives
                   for prefix in lex.inseparable)

    def respell(self, stem: str) -> str | None:
        """The infinitive of a stem by the spelling rules in the data (None if it cannot be one)."""
        vowels, ending, voiced = self.vowels, self.infinitive, self.voiced
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
        for prefix in self.lex.inseparable:
            if core.startswith(prefix) and len(core) > len(prefix) + 2:
                core = core[len(prefix):]
                break
        vowels = self.vowels
        groups = sum(1 for k, ch in enumerate(core) if ch in vowels and (k == 0 or core[k - 1] not in vowels))
        return groups < 2


@functools.cache
def _tables(code: str) -> _Tables:
    """The tables of a language, built once per process."""
    language = load_language(code)
    return _Tables(VerbLexicon.of(language), language.data("parser"))


def _check_language(instance: BuiltinParser, attribute: object, value: str) -> None:
    load_language(value)  # raises ValueError for a language the library does not have


@frozen
class BuiltinParser:
    """The rule-based analyzer: sentences and tokens with parts of speech, verb features,
    separable verbs and clause numbers, and no dependency tree.

    >>> [(t.text, t.upos, t.lemma) for t in BuiltinParser().parse("Hij legde de sancties op.")[0].tokens][:2]
    [('Hij', 'PRON', 'hij'), ('legde', 'VERB', 'opleggen')]
    """

    language: str = field(default="nl", validator=_check_language)

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        return tuple(self.iter_parse(text))

    def iter_parse(self, text: str) -> Iterator[Sentence]:
        """The sentences of ``text`` one at a time, so that a long text is never held parsed whole."""
        return _Document(_tables(self.language), text).sentences()


class _Tokens:
    """The tokens of one block of text as parallel lists (offsets index the whole text):
    a list per field costs far less than an object or a tuple per token."""

    __slots__ = ("ends", "kinds", "lows", "starts", "words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int], kinds: list[int],
                 lows: list[str]) -> None:
        self.words, self.starts, self.ends, self.kinds, self.lows = words, starts, ends, kinds, lows


def _plain_word(token: str) -> bool:
    """Whether a token is a word: it starts with a letter and does not end in a dot (as a
    dotted abbreviation does)."""
    return token[0].isalnum() and not token[0].isdigit() and token[-1] != "."


def _edit(words: list[str], starts: list[int], ends: list[int], kinds: list[int], dropped: list[int],
          split: list[int]) -> tuple[list[str], list[int], list[int], list[int]]:
    """The tokens without the ``dropped`` ones, and with each ``split`` one cut into its
    first character (a quote) and the word after it."""
    edits = sorted([(k, False) for k in dropped] + [(k, True) for k in split])
    out: tuple[list[str], list[int], list[int], list[int]] = ([], [], [], [])
    w, st, en, ki = out
    last = 0
    for k, cut in edits:
        w += words[last:k]
        st += starts[last:k]
        en += ends[last:k]
        ki += kinds[last:k]
        if cut:
            w += (words[k][0], words[k][1:])
            st += (starts[k], starts[k] + 1)
            en += (starts[k] + 1, ends[k])
            ki += (_PUNCT, _WORD)
        last = k + 1
    w += words[last:]
    st += starts[last:]
    en += ends[last:]
    ki += kinds[last:]
    return out


class _Document:
    """One text being analyzed: its tokens, sentence bounds and the names it writes."""

    def __init__(self, tables: _Tables, text: str) -> None:
        self.t = tables
        self.text = text

    # --- tokens and sentences ------------------------------------------------------

    def tokens(self, a: int, b: int) -> _Tokens:
        """Every token of ``text[a:b]``: words, numbers, punctuation, abbreviations."""
        text, s = self.text, self.t
        chunk = text[a:b]
        parts = _TOKEN.split(chunk)  # gap, token, gap, token, ..., gap
        offsets = list(itertools.accumulate(map(len, parts), initial=a))
        words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
        kinds = [(_NUM if w[0].isdigit() else _WORD) if w[0].isalnum() else _PUNCT for w in words]
        # Only a token with a dot at its end, or an apostrophe at its start, needs a closer look.
        dropped: list[int] = []  # dots that belong to the word before them
        split: list[int] = []  # quotes before a word
        for k in [k for k, w in enumerate(words) if w[-1] == "." or (w[0] in "'’" and len(w) > 1)]:
            word = words[k]
            if word[0] in "'’":  # an elided word, or a quote before a word
                if _fold(word).split("-")[0] in s.clitics:
                    kinds[k] = _WORD
                else:
                    split.append(k)
            elif word[0].isalnum():  # a dotted abbreviation (no word or number ends in a dot)
                low = _fold(word)
                known = low in s.abbreviations or (low not in s.may_end and word.isupper())
                kinds[k] = _ABBR if known else _ABBR_END
            elif word == "." and k > 0 and ends[k - 1] == starts[k] and _plain_word(words[k - 1]):
                before = words[k - 1]  # a word right before the dot: is the dot the word's?
                low = _fold(before) + "."
                initial = len(before) == 1 and before.isupper() and k + 1 < len(words) and words[k + 1][0].isupper()
                if low in s.abbreviations or low in s.may_end or initial:
                    words[k - 1], ends[k - 1] = before + ".", ends[k]
                    kinds[k - 1] = _ABBR_END if low in s.may_end else _ABBR
                    dropped.append(k)
        if dropped or split:
            words, starts, ends, kinds = _edit(words, starts, ends, kinds, dropped, split)
        # Folding the block at once and slicing it is much cheaper than folding each word, and
        # the same wherever lowercasing keeps lengths and ignores context (not so for the
        # dotted capital I, or for the capital sigma, whose lowercase depends on what follows).
        folded = _fold(chunk)
        if len(folded) == len(chunk) and "Σ" not in chunk:
            lows = [folded[x - a:y - a] for x, y in zip(starts, ends, strict=True)]
        else:
            lows = [_fold(w) for w in words]
        return _Tokens(words, starts, ends, kinds, lows)

    def bounds(self, tk: _Tokens, a: int, b: int) -> list[tuple[int, int]]:
        """Token ranges of the sentences of the block ``text[a:b]`` with tokens ``tk``."""
        text, starts, ends, kinds, words = self.text, tk.starts, tk.ends, tk.kinds, tk.words
        n = len(starts)
        # Only two kinds of token can end a sentence: punctuation or an abbreviation that may
        # end one, and any token with a line break after it. Visit just those, in order.
        candidates = {i for i in range(n - 1) if kinds[i] == _PUNCT or kinds[i] == _ABBR_END}
        nl = text.find("\n", a, b)
        while nl >= 0:
            j = bisect.bisect_right(starts, nl)  # the first token after the break
            if j >= n:
                break
            if j > 0:
                candidates.add(j - 1)
            nl = text.find("\n", starts[j], b)
        out: list[tuple[int, int]] = []
        first = 0
        final = False  # the token before ends in end punctuation (and closing quotes)
        previous = -2  # the last candidate visited
        for i in sorted(candidates):
            kind, end, piece = kinds[i], ends[i], words[i]
            if kind == _PUNCT:
                adjacent = i > 0 and ends[i - 1] == starts[i]
                final = (piece in _END or piece[0] == "."
                         or (final and previous == i - 1 and adjacent and piece in _CLOSING))
            else:
                final = False
            previous = i
            after = starts[i + 1]
            head = text[after]
            if text.find("\n", end, after) >= 0:
                if text.count("\n", end, after) >= 2:
                    split = True  # a blank line
                elif kind == _ABBR:
                    split = False
                elif final or kind == _ABBR_END:
                    split = True
                elif kind == _PUNCT and piece not in _CLOSING:
                    split = False  # a line ending in a comma or a dash goes on
                else:  # a line with no end punctuation: a headline if short or if a capital follows
                    line = text[text.rfind("\n", 0, starts[i]) + 1:end].strip()
                    split = len(line) < _SHORT_LINE or not head.islower()
            elif after == end:
                split = False
            elif kind == _ABBR_END:
                split = head.isupper()
            else:
                split = final and (head.isupper() or head.isdigit() or head in _OPENING)
            if split:
                out.append((first, i + 1))
                first = i + 1
        if first < n:
            out.append((first, n))
        capped: list[tuple[int, int]] = []
        for lo, hi in out:
            while hi - lo > _MAX_TOKENS:
                capped.append((lo, lo + _MAX_TOKENS))
                lo += _MAX_TOKENS
            capped.append((lo, hi))
        return capped

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence, analyzed, one at a time; first the words the text writes with a
        capital inside a sentence, so that the same word at the start of another is known to
        be a name. A long text is read a block of paragraphs at a time (twice: names first),
        so that its tokens never all exist at once."""
        blocks = self.blocks()
        names: set[str] = set()  # words written with a capital inside a sentence: names
        for a, b in blocks:
            toks = self.tokens(a, b)
            bounds = self.bounds(toks, a, b)
            self.names(toks, bounds, names)
        index = 0
        for a, b in blocks:
            if len(blocks) > 1:  # one block (most texts) is still at hand from the first pass
                toks = self.tokens(a, b)
                bounds = self.bounds(toks, a, b)
            for first, last in bounds:
                yield _Analysis(self.t, toks, first, last, names).sentence(index)
                index += 1

    def blocks(self) -> list[tuple[int, int]]:
        """``text`` cut at blank lines (which always end a sentence) into blocks of at least
        ``_BLOCK`` characters; a text without blank lines is one block."""
        text, out, start = self.text, [], 0
        while len(text) - start > 2 * _BLOCK:
            cut = text.find("\n\n", start + _BLOCK)
            if cut < 0:
                break
            out.append((start, cut))
            start = cut
        out.append((start, len(text)))
        return out

    @staticmethod
    def names(tk: _Tokens, bounds: list[tuple[int, int]], names: set[str]) -> None:
        """Add the words written with a capital inside a sentence (not after a quote or colon)."""
        kinds, words = tk.kinds, tk.words
        for a, b in bounds:
            for i in range(a + 1, b):
                word = words[i]
                if kinds[i] == _WORD and word[0].isupper() and words[i - 1] not in _LEADS:
                    names.add(word)


class _Analysis:
    """One sentence: its tokens' classes, verb roles and clauses, filled pass by pass."""

    def __init__(self, tables: _Tables, tk: _Tokens, first: int, last: int, names: set[str]) -> None:
        self.t = tables
        self.names = names
        n = self.n = last - first
        self.starts, self.ends = tk.starts[first:last], tk.ends[first:last]
        self.text = tk.words[first:last]
        self.low = tk.lows[first:last]
        self.kind = tk.kinds[first:last]
        self.tag: list[str | None] = [None] * n
        self.verb: list[_Verb | None] = [None] * n  # the verb reading the context allows
        self.te = [False] * n  # an infinitive after the infinitive marker
        self.opener = [False] * n
        self.boundary = [False] * n
        self.role = [_NO] * n
        self.lemma = list(self.low)
        self.tense: list[str | None] = [None] * n
        self.particle: list[int | None] = [None] * n
        self.clause = [0] * n
        self.lead = [True, *(w in _LEADS for w in self.text[:-1])] if n else []

    def sentence(self, index: int) -> Sentence:
        self.classes()
        parent, sub = self.clauses()
        members = self.members()
        readings: dict[int, dict[int, _Verb]] = {}  # clause -> its words that may be verbs
        for i, v in enumerate(self.verb):
            if v is not None:
                readings.setdefault(self.clause[i], {})[i] = v
        for c, verb in readings.items():
            self.verbs(members[c], sub[c], verb)
        if any(self.clause):  # more than the main clause (most sentences have only that)
            self.merge(parent, members)
            members = self.members()
        verbal = sorted({self.clause[i] for i, role in enumerate(self.role) if role != _NO})  # clauses with a verb
        for c in verbal:
            self.auxiliaries(members[c])
        for i in [i for i, tag in enumerate(self.tag) if tag is None]:
            self.tag[i] = self.content(i)
        for c in verbal:
            self.particles(members[c])
        if any(self.te):
            self.te_particles()
        feats = list(map(_features, self.role, self.tense))
        n = self.n
        tokens = tuple(map(fast_token, range(n), self.text, self.starts, self.ends, self.lemma,
                           [tag or "X" for tag in self.tag], feats,
                           itertools.repeat(None, n), itertools.repeat(None, n),  # no tree: no heads, no deprels
                           self.particle, self.clause))
        return Sentence(index=index, start=self.starts[0], end=self.ends[-1], tokens=tokens)

    def members(self) -> dict[int, list[int]]:
        """Clause number -> the indexes of its tokens."""
        if not any(self.clause):
            return {0: list(range(self.n))}
        out: dict[int, list[int]] = {}
        for i, c in enumerate(self.clause):
            out.setdefault(c, []).append(i)
        return out

    # --- word classes ---------------------------------------------------------------

    def raw(self, j: int) -> _Verb | None:
        """The verb reading of token ``j`` on its own: None for no word, a closed-class word or a name."""
        if j >= self.n or self.kind[j] != _WORD:
            return None
        low, s = self.low[j], self.t
        if low in s.closed or low in s.det_or_pron or low in s.poss_or_verb:
            return None
        text = self.text[j]
        if text[0].isupper():
            if not self.lead[j] or text in self.names:
                return None
            found = s.reading(low)  # a capital at the start: a name unless the lexicon
            return found if found is not None and found.level == 2 else None  # has the verb form
        return s.reading(low)

    def firm(self, j: int) -> bool:
        """Whether token ``j`` can only be read as a finite verb form the lexicon vouches for."""
        v = self.raw(j)
        return v is not None and v.kind in (_FIN, _FIN_INF, _FIN_PART) and v.level >= 1

    def open_class(self, j: int) -> bool:
        """A lowercase word of no closed class that is no firm verb form: a noun or adjective."""
        if j >= self.n or self.kind[j] != _WORD or not self.text[j][0].islower():
            return False
        low, s = self.low[j], self.t
        if low in self.t.closed or low in s.det_or_pron or low in s.poss_or_verb or low in s.subordinators:
            return False
        v = self.raw(j)
        return v is None or v.level == 0

    def classes(self) -> None:
        """Closed classes, the determiner/pronoun/verb ambiguities, and which words may be verbs:
        one pass left to right, looking one token ahead."""
        s = self.t
        closed, det_or_pron, poss_or_verb, marker = s.closed, s.det_or_pron, s.poss_or_verb, s.marker
        subordinators, reading = s.subordinators, s.reading
        lows, lead, tag, verb, te, opener = self.low, self.lead, self.tag, self.verb, self.te, self.opener
        block = 0  # the least verb level the next word needs: 3 none, 2 a form the lexicon has
        seen_finite = False  # a finite verb since the last clause boundary
        for i, (kind, low, text) in enumerate(zip(self.kind, lows, self.text, strict=True)):
            before, block = block, 0
            if kind == _PUNCT:
                tag[i] = "SYM" if text in _SYMBOLS or unicodedata.category(text[0])[0] == "S" else "PUNCT"
                if text in s.clause_punctuation or text[0] == ".":
                    self.boundary[i] = True
                    seen_finite = False
                continue
            if kind == _NUM:
                block = 1
                continue  # tagged in content()
            if kind != _WORD:  # an abbreviation
                tag[i] = "X"
                continue
            if text[0].isupper() and not lead[i]:
                if before == 3 and self.adjective_here(i):
                    tag[i], block = "ADJ", 3
                else:
                    tag[i] = "PROPN"
                continue
            if low in det_or_pron:
                block = self.determiner_or_pronoun(i)
                if opener[i]:
                    seen_finite = False
                continue
            if low in poss_or_verb:
                if self.possessive_is_verb(i, seen_finite):
                    if i > 0 and lows[i - 1] in marker:
                        verb[i] = _Verb(_INF, low, "Pres", 2)
                        te[i] = True
                    else:
                        verb[i] = reading(low)  # its finite reading is in the data
                        seen_finite = True
                else:
                    tag[i], block = "PRON", 3
                continue
            if low in closed:
                word_tag = tag[i] = closed[low]
                if low in subordinators and not self.firm(i + 1):
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
                if self.adjective_here(i):
                    tag[i], block = "ADJ", 3
                else:
                    tag[i] = "NOUN"
                continue
            # The word's verb reading, as raw() gives it (what raw() rules out is ruled out above).
            if text[0].isupper():  # at the start of a sentence: a name unless the lexicon has the form
                v = None if text in self.names else reading(low)
                if v is None or v.level != 2:
                    continue
            else:
                v = reading(low)
                if v is None:
                    continue
            if i > 0 and lows[i - 1] in marker:
                if v.kind == _INF or v.kind == _FIN_INF:
                    verb[i] = _Verb(_INF, low if v.kind == _INF else v.lemma, "Pres", 2)
                    te[i] = True
                continue
            if v.level >= before:
                verb[i] = v
                if v.kind != _PART and v.kind != _INF and v.level >= 1:
                    seen_finite = True

    def adjective_here(self, i: int) -> bool:
        """Inside a noun phrase: whether word ``i`` is an adjective before the noun (inflected,
        with an adjective ending, or a participle, and a word that is no verb follows)."""
        j = i + 1
        if j >= self.n or self.kind[j] != _WORD or self.low[j] in self.t.closed:
            return False
        after = self.raw(j)
        if after is not None and (after.level >= 1 or after.kind == _PART):
            return False  # "de gemeente maakte", "werd de politie gealarmeerd": a noun before a verb
        low = self.low[i]
        if low.endswith(self.t.inflection) or low.endswith(self.t.adjective_endings):
            return True
        reading = self.raw(i)
        return reading is not None and reading.kind in (_PART, _FIN_PART)  # "de getroffen wijk"

    def determiner_or_pronoun(self, i: int) -> int:
        """Tag a word that may be a determiner, a pronoun or a clause opener; the block it puts
        on the next word."""
        s, low = self.t, self.low[i]
        nxt = i + 1
        if low not in s.subordinators:
            content = self.open_class(nxt) or (nxt < self.n and self.kind[nxt] == _WORD
                                               and self.text[nxt][0].isupper() and not self.firm(nxt))
            content = content or self.t.closed.get(self.low[nxt] if nxt < self.n else "") in ("ADJ", "NUM")
            self.tag[i] = "DET" if content else "PRON"
            return 3 if content else 0
        prev_tag = self.tag[i - 1] if i > 0 else None
        prev_verb = i > 0 and (self.verb[i - 1] is not None or prev_tag == "ADV" or prev_tag == "PRON")
        if nxt >= self.n or self.kind[nxt] == _PUNCT:
            self.tag[i] = "PRON"
            return 0
        if (prev_tag in ("NOUN", "PROPN") or (i > 0 and self.boundary[i - 1] and not self.lead[i])
                or (low in s.complementizers and prev_verb)):
            opens = True
        elif self.open_class(nxt):
            self.tag[i] = "DET"
            self.opener[i] = low in s.determiner_opens and not self.lead[i]
            return 3
        else:
            opens = not (self.lead[i] and self.firm(nxt))
        self.opener[i] = opens
        self.tag[i] = "SCONJ" if opens and low in s.complementizers else "PRON"
        return 0

    def possessive_is_verb(self, i: int, seen_finite: bool) -> bool:
        """Whether a word that is a possessive or a verb ("zijn") is the verb here."""
        nxt = i + 1
        if nxt >= self.n or self.kind[nxt] in (_PUNCT, _NUM):
            return True
        tag = self.t.closed.get(self.low[nxt])
        if tag in ("ADP", "ADV", "DET", "SCONJ", "CCONJ", "PRON") or self.low[nxt] in self.t.det_or_pron:
            return True
        v = self.raw(nxt)
        if v is not None and v.kind in (_PART, _FIN_PART) and (
                v.level == 2 or nxt + 1 >= self.n or self.kind[nxt + 1] == _PUNCT):
            return True  # "zijn vertrokken", "zijn opgelucht."
        if i > 0 and self.low[i - 1] in self.t.subjects:
            return True
        return i > 0 and self.tag[i - 1] in ("NOUN", "PROPN") and not seen_finite

    def content(self, i: int) -> str:
        """The class of a word that is no closed-class word and no verb here."""
        kind, text, low = self.kind[i], self.text[i], self.low[i]
        if kind == _NUM:
            digits = len(text) - len(text.lstrip("0123456789.,:/-"))
            rest = low[digits:]
            if not rest or rest in self.t.ordinal:
                return "NUM"
            low = rest
        elif low in self.t.closed:
            return self.t.closed[low]
        if kind == _WORD and text[0].isupper() and (text in self.names or any(map(str.isupper, text[1:]))):
            return "PROPN"
        if low.endswith(self.t.adjective_endings) and len(low) > 4:
            return "ADJ"
        if any(map(str.isdigit, low)):
            return "X"
        return "NOUN"

    # --- clauses --------------------------------------------------------------------

    def clauses(self) -> tuple[list[int], list[bool]]:
        """Number the clauses; returns each clause's parent (the clause it interrupts) and
        whether a subordinator opened it."""
        n, verb, opener, clause = self.n, self.verb, self.opener, self.clause
        segments: list[tuple[int, int]] = []  # runs of tokens between clause punctuation
        start = 0
        for mark in [i for i, is_boundary in enumerate(self.boundary) if is_boundary]:
            if start < mark:
                segments.append((start, mark))
            start = mark + 1
        if start < n:
            segments.append((start, n))
        if len(segments) <= 1 and not any(opener):  # one stretch, no subordinator: one clause
            return [-1], [False]
        finite, plain = [False] * n, [False] * n  # plain: finite, and spelled as nothing else
        for i, v in enumerate(verb):
            if v is not None:
                finite[i] = v.kind != _PART and v.kind != _INF and v.level >= 1 and not self.te[i]
                plain[i] = v.kind == _FIN
        # Only openers and finite verbs move to another clause; the words between stay in it.
        turns = [i for i in range(n) if opener[i] or finite[i]]
        starts = [finite[a] for a, _ in segments]
        has = [any(finite[a:b]) for a, b in segments]
        parent, sub, has_finite, has_firm, used = [-1], [False], [False], [False], [False]

        def new(up: int, subordinate: bool) -> int:
            parent.append(up)
            sub.append(subordinate)
            has_finite.append(False)
            has_firm.append(False)
            used.append(False)
            return len(parent) - 1

        def waiting(c: int) -> int:
            """The innermost clause from ``c`` outward that still lacks its finite verb (-1: none)."""
            for _ in range(_DEPTH):
                if c < 0:
                    return -1
                if not has_finite[c]:
                    return c
                c = parent[c]
            return -1

        cur = 0
        done = 0  # tokens before this have their clause
        q = 0  # the next of the turns
        for k, (a, b) in enumerate(segments):
            clause[done:a] = [cur] * (a - done)
            if k > 0 and not opener[a]:
                target = waiting(cur)
                if starts[k]:  # "..., zei de minister" / "Omdat ..., ging hij"
                    cur = target if target >= 0 else new(0, False)
                elif has[k]:
                    if target >= 0 and used[target] and k + 1 < len(segments) and starts[k + 1]:
                        cur = new(target, False)  # "Het plan, zo zei hij, is klaar": an inserted clause
                    else:
                        cur = target if target >= 0 else new(0, False)
                elif target >= 0:
                    cur = target  # an apposition or list: back to the clause that waits for its verb
                elif cur > 0 and not sub[cur]:
                    cur = parent[cur]  # "Hij legde, zo zei hij, ... op": an inserted clause has ended
            at = a  # the tokens from here up to the next turn stay in the current clause
            while q < len(turns) and turns[q] < b:
                j = turns[q]
                q += 1
                if at < j:
                    clause[at:j] = [cur] * (j - at)
                    used[cur] = True
                if opener[j]:
                    cur = new(cur, True)
                elif finite[j] and sub[cur] and j > 0 and self.tag[j - 1] != "CCONJ" and (
                        (has_firm[cur] and plain[j]) or (j + 1 < n and self.low[j + 1] in self.t.subjects)):
                    # "Omdat hij ziek was ging hij ...": the subordinate clause is complete, or the
                    # verb comes before its subject: the verb is the enclosing clause's.
                    target = waiting(parent[cur])
                    if target >= 0:
                        cur = target
                clause[j] = cur
                used[cur] = True
                if finite[j]:
                    has_finite[cur] = True
                    has_firm[cur] = has_firm[cur] or plain[j]
                at = j + 1
            if at < b:
                clause[at:b] = [cur] * (b - at)
                used[cur] = True
            done = b
        clause[done:n] = [cur] * (n - done)
        return parent, sub

    def merge(self, parent: list[int], members: dict[int, list[int]]) -> None:
        """A clause with no verb ("als minister") belongs to the clause around it; then
        number the clauses in order of appearance, the main clause 0."""
        alias = list(range(len(parent)))
        for c in range(1, len(parent)):
            if not any(self.role[i] != _NO for i in members.get(c, ())):
                alias[c] = alias[parent[c]] if parent[c] >= 0 else 0
        number = {0: 0}
        for i in range(self.n):
            c = alias[self.clause[i]]
            self.clause[i] = number.setdefault(c, len(number))

    # --- verbs ----------------------------------------------------------------------

    def verbs(self, idx: list[int], subordinate: bool, verb: dict[int, _Verb]) -> None:
        """Decide the verb roles in one clause (its tokens ``idx``, of which ``verb`` may be
        verbs): finite, participle, infinitive."""
        s = self.t
        fins: list[int] = []
        amb_inf: list[int] = []
        amb_part: list[int] = []
        parts: list[int] = []
        infs: list[int] = []
        weak: list[int] = []
        for i, v in verb.items():
            if self.te[i]:
                self.set(i, _INFINITIVE, v.lemma)
            elif v.kind == _FIN:
                (fins if v.level >= 1 else weak).append(i)
            elif v.kind == _FIN_INF:
                amb_inf.append(i)
            elif v.kind == _FIN_PART:
                amb_part.append(i)
            elif v.kind == _PART:
                parts.append(i)
            else:
                infs.append(i)
        if amb_inf and not fins:
            fins.append(amb_inf.pop(0))  # "Zij hebben ...": the first form spelled as an infinitive
        for i in amb_inf:
            if i > 0 and self.tag[i - 1] == "CCONJ":
                fins.append(i)  # "... en zijn vertrokken": a second finite verb
            else:
                self.set(i, _INFINITIVE, verb[i].lemma)
        helped = any(verb[i].lemma in s.helpers for i in fins)
        for i in amb_part:
            (parts if helped else fins).append(i)
        if not fins:
            # No form reads as finite for sure: take a form spelled as an infinitive, then a
            # guess on -t, then any -en word; the first in a main clause (but not its first
            # word, which is the subject), the last in a subordinate one (verb-final).
            first = next((i for i in idx if self.kind[i] == _WORD), -1)
            known = [i for i in infs if verb[i].level == 2]
            guessed = [i for i in infs if verb[i].level < 2]
            for group in (known, weak, guessed):
                found = [i for i in group if subordinate or i != first]
                if found:
                    pick = found[-1] if subordinate else found[0]
                    if pick in infs:
                        infs.remove(pick)
                    fins.append(pick)
                    break
        fins.sort()
        for i in fins[1:]:
            if verb[i].level < 2 and self.tag[i - 1] != "CCONJ":
                fins.remove(i)  # "stelt besluit ... uit": a second finite verb only after "en"
        for i in fins:
            v = verb[i]
            lemma = v.lemma
            if v.kind == _INF:
                lemma = self.t.guess(self.low[i], s.past_endings)[0] if v.tense == "Past" else self.low[i]
            # "stelde" is filed under one of the verbs it makes ("uitstellen"): keep the base verb
            # until the clause shows its particle.
            self.set(i, _FINITE, self.t.base(self.low[i], lemma), v.tense)
        helped = any(verb[i].lemma in s.helpers for i in fins)
        for i in parts:
            if verb[i].level >= 1 or helped or not fins:
                self.set(i, _PARTICIPLE, verb[i].lemma)
        lemmas = {self.lemma[i] for i in verb if self.role[i] == _FINITE or self.role[i] == _INFINITIVE}
        if lemmas & s.with_infinitive:
            rest = set(infs)
            tail = True  # every later word of the clause is a verb form: the final verb cluster
            for i in reversed(idx):
                reading = verb.get(i)
                if i in rest and reading is not None and (reading.level == 2 or tail):
                    self.set(i, _INFINITIVE, reading.lemma)
                if self.kind[i] == _WORD and reading is None and self.low[i] not in s.particles:
                    tail = False

    def set(self, i: int, role: int, lemma: str, tense: str | None = None) -> None:
        """Give token ``i`` its verb role."""
        self.role[i], self.lemma[i], self.tense[i] = role, lemma, tense

    def auxiliaries(self, idx: list[int]) -> None:
        """VERB or AUX for each verb of one clause: an auxiliary is one whose complement is there."""
        s = self.t
        verbs = [i for i in idx if self.role[i] != _NO]
        participles = sum(1 for i in verbs if self.role[i] == _PARTICIPLE)
        bares = sum(1 for i in verbs if self.role[i] == _INFINITIVE and not self.te[i])
        for i in verbs:
            lemma = self.lemma[i]
            participle = participles - (self.role[i] == _PARTICIPLE) > 0  # another verb is a participle
            bare = bares - (self.role[i] == _INFINITIVE and not self.te[i]) > 0
            aux = (lemma in s.future
                   or (lemma in s.helpers and participle)
                   or (lemma in s.modal and bare)
                   or (lemma in s.copula and self.role[i] != _PARTICIPLE and not participle and not bare))
            self.tag[i] = "AUX" if aux else "VERB"

    def particles(self, idx: list[int]) -> None:
        """Join the finite verb of a clause to the particle stranded at its end."""
        s = self.t
        for i in reversed(idx):
            if self.te[i] or (i + 1 < self.n and self.te[i + 1]):
                continue  # "om het plan uit te stellen": the infinitive has its own particle
            if self.role[i] != _NO:
                return  # a verb comes first: no particle after the finite verb
            if self.kind[i] != _WORD or self.low[i] not in s.particles:
                continue
            if i + 2 < self.n and self.te[i + 2]:
                continue
            if i > 0 and self.tag[i - 1] in ("DET", "ADP"):
                continue  # "in plaats van", "op de tafel": a noun or a preposition
            if self.stranded(i):
                break
        else:
            return
        verb = next((j for j in reversed(idx) if j < i and self.role[j] != _NO), -1)
        if verb < 0 or self.role[verb] != _FINITE or self.tag[verb] != "VERB":
            return
        if self.low[i] in s.stranded and any(self.low[j] in s.pronominal for j in range(verb + 1, i)):
            return  # "vergadert daar ... over": the preposition of "daar", not a particle
        self.particle[verb] = i
        self.lemma[verb] = self.low[i] + self.t.base(self.low[verb], self.lemma[verb])
        if self.tag[i] in ("NOUN", "ADJ", "PROPN", "X"):
            self.tag[i] = "ADV"

    def stranded(self, i: int) -> bool:
        """Whether particle ``i`` governs nothing after it: the clause ends, or what follows is
        no noun phrase (only for particles that are not also frequent adverbs)."""
        j = i + 1
        if j >= self.n or self.kind[j] == _PUNCT or self.clause[j] != self.clause[i]:
            return True
        if self.low[i] in self.t.strict:
            return False
        return self.tag[j] in ("ADP", "ADV", "CCONJ", "SCONJ", "VERB", "AUX") or self.role[j] != _NO

    def te_particles(self) -> None:
        """"op te leggen": an infinitive after the marker takes the particle before it."""
        s = self.t
        for i in [i for i, te in enumerate(self.te) if te and i >= 2]:
            if (self.te[i] and self.low[i - 2] in s.particles and self.kind[i - 2] == _WORD
                    and self.role[i - 2] == _NO and self.particle[i] is None):
                self.particle[i] = i - 2
                self.lemma[i] = self.low[i - 2] + self.t.base(self.low[i], self.lemma[i])
