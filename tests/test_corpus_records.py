"""Corpus tables equal the single-article commands' numbers, article by article, on every
shipped article (the data/raw sample and the data/corpus sample corpus)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.config import RAW_DIR
from analysis.corpus import questions as Q
from analysis.corpus.engine import run_corpus
from analysis.corpus.records import TABLES
from analysis.corpus.sources import open_corpus
from analysis.quotes import share_table
from analysis.report import analyse, article_results
from analysis.text import load_article

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [RAW_DIR, ROOT / "data" / "corpus"]


@pytest.fixture(scope="module", params=CORPORA, ids=["raw", "corpus"])
def run(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    run_corpus(request.param, out, jobs=1, quiet=True)
    tables = {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}
    singles = {}
    corpus = open_corpus(request.param)
    for item in corpus.items():
        singles[item.article_id] = (item, analyse(load_article(item.path, {item.meta["file"]:
                                                                         item.meta})))
    return out, tables, singles


def same(corpus_rows: pd.DataFrame, single: pd.DataFrame, what: str) -> None:
    a = corpus_rows.reset_index(drop=True)
    b = single.reset_index(drop=True)
    assert list(a.columns) == list(b.columns), what
    assert len(a) == len(b), what
    for col in a.columns:
        x, y = a[col].tolist(), b[col].tolist()
        for i, (u, v) in enumerate(zip(x, y, strict=True)):
            nu = u is None or (isinstance(u, float) and np.isnan(u)) or u is pd.NA
            nv = v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA
            assert nu == nv and (nu or u == v), f"{what}: row {i} column {col}: {u!r} != {v!r}"


def test_tables_equal_single_article_commands(run):
    _, tables, singles = run
    assert len(singles) >= 1 and set(tables["articles"]["article_id"]) == set(singles)
    for aid, (_, a) in singles.items():
        def rows(t, aid=aid):
            df = tables[t]
            return df[df["article_id"] == aid]

        same(rows("quotes"), a.quotes, f"{aid} quotes")
        # the corpus table adds the speech quote row of each hit (quote_id, quote_part)
        same(rows("topic_hits")[list(a.hits.columns)], a.hits, f"{aid} topic hits")
        same(rows("topics"), a.topics, f"{aid} topics")
        same(rows("readability"), a.readability, f"{aid} readability")
        from analysis.topics import place_hits

        same(rows("places"), place_hits(a.article, a.quotes), f"{aid} places")


def test_article_rows_equal_results_json_numbers(run):
    _, tables, singles = run
    arts = tables["articles"].set_index("article_id")
    for aid, (item, a) in singles.items():
        res = article_results(a, item.sha256)
        row = arts.loc[aid]
        assert row["sha256"] == res["input"]["sha256"]
        for k in ("headings", "paragraphs", "sentences", "words"):
            assert row[k] == res["structure"][k], (aid, k)
        for k in ("speech_quotes", "quoted_words", "unattributed_quotes"):
            assert row[k] == res["quotes"][k], (aid, k)
        for k, v in res["quotes"]["by_kind"].items():
            assert row[k] == v, (aid, k)
        outlet = row["outlet"] if isinstance(row["outlet"], str) else None
        assert outlet == (item.meta.get("outlet") or None)


@pytest.mark.parametrize("by", ["speaker", "affiliation"])
def test_share_per_article_equals_share_table(run, by):
    out, _, singles = run
    df = Q.quote_share(out, by=by, per="article", top=None)
    for aid, (_, a) in singles.items():
        ours = df[df["group"] == aid][[by, "quotes", "words", "quote_share", "word_share"]]
        theirs = share_table(a.quotes, by=by)[[by, "quotes", "words", "quote_share",
                                                "word_share"]]
        same(ours, theirs, f"{aid} share by {by}")


def test_corpus_share_sums_the_articles(run):
    """Across the corpus, each speaker's quotes and words are the sums of the per-article
    share tables, and 'articles' is the number of articles the speaker appears in."""
    out, _, singles = run
    per_article = pd.concat([share_table(a.quotes) for _, a in singles.values()])
    expected = per_article.groupby("speaker").agg(quotes=("quotes", "sum"),
                                                  words=("words", "sum"),
                                                  articles=("article_id", "nunique"))
    ours = Q.quote_share(out, top=None).set_index("speaker")
    assert ours["quotes"].to_dict() == expected["quotes"].to_dict()
    assert ours["words"].to_dict() == expected["words"].to_dict()
    assert ours["articles"].to_dict() == expected["articles"].to_dict()
    assert abs(ours["word_share"].sum() - 100) < 1e-9
    top = Q.quote_share(out, top=3)
    assert len(top) == min(4, len(ours)) and top["words"].sum() == ours["words"].sum()


def test_sample_numbers_checked_by_hand(tmp_path):
    """The Ruto–Blinken sample: 9 speech quotes, Ruto 6 / 114 words (61.3 %), Blinken 3 / 72."""
    run_corpus(RAW_DIR, tmp_path, jobs=1, quiet=True)
    share = Q.quote_share(tmp_path)
    assert share[["speaker", "quotes", "words", "articles"]].values.tolist() == [
        ["William Ruto", 6, 114, 1], ["Antony J. Blinken", 3, 72, 1]]
    assert round(share["word_share"].iloc[0], 1) == 61.3
    read = Q.readability_by_outlet(tmp_path).iloc[0]
    assert read["articles"] == 1 and round(read["median"], 1) == 16.5
    assert Q.corpus_overview(tmp_path)["sentences"] == 52


def _through_decode_bytes(item):
    """load_item's table-row path before its shortcut: always through decode_bytes."""
    from analysis.text import article_from_text, decode_bytes

    text, encoding, warnings = decode_bytes(item.text.encode("utf-8", "replace"),
                                            item.article_id)
    return article_from_text(text, item.article_id, item.meta, encoding, warnings)


def test_table_text_shortcut_equals_decode_bytes():
    """A table row's text skips decode_bytes only when it would come back unchanged: for every
    character up to U+2100, a lone surrogate and the BOM — once, and often enough to be judged
    binary — the Article (text, encoding, warnings) or the error is the same as through
    decode_bytes."""
    from analysis.corpus.records import load_item
    from analysis.corpus.sources import Item
    from analysis.text import InputError

    chars = [chr(i) for i in range(0x2101)] + ["\ud800", "\udfff", "\ufeff"]
    checked = shortcut = 0
    for c in chars:
        for text in (f"One {c} two.\nThree.", f"{c}Start.", "Words. " + c * 40):
            item = Item("x", {"id": "x"}, "", text=text)
            try:
                want = _through_decode_bytes(item)
            except InputError as exc:
                with pytest.raises(InputError, match=str(exc).replace("(", r"\(")
                                   .replace(")", r"\)")):
                    load_item(item)
                checked += 1
                continue
            got = load_item(item)
            assert (got.text, got.encoding, got.warnings) == \
                   (want.text, want.encoding, want.warnings), repr(text)
            shortcut += got.text == text
            checked += 1
    assert checked == 3 * len(chars)
    # the shortcut covers nearly every character (all but the 60 it must check)
    assert shortcut > 3 * (len(chars) - 70)


def test_table_text_shortcut_is_taken_only_for_plain_text(monkeypatch):
    from analysis.corpus import records
    from analysis.corpus.sources import Item

    calls = []
    real = records.decode_bytes
    monkeypatch.setattr(records, "decode_bytes", lambda *a: calls.append(a) or real(*a))
    words = " words" * 100  # one control character is then not "binary"
    texts = ["“Plain,” she said.\té\n", "CR\r\nLF", "\ufeffBOM", "NEL\x85" + words,
             "bell\x07" + words]
    for text in texts:
        records.load_item(Item("x", {"id": "x"}, "", text=text))
    assert [a[0].decode() for a in calls] == texts[1:]


def test_quote_rows_words_by_bisection_equal_the_definition():
    """quote_rows counts a quote's words by bisecting token ends; the definition (as
    quotes_table) is every token that starts inside the quote and ends by its end. Checked on
    the sample and a text whose quotes cut words ('“half-way” and “U.S.”-made'), with tokens
    as a list and as columns (a long article's form)."""
    from analysis.config import SAMPLE_ARTICLE
    from analysis.corpus.records import quote_rows
    from analysis.quotes import extract_quotes
    from analysis.text import article_from_text

    texts = [SAMPLE_ARTICLE.read_text(encoding="utf-8"),
             "Critics called it “half-way” and “U.S.”-made. “We will not stop,” Ruto said.\n"
             "“Jobs, jobs and jobs,” she said, “and more jobs.”"]
    for text in texts:
        rows = []
        for limit in (None, 0):  # tokens as a list; as columns (Tokens)
            art = article_from_text(text, "x", token_list_max=limit)
            quotes = extract_quotes(art)
            got = quote_rows(art, quotes)
            toks = list(art.tokens)
            want = [sum(1 for t in toks if q.start <= t.start < q.end and t.end <= q.end)
                    for q in quotes]
            assert [r[18] for r in got] == want
            rows.append(got)
        assert rows[0] == rows[1] and any(rows[0])
    # by hand: the second text's quotes hold 1 ("half-way"), 1 ("U.S."), 4, 4 and 3 words
    art = article_from_text(texts[1], "x")
    assert [r[18] for r in quote_rows(art, extract_quotes(art))] == [1, 1, 4, 4, 3]


def test_to_arrow_nan_is_null_in_every_column_type():
    """Batch tables turn a float NaN into null in any column (as pandas reads a missing value):
    a NaN label (a string column), a NaN count (integer), a NaN flag (bool) and a NaN metric
    (float) are all null, typed as the schema says; other values are kept."""
    from analysis.corpus.records import TABLES
    from analysis.corpus.store import to_arrow

    nan = float("nan")
    row = dict.fromkeys(TABLES["readability"])
    row.update(article_id="a", unit="article", unit_id="a", label=nan, words=nan, sentences=3,
               flesch_reading_ease=nan, smog_index=1.5, reliable=nan, smog_reliable=True)
    t = to_arrow("readability", [tuple(row[c] for c in TABLES["readability"])])
    got = t.to_pylist()[0]
    assert (got["label"], got["words"], got["flesch_reading_ease"], got["reliable"]) == \
        (None, None, None, None)
    assert (got["unit"], got["sentences"], got["smog_index"], got["smog_reliable"]) == \
        ("article", 3, 1.5, True)
    assert t.schema.field("words").type == "int64" and t.schema.field("reliable").type == "bool"
