"""The subject that opens a clause: the first pronoun or name after a lead-in, past
modifiers, owners, places and roles ("In a radio interview, Republican candidate Dan Moe
went further")."""

from __future__ import annotations

import re

from analysis.quotes.cues import _DETERMINERS, _SPEAKER_NOUNS, CUE_RE
from analysis.quotes.subjects.words import (
    _LEAD_INS,
    _LOWER_OR_S_WORD,
    _LOWER_WORD,
    _NOT_IN_NOUN_PHRASE,
    _SURNAME,
    _is_cap,
    _Subject,
    first_names_lower,
    ly_adverb,
)
from analysis.speakers import NOT_NAME, ORG_WORDS, TITLE_WORDS, UPPER, capitalised, first_names


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
                not w.startswith(("I’", "I'")):  # "I'm told Moe …": no name
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
            if j > i and not words[j][0].endswith(("’s", "'s")) and any(
                    words[o][0].endswith(("’s", "'s")) for o in (j - 1, j - 2) if o >= i):
                # "Lake’s Eastport field director, Tom Reed, wrote": an owner and a proper
                # modifier before a role in lower case; the name in the appositive speaks
                k = j + 1
                while k < len(words) and k - j <= 5 and _LOWER_WORD.fullmatch(words[k][0]) \
                        and words[k][0] not in _DETERMINERS and \
                        words[k][0] not in _NOT_IN_NOUN_PHRASE and \
                        not words[k][0].endswith("ed") and not CUE_RE.fullmatch(words[k][0]):
                    k += 1  # (a role's words: no verb, no determiner – "Lake’s Eastport
                    # office fired its director, Tom Reed," is no role)
                named = _appositive_name(words, k) if k > j + 1 else None
                if named is not None:
                    return named
            if words[j][0].endswith(("’s", "'s")) or (
                    j + 1 < len(words) and words[j + 1][0] in ("’s", "'s", "’", "'")):
                # "Lakeland's water minister, Ann Moe, rejected it": an owner, not the
                # subject; the name in the appositive after its role is
                k = j + 1
                while k < len(words) and k - j <= 5 and _LOWER_OR_S_WORD.fullmatch(
                                                                      words[k][0]):
                    k += 1
                named = _appositive_name(words, k)
                if named is not None:
                    return named
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
            if j + 2 < len(words) and words[j + 1][0] == "and" and \
                    words[j + 2][0] not in NOT_NAME and _SURNAME.fullmatch(words[j + 2][0]):
                # "Ann Moe and Tom Reed issued a statement …": both, as a subject before a
                # cue reads them (the second name at most five words)
                m = j + 2
                while m + 1 < len(words) and m - j < 6 and _is_cap(words[m + 1][0]) and \
                        words[m + 1][0] != "of":
                    m += 1
                if _two_people(words[i:j + 1], words[j + 2:m + 1]):
                    j = m
            return _Subject(" ".join(x[0] for x in words[i:j + 1]), s, words[j][2])
    return None


def _two_people(first, second) -> bool:
    """Whether two capitalised runs joined by "and" name two people ("Ann Moe and Tom
    Reed"): the second opens with a given name and has a surname; neither holds a title,
    an organisation's word, an owner or a day ("Ann Moe and Eastport officials", "… and Tom
    Reed's aides", "… and Governor Tom Reed", "The Lake Party and Tom Reed", "… and Tom
    Reed Tuesday" keep the first name alone); or two surnames alone ("Moe and Reed").

    >>> [_two_people([(w, 0, 0) for w in a.split()], [(w, 0, 0) for w in b.split()])
    ...  for a, b in [("Ann Moe", "Tom Reed"), ("Ann Moe", "Eastport"), ("Ann Moe", "Tom Reed's")]]
    [True, False, False]
    """
    if not (len(second) >= 2 and second[0][0] in first_names()) and \
            not (len(first) == len(second) == 1):
        return False  # (two surnames alone: "Moe and Reed")
    return not any(w.endswith(("'s", "’s", "s’", "s'")) or w in TITLE_WORDS or
                   w in ORG_WORDS or w in NOT_NAME for w, _, _ in (*first, *second))


def _appositive_name(words, k: int) -> _Subject | None:
    """The name in an appositive that opens at the comma at ``k`` and closes with a comma
    ("…, Ann Moe, said"), else None.

    >>> _appositive_name([(w, 0, 0) for w in "director , Ann Moe , said".split()], 1).text
    'Ann Moe'
    """
    if k + 1 < len(words) and words[k][0] == "," and _is_cap(words[k + 1][0]) and \
            words[k + 1][0] not in NOT_NAME:
        m = k + 1
        while m + 1 < len(words) and _is_cap(words[m + 1][0]):
            m += 1
        if m + 1 < len(words) and words[m + 1][0] == ",":
            return _Subject(" ".join(x[0] for x in words[k + 1:m + 1]), words[k + 1][1],
                            words[m][2])
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
