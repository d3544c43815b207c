"""One page of the preview: a built page made into a file a reviewer opens from the disk.

- the page as the site renders it (help numbers, citations, admonitions, footer), without any
  script: the preview must open from `file://`, offline, with nothing to run;
- its stylesheets copied beside it (`assets/`), their images inlined; its images as `data:` URIs;
- only **site-relative** addresses are followed, and only to a regular file inside the built
  site: an absolute path (`/etc/passwd`), a `..` that climbs out, or a link to a file of the
  machine is dropped, never embedded;
- a Content-Security-Policy that allows only those files and `data:`, so the page can ask no
  host for anything, whatever its content holds;
- links to the other previewed pages kept, links to pages outside the preview made inert.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
from pathlib import Path
import posixpath
import re
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

PREVIEW_CSP = ("default-src 'none'; style-src 'self' file:; img-src data:; media-src data:; "
               "font-src data:; base-uri 'none'; form-action 'none'")
INERT_LINK_TITLE = "Page non incluse dans l'aperçu"
MAX_EMBEDDED_BYTES = 5 * 1024 * 1024  # a bigger image or font is left out of the preview


def _data_uri(path: Path) -> str | None:
    if path.stat().st_size > MAX_EMBEDDED_BYTES:
        return None
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix.lower() == ".svg":
        kind = "image/svg+xml"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def is_local(url: str) -> bool:
    """A relative address (no scheme, no host): the only kind the preview may follow."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def site_file(site_dir: Path, page: str, url: str) -> Path | None:
    """The regular file of the built site that a site-relative URL of `page` points to, or None:
    never an absolute path, never outside the site, never through a symbolic link."""
    if not is_local(url):
        return None
    path_part = unquote(urlsplit(url).path)
    if path_part.startswith("/") or "\\" in path_part or "\0" in path_part:
        return None  # absolute, or a Windows path: not an address of the site
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path_part))
    if target == ".." or target.startswith("../") or target.startswith("/"):
        return None
    root = site_dir.resolve()
    path = root / target
    if path.is_dir():
        path = path / "index.html"
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if resolved != path or not resolved.is_relative_to(root) or not resolved.is_file():
        return None  # a link somewhere on the way, or not a regular file of the site
    return resolved


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
_IMPORT = re.compile(r"@import\s[^;]*;")


def self_contained_css(css: str, css_file: Path, site_dir: Path) -> str:
    """A stylesheet whose url(...) are data: URIs (files of the site) or empty (anything else)."""
    page = css_file.resolve().relative_to(site_dir.resolve()).as_posix()

    def replace(match: re.Match) -> str:
        url = match.group(2).strip()
        if url.startswith("data:") or url.startswith("#"):
            return match.group(0)
        target = site_file(site_dir, page, url)
        uri = _data_uri(target) if target is not None else None
        return f'url("{uri}")' if uri else 'url("data:,")'
    css = _IMPORT.sub("", _SOURCE_MAP.sub("", css))
    return _CSS_URL.sub(replace, css)


class Stylesheets:
    """The sites' stylesheets, copied once each into the preview's assets/ folder (the two sites
    of a preview are built by the same code: their stylesheets are the same files)."""

    def __init__(self, out_dir: Path):
        self.assets = out_dir / "assets"
        self.by_content: dict[str, str] = {}

    def copy(self, source: Path, site_dir: Path) -> str:
        css = self_contained_css(source.read_text(encoding="utf-8"), source, site_dir)
        digest = hashlib.sha256(css.encode()).hexdigest()
        if digest not in self.by_content:
            self.assets.mkdir(parents=True, exist_ok=True)
            name = source.name
            while name in self.by_content.values():
                name = f"x-{name}"
            (self.assets / name).write_text(css, encoding="utf-8")
            self.by_content[digest] = name
        return f"assets/{self.by_content[digest]}"


def self_contained_page(html_text: str, page: str, site_dir: Path, stylesheets: Stylesheets,
                        included: dict[str, str], banner_note: str) -> str:
    """The page `page` (relative to site_dir) as a preview file."""
    soup = BeautifulSoup(html_text, "lxml")
    for tag in soup.find_all(["script", "noscript", "style", "iframe", "object", "embed", "base", "template"]):
        tag.decompose()
    for tag in soup.find_all(style=True):
        del tag["style"]  # the site's own policy refuses inline styles too
    for meta in soup.find_all("meta"):
        if (meta.get("http-equiv") or "").lower() in ("content-security-policy", "refresh") or \
                (meta.get("name") or "").lower() == "referrer":
            meta.decompose()

    for link in soup.find_all("link"):
        rel = [r.lower() for r in (link.get("rel") or [])]
        source = site_file(site_dir, page, link.get("href") or "")
        if "stylesheet" in rel and source is not None and source.suffix == ".css":
            link.attrs = {"rel": ["stylesheet"], "href": stylesheets.copy(source, site_dir)}
        elif "icon" in rel and source is not None and (uri := _data_uri(source)):
            link.attrs = {"rel": ["icon"], "href": uri}
        else:
            link.decompose()

    for tag in soup.find_all(["img", "source", "audio", "video", "track", "input", "image", "use"]):
        for attribute in ("src", "poster", "href", "xlink:href"):
            url = tag.get(attribute)
            if not url or (url.startswith("data:") and attribute != "href") or (attribute == "href" and url.startswith("#")):
                continue
            source = site_file(site_dir, page, url)
            uri = _data_uri(source) if source is not None else None
            if uri:
                tag[attribute] = uri
            else:
                del tag[attribute]
        if tag.get("srcset"):
            del tag["srcset"]  # the src above is enough for a preview

    for anchor in soup.find_all(["a", "area"]):
        href = anchor.get("href")
        if href is None or href.startswith("#") or not is_local(href):
            continue  # same page, or another site / tel: / mailto: (followed only on a click)
        target = site_file(site_dir, page, href)
        fragment = urlsplit(href).fragment
        name = included.get(target.relative_to(site_dir.resolve()).as_posix()) if target else None
        if name:
            anchor["href"] = name + (f"#{fragment}" if fragment else "")
        else:
            del anchor["href"]
            anchor["title"] = INERT_LINK_TITLE

    for form in soup.find_all(["form", "button", "input"]):
        for attribute in ("action", "formaction"):
            if form.has_attr(attribute):
                del form[attribute]

    head = soup.head or soup.new_tag("head")
    if soup.head is None:
        (soup.html or soup).insert(0, head)
    head.insert(0, soup.new_tag("meta", attrs={"name": "referrer", "content": "no-referrer"}))
    head.insert(0, soup.new_tag("meta", attrs={"http-equiv": "Content-Security-Policy", "content": PREVIEW_CSP}))
    head.append(soup.new_tag("link", attrs={"rel": "stylesheet", "href": "assets/apercu.css"}))

    banner = soup.new_tag("p", attrs={"class": "apercu-bandeau", "role": "note"})
    banner.append("Aperçu de la proposition, sans script ni recherche : ")
    back = soup.new_tag("a", href="index.html")
    back.string = "liste des pages de l'aperçu"
    banner.append(back)
    banner.append(f". {banner_note}")
    if soup.body is not None:
        soup.body.insert(0, banner)
    return str(soup)
