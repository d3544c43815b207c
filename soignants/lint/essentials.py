"""« L'essentiel » for the reader at night: short, and what to do first, first.

Rules, on the section as the reader sees it (help markers expanded into the contact's name,
number and hours, citations into « (Auteur, année) », by the render code itself):

- `essentiel-trop-long` (error): more than MAX_WORDS words or more than MAX_BULLETS bullets;
- `essentiel-sans-action` (error): the first bullet does not say what to do first and when
  (« Ce soir : … », « Cette semaine : … », « Dès réception : … », « D'abord … », « Appelez
  maintenant … »).

A word is what a reader counts as one: a run of letters or digits, with its apostrophes and
hyphens (« l'Ordre », « burn-out »); a phone number written in groups (« 0800 288 038 ») is one.
That a help number or the deadlines box shows without scrolling on a phone is measured in
Chromium on every fiche (tests/browser/test_deadline_calculator.py), not here.
"""

from __future__ import annotations

import html
import re

from ..model.catalog import CITATION
from ..model.folding import fold
from ..render.bibliography import short_citation
from ..render.markers import HELP_MARKER, help_contact_markdown
from .markdown_text import mask
from .project import Context
from .report import Problem

SECTION = "## L'essentiel"
MAX_WORDS = 60
MAX_BULLETS = 4
BULLET = re.compile(r"^[-*+][ \t]+")
# What says when: the first bullet names the moment (on folded text).
FIRST_STEP = re.compile(
    r"\b(?:ce\s+soir|cette\s+nuit|aujourd'hui|maintenant|tout\s+de\s+suite|immediatement|sans\s+attendre"
    r"|sans\s+tarder|des\s+(?:ce|cette|aujourd|maintenant|reception|demain|la|le|les|que|l')|cette\s+semaine"
    r"|demain|d'abord|en\s+premier|premier\s+(?:reflexe|pas|geste)|au\s+plus\s+vite|dans\s+les\s+\d+)")
PHONE_GROUPS = re.compile(r"(?<!\w)\+?\d{1,4}(?:[ \u00a0.]\d{2,3}){2,}(?!\w)")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
TAG = re.compile(r"<[^>]+>")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)[ \t]+\S+(?:[ \t]+[\w-]+)*(?:[ \t]+\"([^\"\n]*)\")?[ \t]*$")


def section_lines(body: str) -> tuple[int, list[str]] | None:
    """(line number of the heading, lines of the section) of « L'essentiel », or None."""
    lines = mask(body).split("\n")
    originals = body.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == SECTION), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^#{1,2}[ \t]", lines[i])), len(lines))
    return start + 1, originals[start + 1:end]


def as_read(text: str, ctx: Context) -> str:
    """The section's Markdown as plain text, markers expanded as the page shows them."""
    contacts = {str(e.get("id")): e for e in ctx.help_entries if isinstance(e, dict)}
    references = ctx.references or {}

    def contact(match):
        entry = contacts.get(match.group(1))
        return help_contact_markdown(entry) if entry else match.group(0)

    def citation(match):
        ref = references.get(match.group(1))
        return f"({short_citation(ref)})" if ref else match.group(0)

    lines = []
    for line in text.split("\n"):
        admonition = ADMONITION.match(line.strip())
        if admonition:  # the box's title is read, its type is not
            line = admonition.group(2) or ""
        lines.append(line)
    text = "\n".join(lines)
    text = HELP_MARKER.sub(contact, text)
    text = CITATION.sub(citation, text)
    text = LINK.sub(r"\1", text)
    text = TAG.sub(" ", text)
    return html.unescape(text)


def count_words(text: str) -> int:
    return len(WORD.findall(PHONE_GROUPS.sub("0", text)))


def essentials_problems(body: str, ctx: Context, shown: str) -> list[Problem]:
    found = section_lines(body)
    if found is None:
        return []  # the missing section is reported by structure.py
    heading_line, lines = found
    problems = []
    bullets = [(heading_line + 1 + i, line) for i, line in enumerate(lines) if BULLET.match(line)]
    words = count_words(as_read("\n".join(lines), ctx))
    if words > MAX_WORDS or len(bullets) > MAX_BULLETS:
        what = []
        if words > MAX_WORDS:
            what.append(f"{words} mots tels que le lecteur les lit (numéros d'aide et citations compris), "
                        f"pour {MAX_WORDS} au plus")
        if len(bullets) > MAX_BULLETS:
            what.append(f"{len(bullets)} puces, pour {MAX_BULLETS} au plus")
        problems.append(Problem(
            shown, heading_line, "essentiel-trop-long",
            f"« L'essentiel » est trop long pour un lecteur fatigué, sur un téléphone : {' et '.join(what)} ; "
            "gardez ce qu'il faut faire d'abord, le délai qui presse et un numéro d'aide, et déplacez le reste "
            "dans « Repérer / comprendre »"))
    if bullets:
        line, first = bullets[0]
        if not FIRST_STEP.search(fold(as_read(first, ctx))):
            problems.append(Problem(
                shown, line, "essentiel-sans-action",
                "la première puce de « L'essentiel » doit dire quoi faire d'abord, et quand : commencez par "
                "« Ce soir : … », « Cette semaine : … », « Dès réception du courrier : … » ou « D'abord, … »"))
    return problems
