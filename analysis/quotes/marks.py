"""Quote marks: where each quote starts and ends, per paragraph (the first stage).

See :mod:`analysis.quotes` for the rules (double, single, wire-style ``''…''``, multi-paragraph
quotes, unbalanced marks).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from analysis.text import Article

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


#: ``''(?!')|``|[“”„«»"]`` written to start with one character class, so that ``re`` skips to
#: the next candidate character instead of trying the pattern at every offset (the same
#: matches, about twice as fast; test).
_DOUBLE_MARK = re.compile(r"""[`'“”„«»"](?:(?<=')'(?!')|(?<=`)`|(?<=[“”„«»"]))""")


#: The single marks that can open a quote, and those that can close one.
_OPEN_SINGLE = re.compile(r"[‘']")
_CLOSE_SINGLE = re.compile(r"[’']")


#: Two-character marks of wire and archive text and the one-character mark they act as.
_ASCII_DOUBLE = {"``": "“", "''": '"'}


_OPEN_MARK = attrgetter("open_mark")


def _next_mark(text: str, mark: str, start: int, end: int) -> int:
    """Where ``mark`` next occurs in ``text[start:end]``; ``end`` when it does not.

    >>> _next_mark('a “b” c', "”", 0, 7), _next_mark('a “b” c', '"', 0, 7)
    (4, 7)
    """
    i = text.find(mark, start, end)
    return end if i == -1 else i


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
        nested = ""  # the closing mark of an inner pair being skipped: a straight "…" pair
        # inside a curly quote, or a curly “…” pair inside a straight one
        curly_close = -1  # where the next ” is (b_end: none), once looked for
        straight_close = -1  # where the next " is (b_end: none), once looked for
        curly_open = -1  # where the next “ is (b_end: none), once looked for
        for m in _DOUBLE_MARK.finditer(text, b_start, b_end):
            # each double quote mark; ``…'' and ''…'' (two apostrophes) are double quotes
            # too, read as the mark they act as (“ and ")
            i, c = m.start(), m[0]
            c = _ASCII_DOUBLE.get(c, c)
            if nested:
                nested = "" if c == nested else nested
                continue
            after = m.end()  # first character after the mark
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
                    nested = '"'  # “He said "no" to me,” – an inner quote, not the close
                    continue
                if c == "“" and open_char == '"' and text[i - 1] in _BEFORE_OPEN and \
                        after < b_end and text[after].isalnum():
                    if curly_close < after:  # (the next ” and the next ", each looked for
                        curly_close = _next_mark(text, "”", after, b_end)  # once per one
                    if straight_close < after:  # found: linear)
                        straight_close = _next_mark(text, '"', after, b_end)
                    if curly_open < after:
                        curly_open = _next_mark(text, "“", after, b_end)
                    if curly_close < curly_open and (curly_close < straight_close < b_end or (
                            straight_close == curly_open == b_end)):
                        nested = "”"  # "It is not about “fair water” now" – the same, the
                        continue  # other way round, when the inner pair closes in the
                        # paragraph before the next straight mark could close the outer one
                        # and before another “ opens; with no straight mark after it, only
                        # when no “ follows (a quote running on to the next paragraph; not
                        # "It is about “fair water," Moe said. Reed said, “No.”")
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
        if open_at is None and _OPEN_SINGLE.search(text, b_start, b_end) is not None:
            # (no ‘ or ': no single quote; the double ones are already in order)
            para_spans.extend(_single_quote_spans(text, block, para_spans))
            para_spans.sort(key=_OPEN_MARK)
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
    out: list[QuoteSpan] = []
    b_start, b_end = block.start, block.end
    # (with no quote open only ‘ and ' can open one, and with one open only ’ and ' can
    # close it: each search skips the marks that could do nothing, such as the ’ of
    # "Kenya’s"; a paragraph without ‘ or ' has none)
    pos = _OPEN_SINGLE.search(text, b_start, b_end)
    if pos is None:
        return out
    pos = pos.start()
    open_at = None
    inside = sorted((d.open_mark, d.close_mark if d.close_mark is not None else d.end)
                    for d in doubles)
    inside_starts = [a for a, _ in inside]
    while True:
        m = (_OPEN_SINGLE if open_at is None else _CLOSE_SINGLE).search(text, pos, b_end)
        if m is None:
            return out
        i = m.start()
        pos = i + 1
        k = bisect_right(inside_starts, i) - 1
        if k >= 0 and i <= inside[k][1]:
            continue
        prev = text[i - 1] if i > b_start else " "
        nxt = text[i + 1] if i + 1 < b_end else " "
        if open_at is None:
            if not prev.isalnum() and (nxt.isalpha() or nxt in "…"):
                open_at = i
        elif not prev.isspace() and not nxt.isalnum() and (
                not _is_apostrophe(text, i) or not prev.isalnum() or prev in "sS"):
            # with a quote open, "opportunities' for" / "NHS'." close it rather than being
            # a plural possessive
            out.append(QuoteSpan(block.index, open_at, open_at + 1, i, i))
            open_at = None
