"""Line structure on real news files: how many PolNeAR train/dev files get a sensible structure.

PolNeAR's files separate paragraphs with blank lines. Each file is read twice:

* ``as-is``: the file as published in PolNeAR;
* ``one-per-line``: the same file with blank lines removed, so every paragraph is one line (the
  shape of our sample and of many exports; the shape where one unpunctuated headline or one line
  ending in a dash used to make the whole file read as one wrapped paragraph).

A file's structure is *sensible* when it has as many blocks as the original file has non-empty
lines, separator lines (``***``) and lines continuing in lower case one that ends mid-sentence
(no blank line between) not counted. Reported per variant: files,
mean paragraphs per file, files read as a single paragraph block, files with fewer blocks than
such lines (lines merged), and sensible files.

Run: ``POLNEAR=/work/polnear .venv/bin/python benchmarks/text_structure.py``; skipped with a note
when ``POLNEAR`` is unset. Only train and dev are read (test stays held out).

``--speed`` instead times :func:`analysis.text.article_from_text` (parsing: blocks, sentences,
word tokens) on 200 generated sample-sized articles (``synthetic_articles(200, seed=1000,
paragraphs=60)``): per-article CPU time, best of 5 runs each, median and mean, with the load
average (the machine may be shared), and on PolNeAR train + dev when ``POLNEAR`` is set (each
file parsed once, as a corpus run would).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

_ENDS = tuple(".!?:;…”\"’')]")


def expected_blocks(original: str) -> int:
    """Blocks the original file should give: its non-empty lines, less separator lines (no
    words) and less lines that continue the line before them in lower case when it ends
    mid-sentence (no blank line between)."""
    count = 0
    for chunk in re.split(r"\n\s*\n", original):
        lines = [ln.strip() for ln in chunk.split("\n") if re.search(r"\w|[“”\"‘’']", ln)]
        count += sum(1 for i, ln in enumerate(lines)
                     if i == 0 or not ln[0].islower() or lines[i - 1].endswith(_ENDS))
    return count


def measure(texts: list[str], originals: list[str]) -> dict:
    from analysis.text import split_blocks

    paragraphs = single = merged = sensible = 0
    for text, original in zip(texts, originals, strict=True):
        blocks = split_blocks(text)
        n_par = sum(k == "paragraph" for k, _, _ in blocks)
        paragraphs += n_par
        want = expected_blocks(original)
        single += n_par == 1 and want > 2
        merged += len(blocks) < want
        sensible += len(blocks) == want
    n = len(texts)
    return {"files": n, "paragraphs_per_file": paragraphs / n if n else 0.0,
            "single_paragraph": single, "lines_merged": merged, "sensible": sensible}


def parse_speed(texts: list[str], repeat: int) -> tuple[float, float]:
    """Median and mean CPU seconds of ``article_from_text`` per text (best of ``repeat``)."""
    from analysis.text import article_from_text

    best = []
    for text in texts:
        times = []
        for _ in range(repeat):
            t0 = time.thread_time()
            article_from_text(text, "x")
            times.append(time.thread_time() - t0)
        best.append(min(times))
    return statistics.median(best), statistics.fmean(best)


def speed_main() -> int:
    from analysis.corpus.synthetic import synthetic_articles

    texts = [a["text"] for a in synthetic_articles(200, seed=1000, paragraphs=60)]
    print(f"load average {os.getloadavg()[0]:.2f}")
    median, mean = parse_speed(texts, 5)
    chars = statistics.fmean(map(len, texts))
    print(f"generated: {len(texts)} articles, {chars:,.0f} characters on average: "
          f"median {median * 1e3:.3f} ms, mean {mean * 1e3:.3f} ms per article")
    root = os.environ.get("POLNEAR")
    if root and Path(root, "data").is_dir():
        files = [p for split in ("train", "dev")
                 for p in sorted(Path(root, "data", split, "text").glob("*.txt"))]
        median, mean = parse_speed([p.read_text(encoding="utf-8") for p in files], 1)
        print(f"PolNeAR train+dev: {len(files)} files: median {median * 1e3:.3f} ms, "
              f"mean {mean * 1e3:.3f} ms per article")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


def main(argv: list[str]) -> int:
    if "--speed" in argv[1:]:
        return speed_main()
    root = os.environ.get("POLNEAR")
    if not root or not Path(root, "data").is_dir():
        print("POLNEAR is not set (or has no data/ folder): text structure benchmark skipped.")
        return 0
    texts = []
    for split in ("train", "dev"):
        folder = Path(root, "data", split, "text")
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    variants = {
        "as-is": texts,
        "one-per-line": [re.sub(r"\n[ \t\u00a0]*(?=\n)", "", re.sub(r"\n\s*\n", "\n", t))
                         for t in texts],
    }
    print(f"{'variant':<14} {'files':>5} {'par/file':>8} {'single':>6} {'merged':>6} "
          f"{'sensible':>8}")
    for name, group in variants.items():
        r = measure(group, texts)
        print(f"{name:<14} {r['files']:5d} {r['paragraphs_per_file']:8.1f} "
              f"{r['single_paragraph']:6d} {r['lines_merged']:6d} {r['sensible']:8d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
