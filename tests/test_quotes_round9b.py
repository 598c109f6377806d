"""Round 9b: speaker registry classes (sentences written for these tests)."""

from analysis.quotes import extract_quotes
from analysis.speakers import find_entities
from analysis.text import article_from_text


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(article_from_text(text, "t"))]


def test_party_member_inside_an_organisation_run_is_a_person():
    # "Senate" makes the run an organisation on the old code; the name after the party
    # member is a person, and the bare surname later is her mention
    text = ("Senate Budget Ranking Democrat Orla Quennell spoke on Monday. "
            "Asked about the plan, Quennell said \"I have not read it.\"")
    reg = find_entities(article_from_text(text, "t"))
    people = {e.name: e for e in reg.people()}
    assert "Orla Quennell" in people
    assert [m.text for m in reg.mentions if reg.entities[m.entity].name == "Orla Quennell"] == [
        "Senate Budget Ranking Democrat Orla Quennell", "Quennell"]
    assert _speakers(text) == ["Orla Quennell"]


def test_party_word_opening_a_run_before_a_known_first_name():
    reg = find_entities(article_from_text("Republican Tom Reed met the Republican National "
                                          "Committee.", "t"))
    assert [(e.name, e.kind) for e in reg.entities] == [
        ("Tom Reed", "person"), ("Republican National Committee", "organization")]


def test_object_pronoun_after_a_name_and_its_verb_teaches_no_gender():
    text = ("Vesna Talbot met the governor on Friday. Sen. Orla Quennell (D-Ore.) scolded him: "
            "\"You have failed,\" she said.")
    reg = find_entities(article_from_text(text, "t"))
    assert {e.name: e.gender for e in reg.people()}["Orla Quennell"] == "f"  # from "she"
    assert _speakers(text) == ["Orla Quennell"]


def test_him_elsewhere_still_teaches_gender():
    reg = find_entities(article_from_text("Senator Orla Quennell said the party had failed him.",
                                          "t"))
    assert {e.name: e.gender for e in reg.people()}["Orla Quennell"] == "m"


def _by_text(text: str) -> dict[str, tuple[str, str | None]]:
    return {q.text: (q.kind, q.speaker)
            for q in extract_quotes(article_from_text(text, "t"))}


def test_participle_after_a_scare_quote_takes_the_clause_subject():
    text = ("Dan Moe is a writer. “It is late,” he wrote.\n\n"
            "Moe needled the Lake News “reporter,” saying, “A reporter who writes on request!”")
    assert _by_text(text)["A reporter who writes on request!"] == ("direct", "Dan Moe")
    text = ("Tom Reed compared the storm to the 1970 book titled “The Long Road,” "
            "explaining, “because it was all so sad.”")
    assert _by_text(text)["because it was all so sad."] == ("direct", "Tom Reed")


def test_cue_after_a_scare_quote_takes_the_subject_before_it():
    # (on the old code the object after 'told' was the speaker)
    text = "Tom Reed, wearing “Vote Lapp” buttons, told reporters, “It was the best yet.”"
    assert _by_text(text)["It was the best yet."] == ("direct", "Tom Reed")


def test_title_between_a_subject_and_its_verb():
    text = ("Ann Lapp, star of television’s “Harbour Lights,” thanked the mayor for “keeping "
            "the river clean and the parks open all year.”")
    got = _by_text(text)
    assert got["Harbour Lights,"] == ("scare", None)
    assert got["keeping the river clean and the parks open all year."] == ("partial", "Ann Lapp")


def test_no_subject_across_a_new_clause_after_the_scare_quote():
    text = ("Moe leads among “very keen” voters, while the mayor leads among those who are "
            "“only somewhat keen about the plan and its cost.”")
    assert _by_text(text)["only somewhat keen about the plan and its cost."][1] != "Moe"


def test_first_name_learned_later_gives_the_gender_hint():
    # "Sen. Reed" first (no gender), then "Ann Reed": her first name's gender, so the "he"
    # after a later bare "Reed" is the man named between them
    text = ('Sen. Reed spoke first. Then Ann Reed met Tom Moe. Tom Moe waved at Reed. '
            '"We are done," he said.')
    art = article_from_text(text, "t")
    assert [(e.name, e.gender) for e in find_entities(art).entities] == [
        ("Ann Reed", "f"), ("Tom Moe", "m")]
    assert _speakers(text) == ["Tom Moe"]


def test_the_party_member_is_the_person_with_that_party_as_role():
    text = ("Republican Tom Reed met Ann Lapp on Monday.\n\n"
            "The Republican nominee then set out his school budget and promised to fire “those "
            "who leak the plans.”")
    assert _speakers(text) == ["Tom Reed"]
    text = ("Tom Reed met the press on Monday.\n\n"
            "The Democrat told reporters that the plan was “a very long way off.”")
    assert [q.speaker for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "partial"] == ["Tom Reed"]


def test_inverted_subject_cut_at_a_title_takes_the_title():
    text = ("“We have to listen first,” wrote the authors of the “Lake Growth Plan,” citing "
            "the mayor’s loss.")
    got = _by_text(text)
    assert got["We have to listen first,"] == ("direct",
                                               "the authors of the “Lake Growth Plan”")
    assert got["Lake Growth Plan,"] == ("scare", None)
