"""The search engines compared at each size, in Chromium with the CPU throttled 4× (DevTools'
Emulation.setCPUThrottlingRate), a new context (empty cache) for each run:

- lunr: the present search (Material's single index, search/search_index.json, with our query
  rules in search-soignants.js). From the reader's click on the search field, with the first
  query typed at once, to the first result on screen.
- pagefind: Pagefind's chunked index, built after the site (`pagefind --site`, from the
  `pagefind-bin` package, installed in .cache/pagefind-venv), queried through its JavaScript API
  (pagefind/pagefind.js) from the same page: from the import to the first 10 results' data in
  hand (what a result list needs to show titles and excerpts). Pagefind indexes the content of
  each page (`--root-selector .md-content`), one index per `<html lang>`.

For each: the bytes the browser fetched from opening the search to the results (gzip, as the
bench's host sends them; Pagefind's index files are already compressed), the time to results,
the index's size on disk, and the time to build it (lunr: built inside our site build, timed with
it; Pagefind: its own run, after the build).
"""

from pathlib import Path
import shutil
import subprocess
import time

from . import CACHE, CHILD_ENV
from . import browser as br
from .server import serve
from .stats import summarize

PAGEFIND_VENV = CACHE / "pagefind-venv"
THROTTLE = 4
FIRST_QUERY = "épuisement"
RESULTS_SHOWN = 10

LUNR_FIRST_QUERY_JS = """
async ([query, timeoutMs]) => {
  const input = document.querySelector("input.md-search__input");
  const t0 = performance.now();
  input.focus();  // opens the search: overrides/main.html then lets the index load
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
  while (!document.querySelector(".md-search-result__item") && performance.now() - t0 < timeoutMs) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  const items = document.querySelectorAll(".md-search-result__item");
  const ours = window.soignantsSearch || {};
  return { ms: items.length ? performance.now() - t0 : null, items: items.length,
           first: items.length ? items[0].querySelector("a").getAttribute("href") : null,
           setup_ms: ours.setupMs === undefined ? null : ours.setupMs };
}
"""

PAGEFIND_FIRST_QUERY_JS = """
async ([bundle, query, shown]) => {
  const t0 = performance.now();
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ basePath: bundle });
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map(result => result.data()));
  return { ms: performance.now() - t0, items: search.results.length, first: data.length ? data[0].url : null };
}
"""


def pagefind_binary() -> Path | None:
    found = sorted(PAGEFIND_VENV.glob("lib/python*/site-packages/pagefind_bin/pagefind"))
    return found[0] if found else None


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def lunr_index(site_dir: Path) -> dict:
    index = Path(site_dir) / "search" / "search_index.json"
    return {"bytes_on_disk": index.stat().st_size if index.exists() else None}


def build_pagefind(site_dir: Path, timeout: float) -> dict:
    """Run Pagefind over the built site (its output: site/pagefind/)."""
    binary = pagefind_binary()
    if binary is None:
        return {"error": "Pagefind absent : python -m venv .cache/pagefind-venv && "
                         ".cache/pagefind-venv/bin/pip install pagefind-bin"}
    out = Path(site_dir) / "pagefind"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([str(binary), "--site", str(site_dir), "--root-selector", ".md-content"],
                          env=CHILD_ENV, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode:
        return {"error": (done.stdout + done.stderr).strip().splitlines()[-3:]}
    index = [p for p in out.rglob("*") if p.is_file() and (p.suffix in (".pf_meta", ".pf_index", ".pf_fragment")
                                                           or p.parent.name in ("index", "fragment"))]
    return {"seconds": seconds, "bytes_on_disk": folder_bytes(out), "index_bytes": sum(p.stat().st_size for p in index),
            "files": sum(1 for p in out.rglob("*") if p.is_file()),
            "version": subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()}


def _throttle(context, page) -> None:
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})


def first_query(site_dir: Path, page_path: str, runs: int, query: str = FIRST_QUERY,
                timeout_s: float = 600) -> dict:
    """Both engines, `runs` times each, interleaved, on the page at `page_path`."""
    engines = {"lunr": [], "pagefind": []}
    errors = []
    has_pagefind = (Path(site_dir) / "pagefind" / "pagefind.js").exists()
    with serve(site_dir) as server, br.chromium() as browser:
        for _ in range(runs):
            for engine in ("lunr", "pagefind") if has_pagefind else ("lunr",):
                context, page = br.new_page(browser)
                try:
                    page.goto(server.url + page_path, wait_until="load", timeout=300_000)
                    page.wait_for_load_state("networkidle", timeout=300_000)
                    server.take()
                    _throttle(context, page)
                    if engine == "lunr":
                        answer = page.evaluate(LUNR_FIRST_QUERY_JS, [query, timeout_s * 1000])
                    else:
                        answer = page.evaluate(PAGEFIND_FIRST_QUERY_JS, [server.url + "pagefind/", query, RESULTS_SHOWN])
                    page.wait_for_load_state("networkidle", timeout=300_000)
                    fetched = server.take()
                    engines[engine].append({**answer, "requests": len(fetched),
                                            "gzip": sum(r["gzip"] for r in fetched),
                                            "raw": sum(r["raw"] for r in fetched)})
                except Exception as error:  # noqa: BLE001 - too slow or broken is a result
                    errors.append(f"{engine}: {type(error).__name__}: {error}"[:300])
                finally:
                    context.close()
    result = {"query": query, "throttle": THROTTLE, "errors": errors}
    for engine, samples in engines.items():
        result[engine] = {"ms": summarize([s["ms"] for s in samples if s["ms"] is not None]),
                          "gzip": summarize([s["gzip"] for s in samples]),
                          "requests": summarize([s["requests"] for s in samples]),
                          "items": samples[-1]["items"] if samples else None,
                          "setup_ms": summarize([s.get("setup_ms") for s in samples]),
                          "first": samples[-1]["first"] if samples else None}
    return result


def measure(site_dir: Path, page_path: str, runs: int, build_seconds: float | None, timeout: float) -> dict:
    """Build Pagefind's index next to ours, then the first query with each engine."""
    pagefind = build_pagefind(site_dir, timeout)
    return {"lunr_index": {**lunr_index(site_dir), "site_build_seconds": build_seconds},
            "pagefind_index": pagefind,
            "first_query": first_query(site_dir, page_path, runs, timeout_s=min(timeout, 600))}
