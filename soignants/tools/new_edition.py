"""Create a regional edition, ready to fill in (`make edition CODE=bretagne NOM="…" REGION=53`).

Writes editions/CODE.yml (a draft awaiting its URPS: `brouillon: true`, every unknown value
« à compléter par l'URPS », the site's own colours, which pass the contrast check) and
editions/CODE/docs/region/index.md (the region's page, with a line to complete), then prints,
in French, what is left to do. The content check (`make lint`) says the same, file by file and
line by line; the edition builds at once (`make build EDITION=CODE`), as a draft.

What it never does: guess a phone number, an address or a name. The regional help lines of
data/aide.yml that serve the region are listed as candidates; choosing them (or writing
`pas_de_ligne_regionale: true`) is the editor's decision, and the check refuses the edition
until it is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import json
import re

from .. import PROJECT_ROOT
from ..model import help_data, regional, schemas
from ..model.yamlfile import load_yaml_text

COLOURS = {"principale": "#1d5c57", "principale_sombre": "#173f3c", "liens": "#16615b", "liens_sombre": "#8fd6cd"}


class EditionScaffoldError(ValueError):
    """The edition cannot be created; the message says why, in French."""


@dataclass(frozen=True)
class CreatedEdition:
    code: str
    file: Path
    page: Path
    region_names: tuple
    candidates: list  # (id, nom) of active regional lines with a number serving the region


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def region_codes(value: str, departements: dict) -> list[str]:
    """« 53 », « 53,84 » or « 53 84 » as region codes; a département's code or a region's name
    is told apart and answered in French."""
    names = regional.regions_by_code(departements)
    codes = [c for c in re.split(r"[\s,;]+", value.strip()) if c]
    if not codes:
        raise EditionScaffoldError("donnez la ou les régions servies par leur code INSEE (ex. REGION=53 pour la "
                                   "Bretagne) ; codes : " + ", ".join(f"{c} {n}" for c, n in names.items()))
    by_name = {n.lower(): c for c, n in names.items()}
    for code in codes:
        if code not in names:
            hint = f" (la région « {code} » a le code {by_name[code.lower()]})" if code.lower() in by_name else ""
            raise EditionScaffoldError(f"« {code} » n'est pas un code de région{hint} ; codes possibles "
                                       "(data/departements.yml) : " + ", ".join(f"{c} {n}" for c, n in names.items()))
    return list(dict.fromkeys(codes))


def menu_title(region_names: tuple) -> str:
    """« En Bretagne », « À La Réunion »; « Dans la région » when that would not fit the tab."""
    if len(region_names) != 1:
        return "Dans la région"
    name = region_names[0]
    title = f"À {name}" if name.startswith("La ") else f"En {name}"
    return title if len(title) <= 30 else "Dans la région"


def render_file(code: str, name: str, codes: list[str], region_names: tuple, candidates: list) -> str:
    label = " et ".join(region_names)
    lines = [
        f"# Édition régionale « {label} » du site (modèle : soignants/model/schemas/edition.schema.json).",
        f"# Construite par « make build EDITION={code} » dans site-{code}/ ; servie par « make serve EDITION={code} ».",
        "# Créée par « make edition » : un brouillon en attente de l'URPS. « make lint » dit ce qui reste à compléter.",
        f"code: {code}",
        f"nom_site: {_quoted(('Soigner les soignants — ' + label)[:80])}",
        "# Codes INSEE des régions servies (data/departements.yml).",
        "regions: [" + ", ".join(_quoted(c) for c in codes) + "]",
        "hebergeur:",
        f"  nom: {_quoted(name)}",
        f"  adresse: {_quoted(regional.TO_COMPLETE)}",
        "# L'adresse publique exacte du site, qui finit par « / » (ex. https://soignants.exemple.fr/).",
        f"site_url: {_quoted(regional.TO_COMPLETE)}",
        f"# Un fichier image (PNG, JPEG, WebP ou SVG) placé dans editions/{code}/, ex. logo: logo.png",
        f"logo: {_quoted(regional.TO_COMPLETE)}",
        "# Les couleurs du site : remplacez-les par les vôtres ; le contrôle vérifie leur contraste (4,5:1 au moins).",
        "couleurs:",
        *[f"  {key}: {_quoted(value)}" for key, value in COLOURS.items()],
        "# Où les lecteurs signalent une erreur : l'adresse du dépôt (GitHub ou GitLab) et/ou un courriel.",
        "signalement:",
        '  forge: ""',
        '  courriel: ""',
        "langues: [fr]",
        "brouillon: true",
        f"menu: {_quoted(menu_title(region_names))}",
        "# Les lignes d'aide de la région à montrer dans le bandeau (identifiants de data/aide.yml), par exemple :",
    ]
    if candidates:
        lines += [f"#   {line_id} : {nom}" for line_id, nom in candidates]
        lines.append("# lignes_regionales: [" + ", ".join(i for i, _ in candidates) + "]")
    else:
        lines.append("#   (data/aide.yml n'a encore aucune ligne avec un numéro pour cette région)")
    lines.append("# ou, si la région n'en a aucune :")
    lines.append("# pas_de_ligne_regionale: true")
    return "\n".join(lines) + "\n"


def render_page(name: str, region_names: tuple) -> str:
    label = " et ".join(region_names)
    title = f"L'aide aux médecins : {label}"
    return (
        "---\n"
        f"title: {_quoted(title)}\n"
        f"description: {_quoted('Les structures et les référents qui aident les médecins en difficulté : ' + label + '.')}\n"
        "---\n\n"
        f"# {title}\n\n"
        "En cas d'urgence ou d'idées suicidaires, les lignes nationales du bandeau, en haut de chaque page, répondent\n"
        "jour et nuit. Toutes les lignes d'aide sont sur la page [Trouver de l'aide](../aide/index.md).\n\n"
        "## Les structures de la région\n\n"
        "À compléter par l'URPS : qui aide les médecins dans la région (chaque ligne d'aide s'écrit avec son marqueur,\n"
        "tiré de data/aide.yml : voir le guide des contributeurs).\n\n"
        "## Les référents de la région\n\n"
        "À compléter par l'URPS : les médecins référents, département par département, avec leur accord.\n"
    )


def create_edition(code: str, name: str, regions: str, root: Path = PROJECT_ROOT) -> CreatedEdition:
    root = Path(root)
    if not regional.CODE.match(code or ""):
        raise EditionScaffoldError(f"CODE={code!r} : écrivez un code en minuscules sans accent, avec chiffres et "
                                   "tirets, de 2 à 31 caractères (ex. CODE=bretagne)")
    name = " ".join((name or "").split())
    if not 3 <= len(name) <= 160:
        raise EditionScaffoldError("NOM : donnez le nom de l'organisation qui publie l'édition, de 3 à 160 "
                                   "caractères (ex. NOM=\"URPS Médecins libéraux de Bretagne\")")
    file = regional.edition_file(code, root)
    folder = regional.editions_dir(root) / code
    if file.exists() or folder.exists():
        raise EditionScaffoldError(f"l'édition « {code} » existe déjà (editions/{code}.yml ou editions/{code}/) : "
                                   "rien n'a été écrit ; choisissez un autre code ou complétez celle-là")
    departements = regional.departements_data(root / "data" / "departements.yml")
    codes = region_codes(regions, departements)
    names = regional.regions_by_code(departements)
    region_names = tuple(names[c] for c in codes)
    deps = frozenset(d["code"] for d in departements["departements"] if d["region"] in region_names)
    scope = regional.Edition(code, {}, folder, region_names, deps)
    candidates = [(e["id"], e["nom"]) for e in help_data.structures(root / "data" / "aide.yml")
                  if scope.serves(e) and e.get("statut") == "actif" and e.get("telephone")]
    text = render_file(code, name, codes, region_names, candidates)
    problems = schemas.errors("edition", load_yaml_text(text))
    if problems:  # a name the model refuses (too long, control characters): say which field
        raise EditionScaffoldError("le fichier d'édition ne respecterait pas son modèle : "
                                   + " ; ".join(f"{'/'.join(map(str, e.absolute_path))} : {e.message}" for e in problems))
    page = folder / "docs" / "region" / "index.md"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render_page(name, region_names), encoding="utf-8")
    return CreatedEdition(code, file, page, region_names, candidates)


def next_steps(created: CreatedEdition, shown_file: str, shown_page: str) -> str:
    code = created.code
    lines_hint = (", ".join(i for i, _ in created.candidates) if created.candidates else
                  "aucune ligne de data/aide.yml ne sert encore cette région")
    return "\n".join([
        f"Édition « {code} » créée ({' et '.join(created.region_names)}) :",
        f"  {shown_file}",
        f"  {shown_page}",
        "",
        "À remplir, dans cet ordre (make lint le rappelle, ligne par ligne) :",
        f"  1. Lignes d'aide du bandeau : dans {shown_file}, « lignes_regionales: [...] » (candidates : {lines_hint}),",
        "     ou « pas_de_ligne_regionale: true » si la région n'en a aucune. Sans l'un ou l'autre, l'édition ne se construit pas.",
        "     Un numéro qui manque s'ajoute d'abord à data/aide.yml, avec sa source et la date de vérification.",
        f"  2. Logo : placez l'image dans editions/{code}/ (PNG, JPEG, WebP ou SVG, 200 Ko au plus) et écrivez son nom dans « logo ».",
        "  3. Couleurs : celles du site sont écrites ; remplacez-les par les vôtres si vous voulez (contraste vérifié).",
        "  4. Signalement : « forge » (l'adresse du dépôt) et/ou « courriel », pour que les lecteurs signalent une erreur.",
        "  5. L'adresse postale de l'hébergeur et l'adresse publique du site (site_url).",
        f"  6. La page de la région ({shown_page}) : ses structures, ses référents.",
        "  7. Quand l'URPS a tout relu : « brouillon: false ». Plus rien ne doit rester « à compléter ».",
        "",
        f"Vérifier : make lint        Voir : make serve EDITION={code}        Construire : make build EDITION={code}",
        "Publier : la page « Héberger le site » (docs/a-propos/heberger.md).",
    ])
