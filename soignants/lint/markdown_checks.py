"""All the checks of one Markdown page, in the order an editor would fix them."""

from pathlib import Path

from ..model.limits import nesting_problem

from .front_matter import read_front_matter, reference_problems, schema_problems
from .help_numbers import hand_typed_number_problems
from .html_checks import html_problems
from .layout import heading_level_problems, sub_list_problems
from .links import link_problems
from .markdown_text import headings, mask
from .markers import marker_problems
from .placeholders import empty_section_problems, placeholder_problems
from .privacy import personal_data_problems
from .project import FICHE, TEMOIGNAGE, Context, page_kind
from .reading import read_text
from .sources import unsourced_figure_problems
from .review import review_problems
from .report import Problem
from .structure import section_problems, title_problems


def check_page(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    read = read_text(path, shown)
    if read.text is None:
        return read.problems
    text = read.text
    kind = page_kind(ctx.project, path)
    front, problems = read_front_matter(text, kind, shown)
    problems = read.problems + problems
    problems += schema_problems(front, kind, shown)
    problems += review_problems(front, kind, shown, ctx, shown, text)
    problems += reference_problems(front, ctx, shown, path, kind)

    nested = nesting_problem(text)
    if nested:  # the build refuses it too: stop before the checks that walk the structure
        return problems + [Problem(shown, nested[0], "imbrication-profonde", nested[1])]
    masked = mask(front.body)
    items = headings(masked, front.body)
    if kind in (FICHE, TEMOIGNAGE):
        body_line = next((i + 1 for i, line in enumerate(front.body.split("\n")) if line.strip()), 1)
        problems += title_problems(items, front.title, shown, body_line)
    if kind == FICHE:
        problems += section_problems(items, shown, last_line=text.count("\n") + 1)
        problems += unsourced_figure_problems(front.body, shown)
    if kind in (FICHE, TEMOIGNAGE):
        problems += placeholder_problems(text, shown)
        problems += empty_section_problems(items, front.body, shown)
    problems += heading_level_problems(items, shown)
    problems += sub_list_problems(front.body, shown)
    problems += hand_typed_number_problems(front.body, ctx.help_entries, shown)

    problems += marker_problems(front.body, ctx, shown)
    if ctx.docs_relative(path) is not None:  # links of a page outside docs/ lead outside the site
        problems += link_problems(ctx, path, shown, masked)
    html = html_problems(masked, shown)
    # A call link written by hand is told once, as such (its number is in its address).
    calls = {p.line for p in html if p.code == "appel-hors-marqueur"}
    problems = [p for p in problems if not (p.code == "numero-a-la-main" and p.line in calls)] + html
    if kind == TEMOIGNAGE:
        problems += personal_data_problems(text, shown)
    return problems
