"""A static host on 127.0.0.1 for the built site, which records what the browser fetches.

Python's http.server does not compress; this one does what a typical static host does: text types
are sent gzip-compressed (level 6) to a client that accepts it, and each request is recorded with
its raw size and its gzip size, whatever the client asked for. It sends the caching headers the
site's own _headers gives (soignants/pipeline/http_headers.py: fingerprinted files a year, the
rest `no-cache`) with an ETag, and answers 304 to a browser whose copy is current, so that a
later page of a visit costs what it costs on a real host (recorded with 0 bytes).
"""

from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import gzip
import hashlib
import threading
from urllib.parse import unquote, urlsplit

from soignants.pipeline.http_headers import FINGERPRINTED, LONG_CACHE, SHORT_CACHE

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}


@lru_cache(maxsize=256)
def _bodies(path: str, mtime: float) -> tuple[bytes, bytes]:
    """(raw, gzip) bodies of a file as a host would send it (gzip only for text types)."""
    data = Path(path).read_bytes()
    if Path(path).suffix.lower() in TEXT_SUFFIXES:
        return data, gzip.compress(data, compresslevel=6)
    return data, data


def bodies(local: Path) -> tuple[bytes, bytes]:
    return _bodies(str(local), local.stat().st_mtime)


def kind(url_path: str) -> str:
    """The type of a request, for the breakdown of a page's weight."""
    path = urlsplit(url_path).path
    if "/search/" in path:
        return "search rules"
    if "/pagefind/" in path:
        return "search index"
    if "/javascripts/workers/" in path:
        return "worker"
    if "/javascripts/lunr/" in path:
        return "lunr languages"
    if path.endswith("/") or path.endswith(".html"):
        return "HTML"
    if path.endswith(".css"):
        return "CSS"
    if path.endswith(".js"):
        return "JS"
    return "other"


class RecordingHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like a real host

    def log_message(self, *args):
        pass

    def log_request(self, code="-", size="-"):
        pass

    def _record(self, status: int, raw: int = 0, gz: int = 0) -> None:
        record = {"path": self.path, "status": status, "kind": kind(self.path), "raw": raw, "gzip": gz}
        with self.server.lock:
            self.server.requests.append(record)

    def do_GET(self):
        path = urlsplit(self.path).path
        local = Path(self.translate_path(unquote(path)))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return self._record(301)
            local = local / "index.html"
        if not local.is_file():
            self.send_error(404)
            return self._record(404)
        raw, compressed = bodies(local)
        etag = '"' + hashlib.sha256(raw).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return self._record(304)
        use_gzip = compressed is not raw and "gzip" in self.headers.get("Accept-Encoding", "")
        body = compressed if use_gzip else raw
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", LONG_CACHE if FINGERPRINTED.search(local.name) else SHORT_CACHE)
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        self._record(200, len(raw), len(compressed))

    def do_HEAD(self):
        self.send_error(405)


class RecordingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path):
        super().__init__(("127.0.0.1", 0), partial(RecordingHandler, directory=str(directory)))
        self.requests: list[dict] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def take(self) -> list[dict]:
        """The requests recorded since the last call."""
        with self.lock:
            taken, self.requests = self.requests, []
        return taken


@contextmanager
def serve(directory: Path):
    server = RecordingServer(Path(directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
