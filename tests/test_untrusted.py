"""Untrusted input (issue 10): every "Why" bullet about input files, metadata and outputs.

Folders, tables and articles here are written by the tests. Command-line error paths run
in-process through :func:`analysis.cli.main`; the few that must not hang or that kill the
process run in a subprocess. Every run of ``figures`` is watched by an audit hook
(:func:`written_paths`) that records each path opened for writing, created, renamed or
removed, so "nothing outside ``--out``" is checked on what the process really did.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from analysis import cli
from analysis import output as output_mod
from analysis import report as report_mod
from analysis.inputs import MAX_INPUT_BYTES, check_id, read_regular, resolve_inside
from analysis.text import InputError, decode_bytes, load_article

ARTICLE = "“We will trade more with our neighbours,” Ruto said in Nairobi on Monday.\n"
OTHER = "“The talks went well for both sides,” Otieno said after the meeting.\n"

# --------------------------------------------------------------------------- the write watcher

_WATCH: dict = {"on": False, "paths": []}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {"os.rename": 2, "os.replace": 2, "os.mkdir": 1, "os.remove": 1, "os.rmdir": 1,
                "shutil.rmtree": 1, "os.chmod": 1, "os.symlink": 2, "os.link": 2,
                "os.truncate": 1, "os.utime": 1, "shutil.copyfile": 2, "tempfile.mkdtemp": 1}

_DIR_FD = {"os.remove": 1, "os.rmdir": 1, "os.mkdir": 2, "os.rename": 2, "os.replace": 2}


def _hook(event, args):
    if not _WATCH["on"]:
        return
    if event == "open":
        path, _mode, flags = args
        if isinstance(path, (str, bytes, os.PathLike)) and isinstance(flags, int) \
                and flags & _WRITE_FLAGS:
            _WATCH["paths"].append((event, os.fsdecode(path)))
    elif event in _PATH_EVENTS:
        if event in _DIR_FD and args[_DIR_FD[event]] not in (None, -1):
            return  # relative to an open folder: inside a shutil.rmtree already recorded
        for p in args[: _PATH_EVENTS[event]]:
            if isinstance(p, (str, bytes, os.PathLike)):
                _WATCH["paths"].append((event, os.fsdecode(p)))


sys.addaudithook(_hook)


def figures(raw: Path, out: Path, capsys=None, *extra) -> tuple[int, str, list]:
    """Run ``figures`` in-process; return (status, stderr, every path it wrote)."""
    import matplotlib

    matplotlib.use("Agg")
    _WATCH["paths"] = []
    _WATCH["on"] = True
    try:
        rc = cli.main(["figures", "--raw", str(raw), "--out", str(out), *extra])
    finally:
        _WATCH["on"] = False
    err = capsys.readouterr().err if capsys is not None else ""
    return rc, err, list(_WATCH["paths"])


def assert_inside_out(paths, out: Path) -> None:
    """Every written path is inside ``out`` or its transient sibling staging folder."""
    out = Path(os.path.abspath(out))
    for kind, p in paths:
        p = Path(os.path.abspath(p))
        if kind == "os.mkdir" and p in out.parents:
            continue  # creating the folders that lead to --out
        ok = p == out or p.is_relative_to(out) or (
            p.parent == out.parent and p.name.startswith(f".{out.name}.")) or (
            p.parent.parent == out.parent and p.parent.name.startswith(f".{out.name}."))
        if not ok:
            for anc in p.parents:
                if anc.parent == out.parent and anc.name.startswith(f".{out.name}."):
                    ok = True
                    break
        assert ok, f"{kind} wrote {p} outside {out}"


def one_line_error(err: str, *needles: str) -> str:
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("warning: ")]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def make_raw(tmp_path: Path, csv_text: str | bytes | None, files: dict | None = None) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    for name, text in (files if files is not None else {"a.txt": ARTICLE}).items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(text, encoding="utf-8")
    if csv_text is not None:
        data = csv_text if isinstance(csv_text, bytes) else csv_text.encode("utf-8")
        (raw / "articles.csv").write_bytes(data)
    return raw


@pytest.fixture
def quick_save(monkeypatch):
    """Figures written as small stand-in files (same paths, same writes, no rasterising), for
    tests about folders and failures rather than pictures; the figure objects are still made."""
    def save(fig, stem):
        for fmt in ("png", "svg"):
            with open(stem.with_suffix(f".{fmt}"), "wb") as fh:
                fh.write(f"{fmt} of {fig.axes[0].get_title() if fig.axes else ''}".encode())

    monkeypatch.setattr(report_mod, "_save_figure", save)


def tree(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- writes outside --out


@pytest.mark.parametrize("bad_id", ["/abs/elsewhere", "../../../x", "a/b", "..", ".", ".hidden",
                                    "results.json", "Report.MD", "x" * 129, "", "a b", "é"])
def test_unsafe_id_refused_with_its_line(tmp_path, capsys, bad_id):
    raw = make_raw(tmp_path, f"id,file\nok,a.txt\n{bad_id},b.txt\n",
                   {"a.txt": ARTICLE, "b.txt": OTHER})
    out = tmp_path / "out"
    rc, err, written = figures(raw, out, capsys)
    assert rc == 2
    one_line_error(err, "articles.csv line 3: id '")
    assert written == [] and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]  # nothing created anywhere


def test_id_pattern():
    for good in ["a", "A1", "ruto_blinken_2024", "2024-09-26.v2", "x" * 128]:
        assert check_id(good) == good
    for bad in ["-a", "_a", "a\n", "a\\b", "a:b", "con/x", "x" * 129]:
        with pytest.raises(InputError):
            check_id(bad)


# --------------------------------------------------------------------------- reads any file


@pytest.mark.parametrize("bad_file", ["/etc/passwd", "../../../../etc/hostname", "../raw2/a.txt",
                                      "sub/../../x.txt", "~/x.txt", "a\\b.txt", "a\x00.txt"])
def test_file_outside_the_folder_refused(tmp_path, capsys, bad_file):
    raw = make_raw(tmp_path, None)
    (raw / "articles.csv").write_text(f'id,file\nx,"{bad_file}"\n', encoding="utf-8")
    rc, err, written = figures(raw, tmp_path / "out", capsys)
    assert rc == 2 and written == []
    one_line_error(err, "articles.csv line 2: file '")


def test_symlink_leading_outside_refused(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("“Top secret words here,” Ruto said.\n", encoding="utf-8")
    raw = make_raw(tmp_path, "id,file\nx,link.txt\n")
    (raw / "link.txt").symlink_to(secret)
    rc, err, _ = figures(raw, tmp_path / "out", capsys)
    assert rc == 2
    one_line_error(err, "line 2", "link", "outside")
    # also without a table: *.txt links leading outside are refused
    (raw / "articles.csv").unlink()
    rc, err, _ = figures(raw, tmp_path / "out", capsys)
    assert rc == 2 and "outside" in one_line_error(err)
    # a link that stays inside the folder is fine
    assert resolve_inside(raw, "a.txt") == raw / "a.txt"


# --------------------------------------------------------------------------- mixed outputs


def _kill_during(tmp_path: Path, raw: Path, out: Path, where: str) -> subprocess.CompletedProcess:
    """Run figures in a child that SIGKILLs itself at ``where``."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        import matplotlib
        matplotlib.use("Agg")
        from analysis import cli, output, report
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        def save(fig, stem):  # stand-in figures, as the quick_save fixture writes them
            for fmt in ("png", "svg"):
                stem.with_suffix("." + fmt).write_bytes(fmt.encode())
        report._save_figure = save
        if {where!r} == "report":
            report.render_report = die
        else:  # between the two renames of the portable swap
            output._exchange = lambda a, b: False
            real = os.rename
            calls = []
            def rename(a, b):
                calls.append(a)
                if len(calls) == 2:
                    die()
                return real(a, b)
            output.os.rename = rename
        sys.exit(cli.main(["figures", "--raw", {str(raw)!r}, "--out", {str(out)!r}]))
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.usefixtures("quick_save")
def test_sigkill_during_writing_leaves_previous_outputs_then_cleaned(tmp_path, capsys):
    raw = make_raw(tmp_path, None, {"a.txt": ARTICLE, "b.txt": OTHER})
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    before = tree(out)
    (raw / "a.txt").write_text(OTHER.replace("Otieno", "Amina Njeri"), encoding="utf-8")
    child = _kill_during(tmp_path, raw, out, "report")
    assert child.returncode == -signal.SIGKILL
    assert tree(out) == before  # no new audit.html or CSVs beside the old results.json
    assert list(tmp_path.glob(".out.staging-*"))  # the killed run's staging folder is left
    rc, _, _ = figures(raw, out, capsys)
    assert rc == 0 and not list(tmp_path.glob(".out.*"))  # … and removed by the next run
    assert tree(out) != before


@pytest.mark.usefixtures("quick_save")
def test_sigkill_between_renames_restores_previous(tmp_path, capsys):
    raw = make_raw(tmp_path, None)
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    before = tree(out)
    child = _kill_during(tmp_path, raw, out, "rename")
    assert child.returncode == -signal.SIGKILL
    assert not out.exists() and list(tmp_path.glob(".out.old-*"))
    restored = output_mod.clean_stale(out)
    assert restored and tree(out) == before and not list(tmp_path.glob(".out.*"))


@pytest.mark.usefixtures("quick_save")
def test_old_inner_staging_folders_and_dropped_ids_do_not_stay(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,file\na,a.txt\nb,b.txt\n", {"a.txt": ARTICLE, "b.txt": OTHER})
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    (out / ".staging-abc123").mkdir()  # what the old writer left inside the outputs
    (out / ".staging-abc123" / "results.json").write_text("{}", encoding="utf-8")
    (raw / "articles.csv").write_text("id,file\na,a.txt\n", encoding="utf-8")
    rc, _, written = figures(raw, out, capsys)
    assert rc == 0
    assert sorted(p.name for p in out.iterdir()) == ["a", "report.md", "results.json"]
    assert_inside_out(written, out)


@pytest.mark.usefixtures("quick_save")
def test_swap_is_one_rename_and_keeps_gitkeep(tmp_path, capsys, monkeypatch):
    raw = make_raw(tmp_path, None)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".gitkeep").write_text("", encoding="utf-8")
    assert figures(raw, out, capsys)[0] == 0
    assert (out / ".gitkeep").is_file() and (out / "a" / "audit.html").is_file()
    # the portable path (no renameat2) gives the same result
    monkeypatch.setattr(output_mod, "_exchange", lambda a, b: False)
    (raw / "a.txt").write_text(OTHER, encoding="utf-8")
    assert figures(raw, out, capsys)[0] == 0
    assert "Otieno" in (out / "report.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_every_output_file_is_on_disk_before_the_swap(tmp_path, capsys, monkeypatch):
    # a rename only publishes data already flushed: a power cut must not leave `out`
    # pointing at empty files (log each fsync and the publishing rename, then check the order)
    raw = make_raw(tmp_path, None)
    out = tmp_path / "out"
    log: list[tuple[str, str]] = []
    real_fsync, real_open, real_rename = os.fsync, os.open, os.rename
    real_exchange, real_swap = output_mod._exchange, output_mod.swap_in
    fd_paths: dict[int, str] = {}
    staged: list[str] = []

    def tracking_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        fd_paths[fd] = os.fspath(path)
        return fd

    def tracking_fsync(fd):
        log.append(("fsync", fd_paths.get(fd, "?")))
        return real_fsync(fd)

    def tracking_rename(a, b):
        log.append(("publish", os.fspath(a)))
        return real_rename(a, b)

    def tracking_exchange(a, b):
        log.append(("publish", os.fspath(a)))
        return real_exchange(a, b)

    def tracking_swap(staging, target):
        staged.extend(str(p) for p in Path(staging).rglob("*") if p.is_file())
        staged.append(str(staging))
        real_swap(staging, target)

    monkeypatch.setattr(output_mod.os, "fsync", tracking_fsync)
    monkeypatch.setattr(output_mod.os, "open", tracking_open)
    monkeypatch.setattr(output_mod.os, "rename", tracking_rename)
    monkeypatch.setattr(output_mod, "_exchange", tracking_exchange)
    monkeypatch.setattr(output_mod, "swap_in", tracking_swap)
    assert figures(raw, out, capsys)[0] == 0
    assert len(staged) > 5 and (out / "report.md").is_file()
    publish = log.index(("publish", staged[-1]))  # the swap that made the new tree current
    flushed = {p for kind, p in log[:publish] if kind == "fsync"}
    assert set(staged) <= flushed  # every file, and the tree's folder, flushed before it


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path, capsys):
    raw = make_raw(tmp_path, None)
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("precious", encoding="utf-8")
    rc, err, _ = figures(raw, home, capsys)
    assert rc == 2 and "not written by this tool" in one_line_error(err)
    assert (home / "thesis.tex").read_text(encoding="utf-8") == "precious"
    rc, err, _ = figures(raw, raw, capsys)
    assert rc == 2 and "overlaps the input folder" in one_line_error(err)


# --------------------------------------------------------------------------- metadata lost


@pytest.mark.usefixtures("quick_save")
def test_file_in_subfolder_keeps_its_row(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,date,place,file\nsub_a,2024-09-26,Nairobi,2024/a.txt\n",
                   {"2024/a.txt": ARTICLE})
    out = tmp_path / "out"
    rc, _, written = figures(raw, out, capsys)
    assert rc == 0
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    art = res["articles"][0]
    assert art["article_id"] == "sub_a" and art["input"]["file"] == "2024/a.txt"
    assert art["metadata"] == {"date": "2024-09-26", "place": "Nairobi"}
    assert_inside_out(written, out)
    from analysis.text import read_metadata  # the library calls find the row the same way

    assert load_article(raw / "2024" / "a.txt", read_metadata(raw / "articles.csv")).id == "sub_a"


@pytest.mark.parametrize("table, needle", [
    ("id,file\na,a.txt\nb,a.txt\n", "line 3: file 'a.txt' already listed on line 2"),
    ("id,file\na,a.txt\nb,./a.txt\n", "already listed on line 2"),
    ("id,file\na,a.txt\na,b.txt\n", "line 3: id 'a' already used on line 2"),
    ("id,file\nA,a.txt\na,b.txt\n", "already used on line 2"),
])
def test_duplicates_refused_with_both_lines(tmp_path, capsys, table, needle):
    raw = make_raw(tmp_path, table, {"a.txt": ARTICLE, "b.txt": OTHER})
    rc, err, _ = figures(raw, tmp_path / "out", capsys)
    assert rc == 2
    one_line_error(err, needle)


@pytest.mark.usefixtures("quick_save")
def test_bom_header_keeps_the_id_column(tmp_path, capsys):
    raw = make_raw(tmp_path, "\ufeffid,date,file\r\nexcel_row,2024-01-02,a.txt\r\n")
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [a["article_id"] for a in res["articles"]] == ["excel_row"]
    assert res["articles"][0]["metadata"] == {"date": "2024-01-02"}


def test_header_only_table_lists_no_articles(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,title,file\n", {"a.txt": ARTICLE, "b.txt": OTHER})
    rc, err, written = figures(raw, tmp_path / "out", capsys)
    assert rc == 2 and written == []
    one_line_error(err, "articles.csv", "lists no articles")


@pytest.mark.usefixtures("quick_save")
def test_unlisted_files_are_not_analysed(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,file\nonly_a,a.txt\n", {"a.txt": ARTICLE, "b.txt": OTHER})
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["only_a", "report.md", "results.json"]


# --------------------------------------------------------------------------- one bad article


def test_article_without_body_words_gets_its_outputs(tmp_path, capsys):
    raw = make_raw(tmp_path, None, {"a.txt": ARTICLE, "heading.txt": "Only A Heading\n"})
    out = tmp_path / "out"
    rc, err, _ = figures(raw, out, capsys)
    assert rc == 0, err
    assert (out / "heading" / "topic-frequency.png").stat().st_size > 0
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert res["failures"] == []
    assert [a["structure"]["words"] for a in res["articles"]] == [13, 0]


@pytest.mark.usefixtures("quick_save")
def test_bad_article_recorded_and_run_goes_on(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,file\ngood,a.txt\nbinary,b.bin\nmissing,nope.txt\nlate,c.txt\n",
                   {"a.txt": ARTICLE, "c.txt": OTHER})
    (raw / "b.bin").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    rc, err, written = figures(raw, out, capsys)
    assert rc == 1
    assert "2 article(s) failed" in err and "Traceback" not in err
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [a["article_id"] for a in res["articles"]] == ["good", "late"]
    assert [(f["article_id"], f["file"], f["line"]) for f in res["failures"]] == [
        ("binary", "b.bin", 3), ("missing", "nope.txt", 4)]
    assert "binary file" in res["failures"][0]["error"]
    assert "no such file" in res["failures"][1]["error"]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Articles that failed" in report and "| missing | nope.txt | 4 |" in report
    assert sorted(p.name for p in out.iterdir()) == ["good", "late", "report.md", "results.json"]
    assert_inside_out(written, out)


@pytest.mark.usefixtures("quick_save")
def test_crash_inside_analysis_is_recorded(tmp_path, capsys, monkeypatch):
    raw = make_raw(tmp_path, None, {"a.txt": ARTICLE, "b.txt": OTHER})
    real = report_mod.analyse

    def analyse(article, lexicon=None):
        if article.id == "a":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, lexicon)

    monkeypatch.setattr(report_mod, "analyse", analyse)
    out = tmp_path / "out"
    rc, _, _ = figures(raw, out, capsys)
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert rc == 1 and [a["article_id"] for a in res["articles"]] == ["b"]
    assert res["failures"][0]["error"] == "RecursionError: maximum recursion depth exceeded"
    assert not (out / "a").exists()


# --------------------------------------------------------------------------- one line, exit 2


@pytest.mark.parametrize("table, needle", [
    ("id,title\na,x\n", "line 1: no 'file' column"),
    ("file,title\na.txt,x\n", "line 1: no 'id' column"),
    ("id;title;file\na;x;a.txt\n", "separated by ';': use commas"),
    ("id,title,file\na,x\n", "line 2: 2 cell(s) where the header has 3"),
    ("id,title,file\na,x,a.txt,extra\n", "line 2: 4 cell(s)"),
    ("id,file\n\n\na,a.txt\nb,\n", "line 5: empty file name"),
    ("id,file\na,\"a.txt\n", "not valid CSV"),
    ("id,file,file\na,a.txt,a.txt\n", "column 'file' appears twice"),
    ("", "empty table"),
])
def test_bad_table_one_line_exit_2(tmp_path, capsys, table, needle):
    raw = make_raw(tmp_path, table)
    rc, err, written = figures(raw, tmp_path / "out", capsys)
    assert rc == 2 and written == []
    one_line_error(err, "articles.csv", needle)


def test_latin1_table_one_line_exit_2(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,place,file\na,Nairobi,a.txt\nb,Bogotá,a2.txt\n"
                   .encode("latin-1"), {"a.txt": ARTICLE, "a2.txt": OTHER})
    rc, err, _ = figures(raw, tmp_path / "out", capsys)
    assert rc == 2
    one_line_error(err, "articles.csv line 3", "not valid UTF-8", "0xe1")


@pytest.mark.usefixtures("quick_save")
def test_utf16_table_with_bom_is_read(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,file\nwide,a.txt\n".encode("utf-16"))
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    assert (out / "wide" / "audit.html").is_file()


def test_out_is_a_file(tmp_path, capsys):
    raw = make_raw(tmp_path, None)
    f = tmp_path / "out.txt"
    f.write_text("keep me", encoding="utf-8")
    rc, err, written = figures(raw, f, capsys)
    assert rc == 2 and written == []
    one_line_error(err, "--out", "not a directory")
    assert f.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_out_read_only(tmp_path, capsys, monkeypatch, code):
    """Root ignores permission bits, so the refusal of the file system is simulated."""
    raw = make_raw(tmp_path, None)

    def refuse(*_a, **_k):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output_mod.tempfile, "mkdtemp", refuse)
    rc, err, _ = figures(raw, tmp_path / "out", capsys)
    assert rc == 2
    one_line_error(err, "--out", os.strerror(code))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("when", ["figure", "results"])
def test_full_disk_leaves_previous_outputs(tmp_path, capsys, monkeypatch, when):
    raw = make_raw(tmp_path, None)
    out = tmp_path / "out"
    assert figures(raw, out, capsys)[0] == 0
    before = tree(out)
    (raw / "a.txt").write_text(OTHER.replace("Otieno", "Amina Njeri"), encoding="utf-8")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if when == "figure":
        calls = []
        real = report_mod._save_figure

        def save(fig, stem):
            calls.append(stem)
            if len(calls) == 3:  # with two figures of the article written
                full()
            real(fig, stem)

        monkeypatch.setattr(report_mod, "_save_figure", save)
    else:
        monkeypatch.setattr(report_mod, "dumps", full)
    rc, err, _ = figures(raw, out, capsys)
    assert rc == 2
    one_line_error(err, "--out", "No space left on device", "previous outputs left")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_lexicon_meta_not_a_table(tmp_path, capsys):
    lex = tmp_path / "lex.toml"
    lex.write_text('meta = [1]\n[topics.x]\nlabel = "X"\nterms = ["trade"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    rc = cli.main(["topics", str(art), "--lexicon", str(lex)])
    assert rc == 2
    one_line_error(capsys.readouterr().err, "lex.toml", "[meta]")


def test_lexicon_with_bom(tmp_path, capsys):
    lex = tmp_path / "lex.toml"
    lex.write_bytes('\ufeff[meta]\nname = "mine"\n[topics.x]\nlabel = "X"\nterms = ["trade"]\n'
                    .encode("utf-8"))
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["topics", str(art), "--lexicon", str(lex), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("a,x,X,1,")


# --------------------------------------------------------------------------- hangs and reads


def test_fifo_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = subprocess.run([sys.executable, "-m", "analysis", "quotes", str(fifo)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    one_line_error(out.stderr, "pipe.txt", "not a regular file (a FIFO)")


@pytest.mark.usefixtures("quick_save")
def test_fifo_in_a_folder_is_one_failed_article(tmp_path, capsys):
    raw = make_raw(tmp_path, None)
    os.mkfifo(raw / "pipe.txt")
    out = tmp_path / "out"
    rc, _, _ = figures(raw, out, capsys)
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert rc == 1 and res["failures"][0]["article_id"] == "pipe"
    assert "FIFO" in res["failures"][0]["error"]


def test_devices_refused_at_once(capsys):
    for dev in ("/dev/zero", "/dev/null"):
        assert cli.main(["structure", dev]) == 2
        one_line_error(capsys.readouterr().err, dev, "character device")
    with pytest.raises(InputError, match="character device"):
        read_regular("/dev/urandom")


def test_size_limit(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: takes no disk space
        fh.truncate(MAX_INPUT_BYTES + 1)
    assert cli.main(["structure", str(big)]) == 2
    one_line_error(capsys.readouterr().err, "big.txt", "larger than the 50 MB input limit")
    small = tmp_path / "small.txt"
    small.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="1,000 bytes input limit"):
        read_regular(small, limit=1000)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_utf32_with_bom_are_text(tmp_path, codec):
    text = "Talks in Nairobi\n“We will win,” Ruto said.\r\n"
    data = ("\ufeff" + text).encode(codec) if codec.endswith("-be") else text.encode(codec)
    p = tmp_path / "wide.txt"
    p.write_bytes(data)
    art = load_article(p)
    base = codec[:6]
    assert art.encoding == base and art.text == text.replace("\r\n", "\n")
    assert art.text == open(p, encoding=base).read()  # offsets index what Python reads
    from analysis.quotes import quotes_table

    q = quotes_table(art)
    assert q["text"].tolist() == ["We will win,"] and q["speaker"].tolist() == ["Ruto"]
    with pytest.raises(InputError, match="not valid UTF-16"):
        decode_bytes(b"\xff\xfe\x00\xd8x", "odd")  # a lone surrogate


# --------------------------------------------------------------------------- escaping


def test_html_in_ids_and_metadata_is_escaped(tmp_path, capsys):
    table = ('id,title,place,author,file\n'
             'x,"<script>alert(1)</script>","<img src=x onerror=alert(2)> $\\frac{1$",'
             '"[click](javascript:alert(3)) | *b* `c`",a.txt\n')
    raw = make_raw(tmp_path, table, {
        "a.txt": "“We will win,” said Ruto in <b>Nairobi</b> $x$ and $y$.\n"})
    out = tmp_path / "out"
    rc, err, _ = figures(raw, out, capsys)
    assert rc == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in report and "<img" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "\\[click\\](javascript:alert(3)) \\| \\*b\\* \\`c\\`" in report
    # rc == 0: the "$\\frac{1$" of the place is drawn as text under each figure, not parsed as
    # (broken) maths, which would fail the article
    page = (out / "x" / "audit.html").read_text(encoding="utf-8")
    assert "<b>" not in page and "&lt;b&gt;Nairobi&lt;/b&gt;" in page
    assert "<script>" not in page


def test_every_written_path_is_inside_out(tmp_path, capsys):
    raw = make_raw(tmp_path, "id,file\nx,sub/a.txt\n", {"sub/a.txt": ARTICLE})
    out = tmp_path / "nested" / "out"
    rc, _, written = figures(raw, out, capsys)
    assert rc == 0 and written
    assert_inside_out(written, out)
    assert any(p.endswith("audit.html") for _, p in written)  # the watcher sees the writes


# --------------------------------------------------------------------------- fuzz

_IDS = st.one_of(
    st.sampled_from(["a", "b", "A", "ok_1", "x.y-z", "../x", "/abs/elsewhere", "a/b", "..", ".",
                     "results.json", "report.md", "", " a ", "a\"b", "é", "x" * 129]),
    st.text(alphabet="ab./_-;,\"' \n\r\t\\<>$", max_size=8))
_FILES = st.one_of(
    st.sampled_from(["a.txt", "sub/b.txt", "./a.txt", "missing.txt", "../outside.txt",
                     "/etc/hostname", "../../../../etc/hostname", "sub", "link.txt", "pipe.txt",
                     "articles.csv", "", "sub/../a.txt", "sub//b.txt", "a.txt\n"]),
    st.text(alphabet="ab./_-;,\"' \n\\$", max_size=10))
_META = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _cell(value: str, sep: str, quote: bool) -> str:
    if quote or any(c in value for c in (sep, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


_GOOD_IDS = ["a", "B-2", "ok_1", "x.y-z"]
_GOOD_FILES = ["a.txt", "sub/b.txt", "missing.txt", "sub", "pipe.txt", "./a.txt"]


@st.composite
def articles_csv(draw) -> bytes:
    """An articles.csv as a careless user or an attacker might write it: about half are
    usable tables (some rows pointing at missing files, folders or FIFOs), the rest break one
    rule or many (separators, columns, short rows, ids, paths, encodings, quotes, BOMs)."""
    careful = draw(st.booleans())
    columns = draw(st.permutations(["id", "file", "place"]))
    if careful:
        sep, encoding = ",", "utf-8"
        n = draw(st.integers(1, 2))
        ids = draw(st.permutations(_GOOD_IDS))[:n]
        files = draw(st.permutations(_GOOD_FILES[:-1]))[:n]
        rows = [[{"id": i, "file": f}.get(c, draw(_META)) for c in columns]
                for i, f in zip(ids, files, strict=True)]
    else:
        sep = draw(st.sampled_from([",", ",", ";", "\t"]))
        columns = draw(st.sampled_from([columns, columns[:2], columns[1:], ["id", "file"],
                                        columns + ["title", "file "], columns + ["Id"]]))
        encoding = draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"]))
        rows = []
        for _ in range(draw(st.integers(0, 3))):
            cells = {"id": draw(_IDS), "file": draw(_FILES)}
            row = [cells.get(c.strip().lower(), draw(_META)) for c in columns]
            if draw(st.integers(0, 4)) == 0:  # a short or long row
                row = row[:-1] if draw(st.booleans()) else row + ["extra"]
            rows.append(row)
    quote = draw(st.booleans())
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = eol.join(sep.join(_cell(v, sep, quote) for v in r) for r in [columns, *rows])
    text += draw(st.sampled_from([eol, "", eol + eol]))
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    return (bom + text).encode(encoding, errors="replace")


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # fuzzed metadata in figures
@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(table=articles_csv())
def test_fuzz_articles_csv(table, capsys):
    """Whatever articles.csv says: no traceback, status 0, 1 or 2 (2 with one ``error:``
    line and nothing written), every written path inside --out, the input folder untouched."""
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        (root / "outside.txt").write_text(ARTICLE, encoding="utf-8")
        raw = make_raw(root, table, {"a.txt": ARTICLE, "sub/b.txt": OTHER})
        (raw / "link.txt").symlink_to(root / "outside.txt")
        os.mkfifo(raw / "pipe.txt")
        before = {p: p.read_bytes() if p.is_file() else None
                  for p in sorted(root.rglob("*")) if not p.is_fifo()}
        out = root / "out"
        try:
            rc, err, written = figures(raw, out, capsys)
        except SystemExit as exc:  # argparse only; never expected here
            pytest.fail(f"SystemExit {exc.code}")
        assert rc in (0, 1, 2), err
        assert "Traceback" not in err
        event(f"exit {rc}")
        if rc == 2:
            one_line_error(err)
            assert written == [] and not out.exists()
        else:
            assert (out / "results.json").is_file() and (out / "report.md").is_file()
        assert_inside_out(written, out)
        after = {p: p.read_bytes() if p.is_file() else None
                 for p in sorted(root.rglob("*")) if not p.is_fifo() and not p.is_relative_to(out)}
        assert after == before


def test_single_file_command_ignores_a_broken_table_beside_it(tmp_path, capsys):
    raw = make_raw(tmp_path, "id;file\nx;a.txt\n")
    assert cli.main(["quotes", str(raw / "a.txt"), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "separated by ';'" in captured.err and "metadata not used" in captured.err
    assert captured.out.splitlines()[1].startswith("a,")  # the id is the file name


def test_output_to_a_full_device(tmp_path, capsys):
    from analysis.config import SAMPLE_ARTICLE

    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "analysis", "quotes", str(SAMPLE_ARTICLE)],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert out.returncode == 2
    one_line_error(out.stderr, "stdout", "No space left on device")
    raw = make_raw(tmp_path, None)
    rc, err, written = figures(raw, Path("/dev/full"), capsys)
    assert rc == 2 and written == []
    one_line_error(err, "--out /dev/full", "not a directory")
