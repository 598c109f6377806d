"""Corpus storage: tidy Parquet tables written in atomic batches, compacted into one file per
table, with a ``manifest.json``.

Layout of an output folder::

    manifest.json            inputs' SHA-256, counts, versions, lexicon hash, timings, tables
    <table>.parquet          articles, quotes, topic_hits, topics, readability, places, errors
    batches/<batch>/<table>.parquet   the committed work (kept for incremental reruns)

Batch files are read once by the compaction (and by reruns): written with zstd but without
Parquet's dictionary encoding, which cost a sixth of their writing time and saved about 5 % of
their size. Their column statistics stay: without them DuckDB writes other bytes for the same
final tables. (lz4 instead of zstd measured 0.10 instead of 0.17 ms of writing per sample-sized
article and a compaction about 15 % faster, with the same final tables, but 1.65 times the
batches' disk space, which reruns keep.) A batch is written into ``.staging/`` and renamed into
``batches/`` in one step, so a batch is either complete or absent: a run killed at any point
loses at most the batches in flight, and the next run redoes exactly those. :func:`finalise`
then picks, for every article of the input, its latest attempt (an ``articles`` row, or an
``errors`` row), and writes each table sorted by ``article_id`` (DuckDB, out of core) through a
temporary file renamed into place — the tables do not depend on the number of jobs, the engine
or the batch size. The old ``manifest.json`` is removed before the first rename and the caller
writes the new one (each table's SHA-256) after the last;
:func:`analysis.corpus.questions.connect` checks the tables against it, so a run killed between
two renames is never read as one run.

>>> schema("errors").names
['article_id', 'stage', 'message', '_seq']
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from itertools import groupby
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.corpus.records import TABLES
from analysis.readability import COUNT_COLUMNS, FLAG_COLUMNS, METRIC_COLUMNS

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_TYPES: dict[str, dict[str, pa.DataType]] = {
    "articles": {"warnings": pa.list_(_S), **dict.fromkeys(
        ["headings", "paragraphs", "sentences", "words", "speech_quotes", "quoted_words",
         "unattributed_quotes", "direct", "partial", "scare", "indirect", "topic_hits",
         "place_mentions"], _I)},
    "quotes": {**dict.fromkeys(["quote_id", "part", "start", "end", "cue_start", "paragraph",
                                "block", "section", "words"], _I),
               "unbalanced": _B, "continues": _B},
    "topic_hits": {**dict.fromkeys(["start", "end", "paragraph", "block", "section",
                                    "sentence", "quote_id", "quote_part"], _I), "in_quote": _B},
    "topics": {**dict.fromkeys(["hits", "words", "paragraphs", "n_paragraphs", "sentences",
                                "n_sentences"], _I),
               **dict.fromkeys(["per_1000_words", "paragraph_share", "sentence_share",
                                "hit_share"], _F)},
    "readability": {**dict.fromkeys(COUNT_COLUMNS, _I), "linsear_sentences": _F,
                    **dict.fromkeys(METRIC_COLUMNS, _F), **dict.fromkeys(FLAG_COLUMNS, _B)},
    "places": {**dict.fromkeys(["start", "end", "paragraph", "block", "section", "sentence"],
                               _I), "in_quote": _B},
    "errors": {},
}
#: How batch files are written (:func:`write_batch`; the benchmark's per-stage costs use it too).
BATCH_WRITE_OPTIONS = {"compression": "zstd", "use_dictionary": False}
BATCHES = "batches"
STAGING = ".staging"
MANIFEST = "manifest.json"


def schema(table: str) -> pa.Schema:
    """The Arrow schema of a table in a batch file (its columns plus ``_seq``, the row's
    position within its article, dropped from the final tables).

    >>> schema("topics").field("per_1000_words").type
    DataType(double)
    """
    types = _TYPES[table]
    return pa.schema([(c, types.get(c, _S)) for c in TABLES[table]] + [("_seq", _I)])


def to_arrow(table: str, rows: list[tuple]) -> pa.Table:
    """Rows of one table (tuples in its column order, grouped by article) as an Arrow table
    with ``_seq``. A float NaN becomes null (as pandas reads a missing value), in any column.

    >>> to_arrow("errors", [("a", "read", "x"), ("b", "read", "y")]).column("_seq").to_pylist()
    [0, 0]
    >>> to_arrow("topics", [("a", "t", "T", 0, 0, float("nan"), *[None] * 7)]
    ...          ).column("per_1000_words").null_count
    1
    """
    import numpy as np

    sch = schema(table)
    if not rows:
        return sch.empty_table()
    cols = list(zip(*rows, strict=True))
    # rows come in runs, one per article: article_id is each run's id repeated (taken by
    # index, not converted string by string), _seq the row's position within its run
    runs = [(a, sum(1 for _ in g)) for a, g in groupby(cols[0])]
    counts = np.fromiter((n for _, n in runs), dtype=np.int64, count=len(runs))
    run_of_row = np.repeat(np.arange(len(runs)), counts)
    starts = np.cumsum(counts) - counts
    arrays = [_repeated_strings([a for a, _ in runs], counts)]
    arrays += [pa.array(c, type=f.type, from_pandas=True)
               for c, f in zip(cols[1:], list(sch)[1:], strict=False)]
    arrays.append(pa.array(np.arange(len(rows)) - starts[run_of_row], type=_I))
    return pa.Table.from_arrays(arrays, schema=sch)


def _repeated_strings(values: list[str], counts) -> pa.Array:
    """A string array of each value repeated its count times, built from its buffers: the
    values taken by index (``Array.take``) gave the same array, but its first use imports
    ``pyarrow.compute`` (about 50 ms of CPU in every pool worker).

    >>> import numpy as np
    >>> _repeated_strings(["a", "bé"], np.array([2, 1])).to_pylist()
    ['a', 'a', 'bé']
    """
    import numpy as np

    data = [v.encode("utf-8") for v in values]
    sizes = np.repeat(np.fromiter(map(len, data), dtype=np.int64, count=len(data)), counts)
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    if offsets[-1] >= 2**31:  # beyond a string array's 32-bit offsets: Arrow's own checks
        return pa.array(values, type=_S).take(pa.array(np.repeat(np.arange(len(values)),
                                                                 counts)))
    return pa.Array.from_buffers(_S, len(sizes), [
        None, pa.py_buffer(offsets.astype(np.int32)),
        pa.py_buffer(b"".join(v * int(n) for v, n in zip(data, counts, strict=True)))])


def write_batch(out_dir: Path, name: str, tables: dict[str, list[tuple]]) -> bool:
    """Write one batch atomically: every table into a staging folder, then one rename into
    ``batches/<name>``. Returns False when that batch already exists (a retried task).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_batch(d, "r00001-b0000000", {t: [] for t in TABLES})
    True
    >>> sorted(p.name for p in (d / "batches" / "r00001-b0000000").iterdir())[:2]
    ['articles.parquet', 'errors.parquet']
    """
    out_dir = Path(out_dir)
    target = out_dir / BATCHES / name
    if target.exists():
        return False
    (out_dir / BATCHES).mkdir(parents=True, exist_ok=True)
    (out_dir / STAGING).mkdir(parents=True, exist_ok=True)
    stage = out_dir / STAGING / f"{name}-{uuid.uuid4().hex[:8]}"
    stage.mkdir()
    try:
        for t in TABLES:
            pq.write_table(to_arrow(t, tables.get(t, [])), stage / f"{t}.parquet",
                           **BATCH_WRITE_OPTIONS)
        try:
            os.rename(stage, target)
        except OSError:
            if target.exists():
                return False
            raise
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
    return True


def clean_staging(out_dir: Path) -> None:
    """Remove half-written batches a killed run left in ``.staging/``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / STAGING / "r00001-b0000003-ab12").mkdir(parents=True)
    >>> clean_staging(d); (d / STAGING).exists()
    False
    """
    shutil.rmtree(Path(out_dir) / STAGING, ignore_errors=True)


def committed_batches(out_dir: Path) -> list[str]:
    """Names of the batches committed in ``out_dir``, oldest first.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = write_batch(d, "r00002-b0000000", {}); committed_batches(d)
    ['r00002-b0000000']
    """
    d = Path(out_dir) / BATCHES
    return sorted(p.name for p in d.iterdir() if p.is_dir()) if d.is_dir() else []


def next_run(out_dir: Path) -> int:
    """The number of this run: one more than any committed batch's (``r<run>-b<batch>``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> next_run(d), write_batch(d, "r00004-b0000000", {}), next_run(d)
    (1, True, 5)
    """
    runs = [int(b[1:6]) for b in committed_batches(out_dir) if b[:1] == "r"]
    return max(runs, default=0) + 1


#: DuckDB's memory for compaction; beyond it, sorts spill to ``.staging/duckdb`` on disk, so
#: peak memory does not grow with the corpus. (256 MB spilled from a few thousand sample-sized
#: articles on: at 10,000, 4.5-4.7 s of compaction CPU against 3.7-3.8 s with 512 MB, 3.3-3.5 s
#: with 768 MB, the same tables; the client's peak RSS 401 -> 579 MB.)
DUCKDB_MEMORY = "512MB"
# (Writing two tables at a time, a cursor each, measured 0.38-0.42 -> 0.28 s of compaction at
# 1,000 sample-sized articles, but 10-20 % more CPU from 3,000 articles on and none of the wall
# time back at 10,000: two sorts share this memory and spill more. The tables are written one
# after the other.)


def _connect(threads: int = 2, spill: Path | None = None):
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    con.execute("SET preserve_insertion_order = true")
    if spill is not None:
        con.execute(f"SET temp_directory = '{str(spill).replace(chr(39), chr(39) * 2)}'")
    return con


def _glob(out_dir: Path, table: str) -> str:
    return str(Path(out_dir) / BATCHES / "*" / f"{table}.parquet").replace("'", "''")


_ATTEMPTS = """
    SELECT article_id, key, 'ok' AS status, regexp_extract(filename, '(r\\d+-b\\d+)', 1) AS batch,
           parse_dirpath(filename) AS dir
    FROM read_parquet('{a}', filename = true, union_by_name = true)
    UNION ALL
    SELECT DISTINCT article_id, NULL, 'error', regexp_extract(filename, '(r\\d+-b\\d+)', 1),
           parse_dirpath(filename)
    FROM read_parquet('{e}', filename = true, union_by_name = true)
"""


def _current_attempts(con, out_dir: Path, run: int | None = None) -> str:
    """The attempts of :data:`_ATTEMPTS` in batches whose files have every current column of
    their table. A batch written by code with other tables (an older release's output
    folder; the code version in every article's key changes with them too) is not an
    attempt: its articles are analysed again, and its rows are never mixed into the tables.
    When every committed batch is one of run ``run`` (this process wrote them all), their
    files are not read for the check (seven scans of every file's schema)."""
    stale = set()
    prefix = f"r{run:05d}-" if run is not None else None
    fresh = prefix is not None and all(b.startswith(prefix) for b in committed_batches(out_dir))
    for t in () if fresh else TABLES:
        cols = [*TABLES[t], "_seq"]
        stale.update(d for (d,) in con.execute(f"""
            SELECT parse_dirpath(file_name) FROM parquet_schema('{_glob(out_dir, t)}')
            GROUP BY file_name
            HAVING count(DISTINCT name) FILTER (WHERE list_contains(?, name)) < ?""",
            [cols, len(cols)]).fetchall())
    con.execute("CREATE OR REPLACE TEMP TABLE stale_dirs (dir VARCHAR)")
    if stale:
        con.executemany("INSERT INTO stale_dirs VALUES (?)", [(d,) for d in sorted(stale)])
    q = _ATTEMPTS.format(a=_glob(out_dir, "articles"), e=_glob(out_dir, "errors"))
    return f"SELECT * FROM ({q}) WHERE dir NOT IN (SELECT dir FROM stale_dirs)"


def done_keys(out_dir: Path) -> dict[str, str]:
    """``{article_id: key}`` of articles whose latest committed attempt succeeded.

    >>> import tempfile
    >>> done_keys(tempfile.mkdtemp())
    {}
    """
    if not committed_batches(out_dir):
        return {}
    con = _connect()
    try:
        q = _current_attempts(con, out_dir)
        rows = con.execute(f"""
            SELECT article_id, key FROM (
              SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY batch DESC) AS n
              FROM ({q})) WHERE n = 1 AND status = 'ok'""").fetchall()
    finally:
        con.close()
    return dict(rows)


def finalise(out_dir: Path, ids: Path, run: int | None = None) -> dict[str, dict]:
    """Write the final tables for the articles of the current input (``ids``: a text file, one
    id per line) from the committed batches: each article's latest attempt, sorted by
    article_id; drop batches no longer used. Returns ``{table: {"file", "rows", "sha256"}}``.
    ``run``: the number of the run that wrote its batches with this code (see
    :func:`_current_attempts`).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = write_batch(d, "r00001-b0000000", {"errors": [("b", "read", "x")]})
    >>> _ = write_batch(d, "r00002-b0000000", {"errors": [("b", "read", "y")]})
    >>> _ = (d / "ids.txt").write_text("b\\n")
    >>> finalise(d, d / "ids.txt")["errors"]["rows"], committed_batches(d)
    (1, ['r00002-b0000000'])
    """
    out_dir = Path(out_dir)
    con = _connect(spill=out_dir / STAGING / "duckdb")
    ids_sql = str(ids).replace("'", "''")
    con.execute(f"""CREATE TEMP TABLE input_ids AS SELECT * FROM read_csv('{ids_sql}',
                    columns = {{'article_id': 'VARCHAR'}}, header = false, delim = '\t',
                    quote = '', escape = '')""")
    q = _current_attempts(con, out_dir, run)
    # each article's latest attempt: its batch folder (rows are matched by their file's folder,
    # not a regular expression per row) and its rank in article_id order (sorting by an integer
    # instead of a string: about 10 % less compaction CPU, the same files)
    con.execute(f"""
        CREATE TEMP TABLE winners AS
        SELECT article_id, batch, dir, row_number() OVER (ORDER BY article_id) AS rank FROM (
          SELECT a.*, row_number() OVER (PARTITION BY a.article_id ORDER BY a.batch DESC) AS n
          FROM ({q}) a JOIN input_ids USING (article_id)) WHERE n = 1""")
    # only the winning batches' files are read: the schema DuckDB writes (e.g. which columns
    # are NOT NULL) follows every file it scans, so superseded batches (an older release's,
    # or attempts that lost) would make the bytes of the final tables depend on them
    dirs = [d for (d,) in con.execute("SELECT DISTINCT dir FROM winners ORDER BY dir")
            .fetchall()]
    tmp = Path(tempfile.mkdtemp(prefix=".final-", dir=out_dir))
    info = {}
    try:
        for t in TABLES:
            path = tmp / f"{t}.parquet"
            cols = ", ".join(f'x."{c}"' for c in TABLES[t])
            files = [f"{d}/{t}.parquet" for d in dirs if os.path.isfile(f"{d}/{t}.parquet")]
            source = ("[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
                      if files else "'" + _glob(out_dir, t) + "'")
            con.execute(f"""
                COPY (SELECT {cols}
                      FROM read_parquet({source}, filename = true,
                                        union_by_name = true) x
                      JOIN winners w ON x.article_id = w.article_id
                       AND parse_dirpath(x.filename) = w.dir
                      ORDER BY w.rank, x._seq)
                TO '{str(path).replace("'", "''")}' (FORMAT parquet, COMPRESSION zstd)""")
            rows = pq.ParquetFile(path).metadata.num_rows
            info[t] = {"file": f"{t}.parquet", "rows": rows, "sha256": store_sha256(path)}
        used = {b for (b,) in con.execute("SELECT DISTINCT batch FROM winners").fetchall()}
        # the old manifest goes first: until the caller writes the new one (with these
        # tables' checksums), readers refuse the folder instead of mixing two runs' tables
        (out_dir / MANIFEST).unlink(missing_ok=True)
        for t in TABLES:
            os.replace(tmp / f"{t}.parquet", out_dir / f"{t}.parquet")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        con.close()
    for b in committed_batches(out_dir):
        if b not in used:
            shutil.rmtree(out_dir / BATCHES / b, ignore_errors=True)
    return info


def store_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MB chunks (inputs and tables can be larger than memory).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> store_sha256(SAMPLE_ARTICLE) == hashlib.sha256(SAMPLE_ARTICLE.read_bytes()).hexdigest()
    True
    """
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(out_dir: Path, manifest: dict) -> None:
    """Write ``manifest.json`` atomically (sorted keys, UTF-8).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_manifest(d, {"b": 1, "a": 2}); (d / MANIFEST).read_text().split()[:3]
    ['{', '"a":', '2,']
    """
    from analysis.output import dumps

    path = Path(out_dir) / MANIFEST
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(dumps(manifest) + "\n", encoding="utf-8")
    os.replace(tmp, path)
