"""The reader in crisis, on a phone (issue 21): what the night reader waits for, measured in real
Chromium under 4× CPU throttling (DevTools' emulation), the site served by the bench's static
host (gzip, like a real one).

- Time to card: from the keystroke that completes a phrase of distress (« je veux mourir », typed
  key by key in the open search) to the card painted (the frame after it is in the page), online
  with a cold cache; offline (the page loaded, then the network cut before the search opens), from
  the search's opening, since the card then shows at once, with the line saying the search cannot load.
- Time to first results: from the keystroke that completes a query (« prévoyance ») typed as soon
  as the search opens, to the first result on screen; and the bytes fetched from opening the
  search to that moment (raw and gzip, every file: rules, engine, index fragments).
- First paint in dark mode, per page kind, under Slow 4G as well (DevTools' network emulation):
  the mean luminance of the first frame painted and the lightest frame until the page has loaded
  (0 black, 1 white; a dark page is about 0.05).
- Cumulative Layout Shift per page kind (the same loads): 0 when nothing moves once shown.
"""

from . import browser as br
from .server import serve
from .stats import summarize

from soignants.tools.chromium import BLACK_PAGE, LUMINANCE_JS, painted_frames

CPU_SLOWDOWN = 4
# DevTools' « Slow 4G »: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
           "uploadThroughput": 750 * 1024 / 8}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "service_workers": "block"}
DISTRESS = "je veux mourir"
BLACK = 0.002  # the black page the measure starts from (luminance 0)
QUERY = "prévoyance"

# Timestamps, in the page, of each key pressed, of the card shown, and of the first result shown.
PROBE = """
(() => {
  const marks = window.__crisis = { keys: [], card: null, cardPainted: null, result: null, open: null };
  document.addEventListener("keydown", () => marks.keys.push(performance.now()), true);
  document.addEventListener("click", event => {
    if (marks.open === null && event.target.closest && event.target.closest("label[for=__search]")) marks.open = performance.now();
  }, true);
  document.addEventListener("DOMContentLoaded", () => {
    const card = document.querySelector("[data-ss-recherche-detresse]");
    if (card) new MutationObserver(() => {
      if (marks.card === null && card.firstElementChild) {
        marks.card = performance.now();
        requestAnimationFrame(() => setTimeout(() => { marks.cardPainted = performance.now(); }, 0));
      }
    }).observe(card, { childList: true });
    const list = document.querySelector(".md-search-result__list");
    if (list) new MutationObserver(() => {
      if (marks.result === null && list.querySelector(".md-search-result__item")) {
        requestAnimationFrame(() => setTimeout(() => { marks.result = performance.now(); }, 0));
      }
    }).observe(list, { childList: true });
  });
})();
"""

CLS = """() => new Promise(resolve => {
  let total = 0;
  const observer = new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) total += e.value; }));
  observer.observe({ type: "layout-shift", buffered: true });
  setTimeout(() => { observer.disconnect(); resolve(total); }, 0);
})"""


def _phone(browser, scheme="light"):
    context = browser.new_context(**PHONE, color_scheme=scheme)
    context.add_init_script(PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return context, page, cdp


def _open_search(page):
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.evaluate("() => { window.__crisis.keys = []; }")


def time_to_card(browser, server, path: str, offline: bool) -> float | None:
    context, page, _ = _phone(browser)
    try:
        page.goto(server.url + path, wait_until="load")
        if offline:
            context.set_offline(True)
        _open_search(page)
        page.locator("input.md-search__input").press_sequentially(DISTRESS)
        page.wait_for_function("() => window.__crisis.cardPainted !== null", timeout=30_000)
        marks = page.evaluate("() => window.__crisis")
        # Offline, the card shows as soon as the search says it cannot load, before any key: the
        # time is then counted from the search's opening.
        before = [t for t in marks["keys"] if t <= marks["card"]]
        return marks["cardPainted"] - (max(before) if before else marks["open"])
    finally:
        context.close()


def first_results(browser, server, path: str) -> dict:
    context, page, _ = _phone(browser)
    try:
        page.goto(server.url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        server.take()
        _open_search(page)
        page.locator("input.md-search__input").press_sequentially(QUERY)
        page.wait_for_function("() => window.__crisis.result !== null", timeout=60_000)
        marks = page.evaluate("() => window.__crisis")
        fetched = server.take()
        return {"ms": marks["result"] - marks["keys"][-1], "from_open_ms": marks["result"] - marks["open"],
                "requests": len(fetched), "raw": sum(r["raw"] for r in fetched), "gzip": sum(r["gzip"] for r in fetched)}
    finally:
        context.close()


def first_paint(browser, measuring, server, path: str) -> dict:
    context, page, cdp = _phone(browser, "dark")
    try:
        page.goto(BLACK_PAGE)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        frames = painted_frames(context, page, server.url + path, cdp)
        page.wait_for_load_state("networkidle")
        cls = page.evaluate(CLS)
    finally:
        context.close()
    light = measuring.evaluate(LUMINANCE_JS, frames) if frames else []
    own = [value for value in light if value > BLACK]  # the page's own frames, after the black one
    return {"frames": len(own), "first": own[0] if own else None, "max": max(own) if own else None, "cls": cls}


def measure(site_dir, pages: dict, runs: int) -> dict:
    """Every figure above, `runs` times each; pages: {label: path} (the bench's page kinds)."""
    fiche = pages.get("fiche", "")
    out = {"cpu_slowdown": CPU_SLOWDOWN, "distress_query": DISTRESS, "query": QUERY, "errors": []}
    card = {"online": [], "offline": []}
    results, paint = [], {label: [] for label in pages}
    with serve(site_dir) as server, br.chromium() as browser:
        measuring = browser.new_context().new_page()
        for _ in range(runs):
            for label, offline in (("online", False), ("offline", True)):
                try:
                    card[label].append(time_to_card(browser, server, fiche, offline))
                except Exception as error:  # noqa: BLE001 - a failed figure is reported, not fatal
                    out["errors"].append(f"carte {label} : {type(error).__name__}: {error}"[:300])
            try:
                results.append(first_results(browser, server, fiche))
            except Exception as error:  # noqa: BLE001
                out["errors"].append(f"premiers résultats : {type(error).__name__}: {error}"[:300])
            for label, path in pages.items():
                try:
                    paint[label].append(first_paint(browser, measuring, server, path))
                except Exception as error:  # noqa: BLE001
                    out["errors"].append(f"première image {label} : {type(error).__name__}: {error}"[:300])
            server.take()
    out["card_ms"] = {label: summarize(values) for label, values in card.items()}
    out["first_results"] = {"ms": summarize([r["ms"] for r in results]),
                            "from_open_ms": summarize([r["from_open_ms"] for r in results]),
                            "requests": summarize([r["requests"] for r in results]),
                            "raw": summarize([r["raw"] for r in results]),
                            "gzip": summarize([r["gzip"] for r in results])}
    out["pages"] = {label: {"first_luminance": summarize([p["first"] for p in values]),
                            "max_luminance": summarize([p["max"] for p in values]),
                            "frames": summarize([p["frames"] for p in values]),
                            "cls": summarize([p["cls"] for p in values])}
                    for label, values in paint.items()}
    return out
