"""Speakers as entities: people, organisations, documents and unnamed officials.

:func:`find_entities` reads an article's narration once and builds a registry of the people and
organisations it names, with every mention's offsets:

* a **person** is a run of capitalised words introduced by a title (``President``, ``Secretary of
  State``, ``Mr.``, ``Ms.``, ``Dr.`` …) or made of two or more name words (``William Ruto``,
  ``Antony J. Blinken``); the canonical name is the fullest form seen (first, middle, last);
  titles are kept as ``role`` and a country or organisation stated next to the name as
  ``affiliation`` (``U.S. Secretary of State …`` → U.S.; ``President … of Kenya`` → Kenya);
* later mentions by surname, by title + surname or by honorific + surname (``Ruto``, ``President
  Ruto``, ``Mr. Ruto``, ``Secretary Blinken``) are merged into that person; when two people share
  a surname, the first name, title or honorific decides, else the nearest earlier mention;
* an **organisation** is a capitalised run containing an organisation word (``Amnesty
  International``, ``the Foreign Ministry``, ``State Department``);
* gender is known from honorifics (Mr./Ms./Mrs.), gendered role words (spokeswoman, chairman),
  and from the first pronoun that can only refer to that person.

:func:`resolve_speaker` turns the subject found next to a speech cue into a canonical speaker:
a name or alias → the person; a pronoun → the most recent compatible person (or, for *they*/*it*,
organisation) mentioned before it; a common-noun phrase (``a State Department spokesperson``,
``the forum``, ``the communiqué``) → that phrase as a speaker of its own kind; anything else →
``None`` (counted as unattributed, never guessed).

>>> from analysis.text import article_from_text
>>> art = article_from_text("President William Ruto of Kenya met Antony J. Blinken. "
...                         "Ruto spoke first.", "x")
>>> reg = find_entities(art)
>>> [(e.name, e.role, e.affiliation) for e in reg.people()]
[('William Ruto', 'President', 'Kenya'), ('Antony J. Blinken', None, None)]
>>> reg.resolve("Mr. Ruto", 60).name
'William Ruto'
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path

from analysis.speakers.names import (  # (the vocabulary and name patterns: names.py)
    _ARABIC,
    _PARTICLE,
    AFFILIATION_DEMONYMS,
    HONORIFIC_GENDER,
    LOWER,
    MENTION,
    NAME_INTERNAL_TITLES,
    NOT_NAME,
    NOT_PERSON_WORDS,
    ORG_ACRONYMS,
    ORG_WORDS,
    TITLE_WORDS,
    UPPER,
)

# re-exported: the quote stage imports these from analysis.speakers
from analysis.speakers.names import TITLES as TITLES
from analysis.speakers.names import capitalised as capitalised
from analysis.speakers.names import trie_pattern as trie_pattern
from analysis.text import Article
from analysis.text.words import DAY_AND_MONTH_NAMES
from analysis.topics import place_in

_START = attrgetter("start")  # (a mention's offset, as a sort key)
#: How many mentions back a pronoun or a shared surname looks for its person.
RECENT_MENTIONS = 60

@dataclass
class Entity:
    """A speaker candidate; ``kind`` is person, organization, group or document."""

    id: int
    name: str
    kind: str = "person"
    first: str | None = None
    last: str | None = None
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    entity: int
    start: int
    end: int
    text: str


_LOWER_FULL = re.compile(r"[a-z][a-z’'-]*")
#: "former", "then", "acting" before a title; an article before a phrase (compiled once).
_TITLE_PREFIX = re.compile(r"^(?:former|then|acting)\s+", re.I)
_ARTICLE_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)


class LowerWords:
    """The words a text writes in lower case, as a membership test: ``w in LowerWords(text)``
    is ``w in set(_LOWER_WORD.findall(text))`` (a whole run of word characters, ’ ' and -
    that is ``[a-z][a-z’'-]*``), found with ``str.find`` for the few words asked about
    instead of tokenising the whole text. Answers are cached. The searches read at most
    :data:`LOWER_WORDS_SCANS` times the text; past that the text is tokenised once (the
    whole-text set), so hostile text with thousands of distinct names stays linear.

    >>> lw = LowerWords("The farmers' union, not Farmers Ltd, spoke; re-election-day x2")
    >>> [w in lw for w in ("farmers'", "union", "the", "ltd", "re-election-day", "x")]
    [True, True, False, False, True, False]
    """

    __slots__ = ("text", "_seen", "_scanned", "_all")

    def __init__(self, text: str):
        self.text = text
        self._seen: dict[str, bool] = {}
        self._scanned = 0  # characters read by the searches so far
        self._all: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._seen.get(word)
        if known is None:
            if not _LOWER_FULL.fullmatch(word):
                known = False
            elif self._all is not None:
                known = word in self._all
            elif self._scanned > LOWER_WORDS_SCANS * len(self.text):
                self._all = set(_LOWER_WORD.findall(self.text))
                known = word in self._all
            else:
                known = self._occurs(word)
            self._seen[word] = known
        return known

    def _occurs(self, word: str) -> bool:
        text, n = self.text, len(word)
        budget = LOWER_WORDS_SCANS * len(text)
        i = text.find(word)
        while i >= 0:
            if (i == 0 or not _word_char(text[i - 1])) and \
                    (i + n == len(text) or not _word_char(text[i + n])):
                self._scanned += i + n
                return True
            # an occurrence inside a longer word costs a Python step: charged to the budget,
            # so hostile text ("abab…" as one huge word) cannot make the look-ups quadratic
            self._scanned += FALSE_HIT_COST
            if self._scanned > budget:
                self._all = set(_LOWER_WORD.findall(text))
                return word in self._all
            i = text.find(word, i + 1)
        self._scanned += len(text)
        return False


#: How many times its text :class:`LowerWords` may read with ``str.find`` before it
#: tokenises the text once instead (the answers are the same either way; 64 rather than 16
#: halved the time spent in these look-ups on PolNeAR train, 0.19 -> 0.11 ms per article:
#: an absent word costs one fast ``find``, the tokenisation about 0.14 ms).
LOWER_WORDS_SCANS = 64
#: Characters' worth of the budget one occurrence inside a longer word costs (one Python step
#: of :meth:`LowerWords._occurs`): at most ``64 * len(text) / 256`` such steps per text.
FALSE_HIT_COST = 256


def _word_char(c: str) -> bool:
    """A character of ``[\\w’'-]`` (``\\w`` as Python's ``re`` reads it in a str pattern)."""
    return c.isalnum() or c in "_’'-"


@dataclass
class Registry:
    """Entities of one article and their mentions (ordered by offset)."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    article: Article | None = field(default=None, repr=False)
    _common: LowerWords | None = field(default=None, repr=False)
    _by_last: dict[str, list[Entity]] = field(default_factory=dict, repr=False)
    _by_org: dict[str, Entity] = field(default_factory=dict, repr=False)

    def common_words(self) -> LowerWords:
        """Words the article also writes in lower case: common words, not names (asked
        word by word, see :class:`LowerWords`)."""
        if self._common is None:
            self._common = LowerWords(self.article.text if self.article is not None else "")
        return self._common

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    def add(self, entity: Entity) -> Entity:
        entity.id = len(self.entities)
        self.entities.append(entity)
        if entity.kind == "person" and entity.last:
            self._by_last.setdefault(entity.last, []).append(entity)
        elif entity.kind != "person":
            self._by_org.setdefault(_org_key(entity.name), entity)
            for alias in entity.aliases:
                self._by_org.setdefault(alias, entity)
        return entity

    def add_alias(self, entity: Entity, alias: str) -> None:
        """Another name an organisation goes by (found by :meth:`resolve` from then on)."""
        entity.aliases.add(alias)
        if entity.kind != "person":
            self._by_org.setdefault(alias, entity)

    def with_role(self, role_word: str) -> list[Entity]:
        """People whose role contains ``role_word`` (lower case), e.g. "governor"."""
        return [e for e in self.entities if e.kind == "person" and e.role
                and role_word in e.role.lower().replace("-", " ").split()]

    def by_last(self, last: str) -> list[Entity]:
        """People whose surname is ``last``, in order of first mention."""
        return list(self._by_last.get(last, ()))

    def recent(self, pos: int, limit: int = RECENT_MENTIONS):
        """Mentions that start before ``pos``, the nearest first, at most ``limit`` of them
        (antecedents are looked for nearby; this keeps long texts linear)."""
        i = bisect_left(self.mentions, pos, key=_START)
        for k in range(i - 1, max(i - 1 - limit, -1), -1):
            yield self.mentions[k]

    def first_between(self, start: int, end: int) -> Mention | None:
        """The first person or organisation mention inside [start, end)."""
        i = bisect_left(self.mentions, start, key=_START)
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.entities[self.mentions[i].entity].kind in ("person", "organization"):
                return self.mentions[i]
            i += 1
        return None

    def add_mention(self, mention: Mention) -> None:
        """Insert a mention keeping the list ordered by start."""
        insort(self.mentions, mention, key=_START)

    def resolve(self, phrase: str, pos: int) -> Entity | None:
        """The entity a name-like phrase at ``pos`` refers to, or None (see module docstring)."""
        found = _phrase_words(phrase.strip())
        if found is None:
            return self._by_org_name(phrase)
        words, title = found
        keep = surname_after_first(words) or (
            len(words) == 1 and words[0] in SURNAME_WORDS and bool(self._by_last.get(words[0])))
        shape = _phrase_shape(words, title, keep)
        if shape is None:
            return self._by_org_name(phrase)
        title, n_words, first, last = shape
        candidates = self.by_last(last)
        if first:
            exact = [e for e in candidates if e.first in (None, first)]
            candidates = exact or []
        if not candidates and n_words == 1:  # a first name alone: "Amina said"
            candidates = [e for e in self.people() if e.first == last]
        if title and len(candidates) > 1:
            gender = HONORIFIC_GENDER.get(title.split()[-1])
            titled = [e for e in candidates
                      if (gender and e.gender == gender) or
                      (e.role and title.split()[-1].lower() in e.role.lower().split())]
            candidates = titled or candidates
        if len(candidates) > 1:  # nearest earlier mention wins
            ids = {e.id for e in candidates}
            nearest, kin = None, None
            for mm in self.recent(pos):
                if mm.entity not in ids:
                    continue
                if self._kin_mention(mm):
                    # "Pat Moe, mother of Tom Moe, spoke. … Moe said": a mention naming
                    # someone as another's relative is the referent only when no other
                    # mention of a candidate is near
                    kin = kin or mm
                    continue
                nearest = mm
                break
            nearest = nearest or kin
            if nearest is not None:
                return self.entities[nearest.entity]
        if candidates:
            return candidates[0]
        return self._by_org_name(phrase)

    def _kin_mention(self, m: Mention) -> bool:
        """Whether mention ``m`` names someone as another's relative ("mother of [Tom
        Moe]", "the son of Lake mayor [Tom Moe]"): read in the 40 characters before it."""
        if self.article is None:
            return False
        return _KIN_OF.search(self.article.text, max(0, m.start - 40), m.start) is not None

    def _by_org_name(self, phrase: str) -> Entity | None:
        return self._by_org.get(_org_key(phrase))  # an index: no scan of every entity


#: A relative's noun and "of" right before a name, up to three words between ("mother of
#: Tom Moe", "widow of the late Tom Moe"). Only an elder's or a spouse's noun: after "son of"
#: or "daughter of" the one named is the parent, as likely to speak as any ("Tom Moe, the
#: son of Pat Moe, was killed. “…,” Moe said": Pat Moe).
_KIN_OF = re.compile(r"\b(?:mother|father|wife|husband|widow|widower|grandmother|"
                     r"grandfather|parents?)\s+of\s+(?:[\w’'.-]+\s+){0,3}$")


@lru_cache(maxsize=4096)  # (functions of the phrase alone; an article repeats its speakers)
def _phrase_words(phrase: str) -> tuple[tuple[str, ...], str | None] | None:
    """The name's words and the title of a phrase that is one mention, else None."""
    m = MENTION.fullmatch(phrase)
    return None if m is None else (tuple(m.group("name").split()), m.group("title"))


@lru_cache(maxsize=4096)
def _phrase_shape(words: tuple[str, ...], title: str | None, keep: bool):
    """(title, number of words, first, last) of a name resolved by :meth:`Registry.resolve`:
    sentence words dropped unless ``keep``, title words moved into the title, an owner
    before the name dropped; None when no word is left."""
    kept = list(words) if keep else [w for w in words if w not in NOT_NAME or w.endswith(".")]
    title, kept = split_role(title, kept)
    kept = owner_split(kept)[1]
    if not kept:
        return None
    first, last, _ = _name_parts(kept)
    return title, len(kept), first, last


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Common first names and the gender they usually indicate (a hint for he/she only;
    honorifics and the article's own pronouns override it): ``resources/first_names.csv``,
    then the everyday short forms and given names of ``first_name_short_forms.csv`` ("Tom",
    "Liz"; a name in both takes the second file's gender).

    >>> first_names()["Grace"], first_names()["Peter"], first_names()["Tom"]
    ('f', 'm', 'm')
    """
    resources = Path(__file__).parents[1] / "resources"
    return {**_name_genders(resources / "first_names.csv"),
            **_name_genders(resources / "first_name_short_forms.csv")}


def _name_genders(path: Path) -> dict[str, str]:
    """The ``name,gender`` rows of a CSV file after its header line; lines opening with
    ``#`` are comments."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return dict(ln.split(",") for ln in lines[1:])


#: Prepositions whose capitalised object is a place or an institution ("in Boston", "at
#: Lakeside"), not a person ("to", "with", "of", "including" take a person and a role
#: word no list holds: "spoke to Sheriff Ann Lapp").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "from", "across",
                                "around", "throughout", "on"})
#: A place's first and last words around a given name ("Saint Louis Park", "Port Elizabeth").
_PLACE_FIRST = {"Saint", "St.", "San", "Santa", "Port", "Fort", "Ft.", "Mount", "Mt.", "Lake",
                "Cape", "Glen", "Point"}
_PLACE_LAST = {"Street", "Road", "Avenue", "Square", "Boulevard", "Park", "City", "County",
               "Bridge", "Station", "Hall", "Centre", "Center", "Hospital", "School",
               "College", "University", "Airport", "Stadium", "Church", "Island", "Beach",
               "Heights", "Falls", "Springs", "Valley", "Hills", "Lake", "River"}


#: Given names that open a double given name ("Ann Marie", "Mary Beth", "John Paul"); a
#: place's last word that is a given name ("Morgan Stanley", "West Virginia") is none of them.
_DOUBLE_NAME_FIRST = {"Ann", "Anne", "Anna", "Mary", "Jo", "Sarah", "Sara", "Lisa", "Jean",
                      "Rose", "Marie", "John", "Billy", "Bobby", "Jimmy"}


def name_after_place(preposition: str, words) -> int:
    """Where a person's name starts in a run of capitalised ``words`` written right after
    ``preposition`` ("in Boston Tom Reed", "at Lakeside Ann Moe"): the preposition's object (a
    place, an institution) ends at an honorific, else at the last known first name with a
    surname after it (a place may hold a given name: "Morgan Stanley"), or at the given name
    before it when the two are of one gender (a double given name: "Ann Marie"); 0 when the
    run is kept whole: after no such preposition, when it opens with a title or an honorific
    ("at State Tom Reed"), holds a title before the name ("in New York
    Mayor Tom Reed", "of Labor Secretary Tom Reed": the role is read with the name), ends in a
    place's word or the given name follows a place's first word ("in Saint Louis Park", "at
    Port Elizabeth Hall"), or no given name follows the run's first word with a surname after
    it. Each word is read once (linear).

    >>> [name_after_place(p, w.split()) for p, w in [("in", "Boston Tom Reed"),
    ...     ("in", "Tom Reed"), ("in", "Saint Louis Park"), ("to", "Sheriff Tom Reed"),
    ...     ("at", "Morgan Stanley Ann Moe"), ("with", "J. Christopher Stevens"),
    ...     ("from", "Mary Ann Moe"), ("from", "Lakeside Ann Marie Moe"),
    ...     ("at", "Morgan Stanley Tom Reed"), ("in", "West Virginia Ann Moe")]]
    [1, 0, 0, 0, 2, 0, 0, 1, 2, 2]
    """
    n = len(words)
    if n < 3 or preposition.lower() not in PLACE_PREPOSITIONS or words[0] in TITLE_WORDS or \
            words[0] in HONORIFIC_GENDER or words[-1] in _PLACE_LAST:
        return 0
    names = first_names()
    if words[0] in names:
        return 0  # "from Mary Ann Moe": a run that opens with a given name is one name
    cut = 0
    for i in range(1, n - 1):
        w = words[i]
        if w in TITLE_WORDS:
            return 0
        if w in HONORIFIC_GENDER:
            return i
        if w in names and words[i - 1] not in _PLACE_FIRST:
            cut = i  # (the last given name: "at Morgan Stanley Ann Moe" → "Ann Moe")
    if cut > 1 and words[cut - 1] in _DOUBLE_NAME_FIRST and \
            names.get(words[cut - 1]) == names[words[cut]] and words[cut - 2] not in _PLACE_FIRST:
        cut -= 1  # "from Lakeside Ann Marie Moe": a double given name opens the name; only
        # after a given name that opens such pairs, as a place's last word may be a given
        # name of either gender ("at Morgan Stanley Tom Reed", "in West Virginia Ann Moe")
    while cut > 0 and len(words[cut - 1]) == 2 and words[cut - 1][1] == "." and \
            words[cut - 1][0].isupper():
        cut -= 1  # "with J. Christopher Stevens": an initial opens the name
    return cut


def split_role(title: str | None, words: list[str]) -> tuple[str | None, list[str]]:
    """Move title words found inside a capitalised run into the role.

    Honorifics that are also part of names ("Hassan Sheikh Mohamud") only count at the start.

    >>> split_role(None, ["Health", "Cabinet", "Secretary", "Susan", "Nakhumicha"])
    ('Health Cabinet Secretary', ['Susan', 'Nakhumicha'])
    >>> split_role(None, ["Hassan", "Sheikh", "Mohamud"])
    (None, ['Hassan', 'Sheikh', 'Mohamud'])
    """
    cut = -1
    for k in range(len(words) - 2, -1, -1):  # the last title word before the last word
        w = words[k]
        if (w in TITLE_WORDS and not (k > 0 and w in NAME_INTERNAL_TITLES)) or (
                w in _PARTY_MEMBERS and k < len(words) - 2 and
                (k > 0 or words[k + 1] in first_names())):
            cut = k
            break
    if cut >= 0:
        extra = " ".join(words[:cut + 1])
        title = f"{title} {extra}" if title else extra
        words = words[cut + 1:]
    return title, words


#: A party member written before a name inside a longer run ("Senate Ranking Democrat Ann
#: Moe", "Republican Tom Reed"): the run up to it is the role, the two or more words after it
#: the name (first in the run only before a known first name: "Republican National Committee").
_PARTY_MEMBERS = {"Democrat", "Republican"}


def _org_key(phrase: str) -> str:
    return _ARTICLE_PREFIX.sub("", phrase.strip()).lower()


def _name_parts(words: list[str]) -> tuple[str | None, str, str]:
    """(first, last, full) of a name's words; "Antony J. Blinken" → Antony, Blinken."""
    words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]  # Moss's → Moss
    last = words[-1]
    first = words[0] if len(words) > 1 else None
    return first, last, " ".join(words)


def _is_org(words: list[str]) -> bool:
    return not _ORG_WORDS_OR_ACRONYMS.isdisjoint(words)


_ORG_WORDS_OR_ACRONYMS = frozenset(ORG_WORDS | ORG_ACRONYMS)


def find_entities(article: Article, exclude: list[tuple[int, int]] | None = None) -> Registry:
    """Scan the article's paragraphs (outside the ``exclude`` spans, e.g. quotes) for people and
    organisations; return the :class:`Registry` with every mention in text order.

    Gendered pronouns in the narration (he/him/his, she/her) teach the gender of the person
    mentioned just before them, when that person's gender is still unknown; a bare surname
    followed by a pronoun of the other gender is moved to the namesake it fits.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Ms. Amina Odhiambo of Amnesty International spoke.", "x")
    >>> reg = find_entities(art)
    >>> [(e.name, e.kind, e.gender) for e in reg.entities]
    [('Amina Odhiambo', 'person', 'f'), ('Amnesty International', 'organization', None)]
    """
    reg = Registry()
    exclude = sorted(exclude or [])
    text = article.text
    reg.article = article
    # The text is read once by two patterns that skip to their first character in C (where a
    # name can start, :data:`_NAME_START`; a gendered pronoun, :data:`_GENDERED`), instead of
    # :data:`MENTION` tried at every offset of every stretch of narration: :data:`MENTION` is
    # then matched only where a name can start. The same mentions and pronouns in the same
    # order as the stretch-by-stretch scan (:func:`_scan_segment`, used for a
    # stretch whose ends cut a word, where the two could differ; test).
    starts = _name_starts(text)
    pronouns = [(m.start(), 1, m) for m in _GENDERED.finditer(text)]
    n_starts, n_pronouns = len(starts), len(pronouns)
    i = j = 0
    match, lone = MENTION.match, _LONE_WORD.match
    for block in article.paragraphs:
        b_start = block.start
        for seg_start, seg_end in _segments(b_start, block.end, exclude):
            while i < n_starts and starts[i] < seg_start:
                i += 1
            while j < n_pronouns and pronouns[j][0] < seg_start:
                j += 1
            if _cuts_word(text, seg_start) or _cuts_word(text, seg_end):
                _scan_segment(reg, text, seg_start, seg_end, b_start)
                continue
            j0 = j
            while j < n_pronouns and pronouns[j][0] < seg_end:
                j += 1
            if j == j0:  # (names only: in text order as found, nothing to interleave)
                last = seg_start
                while i < n_starts and starts[i] < seg_end:
                    p = starts[i]
                    i += 1
                    if p >= last:
                        m = lone(text, p, seg_end)
                        if m is not None:
                            last = m.end()
                            if not _names_no_one(reg, m.group()):  # (_register's first test)
                                _register(reg, text, m)
                            continue
                        m = match(text, p, seg_end)
                        if m is not None:
                            _register(reg, text, m)
                            last = m.end()
                continue
            events = []
            last = seg_start
            while i < n_starts and starts[i] < seg_end:
                p = starts[i]
                i += 1
                if p >= last:
                    m = lone(text, p, seg_end) or match(text, p, seg_end)
                    if m is not None:
                        events.append((p, 0, m))
                        last = m.end()
            events += pronouns[j0:j]
            _play(reg, text, events, b_start)
    return reg


def _play(reg: Registry, text: str, events: list, paragraph_start: int) -> None:
    """Registers names (kind 0) and learns genders from pronouns (kind 1) in text order."""
    events.sort(key=_BY_OFFSET_THEN_KIND)
    for start, kind, m in events:
        if kind == 0:
            _register(reg, text, m)
        else:
            _learn_gender(reg, m.group().lower(), start, paragraph_start)


def _cuts_word(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a run of word characters (a stretch cut mid-word).

    >>> [_cuts_word("ab cd", k) for k in range(6)]
    [False, True, False, False, True, False]
    """
    return pos > 0 and _TWO_WORD_CHARS.match(text, pos - 1) is not None


_TWO_WORD_CHARS = re.compile(r"\w\w")


def _scan_segment(reg: Registry, text: str, seg_start: int, seg_end: int,
                  paragraph_start: int) -> None:
    """Names and pronouns of one stretch of narration, each pattern tried at every offset."""
    pronouns = [(m.start(), 1, m) for m in _GENDERED.finditer(text, seg_start, seg_end)]
    if not pronouns:
        for m in MENTION.finditer(text, seg_start, seg_end):
            _register(reg, text, m)
        return
    events = [(m.start(), 0, m) for m in MENTION.finditer(text, seg_start, seg_end)]
    events += pronouns
    _play(reg, text, events, paragraph_start)


#: Where :data:`MENTION` can start: a capital not after a word character or a full stop (its
#: look-behind), written to start with the character class so that ``re`` skips to the next
#: capital in C. (Starts in lower case, "former"/"then"/"acting" and "al-", are found by
#: :data:`_LOWER_STARTS`.)
_NAME_START = re.compile(rf"{UPPER}(?<![\w.].)", re.S)
#: Lower-case words that can go on a :data:`MENTION` after a capitalised word: "of" (a place or
#: an organisation after a title or a name), the particles of names ("van", "bin") and the
#: Arabic particles joined by a hyphen ("al-").
_NAME_GOES_ON = sorted({"of", *_PARTICLE[3:-1].split("|"), *_ARABIC[3:-1].split("|")},
                       key=len, reverse=True)
#: A capitalised word that is all of its :data:`MENTION` ("The", "Exports", "Odhiambo" before
#: "said"): one capital and lower-case letters, then a comma, or blanks and a lower-case word
#: that does not go on the name (not one of :data:`_NAME_GOES_ON` before a capital or a
#: hyphen: "Moe at the", not "Ann van Dijk", "Sisi of Egypt"). :data:`MENTION` matches
#: exactly that word there, as its name, with no title, affiliation, "of" place or
#: possessive (its other parts need a capital, a full stop, a hyphen or an apostrophe after
#: the word; test); this pattern has the same groups and look-behind and is about four times
#: cheaper to try.
#: 85 % of the places a name can start in synthetic articles, 58 % in PolNeAR train+dev.
_LONE_WORD = re.compile(
    rf"(?<![\w.])(?:(?P<affil>)(?P<title>)(?P<of>)(?P<poss>)(?!))?(?P<name>{UPPER}{LOWER}+)"
    rf"(?=[ \t]+(?!(?:{'|'.join(_NAME_GOES_ON)})(?:[ \t]+{UPPER}|-))[a-z]|,)")
#: The lower-case words that can open a :data:`MENTION` (its look-ahead), each pattern with a
#: literal first character: "former ", "then ", "acting ", and the hyphen after an Arabic
#: particle ("al-", "bin-").
_LOWER_STARTS = (re.compile(r"former\s"), re.compile(r"then\s"), re.compile(r"acting\s"))
_PARTICLE_HYPHENS = tuple(  # (the hyphen after a two-letter particle, after a three-letter one)
    (n, re.compile(rf"-(?<=(?:{'|'.join(p for p in _ARABIC[3:-1].split('|') if len(p) == n)})-)"))
    for n in (2, 3))


def _name_starts(text: str) -> list[int]:
    """Offsets where :data:`MENTION` can start in ``text``, in order: a superset (the pattern
    is tried at each; it can start nowhere else).

    >>> _name_starts("Then the former envoy, al-Sisi and Ann.")
    [0, 9, 23, 26, 35]
    """
    starts = [m.start() for m in _NAME_START.finditer(text)]
    extra = [m.start() for pat in _LOWER_STARTS for m in pat.finditer(text)]
    for n, pat in _PARTICLE_HYPHENS:  # (the particle's first letter)
        extra += [m.start() - n for m in pat.finditer(text)]
    if extra:
        starts = sorted(set(starts).union(extra))
    return starts


_BY_OFFSET_THEN_KIND = itemgetter(0, 1)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])")
#: ``\b(?:[Hh](?:e|im|is|er|imself|erself)|[Ss]he)\b`` written to start with one character
#: class (the word boundary before it as a look-behind), so that ``re`` skips to the next
#: h or s instead of trying the pattern at every offset (the same matches, about twice as
#: fast; test).
_GENDERED = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|im|is|er|imself|erself)|(?<=[Ss])he)\b")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                   "herself": "f"}


def _learn_gender(reg: Registry, pronoun: str, pos: int, paragraph_start: int) -> None:
    gender = _PRONOUN_GENDER[pronoun]
    person = []  # the last three person mentions before the pronoun, latest last
    mentions, entities = reg.mentions, reg.entities
    i = bisect_left(mentions, pos, key=_START)  # (reg.recent(pos), without the generator)
    for k in range(i - 1, max(i - 1 - RECENT_MENTIONS, -1), -1):  # nearby mentions only:
        m = mentions[k]  # linear on long texts
        if m.end <= pos and entities[m.entity].kind == "person":
            person.insert(0, m)
            if len(person) == 3:
                break
    if not person:
        return
    last = person[-1]
    ent = reg.entities[last.entity]
    if ent.gender == gender:
        return
    if pronoun == "him" and reg.article is not None and \
            _VERB_GAP.fullmatch(reg.article.text, last.end, pos):
        return  # "Ann Moe scolded him": the object of her verb is someone else
    if ent.gender is None:
        if last.start >= paragraph_start or len({m.entity for m in person[-3:]}) == 1:
            ent.gender = gender
        return
    # a bare surname whose gender does not fit the pronoun: its namesake of that gender
    namesakes = [e for e in reg.by_last(ent.last or "") if e.gender == gender]
    if last.text == ent.last and len(namesakes) == 1:
        idx = bisect_left(reg.mentions, last.start, key=_START)
        while reg.mentions[idx] != last:
            idx += 1
        reg.mentions[idx] = Mention(namesakes[0].id, last.start, last.end, last.text)


#: The gap between a person's name and an object pronoun that is the object of that person's
#: verb: one lower-case word ("Moe scolded him"), no comma or clause between, at most a short
#: bracket after the name ("Ann Moe (D-Ore.) scolded him").
_VERB_GAP = re.compile(r"[ \t]+(?:\([^()\n]{1,30}\)[ \t]+)?[a-z]{2,20}[ \t]+")


def _segments(start: int, end: int, exclude: list[tuple[int, int]]):
    pos = start
    # the spans are sorted by start: read from the one before ``start`` until one starts at
    # or after ``end`` (no copy of the list's tail: linear over the article's paragraphs)
    for i in range(max(bisect_left(exclude, (start, start)) - 1, 0), len(exclude)):
        s, e = exclude[i]
        if s >= end:
            break
        if e <= pos:
            continue
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < end:
        yield pos, end


_OPENERS = NOT_NAME - {"Secretary", "State"}
_PLACE_WORDS = {"Democratic", "Republic", "United", "States", "Kingdom", "North", "South",
                "East", "West", "Central", "Africa", "African", "Europe", "Asia", "America",
                "Middle", "Gulf", "Sea", "Ocean", "River", "Lake", "Mount", "City", "County",
                "Province", "Region", "Valley", "Street", "Road", "Avenue", "Square", "Island",
                "Islands", "Coast", "Great", "Lakes", "Horn", "New"}


_PLACE_OR_DEMONYM = _PLACE_WORDS | set(AFFILIATION_DEMONYMS)
_TITLE_OR_PLACE_WORDS = frozenset(TITLE_WORDS | _PLACE_WORDS)
#: Words read as places, months or function words elsewhere that are also surnames: right
#: after a known first name, as the second of two words, they are the surname ("Dan
#: West", "Jim From", "Ann May"), not a direction or a date after the name.
SURNAME_WORDS = {"North", "South", "East", "West", "From", "May", "March", "June", "April",
                 "August"}


def surname_after_first(words) -> bool:
    """Whether a two-word name is a known first name and a word of :data:`SURNAME_WORDS`.

    >>> surname_after_first(["Dan", "West"]), surname_after_first(["Virginia", "West"])
    (True, False)
    """
    return len(words) == 2 and words[1] in SURNAME_WORDS and words[0] in first_names() and \
        words[0] not in NOT_NAME and words[0] not in _PLACE_OR_DEMONYM and \
        words[0] not in _PLACE_FIRST_NAMES


#: First names that also name places ("West Virginia", "South Carolina", "North Dakota").
_PLACE_FIRST_NAMES = {"Virginia", "Georgia", "Carolina", "Dakota", "Indiana", "Nevada",
                      "Austin", "Charlotte", "Madison", "Jackson", "Florence", "Sydney",
                      "Chelsea", "Paris", "Jordan", "Houston", "Dallas", "Africa", "America"}


@lru_cache(maxsize=4096)
def _name_shape(title: str | None, name: str, of_part: str | None):
    """What a matched name is, from its words alone (cached: an article repeats its names):
    None (no one), or (kind, whether the first word was kept, offset of the first kept word
    in ``name``, title, words, place affiliation, first, last, full name)."""
    words = name.split()
    offsets = []
    pos = 0
    for w in words:
        pos = name.index(w, pos)
        offsets.append(pos)
        pos += len(w)
    # drop sentence openers ("In", "The", "However") before the name
    i = 0
    while i < len(words) and words[i] in _OPENERS and words[i] not in _PLACE_WORDS and not (
            title and words[i].endswith(".")) and words[i] not in TITLE_WORDS:
        i += 1
    words, offsets = words[i:], offsets[i:]
    if not words:
        return None
    if all(w.isupper() and len(w) > 1 for w in words) and not any(w in ORG_ACRONYMS for w in words):
        return None  # a dateline ("ADDIS ABABA —") or a shouted word, not a name
    title, words = split_role(title, words)
    owner, kept = owner_split(words)
    if owner is not None:
        offsets = offsets[len(offsets) - len(words) + len(words) - len(kept):]
        words = kept
        i += 1  # the first word is not kept
    if _is_org(words) or (of_part and _is_org([words[-1]])):
        return "organization", i == 0, offsets[0], title, tuple(words), None, None, None, None
    place_affiliation = owner
    while words and (words[0] in _PLACE_OR_DEMONYM or (
            len(words) > 1 and words[0].endswith(("’s", "'s")) and place_in(words[0]))):
        if words[0].endswith(("’s", "'s")):  # "Ethiopia's Gudaf Tsegay"
            place_affiliation = place_in(words[0])
        words = words[1:]
    surname = surname_after_first(words)
    while words and words[-1] in NOT_NAME and not words[-1].endswith(".") and not surname:
        words = words[:-1]
    if not words or _TITLE_OR_PLACE_WORDS.issuperset(words):
        return None
    if not NOT_PERSON_WORDS.isdisjoint(words) or (not surname and
                                                  not _PLACE_WORDS.isdisjoint(words)):
        return None
    first, last, full = _name_parts(words)
    return ("person", i == 0, offsets[0], title, tuple(words), place_affiliation, first, last,
            full)


def owner_split(words: list[str]) -> tuple[str | None, list[str]]:
    """An owner before a person's name ("The Lake Post’s Ann Moe"): the owner (an outlet or
    an organisation, kept as the affiliation) and the name's words.

    >>> owner_split(["Lake", "Post’s", "Ann", "Moe"])
    ('Lake Post', ['Ann', 'Moe'])
    >>> owner_split(["Ann", "Moe"])
    (None, ['Ann', 'Moe'])
    """
    for p in range(len(words) - 3, -1, -1):  # (a plain loop: called for every name)
        if words[p][-2:] in ("’s", "'s") and words[p + 1] in first_names():
            return " ".join([*words[:p], words[p][:-2]]), list(words[p + 1:])
    return None, words


#: The most words a person's or an organisation's name has ("Council on American-Islamic
#: Relations National Executive Director Nihad Awad" has 8 capitalised ones): a longer run of
#: capitalised words is a headline, a title or repeated text, no name.
MAX_NAME_WORDS = 8


def _names_no_one(reg: Registry, w: str) -> bool:
    """Whether a capitalised word standing alone as a mention names no one: a sentence word
    ("The"; "West" alone is Cornel West's mention once he is known), or a word that is no
    one's surname, no organisation word and no known first name ("Exports").

    >>> reg = Registry()
    >>> [_names_no_one(reg, w) for w in ("The", "Exports", "Parliament", "Grace")]
    [True, True, False, False]
    """
    if w in NOT_NAME and (w not in SURNAME_WORDS or w in DAY_AND_MONTH_NAMES or
                          not reg._by_last.get(w)):
        return True
    return not reg._by_last.get(w.removesuffix("’s").removesuffix("'s")) and \
        w not in ORG_WORDS and w not in ORG_ACRONYMS and w not in first_names()


def _register(reg: Registry, text: str, m: re.Match) -> None:
    title, name, affil, of_part = m.group("title", "name", "affil", "of")
    if name.count(" ") + name.count("\t") >= MAX_NAME_WORDS:  # (a blank between each two)
        return  # "Mayor Says Bridge Will Reopen Before Winter Floods Come": a headline
    lone_first_name = False
    if not title and not affil and not of_part and " " not in name and "\t" not in name:
        # (one word: a name's words are split by blanks and tabs only)
        w = name
        if _names_no_one(reg, w):
            return
        if not reg._by_last.get(w.removesuffix("’s").removesuffix("'s")) and \
                w not in ORG_WORDS and w not in ORG_ACRONYMS:
            # (a known first name, else _names_no_one)
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            # "…, Peter, was": a first name, and not a sentence's first word
            lone_first_name = bool(before) and (before[-1] in ",;(—–" or before[-1].islower())
            if not lone_first_name:
                return
    skip = 0
    if not title and not affil:
        skip = _place_before_name(text, m.start("name"), name)
        name = name[skip:]
    shape = _name_shape(title, name, of_part)
    if shape is None:
        return
    kind, lead_kept, rel, title, words, place_affiliation, first, last, full = shape
    name_start = m.start("name") + skip
    end = m.end("name")
    if kind == "organization":
        org_start = m.start() if affil and lead_kept else name_start + rel
        org_end = m.end("of") if of_part else end
        name = text[org_start:org_end]
        ent = reg._by_org_name(name) or reg.add(Entity(0, name, kind="organization"))
        reg.mentions.append(Mention(ent.id, org_start, org_end, name))
        return
    start = m.start() if (m.group("title") or affil) and lead_kept \
        else name_start + rel
    existing = reg.by_last(last)
    if first:
        existing = [e for e in existing if e.first in (None, first)]
    honor_gender = None
    if title:
        honor_gender = HONORIFIC_GENDER.get(_TITLE_PREFIX.sub("", title).split()[-1])
        if honor_gender and len(existing) > 1:
            existing = [e for e in existing if e.gender in (None, honor_gender)] or existing
        elif len(existing) > 1:  # "Governor Kamau": the namesake who holds that role
            role_word = title.split()[-1].rstrip(".").lower()
            existing = [e for e in existing if e.role and role_word in
                        e.role.lower().replace(".", "").split()] or existing
    if not (title or len(words) >= 2 or existing or lone_first_name):
        return
    if not title and not existing and \
            _common_count(reg.common_words(), words) * 2 >= len(words) and not (
            len(words) == 2 and words[0] in first_names() and
            words[0].lower() not in reg.common_words()):
        # "Multinational Security Support": words the article uses in lower case; but a
        # known first name the article never writes in lower case opens a person's name
        # whose surname is a common word ("Ben Price", "Jon Green", "Ann Rich")
        return
    if existing:
        ent = _pick_nearest(reg, existing, m.start())
        if first and ent.first is None:
            ent.first, ent.name = first, full
            if ent.gender is None:  # "Moe said …" before "Ann Moe": her first name's hint
                ent.gender = first_names().get(first)
    else:
        gender = first_names().get(first or (last if lone_first_name else ""))
        if gender is None and len(words) >= 3:
            # "Sheriff Joe Arpaio", "Pastor Ann Moe": a role word the titles do not list
            # before a known first name; the first name still gives the gender hint
            gender = next((first_names()[w] for w in words[1:-1] if w in first_names()), None)
        ent = reg.add(Entity(0, full, first=first, last=last, gender=gender))
    if title:
        base = _TITLE_PREFIX.sub("", title)
        if honor_gender and ent.gender is None:
            ent.gender = honor_gender
        if base not in ("Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr") and \
                ent.role is None:
            ent.role = base
    affil = affil or of_part
    if affil and ent.affiliation is None:
        ent.affiliation = AFFILIATION_DEMONYMS.get(affil) or _place_of(affil) or affil
    if title and ent.affiliation is None:  # "Haiti's Prime Minister", "Kenyan envoy"
        ent.affiliation = _place_of(title)
    if ent.affiliation is None:
        ent.affiliation = place_affiliation
    reg.mentions.append(Mention(ent.id, start, end, text[start:end]))
    if ent.role is None:  # "Amina Odhiambo, the minister of health, …": the appositive's role
        # (the appositive's pattern opens with a comma: looked for only after one)
        app = (text.startswith(",", m.end()) and _APPOSITIVE_ROLE.match(text, m.end())) or (
            _ROLE_BEFORE.search(text, max(0, start - 60), start)
            if _comma_space_before(text, start) else None)
        # "The governor, Patrick Njoroge, …"
        if app is not None:
            ent.role = app.group(1)
    if of_part and _is_org(of_part.split()):  # "… of Amnesty International": the org too
        org = reg._by_org_name(of_part) or reg.add(Entity(0, of_part, kind="organization"))
        reg.mentions.append(Mention(org.id, m.start("of"), m.end("of"), of_part))


#: The word right before a name, after one blank ("in " before "Boston Tom Reed").
_WORD_BEFORE = re.compile(r"([A-Za-z]{2,10})[ \t]$")


def _place_before_name(text: str, start: int, name: str) -> int:
    """How many characters of ``name`` (matched at ``start``) are a place after a
    preposition, not the person ("in Boston Tom Reed" → len("Boston ")); 0 for none
    (:func:`name_after_place`). Read only for a name of three words or more."""
    words = name.split()
    if len(words) < 3 or len(words) > 8:
        return 0
    if words[0].lower() in PLACE_PREPOSITIONS:  # "In Boston Tom Reed": a sentence's opener
        k = name_after_place(words[0], words[1:])
        k = k + 1 if k else 0
    else:
        m = _WORD_BEFORE.search(text, max(0, start - 11), start)
        if m is None or m.end() != start:
            return 0
        k = name_after_place(m.group(1), words)
    if k == 0:
        return 0
    pos = 0
    for w in words[:k]:
        pos = name.index(w, pos) + len(w)
    return name.index(words[k], pos)


#: :func:`~analysis.topics.place_in` of a title or a stated affiliation, remembered for the
#: most recent few thousand (an article repeats its titles: "President", "Sen.").
_place_of = lru_cache(maxsize=4096)(place_in)


_ROLE_HEADS = sorted({w.lower() for w in TITLE_WORDS if w.isalpha() and len(w) > 3} |
                    {"spokesman", "spokeswoman", "spokesperson", "minister", "governor",
                     "director", "chairman", "chairwoman", "secretary", "president", "mayor",
                     "senator", "ambassador", "adviser", "advisor", "official", "strategist",
                     "economist", "analyst", "lawyer", "attorney", "chief", "executive"},
                    key=len, reverse=True)
_APPOSITIVE_ROLE = re.compile(
    r",[ \t]+(?:the|a|an|its|their|his|her)[ \t]+((?:[\w’'-]+[ \t]+){0,3}?(?:"
    + "|".join(_ROLE_HEADS) + r"))\b(?:[ \t]+of[ \t]+[\w ]{1,30}?)?(?=[,.;])")


_ROLE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)[ \t]+((?:[\w’'-]+[ \t]+){0,3}?(?:"
    + "|".join(_ROLE_HEADS) + r")),[ \t]+$")


def _comma_space_before(text: str, end: int) -> bool:
    """Whether ``,[ \\t]+$`` can match in ``text[:end]`` (``$`` also before a last newline):
    a cheap test before :data:`_ROLE_BEFORE`'s search.

    >>> _comma_space_before("The governor, Ann", 14), _comma_space_before("The governor Ann", 13)
    (True, False)
    """
    for e in (end, end - 1) if end > 0 and text[end - 1] == "\n" else (end,):
        j = e
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j < e and j > 0 and text[j - 1] == ",":
            return True
    return False


def _common_count(common: LowerWords, words) -> int:
    """How many of a name's words the article also writes in lower case."""
    return sum(w.lower() in common for w in words)


def _pick_nearest(reg: Registry, candidates: list[Entity], pos: int) -> Entity:
    if len(candidates) == 1:
        return candidates[0]
    ids = {e.id for e in candidates}
    nearest = next((mm for mm in reg.recent(pos) if mm.entity in ids), None)
    return reg.entities[nearest.entity] if nearest is not None else candidates[0]
