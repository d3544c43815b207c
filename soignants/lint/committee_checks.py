"""data/comite.yml: valid against its schema, each member once (by name and by forge handle), terms
in order."""

from datetime import date
from pathlib import Path

from ..model.committee import fold_name
from .data_checks import load_data_file
from .project import Context
from .report import Problem


def check_committee(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "comite")
    problems = loaded.problems
    if loaded.data is None:
        return problems
    members = loaded.data.get("membres") if isinstance(loaded.data.get("membres"), list) else []
    seen: dict[str, int] = {}
    handles: dict[str, int] = {}
    for index, member in enumerate(members):
        if not isinstance(member, dict):
            continue
        handle = member.get("forge")
        if isinstance(handle, str):
            line = loaded.lines.line(("membres", index, "forge"))
            if handle.casefold() in handles:
                problems.append(Problem(shown, line, "id-duplique",
                                        f"identifiant de forge « {handle} » déjà inscrit ligne {handles[handle.casefold()]} ; "
                                        "un compte est une personne : une seule entrée par membre"))
            else:
                handles[handle.casefold()] = line
        name = member.get("nom")
        if isinstance(name, str):
            key = fold_name(name)
            line = loaded.lines.line(("membres", index, "nom"))
            if key in seen:
                problems.append(Problem(shown, line, "id-duplique",
                                        f"membre « {name} » déjà inscrit ligne {seen[key]} ; une personne n'a qu'une "
                                        "entrée (pour un nouveau mandat, changez « jusqu_au » de la première)"))
            else:
                seen[key] = line
        try:
            start = date.fromisoformat(member.get("depuis", ""))
            end = date.fromisoformat(member["jusqu_au"]) if member.get("jusqu_au") else None
        except (TypeError, ValueError):
            continue  # reported by the schema
        if end is not None and end < start:
            problems.append(Problem(shown, loaded.lines.line(("membres", index, "jusqu_au")), "date-invalide",
                                    f"membre « {name} » : « jusqu_au » ({end.isoformat()}) est avant « depuis » "
                                    f"({start.isoformat()}) ; corrigez l'une des deux dates"))
        if start > ctx.project.today:
            problems.append(Problem(shown, loaded.lines.line(("membres", index, "depuis")), "date-invalide",
                                    f"membre « {name} » : « depuis » ({start.isoformat()}) est dans le futur ; "
                                    "inscrivez le membre le jour où il entre au comité"))
    return problems
