"""A proposal's preview: the pages it changes, as files a reviewer opens from the disk.

`scripts/preview.py` builds the site, picks the pages the proposal changes (`git diff` against
its base; every fiche and testimony when a change can touch them all, when git cannot say, or on
request) and writes each one into a folder that holds nothing else it needs:

- the page as the site renders it (help numbers, citations, admonitions, footer), without any
  script: the preview must open from `file://`, offline, with nothing to run;
- its stylesheets copied beside it (`assets/`), their images inlined; its images as `data:` URIs;
- a Content-Security-Policy that allows only those files and `data:`, so the page can ask no
  host for anything, whatever its content holds;
- links to the other previewed pages kept, links to pages outside the preview made inert;
- an `index.html` listing the pages, why they are there, and the pages the proposal removed.

CI publishes the folder as an artifact (GitHub, linked from the job summary) or an exposed
artifact (GitLab, linked from the merge request).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
import html
import mimetypes
import os
from pathlib import Path, PurePosixPath
import posixpath
import re
import shutil
import subprocess
import sys
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# A change under one of these can change every page: then every fiche and testimony is previewed.
SITEWIDE = ("data/", "overrides/", "soignants/", "mkdocs.yml")
# What "every page" means for a preview: the pages reviewers are asked to read.
ALL_PAGES = ("docs/fiches/", "docs/temoignages/")
LANGUAGES = ("en",)  # suffixes of the non-default editions (mkdocs-static-i18n, docs_structure: suffix)

PREVIEW_CSP = ("default-src 'none'; style-src 'self' file:; img-src data:; media-src data:; "
               "font-src data:; base-uri 'none'; form-action 'none'")
INERT_LINK_TITLE = "Page non incluse dans l'aperçu"

BANNER_CSS = """\
/* The preview's own banner (scripts/preview.py): not part of the site. */
.apercu-bandeau {
  margin: 0;
  padding: 0.5rem 1rem;
  background: #fff3c4;
  color: #2b2200;
  border-bottom: 2px solid #8a6d00;
  font: 0.8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.apercu-bandeau a { color: #2b2200; text-decoration: underline; }
.apercu-index { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1c1c1c;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.apercu-index a { color: #0b4f8a; }
.apercu-index code { font-size: 0.9em; }
"""


class PreviewError(Exception):
    """Something the person running the preview must fix; the message is in French."""


@dataclass
class Selection:
    """The pages to preview (paths under docs/, POSIX), why, and the pages the proposal removed."""
    pages: list[str]
    reason: str
    removed: list[str] = field(default_factory=list)


@dataclass
class Entry:
    source: str      # docs/fiches/soignant/x.md
    file: str        # fiches-soignant-x.html, in the preview folder
    title: str


# --- Which pages ---------------------------------------------------------------------------

def changed_files(root: Path, base: str) -> list[str] | None:
    """The files changed between `base` and HEAD (as `git diff base...HEAD`), None when git cannot say."""
    try:
        result = subprocess.run(["git", "diff", "--name-only", f"{base}...HEAD", "--"], cwd=root,
                                capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [line for line in result.stdout.splitlines() if line.strip()]


def _all_pages(root: Path) -> list[str]:
    pages = []
    for prefix in ALL_PAGES:
        folder = root / prefix
        if folder.is_dir():
            pages += [p.relative_to(root).as_posix() for p in folder.rglob("*.md")]
    return sorted(pages)


def select_pages(root: Path, base: str | None, everything: bool = False,
                 given: list[str] | None = None) -> Selection:
    """The pages to preview: those given, every fiche and testimony, or those the proposal changes."""
    if given:
        pages = []
        for name in given:
            relative = _relative_to(root, name)
            if not (relative.startswith("docs/") and relative.endswith(".md") and (root / relative).is_file()):
                raise PreviewError(f"« {name} » n'est pas une page de docs/ (fichier .md existant)")
            pages.append(relative)
        return Selection(sorted(set(pages)), "les pages demandées")
    if everything:
        return Selection(_all_pages(root), "toutes les fiches et tous les témoignages (option --toutes)")
    changed = changed_files(root, base or "origin/main")
    if changed is None:
        return Selection(_all_pages(root), f"toutes les fiches et tous les témoignages : git n'a pas pu "
                                            f"comparer avec « {base or 'origin/main'} »")
    removed = sorted(p for p in changed if p.startswith("docs/") and p.endswith(".md") and not (root / p).exists())
    sitewide = sorted(p for p in changed if p.startswith(SITEWIDE))
    pages = {p for p in changed if p.startswith("docs/") and p.endswith(".md") and (root / p).is_file()}
    if sitewide:
        pages |= set(_all_pages(root))
        shown = ", ".join(sitewide[:3]) + (" …" if len(sitewide) > 3 else "")
        return Selection(sorted(pages), f"la proposition modifie {shown}, qui peut changer toutes les pages : "
                                        f"toutes les fiches et tous les témoignages", removed)
    return Selection(sorted(pages), f"les pages que la proposition modifie (par rapport à « {base or 'origin/main'} »)",
                     removed)


def _relative_to(root: Path, name: str) -> str:
    path = Path(name).resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def built_page(source: str) -> str:
    """Where `mkdocs build` writes a page (use_directory_urls), relative to the site folder.

    docs/fiches/soignant/x.md -> fiches/soignant/x/index.html; docs/a/index.en.md -> en/a/index.html.
    """
    path = PurePosixPath(source).relative_to("docs")
    stem, prefix = path.stem, ""
    for language in LANGUAGES:
        if stem.endswith(f".{language}"):
            stem, prefix = stem[: -len(language) - 1], f"{language}/"
    folder = path.parent.as_posix()
    folder = "" if folder == "." else folder + "/"
    if stem in ("index", "README"):
        return f"{prefix}{folder}index.html"
    return f"{prefix}{folder}{stem}/index.html"


def preview_name(built: str) -> str:
    """fiches/soignant/x/index.html -> fiches-soignant-x.html (one flat folder, readable names)."""
    parts = [p for p in PurePosixPath(built).parent.parts]
    return ("-".join(parts) or "accueil") + ".html"


# --- Building the site ------------------------------------------------------------------------

def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build` into site_dir; a failure becomes a PreviewError with the end of its log."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)],
                            cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        log = (result.stdout + result.stderr).strip().splitlines()[-15:]
        raise PreviewError("la construction du site a échoué ; corrigez d'abord ce que signale "
                           "« make lint » ou « make build » :\n" + "\n".join(log))


# --- Making a page self-contained -------------------------------------------------------------

def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix.lower() == ".svg":
        kind = "image/svg+xml"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def _site_file(site_dir: Path, page: str, url: str) -> Path | None:
    """The file of the built site a relative URL of `page` points to, if it is inside the site."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(urlsplit(url).path)))
    if target.startswith("../") or target == "..":
        return None
    path = site_dir / target
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
_IMPORT = re.compile(r"@import\s[^;]*;")


def _self_contained_css(css: str, css_file: Path, site_dir: Path) -> str:
    """A stylesheet whose url(...) are data: URIs (local files) or gone (anything else)."""
    def replace(match: re.Match) -> str:
        url = match.group(2).strip()
        if url.startswith("data:") or url.startswith("#"):
            return match.group(0)
        if _is_local(url):
            page = css_file.relative_to(site_dir).as_posix()
            target = _site_file(site_dir, page, url)
            if target is not None:
                return f'url("{_data_uri(target)}")'
        return "url(\"data:,\")"
    css = _IMPORT.sub("", _SOURCE_MAP.sub("", css))
    return _CSS_URL.sub(replace, css)


class _Stylesheets:
    """The site's stylesheets, copied once into the preview's assets/ folder."""

    def __init__(self, site_dir: Path, out_dir: Path):
        self.site_dir, self.assets = site_dir, out_dir / "assets"
        self.copied: dict[Path, str] = {}

    def copy(self, source: Path) -> str:
        if source not in self.copied:
            self.assets.mkdir(parents=True, exist_ok=True)
            name = source.name
            while name in self.copied.values():
                name = f"x-{name}"
            css = _self_contained_css(source.read_text(encoding="utf-8"), source, self.site_dir)
            (self.assets / name).write_text(css, encoding="utf-8")
            self.copied[source] = name
        return f"assets/{self.copied[source]}"


def self_contained_page(html_text: str, page: str, site_dir: Path, stylesheets: _Stylesheets,
                        included: dict[str, str], note: str) -> tuple[str, str]:
    """The page `page` (relative to site_dir) as a preview file; returns (html, title)."""
    soup = BeautifulSoup(html_text, "html.parser")
    for tag in soup.find_all(["script", "noscript", "style", "iframe", "object", "embed", "base"]):
        tag.decompose()
    for tag in soup.find_all(style=True):
        del tag["style"]  # the site's own policy refuses inline styles too
    for meta in soup.find_all("meta"):
        if (meta.get("http-equiv") or "").lower() in ("content-security-policy", "refresh") or \
                (meta.get("name") or "").lower() == "referrer":
            meta.decompose()

    for link in soup.find_all("link"):
        rel = [r.lower() for r in (link.get("rel") or [])]
        href = link.get("href") or ""
        if "stylesheet" in rel and _is_local(href) and (source := _site_file(site_dir, page, href)):
            link.attrs = {"rel": ["stylesheet"], "href": stylesheets.copy(source)}
        elif "icon" in rel and _is_local(href) and (source := _site_file(site_dir, page, href)):
            link.attrs = {"rel": ["icon"], "href": _data_uri(source)}
        else:
            link.decompose()

    for tag in soup.find_all(["img", "source", "audio", "video", "track", "input"]):
        for attribute in ("src", "poster"):
            url = tag.get(attribute)
            if not url or url.startswith("data:"):
                continue
            source = _site_file(site_dir, page, url) if _is_local(url) else None
            if source is not None:
                tag[attribute] = _data_uri(source)
            else:
                del tag[attribute]
        if tag.get("srcset"):
            del tag["srcset"]  # the src above is enough for a preview

    for anchor in soup.find_all(["a", "area"]):
        href = anchor.get("href")
        if href is None or href.startswith("#") or not _is_local(href):
            continue  # same page, or another site / tel: / mailto: (followed only on a click)
        target = _site_file(site_dir, page, href)
        fragment = urlsplit(href).fragment
        name = included.get(target.relative_to(site_dir).as_posix()) if target else None
        if name:
            anchor["href"] = name + (f"#{fragment}" if fragment else "")
        else:
            del anchor["href"]
            anchor["title"] = INERT_LINK_TITLE

    for form in soup.find_all("form"):
        for attribute in ("action", "formaction"):
            if form.has_attr(attribute):
                del form[attribute]

    head = soup.head or soup.new_tag("head")
    if soup.head is None:
        soup.html.insert(0, head)
    head.insert(0, soup.new_tag("meta", attrs={"name": "referrer", "content": "no-referrer"}))
    head.insert(0, soup.new_tag("meta", attrs={"http-equiv": "Content-Security-Policy", "content": PREVIEW_CSP}))
    head.append(soup.new_tag("link", attrs={"rel": "stylesheet", "href": "assets/apercu.css"}))

    banner = soup.new_tag("p", attrs={"class": "apercu-bandeau", "role": "note"})
    banner.append("Aperçu de la proposition, sans script ni recherche : ")
    back = soup.new_tag("a", href="index.html")
    back.string = "liste des pages de l'aperçu"
    banner.append(back)
    banner.append(f". {note}")
    if soup.body is not None:
        soup.body.insert(0, banner)

    title = soup.title.get_text(strip=True) if soup.title else page
    return str(soup), title


# --- The preview folder -----------------------------------------------------------------------

def write_preview(root: Path, site_dir: Path, selection: Selection, out_dir: Path) -> list[Entry]:
    """Write the preview of the selected pages into out_dir (emptied first); returns its entries."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / "assets").mkdir()
    (out_dir / "assets" / "apercu.css").write_text(BANNER_CSS, encoding="utf-8")

    built = {}
    missing = []
    for source in selection.pages:
        page = built_page(source)
        if (site_dir / page).is_file():
            built[source] = page
        else:
            missing.append(source)
    included = {page: preview_name(page) for page in built.values()}
    stylesheets = _Stylesheets(site_dir, out_dir)
    note = "Les liens vers les pages qui ne font pas partie de l'aperçu sont désactivés."
    entries = []
    for source, page in built.items():
        text, title = self_contained_page((site_dir / page).read_text(encoding="utf-8"), page, site_dir,
                                          stylesheets, included, note)
        (out_dir / included[page]).write_text(text, encoding="utf-8")
        entries.append(Entry(source, included[page], title))
    (out_dir / "index.html").write_text(index_page(entries, selection, missing), encoding="utf-8")
    return entries


def index_page(entries: list[Entry], selection: Selection, missing: list[str]) -> str:
    items = "\n".join(f'    <li><a href="{html.escape(e.file)}">{html.escape(e.title)}</a> '
                      f"<small>(<code>{html.escape(e.source)}</code>)</small></li>" for e in entries)
    body = [f"  <h1>Aperçu de la proposition</h1>",
            f"  <p>Pages retenues : {html.escape(selection.reason)}.</p>"]
    if entries:
        body.append(f"  <ul>\n{items}\n  </ul>")
    else:
        body.append("  <p>Cette proposition ne modifie aucune page du site.</p>")
    if selection.removed:
        removed = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in selection.removed)
        body.append(f"  <p>Pages supprimées par la proposition :</p>\n  <ul>{removed}</ul>")
    if missing:
        absent = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in missing)
        body.append(f"  <p>Pages absentes du site construit (exclues de la construction ?) :</p>\n"
                    f"  <ul>{absent}</ul>")
    body.append("  <p>Chaque page s'ouvre depuis ce dossier, sans connexion : elle ne charge rien "
                "d'un autre site et n'exécute aucun script. La recherche, le mode sombre et "
                "l'annuaire interactif ne fonctionnent que sur le site publié.</p>")
    main = "\n".join(body)
    return f"""<!doctype html>
<html lang="fr">
<head>
  <meta http-equiv="Content-Security-Policy" content="{PREVIEW_CSP}">
  <meta name="referrer" content="no-referrer">
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Aperçu de la proposition — Soigner les soignants</title>
  <link rel="stylesheet" href="assets/apercu.css">
</head>
<body>
<main class="apercu-index">
{main}
</main>
</body>
</html>
"""


def summary_markdown(entries: list[Entry], selection: Selection) -> str:
    """What the CI job summary says about the preview (French Markdown)."""
    lines = ["## Aperçu des pages modifiées", "",
             f"Pages retenues : {selection.reason}.", ""]
    if entries:
        lines += [f"- {e.title} (`{e.source}` → `{e.file}`)" for e in entries]
    else:
        lines.append("Cette proposition ne modifie aucune page du site.")
    if selection.removed:
        lines += ["", "Pages supprimées : " + ", ".join(f"`{p}`" for p in selection.removed)]
    lines += ["", "Téléchargez l'artefact « apercu », décompressez-le et ouvrez `index.html` "
                  "dans votre navigateur : rien à installer, aucune connexion nécessaire."]
    return "\n".join(lines) + "\n"
