"""The editorial dashboard for the command line (scripts/etat.py): a table sized to the terminal,
or a spreadsheet (CSV, « ; ») for the committee's meeting. The rows come from
soignants/render/editorial.py."""

import csv

from ..render.escaping import csv_cell

COLUMNS = [("statut", 9), ("titre", 38), ("auteurs", 18), ("relecteurs", 18), ("derniere_relecture", 10),
           ("prochaine_relecture", 10), ("echeance", 18), ("sources", 3)]
HEADINGS = {"statut": "statut", "titre": "page", "auteurs": "auteurs", "relecteurs": "relecteurs",
            "derniere_relecture": "relue le", "prochaine_relecture": "à relire", "echeance": "échéance",
            "sources": "src"}


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


def write_csv(records: list[dict], contacts: list[dict], stream) -> None:
    """The pages, then the help contacts, one row each, for a spreadsheet."""
    writer = csv.writer(stream, delimiter=";", lineterminator="\n")
    fields = ["type", "titre", "fichier", "statut", "auteurs", "relecteurs", "derniere_relecture",
              "prochaine_relecture", "en_retard", "echeance", "sources"]
    writer.writerow(fields)
    for record in records:
        writer.writerow([csv_cell(record[f]) for f in fields])
    for c in contacts:
        writer.writerow([csv_cell(v) for v in ["contact", c["nom"], "data/aide.yml", c["etat"], "", "",
                                               c["verifie_le"], "", "oui" if c["etat"] == "à revérifier" else "non",
                                               f"vérifié il y a {c['mois']} mois", ""]])
