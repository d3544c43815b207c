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

`mkdocs build` runs the check in a second process (`BackgroundCheck`) while MkDocs reads and
renders the pages (on two cores, its time is hidden); the hook waits for it before the first file
is written. A refused `mkdocs build` leaves its site folder empty (MkDocs has cleaned it), never a
half-written site; `mkdocs serve` runs the check in line, for its error page.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
import json
import os
from pathlib import Path
import subprocess
import sys

from ..lint import Project, run, summary
from ..lint.report import Problem

HEADER = "La construction du site s'arrête : le contenu a des erreurs (les mêmes que « make lint ») :"
FOOTER = ("Corrigez-les puis enregistrez : le site se reconstruit de lui-même sous « make serve » "
          "(en attendant, il garde la dernière version correcte).")
CODE_ROOT = Path(__file__).resolve().parents[2]  # where the `soignants` package is
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
    return _warnings_or_stop(*_problems_and_files(docs_dir, root, today))


def _warnings_or_stop(problems: list[Problem], files: int) -> list[Problem]:
    if any(p.is_error for p in problems):
        raise ContentError(problems, files)
    return problems


def _problems_and_files(docs_dir: str, root: str, today: date | None) -> tuple[list[Problem], int]:
    result = run(project_for(docs_dir, root, today))
    return result.problems, result.files


class BackgroundCheck:
    """The whole content check, run by another Python process (nothing of the build is shared
    with it) while the build goes on. `result()` waits for it, then returns its warnings or raises
    ContentError, exactly as check_content() would have; `cancel()` ends it."""

    def __init__(self, docs_dir, root, today: date | None = None):
        day = (today or date.today()).isoformat()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(CODE_ROOT), os.environ.get("PYTHONPATH")])))
        self._process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from soignants.pipeline.build_errors import _report; _report(*sys.argv[1:])",
             str(docs_dir), str(root), day], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def result(self) -> list[Problem]:
        out, err = self._process.communicate()
        if self._process.returncode != 0:  # a fault of our code, not of the content: show it whole
            raise RuntimeError("le contrôle du contenu n'a pas pu s'exécuter :\n" + err.decode("utf-8", "replace"))
        found = json.loads(out.decode("utf-8"))
        return _warnings_or_stop([Problem(**problem) for problem in found["problems"]], found["files"])

    def cancel(self) -> None:
        self._process.kill()
        self._process.communicate()


def _report(docs_dir: str, root: str, day: str) -> None:
    """BackgroundCheck's process: the check's problems, as JSON on the standard output."""
    problems, files = _problems_and_files(docs_dir, root, date.fromisoformat(day))
    sys.stdout.buffer.write(json.dumps({"problems": [asdict(p) for p in problems], "files": files}).encode("utf-8"))


def warnings_text(warnings: list[Problem]) -> str:
    """The warnings as the terminal shows them once per build ("" when there are none)."""
    if not warnings:
        return ""
    return "\n".join([WARNINGS_HEADER, *(p.format() for p in warnings)])

