"""The site's search at each size, as a reader gets it, in Chromium with the CPU throttled 4×
(DevTools' Emulation.setCPUThrottlingRate), a new context (empty cache) for each run.

Since the search runs on Pagefind's index in fragments (soignants/pipeline/search_pagefind.py), behind
Material's search box (search-soignants.js): from the reader's click on the search field, with
the first query typed at once, to the first result on screen; the bytes the browser fetched in
that time (gzip, as the bench's host sends them; Pagefind's files are already compressed); the
index's size on disk (site/pagefind/ and site/search/); and Pagefind's share of the build (run
again, alone, over the built site). The figures of the single lunr index it replaced are kept,
by hand, on docs/a-propos/performances.md (before/after).
"""

from pathlib import Path

from . import browser as br
from .server import serve
from .stats import summarize

THROTTLE = 4
FIRST_QUERY = "épuisement"

FIRST_QUERY_JS = """
async ([query, timeoutMs]) => {
  const input = document.querySelector("input.md-search__input");
  const t0 = performance.now();
  input.focus();  // opens the search: chargement-differe.js then lets the rules file load
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
  while (!document.querySelector(".md-search-result__item") && performance.now() - t0 < timeoutMs) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  const items = document.querySelectorAll(".md-search-result__item");
  return { ms: items.length ? performance.now() - t0 : null, items: items.length,
           first: items.length ? items[0].querySelector("a").getAttribute("href") : null };
}
"""


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def index_on_disk(site_dir: Path) -> dict:
    """Pagefind's bundle, and our rules and vocabulary (site/search/)."""
    bundle, rules = Path(site_dir) / "pagefind", Path(site_dir) / "search"
    return {"pagefind_bytes": folder_bytes(bundle) if bundle.exists() else None,
            "rules_bytes": folder_bytes(rules) if rules.exists() else None,
            "files": sum(1 for p in bundle.rglob("*") if p.is_file()) if bundle.exists() else None}


def pagefind_build(site_dir: Path, timeout: float) -> dict:
    """Pagefind's share of the build: the same run as the build's, again, over the built site."""
    from soignants.pipeline import search_pagefind

    try:
        report = search_pagefind.build(site_dir, timeout=timeout)
    except search_pagefind.SearchIndexError as error:
        return {"error": str(error)}
    return {"seconds": report.seconds, "pages": report.pages}


def _throttle(context, page) -> None:
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})


def first_query(site_dir: Path, page_path: str, runs: int, query: str = FIRST_QUERY,
                timeout_s: float = 600) -> dict:
    """The site's search, `runs` times, on the page at `page_path`."""
    samples, errors = [], []
    with serve(site_dir) as server, br.chromium() as browser:
        for _ in range(runs):
            context, page = br.new_page(browser)
            try:
                page.goto(server.url + page_path, wait_until="load", timeout=300_000)
                page.wait_for_load_state("networkidle", timeout=300_000)
                server.take()
                _throttle(context, page)
                answer = page.evaluate(FIRST_QUERY_JS, [query, timeout_s * 1000])
                page.wait_for_load_state("networkidle", timeout=300_000)
                fetched = server.take()
                samples.append({**answer, "requests": len(fetched), "gzip": sum(r["gzip"] for r in fetched),
                                "raw": sum(r["raw"] for r in fetched)})
            except Exception as error:  # noqa: BLE001 - too slow or broken is a result
                errors.append(f"{type(error).__name__}: {error}"[:300])
            finally:
                context.close()
    return {"query": query, "throttle": THROTTLE, "errors": errors,
            "site": {"ms": summarize([s["ms"] for s in samples if s["ms"] is not None]),
                     "gzip": summarize([s["gzip"] for s in samples]),
                     "requests": summarize([s["requests"] for s in samples]),
                     "items": samples[-1]["items"] if samples else None,
                     "first": samples[-1]["first"] if samples else None}}


def measure(site_dir: Path, page_path: str, runs: int, build_seconds: float | None, timeout: float) -> dict:
    """The first query as a reader gets it, the index on disk, and Pagefind's share of the build."""
    return {"index": index_on_disk(site_dir), "site_build_seconds": build_seconds,
            "pagefind_build": pagefind_build(site_dir, timeout),
            "first_query": first_query(site_dir, page_path, runs, timeout_s=min(timeout, 600))}
