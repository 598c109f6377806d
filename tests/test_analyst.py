"""Working as an analyst does (issue 14): the installed CLI in any folder, `make lab` as root or
not, parameterised notebooks that stay output-free, readable tables, and the report's wording."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import SAMPLE_ARTICLE

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-4]-*.ipynb"))

# Written by the team for these tests: no headings (one section), one quote, one speaker
# without a stated affiliation, and topic words for the economy and for farming.
SHORT = ("Farmers in Nakuru said seed prices rose again this year.\n"
         "“We cannot afford seed any more, and the harvest is small,” said Mary Wanjiru, "
         "who farms near the lake.\n"
         "Officials promised new investment in roads and trade before the rains.\n")
LEXICON = """[meta]
name = "Farming test lexicon"

[topics.farming]
label = "Farming"
terms = ["farm*", "seed", "harvest"]

[topics.money]
label = "Money"
terms = ["prices", "investment", "afford"]
"""


def _cli(*args, cwd=None, script="news-analysis"):
    exe = BIN / script
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "analysis", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def short_corpus(tmp_path):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "nakuru_seed.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "farming.toml").write_text(LEXICON, encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- 1. the CLI


def test_installed_cli_shows_its_real_name_and_defaults():
    if not (BIN / "news-analysis").exists():
        pytest.skip("the news-analysis script is not installed in this environment")
    top = _cli("--help")
    assert top.returncode == 0 and top.stdout.startswith("usage: news-analysis ")
    figs = _cli("figures", "--help")
    help_text = " ".join(figs.stdout.split())
    assert figs.stdout.startswith("usage: news-analysis figures")
    assert "(default: data/raw)" in help_text and "(default: figures)" in help_text
    assert "--raw DIR" in help_text and "--lexicon FILE" in help_text
    quotes = " ".join(_cli("quotes", "--help").stdout.split())
    assert "(default: table)" in quotes and "implies --share" in quotes
    module = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True,
                            text=True, check=True)
    assert module.stdout.startswith("usage: python -m analysis ")


def test_figures_without_data_raw_says_what_to_do(tmp_path):
    res = _cli("figures", cwd=tmp_path)
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("error: data/raw: no such directory")
    assert "current folder" in lines[0] and "--raw DIR" in lines[0]
    assert not (tmp_path / "figures").exists()


def test_figures_defaults_to_the_current_folder_and_takes_a_lexicon(short_corpus):
    res = _cli("figures", "--lexicon", "farming.toml", cwd=short_corpus)
    assert res.returncode == 0, res.stderr
    out = short_corpus / "figures"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (art,) = results["articles"]
    assert art["article_id"] == "nakuru_seed"
    topics = art["topics"]
    assert topics["lexicon"] == "Farming test lexicon"
    import hashlib
    assert topics["lexicon_sha256"] == hashlib.sha256(LEXICON.encode()).hexdigest()
    # farm* → Farmers, farms; seed ×2; harvest: 5 hits. prices, afford, investment: 3 hits.
    hits = {row["topic"]: row["hits"] for row in topics["summary"]}
    assert hits == {"farming": 5, "money": 3}
    assert (out / "report.md").is_file() and (out / "nakuru_seed" / "audit.html").is_file()


def test_quotes_by_affiliation_implies_share():
    with_share = _cli("quotes", str(SAMPLE_ARTICLE), "--share", "--by", "affiliation",
                      "--format", "csv")
    without = _cli("quotes", str(SAMPLE_ARTICLE), "--by", "affiliation", "--format", "csv")
    assert without.returncode == 0 and without.stdout == with_share.stdout
    assert without.stdout.splitlines()[0].startswith("article_id,affiliation,quotes,words")
    assert without.stdout.splitlines()[1].startswith("ruto_blinken_2024,Kenya,6,114,")
    indirect = _cli("quotes", str(SAMPLE_ARTICLE), "--indirect", "--format", "csv")
    assert indirect.stdout.splitlines()[0].startswith("article_id,speaker,quotes,words")


# --------------------------------------------------------------------------- 2. make lab


def _make_lab_line(env=None) -> str:
    res = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True,
                         env=env, check=True)
    return next(line for line in res.stdout.splitlines() if "jupyter lab" in line)


def test_make_lab_adds_allow_root_only_for_root(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    for uid in ("0", "1000"):
        (fake / "id").write_text(f"#!/bin/sh\necho {uid}\n")
        (fake / "id").chmod(0o755)
        env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
        line = _make_lab_line(env)
        assert ("--allow-root" in line) == (uid == "0"), line
        assert "--config=jupyter_server_config.py" in line and line.endswith("notebooks/")


# --------------------------------------------------------------------------- 3. notebooks


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and "**Parameters**" in nb.cells[0].source
    params = nb.cells[1]
    assert params.cell_type == "code" and params.metadata.get("tags") == ["parameters"]
    scope: dict = {}
    exec(params.source, scope)  # noqa: S102 - plain assignments, checked below
    assert Path(ROOT / "notebooks" / scope["ARTICLE"]).resolve() == SAMPLE_ARTICLE.resolve()
    assert scope["LEXICON"] is None
    assert sum("parameters" in c.metadata.get("tags", []) for c in nb.cells) == 1


def _kernel() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    return ("news-analysis" if "news-analysis" in KernelSpecManager().find_kernel_specs()
            else "python3")


def test_notebook_runs_on_another_article_with_injected_parameters(short_corpus):
    """What papermill does: a cell tagged injected-parameters after the parameters cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / "03-topics.ipynb", as_version=4)
    article = short_corpus / "data" / "raw" / "nakuru_seed.txt"
    injected = nbformat.v4.new_code_cell(
        f"ARTICLE = {str(article)!r}\nLEXICON = {str(short_corpus / 'farming.toml')!r}",
        metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(2, injected)
    NotebookClient(nb, kernel_name=_kernel(), timeout=180,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Farming" in html and "Money" in html and "Security" not in html
    # no by-section figure for an article without headings: that cell shows nothing
    by_section = next(c for c in nb.cells if c.get("id") == "fig-by-section")
    assert by_section.outputs == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_are_output_free(path):
    from analysis.notebook_hook import strip_notebook

    nb = json.loads(path.read_text(encoding="utf-8"))
    assert strip_notebook(nb) == nb


def test_lab_save_strips_outputs(tmp_path):
    """The server config that `make lab` uses installs the hook, and a notebook saved through
    Jupyter's contents manager is written without outputs and run-time metadata, byte for byte
    as committed."""
    import nbformat
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from traitlets.config import Config, PyFileConfigLoader

    config = PyFileConfigLoader("jupyter_server_config.py", path=str(ROOT)).load_config()
    assert isinstance(config, Config)
    manager = FileContentsManager(root_dir=str(tmp_path), config=config)
    committed = (ROOT / "notebooks" / "02-quote-share.ipynb").read_text(encoding="utf-8")
    nb = nbformat.reads(committed, as_version=4)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = i + 1
        cell.outputs = [nbformat.v4.new_output("stream", text="ran\n")]
        cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
        cell.metadata["scrolled"] = True
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2",
                                    "mimetype": "text/x-python"}
    nb.metadata["widgets"] = {"state": {}}
    manager.save({"type": "notebook", "format": "json", "content": nb}, "02.ipynb")
    saved = (tmp_path / "02.ipynb").read_text(encoding="utf-8")
    assert saved == committed
    assert '"outputs": []' in saved and '"ran' not in saved


# --------------------------------------------------------------------------- 4. tables


@pytest.fixture(scope="module")
def sample():
    from analysis.report import analyse
    from analysis.text import load_article

    return analyse(load_article(SAMPLE_ARTICLE))


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)]


def test_tables_show_full_left_aligned_text(sample):
    from analysis import display as show

    styler = show.quotes_view(sample.quotes)
    html = styler.to_html()
    longest = max(sample.quotes["text"], key=len)
    assert len(longest) > 80 and longest in _cells(html)  # the whole text, never cut with "…"
    columns = list(styler.data.columns)
    styler._compute()  # the per-cell CSS the HTML carries
    text = dict(styler.ctx[(0, columns.index("text"))])
    assert text["text-align"] == "left" and text["white-space"] == "normal"
    assert dict(styler.ctx[(0, columns.index("speaker"))])["text-align"] == "left"
    assert dict(styler.ctx[(0, columns.index("words"))])["text-align"] == "right"


def test_shares_are_percent_with_one_decimal(sample):
    from analysis import display as show

    cells = _cells(show.share_view(sample.share_affiliation).to_html())
    assert cells[:5] == ["Kenya", "6", "114", "66.7 %", "61.3 %"]
    assert "66.666667" not in " ".join(cells)
    topics = show.topics_view(sample.topics)
    second = _cells(topics[1].to_html())
    # the most frequent topic's paragraph share, checked against its counts
    row = sample.topics.iloc[0]
    assert f"{100 * row['paragraphs'] / row['n_paragraphs']:.1f} %" in second


def test_counts_are_integers(sample):
    from analysis import display as show

    pivot = sample.topics_by_speaker.pivot_table(index="label", columns="group_label",
                                                 values="hits", aggfunc="sum", sort=False)
    cells = _cells(show.table(pivot.reset_index(), counts=True).to_html())
    assert not any(re.fullmatch(r"\d+\.0", c) for c in cells)
    narration = int(pivot["narration"].max())
    assert str(narration) in cells


def test_textstat_comparison_reads_as_counts_and_scores(sample):
    from analysis import display as show
    from analysis.readability import TEXTSTAT_DIFFERENCES, compare_with_textstat

    cells = _cells(show.comparison_view(compare_with_textstat(sample.article)).to_html())
    assert cells[:4] == ["sentences", "52", "72", "-20"]
    assert "52.000000" not in cells and TEXTSTAT_DIFFERENCES["sentences"] in " ".join(cells)


def test_wide_tables_are_split(sample):
    from analysis import display as show

    parts = show.readability_view(sample.readability)
    assert len(parts) == 2 and all(len(p.data.columns) <= 10 for p in parts)
    assert parts._repr_html_().count("<table") == 2


def test_no_speaker_and_no_affiliation_are_told_apart():
    from analysis import display as show
    from analysis.quotes import quotes_table
    from analysis.text import article_from_text

    text = ("“We need the rain,” said Mary Wanjiru, a farmer.\n"
            "“Seed costs too much,” a voice in the crowd shouted.\n")
    quotes = quotes_table(article_from_text(text, "x"))
    shown = show.readable_labels(quotes)
    assert shown["speaker"].tolist()[0] == "Mary Wanjiru"
    labels = dict(zip(shown["speaker"], shown["affiliation"], strict=True))
    assert labels["Mary Wanjiru"] == show.NO_AFFILIATION_LABEL
    if quotes["speaker"].isna().any():
        assert labels[show.NO_SPEAKER_LABEL] == show.NO_SPEAKER_LABEL


# --------------------------------------------------------------------------- 5. report, figures


def test_report_of_a_short_article_without_metadata(short_corpus):
    from analysis.report import write_outputs

    out = short_corpus / "out"
    results = write_outputs(short_corpus / "data" / "raw", out)
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "; ." not in report and "(SHA-256 `" in report
    sha = results["articles"][0]["input"]["sha256"]
    assert f"Input `nakuru_seed.txt` (SHA-256 `{sha[:16]}…`)." in report
    assert "3 paragraphs in 1 section (0 headings), 3 sentences" in report
    assert "1 quote (11 quoted words) is speech" in report
    assert "topics-by-section" not in report and "readability-by-section" not in report
    assert "no headings (one section)" in report
    assert "figures/results.json" not in report
    assert "`results.json` in the same folder as this report" in report
    files = sorted(p.name for p in (out / "nakuru_seed").iterdir())
    assert not any("by-section" in f for f in files)
    assert "topic-frequency.png" in files and "audit.html" in files


def test_report_names_metadata_when_present():
    from analysis.report import _input_sentence

    art = {"article_id": "a", "input": {"file": "a.txt", "sha256": "f" * 64},
           "metadata": {"outlet": "Daily Mirror", "date": "2024-09-26", "url": ""}}
    assert _input_sentence(art) == ("Input `a.txt` (SHA-256 `ffffffffffffffff…`); "
                                    "outlet Daily Mirror, date 2024-09-26.")


def test_every_topic_has_its_own_colour(sample):
    from analysis import figures as F
    from analysis.report import analyse, audit_html
    from analysis.topics import default_lexicon, load_lexicon

    colours = F.topic_colours(default_lexicon().labels())
    assert len(set(colours.values())) == len(colours) == 17
    many = F.topic_colours([f"t{i}" for i in range(40)])
    assert len(set(many.values())) == 40
    legend_re = (r'border-bottom:2px solid (#[0-9A-Fa-f]{6});margin-right:8px">'
                 r"([^<]+)</span>")
    legend = re.findall(legend_re, audit_html(sample))
    assert len(legend) == 17 and len({c for c, _ in legend}) == 17
    # the international-affairs lexicon once gave Security and Climate one colour
    intl = analyse(sample.article, load_lexicon("international-affairs"))
    legend = re.findall(legend_re, audit_html(intl))
    assert len(legend) == 8 and len({c for c, _ in legend}) == 8
    by_label = {label: c for c, label in legend}
    assert by_label["Security &amp; peacekeeping"] != by_label["Climate &amp; environment"]


def test_timeline_numbers_paragraphs_as_the_tables_do(sample):
    from analysis import figures as F

    colours = F.speaker_colours(sample.share["speaker"])
    fig = F.fig_quote_timeline(sample.quotes, len(sample.article.paragraphs), colours, "t")
    ax = fig.axes[0]
    xs = sorted(x for coll in ax.collections for x, _ in coll.get_offsets())
    speech = sample.quotes[sample.quotes["kind"].isin(["direct", "partial"])]
    # each dot sits at its paragraph's number in the tables (two quotes in one paragraph are
    # drawn 0.25 either side of it: paragraph 8 of the sample)
    assert sorted(speech["paragraph"]) == [1, 2, 3, 5, 6, 7, 8, 8, 11]
    assert [round(x) for x in xs] == sorted(speech["paragraph"])
    assert xs.count(8.0) == 0 and 7.75 in xs and 8.25 in xs
    assert ax.get_xlim()[0] == -0.5 and "0 = first" in ax.get_xlabel()


def test_report_tells_no_speaker_from_no_affiliation():
    from analysis.report import provenance, render_report

    def row(name, key, quotes, words):
        return {key: name, "quotes": quotes, "words": words,
                "quote_share": 100 * quotes / 4, "word_share": 100 * words / 40}

    art = {"article_id": "x", "input": {"file": "x.txt", "sha256": None}, "metadata": {},
           "structure": {"paragraphs": 2, "sections": [{}], "headings": 0, "sentences": 4,
                         "words": 90},
           "quotes": {"speech_quotes": 4, "quoted_words": 40, "unattributed_quotes": 1,
                      "by_kind": {"scare": 0, "indirect": 0},
                      "share": [row("Mary Wanjiru", "speaker", 3, 30),
                                row("(unattributed)", "speaker", 1, 10)],
                      "share_by_affiliation": [
                          row("no affiliation stated", "affiliation", 3, 30),
                          row("(unattributed)", "affiliation", 1, 10)]},
           "topics": {"lexicon": "L", "summary": [], "places": []},
           "readability": {}}
    report = render_report({"provenance": provenance(), "articles": [art]})
    assert "4 quotes (40 quoted words) are speech, 1 of them with no identified speaker." in report
    assert "| no identified speaker | 1 | 10 | 25.0 % | 25.0 % |" in report
    assert "| no affiliation stated | 3 | 30 | 75.0 % | 75.0 % |" in report
    assert "(unattributed)" not in report
