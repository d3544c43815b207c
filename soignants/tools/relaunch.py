"""Let a script run without an activated virtualenv: `python scripts/x.py` just works.

Only the standard library here. When the project's dependencies are not importable by the
Python that runs the script, the script is started again with the project's own `.venv`
(created by `make`); without one, a French sentence says how to create it, not a traceback.
"""

import importlib.util
import os
from pathlib import Path
import sys

from .. import PROJECT_ROOT

NEEDED = ("yaml", "jsonschema", "markdown", "markupsafe")
_GUARD = "SOIGNANTS_RELANCE"


def _venv_python() -> Path | None:
    for candidate in (PROJECT_ROOT / ".venv" / "bin" / "python", PROJECT_ROOT / ".venv" / "Scripts" / "python.exe"):
        if candidate.exists():
            return candidate
    return None


def ensure_dependencies(modules=NEEDED) -> None:
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if not missing:
        return
    python = _venv_python()
    if python is not None and not os.environ.get(_GUARD) and Path(sys.executable) != python:
        os.environ[_GUARD] = "1"
        os.execv(str(python), [str(python), *sys.argv])
    script = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "ce script"
    sys.stderr.write(
        f"{script} : il manque des modules Python ({', '.join(missing)}) et l'environnement du projet "
        "(.venv) est absent ou incomplet.\n"
        "Installez-le une fois avec « make .venv/.site » (ou « make lint », qui l'installe et vérifie le "
        "contenu), depuis le dossier du projet ; il faut Python 3.11 ou plus récent.\n")
    raise SystemExit(2)
