"""The cyclic garbage collector's policy while one article is analysed.

Nearly everything the analysis allocates is freed by reference counting; CPython's cyclic
collector is only needed for the few reference cycles (pandas objects). With Python's default
thresholds (a young pass every 700 allocations, a full pass after 10 middle ones) a long article
triggers *full* collections, and each one walks every tracked object: the loaded resources
(pronunciation dictionary, lexicons, modules: about 70 ms per pass on the 2-core machine) plus
the article's own live objects, which grow with its length. How many full passes a text
triggers is a step function of its length (0, 1, 2, 3, 6 at 50, 100, 200, 400 KB of open curly
quotes), so a text twice as long could take 2.5–3 times as long although its work (Python
function calls) grew 2.0 times (``benchmarks/adversarial.py --gc default`` shows it).

:func:`article_gc` is the policy, the same as the corpus engine's
(:data:`analysis.corpus.engine.GC_THRESHOLD`): while an article is analysed, what was alive before
(modules and, once loaded, the resources) is frozen out of the collector's passes
(:func:`gc.freeze`) and the thresholds are raised to :data:`ARTICLE_GC_THRESHOLD`; on leaving,
the thresholds are restored and the frozen objects handed back to the collector
(:func:`gc.unfreeze`), so nothing stays excluded from collection. The command line's
single-article commands and :func:`analysis.report.analyse` (``figures``, notebooks) run under
it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The collector's thresholds while an article is analysed: a young pass every 20,000 net
#: allocations of container objects (Python's default: 700), a middle pass every 20 young ones
#: and a full pass after 100 middle ones (CPython also waits until the objects promoted since
#: the last full pass are a quarter of those it kept). Cyclic garbage is still collected; a
#: 10 MB input stays under its memory goal (``benchmarks/adversarial.py``).
ARTICLE_GC_THRESHOLD = (20_000, 20, 100)

_lock = threading.Lock()
_active = 0  # blocks under the policy now (nested, or in several threads)
_freezers = 0  # of those, the blocks that froze what was alive
_saved: tuple[int, ...] = ()  # the thresholds to restore when the last one leaves


@contextmanager
def article_gc(freeze: bool = True) -> Iterator[None]:
    """Run the block under the garbage-collector policy for one article: objects alive on entry
    frozen out of collections, thresholds :data:`ARTICLE_GC_THRESHOLD`; both undone when the
    block is left, also when it raises. Nested blocks (or blocks in several threads) share one
    policy: the first to enter sets it, the last to leave restores it.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with article_gc():
    ...     gc.get_threshold()
    (20000, 20, 100)
    >>> gc.get_threshold() == before
    True

    ``freeze=False`` only raises the thresholds: the corpus engine's batches use it (their
    worker freezes its resources once, for good, and several batches may run in threads of one
    process, so the thresholds are restored by the last batch to leave). Leaving the last
    freezing block unfreezes everything frozen, also what another part of the process froze
    before; that costs only speed.
    """
    global _active, _freezers, _saved
    with _lock:
        if not _active:
            _saved = gc.get_threshold()
            gc.set_threshold(*ARTICLE_GC_THRESHOLD)
        _active += 1
        if freeze:
            if not _freezers:
                gc.freeze()
            _freezers += 1
    try:
        yield
    finally:
        with _lock:
            if freeze:
                _freezers -= 1
                if not _freezers:
                    gc.unfreeze()
            _active -= 1
            if not _active:
                gc.set_threshold(*_saved)
