"""The corpus engine's fixed costs (issue 11), cut without changing a table: pool workers write
their batches without importing pandas, the report asks two questions at a time and the input
is hashed while the batches run — each checked against the bytes of the plain way."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.corpus import report, store
from analysis.corpus.records import TABLES

ROOT = Path(__file__).resolve().parents[1]


def _write_corpus(path: Path, n: int = 12) -> Path:
    rows = []
    for i in range(n):
        rows.append({"id": f"a{i:03d}", "outlet": ["Daily", "Weekly"][i % 2],
                     "date": f"2024-0{1 + i % 3}-1{i % 9}",
                     "text": f"“Trade in maize grew by {i} percent,” Ann Moe said. The "
                             "police chief said the war was over.\n\nMarkets rose. “We "
                             f"will invest,” said Dan Lapp, a minister. Item {i}."})
    rows.append({"id": "empty", "text": None})  # an errors row
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# a pool worker's batch, run in a fresh interpreter (this one has pandas loaded already): the
# wrapper records whether the worker had pandas (and pyarrow.compute) once its batch was written
_POOL_SCRIPT = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    import analysis.corpus.engine as engine

    run_batch = engine.run_batch

    def spy(items, name, out_dir, lexicon, keys):
        res = run_batch(items, name, out_dir, lexicon, keys)
        (Path(out_dir) / f"pandas-{name}.json").write_text(json.dumps(
            {"pandas": "pandas" in sys.modules, "pid": os.getpid(),
             "compute": "pyarrow.compute" in sys.modules}))
        return res

    engine.run_batch = spy
    r = engine.run_corpus(sys.argv[1], sys.argv[2], jobs=2, batch_size=4, quiet=True)
    print(json.dumps({"parent_pid": os.getpid(), "failed": r.failed}))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method (Linux)")
def test_pool_workers_write_batches_without_pandas(tmp_path):
    src = _write_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", _POOL_SCRIPT, str(src), str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    parent = json.loads(proc.stdout.strip().splitlines()[-1])
    flags = [json.loads(p.read_text()) for p in sorted(out.glob("pandas-*.json"))]
    assert len(flags) == 4  # 13 articles in batches of 4
    assert {f["pid"] for f in flags} - {parent["parent_pid"]}  # ran in pool workers
    assert not any(f["pandas"] for f in flags)
    # nor pyarrow.compute (about 50 ms of CPU per worker), which Array.take imported
    assert not any(f["compute"] for f in flags)
    assert parent["failed"] == 1  # the row without text

    # the same tables as a one-process run (pandas loaded: this interpreter's)
    from analysis.corpus.engine import run_corpus

    inline = tmp_path / "inline"
    run_corpus(src, inline, jobs=1, batch_size=4, quiet=True)
    for t in TABLES:
        assert (out / f"{t}.parquet").read_bytes() == (inline / f"{t}.parquet").read_bytes(), t


def test_batch_files_do_not_depend_on_pandas_being_loaded(tmp_path):
    """Rows with a NaN (stored as null), lists and nulls: the batch a worker without pandas
    writes has the bytes of the one written with pandas loaded."""
    rows = {"topics": [("a", "t", "T", 0, 0, float("nan"), 0, 1, 0.0, 0, 1, 0.0, None)],
            "articles": [("a", "Title", None, None, "2024-01-02", None, None, None, None,
                          "0" * 64, "k", "utf-8", ["w1", "w2"], *range(13))],
            "errors": [("b", "read", "x")]}
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from analysis.corpus.engine import _arrow_without_pandas
        from analysis.corpus import store
        _arrow_without_pandas()
        rows = eval(sys.argv[2], {"nan": float("nan")})
        store.write_batch(Path(sys.argv[1]), "r00001-b0000000", rows)
        assert "pandas" not in sys.modules
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "without"),
                           repr(rows)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    import pandas  # noqa: F401

    store.write_batch(tmp_path / "with", "r00001-b0000000", rows)
    for t in TABLES:
        name = f"{store.BATCHES}/r00001-b0000000/{t}.parquet"
        assert (tmp_path / "without" / name).read_bytes() == \
            (tmp_path / "with" / name).read_bytes(), t


def test_report_does_not_depend_on_report_threads(tmp_path, monkeypatch):
    from analysis.corpus.engine import run_corpus

    src = _write_corpus(tmp_path / "c.jsonl", 20)
    out = tmp_path / "out"
    run_corpus(src, out, jobs=1, quiet=True)
    files = {}
    for threads in (1, 2):
        monkeypatch.setattr(report, "REPORT_THREADS", threads)
        res = report.write_corpus_outputs(out, draw=False)
        files[threads] = {p.relative_to(out).as_posix(): p.read_bytes()
                          for p in sorted((out / "report").rglob("*")) if p.is_file()}
        assert res["overview"]["articles"] == 20
    assert files[1] == files[2]
    assert "report/figures/share-by-outlet.csv" in files[2]
    assert res["quote_share"][0]["speaker"] in ("Ann Moe", "Dan Lapp")


@pytest.mark.parametrize("jobs", [1, 2])
def test_manifest_hashes_the_input_read_during_the_analysis(tmp_path, jobs):
    """The input's SHA-256 is read in a thread while the batches run (and once more when a
    rerun skips every article): the manifest names the file and its digest either way."""
    import hashlib

    from analysis.corpus.engine import run_corpus

    src = _write_corpus(tmp_path / "c.jsonl", 6)
    want = [{"file": str(src), "sha256": hashlib.sha256(src.read_bytes()).hexdigest()}]
    first = run_corpus(src, tmp_path / "out", jobs=jobs, batch_size=2, quiet=True)
    assert first.manifest["inputs"] == want
    again = run_corpus(src, tmp_path / "out", jobs=jobs, quiet=True)
    assert again.manifest["counts"]["skipped"] == 6 and again.manifest["inputs"] == want
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == want
