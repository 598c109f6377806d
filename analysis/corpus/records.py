"""The per-article function of a corpus run: one article in, plain records out (no DataFrame).

:func:`article_records` reads or builds the :class:`~analysis.text.Article`, then calls the same
functions the single-article commands call, at their records level, counting once:

* quotes — :func:`analysis.quotes.find_quote_spans` + :func:`analysis.quotes.extract_quotes`,
  rows exactly as :func:`analysis.quotes.quotes_table` builds them (:data:`TABLES` ``quotes``);
* topic hits — :func:`analysis.topics.topic_hit_records` (``topic_hits``: its
  :data:`~analysis.topics.HIT_COLUMNS`, then ``quote_id`` and ``quote_part``, the speech quote
  row the hit lies in, :func:`hit_quote_rows`), and from those hits the topic × article summary
  of :func:`analysis.topics.topic_summary` (``topics``);
* places — :func:`analysis.topics.place_hit_records` (``places``: one row per mention);
* readability — :func:`analysis.readability.readability_records` (``readability``: article,
  sections, paragraphs, quoted speech, narration, speakers);
* ``articles`` — metadata, input hash and encoding, structure counts and quote totals.

Every row starts with ``article_id``. A failure at any stage gives one ``errors`` row (article,
stage, message) and no other row for that article: an article is counted whole or not at all.

>>> from analysis.corpus.sources import Item
>>> rec = article_records(Item("demo", {"id": "demo"}, "0" * 64,
...                            text="“We trade and invest,” Ruto said. Kenya grows."))
>>> [(k, len(v)) for k, v in rec.items() if v]  # doctest: +NORMALIZE_WHITESPACE
[('articles', 1), ('quotes', 1), ('topic_hits', 2), ('topics', 17), ('readability', 6),
 ('places', 1)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from operator import itemgetter

from analysis.corpus.sources import Item
from analysis.quotes import (
    QUOTE_COLUMNS,
    SPEECH_KINDS,
    UNATTRIBUTED,
    extract_quotes,
    find_quote_spans,
)
from analysis.readability import COUNT_COLUMNS, FLAG_COLUMNS, METRIC_COLUMNS, readability_records
from analysis.text import (
    Article,
    Tokens,
    article_from_text,
    decode_bytes,
    load_article,
    token_column,
)
from analysis.text.reading import CONTROL_CHARACTERS
from analysis.topics import (
    HIT_COLUMNS,
    PLACE_COLUMNS,
    SUMMARY_COLUMNS,
    Lexicon,
    default_lexicon,
    place_hit_records,
    topic_hit_records,
)

ARTICLE_COLUMNS = [
    "article_id", "title", "outlet", "author", "date", "place", "url", "language", "file",
    "sha256", "key", "encoding", "warnings", "headings", "paragraphs", "sentences", "words",
    "speech_quotes", "quoted_words", "unattributed_quotes", "direct", "partial", "scare",
    "indirect", "topic_hits", "place_mentions",
]
#: ``topic_hits``: the single-article hit columns, then the speech quote (``direct`` or
#: ``partial``) row holding the hit — its ``quote_id`` and ``part`` in ``quotes`` — or nulls for a
#: hit outside speech quotes (``in_quote`` false): hits join their quote on equality.
HIT_ROW_COLUMNS = [*HIT_COLUMNS, "quote_id", "quote_part"]
READABILITY_COLUMNS = ["article_id", "unit", "unit_id", "label", *COUNT_COLUMNS,
                       *METRIC_COLUMNS, *FLAG_COLUMNS]
ERROR_COLUMNS = ["article_id", "stage", "message"]
#: Every table of a corpus run with its columns, in the order rows are built.
TABLES = {
    "articles": ARTICLE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "topic_hits": HIT_ROW_COLUMNS,
    "topics": SUMMARY_COLUMNS,
    "readability": READABILITY_COLUMNS,
    "places": PLACE_COLUMNS,
    "errors": ERROR_COLUMNS,
}


#: Characters that make :func:`analysis.text.decode_bytes` change or judge a text: control
#: characters it counts (and CR, which it rewrites; NUL), lone surrogates (which encoding
#: replaces). A BOM at the start is checked apart.
_NOT_PLAIN = re.compile(f"[{CONTROL_CHARACTERS}\\ud800-\\udfff]")


def load_item(item: Item) -> Article:
    """The Article of an input item: a folder file is read exactly as the single-article
    commands read it (:func:`analysis.text.load_article`); a table row's text goes through the
    same checks as file bytes (:func:`analysis.text.decode_bytes`: line ends normalised, binary
    refused) and is otherwise used as is (no HTML extraction).

    A text with none of the characters those checks change or count (no control character but
    tab, line feed, vertical tab and form feed; no lone surrogate; no BOM) is returned by them
    unchanged as UTF-8, so it skips them: they cost about 0.5 ms per sample-sized article, a
    Python loop over every character.

    >>> art = load_item(Item("x", {"id": "x", "outlet": "O"}, "", text="One.\\r\\nTwo."))
    >>> art.meta["outlet"], art.text
    ('O', 'One.\\nTwo.')
    >>> plain = "“Hi,” she said.\\tOK\\n\\fé"
    >>> load_item(Item("p", {"id": "p"}, "", text=plain)).text == decode_bytes(
    ...     plain.encode("utf-8", "replace"))[0] == plain
    True
    """
    if item.path is not None:
        name = item.meta["file"]
        return load_article(item.path, {name: item.meta})
    text = item.text
    if text.startswith("\ufeff") or _NOT_PLAIN.search(text):
        text, encoding, warnings = decode_bytes(text.encode("utf-8", "replace"),
                                                item.article_id)
    else:
        encoding, warnings = "utf-8", []
    return article_from_text(text, item.article_id, item.meta, encoding, warnings)


_START, _END = itemgetter(2), itemgetter(3)  # a Token's start and end offsets
# a hit record's topic, and its topic with its paragraph or sentence (HIT_COLUMNS)
_TOPIC, _TOPIC_PARAGRAPH, _TOPIC_SENTENCE = itemgetter(1), itemgetter(1, 7), itemgetter(1, 10)
_FIRST = itemgetter(0)
_NO_QUOTE = (None, None)  # quote_id and quote_part of a hit outside speech quotes


def quote_rows(article: Article, quotes) -> list[tuple]:
    """Rows of :func:`analysis.quotes.quotes_table` (its columns) from extracted quotes.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“Hello there, friends,” Ruto said.", "x")
    >>> quote_rows(art, extract_quotes(art))[0][3:8]
    (1, 22, 'Hello there, friends,', 'direct', 'Ruto')
    """
    para_no = {b.index: i for i, b in enumerate(article.paragraphs)}
    section = {b.index: b.section for b in article.blocks}
    tokens = article.tokens
    if isinstance(tokens, Tokens):
        starts, ends = token_column(tokens, "start"), token_column(tokens, "end")
        start_of = end_of = None
    else:  # searched in place (a key per step) instead of copying two columns per article
        starts = ends = tokens
        start_of, end_of = _START, _END
    rows = []
    for q in quotes:
        i = bisect_left(starts, q.start, key=start_of)
        j = bisect_left(starts, q.end, i, key=start_of)
        # the words of quotes_table: tokens starting inside the quote and ending by its end;
        # tokens do not overlap, so their ends grow too and those tokens are a run from i
        n = bisect_right(ends, q.end, i, j, key=end_of) - i
        rows.append((article.id, q.quote_id, q.part, q.start, q.end, q.text, q.kind, q.speaker,
                     q.speaker_kind, q.role, q.affiliation, q.cue, q.cue_start, q.position,
                     q.mention, para_no[q.block], q.block, section[q.block], n, q.unbalanced,
                     q.continues))
    return rows


def topic_rows(article: Article, hits: list[tuple], lexicon: Lexicon) -> list[tuple]:
    """Rows of :func:`analysis.topics.topic_summary` (every lexicon topic, sorted by hits, then
    lexicon order) counted from hit records.

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Trade grew. The war went on.\\nExports and investment too. "
    ...                         "Troops fought the war.", "x")
    >>> lex = default_lexicon()
    >>> [r[1:4] for r in topic_rows(art, topic_hit_records(art, lex), lex)][:2]
    [('conflict', 'Conflict, war and peace', 3), ('economy', 'Economy, business and finance', 3)]
    """
    words = len(article.body_tokens)
    n_par = len(article.paragraphs)
    n_sent = len(article.sentences)
    total = len(hits)
    # HIT_COLUMNS: article_id, topic, label, term, matched, start, end, paragraph, block,
    # section, sentence, ...: hits, distinct paragraphs and distinct sentences per topic,
    # counted without a Python step per hit
    count = Counter(map(_TOPIC, hits))
    paras = Counter(map(_FIRST, set(map(_TOPIC_PARAGRAPH, hits))))
    sents = Counter(map(_FIRST, set(map(_TOPIC_SENTENCE, hits))))
    rows = []
    for order, t in enumerate(lexicon.topics):
        k = count.get(t.id, 0)
        p = paras.get(t.id, 0)
        s = sents.get(t.id, 0)
        rows.append((-k, order, (article.id, t.id, t.label, k, words,
                                 1000 * k / words if words else None,
                                 p, n_par, p / n_par if n_par else None,
                                 s, n_sent, s / n_sent if n_sent else None,
                                 k / total if total else None)))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in rows]


def hit_quote_rows(hits: list[tuple], parts: list[tuple]) -> list[tuple]:
    """Hit records (:data:`~analysis.topics.HIT_COLUMNS`) with the speech quote row each lies
    in appended: ``quote_id`` and ``quote_part``, or two nulls outside speech quotes.

    ``parts`` are the article's speech quote rows as ``(start, end, quote_id, part)`` sorted by
    start. Both lists are in text order, so one merge finds every hit's part (time linear in
    hits + parts): the last part opening at or before the hit, when the hit ends inside it —
    the rule that sets ``in_quote`` and ``speaker``, so ``quote_id`` is null exactly when
    ``in_quote`` is false. Speech quote parts do not overlap (none did on the shipped, the
    synthetic or PolNeAR's train and dev articles), so that part is the only one holding it.

    >>> hits = [("x", "economy", "E", "trade", "trade", 1, 6, 0, 0, 0, 0, True, "Ann"),
    ...         ("x", "economy", "E", "trade", "trade", 30, 35, 0, 0, 0, 1, False, None),
    ...         ("x", "crime", "C", "police", "police", 41, 47, 0, 0, 0, 1, True, "Bo")]
    >>> [r[-2:] for r in hit_quote_rows(hits, [(0, 20, 1, 1), (40, 60, 2, 1)])]
    [(1, 1), (None, None), (2, 1)]
    """
    n = len(parts)
    q = 0
    last = -1
    rows = []
    append = rows.append
    for h in hits:
        start = h[5]
        if start < last:  # not in text order (never from topic_hit_records): walk again
            q = 0
        last = start
        while q < n and parts[q][0] <= start:
            q += 1
        if q and h[6] <= parts[q - 1][1]:
            p = parts[q - 1]
            append(h + (p[2], p[3]))
        else:
            append(h + _NO_QUOTE)
    return rows


def article_records(item: Item, lexicon: Lexicon | None = None,
                    key: str = "") -> dict[str, list[tuple]]:
    """Every table's rows for one article (see the module docstring), keyed by table name.

    ``key`` (text hash + code version + lexicon hash) is stored in the ``articles`` row so a
    rerun can skip the article when nothing changed. Never raises for a bad article: the
    failure becomes an ``errors`` row naming the stage.

    >>> rec = article_records(Item("bad", {"id": "bad"}, "", error="too big"))
    >>> rec["errors"]
    [('bad', 'read', 'too big')]
    """
    lex = lexicon or default_lexicon()
    out: dict[str, list[tuple]] = {name: [] for name in TABLES}
    aid = item.article_id
    if item.error:
        out["errors"].append((aid, "read", item.error))
        return out
    stage = "read"
    try:
        art = load_item(item)
        stage = "quotes"
        spans, quote_warnings = find_quote_spans(art)
        quotes = extract_quotes(art, True, spans)
        qrows = quote_rows(art, quotes)
        speech_rows = [r for r in qrows if r[6] in SPEECH_KINDS]
        speech = sorted((r[3], r[4], r[7] or "") for r in speech_rows)
        stage = "topics"
        hits = topic_hit_records(art, lex, speech)
        topics = topic_rows(art, hits, lex)
        hit_rows = hit_quote_rows(hits, sorted((r[3], r[4], r[1], r[2]) for r in speech_rows))
        stage = "places"
        places = place_hit_records(art, speech)
        stage = "readability"
        read_speech = [(s, e, sp or UNATTRIBUTED) for s, e, sp in speech]
        readability = readability_records(art, read_speech)  # NaN is stored as null
        stage = "articles"
        kinds = {"direct": 0, "partial": 0, "scare": 0, "indirect": 0}  # rows, as results.json
        for r in qrows:
            kinds[r[6]] = kinds.get(r[6], 0) + 1
        speech_ids = {r[1] for r in speech_rows}
        unattributed = {r[1] for r in speech_rows if r[7] is None}
        meta = art.meta
        article = (aid, *(meta.get(k) for k in ("title", "outlet", "author", "date", "place",
                                                "url", "language", "file")),
                   item.sha256, key, art.encoding, [*art.warnings, *quote_warnings],
                   sum(b.kind == "heading" for b in art.blocks), len(art.paragraphs),
                   len(art.sentences), len(art.body_tokens), len(speech_ids),
                   sum(r[18] for r in speech_rows), len(unattributed),
                   kinds["direct"], kinds["partial"], kinds["scare"], kinds["indirect"],
                   len(hits), len(places))
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a run
        out["errors"].append((aid, stage, f"{type(exc).__name__}: {exc}".splitlines()[0][:500]))
        return out
    out["articles"].append(article)
    out["quotes"] = qrows
    out["topic_hits"] = hit_rows
    out["topics"] = topics
    out["readability"] = readability
    out["places"] = places
    return out
