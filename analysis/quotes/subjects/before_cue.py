"""The subject phrase before a cue ("Ortiz, a former minister, said"), with its
appositives, roles, relative clauses, times and repeated cues skipped."""

from __future__ import annotations

import re

from analysis.quotes.cues import (
    _ADVERB,
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _SPEAKER_NOUNS,
    CUE_RE,
    FINITE_AUXILIARIES,
    _cue_at,
    _noun_cue,
)
from analysis.quotes.subjects.after_cue import _NOT_INVERTED
from analysis.quotes.subjects.clause import _clause_subject
from analysis.quotes.subjects.phrases import (
    _DOCUMENT_PARTICIPLES,
    _MODIFIER_PREPS,
    _clause_start,
    _first_segment_name,
    _leading_person,
    _person_before_of,
    _person_before_place,
    _person_before_role,
    _phrase_ending_at,
)
from analysis.quotes.subjects.words import (
    _DAY_PARTS,
    _DAYS,
    _ISSUING,
    _LEAD_INS,
    _LOWER_WORD,
    _NAME_WORD,
    _PLAIN_WORD,
    _TIME_LEADS,
    _head_noun,
    _Subject,
)
from analysis.speakers import NOT_NAME, ORG_WORDS, UPPER, first_names

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
    coordinated clause ("Moe said that …, and stated that …"); not a noun after an article
    or an owner ("doubted Eastport's claims, but said …").

    >>> ws = [(w, 0, 0) for w in "Moe said it and stated , adding".split()]
    >>> [_finite_cue(ws, i) for i in (1, 4, 6, 0)]
    [True, True, False, False]
    >>> _finite_cue([(w, 0, 0) for w in "doubted the claims".split()], 2)
    False
    """
    w = words[i][0]
    return w[:1].islower() and not w.endswith("ing") and _cue_at(words, i) is not None \
        and not _noun_cue(words, i)


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


#: What one "had … to say" ("Moe had this to say:", "had plenty to say").
_TO_SAY_OBJECTS = {"this", "that", "much", "little", "plenty", "something", "nothing", "more",
                   "less", "lots"}

#: Words after a noun that continue its phrase, not the clause's verb.
_NOT_AFTER_SUBJECT = _MODIFIER_PREPS | {"who", "that", "which", "whose", "and", "or"}

#: Words after which a noun phrase opens ("…, the hostage released Friday said").
_OPENS_PHRASE = _MODIFIER_PREPS | {",", ";", ":", "“", "”", '"', "—", "–", "(", "and", "but",
                                   "that", "as", "when", "while", "after", "before", "if"}

#: How far back a repeated cue is looked for ("Moe said that …, and said that …").
_PRIOR_CUE_REACH = 60


def _subject_before(words, cue_first: int, follow: bool = True) -> _Subject | None:
    """The subject phrase ending right before the cue word at ``cue_first``. ``follow``:
    whether a coordinated repeated cue may hand over to the earlier cue's subject (one level
    only, so a chain "said … and later said … and said" costs bounded work, never recursion)."""
    j = cue_first - 1
    if j >= 0 and words[j][0] == "to":
        # an infinitive cue: "Moe had this to say:" reads the subject before "had"; "Moe
        # rose to say", "a panel from Eastport was set up to announce": no phrase ending in
        # "to" is a subject (the caller reads the clause's)
        if j >= 3 and words[j - 1][0] in _TO_SAY_OBJECTS and \
                words[j - 2][0] in ("had", "has", "have"):
            j -= 3
        else:
            return None
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
        if j >= 1 and words[j][0] in _DOCUMENT_PARTICIPLES and (
                words[j - 1][0].lower() in _DOCUMENT_NOUNS or (
                    j >= 2 and words[j - 1][0].isalpha() and words[j - 1][0].islower() and
                    words[j - 2][0].lower() in _DETERMINERS and (
                        j == 2 or words[j - 3][0] in _OPENS_PHRASE or
                        words[j - 3][0].lower() in _OPENS_PHRASE))):
            # (not "The letter the mayor sent Monday said": a relative clause, the mayor
            # its subject, after the letter)
            j -= 1  # "the order released Friday said": the document, not "released"
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
        rel = next((i for i in range(j - 1, max(j - 1 - _PRIOR_CUE_REACH, 1), -1)
                    if words[i][0] == "who" and words[i - 1][0] == ","), None)
        if rel is not None and rel >= 2:
            subj = _phrase_ending_at(words, rel - 2)
            if subj is not None:
                return subj  # "Police arrested Tom Reed, who denied the claims, but said
                # …": the relative clause's antecedent says it, not the sentence's subject
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
        # "Lake safety experts doubted the claims, but said that …"
        return _speaker_noun_opening(words, j)
    if j < 0:
        return None
    appositive = None
    app_words = None
    if words[j][0] == ",":  # "Ortiz, a former minister, said" / "Moe's spokesman, Tom Reed,"
        k = j - 1
        while k >= 0 and (words[k][0] not in (",", "“", "”", '"', ".", ":", ";") or (
                words[k][0] == "." and words[k + 1][0] == ",")):  # "Allentown, Pa., said"
            k -= 1
        if k >= 1 and words[k][0] == ",":
            app_words = words[k + 1:j]
            appositive = " ".join(x[0] for x in app_words)
            j = k - 1
            if j >= 2 and words[j][0].isdigit() and len(words[j][0]) <= 3 and \
                    words[j - 1][0] == ",":
                j -= 2  # "Moe, 45, a nurse from Dayton, said": an age before the appositive
            if j >= 2 and words[j][0].lower() in _ASIDE_ADVERBS and words[j - 1][0] == ",":
                j -= 2  # "Moe, meanwhile, who …, said": an aside before the appositive
            if j >= 2 and words[j][0] == ")":
                # "Rep. Ann Moe (D-Lake), chair of the committee, said": the party tag
                p = j - 1
                while p > 0 and j - p < 8 and words[p][0] != "(":
                    p -= 1
                if words[p][0] == "(":
                    j = p - 1
            # "Dean Moe, a baker from Eastport, South Lakeshire, says": a comma inside the
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
        if app_words and 2 <= len(app_words) <= 5 and _names_joined(app_words) and \
                _owner_role_at(words, j):
            # "Lake’s chief of staff, Tom Reed, told": an owner's role (no speaker noun of
            # its own), then the name in the appositive
            return _Subject(appositive, app_words[0][1], app_words[-1][2], None)
        if app_words and len(app_words) >= 2 and _names_joined(app_words):
            start = _clause_start(words, j)
            if j - start <= 8 and words[start][0].lower() in ("the", "a", "an", "another"):
                # "The officer who arrested him, Tom Reed, said that …", "The clerk I spoke
                # to, Tom Reed, said that …": a described person, then the name
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
    if app_words and common and (len(app_words) <= 4 and all(
            x[0][:1].isupper() for x in app_words) or _names_joined(app_words)) and not (
                len(app_words) == 1 and _PLACE_END.search(subj.text)):
        # (not "a farmer in Nakuru, Kenya, said": one word after a place is its region)
        # the name is in the appositive: "Moe's spokesman, Tom Reed, called",
        # "Its secretary-general, Ann Lee, said"
        return _Subject(appositive, app_words[0][1], app_words[-1][2], subj.text,
                        role=subj.text, origin=subj.start)
    return subj


#: Articles and owners that open a noun phrase: not inside one ("The two officials", "The
#: several residents" hold quantifiers).
_ARTICLES = _DETERMINERS - {"one", "another", "some", "several", "two", "three", "many"}


def _speaker_noun_opening(words, end: int) -> _Subject | None:
    """A phrase headed by a speaker noun that opens the sentence, a verb in lower case right
    after it, within its first six words and before ``end`` ("Lake safety experts doubted
    …", "The mayor was blunt"); not after a lead-in ("As voters …") nor before a phrase's
    preposition or relative ("A spokesman for …", "officials who …").

    >>> _speaker_noun_opening([(w, 0, 0) for w in "The mayor was blunt".split()], 4).text
    'The mayor'
    >>> _speaker_noun_opening([(w, 0, 0) for w in "A spokesman for Lake was".split()], 5)
    >>> _speaker_noun_opening([(w, 0, 0) for w in "Ann Moe read the report aloud".split()], 6)
    """
    e = next((i for i in range(min(end - 1, 6)) if words[i][0].lower() in _SPEAKER_NOUNS
              and _LOWER_WORD.fullmatch(words[i + 1][0]) and
              words[i + 1][0] not in _NOT_AFTER_SUBJECT), None)
    if e is None or words[0][0] in _LEAD_INS or words[0][0].lower() in _NOT_INVERTED or \
            not _PLAIN_WORD.match(words[0][0]) or words[0][0] in first_names() or not all(
                _LOWER_WORD.fullmatch(w) and w not in _ARTICLES and not CUE_RE.fullmatch(w)
                for w, _, _ in words[1:e]):
        return None  # (one noun phrase: a determiner or an adjective, numbers and
        # quantifiers, then words in lower case; not "Ann Moe read the report aloud:")
    verb = words[e + 1][0]
    if e + 2 < end and not (verb in FINITE_AUXILIARIES or _ADVERB.match(verb)) and (
            words[e + 2][0] in FINITE_AUXILIARIES or words[e + 2][0].endswith("ed")):
        return None  # the speaker noun modifies the next noun, the phrase's head: "The
        # police report was short:", "The witness list was long:", "The police statement
        # ended:", "The reason officials gave was simple:"
    if any(words[i][0] in ("who", "which") and words[i - 1][0] == ","
           for i in range(max(e + 2, end - _PRIOR_CUE_REACH), end)):
        return None  # "Police arrested Tom Reed, who denied the claims, but said …": the
        # relative clause's antecedent, not the sentence's subject, speaks (read by the
        # caller's who-antecedent reading); at most _PRIOR_CUE_REACH words back
    return _phrase_ending_at(words, e)


def _names_joined(app_words) -> bool:
    """Whether an appositive of at most five words is a name, or two joined by "and" ("Ann
    and Tom Reed", "Ann Moe and Tom Reed"): name words, "and" only between two of them.

    >>> [_names_joined([(w, 0, 0) for w in t.split()])
    ...  for t in ("Tom Reed", "Ann and Tom Reed", "and Tom Reed", "the Reeds",
    ...            "Eastport and Westport", "Tom Reed and Sons")]
    [True, True, False, False, False, False]
    """
    n = len(app_words)
    if not (1 <= n <= 5 and all(
            _NAME_WORD.fullmatch(w) or (w == "and" and 0 < i < n - 1 and
                                        _NAME_WORD.fullmatch(app_words[i + 1][0]) is not None)
            for i, (w, _, _) in enumerate(app_words))):
        return False
    a = next((i for i, (w, _, _) in enumerate(app_words) if w == "and"), None)
    if a is None:
        return True
    # two people: each part opens with a given name, the second has a surname, no
    # organisation's word ("Eastport and Westport", "Tom Reed and Sons", "Moe and Reed" are
    # places, a firm, a firm's name)
    names = first_names()
    return app_words[0][0] in names and app_words[a + 1][0] in names and n - a - 1 >= 2 and \
        not any(w in ORG_WORDS for w, _, _ in app_words)


_DASHES = {"-", "—", "–"}


#: Sentence adverbs set off by commas after a subject ("Moe, meanwhile, …").
_ASIDE_ADVERBS = {"meanwhile", "however", "though", "too", "also", "instead", "likewise",
                  "similarly", "nonetheless", "nevertheless", "moreover", "separately"}


#: A phrase ending in a place: "a farmer in Nakuru", "a voter from Eastport".
_PLACE_END = re.compile(rf"\b(?:in|from|near|outside)\s+{UPPER}[\w.’'-]*(?:\s+{UPPER}[\w.’'-]*)*$")


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
