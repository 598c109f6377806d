"""Stage 1 of topic counting: lexicons — find, read and validate a TOML lexicon and index it
for matching (:func:`load_lexicon`, :func:`default_lexicon`, :func:`lexicon_path`), and the word
forms entries are compared by (:func:`normalise`, :func:`entry_stem`). The format is documented in
:mod:`analysis.topics`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.config import RESOURCES_DIR
from analysis.text import InputError

DEFAULT_LEXICON = RESOURCES_DIR / "topics_default.toml"


STOPWORDS_TXT = RESOURCES_DIR / "stopwords_en.txt"


_TERM_OK = re.compile(r"^\*?[\w’'.\-&]+(?:\*?)$")


_TOPIC_KEYS = {"label", "terms", "acronyms", "exclude", "description", "code", "names",
               "context", "min_paragraphs"}


_RULE_KEYS = {"negations", "negation_window", "proper_names", "min_hits", "corroboration",
              "min_share_of_top", "min_entries"}


_CORROBORATION_KEYS = {"paragraph", "window", "article_hits"}


_CONTEXT_KEYS = {"unless", "require", "window", "terms", "scope"}


_SHIPPED_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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
    terms: tuple[str, ...] = ()  # a "*" rule's entries (empty: every entry of the topic)
    scope: str = "sentence"  # where the context words are looked for: sentence or paragraph


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
    # since 2.9: the topic counts in an article only when its counted hits lie in at least
    # this many paragraphs (1: no such rule); see analysis.topics.hits.topic_hit_records
    min_paragraphs: int = 1


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
    # since 2.12: a topic counts in an article only when its counted hits are at least this
    # share of the leading topic's (0: no such rule); see analysis.topics.hits
    min_share_of_top: float = 0.0
    # since 2.13: a topic other than the article's leading one counts only when its counted hits
    # there include at least this many distinct entries (1: no such rule); see analysis.topics.hits
    min_entries: int = 1
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
    share = rules.get("min_share_of_top", 0)
    if not isinstance(share, int | float) or isinstance(share, bool) or not 0 <= share <= 1:
        raise LexiconError(f"{name}: [rules]: min_share_of_top must be a number from 0 to 1")
    entries = rules.get("min_entries", 1)
    if not isinstance(entries, int) or isinstance(entries, bool) or not 1 <= entries <= 10:
        raise LexiconError(f"{name}: [rules]: min_entries must be an integer from 1 to 10")
    return {"negations": tuple(negations), "negation_window": window, "proper_names": proper,
            "min_hits": min_hits, "min_share_of_top": float(share), "min_entries": entries,
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
            unknown = [t for t in rules[-1].terms if t not in listed]
            if unknown:
                raise LexiconError(f"{w}: terms: '{unknown[0]}' is not one of the topic's terms, "
                                   "names or acronyms")
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
    terms = rule.get("terms", [])
    if terms and term != "*":
        raise LexiconError(f"{w}: 'terms' belongs to a \"*\" rule only")
    terms = _word_list(terms, w, "terms")
    if "terms" in rule and not terms:
        raise LexiconError(f"{w}: 'terms' must list at least one entry")
    window = rule.get("window")
    if window is not None and (not isinstance(window, int) or isinstance(window, bool)
                               or not 1 <= window <= 50):
        raise LexiconError(f"{w}: window must be an integer from 1 to 50")
    scope = rule.get("scope", "sentence")
    if scope not in ("sentence", "paragraph"):
        raise LexiconError(f"{w}: scope must be \"sentence\" or \"paragraph\"")
    return ContextRule(term, tuple(unless), tuple(require), window, tuple(terms), scope)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a TOML lexicon: a path, a shipped name (see :func:`lexicon_path`), or
    the default one when ``path`` is None.

    Raises :class:`LexiconError` (one line: file, topic, term) for: unreadable TOML, unknown keys,
    a topic without a label or without terms, a term that is not a word, phrase or valid glob,
    a term listed under two topics, a context rule for a term the topic does not list.

    >>> lex = load_lexicon()
    >>> [t.id for t in lex.topics][:3], lex.version
    (['arts', 'conflict', 'crime'], '2.13')
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
        spread = spec.get("min_paragraphs", 1)
        if not isinstance(spread, int) or isinstance(spread, bool) or not 1 <= spread <= 10:
            raise LexiconError(f"{where}: min_paragraphs must be an integer from 1 to 10")
        topics.append(Topic(tid, label.strip(), tuple(lists["terms"]),
                            tuple(lists["acronyms"]), tuple(lists["exclude"]), code.strip(),
                            tuple(lists["names"]), context, spread))
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not isinstance(meta.get("name", name), str):
        raise LexiconError(f"{name}: [meta] must be a table with a string 'name'")
    lex = Lexicon(str(meta.get("name", name)), topics, name, str(meta.get("version", "")),
                  path=p, **rules)
    _build_index(lex)
    return lex


@lru_cache(maxsize=8192)
def _word_matcher(word: str):
    """An exact normalised word, or a compiled glob (memoised: a lexicon repeats its context
    words and globs in many rules; the value is immutable, so it is shared)."""
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
    # context words are compiled once per distinct set of words: the rules of many entries
    # (and every entry of a "*" rule) repeat the same words, and equal sets share one object,
    # so a span is searched once per distinct set (see analysis.topics.matching._span_matches)
    patterns: dict[frozenset[str], tuple] = {}

    def compiled(words: tuple[str, ...]):
        if not words:
            return None
        key = frozenset(words)
        found = patterns.get(key)
        if found is None:  # one order for every spelling of the set (the order of the words
            found = patterns[key] = _context_patterns(tuple(sorted(key)))  # changes no match)
        return found

    for topic in lex.topics:
        entries += [(t, topic.id, "term") for t in topic.terms]
        entries += [(t, topic.id, "name") for t in topic.acronyms + topic.names]
        entries += [(t, topic.id, "exclude") for t in topic.exclude]
        # each rule compiled once (a "*" rule is shared by many entries)
        checks = [(compiled(r.unless), compiled(r.require), r.window, r.scope == "paragraph")
                  for r in topic.context]
        # a rule written for "*" applies to every term, name and acronym of the topic, or only
        # to the entries its ``terms`` lists (a rule shared by a group of entries)
        every = [(r, check) for r, check in zip(topic.context, checks, strict=True)
                 if r.term == "*"]
        for rule, check in zip(topic.context, checks, strict=True):
            if rule.term == "*":
                continue
            lex._context.setdefault((topic.id, rule.term), []).append(check)
        for entry in topic.terms + topic.acronyms + topic.names if every else ():
            shared = [check for r, check in every if not r.terms or entry in r.terms]
            if shared:
                lex._context.setdefault((topic.id, entry), []).extend(shared)
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


#: Token texts memoised per lexicon by :func:`_candidates` before the memo starts again.
CANDIDATE_MEMO_LIMIT = 100_000


def _candidates(lex: Lexicon, token_text: str) -> tuple[list | tuple, frozenset | None]:
    """The entries whose first word matches a token, longest first, then by priority, and —
    when every one is a phrase whose second word is an exact word — the set of those second
    words (else None): a position whose next word is not in it matches nothing. Memoised per
    token text (its normalised form is a function of it)."""
    hit = lex._cache.get(token_text)
    if hit is None:
        if len(lex._cache) >= CANDIDATE_MEMO_LIMIT:  # a long stream of new words (names,
            lex._cache.clear()                      # numbers) must not grow memory for ever
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


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped default lexicon, loaded once.

    >>> default_lexicon().labels()["sport"]
    'Sport'
    """
    return load_lexicon(None)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English stop words shipped with the package (no download; see the file header).

    >>> {"the", "and", "their"} <= stopwords(), "security" in stopwords()
    (True, False)
    """
    lines = STOPWORDS_TXT.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
