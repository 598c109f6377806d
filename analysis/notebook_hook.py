"""Keep committed notebooks output-free: a Jupyter ``ContentsManager.pre_save_hook``.

``jupyter_server_config.py`` at the project root installs :func:`pre_save_hook`, and ``make lab``
starts JupyterLab with that file, so whenever Lab saves a notebook (Ctrl+S, autosave, closing)
the file written to disk holds the cells' sources and tags only: no outputs, no execution counts,
no run-time cell metadata (``execution``, ``collapsed``, ``scrolled``…) and, in the notebook
metadata, only the kernel spec and the language name. Running a committed notebook in Lab and
saving it therefore leaves ``git status`` clean; the outputs live in the running session only.

>>> nb = {"cells": [{"cell_type": "code", "source": "1 + 1", "execution_count": 3,
...                  "metadata": {"tags": ["parameters"], "execution": {"a": 1}},
...                  "outputs": [{"output_type": "execute_result"}]}],
...       "metadata": {"kernelspec": {"name": "news-analysis"},
...                    "language_info": {"name": "python", "version": "3.11.2"}}}
>>> clean = strip_notebook(nb)
>>> cell = clean["cells"][0]
>>> cell["outputs"], cell["execution_count"], cell["metadata"]
([], None, {'tags': ['parameters']})
>>> clean["metadata"]
{'kernelspec': {'name': 'news-analysis'}, 'language_info': {'name': 'python'}}
"""

from __future__ import annotations

import copy

#: Cell metadata kept on save (everything else is written by running or viewing a notebook).
KEEP_CELL_METADATA = ("tags",)


def strip_notebook(nb: dict) -> dict:
    """A copy of a notebook (nbformat 4, as a dict) without outputs and run-time metadata.
    See the module docstring for an example."""
    out = copy.deepcopy(dict(nb))
    for cell in out.get("cells", []):
        meta = cell.get("metadata", {})
        cell["metadata"] = {k: meta[k] for k in KEEP_CELL_METADATA if k in meta}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    meta = out.get("metadata", {})
    kept = {}
    if "kernelspec" in meta:
        kept["kernelspec"] = meta["kernelspec"]
    if "language_info" in meta:
        kept["language_info"] = {"name": meta["language_info"].get("name", "python")}
    out["metadata"] = kept
    return out


def pre_save_hook(model: dict, **kwargs) -> None:
    """``FileContentsManager.pre_save_hook``: strip a notebook model in place before it is
    written (other files are left alone).

    >>> model = {"type": "notebook", "content": {"cells": [], "metadata": {"widgets": {}}}}
    >>> pre_save_hook(model, path="x.ipynb")
    >>> model["content"]["metadata"]
    {}
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    content = model["content"]
    clean = strip_notebook(content)
    content.clear()
    content.update(clean)
