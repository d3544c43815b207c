"""Driving the site's real search box in Chromium (opened by the `open_search` fixture, see conftest.py)."""

from urllib.parse import urlsplit

# Counts the queries sent to Material's search worker and the results it sends back, so that a test
# knows when the result list shows the last query typed (Material's SearchMessageType: 2, 3).
COUNT_SEARCH_MESSAGES = """
(() => {
  const counts = window.__searchMessages = { queries: 0, results: 0 };
  const counted = new WeakSet();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 2) counts.queries++;
    return post.call(this, message, ...rest);
  };
  const listen = EventTarget.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type === "message" && typeof listener === "function") {
      const original = listener;
      listener = function (event) {
        const result = original.apply(this, arguments);
        if (event.data && event.data.type === 3 && !counted.has(event)) {
          counted.add(event);
          counts.results++;
        }
        return result;
      };
    }
    return listen.call(this, type, listener, ...rest);
  };
})();
"""


SEARCH_BOX = "input.md-search__input"
ALL_ANSWERED = "() => window.__searchMessages.results >= window.__searchMessages.queries"


class SearchPage:
    """One page of the served site with its search open, ready to take queries. The page was
    loaded with COUNT_SEARCH_MESSAGES as an init script, and `journal` attached (tests/browser_support.py)."""

    def __init__(self, page, journal):
        self.page = page
        self.journal = journal
        self.page.locator(SEARCH_BOX).click()
        # The worker is ready: Material then sends the box's content as a first query.
        self.page.wait_for_function("() => window.__searchMessages.queries >= 1")
        self.page.wait_for_function(ALL_ANSWERED)
        # Our query rules came with the index.
        self.page.wait_for_function("() => window.soignantsSearch && window.soignantsSearch.normalize('a') !== null")

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

    def normalize(self, queries: list[str]) -> list[str]:
        return self.page.evaluate("qs => qs.map(q => window.soignantsSearch.normalize(q))", queries)

    @property
    def errors(self) -> list[str]:
        """The page's JavaScript errors and console errors so far."""
        return self.journal.console_errors


def location(href: str, site_url: str) -> str:
    """http://127.0.0.1:8000/urps/fiches/x/?h=y -> fiches/x/ (the index's location)."""
    parts = urlsplit(href)
    base = urlsplit(site_url)
    assert (parts.scheme, parts.netloc) == (base.scheme, base.netloc), href
    assert parts.path.startswith(base.path), href
    return parts.path[len(base.path):]
