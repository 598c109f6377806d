"""Helping an analyst grow and check a topic lexicon: suggestions from a corpus, lexicon checks.

* :func:`suggest_corpus` reads many articles (a folder of .txt files through the CLI:
  ``python -m analysis topics FOLDER --suggest``) and proposes words and two-word collocations
  that no topic, exclusion or place covers, ranked by how distinctive they are in the corpus, with
  their counts, the number of articles using them and example occurrences (article id and
  offsets, plus a short context).
* :func:`check_lexicon` validates a lexicon (:func:`analysis.topics.load_lexicon` raises on the
  first error) and reports entries that overlap (a glob of one topic that also matches a word or
  glob of another, an exclusion shadowed by an equal term) and, given a corpus, entries that
  never match it (``python -m analysis lexicon check LEXICON [FOLDER]``).

Distinctiveness without a background corpus: a word's score is its count times
``log((N + 1) / df)`` (N articles, df articles using it), so words spread over every article
("said", "told" that escaped the stop list) sink below words concentrated in part of the corpus;
for a single article the score is the count (times log 2). Collocations are two content words
in a row inside one sentence, ranked by NLTK's likelihood ratio, offered only where at least one
of the two words is not already covered (by a term, name, exclusion or place), counting only
those occurrences. Proper nouns are left out by the
case rule of :func:`analysis.topics.suggest_terms` (capitalised inside sentences more often than
not, counted over the corpus). Memory grows with the vocabulary and its word pairs, not with the
number of articles: each article is read once and dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from analysis.text import Article
from analysis.topics import (
    Lexicon,
    _match_runs,
    default_lexicon,
    normalise,
    place_hits,
    stopwords,
)

SUGGEST_COLUMNS = ["kind", "term", "count", "articles", "score", "examples", "context"]
CHECK_COLUMNS = ["kind", "topic", "term", "detail"]


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return re.sub(r"\s+", " ", f"…{left}[{text[start:end]}]{right}…")


def suggest_corpus(articles: Iterable[Article], lexicon: Lexicon | None = None,
                   min_count: int = 3, top: int = 25, examples: int = 3) -> pd.DataFrame:
    """Words and collocations the lexicon misses across a corpus, most distinctive first.

    Columns: kind ("word" or "collocation"), term, count, articles (how many use it), score,
    examples ("article_id@start-end" of the first ``examples`` occurrences, ``;``-separated) and
    context (the first occurrence with 40 characters either side).

    >>> from analysis.text import article_from_text
    >>> arts = [article_from_text("Drones hit the depot. The drones flew low.", "a"),
    ...         article_from_text("New drones were seen near the depot.", "b")]
    >>> df = suggest_corpus(arts, min_count=2)
    >>> df[["kind", "term", "count", "articles", "examples"]].values.tolist()
    [['word', 'drones', 3, 2, 'a@0-6; a@26-32; b@4-10'], \
['word', 'depot', 2, 2, 'a@15-20; b@30-35']]
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    lex = lexicon or default_lexicon()
    stops = stopwords()
    counts: Counter = Counter()
    doc_freq: Counter = Counter()
    where: dict[str, list] = defaultdict(list)
    context: dict[str, str] = {}
    case: Counter = Counter()
    word_fd, bigram_fd = FreqDist(), FreqDist()
    pair_free: Counter = Counter()  # occurrences with at least one word not yet covered
    pair_where: dict[tuple, list] = defaultdict(list)
    pair_articles: dict[tuple, set] = defaultdict(set)
    pair_context: dict[tuple, str] = {}
    n_articles = 0
    for art in articles:
        n_articles += 1
        covered: set[int] = set()
        for _tid, _term, i, j, _reason in _match_runs(art, lex, with_dropped=True):
            covered.update(range(i, j + 1))
        places = place_hits(art)
        place_spans = list(zip(places["start"], places["end"], strict=True))
        seen_here: set[str] = set()
        previous = None
        for idx, t in enumerate(art.body_tokens):
            norm = normalise(t.text)
            word_fd[norm] += 1
            same_sentence = previous is not None and previous[0].sentence == t.sentence
            if same_sentence:
                case[norm] += 1 if t.text[:1].isupper() else -1
            is_place = any(a <= t.start < b for a, b in place_spans)
            content = norm.isalpha() and len(norm) > 2 and norm not in stops
            free = content and idx not in covered and not is_place
            if free:
                counts[norm] += 1
                if norm not in seen_here:
                    doc_freq[norm] += 1
                    seen_here.add(norm)
                if len(where[norm]) < examples:
                    where[norm].append(f"{art.id}@{t.start}-{t.end}")
                if norm not in context:
                    context[norm] = _context(art.text, t.start, t.end)
            if same_sentence:
                a, a_norm, a_content, a_free = previous
                key = (a_norm, norm)
                bigram_fd[key] += 1
                if a_content and content and (a_free or free):
                    pair_free[key] += 1
                    pair_articles[key].add(art.id)
                    if len(pair_where[key]) < examples:
                        pair_where[key].append(f"{art.id}@{a.start}-{t.end}")
                    if key not in pair_context:
                        pair_context[key] = _context(art.text, a.start, t.end)
            previous = (t, norm, content, free)
    proper = {w for w, c in case.items() if c > 0}
    rows = []
    scored = sorted(((c * math.log((n_articles + 1) / doc_freq[w]), w) for w, c in counts.items()
                     if c >= min_count and w not in proper), key=lambda x: (-x[0], x[1]))
    for score, w in scored[:top]:
        rows.append(("word", w, counts[w], doc_freq[w], round(score, 3), "; ".join(where[w]),
                     context[w]))
    finder = BigramCollocationFinder(word_fd, bigram_fd)
    finder.apply_ngram_filter(lambda w1, w2: pair_free[(w1, w2)] < min_count or
                              w1 in proper or w2 in proper)
    for (w1, w2), score in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)[:top]:
        key = (w1, w2)
        rows.append(("collocation", f"{w1} {w2}", pair_free[key], len(pair_articles[key]),
                     round(float(score), 3), "; ".join(pair_where[key]), pair_context[key]))
    return pd.DataFrame.from_records(rows, columns=SUGGEST_COLUMNS)


def _literal(term: str) -> str:
    return normalise(term.strip("*"))


def check_lexicon(lex: Lexicon, articles: Iterable[Article] | None = None) -> pd.DataFrame:
    """Problems worth a look in a (valid) lexicon; with a corpus, also what never matches it.

    Kinds: ``overlap`` (a glob of one topic matches a word or glob stem of another topic, so
    which topic a word counts for depends on list order), ``shadowed_exclude`` (an exclusion
    equal to a term of another topic: the term wins, the exclusion does nothing),
    ``never_matched`` (an entry — term, name, acronym or exclusion — that matched nothing in the
    corpus), ``never_counted`` (it matched, but every match was dropped by a rule).

    >>> from analysis.text import article_from_text
    >>> from analysis.topics import load_lexicon
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "l.toml"
    >>> _ = p.write_text('[topics.a]\\nlabel = "A"\\nterms = ["diplomat*", "trade"]\\n'
    ...                  '[topics.b]\\nlabel = "B"\\nterms = ["diploma*", "food"]\\n'
    ...                  'exclude = ["trade"]\\n', encoding="utf-8")
    >>> art = article_from_text("Trade and food.", "x")
    >>> check_lexicon(load_lexicon(p), [art])[["kind", "topic", "term"]].values.tolist()
    [['overlap', 'b', 'diploma*'], ['shadowed_exclude', 'b', 'trade'], \
['never_matched', 'a', 'diplomat*'], ['never_matched', 'b', 'diploma*'], \
['never_matched', 'b', 'trade']]
    """
    rows = []
    entries = []  # (topic, term, kind)
    for t in lex.topics:
        entries += [(t.id, w, "term") for w in t.terms]
        entries += [(t.id, w, "name") for w in t.names + t.acronyms]
        entries += [(t.id, w, "exclude") for w in t.exclude]
    single = [(tid, term) for tid, term, kind in entries if kind == "term" and " " not in term]
    globs = [(tid, term, re.compile(("" if term.startswith("*") else "^") +
                                    re.escape(_literal(term)) +
                                    ("" if term.endswith("*") else "$")))
             for tid, term in single if "*" in term]
    for gtid, gterm, pattern in globs:
        for tid, term in single:
            if tid == gtid or term == gterm:
                continue
            if pattern.search(_literal(term)):
                rows.append(("overlap", gtid, gterm,
                             f"also matches '{term}' of topic '{tid}'"))
    terms_of = {" ".join(normalise(w) for w in term.split()): tid
                for tid, term, kind in entries if kind == "term"}
    for tid, term, kind in entries:
        if kind == "exclude":
            key = " ".join(normalise(w) for w in term.split())
            if key in terms_of and terms_of[key] != tid:
                rows.append(("shadowed_exclude", tid, term,
                             f"equal to a term of topic '{terms_of[key]}', which wins"))
    if articles is not None:
        matched: Counter = Counter()
        counted: Counter = Counter()
        n = 0
        for art in articles:
            n += 1
            for tid, term, _i, _j, reason in _match_runs(art, lex, with_dropped=True):
                matched[(tid, term)] += 1
                counted[(tid, term)] += reason is None
        for tid, term, kind in entries:
            if matched[(tid, term)] == 0:
                rows.append(("never_matched", tid, term, f"no match in {n} article(s)"))
            elif kind != "exclude" and counted[(tid, term)] == 0:
                rows.append(("never_counted", tid, term,
                             f"{matched[(tid, term)]} match(es), all dropped by a rule"))
    return pd.DataFrame.from_records(rows, columns=CHECK_COLUMNS)
