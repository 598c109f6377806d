"""Stage 2 of topic counting: matching — the candidate hits of one article, each with the reason
it does not count when a per-hit rule drops it (inside a proper name, after a negation cue,
failing a context rule, an exclusion): :func:`_match_runs`. Article-level rules come next
(:mod:`analysis.topics.rules`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import itemgetter

from analysis.text import Article, Tokens, token_column
from analysis.text.words import DAY_AND_MONTH_NAMES
from analysis.topics.lexicon import Lexicon, _candidates, _matches, normalise, stopwords

# lower-case words that may join the capitalised words of one name ("Department of Health";
# "on" since lexicon 2.11: "Center on Budget and Policy Priorities", "Committee on Science")
_NAME_JOINERS = frozenset({"of", "the", "de", "du", "la", "le", "von", "van", "der", "da", "al",
                           "bin", "for", "on"})
# what may stand between two words of one name besides white space: a plural possessive's
# apostrophe ("Leaders' College", "Veterans’ Affairs"; since lexicon 2.11)
_NAME_GAPS = frozenset({"", "'", "’"})
# "on" before a day or a month dates an event ("the Museum of Culture on Saturday"): no joiner
_DATE_WORDS = DAY_AND_MONTH_NAMES | {"Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"}
_TEXT = itemgetter(1)  # a Token's text
_BLOCK, _SENTENCE = itemgetter(4), itemgetter(5)  # a Token's block and sentence


class _NormMemo(dict):
    """:func:`normalise` of every word seen, filled on first use (``memo[word]``)."""

    __slots__ = ()

    def __missing__(self, word: str) -> str:
        norm = self[word] = normalise(word)
        return norm


_NORMS = _NormMemo()
_NORMS_MAX = 200_000  # distinct words remembered before the memo is emptied

_PUNCT = re.compile(r"[.,;:!?()\[\]{}—–\"“”]")


class _Names:
    """Capitalised runs (proper names) around a hit, found on demand (see :mod:`analysis.topics`):
    a hit costs a walk over its neighbours, an article without hits costs nothing."""

    def __init__(self, article: Article, body) -> None:
        self.text = article.text
        self.body = body
        self._sents = None  # array of sentence numbers, built on first use
        self.stops = stopwords()
        self.exempt: dict[int, bool] = {}
        self.runs: dict[int, tuple[int, int, int]] = {}  # capitalised token -> its run

    @property
    def sents(self):
        """The sentence number of every body token (built on first use)."""
        if self._sents is None:
            self._sents = token_column(self.body, "sentence")
        return self._sents

    def cap(self, k: int) -> bool:
        t = self.body[k]
        if not t.text[:1].isupper():
            return False
        # "The", "In", "After" … open a sentence, not a name
        return not ((k == 0 or self.body[k - 1].sentence != t.sentence) and
                    t.text.lower() in self.stops)

    def joined(self, a: int, b: int) -> bool:
        ta, tb = self.body[a], self.body[b]
        return ta.sentence == tb.sentence and self.text[ta.end:tb.start].strip() in _NAME_GAPS

    def joiner(self, k: int) -> bool:
        """Whether token ``k`` is a lower-case word that may join two words of one name."""
        word = self.body[k].text
        if word not in _NAME_JOINERS:
            return False
        return not (word == "on" and k + 1 < len(self.body) and
                    self.body[k + 1].text in _DATE_WORDS)

    def title_case(self, sentence: int) -> bool:
        """Five or more words, 80 % capitalised: a headline typed as a paragraph."""
        if sentence not in self.exempt:
            if isinstance(self.body, list):  # searched in place (see _match_runs' span_of)
                lo = bisect_left(self.body, sentence, key=_SENTENCE)
                hi = bisect_right(self.body, sentence, key=_SENTENCE)
            else:
                lo = bisect_left(self.sents, sentence)
                hi = bisect_right(self.sents, sentence)
            words = [t for t in self.body[lo:hi] if t.text[:1].isalpha()]
            caps = sum(1 for t in words if t.text[:1].isupper())
            self.exempt[sentence] = len(words) >= 5 and caps >= 0.8 * len(words)
        return self.exempt[sentence]

    def _run(self, c: int) -> tuple[int, int, int]:
        """The capitalised run around capitalised token ``c``: its first and last capitalised
        token and how many capitalised tokens it holds. The run is the stretch of joined
        capitalised words and joiners around ``c``; every capitalised token of the stretch has
        the same run, so it is recorded for each of them and the stretch is walked once (a long
        run of capitalised hits costs linear time, not a walk per hit)."""
        n = len(self.body)
        first = last = c
        capped = [c]  # the capitalised tokens of the stretch (c is one), found on the walk
        k = c - 1
        while k >= 0 and self.joined(k, k + 1):
            if self.cap(k):
                first = k
                capped.append(k)
            elif not self.joiner(k):
                break
            k -= 1
        k = c + 1
        while k < n and self.joined(k - 1, k):
            if self.cap(k):
                last = k
                capped.append(k)
            elif not self.joiner(k):
                break
            k += 1
        found = (first, last, len(capped))  # (all of them lie between first and last)
        for m in capped:
            self.runs[m] = found
        return found

    def inside_name(self, i: int, j: int) -> bool:
        """Whether the hit on tokens i..j is a word inside a longer capitalised name."""
        c = i if self.cap(i) else (j if self.cap(j) else None)
        if c is None:
            return False
        found = self.runs.get(c)
        if found is None:
            found = self._run(c)
        first, last, caps = found
        if caps < 2:
            return False
        inside = sum(1 for m in range(max(i, first), min(j, last) + 1)
                     if self.body[m].text[:1].isupper())
        # a headline typed as a sentence is exempt (checked last: the costlier test)
        return inside < 2 and not self.title_case(self.body[c].sentence)


class _Strings:
    """The strings of a long article's tokens made when read, never all held: ``f(k)`` for
    item ``k``, a list for a slice.

    >>> s = _Strings(str, 3)
    >>> len(s), s[2], s[0:2]
    (3, '2', ['0', '1'])
    """

    __slots__ = ("_f", "_n")

    def __init__(self, f, n: int):
        self._f, self._n = f, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self._f(x) for x in range(*k.indices(self._n))]
        return self._f(k)


def _context_ok(rule, body, norms, i: int, j: int, bounds, paragraph_span=None) -> bool:
    """Whether a hit on tokens i..j passes its context rule (unless / require), by searching
    its word window: the reference the matcher's shortcut (:func:`_span_matches` and
    :func:`_occurs_outside`, what :func:`_match_runs` runs) gives the answers of. ``bounds``
    are the first and last token of its sentence; ``paragraph_span(i)`` gives those of its
    paragraph, for a rule with ``scope = "paragraph"``. A rule without a word window looks at
    the whole sentence (or paragraph)."""
    unless, require, window, paragraph = rule
    lo, hi = paragraph_span(i) if paragraph else bounds
    if window is not None:
        lo, hi = max(lo, i - window), min(hi, j + window)
    around = norms[lo:i] + norms[j + 1:hi + 1]  # the window without the hit itself (made once)
    if unless and _found(unless, around, body, norms, i, j, lo, hi):
        return False
    return not require or _found(require, around, body, norms, i, j, lo, hi)


class _Globbed(dict):
    """Whether one of a lexicon's context globs finds a normalised word (``memo[word]``),
    decided once per distinct word."""

    __slots__ = ("_regex",)

    def __init__(self, regex: re.Pattern) -> None:
        super().__init__()
        self._regex = regex

    def __missing__(self, word: str) -> bool:
        found = self[word] = self._regex.search(word) is not None
        return found


class _ContextWords:
    """A lexicon's context words as :func:`_match_runs` first asks about them: whether a set
    of them (the ``unless`` or ``require`` words of a rule, compiled once per distinct set; see
    :func:`analysis.topics.lexicon._build_index`) can occur in an article at all, told by the
    article's distinct words (:meth:`in_article`). Most rules meet none of their words in the
    article (88 % of the rule checks on synthetic articles, 64 % on PolNeAR train): their
    answer needs no sentence searched. The words any glob of the lexicon finds are decided
    once per distinct word and remembered (bounded like the other memos).

    >>> from analysis.topics.lexicon import default_lexicon
    >>> cw = _context_words(default_lexicon())
    >>> cw.globbed("an appeal was lodged".split())
    ['appeal']
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.context = lex._context
        globs: list[str] = []
        seen: set[int] = set()
        for rules in lex._context.values():
            for rule in rules:
                for pats in rule[:2]:
                    if pats is None or id(pats) in seen:
                        continue
                    seen.add(id(pats))
                    globs += [pats[1].pattern] if pats[1] is not None else []
                    globs += [ph[0].pattern for ph in pats[2] if isinstance(ph[0], re.Pattern)]
        # any glob of any set (single words, phrases' first words): a word it does not find
        # is found by none of them
        self._any = _Globbed(re.compile("|".join(f"(?:{g})" for g in globs), re.M)) \
            if globs else None

    def globbed(self, words) -> list[str]:
        """Those of the distinct ``words`` that a glob of the lexicon's context words may find."""
        if self._any is None:
            return []
        if len(self._any) > _CONTEXT_WORDS_MAX:  # bounded: memory stays flat over a corpus
            self._any = _Globbed(self._any._regex)
        return list(filter(self._any.__getitem__, words))

    def in_article(self, words: set[str]) -> _InArticle:
        """The sets that can occur in an article of these distinct normalised words."""
        return _InArticle(words, self.globbed(words))


class _InArticle(dict):
    """A lexicon's context pattern sets narrowed to one article (``narrowed(patterns)``; the
    sets are told apart by ``id``: a lexicon compiles each distinct set once and keeps it):
    the exact words that are among the article's words, the regex of its globs when it finds
    one of them, the phrases whose first word may be one — the same occurrences in any span
    of the article, with less to search — or None when nothing is left: no occurrence
    anywhere. Decided once per set from the article's distinct ``words`` and those of them a
    glob of the lexicon may find (``globbed``), with no token visited.

    >>> from analysis.topics.lexicon import _context_patterns
    >>> pats = _context_patterns(("court", "judg*", "supreme court", "jury"))
    >>> here = _InArticle({"the", "judges", "court", "met"}, ["judges"])
    >>> exact, regex, phrases, firsts = here.narrowed(pats)
    >>> exact, regex is pats[1], phrases, firsts
    ({'court'}, True, [], frozenset())
    >>> _InArticle({"the", "jury", "met"}, []).narrowed(pats)[1:]
    (None, [], frozenset())
    >>> _InArticle({"the", "supreme", "leader"}, []).narrowed(pats)[2]
    [('supreme', 'court')]
    >>> _InArticle({"the", "leader"}, []).narrowed(pats) is None
    True
    """

    __slots__ = ("words", "globbed", "joined")

    def __init__(self, words: set[str], globbed: list[str]) -> None:
        super().__init__()
        self.words = words
        self.globbed = globbed
        # (a glob is anchored per word: found in the words joined by newlines exactly when
        # found in one of them)
        self.joined = "\n".join(globbed)

    def narrowed(self, patterns):
        key = id(patterns)
        if key in self:
            return self[key]
        exact, regex, phrases, firsts = patterns
        words = self.words
        exact = exact & words
        if regex is not None and not (self.globbed and regex.search(self.joined) is not None):
            regex = None
        if phrases:
            if firsts is None:
                phrases = [ph for ph in phrases if _may_start(ph[0], words, self.globbed)]
            elif firsts.isdisjoint(words):  # (every first word exact: most articles hold none)
                phrases, firsts = [], frozenset()
            else:
                phrases = [ph for ph in phrases if ph[0] in words]
                firsts = firsts & words
        found = self[key] = (exact, regex, phrases, firsts) \
            if exact or regex is not None or phrases else None
        return found


def _may_start(first, words: set[str], globbed: list[str]) -> bool:
    """Whether a phrase's first matcher can match one of an article's words (as
    :func:`~analysis.topics.lexicon._matches` would)."""
    if first.__class__ is str:
        return first in words
    if isinstance(first, re.Pattern):
        return any(first.match(w) is not None for w in globbed)
    return True  # another kind of matcher: the article is searched


_CONTEXT_WORDS: dict[int, _ContextWords] = {}
_CONTEXT_WORDS_MAX = 200_000  # distinct words remembered per lexicon before starting again


def _context_words(lex: Lexicon) -> _ContextWords:
    """The :class:`_ContextWords` of a lexicon, made on first use (at most
    :data:`_LEXICONS_MAX` lexicons remembered)."""
    found = _CONTEXT_WORDS.get(id(lex))
    if found is None or found.lex is not lex or found.context is not lex._context:
        if len(_CONTEXT_WORDS) >= _LEXICONS_MAX:
            _CONTEXT_WORDS.clear()
        found = _CONTEXT_WORDS[id(lex)] = _ContextWords(lex)
    return found


_SPANS_MAX = 4096  # (patterns, span) results remembered per article before starting again


def _forget_behind(spans: dict, lo: int) -> None:
    """Let go of the remembered spans that end before token ``lo`` (hits come in text order,
    so they are not met again), keeping those still open there — a paragraph's, searched once
    however many of its sentences have hits (emptying the whole memo searched a long
    paragraph again every few thousand entries: quadratic). Should the open spans alone fill
    half the memo, it is emptied.

    >>> spans = {(1, 0, 9): None, (1, 0, 99): None, (2, 5, 7): None}
    >>> _forget_behind(spans, 10)
    >>> spans
    {(1, 0, 99): None}
    """
    for key in [k for k in spans if k[2] < lo]:
        del spans[key]
    if len(spans) > _SPANS_MAX // 2:
        spans.clear()


def _span_matches(spans: dict, patterns, body, norms, lo: int, hi: int):
    """Where a rule's context words and phrases occur in tokens lo..hi, found once per
    (patterns, span) and remembered in ``spans``: None when nowhere, else the occurrences'
    first tokens in order and, for each, the smallest last token of it and the occurrences
    after it (a single word is an occurrence starting and ending at its token), which
    :func:`_occurs_outside` reads to decide any hit of the span in logarithmic time. Patterns
    are told apart by identity: a lexicon compiles each distinct set of context words once
    (see :func:`analysis.topics.lexicon._build_index`), so a span is searched once per set.

    >>> from analysis.text import article_from_text
    >>> from analysis.topics.lexicon import _context_patterns
    >>> body = article_from_text("The supreme court said a judge and the court.", "x").body_tokens
    >>> norms = [normalise(t.text) for t in body]
    >>> pats = _context_patterns(("court", "supreme court", "judg*"))
    >>> _span_matches({}, pats, body, norms, 0, len(body) - 1)  # 1..2, 2, 5 and 8
    ([1, 2, 5, 8], [2, 2, 5, 8])
    >>> _span_matches({}, pats, body, norms, 3, 4) is None  # "said a"
    True
    """
    key = (id(patterns), lo, hi)  # (the lexicon keeps the patterns alive)
    found = spans.get(key, spans)
    if found is not spans:
        return found
    if len(spans) > _SPANS_MAX:  # a memo only, bounded in long texts: hits come in text
        _forget_behind(spans, lo)  # order, so the spans that end before this one are let go
    window = norms[lo:hi + 1]
    exact, regex, phrases, firsts = patterns
    occ: list[tuple[int, int]] = []
    # single words: an exact word, or a glob (the regex, anchored per word as in _found);
    # the words are walked only when the span holds one: the regex finds a word in the words
    # joined by newlines exactly when it finds it in that word
    globbed = regex is not None and regex.search("\n".join(window)) is not None
    if globbed or not exact.isdisjoint(window):
        for k, w in enumerate(window, lo):
            if w in exact or (globbed and regex.search(w)):
                occ.append((k, k))
    if phrases and (firsts is None or not firsts.isdisjoint(window)):
        for k in range(lo, hi + 1):
            w = norms[k]
            for pat in phrases:
                first = pat[0]  # an exact first word that is not this one: no match here
                if first.__class__ is str and first != w:
                    continue
                last = k + len(pat) - 1
                if last <= hi and all(_matches(pat[d], body[k + d].text, norms[k + d])
                                      for d in range(len(pat))):
                    occ.append((k, last))
    if not occ:
        spans[key] = None
        return None
    occ.sort()
    starts = [s for s, _e in occ]
    least = [e for _s, e in occ]
    for m in range(len(least) - 2, -1, -1):  # the smallest last token from m on
        if least[m + 1] < least[m]:
            least[m] = least[m + 1]
    found = spans[key] = (starts, least)
    return found


def _rule_ok(spans: dict, unless, require, window: int | None, body, norms, i: int, j: int,
             bounds: tuple[int, int]) -> bool:
    """Whether a hit on tokens i..j passes a context rule (its compiled ``unless`` and
    ``require`` words, None for none, and its word ``window``) whose span — sentence or
    paragraph — is tokens ``bounds``: no ``unless`` occurrence and one ``require`` occurrence
    in the window (the span when ``window`` is None), outside the hit. Decides as
    :func:`_context_ok`, from the occurrences in the span (:func:`_span_matches`, each
    (patterns, span) searched once and kept in ``spans``), in logarithmic time per hit.

    >>> from analysis.text import article_from_text
    >>> from analysis.topics.lexicon import _context_patterns
    >>> body = article_from_text("The coach said the match was a great match.", "x").body_tokens
    >>> norms = [normalise(t.text) for t in body]
    >>> unless = _context_patterns(("coach",))
    >>> [_rule_ok({}, unless, None, w, body, norms, 4, 4, (0, 8)) for w in (None, 2, 3)]
    [False, True, False]
    """
    lo, hi = bounds
    if window is None:
        wlo, whi = lo, hi
    else:  # the word window, inside the sentence (or paragraph)
        wlo, whi = max(lo, i - window), min(hi, j + window)
    if unless is not None and _occurs_outside(_span_matches(spans, unless, body, norms, lo, hi),
                                              i, j, wlo, whi):
        return False
    return require is None or _occurs_outside(
        _span_matches(spans, require, body, norms, lo, hi), i, j, wlo, whi)


def _occurs_outside(found, i: int, j: int, lo: int, hi: int) -> bool:
    """Whether one of the occurrences summarised by :func:`_span_matches` lies in tokens lo..hi
    wholly outside the hit i..j: it starts at lo or later and ends before i, or starts after
    j and ends at hi or before (an occurrence overlapping the hit does not count).

    >>> found = ([1, 2, 5, 8], [2, 2, 5, 8])  # occurrences 1..2, 2..2, 5..5, 8..8
    >>> _occurs_outside(found, 3, 4, 3, 4), _occurs_outside(found, 3, 4, 0, 4)
    (False, True)
    >>> _occurs_outside(found, 2, 5, 0, 7), _occurs_outside(found, 2, 5, 0, 8)
    (False, True)
    """
    if found is None:
        return False
    firsts, least = found
    n = len(firsts)
    k = bisect_left(firsts, lo)
    if k < n and least[k] < i:
        return True
    k = bisect_right(firsts, j)
    return k < n and least[k] <= hi


def _found(patterns, around, body, norms, i: int, j: int, lo: int, hi: int) -> bool:
    """Whether one of a rule's context words or phrases is in the window lo..hi outside the
    hit i..j (``around``: the window's normalised words without the hit)."""
    exact, regex, phrases, firsts = patterns
    if not exact.isdisjoint(around):
        return True
    if regex is not None and regex.search("\n".join(around)):
        return True
    if firsts is not None and firsts.isdisjoint(around):
        return False  # (a phrase cannot start inside the hit: it would overlap it)
    for k in range(lo, hi + 1) if phrases else ():
        w = norms[k]
        for pat in phrases:
            first = pat[0]  # an exact first word that is not this one: no match here
            if first.__class__ is str and first != w:
                continue
            if k + len(pat) - 1 > hi or any(i <= k + d <= j for d in range(len(pat))):
                continue
            if all(_matches(pat[d], body[k + d].text, norms[k + d])
                   for d in range(len(pat))):
                return True
    return False


#: Per lexicon (at most :data:`_LEXICONS_MAX`): the words met so far, and those of them that can
#: start an entry (most words start none), so an article's words are sorted into the two by set
#: operations and only its new words are looked up one by one; bounded like the other memos.
_HOT_WORDS: dict[int, tuple[Lexicon, set[str], set[str]]] = {}
_LEXICONS_MAX = 8
_HOT_WORDS_MAX = 200_000


def _hot_entries(lex: Lexicon, words: set[str]) -> dict:
    """The lexicon entries (:func:`~analysis.topics.lexicon._candidates`) of those of
    ``words`` that can start one, keyed by word.

    >>> from analysis.topics.lexicon import default_lexicon
    >>> sorted(_hot_entries(default_lexicon(), {"yesterday", "police", "table", "war"}))
    ['police', 'war']
    """
    state = _HOT_WORDS.get(id(lex))
    if state is None or state[0] is not lex:
        if len(_HOT_WORDS) >= _LEXICONS_MAX:
            _HOT_WORDS.clear()
        state = _HOT_WORDS[id(lex)] = (lex, set(), set())
    _, seen, hot = state
    cache = lex._cache
    new = words - seen
    if new:
        if len(seen) > _HOT_WORDS_MAX:  # memory stays flat over a corpus (new sets, not
            seen, hot = set(), set()    # emptied ones: a thread filling the old pair
            _HOT_WORDS[id(lex)] = (lex, seen, hot)  # keeps it consistent)
            new = words
        for word in new:
            entry = cache.get(word)
            if entry is None:
                entry = _candidates(lex, word)
            if entry[0]:
                hot.add(word)
        seen |= new
    out = {}
    for word in words & hot:
        entry = cache.get(word)
        out[word] = _candidates(lex, word) if entry is None else entry
    return out


def _entry_plan(item, context: dict, in_article: _InArticle | None) -> tuple:
    """What the hits of one lexicon entry (a candidate ``item``) need in one article: its topic,
    term, length in words and kind, and its context rules as they stand there — None when
    every rule passes whatever the hit (the words it looks for are nowhere in the article,
    :class:`_InArticle`), False when one fails whatever the hit (its required words are
    nowhere), else the rules to check per hit, as ``(unless or None, require or None,
    window, paragraph scope)`` with their words narrowed to the article
    (:meth:`_InArticle.narrowed`; None for ``unless`` words absent from it).

    >>> from analysis.topics.lexicon import default_lexicon
    >>> lex = default_lexicon()  # "strike" (labour) requires "dockers", "bargaining" …
    >>> item = next(c for c in _candidates(lex, "strike")[0] if c[2] == "strike")
    >>> words = _context_words(lex)
    >>> _entry_plan(item, lex._context, words.in_article({"the", "strike", "ended"}))
    ('labour', 'strike', 1, 'term', False)
    >>> len(_entry_plan(item, lex._context, words.in_article({"dockers", "strike"}))[4])
    1
    """
    matchers, tid, term, kind = item
    rules = context.get((tid, term))
    checks = None
    for unless, require, window, paragraph in rules or ():
        if unless is not None:
            unless = in_article.narrowed(unless)
        if require is not None:
            require = in_article.narrowed(require)
            if require is None:
                checks = False
                break
        if unless is not None or require is not None:
            checks = (checks or []) + [(unless, require, window, paragraph)]
    return tid, term, len(matchers), kind, checks


def _match_runs(article: Article, lex: Lexicon, with_dropped: bool = False) -> list[tuple]:
    """(topic id, term, first token, last token) of every counted hit, in text order (a
    list); with ``with_dropped`` also candidate hits that do not count, as a fifth item giving
    the reason (None for a counted hit; ``name``, ``negation``, ``context``, ``excluded``);
    the article-level rules (corroboration, ``min_hits``) are applied by
    :func:`topic_hit_records`."""
    text = article.text
    body = article.body_tokens
    long = isinstance(body, Tokens)
    # a long article's token strings are made when read, never all held (bounded memory)
    texts = _Strings(body.text_of, len(body)) if long else list(map(_TEXT, body))
    # the lexicon entries each distinct word of the article can start; most words start none,
    # and only the positions of those that do are visited
    distinct = set(body.texts()) if long else set(texts)
    hot = _hot_entries(lex, distinct)
    if long:  # (not held: a long text's distinct words may be many)
        distinct = None
    if not hot:
        return []
    if long:
        norms = _Strings(lambda k: normalise(body.text_of(k)), len(body))
    else:  # each distinct word normalised once, and remembered across articles
        if len(_NORMS) > _NORMS_MAX:  # bounded: memory stays flat over a corpus
            _NORMS.clear()
        norms = list(map(_NORMS.__getitem__, texts))
    names = _Names(article, body) if lex.proper_names else None
    last_neg = None  # (sentence, end token index, end offset) of the last negation cue
    n = len(body)
    # joined[k]: tokens k and k + 1 may be words of one phrase (same sentence, white space
    # only between them); filled on demand
    joined: dict[int, bool] = {}
    sentence_span: dict[int, tuple[int, int]] = {}  # sentence -> its first and last token
    block_span: dict[int, tuple[int, int]] = {}  # paragraph (block) -> its first and last token
    # (id of a rule's context patterns, first token, last token) -> where they occur there
    found_in: dict[tuple[int, int, int], tuple | None] = {}
    context = lex._context
    context_words = _context_words(lex) if context else None
    in_article = None  # which context sets can occur in the article (on first use)
    plans: dict[int, tuple] = {}  # id of a lexicon entry -> _entry_plan (its items live on)

    columns: dict[str, object] = {}  # a long body's sentence and block columns, on first use

    def column(name: str):
        found = columns.get(name)
        if found is None:
            found = columns[name] = token_column(body, name)
        return found

    # a token list is searched in place, a key per step (a few dozen spans an article),
    # instead of copying its sentence and block columns
    def span_finder(attr: str, key, memo: dict):
        def span_of(k: int) -> tuple[int, int]:
            v = getattr(body[k], attr)
            found = memo.get(v)
            if found is None:  # body tokens come in sentence and block order: two bisections
                if long:
                    col = column(attr)
                    found = (bisect_left(col, v), bisect_right(col, v) - 1)
                else:
                    found = (bisect_left(body, v, key=key), bisect_right(body, v, key=key) - 1)
                memo[v] = found
            return found
        return span_of

    span_of = span_finder("sentence", _SENTENCE, sentence_span)
    block_span_of = span_finder("block", _BLOCK, block_span)

    runs: list[tuple] = []
    append = runs.append
    i = 0  # the first token not yet consumed by a match
    for p in list(compress(count(), map(hot.__contains__, body.texts() if long else texts))):
        if p < i:
            continue
        i = p
        cands, seconds = hot[texts[i]]
        if seconds is not None and (i + 1 == n or norms[i + 1] not in seconds):
            continue  # this word only starts phrases, and the next word fits none of them
        best = None
        # every candidate's first word matches this token (that is how it was found);
        # candidates come longest first, then by priority: the first full match wins
        for item in cands:
            matchers = item[0]
            k = len(matchers)
            if k == 1:
                best = item
                break
            if i + k > n:
                continue
            for d in range(1, k):
                m, nd = matchers[d], norms[i + d]
                if not (nd == m if m.__class__ is str else _matches(m, texts[i + d], nd)):
                    break
                g = joined.get(i + d - 1)
                if g is None:
                    a, b = body[i + d - 1], body[i + d]
                    g = joined[i + d - 1] = (a.sentence == b.sentence and
                                             not text[a.end:b.start].strip())
                if not g:
                    break
            else:
                best = item
                break
        if best is None:
            i = p + 1
            continue
        plan = plans.get(id(best))
        if plan is None:  # what the entry's hits in this article need (once per entry)
            if in_article is None and (best[1], best[2]) in context:
                in_article = context_words.in_article(
                    set(map(normalise, distinct if not long else body.texts())))
            plan = plans[id(best)] = _entry_plan(best, context, in_article)
        tid, term, k, kind, checks = plan
        j = i + k - 1
        reason = None
        if kind == "negation":
            last_neg = (body[i][5], j, body[j][3])
            i += k
            continue
        if kind == "exclude":
            reason = "excluded"
        elif kind == "term" and names is not None and \
                (texts[i][:1].isupper() or (j != i and texts[j][:1].isupper())) and \
                names.inside_name(i, j):
            reason = "name"
        if reason is None and last_neg is not None and last_neg[0] == body[i][5] and \
                i - last_neg[1] - 1 <= lex.negation_window and \
                not _PUNCT.search(text, last_neg[2], body[i][2]):
            reason = "negation"
        if reason is None and checks is not None:
            if checks is False:  # a rule's required words are nowhere in the article
                reason = "context"
            else:
                for unless, require, window, paragraph in checks:
                    if not _rule_ok(found_in, unless, require, window, body, norms, i, j,
                                    block_span_of(i) if paragraph else span_of(i)):
                        reason = "context"
                        break
        if reason is None:
            append((tid, term, i, j, None) if with_dropped else (tid, term, i, j))
        elif with_dropped:
            append((tid, term, i, j, reason))
        i += k
    return runs
