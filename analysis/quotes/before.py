"""Cues before a quote: the speaker and cue in the words before a quote's opening mark
(``He remarked, “…”``, ``According to X, “…”``, ``Ruto was blunt: “…”``), a cue anywhere in a
sentence (a partial quote's, or the sentence before a quote), and the name acting on a long
quote in narration ("Moe thanked the nurses for “…”").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain

from analysis.quotes.cues import (
    _ADVERB,
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _PARTICIPLES,
    _VERBS,
    FINITE_AUXILIARIES,
    FINITE_BE,
    _cue_at,
    _cue_in_words,
    _noun_cue,
    _words,
)
from analysis.quotes.index import _Index
from analysis.quotes.kinds import _can_speak, _head
from analysis.quotes.subjects import (
    _HYPOTHETICAL_MODALS,
    _ISSUING,
    _LEAD_INS,
    _SENTENCE_OPENERS,
    _clause_subject,
    _modal_say,
    _speaker_noun_opening,
    _Subject,
    _subject_after,
    _subject_before,
)
from analysis.speakers import HONORIFIC_GENDER, NOT_NAME, Registry

# (patterns compiled once: a lower-case word, an -ing participle, a past or third-person form)
_LOWER_RUN = re.compile(r"[a-z]+")
_ING = re.compile(r"[a-z]+ing")
_ED_OR_S = re.compile(r"[a-z]+(?:ed|s)")

#: Words after a clause's subject that show it is not the one acting ("Moe’s plan", "Moe and
#: Ruto", "Moe, who …" is kept: the appositive is skipped by the subject finder).
_NOT_ACTING = {"and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "is", "was",
               "are", "were", "be", "been", "has", "had", "have", "as", "than", "’s", "'s"}


def _acting_subject(text: str, start: int, open_mark: int, index: _Index) -> _Subject | None:
    """The name that opens the clause before a quote, followed by a verb: "Moe thanked the
    nurses for “…”" → Moe; None for a pronoun, a phrase, a name not followed by a verb
    ("Moe’s plan …", "Moe and Ruto …", "Moe is …"), or a quote in its clause's subject.

    >>> from analysis.text import article_from_text
    >>> t = "Dan Moe thanked the nurses for “working nights and weekends without a word of thanks.”"
    >>> art = article_from_text(t, "x")
    >>> _acting_subject(art.text, 0, t.index("“"), _Index(art, [])).text
    'Dan Moe'
    """
    words = [w for w in _words(text, start, open_mark) if not index.in_marks(w[1]) or
             w[0] == ","]  # ("Lee, star of “Lake Nights,” thanked": the comma in the marks
    if len(words) < 3:  # ends the appositive)
        return None
    subj = _clause_subject(words)
    if subj is None or subj.text.lower() in ("he", "she", "they") or \
            not subj.text[:1].isupper() or subj.text in _SENTENCE_OPENERS:
        return None
    k = next((i for i, w in enumerate(words) if w[1] >= subj.end), None)
    if k is None:
        return None
    if any(w.lower() in _CLAUSE_OPENERS or (
            w.lower() == "as" and i + 1 < len(words) and (
                not _LOWER_RUN.fullmatch(words[i + 1][0]) or
                words[i + 1][0] in _DETERMINERS))
           for i, (w, ws, _) in enumerate(words) if ws < subj.start):
        # "While Moe spoke, the party was …" / "As Moe spoke, …" (not "as part of …"): the
        # name is in another clause
        return None
    if words[k][0] == ",":  # "Moe, a former mayor, thanked …": past the appositive
        k = next((i for i in range(k + 1, min(len(words), k + 16)) if words[i][0] == ","),
                 None)
        if k is None or k + 1 >= len(words):
            return None
        k += 1
    verb = words[k][0]
    aux = None  # "has", "would", "is" …: what the verb after it may be
    while verb.lower() in _ADVERBS or verb in _AUXILIARIES:
        if verb in _AUXILIARIES:
            aux = _AUXILIARIES[verb]
        k += 1
        if k >= len(words):
            return None
        verb = words[k][0]
    if aux == "be":  # "Moe is pledging to …" (never "Moe was asked": not Moe's words)
        ok = _ING.fullmatch(verb) is not None
    elif aux == "modal":  # "Moe would not comment on …" / "Moe has long argued …"
        ok = _LOWER_RUN.fullmatch(verb) is not None and verb not in _DETERMINERS
    else:  # "Moe thanked …", "Moe argues …", "Moe thought …"
        ok = verb in _IRREGULAR_PAST or (_ED_OR_S.fullmatch(verb) is not None
                                         and not verb.endswith(("ss", "us", "is")))
    if not ok or verb in _NOT_ACTING:
        return None
    if verb == "say" and words[k - 1][0] in _HYPOTHETICAL_MODALS and \
            all(w[0] in (",", ":") for w in words[k + 1:k + 3]) and k + 3 > len(words):
        return None  # "Moe might say “…”": speech that may never be made (as _subject_before)
    return subj


_ADVERBS = {"also", "then", "later", "further", "even", "again", "not", "never", "repeatedly",
            "once", "recently", "previously", "quickly", "meanwhile", "long", "often", "still",
            "already", "only", "just", "first", "since", "now", "frequently", "initially"}
_AUXILIARIES = {**dict.fromkeys(sorted(FINITE_AUXILIARIES - FINITE_BE - {"must"}), "modal"),
                **dict.fromkeys(sorted(FINITE_BE | {"been"}), "be")}
#: Past forms without "-ed" of verbs that act on words ("Moe thought …", "Moe made the point").
_IRREGULAR_PAST = {"thought", "made", "found", "took", "gave", "wrote", "went", "saw", "sang",
                   "put", "spoke", "laid", "told", "said", "brought", "drew", "set", "held",
                   "led", "sent", "struck", "threw", "won", "hit", "taught", "sought",
                   "swore", "shot", "read", "felt", "began", "kept", "left", "meant"}


def _source_after_dash(words) -> _Subject | None:
    """A digest's source line: "TURNOUT WAS HIGH - Ann Moe and Dan Ruto:" / "… -More from
    Moe:" — the names after the last dash before the colon."""
    k = max((i for i, (w, _, _) in enumerate(words) if w in ("-", "—", "–")), default=-1)
    seg = words[k + 1:] if k >= 0 else []
    if len(seg) >= 2 and seg[0][0] == "More" and seg[1][0] == "from":
        seg = seg[2:]
    if not 1 <= len(seg) <= 6 or seg[0][0] in NOT_NAME or not all(
            w[:1].isupper() or w in ("and", "of", "de") for w, _, _ in seg) or \
            seg[-1][0] in ("and", "of", "de"):
        return None
    return _Subject(" ".join(w for w, _, _ in seg), seg[0][1], seg[-1][2])


#: "… incurred boos upon saying, “…”": a preposition before a participle.
_PARTICIPLE_PREPS = {"upon", "after", "before", "while", "by", "when", "in", "without"}


#: Words that open a clause whose subject a participle after it shares ("…, as Moe
#: echoed it, saying …").
_PARTICIPLE_CLAUSES = {"as", "when", "while", "after", "because", "before", "since", "once"}


_SUBORDINATORS = {"when", "after", "before", "because", "while", "if", "until", "since",
                  "though", "although", "and", "but", "or", "whereas", "unless", "once"}
_COORDINATORS = {"and", "but", "or"}
#: Words that open a subordinate or relative clause before a name ("While Moe spoke, …").
_CLAUSE_OPENERS = (_SUBORDINATORS - _COORDINATORS) | {"where", "who", "which", "whom", "whose"}
#: Words that open a subordinate clause inside a report ("said that once …, “…”").
_SUBORDINATE_OPENERS = (_SUBORDINATORS - _COORDINATORS - {"whereas"}) | {"whenever"}


#: Words that open an appositive after a one-word name ("Moe, a former mayor, …").
_APPOSITIVE_OPENERS = {"a", "an", "the", "herself", "himself", "who", "whose"}


def _name_appositive(words, fc: int, c0: int) -> bool:
    """"Moe, a former mayor, told …": a one-word name, then an appositive closed by a comma
    before the cue; not a lead-in ("Overall, …", "Later, …") to skip.

    >>> ws = [(w, 0, 0) for w in "Moe , a former mayor , told reporters , saying".split()]
    >>> _name_appositive(ws, 1, 8), _name_appositive([("Later", 0, 0)] + ws[1:], 1, 8)
    (True, False)
    """
    w0 = words[0][0]
    return fc == 1 and fc + 1 < c0 and w0[:1].isupper() and w0[1:].islower() and \
        w0 not in _SENTENCE_OPENERS | _LEAD_INS and not w0.endswith(("ly", "ing", "ed")) and \
        words[fc + 1][0].lower() in _APPOSITIVE_OPENERS and \
        any(w == "," for w, _, _ in words[fc + 2:c0])


#: Speech verbs whose plain form after "to" is a cue right before a quote's comma or colon
#: ("rose to declare: “…”", "went on to add, “…”"): the cue verbs of one word; "say", "tell"
#: and "write" are cues in every form.
_INFINITIVE_CUES = frozenset(v for v in _VERBS if " " not in v) - {"say", "tell", "write"}


def _before_cue(pw, opens_clause: bool):
    """Subject and cue in the words before a quote's opening mark (same sentence)."""
    if not pw:
        return None
    words = pw
    last = words[-1][0]
    if opens_clause and last in (",", ":", "—", "–"):
        # "according to X,"
        for i in range(len(words) - 3, -1, -1):
            if _opens_according(words, i):
                subj = _according_source(words, i)
                if subj:  # "according to X, …": what follows the comma is the report
                    return subj, (i, i + 1), "before"
        n = len(words)
        infinitive = n >= 4 and words[-2][0] in _INFINITIVE_CUES and words[-3][0] == "to"
        # ("Moe took the stage to announce, “…”": a cue's plain form after "to", right
        # before the quote's comma or colon)
        for c0, c1 in chain([(n - 2, n - 2)] if infinitive else [],
                            _cue_in_words(words[:-1])):
            if not words[c0][0].endswith("ing") and _in_subordinate(words, c0):
                continue  # "Moe said that once the Senate goes on recess, “…”": Moe said it
            if _addressed(words, c0):
                continue  # "Asked about Lapp, Moe was blunt:", "Moe was asked:": no speaker
            quoted = _quoted_as(words, c0)
            if quoted is not None:  # "Moe was quoted as saying, “…”"
                return quoted, (c0, c1), "before"
            # skip a leading adverbial ("Hours later, …", "On Monday, …")
            fc = next((k for k in range(min(c0, 6)) if words[k][0] == ","), None)
            lead = 0 if fc is None or (any(w[:1].isupper() for w, _, _ in words[1:fc]) and
                                       words[0][0] not in _SENTENCE_OPENERS | {"Here"}) \
                or _name_appositive(words, fc, c0) else fc + 1
            if lead == 0 and words[0][0] in _LEAD_INS:
                # a longer lead-in: "In a speech earlier in the day, Moe attacked …, saying"
                fc = next((k for k in range(min(c0 - 1, 12)) if words[k][0] == ","), None)
                lead = 0 if fc is None else fc + 1
            for _ in range(3):  # (at most three stacked lead-ins, each read up to 12 words)
                if lead == 0 or lead >= c0 or words[lead][0].capitalize() not in _LEAD_INS:
                    break
                # "On Thursday, after staying quiet all season, Moe backed Reed, saying, “…”":
                # a second lead-in after the first one's comma
                fc = next((k for k in range(lead + 1, min(c0 - 1, lead + 12))
                           if words[k][0] == ","), None)
                if fc is None:
                    break
                lead = fc + 1
            w0 = words[lead][0]
            if words[c0][0] in _PARTICIPLES and c0 >= lead + 3 and (
                    words[c0 - 1][0] == "," or words[c0 - 1][0] in _PARTICIPLE_PREPS) \
                    and (w0.lower() in ("he", "she", "they") or (w0[:1].isupper() and (
                        w0 not in NOT_NAME or w0 in HONORIFIC_GENDER))):
                # "Trump returned the compliment, telling Reuters, “…”" / "Mr. X issued a
                # statement saying, “…”": the subject of the clause speaks; after a cue of
                # its own ("…, Spicer said, adding, “…”") that cue's subject
                subj = None
                prior = next(_cue_in_words(words[lead:c0 - 1]), None)
                if prior is not None and prior[1] == c0 - 2 - lead:
                    subj = _subject_before(words, prior[0] + lead)
                subj = subj or _clause_subject(words[lead:c0])
                if subj:
                    return subj, (c0, c1), "before"
            subj = _subject_before(words, c0)
            subj = _participle_after_object(words, lead, c0, subj)
            if subj is not None and words[c0][0] in _PARTICIPLES and \
                    subj.text[:1].islower() and \
                    any(w in _DOCUMENT_NOUNS for w in subj.text.lower().split()):
                # "Moe issued a statement Tuesday saying, “…”": who issued it speaks
                subj = _clause_subject(words[lead:c0]) or subj
            if subj is None and c0 >= 2 and words[c0 - 1][0] == "to":
                # "Moe was prompted to say, “…”": the clause's subject
                subj = _clause_subject(words[lead:c0 - 1])
            if subj is None and c1 + 1 < len(words) - 1 and words[c0][0] not in _PARTICIPLES:
                subj = _subject_after(words[:-1], c1)
            if subj is None and words[c0][0].endswith("ing") and c0 >= 2 and \
                    words[c0 - 1][0] == ",":
                # "Ruto then appears in a clip, saying, “…”": the clause's subject
                subj = _clause_subject(words[:c0])
            if subj:
                return subj, (c0, c1), "before"
        if len(words) >= 4 and last == "," and words[-2][0] in _DOCUMENT_NOUNS and \
                words[-3][0].lower() in ("a", "an", "the") and words[-4][0] in _ISSUING:
            # "Moe issued a statement, “…”": who issued it
            subj = _clause_subject(words[:-4])
            if subj:
                return subj, None, "before"
        if n >= 3 and words[-2][0].lower() in _ADDRESS_CUES and \
                words[-3][0].lower() in _PASSIVE_BE:
            return None  # "Moe was asked: “…?”": the question is put to Moe, by someone
        if last == ":":  # "Ruto was blunt:" — the clause's subject
            subj = _source_after_dash(words[:-1]) or \
                _speaker_noun_opening(words, len(words) - 1) or _clause_subject(words[:-1])
            # ("The mayor was blunt:", "Local officials were blunt:": a speaker noun's
            # phrase, else the first name or pronoun)
            if subj:
                return subj, None, "colon"
        return None
    # partial quote: a cue earlier in the clause ("He called it “…”"), said by someone who
    # can speak (not "the figures tell a “mixed” story")
    first_finite = None  # the first cue not ending in -ing, when first needed
    for c0, _c1 in _cue_in_words(words):
        subj = _quoted_as(words, c0)
        if subj is not None:  # "The Post quoted Moe as saying that the plan was “…”"
            return subj, (c0, _c1), "before"
        subj = _inverted_aside(words, c0, _c1)
        if subj is not None:  # "The problem, says Tom Reed, is that “…”": no cue before
            # the clause (the words after the aside are not what it reports)
            return subj, None, "before"
        if words[c0][0] in _PARTICIPLES and c0 >= 2 and words[c0 - 1][0] == ",":
            # "At a rally in Eastport, Lakeshire, Moe went after Ruto, calling her “…”": the
            # participle's subject is the clause's, not a phrase between two commas; after
            # "Moe said, adding …" the cue's subject, after "…, as Moe echoed it, saying …"
            # the subordinate clause's (none named there: no speaker)
            prior = _cue_at(words, c0 - 2)
            b = max((i for i in range(c0 - 1) if words[i][0] == ","), default=-1) + 1
            if prior is not None and prior[1] == c0 - 2:
                subj = _subject_before(words, prior[0])
            elif b < c0 - 2 and words[b][0].lower() in _PARTICIPLE_CLAUSES:
                subj = _clause_subject(words[b + 1:c0 - 1])
                if subj is None:
                    continue
            else:
                subj = _clause_subject(words[:c0 - 1])
        if subj is None and _c1 + 2 < len(words) and words[_c1 + 1][0] == "by" and c0 >= 1 and \
                words[c0 - 1][0].lower() in _PASSIVE_BE:
            # "The plan was described by Moe as “…”": the passive's agent speaks, not its
            # grammatical subject, when the quote follows the agent ("was denounced by X;
            # …; and declared “…”" is another clause, "was called by X to force" no speech)
            subj = _subject_after(words, _c1)
            if subj is not None and not all(w in _AGENT_TO_QUOTE for w, ws, _ in words
                                            if ws >= subj.end):
                subj = None
        if subj is None:
            plain = _subject_before(words, c0)
            subj = _participle_after_object(words, 0, c0, plain)
            if first_finite is None:  # (found once per call, in one pass: linear)
                first_finite = next((b for b, _ in _cue_in_words(words, from_end=False)
                                     if not words[b][0].endswith("ing")), len(words))
            if subj is not plain and first_finite < c0 - 1:
                # "Moe says that if he went there he would be yelling at people saying “…”":
                # the earlier cue reports the clause the quote is in
                continue
        if subj and (_can_speak(subj) or _reports_as_text(words, c0, subj)):
            if not words[c0][0].endswith("ing"):
                outer = _outer_report(words, c0, subj) or _according_to(words, c0, subj) \
                    or _parenthetical_report(words, c0, subj)
                if outer is not None:  # "Moe said Lapp called it “…”": Moe reports it
                    return outer, (c0, _c1), "before"
            return subj, (c0, _c1), "before"
    return _found_by_document(words) or _according_to_opening(words)


#: Inquiries: what studies something and reports what it found ("the audit", "a poll").
_INQUIRIES = frozenset({"poll", "audit", "review", "analysis", "inquiry", "investigation",
                        "probe", "assessment", "evaluation", "research"})
#: Texts and outlets that report words with a speech verb ("the ad argues that “…”", "the
#: tabloid noted that “…”"), beyond the speaker nouns: the document nouns, the inquiries and
#: the outlets.
_WRITTEN_SOURCES = frozenset(_DOCUMENT_NOUNS) | _INQUIRIES | {
    "ads", "textbook", "opinion", "campaign", "newspaper", "paper", "tabloid", "magazine",
    "page"}
#: Cues that tell a story as often as words ("the video tells the “lost” story").
_TELLS = frozenset({"tell", "tells", "told"})
#: Words after which a clause's subject opens ("In March, a report found", "but the study
#: found").
_SUBJECT_OPENERS = frozenset({",", ";", ":", "“", "”", '"', "—", "–", "and", "but", "And", "as",
                              "But", "that"})
#: What "found" a quoted finding: an inquiry, or a report, a study, a survey.
_FINDING_NOUNS = _INQUIRIES | {"report", "study", "survey", "memo", "ruling", "document"}


#: Prepositions: no adjective before a name ("Readers of the Lake Post").
_PREPOSITION_WORDS = frozenset({"of", "in", "at", "for", "from", "with", "by", "to", "on"})


def _reports_as_text(words, c0: int, subj: _Subject) -> bool:
    """Whether ``subj``, no speaker noun, still reports the quote of the cue at ``c0``: a
    document that "found" it ("The audit found that the fund had “…”"), or a text or an
    outlet that opens its clause and reports words with a speech verb ("One Lake Party ad
    argues that “…”"; not "the book tells the “lost” story", nor "Readers of the paper said").

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The audit found that".split())]
    >>> _reports_as_text(ws, 2, _Subject("The audit", 0, 2))
    True
    >>> ws = [(w, i, i + 1) for i, w in enumerate("Readers of the paper said".split())]
    >>> _reports_as_text(ws, 4, _Subject("the paper", 2, 4))
    False
    """
    cue = words[c0][0]
    phrase = subj.text.split()
    last = phrase[-1].lower()
    if cue in ("found", "finds") and last in _FINDING_NOUNS:
        return True
    return (last in _WRITTEN_SOURCES or _head(phrase) in _WRITTEN_SOURCES) and \
        not cue.endswith("ing") and cue not in _TELLS and \
        _subject_opening(words, c0, subj, _PHRASE_REACH) is not None


def _subject_opening(words, c0: int, subj: _Subject, reach: int) -> int | None:
    """Where ``subj`` (of the cue at ``c0``) starts, its article included, when it opens its
    clause (the sentence's start, a comma, and/but/that) within ``reach`` words; None when
    it is the object of a word before it ("Readers of [the paper] said", "Police
    investigating [the report] found").

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Readers of the paper said".split())]
    >>> _subject_opening(ws, 4, _Subject("the paper", 2, 4), 8)
    >>> _subject_opening(ws[2:], 2, _Subject("the paper", 2, 4), 8)
    0
    """
    first = subj.start if subj.origin is None else min(subj.start, subj.origin)
    s = next((i for i in range(max(0, c0 - reach - 1), c0) if words[i][1] >= first), c0)
    if c0 - s > reach:
        return None
    if c0 >= 1 and words[c0 - 1][0] in ("that", "which", "who"):
        return s  # "… an editorial that argues": the relative clause's antecedent
    a = s
    while words[s][0][:1].isupper() and a > 0 and s - a < 3 and \
            _LOWER_RUN.fullmatch(words[a - 1][0]) and words[a - 1][0] not in _DETERMINERS and \
            words[a - 1][0] not in _PREPOSITION_WORDS:
        a -= 1  # adjectives: "the nationalist Lake Times tabloid"
    if a > 0 and words[a - 1][0].lower() in _DETERMINERS:
        s = a - 1
    return s if s == 0 or words[s - 1][0] in _SUBJECT_OPENERS or \
        words[s - 1][0].lower() in _CLAUSE_OPENERS else None  # ("which an inquiry found")


def _found_by_document(words):
    """"A 2014 report by the Lake Institute found “…”": a finding quoted right after "found"
    or "finds" whose subject (within eight words, no comma between) is a report, a study,
    a poll or an inquiry (not "Moe found “a mess”"): that subject, its author when named.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The Lake audit found".split())]
    >>> _found_by_document(ws)[0].text
    'The Lake audit'
    >>> _found_by_document([(w, i, i + 1) for i, w in enumerate("Moe found".split())])
    """
    c0 = len(words) - 1
    if c0 >= 1 and words[c0][0] == "that":
        c0 -= 1
    if c0 < 1 or words[c0][0] not in ("found", "finds"):
        return None
    j = c0 - 1
    while j > 0 and c0 - j <= 2 and words[j][0] in _ADVERBS:
        j -= 1  # "The audit also found"
    subj = _subject_before(words, c0)
    if subj is None:
        return None
    s = _subject_opening(words, c0, subj, 8)
    if s is None:
        return None
    by = next((i for i in range(s + 1, j) if words[i][0] == "by"), None)
    head = words[j][0] if by is None else words[by - 1][0]
    if head.lower() not in _FINDING_NOUNS:
        return None  # the subject's own noun, opening its clause: not "Ann Moe read the
        # report and found", "Readers of the report found", "Police investigating the report
        # found"
    return subj, (c0, c0), "before"


def _according_to_opening(words):
    """"According to X, …" opening the clause a partial quote is in, with no cue of its own
    ("According to Moe, the plan is now “the worst idea yet.”"): X, who reports it.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("But according to Ann Moe , it is".split())]
    >>> _according_to_opening(ws)[0].text
    'Ann Moe'

    Set off by commas inside the clause, it reports the clause as well ("The plan, according
    to Moe, is “…”"):

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The plan , according to Ann Moe , is".split())]
    >>> _according_to_opening(ws)[0].text
    'Ann Moe'
    """
    for i in range(len(words) - 3):
        if _opens_according(words, i) and (i < 3 or words[i - 1][0] == ","):
            src = _according_source(words, i)
            if src is None or not any(w == "," and s >= src.end for w, s, _ in words[i + 2:i + 14]):
                return None
            if i >= 3 and not (_named_source(src) or _can_speak(src)):
                return None  # "The budget, according to the rules, was “…”": no source
            return src, (i, i + 1), "before"
    return None


def _participle_after_object(words, lead: int, c0: int, subj: _Subject | None):
    """The subject of a participle cue at ``c0`` with no comma before it that follows the
    object of a preposition ("Lapp answered the question on the radio writing, “…”", "Reed
    wrote a letter to Ann Lapp asking …"): the clause's subject (a name or he/she/they),
    not the object; ``subj`` otherwise.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Tom Reed wrote to Ann Lapp asking".split())]
    >>> _participle_after_object(ws, 0, 6, _Subject("Ann Lapp", 4, 6)).text
    'Tom Reed'
    """
    if subj is None or words[c0][0] not in _PARTICIPLES or c0 < 2 or \
            words[c0 - 1][0] in (",", ":", "—", "–", "-", "--"):
        return subj
    k = c0 - 1
    while k > lead and c0 - k <= _PHRASE_REACH and words[k][1] >= subj.start:
        k -= 1  # the word before the phrase found
    if k > lead and words[k][0].lower() in _DETERMINERS:
        k -= 1  # "to the Lake Post"
    if words[k][1] >= subj.start or words[k][0] not in _OBJECT_PREPS:
        return subj
    clause = _clause_subject(words[lead:min(k, lead + _CLAUSE_REACH)])  # (bounded: linear)
    if clause is None or clause.end > words[k][1] or not (
            clause.text[:1].isupper() or clause.text.lower() in ("he", "she", "they")):
        return subj
    i = next((i for i in range(lead, k) if words[i][1] == clause.start), None)
    if i is None or (i > lead and words[i - 1][0] != ","):
        return subj  # the subject opens the clause (or follows a lead-in's comma)
    return clause


#: How far back the phrase before a participle is walked, and how many words of the clause
#: are read for its subject (each participle reads a bounded stretch: linear).
_PHRASE_REACH = 12
_CLAUSE_REACH = 24
#: Prepositions whose object a participle after it does not take as its subject ("with" is
#: left out: "with Moe calling it “…”" makes Moe the participle's subject).
_OBJECT_PREPS = {"on", "in", "at", "to", "from", "into", "onto", "about", "during"}


#: Report verbs that take a reported clause with a report of its own ("Moe said Lapp called
#: it “…”"): who reports the report is the source.
_OUTER_REPORTS = {"said", "says", "told", "tells", "wrote", "writes", "reported", "reports",
                  "noted", "notes", "claimed", "claims", "recalled", "recalls", "added",
                  "explained", "insisted", "argued", "testified", "acknowledged"}
#: Subjects of the inner cue that keep their own resolution (a pronoun names its antecedent).
_INNER_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}


def _outer_report(words, c0: int, subj: _Subject) -> _Subject | None:
    """The subject of a report verb whose reported clause opens with ``subj`` (the subject of
    the cue at ``c0``): "Ann Moe said that Dan Lapp called it “…”" → Ann Moe, who reports
    Lapp's words. Between the report verb and ``subj`` only "that" (or a short adverbial
    ending in "that"); the look-back is bounded (14 words). A pronoun ``subj`` is kept
    (its antecedent is found where pronouns are resolved).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Ann Moe said Dan Lapp called it".split())]
    >>> _outer_report(ws, 5, _Subject("Dan Lapp", 3, 5)).text
    'Ann Moe'
    >>> _outer_report(ws[3:], 2, _Subject("Dan Lapp", 3, 5)) is None
    True
    """
    if subj.text.lower() in _INNER_PRONOUNS:
        return None  # "Lee’s aide said she called it “…”": whom "she" stands for is kept
    s = c0
    lo = max(0, c0 - 14)
    while s > lo and words[s - 1][1] >= subj.start:
        s -= 1
    if s >= c0 or words[s][1] != subj.start:
        return None
    k = s - 1
    if k >= 1 and words[k][0] == "that":
        k -= 1
        while k > lo and words[k][0].lower() not in _OUTER_REPORTS and \
                _LOWER_RUN.fullmatch(words[k][0].lower()) and s - k <= 10:
            k -= 1  # "Moe said during a rally in May that …"
    if k < 1 or words[k][0] not in _OUTER_REPORTS or _noun_cue(words, k):
        return None
    outer = _subject_before(words, k)
    if outer is None or outer.start >= subj.start or not _can_speak(outer):
        return None
    return outer


#: Cues that name whom a question or a message was put to, as a participle or a passive.
_ADDRESS_CUES = frozenset({"asked", "told", "pressed", "questioned"})
#: What follows such a participle in a lead-in ("Asked about …", "Pressed on whether …").
_ADDRESS_OBJECTS = frozenset({"about", "whether", "if", "why", "how", "what", "when", "for",
                              "to", "on", "during", "at", "in", "by"})


def _addressed(words, c0: int) -> bool:
    """Whether the cue at ``c0`` names the one a question was put to, not a speaker: a lead-in
    participle ("Asked about Lapp, Moe was blunt:"), one set off by commas ("Moe, asked
    about it, was blunt:"), or a passive with no agent ("At the hearing, Moe was asked:").

    >>> ws = [(w, i, i + 1) for i, w in enumerate("Asked about Lapp , Moe was blunt :".split())]
    >>> _addressed(ws, 0), _addressed([(w, i, i + 1) for i, w in enumerate(
    ...     "Moe was asked :".split())], 2), _addressed([(w, i, i + 1) for i, w in enumerate(
    ...     "Moe asked :".split())], 1)
    (True, True, False)
    """
    w = words[c0][0].lower()
    if w not in _ADDRESS_CUES:
        return False
    nxt = words[c0 + 1][0] if c0 + 1 < len(words) else ""
    if (c0 == 0 or words[c0 - 1][0] == ",") and nxt in _ADDRESS_OBJECTS:
        return True
    return c0 >= 1 and words[c0 - 1][0].lower() in _PASSIVE_BE and nxt != "by"


def _quoted_as(words, c0: int) -> _Subject | None:
    """Whose words "quoted … as saying" gives, for the participle at ``c0``: the object of an
    active "quoted" ("The Post quoted Ann Moe as saying …" → Ann Moe), the subject of a
    passive one ("Ann Moe was quoted by the Post as saying …" → Ann Moe). The look-back is
    bounded (12 words).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The Post quoted Ann Moe as saying".split())]
    >>> _quoted_as(ws, 6).text
    'Ann Moe'
    >>> ws = [(w, i, i + 1) for i, w in enumerate("Ann Moe was quoted as saying".split())]
    >>> _quoted_as(ws, 5).text
    'Ann Moe'
    """
    if c0 < 3 or words[c0][0] not in ("saying", "telling", "stating") or \
            words[c0 - 1][0] != "as":
        return None
    q = next((i for i in range(c0 - 2, max(c0 - 14, -1), -1) if words[i][0] == "quoted"), None)
    if q is None:
        return None
    if q >= 1 and (words[q - 1][0].lower() in _PASSIVE_BE or words[q - 1][0] == ","):
        # ("Reed was quoted by …", "Reed, quoted by the Times as saying …")
        return _clause_subject(words[:q - 1])
    subj = _subject_after(words[:c0 - 1], q)
    return subj if subj is not None and (subj.text[:1].isupper() or _can_speak(subj)) else None


#: Report verbs of an inverted aside ("The problem, says Tom Reed, is …").
_ASIDE_REPORTS = frozenset({"says", "said", "argues", "argued", "notes", "noted", "adds",
                            "added", "writes", "wrote", "explains", "explained"})


def _inverted_aside(words, c0: int, c1: int, until: int | None = None) -> _Subject | None:
    """The subject of an inverted report set off by commas inside the clause, before a
    partial quote: "The problem, says Tom Reed, a historian, is that “…”" → Tom Reed; the
    aside closes with a comma within 16 words of the cue, and no other clause opens between
    it and the quote (at ``until``, else the words' end) (bounded).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The problem , says Tom Reed , is that".split())]
    >>> _inverted_aside(ws, 3, 3).text
    'Tom Reed'
    >>> _inverted_aside([(w, i, i + 1) for i, w in enumerate("Moe says , Reed".split())], 1, 1)
    """
    if c0 < 2 or words[c0 - 1][0] != "," or words[c0][0] not in _ASIDE_REPORTS or \
            c1 + 2 >= len(words) or not words[c1 + 1][0][:1].isupper():
        return None
    close = next((i for i in range(c1 + 2, min(len(words), c1 + 18)) if words[i][0] == ","),
                 None)
    if close is None or any(w in ("but", "and", "while", "whereas", "yet", ";", ":") and
                            (until is None or ws < until)
                            for w, ws, _ in words[close + 1:close + 60]):
        return None  # ("Sales, says Reed, are up, but rivals call it “…”": another clause)
    subj = _subject_after(words, c1)
    if subj is None or not subj.text[:1].isupper() or subj.text.lower() in _INNER_PRONOUNS:
        return None
    return subj


def _parenthetical_report(words, c0: int, subj: _Subject) -> _Subject | None:
    """The subject of a report set off by commas between ``subj`` and the cue at ``c0``:
    "The Herald, Ann Moe said, called it “…”" → Ann Moe, who reports the Herald's words (as
    "Ann Moe said the Herald called it" does). Only a report verb right before the cue's
    comma, and a subject of at most six words after the opening comma (bounded).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("The Herald , Ann Moe said , called it".split())]
    >>> _parenthetical_report(ws, 7, _Subject("Herald", 1, 2)).text
    'Ann Moe'
    >>> ws = [(w, i, i + 1) for i, w in enumerate("The Herald , a daily , called it".split())]
    >>> _parenthetical_report(ws, 5, _Subject("Herald", 1, 2)) is None
    True
    """
    e = c0 - 1
    while e > 0 and c0 - e <= 2 and _ADVERB.match(words[e][0]):
        e -= 1  # "The council, Moe said, had called it"
    v = e - 1
    if v < 3 or words[e][0] != "," or words[v][0] not in _OUTER_REPORTS:
        return None
    o = next((i for i in range(v - 1, max(v - 8, -1), -1) if words[i][0] == ","), None)
    if o is None or o + 1 >= v or words[o - 1][2] > subj.end or words[o - 1][1] < subj.start:
        return None  # the opening comma must follow the cue's subject
    outer = _subject_before(words[:v + 1], v)
    if outer is None or outer.start != words[o + 1][1] or not _can_speak(outer):
        return None
    return outer


def _according_to(words, c0: int, subj: _Subject) -> _Subject | None:
    """The source of "According to X, Y said …" when the cue at ``c0`` has the subject ``subj``
    right after that comma: X reports Y's words (a quote that opens after it is X's already).
    The look-back is bounded (24 words).

    >>> ws = [(w, i, i + 1) for i, w in enumerate("According to the Daily Star , Moe said".split())]
    >>> _according_to(ws, 7, _Subject("Moe", 6, 7)).text
    'Daily Star'
    """
    s = c0
    lo = max(0, c0 - 24)
    while s > lo and words[s - 1][1] >= subj.start:
        s -= 1
    if s < 3 or s >= c0 or words[s][1] != subj.start or words[s - 1][0] != ",":
        return None
    for i in range(s - 3, max(-1, s - 16), -1):
        w = words[i][0]
        if w in (",", ";", ":", ".", "—", "–"):
            return None
        if _opens_according(words, i):
            src = _according_source(words, i)
            if src is None or src.end > words[s - 1][1] or not _named_source(src):
                return None  # "According to court records, Moe said": Moe, not the records
            return src
    return None


def _opens_according(words, i: int) -> bool:
    """Whether words ``i`` and ``i + 1`` are "according to" (any case for the first)."""
    return words[i][0].lower() == "according" and words[i + 1][0] == "to"


def _according_source(words, i: int) -> _Subject | None:
    """The X of "according to X" opened at word ``i`` (see :func:`_opens_according`), its
    appositive dropped (the source alone), or None when no subject follows.

    >>> ws = [(w, i, i + 1) for i, w in enumerate("according to Ann Moe , a nurse".split())]
    >>> src = _according_source(ws, 0)
    >>> src.text, src.appositive
    ('Ann Moe', None)
    """
    src = _subject_after(words, i + 1)
    if src is not None:
        src.appositive = None
    return src


def _named_source(src: _Subject) -> bool:
    """Whether the X of "according to X" carries a name (a capitalised word past its
    determiner: a person, outlet or body, "an Associated Press account"), so it may take a
    quote from the subject it reports; "court records", "his spokesman" or "a statement"
    do not.

    >>> [_named_source(_Subject(t, 0, 1)) for t in ("The Blaze", "an AP account",
    ...                                               "court records", "his aide", "The")]
    [True, True, False, False, False]
    """
    return any(w[:1].isupper() for w in src.text.split() if w.lower() not in _DETERMINERS)


#: Forms of "be" before a passive participle ("was described by …").
_PASSIVE_BE = {"was", "were", "is", "are", "been", "being", "be"}
#: What may stand between a passive's agent and the quote it speaks ("… by Moe as “…”").
_AGENT_TO_QUOTE = {"as", ",", ":", "that", "a", "an", "the"}




def _in_subordinate(words, c0: int) -> bool:
    """Whether the cue at ``c0`` sits in a subordinate clause (not closed by a comma before
    ``c0``) opened after an earlier cue: "Moe said that once the Senate goes on …".

    >>> ws = [(w, 0, 0) for w in "Moe said that once the Senate goes on".split()]
    >>> _in_subordinate(ws, 6), _in_subordinate(ws[:2] + ws[4:], 4), _in_subordinate(ws[3:], 3)
    (True, False, False)
    """
    for b in range(c0 - 1, 0, -1):
        w = words[b][0]
        if w in (",", ";", ":", "—", "–"):
            return False
        if w.lower() in _SUBORDINATE_OPENERS:
            return next(_cue_in_words(words[:b]), None) is not None
    return False


class _FiniteCues:
    """The cues of a sentence's words that do not end in -ing, found in one pass, so the
    finite cue before each participle ("Cruz said that …, adding that …") is a bisection,
    not a new scan of everything before it.

    >>> ws = [(w, 0, 0) for w in "Moe said it , adding more , noting more".split()]
    >>> f = _FiniteCues(ws)
    >>> f.last_before(4), f.last_before(7), f.last_before(1)
    ((1, 1), (1, 1), None)
    """

    def __init__(self, words):
        self.words = words
        self.verbs: list[tuple[int, int]] = []
        self.nouns: list[tuple[int, int]] = []
        for i in range(len(words)):
            cue = _cue_at(words, i)
            if cue and not words[i][0].endswith("ing"):
                (self.nouns if _noun_cue(words, i) else self.verbs).append(cue)
        self.verb_starts = [c[0] for c in self.verbs]
        self.noun_starts = [c[0] for c in self.nouns]

    def last_before(self, c0: int) -> tuple[int, int] | None:
        """The cue ``next(_cue_in_words(words[:c0]))`` not ending in -ing would give: the
        last verb before ``c0``, else the last noun. The word right before ``c0`` is read
        without the word after it (a two-word cue cannot run into ``c0``)."""
        if c0 < 1:
            return None
        tail = self.words[max(0, c0 - 2):c0]
        t = len(tail) - 1
        last = _cue_at(tail, t)
        if last is not None and tail[t][0].endswith("ing"):
            last = None
        last_noun = last is not None and _noun_cue(tail, t)
        if last is not None:
            last = (c0 - 1, c0 - 1 + last[1] - last[0])
        if last is not None and not last_noun:
            return last
        k = bisect_left(self.verb_starts, c0 - 1)
        if k:
            return self.verbs[k - 1]
        if last is not None:
            return last
        k = bisect_left(self.noun_starts, c0 - 1)
        return self.nouns[k - 1] if k else None


def _sentence_cue(text: str, start: int, end: int, index: _Index,
                  registry: Registry | None = None) -> tuple[_Subject, str, int] | None:
    """A speaker + cue in a sentence (outside its quotes), last one first. A participle cue
    ("…, calling it “…”") takes the first person or organisation named in the sentence.

    Computed once per sentence (a sentence holding many quotes is not read again for each)."""
    key = (start, end, registry is not None)
    if key not in index.cue_cache:
        index.cue_cache[key] = _sentence_cue_uncached(text, start, end, index, registry)
    found = index.cue_cache[key]
    if found is None:
        return None
    subj, cue, cue_start = found
    return _Subject(subj.text, subj.start, subj.end, subj.appositive, subj.role,
                    subj.origin), cue, cue_start


def _sentence_cue_uncached(text: str, start: int, end: int, index: _Index,
                           registry: Registry | None) -> tuple[_Subject, str, int] | None:
    words = [w for w in _words(text, start, end) if not index.in_marks(w[1])]
    finite = None  # the sentence's cues not ending in -ing, found once when first needed
    for c0, c1 in _cue_in_words(words):
        cue = " ".join(x[0] for x in words[c0:c1 + 1])
        if words[c0][0].endswith("ing"):
            # "Cruz said that …, adding that …": the finite cue before the participle
            # names its subject (else the first person or organisation of the sentence)
            if finite is None:
                finite = _FiniteCues(words)
            prior = finite.last_before(c0)
            subj = _subject_before(words, prior[0]) if prior is not None else None
            if subj is not None and _can_speak(subj):
                return subj, cue, words[c0][1]
            if registry is not None:
                first = registry.first_between(start, words[c0][1])
                if first is not None:
                    return _Subject(first.text, first.start, first.end), cue, words[c0][1]
            continue
        if _hypothetical_before_quote(text, words, c0, index):
            continue
        subj = _subject_before(words, c0)
        if subj is None:
            k = bisect_left(index.mark_starts, words[c1][2])  # the first quote after the cue
            first_mark = index.marks[k][0] if k < len(index.marks) else end
            aside = _inverted_aside(words, c0, c1, first_mark)
            if aside is not None and first_mark < end:
                subj = aside  # (an aside before a quote of the sentence, not one closing it)
        if subj:
            return subj, cue, words[c0][1]
    return None


def _hypothetical_before_quote(text: str, words, c0: int, index: _Index) -> bool:
    """Whether the cue at ``c0`` is "may/might/could/should/must say" right before a quote
    (or its comma or colon): speech that may never be made has no speaker, read here as in
    :func:`_subject_before` (whose words hold the quote marks; a sentence's words here do
    not). A reflexive may stand between ("Moe herself might say")."""
    if not _modal_say(words, c0):
        return False
    pos = words[c0][2]
    stop = min(pos + 4, len(text))  # (a comma or colon and a space, at most: bounded)
    while pos < stop and text[pos] in " \t\xa0,:":
        pos += 1
    return pos < len(text) and index.in_marks(pos)
