"""Sentences of a paragraph: Punkt's boundaries (:mod:`analysis.sentences`) and six repairs.

Joined: a break after ``?``/``!`` inside a quote when a lower-case word follows; "No." before a
number; an initial ("J."); a bracket closing on a full stop before a lower-case word or right
before punctuation ("Sen. Ann Moe (R-Tex.) said …", "(D-N.Y.): …"). Split: after a lower-case
"no." before a capital ("He said no. “But …”"), which Punkt keeps joined as an abbreviation,
and after an abbreviation before an opening double quote and a capital ("…, Fla. “She …").

>>> t = "Mr. Smith met U.S. officials. “Why?” he asked. It is No. 5."
>>> [t[s:e] for s, e in split_sentences(t)]
['Mr. Smith met U.S. officials.', '“Why?” he asked.', 'It is No. 5.']
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analysis.sentences import punkt_spans

_LOWER_START = re.compile(r"[\s“”\"‘’'(\[—–-]*[a-z]")
_NUMBER_START = re.compile(r"[\s(]*\d")
_NO_END = re.compile(r"(?:^|\s)(?:No|Nos|Vol|Art|Fig|pp?)\.$")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_QUOTE_QM_END = re.compile(r"[?!…][”\"’']*$")
#: a sentence ending in a bracket closed on a full stop: "(R-Tex.)", "(D-N.Y.)", "[sic.]"
_BRACKET_END = re.compile(r"\.[)\]]$")
#: what no sentence starts with: a closing bracket or a comma, semicolon or colon
_PUNCT_START = re.compile(r"\s*[)\],;:]")
#: a lower-case "no." ending a clause before a capital word ("said no. But", "said no. “We"):
#: Punkt reads it as the abbreviation of "No. 5" and keeps the sentences joined
_NO_BREAK = re.compile(r"(?<=(?<![\w.])no\.)\s+(?=[“\"‘'(]?[A-Z])")  # the gap after it
#: an abbreviation's full stop before an opening double quote and a capital: "…, said Ann
#: Moe of Eastport, Fla. “She …" (Punkt keeps the abbreviation and the quote joined)
_ABBREV_QUOTE = re.compile(r"(?<=[A-Za-z]\.)[ \t\xa0]+(?=(?:“|\"|''|``)[A-Z])")
#: what every match of :data:`_ABBREV_QUOTE` contains, as a pattern that starts with a literal
#: full stop (the regex engine then skips to each full stop instead of trying the look-behind
#: at every position: about 5 times faster on a paragraph without a match, the usual case)
_ABBREV_QUOTE_HINT = re.compile(r"\.[ \t\xa0]+(?:“|\"|''|``)[A-Z]")
#: what a sentence's last character is when :data:`_QUOTE_QM_END` or :data:`_BRACKET_END` finds
#: it; and the character before its last when :data:`_NO_END` or :data:`_INITIAL_END` does
#: (the full stop of "No.", "Vol.", "pp.", "J."): a sentence ending otherwise ("… a vote.")
#: needs none of the four patterns (a line break, before which ``$`` also matches, needs them)
_TAIL_LAST = frozenset("?!…”\"’')]\n")
_TAIL_BEFORE_STOP = frozenset("osltgpABCDEFGHIJKLMNOPQRSTUVWXYZ")
#: abbreviations that stand before a name ("Mr. “Big” Moe"), never at a sentence's end
_BEFORE_NAME = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Prof|Rev|Hon|Lt|"
                          r"Col|Capt|Sgt|Adm|Maj|Cmdr|Pres|Amb|Sr|Jr|[A-Z])\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    marks: TextMarks | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]`` (one paragraph), as offsets into text.
    ``marks``: :class:`TextMarks` of ``text`` (for many paragraphs of one text; the same spans).

    >>> t = "He met Antony J. Blinken in the U.S. on Monday. “Why?” he asked. It is No. 5."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['He met Antony J. Blinken in the U.S. on Monday.', '“Why?” he asked.', 'It is No. 5.']
    >>> split_sentences(t, 48, len(t), TextMarks(t))
    [(48, 64), (65, 77)]
    """
    end = len(text) if end is None else end
    if marks is None:
        raw = punkt_spans(text, start, end)
        no = text.find("no.", start, end) >= 0
        quote = _ABBREV_QUOTE_HINT.search(text, start, end) is not None
    else:
        raw = punkt_spans(text, start, end, marks.layout)
        # (no call when the text has none)
        marks.find()
        no = (marks.no is None or bool(marks.no[0])) and marks.has("no", start, end)
        quote = (marks.quote is None or bool(marks.quote[0])) and marks.has("quote", start, end)
    if no:
        raw = _split_at(text, raw, _NO_BREAK)
    if quote:
        # every match of _ABBREV_QUOTE starts right after the full stop of a match of the hint
        # (a literal full stop: quick to find), so the gaps are looked for there only
        at = [m.start() + 1 for m in _ABBREV_QUOTE_HINT.finditer(text, start, end)]
        raw = _split_at_starts(text, raw, _ABBREV_QUOTE, at, _before_name)
    if len(raw) < 2:
        return raw
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged:
            ps, pe = merged[-1]
            tail = text[max(ps, pe - 8):pe]  # the repairs only look at a sentence's last characters
            if (
                (tail[-2:-1] in _TAIL_BEFORE_STOP or tail[-1:] in _TAIL_LAST) and (
                    (_QUOTE_QM_END.search(tail) and _LOWER_START.match(text, pe, e))
                    or (_NO_END.search(tail) and _NUMBER_START.match(text, pe, e))
                    or (_INITIAL_END.search(tail) and pe - ps > 2 and not tail.endswith(" I."))
                    or (_BRACKET_END.search(tail) and _LOWER_START.match(text, pe, e)))
                or _PUNCT_START.match(text, pe, e)
            ):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def _split_at(text: str, spans: list[tuple[int, int]], gaps: re.Pattern,
              skip=None) -> list[tuple[int, int]]:
    """Spans split at every match of ``gaps`` (the white space between two sentences) inside
    them, except where ``skip(text, span_start, match)`` holds. With :data:`_NO_BREAK`: after
    a lower-case "no." followed by a capital word (a refusal that ends a sentence, never the
    abbreviation "No. 5"); with :data:`_ABBREV_QUOTE` and :func:`_before_name`: where an
    abbreviation that ends a sentence (a state, "U.S.") is followed by an opening double quote
    and a capital, never after a title or an initial ("Mr. “Big”").

    >>> t = "He said no. “But I do,” he said."
    >>> [t[s:e] for s, e in _split_at(t, [(0, len(t))], _NO_BREAK)]
    ['He said no.', '“But I do,” he said.']
    >>> t = "“No,” said Ann Moe of Eastport, Fla. “She knows.” Mr. “Big” Moe"
    >>> [t[s:e] for s, e in _split_at(t, [(0, len(t))], _ABBREV_QUOTE, _before_name)]
    ['“No,” said Ann Moe of Eastport, Fla.', '“She knows.” Mr. “Big” Moe']
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in gaps.finditer(text, s, e):
            if m.start() <= s or (skip is not None and skip(text, s, m)):
                continue
            out.append((s, m.start()))
            s = m.end()
        out.append((s, e))
    return out


def _split_at_starts(text: str, spans: list[tuple[int, int]], gaps: re.Pattern,
                     starts: list[int], skip) -> list[tuple[int, int]]:
    """:func:`_split_at` when every match of ``gaps`` starts at one of ``starts`` (in order):
    the pattern is tried there only, each span's starts found by bisection.

    >>> t = "“No,” said Ann Moe of Eastport, Fla. “She knows.” Mr. “Big” Moe"
    >>> [t[s:e] for s, e in _split_at_starts(t, [(0, len(t))], _ABBREV_QUOTE, [36, 53],
    ...                                        _before_name)]
    ['“No,” said Ann Moe of Eastport, Fla.', '“She knows.” Mr. “Big” Moe']
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        i = bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            m = gaps.match(text, starts[i], e)
            i += 1
            if m is None or m.start() <= s or skip(text, s, m):
                continue
            out.append((s, m.start()))
            s = m.end()
        out.append((s, e))
    return out


def _before_name(text: str, s: int, m: re.Match) -> bool:
    """Whether the abbreviation before the gap ``m`` stands before a name (a title or an
    initial), so the gap does not end a sentence."""
    return _BEFORE_NAME.search(text, max(s, m.start() - 6), m.start()) is not None


class TextMarks:
    """Where a text holds what :func:`split_sentences` checks each paragraph for (white space
    other than spaces and line breaks, "..", "--", ". .", "no." and :data:`_ABBREV_QUOTE_HINT`),
    found in one pass over the text for each instead of one per paragraph. Each is a pair of
    lists (starts, ends) of its occurrences, in order, with the ends in order too; a paragraph
    ``[start, end)`` holds one when the first occurrence starting at or after ``start`` ends by
    ``end`` (:func:`_within`). One with more than :data:`MARKS_MAX` occurrences (a hostile
    text: ". . . " a hundred times) is None and looked for in each paragraph instead, as
    without marks (:meth:`has`).

    >>> m = TextMarks("It is no. 5... Or\\tnot.")
    >>> m.find()
    >>> m.no, m.dots, m.other_space
    (([6], [9]), ([11, 12], [13, 14]), ([17], [18]))
    >>> m.has("dots", 0, 13), m.has("dots", 0, 12), m.has("dots", 12, 14)
    (True, False, True)
    >>> m = TextMarks(". " * 300)
    >>> m.has("spaced_dots", 2, 5), m.spaced_dots is None, m.has("spaced_dots", 2, 4)
    (True, True, False)
    """

    __slots__ = ("text", "ready", "other_space", "dots", "dashes", "spaced_dots", "no", "quote")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ready = False  # found when a paragraph first asks (a text may have none)

    def find(self) -> None:
        """Find the marks (once)."""
        if self.ready:
            return
        self.ready = True
        text = self.text
        other: list[int] | None = []
        for c in _OTHER_SPACES:
            found = _occurrences(text, c)
            if found is None:
                other = None
                break
            other += found
        self.other_space = None if other is None else (sorted(other),
                                                       sorted(a + 1 for a in other))
        for name, sub in _SUBSTRINGS.items():
            starts = _occurrences(text, sub)
            setattr(self, name, None if starts is None else
                    (starts, [a + len(sub) for a in starts]))
        # matches of the hint never overlap: it holds no full stop after its first character
        spans: list[tuple[int, int]] | None = []
        for m in _ABBREV_QUOTE_HINT.finditer(text):
            if len(spans) == MARKS_MAX:
                spans = None
                break
            spans.append(m.span())
        self.quote = None if spans is None else ([a for a, _ in spans], [b for _, b in spans])

    def has(self, name: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds the mark ``name`` (an attribute's name)."""
        self.find()
        marks = getattr(self, name)
        if marks is not None:
            return bool(marks[0]) and _within(marks, start, end)
        return self._look(name, start, end)

    def _look(self, name: str, start: int, end: int) -> bool:
        """:meth:`has` for a mark with too many occurrences to list: looked for in the slice."""
        text = self.text
        if name == "other_space":
            return any(text.find(c, start, end) >= 0 for c in _OTHER_SPACES)
        if name == "quote":
            return _ABBREV_QUOTE_HINT.search(text, start, end) is not None
        return text.find(_SUBSTRINGS[name], start, end) >= 0

    def layout(self, start: int, end: int) -> tuple[bool, bool]:
        """Whether ``text[start:end]`` holds white space other than a space, and whether it
        holds "..", "--" or ". ." (see :func:`analysis.sentences.punkt_spans`).

        >>> TextMarks("One.. Two.\\tThree").layout(0, 10), TextMarks("A.\\nB").layout(0, 2)
        ((False, True), (False, False))
        """
        # (written out: a paragraph's usual answer, no occurrence at all, takes no call)
        self.find()
        o, d, h, s = self.other_space, self.dots, self.dashes, self.spaced_dots
        return (self.text.find("\n", start, end) >= 0
                or (o is None and self._look("other_space", start, end))
                or (o is not None and bool(o[0]) and _within(o, start, end)),
                (d is None and self._look("dots", start, end))
                or (d is not None and bool(d[0]) and _within(d, start, end))
                or (h is None and self._look("dashes", start, end))
                or (h is not None and bool(h[0]) and _within(h, start, end))
                or (s is None and self._look("spaced_dots", start, end))
                or (s is not None and bool(s[0]) and _within(s, start, end)))


#: More occurrences of a mark than this in a text: it is looked for paragraph by paragraph.
MARKS_MAX = 100
_OTHER_SPACES = "\t\r\x0b\x0c"  # (line breaks: one str.find a paragraph)
_SUBSTRINGS = {"dots": "..", "dashes": "--", "spaced_dots": ". .", "no": "no."}


def _occurrences(text: str, sub: str) -> list[int] | None:
    """Every start of ``sub`` in ``text``, overlapping ones too (one ``find`` each); None
    beyond :data:`MARKS_MAX` of them."""
    out: list[int] = []
    i = text.find(sub)
    while i >= 0:
        if len(out) == MARKS_MAX:
            return None
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def _within(marks: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether an occurrence ``(starts, ends)`` of :class:`TextMarks` lies in ``[start, end)``
    (the first one starting at or after ``start`` ends first: the ends are in order)."""
    starts = marks[0]
    if not starts:
        return False
    i = bisect_left(starts, start)
    return i < len(starts) and marks[1][i] <= end
