"""Issue 11 (corpus speed), parse and readability: the shortcuts give what the full steps give.

Each shortcut skips work when a cheap test says the work finds nothing; these tests check the
cheap tests against the steps they stand for (every character a pattern can start with, every
layout a paragraph can have) on sentences written for them, and the article built with the
shortcuts against one built paragraph by paragraph without them.
"""

from __future__ import annotations

import random
from itertools import pairwise

import numpy as np

from analysis.readability.columns import _owned_runs, _runs_columns, _RunsUnit
from analysis.sentences import _REALIGN_FIRST, _punkt, punkt_spans
from analysis.text import article_from_text
from analysis.text.blocks import _line_groups, _strip_span, split_blocks
from analysis.text.build import _token_list
from analysis.text.sentence_spans import (
    _ABBREV_QUOTE,
    _ABBREV_QUOTE_HINT,
    _BRACKET_END,
    _INITIAL_END,
    _NO_END,
    _QUOTE_QM_END,
    _TAIL_BEFORE_STOP,
    _TAIL_LAST,
    MARKS_MAX,
    TextMarks,
    _before_name,
    _split_at,
    _split_at_starts,
    _within,
    split_sentences,
)

PARAGRAPHS = [
    "The council met on Monday. It voted to close the market early.",
    "“Will it rain?” she asked. “No,” said Ann Moe of Eastport, Fla. “She knows.”",
    "He said no. “But I do,” he added. It is No. 5 on the list.",
    "Prices rose... and then fell -- twice. See p. 4 . . . and Vol. 2.",
    "Sen. Ann Moe (R-Tex.) said so.\tThen she left.\rMr. J. Otieno stayed.",
    "A line that wraps\nonto the next one. And a third sentence here.",
    "Nothing ends here",
    "“Go!” he said. (Twice.) [sic.] The end.",
]


def _sentences_one_by_one(text: str) -> list[list[tuple[int, int]]]:
    return [split_sentences(text, s, e) for kind, s, e in split_blocks(text) if kind == "paragraph"]


def test_marks_give_the_spans_of_the_paragraph_by_paragraph_checks():
    rng = random.Random(11)
    pieces = [*PARAGRAPHS, "Heading Words", "***", "## Next part", "\n", "\n\n", " "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["\n", "\n\n", " "]) for _ in range(6))
        marks = TextMarks(text)
        for kind, s, e in split_blocks(text):
            if kind == "paragraph":
                assert split_sentences(text, s, e, marks) == split_sentences(text, s, e), text
    text = "\n\n".join(PARAGRAPHS)
    art = article_from_text(text, "x")
    assert [(s.start, s.end) for s in art.sentences] == [
        span for spans in _sentences_one_by_one(text) for span in spans]
    # checked by hand: "Fla." ends a sentence before the quote, "no." before "“But"
    assert [text[s.start:s.end] for s in art.sentences][3:7] == [
        "“No,” said Ann Moe of Eastport, Fla.", "“She knows.”", "He said no.",
        "“But I do,” he added."]


def test_within_reads_an_occurrence_only_when_it_fits():
    marks = TextMarks("ab.. cd no. ef")
    marks.find()
    assert marks.dots == ([2], [4]) and marks.no == ([8], [11])
    assert _within(marks.dots, 0, 4) and not _within(marks.dots, 0, 3)
    assert not _within(marks.dots, 3, 14)
    assert _within(marks.no, 5, 11) and not _within(marks.no, 9, 14)
    # a mark found more than MARKS_MAX times is looked for in the slice, with the same answers
    many = TextMarks("no. " * (MARKS_MAX + 1) + "x.. y")
    assert many.has("no", 0, 3) and not many.has("no", 1, 4) and many.has("dots", 0, 10**6)
    assert many.no is None and not many.has("dots", 0, 4 * MARKS_MAX)
    assert TextMarks("x\ty").layout(0, 3) == (True, False)
    assert TextMarks("x\ty").layout(2, 3) == (False, False)
    assert TextMarks("a\nb -- c").layout(0, 3) == (True, False)
    assert TextMarks("a\nb -- c").layout(2, 8) == (False, True)


def test_the_tail_sets_hold_every_ending_the_repair_patterns_find():
    chars = "aopsltgAJZ.?!…”\"’')] (\n5"
    rng = random.Random(3)
    for _ in range(20_000):
        tail = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 9)))
        if any(p.search(tail) for p in (_QUOTE_QM_END, _NO_END, _INITIAL_END, _BRACKET_END)):
            assert tail[-2:-1] in _TAIL_BEFORE_STOP or tail[-1:] in _TAIL_LAST, repr(tail)
    for tail in ("said No.", "see pp.", "Antony J.", "(R-Tex.)", "“Why?”", "stop!\n"):
        assert tail[-2:-1] in _TAIL_BEFORE_STOP or tail[-1:] in _TAIL_LAST


def test_realignment_starts_only_with_the_listed_characters():
    realign = _punkt()["realign"]
    for code in range(0x3000):
        c = chr(code)
        if realign.match(c + " x"):
            assert c in _REALIGN_FIRST, repr(c)
    # a closing quote after a break moves back onto the sentence it closes
    assert punkt_spans("He said “stop.” Then he left.") == [(0, 15), (16, 29)]


def test_lines_stripped_and_separators_found_as_before():
    text = " \tTitle line \n***\n  One.  \n* * *\n—-\nTwo.\u00a0\n\ufeffThree.\n"
    groups = _line_groups(text)
    spans = [(s, e) for group in groups for s, e in group]
    assert [text[s:e] for s, e in spans] == ["Title line", "One.", "Two.", "Three."]
    assert len(groups) == 3  # "***" and "* * *" end a group, "—-" too (no word in it)
    assert _strip_span(text, 0, 13) == (2, 12)
    assert [k for k, _, _ in split_blocks("# Heading.\nBody text.\n\nMore text.")] == [
        "title", "paragraph", "paragraph"]


def test_token_list_keeps_every_word_shape():
    text = "Kenya’s U.S.-Kenyan ties  (1,224 farmers’ 3.5%) don't—won't x\ty\n“Q”"
    spans = [(0, 25, 0, 0), (26, len(text), 0, 1)]
    toks = _token_list(text, spans)
    assert [t.text for t in toks] == ["Kenya’s", "U.S.-Kenyan", "ties", "1,224", "farmers", "3.5",
                                      "don't", "won't", "x", "y", "Q"]
    assert [(t.start, t.end) for t in toks][:4] == [(0, 7), (8, 19), (20, 24), (27, 32)]
    assert [t.index for t in toks] == list(range(11))
    assert {t.sentence for t in toks[:3]} == {0} and {t.sentence for t in toks[3:]} == {1}


def test_quote_runs_counts_per_unit():
    # tokens at 0, 5, 10, …: quote A holds tokens 1-2, quote B token 4, nothing holds token 6
    starts = [5 * i for i in range(8)]
    ends = [s + 4 for s in starts]
    spans = [(5, 14, "A"), (20, 24, "B")]
    owned, quoted, narration = _owned_runs(starts, ends, spans)
    assert owned == [(1, 3, 0), (4, 5, 1)] and narration == [(0, 1), (3, 4), (5, 8)]
    sent = (0, 0, 0, 1, 1, 2, 2, 2)  # the tokens' sentence numbers
    units = [_RunsUnit(("quoted", "quoted", "quoted speech"), quoted, [0, 1]),
             _RunsUnit(("narration", "narration", "narration"), narration, None),
             _RunsUnit(("speaker", "C", "C"), [], [])]
    ones = np.arange(len(sent) + 1)  # every feature 1 a word: running sums are positions

    def at(f, pos):
        pos = np.asarray(pos)
        if f == 6:  # sentence openings before each position
            opened = np.concatenate([[0], np.cumsum(np.diff(sent) != 0)])
            return opened[np.minimum(pos, len(sent)) - 1] * (pos > 0)
        return ones[pos] if f is not None else np.vstack([ones[pos]] * 6)

    out = _runs_columns(units, at, sent)
    assert out["words"] == [3, 5, 0] and out["syllables"] == [3, 5, 0]
    # quoted: sentence 0 (in A) and sentence 1 (in B) are two pieces; narration: sentences
    # 0, 1 and 2 (sentence 1 is on both sides of quote B, so counted once)
    assert out["sentences"] == [2, 3, 0]
    # Linsear Write's sample: quoted has 2 (sentence, quote) pieces and the last one's one
    # token in the sample of its sentence's tokens inside quote B (1): 2 - 1 + 1/1
    assert out["linsear_sentences"][0] == 2.0
    # narration: 3 sentences, the last (2) has 3 tokens, all in narration and in the sample
    assert out["linsear_sentences"][1] == 3.0


def test_quote_gaps_tried_only_after_the_hints_full_stops():
    rng = random.Random(5)
    pieces = ["Fla. “She", "U.S. “We", "Mr. “Big", "J. “A", ". ''Yes", ". ``No", ". \"So", " ",
              "\xa0", "\t", "word", "said.", "“", "A", "b.", "x. “B", "x.  “C"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        cuts = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(3))})
        spans = list(pairwise(cuts))
        starts = [m.start() + 1 for m in _ABBREV_QUOTE_HINT.finditer(text)]
        assert (_split_at_starts(text, spans, _ABBREV_QUOTE, starts, _before_name)
                == _split_at(text, spans, _ABBREV_QUOTE, _before_name)), text
    # checked by hand: a gap after a state's abbreviation splits, after a title it does not
    text = "He met Ann Moe of Eastport, Fla. “She knows,” Mr. “Big” Moe said."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He met Ann Moe of Eastport, Fla.", "“She knows,” Mr. “Big” Moe said."]
