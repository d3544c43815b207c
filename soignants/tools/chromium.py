"""What every driver of the site in Chromium shares (the tests, the bench, `make recherche`):
Debian's Chromium launched quietly (no network of its own, no sync, no updates), and the built
site served from a folder the way a static host does, without a line per request."""

from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import threading

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder the way a static host does, without a line per request."""

    def log_message(self, *args):
        pass


@contextmanager
def served(folder: Path, host: str = "127.0.0.1"):
    """The folder served over HTTP on a free port: yields its address, ending with « / »."""
    server = ThreadingHTTPServer((host, 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- What the browser painted, and how light it was (dark from the first paint, issue 21) ---------

# A page that paints black, to start from: any light frame after it is the site's own.
BLACK_PAGE = "data:text/html,<meta name=color-scheme content=dark><body style='background:%23000'>"

# The mean relative luminance (WCAG's formula) of each frame (JPEG, base64), every 4th pixel.
LUMINANCE_JS = """async frames => {
  const linear = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const out = [];
  for (const frame of frames) {
    const image = await createImageBitmap(await (await fetch("data:image/jpeg;base64," + frame)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let sum = 0, count = 0;
    for (let i = 0; i < data.length; i += 16) {
      sum += 0.2126 * linear(data[i]) + 0.7152 * linear(data[i + 1]) + 0.0722 * linear(data[i + 2]);
      count++;
    }
    out.push(sum / count);
  }
  return out;
}"""


def painted_frames(context, page, url: str, cdp=None) -> list[str]:
    """The frames the browser painted while `url` loaded in `page` (JPEG, base64), in order:
    Chrome's own screenshots of each frame (tracing, « devtools.screenshot »). `cdp`: the page's
    DevTools session, if one is open (CPU or network emulation)."""
    import json

    cdp = cdp or context.new_cdp_session(page)
    done = {}
    cdp.on("Tracing.tracingComplete", lambda event: done.update(event))
    cdp.send("Tracing.start", {"transferMode": "ReturnAsStream", "traceConfig": {
        "includedCategories": ["disabled-by-default-devtools.screenshot"], "excludedCategories": ["*"]}})
    page.goto(url, wait_until="load")
    cdp.send("Tracing.end")
    while "stream" not in done:
        page.wait_for_timeout(20)
    chunks = []
    while True:
        read = cdp.send("IO.read", {"handle": done["stream"], "size": 1 << 20})
        chunks.append(read["data"])
        if read.get("eof"):
            break
    cdp.send("IO.close", {"handle": done["stream"]})
    trace = json.loads("".join(chunks))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    return [event["args"]["snapshot"] for event in events if event.get("name") == "Screenshot"]
