"""``python -m analysis corpus INPUT --out DIR``: the corpus subcommand's options and its run.

Kept apart from :mod:`analysis.cli` so that module only adds one subcommand; nothing heavy is
imported until the command runs.

>>> import argparse
>>> p = argparse.ArgumentParser()
>>> add_arguments(p)
>>> p.parse_args(["data/corpus", "--out", "o", "--jobs", "2"]).jobs
2
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``corpus`` (see ``python -m analysis corpus --help``)."""
    p.add_argument("input", help="a folder of .txt/.md/.html files (optional articles.csv), or "
                   "a .jsonl, .csv or .parquet file with one article per row")
    p.add_argument("--out", required=True, help="output folder (tables, manifest, report)")
    p.add_argument("--jobs", type=int, default=None,
                   help="worker processes (default: the machine's cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--lexicon", metavar="FILE", help="a TOML topic lexicon (default: shipped)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="articles per batch / Dask task (default: chosen from corpus size)")
    p.add_argument("--no-figures", action="store_true",
                   help="tables, results.json and report.md only; skip drawing figures")
    p.add_argument("--article", nargs="+", metavar="ID", default=[],
                   help="also write the single-article figure folders of these articles")
    p.add_argument("--top", type=int, default=10, help="speakers shown before 'others'")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--progress-every", type=int, default=1000, metavar="N",
                   help="when stderr is not a terminal, one progress line per N articles")


def run(args: argparse.Namespace) -> int:
    """Run the corpus command; 0 when every article was analysed, 1 when some failed (listed
    in ``errors.parquet``) or the input changed while the run read it. Bad input raises
    :class:`analysis.text.InputError` (exit 2)."""
    from pathlib import Path

    from analysis.corpus.engine import run_corpus
    from analysis.text import InputError

    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {args.jobs}")
    if args.batch_size is not None and args.batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, not {args.batch_size}")
    if args.scheduler and args.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    result = run_corpus(args.input, args.out, jobs=args.jobs, engine=args.engine,
                        scheduler=args.scheduler, lexicon=args.lexicon,
                        batch_size=args.batch_size, quiet=args.quiet,
                        progress_every=args.progress_every)
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    from analysis.corpus.report import write_corpus_outputs

    write_corpus_outputs(Path(args.out), draw=not args.no_figures, articles=args.article,
                         top=args.top, input_path=args.input)
    m = result.manifest
    c = m["counts"]
    rate = m["timings"]["articles_per_s"]
    print(f"corpus: {c['input_articles']} article(s): {c['analysed']} analysed, "
          f"{c['skipped']} unchanged, {c['failed']} failed"
          + (f"; {rate:,.1f} articles/s" if rate else "") + f"; tables in {args.out}",
          file=sys.stderr)
    if c["failed"]:
        print(f"error: {c['failed']} article(s) failed; see {Path(args.out) / 'errors.parquet'}",
              file=sys.stderr)
        return 1
    if result.input_changed:
        print(f"error: {args.input} changed during the run; run again", file=sys.stderr)
        return 1
    return 0
