"""MkDocs hooks: the thin layer between MkDocs and our own code in `soignants/`.

Each hook only calls plain-Python functions that work on Markdown, data and built files, so that
moving to another generator means rewriting this file, not the logic.
"""

from pathlib import Path
import logging
import re
import sys

# Our package sits at the project's root; make it importable even when not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from soignants import catalog, help_data, navigation, open_data, search_index
from soignants.render import MarkerError, render_page_markdown

log = logging.getLogger("mkdocs.hooks.soignants")
_keywords: dict[str, list[str]] = {}
_fallback_urls: set[str] = set()
_not_found_pages: dict[str, str] = {}
HTML_LANG = re.compile(r'<html lang="[a-z-]+"')
# Material's JavaScript fetches `<href>/sitemap.xml` for every <link rel="alternate" hreflang>;
# with per-page alternates that is a 404 on every page. The sitemap already carries hreflang.
HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
DEFAULT_LANGUAGE = "fr"


def _language(config) -> str:
    return config.theme.get("language", "fr")


def on_config(config):
    catalog.use_docs_dir(config.docs_dir)  # also forgets what the last build read
    help_data.load_help.cache_clear()
    config.extra["bandeau"] = help_data.strip_entries()
    if config.nav:
        config.nav = navigation.complete(config.nav)
    return config


def on_page_markdown(markdown, page, config, files):
    lang = _language(config)
    meta = page.meta or {}
    try:
        markdown = render_page_markdown(markdown, meta, page.file.src_uri.replace(".en.md", ".md"), lang)
    except MarkerError as error:
        raise PluginError(str(error)) from None
    # An English reader on a page not translated yet is told so, in English.
    if lang != "fr" and getattr(page.file, "locale", lang) != lang:
        _fallback_urls.add(page.url)
        markdown = ('!!! info "Not translated yet"\n\n'
                    "    This page is only available in French for now.\n\n" + markdown)
    words = [*meta.get("mots_cles", []), *meta.get("tags", [])]
    if words:
        _keywords[page.url] = words
    return markdown


def on_post_page(output, page, config):
    # Pages that fall back to French in the English edition keep the French `lang`,
    # so that screen readers pronounce them right.
    locale = getattr(page.file, "locale", None)
    if locale and locale != _language(config):
        output = HTML_LANG.sub(f'<html lang="{locale}"', output, count=1)
    return HREFLANG_LINK.sub("", output)


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _not_found_pages[_language(config)] = HREFLANG_LINK.sub("", output_content)
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n has merged the languages' indexes (-100)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    index = site_dir / "search" / "search_index.json"
    if index.exists():
        search_index.rewrite(index, _keywords, drop_locations=_fallback_urls)
    # Open data: site/donnees/aide.json, .csv (and the schema), from data/aide.yml.
    open_data.write_open_data(site_dir)
    # mkdocs-static-i18n leaves the last-built language's 404 at the root: put the French one back.
    if DEFAULT_LANGUAGE in _not_found_pages and (site_dir / "404.html").exists():
        (site_dir / "404.html").write_text(_not_found_pages[DEFAULT_LANGUAGE], encoding="utf-8")
