"""Pre-render: the seam between our content and any static-site generator.

Everything the site adds to its Markdown sources (markers expanded, data-driven lists, footers,
the help strip's numbers, the completed menu) is computed here, in one place, with no generator
involved. Two callers:

- the MkDocs hook (overrides/hooks/site.py) calls `page()`, `complete_nav()` and
  `strip_entries()` in memory, page by page, as MkDocs reads them;
- `write()` (`python scripts/prerender.py OUT_DIR`, `make prerender`) writes a generator-ready
  copy of the project: OUT_DIR/docs/ (each page's front matter kept as written, its Markdown
  expanded, the other files copied, the open data and the feed added) and OUT_DIR/mkdocs.yml
  (the menu completed, the help strip filled, no hook, no i18n plugin), which any generator
  that reads mkdocs.yml builds as it is (Zensical, or MkDocs without our hook).

tests/test_prerender.py asserts that both give the same Markdown for every page.

What a generator must still do, and what the pre-rendered copy keeps for it:
- The allowlist of HTML (soignants/render/sanitize.py) runs on HTML, after Markdown. MkDocs runs it
  in the hook's on_page_content. The pre-rendered mkdocs.yml lists the Python-Markdown
  extension `soignants.render.markdown_sanitize`, which runs the same `sanitize.clean()` as the last
  step of Markdown, for a generator that runs Python-Markdown extensions (Zensical does). The
  few <link>/<script> tags our markers need (`render.page_assets`) are written inside HTML
  comments carrying a random token of this run, which the extension opens again after
  cleaning: a page cannot forge it, since it did not exist when the page was written.
- Relative addresses in raw HTML (those tags, the feed link): MkDocs leaves raw HTML alone, so
  the hook writes them from the built page; Zensical rewrites them as it does Markdown links,
  from the Markdown file, so the copy is written that way (`html_urls`, render.html_file_url).
- Front-matter values the theme writes into the page as they are (title, description…:
  escaping.THEME_TEXT_FIELDS) are escaped here, for both: the hook puts them back into the
  page's metadata, the copy into its front matter (Zensical's templates do not escape them
  either: a title `<img onerror=…>` reached its header raw). Any other front matter is kept as
  written.
- The English edition (mkdocs-static-i18n), the rewrite of Material's search index and the
  Content-Security-Policy (hashes of Material's Jinja partials) stay MkDocs-only:
  docs/a-propos/generateurs.md says why and what it takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin
import copy
import re
import shutil

import yaml
from yaml_env_tag import construct_env_tag

from .. import PROJECT_ROOT
from . import build_notices, config_guard, navigation, open_data
from ..render import editions, escaping, feedback, generated, news, regional_pages, theme_fields
from ..model import catalog, help_data, limits, regional
from .build_errors import check_content
from ..render.pages import MarkerError, insert_after_title, page_assets, render_page_markdown

DEFAULT_LANGUAGE = "fr"
# MkDocs' own front-matter pattern (mkdocs/utils/meta.py): the pre-render reads a page as MkDocs does.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
# The extension the pre-rendered mkdocs.yml adds, and its setting (soignants/render/markdown_sanitize.py).
SANITIZE_EXTENSION = "soignants.render.markdown_sanitize"


class PrerenderError(ValueError):
    """A page cannot be rendered; the message (French) names the file."""


@dataclass(frozen=True)
class Site:
    """What the pre-render needs from the generator's configuration."""
    docs_dir: Path
    site_url: str = ""  # the public address; "" when unknown (then nothing claims one)
    extra: dict = field(default_factory=dict)
    site_name: str = ""


@dataclass
class RenderedPage:
    markdown: str          # the page's Markdown, markers expanded (without its front matter)
    theme_meta: dict       # front-matter values the theme writes, escaped for a non-escaping theme
    assets: tuple[str, str]  # HTML to put before and after the sanitised content
    keywords: list[str]    # editorial keywords for the search index


# --- reading --------------------------------------------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` resolved from the environment."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def load_config(config_file) -> dict:
    """mkdocs.yml as MkDocs reads it, once the content check accepted it (soignants/pipeline/config_guard.py)."""
    config_guard.stop_on_config_errors(config_file)
    with open(config_file, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}


def split_page(source: str) -> tuple[str | None, dict, str]:
    """(front matter text or None, metadata, Markdown) as MkDocs splits a page (same pattern, the
    same YAML types, leading blank lines of the body dropped)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return None, {}, source
    try:
        meta = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None, {}, source
    if not isinstance(meta, dict):
        return None, {}, source
    return source[: match.end()], meta, source[match.end():].lstrip("\n")


def page_url(src_uri: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A page's address from the site's root, in its edition (`en/…` for the English one)."""
    url = editions.page_url(src_uri)
    return url if lang == DEFAULT_LANGUAGE else f"{lang}/{url}"


def canonical_url(site_url: str, src_uri: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return urljoin(site_url or "/", page_url(src_uri, lang))


# --- one build's setting up -----------------------------------------------------------------

def prepare(docs_dir, root=PROJECT_ROOT, extra: dict | None = None, config_file=None, check=None) -> list:
    """Before a build reads any page: stop on a refused configuration (`config_file`, when given),
    run the whole content check (build_errors.check_content: an error stops here with its French
    lines; `check`, another way to run it, e.g. started in the background by the MkDocs hook),
    check the report-link settings, and forget what an earlier build read. Returns the content
    check's warnings, for the caller to show once."""
    if config_file:
        config_guard.stop_on_config_errors(config_file, root)
    warnings = (check or check_content)(docs_dir, Path(root))
    feedback.settings_from(extra or {})  # raises feedback.SettingError, in French
    catalog.use_docs_dir(docs_dir)
    help_data.load_help.cache_clear()
    return warnings


def strip_entries() -> list[dict]:
    """The help strip's numbers (data/aide.yml, `bandeau`), for the theme's `extra.bandeau`; in a
    regional edition, its regional lines after them (soignants/model/regional.py)."""
    return regional.strip_entries(regional.current())


def complete_nav(configured_nav: list | None, lang: str, docs_dir) -> list | None:
    """The menu of mkdocs.yml with the fiches, testimonies and bibliography pages appended."""
    if not configured_nav:
        return configured_nav
    translated = None if lang == DEFAULT_LANGUAGE else (lambda src: editions.has_english_page(src, docs_dir))
    return navigation.complete(copy.deepcopy(configured_nav), translated=translated)


def source_problems(source: bytes, src_uri: str) -> str | None:
    """What makes a page too costly or deceptive to build (soignants/model/limits.py), in French."""
    problems = limits.source_problems(source)
    return "\n".join(f"{src_uri}:{line}: {message}" for line, message in problems) if problems else None


# --- one page -------------------------------------------------------------------------------

def page(markdown: str, meta: dict, src_uri: str, lang: str, site: Site,
         canonical: str | None = None, html_urls: str = "page") -> RenderedPage:
    """Everything the site adds to one page's Markdown. `src_uri`: the page's path under docs/
    (`x.en.md` for the English page of `x.md`); `canonical`: its public address, when the
    generator knows it (else computed from `site.site_url`); `html_urls`: how the generator
    reads relative addresses in raw HTML (`render.html_file_url`: MkDocs "page", Zensical
    "source")."""
    meta = meta or {}
    src = src_uri.replace(".en.md", ".md")
    assets = page_assets(markdown, src, lang, html_urls, meta)
    title = str(meta.get("title") or "")
    # The page's public address when known; else its source file, which the project can find.
    address = canonical or (canonical_url(site.site_url, src, lang) if site.site_url else f"docs/{src_uri}")
    report = feedback.page_links(site.extra, title, address, source=f"docs/{src_uri}")
    try:
        markdown = render_page_markdown(markdown, meta, src, lang, report=report, html_urls=html_urls)
    except MarkerError as error:
        raise PrerenderError(str(error)) from None
    edition = regional.current()
    if edition is not None and src == "index.md":  # a regional edition's home: which edition, by whom
        has_pages = (Path(site.docs_dir) / regional_pages.REGION_INDEX).is_file()
        markdown = insert_after_title(markdown, regional_pages.home_notice(edition, lang, has_pages))
    # The English edition has only the pages translated so far: a link to any other page goes to
    # the French one (soignants/render/editions.py).
    if lang != DEFAULT_LANGUAGE:
        markdown = editions.link_untranslated(
            markdown, src, translated=lambda s: editions.has_english_page(s, site.docs_dir),
            exists=lambda s: (Path(site.docs_dir) / s).is_file())
    theme_meta = {name: escaping.html_text(meta[name]) for name in escaping.THEME_TEXT_FIELDS
                  if isinstance(meta.get(name), str)}
    theme_meta.update(theme_fields.neutralised(meta, Path(site.docs_dir).parent))
    keywords = [*meta.get("mots_cles", []), *meta.get("tags", [])]
    return RenderedPage(markdown, theme_meta, assets, keywords)


# --- the generator-ready copy ---------------------------------------------------------------

def asset_comment(token: str, where: str, html: str) -> str:
    """The asset tags of a page, inside an HTML comment that soignants/render/markdown_sanitize.py opens
    again after cleaning (`where`: "avant" or "apres" the content). Inside a comment, Markdown
    does not wrap them in a paragraph and a generator does not rewrite their addresses."""
    return f"<!--ss-assets:{token}:{where}\n{html}\n-->"


def front_matter_text(front_matter: str | None, meta: dict, rendered: RenderedPage) -> str | None:
    """The copy's front matter: as written, unless a value the theme writes as it is needed
    escaping; then the same metadata, those values escaped, written again as YAML."""
    if front_matter is None or all(meta.get(k) == v for k, v in rendered.theme_meta.items()):
        return front_matter
    escaped = {**meta, **{k: str(v) if isinstance(v, str) else v for k, v in rendered.theme_meta.items()}}
    return "---\n" + yaml.safe_dump(escaped, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def page_file_text(front_matter: str | None, rendered: RenderedPage, token: str) -> str:
    """A pre-rendered page: its front matter (front_matter_text), then its Markdown; the asset
    tags, if any, around it, in comments carrying the run's token."""
    body = rendered.markdown
    before, after = rendered.assets
    if before or after:
        body = (f"{asset_comment(token, 'avant', before)}\n\n{body.rstrip()}\n\n"
                f"{asset_comment(token, 'apres', after)}\n")
    return (front_matter or "") + body


def _is_page_of(path: Path, lang: str) -> bool:
    translation = catalog.is_translation(path)
    return translation if lang != DEFAULT_LANGUAGE else not translation


def generator_config(config: dict, nav: list | None, token: str) -> dict:
    """The pre-rendered copy's mkdocs.yml: the project's, with the completed menu, the help
    strip's numbers, the sanitising extension, and nothing that needs our hook or a plugin
    other than search."""
    out = copy.deepcopy(config)
    out.pop("hooks", None)
    out.pop("docs_dir", None)
    out.pop("site_dir", None)
    plugins = out.get("plugins") or []
    out["plugins"] = [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) == "search"]
    if nav is not None:
        out["nav"] = nav
    out.setdefault("extra", {})["bandeau"] = strip_entries()
    theme = out.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = "overrides"
    extensions = list(out.get("markdown_extensions") or [])
    extensions.append({SANITIZE_EXTENSION: {"token": token}})
    out["markdown_extensions"] = extensions
    return out


def write(out_dir, config_file=PROJECT_ROOT / "mkdocs.yml", lang: str = DEFAULT_LANGUAGE,
          html_urls: str = "source") -> dict:
    """Write the generator-ready copy into `out_dir` (emptied first); return a summary. The
    French edition: an English copy would still hold the `fr-edition:` links that only the MkDocs
    hook turns into addresses (soignants/render/editions.py), so the command offers none yet.
    `html_urls`: "source" (the default) for a generator that reads relative addresses in raw
    HTML from the Markdown file, as Zensical does; "page" for one that leaves raw HTML alone."""
    config_file = Path(config_file).resolve()
    root = config_file.parent
    config = load_config(config_file)
    docs_dir = (root / config.get("docs_dir", "docs")).resolve()
    site = Site(docs_dir, config.get("site_url") or "", config.get("extra") or {},
                config.get("site_name", ""))
    warnings = prepare(docs_dir, root, site.extra)
    out_dir = Path(out_dir).resolve()
    if out_dir == root or out_dir in docs_dir.parents or docs_dir in out_dir.parents or out_dir == docs_dir:
        raise PrerenderError(f"{out_dir} : choisissez un dossier de sortie hors du projet et de docs/.")
    shutil.rmtree(out_dir, ignore_errors=True)
    out_docs = out_dir / "docs"
    token = generated.TOKEN  # the run's: it marks what our markers wrote (render/generated.py)
    pages = 0
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        target = out_docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        if not _is_page_of(path, lang):
            continue
        if lang != DEFAULT_LANGUAGE:
            target = out_docs / relative.as_posix().replace(f".{lang}.md", ".md")
        src_uri = relative.as_posix()
        problem = source_problems(path.read_bytes(), src_uri)
        if problem:
            raise PrerenderError(problem)
        front_matter, meta, markdown = split_page(path.read_text(encoding="utf-8-sig"))
        rendered = page(markdown, meta, src_uri, lang, site, html_urls=html_urls)
        target.write_text(page_file_text(front_matter_text(front_matter, meta, rendered), rendered, token),
                          encoding="utf-8")
        pages += 1
    # Files the MkDocs hook writes after the build, here static files of docs/ for any generator.
    open_data.write_open_data(out_docs)
    try:
        news.write_feed(out_docs / "feed.xml", site.site_url, site.site_name, docs_dir)
    except news.FeedError as error:
        raise PrerenderError(str(error)) from None
    overrides = config.get("theme", {}).get("custom_dir")
    if overrides:
        shutil.copytree(root / overrides, out_dir / "overrides", ignore=shutil.ignore_patterns("hooks", "__pycache__"))
    nav = complete_nav(config.get("nav"), lang, docs_dir)
    written_config = generator_config(config, nav, token)
    header = ("# Written by `python scripts/prerender.py` from the project's mkdocs.yml: do not edit.\n"
              "# Markers are already expanded in docs/; no hook and no i18n plugin are needed.\n")
    (out_dir / "mkdocs.yml").write_text(header + yaml.safe_dump(written_config, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    notices = build_notices.notices(root, site.site_url, site.extra)
    return {"pages": pages, "out_dir": out_dir, "lang": lang, "warnings": warnings, "notices": notices}
