"""Stage 7: the markdown tables the command line prints for each mode (``--format json``
prints the measures as they are)."""

from __future__ import annotations

import json
from pathlib import Path

from . import sources as src
from .grids import MAX_LOST, SPREAD_TOPICS
from .leading import hits_to_clear, leading_coverage, leading_precision
from .sources import GOAL_COVERAGE, GOAL_MIN_HITS, GOAL_PRECISION


def print_agreement(ag: dict, lexicon) -> None:
    """The agreement table of ``--agreement`` (:func:`.precision.agreement`'s result)."""
    po, k = ag["observed_agreement"], ag["kappa"]
    print(f"Hits labelled by both: {ag['both']}; agree on {ag['agree']} "
          f"({'–' if po is None else f'{po:.3f}'}); Cohen's kappa "
          f"{'–' if k is None else f'{k:.3f}'}\n")
    print(f"Precision of the hits lexicon {lexicon.version} still counts "
          f"({ag['counted']} of them), under each labeller:\n")
    print("| topic | both | agree | agreement | correct, first / second (all) | counted | "
          "precision, first | precision, second |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = list(ag["topics"].items()) + [("all", {
        f: sum(v[f] for v in ag["topics"].values())
        for f in ("both", "agree", "first_correct_all", "second_correct_all", "counted",
                  "first_correct", "second_correct")})]
    for topic, v in rows:
        cells = [f"{v[f] / v['counted']:.3f} ({v[f]}/{v['counted']})" if v["counted"]
                 else "–" for f in ("first_correct", "second_correct")]
        print(f"| {topic} | {v['both']} | {v['agree']} | {v['agree'] / v['both']:.3f} | "
              f"{v['first_correct_all']} / {v['second_correct_all']} | "
              f"{v['counted']} | {cells[0]} | {cells[1]} |")
    if ag["not_scored_rows"]:
        print(f"\n{ag['not_scored_rows']} rows not scored for precision (POLNEAR unset or "
              "file changed); they still count towards agreement")


def print_share_grid(sg: dict, at_draw: bool) -> None:
    """The table of ``--share-grid`` / ``--entries-grid`` (:func:`.grids.share_grid`'s result)
    and its leave-one-batch-out lines."""
    print(f"Label batches {', '.join(sg['batches'])}"
          f"{' (each on the lexicon it was drawn from)' if at_draw else ''}\n")
    print("| min_entries | min_share_of_top | precision, first | second | correct hits lost | "
          "lowest topic (≥ 20 hits) | coverage PolNeAR |")
    print("|---:|---:|---:|---:|---:|---|---:|")
    for g in sg["grid"]:
        low = min(((v["correct"] / v["matched"], t) for t, v in g["topics"].items()
                   if v["matched"] >= GOAL_MIN_HITS), default=None)
        cp = g["coverage_polnear"]
        sm = g["second_matched"]
        prec = "–" if g["precision"] is None else f"{g['precision']:.3f}"
        print(f"| {g['entries']} | {g['share']:g} | {prec} ({g['correct']}/{g['matched']}) | "
              + (f"{g['second_correct'] / sm:.3f} ({g['second_correct']}/{sm})" if sm
                 else "–")
              + f" | {g['lost_correct']} ({100 * g['lost_share']:.1f} %) | "
              + ("–" if low is None else f"{low[1]} {low[0]:.3f}")
              + f" | {'–' if cp is None else f'{100 * cp:.1f} %'} |")
    for name, h in sg["families"].items():
        if not h["matched"]:
            print("\nleave-one-batch-out: needs at least two batches with counted hits")
            return
        print(f"\nleave-one-batch-out, {name} (best precision on the other batches, ≤ "
              f"{100 * MAX_LOST:.0f} % of their correct hits lost): "
              f"{h['correct']}/{h['matched']} = {h['correct'] / h['matched']:.3f} held out, "
              f"{h['lost_correct']} of {sg['correct_without']} correct hits lost "
              f"({100 * h['lost_correct'] / max(1, sg['correct_without']):.1f} %)"
              + (f"; second labeller {h['second_correct']}/{h['second_matched']} = "
                 f"{h['second_correct'] / h['second_matched']:.3f}" if h["second_matched"]
                 else "")
              + "; picks " + ", ".join(f"{b}: {v:g}" if isinstance(v, float)
                                       else f"{b}: {v}" for b, v in h["picks"].items()))


def print_spread_grid(grid: list[dict]) -> None:
    """The table of ``--spread-grid`` (:func:`.grids.spread_grid`'s result)."""
    print("| setting | " + " | ".join(SPREAD_TOPICS) +
          " | other topics | all | correct hits lost | coverage PolNeAR / team |")
    print("|---|" + "---:|" * (len(SPREAD_TOPICS) + 4))
    for g in grid:
        cells = []
        for group in [(t,) for t in SPREAD_TOPICS] + [None, "all"]:
            names = (group if isinstance(group, tuple) else
                     [t for t in g["topics"] if group == "all" or t not in SPREAD_TOPICS])
            c = sum(g["topics"].get(t, {}).get("correct", 0) for t in names)
            m = sum(g["topics"].get(t, {}).get("matched", 0) for t in names)
            cells.append(f"{c / m:.3f} ({c}/{m})" if m else "–")
        lost = sum(v["lost_correct"] for v in g["topics"].values())
        cp, ct = g["coverage_polnear"], g["coverage_team"]
        print(f"| {g['setting']} | " + " | ".join(cells) + f" | {lost} | "
              f"{'–' if cp is None else f'{100 * cp:.1f} %'} / {100 * ct:.1f} % |")


def print_corroboration_grid(grid: list[dict]) -> None:
    """The table of ``--grid`` (:func:`.grids.corroboration_grid`'s result)."""
    print("| paragraph, window, article_hits | precision | coverage PolNeAR / team |")
    print("|---|---:|---:|")
    for g in grid:
        cp, ct = g["coverage_polnear"], g["coverage_team"]
        print(f"| {g['paragraph_window_article_hits'] or 'off'} | "
              f"{g['precision']:.3f} ({g['correct']}/{g['matched']}) | "
              f"{'–' if cp is None else f'{100 * cp:.1f} %'} / {100 * ct:.1f} % |")


def print_precision(out: dict, batches: set[str] | None) -> None:
    """The default mode's table: precision per topic, per batch, and coverage."""
    pr = out["precision"]
    print(f"Lexicon: {out['lexicon']} (version {out['lexicon_version']}); label batches: "
          f"{', '.join(out['batches']) if batches else 'all'}\n")
    print("| topic | labelled | still hits | correct | precision | gone (correct / incorrect) |"
          " goal ≥ 0.90 (≥ 20 hits) |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for t in pr["topics"]:
        p = "–" if t["precision"] is None else f"{t['precision']:.3f}"
        goal = "n/a" if not t["goal_applies"] else ("met" if t["goal_met"] else "NOT met")
        print(f"| {t['topic']} | {t['labelled']} | {t['matched']} | {t['correct']} | {p} | "
              f"{t['gone_correct']} / {t['gone_incorrect']} | {goal} |")
    mp = pr["micro_precision"]
    print(f"| all | {pr['labels'] - pr['skipped_polnear_rows'] - pr['stale_rows']} | "
          f"{pr['matched']} | {pr['correct']} | {'–' if mp is None else f'{mp:.3f}'} | | |\n")
    for b, v in pr["by_batch"].items():
        bp = "–" if v["precision"] is None else f"{v['precision']:.3f}"
        print(f"batch {b}: {v['correct']}/{v['matched']} correct ({bp})")
    if pr["skipped_polnear_rows"]:
        print(f"skipped {pr['skipped_polnear_rows']} PolNeAR label rows (POLNEAR unset)")
    if pr["stale_rows"]:
        print(f"skipped {pr['stale_rows']} label rows whose file changed since labelling")
    for key, name in (("coverage_polnear_train_dev", "PolNeAR train+dev"),
                      ("coverage_team", "team texts")):
        if key in out:
            c = out[key]
            print(f"coverage, {name}: {c['with_topic']}/{c['articles']} articles with ≥ 1 topic "
                  f"({100 * c['share']:.1f} %; goal ≥ {100 * GOAL_COVERAGE:.0f} %)")


def _p(v: dict, second: bool = False) -> str:
    """'0.912 (52/57)' for a tally (its second labeller's with ``second``), '–' when empty."""
    c, m = (v["second_correct"], v["second_matched"]) if second else (v["correct"], v["matched"])
    return f"{c / m:.3f} ({c}/{m})" if m else "–"


def print_leading(lexicon, polnear: Path | None, batches: set[str], at_draw: bool,
                  ks: tuple[int, ...], fmt: str, with_coverage: bool) -> int:
    """``--leading``: :func:`.leading.leading_precision` on ``batches`` and, with
    ``with_coverage``, :func:`.leading.leading_coverage` over the team's texts and PolNeAR
    train/dev, printed as JSON or as markdown tables; exits with a one-line error when no
    labelled hit of ``batches`` is counted."""
    lp = leading_precision(lexicon, polnear, batches, at_draw, ks)
    if not lp["batches"]:
        raise SystemExit("error: no labelled hit of the selected batches is a hit of the "
                         "lexicon (check --batch, and POLNEAR for PolNeAR rows)")
    cov = {}
    if with_coverage:
        cov["team texts"] = leading_coverage(lexicon, src.team_paths(), ks)
        if polnear is not None:
            cov["PolNeAR train+dev"] = leading_coverage(lexicon, src.polnear_paths(polnear), ks)
    if fmt == "json":
        print(json.dumps({"lexicon_version": lexicon.version, "precision": lp,
                          "coverage": cov}, indent=2))
        return 0
    where = ("each on the default lexicon it was drawn from" if at_draw
             else f"on lexicon {lexicon.name} {lexicon.version}")
    print(f"Label batches {', '.join(lp['batches'])}, {where}: {lp['counted']} labelled hits "
          f"counted ({lp['not_counted_rows']} labelled hits not counted by it, "
          f"{lp['skipped_rows']} rows not scored: POLNEAR unset or file changed). 'Leading' = "
          "the hit's topic is among the top K of its article's topic table (most hits first, "
          "ties in lexicon order).\n")
    print("| K | leading topics | other topics | all | second labeller, leading / other | "
          "correct hits outside the top K | hits placed by the tie order | leading, ties "
          "included | topics ≥ 20 leading hits at ≥ 0.90 | of those, 95 % interval above / "
          "below 0.90 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for k, v in lp["k"].items():
        applies = [t for t, x in v["topics"].items() if x["goal_leading"] is not None]
        met = [t for t in applies if v["topics"][t]["goal_leading"]]
        ivs = [v["topics"][t]["leading"]["interval95"] for t in applies]
        print(f"| {k} | {_p(v['leading'])} | {_p(v['rest'])} | {_p(v['all'])} | "
              f"{_p(v['leading'], True)} / {_p(v['rest'], True)} | "
              f"{100 * (v['correct_outside_share'] or 0):.1f} % ({v['correct_outside']}/"
              f"{v['correct_all']}) | {v['tied_hits']} | {_p(v['leading_ties_included'])} | "
              f"{len(met)} of {len(applies)}" + (f": {', '.join(met)}" if met else "")
              + f" | {sum(lo >= GOAL_PRECISION for lo, _ in ivs)} / "
              f"{sum(hi < GOAL_PRECISION for _, hi in ivs)} |")
    print("\nPer topic (✓ / ✗: ≥ 20 hits, precision ≥ 0.90 or not; the goal applied to the "
          "column's hits):\n")
    print("| topic | all hits | " + " | ".join(f"top {k} | not top {k}" for k in ks) + " |")
    print("|---|---:|" + "---:|---:|" * len(ks))

    def mark(cell: dict) -> str:
        if cell["matched"] < GOAL_MIN_HITS:
            return ""
        return " ✓" if cell["precision"] >= GOAL_PRECISION else " ✗"

    first = lp["k"][ks[0]]["topics"]
    for t in first:
        cells = []
        for k in ks:
            x = lp["k"][k]["topics"][t]
            cells += [_p(x["leading"]) + mark(x["leading"]), _p(x["rest"]) + mark(x["rest"])]
        print(f"| {t} | {_p(first[t]['all'])}{mark(first[t]['all'])} | " + " | ".join(cells)
              + " |")
    for k in ks:
        ivs = [(t, x["leading"]["interval95"]) for t, x in lp["k"][k]["topics"].items()
               if x["goal_leading"] is not None]
        if ivs:
            print(f"\ntop {k}, 95 % intervals of the topics with ≥ 20 leading hits: "
                  + ", ".join(f"{t} {lo:.3f}–{hi:.3f}" for t, (lo, hi) in ivs), end="")
    print("\nhits a topic needs for its 95 % interval to lie wholly at or above 0.90, at an "
          "observed 0.97 / 0.95 / 0.93: " + " / ".join(str(hits_to_clear(p))
                                                       for p in (0.97, 0.95, 0.93)), end="")
    print("\n\nPer batch (each batch a fresh draw when scored at draw):\n")
    print("| batch | all | " + " | ".join(f"top {k} | not top {k} | correct outside top {k}"
                                          for k in ks) + " |")
    print("|---|---:|" + "---:|---:|---:|" * len(ks))
    for b in lp["batches"]:
        cells = []
        for k in ks:
            v = lp["k"][k]["by_batch"][b]
            s = v["correct_outside_share"]
            cells += [_p(v["leading"]), _p(v["rest"]),
                      "–" if s is None else f"{100 * s:.1f} %"]
        allb = lp["k"][ks[0]]["by_batch"][b]
        c = allb["leading"]["correct"] + allb["rest"]["correct"]
        m = allb["leading"]["matched"] + allb["rest"]["matched"]
        print(f"| {b} | {c / m:.3f} ({c}/{m}) | " + " | ".join(cells) + " |")
    for k in ks:
        ps = [v["leading"]["precision"] for v in lp["k"][k]["by_batch"].values()
              if v["leading"]["matched"]]
        if ps:
            print(f"\ntop {k}: per-batch precision of the leading hits from {min(ps):.3f} to "
                  f"{max(ps):.3f}; batches at ≥ 0.90: {sum(p >= GOAL_PRECISION for p in ps)} "
                  f"of {len(ps)}", end="")
    print()
    h = lp["leave_one_batch_out"]
    if h["matched"]:
        print(f"\nleave-one-batch-out (the largest K whose leading hits reach 0.90 on the other "
              f"batches, else the most precise): {h['correct']}/{h['matched']} = "
              f"{h['correct'] / h['matched']:.3f} held out; picks "
              + ", ".join(f"{b}: {k}" for b, k in h["picks"].items()))
    for name, c in cov.items():
        print(f"\nCoverage, {name} (lexicon {lexicon.version}): {c['with_topic']}/"
              f"{c['articles']} articles with ≥ 1 topic ({100 * c['share']:.1f} %), the same "
              f"for every K (an article with a hit has a leading topic); counted hits "
              f"{c['hits']}")
        for k in ks:
            g = c["k"][k]
            share = g["hits_leading"] / max(1, c["hits"])
            print(f"- top {k}: {g['more_topics']} articles have more than {k} topics (the top "
                  f"{k} leave one out), {g['tied']} a tie at place {k}; hits in the top {k}: "
                  f"{g['hits_leading']}/{c['hits']} ({100 * share:.1f} %)")
        if name.startswith("PolNeAR"):
            print("\n| topic | articles where it counts | " + " | ".join(
                f"top {k}" for k in ks) + " | hits | " + " | ".join(
                f"hits in top {k}" for k in ks) + " |")
            print("|---|" + "---:|" * (2 * len(ks) + 2))
            for t, v in c["topics"].items():
                print(f"| {t} | {v['articles']} | "
                      + " | ".join(str(v[f"articles_top{k}"]) for k in ks)
                      + f" | {v['hits']} | " + " | ".join(str(v[f"hits_top{k}"]) for k in ks)
                      + " |")
    return 0


