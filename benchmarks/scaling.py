"""Linear time on long input: one single paragraph of 1, 2, 5 and 10 MB.

The paragraph is the sample article's body paragraphs joined and repeated (so it has quotes,
names, pronouns and topic terms throughout) and cut at a word boundary. Each size runs the whole
analysis of the CLI: text model, quotes, readability (with quote units) and topics. Reported:
seconds per stage and seconds per MB; linear time shows as a flat seconds-per-MB column.

Run: ``.venv/bin/python benchmarks/scaling.py [sizes in MB …]`` (default 1 2 5 10).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraph(size: int) -> str:
    text = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    unit = " ".join(line for line in text.split("\n") if line.endswith((".", "”")))
    big = (unit + " ") * (size // (len(unit) + 1) + 1)
    return big[:size].rsplit(" ", 1)[0] + "."


def main(argv: list[str]) -> int:
    from analysis.quotes import quotes_table
    from analysis.readability import readability_table
    from analysis.text import article_from_text
    from analysis.topics import topic_hits, topic_summary

    sizes = [float(a) for a in argv[1:]] or [1, 2, 5, 10]
    article_from_text(paragraph(20_000), "warmup")
    print(f"{'MB':>5} {'text':>7} {'quotes':>7} {'read':>7} {'topics':>7} {'total':>7} "
          f"{'s/MB':>6}  sentences  quotes")
    for mb in sizes:
        big = paragraph(int(mb * 1_000_000))
        t0 = time.perf_counter()
        art = article_from_text(big, "big")
        t1 = time.perf_counter()
        quotes = quotes_table(art)
        t2 = time.perf_counter()
        readability_table(art, quotes)
        t3 = time.perf_counter()
        topic_summary(art, topic_hits(art, quotes=quotes))
        t4 = time.perf_counter()
        total = t4 - t0
        print(f"{mb:5.0f} {t1 - t0:7.2f} {t2 - t1:7.2f} {t3 - t2:7.2f} {t4 - t3:7.2f} "
              f"{total:7.2f} {total / mb:6.2f}  {len(art.sentences):9d} {len(quotes):7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
