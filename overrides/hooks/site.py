"""MkDocs hooks: the thin layer between MkDocs and our own code in `soignants/`.

Each hook only calls plain-Python functions that work on Markdown, data and built files, so that
moving to another generator means rewriting this file, not the logic.
"""

from pathlib import Path
from urllib.parse import urlsplit
import copy
import logging
import re
import sys

# Our package sits at the project's root; make it importable even when not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from soignants.pipeline import (asset_manifest, build_errors, build_log, build_notices, build_version, csp,
                                distress_script, http_headers, material_css, minify, open_data, page_budget, prerender,
                                regional_build, search_index, search_pagefind, service_worker, serving, template_cache,
                                template_errors)
from soignants.render import editions, feedback, news, sanitize

log = logging.getLogger("mkdocs.hooks.soignants")
_keywords: dict[str, list[str]] = {}
# Each page as the search's words see it (soignants/pipeline/search_index.py, page_document), both
# languages: the typo vocabulary and the help pages' lines, in place of Material's index.
_search_docs: list[dict] = []
_not_found_pages: dict[str, str] = {}
_csp_hashes: dict[tuple, list[str]] = {}
# mkdocs-static-i18n builds the English edition from inside the French build's post_build:
# count the nested builds so that the end of the whole build is done once, last.
_build_depth = 0
_configured_nav: list | None = None
_french_site: dict[str, str] = {}  # the French edition's name and address, for the feed
_command: list[str] = []  # "build" or "serve" (on_startup): a regional edition's address and folder
# `mkdocs build`: the content check runs in a second process from on_config to on_env (before the
# first file is written), beside MkDocs reading the pages. `mkdocs serve` runs it in line, for its
# error page (soignants/pipeline/serving.py).
_background_check: list[build_errors.BackgroundCheck] = []
# What this build publishes, by hash (soignants/pipeline/asset_manifest.py); the essentials check
# refuses any other script, style sheet, page or worker.
_manifest = asset_manifest.Manifest()
_site_root: list[Path] = []  # the outer (French) build's site folder
# The words inside the tags of every page written (both languages): what of Material's style
# sheets a page can use (soignants/pipeline/material_css.py).
_page_words = material_css.Words()
# Material's JavaScript fetches `<href>/sitemap.xml` for every <link rel="alternate" hreflang>;
# with per-page alternates that is a 404 on every page. The sitemap already carries hreflang.
# (Starts at the line break: a pattern that starts with `[ \t]*` made this 6 ms a page.)
HREFLANG_LINK = re.compile(r'\n[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
DEFAULT_LANGUAGE = "fr"


def _language(config) -> str:
    return config.theme.get("language", "fr")


def on_startup(command, dirty):
    _command.append(command)  # a regional edition's address and folder depend on it
    build_log.french_terminal()  # the generator's English progress lines dropped, ours kept
    serving.starting(command)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set the language of this build
def on_config(config):
    global _configured_nav
    if _build_depth == 0:  # the outer (French) build; the English one, inside it, reads the same
        # The whole content check (scripts/lint.py's engine) starts here: an error stops the build
        # with its French lines. Under `mkdocs serve` it runs in line, before anything is read or
        # cleaned (the browser shows the lines and the last good site stays:
        # soignants/pipeline/serving.py); under `mkdocs build`, in a second process until on_env,
        # before anything is written (soignants/pipeline/build_errors.py, BackgroundCheck).
        root = Path(config.config_file_path or ".").resolve().parent
        # A regional edition (EDITION=code, soignants/pipeline/regional_build.py), or None.
        edition = regional_build.select(root)
        check = _start_background_check if _command[-1:] in (["build"], ["gh-deploy"]) else None  # None: in line
        try:
            warnings = serving.until_content_is_fixed(
                lambda: prerender.prepare(config.docs_dir, root, config.extra, config_file=config.config_file_path,
                                          check=check),
                config.dev_addr, root)
            if edition is not None:
                regional_build.configure(config, edition, _command[-1] if _command else None, root)
        except BaseException as error:
            _settle_background_check(error)
            if isinstance(error, feedback.SettingError):
                raise SystemExit(str(error)) from None
            raise
        notices = build_notices.once(build_notices.notices(root, config.site_url, config.extra))
        for text in (build_errors.warnings_text(warnings), notices):  # once, in French
            if text:
                print(text, file=sys.stderr, flush=True)
        _french_site.update(name=config.site_name, url=config.site_url or "")  # "": unknown, left out
        _configured_nav = copy.deepcopy(config.nav)  # the nav as mkdocs.yml writes it
        _keywords.clear()  # under `mkdocs serve`, the last build's pages are not this one's
        _search_docs.clear()
        _csp_hashes.clear()
        _not_found_pages.clear()
    config.extra["bandeau"] = prerender.strip_entries()
    # The build's version (Pagefind's cache tag) and whether the offline help is on (kill switch).
    if _build_depth == 0:
        _french_site["version"] = build_version.build_version(Path(config.config_file_path or ".").resolve().parent)
    config.extra["ss_construction"] = _french_site.get("version", "")
    config.extra["ss_hors_ligne"] = service_worker.enabled(config.extra.get("hors_ligne"))
    if _configured_nav:
        config.nav = prerender.complete_nav(_configured_nav, _language(config), config.docs_dir)
    # Material's search plugin stays for its search box and result list (its templates ask for
    # it), but no longer indexes the pages: its index was only read for words, which
    # search_index.py now takes from our pages (on_page_content). Its own on_config, which made
    # this build's index, has run (priority 0; this hook runs at -150).
    search_plugin = config.plugins.get("material/search")
    if search_plugin is not None and getattr(search_plugin, "search_index", None) is not None:
        search_plugin.search_index.add_entry_from_context = lambda page: None
    return config


def _start_background_check(docs_dir, root) -> list:
    _background_check[:] = [build_errors.BackgroundCheck(docs_dir, root)]
    return []  # its warnings are shown when it ends (_finish_background_check)


def _finish_background_check() -> None:
    """Wait for the content check: its warnings, once; its errors stop the build (ContentError)."""
    if _background_check:
        text = build_errors.warnings_text(_background_check.pop().result())
        if text:
            print(text, file=sys.stderr, flush=True)


def _settle_background_check(error: BaseException) -> None:
    """The build stops on `error` while the content check runs: the check's French lines come
    first, as when it ran in line (ContentError); Ctrl+C ends it at once."""
    if isinstance(error, KeyboardInterrupt):
        while _background_check:
            _background_check.pop().cancel()
    else:
        _finish_background_check()


def on_serve(server, config, builder):
    regional_build.watch_sources(server, config)  # a regional edition: its sources, not their copy
    # A content error while serving: the French lines in the terminal and the browser, the last
    # good site kept; rebuilds on changes to data/, overrides/ and soignants/ too.
    return serving.serve_with_french_errors(server, Path(config.config_file_path or ".").resolve().parent)


def on_env(env, config, files):
    # Every page is read and rendered, none written yet: the content check must have passed.
    _finish_background_check()
    # Material's templates, compiled once per machine, outside the checkout: a cache inside it
    # would be code that a proposal could plant (soignants/pipeline/template_cache.py).
    cache = template_cache.bytecode_cache()
    if cache is not None:
        env.bytecode_cache = cache
    # A template that fails on a page: a French `fichier:ligne` line, never a Jinja traceback.
    template_errors.in_french(env, PluginError, Path(config.docs_dir).name)
    # Material's style sheets, trimmed to what this build's pages use, written at the end of the build.
    env.globals["ss_material_css"] = material_css.SHEET.as_posix()
    # Material's bundle, loaded on demand by chargement-differe.js (overrides/main.html).
    env.globals["ss_material_bundle"] = "assets/javascripts/" + material_css.material_bundle().name
    # The Content-Security-Policy of each page (overrides/main.html), from the theme's templates.
    env.globals["ss_csp"] = jinja2.pass_context(
        lambda context, base_url: csp.policy(_theme_script_hashes(env, config, base_url)))
    return env


def _theme_script_hashes(env, config, base_url: str) -> list[str]:
    key = (id(env), base_url)
    if key not in _csp_hashes:
        features = config.theme.get("features") or []
        _csp_hashes[key] = csp.theme_script_hashes(env, {"config": config, "base_url": base_url, "features": features})
    return _csp_hashes[key]


def on_pre_page(page, config, files):
    # A time budget for the page, from here to its cleaned content (soignants/pipeline/page_budget.py).
    page_budget.start(f"{Path(config.docs_dir).name}/{page.file.src_uri}", PluginError)
    return page


def on_page_read_source(page, config):
    # Before MkDocs parses the front matter and the Markdown: refuse, in French, what would make
    # the build hang or crash (soignants/model/limits.py). None: MkDocs reads the file as usual.
    problem = prerender.source_problems(Path(page.file.abs_src_path).read_bytes(), page.file.src_uri)
    if problem:
        raise PluginError(problem)
    return None


def on_page_markdown(markdown, page, config, files):
    # Everything our markers and front matter add: the same code as `make prerender`.
    site = prerender.Site(Path(config.docs_dir), config.site_url or "", config.extra, config.site_name)
    try:
        rendered = prerender.page(markdown, page.meta or {}, page.file.src_uri, _language(config), site,
                                  canonical=page.canonical_url or "")
    except prerender.PrerenderError as error:
        raise PluginError(str(error)) from None
    page.ss_assets = rendered.assets  # added after sanitising (on_page_content)
    # Material writes these front-matter values into the page as they are: make them text.
    page.meta.update(rendered.theme_meta)
    if rendered.keywords:
        _keywords[page.url] = rendered.keywords
    return rendered.markdown


def on_page_content(html, page, config, files):
    # Only what soignants/render/sanitize.py allows reaches a reader; then the page's own scripts.
    before, after = getattr(page, "ss_assets", ("", ""))
    if _language(config) != DEFAULT_LANGUAGE:
        html = editions.french_links(html, page.url)  # before: the sanitiser drops unknown schemes
    html = sanitize.clean(html)
    if search_pagefind.is_indexed(page.meta):  # what the readers' search indexes (Pagefind)
        html = search_pagefind.indexed_content(html, _keywords.get(page.url, []), _language(config),
                                               search_pagefind.keywords_weight(page.meta))
    page_budget.stop()
    if not ((page.meta or {}).get("search") or {}).get("exclude"):  # as Material's plugin chose
        _search_docs.append(search_index.page_document(html, page.url, page.title))
    return "\n".join(x for x in (before, html, after) if x)


def on_post_page(output, page, config):
    if _site_root:
        _manifest.add_page(Path(page.file.abs_dest_path).relative_to(_site_root[0]).as_posix(), page.file.src_uri)
    lang = _language(config)
    if lang != DEFAULT_LANGUAGE:
        output = editions.french_links(output, page.url)  # page.url starts with en/
    # The language switcher works wherever the built site is copied, with or without SITE_URL.
    output = editions.relative_language_links(output, page.url, urlsplit(config.site_url or "/").path)
    # From a page not translated yet, the other edition's closest page (its section's), not its home.
    if lang == DEFAULT_LANGUAGE and not editions.has_english_page(page.file.src_uri, config.docs_dir):
        target = editions.nearest_translation(page.file.src_uri, config.docs_dir)
        output = editions.language_link_to(output, "en", editions.relative_url(page.url.rstrip("/"), target.rstrip("/")))
    output = HREFLANG_LINK.sub("", output)
    _page_words.add_page(output)
    return output


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _not_found_pages[_language(config)] = HREFLANG_LINK.sub("", output_content)
        _page_words.add_page(output_content)
    return output_content


def on_pre_build(config):
    global _build_depth, _manifest, _page_words
    _build_depth += 1
    if _build_depth == 1:
        _manifest = asset_manifest.Manifest()
        _page_words = material_css.Words()
        _site_root[:] = [Path(config.site_dir).resolve()]


def on_build_error(error):
    global _build_depth
    page_budget.stop()
    _build_depth = 0
    # A page that stops the build while the content check runs: the check's French lines win.
    _settle_background_check(error)


@event_priority(-200)  # after mkdocs-static-i18n has merged the languages' indexes (-100)
def on_post_build(config):
    global _build_depth
    _build_depth -= 1
    if _build_depth > 0:
        return  # the English edition, built inside the French build: finish once, at the end
    site_dir = Path(config.site_dir)
    # mkdocs-static-i18n leaves the last-built language's 404 at the root: put the French one back
    # (before Pagefind reads the pages).
    if DEFAULT_LANGUAGE in _not_found_pages and (site_dir / "404.html").exists():
        (site_dir / "404.html").write_text(_not_found_pages[DEFAULT_LANGUAGE], encoding="utf-8")
    index = site_dir / "search" / "search_index.json"
    searched = index.exists()  # Material's search plugin wrote its index (none without the plugin)
    indexing = None
    if searched:
        # The readers' search: Pagefind's index in fragments, over the pages just written (its
        # folder emptied first: only what Pagefind writes there is registered as its own). It
        # runs in its own process while we write the files it does not read, below.
        search_pagefind.clear(site_dir)
        try:
            indexing = search_pagefind.start(site_dir)
        except search_pagefind.SearchIndexError as error:
            raise PluginError(str(error)) from None
    try:
        vocabulary = None
        if searched:  # the typo vocabulary and the help lines, from our pages
            vocabulary = search_index.rewrite(index, _search_docs, _keywords)
            _manifest.add_generated_tree(site_dir, site_dir / "search", "MkDocs et Material (index réécrit)")
        _write_own_files(config, site_dir, vocabulary)
    except BaseException:
        if indexing is not None:
            indexing.stop()
        raise
    if indexing is not None:
        try:
            report = indexing.wait()
        except search_pagefind.SearchIndexError as error:
            raise PluginError(str(error)) from None
        _manifest.add_generated_tree(site_dir, site_dir / search_pagefind.BUNDLE, "Pagefind")
        seconds = f"{report.seconds:.1f}".replace(".", ",")
        log.info("Recherche : %d pages indexées en %s s (Pagefind)", report.pages, seconds)
    # HTTP headers for hosts that read them (_headers, .htaccess, an nginx snippet), from the
    # pages' policy: every page's theme-script hashes, and what a <meta> cannot carry (after
    # Pagefind: they name its folders).
    for path in http_headers.write(site_dir, [h for hashes in _csp_hashes.values() for h in hashes], config.site_url):
        _manifest.add_generated(site_dir, path, "en-têtes HTTP (soignants/pipeline/http_headers.py)")
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site_dir / name).is_file():
            _manifest.add_generated(site_dir, site_dir / name, "MkDocs (plan du site)")
    if (site_dir / "404.html").exists():
        _manifest.add_page("404.html", "404.html (gabarit de page introuvable)")
    # A regional edition's colours: a style sheet our code wrote from editions/CODE.yml.
    if regional_build.STYLESHEET in (config.extra_css or []):
        _manifest.add_generated(site_dir, site_dir / regional_build.STYLESHEET, "édition régionale (couleurs)")
    # Last: what this build publishes, by hash (scripts/check_built_site.py checks the site with it).
    _manifest.add_theme_files()
    _manifest.write(site_dir)


def _write_own_files(config, site_dir: Path, vocabulary) -> None:
    """What our code writes once the pages are: none of it is a page (Pagefind may be reading them)."""
    # Distress matched as the reader types, before the search loads: its rules, in its script.
    try:
        distress_script.write_rules(site_dir, vocabulary)
    except distress_script.DistressScriptError as error:
        raise PluginError(str(error)) from None
    # Material's style sheets, trimmed to what the pages just written can use (before the service
    # worker lists the files its help pages load).
    try:
        sheet = material_css.write(site_dir, _page_words)
    except material_css.MaterialCssError as error:
        raise PluginError(str(error)) from None
    _manifest.add_generated(site_dir, sheet, "feuilles de style de Material, réduites à ce que les pages utilisent")
    # Our scripts and style sheets as readers download them: minified (the sources keep their comments);
    # then the help pages offline: the site's service worker, from the files just written (or its kill switch).
    try:
        worker = service_worker.take_template(site_dir)
        minify.minify_assets(site_dir)
        service_worker.write(site_dir, worker, config.extra.get("ss_hors_ligne", True))
    except service_worker.ServiceWorkerError as error:
        raise PluginError(str(error)) from None
    # Both written by our code from a source of overrides/ and the build's data: registered as such.
    _manifest.add_generated(site_dir, site_dir / distress_script.SCRIPT, "recherche (détresse, règles de la construction)")
    _manifest.add_generated(site_dir, site_dir / service_worker.WORKER, "service worker (construction)", worker=True)
    # Open data: site/donnees/aide.json, .csv (and the schema), from data/aide.yml.
    for path in open_data.write_open_data(site_dir):
        _manifest.add_generated(site_dir, path, "données ouvertes (data/aide.yml)")
    # What changed, as an Atom feed (the « Quoi de neuf » page links to it).
    try:
        news.write_feed(site_dir / "feed.xml", _french_site["url"], _french_site["name"])
    except news.FeedError as error:
        raise PluginError(str(error)) from None
    _manifest.add_generated(site_dir, site_dir / "feed.xml", "flux des nouveautés")
