"""Bounded work: what a page's source may not be, checked before any generator parses it.

The build refuses, with a French message naming the file and the line, a page that would make it
hang, run out of memory or crash: a file of several MB, YAML anchors and aliases in its front
matter (a few lines can expand into gigabytes), Markdown nested hundreds of levels deep (the
Markdown parser recurses), characters that hide what a line says (bidirectional controls,
zero-width spaces), and runs of markup that make a parser read the page again for each of them
(`work_problem`: 100 000 « [ » kept the build running for ever, 33 000 « <a » took the check 80 s).
The content check (soignants/lint/) reports the same, with the same limits.
"""

from __future__ import annotations

import re

import yaml

from .yamlfile import check_bounded

MAX_BYTES = 300_000
MAX_NESTING = 16  # list or quotation levels; the deepest fiche uses 3
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]")
# Control characters in a field's value (YAML writes them as "\x07", "\u0001"…): XML refuses them
# (the Atom feed of « historique » crashed on one), a terminal obeys them, no reader can see them.
# A tab and a line break stay allowed (a folded or literal block holds line breaks).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Runs of markup, counted in one pass (the real pages stay far below: 2 « [ » deep, 4 « ( »,
# no unclosed tag, 43 signs in a paragraph, 52 block starts in the longest fiche).
MAX_OPEN = 32           # « [ » or « ( » open at once in a paragraph: Python-Markdown reads to the end for each
MAX_UNCLOSED_TAGS = 32  # « <a » with no « > » before the next « < »: HTML parsers read to the end for each
MAX_MARKS = 1_000       # signs of inline markup in a paragraph: each one rewrites the paragraph
MAX_BLOCKS = 2_000      # headings, list items, quotes, admonitions, fences in a page
MAX_READ = 500_000      # characters that the signs left open make a parser read again, in all
_MARK = re.compile(r"(?<!\\)(?:<[A-Za-z/!?]|[\[\]()>`*_])")
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|#{1,6}|>|!!!|\?\?\?\+?|```|~~~)(?:[ \t]|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_QUOTES = re.compile(r"^(?:[ \t]*>)+")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _indent_width(whitespace: str) -> int:
    return sum(4 if c == "\t" else 1 for c in whitespace)


def control_characters(value, path: tuple = ()):
    """(key path, character) for each string of a parsed YAML value (keys too) holding a control
    character, in document order."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        if found:
            yield path, found.group()
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and CONTROL.search(key):
                yield path + (key,), CONTROL.search(key).group()
            yield from control_characters(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from control_characters(item, path + (index,))


def nesting_problem(text: str) -> tuple[int, str] | None:
    """(line, French message) of the first line nested deeper than MAX_NESTING."""
    for number, line in enumerate(text.split("\n"), 1):
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(0).count(">") > MAX_NESTING:
            return number, (f"citation imbriquée sur {quotes.group(0).count('>')} niveaux (au plus {MAX_NESTING}) ; "
                            "retirez les « > » en trop")
        item = _LIST_ITEM.match(line)
        if item and _indent_width(item.group(1)) // 2 > MAX_NESTING:
            return number, (f"liste imbriquée sur plus de {MAX_NESTING} niveaux ; aplatissez-la (deux ou trois "
                            "niveaux suffisent à une fiche)")
    return None


def work_problem(text: str) -> tuple[int, str] | None:
    """(line, French message) of the first run of markup that would make a parser's work grow
    with the square of the page (linear: one pass over the signs of markup).

    Besides counts, the reading a parser would do is measured: a « [ » or « ( » left open reads
    to the end of its paragraph, a « <a » with no « > » reads to the next « > » (so an unclosed
    sign costs the distance it opens); over MAX_READ characters in all, the page is refused."""
    blocks = unclosed = 0
    tags: list[int] = []           # positions of « <x » with no « > » yet
    opened: list[tuple[int, int, str]] = []  # (position, line, sign) of « [ » and « ( » still open
    square = paren = marks = 0
    paragraph = 1
    offset = spent = 0  # spent: what the signs closed or left behind made a parser read
    for number, line in enumerate(text.split("\n"), 1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            spent += sum(start - p for p, _, _ in opened)  # each read to the end of its paragraph
            square = paren = marks = 0
            opened.clear()
            paragraph = number + 1
            continue
        if _BLOCK_START.match(line):
            blocks += 1
            if blocks > MAX_BLOCKS:
                return number, (f"plus de {MAX_BLOCKS} titres, éléments de liste, citations ou encadrés dans une "
                                "seule page : la construction ralentirait sans fin ; découpez-la en plusieurs pages")
        for found in _MARK.finditer(line):
            sign = found.group()
            where = start + found.start()
            if sign == ">":
                spent += sum(where - p for p in tags)
                tags.clear()
                continue
            marks += 1
            if marks > MAX_MARKS:
                return paragraph, (f"plus de {MAX_MARKS} signes de mise en forme ([, ], (, ), <, `, *, _) dans un seul "
                                   "paragraphe : chacun ferait relire tout le paragraphe à la construction ; "
                                   "découpez-le ou retirez-en")
            if sign[0] == "<":
                if tags:
                    unclosed += 1
                    if unclosed > MAX_UNCLOSED_TAGS:
                        return number, (f"plus de {MAX_UNCLOSED_TAGS} balises « < » ouvertes sans « > » : le lecteur "
                                        "de HTML relirait la page jusqu'au bout pour chacune ; fermez-les, ou "
                                        "écrivez &lt; pour un signe « inférieur à »")
                tags.append(where)
            elif sign in "[(":
                opened.append((where, number, sign))
                if sign == "[":
                    square += 1
                else:
                    paren += 1
                if max(square, paren) > MAX_OPEN:
                    name = "crochets « [ » ouverts sans « ] »" if sign == "[" else "parenthèses « ( » ouvertes sans « ) »"
                    return number, (f"plus de {MAX_OPEN} {name} dans un même paragraphe : "
                                    "la lecture des liens relirait le paragraphe pour chacun, sans fin ; fermez-les, "
                                    f"ou écrivez \\{sign} pour un signe seul")
            elif sign in "])":
                wanted = "[" if sign == "]" else "("
                for index in range(len(opened) - 1, -1, -1):
                    if opened[index][2] == wanted:
                        del opened[index]
                        break
                if sign == "]":
                    square = max(0, square - 1)
                else:
                    paren = max(0, paren - 1)
        # What the signs still open would make a parser read, so far (a lower bound, growing).
        read = spent + sum(offset - p for p, _, _ in opened) + sum(offset - p for p in tags)
        if read > MAX_READ:
            amount = f"{MAX_READ:,}".replace(",", "\u202f")
            return number, (f"des « [ », « ( » ou « < » restent ouverts sur de longs passages (jusqu'à cette ligne) : "
                            f"la construction relirait plus de {amount} caractères pour eux ; fermez-les, ou "
                            "écrivez \\[, \\( ou &lt; pour un signe seul")
    return None


def source_problems(data: bytes) -> list[tuple[int, str]]:
    """Every reason to refuse a page's source before parsing it, as (line, French message)."""
    if len(data) > MAX_BYTES:
        return [(1, f"fichier de {len(data) // 1000} Ko, au-delà des {MAX_BYTES // 1000} Ko permis : découpez-le "
                    "en plusieurs pages")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [(1, "le fichier n'est pas en UTF-8 : réenregistrez-le en UTF-8")]
    text = text.replace("\r\n", "\n")
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        found = INVISIBLE.search(line)
        if found:
            problems.append((number, f"caractère invisible U+{ord(found.group()):04X} à la colonne {found.start() + 1} ; "
                                     "supprimez-le"))
            break
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            check_bounded(front.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = 2 + mark.line if mark is not None else 1
            problems.append((line, "en-tête refusé : ancre ou renvoi YAML (« & », « * »), ou imbrication trop "
                                   "profonde ; mettez la valeur entre guillemets (python scripts/lint.py en dit plus)"
                             if "refused" in str(error) or "deep" in str(error) else
                             "en-tête YAML illisible (python scripts/lint.py dit où et comment corriger)"))
    nested = nesting_problem(text)
    if nested:
        problems.append(nested)
    work = work_problem(text)
    if work:
        problems.append(work)
    return problems
