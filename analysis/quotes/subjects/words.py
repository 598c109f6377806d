"""The words the subject readers share: the subject record, the word patterns, time words,
sentence openers and lead-ins, and the small word tests (a capitalised name word, an adverb
in -ly, the head of a noun phrase)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.quotes.cues import FINITE_AUXILIARIES
from analysis.speakers import LOWER, UPPER, capitalised, first_names
from analysis.text.words import DAY_AND_MONTH_NAMES, easy_words

# (patterns compiled once: a lower-case word, a word with full stops, a plain word, a
# lower-case word or an owner's "’s")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")


_AMPERSAND_WORD = r"[A-Z]{1,4}&[A-Z]{1,4}(?:[’']s)?"  # ("AT&T": a word, as in cues._WORD)


_WORD_OR_DOT = re.compile(rf"^(?:[\w’'\-.]+|{_AMPERSAND_WORD})$")


_PLAIN_WORD = re.compile(rf"^(?:[\w’'\-]+|{_AMPERSAND_WORD})$")


_LOWER_OR_S_WORD = re.compile(r"[a-z’'s][\w-]*")


@dataclass
class _Subject:
    text: str
    start: int
    end: int
    appositive: str | None = None
    role: str | None = None  # descriptive words before a name ("government spokesman")
    origin: int | None = None  # where the whole phrase starts, when the name is inside it


#: A capitalised word in lower case after its capital ("Ruto", "Calderón", "O’Neil"), or
#: an initial ("J.").
_SURNAME = re.compile(rf"{UPPER}(?:{LOWER}|[’'-])+")


_NAME_WORD = re.compile(rf"{_SURNAME.pattern}|{UPPER}\.")


def _is_cap(w: str) -> bool:
    return capitalised(w) or w in ("of", "de", "van", "von", "bin", "al", "wa", "ole")


_DAYS = frozenset(w for w in DAY_AND_MONTH_NAMES if w.endswith("day"))  # Monday … Sunday


_DAY_PARTS = {"morning", "afternoon", "evening", "night"}


_TIME_LEADS = {"on", "late", "early", "later", "earlier", "last", "this", "next"}


_TIME_WORDS = {"yesterday", "today", "tonight", "tomorrow", "recently", "afterward",
               "afterwards"}


_ISSUING = {"issued", "released", "sent", "posted", "published", "put", "circulated",
            "distributed", "tweeted", "filed",
            # a campaign's ads, and the verbs of a text being put out ("Moe is releasing a
            # new ad that urges …", "The campaign ran an ad that called …")
            "ran", "aired", "launched", "unveiled", "issuing", "releasing", "sending",
            "posting", "publishing", "circulating", "running", "airing", "launching",
            "unveiling"}


_SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "As", "By", "But", "And", "When",
                     "While", "After", "Before", "Speaking", "According", "However",
                     "Meanwhile", "Later", "Instead", "Earlier", "Still", "Yet", "So"}


_NOT_IN_NOUN_PHRASE = FINITE_AUXILIARIES | {"been", "be", "not", "if", "whom", "who", "that",
                                            "which", "when", "while"}


_PREPOSITIONS = ("for", "of", "at", "from", "with", "in")


#: Nationality words that can stand for a person ("the Kenyan"), from the places gazetteer.
_DEMONYMS = {"Kenyan", "Ugandan", "Tanzanian", "Ethiopian", "Somali", "Nigerian", "Ghanaian",
             "Rwandan", "Sudanese", "Congolese", "American", "British", "Briton", "French",
             "German", "Chinese", "Russian", "Indian", "Haitian", "Eritrean", "Burundian",
             "Zambian", "Zimbabwean", "Malawian", "Egyptian", "Moroccan", "Algerian",
             "Tunisian", "Senegalese", "Cameroonian", "Ivorian", "Jamaican", "Canadian",
             "Australian", "Japanese", "Brazilian", "Mexican", "Spaniard", "Italian", "Dutch"}


def _head_noun(words: list[str]) -> str:
    """The head of a noun phrase: the word before its first preposition, else the last word.

    >>> _head_noun("spokesperson for the U.S. State Department".split())
    'spokesperson'
    """
    for i, w in enumerate(words):
        if i > 0 and (w in _PREPOSITIONS or (w == "to" and i + 1 < len(words))):
            # ("an adviser to Ann Moe", "a letter to the board")
            return words[i - 1].lower()
    return words[-1].lower()


def first_names_lower() -> set[str]:
    """Known first names in lower case ("Kelly" is a name, "Immediately" a lead-in).

    >>> "kelly" in first_names_lower(), "immediately" in first_names_lower()
    (True, False)
    """
    global _FIRST_LOWER
    if _FIRST_LOWER is None:
        _FIRST_LOWER = {n.lower() for n in first_names()}
    return _FIRST_LOWER


_FIRST_LOWER: set[str] | None = None


def ly_adverb(low: str) -> bool:
    """A lower-case adverb in -ly of at least 6 letters whose stem is an easy word
    (:func:`easy_words`: "hastily" from "hasty", "quickly" from "quick"), no name ("Daly",
    "Connolly", "Kelly").

    >>> [ly_adverb(w) for w in ("hastily", "quickly", "daly", "connolly", "kelly")]
    [True, True, False, False, False]
    """
    if len(low) < 6 or not low.endswith("ly") or low in first_names_lower():
        return False
    stem = low[:-3] + "y" if low.endswith("ily") else low[:-2]
    return len(stem) >= 4 and stem in easy_words()


_LEAD_INS = {"In", "On", "At", "During", "After", "Before", "Later", "Earlier", "Speaking",
             "Asked", "Since", "Last", "This", "When", "While", "Hours", "Days", "Minutes",
             "Moments", "Meanwhile", "Still", "Then", "Yet", "Now", "Today", "Yesterday",
             # subordinators and prepositions that open a lead-in clause
             "If", "Although", "Though", "Because", "Once", "Unless", "Until", "Whether",
             "Amid", "Amidst", "Among", "Despite", "Unlike", "Like", "Along", "Beyond",
             "Throughout", "Within", "Upon", "Against", "Given", "Without", "Across",
             "Through", "From", "With", "Under", "Over", "Behind", "Near", "Outside", "Inside",
             "Around", "Following", "Ahead", "Back", "Even", "For", "By",
             # adverbs that open a time clause: "Ever since …,", "Soon after …,"
             "Ever", "Soon", "Shortly", "Just", "Only", "Not",
             # sentence adverbs: "Therefore, Gulf sources believe …"
             "Therefore", "Thus", "Hence", "Moreover", "Furthermore", "Nevertheless",
             "Nonetheless", "However", "Indeed", "Instead", "Besides", "Additionally",
             "Consequently", "Otherwise", "Likewise", "Similarly", "Finally", "Overall",
             "Ultimately"}
