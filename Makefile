# Soigner les soignants — the commands a contributor and CI run. Each target sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What a contributor reads is French: no end-of-life notice of the theme (English) on each build,
# no version banner from pip, no setuptools notice on the editable install (soignants/pipeline/build_log.py
# puts the generator's own lines in French).
export NO_MKDOCS_2_WARNING := 1
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: serve build test test-rapide lint links bench clean lock audit fiche recherche etat codeowners prerender \
        build-zensical editions edition

# A regional edition (editions/CODE.yml; docs/a-propos/heberger.md): make build EDITION=normandie
# builds site-normandie/ (or SITE_DIR=…); without EDITION, the national site in site/.
EDITION  ?=
SITE_DIR ?= $(if $(EDITION),site-$(EDITION),site)
EDITIONS := $(sort $(basename $(notdir $(wildcard editions/*.yml))))

# Our modules compiled once, as pip compiles the packages it installs: where PYTHONDONTWRITEBYTECODE
# is set (as in the image this project is checked on), each of the suite's builds and checks
# compiled them again, about 0.3 s of CPU for the content check alone (7 December 2026). Only
# what changed is compiled.
COMPILE = $(BIN)/python -m compileall -q soignants overrides/hooks scripts

# Serve the site at http://127.0.0.1:8000, rebuilding on every change.
# (build and serve first check mkdocs.yml with the content check: MkDocs would run a !!python tag
# while reading it, before any hook; soignants/pipeline/config_guard.py)
serve: $(VENV)/.site
	$(BIN)/python scripts/lint.py mkdocs.yml
	EDITION="$(EDITION)" $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Build the site into site/ (strict: a broken link fails), then check what every page must have
# (help strip numbers, no raw marker, nothing from another host, cleaned content, CSP):
# scripts/check_built_site.py. Under a subpath: SITE_URL=https://example.org/urps/ make build
build: $(VENV)/.site
	$(COMPILE)
	$(BIN)/python scripts/lint.py mkdocs.yml
	EDITION="$(EDITION)" $(BIN)/mkdocs build --strict --site-dir "$(SITE_DIR)"
	EDITION="$(EDITION)" $(BIN)/python scripts/check_built_site.py "$(SITE_DIR)" --csp

# Every edition: the national site in site/, then each of editions/ in site-CODE/.
editions: $(VENV)/.site
	@for code in "" $(EDITIONS); do \
	  $(MAKE) --no-print-directory build EDITION="$$code" SITE_DIR="$$(test -n "$$code" && echo "site-$$code" || echo site)" || exit 1; \
	done

# A new regional edition, as a draft to fill in: make edition CODE=bretagne NOM="URPS ML Bretagne" REGION=53
edition: $(VENV)/.site
	@test -n "$(CODE)" -a -n "$(NOM)" -a -n "$(REGION)" || { echo 'make edition : donnez le code, le nom de l'"'"'hébergeur et la région, ex. make edition CODE=bretagne NOM="URPS Médecins libéraux de Bretagne" REGION=53' >&2; exit 2; }
	$(BIN)/python scripts/new_edition.py "$(CODE)" --nom "$(NOM)" --region "$(REGION)"

# A generator-ready copy of the project in prerendu/ (markers expanded, menu completed, no hook):
# soignants/pipeline/prerender.py, the same code the MkDocs hook runs. make prerender PRERENDU=/tmp/x
PRERENDU ?= prerendu
prerender: $(VENV)/.site
	$(BIN)/python scripts/prerender.py $(PRERENDU)

# Experimental, not the default: the French edition built by Zensical from the pre-rendered copy,
# strict, then the same essentials check (sub-path links too). Zensical runs in its own
# virtualenv from its own lock (requirements/zensical.in says why 0.0.73).
# What still differs from the MkDocs build: docs/a-propos/generateurs.md.
# Built for SITE_URL, by default under a sub-path, so that the check sees a link leaving it.
ZVENV := .cache/zensical-venv
ZENSICAL_URL = $(or $(SITE_URL),http://127.0.0.1:8000/sous-chemin/)
build-zensical: $(VENV)/.site $(ZVENV)/.installed
	SITE_URL="$(ZENSICAL_URL)" $(BIN)/python scripts/prerender.py $(PRERENDU)
	cd $(PRERENDU) && PYTHONPATH="$(CURDIR)" "$(CURDIR)/$(ZVENV)/bin/zensical" build --clean --strict -f mkdocs.yml
	$(BIN)/python scripts/check_built_site.py $(PRERENDU)/site --adresse "$(ZENSICAL_URL)"

$(ZVENV)/.installed: requirements/zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install $(PIP_QUIET) --require-hashes -r requirements/zensical.txt
	touch $@

# The whole test suite: content check, build, links, search, and real-browser tests (Chromium),
# in parallel (pytest-xdist): TESTS_EN_PARALLELE workers, each with its own build and Chromium.
# Most of a browser test is waiting for the page, so more workers than cores pays: on 2 cores,
# 4 workers ran the suite in 17 min 46 s where 2 had done 18 % after 8 min (6 December 2026,
# docs/a-propos/performances.md). TESTS_EN_PARALLELE=0 runs it in one process. The 15 slowest
# tests are listed at the end.
TESTS_EN_PARALLELE ?= 4
test: $(VENV)/.test
	bash scripts/ensure_chromium.sh
	$(COMPILE)
	$(BIN)/python scripts/lint.py
	$(BIN)/python -m pytest -n $(TESTS_EN_PARALLELE) --dist loadgroup --durations=15

# The content check and the tests that build nothing and open no browser (about a minute): enough
# for a change of content or of a rule's message; `make test` before a change of code.
test-rapide: $(VENV)/.test
	$(COMPILE)
	$(BIN)/python scripts/lint.py
	$(BIN)/python -m pytest -m "not lent" -n $(TESTS_EN_PARALLELE) --dist loadgroup

# Only the content check (fast): make lint, or make lint FICHIER=docs/fiches/soignant/x.md
# (add OPTIONS=--tout to be told about every stale contact and review, as the weekly job is)
lint: $(VENV)/.site
	$(BIN)/python scripts/lint.py $(FICHIER) $(OPTIONS)

# A new fiche from the model: make fiche TITRE="Le congé maternité" PARTIE=cabinet [AUTEUR="Dr …"]
fiche: $(VENV)/.site
	@test -n "$(TITRE)" -a -n "$(PARTIE)" || { echo 'make fiche : donnez le titre et la partie, ex. make fiche TITRE="Le congé maternité" PARTIE=cabinet' >&2; exit 2; }
	$(BIN)/python scripts/new_fiche.py "$(TITRE)" --partie "$(PARTIE)" $(if $(AUTEUR),--auteur "$(AUTEUR)")

# How a query ranks in the site's search (builds the site first): make recherche Q="je n'en peux plus"
recherche: build $(VENV)/.test
	@test -n "$(Q)" || { echo 'make recherche : donnez la requête, ex. make recherche Q="medecin traitant"' >&2; exit 2; }
	bash scripts/ensure_chromium.sh
	$(BIN)/python scripts/search.py "$(Q)"

# The editorial dashboard in the terminal (make etat CSV=1 for a spreadsheet, on the standard output)
etat: $(VENV)/.site
	$(BIN)/python scripts/etat.py $(if $(CSV),--csv)

# Rewrite .github/CODEOWNERS and .gitlab/CODEOWNERS from data/comite.yml. The script exits 1 when
# it changed them (for CI, which runs it with --check); here, rewriting them is what was asked.
codeowners: $(VENV)/.site
	@$(BIN)/python scripts/codeowners.py || test $$? -eq 1

# Check every link of the built site (add --external for links to other sites; needs the network).
links: build
	$(BIN)/python scripts/check_links.py

clean:
	rm -rf site site-* $(VENV) $(VENV)-audit .pytest_cache test-artifacts prerendu

# Everything is installed from hashed locks (requirements/*.txt, pip and setuptools included):
# a package whose file does not match its hash is refused. Then the project itself, without
# looking anything up (setuptools comes from the lock).
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: $(VENV)/bin/python requirements/site.txt pyproject.toml
	$(BIN)/python -m pip install $(PIP_QUIET) --require-hashes -r requirements/site.txt
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install $(PIP_QUIET) --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(BIN)/python -m pip install $(PIP_QUIET) --require-hashes -r requirements/test.txt
	touch $@

# Rewrite the locks after a change of version in constraints.txt or pyproject.toml (needs the
# package registry); commit constraints.txt and requirements/ together.
UV_VERSION := 0.13.9
UV_COMPILE  = $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
              --constraint constraints.txt --custom-compile-command "make lock"
lock: $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) pyproject.toml requirements/install-tools.in -o requirements/site.txt
	$(UV_COMPILE) pyproject.toml --extra test requirements/install-tools.in -o requirements/test.txt
	$(UV_COMPILE) requirements/audit.in -o requirements/audit.txt
	$(UV_COMPILE) requirements/zensical.in -o requirements/zensical.txt

# Known vulnerabilities in the locked packages (needs the network). A report: CI's weekly job
# shows it and never fails on it.
audit:
	$(PYTHON) -m venv $(VENV)-audit
	$(VENV)-audit/bin/python -m pip install --quiet --require-hashes -r requirements/audit.txt
	$(VENV)-audit/bin/pip-audit --disable-pip --require-hashes -r requirements/test.txt -r requirements/audit.txt
