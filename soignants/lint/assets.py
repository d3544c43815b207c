"""Files under docs/ that are not pages: only known asset types, and nothing from another host.

Anything else dropped in docs/ (a Word document, an archive, a script) would be published as is.
Style sheets and SVG images are text: they are read too, for external loads and scripts.
"""

from pathlib import Path
import re

from .html_checks import html_problems
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
    if suffix == ".svg":
        return html_problems(read.text, shown)
    index = LineIndex(read.text)
    return [Problem(shown, index.line(m.start()), "ressource-externe",
                    "cette feuille de style charge un fichier depuis un autre site (url(http…) ou @import) ; "
                    "copiez le fichier dans docs/assets/ et visez-le en relatif")
            for m in CSS_EXTERNAL.finditer(read.text)]
