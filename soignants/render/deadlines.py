"""The « Délais à ne pas manquer » box of a fiche, and the « Tous les délais » page.

Both are written from the fiches' front matter (`delais`, soignants/model/deadlines.py), every
value escaped where it lands (soignants/render/escaping.py). They read fully without JavaScript:
the duration, the event that starts it, what to do and where, whether it suspends anything, the
official text. overrides/assets/javascripts/delais.js only brings to life, on a fiche, the date
calculator (the reader types the day they received the letter; the page shows each last day,
computed in the page, stored and sent nowhere) and, on the « Tous les délais » page, sorting the
table. Its texts are written here: the script holds no French of its own.

The calculator's fields and the sorting buttons are written here too, shown only once the page
runs scripts (`html.js`, set before the first paint by chargement-differe.js, site.css): added by
the script after the page was shown, they moved the box under the reader's eyes (a layout shift).
Without JavaScript they stay hidden, never a dead field.

The box goes right after the fiche's « L'essentiel » section, before the next `## ` heading.
"""

from __future__ import annotations

import re

from ..model import deadlines
from ..model.folding import fold
from . import editions, generated
from .bibliography import date_fr
from .escaping import html_text, markdown_text
from .escaping import markdown_text as md
from .markers import relative_link

SCRIPT = "assets/javascripts/delais.js"
BOX_ID = "delais-a-ne-pas-manquer"
ESSENTIALS = "## L'essentiel"

TEXTS = {
    "fr": {
        "title": "Délais à ne pas manquer",
        "from": "à compter de",
        "where": "Où et comment",
        "suspends": {"oui": "Suspensif : oui.", "non": "Suspensif : non.", "sans objet": ""},
        "text": "Texte",
        "checked": "vérifié le {date}",
        "source": "source",
        "to_check": "lien officiel à vérifier",
        "confirm": "Faites-vous confirmer la date par {who}.",
        "calc_label": "Date de {evenement}",
        "calc_note": "Date calculée au plus tôt, sans report pour un samedi, un dimanche ou un jour férié.",
        "calc_result": "Au plus tard le {date}",
        "calc_now": "Dès le {date}",
        "calc_invalid": "Date non reconnue : choisissez le jour dans le calendrier ou écrivez-le en entier.",
        "immediate": "immédiat",
        # the « Tous les délais » page
        "col_fiche": "Fiche",
        "col_duration": "Délai",
        "col_event": "À compter de",
        "col_action": "Que faire, où",
        "col_suspends": "Suspensif",
        "col_text": "Texte officiel",
        "sort": "Trier par {column}",
        "sorted_by": "Tableau trié par {column}.",
        "scroll_label": "Tableau de tous les délais (défilement horizontal sur un petit écran)",
        "yes_no": {"oui": "oui", "non": "non", "sans objet": "sans objet"},
        "none": "Aucune fiche ne déclare encore de délai.",
        "caption": "Tous les délais des fiches, par fiche (sans JavaScript) ; "
                   "les en-têtes « Fiche » et « Délai » permettent de trier.",
    },
    "en": {
        "title": "Deadlines not to miss",
        "from": "from",
        "where": "Where and how",
        "suspends": {"oui": "Suspensive: yes.", "non": "Suspensive: no.", "sans objet": ""},
        "text": "Text",
        "checked": "checked on {date}",
        "source": "source",
        "to_check": "official link to be checked",
        "confirm": "Have the date confirmed by: {who}.",
        "calc_label": "Date of {evenement}",
        "calc_note": "Earliest date, with no extension for a Saturday, Sunday or public holiday.",
        "calc_result": "At the latest on {date}",
        "calc_now": "From {date}",
        "calc_invalid": "Date not recognised: pick the day in the calendar or type it in full.",
        "immediate": "immediately",
        "col_fiche": "Fact sheet",
        "col_duration": "Deadline",
        "col_event": "Counted from",
        "col_action": "What to do, where",
        "col_suspends": "Suspensive",
        "col_text": "Official text",
        "sort": "Sort by {column}",
        "sorted_by": "Table sorted by {column}.",
        "scroll_label": "Table of every deadline (scrolls sideways on a small screen)",
        "yes_no": {"oui": "yes", "non": "no", "sans objet": "not applicable"},
        "none": "No fact sheet declares a deadline yet.",
        "caption": "Every deadline of the fact sheets, by fact sheet (no JavaScript needed); "
                   "the « Fact sheet » and « Deadline » headers sort the table.",
        "french_note": "The fact sheets and their legal deadlines are in French: each entry below is "
                       "written as the French fact sheet states it.",
    },
}


def _attributes(values: dict) -> str:
    """HTML attributes our code writes: `class` and `data-*` marked as ours (soignants/render/
    generated.py), or the sanitiser would take them for a page's own and drop them."""
    def value(name, text):
        if name == "class":
            return generated.classes(*str(text).split())
        return generated.attr(text) if name.startswith("data-") else text
    return " ".join(f'{name}="{html_text(value(name, text))}"' for name, text in values.items())


def _c(*names: str) -> str:
    return generated.classes(*names)


# What makes a label, an input, an output or a button ours (the sanitiser drops any other).
OURS = generated.element()


def _official_text(entry: dict, t: dict) -> str:
    """« Texte : Code …, art. R… (lien Légifrance) · vérifié le … »."""
    text = entry["texte"]
    reference = html_text(text.get("reference", ""))
    if text.get("legifrance"):
        reference = f'<a href="{html_text(text["legifrance"])}">{reference}</a>'
    parts = [f"{html_text(t['text'])} : {reference}"]
    if text.get("a_verifier"):
        parts.append(f'<em>{html_text(t["to_check"])}</em>')
    if entry.get("verifie_le"):
        parts.append(html_text(t["checked"].format(date=date_fr(str(entry["verifie_le"])))))
    if entry.get("source"):
        parts.append(f'<a href="#ref-{html_text(entry["source"])}">{html_text(t["source"])}</a>')
    return " · ".join(parts)


def _entry_html(entry: dict, lang: str) -> str:
    t = TEXTS[lang]
    number, unit = int(entry["duree"]["nombre"]), str(entry["duree"]["unite"])
    data = {"id": f"delai-{entry['id']}", "class": "ss-delai", "data-nombre": number, "data-unite": unit,
            "data-evenement": entry["evenement"]}
    suspends = t["suspends"].get(entry.get("suspensif", ""), "")
    detail = entry.get("suspensif_detail")
    effect = " ".join(html_text(x if x.endswith(".") else x + ".") for x in (suspends, detail) if x)
    lines = [
        f'<p class="{_c("ss-delai__duree")}"><strong>{html_text(deadlines.duration_text(number, unit, lang))}</strong> '
        f'{html_text(t["from"])} {html_text(entry["evenement"])}</p>',
        _calculator_field(entry, t),
        f'<p class="{_c("ss-delai__action")}"><strong>{html_text(entry["action"])}</strong> — {html_text(entry["ou"])}</p>',
    ]
    if effect:
        lines.append(f'<p class="{_c("ss-delai__effet")}">{effect}</p>')
    lines.append(f'<p class="{_c("ss-delai__texte")}">{_official_text(entry, t)}</p>')
    lines.append(f'<p class="{_c("ss-delai__confirmer")}">{html_text(t["confirm"].format(who=entry["confirmer_par"]))}</p>')
    return f"<li {_attributes(data)}>\n" + "\n".join(lines) + "\n</li>"


def _calculator_field(entry: dict, t: dict) -> str:
    """« Date de <event> », a date field and the line of its last day (filled by delais.js)."""
    field_id = f"ss-delai-date-{entry['id']}"
    label = t["calc_label"].format(evenement=entry["evenement"])
    return (f'<p class="{_c("ss-delai__calcul")}">'
            f'<label for="{html_text(field_id)}" {OURS}>{html_text(label)}</label>'
            f'<input type="date" id="{html_text(generated.attr(field_id))}" min="1900-01-01" max="2200-12-31" '
            f'autocomplete="off" {OURS}>'
            f'<output class="{_c("ss-delai__date")}" for="{html_text(field_id)}" '
            f'aria-live="{generated.attr("polite")}" {OURS}></output></p>')


def box(meta: dict, lang: str = "fr") -> str:
    """The box of a fiche's deadlines (Markdown heading + HTML), or "" when it declares none.
    The calculator's texts are in data-* attributes: delais.js adds, in each deadline, a date
    field labelled « Date de <event> » and the line with its last day."""
    entries = deadlines.entries_of(meta)
    if not entries:
        return ""
    t = TEXTS[lang]
    calculator = {
        "class": "ss-delais", "data-ss-delais": "",
        "data-resultat": t["calc_result"], "data-immediat": t["calc_now"],
        "data-invalide": t["calc_invalid"], "data-langue": "fr-FR" if lang == "fr" else "en-GB",
    }
    items = "\n".join(_entry_html(e, lang) for e in entries)
    return (f"## {markdown_text(t['title'])} {{ #{BOX_ID} class=\"{_c('ss-delais-titre')}\" }}\n\n"
            f"<div {_attributes(calculator)}>\n"
            f'<p class="{_c("ss-delais__prudence")}">{html_text(t["calc_note"])}</p>\n'
            f'<ul class="{_c("ss-delais__liste")}">\n{items}\n</ul>\n'
            f"</div>\n")


_FENCE = re.compile(r"^\s*(```|~~~)")


def insert_after_essentials(markdown: str, block: str) -> str:
    """`block` right after the « L'essentiel » section (before the next `## ` heading outside
    code), or after the page's title when there is no such section."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    inside_code, in_essentials = False, False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            inside_code = not inside_code
            continue
        if inside_code:
            continue
        if line.strip() == ESSENTIALS:
            in_essentials = True
            continue
        if in_essentials and (line.startswith("## ") or line.startswith("# ")):
            return "\n".join(lines[:index] + [block.rstrip("\n"), ""] + lines[index:])
    if in_essentials:
        return markdown.rstrip("\n") + "\n\n" + block
    heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if heading is None:
        return block + "\n" + markdown
    return "\n".join(lines[:heading + 1] + ["", block.rstrip("\n"), ""] + lines[heading + 1:])


def page_script(src_uri: str, lang: str, html_urls: str = "page") -> str:
    """The calculator and sorting script, added after the page's sanitised content."""
    return editions.script_tag(src_uri, lang, SCRIPT, html_urls)


# --- the « Tous les délais » page -------------------------------------------------------------

def _header_content(t: dict, key: str, kind: str | None) -> str:
    """A column's title; a sortable one also as the button that sorts it (shown with scripts)."""
    if not kind:
        return html_text(t[key])
    return (f'<span class="{_c("ss-delais-tri-texte")}">{html_text(t[key])}</span>'
            f'<button type="button" class="{_c("ss-delais-tri")}" '
            f'aria-label="{html_text(generated.attr(t["sort"].format(column=t[key])))}" {OURS}>'
            f"{html_text(t[key])}</button>")


def all_deadlines_page(src_uri: str, lang: str = "fr", docs_dir=None) -> str:
    """A plain table of every fiche's deadlines, in the order of the fiches (sortable with the
    script by fiche and by duration). In the English edition, the interface is in English and the
    entries stay in French (`lang="fr"`), as the fiches state them."""
    t = TEXTS[lang]
    found = deadlines.all_deadlines(docs_dir)
    note = f'<p class="{_c("ss-delais-note")}">{html_text(t["french_note"])}</p>\n\n' if lang != "fr" else ""
    if not found:
        return note + f"<p>{html_text(t['none'])}</p>\n"
    french = ' lang="fr"' if lang != "fr" else ""
    headers = [("col_fiche", "texte"), ("col_duration", "nombre"), ("col_event", None), ("col_action", None),
               ("col_suspends", None), ("col_text", None)]
    head = "".join(
        f'<th scope="col"'
        + (" " + _attributes({"data-tri-type": kind, "data-tri-annonce": t["sorted_by"].format(column=t[key])}) if kind else "")
        + f">{_header_content(t, key, kind)}</th>"
        for key, kind in headers)
    rows = []
    for position, item in enumerate(found):
        entry = item.entry
        link = relative_link(src_uri, item.fiche) + f"#{BOX_ID}"
        suspends = t["yes_no"].get(entry.get("suspensif", ""), entry.get("suspensif", ""))
        official = md(entry["texte"].get("reference", ""))
        if entry["texte"].get("legifrance"):
            official = f'<a href="{html_text(entry["texte"]["legifrance"])}">{official}</a>'
        if entry["texte"].get("a_verifier"):
            official += f' (<em>{md(t["to_check"])}</em>)'
        # md_in_html: a cell is read as Markdown (the fiche's link, which MkDocs checks and
        # rewrites) only when the table, its body and its row say so too; every other cell is
        # text escaped for both Markdown and HTML.
        rows.append(
            f'<tr markdown="1" data-ordre="{generated.attr(position)}">\n'
            f'<td data-tri="{html_text(generated.attr(fold(item.fiche_title)))}" markdown="span"{french}>'
            f"[{md(item.fiche_title)}]({link})</td>\n"
            f'<td data-tri="{generated.attr(f"{item.sort_key:.4f}")}"{french}>{md(deadlines.duration_text(item.number, item.unit, "fr"))}</td>\n'
            f"<td{french}>{md(entry['evenement'])}</td>\n"
            f"<td{french}><strong>{md(entry['action'])}</strong> — {md(entry['ou'])}</td>\n"
            f"<td>{md(suspends)}</td>\n"
            f"<td{french}>{official}</td>\n"
            "</tr>")
    # In a box that scrolls sideways on a phone (reachable with the keyboard), the table's columns
    # fixed by its header row (site.css): as the rows arrive, the columns do not move.
    scroller = _attributes({"class": "ss-delais-tous__defilement", "tabindex": generated.attr("0"),
                            "role": generated.attr("region"), "aria-label": generated.attr(t["scroll_label"])})
    return (note + f'<div markdown="1" {scroller}>\n'
            f'<table markdown="1" class="{_c("ss-delais-tous")}" data-ss-delais-tous="{generated.attr()}">\n'
            f"<caption>{md(t['caption'])}</caption>\n"
            f"<thead>\n<tr>{head}</tr>\n</thead>\n"
            '<tbody markdown="1">\n' + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n"
            f'<p class="{_c("ss-delais-statut")}" role="{generated.attr("status")}"></p>\n')
