"""Fixtures of the help pages' browser tests, on the session's Chromium (tests/conftest.py).

Every request is watched: only 127.0.0.1 is reached. The quick-exit destination (the only
other address the site ever navigates to) is answered by a local stub, so nothing leaves the
machine; any other outside request is blocked and fails the test.
"""

from urllib.parse import urlsplit

import pytest

from browser_support import LOCAL_HOST
from help_browser_helpers import QUICK_EXIT, STUB


class Guard:
    """Records where the page tried to go; answers the quick exit with the stub."""

    def __init__(self):
        self.outside: list[str] = []
        self.quick_exits: list[str] = []
        self.referrers: list[str | None] = []

    def handle(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if host == LOCAL_HOST:
            route.continue_()
        elif url == QUICK_EXIT:
            self.quick_exits.append(url)
            self.referrers.append(route.request.headers.get("referer"))
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=STUB)
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def guarded(new_context):
    """new(**context_options) -> (page, guard); every context is closed, and checked, when the
    test ends."""
    opened = []

    def new(**options):
        context = new_context(**options)
        guard = Guard()
        context.route("**/*", guard.handle)
        opened.append((context, guard))
        return context.new_page(), guard

    yield new
    for context, _ in opened:
        context.close()  # before the check: no request can come after it
    for _, guard in opened:
        assert not guard.outside, f"requêtes hors de 127.0.0.1 : {guard.outside}"
