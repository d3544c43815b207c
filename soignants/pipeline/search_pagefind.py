"""The site's search index, in fragments: Pagefind, run over the built site, whatever built it.

A single lunr index (Material's) is fetched whole when the reader opens the search: about 4 KB
gzip per fiche, 4 MB at 1 000 fiches. Pagefind splits the index by word and by page, so a query
fetches only the fragments it needs (scripts/bench, docs/a-propos/performances.md).

What the built pages carry for it (added by `indexed_content`, called by the MkDocs hook once
the content is cleaned; another generator needs the same call to get the site's search):
- `data-pagefind-body` around the page's content: only the content is indexed, never the menu,
  the help strip or the footer; a page for contributors (`search: exclude: true`) has none, so it
  is not in the readers' search at all;
- the fiche's `mots_cles` and tags, in a hidden paragraph weighed like a title, and given back
  with each result (`meta.mots_cles`): among the results, search-soignants.js puts first the
  pages whose title or keywords hold more of the query's words, as Material's field boosts did;
- its edition as a filter (`edition:fr`, `edition:en`), so that the search on /en/ asks for the
  English pages first, then the French ones.

One index for both editions, with French word rules (`--force-language fr`), as before: an
English reader also finds the French pages (most are not translated).
The query side (folding, stop words, typos, distress, order) is search-soignants.js.
"""

from dataclasses import dataclass
from pathlib import Path
import shutil
import subprocess
import time

from ..render.escaping import html_text
from ..render.pages import NOT_SEARCHED
from .search_index import keywords_text

BUNDLE = "pagefind"
LANGUAGE = "fr"
KEYWORDS_WEIGHT = 7  # Pagefind's own weight of an <h1>
MAX_WEIGHT = 10  # the most Pagefind allows
KEYWORDS_META = "mots_cles"  # also returned with each result: search-soignants.js ranks on it
# Not indexed: the headings' « ¶ » links, and what the rendering marks as not for the search
# (render/pages.py NOT_SEARCHED: draft notices, page footers); `data-pagefind-ignore` as always.
EXCLUDED = (".headerlink", "." + NOT_SEARCHED)
# Pagefind writes its ready-made interfaces too; the site uses its own (search-soignants.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not index the site (message in French)."""


def is_indexed(meta: dict) -> bool:
    """Is a page in the readers' search? Not when its front matter says `search: exclude: true`."""
    search = (meta or {}).get("search")
    return not (isinstance(search, dict) and search.get("exclude") is True)


def keywords_weight(meta: dict) -> int:
    """Material's `search: boost:` has no equal in Pagefind: it scales the weight of the page's
    keywords instead (2 or more: the most Pagefind allows; 0.5: half a title)."""
    search = (meta or {}).get("search")
    boost = search.get("boost") if isinstance(search, dict) else None
    if not isinstance(boost, (int, float)) or isinstance(boost, bool) or boost <= 0:
        return KEYWORDS_WEIGHT
    return max(1, min(MAX_WEIGHT, round(KEYWORDS_WEIGHT * boost)))


def indexed_content(html: str, keywords: list[str], edition: str, weight: int = KEYWORDS_WEIGHT) -> str:
    """The page's (cleaned) content, marked for the index: body, keywords, edition."""
    hidden = [f'<span data-pagefind-filter="edition:{html_text(edition)}"></span>']
    if keywords:
        hidden.append(f'<span data-pagefind-weight="{int(weight)}" data-pagefind-meta="{KEYWORDS_META}">'
                      f'{html_text(keywords_text(keywords))}</span>')
    return f'<div class="ss-corps-indexe" data-pagefind-body>{html}<p hidden>{"".join(hidden)}</p></div>'


def executable() -> Path:
    try:
        import pagefind_bin
        return Path(pagefind_bin.get_executable())
    except Exception as error:  # not installed, or no binary for this machine
        raise SearchIndexError(
            "Pagefind est introuvable : installez les dépendances du site (make build s'en charge), "
            f"puis relancez ({error}).") from None


@dataclass
class IndexReport:
    seconds: float
    pages: int
    output: str


def build(site_dir, timeout: float = 600) -> IndexReport:
    """Index the built site into site_dir/pagefind/. Raises SearchIndexError."""
    return start(site_dir).wait(timeout)


class Indexing:
    """Pagefind indexing the built site in its own process (start()): the build writes what
    Pagefind does not read (scripts, style sheets, data) meanwhile, then waits for it."""

    def __init__(self, site_dir: Path, command: list[str]):
        self.site_dir = site_dir
        self.started = time.perf_counter()
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            raise SearchIndexError(f"l'index de recherche n'a pas pu être construit ({error}).") from None

    def stop(self) -> None:
        """End Pagefind (the build failed meanwhile, or it took too long)."""
        self.process.kill()
        self.process.communicate()

    def wait(self, timeout: float = 600) -> IndexReport:
        """Its report once done. Raises SearchIndexError."""
        try:
            stdout, stderr = self.process.communicate(timeout=max(timeout - (time.perf_counter() - self.started), 1))
        except subprocess.TimeoutExpired as error:
            self.stop()
            raise SearchIndexError(f"l'index de recherche n'a pas pu être construit ({error}).") from None
        seconds = time.perf_counter() - self.started
        if self.process.returncode != 0:
            raise SearchIndexError("l'index de recherche n'a pas pu être construit (Pagefind) :\n"
                                   + (stderr or stdout).strip())
        for name in UNUSED:
            (self.site_dir / BUNDLE / name).unlink(missing_ok=True)
        return IndexReport(seconds, _pages(stdout), stdout)


def start(site_dir) -> Indexing:
    """Start indexing the built site's pages (every page must be written). Raises SearchIndexError."""
    site_dir = Path(site_dir)
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--force-language", LANGUAGE]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return Indexing(site_dir, command)


def _pages(output: str) -> int:
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0


def clear(site_dir) -> None:
    shutil.rmtree(Path(site_dir) / BUNDLE, ignore_errors=True)
