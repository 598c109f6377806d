"""The garbage-collector policy for one article (issue 10, linear time): applied while an article
is analysed by the command line, by ``analyse`` and by the adversarial benchmark, and undone
afterwards (thresholds restored, nothing left frozen), also after an error.

No timing here: ``benchmarks/adversarial.py`` measures what the policy does to the time."""

from __future__ import annotations

import gc
import importlib.util
import threading
from pathlib import Path

import pytest

from analysis import cli
from analysis import report as report_mod
from analysis._gc import ARTICLE_GC_THRESHOLD, article_gc
from analysis.config import SAMPLE_ARTICLE
from analysis.text import article_from_text

ROOT = Path(__file__).resolve().parents[1]


class Box:
    """A container object the collector tracks (an instance with a ``__dict__``)."""


def _tracked(obj) -> bool:
    """Whether ``obj`` is in one of the collector's generations (frozen objects are not)."""
    return any(o is obj for o in gc.get_objects())


#: Python's default thresholds: each test starts from them (whatever ran before in the session).
PYTHON_DEFAULT = (700, 10, 10)


@pytest.fixture(autouse=True)
def _clean_gc():
    """Each test starts with Python's default thresholds and nothing frozen, and must end so;
    the session's previous state is put back afterwards."""
    session = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(*PYTHON_DEFAULT)
    try:
        yield PYTHON_DEFAULT
        assert gc.get_threshold() == PYTHON_DEFAULT, "a test left the thresholds changed"
        assert gc.get_freeze_count() == 0, "a test left objects frozen"
    finally:
        gc.set_threshold(*session)


def test_policy_freezes_what_is_alive_and_raises_thresholds_then_undoes_both(_clean_gc):
    old = Box()
    assert _tracked(old) and gc.get_threshold() == _clean_gc != ARTICLE_GC_THRESHOLD
    with article_gc():
        assert gc.get_threshold() == ARTICLE_GC_THRESHOLD == (20_000, 20, 100)
        assert gc.get_freeze_count() > 0 and not _tracked(old)  # frozen: skipped by passes
        new = Box()
        assert _tracked(new)  # what the article allocates is collected as usual
    assert gc.get_threshold() == _clean_gc
    assert gc.get_freeze_count() == 0 and _tracked(old) and _tracked(new)


def test_policy_undone_when_the_block_raises(_clean_gc):
    with pytest.raises(ZeroDivisionError), article_gc():
        1 / 0  # noqa: B018 - the error is the point
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0


def test_nested_blocks_restore_only_when_the_outermost_leaves(_clean_gc):
    with article_gc():
        with article_gc():
            pass
        assert gc.get_threshold() == ARTICLE_GC_THRESHOLD and gc.get_freeze_count() > 0
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0


def test_overlapping_threads_restore_when_the_last_leaves(_clean_gc):
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with article_gc():
            first_in.set()
            second_in.wait(10)
        first_out.set()

    def second():
        first_in.wait(10)
        with article_gc():
            second_in.set()
            first_out.wait(10)  # the first thread has left: the policy must still hold
            seen["threshold"] = gc.get_threshold()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert seen["threshold"] == ARTICLE_GC_THRESHOLD
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0


def _record_threshold(monkeypatch, module, name: str) -> list:
    """Wrap ``module.name`` to record the collector's thresholds each time it is called."""
    seen = []
    inner = getattr(module, name)

    def wrapper(*args, **kwargs):
        seen.append(gc.get_threshold())
        return inner(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return seen


@pytest.mark.parametrize("command", [["structure"], ["quotes"], ["quotes", "--share"],
                                     ["readability"], ["topics"]])
def test_single_article_commands_run_under_the_policy(monkeypatch, capsys, command, _clean_gc):
    loads = _record_threshold(monkeypatch, cli, "_load")  # every single-article command loads
    assert cli.main([command[0], str(SAMPLE_ARTICLE), *command[1:], "--format", "csv"]) == 0
    assert loads == [ARTICLE_GC_THRESHOLD]
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0
    assert capsys.readouterr().out  # the command still printed its table


def test_analyse_runs_under_the_policy(monkeypatch, _clean_gc):
    seen = _record_threshold(monkeypatch, report_mod, "quotes_table")
    a = report_mod.analyse(article_from_text("“We trade,” Ruto said in Nairobi.", "x"))
    assert seen == [ARTICLE_GC_THRESHOLD] and a.share["speaker"].tolist() == ["Ruto"]
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0


def _benchmark():
    spec = importlib.util.spec_from_file_location("adversarial",
                                                  ROOT / "benchmarks" / "adversarial.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_adversarial_benchmark_times_the_products_policy(monkeypatch, _clean_gc):
    import analysis.quotes

    bench = _benchmark()
    seen = _record_threshold(monkeypatch, analysis.quotes, "quotes_table")
    text = bench.PATTERNS["why"](2000)  # “Why?” and a space, 286 times (2,002 characters)
    res = bench.run_once(text)  # the default: what the command line does
    bench.run_once(text, "default")  # the diagnosis: Python's collector as it is
    assert seen == [ARTICLE_GC_THRESHOLD, _clean_gc]
    assert res["n_quotes"] == 286 and res["cpu"] > 0 and res["wall"] > 0
    with bench._FullCollections() as full:
        gc.collect()  # one full pass
        gc.collect(0)  # a young pass is not counted
    assert full.count == 1 and full.seconds >= 0
    assert gc.get_threshold() == _clean_gc and gc.get_freeze_count() == 0


def test_corpus_batches_in_threads_restore_thresholds_when_the_last_leaves(
        monkeypatch, tmp_path, _clean_gc):
    """The engine's batches raise the thresholds through the same counted, locked policy (without
    freezing): two batches overlapping in threads of one process (a threaded Dask worker) leave
    Python's thresholds as they found them. Before, each batch restored what it had saved, so
    the second to enter put back the raised thresholds."""
    from analysis.corpus import engine
    from analysis.corpus.sources import Item

    monkeypatch.setattr(engine, "_ready", lambda lexicon: None)  # no permanent warm-up freeze
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def records(item, lex, key):
        if item.article_id == "a":
            first_in.set()
            second_in.wait(10)
        else:
            second_in.set()
            first_out.wait(10)
            seen["threshold"] = gc.get_threshold()
            seen["frozen"] = gc.get_freeze_count()
        return {"articles": [(item.article_id,)]}

    monkeypatch.setattr(engine, "article_records", records)
    monkeypatch.setattr(engine.store, "write_batch", lambda out, name, tables: None)

    def batch(name, first):
        if not first:
            first_in.wait(10)
        engine.run_batch([Item(name, {"id": name}, "0", text="One.")], name, str(tmp_path),
                         None, ["k"])
        if first:
            first_out.set()

    threads = [threading.Thread(target=batch, args=("a", True)),
               threading.Thread(target=batch, args=("b", False))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert seen == {"threshold": ARTICLE_GC_THRESHOLD, "frozen": 0}
    assert engine.GC_THRESHOLD is ARTICLE_GC_THRESHOLD  # one definition
