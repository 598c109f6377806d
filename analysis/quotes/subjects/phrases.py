"""Noun-phrase and name readers: the phrase that ends at a word (a pronoun, a name, a
common-noun phrase with its modifiers), and the person named before an organisation, a role
or a place ("Ann Moe of the Lake Fund", "Dan Moe, chairman of Lake Growers")."""

from __future__ import annotations

import re

from analysis.quotes.cues import _DETERMINERS, _DOCUMENT_NOUNS, _PRONOUNS, _SPEAKER_NOUNS, CUE_RE
from analysis.quotes.subjects.words import (
    _DEMONYMS,
    _LEAD_INS,
    _LOWER_WORD,
    _NAME_WORD,
    _NOT_IN_NOUN_PHRASE,
    _PLAIN_WORD,
    _SENTENCE_OPENERS,
    _SURNAME,
    _WORD_OR_DOT,
    _is_cap,
    _Subject,
)
from analysis.speakers import (
    HONORIFIC_GENDER,
    NOT_NAME,
    ORG_ACRONYMS,
    ORG_WORDS,
    SURNAME_WORDS,
    TITLE_WORDS,
    TITLES,
    capitalised,
    first_names,
    name_after_place,
    surname_after_first,
)
from analysis.text.words import DAY_AND_MONTH_NAMES


def _person_before_of(words, k: int, subj: _Subject) -> _Subject | None:
    """"George Moe of The Lantern wrote" / "Ann Moe from Eastport said": the subject found
    before the cue (starting at ``words[k]``) is the person's organisation or place; the
    person, a name opening with a known first name or an honorific, speaks.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Ann Moe of the Lake Fund said".split())]
    >>> _person_before_of(ws, 4, _Subject("Lake Fund", 4, 6)).text
    'Ann Moe'
    """
    if k < 0 or not (subj.text[:1].isupper() or subj.text.startswith("the ")):
        return None
    q = k - 1 if k >= 1 and words[k - 1][0] in ("the", "The") else k
    if q < 3 or words[q - 1][0] not in ("of", "from", "at"):
        return None
    e = q - 2
    b = e
    while b >= 1 and e - b < 4 and _is_cap(words[b - 1][0]) and \
            words[b - 1][0] not in _SENTENCE_OPENERS:  # (not "As" of "As Ann Moe of …")
        b -= 1
    run = words[b:e + 1]
    lead = run[0][0]
    plain = len(run) <= 3 and (b == 0 or not words[b - 1][0][:1].isalnum() or
                               words[b - 1][0] in _SENTENCE_OPENERS) and \
        lead not in _SENTENCE_OPENERS and all(
            _NAME_WORD.fullmatch(w) for w, _, _ in run)  # "Jeff Ruto"
    if len(run) < 2 or not (plain or lead in first_names() or lead in HONORIFIC_GENDER or (
            lead in TITLES and (run[1][0] in first_names() or (
                len(run) >= 3 and all(_NAME_WORD.fullmatch(w) for w, _, _ in run[1:]))))) or \
            any(w in ORG_WORDS or w in ORG_ACRONYMS for w, _, _ in run) or \
            not _SURNAME.fullmatch(run[-1][0]):
        return None
    if lead in TITLES and lead not in HONORIFIC_GENDER:
        run = run[1:]  # "Archbishop Tom Okello of …": the title is a role
    return _Subject(" ".join(w for w, _, _ in run), run[0][1], run[-1][2],
                    " ".join(w for w, _, _ in words[q - 1:k + len(subj.text.split())]),
                    role=lead if run[0][0] != lead else None)


#: The words that join a role to its organisation: "chairman of", "editor at large of".
_ROLE_LINKS = {"of", "at", "for", "and", "with"}


def _person_before_role(words, k: int, j: int, subj: _Subject) -> _Subject | None:
    """"Dan Moe, president and chief executive of Lake Growers stated": the phrase before the
    cue (``words[k..j]``) is the organisation of the role in an appositive left open before
    the cue; the person named before the appositive's comma speaks. None otherwise.

    >>> ws = [(w, i, i + 1) for i, w in enumerate(
    ...     "Dan Moe , chairman of Lake Growers stated".split())]
    >>> _person_before_role(ws, 5, 6, _Subject("Lake Growers", 5, 7)).text
    'Dan Moe'
    """
    if k < 0:
        return None
    if k >= 1 and words[k - 1][0] in ("The", "the"):
        k -= 1  # "… of The Lantern" (the name read without its article)
    p = k - 1
    while p >= 0 and (_LOWER_WORD.fullmatch(words[p][0]) or _NAME_WORD.fullmatch(
            words[p][0])) and k - p <= 8:
        p -= 1  # (a name inside the role: "a former Lake Service agent for")
    if p < 2 or words[p][0] != "," or not _LOWER_WORD.fullmatch(words[p + 1][0]) or not (
            (p < k - 1 and words[k - 1][0] in _ROLE_LINKS) or
            (subj.text[:1].islower() and p == k - 1)):
        return None
    lead = _leading_person(words, j + 1)
    if lead is None or lead.end != words[p - 1][2]:
        return None
    lead.appositive = " ".join(x[0] for x in words[p + 1:j + 1])
    return lead


def _person_before_place(words, subj: _Subject, end: int | None = None) -> _Subject | None:
    """"Ann Moe of Eastport, South Lakeshire says": the region after a place (its closing
    comma left out) is no subject; the person named before "of"/"from" is. ``end``: the
    index of the phrase's last word, when known (the search for its start begins there).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Ann Moe of Eastport , Lakeshire".split())]
    >>> _person_before_place(ws, _Subject("Lakeshire", 5, 6)).text
    'Ann Moe'
    """
    last = len(words) - 1 if end is None else end  # the phrase ends at ``end``: look from there
    k = next((i for i in range(last, -1, -1) if words[i][1] == subj.start), -1)
    if k < 5 or words[k - 1][0] != "," or not subj.text[:1].isupper() or \
            len(subj.text.split()) > 3:
        return None
    p = k - 2
    while p >= 0 and words[p][0][:1].isupper():
        p -= 1
    if p == k - 2 or p < 2 or words[p][0] not in ("of", "from"):
        return None
    q = p - 1
    while q >= 0 and words[q][0][:1].isupper() and words[q][0] not in _SENTENCE_OPENERS:
        q -= 1
    run = words[q + 1:p]
    if len(run) < 2 or run[0][0] in _LEAD_INS or run[0][0].endswith("ing") or \
            (q >= 0 and words[q][0] not in (",", ".", ":", ";", "“", "”", '"') and
             words[q][0][:1].isupper()):
        return None
    return _Subject(" ".join(w for w, _, _ in run), run[0][1], run[-1][2],
                    " ".join(w for w, _, _ in words[p + 1:k + 1 + len(subj.text.split()) - 1]))


def _clause_start(words, end: int) -> int:
    """Where the clause holding ``words[end]`` starts: after the last quote mark, colon,
    semicolon or full stop before it; an abbreviation's full stop before a comma or a bracket
    ("Ann Moe, 59, of Eastport, Md., who …", "(R-Tenn.)") ends no sentence.

    >>> ws = [(w, 0, 0) for w in "Ann Moe , of Eastport , Md . , who".split()]
    >>> _clause_start(ws, 8)
    0
    """
    start = end
    while start > 0 and (words[start - 1][0] not in ("“", "”", '"', ".", ":", ";") or (
            words[start - 1][0] == "." and words[start][0] in (",", ")"))):
        start -= 1
    return start


#: Words that open a sentence before its subject ("But Ann Lapp, …, said").
_COORDINATING_OPENERS = {"But", "And", "Yet", "So", "Still", "Meanwhile", "Now", "Then"}


def _leading_person(words, comma: int) -> _Subject | None:
    """A person's name that opens the clause, before a chain of appositives ending at the
    comma at ``comma``: "Ann Lapp, director of the Lake Fund, a charity, said" → Ann Lapp.
    The name starts with a known first name or a title (so a place or an organisation that
    opens the clause is not taken)."""
    start = _clause_start(words, comma)
    if start < comma and words[start][0] in _COORDINATING_OPENERS:
        start += 1  # "But Ann Lapp, director of …, said"
    first_comma = next((i for i in range(start, comma) if words[i][0] == ","), None)
    if first_comma is None or first_comma == start or first_comma == comma:
        return None
    seg = words[start:first_comma]
    if len(seg) > 5 or not all(w[:1].isupper() or w in ("de", "van", "bin", "al")
                               for w, _, _ in seg) or seg[0][0] in NOT_NAME or \
            seg[0][0] in _SENTENCE_OPENERS or any(w in ORG_WORDS or w in ORG_ACRONYMS
                                                  for w, _, _ in seg):
        return None
    lead = seg[0][0]
    if len(seg) < 2 or not (lead in first_names() or lead in TITLES or
                            lead in HONORIFIC_GENDER or (len(seg) <= 3 and all(
                                _NAME_WORD.fullmatch(w) for w, _, _ in seg))):
        return None
    app = " ".join(x[0] for x in words[first_comma + 1:comma])
    return _Subject(" ".join(x[0] for x in seg), seg[0][1], seg[-1][2], app)


def _first_segment_name(words, comma: int) -> _Subject | None:
    """When the words before the comma at ``comma`` end in a place after a preposition
    ("… from Sumter"), the subject is the name that opens the clause, before its first comma."""
    k = comma - 1
    while k >= 0 and words[k][0][:1].isupper():
        k -= 1
    if k < 0 or words[k][0] not in ("from", "in", "of", "at", "near"):
        return None
    start = _clause_start(words, comma)
    first_comma = next((i for i in range(start, comma) if words[i][0] == ","), None)
    if first_comma is None or first_comma == start:
        return None
    seg = words[start:first_comma]
    if not all(w[:1].isupper() or w in ("de", "van", "bin", "al") for w, _, _ in seg) or \
            seg[0][0] in NOT_NAME:
        return None
    app = " ".join(x[0] for x in words[first_comma + 1:comma])
    return _Subject(" ".join(x[0] for x in seg), seg[0][1], seg[-1][2], app)


def _speaker_before_preposition(words, k: int) -> int:
    """Start of "a spokesperson for [the commission / the U.S. State Department]" when the
    phrase starting at ``k`` follows a speaker noun and a preposition; else ``k``."""
    p = k - 1
    if p >= 0 and words[p][0].lower() == "the":
        p -= 1
    if k < len(words) and words[k][0].lower() == "the":
        p = k - 1
    if p >= 1 and words[p][0] in ("for", "of", "at", "in", "from") and \
            words[p - 1][0].lower() in _SPEAKER_NOUNS:
        q = p - 1
        while q - 1 >= 0 and p - q < 4 and _WORD_OR_DOT.match(words[q - 1][0]) and \
                words[q][0].lower() not in _DETERMINERS:
            q -= 1
        if words[q][0].lower() in _DETERMINERS:
            return q
    return k


def _name_after_place(words, k: int, j: int) -> int:
    """Where the person's name starts in the run of capitalised words ``words[k..j]`` after a
    preposition ("in Boston Tom Reed said" → the index of "Tom"): see
    :func:`~analysis.speakers.name_after_place`; ``k`` when the run is kept whole.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("in Boston Tom Reed".split())]
    >>> _name_after_place(ws, 1, 3), _name_after_place(ws[1:], 0, 2)
    (2, 0)
    """
    if k < 1 or j - k > 8:  # (a longer run is no place and a name: bounded)
        return k
    return k + name_after_place(words[k - 1][0], [w for w, _, _ in words[k:j + 1]])


#: Prepositions that attach a modifier to the noun before them ("leaders of the union",
#: "an email to her supporters", "officials in Eastport").
_MODIFIER_PREPS = {"of", "in", "at", "from", "for", "to", "near", "with", "on", "by"}


#: Participles between a document and its "by" ("a letter obtained by the Courier").
_DOCUMENT_PARTICIPLES = {"obtained", "released", "sent", "published", "written", "signed",
                         "issued", "posted", "seen", "reviewed", "shared", "circulated"}


#: Adjectives that tie a speaker to what follows them ("a source familiar with the talks",
#: "a person close to the mayor"): the speaker, not the object, is the subject.
_LINKING_ADJECTIVES = {"familiar", "close", "closest", "loyal", "allied", "connected"}
#: Words that end the words before a noun phrase: the phrase opens after them.
_PHRASE_BREAKS = {",", ";", ":", ".", "“", "”", '"', "(", "—", "–"}
#: Initials that modify a noun as an adjective does ("a U.S. official", "E.U. diplomats").
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
#: Conjunctions that open a clause ("…, but lawyers for the city said"): no adjective.
_CONJUNCTIONS = {"and", "but", "or", "yet", "so", "while", "whereas"}
#: Words before a speaker noun that are no modifier of it ("without officials asking"): a
#: preposition makes the noun its object, a conjunction opens the clause.
_NOT_MODIFIERS = _MODIFIER_PREPS | _CONJUNCTIONS | {
    "without", "about", "against", "among", "than", "like", "as", "into", "over", "after",
    "before", "between", "through", "during", "under", "toward", "towards"}


def _head_with_modifiers(words, k: int) -> int:
    """Where the subject starts when the phrase at ``words[k]`` is the object of a
    preposition that modifies a speaker's or a document's noun before it ("Leaders of [the
    union] said", "Officials in [Eastport] said", "Ann Moe’s email to [her supporters]
    notes", "A letter from the council obtained by [the Courier] warns"): the start of that
    noun's phrase (its determiner, its owner, or the clause's start); ``k`` when there is
    none, and when the noun is a document written "by" its author with no participle
    between ("A report by [the panel]": the author speaks). At most three modifiers are
    walked, each over at most five words (bounded).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Leaders of the union".split())]
    >>> _head_with_modifiers(ws, 2), _head_with_modifiers(ws[2:], 0)
    (0, 0)
    >>> ws = [(w, i, i + 1) for i, w in enumerate("Moe met leaders of the union".split())]
    >>> _head_with_modifiers(ws, 4)
    4
    >>> ws = [(w, i, i + 1) for i, w in enumerate("A report by the panel".split())]
    >>> _head_with_modifiers(ws, 3)
    3
    """
    for _ in range(3):
        p = k - 1
        if p >= 1 and words[p][0] in ("the", "The"):  # ("by the Courier": its article)
            p -= 1
        if p < 1 or words[p][0] not in _MODIFIER_PREPS:
            break
        end = p - 1
        if words[p][0] == "by" and (end < 1 or words[end][0] not in _DOCUMENT_PARTICIPLES):
            if words[end][0].lower() in _DOCUMENT_NOUNS:
                break  # "A report by [the inspector general] said": its author speaks
            # ("A man by [the door]": a place or a manner, read as any modifier below)
        elif words[p][0] == "by":
            end -= 1
            if words[end][0][:1].isupper():
                # "A letter from the Lake Fund obtained by [The Courier]": past the name the
                # document came from, to the document's noun (a run of at most five words)
                q = end
                while q - 1 >= 0 and end - q < 4 and words[q - 1][0][:1].isupper():
                    q -= 1
                if q - 1 >= 0 and words[q - 1][0] in ("the", "The"):
                    q -= 1
                if q >= 2 and words[q - 1][0] in _MODIFIER_PREPS and \
                        words[q - 2][0].lower() in _DOCUMENT_NOUNS:
                    end = q - 2
        elif end >= 1 and words[end][0] in _LINKING_ADJECTIVES:
            end -= 1  # "A source familiar with [the ad]", "a person close to [the mayor]"
        head = words[end][0].lower()
        if head not in _SPEAKER_NOUNS and head not in _DOCUMENT_NOUNS:
            break
        q = end
        while q - 1 >= 0 and end - q < 4 and _PLAIN_WORD.match(words[q - 1][0]) and \
                (words[q - 1][0][:1].islower() or words[q - 1][0][:1].isdigit() or
                 words[q - 1][0] in DAY_AND_MONTH_NAMES) and \
                words[q - 1][0] not in _DETERMINERS and \
                words[q - 1][0] not in _NOT_IN_NOUN_PHRASE and \
                words[q - 1][0] not in _CONJUNCTIONS and \
                not CUE_RE.fullmatch(words[q - 1][0]):
            q -= 1  # adjectives before the noun ("fundraising email", "a March 1 letter")
        if q - 1 >= 0 and words[q - 1][0].lower() in _DETERMINERS:
            q -= 1
        elif q - 1 >= 0 and words[q - 1][0].endswith(("’s", "'s", "s’")):
            q -= 1  # an owner: "Ann Moe’s email"
            while q - 1 >= 0 and end - q < 8 and capitalised(words[q - 1][0]):
                q -= 1
        elif not (q == 0 or words[q - 1][0] in _PHRASE_BREAKS or words[q - 1][0] in _CONJUNCTIONS):
            break  # (no determiner: only a noun phrase that opens its clause, "Officials in
            # …", "local officials in …", "1 letter from …" after "Feb.", "…, but lawyers
            # for …": the conjunction opens a clause, and is no part of its subject)
        k = q
    return k


def _document_origin(words, k: int) -> int | None:
    """Where a document's phrase starts when ``words[k]`` opens its author's phrase after
    "by" ("a report by [the inspector general]": the report's article), else None; read
    back at most five words (bounded)."""
    p = k - 1
    if p >= 1 and words[p][0] in ("the", "The"):
        p -= 1
    if p < 1 or words[p][0] != "by" or words[p - 1][0].lower() not in _DOCUMENT_NOUNS:
        return None
    q = p - 1
    while q - 1 >= 0 and p - q < 5 and (words[q - 1][0].isdigit() or (
            words[q - 1][0][:1].islower() and _PLAIN_WORD.match(words[q - 1][0]) and
            words[q - 1][0] not in _NOT_IN_NOUN_PHRASE)):
        q -= 1
        if words[q][0] in _DETERMINERS:
            break
    return words[q][1]


def _phrase_ending_at(words, j: int) -> _Subject | None:
    """A pronoun, a name or a common-noun phrase whose last word is ``words[j]``."""
    w, ws, we = words[j]
    low = w.lower()
    if low in _PRONOUNS and low not in ("him", "her"):
        return _Subject(w, ws, we)
    if w[:1].isupper() and not w.isupper() and low in _SPEAKER_NOUNS and (
            j == 0 or not words[j - 1][0][:1].isupper()):
        return _Subject(low, ws, we)  # "Observers described …" at a sentence start
    if (capitalised(w) and w not in NOT_NAME) or w in ORG_ACRONYMS or (
            j >= 1 and surname_after_first([words[j - 1][0], w])) or (  # "Jim From said"
            w in SURNAME_WORDS and (j == 0 or not words[j - 1][0][:1].isalpha())):  # "From said"
        k = j
        while k - 1 >= 0 and (
                (_is_cap(words[k - 1][0]) and words[k - 1][0] not in _SENTENCE_OPENERS) or
                (words[k - 1][0] in ("and", "for", "on", "&") and k - 2 >= 0 and
                 words[k - 2][0][:1].isupper() and words[k - 2][0] not in _SENTENCE_OPENERS) or
                (words[k - 1][0] == "the" and k - 3 >= 0 and words[k - 2][0] == "of" and
                 words[k - 3][0] in TITLE_WORDS)):  # "President of the European …"
            k -= 1  # "Department of Health and Social Care", "Johnson & Johnson"
        while k < j and words[k][0] in ("of", "de", "van", "von", "bin", "al"):
            k += 1
        k = _name_after_place(words, k, j)
        p = k - 2 if k >= 2 and words[k - 1][0] == "the" else k - 1
        if p >= 1 and words[p][0] in ("of", "from", "at") and words[p - 1][0][:1].isupper() \
                and words[p - 1][0] not in TITLE_WORDS and words[p - 1][0] not in ORG_WORDS \
                and words[p - 1][0] not in NOT_NAME and any(
                    w in ORG_WORDS or w == "&" for w, _, _ in words[k:j + 1]):
            # "Mr. Reed of the Lake Club said": the person, not the organisation
            q = p - 1
            while q - 1 >= 0 and words[q - 1][0][:1].isupper() and \
                    words[q - 1][0] not in _SENTENCE_OPENERS:
                q -= 1
            return _Subject(" ".join(x[0] for x in words[q:p]), words[q][1], words[p - 1][2])
        if k == j and k > 0 and words[k - 1][0].lower() == "the" and w in _DEMONYMS:
            return _Subject(f"the {w}", words[k - 1][1], we)  # "the Kenyan told reporters"
        k = _head_with_modifiers(words, _speaker_before_preposition(words, k))
        return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we,
                        origin=_document_origin(words, k))
    if low.isalpha() or "-" in low or "’" in low or "'" in low:
        # a common-noun phrase: back to a determiner within six words
        k = j
        while k >= 0 and j - k < 6:
            if words[k][0].lower() in _NOT_IN_NOUN_PHRASE:
                break  # "the clerk had not been paid": a verb, not a subject
            if words[k][0].lower() in _DETERMINERS:
                k = _head_with_modifiers(words, _speaker_before_preposition(words, k))
                return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we,
                                origin=_document_origin(words, k))
            if not (_PLAIN_WORD.match(words[k][0]) or _INITIALS.fullmatch(words[k][0])) or \
                    CUE_RE.fullmatch(words[k][0]):  # ("a U.S. official": initials modify)
                break
            k -= 1
        if low in _SPEAKER_NOUNS:
            k = j
            while k - 1 >= 0 and j - k < 2 and (_PLAIN_WORD.match(words[k - 1][0]) or
                                                 _INITIALS.fullmatch(words[k - 1][0])) and \
                    words[k - 1][0].lower() not in _DETERMINERS and \
                    not CUE_RE.fullmatch(words[k - 1][0]) and \
                    words[k - 1][0] not in _SENTENCE_OPENERS and \
                    words[k - 1][0] not in _NOT_MODIFIERS and \
                    (words[k - 1][0][:1].islower() or _INITIALS.fullmatch(words[k - 1][0])
                     or words[k - 1][0].endswith(("'", "’", "’s", "'s"))):
                k -= 1
            if words[k][0].endswith(("’s", "'s")) and words[k][0][:1].isupper():
                o = k  # "Tom Reed’s family": the owner's whole name (at most three words)
                while o - 1 >= 0 and k - o < 2 and _is_cap(words[o - 1][0]) and \
                        not words[o - 1][0].endswith(".") and \
                        words[o - 1][0] not in DAY_AND_MONTH_NAMES and \
                        words[o - 1][0] not in TITLE_WORDS and \
                        words[o - 1][0] not in _SENTENCE_OPENERS:
                    o -= 1  # (up to a title: "Sen. Kelly Ayotte’s campaign")
                k = o
            return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
    return None
