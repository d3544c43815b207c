"""The site's service worker, written after each build: the help pages, offline (issue 21).

How the file is produced (for the manifest of the site's own assets): the theme's template
overrides/assets/javascripts/service-worker.js, copied by the generator to
site/assets/javascripts/service-worker.js, gets its settings (a JSON literal between
`/*ss:reglages*/` and `/*ss:fin*/`: the build's version, the files to keep, the offline pages),
is minified (rjsmin) and written at the site's root, `site/service-worker.js`, so that its scope is
the whole site; the template's copy is removed from the built site. Nothing in the settings comes
from a contributor as text: paths of built files, a hash.

What it keeps: the help pages (PAGES, in each edition that has them) and every file of the site
they load (style sheets, scripts, icon, images), read from their built HTML; nothing else.
The version is a hash of those files: a build that changes a help number changes the version,
so the browser installs the new worker, which keeps the new pages and deletes the old ones.

Kill switch: `extra.hors_ligne: false` in mkdocs.yml (or HORS_LIGNE=false): the same file is
written in its « off » state, which deletes what it kept and unregisters itself; the pages stop
registering it (overrides/main.html).
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
import hashlib
import json
import re

import rjsmin

TEMPLATE = Path("assets") / "javascripts" / "service-worker.js"
WORKER = "service-worker.js"
SETTINGS = re.compile(r"/\*ss:reglages\*/.*?/\*ss:fin\*/", re.DOTALL)
# The pages kept for offline reading, under the root of each edition.
PAGES = ("aide/", "aide/annuaire/", "aide/carte/", "aide/hors-ligne/")
OFFLINE_PAGE = "aide/hors-ligne/"
EDITIONS = {"en": "en/"}
OFF_VALUES = {"false", "non", "no", "0", "off", "faux"}


class ServiceWorkerError(Exception):
    """The worker cannot be written (message in French)."""


def enabled(value) -> bool:
    """`extra.hors_ligne`: on unless set to false (a YAML false, or « non », « false », « 0 »)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() not in OFF_VALUES
    return bool(value)


class _Resources(HTMLParser):
    """The files a page loads: style sheets, icons, scripts, images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {"stylesheet", "icon"}:
            self.found.append(attrs["href"])
        elif tag in ("script", "img", "source") and attrs.get("src"):
            self.found.append(attrs["src"])


def _under_site(reference: str, page: str, site_dir: Path) -> str | None:
    """A page's reference as a path under the site's root, if it is a file of the site."""
    base = "http://site/"
    absolute = urljoin(base + page, reference)
    if not absolute.startswith(base):
        return None
    path = urlsplit(absolute).path.lstrip("/")
    return path if path and (site_dir / path).is_file() else None


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / page / "index.html"


def precache_list(site_dir) -> list[str]:
    """The help pages of each edition that has them, then the files they load, each once."""
    site_dir = Path(site_dir)
    pages = []
    for prefix in ("", *EDITIONS.values()):
        pages += [prefix + page for page in PAGES if page_file(site_dir, prefix + page).is_file()]
    missing = [page for page in PAGES if not page_file(site_dir, page).is_file()]
    if missing:
        raise ServiceWorkerError("pages d'aide absentes du site construit, que la lecture hors connexion doit "
                                 f"garder : {', '.join(missing)} (soignants/pipeline/service_worker.py, PAGES)")
    files = []
    for page in pages:
        parser = _Resources()
        parser.feed(page_file(site_dir, page).read_text(encoding="utf-8"))
        files += [path for path in (_under_site(ref, page, site_dir) for ref in parser.found) if path]
    return list(dict.fromkeys(pages + files))


def version(site_dir, entries: list[str]) -> str:
    """A hash of the kept files' names and contents: the same site gives the same version."""
    digest = hashlib.sha256()
    for entry in entries:
        target = page_file(Path(site_dir), entry) if entry.endswith("/") else Path(site_dir) / entry
        digest.update(entry.encode("utf-8") + b"\0" + target.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def settings(site_dir, on: bool = True) -> dict:
    if not on:
        return {"off": True}
    entries = precache_list(site_dir)
    offline = {"default": OFFLINE_PAGE}
    offline.update({lang: prefix + OFFLINE_PAGE for lang, prefix in EDITIONS.items()
                    if page_file(Path(site_dir), prefix + OFFLINE_PAGE).is_file()})
    return {"version": version(site_dir, entries), "precache": entries, "offline": offline,
            "editions": dict(EDITIONS)}


def take_template(site_dir) -> str:
    """The theme's template, read and removed from the built site (before the site's scripts are
    minified: its settings' place is a comment)."""
    template = Path(site_dir) / TEMPLATE
    if not template.is_file():
        raise ServiceWorkerError(f"{TEMPLATE.as_posix()} manque dans le site construit : le thème du site "
                                 "(overrides/) doit le fournir.")
    text = template.read_text(encoding="utf-8")
    template.unlink()
    return text


def write(site_dir, template: str, on: bool = True) -> dict:
    """Write site_dir/service-worker.js from the template, once the site's files are final, and
    return its settings."""
    site_dir = Path(site_dir)
    chosen = settings(site_dir, on)
    literal = json.dumps(chosen, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    text, count = SETTINGS.subn(lambda _: literal, template, count=1)
    if count != 1:
        raise ServiceWorkerError(f"{TEMPLATE.as_posix()} n'a pas l'emplacement de ses réglages "
                                 "(/*ss:reglages*/…/*ss:fin*/).")
    (site_dir / WORKER).write_text(rjsmin.jsmin(text), encoding="utf-8")
    return chosen
