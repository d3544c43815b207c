"""scripts/check_links.py: internal links and anchors of a built site; external links sorted into
« mort », « douteux » and « ok », politely (rate limit, cache). No network: a local server on
127.0.0.1 plays every kind of remote site, and a tiny fake built site links to it."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time

import pytest

from soignants.checks import external_links
from soignants.checks.external_links import DEAD, DOUBTFUL, OK, Cache, HostRateLimiter

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_links.py"
SLOW_SECONDS = 2.0
SHORT_TIMEOUT = 0.5

# path -> (status on GET, status on HEAD); the categories they must land in
ROUTES = {
    "/ok": (200, 200),
    "/moved": (301, 301),  # -> /ok
    "/missing": (404, 404),
    "/gone": (410, 410),
    "/broken": (500, 500),
    "/busy": (429, 429),
    "/forbidden": (403, 403),
    "/no-head": (200, 405),  # refuses HEAD, answers GET
    "/head-lies": (200, 404),  # says 404 to HEAD but the page exists
    "/slow": (200, 200),
}
EXPECTED = {
    "/ok": OK, "/moved": OK, "/no-head": OK, "/head-lies": OK,
    "/missing": DEAD, "/gone": DEAD,
    "/broken": DOUBTFUL, "/busy": DOUBTFUL, "/forbidden": DOUBTFUL, "/slow": DOUBTFUL,
}


class FakeRemote(BaseHTTPRequestHandler):
    hits: list  # (method, path, monotonic time, user agent), set per server
    lock: threading.Lock

    def log_message(self, *args):
        pass

    def _answer(self, method):
        path = self.path.split("?")[0]
        with self.lock:
            self.hits.append((method, self.path, time.monotonic(), self.headers.get("User-Agent", "")))
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        get_status, head_status = ROUTES.get(path, (404, 404))
        status = head_status if method == "HEAD" else get_status
        try:
            self.send_response(status)
            if status == 301:
                self.send_header("Location", "/ok")
            body = b"<html><body>page</body></html>"
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method == "GET":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting (the slow page): expected

    def do_HEAD(self):
        self._answer("HEAD")

    def do_GET(self):
        self._answer("GET")


@pytest.fixture
def remote():
    """A local « remote site »: its base URL and the list of requests it received."""
    handler = type("Handler", (FakeRemote,), {"hits": [], "lock": threading.Lock()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler.hits
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to 127.0.0.1 must never go through a proxy set in the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page(body: str, title="Page", ids=()) -> str:
    anchors = "".join(f'<h2 id="{i}">{i}</h2>' for i in ids)
    return (f'<!doctype html><html lang="fr"><head><title>{title}</title>'
            f'<link rel="canonical" href="http://example.test/urps/"></head>'
            f"<body>{anchors}{body}</body></html>")


def fake_site(root: Path, pages: dict[str, str]) -> Path:
    """A built site: {'fiches/x/index.html': html, ...}."""
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def links_to(urls) -> str:
    return "".join(f'<a href="{u}">lien</a>' for u in urls)


class Run:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_script(*args):
    """The command in a separate process, as CI runs it."""
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def call(capsys):
    """The command in this process (faster), with the same result shape as run_script."""
    spec = importlib.util.spec_from_file_location("check_links_script", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def invoke(*args):
        try:
            code = script.main(list(args))
        except SystemExit as stop:
            code = stop.code
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return invoke


# --- external links ------------------------------------------------------------------------------

def test_each_answer_lands_in_its_category_with_the_pages_linking_to_it(tmp_path, remote):
    base, hits = remote
    urls = {path: f"{base}{path}" for path in ROUTES}
    refused = f"http://127.0.0.1:{closed_port()}/rien"
    site = fake_site(tmp_path / "site", {
        "index.html": page(links_to([urls["/ok"], urls["/missing"] + "#section", "mailto:a@b.fr", "../x/"])),
        "fiches/a/index.html": page(links_to([urls[p] for p in ROUTES] + [refused])),
        "fiches/b/index.html": page(links_to([urls["/missing"], urls["/ok"] + "#haut"])),
    })
    report = external_links.check_site(site, timeout=SHORT_TIMEOUT, delay=0, cache_path=None)
    found = {r.url: r for r in report.results}

    assert set(found) == set(urls.values()) | {refused}  # deduplicated, fragments dropped, mailto ignored
    for path, category in EXPECTED.items():
        assert found[urls[path]].category == category, (path, found[urls[path]])
    assert found[refused].category == DEAD and "refusée" in found[refused].detail
    assert found[urls["/moved"]].final_url == urls["/ok"]
    assert found[urls["/missing"]].status == 404 and found[urls["/gone"]].status == 410
    assert "délai" not in found[urls["/slow"]].detail and "0,5 s" in found[urls["/slow"]].detail
    assert report.pages[urls["/missing"]] == ["/", "/fiches/a/", "/fiches/b/"]
    assert report.pages[urls["/gone"]] == ["/fiches/a/"]
    assert report.has_dead_links and not report.offline

    # politely: HEAD first, GET only when HEAD is refused or says « not found »; our User-Agent
    methods = {(m, p) for m, p, _, _ in hits}
    assert ("GET", "/ok") not in methods and ("HEAD", "/ok") in methods
    assert ("GET", "/no-head") in methods and ("GET", "/head-lies") in methods
    assert all("SoignerLesSoignants" in agent for _, _, _, agent in hits)

    text = external_links.format_report(report)
    assert "Liens morts (3)" in text and "Liens douteux (4)" in text and "Liens OK (4)" in text
    assert text.index(urls["/gone"]) < text.index("Liens douteux") < text.index(urls["/busy"]) < text.index("Liens OK")
    assert "dans : /, /fiches/a/, /fiches/b/" in text


def test_an_unknown_domain_is_dead_and_fails_fast(tmp_path, remote):
    base, _ = remote
    site = fake_site(tmp_path / "site", {"index.html": page(links_to(["http://nonexistent.invalid/page",
                                                                       f"{base}/ok"]))})
    started = time.monotonic()
    report = external_links.check_site(site, timeout=5, delay=0)
    elapsed = time.monotonic() - started
    if elapsed > 4:
        pytest.skip(f"la résolution DNS locale a pris {elapsed:.1f} s ici : cas non vérifiable sans réseau")
    dead = {r.url: r for r in report.of(DEAD)}
    assert "http://nonexistent.invalid/page" in dead
    assert "nom de domaine introuvable" in dead["http://nonexistent.invalid/page"].detail


def test_when_no_site_answers_the_machine_is_offline_and_nothing_is_dead(tmp_path):
    site = fake_site(tmp_path / "site", {"index.html": page(links_to(
        ["http://nonexistent.invalid/", "https://other.nonexistent.invalid/", f"http://127.0.0.1:{closed_port()}/"]))})
    report = external_links.check_site(site, timeout=2, delay=0)
    assert report.offline and not report.has_dead_links
    assert "aucun site n'a répondu" in external_links.format_report(report)


def test_the_cache_prevents_a_second_request(tmp_path, remote):
    base, hits = remote
    answered = ["/ok", "/moved", "/missing", "/gone", "/broken", "/busy", "/forbidden", "/no-head"]
    site = fake_site(tmp_path / "site", {"index.html": page(links_to(f"{base}{p}" for p in answered))})
    cache_file = tmp_path / ".cache" / "liens-externes.json"

    first = external_links.check_site(site, timeout=2, delay=0, cache_path=cache_file, cache_days=7)
    requests_made = len(hits)
    assert requests_made >= len(answered) and cache_file.is_file()
    second = external_links.check_site(site, timeout=2, delay=0, cache_path=cache_file, cache_days=7)
    assert len(hits) == requests_made, "le cache aurait dû éviter toute nouvelle requête"
    assert all(r.from_cache for r in second.results)
    assert [(r.url, r.category) for r in second.results] == [(r.url, r.category) for r in first.results]
    assert "tirées du cache" in external_links.format_report(second)

    # with --cache-days 0, or once the entries are too old, everything is asked again
    external_links.check_site(site, timeout=2, delay=0, cache_path=cache_file, cache_days=0)
    assert len(hits) == 2 * requests_made


def test_cache_entries_expire(tmp_path):
    cache_file = tmp_path / "cache.json"
    cache = Cache(cache_file, max_age_days=7)
    cache.put(external_links.Result("https://a.test/", OK, "200", status=200, checked_at="2026-01-01T00:00:00+00:00"))
    cache.put(external_links.Result("https://b.test/", DEAD, "nom de domaine introuvable"))  # no answer: not kept
    cache.save()
    from datetime import datetime, timezone
    assert Cache(cache_file, 7, now=datetime(2026, 1, 5, tzinfo=timezone.utc)).get("https://a.test/").status == 200
    assert Cache(cache_file, 7, now=datetime(2026, 1, 9, tzinfo=timezone.utc)).get("https://a.test/") is None
    assert Cache(cache_file, 7, now=datetime(2026, 1, 5, tzinfo=timezone.utc)).get("https://b.test/") is None


def test_requests_to_one_host_are_spaced_by_the_delay(tmp_path, remote):
    base, hits = remote
    delay = 0.4
    site = fake_site(tmp_path / "site", {"index.html": page(links_to(f"{base}/ok?n={n}" for n in range(5)))})
    report = external_links.check_site(site, timeout=2, delay=delay, workers=4)
    assert [r.category for r in report.results] == [OK] * 5
    times = sorted(t for _, _, t, _ in hits)
    assert len(times) == 5
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.8 * delay, gaps


def test_redirect_hops_count_as_requests_to_their_host():
    clock = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        clock[0] += seconds

    limiter = HostRateLimiter(1.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(3):
        limiter.wait("a.test:443")
    limiter.wait("b.test:443")
    assert slept == [1.0, 1.0]  # a.test waited twice; b.test, another host, did not wait


def test_the_script_writes_a_french_report_and_json_and_fails_only_on_dead_links(tmp_path, remote, call):
    base, _ = remote
    doubtful_only = fake_site(tmp_path / "douteux", {"index.html": page(links_to([f"{base}/ok", f"{base}/busy"]))})
    out = tmp_path / "rapport.json"
    result = run_script("--site", str(doubtful_only), "--external", "--delay", "0", "--timeout", "2",
                        "--cache", str(tmp_path / "c1.json"), "--json", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Liens douteux (1)" in result.stdout and "aucun lien mort" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["resume"] == {"mort": 0, "douteux": 1, "ok": 1}
    assert {link["url"]: link["pages"] for link in data["liens"]} == {f"{base}/busy": ["/"], f"{base}/ok": ["/"]}

    with_dead = fake_site(tmp_path / "mort", {"index.html": page(links_to([f"{base}/gone"]))})
    result = call("--site", str(with_dead), "--external", "--delay", "0", "--timeout", "2",
                  "--cache", str(tmp_path / "c2.json"))
    assert result.returncode == 1
    assert "Liens morts (1)" in result.stdout and "410" in result.stdout


# --- internal links ---------------------------------------------------------------------------------

def clean_site(root: Path) -> Path:
    return fake_site(root, {
        "index.html": page(links_to(["fiches/a/", "fiches/a/#quoi-faire", "/urps/fiches/b/", "https://ailleurs.test/"])),
        "fiches/a/index.html": page(links_to(["../b/", "../../", "#quoi-faire"]), ids=["quoi-faire"]),
        "fiches/b/index.html": page(links_to(["../a/#quoi-faire", "tel:3114"])),
        "404.html": page(links_to(["/urps/fiches/a/"])),
    })


def test_the_internal_check_passes_on_a_clean_site(tmp_path, call):
    site = clean_site(tmp_path / "urps")
    result = call("--site", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "aucun problème dans 4 pages" in result.stdout
    assert "/urps/" in result.stdout  # the base was read from the built home page


def test_the_internal_check_finds_a_missing_page_and_a_missing_anchor(tmp_path, call):
    site = clean_site(tmp_path / "urps")
    (site / "fiches" / "b" / "index.html").write_text(
        page(links_to(["../a/#section-disparue", "../c/", "../a/"])), encoding="utf-8")
    out = tmp_path / "interne.json"
    result = call("--site", str(site), "--json", str(out))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any("fiches/b/index.html: ancre absente : ../a/#section-disparue" in line for line in lines)
    assert any("fiches/b/index.html: cible absente : ../c/" in line for line in lines)
    assert "2 liens internes cassés" in result.stdout
    assert len(json.loads(out.read_text(encoding="utf-8"))["problemes"]) == 2


def test_the_base_url_option_overrides_the_built_one(tmp_path, call):
    site = clean_site(tmp_path / "urps")
    assert call("--site", str(site), "--base-url", "/urps").returncode == 0
    wrong = call("--site", str(site), "--base-url", "/")
    assert wrong.returncode == 1 and "cible absente : /urps/fiches/b/" in wrong.stdout


def test_a_missing_site_is_explained_in_french(tmp_path, call):
    result = call("--site", str(tmp_path / "rien"))
    assert result.returncode == 2
    assert "make build" in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_option_is_refused_in_french(call):
    result = call("--timeout", "vite")
    assert result.returncode == 2
    assert "l'option --timeout attend un nombre" in result.stderr
