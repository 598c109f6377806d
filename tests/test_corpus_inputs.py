"""Corpus inputs: every form (folder, JSONL, CSV, Parquet), metadata validation (one line naming
file and row, exit 2), listed-but-missing and unlisted files, bad articles (an errors row, exit 1,
nothing else lost)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.corpus.sources import open_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "corpus"


def sample_rows(n=6):
    """The first n .txt articles of the shipped sample corpus, as table rows."""
    meta = list(csv.DictReader((SAMPLE / "articles.csv").open(encoding="utf-8")))
    rows = []
    for m in meta:
        if m["file"].endswith(".txt"):
            text = (SAMPLE / m["file"]).read_text(encoding="utf-8")
            rows.append({"id": m["id"], "title": m["title"], "outlet": m["outlet"],
                         "date": m["date"], "text": text})
        if len(rows) == n:
            break
    return rows


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def corpus(args, capsys):
    code = cli.main(["corpus", *map(str, args), "--quiet", "--jobs", "1", "--no-figures"])
    return code, capsys.readouterr().err


def table(out, name):
    return pd.read_parquet(Path(out) / f"{name}.parquet")


def test_every_form_gives_the_same_tables(tmp_path, capsys):
    rows = sample_rows()
    folder = tmp_path / "folder"
    folder.mkdir()
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["id", "title", "outlet", "date", "file"])
        w.writeheader()
        for r in rows:
            (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
            w.writerow({**{k: r[k] for k in ("id", "title", "outlet", "date")},
                        "file": f"{r['id']}.txt"})
    jsonl = write_jsonl(tmp_path / "c.jsonl", rows)
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    results = {}
    for name, src in [("folder", folder), ("jsonl", jsonl), ("csv", tmp_path / "c.csv"),
                      ("parquet", tmp_path / "c.parquet")]:
        code, err = corpus([src, "--out", tmp_path / f"out-{name}"], capsys)
        assert code == 0, err
        results[name] = {t: table(tmp_path / f"out-{name}", t)
                         for t in ("quotes", "topics", "readability", "places")}
        arts = table(tmp_path / f"out-{name}", "articles")
        assert arts["article_id"].tolist() == sorted(r["id"] for r in rows)
        assert set(arts["outlet"]) == {r["outlet"] for r in rows}
    for name in ("jsonl", "csv", "parquet"):
        for t, df in results[name].items():
            pd.testing.assert_frame_equal(df, results["folder"][t], obj=f"{name}:{t}")


def test_folder_without_articles_csv_uses_file_stems(tmp_path):
    (tmp_path / "b.md").write_text("# Title\n\nTwo. Words.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not an article file
    c = open_corpus(tmp_path)
    assert [i.article_id for i in c.items()] == ["a", "b"]
    assert c.problems == []


def test_missing_and_unlisted_files_are_reported(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLE, folder)
    (folder / "sample-00001.txt").unlink()  # listed, missing
    (folder / "extra-note.txt").write_text("An unlisted article. It counts.", encoding="utf-8")
    code, err = corpus([folder, "--out", tmp_path / "out"], capsys)
    assert code == 1
    assert "extra-note.txt: not listed in articles.csv" in err
    assert "sample-00001.txt is listed but missing" in err
    errors = table(tmp_path / "out", "errors")
    assert errors.values.tolist() == [["sample-00001", "read",
                                       "sample-00001.txt: listed in articles.csv but missing"]]
    ids = table(tmp_path / "out", "articles")["article_id"].tolist()
    assert len(ids) == 36 and "extra-note" in ids and "sample-00001" not in ids


@pytest.mark.parametrize("content, message", [
    ('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n',
     "c.jsonl: row 2: duplicate id 'a' (first at row 1)"),
    ('{"id": "a", "text": "One."}\n{"id": "b", "date": "2024-13-01", "text": "x"}\n',
     "c.jsonl: row 2: unparseable date '2024-13-01'"),
    ('{"id": "../etc", "text": "One."}\n', "c.jsonl: row 1: id '../etc' is not a safe name"),
    ('{"id": "..", "text": "One."}\n', "c.jsonl: row 1: id '..' is not a safe name"),
    ('{"id": "a", "text": "One.", "sources": 3}\n', "c.jsonl: row 1: unknown key(s) 'sources'"),
    ('{"id": "a", "body": "One."}\n', "c.jsonl: row 1: unknown key(s) 'body'"),
    ('{"id": "a", "title": "t"}\n', "c.jsonl: row 1: missing key 'text'"),
    ('{"id": "a", "text": "One."}\n{"id": "b", "text": \n', "c.jsonl: row 2: not valid JSON"),
    ('{"id": "a", "text": "One.", "outlet": 5}\n', "c.jsonl: row 1: column 'outlet' must be"),
])
def test_bad_jsonl_metadata_is_one_line_exit_2(tmp_path, capsys, content, message):
    (tmp_path / "c.jsonl").write_text(content, encoding="utf-8")
    code, err = corpus([tmp_path / "c.jsonl", "--out", tmp_path / "out"], capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing written


@pytest.mark.parametrize("header, row, message", [
    ("id,text,colour", "a,One.,red", "c.csv: unknown column(s) 'colour'"),
    ("id,title", "a,One.", "c.csv: missing column 'text'"),
    ("id,date,text", "a,26/09/2024,One.", "c.csv: row 1: unparseable date '26/09/2024'"),
    ("id,text", "a b,One.", "c.csv: row 1: id 'a b' is not a safe name"),
])
def test_bad_csv_metadata(tmp_path, capsys, header, row, message):
    (tmp_path / "c.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    code, err = corpus([tmp_path / "c.csv", "--out", tmp_path / "out"], capsys)
    assert code == 2 and err.count("\n") == 1 and message in err


def test_bad_parquet_and_articles_csv(tmp_path, capsys):
    pd.DataFrame({"id": ["a", "a"], "text": ["x", "y"]}).to_parquet(tmp_path / "c.parquet")
    code, err = corpus([tmp_path / "c.parquet", "--out", tmp_path / "o"], capsys)
    assert code == 2 and "c.parquet: row 2: duplicate id 'a'" in err
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    code, err = corpus([tmp_path / "junk.parquet", "--out", tmp_path / "o"], capsys)
    assert code == 2 and "junk.parquet: not a readable Parquet file" in err
    folder = tmp_path / "f"
    folder.mkdir()
    (tmp_path / "outside.txt").write_text("Secret.", encoding="utf-8")
    (folder / "articles.csv").write_text("id,file\nx,../outside.txt\n", encoding="utf-8")
    code, err = corpus([folder, "--out", tmp_path / "o"], capsys)
    assert code == 2 and "articles.csv: row 1: file '../outside.txt' is not inside" in err
    (folder / "articles.csv").write_text("id,file,date\nx,a.txt,yesterday\n", encoding="utf-8")
    code, err = corpus([folder, "--out", tmp_path / "o"], capsys)
    assert code == 2 and "articles.csv: row 1: unparseable date 'yesterday'" in err
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for args in (["no-such-dir", "--out", tmp_path / "o"],
                 [tmp_path / "junk.parquet", "--jobs", "0", "--out", tmp_path / "o"],
                 [SAMPLE, "--out", tmp_path / "a-file"],
                 [SAMPLE, "--out", tmp_path / "o", "--engine", "dask", "--scheduler",
                  "tcp://127.0.0.1:9"]):
        code, err = corpus(args, capsys)
        assert code == 2 and err.count("\n") == 1, err


def test_bad_articles_become_error_rows_and_the_run_goes_on(tmp_path, capsys):
    rows = sample_rows(4)
    rows.insert(1, {"id": "empty", "text": ""})
    rows.insert(2, {"id": "nul", "text": None})
    rows.append({"id": "bin", "text": "\x00\x01\x02 not text"})
    rows.append({"id": "crlf", "text": rows[0]["text"].replace("\n", "\r\n")})
    write_jsonl(tmp_path / "c.jsonl", rows)
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "good.txt").write_text(rows[0]["text"], encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    code, err = corpus([tmp_path / "c.jsonl", "--out", tmp_path / "o1"], capsys)
    assert code == 1 and "2 article(s) failed" in err
    errors = table(tmp_path / "o1", "errors")
    assert errors[["article_id", "stage"]].values.tolist() == [["bin", "read"], ["nul", "read"]]
    assert "binary" in errors["message"].iloc[0]
    arts = table(tmp_path / "o1", "articles").set_index("article_id")
    assert len(arts) == 6 and arts.loc["empty", "words"] == 0  # empty text: empty tables
    same = ["words", "sentences", "speech_quotes", "quoted_words", "topic_hits"]
    assert arts.loc["crlf", same].tolist() == arts.loc[rows[0]["id"], same].tolist()
    code, err = corpus([folder, "--out", tmp_path / "o2"], capsys)
    assert code == 1
    errors = table(tmp_path / "o2", "errors")
    assert errors["article_id"].tolist() == ["binary"]
    assert "binary file" in errors["message"].iloc[0]
    assert table(tmp_path / "o2", "articles")["article_id"].tolist() == ["good"]


def test_sample_corpus_is_what_its_script_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sample_corpus",
                                                  ROOT / "data" / "make_sample_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    ours = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    shipped = {p.name: p.read_bytes() for p in SAMPLE.iterdir()}
    assert ours == shipped and len(ours) == 37
    meta = pd.read_csv(SAMPLE / "articles.csv")
    assert meta["outlet"].nunique() == 3 and meta["date"].str.startswith("2024-").all()
