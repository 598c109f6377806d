"""Stage 2 — counting, column-wise: every unit's counts from one pass over the body's words
(running sums sampled at unit boundaries, numpy, no object per unit); the path tables and
records use. The per-unit path (:mod:`analysis.readability.units`) is its reference."""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import chain, islice, pairwise, repeat
from math import nan
from operator import itemgetter

import numpy as np

from analysis.readability.formulas import _metrics_into
from analysis.readability.schema import _FEATURE_COLUMNS, COUNT_COLUMNS, METRIC_COLUMNS
from analysis.readability.words import _word_row
from analysis.text import Article, Tokens, token_column, token_texts

# The table and the records are computed column-wise: one pass over the body's words samples the
# running sums of their features at the unit boundaries only (no array of per-word sums), and
# every unit's counts are differences of those samples (numpy, no object per unit). The per-unit
# path (:class:`analysis.readability.units._BodyCounts`) is the reference they are tested against.

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
        # straight into an array (-1 for a word not met yet: none, once the words repeat)
        out = np.fromiter(map(index.get, words, repeat(-1)), np.intp, len(words))
        if out.size and out.min() < 0:
            for k in np.flatnonzero(out < 0).tolist():
                w = words[k]
                i = index.get(w)
                out[k] = self._add(w) if i is None else i
        return out

    def _add(self, word: str) -> int:
        i = len(self.index)
        if i == self.table.shape[1]:
            self.table = np.concatenate([self.table, np.zeros_like(self.table)], axis=1)
        # the word's row in one pass (word_features, inside and opening a sentence, is made
        # from the same values; this table is the memo, so no WordFeatures objects are kept)
        self.table[:, i] = _word_row(word)
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
        flat = np.array(runs, np.int64).reshape(-1, 2)  # one conversion: (first, stop) rows
        self.starts, self.stops = flat[:, 0], flat[:, 1]
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


def _owned_runs(starts, ends, spans: list[tuple[int, int, str]]):
    """Each speech quote's run of body tokens (those that start and end inside it), and the
    narration runs between them: ``(owned, quoted, narration)`` with ``owned`` as
    ``(first position, stop, quote number)`` and the other two as ``(first, stop)``. Tokens are
    in text order and do not overlap, so both offsets only grow: two bisections a quote.

    >>> _owned_runs([0, 5, 10, 15], [4, 9, 14, 19], [(5, 14, "A")])
    ([(1, 3, 0)], [(1, 3)], [(0, 1), (3, 4)])
    """
    owned: list[tuple[int, int, int]] = []
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
    return owned, quoted, narration


def _quote_runs(starts, ends, spans: list[tuple[int, int, str]]) -> list[_RunsUnit]:
    """The quote units of :func:`_quote_units`, as runs."""
    owned, quoted, narration = _owned_runs(starts, ends, spans)
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
    # the units' runs are consecutive: unit n's are [offsets[n], offsets[n + 1])
    offsets = np.zeros(len(units) + 1, np.int64)
    np.cumsum([len(u.starts) for u in units], out=offsets[1:])
    # Linsear Write's sample: each run up to the cut, runs after the cut's run left out
    cut = np.concatenate([np.minimum(u.stops, u.cut[1]) if u.cut else u.stops for u in units])
    before = np.concatenate([np.arange(len(u.starts)) <= (u.cut[0] if u.cut else -1)
                             for u in units])
    at_i = at(None, i)
    # per run: words, the six features, sentences, the sample's hard words; summed per unit
    # from running sums over the runs (one pass for all nine)
    per_run = np.empty((9, len(i)), np.int64)
    per_run[0] = k - i
    per_run[1:7] = at(None, k) - at_i
    per_run[7] = 1 + at(_OPENINGS, k) - at(_OPENINGS, np.minimum(i + 1, k))
    per_run[8] = np.where(before, at(1, cut) - at_i[1], 0)
    running = np.zeros((9, len(i) + 1), np.int64)
    np.cumsum(per_run, axis=1, out=running[:, 1:])
    words, *features, sentences, hard = (running[:, offsets[1:]]
                                         - running[:, offsets[:-1]]).tolist()
    out: dict[str, list] = {"words": words, **dict(zip(_FEATURE_COLUMNS, features, strict=True)),
                            "sentences": sentences}
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
        # the sample's sentence pieces: its sentences (narration), or its pairs of sentence and
        # quote (a quote owns one run, so pairs of two runs differ; a run's sentence numbers
        # never go down): how many distinct, and how many tokens the last one has in the sample
        pieces = [sent[i0:stop_cut if r == r_cut else k0]
                  for r, (i0, k0) in enumerate(islice(runs, r_cut + 1))]
        s_last = pieces[-1][-1]
        if u.quotes is None:
            distinct = len(set(chain.from_iterable(pieces)))
            in_sample = sum(piece.count(s_last) for piece in pieces)
        else:
            distinct = sum(len(set(piece)) for piece in pieces)
            in_sample = pieces[-1].count(s_last)
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
        out["linsear_sentences"][n] = distinct - 1 + in_sample / total
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
        sent, blocks = np.fromiter(sent_seq, np.int64, n), np.fromiter(blocks, np.int64, n)
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
