"""Feasibility of compiled code (issue 11): the per-article function compiled with mypyc against
pure Python, timed in one run, and checked for identical output.

Run with ``.venv/bin/python benchmarks/compiled.py [--articles 200] [--rounds 5] [--mode typed]``
(PolNeAR train + dev too when the environment variable ``POLNEAR`` is set; never the test
split). Needs mypyc (``pip install mypy``: not a project dependency), a C compiler and the
Python headers; without them it prints what is missing and exits 0.

What it does, in a temporary folder (the checkout is never changed):

1. copies ``analysis/`` twice: ``pure`` as it is, and ``compiled`` with :data:`MODULES` (the
   modules of the per-article function's profile) compiled by mypyc in place. Two ways to make
   the code acceptable to mypyc (``--mode``):

   * ``typed``: ``benchmarks/data/mypyc_types.patch`` applied first — annotation-only changes
     (variables reused with another type declared ``Any``, a few ``# type: ignore`` where mypy
     cannot narrow, two return types widened to what the code returns, the attributes a class
     sets with ``setattr`` declared). mypyc trusts annotations and checks them at run time, so a
     wrong annotation is a ``TypeError`` in compiled code; the identity check catches those.
     When the patch no longer applies (the code moved on) the mode falls back to ``stripped``
     and says so.
   * ``stripped``: every annotation inside functions and of function signatures removed (class
     fields kept; a property returns ``object``; a class's ``__slots__`` declared as fields):
     mechanical, works on any checkout, compiles everything as untyped objects.

   ``text/model.py`` (named-tuple fields ``index`` and ``count`` shadow tuple methods) and
   ``readability/tables.py`` (a ``list`` subclass, not supported in a compiled class) stay
   Python.
2. checks identity: each copy, in its own interpreter, pickles
   :func:`analysis.corpus.records.article_records` of 1,000 synthetic articles (seed 1000,
   60 paragraphs), of every file in ``tests/data`` (read as folder items), of two long generated
   texts (1.2 MB) and of PolNeAR train + dev; the pickles' SHA-256 must match.
3. times both copies taking turns (``--rounds`` rounds, the order alternating): per-article
   milliseconds of ``article_records`` (process CPU time, so waiting for a shared core is not
   counted), of its stages (parse, quotes, topics, places, readability) and of the main
   functions inside them, on sample-sized synthetic articles (``--articles``, seed 7, 60
   paragraphs) and, with ``POLNEAR``, on PolNeAR train + dev (every word met once before timing).

Measured on the 2-core development machine (mypy 2.4.1, gcc -O3, CPython 3.11.7; load about 4
from other work), runs of 2026-12-01: compiling the 22 modules took 103-145 s wall (70-90 s of
CPU; one gcc call on the group's one generated C file holds most of it); output identical on
all 1,999 articles in both modes; ``article_records`` 1.12-1.29x faster typed (four runs) and
1.05-1.12x stripped on synthetic articles, 1.01-1.14x typed (three runs) and 1.05x stripped on
PolNeAR train + dev. Compiled code calls regular expressions, string methods, tuple
constructors and numpy exactly as the interpreter does, and that is where the costly functions
spend their time (``_token_list`` 0.96-1.13x, ``find_quote_spans`` 1.00-1.09x); branchy
pure-Python code gains more (``split_blocks`` 1.3-1.9x, ``extract_quotes`` 1.10-1.36x).
Before ``_line_groups``'s return type was widened in the patch, the typed build turned every
text over 1 MB into an error row (pure Python analyses it), which the synthetic, tests/data and
PolNeAR texts never showed: hence the two long texts in the identity check.

Re-run 2026-12-01 06:00 UTC (load 2.2-2.7 from other work), after the patch was regenerated
for round 10's quote rules (the two hunks that no longer applied redone by hand; mypy needed
nothing new), ``--mode typed --rounds 3`` with ``POLNEAR``, one run: compile 160 s wall;
output identical on all 1,999 articles; ``article_records`` 1.24x [1.23, 1.26] faster on
synthetic articles and 1.10x [1.09, 1.12] on PolNeAR train + dev (median [min, max] of the
rounds' ratios).

Round 12 (2026-12-01 10:20-10:45 UTC, load 1-2.5 from other work): ``quotes/subjects.py``
became the package ``quotes/subjects/``, so :data:`MODULES` names its five modules (26 in all)
and the patch was regenerated (the old hunks re-applied, the appositive ``_Subject`` returns and
one ``Match`` use in ``after.py`` given ``# type: ignore``). ``--mode typed``: compile 105-108 s
wall, output identical on the 1,075 synthetic and tests/data articles, ``article_records``
1.24x (50 articles) and 1.14x (20 articles) faster, one round each. With ``--keep`` the
compiled copy also ran the whole ``corpus`` command (``benchmarks/corpus.py --sizes 10000
--configs jobs2 --baseline <the kept copy>``, taking turns with the pure code): 6.9 against 7.7
ms of CPU per article (1.12x), at most 290 against 260 articles/s on 2 free cores.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATCH = ROOT / "benchmarks" / "data" / "mypyc_types.patch"
#: The modules compiled: those of article_records' profile (cProfile on 200 sample-sized
#: articles), in order of their own time.
MODULES = [
    "analysis/topics/matching.py", "analysis/text/build.py", "analysis/quotes/attribution.py",
    "analysis/readability/columns.py", "analysis/speakers/__init__.py",
    "analysis/quotes/subjects/clause.py", "analysis/quotes/subjects/phrases.py",
    "analysis/quotes/subjects/before_cue.py", "analysis/quotes/subjects/after_cue.py",
    "analysis/quotes/subjects/words.py", "analysis/text/sentence_spans.py",
    "analysis/topics/hits.py",
    "analysis/sentences.py", "analysis/quotes/cues.py", "analysis/corpus/records.py",
    "analysis/topics/rules.py", "analysis/quotes/resolve.py", "analysis/quotes/marks.py",
    "analysis/quotes/after.py", "analysis/text/blocks.py", "analysis/quotes/index.py",
    "analysis/topics/places.py", "analysis/quotes/before.py", "analysis/readability/formulas.py",
    "analysis/speakers/names.py", "analysis/quotes/kinds.py",
]
MYPY_FLAGS = ["--ignore-missing-imports", "--follow-imports=silent", "--allow-untyped-globals",
              "--disable-error-code=annotation-unchecked"]

SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
setup(name="compiled-analysis", packages=[],
      ext_modules=mypycify(sys.argv.pop(1).split(","), opt_level="3"))
"""

# One child per copy: loads the texts, then answers commands ("total", "stages", "funcs") with
# per-article milliseconds as JSON, or dumps article_records ("dump PATH").
CHILD = r'''
import collections, hashlib, json, os, pickle, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[5])  # benchmarks/: the shared stage timing (imports the copy's code)
from _stages import STAGES, stage_seconds
from pathlib import Path
from analysis.corpus.records import article_records, quote_rows, topic_rows
from analysis.corpus.sources import Item
from analysis.corpus.synthetic import synthetic_articles
from analysis.quotes import SPEECH_KINDS, UNATTRIBUTED, extract_quotes, find_quote_spans
from analysis.readability import readability_records
from analysis.readability.columns import _columns
from analysis.speakers import find_entities
from analysis.text import article_from_text
from analysis.text.blocks import split_blocks
from analysis.text.build import _token_list
from analysis.text.sentence_spans import split_sentences
from analysis.topics import default_lexicon, place_hit_records, topic_hit_records
from analysis.topics.matching import _match_runs
import analysis.text.build as build

kind, n, tests_data = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
lex = default_lexicon()


def polnear():
    root = Path(os.environ["POLNEAR"]) / "data"
    for split in ("train", "dev"):  # never the test split
        for p in sorted((root / split / "text").glob("*.txt")):
            yield f"polnear/{split}/{p.stem}", p.read_text(encoding="utf-8")


def dump(path):
    out = {}
    for a in synthetic_articles(1000, seed=1000, paragraphs=60):
        meta = {k: v for k, v in a.items() if k != "text"}
        out["synthetic/" + a["id"]] = article_records(Item(a["id"], meta, "", text=a["text"]), lex)
    for f in sorted(p for p in tests_data.rglob("*") if p.is_file()):
        item = Item(f.stem, {"id": f.stem, "file": f.name},
                    hashlib.sha256(f.read_bytes()).hexdigest(), path=str(f))
        out["tests_data/" + str(f.relative_to(tests_data))] = article_records(item, lex)
    if os.environ.get("POLNEAR"):
        for key, t in polnear():
            out[key] = article_records(Item(key, {"id": key}, "", text=t), lex)
    # long texts take other paths (line spans as arrays past 1 MB, token columns past 100,000
    # words): a wrong annotation there is a TypeError only compiled code raises
    para = "“Trade grew,” the minister said in Nairobi. Exports rose again. "
    for key, t in (("long/1.2MB", (para * 30 + "\n\n") * 600),
                   ("long/one-line", "The strike went on. " * 60_000)):
        out[key] = article_records(Item(key, {"id": key}, "", text=t), lex)
    with open(path, "wb") as fh:
        pickle.dump(out, fh, protocol=5)
    errors = collections.Counter(e[1] for r in out.values() for e in r["errors"])
    return {"articles": len(out), "errors": dict(errors)}


if kind == "synthetic":
    texts = [a["text"] for a in synthetic_articles(n, seed=7, paragraphs=60)]
elif kind == "polnear":
    texts = [t for _, t in polnear()]
else:
    texts = []
for t in texts[:3]:
    article_records(Item("w", {"id": "w"}, "", text=t), lex)
if kind == "polnear":  # every word met once (the word tables), as later in a long run
    for t in texts:
        article_records(Item("w", {"id": "w"}, "", text=t), lex)
clock = time.process_time
print(json.dumps({"compiled": build.__file__.endswith(".so")}), flush=True)


def stages():
    st = dict.fromkeys(STAGES, 0.0)
    for i, t in enumerate(texts):
        _art, secs = stage_seconds(t, f"a{i}", lex, clock)
        for k, v in zip(st, secs):
            st[k] += v
    return st


def funcs():
    acc = {}

    def tm(name, f, *a):
        t0 = clock()
        r = f(*a)
        acc[name] = acc.get(name, 0.0) + clock() - t0
        return r

    def sentences(t, blocks):
        for kind, s, e in blocks:
            if kind == "paragraph":
                split_sentences(t, s, e)

    for i, t in enumerate(texts):
        art = article_from_text(t, f"a{i}")
        blocks = tm("text.blocks.split_blocks", split_blocks, t)
        tm("text.sentence_spans.split_sentences", sentences, t, blocks)
        tm("text.build._token_list", _token_list, t,
           [(s.start, s.end, s.block, s.index) for s in art.sentences])
        spans, _ = tm("quotes.marks.find_quote_spans", find_quote_spans, art)
        tm("speakers.find_entities", find_entities, art,
           [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans])
        qs = tm("quotes.extract_quotes (all of it)", extract_quotes, art, True, spans)
        qr = quote_rows(art, qs)
        speech = sorted((r[3], r[4], r[7] or "") for r in qr if r[6] in SPEECH_KINDS)
        tm("topics.matching._match_runs", _match_runs, art, lex)
        tm("topics.topic_hit_records (all of it)", topic_hit_records, art, lex, speech)
        rs = [(s, e, sp or UNATTRIBUTED) for s, e, sp in speech]
        tm("readability.columns._columns", _columns, art, rs)
        tm("readability.readability_records (all)", readability_records, art, rs)
    return acc


for line in sys.stdin:
    cmd = line.split()
    if cmd[0] == "dump":
        print(json.dumps(dump(cmd[1])), flush=True)
        continue
    if cmd[0] == "total":
        t0 = clock()
        for i, t in enumerate(texts):
            article_records(Item(f"a{i}", {"id": f"a{i}"}, "", text=t), lex)
        out = {"article_records": clock() - t0}
    else:
        out = stages() if cmd[0] == "stages" else funcs()
    print(json.dumps({k: v * 1000 / len(texts) for k, v in out.items()}), flush=True)
'''


def missing() -> str | None:
    """What is missing to compile with mypyc here, or None."""
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        return "mypyc is not installed (pip install mypy)"
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"  # as setuptools picks
    if shutil.which(cc.split()[0]) is None:
        return f"no C compiler ({cc.split()[0]})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


class _Strip(ast.NodeTransformer):
    """Annotations out of signatures and function bodies; class fields kept, a property returns
    ``object`` (mypyc needs its type), a class's ``__slots__`` declared as ``Any`` fields (a
    compiled class has only the attributes it declares; ``setattr`` needs them)."""

    def __init__(self) -> None:
        self.in_function = 0

    def visit_FunctionDef(self, node):
        args = node.args
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                a.annotation = None
        prop = any("property" in ast.unparse(d) for d in node.decorator_list)
        node.returns = ast.Name("object") if prop else None
        self.in_function += 1
        self.generic_visit(node)
        self.in_function -= 1
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        declared = {s.target.id for s in node.body
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
        slots = [s.value for s in node.body if isinstance(s, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in s.targets)]
        names = [e.value for v in slots if isinstance(v, ast.Tuple | ast.List) for e in v.elts
                 if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        saved, self.in_function = self.in_function, 0
        node.body = [self.visit(s) for s in node.body]
        self.in_function = saved
        node.body += [ast.AnnAssign(ast.Name(n), ast.Name("Any"), None, 1) for n in names
                      if n not in declared]
        return node

    def visit_AnnAssign(self, node):
        if not self.in_function:
            return node
        if node.value is None:
            return None
        return ast.Assign([node.target], node.value)


def strip(path: Path) -> None:
    tree = _Strip().visit(ast.parse(path.read_text(encoding="utf-8")))
    tree.body.insert(0, ast.ImportFrom("typing", [ast.alias("Any")], 0))
    future = [s for s in tree.body if isinstance(s, ast.ImportFrom) and s.module == "__future__"]
    for s in future:  # (a __future__ import must stay first)
        tree.body.remove(s)
    tree.body[:0] = future
    path.write_text(ast.unparse(ast.fix_missing_locations(tree)) + "\n", encoding="utf-8")


def prepare(tmp: Path, mode: str) -> tuple[Path, Path, str, float]:
    """The pure and compiled copies of analysis/, the mode used and the compile wall time."""
    pure, comp = tmp / "pure", tmp / "compiled"
    ignore = shutil.ignore_patterns("__pycache__", "*.so")
    shutil.copytree(ROOT / "analysis", pure / "analysis", ignore=ignore)
    shutil.copytree(ROOT / "analysis", comp / "analysis", ignore=ignore)
    if mode == "typed":
        # (git apply outside any repository: paths are then relative to comp)
        env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp)}
        check = subprocess.run(["git", "apply", "--check", str(PATCH)], cwd=comp, env=env,
                               capture_output=True, text=True)
        if check.returncode:
            print(f"note: {PATCH.name} no longer applies ({check.stderr.strip()[:200]}); "
                  "using --mode stripped")
            mode = "stripped"
        else:
            subprocess.run(["git", "apply", str(PATCH)], cwd=comp, env=env, check=True)
    if mode == "stripped":
        for m in MODULES:
            strip(comp / m)
    (comp / "setup_mypyc.py").write_text(SETUP, encoding="utf-8")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "setup_mypyc.py", ",".join(MYPY_FLAGS + MODULES),
                        "build_ext", "--inplace"], cwd=comp, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if r.returncode:
        print((r.stdout + r.stderr)[-3000:])
        raise SystemExit(f"error: mypyc could not compile the {mode} copy (output above)")
    return pure, comp, mode, seconds


def start(path: Path, kind: str, n: int) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-c", CHILD, str(path), kind, str(n),
                          str(ROOT / "tests" / "data"), str(ROOT / "benchmarks")],
                         stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, cwd=path)
    p.info = json.loads(p.stdout.readline())
    return p


def ask(p: subprocess.Popen, cmd: str) -> dict:
    p.stdin.write(cmd + "\n")
    p.stdin.flush()
    return json.loads(p.stdout.readline())


def stop(*procs: subprocess.Popen) -> None:
    for p in procs:
        p.stdin.close()
        p.wait()


def identity(pure: Path, comp: Path, tmp: Path) -> bool:
    digests = {}
    for label, path in (("pure", pure), ("compiled", comp)):
        p = start(path, "none", 0)
        info = ask(p, f"dump {tmp / label}.pkl")
        stop(p)
        digests[label] = hashlib.sha256((tmp / f"{label}.pkl").read_bytes()).hexdigest()
        print(f"  {label:9s} compiled={p.info['compiled']!s:5s} {info['articles']} articles, "
              f"error rows {info['errors']}, pickle sha256 {digests[label][:16]}")
    same = digests["pure"] == digests["compiled"]
    print("  identical" if same else "  DIFFERENT: compiled output differs from pure Python")
    return same


def timing(pure: Path, comp: Path, kind: str, n: int, rounds: int) -> None:
    procs = {"pure": start(pure, kind, n), "compiled": start(comp, kind, n)}
    assert not procs["pure"].info["compiled"] and procs["compiled"].info["compiled"]
    res: dict[str, dict[str, dict[str, list[float]]]] = {
        label: {"total": {}, "stages": {}, "funcs": {}} for label in procs}
    for r in range(rounds):
        order = list(procs) if r % 2 == 0 else list(procs)[::-1]
        for cmd in ("total", "stages", "funcs"):
            for label in order:
                for k, v in ask(procs[label], cmd).items():
                    res[label][cmd].setdefault(k, []).append(v)
    stop(*procs.values())
    print(f"  ms per article, median of {rounds} rounds (process CPU time); speed-up = pure / "
          "compiled, median of the rounds' ratios [min, max]")
    for cmd in ("total", "stages", "funcs"):
        for k, pv in res["pure"][cmd].items():
            cv = res["compiled"][cmd][k]
            ratios = [a / b for a, b in zip(pv, cv, strict=True)]
            print(f"  {k:42s} {statistics.median(pv):7.3f} {statistics.median(cv):7.3f}  "
                  f"{statistics.median(ratios):.2f}x [{min(ratios):.2f}, {max(ratios):.2f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mode", choices=["typed", "stripped"], default="typed")
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and keep it")
    args = parser.parse_args()
    why = missing()
    if why:
        print(f"skipped: {why}")
        return
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="compiled-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        pure, comp, mode, seconds = prepare(tmp, args.mode)
        print(f"mode {mode}: {len(MODULES)} modules compiled in {seconds:.0f} s (wall)")
        print("identity (synthetic 1,000 + tests/data" +
              (" + PolNeAR train/dev):" if os.environ.get("POLNEAR") else "):"))
        same = identity(pure, comp, tmp)
        print(f"synthetic, {args.articles} sample-sized articles (seed 7, 60 paragraphs):")
        timing(pure, comp, "synthetic", args.articles, args.rounds)
        if os.environ.get("POLNEAR"):
            print("PolNeAR train + dev:")
            timing(pure, comp, "polnear", 0, max(2, args.rounds // 2))
        if not same:
            raise SystemExit(1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
