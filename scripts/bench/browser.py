"""Real Chromium (Debian's) driven by Playwright, with a probe on the search's messages (Material's
worker, or the site's own engine that takes its place).

Material's worker speaks in messages: 0 = setup (the index), 1 = ready, 2 = query, 3 = result.
The probe wraps `window.Worker` before the page's scripts run and timestamps each message, so the
index build time and each query's time are measured in the page, not from outside.
"""

from contextlib import contextmanager

from . import CHROMIUM, CHROMIUM_ARGS

WORKER_PROBE = """
(() => {
  const Native = window.Worker;
  const events = [];
  window.__bench = { events };
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      events.push({ dir: "out", type: message && message.type, t: performance.now() });
      return post(message, ...rest);
    };
    worker.addEventListener("message", (event) => {
      const data = event.data || {};
      events.push({ dir: "in", type: data.type, t: performance.now(),
                    items: data.type === 3 && data.data && data.data.items ? data.data.items.length : null });
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
  // The site's own engine (search-soignants.js) takes the worker's place: the same messages.
  let Engine;
  Object.defineProperty(window, "SoignantsSearchEngine", {
    configurable: true,
    get() { return Engine; },
    set(Defined) {
      const post = Defined.prototype.postMessage, emit = Defined.prototype.emit;
      Defined.prototype.postMessage = function (message, ...rest) {
        events.push({ dir: "out", type: message && message.type, t: performance.now() });
        return post.call(this, message, ...rest);
      };
      Defined.prototype.emit = function (data) {
        events.push({ dir: "in", type: data && data.type, t: performance.now(),
                      items: data && data.type === 3 && data.data && data.data.items ? data.data.items.length : null });
        return emit.call(this, data);
      };
      Engine = Defined;
    },
  });
})();
"""

SETUP, READY, QUERY, RESULT = 0, 1, 2, 3


@contextmanager
def chromium():
    """A headless Chromium; each measurement opens its own context (empty cache)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, viewport=(1280, 800)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  service_workers="block")
    context.add_init_script(WORKER_PROBE)
    return context, context.new_page()


def worker_events(page) -> list[dict]:
    return page.evaluate("window.__bench ? window.__bench.events : []")


def wait_ready(page, timeout_ms: int = 300_000) -> None:
    page.wait_for_function(
        f"() => window.__bench && window.__bench.events.some(e => e.dir === 'in' && e.type === {READY})",
        timeout=timeout_ms, polling=50)


def index_build_ms(events: list[dict]) -> float | None:
    """From posting the index to the worker until it says ready (includes loading lunr languages)."""
    setup = next((e["t"] for e in events if e["dir"] == "out" and e["type"] == SETUP), None)
    ready = next((e["t"] for e in events if e["dir"] == "in" and e["type"] == READY), None)
    return ready - setup if setup is not None and ready is not None else None


def open_search(page) -> None:
    """What a reader does: click the search field (or its icon on a phone)."""
    field = page.locator("input.md-search__input")
    if field.is_visible():
        field.click()
    else:
        page.locator("label[for=__search].md-header__button").first.click()
