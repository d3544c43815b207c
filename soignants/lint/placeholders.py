"""What the model (soignants/model/templates/fiche.md) leaves to fill in is filled in.

The scaffolder writes « À compléter : … » wherever an editor has something to write; a fiche that
still says so, or a section with nothing under its heading, is not ready. The model cites no real
source and names no real contact, so a forgotten example can never pass for a checked fact.
"""

import re

from ..render.markers import BLOCK_MARKER
from .markdown_text import LineIndex, Heading, mask
from .report import Problem

# « À compléter » as a label (before « : », inside [ ], alone in a value or on its line), not the
# ordinary « un formulaire à compléter. »; and the usual notes to self.
PLACEHOLDER = re.compile(
    r"\[\s*[àa]\s+compl[ée]ter[^\]\n]*\]"
    r"|(?<![\w])[àÀaA]\s+(?:compl[ée]ter|COMPL[ÉE]TER)(?=\s*(?::|\]|\"|»|$))"
    r"|\b(?:TODO|FIXME|TBD|XXX)\b"
    r"|\blorem ipsum\b",
    re.IGNORECASE | re.MULTILINE)
# Sentences of earlier versions of the model, still found in copies of it.
OLD_MODEL = re.compile(r"Première chose à faire\.|Deuxième chose à faire\.|Trois à cinq lignes : ce qui se passe"
                       r"|Une phrase qui dit à qui sert cette fiche")
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def placeholder_problems(text: str, shown: str) -> list[Problem]:
    """`text` is the whole file: a placeholder left in the front matter counts too."""
    masked = mask(text)
    index = LineIndex(masked)
    problems = []
    for pattern in (PLACEHOLDER, OLD_MODEL):
        for match in pattern.finditer(masked):
            problems.append(Problem(shown, index.line(match.start()), "texte-a-completer",
                                    f"« {match.group(0).strip()} » : texte d'exemple du modèle ou note laissé tel quel ; "
                                    "remplacez-le par le vrai contenu (ou supprimez la ligne)"))
    return problems


def empty_section_problems(items: list[Heading], body: str, shown: str) -> list[Problem]:
    """A heading with nothing under it before the next heading of the same or a higher level.

    A block marker (<!-- liste-fiches: … -->) is content; other HTML comments are not.
    """
    lines = body.split("\n")
    top = [h for h in items if not h.indented and not h.html]
    problems = []
    for position, heading in enumerate(top):
        if heading.level < 2:
            continue
        following = next((h for h in top[position + 1:] if h.level <= heading.level), None)
        deeper = next((h for h in top[position + 1:]), None)
        if deeper is not None and deeper.level > heading.level and (following is None or deeper.line < following.line):
            continue  # sub-sections hold the content
        end = following.line - 1 if following else len(lines)
        content = "\n".join(lines[heading.line:end])
        content = COMMENT.sub(lambda m: m.group(0) if BLOCK_MARKER.search(m.group(0)) else "", content)
        if not content.strip():
            problems.append(Problem(shown, heading.line, "section-vide",
                                    f"la section « {'#' * heading.level} {heading.text} » est vide ; écrivez son "
                                    "contenu, ou retirez le titre s'il ne sert pas (les cinq sections d'une fiche "
                                    "sont obligatoires)"))
    return problems
