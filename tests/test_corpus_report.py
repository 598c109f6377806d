"""Corpus questions, figures and report: denominators that add up, answers equal to pandas sums
of the single-article tables, byte-identical regeneration, a table-only mode that leaves no stale
figure behind, per-article folders only on request, and the CLI with the default Dask cluster."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.corpus import questions as Q
from analysis.corpus.engine import run_corpus
from analysis.corpus.records import load_item
from analysis.corpus.report import CORPUS_FIGURES, write_corpus_outputs
from analysis.corpus.sources import open_corpus
from analysis.report import analyse

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    run_corpus(SAMPLE, out, jobs=1, quiet=True)
    singles = [(item.meta, analyse(load_item(item))) for item in open_corpus(SAMPLE).items()]
    return out, singles


def test_topic_rates_equal_sums_of_article_summaries(run):
    out, singles = run
    rows = []
    for meta, a in singles:
        t = a.topics.assign(outlet=meta["outlet"], month=meta["date"][:7])
        rows.append(t)
    df = pd.concat(rows)
    for per in ("outlet", "month"):
        ours = Q.topic_rates(out, per=per).set_index(["group", "topic"])
        hits = df.groupby([per, "topic"])["hits"].sum()
        words = df.drop_duplicates("article_id").groupby(per)["words"].sum()
        assert len(ours) == len(hits)
        for (g, topic), h in hits.items():
            row = ours.loc[(g, topic)]
            assert row["hits"] == h and row["words"] == words[g]
            assert row["per_1000_words"] == pytest.approx(1000 * h / words[g])


def test_share_by_outlet_and_month_have_denominators(run):
    out, singles = run
    for per, key in (("outlet", "outlet"), ("month", "date")):
        df = Q.quote_share(out, per=per, top=5)
        for g, sub in df.groupby("group"):
            assert sub["word_share"].sum() == pytest.approx(100)
            assert sub["words"].sum() == sub["group_words"].iloc[0]
            n = sum(1 for m, _ in singles if (m[key][:7] if per == "month" else m[key]) == g)
            assert sub["group_articles"].iloc[0] == n
            assert len(sub) <= 6 and (sub["speaker"] == "(others)").sum() <= 1


def test_readability_and_speakers_by_topic(run):
    out, singles = run
    read = Q.readability_by_outlet(out).set_index("group")
    for outlet, sub in pd.DataFrame(
            [(m["outlet"], a.readability.iloc[0]["flesch_kincaid_grade"]) for m, a in singles],
            columns=["outlet", "fkgl"]).groupby("outlet"):
        assert read.loc[outlet, "articles"] == len(sub)
        assert read.loc[outlet, "median"] == pytest.approx(sub["fkgl"].median())
    spk = Q.speakers_by_topic(out, top=3)
    assert spk.groupby("topic")["rank"].max().max() <= 3
    # every counted quote of a topic really contains a hit of that topic (checked via pandas)
    topic = spk["topic"].iloc[0]
    n = 0
    for _, a in singles:
        speech = a.quotes[a.quotes["kind"].isin(["direct", "partial"])]
        hits = a.hits[a.hits["topic"] == topic]
        n += sum(((hits["start"] >= q.start) & (hits["end"] <= q.end)).any()
                 for q in speech.itertuples())
    assert spk[spk["topic"] == topic]["topic_quotes"].iloc[0] == n


def test_readability_mean_and_sd_are_exact_and_repeatable(run, tmp_path):
    """mean and sd are the exactly rounded statistics of the per-article values, the same on
    every call even when DuckDB reads the table in parallel (many small row groups)."""
    import shutil
    import statistics

    import pyarrow.parquet as pq

    out, singles = run
    copy = tmp_path / "rowgroups"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("batches"))
    pq.write_table(pq.read_table(out / "readability.parquet"), copy / "readability.parquet",
                   row_group_size=7)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"]["readability"]["sha256"] = hashlib.sha256(
        (copy / "readability.parquet").read_bytes()).hexdigest()  # else the folder is refused
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    values: dict[str, list[float]] = {}
    for m, a in singles:
        values.setdefault(m["outlet"], []).append(a.readability.iloc[0]["flesch_kincaid_grade"])
    first = Q.readability_by_outlet(copy)
    for _ in range(3):
        pd.testing.assert_frame_equal(Q.readability_by_outlet(copy), first, check_exact=True)
    for row in first.itertuples():
        assert row.mean == statistics.fmean(values[row.group])
        assert row.sd == statistics.stdev(values[row.group])


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_outputs_are_byte_identical_and_table_only_leaves_nothing_stale(run, tmp_path):
    out, _ = run
    write_corpus_outputs(out, draw=True, articles=["sample-00002"], input_path=SAMPLE)
    first = digest(out / "report")
    assert {f"figures/{s}.{e}" for s in CORPUS_FIGURES for e in ("png", "svg", "csv")} <= set(first)
    assert "articles/sample-00002/audit.html" in first
    assert not any(k.startswith("articles/sample-00003") for k in first)
    write_corpus_outputs(out, draw=True, articles=["sample-00002"], input_path=SAMPLE)
    assert digest(out / "report") == first
    write_corpus_outputs(out, draw=False)
    second = digest(out / "report")
    assert not any(k.endswith((".png", ".svg")) or k.startswith("articles/") for k in second)
    assert second["figures/share-of-voice.csv"] == first["figures/share-of-voice.csv"]
    results = json.loads((out / "report" / "results.json").read_text(encoding="utf-8"))
    assert results["overview"]["articles"] == 36
    md = (out / "report" / "report.md").read_text(encoding="utf-8")
    assert "share-of-voice.png" not in md and "## Who gets quoted" in md
    top = results["quote_share"][0]
    assert f"| {top['speaker']} | {top['quotes']} | {top['words']} |" in md


def test_cli_default_dask_cluster_and_unknown_article(tmp_path, capsys):
    src = tmp_path / "c.jsonl"
    rows = [{"id": f"a{i}", "outlet": "X", "date": "2024-05-0" + str(i + 1),
             "text": f"“We will build {i} schools,” Mary Akinyi said. Trade grew.\n"}
            for i in range(4)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "analysis", "corpus", str(src), "--out",
                        str(tmp_path / "o"), "--engine", "dask", "--jobs", "1", "--quiet",
                        "--no-figures"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    m = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert m["engine"]["scheduler"] == "LocalCluster" and m["counts"]["ok"] == 4
    assert Q.quote_share(tmp_path / "o")[["speaker", "quotes"]].values.tolist() == [
        ["Mary Akinyi", 4]]
    code = cli.main(["corpus", str(src), "--out", str(tmp_path / "o"), "--quiet", "--jobs", "1",
                     "--article", "nope"])
    err = capsys.readouterr().err
    assert code == 2 and "no analysed article with id 'nope'" in err


def test_report_escapes_metadata_and_names_a_shipped_lexicon(tmp_path):
    # an outlet name from a colleague's table that would be live HTML and break a Markdown table
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Talks on trade\n“We will trade more,” Ruto said. The war went "
                               "on and troops fought.\n", encoding="utf-8")
    (raw / "articles.csv").write_text("id,file,outlet,date\na,a.txt,<b>Daily|Post</b>,2024-01-02\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(raw, out, jobs=1, quiet=True, lexicon="international-affairs")
    res = write_corpus_outputs(out, draw=False)
    report = (out / "report" / "report.md").read_text(encoding="utf-8")
    assert "<b>" not in report and "&lt;b&gt;Daily\\|Post&lt;/b&gt;" in report
    assert (res["lexicon_name"], res["lexicon_version"]) == ("International affairs news", "1.1")
    assert "lexicon International affairs news 1.1 (SHA-256" in report


def test_a_corpus_where_every_article_fails_gets_a_report_not_a_traceback(tmp_path, capsys):
    # the report's overview summed no article: its totals were null and formatting them
    # raised a TypeError after the tables were written
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps({"id": "bin", "text": "\x00\x01\x02 not text"}) + "\n",
                   encoding="utf-8")
    code = cli.main(["corpus", str(src), "--out", str(tmp_path / "o"), "--no-figures",
                     "--quiet", "--jobs", "1"])
    assert code == 1 and "1 article(s) failed" in capsys.readouterr().err
    overview = Q.corpus_overview(tmp_path / "o")
    assert overview["articles"] == 0 and overview["failed"] == 1
    assert overview["words"] == overview["speech_quotes"] == overview["topic_hits"] == 0
    report = (tmp_path / "o" / "report" / "report.md").read_text(encoding="utf-8")
    assert "0 articles from 0 outlet(s), dated – to –: 0 body words" in report
