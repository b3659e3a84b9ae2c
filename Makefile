# The README's two commands: `make demo` and `make test`. Each creates .venv when missing and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
SCENARIO ?= dingxi_qingdao_2023
OUT ?= out/$(SCENARIO)
LANG_PACK ?= zh

.PHONY: demo test lint lab bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/labor-transfer pack $(SCENARIO) --out $(OUT) --lang $(LANG_PACK)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/placement.py
	$(BIN)/python benchmarks/simulation.py
	$(BIN)/python benchmarks/routing.py ../shared/benchmarks/cvrplib/A --time-limit 10

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
