"""Where the content lives, what day it is, and what the data files say (read once per run).

The check runs on the real project by default; tests point it at a small project in a temporary
folder and choose the day, so that « the review date is past » does not depend on the calendar.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
import os
from pathlib import Path

from .. import DATA_DIR, DOCS_DIR, PROJECT_ROOT
from ..model.catalog import is_translation
from ..model import help_history
from ..model.committee import members_from
from ..model.frontmatter import read_page
from ..model.questionnaires import ids as questionnaire_ids
from ..model.yamlfile import load_yaml_text
from .changes import find_changes
from .report import display_path

FICHE = "fiche"
TEMOIGNAGE = "temoignage"
PAGE = "page"


@dataclass(frozen=True)
class Project:
    root: Path = PROJECT_ROOT
    docs_dir: Path = DOCS_DIR
    aide_file: Path = DATA_DIR / "aide.yml"
    bib_file: Path = DATA_DIR / "bibliographie.yml"
    today: date = field(default_factory=date.today)
    questionnaires_dir: Path = DATA_DIR / "questionnaires"
    comite_file: Path = DATA_DIR / "comite.yml"
    #: report staleness warnings (stale contacts, reviews due) for every file, not only the changed
    #: ones (`--tout`, the scheduled job)
    tout: bool = False
    #: the git revision a proposal is compared with (None: found from the branch, see changes.py)
    base: str | None = None
    distress_file: Path = DATA_DIR / "recherche-detresse.yml"
    #: the must-trigger corpus of the distress search (no exception may swallow one of its queries)
    distress_core_file: Path = DATA_DIR / "recherche-detresse-socle.yml"
    #: regional editions (editions/CODE.yml and editions/CODE/: soignants/lint/edition_checks.py)
    editions_dir: Path = PROJECT_ROOT / "editions"
    departements_file: Path = DATA_DIR / "departements.yml"

    @property
    def is_default(self) -> bool:
        """True for this repository's own content (what the build's code reads by default)."""
        default = Project()
        return all(Path(a).resolve() == Path(b).resolve() for a, b in (
            (self.docs_dir, default.docs_dir), (self.aide_file, default.aide_file), (self.bib_file, default.bib_file),
            (self.questionnaires_dir, default.questionnaires_dir), (self.comite_file, default.comite_file),
            (self.distress_file, default.distress_file), (self.distress_core_file, default.distress_core_file)))

    @classmethod
    def at(cls, root: Path, today: date | None = None, **options) -> "Project":
        """A project laid out like ours (docs/, data/aide.yml, data/bibliographie.yml,
        data/questionnaires/, data/recherche-detresse.yml) under `root`."""
        root = Path(root)
        return cls(root=root, docs_dir=root / "docs", aide_file=root / "data" / "aide.yml",
                   bib_file=root / "data" / "bibliographie.yml", today=today or date.today(),
                   questionnaires_dir=root / "data" / "questionnaires", comite_file=root / "data" / "comite.yml",
                   distress_file=root / "data" / "recherche-detresse.yml",
                   distress_core_file=root / "data" / "recherche-detresse-socle.yml", editions_dir=root / "editions",
                   departements_file=root / "data" / "departements.yml", **options)


def page_kind(project: Project, path: Path) -> str:
    """`fiche` for docs/fiches/*/*.md, `temoignage` for docs/temoignages/*.md, else `page`."""
    try:
        parts = Path(path).resolve().relative_to(project.docs_dir.resolve()).parts
    except ValueError:
        return PAGE
    name = parts[-1]
    if name.startswith("index.") or is_translation(Path(name)) or not name.endswith(".md"):
        return PAGE
    if len(parts) == 3 and parts[0] == "fiches":
        return FICHE
    if len(parts) == 2 and parts[0] == "temoignages":
        return TEMOIGNAGE
    return PAGE


HELP_FOLDER = "aide"  # docs/aide/: the help pages, always in the readers' search


def page_schema(project: Project, path: Path) -> tuple[str | None, bool]:
    """The schema of a page's front matter (soignants/model/schemas/), and whether the page is the
    English edition of a fiche or a testimony (then its fields are checked, none is required).
    Every page under docs/ has one: fiche, temoignage, or page for all the others (home, index
    pages, help pages, bibliography and « À propos » pages, English pages)."""
    try:
        parts = Path(path).resolve().relative_to(project.docs_dir.resolve()).parts
    except ValueError:
        return None, False
    kind = page_kind(project, path)
    if kind in (FICHE, TEMOIGNAGE):
        return kind, False
    name = parts[-1]
    if is_translation(Path(name)) and not name.startswith("index."):
        if len(parts) == 3 and parts[0] == "fiches":
            return FICHE, True
        if len(parts) == 2 and parts[0] == "temoignages":
            return TEMOIGNAGE, True
    return PAGE, False


def is_help_page(project: Project, path: Path) -> bool:
    """A page of docs/aide/ (French or English)."""
    try:
        parts = Path(path).resolve().relative_to(project.docs_dir.resolve()).parts
    except ValueError:
        return False
    return len(parts) >= 2 and parts[0] == HELP_FOLDER


def _load_quietly(path: Path):
    """The data of a YAML file, or None if it is unreadable (its own check reports why)."""
    try:
        data = load_yaml_text(Path(path).read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - any failure here is reported by the file's own check
        return None
    return data if isinstance(data, dict) else None


class Context:
    """One run of the check: the project plus what is read once and shared by all files."""

    def __init__(self, project: Project):
        self.project = project
        self._anchors: dict[Path, set | None] = {}

    def shown(self, path: Path) -> str:
        return display_path(path, self.project.root)

    def docs_relative(self, path: Path) -> str | None:
        """`fiches/soignant/x.md` for a file under docs/, else None."""
        try:
            return Path(path).resolve().relative_to(self.project.docs_dir.resolve()).as_posix()
        except ValueError:
            return None

    @cached_property
    def help_ids(self) -> set[str] | None:
        """Ids of data/aide.yml, or None when the file cannot be read."""
        data = _load_quietly(self.project.aide_file)
        if data is None or not isinstance(data.get("structures"), list):
            return None
        return {str(e["id"]) for e in data["structures"] if isinstance(e, dict) and "id" in e}

    @cached_property
    def help_entries(self) -> list:
        """The contacts of data/aide.yml ([] when it cannot be read)."""
        data = _load_quietly(self.project.aide_file)
        entries = data.get("structures") if data else None
        return entries if isinstance(entries, list) else []

    @cached_property
    def past_help_entries(self) -> list:
        """Every number data/aide.yml held in its git history ([] without git)."""
        return help_history.past_entries(self.project.root, display_path(self.project.aide_file, self.project.root))

    @cached_property
    def known_numbers(self) -> dict | None:
        """Normalised help number -> its contact (soignants.lint.phone_numbers.Known), today's first;
        None while data/aide.yml cannot be read: its own error comes first, and the number rules
        wait for it (no false « ancien numéro », no « ajoutez-le à data/aide.yml »)."""
        from .phone_numbers import known_numbers
        if self.help_ids is None:
            return None
        return known_numbers(self.help_entries, self.past_help_entries)

    @cached_property
    def committee(self) -> list | None:
        """Members of data/comite.yml (soignants.model.committee.Member), or None when it cannot be read."""
        data = _load_quietly(self.project.comite_file)
        if data is None or not isinstance(data.get("membres"), list):
            return None
        return members_from(data)

    @cached_property
    def base_committee(self) -> list | None:
        """The committee as the proposal's base has it, when the proposal changes data/comite.yml:
        a member added or changed by the proposal cannot sign off in it. None when the file is
        unchanged (or without git: nothing to compare with); [] when it is new."""
        relative = display_path(self.project.comite_file, self.project.root)
        if not self.changes.known or not self.changes.touches(relative):
            return None
        before = self.changes.before(relative)
        try:
            data = load_yaml_text(before) if before is not None else None
        except Exception:  # noqa: BLE001 - an unreadable base: no one was a member there
            data = None
        return members_from(data) if isinstance(data, dict) else []

    @property
    def proposer(self) -> str | None:
        """The forge account that opened the proposal, as CI gives it (SOIGNANTS_PROPOSANT), or None."""
        handle = os.environ.get("SOIGNANTS_PROPOSANT", "").strip().lstrip("@")
        return handle or None

    @cached_property
    def distress_data(self) -> dict | None:
        """data/recherche-detresse.yml, or None when it cannot be read."""
        return _load_quietly(self.project.distress_file)

    @cached_property
    def distress_core(self) -> dict | None:
        """data/recherche-detresse-socle.yml, or None when it cannot be read."""
        return _load_quietly(self.project.distress_core_file)

    @cached_property
    def changes(self):
        """What this proposal changes (soignants.lint.changes.Changes), found once per run."""
        return find_changes(self.project.root, self.project.base)

    @cached_property
    def _bibliography(self) -> dict | None:
        return _load_quietly(self.project.bib_file)

    @cached_property
    def references(self) -> dict[str, dict] | None:
        """Bibliography references by key, or None when the file cannot be read."""
        data = self._bibliography
        if data is None or not isinstance(data.get("references"), list):
            return None
        return {str(r["id"]): r for r in data["references"] if isinstance(r, dict) and "id" in r}

    @cached_property
    def themes(self) -> set[str] | None:
        data = self._bibliography
        if data is None or not isinstance(data.get("themes"), list):
            return None
        return {str(t["id"]) for t in data["themes"] if isinstance(t, dict) and "id" in t}

    @cached_property
    def questionnaire_ids(self) -> list[str]:
        """The questionnaires of data/questionnaires/ (file names without .yml)."""
        return questionnaire_ids(self.project.questionnaires_dir)

    def is_questionnaire(self, path: Path) -> bool:
        """A YAML file directly in data/questionnaires/."""
        folder = self.project.questionnaires_dir.resolve()
        return Path(path).resolve().parent == folder and Path(path).suffix == ".yml"

    @cached_property
    def markdown_files(self) -> list[str]:
        """Every page under docs/, as paths from docs/ (for « did you mean » suggestions)."""
        docs = self.project.docs_dir
        if not docs.is_dir():
            return []
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                      if not any(part.startswith(".") for part in p.relative_to(docs).parts))

    @cached_property
    def transcribed_audio(self) -> set[str]:
        """Names of the sound files that a testimony gives with its transcript (`audio`)."""
        names = set()
        for page in sorted((self.project.docs_dir / "temoignages").glob("*.md")):
            try:
                meta = read_page(page).meta
            except Exception:  # noqa: BLE001 - the page's own check says why it cannot be read
                continue
            audio = meta.get("audio")
            if isinstance(audio, dict) and audio.get("transcription") and isinstance(audio.get("fichier"), str):
                names.add(Path(audio["fichier"]).name)
        return names

    def anchors(self, path: Path, compute) -> set | None:
        """Anchors of a page, computed once per run by `compute(path)`."""
        key = Path(path).resolve()
        if key not in self._anchors:
            self._anchors[key] = compute(key)
        return self._anchors[key]
