"""A help number is never typed by hand: `[[aide:ID]]` shows it from data/aide.yml.

There it has a source and a check date, and one correction reaches every page. A number typed
in a page is found whatever its spacing (`0 805 23 23 36`, `0805232336`, `08.05.23.23.36`,
`+33 8 05 23 23 36`, `tel:+33805232336`) by comparing digits. Numbers of fewer than four digits
(15, 112) are left alone: « 15 jours » is not a call to the SAMU.
"""

import re

from ..render.markers import HELP_MARKER
from .markdown_text import LineIndex, mask
from .report import Problem

MIN_DIGITS = 4
SEPARATOR = r"[ \u00a0\u202f.\-/]"
# A run of digit groups joined by single separators, maybe after +33 / 0033 / (0).
RUN = re.compile(rf"(?<![\w+])(?:\+{SEPARATOR}?)?\d+(?:{SEPARATOR}?(?:\(0\)|\d+))*(?!\w)")
GROUP = re.compile(r"\+?\d+|\(0\)")


def normalise(number: str) -> str:
    """Digits as dialled in France: `+33 8 05…` and `0033 8 05…` become `0805…`; `(0)` is dropped."""
    text = number.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+33") or digits.startswith("0033"):
        digits = "0" + (digits[2:] if text.lstrip().startswith("+") else digits[4:])
    return digits


def help_numbers(entries) -> dict[str, dict]:
    """Normalised number -> its contact, for the contacts of data/aide.yml with a long enough number."""
    numbers = {}
    for entry in entries or []:
        if isinstance(entry, dict) and isinstance(entry.get("telephone"), str):
            digits = normalise(entry["telephone"])
            if len(digits) >= MIN_DIGITS:
                numbers.setdefault(digits, entry)
    return numbers


def _matches(run: str, numbers: dict[str, dict]):
    """Every stretch of consecutive digit groups of `run` that is a help number."""
    groups = list(GROUP.finditer(run))
    for first in range(len(groups)):
        for last in range(first, len(groups)):
            piece = run[groups[first].start():groups[last].end()]
            digits = normalise(piece)
            if digits in numbers:
                yield groups[first].start(), piece, numbers[digits]
                return
            if len(digits) > 12:
                break


def hand_typed_number_problems(body: str, entries, shown: str) -> list[Problem]:
    numbers = help_numbers(entries)
    if not numbers:
        return []
    masked = mask(body)
    masked = HELP_MARKER.sub(lambda m: " " * len(m.group(0)), masked)
    index = LineIndex(masked)
    problems = []
    for run in RUN.finditer(masked):
        for offset, piece, entry in _matches(run.group(0), numbers):
            marker = f"[[aide:{entry.get('id', 'identifiant')}]]"
            problems.append(Problem(shown, index.line(run.start() + offset), "numero-a-la-main",
                                    f"numéro d'aide « {piece} » écrit à la main ; écrivez {marker} à la place : le "
                                    f"numéro de « {entry.get('nom', entry.get('id'))} » s'affichera depuis "
                                    "data/aide.yml, vérifié, cliquable et corrigé partout à la fois"))
    return problems
