"""The Frog backend: Debian's Frog (``apt-get install frog frogdata``) as :mod:`timeline.parse` sentences.

Frog tokenizes (ucto), tags with CGN tags, lemmatizes, joins multi-word units
and parses into Alpino-style dependencies. It prints one tab-separated row
per word (index, word, lemma, morphology, CGN tag, confidence, entity, chunk,
head, relation) and a blank line after each sentence. This module reads that
output (:func:`sentences_of`, a pure function of Frog's output and the text)
and derives what the event layer needs:

- offsets: Frog prints none, so every word is looked up in the text in order,
  from where the previous one ended (:func:`align`): as written, or equal
  after folding quotes, dashes, case, Unicode normalization and compatibility
  forms (``…`` and ``...``) and invisible characters (a soft hyphen, a
  zero-width space), since ucto splits a doubled quote in two and may write a
  word otherwise than the text does. A word that cannot be found is given the
  text between its found neighbours (its own whitespace-separated piece of
  it where there is one), never a guess elsewhere in the text; so
  ``text[token.start:token.end]`` is always the text's own characters and
  ``token.text`` is exactly that slice;
- multi-word units: Frog joins names and fixed phrases (``Sean_Spicer``,
  ``'s_ochtends``) into one row; they are split into their words again, the
  first keeping the row's head and relation, the others attached to it as
  ``mwp`` (Alpino's multi-word part);
- parts of speech and features: CGN tags are mapped to UD by the table in
  ``lang/nl/frog.toml`` (the tags are Dutch abbreviations, so they are data);
  a participle or infinitive before a noun or used as a noun is ADJ or NOUN,
  not VERB, as in the UD Dutch treebanks;
- heads and relations: Frog's (``head`` a 0-based index in the sentence,
  ``None`` for a root; ``deprel`` Frog's own Alpino label, ``dep`` where Frog
  printed ``None``). A sentence Frog did not parse (over its 500-word limit:
  every word a ROOT) gets no tree;
- clauses: a word belongs to the clause of its nearest ancestor (itself
  included) that heads one: the main root; a complementizer or relative
  pronoun with a ``body`` (``dat``, ``toen``, ``die``: it opens the clause
  below it); a finite verb not attached as a ``body`` (another root, direct
  speech, a coordinated clause). The main root's clause is 0, the others are
  numbered in order of appearance; a word whose chain reaches none is in 0;
- auxiliaries, as the built-in analyzer decides them and from the same word
  lists (``[auxiliary]`` of ``parser.toml``): hebben/zijn/worden and the
  modals are AUX when they carry a participle or infinitive (their ``vc`` in
  the tree, or one in their clause, since Frog's attachments miss some);
  zullen always; a copula (zijn, worden, blijven) when its clause has no other
  verb form;
- separable verbs: an ``svp`` word is the particle of its head verb, whose
  lemma becomes the whole verb (``legde ... op``: ``opleggen``).

Frog runs as a program (one run per :meth:`FrogParser.parse_many` call, all
texts together, so it loads once: a few seconds) or as a server that is
already running (``frog -S PORT``, or :class:`FrogServer` to start one of
one's own), which answers each text at once. A missing program, a failed run
or an unreachable server is a :class:`~timeline.parse.BackendError` that
says what went wrong.
"""

from __future__ import annotations

from .output import FrogWord, align, cgn_to_ud, read_output
from .process import DEFAULT_SKIP, FrogParser, FrogServer
from .sentences import sentences_of

__all__ = ["DEFAULT_SKIP", "FrogParser", "FrogServer", "FrogWord", "align", "cgn_to_ud", "read_output",
           "sentences_of"]
