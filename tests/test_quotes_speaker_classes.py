"""Speaker classes seen on real news (issue 12), each with text the team wrote.

* a long quote in narration with no speech cue: the name opening the clause, followed by its
  verb, said it ("Moe thanked the nurses for “…”");
* "Name, role of Organisation said": the person, not the organisation of the role.
"""

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text


def _speech(text: str):
    return [(q.speaker, q.position) for q in extract_quotes(article_from_text(text, "x"))
            if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("text, speaker", [
    ("Dan Moe thanked the nurses for “working nights and weekends without a word of thanks.”",
     "Dan Moe"),
    ("Ann Lapp worried that the new dam was “a gift to the builders and a loss to the farmers.”",
     "Ann Lapp"),
    ("Tom Okello would not comment on a plan “to move every small farm in the valley to the "
     "hills by spring.”", "Tom Okello"),
    ("Mary Njeri is pledging to “bring water to every village before the next rains come.”",
     "Mary Njeri"),
    ("Joe Ruto also made the point that the budget was “far too small for a county this "
     "size.”", "Joe Ruto"),
    ("Later that day, Ben Kamau thought the deal was “the best the county could hope for now.”",
     "Ben Kamau"),
    # the verb right before the quote; a sentence opening with "But"; "as part of" is no clause
    ("In an August speech, Dan Moe attacked “the hateful ideology of the cartel and its hold "
     "on every farm.”", "Dan Moe"),
    ("But Dan Moe would not comment on a plan “to move every small farm in the valley to the "
     "hills by spring.”", "Dan Moe"),
    ("As part of the deal, Dan Moe attacked “the hateful ideology of the cartel and its hold "
     "on every farm.”", "Dan Moe"),
])
def test_the_name_that_acts_on_a_long_quote_said_it(text, speaker):
    assert _speech(text) == [(speaker, "subject")]


@pytest.mark.parametrize("text", [
    # a passive verb: the name did not say the words
    "Dan Moe was asked whether the plan was “a gift to the builders and a loss to farmers.”",
    # a pronoun or a phrase opens the clause: no name to take
    "He thanked the nurses for “working nights and weekends without a word of thanks.”",
    "The report thanked the nurses for “working nights and weekends without a word of thanks.”",
    # the name is in a subordinate clause before the one the quote is in
    "While Dan Moe spoke, the party was busy fighting “any and all new taxes on farms.”",
    "As Dan Moe spoke, the party was busy fighting “any and all new taxes on the farms.”",
    "In the town where the Moes lived, Ann felt that she was “the first to move in.”",
    # the name is an owner, not the one acting
    "Dan Moe’s plan calls for “a new dam, a new road and a new school in every ward.”",
])
def test_no_acting_name_no_speaker(text):
    assert _speech(text) == [(None, None)]


def test_a_short_phrase_stays_a_scare_quote():
    # (the rule only names speakers of quotes long enough to be speech)
    qs = extract_quotes(article_from_text("Dan Moe thanked them for the “hard work.”", "x"))
    assert [(q.kind, q.speaker) for q in qs] == [("scare", None)]


@pytest.mark.parametrize("text, speaker", [
    ("Dan Moe, president and chief executive of Lake Growers Association stated, “We cannot "
     "sell at these prices any longer.”", "Dan Moe"),
    ("Joe Ruto, chairman of Lake Rising (a local party), tweeted: “People behind the mayor "
     "are wearing funny hats tonight.”", "Joe Ruto"),
    ("Ann Lapp, editor at large of The Lantern wrote, “When we think of it, we laugh.”",
     "Ann Lapp"),
])
def test_name_then_role_of_an_organisation_is_the_name(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # the organisation itself speaks when no person opens the clause
    ("Lake Growers Association stated, “We cannot sell at these prices any longer.”",
     "Lake Growers Association"),
    # a lead-in before the comma is no person
    ("In Eastport, the mayor said, “We will win this case in the end.”", "the mayor"),
])
def test_no_person_before_the_role_keeps_the_subject(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("George Moe of The Lantern wrote, “If you want people to know you care, show it.”",
     "George Moe"),
    ("Jeff Ruto of the Lake Center for Water Studies said, “It is a hard problem to solve.”",
     "Jeff Ruto"),
    ("Ann Moe from Eastport said, “It is a hard problem to solve.”", "Ann Moe"),
])
def test_name_of_an_organisation_or_place_is_the_name(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


def test_an_organisation_named_with_of_stays_the_organisation():
    # (no person's name before "of": the phrase is kept as it was)
    text = "The Secretary of State said, “It is a hard problem to solve.”"
    assert [sp for sp, _ in _speech(text)] == ["the Secretary of State"]


@pytest.mark.parametrize("text, speaker", [
    # the verb after a partial quote has the quote as its subject: the cue before it counts
    ("City lawyer Dan Moe said in the letter that the advert “unmistakably and wrongfully” "
     "suggests that the city backs him.", "Dan Moe"),
    # a participle after the quote, then a noun that is also a verb ("states"): no subject
    ("Ann Moe said the new bill can be “the best of both worlds,” giving states more power.",
     "Ann Moe"),
])
def test_a_verb_after_a_partial_quote_is_not_its_cue(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


def test_someone_said_after_a_direct_quote_is_still_a_cue_without_a_speaker():
    assert _speech("“We will win,” someone said.") == [(None, "after")]


@pytest.mark.parametrize("text, speaker", [
    # a cue inside a subordinate clause of the report is not the quote's cue
    ("Sen. Dan Moe said that once the Senate goes on recess, “I intend to do as much as I "
     "can, wherever I can be helpful.”", "Dan Moe"),
    ("Ann Ruto said that when the board goes on strike, “We will all stay home with them.”",
     "Ann Ruto"),
    # a participle after "while" shares the clause's subject
    ("The farmers continued to call for answers while chanting, “No water, no vote.”",
     "the farmers"),
    # a lead-in clause closed by its comma is no report
    ("When asked, Moe said, “We are fine.”", "Moe"),
])
def test_a_cue_in_a_subordinate_clause_is_not_the_quotes_cue(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


def test_a_region_after_a_name_and_its_place_is_not_the_speaker():
    text = ("“I do not know where he stands on that,” said undecided voter Ann Moe of Derry, "
            "N.H., before the event.")
    assert [sp for sp, _ in _speech(text)] == ["Ann Moe"]
    # the name in an appositive after a role is still the name
    assert [sp for sp, _ in _speech("“We are tired,” said one elderly farmer, Hussein Ali.")] \
        == ["Hussein Ali"]



@pytest.mark.parametrize("text, speaker", [
    ("Rosa McAllister opened the meeting on Monday.\n\nMcAllister said the road was “far too "
     "long for a county of this size,” she added.", "Rosa McAllister"),
    ("Ava DuBois spoke first. DuBois said she felt the plan was worth a look because “most "
     "people do not know about that loophole,” she added.", "Ava DuBois"),
    ("Kim LaRue spoke. “We will not sell the land,” LaRue told the council.", "Kim LaRue"),
    ("Sean O'Neal spoke. “We will not sell the land,” O'Neal told the council.", "Sean O'Neal"),
])
def test_a_surname_with_an_inner_capital_is_one_word(text, speaker):
    # McAllister, DuBois, LaRue, O'Neal: a capital inside a surname (or after a straight
    # apostrophe) does not end the name ("Rosa Mc", "Ava Du" were taken for the names)
    assert [sp for sp, _ in _speech(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Dan Moe later Thursday told Lake FM: “Both of them are meeting next week to talk.”",
     "Dan Moe"),
    ("Ann Lapp, the party's chair, on Tuesday called the council's plan “a betrayal of every "
     "farmer in the valley.”", "Ann Lapp"),
    ("Joe Ruto on Monday night said, “We will not sign anything until the farmers agree.”",
     "Joe Ruto"),
    ("Mary Njeri this week told reporters that the dam was “a gift to the builders.”",
     "Mary Njeri"),
])
def test_a_time_between_the_name_and_its_cue_is_skipped(text, speaker):
    # "on Tuesday", "later Thursday", "Monday night", "this week" between the subject and
    # its verb: the subject is still the name (not the listener after "told", not nobody)
    assert [sp for sp, _ in _speech(text)] == [speaker]


def test_speculated_reports_speech():
    text = ("Flood experts have speculated that the river might be able to carry its "
            "“full spring flood” to the sea.")
    assert _speech(text) == [("experts", "before")]


@pytest.mark.parametrize("text, speaker", [
    ("Dan Moe denounced Ann Ruto’s remarks as “hurtful and humiliating”.", "Dan Moe"),
    ("Party chairman Dan Moe called Ann Ruto's remarks on the budget a “new low” for the "
     "council.", "Dan Moe"),
    ("Ann Lapp dismissed their claims as “a fairy tale for the voters”.", "Ann Lapp"),
])
def test_a_cue_word_after_a_possessive_is_a_noun(text, speaker):
    # "Ruto’s remarks", "their claims": a noun; the verb before it ("denounced", "called")
    # is the cue, and its subject the speaker (not the owner of the remarks)
    assert [sp for sp, _ in _speech(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Ann Moe, exasperated, famously responded: “What difference, at this point, does it "
     "make?” Her critics cited it as evidence of contempt.", "Ann Moe"),
    ("Ann Moe answered Dan Ruto with, “Why now? That was on my way to the coast?” Ruto then "
     "wrote back that he was sorry.", "Ann Moe"),
])
def test_a_question_introduced_by_its_cue_ends_the_sentence(text, speaker):
    # the cue before the quote names the speaker; the capitalised words after a closing
    # "?" or "!" start the next sentence, whose subject did not say the quote
    assert [sp for sp, _ in _speech(text)][:1] == [speaker]


def test_a_question_then_its_own_cue_after_it():
    # no cue before the quote: the words after it are its attribution
    assert _speech("“Why now?” Ann Moe asked the council.") == [("Ann Moe", "after")]


@pytest.mark.parametrize("text, speaker", [
    # a reported clause after the cue is not an inverted subject
    ("Mr. Dan Moe, citing “the unique magic of the harbour,” said the town would grow.",
     "Dan Moe"),
    # an inverted subject ends at a subordinate clause
    ("“It is over,” said Ann Moe if anyone asked her.", "Ann Moe"),
    ("“It is over,” said one voter who had waited all day.", "voter"),
])
def test_an_inverted_subject_is_a_noun_phrase(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


def test_a_clause_after_the_cue_is_no_speaker():
    # "said when Ruto asked him a question": the cue's subject (too far before it to be
    # found here) is not the clause after it
    text = ("“Very good reporter, very good reporter this guy,” Dan Moe, the frontrunner in "
            "the county by a wide margin and the leader in every poll taken after winning the "
            "first two primaries, said when Ruto asked him a question.")
    assert [sp for sp, _ in _speech(text)] == [None]


@pytest.mark.parametrize("text, speech", [
    ("The study found that the dam is “the best in the world” for the region.",
     [("the study", "before")]),
    ("Water analysts found that the canal is “the best in the region” by far.",
     [("analysts", "before")]),
    # "found" without "that" is no report: a scare quote stays one
    ("Police found the letters “in a pile” by the door.", []),
])
def test_found_that_reports_a_finding(text, speech):
    assert _speech(text) == speech


def test_a_state_abbreviation_in_an_appositive_ends_no_sentence():
    # "Ann Moe, 59, of Eastport, Md., who …, said": the full stop of "Md." before a comma
    # is inside the clause; the name that opens it speaks
    text = ("Ann Moe, 59, of Eastport, Md., who watched the vote on a screen in the square, "
            "said the event brought back memories of “all the people who were not here to "
            "see it.”")
    assert _speech(text) == [("Ann Moe", "before")]


@pytest.mark.parametrize("text, speaker", [
    # "But" before the name that opens a chain of appositives
    ("But Dan Moe, the president of Lake Watch, a farm group that has sued to obtain the "
     "board's records, said that “the damage is done.”", "Dan Moe"),
    # a party tag's full stop inside the appositive ends no sentence
    ("Marty Lapp, a law professor at Lakeside who previously worked for Sen. Dan Moe "
     "(R-Tenn.), one of the bill’s architects, called it “an incredibly significant "
     "development.”", "Marty Lapp"),
])
def test_the_name_opening_a_chain_of_appositives_speaks(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]


_PRE = "The council met on Monday. Officials in the town were mocked online.\n\n"


@pytest.mark.parametrize("text, speaker", [
    # a cue word that is a noun inside the appositive ("one of the states suing")
    ("“It is an invasion of the rights of every state,” Dan Moe, the attorney general of "
     "Lakeshire, one of the states suing the agency, said at an event this month.", "Dan Moe"),
    # an honorific before a possessive role, the name in the appositive
    ("''The attacks draw us all together,'' Ms. Lapp's spokesman, Dan Moe, wrote on "
     "Twitter.", "Dan Moe"),
    # a role in lower case before the names, then an appositive
    ("“We can only wonder what the court will do next,” state Senate leader Dan Moe and "
     "House Speaker Ann Lapp, both Republicans, said in a statement.", "Ann Lapp"),
])
def test_the_subject_before_a_cue_after_the_quote(text, speaker):
    # (after a paragraph whose sentence names others: the cue after the quote decides)
    assert _speech(_PRE + text) == [(speaker, "after")]


@pytest.mark.parametrize("text, speaker", [
    # the cue's own sentence after the quote, with a participle phrase after its comma
    ("“The idea is absurd and inhumane. No, Dan.” Ann Lapp tweeted, quoting a reporter's "
     "tweet on the plan.", "Ann Lapp"),
    # a role in lower case before the name, closing the sentence the quote opens
    ("“If the city finds more records, it intends to search them for records” that respond "
     "to the request, city senior counsel Ann Lee Moe wrote in a court filing.",
     "Ann Lee Moe"),
])
def test_a_cue_closing_the_sentence_after_the_quote(text, speaker):
    assert _speech(_PRE + text) == [(speaker, "after")]


@pytest.mark.parametrize("text, speaker, cue", [
    # a relative clause with no commas between the subject and its cue
    ("Although there is no such overlap, a town official who spoke anonymously to discuss "
     "strategy said Wednesday, “We have been in touch with the farmers for months.”",
     "town official", "said"),
    # (the cue is "said", not "asked" inside the relative clause)
    ("A council member who asked not to be named said the plan was “a gift to the "
     "builders.”", "council member", "said"),
    # a "who" clause inside an appositive keeps the name
    ("Sen. Dan Moe (R-Tex.), a candidate for governor who has made water his cause, tweeted "
     "a warning: “Lakeshire will not be bullied by anyone.”", "Dan Moe", "tweeted"),
    # a quote set off by dashes is an insertion: the sentence around it has the cue, and
    # a cue after the closing dash is not the quote's (before: Ann Lapp, "said")
    ("Dan Moe lamented her gaffes - “does she have to keep giving them ammunition?” - Ann "
     "Lapp said she liked her.", "Dan Moe", "lamented"),
    ("And although Dan Moe lamented her gaffes - “does she have to keep giving them so much "
     "ammunition?” - farmers in the valley who were polled said they liked her.", "Dan Moe",
     "lamented"),
])
def test_relative_clauses_and_insertions(text, speaker, cue):
    quotes = [q for q in extract_quotes(article_from_text(text, "x"))
              if q.kind in ("direct", "partial")]
    assert [(q.speaker, q.cue) for q in quotes][:1] == [(speaker, cue)]


def test_a_day_after_the_cue_is_no_inverted_subject():
    # "said Wednesday, “…”" / "said last week": a time, never the speaker after the cue
    from analysis.quotes.cues import _words
    from analysis.quotes.subjects import _subject_after
    for tail in ("said Wednesday, “We will”", "said last week that", "said yesterday"):
        assert _subject_after(_words(tail, 0, len(tail)), 0) is None
    assert _subject_after(_words("said Dan Moe.", 0, 13), 0).text == "Dan Moe"


@pytest.mark.parametrize("text, speaker", [
    ("“Lakeshire will always be Lakeshire,” an angry Dan Moe retaliated.", "Dan Moe"),
    ("“This is fantastic!” beamed Ann Lapp of Eastport, who snuck onto the floor.",
     "Ann Lapp"),
])
def test_retorts_and_exclamations_after_a_quote(text, speaker):
    assert _speech(_PRE + text) == [(speaker, "after")]


@pytest.mark.parametrize("text, speaker", [
    ("As the columnist Ann Moe had written just a few years earlier, “We just could not have "
     "a town without the harbour.”", "Ann Moe"),
    ("In his song, Dan Moe sings, “Do not go changing to try and please me tonight.”",
     "Dan Moe"),
    ("Dan Moe has written that the dam is “a gift to the builders and a loss to the "
     "farmers.”", "Dan Moe"),
])
def test_written_and_sung_words(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker]
    assert _speech(text)[0][1] == "before"


@pytest.mark.parametrize("text, speaker", [
    ("As Dan Lapp, professor of law at Lakeside and author of ''The Unwritten Rules,'' put it, "
     "''Farmers should remember that a deal today may be far better for them.''", "Dan Lapp"),
    ("Ann Moe, the author of “Dams and Ditches,” wrote, “Nobody runs this town without the "
     "harbour and its people.”", "Ann Moe"),
])
def test_a_title_inside_the_subjects_appositive(text, speaker):
    # the title's quote marks cut the sentence; the cue after it still takes its subject
    # from the words before the title
    assert _speech(text) == [(speaker, "before")]


@pytest.mark.parametrize("text, speaker", [
    ("Speaking to the Lakeshire Farmers Union on Monday, Dan Moe said that there is “only one "
     "plan that can work,” adding that it is why Ann Lapp “attacks us and ignores the "
     "others.”", "Dan Moe"),
    ("Reacting to Ann Lapp’s plan, Dan Moe said the deal has “kept us safe” before claiming "
     "that open borders are “tearing families apart.”", "Dan Moe"),
])
def test_a_participle_after_a_finite_cue_shares_its_subject(text, speaker):
    assert [sp for sp, _ in _speech(text)] == [speaker, speaker]


def test_a_repeated_cue_in_a_coordinated_clause_shares_its_subject():
    # "X said that A is “…,” and said that B “…”": X said both, not A
    text = ("Farm leader Ann Lapp said that Dan Moe is a “good, decent man,” and said that Joe "
            "Ruto “melted down last night.”")
    assert [sp for sp, _ in _speech(text)] == ["Ann Lapp", "Ann Lapp"]
    # no earlier cue: the subject that opens the clause, as before
    assert _speech("Dan Moe took the stage in Reno and said “we will win this county.”") == [
        ("Dan Moe", "before")]


def test_a_plural_noun_before_its_verb_is_no_cue():
    # "that states can pass such laws": "states" is a noun (a modal follows), not the cue
    text = ("Dan Moe said Thursday during a town hall in Eastport, Lakeshire, that states can "
            "pass such laws because “farmers should not be left behind.”")
    assert _speech(text) == [("Dan Moe", "before")]
