"""Stage 3: the keep rules — a counted hit still counts when the classifier gives its topic
P(topic | text) >= theta, or ranks its topic among the first r of the 18 classes — their scores
on labelled hits, article coverage, and the choice of one rule on the tuning batches.
"""

from __future__ import annotations

from collections import defaultdict

#: The family of keep rules tried (fixed before any result was seen): (name, theta, r); a hit is
#: kept when P(topic) >= theta (theta not None) or rank(topic) <= r (r not None).
RULES = (
    ("P>=0.05", 0.05, None), ("P>=0.1", 0.1, None), ("P>=0.2", 0.2, None),
    ("P>=0.3", 0.3, None), ("P>=0.5", 0.5, None),
    ("rank<=1", None, 1), ("rank<=2", None, 2), ("rank<=3", None, 3),
    ("P>=0.1 or rank<=1", 0.1, 1), ("P>=0.2 or rank<=1", 0.2, 1),
    ("P>=0.1 or rank<=2", 0.1, 2),
)
#: The choice's limits on the tuning batches (issue 13's goals and the brief's loss limit).
MAX_DROPPED, MIN_COVERAGE = 0.25, 0.95


def keeps(p: float, rank: int, theta: float | None, r: int | None) -> bool:
    """Whether a hit whose topic has probability ``p`` and rank ``rank`` is kept.

    >>> keeps(0.15, 3, 0.1, None), keeps(0.05, 1, 0.1, 1), keeps(0.05, 2, 0.1, 1)
    (True, True, False)
    >>> keeps(0.9, 1, None, None)
    False
    """
    return (theta is not None and p >= theta) or (r is not None and rank <= r)


def _cell(correct: int, n: int, kept_correct: int, kept: int) -> dict:
    return {"n": n, "correct": correct, "precision_before": correct / n if n else None,
            "kept": kept, "kept_correct": kept_correct,
            "precision_after": kept_correct / kept if kept else None,
            "dropped_correct": correct - kept_correct,
            "dropped_correct_share": (correct - kept_correct) / correct if correct else None}


def evaluate(hits: list[dict], kept: list[bool]) -> dict:
    """Precision before (every hit) and after (kept hits), and the share of correct hits dropped,
    overall, per topic and per label batch; ``hits`` carry ``topic``, ``correct`` and
    (optionally) ``batch``.

    Hand-checked: four crime hits, three correct; the rule keeps two correct ones and the wrong
    one: precision 3/4 before, 2/3 after, one of three correct hits dropped.

    >>> hits = [{"topic": "crime", "correct": c} for c in (True, True, True, False)]
    >>> e = evaluate(hits, [True, True, False, True])
    >>> e["precision_before"], round(e["precision_after"], 3), round(e["dropped_correct_share"], 3)
    (0.75, 0.667, 0.333)
    >>> e["topics"]["crime"]["kept"], e["topics"]["crime"]["n"]
    (3, 4)
    """
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_batch: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for h, k in zip(hits, kept, strict=True):
        for c in (per[h["topic"]], by_batch[h.get("batch", "")]):
            c[0] += h["correct"]
            c[1] += 1
            c[2] += h["correct"] and k
            c[3] += k
    tot = [sum(c[i] for c in per.values()) for i in range(4)]
    return {**_cell(*tot), "topics": {t: _cell(*c) for t, c in sorted(per.items())},
            "batches": {b: _cell(*c) for b, c in sorted(by_batch.items(),
                                                        key=lambda bc: (len(bc[0]), bc[0]))}}


def article_coverage(kept_by_article: list[list[bool]]) -> dict:
    """Articles with at least one counted hit before and with at least one kept hit after.

    >>> article_coverage([[True, False], [False], [], [True]])
    {'articles': 4, 'before': 3, 'after': 2, 'share_before': 0.75, 'share_after': 0.5}
    """
    n = len(kept_by_article)
    before = sum(1 for k in kept_by_article if k)
    after = sum(1 for k in kept_by_article if any(k))
    return {"articles": n, "before": before, "after": after,
            "share_before": before / n if n else None, "share_after": after / n if n else None}


def choose(candidates: list[dict]) -> dict | None:
    """The rule chosen on the tuning batches: among candidates (each with ``tune``, an
    :func:`evaluate` result, and ``coverage``, an :func:`article_coverage` result) that drop at
    most :data:`MAX_DROPPED` of the correct hits and keep coverage >= :data:`MIN_COVERAGE`, the
    one with the highest precision of kept hits; ties: fewer correct hits dropped, then the
    earlier candidate. None when no candidate qualifies.

    >>> def c(name, p, d, cov):
    ...     return {"name": name, "tune": {"precision_after": p, "dropped_correct_share": d},
    ...             "coverage": {"share_after": cov}}
    >>> choose([c("a", 0.95, 0.4, 0.99), c("b", 0.9, 0.2, 0.96), c("c", 0.92, 0.1, 0.9)])["name"]
    'b'
    >>> choose([c("a", 0.95, 0.4, 0.99)]) is None
    True
    """
    ok = [(k, c) for k, c in enumerate(candidates)
          if c["tune"]["dropped_correct_share"] <= MAX_DROPPED
          and c["coverage"]["share_after"] >= MIN_COVERAGE]
    if not ok:
        return None
    return min(ok, key=lambda kc: (-kc[1]["tune"]["precision_after"],
                                   kc[1]["tune"]["dropped_correct_share"], kc[0]))[1]


def auc(scores: list[float], correct: list[bool]) -> float | None:
    """The probability that a correct hit scores higher than an incorrect one (ties count half;
    the Mann-Whitney statistic, from ranks in O(n log n)): 0.5 is no better than chance, 1.0 a
    score that separates them perfectly; None without both kinds. A diagnostic of the score
    itself, whatever rule is put on it.

    Hand-checked: correct 0.9 and 0.4, incorrect 0.4 and 0.1: of the four pairs, three are won
    and one tied, (3 + 0.5) / 4 = 0.875.

    >>> auc([0.9, 0.4, 0.4, 0.1], [True, True, False, False])
    0.875
    """
    n_pos = sum(correct)
    n_neg = len(correct) - n_pos
    if not n_pos or not n_neg:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0  # the ranks of the correct hits, ties sharing their mean rank
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        rank_sum += mean_rank * sum(correct[order[k]] for k in range(i, j + 1))
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
