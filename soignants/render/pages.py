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
                                (soignants/render/help_directory.py)
- `<!-- questionnaire: ID -->`  a self-assessment from data/questionnaires/ID.yml, answered and
                                scored in the reader's browser (soignants/render/questionnaire_form.py)
- `<!-- quoi-de-neuf -->`       the latest changes across the site (soignants/render/news.py)
- `<!-- suivi-editorial -->`    the editorial dashboard (soignants/render/editorial.py)
- `<!-- tous-les-delais -->`    every fiche's deadlines in one table (soignants/render/deadlines.py)
A fiche's deadlines (front matter `delais`) are shown in a box after « L'essentiel ».
An unknown marker value is an error that names the file: the build fails rather than show a
reader an empty box.
"""

from datetime import date
from html import escape
import re

from . import bibliography, editorial, feedback, generated, news, page_guides, questionnaire_form
from . import deadlines as deadline_pages
from ..model import catalog, committee, help_data
from . import help_directory as help_pages  # `help_directory` below is the « annuaire » marker
from .bibliography import date_fr
from .escaping import html_text, markdown_text
from .escaping import markdown_text as md
from .markers import (BLOCK_KINDS, BLOCK_MARKER, HELP_MARKER, MarkerError, bibliography_page,  # noqa: F401
                      expand_help_markers, help_contact_markdown, relative_link, root_relative)

FIRST_H1 = re.compile(r"^# .*$", re.MULTILINE)
# A page of the site, as a transcript's address may be written (no scheme, no space, no markup).
SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+(?:#[A-Za-z0-9_-]+)?$")

# What the readers' search leaves out of a page (soignants/pipeline/search_pagefind.py): the notices
# and footers every page repeats (« en attente de relecture », dates, history): noise in the
# results' excerpts, and weight in every fragment of the index a query fetches.
NOT_SEARCHED = "ss-hors-recherche"

TEXTS = {
    "fr": {
        "draft_title": "Fiche en attente de relecture par le comité éditorial",
        "draft_title_testimony": "Témoignage en attente de relecture par le comité éditorial",
        "draft_body": "Rédigée par {authors}, à partir des sources citées en bas de page. "
                      "Elle n'a pas encore été relue par le comité éditorial : vérifiez les points importants "
                      "auprès des structures citées.",
        "draft_body_testimony": "Page rédigée par {authors}, à partir des sources citées en bas de page. "
                                "Elle n'a pas encore été relue par le comité éditorial.",
        "unknown_authors": "auteurs non indiqués",
        "written": "Rédigée par",
        "written_on": "{authors}, le {date}",
        "updated_on": "mise à jour le {date}",
        "due": "Relecture prévue avant le",
        "reviewed_by": "Relue par",
        "history": "Dernières modifications",
        "report": "Signaler une erreur",
        "suggest": "Proposer une correction",
        "report_mail": "par courriel",
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
        "verified": "vérifié en {date}",
        "source": "source",
    },
    "en": {
        "draft_title": "Draft awaiting review by the editorial board",
        "draft_title_testimony": "Testimony awaiting review by the editorial board",
        "draft_body": "Written by {authors}, from the sources cited below. "
                      "It has not been reviewed by the editorial board yet.",
        "draft_body_testimony": "Written by {authors}, from the sources cited below. "
                                "It has not been reviewed by the editorial board yet.",
        "unknown_authors": "authors not given",
        "written": "Written by",
        "written_on": "{authors}, on {date}",
        "updated_on": "updated on {date}",
        "due": "Review due by",
        "reviewed_by": "Reviewed by",
        "history": "Latest changes",
        "report": "Report an error",
        "suggest": "Suggest a correction",
        "report_mail": "by e-mail",
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
        "verified": "checked {date}",
        "source": "source",
    },
}


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


def _names(values, lang: str) -> str:
    names = [markdown_text(v) for v in values or [] if str(v).strip()]
    return ", ".join(names) or TEXTS[lang]["unknown_authors"]


def draft_notice(meta: dict, today: date, lang: str = "fr", testimony: bool = False) -> str:
    t = TEXTS[lang]
    blocks = []
    if meta.get("statut") == "brouillon":
        title = t["draft_title_testimony" if testimony else "draft_title"]
        body = t["draft_body_testimony" if testimony else "draft_body"].format(authors=_names(meta.get("auteurs"), lang))
        blocks.append(f'!!! warning {generated.classes(NOT_SEARCHED)} "{title}"\n\n    {body}\n')
    due = str(meta.get("prochaine_relecture", ""))
    if due and due < today.isoformat():
        blocks.append(f'!!! danger {generated.classes(NOT_SEARCHED)} "{t["overdue"].format(date=date_fr(due))}"\n')
    return "\n".join(blocks)


def _day(value) -> str:
    return markdown_text(date_fr(str(value))) if value else ""


def _authorship_lines(meta: dict, lang: str) -> list[str]:
    """« Rédigée par … le …, mise à jour le … », then the review lines for what the page is."""
    t = TEXTS[lang]
    written = t["written_on"].format(authors=_names(meta.get("auteurs"), lang), date=_day(meta.get("redige_le")))
    history = news.history_of(meta, limit=1)
    if history and str(history[0]["date"]) > str(meta.get("redige_le", "")):
        written += ", " + t["updated_on"].format(date=_day(history[0]["date"]))
    lines = [f"**{t['written']}** : {written}"]
    if meta.get("statut") == "relu":
        lines.append(f"**{t['reviewed_by']}** : {_names(committee.display_names(meta.get('relecteurs')), lang)}")
        lines.append(f"**{t['last_review']}** : {_day(meta.get('relu_le'))}")
        if meta.get("prochaine_relecture"):
            lines.append(f"**{t['next_review']}** : {_day(meta.get('prochaine_relecture'))}")
    elif meta.get("prochaine_relecture"):
        lines.append(f"**{t['due']}** : {_day(meta.get('prochaine_relecture'))}")
    return lines


def _history_block(meta: dict, lang: str) -> str:
    entries = news.history_of(meta, limit=3)
    if not entries:
        return ""
    items = "\n".join(f"- {_day(e['date'])} : {markdown_text(e.get('texte', ''))}" for e in entries)
    return f"**{TEXTS[lang]['history']}** :\n\n{items}\n\n"


def report_block(report: dict | None, lang: str = "fr") -> str:
    """The « Signaler une erreur » · « Proposer une correction » links (soignants/render/feedback.py):
    {"forge": issue form or None, "edition": web editor or None, "courriel": mailto or None}."""
    if not report or not (report.get("forge") or report.get("courriel")):
        return ""
    t = TEXTS[lang]
    links = []
    if report.get("forge"):
        links.append(f'<a class="{generated.classes("ss-signaler")}" href="{html_text(report["forge"])}">{html_text(t["report"])}</a>')
    if report.get("edition"):
        links.append(f'<a class="{generated.classes("ss-signaler")}" href="{html_text(report["edition"])}">{html_text(t["suggest"])}</a>')
    if report.get("courriel"):
        label = t["report_mail"] if report.get("forge") else t["report"]
        links.append(f'<a class="{generated.classes("ss-signaler")}" href="{html_text(report["courriel"])}">{html_text(label)}</a>')
    return " · ".join(links) + "\n\n"


def _status(meta: dict, lang: str) -> str:
    t = TEXTS[lang]
    return (t["reviewed"].format(names=_names(committee.display_names(meta.get("relecteurs")), lang))
            if meta.get("statut") == "relu" else t["draft"])


def _footer(lines: list[str], meta: dict, lang: str, report: dict | None) -> str:
    """The foot of a fiche or testimony: its lines, its history, the « Signaler » links."""
    return (
        f'<div class="{generated.classes("ss-fiche-pied", NOT_SEARCHED)}" markdown>\n\n'
        + "  \n".join(lines) + "\n\n"
        + _history_block(meta, lang)
        + report_block(report, lang)
        + "</div>\n"
    )


def fiche_footer(meta: dict, lang: str = "fr", report: dict | None = None) -> str:
    t = TEXTS[lang]
    lines = [f"**{t['status']}** : {_status(meta, lang)}", *_authorship_lines(meta, lang)]
    return _footer(lines, meta, lang, report)


def testimony_footer(meta: dict, src_uri: str, lang: str = "fr", report: dict | None = None) -> str:
    t = TEXTS[lang]
    related = ", ".join(
        f"[{markdown_text(_title_of(path))}]({relative_link(src_uri, path)})" for path in meta.get("fiches_liees", []))
    lines = [f"**{t['testimony_origin']}** : {markdown_text(meta.get('origine', ''))}",
             f"**{t['related']}** : {related}",
             f"**{t['status']}** : {_status(meta, lang)}", *_authorship_lines(meta, lang)]
    return _footer(lines, meta, lang, report)


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
            f'<audio controls preload="none" src="{html_text(audio["fichier"])}" '
            f'{generated.element()}></audio>\n')


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
        chosen = [entry for group in help_pages.edition_first(chosen) for entry in group]  # a region's first
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


def html_file_url(src_uri: str, target: str, html_urls: str = "page") -> str:
    """The address of a file of the built site (`feed.xml`) in raw HTML that a marker writes.
    MkDocs leaves raw HTML alone: the address is relative to the built page (`html_urls="page"`).
    Zensical rewrites relative addresses in raw HTML as it does Markdown links, from the Markdown
    file (`html_urls="source"`, used by the pre-rendered copy: soignants/pipeline/prerender.py)."""
    if html_urls == "source":
        return relative_link(src_uri, target)
    return root_relative(src_uri) + target


def expand_block_markers(markdown: str, src_uri: str, lang: str = "fr", html_urls: str = "page") -> str:
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
        if kind == "quoi-de-neuf":
            return news.news_page(src_uri, relative_link, html_file_url(src_uri, "feed.xml", html_urls), lang)
        if kind == "suivi-editorial":
            return editorial.dashboard_markdown(src_uri, relative_link)
        if kind == "tous-les-delais":
            return deadline_pages.all_deadlines_page(src_uri, lang)
        if kind in HELP_PAGE_BLOCKS:
            try:
                return HELP_PAGE_BLOCKS[kind](src_uri, lang)
            except help_pages.DirectoryError as error:
                raise MarkerError(f"{src_uri} : {error}") from None
        return help_directory(value or "", src_uri, lang)

    return BLOCK_MARKER.sub(replace, markdown)


# --- what a page loads besides its content ---------------------------------------------------

PAGES_WITH_DIRECTORY_SCRIPT = {"annuaire-departements", "carte-aide"}


def page_assets(markdown: str, src_uri: str, lang: str = "fr", html_urls: str = "page",
                meta: dict | None = None) -> tuple[str, str]:
    """The stylesheets and scripts a page's markers need, as HTML to put before and after the
    page's content once it is sanitised (soignants/render/sanitize.py lets no <script> or <link> through:
    these come from our code, with addresses computed here, never from the page). `meta`: the
    page's front matter (a fiche with deadlines loads the date calculator)."""
    before, after = [], []
    if meta and src_uri.startswith("fiches/") and deadline_pages.deadlines.entries_of(meta):
        after.append(deadline_pages.page_script(src_uri, lang, html_urls))
    for match in BLOCK_MARKER.finditer(markdown):
        kind, value = match.group(1), match.group(2)
        if kind == "questionnaire":
            try:
                first, last = questionnaire_form.page_assets(value or "", src_uri, lang, html_urls)
            except questionnaire_form.questionnaires.QuestionnaireError:  # the marker reports it
                continue
            before.append(first)
            after.append(last)
        elif kind in PAGES_WITH_DIRECTORY_SCRIPT:
            after.append(help_pages.page_script(src_uri, lang, html_urls))
        elif kind == "tous-les-delais":
            after.append(deadline_pages.page_script(src_uri, lang, html_urls))
    return "\n".join(dict.fromkeys(before)), "\n".join(dict.fromkeys(after))


# --- one entry point for a page -------------------------------------------------------------

def render_page_markdown(markdown: str, meta: dict, src_uri: str, lang: str = "fr",
                         today: date | None = None, report: dict | None = None, html_urls: str = "page") -> str:
    """Everything our markers and front matter add to a page, as Markdown.

    `report`: the page's « Signaler une erreur » addresses (soignants/render/feedback.py), or None.
    `html_urls`: how the generator reads relative addresses in raw HTML (`html_file_url`)."""
    today = today or date.today()
    is_fiche = src_uri.startswith("fiches/") and "partie" in meta
    is_testimony = src_uri.startswith("temoignages/") and "origine" in meta
    cited = list(dict.fromkeys([*meta.get("sources", []), *catalog.CITATION.findall(markdown)])) \
        if (is_fiche or is_testimony) else []
    markdown = expand_block_markers(markdown, src_uri, lang, html_urls)
    markdown = expand_help_markers(markdown, src_uri, lang, today)
    markdown = expand_citations(markdown, src_uri)
    if is_fiche:
        markdown = deadline_pages.insert_after_essentials(markdown, deadline_pages.box(meta, lang))
    # On a phone: the page's sections under its title, and « L'essentiel » leading to what to do
    # (its steps, and the deadlines box just inserted).
    if is_fiche:
        markdown = page_guides.essential_links(markdown, lang)
    toc = page_guides.compact_toc(markdown, meta, lang)
    if toc:
        markdown = insert_after_title(markdown, toc)
    if is_fiche or is_testimony:
        notice = draft_notice(meta, today, lang, testimony=is_testimony)
        if is_testimony:
            notice = "\n".join(x for x in (notice, audio_block(meta, lang)) if x)
        if notice:
            markdown = insert_after_title(markdown, notice)
        markdown = markdown.rstrip() + "\n\n" + references_markdown(cited, src_uri, lang)
        footer = fiche_footer(meta, lang, report) if is_fiche else testimony_footer(meta, src_uri, lang, report)
        markdown += "\n" + footer
    elif report_block(report, lang):  # every other page: the same links, at its foot
        markdown = (markdown.rstrip() + f'\n\n<div class="{generated.classes("ss-signalement", NOT_SEARCHED)}" markdown>\n\n'
                    + report_block(report, lang) + "</div>\n")
    return markdown
