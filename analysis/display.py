"""Tables formatted for reading in a notebook: the numbers are the package's, only shown better.

Rules (one place, used by every notebook):

* **text** (object columns) is left-aligned and wrapped, never cut with "…";
* **shares** are percentages with one decimal (``66.7 %``): columns in :data:`PERCENT_COLUMNS`
  already hold percent (0–100), columns in :data:`FRACTION_COLUMNS` hold fractions (0–1);
* **counts** are integers with a thousands separator (``1,224``, never ``28.0``): integer
  columns, the columns named in :data:`COUNT_COLUMNS`, or the ones passed as ``counts``;
* other numbers get one decimal; missing values show as ``–``;
* tables wider than ``max_columns`` are split into several tables that repeat the key columns
  (:func:`wide_table`), or transposed when they have a single row;
* labels: a quote with no identified speaker shows as ``no identified speaker``; a speaker with
  no stated affiliation as ``no affiliation stated`` — two different things
  (:func:`readable_labels`).

Every function returns a pandas :class:`~pandas.io.formats.style.Styler` (or :class:`Tables`, a
list of them that renders as HTML), so the underlying frame is never changed.

>>> import pandas as pd
>>> df = pd.DataFrame({"speaker": ["William Ruto"], "quotes": [6], "quote_share": [66.6667]})
>>> html = table(df).to_html()
>>> "66.7 %" in html and ">6<" in html
True
"""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.quotes.share import NO_AFFILIATION, UNATTRIBUTED

#: Share columns that hold percent (0–100), as the quote share tables do.
PERCENT_COLUMNS = frozenset({"quote_share", "word_share"})
#: Share columns that hold fractions (0–1), as the topic summary does.
FRACTION_COLUMNS = frozenset({"paragraph_share", "sentence_share", "hit_share"})
#: Columns that are counts even when pandas stores them as floats (after a pivot or a NaN).
COUNT_COLUMNS = frozenset({
    "quotes", "words", "hits", "sentences", "paragraphs", "syllables", "polysyllables",
    "mentions", "n_paragraphs", "n_sentences", "characters", "letters", "long_words",
    "complex_words", "easy_words", "difficult_words", "paragraph", "sentence", "block", "section",
    "start", "end", "cue_start", "quote_id", "part", "count", "headings", "blocks", "index",
})
#: Columns of free text: wrapped at about this many characters per line.
WRAP_EM = 32
NO_SPEAKER_LABEL = "no identified speaker"
NO_AFFILIATION_LABEL = "no affiliation stated"
_NO_SPEAKER_VALUES = {UNATTRIBUTED}
_NO_AFFILIATION_VALUES = {NO_AFFILIATION}


class Tables(list):
    """Several tables shown one after the other (a wide table split by :func:`wide_table`)."""

    def _repr_html_(self) -> str:
        return "\n".join(t.to_html() for t in self)


def _is_count(series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series) and not pd.api.types.is_bool_dtype(series)


def readable_labels(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with speaker and affiliation labels in words: no speaker found → ``no identified
    speaker``; a speaker without a stated affiliation → ``no affiliation stated``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"speaker": ["Ruto", "A. Aide", None],
    ...                    "affiliation": ["Kenya", None, None]})
    >>> readable_labels(df).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Ruto', 'Kenya'], ['A. Aide', 'no affiliation stated'],
     ['no identified speaker', 'no identified speaker']]
    >>> share = pd.DataFrame({"affiliation": ["(unattributed)", "no affiliation stated"]})
    >>> readable_labels(share)["affiliation"].tolist()
    ['no identified speaker', 'no affiliation stated']
    """
    out = df.copy()
    no_speaker = None
    if "speaker" in out.columns:
        no_speaker = out["speaker"].isna() | out["speaker"].isin(_NO_SPEAKER_VALUES)
        out["speaker"] = out["speaker"].where(~no_speaker, NO_SPEAKER_LABEL)
    if "affiliation" in out.columns:
        aff = out["affiliation"]
        missing = aff.isna()
        speakerless = aff.isin(_NO_SPEAKER_VALUES)
        if no_speaker is not None:
            speakerless = speakerless | (missing & no_speaker)
        out["affiliation"] = aff.where(~(missing | aff.isin(_NO_AFFILIATION_VALUES)),
                                       NO_AFFILIATION_LABEL).where(~speakerless, NO_SPEAKER_LABEL)
    return out


def _fmt_count(x) -> str:
    return "–" if pd.isna(x) else f"{int(round(float(x))):,}"


def _fmt_number(decimals: int):
    return lambda x: "–" if pd.isna(x) else f"{float(x):,.{decimals}f}"


def _fmt_percent(scale: float):
    return lambda x: "–" if pd.isna(x) else f"{float(x) * scale:.1f} %"


def table(df: pd.DataFrame, *, counts=(), percent=(), fractions=(), decimals: int = 1,
          caption: str | None = None, count_rows=None, labels: bool = True) -> Styler:
    """``df`` formatted for reading (see the module docstring for the rules); the index is
    hidden. ``counts``, ``percent`` and ``fractions`` add columns to the built-in lists
    (``counts=True``: every numeric column is a count); ``count_rows`` (a boolean mask) marks
    rows whose numbers are all counts, for tables that mix counts and scores row by row.

    >>> import pandas as pd
    >>> pivot = pd.DataFrame({"label": ["Security"], "narration": [28.0], "Ruto": [float("nan")]})
    >>> html = table(pivot, counts=True).to_html()
    >>> ">28<" in html and "28.0" not in html and ">–<" in html
    True
    >>> html = table(pd.DataFrame({"paragraph_share": [0.5], "x": [1.23456]})).to_html()
    >>> "50.0 %" in html and "1.2" in html and "1.23" not in html
    True
    """
    data = readable_labels(df) if labels else df
    numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])
               and not pd.api.types.is_bool_dtype(data[c])]
    text_cols = [c for c in data.columns if c not in numeric]
    formats = {}
    for c in numeric:
        if c in PERCENT_COLUMNS or c in percent:
            formats[c] = _fmt_percent(1.0)
        elif c in FRACTION_COLUMNS or c in fractions:
            formats[c] = _fmt_percent(100.0)
        elif counts is True or c in counts or c in COUNT_COLUMNS or _is_count(data[c]):
            formats[c] = _fmt_count
        else:
            formats[c] = _fmt_number(decimals)
    styler = data.style.format(formats, na_rep="–").hide(axis="index")
    if count_rows is not None:
        rows = data.index[pd.Series(count_rows, index=data.index).astype(bool)]
        plain = [c for c in numeric if formats[c] not in (_fmt_count,)
                 and c not in PERCENT_COLUMNS | FRACTION_COLUMNS]
        if len(rows) and plain:
            styler = styler.format(_fmt_count, subset=pd.IndexSlice[rows, plain])
    long_text = [c for c in text_cols
                 if data[c].astype(str).str.len().max() > 24] if len(data) else []
    styler = styler.set_properties(subset=text_cols, **{"text-align": "left"})
    if long_text:
        styler = styler.set_properties(subset=long_text, **{
            "white-space": "normal", "min-width": "14em", "max-width": f"{WRAP_EM}em",
            "overflow-wrap": "anywhere"})
    styler = styler.set_properties(subset=numeric, **{"text-align": "right"})
    styler = styler.set_table_styles([
        {"selector": "th", "props": [("text-align", "left"), ("vertical-align", "bottom")]},
        {"selector": "td", "props": [("vertical-align", "top")]},
    ], overwrite=False)
    if caption:
        styler = styler.set_caption(caption)
    return styler


def wide_table(df: pd.DataFrame, keep=(), max_columns: int = 8, groups=None,
               **kwargs) -> Tables | Styler:
    """A table too wide for the notebook pane, split into tables of at most ``max_columns``
    columns that each repeat the ``keep`` columns (or split as ``groups``: a list of column
    lists). A one-row table is transposed instead (one column per value). Keyword arguments
    go to :func:`table`.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"unit": ["article", "section"],
    ...                    **{f"m{i}": [1.0, 2.0] for i in range(10)}})
    >>> parts = wide_table(df, keep=["unit"], max_columns=6)
    >>> [list(p.data.columns) for p in parts]  # doctest: +NORMALIZE_WHITESPACE
    [['unit', 'm0', 'm1', 'm2', 'm3', 'm4'], ['unit', 'm5', 'm6', 'm7', 'm8', 'm9']]
    >>> list(wide_table(df.head(1), max_columns=6).data.columns)
    ['measure', 'value']
    """
    keep = list(keep)
    if len(df.columns) <= max_columns:
        return table(df, **kwargs)
    if len(df) == 1 and groups is None:
        row = df.iloc[0]
        long = pd.DataFrame({"measure": list(df.columns), "value": list(row.astype(object))})
        return table(long, labels=False, **kwargs)
    if groups is None:
        rest = [c for c in df.columns if c not in keep]
        step = max(1, max_columns - len(keep))
        groups = [rest[i:i + step] for i in range(0, len(rest), step)]
    return Tables(table(df[keep + [c for c in g if c not in keep]], **kwargs) for g in groups)


# --------------------------------------------------------------------------- the notebooks' tables


def quotes_view(quotes: pd.DataFrame) -> Styler:
    """The quotes table as an analyst reads it: where, kind, who, cue, words and the full text.

    >>> from analysis.quotes import quotes_table
    >>> from analysis.text import article_from_text
    >>> q = quotes_table(article_from_text("“We trade a lot with many,” Ruto said.", "x"))
    >>> list(quotes_view(q).data.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['paragraph', 'kind', 'speaker', 'role', 'affiliation', 'cue', 'words', 'text',
     'start', 'end']
    """
    cols = [c for c in ("paragraph", "kind", "speaker", "role", "affiliation", "cue", "words",
                        "text", "start", "end") if c in quotes.columns]
    return table(quotes[cols])


def share_view(share: pd.DataFrame, bar: bool = True) -> Styler:
    """A quote share table (by speaker or affiliation): counts as integers, shares in percent,
    a bar on the word share.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["x"], "speaker": ["Ruto"], "quotes": [2],
    ...                   "words": [9], "quote_share": [100.0], "word_share": [100.0]})
    >>> "100.0 %" in share_view(s).to_html()
    True
    """
    shown = share.drop(columns=[c for c in ("article_id",) if c in share.columns])
    styler = table(shown)
    if bar and "word_share" in shown.columns and len(shown):
        styler = styler.bar(subset=["word_share"], color="#0072B2", vmin=0, vmax=100)
    return styler


def topics_view(summary: pd.DataFrame) -> Tables | Styler:
    """The topic summary in two narrow tables: rates and counts, then where the topic occurs.

    >>> from analysis.text import article_from_text
    >>> from analysis.topics import topic_hits, topic_summary
    >>> art = article_from_text("Trade grew. Security too.", "x")
    >>> [list(t.data.columns)[:3] for t in topics_view(topic_summary(art, topic_hits(art)))]
    [['label', 'hits', 'words'], ['label', 'paragraphs', 'n_paragraphs']]
    """
    first = ["label", "hits", "words", "per_1000_words", "hit_share"]
    second = ["label", "paragraphs", "n_paragraphs", "paragraph_share", "sentences",
              "n_sentences", "sentence_share"]
    groups = [[c for c in g if c in summary.columns] for g in (first, second)]
    parts = Tables(table(summary[g]) for g in groups)
    parts[0] = parts[0].bar(subset=["per_1000_words"], color="#0072B2")
    return parts


def readability_view(readability: pd.DataFrame, units=("article", "section", "quoted",
                                                        "narration", "speaker")) -> Tables:
    """The readability table in two tables: the counts per unit, then the eight formulas.

    >>> from analysis.readability import readability_table
    >>> from analysis.text import article_from_text
    >>> t = readability_view(readability_table(article_from_text("The cat sat. It ran.", "x")))
    >>> [list(p.data.columns)[:3] for p in t]
    [['unit', 'label', 'sentences'], ['unit', 'label', 'flesch_reading_ease']]
    """
    df = readability[readability["unit"].isin(units)]
    counts = ["unit", "label", "sentences", "words", "syllables", "polysyllables", "reliable"]
    formulas = ["unit", "label", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
                "smog_index", "coleman_liau_index", "automated_readability_index",
                "dale_chall_readability_score", "linsear_write_formula"]
    return Tables(table(df[[c for c in g if c in df.columns]])
                  for g in (counts, formulas))


def comparison_view(comparison: pd.DataFrame) -> Styler:
    """:func:`analysis.readability.compare_with_textstat` with counts as integers, scores with
    two decimals and the full reason for each difference.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"measure": ["sentences", "gunning_fog"], "ours": [52.0, 17.46],
    ...                    "textstat": [72.0, 15.2], "difference": [-20.0, 2.26],
    ...                    "why": ["a long reason " * 5, "another"]})
    >>> html = comparison_view(df).to_html()
    >>> ">52<" in html and "52.00" not in html and "17.46" in html and "reason a long" in html
    True
    """
    count_measures = {"sentences", "words", "syllables", "polysyllables", "characters",
                      "letters", "difficult_words"}
    return table(comparison, decimals=2, count_rows=comparison["measure"].isin(count_measures))


def metadata_view(article) -> Styler:
    """An article's metadata (from ``articles.csv``) as a two-column table, empty fields kept.

    >>> from analysis.text import article_from_text
    >>> metadata_view(article_from_text("Text.", "x", {"outlet": "Daily"})).data.values.tolist()
    [['id', 'x'], ['outlet', 'Daily']]
    """
    meta = {"id": article.id, **{k: v for k, v in article.meta.items() if k != "id"}}
    return table(pd.DataFrame({"field": list(meta), "value": [v or "" for v in meta.values()]}),
                 labels=False)
