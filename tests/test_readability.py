"""Readability: counts and formulas checked by hand, the sample against the hand-verified gold,
and textstat agreement where the definitions agree."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from analysis.config import SAMPLE_ARTICLE
from analysis.readability import (
    METRIC_COLUMNS,
    TEXTSTAT_DIFFERENCES,
    easy_words,
    metrics_from_counts,
    readability_table,
    rule_syllables,
    syllables,
    textstat_offline,
)
from analysis.text import article_from_text, load_article

# Tiny text A: "The cat sat on the mat. It was happy."
#   W = 9, S = 2, syllables = 8 x 1 + happy (2) = 10, letters 3+3+3+2+3+3+2+3+5 = 27,
#   no word of 3+ syllables, every word on the Dale-Chall easy list.
TEXT_A = "The cat sat on the mat. It was happy."
# Tiny text B: "Government officials announced an ambitious programme. Critics questioned it."
#   W = 9, S = 2; syllables Gov-ern-ment 3, of-fi-cials 3, an-nounced 2, an 1, am-bi-tious 3,
#   pro-gramme 2, Crit-ics 2, ques-tioned 2, it 1 = 19; polysyllables 3 (Government, officials,
#   ambitious), all three Gunning-complex (Government opens its sentence, so it is not treated as
#   a proper noun); letters 10+9+9+2+9+9+7+10+2 = 67; not on the easy list: officials, announced,
#   ambitious, programme, critics, questioned = 6.
TEXT_B = "Government officials announced an ambitious programme. Critics questioned it."


def row(text: str):
    return readability_table(article_from_text(text, "t")).iloc[0]


@pytest.fixture(scope="module")
def a():
    return row(TEXT_A)


@pytest.fixture(scope="module")
def b():
    return row(TEXT_B)


def test_counts_by_hand(a, b):
    assert (a.words, a.sentences, a.syllables, a.letters, a.polysyllables) == (9, 2, 10, 27, 0)
    assert a.difficult_words == 0
    assert {"the", "cat", "sat", "on", "mat", "it", "was", "happy"} <= easy_words()
    assert (b.words, b.sentences, b.syllables, b.letters) == (9, 2, 19, 67)
    assert (b.polysyllables, b.complex_words, b.difficult_words) == (3, 3, 6)


def test_flesch_reading_ease(a, b):
    assert a.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9)
    assert a.flesch_reading_ease == pytest.approx(108.2675)
    assert b.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 4.5 - 84.6 * 19 / 9)


def test_flesch_kincaid_grade(a, b):
    assert a.flesch_kincaid_grade == pytest.approx(0.39 * 4.5 + 11.8 * 10 / 9 - 15.59)
    assert a.flesch_kincaid_grade == pytest.approx(-0.72389, abs=1e-5)  # 1.755 + 13.1111 - 15.59
    assert b.flesch_kincaid_grade == pytest.approx(0.39 * 4.5 + 11.8 * 19 / 9 - 15.59)


def test_gunning_fog(a, b):
    assert a.gunning_fog == pytest.approx(0.4 * 4.5)  # no complex word: 1.8
    assert b.gunning_fog == pytest.approx(0.4 * (4.5 + 100 * 3 / 9))  # 15.1333


def test_smog(a, b):
    assert a.smog_index == pytest.approx(3.1291)  # no polysyllable
    assert b.smog_index == pytest.approx(1.0430 * math.sqrt(3 * 30 / 2) + 3.1291)  # 10.1258
    assert not b.smog_reliable  # 2 sentences < 30


def test_coleman_liau(a):
    # L = 27 / 9 * 100 = 300 letters per 100 words; S100 = 2 / 9 * 100 = 22.22
    assert a.coleman_liau_index == pytest.approx(0.0588 * 300 - 0.296 * 200 / 9 - 15.8)
    assert a.coleman_liau_index == pytest.approx(-4.73778, abs=1e-5)


def test_ari(a):
    assert a.automated_readability_index == pytest.approx(4.71 * 27 / 9 + 0.5 * 4.5 - 21.43)
    assert a.automated_readability_index == pytest.approx(-5.05)


def test_dale_chall(a, b):
    assert a.dale_chall_readability_score == pytest.approx(0.0496 * 4.5)  # PDW = 0, no +3.6365
    pdw = 100 * 6 / 9
    assert b.dale_chall_readability_score == pytest.approx(0.1579 * pdw + 0.0496 * 4.5 + 3.6365)


def test_linsear_write(a, b):
    # A: 9 easy words, 2 sentences: r = 4.5 <= 20 -> r/2 - 1 = 1.25
    assert a.linsear_write_formula == pytest.approx(1.25)
    # B: 6 easy + 3 hard: r = (6 + 9) / 2 = 7.5 -> 2.75
    assert b.linsear_write_formula == pytest.approx(2.75)
    assert not a.linsear_reliable and not a.reliable  # under 100 words


def test_linsear_high_branch():
    m = metrics_from_counts(dict(words=100, sentences=2, syllables=200, polysyllables=30,
                                 complex_words=30, difficult_words=40, letters=500,
                                 characters=500, linsear_words=100, linsear_easy=70,
                                 linsear_hard=30, linsear_sentences=2))
    assert m["linsear_write_formula"] == pytest.approx((70 + 90) / 2 / 2)  # r = 80 > 20 -> r/2


def test_empty_unit_gives_nulls():
    m = metrics_from_counts(dict.fromkeys(["words", "sentences", "syllables", "polysyllables",
                                           "complex_words", "difficult_words", "letters",
                                           "characters", "linsear_words", "linsear_easy",
                                           "linsear_hard", "linsear_sentences"], 0))
    assert all(v is None for v in m.values())


def test_syllable_rules():
    assert syllables("U.S.") == 2
    assert syllables("MSS") == 3 and syllables("DRC") == 3  # acronyms spelled out
    assert syllables("Ruto") == 2 and syllables("Blinken") == 2
    assert syllables("commendations") == 4
    assert syllables("capacity-building") == syllables("capacity") + syllables("building") == 6


def test_unknown_words_counted_by_spelling_rules():
    # not in the CMU dictionary; Pyphen + 1 gave Lavrov 1, Macron 1, Odhiambo 2
    assert [syllables(w) for w in ["Lavrov", "Macron", "Wanjiru", "Odhiambo", "Ruto"]] == [
        2, 2, 3, 4, 2]
    assert syllables("Lavrov’s") == 2 and syllables("Macron-led") == 3
    assert rule_syllables("commendations") == 4  # com-men-da-tions (-tion is one)
    assert rule_syllables("dramatically") == 4  # dra-ma-ti-cly
    assert rule_syllables("tongue") == 1 and rule_syllables("hedgehogs") == 2
    assert rule_syllables("ntsb") == 4  # no vowel: spelled out


def test_possessive_endings_counted_without_recursion():
    # "Jones's" (2) + "'s" after an s: every further "'s" follows "s" and adds one syllable
    assert syllables("Jones's") == 2 and syllables("Xi's") == 1
    assert syllables("Xi’s’s") == 2  # Xi (1) + 's after "Xi" (0) + 's after "Xi's" (1)
    # a word followed by 3,000 "'s" is one token; this raised RecursionError
    word = "word" + "'s" * 3000
    assert syllables(word) == 1 + 2999
    row_ = readability_table(article_from_text(f"The {word} is here.", "t")).iloc[0]
    assert (row_.words, row_.syllables) == (4, 1 + 3000 + 1 + 1)


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_table():
    return readability_table(load_article(SAMPLE_ARTICLE))


def test_sample_against_gold(sample_table):
    r = sample_table[sample_table.unit == "article"].iloc[0]
    assert r.sentences == 52
    assert abs(r.words - 1224) <= 12
    assert abs(r.syllables - 2374) <= 47
    assert r.letters == 6850
    # 248 complex words: "companies" counts (its stem "company" has 3 syllables, so the 3rd is
    # not from -es); it was left out while the unknown stem "compani" got Pyphen's 2 syllables
    assert r.polysyllables == 338 and r.complex_words == 248
    assert r.flesch_reading_ease == pytest.approx(18.9, abs=2)
    assert r.flesch_kincaid_grade == pytest.approx(16.5, abs=0.5)
    assert r.smog_index == pytest.approx(17.7, abs=0.7)
    assert r.coleman_liau_index == pytest.approx(15.8, abs=0.5)
    assert r.automated_readability_index == pytest.approx(16.7, abs=0.5)
    assert r.gunning_fog == pytest.approx(17.5, abs=1)  # Gunning's complex words
    assert r.reliable


def test_sample_units_add_up(sample_table):
    art = sample_table[sample_table.unit == "article"].iloc[0]
    for unit in ("section", "paragraph"):
        part = sample_table[sample_table.unit == unit]
        for col in ("sentences", "words", "syllables", "letters", "polysyllables"):
            assert part[col].sum() == art[col], (unit, col)
    sections = sample_table[sample_table.unit == "section"]
    assert len(sections) == 8 and not sections["smog_reliable"].any()


# --------------------------------------------------------------------------- textstat


TEXTS = [
    "The cat sat on the mat. The dog ran to the park and played with a ball. Children enjoy "
    "reading wonderful stories every evening.",
    "Government officials announced an ambitious infrastructure programme yesterday. Critics "
    "questioned the financial assumptions underlying the proposal. Supporters emphasized its "
    "economic benefits for ordinary families.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_counts_same_values_as_textstat(text):
    """Where textstat counts the same sentences, words and syllables, the formulas agree."""
    r = row(text)
    with textstat_offline() as ts:
        assert ts.sentence_count(text) == r.sentences
        assert ts.lexicon_count(text) == r.words
        assert ts.syllable_count(text) == r.syllables
        assert ts.letter_count(text) == r.letters
        assert ts.polysyllabcount(text) == r.polysyllables
        for name in ("flesch_reading_ease", "flesch_kincaid_grade", "smog_index",
                     "dale_chall_readability_score", "linsear_write_formula"):
            assert getattr(ts, name)(text) == pytest.approx(r[name]), name
        # Where the definitions differ, the difference is exactly the documented one.
        per100 = 100 * r.letters / r.words
        assert r.coleman_liau_index - ts.coleman_liau_index(text) == pytest.approx(
            (0.0588 - 0.058) * per100)
        punct = ts.char_count(text) - r.characters  # textstat counts . , as characters
        assert punct > 0
        assert ts.automated_readability_index(text) - r.automated_readability_index == (
            pytest.approx(4.71 * punct / r.words))
        ts_complex = ts.difficult_words(text, syllable_threshold=3)
        assert ts.gunning_fog(text) == pytest.approx(
            0.4 * (r.words / r.sentences + 100 * ts_complex / r.words))
    assert set(TEXTSTAT_DIFFERENCES) >= {"coleman_liau_index", "smog_index", "gunning_fog",
                                         "automated_readability_index"}


def test_textstat_splits_the_sample_wrongly():
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    with textstat_offline() as ts:
        assert ts.sentence_count(text) > 60  # 72 with headings; our count is 52


# --------------------------------------------------------------------------- CLI


def test_cli_json_contract():
    out = subprocess.run([sys.executable, "-m", "analysis", "readability", str(SAMPLE_ARTICLE),
                          "--format", "json"], capture_output=True, text=True, check=True)
    obj = json.loads(out.stdout)
    for key in ("sentences", "words", "syllables", "polysyllables", "letters", *METRIC_COLUMNS):
        assert key in obj
    assert obj["sentences"] == 52 and obj["words"] == 1224
    assert len(obj["sections"]) == 8
    assert obj["sections"][1]["label"] == "Acknowledging Kenya’s Leadership"
    assert sum(s["words"] for s in obj["sections"]) == 1224


def test_cli_csv():
    out = subprocess.run([sys.executable, "-m", "analysis", "readability", str(SAMPLE_ARTICLE),
                          "--format", "csv"], capture_output=True, text=True, check=True)
    header = out.stdout.splitlines()[0].split(",")
    assert header[:3] == ["article_id", "unit", "unit_id"]


def test_summary_of_many_paragraphs_is_the_same_json(monkeypatch):
    # (issue 10, memory: beyond 10,000 paragraphs their JSON objects are made when written)
    import analysis.readability as readability_module
    import analysis.readability.tables as tables_module
    from analysis.output import dumps
    from analysis.quotes import quotes_table
    from analysis.text import article_from_text

    text = "Heading\n" + "".join(f"Line {i} is short. “Why?” Ruto said.\n" for i in range(30))
    art = article_from_text(text, "x")
    table = readability_module.readability_table(art, quotes_table(art))
    whole = readability_module.readability_summary(table)
    assert type(whole["paragraphs"]) is list and len(whole["paragraphs"]) == 30
    monkeypatch.setattr(tables_module, "_LAZY_ROWS", 0)  # read where it is used
    lazy = readability_module.readability_summary(table)
    assert type(lazy["paragraphs"]) is not list and len(lazy["paragraphs"]) == 30
    assert lazy["paragraphs"] == whole["paragraphs"] and lazy == whole
    # "Line 29 is short." "“Why?”" "Ruto said." (capitalised after ?”: a new sentence): 7 words
    assert lazy["paragraphs"][-1]["words"] == 7 and lazy["paragraphs"][-1]["sentences"] == 3
    assert lazy["paragraphs"][2:4] == whole["paragraphs"][2:4]
    assert dumps(lazy) == dumps(whole)


# --------------------------------------------------------------------------- column-wise counts


def test_quote_units_by_hand():
    # “Yes,” | he said, | “we will.” | It rained.  Two sentences: the first holds both quotes.
    # Quoted speech: Yes / we will = 3 words in 2 pieces (one per quote) -> 2 sentences.
    # Narration: he said / It rained = 4 words; its sentences 0, 0, 1, 1 -> 2.
    # Linsear Write on fewer than 100 words: every sentence whole -> 2 - 1 + 2/2 = 2.0.
    from analysis.quotes import quotes_table

    art = article_from_text("“Yes,” he said, “we will.” It rained.", "t")
    table = readability_table(art, quotes_table(art)).set_index("unit")
    got = table.loc[["quoted", "narration"], ["words", "sentences", "linsear_sentences"]]
    assert got.values.tolist() == [[3, 2, 2.0], [4, 2, 2.0]]


def test_linsear_sample_ends_inside_a_sentence():
    # 40 three-word sentences: the first 100 words are 33 whole sentences and 1 word of the 34th,
    # so the sample has 33 + 1/3 sentences (the unfinished one's share inside the sample).
    r = row("Cats eat fish. " * 40)
    assert (r.words, r.sentences, r.linsear_words) == (120, 40, 100)
    assert r.linsear_sentences == 33 + 1 / 3


REFERENCE_TEXTS = [
    "Title\n\n“Yes,” he said, “we will.” It rained.\n\nNext part\n\nShe said “One two. Three "
    "four five.” Then left. Ruto’s U.S.-Kenyan visit — 2024 — went well.\n\n“Why?” — “Because.”",
    "Heading only",
    "",
    "Officials said the “plan” was “very ambitious” and “unrealistic”. " * 12
    + "\n\nCats eat fish. " * 45 + "\n\nAnother heading\n\nOne. Two three.",
]


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
@pytest.mark.parametrize("compact", [False, True])
def test_columns_equal_the_per_unit_reference(text, compact):
    """The column-wise table (one pass, sums sampled at unit boundaries) gives the values of the
    per-unit reference (:func:`article_units` and :class:`_BodyCounts`), for token lists and for
    token columns (long articles)."""
    import analysis.readability as readability_module
    from analysis.quotes import quotes_table

    kw = {"token_list_max": 0, "row_list_max": 0} if compact else {}
    art = article_from_text(text, "t", **kw)
    quotes = quotes_table(art)
    speech = readability_module._speech_spans(quotes)
    expected = [(art.id, u.unit, u.unit_id, u.label, *(c[k] for k in readability_module
                                                        .COUNT_COLUMNS), *m.values(), *f)
                for u, c, m, f in readability_module._unit_values(art, speech)]
    got = readability_module.readability_records(art, speech)
    assert len(got) == len(expected) > 0
    for g, e in zip(got, expected, strict=True):
        assert [type(v) for v in g] == [type(v) for v in e]
        assert [v if v == v else "nan" for v in g] == [v if v == v else "nan" for v in e]
    table = readability_table(art, quotes)
    assert len(table) == len(expected)
    assert table.iloc[:, 4:].astype(float).fillna(-1).values.tolist() == [
        [float(v) if v == v else -1 for v in e[4:]] for e in expected]


def test_long_table_strings_and_small_word_table_change_nothing(monkeypatch):
    """The pyarrow-built string columns of a long article's table, and a word table emptied
    every chunk, give the same table."""
    import analysis.readability as readability_module
    from analysis.quotes import quotes_table

    art = article_from_text(REFERENCE_TEXTS[0] + "\n\n" + "Line 1 is short.\n" * 50, "t")
    quotes = quotes_table(art)
    plain = readability_table(art, quotes)
    monkeypatch.setattr(readability_module.tables, "_LAZY_ROWS", 0)  # globals patched where read
    monkeypatch.setattr(readability_module.columns, "_CHUNK", 7)
    monkeypatch.setattr(readability_module._WordTable, "LIMIT", 3)
    chunks: list[int] = []
    ids = readability_module._WordTable.ids
    monkeypatch.setattr(readability_module._WordTable, "ids",
                        lambda self, words: chunks.append(len(words)) or ids(self, words))
    long = readability_table(art, quotes)
    assert max(chunks) == 7 and len(chunks) > 1  # the patched chunk size was the one read
    assert long.equals(plain) and list(long.dtypes) == list(plain.dtypes)
    assert long.to_csv() == plain.to_csv()
    # blocks: title 0, paragraph 1, heading 2, paragraphs 3 and 4, then the 50 lines 5 to 54
    paragraphs = long[long.unit == "paragraph"]
    assert paragraphs["label"].iloc[-1] == "paragraph 54" and paragraphs["unit_id"].iloc[-1] == "54"


def test_word_table_columns_equal_word_features():
    """The word table stores each word's row computed in one pass (both positions at once);
    every column equals word_features, inside a sentence and opening one. By hand:
    "Multinational" (5 syllables) is a proper noun inside a sentence (not complex) but complex
    when it opens one; "multinational" is complex in both places; "Committed" has 3 syllables
    only through "-ed" (never complex)."""
    from analysis.readability import _WordTable, word_features

    words = ["Multinational", "multinational", "Committed", "elaborated", "U.S.-Kenyan",
             "Ruto", "said", "Kenya’s", "1,224", "significant", "Acknowledging"]
    words += sorted({t.text for t in load_article(SAMPLE_ARTICLE).body_tokens})
    table = _WordTable()
    ids = table.ids(words)
    for word, i in zip(words, ids.tolist(), strict=True):
        inner, opening = word_features(word), word_features(word, True)
        assert table.table[:, i].tolist() == [inner.syllables, inner.letters, inner.characters,
                                              inner.complex, opening.complex, inner.difficult]
    col = dict(zip(words, ids.tolist(), strict=True))
    assert table.table[3:5, col["Multinational"]].tolist() == [0, 1]  # complex: inner, opening
    assert table.table[3:5, col["multinational"]].tolist() == [1, 1]
    assert table.table[3:5, col["Committed"]].tolist() == [0, 0]
