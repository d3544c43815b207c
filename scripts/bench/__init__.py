"""The benchmark of « Soigner les soignants » (entry point: scripts/bench.py).

Timing code only: nothing here runs as a timing assertion in the test suite.
"""

from pathlib import Path
import os
import sys

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CACHE = ROOT / ".cache"
ZENSICAL = CACHE / "zensical-venv" / "bin" / "zensical"
LIGHTHOUSE = CACHE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
# Environment of every child process: quiet MkDocs, no colours.
CHILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", PYTHONUNBUFFERED="1")
