"""No raw HTML that runs code, and nothing loaded from another host.

The site promises its readers that it collects nothing and runs no third-party code: a script,
a frame, an event attribute or an image hotlinked from another site would break that promise
(the other host learns who reads which page). Checked on the page with code blocks, inline code
and HTML comments blanked, so that examples in a code block are allowed.
"""

import re

from .markdown_text import LineIndex, Link, links
from .report import Problem

DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta"}
# A tag name followed by a space, `/` or `>`: autolinks such as <https://…> are not tags.
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|\Z)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?")
# An attribute name starts after a blank or a quote (a lookbehind keeps long words linear).
ATTRIBUTE = re.compile(r"""(?:(?<=[\s"'])|^)([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^}\n]*=[^}\n]*)\}")
STYLE_BLOCK = re.compile(r"<\s*style\b[^>]*>(.*?)(?:<\s*/\s*style\s*>|\Z)", re.DOTALL | re.IGNORECASE)
SCRIPT_URL = re.compile(r"^[\s\x00-\x1f]*(?:(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript)\s*:|data\s*:\s*text/html)",
                        re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_EXTERNAL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//|@import", re.IGNORECASE)
# Tags whose href loads a file rather than leads the reader elsewhere (HTML and SVG).
HREF_LOADS = {"link", "image", "use", "feimage"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"}
FIX_MEDIA = ("téléchargez le fichier dans docs/assets/ et liez-le en relatif, ou remplacez-le par un "
             "simple lien vers la page qui l'héberge")


def _attributes(text: str):
    for match in ATTRIBUTE.finditer(text):
        yield match.group(1).lower(), next(v for v in match.group(2, 3, 4) if v is not None), match.start()


def _attribute_problems(tag: str, attributes: str, line: int, shown: str) -> list[Problem]:
    problems = []
    for name, value, _ in _attributes(attributes):
        if name.startswith("on"):
            problems.append(Problem(shown, line, "html-dangereux",
                                    f"attribut « {name} » interdit : il exécute du code dans le navigateur du "
                                    "lecteur ; retirez-le"))
        elif name in URL_ATTRIBUTES and SCRIPT_URL.match(value):
            problems.append(Problem(shown, line, "html-dangereux",
                                    f"adresse « {value[:40]} » interdite dans « {name} » : elle exécute du code ; "
                                    "mettez un lien vers une vraie page (https://…)"))
        elif name in LOADING_ATTRIBUTES or (name in ("href", "xlink:href") and tag in HREF_LOADS):
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            if any(EXTERNAL.match(url) for url in urls):
                problems.append(Problem(shown, line, "ressource-externe",
                                        f"« <{tag or '…'} {name}=\"{value[:60]}\"> » charge un fichier depuis un autre "
                                        f"site, qui apprendrait qui lit la page ; {FIX_MEDIA}"))
        elif name == "style":
            if CSS_EXTERNAL.search(value):
                problems.append(Problem(shown, line, "ressource-externe",
                                        "ce style charge un fichier depuis un autre site (url(http…) ou @import) ; "
                                        f"{FIX_MEDIA}"))
            elif "expression(" in value.lower():
                problems.append(Problem(shown, line, "html-dangereux",
                                        "« expression( » dans un style exécute du code ; retirez-le"))
    return problems


def html_problems(masked: str, shown: str) -> list[Problem]:
    index = LineIndex(masked)
    problems = []
    for match in TAG.finditer(masked):
        tag, attributes = match.group(1).lower(), match.group(2) or ""
        line = index.line(match.start())
        if tag in DANGEROUS_TAGS:
            problems.append(Problem(shown, line, "html-dangereux",
                                    f"balise « <{tag}> » interdite : le site n'exécute ni n'intègre rien d'un autre "
                                    "site ; retirez-la (pour une vidéo ou un formulaire, mettez un simple lien)"))
        problems += _attribute_problems(tag, attributes, line, shown)
    for match in STYLE_BLOCK.finditer(masked):
        if CSS_EXTERNAL.search(match.group(1)) or "expression(" in match.group(1).lower():
            problems.append(Problem(shown, index.line(match.start()), "html-dangereux",
                                    "bloc <style> qui charge une feuille ou une image d'un autre site (@import, "
                                    "url(http…)) ; retirez-le : le style du site est dans docs/assets/stylesheets/"))
    for match in ATTR_LIST.finditer(masked):
        problems += _attribute_problems("", match.group(1), index.line(match.start()), shown)
    for link in links(masked):
        problems += _link_problems(link, index, shown)
    return problems


def _link_problems(link: Link, index: LineIndex, shown: str) -> list[Problem]:
    line = index.line(link.offset)
    if SCRIPT_URL.match(link.target):
        return [Problem(shown, line, "html-dangereux",
                        f"lien « {link.target[:40]} » interdit : il exécute du code ; "
                        "mettez un lien vers une vraie page (https://…)")]
    if link.image and EXTERNAL.match(link.target):
        return [Problem(shown, line, "ressource-externe",
                        f"image chargée depuis un autre site (« {link.target[:60]} »), qui apprendrait qui lit "
                        f"la page ; {FIX_MEDIA}")]
    return []
