"""Every path to a reader runs the content check: the very engine of scripts/lint.py.

Before a generator reads any page, `check_content()` runs `soignants.lint.run()` over the whole
project, exactly as `python scripts/lint.py` does: every rule registered in the engine, including
the ones added after this was written, with no list of rules kept here. The callers:
MkDocs' hook (on_config: `mkdocs build`, `make build`, `mkdocs serve`, `make serve`) and the
pre-render (`make prerender`, `make build-zensical`), through `prerender.prepare()`.

An error stops the build with the content check's own `fichier:ligne: message (code)` lines
(ContentError, a SystemExit: MkDocs prints its message and no traceback). Warnings are returned
for the caller to show once, in French; they never stop a build. Under `mkdocs serve`,
soignants/pipeline/serving.py shows the same lines in the browser and keeps the last good site
(the check runs before MkDocs cleans anything).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..lint import Project, run, summary
from ..lint.report import Problem

HEADER = "La construction du site s'arrête : le contenu a des erreurs (les mêmes que « make lint ») :"
FOOTER = ("Corrigez-les puis enregistrez : le site se reconstruit de lui-même sous « make serve » "
          "(en attendant, il garde la dernière version correcte).")
WARNINGS_HEADER = "Avertissements du contrôle du contenu (le site se construit quand même) :"


class ContentError(SystemExit):
    """Stops `mkdocs build` and `mkdocs serve` with a French message and no traceback (MkDocs'
    live-reload prints a SystemExit's message instead of a traceback)."""

    def __init__(self, problems: list[Problem], files: int = 0):
        self.problems = problems
        lines = [HEADER, *(p.format() for p in problems)]
        if files:
            lines.append(summary(problems, files))
        super().__init__("\n".join([*lines, FOOTER]))


def project_for(docs_dir, root, today: date | None = None) -> Project:
    """The project a build reads: laid out like ours under `root`, its pages in `docs_dir`."""
    project = Project.at(Path(root), today or date.today())
    return replace(project, docs_dir=Path(docs_dir))


def check_content(docs_dir, root, today: date | None = None) -> list[Problem]:
    """Run the whole content check; raise ContentError on any error, return the warnings."""
    result = run(project_for(docs_dir, root, today))
    errors = [p for p in result.problems if p.is_error]
    if errors:
        raise ContentError(result.problems, result.files)
    return result.problems


def warnings_text(warnings: list[Problem]) -> str:
    """The warnings as the terminal shows them once per build ("" when there are none)."""
    if not warnings:
        return ""
    return "\n".join([WARNINGS_HEADER, *(p.format() for p in warnings)])

