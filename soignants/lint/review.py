"""Who wrote a page, who reviewed it, when, and what changed: what the page claims is true.

- Dates: written (`redige_le`), reviewed (`relu_le`), next review (`prochaine_relecture`) and
  the `historique` entries are real dates, not in the future, in order, the next review within a
  year of the last one (or of the writing, for a draft).
- `statut: relu` needs reviewers who sat on the editorial committee (data/comite.yml) on the day
  of the sign-off (`relu_le`), none of them an author of the page. A reviewer is a member by
  identity: their `@handle`, or their name compared with titles, accents and case folded away
  (« Claire Dubois » is « Dr Claire Dubois »: writing the name differently does not make another
  person). A member added or changed by the proposal itself cannot sign off in it (the committee
  is read at the proposal's base too, as `historique-manquant` reads the page), and the account
  that opened the proposal (CI's SOIGNANTS_PROPOSANT) cannot be a reviewer of a review it adds.
- A reviewed fiche whose text changed since the proposal's base needs a new `historique` entry.
"""

from __future__ import annotations

from datetime import date
import difflib

from ..model.committee import Member, find_member, fold_name, same_person
from ..model.dates import one_year_later
from ..model.frontmatter import FRONT_MATTER
from .characters import described
from .front_matter import FrontMatter
from .project import FICHE, TEMOIGNAGE, Context
from .report import WARNING, Problem

WORD = {FICHE: ("cette fiche", "la fiche"), TEMOIGNAGE: ("ce témoignage", "le témoignage")}


def _as_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _same_name(a: str, b: str) -> bool:
    return fold_name(a) == fold_name(b)


def date_problems(front: FrontMatter, kind: str, shown: str, today: date) -> list[Problem]:
    meta, lines, problems = front.meta, front.lines, []
    written = _as_date(meta.get("redige_le"))
    reviewed = _as_date(meta.get("relu_le"))
    for key, value in (("redige_le", written), ("relu_le", reviewed)):
        if value and value > today:
            problems.append(Problem(shown, lines.line((key,)), "date-invalide",
                                    f"« {key} » vaut {value.isoformat()}, une date future ; écrivez la date réelle "
                                    f"(au plus tard {today.isoformat()})"))
    if written and reviewed and reviewed < written:
        problems.append(Problem(shown, lines.line(("relu_le",)), "date-invalide",
                                f"« relu_le » ({reviewed.isoformat()}) est avant « redige_le » ({written.isoformat()}) ; "
                                "une page se relit après avoir été écrite : corrigez l'une des deux dates"))
    history = meta.get("historique")
    for index, entry in enumerate(history if isinstance(history, list) else []):
        when = _as_date(entry.get("date")) if isinstance(entry, dict) else None
        if when and when > today:
            problems.append(Problem(shown, lines.line(("historique", index, "date")), "date-invalide",
                                    f"« historique » : la date {when.isoformat()} est dans le futur ; écrivez le jour "
                                    "réel de la modification"))
    if kind != FICHE:
        return problems
    last = reviewed if meta.get("statut") == "relu" and reviewed else written
    since = "la dernière relecture" if last is reviewed and reviewed else "la rédaction"
    label = "relu_le" if last is reviewed and reviewed else "redige_le"
    due = _as_date(meta.get("prochaine_relecture"))
    line = lines.line(("prochaine_relecture",))
    if last and due and due <= last:
        problems.append(Problem(shown, line, "date-invalide",
                                f"« prochaine_relecture » ({due.isoformat()}) n'est pas après « {label} » "
                                f"({last.isoformat()}) ; prévoyez la relecture dans l'année qui suit, par ex. "
                                f"{one_year_later(last).isoformat()}"))
    elif last and due and due > one_year_later(last):
        problems.append(Problem(shown, line, "relecture-trop-lointaine",
                                f"« prochaine_relecture » ({due.isoformat()}) est plus d'un an après {since} "
                                f"({label} : {last.isoformat()}) ; une fiche se relit au moins une fois par an : "
                                f"écrivez au plus tard {one_year_later(last).isoformat()}", WARNING))
    if due and due < today:
        days = (today - due).days
        problems.append(Problem(shown, line, "relecture-depassee",
                                f"la relecture de cette fiche était prévue le {due.isoformat()} (il y a {days} jour"
                                f"{'s' if days > 1 else ''}) ; faites-la relire par le comité, puis mettez à jour "
                                "« relu_le », « relecteurs » et « prochaine_relecture »", WARNING))
    return problems


def committee_problems(front: FrontMatter, kind: str, shown: str, ctx: Context) -> list[Problem]:
    meta, lines = front.meta, front.lines
    if meta.get("statut") != "relu":
        return []
    members: list[Member] | None = ctx.committee
    reviewers = meta.get("relecteurs")
    if members is None or not isinstance(reviewers, list):
        return []  # an unreadable committee is reported on data/comite.yml; a wrong list by the schema
    this, _ = WORD.get(kind, WORD[FICHE])
    day = _as_date(meta.get("relu_le")) or ctx.project.today
    authors = [a for a in meta.get("auteurs", []) if isinstance(a, str)] \
        if isinstance(meta.get("auteurs"), list) else []
    problems = []
    if not members:
        return [Problem(shown, lines.line(("statut",)), "relecteur-inconnu",
                        f"« statut: relu » mais le comité éditorial (data/comite.yml) n'a encore aucun membre : "
                        f"seule la relecture d'un membre du comité permet de marquer {this} relu ; laissez "
                        "« statut: brouillon » (voir CONTRIBUTING.md, « La relecture »)")]
    for index, name in enumerate(reviewers):
        if not isinstance(name, str):
            continue
        line = lines.line(("relecteurs", index))
        member = find_member(members, name)
        if member is None:
            sitting = [m.nom for m in members if m.sits_on(day)]
            close = difflib.get_close_matches(name, [m.nom for m in members], n=1, cutoff=0.6)
            hint = f" ; vouliez-vous écrire « {close[0]} » ?{described(name)}" if close else described(name)
            problems.append(Problem(shown, line, "relecteur-inconnu",
                                    f"« {name} » n'est pas membre du comité éditorial (data/comite.yml){hint} ; "
                                    f"seul un membre peut relire {this} (membres le {day.isoformat()} : "
                                    f"{', '.join(sitting) or 'aucun'})"))
        elif not member.sits_on(day):
            term = f"du {member.depuis}" + (f" au {member.jusqu_au}" if member.jusqu_au else "")
            problems.append(Problem(shown, line, "relecteur-inconnu",
                                    f"« {member.nom} » n'était pas membre du comité le {day.isoformat()} (« relu_le ») "
                                    f"mais {term} ; vérifiez « relu_le », ou demandez la relecture à un membre actuel"))
        elif any(same_person(member, author) for author in authors):
            problems.append(Problem(shown, line, "relecteur-auteur",
                                    f"« {member.nom} » est aussi dans « auteurs » : on ne relit pas ce qu'on a écrit ; "
                                    "demandez la relecture à un autre membre du comité, ou retirez ce nom de "
                                    "« relecteurs »"))
    return problems


def _review_of(meta) -> tuple:
    return (meta.get("statut"), str(meta.get("relu_le")), tuple(str(r) for r in meta.get("relecteurs") or []))


def identity_problems(front: FrontMatter, kind: str, shown: str, ctx: Context, relative: str | None) -> list[Problem]:
    """Against the proposal's base: a reviewer added to the committee (or whose entry changed) in
    this very proposal, or the proposer signing off a review the proposal adds."""
    meta, lines = front.meta, front.lines
    reviewers = meta.get("relecteurs")
    if meta.get("statut") != "relu" or not isinstance(reviewers, list) or not ctx.committee:
        return []
    day = _as_date(meta.get("relu_le")) or ctx.project.today
    base = ctx.base_committee
    proposer = ctx.proposer
    review_is_new = True
    if proposer and relative is not None and ctx.changes.known:
        before_text = ctx.changes.before(relative)
        if before_text is not None and not ctx.changes.touches(relative):
            review_is_new = False
        elif before_text is not None:
            try:
                from ..model.frontmatter import split_front_matter
                review_is_new = _review_of(split_front_matter(before_text.replace("\r\n", "\n")).meta) != _review_of(meta)
            except Exception:  # noqa: BLE001 - an unreadable old version: the review counts as new
                review_is_new = True
    problems = []
    for index, name in enumerate(reviewers):
        if not isinstance(name, str):
            continue
        member = find_member(ctx.committee, name)
        if member is None or not member.sits_on(day):
            continue  # told by committee_problems
        line = lines.line(("relecteurs", index))
        if base is not None:
            before = find_member(base, member.forge and f"@{member.forge}" or name)
            if before is None or not before.sits_on(day) or fold_name(before.nom) != fold_name(member.nom):
                problems.append(Problem(shown, line, "relecteur-nouveau-membre",
                                        f"« {member.nom} » est inscrit ou modifié dans data/comite.yml par cette même "
                                        "proposition : un nouveau membre ne relit qu'une fois son inscription fusionnée "
                                        "dans main ; proposez d'abord l'inscription seule, puis la relecture"))
                continue
        if proposer and review_is_new and same_person(member, proposer):
            problems.append(Problem(shown, line, "relecteur-proposant",
                                    f"« {member.nom} » (@{member.forge}) a ouvert cette proposition : on ne relit pas sa "
                                    "propre proposition ; demandez la relecture à un autre membre du comité, qui "
                                    "l'approuvera sur la forge"))
    return problems


def _body(text: str) -> str:
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    return "\n".join(line.rstrip() for line in body.strip().splitlines())


def history_problems(front: FrontMatter, kind: str, shown: str, ctx: Context, relative: str | None,
                     text: str) -> list[Problem]:
    """A reviewed fiche whose text changed since the base has a new `historique` entry."""
    if kind != FICHE or relative is None:
        return []
    changes = ctx.changes
    if not changes.known or not changes.touches(relative):
        return []
    before_text = changes.before(relative)
    if before_text is None:
        return []  # a new fiche: nothing to compare with
    try:
        from ..model.frontmatter import split_front_matter
        before = split_front_matter(before_text.replace("\r\n", "\n")).meta
    except Exception:  # noqa: BLE001 - an unreadable old version: nothing to compare with
        return []
    if before.get("statut") != "relu" or _body(before_text) == _body(text):
        return []
    old = before.get("historique") if isinstance(before.get("historique"), list) else []
    new = front.meta.get("historique") if isinstance(front.meta.get("historique"), list) else []
    if any(entry not in old for entry in new):
        return []
    old_lines = before_text.replace("\r\n", "\n").split("\n")
    new_lines = text.split("\n")
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    first = next((j1 for tag, _, _, j1, _ in matcher.get_opcodes() if tag != "equal"), 0)
    line = front.lines.line(("historique",)) if front.lines.has(("historique",)) else \
        min(first + 1, len(new_lines))
    today = ctx.project.today.isoformat()
    return [Problem(shown, line, "historique-manquant",
                    f"le texte de cette fiche relue a changé (première différence ligne {first + 1}) mais « historique » "
                    "n'a pas de nouvelle entrée ; les lecteurs voient ce qui a changé : ajoutez dans l'en-tête, en "
                    f"tête de liste, « - date: {today} » puis « texte: \"ce qui a changé, en une ligne\" » "
                    "(voir CONTRIBUTING.md, « historique »)")]


def review_problems(front: FrontMatter, kind: str, shown: str, ctx: Context, relative: str | None,
                    text: str) -> list[Problem]:
    if front.meta is None or kind not in (FICHE, TEMOIGNAGE):
        return []
    return (date_problems(front, kind, shown, ctx.project.today)
            + committee_problems(front, kind, shown, ctx)
            + identity_problems(front, kind, shown, ctx, relative)
            + history_problems(front, kind, shown, ctx, relative, text))
