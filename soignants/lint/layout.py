"""The shape of the Markdown as the site renders it, not as the forge's preview shows it.

- Heading levels follow each other (`#`, `##`, `###`): a skipped level breaks the outline that
  screen readers navigate by.
- A sub-list is indented by four spaces: Python-Markdown (the site) nests nothing under two or
  three, while GitHub and GitLab previews do, so the author never sees the flat list readers get.
- No tab starts a line of text: the site counts it as four spaces, which silently nests the line
  in the list above (or makes it a block of code), while an editor shows it as any width.
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


LEADING_TAB = re.compile(r"^ *\t")


def tab_problems(body: str, shown: str) -> list[Problem]:
    """Lines of text (code blocks and inline code left alone) whose indentation holds a tab."""
    problems = []
    lines = mask(body).split("\n")
    for number, line in enumerate(lines, start=1):
        if not LEADING_TAB.match(line) or not line.strip():
            continue
        previous = next((lines[i] for i in range(number - 2, -1, -1) if lines[i].strip()), "")
        in_list = any(LIST_ITEM.match(text.replace("\t", "    ")) for text in (line, previous))
        effect = ("la rattache à l'élément de liste du dessus, comme une sous-liste" if in_list
                  else "en fait un bloc de code, en police fixe")
        problems.append(Problem(shown, number, "tabulation",
                                f"tabulation en début de ligne : le site la compte comme 4 espaces, ce qui {effect}, "
                                "sans que votre éditeur le montre ; remplacez-la par des espaces (4 pour une "
                                "sous-liste voulue, aucun sinon)"))
    return problems
