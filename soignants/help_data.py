"""The help directory (data/aide.yml): every phone number the site shows comes from here."""

from dataclasses import dataclass
from functools import lru_cache
import re

from . import DATA_DIR
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
