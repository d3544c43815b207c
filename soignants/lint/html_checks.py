"""Raw HTML in a page: what the build's sanitiser would remove, said before it does.

The build keeps only the elements, attributes and addresses that soignants/render/sanitize.py lists (an
allowlist applied by nh3): anything else never reaches a reader. This check reads the same lists
and names each removal with its line, so that an editor knows what to write instead, instead of
finding a hole in the published page. Checked on the page with code blocks, inline code and HTML
comments blanked, so that `<script>` shown as an example in a code block is allowed.
"""

import html
from html.parser import HTMLParser
import re

from ..render import sanitize
from .markdown_text import LineIndex, Link, links
from .report import Problem

# Markdown autolinks (<https://…>, <x@y.org>) are links, not tags: blanked before parsing.
AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[^\s<>@!]+@[^\s<>@]+)>")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")  # no `{` inside: linear on a line of `{`
ATTR_LIST_PAIR = re.compile(r"""([^\s"'=]+)=("[^"\n]*"|'[^'\n]*'|[^\s"']+)""")
FIX_MEDIA = ("téléchargez le fichier dans docs/images/ et liez-le en relatif, ou remplacez-le par un "
             "simple lien vers la page qui l'héberge")
# What to write instead of an element the site does not allow.
INSTEAD = {
    "script": "le site n'exécute aucun code venu d'une page",
    "iframe": "pour une vidéo ou une page d'un autre site, mettez un simple lien",
    "object": "mettez un simple lien vers le document",
    "embed": "mettez un simple lien vers le document",
    "style": "le style du site est du code, dans overrides/assets/stylesheets/ (équipe technique)",
    "link": "le style du site est du code, dans overrides/assets/stylesheets/ (équipe technique)",
    "svg": "enregistrez l'image dans docs/images/ et insérez-la avec ![texte](chemin.svg)",
    "video": "mettez un simple lien vers la vidéo",
    "meta": "les réglages de la page sont dans son en-tête (---)",
    "base": "écrivez des liens relatifs",
}


class _Collector(HTMLParser):
    """Start tags and their attributes (entities decoded, as the browser reads them), with lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]], int]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(name, value or "") for name, value in attrs], self.getpos()[0]))

    handle_startendtag = handle_starttag


def _attribute_problems(tag: str, name: str, value: str, line: int, shown: str) -> list[Problem]:
    where = f"<{tag}>" if tag else "la liste d'attributs { … }"
    if name.startswith("on"):
        return [Problem(shown, line, "html-dangereux",
                        f"attribut « {name} » interdit dans {where} : il exécute du code dans le navigateur du "
                        "lecteur ; retirez-le")]
    if not (sanitize.attribute_allowed(tag, name) if tag else _attr_list_allowed(name)):
        return [Problem(shown, line, "html-dangereux",
                        f"attribut « {name} » retiré de {where} à la publication (il n'est pas dans la liste "
                        "de ce que le site permet : soignants/render/sanitize.py) ; retirez-le"
                        + (" : le style du site est du code, dans overrides/assets/stylesheets/ (équipe technique)" if name == "style" else ""))]
    forced = sanitize.FORCED_ATTRIBUTES.get(tag, {}).get(name)
    if forced is not None and value.strip().lower() != forced:
        return [Problem(shown, line, "html-dangereux",
                        f"« {name}=\"{value[:40]}\" » remplacé par « {name}=\"{forced}\" » à la publication : "
                        "le formulaire d'une page ne s'envoie nulle part ; retirez-le")]
    if tag and not sanitize.value_allowed(tag, name, value):
        return [Problem(shown, line, "html-dangereux",
                        f"valeur « {value[:40]} » de « {name} » retirée de <{tag}> à la publication ; "
                        "le formulaire d'une page ne s'envoie nulle part")]
    if name in ("href", "src", "action", "formaction", "xlink:href", "poster", "data") \
            and not sanitize.url_scheme_allowed(value):
        return [Problem(shown, line, "html-dangereux",
                        f"adresse « {value[:40]} » interdite dans « {name} » : seules les adresses https://, "
                        "mailto:, tel: et les liens relatifs sont permis ; mettez un lien vers une vraie page")]
    if name in sanitize.LOADING_ATTRIBUTES and not sanitize.is_loading_url_allowed(value):
        return [Problem(shown, line, "ressource-externe",
                        f"« <{tag} {name}=\"{value[:60]}\"> » charge un fichier depuis un autre site, qui "
                        f"apprendrait qui lit la page ; {FIX_MEDIA}")]
    return []


def _attr_list_allowed(name: str) -> bool:
    return name in sanitize.GLOBAL_ATTRIBUTES or any(name.startswith(p) for p in sanitize.GENERIC_PREFIXES)


def _tag_problems(tag: str, attributes, line: int, shown: str) -> list[Problem]:
    if tag not in sanitize.TAGS:
        advice = INSTEAD.get(tag, "écrivez-le en Markdown (titres, listes, liens, tableaux, encadrés)")
        return [Problem(shown, line, "html-dangereux",
                        f"balise « <{tag}> » retirée à la publication (elle n'est pas dans la liste de ce que "
                        f"le site permet : soignants/render/sanitize.py) ; {advice}")]
    problems = []
    for name, value in attributes:
        problems += _attribute_problems(tag, name.lower(), value, line, shown)
    return problems


def start_tags(text: str) -> list[tuple[str, list[tuple[str, str]], int]]:
    """Every start tag of a text (name, attributes, line), as an HTML parser reads it."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.tags


def html_problems(masked: str, shown: str) -> list[Problem]:
    index = LineIndex(masked)
    problems = []
    for tag, attributes, line in start_tags(AUTOLINK.sub(lambda m: " " * len(m.group(0)), masked)):
        problems += _tag_problems(tag, attributes, line, shown)
    for match in ATTR_LIST.finditer(masked):
        line = index.line(match.start())
        for pair in ATTR_LIST_PAIR.finditer(match.group(1)):
            value = pair.group(2).strip("\"'")
            problems += _attribute_problems("", pair.group(1).lower(), value, line, shown)
    for link in links(masked):
        problems += _link_problems(link, index, shown)
    return problems


def _link_problems(link: Link, index: LineIndex, shown: str) -> list[Problem]:
    line = index.line(link.offset)
    if not sanitize.url_scheme_allowed(_decoded(link.target)):
        return [Problem(shown, line, "html-dangereux",
                        f"lien « {link.target[:40]} » interdit : seules les adresses https://, mailto:, tel: "
                        "et les liens relatifs sont permises ; mettez un lien vers une vraie page")]
    if link.image and not sanitize.is_loading_url_allowed(_decoded(link.target)):
        return [Problem(shown, line, "ressource-externe",
                        f"image chargée depuis un autre site (« {link.target[:60]} »), qui apprendrait qui lit "
                        f"la page ; {FIX_MEDIA}")]
    return []


def _decoded(target: str) -> str:
    """An address as the browser reads it: Markdown keeps entities, the browser decodes them."""
    return html.unescape(target.strip("<>"))
