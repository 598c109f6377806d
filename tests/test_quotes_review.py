"""Review findings on the quote-attribution rules: recursion on repeated cues, and per-word
loops that scanned back to the sentence start (quadratic time on hostile text). Work is
measured by counting the lines of Python run in the quote and speaker modules — never by
timing — so the linearity tests are exact on a loaded machine and see every per-word loop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import analysis.quotes.subjects as subjects_mod
from analysis.quotes import extract_quotes
from analysis.text import article_from_text

sys.path.insert(0, str(Path(__file__).parent))
from quote_probe import lines_run as _work  # noqa: E402


def _ratio(shape, n: int) -> float:
    small, _ = _work(shape(n))
    big, _ = _work(shape(2 * n))
    return big / small


def _repeated_cues(n: int) -> str:
    return "Moe said it " + "and later said it " * n + "and said “it was a very big mess indeed”."


@pytest.mark.parametrize("n", [1000, 5000])
def test_a_long_chain_of_repeated_cues_is_no_recursion(n):
    # before: each "and later said" handed over to the one before it, recursively
    # (RecursionError from about 1,000 links)
    quotes = extract_quotes(article_from_text(_repeated_cues(n), "t"))
    assert [(q.text, q.speaker) for q in quotes] == [("it was a very big mess indeed", "Moe")]


def _participles(n: int) -> str:
    return ("the crowd was " + "adding more, noting more, " * n + "and so on."
            " “We will win the vote in May this year and then we rest.”")


def test_participle_cues_cost_linear_work():
    # before: each participle scanned every word before it for a finite cue (ratio ~3.6)
    assert _ratio(_participles, 100) <= 2.3


def _relative_clauses(n: int) -> str:
    return "so " + "the thing who told it " * n + "called it “a very big mess indeed” today."


def test_relative_clauses_cost_linear_work():
    # before: each "who" looked back to the sentence start for an appositive's comma, and
    # each phrase's start was searched from the end of the sentence (ratio ~3.5)
    assert _ratio(_relative_clauses, 100) <= 2.3


@pytest.mark.parametrize("cue", ["said", "stated", "explained", "remarked"])
def test_a_repeated_cue_of_any_verb_keeps_the_first_subject(cue):
    # before: only twelve listed verbs were followed ("stated" gave the second quote to Carson)
    text = (f"Graham said that Carson is “a very nice man,” and {cue} that Trump “is a "
            "kook.”")
    quotes = extract_quotes(article_from_text(text, "t"))
    assert [(q.speaker, q.cue) for q in quotes] == [("Graham", "said"), ("Graham", cue)]


@pytest.mark.parametrize("tail", [
    "Ann Lapp tweeted, quoting a reporter.",
    "Ann Lapp tweeted, before deleting the post.",  # a preposition before the participle
    "Ann Lapp, a senator, tweeted, quoting a reporter.",  # the comma after the cue
])
def test_a_participle_after_the_cue_closing_a_quoted_sentence(tail):
    # before: only a bare "-ing" word after the sentence's first comma (the last two: None)
    text = "Voters came. “We will win the vote in May. No, Dan.” " + tail
    quotes = extract_quotes(article_from_text(text, "t"))
    assert [(q.speaker, q.cue, q.position) for q in quotes] == [("Ann Lapp", "tweeted", "after")]


def test_no_participle_after_the_cue_keeps_the_sentence_unattributed():
    text = "Voters came. “We will win the vote in May. No, Dan.” Ann Lapp tweeted, the post said."
    assert extract_quotes(article_from_text(text, "t"))[0].speaker is None


def test_verb_group_word_sets_share_one_base():
    import analysis.quotes.before as before_mod
    import analysis.quotes.cues as cues_mod

    base = cues_mod.FINITE_AUXILIARIES
    assert subjects_mod._FINITE == base
    assert cues_mod._PLURAL_VERBS == {"can", "could", "will", "would", "should", "may", "might",
                                      "must", "are", "were", "have", "do", "did"}
    assert subjects_mod._NOT_IN_NOUN_PHRASE == base | {"been", "be", "not", "if", "whom", "who",
                                                       "that", "which", "when", "while"}
    assert {w for w, kind in before_mod._AUXILIARIES.items() if kind == "be"} == {
        "is", "was", "are", "were", "been"}
    assert {w for w, kind in before_mod._AUXILIARIES.items() if kind == "modal"} == {
        "has", "had", "have", "would", "will", "could", "did", "does", "do", "should", "may",
        "might", "can"}
    assert subjects_mod._DAYS == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                  "Saturday", "Sunday"}


def _coordinated_cues(n: int) -> str:
    return ("so the thing " + "and noted it " * n
            + "and said “a very big mess indeed” today.")


def test_coordinated_cues_cost_linear_work():
    # before: each "and <cue>" looked for the last clause break over every word before it
    # (ratio 2.9 at 100 → 200 links; 4,000 links took 2.3 s)
    assert _ratio(_coordinated_cues, 100) <= 2.3
