"""Kinds of quote: speech (direct, partial) or not (scare quotes, titles, names).
"""

from __future__ import annotations

import re
from itertools import islice

from analysis.quotes.cues import _DETERMINERS, _PRONOUNS, _SPEAKER_NOUNS
from analysis.quotes.subjects import _Subject

#: A word of a title (letters first), compiled once.
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")

#: Quoted phrases up to this many words with no speech cue are scare quotes.
SCARE_MAX_WORDS = 4


SPEECH_KINDS = ("direct", "partial")


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by",
                "with", "from", "ni", "na", "wa", "ya", "la", "de", "du", "le"}


_TITLE_CUES = re.compile(r"\b(?:book|novel|film|movie|song|album|report|study|titled|entitled|"
                         r"called|named|dubbed|slogan|campaign|programme|program|series|show|"
                         r"play|poem|hashtag|headline|documentary|magazine|newspaper|memoir|"
                         r"episode|column|op-ed|podcast|ad|advert|anthem)\W*$",
                         re.IGNORECASE)


#: A broadcaster's or outlet's possessive, or "on"/"appearance on", before a title-case quote:
#: a programme ("on NBC’s “Today”", "an appearance on “Meet the Press.”").
_PROGRAMME_CUES = re.compile(r"(?:\b(?:[A-Z][\w.&]*|[A-Z]{2,})[’']s?|\bon|\bwatching|"
                             r"\bhosting|\bhost of)\s*$")


def _is_title(content: str, before: str) -> bool:
    """A short quoted phrase in title case, or named by a title word ("the book “…”"), is a
    title or a name rather than speech; so is a title-case name after a broadcaster's
    possessive or "on" ("told NBC’s “Today”", "on “Meet the Press.”"), even with US-style
    punctuation inside the marks.

    >>> _is_title("Meet the Press.", "in an appearance on "), _is_title("No way.", "He said ")
    (True, False)
    """
    words = [m[0] for m in islice(_TITLE_WORD.finditer(content), 9)]  # (a ninth: too long)
    if not words or len(words) > 8:
        return False
    programme = bool(_PROGRAMME_CUES.search(before))
    if content.rstrip()[-1:] in ".?!" and not (
            (programme or _TITLE_CUES.search(before)) and content.rstrip()[-1:] == "."
            and content.count(".") == 1):
        return False
    if programme and words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True
    title_case = words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return title_case and (len(words) > 1 or bool(_TITLE_CUES.search(before)))


def _head(words: list[str]) -> str:
    for i, w in enumerate(words):
        if i > 0 and w in ("for", "of", "at", "from", "with", "in"):
            return words[i - 1].lower()
    return words[-1].lower()


def _can_speak(subj: _Subject) -> bool:
    """A pronoun, a capitalised name or a phrase headed by a noun that can speak."""
    first = subj.text.split()[0]
    if subj.text.lower() in _PRONOUNS:
        return subj.text.lower() not in ("it",)
    if first.lower() in _DETERMINERS or subj.text[:1].islower():
        words = subj.text.split()
        # "a reporter for the Daily Nation": the head before the preposition
        return words[-1].lower() in _SPEAKER_NOUNS or _head(words) in _SPEAKER_NOUNS
    return True
