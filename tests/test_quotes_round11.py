"""Round 11 of speaker accuracy on real news (issue 12): wrong outputs that are wrong in any
newspaper, fixed as general classes, each checked on sentences written for this file (no
third-party text)."""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.position) for q in extract_quotes(article_from_text(text, "x"))
            if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, name, position", [
    # a place after a preposition, between the quote and "Name said"
    ("“We will rebuild,” in Boston Tom Reed said.", "Tom Reed", "after"),
    ("“We will rebuild,” at Lakeside Ann Moe said.", "Ann Moe", "after"),
    ("“We will rebuild,” from Eastport Kofi Banda said.", "Kofi Banda", "after"),
    # ... or before "Name said" and a quote
    ("In Boston Tom Reed said, “We will rebuild.”", "Tom Reed", "before"),
    ("Later in Boston Tom Reed told reporters: “We will rebuild.”", "Tom Reed", "before"),
])
def test_place_after_preposition_is_not_part_of_the_name(text, name, position):
    assert _speakers(text) == [(name, position)]


@pytest.mark.parametrize("text, name", [
    # a title opens the run: "Secretary of State" is the role, not a place
    ("“We will rebuild,” Secretary of State Tom Reed said.", "Tom Reed"),
    # a place whose name holds a given name stays whole
    ("“We will rebuild,” officials in Port Elizabeth said.", "Port Elizabeth"),
    ("“We will rebuild,” the council of Saint Louis Park said.",
     "the council of Saint Louis Park"),
    # no given name or title after the place: nothing to split
    ("“We will rebuild,” the head of Lakeside Housing Trust said.",
     "the head of Lakeside Housing Trust"),
])
def test_place_run_guards(text, name):
    assert _speakers(text) == [(name, "after")]
