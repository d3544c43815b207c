"""Expand the markers our pages use into Markdown, before the generator renders it.

Markers (documented in CONTRIBUTING.md):
- `[[aide:ID]]`                 a help contact from data/aide.yml (name, clickable number, hours)
- `[@Key]`                      an inline citation of a reference of data/bibliographie.yml
- `<!-- liste-fiches: PART -->` the fiches of a part, from their front matter
- `<!-- liste-temoignages -->`  the testimonies
- `<!-- bibliographie: THEME -->` the references of a theme, each with the pages citing it
- `<!-- annuaire: national|regional|historique -->` help structures
- `<!-- quel-numero -->`, `<!-- annuaire-departements -->`, `<!-- carte-aide -->`
                                the help pages built from data/aide.yml and data/departements.yml
                                (soignants/help_directory.py)
- `<!-- questionnaire: ID -->`  a self-assessment from data/questionnaires/ID.yml, answered and
                                scored in the reader's browser (soignants/questionnaire_form.py)
An unknown marker value is an error that names the file: the build fails rather than show a
reader an empty box.
"""

from datetime import date
from html import escape
import posixpath
import re

from . import bibliography, catalog, help_data, questionnaire_form
from . import help_directory as help_pages  # `help_directory` below is the « annuaire » marker
from .bibliography import date_fr
from .escaping import html_link, html_text, markdown_text as md

HELP_MARKER = re.compile(r"\[\[aide:([a-z0-9-]+)\]\]")
BLOCK_MARKER = re.compile(r"^<!--\s*(liste-fiches|liste-temoignages|bibliographie|annuaire|quel-numero|"
                          r"annuaire-departements|carte-aide|questionnaire)(?::\s*([a-z0-9-]+))?\s*-->\s*$",
                          re.MULTILINE)
FIRST_H1 = re.compile(r"^# .*$", re.MULTILINE)
# A page of the site, as a transcript's address may be written (no scheme, no space, no markup).
SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+(?:#[A-Za-z0-9_-]+)?$")

TEXTS = {
    "fr": {
        "draft_title": "Fiche en attente de relecture par le comité éditorial",
        "draft_body": "Cette fiche a été rédigée par l'équipe du site à partir des sources citées en bas de page. "
                      "Elle n'a pas encore été relue par le comité éditorial : vérifiez les points importants "
                      "auprès des structures citées.",
        "overdue": "La relecture de cette fiche était prévue le {date} : certaines informations ont pu changer.",
        "references": "Références citées",
        "in_bibliography": "dans la bibliographie",
        "status": "Statut",
        "draft": "brouillon, en attente de relecture",
        "reviewed": "relue par {names}",
        "last_review": "Dernière relecture",
        "next_review": "Prochaine relecture",
        "cited_by": "Cité dans",
        "not_cited": "Pas encore cité dans une fiche.",
        "testimony_origin": "Origine du récit",
        "related": "Fiches liées",
        "listen": "Écouter le témoignage",
        "transcript": "Transcription",
        "historic": "numéro de {year}, non confirmé aujourd'hui : ne pas l'utiliser",
        "verified": "vérifié en {date}",
        "source": "source",
    },
    "en": {
        "draft_title": "Draft awaiting review by the editorial board",
        "draft_body": "This page was written by the site team from the sources cited below. "
                      "It has not been reviewed by the editorial board yet.",
        "overdue": "This page was due for review on {date}: some information may have changed.",
        "references": "References",
        "in_bibliography": "in the bibliography",
        "status": "Status",
        "draft": "draft, awaiting review",
        "reviewed": "reviewed by {names}",
        "last_review": "Last review",
        "next_review": "Next review",
        "cited_by": "Cited in",
        "not_cited": "Not cited in a fiche yet.",
        "testimony_origin": "Source of the account",
        "related": "Related fiches",
        "listen": "Listen to the testimony",
        "transcript": "Transcript",
        "historic": "{year} number, not confirmed today: do not use it",
        "verified": "checked {date}",
        "source": "source",
    },
}


class MarkerError(ValueError):
    """A marker names something that does not exist; the message is for an editor, in French."""


def relative_link(from_src: str, to_src: str) -> str:
    """Relative Markdown link between two source files, e.g. for `[x](../aide/index.md)`."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


# --- help contacts --------------------------------------------------------------------------

def help_contact_markdown(entry: dict, lang: str = "fr") -> str:
    t = TEXTS[lang]
    name = f"**{md(entry['nom'])}**"
    if entry.get("statut") == "historique":
        return f"{name} : {md(entry['telephone'])} ({md(t['historic'].format(year=entry['verifie_le'][:4]))})"
    bits = []
    if entry.get("telephone"):
        bits.append(html_link(entry["telephone"], help_data.tel_uri(entry["telephone"])))
    if entry.get("email"):
        bits.append(html_link(entry["email"], f"mailto:{entry['email']}"))
    # Anonymity is worth saying when there is some; "Non (appel d'urgence)" only adds noise inline.
    anonymity = entry.get("anonymat", "")
    anonymity = "" if anonymity.lower().startswith("non") else anonymity
    details = ", ".join(x for x in (entry.get("horaires"), entry.get("cout"), anonymity) if x)
    return f"{name} : {' · '.join(bits)}" + (f" ({md(details.lower() if lang == 'fr' else details)})" if details else "")


def expand_help_markers(markdown: str, src_uri: str, lang: str = "fr") -> str:
    contacts = help_data.by_id()

    def replace(match):
        key = match.group(1)
        if key not in contacts:
            raise MarkerError(f"{src_uri} : contact d'aide inconnu « [[aide:{key}]] » ; "
                              f"les identifiants possibles sont dans data/aide.yml ({', '.join(sorted(contacts))}).")
        return help_contact_markdown(contacts[key], lang)

    return HELP_MARKER.sub(replace, markdown)


# --- citations and references ---------------------------------------------------------------

def expand_citations(markdown: str, src_uri: str) -> str:
    refs = bibliography.references()

    def replace(match):
        key = match.group(1)
        if key not in refs:
            raise MarkerError(f"{src_uri} : référence inconnue « [@{key}] » ; ajoutez-la à data/bibliographie.yml "
                              "ou corrigez la clé.")
        return f"([{md(bibliography.short_citation(refs[key]))}](#ref-{key}))"

    return catalog.CITATION.sub(replace, markdown)


def bibliography_page(ref: dict) -> str:
    """Source path of the bibliography page that holds a reference (its first theme)."""
    return f"bibliographie/{ref['themes'][0]}.md"


def references_markdown(keys, src_uri: str, lang: str = "fr") -> str:
    refs = bibliography.references()
    unknown = [k for k in keys if k not in refs]
    if unknown:
        raise MarkerError(f"{src_uri} : clé(s) de bibliographie inconnue(s) dans « sources » : {', '.join(unknown)}.")
    t = TEXTS[lang]
    lines = [f"### {t['references']}", ""]
    for key in keys:
        ref = refs[key]
        link = relative_link(src_uri, bibliography_page(ref))
        lines.append(f'- <span id="ref-{key}"></span>{bibliography.full_citation_html(ref)} '
                     f"([{t['in_bibliography']}]({link}#ref-{key}))")
    return "\n".join(lines) + "\n"


# --- notices and footers --------------------------------------------------------------------

def insert_after_title(markdown: str, block: str) -> str:
    match = FIRST_H1.search(markdown)
    if not match:
        return block + "\n\n" + markdown
    return markdown[: match.end()] + "\n\n" + block + "\n" + markdown[match.end():]


def draft_notice(meta: dict, today: date, lang: str = "fr") -> str:
    t = TEXTS[lang]
    blocks = []
    if meta.get("statut") == "brouillon":
        blocks.append(f'!!! warning "{t["draft_title"]}"\n\n    {t["draft_body"]}\n')
    due = str(meta.get("prochaine_relecture", ""))
    if due and due < today.isoformat():
        blocks.append(f'!!! danger "{t["overdue"].format(date=date_fr(due))}"\n')
    return "\n".join(blocks)


def fiche_footer(meta: dict, lang: str = "fr") -> str:
    t = TEXTS[lang]
    status = (t["reviewed"].format(names=md(", ".join(map(str, meta.get("relecteurs", [])))))
              if meta.get("statut") == "relu" else t["draft"])
    return (
        '<div class="ss-fiche-pied" markdown>\n\n'
        f"**{t['status']}** : {status}  \n"
        f"**{t['last_review']}** : {md(date_fr(meta.get('derniere_relecture', '')))}  \n"
        f"**{t['next_review']}** : {md(date_fr(meta.get('prochaine_relecture', '')))}\n\n"
        "</div>\n"
    )


def testimony_footer(meta: dict, src_uri: str, lang: str = "fr") -> str:
    t = TEXTS[lang]
    related = ", ".join(
        f"[{md(_title_of(path))}]({relative_link(src_uri, path)})" for path in meta.get("fiches_liees", []))
    return (
        '<div class="ss-fiche-pied" markdown>\n\n'
        f"**{t['testimony_origin']}** : {md(meta.get('origine', ''))}  \n"
        f"**{t['related']}** : {related}\n\n"
        "</div>\n"
    )


def audio_block(meta: dict, lang: str = "fr") -> str:
    audio = meta.get("audio")
    if not audio:
        return ""
    t = TEXTS[lang]
    transcript = str(audio["transcription"])
    if transcript != "ci-dessous" and not SAFE_PATH.match(transcript):
        raise MarkerError(f"transcription « {md(transcript)} » : indiquez « ci-dessous » ou le chemin d'une page du site.")
    link = "" if transcript == "ci-dessous" else f" · [{t['transcript']}]({transcript})"
    return (f"**{t['listen']}**{link}\n\n"
            f'<audio controls preload="none" src="{html_text(audio["fichier"])}"></audio>\n')


def _title_of(src_uri: str) -> str:
    for entry in catalog.fiches():
        if entry.src_uri == src_uri:
            return entry.title
    raise MarkerError(f"fiche liée introuvable : {src_uri}")


# --- generated lists ------------------------------------------------------------------------

def fiche_list(part: str, src_uri: str, lang: str = "fr") -> str:
    if part not in catalog.PARTS:
        raise MarkerError(f"{src_uri} : partie inconnue « {part} » (cabinet ou soignant).")
    lines = []
    for entry in catalog.fiches_of_part(part):
        badge = " *(brouillon)*" if entry.meta.get("statut") == "brouillon" else ""
        lines.append(f"- [{md(entry.title)}]({relative_link(src_uri, entry.src_uri)}){badge}  \n"
                     f"  {md(entry.meta.get('description', ''))}")
    return "\n".join(lines) + "\n"


def testimony_list(src_uri: str) -> str:
    return "\n".join(
        f"- [{md(e.title)}]({relative_link(src_uri, e.src_uri)})  \n  {md(e.meta.get('description', ''))}"
        for e in catalog.testimonies()) + "\n"


def bibliography_theme(theme: str, src_uri: str, lang: str = "fr") -> str:
    if theme not in {t["id"] for t in bibliography.themes()}:
        raise MarkerError(f"{src_uri} : thème de bibliographie inconnu « {theme} ».")
    t = TEXTS[lang]
    cited = catalog.citing_pages()
    refs = [r for r in bibliography.references().values() if theme in r["themes"]]
    refs.sort(key=lambda r: (bibliography.authors(r).lower(), bibliography.year(r)))
    lines = []
    for ref in refs:
        # Each reference gets its anchor on its home page only (its first theme).
        anchor = f'<span id="ref-{ref["id"]}"></span>' if ref["themes"][0] == theme else ""
        users = cited.get(ref["id"], [])
        by = (f"  \n  *{t['cited_by']}* : " + ", ".join(
            f"[{md(e.title)}]({relative_link(src_uri, e.src_uri)})" for e in users)) if users else ""
        lines.append(f"- {anchor}{bibliography.full_citation_html(ref)}{by}")
    return "\n".join(lines) + "\n"


def help_directory(scope: str, src_uri: str, lang: str = "fr") -> str:
    t = TEXTS[lang]
    if scope == "historique":
        chosen = [e for e in help_data.structures() if e["statut"] == "historique"]
    elif scope in ("national", "regional", "departemental"):
        chosen = [e for e in help_data.structures() if e["portee"] == scope and e["statut"] == "actif"]
    else:
        raise MarkerError(f"{src_uri} : portée d'annuaire inconnue « {scope} ».")
    blocks = []
    for entry in chosen:
        where = f" — {md(', '.join(entry['regions']))}" if entry.get("regions") else ""
        source = md(entry["source"]["titre"])
        answered = help_pages.TEXTS[lang]["repondants"].get(entry.get("repondant"))
        answered = f"{escape(help_pages.TEXTS[lang]['answered_by'].capitalize())} : {escape(answered)}.  \n  " \
            if answered else ""
        blocks.append(
            f"- {help_contact_markdown(entry, lang)}{where}  \n"
            f"  {answered}{md(entry.get('description', ''))}  \n"
            f"  *{t['source']} : {source}, {t['verified'].format(date=date_fr(entry['verifie_le']))}.*")
    return "\n".join(blocks) + "\n"


HELP_PAGE_BLOCKS = {
    "quel-numero": help_pages.which_number,
    "annuaire-departements": help_pages.directory_by_departement,
    "carte-aide": help_pages.crisis_card,
}


def expand_block_markers(markdown: str, src_uri: str, lang: str = "fr") -> str:
    def replace(match):
        kind, value = match.group(1), match.group(2)
        if kind == "liste-fiches":
            return fiche_list(value or "", src_uri, lang)
        if kind == "liste-temoignages":
            return testimony_list(src_uri)
        if kind == "bibliographie":
            return bibliography_theme(value or "", src_uri, lang)
        if kind == "questionnaire":
            return questionnaire_form.questionnaire_block(value or "", src_uri, lang)
        if kind in HELP_PAGE_BLOCKS:
            try:
                return HELP_PAGE_BLOCKS[kind](src_uri, lang)
            except help_pages.DirectoryError as error:
                raise MarkerError(f"{src_uri} : {error}") from None
        return help_directory(value or "", src_uri, lang)

    return BLOCK_MARKER.sub(replace, markdown)


# --- what a page loads besides its content ---------------------------------------------------

PAGES_WITH_DIRECTORY_SCRIPT = {"annuaire-departements", "carte-aide"}


def page_assets(markdown: str, src_uri: str, lang: str = "fr") -> tuple[str, str]:
    """The stylesheets and scripts a page's markers need, as HTML to put before and after the
    page's content once it is sanitised (soignants/sanitize.py lets no <script> or <link> through:
    these come from our code, with addresses computed here, never from the page)."""
    before, after = [], []
    for match in BLOCK_MARKER.finditer(markdown):
        kind, value = match.group(1), match.group(2)
        if kind == "questionnaire":
            try:
                first, last = questionnaire_form.page_assets(value or "", src_uri, lang)
            except questionnaire_form.questionnaires.QuestionnaireError:  # the marker reports it
                continue
            before.append(first)
            after.append(last)
        elif kind in PAGES_WITH_DIRECTORY_SCRIPT:
            after.append(help_pages.page_script(src_uri, lang))
    return "\n".join(dict.fromkeys(before)), "\n".join(dict.fromkeys(after))


# --- one entry point for a page -------------------------------------------------------------

def render_page_markdown(markdown: str, meta: dict, src_uri: str, lang: str = "fr",
                         today: date | None = None) -> str:
    """Everything our markers and front matter add to a page, as Markdown."""
    today = today or date.today()
    is_fiche = src_uri.startswith("fiches/") and "partie" in meta
    is_testimony = src_uri.startswith("temoignages/") and "origine" in meta
    cited = list(dict.fromkeys([*meta.get("sources", []), *catalog.CITATION.findall(markdown)])) \
        if (is_fiche or is_testimony) else []
    markdown = expand_block_markers(markdown, src_uri, lang)
    markdown = expand_help_markers(markdown, src_uri, lang)
    markdown = expand_citations(markdown, src_uri)
    if is_fiche or is_testimony:
        notice = draft_notice(meta, today, lang)
        if is_testimony:
            notice = "\n".join(x for x in (notice, audio_block(meta, lang)) if x)
        if notice:
            markdown = insert_after_title(markdown, notice)
        markdown = markdown.rstrip() + "\n\n" + references_markdown(cited, src_uri, lang)
        footer = fiche_footer(meta, lang) if is_fiche else testimony_footer(meta, src_uri, lang)
        markdown += "\n" + footer
    return markdown
