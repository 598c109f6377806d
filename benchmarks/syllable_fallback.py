"""Syllables of words the CMU dictionary does not have: which fallback counts best?

Words held out of the dictionary stand in for unknown words (names like Njoroge, Lavrov, Macron,
Kipchoge). From the CMU words that are letters only (first pronunciation, as
:func:`analysis.readability.syllables` reads them), a deterministic random sample (seed 2024) is
drawn and split in two disjoint halves of 5,000 words each:

* ``dev``: used while writing the rule-based counter (its rules were adjusted on these errors);
* ``held-out``: scored only to report, never used to change a rule.

For each fallback: exact-match accuracy (share of words whose count equals the dictionary's)
and mean absolute error in syllables, on both halves. Fallbacks compared:

* ``pyphen``: Pyphen's en_US hyphenation points + 1 (textstat's fallback; ours before);
* ``rules``: :func:`analysis.readability.rule_syllables` (vowel groups with English corrections);
* ``max``: the larger of the two; ``min``: the smaller; ``rules-unless-pyphen-more``:
  rules, but pyphen's count where pyphen finds more than one syllable more (it rarely
  over-splits).

Run: ``.venv/bin/python benchmarks/syllable_fallback.py [sample size]`` (default 5000 per half).
"""

from __future__ import annotations

import random
import sys


def sample(n: int, seed: int = 2024) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Two disjoint deterministic samples of ``n`` (word, CMU syllables) pairs: dev, held-out."""
    from analysis.readability import _cmu

    cmu = _cmu()
    words = sorted(w for w in cmu if w.isalpha() and w.isascii())
    picked = random.Random(seed).sample(words, 2 * n)
    pairs = [(w, cmu[w]) for w in picked]
    return pairs[:n], pairs[n:]


def fallbacks() -> dict:
    from analysis.readability import _pyphen, rule_syllables

    def pyphen(w: str) -> int:
        return len(_pyphen().positions(w)) + 1

    return {
        "pyphen": pyphen,
        "rules": rule_syllables,
        "max": lambda w: max(pyphen(w), rule_syllables(w)),
        "min": lambda w: min(pyphen(w), rule_syllables(w)),
        "rules-unless-pyphen-more": lambda w: (
            pyphen(w) if pyphen(w) > rule_syllables(w) + 1 else rule_syllables(w)),
    }


def score(fn, pairs: list[tuple[str, int]]) -> tuple[float, float]:
    exact = err = 0
    for w, n in pairs:
        got = fn(w)
        exact += got == n
        err += abs(got - n)
    return exact / len(pairs), err / len(pairs)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 5000
    dev, held = sample(n)
    print(f"words held out of the CMU dictionary: {n} dev + {n} held-out (seed 2024)")
    print(f"{'fallback':<26} {'dev exact':>9} {'dev MAE':>8} {'held exact':>10} {'held MAE':>8}")
    for name, fn in fallbacks().items():
        d_acc, d_mae = score(fn, dev)
        h_acc, h_mae = score(fn, held)
        print(f"{name:<26} {d_acc:9.3f} {d_mae:8.3f} {h_acc:10.3f} {h_mae:8.3f}")
    from analysis.readability import _unknown_syllables

    names = ["njoroge", "lavrov", "macron", "kipchoge", "kuleba", "wanjiru", "odhiambo", "ruto"]
    print("names not in the dictionary (as the project counts them now):",
          ", ".join(f"{w.capitalize()} {_unknown_syllables(w)}" for w in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
