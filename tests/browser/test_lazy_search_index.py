"""The search is fetched only when the reader opens it: before that, no rule file, no index
fragment, no engine. Then Material's own search worker is never fetched (the site's engine,
Pagefind in the page, takes its place), and the first query fetches only files of the site's
search (search/, pagefind/) and Material's bundle, which draws the search box and its results and
is itself loaded on the reader's first gesture (chargement-differe.js)."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
import pytest

from browser_helpers import FICHE, SEARCH_RESULT_TIMEOUT_MS

INDEX = "search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[^/]+\.js$")


def index_requests(journal) -> list[str]:
    return [url for url in journal.requests if url.split("?")[0].endswith(INDEX)]


def worker_requests(journal) -> list[str]:
    return [url for url in journal.requests if WORKER.search(url.split("?")[0])]


def engine_requests(journal) -> list[str]:
    return [url for url in journal.requests if "/pagefind/" in url or url.endswith("/search-soignants.js")]


@pytest.mark.parametrize("how", ["click", "shortcut"])
def test_index_waits_for_the_reader_to_open_the_search(fresh_context, open_page_in, how):
    page, journal = open_page_in(fresh_context("desktop", "light"), FICHE)
    page.wait_for_load_state("networkidle")
    assert index_requests(journal) == [], "l'index de recherche est chargé sans que le lecteur cherche"
    assert worker_requests(journal) == [], "le worker de recherche démarre sans que le lecteur cherche"
    assert engine_requests(journal) == [], "le moteur de recherche est chargé sans que le lecteur cherche"
    before = len(journal.requests)

    if how == "click":
        page.locator(".md-search__input").click()
    else:
        page.locator("body").press("s")  # Material's keyboard shortcut for the search
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type("burnout")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    assert len(index_requests(journal)) == 1
    assert worker_requests(journal) == [], "le worker de Material est chargé : le moteur du site n'a pas pris sa place"
    assert any(url.endswith("/pagefind/pagefind.js") for url in engine_requests(journal))
    assert any(url.endswith("/search-soignants.js") for url in engine_requests(journal))
    searched = [url.split("?")[0] for url in journal.requests[before:] if not url.endswith("/favicon.svg")]
    assert all(re.search(r"/(search|pagefind)/[^/]+(/[^/]+)?$|/search-soignants\.js$"
                         r"|/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", url) for url in searched), searched
    assert sum("/assets/javascripts/bundle." in url for url in searched) == 1, searched
    assert journal.problems() == []


def test_the_engine_starts_while_materials_bundle_is_on_its_way(fresh_context, open_page_in):
    """Opening the search fetches the site's engine (Pagefind's code and WebAssembly) at once,
    not once Material's bundle has come and asked for the rules file: on a slow phone, the first
    query waited for the three one after the other. Here the bundle is held back until the engine
    has been asked for, then let through: the search answers as usual."""
    context = fresh_context("desktop", "light")
    held = []
    context.route(re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), lambda route: held.append(route))
    page, journal = open_page_in(context, FICHE)
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").click()
    try:
        try:
            page.wait_for_event("request", lambda request: request.url.endswith("/pagefind/pagefind.js"),
                                timeout=SEARCH_RESULT_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            pytest.fail("le moteur de recherche n'est pas demandé tant que le script de Material n'est pas là")
        assert held and index_requests(journal) == [], "le moteur a attendu le script de Material et ses règles"
    finally:
        for route in held:
            route.continue_()
    page.keyboard.type("burnout")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    assert journal.problems() == []
