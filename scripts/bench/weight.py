"""Page weight in real Chromium: what a first visit loads, then what opening the search adds, and
what the same page costs as the second page of a visit (after the home page, cache warm)."""

from . import browser as br
from .server import serve

KINDS = ["HTML", "CSS", "JS", "search rules", "search index", "worker", "lunr languages", "other"]
# The search's files (search/: our rules; pagefind/: the engine and the index; Material's worker
# and lunr's language files, which the site's own engine no longer needs).
SEARCH_KINDS = {"search rules", "search index", "worker", "lunr languages"}


def breakdown(requests: list[dict]) -> dict:
    """Totals and per-type bytes (raw and gzip) and request counts."""
    out = {"requests": len(requests), "raw": 0, "gzip": 0,
           "by_kind": {k: {"requests": 0, "raw": 0, "gzip": 0} for k in KINDS},
           "failed": [r["path"] for r in requests if r["status"] not in (200, 304)],
           "revalidated": sum(1 for r in requests if r["status"] == 304)}
    for r in requests:
        for bucket in (out, out["by_kind"][r["kind"]]):
            bucket["raw"] += r["raw"]
            bucket["gzip"] += r["gzip"]
        out["by_kind"][r["kind"]]["requests"] += 1
    page_only = [r for r in requests if r["kind"] not in SEARCH_KINDS]
    out["without_search"] = {"requests": len(page_only), "raw": sum(r["raw"] for r in page_only),
                             "gzip": sum(r["gzip"] for r in page_only)}
    out["paths"] = [r["path"] for r in requests]
    return out


def measure_page(browser, server, path: str) -> dict:
    """One cold visit (new context, empty cache) of `path`, then the search opened with one letter."""
    context, page = br.new_page(browser)
    try:
        server.take()
        page.goto(server.url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        # The search waits for the reader to open it (overrides/main.html).
        first = breakdown(server.take())
        result = {"path": path, "first_visit": first}
        try:
            br.open_search(page)
            page.keyboard.type("m")
            # A function, not an expression: the page's Content-Security-Policy forbids `eval`.
            page.wait_for_function(
                f"() => window.__bench.events.some(e => e.dir === 'in' && e.type === {br.RESULT})", timeout=60_000)
            page.wait_for_load_state("networkidle")
        except Exception as error:  # noqa: BLE001 - the first visit is measured all the same
            result["search_error"] = f"{type(error).__name__}: {error}"[:300]
        result["search_opened"] = breakdown(server.take())
        return result
    finally:
        context.close()


def measure_second_page(browser, server, path: str, first: str = "") -> dict:
    """`path` as the second page of a visit: `first` (the home page) loaded before, in the same
    browser (its cache warm, the host answering 304 to what did not change: scripts/bench/server.py)."""
    context, page = br.new_page(browser)
    try:
        page.goto(server.url + first, wait_until="load")
        page.wait_for_load_state("networkidle")
        server.take()
        page.goto(server.url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        return breakdown(server.take())
    finally:
        context.close()


def measure_site(site_dir, pages: dict[str, str]) -> dict:
    """{label: measure} for each page of `pages` ({label: path from the site's root})."""
    results = {}
    with serve(site_dir) as server, br.chromium() as browser:
        for label, path in pages.items():
            try:
                results[label] = measure_page(browser, server, path)
                results[label]["second_page"] = measure_second_page(browser, server, path)
            except Exception as error:  # noqa: BLE001 - report, do not stop the bench
                results[label] = {"path": path, "error": f"{type(error).__name__}: {error}"[:300]}
    return results
