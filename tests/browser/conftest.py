"""Real-browser fixtures: one browser context per screen size and colour scheme, on the session's
Chromium (the `browser` fixture of tests/conftest.py)."""

import pytest

from browser_support import context_options


@pytest.fixture(scope="session")
def shared_context(browser):
    """A context per (size, scheme), shared by the tests that do not change what it remembers
    (the palette choice lives in localStorage): `shared_context("phone", "dark")`."""
    contexts = {}

    def get(size: str, scheme: str):
        if (size, scheme) not in contexts:
            contexts[size, scheme] = browser.new_context(**context_options(size, scheme))
        return contexts[size, scheme]

    yield get
    for context in contexts.values():
        context.close()


@pytest.fixture
def fresh_context(new_context):
    """A new context, for a test that changes stored state (e.g. toggles the palette)."""
    return lambda size, scheme="light", **options: new_context(**{**context_options(size, scheme), **options})
