# One command to set up and build, one to test; both create the venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: plans test lint bench clean constraints

# Installed from constraints.txt: the exact versions the tests pass with (plandoc promises
# byte-identical output, and its manifest keys on library versions).
$(VENV): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(VENV)

plans: $(VENV)
	$(BIN)/plandoc build inputs --out build
	$(BIN)/plandoc bauta build inputs/bauta --out build/bauta

test: $(VENV)
	$(BIN)/pytest -q -n auto

# ruff, the layer contracts (.importlinter; imports inside functions count too) and mypy
# with the pydantic plugin ([tool.mypy] in pyproject.toml).
lint: $(VENV)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

# The benchmark needs pandoc (pypandoc-binary); LibreOffice is used where installed.
# `make bench BENCH_ARGS=--quick` is a smoke test (tiny corpus, its report in build/).
bench: $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

# Refresh constraints.txt from the working venv after changing a dependency: upgrade in
# .venv (pip install -U …), run make lint test, then make constraints and review the diff.
# Every extra is installed first, so that each optional dependency gets its pin too.
constraints: $(VENV)
	$(BIN)/pip install --quiet -e '.[dev,postgres,bench]'
	{ echo '# Exact versions plandoc is tested with: pip install -c constraints.txt -e ".[dev]".'; \
	  echo '# Regenerate with `make constraints` (pip freeze of .venv, without pip and plandoc).'; \
	  $(BIN)/pip freeze --all --exclude-editable | grep -v -i -E '^(pip|plandoc)=='; } > constraints.txt
	touch $(VENV)

clean:
	rm -rf build
