# Khobor Lens: `make run` starts the dashboard on the bundled sample, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
DEV_STAMP := $(VENV)/.installed-dev-requirements

.PHONY: run test bench loadtest eval venv clean

venv: $(STAMP)

# Re-install only when requirements.txt changes; the stamp records the last good install.
$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# jusText and trafilatura: only the benchmarks and the evaluation compare against them.
$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: venv
	$(BIN)/streamlit run app.py

test: venv
	$(BIN)/python -m pytest -q

bench: $(DEV_STAMP)
	$(BIN)/python -m tests.benchmarks

# The real server under 8 concurrent Chromium sessions, 10,000 generated articles against the sample.
loadtest: venv
	$(BIN)/python -m tests.loadtest

eval: $(DEV_STAMP)
	$(BIN)/python -m tests.evaluation

clean:
	rm -rf $(VENV) .cache .pytest_cache
