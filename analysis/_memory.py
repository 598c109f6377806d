"""Handing freed memory back to the system after a long article's large temporaries."""

from __future__ import annotations

import ctypes


def release_freed_memory() -> None:
    """Give memory already freed back to the system: pyarrow's pool and glibc's heap keep
    freed blocks for reuse, so after building a long article's table from large temporaries
    the process would otherwise carry them as resident memory. Nothing live is touched.

    >>> release_freed_memory()  # safe to call at any time, on any platform
    """
    import sys

    pa = sys.modules.get("pyarrow")  # only when pyarrow is in use already
    if pa is not None:
        pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
