"""Round 10 of speaker accuracy on real news (issue 12): general classes of English news
style, each checked on sentences written for this file (no third-party text)."""

import sys
from pathlib import Path

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text

sys.path.insert(0, str(Path(__file__).parent))
from quote_probe import speech_speakers as _speakers  # noqa: E402


@pytest.mark.parametrize("text, name", [
    # a verb no cue list holds, right after a quote that ends open, with a name before it
    ("The hall was full. “You have broken every promise to this town,” Ann Moe bristled in "
     "reply.", "Ann Moe"),
    # an irregular past form
    ("The hall was full. “Let me tell you about the river we lost,” Tom Reed began.",
     "Tom Reed"),
])
def test_unlisted_verb_after_open_quote(text, name):
    assert _speakers(text) == [(name, "after")]


def test_unlisted_verb_after_quote_pronoun():
    assert _speakers("Ann Moe took the stage at noon. “You have broken every promise to this "
                     "town,” she bristled.") == [("Ann Moe", "after")]


@pytest.mark.parametrize("text", [
    # a possessive is no subject: the words after the quote are another clause
    "The hall was full. “We will build the bridge by spring,” Ann Moe’s plan promised nothing.",
    # a closed quote (a full stop inside the marks) is no open quote
    "The hall was full. “We will build the bridge by spring.” Ann Moe smiled.",
    # a sentence opener, not a name
    "The hall was full. “We will build the bridge by spring,” The crowd roared.",
    # after "?" or "!" a new sentence may start: its subject said nothing
    "The bridge fell on Monday. “Why did the cables snap?” Investigators examined the wreck.",
    "The hall was full. “Who pays for it?” Tuesday marked a year since the vote.",
    "Reed watched the musical “Oklahoma!” Lane directed it in June.",
])
def test_unlisted_verb_needs_a_name_after_an_open_quote(text):
    assert all(pos != "after" for _, pos in _speakers(text))


@pytest.mark.parametrize("text", [
    # a name that modifies a noun ("the Lane administration", "Lane supporters", "Lane's
    # campaign") names an organisation or a group: no antecedent of a later he or she
    "Governor Kim Lane opened the fair on Monday. Pat Ober, a farmer, has long criticised the "
    "Lane administration. “We were promised water for every village,” she said.",
    "Governor Kim Lane opened the fair on Monday. Pat Ober, a farmer, spoke to Lane "
    "supporters. “We were promised water for every village,” she said.",
    "Governor Kim Lane opened the fair on Monday. Pat Ober, a farmer, has long criticised "
    "Lane’s campaign. “We were promised water for every village,” she said.",
])
def test_name_modifying_a_noun_is_no_antecedent(text):
    assert _speakers(text) == [("Pat Ober", "after")]


@pytest.mark.parametrize("text", [
    # the only person who fits is still the antecedent, modifier or not
    "Governor Kim Lane’s campaign released a water plan on Monday. “We will bring water to "
    "every village,” she said.",
    # ("rallies" is a verb here: no noun to modify)
    "Governor Kim Lane rallies supporters in Eastport on Monday. “We will win this county,” "
    "she said.",
])
def test_a_modifier_name_is_the_antecedent_when_no_other_fits(text):
    assert _speakers(text) == [("Kim Lane", "after")]


def test_name_acting_stays_the_antecedent():
    # (the rule is about a name before those nouns only: Lane acting is still an antecedent)
    assert _speakers("Pat Ober, a farmer, spoke first. Governor Kim Lane answered her. "
                     "“We will bring water to every village,” she said.") == \
        [("Kim Lane", "after")]


@pytest.mark.parametrize("text, name", [
    # a title before a name whose first name no list holds, then "of" an organisation: the
    # person speaks, not the organisation
    ("The vote was close. However, as Archbishop Zorn Moe of the Lakeside Patriarchate of "
     "Eastport told the Herald, “We have suffered the same fate as our neighbours.”",
     "Zorn Moe"),
    # a sentence opener before the name is no part of it ("As Ann Moe of …")
    ("The vote was close. As Archbishop Ann Moe of the Lakeside Patriarchate of Eastport "
     "told the Herald, “We have suffered the same fate as our neighbours.”", "Ann Moe"),
])
def test_person_before_of_organisation(text, name):
    assert _speakers(text) == [(name, "before")]


@pytest.mark.parametrize("text, name", [
    ("Ann Moe said a video showing Tom Reed calling the road “a death trap” went viral.",
     "Tom Reed"),
    ("Ann Moe said a photo of Tom Reed calling the plan “a scam” spread fast.", "Tom Reed"),
    ("Moe said that protesters chanting “no more cuts” marched past Tom Reed.", "protesters"),
])
def test_a_participle_inside_a_reported_clause_keeps_its_own_subject(text, name):
    # (a guard: a rule of this round gave these to the reporter and was reverted after review)
    assert _speakers(text) == [(name, "before")]


def test_participle_after_comma_keeps_its_subject():
    # (after a comma the participle belongs to the clause's subject, as before)
    assert _speakers("The debate ran late. Ann Moe said Tom Reed was wrong, calling his plan "
                     "“a gift to the trucking lobby.”") == [("Ann Moe", "before")]


def test_clause_words_are_no_role_before_a_name():
    # the words between a partial quote and "Name cue" hold a clause ("while"): no role, so
    # the name after them does not take the quote; the cue before the quote does
    assert _speakers("Ann Moe accuses Tom Reed of selling the county a “rotten bridge” "
                     "regarding her toll road plans while Reed suggests the county pay.") == \
        [("Ann Moe", "before")]


def test_role_before_a_name_after_a_quote():
    # (a role in lower case before the name is still read as one)
    assert _speakers("The vote was close. “We will pave every road,” county transport chief "
                     "Tom Reed said.") == [("Tom Reed", "after")]


@pytest.mark.parametrize("role", ["former adviser to the governor", "deputy minister in "
                                  "charge of roads", "head of the office on roads"])
def test_a_role_with_a_preposition_before_a_name_after_a_quote(role):
    # prepositions are no clause words: the role holds them
    assert _speakers(f"The vote was close. “We will pave every road,” {role} Tom Reed "
                     "said.") == [("Tom Reed", "after")]


@pytest.mark.parametrize("text, cue", [
    # modals and auxiliaries between the subject and its cue belong to the verb group
    ("The race was tight. Ed Lane may have said it best: “The county has never had a cleaner "
     "race than this one.”", "said"),
    ("The race was tight. Ed Lane would later say, “The county has never had a cleaner race "
     "than this one.”", "say"),
    ("The race was tight. Ed Lane could have told them, “The county has never had a cleaner "
     "race than this one.”", "told"),
])
def test_modal_between_subject_and_cue(text, cue):
    qs = [q for q in extract_quotes(article_from_text(text, "x")) if q.kind == "direct"]
    assert [(q.speaker, q.position, q.cue) for q in qs] == [("Ed Lane", "before", cue)]


@pytest.mark.parametrize("modal", ["may", "might", "could", "should", "must"])
def test_a_modal_right_before_the_cue_makes_speech_hypothetical(modal):
    # speech that may never be made has no speaker ("will say" announces a prepared text)
    text = (f"The race was tight. Critics {modal} say, “The county has never had a dirtier race "
            "than this one.”")
    assert _speakers(text) == [(None, None)]
    assert _speakers(text.replace(f"{modal} say", "will say")) == [("critics", "before")]


@pytest.mark.parametrize("text, name", [
    # a modal before "tell": the subject is named, never the listener
    ("The mayor might tell the council, “We are ready for the storm.”", "the mayor"),
    # "could say only this:" reports what was said
    ("The race was tight. Tom Reed could say only this: “We are ready for the storm.”",
     "Tom Reed"),
])
def test_modals_that_keep_their_speaker(text, name):
    assert _speakers(text) == [(name, "before")]


@pytest.mark.parametrize("noun", ["video", "ad", "email", "mailer"])
def test_who_puts_out_a_document_speaks(noun):
    text = (f"The race was tight. Ed Lane released a campaign {noun} that said, “Every road in "
            "the county will be paved by the end of next summer.”")
    assert _speakers(text) == [("Ed Lane", "before")]


@pytest.mark.parametrize("text, name", [
    # a pronoun whose sentence opens with a person who fits: that subject, not a person named
    # later inside the sentence
    ("The race was tight. Tom Reed went after Ed Lane at the fair, when he called the toll "
     "plan “a gift to the trucking lobby.”", "Tom Reed"),
    # (a guard, right before this round too: "and she said" coordinated with the subject's
    # verb)
    ("The race was tight. Ann Moe praised Kim Lane on Monday, and she said the bridge was "
     "“the best news this county has had in years.”", "Ann Moe"),
])
def test_pronoun_prefers_the_sentence_subject(text, name):
    assert _speakers(text) == [(name, "before")]


def test_pronoun_in_a_new_sentence_takes_the_last_subject():
    # across a sentence break, the subject of the sentence before (round 13; this guard
    # had kept the nearest person, the object: on a sample of 20 PolNeAR train quotes
    # whose speaker the change moved, 17 moved to the right person)
    assert _speakers("Tom Reed went after Ed Lane at the fair. Later he called the toll plan "
                     "“a gift to the trucking lobby.”") == [("Tom Reed", "before")]


@pytest.mark.parametrize("text", [
    # a name and a capitalised affiliation on the line below a quote, with no dash: a byline
    "The plan drew praise.\n\n\"My fear is that the old toll road quarrels come back as the "
    "county tries to pay for it.\"\nOmar Lane, Lakeside Policy Institute.\n\nThe vote is Monday.",
    # (also when the quote's closing mark stands after the byline line)
    "The plan drew praise.\n\n\"My fear is that the old toll road quarrels come back as the "
    "county tries to pay for it.\nOmar Lane, Lakeside Policy Institute.\"\n\nThe vote is Monday.",
])
def test_name_line_below_a_quote(text):
    assert _speakers(text) == [("Omar Lane", "after")]


@pytest.mark.parametrize("line, name", [("Dr. Kofi Banda, Harbor University.", "Kofi Banda"),
                                        ("Sen. Ann Moe, Democrat of Eastport.", "Ann Moe")])
def test_a_name_line_may_open_with_a_title(line, name):
    text = ("The plan drew praise.\n\n\"My fear is that the old toll road quarrels come back as "
            f"the county tries to pay for it.\"\n{line}\n\nThe vote is Monday.")
    assert _speakers(text) == [(name, "after")]


def test_a_cue_before_an_unclosed_quote_beats_a_name_line_below_it():
    # the cue before the quote names the speaker; the line below is no byline of another
    for line in ("Looking Ahead, For Now", "Omar Lane, Lakeside Policy Institute."):
        text = ("The plan drew praise.\n\nAnn Moe said: \"My fear is that the old toll road "
                f"quarrels come back as the county tries to pay for it.\n\n{line}\n\nThe vote "
                "is Monday.")
        assert _speakers(text) == [("Ann Moe", "before")]


@pytest.mark.parametrize("line", [
    "Kip Lane, the mayor, disagreed.",  # a sentence: a verb and lower-case words
    "Rising Tensions",  # a subheading: no comma, no affiliation
    "Lakeside’s Long, Uneasy Road",  # a subheading with a possessive
    # two capitalised phrases with no given name or honorific: a subheading or a place
    "Rising Tensions, Few Answers",
    "Kansas City, Missouri",
    "Back Home, Again",
    "Peter Street, London",  # a given name, but a street's name
])
def test_lines_below_a_quote_that_are_no_byline(line):
    text = ("The plan drew praise.\n\n\"My fear is that the old toll road quarrels come back "
            f"as the county tries to pay for it.\"\n{line}\n\nThe vote is Monday.")
    assert all(pos != "after" for _, pos in _speakers(text))


@pytest.mark.parametrize("text", [
    # an appositive whose closing comma is missing, and a full stop inside a word before the cue
    "The race was tight. “The county needs a plan for the toll road voters,” Kip Lane, the "
    "pollster who founded Lakepoll.com tweeted on Wednesday.",
    "The race was tight. “The county needs a plan for the toll road voters,” Kip Lane, the "
    "pollster who founded Lakepoll tweeted on Wednesday.",
])
def test_name_before_an_open_appositive(text):
    assert _speakers(text) == [("Kip Lane", "after")]


def test_neither_opens_no_name():
    # "Neither Lane nor Moe …": "Neither" is no part of a name; the later "Lane" is Kip Lane
    text = ("Kip Lane and Ann Moe toured the bridge. Neither Lane nor Moe spoke to reporters. "
            "“The county has waited long enough for this bridge,” Lane said later.")
    assert _speakers(text) == [("Kip Lane", "after")]


def test_stacked_lead_ins_before_the_subject():
    # two lead-ins, each closed by a comma, before the clause whose subject the participle has
    text = ("The race was tight. On Thursday, after staying quiet through the long primary "
            "season, Ann Moe appeared with Kip Lane and backed Tom Reed, saying, “This county "
            "needs a scrapper leading our slate.”")
    assert _speakers(text) == [("Ann Moe", "before")]
