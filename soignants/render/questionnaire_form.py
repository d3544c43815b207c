"""The `<!-- questionnaire: ID -->` marker: a self-assessment that runs in the reader's browser.

Renders, from data/questionnaires/ID.yml (soignants/model/questionnaires.py) and data/aide.yml:
- the draft notice (from the file's `statut`) and what happens to the answers (nothing is sent,
  nothing is stored);
- a <form> that sends nothing: `method="dialog"` (outside a dialog, submitting does nothing,
  even if the script fails), no action, `autocomplete="off"`; one <fieldset> + <legend> per
  item, one radio per answer, its value shown next to its label;
- the result, hidden until the script shows it: the score and what it means (its band), the
  alerts, then the band's two or three lines to call (`lignes`, numbers from data/aide.yml, as
  buttons), what the result does not mean, and the whole « Quel numéro pour quoi ? »
  (help_directory.which_number) last;
- the bands table, which is also the fallback without JavaScript (add up the numbers, read the
  table), the licence with its sources, and the references;
- the JSON the script needs, and the page's own stylesheet and script, by relative paths (not
  in mkdocs.yml: no other page loads them).

The script (overrides/assets/javascripts/auto-evaluation.js) holds no text of its own: every word it
shows is written here, in the page's language, or comes from the data file.
"""

from html import escape
import json
import re

from . import editions, generated, help_directory
from ..model import questionnaires
from .escaping import json_for_html
from .bibliography import date_fr, full_citation_html, references as bibliography_references
from .help_directory import MONTHS_EN
from .markers import MarkerError, bibliography_page, expand_help_markers, relative_link
from ..model import help_data

SCRIPT = "assets/javascripts/auto-evaluation.js"
STYLESHEET = "assets/stylesheets/auto-evaluation.css"
HELP_PAGE = "aide/index.md"

TEXTS = {
    "fr": {
        "draft_title": "Questionnaire en attente de relecture par le comité éditorial",
        "draft_body": "Les questions et les choix de réponse sont ceux de la source citée en bas de page. "
                      "Les explications du résultat ont été rédigées par l'équipe du site à partir des sources "
                      "citées ; elles n'ont pas encore été relues par le comité éditorial.",
        "privacy_title": "Rien n'est envoyé, rien n'est enregistré",
        "privacy_body": "Vos réponses restent dans cette page, sur votre appareil : le score est calculé par "
                        "votre navigateur, **rien n'est envoyé** à personne et **rien n'est enregistré** "
                        "(ni cookie, ni stockage dans le navigateur, ni réponse dans l'adresse de la page). "
                        "Fermer ou quitter la page efface tout.",
        "privacy_more": "Sur un appareil partagé, la navigation privée évite en plus que la page reste dans "
                        "l'historique : voir [Rester discret]({link}).",
        "discreet_anchor": "rester-discret",
        "form_title": "Le questionnaire",
        "submit": "Voir mon résultat",
        "reset": "Effacer mes réponses",
        "no_js": "Sans JavaScript : additionnez les chiffres, puis lisez le tableau.",
        "result_title": "Votre résultat",
        "total": "Votre score : {total} sur {max}.",
        "band": "Palier « {label} » (score de {min} à {max}).",
        "limits_title": "Ce que ce résultat veut dire, et ce qu'il ne veut pas dire",
        "help_title": "Quel numéro pour quoi ?",
        "lines_title": "À qui parler maintenant",
        "table_title": "Lire le score",
        "table_intro": "Le score est la somme des chiffres de vos {n} réponses ; il va de {min} à {max}.",
        "table_high": "À partir de {threshold}, le résultat invite à en parler sans attendre, avec les lignes à appeler.",
        "table_alert": "Quel que soit le score, si vous répondez {values} à la question {number}, le résultat vous invite à appeler maintenant.",
        "table_caption": "Les paliers du score",
        "col_score": "Score",
        "col_band": "Palier",
        "range": "{min} à {max}",
        "or": "ou",
        "about_title": "À propos de ce questionnaire",
        "instrument": "Instrument",
        "text_source": "Texte des questions",
        "consulted": "consulté le {date}",
        "licence": "Licence",
        "licence_other": "formulaire anglais",
        "checked": "Vérifié le {date}",
        "status": "Statut",
        "draft": "brouillon, en attente de relecture par le comité éditorial",
        "reviewed": "relu par {names}",
        "references": "Références",
        "in_bibliography": "dans la bibliographie",
        # For the script (no French in auto-evaluation.js).
        "js": {
            "annonce": "Résultat : {total} sur {max}, palier « {palier} ».",
            "annonce_haut": "Les numéros à appeler maintenant suivent.",
            "manque_une": "Il manque une réponse : question {liste}. Répondez-y pour voir votre résultat.",
            "manque_plusieurs": "Il manque {n} réponses : questions {liste}. Répondez-y pour voir votre résultat.",
            "et": " et ",
            "question": "Question {n}",
            "efface": "Vos réponses sont effacées.",
            "palier_actuel": "votre score",
        },
    },
    "en": {
        "draft_title": "Questionnaire awaiting review by the editorial board",
        "draft_body": "The questions and answer choices are those of the source cited at the bottom of the page. "
                      "The explanations of the result were written by the site team from the sources cited; "
                      "they have not been reviewed by the editorial board yet.",
        "privacy_title": "Nothing is sent, nothing is stored",
        "privacy_body": "Your answers stay on this page, on your device: the score is computed by your "
                        "browser, **nothing is sent** to anyone and **nothing is stored** (no cookie, no "
                        "browser storage, no answer in the page's address). Closing or leaving the page erases "
                        "everything.",
        "privacy_more": "On a shared device, private browsing also keeps the page out of the history: see "
                        "[Staying discreet]({link}).",
        "discreet_anchor": "staying-discreet",
        "form_title": "The questionnaire",
        "submit": "See my result",
        "reset": "Clear my answers",
        "no_js": "Without JavaScript: add up the numbers, then read the table.",
        "result_title": "Your result",
        "total": "Your score: {total} out of {max}.",
        "band": "Band « {label} » (score {min} to {max}).",
        "limits_title": "What this result means, and what it does not",
        "help_title": "Which number for what?",
        "lines_title": "Who to talk to now",
        "table_title": "Reading the score",
        "table_intro": "The score is the sum of the numbers next to your {n} answers; it ranges from {min} to {max}.",
        "table_high": "From {threshold} upwards, the result asks you to talk about it without waiting, with the lines to call.",
        "table_alert": "Whatever the score, if you answer {values} to question {number}, the result asks you to call now.",
        "table_caption": "Score bands",
        "col_score": "Score",
        "col_band": "Band",
        "range": "{min} to {max}",
        "or": "or",
        "about_title": "About this questionnaire",
        "instrument": "Instrument",
        "text_source": "Text of the questions",
        "consulted": "accessed {date}",
        "licence": "Licence",
        "licence_other": "French form",
        "checked": "Checked {date}",
        "status": "Status",
        "draft": "draft, awaiting review by the editorial board",
        "reviewed": "reviewed by {names}",
        "references": "References",
        "in_bibliography": "in the bibliography",
        "js": {
            "annonce": "Result: {total} out of {max}, band « {palier} ».",
            "annonce_haut": "The numbers to call now follow.",
            "manque_une": "One answer is missing: question {liste}. Answer it to see your result.",
            "manque_plusieurs": "{n} answers are missing: questions {liste}. Answer them to see your result.",
            "et": " and ",
            "question": "Question {n}",
            "efface": "Your answers have been cleared.",
            "palier_actuel": "your score",
        },
    },
}


def _day(iso: str, lang: str) -> str:
    if lang == "fr":
        return date_fr(iso)
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS_EN[month - 1]} {year}"


def _join(words: list[str], lang: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {TEXTS[lang]['or']} " + words[-1]


def _inline(text: str) -> str:
    """A text of the data file inside raw HTML: escaped, kept on one line (no-break spaces kept)."""
    return escape(re.sub(r"[ \t\r\n]+", " ", text).strip(), quote=False)


def _indent(markdown: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in markdown.split("\n"))


# What only our code writes (soignants/render/generated.py): the form's elements, and the classes,
# `data-ss-*`, `role` and `tabindex` the script and the style sheet rely on.
OURS = generated.element()
_c = generated.classes


def _a(value="") -> str:
    return generated.attr(escape(str(value)))


# --- the parts of the block -----------------------------------------------------------------------

def _notices(data: dict, src_uri: str, lang: str) -> list[str]:
    t = TEXTS[lang]
    out = []
    if data["statut"] == "brouillon":
        out += [f'!!! warning "{t["draft_title"]}"', "", f"    {t['draft_body']}", ""]
    link = f"{relative_link(src_uri, HELP_PAGE)}#{t['discreet_anchor']}"
    out += [f'!!! info "{t["privacy_title"]}"', "", f"    {t['privacy_body']}",
            f"    {t['privacy_more'].format(link=link)}", ""]
    return out


def _form(data: dict, lang: str) -> list[str]:
    t = TEXTS[lang]
    qid = data["id"]
    out = [f'<form class="{_c("ss-q")}" id="{qid}" data-ss-questionnaire="{_a(qid)}" data-ss-donnees="{_a(qid + "-donnees")}" '
           f'method="dialog" autocomplete="off" aria-labelledby="{qid}-titre" aria-describedby="{qid}-consigne" {OURS}>',
           f'<h2 class="{_c("ss-q__titre")}" id="{qid}-titre">{_inline(t["form_title"])}</h2>',
           f'<p class="{_c("ss-q__consigne")}" id="{qid}-consigne">{_inline(data["consigne"][lang])}</p>']
    for number, item in enumerate(data["items"], 1):
        name = f"{qid}-{item['id']}"
        out += [f'<fieldset class="{_c("ss-q__item")}" id="{name}" {OURS}>',
                f'<legend {OURS}><span class="{_c("ss-q__numero")}">{number}.</span> {_inline(item["texte"][lang])}</legend>',
                f'<div class="{_c("ss-q__choix")}">']
        for choice in data["echelle"]:
            value = choice["valeur"]
            out.append(f'<label class="{_c("ss-q__reponse")}" {OURS}><input type="radio" name="{name}" value="{value}" {OURS}>'
                       f'<span class="{_c("ss-q__valeur")}">{value}</span> '
                       f'<span class="{_c("ss-q__libelle")}">{_inline(choice["libelle"][lang])}</span></label>')
        out += ["</div>", "</fieldset>"]
    out += [f'<div class="{_c("ss-q__erreur")}" id="{qid}-erreur" tabindex="{_a("-1")}" data-ss-erreur="{_a()}" hidden>',
            f'<p id="{qid}-erreur-texte" data-ss-erreur-texte="{_a()}"></p>',
            f'<ul data-ss-erreur-liens="{_a()}"></ul>',
            "</div>",
            f'<div class="{_c("ss-q__actions")}" data-ss-actions="{_a()}" hidden>',
            f'<button type="submit" class="{_c("md-button", "md-button--primary")}" {OURS}>{_inline(t["submit"])}</button>',
            f'<button type="reset" class="{_c("md-button")}" {OURS}>{_inline(t["reset"])}</button>',
            "</div>",
            # Shown until the script runs (not <noscript>: also there when the script fails to load).
            f'<p class="{_c("ss-q__sans-js")}" data-ss-sans-js="{_a()}">{_inline(t["no_js"])}</p>',
            "</form>",
            f'<p class="{_c("ss-q__annonce")}" id="{qid}-annonce" role="{_a("status")}" aria-live="{_a("polite")}" '
            f'data-ss-annonce="{_a()}"></p>',
            ""]
    return out


def _result(data: dict, src_uri: str, lang: str) -> list[str]:
    t = TEXTS[lang]
    qid = data["id"]
    score = data["score"]
    # The result opens with the score and what it means (its band), then the alert, if any, then
    # the band's two or three lines to call (`lignes`); the whole « Quel numéro pour quoi ? » last.
    total = f'<strong data-ss-total="{_a()}"></strong>'
    out = [f'<section class="{_c("ss-q__resultat")}" id="{qid}-resultat" data-ss-resultat="{_a("data-ss-resultat")}" hidden markdown="1">', "",
           f'## {t["result_title"]} {{#{qid}-resultat-titre tabindex="{_a("-1")}"}}', "",
           f'<p class="{_c("ss-q__total")}">{_inline(t["total"]).format(total=total, max=score["max"])}</p>',
           ""]
    for band in data["paliers"]:
        label = t["band"].format(label=band["libelle"][lang], min=band["min"], max=band["max"])
        out += [f'<div class="{_c("ss-q__palier", "ss-q__palier--" + band["niveau"])}" data-ss-palier="{_a(band["id"])}" hidden>',
                f"<p><strong>{_inline(label)}</strong></p>",
                f"<p>{_inline(band['explication'][lang])}</p>",
                "</div>", ""]
    for index, alert in enumerate(data["alertes"]):
        message = expand_help_markers(alert["message"][lang], src_uri, lang)
        out += [f'<div class="{_c("ss-q__alerte")}" data-ss-alerte="{_a(index)}" hidden markdown="1">', "",
                f'!!! danger "{alert["titre"][lang]}"', "", _indent(message), "", "</div>", ""]
    for band in data["paliers"]:
        if band.get("lignes"):
            out += _band_lines(data, band, lang)
    out += [f'### {t["limits_title"]} {{#{qid}-limites}}', ""]
    out += [f"- {line}" for line in data["limites"][lang]]
    out += ["", f'<div class="{_c("ss-q__aide")}" data-ss-aide="{_a("data-ss-aide")}" markdown="1">', "",
            f'### {t["help_title"]} {{#{qid}-quel-numero}}', "",
            help_directory.which_number(src_uri, lang, heading_level=4),
            "</div>", "", "</section>", ""]
    return out


def _band_lines(data: dict, band: dict, lang: str) -> list[str]:
    """The band's lines to call first, as buttons: each a line of data/aide.yml with a number."""
    t = TEXTS[lang]
    contacts = help_data.by_id()
    items = []
    for key in band["lignes"]:
        entry = contacts.get(key)
        if entry is None or not entry.get("telephone") or entry.get("statut") == "historique":
            raise MarkerError(f"data/questionnaires/{data['id']}.yml : le palier « {band['id']} » propose la ligne "
                              f"« {key} », {'inconnue de' if entry is None else 'sans numéro de téléphone en service dans'} "
                              "data/aide.yml ; choisissez une ligne qui a un numéro.")
        name = (entry.get("nom_court_en") if lang == "en" else None) or entry.get("nom_court") or entry["nom"]
        details = ", ".join(x for x in (entry.get("horaires"), entry.get("cout")) if x)
        details = details.lower() if lang == "fr" else details
        tel = help_data.tel_uri(entry["telephone"])
        items.append(f'<li data-ss-tel="{_a(tel)}"><a href="{generated.call(tel)}"><strong>{_inline(entry["telephone"])}</strong> '
                     f'{_inline(name)}</a> <span class="{_c("ss-q__ligne-detail")}">{_inline(details)}</span></li>')
    return [f'<div class="{_c("ss-q__lignes")}" data-ss-lignes="{_a(band["id"])}" hidden>',
            f'<p class="{_c("ss-q__lignes-titre")}"><strong>{_inline(t["lines_title"])}</strong></p>',
            f'<ul>{"".join(items)}</ul>', "</div>", ""]


def _table(data: dict, lang: str) -> list[str]:
    t = TEXTS[lang]
    qid = data["id"]
    score = data["score"]
    labels = {c["valeur"]: c["libelle"][lang] for c in data["echelle"]}
    numbers = {item["id"]: n for n, item in enumerate(data["items"], 1)}
    out = [f'## {t["table_title"]} {{#{qid}-paliers}}', "",
           t["table_intro"].format(n=len(data["items"]), min=score["min"], max=score["max"]),
           t["table_high"].format(threshold=score["seuil_haut"])]
    for alert in data["alertes"]:
        values = _join([f"« {labels[v]} » ({v})" for v in alert["valeurs"]], lang)
        out.append(t["table_alert"].format(values=values, number=numbers[alert["item"]]))
    rows = "".join(f'<tr data-ss-palier-ligne="{_a(b["id"])}"><td>{_inline(t["range"].format(min=b["min"], max=b["max"]))}</td>'
                   f'<td>{_inline(b["libelle"][lang])}</td></tr>' for b in data["paliers"])
    out += ["", f'<table class="{_c("ss-q__table")}" id="{qid}-table" data-ss-table="{_a()}">',
            f'<caption>{_inline(t["table_caption"])}</caption>',
            f'<thead><tr><th scope="col">{_inline(t["col_score"])}</th><th scope="col">{_inline(t["col_band"])}</th></tr></thead>',
            f"<tbody>{rows}</tbody>", "</table>", ""]
    return out


def _about(data: dict, src_uri: str, lang: str) -> list[str]:
    t = TEXTS[lang]
    qid = data["id"]
    licence, source = data["licence"], data["texte_source"]
    sources = ", ".join(f"[{s['titre']}]({s['url']})" for s in licence["sources"])
    checked = t["checked"].format(date=_day(licence["verifie_le"], lang))
    if lang == "fr":
        other = f" ({t['licence_other']} : « {licence['mention_en']} »)" if licence.get("mention_en") else ""
        licence_line = (f"**{t['licence']}** : « {licence['mention']} »{other} — {licence['ou']}. "
                        f"{checked} ({licence['comment']}) : {sources}.")
        source_line = (f"**{t['text_source']}** : [{source['titre']}]({source['url']}), "
                       f"{t['consulted'].format(date=_day(source['consulte_le'], lang))} ({source['comment']}).")
    else:
        shown = licence.get("mention_en") or licence["mention"]
        licence_line = (f"**{t['licence']}**: « {shown} » ({t['licence_other']}: « {licence['mention']} »), "
                        f"statement printed on the questionnaire's forms. {checked}: {sources}.")
        source_line = (f"**{t['text_source']}**: [{source['titre']}]({source['url']}), "
                       f"{t['consulted'].format(date=_day(source['consulte_le'], lang))}.")
    status = (t["reviewed"].format(names=", ".join(data["relecteurs"])) if data["statut"] == "relu" else t["draft"])
    colon = " :" if lang == "fr" else ":"
    out = [f'## {t["about_title"]} {{#{qid}-a-propos}}', "",
           f"**{t['instrument']}**{colon} {data['instrument']}.", "", source_line, "", licence_line, "",
           f"**{t['status']}**{colon} {status}.", "",
           f"**{t['references']}**{colon}", ""]
    refs = bibliography_references()
    for key in data["references"]:
        if key not in refs:
            raise MarkerError(f"data/questionnaires/{qid}.yml : référence inconnue « {key} » dans « references » ; "
                              "ajoutez-la à data/bibliographie.yml ou corrigez la clé.")
        link = relative_link(src_uri, bibliography_page(refs[key]))
        out.append(f'- <span id="ref-{key}"></span>{full_citation_html(refs[key])} '
                   f"([{t['in_bibliography']}]({link}#ref-{key}))")
    return out + [""]


def script_data(data: dict, lang: str) -> dict:
    """What auto-evaluation.js needs, from the data file: no text of its own."""
    qid = data["id"]
    return {
        "id": qid,
        "items": [{"id": item["id"], "nom": f"{qid}-{item['id']}", "numero": n}
                  for n, item in enumerate(data["items"], 1)],
        "min": data["score"]["min"],
        "max": data["score"]["max"],
        "seuil_haut": data["score"]["seuil_haut"],
        "paliers": [{"id": b["id"], "min": b["min"], "max": b["max"], "libelle": b["libelle"][lang]}
                    for b in data["paliers"]],
        "alertes": [{"item": a["item"], "valeurs": a["valeurs"]} for a in data["alertes"]],
        "textes": TEXTS[lang]["js"],
    }


# --- the marker ---------------------------------------------------------------------------------------

def questionnaire_block(questionnaire_id: str, src_uri: str, lang: str = "fr") -> str:
    """The whole block of `<!-- questionnaire: ID -->`, as Markdown with raw HTML."""
    try:
        data = questionnaires.load(questionnaire_id)
    except questionnaires.QuestionnaireError as error:
        raise MarkerError(f"{src_uri} : {error}") from None
    qid = data["id"]
    out = _notices(data, src_uri, lang)
    out += _form(data, lang)
    out += _result(data, src_uri, lang)
    out += _table(data, lang)
    out += _about(data, src_uri, lang)
    return "\n".join(out) + "\n"


def page_assets(questionnaire_id: str, src_uri: str, lang: str = "fr", html_urls: str = "page") -> tuple[str, str]:
    """What the page needs besides its content, added after the content is sanitised: its own
    stylesheet (before), the questionnaire's data and the script (after). `html_urls`: see
    editions.asset_url."""
    data = questionnaires.load(questionnaire_id)
    qid = data["id"]
    before = f'<link rel="stylesheet" href="{editions.asset_url(src_uri, lang, STYLESHEET, html_urls=html_urls)}">'
    after = (f'<script type="application/json" id="{qid}-donnees">{json_for_html(script_data(data, lang))}</script>\n'
             + editions.script_tag(src_uri, lang, SCRIPT, html_urls))
    return before, after

