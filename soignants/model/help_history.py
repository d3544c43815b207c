"""The history of data/aide.yml, read from git: every change of a help contact, without anyone
writing it down.

Each commit of the main line (first parents) that touched the file is a version; two versions in
a row, compared contact by
contact (by `id`), give what changed for a reader: a number, the hours, who answers, a contact
withdrawn (removed, or moved to `statut: historique`) or added. « Quoi de neuf » and the Atom feed
list these changes, dated by their commit (soignants/render/news.py); the content check refuses a
number that the file held in the past, typed by hand (soignants/lint/phone_numbers.py).

Read with two git processes whatever the number of versions (`git log`, then one
`git cat-file --batch` for every version's text), and kept for the process while HEAD does not
move. Without git, or in a shallow clone (CI's default depth), the history is missing or cut
short: `history_notice()` says so, in French, for the build to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
import subprocess

import yaml

AIDE = "data/aide.yml"
WATCHED = ("telephone", "horaires", "repondant")


@dataclass(frozen=True)
class Change:
    day: str           # AAAA-MM-JJ, the commit's date
    id: str
    name: str
    field: str         # "telephone", "horaires", "repondant", "retrait", "ajout"
    before: str | None
    after: str | None


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _head(root: Path) -> str | None:
    out = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    return out.decode().strip() if out else None


def _load(text: bytes):
    try:
        data = yaml.load(text.decode("utf-8", errors="replace"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _batch(root: Path, specs: list[str]) -> list[bytes | None]:
    """The contents of `commit:path` objects, in order (None for a missing one), from one process."""
    out = _git(root, "cat-file", "--batch", data="".join(f"{s}\n" for s in specs).encode())
    if out is None:
        return [None] * len(specs)
    contents, position = [], 0
    for _ in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            contents.append(out[position:position + size])
            position += size + 1
        else:
            contents.append(None)
    return contents


@lru_cache(maxsize=8)
def _versions(root: str, relative: str, head: str) -> tuple:
    """((day, contacts by id), …) oldest first, for each commit that touched `relative`."""
    # --first-parent: the history of the main line (a merge is one step, compared with what main
    # had before it), not the interleaved commits of parallel branches.
    log = _git(Path(root), "log", "--first-parent", "--reverse", "--format=%H %cs", "--", relative)
    if not log:
        return ()
    commits = [line.split() for line in log.decode().splitlines() if line.strip()]
    texts = _batch(Path(root), [f"{commit}:./{relative}" for commit, _ in commits])  # ./: from `root`
    versions = []
    for (_, day), text in zip(commits, texts):
        data = _load(text) if text is not None else {}
        if data is None:
            continue  # a version that did not parse (fixed by the next commit): nothing to read
        entries = data.get("structures") if isinstance(data.get("structures"), list) else []
        contacts = {str(e["id"]): e for e in entries if isinstance(e, dict) and "id" in e}
        versions.append((day, contacts))
    return tuple(versions)


def versions(root, relative: str = AIDE) -> tuple:
    root = Path(root)
    head = _head(root)
    return _versions(str(root.resolve()), relative, head) if head else ()


def _text(value) -> str | None:
    return None if value is None else " ".join(str(value).split())


def _changes_between(day: str, before: dict, after: dict) -> list[Change]:
    found = []
    for contact_id, old in before.items():
        name = _text(old.get("nom")) or contact_id
        new = after.get(contact_id)
        if new is None:
            found.append(Change(day, contact_id, name, "retrait", _text(old.get("telephone")), None))
            continue
        if old.get("statut") == "actif" and new.get("statut") not in (None, "actif"):
            found.append(Change(day, contact_id, _text(new.get("nom")) or name, "retrait",
                                _text(old.get("telephone")), None))
            continue
        for field in WATCHED:
            before_value, after_value = _text(old.get(field)), _text(new.get(field))
            if before_value is None and field != "telephone":
                continue  # a field written for the first time: the data grew, nothing changed for readers
            if before_value != after_value:
                found.append(Change(day, contact_id, _text(new.get("nom")) or name, field,
                                    _text(old.get(field)), _text(new.get(field))))
    for contact_id, new in after.items():
        if contact_id not in before and new.get("statut", "actif") == "actif":
            found.append(Change(day, contact_id, _text(new.get("nom")) or contact_id, "ajout", None,
                                _text(new.get("telephone"))))
    return found


def contact_changes(root, relative: str = AIDE) -> list[Change]:
    """Every change of a contact in the file's committed history, newest first (the file's first
    version is where the history starts, not a change)."""
    history = versions(root, relative)
    found = []
    for (_, before), (day, after) in reversed(list(zip(history, history[1:]))):
        found += _changes_between(day, before, after)  # newest version first, the file's order within one
    return found


def past_entries(root, relative: str = AIDE) -> list[dict]:
    """Every contact's number as the file's history held it ({id, nom, telephone}), oldest first."""
    seen, entries = set(), []
    for _, contacts in versions(root, relative):
        for contact_id, entry in contacts.items():
            number = entry.get("telephone")
            if isinstance(number, str) and (contact_id, number) not in seen:
                seen.add((contact_id, number))
                entries.append({"id": contact_id, "nom": entry.get("nom", contact_id), "telephone": number})
    return entries


def history_notice(root, relative: str = AIDE) -> str | None:
    """A French line when the history cannot be read whole, else None."""
    root = Path(root)
    if _head(root) is None:
        return ("pas d'historique git ici : « Quoi de neuf » et le flux ne peuvent pas lister les changements "
                "des contacts d'aide (numéros, horaires), ni le contrôle reconnaître un ancien numéro ; construisez "
                "depuis un clone du dépôt")
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow and shallow.decode().strip() == "true":
        return ("historique git incomplet (clone superficiel) : « Quoi de neuf » et le flux ne montrent que les "
                f"changements des contacts d'aide de cet historique ; en intégration continue, clonez tout "
                f"l'historique (GitHub : fetch-depth: 0 ; GitLab : GIT_DEPTH: \"0\") ({relative})")
    return None
