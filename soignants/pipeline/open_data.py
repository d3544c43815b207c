"""Open data: the help directory (data/aide.yml) published as JSON and CSV with the site.

`write_open_data(site_dir)` writes <site>/donnees/aide.json, aide.csv and aide.schema.json; the
MkDocs hook calls it after each build. Plain Python: no generator involved.
- JSON: the structures exactly as in data/aide.yml (same fields, same order), with a short header.
- CSV: one line per structure, UTF-8, comma-separated (the data.gouv.fr recommendation); lists
  (pour, publics, regions, departements) are joined with « | »; `source` becomes source_titre and
  source_url; a `tel` column gives the number to dial (tel: URI).
"""

from pathlib import Path
import csv
import io
import json

from .. import SCHEMAS_DIR
from ..model import help_data
from ..render.escaping import csv_cell

FOLDER = "donnees"
LICENCE = "CC BY-SA 4.0"
CSV_COLUMNS = ["id", "nom", "nom_court", "nom_court_en", "description", "pour", "repondant", "publics", "telephone", "tel", "email", "web",
               "horaires", "cout", "anonymat", "portee", "regions", "departements", "bandeau", "statut",
               "source_titre", "source_url", "verifie_le"]
LIST_FIELDS = ("pour", "publics", "regions", "departements")
LIST_SEPARATOR = "|"


def json_document(structures: list[dict]) -> dict:
    return {
        "titre": "Annuaire de l'aide aux médecins et aux soignants en difficulté (Soigner les soignants)",
        "description": "Lignes d'écoute et structures d'aide, avec pour chacune la source où elle a été "
                       "vérifiée (source) et la date de cette vérification (verifie_le, AAAA-MM ou AAAA-MM-JJ). "
                       "Statut « historique » : numéro ancien, à ne pas appeler.",
        "licence": LICENCE,
        "schema": "aide.schema.json",
        "structures": structures,
    }


def csv_row(entry: dict) -> dict:
    row = {}
    for column in CSV_COLUMNS:
        if column == "tel":
            row[column] = help_data.tel_uri(entry["telephone"]) if entry.get("telephone") else ""
        elif column == "source_titre":
            row[column] = entry["source"]["titre"]
        elif column == "source_url":
            row[column] = entry["source"].get("url", "")
        elif column in LIST_FIELDS:
            row[column] = LIST_SEPARATOR.join(entry.get(column, []))
        else:
            value = entry.get(column, "")
            row[column] = "" if value is None else str(value)
    return row


def csv_text(structures: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for entry in structures:
        # A cell that a spreadsheet would run as a formula starts with a quote (escaping.csv_cell).
        writer.writerow({column: csv_cell(value) for column, value in csv_row(entry).items()})
    return buffer.getvalue()


def write_open_data(site_dir, aide_path=help_data.AIDE_FILE) -> list[Path]:
    """Write the open-data files into <site_dir>/donnees/ and return their paths."""
    structures = help_data.structures(aide_path)
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "aide.json": json.dumps(json_document(structures), ensure_ascii=False, indent=2) + "\n",
        "aide.csv": csv_text(structures),
        "aide.schema.json": (SCHEMAS_DIR / "aide.schema.json").read_text(encoding="utf-8"),
    }
    written = []
    for name, text in files.items():
        path = folder / name
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        written.append(path)
    return written
