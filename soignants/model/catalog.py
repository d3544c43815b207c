"""What the content holds: fiches and testimonies with their front matter, and who cites what."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
import re

from .. import DOCS_DIR
from .folding import fold
from .frontmatter import read_page

CITATION = re.compile(r"\[@([A-Za-z][A-Za-z0-9_-]*)\]")
PARTS = {"cabinet": "Le cabinet", "soignant": "Le soignant"}


@dataclass(frozen=True)
class Entry:
    src_uri: str  # path from docs/, e.g. "fiches/soignant/medecin-traitant.md"
    meta: dict
    cited_keys: tuple  # front-matter sources first, then inline citations, no duplicates

    @property
    def title(self) -> str:
        return self.meta.get("title", self.src_uri)


def is_translation(path: Path) -> bool:
    """`page.en.md` is the English edition of `page.md` (static-i18n suffix layout)."""
    return len(path.suffixes) >= 2 and path.suffixes[-2] in (".en",)


_docs_dir: Path = DOCS_DIR  # the docs dir of the build in progress (hooks set it from mkdocs.yml)


def use_docs_dir(docs_dir) -> None:
    """Follow the generator's `docs_dir` (e.g. a generated corpus) instead of the project's docs/."""
    global _docs_dir
    _docs_dir = Path(docs_dir).resolve()
    clear_cache()


def current_docs_dir() -> Path:
    """The docs dir of the build in progress (or the project's)."""
    return _docs_dir


def _resolve(docs_dir) -> Path:
    return Path(docs_dir) if docs_dir is not None else _docs_dir


def _entries(folder: str, docs_dir: Path) -> list[Entry]:
    entries = []
    for path in sorted((docs_dir / folder).rglob("*.md")):
        if path.name.startswith("index.") or is_translation(path):
            continue
        page = read_page(path)
        inline = CITATION.findall(page.body)
        keys = list(dict.fromkeys([*page.meta.get("sources", []), *inline]))
        entries.append(Entry(path.relative_to(docs_dir).as_posix(), page.meta, tuple(keys)))
    return entries


FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def page_title(src_uri: str, docs_dir: Path | None = None) -> str:
    """A page's title as the theme shows it: front matter `title`, else its first `# heading`."""
    page = read_page(_resolve(docs_dir) / src_uri)
    if page.meta.get("title"):
        return str(page.meta["title"])
    heading = FIRST_HEADING.search(page.body)
    return heading.group(1) if heading else src_uri


def fiches(docs_dir: Path | None = None) -> tuple[Entry, ...]:
    return _fiches(_resolve(docs_dir))


def testimonies(docs_dir: Path | None = None) -> tuple[Entry, ...]:
    return _testimonies(_resolve(docs_dir))


@lru_cache(maxsize=None)
def _fiches(docs_dir: Path) -> tuple[Entry, ...]:
    return tuple(_entries("fiches", docs_dir))


@lru_cache(maxsize=None)
def _testimonies(docs_dir: Path) -> tuple[Entry, ...]:
    return tuple(_entries("temoignages", docs_dir))


def title_order(title: str) -> str:
    """Alphabetical order as a reader expects it: « Épuisement » among the E, not after Z."""
    return fold(title)


def fiches_of_part(part: str, docs_dir: Path | None = None) -> list[Entry]:
    return sorted((f for f in fiches(docs_dir) if f.meta.get("partie") == part),
                  key=lambda f: title_order(f.title))


def citing_pages(docs_dir: Path | None = None) -> dict[str, list[Entry]]:
    """Bibliography key -> the fiches and testimonies that cite it."""
    cited: dict[str, list[Entry]] = {}
    for entry in (*fiches(docs_dir), *testimonies(docs_dir)):
        for key in entry.cited_keys:
            cited.setdefault(key, []).append(entry)
    return cited


def clear_cache() -> None:
    """`mkdocs serve` rebuilds in the same process: forget what was read last time."""
    _fiches.cache_clear()
    _testimonies.cache_clear()
