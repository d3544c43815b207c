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
