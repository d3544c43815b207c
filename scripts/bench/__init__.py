"""The benchmark of « Soigner les soignants » (entry point: scripts/bench.py).

Timing code only: nothing here runs as a timing assertion in the test suite.
"""

from pathlib import Path
import os
import sys

from soignants.tools.chromium import CHROMIUM_ARGS  # noqa: F401 - the same launch as the tests'

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CACHE = ROOT / ".cache"
ZENSICAL = CACHE / "zensical-venv" / "bin" / "zensical"
LIGHTHOUSE = CACHE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
# Environment of every child process: quiet MkDocs, no colours.
CHILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", PYTHONUNBUFFERED="1")
