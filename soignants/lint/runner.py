"""Run the content check over files, and never let an exception reach the editor.

`run()` checks everything (every file under docs/, data/aide.yml, data/bibliographie.yml,
data/questionnaires/*.yml, data/recherche-detresse.yml and its core, data/recherche-detresse-socle.yml, the
regional editions of editions/) or
the files and folders it is given. Each file is checked on its own: an unexpected failure
becomes an `erreur-interne` line for that file, the others are still checked.
"""

from dataclasses import dataclass
import os
from pathlib import Path

from .assets import asset_problems, symlink_problem
from .committed_cache import committed_cache_problems
from .config_checks import check_config
from .committee_checks import check_committee
from .file_names import file_name_problems
from .data_checks import check_aide, check_bibliography, check_distress, check_distress_core, check_questionnaire
from .edition_checks import edition_files, route as edition_route
from .markdown_checks import check_page
from .project import Context, Project
from .report import ERROR, WARNING, Problem, display_path


@dataclass
class Result:
    problems: list[Problem]
    files: int


def _hidden(path: Path, base: Path) -> bool:
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        parts = path.parts[-1:]
    return any(part.startswith(".") for part in parts)


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in walk_without_links(folder)
                  if p.is_file() and not p.is_symlink() and not _hidden(p, folder))


def walk_without_links(folder: Path):
    """Every path under a folder, without following a symbolic link (to a folder or a file)."""
    for directory, folders, files in os.walk(folder, followlinks=False):
        for name in (*folders, *files):
            yield Path(directory) / name


def symlinks(project: Project, paths=None) -> list[Path]:
    """Symbolic links in the content (docs/, data/), or among the paths given and under them."""
    roots = [project.docs_dir, project.aide_file.parent] if not paths else [Path(p) for p in paths]
    found = [r for r in roots if r.is_symlink()]
    for root in roots:
        if root.is_dir() and not root.is_symlink():
            found += [p for p in walk_without_links(root) if p.is_symlink() and not _hidden(p, root)]
    return sorted(set(found))


def collect(project: Project, paths=None) -> tuple[list[Path], list[Problem]]:
    """The files to check, and a problem for each named path that does not exist."""
    if not paths:
        files = _files_under(project.docs_dir) if project.docs_dir.is_dir() else []
        data_files = (project.aide_file, project.bib_file, project.distress_file, project.distress_core_file)
        missing = [p for p in (project.docs_dir, *data_files) if not p.exists()]
        files += [p for p in (*data_files, project.comite_file, project.root / "mkdocs.yml") if p.is_file()]
        if project.questionnaires_dir.is_dir():
            files += sorted(project.questionnaires_dir.glob("*.yml"))
        files += edition_files(Context(project))  # regional editions: editions/CODE.yml and editions/CODE/
    else:
        files, missing = [], []
        for given in map(Path, paths):
            if given.is_dir():
                files += _files_under(given)
            elif given.is_file():
                files.append(given)
            else:
                missing.append(given)
    links = symlinks(project, paths)
    unique = list(dict.fromkeys(p.resolve() for p in files if p not in links))
    problems = [Problem(display_path(p, project.root), 1, "fichier-introuvable",
                        "fichier ou dossier introuvable ; vérifiez le chemin (depuis la racine du projet)")
                for p in missing if p not in links]
    # Shown where it is, not where it points (display_path follows links).
    problems += [symlink_problem(f"{display_path(p.absolute().parent, project.root)}/{p.name}") for p in links]
    return unique, problems


def check_file(ctx: Context, path: Path) -> list[Problem]:
    relative = ctx.docs_relative(path)
    named = file_name_problems(relative, ctx.shown(path)) if relative is not None else []
    return named + _check_content(ctx, path)


def _check_content(ctx: Context, path: Path) -> list[Problem]:
    project = ctx.project
    edition = edition_route(ctx, path, check_file)
    if edition is not None:
        return edition
    if path == (project.root / "mkdocs.yml").resolve():
        return check_config(path, ctx.shown(path))
    if path == project.aide_file.resolve():
        return check_aide(ctx, path)
    if path == project.bib_file.resolve():
        return check_bibliography(ctx, path)
    if path == project.comite_file.resolve():
        return check_committee(ctx, path)
    if path == project.distress_file.resolve():
        return check_distress(ctx, path)
    if path == project.distress_core_file.resolve():
        return check_distress_core(ctx, path)
    if ctx.is_questionnaire(path):
        return check_questionnaire(ctx, path)
    if path.suffix.lower() == ".md":
        return check_page(ctx, path)
    if ctx.docs_relative(path) is not None:
        return asset_problems(path, ctx.shown(path), ctx.transcribed_audio)
    return [Problem(ctx.shown(path), 1, "fichier-non-controle",
                    "ce fichier n'est ni une page de docs/ ni un fichier de data/ connu : il n'est pas contrôlé",
                    WARNING)]


# Warnings that a file has aged (a contact to check again, a review due): shown for the files a
# proposal touches, the files named on the command line, or everything with --tout (the scheduled
# job); never to someone who only fixed a typo elsewhere.
STALENESS = {"contact-perime", "relecture-depassee"}


def only_relevant_staleness(ctx: Context, problems: list[Problem], explicit: bool) -> list[Problem]:
    if ctx.project.tout or explicit:
        return problems
    changes = ctx.changes
    if not changes.known:
        return problems  # without git nothing tells what changed: show everything
    return [p for p in problems if p.code not in STALENESS or changes.touches(p.path)]


def run(project: Project | None = None, paths=None) -> Result:
    project = project or Project()
    ctx = Context(project)
    files, problems = collect(project, paths)
    if not paths:  # the whole project: also what is committed around the content
        problems += committed_cache_problems(project.root)
    for path in files:
        try:
            problems += check_file(ctx, path)
        except Exception as error:  # noqa: BLE001 - an editor must never see a traceback
            problems.append(Problem(ctx.shown(path), 1, "erreur-interne",
                                    f"erreur interne du contrôle sur ce fichier ({type(error).__name__} : {error}) ; "
                                    "les autres vérifications de ce fichier n'ont pas pu se faire : signalez-le "
                                    "à l'équipe technique", ERROR))
    problems = only_relevant_staleness(ctx, problems, explicit=bool(paths))
    return Result(sorted(set(problems), key=lambda p: (p.path, p.line, p.code, p.message)), len(files))
