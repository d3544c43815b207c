"""The editorial committee (data/comite.yml): who may sign off a fiche, and who owns the content.

A member is a member on a given day when that day is between `depuis` and `jusqu_au` (both
included; no `jusqu_au` means still sitting). The content check uses it for `statut: relu`;
scripts/codeowners.py turns the current members' forge handles into CODEOWNERS files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
import re

from .. import DATA_DIR
from .yamlfile import load_yaml_file

COMMITTEE_FILE = DATA_DIR / "comite.yml"
# What the committee owns: a proposal that touches these asks for a member's review.
OWNED_PATHS = ("/docs/fiches/", "/docs/temoignages/", "/data/")


@dataclass(frozen=True)
class Member:
    nom: str
    role: str
    specialite: str
    depuis: str
    jusqu_au: str | None = None
    forge: str | None = None

    def sits_on(self, day: date) -> bool:
        """Member on `day` (dates that cannot be read never make a member)."""
        try:
            start = date.fromisoformat(self.depuis)
            end = date.fromisoformat(self.jusqu_au) if self.jusqu_au else None
        except (TypeError, ValueError):
            return False
        return start <= day and (end is None or day <= end)


def members_from(data) -> list[Member]:
    """Members of an already-parsed comite.yml (entries that are not mappings are skipped)."""
    entries = data.get("membres") if isinstance(data, dict) else None
    members = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("nom"), str):
            members.append(Member(nom=entry["nom"], role=str(entry.get("role", "")),
                                  specialite=str(entry.get("specialite", "")), depuis=str(entry.get("depuis", "")),
                                  jusqu_au=entry.get("jusqu_au"), forge=entry.get("forge")))
    return members


def load_members(path: Path = COMMITTEE_FILE) -> list[Member]:
    return members_from(load_yaml_file(path)) if Path(path).is_file() else []


def sitting(members: list[Member], day: date) -> list[Member]:
    return [m for m in members if m.sits_on(day)]


# --- CODEOWNERS -------------------------------------------------------------------------------

HEADER = """\
# Fichier produit par scripts/codeowners.py à partir de data/comite.yml : ne le modifiez pas à la main.
# Les membres actuels du comité éditorial qui ont un identifiant de forge sont propriétaires du
# contenu : une proposition qui le modifie leur demande une relecture (avec la protection de la
# branche main, voir CONTRIBUTING.md, « Pour l'équipe technique »).
"""


# A forge handle, whole (fullmatch: no line break can follow it into the CODEOWNERS file, where a
# new line would be read as a new rule and the other owners of the line dropped).
HANDLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,38}")


class HandleError(ValueError):
    """A member's forge handle cannot be written into CODEOWNERS (message in French)."""


def codeowners(members: list[Member], day: date, forge: str) -> str:
    """The CODEOWNERS text for `github` or `gitlab` (GitLab: one named section)."""
    for member in sitting(members, day):
        if member.forge is not None and not (isinstance(member.forge, str) and HANDLE.fullmatch(member.forge)):
            raise HandleError(f"data/comite.yml : l'identifiant de forge de « {member.nom} » ({member.forge!r}) "
                              "n'est pas un identifiant (lettres, chiffres, « . », « _ », « - », sans espace ni "
                              "retour à la ligne) ; lancez « python scripts/lint.py data/comite.yml »")
    handles = sorted({f"@{m.forge}" for m in sitting(members, day) if m.forge}, key=str.lower)
    lines = [HEADER]
    if not handles:
        lines.append("# Aucun membre du comité n'a encore d'identifiant de forge dans data/comite.yml :\n"
                     "# pas de propriétaire pour l'instant.\n")
        return "".join(lines)
    if forge == "gitlab":
        lines.append("[Comité éditorial]\n")
    owners = " ".join(handles)
    lines += [f"{path} {owners}\n" for path in OWNED_PATHS]
    return "".join(lines)


CODEOWNERS_FILES = {"github": Path(".github") / "CODEOWNERS", "gitlab": Path(".gitlab") / "CODEOWNERS"}
