"""Stage 3: precision of a lexicon on the stored labels, its coverage, and the agreement of the
two labellers."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from . import sources as src
from .hits import hits_of
from .sources import (
    GOAL_MIN_HITS,
    GOAL_PRECISION,
    LABELS,
    SECOND_LABELS,
    _batch_order,
    resolve,
    sha12,
)


def precision(lexicon, polnear: Path | None, batches: set[str] | None = None) -> dict:
    rows = list(csv.DictReader(src.LABELS.open(encoding="utf-8", newline="")))
    if batches:
        rows = [r for r in rows if r["batch"] in batches]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)
    per_topic: dict[str, dict] = defaultdict(lambda: {"labelled": 0, "matched": 0, "correct": 0,
                                                      "gone_correct": 0, "gone_incorrect": 0})
    per_batch: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    skipped_polnear = stale = 0
    for file_id, labels in sorted(by_file.items()):
        path = resolve(file_id, polnear)
        if path is None:
            skipped_polnear += len(labels)
            continue
        if not path.is_file() or sha12(path) != labels[0]["sha256_12"]:
            stale += len(labels)
            continue
        current = hits_of(path, lexicon)
        for r in labels:
            t = per_topic[r["topic"]]
            t["labelled"] += 1
            ok = r["label"] == "correct"
            if (int(r["start"]), int(r["end"]), r["topic"]) in current:
                t["matched"] += 1
                t["correct"] += ok
                per_batch[r["batch"]][0] += ok
                per_batch[r["batch"]][1] += 1
            else:
                t["gone_correct" if ok else "gone_incorrect"] += 1
    table = []
    for topic, t in sorted(per_topic.items()):
        p = t["correct"] / t["matched"] if t["matched"] else None
        table.append({"topic": topic, **t, "precision": p,
                      "goal_applies": t["matched"] >= GOAL_MIN_HITS,
                      "goal_met": None if t["matched"] < GOAL_MIN_HITS else p >= GOAL_PRECISION})
    matched = sum(t["matched"] for t in per_topic.values())
    correct = sum(t["correct"] for t in per_topic.values())
    return {"labels": len(rows), "skipped_polnear_rows": skipped_polnear, "stale_rows": stale,
            "matched": matched, "correct": correct,
            "micro_precision": correct / matched if matched else None,
            "by_batch": {b: {"correct": c, "matched": n, "precision": c / n if n else None}
                         for b, (c, n) in sorted(per_batch.items(), key=_batch_order)},
            "topics": table}


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two labellers' judgements of the same items, ``(first, second)``.

    kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement, p_e the agreement expected by
    chance from each labeller's own label shares; None when there are no pairs or p_e is 1
    (both labellers gave one and the same label throughout: kappa is undefined).

    Hand-checked: 10 hits, both say correct 6 times, both incorrect 2, and they differ twice
    (once each way): p_o = 0.8; each labeller says correct 7 times in 10, so
    p_e = 0.7 * 0.7 + 0.3 * 0.3 = 0.58 and kappa = (0.8 - 0.58) / 0.42 = 0.5238...

    >>> pairs = [("correct", "correct")] * 6 + [("incorrect", "incorrect")] * 2 + [
    ...     ("correct", "incorrect"), ("incorrect", "correct")]
    >>> round(cohen_kappa(pairs), 4)
    0.5238
    >>> cohen_kappa([("correct", "correct")] * 3) is None
    True
    """
    n = len(pairs)
    if not n:
        return None
    p_o = sum(a == b for a, b in pairs) / n
    labels = {x for pair in pairs for x in pair}
    p_e = sum((sum(a == k for a, _ in pairs) / n) * (sum(b == k for _, b in pairs) / n)
              for k in labels)
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


def agreement(lexicon, polnear: Path | None, first: Path = LABELS,
              second: Path = SECOND_LABELS, batches: set[str] | None = None) -> dict:
    """Agreement of two labellers on every hit present in both label files (same file, start,
    end, topic and batch): count, observed agreement, Cohen's kappa, agreement per topic, the
    labels ``correct`` per topic under each labeller (``*_correct_all``, over every hit in both
    files, whatever the lexicon) and precision per topic under each labeller for the hits
    ``lexicon`` still counts (PolNeAR rows only when ``polnear`` is given; rows whose file
    changed are skipped); ``batches``: only the hits of those label batches."""

    def key(r: dict) -> tuple:
        return (r["file"], r["sha256_12"], int(r["start"]), int(r["end"]), r["topic"], r["batch"])

    a = {key(r): r["label"] for r in csv.DictReader(first.open(encoding="utf-8", newline=""))}
    b = {key(r): r["label"] for r in csv.DictReader(second.open(encoding="utf-8", newline=""))}
    both = sorted(k for k in a.keys() & b.keys() if batches is None or k[5] in batches)
    per_topic: dict[str, dict] = defaultdict(lambda: {
        "both": 0, "agree": 0, "first_correct_all": 0, "second_correct_all": 0,
        "counted": 0, "first_correct": 0, "second_correct": 0})
    counted = skipped = 0
    by_file: dict[tuple, list[tuple]] = defaultdict(list)
    for k in both:
        t = per_topic[k[4]]
        t["both"] += 1
        t["agree"] += a[k] == b[k]
        t["first_correct_all"] += a[k] == "correct"
        t["second_correct_all"] += b[k] == "correct"
        by_file[k[:2]].append(k)
    for (file_id, digest), keys in sorted(by_file.items()):
        path = resolve(file_id, polnear)
        if path is None or not path.is_file() or sha12(path) != digest:
            skipped += len(keys)
            continue
        current = hits_of(path, lexicon)
        for k in keys:
            if (k[2], k[3], k[4]) in current:
                t = per_topic[k[4]]
                t["counted"] += 1
                t["first_correct"] += a[k] == "correct"
                t["second_correct"] += b[k] == "correct"
                counted += 1
    pairs = [(a[k], b[k]) for k in both]
    return {"both": len(both), "agree": sum(x == y for x, y in pairs),
            "observed_agreement": (sum(x == y for x, y in pairs) / len(pairs)) if pairs else None,
            "kappa": cohen_kappa(pairs),
            "first_only": len(a.keys() - b.keys()), "second_only": len(b.keys() - a.keys()),
            "counted": counted, "not_scored_rows": skipped,
            "topics": {t: v for t, v in sorted(per_topic.items())}}


def coverage(paths: list[Path], lexicon) -> dict:
    with_topic = sum(1 for p in paths if hits_of(p, lexicon))
    return {"articles": len(paths), "with_topic": with_topic,
            "share": with_topic / len(paths) if paths else None}


