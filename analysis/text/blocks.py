"""Line structure: the text split into blocks (title, headings, paragraphs).

See :mod:`analysis.text` for the rules (when a line break ends a paragraph, what is a heading
or a title).

>>> split_blocks("Title\\n\\nOne paragraph.\\n***\\nAnother.")
[('title', 0, 5), ('paragraph', 7, 21), ('paragraph', 26, 34)]
"""

from __future__ import annotations

import re
from array import array
from itertools import islice

#: Headings are lines of at most this many words with no closing punctuation.
HEADING_MAX_WORDS = 12
#: The first line may be a longer headline (up to this many words, no closing punctuation).
TITLE_MAX_WORDS = 30
#: Hard-wrapped text has no line longer than this many characters.
WRAP_MAX_CHARS = 120

_SENTENCE_END = tuple(".!?:;…”\"’')]")
_WS = " \t\r\f\v\ufeff\u00a0"
_WS_OR_NL = frozenset(_WS + "\n")
_SENTENCE_END_CHARS = frozenset(_SENTENCE_END)


def _is_heading_line(line: str) -> bool:
    s = line.strip(_WS)
    if s.startswith("#"):
        return True
    if not s or s.endswith(_SENTENCE_END) or s.endswith((",", "—", "-")):
        return False
    return len(s.split()) <= HEADING_MAX_WORDS and (s[0].isupper() or s[0].isdigit())


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _WS or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _WS or text[end - 1] == "\n"):
        end -= 1
    return start, end


_SEPARATOR = re.compile(r"[^\w“”\"‘’'«»]+")  # "***", "—-", "* * *": no words, no quote marks


class _Lines:
    """Line spans ``(start, end)`` of a chunk kept as one flat integer array (16 bytes a line,
    not ~130 for a tuple and its integers); read as tuples. For long texts only.

    >>> lines = _Lines(); lines.append((0, 4)); lines.append((5, 9))
    >>> len(lines), lines[-1], list(lines)
    (2, (5, 9), [(0, 4), (5, 9)])
    """

    __slots__ = ("flat",)

    def __init__(self) -> None:
        self.flat = array("q")

    def append(self, span: tuple[int, int]) -> None:
        self.flat.extend(span)

    def __len__(self) -> int:
        return len(self.flat) // 2

    def __getitem__(self, i: int) -> tuple[int, int]:
        if i < 0:
            i += len(self)
        return self.flat[2 * i], self.flat[2 * i + 1]

    def __iter__(self):
        flat = self.flat
        return zip(islice(flat, 0, None, 2), islice(flat, 1, None, 2), strict=True)


#: Texts longer than this keep their line spans in flat arrays while blocks are found.
_COMPACT_LINES_CHARS = 1_000_000


def _line_groups(text: str) -> list[list[tuple[int, int]] | _Lines]:
    """Non-empty lines ``(start, end)`` (stripped), grouped into chunks at blank lines and at
    separator lines ("***"), which belong to no block."""
    new_group = _Lines if len(text) > _COMPACT_LINES_CHARS else list
    groups: list[list[tuple[int, int]]] = [new_group()]
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        s, e = pos, stop
        if s < e and (text[s] in _WS_OR_NL or text[e - 1] in _WS_OR_NL):
            s, e = _strip_span(text, pos, stop)
        # (a line starting with a letter or digit, a word character, is no separator)
        if s >= e or (not text[s].isalnum() and _SEPARATOR.fullmatch(text, s, e)):
            if groups[-1]:
                groups.append(new_group())
        else:
            groups[-1].append((s, e))
        pos = stop + 1
    if not groups[-1]:
        groups.pop()
    return groups


def _lines_are_paragraphs(text: str, groups, heads) -> bool:
    """The whole file's verdict: is a line break inside a chunk a paragraph break?

    Looks at every line break inside a chunk (not the blank-line ones): a line that ends like a
    sentence votes yes, and so does a line longer than :data:`WRAP_MAX_CHARS` (no one hard-wraps
    text that wide); a shorter line that ends mid-sentence (not a heading) votes no. Yes wins ties
    and files with no vote. One-paragraph-per-line files end nearly every line with a sentence; text
    hard-wrapped at a fixed width ends one line in ten or twenty that way.
    """
    ends = opens = 0
    for lines, h in zip(groups, heads, strict=True):
        for i in range(len(lines) - 1):
            s, e = lines[i]
            if text[e - 1] in _SENTENCE_END or e - s > WRAP_MAX_CHARS:
                ends += 1
            elif not h[i]:
                opens += 1
    return ends >= opens


def split_blocks(text: str) -> list[tuple[str, int, int]]:
    """Split text into ``(kind, start, end)`` blocks; see the module docstring for the rules.

    >>> split_blocks("Title here\\nA paragraph.\\n\\n## Next\\nMore text.")
    [('title', 0, 10), ('paragraph', 11, 23), ('heading', 25, 32), ('paragraph', 33, 43)]
    >>> t = "A headline of well over twelve words with no full stop at its end\\nOne.\\nTwo."
    >>> [(k, t[s:e][:8]) for k, s, e in split_blocks(t)]
    [('title', 'A headli'), ('paragraph', 'One.'), ('paragraph', 'Two.')]
    """
    groups = _line_groups(text)
    # a line followed by one that starts in lower case is a wrapped line, not a heading
    # (a line ending like a sentence is no heading unless it starts with "#": no call for it)
    heads = [
        [(text[s] == "#" or text[e - 1] not in _SENTENCE_END_CHARS)
         and _is_heading_line(text[s:e])
         and not (i + 1 < len(lines) and text[lines[i + 1][0]].islower())
         for i, (s, e) in enumerate(lines)]
        for lines in groups
    ]
    per_line = _lines_are_paragraphs(text, groups, heads)
    spans: list[tuple[str, int, int]] = []
    for lines, h in zip(groups, heads, strict=True):
        # one paragraph per line: the file says so, or every line of this chunk ends like one
        if per_line or all(h[i] or text[lines[i][1] - 1] in _SENTENCE_END
                           for i in range(len(lines) - 1)):
            i = 0
            while i < len(lines):
                j = i  # a line ending mid-sentence, continued in lower case: one paragraph
                while (j + 1 < len(lines) and text[lines[j][1] - 1] not in _SENTENCE_END
                       and text[lines[j + 1][0]].islower()):
                    j += 1
                kind = "heading" if i == j and h[i] else "paragraph"
                spans.append((kind, lines[i][0], lines[j][1]))
                i = j + 1
        else:  # a hard-wrapped paragraph; a leading heading line still stands alone
            first = 0
            while first < len(lines) - 1 and h[first]:
                spans.append(("heading", *lines[first]))
                first += 1
            spans.append(("paragraph", lines[first][0], lines[-1][1]))
    if spans and spans[0][0] == "paragraph" and len(spans) > 1 and _is_title_line(
            text[spans[0][1]:spans[0][2]]):
        spans[0] = ("heading", spans[0][1], spans[0][2])
    if spans and spans[0][0] == "heading":
        spans[0] = ("title", spans[0][1], spans[0][2])
    return spans


def _is_title_line(line: str) -> bool:
    """A first line that reads as a headline: one line, no closing punctuation, capitalised, at
    most :data:`TITLE_MAX_WORDS` words."""
    if "\n" in line or line.endswith(_SENTENCE_END) or line.endswith((",", "—", "–", "-")):
        return False
    return len(line.split()) <= TITLE_MAX_WORDS and (line[0].isupper() or line[0].isdigit())


def heading_text(text: str) -> str:
    """A heading's words without Markdown ``#`` marks.

    >>> heading_text("## Looking Ahead")
    'Looking Ahead'
    """
    return text.strip(_WS + "\n").lstrip("#").strip(_WS)
