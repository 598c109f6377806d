# Every target sets up .venv from pyproject.toml first (Python 3.11, pip and venv are all it needs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install figures test lint lab bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name news-analysis --display-name "news-analysis (.venv)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

## Main job: regenerate every figure, results.json and report.md from data/
figures: $(STAMP)
	$(BIN)/python -m analysis figures

## Test suite (unit, doctest, notebooks, freshness of committed figures) and lint
test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check .

lint: $(STAMP)
	$(BIN)/ruff check .

## JupyterLab on notebooks/ with the project's kernel; jupyter_server_config.py strips outputs
## from notebooks when Lab saves them. Jupyter refuses to start as root (common in containers)
## unless given --allow-root, so the flag is added only when `id -u` is 0: other users keep
## Jupyter's safety check.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(STAMP)
	$(BIN)/jupyter lab --config=jupyter_server_config.py $(ALLOW_ROOT) notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
