"""Complete the page tree from the content, so that adding a fiche never means editing mkdocs.yml.

mkdocs.yml lists each section by its index page; the fiches of a part, the testimonies and the
bibliography's theme pages are appended after their section's index, sorted by title.
"""

from pathlib import Path

from . import bibliography, catalog


def _children(index_page: str, docs_dir: Path | None) -> list[str]:
    if index_page.startswith("fiches/") and index_page.count("/") == 2:
        part = index_page.split("/")[1]
        return [e.src_uri for e in catalog.fiches_of_part(part, docs_dir)]
    if index_page == "temoignages/index.md":
        return [e.src_uri for e in sorted(catalog.testimonies(docs_dir), key=lambda e: e.title.lower())]
    if index_page == "bibliographie/index.md":
        return [f"bibliographie/{t['id']}.md" for t in bibliography.themes()]
    return []


def complete(nav: list, docs_dir: Path | None = None) -> list:
    """Return a copy of a MkDocs nav where each known section index is followed by its pages."""
    completed = []
    for item in nav:
        if isinstance(item, dict):
            completed.append({title: complete(value, docs_dir) if isinstance(value, list) else value
                              for title, value in item.items()})
        elif isinstance(item, str):
            completed.append(item)
            completed.extend(page for page in _children(item, docs_dir) if page not in nav)
        else:
            completed.append(item)
    return completed
