"""Building an :class:`Article` from text: blocks, then sentences, then word tokens.

>>> art = article_from_text("Head\\nOne. Two.", "x")
>>> [b.kind for b in art.blocks], len(art.sentences), len(art.tokens)
(['title', 'paragraph'], 2, 3)
"""

from __future__ import annotations

from analysis.text.blocks import heading_text, split_blocks
from analysis.text.model import (
    ROW_LIST_MAX,
    TOKEN_LIST_MAX,
    Article,
    Block,
    Rows,
    Section,
    Sentence,
    Token,
    TokenColumns,
    Tokens,
)
from analysis.text.sentence_spans import TextMarks, split_sentences
from analysis.text.words import _EDGE_PUNCT, WORD_PATTERN


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
    marks = TextMarks(text)
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
            for s_start, s_end in split_sentences(text, b_start, b_end, marks):
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
            stop = pos + len(piece)
            if piece.isalnum():
                append(new(Token, (k, piece, pos, stop, block, sentence)))
                k += 1
            elif stop > pos:
                core = piece.strip(punct)
                if core.isalnum():
                    a = stop - len(piece.lstrip(punct))
                    append(new(Token, (k, core, a, a + len(core), block, sentence)))
                    k += 1
                elif core:
                    for m in finditer(text, pos, stop):
                        a, b = m.span()
                        append(new(Token, (k, text[a:b], a, b, block, sentence)))
                        k += 1
            pos = stop + 1
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
