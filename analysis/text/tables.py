"""Table views of an :class:`Article` (pandas, imported when a table is first built): one row
per block, sentence, word token or section.

>>> from analysis.text import article_from_text
>>> blocks_table(article_from_text("Head\\nOne.", "x"))["kind"].tolist()
['title', 'paragraph']
"""

from __future__ import annotations

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis._memory import release_freed_memory
from analysis.text.model import Article, Rows, token_column


def blocks_table(article: Article) -> pd.DataFrame:
    """One row per block: article_id, block, kind, section, start, end, sentences, words, text.

    >>> from analysis.text import article_from_text
    >>> df = blocks_table(article_from_text("Head\\nOne. Two.", "x"))
    >>> df[["kind", "sentences", "words"]].values.tolist()
    [['title', 0, 1], ['paragraph', 2, 2]]
    """
    n_sent = [0] * len(article.blocks)
    n_words = [0] * len(article.blocks)
    for s in article.sentences:
        n_sent[s.block] += 1
    for t in article.tokens:
        n_words[t.block] += 1
    return pd.DataFrame(
        {
            "article_id": article.id,
            "block": [b.index for b in article.blocks],
            "kind": [b.kind for b in article.blocks],
            "section": [b.section for b in article.blocks],
            "start": [b.start for b in article.blocks],
            "end": [b.end for b in article.blocks],
            "sentences": n_sent,
            "words": n_words,
            "text": [article.text[b.start : b.end] for b in article.blocks],
        },
        columns=["article_id", "block", "kind", "section", "start", "end", "sentences", "words",
                 "text"],
    )


def sentences_table(article: Article) -> pd.DataFrame:
    """One row per body sentence: article_id, sentence, block, section, start, end, words, text.

    A long article's sentences (:class:`~analysis.text.model.Rows`) are read column by column
    and their text is cut a chunk at a time into pandas' string storage, so the table is built
    without a Python object per sentence; the table is the same either way.

    >>> from analysis.text import article_from_text
    >>> sentences_table(article_from_text("One two. Three.", "x"))["words"].tolist()
    [2, 1]
    """
    import numpy as np

    sents = article.sentences
    n = len(sents)
    if n > _CUT_CHUNK:
        release_freed_memory()  # start from what is live, not what earlier stages left
    sentence_of = np.asarray(token_column(article.tokens, "sentence"))  # -1: not in a sentence
    words = np.bincount(sentence_of + 1, minlength=n + 1)[1:].astype(np.int64)
    del sentence_of
    section_of = np.asarray(token_column(article.blocks, "section"), dtype=np.int64)
    if isinstance(sents, Rows):
        # copies (np.array), never views of the article's own columns: the table is the caller's
        block, start, end = (np.array(c, dtype=np.int64) for c in sents._cols)
    else:
        block, start, end = (np.fromiter((getattr(s, f) for s in sents), dtype=np.int64,
                                         count=n) for f in ("block", "start", "end"))
    text = _cut(article.text, start, end)
    columns = {
        "article_id": article.id,
        "sentence": np.arange(n, dtype=np.int64),
        "block": block,
        "section": section_of[block],
        "start": start,
        "end": end,
        "words": words,
        "text": text,
    }
    if not n:  # an empty table keeps its empty-list columns (object dtype), as before
        columns = {k: ([] if k != "article_id" else v) for k, v in columns.items()}
    # a long table keeps these arrays as they are (no second, consolidated copy)
    table = pd.DataFrame(columns, columns=list(columns), copy=n <= _CUT_CHUNK)
    if n > _CUT_CHUNK:
        del columns, text, block, start, end, words
        release_freed_memory()  # the chunks' strings and numpy temporaries
    return table


_CUT_CHUNK = 65_536


def _cut(text: str, start, end):
    """``text[start[i]:end[i]]`` for every i: a list for a short table; for a long one, a
    pandas string array filled a chunk at a time (pyarrow storage, as pandas would make from
    the list), so at most one chunk of Python strings exists at once."""
    n = len(start)
    strings = pd.Series([""]).dtype if n > _CUT_CHUNK else None
    if not (isinstance(strings, pd.StringDtype) and strings.storage == "pyarrow"):
        return [text[a:b] for a, b in zip(start.tolist(), end.tolist(), strict=True)]
    import pyarrow as pa

    chunks = []
    for i in range(0, n, _CUT_CHUNK):
        part = zip(start[i:i + _CUT_CHUNK].tolist(), end[i:i + _CUT_CHUNK].tolist(), strict=True)
        chunks.append(pa.array([text[a:b] for a, b in part], pa.large_string()))
    return pd.array(pa.chunked_array(chunks, pa.large_string()), dtype=strings)


def tokens_table(article: Article) -> pd.DataFrame:
    """One row per word token: article_id, token, text, start, end, block, sentence.

    >>> from analysis.text import article_from_text
    >>> tokens_table(article_from_text("Kenya’s U.S.-Kenyan ties.", "x"))["text"].tolist()
    ['Kenya’s', 'U.S.-Kenyan', 'ties']
    """
    toks = article.tokens
    return pd.DataFrame(
        {
            "article_id": article.id,
            "token": [t.index for t in toks],
            "text": [t.text for t in toks],
            "start": [t.start for t in toks],
            "end": [t.end for t in toks],
            "block": [t.block for t in toks],
            "sentence": [t.sentence for t in toks],
        },
        columns=["article_id", "token", "text", "start", "end", "block", "sentence"],
    )


def sections_table(article: Article) -> pd.DataFrame:
    """One row per section: article_id, section, title, start, end, paragraphs, sentences, words.

    >>> from analysis.text import article_from_text
    >>> sections_table(article_from_text("Lede.\\nPart two\\nMore. Text.", "x"))["title"].tolist()
    ['(lede)', 'Part two']
    """
    paragraphs = [0] * len(article.sections)
    sents = [0] * len(article.sections)
    words = [0] * len(article.sections)
    section_of = token_column(article.blocks, "section")  # blocks are indexed by position
    for b in article.blocks:
        if b.kind == "paragraph":
            paragraphs[b.section] += 1
    for s in article.sentences:
        sents[section_of[s.block]] += 1
    toks = article.tokens
    for sentence, block in zip(token_column(toks, "sentence"), token_column(toks, "block"),
                               strict=True):
        if sentence >= 0:
            words[section_of[block]] += 1
    return pd.DataFrame(
        {
            "article_id": article.id,
            "section": [s.index for s in article.sections],
            "title": [s.title for s in article.sections],
            "start": [s.start for s in article.sections],
            "end": [s.end for s in article.sections],
            "paragraphs": paragraphs,
            "sentences": sents,
            "words": words,
        },
        columns=["article_id", "section", "title", "start", "end", "paragraphs", "sentences",
                 "words"],
    )
