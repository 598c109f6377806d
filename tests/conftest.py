"""Suite-wide guard: the test run ends when its tests end.

pytest-timeout (pyproject.toml) bounds each test, but two leaks can still keep CI waiting after
the last test has passed: a non-daemon thread left running (Python waits for it at exit) and a
child process left running (it holds the output pipe CI reads until it closes). After the
session, this module waits up to 30 s for both, then names what is left on stderr, ends the
leftover child processes (only this run's own descendants) and, if a thread still holds the
interpreter, exits with the session's status instead of waiting for it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path

GRACE = 30.0  # seconds given to leftover threads and children to finish on their own
_status: list[int] = []


def _descendants(pid: int) -> list[tuple[int, str]]:
    """Live (not zombie) descendants of ``pid`` as (pid, command line), from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    info: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            state, ppid = text.rpartition(")")[2].split()[:2]
            child = int(stat.parent.name)
            if state == "Z":
                continue
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                errors="replace").strip()
        except (OSError, ValueError):
            continue  # the process ended while being read
        parents.setdefault(int(ppid), []).append(child)
        info[child] = cmd[:200]
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append((child, info[child]))
            todo.append(child)
    return found


def _leftover_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate()
            if t is not threading.main_thread() and not t.daemon and t.is_alive()]


def pytest_sessionfinish(session, exitstatus):
    _status.append(int(exitstatus))


def pytest_unconfigure(config):
    if not _status or not Path("/proc/self/stat").exists():
        return
    deadline = time.monotonic() + GRACE
    while time.monotonic() < deadline and (_leftover_threads() or _descendants(os.getpid())):
        time.sleep(0.2)
    children = _descendants(os.getpid())
    if children:
        print(f"\nconftest: {len(children)} child process(es) still running after the tests; "
              "ending them:", file=sys.stderr)
        for pid, cmd in children:
            print(f"  pid {pid}: {cmd}", file=sys.stderr)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid, _ in children:
                try:
                    os.kill(pid, sig)
                except OSError:
                    pass
            end = time.monotonic() + 10
            while time.monotonic() < end and _descendants(os.getpid()):
                time.sleep(0.2)
            children = _descendants(os.getpid())
            if not children:
                break
    threads = _leftover_threads()
    if threads:
        frames = sys._current_frames()
        print(f"\nconftest: {len(threads)} non-daemon thread(s) still running after the tests "
              "would keep Python from exiting; exiting anyway. Their stacks:", file=sys.stderr)
        for t in threads:
            print(f"--- {t.name}", file=sys.stderr)
            print("".join(traceback.format_stack(frames.get(t.ident))) if t.ident in frames
                  else "  (no frame)", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_status[0])
