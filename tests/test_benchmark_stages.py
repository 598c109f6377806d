"""The stage timing shared by benchmarks/corpus.py and benchmarks/compiled.py runs the stages
of the per-article function (its docstring example runs here: benchmarks/ is not in pytest's
doctest paths)."""

import doctest
import importlib.util
from pathlib import Path


def test_stage_seconds_runs_the_per_article_stages():
    path = Path(__file__).parents[1] / "benchmarks" / "_stages.py"
    spec = importlib.util.spec_from_file_location("_stages", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    res = doctest.testmod(mod)
    assert res.attempted >= 3 and res.failed == 0
    assert mod.STAGES == ("parse", "quotes", "topics", "places", "readability")
