# Khobor Lens: `make run` starts the dashboard on the bundled sample, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements

.PHONY: run test bench venv clean

venv: $(STAMP)

# Re-install only when requirements.txt changes; the stamp records the last good install.
$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

run: venv
	$(BIN)/streamlit run app.py

test: venv
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) .cache .pytest_cache
