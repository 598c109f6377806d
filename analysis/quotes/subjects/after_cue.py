"""The subject after an inverted cue ("said Ortiz, a former minister", "said police
chief Tom Reed"), its trailing time or place phrase cut."""

from __future__ import annotations

from analysis.quotes.cues import (
    _ADVERB,
    _DETERMINERS,
    _NOT_PERSON_HEADS,
    _PRONOUNS,
    _SPEAKER_NOUNS,
    FINITE_AUXILIARIES,
)
from analysis.quotes.subjects.words import (
    _DAYS,
    _LOWER_WORD,
    _NAME_WORD,
    _PREPOSITIONS,
    _TIME_LEADS,
    _TIME_WORDS,
    _Subject,
)
from analysis.speakers import ORG_WORDS, TITLE_WORDS, name_after_place

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
    if end - k == 8 and words[k][0][:1].islower() and (
            words[end - 1][0][:1].isupper() or (
                words[end - 1][0] == "and" and end < len(words) and
                _NAME_WORD.fullmatch(words[end][0]) is not None and
                _NAME_WORD.fullmatch(words[end - 2][0]) is not None)):
        # "said former Lakeshire Gov. and party chairman Ed Ross": a long role in lower
        # case runs on into the name (a capitalised run, at most two words more); "a study
        # by economists Ann Moe and Tom Reed": a second name after "and"
        while end < len(words) and end - k < _INVERTED_REACH and \
                _NAME_WORD.fullmatch(words[end][0]):
            end += 1
    elif end - k == 8 and words[end - 1][0] == "and":
        end -= 1  # "said a long-time member of the city council and Tom Reed": the window
        # ends on "and" before a second speaker; the first phrase speaks, not "… and"
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
    if low in _PRONOUNS and not (low == "her" and len(phrase_words) > 1 and
                                 phrase_words[1][0].lower() in _SPEAKER_NOUNS):
        # ("said her attorney, Paul Grant": "her" owns the role, it is no subject)
        return _Subject(w, words[k][1], words[k][2], appositive)
    # cut a trailing time/place phrase after a name: "said Ruto on Monday" (a common-noun
    # phrase keeps it: "said one woman in Rhamu")
    cut = len(phrase_words)
    named = w[:1].isupper() and low not in _DETERMINERS
    if not named:
        known = _known_as(phrase_words)  # "said the night clerk known as Ned"
        if known is not None:
            return known
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
            cut = idx  # "said Del. Ann Moe of the Lake Islands"
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
                         phrase_words[k - 1][0] in ("of", "de", "van", "bin", "al", "wa") or
                         (phrase_words[k - 1][0] == "and" and k >= 2 and
                          _NAME_WORD.fullmatch(phrase_words[k - 2][0]) is not None)):
            k -= 1  # (two names joined by "and": "economists Ann Moe and Tom Reed")
        if k > 0 and phrase_words[k][0][:1].isupper():
            # "said a clerk from Eastport Ann Reed": the place after a preposition, then
            # the name (read as in a name before a cue: see name_after_place)
            k += name_after_place(phrase_words[k - 1][0], [w for w, _, _ in phrase_words[k:]])
        if phrase_words[k][0][:1].isupper() and k > 0 and \
                phrase_words[k - 1][0] not in _PREPOSITIONS + ("to", "on", "by") and \
                not any(x[0] == "to" for x in phrase_words[:k]):  # ("an aide to both Moes")
            role = " ".join(x[0] for x in phrase_words[:k])
            if phrase_words[0][0].lower() in _DETERMINERS:
                role = " ".join(x[0] for x in phrase_words[1:k])
            name = " ".join(x[0] for x in phrase_words[k:])
            return _Subject(name, phrase_words[k][1], phrase_words[-1][2], appositive, role)
    m = next((i for i in range(len(phrase_words) - 2, 0, -1)
              if phrase_words[i][0][:1].islower()), None)
    if m is not None and phrase_words[m][0] not in _NOT_ROLE_WORDS and \
            phrase_words[0][0][:1].isupper() and \
            phrase_words[0][0].lower() not in _DETERMINERS and \
            len(phrase_words) - m - 1 <= 4 and \
            not any(x[0] in _NAME_LINKS or x[0] in _DETERMINERS for x in phrase_words[:m + 1]) and \
            all(_NAME_WORD.fullmatch(x[0]) for x in phrase_words[m + 1:]):
        # "said White House press secretary Ann Moe", "said Lake Capital analyst Tom Reed":
        # an organisation's role, then the name (the name alone speaks, the role is kept)
        return _Subject(" ".join(x[0] for x in phrase_words[m + 1:]), phrase_words[m + 1][1],
                        phrase_words[-1][2], appositive,
                        " ".join(x[0] for x in phrase_words[:m + 1]))
    return _Subject(text, phrase_words[0][1], phrase_words[-1][2], appositive)


#: Lower-case words inside a name or between names, never the end of a role.
_NAME_LINKS = {"of", "and", "de", "van", "von", "bin", "al", "wa", "la", "du", "da", "del",
               "for", "at", "from", "in", "on", "to", "with", "by", "the"}


#: Participles that give a described person's name ("a clerk known as Ned Lane").
_NAMING = {"known", "identified", "named", "nicknamed", "called"}
#: Words that open a relative clause inside a role ("the woman who called …").
_RELATIVES = {"who", "whom", "whose", "which", "that"}


def _known_as(phrase_words) -> _Subject | None:
    """The name after "known as", "identified (only) as", "named" at the end of a role in
    lower case ("the night clerk known as Ned", "a guard identified only as Ann"), the role
    kept; None when no capitalised name closes the phrase. Each word is read once.

    >>> _known_as([(w, i, i + 1) for i, w in enumerate("the clerk known as Ned Lane".split())]).text
    'Ned Lane'
    >>> _known_as([(w, i, i + 1) for i, w in enumerate("the clerk known for speed".split())])
    >>> _known_as([(w, i, i + 1) for i, w in enumerate("the woman who called Ann Moe".split())])
    """
    n = len(phrase_words)
    idx = next((i for i in range(1, n - 1) if phrase_words[i][0] in _NAMING), None)
    if idx is None:
        return None
    head = phrase_words[idx - 1][0]
    if head in _NOT_PERSON_HEADS or not all(
            _LOWER_WORD.fullmatch(w) and w not in _PREPOSITIONS and w not in _RELATIVES
            for w, _, _ in phrase_words[:idx]):
        return None  # the naming word right after a person's role only: not "the woman who
        # called Tom Reed", "a volunteer with the charity known as …", "a group known as …"
    k = idx + 1
    if phrase_words[k][0] == "only":
        k += 1
    if k < n and phrase_words[k][0] == "as":
        k += 1
    elif phrase_words[idx][0] in ("known", "identified"):
        return None  # ("known for …": no name given)
    if k >= n or not all(_NAME_WORD.fullmatch(w) for w, _, _ in phrase_words[k:]):
        return None
    role = " ".join(w for w, _, _ in phrase_words[:idx]
                    if w.lower() not in _DETERMINERS) or None
    return _Subject(" ".join(w for w, _, _ in phrase_words[k:]), phrase_words[k][1],
                    phrase_words[-1][2], None, role)


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
