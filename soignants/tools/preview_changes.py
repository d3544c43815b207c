"""Which pages of the site a proposal changes, found by comparing the two built sites.

A page is listed when what its reader sees changes, whatever caused it:
- « nouvelle », « modifiée », « supprimée »: the proposal adds, changes or removes its source;
- « touchée par les données »: its source is the same, but its text changed all the same, through
  data (a contact of `data/aide.yml` changed → the help page, the directory, the printable card and
  every fiche that shows it with `[[aide:…]]`; a bibliography entry → every page citing it).
Comparing what was built, rather than guessing from the files, finds every page a marker or a data
file reaches, including those nobody thought of.

The most safety-relevant come first: the help strip shown on every page, then the pages about help
numbers (the « Trouver de l'aide » section and any page whose numbers changed), then the fiches,
then the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from html import escape as html_escape

from bs4 import BeautifulSoup
import lxml.html

from . import rendered_diff

LANGUAGES = ("en",)  # suffixes of the non-default editions (mkdocs-static-i18n, docs_structure: suffix)
NOT_PAGES = ("assets/", "pagefind/", "search/", "donnees/")
HELP_DATA = "data/aide.yml"

NEW, MODIFIED, REMOVED, THROUGH_DATA = "nouvelle", "modifiée", "supprimée", "touchée par les données"
GROUPS = {0: "Le bandeau d'aide, sur toutes les pages", 1: "Numéros et pages d'aide", 2: "Fiches",
          3: "Autres pages"}
STRIP = "bandeau"  # the `built` name of the help strip's entry


@dataclass
class PageChange:
    built: str             # fiches/soignant/x/index.html (STRIP for the help strip)
    source: str | None     # docs/fiches/soignant/x.md, when the page has one
    label: str
    group: int
    title: str
    before: str | None     # the content (HTML) before, None for a new page
    after: str | None      # the content after, None for a removed page
    visible: bool = True   # False: the source changed but the reader sees the same text
    diff: rendered_diff.Diff | None = None  # before and after both exist: what changed, marked


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


def _pages(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("index.html")
            if not path.relative_to(site).as_posix().startswith(NOT_PAGES)}


def _sources(tree: Path) -> dict[str, str]:
    """built page -> source, for the Markdown pages of a copy of the project."""
    docs = tree / "docs"
    return {built_page(path.relative_to(tree).as_posix()): path.relative_to(tree).as_posix()
            for path in docs.rglob("*.md")} if docs.is_dir() else {}


def page_parts(html: str) -> tuple[str, str, set[str]]:
    """(title, content HTML, call targets) of a built page (libxml2: every page of both sites is read)."""
    tree = lxml.html.document_fromstring(html)
    found = tree.xpath('//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]')
    if not found:
        return (tree.findtext(".//title") or "").strip(), "", set()
    article = found[0]
    content = (html_escape(article.text, quote=False) if article.text else "") + \
        "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    calls = {href for href in article.xpath(".//a/@href") if href.startswith(("tel:", "sms:"))}
    heading = article.find(".//h1")
    if heading is not None:
        for link in heading.xpath('.//a[contains(@class, "headerlink")]'):
            link.drop_tree()
        title = heading.text_content().strip()
    else:
        title = (tree.findtext(".//title") or "").split(" - ")[0].strip()
    return title, content, calls


def strip_html(html: str) -> str:
    strip = BeautifulSoup(html, "lxml").select_one(".ss-bandeau")
    return str(strip) if strip else ""


def compare_sites(before_site: Path, after_site: Path, before_tree: Path, after_tree: Path,
                  changed_sources: dict[str, str]) -> list[PageChange]:
    """Every page whose reader sees something else after the proposal, most safety-relevant first.
    `changed_sources`: source path -> NEW / MODIFIED / REMOVED, as the files say."""
    old_pages, new_pages = _pages(before_site), _pages(after_site)
    sources = {**_sources(before_tree), **_sources(after_tree)}
    help_data_changed = HELP_DATA in changed_sources
    changes: list[PageChange] = []

    for language_prefix in ("", *(f"{language}/" for language in LANGUAGES)):
        home = f"{language_prefix}index.html"
        if home in old_pages and home in new_pages:
            old_strip = strip_html(old_pages[home].read_text(encoding="utf-8"))
            new_strip = strip_html(new_pages[home].read_text(encoding="utf-8"))
            if old_strip != new_strip:
                title = "Bandeau d'aide" + (f" (édition {language_prefix[:-1]})" if language_prefix else "")
                changes.append(PageChange(f"{STRIP}{'-' + language_prefix[:-1] if language_prefix else ''}",
                                          HELP_DATA, THROUGH_DATA, 0, title, old_strip, new_strip))

    for built in sorted(set(old_pages) | set(new_pages)):
        source = sources.get(built)
        old = page_parts(old_pages[built].read_text(encoding="utf-8")) if built in old_pages else None
        new = page_parts(new_pages[built].read_text(encoding="utf-8")) if built in new_pages else None
        if old is None:
            label = NEW
        elif new is None:
            label = REMOVED
        elif source and changed_sources.get(source) in (NEW, MODIFIED):
            label = MODIFIED
        elif old[1] != new[1]:
            label = THROUGH_DATA
        else:
            continue
        diff = rendered_diff.mark_changes(old[1], new[1]) if old is not None and new is not None else None
        visible = diff is None or bool(diff.changes)
        if label == THROUGH_DATA and not visible:
            continue  # markup only (an id, an attribute): nothing a reader sees
        title = (new or old)[0] or built
        calls_changed = (old[2] if old else set()) != (new[2] if new else set())
        group = _group(built, label, calls_changed, help_data_changed, (new or old)[2])
        changes.append(PageChange(built, source, label, group, title, old[1] if old else None,
                                  new[1] if new else None, visible, diff))
    order = {MODIFIED: 0, NEW: 1, REMOVED: 2, THROUGH_DATA: 3}
    return sorted(changes, key=lambda c: (c.group, c.built.startswith("en/"), not _section(c.built).startswith("aide/"),
                                          _section(c.built) != "aide/index.html", order[c.label], c.title.casefold()))


def _section(built: str) -> str:
    """fiches/… for fiches/… and en/fiches/…"""
    return built.split("/", 1)[1] if built.startswith(tuple(f"{x}/" for x in LANGUAGES)) else built


def _group(built: str, label: str, calls_changed: bool, help_data_changed: bool, calls: set[str]) -> int:
    section = _section(built)
    # A new or removed page is read whole by the reviewer, in its own section.
    calls_changed = calls_changed and label in (MODIFIED, THROUGH_DATA)
    if section.startswith("aide/") or calls_changed or (help_data_changed and label == THROUGH_DATA and calls):
        return 1
    if section.startswith("fiches/"):
        return 2
    return 3
