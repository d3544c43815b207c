"""What a proposal changes, from git: which files, and what a file was before.

Used for two things: warnings about staleness (a contact to check again, a review due) are
shown only for the files a proposal touches, so that nobody is told about a file they did not
open; and a reviewed fiche whose text changed needs a new `historique` entry.

The base is the revision the proposal started from: `--base`, else the merge request's target
given by CI (GitLab's CI_MERGE_REQUEST_DIFF_BASE_SHA, GitHub's GITHUB_BASE_REF), else where the
branch left `main` (origin/main, main, origin/master, master). On `main` itself, it is HEAD: the
changes are the ones not committed yet. Without git, or outside a repository, nothing is known:
`Changes.known` is False and callers do what they would do without a comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import os
from pathlib import Path
import subprocess

CANDIDATE_BASES = ("origin/main", "main", "origin/master", "master")


@dataclass
class Changes:
    root: Path
    base: str | None = None  # a commit id, or None when git cannot tell
    files: set[str] = field(default_factory=set)  # POSIX paths from the project's root
    prefix: str = "."  # where the project sits in the repository

    @property
    def known(self) -> bool:
        return self.base is not None

    def touches(self, relative: str) -> bool:
        return relative in self.files

    def before(self, relative: str) -> str | None:
        """The file's text at the base, or None (new file, or unknown)."""
        if not self.known:
            return None
        in_repository = relative if self.prefix == "." else f"{self.prefix}/{relative}"
        return _git(self.root, "show", f"{self.base}:{in_repository}")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def _commit(root: Path, ref: str) -> str | None:
    out = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return out.strip() if out else None


def _base(root: Path, explicit: str | None) -> str | None:
    head = _commit(root, "HEAD")
    if head is None:
        return None
    candidates = []
    if explicit:
        candidates.append(explicit)
    else:
        for variable in ("SOIGNANTS_BASE", "CI_MERGE_REQUEST_DIFF_BASE_SHA"):
            if os.environ.get(variable):
                candidates.append(os.environ[variable])
        if os.environ.get("GITHUB_BASE_REF"):
            candidates += [f"origin/{os.environ['GITHUB_BASE_REF']}", os.environ["GITHUB_BASE_REF"]]
        candidates += list(CANDIDATE_BASES)
    for ref in candidates:
        commit = _commit(root, ref)
        if commit is None:
            continue
        fork = _git(root, "merge-base", head, commit)
        return fork.strip() if fork and fork.strip() else commit
    return head


def find_changes(root: Path, explicit_base: str | None = None) -> Changes:
    root = Path(root)
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return Changes(root)
    top_dir = Path(top.strip())
    base = _base(top_dir, explicit_base)
    if base is None:
        return Changes(root)
    diff = _git(top_dir, "diff", "--name-only", "--no-renames", base)
    untracked = _git(top_dir, "ls-files", "--others", "--exclude-standard")
    if diff is None or untracked is None:
        return Changes(root)
    files = {line.strip() for line in (diff + "\n" + untracked).splitlines() if line.strip()}
    # Paths relative to the project's root (the project may sit in a sub-folder of the repository).
    try:
        prefix = Path(root).resolve().relative_to(top_dir.resolve()).as_posix()
    except ValueError:
        prefix = "."
    if prefix != ".":
        files = {f[len(prefix) + 1:] for f in files if f.startswith(prefix + "/")}
    return Changes(top_dir, base, files, prefix)
