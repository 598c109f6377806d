"""The vocabulary and patterns of names: titles, organisation words, words that are no name,
the demonyms that state an affiliation, and :data:`MENTION`, the pattern of a (titled) name —
static data and compiled patterns, read by :func:`analysis.speakers.find_entities` and by the
quote stage's subject rules.

>>> bool(MENTION.match("President William Ruto"))
True
>>> capitalised("Ruto"), capitalised("ruto")
(True, False)
"""

from __future__ import annotations

import re

from analysis.text.words import DAY_AND_MONTH_NAMES

# Titles that introduce a person's name. Multi-word titles are matched before single words.
TITLES = [
    "Secretary of State", "Secretary-General", "Secretary General", "Prime Minister",
    "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Interior Minister", "Cabinet Secretary", "Deputy President", "Vice President",
    "Vice-President", "Chief Justice", "Attorney General", "Attorney-General", "Police Chief",
    "Inspector General", "Inspector-General", "Deputy Secretary", "Under Secretary",
    "Assistant Secretary", "Special Envoy", "Foreign Secretary", "Home Secretary",
    "President", "Secretary", "Minister", "Senator", "Sen.", "Governor", "Gov.",
    "Representative", "Rep.", "Del.", "Delegate", "Ambassador", "Amb.", "General", "Gen.", "Lt.",
    "Col.", "Colonel",
    "Major", "Maj.", "Captain", "Capt.", "Sgt.", "Sergeant", "Commander", "Admiral", "Adm.",
    "Chancellor", "Premier", "King", "Queen", "Prince", "Princess", "Pope", "Judge", "Justice",
    "Professor", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "Miss", "Mayor", "Commissioner",
    "Dr", "Mr", "Mrs", "Ms", "Prof",  # British style, no full stop
    "Director", "Chairman", "Chairwoman", "Chairperson", "Chair", "Envoy", "Spokesman",
    "Spokeswoman", "Spokesperson", "Speaker", "Sheikh", "Bishop", "Archbishop", "Rev.",
    "Father", "Sister", "Chief", "Deputy", "Lawmaker", "Legislator", "MP", "Officer", "Inspector",
    # occupations written before a name ("economist Mary Wanjiku", "Lawyer Adrian Kamotho")
    "Lawyer", "Attorney", "Economist", "Analyst", "Activist", "Researcher", "Doctor", "Nurse",
    "Teacher", "Journalist", "Author", "Coach", "Pastor", "Imam", "Councillor", "Councilor",
    "Farmer", "Trader", "Coordinator", "Spokesman", "Manager", "Founder", "Executive", "CEO",
    "Chief Executive", "Head", "Leader", "Historian", "Scientist", "Engineer", "Student",
]
TITLE_WORDS = {w for t in TITLES for w in t.split() if w not in ("of",)}
#: Honorifics that also occur inside names (Somali, Arabic): a title only at the start of a run.
NAME_INTERNAL_TITLES = {"Sheikh", "Imam", "Sultan", "Emir", "Mullah"}
HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f",
                    "Miss": "f", "King": "m", "Queen": "f", "Prince": "m", "Princess": "f",
                    "Chairman": "m", "Chairwoman": "f", "Spokesman": "m", "Spokeswoman": "f",
                    "Father": "m", "Sister": "f", "Sheikh": "m"}
# Words that make a capitalised run an organisation.
ORG_WORDS = {
    "Ministry", "Department", "Council", "Union", "Organization", "Organisation", "Forum",
    "Bank", "Fund", "Agency", "Commission", "Party", "Office", "Government", "Police", "Army",
    "Institute", "Association", "Committee", "Parliament", "Assembly", "Senate", "Congress",
    "International", "Corporation", "Company", "Inc.", "Ltd", "Ltd.", "Group", "Authority",
    "Court", "Mission", "Embassy", "University", "Foundation", "Network", "Watch", "Coalition",
    "Alliance", "Federation", "Board", "Bureau", "Service", "Services", "Force", "Forces",
    "Secretariat", "Cabinet", "Treasury", "Nations", "NGO", "Times", "Post", "News", "Reuters",
    "Microsoft", "Google", "Apple", "Amazon", "Meta", "Cross", "Crescent", "College", "School",
    "Academy", "Society", "Church", "Club", "Trust", "Airways", "Airlines", "Ports", "Railways",
    "Press", "Media", "Tribunal",
    # newspapers' names ("the Columbus Dispatch", "the Dayton Tribune")
    "Tribune", "Dispatch", "Herald", "Courier", "Gazette", "Journal", "Chronicle", "Sentinel",
    "Examiner", "Inquirer", "Observer", "Globe", "Bulletin", "Enquirer",
}
#: Words that make a capitalised run an event, law, place or thing, never a person.
NOT_PERSON_WORDS = {
    "League", "Cup", "Games", "Championship", "Championships", "Olympics", "Marathon",
    "Festival", "Conference", "Summit", "Act", "Bill", "Agreement", "Treaty", "Accord", "Day",
    "Week", "Award", "Prize", "Stadium", "Airport", "Hospital", "Hotel", "Centre", "Center",
    "Park", "Bridge", "Station", "Port", "Plan", "Programme", "Program", "Initiative",
    "Project", "Strategy", "Report", "Index", "Fund", "Mission", "Operation", "Highway",
    "Railway", "Court", "Courts", "Law", "Constitution", "Declaration", "Charter", "Budget",
}
ORG_ACRONYMS = {"UN", "U.N.", "AU", "EU", "IMF", "NATO", "WHO", "IGAD", "EAC", "ECOWAS",
                "SADC", "UNHCR", "UNICEF", "USAID", "KDF", "FBI", "CIA", "WFP", "OCHA"}
# Capitalised words that are never part of a person's name.
NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "With", "Without", "Of", "To",
    "And", "But", "Or", "Nor", "So", "Yet", "If", "When", "While", "After", "Before", "Since",
    "Although", "Though", "Because", "However", "Meanwhile", "Still", "Also", "Then", "Now",
    "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Their", "Our", "My", "Your", "There", "Here", "What", "Who", "Why", "How", "Where",
    "Which", "Speaking", "According", "Asked", "Despite", "During", "Under", "Over", "Among",
    "Between", "About", "Against", "Through", "Into", "Act", "Both", "Neither", "Either",
    "Many", "Some", "All", "Each", "Every", "Several", "Other", "Others", "Such", "Last", "Next",
    "Earlier", "Later", "Yesterday", "Today", "Tomorrow", "New", "Not", "No", "Yes", "Even",
    "Democratic", "Republic", "United", "States", "Kingdom", "North", "South", "East", "West",
    "Central", "Great", "Lakes", "Horn", "Africa", "African", "Europe", "Asia", "America",
    "Middle", "Gulf", "Sea", "Ocean", "River", "Lake", "Mount", "City", "County", "Province",
    "Region", "Valley", "Street", "Road", "Avenue", "Square", "Island", "Islands", "Coast",
    "Secretary", "State", "U.S.", "U.S", "US", "UK", "U.K.", "EU",
} | DAY_AND_MONTH_NAMES
# Places and demonyms that can stand as a person's affiliation (a fuller gazetteer lives in
# analysis.topics; this list only serves "U.S. Secretary …", "Kenyan President …", "… of Kenya").
AFFILIATION_DEMONYMS = {
    "U.S.": "U.S.", "US": "U.S.", "American": "U.S.", "Kenyan": "Kenya", "Kenya": "Kenya",
    "Haitian": "Haiti", "British": "UK", "UK": "UK", "U.K.": "UK", "French": "France",
    "German": "Germany", "Chinese": "China", "Russian": "Russia", "Ugandan": "Uganda",
    "Tanzanian": "Tanzania", "Ethiopian": "Ethiopia", "Somali": "Somalia", "Nigerian": "Nigeria",
    "South African": "South Africa", "Congolese": "DR Congo", "Sudanese": "Sudan",
    "Rwandan": "Rwanda", "Canadian": "Canada", "Indian": "India", "Japanese": "Japan",
    "Israeli": "Israel", "Palestinian": "Palestine", "Ukrainian": "Ukraine", "Egyptian": "Egypt",
    "Ghanaian": "Ghana", "Mexican": "Mexico", "Brazilian": "Brazil", "Turkish": "Turkey",
    "Iranian": "Iran", "Saudi": "Saudi Arabia", "Emirati": "UAE", "Qatari": "Qatar",
}


def trie_pattern(words) -> str:
    """A regex matching exactly ``words``, written as a trie ("sa(?:id|ys?)"): the same
    matches as the plain alternation, longest first, but each position is tried once per
    letter instead of once per word (2.7× faster on PolNeAR train's articles for the cue
    words; used for :data:`MENTION`'s titles and demonyms too).

    >>> p = re.compile(r"\\b" + trie_pattern(["say", "says", "said", "told"]) + r"\\b")
    >>> [m.group() for m in p.finditer("he says she said they told, saying")]
    ['says', 'said', 'told']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: the longer ones are optional (tried first)
            return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
        return body

    return emit(trie)


#: The titles as one pattern: the same matches as their alternation longest first, written as
#: a trie (see :func:`trie_pattern`).
_TITLE_RE = trie_pattern(TITLES)
#: An abbreviated title inside a capitalised run ("Ohio Gov. John Kasich", "GOP Sen. Ann
#: Moe"): its full stop is kept in the run so that :func:`split_role` moves it and the words
#: before it into the role, instead of the run ending at the full stop ("Ohio Gov" taken for
#: a name). (A suffix of the capitalised word, checked only at a full stop: no cost elsewhere.)
_TITLE_DOT = (r"(?:\.(?=[ \t]+[A-Z])(?:" + "|".join(
    rf"(?<=\b{t}\.)" for t in ("Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj",
                                "Adm", "Amb", "Del", "Supt", "Cmdr")) + "))?")


def _letter_class(test) -> str:
    """A character class of the Latin letters (Basic Latin to Latin Extended-B and Latin
    Extended Additional) for which ``test`` holds, as ranges: ``re`` has no ``\\p{Lu}``.

    >>> re.fullmatch(_letter_class(str.isupper) + "+", "ÉØŁŞČĞİ") is not None
    True
    """
    codes = [c for c in [*range(0x250), *range(0x1E00, 0x1F00)] if test(chr(c))]
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


#: An upper-case and a lower-case Latin letter, accented ones included ("Calderón",
#: "Øystein", "Wałęsa", "İsmail"): a name is read whole, not cut at its first letter
#: outside a–z. (``ß``, ``ı`` and the like are lower case; ``ʼ`` is not a letter here.)
UPPER = _letter_class(str.isupper)
LOWER = _letter_class(lambda c: c.islower() and c not in "ªº")
#: A capitalised word: "Calderón", "McDonagh", "Jean-Luc", "Kravitz-Ñúñez", "O’Brien",
#: "D'Souza", "N’Golo" (one capital, an apostrophe, a capitalised word), an abbreviated
#: title with its full stop, initials, an all-capitals word; or an Arabic particle joined
#: by a hyphen to a capitalised word ("al-Sisi", "el-Baradei", "bin-Salman").
_ARABIC = r"(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu)"
_CAP = (rf"(?:{UPPER}{LOWER}+(?:{UPPER}{LOWER}+)*(?:[-’']{UPPER}?{LOWER}+(?:{UPPER}{LOWER}+)*)*"
        + _TITLE_DOT + rf"|(?:[A-Z]\.){{2,}}(?=[ \t]+{UPPER})|{UPPER}{{2,}}(?!{LOWER})|{UPPER}\."
        rf"|{UPPER}[’']{UPPER}{LOWER}+(?:-{UPPER}{LOWER}+)*"
        rf"|{_ARABIC}-{UPPER}{LOWER}+)")
_PARTICLE_CAP = re.compile(rf"{_ARABIC}-{UPPER}")


def capitalised(word: str) -> bool:
    """Whether a word starts a name: a capital, or an Arabic particle joined to one.

    >>> [capitalised(w) for w in ("Sisi", "al-Sisi", "Émile", "also", "al")]
    [True, True, True, False, False]
    """
    return word[:1].isupper() or _PARTICLE_CAP.match(word) is not None


_PARTICLE = r"(?:de|da|do|dos|das|van|von|der|den|ten|bin|ibn|al|el|la|le|di|del|della|wa|ole)"
_NAME = rf"{_CAP}(?:[ \t]+(?:{_CAP}|{_PARTICLE}(?=[ \t]+{UPPER})))*"
_AFFIL = trie_pattern(AFFILIATION_DEMONYMS)  # (as the titles: a trie)
MENTION = re.compile(
    rf"(?<![\w.])(?={UPPER}|(?:former|then|acting)\s|{_ARABIC}-)"
    rf"(?:(?P<affil>{_AFFIL})[ \t]+(?={UPPER}))?"
    rf"(?:(?P<title>(?:(?:[Ff]ormer|[Tt]hen|[Aa]cting)[ \t]+)?"
    rf"(?:{_TITLE_RE})(?:[ \t]+(?:{_TITLE_RE}))*)[ \t]+)?(?P<name>{_NAME})"
    rf"(?:[ \t]+of[ \t]+(?P<of>{UPPER}{LOWER}+(?:[ \t]+(?:&[ \t]+)?{UPPER}{LOWER}+)?))?"
    rf"(?P<poss>[’']s)?"
)
