"""Our own logic for the « Soigner les soignants » site, in plain Python.

Everything here works on the Markdown sources, the data files and the built HTML, so that it
survives a change of static-site generator; the MkDocs layer (overrides/hooks) only calls it.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
DATA_DIR = PROJECT_ROOT / "data"
SCHEMAS_DIR = Path(__file__).resolve().parent / "model" / "schemas"
