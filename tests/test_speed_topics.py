"""Topic matching's shortcuts give the answers of the full search: a context rule checked
against the whole sentence first (found once per sentence and per distinct set of context
words) decides as the word-window search does; the memos of hot words and of equal context
patterns stay bounded. (Speed itself is measured by ``benchmarks/corpus.py``, never here.)"""

from __future__ import annotations

import pytest

from analysis.text import article_from_text
from analysis.topics import matching
from analysis.topics.lexicon import _context_patterns, default_lexicon, load_lexicon

# the team's own sentences: context words inside and outside the rules' windows
TEXT = (
    "The reporter told the council that the budget was late.\n\n"
    "A reporter for the local paper covered the match, and the coach spoke to the reporter "
    "after the final whistle in a long interview.\n\n"
    "Our company culture values a calm office, the manager said of the culture at the firm.\n\n"
    "The culture of the city shows in its museums and its music.\n\n"
    "He ran like a sprinter in a marathon of a film festival that the media told us about.\n\n"
    "A former broadcast journalist now hosts a podcast about the court and the judge.\n"
)


def _rule_checks(lex, body, norms, spans):
    """Every context rule of the lexicon at every token: as _context_ok decides it by searching
    each word window (``spans`` None), or as the matcher does (_rule_ok on the occurrences in
    the rule's sentence or paragraph, kept in ``spans``)."""
    sents = [t.sentence for t in body]
    blocks = [t.block for t in body]

    def span(values, k):
        v = values[k]
        return values.index(v), len(values) - 1 - values[::-1].index(v)

    out = []
    distinct = {(id(r[0]), id(r[1]), r[2], r[3]): r
                for rules in lex._context.values() for r in rules}
    for rule in distinct.values():
        unless, require, window, paragraph = rule
        for i in range(len(body)):
            for j in (i, min(i + 1, len(body) - 1)):
                if spans is None:
                    out.append(matching._context_ok(rule, body, norms, i, j, span(sents, i),
                                                    lambda k: span(blocks, k)))
                else:
                    out.append(matching._rule_ok(spans, unless, require, window, body, norms,
                                                 i, j, span(blocks if paragraph else sents, i)))
    return out


_PARAGRAPH_LEXICON = (
    '[meta]\nname = "t"\n\n[topics.media]\nlabel = "Media"\nterms = ["reporter*", "culture"]\n\n'
    '[topics.media.context."reporter*"]\nunless = ["told", "coach"]\nwindow = 3\n\n'
    '[topics.media.context.culture]\nrequire = ["museum*", "music"]\nscope = "paragraph"\n')


@pytest.mark.parametrize("which", ["default", "paragraph"])  # international-affairs: no rules
def test_sentence_wide_shortcut_decides_as_the_window_search(which, tmp_path):
    if which == "default":
        lex = default_lexicon()
    else:  # a user lexicon with a window rule and a paragraph-scoped rule
        src = tmp_path / "lex.toml"
        src.write_text(_PARAGRAPH_LEXICON, encoding="utf-8")
        lex = load_lexicon(src)
    body = article_from_text(TEXT, "x").body_tokens
    norms = [matching.normalise(t.text) for t in body]
    full = _rule_checks(lex, body, norms, None)  # every window searched
    fast = _rule_checks(lex, body, norms, {})  # the occurrences in each span, found once
    assert fast == full
    assert False in full and True in full  # the text meets rules both ways


def test_window_rule_still_drops_a_hit_with_its_word_in_the_window(tmp_path):
    src = tmp_path / "lex.toml"
    src.write_text(
        '[meta]\nname = "t"\n\n[topics.media]\nlabel = "Media"\nterms = ["reporter*"]\n\n'
        '[topics.media.context."reporter*"]\nunless = ["told"]\nwindow = 2\n',
        encoding="utf-8")
    lex = load_lexicon(src)
    # "told" two words after the first reporter; seven words after the second
    art = article_from_text("The reporter then told us. A reporter came to the hall and "
                            "then told us.", "x")
    runs = list(matching._match_runs(art, lex, with_dropped=True))
    assert [(r[2], r[4]) for r in runs] == [(1, "context"), (6, None)]


def test_equal_context_patterns_share_one_search(tmp_path):
    # two rules with the same context words in another order (and a third with other words):
    # the lexicon compiles the set once, so the two share one patterns object and a span is
    # searched once for both
    src = tmp_path / "lex.toml"
    src.write_text(
        '[meta]\nname = "t"\n\n[topics.law]\nlabel = "Law"\nterms = ["trial", "verdict"]\n\n'
        '[topics.law.context.trial]\nrequire = ["court", "judg*", "supreme court"]\n\n'
        '[topics.law.context.verdict]\nrequire = ["supreme court", "court", "judg*", "court"]\n'
        '\n[topics.sport]\nlabel = "Sport"\nterms = ["match"]\n\n'
        '[topics.sport.context.match]\nrequire = ["court"]\n', encoding="utf-8")
    lex = load_lexicon(src)
    a = lex._context[("law", "trial")][0][1]
    b = lex._context[("law", "verdict")][0][1]
    c = lex._context[("sport", "match")][0][1]
    assert a is b and a is not c
    # compiled alone, the same words in another order give equal (not shared) patterns
    assert _context_patterns(("court", "judg*")) is not _context_patterns(("judg*", "court"))
    body = article_from_text("The supreme court met. A judge spoke.", "x").body_tokens
    norms = [matching.normalise(t.text) for t in body]
    spans: dict = {}
    # occurrences "supreme court" (tokens 1..2) and "court" (2): first tokens [1, 2], and the
    # smallest last token from each on [2, 2]
    first = matching._span_matches(spans, a, body, norms, 0, 2)
    assert first == ([1, 2], [2, 2]) and len(spans) == 1
    assert matching._span_matches(spans, b, body, norms, 0, 2) == first and len(spans) == 1
    assert matching._span_matches(spans, c, body, norms, 0, 2) == ([2], [2])
    assert len(spans) == 2
    # the default lexicon: one object per distinct set of context words
    lex = default_lexicon()
    objs = {id(p): p for rules in lex._context.values() for r in rules for p in r[:2] if p}

    def value(p):
        exact, regex, phrases, _firsts = p
        return (frozenset(exact), regex and regex.pattern,
                tuple(tuple(getattr(m, "pattern", m) for m in ph) for ph in phrases))

    assert len({value(p) for p in objs.values()}) == len(objs) > 100


def test_hot_word_memo_is_bounded(monkeypatch):
    lex = default_lexicon()
    monkeypatch.setattr(matching, "_HOT_WORDS_MAX", 50)
    words = [f"word{k}" for k in range(400)] + ["police", "war"]
    for start in range(0, 400, 40):
        got = matching._hot_entries(lex, set(words[start:start + 40]) | {"police", "war"})
        assert sorted(got) == ["police", "war"]
        _, seen, hot = matching._HOT_WORDS[id(lex)]
        assert len(seen) <= 50 + 42 and hot <= seen


@pytest.mark.parametrize("n", [1, 3])
def test_match_runs_same_with_cold_and_warm_memos(n):
    lex = default_lexicon()
    art = article_from_text(TEXT * n, "x")
    matching._HOT_WORDS.clear()
    cold = list(matching._match_runs(art, lex, with_dropped=True))
    warm = list(matching._match_runs(art, lex, with_dropped=True))
    assert cold == warm and any(r[4] == "context" for r in cold)


def test_context_words_absent_from_the_article_decide_without_a_search(tmp_path):
    # a set of context words none of which is in the article (no exact word, no word a glob
    # finds, no phrase's first word) occurs in none of its sentences
    src = tmp_path / "lex.toml"
    src.write_text(_PARAGRAPH_LEXICON + '[topics.media.context."*"]\nunless = ["like a", '
                   '"*-year-old", "judg*"]\n', encoding="utf-8")
    for lex in (default_lexicon(), load_lexicon(src)):
        sets = {id(p): p for rules in lex._context.values() for r in rules for p in r[:2] if p}
        seen = set()
        for text in (TEXT, "A 40-year-old reporter ran like a sprinter.\n\nThe judges met."):
            body = article_from_text(text, "x").body_tokens
            norms = [matching.normalise(t.text) for t in body]
            here = matching._context_words(lex).in_article(set(norms))
            for pats in sets.values():
                found = matching._span_matches({}, pats, body, norms, 0, len(body) - 1)
                narrowed = here.narrowed(pats)
                seen.add((narrowed is not None, found is not None))
                # the same occurrences with the words narrowed to the article
                assert found == (None if narrowed is None else matching._span_matches(
                    {}, narrowed, body, norms, 0, len(body) - 1))
        assert (False, False) in seen and (True, True) in seen
    # checked by hand: the phrase "like a", the glob "*-year-old" and "judg*" are each found
    # from the words alone ("like" alone would do: phrases are told by their first word), and
    # an article without them needs no search
    lex = load_lexicon(src)
    star = lex._context[("media", "culture")][-1][0]
    for text, expected in (("A 40-year-old reporter.", True), ("He ran like a fox.", True),
                           ("The judges met.", True), ("He ran as fast as the wind.", False)):
        norms = [matching.normalise(t.text) for t in article_from_text(text, "x").body_tokens]
        here = matching._context_words(lex).in_article(set(norms))
        assert (here.narrowed(star) is not None) is expected


def test_long_article_columns_give_the_same_runs():
    lex = default_lexicon()
    listed = article_from_text(TEXT * 3, "x")
    columns = article_from_text(TEXT * 3, "x", token_list_max=0)
    runs = list(matching._match_runs(listed, lex, with_dropped=True))
    assert list(matching._match_runs(columns, lex, with_dropped=True)) == runs
    assert any(r[4] == "context" for r in runs)


def _sequential_marks(lex, runs, first_para):
    """The article-level rules one after another over the hit list, as topic_hit_records
    applied them before they were decided per topic (the reference for _topic_marks)."""
    from collections import Counter

    from analysis.topics.lexicon import entry_stem

    def mark(runs, topics, reason):
        return [r[:4] + (reason,) if r[4] is None and r[0] in topics else r for r in runs]

    def counted():
        return Counter(r[0] for r in runs if r[4] is None)

    if lex.min_hits > 1:
        runs = mark(runs, {t for t, n in counted().items() if n < lex.min_hits}, "few")
    spread = {t.id: t.min_paragraphs for t in lex.topics if t.min_paragraphs > 1}
    paras: dict = {}
    for tid, _t, i, _j, reason in runs:
        if reason is None and tid in spread:
            paras.setdefault(tid, set()).add(first_para[i])
    runs = mark(runs, {t for t, found in paras.items() if len(found) < spread[t]}, "confined")
    if lex.min_entries > 1 and counted():
        per_topic = counted()
        top = max(per_topic.values())
        stems: dict = {}
        for tid, term, _i, _j, reason in runs:
            if reason is None:
                stems.setdefault(tid, set()).add(entry_stem(term))
        runs = mark(runs, {t for t, n in per_topic.items()
                           if n < top and len(stems[t]) < lex.min_entries}, "narrow")
    if lex.min_share_of_top and counted():
        per_topic = counted()
        floor = lex.min_share_of_top * max(per_topic.values())
        runs = mark(runs, {t for t, n in per_topic.items() if n < floor}, "minor")
    return runs


def test_article_level_rules_decided_per_topic_as_one_after_another():
    import dataclasses
    import random

    from analysis.topics.hits import _topic_marks

    base = default_lexicon()
    rng = random.Random(5)
    topics = base.topics[:6]
    checked = set()
    for trial in range(400):
        lex = dataclasses.replace(
            base, topics=[dataclasses.replace(t, min_paragraphs=rng.choice([1, 1, 2, 3]))
                          for t in topics],
            min_hits=rng.choice([1, 2, 3]), min_entries=rng.choice([1, 2, 3, 4]),
            min_share_of_top=rng.choice([0.0, 0.2, 0.25, 0.5]))
        runs = []
        for k in range(rng.randrange(0, 30)):
            t = rng.choice(topics)
            runs.append((t.id, rng.choice(t.terms[:5]), k, k,
                         rng.choice([None, None, None, "context", "uncorroborated"])))
        first_para = {k: rng.randrange(4) for k in range(len(runs))}
        reasons = [r[4] for r in runs]
        marks = _topic_marks(lex, runs, reasons, first_para)
        fused = [r[:4] + (marks.get(r[0]) if r[4] is None else r[4],) for r in runs]
        expected = _sequential_marks(lex, runs, first_para)
        assert fused == expected, trial
        checked |= {r[4] for r in expected}
    assert {"few", "confined", "narrow", "minor"} <= checked


def test_narrow_and_minor_examples_checked_by_hand():
    import dataclasses

    from analysis.topics.hits import _topic_marks

    lex = dataclasses.replace(default_lexicon(), min_hits=1, min_share_of_top=0.0,
                              topics=[dataclasses.replace(t, min_paragraphs=1)
                                      for t in default_lexicon().topics])
    runs = [("politics", "vote*", k, k, None) for k in range(5)] + [
        ("labour", "unions", 5, 5, None), ("labour", "union", 6, 6, None),
        ("labour", "workers", 7, 7, None), ("health", "doctor*", 8, 8, None),
        ("health", "hospital*", 9, 9, None), ("health", "patients", 10, 10, None),
        ("health", "nurse*", 11, 11, None)]
    reasons = [None] * len(runs)
    paras = dict.fromkeys(range(12), 0)
    # labour: "unions" and "union" are one stem, so two entries (union, worker)
    for entries, expected in ((4, {"labour": "narrow"}), (3, {"labour": "narrow"}), (2, {})):
        got = _topic_marks(dataclasses.replace(lex, min_entries=entries), runs, reasons, paras)
        assert got == expected
    runs = [("politics", "vote*", k, k, None) for k in range(9)] + [
        ("economy", "trade", 9, 9, None), ("economy", "tariff*", 12, 12, None),
        ("crime", "police", 15, 15, "context")]
    reasons = [r[4] for r in runs]
    paras = dict.fromkeys(range(16), 0)
    minor = dataclasses.replace(lex, min_entries=1, min_share_of_top=0.25)
    assert _topic_marks(minor, runs, reasons, paras) == {"economy": "minor"}  # 2 < 0.25 x 9
    minor = dataclasses.replace(minor, min_share_of_top=0.2)  # 2 >= 0.2 x 9: economy counts
    assert _topic_marks(minor, runs, reasons, paras) == {}


def test_span_memo_keeps_the_open_paragraph_when_full():
    # hits come in text order: when the memo is full, the spans behind the current one go and
    # the paragraph still open stays (emptying it all searched a long paragraph again every
    # few thousand entries, quadratic in the paragraph's length)
    from analysis.text import article_from_text
    from analysis.topics.lexicon import _context_patterns
    from analysis.topics.matching import _SPANS_MAX, _span_matches, normalise

    body = article_from_text("The supreme court said a judge and the court.", "x").body_tokens
    norms = [normalise(t.text) for t in body]
    pats = _context_patterns(("court",))
    spans = {(0, k, k): None for k in range(-_SPANS_MAX - 10, 0)}  # spans behind
    paragraph = (id(pats), 0, len(body) - 1)
    spans[paragraph] = "open"
    assert _span_matches(spans, pats, body, norms, 3, 4) is None  # "said a": no context word
    assert spans[paragraph] == "open"
    assert len(spans) == 2  # the paragraph and the span just searched
