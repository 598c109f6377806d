"""Speech cues: the verbs, participles and word splitting that attribution looks for
(``said``, ``told``, ``according to``, ``fumed``, ``as X put it`` …).
"""

from __future__ import annotations

import re

from analysis.speakers import trie_pattern as _trie_pattern

_VERBS = [
    "say", "tell", "state", "remark", "note", "add", "emphasize", "emphasise", "explain", "argue",
    "ask", "urge", "warn", "write", "insist", "declare", "announce", "observe", "continue",
    "reply", "respond", "recall", "acknowledge", "admit", "concede", "claim", "maintain",
    "stress", "affirm", "assure", "suggest", "tweet", "post", "comment", "caution", "predict",
    "promise", "vow", "pledge", "boast", "complain", "lament", "quip", "joke", "shout",
    "whisper", "conclude", "reiterate", "highlight", "underscore", "describe", "call", "term",
    "label", "dub", "point out", "go on", "exclaim", "agree", "counter", "elaborate",
    "express", "articulate", "recount", "confirm", "deny", "refer to", "slam", "report",
    "question", "answer", "cite", "praise", "hail", "tout", "grouse", "blast", "chant", "yell",
    "wonder",
    # attribution verbs of real news (issue 12, class 3): heated, loud and critical speech
    "fume", "gush", "interject", "chime in", "blurt out", "cry", "accuse", "blame", "criticize",
    "criticise", "dismiss", "proclaim", "assert", "condemn", "denounce", "decry", "bemoan",
    "deride", "mock", "scream", "mutter", "allege", "put it", "echo",
    # retorts and asides of real news (PolNeAR train and dev): "“Quiet,” he demanded"
    "demand", "bark", "retort", "snap", "scoff", "sneer", "muse", "opine", "testify", "demur",
    "remember", "exhort", "reason", "shoot back", "fire back", "hit back", "push back",
    "weigh in",
    # more of PolNeAR train and dev: "“…,” reacted Moe" / "Moe pondered whether …"
    "react", "ponder", "speculate",
    # what a study, a report or its authors concluded: "A 2014 report found that “…”"
    "find that",
    # after a quote: "“…,” an angry Moe retaliated." / "“…!” beamed Moe"
    "retaliate", "beam",
    # "As Moe had written, “…”" / "As the band sang, “…”"
    "sing",
    # asides and follow-ups (PolNeAR train and dev): "Moe cracked, “…”", "“…?” Moe pressed"
    "crack", "press", "reference", "relate", "welcome",
    # telling in private, scolding and saying again: "Moe confided to her that …", "“…?”
    # Moe repeated."
    "confide", "scold", "repeat", "contend",
]

#: Plain present forms of cues whose plain form is no noun, for plural subjects ("Critics
#: argue that …", "Prosecutors allege that …"); other verbs keep only their inflected forms.
_PLAIN_PRESENT = ["argue", "warn", "contend", "allege", "insist", "predict", "acknowledge",
                  "assert", "suggest", "explain", "accuse", "concede", "claim"]
#: Plain forms with another sense that report only before "that" ("Critics maintain that
#: …", not "Crews maintain the roads").
_PLAIN_BEFORE_THAT = ["maintain", "admit", "complain", "stress", "caution"]
# (not "maintain", "admit", "complain": "Crews maintain the roads", "Hospitals admit
# patients", "Residents who complain about the “noise”"; not the nouns "stress", "caution",
# "urge"; "claim" is one too, but "Moe’s claim that “…”" reports Moe's words as the verb does)


_IRREGULAR = {"say": ["said", "says", "say"], "tell": ["told", "tells", "tell"],
              "refer to": ["referred to", "refers to"], "put it": ["put it", "puts it"],
              "find that": ["found that", "finds that"],
              "beam": ["beamed"],
              "term": ["termed"], "label": ["labeled", "labelled"],
              "slam": ["slammed", "slams"], "cry": ["cried", "cries"],
              # verbs that are also nouns: past tense only ("reports" is usually a noun)
              "report": ["reported"], "question": ["questioned"], "answer": ["answered"],
              "cite": ["cited"], "praise": ["praised"], "hail": ["hailed"],
              "tout": ["touted", "touts"], "grouse": ["groused"], "blast": ["blasted", "blasts"],
              "chant": ["chanted"], "yell": ["yelled", "yells"], "wonder": ["wondered"],
              "write": ["wrote", "writes", "write", "written"],
              "sing": ["sang", "sings"], "go on": ["went on", "goes on"],
              "admit": ["admitted", "admits"], "snap": ["snapped", "snaps"],
              "shoot back": ["shot back", "shoots back"], "hit back": ["hit back", "hits back"],
              "bark": ["barked"], "reason": ["reasoned"], "remember": ["remembered"],
              "demur": ["demurred", "demurs"],
              # past tense only: "cracks", "presses", "references" are mostly nouns
              "crack": ["cracked"], "press": ["pressed"], "reference": ["referenced"],
              "relate": ["related"], "welcome": ["welcomed"],
              # "Ryan's comments “…”": the plural is a noun far more often than a verb
              "comment": ["commented"]}


def _forms(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if " " in verb:
        head, tail = verb.split(" ", 1)
        return [f"{f} {tail}" for f in _forms(head) if f]
    if verb.endswith("e"):
        return [verb + "d", verb + "s"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb[:-1] + "ied", verb[:-1] + "ies"]
    if verb in ("quip", "dub", "label"):
        return [verb + verb[-1] + "ed", verb + "ed", verb + "s"]
    return [verb + "ed", verb + "s", verb + "es" if verb.endswith(("sh", "ss", "ch")) else ""]


#: Participles that introduce quoted words after a comma ("…, calling it “a fabrication”").
_PARTICIPLES = ["calling", "describing", "saying", "adding", "noting", "warning", "insisting",
                "telling", "urging", "arguing", "claiming", "stressing", "accusing", "terming",
                "dubbing", "labelling", "labeling", "accusing", "chanting", "citing",
                "referring to", "blaming", "mocking", "declaring", "denouncing", "stating",
                "admitting", "shouting", "yelling", "explaining", "asking",
                # more of real news (PolNeAR train and dev): "…, tweeting, “…”"
                "tweeting", "asserting", "writing", "posting", "responding", "replying",
                "quipping", "joking", "answering", "recalling", "concluding", "proclaiming",
                "complaining", "predicting", "promising", "vowing", "boasting", "lamenting",
                "conceding", "acknowledging", "remarking", "observing", "announcing",
                "chiding", "scolding", "retorting", "demanding", "pleading", "exclaiming",
                "interjecting", "interrupting", "countering",
                # praise and blame that report words (PolNeAR train and dev): "…, condemning “…”"
                "condemning", "criticizing", "criticising", "praising", "slamming", "blasting",
                "thanking", "crediting", "dismissing", "decrying", "deriding"]


_PLAIN_PRESENT_SET = frozenset(_PLAIN_PRESENT + _PLAIN_BEFORE_THAT)
_PLAIN_BEFORE_THAT_SET = frozenset(_PLAIN_BEFORE_THAT)


SPEECH_CUES = sorted({f for v in _VERBS for f in _forms(v) if f} | set(_PARTICIPLES) |
                     _PLAIN_PRESENT_SET, key=len, reverse=True)


_CUE = "|".join(re.escape(c) for c in SPEECH_CUES)


CUE_RE = re.compile(rf"\b(?:{_CUE})\b")


#: Words between a subject and its cue: adverbs, and the auxiliaries and modals of a verb
#: group ("Moe may have said", "Moe would later say", "Moe did tell them"), and the
#: quantifiers that float after a plural subject ("Moe and Reed both said", "they each told");
#: not the nouns in "-ly" that speak ("Reed’s family said", "an ally of Reed told").
_ADVERB = re.compile(r"^(?:also|later|then|again|further|simply|quickly|had|has|have|once|"
                     r"previously|earlier|recently|repeatedly|often|always|never|sometimes|"
                     r"still|even|now|just|already|can|could|will|would|should|may|might|"
                     r"must|shall|did|does|long|since|both|each|all|first|"
                     r"(?!(?:family|ally|assembly|rally|supply|bully|monopoly)$)[a-z]+ly)$")


_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one",
                "another", "some", "several", "two", "three", "many"}


_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "him": "m", "her": "f"}


#: Heads of a phrase that names an organisation ("the ministry", "the coalition").
_ORG_HEADS = {"forum", "ministry", "government", "police", "agency", "embassy", "office",
              "department", "committee", "council", "union", "company", "bank", "court",
              "organisation", "organization", "charity", "coalition", "delegation", "team"}
#: Heads that are no person for "he" or "she", though they may speak as a body or a text.
_NOT_PERSON_HEADS = _ORG_HEADS | {"firm", "campaign", "community", "group", "network",
                                  "newspaper", "paper", "outlet", "station", "party",
                                  "administration", "board", "magazine", "website", "site"}
_SPEAKER_NOUNS = {
    "official", "officials", "spokesperson", "spokesman", "spokeswoman", "spokespeople",
    "analyst", "analysts", "minister", "ministry", "statement", "communiqué", "communique",
    "report", "forum", "police", "government", "witness", "witnesses", "residents", "resident",
    "diplomat", "diplomats", "source", "sources", "aide", "aides", "lawmaker", "lawmakers",
    "activist", "activists", "expert", "experts", "organisers", "organizers", "leader",
    "leaders", "authorities", "agency", "office", "embassy", "department", "committee",
    "council", "group", "campaigners", "critics", "observers", "protesters", "doctors",
    "farmers", "workers", "president", "secretary", "envoy", "ambassador", "governor",
    "senator", "director", "chairman", "chairwoman", "chair", "commander", "general",
    "officer", "officers", "letter", "declaration", "document", "memo",
    "resolution", "charity", "organisation", "organization", "union", "company", "firm",
    "bank", "survey", "study", "website", "post", "tweet", "judge", "court", "prosecutor",
    "prosecutors", "lawyer", "lawyers", "mayor", "people", "delegation", "team", "coalition",
    "groups", "organisations", "organizations", "unions", "parties", "party", "commission",
    "coordinator", "villagers", "students", "teachers", "nurses", "traders",
    "chairperson", "ceo", "executive", "head", "chief", "commissioner", "premier",
    "legislator", "mp", "candidate", "founder", "owner", "manager", "representative",
    "negotiator", "adviser", "advisor", "professor", "lecturer", "researcher", "attorney",
    "magistrate", "colonel", "captain", "sergeant", "inspector", "editor", "reporter",
    "nurse", "doctor", "teacher", "farmer", "student", "mother", "father", "woman", "man",
    "worker", "trader", "driver", "soldier", "survivor", "victim", "villager", "pastor",
    "patient", "parent", "parents", "voter", "voters", "fan", "fans", "coach", "player",
    "economists", "economist", "scientists", "researchers", "investigators", "agencies",
    "ministries", "governments", "embassies", "companies", "charities", "statements", "reports",
    # people of political news (PolNeAR train and dev): "One attendee, who …, said"
    "attendee", "attendees", "supporter", "supporters", "delegate", "delegates", "donor",
    "donors", "member", "members", "insider", "insiders", "strategist", "strategists",
    "operative", "operatives", "consultant", "consultants", "pollster", "pollsters",
    "staffer", "staffers", "advisers", "advisors", "person", "citizen", "citizens",
    "neighbor", "neighbors", "neighbour", "neighbours", "friend", "friends", "relative",
    "relatives", "colleague", "colleagues", "veteran", "veterans", "candidates", "nominee",
    "senators", "congressman", "congresswoman", "politician", "politicians", "demonstrator",
    "demonstrators", "volunteer", "volunteers", "employee", "employees", "executives",
    "moderator", "host", "anchor", "columnist", "commentator", "blogger", "historian",
    "scholar", "scholars", "counsel",
    # people by relation or number, who speak as often ("His wife said", "The two men told")
    "men", "women", "wife", "husband", "son", "daughter", "brother", "sister",
    "sons", "daughters", "brothers", "sisters", "children", "spouse", "widow", "widower",
    "cousin", "uncle", "aunt", "grandmother", "grandfather", "mom", "dad", "boyfriend",
    "girlfriend", "fiancé", "fiancée", "conservatives", "liberals", "progressives",
    "evangelicals", "attorneys", "spokesmen",
    "spokeswomen", "agents", "pundits", "historians", "judges",
    "justices", "governors", "mayors", "representatives", "congressmen", "mothers", "fathers",
    # bodies around a person ("Reed’s campaign said", "Reed’s family said")
    "campaign", "family", "administration", "staff", "allies", "ally", "backers", "opponents",
    "rivals", "camp",
}


_DOCUMENT_NOUNS = {"lawsuit", "suit", "complaint", "indictment", "petition", "affidavit",
                   "statement", "communiqué", "communique", "report", "letter", "declaration",
                   "document", "memo", "resolution", "survey", "study", "website", "post",
                   "tweet", "press release", "release", "filing", "ruling",
                   # what a campaign or a person puts out: "Moe released a video that said …"
                   "video", "ad", "advert", "advertisement", "email", "e-mail", "message",
                   "editorial", "column", "op-ed", "book", "flyer", "leaflet", "mailer"}


#: A word: initials ("U.S."), a party and a state of two abbreviations ("D-N.J.", "R-W.Va."),
#: an abbreviation with its full stop, an initial before a name, a
#: company's capitals joined by an ampersand ("AT&T", "P&G", with a possessive: one word, as
#: a name is), a run of word characters, or one mark.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[DRI]-(?:[A-Z][a-z]{0,3}\.){2,3}(?=[,)\s])|"
                   r"(?!Q&A(?![\w&]))[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])(?:[’']s\b)?|"
                   r"(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Del|Gen|Lt|Col|Maj|Capt|Sgt|Prof|"
                   r"Rev|Amb|Jr|Sr|St)\.|(?:Corp|Inc|Co|Ltd|Bros)\.(?!\s+[A-Z“‘\"'])|"
                   r"[A-Z]\.(?=\s+[A-Z])|[^\W_][\w’'\-]*|[^\s\w]")


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


#: Words after which a cue word is a noun, not a verb: an article or a possessive ("the
#: remarks", "his claims"; "her" is left out: it is also an object, "told her, saying …").
_NOUN_BEFORE = {"the", "a", "an", "his", "its", "their", "my", "our", "your", "The", "A", "An",
                "His", "Its", "Their", "My", "Our", "Your"}


#: Finite auxiliaries and modals: the one base set the verb-group word sets are built from
#: (subjects._FINITE and _NOT_IN_NOUN_PHRASE, before._AUXILIARIES, _PLURAL_VERBS).
FINITE_AUXILIARIES = frozenset({"can", "could", "will", "would", "should", "may", "might",
                                "must", "is", "was", "are", "were", "has", "had", "have",
                                "do", "does", "did"})
#: The finite forms of "be" among them.
FINITE_BE = frozenset({"is", "was", "are", "were"})
#: Verbs after a plural noun ("states can", "reports have"): the word before is no cue.
_PLURAL_VERBS = FINITE_AUXILIARIES - {"is", "was", "has", "had", "does"}


def _plural_noun(words, i) -> bool:
    """Whether the cue word at ``i`` (ending in -s) is a plural noun after a quantifier or a
    region's adjective, never a verb: "many Asian states", "several member states", "the
    Gulf states" (not "Moe states", "critics claims"). Such a word is no cue at all.

    >>> [_plural_noun([(w, 0, 0) for w in t.split()], 2) for t in (
    ...     "in many states", "many Asian states", "the Gulf states", "Ann Moe states")]
    [True, True, True, False]
    """
    w = words[i][0]
    if w.lower() not in _NOUN_OR_VERB or i == 0:
        return False  # "Another member says": a singular noun before its verb
    prev = words[i - 1][0]
    if prev in _REGION_ADJECTIVES or prev.lower() in _QUANTIFIERS:
        return True
    q = words[i - 2][0].lower() if i >= 2 else ""
    # "several member states", "many Asian states"; not "Above all Moe claims" (a name)
    return q in _QUANTIFIERS and (prev == "member" or (prev[:1].isupper() and q != "all"))


#: Plural nouns that are also speech verbs ("states", "claims"): the only cue words this
#: reading turns into nouns.
_NOUN_OR_VERB = {"states", "claims", "notes", "reports"}


#: Words before a plural noun, never a verb's subject ("many states", "member states").
_QUANTIFIERS = {"many", "several", "some", "other", "all", "both", "few", "most", "various",
                "these", "those", "such", "numerous", "multiple"}
#: Adjectives of regions and groups of countries before a plural ("Asian states").
_REGION_ADJECTIVES = {"Asian", "African", "European", "American", "Arab", "Baltic", "Gulf",
                      "Nordic", "Balkan", "Western", "Eastern", "Southern", "Northern",
                      "Pacific", "Caribbean", "Latin", "Muslim", "Islamic", "Sunni", "Shiite",
                      "Mideast", "Middle", "Central", "Frontline", "Border", "Coastal"}


#: Words whose "’s" is "is" or "has" ("he’s claiming"), not a possessive.
_CONTRACTED = {"he", "she", "it", "that", "there", "here", "who", "what", "where", "let",
               "this", "everyone", "nobody", "someone"}


def _noun_cue(words, i) -> bool:
    """Whether the cue word at ``i`` follows an article or a possessive right before it in
    the text ("Moe’s remarks", "their claims", "the call", "a warning"): a noun, not a verb.

    >>> ws = [(w, 0, 0) for w in "Moe denounced Ruto’s remarks as".split()]
    >>> _noun_cue(ws, 1), _noun_cue(ws, 3)
    (False, True)
    >>> _noun_cue([(w, 0, 0) for w in "that states can pass".split()], 1)
    True
    >>> _noun_cue([(w, 0, 0) for w in "Moe continued his scathing remarks".split()], 4)
    True
    """
    w = words[i][0]
    if w.endswith("s") and i + 1 < len(words) and words[i + 1][0] in _PLURAL_VERBS:
        return True  # "that states can pass such laws": a plural noun, its verb after it
    if i == 0 or words[i][1] - words[i - 1][2] > 1:
        return False  # (a word across a quote is not the one before it)
    prev = words[i - 1][0]
    if words[i][0].endswith("ing"):  # "a warning", "the briefing" (not "Moe's saying")
        return prev in ("a", "an", "the", "A", "An", "The")
    if len(prev) > 5 and prev.endswith("ing") and prev.islower() and i >= 2 and \
            words[i - 2][0] in _NOUN_BEFORE:
        return True  # "his scathing remarks", "her closing comments": an adjective between
    return prev in _NOUN_BEFORE or (prev.endswith(("’s", "'s", "s’", "s'")) and
                                    prev[:-2].lower() not in _CONTRACTED)


def _cue_at(words, i) -> tuple[int, int] | None:
    """If a speech cue starts at word i, return (first, last) word index of the cue."""
    w = words[i][0]
    if w in _TEXT_CUES:
        return (i, i) if _text_cue(words, i) else None
    if i == 0 and w in _CAPITAL_CUES:  # "Said Amina Noor, …"
        w = w.lower()
    if w in _CUE_HEADS and i + 1 < len(words) and f"{w} {words[i + 1][0]}" in _CUE_SET:
        return i, i + 1
    if w in _CUE_SET:
        if w in _PLAIN_BEFORE_THAT_SET and (i + 1 >= len(words) or words[i + 1][0] != "that"):
            return None  # "Crews maintain the roads", "Hospitals admit patients"
        if w in _PLAIN_PRESENT_SET and i > 0 and (words[i - 1][0] in ("to", "To") or (
                i > 1 and words[i - 2][0] in ("to", "To") and words[i - 1][0].endswith("ly"))):
            return None  # "the lone analyst to correctly predict": an infinitive, no report
        if w in _NOT_SPEECH_BEFORE and i + 1 < len(words) and \
                words[i + 1][0] in _NOT_SPEECH_BEFORE[w]:
            return None  # "cracked down on", "pressed ahead with": no speech
        return i, i
    return None


#: Verbs that give the words of a written text, not of a speaker ("“…,” reads a notice on
#: the gate", "The banner read: “…”", "“…!” blared the front page"): cues only next to the
#: text (:func:`_text_cue`).
_TEXT_CUES = frozenset({"read", "reads", "blared", "blares"})
#: Texts that read: documents and what is written on a sign, a banner or a page.
_TEXT_NOUNS = _DOCUMENT_NOUNS | {"sign", "signs", "notice", "banner", "banners", "placard",
                                 "placards", "caption", "headline", "inscription", "plaque",
                                 "poster", "posters", "note", "text", "slogan", "card",
                                 "shirt", "t-shirt", "cover", "page", "messages", "tweets",
                                 "letters", "ads"}


def _text_cue(words, i) -> bool:
    """Whether the text verb at ``i`` gives a text's words: right after a quote, before the
    text it names ("“…,” reads a notice", "blared the front page": ``i`` is 0 and an
    article, a possessive or a capital follows; not "read one"), or after the text's noun
    and right before the quote or its colon or comma ("The sign read: “…”", "One message
    read “…”"). Not "Moe reads the paper" nor "read the report “…”".

    >>> ws = [(w, 0, 0) for w in "reads a notice".split()]
    >>> _text_cue(ws, 0), _text_cue([(w, 0, 0) for w in "The sign read :".split()], 2)
    (True, True)
    >>> _text_cue([(w, 0, 0) for w in "Moe reads the paper".split()], 1)
    False
    """
    nxt = words[i + 1][0] if i + 1 < len(words) else None
    if i == 0:  # (not "read one": a number names no text)
        return nxt is not None and (nxt.lower() in ("a", "an", "the", "this", "its", "his",
                                                    "her", "their") or nxt[:1].isupper())
    return words[i - 1][0].lower() in _TEXT_NOUNS and nxt in (None, ":", ",")


#: Cue words that report no speech before these words ("Police cracked down on …", "The
#: board pressed ahead with …", "pressed for a vote").
_NOT_SPEECH_BEFORE = {"cracked": {"down", "up", "open"},
                      "pressed": {"ahead", "on", "for", "forward", "into", "against", "down",
                                  "charges"}}


_CUE_SET = set(SPEECH_CUES)
#: What comes before a space in a cue of several words ("point" of "point out"): only such
#: a word is joined to the next to look for one (no string built for every other word).
_CUE_HEADS = {c[:k] for c in SPEECH_CUES for k, ch in enumerate(c) if ch == " "}
#: Cue words that open a sentence in capitals ("Said Amina Noor, …").
_CAPITAL_CUES = ("Said", "Says", "Added", "Asked", "Wrote")


def _cue_in_words(words, from_end: bool = True):
    """Positions of cue words in a word list, last first when ``from_end``; a cue word that is
    a noun ("Ruto’s remarks") only after all the verbs.

    >>> ws = [(w, 0, 0) for w in "Moe denounced Ruto’s remarks as".split()]
    >>> list(_cue_in_words(ws))
    [(1, 1), (3, 3)]
    """
    idx = range(len(words) - 1, -1, -1) if from_end else range(len(words))
    nouns = []
    for i in idx:
        w = words[i][0]
        if w not in _CUE_SET and w not in _CUE_HEADS and w not in _TEXT_CUES and (
                i or w not in _CAPITAL_CUES):
            continue  # (no cue starts here: what _cue_at would find, without the call)
        cue = _cue_at(words, i)
        if cue and _plural_noun(words, i):
            continue  # "many Asian states": a noun, no cue
        if cue:
            if _noun_cue(words, i):
                nouns.append(cue)  # "Moe denounced Ruto’s remarks as “…”": the verb first
            else:
                yield cue
    yield from nouns


#: Verbs that report speech without quote marks (a narrower set than the quote cues).
_INDIRECT_CUES = set()


for _v in ("say", "tell", "state", "note", "add", "explain", "argue", "warn", "insist",
           "emphasize", "emphasise", "stress", "acknowledge", "announce", "express", "claim",
           "declare", "confirm", "deny", "suggest", "urge", "ask", "admit", "concede",
           "maintain", "predict", "promise", "pledge", "vow", "reiterate", "articulate",
           "elaborate", "highlight", "recall", "caution", "complain", "assure", "affirm"):
    _INDIRECT_CUES.update(f for f in _forms(_v) if f)


_INDIRECT_RE = re.compile(r"\b" + _trie_pattern(_INDIRECT_CUES) + r"\b")
