"""The site's search, run for real: the built site served on this machine, Chromium (Debian's),
and the page's own search (search-soignants.js on Pagefind's index). Used by `scripts/search.py`
(`make recherche`); the relevance suite (tests/search) drives the same function of the page."""

from pathlib import Path

from .chromium import CHROMIUM, CHROMIUM_ARGS, served

SEARCH = """async ([queries]) => {
  await new Promise((resolve, reject) => {
    const started = Date.now();
    const wait = () => window.soignantsSearch && window.soignantsSearch.ready ? resolve()
      : Date.now() - started > 30000 ? reject(new Error("recherche pas prête")) : setTimeout(wait, 20);
    wait();
  });
  const out = [];
  for (const query of queries) out.push(await window.soignantsSearch.search(query));
  return out;
}"""


class SearchUnavailable(Exception):
    """What is missing to run the search (message in French)."""


def search(site_dir, queries: list[str], english: bool = False) -> list[dict]:
    """For each query, what the reader's search shows: {pages, words (sent), help (or None)}."""
    site_dir = Path(site_dir)
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SearchUnavailable(f"index de recherche introuvable dans {site_dir} : construisez d'abord le site (make build)")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise SearchUnavailable("Playwright manque : installez les dépendances de test (make test les installe)") from None
    if not Path(CHROMIUM).exists():
        raise SearchUnavailable("Chromium manque : apt-get install -y chromium (make test l'installe)")
    with served(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url + ("en/" if english else ""))
            page.locator("input.md-search__input").first.focus()  # opening the search loads it
            return page.evaluate(SEARCH, [queries])
        except Error as error:
            raise SearchUnavailable(f"la recherche n'a pas pu être lancée dans Chromium ({error.message.splitlines()[0]})") from None
        finally:
            browser.close()


def titles(site_dir, pages: list[str]) -> dict[str, str]:
    """The <title> of each built page, for the listing."""
    found = {}
    for location in pages:
        path = Path(site_dir) / location / "index.html"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            start, end = text.find("<title>"), text.find("</title>")
            if 0 <= start < end:
                from html import unescape
                found[location] = unescape(text[start + 7:end]).rsplit(" - ", 1)[0]
    return found
