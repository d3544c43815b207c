"""Content errors stop the build with the content check's own French lines, not a traceback.

Before MkDocs reads any page (the hook's `on_config`), every page under docs/ is read the way
scripts/lint.py reads it: unreadable files, front matter that is not valid YAML (a tab, an
unquoted colon, an unclosed quote), file names that cannot be addresses, and markers naming
nothing; every other file is checked as content (a type docs/ accepts, an SVG that passes the
allowlist, no symbolic link under docs/ or data/). Any such problem stops the build with the same `fichier:ligne: message (code)` lines.
Under `mkdocs serve`, stopping there leaves the last good site in place: the reader's browser
keeps it, and the terminal shows what to fix.

Kept fast for big sites: the front matter is parsed with libyaml first, and only a page that
fails is read again by the content check, for the line and the message.
"""

from __future__ import annotations

from pathlib import Path
import sys

from ..model.frontmatter import FRONT_MATTER
from ..lint.assets import asset_problems, symlink_problem
from ..lint.file_names import file_name_problems
from ..lint.runner import symlinks, walk_without_links
from ..lint.front_matter import read_front_matter
from ..lint.markdown_text import blank
from ..lint.markers import marker_problems
from ..lint.project import Context, Project, page_kind
from ..lint.reading import read_text
from ..lint.report import Problem
from ..model.yamlfile import load_yaml_text

HEADER = "La construction du site s'arrête : le contenu a des erreurs (les mêmes que « make lint ») :"
FOOTER = ("Corrigez-les puis enregistrez : le site se reconstruit de lui-même sous « make serve » "
          "(en attendant, il garde la dernière version correcte).")


class ContentError(SystemExit):
    """Stops `mkdocs build` and `mkdocs serve` with a French message and no traceback (MkDocs'
    live-reload prints a SystemExit's message instead of a traceback)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join([HEADER, *(p.format() for p in problems), FOOTER]))


def _quick_ok(text: str) -> bool:
    match = FRONT_MATTER.match(text)
    if not match:
        return True
    try:
        load_yaml_text(match.group(1))
    except Exception:  # noqa: BLE001 - any failure is told by the content check below
        return False
    return True


def page_problems(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    relative = ctx.docs_relative(path) or path.name
    problems = file_name_problems(relative, shown)
    read = read_text(path, shown)
    if read.text is None:
        return problems + read.problems
    if not _quick_ok(read.text):
        _, yaml_problems = read_front_matter(read.text, page_kind(ctx.project, path), shown)
        problems += [p for p in yaml_problems if p.is_error]
    if "[[" in read.text or "[@" in read.text or "<!--" in read.text:
        match = FRONT_MATTER.match(read.text)
        body = blank(read.text[:match.end()]) + read.text[match.end():] if match else read.text
        problems += [p for p in marker_problems(body, ctx, shown) if p.is_error]
    return problems


def content_problems(docs_dir: Path, root: Path) -> list[Problem]:
    project = Project(root=Path(root), docs_dir=Path(docs_dir))
    ctx = Context(project)
    # Content is data (soignants/lint/assets.py): no symbolic link, no file that is not a page,
    # an image or a transcribed sound; every SVG passes the SVG allowlist.
    links = symlinks(project)
    problems = [symlink_problem(f"{ctx.shown(p.absolute().parent)}/{p.name}") for p in links]
    for path in sorted(walk_without_links(Path(docs_dir))):
        if path.is_symlink() or not path.is_file() \
                or any(part.startswith(".") for part in path.relative_to(docs_dir).parts):
            continue
        if path.suffix.lower() == ".md":
            problems += page_problems(ctx, path)
        else:
            problems += file_name_problems(path.relative_to(docs_dir).as_posix(), ctx.shown(path))
            problems += [p for p in asset_problems(path, ctx.shown(path), ctx.transcribed_audio) if p.is_error]
    return problems


def stop_on_content_errors(docs_dir, root) -> None:
    problems = content_problems(Path(docs_dir), Path(root))
    if problems:
        raise ContentError(problems)


def keep_serving_on_content_errors(server):
    """Under `mkdocs serve`: a rebuild stopped by a content error prints the French lines and
    counts as done, so that the reader's browser is not left waiting for a build that will not
    come; the site on disk is still the last good one (the check runs before anything is
    cleaned). `server` is MkDocs' LiveReloadServer (its `builder` is what each change calls)."""
    rebuild = server.builder

    def rebuild_or_explain():
        try:
            rebuild()
        except ContentError as error:
            print(error.code, file=sys.stderr, flush=True)

    server.builder = rebuild_or_explain
    return server
