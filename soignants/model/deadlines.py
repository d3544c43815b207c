"""Deadlines a reader must not miss, as a fiche declares them in its front matter (`delais`).

The schema is in soignants/model/schemas/fiche.schema.json (`$defs/delai`). This module reads
the entries of one fiche, or of every fiche, and gives what the page and the « Tous les délais »
page need: the duration in words, an order by duration, the fiche each deadline belongs to.

The date arithmetic itself runs in the reader's browser (overrides/assets/javascripts/delais.js),
from the number and unit written here; nothing of it is computed at build time, since the day
the reader received their letter is known only to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalog

UNITS = ("heures", "jours", "mois", "ans")
# Singular forms, for « 1 mois » and « 1 jour ».
SINGULAR = {"heures": "heure", "jours": "jour", "mois": "mois", "ans": "an"}
ENGLISH_UNITS = {"heures": ("hour", "hours"), "jours": ("day", "days"), "mois": ("month", "months"),
                 "ans": ("year", "years")}
# An order between durations of different units, for sorting only (a month is not 30 days in
# law: the date itself is computed from the calendar, in the browser).
APPROXIMATE_DAYS = {"heures": 1 / 24, "jours": 1, "mois": 30.4375, "ans": 365.25}


@dataclass(frozen=True)
class Deadline:
    fiche: str          # source path of the fiche, e.g. fiches/cabinet/relations-caisse.md
    fiche_title: str
    entry: dict         # the front-matter entry, as written (validated by the schema)

    @property
    def number(self) -> int:
        return int(self.entry["duree"]["nombre"])

    @property
    def unit(self) -> str:
        return str(self.entry["duree"]["unite"])

    @property
    def sort_key(self) -> float:
        return duration_in_days(self.number, self.unit)


def duration_in_days(number: int, unit: str) -> float:
    """An approximate length in days, to order deadlines of different units."""
    return number * APPROXIMATE_DAYS[unit]


def duration_text(number: int, unit: str, lang: str = "fr") -> str:
    """« 2 mois », « 15 jours », « 48 heures », « 1 an »; 0 is « immédiat » (« immediately »)."""
    if number == 0:
        return "immédiat" if lang == "fr" else "immediately"
    if lang == "fr":
        return f"{number} {SINGULAR[unit] if number == 1 else unit}"
    singular, plural = ENGLISH_UNITS[unit]
    return f"{number} {singular if number == 1 else plural}"


def entries_of(meta: dict) -> list[dict]:
    """The valid-looking deadline entries of a fiche's front matter (the content check reports
    the others; the build never shows half an entry)."""
    entries = meta.get("delais") if isinstance(meta, dict) else None
    if not isinstance(entries, list):
        return []
    return [e for e in entries if _complete(e)]


def _complete(entry) -> bool:
    if not isinstance(entry, dict):
        return False
    duration = entry.get("duree")
    return (isinstance(duration, dict) and isinstance(duration.get("nombre"), int)
            and duration.get("unite") in UNITS and isinstance(entry.get("texte"), dict)
            and all(isinstance(entry.get(k), str) for k in ("id", "evenement", "action", "ou", "suspensif",
                                                           "confirmer_par")))


def all_deadlines(docs_dir=None) -> list[Deadline]:
    """Every deadline of every fiche, in the order of the fiches' titles, then as written."""
    found = []
    for fiche in sorted(catalog.fiches(docs_dir), key=lambda f: catalog.title_order(f.title)):
        for entry in entries_of(fiche.meta):
            found.append(Deadline(fiche.src_uri, fiche.title, entry))
    return found
