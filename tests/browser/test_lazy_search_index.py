"""The search index, the heaviest file of the site, is fetched only when the reader opens the
search, and the search worker (a script of its own) starts only then: a reader who only reads a
fiche downloads neither."""

import re

import pytest

from browser_helpers import FICHE, SEARCH_RESULT_TIMEOUT_MS

INDEX = "search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[^/]+\.js$")


def index_requests(journal) -> list[str]:
    return [url for url in journal.requests if url.split("?")[0].endswith(INDEX)]


def worker_requests(journal) -> list[str]:
    return [url for url in journal.requests if WORKER.search(url.split("?")[0])]


@pytest.mark.parametrize("how", ["click", "shortcut"])
def test_index_waits_for_the_reader_to_open_the_search(fresh_context, open_page_in, how):
    page, journal = open_page_in(fresh_context("desktop", "light"), FICHE)
    page.wait_for_load_state("networkidle")
    assert index_requests(journal) == [], "l'index de recherche est chargé sans que le lecteur cherche"
    assert worker_requests(journal) == [], "le worker de recherche démarre sans que le lecteur cherche"

    if how == "click":
        page.locator(".md-search__input").click()
    else:
        page.locator("body").press("s")  # Material's keyboard shortcut for the search
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.type("burnout")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    assert len(index_requests(journal)) == 1
    assert len(worker_requests(journal)) == 1
    assert journal.problems() == []
