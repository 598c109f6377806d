"""Attributed content: the reported clause a partial quote belongs to ("Moe said the plan was
“a mess” and would fail" → "the plan was “a mess” and would fail"), as attribution corpora such
as PolNeAR annotate it. The quote's own offsets stay the words inside its marks; this stage
gives :class:`~analysis.quotes.attribution.Quote` its ``content_start``/``content_end``.
"""

from __future__ import annotations

import re

from analysis.quotes.cues import SPEECH_CUES, _trie_pattern, _words
from analysis.quotes.marks import QuoteSpan, _first_nonspace

#: Where a reported clause ends after its quote: a comma, semicolon, colon, bracket or dash, or
#: a second verb of the subject ("Moe called it “a mess” and warned that …", "… and says").
_CLAUSE_BREAK = re.compile(
    r"[,;:(]|\s[—–]|—|\s--?\s|\s(?:and|but)\s+(?:also\s+|then\s+)?(?:[a-z]+ed|[a-z]+ing|"
    r"he|she|they|I|we|it|"
    + _trie_pattern(c for c in SPEECH_CUES if c.isalpha() and c.islower()) + r")\b"
)


def _content_start(text: str, cue: str, cue_start: int, open_mark: int) -> int:
    """Where the reported clause after a cue starts: the first word after the cue, or a
    "that" (how, whether …) within eight words of it with no comma in between."""
    words = _words(text, cue_start, min(open_mark, cue_start + 400))
    k0 = k = len(cue.split())
    if cue.lower() == "according to":
        # "According to Moe, the plan is ...": the clause starts after the source's comma
        c = next((j for j in range(k, min(len(words), k + 16)) if words[j][0] == ","), None)
        if c is not None and c + 1 < len(words):
            return words[c + 1][1]
    while k < len(words) and words[k][0] in (",", ":", ";", "—", "–"):
        k += 1  # "said, in a speech …": the clause starts after the comma
    if k >= len(words):
        return open_mark
    lead = next((j for j in range(k, min(len(words), k + 8))
                 if words[j][0] in _CONTENT_LEADS), None)
    if lead is not None and any(w[0] in (",", ";", ":") for w in words[k0:lead]):
        lead = None  # "said, in a speech that …": not the clause's lead
    if lead is None and k == k0:
        # "told a town hall in Salem, Lakeshire on Monday that …": further on, past the
        # commas of a place, when no comma follows the cue itself
        lead = next((j for j in range(k, min(len(words), k + 16))
                     if words[j][0] == "that"), None)
    return words[lead if lead is not None else k][1]


def _clause_end(text: str, s: QuoteSpan, sent_end: int) -> int:
    """The end of the clause a quote sits in: its closing mark when the quote ends with a
    comma inside the marks ("“a mess,” adding …"), else the first break after the mark, else
    the end of the sentence (without its full stop)."""
    if s.close_mark is None:
        return s.end
    after = s.close_mark + 1
    if text[s.start:s.end].rstrip()[-1:] in (",", ";"):
        return after
    m = _CLAUSE_BREAK.search(text, after, max(after, sent_end))
    end = m.start() if m is not None else sent_end
    while end > after and text[end - 1] in " \t\n\xa0.":
        end -= 1
    return max(end, after)


#: Words after a cue that lead to its reported clause ("told reporters that …").
_CONTENT_LEADS = {"that", "how", "whether", "if", "why", "what"}


def _content_span(text: str, s: QuoteSpan, cue: str, cue_start: int, position: str,
                  index, limit: int, clause_floor: int = 0) -> tuple[int, int]:
    """The attributed content of a partial quote: the reported clause it sits in.

    With its cue before it in the sentence ("Moe told reporters that the plan was “a mess”
    and would fail."), the clause runs from the first word after the cue (from "that" when
    one follows within a few words) to the first comma, dash or bracket after the quote, else
    the end of the sentence; with its cue after it ("The
    plan may be “a mess,” said Moe."), from the start of the sentence to the closing mark.
    Otherwise (a cue elsewhere, no sentence) the quote's own words. The clause ends at the
    latest at ``limit`` (the next quote's opening mark: the next quote has its own content).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Moe told reporters that the plan was “a mess” and would "
    ...                         "fail.", "x")
    >>> from analysis.quotes.index import _Index
    >>> from analysis.quotes.marks import find_quote_spans
    >>> s = find_quote_spans(art)[0][0]
    >>> a, b = _content_span(art.text, s, "told", 4, "before", _Index(art, [s]), len(art.text))
    >>> art.text[a:b]
    'that the plan was “a mess” and would fail'
    """
    sent = index.sentence_of(s.open_mark)
    if sent is None:
        return s.start, s.end
    if cue_start < s.open_mark:
        if cue_start < sent.start:
            return s.start, s.end
        start = index.content_starts.get(cue_start)
        if start is None:
            # (read once per cue: the quotes after one cue share the start of its clause)
            start = _content_start(text, cue, cue_start, s.open_mark)
            index.content_starts[cue_start] = start
        return start, _clause_end(text, s, min(sent.end, limit))
    if position == "after" and s.close_mark is not None:
        # from the last break before the quote ("…, and the plan is “a mess,” said Moe")
        floor = max(sent.start, clause_floor)
        cut = max(text.rfind(c, floor, s.open_mark) for c in ",;:(—–")
        start = _first_nonspace(text, cut + 1 if cut >= 0 else floor, s.open_mark)
        return min(start, s.open_mark), s.close_mark + 1
    return s.start, s.end
