"""Quotes: detection with offsets, attribution to speakers, and quote share.

Detection (per paragraph, :func:`find_quote_spans`)
    Double quotes: curly “ ”, straight ", low „ (closed by “ or ”) and « ». A straight " opens
    after start of paragraph, white space or an opening bracket/dash, and closes otherwise.
    Single quotes ‘ ’ (or ') inside a double quote are part of its text; an apostrophe between
    letters or after an s (Kenya’s, they’ve, farmers’, don't) is never a quote mark. A paragraph
    with no double quote may use ‘ … ’ as its quote marks (British style).
    Newswire convention: a paragraph whose quote is still open at its end continues into the next
    paragraph when that one opens with a quote mark; the parts share a ``quote_id``. Otherwise the
    open quote is *unbalanced*: it is kept to the end of its own paragraph and flagged, never
    allowed to swallow the rest of the article. A stray closing mark is reported as a warning.
Kinds
    ``direct`` — a quote that opens its clause (at the start of a sentence or after ``,`` / ``:``);
    ``partial`` — a quote embedded in narration with a speech cue in its sentence ("He called it
    “the hard part”"), or longer than :data:`SCARE_MAX_WORDS` words; ``scare`` — a short quoted
    phrase with no speech cue (scare quotes, titles, slogans); ``indirect`` — reported speech
    without quote marks ("Blinken noted that …", "According to Okello, …", "…, she said.").
    Speech share counts ``direct`` and ``partial`` quotes; ``indirect`` only on request.
    A short quote alone on its line with no closing punctuation is a quoted subheading:
    ``scare`` with the flag ``heading``; it takes no attribution from the cue before it.
Attribution (first rule that applies)
    1. a cue right after the quote: ``“…,” Ruto said`` / ``“…,” said Ortiz, a former minister``;
    2. a cue before it in the same sentence: ``He remarked, “…”`` / ``According to X, “…”`` /
       ``Ruto told reporters: “…”``;
    3. a continuation: an earlier quote in the same paragraph, or the previous part of a
       multi-paragraph quote (``“A,” she said. “B.”``);
    4. a cue in the sentence before the quote (over a quoted subheading);
    5. a paragraph that is a quote after a sentence whose quote has a speaker: that speaker.
    Before rules 3–5, a long quote inside narration with no speech cue goes to the name that
    opens its clause and acts on it ("Moe thanked the nurses for “…”"): position ``subject``.
    Also: a byline after the quote (``“…” ― Name`` or a line ``- Name.``) and a cue closing
    the sentence the quote opens (``“A” for the party, said X.``) count as cues after it.
    The subject next to the cue is resolved by :mod:`analysis.speakers` (names, aliases,
    pronouns, officials, organisations, documents); no subject found → speaker ``None``,
    counted as *unattributed*.

Attributed content (:mod:`analysis.quotes.content`)
    A partial quote inside reported speech belongs to the reported clause around it ("Moe said
    the plan was “a mess” and would fail"): ``content_start``/``content_end`` give that clause
    (from the cue's "that" or first word to the next break; with the cue after the quote, from
    the last break before it). Other quotes' content is their own words.

Every quote has ``start``/``end`` offsets of its words inside the marks, so
``article.text[start:end] == text``.

Layout, in pipeline order: :mod:`~analysis.quotes.marks` (quote marks and spans),
:mod:`~analysis.quotes.kinds` (direct, partial, scare, titles), :mod:`~analysis.quotes.cues`
(speech verbs and word splitting), :mod:`~analysis.quotes.index` (sorted lookups),
:mod:`~analysis.quotes.subjects` (subject phrases next to a cue),
:mod:`~analysis.quotes.resolve` (subjects resolved to speakers),
:mod:`~analysis.quotes.after` and :mod:`~analysis.quotes.before` (cues after and before a
quote), :mod:`~analysis.quotes.attribution` (the rule order, :class:`Quote`, reported speech),
:mod:`~analysis.quotes.content` (attributed content), :mod:`~analysis.quotes.share` (tables
and quote share).

>>> from analysis.text import article_from_text
>>> art = article_from_text("Mr. John Otieno spoke. “We will win,” he said. “It is early.”", "x")
>>> for q in extract_quotes(art):
...     print(q.text, q.speaker, q.kind, q.position, sep=" | ")
We will win, | John Otieno | direct | after
It is early. | John Otieno | direct | continuation
"""

from analysis.quotes.attribution import Quote, extract_quotes
from analysis.quotes.cues import CUE_RE, SPEECH_CUES
from analysis.quotes.kinds import SCARE_MAX_WORDS, SPEECH_KINDS
from analysis.quotes.marks import QuoteSpan, find_quote_spans
from analysis.quotes.share import (
    NO_AFFILIATION,
    QUOTE_COLUMNS,
    UNATTRIBUTED,
    quote_rows,
    quote_warnings,
    quotes_table,
    share_table,
)

__all__ = [
    "CUE_RE", "NO_AFFILIATION", "QUOTE_COLUMNS", "SCARE_MAX_WORDS", "SPEECH_CUES", "SPEECH_KINDS",
    "UNATTRIBUTED", "Quote", "QuoteSpan", "extract_quotes", "find_quote_spans", "quote_rows",
    "quote_warnings", "quotes_table", "share_table",
]
