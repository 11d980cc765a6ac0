# Two entry points for a fresh machine: `make demo` (set up, clean a sample) and `make test` (set up, lint, type-check, run the tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench

$(STAMP): pyproject.toml setup.py src/cleaner/extract/_walk.pyx src/cleaner/extract/_counts.pyx src/cleaner/shared/_marked.pyx src/cleaner/shared/_trees.pyx src/cleaner/shared/_nodes.pxd
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip  # old pips mis-resolve lxml extras
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench,all]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cleaner clean samples/text/001_a77e6b3b274e4f02.txt --format md
	$(BIN)/cleaner clean samples/html -o out/samples --format json --audit

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples
	$(BIN)/mypy
	$(BIN)/python -m pytest -rs

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --corpus ../shared/datasets/wcxb-dev ../shared/datasets/dragnet \
		../shared/datasets/l3s-gn1 --systems cleaner,cleaner-precision,cleaner-recall,trafilatura,readability \
		--mode html --out-md docs/benchmarks.md --chart docs/benchmarks.png
