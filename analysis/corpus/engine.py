"""Running the per-article function over a corpus: in-process, on a local process pool, or on a
Dask distributed cluster — the same :func:`run_batch` everywhere, so the tables are the same.

:func:`run_corpus` validates the input (:func:`analysis.corpus.sources.open_corpus`), skips the
articles whose latest committed result has the same key (text SHA-256 + code version + lexicon
SHA-256), cuts the rest into batches in input order, runs :func:`run_batch` on each (which writes
its batch atomically, :func:`analysis.corpus.store.write_batch`), then compacts the tables
(:func:`analysis.corpus.store.finalise`) and writes ``manifest.json``. At most a few batches per
worker are in flight, so memory does not grow with the corpus.

Where the time goes besides the per-article stages, and what keeps it small: every worker writes
its own batch files (only a small summary travels back); pool workers are forked after the
resources are loaded and frozen out of the garbage collector (:func:`_ready`), which also runs
less often while a batch is analysed (:data:`GC_THRESHOLD`); the parent does not import pandas
before forking and the workers never do (:func:`_arrow_without_pandas`); batch sizes shrink
towards the end of the input so the workers finish together (:func:`_batches`); the parent
imports what the compaction and the report need (:func:`_prefetch`) and hashes the input for
the manifest while the workers analyse; the report asks two questions at a time
(:data:`analysis.corpus.report.REPORT_THREADS`); the manifest's ``timings`` give
the analysis wall time, the workers' analyse and write seconds, the compaction time and the CPU
seconds of the client and of the pool workers.

Where the workers' wall time went is in ``timings`` too (:func:`_account`): of ``worker_s``
(workers × analysis wall time), the seconds spent on a CPU in batches (``batch_cpu_s``), waiting
in the run queue for a CPU while a batch was ready (``batch_runqueue_s``, Linux; the machine
busy with other work) and with no batch to run (``worker_idle_s``: start-up, the parent
handing out work, the last batches). On a shared machine whose kernel groups processes by
session (``sched_autogroup``), a command and all its workers share one session's part of the
CPUs, so under load ``--jobs 2`` gets no more CPU than ``--jobs 1``: the run-queue seconds show
it, and the CPU milliseconds per article are then the measure to compare.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis._gc import ARTICLE_GC_THRESHOLD, article_gc
from analysis.config import PACKAGE_DIR
from analysis.corpus import store
from analysis.corpus.records import article_records
from analysis.corpus.sources import Item, manifest_files, open_corpus
from analysis.corpus.store import store_sha256
from analysis.topics import DEFAULT_LEXICON, load_lexicon


@lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-256 (first 16 hex digits) of the package's code and resources: any change to how
    numbers are made gives a new version, so a rerun recomputes every article.

    >>> len(code_version())
    16
    """
    h = hashlib.sha256()
    files = sorted(p for p in PACKAGE_DIR.rglob("*")
                   if p.is_file() and p.suffix in (".py", ".csv", ".txt", ".toml")
                   and "__pycache__" not in p.parts)
    for p in files:
        h.update(p.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def article_key(sha256: str, code: str, lexicon_sha256: str) -> str:
    """The key that decides whether a rerun may skip an article.

    >>> article_key("a" * 64, "c0de", "b" * 64)[:12]
    '9d5ca9da2d2e'
    """
    return hashlib.sha256(f"{sha256}:{code}:{lexicon_sha256}".encode()).hexdigest()


@lru_cache(maxsize=4)
def _lexicon(path: str | None):
    return load_lexicon(path) if path else load_lexicon(None)


#: The cyclic garbage collector's thresholds while a batch runs. Nearly everything an article
#: allocates is freed by reference counting; Python's default (a young-generation pass every
#: 700 allocations) spent about 5 % of the analysis walking the batch's rows again and again.
GC_THRESHOLD = ARTICLE_GC_THRESHOLD
_READY = False


def _ready(lexicon: str | None) -> None:
    """Once per process: load every lazily loaded resource (one tiny article), then freeze
    what is alive — modules, dictionaries, lexicon — out of the garbage collector's passes (and,
    before a fork, out of copy-on-write page copies)."""
    global _READY
    if not _READY:
        _warm_up(lexicon)
        gc.freeze()
        _READY = True


class _NoPandas:
    """An import finder that refuses pandas (see :func:`_arrow_without_pandas`)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed to write batch files")
        return None


def _arrow_without_pandas() -> None:
    """In a pool worker: keep pyarrow from importing pandas (about 0.26 s of CPU) when it
    first converts a batch to Arrow.

    pyarrow tries to import pandas once, on its first conversion, only to recognise pandas
    objects (batches hold tuples of plain values) and remembers when it could not; it tries
    again only where pandas is required (e.g. ``to_pandas``). So one tiny conversion with
    pandas refused leaves the worker without it, and its batch files are byte-identical
    (``tests/test_corpus_speed.py``). Before, the parent imported pandas before forking, a
    quarter of a second of the start-up in which no worker could run. A process that has
    pandas already is left alone; any surprise only leaves pyarrow to import it as before.
    """
    if "pandas" in sys.modules:
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        import pyarrow as pa

        pa.array([0], type=pa.int64())
    except Exception:  # noqa: BLE001 - only speed is at stake; the batch imports it then
        pass
    finally:
        sys.meta_path.remove(finder)


def run_batch(items: list[Item], name: str, out_dir: str, lexicon_path: str | None,
              keys: list[str]) -> dict:
    """Analyse a batch of articles and write it (``batches/<name>``); the unit of work of every
    engine. Returns counts and the time spent, for progress and the manifest.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> run_batch([Item("a", {"id": "a"}, "0", text="One. Two.")], "r00001-b0000000", d,
    ...           None, ["k"])["ok"]
    1
    """
    t0 = time.perf_counter()
    c0, q0 = time.process_time(), _runqueue_s()
    _ready(lexicon_path)
    lex = _lexicon(lexicon_path)
    tables: dict[str, list[tuple]] = {}
    ok = 0
    with article_gc(freeze=False):  # thresholds restored by the last batch to leave (threads)
        for item, key in zip(items, keys, strict=True):
            rec = article_records(item, lex, key)
            ok += bool(rec["articles"])
            for t, rows in rec.items():
                tables.setdefault(t, []).extend(rows)
        write_batch_t0 = time.perf_counter()
        store.write_batch(Path(out_dir), name, tables)
    t1 = time.perf_counter()
    q1 = _runqueue_s()
    return {"name": name, "articles": len(items), "ok": ok, "failed": len(items) - ok,
            "analyse_s": write_batch_t0 - t0, "write_s": t1 - write_batch_t0, "pid": os.getpid(),
            "cpu_s": time.process_time() - c0,
            "runqueue_s": q1 - q0 if q0 is not None and q1 is not None else None}


def _runqueue_s() -> float | None:
    """Seconds this thread has waited in the kernel's run queue (ready, but no CPU free) since
    it started; None where the kernel does not say (not Linux, or no schedstats).

    >>> x = _runqueue_s(); x is None or x >= 0
    True
    """
    try:
        with open("/proc/thread-self/schedstat", "rb") as fh:
            return int(fh.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may run on (its affinity mask, e.g.
    under ``taskset`` or a container's cpuset), not every CPU of the machine.

    >>> 1 <= default_jobs() <= (os.cpu_count() or 1)
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on macOS / Windows
        return os.cpu_count() or 1


def _account(wall: float, workers: int, timing: dict) -> dict:
    """Where the workers' time went during the analysis: ``workers × wall`` seconds split into
    batch CPU, run-queue wait (Linux), other time in batches (I/O, page faults) and idle time
    (no batch to run).

    >>> a = _account(10.0, 2, {"batch_wall_s": 19.0, "batch_cpu_s": 8.0,
    ...                        "batch_runqueue_s": 10.5})
    >>> a["worker_s"], a["worker_idle_s"], a["batch_other_s"]
    (20.0, 1.0, 0.5)
    """
    total = wall * workers
    rq = timing.get("batch_runqueue_s")
    out = {"worker_s": round(total, 3), "batch_cpu_s": round(timing["batch_cpu_s"], 3),
           "batch_runqueue_s": None if rq is None else round(rq, 3),
           "worker_idle_s": round(max(0.0, total - timing["batch_wall_s"]), 3)}
    if rq is not None:
        out["batch_other_s"] = round(max(0.0, timing["batch_wall_s"] - timing["batch_cpu_s"]
                                         - rq), 3)
    return out


# --------------------------------------------------------------------------- progress


class Progress:
    """Articles done, rate and ETA on stderr: a tqdm bar on a terminal, else one line every
    ``every`` articles; nothing when quiet."""

    def __init__(self, total: int, quiet: bool = False, every: int = 1000, stream=None):
        self.total, self.done, self.every = total, 0, max(1, every)
        self.stream = stream or sys.stderr
        self.t0 = time.perf_counter()
        self._next = self.every
        self.bar = None
        self.quiet = quiet
        if not quiet and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=self.stream, smoothing=0.1)

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif not self.quiet and (self.done >= self._next or self.done == self.total):
            while self._next <= self.done:
                self._next += self.every
            rate = self.done / max(time.perf_counter() - self.t0, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0
            print(f"corpus: {self.done:,}/{self.total:,} articles, {rate:,.1f} articles/s, "
                  f"ETA {eta:,.0f} s", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --------------------------------------------------------------------------- engines


#: Smallest batch the guided sizing cuts (a batch costs a few ms of files, whatever its size).
MIN_BATCH = 16


def _batches(items: Iterable[tuple[Item, str]], size: int, run: int,
             remaining: Callable[[], int] | None = None, workers: int = 1
             ) -> Iterator[tuple[str, list[Item], list[str]]]:
    """Cut ``items`` into named batches in input order: ``size`` articles each, or — given
    ``remaining`` (articles of the input not yet read) — guided sizes that shrink as the input
    runs out, at most ``size`` and at least :data:`MIN_BATCH`, so ``workers`` finish together
    instead of one waiting for the other's last big batch.

    >>> its = [(Item(str(i), {}, ""), "") for i in range(100)]
    >>> [len(b) for _, b, _ in _batches(iter(its), 40, 1)]
    [40, 40, 20]
    >>> read = []
    >>> todo = (read.append(x) or x for x in its)
    >>> [len(b) for _, b, _ in _batches(todo, 40, 1, lambda: 100 - len(read), 2)]
    [17, 16, 16, 16, 16, 16, 3]
    """
    def target() -> int:
        if remaining is None:
            return size
        return max(1, min(size, max(MIN_BATCH, -(-remaining() // (3 * workers)))))

    batch: list[Item] = []
    keys: list[str] = []
    k = 0
    want = 0
    for item, key in items:
        if not batch:
            want = target()
        batch.append(item)
        keys.append(key)
        if len(batch) >= want:
            yield f"r{run:05d}-b{k:07d}", batch, keys
            batch, keys, k = [], [], k + 1
    if batch:
        yield f"r{run:05d}-b{k:07d}", batch, keys


def _warm_up(lexicon: str | None) -> None:
    """Load every lazily loaded resource by analysing one tiny article."""
    article_records(Item("warm-up", {"id": "warm-up"}, "", text="“Trade grew in Kenya,” "
                         "Ruto said. Analysts agreed.\n"), _lexicon(lexicon))


def _run_inline(batches, out_dir, lexicon, on_done: Callable[[dict], None]) -> None:
    for name, items, keys in batches:
        on_done(run_batch(items, name, out_dir, lexicon, keys))


def _prefetch() -> None:
    """Import what the compaction and the report need (DuckDB and the corpus questions:
    about 0.15 s) while the workers analyse the first batches, instead of after the
    last one, when the run waits for it (the workers are forked before, so they never load
    them)."""
    import duckdb  # noqa: F401

    import analysis.corpus.report  # noqa: F401


def _run_pool(batches, out_dir, lexicon, jobs: int, on_done) -> None:
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # On Linux, workers are forked from this process after one warm-up article, so the CMU
    # dictionary, Punkt parameters, lexicon and gazetteer are loaded once and shared.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        _ready(lexicon)
    ctx = mp.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                             initializer=_arrow_without_pandas if method == "fork" else _ready,
                             initargs=() if method == "fork" else (lexicon,)) as pool:
        pending = set()
        fetched = False
        for name, items, keys in batches:
            pending.add(pool.submit(run_batch, items, name, out_dir, lexicon, keys))
            if len(pending) >= 2 * jobs:
                if not fetched:  # the workers are busy: the parent's imports meanwhile
                    _prefetch()
                    fetched = True
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    on_done(f.result())
        if not fetched:
            _prefetch()
        for f in pending:
            on_done(f.result())


def _run_dask(batches, out_dir, lexicon, jobs: int, scheduler: str | None, on_done) -> dict:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            from analysis.text import InputError

            raise InputError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=50)
        client = Client(cluster, timeout="60s")
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        ac = as_completed()
        in_flight = 0
        fetched = False
        for name, items, keys in batches:
            ac.add(client.submit(run_batch, items, name, out_dir, lexicon, keys, key=name,
                                 pure=False))
            in_flight += 1
            while in_flight >= 2 * workers:
                if not fetched:  # the workers are busy: the client's imports meanwhile
                    _prefetch()
                    fetched = True
                on_done(next(ac).result())
                in_flight -= 1
        if not fetched:
            _prefetch()
        for f in ac:
            on_done(f.result())
        return {"workers": workers, "scheduler": scheduler or "LocalCluster"}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stamps(paths: list[Path]) -> list[tuple[str, int, int] | None]:
    """Size and modification time (ns) of each file, None for one that cannot be read: equal
    stamps before and after a run say the input was not rewritten while it was read.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = f.write_text('{"text": "A."}\\n')
    >>> before = _stamps([f])
    >>> _ = f.open("a").write('{"text": "B."}\\n')
    >>> _stamps([f]) == before, _stamps([f.with_name("gone.csv")])
    (False, [None])
    """
    out: list[tuple[str, int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            out.append(None)
        else:
            out.append((str(p), st.st_size, st.st_mtime_ns))
    return out


@dataclass
class RunResult:
    """What a corpus run did (also written to ``manifest.json``)."""

    out_dir: Path
    manifest: dict
    problems: list[str] = field(default_factory=list)
    #: the input file (or a folder's ``articles.csv``) changed while the run read it
    input_changed: bool = False

    @property
    def failed(self) -> int:
        return self.manifest["tables"]["errors"]["rows"]


def run_corpus(input_path: str | Path, out_dir: str | Path, *, jobs: int | None = None,
               engine: str = "local", scheduler: str | None = None,
               lexicon: str | Path | None = None, batch_size: int | None = None,
               quiet: bool = False, progress_every: int = 1000) -> RunResult:
    """Analyse every article of a corpus into Parquet tables in ``out_dir`` (see the module
    docstring). Raises :class:`analysis.text.InputError` for bad input (nothing is written).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> out = tempfile.mkdtemp()
    >>> r = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> r.manifest["counts"]["analysed"], r.manifest["tables"]["quotes"]["rows"]
    (1, 17)
    >>> run_corpus(RAW_DIR, out, jobs=1, quiet=True).manifest["counts"]["skipped"]
    1
    """
    t_start = time.perf_counter()
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    jobs = jobs or default_jobs()
    stamps = _stamps(manifest_files(Path(input_path)))  # before anything reads the input
    corpus = open_corpus(input_path)
    # a file or a shipped name (validated before anything is written: LexiconError is an
    # InputError); workers get the resolved file
    lex = _lexicon(str(lexicon) if lexicon else None)
    lexicon_file = Path(lex.path or DEFAULT_LEXICON).resolve()
    lexicon_path = str(lexicon_file) if lexicon else None
    lexicon_sha = store_sha256(lexicon_file)
    code = code_version()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        from analysis.text import InputError

        raise InputError(f"{out_dir}: exists and is not a folder (--out needs a folder)")
    out.mkdir(parents=True, exist_ok=True)
    store.clean_staging(out)
    run = store.next_run(out)
    done = store.done_keys(out)
    n_total = corpus.count
    # the input's ids, streamed to a file (memory stays flat); finalise joins on them
    (out / store.STAGING).mkdir(exist_ok=True)  # removed at the start of the next run
    ids_path = out / store.STAGING / f"ids-{os.getpid()}.txt"
    ids = ids_path.open("w", encoding="utf-8")
    counts = {"input_articles": n_total, "analysed": 0, "skipped": 0}
    # a given --batch-size is used as is; else batches of up to 200 (local) or 1,000 (Dask)
    # articles (at least four per worker), shrinking towards the end of the input when several
    # workers share the work
    size = batch_size or max(1, min(200 if engine == "local" else 1000,
                                    -(-n_total // (4 * jobs))))
    guided = batch_size is None and (engine == "dask" or jobs > 1)
    progress = Progress(n_total, quiet=quiet, every=progress_every)

    def todo():
        for item in corpus.items():
            ids.write(item.article_id + "\n")
            key = article_key(item.sha256, code, lexicon_sha) if not item.error else ""
            if item.error is None and done.get(item.article_id) == key:
                counts["skipped"] += 1
                progress.update(1)
                continue
            counts["analysed"] += 1
            yield item, key

    timing = {"analyse_s": 0.0, "write_s": 0.0, "batches": 0, "batch_wall_s": 0.0,
              "batch_cpu_s": 0.0, "batch_runqueue_s": 0.0}

    def on_done(res: dict) -> None:
        timing["analyse_s"] += res["analyse_s"]
        timing["write_s"] += res["write_s"]
        timing["batch_wall_s"] += res["analyse_s"] + res["write_s"]
        timing["batch_cpu_s"] += res["cpu_s"]
        if res["runqueue_s"] is None or timing["batch_runqueue_s"] is None:
            timing["batch_runqueue_s"] = None
        else:
            timing["batch_runqueue_s"] += res["runqueue_s"]
        timing["batches"] += 1
        progress.update(res["articles"])
        if not hashing:
            _hash_inputs()

    # the inputs' SHA-256 for the manifest, read while the workers analyse (hashlib and file
    # reads release the GIL): 8 MB per 1,000 sample-sized articles, about 15 ms, was read
    # after the compaction. Started after the first batch is back, so no pool worker is
    # forked while the thread runs
    hashing: list = []  # the digests' future, once started

    def _hash_inputs() -> None:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(1, thread_name_prefix="corpus-input-sha256")
        hashing.append(pool.submit(lambda: [{"file": str(p), "sha256": store_sha256(p)}
                                            for p in corpus.input_files()]))
        pool.shutdown(wait=False)  # (the thread ends with its one task)

    batches = _batches(todo(), size, run, (lambda: n_total - counts["analysed"]
                                           - counts["skipped"]) if guided else None, jobs)
    t_run = time.perf_counter()
    engine_info: dict = {"engine": engine, "jobs": jobs, "batch_size": size}
    try:
        if engine == "dask":
            engine_info.update(_run_dask(batches, str(out), lexicon_path, jobs, scheduler,
                                         on_done))
        elif jobs == 1:
            _run_inline(batches, str(out), lexicon_path, on_done)
        else:
            _run_pool(batches, str(out), lexicon_path, jobs, on_done)
    finally:
        progress.close()
    t_final = time.perf_counter()
    ids.close()
    if not hashing:  # every article skipped: no batch ran
        _hash_inputs()
    try:
        tables = store.finalise(out, ids_path, run)
    finally:
        ids_path.unlink(missing_ok=True)
    digests = hashing[0].result()  # (a read error is raised here, in the caller's thread)
    changed = _stamps(manifest_files(Path(input_path))) != stamps
    if changed:
        corpus.problems.append(
            f"{corpus.path}: the input changed while the run read it (size or modification "
            "time differ from the start): the tables may mix its old and new contents and the "
            "manifest's SHA-256 may not be the text analysed; run again")
    t_end = time.perf_counter()
    from analysis.provenance import provenance

    wall = t_final - t_run
    workers = 1 if engine == "local" and jobs == 1 else engine_info.get("workers", jobs)
    manifest = {
        "inputs": digests,
        "input": {"path": str(corpus.path), "form": corpus.kind},
        "code_version": code,
        "lexicon": {"file": str(lexicon_file), "sha256": lexicon_sha, "name": lex.name,
                    "version": lex.version},
        "provenance": provenance(),
        "counts": {**counts, "ok": tables["articles"]["rows"],
                   "failed": tables["errors"]["rows"]},
        "problems": corpus.problems,
        "engine": engine_info,
        "tables": tables,
        "timings": {"total_s": round(t_end - t_start, 3), "analysis_wall_s": round(wall, 3),
                    "finalise_s": round(t_end - t_final, 3),
                    "worker_analyse_s": round(timing["analyse_s"], 3),
                    "worker_write_s": round(timing["write_s"], 3),
                    "articles_per_s": round(counts["analysed"] / wall, 1) if wall > 0 and
                    counts["analysed"] else None,
                    "batches": timing["batches"], **_account(wall, workers, timing)},
    }
    manifest["memory"] = _peak_memory()
    manifest["timings"].update(_cpu_times())
    store.write_manifest(out, manifest)
    return RunResult(out, manifest, corpus.problems, input_changed=changed)


def _peak_memory() -> dict:
    """Peak resident memory (MB) of this process and of its largest finished child process
    (pool workers; not Dask workers, which belong to the cluster)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return {}
    scale = 1024 if sys.platform != "darwin" else 1
    return {"client_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
                                    / 2**20, 1),
            "largest_worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN)
                                            .ru_maxrss * scale / 2**20, 1)}


def _cpu_times() -> dict:
    """CPU seconds (user + system) of this process and of its finished children (pool
    workers; not Dask workers): with the wall times, where a run's work went."""
    try:
        import resource
    except ImportError:  # not on Windows
        return {}
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return {"client_cpu_s": round(own.ru_utime + own.ru_stime, 3),
            "workers_cpu_s": round(kids.ru_utime + kids.ru_stime, 3)}
