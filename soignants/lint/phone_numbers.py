"""No phone number is written by hand, anywhere a reader reads: every call is a marker.

A number reaches a reader only through `[[aide:ID]]`, from data/aide.yml, where it has a source
and a date of verification, and where one correction reaches every page. So, read as the reader
sees it (soignants/lint/visible_text.py: entities decoded, tags removed, full-width digits and
every kind of space folded), in a page's text, its front matter, the free-text fields of the
data files (a contact's cost, hours, description; a questionnaire's alert) and mkdocs.yml's texts:

- `numero-a-la-main`: a number of data/aide.yml, today's or one it held in its git history
  (soignants/model/help_history.py), typed instead of its marker;
- `numero-telephone`: any other French phone number (0X XX XX XX XX, +33…, a premium-rate 08 9…,
  a 116 xxx European line), or one with a digit missing or extra (9 or 11 digits written in the
  pairs of a phone number), which a reader would dial all the same.

Numbers of fewer than four digits (15, 112) are left alone in text: « 15 jours » is not a call.
"""

from __future__ import annotations

from dataclasses import dataclass
import re

from ..render.markers import HELP_MARKER
from .markdown_text import LineIndex, mask
from .report import Problem
from .visible_text import visible

MIN_DIGITS = 4
# Separators between digit groups once folded (NFKC turns the thin, narrow and figure spaces into
# spaces, and the non-breaking hyphen into U+2010).
SEP = r"[\s.\-/\u2010-\u2015]"
RUN = re.compile(rf"(?<![\w+])(?:\+{SEP}?)?\d+(?:(?:{SEP}{{1,3}}\(0\){SEP}{{0,3}}|{SEP}{{1,3}})\d+)*(?!\w)")
# A run followed by a currency is an amount (« 116 000 € »), not a number to call.
AMOUNT = re.compile(r"\s*(?:€|euros?\b|EUR\b)", re.IGNORECASE)
GROUP = re.compile(r"\+?\d+|\(0\)")


def normalise(number: str) -> str:
    """Digits as dialled in France: `+33 8 05…` and `0033 8 05…` become `0805…`; `(0)` is dropped."""
    text = number.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+33") or digits.startswith("0033"):
        digits = "0" + (digits[2:] if text.lstrip().startswith("+") else digits[4:])
    return digits


@dataclass(frozen=True)
class Known:
    """A number of data/aide.yml: its contact's id and name, and whether it is only in its history."""
    id: str
    name: str
    past: bool = False


def known_numbers(entries, past_entries=()) -> dict[str, Known]:
    """Normalised number -> its contact, for today's contacts, then the numbers of the file's history."""
    numbers: dict[str, Known] = {}
    for past, group in ((False, entries or []), (True, past_entries or [])):
        for entry in group:
            if isinstance(entry, dict) and isinstance(entry.get("telephone"), str):
                digits = normalise(entry["telephone"])
                if len(digits) >= MIN_DIGITS:
                    numbers.setdefault(digits, Known(str(entry.get("id", "")), str(entry.get("nom", entry.get("id"))),
                                                     past))
    return numbers


# The European harmonised numbers of social value (116 xxx) in use in France.
HARMONISED = {"116000", "116006", "116111", "116117", "116123"}


def _is_phone(digits: str) -> bool:
    return (len(digits) == 10 and digits[0] == "0" and digits[1] != "0") or digits in HARMONISED


@dataclass(frozen=True)
class Found:
    offset: int  # in the visible text
    shown: str   # as the reader sees it
    kind: str    # "connu", "telephone", "mal-forme"
    known: Known | None = None


def _first_number(value: str, groups: list, first: int, numbers: dict[str, Known]) -> tuple[int, Found] | None:
    """The shortest stretch of groups from `first` that is a number: (its last group, what it is)."""
    for last in range(first, len(groups)):
        piece = value[groups[first].start():groups[last].end()]
        digits = normalise(piece)
        if digits in numbers:
            return last, Found(groups[first].start(), piece, "connu", numbers[digits])
        if _is_phone(digits):
            return last, Found(groups[first].start(), piece, "telephone")
        if len(digits) > 12:
            return None
    return None


def _malformed(value: str, groups: list) -> bool:
    """9 or 11 digits written in the pairs of a French phone number (« 06 12 34 56 7 »)."""
    digits = normalise(value)
    return (len(groups) >= 4 and len(digits) in (9, 11) and digits[0] == "0" and digits[1] != "0"
            and all(len(g.group(0)) <= 3 for g in groups[1:]))


def find_numbers(text: str, numbers: dict[str, Known]) -> list[Found]:
    """The phone numbers of a visible text: the help numbers (today's and past), any other
    French number, and the ones with a digit missing or extra."""
    found = []
    for run in RUN.finditer(text):
        if AMOUNT.match(text, run.end()):
            continue
        value = run.group(0)
        groups = list(GROUP.finditer(value))
        in_run = []
        first = 0
        while first < len(groups):
            hit = _first_number(value, groups, first, numbers)
            if hit is None:
                first += 1
                continue
            last, number = hit
            in_run.append(Found(run.start() + number.offset, number.shown, number.kind, number.known))
            first = last + 1
        if not in_run and _malformed(value, groups):
            in_run.append(Found(run.start(), value, "mal-forme"))
        found += in_run
    return found


def message(found: Found, where: str = "") -> tuple[str, str]:
    """(code, French message) for a number found in a text; `where` names a field, if any."""
    place = f"dans « {where} » : " if where else ""
    if found.kind == "connu":
        known = found.known
        marker = f"[[aide:{known.id}]]" if known.id else "[[aide:identifiant]]"
        if known.past:
            return "numero-a-la-main", (
                f"{place}numéro « {found.shown} » écrit à la main : c'est un ancien numéro de « {known.name} » "
                f"(retiré de data/aide.yml), qui ne répond peut-être plus ; écrivez {marker} à la place, qui "
                "affiche le numéro vérifié d'aujourd'hui")
        return "numero-a-la-main", (
            f"{place}numéro d'aide « {found.shown} » écrit à la main ; écrivez {marker} à la place : le numéro "
            f"de « {known.name} » s'affichera depuis data/aide.yml, vérifié, cliquable et corrigé partout à la fois")
    if found.kind == "mal-forme":
        count = len(normalise(found.shown))
        return "numero-telephone", (
            f"{place}« {found.shown} » ressemble à un numéro de téléphone avec un chiffre en "
            f"{'moins' if count == 9 else 'trop'} ({count} chiffres au lieu de 10) : un lecteur le composerait ; "
            "un numéro ne s'écrit jamais à la main : ajoutez le contact à data/aide.yml (avec sa source) et "
            "écrivez [[aide:identifiant]], ou retirez-le")
    return "numero-telephone", (
        f"{place}numéro de téléphone « {found.shown} » écrit à la main : un numéro n'apparaît sur le site que par "
        "un marqueur [[aide:identifiant]], tiré de data/aide.yml où il a sa source et sa date de vérification ; "
        "ajoutez le contact à data/aide.yml (avec sa source) et écrivez son marqueur, ou retirez le numéro")


def page_number_problems(body: str, numbers: dict[str, Known] | None, shown: str) -> list[Problem]:
    """The numbers of a page's text (its front matter blanked by the caller); nothing while the
    help numbers are unknown (`numbers` None: data/aide.yml unreadable, reported on its own)."""
    if numbers is None:
        return []
    masked = mask(body)
    masked = HELP_MARKER.sub(lambda m: " " * len(m.group(0)), masked)
    text, origin = visible(masked)
    index = LineIndex(masked)
    problems = []
    for found in find_numbers(text, numbers):
        code, words = message(found)
        problems.append(Problem(shown, index.line(origin[found.offset]), code, words))
    return problems


def value_number_problems(value: str, numbers: dict[str, Known], shown: str, line: int,
                          where: str, allow_known: bool = False) -> list[Problem]:
    """The numbers of one free-text value of a data file or of a front matter; `allow_known`:
    today's help numbers are allowed (data/aide.yml's own texts, search keywords)."""
    text, _ = visible(HELP_MARKER.sub(" ", value))
    return [Problem(shown, line, *message(found, where)) for found in find_numbers(text, numbers)
            if not (allow_known and found.kind == "connu" and not found.known.past)]


def walk_strings(data, path: tuple = ()):
    """(path, value) of every string in parsed YAML."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*path, index))


def data_number_problems(data, lines, numbers: dict[str, Known] | None, shown: str, skip=(),
                         allow_known=()) -> list[Problem]:
    """The numbers of every string of a data file or front matter, except the fields in `skip`
    (the field a number belongs in, addresses, ids). In the fields of `allow_known` (or
    everywhere, when it is True), today's help numbers are allowed. Nothing while `numbers` is None."""
    if numbers is None:
        return []
    problems = []
    for path, value in walk_strings(data):
        keys = [k for k in path if isinstance(k, str)]
        if not value or any(k in skip for k in keys) or not any(c.isdigit() for c in value):
            continue
        where = ".".join(str(k) for k in keys) or "valeur"
        allowed = allow_known is True or any(k in allow_known for k in keys)
        problems += value_number_problems(value, numbers, shown, lines.line(path) if lines else 1, where, allowed)
    return problems
