"""Command line: ``python -m analysis SUBCOMMAND FILE [options]``.

Only this module and the figures/report code write anything. A user mistake (missing file, binary
input, bad lexicon) prints one line on stderr and exits 2; warnings (legacy encoding, HTML input,
unbalanced quotes) go to stderr as ``warning: …`` lines and the command still succeeds.

>>> from analysis.config import SAMPLE_ARTICLE
>>> main(["quotes", str(SAMPLE_ARTICLE), "--share", "--format", "csv"])
article_id,speaker,quotes,words,quote_share,word_share
ruto_blinken_2024,William Ruto,6,114,66.66666666666667,61.29032258064516
ruto_blinken_2024,Antony J. Blinken,3,72,33.333333333333336,38.70967741935484
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.config import FIGURES_DIR, RAW_DIR
from analysis.output import dumps, records
from analysis.text import Article, InputError, blocks_table, load_article


def _emit(df: pd.DataFrame, fmt: str, json_obj=None) -> None:
    """Print a table in the chosen format; ``json_obj`` overrides the JSON shape."""
    if fmt == "json":
        print(dumps(records(df) if json_obj is None else json_obj))
    elif fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    else:
        if df.empty:
            print("(no rows)")
        else:
            with pd.option_context("display.max_rows", None, "display.max_columns", None,
                                   "display.width", 160, "display.max_colwidth", 60):
                print(df.to_string(index=False))


def _load(path: str) -> Article:
    art = load_article(path)
    for w in art.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return art


def _warn_quotes(quotes: pd.DataFrame, path: str) -> None:
    for w in quotes.attrs.get("warnings", []):
        print(f"warning: {path}: {w}", file=sys.stderr)


def _with_encoding(table: pd.DataFrame, art: Article, fmt: str) -> list[dict] | None:
    """JSON arrays say how the input was read in every element (built for JSON only)."""
    if fmt != "json":
        return None
    return [{**r, "encoding": art.encoding} for r in records(table)]


def _input_info(art: Article) -> dict:
    """What the JSON outputs say about how the input was read."""
    return {"article_id": art.id, "encoding": art.encoding, "warnings": list(art.warnings)}


# --------------------------------------------------------------------------- subcommands


def _cmd_structure(args) -> int:
    art = _load(args.file)
    df = blocks_table(art)
    obj = {
        **_input_info(art),
        "blocks": len(art.blocks),
        "headings": sum(b.kind == "heading" for b in art.blocks),
        "title": next((art.block_text(b) for b in art.blocks if b.kind == "title"), None),
        "paragraphs": len(art.paragraphs),
        "sentences": len(art.sentences),
        "words": len(art.body_tokens),
        "block_list": records(df.drop(columns=["article_id"])),
    }
    _emit(df.drop(columns=["text"]) if args.format == "table" else df, args.format, obj)
    return 0


def _cmd_readability(args) -> int:
    from analysis.quotes import quotes_table
    from analysis.readability import readability_summary, readability_table

    art = _load(args.file)
    quotes = quotes_table(art)
    _warn_quotes(quotes, args.file)
    table = readability_table(art, quotes)
    if args.format == "json":
        _emit(table, "json", {**_input_info(art), **readability_summary(table)})
    elif args.format == "csv":
        _emit(table, "csv")
    else:
        cols = ["unit", "unit_id", "sentences", "words", "syllables", "flesch_reading_ease",
                "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                "automated_readability_index", "dale_chall_readability_score",
                "linsear_write_formula", "reliable"]
        _emit(table[cols].round(2), "table")
    return 0


def _cmd_quotes(args) -> int:
    from analysis.quotes import quotes_table, share_table

    art = _load(args.file)
    table = quotes_table(art)
    _warn_quotes(table, args.file)
    if args.share:
        table = share_table(table, include_indirect=args.indirect, by=args.by)
        _emit(table.round(4) if args.format == "table" else table, args.format,
             _with_encoding(table, art, args.format))
        return 0
    if args.format == "table":
        cols = ["paragraph", "start", "end", "kind", "speaker", "cue", "position", "words", "text"]
        shown = table[cols].copy()
        shown["text"] = shown["text"].map(lambda t: t if len(t) <= 50 else t[:49] + "…")
        _emit(shown, "table")
    else:
        _emit(table, args.format, _with_encoding(table, art, args.format))
    return 0


def _cmd_topics(args) -> int:
    from analysis.quotes import quotes_table
    from analysis.topics import (
        load_lexicon,
        place_hits,
        place_summary,
        suggest_terms,
        topic_breakdown,
        topic_hits,
        topic_summary,
    )

    lexicon = load_lexicon(args.lexicon) if args.lexicon else None
    art = _load(args.file)
    quotes = quotes_table(art)
    _warn_quotes(quotes, args.file)
    if args.suggest:
        table = suggest_terms(art, lexicon)
    elif args.places:
        places = place_hits(art, quotes)
        table = places if args.hits else place_summary(places)
    else:
        hits = topic_hits(art, lexicon, quotes)
        if args.hits:
            table = hits
        elif args.by:
            table = topic_breakdown(art, hits, args.by, quotes, lexicon)
        else:
            table = topic_summary(art, hits, lexicon)
    _emit(table.round(4) if args.format == "table" else table, args.format,
         _with_encoding(table, art, args.format))
    return 0


def _cmd_figures(args) -> int:
    import time

    import matplotlib

    matplotlib.use("Agg")  # no display needed; figures are saved, never shown
    from analysis.report import write_outputs

    raw = Path(args.raw)
    if not raw.is_dir():
        problem = "no such directory" if not raw.exists() else "not a directory"
        raise InputError(f"{args.raw}: {problem}")
    if not (raw / "articles.csv").is_file() and not list(raw.glob("*.txt")):
        raise InputError(f"{args.raw}: no articles (articles.csv or *.txt) found")
    t0 = time.perf_counter()
    results = write_outputs(raw, Path(args.out))
    n = len(results["articles"])
    print(f"wrote figures, results.json and report.md for {n} article(s) to {args.out} "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


def _cmd_corpus(args) -> int:
    from analysis.corpus.cli import run

    return run(args)


def _add_file(p: argparse.ArgumentParser, formats=("json", "csv", "table"), default="table"):
    p.add_argument("file", help="article file (UTF-8 text; cp1252/latin-1 and HTML are converted)")
    p.add_argument("--format", choices=formats, default=default, help="output format")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``.

    >>> sorted(build_parser()._subparsers._group_actions[0].choices)
    ['corpus', 'figures', 'quotes', 'readability', 'structure', 'topics']
    """
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Quote share, topic frequency and readability of English news articles.",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    sub.required = True
    p = sub.add_parser("structure", help="blocks, sections, sentence and word counts of an article")
    _add_file(p)
    p.set_defaults(func=_cmd_structure)
    p = sub.add_parser("readability", help="readability formulas per article, section, paragraph")
    _add_file(p)
    p.set_defaults(func=_cmd_readability)
    p = sub.add_parser("quotes", help="direct, partial, scare and indirect quotes with speakers")
    _add_file(p)
    p.add_argument("--share", action="store_true", help="print quote share per speaker instead")
    p.add_argument("--by", choices=("speaker", "affiliation"), default="speaker",
                   help="group the share table by speaker (default) or affiliation")
    p.add_argument("--indirect", action="store_true",
                   help="count indirect (reported) speech in the share table too")
    p.set_defaults(func=_cmd_quotes)
    p = sub.add_parser("topics", help="topic frequency from a lexicon, with the matched words")
    _add_file(p)
    p.add_argument("--lexicon", metavar="FILE", help="a TOML topic lexicon (default: shipped)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--hits", action="store_true",
                       help="print every hit (topic, term, start, end, …) instead")
    group.add_argument("--suggest", action="store_true",
                       help="print suggested lexicon additions instead")
    group.add_argument("--by", choices=("section", "speaker"),
                       help="print hits per topic and section, or per speaker vs narration")
    p.add_argument("--places", action="store_true",
                   help="print places mentioned (with --hits: every mention)")
    p.set_defaults(func=_cmd_topics)
    p = sub.add_parser("figures", help="regenerate every figure, results.json and report.md")
    p.add_argument("--raw", default=str(RAW_DIR), help="folder of articles and articles.csv")
    p.add_argument("--out", default=str(FIGURES_DIR), help="output folder")
    p.set_defaults(func=_cmd_figures)
    p = sub.add_parser("corpus", help="analyse a folder or table of articles into Parquet "
                       "tables, corpus figures and a report")
    from analysis.corpus.cli import add_arguments

    add_arguments(p)
    p.set_defaults(func=_cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns the exit status (2 for a user mistake, with one line on
    stderr). See the module docstring for an example."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `| head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
