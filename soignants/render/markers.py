"""The markers' syntax, and what every page renderer shares: the error a wrong marker raises,
links between pages, the inline help contact `[[aide:ID]]`.

Below soignants/render/pages.py (which expands the markers), help_directory.py and
questionnaire_form.py, which all import it, so that none of them imports another in a circle.
"""

from datetime import date
import posixpath
import re

from ..model import help_data
from .bibliography import date_fr
from . import generated
from .escaping import html_link
from .escaping import markdown_text as md

HELP_MARKER = re.compile(r"\[\[aide:([a-z0-9-]+)\]\]")
BLOCK_KINDS = ("liste-fiches", "liste-temoignages", "bibliographie", "annuaire", "quel-numero",
               "annuaire-departements", "carte-aide", "questionnaire", "quoi-de-neuf", "suivi-editorial",
               "tous-les-delais")
BLOCK_MARKER = re.compile(r"^<!--\s*(" + "|".join(BLOCK_KINDS) + r")(?::\s*([a-z0-9-]+))?\s*-->\s*$",
                          re.MULTILINE)

# The help contact whose number is kept only for the record (`statut: historique`).
HISTORIC = {
    "fr": "numéro de {year}, non confirmé aujourd'hui : ne pas l'utiliser",
    "en": "{year} number, not confirmed today: do not use it",
}


# A contact last checked more than 12 months ago: the same words wherever it is shown (inline
# marker, « Quel numéro pour quoi ? », directories, card), so a reader never meets it unqualified.
STALE = {
    "fr": "dernière vérification en {date} : numéro à confirmer",
    "en": "last checked {date}: number to be confirmed",
}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def month(iso: str, lang: str) -> str:
    """`2018-09` -> `septembre 2018` / `September 2018` (the month a contact was checked)."""
    if lang == "fr":
        return date_fr(iso)
    pieces = str(iso).split("-")
    return f"{MONTHS_EN[int(pieces[1]) - 1]} {pieces[0]}"


def stale_caveat(entry: dict, lang: str = "fr", today: date | None = None) -> str:
    """The caveat for a contact checked too long ago, or "" (historic numbers have their own)."""
    if entry.get("statut") == "historique" or not help_data.is_stale(entry, today or date.today()):
        return ""
    return STALE[lang].format(date=month(entry["verifie_le"], lang))


class MarkerError(ValueError):
    """A marker names something that does not exist; the message is for an editor, in French."""


def root_relative(src_uri: str) -> str:
    """From a page's address to the site's root (directory URLs): `a-propos/x.md` -> `../../`."""
    depth = src_uri.count("/") + (0 if posixpath.basename(src_uri).startswith("index.") else 1)
    return "../" * depth


def relative_link(from_src: str, to_src: str) -> str:
    """Relative Markdown link between two source files, e.g. for `[x](../aide/index.md)`."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


# --- help contacts --------------------------------------------------------------------------

def call_link(telephone: str, css_class: str = "") -> str:
    """The only way a page gets a call link: a number of data/aide.yml, its address marked as
    ours (soignants/render/generated.py), its text the number as dialled."""
    attribute = f' class="{generated.classes(css_class)}"' if css_class else ""
    return f'<a{attribute} href="{generated.call(help_data.tel_uri(telephone))}">{md(telephone)}</a>'


def help_contact_markdown(entry: dict, lang: str = "fr", today: date | None = None) -> str:
    """A contact inline: name, number, hours, cost, anonymity, and the « à confirmer » caveat when
    it was checked more than 12 months before `today` (default: the day of the build)."""
    name = f"**{md(entry['nom'])}**"
    if entry.get("statut") == "historique":
        return f"{name} : {md(entry['telephone'])} ({md(HISTORIC[lang].format(year=entry['verifie_le'][:4]))})"
    bits = []
    if entry.get("telephone"):
        bits.append(call_link(entry["telephone"]))
    if entry.get("email"):
        bits.append(html_link(entry["email"], f"mailto:{entry['email']}"))
    # Anonymity is worth saying when there is some; "Non (appel d'urgence)" only adds noise inline.
    anonymity = entry.get("anonymat", "")
    anonymity = "" if anonymity.lower().startswith("non") else anonymity
    details = ", ".join(x for x in (entry.get("horaires"), entry.get("cout"), anonymity) if x)
    text = f"{name} : {' · '.join(bits)}" + (f" ({md(details.lower() if lang == 'fr' else details)})" if details else "")
    caveat = stale_caveat(entry, lang, today)
    return text + (f" — *{md(caveat)}*" if caveat else "")


def expand_help_markers(markdown: str, src_uri: str, lang: str = "fr", today: date | None = None) -> str:
    contacts = help_data.by_id()

    def replace(match):
        key = match.group(1)
        if key not in contacts:
            raise MarkerError(f"{src_uri} : contact d'aide inconnu « [[aide:{key}]] » ; "
                              f"les identifiants possibles sont dans data/aide.yml ({', '.join(sorted(contacts))}).")
        return help_contact_markdown(contacts[key], lang, today)

    return HELP_MARKER.sub(replace, markdown)


def bibliography_page(ref: dict) -> str:
    """Source path of the bibliography page that holds a reference (its first theme)."""
    return f"bibliographie/{ref['themes'][0]}.md"
