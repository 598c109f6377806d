"""Stage 6: a fresh, unlabelled batch of counted hits to label (offsets only, no text)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from . import sources as src
from .hits import ranked_topics, topic_counts
from .sources import POLNEAR_SPLITS, sha12


def draw(lexicon, polnear: Path | None, batch: str, per_topic: int, team_per_topic: int,
         seed: int, leading: int | None = None) -> list[dict]:
    """A fresh label batch: for every topic, up to ``per_topic`` counted hits of the lexicon
    from PolNeAR train/dev and ``team_per_topic`` from the team's texts, drawn uniformly with
    ``random.Random(seed)`` among the hits not labelled in any earlier batch; with ``leading``
    = K only among the hits of topics in the top K of their article's topic table
    (:func:`ranked_topics`). Rows come without a label (to be read and judged from context);
    no text is returned."""
    import random

    from analysis.text import load_article
    from analysis.topics import topic_hit_records

    labelled = {(r["file"], int(r["start"]), int(r["end"]), r["topic"])
                for r in csv.DictReader(src.LABELS.open(encoding="utf-8", newline=""))}
    pools: dict[tuple[str, str], list[dict]] = defaultdict(list)
    texts = [("team", p, str(p.relative_to(src.ROOT))) for p in src.team_paths()]
    if polnear is not None:
        texts += [("polnear", p, f"polnear:{s}/{p.stem}") for s in POLNEAR_SPLITS
                  for p in sorted((polnear / "data" / s / "text").glob("*.txt"))]
    order = [t.id for t in lexicon.topics]
    for kind, path, file_id in texts:
        digest = sha12(path)
        recs = topic_hit_records(load_article(path), lexicon)
        top = None
        if leading is not None:
            top = set(ranked_topics(topic_counts(recs), order)[:leading])
        for r in recs:
            if (file_id, r[5], r[6], r[1]) not in labelled and (top is None or r[1] in top):
                pools[(kind, r[1])].append({"file": file_id, "sha256_12": digest,
                                            "start": r[5], "end": r[6], "topic": r[1],
                                            "label": "", "batch": batch})
    rng = random.Random(seed)
    out = []
    for t in lexicon.topics:
        for kind, k in (("polnear", per_topic), ("team", team_per_topic)):
            pool = pools.get((kind, t.id), [])
            out += rng.sample(pool, min(k, len(pool)))
    return out


