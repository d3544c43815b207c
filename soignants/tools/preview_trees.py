"""The two copies of the project a preview builds: the base, and the base's code with the proposal's content.

The preview must never run a proposal's code: a proposal can change `mkdocs.yml` (a `!!python`
tag, a hook, a Markdown extension), `overrides/` (Jinja templates, hooks), `soignants/`, the
`Makefile`… So both copies are built by the **base's** code, read from git's objects (no checkout:
no attributes, no filters, no hooks); only the proposal's `docs/` and `data/` are taken, as plain
bytes. Nothing outside the given folders is ever read: a symbolic link (to `/etc/passwd`, to a
file of the machine) or any other special file is left out and listed, never followed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import os
from pathlib import Path, PurePosixPath
import shutil
import stat
import subprocess

# What a proposal brings to the preview: content, read as data.
CONTENT = ("docs", "data")
# Not needed to build the site (and full of hostile fixtures): left out of both copies.
NOT_BUILT = ("tests",)
# Where code that the preview does not run usually changes: reported, never used.
CODE = ("mkdocs.yml", "overrides", "soignants", "scripts", "Makefile", "pyproject.toml", "requirements",
        "constraints.txt")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a bigger file in docs/ or data/ is left out of the preview

GIT_TIMEOUT = 300


class TreeError(Exception):
    """Something the person running the preview must fix; the message is in French."""


@dataclass
class Skipped:
    path: str     # docs/x.md, relative to the proposal's folder
    reason: str   # in French


@dataclass
class Sources:
    """What changed between the base's content and the proposal's (paths relative to the project)."""
    added: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    code_changed: list[str] = field(default_factory=list)  # changed code the preview did not use

    @property
    def changed(self) -> bool:
        return bool(self.added or self.modified or self.removed)


# --- git ----------------------------------------------------------------------------------------

def _git(repository: Path, *arguments: str, input_bytes: bytes | None = None) -> bytes:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    environment["GIT_CEILING_DIRECTORIES"] = str(repository.resolve().parent)
    try:
        result = subprocess.run(["git", "-C", str(repository), *arguments], input=input_bytes,
                                capture_output=True, timeout=GIT_TIMEOUT, env=environment)
    except FileNotFoundError:
        raise TreeError("git est introuvable : installez-le (l'aperçu compare avec une version de git)") from None
    except subprocess.TimeoutExpired:
        raise TreeError(f"git ne répond pas (« git {' '.join(arguments[:2])} » dépasse {GIT_TIMEOUT} s)") from None
    if result.returncode != 0:
        raise TreeError(result.stderr.decode("utf-8", "replace").strip() or f"git {arguments[0]} a échoué")
    return result.stdout


def commit_of(repository: Path, revision: str) -> str:
    """The commit a revision names, or a French TreeError saying how to name one."""
    try:
        return _git(repository, "rev-parse", "--verify", "--quiet", "--end-of-options",
                    f"{revision}^{{commit}}").decode().strip()
    except TreeError:
        raise TreeError(f"la version de départ « {revision} » est introuvable dans git ; donnez-en une "
                        f"qui existe avec --base (par exemple --base main, ou --base origin/main après "
                        f"« git fetch »)") from None


def merge_base(repository: Path, base: str, head: str = "HEAD") -> str:
    """Where the proposal started from the base (as `git diff base...HEAD` compares)."""
    try:
        return _git(repository, "merge-base", base, head).decode().strip()
    except TreeError:
        return base  # unrelated histories, or no commit yet: compare with the base itself


def describe(repository: Path, commit: str) -> str:
    """« abc1234 (2026-12-01) » for the index page."""
    try:
        line = _git(repository, "log", "-1", "--format=%h (%cs)", commit).decode().strip()
    except TreeError:
        return commit[:7]
    return line or commit[:7]


def uncommitted(repository: Path) -> list[str]:
    """The content files of the working tree that differ from HEAD (modified, new, removed)."""
    try:
        output = _git(repository, "status", "--porcelain", "-z", "--untracked-files=all", "--", *CONTENT)
    except TreeError:
        return []
    paths, entries = [], iter(output.split(b"\0"))
    for entry in entries:
        if len(entry) > 3:
            paths.append(entry[3:].decode("utf-8", "replace"))
            if entry[:1] in (b"R", b"C"):
                next(entries, None)  # a rename's or copy's former name follows
    return sorted(paths)


def _safe_relative(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts and ".git" not in parts


def write_git_tree(repository: Path, commit: str, destination: Path, keep=lambda path: True) -> list[Skipped]:
    """The regular files of `commit` (those `keep` accepts) written under destination, from git's
    objects; symbolic links and submodules are left out and returned."""
    listing = _git(repository, "ls-tree", "-r", "-z", "--full-tree", commit)
    wanted: list[tuple[str, str]] = []
    skipped: list[Skipped] = []
    for entry in filter(None, listing.split(b"\0")):
        header, _, raw_path = entry.partition(b"\t")
        mode, kind, sha = header.decode().split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if not keep(path) or not _safe_relative(path):
            continue
        if kind == "blob" and mode in ("100644", "100755"):
            wanted.append((sha, path))
        else:
            skipped.append(Skipped(path, "lien symbolique" if mode == "120000" else "sous-module ou objet spécial"))
    if wanted:
        batch = _git(repository, "cat-file", "--batch", input_bytes="".join(f"{sha}\n" for sha, _ in wanted).encode())
        position = 0
        for sha, path in wanted:
            end = batch.index(b"\n", position)
            _, _, size = batch[position:end].decode().split()
            start = end + 1
            content = batch[start:start + int(size)]
            position = start + int(size) + 1
            target = destination / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    return skipped


# --- a folder on the disk (the working tree, or the proposal checked out as data) ------------------

def copy_content(folder: Path, destination: Path) -> list[Skipped]:
    """The regular files of folder's docs/ and data/ copied under destination, without following any
    link; hidden files (`.DS_Store`…) and files over MAX_FILE_BYTES left out. Returns what was left out
    for a reason the reviewer must see."""
    skipped: list[Skipped] = []
    for top in CONTENT:
        source = folder / top
        try:
            mode = os.lstat(source).st_mode
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(mode):
            skipped.append(Skipped(top, "lien symbolique ou fichier à la place du dossier"))
            continue
        for current, directories, files in os.walk(source, followlinks=False):
            here = Path(current)
            for name in list(directories):
                if name.startswith(".") or stat.S_ISLNK(os.lstat(here / name).st_mode):
                    if not name.startswith("."):
                        skipped.append(Skipped((here / name).relative_to(folder).as_posix(), "lien symbolique"))
                    directories.remove(name)
            for name in files:
                if name.startswith("."):
                    continue
                path = here / name
                relative = path.relative_to(folder).as_posix()
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    skipped.append(Skipped(relative, "lien symbolique"))
                elif not stat.S_ISREG(info.st_mode):
                    skipped.append(Skipped(relative, "fichier spécial"))
                elif info.st_size > MAX_FILE_BYTES:
                    skipped.append(Skipped(relative, f"plus de {MAX_FILE_BYTES // (1024 * 1024)} Mo"))
                else:
                    target = destination / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(_read_regular(path))
    return skipped


def _read_regular(path: Path) -> bytes:
    """Read a file that was a regular file a moment ago, refusing one replaced by a link since."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]


# --- the two copies -------------------------------------------------------------------------------

def _is_content(path: str) -> bool:
    return path.split("/", 1)[0] in CONTENT


def _files(root: Path, tops=CONTENT) -> dict[str, Path]:
    found = {}
    for top in tops:
        base = root / top
        if base.is_file():
            found[top] = base
        elif base.is_dir():
            for path in base.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts:
                    found[path.relative_to(root).as_posix()] = path
    return found


def compare_content(before: Path, after: Path) -> Sources:
    old, new = _files(before), _files(after)
    return Sources(added=sorted(set(new) - set(old)), removed=sorted(set(old) - set(new)),
                   modified=sorted(p for p in set(old) & set(new) if old[p].read_bytes() != new[p].read_bytes()))


def changed_code(base_tree: Path, folder: Path) -> list[str]:
    """Code the proposal changes (compared as bytes, never run), for the index: the preview renders
    with the base's code only."""
    old = _files(base_tree, CODE)
    changed = []
    for relative, path in old.items():
        mine = folder / relative
        if not mine.is_file() or mine.is_symlink() or mine.read_bytes() != path.read_bytes():
            changed.append(relative)
    for top in ("overrides", "soignants"):
        for relative in _files(folder, (top,)):
            if relative not in old and not relative.endswith((".pyc",)):
                changed.append(relative)
    return sorted(set(changed))


def prepare_trees(repository: Path, base_commit: str, proposal: Path, scratch: Path) -> tuple[Path, Path, Sources]:
    """Write scratch/avant (the base) and scratch/apres (the base's code, the proposal's docs/ and
    data/); returns both folders and what changed."""
    before, after = scratch / "avant", scratch / "apres"
    before.mkdir(parents=True)
    write_git_tree(repository, base_commit, before, keep=lambda path: path.split("/", 1)[0] not in NOT_BUILT)
    shutil.copytree(before, after, ignore=lambda folder, names: CONTENT if Path(folder) == before else ())
    skipped = copy_content(proposal, after)
    sources = compare_content(before, after)
    sources.skipped = skipped
    sources.code_changed = changed_code(before, proposal)
    return before, after, sources
