"""One test per failure class of issue 12 (quotes on real published news), each with text
written for this file. The classes were found on PolNeAR's train and dev splits; no PolNeAR text
is used here."""

from __future__ import annotations

from analysis.quotes import extract_quotes, find_quote_spans
from analysis.text import article_from_text


def quotes(text: str, kinds=("direct", "partial", "scare")):
    art = article_from_text(text, "t")
    return [(q.text, q.kind, q.speaker) for q in extract_quotes(art) if q.kind in kinds]


# ------------------------------------------------------------------ class 11: quote marks


def test_two_apostrophes_and_backticks_are_double_quotes():
    text = ("''The river rose overnight,'' said Halima Noor, a farmer. ''We lost the maize.''\n"
            "``Nobody warned us,'' she added.")
    assert quotes(text) == [
        ("The river rose overnight,", "direct", "Halima Noor"),
        ("We lost the maize.", "direct", "Halima Noor"),
        ("Nobody warned us,", "direct", "Halima Noor"),
    ]
    art = article_from_text(text, "t")
    spans, warnings = find_quote_spans(art)
    assert warnings == [] and [art.text[s.open_mark:s.start] for s in spans] == ["''", "''", "``"]


def test_a_typed_opening_mark_that_closes_and_a_reversed_opening_mark():
    # before: the second “ left the quote open to the end of the paragraph
    assert quotes("Halima Noor asked for an “urgent audit“ of the dam.") == [
        ("urgent audit", "partial", "Halima Noor")]
    assert quotes("”The water came at night,” said Halima Noor.") == [
        ("The water came at night,", "direct", "Halima Noor")]


# ------------------------------------------------------------------ class 3: cues


def test_heated_and_loud_speech_verbs_are_cues():
    text = ("Halima Noor and Juma Otieno came to the meeting.\n"
            "“We were robbed,” fumed Halima Noor.\n"
            "“The new dam is wonderful,” Juma Otieno gushed.\n"
            "Juma Otieno interjected: “Not now, please.”\n"
            "“Enough of this,” chimed in Halima Noor.\n"
            "As Juma Otieno put it, “the dam is a promise.”")
    assert quotes(text) == [
        ("We were robbed,", "direct", "Halima Noor"),
        ("The new dam is wonderful,", "direct", "Juma Otieno"),
        ("Not now, please.", "direct", "Juma Otieno"),
        ("Enough of this,", "direct", "Halima Noor"),
        ("the dam is a promise.", "direct", "Juma Otieno"),
    ]


# ------------------------------------------------------------------ class 2: speech fragments


def test_short_quoted_words_after_a_speech_verb_are_speech():
    text = ("Gov. Ann Moe (R) said the dam was “a disaster.”\n"
            "Juma Otieno toured the valley on Monday and called the plan “reckless.”\n"
            "Halima Noor accused the board of “hiding the truth.”")
    assert quotes(text) == [
        ("a disaster.", "partial", "Ann Moe"),
        ("reckless.", "partial", "Juma Otieno"),
        ("hiding the truth.", "partial", "Halima Noor"),
    ]


# ------------------------------------------------------------------ class 9: canonical names


def test_no_stated_affiliation_is_not_an_unknown_speaker():
    from analysis.quotes import quotes_table, share_table

    text = ("“The dam holds,” said Kenyan Energy Minister Juma Otieno. "
            "“It leaks,” said Halima Noor. “Who knows,” someone said.")
    share = share_table(quotes_table(article_from_text(text, "t")), by="affiliation")
    assert dict(zip(share["affiliation"], share["quotes"], strict=True)) == {
        "Kenya": 1, "no affiliation stated": 1, "(unattributed)": 1}


def test_role_or_organisation_before_a_name_is_the_role():
    text = ("President of the Eastern Rift Bank Christine Wafula said: “Rates stay.”\n"
            "“The water is gone,” said Resident Heather Kiprono.\n"
            "“We will hold,” said foreign minister Dmitri Volkov.")
    qs = extract_quotes(article_from_text(text, "t"))
    assert [(q.speaker, q.role) for q in qs if q.kind == "direct"] == [
        ("Christine Wafula", "President of the Eastern Rift Bank"),
        ("Heather Kiprono", "Resident"),
        ("Dmitri Volkov", "foreign minister"),
    ]


# ------------------------------------------------------------------ class 5: wrong person


def test_the_name_not_the_role_or_the_clause_around_it():
    text = ("Halima Noor and Juma Otieno came to the meeting.\n"
            "“She is a mother of three,” another friend, Mariam Wekesa told reporters.\n"
            "Said Dorothy Kamau, who grew up with her, “We were all so proud of her.”\n"
            "Juma Otieno then appears in a clip from a rally, saying, “We will win this time.”\n"
            "“No,” said campaign spokesman Glen Mutua.")
    qs = extract_quotes(article_from_text(text, "t"))
    assert [(q.speaker, q.role) for q in qs if q.kind == "direct"] == [
        ("Mariam Wekesa", "another friend"), ("Dorothy Kamau", None), ("Juma Otieno", None),
        ("Glen Mutua", "campaign spokesman")]


# ------------------------------------------------------------------ class 6: titles


def test_programme_book_and_film_names_are_not_speech():
    text = ("Juma Otieno told KTN’s “Morning Express” that the dam was safe.\n"
            "Halima Noor spoke in an appearance on “Meet the Farmers.”\n"
            "In her new book, “Rivers of Rift Valley,” Halima Noor argues for dams.\n"
            "Halima Noor said on Monday, “The dam will hold.”")
    assert quotes(text) == [
        ("Morning Express", "scare", None),
        ("Meet the Farmers.", "scare", None),
        ("Rivers of Rift Valley,", "scare", None),
        ("The dam will hold.", "direct", "Halima Noor"),
    ]


def test_appositives_with_commas_party_tags_and_adverbs():
    text = ("Dean Moe, a 55-year-old trader from Eldoret, Uasin Gishu, says Juma Otieno will "
            "“leave with momentum.”\n"
            "At the rally, Gov. Ann Wekesa (R-Kisumu), said, “We are getting ready.”\n"
            "“We cannot afford it,” Juma Otieno said, adding later, “The fund costs a fortune.”")
    assert quotes(text) == [
        ("leave with momentum.", "partial", "Dean Moe"),
        ("We are getting ready.", "direct", "Ann Wekesa"),
        ("We cannot afford it,", "direct", "Juma Otieno"),
        ("The fund costs a fortune.", "direct", "Juma Otieno"),
    ]


# ------------------------------------------------------------------ class 4: non-persons


def test_verbs_common_words_and_datelines_are_not_speakers():
    text = ("NAIROBI — Juma Otieno shot back that the reporter had not been called on.\n"
            "“Go back to your desk,” Juma Otieno said.\n"
            "More people came, and more came later. More from the report: “Turnout rose.”\n"
            "Some painted the dispute in grave terms.\n“We cannot accept this at all.”")
    assert [(q.text, q.speaker) for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "direct"] == [
        ("Go back to your desk,", "Juma Otieno"), ("Turnout rose.", None),
        ("We cannot accept this at all.", None)]


# ------------------------------------------------------------------ class 7: labels


def test_transcript_labels_and_factbox_name_lines():
    text = ("Senator Amos Kibet and Governor Ruth Chebet debated the dam.\n"
            "“CHEBET: Well, look, this is serious business for all of us.”\n"
            "KIBET: “We will not stand for this at all.”\n"
            "MS. CHEBET: “Nor will I stand for it, ever.”\n"
            "Q: “What about the farmers in the valley?”\n"
            "AMINA WEKESA\n"
            "“The dam gave us water and then it took our homes.”\n"
            "Water Crisis\n"
            "“Nobody came to help the farmers in the valley.”")
    assert [(q.speaker, q.position) for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "direct"] == [
        ("Ruth Chebet", "label"), ("Amos Kibet", "label"), ("Ruth Chebet", "label"),
        (None, "label"), ("Amina Wekesa", "label"), (None, None)]


def test_party_tags_after_a_quote_and_participles_after_the_clause():
    text = ("“If the board did not take part, it should say so,” Sen. Amos Kibet (D-N.Y.) said "
            "Tuesday.\n"
            "Hours later, Ruth Chebet returned the compliment, telling the Daily Courier, "
            "“Amos and I have been friends for a long time.”\n"
            "“The answer you want is, ‘I am for it,’” Kibet, who has opposed the plan, said.")
    assert quotes(text) == [
        ("If the board did not take part, it should say so,", "direct", "Amos Kibet"),
        ("Amos and I have been friends for a long time.", "direct", "Ruth Chebet"),
        ("The answer you want is, ‘I am for it,’", "direct", "Amos Kibet"),
    ]


def test_long_appositives_after_a_quote_and_a_colon_in_the_sentence_before():
    text = ("“Wages may finally be rising,” the economist Jared Kiprono, a former adviser in the "
            "Treasury of the Republic, said.\n"
            "“I just do not think so,” Cecilia Wambui, 67, a retired clerk in Nakuru, Ken., "
            "said.\n"
            "Ruth Chebet issued the following statement:\n"
            "“Our prayers are with all those affected by the floods.”")
    assert quotes(text) == [
        ("Wages may finally be rising,", "direct", "Jared Kiprono"),
        ("I just do not think so,", "direct", "Cecilia Wambui"),
        ("Our prayers are with all those affected by the floods.", "direct", "Ruth Chebet"),
    ]


def test_a_person_of_an_organisation_and_a_place_before_the_subject():
    text = ("Here in Kisumu, Amos Kibet stepped up his campaign, saying, “We have got to win.”\n"
            "“It was the least bad outcome,” Ms. Ruth Chebet of the Lake Basin Authority said.\n"
            "“This is a waste of time,” said Del. Stacey Wanjala of the Coast Region.")
    assert [(q.speaker, q.role) for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "direct"] == [
        ("Amos Kibet", None), ("Ruth Chebet", None), ("Stacey Wanjala", "Del.")]


# ------------------------------------------------------------------ class 8: descriptions


def test_a_description_is_the_person_named_before_or_after():
    text = ("“Inflation will fall,” the bank’s governor said.\n"
            "The governor, Patrick Wanyama, spoke for an hour.\n"
            "Amina Odhiambo, the minister of health, toured the clinic. “We need nurses,” the "
            "minister said.")
    assert [(q.text, q.speaker) for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "direct"] == [
        ("Inflation will fall,", "Patrick Wanyama"), ("We need nurses,", "Amina Odhiambo")]


# ------------------------------------------------------------------ class 10: same surname


def test_two_people_with_one_surname_title_and_gender_decide():
    text = ("Peter Kamau, a farmer, met Grace Kamau, the county governor.\n"
            "“The rains failed,” Mr. Kamau said.\n"
            "“We will send food,” she said.\n"
            "“Help is coming,” Governor Kamau said.")
    assert [q.speaker for q in extract_quotes(article_from_text(text, "t"))
            if q.kind == "direct"] == ["Peter Kamau", "Grace Kamau", "Grace Kamau"]


# ------------------------------------------------------------------ class 5: the cue's own subject


def test_participle_after_a_cue_reflexive_subjects_and_a_cue_closing_the_sentence():
    text = ("Amos Kibet and Ruth Chebet will meet next week, Joel Were said, adding, “They "
            "need to sit down and talk.”\n"
            "Ruth Chebet herself said Tuesday that “the only way to win is to ask.”\n"
            "Halima Noor said of the flood, “I do not like it,” adding that the dam was old.\n"
            "“This will be a hard year” for the farmers, said Peter Wanyama.\n"
            "“A long wait” for the valley, Grace Achieng said.")
    assert quotes(text) == [
        ("They need to sit down and talk.", "direct", "Joel Were"),
        ("the only way to win is to ask.", "partial", "Ruth Chebet"),
        ("I do not like it,", "direct", "Halima Noor"),
        ("This will be a hard year", "direct", "Peter Wanyama"),
        ("A long wait", "direct", "Grace Achieng"),
    ]
    # a clause after the comma that is not "said X" / "X said" attributes nothing
    assert quotes("“A long wait” for the valley, and voters said it was bad.") == [
        ("A long wait", "scare", None)]


def test_a_byline_after_a_quote_names_its_speaker():
    text = ("Voters told us what they think.\n\n"
            "“The dam is a disgrace.” ― Stephanie Wekesa\n\n"
            "“We will lose the farm.”― Martin Ochieng, a farmer\n\n"
            "“The valley will flood again.”\n\n"
            "- Amina Noor.\n\n"
            "“Yes, we can!” - The End")
    assert quotes(text) == [
        ("The dam is a disgrace.", "direct", "Stephanie Wekesa"),
        ("We will lose the farm.", "direct", "Martin Ochieng"),
        ("The valley will flood again.", "direct", "Amina Noor"),
        ("Yes, we can!", "scare", None),
    ]


def test_a_quote_paragraph_after_a_quoted_speaker_goes_on_with_that_speaker():
    text = ("Ruth Chebet shot back in a statement, saying she had “made money in bad years.”\n\n"
            "“Frankly, this is the kind of thinking the county needs right now.”\n\n"
            "The crowd cheered.\n\n"
            "“Nobody asked the farmers what they wanted at all.”")
    assert quotes(text) == [
        ("made money in bad years.", "partial", "Ruth Chebet"),
        ("Frankly, this is the kind of thinking the county needs right now.", "direct",
         "Ruth Chebet"),
        ("Nobody asked the farmers what they wanted at all.", "direct", None),
    ]
    # a heading between the quotes ends the turn; a short title stays a title
    text = ("Ruth Chebet spoke, saying she had “made money in bad years.”\n\nThe Harvest\n\n"
            "“Nobody asked the farmers what they wanted at all.”\n\n"
            "Amos Kibet, who said he was “glad to help,” left.\n\n“Lake Days”")
    assert quotes(text) == [
        ("made money in bad years.", "partial", "Ruth Chebet"),
        ("Nobody asked the farmers what they wanted at all.", "direct", None),
        ("glad to help,", "partial", "Amos Kibet"),
        ("Lake Days", "scare", None),
    ]


def test_retorts_and_asides_are_cues():
    text = ("Halima Noor and Juma Otieno argued at the meeting.\n\n"
            "“Quiet,” Halima Noor demanded.\n\n"
            "“Go back to your office,” Juma Otieno barked.\n\n"
            "“I was wrong about the dam,” Juma Otieno admitted.\n\n"
            "“Not in this county,” Halima Noor shot back.\n\n"
            "Juma Otieno retorted: “The county is ours too.”")
    assert quotes(text) == [
        ("Quiet,", "direct", "Halima Noor"),
        ("Go back to your office,", "direct", "Juma Otieno"),
        ("I was wrong about the dam,", "direct", "Juma Otieno"),
        ("Not in this county,", "direct", "Halima Noor"),
        ("The county is ours too.", "direct", "Juma Otieno"),
    ]


def test_a_name_before_a_chain_of_appositives_speaks():
    text = ("Wanjiru Lapp, director of the Lake Fund, a charity in Kisumu, said farmers "
            "“are going to be dragged down by the floods.”\n\n"
            "Peter Seme, 31, a photographer from Kisumu, said the dam was a “perfect "
            "opportunity for the county.”\n\n"
            "Kisumu, the lake city, a port, said it was “ready for the rains.”")
    assert [(t, s) for t, _, s in quotes(text, ("partial", "direct"))] == [
        ("are going to be dragged down by the floods.", "Wanjiru Lapp"),
        ("perfect opportunity for the county.", "Peter Seme"),
    ]


def test_who_issued_a_document_speaks_and_plural_comments_are_a_noun():
    text = ("Ruth Chebet issued a statement describing the meeting as a “very positive step "
            "toward unity.”\n\n"
            "Amos Kibet read Ruth Chebet’s comments “with great care,” aides said.")
    assert quotes(text) == [
        ("very positive step toward unity.", "partial", "Ruth Chebet"),
        ("with great care,", "partial", "aides"),  # not "Ruth Chebet’s comments"
    ]


def test_a_clause_after_a_quote_that_is_not_its_attribution():
    text = ("Amos Kibet remarked that there is still “more work to do,” noting weak harvests in "
            "the valley.\n\n"
            "Ruth Chebet had said, “We will see,” when asked about the dam.\n\n"
            "Amos Kibet accuses the board of “leading from behind” and Ruth Chebet says the "
            "board is weak.\n\n"
            "“The dam is a promise,” as Juma Otieno put it.")
    assert quotes(text) == [
        ("more work to do,", "partial", "Amos Kibet"),
        ("We will see,", "direct", "Ruth Chebet"),
        ("leading from behind", "partial", "Amos Kibet"),
        ("The dam is a promise,", "direct", "Juma Otieno"),
    ]


def test_same_surname_a_title_names_the_role_holder_and_the_nearest_mention_decides():
    text = ("Peter Kamau, a farmer, and Grace Kamau, the governor, came to the meeting.\n\n"
            "“Yes,” said Mr. Kamau.\n\n"
            "“Help is coming,” said Governor Kamau.\n\n"
            "“No,” Kamau said.\n\n"
            "“It will flood my farm,” the farmer said.\n\n"
            "“Not true,” Kamau said.")
    assert [(t, s) for t, _, s in quotes(text)] == [
        ("Yes,", "Peter Kamau"),
        ("Help is coming,", "Grace Kamau"),  # the governor, though Mr. Kamau spoke last
        ("No,", "Grace Kamau"),  # nearest mention: Governor Kamau
        ("It will flood my farm,", "Peter Kamau"),
        ("Not true,", "Peter Kamau"),  # nearest mention: the farmer
    ]


def test_a_quoted_subheading_between_a_cue_and_its_quote_takes_no_attribution():
    text = ("Ruth Chebet spoke to the farmers on Monday. She told them:\n\n"
            "“A Turning Point”\n\n"
            "“We will not retreat from the valley, whatever the cost to the county.”\n\n"
            "Amos Kibet issued the following statement:\n\n"
            "''WE WILL STAY''\n\n"
            "“The valley is our home and we will not leave it.”")
    art = article_from_text(text, "t")
    assert [(q.text, q.kind, q.speaker, q.flags) for q in extract_quotes(art)
            if q.kind != "indirect"] == [
        ("A Turning Point", "scare", None, ["heading"]),
        ("We will not retreat from the valley, whatever the cost to the county.", "direct",
         "Ruth Chebet", []),
        ("WE WILL STAY", "scare", None, ["heading"]),
        ("The valley is our home and we will not leave it.", "direct", "Amos Kibet", []),
    ]


def test_called_after_a_lead_in_and_a_speaker_with_a_preposition():
    text = ("There were pointed remarks, such as when Amos Kibet knocked Juma Otieno on trade "
            "and called him a “moderate,” a subtle dig.\n\n"
            "A reporter for the Daily Courier called it “absolute chaos.”\n\n"
            "Ruth Chebet did not name her rival, but told farmers that the dam was “a gift.”\n\n"
            "The figures for the valley tell a “mixed” story.")
    assert quotes(text) == [
        ("moderate,", "partial", "Amos Kibet"),
        ("absolute chaos.", "partial", "reporter for the Daily Courier"),
        ("a gift.", "partial", "Ruth Chebet"),
        ("mixed", "scare", None),
    ]


def test_the_subject_before_a_colon_past_lead_ins_roles_and_digest_dashes():
    text = ("Republican presidential candidate Dan Moe took to Twitter, writing: “Another "
            "attack, this time in the valley.”\n\n"
            "In a Lake FM interview later that day, Ruth Chebet went further: “If he loses, it "
            "is the end of his career.”\n\n"
            "The Daily Courier columnist Ann Ruto went so far as to say: “The county as we "
            "know it is over.”\n\n"
            "TURNOUT WAS HIGH - Amina Noor and Juma Otieno: “Although the polls failed, the "
            "turnout was high.”\n\n"
            "Signs of a shift were there all along -More from Otieno: “Our data confirms both "
            "trends.”")
    assert [s for _, _, s in quotes(text)] == [
        "Dan Moe", "Ruth Chebet", "Ann Ruto", "Amina Noor and Juma Otieno", "Juma Otieno"]


def test_a_participle_after_a_long_lead_in_or_a_preposition_takes_the_clause_subject():
    text = ("In a speech earlier in the day, Dan Moe attacked Ruth Chebet over the dam, "
            "saying, “She is reckless and very unstable.”\n\n"
            "Ann Silver, herself a farmer, drew a wave of boos upon saying, “Ruth heard the "
            "valley.”")
    assert [s for _, _, s in quotes(text)] == ["Dan Moe", "Ann Silver"]


def test_infinitive_cues_more_participles_and_an_issued_statement():
    text = ("The debate was so calm that Mr. Dan Moe was prompted to say, “So far, I cannot "
            "believe how civil it has been.”\n\n"
            "Ann Dean poked at Moe during the debate, tweeting, “Notice Moe sniffing all the "
            "time.”\n\n"
            "Immediately after the floods, Ruth Chebet issued a statement, “Last night, our "
            "county was struck by the water.”\n\n"
            "Juma Otieno tried to laugh it off by interjecting, “Only the river.”")
    assert [s for _, _, s in quotes(text)] == ["Dan Moe", "Ann Dean", "Ruth Chebet",
                                               "Juma Otieno"]


# ------------------------------------------------------------------ class 9: titles in names


def test_an_abbreviated_title_after_a_place_and_initials_stay_in_the_name():
    # before: the name ended at the full stop ("Lakeland Gov", "Coastal Sen") or at the
    # first initial, and the title words stayed in the canonical name
    text = ("Lakeland Gov. Amina Farah ended her campaign on Tuesday, telling supporters in "
            "Eastport that she had “renewed hope.” Council Chairman T.J. Mwangi called the plan "
            "“a mistake.” Former Coastal Sen. Peter Odera, for his part, is labeling the budget "
            "“a quiet theft.”")
    art = article_from_text(text, "t")
    assert [(q.text, q.speaker, q.role) for q in extract_quotes(art)] == [
        ("renewed hope.", "Amina Farah", "Lakeland Gov."),
        ("a mistake.", "T.J. Mwangi", "Council Chairman"),
        ("a quiet theft.", "Peter Odera", "Coastal Sen."),
    ]


# ------------------------------------------------------------------ class 3: cues after the quote


def test_a_cue_closing_the_sentence_after_a_long_appositive_or_an_adjunct():
    # before: the last comma (inside the appositive) hid "said Ann Moe", and "Juma Otieno said
    # Friday as he left" / "Halima Noor told Lake FM" were too long to stand alone after a quote
    text = ("“It holds” at least until the rains come, said Ann Moe, a hydrologist at Lakeside "
            "College, in Eastport.\n\n"
            "“We will rebuild the bridge.” Juma Otieno said Friday as he left the talks.\n\n"
            "“Nobody warned us.” Halima Noor told Lake FM.\n\n"
            "Voters want “a deal that is fair to all of us” on water, said Peter Odera, who "
            "chairs the residents' group, in an interview.")
    assert quotes(text) == [
        ("It holds", "direct", "Ann Moe"),
        ("We will rebuild the bridge.", "direct", "Juma Otieno"),
        ("Nobody warned us.", "direct", "Halima Noor"),
        ("a deal that is fair to all of us", "partial", "Peter Odera"),
    ]
    # a new report after the quote, or a sentence with a quote of its own, is not its cue
    assert quotes("The river rose.\n\n“The dam is safe.” Ann Moe said the engineers were "
                  "wrong.") == [("The dam is safe.", "scare", None)]
    assert quotes("The river rose.\n\n“We are farmers.” Mr. Juma Otieno said: “The water is "
                  "ours.”") == [("We are farmers.", "scare", None),
                                ("The water is ours.", "direct", "Juma Otieno")]


# ------------------------------------------------------------------ class 4/5: clause subjects


def test_a_participle_takes_the_clause_subject_not_a_place_a_lead_in_or_an_owner():
    # before: Lakeshire, Lakeview Lodge, Following, Greeting, Lakeside Party and no speaker
    # after a dateline (the places, openers and owners below were read as the subject)
    texts = [
        "Speaking at a town hall in Eastport, Lakeshire, Dan Moe went after Ann Ruto, "
        "calling her “a total failure.”",
        "On Friday, Ms. Ann Ruto endorsed Dan Moe at a news conference at Lakeview Lodge, his "
        "private club, calling him “a good man.”",
        "Following a hastily called meeting, the Harbour Council issued a statement calling "
        "the spill “a clear violation of the rules.”",
        "Greeting supporters at the party office, Amina Noor, 70, said it was too early to "
        "celebrate but added, “We will wait for every vote.”",
        "Lakeland's water minister, Ann Moe, rejected the claim in a post online, calling it "
        "“a fabrication designed to distract.”",
        "The dam will open next month, Mr. Dan Moe said, adding that he would hold meetings "
        "to address the “gender gap.”",
        "It was a night for the two best-known women in the Lakeside Party, as Ms. Ann Ruto "
        "echoed the criticism, saying Mr. Moe “reminds us every day that he is in it for "
        "himself.”",
        "EASTPORT, Lakeshire (AP) – Mayor Ann Ruto has taken a swipe at Dan Moe’s stance on "
        "the dam, saying that “his comments are reckless.”",
        "I'm old enough to remember Governor Peter Odera going on radio in 1990, declaring a "
        "“war on drought.”",
    ]
    assert [quotes(t)[0][2] for t in texts] == [
        "Dan Moe", "Ann Ruto", "Harbour Council", "Amina Noor", "Ann Moe", "Dan Moe",
        "Ann Ruto", "Ann Ruto", "Peter Odera"]
    # an organisation owning the subject speaks for it
    art = article_from_text("The Harbour Fund's executive board on Monday approved the loan "
                            "and urged the county to press ahead with reforms.", "t")
    assert [(q.kind, q.speaker) for q in extract_quotes(art)] == [
        ("indirect", "Harbour Fund")]


# ------------------------------------------------------------------ class 9: outlets' people


def test_an_outlet_before_a_persons_name_is_the_affiliation_not_part_of_the_name():
    # before: "Courier Juma Otieno", "the Lake Post's Ann Moe" and "Harbour Fund Peter Odera"
    # were three more speakers in the share table
    text = ("“A list is needed,” wrote The Courier’s Juma Otieno. “We must remember,” said "
            "the Lake Post's Ann Moe. The Harbour Fund's Peter Odera disagreed: “No list.”\n\n"
            "“It is not over,” Otieno said.")
    art = article_from_text(text, "t")
    assert [(q.speaker, q.affiliation) for q in extract_quotes(art) if q.kind == "direct"] == [
        ("Juma Otieno", "Courier"), ("Ann Moe", "Lake Post"), ("Peter Odera", "Harbour Fund"),
        ("Juma Otieno", "Courier")]


def test_a_subject_before_a_party_tag_and_appositive_or_a_dashed_appositive():
    # before: no speaker for all four (the party tag, the dashes and "attendee" hid them)
    texts = [
        "Rep. Ann Moe (D-Lake), chair of the Water Committee, said that it was “fully "
        "committed to an open process.”",
        "Rep. Ann Moe (D-Lake), who introduced a bill this month aimed at improving the dams, "
        "said in a statement that the plans were “a good first step.”",
        "A former candidate -- Dan Moe, who lost the 2008 election to Ruto -- said the mayor "
        "\"has failed the county.\"",
        "One attendee, who like others spoke on the condition of anonymity, said the message "
        "was that \"this is not going to be over soon.\"",
    ]
    assert [quotes(t)[0][1:] for t in texts] == [
        ("partial", "Ann Moe"), ("partial", "Ann Moe"), ("partial", "Dan Moe"),
        ("partial", "attendee")]


def test_a_title_with_of_runs_on_to_the_name_in_a_clause_subject():
    # before: "Former Secretary" was the speaker (the run stopped at "of")
    assert quotes("Former Secretary of State Ann Moe recently urged women to vote for Ruth "
                  "Chebet, saying, “There is a special place for those who don’t help.”") == [
        ("There is a special place for those who don’t help.", "direct", "Ann Moe")]


# ------------------------------------------------- this round (PolNeAR train/dev, speakers)


def test_a_one_word_name_before_an_appositive_is_the_subject_not_a_lead_in():
    # before: "Osei," was skipped as a lead-in ("Later, …"), so the speaker became "the hall
    # upon" and "the party chairman" (a role, not the person)
    assert quotes("Osei, a former mayor of Eastport, drew boos from the hall upon saying, "
                  "“We will close the market.”") == [
        ("We will close the market.", "direct", "Osei")]
    assert quotes("Kamau, the party chairman, mocked the budget on Monday, tweeting, "
                  "“Nobody believes these numbers.”") == [
        ("Nobody believes these numbers.", "direct", "Kamau")]
    # a real lead-in is still skipped
    assert quotes("Later, the minister, who had flown in, said, “We are ready.”") == [
        ("We are ready.", "direct", "the minister")]


def test_the_following_statement_after_a_lead_in_and_a_statement_with_a_participle():
    # before: no speaker (the subject did not open the sentence) and "statement Tuesday"
    assert quotes("On Monday, Governor Amina Noor issued the following statement:\n\n"
                  "“The dam is safe and the town will stay dry this year.”") == [
        ("The dam is safe and the town will stay dry this year.", "direct", "Amina Noor")]
    assert quotes("Mrs. Wanjiru Kamau released a statement Tuesday saying, “The fund was "
                  "never at risk.”") == [("The fund was never at risk.", "direct", "Wanjiru Kamau")]


def test_reacted_and_pondered_are_cues():
    # before: both were scare quotes with no speaker
    assert quotes("“Not in my town,” reacted Dan Moe.") == [
        ("Not in my town,", "direct", "Dan Moe")]
    assert quotes("Mr. Dan Moe pondered whether the town could “survive another flood.”") == [
        ("survive another flood.", "partial", "Dan Moe")]


def test_a_pronoun_prefers_the_sentences_subject_to_an_owner():
    # before: "she" went to the nearest woman named, the owner in "Lee’s courage"
    text = ("Mrs. Ann Moe met Ms. Ruth Lee on Monday. Moe says she admired Lee’s courage "
            "through what she calls a “long ordeal.”")
    assert quotes(text) == [("long ordeal.", "partial", "Ann Moe")]
    # with no subject before the owner, the owner is still the antecedent
    text = "Ms. Ruth Lee spoke first. Lee’s aide said she called it “a long ordeal.”"
    assert quotes(text) == [("a long ordeal.", "partial", "Ruth Lee")]


def test_a_region_after_a_place_is_not_the_speakers_name():
    # before: "Kenya" (the appositive after "a farmer in Nakuru,") was taken for the name
    assert quotes("“It is a disaster,” a farmer in Nakuru, Kenya, said.") == [
        ("It is a disaster,", "direct", "farmer in Nakuru")]
    # a name in the appositive is still the speaker
    assert quotes("Its secretary-general, Akelo Misori, said the strike was “a last "
                  "resort.”") == [("a last resort.", "partial", "Akelo Misori")]


def test_an_acronym_in_brackets_closes_an_appositive_it_is_no_party_tag():
    # before: "(UNHCW)," was read as a party tag like "(R-Ohio)," and the role became the name
    assert quotes("Amina Noor, the United Nations High Commissioner for Water (UNHCW), reacted "
                  "coolly to the deal, “It changes nothing.”") == [
        ("It changes nothing.", "direct", "Amina Noor")]
    assert quotes("Rep. Ann Moe (R-Ohio), said the bill was “dead on arrival.”") == [
        ("dead on arrival.", "partial", "Ann Moe")]


def test_a_region_without_its_closing_comma_is_not_the_subject():
    # before: "South Lakeshire" (the region after "of Eastport,") was the speaker
    assert quotes("Ann Moe of Eastport, South Lakeshire says she thinks Kamau can win if he "
                  "keeps “doing what he does.”") == [("doing what he does.", "partial", "Ann Moe")]
    # a lead-in's place stays a lead-in
    assert quotes("Speaking from Eastport, Dan Moe said the plan was “a mess.”") == [
        ("a mess.", "partial", "Dan Moe")]


def test_a_state_tag_with_a_full_stop_keeps_the_subject_in_the_quotes_sentence():
    # the text model ends a sentence after "(R-Tex.)"; before, the cue "said" then had no
    # subject and the quote was a scare quote without a speaker
    assert quotes("Sen. Ann Moe (R-Tex.) said that she would “close the border.”") == [
        ("close the border.", "partial", "Ann Moe")]


def test_participles_of_praise_and_blame_report_words():
    # before: no cue, so no speaker ("condemning", "thanking" were not participle cues)
    assert quotes("In Eastport, Governor Ann Moe released a statement on Thursday, condemning "
                  "“the cowardly attack on our town.”") == [
        ("the cowardly attack on our town.", "partial", "Ann Moe")]
    assert quotes("Dan Moe wrote to the council, thanking it for “a fair hearing.”") == [
        ("a fair hearing.", "partial", "Dan Moe")]
