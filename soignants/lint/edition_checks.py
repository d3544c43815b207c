"""Regional editions: editions/CODE.yml and the files of editions/CODE/ (soignants/model/regional.py).

The edition file is checked against its schema, then for what a reader of that edition needs:
regions that exist, the regional help lines its strip shows (or an explicit « no regional line »),
a logo that is an image and nothing else, colours readable in both schemes (contrast 4.5:1, WCAG
2.1 AA), a way for readers to report an error, and no phone number typed in its texts.

What the URPS still has to fill in (« à compléter par l'URPS », an unconfirmed line, no logo, no
report address) is a warning while the edition is a draft (`brouillon: true`, shown as such on
its home page) and an error once it says it is ready (`brouillon: false`): a site cannot be
published with holes in it.

The edition's own pages (editions/CODE/docs/) go through the very same checks as every page of
docs/ (runner.check_file), in a copy of docs/ with the edition's pages added, the way the build
sees them: so their links to national pages resolve, and a regional fiche is a fiche. Problems
are reported at the edition's file. They may only add pages (region/…, fiches/PARTIE/…,
images/…), never replace a national one: national pages are shared and identical.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
import shutil
import tempfile
import weakref

from ..model import regional
from ..model.dates import months_old
from ..model.yamlfile import load_yaml_file
from ..render import feedback
from .assets import asset_problems
from .data_checks import load_data_file
from .phone_numbers import value_number_problems
from .project import Context
from .reading import read_text
from .report import ERROR, WARNING, Problem, display_path

A_COMPLETER = "edition-a-completer"
INCOMPLETE = "edition-incomplete"
LOGO_MAX_BYTES = 200_000
RASTER_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
PAGE_FOLDERS = ("region/", "images/", "fiches/cabinet/", "fiches/soignant/")
FREE_TEXT_FIELDS = (("nom_site",), ("menu",), ("presentation",), ("hebergeur", "nom"))


# --- where a file belongs ---------------------------------------------------------------------

def edition_of(ctx: Context, path: Path) -> tuple[str, str] | None:
    """(code, kind) for a file of editions/: kind "fichier" for editions/CODE.yml, "page" for a
    file under editions/CODE/docs/, "dossier" for any other file of editions/CODE/."""
    try:
        parts = Path(path).resolve().relative_to(ctx.project.editions_dir.resolve()).parts
    except ValueError:
        return None
    if len(parts) == 1:
        return (Path(parts[0]).stem, "fichier") if parts[0].endswith(".yml") else None
    return parts[0], "page" if len(parts) > 2 and parts[1] == "docs" else "dossier"


def edition_files(ctx: Context) -> list[Path]:
    """Every edition file and every file of the editions' folders (not hidden)."""
    folder = ctx.project.editions_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def route(ctx: Context, path: Path, check_page) -> list[Problem] | None:
    """The problems of an edition's file, or None when `path` is not one. `check_page(ctx, path)`
    is the content check of any page (soignants/lint/runner.check_file)."""
    found = edition_of(ctx, path)
    if found is None:
        return None
    code, kind = found
    if kind == "fichier":
        return check_edition_file(ctx, Path(path))
    if kind == "page":
        return check_edition_page(ctx, code, Path(path), check_page)
    return _folder_file_problems(ctx, code, Path(path))


# --- the edition file -------------------------------------------------------------------------

def _status(data: dict) -> tuple[str, str]:
    """(code, severity) of what is left to complete: a warning for a draft, an error otherwise."""
    draft = not isinstance(data, dict) or data.get("brouillon") is not False
    return (A_COMPLETER, WARNING) if draft else (INCOMPLETE, ERROR)


def _to_complete(data: dict, shown: str, line: int, what: str) -> Problem:
    code, severity = _status(data)
    tail = ("" if severity == WARNING else
            " ; l'édition dit « brouillon: false » (prête à publier) : complétez-la, ou remettez « brouillon: true »")
    return Problem(shown, line, code, what + tail, severity)


def check_edition_file(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "edition")
    problems = loaded.problems
    data, lines = loaded.data, loaded.lines
    if data is None:
        return problems
    code = path.stem
    if data.get("code") != code:
        problems.append(Problem(shown, lines.line(("code",)), "champ-invalide",
                                f"le champ « code » vaut « {data.get('code')} » ; écrivez « code: {code} », le nom du "
                                "fichier (une édition se construit avec « make build EDITION=" + code + " »)"))
    problems += _region_problems(ctx, data, lines, shown)
    problems += _line_problems(ctx, data, lines, shown)
    problems += _logo_problems(ctx, code, data, lines, shown)
    problems += _colour_problems(data, lines, shown)
    problems += _settings_problems(data, lines, shown)
    problems += _free_text_problems(data, lines, shown, ctx.known_numbers)
    return problems


def _departements(ctx: Context) -> dict | None:
    try:
        return regional.departements_data(ctx.project.departements_file)
    except Exception:  # noqa: BLE001 - data/departements.yml has its own check
        return None


def _region_problems(ctx: Context, data: dict, lines, shown: str) -> list[Problem]:
    departements = _departements(ctx)
    codes = data.get("regions")
    if departements is None or not isinstance(codes, list):
        return []
    names = regional.regions_by_code(departements)
    return [Problem(shown, lines.line(("regions", index)), "valeur-interdite",
                    f"« regions » contient « {value} », qui n'est pas un code de région de data/departements.yml ; "
                    "codes possibles : " + ", ".join(f"{c} ({n})" for c, n in names.items()))
            for index, value in enumerate(codes) if isinstance(value, str) and value not in names]


def _edition_scope(ctx: Context, data: dict) -> regional.Edition | None:
    departements = _departements(ctx)
    if departements is None or not isinstance(data.get("regions"), list):
        return None
    names = regional.regions_by_code(departements)
    region_names = tuple(names[c] for c in data["regions"] if c in names)
    deps = frozenset(d["code"] for d in departements.get("departements", []) if d.get("region") in region_names)
    return regional.Edition(str(data.get("code")), data, ctx.project.editions_dir / str(data.get("code")),
                            region_names, deps)


def _line_problems(ctx: Context, data: dict, lines, shown: str) -> list[Problem]:
    ids = data.get("lignes_regionales")
    none = data.get("pas_de_ligne_regionale")
    scope = _edition_scope(ctx, data)
    contacts = {str(e.get("id")): e for e in ctx.help_entries if isinstance(e, dict)}
    candidates = [i for i, e in contacts.items()
                  if scope is not None and scope.serves(e) and e.get("statut") == "actif" and e.get("telephone")]
    hint = (f" (lignes de data/aide.yml pour cette région : {', '.join(candidates)})" if candidates else
            " (data/aide.yml n'a encore aucune ligne avec un numéro pour cette région)")
    if ids is not None and none is not None:
        return [Problem(shown, lines.line(("pas_de_ligne_regionale",)), "edition-ligne-regionale",
                        "l'édition donne à la fois « lignes_regionales » et « pas_de_ligne_regionale » ; gardez l'un "
                        "des deux")]
    if ids is None and none is None:
        return [Problem(shown, lines.root_line, "edition-ligne-regionale",
                        "l'édition ne dit pas quelles lignes d'aide de la région montrer dans le bandeau : ajoutez "
                        "« lignes_regionales: [identifiant] »" + hint + ", ou écrivez « pas_de_ligne_regionale: true » "
                        "si la région n'en a aucune")]
    if not isinstance(ids, list) or ctx.help_ids is None:
        return []
    problems = []
    today = ctx.project.today
    for index, line_id in enumerate(ids):
        if not isinstance(line_id, str):
            continue
        where = lines.line(("lignes_regionales", index))
        entry = contacts.get(line_id)
        if entry is None:
            problems.append(Problem(shown, where, "edition-ligne-regionale",
                                    f"« lignes_regionales » cite « {line_id} », inconnu de data/aide.yml" + hint))
            continue
        why = None
        if entry.get("portee") == "national":
            why = "est une ligne nationale, déjà dans le bandeau de toutes les éditions"
        elif scope is not None and not scope.serves(entry):
            why = (f"ne sert pas la région de l'édition ({scope.regions_label}) selon data/aide.yml "
                   "(« regions » ou « departements »)")
        elif entry.get("statut") != "actif":
            why = "n'est plus en service (« statut: historique »)"
        elif not entry.get("telephone"):
            why = "n'a pas de numéro de téléphone : le bandeau ne montre que des numéros à appeler (le contact reste dans « Trouver de l'aide »)"
        elif not entry.get("nom_court"):
            why = "n'a pas de « nom_court » dans data/aide.yml : ajoutez-y le libellé court du bandeau (30 caractères au plus)"
        if why:
            problems.append(Problem(shown, where, "edition-ligne-regionale",
                                    f"la ligne « {line_id} » {why}" + ("" if "nationale" in why else hint)))
            continue
        age = months_old(str(entry.get("verifie_le", "")), today)
        if age is None or age > 12:
            problems.append(_to_complete(data, shown, where,
                                         f"la ligne « {line_id} » a été vérifiée pour la dernière fois en "
                                         f"{entry.get('verifie_le')} : elle n'est pas dans le bandeau de l'édition tant "
                                         "que l'URPS n'a pas confirmé son numéro et ses horaires (mettez à jour "
                                         "« source » et « verifie_le » dans data/aide.yml) ; elle reste dans « Trouver "
                                         "de l'aide », marquée « à confirmer »"))
    return problems


def _logo_problems(ctx: Context, code: str, data: dict, lines, shown: str) -> list[Problem]:
    name = data.get("logo")
    if not isinstance(name, str):
        return []
    where = lines.line(("logo",))
    if regional.is_to_complete(name):
        return [_to_complete(data, shown, where,
                             f"pas encore de logo : placez le logo de l'hébergeur (PNG, JPEG, WebP ou SVG, "
                             f"{LOGO_MAX_BYTES // 1000} Ko au plus) dans editions/{code}/ et écrivez son nom dans "
                             "« logo » (ex. logo: logo.png) ; en attendant, le site garde son logo")]
    path = ctx.project.editions_dir / code / name
    if not path.is_file():
        return [Problem(shown, where, "edition-logo",
                        f"le logo « {name} » est introuvable : placez le fichier dans editions/{code}/, ou corrigez son nom")]
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        return [Problem(shown, where, "edition-logo",
                        f"le logo « {name} » pèse {size // 1000} Ko : il serait chargé par chaque page ; "
                        f"réduisez-le sous {LOGO_MAX_BYTES // 1000} Ko (une image de 200 pixels de haut suffit)")]
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return asset_problems(path, ctx.shown(path))
    head = path.read_bytes()[:12]
    signatures = RASTER_SIGNATURES.get(suffix, ())
    if not any(head.startswith(s) for s in signatures) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return [Problem(shown, where, "edition-logo",
                        f"le fichier « {name} » n'est pas une image {suffix[1:].upper()} (son contenu ne correspond "
                        "pas à son extension) : enregistrez le logo au bon format")]
    return []


def _colour_problems(data: dict, lines, shown: str) -> list[Problem]:
    colours = data.get("couleurs")
    if not isinstance(colours, dict):
        return []
    return [Problem(shown, lines.line(("couleurs", name)), "contraste-insuffisant",
                    f"la couleur « {name} » ({colours[name]}) a un contraste de {ratio:.2f}:1 avec {what} ; il faut au "
                    f"moins {regional.MINIMUM_CONTRAST}:1 pour être lisible (WCAG 2.1 AA) : choisissez une teinte plus "
                    f"{'claire' if name == 'liens_sombre' else 'foncée'}")
            for name, ratio, what in regional.contrast_problems(colours)]


def _settings_problems(data: dict, lines, shown: str) -> list[Problem]:
    problems = []
    for path, what in ((("site_url",), "l'adresse publique du site (site_url), qui finit par « / »"),
                       (("hebergeur", "nom"), "le nom de l'hébergeur"),
                       (("hebergeur", "adresse"), "l'adresse postale de l'hébergeur")):
        value = data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if regional.is_to_complete(value):
            problems.append(_to_complete(data, shown, lines.line(path), f"à compléter : {what}"))
    report = data.get("signalement")
    if isinstance(report, dict):
        if not (report.get("forge") or report.get("courriel")):
            problems.append(_to_complete(data, shown, lines.line(("signalement",)),
                                         "les lecteurs n'ont aucun moyen de signaler une erreur : indiquez "
                                         "« signalement: forge: » (l'adresse du dépôt de l'édition sur GitHub ou "
                                         "GitLab) ou « signalement: courriel: »"))
        else:
            try:
                feedback.settings_from({"signalement": report})
            except feedback.SettingError as error:
                message = str(error).replace("mkdocs.yml : « signalement: ", "« signalement: ")
                problems.append(Problem(shown, lines.line(("signalement",)), "champ-invalide", message))
    languages = data.get("langues")
    if isinstance(languages, list) and "fr" not in languages:
        problems.append(Problem(shown, lines.line(("langues",)), "valeur-interdite",
                                "« langues » doit contenir fr : le site est d'abord en français ([fr] ou [fr, en])"))
    return problems


def _free_text_problems(data: dict, lines, shown: str, numbers) -> list[Problem]:
    """No phone number in the edition's texts, read as the reader sees them (soignants/lint/
    phone_numbers.py): a number to call lives in data/aide.yml only, cited by its marker."""
    problems = []
    for path in FREE_TEXT_FIELDS:
        value = data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, str) and numbers is not None:
            problems += value_number_problems(value, numbers, shown, lines.line(path), path[-1])
    return problems


# --- the edition's folder ---------------------------------------------------------------------

def _edition_data(ctx: Context, code: str) -> dict:
    """The edition file's data, or {} when it is missing or unreadable (its own check says why)."""
    try:
        data = load_yaml_file(ctx.project.editions_dir / f"{code}.yml")
    except Exception:  # noqa: BLE001
        return {}
    return data if isinstance(data, dict) else {}


def _folder_file_problems(ctx: Context, code: str, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    if not (ctx.project.editions_dir / f"{code}.yml").is_file():
        return [Problem(shown, 1, "fichier-non-controle",
                        f"le dossier editions/{code}/ n'a pas de fichier editions/{code}.yml : aucune édition ne le "
                        f"construit (créez-la avec « make edition CODE={code} … »)", WARNING)]
    if _edition_data(ctx, code).get("logo") == path.name and path.parent.name == code:
        return []  # the logo: checked with the edition file
    return asset_problems(path, shown)


# Copies of docs/ with one edition's pages added, one per edition and per run of the check.
_overlays: dict[tuple[int, str], Path] = {}


def overlay_docs(docs_dir: Path, edition_docs: Path, target: Path) -> dict[Path, Path]:
    """Fill `target` with docs/ and the edition's pages on top (what the build reads); return
    {file in target: its source}. An edition page never replaces a national one (the check
    reports it, the build refuses it)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(docs_dir, target, ignore=shutil.ignore_patterns(".*"))
    sources = {}
    for source in sorted(Path(edition_docs).rglob("*")) if Path(edition_docs).is_dir() else []:
        relative = source.relative_to(edition_docs)
        if not source.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        destination = target / relative
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        sources[destination] = source
    return sources


def _overlay_for(ctx: Context, code: str) -> Path:
    key = (id(ctx), code)
    if key not in _overlays:
        holder = Path(tempfile.mkdtemp(prefix=f"soignants-controle-{code}-"))
        overlay_docs(ctx.project.docs_dir, ctx.project.editions_dir / code / "docs", holder / "docs")
        _overlays[key] = holder / "docs"
        weakref.finalize(ctx, lambda: (_overlays.pop(key, None), shutil.rmtree(holder, ignore_errors=True)))
    return _overlays[key]


def page_place_problem(ctx: Context, code: str, relative: str, shown: str) -> Problem | None:
    """An edition page outside its places, or with the name of a national page."""
    if (ctx.project.docs_dir / relative).exists():
        return Problem(shown, 1, "edition-page-interdite",
                       f"docs/{relative} existe déjà : une page d'édition ne remplace jamais une page nationale (elles "
                       "sont communes à toutes les éditions) ; donnez-lui un autre nom, ou proposez la correction "
                       "de la page nationale")
    if not relative.startswith(PAGE_FOLDERS) or (relative.startswith("fiches/") and relative.count("/") != 2):
        return Problem(shown, 1, "edition-page-interdite",
                       f"« {relative} » : les pages d'une édition vont dans editions/{code}/docs/region/ (ses pages), "
                       f"editions/{code}/docs/fiches/cabinet/ ou fiches/soignant/ (ses fiches) et leurs images dans "
                       f"editions/{code}/docs/images/ ; déplacez le fichier")
    return None


def check_edition_page(ctx: Context, code: str, path: Path, check_page) -> list[Problem]:
    shown = ctx.shown(path)
    docs = ctx.project.editions_dir / code / "docs"
    relative = Path(path).resolve().relative_to(docs.resolve()).as_posix()
    misplaced = page_place_problem(ctx, code, relative, shown)
    if misplaced:
        return [misplaced]
    overlay = _overlay_for(ctx, code)
    overlay_ctx = Context(replace(ctx.project, docs_dir=overlay))
    copy = overlay / relative
    if not copy.is_file():  # the file appeared after the copy was made (a run on a changing tree)
        overlay_docs(ctx.project.docs_dir, docs, overlay)
    copied_as = display_path(copy, ctx.project.root)
    problems = [replace(p, path=shown) if p.path == copied_as else p for p in check_page(overlay_ctx, copy)]
    if Path(path).suffix.lower() == ".md":
        problems += _page_to_complete(ctx, code, path, shown)
    return problems


def _page_to_complete(ctx: Context, code: str, path: Path, shown: str) -> list[Problem]:
    """« à compléter » left in an edition's page (make edition writes them)."""
    read = read_text(path, shown)
    if read.text is None:
        return []
    data = _edition_data(ctx, code)
    return [_to_complete(data, shown, number, f"texte à compléter par l'URPS : « {line.strip()[:80]} »")
            for number, line in enumerate(read.text.split("\n"), 1) if regional.is_to_complete(line)]


def edition_problems(ctx: Context, code: str, check_page) -> list[Problem]:
    """Everything the check says about one edition: its file and every file of its folder."""
    problems = []
    for path in edition_files(ctx):
        found = edition_of(ctx, path)
        if found and found[0] == code:
            problems += route(ctx, path, check_page) or []
    if not (ctx.project.editions_dir / f"{code}.yml").is_file():
        problems.append(Problem(f"editions/{code}.yml", 1, "fichier-introuvable",
                                f"l'édition « {code} » n'existe pas (editions/{code}.yml)"))
    return problems
