"""Stage 4 of topic counting: hit records — the counted (and, on request, dropped) hits of one
article as plain rows with their offsets, paragraph, section, sentence and speaker
(:func:`topic_hit_records`; :func:`topic_hits` as a table).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import compress
from operator import itemgetter

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.text import Article, BlockPlaces
from analysis.topics.lexicon import Lexicon, default_lexicon, entry_stem
from analysis.topics.matching import _match_runs
from analysis.topics.rules import corroborate

_FIRST, _THIRD = itemgetter(0), itemgetter(2)

HIT_COLUMNS = ["article_id", "topic", "label", "term", "matched", "start", "end", "paragraph",
               "block", "section", "sentence", "in_quote", "speaker"]


def _quote_lookup(quotes: pd.DataFrame | None):
    if quotes is None or quotes.empty:
        return []
    sp = quotes[quotes["kind"].isin(["direct", "partial"])]
    return sorted(zip(sp["start"], sp["end"], sp["speaker"].fillna(""), strict=True))


def _in_quote(spans, start: int, end: int):
    """(True, speaker) when [start, end) lies inside one of the sorted speech spans."""
    i = bisect_right(spans, (start, float("inf"), "")) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return True, spans[i][2] or None
    return False, None


def topic_hits(article: Article, lexicon: Lexicon | None = None,
               quotes: pd.DataFrame | None = None, dropped: bool = False) -> pd.DataFrame:
    """One row per topic hit: the term, the matched text and its offsets, paragraph, section,
    sentence, whether it is inside a speech quote and whose (given a quotes table). With
    ``dropped=True`` the candidate hits that did not count are listed too, and a ``dropped``
    column gives the reason (empty for counted hits).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Shenley Court police said it was not related to terrorism.", "x")
    >>> topic_hits(art, dropped=True)[["topic", "matched", "start", "dropped"]].values.tolist()
    [['crime', 'Court', 8, 'name'], ['crime', 'police', 14, 'uncorroborated'], \
['conflict', 'terrorism', 48, 'negation']]
    """
    rows = topic_hit_records(article, lexicon, _quote_lookup(quotes), dropped)
    return pd.DataFrame.from_records(rows, columns=HIT_COLUMNS + (["dropped"] if dropped else []))


def topic_hit_records(article: Article, lexicon: Lexicon | None = None,
                      speech: list[tuple[int, int, str]] | None = None,
                      dropped: bool = False) -> list[tuple]:
    """The rows of :func:`topic_hits` as plain tuples in :data:`HIT_COLUMNS` order (no
    DataFrame: the corpus path). ``speech`` lists the speech quotes as sorted
    ``(start, end, speaker or "")`` tuples; with ``dropped=True`` each row ends with the
    reason a candidate did not count (empty for counted hits).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“Trade and investment matter,” Ruto said.", "x")
    >>> row = topic_hit_records(art, speech=[(1, 29, "Ruto")])[0]
    >>> row[1], row[4], row[5], row[-2:]
    ('economy', 'Trade', 1, (True, 'Ruto'))
    """
    lex = lexicon or default_lexicon()
    runs = _match_runs(article, lex, with_dropped=True)
    if not runs:
        return []
    labels = lex.labels()
    body = article.body_tokens
    blocks = article.blocks
    if isinstance(blocks, list):  # a short article: paragraph and section of every block
        para_of = [-1] * len(blocks)  # (a body token is always in a paragraph block)
        for k, b in enumerate(article.paragraphs):
            para_of[b.index] = k
        section_of = [b.section for b in blocks]
    else:  # a long one (blocks as columns): looked up once per block with a hit
        places = BlockPlaces(article)
        para_of = _Memo(places.paragraph)
        section_of = _Memo(places.section)
    # the paragraph of each counted hit's first token
    first_para = {i: para_of[body[i][4]] for _t, _r, i, _j, reason in runs if reason is None}
    reasons = [r[4] for r in runs]
    stems = None
    if lex.corroboration is not None:
        # entries are told apart by their stems: "sport" and "sports" are one entry here
        keyed = [(tid, entry_stem(term), i, j, reason) for tid, term, i, j, reason in runs]
        marked = corroborate(keyed, first_para, lex.corroboration)
        if marked is not keyed:  # (an unmarked hit comes back as the same tuple)
            reasons = [m[4] for m in marked]
        stems = [k[1] for k in keyed]
    # the article-level rules drop every counted hit of a topic: decided per topic, from its
    # counted hits' number, paragraphs and entries (one pass), then applied with the rows
    marks = _topic_marks(lex, runs, reasons, first_para, stems)
    text, aid = article.text, article.id
    spans = speech or []
    n_spans = len(spans)
    q = 0  # hits come in text order: the speech spans are walked once, not searched per hit
    rows = []
    append = rows.append
    for (tid, term, i, j, _r), reason in zip(runs, reasons, strict=True):
        if reason is None and marks:
            reason = marks.get(tid)
        if reason is not None and not dropped:
            continue
        a = body[i]
        start = a[2]
        end = a[3] if i == j else body[j][3]
        # the last span opening at or before the hit (as _in_quote's bisect finds it)
        while q < n_spans and spans[q][0] <= start:
            q += 1
        if q and end <= spans[q - 1][1]:
            inq, speaker = True, spans[q - 1][2] or None
        else:
            inq, speaker = False, None
        blk = a[4]
        row = (aid, tid, labels[tid], term, text[start:end], start, end, para_of[blk],
               blk, section_of[blk], a[5], inq, speaker)
        append(row + (reason or "",) if dropped else row)
    return rows


def _topic_marks(lex: Lexicon, runs: list[tuple], reasons: list, first_para: dict,
                 stems: list[str] | None = None) -> dict[str, str]:
    """The topics whose counted hits (``reasons`` None) the article-level rules drop, with the
    reason, applied in this order to the topics still counted:

    * ``few``: fewer than ``min_hits`` counted hits in the article;
    * ``confined`` (since 2.9): counted hits in fewer paragraphs than the topic's
      ``min_paragraphs`` (``first_para`` gives a hit's paragraph by its first token): an aside;
    * ``narrow`` (since 2.13, :func:`_narrow`): a topic behind the leading one with fewer than
      ``min_entries`` distinct entries (``stems``, when given, holds each run's
      :func:`entry_stem`, as corroboration made them);
    * ``minor`` (since 2.12, :func:`_minor`): fewer counted hits than ``min_share_of_top``
      times the leading topic's.

    Every rule drops all the counted hits of a topic, so each is decided per topic from the
    counts, paragraphs and entries gathered in one pass over the hits (a topic's hits are
    stemmed, memoised, until it has ``min_entries`` stems): linear in the article's size.

    >>> from analysis.topics.lexicon import default_lexicon
    >>> runs = [("politics", "vote*", k, k, None) for k in range(6)] + [
    ...     ("economy", "trade", 6, 6, None), ("health", "doctor*", 7, 7, None),
    ...     ("health", "hospital*", 8, 8, None)]
    >>> lex, reasons = default_lexicon(), [r[4] for r in runs]
    >>> sorted(_topic_marks(lex, runs, reasons, {k: k for k in range(9)}).items())
    [('economy', 'few'), ('health', 'narrow')]
    >>> sorted(_topic_marks(lex, runs, reasons, {k: 0 for k in range(9)}).items())
    [('economy', 'few'), ('health', 'confined')]

    (one trade hit: fewer than ``min_hits`` 2; health's two hits in one paragraph: fewer than
    its ``min_paragraphs`` 2; in two, two entries: fewer than ``min_entries`` 3 for a topic
    behind politics' six.)
    """
    live = [r is None for r in reasons]
    counted = list(compress(runs, live))
    tids = list(map(_FIRST, counted))
    counts = Counter(tids)
    spread = {t.id: t.min_paragraphs for t in lex.topics if t.min_paragraphs > 1}
    # distinct (topic, paragraph) and (topic, entry) pairs, counted per topic
    paras: Counter = Counter()
    if spread:
        first = map(first_para.__getitem__, map(_THIRD, counted))
        paras.update(tid for tid, _p in set(zip(tids, first, strict=True)) if tid in spread)
    min_entries = lex.min_entries
    entries: Counter = Counter()
    if min_entries > 1:
        entries = _entry_counts(counted, min_entries,
                                None if stems is None else compress(stems, live))
    marks: dict[str, str] = {}
    if lex.min_hits > 1:  # a topic with too few hits in this article does not count here
        marks.update((tid, "few") for tid, n in counts.items() if n < lex.min_hits)
    # a topic whose counted hits lie in too few paragraphs: an aside (since 2.9)
    marks.update((tid, "confined") for tid, found in paras.items()
                 if tid not in marks and found < spread[tid])
    if min_entries > 1:  # a secondary topic with too narrow a vocabulary (since 2.13)
        left = {tid: n for tid, n in counts.items() if tid not in marks}
        marks.update(dict.fromkeys(_narrow_topics(left, entries, min_entries), "narrow"))
    if lex.min_share_of_top:  # a topic far behind the article's leading one (since 2.12)
        left = {tid: n for tid, n in counts.items() if tid not in marks}
        marks.update(dict.fromkeys(_minor_topics(left, lex.min_share_of_top), "minor"))
    return marks


def _mark(runs: list[tuple], topics: set[str], reason: str) -> list[tuple]:
    """The runs with the counted hits of ``topics`` marked as dropped for ``reason`` (the
    other runs are the same tuples).

    >>> _mark([("a", "x", 0, 0, None), ("b", "y", 1, 1, None), ("a", "z", 2, 2, "name")],
    ...       {"a"}, "few")
    [('a', 'x', 0, 0, 'few'), ('b', 'y', 1, 1, None), ('a', 'z', 2, 2, 'name')]
    """
    return [r[:4] + (reason,) if r[4] is None and r[0] in topics else r for r in runs]


def _narrow(runs: list[tuple], min_entries: int, stems: list[str] | None = None) -> list[tuple]:
    """Mark the counted hits of the topics that do not lead the article (fewer counted hits than
    the topic with most; ties all lead) and whose counted hits there bring fewer than
    ``min_entries`` distinct entries (told apart by :func:`entry_stem`) as dropped
    (``narrow``): a subject the article only touches comes back with the same one or two words
    (a teachers' union as a campaign's endorser, "the military" in a list of complaints); a
    subject it covers brings its vocabulary. ``stems``, when given, holds each run's
    :func:`entry_stem` (as corroboration made them). One pass over the hits; a topic's hits are
    stemmed (memoised) until it has ``min_entries`` stems: linear in the article's size.

    >>> runs = [("politics", "vote*", k, k, None) for k in range(5)] + [
    ...     ("labour", "unions", 5, 5, None), ("labour", "union", 6, 6, None),
    ...     ("labour", "workers", 7, 7, None), ("health", "doctor*", 8, 8, None),
    ...     ("health", "hospital*", 9, 9, None), ("health", "patients", 10, 10, None),
    ...     ("health", "nurse*", 11, 11, None)]
    >>> sorted({(r[0], r[4]) for r in _narrow(runs, 4)})  # labour: 2 entries (union, worker)
    [('health', None), ('labour', 'narrow'), ('politics', None)]
    >>> sorted({(r[0], r[4]) for r in _narrow(runs, 3)})  # "unions" and "union": one stem
    [('health', None), ('labour', 'narrow'), ('politics', None)]
    >>> sorted({(r[0], r[4]) for r in _narrow(runs, 2)})
    [('health', None), ('labour', None), ('politics', None)]
    >>> _narrow(runs, 3, [entry_stem(r[1]) for r in runs]) == _narrow(runs, 3)
    True
    """
    live = [r[4] is None for r in runs]
    counted = list(compress(runs, live))
    entries = _entry_counts(counted, min_entries, None if stems is None else compress(stems, live))
    narrow = _narrow_topics(Counter(map(_FIRST, counted)), entries, min_entries)
    return _mark(runs, narrow, "narrow") if narrow else runs


def _entry_counts(counted: list[tuple], min_entries: int, stems=None) -> Counter:
    """Distinct entries of each topic's counted hits (``counted``), told apart by
    :func:`entry_stem`, or by ``stems`` (each counted hit's stem, as corroboration made them)
    when given; without them a topic's hits are stemmed until it has ``min_entries``, so a
    count may stop there (all the rules ask is whether it reaches ``min_entries``).

    >>> runs = [("a", "unions", 0, 0, None), ("a", "union", 1, 1, None), ("b", "x", 2, 2, None)]
    >>> sorted(_entry_counts(runs, 3).items())
    [('a', 1), ('b', 1)]
    """
    if stems is not None:
        return Counter(map(_FIRST, set(zip(map(_FIRST, counted), stems, strict=True))))
    seen: dict[str, set[str]] = {}
    for tid, term, _i, _j, _r in counted:
        found = seen.setdefault(tid, set())
        if len(found) < min_entries:  # enough seen: no more stemming for this topic
            found.add(entry_stem(term))
    return Counter({tid: len(found) for tid, found in seen.items()})


def _minor(runs: list[tuple], share: float) -> list[tuple]:
    """Mark the counted hits of the topics whose counted hits number less than ``share`` times
    the leading topic's as dropped (``minor``): a topic far behind the article's main subject is
    mentioned in passing (a rally's one paragraph on trade, a jobs figure in a debate story).
    One pass over the hits: linear in the article's size.

    >>> runs = [("politics", "vote*", 0, 0, None)] * 9 + [("economy", "trade", 9, 9, None),
    ...         ("economy", "tariff*", 12, 12, None), ("crime", "police", 15, 15, "context")]
    >>> sorted({(r[0], r[4]) for r in _minor(runs, 0.25)})  # 2 < 0.25 x 9
    [('crime', 'context'), ('economy', 'minor'), ('politics', None)]
    >>> [r[4] for r in _minor(runs, 0.2)][9:]  # 2 hits >= 0.2 x 9: economy counts
    [None, None, 'context']
    """
    minor = _minor_topics(Counter([r[0] for r in runs if r[4] is None]), share)
    return _mark(runs, minor, "minor") if minor else runs


def _narrow_topics(counts: dict[str, int], entries: dict[str, int],
                   min_entries: int) -> set[str]:
    """The topics :func:`_narrow` drops, from each counted topic's hits (``counts``) and
    distinct entries (``entries``: their stems, counted up to ``min_entries`` at least)."""
    if not counts:
        return set()
    top = max(counts.values())
    return {tid for tid, n in counts.items() if n < top and entries[tid] < min_entries}


def _minor_topics(counts: dict[str, int], share: float) -> set[str]:
    """The topics :func:`_minor` drops, from each counted topic's hits (``counts``)."""
    if not counts:
        return set()
    floor = share * max(counts.values())
    return {tid for tid, n in counts.items() if n < floor}


class _Memo(dict):
    """``f(key)`` computed once per key (for the blocks of a long article)."""

    __slots__ = ("_f",)

    def __init__(self, f) -> None:
        super().__init__()
        self._f = f

    def __missing__(self, key):
        value = self[key] = self._f(key)
        return value
