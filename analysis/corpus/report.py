"""Corpus results and report: ``results.json`` (every number a corpus report cites, from the
questions of :mod:`analysis.corpus.questions`), ``report.md`` rendered from it, the corpus
figures with the CSV each plots, and — only for the articles asked for — the single-article
figure folders and audit views of :mod:`analysis.report`.

Everything goes into ``<out>/report/``, built in a temporary folder and swapped in whole, so
files a previous run wrote but this one does not (figures after ``--no-figures``, an article no
longer asked for) never linger looking current. The same tables give byte-identical files::

    report/results.json, report/report.md
    report/figures/<figure>.csv (+ .png, .svg unless drawing is skipped)
    report/articles/<article_id>/...   (``--article ID``)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from analysis.corpus import questions as Q
from analysis.output import dumps, md, records

STACK_TOP = 6  # speakers told apart by colour in stacked bars (the palette has 7 colours)
CORPUS_FIGURES = {
    "share-of-voice": "Share of quoted words of the top speakers across the corpus",
    "share-by-outlet": "Share of quoted words by speaker within each outlet",
    "topic-trends": "Topic hits per 1,000 words by month",
    "readability-by-outlet": "Flesch–Kincaid grade of each article by outlet",
}


def corpus_results(out_dir: str | Path, top: int = 10) -> dict:
    """Every number the corpus report cites, from the tables in ``out_dir``.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> r = corpus_results(out)
    >>> r["overview"]["speech_quotes"], r["quote_share"][0]["speaker"]
    (9, 'William Ruto')
    """
    return _corpus_results(out_dir, top)[0]


def _about(manifest: dict) -> dict:
    """The run's provenance, versions, inputs and table sizes, from its manifest (a missing key
    raises KeyError, a wrong type TypeError or AttributeError)."""
    return {
        "provenance": manifest["provenance"],
        "code_version": manifest["code_version"],
        "lexicon": manifest["lexicon"]["sha256"],
        "lexicon_name": manifest["lexicon"].get("name"),
        "lexicon_version": manifest["lexicon"].get("version"),
        "inputs": manifest["inputs"],
        "tables": {t: v["rows"] for t, v in manifest["tables"].items()},
    }


#: Questions the report asks at the same time (each on a cursor of its own): a DuckDB query
#: releases the GIL, and most of them keep about one core busy.
REPORT_THREADS = 2


def _ask(con, questions: dict) -> dict:
    """``{name: question(cursor)}`` for independent questions (functions of a connection),
    :data:`REPORT_THREADS` at a time, each on its own cursor of ``con`` (a connection of
    :func:`analysis.corpus.questions.connect`: the views are the database's, so every cursor
    sees them). Each answer is what the question gives alone: only the waiting overlaps."""
    import duckdb

    def run(question):
        cur = con.cursor()
        try:
            try:  # a setting of each connection (see connect)
                cur.execute("SET enable_progress_bar = false")
            except duckdb.Error:
                pass
            return question(cur)
        finally:
            cur.close()

    with ThreadPoolExecutor(REPORT_THREADS) as pool:
        futures = {k: pool.submit(run, q) for k, q in questions.items()}
        return {k: f.result() for k, f in futures.items()}


def _corpus_results(out_dir: str | Path, top: int, con=None, extra: dict | None = None
                    ) -> tuple[dict, dict]:
    """:func:`corpus_results` and every answer behind it as a DataFrame, by question name,
    with the answers to the ``extra`` questions (``{name: function of a connection}``, asked
    with the report's; ``con``: a connection of :func:`analysis.corpus.questions.connect` on
    ``out_dir``)."""
    out = Path(out_dir)
    con = Q.connect(out) if con is None else con
    manifest = Q.read_manifest(out)  # checked again: the tables must still be the ones it lists
    strip = ("group",)

    def recs(df, drop=strip):
        return records(df.drop(columns=[c for c in drop if c in df.columns]))

    try:
        about = _about(manifest)
    except (KeyError, TypeError, AttributeError) as e:
        from analysis.text import InputError

        raise InputError(f"{out}: manifest.json lacks {e} (written by another version?); "
                         f"rerun `python -m analysis corpus` on this folder") from None
    # the slowest first, so the two threads finish together
    a = _ask(con, {
        "quote_share_by_outlet": lambda c: Q.quote_share(c, per="outlet", top=top),
        "speakers_by_topic": Q.speakers_by_topic,
        "quote_share": lambda c: Q.quote_share(c, top=top),
        "quote_share_by_month": lambda c: Q.quote_share(c, per="month", top=top),
        "quote_share_by_affiliation": lambda c: Q.quote_share(c, by="affiliation", top=top),
        **(extra or {}),
        "readability_by_outlet": Q.readability_by_outlet,
        "topics_by_outlet": lambda c: Q.topic_rates(c, per="outlet"),
        "topics_by_month": lambda c: Q.topic_rates(c, per="month"),
        "overview": Q.corpus_overview,
        "failed": lambda c: c.execute("SELECT * FROM errors ORDER BY article_id").df(),
    })
    share = a["quote_share"]
    return {
        **about,
        "overview": a["overview"],
        "quote_share": recs(share),
        "quote_share_by_affiliation": recs(a["quote_share_by_affiliation"]),
        "quote_share_by_outlet": records(a["quote_share_by_outlet"]),
        "quote_share_by_month": records(a["quote_share_by_month"]),
        "topics_by_outlet": records(a["topics_by_outlet"]),
        "topics_by_month": records(a["topics_by_month"]),
        "readability_by_outlet": records(a["readability_by_outlet"]),
        "speakers_by_topic": records(a["speakers_by_topic"]),
        "failed": records(a["failed"]),
    }, a


def _pct(x) -> str:
    return "–" if x is None else f"{x:.1f} %"


def _num(x, nd=1) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def render_corpus_report(results: dict, figures: bool = True) -> str:
    """``report.md`` text from a corpus results object (every number comes from it).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> "| William Ruto | 6 | 114 | 1 | 66.7 % | 61.3 % |" in render_corpus_report(
    ...     corpus_results(out))
    True
    """
    o = results["overview"]
    lines = ["# Corpus report", "",
             "Generated by `python -m analysis corpus` from `results.json`; do not edit by hand.",
             "",
             f"{o['articles']:,} articles from {o['outlets']} outlet(s), dated "
             f"{o['first_date'] or '–'} to {o['last_date'] or '–'}: {o['words']:,} body words, "
             f"{o['sentences']:,} sentences, {o['speech_quotes']:,} speech quotes "
             f"({o['quoted_words']:,} quoted words; {o['unattributed_quotes']:,} unattributed), "
             f"{o['topic_hits']:,} topic hits, {o['place_mentions']:,} place mentions. "
             f"{o['failed']} article(s) could not be analysed.", ""]

    def fig(stem):
        if figures:
            lines.extend([f"![{CORPUS_FIGURES[stem]}](figures/{stem}.png)", ""])
        lines.extend([f"Data: `figures/{stem}.csv`.", ""])

    lines += ["## Who gets quoted", "",
              "Direct and partial quotes; a quote over several paragraphs counts once; "
              "'articles' is the number of articles a speaker is quoted in.", "",
              "| speaker | quotes | quoted words | articles | share of quotes | share of words |",
              "|---|---:|---:|---:|---:|---:|"]
    for r in results["quote_share"]:
        lines.append(f"| {md(r['speaker'])} | {r['quotes']} | {r['words']} | {r['articles']} | "
                     f"{_pct(r['quote_share'])} | {_pct(r['word_share'])} |")
    lines.append("")
    fig("share-of-voice")
    lines += ["### By affiliation", "", "| affiliation | quotes | quoted words | share of words |",
              "|---|---:|---:|---:|"]
    for r in results["quote_share_by_affiliation"]:
        lines.append(f"| {md(r['affiliation'])} | {r['quotes']} | {r['words']} | "
                     f"{_pct(r['word_share'])} |")
    lines += ["", "### By outlet", "",
              "| outlet | speaker | quotes | quoted words | share of the outlet's words |",
              "|---|---|---:|---:|---:|"]
    for r in results["quote_share_by_outlet"]:
        lines.append(f"| {md(r['group'])} | {md(r['speaker'])} | {r['quotes']} | {r['words']} | "
                     f"{_pct(r['word_share'])} |")
    lines.append("")
    fig("share-by-outlet")
    lines += ["## What is talked about", "",
              "Lexicon hits per 1,000 body words of each outlet's articles (denominator: "
              "words), and the share of its articles mentioning the topic.", "",
              "| outlet | topic | hits | words | per 1,000 words | articles with topic |",
              "|---|---|---:|---:|---:|---:|"]
    for r in results["topics_by_outlet"]:
        if r["hits"]:
            lines.append(f"| {md(r['group'])} | {md(r['label'])} | {r['hits']} | {r['words']:,} | "
                         f"{_num(r['per_1000_words'], 2)} | {r['articles_with_topic']}/"
                         f"{r['articles']} |")
    lines.append("")
    fig("topic-trends")
    lines += ["### Most-quoted speakers per topic", "",
              "Speech quotes containing a hit of the topic.", "",
              "| topic | speaker | quotes | share of the topic's quotes |", "|---|---|---:|---:|"]
    for r in results["speakers_by_topic"]:
        lines.append(f"| {md(r['label'])} | {md(r['speaker'])} | "
                     f"{r['quotes']}/{r['topic_quotes']} | {_pct(r['quote_share'])} |")
    lines += ["", "## How hard it is to read", "",
              "Flesch–Kincaid grade of each article's body, by outlet.", "",
              "| outlet | articles | words | median | quartiles | min–max | reliable |",
              "|---|---:|---:|---:|---|---|---:|"]
    for r in results["readability_by_outlet"]:
        lines.append(f"| {md(r['group'])} | {r['articles']} | {r['words']:,} | {_num(r['median'])} "
                     f"| {_num(r['p25'])}–{_num(r['p75'])} | {_num(r['min'])}–{_num(r['max'])} "
                     f"| {r['reliable_articles']} |")
    lines.append("")
    fig("readability-by-outlet")
    if results["failed"]:
        lines += ["## Articles not analysed", "", "| article | stage | message |", "|---|---|---|"]
        for r in results["failed"]:
            lines.append(f"| {md(r['article_id'])} | {md(r['stage'])} | {md(r['message'])} |")
        lines.append("")
    prov = results["provenance"]
    lines += ["## Provenance", "",
              f"{prov['package']} {prov['version']} (code {results['code_version']}), Python "
              f"{prov['python']}; lexicon {md(results.get('lexicon_name') or '')} "
              f"{md(results.get('lexicon_version') or '')} (SHA-256 "
              f"`{results['lexicon'][:16]}…`); inputs: "
              + ", ".join(f"`{Path(i['file']).name}` (`{i['sha256'][:16]}…`)"
                          for i in results["inputs"]) + ".", ""]
    return "\n".join(lines)


def _save(fig, stem: Path) -> None:
    from analysis.report import _save_figure

    _save_figure(fig, stem)


def write_corpus_outputs(out_dir: str | Path, draw: bool = True, articles=(), top: int = 10,
                         input_path: str | Path | None = None) -> dict:
    """Write ``<out_dir>/report/`` (see the module docstring) from the run's tables and return
    the results object. ``articles`` lists ids whose single-article figures are wanted (read
    again from ``input_path``); an unknown id is an :class:`analysis.text.InputError`.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> _ = write_corpus_outputs(out, draw=False)
    >>> sorted(p.name for p in (Path(out) / "report").iterdir())
    ['figures', 'report.md', 'results.json']
    """
    from analysis.text import InputError

    out = Path(out_dir)
    con = Q.connect(out)
    ids = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
    unknown = [a for a in articles if a not in ids]
    if unknown:
        raise InputError(f"--article: no analysed article with id {unknown[0]!r}")
    # one connection for both; the figures' tables asked with the results' questions
    results, answers = _corpus_results(out, top, con, {
        "share-by-outlet": lambda c: Q.quote_share(c, per="outlet", top=min(top, STACK_TOP)),
        "readability-by-outlet": Q.readability_values,
    })
    tables = {  # the tables behind results' quote_share and topics_by_month, queried once
        "share-of-voice": answers["quote_share"],
        "share-by-outlet": answers["share-by-outlet"],
        "topic-trends": answers["topics_by_month"],
        "readability-by-outlet": answers["readability-by-outlet"],
    }
    staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out))
    try:
        figdir = staging / "figures"
        figdir.mkdir()
        for stem, df in tables.items():
            df.to_csv(figdir / f"{stem}.csv", index=False, lineterminator="\n")
        if draw:
            import matplotlib

            matplotlib.use("Agg")
            from analysis.corpus import figures as CF

            src = f"{results['overview']['articles']:,} articles; analysis: " \
                  f"{results['provenance']['package']} {results['provenance']['version']}"
            _save(CF.fig_share_of_voice(tables["share-of-voice"], src), figdir / "share-of-voice")
            _save(CF.fig_share_by_outlet(tables["share-by-outlet"], src),
                  figdir / "share-by-outlet")
            _save(CF.fig_topic_trends(tables["topic-trends"], src), figdir / "topic-trends")
            _save(CF.fig_readability_by_outlet(tables["readability-by-outlet"],
                                               Q.readability_by_outlet(con), src),
                  figdir / "readability-by-outlet")
        if articles:
            _article_folders(staging / "articles", list(articles), input_path, draw)
        (staging / "results.json").write_text(dumps(results) + "\n", encoding="utf-8")
        (staging / "report.md").write_text(render_corpus_report(results, draw),
                                           encoding="utf-8")
        final, old = out / "report", out / f".report-old-{os.getpid()}"
        if final.exists():
            os.rename(final, old)
        os.rename(staging, final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return results


def _article_folders(root: Path, ids: list[str], input_path, draw: bool) -> None:
    """Single-article figures, their CSVs and the audit view, as ``figures`` writes them."""
    from analysis.corpus.records import load_item
    from analysis.corpus.sources import open_corpus
    from analysis.report import analyse, audit_html, make_figures

    wanted = set(ids)
    for item in open_corpus(input_path).items():
        if item.article_id not in wanted or item.error:
            continue
        a = analyse(load_item(item))
        d = root / item.article_id
        d.mkdir(parents=True)
        for stem, (fig, data) in make_figures(a).items():
            if draw:
                _save(fig, d / stem)
            data.to_csv(d / f"{stem}.csv", index=False, lineterminator="\n")
        (d / "audit.html").write_text(audit_html(a), encoding="utf-8")
