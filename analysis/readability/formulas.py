"""Stage 3 — formulas: every readability metric and reliability flag from a unit's counts,
for one unit (:func:`metrics_from_counts`) or for columns of units (the same operations in
the same order, so the same floating-point values)."""

from __future__ import annotations

import math

import numpy as np

from analysis.readability.schema import METRIC_COLUMNS


def metrics_from_counts(c: dict) -> dict:
    """Every readability formula from one unit's counts (``None`` where undefined).

    >>> m = metrics_from_counts(dict(words=100, sentences=5, syllables=150, polysyllables=10,
    ...     complex_words=8, difficult_words=20, letters=450, characters=450,
    ...     linsear_words=100, linsear_easy=90, linsear_hard=10, linsear_sentences=5))
    >>> round(m["flesch_reading_ease"], 3), round(m["flesch_kincaid_grade"], 2)
    (59.635, 9.91)
    """
    W, S, Sy = c["words"], c["sentences"], c["syllables"]
    out = dict.fromkeys(METRIC_COLUMNS)
    if W == 0 or S == 0:
        return out
    wps = W / S
    spw = Sy / W
    out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    out["gunning_fog"] = 0.4 * (wps + 100 * c["complex_words"] / W)
    out["smog_index"] = 1.0430 * math.sqrt(c["polysyllables"] * 30 / S) + 3.1291
    out["coleman_liau_index"] = 0.0588 * (100 * c["letters"] / W) - 0.296 * (100 * S / W) - 15.8
    out["automated_readability_index"] = 4.71 * c["characters"] / W + 0.5 * wps - 21.43
    pdw = 100 * c["difficult_words"] / W
    out["dale_chall_readability_score"] = 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0)
    if c["linsear_sentences"] > 0:
        r = (c["linsear_easy"] + 3 * c["linsear_hard"]) / c["linsear_sentences"]
        out["linsear_write_formula"] = r / 2 if r > 20 else r / 2 - 1
    return out


def _metrics_into(out: dict[str, np.ndarray], c: dict[str, np.ndarray]) -> None:
    W, S = c["words"], c["sentences"]
    ok = np.flatnonzero((W != 0) & (S != 0))
    if not len(ok):
        return
    W, S = W[ok], S[ok]
    wps = W / S
    spw = c["syllables"][ok] / W
    out["flesch_reading_ease"][ok] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"][ok] = 0.39 * wps + 11.8 * spw - 15.59
    del spw
    out["gunning_fog"][ok] = 0.4 * (wps + 100 * c["complex_words"][ok] / W)
    out["smog_index"][ok] = 1.0430 * np.sqrt(c["polysyllables"][ok] * 30 / S) + 3.1291
    out["coleman_liau_index"][ok] = (0.0588 * (100 * c["letters"][ok] / W)
                                     - 0.296 * (100 * S / W) - 15.8)
    out["automated_readability_index"][ok] = 4.71 * c["characters"][ok] / W + 0.5 * wps - 21.43
    pdw = 100 * c["difficult_words"][ok] / W
    out["dale_chall_readability_score"][ok] = (0.1579 * pdw + 0.0496 * wps
                                               + np.where(pdw > 5, 3.6365, 0.0))
    ls = c["linsear_sentences"][ok]
    some = ls > 0
    r = (c["linsear_easy"][ok][some] + 3 * c["linsear_hard"][ok][some]) / ls[some]
    out["linsear_write_formula"][ok[some]] = np.where(r > 20, r / 2, r / 2 - 1)


def _flag_columns(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    smog_ok, linsear_ok = c["sentences"] >= 30, c["words"] >= 100
    return {"smog_reliable": smog_ok, "linsear_reliable": linsear_ok,
            "reliable": smog_ok & linsear_ok}
