"""Hostile input: linear time on adversarial patterns and bounded memory on a 10 MB input.

Each pattern of issue 10 is repeated to 25, 50, 100 and 200 KB (thousands of characters) and run
through the whole per-article analysis in-process: the text model (structure), the quotes table,
readability (with quote units) and topics — the calls :func:`analysis.report.analyse` makes.
Reported per size: seconds per stage and the total, and the growth ratio of the total when the
input doubles (linear time shows as ~2; the goal is ≤ 2.5); each size keeps the fastest of three
runs (``--repeat``). Because timings on a shared machine are noisy, each size also reports the
number of Python function calls of one profiled run and its growth ratio: work, not time, so an
exact ~2.0 shows linear work whatever the load. A size that takes longer than the
time limit (``--limit``, default 120 s) is stopped and the larger sizes of that pattern skipped.

Patterns:

* ``open-straight``: ``He said "`` + ``a "b `` × N (straight quotes that never pair up);
* ``scare``: ``the so-called “reform” and `` × N (one paragraph of scare quotes);
* ``open-curly``: ``“word `` × N (opening marks that never close);
* ``why``: ``“Why?” `` × N (short quotes, each needing a cue search);
* ``orgs``: distinct organisation names (``The Ministry of Kab met him.`` …);
* ``ministry``: ``The Ministry of Health met him. `` × N (one organisation, many mentions);
* ``possessive``: a word followed by ``'s`` × N (readability's syllable splitter);
* ``quote-lines``: ``“a”`` alone on each of N lines (quote spans per paragraph);
* ``byline``: ``“x” — Q`` + a long word that never matches a name (the byline pattern);
* ``names``: N distinct two-word names (lower-case lookups of many distinct words);
* ``topic-paragraphs``: N one-line paragraphs with topic terms (corroboration of hits);
* ``topic-sentence``: one capitalised run without a full stop (one enormous sentence, a
  headline-like run exempt from the name rule) of topic terms and their context-rule words
  (sentence-scoped rules without a word window: their words are found once per sentence);
* ``topic-paragraph``: one enormous paragraph of short sentences with ``company`` (a
  paragraph-scoped rule, lexicon 2.8), ``court``, ``police``, ``school``, ``attack``.

Memory: a 10 MB input (the sample's paragraphs repeated into one file of paragraphs, and 200,000
short lines) runs in a child process (``subprocess`` of this script, the package's own code) and
reports its peak resident set size (``ru_maxrss``); the goal is < 500 MB. ``--rss-stages lines``
(or ``paragraphs``) runs it in this process and prints, per stage of ``analyse``, its seconds, the
RSS after it and the highest RSS seen during it (sampled every 10 ms), to show where the peak is.

Run: ``.venv/bin/python benchmarks/adversarial.py [pattern …] [--sizes 25 50 …] [--no-rss]
[--cpu]`` (``--cpu``: the stages in CPU seconds of this process instead of wall seconds).
Timings on a shared machine are noisy: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES_KB = (25, 50, 100, 200)


def _name(i: int) -> str:
    """A distinct capitalised word for every i ("Kab", "Keb", …)."""
    cons, vows = "bdfgklmnprstvz", "aeiou"
    out = ""
    while True:
        out += cons[i % len(cons)] + vows[(i // len(cons)) % len(vows)]
        i //= len(cons) * len(vows)
        if not i:
            break
    return "K" + out


def _repeat(unit: str, size: int, head: str = "") -> str:
    return head + unit * ((size - len(head)) // len(unit) + 1)


def _orgs(size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        s = f"The Ministry of {_name(i)} met him. "
        parts.append(s)
        n += len(s)
        i += 1
    return "".join(parts)


PATTERNS = {
    "open-straight": lambda n: _repeat('a "b ', n, 'He said "'),
    "scare": lambda n: _repeat("the so-called “reform” and ", n),
    "open-curly": lambda n: _repeat("“word ", n),
    "why": lambda n: _repeat("“Why?” ", n),
    "orgs": _orgs,
    "ministry": lambda n: _repeat("The Ministry of Health met him. ", n),
    "possessive": lambda n: "word" + "'s" * ((n - 4) // 2),
    "quote-lines": lambda n: _repeat("“a”\n", n),
    "byline": lambda n: "“x” — Q" + "u" * (n - 8) + "!",
    "names": lambda n: "".join(f"The {_name(i)} {_name(i + 7)} met him. "
                               for i in range(n // 20 + 1)),
    "topic-paragraphs": lambda n: _repeat(
        "The football league met the school board on the election.\n", n),
    "topic-sentence": lambda n: _repeat(
        "Court Attack Lawyer Officers Ruling Company Schools Police Tennis Judge Killed Grew Up ",
        n),
    "topic-paragraph": lambda n: _repeat(
        "The company said the court and the police met the school board on the attack. ", n),
}


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


# the clock of run_once: wall time, or CPU time of this process with --cpu (less noisy on a
# shared machine)
_CLOCK = time.perf_counter


def run_once(text: str) -> dict[str, float]:
    """Seconds per stage of the whole per-article analysis of ``text`` (and, for the record,
    ``n_sentences`` and ``n_quotes``), on the clock chosen by ``--cpu``."""
    from analysis.quotes import quotes_table
    from analysis.readability import readability_table
    from analysis.text import article_from_text
    from analysis.topics import topic_hits, topic_summary

    t0 = _CLOCK()
    art = article_from_text(text, "adversarial")
    t1 = _CLOCK()
    quotes = quotes_table(art)
    t2 = _CLOCK()
    readability_table(art, quotes)
    t3 = _CLOCK()
    topic_summary(art, topic_hits(art, quotes=quotes))
    t4 = _CLOCK()
    return {"text": t1 - t0, "quotes": t2 - t1, "readability": t3 - t2, "topics": t4 - t3,
            "total": t4 - t0, "n_sentences": len(art.sentences), "n_quotes": len(quotes)}


def _clear_word_caches() -> None:
    """Empty the package's per-word and per-name ``lru_cache``s (not the loaded dictionaries and
    tables, ``maxsize=1``), so a profiled run counts the
    work of a cold process: a warm cache would hide a smaller size's work but not a larger one
    whose distinct words exceed the cache (the call and time ratios would then overstate the
    growth: many distinct names at 100 KB fit ``_name_shape``'s 4,096 entries, at 200 KB not)."""
    for mod_name, mod in list(sys.modules.items()):
        if mod_name.startswith("analysis") and mod is not None:
            for value in list(vars(mod).values()):
                if getattr(value, "__module__", "") != mod_name or not hasattr(value, "cache_info"):
                    continue
                size = value.cache_info().maxsize
                if size is None or size > 1:  # per-word caches, not loaded resources
                    value.cache_clear()


def bench_pattern(name: str, sizes, limit: float, repeat: int = 3, count_calls: bool = True
                  ) -> list[tuple[int, dict | None, str]]:
    rows = []
    previous = None
    for kb in sizes:
        if previous == "timeout":
            rows.append((kb, None, "skipped"))
            continue
        text = PATTERNS[name](kb * 1000)[: kb * 1000]
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            # the fastest of ``repeat`` runs (the machine is shared); a slow size runs once
            _clear_word_caches()  # every run cold, as a fresh process: see _clear_word_caches
            res = run_once(text)
            for _ in range(repeat - 1 if res["total"] < limit / (2 * repeat) else 0):
                _clear_word_caches()
                again = run_once(text)
                res = again if again["total"] < res["total"] else res
            note = ""
            if count_calls:  # Python function calls of one run: work, free of timing noise
                _clear_word_caches()  # cold, as in a fresh process: the same work at every size
                prof = cProfile.Profile()
                prof.enable()
                run_once(text)
                prof.disable()
                res["calls"] = pstats.Stats(prof, stream=io.StringIO()).total_calls
        except _Timeout:
            res, note = None, f"> {limit:.0f} s"
            previous = "timeout"
        except Exception as exc:  # noqa: BLE001 - reported, the benchmark goes on
            res, note = None, f"{type(exc).__name__}: {str(exc)[:60]}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        rows.append((kb, res, note))
    return rows


def print_pattern(name: str, rows) -> float | None:
    worst = None
    prev_total = prev_calls = None
    for kb, res, note in rows:
        if res is None:
            print(f"{name:<14} {kb:>4} KB  {note}")
            prev_total = prev_calls = None
            continue
        ratio = res["total"] / prev_total if prev_total else None
        calls = res.get("calls")
        c_ratio = calls / prev_calls if calls and prev_calls else None
        if ratio is not None:
            worst = max(worst or 0.0, ratio)
        print(f"{name:<14} {kb:>4} KB  {res['text']:7.3f} {res['quotes']:7.3f} "
              f"{res['readability']:7.3f} {res['topics']:7.3f} {res['total']:8.3f}  "
              f"{'' if ratio is None else f'{ratio:5.2f}':>5}  {calls or '':>9} "
              f"{'' if c_ratio is None else f'{c_ratio:5.2f}'}")
        prev_total = max(res["total"], 1e-3)
        prev_calls = calls
    return worst


def rss_input(kind: str) -> str:
    """A 10 MB input: ``paragraphs`` (the sample's paragraphs repeated) or ``lines``
    (200,000 short lines)."""
    size = 10_000_000
    if kind == "lines":
        unit = "A short line of text.\n"
        return (unit * (size // len(unit) + 1))[:size]
    sample = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    body = "\n".join(ln for ln in sample.split("\n") if ln.endswith((".", "”"))) + "\n"
    return (body * (size // len(body) + 1))[:size].rsplit(" ", 1)[0] + "."


#: The calls of :func:`analysis.report.analyse`, traced by ``--rss-stages``.
STAGES = ("quotes_table", "topic_hits", "share_table", "topic_summary", "topic_breakdown",
          "place_hits", "place_summary", "readability_table", "sentences_table",
          "sections_table")


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _trace_stages() -> dict[str, list[float]]:
    """Wrap the calls of ``analyse`` to record, per stage, its seconds, the RSS after it and the
    highest RSS seen while it ran (sampled every 10 ms by a thread; Linux ``/proc``)."""
    import threading

    from analysis import report

    current, stats = ["article"], {}

    def sample():
        while True:
            row = stats.setdefault(current[0], [0.0, 0.0, 0.0])
            row[2] = max(row[2], _rss_mb())
            time.sleep(0.01)

    def wrap(name):
        inner = getattr(report, name)

        def traced(*args, **kwargs):
            current[0] = name
            t0 = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                row = stats.setdefault(name, [0.0, 0.0, 0.0])
                row[0] += time.perf_counter() - t0
                row[1] = _rss_mb()
                row[2] = max(row[2], row[1])
                current[0] = "(between stages)"
        setattr(report, name, traced)

    for name in STAGES:
        wrap(name)
    threading.Thread(target=sample, daemon=True).start()
    return stats


def rss_child(kind: str, stages: bool = False) -> None:
    """Run the whole analysis of a 10 MB input and print the peak RSS in MB and the seconds
    (child side); with ``stages``, first one line per stage of ``analyse`` (seconds, RSS after,
    highest RSS during)."""
    from analysis.text import article_from_text

    stats = _trace_stages() if stages else None
    from analysis.report import analyse

    text = rss_input(kind)
    t0 = time.perf_counter()
    analyse(article_from_text(text, "big"))
    elapsed = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    if stats is not None:
        for name, (secs, after, high) in list(stats.items()):  # "article": parsing the text
            timed = f"{secs:7.1f} s  RSS after {after:5.0f} MB" if after else " " * 26
            print(f"  {name:<18} {timed}  peak during {high:5.0f} MB")
    print(f"{peak_kb / 1024:.0f} {elapsed:.1f}")


def measure_rss(kind: str, limit: float) -> str:
    try:
        out = subprocess.run([sys.executable, __file__, "--rss-child", kind], capture_output=True,
                             text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed: {last[:100]}"
    mb, secs = out.stdout.split()
    return f"peak RSS {mb} MB ({secs} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("patterns", nargs="*", default=[],
                        help="patterns to run (default: all): " + ", ".join(PATTERNS))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES_KB))
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (fastest kept)")
    parser.add_argument("--no-rss", action="store_true", help="skip the 10 MB memory runs")
    parser.add_argument("--cpu", action="store_true",
                        help="time the stages in CPU seconds of this process (time.process_time) "
                        "instead of wall seconds")
    parser.add_argument("--rss-child", choices=["paragraphs", "lines"], help=argparse.SUPPRESS)
    parser.add_argument("--rss-stages", choices=["paragraphs", "lines"],
                        help="run the 10 MB input in this process and print each stage's "
                        "seconds, RSS after and peak RSS (where the peak is)")
    args = parser.parse_args(argv)
    if args.rss_child or args.rss_stages:
        rss_child(args.rss_child or args.rss_stages, stages=bool(args.rss_stages))
        return 0
    if args.cpu:
        global _CLOCK
        _CLOCK = time.process_time
    run_once("“Warm up,” Ruto said. The Ministry of Health met him.")  # one-time loading
    print(f"{'pattern':<14} {'size':>7}  {'text':>7} {'quotes':>7} {'read':>7} {'topics':>7} "
          f"{'total s':>8}  ratio      calls  ratio")
    worst = {}
    for name in args.patterns or list(PATTERNS):
        worst[name] = print_pattern(name, bench_pattern(name, args.sizes, args.limit,
                                                           args.repeat))
        sys.stdout.flush()
    print("largest growth ratio per doubling (goal ≤ 2.5): " + ", ".join(
        f"{k} {'n/a' if v is None else f'{v:.2f}'}" for k, v in worst.items()))
    if not args.no_rss:
        for kind in ("paragraphs", "lines"):
            print(f"10 MB {kind}: {measure_rss(kind, 10 * args.limit)} (goal < 500 MB)",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
