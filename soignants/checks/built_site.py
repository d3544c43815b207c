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
  link and file the pages name exists, and none leads above the site's folder;
- every call link (`tel:`, `sms:`…) of a page, the help strip's included, dials a number of
  data/aide.yml and shows that number's digits (read as the reader sees them: every kind of
  space, full-width and other digits, tags inside the link);
- every file of the site is one the build means to publish (soignants/checks/asset_manifest.py:
  scripts, style sheets, pages, workers by hash; no symbolic link).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import re
import unicodedata

import lxml.html

from ..model import help_data
from ..render import sanitize
from . import asset_manifest, site_checks
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


# Between the digit groups of one number as it is shown: spaces of every kind, . - / ( ).
NUMBER_SEPARATORS = frozenset(".-/()")
# A run of at least this many digits in a call link's text is a phone number (a name may hold
# fewer: « 24 h/24 »).
NUMBER_DIGITS = 4


def digit_runs(text: str) -> list[str]:
    """The numbers a reader sees in a text, as ASCII digits (full-width, Arabic-Indic and
    superscript digits read as digits; a group separator inside a number does not cut it)."""
    runs, current, pending = [], [], False
    for char in unicodedata.normalize("NFKC", text):
        value = unicodedata.decimal(char, None)
        if value is not None:
            current.append(str(value))
            pending = False
        elif current and (char.isspace() or char in NUMBER_SEPARATORS or unicodedata.category(char) in ("Zs", "Cf")):
            pending = True  # separators between two groups of the same number
        elif current:
            runs.append("".join(current))
            current, pending = [], False
    if current:
        runs.append("".join(current))
    return runs


def shows_number(text: str, digits: str) -> bool:
    """The text shows this number (as written in data/aide.yml, or with +33 for its leading 0),
    and no other number."""
    runs = digit_runs(text)
    same = [r for r in runs if r == digits or (r.startswith("33") and "0" + r[2:] == digits)]
    others = [r for r in runs if r not in same and len(r) >= NUMBER_DIGITS]
    return bool(same) and not others


def _dialled(href: str) -> str:
    """`tel:+33 8-05.23(23)36` -> `tel:+33805232336`: a tel: address as a phone dials it."""
    compact = re.sub(r"[\x00-\x20]", "", href)
    scheme, _, number = compact.partition(":")
    return f"{scheme.lower()}:" + re.sub(r"[\s.\-()/]", "", number)


def _call_problems(tree, where: str, numbers: dict[str, str]) -> list[Problem]:
    """`numbers`: each tel: address of data/aide.yml -> the digits its number shows."""
    problems = []
    for element in tree.xpath("//*[@href]"):
        href = element.get("href") or ""
        scheme = sanitize.call_scheme(href)
        if not scheme:
            continue
        text = " ".join(_text(element).split())
        target = _dialled(href)
        if scheme != "tel" or target not in numbers:
            problems.append(Problem(where, f"lien d'appel « {href[:40]} » (texte « {text[:40]} ») vers un numéro qui "
                                           "n'est pas dans data/aide.yml", "appel-inconnu"))
        elif not shows_number(text, numbers[target]):
            problems.append(Problem(where, f"lien d'appel vers {target} dont le texte montre un autre numéro : "
                                           f"« {text[:40]} »", "appel-trompeur"))
    return problems


def call_numbers(entries: list[dict]) -> dict[str, str]:
    """tel: address -> the digits shown, for every number of data/aide.yml."""
    return {help_data.tel_uri(e["telephone"]): "".join(digit_runs(e["telephone"]))
            for e in entries if isinstance(e.get("telephone"), str)}


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


def page_problems(html: str, where: str, strip_entries: list[dict], require_csp: bool = False,
                  numbers: dict[str, str] | None = None) -> list[Problem]:
    tree = lxml.html.document_fromstring(html)  # libxml2: several times faster than BeautifulSoup
    numbers = call_numbers(help_data.structures()) if numbers is None else numbers
    problems = [*_strip_problems(tree, where, strip_entries), *_marker_problems(html, tree, where),
                *_host_problems(tree, where), *_content_problems(tree, where), *_escaping_problems(tree, where),
                *_call_problems(tree, where, numbers)]
    if require_csp:
        problems += _csp_problems(tree, where)
    return problems


def site_problems(site_dir, require_csp: bool = False, base_url: str | None = None,
                  strip_entries: list[dict] | None = None, require_manifest: bool | None = None,
                  help_entries: list[dict] | None = None) -> tuple[int, list[Problem]]:
    """(number of pages checked, problems) for a built site. `require_manifest` (by default as
    `require_csp`: both come from our MkDocs hook): a site without the build's manifest fails;
    a manifest present is always checked."""
    site_dir = Path(site_dir)
    entries = help_data.strip_entries() if strip_entries is None else strip_entries
    numbers = call_numbers(help_data.structures() if help_entries is None else help_entries)
    pages = sorted(p for p in site_dir.rglob("*.html") if not p.is_symlink())
    problems: list[Problem] = []
    if not pages:
        problems.append(Problem(site_dir.as_posix(), "aucune page HTML : le site n'a pas été construit ici", "site-vide"))
    for page in pages:
        where = page.relative_to(site_dir).as_posix()
        problems += page_problems(page.read_text(encoding="utf-8"), where, entries, require_csp, numbers)
    for css in sorted(site_dir.rglob("*.css")):
        where = css.relative_to(site_dir).as_posix()
        problems += [Problem(where, f"charge une ressource d'un autre site : {url}", "ressource-externe")
                     for url in site_checks.css_resources(css.read_text(encoding="utf-8", errors="replace"))
                     if site_checks.is_other_host(url)]
    required = require_csp if require_manifest is None else require_manifest
    problems += [Problem(f.path, f.message, f.code) for f in asset_manifest.problems(site_dir, required)]
    if base_url:
        for line in site_checks.internal_link_problems(site_dir, base_url):
            where, _, message = line.partition(": ")
            problems.append(Problem(where, message, "lien-interne"))
    return len(pages), problems
