"""The speed-ups of quote extraction give the same answers as the code they replaced.

Each rewritten piece is checked against the old formulation, kept here as the reference:
the old patterns as they were written, the old single-quote scan, the old cue look-up, the old
role split. Inputs are generated (hypothesis) from the characters each piece cares about, plus
hand-written sentences whose answers were checked by hand.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.quotes.attribution as attribution
import analysis.quotes.cues as cues
import analysis.quotes.marks as marks
import analysis.speakers as speakers
import analysis.speakers.names as speaker_names
from analysis.quotes import extract_quotes
from analysis.text import article_from_text

# --- the old formulations -------------------------------------------------------------------

OLD_DOUBLE_MARK = re.compile(r"""''(?!')|``|[“”„«»"]""")
OLD_GENDERED = re.compile(r"\b(?:[Hh](?:e|im|is|er|imself|erself)|[Ss]he)\b")
OLD_SINGLE_MARK = re.compile(r"[‘’']")


def old_single_quote_spans(text, block, doubles):
    out = []
    open_at = None
    inside = sorted((d.open_mark, d.close_mark if d.close_mark is not None else d.end)
                    for d in doubles)
    inside_starts = [a for a, _ in inside]
    for m in OLD_SINGLE_MARK.finditer(text, block.start, block.end):
        i, c = m.start(), m.group()
        k = bisect_right(inside_starts, i) - 1
        if k >= 0 and i <= inside[k][1]:
            continue
        prev = text[i - 1] if i > block.start else " "
        nxt = text[i + 1] if i + 1 < block.end else " "
        if open_at is None:
            if c in "‘'" and not prev.isalnum() and (nxt.isalpha() or nxt in "…"):
                open_at = i
        elif c in "’'" and not prev.isspace() and not nxt.isalnum() and (
                not marks._is_apostrophe(text, i) or not prev.isalnum() or prev in "sS"):
            out.append(marks.QuoteSpan(block.index, open_at, open_at + 1, i, i))
            open_at = None
    return out


def old_cue_at(words, i):
    w = words[i][0]
    if i == 0 and w in ("Said", "Says", "Added", "Asked", "Wrote"):
        w = w.lower()
    if i + 1 < len(words) and f"{w} {words[i + 1][0]}" in cues._CUE_SET:
        return i, i + 1
    if w in cues._CUE_SET:
        return i, i
    return None


def old_split_role(title, words):
    cut = max((k for k, w in enumerate(words[:-1]) if w in speakers.TITLE_WORDS and not (
        k > 0 and w in speakers.NAME_INTERNAL_TITLES)), default=-1)
    if cut >= 0:
        extra = " ".join(words[:cut + 1])
        title = f"{title} {extra}" if title else extra
        words = words[cut + 1:]
    return title, words


# --- generated text ---------------------------------------------------------------------------

_PIECES = ["a", "he", "She", "his", "Hers", "herself", "shell", "_he", "he_", "1he", "Ann", "Moe",
           "said", "told", "U.S.", "Mr.", "J.", "Blinken", "don't", "Kenya’s", "farmers’",
           "’90s", "'", "''", "'''", "``", "`", "“", "”", "„", "«", "»", '"', "‘", "’", "…",
           ",", ".", "-", "—", "(", ")", " ", " ", " ", "\t", "\xa0", "é", "Ünal", "x2"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_double_mark_pattern_finds_the_same_marks(text):
    for a, b in ((0, len(text)), (1, len(text) - 1)):
        old = [m.span() for m in OLD_DOUBLE_MARK.finditer(text, a, max(a, b))]
        new = [m.span() for m in marks._DOUBLE_MARK.finditer(text, a, max(a, b))]
        assert new == old


def test_double_mark_pattern_by_hand():
    text = "He said ``no'' and '''maybe'' and “yes” – 'one' \"two\""
    found = [(m.start(), m.group()) for m in marks._DOUBLE_MARK.finditer(text)]
    assert found == [(8, "``"), (12, "''"), (20, "''"), (27, "''"), (34, "“"), (38, "”"),
                     (48, '"'), (52, '"')]


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 5))
def test_gendered_pattern_finds_the_same_pronouns(text, cut):
    a = min(cut, len(text))
    assert [m.span() for m in speakers._GENDERED.finditer(text, a)] == \
        [m.span() for m in OLD_GENDERED.finditer(text, a)]


def test_gendered_pattern_by_hand():
    text = "She said his shell was hers; _he and he_ no, but Him yes. herself"
    assert [m.group() for m in speakers._GENDERED.finditer(text)] == \
        ["She", "his", "Him", "herself"]
    # a word started before the search's start still counts as a word: "he" of "the" is none
    assert [m.group() for m in speakers._GENDERED.finditer("the he", 1)] == ["he"]


class _Block:
    def __init__(self, start, end):
        self.index, self.start, self.end = 0, start, end


@settings(max_examples=600, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=3))
def test_single_quote_spans_are_the_same(text, doubles):
    block = _Block(0, len(text))
    spans = [marks.QuoteSpan(0, a, a + 1, a + n, a + n if n % 2 else None)
             for a, n in doubles if a + n < len(text)]
    assert marks._single_quote_spans(text, block, spans) == \
        old_single_quote_spans(text, block, spans)


def test_single_quote_spans_by_hand():
    text = "Kenya’s farmers’ ‘price war’ and 'the NHS' don’t"
    spans = marks._single_quote_spans(text, _Block(0, len(text)), [])
    assert [text[s.start:s.end] for s in spans] == ["price war", "the NHS"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Said", "said", "point", "out", "pointed", "went", "on",
                                 "told", "Wrote", "refers", "to", "the", "remarks", "chimed",
                                 "in", "Moe", ",", "put", "it", "puts"]), max_size=8))
def test_cue_lookups_are_the_same(ws):
    words = [(w, k, k + 1) for k, w in enumerate(ws)]
    for i in range(len(words)):
        assert cues._cue_at(words, i) == old_cue_at(words, i)
    expected = [c for c in (old_cue_at(words, i) for i in range(len(words) - 1, -1, -1)) if c]
    assert sorted(cues._cue_in_words(words)) == sorted(expected)


def test_two_word_cue_by_hand():
    words = [(w, 0, 0) for w in "Moe pointed out that".split()]
    assert cues._cue_at(words, 1) == (1, 2)
    assert cues._cue_at(words, 2) is None  # "out" starts no cue
    assert cues._cue_at([("Said", 0, 0), ("Moe", 0, 0)], 0) == (0, 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sheikh", "Hassan", "Mohamud", "Health", "Cabinet",
                                 "Secretary", "Ann", "Moe", "President", "Gov.", "Imam"]),
                min_size=1, max_size=6), st.sampled_from([None, "Mr."]))
def test_split_role_is_the_same(words, title):
    assert speakers.split_role(title, list(words)) == old_split_role(title, list(words))


_WORD_TEXT = st.lists(st.sampled_from(["U.S.", "A.", "J. Blinken", "Mr.", "Mr", "Dr.", "don't",
                                       "a_b", "_", " ", "  ", "\n", ",", "“", "”", "said",
                                       "Moe", "x", "—", "Jr.", "St.Louis"]),
                      max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WORD_TEXT, st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_words_between_two_quotes_are_read_once_with_the_same_result(text, a, start, end):
    a, start, end = sorted((min(a, len(text)), min(start, len(text)), min(end, len(text))))
    known = (a, end, cues._words(text, a, end))
    assert attribution._words_to(text, start, end, known) == cues._words(text, start, end)
    assert attribution._words_to(text, start, end, None) == cues._words(text, start, end)


def test_words_across_the_sentence_start_are_read_again():
    text = "He met Mr. Moe"
    known = (0, len(text), cues._words(text, 0, len(text)))
    # "Mr." is one word of the longer scan; a scan from inside it reads "r." – not taken
    assert attribution._words_to(text, 8, len(text), known) == [("r", 8, 9), (".", 9, 10),
                                                                 ("Moe", 11, 14)]


def test_reported_speech_found_by_searching_each_sentence():
    # each sentence outside quotes is searched for its cue word (no pass over the whole text):
    # the sentence with a quote is skipped, the one with "noted" is reported speech
    art = article_from_text("Ann Moe noted that rates would rise. “No,” he said. Then she left.",
                            "t")
    quotes = [q for q in extract_quotes(art) if q.kind == "indirect"]
    assert [(q.speaker, q.cue, q.text) for q in quotes] == \
        [("Ann Moe", "noted", "rates would rise")]


def _old_mention():
    """:data:`speakers.MENTION` as it was built before: titles and demonyms as plain
    alternations, longest first."""
    title_re = "|".join(re.escape(t) for t in sorted(speakers.TITLES, key=len, reverse=True))
    affil = "|".join(re.escape(a) for a in sorted(speakers.AFFILIATION_DEMONYMS, key=len,
                                                      reverse=True))
    pattern = speakers.MENTION.pattern
    assert pattern.count(speaker_names._TITLE_RE) == 2 and pattern.count(speaker_names._AFFIL) == 1
    return re.compile(pattern.replace(speaker_names._TITLE_RE, title_re)
                      .replace(speaker_names._AFFIL, affil))


OLD_MENTION = _old_mention()
_NAME_PIECES = ["Secretary", "Secretary of State", "Sen.", "Sen", "Gov.", "Mr.", "Ms", "Dr",
                "Vice President", "Vice", "President", "Prime Minister", "Prime", "former",
                "acting", "U.S.", "US", "South African", "South", "Kenyan", "American", "Ann",
                "Moe", "al-Sisi", "J.", "of", "Kenya", "’s", "de", "Chief Justice", "Chief",
                " ", " ", " ", ", ", ". ", "\t"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join))
def test_mention_pattern_with_tries_matches_the_same(text):
    def groups(pattern):
        return [(m.span(), m.span("affil"), m.span("title"), m.span("name"), m.span("of"),
                 m.span("poss")) for m in pattern.finditer(text)]

    assert groups(speakers.MENTION) == groups(OLD_MENTION)


def test_mention_pattern_by_hand():
    m = speakers.MENTION.search("she met U.S. Secretary of State Antony J. Blinken on Monday.")
    assert (m.group("affil"), m.group("title"), m.group("name")) == \
        ("U.S.", "Secretary of State", "Antony J. Blinken")
    m = speakers.MENTION.search("said Vice President Ann Moe of Kenya")
    assert (m.group("title"), m.group("name"), m.group("of")) == \
        ("Vice President", "Ann Moe", "Kenya")
