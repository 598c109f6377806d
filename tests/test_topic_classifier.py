"""benchmarks/topic_classifier.py (issue 13, round 11): a sentence classifier trained on the
team's sentences, used to filter topic hits. No PolNeAR needed: every sentence here was written
for these tests."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SCRIPT = ROOT / "benchmarks" / "topic_classifier.py"

# sentences written for these tests (label, sentence), three per class, hard negatives included
TRAIN = [
    ("labour", "Bus drivers walked out on strike over pay and shift patterns."),
    ("labour", "The union balloted its members for industrial action after wage talks failed."),
    ("labour", "Warehouse workers won a new contract with higher overtime pay."),
    ("sport", "The striker scored twice as the home side won the cup final."),
    ("sport", "She set a national record in the 400 metres at the championships."),
    ("sport", "The coach dropped two defenders before the league match."),
    ("health", "Doctors at the clinic treated forty patients for the flu."),
    ("health", "The hospital opened a new ward for cancer patients."),
    ("health", "A vaccine trial enrolled two thousand volunteers."),
    ("none", "The mayor, a keen runner, said the budget would be published on Monday."),
    ("none", "Residents gathered in the square as the evening grew cold."),
    ("none", "He thanked his family and said he looked forward to the new role."),
]


def _script():
    """The script as a module (loading it puts the repository root on sys.path), registered
    under its own name so that doctest finds its functions even when pytest has imported the
    file as ``topic_classifier`` too."""
    name = "topic_classifier_under_test"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SCRIPT)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def _model():
    _script()
    return importlib.import_module("benchmarks.topic_classifier_stages.model")


@pytest.mark.parametrize("name", ["nb", "nb-0.1", "lr"])
def test_training_is_deterministic(name):
    """Two trainings on the same sentences learn identical parameters, bit for bit."""
    model = _model()
    a = model.train(TRAIN, name, False).params()
    b = model.train(TRAIN, name, False).params()
    assert a == b
    assert a[0] == ["health", "labour", "sport", "none"]


def test_hand_checked_predictions():
    """Sentences written here (not in TRAIN) get their subject first; the strike sentence
    ranks labour first under both models."""
    model = _model()
    tc = _script()
    for name in ("nb", "lr"):
        clf = model.train(TRAIN, name, False)
        for topic, sentence in [
            ("labour", "Nurses went on strike after the union rejected the pay offer."),
            ("sport", "The defenders held on and the side won the final."),
            ("health", "Patients waited hours for a doctor at the hospital."),
        ]:
            p, rank = tc.score(clf, {"topic": topic, "parts": [(sentence, True)]},
                               "sentence", False)
            assert rank == 1, (name, sentence)
            assert p > 1 / 4
        # a sentence about the budget with a runner in it: sport is not first
        _p, rank = tc.score(clf, {"topic": "sport", "parts": [
            ("The mayor, a keen runner, said the budget would be late.", True)]},
            "sentence", False)
        assert rank > 1


def test_naive_bayes_probability_by_hand():
    """P(labour | "union strike") with alpha 1 on two one-sentence classes: labour
    (strike, union) and sport (goal); vocabulary 3 words. P(strike | labour) = P(union | labour)
    = (1 + 1) / (2 + 3) = 2/5; P(strike | sport) = P(union | sport) = (0 + 1) / (1 + 3) = 1/4;
    priors 1/2: 4/25 against 1/16, P(labour) = 0.16 / (0.16 + 0.0625) = 0.7191."""
    model = _model()
    nb = model.NaiveBayes(alpha=1.0).fit([Counter(["strike", "union"]), Counter(["goal"])],
                                         ["labour", "sport"])
    p = nb.proba(Counter(["union", "strike"]))
    assert nb.classes == ["labour", "sport"]
    assert round(float(p[0]), 4) == 0.7191


def test_features_drop_stopwords_numbers_and_optionally_names():
    model = _model()
    s = "The union’s 1,200 members at Brakefield Mills voted on Friday."
    assert model.words(s) == ["union", "members", "brakefield", "mills", "voted", "friday"]
    assert model.words(s, drop_names=True) == ["union", "members", "voted"]


def test_multi_label_row_trains_each_class():
    model = _model()
    clf = model.train([("labour,economy", "Wages rose."), ("sport", "The match ended.")],
                      "nb", False)
    assert clf.classes == ["economy", "labour", "sport"]
    # "wages" and "rose" were counted once for economy and once for labour
    assert clf.vocab.keys() == {"wages", "rose", "match", "ended"}


def test_keep_rule_on_a_tiny_example():
    """Three hits of one topic (two correct): probabilities 0.6 (rank 1), 0.15 (rank 2),
    0.04 (rank 5). P >= 0.1 keeps the first two; rank <= 1 only the first; the
    'P >= 0.1 or rank <= 1' rule the first two. Precision, drops and coverage by hand."""
    _script()
    rules = importlib.import_module("benchmarks.topic_classifier_stages.rules")
    hits = [{"topic": "crime", "correct": True}, {"topic": "crime", "correct": False},
            {"topic": "crime", "correct": True}]
    scores = [(0.6, 1), (0.15, 2), (0.04, 5)]
    kept = [rules.keeps(p, r, 0.1, None) for p, r in scores]
    assert kept == [True, True, False]
    e = rules.evaluate(hits, kept)
    assert (e["precision_before"], e["precision_after"]) == (2 / 3, 1 / 2)
    assert e["dropped_correct"] == 1 and e["dropped_correct_share"] == 1 / 2
    assert [rules.keeps(p, r, None, 1) for p, r in scores] == [True, False, False]
    assert [rules.keeps(p, r, 0.1, 1) for p, r in scores] == [True, True, False]
    # two articles: the first loses its only hit under rank <= 1, the second keeps one
    cov = rules.article_coverage([[rules.keeps(0.04, 5, None, 1)],
                                  [rules.keeps(0.6, 1, None, 1), False]])
    assert (cov["share_before"], cov["share_after"]) == (1.0, 0.5)


def test_choice_respects_the_limits():
    """The best precision wins only within the limits (dropped <= 25 %, coverage >= 95 %)."""
    _script()
    rules = importlib.import_module("benchmarks.topic_classifier_stages.rules")

    def cand(name, prec, dropped, cov):
        return {"name": name, "tune": {"precision_after": prec, "dropped_correct_share": dropped},
                "coverage": {"share_after": cov}}

    cands = [cand("loses too much", 0.99, 0.30, 0.99), cand("too little coverage", 0.98, 0.1,
                                                              0.94),
             cand("ok", 0.91, 0.25, 0.95), cand("ok but worse", 0.90, 0.05, 0.99)]
    assert rules.choose(cands)["name"] == "ok"
    assert rules.choose(cands[:2]) is None


def test_folds_are_stratified_and_cv_runs():
    model = _model()
    labels = [lab.split(",")[0] for lab, _ in TRAIN]
    folds = model.folds(labels, k=3)
    for c in set(labels):  # each class's three rows land in three different folds
        assert sorted(f for f, lab in zip(folds, labels, strict=True) if lab == c) == [0, 1, 2]
    acc = model.cross_validate(TRAIN, "nb", False, k=3)
    assert 0 <= acc <= 1 and acc * len(TRAIN) == round(acc * len(TRAIN))


def test_skips_without_polnear(tmp_path):
    """Without POLNEAR: one note on stderr, nothing on stdout, exit 0."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120)
    assert res.returncode == 0 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("note: POLNEAR is not set")


def test_cv_only_runs_without_polnear(tmp_path):
    """--cv-only needs no PolNeAR: cross-validation of each setting on a file of sentences,
    an unknown label skipped with a note, JSON on request."""
    f = tmp_path / "s.tsv"
    f.write_text("# written for this test\n" + "".join(f"{lab}\t{s}\n" for lab, s in TRAIN)
                 + "sprot\tA misspelt label.\n", encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCRIPT), "--cv-only", "--no-lr", "--json",
                          "--sentences", str(f)], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, timeout=120)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["sentences"] == 12
    assert [(c["model"], c["drop_names"]) for c in out["cross_validation"]] == [
        ("nb", False), ("nb", True), ("nb-0.1", False), ("nb-0.1", True)]
    assert "1 sentence(s)" in res.stderr and "sprot" in res.stderr


def test_missing_sentences_file_is_one_line(tmp_path):
    res = subprocess.run([sys.executable, str(SCRIPT), "--cv-only", "--sentences",
                          str(tmp_path / "nope.tsv")], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 2 and res.stderr.count("\n") == 1
    assert res.stderr.startswith("error: no such sentences file")


def test_shipped_sentences_load():
    """The committed training file parses, every label is known, and it holds every class."""
    tc = _script()
    rows = tc.load_sentences([tc.SENTENCES])
    good, unknown = tc.known_rows(rows)
    assert unknown == [] and len(good) == len(rows) > 1000
    classes = {c for lab, _ in rows for c in tc.labels_of(lab)}
    assert len(classes) == 18


def test_doctests_run():
    """benchmarks/ is not in pytest's doctest paths: the script's and stages' examples run
    here."""
    attempted = {}
    tc = _script()
    res = doctest.testmod(tc)
    assert res.failed == 0
    attempted["script"] = res.attempted
    for name in ("model", "hits", "rules"):
        mod = importlib.import_module(f"benchmarks.topic_classifier_stages.{name}")
        res = doctest.testmod(mod)
        assert res.failed == 0, name
        attempted[name] = res.attempted
    assert min(attempted.values()) >= 5, attempted
