"""Paths used by the CLI, figures, report, notebooks and tests — defined once, here.

Everything is built from the project root so that notebooks, scripts and tests agree whatever the
working directory is.

>>> from analysis.config import RAW_DIR, SAMPLE_ARTICLE
>>> SAMPLE_ARTICLE.parent == RAW_DIR
True
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
ARTICLES_CSV = RAW_DIR / "articles.csv"
SAMPLE_ARTICLE = RAW_DIR / "ruto_blinken_2024.txt"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORT_MD = PROJECT_ROOT / "report.md"
RESOURCES_DIR = PACKAGE_DIR / "resources"
