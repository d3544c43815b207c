"""The help directory (data/aide.yml): every phone number the site shows comes from here."""

from datetime import date
from functools import lru_cache
import re

from .. import DATA_DIR
from .dates import months_old
from .yamlfile import load_yaml_file

AIDE_FILE = DATA_DIR / "aide.yml"


def tel_uri(displayed: str) -> str:
    """`0 805 23 23 36` -> `tel:+33805232336`; short numbers (15, 112, 3114) stay as dialled."""
    digits = re.sub(r"\D", "", displayed)
    if len(digits) == 10 and digits.startswith("0"):
        return f"tel:+33{digits[1:]}"
    return f"tel:{digits}"


@lru_cache(maxsize=None)
def load_help(path=AIDE_FILE) -> dict:
    return load_yaml_file(path)


def structures(path=AIDE_FILE) -> list[dict]:
    return load_help(path)["structures"]


def by_id(path=AIDE_FILE) -> dict[str, dict]:
    return {entry["id"]: entry for entry in structures(path)}


def strip_entries(path=AIDE_FILE) -> list[dict]:
    """The numbers of the help strip shown on every page, in their `bandeau` order."""
    chosen = [e for e in structures(path) if "bandeau" in e and e.get("statut") == "actif"]
    return [dict(e, tel=tel_uri(e["telephone"])) for e in sorted(chosen, key=lambda e: e["bandeau"])]


# --- freshness --------------------------------------------------------------------------------

STALE_AFTER_MONTHS = 12
ALWAYS_OPEN = re.compile(r"24\s*h\s*/\s*24", re.IGNORECASE)


def checked_on(entry: dict) -> date:
    """The date a contact was checked; `2026-11` (month only) counts as the 1st of that month."""
    parts = [int(p) for p in entry["verifie_le"].split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def months_since_check(entry: dict, today: date) -> int:
    """Whole months between the check and `today`, counted as scripts/lint.py counts them."""
    return months_old(entry["verifie_le"], today)


def is_stale(entry: dict, today: date, months: int = STALE_AFTER_MONTHS) -> bool:
    """True when the contact was last checked more than `months` whole months before `today`."""
    return months_since_check(entry, today) > months


def stale_contacts(today: date, path=AIDE_FILE, months: int = STALE_AFTER_MONTHS) -> list[dict]:
    """Active contacts checked more than 12 months ago: to check again in their source.

    Historic numbers (`statut: historique`) are left out: they are shown for the record only,
    never as a number to call, and their date is the date of the record.
    """
    return [e for e in structures(path) if e.get("statut") == "actif" and is_stale(e, today, months)]


def always_open(entry: dict) -> bool:
    """A line that answers day and night (its `horaires` say 24 h/24)."""
    return bool(ALWAYS_OPEN.search(entry.get("horaires", "")))
