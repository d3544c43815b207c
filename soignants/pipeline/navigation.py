"""Complete the page tree from the content, so that adding a fiche never means editing mkdocs.yml.

mkdocs.yml lists each section by its index page; the fiches of a part, the testimonies and the
bibliography's theme pages are appended after their section's index, sorted by title.

A part with many fiches has them grouped by initial letter (« A », « B – D »…), at most
GROUP_SIZE a group: the theme puts the whole menu of the open group in every page, so one long
list would make every page heavier and the build slower as fiches are added (quadratic growth),
and nobody finds a fiche in a menu of hundreds of entries (the part's page lists them all).

In the English edition (`translated` given), a page with no English version yet is a link to
the French page (soignants/render/editions.py), with its French title.
"""

from ..render.escaping import html_text
from pathlib import Path

from ..render import bibliography, editions
from ..model import catalog
from ..model.folding import fold

GROUP_THRESHOLD = 40  # up to this many fiches, a part's menu is one flat list
GROUP_SIZE = 30


def _children(index_page: str, docs_dir: Path | None) -> list[tuple[str, str]]:
    """(source path, title) of the pages listed after a section's index page."""
    if index_page.startswith("fiches/") and index_page.count("/") == 2:
        part = index_page.split("/")[1]
        return [(e.src_uri, e.title) for e in catalog.fiches_of_part(part, docs_dir)]
    if index_page == "temoignages/index.md":
        return [(e.src_uri, e.title) for e in sorted(catalog.testimonies(docs_dir), key=lambda e: catalog.title_order(e.title))]
    if index_page == "bibliographie/index.md":
        return [(f"bibliographie/{t['id']}.md", t["titre"]) for t in bibliography.themes()]
    return []


def _initial(title: str) -> str:
    folded = fold(title.strip())
    return folded[:1].upper() if folded[:1].isalpha() else "#"


def letter_groups(pages: list, size: int = GROUP_SIZE) -> list[tuple[str, list]]:
    """Consecutive initial letters packed into groups of at most `size` pages (a letter with more
    is cut into « S (1) », « S (2) »…). `pages` are (source, title), sorted by title."""
    by_letter: dict[str, list] = {}
    for page in pages:
        by_letter.setdefault(_initial(page[1]), []).append(page)
    groups: list[tuple[list[str], list]] = []
    for letter, members in by_letter.items():
        if len(members) > size:
            chunks = [members[i:i + size] for i in range(0, len(members), size)]
            groups.extend(([f"{letter} ({n})"], chunk) for n, chunk in enumerate(chunks, 1))
        elif groups and len(groups[-1][0]) and "(" not in groups[-1][0][0] \
                and len(groups[-1][1]) + len(members) <= size:
            groups[-1][0].append(letter)
            groups[-1][1].extend(members)
        else:
            groups.append(([letter], list(members)))
    return [(letters[0] if len(letters) == 1 else f"{letters[0]} – {letters[-1]}", members)
            for letters, members in groups]


def _target(src_uri, translated):
    """Where a menu entry leads in this edition: the page, or its French version when the edition
    has none (`translated` is None for the French edition)."""
    if translated is None or not isinstance(src_uri, str) or not src_uri.endswith(".md") or translated(src_uri):
        return src_uri
    return editions.SCHEME + src_uri


def _entry(src_uri: str, translated, docs_dir: Path | None, title: str | None = None):
    """A page of the menu; a link to the French page, under its French title, when untranslated."""
    target = _target(src_uri, translated)
    # The theme writes a menu title as it is: a title from front matter is text, escaped here.
    return src_uri if target == src_uri else {html_text(title or catalog.page_title(src_uri, docs_dir)): target}


def _in_edition(pages: list, docs_dir: Path | None, translated) -> list:
    """The pages with the titles a reader of this edition sees (a translated page under its own
    title), in that edition's alphabetical order."""
    if translated is None:
        return pages
    shown = [(src, catalog.page_title(src[:-len(".md")] + ".en.md", docs_dir) if translated(src) else title)
             for src, title in pages]
    return sorted(shown, key=lambda page: catalog.title_order(page[1]))


def _entries(index_page: str, docs_dir: Path | None, nav: list, translated) -> list:
    pages = [(src, title) for src, title in _children(index_page, docs_dir) if src not in nav]
    if index_page.startswith("fiches/"):
        pages = _in_edition(pages, docs_dir, translated)
    if index_page.startswith("fiches/") and len(pages) > GROUP_THRESHOLD:
        return [{label: [_entry(src, translated, docs_dir, title) for src, title in members]}
                for label, members in letter_groups(pages)]
    return [_entry(src, translated, docs_dir, title) for src, title in pages]


def complete(nav: list, docs_dir: Path | None = None, translated=None) -> list:
    """Return a copy of a MkDocs nav where each known section index is followed by its pages.
    `translated(src)`, for an edition other than the French one, says whether a page has a
    version in that edition."""
    completed = []
    for item in nav:
        if isinstance(item, dict):
            completed.append({title: complete(value, docs_dir, translated) if isinstance(value, list)
                              else _target(value, translated)
                              for title, value in item.items()})
        elif isinstance(item, str):
            completed.append(_entry(item, translated, docs_dir))
            completed.extend(_entries(item, docs_dir, nav, translated))
        else:
            completed.append(item)
    return completed
