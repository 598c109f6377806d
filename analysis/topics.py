"""Topic frequency from a transparent lexicon, with the evidence for every count.

Lexicon (TOML; the default ships as ``analysis/resources/topics_default.toml``, whose header
documents the format). Each topic has a ``label``, ``terms`` (words, multi-word phrases, ``*``
globs at the start or end of a word), case-sensitive ``acronyms`` and ``exclude`` phrases.
:func:`load_lexicon` validates it and names the file, topic and term of every error.

Matching (:func:`topic_hits`) works on the word tokens of :mod:`analysis.text`:

* a token is compared lower-cased, with ’ and ' alike and a possessive ’s removed
  ("Kenya’s" → kenya); "U.S." stays "u.s." (never "us"); acronyms compare case-sensitively;
* terms match whole tokens (trade ≠ trademark; ``trade*`` would match both); a phrase matches
  consecutive tokens of one sentence separated by white space only;
* at every position the longest match across the whole lexicon wins, each token is counted once,
  and a match of an ``exclude`` phrase consumes its tokens without a hit.

Tables carry raw counts and their denominators: :func:`topic_summary` gives hits, words,
``per_1000_words``, paragraphs and ``paragraph_share``, sentences and ``sentence_share``,
``hit_share``; :func:`topic_breakdown` gives the same per section or per speaker vs narration.
Places (:func:`place_hits`) are kept in their own table from a gazetteer of countries, capitals,
cities and regions with their demonyms ("South Sudan" is not "Sudan"; "Democratic Republic of
the Congo (DRC)" is one mention). :func:`suggest_terms` offers what the lexicon misses.

>>> from analysis.text import article_from_text
>>> art = article_from_text("Trade rose. Kenya’s trademark security deal helped trade.", "x")
>>> topic_hits(art)[["topic", "term", "matched"]].values.tolist()
[['economy', 'trade', 'Trade'], ['security', 'security', 'security'], ['economy', 'trade', 'trade']]
"""

from __future__ import annotations

import csv
import re
import tomllib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.config import RESOURCES_DIR
from analysis.text import Article, InputError

DEFAULT_LEXICON = RESOURCES_DIR / "topics_default.toml"
PLACES_CSV = RESOURCES_DIR / "places.csv"
STOPWORDS_TXT = RESOURCES_DIR / "stopwords_en.txt"

_TERM_OK = re.compile(r"^\*?[\w’'.\-]+(?:\*?)$")
_TOPIC_KEYS = {"label", "terms", "acronyms", "exclude", "description"}


class LexiconError(InputError):
    """A lexicon file that cannot be used; the message names file, topic and term."""


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass
class Lexicon:
    name: str
    topics: list[Topic]
    source: str
    _index: dict = field(default_factory=dict, repr=False)
    _globs: list = field(default_factory=list, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

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


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a TOML lexicon (the default one when ``path`` is None).

    Raises :class:`LexiconError` (one line: file, topic, term) for: unreadable TOML, unknown keys,
    a topic without a label or without terms, a term that is not a word, phrase or valid glob,
    a term listed under two topics.

    >>> lex = load_lexicon()
    >>> [t.id for t in lex.topics][:3]
    ['security', 'economy', 'technology']
    """
    p = Path(path) if path is not None else DEFAULT_LEXICON
    name = str(path) if path is not None else "default lexicon"
    if not p.is_file():
        raise LexiconError(f"{name}: no such lexicon file")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{name}: not valid TOML ({exc})") from None
    unknown = set(data) - {"meta", "topics"}
    if unknown:
        raise LexiconError(f"{name}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    topics_raw = data.get("topics")
    if not isinstance(topics_raw, dict) or not topics_raw:
        raise LexiconError(f"{name}: no [topics.<id>] tables")
    seen: dict[str, str] = {}
    topics = []
    for tid, spec in topics_raw.items():
        where = f"{name}: topic '{tid}'"
        if not isinstance(spec, dict):
            raise LexiconError(f"{where}: must be a table")
        bad = set(spec) - _TOPIC_KEYS
        if bad:
            raise LexiconError(f"{where}: unknown key(s): {', '.join(sorted(bad))}")
        label = spec.get("label")
        if not isinstance(label, str) or not label.strip():
            raise LexiconError(f"{where}: missing 'label'")
        lists = {}
        for key in ("terms", "acronyms", "exclude"):
            value = spec.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise LexiconError(f"{where}: '{key}' must be a list of strings")
            lists[key] = value
        if not lists["terms"] and not lists["acronyms"]:
            raise LexiconError(f"{where}: empty topic (no terms and no acronyms)")
        for key in ("terms", "exclude", "acronyms"):
            for term in lists[key]:
                words = term.split()
                if not words or not all(_TERM_OK.match(w) and w.strip("*") for w in words) or \
                        any(w.count("*") > 1 for w in words) or \
                        (key == "acronyms" and (len(words) != 1 or "*" in term)):
                    raise LexiconError(f"{where}: {key[:-1] if key != 'exclude' else key} "
                                       f"'{term}' is not a valid word, phrase or glob")
                if key == "exclude":
                    continue
                k = term if key == "acronyms" else " ".join(normalise(w) for w in words)
                if k in seen:
                    other = seen[k]
                    raise LexiconError(f"{where}: term '{term}' is also listed under topic "
                                       f"'{other}'" if other != tid else
                                       f"{where}: term '{term}' is listed twice")
                seen[k] = tid
        topics.append(Topic(tid, label.strip(), tuple(lists["terms"]),
                            tuple(lists["acronyms"]), tuple(lists["exclude"])))
    meta = data.get("meta", {})
    lex = Lexicon(str(meta.get("name", name)), topics, name)
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


def _build_index(lex: Lexicon) -> None:
    """Patterns keyed by their first word (exact) plus a list of glob-first patterns."""
    for topic in lex.topics:
        entries = [(t, topic.id, False) for t in topic.terms]
        entries += [(t, topic.id, True) for t in topic.acronyms]
        entries += [(t, None, False) for t in topic.exclude]
        for term, tid, acronym in entries:
            words = term.split()
            if acronym:
                matchers = (("=", term),)
            else:
                matchers = tuple(_word_matcher(w) for w in words)
            item = (matchers, tid, term)
            first = matchers[0]
            if isinstance(first, re.Pattern):
                lex._globs.append(item)
            else:  # an exact word, or ("=", acronym)
                lex._index.setdefault(first, []).append(item)


def _matches(matcher, token_text: str, norm: str) -> bool:
    if isinstance(matcher, tuple):
        return token_text.replace("’", "'").removesuffix("'s") == matcher[1]
    if isinstance(matcher, str):
        return norm == matcher
    return matcher.match(norm) is not None


def _candidates(lex: Lexicon, token_text: str, norm: str) -> list:
    key = (token_text, norm)
    hit = lex._cache.get(key)
    if hit is None:
        hit = list(lex._index.get(norm, ()))
        hit += lex._index.get(("=", token_text.replace("’", "'").removesuffix("'s")), [])
        hit += [g for g in lex._globs if _matches(g[0][0], token_text, norm)]
        hit.sort(key=lambda item: -len(item[0]))
        lex._cache[key] = hit
    return hit


# --------------------------------------------------------------------------- matching

HIT_COLUMNS = ["article_id", "topic", "label", "term", "matched", "start", "end", "paragraph",
               "block", "section", "sentence", "in_quote", "speaker"]


def _match_runs(article: Article, lex: Lexicon):
    """Yield (topic id or None for an exclusion, term, first token, last token)."""
    text = article.text
    body = article.body_tokens
    norms = [normalise(t.text) for t in body]
    i = 0
    n = len(body)
    while i < n:
        best = None
        for matchers, tid, term in _candidates(lex, body[i].text, norms[i]):
            k = len(matchers)
            if best is not None and (k < best[0] or best[1] is not None):
                break  # candidates come longest first; at equal length a term beats an exclusion
            if i + k > n:
                continue
            ok = True
            for d in range(1, k):
                a, b = body[i + d - 1], body[i + d]
                if b.sentence != a.sentence or text[a.end:b.start].strip() or \
                        not _matches(matchers[d], b.text, norms[i + d]):
                    ok = False
                    break
            if ok:
                best = (k, tid, term)
        if best is None:
            i += 1
            continue
        k, tid, term = best
        yield tid, term, i, i + k - 1
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


def topic_hits(article: Article, lexicon: Lexicon | None = None,
               quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per topic hit: the term, the matched text and its offsets, paragraph, section,
    sentence, whether it is inside a speech quote and whose (given a quotes table).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("The U.S. backed food security and security talks.", "x")
    >>> topic_hits(art)[["topic", "matched", "start", "end"]].values.tolist()
    [['humanitarian', 'food security', 16, 29], ['security', 'security', 34, 42], \
['diplomacy', 'talks', 43, 48]]
    """
    return pd.DataFrame.from_records(topic_hit_records(article, lexicon, _quote_lookup(quotes)),
                                     columns=HIT_COLUMNS)


def topic_hit_records(article: Article, lexicon: Lexicon | None = None,
                      speech: list[tuple[int, int, str]] | None = None) -> list[tuple]:
    """The rows of :func:`topic_hits` as plain tuples in :data:`HIT_COLUMNS` order (no
    DataFrame: the corpus path). ``speech`` lists the speech quotes as sorted
    ``(start, end, speaker or "")`` tuples.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“Trade matters,” Ruto said.", "x")
    >>> row = topic_hit_records(art, speech=[(1, 14, "Ruto")])[0]
    >>> row[1], row[4], row[5], row[-2:]
    ('economy', 'Trade', 1, (True, 'Ruto'))
    """
    lex = lexicon or default_lexicon()
    labels = lex.labels()
    body = article.body_tokens
    para_no = {b.index: i for i, b in enumerate(article.paragraphs)}
    section = {b.index: b.section for b in article.blocks}
    spans = speech or []
    rows = []
    for tid, term, i, j in _match_runs(article, lex):
        if tid is None:
            continue
        a, b = body[i], body[j]
        inq, speaker = _in_quote(spans, a.start, b.end)
        rows.append((article.id, tid, labels[tid], term, article.text[a.start:b.end], a.start,
                     b.end, para_no[a.block], a.block, section[a.block], a.sentence, inq,
                     speaker))
    return rows


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once.

    >>> default_lexicon().labels()["security"]
    'Security & peacekeeping'
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
    >>> art = article_from_text("Trade grew. Security too.\\nTrade again.", "x")
    >>> s = topic_summary(art, topic_hits(art))
    >>> s[s.hits > 0][["topic", "hits", "words", "paragraph_share"]].values.tolist()
    [['economy', 2, 6, 1.0], ['security', 1, 6, 0.5]]
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
    >>> art = article_from_text("Lede on trade.\\nSecurity\\nPolice and troops.", "x")
    >>> df = topic_breakdown(art, topic_hits(art))
    >>> df[df.hits > 0][["group_label", "topic", "hits"]].values.tolist()
    [['(lede)', 'economy', 1], ['Security', 'security', 2]]
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
    para_no = {b.index: i for i, b in enumerate(article.paragraphs)}
    section = {b.index: b.section for b in article.blocks}
    spans = speech or []
    rows = []
    last_end = -1
    last_place = None
    body = article.body_tokens
    i, n = 0, len(body)
    while i < n:
        t = body[i]
        parts = _split_compound(t.text, t.start) if _HYPHEN.search(t.text) else ()
        if len(parts) > 1:
            for ptext, pstart in parts:
                place = _lookup_single(lex, ptext)
                if place:
                    inq, spk = _in_quote(spans, pstart, pstart + len(ptext))
                    rows.append((article.id, place, types[place], ptext, pstart,
                                 pstart + len(ptext), para_no[t.block], t.block,
                                 section[t.block], t.sentence, inq, spk))
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
                     para_no[a.block], a.block, section[a.block], a.sentence, inq, spk))
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
