"""Table views of an :class:`Article` (pandas, imported when a table is first built): one row
per block, sentence, word token or section.

>>> from analysis.text import article_from_text
>>> blocks_table(article_from_text("Head\\nOne.", "x"))["kind"].tolist()
['title', 'paragraph']
"""

from __future__ import annotations

from array import array

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.text.model import Article, token_column


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

    >>> from analysis.text import article_from_text
    >>> sentences_table(article_from_text("One two. Three.", "x"))["words"].tolist()
    [2, 1]
    """
    sents = article.sentences
    n = len(sents)
    words = array("q", bytes(8 * n))
    sentence_of = token_column(article.tokens, "sentence")
    for s in sentence_of:
        if s >= 0:
            words[s] += 1
    del sentence_of
    section_of = token_column(article.blocks, "section")  # blocks are indexed by position

    import numpy as np

    def ints(values):  # an int64 column without a Python int per cell (a list when empty)
        return np.fromiter(values, dtype=np.int64, count=n) if n else []

    text = article.text
    return pd.DataFrame(
        {
            "article_id": article.id,
            "sentence": ints(s.index for s in sents),
            "block": ints(s.block for s in sents),
            "section": ints(section_of[s.block] for s in sents),
            "start": ints(s.start for s in sents),
            "end": ints(s.end for s in sents),
            "words": ints(words),
            "text": [text[s.start : s.end] for s in sents],
        },
        columns=["article_id", "sentence", "block", "section", "start", "end", "words", "text"],
    )


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
