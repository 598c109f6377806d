"""Untrusted input: safe ids, paths kept inside their folder, bounded reads, the metadata table.

Everything a user hands the tool (article files, ``articles.csv``, a lexicon) passes through here
before it is analysed, so the rules are written once:

* **Ids** (:data:`ID_PATTERN`): 1–128 characters from ``A–Z a–z 0–9 . _ -``, starting with a
  letter or digit (so never ``.``, ``..``, a hidden name or a path), and not a name the outputs
  use (:data:`RESERVED_IDS`, compared case-insensitively). An id becomes a folder name under
  ``--out``, so two ids that differ only in case are duplicates.
* **Paths** (:func:`resolve_inside`): a ``file`` cell is a relative path inside the input folder
  (subfolders allowed, ``/`` separated); absolute paths, ``..`` parts and symbolic links that
  lead outside the folder are refused.
* **Reading** (:func:`read_regular`): regular files only (a FIFO, socket or device is refused
  before it is opened, so nothing blocks), at most :data:`MAX_INPUT_BYTES` bytes.
* **The metadata table** (:func:`read_articles_table`): UTF-8 (a BOM is accepted),
  comma-separated, with ``id`` and ``file`` columns; every problem is one line naming the file
  and line.

Every problem raises :class:`~analysis.text.InputError` with a one-line message.

>>> check_id("ruto_blinken_2024")
'ruto_blinken_2024'
>>> check_id("../etc", "articles.csv line 3")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
analysis.text.InputError: articles.csv line 3: id '../etc' is not a safe name (...)
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analysis.text import InputError

#: The largest input file read (article, metadata table or lexicon): 50 MB.
MAX_INPUT_BYTES = 50 * 1024 * 1024

#: A safe article id: a file-system name that is never special (see the module docstring).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

#: Names used by the outputs themselves; an article id may not take them (case-insensitive).
RESERVED_IDS = frozenset({"results.json", "report.md"})

#: Columns the metadata table must have.
REQUIRED_COLUMNS = ("id", "file")

_ID_RULE = "1-128 of A-Z a-z 0-9 . _ -, starting with a letter or digit"


def _show(value: str, limit: int = 60) -> str:
    """A value quoted for a one-line message (control characters escaped, long values cut)."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return "'" + shown.encode("unicode_escape").decode("ascii").replace("'", "\\'") + "'"


def check_id(value: str, where: str = "") -> str:
    """Return ``value`` when it is a safe article id, else raise :class:`InputError`.

    >>> check_id("a.b-c_1")
    'a.b-c_1'
    >>> for bad in ["", "..", ".hidden", "a/b", "results.json", "REPORT.md", "x" * 129]:
    ...     try:
    ...         check_id(bad)
    ...     except InputError:
    ...         pass
    ...     else:
    ...         print("accepted", bad)
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise InputError(f"{prefix}id {_show(str(value))} is not a safe name ({_ID_RULE})")
    if value.casefold() in RESERVED_IDS:
        raise InputError(f"{prefix}id {_show(value)} is reserved for an output file")
    return value


def resolve_inside(root: str | Path, relative: str, where: str = "") -> Path:
    """The path of ``relative`` inside ``root``, refusing anything that leads outside it.

    ``relative`` uses ``/`` between folders. Absolute paths, ``..`` parts, backslashes and
    control characters are refused, and so is a path whose real location (symbolic links
    followed) is not inside ``root``'s real location. The file need not exist.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     resolve_inside(d, "2024/a.txt") == Path(d) / "2024" / "a.txt"
    True
    >>> resolve_inside("/data", "../etc/passwd")
    Traceback (most recent call last):
    ...
    analysis.text.InputError: file '../etc/passwd' leads outside /data
    """
    prefix = f"{where}: " if where else ""
    shown = _show(relative)
    if not relative or not relative.strip():
        raise InputError(f"{prefix}empty file name")
    if any(c < " " or c == "\x7f" for c in relative) or "\\" in relative:
        raise InputError(f"{prefix}file {shown} contains a backslash or control character")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or relative.startswith("~"):
        raise InputError(f"{prefix}file {shown} is an absolute path; give it relative to {root}")
    if ".." in pure.parts:
        raise InputError(f"{prefix}file {shown} leads outside {root}")
    root = Path(root)
    path = root.joinpath(*pure.parts)
    real_root = root.resolve()
    if not path.resolve().is_relative_to(real_root):
        raise InputError(f"{prefix}file {shown} is a link that leads outside {root}")
    return path


def read_regular(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else :class:`InputError`.

    The file is checked with ``os.stat`` before it is opened and opened non-blocking, so a FIFO
    or device (``/dev/zero``) is refused at once instead of hanging or filling memory.

    >>> read_regular("/dev/zero")
    Traceback (most recent call last):
    ...
    analysis.text.InputError: /dev/zero: not a regular file (a character device)
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    _check_stat(path, st, limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        _check_stat(path, os.fstat(fd), limit)  # the file opened is the file checked
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"{path}: larger than the {_size(limit)} input limit")
    return data


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _check_stat(path, st: os.stat_result, limit: int) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, not a text file")
    if not stat.S_ISREG(mode):
        kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
                else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a special file")
        raise InputError(f"{path}: not a regular file ({kind})")
    if st.st_size > limit:
        raise InputError(f"{path}: {st.st_size:,} bytes, larger than the {_size(limit)} input "
                         "limit")


# --------------------------------------------------------------------------- articles.csv


@dataclass(frozen=True)
class ArticleRow:
    """One validated row of the metadata table."""

    id: str
    file: str  # as written in the table ("/"-separated, relative to the folder)
    path: Path  # the file inside the folder
    line: int  # line of the table the row starts on (the header is line 1)
    meta: dict  # every column, stripped


def _decode_table(data: bytes, name: str) -> str:
    """Table bytes as text: UTF-8 (BOM dropped) or UTF-16/32 with a BOM; else one line."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {codec.upper()} despite its byte-order "
                                 "mark") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name} line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                         "save the table as UTF-8 (Excel: 'CSV UTF-8')") from None


def read_articles_table(raw_dir: str | Path, name: str = "articles.csv") -> list[ArticleRow] | None:
    """The validated rows of ``raw_dir/articles.csv``, or None when there is no such file.

    The table is UTF-8 (a BOM, as Excel writes it, is accepted; UTF-16/32 with a BOM too),
    comma-separated, with a header naming at least ``id`` and ``file``. Blank lines are skipped.
    Refused, with one line naming the table and line: other encodings, another separator, a
    missing column, a row with too few or too many cells, an unsafe or duplicate id, a ``file``
    that leads outside ``raw_dir`` or is listed twice, and a table with no rows at all (a
    header-only table lists no article; remove it to analyse every ``*.txt``).

    >>> from analysis.config import RAW_DIR
    >>> [(r.id, r.file, r.line) for r in read_articles_table(RAW_DIR)]
    [('ruto_blinken_2024', 'ruto_blinken_2024.txt', 2)]
    """
    raw_dir = Path(raw_dir)
    path = raw_dir / name
    if not os.path.lexists(path):
        return None
    text = _decode_table(read_regular(path), str(path))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InputError(f"{path}: empty table (no header line with id and file columns)")
        header = [h.strip().lstrip("\ufeff") for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            hint = ""
            if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
                sep = "';'" if ";" in header[0] else "tabs"
                hint = f"; the header is separated by {sep}: use commas"
            raise InputError(f"{path} line 1: no {' or '.join(repr(c) for c in missing)} "
                             f"column{hint}")
        dup = sorted({h for h in header if header.count(h) > 1 and h})
        if dup:
            raise InputError(f"{path} line 1: column {dup[0]!r} appears twice")
        rows: list[ArticleRow] = []
        ids: dict[str, int] = {}
        files: dict[Path, int] = {}
        real_root = raw_dir.resolve()
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line
            where = f"{path} line {line}"
            if len(cells) != len(header):
                raise InputError(f"{where}: {len(cells)} cell(s) where the header has "
                                 f"{len(header)}")
            meta = {h: c.strip() for h, c in zip(header, cells, strict=True) if h}
            aid = check_id(meta["id"], where)
            file = meta["file"]
            target = resolve_inside(raw_dir, file, where)
            key = aid.casefold()
            if key in ids:
                raise InputError(f"{where}: id {_show(aid)} already used on line {ids[key]}")
            real = target.resolve()
            if real in files:
                raise InputError(f"{where}: file {_show(file)} already listed on line "
                                 f"{files[real]}")
            if real == (real_root / name):
                raise InputError(f"{where}: file {_show(file)} is the metadata table itself")
            ids[key], files[real] = line, line
            rows.append(ArticleRow(aid, file, target, line, meta))
    except csv.Error as exc:
        raise InputError(f"{path} line {reader.line_num}: not valid CSV ({exc})") from None
    if not rows:
        raise InputError(f"{path}: lists no articles (header only); add rows, or remove it to "
                         "analyse every *.txt in the folder")
    return rows


def list_articles(raw_dir: str | Path) -> list[ArticleRow]:
    """The articles of an input folder: the rows of ``articles.csv`` when it exists, else every
    ``*.txt`` directly in the folder (id = file name without ``.txt``, which must be a safe id).

    Raises :class:`InputError` when the folder is missing, lists nothing, or any row or file
    name breaks the rules above (nothing is analysed then).

    >>> from analysis.config import RAW_DIR
    >>> [r.id for r in list_articles(RAW_DIR)]
    ['ruto_blinken_2024']
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        problem = "no such directory" if not raw_dir.exists() else "not a directory"
        raise InputError(f"{raw_dir}: {problem}")
    rows = read_articles_table(raw_dir)
    if rows is not None:
        return rows
    rows, ids = [], {}
    for p in sorted(raw_dir.glob("*.txt")):
        where = f"{p}"
        aid = check_id(p.stem, where)
        if aid.casefold() in ids:
            raise InputError(f"{where}: id {_show(aid)} differs only in case from "
                             f"{ids[aid.casefold()]}")
        ids[aid.casefold()] = p.name
        resolve_inside(raw_dir, p.name, where)
        rows.append(ArticleRow(aid, p.name, p, 0, {"id": aid, "file": p.name}))
    if not rows:
        raise InputError(f"{raw_dir}: no articles (articles.csv or *.txt) found")
    return rows
