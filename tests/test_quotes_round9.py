"""Round 9 of speaker accuracy on real news (issue 12): general rules of English news style,
each checked on sentences written for this file (no third-party text)."""

import sys
from pathlib import Path

import pytest

from analysis.quotes import extract_quotes
from analysis.text import article_from_text

sys.path.insert(0, str(Path(__file__).parent))
from quote_probe import speech_speakers as _speakers  # noqa: E402


@pytest.mark.parametrize("text, name", [
    # an owner's role, then the name in the appositive (inverted cue)
    ("Dan Moe spoke first. “We will win this race,” said Lake’s deputy campaign manager, "
     "Tom Reed, who ran the count in 2012.", "Tom Reed"),
    # a role in lower case before the name inside the appositive
    ("Dan Moe spoke. “It is about time,” exhorted the mayor’s introducer, actress Ann Lee Ford.",
     "Ann Lee Ford"),
    # an owner's role, the name between commas, then "told" and its object
    ("Dan Moe spoke. “We will win this race,” Lakeshire Rep. Dan Moe’s chief of staff, "
     "Tom Reed, told reporters.", "Tom Reed"),
    ("Dan Moe spoke. “We will win this race,” Lakeshire’s chief planner, Tom Reed, told the "
     "Lake Post in 2013.", "Tom Reed"),
])
def test_owner_role_then_name(text, name):
    assert _speakers(text) == [(name, "after")]


def test_appositive_clause_is_no_name():
    # "who ran Lake Farms" is a relative clause, not a role before a name
    assert _speakers("Dan Moe spoke. “It is about time,” said a neighbour, who ran Lake Farms.") \
        == [("neighbour", "after")]


@pytest.mark.parametrize("text, name", [
    # the pronoun of a repeated attribution is the subject of the sentence's first cue, not
    # a name mentioned between them
    ("Ann Lapp spoke at noon. Lake spokesman Tom Reed said that the town will fight Dan Moe "
     "and that Moe has “no plan for the bridge or the road,” he said.", "Tom Reed"),
    # (the same in a relative clause: "whom he called")
    ("Tom Reed said that this week he began to show voters the real Dan Moe, whom he called "
     "“a man with no plan for the town.”", "Tom Reed"),
])
def test_pronoun_is_the_reporting_subject(text, name):
    assert [s for s, _ in _speakers(text)] == [name]


def test_pronoun_in_a_subordinate_clause_keeps_its_antecedent():
    # "when he said" refers to the name of the clause it is in, not to the reporter
    text = ("Tom Reed said Dan Moe was right when he said that “the bridge has to be rebuilt "
            "before the winter comes.”")
    assert [s for s, _ in _speakers(text)] == ["Dan Moe"]


@pytest.mark.parametrize("text, name, position", [
    # telling in private is speech
    ("In the town where the Moes lived, Ann Moe confided to him that her parents were “the "
     "first family to move in on the street.”", "Ann Moe", "before"),
    # saying again
    ("Dan Moe asked first. “Is that all?” Tom Reed repeated.", "Tom Reed", "after"),
    # scolding
    ("Ann Lapp scolded the board: “You have had ten years to fix the bridge.”", "Ann Lapp",
     "before"),
])
def test_more_speech_verbs(text, name, position):
    assert (name, position) in _speakers(text)


@pytest.mark.parametrize("text, name", [
    # a participle with no comma after the object of a preposition: the clause's subject
    ("Ann Lapp answered the council’s question on the radio writing, “Yes, I will. The timing of "
     "that vote was my mistake.”", "Ann Lapp"),
    ("Dan Moe spoke. “We need a new bridge,” Tom Reed wrote in a note to the Lake Post "
     "explaining why he is running, “and we need it before the winter.”", "Tom Reed"),
])
def test_participle_after_an_object_takes_the_clause_subject(text, name):
    assert [s for s, _ in _speakers(text)][-1] == name


def test_with_and_a_participle_keeps_its_own_subject():
    # "with Moe calling it …": Moe is the participle's subject
    text = "The council was quick to react, with Dan Moe calling the plan “a costly mistake.”"
    assert [s for s, _ in _speakers(text)] == ["Dan Moe"]


@pytest.mark.parametrize("text, name", [
    # adverbs of frequency and time between the subject and its cue
    ("Lamenting their luck, Kenyans often say, “Poor Kenya, so far from the sea.”", "Kenyans"),
    ("Dan Moe still says, “The bridge will be built.”", "Dan Moe"),
    ("Ann Lapp always says, “Build the bridge first.”", "Ann Lapp"),
])
def test_frequency_adverb_before_the_cue(text, name):
    assert _speakers(text) == [(name, "before")]


def test_aside_adverb_between_subject_and_appositive():
    # "Moe, meanwhile, who …, said": the aside is skipped, the name before it speaks
    text = ("Reed, meanwhile, who has no such support, said that fact shows “which of the two "
            "candidates is the real outsider in this race.”")
    assert _speakers(text) == [("Reed", "before")]


@pytest.mark.parametrize("text, name", [
    # "According to X," opening the clause of a partial quote with no cue of its own
    ("According to Dan Moe, the bridge was once part of the plan, but is now “the worst idea "
     "that ever came out of the council.”", "Dan Moe"),
    ("But according to the Lake Post, Moe is now “the biggest waste of money the town "
     "has seen.”", "Lake Post"),
])
def test_according_to_before_a_partial_quote(text, name):
    assert _speakers(text) == [(name, "before")]


def test_according_to_content_starts_after_the_source():
    # the attributed clause is what the source said, not the source's name
    text = ("According to Dan Moe, the bridge was once part of the plan, but is now “the worst "
            "idea that ever came out of the council.”")
    (q,) = extract_quotes(article_from_text(text, "x"))
    assert (q.content_start, q.content_end) == (text.index("the bridge"), len(text))


def test_cue_noun_after_an_adjective_is_no_verb():
    # "his scathing remarks" is a noun phrase: "continued" is the cue and Moe its subject
    text = ("Dan Moe continued his scathing remarks.\n\n“Eight years ago the bridge was the "
            "plan. It is still the plan, and it is still not built.”")
    assert _speakers(text) == [("Dan Moe", "previous-sentence")]


def test_long_role_before_an_inverted_name():
    # a lower-case role of eight words runs on into the name after it
    text = ("Dan Moe spoke. “It is about time,” said former Lakeshire Gov. and Lake National "
            "Committee Chairman Ed Ross.")
    assert _speakers(text) == [("Ed Ross", "after")]
