"""Helpers shared by the quote tests: who speaks a text's speech quotes, and how many lines of
Python the quote and speaker modules run on it — the linearity tests' measure of work (a count,
not a time, so it is exact on a loaded machine and sees every per-word loop written in Python;
a scan inside a regular expression or a string method needs its own counter)."""

from __future__ import annotations

import os
import sys

from analysis.quotes import extract_quotes
from analysis.text import article_from_text

#: the folders whose lines count as the quote rules' work
WATCHED = (os.path.join("analysis", "quotes", ""), os.path.join("analysis", "speakers", ""))


def speech_speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, position) of each direct and partial quote of ``text``, in text order.

    >>> speech_speakers("“We will win,” Ann Moe said.")
    [('Ann Moe', 'after')]
    """
    return [(q.speaker, q.position) for q in extract_quotes(article_from_text(text, "x"))
            if q.kind in ("direct", "partial")]


def lines_run(text: str) -> tuple[int, list]:
    """Lines of the quote and speaker modules run while extracting ``text``'s quotes, and the
    quotes.

    >>> n, quotes = lines_run("“We will win,” Ann Moe said.")
    >>> n > 0, [q.speaker for q in quotes]
    (True, ['Ann Moe'])
    """
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
        return local

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        return local if any(w in name for w in WATCHED) else None

    sys.settrace(tracer)
    try:
        quotes = extract_quotes(article_from_text(text, "t"))
    finally:
        sys.settrace(None)
    return count[0], quotes
