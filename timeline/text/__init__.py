"""The text cut into pieces: tokens (:mod:`~timeline.text.tokens`) and sentences and
blocks of paragraphs (:mod:`~timeline.text.sentences`), with no grammar and no language
beyond the word lists they are given."""
