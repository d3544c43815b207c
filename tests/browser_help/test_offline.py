"""The help pages offline (issue 21): the site's own service worker, in Chromium, on the site served
under a sub-path with its Content-Security-Policy.

One reader's story, in order: a first visit keeps the help pages (and only them); with the network
gone, a page never visited shows « Sans connexion » with the help numbers, and a help page never
visited opens from what was kept; then a new build changes a help number and goes online: the
reader sees the new number at once (the network first, always), the new worker replaces what was
kept, and, offline again, only the new number is shown. « The network gone » is the host not
answering at all (the server drops every connection): what a phone without signal gets.
"""

from http.server import ThreadingHTTPServer
from pathlib import Path
import json
import os
import re
import shutil
import subprocess
import sys
import threading

import pytest

from browser_support import QuietHandler, context_options
from soignants.model import help_data

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("docs", "data", "overrides", "soignants", "mkdocs.yml")
SUBPATH = "urps"
CHANGED = "sps"  # a number of the help strip, on every page


class Host:
    """A static host whose folder can be swapped (a new build goes online), that lets browsers keep
    its files for 10 minutes (as GitHub Pages does), and that can stop answering (no network)."""

    def __init__(self, folder):
        self.folder = folder
        self.offline = False
        host = self

        class Handler(QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(host.folder), **kwargs)

            def end_headers(self):
                # As GitHub Pages does: the browser may reuse any file for 10 minutes without asking.
                self.send_header("Cache-Control", "max-age=600")
                super().end_headers()

            def handle_one_request(self):
                if host.offline:
                    self.close_connection = True
                    self.rfile.readline()  # the request is read, and never answered
                    return
                super().handle_one_request()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{SUBPATH}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def changed_number(old: str) -> str:
    """The same number with its last digit changed: a number for this test's build only."""
    return old[:-1] + str((int(old[-1]) + 1) % 10)


@pytest.fixture(scope="module")
def new_build(tmp_path_factory, site_root):
    """The project rebuilt with one help number changed, for the same address as the session's."""
    project = tmp_path_factory.mktemp("projet-modifie")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, project / name)
    old = help_data.by_id()[CHANGED]["telephone"]
    new = changed_number(old)
    aide = project / "data" / "aide.yml"
    text = aide.read_text(encoding="utf-8")
    assert text.count(f'telephone: "{old}"') == 1
    aide.write_text(text.replace(f'telephone: "{old}"', f'telephone: "{new}"'), encoding="utf-8")
    host_root = tmp_path_factory.mktemp("hote-modifie")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=_session_site_url(site_root))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(host_root / SUBPATH)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return host_root, old, new


def _session_site_url(site_root) -> str:
    """The SITE_URL the session's site was built with (read back from a page's canonical link)."""
    page = (site_root / "aide" / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)aide/"', page).group(1)


@pytest.fixture
def host(site_root):
    served = Host(site_root.parent)
    yield served
    served.close()


KEPT = """async () => {
  const names = (await caches.keys()).filter(n => n.startsWith("soignants-hors-ligne:"));
  const out = {};
  for (const name of names) out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
  return out;
}"""


def kept(page) -> dict:
    return page.evaluate(KEPT)


def wait_for_worker(page, version_not: str | None = None) -> str:
    """Wait until the site's worker controls the page and has kept its files; its cache's name."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    for _ in range(300):
        names = [n for n in kept(page) if n != version_not]
        if len(kept(page)) == 1 and names:
            return names[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"le service worker n'a pas gardé ses fichiers : {kept(page)}")


def strip_numbers(page) -> list[str]:
    return page.eval_on_selector_all(".ss-bandeau a[href^='tel:']", "links => links.map(a => a.querySelector('strong').textContent)")


def test_offline_help_and_a_changed_number_never_served_stale(browser, host, new_build, site_root):
    new_root, old, new = new_build
    context = browser.new_context(**{**context_options("phone", "dark"), "service_workers": "allow"})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        # A first visit, on the home page: the worker keeps the help pages and what they need, only.
        page.goto(host.url)
        first = wait_for_worker(page)
        urls = kept(page)[first]
        worker = (site_root / "service-worker.js").read_text(encoding="utf-8")
        listed = re.search(r'"precache":(\[[^\]]*\])', worker).group(1)
        assert sorted(urls) == sorted(host.url + path for path in json.loads(listed))
        assert host.url + "aide/carte/" in urls and host.url + "aide/hors-ligne/" in urls
        assert not any("/fiches/" in url or "/temoignages/" in url or "/pagefind/" in url for url in urls), urls

        # No network: a page never visited shows « Sans connexion » and the numbers.
        host.offline = True
        page.goto(host.url + "fiches/cabinet/prevoyance/")
        assert page.url == host.url + "aide/hors-ligne/", page.url
        assert page.locator("h1").inner_text().startswith("Sans connexion")
        assert old in strip_numbers(page)
        assert page.locator(".md-content a[href^='tel:']").count() >= 4
        # English pages get the English one.
        page.goto(host.url + "en/fiches/")
        assert page.url == host.url + "en/aide/hors-ligne/", page.url
        # A help page never visited opens from what was kept, styled (its style sheet kept too).
        page.goto(host.url + "aide/carte/")
        assert page.locator(".ss-carte").is_visible() and old in page.locator(".ss-carte").inner_text()
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"

        # A new build with a changed number goes online: the reader sees it at once.
        host.folder = new_root
        host.offline = False
        page.goto(host.url + "aide/")
        assert new in strip_numbers(page) and old not in strip_numbers(page)
        assert new in page.locator(".md-content").inner_text()
        second = wait_for_worker(page, version_not=first)
        assert second != first and list(kept(page)) == [second], kept(page)

        # Offline again: the kept pages are the new ones, never the old number.
        host.offline = True
        for path in ("aide/annuaire/", "aide/carte/", "temoignages/"):
            page.goto(host.url + path)
            text = page.locator("body").inner_text()
            assert new in text and old not in text, path
        assert not errors, errors
    finally:
        host.offline = False
        context.close()
