"""Time expressions in a text: found by a language's rules (:mod:`~timeline.expressions.find`)
and normalized in text order, each resolved against the DCT, the tense of its clause and the
time the text mentioned last (:mod:`~timeline.expressions.normalize`)."""
