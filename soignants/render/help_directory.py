"""The help pages built from data/aide.yml and data/departements.yml, as Markdown.

Block markers (expanded by soignants/render/pages.py):
- `<!-- quel-numero -->`            « Quel numéro pour quoi ? »: situation -> lines, from the
                                    `pour` categories of each structure (never a typed number)
- `<!-- annuaire-departements -->`  the directory by département: a table of the 101
                                    départements, each linked to its region's section, and one
                                    section per region (national lines + regional structures)
- `<!-- carte-aide -->`             the printable crisis card

Everything here works without JavaScript; overrides/assets/javascripts/annuaire.js only adds the filter
(its texts are written into the HTML here, so the script holds no French).
"""

from dataclasses import dataclass, field
from datetime import date
import re
import unicodedata

from .. import DATA_DIR
from . import editions, generated
from ..model import catalog, help_data, schemas
from ..model.regional import current as current_edition
from .escaping import html_link, markdown_text
from .markers import MONTHS_EN, MarkerError, call_link, help_contact_markdown, month, relative_link, stale_caveat  # noqa: F401 (MONTHS_EN, month: re-exported)
from ..model.yamlfile import load_yaml_file

DEPARTEMENTS_FILE = DATA_DIR / "departements.yml"
ANNUAIRE_PAGE = "aide/annuaire.md"


class DirectoryError(ValueError):
    """The data files disagree (unknown region, bad département); the message is in French."""


def _ours(value: str = "") -> str:
    """A data value in an attribute only our code writes (`data-*`, `role`, `id` of the filter)."""
    return generated.attr(markdown_text(value))


# --- départements and regions -----------------------------------------------------------------

def load_departements(path=DEPARTEMENTS_FILE) -> dict:
    """data/departements.yml, checked against its schema and against data/aide.yml."""
    data = load_yaml_file(path)
    problems = [f"{'/'.join(str(p) for p in e.absolute_path) or '(racine)'} : {e.message}"
                for e in schemas.errors("departements", data)]
    if problems:
        raise DirectoryError("data/departements.yml ne respecte pas son modèle : " + " ; ".join(problems))
    problems += cross_reference_problems(data, help_data.structures())
    if problems:
        raise DirectoryError(" ; ".join(problems))
    return data


def cross_reference_problems(data: dict, structures: list[dict]) -> list[str]:
    """Every département names a known region, every region has départements, and every region
    or département named in data/aide.yml exists."""
    regions = [r["nom"] for r in data["regions"]]
    codes = [d["code"] for d in data["departements"]]
    problems = []
    for dup in sorted({c for c in codes if codes.count(c) > 1}):
        problems.append(f"data/departements.yml : le département {dup} figure deux fois")
    for dep in data["departements"]:
        if dep["region"] not in regions:
            problems.append(f"data/departements.yml : région inconnue « {dep['region']} » pour {dep['code']} {dep['nom']}")
    for region in regions:
        if not any(d["region"] == region for d in data["departements"]):
            problems.append(f"data/departements.yml : la région « {region} » n'a aucun département")
    for entry in structures:
        for region in entry.get("regions", []):
            if region not in regions:
                problems.append(f"data/aide.yml : « {entry['id']} » cite la région « {region} », inconnue de "
                                f"data/departements.yml (régions possibles : {', '.join(regions)})")
        for code in entry.get("departements", []):
            if code not in codes:
                problems.append(f"data/aide.yml : « {entry['id']} » cite le département « {code} », inconnu")
    return problems


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def region_anchor(region: str) -> str:
    """`Provence-Alpes-Côte d'Azur` -> `region-provence-alpes-cote-d-azur`."""
    return f"region-{slug(region)}"


def departement_anchor(code: str) -> str:
    return f"dep-{code.lower()}"


def structures_serving(region: str, data: dict) -> list[dict]:
    """Active regional and departmental structures serving a region, in file order."""
    codes = {d["code"] for d in data["departements"] if d["region"] == region}
    return [e for e in help_data.structures() if e["statut"] == "actif" and (
        region in e.get("regions", []) or codes & set(e.get("departements", [])))]


def national_lines() -> list[dict]:
    """Active national lines: strip numbers first (in strip order), then the others in file order."""
    chosen = [e for e in help_data.structures() if e["portee"] == "national" and e["statut"] == "actif"]
    # A line outside the strip sits next to the strip line of the same need (112 after 15).
    rank = {}
    for entry in chosen:
        if "bandeau" in entry:
            rank.setdefault(entry["pour"][0], entry["bandeau"])
    return sorted(chosen, key=lambda e: (e.get("bandeau", rank.get(e["pour"][0], 99)), "bandeau" not in e))


def _where(entry: dict, data: dict) -> str:
    """`Occitanie`, or the départements of a departmental structure: `Nord (59)`."""
    if entry.get("regions"):
        return ", ".join(entry["regions"])
    names = {d["code"]: d["nom"] for d in data["departements"]}
    return ", ".join(f"{names[c]} ({c})" for c in entry.get("departements", []))


# --- texts ------------------------------------------------------------------------------------

TEXTS = {
    "fr": {
        "danger_title": "Danger immédiat, idées suicidaires",
        "or": "ou",
        "regional_too": "Dans certaines régions",
        "other_regions": "Dans d'autres régions",
        "edition_region": "Dans votre région ({region})",
        "directory_link": "annuaire par département",
        "fiches": "Fiches",
        "none": "Aucune structure spécialisée n'est encore recensée dans cet annuaire : "
                "les lignes d'écoute ci-dessus peuvent vous orienter.",
        "filter_label": "Votre département (numéro ou nom)",
        "filter_hint": "Par exemple : 13, 2A, 974, Finistère.",
        "filter_one": "1 département correspond.",
        "filter_many": "{n} départements correspondent.",
        "filter_none": "Aucun département ne correspond : essayez le numéro (ex. 13, 2A, 974).",
        "table_caption": "Les 101 départements et la région de chacun (liste de l'INSEE)",
        "col_code": "N°",
        "col_name": "Département",
        "col_region": "Région : contacts",
        "national_title": "Partout en France",
        "national_intro": "Ces lignes nationales répondent quel que soit votre département :",
        "table_title": "Trouver votre département",
        "table_intro": "Chaque département renvoie à la section de sa région, qui rappelle les lignes "
                       "nationales et donne les structures de la région.",
        "departements": "Départements",
        "in_region": "Dans la région",
        "no_regional": "Aucune structure régionale ou départementale n'est encore recensée ici. "
                       "Les lignes nationales ci-dessus répondent partout.",
        "everywhere": "Et partout",
        "source": "source",
        "verified": "vérifié en {date}",
        "back_to_table": "Revenir à la liste des départements",
        "card_title": "Numéros d'aide pour les soignants",
        "card_subtitle": "Gardez cette carte près du téléphone, dans un tiroir ou une poche.",
        "card_national": "Partout en France",
        "card_regional": "Dans certaines régions",
        "card_more": "Tous les contacts, avec leurs sources et la date de vérification :",
        "card_site": "site « Soigner les soignants », annuaire de l'aide par département",
        "card_site_named": "site « {name} », annuaire de l'aide par département",
        "publics": {"tout-public": "tout le monde", "medecins": "médecins", "tous-soignants": "tous les soignants",
                    "internes": "internes", "internes-etudiants": "internes et étudiants", "familles": "familles"},
        "for": "pour",
        "answered_by": "qui répond",
        "repondants": {"psychologues": "des psychologues", "medecins-pairs": "des médecins, pour leurs confrères",
                       "ordre": "le service d'entraide de l'Ordre des médecins", "urgence": "un service d'urgence",
                       "secretariat-medecins": "un secrétariat, qui transmet l'appel à un médecin"},
    },
    "en": {
        "danger_title": "Immediate danger, suicidal thoughts",
        "or": "or",
        "regional_too": "In some regions",
        "other_regions": "In other regions",
        "edition_region": "In your region ({region})",
        "directory_link": "directory by département",
        "fiches": "Fact sheets (in French)",
        "none": "No specialised service is listed in this directory yet: the listening lines above can "
                "point you to one.",
        "filter_label": "Your département (number or name)",
        "filter_hint": "For example: 13, 2A, 974, Finistère.",
        "filter_one": "1 département matches.",
        "filter_many": "{n} départements match.",
        "filter_none": "No département matches: try its number (e.g. 13, 2A, 974).",
        "table_caption": "The 101 départements and the region of each (INSEE list)",
        "col_code": "No.",
        "col_name": "Département",
        "col_region": "Region: contacts",
        "national_title": "Everywhere in France",
        "national_intro": "These national lines answer whatever your département:",
        "table_title": "Find your département",
        "table_intro": "Each département links to its region's section, which repeats the national lines "
                       "and lists the region's services.",
        "departements": "Départements",
        "in_region": "In the region",
        "no_regional": "No regional or departmental service is listed here yet. The national lines above "
                       "answer everywhere.",
        "everywhere": "And everywhere",
        "source": "source",
        "verified": "checked {date}",
        "back_to_table": "Back to the list of départements",
        "card_title": "Help numbers for health workers",
        "card_subtitle": "Keep this card by the phone, in a drawer or a pocket.",
        "card_national": "Everywhere in France",
        "card_regional": "In some regions",
        "card_more": "All contacts, with their sources and the date they were checked:",
        "card_site": "« Soigner les soignants » website, help directory by département",
        "card_site_named": "« {name} » website, help directory by département",
        "publics": {"tout-public": "everyone", "medecins": "doctors", "tous-soignants": "all health workers",
                    "internes": "junior doctors", "internes-etudiants": "junior doctors and students",
                    "familles": "families"},
        "for": "for",
        "answered_by": "who answers",
        "repondants": {"psychologues": "psychologists", "medecins-pairs": "doctors, for their peers",
                       "ordre": "the Ordre des médecins' support service", "urgence": "an emergency service",
                       "secretariat-medecins": "a secretary, who passes the call on to a doctor"},
    },
}


# --- « Quel numéro pour quoi ? » --------------------------------------------------------------

@dataclass(frozen=True)
class Situation:
    """A reader's situation and how to pick its lines in data/aide.yml."""
    key: str
    title: dict                      # lang -> heading
    pour: frozenset                  # any of these `pour` categories
    publics_any: frozenset = frozenset()   # at least one of these publics (empty: any)
    publics_none: frozenset = frozenset()  # none of these publics
    repondants: frozenset = frozenset()    # who answers (`repondant` in data/aide.yml; empty: anyone)
    always_open: bool = False        # only lines answering 24 h/24
    fiches: tuple = ()               # src_uri of fiches to read
    lead: dict = field(default_factory=dict)  # lang -> sentence before the lines


DANGER = (
    ("urgence-suicidaire", {"fr": "Vous pensez au suicide, ou vous êtes inquiet pour un proche ou un confrère",
                            "en": "You are thinking of suicide, or worried about someone close or a colleague"}),
    ("urgence-vitale", {"fr": "Danger vital immédiat", "en": "Life-threatening emergency"}),
)

SITUATIONS = (
    Situation("psychologue",
              {"fr": "Parler à un psychologue maintenant, de jour comme de nuit",
               "en": "Talk to a psychologist now, day or night"},
              frozenset({"ecoute-psychologique"}), publics_any=frozenset({"tous-soignants"}),
              publics_none=frozenset({"tout-public"}), always_open=True, repondants=frozenset({"psychologues"}),
              fiches=("fiches/soignant/epuisement-professionnel.md",)),
    Situation("ordre",
              {"fr": "Vous êtes médecin ou interne, ou l'un de leurs proches : l'entraide de l'Ordre des médecins",
               "en": "You are a doctor or junior doctor, or close to one: the Ordre des médecins' support line"},
              frozenset({"entraide-ordinale"}), repondants=frozenset({"ordre"}),
              lead={"fr": "Écoute, aide sociale ou financière, orientation vers un soin ou une association.",
                    "en": "Listening, social or financial help, referral to care or an association."}),
    # Health workers who are not doctors: every active line whose `publics` names them, whatever it
    # is for (data/aide.yml), so the page never says a line answers them unless the data says so.
    Situation("soignants",
              {"fr": "Vous êtes infirmier, kinésithérapeute, sage-femme, pharmacien ou d'une autre profession de soin",
               "en": "You are a nurse, physiotherapist, midwife, pharmacist or another health worker"},
              frozenset({"urgence-suicidaire", "ecoute-psychologique", "entraide-ordinale", "aide-sociale-financiere",
                         "addictions", "juridique", "soutien-internes", "accompagnement-pairs"}),
              publics_any=frozenset({"tous-soignants"}),
              lead={"fr": "Ces lignes ne sont pas réservées aux médecins : elles répondent aussi aux autres soignants.",
                    "en": "These lines are not only for doctors: they answer other health workers too."}),
    Situation("pairs",
              {"fr": "Parler à un médecin qui aide ses confrères, et être accompagné dans la durée",
               "en": "Talk to a doctor who helps colleagues, and be supported over time"},
              frozenset({"accompagnement-pairs"}), repondants=frozenset({"medecins-pairs", "secretariat-medecins"})),
    Situation("argent",
              {"fr": "Argent, cotisations en retard, prévoyance",
               "en": "Money, late contributions, income protection"},
              frozenset({"aide-sociale-financiere"}),
              fiches=("fiches/cabinet/difficultes-financieres.md", "fiches/cabinet/prevoyance.md")),
    Situation("juridique",
              {"fr": "Plainte, litige, question juridique",
               "en": "Complaint, dispute, legal question"},
              frozenset({"juridique"}),
              fiches=("fiches/soignant/plainte-patient.md", "fiches/soignant/violences-agressions.md")),
    Situation("carriere",
              {"fr": "Carrière : installation, reconversion, retraite",
               "en": "Career: setting up, changing course, retirement"},
              frozenset({"entraide-ordinale"}),
              fiches=("fiches/cabinet/s-installer.md", "fiches/cabinet/changer-reduire-arreter.md",
                      "fiches/cabinet/retraite-et-succession.md"),
              lead={"fr": "Aucune ligne de cet annuaire n'est consacrée à la carrière ; l'entraide de l'Ordre "
                          "peut vous orienter.",
                    "en": "No line in this directory is dedicated to careers; the Ordre's support line can "
                          "point you in the right direction."}),
    Situation("addictions",
              {"fr": "Alcool, médicaments, autres produits",
               "en": "Alcohol, medicines, other substances"},
              frozenset({"addictions"}),
              fiches=("fiches/soignant/addictions.md",)),
    Situation("internes",
              {"fr": "Vous êtes interne ou étudiant",
               "en": "You are a junior doctor or a student"},
              frozenset({"soutien-internes", "ecoute-psychologique", "entraide-ordinale"}),
              publics_any=frozenset({"internes", "internes-etudiants"}),
              fiches=("fiches/soignant/internes-etudiants.md",)),
)


def matches(entry: dict, situation: Situation) -> bool:
    publics = set(entry["publics"])
    return (entry["statut"] == "actif"
            and bool(situation.pour & set(entry["pour"]))
            and (not situation.publics_any or bool(situation.publics_any & publics))
            and not (situation.publics_none & publics)
            and (not situation.repondants or entry.get("repondant") in situation.repondants)
            and (not situation.always_open or help_data.always_open(entry)))


def edition_first(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the entries of the edition being built, the others), each in file order. National
    edition: ([], entries)."""
    edition = current_edition()
    if edition is None:
        return [], list(entries)
    return [e for e in entries if edition.serves(e)], [e for e in entries if not edition.serves(e)]


def lines_for(situation: Situation) -> tuple[list[dict], list[dict]]:
    """(national lines, regional or departmental lines) for a situation, from data/aide.yml."""
    chosen = [e for e in help_data.structures() if matches(e, situation)]
    national = sorted((e for e in chosen if e["portee"] == "national"), key=lambda e: e.get("bandeau", 99))
    return national, [e for e in chosen if e["portee"] != "national"]


def _contact(entry: dict, lang: str, today: date) -> str:
    return help_contact_markdown(entry, lang, today)  # with its « à confirmer » caveat when stale


def _fiche_links(paths, src_uri: str, lang: str) -> str:
    titles = {f.src_uri: f.title for f in catalog.fiches()}
    links = []
    for path in paths:
        if path not in titles:
            raise MarkerError(f"{src_uri} : « Quel numéro pour quoi ? » renvoie à la fiche {path}, introuvable "
                              "(voir soignants/render/help_directory.py, SITUATIONS).")
        links.append(f"[{markdown_text(titles[path])}]({relative_link(src_uri, path)})")
    return f"{TEXTS[lang]['fiches']} : " + ", ".join(links)


def which_number(src_uri: str, lang: str = "fr", today: date | None = None, heading_level: int = 3) -> str:
    """The « Quel numéro pour quoi ? » block: each situation with its lines, from data/aide.yml.

    Situations are `###` headings on the help page; `heading_level` sets another level where the
    block sits deeper (the self-assessment's result, under « Votre résultat »)."""
    today = today or date.today()
    t = TEXTS[lang]
    data = load_departements()
    directory = relative_link(src_uri, ANNUAIRE_PAGE)
    out = [f'<div class="{generated.classes("ss-quel-numero")}" markdown>', "", f'!!! danger "{t["danger_title"]}"', ""]
    for category, label in DANGER:
        chosen = [e for e in national_lines() if category in e["pour"]]
        if not chosen:
            raise MarkerError(f"data/aide.yml : aucune ligne nationale active pour « {category} » : "
                              "la page « Trouver de l'aide » ne peut pas être construite.")
        joined = f", {t['or']} ".join(_contact(e, lang, today) for e in chosen)
        out.append(f"    - **{label[lang]}** : {joined}")
    out.append("")
    for situation in SITUATIONS:
        national, regional = lines_for(situation)
        out += [f"{'#' * heading_level} {situation.title[lang]} {{#quel-numero-{situation.key}}}", ""]
        if situation.lead:
            out += [situation.lead[lang], ""]
        out += [f"- {_contact(e, lang, today)}" for e in national]
        mine, others = edition_first(regional)
        if mine:  # a regional edition: its region's lines first (soignants/model/regional.py)
            region = markdown_text(current_edition().regions_label)
            out.append(f"- {t['edition_region'].format(region=region)} :")
            out += [f"    - {_contact(entry, lang, today)}" for entry in mine]
        if others:
            label = t["other_regions"] if current_edition() else t["regional_too"]
            out.append(f"- {label} ([{t['directory_link']}]({directory})) :")
            for entry in others:
                where = markdown_text(_where(entry, data))
                anchor = region_anchor(entry["regions"][0]) if entry.get("regions") else \
                    region_anchor(_region_of(entry["departements"][0], data))
                out.append(f"    - [{where}]({directory}#{anchor}) : {_contact(entry, lang, today)}")
        if not national and not regional:
            out.append(f"- {t['none']}")
        if situation.fiches:
            out.append(f"- {_fiche_links(situation.fiches, src_uri, lang)}")
        out.append("")
    out += ["</div>", ""]
    return "\n".join(out)


def _region_of(code: str, data: dict) -> str:
    return next(d["region"] for d in data["departements"] if d["code"] == code)


# --- directory by département -----------------------------------------------------------------

def _compact(entry: dict) -> str:
    label = entry.get("nom_court") or entry["nom"].split(" — ", 1)[-1]
    return f"{call_link(entry['telephone'])} {markdown_text(label)}"


def national_compact() -> str:
    return " · ".join(_compact(e) for e in national_lines() if e.get("telephone"))


def _detailed(entry: dict, lang: str, today: date) -> list[str]:
    t = TEXTS[lang]
    source = markdown_text(entry["source"]["titre"])
    if entry["source"].get("url"):
        source = html_link(entry["source"]["titre"], entry["source"]["url"])
    lines = [f"- {_contact(entry, lang, today)}"]
    if entry.get("repondant") in t["repondants"]:
        lines.append(f"  {markdown_text(t['answered_by'].capitalize())} : {markdown_text(t['repondants'][entry['repondant']])}.")
    if entry.get("description"):
        lines.append(f"  {markdown_text(entry['description'])}")
    lines.append(f"  *{t['source']} : {source}, {markdown_text(t['verified'].format(date=month(entry['verifie_le'], lang)))}.*")
    return ["  \n".join(lines)]


def departement_table(data: dict, lang: str = "fr") -> str:
    """The filter (hidden until the script shows it) and the table of the 101 départements."""
    t = TEXTS[lang]
    rows = []
    for dep in data["departements"]:
        region = dep["region"]
        rows.append(
            f'<tr id="{departement_anchor(dep["code"])}" data-code="{_ours(dep["code"])}" '
            f'data-nom="{_ours(dep["nom"])}" data-region="{_ours(region)}">'
            f'<td>{markdown_text(dep["code"])}</td><td>{markdown_text(dep["nom"])}</td>'
            f'<td><a href="#{region_anchor(region)}">{markdown_text(region)}</a></td></tr>')
    return "\n".join([
        f'<div class="{generated.classes("ss-filtre")}" data-ss-filtre="{_ours()}" hidden>',
        f'<label for="ss-filtre-departement" {generated.element()}>{markdown_text(t["filter_label"])}</label>',
        f'<input id="{_ours("ss-filtre-departement")}" type="search" autocomplete="off" spellcheck="false" '
        f'aria-describedby="ss-filtre-aide ss-filtre-etat" aria-controls="{_ours("ss-departements")}" '
        f'{generated.element()}>',
        f'<p id="{_ours("ss-filtre-aide")}" class="{generated.classes("ss-filtre__aide")}">{markdown_text(t["filter_hint"])}</p>',
        f'<p id="{_ours("ss-filtre-etat")}" class="{generated.classes("ss-filtre__etat")}" role="{_ours("status")}" '
        f'data-un="{_ours(t["filter_one"])}" data-plusieurs="{_ours(t["filter_many"])}" '
        f'data-aucun="{_ours(t["filter_none"])}"></p>',
        '</div>',
        f'<div class="{generated.classes("ss-departements")}">',
        f'<table id="{_ours("ss-departements")}">',
        f'<caption>{markdown_text(t["table_caption"])}</caption>',
        f'<thead><tr><th scope="col">{markdown_text(t["col_code"])}</th><th scope="col">{markdown_text(t["col_name"])}</th>'
        f'<th scope="col">{markdown_text(t["col_region"])}</th></tr></thead>',
        '<tbody>',
        *rows,
        '</tbody>',
        '</table>',
        '</div>',
    ])


def region_section(region: dict, data: dict, lang: str, today: date) -> str:
    t = TEXTS[lang]
    name = region["nom"]
    deps = [d for d in data["departements"] if d["region"] == name]
    serving = structures_serving(name, data)
    out = [f'<section class="{generated.classes("ss-region")}" data-region="{_ours(name)}" markdown>', "",
           f"## {markdown_text(name)} {{#{region_anchor(name)}}}", "",
           f"**{t['departements']}** : " + ", ".join(markdown_text(f"{d['nom']} ({d['code']})") for d in deps), "",
           f"**{t['in_region']}**", ""]
    if serving:
        for entry in serving:
            if entry["portee"] == "departemental":
                out.append(f"- *{markdown_text(_where(entry, data))}*")
            out += _detailed(entry, lang, today)
    else:
        out.append(t["no_regional"])
    out += ["", f"**{t['everywhere']}** : {national_compact()}", "",
            f'<p class="{generated.classes("ss-region__retour")}"><a href="#ss-departements">{markdown_text(t["back_to_table"])}</a></p>',
            "", "</section>", ""]
    return "\n".join(out)


def directory_by_departement(src_uri: str, lang: str = "fr", today: date | None = None) -> str:
    today = today or date.today()
    t = TEXTS[lang]
    data = load_departements()
    out = [f"## {t['national_title']} {{#partout}}", "", t["national_intro"], ""]
    for entry in national_lines():
        out += _detailed(entry, lang, today)
    # A regional edition: its region's section first, under the national lines; the table and
    # the other regions follow, as in the national edition.
    edition = current_edition()
    first = [r for r in data["regions"] if edition and r["nom"] in edition.region_names]
    out += [region_section(region, data, lang, today) for region in first]
    out += ["", f"## {t['table_title']} {{#departements}}", "", t["table_intro"], "",
            departement_table(data, lang), ""]
    for region in data["regions"]:
        if region not in first:
            out.append(region_section(region, data, lang, today))
    return "\n".join(out)


# The filter of the directory and the card's full address: only the two pages that use it load it.
SCRIPT = "assets/javascripts/annuaire.js"


def page_script(src_uri: str, lang: str, html_urls: str = "page") -> str:
    """Added after the page's content is sanitised (soignants/render/pages.py, page_assets)."""
    return editions.script_tag(src_uri, lang, SCRIPT, html_urls)


# --- the crisis card --------------------------------------------------------------------------

def _card_line(entry: dict, lang: str, today: date, where: str = "") -> str:
    t = TEXTS[lang]
    label = entry.get("nom_court") or entry["nom"].split(" — ", 1)[-1]
    if where:
        label = f"{where} — {entry['nom'].split(' — ', 1)[0]}"
    publics = ", ".join(t["publics"][p] for p in (
        ["tout-public"] if "tout-public" in entry["publics"] else entry["publics"]))
    details = " · ".join(x for x in (entry.get("horaires"), entry.get("cout"), f"{t['for']} {publics}") if x)
    caveat = stale_caveat(entry, lang, today)
    stale = f' <span class="{generated.classes("ss-carte__verif")}">({markdown_text(caveat)})</span>' if caveat else ""
    return (f'<li>{call_link(entry["telephone"], "ss-carte__numero")} <span class="{generated.classes("ss-carte__quoi")}">'
            f'<strong>{markdown_text(label)}</strong>'
            f' <span class="{generated.classes("ss-carte__details")}">{markdown_text(details)}</span>{stale}</span></li>')


def crisis_card(src_uri: str, lang: str = "fr", today: date | None = None) -> str:
    """One printable page: every active line with its number, from data/aide.yml."""
    today = today or date.today()
    t = TEXTS[lang]
    data = load_departements()
    national = [e for e in national_lines() if e.get("telephone")]
    regional = [e for e in help_data.structures()
                if e["statut"] == "actif" and e["portee"] != "national" and e.get("telephone")]
    # A regional edition's card: its region's lines only; the others are in the directory.
    edition = current_edition()
    regional_title, site = t["card_regional"], t["card_site"]
    if edition is not None:
        regional = edition_first(regional)[0]
        regional_title = t["edition_region"].format(region=edition.regions_label)
        site = t["card_site_named"].format(name=markdown_text(edition.site_name))
    directory = relative_link(src_uri, ANNUAIRE_PAGE)
    out = [f'<div class="{generated.classes("ss-carte")}" markdown>', "",
           f'<h2 class="{generated.classes("ss-carte__titre")}">{markdown_text(t["card_title"])}</h2>',
           f'<p class="{generated.classes("ss-carte__sous-titre")}">{markdown_text(t["card_subtitle"])}</p>',
           f'<h3 class="{generated.classes("ss-carte__groupe")}">{markdown_text(t["card_national"])}</h3>',
           f'<ul class="{generated.classes("ss-carte__lignes")}">',
           *[_card_line(e, lang, today) for e in national],
           '</ul>']
    if regional:
        out += [f'<h3 class="{generated.classes("ss-carte__groupe")}">{markdown_text(regional_title)}</h3>',
                f'<ul class="{generated.classes("ss-carte__lignes", "ss-carte__lignes--region")}">',
                *[_card_line(e, lang, today, _where(e, data)) for e in regional],
                '</ul>']
    out += ["", f'{t["card_more"]} [{site}]({directory}){{ data-ss-url="{_ours()}" }}',
            f'{{: class="{generated.classes("ss-carte__pied")}" }}', "", "</div>", ""]
    return "\n".join(out)
