"""Turning tables into JSON-ready records, and JSON text, the same way everywhere.

>>> import pandas as pd
>>> dumps(records(pd.DataFrame({"a": [1.5, float("nan")]})))
'[\\n  {\\n    "a": 1.5\\n  },\\n  {\\n    "a": null\\n  }\\n]'
"""

from __future__ import annotations

import io
import json
import math

import pandas as pd


def clean(obj):
    """Plain Python values: numpy scalars unwrapped, NaN and infinities → None.

    >>> import numpy as np
    >>> clean({"a": np.int64(3), "b": float("nan")})
    {'a': 3, 'b': None}
    """
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else obj
    if isinstance(obj, dict):  # copied only where something changes (large outputs)
        out = None
        for k, v in obj.items():
            c = clean(v)
            if c is not v:
                if out is None:
                    out = dict(obj)
                out[k] = c
        return obj if out is None else out
    if isinstance(obj, list):
        out = None
        for i, v in enumerate(obj):
            c = clean(v)
            if c is not v:
                if out is None:
                    out = list(obj)
                out[i] = c
        return obj if out is None else out
    if isinstance(obj, tuple):
        return [clean(v) for v in obj]
    if obj is pd.NA or obj is pd.NaT:
        return None
    if hasattr(obj, "item") and not isinstance(obj, str):
        return clean(obj.item())
    return obj


def records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain dicts (NaN/NA → None).

    >>> import pandas as pd
    >>> records(pd.DataFrame({"x": [1, None]}))
    [{'x': 1.0}, {'x': None}]
    """
    return clean(df.astype(object).where(df.notna(), None).to_dict(orient="records"))


def dumps(obj) -> str:
    """JSON text as every command and results.json write it (UTF-8, sorted keys, 2 spaces).

    >>> dumps({"b": 1, "a": float("inf")})
    '{\\n  "a": null,\\n  "b": 1\\n}'
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    out = io.StringIO()  # written piece by piece: json.dumps keeps every piece in one list
    for chunk in encoder.iterencode(clean(obj)):
        out.write(chunk)
    return out.getvalue()
