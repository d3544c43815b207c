"""Ways through a long page on a phone (issue 21): a compact table of contents under the title,
and, at the end of a fiche's « L'essentiel », links to what to do and by when.

- `compact_toc`: the page's sections (its `##` headings) in a closed <details>, right under the
  title; site.css shows it only where Material's own table of contents is not on screen (a phone,
  a tablet). Pages with fewer than MIN_SECTIONS sections, or whose table of contents is hidden
  (`hide: [toc]`), have none.
- `essential_links`: at the end of « L'essentiel », links to « Que faire, pas à pas », to the
  deadlines (a heading or a box whose title starts with « Délais », once a fiche has one) and to
  « Vers qui se tourner »: « Que faire » is four screens down on a phone.
The anchors are those MkDocs gives the headings (Python-Markdown's toc `slugify`, or an explicit
`{#id}`), so the links always land. Both blocks are left out of the search index (NOT_SEARCHED).
"""

import re

from . import generated
from markdown.extensions.toc import slugify

from ..model.folding import fold
from .escaping import markdown_text as md

NOT_SEARCHED = "ss-hors-recherche"  # the same class as render/pages.py's (not imported: pages imports this)
MIN_SECTIONS = 3
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
FENCE = re.compile(r"^(```|~~~)")
INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
ESSENTIAL = "lessentiel"
# The sections « L'essentiel » leads to, by the folded start of their title (French fiches' sections;
# « Délais » for the deadlines once a fiche has them).
TARGETS = ("que faire", "delais", "vers qui se tourner")
TEXTS = {"fr": {"toc": "Sur cette page", "toc_label": "Sur cette page : les sections", "next": "Et maintenant"},
         "en": {"toc": "On this page", "toc_label": "On this page: the sections", "next": "What next"}}


def _plain(title: str) -> str:
    return INLINE_MARKUP.sub(lambda m: m.group(1) or "", ATTRIBUTES.sub("", title)).strip()


def headings(markdown: str) -> list[tuple[int, str, str, int]]:
    """The page's headings outside code blocks: (level, plain title, anchor, line index)."""
    found, used, fenced = [], {}, False
    for index, line in enumerate(markdown.split("\n")):
        if FENCE.match(line.strip()):
            fenced = not fenced
        if fenced:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        title = match.group(2)
        explicit = EXPLICIT_ID.search(title)
        plain = _plain(title)
        anchor = explicit.group(1) if explicit else slugify(plain, "-")
        if not explicit:  # Python-Markdown's toc makes repeated anchors unique: x, x_1, x_2…
            count = used.get(anchor, 0)
            used[anchor] = count + 1
            anchor = anchor if count == 0 else f"{anchor}_{count}"
        found.append((len(match.group(1)), plain, anchor, index))
    return found


def compact_toc(markdown: str, meta: dict, lang: str = "fr") -> str:
    """The closed <details> of the page's sections, or "" when it needs none."""
    hidden = meta.get("hide") or []
    if isinstance(hidden, list) and "toc" in hidden:
        return ""
    sections = [(title, anchor) for level, title, anchor, _ in headings(markdown) if level == 2]
    if len(sections) < MIN_SECTIONS:
        return ""
    t = TEXTS.get(lang, TEXTS["fr"])
    items = "\n".join(f"1. [{md(title)}](#{anchor})" for title, anchor in sections)
    return (f'<details class="{generated.classes("ss-sommaire", NOT_SEARCHED)}" markdown="1">\n<summary>{md(t["toc"])}</summary>\n\n'
            f"{items}\n\n</details>\n")


def essential_links(markdown: str, lang: str = "fr") -> str:
    """The fiche with, at the end of « L'essentiel », links to its steps, deadlines and help."""
    found = headings(markdown)
    lines = markdown.split("\n")
    essential = next((h for h in found if h[0] == 2 and h[2] == ESSENTIAL), None)
    if essential is None:
        return markdown
    end = next((h[3] for h in found if h[3] > essential[3] and h[0] <= 2), len(lines))
    links = []
    for start in TARGETS:
        target = next((h for h in found if h[3] > essential[3] and fold(h[1]).startswith(start)), None)
        if target:
            links.append(f"[{md(target[1])}](#{target[2]})")
    if not links:
        return markdown
    t = TEXTS.get(lang, TEXTS["fr"])
    block = f'<p class="{generated.classes("ss-essentiel-suite", NOT_SEARCHED)}" markdown="1">**{md(t["next"])} :** {" · ".join(links)}</p>'
    if lang == "en":
        block = block.replace(" :**", ":**")
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[:end] + ["", block, ""] + lines[end:])
