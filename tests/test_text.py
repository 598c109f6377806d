"""The text model: blocks, sentences and words, checked against hand counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.config import SAMPLE_ARTICLE
from analysis.text import (
    ROW_LIST_MAX,
    WORD_PATTERN,
    Block,
    InputError,
    Rows,
    Sentence,
    Token,
    article_from_text,
    blocks_table,
    decode_bytes,
    load_article,
    sections_table,
    sentences_table,
    split_blocks,
    split_sentences,
    tokens_table,
)


@pytest.fixture(scope="module")
def sample():
    return load_article(SAMPLE_ARTICLE)


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def words(text: str) -> list[str]:
    art = article_from_text(text, "t")
    return [t.text for t in art.tokens]


# --------------------------------------------------------------------------- the sample


def test_sample_structure(sample):
    kinds = [b.kind for b in sample.blocks]
    assert kinds.count("heading") == 7
    assert kinds.count("paragraph") == 21
    assert "title" not in kinds  # the first line is the lede, not a title
    headings = [sample.block_text(b) for b in sample.blocks if b.kind == "heading"]
    assert headings == [
        "Acknowledging Kenya’s Leadership",
        "President Ruto’s Vision for Kenya",
        "Insights from Haiti",
        "U.S. Support and Regional Security",
        "Broader Implications for Africa",
        "Looking Ahead",
        "Conclusion",
    ]


def test_sample_has_52_sentences(sample):
    assert len(sample.sentences) == 52
    first = sample.text[sample.sentences[0].start : sample.sentences[0].end]
    assert first == (
        "President William Ruto of Kenya engaged in pivotal discussions with U.S. Secretary of "
        "State Antony J. Blinken during a high-profile meeting in New York."
    )
    # a sentence ending inside a closing quote keeps the quote mark
    texts = [sample.text[s.start : s.end] for s in sample.sentences]
    assert "He remarked, “I was in Haiti a couple of weeks ago and saw for myself Kenya’s " \
           "leadership on the ground.”" in texts


def test_sample_words_and_offsets(sample):
    # 1,224 body words under the documented definition (seed reference, hand-verified)
    assert len(sample.body_tokens) == 1224
    assert all(sample.text[t.start : t.end] == t.text for t in sample.tokens)
    raw = open(SAMPLE_ARTICLE, encoding="utf-8").read()
    assert sample.text == raw
    # "U.S." appears 20 times in the body: 17 alone, 3 in "U.S.-Kenyan" (2) and "U.S.-Kenya" (1)
    assert sum(t.text == "U.S." for t in sample.body_tokens) == 17
    assert sorted(t.text for t in sample.body_tokens if "U.S.-" in t.text) == [
        "U.S.-Kenya", "U.S.-Kenyan", "U.S.-Kenyan"]


def test_sample_sections(sample):
    df = sections_table(sample)
    assert df["title"].tolist()[0] == "(lede)"
    assert len(df) == 8
    assert df["sentences"].sum() == 52 and df["words"].sum() == 1224
    assert df["paragraphs"].tolist() == [1, 3, 3, 3, 3, 2, 3, 3]


def test_tables_carry_article_id(sample):
    for table in (blocks_table, sentences_table, tokens_table, sections_table):
        df = table(sample)
        assert (df["article_id"] == "ruto_blinken_2024").all()
        assert len(df) > 0


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. and the U.N. agreed. Talks ended.", 2),
        ("Secretary Antony J. Blinken spoke. He left.", 2),
        ("It was signed on Dec. 5 and Jan. 9 last year. Then it lapsed.", 2),
        ("Mr. Otieno met Ms. Wanjiru and Dr. Kamau. They talked.", 2),
        ("Sen. Warren and Gov. Hochul spoke. They agreed.", 2),
        ("Resolution No. 2699 passed. It was unanimous.", 2),
        ("He flew to the U.S. The trip was long.", 2),  # acronym at a real sentence end
    ],
)
def test_abbreviations(text, expected):
    assert len(sents(text)) == expected, sents(text)


def test_closing_quote_stays_with_sentence():
    assert sents("He said, “We won on the ground.” Then he left.") == [
        "He said, “We won on the ground.”",
        "Then he left.",
    ]
    assert sents('He said, "We won." Then he left.') == ['He said, "We won."', "Then he left."]


def test_question_and_exclamation_inside_quotes():
    assert sents("“Why now?” she asked. He shrugged.") == ["“Why now?” she asked.", "He shrugged."]
    assert sents("“Stop!” he shouted. Nobody did.") == ["“Stop!” he shouted.", "Nobody did."]
    assert sents("Is it true? Yes! It is.") == ["Is it true?", "Yes!", "It is."]


def test_dashes_do_not_split():
    assert sents("The CHIPS Act—a U.S. initiative—passed. It helps.") == [
        "The CHIPS Act—a U.S. initiative—passed.",
        "It helps.",
    ]
    assert sents("“We will not—” he said. Fine.") == ["“We will not—” he said.", "Fine."]


def test_initials_sequence():
    assert sents("She met A. B. Odhiambo. Then she left.") == [
        "She met A. B. Odhiambo.",
        "Then she left.",
    ]


# --------------------------------------------------------------------------- words


def test_word_definition():
    assert words("The U.S.-Kenyan long-term deal—a big one—won’t fail.") == [
        "The", "U.S.-Kenyan", "long-term", "deal", "a", "big", "one", "won’t", "fail",
    ]
    assert words("Kenya’s farmers’ “hopes” (and fears), don't they?") == [
        "Kenya’s", "farmers", "hopes", "and", "fears", "don't", "they",
    ]
    assert words("It cost 1,224.50 dollars in 2024.") == ["It", "cost", "1,224.50", "dollars", "in",
                                                         "2024"]


# --------------------------------------------------------------------------- blocks


def test_blocks_blank_line_paragraphs_and_markdown():
    text = "# A Title\n\nFirst para line one\ncontinues here.\n\n## Section two\n\nSecond para."
    kinds = [(k, text[s:e]) for k, s, e in split_blocks(text)]
    assert kinds == [
        ("title", "# A Title"),
        ("paragraph", "First para line one\ncontinues here."),
        ("heading", "## Section two"),
        ("paragraph", "Second para."),
    ]
    art = article_from_text(text, "md")
    assert sections_table(art)["title"].tolist() == ["(lede)", "Section two"]


def test_title_line_is_not_a_sentence():
    art = article_from_text("Kenya and the United States\nThey met today. They agreed.", "t")
    assert [b.kind for b in art.blocks] == ["title", "paragraph"]
    assert len(art.sentences) == 2
    assert len(art.body_tokens) == 5  # They met today They agreed


def test_crlf_and_bom_offsets(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffHeading here\r\nOne “quote.” Two.\r\n".encode())
    art = load_article(p)
    assert art.text == open(p, encoding="utf-8").read()
    assert [b.kind for b in art.blocks] == ["title", "paragraph"]
    assert art.text[art.blocks[0].start : art.blocks[0].end] == "Heading here"
    assert len(art.sentences) == 2
    assert all(art.text[t.start : t.end] == t.text for t in art.tokens)


# --------------------------------------------------------------------------- line structure
# (issue 12, class 12: line structure is decided from the whole file, not one line)

ONE_PER_LINE = (
    "Kenyan Farmers Count the Cost of a Long Drought as the Rains Fail for a Fourth Season\n"
    "Maize farmers in Makueni say their harvest fell by half this year.\n"
    "“We planted twice and lost both crops,” said Wanjiru Mwangi, who farms four acres.\n"
    "Her neighbour began to answer, “If the dam is not finished by March—\n"
    "“It will be finished,” the county officer said. “The money is there.”\n"
    "Market prices for a sack of maize have doubled since June.\n"
    "Looking Ahead\n"
    "Forecasters expect better rains in the short season.\n"
)


def test_long_headline_and_dash_keep_one_paragraph_per_line():
    blocks = split_blocks(ONE_PER_LINE)
    lines = ONE_PER_LINE.splitlines()
    # every line is its own block: a title of 16 words (over the heading limit), a heading and
    # 6 paragraphs with 1 + 1 + 1 (unfinished, ends in a dash) + 2 + 1 + 1 = 7 sentences
    assert [ONE_PER_LINE[s:e] for _, s, e in blocks] == lines
    assert [k for k, _, _ in blocks] == ["title"] + ["paragraph"] * 5 + ["heading", "paragraph"]
    art = article_from_text(ONE_PER_LINE, "t")
    assert len(art.paragraphs) == 6 and len(art.sentences) == 7


def test_one_unpunctuated_line_does_not_merge_the_file():
    # a line of 15 words with no closing punctuation in the middle of the file (a photo credit)
    text = ONE_PER_LINE.replace("Market prices", "Photo by a staff photographer for the county "
                                "agriculture office in Wote town last week\nMarket prices")
    kinds = [k for k, _, _ in split_blocks(text)]
    assert len(kinds) == len(text.splitlines()) == 9
    assert kinds.count("paragraph") == 7


def test_hard_wrapped_text_stays_one_paragraph_per_chunk():
    import textwrap

    paras = [
        "Maize farmers in Makueni say their harvest fell by half this year after the short "
        "rains failed again. County officers have promised water pans. Few have been dug.",
        "Market prices for a sack of maize have doubled since June, and traders say the "
        "supply from Tanzania is thinner than in any year they remember.",
    ]
    text = "\n\n".join(textwrap.fill(p, width=40) for p in paras)
    assert text.count("\n") > 8  # really wrapped
    blocks = split_blocks(text)
    assert [k for k, _, _ in blocks] == ["paragraph", "paragraph"]
    assert len(article_from_text(text, "t").sentences) == 4


def test_file_verdict_for_wrapped_lines_without_blank_lines():
    # wrapped at 30 characters with no blank line: most lines end mid-sentence, so the file is
    # one wrapped paragraph even though two of its lines happen to end a sentence
    text = ("The county said the dam\nwould be finished by March.\nFarmers doubt it, and the\n"
            "contractor has not been paid\nsince the work began. Rain is\nexpected soon")
    assert [(k, s, e) for k, s, e in split_blocks(text)] == [("paragraph", 0, len(text))]


def test_continuation_and_separator_lines():
    text = ("The minister said the dam\nwould open in March.\n***\nFarmers were not convinced.\n"
            "* * *\nPrices rose again.\n")
    blocks = [(k, text[s:e]) for k, s, e in split_blocks(text)]
    assert blocks == [("paragraph", "The minister said the dam\nwould open in March."),
                      ("paragraph", "Farmers were not convinced."),
                      ("paragraph", "Prices rose again.")]
    assert len(article_from_text(text, "t").sentences) == 3  # separators are not sentences


# --------------------------------------------------------------------------- compact tokens
# (issue 10, memory: long texts keep their tokens as columns of offsets, read as Token tuples)


def test_token_columns_read_like_a_list():
    text = "Kenya’s Heading\nMr. Otieno met U.S. officials. They agreed.\n\nA second one."
    small = article_from_text(text, "t")  # a plain list of tokens
    big = article_from_text(text, "t", token_list_max=0)  # columns, tokens built when read
    assert isinstance(small.tokens, list) and not isinstance(big.tokens, list)
    assert list(big.tokens) == small.tokens and big.tokens == small.tokens
    assert len(big.tokens) == 12  # 2 in the title, 7 + 3 in the paragraphs
    assert big.tokens[0] == Token(0, "Kenya’s", 0, 7, 0, -1)
    # line 2 is 16..59, then a blank line; "A second one." starts at 61
    assert big.tokens[-1] == small.tokens[-1] == Token(11, "one", 70, 73, 2, 2)
    assert big.tokens[2:4] == small.tokens[2:4]
    assert [t.text for t in big.tokens[::5]] == ["Kenya’s", "U.S.", "second"]
    with pytest.raises(IndexError):
        big.tokens[12]
    # body tokens: the heading's two tokens left out, token indexes kept
    assert list(big.body_tokens) == small.body_tokens
    assert [t.index for t in big.body_tokens][:2] == [2, 3]
    assert big.body_tokens[0].text == "Mr" and len(big.body_tokens) == 10
    assert all(big.text[t.start:t.end] == t.text for t in big.tokens)


def test_compact_tokens_give_the_same_tables():
    from analysis.readability import readability_table

    text = open(SAMPLE_ARTICLE, encoding="utf-8").read()
    small = article_from_text(text, "t")
    big = article_from_text(text, "t", token_list_max=0)
    for table in (tokens_table, sentences_table, sections_table, blocks_table):
        assert table(small).equals(table(big))
    assert readability_table(small).equals(readability_table(big))


def test_block_and_sentence_columns_read_like_lists():
    # (issue 10, memory: an article of 400,000 one-line paragraphs keeps blocks and sentences as
    # integer columns, ~25 bytes a row, read back as the same tuples)
    text = "Heading\nOne two. Three.\n\n## Part\nFour."
    small = article_from_text(text, "t")
    big = article_from_text(text, "t", row_list_max=0)
    assert isinstance(big.blocks, Rows) and isinstance(big.sentences, Rows)
    assert isinstance(small.blocks, list)
    assert big.blocks == small.blocks and list(big.sentences) == small.sentences
    # Heading 0-7, "One two. Three." 8-23, blank line, "## Part" 25-32, "Four." 33-38
    assert big.blocks[2] == Block(2, "heading", 25, 32, 1)
    assert big.sentences[-1] == Sentence(2, 3, 33, 38)
    assert big.sentences[0:2] == small.sentences[0:2]
    assert [b.index for b in big.paragraphs] == [1, 3] and len(big.paragraphs) == 2
    assert big.paragraphs[1] == small.paragraphs[1] == Block(3, "paragraph", 33, 38, 1)
    with pytest.raises(IndexError):
        big.sentences[3]


def test_compact_rows_give_the_same_results():
    from analysis.quotes import quotes_table
    from analysis.readability import readability_table
    from analysis.topics import topic_hits

    text = open(SAMPLE_ARTICLE, encoding="utf-8").read()
    small = article_from_text(text, "t")
    big = article_from_text(text, "t", token_list_max=0, row_list_max=0)
    assert isinstance(big.blocks, Rows) and len(big.sentences) == 52
    for table in (tokens_table, sentences_table, sections_table, blocks_table):
        assert table(small).equals(table(big))
    quotes = quotes_table(small)
    assert quotes.equals(quotes_table(big))
    assert readability_table(small, quotes).equals(readability_table(big, quotes))
    assert topic_hits(small, quotes=quotes).equals(topic_hits(big, quotes=quotes))


def test_compact_line_spans_split_the_same_blocks(monkeypatch):
    # (issue 10, memory: texts over 1 MB keep line spans in flat arrays while finding blocks)
    import analysis.text.blocks as text_module  # the stage that finds blocks

    texts = [
        "Title here\nA paragraph.\n\n## Next\nMore text.",
        "A hard-wrapped line that goes on\nand on to the end.\n***\nKenya’s Heading\nOne.\nTwo.",
        "A headline of well over twelve words with no full stop at its end\nOne.\nTwo.\n\n",
        open(SAMPLE_ARTICLE, encoding="utf-8").read(),
    ]
    expected = [split_blocks(t) for t in texts]
    assert expected[1][0] == ("paragraph", 0, 51)  # two wrapped lines are one paragraph
    monkeypatch.setattr(text_module, "_COMPACT_LINES_CHARS", 0)
    assert isinstance(text_module._line_groups(texts[0])[0], text_module._Lines)
    assert [split_blocks(t) for t in texts] == expected


# --------------------------------------------------------------------------- fast paths (issue 11)

# the word definition written plainly (numbers, dotted acronyms, words with inner apostrophes,
# joined by hyphens); WORD_PATTERN is written for speed and must find exactly these matches
_PLAIN_PART = r"(?:\d+(?:[.,]\d+)+|(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*)"
_PLAIN_WORD = re.compile(rf"{_PLAIN_PART}(?:[-‐‑]{_PLAIN_PART})*")
_TRICKY_CHARS = list("aZq9 .,'’-‐‑_\n\t\u00a0\ufeff\u00e9\u0663\u00b2\u2160\u0301“”—()…/*") + [
    "U.S.", "1,224", "3.5.", "a’b", "ǅ", "--", "1.", ".5", "  ", "A.B", "x-", "Kenya’s"]


def test_word_pattern_is_the_plain_definition():
    assert WORD_PATTERN.pattern != _PLAIN_WORD.pattern
    for text in ["U.S.-Kenyan ties, 1,224 farmers’ 3.5% rise; don't A.B. x-y-", "٣.٥ ⅠⅡ é_b"]:
        assert [m.span() for m in WORD_PATTERN.finditer(text)] == \
            [m.span() for m in _PLAIN_WORD.finditer(text)]
    assert WORD_PATTERN.findall("A.B. 3.5. a’b ٣,٥") == ["A.B.", "3.5", "a’b", "٣,٥"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY_CHARS), max_size=40).map("".join))
def test_word_pattern_matches_like_the_plain_definition(text):
    assert [m.span() for m in WORD_PATTERN.finditer(text)] == \
        [m.span() for m in _PLAIN_WORD.finditer(text)]
    for a in range(0, len(text), 7):  # inside a span, as blocks and sentences are read
        assert [m.span() for m in WORD_PATTERN.finditer(text, a, len(text) - a // 2)] == \
            [m.span() for m in _PLAIN_WORD.finditer(text, a, len(text) - a // 2)]


def _tokens_span_by_span(text, spans):
    out = []
    for start, end, block, sentence in spans:
        for m in _PLAIN_WORD.finditer(text, start, end):
            out.append(Token(len(out), m.group(), m.start(), m.end(), block, sentence))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY_CHARS), max_size=60).map("".join),
       st.lists(st.integers(0, 80), max_size=8))
def test_token_list_equals_matching_span_by_span(text, cuts):
    from analysis.text.build import _token_list

    edges = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b, i, i - 1) for i, (a, b) in enumerate(zip(edges, edges[1:], strict=False))]
    assert _token_list(text, spans) == _tokens_span_by_span(text, spans)


def test_token_list_pieces():
    # a piece between spaces: letters and digits only, or them inside edge punctuation, is one
    # token; any other piece goes through the pattern (hand-checked offsets)
    from analysis.text.build import _token_list

    text = "“Why,” he said.\tU.S.-led (3.5%) farmers’ don't\u00a0go—now"
    toks = _token_list(text, [(0, len(text), 0, 0)])
    assert [(t.text, t.start) for t in toks] == [
        ("Why", 1), ("he", 7), ("said", 10), ("U.S.-led", 16), ("3.5", 26), ("farmers", 32),
        ("don't", 41), ("go", 47), ("now", 50)]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.index for t in toks] == list(range(9))


_STRUCTURED = list("ab .?!,“”\"'") + ["\n", "\n\n", "## Head\n", "Mr. ", "U.S. ", "No. 5 ",
                                     "“Why?” she asked. ", "A. B. Smith ", "***\n", "Title\n",
                                     "long-term ", "\t", "\u00a0", "x\u2003y "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_STRUCTURED), max_size=40).map("".join))
def test_small_and_streamed_builds_give_the_same_article(text):
    # article_from_text takes the fast path when every token fits in a list; the streamed path
    # (long texts) must build the very same article when told the list can hold the tokens
    from analysis.text.build import _structure_small, _structure_streamed

    small = _structure_small(text, 100)
    n = len(small[3])
    assert small == _structure_streamed(text, n, 100)
    assert small == _structure_streamed(text, n + 10**6, 100)
    if n:  # and the same tokens as columns
        assert small[3] == list(_structure_streamed(text, 0, 0)[3])


def test_both_builds_on_the_project_texts():
    from analysis.text.build import _structure_small, _structure_streamed

    root = Path(__file__).resolve().parent
    paths = sorted([*root.glob("data/**/*.txt"), *root.parent.glob("data/raw/*.txt")])
    assert len(paths) > 20
    for p in paths:
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        small = _structure_small(text, ROW_LIST_MAX)
        assert small == _structure_streamed(text, 10**9, ROW_LIST_MAX), p.name


def test_binary_refusal_counts_exactly_the_control_characters():
    # the definition: C0 controls but tab, LF, VT, FF (CR becomes LF first), DEL, C1 controls
    def is_control(c: str) -> bool:
        return (c < " " and c not in "\t\n\f\v\r") or "\x7f" <= c <= "\x9f"

    for code in range(1, 0x2100):
        c = chr(code)
        text = c * 2 + "a" * 198  # two of 200 is over 0.5 % (one is not)
        if is_control(c):
            with pytest.raises(InputError, match=r"\(2 control characters\)"):
                decode_bytes(text.encode("utf-8"))
            assert decode_bytes((c + "a" * 199).encode("utf-8"))[0] == c + "a" * 199
        else:
            assert decode_bytes(text.encode("utf-8"))[0] == text.replace("\r", "\n")
    # a long run of controls is counted whole (counted a chunk at a time)
    with pytest.raises(InputError, match=r"\(3000000 control characters\)"):
        decode_bytes(b"\x01" * 3_000_000 + b"words")


def test_long_sentences_table_equals_the_row_by_row_table_and_owns_its_data(monkeypatch):
    from analysis.text import tables

    text = "\n\n".join(f"Line {i} is here. Another one, {i}!" for i in range(300)) + "\n\nEnd"
    small = article_from_text(text, "L")
    monkeypatch.setattr(tables, "_CUT_CHUNK", 7)  # chunked strings, no consolidated copy
    long = article_from_text(text, "L", row_list_max=10, token_list_max=10)
    got = sentences_table(long)
    assert len(got) == 600  # two sentences a line; the short last line "End" reads as a heading
    want = [(s.index, s.block, s.start, s.end, text[s.start:s.end]) for s in small.sentences]
    assert list(zip(got.sentence, got.block, got.start, got.end, got.text, strict=True)) == want
    assert got["words"].tolist()[:3] == [4, 3, 4] and got["text"].tolist()[1] == "Another one, 0!"
    assert got.equals(sentences_table(small)) and got.to_csv() == sentences_table(small).to_csv()
    # the table is the caller's: changing it leaves the article as it was
    first = long.sentences[1]
    got.loc[1, "start"] = 999
    assert long.sentences[1] == first
