"""Stage 3 of topic counting: article-level rules — corroboration (a hit counts only with
another entry of its topic nearby, :func:`corroborate`); ``min_hits`` is applied with it in
:func:`analysis.topics.hits.topic_hit_records`.
"""

from __future__ import annotations

from operator import itemgetter

from analysis.topics.lexicon import Corroboration


def corroborate(runs: list[tuple], paragraph_of, rule: Corroboration) -> list[tuple]:
    """Mark the counted hits that lack corroboration as dropped (``uncorroborated``).

    ``runs`` are ``(topic, term, first token, last token, reason)`` tuples (reason None for a
    hit that counts so far); ``paragraph_of[i]`` is the paragraph number of body token ``i`` (a
    list, or a dict holding at least the first tokens of the counted hits). A hit
    keeps counting when its topic has at least ``rule.article_hits`` counted hits in the article
    (when that is not 0), or when another counted hit of the same topic *by a different lexicon
    entry* lies in the same paragraph (``rule.paragraph``) or at most ``rule.window`` words away
    (when that is not 0). Hits dropped for another reason neither count nor corroborate.

    >>> runs = [("sport", "golf", 3, 3, None), ("sport", "golf", 40, 40, None),
    ...         ("sport", "tee*", 45, 45, None), ("economy", "trade", 90, 90, None)]
    >>> rule = Corroboration(paragraph=False, window=10, article_hits=0)
    >>> [r[4] for r in corroborate(runs, [0] * 100, rule)]
    ['uncorroborated', None, None, 'uncorroborated']
    """
    by_topic: dict[str, list[tuple[int, str, int, int]]] = {}
    for n, (tid, term, i, j, reason) in enumerate(runs):
        if reason is None:
            by_topic.setdefault(tid, []).append((n, term, i, j))
    weak: set[int] = set()
    article_hits, paragraph, window = rule.article_hits, rule.paragraph, rule.window
    for hits in by_topic.values():
        if article_hits and len(hits) >= article_hits:
            continue
        # linear, not a scan of every pair: a paragraph corroborates all its hits when it holds
        # two distinct entries; the window looks only at the neighbours within ``rule.window``
        # words (hits do not overlap, so the gap grows as the neighbours get farther)
        hits.sort(key=itemgetter(2))
        mixed: set = set()
        if paragraph:
            first_term: dict = {}
            for _n, term, i, _j in hits:
                para = paragraph_of[i]
                if first_term.setdefault(para, term) != term:
                    mixed.add(para)
        for k, (n, term, i, j) in enumerate(hits):
            if mixed and paragraph_of[i] in mixed:
                continue
            if window and (_near(hits, k, term, i, j, window, -1) or
                           _near(hits, k, term, i, j, window, 1)):
                continue
            weak.add(n)
    if not weak:
        return runs
    return [r[:4] + ("uncorroborated",) if n in weak else r for n, r in enumerate(runs)]


def _near(hits, k: int, term: str, i: int, j: int, window: int, step: int) -> bool:
    """Whether a hit of another entry lies at most ``window`` words before (step -1) or after
    (step 1) hit ``k`` (tokens i..j) in the sorted ``hits``."""
    m = k + step
    while 0 <= m < len(hits):
        _n2, term2, i2, j2 = hits[m]
        if (i2 - j if step > 0 else i - j2) > window:
            return False
        if term2 != term:
            return True
        m += step
    return False
