"""Linear work on hostile text (issue 10): quotes and speakers read each stretch of text a bounded
number of times. Measured by counting work (characters tokenised, entities compared, mentions
visited) — never by timing — so the tests are exact on a loaded machine."""

from __future__ import annotations

import pytest

import analysis.quotes.after as after_mod
import analysis.quotes.attribution as quotes_mod
import analysis.quotes.before as before_mod
import analysis.quotes.content as content_mod
import analysis.speakers as speakers_mod
from analysis.quotes import extract_quotes
from analysis.text import article_from_text


@pytest.fixture
def tokenised(monkeypatch):
    """Characters handed to the quote module's word splitter."""
    count = {"chars": 0}
    real = quotes_mod._words

    def counting(text, start, end):
        count["chars"] += max(0, end - start)
        return real(text, start, end)

    for mod in (quotes_mod, before_mod, after_mod):  # every attribution stage
        monkeypatch.setattr(mod, "_words", counting)
    monkeypatch.setattr(content_mod, "_words", counting)  # attributed content splits words too
    return count


@pytest.mark.parametrize("unit, head", [
    ('a "b ', 'He said "'),  # straight quotes in one long sentence
    ("the so-called “reform” and ", ""),  # scare quotes in one long sentence
    ("“word ", ""),  # opening marks that never close
])
def test_quotes_in_one_long_sentence_are_read_once(tokenised, unit, head):
    per_char = []
    for n in (200, 800):
        tokenised["chars"] = 0
        text = head + unit * n
        extract_quotes(article_from_text(text, "t"))
        per_char.append(tokenised["chars"] / len(text))
    # before: every quote re-split its whole sentence (work per character grew with n)
    assert per_char[1] <= 6
    assert per_char[1] <= 1.2 * per_char[0]


def test_organisation_lookup_is_an_index(monkeypatch):
    calls = {"n": 0}
    real = speakers_mod._org_key

    def counting(phrase):
        calls["n"] += 1
        return real(phrase)

    monkeypatch.setattr(speakers_mod, "_org_key", counting)
    names = [f"K{a}{b}" for a in "bdfgklmnprst" for b in "aeiou"][:50]
    text = " ".join(f"The Ministry of {n.capitalize()} met him." for n in names)
    reg = speakers_mod.find_entities(article_from_text(text, "t"))
    assert len([e for e in reg.entities if e.kind == "organization"]) == 50
    # before: each new organisation compared its name with every earlier one (~1,300 calls)
    assert calls["n"] <= 3 * 50


class _CountingList(list):
    reads = 0

    def __getitem__(self, i):
        _CountingList.reads += 1
        return super().__getitem__(i)


def test_gender_learning_looks_back_a_bounded_distance(monkeypatch):
    class CountingRegistry(speakers_mod.Registry):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.entities = _CountingList()

    monkeypatch.setattr(speakers_mod, "Registry", CountingRegistry)
    _CountingList.reads = 0
    text = "The Ministry of Health met him. " * 400
    reg = speakers_mod.find_entities(article_from_text(text, "t"))
    assert len(reg.mentions) == 400
    # before: every "him" looked up the entity of every earlier mention (~80,000 reads)
    assert _CountingList.reads <= 400 * (speakers_mod.RECENT_MENTIONS + 2)


def test_linear_fixes_keep_attribution():
    text = ("Amina Odhiambo of the Ministry of Health spoke. She called the plan “a start” and "
            "“a promise”, and said “we will see”.")
    qs = [(q.text, q.kind, q.speaker) for q in extract_quotes(article_from_text(text, "t"))
          if q.kind != "indirect"]
    assert qs == [("a start", "partial", "Amina Odhiambo"),
                  ("a promise", "partial", "Amina Odhiambo"),
                  ("we will see", "partial", "Amina Odhiambo")]


class _ReadCountingList(list):
    """A list that counts the items read from it (by index or in a slice)."""

    reads = 0

    def __getitem__(self, i):
        item = super().__getitem__(i)
        _ReadCountingList.reads += len(item) if isinstance(i, slice) else 1
        return item


def test_paragraph_segments_read_only_nearby_quotes():
    # one quote per line, each line its own paragraph: 2,000 paragraphs, 2,000 quote spans
    n = 2000
    text = "“a”\n" * n
    art = article_from_text(text, "t")
    exclude = _ReadCountingList(sorted((q.start, q.end) for q in extract_quotes(art)))
    assert len(exclude) == n
    _ReadCountingList.reads = 0
    segments = [seg for b in art.paragraphs
                for seg in speakers_mod._segments(b.start, b.end, exclude)]
    # each line "“a”" (offsets 4k..4k+3) keeps only its marks: “ at 4k and ” at 4k+2
    assert segments[:4] == [(0, 1), (2, 3), (4, 5), (6, 7)]
    # a binary search (~11 reads) and a few more per paragraph; before: each paragraph read
    # every quote span after it (~2,000,000 reads)
    assert _ReadCountingList.reads <= n * (n.bit_length() + 4)


def test_byline_on_a_long_word_is_linear():
    # a dash and one long capitalised word after a quote that does not end the line as a
    # byline would: before, the name pattern tried every split of the word around each
    # lower-case letter (n² steps: this line took hours); now one split, linear
    word = "Q" + "u" * 100_000
    text = f"“We will win,” — {word}!\n\nThe vote is in May."
    art = article_from_text(text, "t")
    assert after_mod._byline(text, 14, art.blocks[0], after_mod._Index(art, [])) is None
    # the same word ending the line is a name (a byline), found the same way
    text = f"“We will win,” — Ann {word}.\n\nThe vote is in May."
    art = article_from_text(text, "t")
    found = after_mod._byline(text, 14, art.blocks[0], after_mod._Index(art, []))
    assert found == (f"Ann {word}", 17, 17 + 4 + len(word))


def test_lower_case_lookups_read_the_text_a_bounded_number_of_times(monkeypatch):
    searches = {"n": 0}
    real = speakers_mod.LowerWords._occurs

    def counting(self, word):
        searches["n"] += 1
        return real(self, word)

    monkeypatch.setattr(speakers_mod.LowerWords, "_occurs", counting)
    # 2,000 distinct two-word names, none of their words written in lower case: each name
    # asks whether its words are common words
    cons, vows = "bdfgklmnprstvz", "aeiou"
    words = [f"K{a}{b}{c}{d}" for a in vows for b in cons for c in vows for d in cons][:4000]
    text = " ".join(f"The {words[2 * i]} {words[2 * i + 1]} met him." for i in range(2000))
    reg = speakers_mod.find_entities(article_from_text(text, "t"))
    assert len(reg.people()) == 2000
    # each search that finds nothing reads the whole text; before: one per distinct word
    # (4,000 reads of the text), now at most LOWER_WORDS_SCANS + 1 before one tokenisation
    assert searches["n"] <= speakers_mod.LOWER_WORDS_SCANS + 1


def test_lower_words_answers_the_same_after_tokenising():
    text = "the farmers' union met Farmers Ltd; re-election-day x2 and " + "Kab " * 50
    asked = ["farmers'", "union", "the", "ltd", "re-election-day", "x", "kab", "and", "met"]
    expected = [w in set(speakers_mod._LOWER_WORD.findall(text)) for w in asked]
    assert expected == [True, True, True, False, True, False, False, True, True]
    lazy = speakers_mod.LowerWords(text)
    assert [w in lazy for w in asked] == expected
    spent = speakers_mod.LowerWords(text)
    spent._scanned = (speakers_mod.LOWER_WORDS_SCANS + 1) * len(text)  # budget used up
    assert [w in spent for w in asked] == expected and spent._all is not None


class _SliceCountingStr(str):
    """A str that counts the characters read through ``[]`` (a slice or one character)."""

    read = 0

    def __getitem__(self, i):
        item = super().__getitem__(i)
        _SliceCountingStr.read += len(item)
        return item


@pytest.mark.parametrize("unit", ["the “big” one and ", "the “big” one\nand "])
def test_heading_and_byline_checks_read_near_the_quote(unit):
    # a paragraph of 2,000 short quotes (on one line, or one per line of a wrapped paragraph)
    from analysis.quotes.marks import find_quote_spans
    n = 2000
    art = article_from_text(unit * n, "t")
    assert len(art.blocks) == 1
    spans, _ = find_quote_spans(art)
    assert len(spans) == n
    text, block, index = _SliceCountingStr(art.text), art.blocks[0], after_mod._Index(art, spans)
    _SliceCountingStr.read = 0
    for k, s in enumerate(spans):
        limit = spans[k + 1].open_mark if k + 1 < n else block.end
        content = art.text[s.start:s.end]
        assert not quotes_mod._quoted_heading(s, block, content, 1, text)
        assert after_mod._byline(text, s.close_mark + 1, block, index, limit) is None
    # before: each quote copied its paragraph up to the quote and after it (~36,000,000
    # characters); now a few characters around each quote
    assert _SliceCountingStr.read <= 2 * len(unit) * n


def test_the_indirect_cue_trie_matches_exactly_what_the_plain_alternation_matched():
    # the reported-speech cues are matched by a trie-shaped regex (faster); it must find the
    # same words at the same offsets as the alternation of every form, longest first
    import re

    from analysis.quotes.cues import _INDIRECT_CUES, _INDIRECT_RE

    plain = re.compile(r"\b(?:" + "|".join(sorted(_INDIRECT_CUES, key=len, reverse=True))
                       + r")\b")
    forms = sorted(_INDIRECT_CUES)
    # every form, each with a letter too many and too few, glued and separated
    text = " ".join(f"{w} {w}x {w[:-1]} x{w} {w}-{w} {w.upper()}" for w in forms)
    found = [m.span() for m in _INDIRECT_RE.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    # "w", both halves of "w-w", and a shortened form that is itself a form ("says" → "say")
    assert len(found) == 3 * len(forms) + sum(w[:-1] in _INDIRECT_CUES for w in forms)


class _FindCountingStr(str):
    """A str that counts its ``find`` calls."""

    finds = 0

    def find(self, *args):
        type(self).finds += 1
        return str.find(self, *args)


def test_lower_word_look_ups_in_one_huge_word_are_bounded():
    """A word found only inside longer words ("ab" in "abab…") costs one Python step per
    occurrence; those steps are charged to the scan budget, so the look-ups of one text take
    at most about len(text) / 4 steps before it is tokenised once (before: every look-up
    walked every occurrence, 64 look-ups × 50,000 occurrences here)."""
    text = _FindCountingStr("ab" * 50_000 + " and more words")
    _FindCountingStr.finds = 0
    lw = speakers_mod.LowerWords(text)
    asked = ["ab", "ba", "aba", "bab", "abab", "and", "more", "words", "none"] * 10
    expected = [w in set(speakers_mod._LOWER_WORD.findall(str(text))) for w in asked]
    assert [w in lw for w in asked] == expected
    assert expected[:9] == [False] * 5 + [True] * 3 + [False]
    assert _FindCountingStr.finds <= len(text) * speakers_mod.LOWER_WORDS_SCANS // \
        speakers_mod.FALSE_HIT_COST + 20
    assert lw._all is not None  # the budget ran out: tokenised once


def test_compound_modifiers_in_a_subject_are_read_once(monkeypatch):
    # "The Lake-backed Lake-backed … cleric Tom Reed …": each capitalised compound adjective
    # is passed over as a modifier; the run of capitalised words it opens is scanned once
    # (before: each adjective rescanned the rest of the run, ~n²/2 word tests)
    from analysis.quotes.subjects import clause, phrases

    calls = {"n": 0}
    real = clause._is_cap

    def counting(w):
        calls["n"] += 1
        return real(w)

    # every module of the split that reads capitalised runs (subjects.py was one module)
    monkeypatch.setattr(clause, "_is_cap", counting)
    monkeypatch.setattr(phrases, "_is_cap", counting)
    counts = []
    for n in (200, 400):
        calls["n"] = 0
        text = "The " + "Lake-backed " * n + "cleric Tom Reed is shown lecturing: “No.”"
        quotes = extract_quotes(article_from_text(text, "t"))
        assert [q.speaker for q in quotes] == ["Tom Reed"]
        counts.append(calls["n"])
    assert counts[1] <= 2.2 * counts[0]
