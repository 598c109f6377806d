"""Attributed content (issue 12, the largest class on real news): a partial quote inside
reported speech belongs to the reported clause around it, as attribution corpora annotate it.
The quote's own offsets (``start``/``end``) stay the words inside the marks; ``content_start``/
``content_end`` give the clause. Sentences written by the team."""

from __future__ import annotations

import pytest

import analysis.quotes.after as after
import analysis.quotes.attribution as attribution
import analysis.quotes.before as before
import analysis.quotes.content as content
from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _speech(text):
    return [(q.text, q.speaker, text[q.content_start:q.content_end])
            for q in extract_quotes(article_from_text(text, "t"), include_indirect=False)
            if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, expected", [
    # a cue before the quote: from "that" to the end of the sentence
    ("Dana Osei told reporters that the budget was “a shambles” and would fail.",
     [("a shambles", "Dana Osei", "that the budget was “a shambles” and would fail")]),
    # no "that": from the first word after the cue; a comma after the mark ends the clause
    ("Dana Osei said the road was “a death trap”, pointing to three crashes.",
     [("a death trap", "Dana Osei", "the road was “a death trap”")]),
    # a comma inside the marks ends it too (US style)
    ("Dana Osei said that the council had “lost its way,” adding that it would meet.",
     [("lost its way,", "Dana Osei", "that the council had “lost its way,”")]),
    # an aside after the cue is skipped from its comma, not from "that" inside it
    ("Dana Osei said, in a speech that ran long, the council had “lost its way.”",
     [("lost its way.", "Dana Osei",
       "in a speech that ran long, the council had “lost its way.”")]),
    # a cue after the quote: from the start of the sentence to the closing mark
    ("The plan may be “a costly mistake,” said Dana Osei.",
     [("a costly mistake,", "Dana Osei", "The plan may be “a costly mistake,”")]),
    # two quotes of one clause share its start; the first ends where the second opens
    ("Mr. Osei said the levy was “a disgrace” and “unworkable” for farmers.",
     [("a disgrace", "Osei", "the levy was “a disgrace” and"),
      ("unworkable", "Osei", "the levy was “a disgrace” and “unworkable” for farmers")]),
    # a second verb of the subject ends the clause ("and warned …")
    ("Dana Osei called the levy “a disgrace” and warned that farmers would leave.",
     [("a disgrace", "Dana Osei", "the levy “a disgrace”")]),
    ("Dana Osei called the levy “a disgrace” but says she will pay it.",
     [("a disgrace", "Dana Osei", "the levy “a disgrace”")]),
    # a cue after the quote: the clause starts after the last comma or dash before it
    ("Prices rose, and the plan may be “a costly mistake,” said Dana Osei.",
     [("a costly mistake,", "Dana Osei", "and the plan may be “a costly mistake,”")]),
    # a direct quote is its own content
    ("“We will win,” Dana Osei said.", [("We will win,", "Dana Osei", "We will win,")]),
])
def test_partial_quote_content_is_its_reported_clause(text, expected):
    assert _speech(text) == expected


def test_scare_quotes_and_quote_offsets_are_unchanged():
    text = "The so-called “reform” passed. Dana Osei said it was “a mess” for all."
    quotes = extract_quotes(article_from_text(text, "t"), include_indirect=False)
    assert [(q.kind, q.content_start, q.content_end) == (q.kind, q.start, q.end)
            for q in quotes] == [True, False]
    assert [text[q.start:q.end] for q in quotes] == ["reform", "a mess"]


def test_content_of_many_quotes_after_one_cue_is_read_once(monkeypatch):
    # one cue and thousands of partial quotes in one sentence: the words after the cue are
    # split once for all of them, not once per quote
    count = {"chars": 0}
    real = attribution._words

    def counting(text, start, end):
        count["chars"] += max(0, end - start)
        return real(text, start, end)

    for mod in (attribution, before, after):
        monkeypatch.setattr(mod, "_words", counting)
    monkeypatch.setattr(content, "_words", counting)
    per_char = []
    for n in (300, 1200):
        count["chars"] = 0
        text = "Dana Osei said the plan was " + "“bad” and " * n + "done."
        quotes = extract_quotes(article_from_text(text, "t"), include_indirect=False)
        assert sum(q.kind == "partial" for q in quotes) == n
        per_char.append(count["chars"] / len(text))
    assert per_char[1] <= 4  # (2.0 measured; 40 when each quote reads the words after the cue)
