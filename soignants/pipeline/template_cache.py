"""Where Material's compiled templates are kept between builds: the user's cache directory.

Jinja's bytecode cache runs what it finds (compiled Python code). Inside the checkout it would be
code that a proposal could add (`git add -f .cache/jinja/…`) and the build would execute; in the
user's cache directory, keyed by the versions of Jinja, Material and Python, it holds only what
this machine compiled. `SOIGNANTS_TEMPLATE_CACHE=0` turns it off.
"""

from __future__ import annotations

from importlib import metadata
import os
from pathlib import Path
import sys

import jinja2
import platformdirs


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "0"


def cache_directory() -> Path:
    key = "-".join((f"jinja{_version('Jinja2')}", f"material{_version('mkdocs-material')}",
                    f"py{sys.version_info.major}.{sys.version_info.minor}"))
    return Path(platformdirs.user_cache_dir("soigner-les-soignants", appauthor=False)) / "templates" / key


def bytecode_cache(project_root: Path | None = None) -> jinja2.BytecodeCache | None:
    """A cache outside the project (None when turned off, unwritable, or inside the project)."""
    if os.environ.get("SOIGNANTS_TEMPLATE_CACHE", "1") == "0":
        return None
    folder = cache_directory().resolve()
    root = (project_root or Path(__file__).resolve().parents[1]).resolve()
    if folder == root or root in folder.parents:
        return None  # e.g. XDG_CACHE_HOME pointed into the checkout
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
