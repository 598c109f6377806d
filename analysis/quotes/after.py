"""Cues after a quote: ``“…,” Ruto said`` / ``“…,” said Ortiz, a former minister``, a byline
(``“…” ― Amina Noor``) and a cue closing the sentence the quote opens (``“A” if she lost, said
Dan Moe.``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from analysis.quotes.before import (
    _ING,
    _PARTICIPLE_PREPS,
    _SUBORDINATORS,
    _according_source,
    _named_source,
    _opens_according,
)
from analysis.quotes.cues import _DETERMINERS, _cue_at, _noun_cue, _words
from analysis.quotes.index import _Index
from analysis.quotes.marks import _first_nonspace
from analysis.quotes.subjects import (
    _PLAIN_WORD,
    _SENTENCE_OPENERS,
    _WORD_OR_DOT,
    _Subject,
    _subject_after,
    _subject_before,
)
from analysis.speakers import (
    HONORIFIC_GENDER,
    LOWER,
    PLACE_PREPOSITIONS,
    TITLE_WORDS,
    UPPER,
    capitalised,
    first_names,
)


def _after_cue(aw) -> tuple[_Subject, tuple[int, int]] | None:
    """Subject and cue in the words after a quote; "“…,” Moe said, according to the Herald"
    credits the Herald, who reports Moe's words (a pronoun subject is kept).

    >>> ws = _words("Ann Moe said, according to the Herald.", 0, 38)
    >>> _after_cue(ws)[0].text
    'Herald'
    """
    found = _after_cue_plain(aw)
    if found is None or found[0] is None or found[0].text.lower() in _PRONOUN_SUBJECTS:
        return found
    subj, (c0, c1) = found
    k = c1 + 1
    while k < len(aw) and k < c1 + 40 and aw[k][1] < subj.end:
        k += 1  # past the subject when it follows the cue ("said Ann Moe, according to …")
    for i in range(k, min(len(aw) - 2, k + 12)):
        w = aw[i][0]
        if w in (".", "“", "”", '"', "?", "!", ";", ":", "—", "–"):
            break
        if _opens_according(aw, i):
            src = _according_source(aw, i)
            if src is not None and _named_source(src):  # not "according to his spokesman"
                return src, (c0, c1)
            break
    return found


#: Subjects after a quote that keep their own resolution ("“…,” he said, according to …").
_PRONOUN_SUBJECTS = {"he", "she", "they", "i", "we", "it"}


def _after_cue_plain(aw) -> tuple[_Subject, tuple[int, int]] | None:
    if not aw:
        return None
    # inverted: "said Ortiz, a former minister" / "according to a joint statement"
    if len(aw) > 2 and _opens_according(aw, 0):
        return _according_source(aw, 0), (0, 1)
    cue = _cue_at(aw, 0)
    if cue:
        if aw[0][0].endswith("ing"):
            return None, cue  # "“…,” noting flagging sales": what follows is no subject
        return _subject_after(aw, cue[1]), cue  # the subject may be None: a cue, no speaker
    if aw[0][0].lower() in _SUBORDINATORS:
        return None  # "“…” when asked", "“…” after X said", "“…” and X says": another clause
    # "Ruto said" / "he emphasized" / "the ministry said" / "Ortiz, a former minister, said"
    limit = min(len(aw), 14)
    role_first = aw[0][0][:1].islower() and aw[0][0].lower() not in _DETERMINERS and \
        any(w[:1].isupper() for w, _, _ in aw[1:4])
    if capitalised(aw[0][0]) or aw[0][0].lower() in _DETERMINERS or role_first:
        # "…,” Trent Lott, who was majority leader under George W. Bush, said": a name and
        # a long appositive before the cue (or a role in lower case before the name: "state
        # Senate leader Dan Moe and House Speaker Ann Lapp, both Republicans, said")
        if any(w == "," for w, _, _ in aw[1:12 if role_first else 8]):
            limit = min(len(aw), 34)
    paren_end = -1
    for i in range(1, min(len(aw), 22)):
        if i <= paren_end:
            continue  # inside "(D-N.Y.)"
        if aw[i][0] == "(":
            paren_end = next((k for k in range(i + 1, min(len(aw), i + 9)) if aw[k][0] == ")"),
                             -1)
            limit += max(0, paren_end - i + 1)
            continue
        if i >= limit or aw[i][0] in ("“", "”", '"', "?", "!", ";") or (
                aw[i][0] == "." and not (i + 1 < len(aw) and (
                    aw[i + 1][0] == "," or aw[i + 1][1] == aw[i][2]))):
            # "Allentown, Pa., said": an abbreviation's full stop is no sentence end, nor
            # is one inside a word ("Lakepoll.com")
            break
        cue = _cue_at(aw, i)
        if cue and _noun_cue(aw, i):
            continue  # "…, one of the states suing …, said": a noun, not the cue
        if cue:
            subj = _subject_before(aw, i)
            if subj is None or subj.start > aw[0][1]:
                # "…,” Kip Lane, the pollster who founded Lakepoll tweeted": an appositive
                # whose closing comma is missing; the name before it is the subject
                subj = _name_before_open_appositive(aw, i, subj) or subj
            first = subj.start if subj is not None and subj.origin is None else \
                subj.origin if subj is not None else None
            if subj and (first == aw[0][1] or all(
                    w in HONORIFIC_GENDER or w in TITLE_WORDS
                    for w, ws, _ in aw if ws < first)):
                # ("Ms. Lapp's spokesman, Dan Moe, wrote": an honorific before the phrase)
                return subj, cue
            if subj and subj.text[:1].isupper() and all(
                    _WORD_OR_DOT.match(w) and w.lower() not in _CLAUSE_WORDS
                    for w, ws, _ in aw[:i] if ws < subj.start):
                # (a role is a noun phrase: no clause word before the name, "…” regarding
                # her links while Moe suggests …" opens another clause)
                # "…,” Ethiopian government spokesman Legesse Tulu said": a role before the name
                role = " ".join(w for w, ws, _ in aw if ws < subj.start)
                subj.role = None if role.rstrip(".") in ("Mr", "Mrs", "Ms", "Miss") or \
                    role.split(" ", 1)[0] in PLACE_PREPOSITIONS else role  # (not "in Boston")
                return subj, cue
            before = [w for w, ws, _ in aw if ws < subj.start] if subj else []
            if subj and subj.text[:1].isupper() and 1 <= len(before) <= 4 and \
                    before[0][:1].islower() and all(_PLAIN_WORD.match(w) for w in before):
                # "…,” the economist Jared Bernstein, a former adviser …, said"
                subj.role = " ".join(before[1:] if before[0] in _DETERMINERS else before)
                return subj, cue
            if subj and subj.text[:1].isupper() and len(before) >= 2 and before[-1] == "," \
                    and "," not in before[:-1] and before[0][:1].islower() and \
                    all(_PLAIN_WORD.match(w) for w in before[:-1]):
                # "…,” another friend, Mariam Emara told reporters": a role, then the name
                subj.role = " ".join(before[:-1])
                return subj, cue
            if subj and subj.text[:1].isupper() and _owner_then_role(before):
                # "…,” Lake Rep. Dan Moe’s chief of staff, Tom Reed, told reporters": an
                # owner's role, then the name
                subj.role = " ".join(before[:-1])
                return subj, cue
            if subj is None and i == 1 and aw[0][0].isalpha() and aw[0][0].lower() not in (
                    "and", "but", "or", "as", "then", "so", "while", "before", "after") and \
                    not aw[0][0].endswith(("ing", "ly")):  # not "“…,” giving states …"
                return None, cue  # "“…,” someone said": a cue, but no speaker we can name
            return None
    return None


#: Words that open or carry a clause, never a role before a name ("while", "who", "was"):
#: what precedes the name is not its role.
_CLAUSE_WORDS = {"while", "whereas", "although", "though", "who", "which", "that", "when",
                 "because", "as", "if", "was", "is", "are", "were", "has", "had", "have",
                 "regarding", "since", "but", "than", "then", "where", "whom", "whose"}
# (no preposition a role holds: "adviser to the governor", "deputy minister in charge of
# roads", "expert on water")


def _name_before_open_appositive(aw, i: int, subj: _Subject | None) -> _Subject | None:
    """The name that opens the words after a quote when a comma follows it and the phrase
    found before the cue at ``i`` (``subj``, if any) starts after that comma, with no
    other comma up to the cue: "Kip Lane, the pollster who founded Lakepoll tweeted" → Kip
    Lane, the phrase its appositive.

    >>> ws = _words("Kip Lane, the pollster who founded Lakepoll tweeted", 0, 51)
    >>> _name_before_open_appositive(ws, 8, _Subject("the pollster", 10, 22)).text
    'Kip Lane'
    """
    n = _leading_name_words(aw)
    if n < 2 or n + 1 >= i or aw[n][0] != "," or not aw[n + 1][0][:1].islower() or (
            subj is not None and subj.start <= aw[n][1]) or \
            any(w == "," for w, _, _ in aw[n + 1:i]):
        return None  # (a lower-case appositive: not "Kip Lane, Ann Moe and Tom Reed said")
    return _Subject(" ".join(w for w, _, _ in aw[:n]), aw[0][1], aw[n - 1][2],
                    " ".join(w for w, _, _ in aw[n + 1:i]))


def _owner_then_role(before: list[str]) -> bool:
    """Whether the words before a name are an owner and a role in lower case ending at a
    comma ("Lake Rep. Dan Moe’s chief of staff ,"), in one clause (no other comma).

    >>> _owner_then_role("Lake Rep. Dan Moe’s chief of staff ,".split())
    True
    >>> _owner_then_role("Dan Moe’s plan , Tom Reed".split()), _owner_then_role("Moe’s ,".split())
    (False, False)
    """
    if len(before) < 3 or before[-1] != "," or "," in before[:-1] or \
            not all(_WORD_OR_DOT.match(w) for w in before[:-1]):
        return False
    owner = max((i for i, w in enumerate(before) if w.endswith(("’s", "'s"))), default=-1)
    role = before[owner + 1:-1]
    return owner >= 0 and bool(role) and all(w[:1].islower() for w in role)


#: A byline's name: up to five capitalised words, the last with a lower-case letter. The
#: letters before that lower-case letter exclude it ("(?!{LOWER})"), so a long word is split
#: one way only and a failed match costs linear time, not quadratic.
_BYLINE = re.compile(rf"[ \t\xa0]*[―—–-]{{1,2}}[ \t\xa0]*((?:{UPPER}[\w’'.-]*[ \t\xa0]+){{0,4}}"
                     rf"{UPPER}(?:(?!{LOWER})[\w’'-])*{LOWER}[\w’'-]*)\.?(?:,[^\n]{{0,80}})?"
                     r"[ \t\xa0]*$")


def _byline(text: str, start: int, block, index: _Index,
            limit: int | None = None, name_line: bool = False) -> tuple[str, int, int] | None:
    """The name of a byline that follows a quote: on the rest of its line ("“…” ― Amina
    Noor") or as the whole next line ("- Amina Noor."); with ``name_line`` also a next line
    holding only a person's name, a comma and a capitalised affiliation ("Amina Noor,
    Lakeside Policy Institute."), the name opening with a known given name, an honorific or a
    title and not ending with a street's or a place's word (else two capitalised phrases may
    be a subheading or a place: "Rising Tensions, Few Answers", "Kansas City, Missouri",
    "Peter Street, London").

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“We will win.”\\n\\n- Amina Noor.\\n\\nShe left.", "x")
    >>> _byline(art.text, 14, art.blocks[0], _Index(art, []))
    ('Amina Noor', 18, 28)
    """
    stop = block.end if limit is None else min(limit, block.end)
    line_end = text.find("\n", start, stop)  # (not past the next quote: linear)
    if line_end < 0:
        if stop < block.end:
            return None  # another quote on the same line
        line_end = block.end
    m = _BYLINE.match(text, start, line_end)
    if m is None and (limit is None or limit >= block.end) and \
            _first_nonspace(text, start, block.end) == block.end:
        # (a quote later in the block means the rest is not blank: no copy of it is read)
        k = bisect_right(index.block_starts, block.start)  # the block after
        if k < len(index.blocks):
            nxt = index.blocks[k]
            # ("- Amina Noor.", or with no dash a name and a capitalised affiliation alone:
            # "Kip Lane, Lakeside Policy Institute.")
            m = _BYLINE.match(text, nxt.start, nxt.end)
            if m is None and name_line:
                m = _NAME_LINE.match(text, nxt.start, nxt.end)
                name = m.group(1).split() if m is not None else []
                if name and (_OWNER_END.search(m.group(1)) or name[-1] in _PLACE_ENDS or (
                        name[0] not in first_names() and name[0] not in HONORIFIC_GENDER and
                        name[0] not in TITLE_WORDS)):
                    m = None  # a subheading ("Republicans’ Long, Uneasy History") or a place
    if m is None or m.group(1).split()[0] in _SENTENCE_OPENERS:
        return None
    return m.group(1), m.start(1), m.end(1)


#: Last words of a place's name, not a person's ("Peter Street, London").
_PLACE_ENDS = {"Street", "Road", "Avenue", "Square", "Boulevard", "Park", "City", "County",
               "Bridge", "Station", "Hall", "Centre", "Center"}
#: A possessive ending inside a run of capitalised words ("Republicans’", "Lake’s").
_OWNER_END = re.compile(r"[’'](?:s)?(?![\w])")
#: A line that is a name, a comma and a capitalised affiliation ("Kip Lane, Lakeside Policy
#: Institute."): two to five capitalised words, the last with a lower-case letter (as
#: :data:`_BYLINE`), no verb (a name alone could be a subheading: "Rising Tensions").
_NAME_LINE = re.compile(
    rf"[ \t\xa0]*((?:{UPPER}[\w’'.-]*[ \t\xa0]+){{1,4}}{UPPER}(?:(?!{LOWER})[\w’'-])*{LOWER}"
    rf"[\w’'-]*),[ \t\xa0]+(?:{UPPER}[\w’'.&-]*(?:[ \t\xa0]+(?:{UPPER}[\w’'.&-]*|of|for|and|"
    rf"the|on|at|in)){{0,8}})?\.?[”\"]?[ \t\xa0]*$")


def _trailing_cue(text: str, start: int, end: int,
                  index: _Index) -> tuple[_Subject, str, int] | None:
    """A cue and its subject closing the sentence that a quote's closing mark leaves open:
    the last clause (after its last comma) is "said X …" or "X said" and nothing else; or,
    after any comma, "said X, who …" running to the sentence's end (the subject's
    appositives hold commas of their own); or "X said" / "X told Y" followed only by when,
    where or to whom ("“…” Moe said Friday as he left." / "“…” Moe told Lake FM.").

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“It holds” at least for now, said Ann Moe, who teaches law, "
    ...                         "in Eastport, at the forum.", "x")
    >>> subj, cue, _ = _trailing_cue(art.text, 10, len(art.text), _Index(art, []))
    >>> subj.text, subj.appositive, cue
    ('Ann Moe', 'who teaches law', 'said')
    """
    sent = index.sentence_of(start)
    own_sentence = False
    if sent is not None and sent.end <= start + 1:
        # the quote ended its sentence: "“…” Moe said Friday." on the same line goes on
        # (a sentence with no comma and no quote of its own)
        i = bisect_left(index.sentence_starts, start)
        nxt = index.sentences[i] if i < len(index.sentences) else None
        if nxt is not None and nxt.start < end and \
                not text[start:nxt.start].strip(" \t\xa0") and \
                not index.overlaps_marks(nxt.start, nxt.end - 1):
            sent, own_sentence = nxt, True
    if sent is None:
        return None
    stop = min(end, sent.end)
    tw = _words(text, start, stop)
    while tw and tw[-1][0] in (".", "!", "?", "”", "“", '"'):
        tw.pop()
    if not tw or len(tw) > 60 or any(w in ("“", "”", '"', ";", "?", "!") for w, _, _ in tw):
        return None
    k = max((i for i, (w, _, _) in enumerate(tw) if w == ","), default=-1)
    if own_sentence and k >= 0:
        f = _participle_comma(tw)
        if f is not None:
            # "“… No, Dan.” Ann Lapp tweeted, quoting a reporter": "X cue" closes the
            # sentence but for a participle phrase after the comma that follows the cue
            # ("Ann Lapp, a senator, tweeted, before deleting the post")
            tw, k = tw[:f], -1
            last = len(tw) - 1
            if last >= 3 and "," in (w for w, _, _ in tw) and _cue_at(tw, last) == (last, last):
                subj = _subject_before(tw, last)  # "Ann Lapp, a senator, tweeted"
                if subj is not None and subj.start == tw[0][1] and subj.appositive:
                    return subj, tw[last][0], tw[last][1]
        else:
            return None
    clause = tw[k + 1:]
    found = None
    if 2 <= len(clause) <= 12 and not (
            k < 0 and (clause[0][0][:1].islower() or len(clause) > 6)):
        # (no comma: only "Moe said." standing alone after the quote)
        found = _after_cue(clause)
    if found and found[0] is not None:
        subj, (c0, c1) = found
        inverted = c0 == 0
        if not inverted and (subj.start != clause[0][1] or c1 < len(clause) - 3):
            found = None  # "X said" must open the clause and close the sentence
        elif inverted and any(w in _INDIRECT_TAIL for w, _, _ in clause[c1 + 1:]):
            found = None
    else:
        found = None
    if found is None:
        found3 = _inverted_with_appositives(tw) or _cue_with_adjuncts(tw, k)
        if found3 is None:
            return None
        subj, (c0, c1), clause = found3
    return subj, " ".join(x[0] for x in clause[c0:c1 + 1]), clause[c0][1]


def _participle_comma(tw) -> int | None:
    """The comma after a cue that opens a participle phrase, with or without a preposition
    ("Ann Lapp, a senator, tweeted, quoting a reporter", "Moe wrote, before deleting it"):
    its index in ``tw``, or None.

    >>> ws = [(w, 0, 0) for w in "Ann Lapp , a senator , tweeted , before deleting it".split()]
    >>> _participle_comma(ws), _participle_comma(ws[:7])
    (7, None)
    """
    seen_cue = False
    for i, (w, _, _) in enumerate(tw):
        if w != ",":
            seen_cue = seen_cue or _cue_at(tw, i) is not None
            continue
        if not seen_cue:
            continue
        j = i + 1
        if j < len(tw) and tw[j][0] in _PARTICIPLE_PREPS:
            j += 1
        return i if j < len(tw) and _ING.fullmatch(tw[j][0]) else None
    return None


#: Finite cues that open an inverted attribution ("…, said Ann Moe, who …").
_INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes", "told", "tells",
                  "explained", "explains", "argued", "argues", "noted", "notes", "asked", "asks",
                  "warned", "warns", "continued", "recalled", "observed", "insisted", "replied"}


def _inverted_with_appositives(tw):
    """After a comma, "said X" whose subject (a name or a determiner phrase, with its
    appositives) runs to the end of the sentence: "…, said Lee Moe, who teaches law at
    Lakeside." (the last comma there is inside the appositive)."""
    for k, (w, _, _) in enumerate(tw):
        if w != "," or k + 2 >= len(tw) or tw[k + 1][0] not in _INVERTED_CUES:
            continue
        clause = tw[k + 1:]
        subj = _subject_after(clause, 0)
        if subj is None or subj.start != clause[1][1] or not (
                clause[1][0][:1].isupper() or clause[1][0].lower() in _DETERMINERS) or \
                clause[1][0] in _SENTENCE_OPENERS - {"The", "A", "An"}:
            return None
        rest = [x for x, ws, _ in clause if ws >= subj.end]
        if rest and rest[0] not in (",", "("):
            return None  # "…, said Moe in Eastport" is the last-clause form above
        return subj, (0, 0), clause
    return None


#: Words that open a phrase of time, place or manner after "X said" (not a new report).
_ADJUNCT_STARTS = {"on", "in", "at", "during", "after", "before", "while", "as", "when", "of",
                   "about", "from", "via", "by", "late", "early", "earlier", "later", "last",
                   "this", "then", "recently", "afterward", "afterwards", "today", "yesterday",
                   "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"}


def _cue_with_adjuncts(tw, k: int):
    """"X said" opening the last clause, followed only by when, where or how ("Moe said
    Friday as he left the talks") or, after "told", by whom ("Moe told Lake FM")."""
    clause = tw[k + 1:]
    if not 3 <= len(clause) <= 18 or clause[0][0].lower() in _DETERMINERS or \
            clause[0][0] in _SENTENCE_OPENERS - {"The", "A", "An"}:
        return None
    found = _after_cue(clause[:14])
    if not found or found[0] is None:
        return None
    subj, (c0, c1) = found
    if c0 == 0 or c1 + 1 >= len(clause) or (
            subj.start != clause[0][1] and not (subj.role and subj.text[:1].isupper())):
        # (a role before the name opens the clause: "…, city counsel Ann Moe wrote in …")
        return None
    after = clause[c1 + 1][0]
    if clause[c0][0] not in _INVERTED_CUES or any(
            w in _INDIRECT_TAIL for w, _, _ in clause[c1 + 1:]):
        return None
    if clause[c0][0] not in ("told", "tells") and after.lower() not in _ADJUNCT_STARTS:
        return None
    return subj, (c0, c1), clause


_INDIRECT_TAIL = {"that", "if", "whether", "how", "why", "what"}


def _unlisted_verb_after(aw) -> tuple[_Subject, tuple[int, int]] | None:
    """A name (one to four capitalised words) or he/she/they right after a quote that ends
    with a comma ("“…,” "), then a past-tense verb that no cue list holds: "“…,” Ann Moe
    charged." / "“…,” she pondered aloud." — who reacts in the words right after a quote left
    open by its comma is who said it, whatever the verb (the caller checks the comma). None
    when anything else stands there.

    >>> ws = _words("Ann Moe bristled at the question.", 0, 33)
    >>> subj, cue = _unlisted_verb_after(ws)
    >>> subj.text, cue
    ('Ann Moe', (2, 2))
    >>> _unlisted_verb_after(_words("Ann Moe’s plan worked.", 0, 22)) is None
    True
    """
    k = _leading_name_words(aw)
    pronoun = k == 0 and bool(aw) and aw[0][0].lower() in ("he", "she", "they")
    if pronoun:
        k = 1
    if k == 0 or k >= len(aw) or (k == 1 and aw[0][0] in TITLE_WORDS):
        return None  # (a title alone names no one: "“…,” Senator …")
    verb = aw[k][0]
    if not (_PAST.fullmatch(verb) or verb in _REACTION_PAST) or verb in _NOT_VERBS:
        return None
    subj = _Subject(" ".join(w for w, _, _ in aw[:k]), aw[0][1], aw[k - 1][2])
    return subj, (k, k)


def _leading_name_words(aw) -> int:
    """How many of the first words (at most four) are capitalised words of a name, none of
    them a clause opener: 2 for "Ann Moe bristled", 0 for "The crowd roared".

    >>> _leading_name_words(_words("Ann Moe bristled", 0, 16))
    2
    """
    n = 0
    while n < min(len(aw), 4) and _NAME_WORD_AFTER.fullmatch(aw[n][0]) and \
            aw[n][0] not in _NO_SUBJECT_WORDS:
        n += 1
    return n


#: A capitalised word of a name after a quote ("Ann", "O’Neil-Moe", "Sen.", "Jr."): no
#: possessive ("Moe’s plan"), no all-capitals run longer than an acronym.
_NAME_WORD_AFTER = re.compile(rf"{UPPER}(?:{LOWER}[\w’'-]*|\.|{UPPER}{{0,3}})(?<![’']s)")
#: Capitalised words that open a clause rather than name its subject.
_NO_SUBJECT_WORDS = {"The", "A", "An", "This", "That", "These", "Those", "It", "I", "We",
                     "You", "And", "But", "Or", "So", "Then", "When", "While", "If", "As",
                     "In", "On", "At", "After", "Before", "Since", "Because", "Some", "Many",
                     "One", "Another", "Both", "All", "Each", "Every", "Its", "His", "Her",
                     "Their", "Our", "My", "Your", "There", "Here", "What", "Who", "How", "Why"}
#: A regular past-tense verb in lower case ("charged", "bristled").
_PAST = re.compile(r"[a-z]{2,}ed")
#: Irregular past forms of verbs a speaker may follow a quote with ("“…,” Moe began.").
_REACTION_PAST = {"began", "thought", "felt", "went", "shot", "spoke", "swore", "sang",
                   "wrote", "read"}
#: Words in -ed after a name that are no verb of the name's ("“…,” Moe-led talks").
_NOT_VERBS = {"need", "indeed", "speed", "seed", "feed", "breed", "red", "bed", "shed",
              "hundred", "united", "based", "related", "named", "called", "dubbed"}
