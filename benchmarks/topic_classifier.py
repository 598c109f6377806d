"""Topic hits filtered by a sentence classifier trained on the team's own sentences (issue 13,
round 11): does "is this sentence about the topic?" learnt from written examples remove the
false hits of passages about something else?

Run with ``POLNEAR=/work/polnear .venv/bin/python benchmarks/topic_classifier.py`` (``--json``
for JSON; ``--sentences FILE`` (repeatable) to train on other files than
``benchmarks/data/topic_sentences.tsv``; ``--cv-only`` for the cross-validation alone, which
needs no PolNeAR). Without ``POLNEAR`` the run is skipped with a one-line note (exit 0).

1. **Training data**: ``benchmarks/data/topic_sentences.tsv``, news-style sentences written by
   the team (``label<TAB>sentence<TAB>set``), each labelled with one of the default lexicon's
   17 topic ids or ``none``, or two ids joined by a comma (a training example of each; hard
   negatives included: a topic word in a sentence about something else carries that other
   subject's label). Features, models and their determinism: :mod:`.topic_classifier_stages.model`.
2. **Cross-validation** (5 folds, stratified, deterministic) on those sentences picks, for naive
   Bayes, the smoothing (alpha 1 or 0.1) and whether capitalised non-initial words are dropped,
   and for the softmax regression whether they are dropped (best accuracy; ties: the first of
   :data:`CV_ORDER`).
3. **Scoring**: every labelled hit the default lexicon still counts, and every counted hit of
   PolNeAR train+dev, gets P(topic | text) and its topic's rank among the 18 classes, for each
   text variant of :data:`VARIANTS` (its sentence; its paragraph; its paragraph with the
   sentence's words counted three times).
4. **Protocol** (fixed before any result was seen): the model, the variant and the keep rule
   (:data:`~.topic_classifier_stages.rules.RULES`) are chosen on label batches
   :data:`TUNE_BATCHES` (first labeller) with :func:`~.topic_classifier_stages.rules.choose`:
   the highest precision of kept hits among the settings that drop at most 25 % of the correct
   hits and keep coverage >= 95 %; that one setting is then reported HELD OUT on batches
   :data:`HELDOUT_BATCHES`, under the first labeller and under the second
   (``topic_labels_second.csv``): precision of every counted hit (before) and of kept hits
   (after), overall and per topic with n, the share of correct hits dropped, and coverage (the
   share of PolNeAR train+dev articles with a counted hit, before, and with a kept hit, after).
   The choice is made twice, on two tuning populations of batches 6-11 (:data:`TUNE_ON`): the
   labelled hits the lexicon still counts (the protocol as first written) and every labelled
   hit (added after a first run on partial sentences, see :data:`TUNE_ON`); each choice is held
   out the same way. A diagnostic that no choice uses: the AUC of P(topic) between correct and
   incorrect hits (:func:`~.topic_classifier_stages.rules.auc`) for every model and variant.

``--sources A,B`` trains on some of the sentence sets only (the file's third column: the team's
sets A-D); the held-out figures of docs/topics-measurement.md (round 11) are given for A+B and
for A-D.

No article text is printed or written: only counts, offsets' topics and figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.topic_classifier_stages.hits import hit_contexts, labelled_hits  # noqa: E402
from benchmarks.topic_classifier_stages.model import (  # noqa: E402
    MODELS,
    NONE,
    bag,
    cross_validate,
    labels_of,
    load_sentences,
    rank_of,
    train,
)
from benchmarks.topic_classifier_stages.rules import (  # noqa: E402
    MAX_DROPPED,
    MIN_COVERAGE,
    RULES,
    article_coverage,
    auc,
    choose,
    evaluate,
    keeps,
)
from benchmarks.topic_precision_stages import sources  # noqa: E402

SENTENCES = ROOT / "benchmarks" / "data" / "topic_sentences.tsv"
TUNE_BATCHES = ("6", "7", "8", "9", "10", "11")
HELDOUT_BATCHES = ("12", "13", "14", "15", "16")
#: cross-validated settings, (model, drop_names), in tie-break order; the regression is the
#: second family
CV_ORDER = (("nb", False), ("nb", True), ("nb-0.1", False), ("nb-0.1", True),
            ("lr", False), ("lr", True))
#: how each text variant weighs the hit's own sentence and the other sentences of its paragraph
VARIANTS = {"sentence": (1, 0), "paragraph": (1, 1), "sentence x3 + paragraph": (3, 1)}


def parts_of(hit: dict, variant: str) -> list[tuple[str, int]]:
    """The ``(sentence, weight)`` pairs a hit is scored on under ``variant``.

    >>> hit = {"parts": [("A strike began.", True), ("Fans cheered.", False)]}
    >>> parts_of(hit, "sentence"), parts_of(hit, "sentence x3 + paragraph")
    ([('A strike began.', 1)], [('A strike began.', 3), ('Fans cheered.', 1)])
    """
    own, other = VARIANTS[variant]
    return [(s, own if mine else other) for s, mine in hit["parts"] if (own if mine else other)]


def score(clf, hit: dict, variant: str, drop_names: bool) -> tuple[float, int]:
    """P(hit's topic | text) and the topic's rank (1 = first) under ``clf`` for one hit; a topic
    the classifier never saw gets probability 0 and the last rank.

    Hand-checked (naive Bayes, alpha 1, vocabulary strike, union, goal): P(strike | labour) =
    P(union | labour) = 2/5, P(strike | sport) = P(union | sport) = 1/4, equal priors; "union
    strike" gives labour 4/25 against sport 1/16, so P(labour) = 0.16 / 0.2225 = 0.719.

    >>> from benchmarks.topic_classifier_stages.model import NaiveBayes
    >>> from collections import Counter
    >>> clf = NaiveBayes().fit([Counter(["strike", "union"]), Counter(["goal"])],
    ...                        ["labour", "sport"])
    >>> hit = {"topic": "labour", "parts": [("The union strike goes on.", True)]}
    >>> p, rank = score(clf, hit, "sentence", False)
    >>> round(p, 3), rank
    (0.719, 1)
    """
    probs = clf.proba(bag(parts_of(hit, variant), drop_names))
    if hit["topic"] not in clf.classes:
        return 0.0, len(clf.classes) + 1
    k = clf.classes.index(hit["topic"])
    return float(probs[k]), rank_of(probs, k)


def known_rows(rows: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """The rows whose every class is a topic id of the default lexicon or ``none``, and the
    labels of the others.

    >>> known_rows([("sport", "a"), ("crime,politics", "b"), ("sprot", "c")])
    ([('sport', 'a'), ('crime,politics', 'b')], ['sprot'])
    """
    from analysis.topics import default_lexicon

    ok = {t.id for t in default_lexicon().topics} | {NONE}
    good = [r for r in rows if set(labels_of(r[0])) <= ok]
    return good, [r[0] for r in rows if not set(labels_of(r[0])) <= ok]


def cv_table(rows: list[tuple[str, str]], with_lr: bool) -> list[dict]:
    """5-fold accuracy of each setting of :data:`CV_ORDER` (the regression's only ``with_lr``)."""
    return [{"model": m, "drop_names": dn, "accuracy": cross_validate(rows, m, dn)}
            for m, dn in CV_ORDER if with_lr or not m.startswith("lr")]


def best_settings(cv: list[dict]) -> list[tuple[str, bool]]:
    """The best cross-validated setting of each family (naive Bayes, regression).

    >>> best_settings([{"model": "nb", "drop_names": False, "accuracy": 0.6},
    ...                {"model": "nb-0.1", "drop_names": True, "accuracy": 0.7},
    ...                {"model": "lr", "drop_names": False, "accuracy": 0.7}])
    [('nb-0.1', True), ('lr', False)]
    """
    out = []
    for family in ("nb", "lr"):
        cells = [c for c in cv if c["model"].split("-")[0] == family]
        if cells:
            best = max(cells, key=lambda c: c["accuracy"])  # max keeps the first of a tie
            out.append((best["model"], best["drop_names"]))
    return out


#: the tuning populations of batches 6-11: the labelled hits the default lexicon still counts
#: (the protocol as first written), and every labelled hit (added after a first run on partial
#: sentences showed the first at 0.98 precision: the lexicon's rules were made on those batches,
#: so what it still counts there is nearly all correct and a filter can only lose there)
TUNE_ON = ("counted", "all")


def _candidates(settings_scores: dict, tune: list[dict], tune_scores: str,
                cover: dict) -> list[dict]:
    out = []
    for (model, drop_names, variant), s in settings_scores.items():
        for name, theta, r in RULES:
            kept = [keeps(p, k, theta, r) for p, k in s[tune_scores]]
            out.append({"model": model, "drop_names": drop_names, "variant": variant,
                        "rule": name, "theta": theta, "r": r, "tune": evaluate(tune, kept),
                        "coverage": cover[(model, drop_names, variant, name)]})
    return out


def run(rows, polnear: Path, with_lr: bool = True) -> dict:
    """Cross-validation, scoring, the choice on the tuning batches for each of :data:`TUNE_ON`
    and the chosen settings' held-out figures (see the module docstring)."""
    from analysis.topics import load_lexicon

    lexicon = load_lexicon(None)
    cv = cv_table(rows, with_lr)
    settings = best_settings(cv)
    tune = labelled_hits(lexicon, polnear, set(TUNE_BATCHES))
    pops = {"counted": [h for h in tune["hits"] if h["counted"]], "all": tune["hits"]}
    held = {"first": labelled_hits(lexicon, polnear, set(HELDOUT_BATCHES)),
            "second": labelled_hits(lexicon, polnear, set(HELDOUT_BATCHES),
                                    sources.SECOND_LABELS)}
    held_hits = {k: [h for h in v["hits"] if h["counted"]] for k, v in held.items()}
    articles = [hit_contexts(p, lexicon) for p in sources.polnear_paths(polnear)]
    scored, cover = {}, {}
    for model, drop_names in settings:
        clf = train(rows, model, drop_names)
        for variant in VARIANTS:
            def sc(hits, clf=clf, variant=variant, drop_names=drop_names):
                return [score(clf, h, variant, drop_names) for h in hits]
            s = {f"tune_{k}": sc(v) for k, v in pops.items()}
            s |= {f"held_{k}": sc(v) for k, v in held_hits.items()}
            arts = [sc(a) for a in articles]
            for name, theta, r in RULES:
                cover[(model, drop_names, variant, name)] = article_coverage(
                    [[keeps(p, k, theta, r) for p, k in a] for a in arts])
            scored[(model, drop_names, variant)] = s
    out = {"sentences": len(rows), "sources": None, "cross_validation": cv,
           "settings": [{"model": m, "drop_names": d} for m, d in settings],
           "tune_batches": list(TUNE_BATCHES), "heldout_batches": list(HELDOUT_BATCHES),
           "limits": {"max_dropped_correct_share": MAX_DROPPED, "min_coverage": MIN_COVERAGE},
           "labelled": {"tune_all": len(pops["all"]), "tune_counted": len(pops["counted"]),
                        "tune_skipped": tune["skipped"],
                        **{f"heldout_{k}_counted": len(v) for k, v in held_hits.items()},
                        **{f"heldout_{k}_not_counted": len(held[k]["hits"]) - len(v)
                           for k, v in held_hits.items()},
                        **{f"heldout_{k}_skipped": held[k]["skipped"] for k in held}},
           "auc": [{"model": m, "drop_names": d, "variant": v,
                    **{k: auc([p for p, _ in sc[f"{pre}"]], [h["correct"] for h in hits])
                       for k, pre, hits in (("tune_all", "tune_all", pops["all"]),
                                            ("heldout_first", "held_first",
                                             held_hits["first"]),
                                            ("heldout_second", "held_second",
                                             held_hits["second"]))}}
                   for (m, d, v), sc in scored.items()],
           "tuned": {}}
    for pop in TUNE_ON:
        cands = _candidates(scored, pops[pop], f"tune_{pop}", cover)
        chosen = choose(cands)
        entry = {"candidates": [{k: v for k, v in c.items() if k != "tune"}
                                | {"tune": {k: v for k, v in c["tune"].items() if k != "topics"}}
                                for c in cands], "chosen": None}
        if chosen is not None:
            s = scored[(chosen["model"], chosen["drop_names"], chosen["variant"])]
            theta, r = chosen["theta"], chosen["r"]
            entry["chosen"] = {
                **{k: chosen[k] for k in ("model", "drop_names", "variant", "rule", "theta",
                                          "r")},
                "tune": chosen["tune"], "coverage": chosen["coverage"],
                **{f"heldout_{k}": evaluate(v, [keeps(p, rk, theta, r)
                                                for p, rk in s[f"held_{k}"]])
                   for k, v in held_hits.items()}}
        out["tuned"][pop] = entry
    return out


def _f(v, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def print_report(out: dict) -> None:
    src_note = "" if out.get("sources") in (None, "all") else f" (sets {', '.join(out['sources'])})"
    print(f"Team sentences: {out['sentences']}{src_note}. 5-fold cross-validation accuracy:")
    print("| model | drop capitalised non-initial words | accuracy |\n|---|---|---|")
    for c in out["cross_validation"]:
        print(f"| {c['model']} | {'yes' if c['drop_names'] else 'no'} | {_f(c['accuracy'])} |")
    if "tuned" not in out:
        return
    lab = out["labelled"]
    print(f"\nLabelled hits: tuning {lab['tune_all']} ({lab['tune_counted']} still counted), "
          f"held out still counted {lab['heldout_first_counted']} (first labeller) / "
          f"{lab['heldout_second_counted']} (second).")
    tb, hb = out["tune_batches"], out["heldout_batches"]
    print("\nHow well P(topic) alone separates correct from incorrect hits (AUC, 0.5 = chance; "
          "a diagnostic, not used to choose):")
    print("| model | variant | tuning (every labelled hit) | held out 1st | held out 2nd |\n"
          "|---|---|---|---|---|")
    for c in out["auc"]:
        print(f"| {c['model']}{' -names' if c['drop_names'] else ''} | {c['variant']} | "
              f"{_f(c['tune_all'])} | {_f(c['heldout_first'])} | {_f(c['heldout_second'])} |")
    for pop, entry in out["tuned"].items():
        print(f"\n## Tuned on batches {tb[0]}-{tb[-1]}, first labeller, "
              f"{'hits still counted' if pop == 'counted' else 'every labelled hit'}\n")
        print(f"The five best settings within the limits (dropped <= {MAX_DROPPED:.0%}, "
              f"coverage >= {MIN_COVERAGE:.0%}):")
        print("| model | variant | rule | precision before → after | dropped | coverage |\n"
              "|---|---|---|---|---|---|")
        ok = [c for c in entry["candidates"]
              if c["tune"]["dropped_correct_share"] <= MAX_DROPPED
              and c["coverage"]["share_after"] >= MIN_COVERAGE]
        ok.sort(key=lambda c: (-c["tune"]["precision_after"],
                               c["tune"]["dropped_correct_share"]))
        for c in ok[:5]:
            t = c["tune"]
            print(f"| {c['model']}{' -names' if c['drop_names'] else ''} | {c['variant']} | "
                  f"{c['rule']} | {_f(t['precision_before'])} → {_f(t['precision_after'])} | "
                  f"{_f(t['dropped_correct_share'], 2)} | {_f(c['coverage']['share_after'])} |")
        ch = entry["chosen"]
        if ch is None:
            print("\nNo setting keeps within the limits on the tuning batches: nothing held out.")
            continue
        cov = ch["coverage"]
        print(f"\nChosen: {ch['model']}"
              f"{' (capitalised non-initial words dropped)' if ch['drop_names'] else ''}, "
              f"{ch['variant']}, keep when {ch['rule']}. Coverage, PolNeAR train+dev "
              f"({cov['articles']} articles): {_f(cov['share_before'])} → "
              f"{_f(cov['share_after'])}")
        a, b = ch["heldout_first"], ch["heldout_second"]
        print(f"\nHELD OUT, batches {hb[0]}-{hb[-1]}, hits the lexicon counts "
              "(first labeller | second labeller):")
        print("| topic | n | precision before → after (1st) | kept | dropped correct (1st) | "
              "before → after (2nd) | dropped (2nd) |\n|---|---|---|---|---|---|---|")
        for t in sorted(a["topics"]) + ["all"]:
            x = a if t == "all" else a["topics"][t]
            y = b if t == "all" else b["topics"].get(t)
            y_cells = (f"{_f(y['precision_before'])} → {_f(y['precision_after'])} | "
                       f"{_f(y['dropped_correct_share'], 2)}") if y else "– | –"
            print(f"| {t} | {x['n']} | {_f(x['precision_before'])} → "
                  f"{_f(x['precision_after'])} | {x['kept']} | "
                  f"{_f(x['dropped_correct_share'], 2)} | {y_cells} |")
        print("By batch (1st; 2nd): " + "; ".join(
            f"{bn} {_f(x['precision_before'])} → {_f(x['precision_after'])}, "
            f"{_f(b['batches'][bn]['precision_before'])} → "
            f"{_f(b['batches'][bn]['precision_after'])} (n {x['n']})"
            for bn, x in a["batches"].items() if bn in b["batches"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", action="append", type=Path, metavar="FILE",
                    help="training sentences, label<TAB>sentence (repeatable; default "
                         "benchmarks/data/topic_sentences.tsv)")
    ap.add_argument("--sources", metavar="A,B",
                    help="train only on the sentences of these sets (the third column of "
                         "topic_sentences.tsv, or a file's stem), comma-separated")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--cv-only", action="store_true",
                    help="only the cross-validation on the sentences (no PolNeAR needed)")
    ap.add_argument("--no-lr", action="store_true", help="naive Bayes only (faster)")
    args = ap.parse_args(argv)
    env = os.environ.get("POLNEAR")
    polnear = Path(env) if env and Path(env, "data").is_dir() else None
    if polnear is None and not args.cv_only:
        print("note: POLNEAR is not set (or not a PolNeAR folder): topic classifier benchmark "
              "skipped", file=sys.stderr)
        return 0
    paths = args.sentences or [SENTENCES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"error: no such sentences file: {', '.join(missing)}", file=sys.stderr)
        return 2
    wanted = {x.strip() for x in args.sources.split(",") if x.strip()} if args.sources else None
    rows, unknown = known_rows(load_sentences(paths, wanted))
    if unknown:
        print(f"note: {len(unknown)} sentence(s) with a label that is no topic id of the "
              f"default lexicon nor 'none' skipped: {', '.join(sorted(set(unknown)))}",
              file=sys.stderr)
    if len({label for label, _ in rows}) < 2:
        print("error: the sentences need at least two labels", file=sys.stderr)
        return 2
    if args.cv_only:
        out = {"sentences": len(rows), "cross_validation": cv_table(rows, not args.no_lr)}
    else:
        out = run(rows, polnear, not args.no_lr)
    out["sources"] = sorted(wanted) if wanted else "all"
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print_report(out)
    return 0


__all__ = ["HELDOUT_BATCHES", "MODELS", "SENTENCES", "TUNE_BATCHES", "VARIANTS", "best_settings",
           "cv_table", "main", "parts_of", "print_report", "run", "score"]

if __name__ == "__main__":
    sys.exit(main())
