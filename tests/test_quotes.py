"""Quote detection, attribution, speakers and share — one hand-written text per phenomenon,
the sample against its hand-verified gold, and the gold-article evaluation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import SAMPLE_ARTICLE
from analysis.quotes import extract_quotes, find_quote_spans, quotes_table, share_table
from analysis.speakers import find_entities
from analysis.text import article_from_text, load_article

sys.path.insert(0, str(Path(__file__).parent))
from quote_eval import QUOTES_DIR, evaluate  # noqa: E402


def quotes(text: str, kinds=("direct", "partial", "scare", "indirect")):
    art = article_from_text(text, "t")
    return [q for q in extract_quotes(art) if q.kind in kinds]


def speech(text: str):
    return [(q.text, q.speaker) for q in quotes(text, ("direct", "partial"))]


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_quotes():
    return quotes_table(load_article(SAMPLE_ARTICLE))


def test_sample_nine_speech_quotes(sample_quotes):
    sp = sample_quotes[sample_quotes.kind.isin(["direct", "partial"])]
    assert len(sp) == 9
    assert sp["speaker"].tolist() == ["Antony J. Blinken"] * 3 + ["William Ruto"] * 6
    # five of the nine are attributed only through a pronoun
    assert sp["mention"].str.lower().isin(["he"]).sum() == 5
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert all(text[r.start:r.end] == r.text for r in sample_quotes.itertuples())


def test_sample_share(sample_quotes):
    share = share_table(sample_quotes).set_index("speaker")
    assert share.loc["William Ruto", "quotes"] == 6
    assert share.loc["William Ruto", "words"] == 114
    assert share.loc["Antony J. Blinken", "quotes"] == 3
    assert share.loc["Antony J. Blinken", "words"] == 72
    assert share.loc["William Ruto", "word_share"] == pytest.approx(61.3, abs=0.05)
    assert share.loc["Antony J. Blinken", "word_share"] == pytest.approx(38.7, abs=0.05)
    assert share.loc["William Ruto", "quote_share"] == pytest.approx(66.7, abs=0.05)
    assert share["word_share"].sum() == pytest.approx(100)


def test_sample_speaker_attributes():
    reg = find_entities(load_article(SAMPLE_ARTICLE))
    people = {e.name: e for e in reg.people()}
    assert set(people) == {"William Ruto", "Antony J. Blinken"}
    assert people["William Ruto"].role == "President"
    assert people["William Ruto"].affiliation == "Kenya"
    assert people["Antony J. Blinken"].role == "Secretary of State"
    assert people["Antony J. Blinken"].affiliation == "U.S."


def test_sample_indirect_speech_kept_apart(sample_quotes):
    ind = sample_quotes[sample_quotes.kind == "indirect"]
    assert ind["text"].str.startswith("despite various challenges").any()  # Blinken noted that
    assert ind["text"].str.startswith("his gratitude").any()  # Ruto expressed his gratitude
    with_ind = share_table(sample_quotes, include_indirect=True)
    assert with_ind["quotes"].sum() > 9


# --------------------------------------------------------------------------- detection


def test_curly_and_straight_double_quotes():
    assert speech('“One,” Ruto said. "Two three," Otieno said.') == [
        ("One,", "Ruto"), ("Two three,", "Otieno")]


def test_apostrophes_are_not_quote_marks():
    qs = quotes("“Kenya’s farmers’ union isn’t happy, and they’ve said so; don't ask,” Ruto said.")
    assert len(qs) == 1
    assert qs[0].text == "Kenya’s farmers’ union isn’t happy, and they’ve said so; don't ask,"


def test_single_quotes_nested_inside_double():
    qs = quotes("“She told me ‘never again’ and left,” Otieno said.")
    assert [q.text for q in qs] == ["She told me ‘never again’ and left,"]


def test_single_quotes_as_primary_marks():
    assert speech("'This is our land,' said Hussein Ali. 'Where would we go?'") == [
        ("This is our land,", "Hussein Ali"), ("Where would we go?", "Hussein Ali")]


def test_partial_quote_inside_narration():
    qs = quotes("William Ruto met the press. He called it “the hard part of the conversation.”")
    assert [(q.text, q.kind, q.speaker) for q in qs] == [
        ("the hard part of the conversation.", "partial", "William Ruto")]


def test_multi_paragraph_quote():
    text = ("Amina Odhiambo spoke at length. “The first part runs here.\n"
            "“The second part closes here,” she said.\nNarration resumes.")
    qs = quotes(text)
    assert [(q.text, q.quote_id, q.part, q.speaker) for q in qs] == [
        ("The first part runs here.", 0, 0, "Amina Odhiambo"),
        ("The second part closes here,", 0, 1, "Amina Odhiambo"),
    ]
    share = share_table(quotes_table(article_from_text(text, "t")))
    assert share["quotes"].tolist() == [1]  # one quote in two parts


def test_scare_quotes_and_slogans_are_not_speech():
    qs = quotes("The so-called “peace dividend” never came. Banners outside read “No sale”.")
    assert [(q.text, q.kind, q.speaker) for q in qs] == [
        ("peace dividend", "scare", None), ("No sale", "scare", None)]
    # a slogan people chant is their speech (issue 12, class 2)
    qs = quotes("Workers chanted “No sale” outside.")
    assert [(q.text, q.kind, q.speaker) for q in qs] == [("No sale", "partial", "workers")]
    assert share_table(quotes_table(article_from_text("The “deal” failed.", "t"))).empty


def test_unbalanced_quote_is_flagged_and_contained():
    text = ("“This quote never closes, Ruto said.\nA second paragraph with “a real quote,” "
            "Otieno said.\nThird paragraph.")
    art = article_from_text(text, "t")
    spans, warnings = find_quote_spans(art)
    assert spans[0].unbalanced and spans[0].end == art.paragraphs[0].end  # not past its paragraph
    assert any("never closed" in w for w in warnings)
    qs = extract_quotes(art)
    assert [q.text for q in qs if q.kind != "indirect"][1] == "a real quote,"
    assert qs[0].flags == ["unbalanced"]


# --------------------------------------------------------------------------- attribution


def test_cue_before_with_comma_and_colon():
    assert speech("John Otieno spoke. He remarked, “We will win.”") == [
        ("We will win.", "John Otieno")]
    assert speech("Ruto told reporters on Monday: “The talks went well.”") == [
        ("The talks went well.", "Ruto")]


def test_cue_after_and_inverted_with_appositive():
    qs = quotes("“We have seen these promises before,” said Ortiz, a former minister.")
    assert (qs[0].speaker, qs[0].role, qs[0].position) == ("Ortiz", "former minister", "after")
    assert speech("“Fine,” Ruto said.") == [("Fine,", "Ruto")]


def test_split_and_continuation_quotes():
    assert speech("Ms. Amina Odhiambo arrived. “A,” she said. “B is also true.”") == [
        ("A,", "Amina Odhiambo"), ("B is also true.", "Amina Odhiambo")]


def test_cue_in_previous_sentence():
    text = "Grace Wambui told the meeting the funds were late.\n“We need boats and tents.”"
    assert speech(text) == [("We need boats and tents.", "Grace Wambui")]


def test_unknown_speaker_is_null_not_guessed():
    qs = quotes("“It is fine,” someone said.")
    assert (qs[0].kind, qs[0].speaker) == ("direct", None)
    share = share_table(quotes_table(article_from_text("“It is fine,” someone said.", "t")))
    assert share["speaker"].tolist() == ["(unattributed)"]


# --------------------------------------------------------------------------- speakers


def test_canonical_names_roles_affiliations():
    text = ("President William Ruto of Kenya met U.S. Secretary of State Antony J. Blinken. "
            "“Good,” President Ruto said. “Thanks,” Secretary Blinken said. “Yes,” Mr. Ruto said.")
    qs = quotes(text)
    assert [(q.speaker, q.role, q.affiliation) for q in qs] == [
        ("William Ruto", "President", "Kenya"),
        ("Antony J. Blinken", "Secretary of State", "U.S."),
        ("William Ruto", "President", "Kenya"),
    ]


def test_pronouns_follow_gender_across_paragraphs():
    text = ("Wanjiru Kamau, an economist, disagreed. “The debt is real,” she said.\n"
            "John Otieno, a minister, replied. “The roads are real too,” he said.\n"
            "“Both are true,” she said.\n")
    assert [s for _, s in speech(text)] == ["Wanjiru Kamau", "John Otieno", "Wanjiru Kamau"]


def test_two_people_sharing_a_surname():
    # first names keep them apart; pronouns teach their genders, which Mr./Ms. then use
    text = ("Former President Uhuru Kenyatta said he was proud of the roads.\n"
            "Economist Wanjiru Kenyatta said she was worried about the debt.\n"
            "“Roads,” Uhuru Kenyatta said. “Debt,” Wanjiru Kenyatta said.\n"
            "“Go ride the train,” Mr. Kenyatta said.\n"
            "“A train is not a loan,” Ms. Kenyatta said.")
    assert [s for _, s in speech(text)] == [
        "Uhuru Kenyatta", "Wanjiru Kenyatta", "Uhuru Kenyatta", "Wanjiru Kenyatta"]


def test_organisations_documents_and_officials():
    text = ("“Stop now,” Amnesty International said. A State Department spokesperson spoke. "
            "“We agree,” the spokesperson said. “It is grave,” the communiqué said.")
    assert [s for _, s in speech(text)] == [
        "Amnesty International", "State Department spokesperson", "the communiqué"]


# --------------------------------------------------------------------------- indirect


def test_indirect_speech_forms():
    qs = quotes("Blinken noted that trade had grown. According to Okello, the talks failed. "
                "Exports rose, Ruto said.", ("indirect",))
    assert [(q.text, q.speaker) for q in qs] == [
        ("trade had grown", "Blinken"), ("the talks failed", "Okello"), ("Exports rose", "Ruto")]
    assert all(q.kind == "indirect" for q in qs)


# --------------------------------------------------------------------------- share


def test_share_by_affiliation_sums_to_100():
    text = ("President William Ruto of Kenya met U.S. Secretary of State Antony J. Blinken. "
            "“One two three,” Ruto said. “Four,” Blinken said.")
    share = share_table(quotes_table(article_from_text(text, "t")), by="affiliation")
    assert dict(zip(share["affiliation"], share["words"], strict=True)) == {"Kenya": 3,
                                                                           "U.S.": 1}
    assert share["word_share"].sum() == pytest.approx(100)
    assert share["quote_share"].sum() == pytest.approx(100)


# --------------------------------------------------------------------------- evaluation


@pytest.mark.parametrize("folder", ["quotes", "quotes_heldout"])
def test_gold_articles(folder):
    res = evaluate(QUOTES_DIR.parent / folder)
    assert res["detection_f1"] >= 0.97, res
    assert res["e2e_f1"] >= 0.97, res
    assert res["max_share_error"] <= 2.0, res


# --------------------------------------------------------------------------- CLI


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_json_contract():
    out = run("quotes", str(SAMPLE_ARTICLE), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    for r in rows:
        assert {"start", "end", "text", "speaker", "kind", "cue", "paragraph"} <= set(r)
        assert text[r["start"]:r["end"]] == r["text"]
    assert sum(r["kind"] == "direct" for r in rows) == 9


def test_cli_share():
    out = run("quotes", str(SAMPLE_ARTICLE), "--share", "--format", "csv")
    lines = out.stdout.splitlines()
    assert lines[0] == "article_id,speaker,quotes,words,quote_share,word_share"
    assert lines[1].startswith("ruto_blinken_2024,William Ruto,6,114,")


def test_first_name_alone_refers_to_the_person():
    text = "Amina Njoroge chairs the council. “We are ready,” Amina said."
    assert speech(text) == [("We are ready,", "Amina Njoroge")]


def test_honorific_inside_a_name_and_org_by_common_noun():
    text = ("Somalia's president, Hassan Sheikh Mohamud, spoke. “We need help,” he said.\n"
            "The Kenya Human Rights Commission disagreed. “The fine print matters,” the "
            "commission said.")
    assert [s for _, s in speech(text)] == ["Hassan Sheikh Mohamud",
                                           "Kenya Human Rights Commission"]


def test_lower_case_role_before_a_name_after_the_cue():
    qs = quotes("“Calm has returned,” said police chief Japhet Koome.")
    assert (qs[0].speaker, qs[0].role) == ("Japhet Koome", "police chief")


def test_straight_quotes_nested_in_curly_quotes():
    qs = quotes('“He told me "never again" and left,” Otieno said.')
    assert [(q.text, q.speaker) for q in qs] == [('He told me "never again" and left,', "Otieno")]


def test_titles_and_far_away_cues_are_not_speech():
    qs = quotes("In his book “The Debt Trap”, economist David Ndii argues that loans fail. "
                "The figures tell a “mixed” story.")
    assert [(q.text, q.kind) for q in qs if q.kind != "indirect"] == [
        ("The Debt Trap", "scare"), ("mixed", "scare")]


def test_first_name_gives_gender_and_a_lone_first_name_is_a_person():
    text = ("“It helped me,” said Esther Wairimu, a trader.\n"
            "Her neighbour, a shoe seller, Peter, disagreed. “It is too small,” he said.")
    assert [s for _, s in speech(text)] == ["Esther Wairimu", "Peter"]
