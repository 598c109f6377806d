"""Topic frequency from a transparent lexicon, with the evidence for every count.

Lexicons are TOML files. Two ship with the package and can be named instead of a path:
``default`` (``analysis/resources/topics_default.toml``: general news on the 17 top-level
subjects of IPTC Media Topics, each with its ``medtop:`` code) and ``international-affairs``
(``topics_international-affairs.toml``: 8 topics for diplomacy, security and trade news).
:func:`lexicon_path` resolves a name or path; :func:`load_lexicon` validates the file and names
the file, topic and term of every error.

The format::

    [meta]                         name, version, description, scheme (optional strings)
    [rules]                        optional; applies to every topic
      negations = ["not related to", "no evidence of", ...]   # cues that cancel a hit
      negation_window = 3          # up to this many words between the cue and the hit
      proper_names = true          # false: topic words inside names count too
      min_hits = 2                 # a topic needs this many hits in an article to count there
    [rules.corroboration]          optional (absent: off); a hit counts only with support nearby
      paragraph = true             another term of the topic in the same paragraph supports it
      window = 20                  ... or one at most this many words away (0: no word window)
      article_hits = 0             ... or the topic has this many hits in the article (0: never)
    [topics.<id>]                  one table per topic (<id>: a short lowercase identifier)
      label    = "Sport"           required
      code     = "medtop:15000000" optional scheme code
      terms    = [...]             words, phrases, ``*`` globs at the start or end of a word;
                                   compared case-insensitively
      names    = ["Premier League", "Senate"]   proper names, compared case-sensitively; they
                                   count even inside a longer name
      acronyms = ["NFL"]           case-sensitive single tokens (counted like names)
      exclude  = ["food security"] words or phrases that never count; they consume their words
    [topics.<id>.context."<term>"] optional context rule for one of the topic's terms
      unless  = ["tennis", "basketball"]  no hit when one of these is in the same sentence
      require = ["judge*", "ruled"]       a hit only when one of these is in the same sentence
      window  = 8                         look only this many words either side (same sentence)
    [[topics.<id>.context."<term>"]]  the same written twice or more (an array of tables):
                                   several rules for one term, each with its own window; a hit
                                   counts only when every rule passes
    [[topics.<id>.context."*"]]    a rule for every term, name and acronym of the topic (on top
                                   of their own rules), e.g. ``unless = ["like a"]``, ``window = 4``

Matching (:func:`topic_hits`) works on the word tokens of :mod:`analysis.text`:

* a token is compared lower-cased, with ’ and ' alike and a possessive ’s removed
  ("Kenya’s" → kenya); "U.S." stays "u.s." (never "us"); acronyms and names compare
  case-sensitively;
* terms match whole tokens (trade ≠ trademark; ``trade*`` would match both); a phrase matches
  consecutive tokens of one sentence separated by white space only;
* at every position the longest match across the whole lexicon wins (at equal length: a name or
  acronym, then a term, then a negation cue, then an exclusion; among terms an exact word, then
  the longer glob), each token is counted once, and
  an ``exclude`` phrase or a negation cue consumes its tokens without a hit;
* **proper names**: a capitalised run is two or more capitalised tokens in a row (white space
  only between them; "of", "the", "de" … may join them: "Department of Health"). A sentence's
  first word is capitalised anyway, so it only joins a run when the next word is capitalised
  too ("Security forces" is no name, "Security Council" is), and never when it is a stop word
  ("The U.S." is no name). A ``terms`` hit inside a run counts
  only when it covers at least two of the run's capitalised words, i.e. when the lexicon lists
  the name itself ("supreme court" counts in "U.S. Supreme Court"; "court" does not count in
  "Shenley Court", nor "security" in "Security Council"). ``names`` and ``acronyms`` always
  count. Sentences of five or more words that are nearly all capitalised (title case) are exempt;
* **negation**: a hit that follows a negation cue of ``[rules]`` within ``negation_window``
  words of the same sentence, with no punctuation in between, does not count ("not related to
  terrorism", "no evidence of any attack");
* **context rules** keep ambiguous words honest: "attack" with ``unless = ["midfielder", …]``,
  "court" with ``unless = ["tennis", …]``.

* **too few hits**: with ``min_hits = 2`` a topic that has a single hit in an article counts
  nothing there (an isolated word is most often a figure of speech or an aside: "the campaign
  caught fire", "you might have written his obituary"). The default lexicon uses 2, the
  international-affairs lexicon 1.
* **corroboration** (``[rules.corroboration]``, checked before ``min_hits``): a hit counts only
  when its topic is supported in its neighbourhood: another counted hit of the same topic *by a
  different lexicon entry* (another term, name or acronym; "trade" twice is one entry, a glob
  is one entry whatever word it matched; since 2.6 entries of one stem, see
  :func:`entry_stem`, count as one: "sport" and "sports" do not support each other) in the
  same paragraph (``paragraph = true``) or at most
  ``window`` words away, or — when ``article_hits`` is not 0 — at least that many counted hits
  of the topic in the article. Hits dropped for another reason neither count nor support. In
  2016 US political news the other subjects come up mostly as one-off asides (a hobby, a figure
  of speech, a game comparison, the weather in a scene) that bring no second word of their
  subject; a passage *about* sport or science names several. The price is recall: an isolated
  but correct mention ("security" alone in a paragraph of a security story) no longer counts.
  The default lexicon (since 2.5) uses ``paragraph = true``, ``window = 20``,
  ``article_hits = 0``, chosen on label batches 1-5 (README, ``benchmarks/topic_precision.py``);
  the international-affairs lexicon has the rule off.

``topic_hits(..., dropped=True)`` also lists the candidate hits that did not count, with the
reason (``name``, ``negation``, ``context``, ``excluded``, ``uncorroborated``, ``few``), so
every decision can be
audited.

Tables carry raw counts and their denominators: :func:`topic_summary` gives hits, words,
``per_1000_words``, paragraphs and ``paragraph_share``, sentences and ``sentence_share``,
``hit_share``; :func:`topic_breakdown` gives the same per section or per speaker vs narration.
Places (:func:`place_hits`) are kept in their own table from a gazetteer of countries, capitals,
cities and regions with their demonyms ("South Sudan" is not "Sudan"; "Democratic Republic of
the Congo (DRC)" is one mention). :func:`suggest_terms` and :func:`suggest_corpus` offer what the
lexicon misses; :func:`check_lexicon` reports overlapping and never-matching terms.

>>> from analysis.text import article_from_text
>>> art = article_from_text("Trade rose. Kenya’s trademark security deal helped exports.", "x")
>>> topic_hits(art)[["topic", "term", "matched"]].values.tolist()
[['economy', 'trade', 'Trade'], ['economy', 'exports', 'exports']]

("trademark" is not "trade"; the lone "security" has no other conflict term near it, so it is
uncorroborated: ``topic_hits(art, dropped=True)`` lists it with that reason.)
"""

from __future__ import annotations

import csv
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.config import RESOURCES_DIR
from analysis.text import Article, BlockPlaces, InputError, Tokens, token_column

DEFAULT_LEXICON = RESOURCES_DIR / "topics_default.toml"
PLACES_CSV = RESOURCES_DIR / "places.csv"
STOPWORDS_TXT = RESOURCES_DIR / "stopwords_en.txt"

_TERM_OK = re.compile(r"^\*?[\w’'.\-&]+(?:\*?)$")
_TOPIC_KEYS = {"label", "terms", "acronyms", "exclude", "description", "code", "names",
               "context"}
_RULE_KEYS = {"negations", "negation_window", "proper_names", "min_hits", "corroboration"}
_CORROBORATION_KEYS = {"paragraph", "window", "article_hits"}
_CONTEXT_KEYS = {"unless", "require", "window"}
_SHIPPED_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# lower-case words that may join the capitalised words of one name ("Department of Health")
_NAME_JOINERS = frozenset({"of", "the", "de", "du", "la", "le", "von", "van", "der", "da", "al",
                           "bin", "for"})
_PRIORITY = {"name": 0, "term": 1, "negation": 2, "exclude": 3}
_NO_CANDIDATES: tuple = ((), None)


class LexiconError(InputError):
    """A lexicon file that cannot be used; the message names file, topic and term."""


@dataclass(frozen=True)
class ContextRule:
    term: str
    unless: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    window: int | None = None


@dataclass(frozen=True)
class Corroboration:
    """When a hit counts only with support from its neighbourhood (``[rules.corroboration]``):
    another hit of the same topic by a different lexicon entry in the same paragraph
    (``paragraph``) or within ``window`` words (0: no word window), or at least
    ``article_hits`` hits of the topic in the article (0: never enough on its own)."""

    paragraph: bool = True
    window: int = 0
    article_hits: int = 0


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    code: str = ""
    names: tuple[str, ...] = ()
    context: tuple[ContextRule, ...] = ()


@dataclass
class Lexicon:
    name: str
    topics: list[Topic]
    source: str
    version: str = ""
    negations: tuple[str, ...] = ()
    negation_window: int = 3
    proper_names: bool = True
    min_hits: int = 1
    corroboration: Corroboration | None = None
    path: Path | None = None
    _index: dict = field(default_factory=dict, repr=False)
    _globs: list = field(default_factory=list, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)
    _context: dict = field(default_factory=dict, repr=False)
    _glob_prefix: dict = field(default_factory=dict, repr=False)  # "word*" globs by stem
    _glob_other: list = field(default_factory=list, repr=False)   # "*word" globs
    _glob_stem_max: int = field(default=0, repr=False)           # the longest stem

    def labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.topics}


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """How a token (or a lexicon word) is compared: lower case, ' for ’, no possessive 's.

    >>> [normalise(w) for w in ["Kenya’s", "U.S.", "farmers'", "Don’t"]]
    ['kenya', 'u.s.', 'farmers', "don't"]
    """
    w = word.replace("’", "'").lower()
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return w


_DOUBLE = re.compile(r"([b-df-hj-km-np-rtv-xz])\1$")  # a doubled consonant other than l, s


@lru_cache(maxsize=4096)
def entry_stem(entry: str) -> str:
    """The stem an entry is compared by when hits corroborate each other (lexicon 2.6): words
    lower-cased without glob stars, each with its inflectional ending taken off — plural
    -s/-es/-ies, -ing, -ed, a final -e, a doubled final consonant, -men for -man. "sport",
    "sports" and "sporting" are one stem, so they never corroborate each other; "athlet*" and
    "athletes", "olympic*" and "Olympics" neither. Derivations stay apart ("sportsman",
    "artist" and "art").

    >>> [entry_stem(w) for w in ["sport", "sports", "sporting", "Coaches", "racing", "race"]]
    ['sport', 'sport', 'sport', 'coach', 'rac', 'rac']
    >>> [entry_stem(w) for w in ["athlet*", "galleries", "stabbed", "sportsmen", "gold medal*"]]
    ['athlet', 'gallery', 'stab', 'sportsman', 'gold medal']
    """
    out = []
    for word in normalise(entry.replace("*", "")).split():
        w = word
        if w.endswith("men") and len(w) > 5:
            w = w[:-3] + "man"
        elif w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("sses", "shes", "ches", "xes", "zes")) and len(w) > 4:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
        for suffix in ("ing", "ed"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[:-len(suffix)]
                if _DOUBLE.search(w):
                    w = w[:-1]
                break
        if w.endswith("e") and len(w) > 3:
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def shipped_lexicons() -> dict[str, Path]:
    """The lexicons that ship with the package, by name (``topics_<name>.toml``).

    >>> sorted(shipped_lexicons())
    ['default', 'international-affairs']
    """
    return {p.stem.removeprefix("topics_"): p
            for p in sorted(RESOURCES_DIR.glob("topics_*.toml"))}


def lexicon_path(spec: str | Path | None) -> Path:
    """The file of a lexicon given by shipped name (``international-affairs``) or by path;
    None is the default lexicon. A name that is neither raises :class:`LexiconError`.

    >>> lexicon_path("international-affairs").name
    'topics_international-affairs.toml'
    """
    if spec is None:
        return DEFAULT_LEXICON
    text = str(spec)
    shipped = shipped_lexicons()
    if text in shipped and not Path(text).exists():
        return shipped[text]
    p = Path(text)
    if not p.is_file() and _SHIPPED_NAME.match(text):
        raise LexiconError(f"{text}: no such lexicon file or shipped lexicon "
                           f"(shipped: {', '.join(shipped)})")
    return p


def _word_list(value, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of strings")
    return value


def _check_term(term: str, where: str, what: str, single: bool = False,
                globs: bool = True) -> None:
    words = term.split()
    if not words or not all(_TERM_OK.match(w) and w.strip("*") for w in words) or \
            any(w.count("*") > 1 for w in words) or (single and len(words) != 1) or \
            (not globs and "*" in term):
        raise LexiconError(f"{where}: {what} '{term}' is not a valid word, phrase or glob")


def _known_keys(table: dict, allowed, where: str) -> None:
    """Refuse a lexicon table with keys the format does not know (one message naming them)."""
    bad = set(table) - allowed
    if bad:
        raise LexiconError(f"{where}: unknown key(s): {', '.join(sorted(bad))}")


def _parse_rules(rules, name: str) -> dict:
    if not isinstance(rules, dict):
        raise LexiconError(f"{name}: [rules] must be a table")
    _known_keys(rules, _RULE_KEYS, f"{name}: [rules]")
    negations = _word_list(rules.get("negations", []), f"{name}: [rules]", "negations")
    for cue in negations:
        _check_term(cue, f"{name}: [rules]", "negation", globs=False)
    window = rules.get("negation_window", 3)
    if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 10:
        raise LexiconError(f"{name}: [rules]: negation_window must be an integer from 0 to 10")
    proper = rules.get("proper_names", True)
    if not isinstance(proper, bool):
        raise LexiconError(f"{name}: [rules]: proper_names must be true or false")
    min_hits = rules.get("min_hits", 1)
    if not isinstance(min_hits, int) or isinstance(min_hits, bool) or not 1 <= min_hits <= 10:
        raise LexiconError(f"{name}: [rules]: min_hits must be an integer from 1 to 10")
    return {"negations": tuple(negations), "negation_window": window, "proper_names": proper,
            "min_hits": min_hits,
            "corroboration": _parse_corroboration(rules.get("corroboration"), name)}


def _parse_corroboration(spec, name: str) -> Corroboration | None:
    """``[rules.corroboration]`` (absent: the rule is off)."""
    if spec is None:
        return None
    where = f"{name}: [rules.corroboration]"
    if not isinstance(spec, dict):
        raise LexiconError(f"{where}: must be a table")
    _known_keys(spec, _CORROBORATION_KEYS, where)
    paragraph = spec.get("paragraph", True)
    if not isinstance(paragraph, bool):
        raise LexiconError(f"{where}: paragraph must be true or false")
    values = {}
    for key, top in (("window", 200), ("article_hits", 50)):
        v = spec.get(key, 0)
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= top:
            raise LexiconError(f"{where}: {key} must be an integer from 0 to {top}")
        values[key] = v
    if not paragraph and not values["window"] and not values["article_hits"]:
        raise LexiconError(f"{where}: needs paragraph = true, a window or article_hits "
                           "(or leave the table out to switch the rule off)")
    return Corroboration(paragraph, values["window"], values["article_hits"])


def _parse_context(spec, where: str, listed: set[str]) -> tuple[ContextRule, ...]:
    if not isinstance(spec, dict):
        raise LexiconError(f"{where}: 'context' must be a table of terms")
    rules = []
    for term, value in spec.items():
        w = f"{where}: context '{term}'"
        if term not in listed and term != "*":  # "*": every entry of the topic
            raise LexiconError(f"{w}: not one of the topic's terms, names or acronyms")
        # one rule (a table) or several ([[...]]: an array of tables, every one must pass)
        several = isinstance(value, list) and value
        for rule in value if several else [value]:
            rules.append(_parse_rule(term, rule, w))
    return tuple(rules)


def _parse_rule(term: str, rule, w: str) -> ContextRule:
    if not isinstance(rule, dict):
        raise LexiconError(f"{w}: must be a table (or an array of tables)")
    _known_keys(rule, _CONTEXT_KEYS, w)
    unless = _word_list(rule.get("unless", []), w, "unless")
    require = _word_list(rule.get("require", []), w, "require")
    if not unless and not require:
        raise LexiconError(f"{w}: needs 'unless' or 'require'")
    for word in unless + require:
        _check_term(word, w, "context word")
    window = rule.get("window")
    if window is not None and (not isinstance(window, int) or isinstance(window, bool)
                               or not 1 <= window <= 50):
        raise LexiconError(f"{w}: window must be an integer from 1 to 50")
    return ContextRule(term, tuple(unless), tuple(require), window)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a TOML lexicon: a path, a shipped name (see :func:`lexicon_path`), or
    the default one when ``path`` is None.

    Raises :class:`LexiconError` (one line: file, topic, term) for: unreadable TOML, unknown keys,
    a topic without a label or without terms, a term that is not a word, phrase or valid glob,
    a term listed under two topics, a context rule for a term the topic does not list.

    >>> lex = load_lexicon()
    >>> [t.id for t in lex.topics][:3], lex.version
    (['arts', 'conflict', 'crime'], '2.6')
    >>> load_lexicon("international-affairs").topics[0].id
    'security'
    """
    p = lexicon_path(path)
    name = str(path) if path is not None else "default lexicon"
    if not p.is_file():
        raise LexiconError(f"{name}: no such lexicon file")
    from analysis.inputs import read_regular  # regular files of bounded size only

    try:  # a byte-order mark (as some editors write) is accepted
        data = tomllib.loads(read_regular(p).decode("utf-8-sig"))
    except InputError as exc:
        raise LexiconError(str(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{name}: not valid TOML ({exc})") from None
    unknown = set(data) - {"meta", "topics", "rules"}
    if unknown:
        raise LexiconError(f"{name}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    rules = _parse_rules(data.get("rules", {}), name)
    topics_raw = data.get("topics")
    if not isinstance(topics_raw, dict) or not topics_raw:
        raise LexiconError(f"{name}: no [topics.<id>] tables")
    seen: dict[str, str] = {}
    topics = []
    for tid, spec in topics_raw.items():
        where = f"{name}: topic '{tid}'"
        if not isinstance(spec, dict):
            raise LexiconError(f"{where}: must be a table")
        _known_keys(spec, _TOPIC_KEYS, where)
        label = spec.get("label")
        if not isinstance(label, str) or not label.strip():
            raise LexiconError(f"{where}: missing 'label'")
        code = spec.get("code", "")
        if not isinstance(code, str):
            raise LexiconError(f"{where}: 'code' must be a string")
        lists = {key: _word_list(spec.get(key, []), where, key)
                 for key in ("terms", "acronyms", "exclude", "names")}
        if not lists["terms"] and not lists["acronyms"] and not lists["names"]:
            raise LexiconError(f"{where}: empty topic (no terms, names or acronyms)")
        for key in ("terms", "exclude", "acronyms", "names"):
            what = {"exclude": "exclude", "names": "name"}.get(key, key[:-1])
            for term in lists[key]:
                _check_term(term, where, what, single=key == "acronyms",
                            globs=key in ("terms", "exclude"))
                if key == "exclude":
                    continue
                k = term if key in ("acronyms", "names") else \
                    " ".join(normalise(w) for w in term.split())
                if k in seen:
                    other = seen[k]
                    raise LexiconError(f"{where}: term '{term}' is also listed under topic "
                                       f"'{other}'" if other != tid else
                                       f"{where}: term '{term}' is listed twice")
                seen[k] = tid
        listed = set(lists["terms"]) | set(lists["acronyms"]) | set(lists["names"])
        context = _parse_context(spec.get("context", {}), where, listed)
        topics.append(Topic(tid, label.strip(), tuple(lists["terms"]),
                            tuple(lists["acronyms"]), tuple(lists["exclude"]), code.strip(),
                            tuple(lists["names"]), context))
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not isinstance(meta.get("name", name), str):
        raise LexiconError(f"{name}: [meta] must be a table with a string 'name'")
    lex = Lexicon(str(meta.get("name", name)), topics, name, str(meta.get("version", "")),
                  path=p, **rules)
    _build_index(lex)
    return lex


def _word_matcher(word: str):
    """An exact normalised word, or a compiled glob."""
    if "*" not in word:
        return normalise(word)
    core = re.escape(normalise(word.strip("*")))
    pattern = ("" if word.startswith("*") else "^") + core + ("" if word.endswith("*") else "$")
    if word.startswith("*"):
        pattern = ".*" + pattern
    return re.compile(pattern)


def _context_patterns(words: tuple[str, ...]):
    """Context words compiled for speed: (set of exact words, one regex for the single-word
    globs or None, list of multi-word phrases as matcher tuples); None when empty. The regex is
    multi-line: it is searched once in the window's words joined by newlines, each glob
    anchored to one word as ``re.match`` on that word would be."""
    if not words:
        return None
    exact, globs, phrases = set(), [], []
    for w in words:
        parts = w.split()
        if len(parts) > 1:
            phrases.append(tuple(_word_matcher(x) for x in parts))
        elif "*" in w:
            globs.append(_word_matcher(w).pattern)
        else:
            exact.add(normalise(w))
    regex = re.compile("|".join(f"(?:{g})" for g in globs), re.M) if globs else None
    # the first words of the phrases when all are exact words (else None): a window holding
    # none of them holds no phrase, and is not scanned
    firsts = frozenset(ph[0] for ph in phrases) \
        if all(ph[0].__class__ is str for ph in phrases) else None
    return exact, regex, phrases, firsts


def _build_index(lex: Lexicon) -> None:
    """Patterns keyed by their first word (exact) plus a list of glob-first patterns.
    Each item is (matchers, topic id or None, term, kind)."""
    entries = []
    for topic in lex.topics:
        entries += [(t, topic.id, "term") for t in topic.terms]
        entries += [(t, topic.id, "name") for t in topic.acronyms + topic.names]
        entries += [(t, topic.id, "exclude") for t in topic.exclude]
        # a rule written for "*" applies to every term, name and acronym of the topic
        every = [rule for rule in topic.context if rule.term == "*"]
        for rule in topic.context:
            if rule.term == "*":
                continue
            lex._context.setdefault((topic.id, rule.term), []).append(
                (_context_patterns(rule.unless), _context_patterns(rule.require), rule.window))
        for entry in topic.terms + topic.acronyms + topic.names if every else ():
            lex._context.setdefault((topic.id, entry), []).extend(
                (_context_patterns(r.unless), _context_patterns(r.require), r.window)
                for r in every)
    entries += [(t, None, "negation") for t in lex.negations]
    for term, tid, kind in entries:
        words = term.split()
        if kind == "name":
            matchers = tuple(("=", w.replace("’", "'")) for w in words)
        else:
            matchers = tuple(_word_matcher(w) for w in words)
        item = (matchers, tid, term, kind)
        first = matchers[0]
        if isinstance(first, re.Pattern):
            # a glob: "word*" is found by its stem (a prefix of the token), others by regex;
            # the position in the lexicon keeps the order of equal candidates
            ordered = (len(lex._globs), item)
            lex._globs.append(item)
            if words[0].startswith("*"):
                lex._glob_other.append(ordered)
            else:
                stem = normalise(words[0].strip("*"))
                lex._glob_prefix.setdefault(stem, []).append(ordered)
                lex._glob_stem_max = max(lex._glob_stem_max, len(stem))
        else:  # an exact word, or ("=", name word)
            lex._index.setdefault(first, []).append(item)


def _matches(matcher, token_text: str, norm: str) -> bool:
    if isinstance(matcher, tuple):
        return token_text.replace("’", "'").removesuffix("'s") == matcher[1]
    if isinstance(matcher, str):
        return norm == matcher
    return matcher.match(norm) is not None


def _specificity(matchers) -> int:
    """Exact words beat globs, and a longer glob beats a shorter one ("protestant*" wins over
    "protest*" for "Protestants")."""
    return sum(len(m.pattern) if isinstance(m, re.Pattern) else 1000 for m in matchers)


def _candidates(lex: Lexicon, token_text: str) -> tuple[list, frozenset | None]:
    """The entries whose first word matches a token, longest first, then by priority, and —
    when every one is a phrase whose second word is an exact word — the set of those second
    words (else None): a position whose next word is not in it matches nothing. Memoised per
    token text (its normalised form is a function of it)."""
    hit = lex._cache.get(token_text)
    if hit is None:
        norm = normalise(token_text)
        cands = list(lex._index.get(norm, ()))
        cands += lex._index.get(("=", token_text.replace("’", "'").removesuffix("'s")), [])
        globs = [g for g in lex._glob_other if g[1][0][0].match(norm)]
        prefix = lex._glob_prefix
        for k in range(1, min(len(norm), lex._glob_stem_max) + 1):
            found = prefix.get(norm[:k])
            if found:
                globs += found
        globs.sort(key=lambda g: g[0])
        cands += [g[1] for g in globs]
        cands.sort(key=lambda item: (-len(item[0]), _PRIORITY[item[3]], -_specificity(item[0])))
        if not cands:  # most words: one shared entry, so the memo stays small
            hit = lex._cache[token_text] = _NO_CANDIDATES
            return hit
        seconds = None
        if all(len(m) > 1 and m[1].__class__ is str for m, _t, _r, _k in cands):
            seconds = frozenset(m[1] for m, _t, _r, _k in cands)
        hit = lex._cache[token_text] = (cands, seconds)
    return hit


# --------------------------------------------------------------------------- matching

HIT_COLUMNS = ["article_id", "topic", "label", "term", "matched", "start", "end", "paragraph",
               "block", "section", "sentence", "in_quote", "speaker"]
_PUNCT = re.compile(r"[.,;:!?()\[\]{}—–\"“”]")


class _Names:
    """Capitalised runs (proper names) around a hit, found on demand (see the module docstring):
    a hit costs a walk over its neighbours, an article without hits costs nothing."""

    def __init__(self, article: Article, body) -> None:
        self.text = article.text
        self.body = body
        self._sents = None  # array of sentence numbers, built on first use
        self.stops = stopwords()
        self.exempt: dict[int, bool] = {}

    @property
    def sents(self):
        """The sentence number of every body token (built on first use)."""
        if self._sents is None:
            self._sents = token_column(self.body, "sentence")
        return self._sents

    def cap(self, k: int) -> bool:
        t = self.body[k]
        if not t.text[:1].isupper():
            return False
        # "The", "In", "After" … open a sentence, not a name
        return not ((k == 0 or self.body[k - 1].sentence != t.sentence) and
                    t.text.lower() in self.stops)

    def joined(self, a: int, b: int) -> bool:
        ta, tb = self.body[a], self.body[b]
        return ta.sentence == tb.sentence and not self.text[ta.end:tb.start].strip()

    def title_case(self, sentence: int) -> bool:
        """Five or more words, 80 % capitalised: a headline typed as a paragraph."""
        if sentence not in self.exempt:
            lo = bisect_left(self.sents, sentence)
            hi = bisect_right(self.sents, sentence)
            words = [t for t in self.body[lo:hi] if t.text[:1].isalpha()]
            caps = sum(1 for t in words if t.text[:1].isupper())
            self.exempt[sentence] = len(words) >= 5 and caps >= 0.8 * len(words)
        return self.exempt[sentence]

    def inside_name(self, i: int, j: int) -> bool:
        """Whether the hit on tokens i..j is a word inside a longer capitalised name."""
        c = i if self.cap(i) else (j if self.cap(j) else None)
        if c is None:
            return False
        n = len(self.body)
        first = last = c
        k = c - 1
        while k >= 0 and self.joined(k, k + 1):
            if self.cap(k):
                first = k
            elif self.body[k].text not in _NAME_JOINERS:
                break
            k -= 1
        k = c + 1
        while k < n and self.joined(k - 1, k):
            if self.cap(k):
                last = k
            elif self.body[k].text not in _NAME_JOINERS:
                break
            k += 1
        caps = sum(1 for m in range(first, last + 1) if self.cap(m))
        if caps < 2:
            return False
        inside = sum(1 for m in range(max(i, first), min(j, last) + 1)
                     if self.body[m].text[:1].isupper())
        # a headline typed as a sentence is exempt (checked last: the costlier test)
        return inside < 2 and not self.title_case(self.body[c].sentence)


class _Strings:
    """The strings of a long article's tokens made when read, never all held: ``f(k)`` for
    item ``k``, a list for a slice.

    >>> s = _Strings(str, 3)
    >>> len(s), s[2], s[0:2]
    (3, '2', ['0', '1'])
    """

    __slots__ = ("_f", "_n")

    def __init__(self, f, n: int):
        self._f, self._n = f, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self._f(x) for x in range(*k.indices(self._n))]
        return self._f(k)


def _context_ok(rule, body, norms, i: int, j: int, bounds) -> bool:
    """Whether a hit on tokens i..j passes its context rule (unless / require)."""
    unless, require, window = rule
    lo, hi = bounds
    if window is not None:
        lo, hi = max(lo, i - window), min(hi, j + window)

    def found(patterns) -> bool:
        exact, regex, phrases, firsts = patterns
        around = norms[lo:i] + norms[j + 1:hi + 1]  # the window without the hit itself
        if not exact.isdisjoint(around):
            return True
        if regex is not None and regex.search("\n".join(around)):
            return True
        if firsts is not None and firsts.isdisjoint(around):
            return False  # (a phrase cannot start inside the hit: it would overlap it)
        for k in range(lo, hi + 1) if phrases else ():
            for pat in phrases:
                if k + len(pat) - 1 > hi or any(i <= k + d <= j for d in range(len(pat))):
                    continue
                if all(_matches(pat[d], body[k + d].text, norms[k + d])
                       for d in range(len(pat))):
                    return True
        return False

    if unless and found(unless):
        return False
    return not require or found(require)


def _match_runs(article: Article, lex: Lexicon, with_dropped: bool = False):
    """Yield (topic id, term, first token, last token) for every counted hit; with
    ``with_dropped`` also candidate hits that do not count, as a fifth item giving the reason
    (None for a counted hit; ``name``, ``negation``, ``context``, ``excluded``); the
    article-level rules (corroboration, ``min_hits``) are applied by :func:`topic_hit_records`."""
    text = article.text
    body = article.body_tokens
    long = isinstance(body, Tokens)
    # a long article's token strings are made when read, never all held (bounded memory)
    texts = _Strings(body.text_of, len(body)) if long else [t.text for t in body]
    # the lexicon entries each distinct word of the article can start; most words start none,
    # and only the positions of those that do are visited
    cache = lex._cache
    hot = {}
    words = set(body.texts()) if long else set(texts)
    for word in words:
        entry = cache.get(word)
        if entry is None:
            entry = _candidates(lex, word)
        if entry[0]:
            hot[word] = entry
    if not hot:
        return
    if long:
        norms = _Strings(lambda k: normalise(body.text_of(k)), len(body))
    else:  # each distinct word normalised once
        norm_of = {w: normalise(w) for w in words}
        norms = list(map(norm_of.__getitem__, texts))
    names = _Names(article, body) if lex.proper_names else None
    last_neg = None  # (sentence, end token index, end offset) of the last negation cue
    n = len(body)
    # joined[k]: tokens k and k + 1 may be words of one phrase (same sentence, white space
    # only between them); filled on demand
    joined: dict[int, bool] = {}
    sentence_span: dict[int, tuple[int, int]] = {}  # sentence -> its first and last token

    def span_of(k: int) -> tuple[int, int]:
        s_id = body[k].sentence
        found = sentence_span.get(s_id)
        if found is None:  # each sentence walked once: linear in the article
            lo = hi = k
            while lo > 0 and body[lo - 1].sentence == s_id:
                lo -= 1
            while hi + 1 < n and body[hi + 1].sentence == s_id:
                hi += 1
            found = sentence_span[s_id] = (lo, hi)
        return found

    i = 0  # the first token not yet consumed by a match
    for p in [k for k, w in enumerate(body.texts() if long else texts) if w in hot]:
        if p < i:
            continue
        i = p
        cands, seconds = hot[texts[i]]
        if seconds is not None and (i + 1 == n or norms[i + 1] not in seconds):
            continue  # this word only starts phrases, and the next word fits none of them
        best = None
        # every candidate's first word matches this token (that is how it was found);
        # candidates come longest first, then by priority: the first full match wins
        for item in cands:
            matchers = item[0]
            k = len(matchers)
            if k == 1:
                best = item
                break
            if i + k > n:
                continue
            for d in range(1, k):
                m, nd = matchers[d], norms[i + d]
                if not (nd == m if m.__class__ is str else _matches(m, texts[i + d], nd)):
                    break
                g = joined.get(i + d - 1)
                if g is None:
                    a, b = body[i + d - 1], body[i + d]
                    g = joined[i + d - 1] = (a.sentence == b.sentence and
                                             not text[a.end:b.start].strip())
                if not g:
                    break
            else:
                best = item
                break
        if best is None:
            i = p + 1
            continue
        matchers, tid, term, kind = best
        k = len(matchers)
        j = i + k - 1
        reason = None
        if kind == "negation":
            last_neg = (body[i].sentence, j, body[j].end)
            i += k
            continue
        if kind == "exclude":
            reason = "excluded"
        elif kind == "term" and names is not None and \
                (texts[i][:1].isupper() or texts[j][:1].isupper()) and names.inside_name(i, j):
            reason = "name"
        if reason is None and last_neg is not None and last_neg[0] == body[i].sentence and \
                i - last_neg[1] - 1 <= lex.negation_window and \
                not _PUNCT.search(text, last_neg[2], body[i].start):
            reason = "negation"
        if reason is None:
            rules = lex._context.get((tid, term))
            if rules is not None:
                bounds = span_of(i)
                if not all(_context_ok(rule, body, norms, i, j, bounds) for rule in rules):
                    reason = "context"
        if reason is None:
            yield (tid, term, i, j, None) if with_dropped else (tid, term, i, j)
        elif with_dropped:
            yield tid, term, i, j, reason
        i += k


def _quote_lookup(quotes: pd.DataFrame | None):
    if quotes is None or quotes.empty:
        return []
    sp = quotes[quotes["kind"].isin(["direct", "partial"])]
    return sorted(zip(sp["start"], sp["end"], sp["speaker"].fillna(""), strict=True))


def _in_quote(spans, start: int, end: int):
    """(True, speaker) when [start, end) lies inside one of the sorted speech spans."""
    i = bisect_right(spans, (start, float("inf"), "")) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return True, spans[i][2] or None
    return False, None


def corroborate(runs: list[tuple], paragraph_of, rule: Corroboration) -> list[tuple]:
    """Mark the counted hits that lack corroboration as dropped (``uncorroborated``).

    ``runs`` are ``(topic, term, first token, last token, reason)`` tuples (reason None for a
    hit that counts so far); ``paragraph_of[i]`` is the paragraph number of body token ``i`` (a
    list, or a dict holding at least the first tokens of the counted hits). A hit
    keeps counting when its topic has at least ``rule.article_hits`` counted hits in the article
    (when that is not 0), or when another counted hit of the same topic *by a different lexicon
    entry* lies in the same paragraph (``rule.paragraph``) or at most ``rule.window`` words away
    (when that is not 0). Hits dropped for another reason neither count nor corroborate.

    >>> runs = [("sport", "golf", 3, 3, None), ("sport", "golf", 40, 40, None),
    ...         ("sport", "tee*", 45, 45, None), ("economy", "trade", 90, 90, None)]
    >>> rule = Corroboration(paragraph=False, window=10, article_hits=0)
    >>> [r[4] for r in corroborate(runs, [0] * 100, rule)]
    ['uncorroborated', None, None, 'uncorroborated']
    """
    by_topic: dict[str, list[tuple[int, str, int, int]]] = {}
    for n, (tid, term, i, j, reason) in enumerate(runs):
        if reason is None:
            by_topic.setdefault(tid, []).append((n, term, i, j))
    weak: set[int] = set()
    for hits in by_topic.values():
        if rule.article_hits and len(hits) >= rule.article_hits:
            continue
        # linear, not a scan of every pair: a paragraph corroborates all its hits when it holds
        # two distinct entries; the window looks only at the neighbours within ``rule.window``
        # words (hits do not overlap, so the gap grows as the neighbours get farther)
        hits.sort(key=itemgetter(2))
        mixed: set = set()
        if rule.paragraph:
            first_term: dict = {}
            for _n, term, i, _j in hits:
                para = paragraph_of[i]
                if first_term.setdefault(para, term) != term:
                    mixed.add(para)
        for k, (n, term, i, j) in enumerate(hits):
            if rule.paragraph and paragraph_of[i] in mixed:
                continue
            if rule.window and (_near(hits, k, term, i, j, rule.window, -1) or
                                _near(hits, k, term, i, j, rule.window, 1)):
                continue
            weak.add(n)
    if not weak:
        return runs
    return [r[:4] + ("uncorroborated",) if n in weak else r for n, r in enumerate(runs)]


def _near(hits, k: int, term: str, i: int, j: int, window: int, step: int) -> bool:
    """Whether a hit of another entry lies at most ``window`` words before (step -1) or after
    (step 1) hit ``k`` (tokens i..j) in the sorted ``hits``."""
    m = k + step
    while 0 <= m < len(hits):
        _n2, term2, i2, j2 = hits[m]
        if (i2 - j if step > 0 else i - j2) > window:
            return False
        if term2 != term:
            return True
        m += step
    return False


def topic_hits(article: Article, lexicon: Lexicon | None = None,
               quotes: pd.DataFrame | None = None, dropped: bool = False) -> pd.DataFrame:
    """One row per topic hit: the term, the matched text and its offsets, paragraph, section,
    sentence, whether it is inside a speech quote and whose (given a quotes table). With
    ``dropped=True`` the candidate hits that did not count are listed too, and a ``dropped``
    column gives the reason (empty for counted hits).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Shenley Court police said it was not related to terrorism.", "x")
    >>> topic_hits(art, dropped=True)[["topic", "matched", "start", "dropped"]].values.tolist()
    [['crime', 'Court', 8, 'name'], ['crime', 'police', 14, 'uncorroborated'], \
['conflict', 'terrorism', 48, 'negation']]
    """
    rows = topic_hit_records(article, lexicon, _quote_lookup(quotes), dropped)
    return pd.DataFrame.from_records(rows, columns=HIT_COLUMNS + (["dropped"] if dropped else []))


def topic_hit_records(article: Article, lexicon: Lexicon | None = None,
                      speech: list[tuple[int, int, str]] | None = None,
                      dropped: bool = False) -> list[tuple]:
    """The rows of :func:`topic_hits` as plain tuples in :data:`HIT_COLUMNS` order (no
    DataFrame: the corpus path). ``speech`` lists the speech quotes as sorted
    ``(start, end, speaker or "")`` tuples; with ``dropped=True`` each row ends with the
    reason a candidate did not count (empty for counted hits).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“Trade and investment matter,” Ruto said.", "x")
    >>> row = topic_hit_records(art, speech=[(1, 29, "Ruto")])[0]
    >>> row[1], row[4], row[5], row[-2:]
    ('economy', 'Trade', 1, (True, 'Ruto'))
    """
    lex = lexicon or default_lexicon()
    labels = lex.labels()
    body = article.body_tokens
    places = BlockPlaces(article)
    section = places.section
    paragraph_of_block: dict[int, int] = {}

    def para_no(block: int) -> int:  # looked up once per block
        found = paragraph_of_block.get(block)
        if found is None:
            found = paragraph_of_block[block] = places.paragraph(block)
        return found

    spans = speech or []
    rows = []
    runs = list(_match_runs(article, lex, with_dropped=True))
    if lex.corroboration is not None:
        # the paragraph of each counted hit's first token (not of every token: cheaper)
        # entries are told apart by their stems: "sport" and "sports" are one entry here
        keyed = [(tid, entry_stem(term), i, j, reason) for tid, term, i, j, reason in runs]
        marked = corroborate(keyed, {i: para_no(body[i].block)
                                     for _t, _r, i, _j, reason in runs if reason is None},
                             lex.corroboration)
        if marked is not keyed:
            runs = [r[:4] + (m[4],) for r, m in zip(runs, marked, strict=True)]
    if lex.min_hits > 1:  # a topic with too few hits in this article does not count here
        per_topic = Counter(tid for tid, _t, _i, _j, reason in runs if reason is None)
        few = {tid for tid, count in per_topic.items() if count < lex.min_hits}
        if few:
            runs = [(tid, term, i, j, "few" if reason is None and tid in few else reason)
                    for tid, term, i, j, reason in runs]
    text, aid = article.text, article.id
    for tid, term, i, j, reason in runs:
        if reason is not None and not dropped:
            continue
        a = body[i]
        b = a if i == j else body[j]
        inq, speaker = _in_quote(spans, a.start, b.end) if spans else (False, None)
        blk = a.block
        row = (aid, tid, labels[tid], term, text[a.start:b.end], a.start, b.end, para_no(blk),
               blk, section(blk), a.sentence, inq, speaker)
        rows.append(row + (reason or "",) if dropped else row)
    return rows


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped default lexicon, loaded once.

    >>> default_lexicon().labels()["sport"]
    'Sport'
    """
    return load_lexicon(None)


SUMMARY_COLUMNS = ["article_id", "topic", "label", "hits", "words", "per_1000_words",
                   "paragraphs", "n_paragraphs", "paragraph_share", "sentences", "n_sentences",
                   "sentence_share", "hit_share"]


def topic_summary(article: Article, hits: pd.DataFrame, lexicon: Lexicon | None = None
                  ) -> pd.DataFrame:
    """Per topic: hits, the words they are counted against, hits per 1,000 words, paragraphs and
    sentences mentioning it (with their totals and shares), and the share of all hits.
    Every lexicon topic has a row, zero hits included; rows are sorted by hits.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Trade grew. Security too.\\nExports and troops again.", "x")
    >>> s = topic_summary(art, topic_hits(art))
    >>> s[s.hits > 0][["topic", "hits", "words", "paragraph_share"]].values.tolist()
    [['conflict', 2, 8, 1.0], ['economy', 2, 8, 1.0]]
    """
    lex = lexicon or default_lexicon()
    words = len(article.body_tokens)
    n_par = len(article.paragraphs)
    n_sent = len(article.sentences)
    total = len(hits)
    rows = []
    for t in lex.topics:
        h = hits[hits["topic"] == t.id] if total else hits
        k = len(h)
        paragraphs = h["paragraph"].nunique() if k else 0
        sentences = h["sentence"].nunique() if k else 0
        rows.append((article.id, t.id, t.label, k, words,
                     1000 * k / words if words else None,
                     paragraphs, n_par, paragraphs / n_par if n_par else None,
                     sentences, n_sent, sentences / n_sent if n_sent else None,
                     k / total if total else None))
    df = pd.DataFrame.from_records(rows, columns=SUMMARY_COLUMNS)
    order = {t.id: i for i, t in enumerate(lex.topics)}
    df["_o"] = df["topic"].map(order)
    df = df.sort_values(["hits", "_o"], ascending=[False, True]).drop(columns="_o")
    return df.reset_index(drop=True)


def topic_breakdown(article: Article, hits: pd.DataFrame, by: str = "section",
                    quotes: pd.DataFrame | None = None, lexicon: Lexicon | None = None
                    ) -> pd.DataFrame:
    """Hits per topic and section (``by="section"``) or per speaker vs narration
    (``by="speaker"``, needs ``quotes``), with each group's word count and hits per 1,000 words.

    Columns: article_id, group, group_label, topic, label, hits, words, per_1000_words.
    Every (group, topic) pair has a row, so the table can be pivoted into a heatmap.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Trade, exports.\\nSecurity\\nPolice, troops, arrests, army.", "x")
    >>> df = topic_breakdown(art, topic_hits(art))
    >>> df[df.hits > 0][["group_label", "topic", "hits"]].values.tolist()
    [['(lede)', 'economy', 2], ['Security', 'conflict', 2], ['Security', 'crime', 2]]
    """
    lex = lexicon or default_lexicon()
    body = article.body_tokens
    section_of = {b.index: b.section for b in article.blocks}
    if by == "section":
        groups = [(str(s.index), s.title) for s in article.sections]
        words = Counter(str(section_of[t.block]) for t in body)
        hit_group = hits["section"].astype(str) if len(hits) else pd.Series(dtype=str)
    elif by == "speaker":
        spans = _quote_lookup(quotes)
        owner = [(_in_quote(spans, t.start, t.end)) for t in body]
        names = ["narration" if not q else (s if isinstance(s, str) else "(unattributed)")
                 for q, s in owner]
        words = Counter(names)
        groups = [("narration", "narration")] + [(s, s) for s in sorted(set(names) -
                                                                       {"narration"})]
        hit_group = (hits["speaker"].fillna("(unattributed)").where(hits["in_quote"],
                                                                     "narration")
                     if len(hits) else pd.Series(dtype=str))
    else:
        raise ValueError(f"by must be 'section' or 'speaker', not {by!r}")
    counts = Counter(zip(hit_group, hits["topic"], strict=True)) if len(hits) else Counter()
    rows = []
    for gid, glabel in groups:
        w = words.get(gid, 0)
        for t in lex.topics:
            k = counts.get((gid, t.id), 0)
            rows.append((article.id, gid, glabel, t.id, t.label, k, w,
                         1000 * k / w if w else None))
    return pd.DataFrame.from_records(rows, columns=["article_id", "group", "group_label", "topic",
                                                    "label", "hits", "words",
                                                    "per_1000_words"])


# --------------------------------------------------------------------------- places


@lru_cache(maxsize=1)
def _places() -> Lexicon:
    """The gazetteer as a case-sensitive lexicon: one 'topic' per place."""
    topics = []
    with PLACES_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            forms = [row["name"], *filter(None, row["aliases"].split(";")),
                     *filter(None, row["demonyms"].split(";"))]
            topics.append(Topic(row["name"], row["type"], tuple(forms)))
    lex = Lexicon("places", topics, str(PLACES_CSV))
    for topic in topics:
        for form in topic.terms:
            matchers = tuple(("=", w) for w in form.split())
            lex._index.setdefault(matchers[0], []).append((matchers, topic.id, form))
    return lex


@lru_cache(maxsize=1)
def _place_regex() -> tuple[re.Pattern, dict[str, str]]:
    form_to_place = {}
    for topic in _places().topics:
        if topic.label in ("country", "region", "continent"):
            for form in topic.terms:
                form_to_place.setdefault(form, topic.id)
    forms = sorted(form_to_place, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) +
                         r")(?=[’']s\b|[^\w]|$)")
    return pattern, form_to_place


def place_in(text: str) -> str | None:
    """The first country or region named in a short phrase (names, demonyms, aliases).

    >>> place_in("Haiti's Prime Minister"), place_in("a Kenyan official"), place_in("the mayor")
    ('Haiti', 'Kenya', None)
    """
    pattern, form_to_place = _place_regex()
    m = pattern.search(text)
    return form_to_place[m.group()] if m else None


PLACE_COLUMNS = ["article_id", "place", "type", "matched", "start", "end", "paragraph", "block",
                 "section", "sentence", "in_quote", "speaker"]


def place_hits(article: Article, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Places mentioned (countries, capitals, cities, regions; demonyms count for their place),
    longest match first and case-sensitive. An acronym in brackets right after the full name —
    "Democratic Republic of the Congo (DRC)" — is the same mention, not a second one.
    Hyphenated compounds count each place part ("U.S.-Kenyan" → United States, Kenya).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("South Sudan and the DRC met U.S.-Kenyan envoys.", "x")
    >>> place_hits(art)[["place", "matched"]].values.tolist()
    [['South Sudan', 'South Sudan'], ['DR Congo', 'DRC'], ['United States', 'U.S.'], \
['Kenya', 'Kenyan']]
    """
    return pd.DataFrame.from_records(place_hit_records(article, _quote_lookup(quotes)),
                                     columns=PLACE_COLUMNS)


def place_hit_records(article: Article, speech: list[tuple[int, int, str]] | None = None
                      ) -> list[tuple]:
    """The rows of :func:`place_hits` as plain tuples in :data:`PLACE_COLUMNS` order (no
    DataFrame: the corpus path); ``speech`` as for :func:`topic_hit_records`.

    >>> from analysis.text import article_from_text
    >>> [r[1] for r in place_hit_records(article_from_text("Kenya and Haiti met.", "x"))]
    ['Kenya', 'Haiti']
    """
    lex = _places()
    types = {t.id: t.label for t in lex.topics}
    text = article.text
    places = BlockPlaces(article)
    para_no, section = places.paragraph, places.section
    spans = speech or []
    rows = []
    last_end = -1
    last_place = None
    body = article.body_tokens
    n = len(body)
    # only the positions of words that can start a place (every place form is capitalised) or
    # that are hyphenated compounds are visited, each distinct word looked up once
    texts = body.texts() if isinstance(body, Tokens) else [t.text for t in body]
    index = lex._index
    hot = {w for w in set(texts) if _HYPHEN.search(w) or ("=", _strip_poss(w)) in index}
    i = 0  # the first token not yet consumed by a match
    for p in [k for k, w in enumerate(texts) if w in hot]:
        if p < i:
            continue
        i = p
        t = body[i]
        parts = _split_compound(t.text, t.start) if _HYPHEN.search(t.text) else ()
        if len(parts) > 1:
            for ptext, pstart in parts:
                place = _lookup_single(lex, ptext)
                if place:
                    inq, spk = _in_quote(spans, pstart, pstart + len(ptext))
                    rows.append((article.id, place, types[place], ptext, pstart,
                                 pstart + len(ptext), para_no(t.block), t.block,
                                 section(t.block), t.sentence, inq, spk))
            i += 1
            continue
        best = None
        for matchers, pid, _form in lex._index.get(("=", _strip_poss(t.text)), []):
            k = len(matchers)
            if best is not None and k <= best[0]:
                continue
            if i + k > n:
                continue
            if all(_strip_poss(body[i + d].text) == matchers[d][1] and
                   body[i + d].sentence == t.sentence and
                   not text[body[i + d - 1].end:body[i + d].start].strip()
                   for d in range(1, k)):
                best = (k, pid)
        if best is None:
            i += 1
            continue
        k, pid = best
        a, b = t, body[i + k - 1]
        # "(DRC)" right after the full name of the same place: one mention
        if pid == last_place and text[last_end:a.start].strip() == "(" and \
                text[b.end:b.end + 1] == ")":
            i += k
            continue
        inq, spk = _in_quote(spans, a.start, b.end)
        rows.append((article.id, pid, types[pid], text[a.start:b.end], a.start, b.end,
                     para_no(a.block), a.block, section(a.block), a.sentence, inq, spk))
        last_end, last_place = b.end, pid
        i += k
    return rows


_HYPHEN = re.compile(r"[-‐‑]")  # only hyphenated tokens can be compounds (fast path)


def _strip_poss(word: str) -> str:
    return word.replace("’", "'").removesuffix("'s")


def _split_compound(word: str, start: int) -> list[tuple[str, int]]:
    parts = []
    pos = 0
    for piece in re.split(r"(?<=[^\W_]|\.)[-‐‑](?=[^\W_])", word):
        idx = word.index(piece, pos)
        parts.append((piece, start + idx))
        pos = idx + len(piece)
    return parts


def _lookup_single(lex: Lexicon, word: str) -> str | None:
    for matchers, pid, _form in lex._index.get(("=", _strip_poss(word)), []):
        if len(matchers) == 1:
            return pid
    return None


def place_summary(places: pd.DataFrame) -> pd.DataFrame:
    """Mentions per place: article_id, place, type, mentions, in_quotes.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Kenya and Kenyan envoys met in Haiti.", "x")
    >>> place_summary(place_hits(art))[["place", "mentions"]].values.tolist()
    [['Kenya', 2], ['Haiti', 1]]
    """
    if places.empty:
        return pd.DataFrame(columns=["article_id", "place", "type", "mentions", "in_quotes"])
    g = places.groupby(["article_id", "place", "type"], sort=False).agg(
        mentions=("start", "size"), in_quotes=("in_quote", "sum")).reset_index()
    return g.sort_values(["article_id", "mentions", "place"],
                         ascending=[True, False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- discovery


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English stop words shipped with the package (no download; see the file header).

    >>> {"the", "and", "their"} <= stopwords(), "security" in stopwords()
    (True, False)
    """
    lines = STOPWORDS_TXT.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def suggest_terms(article: Article, lexicon: Lexicon | None = None, min_count: int = 2,
                  top: int = 25) -> pd.DataFrame:
    """Suggested lexicon additions: frequent content words and bigram collocations (NLTK,
    likelihood ratio, frequency ≥ ``min_count``) that no topic, exclusion or place covers.

    Columns: article_id, kind ("word" or "collocation"), term, count, score.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Drones and drones. Drones again and more drones.", "x")
    >>> suggest_terms(art)[["kind", "term", "count"]].values.tolist()
    [['word', 'drones', 4]]
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    lex = lexicon or default_lexicon()
    stops = stopwords()
    covered: set[int] = set()
    for _tid, _term, i, j in _match_runs(article, lex):
        covered.update(range(i, j + 1))
    body = article.body_tokens
    places = place_hits(article)
    place_spans = list(zip(places["start"], places["end"], strict=True))
    # proper nouns (names, titles before names): capitalised inside sentences more often than not
    case = Counter()
    previous = -1
    for t in body:
        if t.sentence == previous:
            case[normalise(t.text)] += 1 if t.text[:1].isupper() else -1
        previous = t.sentence
    proper = {w for w, c in case.items() if c > 0}
    words = []
    for idx, t in enumerate(body):
        norm = normalise(t.text)
        content = norm.isalpha() and norm not in stops and len(norm) > 2 and norm not in proper
        is_place = any(a <= t.start < b for a, b in place_spans)
        words.append((norm, content and idx not in covered and not is_place))
    rows = []
    counts = Counter(w for w, free in words if free)
    for w, c in counts.most_common():
        if c < min_count or len(rows) >= top:
            break
        rows.append((article.id, "word", w, c, float(c)))
    finder = BigramCollocationFinder.from_words([w for w, _ in words])
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not w.isalpha() or w in stops or w in proper)
    free = {w for w, f in words if f}
    n_col = 0
    for (w1, w2), score in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio):
        if n_col >= top:
            break
        if w1 in free or w2 in free:
            rows.append((article.id, "collocation", f"{w1} {w2}",
                         finder.ngram_fd[(w1, w2)], float(score)))
            n_col += 1
    return pd.DataFrame.from_records(rows, columns=["article_id", "kind", "term", "count",
                                                    "score"])
