"""What the reader types stays in the browser, and other sites are not told where the reader came
from (the page « Confidentialité » says both).

- Search, then open a result: no request made by the page, nor the address it lands on, nor the
  browser history holds a word of the query.
- Follow a link to another site (answered here by a stand-in, nothing leaves the machine): the
  request carries no Referer header.
"""

from browser_helpers import FICHE, SEARCH_RESULT_TIMEOUT_MS

QUERY = "carence"  # a word of the text, in no page address


def test_no_query_text_in_any_address_after_opening_a_result(fresh_context, open_page_in):
    page, journal = open_page_in(fresh_context("desktop", "light"), FICHE)
    page.locator(".md-search__input").click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type(QUERY)
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    first = page.locator("a.md-search-result__link").first
    assert QUERY not in (first.get_attribute("href") or "")
    with page.expect_navigation():
        first.click()
    page.wait_for_load_state("networkidle")
    assert QUERY not in page.url
    assert not [url for url in journal.requests if QUERY in url.lower()]
    # The history entries the page can see: none holds the query either.
    assert QUERY not in page.evaluate("location.href + ' ' + document.referrer")


def test_other_sites_get_no_referrer(fresh_context, open_page_in):
    context = fresh_context("desktop", "light")
    seen = []

    def stand_in(route):
        seen.append(route.request.headers)
        route.fulfill(status=200, body="ailleurs", content_type="text/plain")

    context.route("https://www.ameli.fr/**", stand_in)
    page, _ = open_page_in(context, "fiches/cabinet/prevoyance/")
    assert page.locator("meta[name=referrer]").get_attribute("content") == "no-referrer"
    link = page.locator("a[href^='https://www.ameli.fr/']").first
    with page.expect_navigation():
        link.click()
    assert seen, "le lien vers ameli.fr n'a pas été suivi"
    assert "referer" not in {name.lower() for name in seen[0]}
