"""The shape of the Markdown as the site renders it, not as the forge's preview shows it.

- Heading levels follow each other (`#`, `##`, `###`): a skipped level breaks the outline that
  screen readers navigate by.
- A sub-list is indented by four spaces: Python-Markdown (the site) nests nothing under two or
  three, while GitHub and GitLab previews do, so the author never sees the flat list readers get.
"""

import re

from .markdown_text import Heading, mask
from .report import WARNING, Problem

LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def heading_level_problems(items: list[Heading], shown: str) -> list[Problem]:
    problems = []
    previous = None
    for heading in (h for h in items if not h.indented):
        if previous is not None and heading.level > previous.level + 1:
            wanted = "#" * (previous.level + 1)
            problems.append(Problem(shown, heading.line, "titres-sautes",
                                    f"le titre « {'#' * heading.level} {heading.text} » vient juste après un titre de "
                                    f"niveau {previous.level} (ligne {previous.line}) : un niveau est sauté, et les "
                                    f"lecteurs d'écran s'y perdent ; écrivez « {wanted} {heading.text} »"))
        previous = heading
    return problems


def sub_list_problems(body: str, shown: str) -> list[Problem]:
    lines = mask(body).replace("\t", "    ").split("\n")
    problems = []
    items: list[int] = []  # indents of the open list's items, outermost first
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = LIST_ITEM.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if match is None:
            if items and indent <= items[0]:
                items = []  # a paragraph at the list's level ends it
            continue
        while items and indent < items[-1]:
            items.pop()
        if items and items[-1] < indent < items[-1] + 4:
            parent = items[-1]
            problems.append(Problem(shown, number, "sous-liste-deux-espaces",
                                    f"sous-liste indentée de {indent - parent} espaces : la forge l'affiche imbriquée "
                                    "mais le site l'affichera à plat, au même niveau que la liste du dessus ; indentez "
                                    f"ses lignes de {parent + 4} espaces", WARNING))
            continue  # counted at the parent's level, as the site renders it
        if not items or indent > items[-1]:
            items.append(indent)
    return problems
