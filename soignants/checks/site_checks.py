"""Checks on the built HTML and CSS: what a page loads, what it links to, which anchors it has.

Generator-independent: it reads files in site/, whatever produced them.
"""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
import re

from bs4 import BeautifulSoup

# Elements and attributes through which a browser loads something by itself.
RESOURCE_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "iframe": ("src",),
    "frame": ("src",), "embed": ("src",), "object": ("data",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "input": ("src",),
}
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                     "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _split_srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def html_resources(soup: BeautifulSoup) -> list[str]:
    """Every URL the page makes the browser fetch on its own (not plain links)."""
    urls = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    urls.extend(_split_srcset(value) if attribute == "srcset" else [value])
    for link in soup.find_all("link"):
        rels = {r.lower() for r in link.get("rel", [])}
        if rels & LOADING_LINK_RELS and link.get("href"):
            urls.append(link["href"])
    for style in soup.find_all("style"):
        urls.extend(css_resources(style.get_text()))
    for element in soup.find_all(style=True):
        urls.extend(css_resources(element["style"]))
    return urls


def tree_resources(tree) -> list[str]:
    """The same as html_resources, for a page parsed by lxml.html (several times faster on big
    sites: soignants/checks/built_site.py)."""
    urls = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in tree.iter(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    urls.extend(_split_srcset(value) if attribute == "srcset" else [value])
    for link in tree.iter("link"):
        rels = {r.lower() for r in (link.get("rel") or "").split()}
        if rels & LOADING_LINK_RELS and link.get("href"):
            urls.append(link.get("href"))
    for style in tree.iter("style"):
        urls.extend(css_resources(style.text_content()))
    for element in tree.xpath("//*[@style]"):
        urls.extend(css_resources(element.get("style")))
    return urls


def css_resources(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def is_other_host(url: str) -> bool:
    """True for a URL that leaves the site's own host (http(s) or protocol-relative)."""
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https", "ftp", "ws", "wss")


def links(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.find_all("a", href=True)]


def anchors(soup: BeautifulSoup) -> set[str]:
    return {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}


def page_url(site_root: Path, html_file: Path, base_url: str) -> str:
    """Public URL of a built file, e.g. fiches/x/index.html -> <base>fiches/x/."""
    relative = html_file.relative_to(site_root).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return base_url + relative


def target_file(site_root: Path, base_url: str, absolute_url: str) -> Path | None:
    """The file a same-site URL points to, or None if the URL is outside the site."""
    if not absolute_url.startswith(base_url):
        return None
    path = unquote(urlsplit(absolute_url).path[len(urlsplit(base_url).path):])
    candidate = site_root / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate


def internal_link_problems(site_root: Path, base_url: str) -> list[str]:
    """Every internal href/src of every built page that points to a missing file or anchor.
    Each page is parsed once: its references and its anchors are read in the same pass."""
    problems = []
    pages = sorted(site_root.rglob("*.html"))
    references: dict[Path, list[str]] = {}
    anchor_sets: dict[Path, set[str]] = {}
    for html_file in pages:
        soup = parse(html_file.read_text(encoding="utf-8"))
        references[html_file] = [*links(soup), *html_resources(soup)]
        anchor_sets[html_file.resolve()] = anchors(soup)

    for html_file in pages:
        here = page_url(site_root, html_file, base_url)
        if html_file.name == "404.html":
            here = base_url  # served at any path; its links are absolute from the site root
        for reference in references[html_file]:
            scheme = urlsplit(reference).scheme
            if scheme in ("tel", "mailto", "data", "javascript") or is_other_host(reference):
                continue
            absolute = urljoin(here, reference)
            target = target_file(site_root, base_url, absolute.split("#")[0])
            where = html_file.relative_to(site_root).as_posix()
            if target is None:
                problems.append(f"{where}: lien hors du site sous-chemin : {reference}")
                continue
            if not target.exists():
                problems.append(f"{where}: cible absente : {reference}")
                continue
            fragment = urlsplit(absolute).fragment
            if fragment and target.suffix == ".html" and \
                    unquote(fragment) not in anchor_sets.get(target.resolve(), set()):
                problems.append(f"{where}: ancre absente : {reference}")
    return problems
