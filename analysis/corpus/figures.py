"""Corpus figures: one function per figure, each drawing a table of
:mod:`analysis.corpus.questions` (never counting) and returning a matplotlib Figure.

Same style, palette and determinism as :mod:`analysis.figures` (its ``STYLE``, ``SAVE_KW``,
title and source-note layout): the same tables give byte-identical PNG and SVG files.

>>> import pandas as pd
>>> share = pd.DataFrame({"group": ["corpus"] * 2, "speaker": ["A", "(others)"],
...     "quotes": [3, 1], "words": [30, 10], "articles": [2, 1], "quote_share": [75.0, 25.0],
...     "word_share": [75.0, 25.0], "group_quotes": [4, 4], "group_words": [40, 40],
...     "group_articles": [2, 2]})
>>> fig_share_of_voice(share, "demo").axes[0].get_xlabel()
'Share of quoted words (%)'
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import (
    GRADE_BANDS,
    PALETTE,
    STYLE,
    UNATTRIBUTED_COLOUR,
    _figure,
    _finish,
    speaker_colours,
)

OTHERS_COLOUR = "#CCCCCC"


def corpus_colours(speakers) -> dict[str, str]:
    """Speaker colours for corpus figures: the palette in order, unattributed grey, others
    light grey (speakers beyond the palette cycle through it).

    >>> corpus_colours(["A", "(others)"])
    {'A': '#0072B2', '(others)': '#CCCCCC'}
    """
    names = [s for s in speakers if s != "(others)"]
    out = speaker_colours(names)
    if "(others)" in set(speakers):
        out["(others)"] = OTHERS_COLOUR
    return out


def fig_share_of_voice(share: pd.DataFrame, source: str) -> Figure:
    """Share of quoted words of the top speakers across the corpus (``quote_share`` with
    ``per=None``), each bar labelled with quotes and the articles they appear in."""
    rows = share.iloc[::-1]
    colours = {s: OTHERS_COLOUR if s == "(others)" else
               UNATTRIBUTED_COLOUR if s == "(unattributed)" else PALETTE[0]
               for s in share["speaker"]}
    fig, ax = _figure(8, max(2.8, 1.7 + 0.38 * len(rows)))
    with mpl.rc_context(STYLE):
        y = np.arange(len(rows))
        ax.barh(y, rows["word_share"], color=[colours[s] for s in rows["speaker"]])
        for yi, v, q, a in zip(y, rows["word_share"], rows["quotes"], rows["articles"],
                               strict=True):
            ax.text(v + 0.8, yi, f"{v:.1f}%  ({q} quotes, {a} articles)", va="center",
                    fontsize=8.5)
        ax.set_yticks(y, rows["speaker"])
        top = float(rows["word_share"].max()) if len(rows) else 0
        ax.set_xlim(0, max(10.0, top * 1.45))
        ax.set_xlabel("Share of quoted words (%)")
        if share.empty:
            ax.text(0.5, 0.5, "no quotes", transform=ax.transAxes, ha="center")
    n = int(share["group_quotes"].iloc[0]) if len(share) else 0
    w = int(share["group_words"].iloc[0]) if len(share) else 0
    art = int(share["group_articles"].iloc[0]) if len(share) else 0
    return _finish(fig, "Share of voice: who gets quoted across the corpus", source,
                   f"{n:,} direct and partial quotes, {w:,} quoted words, {art:,} articles")


def fig_share_by_outlet(share: pd.DataFrame, source: str) -> Figure:
    """Share of quoted words by speaker within each outlet (stacked bars; ``quote_share`` with
    ``per="outlet"``), with each outlet's quotes and articles."""
    groups = sorted(share["group"].unique())
    speakers = [s for s in dict.fromkeys(share.sort_values("words", ascending=False)["speaker"])
                if s != "(others)"]
    if "(others)" in set(share["speaker"]):
        speakers.append("(others)")
    colours = corpus_colours(speakers)
    fig, ax = _figure(8.5, max(3.0, 2.2 + 0.5 * len(groups)))
    with mpl.rc_context(STYLE):
        y = np.arange(len(groups))[::-1]
        left = np.zeros(len(groups))
        for s in speakers:
            sub = share[share["speaker"] == s].set_index("group")
            vals = np.array([float(sub["word_share"].get(g, 0.0)) for g in groups])
            ax.barh(y, vals, left=left, color=colours[s], label=s, edgecolor="white",
                    linewidth=0.5)
            left += vals
        totals = share.groupby("group")[["group_quotes", "group_articles"]].first()
        labels = [f"{g}\n({int(totals.loc[g, 'group_quotes'])} quotes, "
                  f"{int(totals.loc[g, 'group_articles'])} articles)" for g in groups]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 100)
        ax.set_xlabel("Share of the outlet's quoted words (%)")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5, frameon=False)
    return _finish(fig, "Who gets quoted, by outlet", source,
                   "Top speakers across the corpus; everyone else as (others)")


def fig_topic_trends(rates: pd.DataFrame, source: str) -> Figure:
    """Topic hits per 1,000 words by month (``topic_rates`` with ``per="month"``), one line per
    topic; months without a date are left out of the time axis."""
    r = rates[rates["group"] != "(no date)"]
    months = _month_range(sorted(r["group"].unique()))
    topics = list(dict.fromkeys(r.sort_values(["hits", "topic"], ascending=[False, True])
                                ["topic"]))
    fig, ax = _figure(9, 4.8)
    with mpl.rc_context(STYLE):
        x = np.arange(len(months))
        for k, t in enumerate(topics):
            sub = r[r["topic"] == t].set_index("group")
            vals = [float(sub["per_1000_words"].get(m, np.nan)) for m in months]
            colour = PALETTE[k] if k < len(PALETTE) else "#000000"
            style = "-" if k <= len(PALETTE) else "--"
            ax.plot(x, vals, style, marker="o", markersize=3.5, linewidth=1.4,
                    color=colour, label=str(sub["label"].iloc[0]))
        ax.set_xticks(x, months, rotation=45, ha="right")
        ax.set_ylabel("Topic hits per 1,000 words")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5, frameon=False)
        words = r.groupby("group")["words"].first()
        if len(months):
            ax.set_xlabel(f"Month (words per month with articles: {int(words.min()):,}–"
                          f"{int(words.max()):,}; gaps: no articles)")
    return _finish(fig, "Topics over time", source,
                   "Lexicon hits per 1,000 body words of the month's articles")


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last (months without articles stay as gaps).

    >>> _month_range(["2024-11", "2025-02"])
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    if not months:
        return []
    y, m = map(int, months[0].split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= months[-1]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def fig_readability_by_outlet(values: pd.DataFrame, summary: pd.DataFrame,
                              source: str) -> Figure:
    """Flesch–Kincaid grade of each article by outlet (box plot, points for every article) on
    US grade-level bands; ``values`` from ``readability_values``, ``summary`` from
    ``readability_by_outlet`` (medians and article counts)."""
    groups = sorted(values["group"].unique())
    fig, ax = _figure(8, max(3.0, 2.0 + 0.55 * len(groups)))
    with mpl.rc_context(STYLE):
        shades = ["#f7f7f7", "#efefef"]
        for k, (lo, hi, name) in enumerate(GRADE_BANDS):
            ax.axvspan(lo, hi, color=shades[k % 2], zorder=0)
            ax.text((lo + hi) / 2, 1.01, name, transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=7.5, color="#666666")
        data = [values[values["group"] == g]["value"].to_numpy() for g in groups]
        y = np.arange(len(groups))[::-1] + 1
        if groups:
            ax.boxplot(data, positions=y, orientation="horizontal", widths=0.5, showfliers=False,
                       patch_artist=True, boxprops={"facecolor": "#56B4E9", "alpha": 0.6},
                       medianprops={"color": "#D55E00", "linewidth": 1.5}, zorder=2)
            rng = np.random.default_rng(0)  # fixed jitter: same bytes every time
            for yi, d in zip(y, data, strict=True):
                ax.scatter(d, yi + rng.uniform(-0.15, 0.15, len(d)), s=8, color="#333333",
                           zorder=3, alpha=0.7)
        s = summary.set_index("group")
        ax.set_yticks(y, [f"{g}\n(n = {int(s.loc[g, 'articles'])}, median "
                          f"{float(s.loc[g, 'median']):.1f})" for g in groups])
        ax.set_xlim(0, 22)
        ax.set_xlabel("Flesch–Kincaid grade level of each article (US school grade)")
    return _finish(fig, "Readability by outlet", source,
                   "One point per article; boxes: quartiles, line: median")


__all__ = ["UNATTRIBUTED_COLOUR", "corpus_colours", "fig_readability_by_outlet",
           "fig_share_by_outlet", "fig_share_of_voice", "fig_topic_trends"]
