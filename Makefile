# rasd: `make run` extracts the bundled sample; `make test` runs the checks. Both install
# what they need into .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out

.PHONY: install run test lint format clean fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# the web page's front-end packages (package.json / package-lock.json), served at /vendor/
.PHONY: node_modules
node_modules: node_modules/.package-lock.json

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

run: $(STAMP) node_modules
	mkdir -p $(OUT)
	$(BIN)/rasd extract samples/articles.jsonl --format jsonl --output $(OUT)/reports.jsonl --summary
	rm -f $(OUT)/rasd.db $(OUT)/rasd.db-wal $(OUT)/rasd.db-shm
	$(BIN)/rasd ingest samples --db $(OUT)/rasd.db
	$(BIN)/rasd process --db $(OUT)/rasd.db
	$(BIN)/rasd query --db $(OUT)/rasd.db --what incidents --min-sources 2
	@echo "reports: $(OUT)/reports.jsonl   database: $(OUT)/rasd.db (rasd query/export --db $(OUT)/rasd.db)"
	$(BIN)/rasd serve --db $(OUT)/rasd.db

test: $(STAMP) node_modules
	$(BIN)/ruff check src tests
	bash scripts/install-browser.sh
	$(BIN)/python -m pytest

FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -m pip install -q 'atheris>=2.3'
	mkdir -p test-artifacts/fuzz
	cd test-artifacts/fuzz && ../../$(BIN)/python ../../fuzz/fuzz_extract.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: $(STAMP)
	$(BIN)/ruff format src tests

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache

# benchmarks (docs/benchmarks.md): about 10-15 minutes on 2 cores; `make bench BENCH_ARGS=--quick` for a smoke run
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)
