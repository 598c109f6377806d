"""News analysis: who gets quoted, what is talked about, and how hard it is to read.

>>> from analysis import load_article
>>> from analysis.config import SAMPLE_ARTICLE
>>> load_article(SAMPLE_ARTICLE).id
'ruto_blinken_2024'
"""

from analysis.text import Article, InputError, article_from_text, load_article

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "article_from_text", "load_article", "__version__"]
