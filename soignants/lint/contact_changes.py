"""A help contact whose number, hours or who-answers changes is checked again, in the same proposal.

Compared with the proposal's base (as `historique-manquant` compares a fiche): for each contact
of data/aide.yml that the base already had, a change of `telephone`, `horaires` or `repondant`
needs a new `verifie_le` and a new `source` (the page that gives the new information, with its
title): a number is the most guarded data of the site, and the reader trusts the date shown next
to it. Without git (or outside a proposal), nothing is compared.
"""

from __future__ import annotations

from ..model.yamlfile import load_yaml_text
from .project import Context
from .report import Problem

WATCHED = {"telephone": "le numéro", "horaires": "les horaires", "repondant": "qui répond"}


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else "—"


def contact_change_problems(ctx: Context, data: dict, lines, shown: str) -> list[Problem]:
    changes = ctx.changes
    if not changes.known or not changes.touches(shown):
        return []
    before_text = changes.before(shown)
    try:
        before = load_yaml_text(before_text) if before_text is not None else None
    except Exception:  # noqa: BLE001 - an unreadable base: nothing to compare with
        return []
    if not isinstance(before, dict) or not isinstance(before.get("structures"), list):
        return []
    old_entries = {str(e["id"]): e for e in before["structures"] if isinstance(e, dict) and "id" in e}
    entries = data.get("structures") if isinstance(data.get("structures"), list) else []
    problems = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or str(entry.get("id")) not in old_entries:
            continue
        old = old_entries[str(entry["id"])]
        changed = [field for field in WATCHED if _text(old.get(field)) != _text(entry.get(field))]
        if not changed:
            continue
        stale = []
        if _text(old.get("verifie_le")) == _text(entry.get("verifie_le")):
            stale.append("« verifie_le »")
        if old.get("source") == entry.get("source"):
            stale.append("« source »")
        if not stale:
            continue
        what = " ; ".join(f"{WATCHED[f]} : {_text(old.get(f))} → {_text(entry.get(f))}" for f in changed)
        unchanged = " et ".join(stale) + (" sont restés tels quels" if len(stale) > 1 else " est resté tel quel")
        problems.append(Problem(shown, lines.line(("structures", index, changed[0])), "contact-modifie-sans-source",
                                f"contact « {entry['id']} » : {what}, mais {unchanged} ; un contact qui change se "
                                "vérifie dans la même proposition : mettez la date du jour dans « verifie_le » et, "
                                "dans « source », la page qui donne la nouvelle information (son titre et son "
                                "adresse)"))
    return problems
