"""Lexicon building help for one article: frequent words and collocations no topic, exclusion or
place covers (:func:`suggest_terms`; for a corpus see :mod:`analysis.topic_lexicon`).
"""

from __future__ import annotations

from collections import Counter

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.text import Article
from analysis.topics.lexicon import Lexicon, default_lexicon, normalise, stopwords
from analysis.topics.matching import _match_runs
from analysis.topics.places import place_hits


def suggest_terms(article: Article, lexicon: Lexicon | None = None, min_count: int = 2,
                  top: int = 25) -> pd.DataFrame:
    """Suggested lexicon additions: frequent content words and bigram collocations (NLTK,
    likelihood ratio, frequency ≥ ``min_count``) that no topic, exclusion or place covers.

    Columns: article_id, kind ("word" or "collocation"), term, count, score.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Drones and drones. Drones again and more drones.", "x")
    >>> suggest_terms(art)[["kind", "term", "count"]].values.tolist()
    [['word', 'drones', 4]]
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    lex = lexicon or default_lexicon()
    stops = stopwords()
    covered: set[int] = set()
    for _tid, _term, i, j in _match_runs(article, lex):
        covered.update(range(i, j + 1))
    body = article.body_tokens
    places = place_hits(article)
    place_spans = list(zip(places["start"], places["end"], strict=True))
    # proper nouns (names, titles before names): capitalised inside sentences more often than not
    case = Counter()
    previous = -1
    for t in body:
        if t.sentence == previous:
            case[normalise(t.text)] += 1 if t.text[:1].isupper() else -1
        previous = t.sentence
    proper = {w for w, c in case.items() if c > 0}
    words = []
    for idx, t in enumerate(body):
        norm = normalise(t.text)
        content = norm.isalpha() and norm not in stops and len(norm) > 2 and norm not in proper
        is_place = any(a <= t.start < b for a, b in place_spans)
        words.append((norm, content and idx not in covered and not is_place))
    rows = []
    counts = Counter(w for w, free in words if free)
    for w, c in counts.most_common():
        if c < min_count or len(rows) >= top:
            break
        rows.append((article.id, "word", w, c, float(c)))
    finder = BigramCollocationFinder.from_words([w for w, _ in words])
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not w.isalpha() or w in stops or w in proper)
    free = {w for w, f in words if f}
    n_col = 0
    for (w1, w2), score in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio):
        if n_col >= top:
            break
        if w1 in free or w2 in free:
            rows.append((article.id, "collocation", f"{w1} {w2}",
                         finder.ngram_fd[(w1, w2)], float(score)))
            n_col += 1
    return pd.DataFrame.from_records(rows, columns=["article_id", "kind", "term", "count",
                                                    "score"])
