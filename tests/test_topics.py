"""Topic matching rules on small hand-counted texts, lexicon validation, the sample's hand counts,
places, suggestions and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from analysis.config import SAMPLE_ARTICLE
from analysis.quotes import quotes_table
from analysis.text import article_from_text, load_article
from analysis.topics import (
    LexiconError,
    load_lexicon,
    normalise,
    place_hits,
    suggest_terms,
    topic_breakdown,
    topic_hits,
    topic_summary,
)

LEXICON = """
[meta]
name = "test"

[topics.trade]
label = "Trade"
terms = ["trade", "export*", "free trade area", "kenya"]

[topics.security]
label = "Security"
terms = ["security", "u.s.", "police"]
acronyms = ["MSS"]
exclude = ["food security"]

[topics.food]
label = "Food"
terms = ["food"]
"""


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    p = tmp_path_factory.mktemp("lex") / "lex.toml"
    p.write_text(LEXICON, encoding="utf-8")
    return load_lexicon(p)


def hits(text, lex):
    df = topic_hits(article_from_text(text, "t"), lex)
    return [(r.topic, r.matched) for r in df.itertuples()]


# --------------------------------------------------------------------------- matching rules


def test_apostrophes_and_possessives(lex):
    # Kenya’s (curly) and Kenya's (straight) both match "kenya"; farmers’ is not "farmer"
    assert hits("Kenya’s exports and Kenya's trade.", lex) == [
        ("trade", "Kenya’s"), ("trade", "exports"), ("trade", "Kenya's"), ("trade", "trade")]


def test_us_stays_a_token(lex):
    assert hits("The U.S. backed us.", lex) == [("security", "U.S.")]
    assert normalise("U.S.") == "u.s." and normalise("US") == "us"


def test_case_insensitive_but_acronyms_exact(lex):
    assert hits("SECURITY, Security and security. MSS but not Mss or mss.", lex) == [
        ("security", "SECURITY"), ("security", "Security"), ("security", "security"),
        ("security", "MSS")]


def test_word_boundaries(lex):
    assert hits("A trademark for trader traders; trade.", lex) == [("trade", "trade")]


def test_globs(lex):
    assert hits("exports exported exporter reexport", lex) == [
        ("trade", "exports"), ("trade", "exported"), ("trade", "exporter")]


def test_longest_match_and_each_token_once(lex):
    # "free trade area" (3 tokens) wins over "trade"; the tokens count once
    assert hits("A free trade area helps trade.", lex) == [
        ("trade", "free trade area"), ("trade", "trade")]


def test_phrase_does_not_cross_punctuation(lex):
    assert hits("It was free, trade area.", lex) == [("trade", "trade")]


def test_exclusions(lex):
    # "food security" is consumed by the exclusion: no security hit, and no food hit either
    assert hits("Food security and security police.", lex) == [
        ("security", "security"), ("security", "police")]


def test_hits_trace_to_offsets():
    art = load_article(SAMPLE_ARTICLE)
    df = topic_hits(art)
    assert len(df) > 0
    for r in df.itertuples():
        assert art.text[r.start:r.end] == r.matched


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize("body, message", [
    ('[topics.a]\nlabel = "A"\nterms = ["x"]\ncolour = "red"\n',
     "topic 'a': unknown key(s): colour"),
    ('[topics.a]\nlabel = "A"\nterms = []\n', "topic 'a': empty topic"),
    ('[topics.a]\nlabel = "A"\nterms = ["tra*de*"]\n', "topic 'a': term 'tra*de*' is not a valid"),
    ('[topics.a]\nlabel = "A"\nterms = ["*"]\n', "topic 'a': term '*' is not a valid"),
    ('[topics.a]\nlabel = "A"\nterms = ["trade"]\n[topics.b]\nlabel = "B"\nterms = ["Trade"]\n',
     "topic 'b': term 'Trade' is also listed under topic 'a'"),
    ('[topics.a]\nterms = ["x"]\n', "topic 'a': missing 'label'"),
    ('[topic.a]\nlabel = "A"\n', "unknown top-level key(s): topic"),
    ('[topics.a\n', "not valid TOML"),
])
def test_validation_errors_name_file_topic_term(tmp_path, body, message):
    p = tmp_path / "bad.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(p)
    assert str(err.value).startswith(str(p))
    assert message in str(err.value)


def test_default_lexicon_is_valid():
    lex = load_lexicon()
    assert {"security", "economy", "technology", "diplomacy", "governance", "conflict",
            "humanitarian", "climate"} == {t.id for t in lex.topics}


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample():
    art = load_article(SAMPLE_ARTICLE)
    return art, topic_hits(art, quotes=quotes_table(art))


def test_sample_hand_counts(sample):
    art, df = sample
    body = "\n".join(art.text[b.start:b.end] for b in art.paragraphs)
    # "security" appears 16 times in the body (17 with the heading "U.S. Support and Regional
    # Security"): 14 alone, 2 inside "security threats"; every one is a security hit.
    assert len(re.findall(r"\bsecurity\b", body, re.I)) == 16
    sec = df[df.matched.str.lower().str.contains(r"\bsecurity\b")]
    assert len(sec) == 16 and (sec.topic == "security").all()
    # "trade": 4 in the body, 2 alone and 2 in "trade and investment agreement" (one hit each)
    trade = df[df.matched.str.lower().str.contains(r"\btrade\b")]
    assert sorted(trade.term) == ["trade", "trade", "trade and investment agreement",
                                  "trade and investment agreement"]
    # "multinational" is not trade; "work together" is not labour (it is partnership)
    assert not df.matched.str.lower().eq("multinational").any()
    assert df[df.matched == "work together"].topic.tolist() == ["diplomacy"]


def test_sample_top_topics(sample):
    art, df = sample
    summary = topic_summary(art, df)
    # security 33 hits (security 14, security threats 2, stability 4, police 3, secure 3, MSS 3,
    # personnel 2, securing, officers); economy 24 (economic 7, growth 5, trade 2, the trade and
    # investment agreement 2, …); diplomacy leads with 50 (partnership 8, collaborative 5, …).
    top3 = summary.topic.tolist()[:3]
    assert "security" in top3 and "economy" in top3
    assert summary.set_index("topic").loc["security", "hits"] == 33
    assert summary["words"].eq(1224).all()
    assert summary["hit_share"].sum() == pytest.approx(1.0)
    row = summary.set_index("topic").loc["security"]
    assert row.per_1000_words == pytest.approx(1000 * 33 / 1224)


def test_sample_breakdowns(sample):
    art, df = sample
    by_section = topic_breakdown(art, df, "section")
    assert by_section.groupby("topic").hits.sum().sum() == len(df)
    by_speaker = topic_breakdown(art, df, "speaker", quotes=quotes_table(art))
    words = by_speaker.drop_duplicates("group").set_index("group").words
    assert words["narration"] + words["William Ruto"] + words["Antony J. Blinken"] == 1224
    assert words["William Ruto"] == 114


def test_sample_places():
    art = load_article(SAMPLE_ARTICLE)
    places = place_hits(art)
    counts = places.place.value_counts()
    # "U.S." 20 times in the body (17 alone, 3 in U.S.-Kenyan/U.S.-Kenya) + "United States" twice
    assert counts["United States"] == 22
    assert counts["South Sudan"] == 1 and "Sudan" not in counts
    # "Democratic Republic of the Congo (DRC)": one mention
    assert counts["DR Congo"] == 1
    assert all(art.text[r.start:r.end] == r.matched for r in places.itertuples())


def test_suggestions_offer_uncovered_words():
    sug = suggest_terms(load_article(SAMPLE_ARTICLE))
    words = set(sug[sug.kind == "word"].term)
    assert "challenges" in words and "ruto" not in words and "security" not in words
    assert (sug[sug.kind == "collocation"]["count"] >= 2).all()


# --------------------------------------------------------------------------- CLI


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True)


def test_cli_summary_json():
    out = run("topics", str(SAMPLE_ARTICLE), "--format", "json")
    rows = json.loads(out.stdout)
    assert {"topic", "label", "hits", "per_1000_words", "paragraph_share"} <= set(rows[0])


def test_cli_hits_json():
    out = run("topics", str(SAMPLE_ARTICLE), "--hits", "--format", "json")
    rows = json.loads(out.stdout)
    assert {"topic", "term", "start", "end"} <= set(rows[0])


def test_cli_bad_lexicon(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text('[topics.a]\nlabel = "A"\nterms = []\n', encoding="utf-8")
    out = run("topics", str(SAMPLE_ARTICLE), "--lexicon", str(p))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "empty topic" in out.stderr
    assert "Traceback" not in out.stderr
