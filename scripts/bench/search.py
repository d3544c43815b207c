"""Search at each size: the index's weight, then in Chromium the time to build it and to answer."""

from pathlib import Path
import gzip
import json
import re

from . import browser as br
from .server import serve
from .stats import summarize

QUERIES = ["épuisement", "medecin", "plainte", "prévoyance", "burnout", "arrêt de travail", "dettes"]

# Types one query the way Material reads it (the field's value on keyup), then waits for the
# worker's answer and for the result list to change on screen. Times are from the keyup, in ms.
QUERY_JS = """
async ([query, timeoutMs]) => {
  const input = document.querySelector("input.md-search__input");
  const output = document.querySelector(".md-search-result");
  const events = window.__bench.events;
  const start = events.length;
  const answered = () => events.slice(start).find(e => e.dir === "in" && e.type === 3);
  let shown = null;
  const observer = new MutationObserver(() => { if (shown === null && answered()) shown = performance.now(); });
  observer.observe(output, { childList: true, subtree: true, characterData: true });
  const t0 = performance.now();
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
  while (shown === null && performance.now() - t0 < timeoutMs) {
    await new Promise(resolve => setTimeout(resolve, 2));
  }
  observer.disconnect();
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const result = answered();
  return { worker_ms: result ? result.t - t0 : null, shown_ms: shown !== null ? shown - t0 : null,
           items: result ? result.items : null,
           listed: document.querySelectorAll(".md-search-result__item").length };
}
"""


def index_stats(site_dir: Path) -> dict:
    """The search's files: the rules file Material fetches (site/search/search_index.json, raw and
    gzip) and the pages in Pagefind's index, per edition."""
    path = Path(site_dir) / "search" / "search_index.json"
    entry = Path(site_dir) / "pagefind" / "pagefind-entry.json"
    if not path.exists() or not entry.exists():
        return {"error": "no search/search_index.json or pagefind/pagefind-entry.json"}
    data = path.read_bytes()
    pages = sum(language["page_count"] for language in json.loads(entry.read_text(encoding="utf-8"))["languages"].values())
    english = sum(1 for page in (Path(site_dir) / "en").rglob("*.html") if re.search(r"<div [^>]*data-pagefind-body", page.read_text(encoding="utf-8")))
    return {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6)), "docs": pages,
            "docs_fr": pages - english, "docs_en": english, "pages": pages}


def browser_timings(site_dir: Path, page_path: str, runs: int, queries=QUERIES, ready_timeout_s: float = 300) -> dict:
    """Index build (setup posted -> worker ready), ready time after navigation, and per query."""
    build, ready_after_nav, worker_ms, shown_ms, hits = [], [], [], [], {}
    errors = []
    with serve(site_dir) as server, br.chromium() as browser:
        for _ in range(runs):
            context, page = br.new_page(browser)
            try:
                page.goto(server.url + page_path, wait_until="load", timeout=120_000)
                # The index loads only once the reader opens the search (overrides/main.html).
                br.open_search(page)
                try:
                    br.wait_ready(page, int(ready_timeout_s * 1000))
                except Exception:  # noqa: BLE001 - too slow is a result, not a crash
                    errors.append(f"search not ready {ready_timeout_s:.0f} s after the page opened")
                    break
                events = br.worker_events(page)
                build.append(br.index_build_ms(events))
                ready_after_nav.append(next(e["t"] for e in events if e["dir"] == "in" and e["type"] == br.READY))
                for query in queries:
                    answer = page.evaluate(QUERY_JS, [query, 60_000])
                    worker_ms.append(answer["worker_ms"])
                    shown_ms.append(answer["shown_ms"])
                    hits[query] = answer["items"]
            except Exception as error:  # noqa: BLE001 - report and go on
                errors.append(f"{type(error).__name__}: {error}"[:300])
            finally:
                context.close()
            server.take()
    return {"index_build_ms": summarize(build), "ready_after_navigation_ms": summarize(ready_after_nav),
            "query_worker_ms": summarize(worker_ms), "query_shown_ms": summarize(shown_ms),
            "results_per_query": hits, "queries": list(queries), "errors": errors}
