"""The editorial dashboard: what to do this week, then every page (scripts/etat.py, the « Suivi
éditorial » page).

First, « Cette semaine » : the reviews overdue or due within a week, the drafts still waiting
for a first review (oldest first, « brouillon depuis 27 jours »), the help contacts to check again
in their source, and where to see the proposals waiting (not knowable offline: the forge lists
them). Then one row per fiche and testimony: status (a draft by its age, a reviewed page by the
day it was signed off), next review (late by how many days), authors and reviewers, sources;
most urgent first: overdue reviews (the oldest first), then the reviews due soonest, drafts
before reviewed pages. A narrow table: it fits a 1280-pixel screen, and on a phone each row is
read as a card (site.css, `.ss-suivi`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..model import catalog, help_data
from .bibliography import date_fr
from ..model.dates import months_old
from . import generated
from .escaping import markdown_text

CONTACT_WARNING_MONTHS = 11  # a contact is listed a month before it becomes stale (12 months)
WEEK = 7  # « cette semaine »: reviews due within this many days


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
    written: str | None = None  # redige_le

    @property
    def draft_days(self) -> int | None:
        """Days since a draft was written (None for a reviewed page, or without a date)."""
        if self.status != "brouillon" or not self.written:
            return None
        try:
            return (self.today - date.fromisoformat(self.written)).days
        except ValueError:
            return None

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
                             len(entry.cited_keys), today,
                             str(meta["redige_le"]) if meta.get("redige_le") else None))
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


def _days(n: int) -> str:
    return f"{n} jour{'s' if n > 1 else ''}"


def _state(row: Row) -> str:
    """The next review, as the committee reads it: « en retard de 12 jours », « dans 5 jours »
    (within a month), else its date."""
    left = row.days_left
    if left is None:
        return "—"
    if left < 0:
        return f"en retard de {_days(-left)}"
    if left == 0:
        return "aujourd'hui"
    if left <= 31:
        return f"dans {_days(left)}"
    return f"le {date_fr(row.next_review)}"


def status_text(row: Row) -> str:
    """« brouillon depuis 27 jours », « relue le 1 juin 2026 »."""
    if row.status == "brouillon":
        days = row.draft_days
        return f"brouillon depuis {_days(days)}" if days is not None and days > 0 else \
            ("brouillon d'aujourd'hui" if days == 0 else "brouillon")
    if row.last_review:
        return f"relue le {date_fr(row.last_review)}"
    return row.status


@dataclass(frozen=True)
class Week:
    """What to do this week."""
    overdue: list   # Row, the most overdue first
    due: list       # Row, due within WEEK days
    drafts: list    # Row, the oldest draft first
    contacts: list  # ContactRow


def this_week(today: date, docs_dir: Path | None = None) -> Week:
    found = rows(today, docs_dir)
    overdue = [r for r in found if r.overdue]
    due = [r for r in found if r.days_left is not None and 0 <= r.days_left <= WEEK]
    drafts = sorted((r for r in found if r.status == "brouillon"), key=lambda r: -(r.draft_days or 0))
    return Week(overdue, due, drafts, contacts_due(today))


PROPOSALS_OFFLINE = ("Propositions en attente : ce tableau est fait hors ligne et ne les voit pas ; leur liste est sur "
                     "la forge du projet (« Pull requests » sur GitHub, « Merge requests » sur GitLab), avec celles "
                     "qui attendent votre relecture.")


def proposals_url(forge: str | None) -> str | None:
    """The forge's list of open proposals, when the project's address is set."""
    if not forge:
        return None
    forge = forge.rstrip("/")
    return f"{forge}/pulls" if "github.com/" in forge else f"{forge}/-/merge_requests"


def as_records(today: date, docs_dir: Path | None = None) -> list[dict]:
    """The rows as plain values (for CSV and the terminal), in order of urgency."""
    return [{
        "type": r.kind, "titre": r.title, "fichier": f"docs/{r.src_uri}", "statut": r.status,
        "auteurs": ", ".join(r.authors), "relecteurs": ", ".join(r.reviewers),
        "derniere_relecture": r.last_review or "", "prochaine_relecture": r.next_review or "",
        "en_retard": "oui" if r.overdue else "non", "echeance": _state(r), "sources": r.sources,
        "etat": status_text(r),
    } for r in rows(today, docs_dir)]


def contact_records(today: date) -> list[dict]:
    return [{"id": c.id, "nom": c.name, "verifie_le": c.checked, "mois": c.months,
             "etat": "à revérifier" if c.stale else "à revérifier bientôt", "source": c.source}
            for c in contacts_due(today)]


def _links(rows_: list, src_uri: str, link, detail) -> str:
    return ", ".join(f"[{markdown_text(r.title)}]({link(src_uri, r.src_uri)}) ({markdown_text(detail(r))})"
                     for r in rows_)


def week_markdown(week: Week, src_uri: str, link, today: date) -> list[str]:
    """« Cette semaine » as Markdown list items."""
    until = date_fr((today + timedelta(days=WEEK)).isoformat())
    lines = []
    lines.append("- **Relectures en retard** : " + (_links(week.overdue, src_uri, link, _state) if week.overdue
                                                    else "aucune."))
    lines.append(f"- **Relectures à faire d'ici le {until}** : " + (
        _links(week.due, src_uri, link, _state) if week.due else "aucune."))
    if week.drafts:
        oldest = week.drafts[:5]
        more = f" et {len(week.drafts) - len(oldest)} autres" if len(week.drafts) > len(oldest) else ""
        lines.append(f"- **Brouillons qui attendent une première relecture** ({len(week.drafts)}, les plus anciens "
                     f"d'abord) : {_links(oldest, src_uri, link, status_text)}{more}.")
    else:
        lines.append("- **Brouillons qui attendent une première relecture** : aucun.")
    stale = [c for c in week.contacts if c.stale]
    if stale:
        lines.append("- **Contacts d'aide à revérifier dans leur source** : " + ", ".join(
            f"{markdown_text(c.name)} (vérifié il y a {c.months} mois)" for c in stale) + ".")
    else:
        lines.append("- **Contacts d'aide à revérifier dans leur source** : aucun.")
    lines.append(f"- {markdown_text(PROPOSALS_OFFLINE)}")
    return lines


def dashboard_markdown(src_uri: str, link, today: date | None = None) -> str:
    """The « Suivi éditorial » page body; every value escaped (soignants/render/escaping.py)."""
    today = today or date.today()
    lines = [f"*État au {date_fr(today.isoformat())}.*", "", "## Cette semaine", "",
             *week_markdown(this_week(today), src_uri, link, today), "",
             "## Toutes les pages, de la plus urgente à la moins urgente", "",
             f'<div class="{generated.classes("ss-suivi")}" markdown>', "",
             "| Page | État | Prochaine relecture | Auteurs · relecteurs | Sources |",
             "| --- | --- | --- | --- | --- |"]
    for r in rows(today):
        # Each cell says what it is: on a phone, a row is read as a card, without the headings.
        kind = "" if r.kind == "fiche" else f" ({r.kind})"
        people = "par " + (markdown_text(", ".join(r.authors)) or "—")
        if r.reviewers:
            people += " · relue par " + markdown_text(", ".join(r.reviewers))
        state = _state(r)
        due = "—" if state == "—" else markdown_text(
            f"relecture {state}" if r.overdue else f"à relire {state}")
        lines.append("| " + " | ".join([
            f"[{markdown_text(r.title)}]({link(src_uri, r.src_uri)}){markdown_text(kind)}",
            markdown_text(status_text(r)), f"**{due}**" if r.overdue else due, people,
            f"{r.sources} source{'s' if r.sources > 1 else ''}"]) + " |")
    lines += ["", "</div>", "", "## Contacts d'aide à revérifier", ""]
    due_contacts = contacts_due(today)
    if not due_contacts:
        lines.append("Aucun : tous les contacts de data/aide.yml ont été vérifiés il y a moins de "
                     f"{CONTACT_WARNING_MONTHS} mois.")
    else:
        lines += [f'<div class="{generated.classes("ss-suivi")}" markdown>', "", "| Contact | Vérifié | État | Source |",
                  "| --- | --- | --- | --- |"]
        for c in due_contacts:
            lines.append("| " + " | ".join([
                markdown_text(c.name), f"{date_fr(c.checked)} (il y a {c.months} mois)",
                "**à revérifier**" if c.stale else "à revérifier bientôt", markdown_text(c.source)]) + " |")
        lines += ["", "</div>"]
    return "\n".join(lines) + "\n"
