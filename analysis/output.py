"""Turning tables into JSON-ready records, and JSON text, the same way everywhere.

>>> import pandas as pd
>>> dumps(records(pd.DataFrame({"a": [1.5, float("nan")]})))
'[\\n  {\\n    "a": 1.5\\n  },\\n  {\\n    "a": null\\n  }\\n]'
"""

from __future__ import annotations

import ctypes
import errno
import io
import json
import math
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.text import InputError


def clean(obj):
    """Plain Python values: numpy scalars unwrapped, NaN and infinities → None.

    >>> import numpy as np
    >>> clean({"a": np.int64(3), "b": float("nan")})
    {'a': 3, 'b': None}
    """
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else obj
    if isinstance(obj, dict):
        return _clean_items(obj, obj.items(), dict)
    if isinstance(obj, list):
        return _clean_items(obj, enumerate(obj), list)
    if isinstance(obj, tuple):
        return [clean(v) for v in obj]
    if obj is None or isinstance(obj, (str, int)):  # plain values: no pandas needed
        return obj
    if obj is pd.NA or obj is pd.NaT:
        return None
    if hasattr(obj, "item") and not isinstance(obj, str):
        return clean(obj.item())
    return obj


def records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain dicts (NaN/NA → None).

    >>> import pandas as pd
    >>> records(pd.DataFrame({"x": [1, None]}))
    [{'x': 1.0}, {'x': None}]
    """
    return clean(df.astype(object).where(df.notna(), None).to_dict(orient="records"))


def _clean_items(obj, items, copy):
    """``obj`` with its cleaned items, copied (by ``copy``) only where something changes: large
    outputs are not duplicated before encoding."""
    out = None
    for k, v in items:
        c = clean(v)
        if c is not v:
            if out is None:
                out = copy(obj)
            out[k] = c
    return obj if out is None else out


def dumps(obj) -> str:
    """JSON text as every command and results.json write it (UTF-8, sorted keys, 2 spaces).

    >>> dumps({"b": 1, "a": float("inf")})
    '{\\n  "a": null,\\n  "b": 1\\n}'
    """
    out = io.StringIO()
    dump(obj, out)
    return out.getvalue()


def dump(obj, fp) -> None:
    """Write :func:`dumps`'s text to the file object ``fp`` piece by piece, never holding the
    whole text (large outputs go straight to the file or stdout).

    >>> import io
    >>> buf = io.StringIO(); dump({"a": [1, 2]}, buf); buf.getvalue() == dumps({"a": [1, 2]})
    True
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    for chunk in encoder.iterencode(clean(obj)):
        fp.write(chunk)


# --------------------------------------------------------------------------- Markdown

# "_" between letters or digits never starts emphasis (CommonMark), so ids stay readable
_MD_SPECIAL = re.compile(r"([\\`*\[\]|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(value) -> str:
    """Text from ids, metadata or an article made inert in Markdown: one line, Markdown
    punctuation backslash-escaped, HTML tags and entities shown as text.

    >>> md("<script>x</script> *bold* [link](u) &amp; a|b\\nnext")
    '&lt;script&gt;x&lt;/script&gt; \\\\*bold\\\\* \\\\[link\\\\](u) &amp;amp; a\\\\|b next'
    >>> md("ruto_blinken_2024 _x_")
    'ruto_blinken_2024 \\\\_x\\\\_'
    """
    text = " ".join(str(value).split())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


# --------------------------------------------------------------------------- output folders

#: An existing output folder is replaced only when it is empty or holds a ``results.json``
#: written by this package (so ``--out ~`` or ``--out data`` can never be swept away).
OWN_RESULTS = "results.json"
OWN_PACKAGE = "news-analysis"
#: Hidden files of an existing output folder that are carried over (git placeholders).
KEEP_FILES = (".gitkeep", ".gitignore")

_STALE = re.compile(r"\.(?P<name>.+)\.(?P<kind>staging|old)-(?P<pid>\d+)-.*")


class OutputError(InputError):
    """An output folder that cannot be written; one line naming it (exit status 2)."""


def _looks_like_ours(out: Path) -> bool:
    """True when ``out`` may be replaced: empty, or holding our ``results.json``."""
    entries = [e for e in os.listdir(out) if e not in KEEP_FILES]
    if not entries:
        return True
    try:
        with open(out / OWN_RESULTS, encoding="utf-8") as fh:
            data = json.load(fh)
        return data.get("provenance", {}).get("package") == OWN_PACKAGE
    except (OSError, ValueError, AttributeError):
        return False


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def clean_stale(out: Path) -> list[Path]:
    """Remove what an interrupted run left beside ``out``: ``.<name>.staging-<pid>-*`` folders
    (never complete) and ``.<name>.old-<pid>-*`` folders (the previous outputs; put back when
    the run died between its two renames and ``out`` is missing). Folders of a run that is
    still going are left alone. Returns what was removed or restored.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     (Path(d) / ".figures.staging-999999999-x").mkdir()
    ...     [p.name for p in clean_stale(Path(d) / "figures")]
    ['.figures.staging-999999999-x']
    """
    out = Path(out)
    parent = out.parent
    done = []
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return done
    for entry in names:
        m = _STALE.fullmatch(entry)
        if not m or m["name"] != out.name or _pid_alive(int(m["pid"])):
            continue
        path = parent / entry
        if m["kind"] == "old" and not os.path.lexists(out):
            os.rename(path, out)
        else:
            shutil.rmtree(path, ignore_errors=True)
        done.append(path)
    return done


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False when
    the platform or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def sync_tree(root: Path) -> int:
    """Flush every file under ``root``, then every folder, to the disk (``fsync``), so a
    rename that publishes ``root`` never points at files a power cut could leave empty or
    short. Returns how many files and folders were flushed; file systems that cannot flush
    a folder (some network mounts) are skipped quietly.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "a.txt").write_text("a")
    ...     (Path(d) / "sub").mkdir()
    ...     _ = (Path(d) / "sub" / "b.txt").write_text("b")
    ...     sync_tree(Path(d))
    4
    """
    done = 0
    for folder, _dirs, files in os.walk(root, topdown=False):  # a folder after its contents
        for name in files:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            done += 1
        done += _sync_dir(Path(folder))
    return done


def _sync_dir(folder: Path) -> int:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return 0
    try:
        os.fsync(fd)
        return 1
    except OSError:  # EINVAL/EBADF where directories cannot be flushed
        return 0
    finally:
        os.close(fd)


def swap_in(staging: Path, out: Path) -> None:
    """Make the complete folder ``staging`` become ``out`` with one rename.

    When ``out`` does not exist, ``staging`` is renamed to it. Otherwise the two are exchanged
    atomically where the system allows it (Linux), so a reader sees either the old tree or the
    new one, never a mix; elsewhere ``out`` is first renamed to ``.<name>.old-<pid>-…`` and
    ``staging`` renamed to ``out`` (a crash between the two leaves no ``out``, and the next run
    puts the old one back). Every file of ``staging`` is flushed to the disk first
    (:func:`sync_tree`), and the parent folder after the rename, so a power cut cannot leave
    ``out`` pointing at empty files. The previous tree is then deleted.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     old, new = Path(d) / "out", Path(d) / ".out.staging-1-x"
    ...     for folder, name in ((old, "old.txt"), (new, "new.txt")):
    ...         folder.mkdir()
    ...         _ = (folder / name).write_text(name)
    ...     swap_in(new, old)
    ...     sorted(os.listdir(d)), os.listdir(old)
    (['out'], ['new.txt'])
    """
    staging, out = Path(staging), Path(out)
    sync_tree(staging)  # the new tree is on disk before any rename makes it current
    if not os.path.lexists(out):
        os.rename(staging, out)
        _sync_dir(out.parent)
        return
    if _exchange(staging, out):
        _sync_dir(out.parent)
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous outputs
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    os.rename(staging, out)
    _sync_dir(out.parent)
    shutil.rmtree(old, ignore_errors=True)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextmanager
def staged_output(out_dir: str | Path) -> Iterator[Path]:
    """Write a whole output folder at once: yields an empty staging folder beside ``out_dir``
    (same parent, so the final rename never copies); when the block ends without an error the
    staging folder replaces ``out_dir`` in one rename (:func:`swap_in`), else it is deleted and
    ``out_dir`` is untouched. Leftovers of interrupted runs are cleaned first
    (:func:`clean_stale`).

    Raises :class:`OutputError` (one line) when ``out_dir`` is a file, is a folder this package
    did not write, or cannot be written (read-only, full disk, …).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with staged_output(Path(d) / "out") as tmp:
    ...         _ = (tmp / "results.json").write_text("{}")
    ...     sorted(os.listdir(d)), os.listdir(Path(d) / "out")
    (['out'], ['results.json'])
    """
    given = str(out_dir)
    out = Path(os.path.abspath(out_dir))
    if os.path.islink(out):
        out = Path(os.path.realpath(out))
    if os.path.lexists(out) and not out.is_dir():
        raise OutputError(f"--out {given}: exists and is not a directory")
    try:
        if out.is_dir() and not _looks_like_ours(out):
            raise OutputError(f"--out {given}: a folder not written by this tool (no "
                              f"{OWN_RESULTS} of {OWN_PACKAGE}); refusing to replace it")
        if not out.parent.is_dir():
            out.parent.mkdir(parents=True)
        clean_stale(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-",
                                        dir=out.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; outputs are shared
    except OSError as exc:
        raise OutputError(f"--out {given}: cannot write ({_why(exc)})") from None
    try:
        yield staging
        for keep in KEEP_FILES:
            if (out / keep).is_file() and not os.path.lexists(staging / keep):
                shutil.copy2(out / keep, staging / keep)
        swap_in(staging, out)
    except OSError as exc:
        raise OutputError(f"--out {given}: cannot write outputs ({_why(exc)}); previous "
                          "outputs left as they were") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
