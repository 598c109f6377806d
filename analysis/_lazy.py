"""Heavy libraries imported on first use, so that a command loads only what it needs.

``from analysis._lazy import pd`` gives a stand-in for ``pandas`` that imports it the first time
an attribute is read (``pd.DataFrame``): ``quotes FILE`` never needs pandas and starts in about
half the time. Type annotations (``-> pd.DataFrame``) are never evaluated (``from __future__
import annotations``), so they do not import it either.

>>> import sys
>>> from analysis._lazy import LazyModule
>>> json_module = LazyModule("json")
>>> json_module.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib


class LazyModule:
    """A module imported when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self.__dict__["_name"] = name
        self.__dict__["_module"] = None

    def __getattr__(self, attr: str):
        module = self.__dict__["_module"]
        if module is None:
            module = importlib.import_module(self.__dict__["_name"])
            self.__dict__["_module"] = module
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self.__dict__['_name']!r}>"


pd = LazyModule("pandas")
