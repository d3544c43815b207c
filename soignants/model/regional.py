"""Regional editions: one site per region, built from this one repository.

An edition is declared in `editions/CODE.yml` (schema: schemas/edition.schema.json): the regions it
serves (INSEE codes of data/departements.yml), who hosts it, its name, logo and colours, where
readers report an error, the languages it builds, whether it is still a draft awaiting its URPS,
and the regional help lines of data/aide.yml its help strip shows next to the national ones (or
an explicit `pas_de_ligne_regionale: true`). Its own pages (a home text, regional fiches, its
référents) live in `editions/CODE/docs/`, laid out like docs/; no other edition builds them.

`make build EDITION=CODE` selects one (the `EDITION` environment variable); without it, the
national edition is built, as before. The build in progress says which edition it renders with
`use()`; the help pages and the strip read it with `current()` (None: the national edition).

A contact serves an edition when it is regional or departmental and names one of the edition's
regions (`regions`, by name as data/departements.yml writes it) or one of their départements
(`departements`); national contacts serve every edition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
import colorsys
import os
import re

from .. import DATA_DIR, PROJECT_ROOT
from . import help_data, schemas
from .yamlfile import load_yaml_file

ENVIRONMENT_VARIABLE = "EDITION"
NATIONAL = ("", "national", "nationale")  # values of EDITION that mean the national edition
TO_COMPLETE = "à compléter par l'URPS"
CODE = re.compile(r"^[a-z][a-z0-9-]{1,30}$")
MINIMUM_CONTRAST = 4.5  # WCAG 2.1 AA, 1.4.3, for text of normal size

# The colours our pages put under or over an edition's colours (overrides/assets/stylesheets/site.css
# and Material's palette): the header's text on its background in each scheme, the page's
# background under links. Material's dark page is hsl(225°, 15 %, 14 %) (`--md-hue: 225deg`).
HEADER_TEXT_LIGHT = "#ffffff"
HEADER_TEXT_DARK = "#f2f2f2"
PAGE_LIGHT = "#ffffff"
PAGE_DARK = "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in colorsys.hls_to_rgb(225 / 360, 0.14, 0.15)))


class EditionError(ValueError):
    """An edition cannot be used; the message (French) says which file and what to do."""


@dataclass(frozen=True)
class Edition:
    code: str
    data: dict          # the edition file as written (validated)
    folder: Path        # editions/CODE/ (its logo, its docs/)
    region_names: tuple  # the regions' names, as data/departements.yml and data/aide.yml write them
    departements: frozenset  # the codes of their départements

    @property
    def docs_dir(self) -> Path:
        return self.folder / "docs"

    @property
    def site_name(self) -> str:
        return self.data["nom_site"]

    @property
    def is_draft(self) -> bool:
        return bool(self.data.get("brouillon", True))

    @property
    def languages(self) -> list[str]:
        return list(self.data.get("langues") or ["fr"])

    @property
    def regional_line_ids(self) -> list[str]:
        return list(self.data.get("lignes_regionales") or [])

    @property
    def site_url(self) -> str | None:
        value = self.data.get("site_url", "")
        return value if value.startswith("https://") else None

    @property
    def logo(self) -> Path | None:
        value = self.data.get("logo", "")
        return self.folder / value if value and not is_to_complete(value) else None

    @property
    def regions_label(self) -> str:
        return ", ".join(self.region_names)

    def source_path(self, src_uri: str) -> str:
        """Where a page of this edition's build is written in the repository (for a « propose a
        correction » link): its own pages under editions/CODE/docs/, the others under docs/."""
        own = self.docs_dir / src_uri
        return f"editions/{self.code}/docs/{src_uri}" if own.is_file() else f"docs/{src_uri}"

    def serves(self, entry: dict) -> bool:
        """A regional or departmental contact of this edition's regions (national ones: False)."""
        if entry.get("portee") == "national":
            return False
        return bool(set(entry.get("regions", [])) & set(self.region_names)
                    or set(entry.get("departements", [])) & self.departements)


def is_to_complete(value) -> bool:
    """A value still to be filled in by the URPS (« à compléter par l'URPS », in any case)."""
    return isinstance(value, str) and "à compléter" in value.lower()


# --- files --------------------------------------------------------------------------------------

def editions_dir(root=PROJECT_ROOT) -> Path:
    return Path(root) / "editions"


def edition_file(code: str, root=PROJECT_ROOT) -> Path:
    return editions_dir(root) / f"{code}.yml"


def codes(root=PROJECT_ROOT) -> list[str]:
    """The editions declared in editions/ (file names without .yml), sorted."""
    folder = editions_dir(root)
    return sorted(p.stem for p in folder.glob("*.yml")) if folder.is_dir() else []


def departements_data(path=DATA_DIR / "departements.yml") -> dict:
    return load_yaml_file(path)


def regions_by_code(departements: dict) -> dict[str, str]:
    return {r["code"]: r["nom"] for r in departements.get("regions", [])}


def load(code: str, root=PROJECT_ROOT, departements: dict | None = None) -> Edition:
    """The edition `code` of the project at `root`, checked against its schema and the regions of
    data/departements.yml. What the content check reports in detail (contrast, lines, logo) is
    soignants/lint/edition_checks.py; here, only what the build cannot do without."""
    if not CODE.match(code or ""):
        raise EditionError(f"EDITION={code!r} : un code d'édition s'écrit en minuscules sans accent, avec des "
                           "chiffres et des tirets (ex. EDITION=normandie)")
    path = edition_file(code, root)
    if not path.is_file():
        known = ", ".join(codes(root)) or "aucune"
        raise EditionError(f"EDITION={code} : le fichier editions/{code}.yml n'existe pas (éditions connues : "
                           f"{known}) ; créez-la avec « make edition CODE={code} NOM=\"…\" REGION=… »")
    try:
        data = load_yaml_file(path)
    except Exception as error:  # noqa: BLE001 - told in French, the content check gives the line
        raise EditionError(f"editions/{code}.yml est illisible ({error}) : lancez « make lint » pour la ligne "
                           "et la correction") from None
    if not isinstance(data, dict) or schemas.errors("edition", data):
        raise EditionError(f"editions/{code}.yml ne respecte pas son modèle : lancez « make lint » pour savoir "
                           "quoi corriger, ligne par ligne")
    if data["code"] != code:
        raise EditionError(f"editions/{code}.yml : « code » vaut « {data['code']} » ; écrivez « code: {code} » "
                           "(le nom du fichier)")
    departements = departements if departements is not None else departements_data(Path(root) / "data" / "departements.yml")
    names = regions_by_code(departements)
    unknown = [c for c in data["regions"] if c not in names]
    if unknown:
        raise EditionError(f"editions/{code}.yml : région(s) inconnue(s) {', '.join(unknown)} ; codes possibles "
                           "(data/departements.yml) : " + ", ".join(f"{c} {n}" for c, n in names.items()))
    region_names = tuple(names[c] for c in data["regions"])
    deps = frozenset(d["code"] for d in departements.get("departements", []) if d["region"] in region_names)
    return Edition(code, data, editions_dir(root) / code, region_names, deps)


def from_environment(root=PROJECT_ROOT, environ=None) -> Edition | None:
    """The edition named by the EDITION environment variable, or None for the national one."""
    value = (environ if environ is not None else os.environ).get(ENVIRONMENT_VARIABLE, "").strip()
    if value.lower() in NATIONAL:
        return None
    return load(value, root)


# --- the edition of the build in progress -------------------------------------------------------

_current: Edition | None = None


def use(edition: Edition | None) -> None:
    """Set the edition the build in progress renders (None: the national edition)."""
    global _current
    _current = edition


def current() -> Edition | None:
    return _current


# --- help lines ---------------------------------------------------------------------------------

def in_strip(entry: dict, today: date) -> bool:
    """Can this regional line be in an edition's help strip? Active, with a number and a short
    label, and checked in its source within the last 12 months: a number shown on every page as
    « call now » must be one we know answers. An older one stays on the help pages, marked « à
    confirmer », and the content check says so (an error once the edition is no longer a draft)."""
    return (entry.get("statut") == "actif" and bool(entry.get("telephone")) and bool(entry.get("nom_court"))
            and not help_data.is_stale(entry, today))


def regional_strip_lines(edition: Edition, today: date | None = None) -> list[dict]:
    """The edition's regional lines that its help strip shows (`in_strip`), in the file's order."""
    today = today or date.today()
    contacts = help_data.by_id()
    return [contacts[i] for i in edition.regional_line_ids if i in contacts and in_strip(contacts[i], today)]


def strip_entries(edition: Edition | None, today: date | None = None) -> list[dict]:
    """The help strip of an edition: the national lines of data/aide.yml (`bandeau`), then the
    edition's regional lines that can be shown (`in_strip`). National edition: the national ones."""
    national = help_data.strip_entries()
    if edition is None:
        return national
    return national + [dict(e, tel=help_data.tel_uri(e["telephone"])) for e in regional_strip_lines(edition, today)]


# --- colours ------------------------------------------------------------------------------------

def _luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2.1 definition)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (colour field, what is drawn over or under it, what the reader sees) for each check
CONTRAST_PAIRS = (
    ("principale", HEADER_TEXT_LIGHT, "le texte blanc de l'en-tête, en mode clair"),
    ("principale_sombre", HEADER_TEXT_DARK, "le texte clair de l'en-tête, en mode sombre"),
    ("liens", PAGE_LIGHT, "les liens sur le fond blanc de la page, en mode clair"),
    ("liens_sombre", PAGE_DARK, "les liens sur le fond sombre de la page, en mode sombre"),
)


def contrast_problems(colours: dict) -> list[tuple[str, float, str]]:
    """(field, ratio, what) for each colour pair below 4.5:1."""
    found = []
    for name, other, what in CONTRAST_PAIRS:
        value = colours.get(name)
        if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            ratio = contrast_ratio(value, other)
            if ratio < MINIMUM_CONTRAST:
                found.append((name, ratio, what))
    return found


def stylesheet(edition: Edition) -> str:
    """The edition's colours as CSS custom properties over Material's and site.css's (the values
    are `#rrggbb`, checked by the schema: nothing else reaches the file)."""
    colours = {k: v.lower() for k, v in edition.data["couleurs"].items() if re.fullmatch(r"#[0-9a-fA-F]{6}", v)}
    return (
        f"/* Couleurs de l'édition « {edition.code} » (editions/{edition.code}.yml), écrites par la construction. */\n"
        ":root,\n[data-md-color-scheme=\"default\"] {\n"
        f"  --md-primary-fg-color: {colours['principale']};\n"
        f"  --md-primary-fg-color--light: {colours['principale']};\n"
        f"  --md-primary-fg-color--dark: {colours['principale']};\n"
        f"  --md-typeset-a-color: {colours['liens']};\n"
        "}\n"
        "[data-md-color-scheme=\"slate\"] {\n"
        f"  --md-primary-fg-color: {colours['principale_sombre']};\n"
        f"  --md-primary-fg-color--light: {colours['principale_sombre']};\n"
        f"  --md-primary-fg-color--dark: {colours['principale_sombre']};\n"
        f"  --md-typeset-a-color: {colours['liens_sombre']};\n"
        "}\n"
    )
