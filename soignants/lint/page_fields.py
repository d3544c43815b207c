"""What a page's front matter may hand to the theme, and control characters in any field.

The schemas (soignants/model/schemas/) list every field of every page kind. This adds what a
schema cannot say:
- a help page (docs/aide/) is never taken out of the readers' search (`search: exclude: true`), nor
  weighed down (`boost` under 1): a reader in distress who types « aide » must find it;
- an `icon` names an icon the theme has (another name stops the build in a template include);
- no field holds a control character (YAML writes them "\\x07", "\\u0001"…): the Atom feed of
  « historique » crashed on one, and no reader can see them.

`theme_problems` is what the build refuses on every page, whatever its kind, with the same lines
(soignants/pipeline/build_errors.py): the schema's word on the fields the theme reads, and the
above. The build's own guard, for what a generator would still reach, is render/theme_fields.py.
"""

from __future__ import annotations

from pathlib import Path

from ..model.limits import control_characters
from ..render.theme_fields import DROPPED, icon_exists
from .front_matter import SCHEMA_OF, FrontMatter
from .report import Problem
from .schema_messages import issues

# The fields Material reads from a page's metadata (besides its escaped text fields).
THEME_FIELDS = ("template", "icon", "status", "subtitle", "hide", "search", "author", *DROPPED)


def control_problems(meta, lines, shown: str, where: str = "l'en-tête") -> list[Problem]:
    problems = []
    for path, char in control_characters(meta):
        name = next((p for p in reversed(path) if isinstance(p, str)), "valeur")
        problems.append(Problem(shown, lines.line(path), "caractere-de-controle",
                                f"le champ « {name} » de {where} contient un caractère de contrôle invisible "
                                f"(U+{ord(char):04X}, souvent écrit « \\x{ord(char):02x} » ou « \\u{ord(char):04x} » "
                                "entre guillemets, ou collé depuis un autre logiciel) : le flux des nouveautés et "
                                "les données ouvertes le refusent ; retirez-le"))
    return problems


def page_field_problems(front: FrontMatter, help_page: bool, shown: str, root: Path | None = None) -> list[Problem]:
    """Help pages in the search, known icons, no control character (front matter of any page)."""
    if front.meta is None:
        return []
    meta, lines, problems = front.meta, front.lines, []
    problems += control_problems(meta, lines, shown)
    search = meta.get("search")
    if help_page and isinstance(search, dict):
        if search.get("exclude") is True:
            problems.append(Problem(shown, lines.line(("search", "exclude")), "aide-hors-recherche",
                                    "une page « Trouver de l'aide » ne peut pas être retirée de la recherche : un "
                                    "lecteur en détresse qui tape « aide » ou « urgence » doit la trouver ; retirez "
                                    "« exclude: true »"))
        boost = search.get("boost")
        if isinstance(boost, (int, float)) and not isinstance(boost, bool) and boost < 1:
            problems.append(Problem(shown, lines.line(("search", "boost")), "aide-hors-recherche",
                                    f"« boost: {boost} » ferait passer une page « Trouver de l'aide » derrière les "
                                    "autres dans la recherche ; écrivez 1 ou plus, ou retirez-le"))
    icon = meta.get("icon")
    if isinstance(icon, str) and not icon_exists(icon, root):
        problems.append(Problem(shown, lines.line(("icon",)), "valeur-interdite",
                                f"l'icône « {icon[:60]} » n'existe pas dans le thème ; écrivez le nom d'une icône du "
                                "thème (ex. material/lifebuoy) ou retirez le champ"))
    return problems


def theme_problems(front: FrontMatter, kind: str, schema: str | None, help_page: bool, shown: str,
                   root: Path | None = None) -> list[Problem]:
    """What the build refuses in any page's front matter: the schema's errors on the fields the
    theme reads (an unknown one included), and page_field_problems."""
    name = schema or SCHEMA_OF.get(kind)
    if front.meta is None or name is None:
        return []
    found = [Problem(shown, front.lines.line(i.path), i.code, i.message) for i in issues(name, front.meta)
             if i.path and i.path[0] in THEME_FIELDS and i.code != "champ-manquant"]
    return found + page_field_problems(front, help_page, shown, root)
