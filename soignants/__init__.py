"""Our own logic for the « Soigner les soignants » site, in plain Python.

Everything here works on the Markdown sources, the data files and the built HTML, so that it
survives a change of static-site generator; the MkDocs layer (overrides/hooks) only calls it.

Layers, each importing only the ones below it (import-linter contracts in pyproject.toml,
checked by tests/test_layers.py; no import cycle):

- tools/   helpers of the command lines in scripts/ (French arguments, relaunch in the venv,
           new fiche, preview, dashboard); may import everything, imported by nothing here.
- pipeline/ what runs around a generator: pre-rendering, menu, search index, open data, CSP,
           build errors, template cache.
- lint/    checks of the sources (scripts/lint.py);   | siblings, never importing each other
  checks/  checks of a built site (essentials, links). |
- render/  markers and data-driven pages to Markdown, escaping, sanitising, English links.
- model/   reading and validating content and data: front matter, data/ files, JSON schemas.

This file holds only the project's paths, which every layer may import.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
DATA_DIR = PROJECT_ROOT / "data"
SCHEMAS_DIR = Path(__file__).resolve().parent / "model" / "schemas"
# The site's own scripts, style sheets and icons: code, owned by the technical maintainers
# (CODEOWNERS), outside docs/ where proposals write content. Material copies them into the site
# from its custom_dir, at the same addresses (assets/…).
OWN_ASSETS_DIR = PROJECT_ROOT / "overrides" / "assets"
