"""Round 13 of speaker accuracy on real news (issue 12): the grammar of a reported partial
quote's subject, probed with constructions of any newspaper rather than with errors of the
development split. Every sentence is written for this file (no third-party text). Each case
gave a scare quote or a wrong subject before this round, but for the guards (marked), which
hold before and after."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from quote_probe import speech_speakers as _speakers  # noqa: E402


@pytest.mark.parametrize("text, speaker", [
    # a floating quantifier or an aspect adverb between the subject and its cue
    ("Tom Reed and Ann Moe both said the deal was “fair.”", "Tom Reed and Ann Moe"),
    ("Tom Reed has long said the deal was “fair.”", "Tom Reed"),
    ("Ann Moe has since said the plan was “a mistake.”", "Ann Moe"),
    ("The senators each told reporters the vote was “a sham.”", "the senators"),
])
def test_words_between_subject_and_cue(text, speaker):
    assert _speakers(text) == [(speaker, "before")]


@pytest.mark.parametrize("text, speaker", [
    # people named by relation or number speak as officials do
    ("His wife said the deal was “fair.”", "His wife"),
    ("The two men said the talks were “productive.”", "two men"),
    # a capitalised plural names a people or a party
    ("Many Republicans said the deal was “fair.”", "Many Republicans"),
])
def test_people_by_relation_number_or_party(text, speaker):
    assert _speakers(text) == [(speaker, "before")]


def test_a_quantity_of_things_is_still_no_speaker():
    # (guard) not a person's noun and not a capitalised plural: the quote stays a scare quote
    assert _speakers("The two charts showed a “mixed” picture.") == []
    assert _speakers("Many figures show a “mixed” picture.") == []


def test_age_before_an_appositive():
    text = "Ann Moe runs a clinic.\n\nMoe, 45, a nurse from Dayton, said the council was “broken.”"
    assert _speakers(text) == [("Ann Moe", "before")]


def test_according_to_set_off_inside_the_clause():
    text = "The budget, according to Ann Moe, was “a disaster.”"
    assert _speakers(text) == [("Ann Moe", "before")]
    # (guard) not without the commas that set it off: a phrase of the clause's own
    assert _speakers("The budget was drawn up according to the rules and called “a disaster.”") \
        == []


def test_conjunction_is_no_part_of_the_subject():
    text = "The city sued Tom Reed, but lawyers for the department said the case was “weak.”"
    assert _speakers(text) == [("lawyers for the department", "before")]


def test_object_of_a_preposition_is_no_subject_after_the_quote():
    # "without officials asking": the officials do not speak; the clause's subject does
    text = "Tom Reed said he “cannot buy groceries in peace” without officials asking him about it."
    assert _speakers(text) == [("Tom Reed", "before")]


@pytest.mark.parametrize("text, speaker", [
    # a report set off by commas inside the clause reports the cue's words, as "Reed said the
    # Herald called it" does
    ("Tom Reed spoke on Monday. The Herald, Reed said, called the plan “a disaster.”", "Tom Reed"),
    ("Tom Reed spoke on Monday. The council, he said, had called the plan “a disaster.”",
     "Tom Reed"),
    # (guard) an appositive is no report: the cue's own subject speaks
    ("Ann Moe, a senator, described the plan as “a disaster.”", "Ann Moe"),
])
def test_report_set_off_by_commas(text, speaker):
    assert _speakers(text) == [(speaker, "before")]


@pytest.mark.parametrize("text, speaker, position", [
    # AP style: a party and a state of two abbreviations, set off by commas
    ("“The plan is dead,” Sen. Ann Moe, D-N.J., said Tuesday.", "Ann Moe", "after"),
    ("“The plan is dead,” Rep. Tom Reed, R-W.Va., said.", "Tom Reed", "after"),
    ("“The plan is dead,” Gov. Paul Grant, D-N.Y., told CNN.", "Paul Grant", "after"),
    ("Rep. Paul Grant, D-N.Y., said the plan was “dead.”", "Paul Grant", "before"),
    # (guards) one abbreviation, or the tag in brackets, as before
    ("“The plan is dead,” Sen. Ann Moe, R-Ky., said.", "Ann Moe", "after"),
    ("“The plan is dead,” Sen. Ann Moe (D-N.J.) said.", "Ann Moe", "after"),
])
def test_party_and_state_abbreviations(text, speaker, position):
    assert _speakers(text) == [(speaker, position)]


@pytest.mark.parametrize("text, speaker", [
    # the one a question was put to, in a lead-in, is not its speaker's rival
    ("Asked about Ann Moe, Tom Reed was blunt: “She is wrong.”", "Tom Reed"),
    ("Asked about the deficit, Tom Reed had a simple answer: “We are broke.”", "Tom Reed"),
    ("Tom Reed, asked about the deficit, was blunt: “We are broke.”", "Tom Reed"),
    # a passive with no agent: the question is put to her, by someone unnamed
    ("At the hearing, Ann Moe was asked: “Did you authorize the payments?”", None),
    # (guard) the asker speaks
    ("Ann Moe asked: “Did you authorize the payments?”", "Ann Moe"),
])
def test_whom_a_question_was_put_to(text, speaker):
    assert [s for s, _ in _speakers(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # an organisation's role before the name, in an inverted cue: the name alone
    ("“Prices will rise,” said White House press secretary Ann Moe.", "Ann Moe"),
    ("“Prices will rise,” said Democratic strategist Paul Grant.", "Paul Grant"),
    ("“We expect a strong recovery,” said Harlow Corp. chief executive Paul Grant.",
     "Paul Grant"),
    # initials before a speaker noun, and a speaker noun in capitals
    ("“The plan is dead,” a U.S. official told Reuters.", "U.S. official"),
    ("“The plan is dead,” U.S. officials said.", "U.S. officials"),
    ("“We had no choice,” the CEO said.", "CEO"),
    # a company's abbreviation is part of its name
    ("“We expect a strong recovery,” Harlow Corp. said.", "Harlow Corp."),
    # the bodies around a person speak for it
    ("“We had no choice,” Reed’s campaign said on its website.", "Reed’s campaign"),
    ("“He was a devoted father,” Reed’s family said.", "Reed’s family"),
])
def test_roles_initials_companies_and_bodies(text, speaker):
    assert [s for s, _ in _speakers(text)] == [speaker]


def test_an_ad_campaign_is_no_speaker():
    # (guard) a series of ads is no campaign that speaks
    assert _speakers("The group began a large ad campaign praising Tom Reed for seeking "
                     "“bipartisan solutions.”") == []


def test_a_gendered_role_gives_the_pronoun_its_antecedent():
    text = "“We won,” said widow Terry Lane. She continued, “We are tired.”"
    assert _speakers(text) == [("Terry Lane", "after"), ("Terry Lane", "before")]


@pytest.mark.parametrize("text, speaker", [
    # "he" after a sentence whose subject and object both fit: the subject
    ("Paul Grant thanked Tom Reed for his support. “He has been a great friend,” he said.",
     "Paul Grant"),
    ("Paul Grant said he spoke with Tom Reed on Monday.\n\n“It was a good conversation,” he said.",
     "Paul Grant"),
    # the one who reports a clause, over the subject of the clause reported
    ("Ann Moe said Lena Ortiz had called her. “It was kind,” she said.", "Ann Moe"),
    # (guards) the latest one reports it; an owner that opens the sentence is no subject
    ("Trump’s plan is weak, Tom Reed said. “It will fail,” he said.", "Tom Reed"),
    ("Tom Reed met Paul Grant on Monday. Grant later told reporters the talks went well. "
     "“We agree,” he said.", "Paul Grant"),
])
def test_a_pronoun_takes_the_sentence_subject(text, speaker):
    assert [s for s, _ in _speakers(text)][-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a sentence of the same paragraph that opens with a person, then a quote with no cue
    ("Tom Reed was unmoved. “The numbers speak for themselves.”", "Tom Reed"),
    ("Ann Moe laughed. “I have heard that before.”", "Ann Moe"),
    # (guard) a thing opens the sentence
    ("The bill passed late on Monday. “This is a great day for the county.”", None),
])
def test_person_opening_the_sentence_before(text, speaker):
    assert [s for s, _ in _speakers(text)] == [speaker]


def test_person_in_the_paragraph_before_is_not_taken():
    # (guard) the sentence before is in another paragraph
    text = "Tom Reed was unmoved.\n\n“The numbers speak for themselves.”"
    assert [s for s, _ in _speakers(text)] == [None]


@pytest.mark.parametrize("text, speaker", [
    # the plain present of a report verb, after a plural subject or a document
    ("Prosecutors allege that Tom Reed ran “a sprawling bribery scheme.”", "prosecutors"),
    ("Critics argue that the plan is “a giveaway.”", "critics"),
    ("Supporters contend that the law is “working.”", "supporters"),
    ("Tom Reed contends that the law is “working.”", "Tom Reed"),
    ("The lawsuit says the firm showed “reckless disregard” for safety.", "the lawsuit"),
    ("The complaint accuses the firm of “reckless disregard” for safety.", "the complaint"),
])
def test_plain_present_and_legal_documents(text, speaker):
    assert [s for s, _ in _speakers(text)] == [speaker]


def test_an_infinitive_is_no_report():
    # (guard) "to correctly predict": no cue, so the cue after the quote speaks
    text = ("Tom Reed was the lone analyst to correctly predict the margin.\n\n"
            "“Our method works where others fail because we ask everyone,” Ann Moe said.")
    assert [s for s, _ in _speakers(text)] == ["Ann Moe"]


def test_a_sentence_adverb_is_no_name():
    text = ("Therefore, Ann Moe believes the plan will fail, and admitted that the "
            "talks are “stalled.”")
    assert [s for s, _ in _speakers(text)] == ["Ann Moe"]


def test_a_short_paragraph_quote_goes_on():
    text = "“The plan is dead,” Paul Grant said.\n\n“Nobody wants it anymore.”"
    assert _speakers(text) == [("Paul Grant", "after"), ("Paul Grant", "continuation")]


@pytest.mark.parametrize("text", [
    # (guards) one word; a subheading in single marks; a title with no final stop
    "“The plan is dead,” Paul Grant said.\n\n“Never.”",
    "“The plan is dead,” Paul Grant said.\n\n‘A Tough Call.’\n\nThe vote is on Friday.",
    "“The plan is dead,” Paul Grant said.\n\n“The Art of War”\n\nThe book sold well.",
])
def test_a_short_paragraph_that_is_no_speech(text):
    assert _speakers(text) == [("Paul Grant", "after")]


@pytest.mark.parametrize("text", [
    # an inverted report set off by commas inside the clause
    "The problem, says Tom Reed, a historian at Lake College, is that “nobody listens anymore.”",
    "The problem, said Tom Reed, is that “nobody listens anymore.”",
])
def test_inverted_aside(text):
    assert _speakers(text) == [("Tom Reed", "before")]


def test_inverted_aside_keeps_the_quote_as_content():
    # (guard) the aside's cue reports the clause, not the words after it: the content is the
    # quote's own words (a first version took the words after the cue, 317 characters)
    from analysis.quotes import extract_quotes
    from analysis.text import article_from_text
    text = "The problem, said Tom Reed, is that it was seen as “a waste of time.”"
    q = extract_quotes(article_from_text(text, "t"))[0]
    assert (text[q.content_start:q.content_end], q.cue) == ("a waste of time.", None)


def test_inverted_aside_names_the_second_quote_too():
    text = ("The paradox, says Tom Reed, is that she held “more sway than any aide” and "
            "that she had “a deep personal hold on the president and his office.”")
    assert [s for s, _ in _speakers(text)] == ["Tom Reed", "Tom Reed"]


# review of round 13 (a read-only reviewer's sentences, or ours after them): 12 of these 14
# failed on the first version of the rules above; 11 of them held before this round


@pytest.mark.parametrize("text, speakers", [
    # a company's abbreviation that ends a sentence still ends it
    ("“We expect growth,” said Tom Reed of Harlow Corp. Shares rose 4 percent.", ["Tom Reed"]),
    ("The deal was approved by Harlow Co. Tom Reed called it “a steal.”", ["Tom Reed"]),
    # plain present verbs with another sense
    ("Crews maintain the roads that residents call “a disgrace.”", []),
    ("Hospitals admit patients with “mild” symptoms.", []),
    # "according to" inside a clause needs a source that can speak
    ("The budget, according to schedule, was “finished.”", []),
    # a day's plural is no people
    ("Some Fridays said the economy was “weak.”", []),
    # a sentence that opens with another person ends the one before's turn
    ("Tom Reed smiled. “We won.” Ann Moe frowned. “We lost.”", ["Tom Reed", "Ann Moe"]),
    # what was done to a person is not said by them
    ("Tom Reed was arrested in May. “He is a danger to the public.”", [None]),
    ("Tom Reed was quickly arrested. “He is a danger to the public.”", [None]),
    ("Tom Reed faced a question from Ann Moe. “Why did you vote no?”", [None]),
    # the one asked answers; asked by someone, the subject answers
    ("Tom Reed asked Paul Grant about the budget. “It is balanced,” he said.", ["Paul Grant"]),
    ("Tom Reed was asked by Paul Grant about the budget. “It is balanced,” he said.",
     ["Tom Reed"]),
    # a pronoun after a sentence whose quote has a speaker: that speaker
    ("“We have had problems,” Tom Reed said after meeting with Paul Grant. He did not suggest "
     "a response. “Our goal is calm, not a cycle of escalation.”", ["Tom Reed", "Tom Reed"]),
    # the owner's whole name
    ("“False,” Tom Reed’s family said.", ["Tom Reed’s family"]),
])
def test_round13_review(text, speakers):
    assert [s for s, _ in _speakers(text)] == speakers


@pytest.mark.parametrize("text, speakers", [
    # "said her attorney, NAME": "her" owns the role
    ("Ann Moe was indicted on Monday. “She is innocent,” said her attorney, Paul Grant.",
     ["Paul Grant"]),
    ("“I'm with her,” said Ann Moe, a teacher. “Me too,” said her sister, Lena Ortiz.",
     ["Ann Moe", "Lena Ortiz"]),
    # a newspaper's name is no person for "she"
    ("“He is scared,” Ann Moe, the Democratic nominee, told the Columbus Dispatch on Monday. "
     "“He knows he is losing,” she said.", ["Ann Moe", "Ann Moe"]),
    # a party in the plural is no "he"
    ("Democrats said Tom Reed had misled voters about his record. “That is false,” he said.",
     ["Tom Reed"]),
    # "quoted X as saying": X's words
    ("Breitbart News quoted Tom Reed as saying that the audit was “long overdue.”", ["Tom Reed"]),
    ("Tom Reed was quoted by the Millbrook Gazette as saying, “I have never taken a dime.”",
     ["Tom Reed"]),
    ("Tom Reed was quoted as saying, “I have never taken a dime.”", ["Tom Reed"]),
    # a person and an appositive, then a quote with no cue
    ("Tom Reed said the deal was “a good start.” Ann Moe, his Democratic rival, disagreed. "
     "“It is a disaster for working families.”", ["Tom Reed", "Ann Moe"]),
])
def test_second_probe_classes(text, speakers):
    assert [s for s, _ in _speakers(text)] == speakers


@pytest.mark.parametrize("text, speaker", [
    # given names the list lacked: a he is no Lena, a she no Reince
    ("Tom Reed appeared on Fox News Sunday. Host Lena Ortiz pressed him on the tax returns. "
     "“I will release them,” he said.", "Tom Reed"),
    ("Rachel Moe spoke first. Along with her husband, Milton Moe, she has given to many "
     "candidates. “We want a winner,” she said.", "Rachel Moe"),
])
def test_more_given_names_give_gender(text, speaker):
    assert [s for s, _ in _speakers(text)][-1] == speaker


# second review of round 13 (a read-only reviewer's sentences): each gave a wrong speaker on
# the code reviewed (after the first review's fixes)
@pytest.mark.parametrize("text, speakers", [
    # a subheading is no name line, and a cue after the quote names its speaker itself
    ("Ann Moe spoke first.\n\nRay Of Light\n“We will rebuild,” said Tom Reed.",
     ["Tom Reed"]),
    ("Ann Moe spoke first.\n\nDale Reed\n“We need water,” said the farmer.", ["the farmer"]),
    # the subject still speaks after these
    ("“We won,” said Ann Moe.\n\nTom Reed was asked about the loss. “I have no regrets.”",
     ["Ann Moe", "Tom Reed"]),
    ("“We won,” said Ann Moe.\n\nTom Reed read a brief statement. “We are sorry.”",
     ["Ann Moe", "Tom Reed"]),
    ("“We won,” said Ann Moe.\n\nTom Reed was joined by his wife. “We are proud.”",
     ["Ann Moe", "Tom Reed"]),
    # a participle set off by commas is passive; "replaced" hands nothing over; "pointing
    # at" does
    ("Tom Reed, asked about Paul Grant, was blunt. “He is wrong,” he said.", ["Tom Reed"]),
    ("Tom Reed replaced Paul Grant as chair in March. “I am honored to serve,” he said.",
     ["Tom Reed"]),
    ("“Ask him,” Tom Reed said, pointing at Paul Grant. “I have no idea,” he said.",
     ["Tom Reed", "Paul Grant"]),
    # an aside names no quote of a later clause
    ("Sales, says Tom Reed, are up, but rivals call it “a fluke.”", []),
    # "Reed, quoted by the Times as saying …": Reed's words
    ("Tom Reed, quoted by the Times as saying the deal was “dead,” later backtracked.",
     ["Tom Reed"]),
    # the owner's name stops at a day and a title
    ("On Monday Tom Reed’s spokesman said the claim was “false.”", ["Tom Reed’s spokesman"]),
    # a short paragraph in title case is no speech
    ("“We won,” Ann Moe said.\n\n“Tough Times.”", ["Ann Moe"]),
    # report verbs with another sense, before "that"
    ("Critics maintain that the law is “unfair.”", ["critics"]),
    ("Activists stress that the vote was “rigged.”", ["activists"]),
])
def test_round13_second_review(text, speakers):
    assert [s for s, _ in _speakers(text)] == speakers
