"""Write the shipped sample corpus ``data/corpus/`` (deterministic; team-written phrase bank).

36 synthetic articles from :func:`analysis.corpus.synthetic.synthetic_articles` (seed 2024):
fictional people and outlets, dates across 2024. Most are ``.txt``; two are written as Markdown
and two as HTML so every folder form is exercised. ``articles.csv`` lists them all.

Run from the project root: ``.venv/bin/python data/make_sample_corpus.py``. Running it again
rewrites identical files.
"""

from __future__ import annotations

import csv
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus.synthetic import synthetic_articles  # noqa: E402

OUT = ROOT / "data" / "corpus"
N, SEED, PARAGRAPHS = 36, 2024, 12


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for k, art in enumerate(synthetic_articles(N, seed=SEED, paragraphs=PARAGRAPHS)):
        aid = art["id"].replace("synthetic", "sample")
        lines = art["text"].rstrip("\n").split("\n")
        if k % 12 == 5:  # Markdown: a '#' title and blank-line paragraphs
            name, body = f"{aid}.md", "# " + lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n"
        elif k % 12 == 11:  # HTML page
            paras = "".join(f"<p>{html.escape(x)}</p>\n" for x in lines[1:])
            name = f"{aid}.html"
            body = (f"<!DOCTYPE html>\n<html><head><title>{html.escape(lines[0])}</title>"
                    f"</head>\n<body><h1>{html.escape(lines[0])}</h1>\n{paras}</body></html>\n")
        else:
            name, body = f"{aid}.txt", art["text"]
        (out / name).write_text(body, encoding="utf-8", newline="\n")
        rows.append({"id": aid, "title": art["title"], "outlet": art["outlet"],
                     "author": art["author"], "date": art["date"], "place": "",
                     "url": "", "language": "en", "file": name})
    with (out / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} articles to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
