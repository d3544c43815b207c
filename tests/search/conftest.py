"""Fixtures of the search tests: the relevance suite, and the site's search box in the session's
Chromium (tests/conftest.py): the real engine (Pagefind's index of the built site, with
search-soignants.js's rules), never a copy of it."""

from pathlib import Path

import pytest
import yaml

from browser_support import context_options
from search_page import SearchPage
from soignants.model import distress

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def search_queries() -> list[dict]:
    return yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def distress_data() -> dict:
    return distress.load()


@pytest.fixture
def open_search(new_context, open_page_in):
    """`open_search(path)`: the page at `path` under the site, on a desktop, its search open and
    ready to take queries; closed when the test ends."""
    def open_(path: str = "") -> SearchPage:
        context = new_context(**context_options("desktop"))
        return SearchPage(*open_page_in(context, path))

    return open_
