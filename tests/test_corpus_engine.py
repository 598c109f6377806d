"""Corpus runs: the tables do not depend on --jobs or the engine (local pool, Dask), reruns skip
unchanged articles, a run killed with SIGKILL resumes without losing or duplicating anything,
progress goes to stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.engine import run_corpus
from analysis.corpus.records import TABLES
from analysis.corpus.synthetic import synthetic_articles

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "corpus"


def tables(out) -> dict[str, pd.DataFrame]:
    return {t: pd.read_parquet(Path(out) / f"{t}.parquet") for t in TABLES}


def assert_same(a: dict, b: dict) -> None:
    for t in TABLES:
        pd.testing.assert_frame_equal(a[t], b[t], obj=t)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs1")
    run_corpus(SAMPLE, out, jobs=1, quiet=True)
    return tables(out)


def test_jobs_and_batch_size_do_not_change_the_tables(reference, tmp_path):
    r = run_corpus(SAMPLE, tmp_path / "j2", jobs=2, batch_size=5, quiet=True)
    assert r.manifest["engine"]["jobs"] == 2 and r.manifest["timings"]["articles_per_s"] > 0
    # where the workers' time went: 36 articles in batches of 5 = 8 batches; the two workers'
    # seconds are twice the analysis wall time, split into CPU, run-queue wait and idle
    t = r.manifest["timings"]
    assert t["batches"] == 8
    assert t["worker_s"] == pytest.approx(2 * t["analysis_wall_s"], abs=0.002)
    assert 0 < t["batch_cpu_s"] < t["worker_s"] and 0 <= t["worker_idle_s"] < t["worker_s"]
    if t["batch_runqueue_s"] is not None:  # Linux
        assert t["batch_cpu_s"] + t["batch_runqueue_s"] + t["batch_other_s"] + \
            t["worker_idle_s"] == pytest.approx(t["worker_s"], rel=0.1, abs=0.1)
    assert_same(tables(tmp_path / "j2"), reference)
    assert len(reference["articles"]) == 36 and reference["errors"].empty
    assert reference["articles"]["article_id"].is_monotonic_increasing


def test_guided_batches_give_the_same_tables(reference, tmp_path, monkeypatch):
    """Default sizing with several workers: batches shrink towards the end of the input so the
    workers finish together (the floor lowered from 16 to 1 to see it on 36 articles), and the
    tables are still those of one job."""
    from analysis.corpus import engine

    monkeypatch.setattr(engine, "MIN_BATCH", 1)
    r = run_corpus(SAMPLE, tmp_path / "guided", jobs=2, quiet=True)
    assert r.manifest["engine"]["batch_size"] == 5  # 36 articles: at least 4 per worker
    sizes = [len(pd.read_parquet(b / "articles.parquet")) for b in
             sorted((tmp_path / "guided" / "batches").iterdir())]
    assert sum(sizes) == 36 and sizes[0] == 5 and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert_same(tables(tmp_path / "guided"), reference)


@pytest.mark.timeout(300)
def test_dask_equals_local(reference, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster:
        r = run_corpus(SAMPLE, tmp_path / "dask", engine="dask",
                       scheduler=cluster.scheduler_address, batch_size=4, quiet=True)
    assert r.manifest["engine"]["workers"] == 2
    assert r.manifest["engine"]["scheduler"].startswith(("tcp://", "inproc://"))
    assert_same(tables(tmp_path / "dask"), reference)


def test_rerun_skips_unchanged_and_redoes_changed(tmp_path):
    src = tmp_path / "c.jsonl"
    arts = list(synthetic_articles(8, seed=7))
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    out = tmp_path / "out"
    first = run_corpus(src, out, jobs=1, quiet=True).manifest["counts"]
    assert (first["analysed"], first["skipped"]) == (8, 0)
    again = run_corpus(src, out, jobs=1, quiet=True).manifest["counts"]
    assert (again["analysed"], again["skipped"]) == (0, 8)
    arts[3]["text"] += "“A new quote,” Grace Mwangi said.\n"
    del arts[5]
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    third = run_corpus(src, out, jobs=1, quiet=True).manifest["counts"]
    assert (third["analysed"], third["skipped"], third["ok"]) == (1, 6, 7)
    fresh = tmp_path / "fresh"
    run_corpus(src, fresh, jobs=1, quiet=True)
    assert_same(tables(out), tables(fresh))  # article 5 gone, article 3 updated, nothing twice
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text((ROOT / "analysis/resources/topics_default.toml").read_text(
        encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    fourth = run_corpus(src, out, jobs=1, quiet=True, lexicon=lexicon).manifest["counts"]
    assert fourth["analysed"] == 7  # a new lexicon hash: every article again


def test_resume_after_sigkill(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in synthetic_articles(120, seed=11)),
                   encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis", "corpus", str(src), "--out", str(out), "--jobs",
           "1", "--batch-size", "4", "--no-figures", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # never an unread pipe a child could fill
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = list((out / "batches").glob("*")) if (out / "batches").is_dir() else []
        if len(done) >= 3:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert not (out / "manifest.json").exists()
    committed = len(list((out / "batches").glob("*")))
    assert 3 <= committed < 30
    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert counts["skipped"] >= 4 * committed and counts["skipped"] + counts["analysed"] == 120
    fresh = tmp_path / "fresh"
    run_corpus(src, fresh, jobs=1, quiet=True)
    assert_same(tables(out), tables(fresh))
    assert not any((out / ".staging").glob("*")) if (out / ".staging").exists() else True


def test_progress_lines_and_quiet(tmp_path):
    cmd = [sys.executable, "-m", "analysis", "corpus", str(SAMPLE), "--jobs", "1",
           "--no-figures", "--progress-every", "10", "--batch-size", "5"]
    r = subprocess.run([*cmd, "--out", str(tmp_path / "a")], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.startswith("corpus: ") and "/36" in x]
    assert [x.split()[1] for x in lines] == ["10/36", "20/36", "30/36", "36/36"]
    assert "articles/s" in lines[0] and "ETA" in lines[0]
    assert r.stdout == ""
    q = subprocess.run([*cmd, "--out", str(tmp_path / "b"), "--quiet"], capture_output=True,
                       text=True, timeout=300)
    assert q.returncode == 0 and "/36" not in q.stderr


def test_final_tables_do_not_depend_on_superseded_batches(tmp_path):
    """Compaction reads only the winning batches' files: a superseded attempt of the same
    articles (an older run, here one whose quotes have no speakers) changes no byte of the final
    tables. Reading every batch file made DuckDB write the speaker columns as nullable, so a
    resumed run over an older folder gave other bytes than a fresh run."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.config import RAW_DIR
    from analysis.corpus import store

    out = tmp_path / "out"
    run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    fresh = {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}
    (batch,) = store.committed_batches(out)
    older = out / store.BATCHES / "r00000-b0000000"  # an earlier run's attempt: it loses
    shutil.copytree(out / store.BATCHES / batch, older)
    quotes = pq.read_table(older / "quotes.parquet")
    i = quotes.schema.get_field_index("speaker")
    assert quotes.num_rows > 0 and quotes.column(i).null_count == 0
    quotes = quotes.set_column(i, "speaker", pa.nulls(quotes.num_rows, pa.string()))
    pq.write_table(quotes, older / "quotes.parquet")
    ids = tmp_path / "ids.txt"
    ids.write_text("".join(f"{a}\n" for a in pd.read_parquet(out / "articles.parquet")
                           ["article_id"]), encoding="utf-8")
    assert sorted(store.committed_batches(out)) == ["r00000-b0000000", batch]
    store.finalise(out, ids)
    assert store.committed_batches(out) == [batch]  # the loser is dropped afterwards
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == fresh


def test_compaction_skips_the_schema_check_only_when_this_run_wrote_every_batch(tmp_path):
    """finalise(run=N) reads no batch file's schema when every committed batch is run N's (this
    code wrote them): the same bytes as with the check. A batch of another run is still
    checked: here a later batch written by other code (its quotes lack ``speaker``), which
    would win every article it holds if it were taken for an attempt."""
    import shutil

    import pyarrow.parquet as pq

    from analysis.config import RAW_DIR
    from analysis.corpus import store

    out = tmp_path / "out"
    run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    fresh = {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}
    (batch,) = store.committed_batches(out)
    assert batch.startswith("r00001-")
    ids = tmp_path / "ids.txt"
    ids.write_text("".join(f"{a}\n" for a in pd.read_parquet(out / "articles.parquet")
                           ["article_id"]), encoding="utf-8")
    assert store.finalise(out, ids, run=1)["quotes"]["rows"] == 17
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == fresh
    other = out / store.BATCHES / "r00002-b0000000"
    shutil.copytree(out / store.BATCHES / batch, other)
    quotes = pq.read_table(other / "quotes.parquet")
    pq.write_table(quotes.drop_columns(["speaker"]), other / "quotes.parquet")
    assert store.finalise(out, ids, run=1)["quotes"]["rows"] == 17
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == fresh
    assert store.committed_batches(out) == [batch]  # the other code's batch won nothing


def test_damaged_or_missing_tables_get_one_line(tmp_path):
    """The corpus questions refuse a folder with a missing or truncated table in one line
    naming the file (DuckDB's own message runs over several lines with a caret block)."""
    import shutil

    from analysis.config import RAW_DIR
    from analysis.corpus.questions import connect
    from analysis.text import InputError

    out = tmp_path / "out"
    run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    connect(out).close()
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / "places.parquet").unlink()
    with pytest.raises(InputError, match=r"places\.parquet is missing") as e:
        connect(broken)
    assert "\n" not in str(e.value)
    shutil.copy(out / "places.parquet", broken / "places.parquet")
    data = (broken / "topics.parquet").read_bytes()
    (broken / "topics.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"topics\.parquet cannot be read") as e:
        connect(broken)
    assert "\n" not in str(e.value)


def test_tables_of_two_runs_are_never_read_together(tmp_path, monkeypatch):
    """Publishing is one rename per table: a run interrupted between two renames must not leave
    a folder the questions read as one run. The old manifest is removed before the first
    rename, the new one (with every table's SHA-256) written after the last, and the questions
    check each table against it."""
    import shutil

    from analysis.config import RAW_DIR
    from analysis.corpus.questions import connect, quote_share
    from analysis.text import InputError

    out = tmp_path / "out"
    run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    other = tmp_path / "other"
    run_corpus(ROOT / "data" / "corpus", other, jobs=1, quiet=True)
    connect(out).close()
    # a table swapped in from another run: refused in one line naming the table
    mixed = tmp_path / "mixed"
    shutil.copytree(out, mixed)
    shutil.copy(other / "quotes.parquet", mixed / "quotes.parquet")
    with pytest.raises(InputError, match=r"quotes\.parquet is not the file manifest\.json "
                                         r"describes") as e:
        quote_share(mixed)
    assert "\n" not in str(e.value)
    # a publish interrupted after the first rename: the old manifest is already gone
    real = os.replace
    calls = []

    def crash_on_second(src, dst):
        if Path(dst).parent == out and Path(dst).suffix == ".parquet":
            calls.append(Path(dst).name)
            if len(calls) == 2:
                raise OSError("killed")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_second)
    with pytest.raises(OSError, match="killed"):
        run_corpus(ROOT / "data" / "corpus", out, jobs=1, quiet=True)
    monkeypatch.setattr(os, "replace", real)
    assert calls == ["articles.parquet", "quotes.parquet"]
    assert not (out / "manifest.json").exists()
    with pytest.raises(InputError, match=r"no manifest\.json \(the last corpus run did not "
                                         r"finish publishing"):
        connect(out)
    # the rerun publishes every table and the questions read them again
    run_corpus(ROOT / "data" / "corpus", out, jobs=1, quiet=True)
    assert quote_share(out, top=None).equals(quote_share(other, top=None))
    (out / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"manifest\.json cannot be read"):
        connect(out)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    from analysis.config import RAW_DIR

    out = tmp_path_factory.mktemp("sample_run")
    run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    return out


@pytest.mark.parametrize("make, message", [
    (lambda m: [], r"lists no checksum for articles\.parquet"),
    (lambda m: {"tables": []}, r"lists no checksum for articles\.parquet"),
    (lambda m: {**m, "tables": {**m["tables"], "quotes": {"sha256": 7}}},
     r"lists no checksum for quotes\.parquet"),
    (lambda m: "[" * 200_000, r"manifest\.json cannot be read \(RecursionError\)"),
    (lambda m: {"tables": m["tables"]}, r"manifest\.json lacks 'provenance'"),
    (lambda m: {**m, "lexicon": "x"}, r"manifest\.json lacks string indices"),
])
def test_a_damaged_manifest_gets_one_line(sample_run, tmp_path, make, message):
    """connect() and the corpus report refuse a manifest of the wrong shape (a list, tables of
    the wrong type, a checksum that is not a string, deep nesting, keys the report needs
    missing or of the wrong type) in one line, never a traceback."""
    import shutil

    from analysis.corpus.report import corpus_results
    from analysis.text import InputError

    folder = tmp_path / "f"
    shutil.copytree(sample_run, folder)
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    made = make(m)
    (folder / "manifest.json").write_text(made if isinstance(made, str) else json.dumps(made),
                                          encoding="utf-8")
    with pytest.raises(InputError, match=message) as e:
        corpus_results(folder)
    assert "\n" not in str(e.value)


def test_an_oversized_manifest_is_refused_unread(sample_run, tmp_path, monkeypatch):
    import shutil

    from analysis.corpus import questions as Q
    from analysis.text import InputError

    folder = tmp_path / "f"
    shutil.copytree(sample_run, folder)
    Q.connect(folder).close()
    monkeypatch.setattr(Q, "MANIFEST_MAX_BYTES", 100)
    with pytest.raises(InputError, match=r"manifest\.json is larger than 100 bytes"):
        Q.connect(folder)


def test_a_table_changed_with_its_times_restored_is_caught(sample_run, tmp_path):
    """The checksum memo is keyed by inode and ctime too: a same-size edit whose mtime is set
    back (cp -p, rsync -t, os.utime) is hashed again and refused."""
    import shutil

    from analysis.corpus import questions as Q
    from analysis.text import InputError

    folder = tmp_path / "f"
    shutil.copytree(sample_run, folder)
    Q.connect(folder).close()  # the memo now holds every table
    f = folder / "places.parquet"
    st = f.stat()
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0xFF
    f.write_bytes(bytes(data))
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_mtime_ns == st.st_mtime_ns and f.stat().st_size == st.st_size
    with pytest.raises(InputError, match=r"places\.parquet"):
        Q.connect(folder)


def test_an_input_changed_during_the_run_is_flagged(tmp_path, monkeypatch):
    # a JSONL appended to while the run reads it: the tables may mix old and new contents, so
    # the run says so (a problem, RunResult.input_changed) and the command exits 1
    import argparse

    import analysis.corpus.cli as corpus_cli
    from analysis.corpus import store

    src = tmp_path / "c.jsonl"
    arts = list(synthetic_articles(3, seed=7))
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    calm = run_corpus(src, tmp_path / "calm", jobs=1, quiet=True)
    assert not calm.input_changed and calm.problems == []

    real = store.finalise

    def finalise_after_an_append(*a, **k):
        with src.open("a", encoding="utf-8") as fh:  # another program adds an article
            fh.write(json.dumps({"text": "A late article."}) + "\n")
        return real(*a, **k)

    monkeypatch.setattr(store, "finalise", finalise_after_an_append)
    busy = run_corpus(src, tmp_path / "busy", jobs=1, quiet=True)
    assert busy.input_changed
    assert [p for p in busy.problems if "changed while the run read it" in p]
    assert busy.manifest["problems"] == busy.problems  # recorded in the manifest too
    args = argparse.Namespace(input=str(src), out=str(tmp_path / "cli"), jobs=1, engine="local",
                              scheduler=None, lexicon=None, batch_size=None, quiet=True,
                              progress_every=1000, no_figures=True, article=[], top=10)
    assert corpus_cli.run(args) == 1
