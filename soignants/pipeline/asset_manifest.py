"""The manifest of the built site: every file our build means to publish, by SHA-256.

The essentials check (soignants/checks/asset_manifest.py) refuses any script, style sheet, HTML
page, SVG, worker or other file a browser could run that the manifest does not list with the
same hash: a file a proposal slipped into the site (from docs/, a theme folder, a setting) is
found whatever its name, and so is one of ours that changed after the build.

Who registers what (the build writes `manifeste-des-fichiers.json` at the root of the site, last):
- `theme_files`: the static files of Material (the pinned package's own folder) and of
  overrides/ (the technical team's folder), with the bytes the build publishes: our scripts and
  style sheets minified (soignants/pipeline/minify.py). The expected bytes are computed from
  those folders, never read from the built site: a file of docs/ at the same address (MkDocs lets
  docs/ win over the theme) does not match. A file a maintainer adds to overrides/ is covered
  without any list to update.
- `add_generated` / `add_generated_tree`: files our pipeline writes (Pagefind's index and
  engine, open data, the feed, MkDocs' sitemap and search index), registered by the hook right
  after the code that writes them, from what was written.
- `add_page`: each HTML page the generator wrote from a source page (hook's on_post_page).
- A service worker: `add_generated(site_dir, path, origin, worker=True)` (a script the browser
  keeps and runs for every later visit; the check lists the allowed ones apart).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import fnmatch
import hashlib
import json
import os
from pathlib import Path

from .. import OWN_ASSETS_DIR
from . import minify

MANIFEST_NAME = "manifeste-des-fichiers.json"
VERSION = 1
OWN_THEME_DIR = OWN_ASSETS_DIR.parent
# What MkDocs never copies from a theme folder (mkdocs/structure/files.py, add_files_from_theme):
# templates, Python, dot files, read-me files, translations, the theme's settings; and the
# templates it renders instead of copying (sitemap.xml).
NOT_COPIED = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
              "*.md", "*.markdown", "*.mdown", "*.mkdn", "*.mkd", "sitemap.xml", "hooks/*", "*/__pycache__/*")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def material_dir() -> Path:
    """The templates folder of the installed (pinned) Material for MkDocs."""
    import material
    return Path(material.__file__).resolve().parent / "templates"


def _copied(relative: str) -> bool:
    name = relative.lower()
    return not any(fnmatch.fnmatch(name, pattern) for pattern in NOT_COPIED)


def _copied_candidates(folder: Path) -> list[Path]:
    """The files of a theme folder, without walking into the folders MkDocs never copies (the
    theme's 14 000 icons live in `.icons/`)."""
    found = []
    for directory, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in ("__pycache__", "hooks"))
        found += [Path(directory) / name for name in files if not (Path(directory) / name).is_symlink()]
    return sorted(found)


def _published_bytes(folder: Path, relative: str) -> bytes:
    """A theme file as the build publishes it: ours minified, the theme's as they are."""
    source = folder / relative
    if folder == OWN_THEME_DIR:
        for own_folder, (suffix, minifier) in minify.OWN_ASSETS.items():
            if Path(relative).parent == own_folder and relative.endswith(suffix):
                return minifier(source.read_text(encoding="utf-8")).encode("utf-8")
    return source.read_bytes()


@dataclass
class Manifest:
    files: dict[str, dict] = field(default_factory=dict)   # site path -> {sha256, origine}
    pages: dict[str, str] = field(default_factory=dict)    # site path -> source page
    workers: list[str] = field(default_factory=list)       # service workers (site paths)

    def add_theme_files(self, theme_dirs=None) -> None:
        """The static files of overrides/ then Material (the first folder that has a path wins)."""
        for folder in theme_dirs or (OWN_THEME_DIR, material_dir()):
            folder = Path(folder)
            for path in _copied_candidates(folder):
                relative = path.relative_to(folder).as_posix()
                if relative in self.files or not _copied(relative):
                    continue
                origin = f"{'overrides' if folder == OWN_THEME_DIR else 'mkdocs-material'}/{relative}"
                self.files[relative] = {"sha256": sha256(_published_bytes(folder, relative)), "origine": origin}

    def add_generated(self, site_dir, path, origin: str, worker: bool = False) -> None:
        path = Path(path)
        relative = path.relative_to(site_dir).as_posix()
        self.files[relative] = {"sha256": sha256(path.read_bytes()), "origine": origin}
        if worker and relative not in self.workers:
            self.workers.append(relative)

    def add_generated_tree(self, site_dir, folder, origin: str) -> None:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink()):
            self.add_generated(site_dir, path, origin)

    def add_page(self, relative: str, source: str) -> None:
        self.pages[relative] = source

    def write(self, site_dir) -> Path:
        target = Path(site_dir) / MANIFEST_NAME
        document = {
            "version": VERSION,
            "description": "Les fichiers que la construction de ce site publie, avec leur empreinte SHA-256 "
                           "(scripts/check_built_site.py refuse tout autre script, style, page ou image SVG).",
            "fichiers": dict(sorted(self.files.items())),
            "service_workers": sorted(self.workers),
            "pages": dict(sorted(self.pages.items())),
        }
        target.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return target
