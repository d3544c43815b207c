"""The essentials every built page must have, whatever generator built it.

Plain Python over the HTML files of the built site (scripts/check_built_site.py, `make build`,
`make build-zensical`, the test suite): a generator that ignored our hook, our extension or our
template overrides fails here, instead of publishing pages without the help numbers.

- the help strip, with each number of data/aide.yml marked `bandeau`, as a link to call it;
- no marker left unexpanded (`[[aide:…]]`, `[@Clé]`, `<!-- liste-fiches … -->`…);
- nothing loaded from another host (soignants/checks/site_checks.py), in pages and stylesheets;
- in the page's content, no inline script, event handler or style (what the allowlist of
  soignants/render/sanitize.py guarantees): only the site's own files and JSON data blocks;
- the page's title and description escaped once (shown as written, not as « &#39; »);
- with `require_csp`, the Content-Security-Policy first in <head> (MkDocs: soignants/pipeline/csp.py);
- with `base_url` (the address the site is built for, e.g. under a sub-path), every internal
  link and file the pages name exists, and none leads above the site's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import re

import lxml.html

from ..model import help_data
from . import site_checks
from ..model.catalog import CITATION
from ..render.markers import BLOCK_KINDS

HELP_MARKER_LEFT = re.compile(r"\[\[aide:")
BLOCK_MARKER_LEFT = re.compile(r"<!--\s*(?:" + "|".join(BLOCK_KINDS) + r")\b")
CONTENT_ELEMENT = "article"
DOUBLE_ESCAPED = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
CONTENT_ELEMENTS_REFUSED = ("style", "iframe", "object", "embed", "frame", "base", "meta")


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    code: str

    def format(self) -> str:
        return f"{self.path}: {self.message} ({self.code})"


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _text(element) -> str:
    """The text a reader sees in an element (not the inside of scripts and styles)."""
    return " ".join(element.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))


def _strip_problems(tree, where: str, entries: list[dict]) -> list[Problem]:
    strips = tree.xpath(f"//*[{_has_class('ss-bandeau')}]")
    if not strips:
        return [Problem(where, "pas de bandeau d'aide (.ss-bandeau) : les numéros d'urgence manquent", "bandeau-absent")]
    links = {(a.get("href"), " ".join(_text(a).split())) for a in strips[0].iter("a") if a.get("href")}
    problems = []
    for entry in entries:
        if not any(href == entry["tel"] and entry["telephone"] in text for href, text in links):
            problems.append(Problem(where, f"le bandeau d'aide n'a pas le numéro {entry['telephone']} "
                                           f"({entry.get('nom_court', entry['id'])}) en lien {entry['tel']}",
                                    "bandeau-incomplet"))
    # Nothing else: a regional edition shows its own region's lines, never another's.
    expected = {entry["tel"] for entry in entries}
    for href in sorted({href for href, _ in links if href.lower().startswith("tel:")} - expected):
        problems.append(Problem(where, f"le bandeau d'aide a un numéro qui n'est pas celui de cette édition : {href}",
                                "bandeau-en-trop"))
    return problems


def _marker_problems(html: str, tree, where: str) -> list[Problem]:
    """Markers left in the text a reader sees. A marker shown as code (a page that documents
    them) is not one: a generator that skipped our code leaves them in the prose too."""
    problems = []
    text = " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)"
                               " and not(ancestor::code) and not(ancestor::pre)]"))
    for pattern, label in ((HELP_MARKER_LEFT, "[[aide:…]]"), (CITATION, "[@Clé]")):
        match = pattern.search(text)
        if match:
            problems.append(Problem(where, f"marqueur non développé {label} : « {match.group(0)} »", "marqueur-brut"))
    match = BLOCK_MARKER_LEFT.search(html)
    if match:
        problems.append(Problem(where, f"marqueur non développé : « {match.group(0)} … -->", "marqueur-brut"))
    return problems


def _host_problems(tree, where: str) -> list[Problem]:
    return [Problem(where, f"charge une ressource d'un autre site : {url}", "ressource-externe")
            for url in site_checks.tree_resources(tree) if site_checks.is_other_host(url)]


def _content_problems(tree, where: str) -> list[Problem]:
    problems = []
    for content in tree.iter(CONTENT_ELEMENT):
        for element in content.iter():
            if not isinstance(element.tag, str):
                continue  # a comment or a processing instruction
            name = element.tag.lower()
            if name == "script":
                kind = (element.get("type") or "").lower()
                if kind == "application/json" or (element.get("src") and not site_checks.is_other_host(element.get("src"))):
                    continue
                problems.append(Problem(where, "script en ligne dans le contenu de la page", "contenu-non-nettoye"))
            elif name in CONTENT_ELEMENTS_REFUSED:
                problems.append(Problem(where, f"élément <{name}> dans le contenu de la page", "contenu-non-nettoye"))
            handlers = [a for a in element.attrib if a.lower().startswith("on") or a.lower() == "style"]
            if handlers:
                problems.append(Problem(where, f"attribut {handlers[0]}= sur <{name}> dans le contenu de la page",
                                        "contenu-non-nettoye"))
            href = str(element.get("href") or "")
            if re.sub(r"[\x00-\x20]", "", href).lower().startswith("javascript:"):
                problems.append(Problem(where, "lien javascript: dans le contenu de la page", "contenu-non-nettoye"))
    return problems


def _csp_problems(tree, where: str) -> list[Problem]:
    for element in tree.xpath("//head/meta | //head/script"):  # in the document's order
        if element.tag == "script":
            return [Problem(where, "la Content-Security-Policy vient après un script", "csp-tardive")]
        if (element.get("http-equiv") or "").lower() == "content-security-policy" \
                and "script-src" in (element.get("content") or ""):
            return []
    return [Problem(where, "pas de Content-Security-Policy dans <head>", "csp-absente")]


def _escaping_problems(tree, where: str) -> list[Problem]:
    """A title escaped twice shows its entities (« d&#39;un ») in the tab and the header."""
    shown = " ".join([*tree.xpath("//title//text()"), *tree.xpath("//meta[@name='description']/@content")])
    match = DOUBLE_ESCAPED.search(shown)
    return [Problem(where, f"titre ou description échappé deux fois : « {match.group(0)} » s'affiche tel quel",
                    "double-echappement")] if match else []


def page_problems(html: str, where: str, strip_entries: list[dict], require_csp: bool = False) -> list[Problem]:
    tree = lxml.html.document_fromstring(html)  # libxml2: several times faster than BeautifulSoup
    problems = [*_strip_problems(tree, where, strip_entries), *_marker_problems(html, tree, where),
                *_host_problems(tree, where), *_content_problems(tree, where), *_escaping_problems(tree, where)]
    if require_csp:
        problems += _csp_problems(tree, where)
    return problems


def site_problems(site_dir, require_csp: bool = False, base_url: str | None = None,
                  strip_entries: list[dict] | None = None) -> tuple[int, list[Problem]]:
    """(number of pages checked, problems) for a built site."""
    site_dir = Path(site_dir)
    entries = help_data.strip_entries() if strip_entries is None else strip_entries
    pages = sorted(site_dir.rglob("*.html"))
    problems: list[Problem] = []
    if not pages:
        problems.append(Problem(site_dir.as_posix(), "aucune page HTML : le site n'a pas été construit ici", "site-vide"))
    for page in pages:
        where = page.relative_to(site_dir).as_posix()
        problems += page_problems(page.read_text(encoding="utf-8"), where, entries, require_csp)
    for css in sorted(site_dir.rglob("*.css")):
        where = css.relative_to(site_dir).as_posix()
        problems += [Problem(where, f"charge une ressource d'un autre site : {url}", "ressource-externe")
                     for url in site_checks.css_resources(css.read_text(encoding="utf-8", errors="replace"))
                     if site_checks.is_other_host(url)]
    if base_url:
        for line in site_checks.internal_link_problems(site_dir, base_url):
            where, _, message = line.partition(": ")
            problems.append(Problem(where, message, "lien-interne"))
    return len(pages), problems
