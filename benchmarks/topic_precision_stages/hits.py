"""Stage 2: an article's counted hits under a lexicon, counted per topic and ranked as the
article's topic table ranks them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path


def hits_of(path: Path, lexicon) -> set[tuple[int, int, str]]:
    """The hits ``(start, end, topic)`` that ``lexicon`` counts in the text at ``path``."""
    from analysis.text import load_article
    from analysis.topics import topic_hits

    df = topic_hits(load_article(path), lexicon)
    return set(zip(df["start"].tolist(), df["end"].tolist(), df["topic"].tolist(), strict=True))


def topic_counts(records) -> dict[str, int]:
    """Counted hits per topic of one article, from its ``topic_hit_records`` rows (the topic is
    field 1); a ``defaultdict(int)``, so a topic without hits reads 0.

    >>> counts = topic_counts([(0, "b"), (1, "a"), (2, "b")])
    >>> dict(counts), counts["c"]
    ({'b': 2, 'a': 1}, 0)
    """
    counts: dict[str, int] = defaultdict(int)
    for rec in records:
        counts[rec[1]] += 1
    return counts


def ranked_topics(counts: dict[str, int], order: list[str]) -> list[str]:
    """The topics with counted hits in an article, ranked as :func:`analysis.topics.topic_summary`
    lists them: most hits first, ties in the lexicon's order (``order``).

    >>> ranked_topics({"b": 2, "a": 2, "c": 5, "d": 0}, ["a", "b", "c", "d"])
    ['c', 'a', 'b']
    """
    pos = {t: i for i, t in enumerate(order)}
    return sorted((t for t, n in counts.items() if n), key=lambda t: (-counts[t], pos[t]))


def tie_at_cut(counts: dict[str, int], ranked: list[str], k: int) -> set[str]:
    """The topics whose place in or out of the top ``k`` only the lexicon's order decides: those
    with as many hits as the k-th topic when the (k+1)-th has as many too (else none).

    >>> counts = {"c": 5, "a": 2, "b": 2}
    >>> sorted(tie_at_cut(counts, ["c", "a", "b"], 2)), tie_at_cut(counts, ["c", "a", "b"], 1)
    (['a', 'b'], set())
    """
    if len(ranked) <= k or counts[ranked[k - 1]] != counts[ranked[k]]:
        return set()
    return {t for t in ranked if counts[t] == counts[ranked[k - 1]]}


