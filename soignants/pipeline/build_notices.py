"""What a build should say about itself, in French, once: settings that leave readers or
reviewers without something they would expect, though nothing is wrong with the content.

- nobody's approval is required yet (no committee member, no technical maintainer in
  data/comite.yml: CODEOWNERS names no one);
- no public address (SITE_URL): the feed's absolute links, the canonical links and the printed
  « Adresse de cette page » are left out rather than pointing at a local address;
- no way for readers to report an error (neither `signalement: forge` nor `courriel`);
- the git history of data/aide.yml is missing or cut short (a shallow clone), so that « Quoi de
  neuf » cannot list every change of a help contact.

Each is shown once per process: `mkdocs serve` does not repeat them at every rebuild.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model import committee, help_history
from ..render import feedback

_shown: set[str] = set()
HEADER = "À savoir sur cette construction :"


def notices(root, site_url: str | None, extra: dict | None, today: date | None = None) -> list[str]:
    root = Path(root)
    today = today or date.today()
    comite = root / "data" / "comite.yml"
    try:
        members, maintainers = committee.load_members(comite), committee.load_maintainers(comite)
    except Exception:  # noqa: BLE001 - an unreadable file is the content check's to report
        members, maintainers = [], []
    found = committee.empty_notice(members, maintainers, today)
    if not site_url:
        found.append("SITE_URL n'est pas défini : l'adresse publique du site est inconnue, donc le flux garde des "
                     "liens relatifs, et les pages n'ont ni lien canonique ni « Adresse de cette page » à "
                     "l'impression ; pour publier : SITE_URL=https://exemple.org/chemin/ make build")
    try:
        settings = feedback.settings_from(extra or {})
    except feedback.SettingError:
        settings = feedback.Settings()  # told, in French, by the build itself
    if not settings.enabled:
        found.append("aucun moyen de signaler une erreur : les lecteurs n'ont ni « Signaler une erreur » ni "
                     "« Proposer une correction » ; indiquez l'adresse du dépôt (variable SIGNALEMENT_FORGE, ou "
                     "« extra: signalement: forge: » de mkdocs.yml) ou une adresse électronique "
                     "(SIGNALEMENT_COURRIEL)")
    history = help_history.history_notice(root)
    if history:
        found.append(history)
    return found


def once(lines: list[str]) -> str:
    """The notices not shown yet in this process, as the terminal shows them ("" if none)."""
    fresh = [line for line in lines if line not in _shown]
    _shown.update(fresh)
    if not fresh:
        return ""
    return "\n".join([HEADER, *(f"- {line}" for line in fresh)])
