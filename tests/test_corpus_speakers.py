"""Who is quoted on each topic (``speakers_by_topic``): every topic hit names the speech quote
row it lies in (``quote_id``, ``quote_part`` of ``topic_hits``), so the question is an equality
join — checked by hand on two articles of our own, against the range join it replaced (every
hit × every speech quote of its article) on the shipped corpus and generated articles, and a
rerun over a folder written with the older tables recomputes instead of mixing them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.corpus import questions as Q
from analysis.corpus.engine import run_corpus
from analysis.corpus.records import TABLES, hit_quote_rows
from analysis.corpus.synthetic import synthetic_articles
from analysis.quotes import UNATTRIBUTED
from analysis.text import InputError

ROOT = Path(__file__).resolve().parents[1]

# two articles of our own: Ann Moe's three quotes and Bo Lee's one mention the economy;
# the second article's quote runs over two paragraphs (parts 0 and 1 of quote 0)
ARTICLES = [
    {"id": "a1", "outlet": "Herald", "date": "2024-05-01", "text":
     "Kenya and the trade talks\n\n"
     "“We will grow trade and investment in Kenya,” Ann Moe said on Monday. The markets "
     "rose.\n\nPolice said the protest was peaceful. “Exports and trade are the future,” Bo "
     "Lee said.\n\n“Our economy needs investment,” Ann Moe added, “and the police must "
     "protect traders.”\n"},
    {"id": "a2", "outlet": "Herald", "date": "2024-05-02", "text":
     "Trade talks\n\n“We will grow trade with our neighbours and sell more.\n\n"
     "“Investment will follow the exports,” Ann Moe said. The economy grew.\n"},
]


def _reference(con, top: int = 5) -> pd.DataFrame:
    """The query speakers_by_topic ran before: every hit × every speech quote part of its
    article, kept when the hit lies inside the part (the oracle)."""
    return con.execute(f"""
        WITH q AS (
          SELECT article_id, quote_id, start, "end", words,
                 coalesce(speaker, '{UNATTRIBUTED}') AS speaker
          FROM quotes WHERE kind IN ('direct', 'partial')),
        tq AS (
          SELECT DISTINCT h.topic, h.label, q.article_id, q.quote_id, q.speaker, q.start,
                 q.words
          FROM topic_hits h JOIN q ON h.article_id = q.article_id
           AND h.start >= q.start AND h."end" <= q."end"),
        s AS (
          SELECT topic, any_value(label) AS label, speaker,
                 count(DISTINCT (article_id, quote_id)) AS quotes, sum(words) AS words,
                 count(DISTINCT article_id) AS articles
          FROM tq GROUP BY topic, speaker),
        tot AS (
          SELECT topic, count(DISTINCT (article_id, quote_id)) AS topic_quotes
          FROM tq GROUP BY topic),
        totw AS (
          SELECT topic, sum(words) AS topic_words FROM (
            SELECT DISTINCT topic, article_id, quote_id, start, words FROM tq) GROUP BY topic)
        SELECT s.topic, s.label, s.speaker, s.quotes, s.words::BIGINT AS words, s.articles,
               100.0 * s.quotes / tot.topic_quotes AS quote_share, tot.topic_quotes,
               totw.topic_words::BIGINT AS topic_words,
               row_number() OVER (PARTITION BY s.topic ORDER BY s.quotes DESC, s.words DESC,
                                  s.speaker) AS rank
        FROM s JOIN tot USING (topic) JOIN totw USING (topic)
        QUALIFY rank <= {int(top)}
        ORDER BY s.topic, rank
    """).df()


def _write(tmp_path: Path, articles: list[dict]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    d = tmp_path_factory.mktemp("own")
    out = d / "out"
    run_corpus(_write(d, ARTICLES), out, jobs=1, quiet=True)
    return out


def test_hits_name_their_quote_row_checked_by_hand(own):
    hits = pd.read_parquet(own / "topic_hits.parquet")
    got = [(r.article_id, r.matched, None if pd.isna(r.quote_id) else int(r.quote_id),
            None if pd.isna(r.quote_part) else int(r.quote_part))
           for r in hits[hits.topic == "economy"].itertuples()]
    # a1: quotes 0 (Ann Moe), 1 (Bo Lee), 2 and 3 (Ann Moe's "added" and its continuation);
    # "markets" is narration; a2: one quote over two paragraphs, then narration
    assert got == [("a1", "trade", 0, 0), ("a1", "investment", 0, 0), ("a1", "markets", None,
                                                                          None),
                   ("a1", "Exports", 1, 0), ("a1", "trade", 1, 0), ("a1", "economy", 2, 0),
                   ("a1", "investment", 2, 0), ("a1", "traders", 3, 0),
                   ("a2", "trade", 0, 0), ("a2", "Investment", 0, 1), ("a2", "exports", 0, 1),
                   ("a2", "economy", None, None)]
    assert (hits["quote_id"].isna() == ~hits["in_quote"]).all()


def test_speakers_by_topic_checked_by_hand(own):
    df = Q.speakers_by_topic(own)
    eco = df[df.topic == "economy"]
    # Ann Moe: a1 quotes 0, 2, 3 (8 + 4 + 6 words) and a2 quote 0 (10 + 5 words, two parts);
    # Bo Lee: a1 quote 1 (6 words). Of 5 quotes and 39 words
    assert eco[["speaker", "quotes", "words", "articles", "topic_quotes",
                "topic_words", "rank"]].values.tolist() == [
        ["Ann Moe", 4, 33, 2, 5, 39, 1], ["Bo Lee", 1, 6, 1, 5, 39, 2]]
    assert eco["quote_share"].tolist() == [80.0, 20.0]
    pd.testing.assert_frame_equal(df, _reference(Q.connect(own)), check_exact=True)


@pytest.mark.parametrize("top", [5, 1000])
def test_equals_the_range_join_on_the_shipped_corpus(tmp_path, top):
    run_corpus(ROOT / "data" / "corpus", tmp_path, jobs=1, quiet=True)
    con = Q.connect(tmp_path)
    new = Q.speakers_by_topic(con, top=top)
    assert len(new) >= 16  # a floor: 16 rows at top=5 with lexicon 2.13 (18 with 2.12)
    pd.testing.assert_frame_equal(new, _reference(con, top), check_exact=True)


def test_equals_the_range_join_on_generated_articles(tmp_path):
    arts = list(synthetic_articles(150, seed=11, paragraphs=40))
    run_corpus(_write(tmp_path, arts), tmp_path / "out", jobs=1, quiet=True)
    con = Q.connect(tmp_path / "out")
    new = Q.speakers_by_topic(con, top=1000)
    assert new["topic_quotes"].min() > 0 and len(new) > 20
    pd.testing.assert_frame_equal(new, _reference(con, 1000), check_exact=True)


def test_hit_quote_rows_merge_and_out_of_order_hits():
    def hit(start, end):
        return ("x", "t", "T", "w", "w", start, end, 0, 0, 0, 0, False, None)

    parts = [(10, 20, 0, 0), (20, 30, 0, 1), (40, 50, 5, 0)]
    # a hit ending past its part is outside (as in_quote); a hit at a part's very start is in
    rows = hit_quote_rows([hit(0, 5), hit(10, 12), hit(18, 22), hit(20, 21), hit(45, 50),
                           hit(12, 14), hit(60, 61)], parts)
    assert [r[-2:] for r in rows] == [(None, None), (0, 0), (None, None), (0, 1), (5, 0),
                                      (0, 0), (None, None)]
    assert hit_quote_rows([], parts) == [] and [r[-2:] for r in hit_quote_rows(
        [hit(1, 2)], [])] == [(None, None)]


def _to_old_schema(out: Path) -> None:
    """Make ``out``'s batches and tables look written by the code before quote_id: no
    quote_id / quote_part, and another code version in every article's key."""
    for f in [*out.glob("batches/*/topic_hits.parquet"), out / "topic_hits.parquet"]:
        t = pq.read_table(f)
        pq.write_table(t.drop_columns(["quote_id", "quote_part"]), f)
    for f in [*out.glob("batches/*/articles.parquet"), out / "articles.parquet"]:
        t = pq.read_table(f)
        old_keys = pa.array(["old-" + k for k in t.column("key").to_pylist()])
        pq.write_table(t.set_column(t.schema.get_field_index("key"), "key", old_keys), f)


def test_rerun_over_an_older_folder_recomputes_and_never_mixes(own, tmp_path):
    out = tmp_path / "out"
    src = _write(tmp_path, ARTICLES)
    run_corpus(src, out, jobs=1, quiet=True)
    _to_old_schema(out)
    with pytest.raises(InputError, match="topic_hits.parquet has no column quote_id, "
                                         "quote_part: written by an older version"):
        Q.connect(out)
    r = run_corpus(src, out, jobs=1, quiet=True)
    assert r.manifest["counts"]["analysed"] == 2 and r.manifest["counts"]["skipped"] == 0
    for t in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{t}.parquet"),
                                      pd.read_parquet(own / f"{t}.parquet"), check_exact=True)
    # old-schema batches are gone; a second rerun skips everything
    assert run_corpus(src, out, jobs=1, quiet=True).manifest["counts"]["skipped"] == 2


def test_old_batches_with_a_current_key_are_recomputed_not_mixed(tmp_path):
    # even were the key unchanged, a batch lacking a current column is not an attempt
    out = tmp_path / "out"
    src = _write(tmp_path, ARTICLES)
    run_corpus(src, out, jobs=1, quiet=True)
    for f in out.glob("batches/*/topic_hits.parquet"):
        pq.write_table(pq.read_table(f).drop_columns(["quote_id"]), f)
    r = run_corpus(src, out, jobs=1, quiet=True)
    assert r.manifest["counts"]["analysed"] == 2
    hits = pd.read_parquet(out / "topic_hits.parquet")
    assert hits["quote_id"].notna().sum() == hits["in_quote"].sum() == 10
