"""Loading articles from files: text (or HTML) plus the id and metadata from ``articles.csv``.

>>> from analysis.config import SAMPLE_ARTICLE
>>> load_article(SAMPLE_ARTICLE).meta["date"]
'2024-09-26'
"""

from __future__ import annotations

from pathlib import Path

from analysis.text.build import article_from_text
from analysis.text.markup import _looks_like_html, html_to_text
from analysis.text.model import Article
from analysis.text.reading import InputError, read_text


def read_metadata(path: str | Path) -> dict[str, dict]:
    """The metadata table (``data/raw/articles.csv``) as ``{file: row}``, ``file`` being the
    path relative to the table's folder as written in the table; ``{}`` when there is no table.

    Validated by :func:`analysis.inputs.read_articles_table` (safe ids, files inside the folder,
    no duplicates); a bad table raises :class:`InputError` naming its line.

    >>> from analysis.config import ARTICLES_CSV
    >>> read_metadata(ARTICLES_CSV)["ruto_blinken_2024.txt"]["date"]
    '2024-09-26'
    """
    from analysis.inputs import read_articles_table

    p = Path(path)
    rows = read_articles_table(p.parent, p.name)
    return {r.file: r.meta for r in rows or []}


def _metadata_row(path: Path, metadata: dict[str, dict]) -> dict:
    """The row of ``metadata`` (keyed by paths relative to the table's folder) for ``path``:
    the longest key that ``path`` ends with (``2024/a.txt`` before ``a.txt``)."""
    best: tuple[int, dict] = (0, {})
    for key, row in metadata.items():
        parts = tuple(x for x in key.split("/") if x not in ("", "."))
        if parts and len(parts) <= len(path.parts) and path.parts[-len(parts):] == parts \
                and len(parts) > best[0]:
            best = (len(parts), row)
    return best[1]


def load_article(path: str | Path, metadata: dict[str, dict] | None = None, *,
                 row: dict | None = None) -> Article:
    """Read a file into an :class:`Article`.

    The id and metadata come from ``row`` when given, else from ``metadata`` (as returned by
    :func:`read_metadata`, looked up by file name), else from ``articles.csv`` beside the file
    when it lists the file; otherwise the id is the file name without extension. A broken
    ``articles.csv`` beside the file is then not used (a warning says why). HTML input is
    reduced to its visible text first (:func:`html_to_text`); offsets then index that text, as
    the warning says.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> art = load_article(SAMPLE_ARTICLE)
    >>> art.id, len(art.paragraphs), len(art.sentences)
    ('ruto_blinken_2024', 21, 52)
    """
    p = Path(path)
    text, encoding, warnings = read_text(p)
    if _looks_like_html(text):
        text = html_to_text(text)
        warnings.append(f"{path}: HTML input; analysing its visible text (script/style removed)")
        encoding = f"{encoding}+html"
    if row is None:
        if metadata is None:
            try:
                metadata = read_metadata(p.parent / "articles.csv")
            except InputError as exc:
                warnings.append(f"{exc}; metadata not used")
                metadata = {}
        row = _metadata_row(p, metadata)
    meta = dict(row)
    article_id = meta.get("id") or p.stem
    meta.setdefault("file", p.name)
    art = article_from_text(text, article_id, meta, encoding, warnings)
    if not art.paragraphs:
        art.warnings.append(f"{path}: no body paragraphs found; tables are empty")
    return art
