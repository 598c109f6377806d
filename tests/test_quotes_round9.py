"""Round 9 of speaker accuracy on real news (issue 12): general rules of English news style,
each checked on sentences written for this file (no third-party text)."""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.position) for q in extract_quotes(article_from_text(text, "x"))
            if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, name", [
    # an owner's role, then the name in the appositive (inverted cue)
    ("Dan Moe spoke first. “We will win this race,” said Lake’s deputy campaign manager, "
     "Tom Reed, who ran the count in 2012.", "Tom Reed"),
    # a role in lower case before the name inside the appositive
    ("Dan Moe spoke. “It is about time,” exhorted the mayor’s introducer, actress Ann Lee Ford.",
     "Ann Lee Ford"),
    # an owner's role, the name between commas, then "told" and its object
    ("Dan Moe spoke. “We will win this race,” Lakeshire Rep. Dan Moe’s chief of staff, "
     "Tom Reed, told reporters.", "Tom Reed"),
    ("Dan Moe spoke. “We will win this race,” Lakeshire’s chief planner, Tom Reed, told the "
     "Lake Post in 2013.", "Tom Reed"),
])
def test_owner_role_then_name(text, name):
    assert _speakers(text) == [(name, "after")]


def test_appositive_clause_is_no_name():
    # "who ran Lake Farms" is a relative clause, not a role before a name
    assert _speakers("Dan Moe spoke. “It is about time,” said a neighbour, who ran Lake Farms.") \
        == [("neighbour", "after")]
