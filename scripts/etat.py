#!/usr/bin/env python3
"""Tableau de bord éditorial : python scripts/etat.py [--csv] [--date AAAA-MM-JJ]

Each fiche and testimony with its status, authors, reviewers, last and next review, whether it
is overdue and how many sources it cites, most urgent first; then the help contacts due for
checking. Logic in soignants/render/editorial.py (the « Suivi éditorial » page shows the same).
"""

import csv
from datetime import date
from pathlib import Path
import shutil
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.render import editorial  # noqa: E402
from soignants.render.escaping import csv_cell  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Affiche l'état de relecture de chaque fiche et de chaque témoignage (statut, auteurs,
relecteurs, dernière et prochaine relecture, retard, nombre de sources), du plus urgent au
moins urgent, puis les contacts d'aide à revérifier.
Avec --csv : un tableau pour un tableur (réunion du comité), sur la sortie standard.
exemples :
  python scripts/etat.py
  python scripts/etat.py --csv > etat.csv
  make etat"""

COLUMNS = [("statut", 9), ("titre", 38), ("auteurs", 18), ("relecteurs", 18), ("derniere_relecture", 10),
           ("prochaine_relecture", 10), ("echeance", 18), ("sources", 3)]
HEADINGS = {"statut": "statut", "titre": "page", "auteurs": "auteurs", "relecteurs": "relecteurs",
            "derniere_relecture": "relue le", "prochaine_relecture": "à relire", "echeance": "échéance",
            "sources": "src"}


def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date au format AAAA-MM-JJ") from None


def _cell(value, width: int) -> str:
    text = " ".join(str(value).split()) or "—"
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def table(records: list[dict], contacts: list[dict], width: int) -> str:
    columns = list(COLUMNS)
    spare = width - 2 - sum(w + 2 for _, w in columns)
    if spare > 0:
        columns[1] = ("titre", columns[1][1] + spare)
    lines = ["  " + "  ".join(_cell(HEADINGS[k], w) for k, w in columns).rstrip(),
             "  " + "  ".join("-" * w for _, w in columns)]
    for record in records:
        marker = "! " if record["en_retard"] == "oui" else "  "
        lines.append(marker + "  ".join(_cell(record[k], w) for k, w in columns).rstrip())
    overdue = sum(r["en_retard"] == "oui" for r in records)
    drafts = sum(r["statut"] == "brouillon" for r in records)
    lines += ["", f"{len(records)} pages : {drafts} en brouillon, {overdue} en retard de relecture "
                  "(marquées « ! »)."]
    lines += ["", "Contacts d'aide à revérifier (data/aide.yml) :"]
    if not contacts:
        lines.append("  aucun")
    for c in contacts:
        lines.append(f"  {c['etat']:<22} {c['id']:<20} vérifié en {c['verifie_le']} (il y a {c['mois']} mois) "
                     f"— source : {c['source']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/etat.py", description=DESCRIPTION)
    parser.add_argument("--csv", action="store_true", help="écrire un tableau CSV (séparateur « ; ») pour un tableur")
    parser.add_argument("--date", type=_day, metavar="AAAA-MM-JJ", help="faire comme si on était ce jour-là")
    args = parser.parse_args(argv)
    today = args.date or date.today()
    try:
        records = editorial.as_records(today)
        contacts = editorial.contact_records(today)
    except Exception as error:  # noqa: BLE001 - an editor never sees a traceback
        print(f"etat.py : le contenu n'a pas pu être lu ({type(error).__name__} : {error}) ; lancez « make lint » "
              "pour savoir quel fichier corriger", file=sys.stderr)
        return 2
    if args.csv:
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        fields = ["type", "titre", "fichier", "statut", "auteurs", "relecteurs", "derniere_relecture",
                  "prochaine_relecture", "en_retard", "echeance", "sources"]
        writer.writerow(fields)
        for record in records:
            writer.writerow([csv_cell(record[f]) for f in fields])
        for c in contacts:
            writer.writerow([csv_cell(v) for v in ["contact", c["nom"], "data/aide.yml", c["etat"], "", "",
                                                   c["verifie_le"], "", "oui" if c["etat"] == "à revérifier" else "non",
                                                   f"vérifié il y a {c['mois']} mois", ""]])
        return 0
    print(table(records, contacts, shutil.get_terminal_size((120, 20)).columns))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `python scripts/etat.py | head`
        sys.exit(0)
