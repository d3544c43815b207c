"""The HTTP headers a host can send with the site, written by the build from the pages' policy.

Every page carries its Content-Security-Policy in a <meta> (soignants/pipeline/csp.py): it works
on any static host, GitHub Pages included, which sends no header of ours. A host that can send
headers does better: a header also protects the files that are not pages, and carries what a
<meta> cannot (`frame-ancestors 'none'`: no other site can show ours in a frame and lay a fake
« Quitter » or a fake number over it). The build writes, at the root of the built site:

- `_headers`: Netlify and Cloudflare Pages read it and do not serve it;
- `.htaccess`: Apache (most French shared hosting) applies it to its folder and below, and
  refuses to serve it (`.ht*` files are denied by Apache's default configuration);
- `_entetes-http/nginx.conf`: a snippet the server's administrator includes in nginx's
  configuration (nginx never reads a file from the served folder); served as a file, it shows
  nothing the pages' own <meta> does not already show.

Elsewhere (GitHub Pages, GitLab Pages) the three files are plain files of the site: harmless.

The policy is the pages' policy (same directives and sources, `csp.DIRECTIVES`), whose
`script-src` holds the union of the theme's inline-script hashes of every page of this build
(the hash of Material's base script depends on the page's depth; a header applies to all pages),
plus `frame-ancestors 'none'`. Those hashes come from rendering the theme's templates, never
from reading a built page. tests/test_regional_editions.py parses each file and compares it with
the <meta> of every page.

Caching: files whose name carries a fingerprint of their content (Material's bundles, Pagefind's
index fragments) never change under the same name: a year, `immutable`. Everything else (pages,
our own scripts and style sheets, images) is `no-cache`: the browser keeps it but asks the host
whether it changed, so a corrected phone number reaches the reader at the next visit.

HSTS is written commented out, with why: once a browser has seen it, it refuses plain HTTP for
the whole domain for a year; it is for the host to turn on, knowing its domain.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
import re

from . import csp

HEADERS_FILE = "_headers"
HTACCESS_FILE = ".htaccess"
NGINX_FILE = "_entetes-http/nginx.conf"
# Material's bundles (bundle.<hash>.min.js, main.<hash>.min.css…) and Pagefind's fragments
# (pagefind/fragment/fr_<hash>.pf_fragment, index/…, filter/…). Pagefind's page list
# (pagefind.fr_<hash>.pf_meta) is left short: its name changes from one build to the next of the
# same pages (the order its threads read them), and _headers would with it.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$|_[0-9a-f]{6,}\.pf_(?:fragment|index|filter)$")
FINGERPRINTED_APACHE = r"\.[0-9a-f]{8,}\.min\.(js|css)$|_[0-9a-f]{6,}\.pf_(fragment|index|filter)$"
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "no-cache"
PERMISSIONS = ("accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
               "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()")
HSTS = "max-age=31536000"
HSTS_WARNING = ("À n'activer qu'une fois tout le domaine servi en HTTPS, sous-domaines compris : un navigateur qui "
                "a reçu cet en-tête refuse ensuite le HTTP pour ce domaine pendant un an.")
GENERATED = "Écrit par la construction du site (soignants/pipeline/http_headers.py) : ne pas modifier à la main."


def header_policy(script_hashes) -> str:
    """The pages' policy with the union of their theme-script hashes, and frame-ancestors."""
    return csp.policy(sorted(set(script_hashes))) + "; frame-ancestors 'none'"


def security_headers(script_hashes) -> list[tuple[str, str]]:
    return [
        ("Content-Security-Policy", header_policy(script_hashes)),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", PERMISSIONS),
    ]


def fingerprinted_files(site_dir) -> list[str]:
    """Paths (from the site's root) of the built files named after their content."""
    site_dir = Path(site_dir)
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                  if p.is_file() and FINGERPRINTED.search(p.name))


def _base_path(site_url: str | None) -> str:
    """`/` or `/urps/`: where the site sits on its host, from its public address."""
    path = urlsplit(site_url or "/").path or "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def netlify(script_hashes, site_dir, site_url: str | None) -> str:
    """`_headers`: one rule for every path, then the fingerprinted files. Netlify and Cloudflare
    join the values of a header set by two matching rules, so Cache-Control is set only on the
    fingerprinted files; both hosts already serve everything else with `max-age=0,
    must-revalidate` (the same as no-cache)."""
    base = _base_path(site_url)
    lines = [f"# {GENERATED}", "# Netlify et Cloudflare Pages appliquent ces en-têtes ; ce fichier n'est pas servi.",
             f"# HSTS (Strict-Transport-Security: {HSTS}) sous « {base}* » : {HSTS_WARNING}", f"{base}*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(script_hashes)]
    rules = []  # Pagefind's fragment folders as one rule each (thousands of files on a big site)
    for path in fingerprinted_files(site_dir):
        folder = path.rsplit("/", 1)[0] if path.count("/") >= 2 and path.startswith("pagefind/") else None
        rule = f"{base}{folder}/*" if folder else f"{base}{path}"
        if rule not in rules:
            rules.append(rule)
    for rule in rules:
        lines += [rule, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def apache(script_hashes, site_url: str | None) -> str:
    """`.htaccess` (mod_headers; applies to its folder, under any sub-path)."""
    base = _base_path(site_url)
    lines = [f"# {GENERATED}", "# Apache (hébergement mutualisé) : en-têtes de sécurité et durée de cache.",
             # Only directives of AllowOverride FileInfo, which shared hosts grant (an « Options »
             # line where it is not allowed would make every page an error 500).
             "AddDefaultCharset UTF-8", "<IfModule mod_headers.c>"]
    lines += [f'  Header always set {name} "{value}"' for name, value in security_headers(script_hashes)]
    lines += [f"  # {HSTS_WARNING}", f'  # Header always set Strict-Transport-Security "{HSTS}"',
              f'  Header set Cache-Control "{SHORT_CACHE}"',
              f'  <FilesMatch "{FINGERPRINTED_APACHE}">',
              f'    Header set Cache-Control "{LONG_CACHE}"',
              "  </FilesMatch>", "</IfModule>"]
    lines += ["# La page « introuvable » du site (chemin depuis la racine du domaine : construisez avec SITE_URL).",
              f"ErrorDocument 404 {base}404.html"]
    return "\n".join(lines) + "\n"


def nginx(script_hashes, site_url: str | None) -> str:
    """A snippet to include in the nginx `location` that serves the site. nginx drops the
    headers of an enclosing block in a block that adds its own: the nested block repeats them."""
    base = _base_path(site_url)
    security = [f'add_header {name} "{value}" always;' for name, value in security_headers(script_hashes)]
    hsts = [f"# {HSTS_WARNING}", f'# add_header Strict-Transport-Security "{HSTS}" always;']
    lines = [f"# {GENERATED}",
             f"# nginx : à inclure dans le bloc « location {base} » qui sert le site :",
             "#   include /chemin/vers/ce/fichier/nginx.conf;",
             "# (nginx ne lit pas ce fichier depuis le dossier du site : copiez-le dans sa configuration.)",
             *security, *hsts, f'add_header Cache-Control "{SHORT_CACHE}" always;',
             f"error_page 404 {base}404.html;",
             f'location ~ "{FINGERPRINTED_APACHE}" {{',
             *[f"    {line}" for line in (*security, *hsts, f'add_header Cache-Control "{LONG_CACHE}" always;')],
             "}"]
    return "\n".join(lines) + "\n"


def write(site_dir, script_hashes, site_url: str | None) -> list[Path]:
    """Write the three files into the built site; return their paths."""
    site_dir = Path(site_dir)
    written = []
    for name, text in ((HEADERS_FILE, netlify(script_hashes, site_dir, site_url)),
                       (HTACCESS_FILE, apache(script_hashes, site_url)),
                       (NGINX_FILE, nginx(script_hashes, site_url))):
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
