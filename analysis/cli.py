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
import os
import sys
from contextlib import nullcontext
from pathlib import Path

from analysis._gc import article_gc
from analysis._lazy import pd  # pandas only for the commands that build tables
from analysis.output import dump, records
from analysis.text import Article, InputError, blocks_table, load_article


def _emit(df: pd.DataFrame, fmt: str, json_obj=None) -> None:
    """Print a table in the chosen format; ``json_obj`` overrides the JSON shape."""
    if fmt == "json":
        dump(records(df) if json_obj is None else json_obj, sys.stdout)
        sys.stdout.write("\n")
    elif fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    else:
        if df.empty:
            print("(no rows)")
        else:
            with pd.option_context("display.max_rows", None, "display.max_columns", None,
                                   "display.width", 160, "display.max_colwidth", 60):
                print(df.to_string(index=False))


def _emit_rows(columns: list[str], rows: list[tuple], fmt: str, json_obj=None,
               table_columns: list[str] | None = None) -> None:
    """Print plain rows like :func:`_emit` prints a table, without pandas (CSV and JSON are
    the same bytes ``DataFrame.to_csv`` and :func:`records` give; the text table left-aligns
    text and right-aligns numbers)."""
    if fmt == "json":
        dump([dict(zip(columns, r, strict=True)) for r in rows]
             if json_obj is None else json_obj, sys.stdout)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
        return
    if not rows:
        print("(no rows)")
        return
    keep = [columns.index(c) for c in (table_columns or columns)]
    cells = [["" if r[i] is None else str(r[i]) for i in keep] for r in rows]
    heads = [columns[i] for i in keep]
    numeric = [all(isinstance(r[i], int | float) or r[i] is None for r in rows) for i in keep]
    widths = [max(len(h), *(len(c[k]) for c in cells)) for k, h in enumerate(heads)]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    print("\n".join([line(heads)] + [line(c) for c in cells]))


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
    from analysis.quotes import QUOTE_COLUMNS, quote_rows

    art = _load(args.file)
    if args.share or args.by or args.indirect:  # --by and --indirect imply --share
        from analysis.quotes import quotes_table, share_table

        table = quotes_table(art)
        _warn_quotes(table, args.file)
        table = share_table(table, include_indirect=args.indirect, by=args.by or "speaker")
        _emit(table.round(4) if args.format == "table" else table, args.format,
             _with_encoding(table, art, args.format))
        return 0
    # the quotes themselves need no pandas: plain rows, printed directly (fast start-up)
    rows, warnings = quote_rows(art)
    for w in warnings:
        print(f"warning: {args.file}: {w}", file=sys.stderr)
    if args.format == "table":
        text = QUOTE_COLUMNS.index("text")
        rows = [r[:text] + ((r[text] if len(r[text]) <= 50 else r[text][:49] + "…"),)
                + r[text + 1:] for r in rows]
        cols = ["paragraph", "start", "end", "kind", "speaker", "cue", "position", "words", "text"]
        _emit_rows(QUOTE_COLUMNS, rows, "table", table_columns=cols)
    else:
        obj = ([{**dict(zip(QUOTE_COLUMNS, r, strict=True)), "encoding": art.encoding}
                for r in rows] if args.format == "json" else None)
        _emit_rows(QUOTE_COLUMNS, rows, args.format, obj)
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
    if args.suggest and Path(args.file).is_dir():
        from analysis.topic_lexicon import suggest_corpus

        table = suggest_corpus(_folder_articles(args.file), lexicon)
        _emit(table, args.format)
        return 0
    art = _load(args.file)
    quotes = quotes_table(art)
    _warn_quotes(quotes, args.file)
    if args.suggest:
        table = suggest_terms(art, lexicon)
    elif args.places:
        places = place_hits(art, quotes)
        table = places if args.hits else place_summary(places)
    else:
        hits = topic_hits(art, lexicon, quotes, dropped=args.dropped)
        if args.hits or args.dropped:
            table = hits
        elif args.by:
            table = topic_breakdown(art, hits, args.by, quotes, lexicon)
        else:
            table = topic_summary(art, hits, lexicon)
    _emit(table.round(4) if args.format == "table" else table, args.format,
         _with_encoding(table, art, args.format))
    return 0


def _folder_articles(folder: str):
    """Every .txt article of a folder (sorted); an unreadable one is skipped with a warning."""
    paths = sorted(Path(folder).glob("*.txt"))
    if not paths:
        raise InputError(f"{folder}: no .txt articles found")
    for path in paths:
        try:
            art = load_article(path)
        except InputError as exc:
            print(f"warning: skipped {exc}", file=sys.stderr)
            continue
        yield art


def _cmd_lexicon(args) -> int:
    from analysis.topic_lexicon import check_lexicon
    from analysis.topics import load_lexicon

    lex = load_lexicon(args.lexicon)
    if args.corpus is not None and not Path(args.corpus).is_dir():
        raise InputError(f"{args.corpus}: not a folder of .txt articles")
    corpus = _folder_articles(args.corpus) if args.corpus else None
    table = check_lexicon(lex, corpus)
    print(f"{lex.source}: valid lexicon '{lex.name}' version {lex.version or '(none)'}, "
          f"{len(lex.topics)} topics, {len(table)} finding(s)", file=sys.stderr)
    _emit(table, args.format)
    return 0


def _cmd_figures(args) -> int:
    import time

    import matplotlib

    matplotlib.use("Agg")  # no display needed; figures are saved, never shown
    from analysis.report import write_outputs

    t0 = time.perf_counter()

    def warn(msg: str) -> None:
        print(f"warning: {msg}", file=sys.stderr)

    results = write_outputs(Path(args.raw), Path(args.out), lexicon=args.lexicon, warn=warn)
    n, failed = len(results["articles"]), len(results["failures"])
    print(f"wrote figures, results.json and report.md for {n} article(s) to {args.out} "
          f"in {time.perf_counter() - t0:.1f} s"
          + (f"; {failed} article(s) failed (listed in results.json and report.md)"
             if failed else ""), file=sys.stderr)
    return 1 if failed else 0


#: Where ``figures`` reads and writes by default: relative to the current folder, so that an
#: installed ``news-analysis figures`` works in any folder holding ``data/raw/``.
DEFAULT_RAW = "data/raw"
DEFAULT_OUT = "figures"


def prog_name(argv0: str | None = None) -> str:
    """The program name shown in usage lines: ``python -m analysis`` when run as a module,
    else the name it was started by (``news-analysis`` for the installed script).

    >>> prog_name("/usr/lib/python3/site-packages/analysis/__main__.py")
    'python -m analysis'
    >>> prog_name("/home/me/.venv/bin/news-analysis")
    'news-analysis'
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    name = Path(argv0).name
    if not name or name in ("__main__.py", "-c", "-m") or name.endswith(".py"):
        return "python -m analysis"
    return name


def _cmd_corpus(args) -> int:
    from analysis.corpus.cli import run

    return run(args)


def _add_file(p: argparse.ArgumentParser, formats=("json", "csv", "table"), default="table"):
    p.add_argument("file", help="article file (UTF-8 text; cp1252/latin-1 and HTML are converted)")
    p.add_argument("--format", choices=formats, default=default,
                   help="output format (default: %(default)s)")


def _add_lexicon(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", metavar="FILE|NAME",
                   help="a TOML topic lexicon file, or a shipped one by name: default (IPTC "
                        "Media Topics, 17 subjects) or international-affairs (default: default)")


def _figures_dirs_hint(args) -> None:
    """A clear one-line error when ``figures`` has no input folder (before any work)."""
    raw = Path(args.raw)
    if not raw.is_dir():
        problem = "no such directory" if not raw.exists() else "not a directory"
        where = (f" (the default is {DEFAULT_RAW}/ of the current folder, {Path.cwd()}; "
                 "run in a folder holding data/raw/ or pass --raw DIR)"
                 if args.raw == DEFAULT_RAW else "")
        raise InputError(f"{args.raw}: {problem}{where}")


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis`` (or the installed ``news-analysis``).

    >>> sorted(build_parser()._subparsers._group_actions[0].choices)
    ['corpus', 'figures', 'lexicon', 'quotes', 'readability', 'structure', 'topics']
    >>> build_parser("news-analysis").parse_args(["figures"]).raw
    'data/raw'
    """
    parser = argparse.ArgumentParser(
        prog=prog or prog_name(),
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
    p.add_argument("--by", choices=("speaker", "affiliation"),
                   help="print the quote share grouped by speaker or by affiliation (implies "
                        "--share; default with --share: speaker)")
    p.add_argument("--indirect", action="store_true",
                   help="count indirect (reported) speech in the share table too (implies "
                        "--share)")
    p.set_defaults(func=_cmd_quotes)
    p = sub.add_parser("topics", help="topic frequency from a lexicon, with the matched words")
    _add_file(p)
    _add_lexicon(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--hits", action="store_true",
                       help="print every hit (topic, term, start, end, …) instead")
    group.add_argument("--dropped", action="store_true",
                       help="print every candidate hit, counted or not, with a 'dropped' "
                            "column giving why it did not count (empty: counted)")
    group.add_argument("--suggest", action="store_true",
                       help="print suggested lexicon additions instead (FILE may be a "
                            "folder of .txt articles)")
    group.add_argument("--by", choices=("section", "speaker"),
                       help="print hits per topic and section, or per speaker vs narration")
    p.add_argument("--places", action="store_true",
                   help="print places mentioned (with --hits: every mention)")
    p.set_defaults(func=_cmd_topics)
    p = sub.add_parser("lexicon", help="check a topic lexicon (overlaps; never-matching terms "
                                       "against a folder of articles)")
    p.add_argument("action", choices=("check",), help="what to do (check)")
    p.add_argument("lexicon", help="a lexicon file or shipped name (default, "
                                   "international-affairs)")
    p.add_argument("corpus", nargs="?", help="a folder of .txt articles to check against")
    p.add_argument("--format", choices=("json", "csv", "table"), default="table",
                   help="output format")
    p.set_defaults(func=_cmd_lexicon)
    p = sub.add_parser("figures", help="regenerate every figure, results.json and report.md")
    p.add_argument("--raw", default=DEFAULT_RAW, metavar="DIR",
                   help="folder of articles and articles.csv, relative to the current folder "
                        "(default: %(default)s)")
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help="output folder, relative to the current folder (default: %(default)s)")
    _add_lexicon(p)
    p.set_defaults(func=_cmd_figures)
    p = sub.add_parser("corpus", help="analyse a folder or table of articles into Parquet "
                       "tables, corpus figures and a report")
    from analysis.corpus.cli import add_arguments

    add_arguments(p)
    p.set_defaults(func=_cmd_corpus)
    return parser


#: The commands that analyse one article, run under :func:`analysis._gc.article_gc`.
SINGLE_ARTICLE_COMMANDS = ("structure", "readability", "quotes", "topics")


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns the exit status: 0 success, 1 when ``figures`` wrote its
    outputs but some articles failed (they are listed in results.json and report.md), 2 for a
    user mistake (bad input, metadata or output folder), with one line on stderr. See the
    module docstring for an example."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "figures":
            _figures_dirs_hint(args)
        # the collector policy for one article (see analysis._gc); figures applies it per
        # article in analyse, corpus in the engine's batches
        with article_gc() if args.command in SINGLE_ARTICLE_COMMANDS else nullcontext():
            status = int(args.func(args) or 0)
        sys.stdout.flush()  # a full or closed stdout fails here, not at exit
        return status
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `| head`
        _drop_stdout()
        return 0
    except OSError as exc:  # reading and --out are InputErrors: this is stdout (e.g. /dev/full)
        _drop_stdout()
        print(f"error: cannot write the output to stdout ({exc.strerror or exc})",
              file=sys.stderr)
        return 2


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
