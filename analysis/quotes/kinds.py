"""Kinds of quote: speech (direct, partial) or not (scare quotes, titles, names).
"""

from __future__ import annotations

import re
from itertools import islice

from analysis.quotes.cues import _DETERMINERS, _PRONOUNS, _SPEAKER_NOUNS
from analysis.quotes.subjects import _Subject
from analysis.quotes.subjects.phrases import _DOCUMENT_PARTICIPLES, _LINKING_ADJECTIVES
from analysis.text.words import DAY_AND_MONTH_NAMES

#: A word of a title (letters first), compiled once.
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")

#: Quoted phrases up to this many words with no speech cue are scare quotes.
SCARE_MAX_WORDS = 4


SPEECH_KINDS = ("direct", "partial")


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by",
                "with", "from", "ni", "na", "wa", "ya", "la", "de", "du", "le"}


#: Words that name a title after them ("the book “…”", "a campaign called “…”").
_TITLE_CUE_WORDS = ("book", "novel", "film", "movie", "song", "album", "report", "study",
                    "titled", "entitled", "called", "named", "dubbed", "slogan", "campaign",
                    "programme", "program", "series", "show", "play", "poem", "hashtag",
                    "headline", "documentary", "magazine", "newspaper", "memoir", "episode",
                    "column", "op-ed", "podcast", "ad", "advert", "anthem")
_TITLE_CUES = re.compile(r"\b(?:" + "|".join(_TITLE_CUE_WORDS) + r")\W*$", re.IGNORECASE)
_LONGEST_TITLE_CUE = max(map(len, _TITLE_CUE_WORDS))


def _title_cue_before(before: str) -> bool:
    """``_TITLE_CUES.search(before)``: whether ``before`` ends with a title word (and non-word
    characters), searched from that word's furthest possible start only: the word ends
    where the non-word characters at the end begin (a short scan back), so it starts at most
    :data:`_LONGEST_TITLE_CUE` characters before (case folding keeps lengths). ``before``
    is the few words before a quote.

    >>> [_title_cue_before(b) for b in ("In his new book, ", "the stubborn op-ed:", "he said")]
    [True, True, False]
    """
    j = len(before)
    while j > 0 and not (before[j - 1].isalnum() or before[j - 1] == "_"):  # (\W)
        j -= 1
    return _TITLE_CUES.search(before, max(0, j - _LONGEST_TITLE_CUE)) is not None


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
            (programme or _title_cue_before(before)) and content.rstrip()[-1:] == "."
            and content.count(".") == 1):
        return False
    if programme and words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True
    title_case = words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return title_case and (len(words) > 1 or _title_cue_before(before))


def _head(words: list[str]) -> str:
    """The noun a phrase's first preposition modifies ("reporter for the …"), past an
    adjective that ties it to its object ("aide close to Tom Reed" → aide).

    >>> _head("an aide close to Tom Reed".split()), _head("a reporter for the Post".split())
    ('aide', 'reporter')
    >>> _head("a memo obtained by The Courier".split())
    'memo'
    """
    for i, w in enumerate(words):
        if i > 1 and w in ("to", "with") and words[i - 1] in _LINKING_ADJECTIVES:
            return words[i - 2].lower()
        if i > 0 and (w in ("for", "of", "at", "from", "with", "in") or (
                w in _DOCUMENT_PARTICIPLES and i + 1 < len(words) and words[i + 1] == "by")):
            return words[i - 1].lower()  # ("a letter obtained by The Courier": letter)
    return words[-1].lower()


def _can_speak(subj: _Subject) -> bool:
    """A pronoun, a capitalised name or a phrase headed by a noun that can speak."""
    first = subj.text.split()[0]
    if subj.text.lower() in _PRONOUNS:
        return subj.text.lower() not in ("it",)
    if first.lower() in _DETERMINERS or subj.text[:1].islower():
        words = subj.text.split()
        # "a reporter for the Daily Nation": the head before the preposition; "Many
        # Republicans", "some Texans": a capitalised plural names a people or a party
        last = words[-1]
        if last == "campaign" and len(words) >= 2 and words[-2][:1].islower() and \
                words[-2].lower() not in _DETERMINERS:
            return False  # "a million ad campaign": a series of ads, not "the Reed campaign"
        return last.lower() in _SPEAKER_NOUNS or _head(words) in _SPEAKER_NOUNS or (
            len(words) >= 2 and last[:1].isupper() and last.endswith("s") and
            last[1:].islower() and not last.endswith(("’s", "'s")) and
            last[:-1] not in DAY_AND_MONTH_NAMES)  # (not "Some Fridays")
    return True
