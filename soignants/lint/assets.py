"""Files under docs/ that are not pages: only known asset types, and nothing from another host.

Anything else dropped in docs/ (a Word document, an archive, a script) would be published as is.
Style sheets and SVG images are text: they are read too, for external loads and scripts.
"""

from pathlib import Path
import re

from ..render import sanitize
from .html_checks import start_tags
from .markdown_text import LineIndex
from .reading import read_text
from .report import Problem

ALLOWED = {
    ".css": "feuille de style", ".svg": "image SVG",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".webp": "image", ".avif": "image",
    ".ico": "icône", ".pdf": "document PDF",
    ".mp3": "son", ".ogg": "son", ".m4a": "son", ".opus": "son",
    ".woff2": "police", ".woff": "police",
    ".js": "script du site (relu par l'équipe technique)", ".json": "données",
}
TEXT_ASSETS = {".css", ".svg"}
CSS_EXTERNAL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//|@import\s+(?:url\()?\s*['\"]?\s*(?:https?:)?//",
                          re.IGNORECASE)


def asset_problems(path: Path, shown: str) -> list[Problem]:
    suffix = Path(path).suffix.lower()
    if suffix not in ALLOWED:
        kinds = ", ".join(sorted(ALLOWED))
        return [Problem(shown, 1, "fichier-non-autorise",
                        f"type de fichier « {suffix or Path(path).name} » inattendu dans docs/ : il serait publié tel "
                        f"quel ; retirez-le, ou convertissez-le (pages en .md ; fichiers acceptés : {kinds})")]
    if suffix not in TEXT_ASSETS:
        return []
    read = read_text(path, shown)
    if read.text is None:
        return read.problems
    index = LineIndex(read.text)
    problems = read.problems + (svg_problems(read.text, shown) if suffix == ".svg" else [])
    return problems + [Problem(shown, index.line(m.start()), "ressource-externe",
                    "cette feuille de style charge un fichier depuis un autre site (url(http…) ou @import) ; "
                    "copiez le fichier dans docs/images/ et visez-le en relatif")
            for m in CSS_EXTERNAL.finditer(read.text)]


# An SVG opened on its own is a document: it may run scripts and load files.
SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}


def svg_problems(text: str, shown: str) -> list[Problem]:
    problems = []
    for tag, attributes, line in start_tags(text):
        if tag in SVG_FORBIDDEN:
            problems.append(Problem(shown, line, "html-dangereux",
                                    f"balise « <{tag}> » interdite dans une image SVG : elle exécute du code ou "
                                    "intègre une page ; enregistrez l'image sans elle"))
        for name, value in attributes:
            name = name.lower()
            if name.startswith("on"):
                problems.append(Problem(shown, line, "html-dangereux",
                                        f"attribut « {name} » interdit dans une image SVG : il exécute du code ; "
                                        "retirez-le"))
            elif name in ("href", "xlink:href", "src") and not sanitize.url_scheme_allowed(value):
                problems.append(Problem(shown, line, "html-dangereux",
                                        f"adresse « {value[:40]} » interdite dans une image SVG : elle exécute du code"))
            elif name in ("href", "xlink:href", "src") and not sanitize.is_loading_url_allowed(value):
                problems.append(Problem(shown, line, "ressource-externe",
                                        f"l'image SVG charge « {value[:60]} » depuis un autre site ; copiez le fichier "
                                        "dans docs/images/ et visez-le en relatif"))
    return problems
