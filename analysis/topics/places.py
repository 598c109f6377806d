"""Places, counted beside the topics: a gazetteer of countries, capitals, cities and regions with
their demonyms (:func:`place_hits`, :func:`place_hit_records`, :func:`place_summary`,
:func:`place_in`).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis.config import RESOURCES_DIR
from analysis.text import Article, BlockPlaces, Tokens
from analysis.topics.hits import _in_quote, _quote_lookup
from analysis.topics.lexicon import Lexicon, Topic

PLACES_CSV = RESOURCES_DIR / "places.csv"


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
def _place_types() -> dict[str, str]:
    """Each place's type (country, capital, city, region …), made once, not per article."""
    return {t.id: t.label for t in _places().topics}


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
    types = _place_types()
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
    texts = body.texts() if isinstance(body, Tokens) else map(_TEXT, body)
    if len(_HOT) > _HOT_MAX:  # the memo of words seen is bounded: memory stays flat
        _HOT.clear()
    i = 0  # the first token not yet consumed by a match
    for p in list(compress(count(), map(_HOT.__getitem__, texts))):
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


class _HotWords(dict):
    """Whether a word can start a place or is a hyphenated compound (``memo[word]``), decided
    once per distinct word and remembered across articles."""

    __slots__ = ()

    def __missing__(self, word: str) -> bool:
        hot = self[word] = bool(_HYPHEN.search(word)) or \
            ("=", _strip_poss(word)) in _places()._index
        return hot


_HOT = _HotWords()
_HOT_MAX = 200_000  # distinct words remembered before the memo is emptied
_TEXT = itemgetter(1)  # a Token's text


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
