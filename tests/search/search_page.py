"""Driving the site's real search box in Chromium (opened by the `open_search` fixture, see conftest.py)."""

from urllib.parse import urlsplit

SEARCH_BOX = "input.md-search__input"
# The site's engine (search-soignants.js) counts the queries Material sends it and those answered.
ALL_ANSWERED = "() => window.soignantsSearch.counts.results >= window.soignantsSearch.counts.queries"


class SearchPage:
    """One page of the served site with its search open, ready to take queries (`journal`
    attached: tests/browser_support.py)."""

    def __init__(self, page, journal):
        self.page = page
        self.journal = journal
        self.page.locator(SEARCH_BOX).click()
        # The engine is ready (our query rules came with Material's index): Material then sends
        # the box's content as a first query.
        self.page.wait_for_function("() => window.soignantsSearch && window.soignantsSearch.ready")
        self.page.wait_for_function("() => window.soignantsSearch.counts.queries >= 1")
        self.page.wait_for_function(ALL_ANSWERED)

    def type(self, query: str) -> None:
        """Empty the box, then type the query key by key as a reader would. Material reads the box
        on keyup: the final End key makes it see characters typed without a key (accents)."""
        box = self.page.locator(SEARCH_BOX)
        box.fill("")
        box.press("End")
        self.page.wait_for_function(ALL_ANSWERED)
        box.press_sequentially(query)
        box.press("End")
        self.page.wait_for_function(ALL_ANSWERED)

    def enter(self, query: str) -> None:
        """Put the whole query in the box at once (faster than `type`, for long lists), then the
        End key that makes Material read it."""
        box = self.page.locator(SEARCH_BOX)
        box.fill(query)
        box.press("End")
        self.page.wait_for_function(ALL_ANSWERED)

    def result_links(self) -> list[str]:
        """The page link of each result item, in the order shown."""
        return self.page.eval_on_selector_all(
            ".md-search-result__item",
            "items => items.map(li => li.querySelector('a.md-search-result__link').href)")

    def meta(self) -> str:
        return self.page.locator(".md-search-result__meta").inner_text().strip()

    def search(self, queries: list[str]) -> list[dict]:
        """The whole search for each query, as the result list gets it: {pages, words, help}."""
        return self.page.evaluate(
            "async qs => { const out = []; for (const q of qs) out.push(await window.soignantsSearch.search(q)); return out; }",
            queries)

    def prepare(self, queries: list[str]) -> list[dict]:
        """The words sent to the engine for each query (typos corrected) and the help page (distress)."""
        return self.page.evaluate(
            "async qs => { const out = []; for (const q of qs) out.push(await window.soignantsSearch.prepare(q)); return out; }",
            queries)

    def distress(self, queries: list[str]) -> list[list[str] | None]:
        return self.page.evaluate(
            "async qs => { const out = []; for (const q of qs) out.push(await window.soignantsSearch.distress(q)); return out; }",
            queries)

    @property
    def errors(self) -> list[str]:
        """The page's JavaScript errors and console errors so far."""
        return self.journal.console_errors


def location(href: str, site_url: str) -> str:
    """http://127.0.0.1:8000/urps/fiches/x/?h=y -> fiches/x/ (a location under the site's root)."""
    parts = urlsplit(href)
    base = urlsplit(site_url)
    assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), href
    assert parts.path.startswith(base.path), href
    return parts.path[len(base.path):]
