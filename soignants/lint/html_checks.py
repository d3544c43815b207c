"""Raw HTML in a page: what the build's sanitiser would remove, said before it does.

The build keeps only the elements, attributes and addresses that soignants/render/sanitize.py lists (an
allowlist applied by nh3): anything else never reaches a reader. This check reads the same lists
and names each removal with its line, so that an editor knows what to write instead, instead of
finding a hole in the published page. Checked on the page with code blocks, inline code and HTML
comments blanked, so that `<script>` shown as an example in a code block is allowed.

What only the site's code writes is refused to a page (`html-reserve`): the classes, ids,
`data-*`, roles, forms of the site and its theme (a page cannot imitate the help strip nor answer
its scripts' lookups), and call links (`appel-hors-marqueur`): only `[[aide:…]]` makes one.
"""

import html
from html.parser import HTMLParser
import re

from ..render import sanitize
from .markdown_text import LineIndex, Link, heading_ids, headings, links
from .report import Problem

# Markdown autolinks (<https://…>, <x@y.org>) are links, not tags: blanked before parsing.
AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[^\s<>@!]+@[^\s<>@]+)>")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")  # no `{` inside: linear on a line of `{`
ATTR_LIST_PAIR = re.compile(r"""([^\s"'=]+)=("[^"\n]*"|'[^'\n]*'|[^\s"']+)""")
# `{: .classe #id }`: the shorthands of an attribute list (Python-Markdown's attr_list).
ATTR_LIST_SHORTHAND = re.compile(r"""(?:^|\s)([.#])([^\s"'=}]+)""")
RESERVED = ("une page ne peut ni imiter le bandeau d'aide, « Quitter » ou les éléments du site, ni répondre à la "
            "place des scripts du site")
CALL = ("seul le marqueur [[aide:…]] fait un lien d'appel, vers un numéro vérifié de data/aide.yml, affiché tel "
        "qu'il est composé")
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
    if name in ("href", "src", "action", "formaction", "xlink:href") and sanitize.call_scheme(html.unescape(value)):
        return [Problem(shown, line, "appel-hors-marqueur",
                        f"lien d'appel « {value[:40]} » écrit à la main, retiré à la publication : {CALL} ; "
                        "écrivez [[aide:identifiant]] (ajoutez d'abord le numéro à data/aide.yml, avec sa source)")]
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
                        "mailto: et les liens relatifs sont permis ; mettez un lien vers une vraie page")]
    if name in sanitize.LOADING_ATTRIBUTES and not sanitize.is_loading_url_allowed(value):
        return [Problem(shown, line, "ressource-externe",
                        f"« <{tag} {name}=\"{value[:60]}\"> » charge un fichier depuis un autre site, qui "
                        f"apprendrait qui lit la page ; {FIX_MEDIA}")]
    return _reserved_problems(tag, name, value, line, shown)


def _reserved_problems(tag: str, name: str, value: str, line: int, shown: str) -> list[Problem]:
    """What the sanitiser keeps only where the site's code wrote it (sanitize.content_value)."""
    _, refused = sanitize.content_class_names(value) if name == "class" else ([], [])
    if (not refused) if name == "class" else sanitize.content_value(tag, name, value) == value:
        return []
    if name == "class":
        what = f"classe{'s' if len(refused) > 1 else ''} « {' '.join(refused)[:60]} » retirée{'s' if len(refused) > 1 else ''}"
        fix = ("les classes permises sont celles des encadrés (!!! note, !!! warning…) ; écrivez le texte en "
               "Markdown, sans classe")
    elif name == "id":
        what, fix = f"identifiant « {value[:40]} » retiré", "choisissez un autre identifiant (ni « __ », ni « md- », ni « ss- »)"
    elif name.startswith("data-"):
        what, fix = f"attribut « {name} » retiré", "les attributs data-… servent aux scripts et à la recherche du site"
    else:
        what, fix = f"attribut « {name}=\"{value[:30]}\" » retiré", "retirez-le"
    return [Problem(shown, line, "html-reserve", f"{what} à la publication : {RESERVED} ; {fix}")]


def _attr_list_allowed(name: str) -> bool:
    return name in sanitize.GLOBAL_ATTRIBUTES or any(name.startswith(p) for p in sanitize.GENERIC_PREFIXES)


def _tag_problems(tag: str, attributes, line: int, shown: str) -> list[Problem]:
    problems = []
    if tag in sanitize.GENERATED_ONLY_TAGS:
        problems.append(Problem(shown, line, "html-reserve",
                                f"balise « <{tag}> » retirée à la publication (son texte reste) : formulaires, champs "
                                "et lecteurs audio ne viennent que des marqueurs du site (questionnaires, annuaire, "
                                "« audio » d'un témoignage) ; " + RESERVED))
    elif tag not in sanitize.TAGS:
        advice = INSTEAD.get(tag, "écrivez-le en Markdown (titres, listes, liens, tableaux, encadrés)")
        return [Problem(shown, line, "html-dangereux",
                        f"balise « <{tag}> » retirée à la publication (elle n'est pas dans la liste de ce que "
                        f"le site permet : soignants/render/sanitize.py) ; {advice}")]
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
        for short in ATTR_LIST_SHORTHAND.finditer(match.group(1)):
            name = "class" if short.group(1) == "." else "id"
            problems += _reserved_problems("", name, short.group(2), line, shown)
    problems += _heading_id_problems(masked, shown)
    for link in links(masked):
        problems += _link_problems(link, index, shown)
    return problems


def _heading_id_problems(masked: str, shown: str) -> list[Problem]:
    """A heading's own id (toc's slug of its text: « ## __config » gives `__config`)."""
    items = headings(masked)
    problems = []
    for heading, anchor in zip(items, heading_ids(items)):
        if heading.explicit_id is None and not sanitize.content_id_allowed(anchor):
            problems.append(Problem(shown, heading.line, "html-reserve",
                                    f"le titre « {heading.text[:40]} » donnerait l'identifiant « {anchor} », retiré à la "
                                    f"publication (son lien « ¶ » ne mènerait nulle part) : {RESERVED} ; "
                                    "reformulez le titre"))
    return problems


def _link_problems(link: Link, index: LineIndex, shown: str) -> list[Problem]:
    line = index.line(link.offset)
    if sanitize.call_scheme(_decoded(link.target)):
        return [Problem(shown, line, "appel-hors-marqueur",
                        f"lien d'appel « {link.target[:40]} » écrit à la main, retiré à la publication : {CALL} ; "
                        "écrivez [[aide:identifiant]] (ajoutez d'abord le numéro à data/aide.yml, avec sa source)")]
    if not sanitize.url_scheme_allowed(_decoded(link.target)):
        return [Problem(shown, line, "html-dangereux",
                        f"lien « {link.target[:40]} » interdit : seules les adresses https://, mailto: et les "
                        "liens relatifs sont permises ; mettez un lien vers une vraie page")]
    if link.image and not sanitize.is_loading_url_allowed(_decoded(link.target)):
        return [Problem(shown, line, "ressource-externe",
                        f"image chargée depuis un autre site (« {link.target[:60]} »), qui apprendrait qui lit "
                        f"la page ; {FIX_MEDIA}")]
    return []


def _decoded(target: str) -> str:
    """An address as the browser reads it: Markdown keeps entities, the browser decodes them."""
    return html.unescape(target.strip("<>"))
