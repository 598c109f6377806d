"""Linear time on long input: one single paragraph of 1, 2, 5 and 10 MB.

The paragraph is the sample article's body paragraphs joined and repeated (so it has quotes,
names, pronouns and topic terms throughout) and cut at a word boundary. Each size runs the whole
analysis of the CLI: text model, quotes, readability (with quote units) and topics. Reported:
seconds per stage and seconds per MB; linear time shows as a flat seconds-per-MB column.

Run: ``.venv/bin/python benchmarks/scaling.py [sizes in MB …]`` (default 1 2 5 10).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraph(size: int) -> str:
    text = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    unit = " ".join(line for line in text.split("\n") if line.endswith((".", "”")))
    big = (unit + " ") * (size // (len(unit) + 1) + 1)
    return big[:size].rsplit(" ", 1)[0] + "."


def main(argv: list[str]) -> int:
    from adversarial import run_once  # the same whole per-article analysis, timed by stage

    from analysis.text import article_from_text

    sizes = [float(a) for a in argv[1:]] or [1, 2, 5, 10]
    article_from_text(paragraph(20_000), "warmup")
    print(f"{'MB':>5} {'text':>7} {'quotes':>7} {'read':>7} {'topics':>7} {'total':>7} "
          f"{'s/MB':>6}  sentences  quotes")
    for mb in sizes:
        r = run_once(paragraph(int(mb * 1_000_000)))
        print(f"{mb:5.0f} {r['text']:7.2f} {r['quotes']:7.2f} {r['readability']:7.2f} "
              f"{r['topics']:7.2f} {r['total']:7.2f} {r['total'] / mb:6.2f}  "
              f"{r['n_sentences']:9d} {r['n_quotes']:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
