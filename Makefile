# The README's two commands: `make demo` and `make test`. Each creates .venv when missing and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
SCENARIO ?= dingxi_qingdao_2023
OUT ?= out/$(SCENARIO)
LANG_PACK ?= zh

.PHONY: demo test lint floors lab bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/labor-transfer pack $(SCENARIO) --out $(OUT)$(if $(filter-out zh,$(LANG_PACK)),_$(LANG_PACK)) --lang $(LANG_PACK)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest
	$(MAKE) floors

# The declared floors, installed exactly (.ci/floors.py reads them from pyproject.toml), must plan and simulate tiny.
FLOORS := .venv-floors
floors:
	rm -rf $(FLOORS) out/floors
	$(PYTHON) -m venv $(FLOORS)
	$(PYTHON) .ci/floors.py > $(FLOORS)/floors.txt
	$(FLOORS)/bin/python -m pip install --quiet -r $(FLOORS)/floors.txt
	$(FLOORS)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(FLOORS)/bin/labor-transfer plan tiny --out out/floors/plan
	$(FLOORS)/bin/labor-transfer simulate tiny --replications 5 --out out/floors/sim
	@echo "floors ok: $$(tr '\n' ' ' < $(FLOORS)/floors.txt)"

lint: $(STAMP)
	$(BIN)/ruff check .

# JupyterLab in Chinese (its zh-CN language pack, a default in the settings overrides); `make lab LAB_LOCALE=en` for
# English. The overrides are defaults only: a locale chosen in JupyterLab's own menu (Settings > Language) wins.
# Run as root (a container), JupyterLab refuses to start without --allow-root: it is added only then.
LAB_LOCALE ?= zh_CN
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	mkdir -p $(LAB_SETTINGS)
	printf '{"@jupyterlab/translation-extension:plugin": {"locale": "%s"}}\n' "$(LAB_LOCALE)" \
		> $(LAB_SETTINGS)/overrides.json
	$(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/placement.py
	$(BIN)/python benchmarks/simulation.py
	$(BIN)/python benchmarks/routing.py ../shared/benchmarks/cvrplib/A --time-limit 10

clean:
	rm -rf $(VENV) $(FLOORS) out .pytest_cache .ruff_cache
