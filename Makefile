# One command to set up and build, one to test; both create the venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: plans test lint bench clean

$(VENV): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)

plans: $(VENV)
	$(BIN)/plandoc build inputs --out build
	$(BIN)/plandoc bauta build inputs/bauta --out build/bauta

test: $(VENV)
	$(BIN)/pytest -q -n auto

lint: $(VENV)
	$(BIN)/ruff check src tests bench

# The benchmark needs pandoc (pypandoc-binary); LibreOffice is used where installed.
bench: $(VENV)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench

clean:
	rm -rf build
