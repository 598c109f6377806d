"""The stages of the corpus path's per-article function, timed one by one: shared by
``benchmarks/corpus.py`` and ``benchmarks/compiled.py``. The ``analysis`` package is imported
when :func:`stage_seconds` is called, from the first checkout on ``sys.path``, so a benchmark
can time another checkout or a compiled copy with the same code."""

from __future__ import annotations

#: The stages, in the order :func:`analysis.corpus.records.article_records` runs them.
STAGES = ("parse", "quotes", "topics", "places", "readability")


def stage_seconds(text: str, article_id: str, lex, clock):
    """One text through the stages of :func:`analysis.corpus.records.article_records`, each
    timed with ``clock``: the Article and the seconds of each of :data:`STAGES`.

    >>> import time
    >>> from analysis.topics import default_lexicon
    >>> art, secs = stage_seconds("“We trade,” Ruto said.", "x", default_lexicon(),
    ...                           time.process_time)
    >>> len(art.sentences), len(secs), all(s >= 0 for s in secs)
    (1, 5, True)
    """
    from analysis.corpus.records import quote_rows, topic_rows
    from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED, extract_quotes, find_quote_spans
    from analysis.readability import readability_records
    from analysis.text import article_from_text
    from analysis.topics import place_hit_records, topic_hit_records

    t0 = clock()
    art = article_from_text(text, article_id)
    t1 = clock()
    spans, _ = find_quote_spans(art)
    qr = quote_rows(art, extract_quotes(art, True, spans))
    t2 = clock()
    speech = sorted((r[3], r[4], r[7] or "") for r in qr if r[6] in SPEECH_KINDS)
    topic_rows(art, topic_hit_records(art, lex, speech), lex)
    t3 = clock()
    place_hit_records(art, speech)
    t4 = clock()
    readability_records(art, [(s, e, sp or UNATTRIBUTED) for s, e, sp in speech])
    t5 = clock()
    return art, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
