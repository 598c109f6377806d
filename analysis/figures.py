"""Figures: one function per figure, each taking the tidy tables and returning a matplotlib Figure.

The functions never compute counts themselves (they read the tables of
:mod:`analysis.quotes`, :mod:`analysis.topics` and :mod:`analysis.readability`) and never write
files; :mod:`analysis.report` saves them. Every figure has a title, axis labels and a source
note, so it stands alone in a report. Speakers keep the same colour in every figure
(:func:`speaker_colours`, Okabe–Ito colour-blind-safe palette; speech with no identified speaker
in dark grey, a speaker with no stated affiliation in light grey); every topic has a colour of its
own (:func:`topic_colours`).

Paragraphs are numbered one way everywhere: ``paragraph`` is the 0-based number of the body
paragraph (headings and title not counted), as in the quotes, topic-hits and places tables and
their CSVs; the quote timeline's axis uses the same numbers.

Determinism: figures are plain :class:`~matplotlib.figure.Figure` objects (no pyplot state) saved
by the Agg/SVG writers, in DejaVu Sans (shipped with matplotlib), with a fixed ``svg.hashsalt``
and no dates in the file metadata (see :data:`SAVE_KW`), so the same data give the same bytes.

>>> from analysis.config import SAMPLE_ARTICLE
>>> from analysis.text import load_article, sentences_table
>>> art = load_article(SAMPLE_ARTICLE)
>>> fig = fig_sentence_lengths(sentences_table(art), source="sample")
>>> fig.axes[0].get_xlabel()
'Words per sentence'
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.quotes.share import NO_AFFILIATION as NO_AFFILIATION_STATED
from analysis.quotes.share import UNATTRIBUTED

#: Okabe & Ito (2008) colour-blind-safe palette (black left out: it is for text).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
#: More distinct colours after the Okabe–Ito ones (Paul Tol's "muted" scheme, its greys left out),
#: so that a lexicon of up to 16 topics gets 16 different colours.
EXTRA_PALETTE = ["#332288", "#117733", "#882255", "#999933", "#44AA99", "#CC6677", "#DDCC77",
                 "#AA4499", "#88CCEE"]
#: The label of speech with no identified speaker (the quotes tables' ``(unattributed)``).
NO_SPEAKER = UNATTRIBUTED
#: The label of quotes whose speaker is known but states no affiliation.
NO_AFFILIATION = NO_AFFILIATION_STATED
UNATTRIBUTED_COLOUR = "#999999"
NO_AFFILIATION_COLOUR = "#CCCCCC"
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "news-analysis",
    "svg.fonttype": "path",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "path.simplify": False,
}
#: Keyword arguments for ``Figure.savefig`` by format: no date, no software version.
SAVE_KW = {
    "png": {"metadata": {"Software": None}},
    "svg": {"metadata": {"Date": None, "Creator": None}},
}
#: Grade-level bands drawn behind readability grades (US school grades).
GRADE_BANDS = [(0, 6, "elementary"), (6, 9, "middle school"), (9, 12, "high school"),
               (12, 16, "college"), (16, 22, "graduate")]


def _figure(width: float = 8, height: float = 4.5) -> tuple[Figure, Axes]:
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(width, height))
        ax = fig.add_subplot()
    return fig, ax


def _finish(fig: Figure, title: str, source: str, subtitle: str | None = None) -> Figure:
    """Title, subtitle and source note at fixed distances (in inches) from the edges."""
    h = fig.get_figheight()
    with mpl.rc_context(STYLE):
        fig.suptitle(title, x=0.01, y=1 - 0.1 / h, ha="left", va="top", fontsize=12,
                     fontweight="bold")
        if subtitle:
            fig.text(0.01, 1 - 0.38 / h, subtitle, ha="left", va="top", fontsize=9,
                     color="#444444")
        fig.text(0.01, 0.06 / h, f"Source: {source}", ha="left", va="bottom", fontsize=7.5,
                 color="#555555")
        top = 1 - (0.62 if subtitle else 0.42) / h
        fig.tight_layout(rect=(0, 0.28 / h, 1, top))
    return fig


def speaker_colours(speakers) -> dict[str, str]:
    """Colour of each speaker (or affiliation), in the order given (most quoted first); no
    identified speaker in dark grey, no stated affiliation in light grey.

    >>> speaker_colours(["William Ruto", "Antony J. Blinken", "(unattributed)"])
    {'William Ruto': '#0072B2', 'Antony J. Blinken': '#E69F00', '(unattributed)': '#999999'}
    >>> speaker_colours(["Kenya", "no affiliation stated", "(unattributed)"])
    {'Kenya': '#0072B2', 'no affiliation stated': '#CCCCCC', '(unattributed)': '#999999'}
    """
    out: dict[str, str] = {}
    i = 0
    for s in speakers:
        if s in out:
            continue
        if s == NO_SPEAKER:
            out[s] = UNATTRIBUTED_COLOUR
        elif s == NO_AFFILIATION:
            out[s] = NO_AFFILIATION_COLOUR
        else:
            out[s] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def display_label(name: str) -> str:
    """How a speaker or affiliation is labelled in figures and reports: the tables' placeholder
    labels in words, so that no identified speaker and no stated affiliation read differently.

    >>> display_label("(unattributed)"), display_label("no affiliation stated")
    ('no identified speaker', 'no affiliation stated')
    >>> display_label("William Ruto")
    'William Ruto'
    """
    return {NO_SPEAKER: "no identified speaker",
            NO_AFFILIATION: "no affiliation stated"}.get(name, name)


def topic_colours(topics) -> dict[str, str]:
    """A different colour for every topic, in lexicon order: the Okabe–Ito palette, then Paul
    Tol's muted colours, then evenly spaced hues (never a repeat, however long the lexicon).

    >>> from analysis.topics import default_lexicon, load_lexicon
    >>> colours = topic_colours(default_lexicon().labels())
    >>> len(colours), len(set(colours.values()))
    (17, 17)
    >>> colours = topic_colours(load_lexicon("international-affairs").labels())
    >>> colours["security"] != colours["climate"]
    True
    """
    import colorsys

    fixed = PALETTE + EXTRA_PALETTE
    topics = list(dict.fromkeys(topics))
    out = {}
    for i, t in enumerate(topics):
        if i < len(fixed):
            out[t] = fixed[i]
        else:  # beyond 16 topics: hues spread by the golden angle, mid lightness
            h = ((i - len(fixed)) * 0.618033988749895) % 1.0
            r, g, b = colorsys.hls_to_rgb(h, 0.45, 0.65)
            out[t] = f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
    return out


# --------------------------------------------------------------------------- quotes


def fig_quote_share(share: pd.DataFrame, colours: dict[str, str], source: str) -> Figure:
    """Share of quoted words and of quotes per speaker (two horizontal bar panels).

    ``share`` is :func:`analysis.quotes.share_table` for one article.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> fig = fig_quote_share(a.share, speaker_colours(a.share["speaker"]), "sample")
    >>> fig.axes[0].get_xlabel()
    'Share of quoted words (%)'
    """
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(8, max(2.8, 1.6 + 0.55 * len(share))))
        axes = fig.subplots(1, 2, sharey=True)
        speakers = list(share["speaker"])[::-1]
        y = np.arange(len(speakers))
        for ax, col, count_col, label in [
            (axes[0], "word_share", "words", "Share of quoted words (%)"),
            (axes[1], "quote_share", "quotes", "Share of quotes (%)"),
        ]:
            values = list(share[col])[::-1]
            counts = list(share[count_col])[::-1]
            ax.barh(y, values, color=[colours.get(s, UNATTRIBUTED_COLOUR) for s in speakers])
            for yi, v, c in zip(y, values, counts, strict=True):
                ax.text(v + 1.5, yi, f"{v:.1f}% ({c} {count_col})", va="center", fontsize=9)
            ax.set_xlim(0, 130)
            ax.set_xticks([0, 25, 50, 75, 100])
            ax.set_xlabel(label)
            ax.spines["top"].set_visible(False)
            ax.spines["right"].set_visible(False)
        axes[0].set_yticks(y, [display_label(s) for s in speakers])
        if share.empty:
            axes[0].text(0.5, 0.5, "no quotes", transform=axes[0].transAxes, ha="center")
    return _finish(fig, "Who gets quoted", source,
                   "Direct and partial quotes; a quote over several paragraphs counts once")


def fig_quote_timeline(quotes: pd.DataFrame, n_paragraphs: int, colours: dict[str, str],
                       source: str) -> Figure:
    """Where in the article each speaker is quoted: one row per speaker, one dot per quote at
    its paragraph, dot area proportional to its quoted words.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> colours = speaker_colours(a.share["speaker"])
    >>> fig = fig_quote_timeline(a.quotes, len(a.article.paragraphs), colours, "sample")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Antony J. Blinken', 'William Ruto']
    >>> fig.axes[0].get_xticks()[:3].tolist()  # 0-based, as the quotes table's paragraph
    [0, 2, 4]
    """
    speech = quotes[quotes["kind"].isin(["direct", "partial"])].copy()
    speech["speaker"] = speech["speaker"].fillna(NO_SPEAKER)
    speakers = [s for s in colours if s in set(speech["speaker"])]
    fig, ax = _figure(8, max(2.8, 1.8 + 0.6 * len(speakers)))
    with mpl.rc_context(STYLE):
        # quotes in the same paragraph sit side by side, not on top of each other
        speech = speech.sort_values("start")
        rank = speech.groupby("paragraph").cumcount()
        size = speech.groupby("paragraph")["start"].transform("size")
        speech["x"] = speech["paragraph"] + 0.5 * (rank - (size - 1) / 2)
        for yi, s in enumerate(speakers[::-1]):
            rows = speech[speech["speaker"] == s]
            ax.scatter(rows["x"], [yi] * len(rows), s=rows["words"] * 9,
                       color=colours[s], alpha=0.85, edgecolor="white", linewidth=0.8)
        ax.set_yticks(range(len(speakers)), [display_label(s) for s in speakers[::-1]])
        ax.set_ylim(-0.7, len(speakers) - 0.3)
        ax.set_xlim(-0.5, max(n_paragraphs, 1) - 0.5)
        ax.set_xticks(range(0, max(n_paragraphs, 1), 2 if n_paragraphs > 12 else 1))
        ax.set_xlabel("Body paragraph (0 = first; the `paragraph` column of the tables)")
        ax.grid(axis="x", color="#eeeeee", linewidth=0.8)
        ax.set_axisbelow(True)
        if speech.empty:
            ax.text(0.5, 0.5, "no quotes", transform=ax.transAxes, ha="center")
    return _finish(fig, "Where each speaker is quoted", source,
                   "One dot per quote; dot area proportional to the quote's words")


# --------------------------------------------------------------------------- topics


def fig_topic_frequency(summary: pd.DataFrame, source: str,
                        lexicon: str = "Default topic lexicon") -> Figure:
    """Topic hits per 1,000 words, with the raw hit count on each bar; ``lexicon`` names the
    lexicon in the subtitle.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> fig_topic_frequency(a.topics, "sample").axes[0].get_xlabel()
    'Lexicon hits per 1,000 words (article body: 1,224 words)'
    """
    df = summary.sort_values("per_1000_words")
    # an article without body words has no rate (None): drawn as an empty bar, labelled "–"
    rates = pd.to_numeric(df["per_1000_words"], errors="coerce").astype(float)
    fig, ax = _figure(8, max(2.8, 1.5 + 0.42 * len(df)))
    with mpl.rc_context(STYLE):
        y = np.arange(len(df))
        ax.barh(y, rates.fillna(0.0), color="#0072B2")
        top = float(rates.max()) if rates.notna().any() else 0.0
        for yi, v, h in zip(y, rates, df["hits"], strict=True):
            label = f"{v:.1f}  ({h} hits)" if v == v else f"–  ({h} hits)"
            ax.text((v if v == v else 0.0) + top * 0.01 + 0.1, yi, label, va="center",
                    fontsize=9)
        ax.set_yticks(y, df["label"])
        ax.set_xlim(0, top * 1.3 + 1)
        words = int(summary["words"].iloc[0]) if len(summary) else 0
        ax.set_xlabel(f"Lexicon hits per 1,000 words (article body: {words:,} words)")
    return _finish(fig, "What the article talks about", source,
                   f"{lexicon}; each word counted once, longest match wins")


def fig_topics_by_section(breakdown: pd.DataFrame, source: str) -> Figure:
    """Heatmap of topic hits per 1,000 words by section, annotated with raw hits.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> fig_topics_by_section(a.topics_by_section, "sample").axes[0].get_ylabel()
    'Section (heading)'
    """
    sections = list(dict.fromkeys(breakdown["group_label"]))
    topics = list(dict.fromkeys(breakdown["label"]))
    rate = breakdown.pivot_table(index="group_label", columns="label", values="per_1000_words",
                                 sort=False).reindex(index=sections, columns=topics)
    hits = breakdown.pivot_table(index="group_label", columns="label", values="hits",
                                 sort=False).reindex(index=sections, columns=topics)
    fig, ax = _figure(9, max(3.2, 1.8 + 0.45 * len(sections)))
    with mpl.rc_context(STYLE):
        data = rate.fillna(0).to_numpy(dtype=float)
        im = ax.imshow(data, cmap="Blues", aspect="auto", vmin=0)
        vmax = data.max() if data.size else 0
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                h = int(hits.iat[i, j]) if not pd.isna(hits.iat[i, j]) else 0
                if h:
                    ax.text(j, i, str(h), ha="center", va="center", fontsize=8,
                            color="white" if data[i, j] > 0.6 * vmax else "#222222")
        ax.set_xticks(range(len(topics)), topics, fontsize=8, rotation=30, ha="right",
                      rotation_mode="anchor")
        ax.set_yticks(range(len(sections)), sections, fontsize=9)
        ax.spines[:].set_visible(False)
        cbar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
        cbar.set_label("hits per 1,000 words", fontsize=8)
        ax.set_xlabel("Topic")
        ax.set_ylabel("Section (heading)")
    return _finish(fig, "Topics by section", source,
                   "Colour: hits per 1,000 words of the section; numbers: raw hits")


# --------------------------------------------------------------------------- readability


def _grade_bands(ax, horizontal: bool) -> None:
    shades = ["#f7f7f7", "#efefef"]
    for k, (lo, hi, name) in enumerate(GRADE_BANDS):
        if horizontal:
            ax.axvspan(lo, hi, color=shades[k % 2], zorder=0)
            ax.text((lo + hi) / 2, 1.01, name, transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=7.5, color="#666666")
        else:
            ax.axhspan(lo, hi, color=shades[k % 2], zorder=0)


def fig_readability_by_section(table: pd.DataFrame, source: str) -> Figure:
    """Flesch–Kincaid grade of each section against the whole article, on US grade-level bands.

    Sections under 30 sentences are marked (SMOG is not reliable there; FKGL is shown).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> fig_readability_by_section(a.readability, "sample").axes[0].get_xlabel()
    'Flesch–Kincaid grade level (US school grade)'
    """
    art = table[table["unit"] == "article"].iloc[0]
    sec = table[table["unit"] == "section"].iloc[::-1]
    fig, ax = _figure(8, max(2.8, 1.8 + 0.42 * len(sec)))
    with mpl.rc_context(STYLE):
        _grade_bands(ax, horizontal=True)
        y = np.arange(len(sec))
        ax.barh(y, sec["flesch_kincaid_grade"], color="#56B4E9", zorder=2, height=0.6)
        for yi, v, w in zip(y, sec["flesch_kincaid_grade"], sec["words"], strict=True):
            ax.text(v + 0.25, yi, f"{v:.1f}  ({w} words)", va="center", fontsize=8.5, zorder=4,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.9})
        ax.axvline(art["flesch_kincaid_grade"], color="#D55E00", linewidth=1.5, zorder=3)
        ax.text(art["flesch_kincaid_grade"] - 0.2, -0.55,
                f"whole article {art['flesch_kincaid_grade']:.1f}",
                color="#D55E00", fontsize=8.5, ha="right", va="top", zorder=3)
        ax.set_yticks(y, sec["label"])
        ax.set_xlim(0, 22)
        ax.set_ylim(-1.0, len(sec) - 0.4)
        ax.set_xlabel("Flesch–Kincaid grade level (US school grade)")
    return _finish(fig, "Readability by section", source,
                   "Flesch–Kincaid grade from correct sentence, word and syllable counts")


def fig_readability_quotes_vs_narration(table: pd.DataFrame, colours: dict[str, str],
                                        source: str) -> Figure:
    """Grade-level formulas for quoted speech, narration and each quoted speaker.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.report import analyse
    >>> from analysis.text import load_article
    >>> a = analyse(load_article(SAMPLE_ARTICLE))
    >>> colours = speaker_colours(a.share["speaker"])
    >>> fig = fig_readability_quotes_vs_narration(a.readability, colours, "sample")
    >>> len(fig.axes[0].get_legend().get_texts())
    5
    """
    rows = []
    for unit in ("article", "narration", "quoted"):
        r = table[table["unit"] == unit]
        if len(r):
            rows.append(("whole article" if unit == "article" else
                         "quoted speech" if unit == "quoted" else unit, r.iloc[0], "#777777"))
    for _, r in table[table["unit"] == "speaker"].iterrows():
        rows.append((r["label"], r, colours.get(r["label"], UNATTRIBUTED_COLOUR)))
    base = {"whole article": "#000000", "narration": "#009E73", "quoted speech": "#CC79A7"}
    metrics = [("flesch_kincaid_grade", "Flesch–Kincaid"), ("gunning_fog", "Gunning Fog"),
               ("coleman_liau_index", "Coleman–Liau"), ("automated_readability_index", "ARI")]
    fig, ax = _figure(8.5, 4.6)
    with mpl.rc_context(STYLE):
        _grade_bands(ax, horizontal=False)
        width = 0.8 / max(len(rows), 1)
        x = np.arange(len(metrics))
        for k, (name, r, colour) in enumerate(rows):
            vals = [r[m] for m, _ in metrics]
            ax.bar(x - 0.4 + width * (k + 0.5), vals, width * 0.92, zorder=2,
                   color=base.get(name, colour),
                   label=f"{display_label(name)} ({int(r['words'])} words)")
        ax.set_xticks(x, [label for _, label in metrics])
        ax.set_ylabel("Grade level (US school grade)")
        ax.set_ylim(0, 26)
        ax.set_yticks(range(0, 23, 4))
        for lo, hi, band in GRADE_BANDS:
            ax.text(len(metrics) - 0.45, (lo + hi) / 2, band, fontsize=7.5, color="#666666",
                    va="center", ha="left")
        ax.set_xlim(-0.5, len(metrics) + 0.4)
        ax.legend(fontsize=8, loc="upper left", ncols=3, frameon=False)
    return _finish(fig, "Readability of quoted speech vs narration", source,
                   "Speakers' words are short samples: their grades are indicative only")


def fig_sentence_lengths(sentences: pd.DataFrame, source: str) -> Figure:
    """Distribution of sentence lengths (words per body sentence), with the median marked.

    >>> import pandas as pd
    >>> fig = fig_sentence_lengths(pd.DataFrame({"words": [12, 18, 25]}), "demo")
    >>> fig.axes[0].get_ylabel()
    'Sentences'
    """
    fig, ax = _figure(8, 4.2)
    with mpl.rc_context(STYLE):
        words = sentences["words"].to_numpy()
        if len(words):
            bins = np.arange(5 * (int(words.min()) // 5), 5 * (int(words.max()) // 5) + 10, 5)
            counts, _, _ = ax.hist(words, bins=bins, color="#009E73", edgecolor="white")
            med = float(np.median(words))
            ax.axvline(med, color="#D55E00", linewidth=1.5)
            ax.set_ylim(0, counts.max() * 1.18 + 1)
            ax.text(med, counts.max() * 1.1 + 0.8, f" median {med:g} words", color="#D55E00",
                    va="center", ha="left", fontsize=9,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
            ax.set_xticks(bins)
        ax.set_xlabel("Words per sentence")
        ax.set_ylabel("Sentences")
    n = len(sentences)
    return _finish(fig, "Sentence length", source, f"{n} body sentences (headings excluded)")
