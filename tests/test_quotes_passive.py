"""Passive cues (issue 12): the agent of a passive speaks the quote ("was asked by host X,
“…”", "was described by X as “…”"); in "X was asked … and said “…”" X speaks. Sentences
written by the team; speakers checked by hand ("by reporters" and "by Dan Moe" were the
speakers before, "by" included; the described-as quote had no speaker)."""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _quotes(text: str):
    return [(q.speaker, q.kind) for q in extract_quotes(article_from_text(text, "x"))]


@pytest.mark.parametrize("text, speaker", [
    # the agent asks the question that is quoted
    ("Ann Lapp was asked by host Dan Moe, “Will you run again?”", "Dan Moe"),
    ("Ann Lapp appeared on Sunday. She was asked by host Dan Moe, “Will you run again?”",
     "Dan Moe"),
    ("Asked by host Dan Moe: “Will you run again?” Ann Lapp laughed.", "Dan Moe"),
    ("Ann Lapp was told by Dan Moe: “You cannot run again.”", "Dan Moe"),
    ("Ann Lapp was asked by reporters on Monday: “Will you run again?”", "reporters"),
    # the one asked answers in a clause of her own
    ("Ann Lapp was asked by host Dan Moe whether she would run, and said “I have not "
     "decided.”", "Ann Lapp"),
    ("Ann Lapp was asked about the dam and said, “It will be built.”", "Ann Lapp"),
    ("When asked by Dan Moe whether she would run, Ann Lapp said: “I have not decided.”",
     "Ann Lapp"),
    ("Ann Lapp, asked by Dan Moe whether she would run, replied: “I have not decided.”",
     "Ann Lapp"),
])
def test_the_passive_agent_or_the_answering_subject_speaks(text, speaker):
    assert [sp for sp, _ in _quotes(text)] == [speaker]


def test_a_phrase_described_by_an_agent_is_the_agent_s():
    assert _quotes("The plan was described by Dan Moe as “a gift to the builders.”") == [
        ("Dan Moe", "partial")]
    # the agent of another clause does not speak a later quote, nor does one who convened
    text = ("The plan was denounced by Dan Moe; the council praised it and declared that it "
            "“works.”")
    assert _quotes(text) == [("the council", "partial")]
    assert [sp for sp, _ in _quotes("The “Water First” vote was called by Dan Moe to force a "
                                    "decision.")] == [None]
