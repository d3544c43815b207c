"""The shape of a page: its `# ` title equals the front matter's, a fiche has its five sections."""

import difflib
import re

from ..model.folding import fold
from .characters import described
from .markdown_text import Heading
from .report import Problem

SECTIONS = ["L'essentiel", "Repérer / comprendre", "Que faire, pas à pas", "Vers qui se tourner",
            "Pour aller plus loin"]


def _loose(text: str) -> str:
    """« L’Essentiel : » and « L'essentiel » meet: folded, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _renamed(h2: list[Heading], present: dict, position: int, name: str) -> Heading | None:
    """The `## ` heading that stands where a missing section should be: between the sections
    before and after it, not itself a section; the one most like the section's name."""
    before = next((present[n] for n in reversed(SECTIONS[:position]) if n in present), None)
    after = next((present[n] for n in SECTIONS[position + 1:] if n in present), None)
    known = {_loose(n) for n in SECTIONS}
    candidates = [h for h in h2 if _loose(h.text) not in known and h.text.strip() not in SECTIONS
                  and (before is None or h.line > before.line) and (after is None or h.line < after.line)]
    if not candidates:
        return None
    return max(candidates, key=lambda h: difflib.SequenceMatcher(None, _loose(h.text), _loose(name)).ratio())


def title_problems(items: list[Heading], title: str | None, shown: str, body_line: int) -> list[Problem]:
    if title is None:
        return []  # a missing or invalid title is reported by the schema
    h1 = next((h for h in items if h.level == 1 and not h.indented and not h.html), None)
    if h1 is None:
        return [Problem(shown, body_line, "titre-different",
                        f"pas de titre « # » ; ajoutez sous l'en-tête la ligne « # {title} »")]
    if h1.text.strip() != title.strip():
        return [Problem(shown, h1.line, "titre-different",
                        f"le titre « # {h1.text} » diffère du champ « title » de l'en-tête (« {title} ») ; "
                        "écrivez le même texte aux deux endroits")]
    return []


def section_problems(items: list[Heading], shown: str, last_line: int) -> list[Problem]:
    """The five sections of a fiche, as `## ` headings with their exact text, in order."""
    top = [h for h in items if not h.indented and not h.html]
    h2 = [h for h in top if h.level == 2]
    present = {h.text.strip(): h for h in reversed(h2)}  # first occurrence wins
    problems = []
    found = [present[name] for name in SECTIONS if name in present]
    if not found and not any(_loose(h.text) in {_loose(n) for n in SECTIONS} for h in top):
        h1 = next((h for h in top if h.level == 1), None)
        return [Problem(shown, h1.line if h1 else 1, "section-manquante",
                        "aucune des cinq sections d'une fiche ; ajoutez, dans cet ordre, les titres « ## "
                        + " », « ## ".join(SECTIONS) + " » (voir soignants/model/templates/fiche.md)")]
    for position, name in enumerate(SECTIONS):
        if name in present:
            continue
        after = next((present[n] for n in SECTIONS[position + 1:] if n in present), None)
        line = after.line if after else last_line
        near = next((h for h in top if _loose(h.text) == _loose(name)), None)
        renamed = None if near is not None else _renamed(h2, present, position, name)
        if near is not None:
            hint = (f" ; le titre « {'#' * near.level} {near.text} » (ligne {near.line}) lui ressemble"
                    f"{described(near.text)} : écrivez exactement « ## {name} »")
            line = near.line
        elif renamed is not None:
            hint = (f" ; le titre « ## {renamed.text} » (ligne {renamed.line}) est à sa place : si c'est cette "
                    f"section, rendez-lui son titre exact « ## {name} » (vos propres titres vont en « ### » "
                    "dessous)")
            line = renamed.line
        else:
            before = SECTIONS[position - 1] if position else None
            hint = (f" ; ajoutez-la après « ## {before} »" if before and before in present
                    else " ; ajoutez-la" + (f" avant « ## {after.text} »" if after else ""))
        problems.append(Problem(shown, line, "section-manquante",
                                f"section « ## {name} » absente{hint} (les cinq sections d'une fiche : "
                                f"{', '.join(SECTIONS)})"))
    for previous, current in zip(found, found[1:]):
        if current.line < previous.line:
            problems.append(Problem(shown, previous.line, "sections-ordre",
                                    f"la section « ## {previous.text} » vient après « ## {current.text} » ; "
                                    f"remettez les sections dans l'ordre : {' ; '.join(SECTIONS)}"))
            break
    return problems
