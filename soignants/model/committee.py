"""The editorial committee and the technical maintainers (data/comite.yml): who may sign off a
fiche, and who owns what in CODEOWNERS.

A member is identified by their forge handle (`forge`, required): that is the account whose
approval the forge records. The name (`nom`) is for display. « relecteurs » in a page's front
matter names members by name or by `@handle`; two ways of writing a name are the same person once
titles, accents, case and punctuation are folded away (« Dr Claire Dubois » = « claire dubois »).

A member is a member on a given day when that day is between `depuis` and `jusqu_au` (both
included; no `jusqu_au` means still sitting). The content check uses it for `statut: relu`;
scripts/codeowners.py turns the sitting members' handles and the maintainers' into CODEOWNERS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
import re
import unicodedata

from .. import DATA_DIR
from .yamlfile import load_yaml_file

COMMITTEE_FILE = DATA_DIR / "comite.yml"
# What the committee owns: what readers read (pages, help numbers, distress words, references).
OWNED_PATHS = ("/docs/", "/data/", "/data/recherche-detresse*.yml")
# What the technical maintainers own: everything that can weaken a check or change what readers
# get without being content (the code, the theme, the build, CI, the locks, these files).
TECHNICAL_PATHS = ("/.github/", "/.gitlab/", "/.gitlab-ci.yml", "/.ci/", "/soignants/", "/scripts/", "/overrides/",
                   "/tests/", "/mkdocs.yml", "/Makefile", "/requirements/", "/constraints.txt", "/pyproject.toml",
                   "/.github/CODEOWNERS", "/.gitlab/CODEOWNERS")
# Owned by both: who sits on the committee decides who may sign off, and who owns the code.
SHARED_PATHS = ("/data/comite.yml",)
# A forge handle as GitHub and GitLab allow it, checked again here: a handle that is not one would
# change the meaning of a CODEOWNERS line (a space, a line break).
HANDLE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38})\Z")
TITLES = {"dr", "docteur", "docteure", "pr", "professeur", "professeure", "m", "mme", "mlle", "madame",
          "monsieur", "mademoiselle", "me", "maitre"}


def fold_name(text: str) -> str:
    """A name as compared: accents, case, punctuation and leading titles removed."""
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[^\W_]+", plain)
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def written_handle(text: str) -> str | None:
    """`@alice` -> `alice` (a reviewer or author written by their forge handle), else None."""
    text = str(text).strip()
    return text[1:] if text.startswith("@") and HANDLE.match(text[1:]) else None


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

    def is_written(self, text: str) -> bool:
        """`text` names this member: their `@handle`, or their name however it is written."""
        handle = written_handle(text)
        if handle is not None:
            return bool(self.forge) and handle.casefold() == str(self.forge).casefold()
        return fold_name(text) == fold_name(self.nom)


@dataclass(frozen=True)
class Maintainer:
    """A technical maintainer: owns the code, the build and CI in CODEOWNERS."""
    nom: str
    forge: str


def find_member(members: list[Member], written: str) -> Member | None:
    return next((m for m in members if m.is_written(written)), None)


def same_person(member: Member, written: str) -> bool:
    """`written` (an author, a proposer's handle…) is this member."""
    return member.is_written(written) or (bool(member.forge) and str(written).strip().casefold()
                                          == str(member.forge).casefold())


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


def maintainers_from(data) -> list[Maintainer]:
    entries = data.get("mainteneurs") if isinstance(data, dict) else None
    return [Maintainer(str(e.get("nom", "")), str(e["forge"])) for e in entries if isinstance(e, dict)
            and isinstance(e.get("forge"), str)] if isinstance(entries, list) else []


def load_members(path: Path = COMMITTEE_FILE) -> list[Member]:
    return members_from(load_yaml_file(path)) if Path(path).is_file() else []


def load_maintainers(path: Path = COMMITTEE_FILE) -> list[Maintainer]:
    return maintainers_from(load_yaml_file(path)) if Path(path).is_file() else []


@lru_cache(maxsize=4)
def _members_cached(path: str, mtime: int) -> tuple[Member, ...]:
    return tuple(load_members(Path(path)))


def display_names(written: list, path: Path | None = None) -> list[str]:
    """« Relu par » as readers see it: each reviewer by the committee's own name for them."""
    path = path or COMMITTEE_FILE
    try:
        stat = Path(path).stat()
        members = list(_members_cached(str(path), stat.st_mtime_ns))
    except (OSError, ValueError, TypeError):
        members = []
    names = []
    for text in written or []:
        member = find_member(members, str(text))
        names.append(member.nom if member else str(text))
    return names


def sitting(members: list[Member], day: date) -> list[Member]:
    return [m for m in members if m.sits_on(day)]


# --- CODEOWNERS -------------------------------------------------------------------------------

HEADER = """\
# Fichier produit par scripts/codeowners.py à partir de data/comite.yml : ne le modifiez pas à la main.
# Le comité éditorial possède le contenu (docs/, data/) ; les mainteneurs techniques possèdent le code,
# la construction, l'intégration continue et ce fichier. Une proposition qui touche à leurs fichiers
# leur demande une relecture (avec la protection de la branche main, voir CONTRIBUTING.md,
# « Pour l'équipe technique »).
"""


class HandleError(ValueError):
    """A forge handle cannot be written into CODEOWNERS (message in French)."""


def _handles(people) -> list[str]:
    """The handles for CODEOWNERS, each checked whole: a line break or a space in one would start
    a new CODEOWNERS rule and drop the other owners of the line."""
    for person in people:
        if person.forge is not None and not (isinstance(person.forge, str) and HANDLE.match(person.forge)):
            raise HandleError(f"data/comite.yml : l'identifiant de forge de « {person.nom} » ({person.forge!r}) "
                              "n'est pas un identifiant (lettres, chiffres, « . », « _ », « - », sans espace ni "
                              "retour à la ligne) ; lancez « python scripts/lint.py data/comite.yml »")
    return sorted({f"@{p.forge}" for p in people if p.forge}, key=str.lower)


def codeowners(members: list[Member], day: date, forge: str, maintainers: list[Maintainer] | None = None) -> str:
    """The CODEOWNERS text for `github` or `gitlab` (GitLab: one named section per group, each
    needing its own approval)."""
    committee = _handles(sitting(members, day))
    technical = _handles(maintainers or [])
    lines = [HEADER]
    if not committee:
        lines.append("# Le comité éditorial n'a encore aucun membre avec un identifiant de forge dans data/comite.yml :\n"
                     "# aucune approbation n'est exigée pour le contenu.\n")
    if not technical:
        lines.append("# Aucun mainteneur technique dans data/comite.yml (« mainteneurs ») :\n"
                     "# aucune approbation n'est exigée pour le code.\n")
    groups = [("Comité éditorial", committee, OWNED_PATHS), ("Équipe technique", technical, TECHNICAL_PATHS)]
    for title, handles, paths in groups:
        if not handles:
            continue
        lines.append(f"\n[{title}]\n" if forge == "gitlab" else f"\n# {title}\n")
        lines += [f"{path} {' '.join(handles)}\n" for path in paths]
        if forge == "gitlab":  # a section of its own: both approvals are needed
            lines += [f"{path} {' '.join(handles)}\n" for path in SHARED_PATHS]
    if forge != "gitlab" and (committee or technical):
        lines += [f"{path} {' '.join(committee + technical)}\n" for path in SHARED_PATHS]
    return "".join(lines)


def empty_notice(members: list[Member], maintainers: list[Maintainer], day: date) -> list[str]:
    """French lines for the build while nobody's approval is required for a part of the project."""
    notes = []
    if not _handles(sitting(members, day)):
        notes.append("le comité éditorial (data/comite.yml) n'a encore aucun membre : aucune approbation n'est "
                     "exigée pour le contenu, et aucune page ne peut être marquée « relue »")
    if not _handles(maintainers):
        notes.append("aucun mainteneur technique dans data/comite.yml (« mainteneurs ») : aucune approbation n'est "
                     "exigée pour le code, la construction ni l'intégration continue")
    return notes


CODEOWNERS_FILES = {"github": Path(".github") / "CODEOWNERS", "gitlab": Path(".gitlab") / "CODEOWNERS"}
