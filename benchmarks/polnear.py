"""Quotes and speakers on real published news: PolNeAR's gold attributions, scored per split.

PolNeAR (``networkdynamics/PolNeAR``: 1,008 US political news articles from 2016, brat
attribution annotations) is third-party text with no stated licence: it is never part of the
repository. Point the environment variable ``POLNEAR`` at the folder holding its ``data/``
(``data/{train,dev,test}/{text,attributions}``); without it this script prints a note and exits 0.

Gold (per article): the **first annotator's** ``.ann`` file. Annotation files are named
``<article>_<annotator>.ann``; the first annotator is the first one of ``data/metadata.tsv``'s
``annotators`` column that has a file (the lowest id when the metadata is missing). Every
``Attribution`` relation (``E… Attribution:T Content:T Cue:T Source:T``) whose content spans
contain a double quotation mark (“ ” „ « » " or a doubled apostrophe ``''`` / backticks ````)
is a gold quoted attribution; its content is the union of its (possibly discontinuous) spans.

Scoring (the rule of issue 12, kept exactly so figures compare):

* each predicted quote of a speech kind (``direct``, ``partial``) is assigned to the gold content
  it overlaps most, if that overlap is ≥ 50 % of the prediction; predictions assigned to one gold
  content form one cluster (PolNeAR keeps “A,” she said. “B.” as one relation);
* a gold content is *found* when its cluster covers ≥ 30 % of it (also reported at 80 %);
* predicted count = clusters + unassigned quotes; precision = found / predicted,
  recall = found / gold;
* *speaker right* when the last token of the gold source's head name is a token of the speaker of
  the cluster's longest quote. The head name is the last capitalised run of the first segment of
  the source (segments split at ``,`` ``at`` ``of`` ``from`` ``with`` ``for`` ``(`` ``—``; runs
  before ’s and runs made only of titles are skipped; when the first segment has no such run the
  next segment is used). Pronoun sources (and sources without a capitalised run) are not scored
  for speaker: the figure is speaker right / named sources found.

Each split is scored twice with that rule. First (row ``train``) on each quote's **attributed
content** (``Quote.content_start``/``content_end``): a partial quote inside reported speech
("Moe said the plan was “a mess” and would fail") stands for the reported clause around it,
which is what PolNeAR annotates as the attribution's content; every other quote stands for its
own words. Then (row ``train/w``) on the words inside the quote marks only, the figure of the
rounds before attributed content existed. ``--errors`` prints the misses of the first scoring and
counts them by class.

Also reported per split: crashes (an exception from the text model or quote extraction, counted
and named, the run goes on) and quote-extraction time per article (``extract_quotes`` on the
article already built: quote marks, speakers, attribution, indirect speech), mean and maximum.

Develop on train and dev; score test only to report (``--errors`` refuses test).

Run::

    POLNEAR=/work/polnear .venv/bin/python benchmarks/polnear.py [train dev test ...]
    POLNEAR=/work/polnear .venv/bin/python benchmarks/polnear.py dev --errors   # what is missed
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SPLITS = ("train", "dev", "test")
SPEECH = ("direct", "partial")
_QUOTE_MARK = re.compile(r"[“”„«»\"]|''|``")
_SPLIT = re.compile(r",|\(|—|–|\b(?:at|of|from|with|for)\b")
_TOKEN = re.compile(r"[^\W_][\w.\-’']*")
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me",
             "his", "its", "their", "our", "my", "your", "who", "which", "that", "this", "one"}
_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their",
                "Our", "My", "Some", "Many", "Several", "Both", "Other", "Another", "But", "And",
                "In", "On", "As", "According", "When", "While", "If"}
#: Words that are a title or an honorific, not a name (a run made only of these is skipped).
_TITLES = {
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sen", "Sen.", "Rep", "Rep.", "Gov",
    "Gov.", "Gen", "Gen.", "Prof", "Prof.", "Rev", "Rev.", "Lt", "Lt.", "Col", "Col.", "Sgt.",
    "President", "Vice", "Secretary", "Senator", "Governor", "Representative", "Congressman",
    "Congresswoman", "Speaker", "Leader", "Majority", "Minority", "Chairman", "Chairwoman",
    "Chair", "Minister", "Prime", "Ambassador", "General", "Attorney", "Judge", "Justice",
    "Chief", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Mayor", "Former",
    "Democratic", "Republican", "Democrat", "GOP", "State", "U.S.", "Sen.-elect", "Candidate",
    "Nominee", "Presidential", "Deputy", "Press", "Executive", "Campaign", "Manager",
}


@dataclass
class Gold:
    spans: list[tuple[int, int]]
    source: str | None
    length: int = 0
    cluster: list = field(default_factory=list)


def polnear_root() -> Path | None:
    """The folder named by ``POLNEAR`` (holding ``data/``), or None when it is unset or absent.

    >>> import os
    >>> saved = os.environ.pop("POLNEAR", None)
    >>> polnear_root() is None
    True
    >>> if saved is not None: os.environ["POLNEAR"] = saved
    """
    value = os.environ.get("POLNEAR")
    if not value:
        return None
    root = Path(value)
    return root if (root / "data").is_dir() else None


def first_annotators(root: Path) -> dict[str, list[str]]:
    """Annotator ids per article, in the order of ``metadata.tsv`` (first = the gold one)."""
    meta = root / "data" / "metadata.tsv"
    out: dict[str, list[str]] = {}
    if meta.is_file():
        with meta.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                out[row["filename"]] = [a for a in (row.get("annotators") or "").split("|") if a]
    return out


def parse_ann(text: str) -> list[tuple[list[tuple[int, int]], str, str | None]]:
    """Attribution relations of a brat ``.ann`` file: (content spans, content text, source text).

    >>> ann = ("T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 9 13;15 17\\tab c\\n"
    ...        "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n")
    >>> parse_ann(ann)
    [([(9, 13), (15, 17)], 'ab c', 'He')]
    """
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label_offsets = parts[1].split(" ", 1)
            if len(label_offsets) < 2:
                continue
            frags = []
            for frag in label_offsets[1].split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (frags, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            if parts[1].startswith("Attribution:"):
                relations.append(args)
    out = []
    for args in relations:
        content = spans.get(args.get("Content", ""))
        if content is None:
            continue
        source = spans.get(args.get("Source", ""))
        out.append((content[0], content[1], source[1] if source else None))
    return out


def head_name_token(source: str | None) -> str | None:
    """The last token of a source's head name, or None for pronouns and unnamed sources.

    >>> head_name_token("Clinton's communications director, Jennifer Palmieri")
    'Palmieri'
    >>> head_name_token("Glen Caplin, a spokesman for the Clinton campaign")
    'Caplin'
    >>> head_name_token("Secretary of State John Kerry"), head_name_token("she")
    ('Kerry', None)
    """
    if not source or source.strip().lower() in _PRONOUNS:
        return None
    for segment in _SPLIT.split(source):
        run: list[str] = []
        runs: list[list[str]] = []
        for tok in _TOKEN.findall(segment):
            if tok[:1].isupper() and not (not run and tok in _DETERMINERS):
                run.append(tok)
                if tok.endswith(("’s", "'s")):
                    run = []  # a run before ’s is an owner, not the head
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        runs = [r for r in runs if not all(t in _TITLES for t in r)]
        if runs:
            return runs[-1][-1].rstrip(".")
    return None


def _name_words(source: str | None) -> set[str]:
    """Every capitalised word of a gold source that may be a name's (not an owner before ’s,
    a title or an article), lower case: the diagnostic "speaker shares a name word" forgives
    the head-word rule ("the Lakeside Council spokesman, Tom Reed" → council … reed).

    >>> sorted(_name_words("Lakeside's communications director, Ann Moe"))
    ['ann', 'moe']
    """
    if not source:
        return set()
    return _speaker_tokens(" ".join(t for t in _TOKEN.findall(source)
                                    if t[:1].isupper() and not t.endswith(("’s", "'s")) and
                                    t not in _TITLES and t not in _DETERMINERS))


def _speaker_tokens(speaker: str | None) -> set[str]:
    if not speaker:
        return set()
    return {re.sub(r"[’']s$", "", t).rstrip(".").lower() for t in _TOKEN.findall(speaker)}


def _inter(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def _covered(cluster: list[tuple[int, int]], spans: list[tuple[int, int]]) -> int:
    merged: list[list[int]] = []
    for s, e in sorted(cluster):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return sum(_inter((s, e), spans) for s, e in merged)


def gold_quotes(ann_text: str) -> list[Gold]:
    """Quoted attributions of one ``.ann`` (content containing a double quotation mark)."""
    out = []
    for frags, content, source in parse_ann(ann_text):
        if _QUOTE_MARK.search(content):
            out.append(Gold(frags, source, sum(e - s for s, e in frags)))
    return out


def score_article(gold: list[Gold], predicted) -> dict:
    """Counts for one article: predicted = speech quotes (objects with start, end, speaker)."""
    for g in gold:
        g.cluster = []
    unassigned = 0
    for q in predicted:
        best, best_ov = None, 0
        for g in gold:
            ov = _inter((q.start, q.end), g.spans)
            if ov > best_ov:
                best, best_ov = g, ov
        if best is not None and best_ov >= 0.5 * max(q.end - q.start, 1):
            best.cluster.append(q)
        else:
            unassigned += 1
    res = {"gold": len(gold), "pred": unassigned, "found30": 0, "found80": 0, "named": 0,
           "speaker_right": 0, "speaker_any": 0, "misses": [], "extra": unassigned}
    for g in gold:
        if not g.cluster:
            res["misses"].append(("not found", g))
            continue
        res["pred"] += 1
        cover = _covered([(q.start, q.end) for q in g.cluster], g.spans) / max(g.length, 1)
        if cover >= 0.3:
            res["found30"] += 1
            head = head_name_token(g.source)
            if head is not None:
                res["named"] += 1
                longest = max(g.cluster, key=lambda q: q.end - q.start)
                tokens = _speaker_tokens(longest.speaker)
                if tokens & _name_words(g.source):
                    res["speaker_any"] += 1
                if re.sub(r"[’']s$", "", head).lower() in tokens:
                    res["speaker_right"] += 1
                else:
                    res["misses"].append((f"speaker {longest.speaker!r}", g))
        else:
            res["misses"].append((f"covered {cover:.0%}", g))
        if cover >= 0.8:
            res["found80"] += 1
    return res


def articles(root: Path, split: str):
    """(name, text, gold) for every article of a split that has an annotation file."""
    annotators = first_annotators(root)
    text_dir = root / "data" / split / "text"
    ann_dir = root / "data" / split / "attributions"
    for path in sorted(text_dir.glob("*.txt")):
        name = path.stem
        candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
        by_id = {p.stem.rsplit("_", 1)[1]: p for p in candidates}
        order = [a for a in annotators.get(name, []) if a in by_id] or sorted(by_id)
        text = path.read_text(encoding="utf-8")
        gold = gold_quotes(by_id[order[0]].read_text(encoding="utf-8")) if order else []
        yield name, text, gold


class _Content:
    """A speech quote seen as its attributed content (``content_start``/``content_end``)."""

    __slots__ = ("start", "end", "speaker", "kind", "position", "text", "block")

    def __init__(self, q):
        # (a package without attributed content scores its quotes' own words)
        self.start = getattr(q, "content_start", q.start)
        self.end = getattr(q, "content_end", q.end)
        self.speaker, self.kind, self.position, self.text = q.speaker, q.kind, q.position, q.text
        self.block = q.block


_KEYS = ("gold", "pred", "found30", "found80", "named", "speaker_right", "speaker_any")


def run_split(root: Path, split: str, show_errors: bool = False) -> dict:
    """Score one split in-process; returns totals (and prints errors when asked).

    Scored twice with the same rule: ``tot`` on each quote's attributed content (a partial
    quote inside reported speech stands for its reported clause, as PolNeAR annotates it) and
    ``tot["words"]`` on the words inside the quote marks only (the figure of earlier rounds).
    """
    from analysis.quotes import extract_quotes
    from analysis.text import article_from_text

    tot = {"articles": 0, "crashes": [], "times": [], **dict.fromkeys(_KEYS, 0)}
    words = {"articles": 0, "crashes": tot["crashes"], "times": tot["times"],
             **dict.fromkeys(_KEYS, 0)}
    tot["words"] = words
    for name, text, gold in articles(root, split):
        tot["articles"] += 1
        words["articles"] += 1
        try:
            art = article_from_text(text, name)
            t0 = time.perf_counter()
            quotes = extract_quotes(art)
            tot["times"].append(time.perf_counter() - t0)
        except Exception as exc:  # noqa: BLE001 - a crash is counted, the run goes on
            tot["crashes"].append(f"{name}: {type(exc).__name__}: {exc}")
            tot["gold"] += len(gold)
            words["gold"] += len(gold)
            continue
        speech = [q for q in quotes if q.kind in SPEECH]
        res = score_article(gold, speech)
        for k in _KEYS:
            words[k] += res[k]
        content = [_Content(q) for q in speech]
        res = score_article(gold, content)
        for k in _KEYS:
            tot[k] += res[k]
        if show_errors:
            _print_errors(name, text, res, content, gold, tot.setdefault("classes", {}))
    return tot


def _print_errors(name, text, res, speech, gold, classes: dict | None = None) -> None:
    """Print every miss and extra quote; count them by class in ``classes``."""
    classes = {} if classes is None else classes
    assigned = {id(q) for g in gold for q in g.cluster}
    for why, g in res["misses"]:
        s, e = g.spans[0][0], g.spans[-1][1]
        said = [q.speaker for q in g.cluster]
        how = sorted({q.position for q in g.cluster if q.position})
        print(f"[{name}] {why}: source={g.source!r} pred={said} how={how} :: "
              f"{text[max(0, s - 80):s]!r} >>{text[s:e][:160]!r}")
        key = ("missed: covered < 30 %" if why.startswith("covered") else
               "missed: no speech quote" if why == "not found" else
               "speaker: none found" if why == "speaker None" else "speaker: another name")
        classes[key] = classes.get(key, 0) + 1
    for q in speech:
        if id(q) not in assigned:
            print(f"[{name}] extra ({q.kind}, {q.speaker!r}, {q.position}): "
                  f"{text[max(0, q.start - 80):q.start]!r} >>{q.text[:120]!r}")
            key = "extra: in the headline (first block)" if getattr(q, "block", 1) == 0 else \
                f"extra: {q.kind}"
            classes[key] = classes.get(key, 0) + 1


def summary_line(split: str, t: dict) -> str:
    p = t["found30"] / t["pred"] if t["pred"] else 0.0
    r = t["found30"] / t["gold"] if t["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    sp = t["speaker_right"] / t["named"] if t["named"] else 0.0
    times = t["times"] or [0.0]
    return (f"{split:<8} {t['articles']:>5} {t['gold']:>5} {t['pred']:>5} {t['found30']:>6} "
            f"{t['found80']:>6} {p:6.3f} {r:6.3f} {f1:6.3f} "
            f"{t['speaker_right']:>4}/{t['named']:<4} {sp:5.3f} {len(t['crashes']):>7} "
            f"{1000 * sum(times) / len(times):7.2f} {1000 * max(times):7.1f}")


def _timed(fn, arg) -> float:
    t0 = time.perf_counter()
    fn(arg)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="*", default=list(SPLITS), choices=SPLITS)
    parser.add_argument("--errors", action="store_true",
                        help="print every miss and extra quote (train and dev only)")
    args = parser.parse_args(argv)
    root = polnear_root()
    if root is None:
        print("benchmarks/polnear.py: skipped — set POLNEAR to the folder holding PolNeAR's "
              "data/ (it is never part of the repository)")
        return 0
    splits = args.splits or list(SPLITS)
    if args.errors and "test" in splits:
        print("--errors is for train and dev only: test is scored, never read", file=sys.stderr)
        return 2
    from analysis.config import SAMPLE_ARTICLE
    from analysis.quotes import extract_quotes
    from analysis.text import load_article

    sample = load_article(SAMPLE_ARTICLE)
    extract_quotes(sample)  # one-time loading
    best = min(_timed(extract_quotes, sample) for _ in range(20))
    print(f"same run, for scale: quote extraction on the sample article {1000 * best:.2f} ms "
          "(fastest of 20)")
    print("each split twice: on attributed content (a partial quote inside reported speech "
          "stands for its\nreported clause), then (split/w) on the words inside the quote marks "
          "only")
    print(f"{'split':<8} {'arts':>5} {'gold':>5} {'pred':>5} {'f@30%':>6} {'f@80%':>6} "
          f"{'prec':>6} {'recall':>6} {'F1':>6} {'speaker right':>14} {'crashes':>7} "
          f"{'ms mean':>7} {'ms max':>7}")
    crashes = []
    for split in splits:
        tot = run_split(root, split, args.errors)
        print(summary_line(split, tot), flush=True)
        print(summary_line(f"{split}/w", tot["words"]), flush=True)
        print(f"  {split}: speaker shares a name word with the gold source (a diagnostic that "
              f"forgives the head-word rule; not the issue's figure): "
              f"{tot['speaker_any']}/{tot['named']}", flush=True)
        for key, n in sorted(tot.get("classes", {}).items()):
            print(f"  {split} errors by class (attributed content): {key}: {n}")
        crashes += tot["crashes"]
    for c in crashes:
        print("crash:", c)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
