"""Speakers from subjects: a subject phrase next to a cue resolved to a person, an
organisation, a document or an unnamed official (through :mod:`analysis.speakers`), with
pronouns and descriptions ("the governor") resolved to names mentioned before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from analysis.quotes.cues import (
    _CUE,
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _NOT_PERSON_HEADS,
    _ORG_HEADS,
    _PRONOUNS,
    _SPEAKER_NOUNS,
)
from analysis.quotes.subjects import (
    _DEMONYMS,
    _head_noun,
    _Subject,
    first_names_lower,
    ly_adverb,
)
from analysis.speakers import (
    _PARTY_MEMBERS,
    AFFILIATION_DEMONYMS,
    HONORIFIC_GENDER,
    MAX_NAME_WORDS,
    ORG_ACRONYMS,
    ORG_WORDS,
    TITLES,
    UPPER,
    Entity,
    Mention,
    Registry,
    capitalised,
    first_names,
    owner_split,
)
from analysis.text import Article
from analysis.text.words import easy_words
from analysis.topics import place_in

# (patterns compiled once: an honorific without its full stop, an initial, an organisation's
# acronym)
_HONORIFIC_DOT = re.compile(r"^(Mr|Ms|Mrs|Dr|Sen|Gov|Rep)\b\.?")
_INITIAL = re.compile(r"[A-Z]\.")
_ORG_ACRONYM = re.compile(r"(?<![\w.])(U\.N\.|UN|AU|EU|IMF|NATO|WHO|IGAD|EAC)(?![\w])")


@dataclass
class _Speaker:
    name: str | None
    kind: str | None
    role: str | None = None
    affiliation: str | None = None
    head: str | None = None  # the head noun of a phrase speaker ("spokesperson")

    @classmethod
    def of(cls, e: Entity, affiliation: str | None = None) -> _Speaker:
        return cls(e.name, e.kind, e.role, affiliation or e.affiliation)  # (the phrase's own
        # owner first: "Johnson & Johnson’s Ann Moe" keeps the whole firm)

    @classmethod
    def of_quote(cls, q) -> _Speaker:
        """The speaker of an earlier quote (a :class:`~analysis.quotes.Quote`), for one that
        continues it."""
        return cls(q.speaker, q.speaker_kind, q.role, q.affiliation)


_PHRASE_GENDER = {"spokeswoman": "f", "spokesman": "m", "woman": "f", "man": "m", "mother": "f",
                  "father": "m", "chairwoman": "f", "chairman": "m", "girl": "f", "boy": "m",
                  "wife": "f", "husband": "m", "daughter": "f", "son": "m", "sister": "f",
                  "brother": "m", "widow": "f", "grandmother": "f", "grandfather": "m"}


_PERSON_SUFFIXES = ("man", "woman", "person", "er", "or", "ist", "ian", "ant", "ent", "ee",
                    "ate", "ive", "eur")


def _person_head(head: str) -> bool:
    """Whether a phrase's head noun can be "he" or "she": a speaker noun or a noun of a
    person's shape, not an organisation, a document or a thing.

    >>> [_person_head(h) for h in ("nurse", "farmer", "candidate", "firm", "impact", "box")]
    [True, True, True, False, False, False]
    """
    if head in _NOT_PERSON_HEADS or head in _DOCUMENT_NOUNS:
        return False
    return head in _SPEAKER_NOUNS or head in _PHRASE_GENDER or head.endswith(_PERSON_SUFFIXES)


def _ends_in_name(name: str | None) -> bool:
    """Whether a phrase speaker ends in a name ("9/11 widow Ann Moe"), not a lone word.

    >>> _ends_in_name("9/11 widow Ann Moe"), _ends_in_name("One"), _ends_in_name("the box")
    (True, False, False)
    """
    words = (name or "").split()
    return len(words) >= 2 and words[-1][:1].isupper()


_OFFSET = itemgetter(0)  # (a phrase speaker's offset, as a sort key)
_AGE = re.compile(r"^\d{1,3}-year-old$")


class _Resolver:
    """Resolves subjects to speakers, remembering non-person speakers for later pronouns."""

    def __init__(self, article: Article, registry: Registry):
        self.article = article
        self.reg = registry
        self.groups: list[tuple[int, _Speaker]] = []  # (offset, speaker) of phrase speakers
        self.resolved_pronouns: list[tuple[int, Entity]] = []
        self.text = article.text
        self._sentence_starts: list[int] | None = None  # built when first needed
        self._mid_caps: set[str] | None = None  # capitalised words inside sentences

    def _sentence_break(self, a: int, b: int) -> bool:
        """Whether a sentence starts in (a, b]: two offsets in different sentences."""
        if self._sentence_starts is None:
            self._sentence_starts = [x.start for x in self.article.sentences]
        return bisect_right(self._sentence_starts, b) != bisect_right(self._sentence_starts, a)

    def resolve(self, subj: _Subject) -> _Speaker:
        low = subj.text.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, subj.start)
        subj = _name_after_role(subj)
        words = subj.text.split()
        if len(words) == 2 and words[0].lower() == "the" and (
                _AGE.match(words[1]) or words[1] in _DEMONYMS):
            # "the Kenyan told reporters", "the 27-year-old said": the latest person
            return self._latest_person(subj.start, place_in(words[1]))
        if words[0].lower() == "the" and len(words) > 3 and words[-1][:1].isupper() and \
                owner_split(words[1:])[0] is not None:
            # "the Lake Post's Ann Moe": the person, the outlet her affiliation
            ent = self.reg.resolve(" ".join(words[1:]), subj.start)
            if ent is not None:
                return _Speaker.of(ent)
        if len(words) > 2 and "&" in subj.text and words[-1][:1].isupper():
            owner, name = owner_split(words)
            if owner is not None and "&" in owner:
                # "AT&T’s Ann Moe": an owner the name pattern cannot read (its ampersand);
                # the person, the owner her affiliation (as "Acme’s Ann Moe" reads)
                ent = self.reg.resolve(" ".join(name), subj.start)
                if ent is not None:
                    return _Speaker.of(ent, owner)
        if len(words) == 1 and words[0] in _PARTY_MEMBERS and \
                self.text[max(0, subj.start - 4):subj.start].lower() == "the ":
            # "The Republican nominee …" read as "Republican": the person whose role that
            # party is ("Republican Tom Reed"), else, as for "the Kenyan", the latest person
            holder = self._recent_role_holder(words[0].lower(), subj)
            return holder if holder is not None else self._latest_person(subj.start, None)
        if words[0].lower() in _DETERMINERS or not capitalised(subj.text) or (
                len(words) > 1 and words[-1].islower()):  # "Kenya's government"
            return self._phrase(subj)
        n_caps = sum(capitalised(w) for w in words)
        if n_caps > MAX_NAME_WORDS or _caps_beyond(self.text, subj.end,
                                                   MAX_NAME_WORDS - n_caps):
            return _Speaker(None, None)  # a headline or repeated words, no one's name
        if " of " in subj.text and ("’s " in subj.text or "'s " in subj.text):
            # "Ann Moe of Eastport's Lake Institute": a person, then an organisation whose
            # owner the name pattern cannot read; the person, the organisation her
            # affiliation (as "Ann Moe of Lake University" reads)
            head, _, org = subj.text.partition(" of ")
            hw = head.split()
            if 2 <= len(hw) <= 4 and (hw[0] in first_names() or hw[0] in HONORIFIC_GENDER or (
                    hw[0] in TITLES and hw[1] in first_names())):
                # (as phrases._person_before_of reads it: a given name, an honorific, or a
                # title before a given name: "Dr. Ann Moe of Eastport's Lake Institute")
                ent = self.reg.resolve(head, subj.start)
                if ent is not None and ent.kind == "person":
                    return _Speaker.of(ent, org)
        ent = self.reg.resolve(subj.text, subj.start)
        if ent is None and len(words) == 1 and self._ordinary_initial(words[0], subj.start):
            return self._ordinary_subject(subj)
        if ent is None:
            ent = self._new_entity(subj)
        if ent is None:
            return _Speaker(None, None)
        if ent.role is None and ent.kind == "person":
            ent.role = subj.role or (_role_from_appositive(subj.appositive)
                                     if subj.appositive else None)
        role_gender = _PHRASE_GENDER.get(subj.role.split()[-1].lower()) if subj.role else None
        if ent.kind == "person" and role_gender is not None:
            # "said 9/11 widow Terry Lane … She continued": the role's noun gives the gender,
            # over a given name's usual one
            ent.gender = role_gender
        if ent.affiliation is None and (subj.role or subj.appositive):
            # (neither: nothing to read an affiliation from, _affiliation_in("") is None)
            ent.affiliation = _affiliation_in(" ".join(filter(None, (subj.role,
                                                                     subj.appositive))))
        return _Speaker.of(ent)

    def label(self, label: str, pos: int) -> _Speaker:
        """The speaker a transcript label or a factbox name line names ("PENCE" → Mike
        Pence when the article names him, else "Pence")."""
        name = " ".join(w if not w.isupper() or len(w) < 2 else w.capitalize()
                        for w in label.replace("’", "'").split())
        name = _HONORIFIC_DOT.sub(r"\1.", name)
        return self.resolve(_Subject(name, pos, pos + len(label)))

    def _new_entity(self, subj: _Subject) -> Entity | None:
        words = [w for w in subj.text.split() if w not in ("of",)]
        titles = {t for t in TITLES}
        role = None
        gender = None
        while len(words) > 1 and (words[0] in titles or words[0] in AFFILIATION_DEMONYMS):
            if words[0] in HONORIFIC_GENDER and words[0].rstrip(".") in ("Mr", "Mrs", "Ms",
                                                                          "Miss"):
                gender = HONORIFIC_GENDER[words[0]]  # an honorific is no role
            elif words[0] in titles:
                role = words[0] if role is None else role
            words.pop(0)
        if not words:
            return None
        if len(words) == 1 and (words[0].lower() in self.reg.common_words() or (
                words[0].isupper() and len(words[0]) > 4 and words[0] not in ORG_ACRONYMS)):
            return None  # "More from the report:", "WASHINGTON": a common word, a dateline
        if any(w in ORG_WORDS or w in ORG_ACRONYMS for w in words) or (
                len(words) == 1 and (words[0] in _PARTY_PLURALS or (
                    words[0].endswith("s") and words[0].lower() in _SPEAKER_NOUNS))):
            # ("Democrats said …", "Reporters asked …": a group, never a he or a she)
            ent = self.reg.add(Entity(0, subj.text, kind="organization"))
            self.reg.add_alias(ent, subj.text.lower())
        else:
            name = " ".join(words).removesuffix("’s").removesuffix("'s")
            ent = self.reg.add(Entity(0, name, first=words[0] if len(words) > 1 else None,
                                      last=words[-1], role=role,
                                      gender=gender or first_names().get(words[0]) or (
                                          first_names().get(words[1])
                                          if len(words) > 2 else None)))
            # ("Host Lena Ortiz": a role word before the given name)
        self.reg.add_mention(Mention(ent.id, subj.start, subj.end, subj.text))
        return ent

    def _ordinary_initial(self, word: str, pos: int) -> bool:
        """Whether ``word`` at ``pos`` opens a sentence, is an ordinary English word
        (:func:`_ordinary_word`, not a known first name) and is not written with its
        capital inside a sentence anywhere in the article: "Wait", "Ever", "Hastily" at a
        sentence start are no one's name (the registry already knows the article's names).
        """
        low = word.lower()
        if not word[:1].isupper() or not word[1:].islower() or low in first_names_lower() \
                or not _opens_sentence(self.text, pos) or not _ordinary_word(low):
            return False
        if self._mid_caps is None:  # (built once, when first asked: one pass over the text)
            self._mid_caps = set(_MID_SENTENCE_CAP.findall(self.text))
        return word not in self._mid_caps

    def _ordinary_subject(self, subj: _Subject) -> _Speaker:
        """The speaker of a sentence's first word that is an ordinary word, no name: an
        indefinite pronoun ("Someone called it …") or an adjective before a plural noun
        ("Small groups of farmers chanted …": "Small groups") is a description; any other
        ("Wait, it gets better:", "Ever since …") gives no speaker."""
        if subj.text.lower() in _INDEFINITE:
            return self._phrase(subj)
        m = _PLURAL_AFTER.match(self.text, subj.end)
        if m is not None:
            return self._phrase(_Subject(self.text[subj.start:m.end()], subj.start, m.end()))
        return _Speaker(None, None)

    def _phrase(self, subj: _Subject) -> _Speaker:
        words = subj.text.split()
        if words[0].lower() in ("a", "an", "one", "another"):
            words = words[1:] or words
        elif words[0].lower() == "the":
            words[0] = "the"
        bare = [w for w in words if w.lower() != "the"]
        if not bare:  # a determiner alone names no one
            return _Speaker(None, None)
        head = _head_noun(words)
        # "the president" / "the minister": a person named earlier with that role
        if words[0] == "the" and len(bare) <= 2:
            role_word = bare[-1].lower()
            holder = self._recent_role_holder(role_word, subj)
            if holder is not None:
                return holder
            # named later in the article ("the bank's governor said … The governor, Patrick
            # Njoroge, …"): the one person with that role
            holders = self.reg.with_role(role_word)
            if len(holders) == 1:
                return self._mentioned(holders[0], subj)
        if words[0] == "the" and len(bare) == 1 and bare[0].capitalize() in ORG_WORDS:
            # "the commission" / "the ministry": the organisation named earlier
            org_word = bare[0].capitalize()
            for m in self.reg.recent(subj.start):
                e = self.reg.entities[m.entity]
                if e.kind == "organization" and org_word in e.name.split():
                    return _Speaker.of(e, _affiliation_in(e.name))
        name = " ".join(words)
        if words[0] == "the":  # "the spokesperson": the one introduced earlier
            earlier = self._earlier_phrase(head, subj.start)
            if earlier is not None:
                return earlier
        kind = "document" if head in _DOCUMENT_NOUNS else (
            "organization" if any(w in ORG_WORDS for w in words) or head in _ORG_HEADS
            else "group" if head.endswith("s") and head not in ("news",) else "official")
        affiliation = _affiliation_in(name)
        sp = _Speaker(name, kind, None, affiliation, head=head)
        self._add_group(subj.start, sp)
        return sp

    def _recent_role_holder(self, word: str, subj: _Subject) -> _Speaker | None:
        """The person among the recent mentions before ``subj`` whose role has ``word`` ("the
        president", "the Republican"), as a mention of them (:meth:`_mentioned`); else None."""
        for m in self.reg.recent(subj.start):
            e = self.reg.entities[m.entity]
            if e.kind == "person" and e.role and word in e.role.lower().split():
                return self._mentioned(e, subj)
        return None

    def _mentioned(self, e: Entity, subj: _Subject) -> _Speaker:
        """A description resolved to a person is a mention of that person: a bare surname
        after it ("“…,” the farmer said. “…,” Kamau said.") goes to the nearest namesake."""
        self.reg.add_mention(Mention(e.id, subj.start, subj.end, subj.text))
        return _Speaker.of(e)

    def _add_group(self, offset: int, sp: _Speaker) -> None:
        insort(self.groups, (offset, sp), key=_OFFSET)

    def _groups_before(self, pos: int, limit: int = 60):
        """Phrase speakers introduced before ``pos``, the nearest first."""
        i = bisect_left(self.groups, pos, key=_OFFSET)
        for k in range(i - 1, max(i - 1 - limit, -1), -1):
            yield self.groups[k]

    def _earlier_phrase(self, head: str, pos: int) -> _Speaker | None:
        for _, sp in self._groups_before(pos):
            if sp.name and (sp.head or sp.name.split()[-1].lower()) == head:
                return sp
        text = self.article.text
        found = None
        window = max(0, pos - 5000)  # "a … spokesperson" introduced within the last 5,000 chars
        if text.find(head, window, pos) < 0:
            return None  # (the head is not there: no pattern to build and run)
        for m in re.finditer(rf"\b(?:[Aa]n?|[Tt]he)\s+((?:{UPPER}[\w.’'-]*\s+){{0,3}}"
                             rf"(?:[a-z][\w’'-]*\s+){{0,2}}{re.escape(head)})\b",
                             text[window:pos]):
            found = m
        if found is None or found.group(1).lower() == head and found.group(0)[:3].lower() == "the":
            return None
        name = found.group(1)
        kind = "document" if head in _DOCUMENT_NOUNS else "official"
        sp = _Speaker(name, kind, None, _affiliation_in(name), head=head)
        self._add_group(window + found.start(), sp)
        return sp

    def _latest_person(self, pos: int, affiliation: str | None) -> _Speaker:
        fallback = None
        for m in self.reg.recent(pos):
            e = self.reg.entities[m.entity]
            if e.kind != "person":
                continue
            if affiliation is None or e.affiliation in (None, affiliation):
                return _Speaker.of(e, affiliation)
            fallback = fallback or e
        if fallback is not None:
            return _Speaker.of(fallback)
        return _Speaker(None, None)

    def _pronoun(self, low: str, pos: int) -> _Speaker:
        want = _PRONOUNS[low]
        if want in ("p", "n"):  # they / it: the latest organisation, group or document
            cands = list(self._groups_before(pos, 1))
            for m in self.reg.recent(pos):
                e = self.reg.entities[m.entity]
                if e.kind != "person":
                    cands.append((m.start, _Speaker.of(e)))
                    break
            if cands:
                return max(cands, key=lambda x: x[0])[1]
            return _Speaker(None, None)
        reporter = self._cue_subject_before(pos, want)
        if reporter is not None:
            # "Ann Lapp said “…,” she said": the sentence's reporting subject is "she"
            return _Speaker.of(reporter)
        person_fits = ((m, self.reg.entities[m.entity]) for m in self.reg.recent(pos)
                       if self.reg.entities[m.entity].kind == "person"
                       and self.reg.entities[m.entity].gender in (None, want))
        fits, modifier = [], None
        for f in person_fits:
            if _MODIFIED_NOUN.match(self.text, f[0].end) is not None:
                # "the Lane administration", "Lane supporters", "Lane’s campaign": a name
                # that modifies a noun is an antecedent only when no other person fits
                modifier = modifier or f
                continue
            fits.append(f)
            if len(fits) == 3:
                break
        if not fits and modifier is not None:
            fits = [modifier]
        named = fits[0] if fits else None
        if named is not None and not _opens_sentence(self.text, named[0].start) and \
                not self._sentence_break(named[0].start, pos) and \
                _VERB_AFTER.match(self.text, named[0].end) is None:
            # "Reed took on Lane at the county fair, when he called …": a person named inside
            # the pronoun's sentence is no antecedent when another who fits opens it (the
            # subject first); one who is the subject of a clause of their own ("Reed said
            # Moe was right when he said …") still is
            subject = next((f for f in fits[1:] if f[1] is not named[1] and
                            _opens_sentence(self.text, f[0].start) and
                            not self._sentence_break(f[0].start, pos)), None)
            if subject is not None:
                named = subject
        elif named is not None and not _opens_sentence(self.text, named[0].start) and \
                self._sentence_break(named[0].start, pos) and \
                not _handover(self.text, named[0].start) and \
                _CUE_AFTER_NAME.match(self.text, named[0].end) is None:
            # "Paul Grant thanked Tom Reed for his help. “…,” he said": the person who opens
            # the sentence before (its subject), not its object, when both fit; "Ann Moe said
            # Lena Ortiz had called her. “…,” she said": not the subject of the reported
            # clause either, when the opener reports it. (Not when the latest one reports
            # it, "…, Cuban said", nor over an owner, "Trump’s plan is weak, Cuban said")
            same = [f for f in fits[1:] if f[1] is not named[1] and
                    not f[0].text.endswith(("’s", "'s")) and
                    not self._sentence_break(f[0].start, named[0].start)]
            subject = next((f for f in same if _opens_sentence(self.text, f[0].start)), None)
            if subject is not None and (
                    _VERB_AFTER.match(self.text, named[0].end) is None or
                    _CUE_AFTER_NAME.match(self.text, subject[0].end) is not None):
                named = subject
            else:
                # "“…,” Obama said after meeting Vladimir Putin. He did not …": the one who
                # speaks in that sentence
                reporter = next((f for f in same
                                 if _CUE_AFTER_NAME.match(self.text, f[0].end) is not None),
                                None)
                if reporter is not None:
                    named = reporter
        fits = fits[:2]
        if len(fits) == 2 and fits[0][1] is not fits[1][1] and \
                fits[0][0].text.endswith(("’s", "'s")) and \
                not fits[1][0].text.endswith(("’s", "'s")) and \
                not self._sentence_break(fits[1][0].end, pos):
            # "Ann Moe says she admired Ruth Lee’s courage, which she calls “…”": an owner
            # is no antecedent when the sentence's subject fits (subject first)
            named = fits[1]
        # an unnamed person who spoke ("another nurse … said she …") can be the antecedent too
        # ("the firm …", "the emotional impact …", "a document he drew up": no he or she)
        unnamed = next(((o, sp) for o, sp in self._groups_before(pos) if sp.kind == "official"
                        and _PHRASE_GENDER.get(sp.head or "") in (None, want)
                        and (_person_head(sp.head or "") or _ends_in_name(sp.name))), None)
        if unnamed is not None and (named is None or unnamed[0] > named[0].start):
            return unnamed[1]
        if named is not None:
            e = named[1]
            if e.gender is None:
                e.gender = want
            return _Speaker.of(e)
        return _Speaker(None, None)


    def _cue_subject_before(self, pos: int, want: str) -> Entity | None:
        """The person named as the subject of a speech cue earlier in the sentence holding
        the pronoun at ``pos`` ("Tom Reed said that …, “…,” he said" / "Sen. Ann Lapp
        (D-Lake) scolded him: “…” she said"): the nearest such, of the pronoun's gender (or
        of none known). The look-back is the registry's bounded recent mentions. A pronoun
        opening a subordinate clause ("Moe said Ruto was right when he said …", "… after she
        attacked …") refers to the clause's own antecedents: None."""
        if _SUBORDINATE_BEFORE.search(self.text, max(0, pos - 12), pos) is not None:
            return None
        for m in self.reg.recent(pos):
            if self._sentence_break(m.start, pos):
                return None
            e = self.reg.entities[m.entity]
            if e.kind == "person" and e.gender in (None, want) and \
                    _CUE_AFTER_NAME.match(self.text, m.end, pos) is not None:
                return e
        return None


#: A noun right after a person's name that makes the name its modifier ("the Lapp
#: administration", "Moe supporters", "a Moe rally"): that name is no antecedent of a later
#: he or she (the organisation or group is what the sentence is about).
_MODIFIED_NOUN = re.compile(r"[ \t]+(?:administration|campaign|camp|presidency|era|"
                            r"supporters|loyalists|backers|aides|allies|voters|delegates|"
                            r"rally)\b")


#: Parties and peoples written as a capitalised plural: groups, never a he or a she.
_PARTY_PLURALS = frozenset({"Democrats", "Republicans", "Americans", "Conservatives",
                            "Liberals", "Progressives", "Independents", "Evangelicals",
                            "Libertarians", "Socialists"})


#: Verbs that hand the floor to their object ("Reed introduced Lane", "called on Lane to
#: speak", "lost the primary to Lane", "asked Lane about it"): the object speaks next, not
#: the subject.
_HANDOVER = re.compile(r"\b(?:introduc(?:ed|es|ing)|hand(?:ed|ing)|call(?:s|ed|ing)? on|"
                       r"turn(?:ed|s|ing) (?:the \w+ )?(?:over )?to|yield(?:ed|s|ing)|"
                       r"welcom(?:ed|ing)|invit(?:ed|ing)|lost|los(?:es|ing)|gave|giv(?:es|ing)|"
                       r"pass(?:ed|ing)|ask(?:ed|s|ing)|interview(?:ed|ing)|press(?:ed|ing)|"
                       r"quizz(?:ed|ing)|(?:point|gestur|nodd|look)(?:ed|ing) (?:at|to|toward))"
                       r"\b[^.!?]*$")
#: A passive before a handover verb, or its agent after it ("Reed was asked by Lane"), or a
#: participle set off by a comma ("Reed, asked about Lane, …"): the subject answers.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|when|if|after)[ \t]+$")
_COMMA_BEFORE = re.compile(r",[ \t]+$")
_AGENT_BY = re.compile(r"\bby\b")


#: A verb right after a name (a finite auxiliary, a past or third-person form): the name is
#: the subject of its own clause.
_VERB_AFTER = re.compile(r"[ \t]+(?:can|could|will|would|should|may|might|must|is|was|are|"
                         r"were|has|had|have|do|does|did|[a-z]+ed|[a-z]+[^s\W]s)\b")


#: A subordinating word right before a pronoun ("when he said", "after she attacked").
_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|after|before|as|because|since|if|until|while|once|"
                                 r"unless)[ \t]+$", re.IGNORECASE)
#: A speech cue right after a name: "Reed said", "Lapp (D-Lake) scolded", "Reed later told".
_CUE_AFTER_NAME = re.compile(rf"[ \t]*(?:\([^()\n]{{1,30}}\)[ \t]*)?(?:(?:also|then|later|"
                             rf"again|[a-z]{{2,}}ly)[ \t]+)?(?:{_CUE})\b")


_ROLE_WORDS = ({w for t in TITLES for w in t.split()} | ORG_WORDS) - {
    "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms"}  # honorifics are no role


#: A capitalised word right after a lower-case word or a comma and one blank: written with
#: its capital inside a sentence, so a name (or part of one) in that article.
_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")


#: Indefinite pronouns that can open a sentence as its subject.
_INDEFINITE = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "others",
               "many", "some", "several", "few", "most", "both", "all"}
#: One blank and a lower-case plural noun ("groups", "screens"), not "this" or "its", nor a
#: unit of time ("Thirteen years ago, …").
_PLURAL_AFTER = re.compile(r"[ \t]+(?!(?:seconds|minutes|hours|days|weeks|months|years|"
                           r"decades|centuries)\b)[a-z]{3,}(?<![su]s)s\b")


_NEXT_WORD = re.compile(r"[ \t]+([^\s]{1,40})")


def _caps_beyond(text: str, end: int, budget: int) -> bool:
    """Whether more than ``budget`` capitalised words follow ``end`` in one run: the
    subject before ``end`` was cut from a longer run (at most ``budget + 1`` words read).

    >>> _caps_beyond("said Moe Moe Moe Moe.", 8, 2), _caps_beyond("said Moe Moe Moe Moe.", 8, 3)
    (True, False)
    """
    for _ in range(budget + 1):
        m = _NEXT_WORD.match(text, end)
        if m is None or not capitalised(m.group(1)):
            return False
        end = m.end()
    return True


def _handover(text: str, name_start: int) -> bool:
    """Whether the words before a name (80 characters at most) hand the floor to it: an active
    handover verb whose object it is ("Reed introduced Ann Lane", "asked Lane about it"), not
    a passive one ("Reed was asked by Lane", "when interviewed … by the Tribune").

    >>> t = "Tom Reed introduced Ann Lane"
    >>> _handover(t, 20), _handover("Tom Reed was asked by Ann Lane", 22)
    (True, False)
    """
    lo = max(0, name_start - 80)
    m = _HANDOVER.search(text, lo, name_start)
    if m is None:
        return False
    if _AGENT_BY.search(text, m.start(), name_start):
        return False  # "when interviewed … by the Tribune": the passive's agent
    before = text[max(lo, m.start() - 12):m.start()]
    if _COMMA_BEFORE.search(before) and text[m.start():m.end()].split(" ", 1)[0].endswith("ed"):
        return False  # "Reed, asked about Lane, …": a passive participle, not "said, pointing"
    return _PASSIVE_BEFORE.search(before) is None


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only blanks and opening marks (at most 4 characters) stand between ``pos``
    and the text's start, a line break or a sentence's final stop.

    >>> _opens_sentence("It ended. Wait, more.", 10), _opens_sentence("we Wait", 3)
    (True, False)
    """
    k = pos
    while k > 0 and pos - k < 4 and text[k - 1] in " \t“\"‘'(":
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n:"


def _ordinary_word(low: str) -> bool:
    """An ordinary English word: in the Dale–Chall easy-word list ("wait", "ever"), or an
    adverb in -ly (:func:`~analysis.quotes.subjects.ly_adverb`). (The list holds surnames
    too, "Bush", "Rice": the caller asks only about words no name of the article uses.)

    >>> [_ordinary_word(w) for w in ("wait", "hastily", "daly", "odhiambo")]
    [True, True, False, False]
    """
    return low in easy_words() or ly_adverb(low)


def _name_after_role(subj: _Subject) -> _Subject:
    """A role or organisation written before a person's name, in capitals, is the role:
    "President of the European Central Bank Christine Lagarde" → Christine Lagarde (role
    "President of the European Central Bank"), "Resident Heather Simpson" → Heather Simpson.
    The name must start with a known first name or an initial (so "Bank of America Merrill
    Lynch" stays an organisation).

    >>> s = _name_after_role(_Subject("Resident Heather Simpson", 0, 24))
    >>> s.text, s.role, s.start
    ('Heather Simpson', 'Resident', 9)
    """
    words = subj.text.split()
    if len(words) < 3 or not all(w[:1].isupper() or w in ("of", "the", "and", "for")
                                 for w in words):
        return subj
    cut = max((k for k, w in enumerate(words[:-2]) if w in _ROLE_WORDS or w in ("of", "the")
               or w.lower() in _SPEAKER_NOUNS), default=-1)
    if cut < 0:
        return subj
    name = words[cut + 1:]
    if not (name[0] in first_names() or _INITIAL.fullmatch(name[0])) or any(
            w in ORG_WORDS or w in ORG_ACRONYMS or not w[:1].isupper() for w in name):
        return subj
    offset = subj.start + len(" ".join(words[:cut + 1])) + 1
    role = " ".join(words[:cut + 1])
    if subj.role:
        role = f"{subj.role} {role}"
    return _Subject(" ".join(name), offset, subj.end, subj.appositive, role, subj.origin)


def _role_from_appositive(text: str) -> str | None:
    """"a former minister" → "former minister"; clauses ("who …", "adding …") are no role."""
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the", "his", "her", "their", "its"):
        return " ".join(words[1:]) or None
    if words and words[0] in TITLES:
        return " ".join(words)
    return None


_AFFIL_KEYS = sorted(AFFILIATION_DEMONYMS, key=len, reverse=True)


_AFFIL_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in _AFFIL_KEYS) + r")(?!\w)")


_AFFIL_RANK = {k: i for i, k in enumerate(_AFFIL_KEYS)}


@lru_cache(maxsize=4096)  # (a function of the phrase alone; phrases repeat)
def _affiliation_in(text: str) -> str | None:
    """The country or organisation a phrase states ("a Kenyan official" → Kenya).

    >>> _affiliation_in("a senior South African diplomat"), _affiliation_in("the mayor")
    ('South Africa', None)
    """
    found = [m.group() for m in _AFFIL_RE.finditer(text)]  # one pass; the longest key wins
    if found:
        return AFFILIATION_DEMONYMS[min(found, key=_AFFIL_RANK.__getitem__)]
    place = place_in(text)
    if place:
        return place
    org = _ORG_ACRONYM.search(text)
    return {"U.N.": "UN"}.get(org.group(), org.group()) if org else None
