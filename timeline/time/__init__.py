"""Time itself, apart from any text: the calendar algebra (:mod:`~timeline.time.algebra`),
what an expression means before it is placed (:mod:`~timeline.time.intent`), placing a
meaning against the DCT, the tense and the reference time (:mod:`~timeline.time.resolve`,
a pure function), and TIMEX3's spelling of the result (:mod:`~timeline.time.timex`)."""
