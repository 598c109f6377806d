"""Stage 5 of topic counting: tables from the hits — per topic (:func:`topic_summary`) and per
section or speaker (:func:`topic_breakdown`), with their denominators.
"""

from __future__ import annotations

from collections import Counter

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.text import Article
from analysis.topics.hits import _in_quote, _quote_lookup, topic_hits  # noqa: F401 (doctests)
from analysis.topics.lexicon import Lexicon, default_lexicon

SUMMARY_COLUMNS = ["article_id", "topic", "label", "hits", "words", "per_1000_words",
                   "paragraphs", "n_paragraphs", "paragraph_share", "sentences", "n_sentences",
                   "sentence_share", "hit_share"]


def topic_summary(article: Article, hits: pd.DataFrame, lexicon: Lexicon | None = None
                  ) -> pd.DataFrame:
    """Per topic: hits, the words they are counted against, hits per 1,000 words, paragraphs and
    sentences mentioning it (with their totals and shares), and the share of all hits.
    Every lexicon topic has a row, zero hits included; rows are sorted by hits.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Trade grew. Security too.\\nExports and troops again.", "x")
    >>> s = topic_summary(art, topic_hits(art))
    >>> s[s.hits > 0][["topic", "hits", "words", "paragraph_share"]].values.tolist()
    [['conflict', 2, 8, 1.0], ['economy', 2, 8, 1.0]]
    """
    lex = lexicon or default_lexicon()
    words = len(article.body_tokens)
    n_par = len(article.paragraphs)
    n_sent = len(article.sentences)
    total = len(hits)
    rows = []
    for t in lex.topics:
        h = hits[hits["topic"] == t.id] if total else hits
        k = len(h)
        paragraphs = h["paragraph"].nunique() if k else 0
        sentences = h["sentence"].nunique() if k else 0
        rows.append((article.id, t.id, t.label, k, words,
                     1000 * k / words if words else None,
                     paragraphs, n_par, paragraphs / n_par if n_par else None,
                     sentences, n_sent, sentences / n_sent if n_sent else None,
                     k / total if total else None))
    df = pd.DataFrame.from_records(rows, columns=SUMMARY_COLUMNS)
    order = {t.id: i for i, t in enumerate(lex.topics)}
    df["_o"] = df["topic"].map(order)
    df = df.sort_values(["hits", "_o"], ascending=[False, True]).drop(columns="_o")
    return df.reset_index(drop=True)


def topic_breakdown(article: Article, hits: pd.DataFrame, by: str = "section",
                    quotes: pd.DataFrame | None = None, lexicon: Lexicon | None = None
                    ) -> pd.DataFrame:
    """Hits per topic and section (``by="section"``) or per speaker vs narration
    (``by="speaker"``, needs ``quotes``), with each group's word count and hits per 1,000 words.

    Columns: article_id, group, group_label, topic, label, hits, words, per_1000_words.
    Every (group, topic) pair has a row, so the table can be pivoted into a heatmap.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Trade, exports.\\nSecurity\\nPolice, troops, arrests, army.", "x")
    >>> df = topic_breakdown(art, topic_hits(art))
    >>> df[df.hits > 0][["group_label", "topic", "hits"]].values.tolist()
    [['(lede)', 'economy', 2], ['Security', 'conflict', 2], ['Security', 'crime', 2]]
    """
    lex = lexicon or default_lexicon()
    body = article.body_tokens
    section_of = {b.index: b.section for b in article.blocks}
    if by == "section":
        groups = [(str(s.index), s.title) for s in article.sections]
        words = Counter(str(section_of[t.block]) for t in body)
        hit_group = hits["section"].astype(str) if len(hits) else pd.Series(dtype=str)
    elif by == "speaker":
        spans = _quote_lookup(quotes)
        owner = [(_in_quote(spans, t.start, t.end)) for t in body]
        names = ["narration" if not q else (s if isinstance(s, str) else "(unattributed)")
                 for q, s in owner]
        words = Counter(names)
        groups = [("narration", "narration")] + [(s, s) for s in sorted(set(names) -
                                                                       {"narration"})]
        hit_group = (hits["speaker"].fillna("(unattributed)").where(hits["in_quote"],
                                                                     "narration")
                     if len(hits) else pd.Series(dtype=str))
    else:
        raise ValueError(f"by must be 'section' or 'speaker', not {by!r}")
    counts = Counter(zip(hit_group, hits["topic"], strict=True)) if len(hits) else Counter()
    rows = []
    for gid, glabel in groups:
        w = words.get(gid, 0)
        for t in lex.topics:
            k = counts.get((gid, t.id), 0)
            rows.append((article.id, gid, glabel, t.id, t.label, k, w,
                         1000 * k / w if w else None))
    return pd.DataFrame.from_records(rows, columns=["article_id", "group", "group_label", "topic",
                                                    "label", "hits", "words",
                                                    "per_1000_words"])
