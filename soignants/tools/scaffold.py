"""Create a new fiche from the model soignants/model/templates/fiche.md (`python scripts/new_fiche.py`).

The new file is a draft (`statut: brouillon`) written today by its authors, to be reviewed
within a year. The site builds with it at once (so the editor sees it under `make serve`), but
the content check refuses it until every « À compléter » is replaced and a source is cited: the
model cites nothing and names no contact, so a forgotten example never passes for a fact.
Every refusal is a ScaffoldError whose message is in French, for an editor.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
import re

from .. import DOCS_DIR
from ..model import schemas
from ..model.dates import one_year_later
from ..model.folding import fold
from ..model.frontmatter import FRONT_MATTER, split_front_matter

TEMPLATE = Path(__file__).resolve().parent.parent / "model" / "templates" / "fiche.md"
_PROPERTIES = schemas.schema(schemas.FICHE)["properties"]  # the limits come from the one model
PARTS = tuple(_PROPERTIES["partie"]["enum"])
TITLE_MIN, TITLE_MAX = _PROPERTIES["title"]["minLength"], _PROPERTIES["title"]["maxLength"]
SLUG_MAX = 80
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {"index"}


class ScaffoldError(ValueError):
    """The fiche cannot be created; the message says why and what to do, in French."""


class AlreadyExists(ScaffoldError):
    """The file is there already: never overwritten."""


@dataclass(frozen=True)
class Created:
    path: Path
    slug: str
    partie: str


def slugify(title: str) -> str:
    """« Épuisement : l'après-garde » -> `epuisement-l-apres-garde` (accents removed, a-z0-9 and -)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title.lower())).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0] if "-" in slug[:SLUG_MAX] else slug[:SLUG_MAX]
    return slug


def check_title(title: str) -> str:
    """The title with its spaces tidied, or a French refusal."""
    if "\n" in title.strip() or "\r" in title.strip():
        raise ScaffoldError("le titre doit tenir sur une seule ligne")
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("le titre est vide ; écrivez-le entre guillemets, "
                            "ex. python scripts/new_fiche.py \"Le contrôle de la caisse\" --partie cabinet")
    if len(title) < TITLE_MIN:
        raise ScaffoldError(f"le titre « {title} » est trop court ({len(title)} caractères) : "
                            f"au moins {TITLE_MIN} caractères")
    if len(title) > TITLE_MAX:
        raise ScaffoldError(f"le titre fait {len(title)} caractères, au plus {TITLE_MAX} sont possibles : "
                            "raccourcissez-le (le détail a sa place dans la description et dans la fiche)")
    return title


def check_part(partie: str) -> str:
    if partie not in PARTS:
        raise ScaffoldError(f"la partie « {partie} » n'existe pas : choisissez « cabinet » (le cabinet comme "
                            "entreprise) ou « soignant » (le médecin comme personne)")
    return partie


def check_slug(slug: str) -> str:
    if not SLUG.match(slug or ""):
        raise ScaffoldError(f"le nom de fichier « {slug} » ne convient pas : seulement des lettres minuscules sans "
                            "accent, des chiffres et des tirets (ex. controle-de-la-caisse)")
    if slug in RESERVED_SLUGS:
        raise ScaffoldError(f"le nom « {slug} » est réservé à la page de présentation de la partie ; "
                            "choisissez-en un autre avec --slug")
    return slug


def _yaml_string(text: str) -> str:
    """The inside of a YAML double-quoted string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


UNKNOWN_AUTHOR = "À compléter : votre nom"
# What the model leaves for the editor to fill in: the only schema errors it may have.
LEFT_TO_FILL = {("sources",)}


def check_authors(authors) -> list[str]:
    cleaned = [" ".join(a.split()) for a in authors or [] if a and a.strip()]
    for author in cleaned:
        if len(author) < 2 or len(author) > 80:
            raise ScaffoldError(f"le nom d'auteur « {author} » doit faire de 2 à 80 caractères")
    return list(dict.fromkeys(cleaned))


def render(title: str, partie: str, today: date, authors=()) -> str:
    """The model filled in: the title escaped for YAML in the front matter, as written in the body."""
    template = TEMPLATE.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(template)
    names = ", ".join(f'"{_yaml_string(a)}"' for a in (authors or [UNKNOWN_AUTHOR]))
    values = {"partie": partie, "today": today.isoformat(), "next_review": one_year_later(today).isoformat()}
    head = template[: match.end()].format(title=_yaml_string(title), auteurs=names, **values)
    body = template[match.end():].format(title=title, auteurs=names, **values)
    return head + body


def validate(text: str) -> None:
    """The created text must satisfy the fiche schema, except for what the editor fills in
    (the sources): otherwise the model itself is wrong."""
    problems = [e for e in schemas.errors(schemas.FICHE, split_front_matter(text).meta)
                if tuple(e.absolute_path) not in LEFT_TO_FILL]
    if problems:
        details = " ; ".join(f"{'/'.join(map(str, e.absolute_path)) or 'en-tête'} : {e.message}" for e in problems)
        raise ScaffoldError(f"la fiche créée ne respecterait pas le modèle des fiches ({details}) ; "
                            "signalez-le à l'équipe technique (soignants/model/templates/fiche.md)")


def create_fiche(title: str, partie: str, slug: str | None = None, docs_dir: Path = DOCS_DIR,
                 today: date | None = None, authors=()) -> Created:
    title = check_title(title)
    authors = check_authors(authors)
    partie = check_part(partie)
    slug = check_slug(slug if slug is not None else slugify(title))
    folder = Path(docs_dir) / "fiches" / partie
    if not folder.is_dir():
        raise ScaffoldError(f"le dossier {folder} n'existe pas : lancez la commande depuis le dossier du projet "
                            "(celui qui contient docs/ et mkdocs.yml)")
    target = folder / f"{slug}.md"
    if target.exists():
        raise AlreadyExists(f"{target} existe déjà : la commande ne remplace jamais une fiche ; ouvrez-la pour la "
                            "modifier, ou choisissez un autre nom avec --slug")
    text = render(title, partie, today or date.today(), authors)
    validate(text)
    try:
        with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        raise AlreadyExists(f"{target} existe déjà : la commande ne remplace jamais une fiche") from None
    return Created(target, slug, partie)


def next_steps(created: Created, shown_path: str) -> str:
    """What to tell the editor once the file exists."""
    return "\n".join([
        f"Fiche créée : {shown_path}",
        "",
        "Et maintenant :",
        "  1. Ouvrez ce fichier et remplacez chaque « À compléter » : la description, les tags, les mots-clés,",
        "     vos nom(s) dans « auteurs », les sources (clés de data/bibliographie.yml) et les cinq sections.",
        f"  2. Vérifiez-le : make lint FICHIER={shown_path}",
        "     Tant qu'il reste un « À compléter », le contrôle le signale, avec sa ligne.",
        "  3. Regardez-le dans le site : make serve, puis "
        f"http://127.0.0.1:8000/fiches/{created.partie}/{created.slug}/",
        "  4. Proposez-le au comité éditorial (guide : docs/a-propos/contribuer/nouvelle-fiche.md, « Écrire une nouvelle fiche »).",
        "     La fiche reste « brouillon » jusqu'à sa relecture par un membre du comité.",
    ])
