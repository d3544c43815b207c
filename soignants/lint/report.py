"""What the content check reports: problems, their one-line form and the final summary.

Codes are stable (editors, CI logs and the contributors' guide refer to them); messages are in
French because an editor reads them.
"""

from dataclasses import dataclass
from pathlib import Path

ERROR = "erreur"
WARNING = "avertissement"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, POSIX separators
    line: int  # 1-based line in the file
    code: str
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        prefix = "avertissement : " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message} ({self.code})"


def display_path(path: Path, root: Path) -> str:
    """Path as an editor sees it: relative to the project root when inside it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _count(n: int, singular: str, plural: str, none: str) -> str:
    if n == 0:
        return none
    return f"{n} {singular if n == 1 else plural}"


def summary(problems: list[Problem], files: int, strict: bool = False) -> str:
    """« 2 erreurs, 1 avertissement dans 31 fichiers »."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    where = f"dans {_count(files, 'fichier', 'fichiers', '0 fichier')}"
    if not problems:
        return f"aucun problème {where}"
    text = (f"{_count(errors, 'erreur', 'erreurs', 'aucune erreur')}, "
            f"{_count(warnings, 'avertissement', 'avertissements', 'aucun avertissement')}")
    if strict and warnings:
        text += " (comptés comme erreurs avec --strict)" if warnings > 1 else " (compté comme erreur avec --strict)"
    return f"{text} {where}"


def failed(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.is_error or strict for p in problems)
