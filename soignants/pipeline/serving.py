"""`mkdocs serve` / `make serve`: a content error is shown in the browser and the terminal, in
French, and the last good site stays served.

- Every rebuild runs the whole content check first (build_errors.check_content, from the hook's
  on_config). When it fails, the terminal prints its `fichier:ligne: message (code)` lines and
  every page the browser asks for is a French error page listing them (file, line, fix); the
  last good site is untouched on disk, still reachable with `?derniere-version` after a page's
  address. The next good build takes the error page away, and the open pages reload.
- Any other failure of a rebuild (a page the generator refuses, a strict warning) puts back the
  last good site, from a snapshot of hard links taken before the rebuild (cheap: no file is
  copied), and shows its message the same way, never a traceback.
- The first build of `mkdocs serve` happens before MkDocs starts its server: when it fails,
  `until_content_is_fixed` serves the error page itself on the same address and waits, checking
  again at each change, so that the server does not die on a typo.
- Live reload works with the site's Content-Security-Policy (scripts from the site only): MkDocs
  writes its reload script inline in every page, which the policy blocks; it is served here as a
  file of the site's address instead (RELOAD_SCRIPT), the page's epoch in data attributes.
- Rebuilds happen on changes to data/, overrides/ and soignants/ too, not only docs/ and
  mkdocs.yml; after a change to soignants/, our modules are imported again, so that the rebuild
  runs the new code.

The server is MkDocs' LiveReloadServer (mkdocs.livereload, the version pinned in constraints.txt):
its `builder`, its WSGI application and its reload-script injection are wrapped, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import html
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import logging
import os
from pathlib import Path
import shutil
import sys
import tempfile
import threading
import time

RELOAD_SCRIPT = "/.soignants/rechargement.js"
LAST_GOOD = "derniere-version"
WATCHED = ("data", "overrides", "soignants")
POLL_SECONDS = 1.0

# MkDocs' own reload logic (mkdocs/livereload/__init__.py, _SCRIPT_TEMPLATE), reading the epoch
# and the request id from the script tag instead of from inline code.
RELOAD_JS = """(function () {
  "use strict";
  var tag = document.currentScript;
  var epoch = parseFloat(tag.getAttribute("data-epoque"));
  var id = tag.getAttribute("data-requete");
  var request, timer;
  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + id);
    request.send();
  }
  function stop() {
    if (request) { request.abort(); }
    if (timer) { clearTimeout(timer); }
    request = timer = undefined;
  }
  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") { poll(); }
  });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
"""

STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; background: #fff; color: #1a1a1a; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; color: #a01818; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 1rem; }
.ou { font-family: ui-monospace, monospace; font-weight: 600; overflow-wrap: anywhere; }
.code { color: #555; }
.avertissement .ou::after { content: " (avertissement)"; font-weight: 400; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 1rem; }
a { color: #0b4f8a; }
@media (prefers-color-scheme: dark) {
  body { background: #16181d; color: #e6e6e6; } h1 { color: #ff8a80; } .code { color: #aaa; }
  pre { background: #23262d; } a { color: #8ab4f8; }
}
"""


@dataclass
class Failure:
    """Why the last rebuild did not replace the site: content problems, or another message."""
    problems: list = field(default_factory=list)  # soignants.lint.report.Problem
    message: str = ""


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def error_page(failure: Failure, reload_tag: str = "", last_good: str | None = None) -> str:
    """The French page the browser shows while the site cannot be built."""
    errors = [p for p in failure.problems if p.is_error]
    if failure.problems:
        intro = (f"Le contenu a {_count(len(errors), 'erreur')}, les mêmes que « make lint ». Corrigez-les et "
                 "enregistrez le fichier : le site se reconstruit et cette page se recharge d'elle-même.")
        items = "\n".join(
            f'<li class="{"erreur" if p.is_error else "avertissement"}"><span class="ou">'
            f"{html.escape(p.path)}, ligne {p.line}</span><br>{html.escape(p.message)} "
            f'<span class="code">({html.escape(p.code)})</span></li>'
            for p in sorted(failure.problems, key=lambda p: (not p.is_error, p.path, p.line)))
        body = f"<p>{intro}</p>\n<ol>\n{items}\n</ol>"
    else:
        body = ("<p>La construction du site a échoué. Corrigez ce qui est dit ci-dessous et enregistrez : le site "
                "se reconstruit et cette page se recharge d'elle-même.</p>\n"
                f"<pre>{html.escape(failure.message)}</pre>")
    back = (f'<p><a href="{html.escape(last_good)}">Voir la dernière version correcte de cette page</a> '
            "(celle d'avant la modification).</p>") if last_good else ""
    return ("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"referrer\" content=\"no-referrer\">"
            "<title>Le site ne peut pas être construit</title>"
            f"<style>{STYLE}</style></head>\n<body><main>\n<h1>Le site ne peut pas être construit</h1>\n"
            f"{body}\n{back}\n</main>{reload_tag}</body></html>\n")


def _reload_tag(epoch, request_id) -> str:
    return f'<script src="{RELOAD_SCRIPT}" data-epoque="{int(epoch)}" data-requete="{int(request_id)}"></script>'


def _is_page(path: str) -> bool:
    return path.endswith("/") or path.endswith(".html")


# --- the first build of `mkdocs serve` ---------------------------------------------------------

_first_build_of_serve = False


def starting(command: str) -> None:
    """Called from the hook's on_startup: the next build is `mkdocs serve`'s first one."""
    global _first_build_of_serve
    _first_build_of_serve = command == "serve"


def _signature(root: Path) -> tuple:
    paths = [root / "mkdocs.yml", *(root / d for d in ("docs", *WATCHED))]
    seen = []
    for base in paths:
        files = [base] if base.is_file() else (p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue
            seen.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(seen))


class _WaitingHandler(BaseHTTPRequestHandler):
    page = b""

    def do_GET(self):  # noqa: N802 - the standard library's name
        body = self.server.page  # type: ignore[attr-defined]
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # the terminal shows the content check's lines, not requests
        pass


def until_content_is_fixed(prepare, dev_addr, root) -> list:
    """Run `prepare()` (which raises build_errors.ContentError on content errors). On the first
    build of `mkdocs serve` only, an error does not end the server: the error page is served on
    `dev_addr` while the files change, until `prepare()` passes. Returns its warnings."""
    global _first_build_of_serve
    first, _first_build_of_serve = _first_build_of_serve, False
    try:
        return prepare()
    except SystemExit as error:
        if not first or not getattr(error, "problems", None):
            raise
        failure = error
    host, port = dev_addr if dev_addr else ("127.0.0.1", 8000)
    refresh = '<meta http-equiv="refresh" content="2">'
    try:
        waiting = ThreadingHTTPServer((host, int(port)), _WaitingHandler)
    except OSError:
        raise failure from None
    waiting.daemon_threads = True
    waiting.page = error_page(Failure(failure.problems)).replace("<title>", refresh + "<title>").encode()
    thread = threading.Thread(target=waiting.serve_forever, daemon=True)
    thread.start()
    print(failure.code, file=sys.stderr, flush=True)
    print(f"En attente de correction : http://{host}:{port}/ montre ces erreurs dans le navigateur ; le site se "
          "construira dès qu'elles seront corrigées (Ctrl+C pour arrêter).", file=sys.stderr, flush=True)
    try:
        signature = _signature(Path(root))
        while True:
            time.sleep(POLL_SECONDS)
            now = _signature(Path(root))
            if now == signature:
                continue
            signature = now
            try:
                return prepare()
            except SystemExit as error:
                if not getattr(error, "problems", None):
                    raise
                if [p.format() for p in error.problems] != [p.format() for p in failure.problems]:
                    print(error.code, file=sys.stderr, flush=True)
                failure = error
                waiting.page = error_page(Failure(error.problems)).replace("<title>", refresh + "<title>").encode()
    except KeyboardInterrupt:
        raise SystemExit("Arrêt du serveur.") from None
    finally:
        waiting.shutdown()
        waiting.server_close()


# --- every later rebuild ------------------------------------------------------------------------

class _Session:
    def __init__(self, server, root: Path):
        self.server = server
        self.root = Path(root)
        self.failure: Failure | None = None
        self.code_signature = self._code_signature()

    def _code_signature(self) -> tuple:
        code = self.root / "soignants"
        if not code.is_dir():
            return ()
        return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in code.rglob("*.py")))

    def forget_changed_code(self) -> None:
        """After a change to soignants/, import our modules again: the rebuild runs the new code
        (MkDocs loads the hook anew at each rebuild; the hook imports soignants)."""
        now = self._code_signature()
        if now != self.code_signature:
            self.code_signature = now
            for name in [n for n in sys.modules if n == "soignants" or n.startswith("soignants.")]:
                del sys.modules[name]


def _snapshot(site_dir: Path) -> Path | None:
    """Hard links to the current site (MkDocs empties the folder before writing new files, so the
    links keep the old content); None when there is nothing to keep or links are not possible."""
    if "--dirty" in sys.argv or not site_dir.is_dir() or not any(site_dir.iterdir()):
        return None
    target = Path(tempfile.mkdtemp(prefix="soignants-dernier-site-"))
    try:
        shutil.copytree(site_dir, target / "site", copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return None
    return target


def _restore(snapshot: Path, site_dir: Path) -> None:
    for child in list(site_dir.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    for child in (snapshot / "site").iterdir():
        shutil.move(str(child), str(site_dir / child.name))


def _failure_of(error: BaseException) -> Failure:
    problems = getattr(error, "problems", None)
    if problems:
        return Failure(list(problems))
    text = str(getattr(error, "code", "") or error) if isinstance(error, SystemExit) else str(error)
    if not isinstance(error, SystemExit) and type(error).__module__.split(".")[0] not in ("mkdocs", "properdocs",
                                                                                         "click"):
        text = (f"erreur interne de la construction ({type(error).__name__} : {error}) ; si elle persiste, "
                "signalez-la à l'équipe technique")
    return Failure(message=text or type(error).__name__)


class _QuietReload(logging.Filter):
    """No « les pages se rechargent » line after a rebuild that failed: they reload to the error page."""

    def __init__(self, session: _Session):
        super().__init__()
        self.session = session

    def filter(self, record: logging.LogRecord) -> bool:
        return not (self.session.failure and record.getMessage().endswith("Reloading browsers"))


def serve_with_french_errors(server, root):
    """Wrap MkDocs' LiveReloadServer (the hook's on_serve); returns it."""
    session = _Session(server, Path(root))
    for folder in WATCHED:
        if (session.root / folder).is_dir():
            server.watch(str(session.root / folder))
    rebuild = server.builder
    site_dir = Path(server.root)

    def rebuild_or_explain():
        session.forget_changed_code()
        snapshot = _snapshot(site_dir)
        try:
            rebuild()
            session.failure = None
        except (Exception, SystemExit) as error:  # noqa: BLE001 - shown in French, never a traceback
            session.failure = _failure_of(error)
            if snapshot is not None and not session.failure.problems:
                _restore(snapshot, site_dir)  # the content check runs before MkDocs cleans: no need then
            shown = str(error.code) if session.failure.problems else session.failure.message
            print(shown, file=sys.stderr, flush=True)
            print(f"Le site n'a pas été reconstruit : le navigateur montre ces erreurs à la place des pages ; la "
                  f"dernière version correcte reste servie (ajoutez ?{LAST_GOOD} à l'adresse d'une page).",
                  file=sys.stderr, flush=True)
        finally:
            if snapshot is not None:
                shutil.rmtree(snapshot, ignore_errors=True)

    server.builder = rebuild_or_explain
    logging.getLogger("mkdocs.livereload").addFilter(_QuietReload(session))
    logging.getLogger("properdocs.livereload").addFilter(_QuietReload(session))

    if hasattr(server, "_inject_js_into_html"):
        def inject(content: bytes, epoch) -> bytes:
            tag = _reload_tag(epoch, time.monotonic_ns() // 1000).encode()
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            return content[:end] + tag + content[end:]
        server._inject_js_into_html = inject

    application = server.get_app()

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == RELOAD_SCRIPT:
            body = RELOAD_JS.encode()
            start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                      ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
            return [body]
        failure = session.failure
        if failure is not None and _is_page(path) and LAST_GOOD not in environ.get("QUERY_STRING", ""):
            epoch = getattr(server, "_visible_epoch", 0)
            page = error_page(failure, _reload_tag(epoch, time.monotonic_ns() // 1000), f"?{LAST_GOOD}")
            body = page.encode()
            start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"),
                                                       ("Content-Length", str(len(body))),
                                                       ("Cache-Control", "no-store")])
            return [body]
        return application(environ, start_response)

    server.set_app(app)
    return server
