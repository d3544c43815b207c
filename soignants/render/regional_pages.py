"""What a regional edition adds to the shared pages: the notice at the top of its home page.

The help pages put the edition's region first (soignants/render/help_directory.py, through
`soignants.model.regional.current()`); the home page says which edition this is, who publishes
it, whether it is still a draft awaiting its URPS, and leads to the edition's own pages. Every
value comes from the edition file and is escaped here.
"""

from ..model.regional import Edition, is_to_complete, regional_strip_lines
from .escaping import markdown_text
from .pages import NOT_SEARCHED

REGION_INDEX = "region/index.md"  # the edition's own section (editions/CODE/docs/region/)

TEXTS = {
    "fr": {
        "title": "Édition {regions}",
        "host": "Cette édition du site est publiée par {host}{address}.",
        "help": "L'aide de la région vient d'abord, en tête de [Trouver de l'aide]({help}) et de "
                "l'[annuaire]({directory}).",
        "strip": "Ses lignes d'écoute sont aussi dans le bandeau en haut de chaque page, après les lignes nationales.",
        "own_pages": "Les pages propres à la région : [{menu}]({pages}).",
        "draft_title": "Édition en préparation, en attente de l'URPS",
        "draft": "Elle a été préparée pour {host} à partir de sources publiques, et n'a pas encore été relue ni "
                 "complétée par elle : vérifiez les coordonnées auprès des structures citées.",
    },
    "en": {
        "title": "{regions} edition",
        "host": "This edition of the site is published by {host}{address}.",
        "help": "The region's help comes first, at the top of [Find help]({help}) and of the "
                "[directory]({directory}).",
        "strip": "Its help lines are also in the strip at the top of every page, after the national ones.",
        "own_pages": "The region's own pages (in French): [{menu}]({pages}).",
        "draft_title": "Edition in preparation, awaiting the regional union (URPS)",
        "draft": "It was prepared for {host} from public sources and has not been reviewed or completed by it "
                 "yet: check contact details with the services named.",
    },
}


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def home_notice(edition: Edition, lang: str = "fr", has_region_pages: bool = True) -> str:
    """The notice at the top of an edition's home page, as Markdown (links relative to index.md)."""
    t = TEXTS.get(lang, TEXTS["fr"])
    host = markdown_text(edition.data["hebergeur"]["nom"])
    address = edition.data["hebergeur"].get("adresse", "")
    address = "" if is_to_complete(address) else f" ({markdown_text(address)})"
    help_text = t["help"].format(help="aide/index.md", directory="aide/annuaire.md")
    if regional_strip_lines(edition):
        help_text += " " + t["strip"]
    paragraphs = [t["host"].format(host=host, address=address), help_text]
    presentation = str(edition.data.get("presentation") or "").strip()
    if presentation:
        paragraphs.append(markdown_text(" ".join(presentation.split())))
    if has_region_pages:
        paragraphs.append(t["own_pages"].format(menu=markdown_text(edition.data["menu"]), pages=REGION_INDEX))
    title = t["title"].format(regions=edition.regions_label)
    blocks = [f'!!! info {NOT_SEARCHED} "{markdown_text(title)}"\n\n' + _indented("\n\n".join(paragraphs)) + "\n"]
    if edition.is_draft:
        blocks.append(f'!!! warning {NOT_SEARCHED} "{t["draft_title"]}"\n\n'
                      + _indented(t["draft"].format(host=host)) + "\n")
    return "\n".join(blocks)
