"""One test per failure class of issue 12 (quotes on real published news), each with text
written for this file. The classes were found on PolNeAR's train and dev splits; no PolNeAR text
is used here."""

from __future__ import annotations

from analysis.quotes import extract_quotes, find_quote_spans
from analysis.text import article_from_text


def quotes(text: str, kinds=("direct", "partial", "scare")):
    art = article_from_text(text, "t")
    return [(q.text, q.kind, q.speaker) for q in extract_quotes(art) if q.kind in kinds]


# ------------------------------------------------------------------ class 11: quote marks


def test_two_apostrophes_and_backticks_are_double_quotes():
    text = ("''The river rose overnight,'' said Halima Noor, a farmer. ''We lost the maize.''\n"
            "``Nobody warned us,'' she added.")
    assert quotes(text) == [
        ("The river rose overnight,", "direct", "Halima Noor"),
        ("We lost the maize.", "direct", "Halima Noor"),
        ("Nobody warned us,", "direct", "Halima Noor"),
    ]
    art = article_from_text(text, "t")
    spans, warnings = find_quote_spans(art)
    assert warnings == [] and [art.text[s.open_mark:s.start] for s in spans] == ["''", "''", "``"]


def test_a_typed_opening_mark_that_closes_and_a_reversed_opening_mark():
    # before: the second “ left the quote open to the end of the paragraph
    assert quotes("Halima Noor asked for an “urgent audit“ of the dam.") == [
        ("urgent audit", "partial", "Halima Noor")]
    assert quotes("”The water came at night,” said Halima Noor.") == [
        ("The water came at night,", "direct", "Halima Noor")]
