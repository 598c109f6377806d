"""Stage 4: the grids the default lexicon's rules were chosen with — corroboration (2.5),
article-level spread (2.9), ``min_share_of_top`` (2.12) and ``min_entries`` (2.13) — each
scored on the stored labels, with coverage and, for the last two, leave-one-batch-out."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from . import sources as src
from .sources import DRAWN_FROM, _batch_order, _drawn_lexicons, resolve, sha12

GRID = [(True, 0, 0), (True, 10, 0), (True, 20, 0), (True, 40, 0), (False, 20, 0),
        (True, 0, 3), (True, 0, 4), (True, 0, 5), (True, 20, 3)]


def _grid_inputs(polnear: Path | None, batches: set[str]
                 ) -> tuple[dict[Path, list[dict]], list[Path], list[Path]]:
    """The grids' inputs: the label rows of ``batches`` by article file (only files that exist
    and still hash as labelled), the team's texts, and PolNeAR train/dev texts (if present)."""
    rows = [r for r in csv.DictReader(src.LABELS.open(encoding="utf-8", newline=""))
            if r["batch"] in batches]
    by_path: dict[Path, list[dict]] = defaultdict(list)
    for r in rows:
        path = resolve(r["file"], polnear)
        if path is not None and path.is_file() and sha12(path) == r["sha256_12"]:
            by_path[path].append(r)
    return by_path, src.team_paths(), src.polnear_paths(polnear)


def corroboration_grid(lexicon, polnear: Path | None, batches: set[str]) -> list[dict]:
    """Precision on the labels of ``batches`` and coverage for the lexicon with its
    corroboration rule off and with each setting of :data:`GRID` (paragraph, window,
    article_hits): how the default lexicon's parameters were chosen (on batches 1-5)."""
    from analysis.text import load_article
    from analysis.topics import Corroboration, topic_hit_records

    by_path, team, pol = _grid_inputs(polnear, batches)
    articles = {p: load_article(p) for p in dict.fromkeys(team + pol + list(by_path))}
    out = []
    for setting in [None, *GRID]:
        lexicon.corroboration = None if setting is None else Corroboration(*setting)
        correct = matched = 0
        covered = {"team": 0, "polnear": 0}
        for p, art in articles.items():
            recs = topic_hit_records(art, lexicon)
            if recs:
                covered["team" if p in team else "polnear"] += p in team or p in pol
            current = {(r[5], r[6], r[1]) for r in recs}
            for r in by_path.get(p, ()):
                if (int(r["start"]), int(r["end"]), r["topic"]) in current:
                    matched += 1
                    correct += r["label"] == "correct"
        out.append({"paragraph_window_article_hits": setting, "correct": correct,
                    "matched": matched, "precision": correct / matched if matched else None,
                    "coverage_team": covered["team"] / len(team) if team else None,
                    "coverage_polnear": covered["polnear"] / len(pol) if pol else None})
    return out


SPREAD_TOPICS = ("arts", "education", "science", "sport")
# (name, topics the setting applies to, test of one topic in one article: its counted hits'
# distinct paragraphs and distinct entry stems -> whether the topic still counts there)
SPREAD_GRID = [
    ("none (lexicon 2.8)", (), None),
    ("min_paragraphs 2, four topics (2.9)", SPREAD_TOPICS, lambda paras, entries: paras >= 2),
    ("min_paragraphs 3, four topics", SPREAD_TOPICS, lambda paras, entries: paras >= 3),
    ("min_paragraphs 2, every topic", None, lambda paras, entries: paras >= 2),
    ("min_paragraphs 3 for arts, 2 for the other three", SPREAD_TOPICS,
     lambda paras, entries, topic=None: paras >= (3 if topic == "arts" else 2)),
    ("≥ 3 distinct entries in the article, four topics", SPREAD_TOPICS,
     lambda paras, entries: entries >= 3),
    ("≥ 4 distinct entries in the article, four topics", SPREAD_TOPICS,
     lambda paras, entries: entries >= 4),
    ("≥ 3 entries or ≥ 2 paragraphs, four topics", SPREAD_TOPICS,
     lambda paras, entries: entries >= 3 or paras >= 2),
    ("≥ 3 entries and ≥ 2 paragraphs, four topics", SPREAD_TOPICS,
     lambda paras, entries: entries >= 3 and paras >= 2),
]


def _keeps(test, paras: int, entries: int, topic: str) -> bool:
    """Apply one :data:`SPREAD_GRID` test (some also take the topic)."""
    try:
        return test(paras, entries, topic=topic)
    except TypeError:
        return test(paras, entries)


def spread_grid(lexicon, polnear: Path | None, batches: set[str]) -> list[dict]:
    """Precision per topic on the labels of ``batches``, labelled correct hits no longer
    counted, and coverage for each article-level setting of :data:`SPREAD_GRID`, on top of the
    lexicon with every topic's ``min_paragraphs`` set to 1 (lexicon 2.8's behaviour): how
    lexicon 2.9's rule was chosen (on batches 1-10). The settings are applied to the counted
    hits after every other rule, as ``min_paragraphs`` is, so the result is exact."""
    from dataclasses import replace

    from analysis.text import load_article
    from analysis.topics import topic_hit_records
    from analysis.topics.lexicon import entry_stem

    lexicon.topics = [replace(t, min_paragraphs=1) for t in lexicon.topics]
    by_path, team, pol = _grid_inputs(polnear, batches)
    records = {p: topic_hit_records(load_article(p), lexicon)
               for p in dict.fromkeys(team + pol + list(by_path))}
    out = []
    for name, topics, keeps in SPREAD_GRID:
        per_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # correct, matched, lost
        covered = {"team": 0, "polnear": 0}
        for p, recs in records.items():
            paras: dict[str, set] = defaultdict(set)
            entries: dict[str, set] = defaultdict(set)
            for r in recs:
                paras[r[1]].add(r[7])
                entries[r[1]].add(entry_stem(r[3]))
            kept_topics = {t for t in paras if keeps is None or
                           (topics is not None and t not in topics) or
                           _keeps(keeps, len(paras[t]), len(entries[t]), t)}
            if kept_topics:
                covered["team" if p in team else "polnear"] += p in team or p in pol
            current = {(r[5], r[6], r[1]) for r in recs}
            for r in by_path.get(p, ()):
                if (int(r["start"]), int(r["end"]), r["topic"]) not in current:
                    continue  # not counted even before the setting
                t = per_topic[r["topic"]]
                ok = r["label"] == "correct"
                if r["topic"] in kept_topics:
                    t[0] += ok
                    t[1] += 1
                else:
                    t[2] += ok
        out.append({"setting": name,
                    "topics": {t: {"correct": c, "matched": m, "lost_correct": lost}
                               for t, (c, m, lost) in sorted(per_topic.items())},
                    "coverage_team": covered["team"] / len(team) if team else None,
                    "coverage_polnear": covered["polnear"] / len(pol) if pol else None})
    return out


SHARES = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.34, 0.5)
ENTRIES = (1, 3, 4, 5, 6)  # min_entries tried with --entries-grid (lexicon 2.13)
MAX_LOST = 0.20  # the leave-one-batch-out choice: best precision losing <= 20 % correct hits


def _hits_before_last_rules(lexicon, path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """The hits of ``lexicon`` that count before ``min_entries`` and ``min_share_of_top`` (the
    last two rules), by topic, with each hit's entry stem: those rules are then applied exactly
    by counting (:func:`_kept`)."""
    from analysis.text import load_article
    from analysis.topics import topic_hit_records
    from analysis.topics.lexicon import entry_stem

    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in topic_hit_records(load_article(path), lexicon):
        out[r[1]].append((r[5], r[6], entry_stem(r[3])))
    return out


def _kept(hits: dict[str, list], share: float, entries: int = 1) -> set[tuple[int, int, str]]:
    """The hits kept by ``min_entries = entries`` and then ``min_share_of_top = share``, as
    :func:`analysis.topics.hits._narrow` and ``_minor`` keep them."""
    top = max((len(v) for v in hits.values()), default=0)
    if entries > 1:
        hits = {t: v for t, v in hits.items()
                if len(v) == top or len({h[2] for h in v}) >= entries}
    return {(h[0], h[1], t) for t, v in hits.items() if len(v) >= share * top for h in v}


def share_grid(lexicon, polnear: Path | None, batches: set[str], at_draw: bool = False,
               entries: tuple[int, ...] | None = None) -> dict:
    """Precision (first and second labeller), labelled correct hits lost and PolNeAR coverage
    for each ``min_share_of_top`` of :data:`SHARES` (and, with ``entries``, each
    ``min_entries`` of it; default: the lexicon's own), on the labels of ``batches`` that the
    lexicon counts with both rules off; and leave-one-batch-out: for each batch, the setting
    with the best precision on the other batches among those losing at most :data:`MAX_LOST` of
    their correct hits, scored on the held-out batch — over every setting of the grid and, with
    more than one ``entries``, over each family (share only, entries only). With ``at_draw``,
    each batch from 6 on is scored on the lexicon it was drawn from (:data:`DRAWN_FROM`, read
    with ``git show``), whose hits were all fresh: how a rule behaves on hits no rule was fitted
    to. How lexicons 2.12 and 2.13 chose their rules (``docs/topics-measurement.md``)."""
    import dataclasses

    entries = entries or (lexicon.min_entries,)
    settings = [(n, f) for n in entries for f in SHARES]
    # the caller's lexicon stays as it is
    lexicon = dataclasses.replace(lexicon, min_share_of_top=0.0, min_entries=1)
    second = {(r["file"], int(r["start"]), int(r["end"]), r["topic"], r["batch"]): r["label"]
              for r in csv.DictReader(src.SECOND_LABELS.open(encoding="utf-8", newline=""))}
    rows = [r for r in csv.DictReader(src.LABELS.open(encoding="utf-8", newline=""))
            if r["batch"] in batches and (not at_draw or r["batch"] in DRAWN_FROM)]
    lexicons = {b: dataclasses.replace(lex, min_share_of_top=0.0, min_entries=1)
                for b, lex in _drawn_lexicons({r["batch"] for r in rows}).items()
                } if at_draw else {}
    items = []  # (batch, topic, first ok, second ok or None, kept per setting)
    cache: dict[tuple, tuple] = {}  # per file and lexicon: its hits kept with the rules off
                                    # and at each setting, computed once
    for r in rows:
        path = resolve(r["file"], polnear)
        if path is None or not path.is_file() or sha12(path) != r["sha256_12"]:
            continue
        lex_key = r["batch"] if at_draw else ""
        kept = cache.get((path, lex_key))
        if kept is None:
            hits = _hits_before_last_rules(lexicons.get(lex_key, lexicon), path)
            kept = cache[(path, lex_key)] = (_kept(hits, 0.0), *(
                _kept(hits, f, n) for n, f in settings))
        key = (int(r["start"]), int(r["end"]), r["topic"])
        if key not in kept[0]:
            continue
        sec = second.get((r["file"], *key, r["batch"]))
        items.append((r["batch"], r["topic"], r["label"] == "correct",
                      None if sec is None else sec == "correct",
                      tuple(key in k for k in kept[1:])))
    pol = src.polnear_paths(polnear)
    pol_hits = [_hits_before_last_rules(lexicon, p) for p in pol]

    def score(k: int, keep=None) -> dict:
        sel = [x for x in items if keep is None or x[0] in keep]
        kept = [x for x in sel if x[4][k]]
        correct = sum(x[2] for x in sel)
        c = sum(x[2] for x in kept)
        sec = [x[3] for x in kept if x[3] is not None]
        return {"correct": c, "matched": len(kept), "precision": c / len(kept) if kept else None,
                "lost_correct": correct - c, "lost_share": (correct - c) / correct if correct
                else 0.0, "second_correct": sum(sec), "second_matched": len(sec)}

    table = []
    for k, (n, f) in enumerate(settings):
        per_topic = {}
        for t in sorted({x[1] for x in items}):
            kept = [x for x in items if x[1] == t and x[4][k]]
            per_topic[t] = {"correct": sum(x[2] for x in kept), "matched": len(kept)}
        covered = sum(bool(_kept(h, f, n)) for h in pol_hits)
        table.append({"share": f, "entries": n, **score(k), "topics": per_topic,
                      "coverage_polnear": covered / len(pol) if pol else None})
    all_batches = sorted({x[0] for x in items}, key=lambda b: _batch_order((b,)))
    families = {"every setting": range(len(settings))}
    if len(entries) > 1:
        families["share only"] = [k for k, (n, _f) in enumerate(settings) if n == 1]
        families["entries only"] = [k for k, (_n, f) in enumerate(settings) if f == 0.0]
    lobo = {}
    for name, ks in families.items():
        held = {"correct": 0, "matched": 0, "second_correct": 0, "second_matched": 0,
                "lost_correct": 0, "picks": {}}
        for b in all_batches if len(all_batches) > 1 else ():  # needs other batches
            train = set(all_batches) - {b}
            on_train = {k: score(k, train) for k in ks}
            k = max((g["precision"] or 0.0, k) for k, g in on_train.items()
                    if g["lost_share"] <= MAX_LOST)[1]
            got = score(k, {b})
            for f in ("correct", "matched", "second_correct", "second_matched", "lost_correct"):
                held[f] += got[f]
            n, f = settings[k]
            held["picks"][b] = f if len(entries) == 1 else f"{n}/{f:g}"
        lobo[name] = held
    return {"grid": table, "leave_one_batch_out": lobo["every setting"], "families": lobo,
            "batches": all_batches,
            "correct_without": sum(x[2] for x in items)}


