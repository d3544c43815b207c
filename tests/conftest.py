"""Shared fixtures: the site is built once per test session, under a subpath, and served on
127.0.0.1 the way a static host would serve it; one Chromium drives it for the whole session
(tests/browser_support.py), for every folder of browser tests."""

from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
import os
import subprocess
import sys
import threading

import pytest

from browser_support import QuietHandler, free_port, launched_chromium, open_page

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "urps"




@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_root(tmp_path_factory, site_port):
    """Build the real site with `mkdocs build --strict` into <tmp>/urps/ (a subpath)."""
    host_root = tmp_path_factory.mktemp("host")
    site_dir = host_root / SUBPATH
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{site_port}/{SUBPATH}/", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    build_log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{build_log}"
    (host_root / "build.log").write_text(build_log, encoding="utf-8")
    return site_dir


@pytest.fixture(scope="session")
def build_log(site_root) -> str:
    return (site_root.parent / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site_url(site_root, site_port):
    """The built site served over HTTP at http://127.0.0.1:<port>/urps/ (no server logic)."""
    handler = partial(QuietHandler, directory=str(site_root.parent))
    server = ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site_port}/{SUBPATH}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def html_pages(site_root) -> list[Path]:
    return sorted(site_root.rglob("*.html"))


@pytest.fixture(scope="session")
def browser():
    """The session's only Chromium (Playwright's sync API, on the main thread)."""
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def new_context(browser):
    """`new_context(**options)`: a new browser context, closed when the test ends."""
    opened = []

    def new(**options):
        context = browser.new_context(**options)
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def open_page_in(site_url, site_root):
    """`open_page_in(context, path)`: a new page of the built site, with its journal."""
    return lambda context, path: open_page(context, site_url, site_root, path)
