"""Stage 1: the label files, the texts they point to, and the lexicons the batches were drawn
from (read from the git history).

Functions read :data:`ROOT`, :data:`LABELS` and :data:`TEAM_GLOBS` from this module when they
are called, so a test can point them at its own files (``monkeypatch.setattr``)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "benchmarks" / "data" / "topic_labels.csv"
SECOND_LABELS = ROOT / "benchmarks" / "data" / "topic_labels_second.csv"
TEAM_GLOBS = ("data/raw/*.txt", "tests/data/quotes/*.txt", "tests/data/quotes_heldout/*.txt",
              "tests/data/topics/*.txt")
POLNEAR_SPLITS = ("train", "dev")  # never test
GOAL_PRECISION, GOAL_MIN_HITS, GOAL_COVERAGE = 0.90, 20, 0.95
# the commit of the default lexicon each batch from 6 on was drawn from (its last change; for
# --share-grid/--entries-grid/--leading --at-draw): 2.4 ... 2.13
DRAWN_FROM = {"6": "9547284", "7": "1b9fb86", "8": "ab77077", "9": "d53808f", "10": "2336b05",
              "11": "0faf60f", "12": "729b229", "13": "c3493e8", "14": "23f9dfe",
              "15": "9a5a63d", "16": "9a5a63d"}


def sha12(path: Path) -> str:
    """The first 12 hex digits of the file's SHA-256 (how a label row names its file's state).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f = Path(tmp, "empty.txt")
    ...     _ = f.write_bytes(b"")
    ...     sha12(f)
    'e3b0c44298fc'
    """
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def resolve(file_id: str, polnear: Path | None) -> Path | None:
    """The file a label row refers to, or None when it is a PolNeAR row and POLNEAR is unset.

    >>> resolve("polnear:train/a", None) is None
    True
    >>> resolve("polnear:train/a", Path("/p")).as_posix()
    '/p/data/train/text/a.txt'
    >>> resolve("data/raw/x.txt", None) == ROOT / "data/raw/x.txt"
    True
    """
    if file_id.startswith("polnear:"):
        if polnear is None:
            return None
        split, name = file_id.removeprefix("polnear:").split("/", 1)
        if split not in POLNEAR_SPLITS:
            raise SystemExit(f"error: {file_id}: only PolNeAR train and dev may be labelled")
        return polnear / "data" / split / "text" / f"{name}.txt"
    return ROOT / file_id


def team_paths() -> list[Path]:
    """The team's texts (:data:`TEAM_GLOBS` under :data:`ROOT`), sorted."""
    return sorted(p for g in TEAM_GLOBS for p in ROOT.glob(g))


def polnear_paths(polnear: Path | None) -> list[Path]:
    """PolNeAR train and dev texts (never test), sorted; none when ``polnear`` is None.

    >>> polnear_paths(None)
    []
    """
    return sorted(p for s in POLNEAR_SPLITS for p in (polnear / "data" / s / "text").glob(
        "*.txt")) if polnear is not None else []


def _batch_order(item) -> tuple:
    """Batches in numeric order (2 before 10); a batch name that is not a number sorts last."""
    b = item[0]
    return (0, int(b), "") if b.isdigit() else (1, 0, b)




def _labelled_batches() -> set[str]:
    """Every batch in the first labeller's file (the grids' default)."""
    with LABELS.open(encoding="utf-8", newline="") as fh:
        return {r["batch"] for r in csv.DictReader(fh)}


def _drawn_lexicons(batches) -> dict:
    """The default lexicon each of ``batches`` (from 6 on) was drawn from, by batch, read from
    the git history (:data:`DRAWN_FROM`) with every rule it had."""
    import subprocess
    import tempfile

    from analysis.topics import load_lexicon

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for b in sorted(batches, key=lambda b: _batch_order((b,))):
            toml = subprocess.run(
                ["git", "-C", str(ROOT), "show",
                 f"{DRAWN_FROM[b]}:analysis/resources/topics_default.toml"],
                capture_output=True, timeout=60)
            if toml.returncode:
                raise SystemExit(f"error: git show {DRAWN_FROM[b]} failed (no history?)")
            f = Path(tmp, f"{b}.toml")
            f.write_bytes(toml.stdout)
            out[b] = load_lexicon(f)
    return out


