"""All the checks of one Markdown page, in the order an editor would fix them."""

from pathlib import Path

from ..model.limits import nesting_problem, work_problem

from .front_matter import read_front_matter, reference_problems, schema_problems
from .page_fields import page_field_problems
from .phone_numbers import data_number_problems, page_number_problems
from .html_checks import html_problems
from .layout import heading_level_problems, sub_list_problems, tab_problems
from .links import link_problems
from .markdown_text import headings, mask
from .markers import marker_problems
from .placeholders import empty_section_problems, placeholder_problems
from .privacy import personal_data_problems
from .project import FICHE, TEMOIGNAGE, Context, is_help_page, page_kind, page_schema
from .reading import read_text
from .sources import secondary_legal_source_problems, unlisted_source_problems, unsourced_figure_problems
from .deadlines import entry_problems, recourse_problems
from .essentials import essentials_problems
from .review import review_problems
from .report import Problem
from .structure import section_problems, title_problems


# Front-matter fields that hold no text for readers (dates, keys, names).
FRONT_NOT_TEXT = {"redige_le", "relu_le", "prochaine_relecture", "date", "sources", "relecteurs", "partie", "statut"}


def check_page(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    read = read_text(path, shown)
    if read.text is None:
        return read.problems
    text = read.text
    kind = page_kind(ctx.project, path)
    front, problems = read_front_matter(text, kind, shown)
    problems = read.problems + problems
    schema, partial = page_schema(ctx.project, path)
    problems += schema_problems(front, kind, shown, schema, partial)
    problems += page_field_problems(front, is_help_page(ctx.project, path), shown, ctx.project.root)
    problems += review_problems(front, kind, shown, ctx, shown, text)
    problems += reference_problems(front, ctx, shown, path, kind)

    nested = nesting_problem(text)
    if nested:  # the build refuses it too: stop before the checks that walk the structure
        return problems + [Problem(shown, nested[0], "imbrication-profonde", nested[1])]
    work = work_problem(text)
    if work:  # the build refuses it too: the checks below would read the page again for each sign
        return problems + [Problem(shown, work[0], "texte-demesure", work[1])]
    masked = mask(front.body)
    items = headings(masked, front.body)
    if kind in (FICHE, TEMOIGNAGE):
        body_line = next((i + 1 for i, line in enumerate(front.body.split("\n")) if line.strip()), 1)
        problems += title_problems(items, front.title, shown, body_line)
    if kind == FICHE:
        problems += section_problems(items, shown, last_line=text.count("\n") + 1)
        problems += unsourced_figure_problems(front.body, shown)
        problems += essentials_problems(front.body, ctx, shown)
        problems += recourse_problems(front.meta, front.body, shown)
        problems += secondary_legal_source_problems(front.body, ctx.references, shown)
        if front.meta is not None:
            problems += entry_problems(front.meta, front.lines, ctx, shown)
    if kind in (FICHE, TEMOIGNAGE):
        problems += unlisted_source_problems(front.meta, front.body, front.lines, ctx.references, shown)
    if kind in (FICHE, TEMOIGNAGE):
        problems += placeholder_problems(text, shown)
        problems += empty_section_problems(items, front.body, shown)
    problems += heading_level_problems(items, shown)
    problems += sub_list_problems(front.body, shown)
    problems += tab_problems(front.body, shown)
    numbers = page_number_problems(front.body, ctx.known_numbers, shown)
    if front.meta:
        numbers += data_number_problems(front.meta, front.lines, ctx.known_numbers, shown, skip=FRONT_NOT_TEXT,
                                        allow_known={"mots_cles"})  # a reader may search « 3114 »

    problems += marker_problems(front.body, ctx, shown)
    if ctx.docs_relative(path) is not None:  # links of a page outside docs/ lead outside the site
        problems += link_problems(ctx, path, shown, masked)
    html = html_problems(masked, shown)
    # A call link written by hand is told once, as such (its number is in its address).
    calls = {p.line for p in html if p.code == "appel-hors-marqueur"}
    problems += html
    numbers = [p for p in numbers if not (p.code in ("numero-a-la-main", "numero-telephone") and p.line in calls)]
    if kind == TEMOIGNAGE:
        personal = personal_data_problems(text, shown)
        # A phone number in a testimony is told once, as personal data.
        told = {p.line for p in personal}
        numbers = [p for p in numbers if p.code != "numero-telephone" or p.line not in told]
        problems += personal
    return problems + numbers
