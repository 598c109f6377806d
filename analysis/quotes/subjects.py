"""Subjects next to a cue: the subject phrase before a cue (with its appositives, roles,
relative clauses and times skipped), after an inverted cue ("said Ortiz, a former minister"),
and the subject that opens a clause. Their resolution to speakers is
:mod:`analysis.quotes.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.quotes.cues import (
    _ADVERB,
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _PRONOUNS,
    _SPEAKER_NOUNS,
    CUE_RE,
    FINITE_AUXILIARIES,
    _cue_at,
)
from analysis.speakers import (
    HONORIFIC_GENDER,
    LOWER,
    NOT_NAME,
    ORG_ACRONYMS,
    ORG_WORDS,
    SURNAME_WORDS,
    TITLE_WORDS,
    TITLES,
    UPPER,
    capitalised,
    first_names,
    name_after_place,
    surname_after_first,
)
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


_CLAUSE_BREAKS = {",", ";", ":", "when", "as", "because", "after", "while", "since", "where",
                  "that", "whom", "if", "though", "although", "—", "–", "(", ")", "“", "”", '"'}


def _acronym_in_brackets(words, close: int) -> bool:
    """"(UNHCR)" before ``close`` (a ")"): an organisation's acronym closing an appositive
    ("Ann Moe, the High Commissioner for Refugees (UNHCR), said"), not a party tag ("(D)",
    "(R-Ohio)")."""
    w = words[close - 1][0] if close >= 2 and words[close - 2][0] == "(" else ""
    return len(w) >= 3 and w.isupper() and w.isalpha()


def _finite_cue(words, i: int) -> bool:
    """Whether a cue verb not ending in -ing starts at ``i``: one that can be repeated in a
    coordinated clause ("Moe said that …, and stated that …").

    >>> ws = [(w, 0, 0) for w in "Moe said it and stated , adding".split()]
    >>> [_finite_cue(ws, i) for i in (1, 4, 6, 0)]
    [True, True, False, False]
    """
    w = words[i][0]
    return w[:1].islower() and not w.endswith("ing") and _cue_at(words, i) is not None
_DAYS = frozenset(w for w in DAY_AND_MONTH_NAMES if w.endswith("day"))  # Monday … Sunday
_DAY_PARTS = {"morning", "afternoon", "evening", "night"}
_TIME_LEADS = {"on", "late", "early", "later", "earlier", "last", "this", "next"}
_TIME_WORDS = {"yesterday", "today", "tonight", "tomorrow", "recently", "afterward",
               "afterwards"}


def _time_before(words, j: int) -> int:
    """The index before a time adjunct ending at ``j`` between a subject and its verb ("on
    Tuesday", "later Thursday", "Monday night", "this week"); ``j`` when there is none.

    >>> ws = [(w, 0, 0) for w in "Moe later Thursday told".split()]
    >>> _time_before(ws, 2), _time_before(ws, 0)
    (0, 0)
    """
    k = j
    if k >= 1 and words[k][0] in _DAY_PARTS and words[k - 1][0] in _DAYS:
        k -= 1
    if k >= 0 and words[k][0] in _DAYS:
        k -= 1
        if k >= 0 and words[k][0] in _TIME_LEADS:
            k -= 1
        return k
    if k >= 1 and words[k][0] in ("week", "month", "year", "weekend") and \
            words[k - 1][0] in ("this", "last", "next"):
        return k - 2
    return j


#: How far before "who" an appositive's opening comma is looked for.
_APPOSITIVE_REACH = 40


def _relative_who(words, j: int) -> int | None:
    """The end of a subject before a relative clause "who …" that ends at ``j`` with no
    comma ("an official who spoke on condition of anonymity said"): the index before "who".

    >>> ws = [(w, 0, 0) for w in "an official who spoke on condition of anonymity".split()]
    >>> _relative_who(ws, 7)
    1
    """
    for i in range(j - 1, max(j - 16, 0), -1):
        w = words[i][0]
        if w == "who":
            k = i - 1
            low = max(0, i - _APPOSITIVE_REACH)  # no clause break within reach: no appositive
            while k >= low and words[k][0] not in _CLAUSE_BREAKS:
                k -= 1
            if k == i - 1 or (k >= 1 and k >= low and words[k][0] in (",", "(", "—", "–") and
                              (words[k - 1][0][:1].isupper() or words[k - 1][0] == ")")):
                return None  # "Moe, the governor of Lakeshire who …, said": an appositive
            return i - 1
        if w in _CLAUSE_BREAKS or w in ("“", "”", '"', "said", "says"):
            return None
    return None


#: Modals right before "say" and the quote that make the speech hypothetical ("may say, “…”");
#: not "will say" (a prepared text announced) nor "may have said" (reported).
_HYPOTHETICAL_MODALS = {"may", "might", "could", "should", "must"}
#: Reflexives that stress a subject between it and its cue ("Moe himself said").
_REFLEXIVES = ("himself", "herself", "themselves", "itself")


def _modal_say(words, c: int) -> bool:
    """Whether the cue word at ``c`` is "say" after a hypothetical modal, a reflexive allowed
    between ("Moe might say", "Moe herself could say"); whether a quote follows is the
    caller's test.

    >>> [_modal_say([(w, 0, 0) for w in t.split()], len(t.split()) - 1)
    ...  for t in ("Moe might say", "Moe herself could say", "Moe will say", "Moe may tell")]
    [True, True, False, False]
    """
    j = c - 1
    if j >= 1 and words[j][0] in _REFLEXIVES:
        j -= 1
    return j >= 0 and words[j][0] in _HYPOTHETICAL_MODALS and words[c][0] == "say"


#: How far back a repeated cue is looked for ("Moe said that …, and said that …").
_PRIOR_CUE_REACH = 60


def _subject_before(words, cue_first: int, follow: bool = True) -> _Subject | None:
    """The subject phrase ending right before the cue word at ``cue_first``. ``follow``:
    whether a coordinated repeated cue may hand over to the earlier cue's subject (one level
    only, so a chain "said … and later said … and said" costs bounded work, never recursion)."""
    j = cue_first - 1
    if j >= 1 and words[j][0] in _REFLEXIVES:
        j -= 1  # "Moe himself said": the reflexive stresses the subject
    if _modal_say(words, cue_first) and (
            cue_first + 1 == len(words) or words[cue_first + 1][0] in (",", ":", "“", "\"")):
        # "Critics may say, “…”": speech that may never be made has no speaker (not "she
        # could say only this: “…”", nor "might tell the council", whose subject is named)
        return None
    while j >= 0 and _ADVERB.match(words[j][0]) and words[j][0][:1].islower() and not (
            j > 0 and words[j - 1][0].lower() in _DETERMINERS):  # "the daily wrote": a noun
        j -= 1
    t = _time_before(words, j)
    if t != j and t >= 0:  # "Moe on Tuesday called …" / "Moe later Thursday told …"
        j = t
        while j >= 0 and _ADVERB.match(words[j][0]) and words[j][0][:1].islower():
            j -= 1
    r = _relative_who(words, j)
    if r is not None:  # "a town official who spoke on condition of anonymity said"
        j = r
    if j >= 1 and words[j][0] in ("that", "which", "who"):  # "a communiqué that called"
        j -= 1
        if j >= 1 and words[j][0] == "," and words[j + 1][0] == "who":
            j -= 1  # "Amos Kibet, who said he was “glad”": the name before the relative clause
    if j >= 3 and words[j][0] == "," and words[j - 1][0] == ")" and \
            not _acronym_in_brackets(words, j - 1):  # "Ann Moe (R-Ohio), said"
        j -= 1
    if j >= 2 and words[j][0] == ")":  # "Gov. Ann Moe (R) said": a party or state tag
        k = j - 1
        while k > 0 and j - k < 8 and words[k][0] != "(":
            k -= 1
        if words[k][0] == "(":
            j = k - 1
    if j >= 1 and words[j][0] in ("and", "but"):
        # "Moe took the stage in Reno and said": the subject that opens the clause (after
        # a lead-in: "…, such as when Moe knocked Ortiz and called him …"); "Moe said that
        # …, and said that …": the subject of the same kind of cue before
        if follow and _finite_cue(words, cue_first):
            prior = next((p for p in range(j - 1, max(j - 1 - _PRIOR_CUE_REACH, -1), -1)
                          if _finite_cue(words, p)), None)
            if prior is not None and prior >= 1 and \
                    words[prior - 1][0] not in ("and", "but", "that", ",", "who", "which"):
                subj = _subject_before(words, prior, follow=False)
                if subj is not None:
                    return subj
        # the last clause break within reach (none: the sentence's start is the only one
        # tried), so each "and said" reads a bounded stretch, not the whole sentence
        c = next((i + 1 for i in range(j - 1, max(j - 1 - _PRIOR_CUE_REACH, -1), -1)
                  if words[i][0] in _CLAUSE_BREAKS), 0)
        for start in (c, 0) if c else (0,):
            w0 = words[start][0] if start < j else ""
            if w0.lower() in ("he", "she", "they") or (w0[:1].isupper() and
                                                       w0 not in NOT_NAME) or (
                    w0 == "The" and start + 1 < j and words[start + 1][0][:1].isupper()):
                # ("The Harbour Fund's board approved it and urged …")
                return _clause_subject(words[start:j])
        return None
    if j < 0:
        return None
    appositive = None
    app_words = None
    if words[j][0] == ",":  # "Ortiz, a former minister, said" / "X's spokesman, Joel Ssenyonyi,"
        k = j - 1
        while k >= 0 and (words[k][0] not in (",", "“", "”", '"', ".", ":", ";") or (
                words[k][0] == "." and words[k + 1][0] == ",")):  # "Allentown, Pa., said"
            k -= 1
        if k >= 1 and words[k][0] == ",":
            app_words = words[k + 1:j]
            appositive = " ".join(x[0] for x in app_words)
            j = k - 1
            if j >= 2 and words[j][0].lower() in _ASIDE_ADVERBS and words[j - 1][0] == ",":
                j -= 2  # "Moe, meanwhile, who …, said": an aside before the appositive
            if j >= 2 and words[j][0] == ")":
                # "Rep. Ann Moe (D-Lake), chair of the committee, said": the party tag
                p = j - 1
                while p > 0 and j - p < 8 and words[p][0] != "(":
                    p -= 1
                if words[p][0] == "(":
                    j = p - 1
            # "Dean Moe, a salesman from Sumter, South Carolina, says": a comma inside the
            # appositive; the name is the clause's first segment
            first = _first_segment_name(words, k) or _leading_person(words, k)
            if first is not None:
                return first
        else:
            return None
    elif words[j][0] in _DASHES and j >= 3:
        # "A former candidate -- Dan Moe, who lost in 2008 -- said": the name that opens the
        # dashed appositive, else the phrase before it
        e = j
        while e >= 0 and words[e][0] in _DASHES:
            e -= 1
        k = e
        while k >= 0 and words[k][0] not in _DASHES | {"“", "”", '"', ".", ":", ";"}:
            k -= 1
        if k < 1 or words[k][0] not in _DASHES:
            return None
        seg = words[k + 1:e + 1]
        n = 0
        while n < len(seg) and seg[n][0][:1].isupper() and seg[n][0] not in NOT_NAME:
            n += 1
        if n >= 2 and (n == len(seg) or seg[n][0] == ","):
            return _Subject(" ".join(x[0] for x in seg[:n]), seg[0][1], seg[n - 1][2],
                            " ".join(x[0] for x in seg[n + 1:]) or None)
        while k >= 0 and words[k][0] in _DASHES:
            k -= 1
        j = k
        if j < 0:
            return None
    subj = _phrase_ending_at(words, j)
    if subj is None:
        if app_words and 2 <= len(app_words) <= 4 and \
                all(_NAME_WORD.fullmatch(x[0]) for x in app_words) and _owner_role_at(words, j):
            # "Lake’s chief of staff, Tom Reed, told": an owner's role (no speaker noun of
            # its own), then the name in the appositive
            return _Subject(appositive, app_words[0][1], app_words[-1][2], None)
        return None
    person = _person_before_place(words, subj, j)
    if person is not None:
        return person
    k = next((i for i in range(j, -1, -1) if words[i][1] == subj.start), -1)
    if k >= 2 and words[k][0].lower() in ("a", "an", "the") and \
            words[k - 1][0] in _ISSUING and _head_noun(subj.text.split()) in _DOCUMENT_NOUNS:
        # "Moe issued a statement saying …": the one who issued it speaks
        clause = _clause_subject(words[:k - 1])
        if clause is not None:
            return clause
    if appositive is None:
        lead = _person_before_role(words, k, j, subj) or _person_before_of(words, k, subj)
        if lead is not None:
            return lead
    subj.appositive = appositive
    common = (subj.text[:1].islower() or subj.text.split()[0].lower() in _DETERMINERS
              or "’s " in subj.text.replace("'s ", "’s "))
    if app_words and common and len(app_words) <= 4 and \
            all(x[0][:1].isupper() for x in app_words) and not (
                len(app_words) == 1 and _PLACE_END.search(subj.text)):
        # (not "a farmer in Nakuru, Kenya, said": one word after a place is its region)
        # the name is in the appositive: "Kyagulanyi's spokesman, Joel Ssenyonyi, called",
        # "Its secretary-general, Akelo Misori, said"
        return _Subject(appositive, app_words[0][1], app_words[-1][2], subj.text,
                        role=subj.text, origin=subj.start)
    return subj


_DASHES = {"-", "—", "–"}
#: Sentence adverbs set off by commas after a subject ("Moe, meanwhile, …").
_ASIDE_ADVERBS = {"meanwhile", "however", "though", "too", "also", "instead", "likewise",
                  "similarly", "nonetheless", "nevertheless", "moreover", "separately"}

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
    while p >= 0 and _LOWER_WORD.fullmatch(words[p][0]) and k - p <= 8:
        p -= 1
    if p < 2 or words[p][0] != "," or not (
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


#: A phrase ending in a place: "a farmer in Nakuru", "a voter from Eastport".
_PLACE_END = re.compile(rf"\b(?:in|from|near|outside)\s+{UPPER}[\w.’'-]*(?:\s+{UPPER}[\w.’'-]*)*$")


_ISSUING = {"issued", "released", "sent", "posted", "published", "put", "circulated",
            "distributed", "tweeted", "filed"}


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


_SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "As", "By", "But", "And", "When",
                     "While", "After", "Before", "Speaking", "According", "However",
                     "Meanwhile", "Later", "Instead", "Earlier", "Still", "Yet", "So"}


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
#: Words that end the words before a noun phrase: the phrase opens after them.
_PHRASE_BREAKS = {",", ";", ":", ".", "“", "”", '"', "(", "—", "–"}


def _head_with_modifiers(words, k: int) -> int:
    """Where the subject starts when the phrase at ``words[k]`` is the object of a
    preposition that modifies a speaker's or a document's noun before it ("Leaders of [the
    union] said", "Officials in [Eastport] said", "Ann Moe’s email to [her supporters]
    notes", "A letter from the council obtained by [the Courier] warns"): the start of that
    noun's phrase (its determiner, its owner, or the clause's start); ``k`` when there is
    none. At most three modifiers are walked, each over at most five words (bounded).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Leaders of the union".split())]
    >>> _head_with_modifiers(ws, 2), _head_with_modifiers(ws[2:], 0)
    (0, 0)
    >>> ws = [(w, i, i + 1) for i, w in enumerate("Moe met leaders of the union".split())]
    >>> _head_with_modifiers(ws, 4)
    4
    """
    for _ in range(3):
        p = k - 1
        if p >= 1 and words[p][0] == "the":  # ("obtained by the Courier": a name's article)
            p -= 1
        if p < 1 or words[p][0] not in _MODIFIER_PREPS:
            break
        end = p - 1
        if words[p][0] == "by" and end >= 1 and words[end][0] in _DOCUMENT_PARTICIPLES:
            end -= 1
        head = words[end][0].lower()
        if head not in _SPEAKER_NOUNS and head not in _DOCUMENT_NOUNS:
            break
        q = end
        while q - 1 >= 0 and end - q < 4 and _PLAIN_WORD.match(words[q - 1][0]) and \
                words[q - 1][0][:1].islower() and words[q - 1][0] not in _DETERMINERS and \
                words[q - 1][0] not in _NOT_IN_NOUN_PHRASE and \
                not CUE_RE.fullmatch(words[q - 1][0]):
            q -= 1  # adjectives before the noun ("fundraising email")
        if q - 1 >= 0 and words[q - 1][0].lower() in _DETERMINERS:
            q -= 1
        elif q - 1 >= 0 and words[q - 1][0].endswith(("’s", "'s", "s’")):
            q -= 1  # an owner: "Ann Moe’s email"
            while q - 1 >= 0 and end - q < 8 and capitalised(words[q - 1][0]):
                q -= 1
        elif q != end or not (q == 0 or words[q - 1][0] in _PHRASE_BREAKS):
            break  # (no determiner: only a bare noun that opens its clause, "Officials in …")
        k = q
    return k


_NOT_IN_NOUN_PHRASE = FINITE_AUXILIARIES | {"been", "be", "not", "if", "whom", "who", "that",
                                            "which", "when", "while"}


def _phrase_ending_at(words, j: int) -> _Subject | None:
    """A pronoun, a name or a common-noun phrase whose last word is ``words[j]``."""
    w, ws, we = words[j]
    low = w.lower()
    if low in _PRONOUNS and low not in ("him", "her"):
        return _Subject(w, ws, we)
    if w[:1].isupper() and low in _SPEAKER_NOUNS and (j == 0 or not words[j - 1][0][:1].isupper()):
        return _Subject(low, ws, we)  # "Observers described …" at a sentence start
    if (capitalised(w) and w not in NOT_NAME) or w in ORG_ACRONYMS or (
            j >= 1 and surname_after_first([words[j - 1][0], w])) or (  # "Al From said"
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
            # "Mr. Morgan of the Sierra Club said": the person, not the organisation
            q = p - 1
            while q - 1 >= 0 and words[q - 1][0][:1].isupper() and \
                    words[q - 1][0] not in _SENTENCE_OPENERS:
                q -= 1
            return _Subject(" ".join(x[0] for x in words[q:p]), words[q][1], words[p - 1][2])
        if k == j and k > 0 and words[k - 1][0].lower() == "the" and w in _DEMONYMS:
            return _Subject(f"the {w}", words[k - 1][1], we)  # "the Kenyan told reporters"
        k = _head_with_modifiers(words, _speaker_before_preposition(words, k))
        return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
    if low.isalpha() or "-" in low or "’" in low or "'" in low:
        # a common-noun phrase: back to a determiner within six words
        k = j
        while k >= 0 and j - k < 6:
            if words[k][0].lower() in _NOT_IN_NOUN_PHRASE:
                break  # "the journalist had not been called": a verb, not a subject
            if words[k][0].lower() in _DETERMINERS:
                k = _head_with_modifiers(words, _speaker_before_preposition(words, k))
                return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
            if not _PLAIN_WORD.match(words[k][0]) or CUE_RE.fullmatch(words[k][0]):
                break
            k -= 1
        if low in _SPEAKER_NOUNS:
            k = j
            while k - 1 >= 0 and j - k < 2 and _PLAIN_WORD.match(words[k - 1][0]) and \
                    words[k - 1][0].lower() not in _DETERMINERS and \
                    not CUE_RE.fullmatch(words[k - 1][0]) and \
                    words[k - 1][0] not in _SENTENCE_OPENERS and \
                    (words[k - 1][0][:1].islower()
                     or words[k - 1][0].endswith(("'", "’", "’s", "'s"))):
                k -= 1
            return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
    return None


#: Words that open a clause after a cue, not an inverted subject ("said when …").
_NOT_INVERTED = {"when", "while", "as", "if", "because", "since", "though", "although", "once",
                 "until", "where", "whether", "how", "why", "what", "so", "but", "and", "or"}
#: Auxiliaries and modals: a phrase after a cue holding one is a reported clause ("said the
#: town would grow"), not the speaker.
_FINITE = FINITE_AUXILIARIES


#: Words read after an inverted cue for its subject when a long role in lower case runs on
#: into a name ("said former Lakeshire Gov. and Lake National Committee Chairman Ed Ross").
_INVERTED_REACH = 10


def _subject_after(words, cue_last: int) -> _Subject | None:
    """The subject phrase right after an inverted cue: ``said Ortiz, a former minister``."""
    k = cue_last + 1
    if k + 1 < len(words) and words[k][0] == "by" and words[cue_last][0].endswith(("ed", "d")):
        # "was asked by reporters: “…”", "was told by Ann Moe: “…”": the agent of the passive
        # speaks the quote; "by" is no part of its name
        k += 1
    if k >= len(words):
        return None
    w = words[k][0]
    stop = {",", ".", ";", ":", "“", "”", '"', "?", "!", "—", "–", "(", ")"}
    end = k
    while end < len(words) and words[end][0] not in stop and end - k < 8:
        end += 1
    if end - k == 8 and words[k][0][:1].islower() and words[end - 1][0][:1].isupper():
        # "said former Lakeshire Gov. and party chairman Ed Ross": a long role in lower
        # case runs on into the name (a capitalised run, at most two words more)
        while end < len(words) and end - k < _INVERTED_REACH and \
                _NAME_WORD.fullmatch(words[end][0]):
            end += 1
    if end == k:
        return None
    phrase_words = words[k:end]
    low = w.lower()
    if low in ("on", "in", "at", "during", "after", "before", "to", "that", "of") or \
            low in _NOT_INVERTED or w in _DAYS or low in _TIME_LEADS | _TIME_WORDS:
        # "said when Ruto asked him": a clause, not a subject; "said Wednesday, “…”" or
        # "said last week": a time
        return None
    appositive = None
    app_words: list = []
    if end < len(words) and words[end][0] == ",":
        a_end = end + 1
        while a_end < len(words) and words[a_end][0] not in stop:
            a_end += 1
        if a_end > end + 1:
            app_words = words[end + 1:a_end]
            appositive = " ".join(x[0] for x in app_words)
    if low in _PRONOUNS:
        return _Subject(w, words[k][1], words[k][2], appositive)
    # cut a trailing time/place phrase after a name: "said Ruto on Monday" (a common-noun
    # phrase keeps it: "said one woman in Rhamu")
    cut = len(phrase_words)
    named = w[:1].isupper() and low not in _DETERMINERS
    for idx, (pw, _, _) in enumerate(phrase_words):
        if pw == "to" and not named and _to_person(phrase_words, idx):
            continue  # "said a longtime adviser to Ann Moe": whose adviser stays
        if idx > 0 and pw in ("on", "during", "after", "before", "while", "when", "to", "as",
                              "who", "which", "that", "adding", "referring", "noting", "if",
                              "whether", "because", "although", "though", "since",
                              "until") or (
                named and idx > 0 and pw in ("in", "at", "from")) or (
                named and idx > 1 and pw == "of" and idx + 1 < len(phrase_words) and
                phrase_words[idx + 1][0] == "the" and phrase_words[idx - 1][0] not in TITLE_WORDS
                and phrase_words[idx - 1][0] not in ORG_WORDS):
            cut = idx  # "said Del. Stacey Plaskett of the Virgin Islands"
            break
    phrase_words = phrase_words[:cut]
    if not phrase_words or (len(phrase_words) == 1 and _ADVERB.match(phrase_words[0][0])):
        return None  # "adding later, “…”": an adverb, not a subject
    if any(x[0] in _FINITE for x in phrase_words[1:]):
        return None  # "said the town would grow": a reported clause, not a subject
    text = " ".join(x[0] for x in phrase_words)
    role_led = text[:1].islower() or phrase_words[0][0].lower() in _DETERMINERS or \
        _owner_role(phrase_words)
    if role_led and app_words and \
            len(app_words) <= 4 and all(x[0][:1].isupper() for x in app_words) and \
            not (len(app_words) == 1 and _ends_in_place(phrase_words)):
        # (not "said voter Ann Moe of Derry, N.H.,": one word after a place is its region)
        # "said one elderly farmer, Hussein Ali" / "said Lake’s deputy manager, Tom Reed":
        # the name is in the appositive
        return _Subject(appositive, app_words[0][1], app_words[-1][2], text)
    if role_led and app_words:
        named = _role_then_name(app_words)
        if named is not None:
            # "said the mayor’s introducer, actress Ann Lee Ford": a role in lower case, then
            # the name, in the appositive
            return _Subject(" ".join(x[0] for x in app_words[named:]), app_words[named][1],
                            app_words[-1][2], None, " ".join(x[0] for x in app_words[:named]))
    if (text[:1].islower() or phrase_words[0][0].endswith(("’s", "'s"))) and \
            phrase_words[-1][0][:1].isupper():
        # "said police chief Japhet Koome" / "asked Sonko's supporter Jane Akinyi": a role
        # in lower case (or a possessive), then the name
        k = len(phrase_words) - 1
        while k > 0 and (phrase_words[k - 1][0][:1].isupper() or
                         phrase_words[k - 1][0] in ("of", "de", "van", "bin", "al", "wa")):
            k -= 1
        if phrase_words[k][0][:1].isupper() and k > 0 and \
                phrase_words[k - 1][0] not in _PREPOSITIONS + ("to", "on", "by") and \
                not any(x[0] == "to" for x in phrase_words[:k]):  # ("an aide to both Moes")
            role = " ".join(x[0] for x in phrase_words[:k])
            if phrase_words[0][0].lower() in _DETERMINERS:
                role = " ".join(x[0] for x in phrase_words[1:k])
            name = " ".join(x[0] for x in phrase_words[k:])
            return _Subject(name, phrase_words[k][1], phrase_words[-1][2], appositive, role)
    return _Subject(text, phrase_words[0][1], phrase_words[-1][2], appositive)


def _owner_role(phrase_words) -> bool:
    """Whether a phrase is an owner and a role in lower case ("Lake’s deputy campaign
    manager", "the mayor’s introducer" has its determiner): a description, not a name.

    >>> _owner_role([(w, 0, 0) for w in "Lake’s deputy manager".split()])
    True
    >>> _owner_role([(w, 0, 0) for w in "Lake’s Tom Reed".split()])
    False
    """
    return len(phrase_words) >= 2 and phrase_words[0][0].endswith(("’s", "'s")) and \
        all(_LOWER_WORD.fullmatch(w) for w, _, _ in phrase_words[1:])


def _owner_role_at(words, j: int) -> bool:
    """Whether ``words[j]`` ends an owner's role: one to five lower-case words after a word
    ending in ’s ("Lake’s chief of staff", "Dan Moe’s top aide").

    >>> _owner_role_at([(w, 0, 0) for w in "Lake’s chief of staff".split()], 3)
    True
    >>> _owner_role_at([(w, 0, 0) for w in "the chief of staff".split()], 3)
    False
    """
    k = j
    while k >= 0 and j - k < 5 and _LOWER_WORD.fullmatch(words[k][0]):
        k -= 1
    return k < j and k >= 0 and words[k][0].endswith(("’s", "'s"))


def _role_then_name(app_words) -> int | None:
    """The index of the name in an appositive made of one to three lower-case role words and
    a name of two to four capitalised words ("actress Ann Lee Ford"), else None.

    >>> _role_then_name([(w, 0, 0) for w in "actress Ann Lee Ford".split()])
    1
    >>> _role_then_name([(w, 0, 0) for w in "who ran Lake Farms".split()]) is None
    True
    """
    k = 0
    while k < len(app_words) and k < 3 and _LOWER_WORD.fullmatch(app_words[k][0]) and \
            app_words[k][0] not in _NOT_ROLE_WORDS:
        k += 1
    rest = app_words[k:]
    if k == 0 or not 2 <= len(rest) <= 4 or not all(_NAME_WORD.fullmatch(w) for w, _, _ in rest):
        return None
    return k


#: Lower-case words that open a clause or a phrase of place, not a role before a name.
_NOT_ROLE_WORDS = FINITE_AUXILIARIES | {
    "who", "whom", "whose", "which", "that", "of", "in", "at", "from", "for", "to", "with",
    "on", "by", "and", "or", "but", "as", "said", "says", "told", "wrote", "added", "near"}


#: Role nouns that name a person by another one: "an adviser to Ann Moe", "a person close
#: to the Moes".
_TO_ROLES = {"adviser", "advisor", "advisers", "advisors", "aide", "aides", "close", "ally",
             "allies", "confidant", "confidante", "spokesman", "spokeswoman", "spokesperson",
             "counsel", "assistant", "consultant", "friend", "friends", "strategist"}


def _to_person(phrase_words, idx: int) -> bool:
    """Whether the "to" at ``idx`` joins a role noun to the person it serves: a role noun of
    :data:`_TO_ROLES` before it and a capitalised word after it (past "the", "both").

    >>> ws = [(w, 0, 0) for w in "a longtime adviser to both Moes".split()]
    >>> _to_person(ws, 3), _to_person([(w, 0, 0) for w in "a visit to Eastport".split()], 2)
    (True, False)
    """
    if idx == 0 or phrase_words[idx - 1][0] not in _TO_ROLES:
        return False
    k = idx + 1
    if k < len(phrase_words) and phrase_words[k][0] in ("the", "both"):
        k += 1
    return k < len(phrase_words) and phrase_words[k][0][:1].isupper()


def _ends_in_place(phrase_words) -> bool:
    """Whether a phrase ends in "of/from/in/near" and a capitalised run ("… of Derry").

    >>> _ends_in_place([(w, 0, 0) for w in "voter Ann Moe of Derry".split()])
    True
    """
    k = len(phrase_words) - 1
    while k > 0 and phrase_words[k][0][:1].isupper():
        k -= 1
    return k < len(phrase_words) - 1 and phrase_words[k][0] in ("of", "from", "in", "near")


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


def _clause_subject(words) -> _Subject | None:
    """The subject that opens a clause: the first pronoun or capitalised run, after a
    leading adverbial ("In a Fox interview, Moe went further:"), and past a modifier or a
    role before the name ("Republican candidate Dan Moe", "The Lake Times columnist Ann
    Ruto").

    >>> _clause_subject([("In", 0, 2), ("a", 3, 4), ("Fox", 5, 8), ("interview", 9, 18),
    ...                  (",", 18, 19), ("Moe", 20, 23), ("went", 24, 28)]).text
    'Moe'
    """
    fc = next((k for k in range(min(len(words), 20 if words and words[0][0] in _LEAD_INS
                                    else 12)) if words[k][0] == ","), None)
    lead = 0
    if fc is not None and fc + 1 < len(words) and (words[0][0] in _LEAD_INS or (
            words[0][0].endswith(("ly", "ing", "ed")) and
            words[0][0].lower() not in first_names_lower())):
        # "Hastily, …" / "Greeting supporters at the office, Amina Noor said" / "Reached by
        # phone, …" / "If he wins, …" / "Amid the protests, …": a lead-in
        lead = fc + 1
        if words[fc - 1][0][:1].isupper():
            # "Last month in Aspen, Colo., the banker …": the lead-in's place has a state
            k = lead
            while k < len(words) and (_is_cap(words[k][0]) or words[k][0] == "."):
                k += 1
            if lead < k < len(words) - 1 and words[k][0] == ",":
                lead = k + 1
    d = next((k for k in range(min(len(words), 8)) if words[k][0] in ("—", "–", "-")), None)
    if lead == 0 and d is not None and d + 1 < len(words) and all(
            w[:1].isupper() or w in ("(", ")", ",", ".") for w, _, _ in words[:d]):
        lead = d + 1  # a dateline: "EASTPORT, Lakeshire (AP) — Ann Moe …"
    skip_to = -1
    run_end = -1  # where the run of capitalised words last scanned ends (read once per run)
    for i in range(lead, len(words)):
        w, s, e = words[i]
        if i <= skip_to:
            continue
        if w.lower() in ("he", "she", "they"):
            return _Subject(w, s, e)
        if i == lead and i + 1 < len(words) and w.endswith("ly") and \
                _LOWER_WORD.fullmatch(words[i + 1][0]) and ly_adverb(w.lower()):
            continue  # "Hastily closing the file, Moe said": an adverb, not a name
        if w[:1].isupper() and w not in NOT_NAME and not (i == 0 and w in _LEAD_INS) and \
                not w.startswith(("I’", "I'")):  # "I'm old enough to remember Moe …"
            if i <= run_end:
                j = run_end  # inside the run scanned from an earlier word: it ends there too
            else:
                j = i
                while j + 1 < len(words) and _is_cap(words[j + 1][0]) and \
                        words[j + 1][0] != "of":
                    j += 1
                run_end = j
            while j + 2 < len(words) and words[j + 1][0] == "of" and \
                    words[j + 2][0][:1].isupper() and all(
                        x[0] in TITLE_WORDS or x[0] in ("Former", "Then") for x in words[i:j + 1]):
                # "Former Secretary of State Ann Moe": the title runs on to the name
                j += 2
                while j + 1 < len(words) and _is_cap(words[j + 1][0]) and \
                        words[j + 1][0] != "of":
                    j += 1
            if i > lead and words[i - 1][0].lower() in ("his", "her", "their", "its", "our",
                                                        "my", "your") and \
                    j + 1 < len(words) and _LOWER_WORD.fullmatch(words[j + 1][0]):
                skip_to = j  # "on his Facebook page": a modifier, not a name
                continue
            if words[j][0].endswith(("’s", "'s")) or (
                    j + 1 < len(words) and words[j + 1][0] in ("’s", "'s", "’", "'")):
                # "Lakeland's water minister, Ann Moe, rejected it": an owner, not the
                # subject; the name in the appositive after its role is
                k = j + 1
                while k < len(words) and k - j <= 5 and _LOWER_OR_S_WORD.fullmatch(
                                                                      words[k][0]):
                    k += 1
                if k + 1 < len(words) and words[k][0] == "," and _is_cap(words[k + 1][0]) and \
                        words[k + 1][0] not in NOT_NAME:
                    m = k + 1
                    while m + 1 < len(words) and _is_cap(words[m + 1][0]):
                        m += 1
                    if m + 1 < len(words) and words[m + 1][0] == ",":
                        return _Subject(" ".join(x[0] for x in words[k + 1:m + 1]),
                                        words[k + 1][1], words[m][2])
                owner = words[j][0].removesuffix("’s").removesuffix("'s")
                if k > j + 1 and any(x in ORG_WORDS for x in [w for w, _, _ in words[i:j]] +
                                     [owner]):
                    # "The Harbour Fund's executive board urged …": the organisation
                    return _Subject(" ".join([x[0] for x in words[i:j]] + [owner]),
                                    words[i][1], words[j][1] + len(owner))
                skip_to = j
                continue
            if _COMPOUND_MODIFIER.fullmatch(w):
                skip_to = i  # "the Kremlin-backed preacher Tom Reed": an adjective
                continue
            if i > lead and words[i - 1][0] in _PLACE_PREPOSITIONS:
                # "at a town hall in Eastport, Lakeshire, Dan Moe went …": a place after a
                # preposition (with its state after a comma) is not the clause's subject
                skip_to = j
                if j + 3 < len(words) and words[j + 1][0] == "," and \
                        words[j + 2][0][:1].isupper() and words[j + 2][0] not in NOT_NAME:
                    k = j + 2
                    while k + 1 < len(words) and _is_cap(words[k + 1][0]):
                        k += 1
                    if k + 1 < len(words) and words[k + 1][0] == ",":
                        skip_to = k
                continue
            # "Republican presidential candidate Dan Moe": a role, then the name
            k = j + 1
            while k < len(words) and k - j <= 3 and _LOWER_WORD.fullmatch(words[k][0]) \
                    and words[k][0] not in _NOT_IN_NOUN_PHRASE and not CUE_RE.fullmatch(
                        words[k][0]):
                k += 1
            if j + 1 < k < len(words) and k - j <= 3 and words[k][0][:1].isupper() and \
                    (words[k - 1][0] in _SPEAKER_NOUNS or words[k - 1][0] in _ROLE_NOUNS) and \
                    words[k][0] not in NOT_NAME and (words[k][0] in first_names() or (
                        k + 1 < len(words) and capitalised(words[k + 1][0])) or (
                        k + 1 < len(words) and _SURNAME.fullmatch(words[k][0]) and
                        (words[k + 1][0] == "," or _LOWER_WORD.fullmatch(words[k + 1][0])))):
                # (a one-word name before a verb or a comma: "Band member Zed shared …")
                i, j = k, k
                while j + 1 < len(words) and _is_cap(words[j + 1][0]) and \
                        words[j + 1][0] != "of":
                    j += 1
                s = words[i][1]
            return _Subject(" ".join(x[0] for x in words[i:j + 1]), s, words[j][2])
    return None


#: A capitalised compound adjective: a name, a hyphen and a participle ("Kremlin-backed",
#: "Texas-based", "Qaeda-linked", "Saudi-led", "London-born"): a modifier, never a subject.
_COMPOUND_MODIFIER = re.compile(
    rf"{UPPER}[\w’'.]*-(?:linked|based|backed|led|born|owned|funded|allied|aligned|affiliated|"
    r"inspired|leaning|controlled|run|bred|raised|educated|trained|sponsored|supported|"
    r"friendly|style|era|area|made|focused|centric|oriented)")


#: Prepositions whose capitalised object is a place or a thing, not a clause's subject.
#: ("by" names the agent of a passive and "for" a represented party: not listed)
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "from", "to", "into", "across",
                       "through", "toward", "towards", "around", "on", "with", "of", "about",
                       "against", "over", "under", "behind", "between", "among", "like",
                       "including", "after", "before", "during"}


#: Role nouns of news writing beyond the speaker nouns ("The Courier columnist Ann Ruto").
_ROLE_NOUNS = {"columnist", "commentator", "host", "anchor", "pollster", "strategist",
               "consultant", "nominee", "hopeful", "contender", "operative", "donor",
               "activist", "writer", "author", "blogger", "correspondent", "historian",
               # religious and public figures ("the radical cleric Tom Reed")
               "cleric", "preacher", "imam", "rabbi", "priest", "bishop", "militant",
               "dissident", "actor", "actress", "comedian", "singer", "rapper", "star",
               "businessman", "businesswoman", "billionaire", "tycoon", "entrepreneur"}


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
             "Ever", "Soon", "Shortly", "Just", "Only", "Not"}
