"""Corpus questions over the Parquet tables of a run, answered with DuckDB (embedded, no
server), each returned as a tidy DataFrame that carries its denominators.

* :func:`quote_share` — quotes, quoted words, articles quoted in and shares per speaker (or
  affiliation) across the corpus, or within each outlet, month or article (``per=``), the top
  ``top`` speakers and ``(others)``;
* :func:`topic_rates` — topic hits per 1,000 words by outlet or by month;
* :func:`readability_by_outlet` — the distribution of an article-level readability metric;
* :func:`speakers_by_topic` — who is quoted in the quotes that mention each topic.

Counting follows the single-article tables: ``direct`` and ``partial`` quotes count (``indirect``
when asked), a quote spanning paragraphs counts once, unknown speakers are ``(unattributed)``,
articles without an outlet or date are grouped as ``(no outlet)`` / ``(no date)``.

>>> import tempfile
>>> from analysis.config import RAW_DIR
>>> from analysis.corpus.engine import run_corpus
>>> out = tempfile.mkdtemp()
>>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
>>> quote_share(out)[["speaker", "quotes", "words", "articles"]].values.tolist()
[['William Ruto', 6, 114, 1], ['Antony J. Blinken', 3, 72, 1]]
"""

from __future__ import annotations

import math
import statistics
from pathlib import Path

import pandas as pd

from analysis.quotes import NO_AFFILIATION, UNATTRIBUTED

OTHERS = "(others)"
_GROUPS = {
    None: "'corpus'",
    "outlet": "coalesce(a.outlet, '(no outlet)')",
    "month": "coalesce(substr(a.date, 1, 7), '(no date)')",
    "article": "a.article_id",
}


def connect(out_dir: str | Path):
    """A DuckDB connection with one view per table of the run in ``out_dir``.

    >>> import tempfile
    >>> connect(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    analysis.text.InputError: ... no corpus tables (run `python -m analysis corpus` first)
    """
    import duckdb

    from analysis.corpus.records import TABLES
    from analysis.text import InputError

    out = Path(out_dir)
    if not (out / "articles.parquet").is_file():
        raise InputError(f"{out}: no corpus tables (run `python -m analysis corpus` first)")
    con = duckdb.connect()
    con.execute("SET threads = 2")
    try:  # DuckDB's own bar would print on stderr even under --quiet
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error:  # in Jupyter without ipywidgets the setting is refused (and no bar
        pass              # is drawn there)
    try:
        for t in TABLES:
            if not (out / f"{t}.parquet").is_file():
                raise InputError(f"{out}: {t}.parquet is missing; rerun `python -m analysis "
                                 f"corpus` on this folder")
            path = str(out / f"{t}.parquet").replace("'", "''")
            try:
                con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{path}')")
                have = {r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()}
            except duckdb.Error as e:  # a damaged or truncated file: one line, not DuckDB's
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise InputError(f"{out}: {t}.parquet cannot be read ({first}); rerun "
                                 f"`python -m analysis corpus` on this folder") from None
            # tables of an older release (e.g. topic_hits before quote_id): one clear line
            missing = [c for c in TABLES[t] if c not in have]
            if missing:
                raise InputError(f"{out}: {t}.parquet has no column {', '.join(missing)}: "
                                 f"written by an older version; rerun `python -m analysis "
                                 f"corpus` on this folder")
        read_manifest(out)
    except BaseException:
        con.close()
        raise
    return con


#: sha256 of the table files already checked in this process, by the file's identity and
#: change times (device, inode, size, mtime and ctime: ctime cannot be set back by a copy that
#: keeps times): a notebook asking many questions of one folder reads each file once. Bounded.
_DIGESTS: dict[tuple, str] = {}
#: A manifest larger than this is not one the corpus command wrote.
MANIFEST_MAX_BYTES = 64 << 20


def _sha256(path: Path) -> str:
    from analysis.corpus.store import store_sha256

    st = path.stat()
    key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if key not in _DIGESTS:
        if len(_DIGESTS) >= 256:
            _DIGESTS.clear()
        _DIGESTS[key] = store_sha256(path)
    return _DIGESTS[key]


def read_manifest(out_dir: str | Path) -> dict:
    """The ``manifest.json`` of a corpus run, after checking that every table in ``out_dir`` is
    the file it describes (SHA-256). The corpus command publishes the tables one rename at a
    time after removing the old manifest, and writes the new manifest last: a run interrupted
    while publishing leaves no manifest, and a table swapped or edited since does not match, so
    a reader sees one run's tables or a one-line :class:`analysis.text.InputError`.
    :func:`connect` calls it; a connection then reads the files at query time, so a rerun
    publishing into the folder while a connection is open is not detected (connect again).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> read_manifest(out)["tables"]["quotes"]["rows"]  # 9 direct and 8 indirect quotes
    17
    """
    import json

    from analysis.corpus.records import TABLES
    from analysis.text import InputError

    out = Path(out_dir)
    rerun = "rerun `python -m analysis corpus` on this folder"
    path = out / "manifest.json"
    try:
        too_big = path.stat().st_size > MANIFEST_MAX_BYTES
        manifest = None if too_big else json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{out}: no manifest.json (the last corpus run did not finish "
                         f"publishing its tables); {rerun}") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as e:
        raise InputError(f"{out}: manifest.json cannot be read ({type(e).__name__}); "
                         f"{rerun}") from None
    if too_big:
        raise InputError(f"{out}: manifest.json is larger than {MANIFEST_MAX_BYTES:,} bytes; "
                         f"{rerun}")
    listed = manifest.get("tables") if isinstance(manifest, dict) else None
    for t in TABLES:
        entry = listed.get(t) if isinstance(listed, dict) else None
        want = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(want, str):
            raise InputError(f"{out}: manifest.json lists no checksum for {t}.parquet; {rerun}")
        try:
            got = _sha256(out / f"{t}.parquet")
        except OSError as e:
            raise InputError(f"{out}: {t}.parquet cannot be read ({type(e).__name__}); "
                             f"{rerun}") from None
        if got != want:
            raise InputError(f"{out}: {t}.parquet is not the file manifest.json describes "
                             f"(tables of different runs, or a file changed since); {rerun}")
    return manifest


def _con(tables):
    return tables if hasattr(tables, "execute") else connect(tables)


def _group_expr(per: str | None) -> str:
    if per not in _GROUPS:
        raise ValueError(f"per must be one of {sorted(k for k in _GROUPS if k)} or None")
    return _GROUPS[per]


def quote_share(tables, by: str = "speaker", per: str | None = None, top: int | None = 10,
                include_indirect: bool = False) -> pd.DataFrame:
    """Quote share across the corpus (``per=None``) or within each outlet, month or article.

    Columns: group, ``by`` (speaker or affiliation), quotes, words, articles (articles the
    speaker is quoted in), quote_share and word_share (percent of the group's counted quotes
    and quoted words), and the denominators group_quotes, group_words, group_articles (articles
    in the group, quoted or not). The ``top`` speakers by words overall are kept; the rest are
    summed as ``(others)`` in each group (``top=None`` keeps everyone). Rows: groups in order,
    then words, quotes descending, ``(others)`` last.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> row = quote_share(out, top=1).iloc[1]
    >>> row.speaker, int(row.quotes), int(row.words), float(round(row.word_share, 1))
    ('(others)', 3, 72, 38.7)
    """
    if by not in ("speaker", "affiliation"):
        raise ValueError(f"by must be 'speaker' or 'affiliation', not {by!r}")
    con = _con(tables)
    g = _group_expr(per)
    # as share_table: no speaker is (unattributed); a known speaker with no stated affiliation
    # is "no affiliation stated"
    who = (f"coalesce(q.speaker, '{UNATTRIBUTED}')" if by == "speaker" else
           f"coalesce(q.affiliation, CASE WHEN q.speaker IS NULL THEN '{UNATTRIBUTED}' "
           f"ELSE '{NO_AFFILIATION}' END)")
    kinds = "('direct', 'partial'" + (", 'indirect')" if include_indirect else ")")
    qkey = ("CASE WHEN q.kind = 'indirect' THEN q.quote_id::VARCHAR || ':indirect:' || "
            "q.start::VARCHAR ELSE q.quote_id::VARCHAR END")
    # one row per group, speaker, article and quote (a quote's parts summed first), so that
    # quotes are counted as rows and only the final labels need a distinct count of articles
    df = con.execute(f"""
        WITH q AS (
          SELECT {g} AS grp, q.article_id, {who} AS who,
                 {qkey} AS qkey, sum(q.words) AS words
          FROM quotes q JOIN articles a USING (article_id)
          WHERE q.kind IN {kinds}
          GROUP BY ALL),
        ranked AS (
          SELECT who, row_number() OVER (ORDER BY sum(words) DESC, count(*) DESC, who)
                 AS rank
          FROM q GROUP BY who),
        labelled AS (
          SELECT grp, CASE WHEN ? IS NULL OR rank <= ? THEN who ELSE '{OTHERS}' END AS who,
                 q.article_id, q.qkey, sum(q.words) AS words
          FROM q JOIN ranked USING (who) GROUP BY ALL)
        SELECT l.grp AS "group", l.who AS "{by}", count(*) AS quotes, sum(l.words) AS words,
               count(DISTINCT l.article_id) AS articles
        FROM labelled l GROUP BY l.grp, l.who
    """, [top, top]).df()
    totals = con.execute(f"SELECT {g} AS grp, count(*) AS n FROM articles a GROUP BY 1").df()
    if df.empty:
        return pd.DataFrame(columns=["group", by, "quotes", "words", "articles", "quote_share",
                                     "word_share", "group_quotes", "group_words",
                                     "group_articles"])
    for c in ("quotes", "words", "articles"):
        df[c] = df[c].astype("int64")
    sums = df.groupby("group")[["quotes", "words"]].transform("sum")
    df["quote_share"] = 100 * df["quotes"] / sums["quotes"]
    df["word_share"] = 100 * df["words"] / sums["words"].where(sums["words"] > 0)
    df["group_quotes"] = sums["quotes"].astype("int64")
    df["group_words"] = sums["words"].astype("int64")
    df["group_articles"] = df["group"].map(dict(zip(totals["grp"], totals["n"],
                                                    strict=True))).astype("int64")
    df["_others"] = df[by] == OTHERS
    df = df.sort_values(["group", "_others", "words", "quotes", by],
                        ascending=[True, True, False, False, True])
    return df.drop(columns="_others").reset_index(drop=True)


def topic_rates(tables, per: str = "outlet") -> pd.DataFrame:
    """Topic hits per 1,000 words in each outlet (or month), every topic in every group.

    Columns: group, topic, label, hits, words (all body words of the group's articles: the
    denominator), per_1000_words, articles (in the group), articles_with_topic, article_share.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> r = topic_rates(out, per="month").set_index("topic").loc["economy"]
    >>> r.group, int(r.hits), int(r.words), round(float(r.per_1000_words), 2)
    ('2024-09', 18, 1224, 14.71)
    """
    con = _con(tables)
    g = _group_expr(per)
    df = con.execute(f"""
        WITH a AS (SELECT {g} AS grp, a.article_id, a.words FROM articles a),
        words AS (SELECT grp, sum(words) AS words, count(*) AS articles FROM a GROUP BY grp),
        t AS (SELECT a.grp, t.topic, any_value(t.label) AS label, sum(t.hits) AS hits,
                     count(*) FILTER (WHERE t.hits > 0) AS articles_with_topic
              FROM topics t JOIN a USING (article_id) GROUP BY a.grp, t.topic)
        SELECT t.grp AS "group", t.topic, t.label, t.hits::BIGINT AS hits,
               w.words::BIGINT AS words,
               CASE WHEN w.words > 0 THEN 1000.0 * t.hits / w.words END AS per_1000_words,
               w.articles, t.articles_with_topic,
               t.articles_with_topic / w.articles AS article_share
        FROM t JOIN words w USING (grp)
        ORDER BY "group", hits DESC, topic
    """).df()
    return df


def readability_by_outlet(tables, metric: str = "flesch_kincaid_grade",
                          per: str = "outlet") -> pd.DataFrame:
    """Distribution of an article-level readability metric per outlet (or month): articles,
    words, mean, sd, min, p25, median, p75, max, and how many articles are ``reliable`` (enough
    sentences and words for every formula).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> r = readability_by_outlet(out).iloc[0]
    >>> r["group"], int(r["articles"]), round(float(r["median"]), 1)
    ('(no outlet)', 1, 16.5)
    """
    from analysis.readability import METRIC_COLUMNS

    if metric not in METRIC_COLUMNS:
        raise ValueError(f"metric must be one of {METRIC_COLUMNS}")
    con = _con(tables)
    g = _group_expr(per)
    df = con.execute(f"""
        SELECT {g} AS "group", '{metric}' AS metric, count(*) AS articles,
               sum(r.words)::BIGINT AS words,
               avg(r.{metric}) AS mean, stddev_samp(r.{metric}) AS sd, min(r.{metric}) AS min,
               quantile_cont(r.{metric}, 0.25) AS p25, median(r.{metric}) AS median,
               quantile_cont(r.{metric}, 0.75) AS p75, max(r.{metric}) AS max,
               count(*) FILTER (WHERE r.reliable) AS reliable_articles
        FROM readability r JOIN articles a USING (article_id)
        WHERE r.unit = 'article' AND r.{metric} IS NOT NULL
        GROUP BY 1 ORDER BY 1
    """).df()
    # mean and sd from exactly rounded sums: DuckDB's parallel avg/stddev add in whatever
    # order its threads finish, so their last digits changed from run to run
    values: dict[str, list[float]] = {}
    for grp, v in con.execute(f"""
            SELECT {g}, r.{metric} FROM readability r JOIN articles a USING (article_id)
            WHERE r.unit = 'article' AND r.{metric} IS NOT NULL""").fetchall():
        values.setdefault(grp, []).append(v)
    df["mean"] = [statistics.fmean(values[k]) for k in df["group"]]
    df["sd"] = [statistics.stdev(values[k]) if len(values[k]) > 1 else math.nan
                for k in df["group"]]
    return df


def readability_values(tables, metric: str = "flesch_kincaid_grade",
                       per: str = "outlet") -> pd.DataFrame:
    """One row per article: group, article_id, words and the metric (what box plots draw).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> readability_values(out)["article_id"].tolist()
    ['ruto_blinken_2024']
    """
    from analysis.readability import METRIC_COLUMNS

    if metric not in METRIC_COLUMNS:
        raise ValueError(f"metric must be one of {METRIC_COLUMNS}")
    return _con(tables).execute(f"""
        SELECT {_group_expr(per)} AS "group", a.article_id, r.words, r.{metric} AS value
        FROM readability r JOIN articles a USING (article_id)
        WHERE r.unit = 'article' AND r.{metric} IS NOT NULL ORDER BY 1, 2""").df()


def speakers_by_topic(tables, top: int = 5) -> pd.DataFrame:
    """The most-quoted speakers on each topic: among speech quotes that contain a hit of the
    topic, quotes and words per speaker, with the topic's totals as denominators.

    Columns: topic, label, speaker, quotes, words, articles, quote_share (percent of the topic's
    quotes), topic_quotes, topic_words, rank (1 = most quotes; ``top`` per topic).

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> df = speakers_by_topic(out)
    >>> df[df.topic == "economy"][["speaker", "quotes"]].values.tolist()
    [['Antony J. Blinken', 1], ['William Ruto', 1]]
    """
    con = _con(tables)
    # each hit names its speech quote row (quote_id, quote_part: records.hit_quote_rows), so
    # hits meet quotes on equality, at most one row each — not every hit × every quote of its
    # article, then a range filter; tq: one row per topic and quote part holding a hit of it
    return con.execute(f"""
        WITH tq AS (
          SELECT DISTINCT h.topic, h.label, h.article_id, h.quote_id, h.quote_part,
                 coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker, q.words
          FROM topic_hits h JOIN quotes q ON q.article_id = h.article_id
           AND q.quote_id = h.quote_id AND q.part = h.quote_part
          WHERE q.kind IN ('direct', 'partial')),
        s AS (
          SELECT topic, any_value(label) AS label, speaker,
                 count(DISTINCT (article_id, quote_id)) AS quotes, sum(words) AS words,
                 count(DISTINCT article_id) AS articles
          FROM tq GROUP BY topic, speaker),
        tot AS (
          SELECT topic, count(DISTINCT (article_id, quote_id)) AS topic_quotes,
                 sum(words) AS topic_words
          FROM tq GROUP BY topic)
        SELECT s.topic, s.label, s.speaker, s.quotes, s.words::BIGINT AS words, s.articles,
               100.0 * s.quotes / tot.topic_quotes AS quote_share, tot.topic_quotes,
               tot.topic_words::BIGINT AS topic_words,
               row_number() OVER (PARTITION BY s.topic ORDER BY s.quotes DESC, s.words DESC,
                                  s.speaker) AS rank
        FROM s JOIN tot USING (topic)
        QUALIFY rank <= {int(top)}
        ORDER BY s.topic, rank
    """).df()


def corpus_overview(tables) -> dict:
    """Totals of a run: articles, outlets, date range, words, speech quotes, failed articles.

    >>> import tempfile
    >>> from analysis.config import RAW_DIR
    >>> from analysis.corpus.engine import run_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = run_corpus(RAW_DIR, out, jobs=1, quiet=True)
    >>> corpus_overview(out)["words"], corpus_overview(out)["speech_quotes"]
    (1224, 9)
    """
    con = _con(tables)
    row = con.execute("""
        SELECT count(*), count(DISTINCT outlet), min(date), max(date),
               coalesce(sum(words), 0), coalesce(sum(sentences), 0),
               coalesce(sum(speech_quotes), 0), coalesce(sum(quoted_words), 0),
               coalesce(sum(unattributed_quotes), 0), coalesce(sum(topic_hits), 0),
               coalesce(sum(place_mentions), 0)
        FROM articles""").fetchone()  # totals of no article are 0, not null
    failed = con.execute("SELECT count(*) FROM errors").fetchone()[0]
    keys = ["articles", "outlets", "first_date", "last_date", "words", "sentences",
            "speech_quotes", "quoted_words", "unattributed_quotes", "topic_hits",
            "place_mentions"]
    out = {k: (int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v is not None
               else v) for k, v in zip(keys, row, strict=True)}
    out["failed"] = int(failed)
    return out
