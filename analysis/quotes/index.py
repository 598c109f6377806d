"""Sorted lookups over an article's sentences, paragraphs and quote marks, shared by the
attribution stages so that extraction stays linear on long texts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.quotes.marks import QuoteSpan, _first_nonspace
from analysis.text import Article

if TYPE_CHECKING:
    from analysis.quotes.subjects import _Subject


@dataclass
class _Sentence:
    start: int
    end: int


def _joined_sentences(article: Article) -> list:
    """The article's sentences, with a "sentence" that opens in lower case on the same line
    joined to the one before it: "Sen. Ann Moe (R-Tex.) said …" is one sentence, not two
    split after the bracketed abbreviation (a cue and its subject must stay together).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Sen. Ann Moe (R-Tex.) said she would vote. Then she left.", "x")
    >>> [art.text[s.start:s.end] for s in _joined_sentences(art)]
    ['Sen. Ann Moe (R-Tex.) said she would vote.', 'Then she left.']
    """
    text = article.text
    out: list = []
    for sent in article.sentences:
        # (the bracket first: the sentence's first letter is looked for only after one)
        if out and text[out[-1].end - 1:out[-1].end] == ")":
            first = _first_nonspace(text, sent.start, sent.end)
            if first < sent.end and text[first].islower() and \
                    "\n" not in text[out[-1].end:sent.start]:
                out[-1] = _Sentence(out[-1].start, sent.end)
                continue
        out.append(sent)
    return out


class _Index:
    """Sorted lookups that keep extraction linear on long texts."""

    def __init__(self, article: Article, spans: list[QuoteSpan]):
        self.sentences = _joined_sentences(article)
        self.sentence_starts = [s.start for s in self.sentences]
        self.blocks = article.blocks
        self.block_starts = [b.start for b in article.blocks]
        self.marks = sorted((s.open_mark, s.close_mark if s.close_mark is not None else s.end)
                            for s in spans)
        self.mark_starts = [a for a, _ in self.marks]
        self.cue_cache: dict[tuple[int, int, bool], tuple[_Subject, str, int] | None] = {}
        self.content_starts: dict[int, int] = {}  # a cue's offset → its clause's start

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
