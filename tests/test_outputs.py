"""Figures, results.json, report.md and notebooks: deterministic, current, consistent with the
commands, and executable."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import FIGURES_DIR, RAW_DIR, SAMPLE_ARTICLE
from analysis.report import FIGURES, provenance, write_outputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    results = write_outputs(RAW_DIR, out)
    return out, results


def _files(d: Path) -> list[Path]:
    return sorted(p.relative_to(d) for p in d.rglob("*") if p.is_file() and p.name != ".gitkeep")


def test_writes_every_figure_with_its_data(fresh):
    out, _ = fresh
    d = out / "ruto_blinken_2024"
    for stem in FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (d / f"{stem}.{ext}").stat().st_size > 0, (stem, ext)
    assert (d / "audit.html").is_file()
    assert (out / "results.json").is_file() and (out / "report.md").is_file()
    assert not list(out.glob(".staging-*"))  # the staging folder is cleaned up


def test_two_runs_are_byte_identical(fresh, tmp_path):
    out, _ = fresh
    write_outputs(RAW_DIR, tmp_path)
    assert _files(out) == _files(tmp_path)
    match, mismatch, errors = filecmp.cmpfiles(out, tmp_path, [str(p) for p in _files(out)],
                                               shallow=False)
    assert not mismatch and not errors, mismatch


def test_committed_outputs_are_current(fresh):
    """The committed figures/ equal a fresh regeneration. Images are compared byte for byte
    when this machine's matplotlib is the one recorded in the committed results.json (other
    versions rasterise differently); data, results and report always are."""
    out, results = fresh
    committed = json.loads((FIGURES_DIR / "results.json").read_text(encoding="utf-8"))
    assert committed["articles"] == results["articles"], "figures/ is stale: run make figures"
    same_mpl = committed["provenance"] == provenance()
    for rel in _files(out):
        if rel.suffix in (".png", ".svg") and not same_mpl:
            continue
        if rel.name in ("results.json", "report.md") and not same_mpl:
            continue
        assert (FIGURES_DIR / rel).read_bytes() == (out / rel).read_bytes(), (
            f"figures/{rel} is stale: run make figures")


def _cli_json(*args):
    out = subprocess.run([sys.executable, "-m", "analysis", *args, str(SAMPLE_ARTICLE),
                          "--format", "json"], capture_output=True, text=True, check=True,
                         timeout=120)
    return json.loads(out.stdout)


def test_results_equal_what_the_commands_print(fresh):
    _, results = fresh
    art = results["articles"][0]
    share = _cli_json("quotes", "--share")
    assert [{k: v for k, v in r.items() if k not in ("article_id", "encoding")}
            for r in share] == art["quotes"]["share"]
    topics = _cli_json("topics")
    assert [{k: v for k, v in r.items() if k not in ("article_id", "encoding")}
            for r in topics] == art["topics"]["summary"]
    read = _cli_json("readability")
    for key, value in art["readability"].items():
        assert read[key] == value, key
    assert art["readability"]["flesch_kincaid_grade"] == pytest.approx(16.48, abs=0.01)
    assert art["quotes"]["speech_quotes"] == 9


def test_provenance_and_report(fresh):
    out, results = fresh
    prov = results["provenance"]
    assert prov["package"] == "news-analysis" and prov["version"]
    assert prov["dependencies"]["pandas"] and prov["dependencies"]["matplotlib"]
    sha = results["articles"][0]["input"]["sha256"]
    assert len(sha) == 64
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| William Ruto | 6 | 114 | 66.7 % | 61.3 % |" in report
    assert "| Flesch–Kincaid Grade | 16.5 |" in report
    for stem in ("quote-share-by-speaker", "topic-frequency", "readability-by-section"):
        assert f"ruto_blinken_2024/{stem}.png" in report


def test_audit_view_marks_quotes_and_terms(fresh):
    out, _ = fresh
    page = (out / "ruto_blinken_2024" / "audit.html").read_text(encoding="utf-8")
    assert page.count('class="quote"') == 9
    assert 'title="William Ruto — direct, cue: said"' in page
    assert 'title="Conflict, war and peace: security"' in page


def test_failed_run_leaves_previous_outputs(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("“Hello there all,” Ruto said.\n", encoding="utf-8")
    out = tmp_path / "out"
    write_outputs(raw, out)
    before = {p: (out / p).read_bytes() for p in _files(out)}
    import analysis.report as report

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(report, "render_report", boom)
    (raw / "a.txt").write_text("“Changed text here,” Otieno said.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_outputs(raw, out)
    assert {p: (out / p).read_bytes() for p in _files(out)} == before
    assert not list(out.glob(".staging-*"))


# --------------------------------------------------------------------------- notebooks


def _kernel() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    names = KernelSpecManager().find_kernel_specs()
    return "news-analysis" if "news-analysis" in names else "python3"


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")))
def test_notebook_runs_without_errors(name):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and "Question" in nb.cells[0].source
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not any(line.lstrip().startswith(("def ", "class "))
                           for line in cell.source.splitlines()), "logic belongs in analysis/"
    NotebookClient(nb, kernel_name=_kernel(), timeout=180, startup_timeout=180,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors, errors
