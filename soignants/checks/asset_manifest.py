"""Every file of the built site is one the project means to publish (issue 20).

The build writes `manifeste-des-fichiers.json` (soignants/pipeline/asset_manifest.py): the theme's
and our own files with the SHA-256 of the bytes the build publishes, the files our pipeline
generates, the HTML pages it wrote from a source page, and the service workers it allows. Here,
each file of the site is checked against it:

- a file listed must have its hash (a file of docs/ at a theme file's address, or one changed
  after the build, does not);
- an HTML page must be one the build wrote from a source page;
- an SVG image not listed (a contributor's, from docs/images/) must pass the SVG allowlist
  (soignants/render/svg.py);
- any other file must be inert where it is served (an image, a sound, data): a script, a style
  sheet, a page, a web manifest, a WebAssembly module, an XML document… that the manifest does not
  list is refused, whatever its name;
- no symbolic link, anywhere in the site.
Generator-independent: it reads files; a generator that does not run our hook writes no manifest
(`require_manifest=False` then skips the hashes, not the symbolic links).
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
import json
import os
from pathlib import Path

from ..render import svg

MANIFEST_NAME = "manifeste-des-fichiers.json"
# Served as something a browser shows or hands to a script as data, never runs.
INERT_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico",
                            ".mp3", ".ogg", ".m4a", ".opus",
                            ".json", ".csv", ".txt", ".map", ".gz", ".woff", ".woff2"})
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml"})


@dataclass(frozen=True)
class Finding:
    path: str
    message: str
    code: str


def load(site_dir) -> dict | None:
    try:
        document = json.loads((Path(site_dir) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def site_files(site_dir):
    """(relative path, path) of every file and symbolic link of the site, links not followed."""
    site_dir = Path(site_dir)
    for directory, folders, files in os.walk(site_dir, followlinks=False):
        for name in sorted([*files, *(f for f in folders if (Path(directory) / f).is_symlink())]):
            path = Path(directory) / name
            yield path.relative_to(site_dir).as_posix(), path


def problems(site_dir, require_manifest: bool = True) -> list[Finding]:
    site_dir = Path(site_dir)
    manifest = load(site_dir)
    found = []
    if manifest is None and require_manifest:
        found.append(Finding(MANIFEST_NAME, "pas de manifeste des fichiers : ce site n'a pas été construit par notre "
                                            "construction (make build), rien ne dit quels scripts et styles sont les "
                                            "siens", "manifeste-absent"))
    files = (manifest or {}).get("fichiers", {})
    pages = (manifest or {}).get("pages", {})
    workers = set((manifest or {}).get("service_workers", []))
    for relative, path in site_files(site_dir):
        if path.is_symlink():
            found.append(Finding(relative, f"lien symbolique vers « {os.readlink(path)} » : l'hébergeur publierait le "
                                           "fichier visé, où qu'il soit", "lien-symbolique"))
            continue
        if relative == MANIFEST_NAME or manifest is None:
            continue
        suffix = path.suffix.lower()
        if relative in files:
            expected = files[relative].get("sha256") if isinstance(files[relative], dict) else None
            if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
                found.append(Finding(relative, f"ce fichier n'est pas celui du projet ({files[relative].get('origine', '?')}) : "
                                               "un autre fichier a pris sa place ou il a changé après la construction",
                                     "fichier-modifie"))
        elif suffix in PAGE_SUFFIXES:
            if relative not in pages:
                found.append(Finding(relative, "page HTML qui ne vient d'aucune page source : elle ne porte ni le "
                                               "bandeau d'aide vérifié ni la politique de sécurité du site", "page-inconnue"))
        elif suffix == ".svg":
            refused = svg.problems(path.read_bytes())
            if refused:
                found.append(Finding(relative, f"image SVG refusée : {refused[0][2]}", "fichier-inconnu"))
        elif suffix not in INERT_SUFFIXES:
            what = "service worker ou script" if suffix in (".js", ".mjs", ".cjs") else "fichier"
            found.append(Finding(relative, f"{what} qui n'est pas un fichier du projet (absent du manifeste) : un "
                                           "script, un style, une page ou un worker ne vient que du thème, de overrides/ "
                                           "ou de la construction", "fichier-inconnu"))
    for worker in sorted(workers - set(files)):
        found.append(Finding(worker, "service worker déclaré sans son empreinte dans le manifeste", "fichier-inconnu"))
    return found
