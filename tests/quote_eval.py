"""Scorer for quote extraction against gold files (``tests/data/quotes/*.gold.json``).

Gold quotes have ``start``/``end`` offsets of the words inside the marks, ``speaker`` (canonical
name, or null) and ``kind``. Speech quotes are kinds ``direct`` and ``partial`` in both gold and
prediction. A predicted speech quote *matches* a gold one when their spans overlap by at least
``min_overlap`` of the longer span (one-to-one, in text order). Reported:

* detection precision / recall / F1 (matched spans);
* speaker accuracy on matched quotes (speaker names compared case-insensitively, ’ as ', a
  leading "the"/"a"/"an"/"one" ignored);
* end-to-end precision / recall / F1: a quote counts only when matched *and* its speaker is right;
* word-share error: the largest absolute difference, in percentage points, between the gold and
  predicted share of quoted words of any speaker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.quotes import SPEECH_KINDS, quotes_table, share_table
from analysis.text import WORD_PATTERN, load_article

QUOTES_DIR = Path(__file__).parent / "data" / "quotes"


def norm_speaker(name: str | None) -> str | None:
    if name is None or (isinstance(name, float) and name != name):
        return None
    s = str(name).replace("’", "'").strip().lower()
    for det in ("the ", "a ", "an ", "one "):
        if s.startswith(det):
            s = s[len(det):]
    return s


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def score_article(pred: pd.DataFrame, gold: list[dict], min_overlap: float = 0.5) -> dict:
    p = pred[pred["kind"].isin(SPEECH_KINDS)].sort_values("start")
    g = [q for q in gold if q["kind"] in SPEECH_KINDS]
    used: set[int] = set()
    matched = correct = 0
    misses = []
    for gq in g:
        best, best_ov = None, 0.0
        for idx, row in p.iterrows():
            if idx in used:
                continue
            ov = _overlap((gq["start"], gq["end"]), (int(row["start"]), int(row["end"])))
            if ov > best_ov:
                best, best_ov = idx, ov
        if best is not None and best_ov >= min_overlap:
            used.add(best)
            matched += 1
            if norm_speaker(p.loc[best, "speaker"]) == norm_speaker(gq["speaker"]):
                correct += 1
            else:
                misses.append((gq["text"][:40], gq["speaker"], p.loc[best, "speaker"]))
        else:
            misses.append((gq["text"][:40], gq["speaker"], "NOT FOUND"))
    extra = [row["text"][:40] for idx, row in p.iterrows() if idx not in used]
    return {"gold": len(g), "pred": len(p), "matched": matched, "correct": correct,
            "misses": misses, "extra": extra, "share_error": _share_error(pred, g)}


def _share_error(pred: pd.DataFrame, gold: list[dict]) -> float:
    gw: dict[str | None, int] = {}
    for q in gold:
        gw[norm_speaker(q["speaker"])] = gw.get(norm_speaker(q["speaker"]), 0) + len(
            WORD_PATTERN.findall(q["text"]))
    total = sum(gw.values()) or 1
    gshare = {k: 100 * v / total for k, v in gw.items()}
    ps = share_table(pred)
    pshare = {norm_speaker(None if s == "(unattributed)" else s): v
              for s, v in zip(ps["speaker"], ps["word_share"], strict=True)}
    keys = set(gshare) | set(pshare)
    return max((abs(gshare.get(k, 0) - pshare.get(k, 0)) for k in keys), default=0.0)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(directory: Path = QUOTES_DIR, min_overlap: float = 0.5) -> dict:
    """Score every ``*.gold.json`` in ``directory``; micro-averaged totals plus per-article rows."""
    per = {}
    for gold_path in sorted(directory.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        art = load_article(directory / gold["file"])
        for q in gold["quotes"]:
            assert art.text[q["start"]:q["end"]] == q["text"], (gold_path.name, q["text"])
        per[gold_path.stem.removesuffix(".gold")] = score_article(
            quotes_table(art), gold["quotes"], min_overlap)
    g = sum(r["gold"] for r in per.values())
    pr = sum(r["pred"] for r in per.values())
    m = sum(r["matched"] for r in per.values())
    c = sum(r["correct"] for r in per.values())
    det = _prf(m, pr, g)
    e2e = _prf(c, pr, g)
    return {"articles": per, "gold": g, "pred": pr, "matched": m, "correct": c,
            "detection_precision": det[0], "detection_recall": det[1], "detection_f1": det[2],
            "speaker_accuracy": c / m if m else 0.0,
            "e2e_precision": e2e[0], "e2e_recall": e2e[1], "e2e_f1": e2e[2],
            "max_share_error": max((r["share_error"] for r in per.values()), default=0.0)}


if __name__ == "__main__":
    res = evaluate()
    for name, r in res["articles"].items():
        print(f"{name}: gold {r['gold']} pred {r['pred']} matched {r['matched']} "
              f"correct {r['correct']} share error {r['share_error']:.1f}")
        for miss in r["misses"]:
            print("   miss:", miss)
        for extra in r["extra"]:
            print("   extra:", extra)
    print({k: round(v, 3) for k, v in res.items() if isinstance(v, float)})
