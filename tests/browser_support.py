"""One Chromium for the whole test session, and what every test that drives it shares.

Debian's Chromium (or the one named by CHROMIUM_PATH), never Playwright's own download. A missing
or broken Chromium fails the tests with a message that says what to install: these tests are
never skipped. Playwright's sync API allows one instance per thread, so there is exactly one, on
the main thread: the session's `browser` fixture (tests/conftest.py), used by tests/browser,
tests/browser_help and tests/search alike.

Also here: the screen sizes and colour schemes of a context, opening a page of the built site
with a journal of what it asked the network and printed to its console, and axe-core.
"""

from contextlib import contextmanager
import socket
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlparse
import os
import shutil

import pytest

from soignants.tools.chromium import CHROMIUM_ARGS, QuietHandler  # noqa: F401 - shared with the bench

try:
    from playwright.sync_api import Error as PlaywrightError, sync_playwright
except ImportError:  # the test extra is not installed: say so in the failure, not in a skip
    sync_playwright = None
    PlaywrightError = Exception

HOW_TO_INSTALL = ("Installez le paquet « chromium » de la distribution (bash scripts/ensure_chromium.sh), "
                  "ou indiquez le chemin du navigateur dans la variable CHROMIUM_PATH.")

LOCAL_HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        return sock.getsockname()[1]


MISSING_PAGE = "cette-page-n-existe-pas/"

SIZES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
SCHEMES = {"light": "light", "dark": "dark"}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def chromium_path() -> str | None:
    """CHROMIUM_PATH when set (and then only it), else Debian's Chromium."""
    if os.environ.get("CHROMIUM_PATH"):
        candidates = [os.environ["CHROMIUM_PATH"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


@contextmanager
def launched_chromium():
    """The session's Chromium, closed on exit; fails the test, in French, when it cannot run."""
    if sync_playwright is None:
        pytest.fail("Playwright n'est pas installé : pip install -e '.[test]' (ou make test).", pytrace=False)
    path = chromium_path()
    if path is None:
        where = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
        pytest.fail(f"Chromium est introuvable ({where}) : les tests dans le navigateur ne peuvent pas tourner, "
                    f"et ils ne sont jamais sautés. {HOW_TO_INSTALL}", pytrace=False)
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            pytest.fail(f"Chromium ({path}) ne démarre pas : {error}\n{HOW_TO_INSTALL}", pytrace=False)
        try:
            yield chromium
        finally:
            chromium.close()


def context_options(size: str, scheme: str = "light") -> dict:
    """A context of the given screen size and colour scheme, in French, without service worker."""
    return {**SIZES[size], "color_scheme": SCHEMES[scheme], "locale": "fr-FR", "service_workers": "block"}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname == LOCAL_HOST


@dataclass
class Journal:
    """Every request a page makes (its workers' too), the failed ones, and its console errors."""
    expected_404: str | None = None
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, page):
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"exception : {error}"))
        return self

    def _on_response(self, response):
        if response.status >= 400 and is_local(response.url) and response.url != self.expected_404:
            self.failures.append(f"{response.status} {response.url}")

    def _on_failed(self, request):
        # A request cut short because the page navigated on is not a failure of the site.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"{request.failure} {request.url}")

    def _on_console(self, message):
        if message.type != "error":
            return
        if self.expected_404 and message.location.get("url") == self.expected_404 and "404" in message.text:
            return  # the missing page itself answers 404: that is the point of the 404 page
        self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def other_hosts(self) -> list[str]:
        return sorted({url for url in self.requests if not is_local(url)})

    def problems(self) -> list[str]:
        return ([f"requête vers un autre hôte : {url}" for url in self.other_hosts()]
                + [f"requête en échec : {failure}" for failure in self.failures]
                + [f"erreur dans la console : {error}" for error in self.console_errors])


# Recorded from the first instant of every page (an init script runs before the page's own and is
# not subject to its Content-Security-Policy).
CSP_RECORDER = ("window.__ssCsp = [];"
                "document.addEventListener('securitypolicyviolation', function (e) {"
                " window.__ssCsp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' '"
                " + (e.sourceFile || '') + ':' + e.lineNumber); });")


def csp_violations(page) -> list[str]:
    """What the page's Content-Security-Policy refused since it opened."""
    return [f"refusé par la CSP : {v}" for v in page.evaluate("window.__ssCsp || []")]


def open_page(context, site_url: str, site_root: Path, path: str):
    """Open `path` under the site in a new page, with a journal attached before the first request.
    A missing page is answered like a static host does: its 404.html, with status 404."""
    page = context.new_page()
    url = site_url + path
    journal = Journal()
    if path == MISSING_PAGE:
        journal.expected_404 = url
        page.route(url, lambda route: route.fulfill(status=404, path=site_root / "404.html",
                                                    content_type="text/html; charset=utf-8"))
    journal.attach(page)
    page.add_init_script(CSP_RECORDER)
    page.goto(url)
    return page, journal


@cache
def _axe_script() -> str:
    # axe-core as shipped by axe-playwright-python: injected into the page, nothing is downloaded.
    from axe_playwright_python.sync_playwright import Axe
    return Axe().axe_script


def axe_violations(page) -> list[str]:
    """axe-core's violations of WCAG 2.1 A and AA, one line per element, with its selector."""
    page.evaluate(_axe_script())
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                            " resultTypes: ['violations']})", AXE_TAGS)
    lines = []
    for violation in results["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}) : {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))} — {summary[:300]}")
    return lines
