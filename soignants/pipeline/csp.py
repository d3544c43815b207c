"""The Content-Security-Policy every page carries, in a <meta> first in <head>.

Scripts run only from the site's own files, plus the few inline scripts of the theme's own
templates. Their hashes are computed by rendering those templates (never by reading a built
page: a script injected into a page must never be allow-listed). Everything else (styles,
images, the search index, the search worker) comes from the site itself; no form is sent
anywhere, no <base> can move the page's links, no plugin runs.

`'wasm-unsafe-eval'`: the search engine (Pagefind) is WebAssembly. It runs in a worker of its
own, which this policy does not reach in Chromium; but a browser whose worker inherits the
page's policy, or that cannot start the worker (Pagefind then runs in the page), would refuse to
compile it, and the search would find nothing (tests/search/test_results_list.py). The keyword
allows compiling WebAssembly only (never `eval` of JavaScript): a WebAssembly module can only be
started by a script the policy already allows.
"""

from __future__ import annotations

import base64
import hashlib
import re

# The theme's inline scripts: Material writes them in these partials (the colour scheme before
# the page shows, the announcement bar, tabs); the base one holds the site's path, so its hash
# depends on the page's depth.
THEME_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/announce.html",
    "partials/javascripts/content.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/outdated.html",
    "partials/javascripts/consent.html",
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?:\s[^>]*)?>(.*?)</script>", re.DOTALL | re.IGNORECASE)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(rendered: str) -> list[str]:
    """The executable inline scripts of a rendered template (JSON data blocks do not run)."""
    found = []
    for match in INLINE_SCRIPT.finditer(rendered):
        opening = match.group(0)[: match.group(0).index(">") + 1].lower()
        if "application/json" in opening:
            continue
        found.append(match.group(1))
    return found


def theme_script_hashes(env, context: dict) -> list[str]:
    """Hashes of the inline scripts the theme's templates write with this page's context."""
    hashes = []
    for name in THEME_SCRIPT_TEMPLATES:
        try:
            template = env.get_template(name)
        except Exception:  # noqa: BLE001 - a theme without this partial writes no such script
            continue
        hashes += [script_hash(s) for s in inline_scripts(template.render(context))]
    return sorted(set(hashes))


def policy(script_hashes: list[str]) -> str:
    directives = [f"{name} {value}" for name, value in DIRECTIVES]
    directives.insert(1, "script-src 'self' 'wasm-unsafe-eval'" + "".join(" " + h for h in script_hashes))
    return "; ".join(directives)
