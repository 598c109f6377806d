"""HTML to text: the visible text of a web page, paragraphs and headings kept as lines.

>>> _looks_like_html("<p>Hi</p>"), _looks_like_html("Plain text.")
(True, False)
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class _HTMLText(HTMLParser):
    """Visible text of an HTML page; block elements become line breaks, script/style dropped."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "blockquote", "title", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("# ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or bool(
        re.search(r"<(html|body|script|style|p|div)[\s>]", head) and "</" in text
    )


def html_to_text(markup: str) -> str:
    """Extract the visible text of an HTML page (stdlib ``html.parser``).

    Paragraph-level elements become blank-line separated paragraphs, ``<h1>``–``<h6>`` become
    Markdown headings, ``<script>``/``<style>`` content is dropped, entities are decoded.

    >>> html_to_text("<html><style>p{}</style><h1>Title</h1><p>Hello &amp; bye.</p></html>")
    '# Title\\n\\nHello & bye.\\n'
    """
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    raw = html.unescape("".join(parser.parts))
    lines = [ln.strip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln and ln != "#":
            out.append(ln)
    return "\n\n".join(out) + ("\n" if out else "")
