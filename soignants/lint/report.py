"""What the content check reports: problems, their one-line form and the final summary.

Codes are stable (editors, CI logs and the contributors' guide refer to them); messages are in
French because an editor reads them.
"""

from dataclasses import dataclass
import hashlib
import json
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


# --- Reports for CI: the same problems, in the form a forge reads -----------------------------

def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: the problem shown on its line in « Files changed »."""
    kind = "error" if problem.is_error else "warning"
    return (f"::{kind} file={_escape_property(problem.path)},line={problem.line},"
            f"title=Contrôle du contenu::{_escape_data(f'{problem.message} ({problem.code})')}")


def codeclimate(problems: list[Problem]) -> str:
    """The Code Climate JSON that GitLab reads as a code-quality report (artifacts:reports:codequality).

    The fingerprint does not depend on the line, so a problem that only moved is not reported
    as new; two identical problems in one file get distinct fingerprints.
    """
    seen: dict[str, int] = {}
    issues = []
    for problem in problems:
        key = f"{problem.path}\0{problem.code}\0{problem.message}"
        seen[key] = seen.get(key, 0) + 1
        issues.append({
            "type": "issue",
            "check_name": problem.code,
            "description": f"{problem.message} ({problem.code})",
            "categories": ["Style"],
            "severity": "major" if problem.is_error else "minor",
            "fingerprint": hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8")).hexdigest(),
            "location": {"path": problem.path, "lines": {"begin": problem.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2)
