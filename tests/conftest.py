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
# Under pytest-xdist (`make test` runs the suite in parallel): the tests of a module that builds a
# site of its own (a hostile corpus, an edition, a proposal's preview…) run in one worker, so that
# it is built once; every other test goes to whichever worker is free. Each worker builds the
# session's site once (site_root), and drives its own Chromium.
OWN_BUILDS = {
    "test_hostile.py": "hostile", "test_preview.py": "preview", "test_prerender.py": "prerender",
    "test_generators.py": "generators", "test_build_refuses.py": "build-refuses",
    "test_regional_editions.py": "editions", "test_edition_pages.py": "editions", "test_offline.py": "offline",
}


# What makes a test « lent » (slow) for `make test-rapide`, which leaves those out: a built site
# or a browser among its fixtures, a module with a build of its own, or the mark written on it.
SLOW_FIXTURES = {"site_root", "site_url", "html_pages", "build_log", "browser", "new_context", "edition_site",
                 "open_page_in"}


def _name_the_group(item, group):
    """What pytest-xdist's loadgroup does with the mark: its scheduler keeps together the tests
    whose id ends in the same `@group`. pytest-xdist 3.8 writes that suffix into `item._nodeid`,
    which pytest 9 no longer reads (an item's id is `item._id`): without this, every worker built
    every one of these sites (seen in `--durations`: four setups of the preview, one per worker)."""
    if "@" in item.nodeid:
        return  # pytest-xdist's own renaming took
    from _pytest.nodeid import coerce_node_id  # pytest >= 9 (pinned in pyproject.toml)
    item._id = coerce_node_id(f"{item.nodeid}@{group}")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (its own hook, --dist loadgroup)
def pytest_collection_modifyitems(config, items):
    for item in items:
        group = OWN_BUILDS.get(item.path.name)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
            if getattr(config.option, "loadgroup", False):  # set in each pytest-xdist worker
                _name_the_group(item, group)
        if group or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.lent)




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


class EditionSite:
    """A regional edition built for the session (soignants/model/regional.py), and its server."""

    def __init__(self, code: str, root: Path, port: int, build_log: str):
        self.code, self.root, self.port, self.build_log = code, root, port, build_log
        self.url = f"http://127.0.0.1:{port}/{SUBPATH}/"
        self._server = None

    def serve(self) -> str:
        """Serve it on 127.0.0.1, as a static host would, until the session ends; return its address."""
        if self._server is None:
            handler = partial(QuietHandler, directory=str(self.root.parent))
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
            threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.url

    def close(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture(scope="session")
def edition_site(tmp_path_factory):
    """`edition_site(code)`: the regional edition `code` of editions/, built once per session with
    `EDITION=code mkdocs build --strict` under the sub-path /urps/ (SITE_URL set)."""
    built: dict[str, EditionSite] = {}

    def get(code: str) -> EditionSite:
        if code not in built:
            port = free_port()
            site_dir = tmp_path_factory.mktemp(f"edition-{code}") / SUBPATH
            env = dict(os.environ, EDITION=code, SITE_URL=f"http://127.0.0.1:{port}/{SUBPATH}/",
                       NO_MKDOCS_2_WARNING="1")
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
            log = result.stdout + result.stderr
            assert result.returncode == 0, f"EDITION={code} mkdocs build --strict a échoué :\n{log}"
            built[code] = EditionSite(code, site_dir, port, log)
        return built[code]

    yield get
    for site in built.values():
        site.close()


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
