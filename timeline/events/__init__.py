"""Events: found in the parsed sentences (:mod:`~timeline.events.detect`, with the language's
event words in :mod:`~timeline.events.lexicon`, its verb groups in :mod:`~timeline.events.groups`
and its event nouns in :mod:`~timeline.events.nouns`), dated by the time of their clause or by
the user (:mod:`~timeline.events.anchors`), and put in order (:mod:`~timeline.events.order`)."""
