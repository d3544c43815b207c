"""File names under docs/ are page addresses: lower case, no accent, no space, no sign.

`Congé maternité.md` would be published at an address with encoded characters, differ between
systems that fold accents differently, and make the generator warn about other files in English.
The message gives the name to use.
"""

from pathlib import PurePosixPath
import re

from ..model.folding import fold
from .report import Problem

GOOD_PART = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")


def good_name(part: str) -> str:
    """`Congé maternité.md` -> `conge-maternite.md` (each dot-separated piece slugified)."""
    pieces = [re.sub(r"[^a-z0-9]+", "-", fold(piece.lower())).strip("-") for piece in part.split(".")]
    return ".".join(p for p in pieces if p) or "fichier"


def file_name_problems(relative: str, shown: str) -> list[Problem]:
    """`relative`: the path from docs/ (POSIX)."""
    parts = PurePosixPath(relative).parts
    wrong = [p for p in parts if not GOOD_PART.match(p)]
    if not wrong:
        return []
    fixed = "/".join(good_name(p) if p in wrong else p for p in parts)
    kinds = []
    joined = "".join(wrong)
    if " " in joined or "\u00a0" in joined:
        kinds.append("espace")
    if any(c != fold(c) for c in joined):
        kinds.append("accent")
    if any(c.isupper() for c in joined):
        kinds.append("majuscule")
    if re.search(r"[^A-Za-z0-9._\- \u00a0À-ÿ]", joined) or not kinds:
        kinds.append("signe")
    what = ", ".join(kinds)
    return [Problem(shown, 1, "nom-de-fichier",
                    f"nom « {'/'.join(wrong)} » refusé ({what}) : il devient l'adresse de la page sur le site ; "
                    f"renommez le fichier en « docs/{fixed} » (minuscules sans accent, chiffres et tirets)")]
