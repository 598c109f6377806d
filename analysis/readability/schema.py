"""Stage 0 — the names of what readability reports: the count, metric and flag columns of
every table and record, and the six per-word features that are summed."""

from __future__ import annotations

COUNT_COLUMNS = [
    "sentences", "words", "syllables", "polysyllables", "complex_words", "difficult_words",
    "letters", "characters", "linsear_words", "linsear_easy", "linsear_hard", "linsear_sentences",
]
METRIC_COLUMNS = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula",
]
FLAG_COLUMNS = ["smog_reliable", "linsear_reliable", "reliable"]
#: The per-word features summed per unit (the counts besides words, sentences and Linsear
#: Write's sample).
_FEATURE_COLUMNS = ("syllables", "polysyllables", "complex_words", "difficult_words", "letters",
                    "characters")
