"""Stage 2, reference path — per-unit counting: the units (:class:`Unit`: article, sections,
paragraphs, quoted speech, narration, speakers) and their counts from prefix sums of the word
features (:class:`_BodyCounts`). The column-wise path (:mod:`analysis.readability.columns`)
is tested against it."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain, groupby, islice
from math import nan
from operator import attrgetter

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED
from analysis.readability.columns import _owned_runs
from analysis.readability.formulas import metrics_from_counts
from analysis.readability.schema import _FEATURE_COLUMNS, COUNT_COLUMNS
from analysis.readability.words import word_features
from analysis.text import Article, Tokens, token_column, token_texts


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
    owned, quoted_runs, narration_runs = _owned_runs(starts, ends, spans)

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
