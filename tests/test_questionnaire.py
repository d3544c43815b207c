"""The self-assessment questionnaires (data/questionnaires/, soignants/model/questionnaires.py and
soignants/render/questionnaire_form.py): the data file follows its schema and is coherent, the
coherence checks catch a gap, an overlap, a wrong maximum or an alert on a missing item, the
content check reports a broken file at its line in French, the licence is documented with its
source, and the rendered block holds every item, the numbers of data/aide.yml and a form that
sends nothing. The same questionnaire in a browser: tests/browser_help/test_self_assessment.py."""

from copy import deepcopy
from pathlib import Path
import json
import re
import shutil
import subprocess
import sys

import pytest

from soignants.render import editions, generated, questionnaire_form
from soignants.model import help_data, questionnaires, schemas
from soignants.render.pages import MarkerError, render_page_markdown
from soignants.checks.site_checks import parse
from soignants.model.yamlfile import load_yaml_file, load_yaml_text

ROOT = Path(__file__).resolve().parent.parent
PHQ9 = ROOT / "data" / "questionnaires" / "phq-9.yml"
PAGE = "aide/auto-evaluation.md"
GUIDE = (ROOT / "docs" / "a-propos" / "contribuer" / "questionnaires.md").read_text(encoding="utf-8")
LINT_FIXTURES = ROOT / "tests" / "fixtures" / "lint"


@pytest.fixture
def phq9() -> dict:
    return load_yaml_file(PHQ9)


def messages(issues) -> str:
    return "\n".join(i.message for i in issues)


# --- the data file ----------------------------------------------------------------------------------

def test_the_phq9_file_follows_its_schema_and_is_coherent(phq9):
    assert schemas.errors(schemas.QUESTIONNAIRE, phq9) == []
    assert questionnaires.coherence_problems(phq9, expected_id="phq-9") == []
    assert questionnaires.load("phq-9") == phq9
    assert questionnaires.ids() == ["phq-9"]


def test_the_phq9_is_nine_items_scored_0_to_3_with_the_kroenke_bands(phq9):
    assert len(phq9["items"]) == 9
    assert [c["valeur"] for c in phq9["echelle"]] == [0, 1, 2, 3]
    assert phq9["score"] == {"methode": "somme", "min": 0, "max": 27, "seuil_haut": 10}
    assert [(b["min"], b["max"]) for b in phq9["paliers"]] == [(0, 4), (5, 9), (10, 14), (15, 19), (20, 27)]
    assert [b["libelle"]["fr"] for b in phq9["paliers"]] == ["minimal", "léger", "modéré", "modérément sévère",
                                                              "sévère"]
    assert phq9["alertes"][0]["item"] == phq9["items"][8]["id"] and phq9["alertes"][0]["valeurs"] == [1, 2, 3]


def test_the_licence_is_documented_with_its_source_and_date(phq9):
    licence = phq9["licence"]
    assert "Aucune permission requise pour reproduire, traduire, afficher ou distribuer." in licence["mention"]
    assert licence["mention_en"] == "No permission required to reproduce, translate, display or distribute."
    urls = [s["url"] for s in licence["sources"]]
    assert "https://www.phqscreeners.com/" in urls and any("news-medical.net" in u for u in urls)
    assert licence["verifie_le"] == "2026-11-23" and "copie enregistrée" in licence["comment"]
    assert phq9["texte_source"]["url"].startswith("https://www.inspq.qc.ca/")
    assert phq9["texte_source"]["consulte_le"] == "2026-11-23"


def test_references_exist_and_help_numbers_are_never_typed_by_hand(phq9):
    from soignants.render.bibliography import references
    from soignants.render.pages import HELP_MARKER
    assert set(phq9["references"]) <= set(references())
    numbers = [d for d in (re.sub(r"\D", "", e["telephone"]) for e in help_data.structures() if e.get("telephone"))
               if len(d) >= 4]  # 15 and 112 are also scores
    for path, text in questionnaires.texts(phq9):
        bare = HELP_MARKER.sub("", text)
        for number in numbers:
            assert not re.search(r"\b" + r"\s?".join(number) + r"\b", bare), (path, number)
    alert = phq9["alertes"][0]["message"]["fr"]
    assert "[[aide:3114]]" in alert and "[[aide:samu-15]]" in alert and "[[aide:112]]" in alert


# --- coherence ------------------------------------------------------------------------------------------

def test_a_gap_between_bands_is_caught(phq9):
    broken = deepcopy(phq9)
    broken["paliers"][1]["min"] = 6
    issues = questionnaires.coherence_problems(broken)
    assert [i.path for i in issues] == [("paliers", 1, "min")]
    assert "trou" in issues[0].message and "score 5" in issues[0].message


def test_an_overlap_between_bands_is_caught(phq9):
    broken = deepcopy(phq9)
    broken["paliers"][2]["min"] = 9
    issues = questionnaires.coherence_problems(broken)
    assert [i.path for i in issues] == [("paliers", 2, "min")]
    assert "chevauchent" in issues[0].message


def test_bands_must_reach_both_ends_of_the_score(phq9):
    broken = deepcopy(phq9)
    broken["paliers"][0]["min"] = 1
    broken["paliers"][-1]["max"] = 26
    assert [i.path for i in questionnaires.coherence_problems(broken)] == [("paliers", 0, "min"), ("paliers", 4, "max")]


def test_the_maximum_is_items_times_the_largest_answer(phq9):
    broken = deepcopy(phq9)
    broken["items"] = broken["items"][:8]  # 8 × 3 = 24, not 27
    found = messages(questionnaires.coherence_problems(broken))
    assert "8 questions" in found and "max: 24" in found


def test_an_alert_must_name_an_item_and_values_of_the_scale(phq9):
    broken = deepcopy(phq9)
    broken["alertes"][0]["item"] = "q10"
    broken["alertes"][0]["valeurs"] = [1, 4]
    issues = questionnaires.coherence_problems(broken)
    assert [i.path for i in issues] == [("alertes", 0, "item"), ("alertes", 0, "valeurs", 1)]


def test_a_high_band_is_above_the_threshold(phq9):
    broken = deepcopy(phq9)
    broken["paliers"][2]["niveau"] = "moyen"  # 10-14, at the threshold
    broken["paliers"][0]["niveau"] = "haut"   # 0-4, under it
    assert [i.path for i in questionnaires.coherence_problems(broken)] == [("paliers", 0, "niveau"),
                                                                           ("paliers", 2, "niveau")]


def test_the_id_is_the_file_name(phq9):
    assert [i.path for i in questionnaires.coherence_problems(phq9, expected_id="phq9")] == [("id",)]


def test_loading_a_broken_or_missing_file_says_why_in_french(tmp_path, phq9):
    broken = deepcopy(phq9)
    broken["paliers"][1]["min"] = 6
    (tmp_path / "phq-9.yml").write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(questionnaires.QuestionnaireError, match=r"data/questionnaires/phq-9\.yml est incohérent.*trou"):
        questionnaires.load("phq-9", tmp_path)
    with pytest.raises(questionnaires.QuestionnaireError, match="introuvable.*questionnaires possibles : phq-9"):
        questionnaires.load("gad-7", tmp_path)


# --- scoring (the rule auto-evaluation.js applies) ---------------------------------------------

def answers_for(data: dict, total: int, item9: int = 0) -> dict:
    """Answers that add up to `total`, with the last item at `item9`."""
    items = [item["id"] for item in data["items"]]
    top = max(c["valeur"] for c in data["echelle"])
    values, left = {items[-1]: item9}, total - item9
    for item in items[:-1]:
        values[item] = min(top, left)
        left -= values[item]
    assert left == 0
    return values


@pytest.mark.parametrize("total", [0, 4, 5, 9, 10, 14, 15, 19, 20, 27])
def test_score_at_every_band_boundary(phq9, total):
    result = questionnaires.score(phq9, answers_for(phq9, total, item9=min(total, 3) if total == 27 else 0))
    assert result.total == total
    assert result.band["min"] <= total <= result.band["max"]
    assert result.high == (total >= phq9["score"]["seuil_haut"] or bool(result.alerts))


def test_item_9_not_zero_puts_help_first_whatever_the_total(phq9):
    low = questionnaires.score(phq9, answers_for(phq9, 1, item9=1))
    assert low.total == 1 and low.high and low.alerts == (phq9["alertes"][0],)
    assert not questionnaires.score(phq9, answers_for(phq9, 9)).high


def test_missing_answers_are_not_scored(phq9):
    answers = answers_for(phq9, 5)
    del answers["q3"], answers["q7"]
    assert questionnaires.missing(phq9, answers) == [3, 7]
    with pytest.raises(ValueError):
        questionnaires.score(phq9, answers)


# --- the content check ------------------------------------------------------------------------------

def test_the_content_check_reports_a_broken_questionnaire_in_french_at_its_line(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(LINT_FIXTURES / "projet", root)
    (root / "data" / "questionnaires").mkdir()
    shutil.copyfile(LINT_FIXTURES / "casses" / "questionnaire-trou.yml", root / "data" / "questionnaires" / "exemple.yml")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), "--racine", str(root), "--date",
                             "2026-11-23"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr == "" and "Traceback" not in result.stdout
    first = result.stdout.splitlines()[0]
    assert re.fullmatch(r"data/questionnaires/exemple\.yml:35: trou entre les paliers « bas » \(jusqu'à 2\) et « haut » "
                        r"\(à partir de 4\) : aucun palier pour le score 3 ; écrivez min: 3 \(questionnaire-incoherent\)",
                        first), first


def test_the_real_questionnaires_pass_the_content_check():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), "data/questionnaires/", f"docs/{PAGE}"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "aucun problème dans 2 fichiers"


# --- rendering -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def block_fr() -> str:
    return generated.unmark(questionnaire_form.questionnaire_block("phq-9", PAGE, "fr"))


def test_the_block_holds_every_item_and_answer_of_the_data_file(block_fr, phq9):
    html = block_fr
    for number, item in enumerate(phq9["items"], 1):
        assert f'<fieldset class="ss-q__item" id="phq-9-{item["id"]}">' in html
        assert f'<span class="ss-q__numero">{number}.</span> {item["texte"]["fr"]}</legend>' in html
        for choice in phq9["echelle"]:
            assert (f'<input type="radio" name="phq-9-{item["id"]}" value="{choice["valeur"]}">'
                    f'<span class="ss-q__valeur">{choice["valeur"]}</span> '
                    f'<span class="ss-q__libelle">{choice["libelle"]["fr"]}</span>') in html
    assert html.count('type="radio"') == len(phq9["items"]) * len(phq9["echelle"])
    assert phq9["consigne"]["fr"] in html


def test_the_form_cannot_send_anything(block_fr):
    form = re.search(r"<form [^>]*>", block_fr).group(0)
    assert 'method="dialog"' in form and 'autocomplete="off"' in form and "action=" not in form
    assert "<input" in block_fr and 'type="text"' not in block_fr  # nothing to type, nothing to submit by Enter


def test_the_block_shows_the_numbers_of_the_help_file(block_fr):
    from soignants.render.pages import expand_help_markers
    html = expand_help_markers(block_fr, PAGE)
    for key in ("3114", "samu-15", "112", "sps", "ordre-entraide"):
        entry = help_data.by_id()[key]
        assert f'href="{help_data.tel_uri(entry["telephone"])}"' in html, key
    # « Quel numéro pour quoi ? » is in the result, 3114 first.
    help_block = html[html.index("data-ss-aide"):]
    assert help_block.index('"tel:3114"') < help_block.index('"tel:15"') < help_block.index('"tel:+33')


def test_the_script_gets_its_data_as_json_and_no_text_of_its_own(phq9):
    _, after = questionnaire_form.page_assets("phq-9", PAGE, "fr")
    data = json.loads(re.search(r'<script type="application/json" id="phq-9-donnees">(.*?)</script>', after).group(1))
    assert data == questionnaire_form.script_data(phq9, "fr")
    assert [b["libelle"] for b in data["paliers"]] == [b["libelle"]["fr"] for b in phq9["paliers"]]
    assert data["seuil_haut"] == 10 and data["alertes"] == [{"item": "q9", "valeurs": [1, 2, 3]}]
    script = (ROOT / "overrides" / "assets" / "javascripts" / "auto-evaluation.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    assert code.isascii(), "du texte pour le lecteur dans le script : il doit venir de la page"
    for api in ("localStorage", "sessionStorage", "indexedDB", "cookie", "fetch(", "XMLHttpRequest", "sendBeacon",
                "WebSocket", "pushState", "replaceState", "location", "caches", "import("):
        assert api not in code, api


def test_script_and_stylesheet_are_loaded_by_relative_paths_from_the_page():
    assert editions.asset_url(PAGE, "fr", questionnaire_form.SCRIPT) == "../../assets/javascripts/auto-evaluation.js"
    assert editions.asset_url(PAGE, "en", questionnaire_form.SCRIPT) == "../../../assets/javascripts/auto-evaluation.js"
    assert editions.asset_url("aide/index.md", "fr", questionnaire_form.STYLESHEET) == "../assets/stylesheets/auto-evaluation.css"
    assert editions.asset_url("index.md", "fr", questionnaire_form.SCRIPT) == "assets/javascripts/auto-evaluation.js"
    for asset in (questionnaire_form.SCRIPT, questionnaire_form.STYLESHEET):
        assert (ROOT / "overrides" / asset).is_file()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "auto-evaluation.js" not in config and "auto-evaluation.css" not in config  # not on every page


def test_the_english_block_uses_the_english_items(phq9):
    html = questionnaire_form.questionnaire_block("phq-9", PAGE, "en")
    for item in phq9["items"]:
        assert item["texte"]["en"] in html
    assert "See my result" in html and "Nothing is sent, nothing is stored" in html
    assert phq9["licence"]["mention_en"] in html


def test_the_marker_expands_in_a_page_and_an_unknown_one_is_an_error():
    page = generated.unmark(render_page_markdown("# Essai\n\n<!-- questionnaire: phq-9 -->\n", {}, PAGE))
    assert 'data-ss-questionnaire="phq-9"' in page and "[[aide:" not in page
    with pytest.raises(MarkerError, match=r"aide/x\.md : questionnaire « gad-7 » introuvable"):
        render_page_markdown("<!-- questionnaire: gad-7 -->\n", {}, "aide/x.md")


def test_the_draft_status_is_shown_from_the_data_file(phq9, monkeypatch):
    assert "Questionnaire en attente de relecture par le comité éditorial" in \
        questionnaire_form.questionnaire_block("phq-9", PAGE, "fr")
    reviewed = dict(phq9, statut="relu", relecteurs=["Dr Anne Exemple"])
    monkeypatch.setattr(questionnaires, "load", lambda _id: reviewed)
    html = questionnaire_form.questionnaire_block("phq-9", PAGE, "fr")
    assert "en attente de relecture" not in html and "relu par Dr Anne Exemple" in html


# --- the built page -----------------------------------------------------------------------------------

def test_the_built_page_loads_its_script_alone_and_nothing_from_another_host(site_root, html_pages):
    from soignants.checks.site_checks import html_resources, is_other_host
    page = parse((site_root / "aide" / "auto-evaluation" / "index.html").read_text(encoding="utf-8"))
    form = page.find("form", attrs={"data-ss-questionnaire": "phq-9"})
    assert form is not None and form.get("autocomplete") == "off" and not form.get("action")
    assert len(form.find_all("fieldset")) == 9 and all(f.find("legend") for f in form.find_all("fieldset"))
    assert not [u for u in html_resources(page) if is_other_host(u)]
    with_script = [p.relative_to(site_root).as_posix() for p in html_pages
                   if any((s.get("src") or "").endswith("auto-evaluation.js")
                          for s in parse(p.read_text(encoding="utf-8")).find_all("script"))]
    assert with_script == ["aide/auto-evaluation/index.html", "en/aide/auto-evaluation/index.html"]
    help_page = parse((site_root / "aide" / "index.html").read_text(encoding="utf-8"))
    assert help_page.find("a", href="auto-evaluation/") is not None


# --- the contributors' guide ---------------------------------------------------------------------------

def guide_section() -> str:
    """The guide's page on questionnaires (docs/a-propos/contribuer/questionnaires.md), after its front matter."""
    return GUIDE.split("\n---\n", 1)[1]


def schema_fields(node: dict, names: set) -> set:
    for name, prop in node.get("properties", {}).items():
        names.add(name)
        schema_fields(prop, names)
        schema_fields(prop.get("items", {}), names)
    return names


def test_every_field_of_the_questionnaire_schema_is_documented():
    section = guide_section()
    schema = schemas.schema(schemas.QUESTIONNAIRE)
    fields = schema_fields(schema, set()) - {"fr", "en"}  # the two languages, explained once
    missing = sorted(name for name in fields if f"`{name}`" not in section)
    assert missing == [], f"champs du modèle non documentés dans le guide (questionnaires.md) : {missing}"
    assert "`fr`" in section and "`en`" in section


def test_the_guide_example_is_a_valid_and_coherent_questionnaire():
    example = re.search(r"<!-- exemple: questionnaire -->\n```yaml\n(.*?)^```", GUIDE, re.MULTILINE | re.DOTALL)
    data = load_yaml_text(example.group(1))
    assert schemas.errors(schemas.QUESTIONNAIRE, data) == []
    assert questionnaires.coherence_problems(data) == []
    assert set(data) == set(schemas.schema(schemas.QUESTIONNAIRE)["properties"])  # every field shown
