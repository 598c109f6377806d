"""Words: the one definition of a word token (:data:`WORD_PATTERN`).

Letters and digits with internal apostrophes (``Kenya’s``, ``don't`` are one word); hyphen-joined
parts are one word (``U.S.-Kenyan``, ``long-term``); dotted acronyms keep their dots (``U.S.``);
numbers keep inner separators (``1,224``, ``3.5``). An em/en dash, punctuation and quote marks
separate words and are not words; a trailing possessive apostrophe (``farmers’``) is not part of
the token.

>>> [m.group() for m in WORD_PATTERN.finditer("Kenya’s U.S.-Kenyan ties, 1,224 farmers’ 3.5%")]
['Kenya’s', 'U.S.-Kenyan', 'ties', '1,224', 'farmers', '3.5']
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_NUM = r"\d+(?:[.,]\d+)+"
_ACRONYM = r"(?:[A-Za-z]\.){2,}"
_ALNUM = r"[^\W_]+(?:['’][^\W_]+)*"
_PART = rf"(?:{_NUM}|{_ACRONYM}|{_ALNUM})"
# The first part again, written to start with one character class so that the regex engine
# skips the text between words in C: its first character, then the rest of whichever of
# _NUM, _ACRONYM, _ALNUM that character can start, tried in that order (the same matches).
_FIRST_PART = (r"[^\W_](?:(?<=\d)\d*(?:[.,]\d+)+|(?<=[A-Za-z])\.(?:[A-Za-z]\.)+"
               r"|[^\W_]*(?:['’][^\W_]+)*)")
#: The one definition of a word token (see the module docstring): parts (numbers, dotted
#: acronyms, words with inner apostrophes) joined by hyphens.
WORD_PATTERN = re.compile(rf"{_FIRST_PART}(?:[-‐‑]{_PART})*")

#: The capitalised names of the days and months (never a person's name, never part of an
#: organisation's name after "on"): shared by :mod:`analysis.speakers` and topic matching.
DAY_AND_MONTH_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"})

#: Punctuation that may surround a word with no space between (none is a letter, digit or
#: white space): a piece of text between spaces that is such punctuation around letters and
#: digits only holds one word token, those letters and digits.
_EDGE_PUNCT = ",.;:!?“”\"‘’'()[]{}«»—–-…*/"


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy-word list shipped with textstat, read as a file (no textstat import):
    the readability stage's difficult words and the quote stage's test for an ordinary word at
    a sentence's start both use it.

    >>> {"cat", "happy", "wait", "ever"} <= easy_words()
    True
    >>> "multinational" in easy_words(), "odhiambo" in easy_words()
    (False, False)
    """
    spec = importlib.util.find_spec("textstat")
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "resources" / "en" / "easy_words.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w)
