"""The editorial dashboard: what to review first (scripts/etat.py, the « Suivi éditorial » page).

One row per fiche and testimony: status, authors, reviewers, last and next review, overdue or
not, number of sources; then the help contacts due for checking. Most urgent first: overdue
reviews (the oldest first), then the reviews due soonest, drafts before reviewed pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import catalog, help_data
from .bibliography import date_fr
from ..model.dates import months_old
from .escaping import markdown_text

CONTACT_WARNING_MONTHS = 11  # a contact is listed a month before it becomes stale (12 months)


@dataclass(frozen=True)
class Row:
    kind: str  # "fiche" or "témoignage"
    title: str
    src_uri: str
    status: str  # "brouillon" or "relu"
    authors: tuple
    reviewers: tuple
    last_review: str | None  # relu_le
    next_review: str | None  # prochaine_relecture (fiches)
    sources: int
    today: date

    @property
    def days_left(self) -> int | None:
        try:
            return (date.fromisoformat(self.next_review) - self.today).days if self.next_review else None
        except ValueError:
            return None

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def urgency(self) -> tuple:
        left = self.days_left
        return (0 if self.overdue else 1, left if left is not None else 10**6,
                0 if self.status == "brouillon" else 1, catalog.title_order(self.title))


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    checked: str
    months: int
    source: str

    @property
    def stale(self) -> bool:
        return self.months > help_data.STALE_AFTER_MONTHS


def rows(today: date, docs_dir: Path | None = None) -> list[Row]:
    found = []
    for kind, entries in (("fiche", catalog.fiches(docs_dir)), ("témoignage", catalog.testimonies(docs_dir))):
        for entry in entries:
            meta = entry.meta
            reviewed = meta.get("statut") == "relu"
            found.append(Row(kind, entry.title, entry.src_uri, str(meta.get("statut", "")),
                             tuple(str(a) for a in meta.get("auteurs") or []),
                             tuple(str(r) for r in meta.get("relecteurs") or []) if reviewed else (),
                             str(meta["relu_le"]) if reviewed and meta.get("relu_le") else None,
                             str(meta["prochaine_relecture"]) if meta.get("prochaine_relecture") else None,
                             len(entry.cited_keys), today))
    return sorted(found, key=Row.urgency)


def contacts_due(today: date, path=help_data.AIDE_FILE) -> list[ContactRow]:
    due = []
    for entry in help_data.structures(path):
        if entry.get("statut") != "actif":
            continue
        months = months_old(entry.get("verifie_le", ""), today)
        if months is not None and months >= CONTACT_WARNING_MONTHS:
            due.append(ContactRow(str(entry["id"]), str(entry.get("nom", "")), str(entry["verifie_le"]), months,
                                  str((entry.get("source") or {}).get("titre", ""))))
    return sorted(due, key=lambda c: (-c.months, c.id))


def _state(row: Row) -> str:
    left = row.days_left
    if left is None:
        return "—"
    if left < 0:
        return f"en retard de {-left} j"
    return f"dans {left} j"


def as_records(today: date, docs_dir: Path | None = None) -> list[dict]:
    """The rows as plain values (for CSV and the terminal), in order of urgency."""
    return [{
        "type": r.kind, "titre": r.title, "fichier": f"docs/{r.src_uri}", "statut": r.status,
        "auteurs": ", ".join(r.authors), "relecteurs": ", ".join(r.reviewers),
        "derniere_relecture": r.last_review or "", "prochaine_relecture": r.next_review or "",
        "en_retard": "oui" if r.overdue else "non", "echeance": _state(r), "sources": r.sources,
    } for r in rows(today, docs_dir)]


def contact_records(today: date) -> list[dict]:
    return [{"id": c.id, "nom": c.name, "verifie_le": c.checked, "mois": c.months,
             "etat": "à revérifier" if c.stale else "à revérifier bientôt", "source": c.source}
            for c in contacts_due(today)]


def dashboard_markdown(src_uri: str, link, today: date | None = None) -> str:
    """The « Suivi éditorial » page body; every value escaped (soignants/render/escaping.py)."""
    today = today or date.today()
    lines = [f"*État au {date_fr(today.isoformat())}, du plus urgent au moins urgent.*", "",
             "| Page | Type | Statut | Auteurs | Relecteurs | Dernière relecture | Prochaine relecture | "
             "En retard | Sources |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows(today):
        lines.append("| " + " | ".join([
            f"[{markdown_text(r.title)}]({link(src_uri, r.src_uri)})", r.kind, markdown_text(r.status),
            markdown_text(", ".join(r.authors)) or "—", markdown_text(", ".join(r.reviewers)) or "—",
            date_fr(r.last_review) if r.last_review else "—",
            date_fr(r.next_review) if r.next_review else "—",
            ("**oui**, " + markdown_text(_state(r))) if r.overdue else ("non" + (f", {markdown_text(_state(r))}"
                                                                                if r.days_left is not None else "")),
            str(r.sources)]) + " |")
    lines += ["", "## Contacts d'aide à revérifier", ""]
    due = contacts_due(today)
    if not due:
        lines.append("Aucun : tous les contacts de data/aide.yml ont été vérifiés il y a moins de "
                     f"{CONTACT_WARNING_MONTHS} mois.")
    else:
        lines += ["| Contact | Vérifié | Il y a | État | Source |", "| --- | --- | --- | --- | --- |"]
        for c in due:
            lines.append("| " + " | ".join([
                markdown_text(c.name), date_fr(c.checked), f"{c.months} mois",
                "**à revérifier**" if c.stale else "à revérifier bientôt", markdown_text(c.source)]) + " |")
    return "\n".join(lines) + "\n"
