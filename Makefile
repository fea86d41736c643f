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

test: $(VENV)
	$(BIN)/pytest -q

lint: $(VENV)
	$(BIN)/ruff check src tests bench

bench: $(VENV)
	$(BIN)/python -m bench

clean:
	rm -rf build
