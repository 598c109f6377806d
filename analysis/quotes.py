"""Quotes: detection with offsets, attribution to speakers, and quote share.

Detection (per paragraph, :func:`find_quote_spans`)
    Double quotes: curly “ ”, straight ", low „ (closed by “ or ”) and « ». A straight " opens
    after start of paragraph, white space or an opening bracket/dash, and closes otherwise.
    Single quotes ‘ ’ (or ') inside a double quote are part of its text; an apostrophe between
    letters or after an s (Kenya’s, they’ve, farmers’, don't) is never a quote mark. A paragraph
    with no double quote may use ‘ … ’ as its quote marks (British style).
    Newswire convention: a paragraph whose quote is still open at its end continues into the next
    paragraph when that one opens with a quote mark; the parts share a ``quote_id``. Otherwise the
    open quote is *unbalanced*: it is kept to the end of its own paragraph and flagged, never
    allowed to swallow the rest of the article. A stray closing mark is reported as a warning.
Kinds
    ``direct`` — a quote that opens its clause (at the start of a sentence or after ``,`` / ``:``);
    ``partial`` — a quote embedded in narration with a speech cue in its sentence ("He called it
    “the hard part”"), or longer than :data:`SCARE_MAX_WORDS` words; ``scare`` — a short quoted
    phrase with no speech cue (scare quotes, titles, slogans); ``indirect`` — reported speech
    without quote marks ("Blinken noted that …", "According to Okello, …", "…, she said.").
    Speech share counts ``direct`` and ``partial`` quotes; ``indirect`` only on request.
Attribution (first rule that applies)
    1. a cue right after the quote: ``“…,” Ruto said`` / ``“…,” said Ortiz, a former minister``;
    2. a cue before it in the same sentence: ``He remarked, “…”`` / ``According to X, “…”`` /
       ``Ruto told reporters: “…”``;
    3. a continuation: an earlier quote in the same paragraph, or the previous part of a
       multi-paragraph quote (``“A,” she said. “B.”``);
    4. a cue in the sentence before the quote.
    The subject next to the cue is resolved by :mod:`analysis.speakers` (names, aliases,
    pronouns, officials, organisations, documents); no subject found → speaker ``None``,
    counted as *unattributed*.

Every quote has ``start``/``end`` offsets of its words inside the marks, so
``article.text[start:end] == text``.

>>> from analysis.text import article_from_text
>>> art = article_from_text("Mr. John Otieno spoke. “We will win,” he said. “It is early.”", "x")
>>> for q in extract_quotes(art):
...     print(q.text, q.speaker, q.kind, q.position, sep=" | ")
We will win, | John Otieno | direct | after
It is early. | John Otieno | direct | continuation
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

import pandas as pd

from analysis.speakers import (
    AFFILIATION_DEMONYMS,
    HONORIFIC_GENDER,
    NOT_NAME,
    ORG_ACRONYMS,
    ORG_WORDS,
    TITLE_WORDS,
    TITLES,
    Entity,
    Mention,
    Registry,
    find_entities,
    first_names,
)
from analysis.text import WORD_PATTERN, Article
from analysis.topics import place_in

#: Quoted phrases up to this many words with no speech cue are scare quotes.
SCARE_MAX_WORDS = 4
SPEECH_KINDS = ("direct", "partial")
UNATTRIBUTED = "(unattributed)"
#: The affiliation share's label for a known speaker whose affiliation the article does not state
#: (quotes with no speaker stay ``(unattributed)``).
NO_AFFILIATION = "no affiliation stated"

_VERBS = [
    "say", "tell", "state", "remark", "note", "add", "emphasize", "emphasise", "explain", "argue",
    "ask", "urge", "warn", "write", "insist", "declare", "announce", "observe", "continue",
    "reply", "respond", "recall", "acknowledge", "admit", "concede", "claim", "maintain",
    "stress", "affirm", "assure", "suggest", "tweet", "post", "comment", "caution", "predict",
    "promise", "vow", "pledge", "boast", "complain", "lament", "quip", "joke", "shout",
    "whisper", "conclude", "reiterate", "highlight", "underscore", "describe", "call", "term",
    "label", "dub", "point out", "go on", "exclaim", "agree", "counter", "elaborate",
    "express", "articulate", "recount", "confirm", "deny", "refer to", "slam", "report",
    "question", "answer", "cite", "praise", "hail", "tout", "grouse", "blast", "chant", "yell",
    "wonder",
    # attribution verbs of real news (issue 12, class 3): heated, loud and critical speech
    "fume", "gush", "interject", "chime in", "blurt out", "cry", "accuse", "blame", "criticize",
    "criticise", "dismiss", "proclaim", "assert", "condemn", "denounce", "decry", "bemoan",
    "deride", "mock", "scream", "mutter", "allege", "put it", "echo",
]
_IRREGULAR = {"say": ["said", "says", "say"], "tell": ["told", "tells", "tell"],
              "refer to": ["referred to", "refers to"], "put it": ["put it", "puts it"],
              "term": ["termed"], "label": ["labeled", "labelled"],
              "slam": ["slammed", "slams"], "cry": ["cried", "cries"],
              # verbs that are also nouns: past tense only ("reports" is usually a noun)
              "report": ["reported"], "question": ["questioned"], "answer": ["answered"],
              "cite": ["cited"], "praise": ["praised"], "hail": ["hailed"],
              "tout": ["touted", "touts"], "grouse": ["groused"], "blast": ["blasted", "blasts"],
              "chant": ["chanted"], "yell": ["yelled", "yells"], "wonder": ["wondered"],
              "write": ["wrote", "writes", "write"], "go on": ["went on", "goes on"]}


def _forms(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if " " in verb:
        head, tail = verb.split(" ", 1)
        return [f"{f} {tail}" for f in _forms(head) if f]
    if verb.endswith("e"):
        return [verb + "d", verb + "s"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb[:-1] + "ied", verb[:-1] + "ies"]
    if verb in ("quip", "dub", "label"):
        return [verb + verb[-1] + "ed", verb + "ed", verb + "s"]
    return [verb + "ed", verb + "s", verb + "es" if verb.endswith(("sh", "ss", "ch")) else ""]


#: Participles that introduce quoted words after a comma ("…, calling it “a fabrication”").
_PARTICIPLES = ["calling", "describing", "saying", "adding", "noting", "warning", "insisting",
                "telling", "urging", "arguing", "claiming", "stressing", "accusing", "terming",
                "dubbing", "labelling", "labeling", "accusing", "chanting", "citing",
                "referring to", "blaming", "mocking", "declaring", "denouncing", "stating",
                "admitting", "shouting", "yelling", "explaining", "asking"]
SPEECH_CUES = sorted({f for v in _VERBS for f in _forms(v) if f} | set(_PARTICIPLES), key=len,
                     reverse=True)
_CUE = "|".join(re.escape(c) for c in SPEECH_CUES)
CUE_RE = re.compile(rf"\b(?:{_CUE})\b")
_ADVERB = re.compile(r"^(?:also|later|then|again|further|simply|quickly|had|has|have|once|"
                     r"previously|earlier|recently|repeatedly|[a-z]+ly)$")
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one",
                "another", "some", "several", "two", "three", "many"}
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "him": "m", "her": "f"}
_SPEAKER_NOUNS = {
    "official", "officials", "spokesperson", "spokesman", "spokeswoman", "spokespeople",
    "analyst", "analysts", "minister", "ministry", "statement", "communiqué", "communique",
    "report", "forum", "police", "government", "witness", "witnesses", "residents", "resident",
    "diplomat", "diplomats", "source", "sources", "aide", "aides", "lawmaker", "lawmakers",
    "activist", "activists", "expert", "experts", "organisers", "organizers", "leader",
    "leaders", "authorities", "agency", "office", "embassy", "department", "committee",
    "council", "group", "campaigners", "critics", "observers", "protesters", "doctors",
    "farmers", "workers", "president", "secretary", "envoy", "ambassador", "governor",
    "senator", "director", "chairman", "chairwoman", "chair", "commander", "general",
    "officer", "officers", "letter", "declaration", "document", "memo",
    "resolution", "charity", "organisation", "organization", "union", "company", "firm",
    "bank", "survey", "study", "website", "post", "tweet", "judge", "court", "prosecutor",
    "prosecutors", "lawyer", "lawyers", "mayor", "people", "delegation", "team", "coalition",
    "groups", "organisations", "organizations", "unions", "parties", "party", "commission",
    "coordinator", "villagers", "students", "teachers", "nurses", "traders",
    "chairperson", "ceo", "executive", "head", "chief", "commissioner", "premier",
    "legislator", "mp", "candidate", "founder", "owner", "manager", "representative",
    "negotiator", "adviser", "advisor", "professor", "lecturer", "researcher", "attorney",
    "magistrate", "colonel", "captain", "sergeant", "inspector", "editor", "reporter",
    "nurse", "doctor", "teacher", "farmer", "student", "mother", "father", "woman", "man",
    "worker", "trader", "driver", "soldier", "survivor", "victim", "villager", "pastor",
    "patient", "parent", "parents", "voter", "voters", "fan", "fans", "coach", "player",
    "economists", "economist", "scientists", "researchers", "investigators", "agencies",
    "ministries", "governments", "embassies", "companies", "charities", "statements", "reports",
}
_DOCUMENT_NOUNS = {"statement", "communiqué", "communique", "report", "letter", "declaration",
                   "document", "memo", "resolution", "survey", "study", "website", "post",
                   "tweet", "press release", "release", "filing", "ruling"}
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Del|Gen|Lt|Col|Maj|Capt|Sgt|Prof|"
                   r"Rev|Amb|Jr|Sr|St)\.|[A-Z]\.(?=\s+[A-Z])|[^\W_][\w’'\-]*|[^\s\w]")
_OPEN_D = "“„«"
_CLOSE_D = "”»"
_BEFORE_OPEN = set(" \t\n([{—–-/")


@dataclass
class QuoteSpan:
    """One quoted stretch inside one paragraph (a multi-paragraph quote has several)."""

    block: int
    open_mark: int  # offset of the opening mark
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    close_mark: int | None  # offset of the closing mark, None when the paragraph ends open
    quote_id: int = 0
    part: int = 0
    continues: bool = False  # the quote goes on in the next paragraph
    unbalanced: bool = False


@dataclass
class Quote:
    quote_id: int
    part: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    affiliation: str | None
    cue: str | None
    cue_start: int | None
    position: str | None  # after, before, colon, continuation, previous-sentence, indirect
    mention: str | None  # the words that name the speaker next to the cue
    block: int
    unbalanced: bool = False
    continues: bool = False
    flags: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- detection


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # Kenya’s, they’ve, don't
    if before in "sS" and not after.isalnum():
        return True  # farmers’ (possessive plural)
    if not before.isalnum() and after.isdigit():
        return True  # ’90s
    return False


_DOUBLE_MARK = re.compile(r"""''(?!')|``|[“”„«»"]""")
_SINGLE_MARK = re.compile(r"[‘’']")
#: Two-character marks of wire and archive text and the one-character mark they act as.
_ASCII_DOUBLE = {"``": "“", "''": '"'}


def _scan_double(text: str, start: int, end: int):
    """Yield (offset, mark) for each double quote mark in text[start:end]; ``…'' and ''…''
    (two apostrophes) are double quotes too, reported as the mark they act as (“ and ")."""
    for m in _DOUBLE_MARK.finditer(text, start, end):
        yield m.start(), _ASCII_DOUBLE.get(m.group(), m.group())


def _mark_len(text: str, i: int) -> int:
    return 2 if text.startswith(("''", "``"), i) else 1


def find_quote_spans(article: Article) -> tuple[list[QuoteSpan], list[str]]:
    """Quote spans of every paragraph, linked across paragraphs; plus warnings.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“First part of it.\\n“Second part,” she said.", "x")
    >>> spans, warnings = find_quote_spans(art)
    >>> [(art.text[s.start:s.end], s.quote_id, s.part, s.continues) for s in spans]
    [('First part of it.', 0, 0, True), ('Second part,', 0, 1, False)]
    """
    text = article.text
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    paragraphs = article.paragraphs
    next_id = 0
    pending: QuoteSpan | None = None  # an open quote from the previous paragraph
    for pi, block in enumerate(paragraphs):
        b_start, b_end = block.start, block.end
        para_spans: list[QuoteSpan] = []
        open_at: int | None = None
        open_char = ""
        open_start = 0
        marks = list(_scan_double(text, b_start, b_end))
        nested = False  # a straight "…" pair nested inside a curly quote
        for i, c in marks:
            if nested:
                nested = c != '"'
                continue
            after = i + _mark_len(text, i)  # first character after the mark
            if open_at is None:
                opening = c in _OPEN_D or (
                    c in '"”' and (i == b_start or text[i - 1] in _BEFORE_OPEN)
                    and after < b_end and not text[after].isspace()
                    and (c == '"' or text[after].isalnum())  # ”Fear. … – a reversed mark
                )
                if opening:
                    open_at, open_char, open_start = i, c, after
                else:
                    warnings.append(f"paragraph {block.index}: closing quote mark at offset {i} "
                                    "without an opening one")
            else:
                if c == '"' and open_char in "“«„" and text[i - 1] in _BEFORE_OPEN and \
                        after < b_end and text[after].isalnum():
                    nested = True  # “He said "no" to me,” – an inner quote, not the close
                    continue
                closes = (
                    c in _CLOSE_D or c == '"' or (c == "“" and open_char == "„")
                    or (c == "“" and (after >= b_end or not text[after].isalnum())
                        and not text[i - 1].isspace())  # “expedited review“ – a typo'd close
                )
                if c in "“«" and open_char not in "„" and not closes and not (
                    after >= b_end or not text[after].isalnum()
                ):
                    # a new opening mark while one is open: the first was never closed
                    para_spans.append(QuoteSpan(block.index, open_at, open_start, i, None,
                                                unbalanced=True))
                    warnings.append(f"paragraph {block.index}: quote opened at offset {open_at} "
                                    "is not closed before the next one opens")
                    open_at, open_char, open_start = i, c, after
                    continue
                if closes:
                    # a two-character closing mark: close_mark is its last character
                    para_spans.append(QuoteSpan(block.index, open_at, open_start, i, after - 1))
                    open_at = None
        if open_at is None:
            para_spans.extend(_single_quote_spans(text, block, para_spans))
            para_spans.sort(key=lambda q: q.open_mark)
        if open_at is not None:
            para_spans.append(QuoteSpan(block.index, open_at, open_start, b_end, None))
        # link with a quote left open by the previous paragraph
        if pending is not None:
            first = para_spans[0] if para_spans else None
            if first is not None and first.open_mark == _first_nonspace(text, b_start, b_end):
                first.quote_id, first.part = pending.quote_id, pending.part + 1
            else:
                pending.unbalanced = True
                pending.continues = False
                warnings.append(f"paragraph {pending.block}: quote opened at offset "
                                f"{pending.open_mark} is never closed")
            pending = None
        for s in para_spans:
            if s.part == 0:
                s.quote_id = next_id
                next_id += 1
        if para_spans and para_spans[-1].close_mark is None and not para_spans[-1].unbalanced:
            last = para_spans[-1]
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and text[_first_nonspace(text, nxt.start, nxt.end)] in (
                _OPEN_D + '"'
            ) or nxt is not None and text.startswith(("''", "``"),
                                                     _first_nonspace(text, nxt.start, nxt.end)):
                last.continues = True
                pending = last
            else:
                last.unbalanced = True
                warnings.append(f"paragraph {block.index}: quote opened at offset "
                                f"{last.open_mark} is never closed; kept to its paragraph")
        spans.extend(para_spans)
    return spans, warnings


def _first_nonspace(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _single_quote_spans(text: str, block, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘…’ or '…' used as primary quote marks, outside the paragraph's double quotes."""
    out = []
    open_at = None
    inside = sorted((d.open_mark, d.close_mark if d.close_mark is not None else d.end)
                    for d in doubles)
    inside_starts = [a for a, _ in inside]
    for m in _SINGLE_MARK.finditer(text, block.start, block.end):
        i, c = m.start(), m.group()
        k = bisect_right(inside_starts, i) - 1
        if k >= 0 and i <= inside[k][1]:
            continue
        prev = text[i - 1] if i > block.start else " "
        nxt = text[i + 1] if i + 1 < block.end else " "
        if open_at is None:
            if c in "‘'" and not prev.isalnum() and (nxt.isalpha() or nxt in "…"):
                open_at = i
        elif c in "’'" and not prev.isspace() and not nxt.isalnum() and (
                not _is_apostrophe(text, i) or not prev.isalnum() or prev in "sS"):
            # with a quote open, "opportunities' for" / "NHS'." close it rather than being
            # a plural possessive
            out.append(QuoteSpan(block.index, open_at, open_at + 1, i, i))
            open_at = None
    return out


# --------------------------------------------------------------------------- attribution


@dataclass
class _Subject:
    text: str
    start: int
    end: int
    appositive: str | None = None
    role: str | None = None  # descriptive words before a name ("government spokesman")
    origin: int | None = None  # where the whole phrase starts, when the name is inside it


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m[0], *m.span()) for m in _WORD.finditer(text, start, end)]


def _cue_at(words, i) -> tuple[int, int] | None:
    """If a speech cue starts at word i, return (first, last) word index of the cue."""
    w = words[i][0]
    if i == 0 and w in ("Said", "Says", "Added", "Asked", "Wrote"):  # "Said Amina Noor, …"
        w = w.lower()
    if i + 1 < len(words) and f"{w} {words[i + 1][0]}" in _CUE_SET:
        return i, i + 1
    if w in _CUE_SET:
        return i, i
    return None


_CUE_SET = set(SPEECH_CUES)


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or w in ("of", "de", "van", "von", "bin", "al", "wa", "ole")


def _subject_before(words, cue_first: int) -> _Subject | None:
    """The subject phrase ending right before the cue word at ``cue_first``."""
    j = cue_first - 1
    while j >= 0 and _ADVERB.match(words[j][0]) and words[j][0][:1].islower() and not (
            j > 0 and words[j - 1][0].lower() in _DETERMINERS):  # "the daily wrote": a noun
        j -= 1
    if j >= 1 and words[j][0] in ("that", "which", "who"):  # "a communiqué that called"
        j -= 1
    if j >= 3 and words[j][0] == "," and words[j - 1][0] == ")":  # "Ann Moe (R-Ohio), said"
        j -= 1
    if j >= 2 and words[j][0] == ")":  # "Gov. Ann Moe (R) said": a party or state tag
        k = j - 1
        while k > 0 and j - k < 8 and words[k][0] != "(":
            k -= 1
        if words[k][0] == "(":
            j = k - 1
    if j >= 1 and words[j][0] in ("and", "but"):
        # "Moe took the stage in Reno and said": the subject that opens the clause
        w0 = words[0][0]
        if w0.lower() in ("he", "she", "they") or (w0[:1].isupper() and w0 not in NOT_NAME):
            return _clause_subject(words[:j])
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
            # "Dean Moe, a salesman from Sumter, South Carolina, says": a comma inside the
            # appositive; the name is the clause's first segment
            first = _first_segment_name(words, k)
            if first is not None:
                return first
        else:
            return None
    subj = _phrase_ending_at(words, j)
    if subj is None:
        return None
    subj.appositive = appositive
    common = (subj.text[:1].islower() or subj.text.split()[0].lower() in _DETERMINERS
              or "’s " in subj.text.replace("'s ", "’s "))
    if app_words and common and len(app_words) <= 4 and \
            all(x[0][:1].isupper() for x in app_words):
        # the name is in the appositive: "Kyagulanyi's spokesman, Joel Ssenyonyi, called",
        # "Its secretary-general, Akelo Misori, said"
        return _Subject(appositive, app_words[0][1], app_words[-1][2], subj.text,
                        role=subj.text, origin=subj.start)
    return subj


def _first_segment_name(words, comma: int) -> _Subject | None:
    """When the words before the comma at ``comma`` end in a place after a preposition
    ("… from Sumter"), the subject is the name that opens the clause, before its first comma."""
    k = comma - 1
    while k >= 0 and words[k][0][:1].isupper():
        k -= 1
    if k < 0 or words[k][0] not in ("from", "in", "of", "at", "near"):
        return None
    start = comma
    while start > 0 and words[start - 1][0] not in ("“", "”", '"', ".", ":", ";"):
        start -= 1
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
        while q - 1 >= 0 and p - q < 4 and re.match(r"^[\w’'\-.]+$", words[q - 1][0]) and \
                words[q][0].lower() not in _DETERMINERS:
            q -= 1
        if words[q][0].lower() in _DETERMINERS:
            return q
    return k


_NOT_IN_NOUN_PHRASE = {"had", "has", "have", "was", "were", "is", "are", "been", "be", "not",
                       "will", "would", "could", "should", "did", "do", "does", "can", "may",
                       "might", "must", "if", "whom", "who", "that", "which", "when", "while"}


def _phrase_ending_at(words, j: int) -> _Subject | None:
    """A pronoun, a name or a common-noun phrase whose last word is ``words[j]``."""
    w, ws, we = words[j]
    low = w.lower()
    if low in _PRONOUNS and low not in ("him", "her"):
        return _Subject(w, ws, we)
    if w[:1].isupper() and low in _SPEAKER_NOUNS and (j == 0 or not words[j - 1][0][:1].isupper()):
        return _Subject(low, ws, we)  # "Observers described …" at a sentence start
    if (w[:1].isupper() and w not in NOT_NAME) or w in ORG_ACRONYMS:
        k = j
        while k - 1 >= 0 and (
                (_is_cap(words[k - 1][0]) and words[k - 1][0] not in _SENTENCE_OPENERS) or
                (words[k - 1][0] in ("and", "for", "on") and k - 2 >= 0 and
                 words[k - 2][0][:1].isupper() and words[k - 2][0] not in _SENTENCE_OPENERS) or
                (words[k - 1][0] == "the" and k - 3 >= 0 and words[k - 2][0] == "of" and
                 words[k - 3][0] in TITLE_WORDS)):  # "President of the European …"
            k -= 1  # "Department of Health and Social Care"
        while k < j and words[k][0] in ("of", "de", "van", "von", "bin", "al"):
            k += 1
        p = k - 2 if k >= 2 and words[k - 1][0] == "the" else k - 1
        if p >= 1 and words[p][0] in ("of", "from", "at") and words[p - 1][0][:1].isupper() \
                and words[p - 1][0] not in TITLE_WORDS and words[p - 1][0] not in ORG_WORDS \
                and words[p - 1][0] not in NOT_NAME and any(
                    w in ORG_WORDS for w, _, _ in words[k:j + 1]):
            # "Mr. Morgan of the Sierra Club said": the person, not the organisation
            q = p - 1
            while q - 1 >= 0 and words[q - 1][0][:1].isupper() and \
                    words[q - 1][0] not in _SENTENCE_OPENERS:
                q -= 1
            return _Subject(" ".join(x[0] for x in words[q:p]), words[q][1], words[p - 1][2])
        if k == j and k > 0 and words[k - 1][0].lower() == "the" and w in _DEMONYMS:
            return _Subject(f"the {w}", words[k - 1][1], we)  # "the Kenyan told reporters"
        k = _speaker_before_preposition(words, k)
        return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
    if low.isalpha() or "-" in low or "’" in low or "'" in low:
        # a common-noun phrase: back to a determiner within six words
        k = j
        while k >= 0 and j - k < 6:
            if words[k][0].lower() in _NOT_IN_NOUN_PHRASE:
                break  # "the journalist had not been called": a verb, not a subject
            if words[k][0].lower() in _DETERMINERS:
                k = _speaker_before_preposition(words, k)
                return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
            if not re.match(r"^[\w’'\-]+$", words[k][0]) or CUE_RE.fullmatch(words[k][0]):
                break
            k -= 1
        if low in _SPEAKER_NOUNS:
            k = j
            while k - 1 >= 0 and j - k < 2 and re.match(r"^[\w’'\-]+$", words[k - 1][0]) and \
                    words[k - 1][0].lower() not in _DETERMINERS and \
                    not CUE_RE.fullmatch(words[k - 1][0]) and \
                    words[k - 1][0] not in _SENTENCE_OPENERS and \
                    (words[k - 1][0][:1].islower()
                     or words[k - 1][0].endswith(("'", "’", "’s", "'s"))):
                k -= 1
            return _Subject(" ".join(x[0] for x in words[k:j + 1]), words[k][1], we)
    return None


def _subject_after(words, cue_last: int) -> _Subject | None:
    """The subject phrase right after an inverted cue: ``said Ortiz, a former minister``."""
    k = cue_last + 1
    if k >= len(words):
        return None
    w = words[k][0]
    stop = {",", ".", ";", ":", "“", "”", '"', "?", "!", "—", "–", "(", ")"}
    end = k
    while end < len(words) and words[end][0] not in stop and end - k < 8:
        end += 1
    if end == k:
        return None
    phrase_words = words[k:end]
    low = w.lower()
    if low in ("on", "in", "at", "during", "after", "before", "to", "that", "of"):
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
        if idx > 0 and pw in ("on", "during", "after", "before", "while", "when", "to", "as",
                              "who", "which", "that", "adding", "referring", "noting") or (
                named and idx > 0 and pw in ("in", "at", "from")) or (
                named and idx > 1 and pw == "of" and idx + 1 < len(phrase_words) and
                phrase_words[idx + 1][0] == "the" and phrase_words[idx - 1][0] not in TITLE_WORDS
                and phrase_words[idx - 1][0] not in ORG_WORDS):
            cut = idx  # "said Del. Stacey Plaskett of the Virgin Islands"
            break
    phrase_words = phrase_words[:cut]
    if not phrase_words or (len(phrase_words) == 1 and _ADVERB.match(phrase_words[0][0])):
        return None  # "adding later, “…”": an adverb, not a subject
    text = " ".join(x[0] for x in phrase_words)
    if (text[:1].islower() or phrase_words[0][0].lower() in _DETERMINERS) and app_words and \
            len(app_words) <= 4 and all(x[0][:1].isupper() for x in app_words):
        # "said one elderly farmer, Hussein Ali": the name is in the appositive
        return _Subject(appositive, app_words[0][1], app_words[-1][2], text)
    if (text[:1].islower() or phrase_words[0][0].endswith(("’s", "'s"))) and \
            phrase_words[-1][0][:1].isupper():
        # "said police chief Japhet Koome" / "asked Sonko's supporter Jane Akinyi": a role
        # in lower case (or a possessive), then the name
        k = len(phrase_words) - 1
        while k > 0 and (phrase_words[k - 1][0][:1].isupper() or
                         phrase_words[k - 1][0] in ("of", "de", "van", "bin", "al", "wa")):
            k -= 1
        if phrase_words[k][0][:1].isupper() and k > 0 and \
                phrase_words[k - 1][0] not in _PREPOSITIONS + ("to", "on", "by"):
            role = " ".join(x[0] for x in phrase_words[:k])
            if phrase_words[0][0].lower() in _DETERMINERS:
                role = " ".join(x[0] for x in phrase_words[1:k])
            name = " ".join(x[0] for x in phrase_words[k:])
            return _Subject(name, phrase_words[k][1], phrase_words[-1][2], appositive, role)
    return _Subject(text, phrase_words[0][1], phrase_words[-1][2], appositive)


@dataclass
class _Speaker:
    name: str | None
    kind: str | None
    role: str | None = None
    affiliation: str | None = None
    head: str | None = None  # the head noun of a phrase speaker ("spokesperson")

    @classmethod
    def of(cls, e: Entity, affiliation: str | None = None) -> _Speaker:
        return cls(e.name, e.kind, e.role, e.affiliation or affiliation)


_PREPOSITIONS = ("for", "of", "at", "from", "with", "in")
_PHRASE_GENDER = {"spokeswoman": "f", "spokesman": "m", "woman": "f", "man": "m", "mother": "f",
                  "father": "m", "chairwoman": "f", "chairman": "m", "girl": "f", "boy": "m",
                  "wife": "f", "husband": "m", "daughter": "f", "son": "m", "sister": "f",
                  "brother": "m", "widow": "f", "grandmother": "f", "grandfather": "m"}
_AGE = re.compile(r"^\d{1,3}-year-old$")
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
        if i > 0 and w in _PREPOSITIONS:
            return words[i - 1].lower()
    return words[-1].lower()


_LABEL = re.compile(r"((?:MR|MS|MRS|DR|SEN|GOV|REP)\.?\s+[A-Z][A-Z’'-]+|"
                    r"[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'.-]+){0,2}|Q|A)\s*:(?=\s)")


def _transcript_label(content: str, prefix: str, s: QuoteSpan, block, index: _Index,
                      text: str) -> str | None:
    """The speaker label of a transcript turn or a factbox: “PENCE: Well, …”, ``MR. OTIENO:
    “…”``, or a person's name alone on the line before a paragraph that is a quote.

    >>> _transcript_label("KAINE: We will.", "", None, None, None, "")
    'KAINE'
    """
    m = _LABEL.match(content)
    if m is None and prefix.endswith(":"):
        m = _LABEL.match(prefix + " ")
        m = m if m is not None and m.end() == len(prefix) else None
    if m is not None:
        words = m.group(1).replace(".", "").split()
        if words[-1] in ("Q", "A"):
            return ""  # an interviewer's question or an unnamed answer: a label, no speaker
        return None if all(w in ORG_ACRONYMS for w in words) else m.group(1)
    if prefix or s is None or s.part > 0 or s.open_mark != _first_nonspace(text, block.start,
                                                                          block.end):
        return None
    k = bisect_right(index.block_starts, block.start) - 2  # the block before
    if k < 0:
        return None
    prev = index.blocks[k]
    line = text[prev.start:prev.end].strip().rstrip(":")
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-Z][\w’'.-]*", w) for w in words):
        return None
    if words[0].capitalize() not in first_names():
        return None
    return line


class _Resolver:
    """Resolves subjects to speakers, remembering non-person speakers for later pronouns."""

    def __init__(self, article: Article, registry: Registry):
        self.article = article
        self.reg = registry
        self.groups: list[tuple[int, _Speaker]] = []  # (offset, speaker) of phrase speakers
        self.resolved_pronouns: list[tuple[int, Entity]] = []

    def resolve(self, subj: _Subject) -> _Speaker:
        low = subj.text.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, subj.start)
        subj = _name_after_role(subj)
        words = subj.text.split()
        if len(words) == 2 and words[0].lower() == "the" and (
                _AGE.match(words[1]) or words[1] in _DEMONYMS):
            # "the Kenyan told reporters", "the 27-year-old said": the latest person
            return self._latest_person(subj.start, place_in(words[1]))
        if words[0].lower() in _DETERMINERS or subj.text[:1].islower() or (
                len(words) > 1 and words[-1].islower()):  # "Kenya's government"
            return self._phrase(subj)
        ent = self.reg.resolve(subj.text, subj.start)
        if ent is None:
            ent = self._new_entity(subj)
        if ent is None:
            return _Speaker(None, None)
        if ent.role is None and ent.kind == "person":
            ent.role = subj.role or (_role_from_appositive(subj.appositive)
                                     if subj.appositive else None)
        if ent.affiliation is None:
            ent.affiliation = _affiliation_in(" ".join(filter(None, (subj.role,
                                                                     subj.appositive))))
        return _Speaker.of(ent)

    def label(self, label: str, pos: int) -> _Speaker:
        """The speaker a transcript label or a factbox name line names ("PENCE" → Mike
        Pence when the article names him, else "Pence")."""
        name = " ".join(w if not w.isupper() or len(w) < 2 else w.capitalize()
                        for w in label.replace("’", "'").split())
        name = re.sub(r"^(Mr|Ms|Mrs|Dr|Sen|Gov|Rep)\b\.?", r"\1.", name)
        return self.resolve(_Subject(name, pos, pos + len(label)))

    def _new_entity(self, subj: _Subject) -> Entity | None:
        words = [w for w in subj.text.split() if w not in ("of",)]
        titles = {t for t in TITLES}
        role = None
        gender = None
        while len(words) > 1 and (words[0] in titles or words[0] in AFFILIATION_DEMONYMS):
            if words[0] in HONORIFIC_GENDER and words[0].rstrip(".") in ("Mr", "Mrs", "Ms",
                                                                          "Miss"):
                gender = HONORIFIC_GENDER[words[0]]  # an honorific is no role
            elif words[0] in titles:
                role = words[0] if role is None else role
            words.pop(0)
        if not words:
            return None
        if len(words) == 1 and (words[0].lower() in self.reg.common_words() or (
                words[0].isupper() and len(words[0]) > 4 and words[0] not in ORG_ACRONYMS)):
            return None  # "More from the report:", "WASHINGTON": a common word, a dateline
        if any(w in ORG_WORDS or w in ORG_ACRONYMS for w in words):
            ent = self.reg.add(Entity(0, subj.text, kind="organization"))
            self.reg.add_alias(ent, subj.text.lower())
        else:
            name = " ".join(words).removesuffix("’s").removesuffix("'s")
            ent = self.reg.add(Entity(0, name, first=words[0] if len(words) > 1 else None,
                                      last=words[-1], role=role,
                                      gender=gender or first_names().get(words[0])))
        self.reg.add_mention(Mention(ent.id, subj.start, subj.end, subj.text))
        return ent

    def _phrase(self, subj: _Subject) -> _Speaker:
        words = subj.text.split()
        if words[0].lower() in ("a", "an", "one", "another"):
            words = words[1:] or words
        elif words[0].lower() == "the":
            words[0] = "the"
        bare = [w for w in words if w.lower() != "the"]
        if not bare:  # a determiner alone names no one
            return _Speaker(None, None)
        head = _head_noun(words)
        # "the president" / "the minister": a person named earlier with that role
        if words[0] == "the" and len(bare) <= 2:
            role_word = bare[-1].lower()
            for m in self.reg.recent(subj.start):
                e = self.reg.entities[m.entity]
                if e.kind == "person" and e.role and role_word in e.role.lower().split():
                    return _Speaker.of(e)
            # named later in the article ("the bank's governor said … The governor, Patrick
            # Njoroge, …"): the one person with that role
            holders = self.reg.with_role(role_word)
            if len(holders) == 1:
                return _Speaker.of(holders[0])
        if words[0] == "the" and len(bare) == 1 and bare[0].capitalize() in ORG_WORDS:
            # "the commission" / "the ministry": the organisation named earlier
            org_word = bare[0].capitalize()
            for m in self.reg.recent(subj.start):
                e = self.reg.entities[m.entity]
                if e.kind == "organization" and org_word in e.name.split():
                    return _Speaker.of(e, _affiliation_in(e.name))
        name = " ".join(words)
        if words[0] == "the":  # "the spokesperson": the one introduced earlier
            earlier = self._earlier_phrase(head, subj.start)
            if earlier is not None:
                return earlier
        kind = "document" if head in _DOCUMENT_NOUNS else (
            "organization" if any(w in ORG_WORDS for w in words) or head in (
                "forum", "ministry", "government", "police", "agency", "embassy", "office",
                "department", "committee", "council", "union", "company", "bank", "court",
                "organisation", "organization", "charity", "coalition", "delegation", "team")
            else "group" if head.endswith("s") and head not in ("news",) else "official")
        affiliation = _affiliation_in(name)
        sp = _Speaker(name, kind, None, affiliation, head=head)
        self._add_group(subj.start, sp)
        return sp

    def _add_group(self, offset: int, sp: _Speaker) -> None:
        insort(self.groups, (offset, sp), key=lambda g: g[0])

    def _groups_before(self, pos: int, limit: int = 60):
        """Phrase speakers introduced before ``pos``, the nearest first."""
        i = bisect_left(self.groups, pos, key=lambda g: g[0])
        for k in range(i - 1, max(i - 1 - limit, -1), -1):
            yield self.groups[k]

    def _earlier_phrase(self, head: str, pos: int) -> _Speaker | None:
        for _, sp in self._groups_before(pos):
            if sp.name and (sp.head or sp.name.split()[-1].lower()) == head:
                return sp
        text = self.article.text
        found = None
        window = max(0, pos - 5000)  # "a … spokesperson" introduced within the last 5,000 chars
        for m in re.finditer(rf"\b(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.’'-]*\s+){{0,3}}"
                             rf"(?:[a-z][\w’'-]*\s+){{0,2}}{re.escape(head)})\b",
                             text[window:pos]):
            found = m
        if found is None or found.group(1).lower() == head and found.group(0)[:3].lower() == "the":
            return None
        name = found.group(1)
        kind = "document" if head in _DOCUMENT_NOUNS else "official"
        sp = _Speaker(name, kind, None, _affiliation_in(name), head=head)
        self._add_group(window + found.start(), sp)
        return sp

    def _latest_person(self, pos: int, affiliation: str | None) -> _Speaker:
        fallback = None
        for m in self.reg.recent(pos):
            e = self.reg.entities[m.entity]
            if e.kind != "person":
                continue
            if affiliation is None or e.affiliation in (None, affiliation):
                return _Speaker.of(e, affiliation)
            fallback = fallback or e
        if fallback is not None:
            return _Speaker.of(fallback)
        return _Speaker(None, None)

    def _pronoun(self, low: str, pos: int) -> _Speaker:
        want = _PRONOUNS[low]
        if want in ("p", "n"):  # they / it: the latest organisation, group or document
            cands = list(self._groups_before(pos, 1))
            for m in self.reg.recent(pos):
                e = self.reg.entities[m.entity]
                if e.kind != "person":
                    cands.append((m.start, _Speaker.of(e)))
                    break
            if cands:
                return max(cands, key=lambda x: x[0])[1]
            return _Speaker(None, None)
        named = next(((m, self.reg.entities[m.entity]) for m in self.reg.recent(pos)
                      if self.reg.entities[m.entity].kind == "person"
                      and self.reg.entities[m.entity].gender in (None, want)), None)
        # an unnamed person who spoke ("another nurse … said she …") can be the antecedent too
        unnamed = next(((o, sp) for o, sp in self._groups_before(pos) if sp.kind == "official"
                        and _PHRASE_GENDER.get(sp.head or "") in (None, want)), None)
        if unnamed is not None and (named is None or unnamed[0] > named[0].start):
            return unnamed[1]
        if named is not None:
            e = named[1]
            if e.gender is None:
                e.gender = want
            return _Speaker.of(e)
        return _Speaker(None, None)


_ROLE_WORDS = ({w for t in TITLES for w in t.split()} | ORG_WORDS) - {
    "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms"}  # honorifics are no role


def _name_after_role(subj: _Subject) -> _Subject:
    """A role or organisation written before a person's name, in capitals, is the role:
    "President of the European Central Bank Christine Lagarde" → Christine Lagarde (role
    "President of the European Central Bank"), "Resident Heather Simpson" → Heather Simpson.
    The name must start with a known first name or an initial (so "Bank of America Merrill
    Lynch" stays an organisation).

    >>> s = _name_after_role(_Subject("Resident Heather Simpson", 0, 24))
    >>> s.text, s.role, s.start
    ('Heather Simpson', 'Resident', 9)
    """
    words = subj.text.split()
    if len(words) < 3 or not all(w[:1].isupper() or w in ("of", "the", "and", "for")
                                 for w in words):
        return subj
    cut = max((k for k, w in enumerate(words[:-2]) if w in _ROLE_WORDS or w in ("of", "the")
               or w.lower() in _SPEAKER_NOUNS), default=-1)
    if cut < 0:
        return subj
    name = words[cut + 1:]
    if not (name[0] in first_names() or re.fullmatch(r"[A-Z]\.", name[0])) or any(
            w in ORG_WORDS or w in ORG_ACRONYMS or not w[:1].isupper() for w in name):
        return subj
    offset = subj.start + len(" ".join(words[:cut + 1])) + 1
    role = " ".join(words[:cut + 1])
    if subj.role:
        role = f"{subj.role} {role}"
    return _Subject(" ".join(name), offset, subj.end, subj.appositive, role, subj.origin)


def _role_from_appositive(text: str) -> str | None:
    """"a former minister" → "former minister"; clauses ("who …", "adding …") are no role."""
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the", "his", "her", "their", "its"):
        return " ".join(words[1:]) or None
    if words and words[0] in TITLES:
        return " ".join(words)
    return None


_AFFIL_KEYS = sorted(AFFILIATION_DEMONYMS, key=len, reverse=True)
_AFFIL_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in _AFFIL_KEYS) + r")(?!\w)")
_AFFIL_RANK = {k: i for i, k in enumerate(_AFFIL_KEYS)}


def _affiliation_in(text: str) -> str | None:
    """The country or organisation a phrase states ("a Kenyan official" → Kenya).

    >>> _affiliation_in("a senior South African diplomat"), _affiliation_in("the mayor")
    ('South Africa', None)
    """
    found = [m.group() for m in _AFFIL_RE.finditer(text)]  # one pass; the longest key wins
    if found:
        return AFFILIATION_DEMONYMS[min(found, key=_AFFIL_RANK.__getitem__)]
    place = place_in(text)
    if place:
        return place
    org = re.search(r"(?<![\w.])(U\.N\.|UN|AU|EU|IMF|NATO|WHO|IGAD|EAC)(?![\w])", text)
    return {"U.N.": "UN"}.get(org.group(), org.group()) if org else None


# --------------------------------------------------------------------------- extraction


class _Index:
    """Sorted lookups that keep extraction linear on long texts."""

    def __init__(self, article: Article, spans: list[QuoteSpan]):
        self.sentences = article.sentences
        self.sentence_starts = [s.start for s in article.sentences]
        self.blocks = article.blocks
        self.block_starts = [b.start for b in article.blocks]
        self.marks = sorted((s.open_mark, s.close_mark if s.close_mark is not None else s.end)
                            for s in spans)
        self.mark_starts = [a for a, _ in self.marks]
        self.cue_cache: dict[tuple[int, int, bool], tuple[_Subject, str, int] | None] = {}

    def sentence_of(self, pos: int):
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos <= self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_start(self, pos: int, floor: int) -> int:
        s = self.sentence_of(pos)
        return max(s.start, floor) if s is not None else floor

    def prev_sentence(self, pos: int):
        i = bisect_left(self.sentence_starts, pos) - 1
        while i >= 0 and self.sentences[i].end > pos:
            i -= 1
        return self.sentences[i] if i >= 0 else None

    def block_of(self, pos: int) -> int:
        return self.blocks[bisect_right(self.block_starts, pos) - 1].index

    def in_marks(self, pos: int) -> bool:
        """Inside a quote, marks included."""
        i = bisect_right(self.mark_starts, pos) - 1
        return i >= 0 and pos <= self.marks[i][1]

    def overlaps_marks(self, start: int, end: int) -> bool:
        i = bisect_right(self.mark_starts, end) - 1
        return i >= 0 and self.marks[i][1] >= start


def _cue_in_words(words, from_end: bool = True):
    """Positions of cue words in a word list, last first when ``from_end``."""
    idx = range(len(words) - 1, -1, -1) if from_end else range(len(words))
    for i in idx:
        cue = _cue_at(words, i)
        if cue:
            yield cue


def extract_quotes(article: Article, include_indirect: bool = True,
                   spans: list[QuoteSpan] | None = None) -> list[Quote]:
    """All quotes of an article, attributed (see the module docstring for the rules).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> qs = [q for q in extract_quotes(load_article(SAMPLE_ARTICLE)) if q.kind == "direct"]
    >>> len(qs), qs[1].speaker, qs[1].position
    (9, 'Antony J. Blinken', 'before')
    """
    text = article.text
    if spans is None:
        spans, _ = find_quote_spans(article)
    registry = find_entities(article, [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans])
    resolver = _Resolver(article, registry)
    index = _Index(article, spans)
    # reported speech first: it introduces speakers ("The forum … said") that later pronouns
    # ("it said") refer to
    indirect = _indirect(article, index, resolver)
    quotes: list[Quote] = []
    by_id: dict[int, Quote] = {}
    last_speech: dict[int, Quote] = {}  # the latest speech quote of each block
    block_spans: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        block_spans.setdefault(s.block, []).append(s)
    blocks = {b.index: b for b in article.blocks}
    position_in_block = {id(s): k for sib in block_spans.values() for k, s in enumerate(sib)}
    for s in spans:
        block = blocks[s.block]
        siblings = block_spans[s.block]
        idx = position_in_block[id(s)]
        prev_span = siblings[idx - 1] if idx > 0 else None
        next_span = siblings[idx + 1] if idx + 1 < len(siblings) else None
        content = text[s.start:s.end]
        n_words = len(WORD_PATTERN.findall(content))
        # the clause before a quote starts after the previous quote of its paragraph (after
        # the opening mark of one never closed): each stretch of text is read once
        floor = block.start if prev_span is None else (
            prev_span.close_mark + 1 if prev_span.close_mark is not None
            else prev_span.open_mark + 1)
        sent_start = index.sentence_start(s.open_mark, floor)
        prefix = text[sent_start:s.open_mark]
        prefix_stripped = prefix.strip()
        opens_clause = prefix_stripped == "" or prefix_stripped.endswith((",", ":", "—", "–"))
        after_end = next_span.open_mark if next_span else block.end
        after_start = (s.close_mark + 1) if s.close_mark is not None else s.end
        speaker = None
        cue = cue_start = position = mention = None

        # 0. a transcript label: “PENCE: Well, …” / MR. OTIENO: “…” / a name on its own line
        label = _transcript_label(content, prefix_stripped, s, block, index, text)
        if label is not None:
            speaker = resolver.label(label, s.start) if label else None
            position, mention = "label", label or None
        # 1. a cue right after the quote
        if position is None and s.close_mark is not None:
            after_words = _words(text, after_start, after_end)
            ends_open = content.rstrip().rstrip("’'")[-1:] in (",", "?", "!", "—", "–", "…",
                                                               "-") if \
                content.strip() else False
            lead = after_words[0][0] if after_words else ""
            if after_words and (ends_open or lead == "," or lead[:1].islower()):
                aw = after_words[1:] if lead == "," else after_words
                found = _after_cue(aw)
                if found:
                    subj, (c0, c1) = found
                    speaker = resolver.resolve(subj) if subj else None
                    cue = " ".join(x[0] for x in aw[c0:c1 + 1])
                    cue_start, position = aw[c0][1], "after"
                    mention = subj.text if subj else None
        # 2. a cue before it in the same sentence
        if position is None and s.part == 0:
            pw = _words(text, sent_start, s.open_mark)
            found = _before_cue(pw, opens_clause)
            if found:
                subj, cue_pos, pos_kind = found
                speaker = resolver.resolve(subj)
                cue = " ".join(x[0] for x in pw[cue_pos[0]:cue_pos[1] + 1]) if cue_pos else None
                cue_start = pw[cue_pos[0]][1] if cue_pos else None
                position, mention = pos_kind, subj.text
        # 2b. an embedded quote: a speaker and cue anywhere in its sentence
        if position is None and not opens_clause and s.part == 0:
            sent = index.sentence_of(s.open_mark)
            if sent is not None:
                found = _sentence_cue(text, sent.start, sent.end, index, registry)
                if found and _can_speak(found[0]):  # not "the numbers tell a story"
                    subj, cue_text, c_start = found
                    speaker = resolver.resolve(subj)
                    cue, cue_start, position, mention = cue_text, c_start, "sentence", subj.text
        # 3. continuation
        if position is None:
            prior = by_id.get(s.quote_id) if s.part > 0 else None
            if prior is None and prev_span is not None and opens_clause:
                prior = last_speech.get(s.block)
            if prior is not None and prior.kind in SPEECH_KINDS:
                speaker = _Speaker(prior.speaker, prior.speaker_kind, prior.role,
                                   prior.affiliation)
                position = "continuation"
        # 4. a cue in the previous sentence
        if position is None and opens_clause and prefix_stripped == "":
            prev = index.prev_sentence(s.open_mark)
            if prev is not None:
                found = _sentence_cue(text, prev.start, prev.end, index)
                if found is None and text[prev.start:prev.end].rstrip().endswith(":"):
                    # "Trump issued the following statement:" — a colon introduces the quote
                    pw_prev = [w for w in _words(text, prev.start, prev.end)
                               if not index.in_marks(w[1])]
                    subj = _clause_subject(pw_prev[:-1]) if len(pw_prev) > 1 else None
                    if subj is not None and (subj.start == pw_prev[0][1] or
                                             subj.text.lower() in ("he", "she", "they")):
                        found = subj, None, None
                if found:
                    subj, cue_text, c_start = found
                    speaker = resolver.resolve(subj)
                    cue, cue_start, position, mention = cue_text, c_start, "previous-sentence", \
                        subj.text
        before_mark = text[max(block.start, s.open_mark - 30):s.open_mark]
        if opens_clause and s.part == 0 and _TITLE_CUES.search(before_mark.rstrip(" ,:")) and \
                _is_title(content, before_mark.rstrip(" ,:")):
            kind = "scare"  # In his new book, “Doomed to Succeed,” …
        elif opens_clause:
            kind = "direct" if (position or n_words > SCARE_MAX_WORDS or s.part > 0) else "scare"
        elif _is_title(content, before_mark):
            kind = "scare"  # a title or name: In his book “The Debt Trap”, …
        else:
            kind = "partial" if (position or n_words > SCARE_MAX_WORDS) else "scare"
        if kind == "scare":
            speaker, cue, cue_start, position, mention = None, None, None, None, None
        sp = speaker or _Speaker(None, None)
        q = Quote(s.quote_id, s.part, s.start, s.end, content, kind, sp.name, sp.kind, sp.role,
                  sp.affiliation, cue, cue_start, position, mention, s.block,
                  unbalanced=s.unbalanced, continues=s.continues)
        if s.unbalanced:
            q.flags.append("unbalanced")
        quotes.append(q)
        if kind in SPEECH_KINDS:
            last_speech[s.block] = q
        if s.part == 0:
            by_id[s.quote_id] = q
    _backfill_chains(quotes)
    if include_indirect:
        quotes.extend(indirect)
        quotes.sort(key=lambda q: q.start)
    return quotes


def _after_cue(aw) -> tuple[_Subject, tuple[int, int]] | None:
    if not aw:
        return None
    # inverted: "said Ortiz, a former minister" / "according to a joint statement"
    if len(aw) > 2 and aw[0][0].lower() == "according" and aw[1][0] == "to":
        subj = _subject_after(aw, 1)
        if subj:
            subj.appositive = None
        return subj, (0, 1)
    cue = _cue_at(aw, 0)
    if cue:
        return _subject_after(aw, cue[1]), cue  # the subject may be None: a cue, no speaker
    # "Ruto said" / "he emphasized" / "the ministry said" / "Ortiz, a former minister, said"
    limit = min(len(aw), 14)
    if aw[0][0][:1].isupper() or aw[0][0].lower() in _DETERMINERS:
        # "…,” Trent Lott, who was majority leader under George W. Bush, said": a name and
        # a long appositive before the cue
        if any(w == "," for w, _, _ in aw[1:8]):
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
                aw[i][0] == "." and not (i + 1 < len(aw) and aw[i + 1][0] == ",")):
            break  # "Allentown, Pa., said": an abbreviation's full stop is no sentence end
        cue = _cue_at(aw, i)
        if cue:
            subj = _subject_before(aw, i)
            if subj and (subj.start if subj.origin is None else subj.origin) == aw[0][1]:
                return subj, cue
            if subj and subj.text[:1].isupper() and all(
                    re.match(r"^[\w’'\-.]+$", w) for w, _, _ in aw[:i]):
                # "…,” Ethiopian government spokesman Legesse Tulu said": a role before the name
                role = " ".join(w for w, ws, _ in aw if ws < subj.start)
                subj.role = None if role.rstrip(".") in ("Mr", "Mrs", "Ms", "Miss") else role
                return subj, cue
            before = [w for w, ws, _ in aw if ws < subj.start] if subj else []
            if subj and subj.text[:1].isupper() and 1 <= len(before) <= 4 and \
                    before[0][:1].islower() and all(re.match(r"^[\w’'\-]+$", w) for w in before):
                # "…,” the economist Jared Bernstein, a former adviser …, said"
                subj.role = " ".join(before[1:] if before[0] in _DETERMINERS else before)
                return subj, cue
            if subj and subj.text[:1].isupper() and len(before) >= 2 and before[-1] == "," \
                    and "," not in before[:-1] and before[0][:1].islower() and \
                    all(re.match(r"^[\w’'\-]+$", w) for w in before[:-1]):
                # "…,” another friend, Mariam Emara told reporters": a role, then the name
                subj.role = " ".join(before[:-1])
                return subj, cue
            if subj is None and i == 1 and aw[0][0].isalpha() and aw[0][0].lower() not in (
                    "and", "but", "or", "as", "then", "so", "while", "before", "after"):
                return None, cue  # "“…,” someone said": a cue, but no speaker we can name
            return None
    return None


def _before_cue(pw, opens_clause: bool):
    """Subject and cue in the words before a quote's opening mark (same sentence)."""
    if not pw:
        return None
    words = pw
    last = words[-1][0]
    if opens_clause and last in (",", ":", "—", "–"):
        # "according to X,"
        for i in range(len(words) - 3, -1, -1):
            if words[i][0].lower() == "according" and words[i + 1][0] == "to":
                subj = _subject_after(words, i + 1)
                if subj:  # "according to X, …": what follows the comma is the report
                    subj.appositive = None
                    return subj, (i, i + 1), "before"
        for c0, c1 in _cue_in_words(words[:-1]):
            # skip a leading adverbial ("Hours later, …", "On Monday, …")
            fc = next((k for k in range(min(c0, 6)) if words[k][0] == ","), None)
            lead = 0 if fc is None or (any(w[:1].isupper() for w, _, _ in words[1:fc]) and
                                       words[0][0] not in _SENTENCE_OPENERS | {"Here"}) \
                else fc + 1
            w0 = words[lead][0]
            if words[c0][0] in _PARTICIPLES and c0 >= lead + 3 and words[c0 - 1][0] == "," \
                    and (w0.lower() in ("he", "she", "they") or (w0[:1].isupper() and
                                                                  w0 not in NOT_NAME)):
                # "Trump returned the compliment, telling Reuters, “…”" / "Mr. X issued a
                # statement saying, “…”": the subject of the clause speaks
                subj = _clause_subject(words[lead:c0])
                if subj:
                    return subj, (c0, c1), "before"
            subj = _subject_before(words, c0)
            if subj is None and c1 + 1 < len(words) - 1 and words[c0][0] not in _PARTICIPLES:
                subj = _subject_after(words[:-1], c1)
            if subj is None and words[c0][0].endswith("ing") and c0 >= 2 and \
                    words[c0 - 1][0] == ",":
                # "Ruto then appears in a clip, saying, “…”": the clause's subject
                subj = _clause_subject(words[:c0])
            if subj:
                return subj, (c0, c1), "before"
        if last == ":":  # "Ruto was blunt:" — the clause's subject
            subj = _clause_subject(words[:-1])
            if subj:
                return subj, None, "colon"
        return None
    # partial quote: a cue earlier in the clause ("He called it “…”"), said by someone who
    # can speak (not "the figures tell a “mixed” story")
    for c0, _c1 in _cue_in_words(words):
        subj = _subject_before(words, c0)
        if subj and _can_speak(subj):
            return subj, (c0, _c1), "before"
    return None


def _clause_subject(words) -> _Subject | None:
    for i, (w, s, e) in enumerate(words):
        if w.lower() in ("he", "she", "they"):
            return _Subject(w, s, e)
        if w[:1].isupper() and w not in NOT_NAME:
            j = i
            while j + 1 < len(words) and _is_cap(words[j + 1][0]) and words[j + 1][0] != "of":
                j += 1
            return _Subject(" ".join(x[0] for x in words[i:j + 1]), s, words[j][2])
    return None


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
    for c0, c1 in _cue_in_words(words):
        cue = " ".join(x[0] for x in words[c0:c1 + 1])
        if words[c0][0].endswith("ing"):
            if registry is not None:
                first = registry.first_between(start, words[c0][1])
                if first is not None:
                    return _Subject(first.text, first.start, first.end), cue, words[c0][1]
            continue
        subj = _subject_before(words, c0)
        if subj:
            return subj, cue, words[c0][1]
    return None


def _backfill_chains(quotes: list[Quote]) -> None:
    """A multi-paragraph quote attributed only in a later part gives that speaker to all parts."""
    chains: dict[int, list[Quote]] = {}
    for q in quotes:
        chains.setdefault(q.quote_id, []).append(q)
    for parts in chains.values():
        if len(parts) < 2:
            continue
        known = next((p for p in parts if p.speaker), None)
        if known is None:
            continue
        for p in parts:
            if p.speaker is None:
                p.speaker, p.speaker_kind = known.speaker, known.speaker_kind
                p.role, p.affiliation = known.role, known.affiliation
                p.position = p.position or "continuation"
            if p.kind == "scare":
                p.kind = "direct"


def _indirect(article: Article, index: _Index, resolver: _Resolver) -> list[Quote]:
    """Reported speech without quote marks: "X noted that …", "According to X, …", "…, X said."."""
    text = article.text
    out: list[Quote] = []
    for sent in article.sentences:
        if index.overlaps_marks(sent.start, sent.end - 1):
            continue
        if not _INDIRECT_RE.search(text, sent.start, sent.end) and \
                "ccording to" not in text[sent.start:sent.end]:
            continue
        words = _words(text, sent.start, sent.end)
        found = None
        # According to X, …
        for i in range(len(words) - 2):
            if words[i][0].lower() == "according" and words[i + 1][0] == "to":
                subj = _subject_after(words, i + 1)
                if subj:  # "according to X, …": what follows the comma is the report
                    subj.appositive = None
                if subj:
                    k = next((j for j in range(i + 2, len(words)) if words[j][0] == ","), None)
                    if i == 0 and k is not None and k + 1 < len(words):
                        span = (words[k + 1][1], _trim_end(text, sent.start, sent.end))
                    elif i > 0:
                        span = (sent.start, words[i - 1][2] if words[i - 1][0] != "," else
                                words[i - 2][2])
                    else:
                        span = None
                    if span:
                        found = (subj, "according to", words[i][1], span)
                break
        if found is None:
            for c0, c1 in _cue_in_words(words, from_end=False):
                if words[c0][0] not in _INDIRECT_CUES:
                    continue
                subj = _subject_before(words, c0)
                if subj is None or not _can_speak(subj):
                    continue
                nxt = words[c1 + 1][0] if c1 + 1 < len(words) else "."
                if nxt in (".", ",", ";", "!", "?") and \
                        text[sent.start:subj.start].rstrip().endswith(","):
                    # "Trade had grown, she said." — the report comes before the cue
                    span = (sent.start, text.rindex(",", sent.start, subj.start))
                else:
                    k = c1 + 1
                    if k < len(words) and words[k][0].lower() in (
                            "reporters", "journalists", "lawmakers", "him", "her", "them",
                            "parliament", "delegates"):
                        k += 1
                    if k < len(words) and words[k][0] == "that":
                        k += 1
                    if k >= len(words) or words[k][0] in (".", ",", ":", ";"):
                        continue
                    span = (words[k][1], _trim_end(text, sent.start, sent.end))
                found = (subj, " ".join(x[0] for x in words[c0:c1 + 1]), words[c0][1], span)
                break
        if found is None:
            continue
        subj, cue, cue_start, (a, b) = found
        if b <= a:
            continue
        sp = resolver.resolve(subj)
        block = index.block_of(a)
        out.append(Quote(-1, 0, a, b, text[a:b], "indirect", sp.name, sp.kind, sp.role,
                         sp.affiliation, cue, cue_start, "indirect", subj.text, block))
    return out


#: Verbs that report speech without quote marks (a narrower set than the quote cues).
_INDIRECT_CUES = set()
for _v in ("say", "tell", "state", "note", "add", "explain", "argue", "warn", "insist",
           "emphasize", "emphasise", "stress", "acknowledge", "announce", "express", "claim",
           "declare", "confirm", "deny", "suggest", "urge", "ask", "admit", "concede",
           "maintain", "predict", "promise", "pledge", "vow", "reiterate", "articulate",
           "elaborate", "highlight", "recall", "caution", "complain", "assure", "affirm"):
    _INDIRECT_CUES.update(f for f in _forms(_v) if f)


_INDIRECT_RE = re.compile(r"\b(?:" + "|".join(sorted(_INDIRECT_CUES, key=len, reverse=True))
                          + r")\b")


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
    words = re.findall(r"[^\W\d_][\w’'-]*", content)
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


def _can_speak(subj: _Subject) -> bool:
    """A pronoun, a capitalised name or a phrase headed by a noun that can speak."""
    first = subj.text.split()[0]
    if subj.text.lower() in _PRONOUNS:
        return subj.text.lower() not in ("it",)
    if first.lower() in _DETERMINERS or subj.text[:1].islower():
        return subj.text.split()[-1].lower() in _SPEAKER_NOUNS
    return True


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".!? \n":
        end -= 1
    return end


# --------------------------------------------------------------------------- tables

QUOTE_COLUMNS = [
    "article_id", "quote_id", "part", "start", "end", "text", "kind", "speaker", "speaker_kind",
    "role", "affiliation", "cue", "cue_start", "position", "mention", "paragraph", "block",
    "section", "words", "unbalanced", "continues",
]


def quotes_table(article: Article, include_indirect: bool = True) -> pd.DataFrame:
    """One row per quote (per paragraph part): offsets, text, kind, speaker and how it was found.

    ``paragraph`` is the 0-based number of the body paragraph, ``block`` the block index of
    :mod:`analysis.text`; ``words`` counts word tokens (the project's word definition).
    ``df.attrs["warnings"]`` holds the quote-mark warnings of :func:`quote_warnings`.

    >>> from analysis.text import article_from_text
    >>> df = quotes_table(article_from_text("“Hello there, friends,” Ruto said.", "x"))
    >>> df[["start", "end", "text", "speaker", "kind", "cue"]].values.tolist()
    [[1, 22, 'Hello there, friends,', 'Ruto', 'direct', 'said']]
    """
    spans, warnings = find_quote_spans(article)
    quotes = extract_quotes(article, include_indirect, spans)
    para_no = {b.index: i for i, b in enumerate(article.paragraphs)}
    section = {b.index: b.section for b in article.blocks}
    starts = [t.start for t in article.tokens]
    rows = []
    for q in quotes:
        i = bisect_left(starts, q.start)
        j = bisect_left(starts, q.end)
        n = sum(1 for t in article.tokens[i:j] if t.end <= q.end)
        rows.append((article.id, q.quote_id, q.part, q.start, q.end, q.text, q.kind, q.speaker,
                     q.speaker_kind, q.role, q.affiliation, q.cue, q.cue_start, q.position,
                     q.mention, para_no[q.block], q.block, section[q.block], n, q.unbalanced,
                     q.continues))
    columns = {name: [r[k] for r in rows] for k, name in enumerate(QUOTE_COLUMNS)}
    columns["cue_start"] = pd.array(columns["cue_start"], dtype="Int64")
    df = pd.DataFrame(columns, columns=QUOTE_COLUMNS)
    df.attrs["warnings"] = warnings  # unbalanced or stray quote marks (see quote_warnings)
    return df


def quote_warnings(article: Article) -> list[str]:
    """Warnings about quote marks (unbalanced or stray), one line each.

    >>> from analysis.text import article_from_text
    >>> quote_warnings(article_from_text("“Never closed, he said.", "x"))
    ['paragraph 0: quote opened at offset 0 is never closed; kept to its paragraph']
    """
    return find_quote_spans(article)[1]


def share_table(quotes: pd.DataFrame, include_indirect: bool = False,
                by: str = "speaker") -> pd.DataFrame:
    """Quote share per article and speaker (or ``by="affiliation"``).

    Counts ``direct`` and ``partial`` quotes (and ``indirect`` when asked); a multi-paragraph
    quote counts once. Columns: article_id, speaker (or affiliation), quotes, words,
    quote_share, word_share (percent of the article's counted quotes and quoted words; they sum
    to 100 for each article). Unknown speakers are grouped as ``(unattributed)``; by affiliation,
    a known speaker whose affiliation the article does not state is ``no affiliation stated``.

    >>> from analysis.text import article_from_text
    >>> t = "“One two three four,” Ruto said. “Five six,” Okello said."
    >>> share_table(quotes_table(article_from_text(t, "x")))[["speaker", "words", "word_share"]]
    ... # doctest: +NORMALIZE_WHITESPACE
      speaker  words  word_share
    0    Ruto      4   66.666667
    1  Okello      2   33.333333
    """
    kinds = list(SPEECH_KINDS) + (["indirect"] if include_indirect else [])
    q = quotes[quotes["kind"].isin(kinds)].copy()
    key = by
    if key != "speaker":  # a speaker with no stated affiliation is not an unknown speaker
        q[key] = q[key].where(q[key].notna() | q["speaker"].isna(), NO_AFFILIATION)
    q[key] = q[key].fillna(UNATTRIBUTED)
    if q.empty:
        return pd.DataFrame(columns=["article_id", key, "quotes", "words", "quote_share",
                                     "word_share"])
    q["qkey"] = q["quote_id"].astype(str) + ":" + q["kind"] + ":" + q["start"].astype(str)
    q.loc[q["kind"] != "indirect", "qkey"] = q["quote_id"].astype(str)
    g = q.groupby(["article_id", key], sort=False).agg(quotes=("qkey", "nunique"),
                                                       words=("words", "sum")).reset_index()
    totals = g.groupby("article_id")[["quotes", "words"]].transform("sum")
    g["quote_share"] = 100 * g["quotes"] / totals["quotes"]
    g["word_share"] = 100 * g["words"] / totals["words"].where(totals["words"] > 0)
    g = g.sort_values(["article_id", "words", "quotes", key],
                      ascending=[True, False, False, True]).reset_index(drop=True)
    return g
