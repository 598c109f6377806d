"""CLI start-up (issue 11, item 10): single-article commands import only what they use.

Timing lives in ``benchmarks/startup.py`` (never in a test); here the imports are checked."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.config import SAMPLE_ARTICLE

PROBE = """
import contextlib, io, json, sys
from analysis.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(sys.argv[1:])
heavy = sorted(m for m in ("pandas", "numpy", "matplotlib") if m in sys.modules)
print(json.dumps({"status": status, "heavy": heavy, "out": out.getvalue()}))
"""


def _probe(*args) -> dict:
    res = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_quotes_imports_neither_pandas_nor_matplotlib(fmt):
    res = _probe("quotes", str(SAMPLE_ARTICLE), "--format", fmt)
    assert res["status"] == 0 and res["heavy"] == []
    if fmt == "json":
        quotes = json.loads(res["out"])
        # 9 direct quotes and 8 indirect reports; the first cue, "stated", starts at 781
        assert len(quotes) == 17 and quotes[0]["speaker"] == "Antony J. Blinken"
        assert quotes[0]["encoding"] == "utf-8" and quotes[0]["cue_start"] == 781
    if fmt == "table":
        head, first = res["out"].splitlines()[:2]
        assert head.split() == ["paragraph", "start", "end", "kind", "speaker", "cue",
                                "position", "words", "text"]
        assert first.split()[:4] == ["1", "651", "771", "direct"]
        assert first.endswith("remark…")  # text left-aligned, cut at 50 characters


@pytest.mark.parametrize("args", [["structure"], ["readability"], ["topics"],
                                  ["quotes", "--share"]])
def test_table_commands_never_import_matplotlib(args):
    res = _probe(args[0], str(SAMPLE_ARTICLE), *args[1:])
    assert res["status"] == 0 and "matplotlib" not in res["heavy"]


def test_quotes_csv_equals_the_table_the_package_returns():
    from analysis.quotes import quotes_table
    from analysis.text import load_article

    expected = quotes_table(load_article(SAMPLE_ARTICLE)).to_csv(index=False,
                                                                 lineterminator="\n")
    assert _probe("quotes", str(SAMPLE_ARTICLE), "--format", "csv")["out"] == expected
