"""Dark from the first paint (issue 21): in dark mode, no frame the browser paints while a page
arrives is light, on any page.

The reader's night: a phone in a dark room, a cold cache. What made the light frames was the
colour scheme set by Material's bundle, at the end of the page, while the page above it was
already painted. So the page's end-of-body scripts (Material's bundle and ours) are served late
here, on purpose (SLOW_SCRIPTS_MS, by a server of this test): every frame painted before they run
is captured, every time, whatever the machine's speed. Each page opens in a new context (a cold
cache) after a black page, so that any light frame is the site's own; the frames are the
browser's own screenshots of what it painted (Chrome's tracing, « devtools.screenshot »), and
their light is measured in the browser (relative luminance, WCAG's formula). The bench measures
the same under 4× CPU and Slow 4G (scripts/bench, « première image »)."""

from functools import partial
from http.server import ThreadingHTTPServer
import re
import threading
import time

import pytest

from browser_helpers import ALL_PAGES
from browser_support import MISSING_PAGE, QuietHandler, context_options
from soignants.tools.chromium import BLACK_PAGE, LUMINANCE_JS, painted_frames

SLOW_SCRIPTS_MS = 600
LATE = re.compile(r"/assets/javascripts/(bundle\.[^/]*|quitter|detresse|clavier)\.js(\?|$)")
MAX_MEAN_LUMINANCE = 0.3  # a dark page measures about 0.05; a light one 0.85 and more


class LateScriptsHandler(QuietHandler):
    """The built site as a static host serves it, the end-of-body scripts late; a missing page gets
    the site's 404 page."""

    def do_GET(self):
        if LATE.search(self.path):
            time.sleep(SLOW_SCRIPTS_MS / 1000)
        if self.path.rstrip("/").endswith(MISSING_PAGE.rstrip("/")):
            self.path = self.path.split(MISSING_PAGE)[0] + "404.html"
            body = self.translate_path(self.path)
            with open(body, "rb") as handle:
                data = handle.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        return super().do_GET()


@pytest.fixture(scope="module")
def late_scripts_url(site_root):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(LateScriptsHandler, directory=str(site_root.parent)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{site_root.name}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def measuring_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", list(ALL_PAGES))
def test_no_light_frame_in_dark_mode(browser, late_scripts_url, measuring_page, name):
    context = browser.new_context(**context_options("phone", "dark"))  # a cold cache
    try:
        page = context.new_page()
        page.goto(BLACK_PAGE)
        frames = painted_frames(context, page, late_scripts_url + ALL_PAGES[name])
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    finally:
        context.close()
    assert len(frames) >= 2, f"{name} : {len(frames)} image(s) capturée(s) pendant le chargement"
    light = measuring_page.evaluate(LUMINANCE_JS, frames)
    assert scheme == "slate", scheme
    assert max(light) <= MAX_MEAN_LUMINANCE, (
        f"{name} : une image claire pendant le chargement en mode sombre (luminance moyenne "
        f"{max(light):.2f} ; images : {', '.join(f'{x:.2f}' for x in light)})")
