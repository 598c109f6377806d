"""Names with letters outside a–z are read whole (issue 12): accented and other Latin
letters first, inside and as an inner capital, hyphenated and apostrophe forms, and an
Arabic particle joined by a hyphen. Every sentence here was written by the team; the
expected speakers were checked by hand (before this change "Calderón" was cut to "Calder",
"Øystein Sørensen" gave no speaker and "N’Golo Kanté" became "Golo Kant")."""

import pytest

from analysis.quotes import extract_quotes
from analysis.speakers import MENTION, capitalised
from analysis.text import article_from_text

NAMES = [
    "Inés Calderón",  # accent inside the surname, and inside the first name
    "Émile Zola-Ruto",  # accented capital opening the first name
    "Øystein Sørensen",  # a capital and a small letter outside Latin-1 accents
    "İsmail Kahraman",  # dotted capital I
    "Ólafur Grímsson",
    "Lech Wałęsa",  # ł and ę
    "Ayşe Davutoğlu",  # ş and ğ
    "Petr Babič",  # č
    "Zoë Kravitz-Ñúñez",  # accented capital after a hyphen
    "Ana DuBóis",  # inner capital before an accent
    "Jean-Luc Mélenchon",  # hyphenated first name
    "N’Golo Kanté",  # one capital, an apostrophe, a capitalised word
    "Shaun D'Souza",
    "Abdel Fattah al-Sisi",  # a lower-case particle joined by a hyphen
]


def _speakers(text: str) -> list:
    return [q.speaker for q in extract_quotes(article_from_text(text, "x"))]


@pytest.mark.parametrize("name", NAMES)
def test_an_international_name_is_the_speaker_whole(name):
    last = name.split()[-1]
    # the pronoun resolved to the name introduced before
    assert _speakers(f"{name} visited the town on Monday. “We will win,” he said.") == [name]
    # the surname alone, after the quote and in an inverted cue
    assert _speakers(f"{name} visited the town on Monday. “We will win,” {last} said.") == [name]
    assert _speakers(f"The mayor met {name} on Monday. “We will win,” said {last}.") == [name]
    # a description resolved to the titled name
    assert _speakers(f"President {name} spoke on Monday. “We will win,” the president "
                     "said.") == [name]


@pytest.mark.parametrize("name", NAMES)
def test_the_mention_pattern_reads_the_whole_name(name):
    m = MENTION.fullmatch(f"Mayor {name}")
    assert m is not None and m.group("title") == "Mayor" and m.group("name") == name


def test_capitalised_words_and_particles():
    assert [capitalised(w) for w in ("Ñúñez", "Øystein", "al-Sisi", "el-Baradei", "also",
                                     "al", "anti-Ruto", "ñandú")] == [
        True, True, True, True, False, False, False, False]
