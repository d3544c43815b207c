"""The editorial dashboard for the command line (scripts/etat.py): what to do this week, then a
table sized to the terminal, or a spreadsheet (CSV, « ; ») for the committee's meeting. The rows
come from soignants/render/editorial.py."""

import csv
from datetime import date, timedelta

from ..render import editorial
from ..render.bibliography import date_fr
from ..render.escaping import csv_cell

COLUMNS = [("etat", 26), ("titre", 38), ("echeance", 26), ("auteurs", 16), ("relecteurs", 16), ("sources", 3)]
HEADINGS = {"etat": "état", "titre": "page", "auteurs": "auteurs", "relecteurs": "relecteurs",
            "echeance": "prochaine relecture", "sources": "src"}


def _cell(value, width: int) -> str:
    text = " ".join(str(value).split()) or "—"
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def _titles(rows, detail) -> str:
    return "\n".join(f"    - {r.title} ({detail(r)})" for r in rows)


def week_text(week: "editorial.Week", today: date, forge: str | None = None) -> str:
    """« Cette semaine », for the terminal."""
    until = date_fr((today + timedelta(days=editorial.WEEK)).isoformat())
    lines = ["Cette semaine :"]
    lines.append("  Relectures en retard : " + ("\n" + _titles(week.overdue, editorial._state) if week.overdue
                                                else "aucune"))
    lines.append(f"  Relectures à faire d'ici le {until} : " + ("\n" + _titles(week.due, editorial._state)
                                                                  if week.due else "aucune"))
    if week.drafts:
        lines.append(f"  Brouillons qui attendent une première relecture ({len(week.drafts)}, les plus anciens "
                     "d'abord) :\n" + _titles(week.drafts[:5], editorial.status_text)
                     + (f"\n    … et {len(week.drafts) - 5} autres" if len(week.drafts) > 5 else ""))
    else:
        lines.append("  Brouillons qui attendent une première relecture : aucun")
    stale = [c for c in week.contacts if c.stale]
    lines.append("  Contacts d'aide à revérifier dans leur source : " + (
        ", ".join(f"{c.id} (vérifié il y a {c.months} mois)" for c in stale) if stale else "aucun"))
    url = editorial.proposals_url(forge)
    lines.append("  Propositions en attente : pas visibles hors ligne ; " + (
        f"leur liste : {url}" if url else "voyez leur liste sur la forge du projet (« Pull requests » ou "
                                          "« Merge requests »)"))
    return "\n".join(lines)


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
