"""Tables: one row per quote, quote-mark warnings and the quote share per speaker.
"""

from __future__ import annotations

from bisect import bisect_left

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.quotes.attribution import extract_quotes
from analysis.quotes.kinds import SPEECH_KINDS
from analysis.quotes.marks import find_quote_spans
from analysis.text import Article, BlockPlaces, token_column

UNATTRIBUTED = "(unattributed)"


#: The affiliation share's label for a known speaker whose affiliation the article does not state
#: (quotes with no speaker stay ``(unattributed)``).
NO_AFFILIATION = "no affiliation stated"


QUOTE_COLUMNS = [
    "article_id", "quote_id", "part", "start", "end", "text", "kind", "speaker", "speaker_kind",
    "role", "affiliation", "cue", "cue_start", "position", "mention", "paragraph", "block",
    "section", "words", "unbalanced", "continues",
]


def quotes_table(article: Article, include_indirect: bool = True) -> pd.DataFrame:
    """One row per quote (per paragraph part): offsets, text, kind, speaker and how it was found.

    ``paragraph`` is the 0-based number of the body paragraph, ``block`` the block index of
    :mod:`analysis.text`; ``words`` counts word tokens (the project's word definition).
    ``df.attrs["warnings"]`` holds the quote-mark warnings of :func:`quote_warnings`.

    >>> from analysis.text import article_from_text
    >>> df = quotes_table(article_from_text("“Hello there, friends,” Ruto said.", "x"))
    >>> df[["start", "end", "text", "speaker", "kind", "cue"]].values.tolist()
    [[1, 22, 'Hello there, friends,', 'Ruto', 'direct', 'said']]
    """
    rows, warnings = quote_rows(article, include_indirect)
    columns = {name: [r[k] for r in rows] for k, name in enumerate(QUOTE_COLUMNS)}
    columns["cue_start"] = pd.array(columns["cue_start"], dtype="Int64")
    df = pd.DataFrame(columns, columns=QUOTE_COLUMNS)
    df.attrs["warnings"] = warnings  # unbalanced or stray quote marks (see quote_warnings)
    return df


def quote_rows(article: Article, include_indirect: bool = True
               ) -> tuple[list[tuple], list[str]]:
    """The rows of :func:`quotes_table` as plain tuples in :data:`QUOTE_COLUMNS` order (no
    pandas), and the quote-mark warnings.

    >>> from analysis.text import article_from_text
    >>> rows, warnings = quote_rows(article_from_text("“Hello there, friends,” Ruto said.", "x"))
    >>> dict(zip(QUOTE_COLUMNS, rows[0]))["speaker"], warnings
    ('Ruto', [])
    """
    spans, warnings = find_quote_spans(article)
    quotes = extract_quotes(article, include_indirect, spans)
    places = BlockPlaces(article)
    starts = token_column(article.tokens, "start")
    rows = []
    for q in quotes:
        i = bisect_left(starts, q.start)
        j = bisect_left(starts, q.end)
        n = sum(1 for t in article.tokens[i:j] if t.end <= q.end)
        rows.append((article.id, q.quote_id, q.part, q.start, q.end, q.text, q.kind, q.speaker,
                     q.speaker_kind, q.role, q.affiliation, q.cue, q.cue_start, q.position,
                     q.mention, places.paragraph(q.block), q.block,
                     places.section(q.block), n, q.unbalanced,
                     q.continues))
    return rows, warnings


def quote_warnings(article: Article) -> list[str]:
    """Warnings about quote marks (unbalanced or stray), one line each.

    >>> from analysis.text import article_from_text
    >>> quote_warnings(article_from_text("“Never closed, he said.", "x"))
    ['paragraph 0: quote opened at offset 0 is never closed; kept to its paragraph']
    """
    return find_quote_spans(article)[1]


def share_table(quotes: pd.DataFrame, include_indirect: bool = False,
                by: str = "speaker") -> pd.DataFrame:
    """Quote share per article and speaker (or ``by="affiliation"``).

    Counts ``direct`` and ``partial`` quotes (and ``indirect`` when asked); a multi-paragraph
    quote counts once. Columns: article_id, speaker (or affiliation), quotes, words,
    quote_share, word_share (percent of the article's counted quotes and quoted words; they sum
    to 100 for each article). Unknown speakers are grouped as ``(unattributed)``; by affiliation,
    a known speaker whose affiliation the article does not state is ``no affiliation stated``.

    >>> from analysis.text import article_from_text
    >>> t = "“One two three four,” Ruto said. “Five six,” Okello said."
    >>> share_table(quotes_table(article_from_text(t, "x")))[["speaker", "words", "word_share"]]
    ... # doctest: +NORMALIZE_WHITESPACE
      speaker  words  word_share
    0    Ruto      4   66.666667
    1  Okello      2   33.333333
    """
    kinds = list(SPEECH_KINDS) + (["indirect"] if include_indirect else [])
    q = quotes[quotes["kind"].isin(kinds)].copy()
    key = by
    if key != "speaker":  # a speaker with no stated affiliation is not an unknown speaker
        q[key] = q[key].where(q[key].notna() | q["speaker"].isna(), NO_AFFILIATION)
    q[key] = q[key].fillna(UNATTRIBUTED)
    if q.empty:
        return pd.DataFrame(columns=["article_id", key, "quotes", "words", "quote_share",
                                     "word_share"])
    q["qkey"] = q["quote_id"].astype(str) + ":" + q["kind"] + ":" + q["start"].astype(str)
    q.loc[q["kind"] != "indirect", "qkey"] = q["quote_id"].astype(str)
    g = q.groupby(["article_id", key], sort=False).agg(quotes=("qkey", "nunique"),
                                                       words=("words", "sum")).reset_index()
    totals = g.groupby("article_id")[["quotes", "words"]].transform("sum")
    g["quote_share"] = 100 * g["quotes"] / totals["quotes"]
    g["word_share"] = 100 * g["words"] / totals["words"].where(totals["words"] > 0)
    g = g.sort_values(["article_id", "words", "quotes", key],
                      ascending=[True, False, False, True]).reset_index(drop=True)
    return g
