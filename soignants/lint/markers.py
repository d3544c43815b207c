"""The markers a page uses (see soignants/render/markers.py) name things that exist.

Markers are checked on the raw Markdown, as the build expands them (even in code): `[[aide:ID]]`
in data/aide.yml, `[@Key]` in data/bibliographie.yml, `<!-- liste-fiches: PART -->` and the
other block markers with a known value. A marker written slightly wrong would be shown as is
to a reader: it is reported too, except in code, where showing it as is is the point (the
contributors' guide shows `[[aide:ID]]`).
"""

import re

from ..model.catalog import CITATION, PARTS
from ..render.markers import BLOCK_MARKER, HELP_MARKER
from .front_matter import unknown_key_message
from .markdown_text import LineIndex, mask
from .project import Context
from .report import Problem

LOOSE_HELP = re.compile(r"\[\[\s*aide\b[^\]\n]*\]\]", re.IGNORECASE)
LOOSE_CITATION = re.compile(r"\[@[^\]\n]*\]")
LOOSE_BLOCK = re.compile(r"^[ \t]*<!--\s*(?:liste|biblio|annuaire|questionnaire)[^\n]*?-->[ \t]*$",
                         re.MULTILINE | re.IGNORECASE)
DIRECTORY_SCOPES = ["national", "regional", "departemental", "historique"]


def marker_problems(body: str, ctx: Context, shown: str) -> list[Problem]:
    index = LineIndex(body)
    outside_code = mask(body, comments=False)
    problems = []
    problems += _help(body, outside_code, index, ctx, shown)
    problems += _citations(body, outside_code, index, ctx, shown)
    problems += _blocks(body, outside_code, index, ctx, shown)
    return problems


def _help(body, outside_code, index, ctx: Context, shown) -> list[Problem]:
    problems = []
    known = ctx.help_ids
    for match in HELP_MARKER.finditer(body):
        if known is not None and match.group(1) not in known:
            problems.append(Problem(shown, index.line(match.start()), "aide-inconnue",
                                    f"contact d'aide « {match.group(1)} » inconnu dans « {match.group(0)} » ; "
                                    f"identifiants possibles (data/aide.yml) : {', '.join(sorted(known))}"))
    for match in LOOSE_HELP.finditer(outside_code):
        line = index.line(match.start())
        if not HELP_MARKER.fullmatch(match.group(0)):
            problems.append(Problem(shown, line, "aide-inconnue",
                                    f"marqueur « {match.group(0)} » mal écrit ; écrivez [[aide:identifiant]], "
                                    "en minuscules et sans espace (ex. [[aide:3114]])"))
    return problems


def _citations(body, outside_code, index, ctx: Context, shown) -> list[Problem]:
    problems = []
    known = ctx.references
    for match in CITATION.finditer(body):
        if known is not None and match.group(1) not in known:
            problems.append(Problem(shown, index.line(match.start()), "cle-inconnue",
                                    unknown_key_message(match.group(1), known, f"dans « {match.group(0)} »")))
    for match in LOOSE_CITATION.finditer(outside_code):
        if not CITATION.fullmatch(match.group(0)):
            problems.append(Problem(shown, index.line(match.start()), "citation-invalide",
                                    f"citation « {match.group(0)} » mal écrite : elle s'afficherait telle quelle ; "
                                    "écrivez une clé par citation, sans espace, ex. [@Wu2000] [@Lajzerowicz2019]"))
    return problems


def _blocks(body, outside_code, index, ctx: Context, shown) -> list[Problem]:
    problems = []
    for match in LOOSE_BLOCK.finditer(outside_code):
        if not BLOCK_MARKER.fullmatch(match.group(0)):
            problems.append(Problem(shown, index.line(match.start()), "marqueur-invalide",
                                    f"marqueur « {match.group(0).strip()} » mal écrit : il ne sera pas remplacé ; "
                                    "marqueurs possibles : <!-- liste-fiches: cabinet -->, <!-- liste-temoignages -->, "
                                    "<!-- bibliographie: THEME -->, <!-- annuaire: national -->, "
                                    "<!-- questionnaire: ID -->, seuls sur leur ligne"))
    for match in BLOCK_MARKER.finditer(body):
        kind, value = match.group(1), match.group(2) or ""
        allowed = None
        if kind == "liste-fiches":
            allowed = sorted(PARTS)
        elif kind == "bibliographie" and ctx.themes is not None:
            allowed = sorted(ctx.themes)
        elif kind == "annuaire":
            allowed = DIRECTORY_SCOPES
        elif kind == "questionnaire":
            allowed = ctx.questionnaire_ids
            if value not in allowed and not allowed:
                problems.append(Problem(shown, index.line(match.start()), "marqueur-invalide",
                                        f"le marqueur « questionnaire » vaut « {value} », mais il n'y a aucun "
                                        "questionnaire dans data/questionnaires/ ; ajoutez-y le fichier "
                                        f"{value or 'ID'}.yml ou retirez le marqueur"))
                continue
        if allowed is not None and value not in allowed:
            got = f"la valeur « {value} »" if value else "aucune valeur"
            problems.append(Problem(shown, index.line(match.start()), "marqueur-invalide",
                                    f"le marqueur « {kind} » a {got} ; valeurs possibles : {', '.join(allowed)} "
                                    f"(ex. <!-- {kind}: {allowed[0]} -->)"))
    return problems
