"""Stage 4 — tables: the tidy table (:func:`readability_table`), the plain records of the
corpus path (:func:`readability_records`) and the JSON object of the ``readability`` command
(:func:`readability_summary`)."""

from __future__ import annotations

import math
from itertools import repeat

import numpy as np

from analysis._lazy import pd  # pandas is imported when a table is first built
from analysis._memory import release_freed_memory as _release_freed_memory
from analysis.readability.columns import _Columns, _columns, _metric_columns
from analysis.readability.formulas import _flag_columns
from analysis.readability.schema import COUNT_COLUMNS, FLAG_COLUMNS, METRIC_COLUMNS
from analysis.readability.units import _speech_spans
from analysis.text import Article


def _name_lists(article: Article, cols: _Columns) -> tuple[list, list, list]:
    """The unit, unit_id and label of every unit, as lists of strings."""
    paragraphs = cols.paragraphs.tolist()
    quotes = cols.quote_units
    n_sec = len(article.sections)
    unit = ["article", *["section"] * n_sec, *["paragraph"] * len(paragraphs),
            *(q[0] for q in quotes)]
    unit_id = [article.id, *(str(s.index) for s in article.sections), *map(str, paragraphs),
               *(q[1] for q in quotes)]
    label = ["whole article", *cols.sections, *(f"paragraph {p}" for p in paragraphs),
             *(q[2] for q in quotes)]
    return unit, unit_id, label


def _name_arrays(article: Article, cols: _Columns, dtype) -> tuple:
    """The article_id, unit, unit_id and label columns as pandas string arrays built by pyarrow
    (no Python string per paragraph: a long article's table is made without 400,000 of them)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n, n_sec, n_par = len(cols), len(article.sections), len(cols.paragraphs)
    quotes = cols.quote_units
    kinds = ["article", "section", "paragraph", *(q[0] for q in quotes)]
    code = np.concatenate([[0], np.full(n_sec, 1), np.full(n_par, 2),
                           np.arange(3, 3 + len(quotes))]).astype(np.int32)
    unit = pc.take(pa.array(kinds, pa.large_string()), pa.array(code))
    del code
    par_ids = pc.cast(pa.array(cols.paragraphs), pa.large_string())
    unit_id = pa.concat_arrays([
        pa.array([article.id, *(str(s.index) for s in article.sections)], pa.large_string()),
        par_ids, pa.array([q[1] for q in quotes], pa.large_string())])
    label = pa.concat_arrays([
        pa.array(["whole article", *cols.sections], pa.large_string()),
        pc.binary_join_element_wise(pa.scalar("paragraph", pa.large_string()), par_ids,
                                    pa.scalar(" ", pa.large_string())),
        pa.array([q[2] for q in quotes], pa.large_string())])
    del par_ids
    article_id = pc.take(pa.array([article.id], pa.large_string()), pa.array(np.zeros(n, np.int32)))
    return tuple(pd.array(a, dtype=dtype) for a in (article_id, unit, unit_id, label))


def readability_table(article: Article, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tidy readability table: one row per unit with its counts, metrics and reliability flags.

    Columns: article_id, unit, unit_id, label, the :data:`COUNT_COLUMNS`, the
    :data:`METRIC_COLUMNS` and the :data:`FLAG_COLUMNS`.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> df = readability_table(load_article(SAMPLE_ARTICLE))
    >>> row = df[df.unit == "article"].iloc[0]
    >>> int(row.sentences), int(row.words), round(float(row.flesch_kincaid_grade), 1)
    (52, 1224, 16.5)
    """
    speech = None if quotes is None else _speech_spans(quotes)
    long = len(article.paragraphs) > _LAZY_ROWS
    if long:
        _release_freed_memory()
    cols = _columns(article, speech)
    n = len(cols)
    strings = pd.Series([""]).dtype  # pandas' default for strings (pyarrow-backed from 3.0)
    if long and isinstance(strings, pd.StringDtype) and strings.storage == "pyarrow":
        article_id, unit, unit_id, label = _name_arrays(article, cols, strings)
    else:
        unit, unit_id, label = _name_lists(article, cols)
        article_id = [article.id] * n
    data = {"article_id": article_id, "unit": unit, "unit_id": unit_id, "label": label}
    del article_id, unit, unit_id, label
    data.update(cols.counts)
    del cols
    data.update(_metric_columns(data))
    data.update(_flag_columns(data))
    # a long table keeps these arrays as they are (copy=False: no second, consolidated copy)
    table = pd.DataFrame(data, columns=list(data), copy=n <= 10_000)
    if long:
        del data
        _release_freed_memory()
    return table


def readability_records(article: Article, speech: list[tuple[int, int, str]] | None = None
                        ) -> list[tuple]:
    """The rows of :func:`readability_table` as plain tuples in its column order (no DataFrame:
    the corpus path). ``speech`` lists the speech quotes as ``(start, end, speaker)`` sorted by
    start, unknown speakers as ``(unattributed)``; None leaves out the quote units.

    >>> from analysis.text import article_from_text
    >>> rows = readability_records(article_from_text("The cat sat. It was happy.", "x"))
    >>> [(r[1], r[4], r[5]) for r in rows]
    [('article', 2, 6), ('section', 2, 6), ('paragraph', 2, 6)]
    """
    cols = _columns(article, speech)
    unit, unit_id, label = _name_lists(article, cols)
    counts = cols.counts
    values = [counts[k].tolist() for k in COUNT_COLUMNS]
    linsear = values[-1]
    for i in np.flatnonzero(counts["words"] == 0).tolist():
        linsear[i] = 0  # an empty unit's sample has no sentences (an integer, as counted)
    values += [v.tolist() for v in _metric_columns(counts).values()]
    values += [v.tolist() for v in _flag_columns(counts).values()]
    return list(zip(repeat(article.id, len(cols)), unit, unit_id, label, *values, strict=False))


#: Beyond this many paragraphs, :func:`readability_summary` makes their objects when read.
_LAZY_ROWS = 10_000


class _TableObjects(list):
    """A read-only list of the JSON objects of table rows ``[start, stop)``, each made when read
    (``make`` turns a slice of the table into objects). Iteration, ``len``, indexing, slicing
    and ``==`` behave as on the list of those objects; it is never modified.

    >>> import pandas as pd
    >>> rows = _TableObjects(pd.DataFrame({"x": [1, 2, 3]}), 1, 3,
    ...                      lambda part: ({"x": v} for v in part["x"].tolist()))
    >>> len(rows), rows[-1], list(rows), rows == [{"x": 2}, {"x": 3}]
    (2, {'x': 3}, [{'x': 2}, {'x': 3}], True)
    """

    def __init__(self, table: pd.DataFrame, start: int, stop: int, make):
        super().__init__()
        self._table, self._start, self._stop, self._make = table, start, stop, make

    def __len__(self) -> int:
        return self._stop - self._start

    def __iter__(self):
        for a in range(self._start, self._stop, 10_000):
            yield from self._make(self._table.iloc[a:min(a + 10_000, self._stop)])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("list index out of range")
        a = self._start + i
        return next(iter(self._make(self._table.iloc[a:a + 1])))

    def __eq__(self, other) -> bool:
        return list(self) == other

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = None

    def __repr__(self) -> str:
        return repr(list(self))


def readability_summary(table: pd.DataFrame) -> dict:
    """The JSON object of ``python -m analysis readability``: the whole-article row's counts,
    metrics and flags at the top level, plus ``sections``, ``paragraphs`` and (when present)
    ``quoted``/``narration``/``speakers`` lists of the same shape.

    >>> from analysis.text import article_from_text
    >>> s = readability_summary(readability_table(article_from_text("One two. Three.", "x")))
    >>> s["sentences"], s["words"], len(s["sections"])
    (2, 3, 1)
    """

    keys = ("unit", "unit_id", "label", *COUNT_COLUMNS, *METRIC_COLUMNS, *FLAG_COLUMNS)
    counts, metrics = set(COUNT_COLUMNS), set(METRIC_COLUMNS)

    def obj(row: tuple) -> dict:
        out = dict(zip(keys, row, strict=True))
        for k, v in out.items():
            if k in counts or k in metrics:
                out[k] = None if v is None or (isinstance(v, float) and math.isnan(v)) else (
                    int(v) if k in counts and float(v).is_integer() else float(v))
            elif k in FLAG_COLUMNS:
                out[k] = bool(v)
        return out

    def objects(part):
        return map(obj, zip(*(part[k].tolist() for k in keys), strict=True))

    rows: dict[str, list[dict]] = {u: [] for u in ("article", "section", "paragraph", "quoted",
                                                   "narration", "speaker")}
    unit = table["unit"].to_numpy()
    where = np.flatnonzero(unit == "paragraph")
    # a long article's paragraph objects are made when the list is read (JSON written piece by
    # piece never holds 400,000 of them); the paragraph rows are one run of the table
    lazy = len(where) > _LAZY_ROWS and where[-1] - where[0] + 1 == len(where)
    if lazy:
        rows["paragraph"] = _TableObjects(table, int(where[0]), int(where[-1]) + 1, objects)
        others = np.ones(len(table), bool)
        others[where[0]:where[-1] + 1] = False
        table = table[others]
    # column by column, not row by row (iterrows builds a Series a row: slow on 100,000 rows),
    # in slices so that only one slice of cells exists as Python objects besides the output
    step = 10_000
    for a in range(0, len(table), step):
        part = table.iloc[a:a + step]
        for unit_kind, o in zip(part["unit"].tolist(), objects(part), strict=True):
            if unit_kind in rows:
                rows[unit_kind].append(o)
    summary = {"article_id": table["article_id"].iloc[0] if len(table) else None,
               **rows["article"][0]}
    summary["sections"] = rows["section"]
    summary["paragraphs"] = rows["paragraph"]
    if rows["quoted"]:
        summary["quoted"] = rows["quoted"][0]
        summary["narration"] = rows["narration"][0]
        summary["speakers"] = rows["speaker"]
    return summary
