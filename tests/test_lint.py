"""Tests of the content check (scripts/lint.py, soignants/lint/).

Each broken file of tests/fixtures/lint/casses/ has exactly one fault: it is copied into a copy
of the small valid project tests/fixtures/lint/projet/, and the whole project must then report
exactly one problem, with the expected code, file and line.
"""

from datetime import date
from pathlib import Path
import re
import shutil
import subprocess
import sys

import markdown
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from soignants.lint import Project, failed, run, summary  # noqa: E402
from soignants.lint import runner, sources  # noqa: E402
from soignants.lint.codes import CODES  # noqa: E402
from soignants.lint.markdown_text import heading_ids, headings, mask  # noqa: E402
from soignants.lint.report import ERROR, WARNING, Problem  # noqa: E402
from soignants.lint.schema_messages import issues  # noqa: E402
from soignants.lint.yaml_lines import YamlLines  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
VALID_PROJECT = FIXTURES / "projet"
BROKEN = FIXTURES / "casses"
TODAY = date(2026, 11, 23)
LINT = ROOT / "scripts" / "lint.py"

# (broken file, where it goes in the project, expected code, expected line)
CASES = [
    ('entete-absente.md', 'docs/fiches/soignant/entete-absente.md', 'entete-absente', 1),
    ('entete-non-fermee.md', 'docs/fiches/soignant/entete-non-fermee.md', 'entete-absente', 1),
    ('yaml-invalide.md', 'docs/fiches/soignant/yaml-invalide.md', 'yaml-invalide', 2),
    ('yaml-tabulation.md', 'docs/fiches/soignant/yaml-tabulation.md', 'yaml-invalide', 6),
    ('champ-manquant.md', 'docs/fiches/soignant/champ-manquant.md', 'champ-manquant', 1),
    ('champ-invalide.md', 'docs/fiches/soignant/champ-invalide.md', 'champ-invalide', 6),
    ('champ-invalide-type.md', 'docs/fiches/soignant/champ-invalide-type.md', 'champ-invalide', 7),
    ('champ-inconnu.md', 'docs/fiches/soignant/champ-inconnu.md', 'champ-inconnu', 9),
    ('champ-duplique.md', 'docs/fiches/soignant/champ-duplique.md', 'champ-duplique', 9),
    ('valeur-interdite.md', 'docs/fiches/soignant/valeur-interdite.md', 'valeur-interdite', 8),
    ('valeur-interdite-relecteurs.md', 'docs/fiches/soignant/valeur-interdite-relecteurs.md', 'champ-invalide', 9),
    ('date-invalide.md', 'docs/fiches/soignant/date-invalide.md', 'date-invalide', 10),
    ('date-invalide-format.md', 'docs/fiches/soignant/date-invalide-format.md', 'date-invalide', 11),
    ('date-future.md', 'docs/fiches/soignant/date-future.md', 'date-invalide', 10),
    ('relecture-depassee.md', 'docs/fiches/soignant/relecture-depassee.md', 'relecture-depassee', 11),
    ('relecture-trop-lointaine.md', 'docs/fiches/soignant/relecture-trop-lointaine.md', 'relecture-trop-lointaine', 11),
    ('partie-incoherente.md', 'docs/fiches/soignant/partie-incoherente.md', 'partie-incoherente', 4),
    ('cle-inconnue-sources.md', 'docs/fiches/soignant/cle-inconnue-sources.md', 'cle-inconnue', 14),
    ('section-manquante.md', 'docs/fiches/soignant/section-manquante.md', 'section-manquante', 33),
    ('section-mal-ecrite.md', 'docs/fiches/soignant/section-mal-ecrite.md', 'section-manquante', 17),
    ('sections-ordre.md', 'docs/fiches/soignant/sections-ordre.md', 'sections-ordre', 25),
    ('titre-different.md', 'docs/fiches/soignant/titre-different.md', 'titre-different', 15),
    ('titre-absent.md', 'docs/fiches/soignant/titre-absent.md', 'titre-different', 15),
    ('lien-casse.md', 'docs/fiches/soignant/lien-casse.md', 'lien-casse', 23),
    ('lien-casse-dossier.md', 'docs/fiches/soignant/lien-casse-dossier.md', 'lien-casse', 23),
    ('lien-casse-absolu.md', 'docs/fiches/soignant/lien-casse-absolu.md', 'lien-casse', 23),
    ('lien-casse-image.md', 'docs/fiches/soignant/lien-casse-image.md', 'lien-casse', 19),
    ('ancre-cassee.md', 'docs/fiches/soignant/ancre-cassee.md', 'ancre-cassee', 23),
    ('ancre-cassee-accents.md', 'docs/fiches/soignant/ancre-cassee-accents.md', 'ancre-cassee', 23),
    ('ancre-cassee-reference.md', 'docs/fiches/soignant/ancre-cassee-reference.md', 'ancre-cassee', 23),
    ('cle-inconnue.md', 'docs/fiches/soignant/cle-inconnue.md', 'cle-inconnue', 19),
    ('citation-invalide.md', 'docs/fiches/soignant/citation-invalide.md', 'citation-invalide', 19),
    ('aide-inconnue.md', 'docs/fiches/soignant/aide-inconnue.md', 'aide-inconnue', 35),
    ('aide-mal-ecrite.md', 'docs/fiches/soignant/aide-mal-ecrite.md', 'aide-inconnue', 35),
    ('marqueur-invalide.md', 'docs/fiches/soignant/marqueur-invalide.md', 'marqueur-invalide', 39),
    ('marqueur-mal-ecrit.md', 'docs/fiches/soignant/marqueur-mal-ecrit.md', 'marqueur-invalide', 39),
    ('html-dangereux-script.md', 'docs/fiches/soignant/html-dangereux-script.md', 'html-dangereux', 39),
    ('html-dangereux-iframe.md', 'docs/fiches/soignant/html-dangereux-iframe.md', 'html-dangereux', 39),
    ('html-dangereux-attribut.md', 'docs/fiches/soignant/html-dangereux-attribut.md', 'html-dangereux', 39),
    ('html-dangereux-javascript.md', 'docs/fiches/soignant/html-dangereux-javascript.md', 'html-dangereux', 23),
    ('html-dangereux-style.md', 'docs/fiches/soignant/html-dangereux-style.md', 'html-dangereux', 39),
    # content cannot reach the page's machinery (soignants/render/sanitize.py, issue 20)
    ('html-reserve-classe.md', 'docs/fiches/soignant/html-reserve-classe.md', 'html-reserve', 39),
    ('html-reserve-identifiant.md', 'docs/fiches/soignant/html-reserve-identifiant.md', 'html-reserve', 39),
    ('html-reserve-formulaire.md', 'docs/fiches/soignant/html-reserve-formulaire.md', 'html-reserve', 39),
    ('appel-hors-marqueur.md', 'docs/fiches/soignant/appel-hors-marqueur.md', 'appel-hors-marqueur', 39),
    ('ressource-externe-image.md', 'docs/fiches/soignant/ressource-externe-image.md', 'ressource-externe', 19),
    ('ressource-externe-html.md', 'docs/fiches/soignant/ressource-externe-html.md', 'ressource-externe', 39),
    ('donnee-personnelle-telephone.md', 'docs/temoignages/donnee-personnelle-telephone.md', 'donnee-personnelle', 15),
    ('donnee-personnelle-international.md', 'docs/temoignages/donnee-personnelle-international.md', 'donnee-personnelle', 15),
    ('donnee-personnelle-compact.md', 'docs/temoignages/donnee-personnelle-compact.md', 'donnee-personnelle', 15),
    ('donnee-personnelle-email.md', 'docs/temoignages/donnee-personnelle-email.md', 'donnee-personnelle', 15),
    ('temoignage-fiche-liee.md', 'docs/temoignages/temoignage-fiche-liee.md', 'lien-casse', 8),
    ('temoignage-champ-manquant.md', 'docs/temoignages/temoignage-champ-manquant.md', 'champ-manquant', 1),
    ('aide-contact-perime.yml', 'data/aide.yml', 'contact-perime', 34),
    ('aide-valeur-interdite.yml', 'data/aide.yml', 'valeur-interdite', 13),
    ('aide-champ-manquant.yml', 'data/aide.yml', 'champ-manquant', 20),
    ('aide-champ-inconnu.yml', 'data/aide.yml', 'champ-inconnu', 26),
    ('aide-date-invalide.yml', 'data/aide.yml', 'date-invalide', 18),
    ('aide-yaml-invalide.yml', 'data/aide.yml', 'yaml-invalide', 21),
    ('aide-id-duplique.yml', 'data/aide.yml', 'id-duplique', 36),
    ('bib-theme-inconnu.yml', 'data/bibliographie.yml', 'theme-inconnu', 22),
    ('bib-id-duplique.yml', 'data/bibliographie.yml', 'id-duplique', 24),
    ('bib-champ-invalide.yml', 'data/bibliographie.yml', 'champ-invalide', 15),
    ('bib-theme-sans-page.yml', 'data/bibliographie.yml', 'theme-sans-page', 7),
    ('bib-champ-manquant.yml', 'data/bibliographie.yml', 'champ-manquant', 17),
    ('fichier-vide.md', 'docs/fiches/soignant/fichier-vide.md', 'fichier-vide', 1),
    ('fichier-blanc.md', 'docs/fiches/soignant/fichier-blanc.md', 'fichier-vide', 1),
    ('encodage.md', 'docs/fiches/soignant/encodage.md', 'encodage', 2),
    ('fichier-binaire.md', 'docs/fiches/soignant/fichier-binaire.md', 'fichier-binaire', 1),
    ('fichier-binaire-nul.md', 'docs/fiches/soignant/fichier-binaire-nul.md', 'fichier-binaire', 1),
    ('document.docx', 'docs/images/document.docx', 'fichier-non-autorise', 1),
    ('externe.svg', 'docs/images/externe.svg', 'ressource-externe', 2),
    # content is data: no code served from the site's own host (soignants/lint/assets.py, render/svg.py)
    ('svg-bombe.svg', 'docs/images/svg-bombe.svg', 'svg-trop-complexe', 1),
    ('svg-script-prefixe.svg', 'docs/images/svg-script-prefixe.svg', 'html-dangereux', 2),
    ('script-contribue.js', 'docs/images/script-contribue.js', 'fichier-non-autorise', 1),
    ('image-deguisee.png', 'docs/images/image-deguisee.png', 'fichier-non-autorise', 1),
    ('script.svg', 'docs/images/script.svg', 'html-dangereux', 2),
    ('aide-vide.yml', 'data/aide.yml', 'fichier-vide', 1),
    ('bib-encodage.yml', 'data/bibliographie.yml', 'encodage', 1),
    ('questionnaire-trou.yml', 'data/questionnaires/exemple.yml', 'questionnaire-incoherent', 35),
    ('questionnaire-chevauchement.yml', 'data/questionnaires/exemple.yml', 'questionnaire-incoherent', 35),
    ('questionnaire-max.yml', 'data/questionnaires/exemple.yml', 'questionnaire-incoherent', 25),
    ('questionnaire-alerte.yml', 'data/questionnaires/exemple.yml', 'questionnaire-incoherent', 41),
    ('questionnaire-champ-manquant.yml', 'data/questionnaires/exemple.yml', 'champ-manquant', 49),
    ('questionnaire-cle-inconnue.yml', 'data/questionnaires/exemple.yml', 'cle-inconnue', 48),
    ('questionnaire-aide-inconnue.yml', 'data/questionnaires/exemple.yml', 'aide-inconnue', 44),
    ('questionnaire-ligne-sans-numero.yml', 'data/questionnaires/exemple.yml', 'ligne-sans-numero', 40),
    ('marqueur-questionnaire.md', 'docs/fiches/soignant/marqueur-questionnaire.md', 'marqueur-invalide', 39),
    ('aide-source-accueil.yml', 'data/aide.yml', 'source-accueil', 32),
    ('bib-source-accueil.yml', 'data/bibliographie.yml', 'source-accueil', 27),
    ('source-non-listee.md', 'docs/fiches/soignant/source-non-listee.md', 'source-non-listee', 19),
    ('source-juridique-secondaire.md', 'docs/fiches/soignant/source-juridique-secondaire.md',
     'source-juridique-secondaire', 23),
    ('recours-sans-delai.md', 'docs/fiches/soignant/recours-sans-delai.md', 'recours-sans-delai', 23),
    ('essentiel-trop-long.md', 'docs/fiches/soignant/essentiel-trop-long.md', 'essentiel-trop-long', 17),
    ('essentiel-sans-action.md', 'docs/fiches/soignant/essentiel-sans-action.md', 'essentiel-sans-action', 19),
    ('delai-sans-texte-officiel.md', 'docs/fiches/cabinet/delai-sans-texte-officiel.md', 'delai-sans-texte-officiel', 20),
    ('texte-officiel-a-verifier.md', 'docs/fiches/cabinet/texte-officiel-a-verifier.md', 'texte-officiel-a-verifier', 22),
    ('chiffre-sans-source.md', 'docs/fiches/soignant/chiffre-sans-source.md', 'chiffre-sans-source', 35),
    ('caractere-invisible.md', 'docs/fiches/soignant/caractere-invisible.md', 'caractere-invisible', 39),
    ('imbrication-profonde.md', 'docs/fiches/soignant/imbrication-profonde.md', 'imbrication-profonde', 56),
    ('mkdocs-cdn.yml', 'mkdocs.yml', 'configuration-refusee', 10),
    # the editorial committee and honest authorship (soignants/lint/review.py, committee_checks.py)
    ('relecteur-inconnu.md', 'docs/fiches/cabinet/relecteur-inconnu.md', 'relecteur-inconnu', 9),
    ('relecteur-ancien-membre.md', 'docs/fiches/cabinet/relecteur-ancien-membre.md', 'relecteur-inconnu', 9),
    ('relecteur-auteur.md', 'docs/fiches/cabinet/relecteur-auteur.md', 'relecteur-auteur', 9),
    ('relecteur-auteur-sans-titre.md', 'docs/fiches/cabinet/relecteur-auteur-sans-titre.md', 'relecteur-auteur', 9),
    ('relecteur-auteur-identifiant.md', 'docs/fiches/cabinet/relecteur-auteur-identifiant.md', 'relecteur-auteur', 9),
    ('relecteur-identifiant-inconnu.md', 'docs/fiches/cabinet/relecteur-identifiant-inconnu.md', 'relecteur-inconnu', 9),
    ('relu-sans-date.md', 'docs/fiches/cabinet/relu-sans-date.md', 'champ-manquant', 1),
    ('comite-date.yml', 'data/comite.yml', 'date-invalide', 14),
    ('comite-champ-manquant.yml', 'data/comite.yml', 'champ-manquant', 9),
    # what the tests used to catch (placeholders.py, help_numbers.py, layout.py, file_names.py, quotes.py)
    ('texte-a-completer.md', 'docs/fiches/soignant/texte-a-completer.md', 'texte-a-completer', 19),
    ('texte-a-completer-ancien-modele.md', 'docs/fiches/soignant/texte-a-completer-ancien-modele.md',
     'texte-a-completer', 27),
    ('section-vide.md', 'docs/fiches/soignant/section-vide.md', 'section-vide', 33),
    ('section-renommee.md', 'docs/fiches/soignant/section-renommee.md', 'section-manquante', 25),
    ('numero-a-la-main.md', 'docs/fiches/soignant/numero-a-la-main.md', 'numero-a-la-main', 27),
    ('numero-a-la-main-international.md', 'docs/fiches/soignant/numero-a-la-main-international.md',
     'numero-a-la-main', 35),
    ('numero-a-la-main-lien.md', 'docs/fiches/soignant/numero-a-la-main-lien.md', 'appel-hors-marqueur', 35),
    # a phone number read as the reader sees it (soignants/lint/phone_numbers.py, visible_text.py)
    ('numero-a-la-main-entites.md', 'docs/fiches/soignant/numero-a-la-main-entites.md', 'numero-a-la-main', 20),
    ('numero-telephone-surtaxe.md', 'docs/fiches/soignant/numero-telephone-surtaxe.md', 'numero-telephone', 20),
    ('numero-telephone-entites.md', 'docs/fiches/soignant/numero-telephone-entites.md', 'numero-telephone', 20),
    ('numero-telephone-balises.md', 'docs/fiches/soignant/numero-telephone-balises.md', 'numero-telephone', 20),
    ('numero-telephone-pleine-chasse.md', 'docs/fiches/soignant/numero-telephone-pleine-chasse.md',
     'numero-telephone', 20),
    ('numero-telephone-espaces.md', 'docs/fiches/soignant/numero-telephone-espaces.md', 'numero-telephone', 20),
    ('numero-chiffre-manquant.md', 'docs/fiches/soignant/numero-chiffre-manquant.md', 'numero-telephone', 20),
    ('numero-telephone-entete.md', 'docs/fiches/soignant/numero-telephone-entete.md', 'numero-telephone', 3),
    ('aide-cout-numero.yml', 'data/aide.yml', 'numero-telephone', 10),
    ('questionnaire-alerte-numero.yml', 'data/questionnaires/exemple.yml', 'numero-telephone', 44),
    ('mkdocs-copyright-numero.yml', 'mkdocs.yml', 'numero-telephone', 3),
    ('titres-sautes.md', 'docs/fiches/soignant/titres-sautes.md', 'titres-sautes', 19),
    ('sous-liste-deux-espaces.md', 'docs/fiches/soignant/sous-liste-deux-espaces.md', 'sous-liste-deux-espaces', 36),
    ('tabulation-corps.md', 'docs/fiches/soignant/tabulation-corps.md', 'tabulation', 20),
    ('aide-tabulation.yml', 'data/aide.yml', 'yaml-invalide', 24),
    ('guillemet-non-ferme.md', 'docs/fiches/soignant/guillemet-non-ferme.md', 'yaml-invalide', 2),
    ('champ-espace-insecable.md', 'docs/fiches/soignant/champ-espace-insecable.md', 'champ-inconnu', 4),
    ('champ-guillemet-courbe.md', 'docs/fiches/soignant/champ-guillemet-courbe.md', 'champ-inconnu', 7),
    ('nom-de-fichier.md', 'docs/fiches/soignant/Congé maternité.md', 'nom-de-fichier', 1),
    ('detresse-expression-en-double.yml', 'data/recherche-detresse.yml', 'expression-en-double', 7),
    ('detresse-exemple-declenche.yml', 'data/recherche-detresse.yml', 'exemple-declenche', 17),
    ('detresse-exception-inutile.yml', 'data/recherche-detresse.yml', 'exception-inutile', 13),
    ('detresse-champ-manquant.yml', 'data/recherche-detresse.yml', 'champ-manquant', 11),
    # issue 20 B: page kinds, control characters, mkdocs.yml allowlist, bounded work, distress core
    ('caractere-de-controle.md', 'docs/fiches/soignant/caractere-de-controle.md', 'caractere-de-controle', 16),
    ('aide-caractere-de-controle.yml', 'data/aide.yml', 'caractere-de-controle', 10),
    ('aide-hors-recherche.md', 'docs/aide/index.md', 'aide-hors-recherche', 6),
    ('page-gabarit.md', 'docs/a-propos/index.md', 'valeur-interdite', 5),
    ('page-statut.md', 'docs/a-propos/index.md', 'valeur-interdite', 5),
    ('page-icone.md', 'docs/a-propos/index.md', 'valeur-interdite', 5),
    ('page-champ-inconnu.md', 'docs/a-propos/index.md', 'champ-inconnu', 5),
    ('texte-demesure.md', 'docs/fiches/soignant/texte-demesure.md', 'texte-demesure', 43),
    ('detresse-avalee.yml', 'data/recherche-detresse.yml', 'detresse-avalee', 14),
    ('detresse-non-reconnue.yml', 'data/recherche-detresse-socle.yml', 'detresse-non-reconnue', 12),
    ('mkdocs-python.yml', 'mkdocs.yml', 'configuration-refusee', 8),
    ('mkdocs-env.yml', 'mkdocs.yml', 'configuration-refusee', 8),
    ('mkdocs-forge-sosie.yml', 'mkdocs.yml', 'configuration-refusee', 10),
    # regional editions (soignants/lint/edition_checks.py): the file, its pages (checked as the build sees them)
    ('edition-a-completer.yml', 'editions/exemple.yml', 'edition-a-completer', 7),
    ('edition-incomplete.yml', 'editions/exemple.yml', 'edition-incomplete', 8),
    ('edition-ligne-regionale.yml', 'editions/exemple.yml', 'edition-ligne-regionale', 22),
    ('edition-logo.yml', 'editions/exemple.yml', 'edition-logo', 9),
    ('edition-contraste.yml', 'editions/exemple.yml', 'contraste-insuffisant', 13),
    ('edition-page-interdite.md', 'editions/exemple/docs/index.md', 'edition-page-interdite', 1),
    ('edition-fiche-lien-casse.md', 'editions/exemple/docs/fiches/soignant/edition-fiche-lien-casse.md', 'lien-casse', 23),
]

# Codes that no broken content file can produce (the check itself, or its command line).
NOT_FROM_CONTENT = {"fichier-introuvable", "fichier-illisible", "fichier-non-controle", "erreur-interne"}
# A file over the size limit is made by tests/test_hostile.py, not kept as a 300 KB fixture.
NOT_FROM_CONTENT |= {"fichier-trop-gros"}
# A committed cache needs a git repository: tested by test_a_committed_cache_is_refused.
NOT_FROM_CONTENT |= {"cache-depose"}
# Codes that need a git history: tested in tests/test_editorial.py on a repository made for the test.
NEEDS_GIT = {"historique-manquant", "relecteur-nouveau-membre", "relecteur-proposant", "contact-modifie-sans-source"}
# A symbolic link is made by its own test (test_a_symbolic_link_is_refused), not kept as a fixture.
NOT_FROM_CONTENT |= {"lien-symbolique"}


def make_project(tmp_path: Path) -> Path:
    root = tmp_path / "projet"
    shutil.copytree(VALID_PROJECT, root)
    return root


def problems_of(root: Path, paths=None, today: date = TODAY) -> list[Problem]:
    return run(Project.at(root, today=today), paths).problems


def triples(problems) -> list[tuple]:
    return [(p.code, p.path, p.line) for p in problems]


# --- the corpus of broken files ---------------------------------------------------------------

def test_valid_project_has_no_problem(tmp_path):
    assert problems_of(make_project(tmp_path)) == []


@pytest.mark.parametrize("name,dest,code,line", CASES, ids=[c[0] for c in CASES])
def test_broken_file(tmp_path, name, dest, code, line):
    root = make_project(tmp_path)
    (root / dest).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BROKEN / name, root / dest)
    found = problems_of(root)
    assert triples(found) == [(code, dest, line)], "\n".join(p.format() for p in found)
    assert found[0].severity == CODES[code][0]


def test_every_code_is_documented_and_has_a_broken_file():
    covered = {code for _, _, code, _ in CASES}
    assert covered <= set(CODES)
    assert set(CODES) - NOT_FROM_CONTENT - NEEDS_GIT <= covered


@pytest.mark.parametrize("name,dest", [("yaml-tabulation.md", "docs/fiches/soignant/yaml-tabulation.md"),
                                       ("aide-tabulation.yml", "data/aide.yml"),
                                       ("tabulation-corps.md", "docs/fiches/soignant/tabulation-corps.md")])
def test_a_tab_is_named_a_tab_wherever_it_is(tmp_path, name, dest):
    root = make_project(tmp_path)
    shutil.copyfile(BROKEN / name, root / dest)
    found = problems_of(root)
    assert len(found) == 1 and "tabulation en début de ligne" in found[0].message, found


def test_every_broken_file_is_used():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(c[0] for c in CASES)


# --- messages ---------------------------------------------------------------------------------

def test_enum_message_says_what_and_how():
    found = issues("fiche", {"statut": "en cours"})
    message = next(i.message for i in found if i.code == "valeur-interdite")
    assert message == "le champ « statut » vaut « en cours » ; valeurs possibles : brouillon, relu"


def test_conditional_rule_names_its_reason():
    found = issues("fiche", {"statut": "relu", "relecteurs": []})
    message = next(i.message for i in found if i.path == ("relecteurs",))
    assert "parce que « statut » vaut « relu »" in message


def test_unknown_field_suggests_the_right_one():
    found = issues("fiche", {"tittle": "x"})
    message = next(i.message for i in found if i.code == "champ-inconnu")
    assert "vouliez-vous écrire « title » ?" in message


def test_problem_line_format_and_summary():
    error = Problem("docs/x.md", 3, "lien-casse", "le lien « y.md » vise une page qui n'existe pas")
    warning = Problem("data/aide.yml", 9, "contact-perime", "contact « x » vérifié en 2024-01", WARNING)
    assert error.format() == "docs/x.md:3: le lien « y.md » vise une page qui n'existe pas (lien-casse)"
    assert warning.format() == "data/aide.yml:9: avertissement : contact « x » vérifié en 2024-01 (contact-perime)"
    assert summary([error, error, warning], 31) == "2 erreurs, 1 avertissement dans 31 fichiers"
    assert summary([], 1) == "aucun problème dans 1 fichier"
    assert summary([warning], 2, strict=True) == \
        "aucune erreur, 1 avertissement (compté comme erreur avec --strict) dans 2 fichiers"


def test_warnings_fail_only_with_strict(tmp_path):
    root = make_project(tmp_path)
    shutil.copyfile(BROKEN / "relecture-depassee.md", root / "docs/fiches/soignant/relecture-depassee.md")
    found = problems_of(root)
    assert [p.severity for p in found] == [WARNING]
    assert not failed(found)
    assert failed(found, strict=True)


def test_review_date_depends_on_the_injected_day(tmp_path):
    root = make_project(tmp_path)

    def late_reviews(today):
        return sorted(p.path for p in problems_of(root, today=today) if p.code == "relecture-depassee")

    assert late_reviews(date(2027, 6, 1)) == []
    assert late_reviews(date(2027, 6, 2)) == ["docs/fiches/cabinet/autre.md", "docs/fiches/soignant/modele.md"]


def test_contact_is_stale_after_twelve_months(tmp_path):
    root = make_project(tmp_path)

    def stale(today):
        return [(p.code, p.line) for p in problems_of(root, today=today) if p.code == "contact-perime"]

    assert stale(date(2027, 1, 14)) == []  # « region », checked 2026-01-15: 11 months 30 days
    assert stale(date(2027, 1, 16)) == []  # 12 months
    assert stale(date(2027, 2, 15)) == [("contact-perime", 33)]  # 13 months
    assert stale(date(2027, 7, 1)) == [("contact-perime", 17), ("contact-perime", 33)]  # « ecoute », 2026-06


# --- sources a reviewer can check (soignants/lint/sources.py) ------------------------------------

@pytest.mark.parametrize("url,home", [
    ("https://www.legifrance.gouv.fr", True),
    ("https://www.legifrance.gouv.fr/", True),
    ("https://www.senat.fr/#haut", True),
    ("https://www.senat.fr/questions/base/2021/qSEQ210119994.html", False),
    ("https://comarquage.ville-agde.fr/?xml=F33954", False),  # a page named by its query
    ("doi:10.1136/bmj.320.7237.726", False),
    (None, False),
])
def test_home_page_is_an_address_with_no_path(url, home):
    assert sources.home_page(url) is home


def figures_in(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message.split(" » ")[0].lstrip("« ")) for p in
            sources.unsourced_figure_problems(text, "docs/x.md")]


def test_a_figure_needs_a_citation_in_its_own_paragraph():
    text = """# Titre

Le délai est de 45 jours.
La suite du même paragraphe cite sa source [@Wu2000].

- Un élément de liste à 38,8 %.
- Un autre élément cite la sienne pour 15 jours [@Wu2000].

Selon l'article 56, rien ; selon la loi n° 2025-623, rien ; au 91e jour, rien.

Un article de code, L1142-4, et un montant de 169 € sans source.

## Un titre de 3 ans n'est pas un paragraphe

En 2018, une année seule n'est ni un chiffre ni un délai ; « 24 h/24 » non plus.

`Du code : 12 mois`
"""
    assert figures_in(text) == [(6, "38,8 %"), (9, "article 56"), (11, "L1142-4")]


def test_a_figure_in_a_fiche_is_reported_with_its_line(tmp_path):
    root = make_project(tmp_path)
    page = root / "docs/fiches/cabinet/autre.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Rien à signaler.", "Rien à signaler.\n\nLa CPAM paie à partir du 4e jour d'arrêt."), encoding="utf-8")
    found = problems_of(root)
    assert triples(found) == [("chiffre-sans-source", "docs/fiches/cabinet/autre.md", 27)]
    assert found[0].severity == WARNING and "4e jour" in found[0].message
    # Only fiches are held to it: the same sentence on another page is not reported.
    write(root, "docs/a-propos/page.md", "# Page\n\nLa CPAM paie à partir du 4e jour d'arrêt.\n")
    assert problems_of(root, [root / "docs/a-propos/page.md"]) == []


# --- front matter lines -----------------------------------------------------------------------

def test_yaml_lines_point_into_the_file():
    text = "title: x\nsources:\n  - A\n  - B\nsource:\n  titre: t\ntitle: y\n"
    lines = YamlLines.from_text(text, first_line=2, root_line=1)
    assert lines.line(("title",)) == 2
    assert lines.line(("sources", 1)) == 5
    assert lines.line(("source", "titre")) == 7
    assert lines.line(("source", "url")) == 6  # missing key: its parent
    assert lines.line(("absent",)) == 1  # missing at the top: the opening ---
    assert lines.duplicates == [(("title",), 8)]


# --- links and anchors ------------------------------------------------------------------------

def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def link_problems(root: Path, relative: str) -> list[tuple]:
    return triples(p for p in problems_of(root, [root / relative]))


def test_links_and_anchors(tmp_path):
    root = make_project(tmp_path)
    write(root, "docs/a-propos/cible.md", """---
title: Cible
---

# Cible

## Où trouver de l'aide ?

## Exemple

## Exemple

## Titre personnalisé {#perso}

Un <span id="ici"></span> repère.
""")
    write(root, "docs/a-propos/liens.md", """# Liens

- [titre accentué](cible.md#ou-trouver-de-laide)
- [titre répété](cible.md#exemple_1)
- [id explicite](cible.md#perso)
- [id HTML](cible.md#ici)
- [source citée par la fiche](../fiches/soignant/modele.md#ref-Dupont2020)
- [source citée dans le texte](../fiches/soignant/modele.md#ref-Martin2021)
- [références générées](../fiches/cabinet/autre.md#references-citees)
- [page de thème](../bibliographie/theme-a.md#ref-Martin2021)
- [image locale](../images/logo.svg)
- [externe](https://example.org/page.md) et <mailto:x@example.org>
- `[dans du code](absent.md)`

```
[dans un bloc de code](absent.md)
```

- [ancre absente](cible.md#exemple_2)
- [référence non citée](../fiches/cabinet/autre.md#ref-Dupont2020)
- [même page](#liens)
- [même page, absente](#nulle-part)
""")
    assert link_problems(root, "docs/a-propos/liens.md") == [
        ("ancre-cassee", "docs/a-propos/liens.md", 19),
        ("ancre-cassee", "docs/a-propos/liens.md", 20),
        ("ancre-cassee", "docs/a-propos/liens.md", 22),
    ]


def test_links_follow_the_i18n_suffix_layout(tmp_path):
    root = make_project(tmp_path)
    write(root, "docs/a-propos/seulement-fr.md", "# Seulement en français\n")
    write(root, "docs/a-propos/traduite.md", "# Traduite\n\n## Pourquoi\n")
    write(root, "docs/a-propos/traduite.en.md", "# Translated\n\n## Why\n")
    write(root, "docs/a-propos/seulement-en.en.md", "# English only\n")
    write(root, "docs/a-propos/page.en.md", "# Page\n\n[a](seulement-fr.md) [b](traduite.md#why) "
                                            "[c](seulement-en.md) [d](traduite.md#pourquoi)\n")
    write(root, "docs/a-propos/page.md", "# Page\n\n[a](traduite.md#pourquoi)\n\n[b](seulement-en.md)\n")
    # An English page resolves x.md to x.en.md when it exists, else to the French page.
    assert link_problems(root, "docs/a-propos/page.en.md") == [("ancre-cassee", "docs/a-propos/page.en.md", 3)]
    # A French page needs the French page.
    assert link_problems(root, "docs/a-propos/page.md") == [("lien-casse", "docs/a-propos/page.md", 5)]


def test_broken_link_suggests_the_right_path(tmp_path):
    root = make_project(tmp_path)
    write(root, "docs/a-propos/x.md", "# X\n\n[fiche](../fiches/soignant/autre.md)\n")
    found = problems_of(root, [root / "docs/a-propos/x.md"])
    assert triples(found) == [("lien-casse", "docs/a-propos/x.md", 3)]
    assert "vouliez-vous écrire « ../fiches/cabinet/autre.md » ?" in found[0].message


HEADINGS = """# Titre

## L'essentiel

## Repérer / comprendre

## Que faire, pas à pas

## Œuvre & « guillemets » : 38,8 % — ça va ?

## **Gras** et `code` et [lien](x.md)

## Exemple

## Exemple

## Exemple_1

## (c) 1/2 --> fin

## Titre {#choisi}

!!! note "Encadré"

    ### Dans une admonition

<div class="carte" markdown>

<h2 class="carte__titre">Numéros d&#x27;aide</h2>

</div>

```bash
# pas un titre
```
"""


def test_heading_ids_match_python_markdown():
    html = markdown.markdown(HEADINGS, extensions=["toc", "attr_list", "admonition", "md_in_html",
                                                   "pymdownx.smartsymbols", "pymdownx.superfences"])
    expected = re.findall(r'<h[1-6][^>]*\sid="([^"]+)"', html)
    assert len(expected) == 13
    assert heading_ids(headings(mask(HEADINGS), HEADINGS)) == expected


def test_markers_shown_as_code_in_a_guide(tmp_path):
    root = make_project(tmp_path)
    write(root, "docs/a-propos/guide.md", """# Guide

Un contact s'écrit `[[aide:ID]]`, une citation `[@Clé]`, une liste `<!-- liste-fiches: PARTIE -->`.

```
[[aide: exemple]]
```

Mais la construction remplace aussi `[[aide:inconnu]]` écrit dans du code.
""")
    assert link_problems(root, "docs/a-propos/guide.md") == [("aide-inconnue", "docs/a-propos/guide.md", 9)]


# --- robustness -------------------------------------------------------------------------------

def test_an_unexpected_failure_becomes_a_problem(tmp_path, monkeypatch):
    root = make_project(tmp_path)

    def boom(ctx, path):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(runner, "check_page", boom)
    found = problems_of(root)
    assert {p.code for p in found} == {"erreur-interne"}
    assert any(p.path == "docs/fiches/soignant/modele.md" and p.line == 1 for p in found)
    assert "panne simulée" in found[0].message


def test_missing_paths_and_data_files(tmp_path):
    root = make_project(tmp_path)
    (root / "data" / "aide.yml").unlink()
    found = problems_of(root)
    assert ("fichier-introuvable", "data/aide.yml", 1) in triples(found)
    assert triples(problems_of(root, [root / "docs/absent.md"])) == [("fichier-introuvable", "docs/absent.md", 1)]


def cli(*arguments, cwd=ROOT):
    return subprocess.run([sys.executable, str(LINT), *map(str, arguments)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_help_is_in_french():
    result = cli("--help")
    assert result.returncode == 0
    assert "utilisation :" in result.stdout and "Vérifie le contenu du site" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_cli_bad_option_says_so_in_french():
    result = cli("--inconnue")
    assert result.returncode == 2
    assert "erreur : option inconnue : --inconnue" in result.stderr and "Traceback" not in result.stderr


def test_cli_exit_status_and_output(tmp_path):
    root = make_project(tmp_path)
    ok = cli("--racine", root, "--date", TODAY.isoformat())
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout == "aucun problème dans 15 fichiers\n"

    shutil.copyfile(BROKEN / "relecture-depassee.md", root / "docs/fiches/soignant/relecture-depassee.md")
    warned = cli("--racine", root, "--date", TODAY.isoformat())
    assert warned.returncode == 0
    line = next(c[3] for c in CASES if c[0] == "relecture-depassee.md")
    assert warned.stdout.splitlines()[0].startswith(f"docs/fiches/soignant/relecture-depassee.md:{line}: avertissement : ")
    assert warned.stdout.splitlines()[-1] == "aucune erreur, 1 avertissement dans 16 fichiers"
    assert cli("--racine", root, "--date", TODAY.isoformat(), "--strict").returncode == 1

    shutil.copyfile(BROKEN / "lien-casse.md", root / "docs/fiches/soignant/lien-casse.md")
    failed_run = cli("--racine", root, "--date", TODAY.isoformat(), root / "docs/fiches/soignant/lien-casse.md")
    assert failed_run.returncode == 1
    assert failed_run.stdout.splitlines() == [
        failed_run.stdout.splitlines()[0],
        "1 erreur, aucun avertissement dans 1 fichier",
    ]
    line = next(c[3] for c in CASES if c[0] == "lien-casse.md")
    assert failed_run.stdout.startswith(f"docs/fiches/soignant/lien-casse.md:{line}: ")
    assert failed_run.stdout.splitlines()[0].endswith(" (lien-casse)")


def test_cli_never_shows_a_traceback_on_malformed_files(tmp_path):
    root = make_project(tmp_path)
    names = ["fichier-vide.md", "fichier-binaire.md", "fichier-binaire-nul.md", "encodage.md",
             "yaml-invalide.md", "entete-absente.md", "aide-vide.yml", "document.docx"]
    given = []
    for name in names:
        target = root / "docs" / "fiches" / "soignant" / name
        shutil.copyfile(BROKEN / name, target)
        given.append(target)
    (root / "docs" / "dossier.md").mkdir()  # a folder named like a page
    given += [root / "absent.md", root / "docs"]
    result = cli("--racine", root, "--date", TODAY.isoformat(), *given)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    assert "erreur-interne" not in result.stdout


def test_windows_line_endings_and_byte_order_mark_are_fine(tmp_path):
    root = make_project(tmp_path)
    page = root / "docs" / "fiches" / "soignant" / "modele.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    assert problems_of(root) == []


# --- the real content -------------------------------------------------------------------------

def test_real_content_has_no_error():
    """The site's own content passes (warnings, such as a contact to re-check, are allowed)."""
    found = run(Project()).problems
    errors = [p.format() for p in found if p.severity == ERROR]
    assert errors == [], "\n".join(errors)



def test_a_committed_cache_is_refused(tmp_path):
    """A proposal that forces a Jinja bytecode file into .cache/ (git add -f) is refused."""
    import subprocess
    root = make_project(tmp_path)
    (root / ".cache" / "jinja").mkdir(parents=True)
    (root / ".cache" / "jinja" / "__jinja2_x.cache").write_bytes(b"code")
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    assert problems_of(root) == []  # ignored and not committed: nothing to say
    subprocess.run([*git, "add", "-f", ".cache/jinja/__jinja2_x.cache"], check=True)
    assert triples(problems_of(root)) == [("cache-depose", ".cache/jinja/__jinja2_x.cache", 1)]


def test_a_symbolic_link_is_refused(tmp_path):
    """A link under docs/ or data/ would publish the file it points to (a host file, a secret)."""
    root = make_project(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe\n", encoding="utf-8")
    (root / "docs" / "images").mkdir(exist_ok=True)
    (root / "docs" / "images" / "photo.png").symlink_to(secret)
    (root / "docs" / "fiches" / "ailleurs").symlink_to(tmp_path, target_is_directory=True)
    (root / "data" / "lien.yml").symlink_to(secret)
    found = [p for p in problems_of(root) if p.code == "lien-symbolique"]
    assert sorted(p.path for p in found) == ["data/lien.yml", "docs/fiches/ailleurs", "docs/images/photo.png"]
    assert all(p.severity == ERROR and "lien symbolique" in p.message for p in found)
    # Named on the command line too, without reading what it points to.
    named = problems_of(root, [root / "docs" / "images" / "photo.png"])
    assert [(p.code, p.path) for p in named] == [("lien-symbolique", "docs/images/photo.png")]

