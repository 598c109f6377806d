"""Stage 1: the team's labelled sentences, their word features, two deterministic bag-of-words
classifiers trained on them, and k-fold cross-validation.

Features are the project's word tokens (:data:`analysis.text.WORD_PATTERN`), compared as the
lexicon compares them (:func:`analysis.topics.lexicon.normalise`: lower case, ' for ’, no
possessive 's), without the shipped stop words (:func:`analysis.topics.lexicon.stopwords`) and
without tokens that hold no letter (numbers). With ``drop_names`` a capitalised word that does
not open its sentence is dropped too: the team's sentences are full of invented names (Kelbridge,
Mirela Dobrev) that teach nothing about a subject.

Both classifiers are deterministic: naive Bayes is counted, the regression starts at zero and
runs a fixed number of full-batch gradient steps (no random state anywhere).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np

NONE = "none"  # the class of a sentence about none of the topics


def load_sentences(paths, sources=None) -> list[tuple[str, str]]:
    """``(label, sentence)`` rows of tab-separated files, ``label<TAB>sentence`` with an optional
    third column naming the set a sentence came from (without it, the file's stem); with
    ``sources``, only the rows of those sets. Blank lines and lines starting with ``#`` are
    skipped, as is a line without a tab or with an empty label or sentence.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f, g = Path(tmp, "s.tsv"), Path(tmp, "B.tsv")
    ...     _ = f.write_text("# note\\nsport\\tThe team won.\\tA\\n\\nbad line\\n"
    ...                      "labour\\tA strike.\\tC\\n", encoding="utf-8")
    ...     _ = g.write_text("crime\\tA theft.\\n", encoding="utf-8")
    ...     load_sentences([f, g]), load_sentences([f, g], {"A", "B"})
    ([('sport', 'The team won.'), ('labour', 'A strike.'), ('crime', 'A theft.')], \
[('sport', 'The team won.'), ('crime', 'A theft.')])
    """
    rows = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            cells = [part.strip() for part in line.split("\t")]
            label, sentence = cells[0], cells[1]
            source = cells[2] if len(cells) > 2 and cells[2] else Path(path).stem
            if label and sentence and (sources is None or source in sources):
                rows.append((label, sentence))
    return rows


def words(sentence: str, drop_names: bool = False) -> list[str]:
    """The feature words of one sentence (see the module docstring), in order.

    >>> words("Nurses at the Kelbridge hospital walked out on Monday over 5% pay.")
    ['nurses', 'kelbridge', 'hospital', 'walked', 'monday', 'pay']
    >>> words("Nurses at the Kelbridge hospital walked out on Monday over 5% pay.", True)
    ['nurses', 'hospital', 'walked', 'pay']
    """
    from analysis.text import WORD_PATTERN
    from analysis.topics.lexicon import normalise, stopwords

    stop = stopwords()
    out = []
    for k, m in enumerate(WORD_PATTERN.finditer(sentence)):
        tok = m.group()
        if drop_names and k and tok[0].isupper():
            continue
        w = normalise(tok)
        if w in stop or not any(c.isalpha() for c in w):
            continue
        out.append(w)
    return out


def bag(parts, drop_names: bool = False) -> Counter:
    """Weighted word counts of ``parts``, ``(sentence, weight)`` pairs (each sentence tokenised
    on its own, so that its first word counts as sentence-initial for ``drop_names``).

    >>> dict(bag([("Strike talks failed.", 2), ("The strike goes on.", 1)]))
    {'strike': 3, 'talks': 2, 'failed': 2, 'goes': 1}
    """
    counts: Counter = Counter()
    for sentence, weight in parts:
        for w in words(sentence, drop_names):
            counts[w] += weight
    return counts


def _classes(labels) -> list[str]:
    """The classes of a training set in a fixed order: sorted, ``none`` last."""
    return sorted(set(labels), key=lambda c: (c == NONE, c))


class NaiveBayes:
    """Multinomial naive Bayes with additive (Laplace/Lidstone) smoothing ``alpha``.

    P(w | c) = (count(w, c) + alpha) / (words(c) + alpha * V); a text's class scores are
    log P(c) + sum over its words of weight * log P(w | c), words outside the vocabulary ignored.

    Hand-checked: two sport sentences ("match goal", "goal") and one labour sentence
    ("strike"), alpha 1, V = 3. P(goal | sport) = (2 + 1) / (3 + 3) = 1/2 and
    P(goal | labour) = (0 + 1) / (1 + 3) = 1/4; priors 2/3 and 1/3. For the text "goal":
    sport 2/3 * 1/2 = 1/3 against labour 1/3 * 1/4 = 1/12, so P(sport | "goal") = 0.8.

    >>> nb = NaiveBayes(alpha=1.0).fit([Counter(["match", "goal"]), Counter(["goal"]),
    ...                                 Counter(["strike"])], ["sport", "sport", "labour"])
    >>> nb.classes, [round(float(p), 3) for p in nb.proba(Counter(["goal"]))]
    (['labour', 'sport'], [0.2, 0.8])
    """

    def __init__(self, alpha: float = 1.0):
        self.alpha = alpha

    def fit(self, bags: list[Counter], labels: list[str]) -> NaiveBayes:
        self.classes = _classes(labels)
        self.vocab = {w: i for i, w in enumerate(sorted({w for b in bags for w in b}))}
        counts = np.zeros((len(self.vocab), len(self.classes)))
        ci = {c: k for k, c in enumerate(self.classes)}
        for b, label in zip(bags, labels, strict=True):
            for w, n in b.items():
                counts[self.vocab[w], ci[label]] += n
        n_docs = Counter(labels)
        self.log_prior = np.log(np.array([n_docs[c] for c in self.classes]) / len(labels))
        smoothed = counts + self.alpha
        self.log_like = np.log(smoothed / smoothed.sum(axis=0))
        return self

    def scores(self, b: Counter) -> np.ndarray:
        s = self.log_prior.copy()
        for w, n in b.items():
            i = self.vocab.get(w)
            if i is not None:
                s += n * self.log_like[i]
        return s

    def proba(self, b: Counter) -> np.ndarray:
        return _softmax(self.scores(b))

    def params(self) -> tuple:
        """Everything the model learnt (for the determinism test)."""
        return self.classes, sorted(self.vocab.items()), self.log_prior.tolist(), \
            self.log_like.tolist()


class SoftmaxRegression:
    """Multinomial logistic regression on L2-normalised word counts, L2 penalty ``l2``, trained
    by ``iterations`` full-batch gradient steps of size ``step`` from all-zero weights (so two
    trainings on the same data give the same weights, bit for bit).

    >>> lr = SoftmaxRegression(iterations=200).fit(
    ...     [Counter(["goal"]), Counter(["match"]), Counter(["strike"]), Counter(["union"])],
    ...     ["sport", "sport", "labour", "labour"])
    >>> p = lr.proba(Counter(["goal"]))
    >>> lr.classes, bool(p[1] > 0.6)
    (['labour', 'sport'], True)
    """

    def __init__(self, l2: float = 1e-4, iterations: int = 300, step: float = 10.0):
        self.l2, self.iterations, self.step = l2, iterations, step

    def _row(self, b: Counter) -> np.ndarray:
        x = np.zeros(len(self.vocab) + 1)
        x[-1] = 1.0  # bias
        for w, n in b.items():
            i = self.vocab.get(w)
            if i is not None:
                x[i] = n
        norm = math.sqrt(float((x[:-1] ** 2).sum()))
        if norm:
            x[:-1] /= norm
        return x

    def fit(self, bags: list[Counter], labels: list[str]) -> SoftmaxRegression:
        self.classes = _classes(labels)
        self.vocab = {w: i for i, w in enumerate(sorted({w for b in bags for w in b}))}
        x = np.array([self._row(b) for b in bags])
        ci = {c: k for k, c in enumerate(self.classes)}
        y = np.zeros((len(labels), len(self.classes)))
        y[np.arange(len(labels)), [ci[c] for c in labels]] = 1.0
        w = np.zeros((x.shape[1], len(self.classes)))
        n = len(labels)
        for _ in range(self.iterations):
            z = x @ w
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            grad = x.T @ (p - y) / n + self.l2 * w
            w -= self.step * grad
        self.weights = w
        return self

    def proba(self, b: Counter) -> np.ndarray:
        return _softmax(self._row(b) @ self.weights)

    def params(self) -> tuple:
        return self.classes, sorted(self.vocab.items()), self.weights.tolist()


def _softmax(s: np.ndarray) -> np.ndarray:
    e = np.exp(s - s.max())
    return e / e.sum()


#: The models tried, by name: a fresh, untrained classifier each.
MODELS = {
    "nb": lambda: NaiveBayes(alpha=1.0),
    "nb-0.1": lambda: NaiveBayes(alpha=0.1),
    "lr": lambda: SoftmaxRegression(),
}


def folds(labels: list[str], k: int = 5) -> list[int]:
    """A fold (0 .. k-1) for each row, stratified and deterministic: the rows of each label, in
    their order, are dealt round-robin, continuing where the previous label stopped.

    >>> folds(["a", "b", "a", "a", "b"], k=2)
    [0, 1, 1, 0, 0]
    """
    out = [0] * len(labels)
    nxt = 0
    for c in _classes(labels):
        for i, label in enumerate(labels):
            if label == c:
                out[i] = nxt % k
                nxt += 1
    return out


def labels_of(label: str) -> list[str]:
    """The classes of a row's label: one, or several joined by commas (a sentence about two
    subjects), in the order written.

    >>> labels_of("crime"), labels_of("crime,politics")
    (['crime'], ['crime', 'politics'])
    """
    return [c.strip() for c in label.split(",") if c.strip()]


def _expand(rows, bags):
    """Training pairs: a row with two labels is one training example of each class."""
    out_bags, out_labels = [], []
    for (label, _), b in zip(rows, bags, strict=True):
        for c in labels_of(label):
            out_bags.append(b)
            out_labels.append(c)
    return out_bags, out_labels


def cross_validate(rows: list[tuple[str, str]], model: str, drop_names: bool,
                   k: int = 5) -> float:
    """k-fold accuracy of ``MODELS[model]`` on ``(label, sentence)`` rows (folds stratified by
    each row's first class, see :func:`folds`): the share of rows whose most probable class,
    under a model trained on the other folds, is one of their classes.

    >>> rows = [("sport", "The striker scored a goal."), ("sport", "A late goal won the match."),
    ...         ("labour", "Workers began a strike."), ("labour", "The union called a strike.")]
    >>> cross_validate(rows, "nb", False, k=2)
    1.0
    """
    bags = [bag([(s, 1)], drop_names) for _, s in rows]
    fold = folds([labels_of(label)[0] for label, _ in rows], k)
    right = 0
    for f in range(k):
        train_rows = [i for i in range(len(rows)) if fold[i] != f]
        clf = MODELS[model]().fit(*_expand([rows[i] for i in train_rows],
                                           [bags[i] for i in train_rows]))
        for i in range(len(rows)):
            if fold[i] == f:
                top = clf.classes[int(np.argmax(clf.proba(bags[i])))]
                right += top in labels_of(rows[i][0])
    return right / len(rows)


def train(rows: list[tuple[str, str]], model: str, drop_names: bool):
    """``MODELS[model]`` trained on every ``(label, sentence)`` row (a row with two classes
    counts once for each).

    >>> clf = train([("sport", "The match ended."), ("labour,economy", "Wages and strikes.")],
    ...             "nb", False)
    >>> clf.classes, clf.log_prior.round(3).tolist()
    (['economy', 'labour', 'sport'], [-1.099, -1.099, -1.099])
    """
    bags = [bag([(s, 1)], drop_names) for _, s in rows]
    return MODELS[model]().fit(*_expand(rows, bags))


def rank_of(probs: np.ndarray, k: int) -> int:
    """The rank of class ``k`` (1 = most probable); a class tied with ``k`` does not push it
    down.

    >>> rank_of(np.array([0.2, 0.5, 0.2, 0.1]), 0), rank_of(np.array([0.2, 0.5, 0.2, 0.1]), 3)
    (2, 4)
    """
    return 1 + int((probs > probs[k]).sum())
