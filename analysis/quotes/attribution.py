"""Attribution: the rules that give each quote its cue and speaker, in order (transcript
labels, a cue after the quote (:mod:`~analysis.quotes.after`), a cue before it
(:mod:`~analysis.quotes.before`), continuation, the previous sentence), and reported speech
without marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

from analysis.quotes.after import _after_cue, _byline, _trailing_cue, _unlisted_verb_after
from analysis.quotes.before import (
    _CLAUSE_OPENERS,
    _according_source,
    _acting_subject,
    _before_cue,
    _opens_according,
    _sentence_cue,
)
from analysis.quotes.content import _content_span
from analysis.quotes.cues import (
    _INDIRECT_CUES,
    _INDIRECT_RE,
    _WORD,
    FINITE_BE,
    _cue_in_words,
    _words,
)
from analysis.quotes.index import _Index
from analysis.quotes.kinds import (
    SCARE_MAX_WORDS,
    SPEECH_KINDS,
    _can_speak,
    _is_title,
    _title_cue_before,
)
from analysis.quotes.marks import QuoteSpan, _first_nonspace, find_quote_spans
from analysis.quotes.resolve import _ordinary_word, _Resolver, _Speaker
from analysis.quotes.subjects import (
    _ISSUING,
    _clause_subject,
    _Subject,
    _subject_before,
)
from analysis.speakers import (
    NOT_NAME,
    ORG_ACRONYMS,
    capitalised,
    find_entities,
    first_names,
    trie_pattern,
)
from analysis.text import WORD_PATTERN, Article

#: "according" in any case: a sentence without it needs no word-by-word look for it.
_ACCORDING = re.compile("according", re.I)
#: A cue word of reported speech after a non-word character: :data:`~analysis.quotes.cues.
#: _INDIRECT_RE` (``\b`` + the cue + ``\b``) with its first boundary written as the character
#: before the word, so that the pattern starts with a character class and ``re`` skips to the
#: next blank or punctuation mark in C instead of trying it at every offset. A sentence from
#: ``start`` has a cue word iff this pattern is found from ``start - 1`` (:func:`_has_cue_word`;
#: test).
_CUE_AFTER_NONWORD = re.compile(r"\W(?:" + trie_pattern(sorted(_INDIRECT_CUES)) + r")\b")


def _has_cue_word(text: str, start: int, end: int) -> bool:
    """``_INDIRECT_RE.search(text, start, end) is not None``, about a quarter faster.

    >>> [_has_cue_word("Moe said so. Yes.", a, b) for a, b in ((0, 12), (4, 12), (5, 12))]
    [True, True, False]
    """
    if start == 0:
        return _INDIRECT_RE.match(text, 0, end) is not None or \
            _CUE_AFTER_NONWORD.search(text, 0, end) is not None
    return _CUE_AFTER_NONWORD.search(text, start - 1, end) is not None


#: A word of a name line ("Ann O'Neil-Moe Jr."), compiled once.
_NAME_LINE_WORD = re.compile(r"[\w’'.-]+")


@dataclass
class Quote:
    quote_id: int
    part: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    affiliation: str | None
    cue: str | None
    cue_start: int | None
    position: str | None  # after, before, colon, sentence, subject, continuation,
    # previous-sentence, label, indirect
    mention: str | None  # the words that name the speaker next to the cue
    block: int
    unbalanced: bool = False
    continues: bool = False
    flags: list[str] = field(default_factory=list)
    #: The attributed content the quote belongs to, as offsets: the quote's own words, except
    #: for a partial quote inside reported speech ("Moe said the plan was “a mess” and would
    #: fail"), whose content is the reported clause (see :mod:`analysis.quotes.content`).
    content_start: int | None = None
    content_end: int | None = None

    def __post_init__(self):
        if self.content_start is None:
            self.content_start, self.content_end = self.start, self.end


#: Quote marks as word tokens (a doubled apostrophe's second half lies outside the span).
_MARK_TOKENS = {"'", '"', "“", "”", "‘", "’", "«", "»", "„", "`"}


_LABEL = re.compile(r"((?:MR|MS|MRS|DR|SEN|GOV|REP)\.?\s+[A-Z][A-Z’'-]+|"
                    r"[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'.-]+){0,2}|Q|A)\s*:(?=\s)")


def _transcript_label(content: str, prefix: str, s: QuoteSpan, block, index: _Index,
                      text: str) -> str | None:
    """The speaker label of a transcript turn or a factbox: “PENCE: Well, …”, ``MR. OTIENO:
    “…”``, or a person's name alone on the line before a paragraph that is a quote.

    >>> _transcript_label("KAINE: We will.", "", None, None, None, "")
    'KAINE'
    """
    m = _LABEL.match(content)
    if m is None and prefix.endswith(":"):
        m = _LABEL.match(prefix + " ")
        m = m if m is not None and m.end() == len(prefix) else None
    if m is not None:
        words = m.group(1).replace(".", "").split()
        if words[-1] in ("Q", "A"):
            return ""  # an interviewer's question or an unnamed answer: a label, no speaker
        return None if all(w in ORG_ACRONYMS for w in words) else m.group(1)
    if prefix or s is None or s.part > 0 or s.open_mark != _first_nonspace(text, block.start,
                                                                          block.end):
        return None
    k = bisect_right(index.block_starts, block.start) - 2  # the block before
    if k < 0:
        return None
    prev = index.blocks[k]
    line = text[prev.start:prev.end].strip().rstrip(":")
    words = line.split(maxsplit=4)  # (five pieces or more: not a name line; no full split)
    if not 2 <= len(words) <= 4 or not all(
            capitalised(w) and _NAME_LINE_WORD.fullmatch(w) for w in words):
        return None
    if words[0].capitalize() not in first_names():
        return None
    if any(w in NOT_NAME for w in words[1:]) or (
            len(words) >= 3 and _ordinary_word(words[-1].lower())) or (
            s.close_mark is not None and _has_cue_word(text, s.close_mark + 1, block.end)):
        # a subheading, not a name ("Ray Of Light", "Crystal Clear Waters"); a cue after the
        # quote names its speaker itself ("… “We will rebuild,” said Tom Reed.")
        return None
    return line


def extract_quotes(article: Article, include_indirect: bool = True,
                   spans: list[QuoteSpan] | None = None) -> list[Quote]:
    """All quotes of an article, attributed (see the module docstring for the rules).

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> from analysis.text import load_article
    >>> qs = [q for q in extract_quotes(load_article(SAMPLE_ARTICLE)) if q.kind == "direct"]
    >>> len(qs), qs[1].speaker, qs[1].position
    (9, 'Antony J. Blinken', 'before')
    """
    text = article.text
    if spans is None:
        spans, _ = find_quote_spans(article)
    registry = find_entities(article, [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans])
    resolver = _Resolver(article, registry)
    index = _Index(article, spans)
    # reported speech first: it introduces speakers ("The forum … said") that later pronouns
    # ("it said") refer to
    indirect = _indirect(article, index, resolver)
    quotes: list[Quote] = []
    by_id: dict[int, Quote] = {}
    last_speech: dict[int, Quote] = {}  # the latest speech quote of each block
    openers: dict[int, _Subject | None] = {}  # person opening each sentence read (step 3, 4)

    def opening(sent) -> _Subject | None:
        if sent.start not in openers:
            openers[sent.start] = _person_opening(text, sent.start, sent.end, resolver)
        return openers[sent.start]
    block_spans: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        block_spans.setdefault(s.block, []).append(s)
    blocks = {b.index: b for b in article.blocks}
    position_in_block = {id(s): k for sib in block_spans.values() for k, s in enumerate(sib)}
    heading_blocks: set[int] = set()
    last_after = None
    for s in spans:
        block = blocks[s.block]
        siblings = block_spans[s.block]
        idx = position_in_block[id(s)]
        prev_span = siblings[idx - 1] if idx > 0 else None
        next_span = siblings[idx + 1] if idx + 1 < len(siblings) else None
        content = text[s.start:s.end]
        # (compared with SCARE_MAX_WORDS and 10 only: counted up to 11, a long quote's
        # words are not all read)
        n_words = len(list(islice(WORD_PATTERN.finditer(content), 11)))
        if _quoted_heading(s, block, content, n_words, text):
            # a quoted subheading (“A Turning Point” alone on its line): no speech, and it
            # takes no attribution from the cue before it; the quote after it does
            q = Quote(s.quote_id, s.part, s.start, s.end, content, "scare", None, None, None,
                      None, None, None, None, None, s.block, flags=["heading"])
            quotes.append(q)
            heading_blocks.add(s.block)
            continue
        # the clause before a quote starts after the previous quote of its paragraph (after
        # the opening mark of one never closed): each stretch of text is read once
        floor = block.start if prev_span is None else (
            prev_span.close_mark + 1 if prev_span.close_mark is not None
            else prev_span.open_mark + 1)
        sent_start = index.sentence_start(s.open_mark, floor)
        prefix = text[sent_start:s.open_mark]
        prefix_stripped = prefix.strip()
        opens_clause = prefix_stripped == "" or prefix_stripped.endswith((",", ":", "—", "–"))
        after_end = next_span.open_mark if next_span else block.end
        after_start = (s.close_mark + 1) if s.close_mark is not None else s.end
        speaker = None
        cue = cue_start = position = mention = None
        deferred = unlisted = None
        known = last_after  # the words after the previous quote, if read
        last_after = None

        # 0. a transcript label: “PENCE: Well, …” / MR. OTIENO: “…” / a name on its own line
        label = _transcript_label(content, prefix_stripped, s, block, index, text)
        if label is not None:
            speaker = resolver.label(label, s.start) if label else None
            position, mention = "label", label or None
        # 1. a cue right after the quote
        if position is None and s.close_mark is not None:
            first_word = _WORD.search(text, after_start, after_end)  # (the first of the words)
            ends_open = content.rstrip().rstrip("’'")[-1:] in (",", "?", "!", "—", "–", "…",
                                                               "-") if \
                content.strip() else False
            lead = first_word[0] if first_word else ""
            dashed = lead in ("-", "—", "–", "--") and prefix_stripped.endswith(("-", "—", "–"))
            # (a quote set off by dashes, "X lamented her gaffes - “…?” - Democrats …, said",
            # is an insertion: the words after it belong to the sentence around it)
            if first_word and not dashed and (ends_open or lead == "," or lead[:1].islower()):
                # (the words after the quote are read only when they can hold its cue)
                after_words = _words(text, after_start, after_end)
                last_after = (after_start, after_end, after_words)
                aw = after_words[1:] if lead == "," else after_words
                found = _after_cue(aw)
                if found and s.part == 0 and lead[:1].isupper() and \
                        content.rstrip().rstrip("’'")[-1:] in ("?", "!") and \
                        prefix_stripped.endswith((",", ":")) and \
                        _before_cue(_words(text, sent_start, s.open_mark), True):
                    # "Moe responded: “Why now?” Her critics cited it …": a question or
                    # exclamation introduced by its cue ends the sentence; what follows is
                    # the next one
                    found = None
                if found and found[0] is None and (aw[found[1][0]][0].endswith("ing") or
                                                   not opens_clause):
                    # "“…,” adding that …": a participle with no subject of its own; the
                    # clause before the quote names the speaker ("Moe said of it, “…,” adding");
                    # so does a partial quote's ("Moe said the bill “…” suggests that …")
                    deferred = found
                    found = None
                if found is None and deferred is None and (
                        lead == "," or content.rstrip().rstrip("’'")[-1:] == ","):
                    # "“…,” Ann Moe bristled.": a verb no cue list holds, after a name; taken
                    # when no cue before the quote names another speaker (step 1c below). Only
                    # after a comma: after "?" or "!" a new sentence may start ("“Why did the
                    # cables snap?” Investigators examined the wreck.")
                    unlisted = _unlisted_verb_after(aw)
                if found:
                    subj, (c0, c1) = found
                    if subj is not None and next_span is not None and aw and \
                            subj.end == aw[-1][2] and aw[-1][0] in _TITLE_OPENERS:
                        subj = _title_completes(subj, next_span, text)
                    speaker = resolver.resolve(subj) if subj else None
                    cue = " ".join(x[0] for x in aw[c0:c1 + 1])
                    cue_start, position = aw[c0][1], "after"
                    mention = subj.text if subj else None
        # 1b. a byline after the quote: "“…” ― Amina Noor" / a line "- Amina Noor." below it
        if position is None and s.close_mark is not None:
            byline = _byline(text, after_start, block, index, after_end)
            if byline is not None and _cue_names_speaker(s, by_id, text, sent_start, known,
                                                         opens_clause, registry, resolver,
                                                         index, byline[0]):
                # "Moe told them, “A.” / “B.” / — Tom Reed, …": the cue before the quote (or
                # before its first part) already names who spoke; the dashed line is another
                # text's signature
                byline = None
            if byline is not None:
                subj = _Subject(*byline)
                speaker, position, mention = resolver.resolve(subj), "after", subj.text
        # 2. a cue before it in the same sentence
        if position is None and s.part == 0:
            pw = _words_to(text, sent_start, s.open_mark, known)
            found = _before_cue(pw, opens_clause)
            if (found is None or found[0].start >= sent_start) and quotes and \
                    quotes[-1].block == s.block and (quotes[-1].kind == "scare" or
                                                     quotes[-1].speaker is None) and \
                    len(pw) <= 6 and \
                    next(_cue_in_words(pw), None) is not None:
                # "As Dan Lapp, author of “The Rules,” put it, “…”", "Moe needled the
                # “expert,” saying, “…”", "Reed, star of “Lake Nights,” told reporters, “…”":
                # a title or a scare quote earlier in the sentence; the cue after it takes its
                # subject from before it (the sentence read again only when the words since
                # that quote are few: linear)
                head = index.sentence_start(s.open_mark, block.start)
                if sent_start - 600 < head < sent_start:
                    ws = []
                    for w in _words(text, head, s.open_mark):
                        if index.in_marks(w[1]) or w[0] in _MARK_TOKENS:
                            if w[0] == ",":  # ("author of “The Rules,” put it": the
                                ws.append(w)  # comma inside the marks ends the appositive)
                            continue
                        ws.append(w)
                    again = _before_cue(ws, opens_clause)
                    if again and again[1] is not None and ws[again[1][0]][1] >= sent_start \
                            and again[0].start < sent_start and _names_someone(
                                again[0].text, registry):
                        found = again
                        pw = ws
            if found:
                subj, cue_pos, pos_kind = found
                speaker = resolver.resolve(subj)
                cue = " ".join(x[0] for x in pw[cue_pos[0]:cue_pos[1] + 1]) if cue_pos else None
                cue_start = pw[cue_pos[0]][1] if cue_pos else None
                position, mention = pos_kind, subj.text
        if position is None and (s.close_mark is not None or s.end >= block.end):
            # 2b'. no cue before the quote either: a line below it that is only a person's
            # name and affiliation ("Amina Noor, Lakeside Policy Institute."), or a byline
            # below a quote whose closing mark is missing at its paragraph's end
            byline = _byline(text, after_start, block, index, after_end, name_line=True)
            if byline is not None and (s.part > 0 or not opens_clause) and _cue_names_speaker(
                    s, by_id, text, sent_start, known, opens_clause, registry, resolver, index,
                    byline[0]):
                # (a later part: its first part's cue named the speaker; a partial quote: a
                # cue earlier in its sentence did)
                byline = None
            if byline is not None:
                subj = _Subject(*byline)
                speaker, position, mention = resolver.resolve(subj), "after", subj.text
        if position is None and unlisted is not None:
            # 1c. "Asked by Moe: “Will you run?” Lapp laughed.": the cue before the quote
            # came first; else the name reacting right after the open quote said it
            subj, (c0, c1) = unlisted
            speaker = resolver.resolve(subj)
            cue, cue_start, position, mention = aw[c0][0], aw[c0][1], "after", subj.text
        if position is None and deferred is not None:
            c0, c1 = deferred[1]
            cue, cue_start, position = " ".join(x[0] for x in aw[c0:c1 + 1]), aw[c0][1], "after"
        # 2a. the sentence goes on after the quote and ends with its cue: "“A” if she
        # lost, said Dan Moe." / "“…” for the party, Moe said." / "“It is over.” Moe said."
        if position is None and s.close_mark is not None and opens_clause:
            found = _trailing_cue(text, after_start, after_end, index)
            if found:
                subj, cue, cue_start = found
                speaker = resolver.resolve(subj)
                position, mention = "after", subj.text
        if position is None and not opens_clause and s.part == 0:
            sent = index.sentence_of(s.open_mark)
            if sent is not None:
                found = _sentence_cue(text, sent.start, sent.end, index, registry)
                if found and _can_speak(found[0]):  # not "the numbers tell a story"
                    subj, cue_text, c_start = found
                    speaker = resolver.resolve(subj)
                    cue, cue_start, position, mention = cue_text, c_start, "sentence", subj.text
            if position is None and s.close_mark is not None and n_words > SCARE_MAX_WORDS:
                # "Voters want “a deal that is fair to all” on water, said Ann Moe, who …": an
                # inverted cue closing the sentence the quote sits in (a short phrase there
                # stays a scare quote: on PolNeAR train+dev such phrases are mostly inside a
                # longer paraphrase, which the 30 % rule cannot credit to them)
                found = _trailing_cue(text, after_start, after_end, index)
                if found:
                    subj, cue, cue_start = found
                    speaker = resolver.resolve(subj)
                    position, mention = "after", subj.text
        # 2b. a long quote inside narration with no speech cue: the clause's subject, when a
        # name opens the clause and a verb follows it ("Moe thanked him for “…”", "Moe
        # worried that the plan was “…”"): who acts on the quoted words is who said them
        if position is None and not opens_clause and s.part == 0 and \
                n_words > SCARE_MAX_WORDS:
            subj = _acting_subject(text, sent_start, s.open_mark, index)
            if subj is None and quotes and quotes[-1].block == s.block and (
                    quotes[-1].kind == "scare" or quotes[-1].speaker is None) and \
                    not any(w[0].lower() in _CLAUSE_OPENERS or w[0].lower() == "that"
                            for w in pw):  # (step 2's words: it ran, and found nothing)
                # "Lee, star of “Lake Nights,” thanked the crew for “…”": a title or a scare
                # quote in the clause; its subject is before it, unless another clause opens
                # after that quote ("…, while Moe leads among “…”") (read again at most 600
                # characters back: linear)
                head = index.sentence_start(s.open_mark, block.start)
                if sent_start - 600 < head < sent_start:
                    subj = _acting_subject(text, head, s.open_mark, index)
            if subj is not None:
                speaker = resolver.resolve(subj)
                if speaker.name:
                    position, mention = "subject", subj.text
                else:
                    speaker = None
        # 3. continuation
        if position is None:
            prior = by_id.get(s.quote_id) if s.part > 0 else None
            if prior is None and prev_span is not None and opens_clause:
                prior = last_speech.get(s.block)
                prev = index.prev_sentence(s.open_mark) if prior is not None else None
                opener = opening(prev) if (
                    prev is not None and prev.start >= prior.end and
                    not index.overlaps_marks(prev.start, prev.end - 1)) else None
                if opener is not None and opener.text.lower() not in ("he", "she") and \
                        _sentence_cue(text, prev.start, prev.end, index) is None:
                    # "Tom Reed smiled. “We won.” Ann Moe frowned. “We lost.”": a sentence
                    # that opens with another named person comes between (step 4 reads it)
                    prior = None
            if prior is not None and prior.kind in SPEECH_KINDS:
                speaker = _Speaker.of_quote(prior)
                position = "continuation"
        # 4. a cue in the previous sentence
        if position is None and opens_clause and prefix_stripped == "":
            prev = index.prev_sentence(s.open_mark)
            while prev is not None and index.block_of(prev.start) in heading_blocks:
                prev = index.prev_sentence(prev.start)  # over a quoted subheading
            if prev is not None:
                found = _sentence_cue(text, prev.start, prev.end, index)
                if found is None and text[prev.start:prev.end].rstrip().endswith(":"):
                    # "Trump issued the following statement:" — a colon introduces the quote
                    pw_prev = [w for w in _words(text, prev.start, prev.end)
                               if not index.in_marks(w[1])]
                    subj = _clause_subject(pw_prev[:-1]) if len(pw_prev) > 1 else None
                    nxt = next((k for k, w in enumerate(pw_prev) if w[1] >= subj.end), None) \
                        if subj is not None else None
                    if subj is not None and (subj.start == pw_prev[0][1] or
                                             subj.text.lower() in ("he", "she", "they") or (
                            nxt is not None and nxt + 2 < len(pw_prev) and
                            pw_prev[nxt][0] in _ISSUING | {"made", "gave"} and
                            pw_prev[nxt + 1][0] == "the" and
                            pw_prev[nxt + 2][0] == "following")):
                        # (or "On Monday, Moe issued the following statement:")
                        found = subj, None, None
                if found and n_words <= SCARE_MAX_WORDS and found[1] is not None and \
                        index.overlaps_marks(prev.start, prev.end - 1):
                    found = None  # the cue had its own quote; a short one after it is a title
                if found is None and index.block_of(prev.start) == s.block and \
                        content.rstrip("’'\" ")[-1:] in (".", "!", "?") and \
                        not index.overlaps_marks(prev.start, prev.end - 1):
                    # "Tom Reed was unmoved. “The numbers speak for themselves.”": a sentence
                    # of the same paragraph that opens with a person (or he, she), then the
                    # quote with no cue: that person speaks
                    subj = opening(prev)
                    if subj is not None:
                        found = subj, None, None
                if found:
                    subj, cue_text, c_start = found
                    speaker = resolver.resolve(subj)
                    cue, cue_start, position, mention = cue_text, c_start, "previous-sentence", \
                        subj.text
        # 5. a paragraph that is a quote, after a sentence whose quote has a speaker: the same
        # speaker goes on ("Moe shot back, saying he “made money.”" / "“Frankly, …”")
        if position is None and opens_clause and prefix_stripped == "" and s.part == 0 and \
                (n_words > SCARE_MAX_WORDS or _short_sentence_paragraph(
                    text, s, content, n_words, block.end)) and \
                quotes and quotes[-1].kind in SPEECH_KINDS and quotes[-1].speaker and \
                s.open_mark == _first_nonspace(text, block.start, block.end):
            prev = index.prev_sentence(s.open_mark)
            k = bisect_right(index.block_starts, block.start) - 2  # the paragraph before
            if prev is not None and prev.start <= quotes[-1].start < prev.end and k >= 0 and \
                    index.blocks[k].kind == "paragraph" and prev.start >= index.blocks[k].start:
                # (a heading between them ends the speaker's turn)
                prior = quotes[-1]
                speaker = _Speaker.of_quote(prior)
                position = "continuation"
        # 6. a long partial quote in the sentence right after one with its paragraph's last
        # speech quote, with no cue and no name before it ("“…,” Moe said. That makes her “…”"):
        # the same speaker goes on
        if position is None and not opens_clause and s.part == 0 and \
                n_words > SCARE_MAX_WORDS and quotes and quotes[-1].kind in SPEECH_KINDS and \
                quotes[-1].speaker and quotes[-1].block == s.block and \
                _no_name_before(prefix_stripped):
            prev = index.prev_sentence(s.open_mark)
            if prev is not None and prev.start <= quotes[-1].start < prev.end and \
                    next(_cue_in_words(pw), None) is None:  # (step 2's words, as in 2b)
                # (a cue of its own, "a cover saying “…”", is someone else's report)
                prior = quotes[-1]
                speaker = _Speaker.of_quote(prior)
                position = "continuation"
        before_mark = text[max(block.start, s.open_mark - 30):s.open_mark]
        if opens_clause and s.part == 0 and _title_cue_before(before_mark.rstrip(" ,:")) and \
                _is_title(content, before_mark.rstrip(" ,:")):
            kind = "scare"  # In his new book, “Doomed to Succeed,” …
        elif opens_clause:
            kind = "direct" if (position or n_words > SCARE_MAX_WORDS or s.part > 0) else "scare"
        elif _is_title(content, before_mark):
            kind = "scare"  # a title or name: In his book “The Debt Trap”, …
        else:
            kind = "partial" if (position or n_words > SCARE_MAX_WORDS) else "scare"
        if kind == "scare":
            speaker, cue, cue_start, position, mention = None, None, None, None, None
        sp = speaker or _Speaker(None, None)
        q = Quote(s.quote_id, s.part, s.start, s.end, content, kind, sp.name, sp.kind, sp.role,
                  sp.affiliation, cue, cue_start, position, mention, s.block,
                  unbalanced=s.unbalanced, continues=s.continues)
        if kind == "partial" and cue is not None and cue != "according to":
            q.content_start, q.content_end = _content_span(text, s, cue, cue_start, position,
                                                           index, after_end, sent_start)
        if s.unbalanced:
            q.flags.append("unbalanced")
        quotes.append(q)
        if kind in SPEECH_KINDS:
            last_speech[s.block] = q
        if s.part == 0:
            by_id[s.quote_id] = q
    _backfill_chains(quotes)
    if include_indirect:
        quotes.extend(indirect)
        quotes.sort(key=lambda q: q.start)
    return quotes


#: Capitalised words that may open a sentence continuing someone's quote ("That makes her
#: “…”"): pronouns, determiners and conjunctions, not names.
_CONTINUING_OPENERS = {"That", "This", "These", "Those", "It", "He", "She", "They", "His", "Her",
                       "Their", "Its", "But", "And", "So", "Yet", "The", "A", "An", "Such",
                       "Then", "Still", "Also", "In", "On", "Now"}


def _short_sentence_paragraph(text: str, s: QuoteSpan, content: str, n_words: int,
                              block_end: int) -> bool:
    """Whether a short quote (two words or more) is a whole sentence that ends its paragraph,
    in double marks and not in title case: "“We tried.”" goes on with the last speaker; one
    in single marks is a subheading's style ("‘All Bets Are Off.’"), and so is "“Tough
    Times.”".

    >>> from analysis.text import article_from_text
    >>> from analysis.quotes.marks import find_quote_spans
    >>> art = article_from_text("“We tried.”", "x")
    >>> s = find_quote_spans(art)[0][0]
    >>> _short_sentence_paragraph(art.text, s, "We tried.", 2, len(art.text))
    True
    """
    return n_words >= 2 and s.close_mark is not None and \
        content.rstrip("’'\" ")[-1:] in (".", "!", "?") and \
        any(w[:1].islower() for w in content.split()[1:]) and \
        text.startswith(("“", '"', "''", "``"), s.open_mark) and \
        not text[s.close_mark + 1:block_end].strip()


#: How many words of a sentence are read for the person who opens it (bounded).
_OPENING_REACH = 40
#: Verbs whose subject receives words rather than says them ("Tom Reed heard the chant").
_RECEIVING = frozenset({"heard", "hears", "received", "receives", "watched", "watches",
                        "listened", "listens", "saw", "sees"})
#: Passive participles after which the subject still speaks ("Tom Reed was asked about it.
#: “…”", "was left speechless", "was joined by his wife").
_SPEAKING_PASSIVES = frozenset({"asked", "questioned", "pressed", "left", "joined", "flanked",
                                "accompanied", "surrounded", "interviewed"})
_BE_FORMS = FINITE_BE | {"has", "have", "had", "been", "being"}  # (and the perfect's)
_IRREGULAR_PARTICIPLES = frozenset({"told", "shot", "hit", "held", "caught", "sent", "met",
                                    "put", "left", "sought", "brought", "struck", "beat"})
#: Participles that tell a stance, not what was done to the subject ("Tom Reed was unmoved."),
#: and words in "-en" that are no participle ("was often", "was open").
_STANCE_PARTICIPLES = frozenset({
    "unmoved", "unfazed", "undeterred", "unimpressed", "unconvinced", "frustrated", "pleased",
    "delighted", "surprised", "disappointed", "annoyed", "excited", "relieved", "worried",
    "concerned", "convinced", "determined", "measured", "reserved", "guarded", "tired",
    "heated", "animated", "outraged", "incensed", "stunned", "shocked", "thrilled",
    "unapologetic", "assured", "emboldened", "unbowed", "even", "open", "often"})


def _person_opening(text: str, start: int, end: int, resolver: _Resolver) -> _Subject | None:
    """The person who opens the sentence ``text[start:end]`` as its subject: he or she, or a
    name the article's registry knows as a person ("Tom Reed was unmoved." → Tom Reed); None
    for anything else (a group, a thing, a sentence that opens with a lead-in or a quote).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Tom Reed was unmoved. The bill passed.", "x")
    >>> r = _Resolver(art, find_entities(art, []))
    >>> _person_opening(art.text, 0, 21, r).text, _person_opening(art.text, 22, 38, r)
    ('Tom Reed', None)
    """
    words = _words(text, start, min(end, start + 400))[:_OPENING_REACH]
    if len(words) < 3:
        return None
    subj = _clause_subject(words)
    if subj is None or subj.start != words[0][1]:
        return None
    if subj.text.lower() in ("he", "she"):
        return subj
    k = next((i for i, w in enumerate(words) if w[1] >= subj.end), len(words))
    if k < len(words) and words[k][0] == ",":
        # "Ann Moe, his Democratic rival, disagreed.": past the appositive (12 words at most)
        k = next((i + 1 for i in range(k + 1, min(len(words), k + 13)) if words[i][0] == ","),
                 len(words))
    if k >= len(words) or words[k][0] in (",", "’s", "'s", "(") or \
            subj.text.endswith(("’s", "'s")) or not words[k][0][:1].islower():
        return None
    verb = words[k][0].lower()
    if verb in _RECEIVING or any(w[0] == "by" and words[i - 1][0].endswith(("ed", "en")) and
                                 words[i - 1][0] not in _SPEAKING_PASSIVES
                                 for i, w in enumerate(words[k:], k)):
        return None  # "Tom Reed heard the chant", "… was praised by Ann Moe"
    if any(w[0] == "from" and i + 1 < len(words) and words[i + 1][0][:1].isupper()
           for i, w in enumerate(words[k:], k)):
        return None  # "Tom Reed faced a question from Ann Moe. “…?”": hers, maybe
    if verb in _BE_FORMS and k + 1 < len(words):
        j = k + 1
        while j + 1 < len(words) and j - k < 4 and (
                words[j][0].lower() in ("been", "being", "not", "never", "later", "also") or
                words[j][0].lower().endswith("ly")):
            j += 1  # ("has since been", "was quickly")
        nxt = words[j][0].lower()
        if (nxt.endswith(("ed", "en")) or nxt in _IRREGULAR_PARTICIPLES) and \
                nxt not in _STANCE_PARTICIPLES and nxt not in _SPEAKING_PASSIVES:
            return None  # "Tom Reed was arrested in May.": done to him, not said by him
    ent = resolver.reg.resolve(subj.text, subj.start)  # (a look-up: no mention is added)
    return subj if ent is not None and ent.kind == "person" else None


def _no_name_before(prefix: str) -> bool:
    """Whether the words before a quote name no one: each word is in lower case but the
    first, which may be one of :data:`_CONTINUING_OPENERS` (bounded: 40 words read).

    >>> [_no_name_before(p) for p in ("That makes her", "Moe calls it", "It gives Lee")]
    [True, False, False]
    """
    ws = WORD_PATTERN.findall(prefix, 0, 400)
    if not ws or len(ws) > 40:
        return False
    return (not ws[0][:1].isupper() or ws[0] in _CONTINUING_OPENERS) and \
        not any(w[:1].isupper() for w in ws[1:])


#: Words a subject cannot end on: the quote right after them is part of it ("wrote the authors
#: of the “Lake Plan,” adding …").
_TITLE_OPENERS = {"the", "of", "by", "from"}


def _title_completes(subj: _Subject, span: QuoteSpan, text: str) -> _Subject:
    """A subject cut at the next quote's opening mark ("the authors of the") taken on to that
    quote's closing mark, when the quote is a short run of capitalised words (a title).

    >>> t = 'wrote the authors of the “Lake Plan,” adding'
    >>> span = QuoteSpan(0, 25, 26, 36, 36)
    >>> _title_completes(_Subject("the authors of the", 6, 24), span, t).text
    'the authors of the “Lake Plan”'
    """
    if span.close_mark is None or span.close_mark - span.open_mark > 60:
        return subj
    title = text[span.start:span.end].strip().rstrip(",.")
    words = title.split()
    if not words or len(words) > 6 or not all(w[:1].isupper() or w in ("of", "and", "the", "for")
                                              for w in words):
        return subj
    return _Subject(f"{subj.text} {text[span.open_mark]}{title}{text[span.close_mark]}",
                    subj.start, span.close_mark + 1, subj.appositive, subj.role, subj.origin)


def _names_someone(subject: str, registry) -> bool:
    """Whether a subject read again over a title holds a name (a capitalised word the article
    never writes in lower case: not "Former" cut from "Former mayor …") or is he/she/they.

    >>> from analysis.speakers import Registry
    >>> reg = Registry()
    >>> [_names_someone(w, reg) for w in ("Ann Moe", "she", "the mayor")]
    [True, True, False]
    """
    words = subject.split()
    if len(words) == 1 and words[0].lower() in ("he", "she", "they"):
        return True
    common = registry.common_words()
    return any(w[:1].isupper() and w.lower() not in common and w.lower() not in _ARTICLES
               for w in words)


#: Articles and demonstratives: capitalised only at a sentence's start, never a name.
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _cue_names_speaker(s, by_id, text: str, sent_start: int, known, opens_clause: bool,
                       registry, resolver, index, byline_name: str = "") -> bool:
    """Whether a cue before quote ``s`` already names its speaker: for a later part of a
    multi-paragraph quote, its first part has a speaker; for a first part, a cue before it in
    its sentence has a subject that holds a name (:func:`_names_someone`), or is he/she/they
    and ``resolver`` finds whom it stands for ("He wrote: “…”" / "- Ann Moe" with no one
    named before: the byline names him). Read only when a byline follows the quote (the
    words before it are read once more)."""
    if s.part > 0:
        prior = by_id.get(s.quote_id)
        return prior is not None and prior.kind in SPEECH_KINDS and prior.speaker is not None
    found = _before_cue(_words_to(text, sent_start, s.open_mark, known), opens_clause)
    if found is None and not opens_clause:
        # 'Reed said that he will "…" and insisted that it was "…"--Ann Moe.': the cue is
        # earlier in the sentence, before another quote (read as step 2's "sentence" cue)
        sent = index.sentence_of(s.open_mark)
        found = _sentence_cue(text, sent.start, sent.end, index, registry) \
            if sent is not None else None
        if found is not None and not _can_speak(found[0]):
            found = None
    if found is None or found[0] is None or not _names_someone(found[0].text, registry):
        return False
    if found[0].text.lower() in ("he", "she", "they"):
        # (resolved again when the cue is taken: resolving a pronoun only sets the gender
        # of the person it finds, the same both times)
        if resolver.resolve(found[0]).name is not None:
            return True
        # a pronoun that stands for no one named before gives way to the byline only when
        # the byline's given name is of its gender ("He wrote: …" / "- Tom Reed"; not "-
        # Ann Moe", nor after "They wrote:")
        pronoun = found[0].text.lower()
        first = (byline_name.split() or [""])[0]
        return pronoun == "they" or first_names().get(first) != (
            "m" if pronoun == "he" else "f")
    return True


def _words_to(text: str, start: int, end: int, known) -> list:
    """``_words(text, start, end)``, taken from ``known`` = (a, b, ``_words(text, a, b)``)
    when that list ends at ``end`` and starts at or before ``start`` with no word across
    ``start``: the words between two quotes of a paragraph are read once, for the cue after
    the first and the cue before the second. (The word pattern looks neither back nor past
    its end, so a scan from ``start`` finds the same words as the longer scan.)"""
    if known is not None:
        a, b, words = known
        if b == end and a <= start:
            i = bisect_left(words, start, key=_WORD_START)
            if i == 0 or words[i - 1][2] <= start:
                return words[i:]
    return _words(text, start, end)


_WORD_START = itemgetter(1)


def _quoted_heading(s: QuoteSpan, block, content: str, n_words: int, text: str) -> bool:
    """A quote that is the whole of its line, short and without the punctuation that ends
    speech: a quoted subheading (“A Turning Point”), not something said."""
    if s.part > 0 or s.continues or s.close_mark is None or not 1 <= n_words <= 10:
        return False
    if content.rstrip()[-1:] in (".", "!", "?", ",", ";", ":", "…", "—", "–", "-", "’", "'"):
        return False
    # (the line's start found by a scan from the block's start over blanks only, not a copy
    # of the block up to the quote: a paragraph of many short quotes stays linear)
    return _first_nonspace(text, block.start, s.open_mark) == s.open_mark and \
        not text[s.close_mark + 1:block.end].strip(" \t\xa0\n”\"'’")


def _backfill_chains(quotes: list[Quote]) -> None:
    """A multi-paragraph quote attributed only in a later part gives that speaker to all parts."""
    chains: dict[int, list[Quote]] = {}
    for q in quotes:
        chains.setdefault(q.quote_id, []).append(q)
    for parts in chains.values():
        if len(parts) < 2:
            continue
        known = next((p for p in parts if p.speaker), None)
        if known is None:
            continue
        for p in parts:
            if p.speaker is None:
                p.speaker, p.speaker_kind = known.speaker, known.speaker_kind
                p.role, p.affiliation = known.role, known.affiliation
                p.position = p.position or "continuation"
            if p.kind == "scare":
                p.kind = "direct"


def _indirect(article: Article, index: _Index, resolver: _Resolver) -> list[Quote]:
    """Reported speech without quote marks: "X noted that …", "According to X, …", "…, X said."."""
    text = article.text
    out: list[Quote] = []
    marks, mark_starts = index.marks, index.mark_starts
    for sent in article.sentences:
        s_start, s_end = sent.start, sent.end
        k = bisect_right(mark_starts, s_end - 1) - 1  # (index.overlaps_marks, inline)
        if k >= 0 and marks[k][1] >= s_start:
            continue
        # a cue word in the sentence (only sentences outside quotes are searched; a cue
        # word is a whole run of letters, and "\b" at the sentence's end reads as the
        # text's end, so a sentence ending inside a word may end in one)
        if not _has_cue_word(text, s_start, s_end) and \
                text.find("ccording to", s_start, s_end) < 0:
            continue
        words = _words(text, sent.start, sent.end)
        found = None
        # According to X, …
        for i in range(len(words) - 2 if _ACCORDING.search(text, sent.start, sent.end) else 0):
            if _opens_according(words, i):
                subj = _according_source(words, i)  # "according to X, …": the report follows
                if subj:
                    k = next((j for j in range(i + 2, len(words)) if words[j][0] == ","), None)
                    if i == 0 and k is not None and k + 1 < len(words):
                        span = (words[k + 1][1], _trim_end(text, sent.start, sent.end))
                    elif i > 0:
                        span = (sent.start, words[i - 1][2] if words[i - 1][0] != "," else
                                words[i - 2][2])
                    else:
                        span = None
                    if span:
                        found = (subj, "according to", words[i][1], span)
                break
        if found is None:
            for c0, c1 in _cue_in_words(words, from_end=False):
                if words[c0][0] not in _INDIRECT_CUES:
                    continue
                subj = _subject_before(words, c0)
                if subj is None or not _can_speak(subj):
                    continue
                nxt = words[c1 + 1][0] if c1 + 1 < len(words) else "."
                if nxt in (".", ",", ";", "!", "?") and \
                        text[sent.start:subj.start].rstrip().endswith(","):
                    # "Trade had grown, she said." — the report comes before the cue
                    span = (sent.start, text.rindex(",", sent.start, subj.start))
                else:
                    k = c1 + 1
                    if k < len(words) and words[k][0].lower() in (
                            "reporters", "journalists", "lawmakers", "him", "her", "them",
                            "parliament", "delegates"):
                        k += 1
                    if k < len(words) and words[k][0] == "that":
                        k += 1
                    if k >= len(words) or words[k][0] in (".", ",", ":", ";"):
                        continue
                    span = (words[k][1], _trim_end(text, sent.start, sent.end))
                found = (subj, " ".join(x[0] for x in words[c0:c1 + 1]), words[c0][1], span)
                break
        if found is None:
            continue
        subj, cue, cue_start, (a, b) = found
        if b <= a:
            continue
        sp = resolver.resolve(subj)
        block = index.block_of(a)
        out.append(Quote(-1, 0, a, b, text[a:b], "indirect", sp.name, sp.kind, sp.role,
                         sp.affiliation, cue, cue_start, "indirect", subj.text, block))
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".!? \n":
        end -= 1
    return end
