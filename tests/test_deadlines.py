"""Deadlines as data (issue 22): the box of a fiche, the « Tous les délais » page, and the content
check's rules on deadlines, recourse sentences and « L'essentiel », on hand-made inputs and on the
real fiches. The date calculator itself runs in Chromium: tests/browser/test_deadline_calculator.py."""

from datetime import date
from pathlib import Path
import re
import shutil
import sys

import markdown
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from soignants.lint import Project, run  # noqa: E402
from soignants.lint.deadlines import RECOURSE, recourse_problems  # noqa: E402
from soignants.lint.essentials import MAX_WORDS, count_words, essentials_problems  # noqa: E402
from soignants.lint.project import Context  # noqa: E402
from soignants.model import catalog, deadlines, schemas  # noqa: E402
from soignants.model.folding import fold  # noqa: E402
from soignants.render import deadlines as deadline_pages  # noqa: E402
from soignants.render import generated  # noqa: E402
from soignants.render.pages import page_assets, render_page_markdown  # noqa: E402

HOSTILE = '<img src=x onerror=alert(1)> [lien](javascript:alert(1)) **gras** {: #x }'


def entry(**changes) -> dict:
    value = {
        "id": "recours-test", "evenement": "la réception de la décision", "duree": {"nombre": 2, "unite": "mois"},
        "action": "Saisir la commission", "ou": "Par lettre recommandée", "suspensif": "non",
        "texte": {"reference": "Code de test, art. R1", "legifrance":
                  "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006748137"},
        "source": "CSSR133-3", "verifie_le": "2026-12-06", "confirmer_par": "votre avocat", "mots": ["commission"],
    }
    value.update(changes)
    return value


FICHE = """# Titre

## L'essentiel

- Ce soir, notez la date.

```text
## Pas un titre : dans un bloc de code
```

## Repérer / comprendre

Texte.
"""


# --- the model ---------------------------------------------------------------------------------

@pytest.mark.parametrize("number,unit,fr,en", [
    (2, "mois", "2 mois", "2 months"), (1, "mois", "1 mois", "1 month"), (15, "jours", "15 jours", "15 days"),
    (1, "jours", "1 jour", "1 day"), (48, "heures", "48 heures", "48 hours"), (1, "ans", "1 an", "1 year"),
    (0, "jours", "immédiat", "immediately"),
])
def test_duration_in_words(number, unit, fr, en):
    assert deadlines.duration_text(number, unit, "fr") == fr
    assert deadlines.duration_text(number, unit, "en") == en


def test_durations_order_across_units():
    keys = [deadlines.duration_in_days(n, u) for n, u in
            [(0, "jours"), (48, "heures"), (10, "jours"), (30, "jours"), (45, "jours"), (2, "mois"), (3, "mois")]]
    assert keys == sorted(keys)


def test_an_entry_of_the_schema_is_read_and_a_broken_one_is_not_shown():
    meta = {"delais": [entry(), {"id": "incomplet"}, "pas un délai"]}
    assert [e["id"] for e in deadlines.entries_of(meta)] == ["recours-test"]
    assert deadlines.entries_of({}) == [] and deadlines.entries_of({"delais": "x"}) == []


def test_the_schema_refuses_an_event_that_does_not_read_after_a_compter_de():
    base = {"title": "Titre", "description": "Une description assez longue.", "partie": "cabinet",
            "publics": ["médecins libéraux"], "tags": ["x1"], "mots_cles": ["x1"], "statut": "brouillon",
            "auteurs": ["Équipe"], "redige_le": "2026-01-01", "prochaine_relecture": "2027-01-01",
            "sources": ["CSSR133-3"]}
    assert schemas.errors(schemas.FICHE, {**base, "delais": [entry()]}) == []
    assert schemas.errors(schemas.FICHE, {**base, "delais": [entry(evenement="le début de l'arrêt")]})
    bad_link = entry(texte={"reference": "Code", "legifrance": "https://www.legifrance.gouv.fr/"})
    assert schemas.errors(schemas.FICHE, {**base, "delais": [bad_link]})


# --- the box of a fiche ---------------------------------------------------------------------

def test_the_box_says_everything_without_javascript():
    box = deadline_pages.box({"delais": [entry(suspensif="oui", suspensif_detail="La caisse attend.")]})
    html = generated.unmark(markdown.markdown(box, extensions=["attr_list", "md_in_html"]))
    for text in ("Délais à ne pas manquer", "2 mois", "à compter de la réception de la décision",
                 "Saisir la commission", "Par lettre recommandée", "Suspensif : oui.", "La caisse attend.",
                 "Code de test, art. R1", "vérifié le 6 décembre 2026", "Faites-vous confirmer la date par votre avocat."):
        assert text in html, text
    assert 'href="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006748137"' in html
    assert 'href="#ref-CSSR133-3"' in html
    assert 'id="delais-a-ne-pas-manquer"' in html
    assert 'data-nombre="2" data-unite="mois"' in html
    # The calculator (shown only when scripts run, site.css): a date field per deadline, labelled
    # by its event, and the line about week-ends.
    assert re.search(r'<p class="ss-delais__prudence">[^<]*samedi', html)
    assert re.search(r'<label for="(ss-delai-date-[^"]+)">Date de la réception de la décision</label>'
                     r'<input type="date" id="\1"', html)
    assert re.search(r'<output class="ss-delai__date" for="ss-delai-date-[^"]+" aria-live="polite"', html)


def test_a_deadline_without_its_official_page_read_says_so():
    box = deadline_pages.box({"delais": [entry(texte={"reference": "Code, art. L1", "a_verifier": "lu sur une copie"})]})
    assert "lien officiel à vérifier" in box and "legifrance" not in box


def test_every_value_of_an_entry_is_text_in_the_box():
    hostile = entry(**{k: HOSTILE for k in ("action", "ou", "confirmer_par", "suspensif_detail")},
                    evenement="la " + HOSTILE, texte={"reference": HOSTILE, "legifrance":
                                                      'https://www.legifrance.gouv.fr/LEGIARTI000000000001"onmouseover="x'})
    html = generated.unmark(markdown.markdown(deadline_pages.box({"delais": [hostile]}), extensions=["attr_list", "md_in_html"]))
    assert "<img" not in html and 'href="javascript' not in html and "<strong>gras" not in html
    assert ' onmouseover="' not in html and '"onmouseover="' not in html  # the quote stays inside the address
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") >= 5


def test_the_box_goes_right_after_the_essentials():
    out = deadline_pages.insert_after_essentials(FICHE, "BOX\n")
    assert out.index("- Ce soir") < out.index("## Pas un titre") < out.index("BOX") < out.index("## Repérer")
    no_essentials = deadline_pages.insert_after_essentials("# Titre\n\nTexte.\n", "BOX\n")
    assert no_essentials.index("# Titre") < no_essentials.index("BOX") < no_essentials.index("Texte.")
    assert deadline_pages.insert_after_essentials(FICHE, "") == FICHE


def test_a_fiche_with_deadlines_gets_the_box_and_the_script_and_one_without_gets_neither():
    meta = {"partie": "cabinet", "sources": ["CSSR133-3"], "delais": [entry()]}
    rendered = render_page_markdown(FICHE, meta, "fiches/cabinet/x.md")
    assert rendered.index("## L'essentiel") < rendered.index("## Délais à ne pas manquer") < rendered.index("## Repérer")
    assert deadline_pages.SCRIPT in page_assets(FICHE, "fiches/cabinet/x.md", "fr", "page", meta)[1]
    without = {"partie": "cabinet", "sources": ["CSSR133-3"]}
    assert "Délais à ne pas manquer" not in render_page_markdown(FICHE, without, "fiches/cabinet/x.md")
    assert page_assets(FICHE, "fiches/cabinet/x.md", "fr", "page", without) == ("", "")


# --- the « Tous les délais » page -----------------------------------------------------------

def write_fiche(folder: Path, name: str, title: str, entries: list[dict]) -> None:
    import yaml
    meta = {"title": title, "partie": "cabinet", "delais": entries}
    (folder / name).write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n# " + title + "\n",
                               encoding="utf-8")


def test_the_page_lists_every_deadline_by_fiche_with_sort_keys(tmp_path):
    cabinet = tmp_path / "fiches" / "cabinet"
    cabinet.mkdir(parents=True)
    write_fiche(cabinet, "b.md", "Béta", [entry(id="long", duree={"nombre": 2, "unite": "mois"})])
    write_fiche(cabinet, "a.md", "Épuisé", [entry(id="court", duree={"nombre": 10, "unite": "jours"}),
                                            entry(id="heures", duree={"nombre": 48, "unite": "heures"})])
    catalog.clear_cache()
    html = generated.unmark(markdown.markdown(deadline_pages.all_deadlines_page("aide/delais.md", "fr", tmp_path),
                             extensions=["attr_list", "md_in_html"]))
    catalog.clear_cache()
    rows = re.findall(r"<tr data-ordre=\"(\d)\">\s*<td data-tri=\"([^\"]+)\"><a href=\"([^\"]+)\">([^<]+)</a></td>\s*"
                      r"<td data-tri=\"([^\"]+)\">([^<]+)</td>", html)
    # By fiche, in the reader's alphabetical order (« Béta » before « Épuisé »), then as written.
    assert [(r[3], r[5]) for r in rows] == [("Béta", "2 mois"), ("Épuisé", "10 jours"), ("Épuisé", "48 heures")]
    assert rows[0][2] == "../fiches/cabinet/b.md#delais-a-ne-pas-manquer"
    assert [float(r[4]) for r in rows] == [pytest.approx(60.875), 10.0, 2.0]
    assert rows[1][1] == fold("Épuisé")
    assert 'data-tri-type="texte"' in html and 'data-tri-type="nombre"' in html
    # The sorting buttons are in the page, with the plain titles the page shows without scripts.
    assert re.findall(r'<span class="ss-delais-tri-texte">([^<]+)</span><button type="button" class="ss-delais-tri" '
                      r'aria-label="Trier par ([^"]+)"', html) == [("Fiche", "Fiche"), ("Délai", "Délai")]


def test_the_english_page_translates_the_interface_and_keeps_the_entries_in_french(tmp_path):
    cabinet = tmp_path / "fiches" / "cabinet"
    cabinet.mkdir(parents=True)
    write_fiche(cabinet, "a.md", "Une fiche", [entry()])
    catalog.clear_cache()
    html = generated.unmark(deadline_pages.all_deadlines_page("aide/delais.en.md", "en", tmp_path))
    catalog.clear_cache()
    assert "Fact sheet" in html and "Counted from" in html and "in French" in html
    assert '<td lang="fr">la réception de la décision</td>' in html


def test_the_real_page_and_menu():
    assert "<!-- tous-les-delais -->" in (ROOT / "docs/aide/delais.md").read_text(encoding="utf-8")
    assert "<!-- tous-les-delais -->" in (ROOT / "docs/aide/delais.en.md").read_text(encoding="utf-8")
    assert "- aide/delais.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# --- the content check: recourse sentences --------------------------------------------------

@pytest.mark.parametrize("sentence,caught", [
    ("Vous pouvez contester la décision.", True),
    ("En cas d'indu contesté, écrivez.", True),
    ("On peut faire appel devant la chambre disciplinaire nationale.", True),
    ("Le courrier indique les voies et délais de recours.", True),
    ("Saisissez la commission de recours amiable.", True),
    ("Formez opposition à la contrainte.", True),
    ("Vous ne faites pas opposition dans les 15 jours.", True),
    ("Ce choix est en opposition avec vos valeurs.", False),
    ("Déclarez l'arrêt à la CPAM.", True),
    ("Le patient peut saisir le tribunal judiciaire.", True),
    ("Faites appel à votre syndicat.", False),
    ("N'hésitez pas à avoir recours à un psychologue.", False),
    ("Un médecin libéral peut la saisir.", False),
    ("Le numéro d'appel est gratuit.", False),
    ("Une cotation contestée par la caisse.", False),
])
def test_what_counts_as_a_recourse(sentence, caught):
    assert bool(RECOURSE.search(fold(sentence))) is caught


def test_a_recourse_sentence_needs_a_deadline_that_names_it():
    body = "# T\n\n## Repérer\n\nVous pouvez saisir la commission de recours amiable.\nAutre phrase.\n"
    found = recourse_problems({}, body, "f.md")
    assert [(p.line, p.code) for p in found] == [(5, "recours-sans-delai")]
    assert "ajoutez à l'en-tête un délai" in found[0].message
    assert recourse_problems({"delais": [entry(mots=["commission de recours amiable"])]}, body, "f.md") == []
    other = recourse_problems({"delais": [entry(mots=["contrainte"])]}, body, "f.md")
    assert other and "aux « mots » du délai" in other[0].message
    # Headings, code and comments are not sentences of the fiche.
    assert recourse_problems({}, "## Recours et contester\n\n`faire appel devant`\n<!-- contester -->\n", "f.md") == []


VALID_FICHE_WITH_A_DEADLINE = """---
title: "Une fiche avec un délai"
description: "Une fiche valide qui déclare un délai, cité au texte officiel, et le recours qu'il couvre."
partie: cabinet
publics: [médecins libéraux]
tags: [délai]
mots_cles: [recours]
statut: brouillon
auteurs: ["Équipe de test"]
redige_le: 2026-10-01
prochaine_relecture: 2027-10-01
sources: [Dupont2020]
delais:
  - id: recours-test
    evenement: "la réception de la décision"
    duree: {nombre: 2, unite: mois}
    action: "Saisir la commission de recours de test"
    ou: "Par lettre recommandée avec avis de réception"
    suspensif: "non"
    texte:
      reference: "Code de test, art. R1234-5"
      legifrance: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000000000001"
    source: Dupont2020
    verifie_le: 2026-06-01
    confirmer_par: "votre avocat"
    mots: ["commission de recours"]
---

# Une fiche avec un délai

## L'essentiel

- Dès réception de la décision, notez sa date : le délai court à partir d'elle.

## Repérer / comprendre

Vous pouvez contester la décision devant la commission de recours de test, selon l'article R1234-5 [@Dupont2020].
On peut faire appel à un avocat, ou avoir recours à un médiateur : ces tournures ne sont pas des démarches à délai.

## Que faire, pas à pas

1. Écrire à la commission de recours dans le délai [@Dupont2020].

## Vers qui se tourner

- [[aide:ecoute]]

## Pour aller plus loin

Rien de plus.
"""


def test_a_fiche_with_a_deadline_cited_to_the_official_text_passes(tmp_path):
    """The happy path, in the test project of tests/fixtures/lint/ (the broken files
    delai-sans-texte-officiel.md and texte-officiel-a-verifier.md are this fiche with one fault)."""
    root = tmp_path / "projet"
    shutil.copytree(ROOT / "tests" / "fixtures" / "lint" / "projet", root)
    (root / "docs/fiches/cabinet/avec-delais.md").write_text(VALID_FICHE_WITH_A_DEADLINE, encoding="utf-8")
    assert [p.format() for p in run(Project.at(root, today=date(2026, 11, 23))).problems] == []


def test_the_recourse_rule_reports_nothing_on_the_real_fiches():
    """Every recourse sentence of the real fiches is covered by a deadline (22 fiches at the time
    of writing: 9 sentences caught before the deadlines were added, 8 true and 1 reworded)."""
    problems = run(Project()).problems
    assert [p.format() for p in problems if p.code in ("recours-sans-delai", "delai-sans-texte-officiel")] == []


# --- the content check: « L'essentiel » -----------------------------------------------------

def test_words_are_counted_as_a_reader_counts_them():
    assert count_words("L'Ordre des médecins : 0800 288 038 (24 h/24, gratuit).") == 8
    assert count_words("burn-out, aujourd'hui") == 2


def test_the_essentials_are_counted_with_their_markers_expanded():
    ctx = Context(Project())
    marker = "[[aide:ordre-entraide]]"
    expanded = count_words("Entraide de l'Ordre des médecins : 0800 288 038 (24 h/24, 7 j/7, gratuit, anonyme)")
    filler = "mot " * (MAX_WORDS - expanded - 3)  # « Ce soir, appelez » is 3 words

    def essentials(text):
        body = f"# T\n\n## L'essentiel\n\n- Ce soir, appelez : {marker}\n- {text}\n\n## Repérer / comprendre\n\nx\n"
        return [p.code for p in essentials_problems(body, ctx, "f.md")]

    assert essentials(filler) == []  # exactly MAX_WORDS words as read
    assert essentials(filler + "mot") == ["essentiel-trop-long"]


def test_the_first_bullet_says_what_to_do_first():
    ctx = Context(Project())

    def codes(first):
        return [p.code for p in essentials_problems(f"## L'essentiel\n\n- {first}\n- Suite.\n\n## Après\n", ctx, "f.md")]

    for good in ("Ce soir : notez la date.", "Dès réception du courrier, appelez.", "D'abord votre sécurité.",
                 "Cette semaine, parlez-en.", "Aujourd'hui, vous êtes le patient."):
        assert codes(good) == [], good
    assert codes("Le burn-out n'est pas une faiblesse.") == ["essentiel-sans-action"]


def test_every_real_fiche_passes_the_essentials_rule():
    problems = run(Project()).problems
    assert [p.format() for p in problems if p.code.startswith("essentiel-")] == []


def test_every_fiche_that_describes_a_procedure_declares_its_deadlines():
    with_deadlines = {f.src_uri for f in catalog.fiches() if deadlines.entries_of(f.meta)}
    for procedure in ("cabinet/relations-caisse", "cabinet/difficultes-financieres", "cabinet/gardes-permanence-des-soins",
                      "cabinet/prevoyance", "soignant/medecin-gravement-malade", "soignant/suspension-sante-insuffisance",
                      "soignant/plainte-patient", "soignant/reputation-numerique"):
        assert f"fiches/{procedure}.md" in with_deadlines


# --- the built site -----------------------------------------------------------------------------

def test_every_fiche_with_deadlines_shows_its_box_right_after_the_essentials(site_root):
    for fiche in catalog.fiches():
        html = (site_root / fiche.src_uri[:-len(".md")] / "index.html").read_text(encoding="utf-8")
        headings = re.findall(r'<h2[^>]* id="([^"]+)"', html)
        if deadlines.entries_of(fiche.meta):
            assert headings[headings.index("lessentiel") + 1] == deadline_pages.BOX_ID, fiche.src_uri
            assert html.count('class="ss-delai"') == len(deadlines.entries_of(fiche.meta)), fiche.src_uri
        else:
            assert deadline_pages.BOX_ID not in headings, fiche.src_uri


def test_the_deadlines_script_loads_only_where_it_is_used(site_root, html_pages):
    """delais.js is not a weight every page pays: fiches with deadlines and the « Tous les délais »
    pages only."""
    with_script = sorted(p.relative_to(site_root).as_posix() for p in html_pages
                         if deadline_pages.SCRIPT in p.read_text(encoding="utf-8"))
    expected = sorted([f"{f.src_uri[:-len('.md')]}/index.html" for f in catalog.fiches() if deadlines.entries_of(f.meta)]
                      + ["aide/delais/index.html", "en/aide/delais/index.html"])
    assert with_script == expected
