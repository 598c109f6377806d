"""Corpus inputs: a folder of article files or a JSONL, CSV or Parquet table, validated up front
and streamed as :class:`Item` records.

Forms (:func:`open_corpus` picks by path):

* a **folder** of ``.txt``, ``.md``, ``.html``/``.htm`` files, with an optional ``articles.csv``
  (columns ``file`` plus any of :data:`META_COLUMNS`). Without it, every article file is read and
  its id is the file stem. With it, files it lists that are missing and article files it does not
  list are reported (:attr:`Corpus.problems`): a missing file becomes a row of the ``errors``
  table, an unlisted file is analysed under its stem and named in a warning;
* a **JSONL** file (one JSON object per line), a **CSV** file (header row) or a **Parquet** file,
  one article per row: ``text`` required; any of :data:`META_COLUMNS` optional. Without ``id``
  the id is ``row-<n>``.

Metadata is validated before any article is analysed; the first problem raises
:class:`analysis.text.InputError` with one line naming the file and row: unknown or missing
columns, duplicate ids, ids that are not safe file names (:data:`SAFE_ID`), unparseable dates
(ISO 8601, ``2024-09-26`` or ``2024-09-26T10:00:00``), files outside the folder.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("One. Two.", encoding="utf-8")
>>> c = open_corpus(d)
>>> [(i.article_id, i.meta["file"]) for i in c.items()]
[('a', 'a.txt')]
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from analysis.inputs import ID_PATTERN, check_id
from analysis.text import InputError

#: Metadata columns every form may carry (besides ``text`` in tables and ``file`` in a folder).
META_COLUMNS = ("id", "title", "outlet", "author", "date", "place", "url", "language")
#: A safe article id: the single-article commands' rule (:data:`analysis.inputs.ID_PATTERN`).
SAFE_ID = ID_PATTERN
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Articles larger than this many bytes are refused (a row in ``errors``), not analysed.
MAX_ARTICLE_BYTES = 10_000_000


def is_safe_id(value: str) -> bool:
    """True when ``value`` can name an article (and a file) safely.

    >>> [is_safe_id(x) for x in ["a-1.txt", "..", "../x", "", "é", "a/b", "x" * 129, "a\\n"]]
    [True, False, False, False, False, False, False, False]
    """
    try:
        check_id(value)
    except InputError:
        return False
    return True


def check_date(value: str) -> str:
    """The date as given when it is ISO 8601 (a date, or a date and time); raises ValueError.

    >>> check_date("2024-09-26"), check_date("2024-09-26T10:00:00")
    ('2024-09-26', '2024-09-26T10:00:00')
    """
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"unparseable date {value!r} (expected ISO 8601, e.g. 2024-09-26)") \
            from None
    return value


def manifest_files(path: Path) -> list[Path]:
    """Files whose SHA-256 a run's manifest records for the input at ``path``: a table file,
    or a folder's ``articles.csv`` (none when the folder has no list).

    >>> manifest_files(Path("corpus.jsonl"))
    [PosixPath('corpus.jsonl')]
    """
    if path.is_dir():
        p = path / "articles.csv"
        return [p] if p.is_file() else []
    return [path]


@dataclass(frozen=True, slots=True)
class Item:
    """One article to analyse: its id, metadata, and either its text (tables) or its file's
    path (folders; read by the worker with :func:`analysis.text.load_article`).
    ``sha256`` hashes the raw bytes (file) or the UTF-8 text (table row)."""

    article_id: str
    meta: dict
    sha256: str
    text: str | None = None
    path: str | None = None
    error: str | None = None  # a problem found while reading (missing file, too large, no text)


@dataclass
class Corpus:
    """A validated corpus input. :meth:`items` streams the articles in input order."""

    path: Path
    kind: str  # folder, jsonl, csv, parquet
    problems: list[str] = field(default_factory=list)  # reported to the user (warnings)
    count: int = 0  # articles in the input
    _meta: list[tuple[int, dict]] = field(default_factory=list, repr=False)

    def input_files(self) -> list[Path]:
        """Files whose SHA-256 the manifest records (the table, or articles.csv)."""
        return manifest_files(self.path)

    def items(self) -> Iterator[Item]:
        if self.kind == "folder":
            for _, meta in self._meta:
                yield _folder_item(self.path, meta)
        else:
            yield from _table_rows(self.path, self.kind, with_text=True)


# --------------------------------------------------------------------------- validation


def _where(path: Path, row: int | None) -> str:
    return f"{path}: row {row}" if row is not None else str(path)


def _check_columns(path: Path, columns, required: str, allowed: set[str]) -> None:
    cols = [c for c in columns]
    unknown = [c for c in cols if c not in allowed]
    if unknown:
        raise InputError(f"{path}: unknown column(s) {', '.join(map(repr, unknown))} "
                         f"(allowed: {', '.join(sorted(allowed))})")
    if required not in cols:
        raise InputError(f"{path}: missing column {required!r}")


def _check_row(path: Path, row: int, meta: dict, seen: dict[str, int]) -> None:
    aid = meta["id"]
    if not isinstance(aid, str) or not is_safe_id(aid):
        raise InputError(f"{_where(path, row)}: id {aid!r} is not a safe name (letters, digits, "
                         "'.', '_', '-'; at most 128; not starting with '.' or '-')")
    if aid in seen:
        raise InputError(f"{_where(path, row)}: duplicate id {aid!r} (first at row {seen[aid]})")
    seen[aid] = row
    d = meta.get("date")
    if d:
        try:
            check_date(str(d))
        except ValueError as exc:
            raise InputError(f"{_where(path, row)}: {exc}") from None
    for k, v in meta.items():
        if v is not None and not isinstance(v, str):
            raise InputError(f"{_where(path, row)}: column {k!r} must be text, got {v!r}")


def _clean_meta(raw: dict, row: int) -> dict:
    meta = {k: raw.get(k) for k in META_COLUMNS if raw.get(k) not in (None, "")}
    if "id" not in meta:
        meta["id"] = f"row-{row}"
    if isinstance(meta.get("date"), (date, datetime)):
        meta["date"] = meta["date"].isoformat()
    return meta


def open_corpus(path: str | Path) -> Corpus:
    """Validate a corpus input and return it ready to stream (see the module docstring).

    Raises :class:`InputError` (one line, naming file and row) on the first problem.

    >>> open_corpus("no/such/place")
    Traceback (most recent call last):
    ...
    analysis.text.InputError: no/such/place: no such file or folder
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    if p.is_dir():
        return _open_folder(p)
    kind = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}.get(
        p.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: not a corpus (a folder, or a .jsonl, .csv or .parquet file)")
    seen: dict[str, int] = {}
    for row, meta, _ in _table_rows(p, kind, with_text=False):
        _check_row(p, row, meta, seen)
    if not seen:
        raise InputError(f"{path}: no articles (the table has no rows)")
    return Corpus(p, kind, count=len(seen))


# --------------------------------------------------------------------------- tables


def _table_rows(path: Path, kind: str, with_text: bool):
    """Yield (row, meta, text) while validating columns; or Items when ``with_text``."""
    allowed = {*META_COLUMNS, "text"}
    if kind == "jsonl":
        rows = _jsonl_rows(path, allowed)
    elif kind == "csv":
        rows = _csv_rows(path, allowed)
    else:
        rows = _parquet_rows(path, allowed, with_text)
    for row, raw in rows:
        meta = _clean_meta(raw, row)
        text = raw.get("text")
        if not with_text:
            yield row, meta, None
            continue
        error = None
        if not isinstance(text, str):
            error = f"row {row}: no text (the 'text' value is {text!r})"
            text, digest = None, ""
        else:
            data = text.encode("utf-8", "surrogatepass")
            digest = hashlib.sha256(data).hexdigest()
            if len(data) > MAX_ARTICLE_BYTES:
                error = f"row {row}: text of {len(data):,} bytes exceeds {MAX_ARTICLE_BYTES:,}"
                text = None
        yield Item(meta["id"], meta, digest, text=text, error=error)


def _jsonl_rows(path: Path, allowed: set[str]):
    with path.open(encoding="utf-8", errors="strict") as fh:
        row = 0
        try:
            for line in fh:
                if not line.strip():
                    continue
                row += 1
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: row {row}: not valid JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise InputError(f"{path}: row {row}: not a JSON object")
                unknown = [k for k in obj if k not in allowed]
                if unknown:
                    raise InputError(f"{path}: row {row}: unknown key(s) "
                                     f"{', '.join(map(repr, unknown))} "
                                     f"(allowed: {', '.join(sorted(allowed))})")
                if "text" not in obj:
                    raise InputError(f"{path}: row {row}: missing key 'text'")
                yield row, obj
        except UnicodeDecodeError:
            raise InputError(f"{path}: row {row + 1}: not UTF-8 text") from None


def _csv_rows(path: Path, allowed: set[str]):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            _check_columns(path, reader.fieldnames or [], "text", allowed)
            for row, raw in enumerate(reader, 1):
                if None in raw:
                    raise InputError(f"{path}: row {row}: more fields than columns")
                yield row, raw
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV ({exc})") from None


def _parquet_rows(path: Path, allowed: set[str], with_text: bool):
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - any reader failure is a user input problem
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    names = pf.schema_arrow.names
    _check_columns(path, names, "text", allowed)
    columns = names if with_text else [c for c in names if c != "text"]
    row = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for raw in batch.to_pylist():
            row += 1
            if not with_text:
                raw["text"] = ""
            yield row, raw


# --------------------------------------------------------------------------- folders


def _open_folder(p: Path) -> Corpus:
    corpus = Corpus(p, "folder")
    files = sorted(f.name for f in p.iterdir()
                   if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file())
    table = p / "articles.csv"
    seen: dict[str, int] = {}
    listed: set[str] = set()
    root = p.resolve()
    if table.is_file():
        allowed = {*META_COLUMNS, "file"}
        try:
            with table.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                _check_columns(table, reader.fieldnames or [], "file", allowed)
                for row, raw in enumerate(reader, 1):
                    name = (raw.get("file") or "").strip()
                    if None in raw:
                        raise InputError(f"{table}: row {row}: more fields than columns")
                    if not name:
                        raise InputError(f"{table}: row {row}: empty 'file'")
                    target = (p / name).resolve()
                    if Path(name).is_absolute() or not target.is_relative_to(root) or \
                            target.parent != root:
                        raise InputError(f"{table}: row {row}: file {name!r} is not inside "
                                         f"{p}")
                    if name in listed:
                        raise InputError(f"{table}: row {row}: file {name!r} listed twice")
                    listed.add(name)
                    meta = _clean_meta(raw, row)
                    if not raw.get("id"):
                        meta["id"] = Path(name).stem
                    meta["file"] = name
                    _check_row(table, row, meta, seen)
                    corpus._meta.append((row, meta))
        except UnicodeDecodeError:
            raise InputError(f"{table}: not UTF-8 text") from None
        except csv.Error as exc:
            raise InputError(f"{table}: not a readable CSV ({exc})") from None
        for _, meta in corpus._meta:
            if not (p / meta["file"]).is_file():
                corpus.problems.append(f"{table}: {meta['file']} is listed but missing")
    for name in files:
        if name in listed:
            continue
        if table.is_file():
            corpus.problems.append(f"{p / name}: not listed in articles.csv; analysed as "
                                   f"{Path(name).stem!r}")
        meta = {"id": Path(name).stem, "file": name}
        if not is_safe_id(meta["id"]):
            raise InputError(f"{p / name}: file name {name!r} does not give a safe id; list it "
                             "in articles.csv with an id")
        if meta["id"] in seen:
            raise InputError(f"{p / name}: duplicate id {meta['id']!r} (also at row "
                             f"{seen[meta['id']]} of articles.csv)")
        seen[meta["id"]] = 0
        corpus._meta.append((0, meta))
    if not corpus._meta:
        raise InputError(f"{p}: no articles (.txt, .md, .html files or articles.csv) found")
    corpus.count = len(corpus._meta)
    return corpus


def _folder_item(folder: Path, meta: dict) -> Item:
    f = folder / meta["file"]
    try:
        size = f.stat().st_size
        if f.is_symlink() and not f.resolve().is_relative_to(folder.resolve()):
            return Item(meta["id"], meta, "", error=f"{meta['file']}: link points outside "
                        "the corpus folder")
        if size > MAX_ARTICLE_BYTES:
            return Item(meta["id"], meta, "", error=f"{meta['file']}: {size:,} bytes exceeds "
                        f"{MAX_ARTICLE_BYTES:,}")
        data = f.read_bytes()
    except FileNotFoundError:
        return Item(meta["id"], meta, "", error=f"{meta['file']}: listed in articles.csv but "
                    "missing")
    except OSError as exc:
        return Item(meta["id"], meta, "", error=f"{meta['file']}: cannot read "
                    f"({exc.strerror or exc})")
    return Item(meta["id"], meta, hashlib.sha256(data).hexdigest(), path=str(f))


