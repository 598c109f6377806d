"""Stage 5: the topics that lead their article (issue 13): precision of the labelled hits of
an article's top K topics against the other hits, and what the top K mean over a corpus."""

from __future__ import annotations

import csv
from pathlib import Path

from .hits import ranked_topics, tie_at_cut, topic_counts
from .sources import (
    DRAWN_FROM,
    GOAL_MIN_HITS,
    GOAL_PRECISION,
    LABELS,
    SECOND_LABELS,
    _batch_order,
    _drawn_lexicons,
    resolve,
    sha12,
)

LEADING_KS = (1, 2, 3)  # --leading: the article's top K topics tried for the issue-13 question
# the two-topic lexicon of the docstring examples (a: alpha, beta, gamma; b: delta, omega)
DEMO_LEXICON = ('[meta]\nname = "demo"\n'
                '[topics.a]\nlabel = "A"\nterms = ["alpha", "beta", "gamma"]\n'
                '[topics.b]\nlabel = "B"\nterms = ["delta", "omega"]\n')


def wilson(c: int, m: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval (95 % with the default ``z``) of a precision of ``c`` correct
    out of ``m`` hits; None without hits.

    Hand-checked: 18 of 20, p = 0.9, z² = 3.8416: centre (0.9 + 3.8416 / 40) / (1 + 3.8416 / 20)
    = 0.8355, half-width 1.96 · sqrt(0.9 · 0.1 / 20 + 3.8416 / 1600) / 1.19208 = 0.1366.

    >>> [round(x, 3) for x in wilson(18, 20)]
    [0.699, 0.972]
    >>> wilson(0, 0) is None
    True
    """
    if not m:
        return None
    p, z2 = c / m, z * z
    centre = (p + z2 / (2 * m)) / (1 + z2 / m)
    half = z * (p * (1 - p) / m + z2 / (4 * m * m)) ** 0.5 / (1 + z2 / m)
    return centre - half, centre + half


def hits_to_clear(observed: float, goal: float = GOAL_PRECISION, limit: int = 100_000) -> int:
    """The fewest hits at which a precision of ``observed`` has its Wilson 95 % interval wholly
    at or above ``goal`` (what a topic's sample must hold for the goal to be shown met).

    >>> [hits_to_clear(p) for p in (0.97, 0.95, 0.93)]
    [71, 139, 385]
    """
    return next(m for m in range(1, limit) if wilson(observed * m, m)[0] >= goal)


def _cell(c: int, m: int) -> dict:
    return {"correct": c, "matched": m, "precision": c / m if m else None,
            "interval95": wilson(c, m)}


def leading_precision(lexicon, polnear: Path | None, batches: set[str], at_draw: bool = False,
                      ks: tuple[int, ...] = LEADING_KS, labels: Path = LABELS,
                      second_labels: Path = SECOND_LABELS) -> dict:
    r"""Precision of the labelled hits of ``batches`` split by whether the hit's topic is among
    the top K topics of its article (:func:`ranked_topics`: the order of the article's topic
    table under the lexicon the hit is scored on), for each K of ``ks``: per topic (leading /
    rest, with the goal, ≥ 0.90 for every topic with ≥ 20 labelled hits, applied to the leading
    hits and, for comparison, to all), per batch, under the second labeller where there is one,
    the share of the correct counted hits that lie outside the leading topics, the hits whose
    side only the tie order decides (:func:`tie_at_cut`), the leading hits when topics tied
    with the K-th are all leading, a 95 % interval (:func:`wilson`) for every precision, and
    leave-one-batch-out: for each
    batch, the largest K whose leading hits reach 0.90 on the other batches (else the most
    precise K), scored on that batch.

    The hits are those the lexicon counts (a labelled hit it no longer counts is left out, as
    in :func:`precision`); with ``at_draw`` each batch from 6 on is scored on the default
    lexicon it was drawn from, with all of that lexicon's rules (:data:`DRAWN_FROM`), else on
    ``lexicon``. The draws take a fixed number of hits per topic, so a topic's precision is
    that of its hits, but the pooled figure weighs topics as the draws did, not as a corpus
    does.

    A tiny lexicon and text written here: topic ``a`` counts 2 hits, ``b`` 1, so ``a`` leads;
    the first labeller calls ``alpha`` (a) and ``delta`` (b) correct and ``beta`` (a) not, so
    at K = 1 the leading hits read 1/2 and the rest 1/1:

    >>> import tempfile
    >>> from analysis.topics import load_lexicon
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "lex.toml").write_text(DEMO_LEXICON, encoding="utf-8")
    >>> lex = load_lexicon(tmp / "lex.toml")
    >>> text = tmp / "one.txt"
    >>> _ = text.write_text("The alpha rose. The beta fell.\n\nA delta spoke.\n")
    >>> rows = [(text.read_text().index(w), w, t, lab)
    ...         for w, t, lab in (("alpha", "a", "correct"), ("beta", "a", "incorrect"),
    ...                           ("delta", "b", "correct"))]
    >>> labels, second = tmp / "labels.csv", tmp / "second.csv"
    >>> head = "file,sha256_12,start,end,topic,label,batch\n"
    >>> _ = second.write_text(head)
    >>> _ = labels.write_text(head + "".join(
    ...     f"{text},{sha12(text)},{s},{s + len(w)},{t},{lab},1\n" for s, w, t, lab in rows))
    >>> res = leading_precision(lex, None, {"1"}, ks=(1, 2), labels=labels, second_labels=second)
    >>> res["counted"], [(v["leading"]["correct"], v["leading"]["matched"],
    ...                   v["rest"]["correct"], v["rest"]["matched"]) for v in res["k"].values()]
    (3, [(1, 2, 1, 1), (2, 3, 0, 0)])
    >>> res["k"][1]["correct_outside_share"]
    0.5
    """
    from analysis.text import load_article
    from analysis.topics import topic_hit_records

    second = {(r["file"], int(r["start"]), int(r["end"]), r["topic"], r["batch"]): r["label"]
              for r in csv.DictReader(second_labels.open(encoding="utf-8", newline=""))}
    rows = [r for r in csv.DictReader(labels.open(encoding="utf-8", newline=""))
            if r["batch"] in batches and (not at_draw or r["batch"] in DRAWN_FROM)]
    lexicons = _drawn_lexicons({r["batch"] for r in rows}) if at_draw else {}
    cache: dict[tuple, tuple] = {}  # per file and lexicon: counted hits, counts, ranking
    # (batch, topic, first ok, second ok or None, rank, tied at each K, rank with ties shared)
    items = []
    skipped = not_counted = 0
    for r in rows:
        path = resolve(r["file"], polnear)
        if path is None or not path.is_file() or sha12(path) != r["sha256_12"]:
            skipped += 1
            continue
        lex_key = r["batch"] if at_draw else ""
        got = cache.get((path, lex_key))
        if got is None:
            lex = lexicons.get(lex_key, lexicon)
            recs = topic_hit_records(load_article(path), lex)
            counts = topic_counts(recs)
            got = cache[(path, lex_key)] = (
                {(rec[5], rec[6], rec[1]) for rec in recs}, counts,
                ranked_topics(counts, [t.id for t in lex.topics]))
        counted, counts, ranked = got
        key = (int(r["start"]), int(r["end"]), r["topic"])
        if key not in counted:
            not_counted += 1
            continue
        sec = second.get((r["file"], *key, r["batch"]))
        items.append((r["batch"], r["topic"], r["label"] == "correct",
                      None if sec is None else sec == "correct", ranked.index(r["topic"]) + 1,
                      tuple(r["topic"] in tie_at_cut(counts, ranked, k) for k in ks),
                      1 + sum(n > counts[r["topic"]] for n in counts.values())))
    all_batches = sorted({x[0] for x in items}, key=lambda b: _batch_order((b,)))

    def tally(sel: list) -> dict:
        sec = [x[3] for x in sel if x[3] is not None]
        return {**_cell(sum(x[2] for x in sel), len(sel)),
                "second_correct": sum(sec), "second_matched": len(sec)}

    out = {"batches": all_batches, "at_draw": at_draw, "counted": len(items),
           "skipped_rows": skipped, "not_counted_rows": not_counted, "k": {}}
    for i, k in enumerate(ks):
        lead = [x for x in items if x[4] <= k]
        rest = [x for x in items if x[4] > k]
        topics = {}
        for t in sorted({x[1] for x in items}):
            lt = tally([x for x in lead if x[1] == t])
            rt = tally([x for x in rest if x[1] == t])
            at = _cell(lt["correct"] + rt["correct"], lt["matched"] + rt["matched"])
            topics[t] = {"leading": lt, "rest": rt, "all": at, "goal_leading": (
                None if lt["matched"] < GOAL_MIN_HITS else lt["precision"] >= GOAL_PRECISION),
                "goal_all": (None if at["matched"] < GOAL_MIN_HITS
                             else at["precision"] >= GOAL_PRECISION)}
        by_batch = {}
        for b in all_batches:
            lb, rb = tally([x for x in lead if x[0] == b]), tally([x for x in rest if x[0] == b])
            c = lb["correct"] + rb["correct"]
            by_batch[b] = {"leading": lb, "rest": rb,
                           "correct_outside_share": rb["correct"] / c if c else None}
        lt, rt = tally(lead), tally(rest)
        c = lt["correct"] + rt["correct"]
        out["k"][k] = {"leading": lt, "rest": rt, "all": tally(items),
                       "correct_outside": rt["correct"], "correct_all": c,
                       "correct_outside_share": rt["correct"] / c if c else None,
                       "tied_hits": sum(x[5][i] for x in items),
                       "leading_ties_included": tally([x for x in items if x[6] <= k]),
                       "topics": topics, "by_batch": by_batch}
    # leave one batch out: the largest K (most hits kept) whose leading hits reach the goal on
    # the other batches, else the most precise K there
    held = {"correct": 0, "matched": 0, "picks": {}}
    for b in all_batches if len(all_batches) > 1 else ():
        train = [x for x in items if x[0] != b]
        prec = {}
        for k in ks:
            sel = [x for x in train if x[4] <= k]
            prec[k] = sum(x[2] for x in sel) / len(sel) if sel else 0.0
        ok = [k for k in ks if prec[k] >= GOAL_PRECISION]
        k = max(ok) if ok else max(ks, key=lambda k: (prec[k], -k))
        test = [x for x in items if x[0] == b and x[4] <= k]
        held["correct"] += sum(x[2] for x in test)
        held["matched"] += len(test)
        held["picks"][b] = k
    out["leave_one_batch_out"] = held
    return out


def leading_coverage(lexicon, paths: list[Path], ks: tuple[int, ...] = LEADING_KS) -> dict:
    r"""What the top K topics mean over a set of articles under ``lexicon``: articles with at
    least one topic (the same for every K: an article with a hit has a leading topic), articles
    with more than K topics (where the top K leave a topic out) and with a tie at the K-th
    place, counted hits in all topics and in the top K, and per topic the articles and hits where
    it counts and where it is among the top K.

    Two texts written here: in the first ``a`` leads with 2 hits over ``b``'s 1; in the second
    ``a`` and ``b`` tie at 1 hit each (the lexicon's order puts ``a`` first):

    >>> import tempfile
    >>> from analysis.topics import load_lexicon
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "lex.toml").write_text(DEMO_LEXICON, encoding="utf-8")
    >>> lex = load_lexicon(tmp / "lex.toml")
    >>> one, two = tmp / "one.txt", tmp / "two.txt"
    >>> _ = one.write_text("The alpha rose. The beta fell.\n\nA delta spoke.\n")
    >>> _ = two.write_text("An omega sang.\n\nA gamma slept.\n")
    >>> cov = leading_coverage(lex, [one, two], (1, 2))
    >>> cov["articles"], cov["with_topic"], cov["hits"]
    (2, 2, 5)
    >>> [(g["more_topics"], g["tied"], g["hits_leading"]) for g in cov["k"].values()]
    [(2, 1, 3), (0, 0, 5)]
    >>> cov["topics"]["b"]["articles"], cov["topics"]["b"]["articles_top1"]
    (2, 0)
    """
    from analysis.text import load_article
    from analysis.topics import topic_hit_records

    order = [t.id for t in lexicon.topics]
    out = {"articles": len(paths), "with_topic": 0, "hits": 0,
           "k": {k: {"more_topics": 0, "tied": 0, "hits_leading": 0} for k in ks},
           "topics": {t: {"articles": 0, "hits": 0,
                          **{f"articles_top{k}": 0 for k in ks},
                          **{f"hits_top{k}": 0 for k in ks}} for t in order}}
    for p in paths:
        counts = topic_counts(topic_hit_records(load_article(p), lexicon))
        ranked = ranked_topics(counts, order)
        if not ranked:
            continue
        out["with_topic"] += 1
        out["hits"] += sum(counts.values())
        for t in ranked:
            out["topics"][t]["articles"] += 1
            out["topics"][t]["hits"] += counts[t]
        for k in ks:
            g = out["k"][k]
            g["more_topics"] += len(ranked) > k
            g["tied"] += bool(tie_at_cut(counts, ranked, k))
            for t in ranked[:k]:
                g["hits_leading"] += counts[t]
                out["topics"][t][f"articles_top{k}"] += 1
                out["topics"][t][f"hits_top{k}"] += counts[t]
    out["share"] = out["with_topic"] / len(paths) if paths else None
    return out


