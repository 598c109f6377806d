"""Wall time of one single-article command, start-up included: ``quotes FILE`` (goal < 0.4 s).

Run with ``.venv/bin/python benchmarks/startup.py [N]``. Each run is a fresh
``python -m analysis quotes data/raw/ruto_blinken_2024.txt`` (table output to /dev/null);
the script reports the median and the minimum of N runs, and, measured in the same run, a bare
``python -c pass`` and ``python -c "import pandas"`` for scale (what the command saves by not
importing pandas). Byte-code is cached (``PYTHONDONTWRITEBYTECODE`` is cleared) as in a normal
installation; timings on a shared machine are noisy, so compare numbers from one run only.
Each command's CPU time (user + system, from ``RUSAGE_CHILDREN``) is reported beside its wall
time: on a busy machine the wall time includes waiting for a CPU, the CPU time does not.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "ruto_blinken_2024.txt"


def wall(cmd: list[str], n: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system) of ``n`` runs of ``cmd`` after one warm-up run.

    >>> w, c = wall([sys.executable, "-c", "pass"], 2)
    >>> len(w) == len(c) == 2 and all(0 <= x for x in w + c)
    True
    """
    import resource

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)  # warm-up
    times, cpu = [], []
    for _ in range(n):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return times, cpu


def main(n: int = 10) -> None:
    rows = [
        ("quotes FILE", [sys.executable, "-m", "analysis", "quotes", str(SAMPLE)]),
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import pandas'", [sys.executable, "-c", "import pandas"]),
    ]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':28} {'median s':>9} {'min s':>7} {'CPU median s':>13}   ({n} runs each)")
    for name, cmd in rows:
        t, c = wall(cmd, n)
        print(f"{name:28} {statistics.median(t):9.3f} {min(t):7.3f} {statistics.median(c):13.3f}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="startup.py", description="Wall and CPU time of "
                                     "`quotes FILE` against a bare interpreter, start-up included.")
    parser.add_argument("runs", nargs="?", type=int, default=10, help="runs per command")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("runs must be at least 1")
    main(args.runs)
