# Everything runs inside .venv, built from the pinned requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WORKERS ?= 2  # pytest-xdist processes: the tests wait on real servers and processes, so two share the cores well
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test test-all lint types imports check bench clean

$(STAMP): requirements.lock pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## The main job on bundled demo data, no Slack credentials needed.
demo: $(STAMP)
	@$(BIN)/missing-report demo

## The tests, less those marked slow (real processes killed mid-way, whole demo runs): a quick loop.
test: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m "not slow"

## Every test, slow ones included: what `make check` runs.
test-all: $(STAMP)
	$(BIN)/pytest -n $(WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check digest bot tests bench
	$(BIN)/ruff format --check digest bot tests bench

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

## Lint, types, the core/edge import contract, then the tests: what CI runs.
check: lint types imports test-all

## Speed figures on a million synthetic episodes (not part of CI).
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data/demo .pytest_cache .mypy_cache .ruff_cache
