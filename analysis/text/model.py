"""The article data model: blocks, sections, sentences and word tokens with character offsets,
as lists of tuples or, for long articles, integer columns read as tuples (:class:`Tokens`,
:class:`Rows`), and the :class:`Article` holding them.

>>> Token(0, "Kenya", 0, 5, 1, 0).text
'Kenya'
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from analysis.text.words import WORD_PATTERN


class Block(NamedTuple):
    index: int
    kind: str  # "title", "heading" or "paragraph"
    start: int
    end: int
    section: int


class Section(NamedTuple):
    index: int
    title: str  # heading text; "(lede)" for the paragraphs before the first heading
    start: int
    end: int


class Sentence(NamedTuple):
    index: int
    block: int
    start: int
    end: int


class Token(NamedTuple):
    index: int
    text: str
    start: int
    end: int
    block: int
    sentence: int  # -1 for tokens in headings and the title


#: Articles with more word tokens than this keep them as columns of offsets only (see
#: :class:`Tokens`); smaller ones get a plain list of :class:`Token`, as fast to index as ever.
TOKEN_LIST_MAX = 100_000


_SPAN = re.Match.span


class TokenColumns:
    """Every word token of an article as four integer arrays (``start``, ``end``, ``block``,
    ``sentence``): 16 bytes a token instead of ~250 for a tuple with its string and integers
    (4-byte integers, ``typecode`` ``"i"``; ``"q"`` for a text of 2**31 characters or more).

    >>> cols = TokenColumns()
    >>> cols.add_span("Hi there.", 0, 9, block=0, sentence=0)
    >>> list(cols.start), list(cols.end), len(cols)
    ([0, 3], [2, 8], 2)
    """

    __slots__ = ("start", "end", "block", "sentence")

    def __init__(self, typecode: str = "i") -> None:
        self.start = array(typecode)
        self.end = array(typecode)
        self.block = array(typecode)
        self.sentence = array(typecode)

    def __len__(self) -> int:
        return len(self.start)

    def add_span(self, text: str, start: int, end: int, block: int, sentence: int) -> None:
        """Append the word tokens of ``text[start:end]`` (:data:`WORD_PATTERN`)."""
        code = self.start.typecode
        flat = array(code, chain.from_iterable(map(_SPAN, WORD_PATTERN.finditer(text, start, end))))
        n = len(flat) // 2
        if n:
            self.start.extend(flat[0::2])
            self.end.extend(flat[1::2])
            self.block.extend(array(code, [block]) * n)
            self.sentence.extend(array(code, [sentence]) * n)

    def add_tokens(self, tokens: list[Token]) -> None:
        """Append tokens already built."""
        for name in self.__slots__:
            getattr(self, name).extend(map(attrgetter(name), tokens))


class _ColumnSequence(Sequence):
    """A sequence of tuples made when read from integer columns (``_make(i)`` builds item
    ``i``): indexing (negative too), slicing (a list) and ``==`` behave as on a list of them."""

    __slots__ = ()
    _item = "item"  # named in the IndexError

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._make(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"{self._item} index out of range")
        return self._make(i)

    def __eq__(self, other) -> bool:
        if isinstance(other, (type(self), list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                          strict=True))
        return NotImplemented

    __hash__ = None  # a sequence compared by value, like a list


class Tokens(_ColumnSequence):
    """Word tokens read from :class:`TokenColumns`: a sequence of :class:`Token` built when read.

    Indexing, iteration, ``len`` and slicing (a list) behave as on a list of tokens. ``positions``
    holds each item's token index (all tokens, or the body's); :meth:`column` and :meth:`texts`
    read fields without building tokens.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("A heading\\nOne two. Three.", "x", token_list_max=0)
    >>> toks = art.tokens
    >>> len(toks), [t.text for t in art.body_tokens]
    (5, ['One', 'two', 'Three'])
    >>> toks[1]
    Token(index=1, text='heading', start=2, end=9, block=0, sentence=-1)
    """

    __slots__ = ("_text", "_cols", "positions")
    _item = "token"

    def __init__(self, text: str, cols: TokenColumns, positions: range | array | None = None):
        self._text = text
        self._cols = cols  # the columns of exactly these tokens, in order
        self.positions = range(len(cols)) if positions is None else positions

    def __len__(self) -> int:
        return len(self.positions)

    def _make(self, i: int) -> Token:
        c = self._cols
        s, e = c.start[i], c.end[i]
        return tuple.__new__(Token, (self.positions[i], self._text[s:e], s, e, c.block[i],
                                     c.sentence[i]))

    def __iter__(self):
        text, new = self._text, tuple.__new__
        c = self._cols
        for g, s, e, b, snt in zip(self.positions, c.start, c.end, c.block, c.sentence,
                                   strict=True):
            yield new(Token, (g, text[s:e], s, e, b, snt))


    def __repr__(self) -> str:
        return f"<Tokens: {len(self)} word tokens>"

    def column(self, name: str) -> array:
        """One column (``start``, ``end``, ``block`` or ``sentence``) of these tokens (shared,
        do not modify)."""
        return getattr(self._cols, name)

    def text_of(self, i: int) -> str:
        """The string of token ``i`` of this sequence (no :class:`Token` built).

        >>> from analysis.text import article_from_text
        >>> article_from_text("One two.", "x", token_list_max=0).tokens.text_of(1)
        'two'
        """
        c = self._cols
        return self._text[c.start[i]:c.end[i]]

    def texts(self):
        """The tokens' strings, in order."""
        text = self._text
        return map(text.__getitem__, map(slice, self._cols.start, self._cols.end))

    def where_sentence(self) -> Tokens:
        """The tokens inside sentences (the body), as a view with its own columns (these very
        tokens when all are in sentences: an article without headings shares its columns)."""
        c = self._cols
        if isinstance(self.positions, range) and (not len(c) or min(c.sentence) >= 0):
            return self
        out = TokenColumns(c.start.typecode)
        positions = array(c.start.typecode)
        sentence = c.sentence
        n = len(sentence)
        i = 0
        while i < n:  # body tokens come in runs between the tokens of headings
            if sentence[i] < 0:
                i += 1
                continue
            j = i
            while j < n and sentence[j] >= 0:
                j += 1
            for name in TokenColumns.__slots__:
                getattr(out, name).extend(getattr(c, name)[i:j])
            positions.extend(self.positions[i:j])
            i = j
        return Tokens(self._text, out, positions)


#: Articles with more blocks (or sentences) than this keep them as columns too (:class:`Rows`).
ROW_LIST_MAX = 100_000

_KINDS = ("title", "heading", "paragraph")


class Rows(_ColumnSequence):
    """Blocks or sentences of a long article kept as integer columns: a sequence of
    :class:`Block` (or :class:`Sentence`) tuples built when read, each row's ``index`` being its
    position: 13 to 25 bytes a row (4- or 8-byte integers) instead of ~190 for a tuple and its
    integers. Indexing, iteration, ``len``, slicing (a list) and ``==`` behave as on a list.

    >>> rows = Rows(Sentence)
    >>> rows.append(Sentence(0, 1, 0, 4)); rows.append(Sentence(1, 1, 5, 9))
    >>> rows[-1], len(rows), [s.end for s in rows]
    (Sentence(index=1, block=1, start=5, end=9), 2, [4, 9])
    """

    __slots__ = ("_type", "_cols")
    _item = "row"

    def __init__(self, row_type: type, rows=(), typecode: str = "q"):
        self._type = row_type
        # every field but the index (the position); a block's kind as a 1-byte code
        self._cols = [array("b" if f == "kind" else typecode) for f in row_type._fields[1:]]
        self.extend(rows)

    def append(self, row) -> None:
        """Add one row (its ``index`` must be its position)."""
        for col, v in zip(self._cols, row[1:], strict=True):
            col.append(_KINDS.index(v) if col.typecode == "b" else v)

    def extend(self, rows) -> None:
        """Add rows (see :meth:`append`)."""
        for row in rows:
            self.append(row)

    def __len__(self) -> int:
        return len(self._cols[0])

    def _make(self, i: int):
        return tuple.__new__(self._type, (i, *(_KINDS[c[i]] if c.typecode == "b" else c[i]
                                               for c in self._cols)))

    def __iter__(self):
        new, row_type = tuple.__new__, self._type
        cols = [map(_KINDS.__getitem__, c) if c.typecode == "b" else c for c in self._cols]
        for row in zip(range(len(self)), *cols, strict=False):  # all of len(self)
            yield new(row_type, row)


    def __repr__(self) -> str:
        return f"<Rows: {len(self)} {self._type.__name__} rows>"


class _Paragraphs(Sequence):
    """The paragraph blocks of a :class:`Rows` of blocks: positions of paragraphs only."""

    __slots__ = ("_blocks", "_at")

    def __init__(self, blocks: Rows):
        self._blocks = blocks
        code = _KINDS.index("paragraph")
        self._at = array("q", (i for i, k in enumerate(blocks._cols[0]) if k == code))

    def __len__(self) -> int:
        return len(self._at)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._blocks[k] for k in self._at[i]]
        return self._blocks[self._at[i]]

    def __iter__(self):
        return map(self._blocks.__getitem__, self._at)


class BlockPlaces:
    """Paragraph number and section of a block, looked up per block: an array of the
    paragraphs' block indexes (no dict or object per block, for long articles).

    >>> from analysis.text import article_from_text
    >>> places = BlockPlaces(article_from_text("Title\\n\\nOne.\\n\\nTwo.", "x"))
    >>> places.paragraph(2), places.section(2)
    (1, 0)
    """

    __slots__ = ("_blocks", "_at")

    def __init__(self, article: Article):
        self._blocks = article.blocks
        paras = article.paragraphs
        self._at = paras._at if isinstance(paras, _Paragraphs) else \
            array("q", [b.index for b in paras])

    def paragraph(self, block: int) -> int:
        """Position of a paragraph block among the paragraphs (KeyError for another block)."""
        i = bisect_left(self._at, block)
        if i == len(self._at) or self._at[i] != block:
            raise KeyError(block)
        return i

    def section(self, block: int) -> int:
        """Section number of a block."""
        return self._blocks[block].section


def token_column(tokens: Sequence[Token], name: str) -> array:
    """One field of a token sequence (list or :class:`Tokens`) as an integer array.

    >>> from analysis.text import article_from_text
    >>> toks = article_from_text("One two.", "x").tokens
    >>> list(token_column(toks, "start")), list(token_column(toks, "sentence"))
    ([0, 4], [0, 0])
    """
    if isinstance(tokens, Tokens):
        return tokens.column(name)
    return array("q", map(attrgetter(name), tokens))


def token_texts(tokens: Sequence[Token]):
    """The strings of a token sequence (list or :class:`Tokens`), in order.

    >>> from analysis.text import article_from_text
    >>> list(token_texts(article_from_text("One two.", "x", token_list_max=0).tokens))
    ['One', 'two']
    """
    if isinstance(tokens, Tokens):
        return tokens.texts()
    return (t.text for t in tokens)


@dataclass
class Article:
    """One article: its exact text and the structure found in it (see module docstring).

    ``tokens`` is a list of :class:`Token` or, for very long texts, a :class:`Tokens` sequence
    that builds each token when read (same indexing, iteration and slicing); ``blocks`` and
    ``sentences`` likewise lists or :class:`Rows`.
    """

    id: str
    text: str
    blocks: list[Block] | Rows
    sections: list[Section]
    sentences: list[Sentence] | Rows
    tokens: list[Token] | Tokens
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Block] | Sequence[Block]:
        """The paragraph blocks, in order (a list; for a long article, a sequence reading them
        from the block columns)."""
        if isinstance(self.blocks, Rows):
            return _Paragraphs(self.blocks)
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def body_tokens(self) -> list[Token] | Tokens:
        """Word tokens of the body (paragraphs), headings and title excluded (computed once)."""
        toks = self.tokens
        if isinstance(toks, Tokens):
            return toks.where_sentence()
        return [t for t in toks if t.sentence >= 0]

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]
