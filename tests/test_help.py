"""The help data and the pages built from it: data/aide.yml and data/departements.yml follow
their schemas and say where and when each contact was checked; stale contacts are reported; the
decision page, the strip, the directory and the card show numbers only from the data file; every
département reaches its region; the open data matches data/aide.yml."""

from datetime import date
import csv
import io
import json
import re
import warnings

import pytest

from soignants.model import help_data, schemas
from soignants.render import help_directory
from soignants.pipeline import open_data
from soignants.checks import site_checks
from soignants.render.help_directory import SITUATIONS, region_anchor
from soignants.model.yamlfile import load_yaml_file, load_yaml_text

TODAY = date.today()
HELP_PAGES = ["aide/", "aide/annuaire/", "aide/carte/", "en/aide/", "en/aide/annuaire/", "en/aide/carte/"]


def read(site_root, location):
    return site_checks.parse((site_root / location / "index.html").read_text(encoding="utf-8"))


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def data_tel_uris(active_only=True) -> set[str]:
    return {help_data.tel_uri(e["telephone"]) for e in help_data.structures()
            if e.get("telephone") and (e["statut"] == "actif" or not active_only)}


def tel_links(element) -> list[str]:
    return [a["href"] for a in element.find_all("a", href=True) if a["href"].startswith("tel:")]


def french_numbers_in(text: str) -> set[str]:
    """Every 10-digit French phone number written in a text, as digits (spaces, dots ignored)."""
    candidates = re.findall(r"(?<![\d])0[\d .]{8,16}\d(?![\d])", text)
    return {d for d in (digits(c) for c in candidates) if len(d) == 10}


# --- data/aide.yml --------------------------------------------------------------------------

def test_help_file_follows_its_schema():
    errors = schemas.errors("aide", load_yaml_file(help_data.AIDE_FILE))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_every_contact_says_where_and_when_it_was_checked():
    for entry in help_data.structures():
        assert entry["source"]["titre"].strip(), entry["id"]
        assert re.fullmatch(r"20\d\d-\d\d(-\d\d)?", entry["verifie_le"]), entry["id"]
        assert help_data.checked_on(entry) <= TODAY, f"{entry['id']} : date de vérification dans le futur"


def test_every_contact_says_who_answers_and_is_listed_under_it():
    """« Quel numéro pour quoi ? » sorts lines by who answers: a peer-doctor line is never
    offered as « talk to a psychologist », and the psychologist lines are answered by psychologists."""
    by_key = {s.key: s for s in SITUATIONS}
    for entry in help_data.structures():
        # Who answers the phone: said for every line with a number (a structure reached by e-mail only
        # may not say who answers, and is then never offered as a psychologist or a peer line).
        if entry.get("telephone"):
            assert entry.get("repondant") in {"psychologues", "medecins-pairs", "ordre", "urgence",
                                              "secretariat-medecins"}, entry["id"]
        if help_directory.matches(entry, by_key["psychologue"]):
            assert entry["repondant"] == "psychologues", entry["id"]
        if help_directory.matches(entry, by_key["pairs"]):
            # A doctor answers, or a secretary who passes the call to one (MED'AIDE in 2018, seed 004).
            assert entry["repondant"] in {"medecins-pairs", "secretariat-medecins"}, entry["id"]
    contacts = help_data.by_id()
    for peer_line in ("mots", "asra"):
        assert contacts[peer_line]["repondant"] == "medecins-pairs"
        assert not help_directory.matches(contacts[peer_line], by_key["psychologue"])
        assert help_directory.matches(contacts[peer_line], by_key["pairs"])
    assert help_directory.matches(contacts["sps"], by_key["psychologue"])
    assert "internes-etudiants" not in contacts["ordre-entraide"]["publics"]  # doctors, interns, their families
    assert contacts["medaide-paca"]["repondant"] == "secretariat-medecins"


def test_who_answers_is_escaped_where_it_lands(monkeypatch):
    entry = dict(help_data.by_id()["sps"], repondant="psychologues")
    monkeypatch.setitem(help_directory.TEXTS["fr"]["repondants"], "psychologues", "<b>des psychologues</b>")
    shown = help_directory._detailed(entry, "fr", TODAY)[0]
    import markdown
    from bs4 import BeautifulSoup
    rendered = BeautifulSoup(markdown.markdown(shown), "html.parser")
    assert "<b>des psychologues</b>" in rendered.get_text() and rendered.find("b") is None


def test_ids_and_numbers_are_unique():
    ids = [e["id"] for e in help_data.structures()]
    numbers = [digits(e["telephone"]) for e in help_data.structures() if e.get("telephone")]
    assert len(ids) == len(set(ids))
    assert len(numbers) == len(set(numbers))


def test_stale_contacts_are_the_active_ones_checked_over_twelve_months_ago(tmp_path):
    base = {"pour": ["ecoute-psychologique"], "publics": ["medecins"], "horaires": "24 h/24", "cout": "Gratuit",
            "anonymat": "Oui", "portee": "national", "source": {"titre": "Source"}}
    rows = [("frais", "2026-11", "actif"), ("douze-mois", "2025-11", "actif"), ("treize-mois", "2025-10", "actif"),
            ("un-an-pile", "2025-11-23", "actif"), ("pas-tout-a-fait-13", "2025-10-24", "actif"),
            ("treize-mois-jour", "2025-10-23", "actif"), ("ancien", "2021-01", "actif"),
            ("historique", "2018-03", "historique")]
    structures = [dict(base, id=i, nom=i, verifie_le=d, statut=s) for i, d, s in rows]
    path = tmp_path / "aide.yml"
    path.write_text(json.dumps({"structures": structures}), encoding="utf-8")  # JSON is YAML
    assert not schemas.errors("aide", load_yaml_file(path))
    stale = [e["id"] for e in help_data.stale_contacts(date(2026, 11, 23), path=path)]
    # Whole months, as scripts/lint.py counts them; historic numbers are never reported.
    assert stale == ["treize-mois", "treize-mois-jour", "ancien"]
    assert [e["id"] for e in help_data.stale_contacts(date(2026, 12, 1), path=path)] == [
        "douze-mois", "treize-mois", "pas-tout-a-fait-13", "treize-mois-jour", "ancien"]


def test_stale_contacts_of_the_data_file_are_reported_and_flagged_to_readers(site_root):
    stale = help_data.stale_contacts(TODAY)
    if stale:
        warnings.warn("Contacts à revérifier (plus de 12 mois) : " + ", ".join(
            f"{e['id']} (vérifié le {e['verifie_le']}, {e['source']['titre']})" for e in stale))
    page = read(site_root, "aide/")
    text = page.find("div", class_="ss-quel-numero").get_text(" ")
    for entry in stale:
        if any(help_directory.matches(entry, s) for s in SITUATIONS):
            # A structure without a telephone (schema: optional) is shown by its name.
            assert entry.get("telephone", entry["nom"]) in text, entry["id"]
            assert f"{help_directory.month(entry['verifie_le'], 'fr')} : numéro à confirmer" in text, entry["id"]


def test_a_stale_contact_is_flagged_next_to_its_number_on_every_page(html_pages):
    """« À confirmer » is not only for the directory: a fiche, a testimony or the card that shows the
    number of a contact checked over 12 months ago says it right there (issue 22, § 2)."""
    stale = {help_data.tel_uri(e["telephone"]) for e in help_data.stale_contacts(TODAY) if e.get("telephone")}
    checked = 0
    for html in html_pages:
        page = site_checks.parse(html.read_text(encoding="utf-8"))
        for link in page.find_all("a", href=True):
            if link["href"] not in stale:
                continue
            block = link.find_parent(["li", "p", "td", "dd"])
            assert block is not None, html
            text = block.get_text(" ")
            assert "numéro à confirmer" in text or "number to be confirmed" in text, (html, link["href"])
            checked += 1
    assert checked or not stale  # every active number is on the printable card at least


def test_non_doctor_carers_are_told_which_lines_answer_them(site_root):
    """Nurses, physiotherapists, midwives…: the help page lists the lines whose `publics` name them,
    from data/aide.yml, and none that does not."""
    situation = next(s for s in SITUATIONS if s.key == "soignants")
    national, regional = help_directory.lines_for(situation)
    chosen = [e["id"] for e in [*national, *regional]]
    expected = [e["id"] for e in help_data.structures() if e["statut"] == "actif"
                and "tous-soignants" in e["publics"] and set(e["pour"]) & situation.pour]
    assert sorted(chosen) == sorted(expected) and {"3114", "sps"} <= set(chosen)
    assert "ordre-entraide" not in chosen
    for location in ("aide/", "en/aide/"):
        heading = read(site_root, location).find(id="quel-numero-soignants")
        assert heading is not None, location
        links = tel_links(heading.find_next_sibling("ul"))
        assert links == [help_data.tel_uri(e["telephone"]) for e in [*national, *regional] if e.get("telephone")]


def test_historic_numbers_are_never_offered_as_a_number_to_call(site_root):
    historic = {help_data.tel_uri(e["telephone"]) for e in help_data.structures() if e["statut"] == "historique"}
    for location in HELP_PAGES:
        assert not historic & set(tel_links(read(site_root, location))), location


# --- data/departements.yml ------------------------------------------------------------------

def test_departements_follow_their_schema_and_the_insee_list():
    data = load_yaml_file(help_directory.DEPARTEMENTS_FILE)
    assert not schemas.errors("departements", data)
    assert not help_directory.cross_reference_problems(data, help_data.structures())
    codes = [d["code"] for d in data["departements"]]
    assert len(codes) == len(set(codes)) == 101
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(codes)
    assert not {"20", "975"} & set(codes)
    assert sum(1 for c in codes if not c.startswith("97")) == 96
    assert len(data["regions"]) == 18
    by_code = {d["code"]: d for d in data["departements"]}
    assert by_code["13"] == {"code": "13", "nom": "Bouches-du-Rhône", "region": "Provence-Alpes-Côte d'Azur"}
    assert by_code["2B"]["region"] == "Corse" and by_code["976"]["region"] == "Mayotte"
    assert by_code["90"]["nom"] == "Territoire de Belfort" and by_code["90"]["region"] == "Bourgogne-Franche-Comté"


def test_a_region_unknown_to_the_departements_file_is_refused():
    data = load_yaml_file(help_directory.DEPARTEMENTS_FILE)
    wrong = dict(help_data.by_id()["asra"], regions=["Rhône-Alpes"])
    problems = help_directory.cross_reference_problems(data, [wrong])
    assert problems and "Rhône-Alpes" in problems[0]
    bad = load_yaml_text('{"source": {"titre": "INSEE"}, "verifie_le": "2026-11", "regions": [], "departements": []}')
    assert schemas.errors("departements", bad)


def test_every_departement_resolves_to_its_region_section(site_root):
    data = load_yaml_file(help_directory.DEPARTEMENTS_FILE)
    for location in ("aide/annuaire/", "en/aide/annuaire/"):
        page = read(site_root, location)
        for dep in data["departements"]:
            row = page.find("tr", id=f"dep-{dep['code'].lower()}")
            assert row is not None, f"{location} : {dep['code']} absent"
            assert row.find("td").get_text(strip=True) == dep["code"]
            link = row.find("a", href=True)
            assert link["href"] == f"#{region_anchor(dep['region'])}"
            heading = page.find(id=link["href"][1:])
            assert heading is not None and heading.name == "h2", f"{location} : {link['href']} introuvable"
            assert heading.get_text(strip=True).startswith(dep["region"])
            section = heading.find_parent("section")
            assert section["data-region"] == dep["region"]
            assert f"{dep['nom']} ({dep['code']})" in section.get_text(" ")


def test_each_region_section_shows_the_national_lines_and_its_own_structures(site_root):
    data = load_yaml_file(help_directory.DEPARTEMENTS_FILE)
    national = {help_data.tel_uri(e["telephone"]) for e in help_directory.national_lines() if e.get("telephone")}
    page = read(site_root, "aide/annuaire/")
    sections = page.find_all("section", class_="ss-region")
    assert [s["data-region"] for s in sections] == [r["nom"] for r in data["regions"]]
    for section in sections:
        serving_entries = help_directory.structures_serving(section["data-region"], data)
        serving = {help_data.tel_uri(e["telephone"]) for e in serving_entries if e.get("telephone")}
        regional = {help_data.tel_uri(e["telephone"]) for e in help_data.structures()
                    if e["portee"] != "national" and e.get("telephone")}
        links = set(tel_links(section))
        assert national <= links, section["data-region"]
        assert links & regional == serving, section["data-region"]
        # Structures without a telephone are still listed, by name.
        text = section.get_text(" ")
        for entry in serving_entries:
            assert entry["nom"] in text, (section["data-region"], entry["id"])
    occitanie = page.find(id=region_anchor("Occitanie")).find_parent("section")
    assert help_data.tel_uri(help_data.by_id()["mots"]["telephone"]) in tel_links(occitanie)


# --- numbers only from the data file ---------------------------------------------------------

@pytest.mark.parametrize("location", HELP_PAGES)
def test_help_pages_show_numbers_only_from_the_data_file(site_root, location):
    page = read(site_root, location)
    known = data_tel_uris()
    assert set(tel_links(page)) <= known
    in_data = {digits(e["telephone"]) for e in help_data.structures() if e.get("telephone")}
    assert french_numbers_in(page.get_text(" ")) <= in_data


def test_the_strip_shows_the_data_file_numbers_in_order(site_root):
    expected = [(e["telephone"], e["tel"]) for e in help_data.strip_entries()]
    for location in HELP_PAGES:
        strip = read(site_root, location).find(class_="ss-bandeau")
        shown = [(a.find("strong").get_text(strip=True), a["href"]) for a in strip.find_all("a", class_="ss-bandeau__lien")]
        assert shown == expected, location


def test_which_number_lists_for_each_situation_the_lines_of_the_data_file(site_root):
    page = read(site_root, "aide/")
    block = page.find("div", class_="ss-quel-numero")
    danger = block.find("div", class_="admonition")
    urgent = {help_data.tel_uri(e["telephone"]) for e in help_data.structures()
              if e["statut"] == "actif" and e["portee"] == "national"
              and {"urgence-vitale", "urgence-suicidaire"} & set(e["pour"])}
    assert {"tel:3114", "tel:15", "tel:112"} <= urgent == set(tel_links(danger))
    for situation in SITUATIONS:
        heading = block.find(id=f"quel-numero-{situation.key}")
        assert heading is not None, situation.key
        items = heading.find_next_sibling("ul")
        national, regional = help_directory.lines_for(situation)
        expected = [help_data.tel_uri(e["telephone"]) for e in [*national, *regional] if e.get("telephone")]
        assert tel_links(items) == expected, situation.key
    psychologist = block.find(id="quel-numero-psychologue").find_next_sibling("ul")
    assert help_data.tel_uri(help_data.by_id()["sps"]["telephone"]) in tel_links(psychologist)
    ordre = block.find(id="quel-numero-ordre").find_next_sibling("ul")
    assert tel_links(ordre) == [help_data.tel_uri(help_data.by_id()["ordre-entraide"]["telephone"])]


def test_money_legal_and_career_point_to_their_fiches(site_root):
    block = read(site_root, "aide/").find("div", class_="ss-quel-numero")
    for key, fiche in [("argent", "difficultes-financieres"), ("juridique", "plainte-patient"), ("carriere", "s-installer")]:
        items = block.find(id=f"quel-numero-{key}").find_next_sibling("ul")
        assert any(fiche in a["href"] for a in items.find_all("a", href=True)), key


def test_the_card_lists_every_active_number(site_root):
    card = read(site_root, "aide/carte/").find("div", class_="ss-carte")
    expected = {help_data.tel_uri(e["telephone"]) for e in help_data.structures()
                if e["statut"] == "actif" and e.get("telephone")}
    assert set(tel_links(card)) == expected


def test_the_help_page_links_to_the_bms10_reference_instead_of_embedding_it(site_root):
    page = read(site_root, "aide/")
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert any(h.endswith("#ref-MalachPines2005") for h in hrefs)
    assert "droit d'auteur" in page.get_text(" ")
    article = page.find("article")
    assert article.find("form") is None and article.find("input", attrs={"type": "radio"}) is None


# --- quick exit --------------------------------------------------------------------------------

def test_every_page_has_the_quick_exit_link_and_the_help_strip(site_root, html_pages):
    for html in html_pages:
        soup = site_checks.parse(html.read_text(encoding="utf-8"))
        links = soup.select("a[data-ss-quitter]")
        assert len(links) == 1, html
        assert links[0]["href"] == "https://www.google.fr/" and "noreferrer" in links[0]["rel"]
        assert soup.find(class_="ss-bandeau") is not None, html
        # Navigation only: nothing on the page makes the browser fetch the neutral site.
        assert not [u for u in site_checks.html_resources(soup) if "google" in u], html


def test_the_help_page_explains_discretion_and_private_browsing(site_root):
    text = read(site_root, "aide/").get_text(" ")
    assert "Quitter rapidement" in text and "Échap" in text and "navigation privée" in text


# --- open data ---------------------------------------------------------------------------------

def test_open_data_json_matches_the_data_file(site_root):
    document = json.loads((site_root / "donnees" / "aide.json").read_text(encoding="utf-8"))
    assert document["structures"] == load_yaml_file(help_data.AIDE_FILE)["structures"]
    assert json.loads((site_root / "donnees" / "aide.schema.json").read_text(encoding="utf-8")) == schemas.schema("aide")


def test_open_data_csv_matches_the_data_file(site_root):
    raw = (site_root / "donnees" / "aide.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    structures = load_yaml_file(help_data.AIDE_FILE)["structures"]
    assert [r["id"] for r in rows] == [e["id"] for e in structures]
    for row, entry in zip(rows, structures):
        for field in ("nom", "nom_court", "description", "telephone", "email", "web", "horaires", "cout",
                      "anonymat", "portee", "statut", "verifie_le"):
            assert row[field] == str(entry.get(field, "")), (entry["id"], field)
        for field in ("pour", "publics", "regions", "departements"):
            assert (row[field].split("|") if row[field] else []) == entry.get(field, []), (entry["id"], field)
        assert row["bandeau"] == (str(entry["bandeau"]) if "bandeau" in entry else "")
        assert row["source_titre"] == entry["source"]["titre"]
        assert row["source_url"] == entry["source"].get("url", "")
        assert row["tel"] == (help_data.tel_uri(entry["telephone"]) if entry.get("telephone") else "")


def test_the_help_page_links_to_the_open_data(site_root):
    for location, prefix in (("aide/", "../"), ("en/aide/", "../../")):
        hrefs = {a["href"] for a in read(site_root, location).find_all("a", href=True)}
        for name in ("aide.json", "aide.csv"):
            assert f"{prefix}donnees/{name}" in hrefs, location
            assert (site_root / "donnees" / name).exists()


def test_write_open_data_is_plain_python(tmp_path):
    written = open_data.write_open_data(tmp_path)
    assert sorted(p.name for p in written) == ["aide.csv", "aide.json", "aide.schema.json"]


def test_the_directory_script_loads_only_where_it_is_used(site_root, html_pages):
    """annuaire.js (the filter, the card's full address) is not a weight every page pays."""
    with_script = sorted(p.relative_to(site_root).as_posix() for p in html_pages
                         if help_directory.SCRIPT in p.read_text(encoding="utf-8"))
    assert with_script == sorted(f"{lang}aide/{name}/index.html" for lang in ("", "en/")
                                 for name in ("annuaire", "carte"))
    for page in with_script:
        script = site_checks.parse((site_root / page).read_text(encoding="utf-8")).find(
            "script", src=lambda src: src and src.endswith(help_directory.SCRIPT))
        assert ((site_root / page).parent / script["src"]).resolve() == (site_root / help_directory.SCRIPT).resolve()
