"""Stage 2: the text around hits — each labelled hit's sentence and paragraph, found from its file
and offsets, and the same for every counted hit of an article (for coverage).

The label files, the files they point to and their checks are the precision benchmark's
(:mod:`benchmarks.topic_precision_stages.sources`); an article's counted hits are
:func:`analysis.topics.topic_hit_records`' rows, which give each hit's sentence and block. The
text read here stays in memory: nothing of it is printed or written.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from benchmarks.topic_precision_stages import sources as src
from benchmarks.topic_precision_stages.sources import resolve, sha12

# topic_hit_records' fields (analysis.topics.hits.HIT_COLUMNS)
_TOPIC, _START, _END, _BLOCK, _SENTENCE = 1, 5, 6, 8, 10


def hit_contexts(path: Path, lexicon) -> list[dict]:
    """Every hit ``lexicon`` counts in the text at ``path``: ``start``, ``end``, ``topic``, and
    ``parts``, the sentences of its paragraph in order as ``(text, is_the_hit's_sentence)``.

    >>> import tempfile
    >>> text = ("The union said the strike would go on.\\n\\nWorkers and the union met the "
    ...         "employer; the strike and the wage talks continue. Fans cheered.\\n")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f = Path(tmp, "a.txt")
    ...     _ = f.write_text(text, encoding="utf-8")
    ...     hits = hit_contexts(f, None)
    >>> h = [h for h in hits if h["start"] > 40][0]
    >>> h["topic"], [(s[:12], own) for s, own in h["parts"]]
    ('labour', [('Workers and ', True), ('Fans cheered', False)])
    """
    from analysis.text import load_article
    from analysis.topics import topic_hit_records

    article = load_article(path)
    rows = topic_hit_records(article, lexicon)
    if not rows:
        return []
    text = article.text
    sentences = article.sentences
    blocks = {r[_BLOCK] for r in rows}
    in_block: dict[int, list[int]] = defaultdict(list)
    for s in sentences:  # one pass; only the blocks with a hit are kept
        if s.block in blocks:
            in_block[s.block].append(s.index)
    out = []
    for r in rows:
        own = r[_SENTENCE]
        parts = [(text[sentences[k].start:sentences[k].end], k == own)
                 for k in in_block[r[_BLOCK]]]
        out.append({"start": r[_START], "end": r[_END], "topic": r[_TOPIC], "parts": parts})
    return out


def contexts_at(path: Path, spans) -> dict[tuple, list[tuple[str, bool]]]:
    """The context of each ``(start, end, topic)`` span of the text at ``path``, whatever the
    lexicon counts there: the sentences of the paragraph whose sentence holds ``start``, as
    :func:`hit_contexts` gives them; a span outside every sentence (a title, a heading) is left
    out.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f = Path(tmp, "a.txt")
    ...     _ = f.write_text("A title\\n\\nOne fine day. The match went on.\\n", encoding="utf-8")
    ...     ctx = contexts_at(f, [(26, 31, "sport"), (2, 7, "arts")])
    >>> list(ctx), ctx[(26, 31, "sport")]
    ([(26, 31, 'sport')], [('One fine day.', False), ('The match went on.', True)])
    """
    from bisect import bisect_right

    from analysis.text import load_article

    article = load_article(path)
    text, sentences = article.text, article.sentences
    starts = [s.start for s in sentences]
    out: dict[tuple, list[tuple[str, bool]]] = {}
    para: dict[int, tuple[int, int]] = {}
    for span in spans:
        k = bisect_right(starts, span[0]) - 1
        if k < 0 or span[0] >= sentences[k].end:
            continue
        block = sentences[k].block
        if block not in para:  # each paragraph walked once: its sentences are consecutive
            lo = hi = k
            while lo > 0 and sentences[lo - 1].block == block:
                lo -= 1
            while hi + 1 < len(sentences) and sentences[hi + 1].block == block:
                hi += 1
            para[block] = (lo, hi)
        lo, hi = para[block]
        out[span] = [(text[sentences[j].start:sentences[j].end], j == k)
                     for j in range(lo, hi + 1)]
    return out


def labelled_hits(lexicon, polnear: Path | None, batches: set[str],
                  labels: Path | None = None) -> dict:
    """The labelled hits of ``batches`` (from ``labels``, default the first labeller's file),
    each with its label, batch, file, context (``parts``, as :func:`contexts_at`) and whether
    ``lexicon`` still counts it (``counted``); ``skipped``: rows not scored (a PolNeAR row
    without ``polnear``, a file that changed since it was labelled, a hit in no sentence)."""
    path_labels = labels or src.LABELS
    with path_labels.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["batch"] in batches]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)
    hits, skipped = [], 0
    for file_id, frows in sorted(by_file.items()):
        path = resolve(file_id, polnear)
        if path is None or not path.is_file() or sha12(path) != frows[0]["sha256_12"]:
            skipped += len(frows)
            continue
        spans = [(int(r["start"]), int(r["end"]), r["topic"]) for r in frows]
        ctx = contexts_at(path, spans)
        counted = {(h["start"], h["end"], h["topic"]) for h in hit_contexts(path, lexicon)}
        for span, r in zip(spans, frows, strict=True):
            if span not in ctx:
                skipped += 1
                continue
            hits.append({"start": span[0], "end": span[1], "topic": span[2],
                         "parts": ctx[span], "file": file_id, "batch": r["batch"],
                         "correct": r["label"] == "correct", "counted": span in counted})
    return {"hits": hits, "skipped": skipped}
