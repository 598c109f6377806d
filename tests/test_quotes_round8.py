"""Speaker classes of round 8 (issue 12), each with text the team wrote.

* nested reports: "Ann Moe said (that) Dan Lapp called it “…”" credits the one who reports
  the report (Ann Moe), as a reader of the article can only trust her account of his words;
  "According to the Herald, Dan Lapp said “…”" likewise credits the Herald (as a quote that
  opens right after "According to the Herald," already was), and so does "“…,” Dan Lapp
  said, according to the Herald" (a pronoun there keeps its antecedent).
"""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _speech(text: str):
    return [q.speaker for q in extract_quotes(article_from_text(text, "x"))
            if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, speaker", [
    ("Ann Moe said Dan Lapp called the dam “a gift to the builders.”", "Ann Moe"),
    ("Ann Moe said that Dan Lapp had told farmers the plan was “dead in the water.”", "Ann Moe"),
    ("Ann Moe said during a rally in Eastport that Dan Lapp once described the dam as “the "
     "best deal in years.”", "Ann Moe"),
    ("Mayor Ann Moe told the council that Dan Lapp had called the levy “a tax on rain.”",
     "Ann Moe"),
])
def test_a_report_of_a_report_is_credited_to_who_reports_it(text, speaker):
    assert _speech(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # no report around the cue: its own subject
    ("Dan Lapp called the dam “a gift to the builders.”", "Dan Lapp"),
    # a clause between the report and the cue's subject: the cue's subject
    ("Ann Moe said the vote was close, and Dan Lapp called it “a gift to the builders.”",
     "Dan Lapp"),
    # a pronoun after the report keeps its antecedent (the one who spoke first)
    ("Mr. Dan Lapp spoke first. Lapp’s deputy said he called the dam “a gift to the "
     "builders.”", "Dan Lapp"),
])
def test_the_cues_own_subject_when_no_report_frames_it(text, speaker):
    assert _speech(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Ann Moe spoke in Eastport. According to the Eastport Herald, Moe said the levy was “a "
     "tax on rain.”", "Eastport Herald"),
    # a source without a name (a document, "his spokesman") leaves the quote to who said it
    ("According to the county’s website, Dan Lapp said he left because “there was no other "
     "way.”", "Dan Lapp"),
    # the quote opening right after the comma was already the Herald's
    ("According to the Eastport Herald, “the levy is a tax on rain.”", "Eastport Herald"),
])
def test_according_to_a_source_credits_that_source(text, speaker):
    assert _speech(text) == [speaker]


def test_according_to_in_another_clause_leaves_the_cue_its_subject():
    # a clause ends before the cue's subject: "according to" does not frame it
    text = ("The vote was close, according to the Eastport Herald; Ann Moe called the levy "
            "“a tax on rain.”")
    assert _speech(text) == ["Ann Moe"]


@pytest.mark.parametrize("text, speaker", [
    ("“The levy is a tax on rain,” Dan Lapp said, according to the Eastport Herald.",
     "Eastport Herald"),
    ("“The levy is a tax on rain,” said Dan Lapp, according to the Eastport Herald.",
     "Eastport Herald"),
    ("“The levy is a tax on rain,” Dan Lapp told farmers on Monday, according to Radio "
     "Eastport.", "Radio Eastport"),
])
def test_a_cue_after_the_quote_then_according_to_credits_the_reporter(text, speaker):
    assert _speech(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a pronoun keeps its antecedent
    ("Mr. Dan Lapp spoke first. “The levy is a tax on rain,” he said, according to the "
     "Eastport Herald.", "Dan Lapp"),
    # "according to" in the next sentence frames nothing of this quote
    ("“The levy is a tax on rain,” Dan Lapp said. According to the Eastport Herald, the vote "
     "is in May.", "Dan Lapp"),
])
def test_according_to_after_a_pronoun_or_another_sentence_leaves_the_speaker(text, speaker):
    assert _speech(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“The levy is a tax on rain,” Dan Lapp said on Monday. That makes it “a burden no "
     "farmer in the valley can carry for long.”", "Dan Lapp"),
    ("“We will fight it,” Ann Moe said. She wants the council “to put the levy to a vote "
     "of every farmer in the county.”", "Ann Moe"),
])
def test_a_long_partial_quote_right_after_a_speakers_quote_goes_on_with_that_speaker(
        text, speaker):
    assert _speech(text) == [speaker, speaker]


@pytest.mark.parametrize("text, second", [
    # a cue of its own: someone else's report, not the speaker going on
    ("“We will fight it,” Ann Moe said. This led the paper to print a page saying “the levy "
     "is dead and the council should bury it.”", None),
    # a name before the quote: not the same speaker going on
    ("“We will fight it,” Ann Moe said. That makes Lapp “a burden no farmer in the valley "
     "can carry for long.”", None),
    # a short phrase stays a scare quote
    ("“We will fight it,” Ann Moe said. That makes it “a burden.”", "scare"),
])
def test_a_partial_quote_with_its_own_cue_or_name_is_not_continued(text, second):
    quotes = extract_quotes(article_from_text(text, "x"))
    assert quotes[0].speaker == "Ann Moe"
    if second == "scare":
        assert quotes[1].kind == "scare"
    else:
        assert quotes[1].speaker != "Ann Moe"


# review of round 8: "according to X" takes the quote only from a named X, and a possessive
# surname ending in s keeps its s


@pytest.mark.parametrize("text, speaker", [
    ("According to court records, Ann Moe said “we will appeal the ruling next week.”",
     "Ann Moe"),
    ("“We will appeal the ruling next week,” Ann Moe said, according to his spokesman.",
     "Ann Moe"),
    ("“We will appeal the ruling next week,” Ann Moe said, according to the Daily Star.",
     "Daily Star"),
    ("“We will appeal the ruling next week,” Ann Moe said, according to an AP account.",
     "AP account"),
])
def test_according_to_needs_a_named_source(text, speaker):
    assert _speech(text) == [speaker]


def test_possessive_surnames_ending_in_s_keep_their_s():
    from analysis.speakers import _name_parts

    assert _name_parts(["Kate", "Moss’s"]) == ("Kate", "Moss", "Kate Moss")
    assert _name_parts(["Dan", "Jones's"]) == ("Dan", "Jones", "Dan Jones")
    assert _name_parts(["Ann", "Lee’s"]) == ("Ann", "Lee", "Ann Lee")
