# Soigner les soignants — the commands a contributor and CI run. Each target sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve build test lint links bench clean

# Serve the site at http://127.0.0.1:8000, rebuilding on every change.
serve: $(VENV)/.site
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

# Build the site into site/ (strict: a broken link fails). Under a subpath: SITE_URL=https://example.org/urps/ make build
build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

# The whole test suite: content check, build, links, search, and real-browser tests (Chromium).
test: $(VENV)/.test
	bash scripts/ensure_chromium.sh
	$(BIN)/python scripts/lint.py
	$(BIN)/python -m pytest

# Only the content check (fast): make lint, or python scripts/lint.py docs/fiches/soignant/x.md
lint: $(VENV)/.site
	$(BIN)/python scripts/lint.py

# Check every link of the built site (add --external for links to other sites; needs the network).
links: build
	$(BIN)/python scripts/check_links.py

clean:
	rm -rf site $(VENV) .pytest_cache test-artifacts

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site: $(VENV)/bin/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.test: $(VENV)/.site
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@
