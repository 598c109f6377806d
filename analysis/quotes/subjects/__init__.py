"""Subjects next to a cue, read in stages:

- :mod:`~analysis.quotes.subjects.words`: the subject record and the words the readers share;
- :mod:`~analysis.quotes.subjects.phrases`: the phrase ending at a word, and the person
  named before an organisation, a role or a place;
- :mod:`~analysis.quotes.subjects.clause`: the subject that opens a clause;
- :mod:`~analysis.quotes.subjects.before_cue`: the subject phrase before a cue (with its
  appositives, roles, relative clauses and times skipped);
- :mod:`~analysis.quotes.subjects.after_cue`: the subject after an inverted cue ("said
  Ortiz, a former minister").

Their resolution to speakers is :mod:`analysis.quotes.resolve`.
"""

from __future__ import annotations

from analysis.quotes.subjects.after_cue import _FINITE, _subject_after
from analysis.quotes.subjects.before_cue import (
    _HYPOTHETICAL_MODALS,
    _modal_say,
    _speaker_noun_opening,
    _subject_before,
)
from analysis.quotes.subjects.clause import _clause_subject
from analysis.quotes.subjects.words import (
    _DAYS,
    _DEMONYMS,
    _ISSUING,
    _LEAD_INS,
    _NOT_IN_NOUN_PHRASE,
    _PLAIN_WORD,
    _SENTENCE_OPENERS,
    _WORD_OR_DOT,
    _head_noun,
    _Subject,
    first_names_lower,
    ly_adverb,
)

__all__ = [
    "_DAYS", "_DEMONYMS", "_FINITE", "_HYPOTHETICAL_MODALS", "_ISSUING", "_LEAD_INS",
    "_NOT_IN_NOUN_PHRASE", "_PLAIN_WORD", "_SENTENCE_OPENERS", "_Subject", "_WORD_OR_DOT",
    "_clause_subject", "_head_noun", "_modal_say", "_speaker_noun_opening", "_subject_after",
    "_subject_before",
    "first_names_lower", "ly_adverb",
]
