"""The faster entity scan and word counts of quote extraction give the same answers as the code
they replaced.

:func:`analysis.speakers.find_entities` used to try :data:`~analysis.speakers.MENTION` at every
offset of every stretch of narration (:func:`~analysis.speakers._scan_segment`, kept for
stretches cut inside a word); it now reads the text once for the places a name can start and
tries the pattern only there, a lone capitalised word with a cheaper pattern. Inputs are
generated (hypothesis) from the pieces each part cares about, plus sentences checked by hand.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.quotes.kinds as kinds
import analysis.speakers as speakers
from analysis.text import article_from_text


def old_find_entities(article, exclude):
    """find_entities as it was: each stretch of narration scanned with both patterns."""
    reg = speakers.Registry()
    reg.article = article
    exclude = sorted(exclude)
    for block in article.paragraphs:
        for a, b in speakers._segments(block.start, block.end, exclude):
            speakers._scan_segment(reg, article.text, a, b, block.start)
    return reg


def state(reg):
    return ([(e.id, e.name, e.kind, e.first, e.last, e.role, e.affiliation, e.gender,
              sorted(e.aliases)) for e in reg.entities], list(reg.mentions))


_PIECES = ["Ann", "Moe", "Grace", "Mwangi", "The", "Exports", "Parliament", "West", "Cornel",
           "President", "Secretary of State", "Sen.", "Gov.", "Mr.", "Ms", "former", "then",
           "acting", "U.S.", "Kenyan", "al-Sisi", "bin", "van", "Dijk", "of", "Kenya", "at",
           "an", "de", "’s", "'s", "he", "she", "He", "Her", "his", "said", "spoke", "the",
           "Ministry", "Amnesty International", "J.", "O’Brien", "Émile", "Ünal", "x2",
           " ", " ", " ", " ", ", ", ". ", "\t", "-", "\n", "“", "”", '"', "‘", "’"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=4))
def test_entities_are_the_same_as_the_stretch_by_stretch_scan(text, cuts):
    art = article_from_text(text or "x", "t")
    n = len(art.text)
    # exclude spans anywhere, inside words too (the stretch's ends then cut a word)
    exclude = [(min(a, n), min(a + w, n)) for a, w in cuts]
    assert state(speakers.find_entities(art, exclude)) == \
        state(old_find_entities(art, exclude))


def test_entities_by_hand_with_a_stretch_cut_inside_a_word():
    text = "Grace Mwangi met Ann Moe. She said Moe spoke, and Mwangi left."
    art = article_from_text(text, "t")
    cut = text.index("Moe spoke") + 1  # an excluded span from inside "Moe"
    reg = speakers.find_entities(art, [(cut, cut + 3)])
    assert state(reg) == state(old_find_entities(art, [(cut, cut + 3)]))
    assert [(e.name, e.gender) for e in reg.people()] == [("Grace Mwangi", "f"),
                                                         ("Ann Moe", "f")]
    # "Moe" of "Moe spoke" is cut: its stretch ends inside the word, no mention there
    assert [m.text for m in reg.mentions] == ["Grace Mwangi", "Ann Moe", "Mwangi"]


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
def test_name_starts_hold_every_start_of_a_mention(text):
    starts = set(speakers._name_starts(text))
    assert {m.start() for m in speakers.MENTION.finditer(text)} <= starts
    for a in range(0, len(text), 7):  # (the scan from a later offset too)
        assert {m.start() for m in speakers.MENTION.finditer(text, a)} <= starts


def test_name_starts_by_hand():
    text = "Then the former envoy, al-Sisi and Ann."
    starts = speakers._name_starts(text)
    for word in ("Then", "former", "al-Sisi", "Ann"):
        assert text.index(word) in starts
    assert text.index("the") not in starts and text.index("envoy") not in starts


_GROUPS = ("affil", "title", "name", "of", "poss")


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
def test_lone_word_matches_as_mention_does(text):
    for p in range(len(text)):
        for end in (len(text), max(p, len(text) - 3)):
            lone = speakers._LONE_WORD.match(text, p, end)
            if lone is None:
                continue
            m = speakers.MENTION.match(text, p, end)
            assert m is not None and m.span() == lone.span()
            assert [m.span(g) for g in _GROUPS] == [lone.span(g) for g in _GROUPS]


def test_lone_word_by_hand():
    def lone(text):
        m = speakers._LONE_WORD.match(text)
        return m and m.group("name")

    assert [lone(t) for t in ("The court", "Moe at the", "Moe, who", "President said")] == \
        ["The", "Moe", "Moe", "President"]
    assert speakers._LONE_WORD.match("AnnMoe said", 3) is None  # (inside a word: none)
    # a name going on, a title, a possessive, a full stop: left to MENTION
    assert [lone(t) for t in ("Ann van Dijk", "Sisi of Egypt", "Moe al-Sisi", "Ann Moe",
                              "Moe’s aide", "Moe.", "Secretary of State")] == [None] * 7
    assert speakers.MENTION.match("Sisi of Egypt").group("of") == "Egypt"


def test_names_no_one_by_hand():
    reg = speakers.Registry()
    assert speakers._names_no_one(reg, "West")  # a direction ...
    reg.add(speakers.Entity(0, "Cornel West", first="Cornel", last="West"))
    assert not speakers._names_no_one(reg, "West")  # ... until Cornel West is known


_TITLE_TEXT = st.lists(st.sampled_from(["The", "Debt", "Trap", "of", "a", "no", "way", "Meet",
                                        "Press", ".", "?", ",", " ", " ", "x2", "’s"]),
                       max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TITLE_TEXT, st.sampled_from(["", "in his book ", "on NBC’s ", "He said "]))
def test_title_test_reads_at_most_nine_words_with_the_same_answer(content, before):
    def old_is_title(content, before):  # (as it was: every word of the quote read)
        words = kinds._TITLE_WORD.findall(content)
        if not words or len(words) > 8:
            return False
        programme = bool(kinds._PROGRAMME_CUES.search(before))
        if content.rstrip()[-1:] in ".?!" and not (
                (programme or kinds._TITLE_CUES.search(before)) and content.rstrip()[-1:] == "."
                and content.count(".") == 1):
            return False
        small = kinds._SMALL_WORDS
        if programme and words[0][:1].isupper() and all(
                w[:1].isupper() or w.lower() in small for w in words):
            return True
        title_case = words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in small for w in words)
        return title_case and (len(words) > 1 or bool(kinds._TITLE_CUES.search(before)))

    assert kinds._is_title(content, before) == old_is_title(content, before)


def test_title_test_by_hand():
    assert kinds._is_title("The Debt Trap", "In his book ")
    assert not kinds._is_title("The One Two Three Four Five Six Seven Eight Nine", "his book ")


def test_word_count_of_a_quote_is_capped_where_it_is_compared():
    # a long partial quote in narration with no cue stays partial only by its length (> 4
    # words); a short one is a scare quote: the count up to 11 decides the same
    text = ("The plan was “a deal that is fair to all of the farmers in the valley and more” "
            "in the end. The plan was “fair”.")
    art = article_from_text(text, "t")
    from analysis.quotes import extract_quotes
    assert [q.kind for q in extract_quotes(art, False)] == ["partial", "scare"]


_BEFORE_TEXT = st.lists(st.sampled_from(["book", "BOOK", "Documentary", "op-ed", "ad", "advert",
                                         "the", "x", " ", ", ", ":", "\n", "_", "1", "é", "ſ",
                                         "K", "—", "“"]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(_BEFORE_TEXT)
def test_title_word_before_a_quote_searched_near_the_end_only(before):
    assert kinds._title_cue_before(before) == (kinds._TITLE_CUES.search(before) is not None)


def test_title_word_before_a_quote_by_hand():
    assert kinds._title_cue_before("In his new documentary, ")
    assert kinds._title_cue_before("a podcast\n")
    assert not kinds._title_cue_before("the documentary team said")
    assert not kinds._title_cue_before("xbook ")  # (no word boundary before it)


_CUE_TEXT = st.lists(st.sampled_from(["said", "says", "noted", "told", "Said", "xsaid", "said_",
                                      "saidx", "according", " ", ". ", ",", "\n", "é", "1",
                                      "’", "“", "warned", "asked"]), max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(_CUE_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_cue_word_of_reported_speech_found_as_by_the_word_boundary_pattern(text, a, b):
    from analysis.quotes import attribution
    from analysis.quotes.cues import _INDIRECT_RE

    a, b = sorted((min(a, len(text)), min(b, len(text))))
    assert attribution._has_cue_word(text, a, b) == \
        (_INDIRECT_RE.search(text, a, b) is not None)
