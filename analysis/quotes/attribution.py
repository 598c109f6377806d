"""Attribution: the rules that give each quote its cue and speaker (after, before,
continuation, previous sentence, transcript labels) and reported speech without marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from analysis.quotes.content import _content_span
from analysis.quotes.cues import (
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _INDIRECT_CUES,
    _INDIRECT_RE,
    _PARTICIPLES,
    _cue_at,
    _cue_in_words,
    _words,
)
from analysis.quotes.kinds import _TITLE_CUES, SCARE_MAX_WORDS, SPEECH_KINDS, _can_speak, _is_title
from analysis.quotes.marks import QuoteSpan, _first_nonspace, find_quote_spans
from analysis.quotes.subjects import (
    _ISSUING,
    _LEAD_INS,
    _SENTENCE_OPENERS,
    _clause_subject,
    _Resolver,
    _Speaker,
    _Subject,
    _subject_after,
    _subject_before,
)
from analysis.speakers import (
    HONORIFIC_GENDER,
    NOT_NAME,
    ORG_ACRONYMS,
    Registry,
    find_entities,
    first_names,
)
from analysis.text import WORD_PATTERN, Article


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
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-Z][\w’'.-]*", w) for w in words):
        return None
    if words[0].capitalize() not in first_names():
        return None
    return line


@dataclass
class _Sentence:
    start: int
    end: int


def _joined_sentences(article: Article) -> list:
    """The article's sentences, with a "sentence" that opens in lower case on the same line
    joined to the one before it: "Sen. Ann Moe (R-Tex.) said …" is one sentence, not two
    split after the bracketed abbreviation (a cue and its subject must stay together).

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("Sen. Ann Moe (R-Tex.) said she would vote. Then she left.", "x")
    >>> [art.text[s.start:s.end] for s in _joined_sentences(art)]
    ['Sen. Ann Moe (R-Tex.) said she would vote.', 'Then she left.']
    """
    text = article.text
    out: list = []
    for sent in article.sentences:
        first = _first_nonspace(text, sent.start, sent.end)
        if out and first < sent.end and text[first].islower() and \
                text[out[-1].end - 1:out[-1].end] == ")" and \
                "\n" not in text[out[-1].end:sent.start]:
            out[-1] = _Sentence(out[-1].start, sent.end)
        else:
            out.append(sent)
    return out


class _Index:
    """Sorted lookups that keep extraction linear on long texts."""

    def __init__(self, article: Article, spans: list[QuoteSpan]):
        self.sentences = _joined_sentences(article)
        self.sentence_starts = [s.start for s in self.sentences]
        self.blocks = article.blocks
        self.block_starts = [b.start for b in article.blocks]
        self.marks = sorted((s.open_mark, s.close_mark if s.close_mark is not None else s.end)
                            for s in spans)
        self.mark_starts = [a for a, _ in self.marks]
        self.cue_cache: dict[tuple[int, int, bool], tuple[_Subject, str, int] | None] = {}
        self.content_starts: dict[int, int] = {}  # a cue's offset → its clause's start

    def sentence_of(self, pos: int):
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos <= self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_start(self, pos: int, floor: int) -> int:
        s = self.sentence_of(pos)
        return max(s.start, floor) if s is not None else floor

    def prev_sentence(self, pos: int):
        i = bisect_left(self.sentence_starts, pos) - 1
        while i >= 0 and self.sentences[i].end > pos:
            i -= 1
        return self.sentences[i] if i >= 0 else None

    def block_of(self, pos: int) -> int:
        return self.blocks[bisect_right(self.block_starts, pos) - 1].index

    def in_marks(self, pos: int) -> bool:
        """Inside a quote, marks included."""
        i = bisect_right(self.mark_starts, pos) - 1
        return i >= 0 and pos <= self.marks[i][1]

    def overlaps_marks(self, start: int, end: int) -> bool:
        i = bisect_right(self.mark_starts, end) - 1
        return i >= 0 and self.marks[i][1] >= start


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
    block_spans: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        block_spans.setdefault(s.block, []).append(s)
    blocks = {b.index: b for b in article.blocks}
    position_in_block = {id(s): k for sib in block_spans.values() for k, s in enumerate(sib)}
    heading_blocks: set[int] = set()
    for s in spans:
        block = blocks[s.block]
        siblings = block_spans[s.block]
        idx = position_in_block[id(s)]
        prev_span = siblings[idx - 1] if idx > 0 else None
        next_span = siblings[idx + 1] if idx + 1 < len(siblings) else None
        content = text[s.start:s.end]
        n_words = len(WORD_PATTERN.findall(content))
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
        deferred = None

        # 0. a transcript label: “PENCE: Well, …” / MR. OTIENO: “…” / a name on its own line
        label = _transcript_label(content, prefix_stripped, s, block, index, text)
        if label is not None:
            speaker = resolver.label(label, s.start) if label else None
            position, mention = "label", label or None
        # 1. a cue right after the quote
        if position is None and s.close_mark is not None:
            after_words = _words(text, after_start, after_end)
            ends_open = content.rstrip().rstrip("’'")[-1:] in (",", "?", "!", "—", "–", "…",
                                                               "-") if \
                content.strip() else False
            lead = after_words[0][0] if after_words else ""
            if after_words and (ends_open or lead == "," or lead[:1].islower()):
                aw = after_words[1:] if lead == "," else after_words
                found = _after_cue(aw)
                if found and found[0] is None and (aw[found[1][0]][0].endswith("ing") or
                                                   not opens_clause):
                    # "“…,” adding that …": a participle with no subject of its own; the
                    # clause before the quote names the speaker ("Moe said of it, “…,” adding");
                    # so does a partial quote's ("Moe said the bill “…” suggests that …")
                    deferred = found
                    found = None
                if found:
                    subj, (c0, c1) = found
                    speaker = resolver.resolve(subj) if subj else None
                    cue = " ".join(x[0] for x in aw[c0:c1 + 1])
                    cue_start, position = aw[c0][1], "after"
                    mention = subj.text if subj else None
        # 1b. a byline after the quote: "“…” ― Amina Noor" / a line "- Amina Noor." below it
        if position is None and s.close_mark is not None:
            byline = _byline(text, after_start, block, index, after_end)
            if byline is not None:
                subj = _Subject(*byline)
                speaker, position, mention = resolver.resolve(subj), "after", subj.text
        # 2. a cue before it in the same sentence
        if position is None and s.part == 0:
            pw = _words(text, sent_start, s.open_mark)
            found = _before_cue(pw, opens_clause)
            if found:
                subj, cue_pos, pos_kind = found
                speaker = resolver.resolve(subj)
                cue = " ".join(x[0] for x in pw[cue_pos[0]:cue_pos[1] + 1]) if cue_pos else None
                cue_start = pw[cue_pos[0]][1] if cue_pos else None
                position, mention = pos_kind, subj.text
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
            if prior is not None and prior.kind in SPEECH_KINDS:
                speaker = _Speaker(prior.speaker, prior.speaker_kind, prior.role,
                                   prior.affiliation)
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
                if found:
                    subj, cue_text, c_start = found
                    speaker = resolver.resolve(subj)
                    cue, cue_start, position, mention = cue_text, c_start, "previous-sentence", \
                        subj.text
        # 5. a paragraph that is a quote, after a sentence whose quote has a speaker: the same
        # speaker goes on ("Moe shot back, saying he “made money.”" / "“Frankly, …”")
        if position is None and opens_clause and prefix_stripped == "" and s.part == 0 and \
                n_words > SCARE_MAX_WORDS and quotes and quotes[-1].kind in SPEECH_KINDS and \
                quotes[-1].speaker and \
                s.open_mark == _first_nonspace(text, block.start, block.end):
            prev = index.prev_sentence(s.open_mark)
            k = bisect_right(index.block_starts, block.start) - 2  # the paragraph before
            if prev is not None and prev.start <= quotes[-1].start < prev.end and k >= 0 and \
                    index.blocks[k].kind == "paragraph" and prev.start >= index.blocks[k].start:
                # (a heading between them ends the speaker's turn)
                prior = quotes[-1]
                speaker = _Speaker(prior.speaker, prior.speaker_kind, prior.role,
                                   prior.affiliation)
                position = "continuation"
        before_mark = text[max(block.start, s.open_mark - 30):s.open_mark]
        if opens_clause and s.part == 0 and _TITLE_CUES.search(before_mark.rstrip(" ,:")) and \
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


#: Words after a clause's subject that show it is not the one acting ("Moe’s plan", "Moe and
#: Ruto", "Moe, who …" is kept: the appositive is skipped by the subject finder).
_NOT_ACTING = {"and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "is", "was",
               "are", "were", "be", "been", "has", "had", "have", "as", "than", "’s", "'s"}


def _acting_subject(text: str, start: int, open_mark: int, index: _Index) -> _Subject | None:
    """The name that opens the clause before a quote, followed by a verb: "Moe thanked the
    nurses for “…”" → Moe; None for a pronoun, a phrase, a name not followed by a verb
    ("Moe’s plan …", "Moe and Ruto …", "Moe is …"), or a quote in its clause's subject.

    >>> from analysis.text import article_from_text
    >>> t = "Dan Moe thanked the nurses for “working nights and weekends without a word of thanks.”"
    >>> art = article_from_text(t, "x")
    >>> _acting_subject(art.text, 0, t.index("“"), _Index(art, [])).text
    'Dan Moe'
    """
    words = [w for w in _words(text, start, open_mark) if not index.in_marks(w[1])]
    if len(words) < 3:
        return None
    subj = _clause_subject(words)
    if subj is None or subj.text.lower() in ("he", "she", "they") or \
            not subj.text[:1].isupper() or subj.text in _SENTENCE_OPENERS:
        return None
    k = next((i for i, w in enumerate(words) if w[1] >= subj.end), None)
    if k is None:
        return None
    if any(w.lower() in _CLAUSE_OPENERS or (
            w.lower() == "as" and i + 1 < len(words) and (
                not re.fullmatch(r"[a-z]+", words[i + 1][0]) or
                words[i + 1][0] in _DETERMINERS))
           for i, (w, ws, _) in enumerate(words) if ws < subj.start):
        # "While Moe spoke, the party was …" / "As Moe spoke, …" (not "as part of …"): the
        # name is in another clause
        return None
    if words[k][0] == ",":  # "Moe, a former mayor, thanked …": past the appositive
        k = next((i for i in range(k + 1, min(len(words), k + 16)) if words[i][0] == ","),
                 None)
        if k is None or k + 1 >= len(words):
            return None
        k += 1
    verb = words[k][0]
    aux = None  # "has", "would", "is" …: what the verb after it may be
    while verb.lower() in _ADVERBS or verb in _AUXILIARIES:
        if verb in _AUXILIARIES:
            aux = _AUXILIARIES[verb]
        k += 1
        if k >= len(words):
            return None
        verb = words[k][0]
    if aux == "be":  # "Moe is pledging to …" (never "Moe was asked": not Moe's words)
        ok = re.fullmatch(r"[a-z]+ing", verb) is not None
    elif aux == "modal":  # "Moe would not comment on …" / "Moe has long argued …"
        ok = re.fullmatch(r"[a-z]+", verb) is not None and verb not in _DETERMINERS
    else:  # "Moe thanked …", "Moe argues …", "Moe thought …"
        ok = verb in _IRREGULAR_PAST or (re.fullmatch(r"[a-z]+(?:ed|s)", verb) is not None
                                         and not verb.endswith(("ss", "us", "is")))
    if not ok or verb in _NOT_ACTING:
        return None
    return subj


_ADVERBS = {"also", "then", "later", "further", "even", "again", "not", "never", "repeatedly",
            "once", "recently", "previously", "quickly", "meanwhile", "long", "often", "still",
            "already", "only", "just", "first", "since", "now", "frequently", "initially"}
_AUXILIARIES = {**dict.fromkeys(("has", "had", "have", "would", "will", "could", "did", "does",
                                 "do", "should", "may", "might", "can"), "modal"),
                **dict.fromkeys(("is", "was", "are", "were", "been"), "be")}
#: Past forms without "-ed" of verbs that act on words ("Moe thought …", "Moe made the point").
_IRREGULAR_PAST = {"thought", "made", "found", "took", "gave", "wrote", "went", "saw", "sang",
                   "put", "spoke", "laid", "told", "said", "brought", "drew", "set", "held",
                   "led", "sent", "struck", "threw", "won", "hit", "taught", "sought",
                   "swore", "shot", "read", "felt", "began", "kept", "left", "meant"}


def _after_cue(aw) -> tuple[_Subject, tuple[int, int]] | None:
    if not aw:
        return None
    # inverted: "said Ortiz, a former minister" / "according to a joint statement"
    if len(aw) > 2 and aw[0][0].lower() == "according" and aw[1][0] == "to":
        subj = _subject_after(aw, 1)
        if subj:
            subj.appositive = None
        return subj, (0, 1)
    cue = _cue_at(aw, 0)
    if cue:
        if aw[0][0].endswith("ing"):
            return None, cue  # "“…,” noting flagging sales": what follows is no subject
        return _subject_after(aw, cue[1]), cue  # the subject may be None: a cue, no speaker
    if aw[0][0].lower() in _SUBORDINATORS:
        return None  # "“…” when asked", "“…” after X said", "“…” and X says": another clause
    # "Ruto said" / "he emphasized" / "the ministry said" / "Ortiz, a former minister, said"
    limit = min(len(aw), 14)
    if aw[0][0][:1].isupper() or aw[0][0].lower() in _DETERMINERS:
        # "…,” Trent Lott, who was majority leader under George W. Bush, said": a name and
        # a long appositive before the cue
        if any(w == "," for w, _, _ in aw[1:8]):
            limit = min(len(aw), 34)
    paren_end = -1
    for i in range(1, min(len(aw), 22)):
        if i <= paren_end:
            continue  # inside "(D-N.Y.)"
        if aw[i][0] == "(":
            paren_end = next((k for k in range(i + 1, min(len(aw), i + 9)) if aw[k][0] == ")"),
                             -1)
            limit += max(0, paren_end - i + 1)
            continue
        if i >= limit or aw[i][0] in ("“", "”", '"', "?", "!", ";") or (
                aw[i][0] == "." and not (i + 1 < len(aw) and aw[i + 1][0] == ",")):
            break  # "Allentown, Pa., said": an abbreviation's full stop is no sentence end
        cue = _cue_at(aw, i)
        if cue:
            subj = _subject_before(aw, i)
            if subj and (subj.start if subj.origin is None else subj.origin) == aw[0][1]:
                return subj, cue
            if subj and subj.text[:1].isupper() and all(
                    re.match(r"^[\w’'\-.]+$", w) for w, _, _ in aw[:i]):
                # "…,” Ethiopian government spokesman Legesse Tulu said": a role before the name
                role = " ".join(w for w, ws, _ in aw if ws < subj.start)
                subj.role = None if role.rstrip(".") in ("Mr", "Mrs", "Ms", "Miss") else role
                return subj, cue
            before = [w for w, ws, _ in aw if ws < subj.start] if subj else []
            if subj and subj.text[:1].isupper() and 1 <= len(before) <= 4 and \
                    before[0][:1].islower() and all(re.match(r"^[\w’'\-]+$", w) for w in before):
                # "…,” the economist Jared Bernstein, a former adviser …, said"
                subj.role = " ".join(before[1:] if before[0] in _DETERMINERS else before)
                return subj, cue
            if subj and subj.text[:1].isupper() and len(before) >= 2 and before[-1] == "," \
                    and "," not in before[:-1] and before[0][:1].islower() and \
                    all(re.match(r"^[\w’'\-]+$", w) for w in before[:-1]):
                # "…,” another friend, Mariam Emara told reporters": a role, then the name
                subj.role = " ".join(before[:-1])
                return subj, cue
            if subj is None and i == 1 and aw[0][0].isalpha() and aw[0][0].lower() not in (
                    "and", "but", "or", "as", "then", "so", "while", "before", "after") and \
                    not aw[0][0].endswith(("ing", "ly")):  # not "“…,” giving states …"
                return None, cue  # "“…,” someone said": a cue, but no speaker we can name
            return None
    return None


#: A byline's name: up to five capitalised words, the last with a lower-case letter. The
#: letters before that lower-case letter exclude it ("(?![a-z])"), so a long word is split
#: one way only and a failed match costs linear time, not quadratic.
_BYLINE = re.compile(r"[ \t\xa0]*[―—–-]{1,2}[ \t\xa0]*((?:[A-Z][\w’'.-]*[ \t\xa0]+){0,4}"
                     r"[A-Z](?:(?![a-z])[\w’'-])*[a-z][\w’'-]*)\.?(?:,[^\n]{0,80})?"
                     r"[ \t\xa0]*$")


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


def _byline(text: str, start: int, block, index: _Index,
            limit: int | None = None) -> tuple[str, int, int] | None:
    """The name of a byline that follows a quote: on the rest of its line ("“…” ― Amina
    Noor") or as the whole next line ("- Amina Noor.").

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“We will win.”\\n\\n- Amina Noor.\\n\\nShe left.", "x")
    >>> _byline(art.text, 14, art.blocks[0], _Index(art, []))
    ('Amina Noor', 18, 28)
    """
    stop = block.end if limit is None else min(limit, block.end)
    line_end = text.find("\n", start, stop)  # (not past the next quote: linear)
    if line_end < 0:
        if stop < block.end:
            return None  # another quote on the same line
        line_end = block.end
    m = _BYLINE.match(text, start, line_end)
    if m is None and (limit is None or limit >= block.end) and \
            _first_nonspace(text, start, block.end) == block.end:
        # (a quote later in the block means the rest is not blank: no copy of it is read)
        k = bisect_right(index.block_starts, block.start)  # the block after
        if k < len(index.blocks):
            nxt = index.blocks[k]
            m = _BYLINE.match(text, nxt.start, nxt.end)
    if m is None or m.group(1).split()[0] in _SENTENCE_OPENERS:
        return None
    return m.group(1), m.start(1), m.end(1)


def _trailing_cue(text: str, start: int, end: int,
                  index: _Index) -> tuple[_Subject, str, int] | None:
    """A cue and its subject closing the sentence that a quote's closing mark leaves open:
    the last clause (after its last comma) is "said X …" or "X said" and nothing else; or,
    after any comma, "said X, who …" running to the sentence's end (the subject's
    appositives hold commas of their own); or "X said" / "X told Y" followed only by when,
    where or to whom ("“…” Moe said Friday as he left." / "“…” Moe told Lake FM.").

    >>> from analysis.text import article_from_text
    >>> art = article_from_text("“It holds” at least for now, said Ann Moe, who teaches law, "
    ...                         "in Eastport, at the forum.", "x")
    >>> subj, cue, _ = _trailing_cue(art.text, 10, len(art.text), _Index(art, []))
    >>> subj.text, subj.appositive, cue
    ('Ann Moe', 'who teaches law', 'said')
    """
    sent = index.sentence_of(start)
    own_sentence = False
    if sent is not None and sent.end <= start + 1:
        # the quote ended its sentence: "“…” Moe said Friday." on the same line goes on
        # (a sentence with no comma and no quote of its own)
        i = bisect_left(index.sentence_starts, start)
        nxt = index.sentences[i] if i < len(index.sentences) else None
        if nxt is not None and nxt.start < end and \
                not text[start:nxt.start].strip(" \t\xa0") and \
                not index.overlaps_marks(nxt.start, nxt.end - 1):
            sent, own_sentence = nxt, True
    if sent is None:
        return None
    stop = min(end, sent.end)
    tw = _words(text, start, stop)
    while tw and tw[-1][0] in (".", "!", "?", "”", "“", '"'):
        tw.pop()
    if not tw or len(tw) > 60 or any(w in ("“", "”", '"', ";", "?", "!") for w, _, _ in tw):
        return None
    k = max((i for i, (w, _, _) in enumerate(tw) if w == ","), default=-1)
    if own_sentence and k >= 0:
        return None
    clause = tw[k + 1:]
    found = None
    if 2 <= len(clause) <= 12 and not (
            k < 0 and (clause[0][0][:1].islower() or len(clause) > 6)):
        # (no comma: only "Moe said." standing alone after the quote)
        found = _after_cue(clause)
    if found and found[0] is not None:
        subj, (c0, c1) = found
        inverted = c0 == 0
        if not inverted and (subj.start != clause[0][1] or c1 < len(clause) - 3):
            found = None  # "X said" must open the clause and close the sentence
        elif inverted and any(w in _INDIRECT_TAIL for w, _, _ in clause[c1 + 1:]):
            found = None
    else:
        found = None
    if found is None:
        found3 = _inverted_with_appositives(tw) or _cue_with_adjuncts(tw, k)
        if found3 is None:
            return None
        subj, (c0, c1), clause = found3
    return subj, " ".join(x[0] for x in clause[c0:c1 + 1]), clause[c0][1]


#: Finite cues that open an inverted attribution ("…, said Ann Moe, who …").
_INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes", "told", "tells",
                  "explained", "explains", "argued", "argues", "noted", "notes", "asked", "asks",
                  "warned", "warns", "continued", "recalled", "observed", "insisted", "replied"}


def _inverted_with_appositives(tw):
    """After a comma, "said X" whose subject (a name or a determiner phrase, with its
    appositives) runs to the end of the sentence: "…, said Lee Moe, who teaches law at
    Lakeside." (the last comma there is inside the appositive)."""
    for k, (w, _, _) in enumerate(tw):
        if w != "," or k + 2 >= len(tw) or tw[k + 1][0] not in _INVERTED_CUES:
            continue
        clause = tw[k + 1:]
        subj = _subject_after(clause, 0)
        if subj is None or subj.start != clause[1][1] or not (
                clause[1][0][:1].isupper() or clause[1][0].lower() in _DETERMINERS) or \
                clause[1][0] in _SENTENCE_OPENERS - {"The", "A", "An"}:
            return None
        rest = [x for x, ws, _ in clause if ws >= subj.end]
        if rest and rest[0] not in (",", "("):
            return None  # "…, said Moe in Eastport" is the last-clause form above
        return subj, (0, 0), clause
    return None


#: Words that open a phrase of time, place or manner after "X said" (not a new report).
_ADJUNCT_STARTS = {"on", "in", "at", "during", "after", "before", "while", "as", "when", "of",
                   "about", "from", "via", "by", "late", "early", "earlier", "later", "last",
                   "this", "then", "recently", "afterward", "afterwards", "today", "yesterday",
                   "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"}


def _cue_with_adjuncts(tw, k: int):
    """"X said" opening the last clause, followed only by when, where or how ("Moe said
    Friday as he left the talks") or, after "told", by whom ("Moe told Lake FM")."""
    clause = tw[k + 1:]
    if not 3 <= len(clause) <= 18 or not clause[0][0][:1].isupper() or \
            clause[0][0] in _SENTENCE_OPENERS - {"The", "A", "An"}:
        return None
    found = _after_cue(clause[:14])
    if not found or found[0] is None:
        return None
    subj, (c0, c1) = found
    if c0 == 0 or subj.start != clause[0][1] or c1 + 1 >= len(clause):
        return None
    after = clause[c1 + 1][0]
    if clause[c0][0] not in _INVERTED_CUES or any(
            w in _INDIRECT_TAIL for w, _, _ in clause[c1 + 1:]):
        return None
    if clause[c0][0] not in ("told", "tells") and after.lower() not in _ADJUNCT_STARTS:
        return None
    return subj, (c0, c1), clause


_INDIRECT_TAIL = {"that", "if", "whether", "how", "why", "what"}


def _source_after_dash(words) -> _Subject | None:
    """A digest's source line: "TURNOUT WAS HIGH - Ann Moe and Dan Ruto:" / "… -More from
    Moe:" — the names after the last dash before the colon."""
    k = max((i for i, (w, _, _) in enumerate(words) if w in ("-", "—", "–")), default=-1)
    seg = words[k + 1:] if k >= 0 else []
    if len(seg) >= 2 and seg[0][0] == "More" and seg[1][0] == "from":
        seg = seg[2:]
    if not 1 <= len(seg) <= 6 or seg[0][0] in NOT_NAME or not all(
            w[:1].isupper() or w in ("and", "of", "de") for w, _, _ in seg) or \
            seg[-1][0] in ("and", "of", "de"):
        return None
    return _Subject(" ".join(w for w, _, _ in seg), seg[0][1], seg[-1][2])


#: "… incurred boos upon saying, “…”": a preposition before a participle.
_PARTICIPLE_PREPS = {"upon", "after", "before", "while", "by", "when", "in", "without"}


#: Words that open a clause whose subject a participle after it shares ("…, as Moe
#: echoed it, saying …").
_PARTICIPLE_CLAUSES = {"as", "when", "while", "after", "because", "before", "since", "once"}


_SUBORDINATORS = {"when", "after", "before", "because", "while", "if", "until", "since",
                  "though", "although", "and", "but", "or", "whereas", "unless", "once"}
_COORDINATORS = {"and", "but", "or"}
#: Words that open a subordinate or relative clause before a name ("While Moe spoke, …").
_CLAUSE_OPENERS = (_SUBORDINATORS - _COORDINATORS) | {"where", "who", "which", "whom", "whose"}
#: Words that open a subordinate clause inside a report ("said that once …, “…”").
_SUBORDINATE_OPENERS = (_SUBORDINATORS - _COORDINATORS - {"whereas"}) | {"whenever"}


#: Words that open an appositive after a one-word name ("Moe, a former mayor, …").
_APPOSITIVE_OPENERS = {"a", "an", "the", "herself", "himself", "who", "whose"}


def _name_appositive(words, fc: int, c0: int) -> bool:
    """"Moe, a former mayor, told …": a one-word name, then an appositive closed by a comma
    before the cue; not a lead-in ("Overall, …", "Later, …") to skip.

    >>> ws = [(w, 0, 0) for w in "Moe , a former mayor , told reporters , saying".split()]
    >>> _name_appositive(ws, 1, 8), _name_appositive([("Later", 0, 0)] + ws[1:], 1, 8)
    (True, False)
    """
    w0 = words[0][0]
    return fc == 1 and fc + 1 < c0 and w0[:1].isupper() and w0[1:].islower() and \
        w0 not in _SENTENCE_OPENERS | _LEAD_INS and not w0.endswith(("ly", "ing", "ed")) and \
        words[fc + 1][0].lower() in _APPOSITIVE_OPENERS and \
        any(w == "," for w, _, _ in words[fc + 2:c0])


def _before_cue(pw, opens_clause: bool):
    """Subject and cue in the words before a quote's opening mark (same sentence)."""
    if not pw:
        return None
    words = pw
    last = words[-1][0]
    if opens_clause and last in (",", ":", "—", "–"):
        # "according to X,"
        for i in range(len(words) - 3, -1, -1):
            if words[i][0].lower() == "according" and words[i + 1][0] == "to":
                subj = _subject_after(words, i + 1)
                if subj:  # "according to X, …": what follows the comma is the report
                    subj.appositive = None
                    return subj, (i, i + 1), "before"
        for c0, c1 in _cue_in_words(words[:-1]):
            if not words[c0][0].endswith("ing") and _in_subordinate(words, c0):
                continue  # "Moe said that once the Senate goes on recess, “…”": Moe said it
            # skip a leading adverbial ("Hours later, …", "On Monday, …")
            fc = next((k for k in range(min(c0, 6)) if words[k][0] == ","), None)
            lead = 0 if fc is None or (any(w[:1].isupper() for w, _, _ in words[1:fc]) and
                                       words[0][0] not in _SENTENCE_OPENERS | {"Here"}) \
                or _name_appositive(words, fc, c0) else fc + 1
            if lead == 0 and words[0][0] in _LEAD_INS:
                # a longer lead-in: "In a speech earlier in the day, Moe attacked …, saying"
                fc = next((k for k in range(min(c0 - 1, 12)) if words[k][0] == ","), None)
                lead = 0 if fc is None else fc + 1
            w0 = words[lead][0]
            if words[c0][0] in _PARTICIPLES and c0 >= lead + 3 and (
                    words[c0 - 1][0] == "," or words[c0 - 1][0] in _PARTICIPLE_PREPS) \
                    and (w0.lower() in ("he", "she", "they") or (w0[:1].isupper() and (
                        w0 not in NOT_NAME or w0 in HONORIFIC_GENDER))):
                # "Trump returned the compliment, telling Reuters, “…”" / "Mr. X issued a
                # statement saying, “…”": the subject of the clause speaks; after a cue of
                # its own ("…, Spicer said, adding, “…”") that cue's subject
                subj = None
                prior = next(_cue_in_words(words[lead:c0 - 1]), None)
                if prior is not None and prior[1] == c0 - 2 - lead:
                    subj = _subject_before(words, prior[0] + lead)
                subj = subj or _clause_subject(words[lead:c0])
                if subj:
                    return subj, (c0, c1), "before"
            subj = _subject_before(words, c0)
            if subj is not None and words[c0][0] in _PARTICIPLES and \
                    subj.text[:1].islower() and \
                    any(w in _DOCUMENT_NOUNS for w in subj.text.lower().split()):
                # "Moe issued a statement Tuesday saying, “…”": who issued it speaks
                subj = _clause_subject(words[lead:c0]) or subj
            if subj is None and c0 >= 2 and words[c0 - 1][0] == "to":
                # "Moe was prompted to say, “…”": the clause's subject
                subj = _clause_subject(words[lead:c0 - 1])
            if subj is None and c1 + 1 < len(words) - 1 and words[c0][0] not in _PARTICIPLES:
                subj = _subject_after(words[:-1], c1)
            if subj is None and words[c0][0].endswith("ing") and c0 >= 2 and \
                    words[c0 - 1][0] == ",":
                # "Ruto then appears in a clip, saying, “…”": the clause's subject
                subj = _clause_subject(words[:c0])
            if subj:
                return subj, (c0, c1), "before"
        if len(words) >= 4 and last == "," and words[-2][0] in _DOCUMENT_NOUNS and \
                words[-3][0].lower() in ("a", "an", "the") and words[-4][0] in _ISSUING:
            # "Moe issued a statement, “…”": who issued it
            subj = _clause_subject(words[:-4])
            if subj:
                return subj, None, "before"
        if last == ":":  # "Ruto was blunt:" — the clause's subject
            subj = _source_after_dash(words[:-1]) or _clause_subject(words[:-1])
            if subj:
                return subj, None, "colon"
        return None
    # partial quote: a cue earlier in the clause ("He called it “…”"), said by someone who
    # can speak (not "the figures tell a “mixed” story")
    for c0, _c1 in _cue_in_words(words):
        subj = None
        if words[c0][0] in _PARTICIPLES and c0 >= 2 and words[c0 - 1][0] == ",":
            # "At a rally in Eastport, Lakeshire, Moe went after Ruto, calling her “…”": the
            # participle's subject is the clause's, not a phrase between two commas; after
            # "Moe said, adding …" the cue's subject, after "…, as Moe echoed it, saying …"
            # the subordinate clause's (none named there: no speaker)
            prior = _cue_at(words, c0 - 2)
            b = max((i for i in range(c0 - 1) if words[i][0] == ","), default=-1) + 1
            if prior is not None and prior[1] == c0 - 2:
                subj = _subject_before(words, prior[0])
            elif b < c0 - 2 and words[b][0].lower() in _PARTICIPLE_CLAUSES:
                subj = _clause_subject(words[b + 1:c0 - 1])
                if subj is None:
                    continue
            else:
                subj = _clause_subject(words[:c0 - 1])
        subj = subj or _subject_before(words, c0)
        if subj and _can_speak(subj):
            return subj, (c0, _c1), "before"
    return None




def _in_subordinate(words, c0: int) -> bool:
    """Whether the cue at ``c0`` sits in a subordinate clause (not closed by a comma before
    ``c0``) opened after an earlier cue: "Moe said that once the Senate goes on …".

    >>> ws = [(w, 0, 0) for w in "Moe said that once the Senate goes on".split()]
    >>> _in_subordinate(ws, 6), _in_subordinate(ws[:2] + ws[4:], 4), _in_subordinate(ws[3:], 3)
    (True, False, False)
    """
    for b in range(c0 - 1, 0, -1):
        w = words[b][0]
        if w in (",", ";", ":", "—", "–"):
            return False
        if w.lower() in _SUBORDINATE_OPENERS:
            return next(_cue_in_words(words[:b]), None) is not None
    return False


def _sentence_cue(text: str, start: int, end: int, index: _Index,
                  registry: Registry | None = None) -> tuple[_Subject, str, int] | None:
    """A speaker + cue in a sentence (outside its quotes), last one first. A participle cue
    ("…, calling it “…”") takes the first person or organisation named in the sentence.

    Computed once per sentence (a sentence holding many quotes is not read again for each)."""
    key = (start, end, registry is not None)
    if key not in index.cue_cache:
        index.cue_cache[key] = _sentence_cue_uncached(text, start, end, index, registry)
    found = index.cue_cache[key]
    if found is None:
        return None
    subj, cue, cue_start = found
    return _Subject(subj.text, subj.start, subj.end, subj.appositive, subj.role,
                    subj.origin), cue, cue_start


def _sentence_cue_uncached(text: str, start: int, end: int, index: _Index,
                           registry: Registry | None) -> tuple[_Subject, str, int] | None:
    words = [w for w in _words(text, start, end) if not index.in_marks(w[1])]
    for c0, c1 in _cue_in_words(words):
        cue = " ".join(x[0] for x in words[c0:c1 + 1])
        if words[c0][0].endswith("ing"):
            if registry is not None:
                first = registry.first_between(start, words[c0][1])
                if first is not None:
                    return _Subject(first.text, first.start, first.end), cue, words[c0][1]
            continue
        subj = _subject_before(words, c0)
        if subj:
            return subj, cue, words[c0][1]
    return None


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
    # the cue words of the whole text, found once (single words: a sentence holds one when
    # the first match at or after its start also ends inside it)
    cue_spans = [m.span() for m in _INDIRECT_RE.finditer(text)]
    cue_starts = [a for a, _ in cue_spans]
    for sent in article.sentences:
        if index.overlaps_marks(sent.start, sent.end - 1):
            continue
        i = bisect_left(cue_starts, sent.start)
        has_cue = i < len(cue_spans) and cue_spans[i][1] <= sent.end
        if not has_cue and sent.end < len(text) and (text[sent.end].isalnum() or
                                                     text[sent.end] == "_"):
            # a sentence ending inside a word: "\b" at its end reads as the text's end
            has_cue = _INDIRECT_RE.search(text, sent.start, sent.end) is not None
        if not has_cue and "ccording to" not in text[sent.start:sent.end]:
            continue
        words = _words(text, sent.start, sent.end)
        found = None
        # According to X, …
        for i in range(len(words) - 2):
            if words[i][0].lower() == "according" and words[i + 1][0] == "to":
                subj = _subject_after(words, i + 1)
                if subj:  # "according to X, …": what follows the comma is the report
                    subj.appositive = None
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
