# eventwire — every target sets up .venv itself when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= eventwire.duckdb

.PHONY: setup demo test lint typecheck validate bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire run samples/ --db $(DB) --date 2023-04-04
	$(BIN)/eventwire show --db $(DB) --limit 40

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src

validate: $(STAMP)
	$(BIN)/eventwire dict validate

# pytest exits 5 when it collected no test: that is a failure of the suite here, said clearly.
test: $(STAMP) lint typecheck validate
	$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

eval: $(STAMP)
	@if [ -d ../shared/gold ]; then \
		$(BIN)/eventwire eval --floors eval/floors.json; \
	else echo "../shared not found: no gold data, eval skipped"; fi

bench: $(STAMP)
	$(BIN)/python bench/run.py --out bench/results.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DB)
