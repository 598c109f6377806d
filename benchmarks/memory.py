"""Peak memory of each command on large input (issue 10: the 10 MB input under 500 MB peak RSS).

Each measurement runs one command in a fresh child process (``python -m analysis COMMAND FILE
--format json``, output discarded) and reads that child's peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at its end; KiB on Linux). Inputs, generated into a
temporary folder:

* ``sample-10MB``: the sample article (headings and one paragraph per line) repeated to 10 MB;
* ``short-lines``: 200,000 short one-sentence lines (``Line 123 is short.``), about 4.5 MB;
* ``paragraph-10MB``: the sample's body paragraphs joined into one 10 MB paragraph (the shape of
  ``benchmarks/scaling.py``).

Also reported: the baseline of a child that only imports the package and reads the input.

Run: ``.venv/bin/python benchmarks/memory.py [input …] [--commands structure,readability,…]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["structure", "readability", "quotes", "topics"]

_CHILD = """
import os, resource, sys
sys.stdout = open(os.devnull, "w")
from analysis.cli import main
code = {call}
sys.stderr.write(f"\\nMAXRSS {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}} {{code}}\\n")
"""


def sample_10mb(size: int = 10_000_000) -> str:
    text = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    unit = text if text.endswith("\n") else text + "\n"
    return (unit * (size // len(unit) + 1))[:size].rsplit("\n", 1)[0] + "\n"


def short_lines(n: int = 200_000) -> str:
    return "".join(f"Line {i} is short.\n" for i in range(n))


def paragraph_10mb(size: int = 10_000_000) -> str:
    text = (ROOT / "data" / "raw" / "ruto_blinken_2024.txt").read_text(encoding="utf-8")
    unit = " ".join(line for line in text.split("\n") if line.endswith((".", "”")))
    big = (unit + " ") * (size // (len(unit) + 1) + 1)
    return big[:size].rsplit(" ", 1)[0] + ".\n"


INPUTS = {"sample-10MB": sample_10mb, "short-lines": short_lines,
          "paragraph-10MB": paragraph_10mb}


def peak_rss_mb(call: str) -> tuple[float, float, int]:
    """Run ``call`` (a Python expression using ``main``) in a child: (peak MB, seconds, exit)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD.format(call=call)], cwd=ROOT,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    line = next((ln for ln in reversed(proc.stderr.splitlines()) if ln.startswith("MAXRSS")),
                None)
    if line is None:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"child failed: {tail[0]}")
    _, kib, code = line.split()
    return int(kib) / 1024, seconds, int(code)


def main(argv: list[str]) -> int:
    commands = COMMANDS
    names = []
    args = iter(argv[1:])
    for a in args:
        if a == "--commands":
            commands = next(args).split(",")
        else:
            names.append(a)
    names = names or list(INPUTS)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'input':<15} {'MB':>5} {'command':<12} {'peak RSS MB':>11} {'seconds':>8}")
        for name in names:
            path = Path(tmp, f"{name}.txt")
            path.write_text(INPUTS[name](), encoding="utf-8")
            size = path.stat().st_size / 1e6
            base, secs, _ = peak_rss_mb(
                f"(__import__('analysis.text').text.read_text({str(path)!r}), 0)[1]")
            print(f"{name:<15} {size:5.1f} {'(read only)':<12} {base:11.0f} {secs:8.1f}")
            for cmd in commands:
                mb, secs, code = peak_rss_mb(f"main([{cmd!r}, {str(path)!r}, '--format', 'json'])")
                flag = "" if code == 0 else f"  exit {code}"
                print(f"{name:<15} {size:5.1f} {cmd:<12} {mb:11.0f} {secs:8.1f}{flag}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
