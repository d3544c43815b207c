"""The site's configuration is checked before a generator reads it (soignants/lint/config_checks.py).

MkDocs reads mkdocs.yml with PyYAML's full loader: a `!!python/object/apply:…` tag runs its code
while the file is being read, before MkDocs validates anything and before any hook of ours is
called (`on_startup` and `on_config` come after the loading; so does the import of the hooks
listed in the file). The only safe moment is before MkDocs starts. So:

- `make build`, `make serve`, `make prerender` (and the preview and CI through them) run the
  content check on mkdocs.yml first: its safe loader refuses the tag, nothing is executed;
- `prerender.load_config` (the pre-rendered copy for other generators) runs this guard first;
- the hook runs it again from `on_config` (through `prerender.prepare`): a bare `mkdocs build`
  or a `mkdocs serve` that reloads a changed mkdocs.yml still stops, in French, on every other
  refusal; a python tag in it has, by then, already been executed by MkDocs.

What remains possible, and what covers it: someone who runs `mkdocs` by hand on a proposal they
have not read runs its code, as they would by running its tests or its Makefile. CI's checks run
the proposal's code by design (its tests are code) with a read-only token and no secret; the
preview builds from the base branch's code (23B); publishing happens from main only, after the
technical maintainers approved every change to mkdocs.yml, overrides/, soignants/, scripts/,
tests/ and the Makefile (CODEOWNERS).
"""

from __future__ import annotations

from pathlib import Path

from ..lint.config_checks import check_config
from ..lint.report import display_path
from .build_errors import ContentError


def config_problems(config_file, root=None) -> list:
    """The content check's errors on the configuration file (French `fichier:ligne` problems)."""
    path = Path(config_file).resolve()
    shown = display_path(path, Path(root).resolve() if root else path.parent)
    return [p for p in check_config(path, shown) if p.is_error]


def stop_on_config_errors(config_file, root=None) -> None:
    """Stop with the content check's French lines when the configuration is refused."""
    problems = config_problems(config_file, root)
    if problems:
        raise ContentError(problems)
