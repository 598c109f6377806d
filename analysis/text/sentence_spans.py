"""Sentences of a paragraph: Punkt's boundaries (:mod:`analysis.sentences`) and three repairs.

>>> t = "Mr. Smith met U.S. officials. “Why?” he asked. It is No. 5."
>>> [t[s:e] for s, e in split_sentences(t)]
['Mr. Smith met U.S. officials.', '“Why?” he asked.', 'It is No. 5.']
"""

from __future__ import annotations

import re

from analysis.sentences import punkt_spans

_LOWER_START = re.compile(r"[\s“”\"‘’'(\[—–-]*[a-z]")
_NUMBER_START = re.compile(r"[\s(]*\d")
_NO_END = re.compile(r"(?:^|\s)(?:No|Nos|Vol|Art|Fig|pp?)\.$")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_QUOTE_QM_END = re.compile(r"[?!…][”\"’']*$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]`` (one paragraph), as offsets into text.

    >>> t = "He met Antony J. Blinken in the U.S. on Monday. “Why?” he asked. It is No. 5."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['He met Antony J. Blinken in the U.S. on Monday.', '“Why?” he asked.', 'It is No. 5.']
    """
    end = len(text) if end is None else end
    raw = punkt_spans(text, start, end)
    if len(raw) < 2:
        return raw
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged:
            ps, pe = merged[-1]
            tail = text[max(ps, pe - 8):pe]  # the repairs only look at a sentence's last characters
            if (
                (_QUOTE_QM_END.search(tail) and _LOWER_START.match(text, pe, e))
                or (_NO_END.search(tail) and _NUMBER_START.match(text, pe, e))
                or (_INITIAL_END.search(tail) and pe - ps > 2 and not tail.endswith(" I."))
            ):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged
