# Soigner les soignants — the commands a contributor and CI run. Each target sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve build test lint links bench clean fiche recherche etat codeowners

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

# Only the content check (fast): make lint, or make lint FICHIER=docs/fiches/soignant/x.md
# (add OPTIONS=--tout to be told about every stale contact and review, as the weekly job is)
lint: $(VENV)/.site
	$(BIN)/python scripts/lint.py $(FICHIER) $(OPTIONS)

# A new fiche from the model: make fiche TITRE="Le congé maternité" PARTIE=cabinet [AUTEUR="Dr …"]
fiche: $(VENV)/.site
	@test -n "$(TITRE)" -a -n "$(PARTIE)" || { echo 'make fiche : donnez le titre et la partie, ex. make fiche TITRE="Le congé maternité" PARTIE=cabinet' >&2; exit 2; }
	$(BIN)/python scripts/new_fiche.py "$(TITRE)" --partie "$(PARTIE)" $(if $(AUTEUR),--auteur "$(AUTEUR)")

# How a query ranks in the site's search (builds the site first): make recherche Q="je n'en peux plus"
recherche: build
	@test -n "$(Q)" || { echo 'make recherche : donnez la requête, ex. make recherche Q="medecin traitant"' >&2; exit 2; }
	$(BIN)/python scripts/search.py "$(Q)"

# The editorial dashboard in the terminal (make etat CSV=1 for a spreadsheet, on the standard output)
etat: $(VENV)/.site
	$(BIN)/python scripts/etat.py $(if $(CSV),--csv)

# Rewrite .github/CODEOWNERS and .gitlab/CODEOWNERS from data/comite.yml (exits 1 when it changed them)
codeowners: $(VENV)/.site
	$(BIN)/python scripts/codeowners.py

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
