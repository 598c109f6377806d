"""Attributed content of partial quotes on real-news shapes (issue 12): where the reported
clause starts and ends. Every text here is written by the team."""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _content(text: str) -> list[str]:
    art = article_from_text(text, "x")
    return [art.text[q.content_start:q.content_end] for q in extract_quotes(art)
            if q.kind == "partial"]


@pytest.mark.parametrize("text, expected", [
    # a second clause of the narrator after the quote: "and" with a pronoun or a participle
    ("Moe called Ruto a “nice guy” and he did not say a word about Okello.",
     ["Ruto a “nice guy”"]),
    ("Ann Moe told the crowd that Ruto is a “faker” and questioned how he got there.",
     ["that Ruto is a “faker”"]),
    # (a second verb of the same subject already ended the clause)
    ("Moe said the plan was “a mess” and warned that it would fail.",
     ["the plan was “a mess”"]),
    # the clause runs on when nothing breaks it
    ("Moe told reporters that the plan was “a mess” for the farmers.",
     ["that the plan was “a mess” for the farmers"]),
])
def test_the_clause_ends_before_a_new_clause_of_the_narrator(text, expected):
    assert _content(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "that" further on, past the commas of a place: the clause starts there
    ("Dan Moe told a town hall in Eastport, Lakeshire on Monday that the dam is “a gift to "
     "builders.”", ["that the dam is “a gift to builders.”"]),
    # a comma right after the cue: the "that" is no lead of the clause
    ("Dan Moe said, in a long speech at a hall that was packed, the dam is “a gift to "
     "builders.”", ["in a long speech at a hall that was packed, the dam is “a gift to "
                    "builders.”"]),
])
def test_the_clause_starts_at_its_that(text, expected):
    assert _content(text) == expected
