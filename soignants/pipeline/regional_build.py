"""Build a regional edition (soignants/model/regional.py) with the generator's configuration.

`make build EDITION=normandie` (the `EDITION` environment variable) builds the national site
with what the edition changes, decided here once, before any page is read:

- its pages: the generator reads a copy of docs/ with editions/CODE/docs/ added on top (a
  temporary folder, made again at every build; an edition page never replaces a national one),
  so that every plugin, the menu, the lists of fiches, the sitemap and the search index see
  them as pages of the site, and no other edition ever does;
- its name, public address (`site_url`, unless SITE_URL is set), output folder (`site-CODE/`
  instead of `site/`), logo, colours (a generated style sheet of `#rrggbb` values), the
  publisher in the footer, the report settings (unless set in mkdocs.yml or the environment),
  the languages it builds, and a menu tab for its own pages (region/);
- its help strip: the national lines and the edition's regional ones (`regional.strip_entries`);
  the help pages put its region first (soignants/render/help_directory.py).

The edition file and pages go through the content check first: an error stops the build with
the check's French lines, as for docs/.
"""

from __future__ import annotations

from pathlib import Path
import atexit
import os
import shutil
import tempfile

from .. import PROJECT_ROOT
from ..lint import Project
from ..lint.edition_checks import edition_problems, overlay_docs
from ..lint.project import Context
from ..lint.runner import check_file
from ..model import catalog, regional
from ..render import feedback
from ..render.escaping import html_text
from ..render.regional_pages import REGION_INDEX
from .build_errors import ContentError

STYLESHEET = "assets/stylesheets/edition.css"
LOGO_FOLDER = "images/edition"
_overlay_roots: dict[str, Path] = {}


def select(root=PROJECT_ROOT, environ=None) -> regional.Edition | None:
    """The edition named by EDITION (None: national), now the edition of the build in progress.
    A wrong name or an unusable file stops the build with a French message."""
    try:
        edition = regional.from_environment(root, environ)
    except regional.EditionError as error:
        raise SystemExit(str(error)) from None
    regional.use(edition)
    return edition


def _overlay_root(code: str) -> Path:
    """One temporary folder per edition and per process (`mkdocs serve` builds again in it)."""
    if code not in _overlay_roots:
        _overlay_roots[code] = Path(tempfile.mkdtemp(prefix=f"soignants-edition-{code}-"))
        atexit.register(shutil.rmtree, _overlay_roots[code], True)
    return _overlay_roots[code]


def check(edition: regional.Edition, root=PROJECT_ROOT) -> None:
    """The content check of the edition's file and pages; its errors stop the build."""
    ctx = Context(Project.at(Path(root)))
    errors = [p for p in edition_problems(ctx, edition.code, check_file) if p.is_error]
    if errors:
        raise ContentError(errors)


def region_pages(edition: regional.Edition) -> list[str]:
    """The edition's own pages of region/ (index first, then by file name), as docs paths."""
    folder = edition.docs_dir / "region"
    if not (folder / "index.md").is_file():
        return []
    others = sorted(p.relative_to(edition.docs_dir).as_posix() for p in folder.rglob("*.md")
                    if p.name != "index.md" and not catalog.is_translation(p))
    return [REGION_INDEX, *others]


def _menu_with_region(nav: list | None, edition: regional.Edition) -> list | None:
    """The menu of mkdocs.yml with a tab for the edition's pages, after « Trouver de l'aide »."""
    pages = region_pages(edition)
    if not nav or not pages:
        return nav
    nav = list(nav)
    after = next((i + 1 for i, item in enumerate(nav)
                  if isinstance(item, dict) and any(isinstance(v, list) and "aide/index.md" in v for v in item.values())), 1)
    # The theme writes a menu title as it is: the edition's is text, escaped here (as navigation.py does).
    nav.insert(after, {str(html_text(edition.data["menu"])): pages})
    return nav


def _languages(config, edition: regional.Edition) -> None:
    """Build only the edition's languages (mkdocs-static-i18n): the others are not built, and the
    language switcher goes when one language is left."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return
    for language in plugin.config.languages:
        if language.locale not in edition.languages:
            language.build = False
        elif not language.default:
            language.site_name = edition.site_name  # « Caring for carers » is the national site's
    if len(edition.languages) < 2:
        plugin.extra_alternate = []
        config.extra["alternate"] = []


def configure(config, edition: regional.Edition, command: str | None, root=PROJECT_ROOT,
              environ=None) -> None:
    """Apply an edition to MkDocs' configuration (called from the hook's on_config, once a build)."""
    environ = os.environ if environ is None else environ
    root = Path(root)
    check(edition, root)
    holder = _overlay_root(edition.code)
    docs = holder / "docs"
    overlay_docs(Path(config.docs_dir), edition.docs_dir, docs)
    config.docs_dir = str(docs)
    catalog.use_docs_dir(docs)
    config.site_name = edition.site_name
    if command != "serve" and not environ.get("SITE_URL") and edition.site_url:
        config.site_url = edition.site_url
    if command == "build" and Path(config.site_dir).resolve() == (root / "site").resolve():
        config.site_dir = str(root / f"site-{edition.code}")
    # Colours: a style sheet of the edition's values, after the site's own.
    (docs / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
    (docs / STYLESHEET).write_text(regional.stylesheet(edition), encoding="utf-8")
    config.extra_css = [*config.extra_css, STYLESHEET]
    if edition.logo is not None and edition.logo.is_file():
        target = f"{LOGO_FOLDER}/{edition.logo.name}"
        (docs / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(edition.logo, docs / target)
        config.theme["logo"] = target
    host = edition.data["hebergeur"]["nom"]
    status = " — brouillon en attente de l'URPS" if edition.is_draft else ""
    config.copyright = str(html_text(f"Édition {edition.regions_label} — {host}{status}. "
                                     f"{config.copyright or ''}".strip()))
    report = config.extra.setdefault("signalement", {}) or {}
    for key in ("forge", "courriel"):
        if not report.get(key) and edition.data["signalement"].get(key):
            report[key] = edition.data["signalement"][key]
    config.extra["signalement"] = report
    try:
        feedback.settings_from(config.extra)
    except feedback.SettingError as error:
        raise SystemExit(f"editions/{edition.code}.yml : {error}") from None
    _languages(config, edition)
    config.nav = _menu_with_region(config.nav, edition)
    config.watch = [*config.watch, str(edition.folder), str(edition.folder.with_suffix(".yml"))]


def watch_sources(server, config, root=PROJECT_ROOT) -> None:
    """Under `mkdocs serve`: watch docs/ and the edition, not the temporary copy the build reads
    (the copy is written again at each build, which would start another build, forever)."""
    edition = regional.current()
    if edition is None:
        return
    server.unwatch(config.docs_dir)
    server.watch(str(Path(root) / "docs"))
