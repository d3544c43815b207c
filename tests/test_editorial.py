"""The editorial workflow: the committee and CODEOWNERS, the « Signaler une erreur » link, what
changed (historique, « Quoi de neuf », the Atom feed), the dashboard, staleness warnings only for
changed files, and content errors stopping `mkdocs build` and `mkdocs serve` in French.

Committee members here are fictitious (data/comite.yml has none yet)."""

import csv
from datetime import date
import re
import io
import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from soignants.model import committee  # noqa: E402
from soignants.render import editorial, feedback, generated, news  # noqa: E402
from soignants.tools import dashboard, relaunch  # noqa: E402
from soignants.lint import Project, run  # noqa: E402
from soignants.render.pages import fiche_footer, render_page_markdown  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
TODAY = date(2026, 11, 23)
ALICE = committee.Member("Dr Alice Fictive", "présidente", "médecine générale", "2026-01-01", forge="alice-fictive")
BRUNO = committee.Member("Dr Bruno Fictif", "membre", "psychiatrie", "2024-01-01", "2025-12-31", forge="bruno-fictif")
CLARA = committee.Member("Dr Clara Fictive", "relectrice juridique", "droit de la santé", "2026-02-01")


# --- the committee and CODEOWNERS ------------------------------------------------------------

def test_codeowners_lists_the_sitting_members_with_a_forge_handle():
    github = committee.codeowners([BRUNO, CLARA, ALICE], TODAY, "github")
    assert "/docs/ @alice-fictive\n" in github and "/data/ @alice-fictive\n" in github
    assert "bruno" not in github  # his term ended
    assert "[Comité éditorial]" not in github
    gitlab = committee.codeowners([ALICE], TODAY, "gitlab")
    assert "[Comité éditorial]\n/docs/ @alice-fictive" in gitlab
    empty = committee.codeowners([], TODAY, "github")
    assert "aucune approbation n'est exigée pour le contenu" in empty
    assert not [line for line in empty.splitlines() if line and not line.startswith("#")]


def test_the_codeowners_files_are_in_sync_with_data_comite_yml():
    members = committee.load_members(ROOT / "data" / "comite.yml")
    maintainers = committee.load_maintainers(ROOT / "data" / "comite.yml")
    for forge, relative in committee.CODEOWNERS_FILES.items():
        wanted = committee.codeowners(members, date.today(), forge, maintainers)
        assert (ROOT / relative).read_text(encoding="utf-8") == wanted, (
            f"{relative} n'est pas à jour : lancez python scripts/codeowners.py")


def test_data_comite_yml_invents_no_one():
    assert committee.load_members(ROOT / "data" / "comite.yml") == []


def test_codeowners_script_fixes_and_fails_then_passes(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copyfile(FIXTURES / "projet" / "data" / "comite.yml", tmp_path / "data" / "comite.yml")
    script = [sys.executable, str(ROOT / "scripts" / "codeowners.py"), "--racine", str(tmp_path)]
    check = subprocess.run(script + ["--check"], capture_output=True, text=True, timeout=60)
    assert check.returncode == 1 and "pas à jour" in check.stderr and not (tmp_path / ".github").exists()
    fixed = subprocess.run(script, capture_output=True, text=True, timeout=60)
    assert fixed.returncode == 1 and ".github/CODEOWNERS" in fixed.stdout and ".gitlab/CODEOWNERS" in fixed.stdout
    assert "@relectrice-fictive" in (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    again = subprocess.run(script + ["--check"], capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "à jour" in again.stdout


# --- the report link -------------------------------------------------------------------------

def test_report_link_to_github_prefills_the_issue_form():
    settings = feedback.settings_from({"signalement": {"forge": "https://github.com/urps/site/"}})
    url = feedback.forge_url(settings, "Plainte : que faire ?", "https://exemple.org/urps/fiches/soignant/plainte/")
    parts = urlsplit(url)
    assert parts.netloc == "github.com" and parts.path == "/urps/site/issues/new"
    query = parse_qs(parts.query)
    assert query == {"template": ["signaler-une-erreur.yml"], "title": ["[Erreur] Plainte : que faire ?"],
                     "page": ["https://exemple.org/urps/fiches/soignant/plainte/"]}
    issue_form = (ROOT / ".github" / "ISSUE_TEMPLATE" / "signaler-une-erreur.yml").read_text(encoding="utf-8")
    assert "id: page" in issue_form


def test_report_link_to_gitlab_and_by_mail(monkeypatch):
    monkeypatch.setenv("CI_SERVER_HOST", "gitlab.exemple.fr")  # a self-hosted GitLab: its runner says its host
    settings = feedback.settings_from({"signalement": {"forge": "https://gitlab.exemple.fr/urps/site",
                                                       "courriel": "comite@exemple.fr"}})
    url = feedback.forge_url(settings, "Addictions", "https://exemple.org/fiches/soignant/addictions/")
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/urps/site/-/issues/new"
    assert query["issue[title]"] == ["[Erreur] Addictions"]
    assert "https://exemple.org/fiches/soignant/addictions/" in query["issue[description]"][0]
    mail = feedback.mail_url(settings, "Addictions", "https://exemple.org/fiches/soignant/addictions/")
    assert mail.startswith("mailto:comite@exemple.fr?") and " " not in mail
    footer = fiche_footer({"statut": "brouillon", "auteurs": ["Équipe du site"], "redige_le": "2026-11-23"},
                          report=feedback.page_links({"signalement": {"forge": "https://gitlab.exemple.fr/urps/site",
                                                                      "courriel": "comite@exemple.fr"}},
                                                     "Addictions", "https://exemple.org/x/",
                                                     source="docs/fiches/soignant/addictions.md"))
    footer = generated.unmark(footer)
    assert footer.count('class="ss-signaler"') == 3 and "&amp;" in footer and "par courriel" in footer
    assert "https://gitlab.exemple.fr/urps/site/-/edit/main/docs/fiches/soignant/addictions.md" in footer
    # The message by mail is not public: the mail says so, the forge's issue says it is.
    body = parse_qs(urlsplit(mail).query)["body"][0]
    assert "public" not in body.replace("pas sur une page publique", "") and "pas sur une page publique" in body
    assert "public sur la forge" in query["issue[description]"][0]


def test_without_a_forge_the_mail_is_the_way_to_report():
    links = feedback.page_links({"signalement": {"courriel": "comite@exemple.fr"}}, "Addictions",
                                "docs/fiches/soignant/addictions.md", source="docs/fiches/soignant/addictions.md")
    assert links["forge"] is None and links["edition"] is None and links["courriel"].startswith("mailto:")
    block = generated.unmark(fiche_footer({"statut": "brouillon"}, report=links))
    assert block.count('class="ss-signaler"') == 1 and ">Signaler une erreur</a>" in block
    page = generated.unmark(render_page_markdown("# Accueil\n\nTexte.\n", {"title": "Accueil"}, "index.md", report=links))
    assert 'class="ss-signalement' in page and "mailto:comite@exemple.fr" in page


@pytest.mark.parametrize("block", [{}, {"signalement": {"forge": "", "courriel": ""}}, {"signalement": None}])
def test_no_setting_no_link(block):
    assert feedback.page_links(block, "Titre", "https://exemple.org/") is None
    assert "ss-signaler" not in fiche_footer({"statut": "brouillon"}, report=None)


@pytest.mark.parametrize("block", [{"forge": "http://github.com/a/b"}, {"forge": "https://github.com"},
                                   {"forge": "https://github.com/a/b\"onclick=x"}, {"courriel": "pas une adresse"}])
def test_a_wrong_setting_is_refused_in_french(block):
    with pytest.raises(feedback.SettingError, match="mkdocs.yml"):
        feedback.settings_from({"signalement": block})


# --- what changed ----------------------------------------------------------------------------

def _project(tmp_path) -> Path:
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "projet", root)
    return root


def _fiche(root: Path, name: str, **changes) -> Path:
    text = (root / "docs/fiches/cabinet/autre.md").read_text(encoding="utf-8")
    for old, new in changes.items():
        text = text.replace(old.replace("_", " "), new)
    path = root / "docs/fiches/cabinet" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_news_lists_history_reviews_and_new_pages_newest_first(tmp_path):
    root = _project(tmp_path)
    text = (root / "docs/fiches/cabinet/autre.md").read_text(encoding="utf-8")
    text = text.replace("sources: [Martin2021]", "sources: [Martin2021]\nhistorique:\n  - date: 2026-09-01\n"
                                                  "    texte: \"Numéro de la plateforme corrigé\"")
    (root / "docs/fiches/cabinet/autre.md").write_text(text, encoding="utf-8")
    found = news.events(root / "docs")
    assert [(e.day, e.kind) for e in found if e.src_uri == "fiches/cabinet/autre.md"] == [
        ("2026-09-01", "modifie"), ("2026-06-01", "relu"), ("2026-06-01", "nouveau")]
    assert [e.day for e in found] == sorted((e.day for e in found), reverse=True)
    footer = fiche_footer({"statut": "relu", "relecteurs": ["Dr Relectrice"], "auteurs": ["Équipe de test"],
                           "redige_le": "2026-06-01", "relu_le": "2026-06-01", "prochaine_relecture": "2027-06-01",
                           "historique": [{"date": "2026-09-01", "texte": "Numéro <b>corrigé</b>"}]})
    assert "Dernière relecture** : 1 juin 2026" in footer and "Relue par** : Dr Relectrice" in footer
    assert "mise à jour le 1 septembre 2026" in footer and "Numéro &#60;b&#62;corrigé" in footer


def _git(root: Path, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True, timeout=60)


@pytest.fixture
def repository(tmp_path):
    root = _project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    _git(root, "checkout", "-qb", "proposition")
    return root


def lint(root: Path, **options):
    return [(p.code, p.path, p.line) for p in run(Project.at(root, today=TODAY, **options)).problems]


def test_a_reviewed_fiche_whose_text_changed_needs_a_history_entry(repository):
    fiche = repository / "docs/fiches/cabinet/autre.md"
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(text.replace("Le cabinet est une entreprise.", "Le cabinet est une petite entreprise."),
                     encoding="utf-8")
    assert lint(repository) == [("historique-manquant", "docs/fiches/cabinet/autre.md", 21)]
    fixed = fiche.read_text(encoding="utf-8").replace(
        "sources: [Martin2021]", "sources: [Martin2021]\nhistorique:\n  - date: 2026-11-20\n    texte: \"Précision\"")
    fiche.write_text(fixed, encoding="utf-8")
    assert lint(repository) == []
    # A change of the front matter only (a keyword) needs no entry.
    _git(repository, "checkout", "-q", "--", ".")
    fiche.write_text(text.replace("mots_cles: [installation]", "mots_cles: [installation, cabinet]"),
                     encoding="utf-8")
    assert lint(repository) == []


def test_without_git_the_history_rule_is_skipped_cleanly(tmp_path):
    root = _project(tmp_path)
    fiche = root / "docs/fiches/cabinet/autre.md"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("une entreprise", "une petite entreprise"),
                     encoding="utf-8")
    assert lint(root) == []


def test_stale_contacts_are_reported_only_when_the_proposal_touches_the_data(repository):
    aide = repository / "data/aide.yml"
    stale = aide.read_text(encoding="utf-8").replace("verifie_le: \"2026-01-15\"", "verifie_le: \"2024-01-15\"", 1)
    assert stale != aide.read_text(encoding="utf-8")
    aide.write_text(stale, encoding="utf-8")
    _git(repository, "commit", "-qam", "an old check, already on main")
    _git(repository, "branch", "-qf", "main")
    fiche = repository / "docs/fiches/soignant/modele.md"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("fatigue]", "fatigue, lassitude]"), encoding="utf-8")
    assert lint(repository) == []  # a proposal that does not touch data/aide.yml
    assert [c for c, _, _ in lint(repository, tout=True)] == ["contact-perime"]  # the weekly job
    aide.write_text(stale.replace("Ligne d'écoute de test", "Ligne d'écoute de test (nouveau nom)"), encoding="utf-8")
    assert [c for c, _, _ in lint(repository)] == ["contact-perime"]


# --- the dashboard ---------------------------------------------------------------------------

def test_dashboard_rows_most_urgent_first(tmp_path):
    root = _project(tmp_path)
    docs = root / "docs"
    late = (docs / "fiches/soignant/modele.md").read_text(encoding="utf-8").replace(
        "prochaine_relecture: 2027-06-01", "prochaine_relecture: 2026-10-01").replace(
        'title: "Une fiche modèle"', 'title: "Une fiche en retard"')
    (docs / "fiches/soignant/en-retard.md").write_text(late.replace("# Une fiche modèle", "# Une fiche en retard"),
                                                       encoding="utf-8")
    rows = editorial.rows(TODAY, docs)
    assert [(r.title, r.overdue, r.status) for r in rows] == [
        ("Une fiche en retard", True, "brouillon"),
        ("Une fiche modèle", False, "brouillon"),
        ("Une autre fiche", False, "relu"),
        ("Un récit de test", False, "brouillon"),
    ]
    late_row, _, reviewed, testimony = rows
    assert late_row.days_left == -53 and late_row.sources == 2 and late_row.authors == ("Équipe de test",)
    assert reviewed.reviewers == ("Dr Relectrice",) and reviewed.last_review == "2026-06-01"
    assert testimony.kind == "témoignage" and testimony.next_review is None


def test_dashboard_cli_table_and_csv():
    table = subprocess.run([sys.executable, str(ROOT / "scripts" / "etat.py"), "--date", "2030-01-01"],
                           capture_output=True, text=True, timeout=60)
    assert table.returncode == 0 and "en retard" in table.stdout and "Contacts d'aide à revérifier" in table.stdout
    csv_run = subprocess.run([sys.executable, str(ROOT / "scripts" / "etat.py"), "--csv"],
                             capture_output=True, text=True, timeout=60)
    lines = csv_run.stdout.splitlines()
    assert lines[0].startswith("type;titre;fichier;statut;auteurs")
    assert sum(line.startswith(("fiche;", "témoignage;")) for line in lines) == len(editorial.rows(date.today()))


# --- content errors stop the build, in French ------------------------------------------------

def _site_copy(tmp_path) -> Path:
    site = tmp_path / "site-src"
    site.mkdir()
    for name in ("docs", "data", "overrides", "soignants"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    return site


def _break_front_matter(site: Path) -> Path:
    fiche = site / "docs/fiches/soignant/addictions.md"
    lines = fiche.read_text(encoding="utf-8").split("\n")
    lines[2] = "description: Addictions : alcool et médicaments, repérer et se faire aider sans attendre."
    fiche.write_text("\n".join(lines), encoding="utf-8")
    return fiche


def _env(**extra):
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)


def test_a_front_matter_error_stops_the_build_with_the_content_check_line(tmp_path):
    site = _site_copy(tmp_path)
    _break_front_matter(site)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=site, capture_output=True, text=True, timeout=600, env=_env())
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    expected = run(Project(root=site, docs_dir=site / "docs", aide_file=site / "data/aide.yml",
                           bib_file=site / "data/bibliographie.yml", comite_file=site / "data/comite.yml",
                           questionnaires_dir=site / "data/questionnaires"),
                   [site / "docs/fiches/soignant/addictions.md"]).problems
    assert [p.code for p in expected] == ["yaml-invalide"] and expected[0].line == 3
    assert expected[0].format() in result.stderr  # the very line scripts/lint.py prints


@pytest.mark.lent  # builds a whole site
def test_with_the_setting_fiches_and_testimonies_link_to_the_forge(tmp_path):
    site = _site_copy(tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=site,
                            capture_output=True, text=True, timeout=600,
                            env=_env(SIGNALEMENT_FORGE="https://github.com/urps/soigner-les-soignants",
                                     SIGNALEMENT_COURRIEL="comite@exemple.fr",
                                     SITE_URL="https://exemple.org/urps/"))
    assert result.returncode == 0, result.stderr
    from soignants.checks import site_checks
    for location in ("fiches/soignant/addictions/", "temoignages/ne-pas-savoir-dire-non/"):
        soup = site_checks.parse((out / location / "index.html").read_text(encoding="utf-8"))
        links = soup.find_all("a", class_="ss-signaler")
        assert [a.get_text() for a in links] == ["Signaler une erreur", "Proposer une correction", "par courriel"]
        query = parse_qs(urlsplit(links[0]["href"]).query)
        assert query["page"] == [f"https://exemple.org/urps/{location}"]
        assert query["title"][0].startswith("[Erreur] ") and links[2]["href"].startswith("mailto:comite@exemple.fr?")
        source = location.rstrip("/") + ".md"
        assert links[1]["href"] == f"https://github.com/urps/soigner-les-soignants/edit/main/docs/{source}"
    # Every other page has the same links at its foot; no page loads anything from the forge.
    home = site_checks.parse((out / "index.html").read_text(encoding="utf-8"))
    assert [a.get_text() for a in home.find_all("a", class_="ss-signaler")] == [
        "Signaler une erreur", "Proposer une correction", "par courriel"]
    assert home.find("a", string="Proposer une correction")["href"].endswith("/edit/main/docs/index.md")
    english = site_checks.parse((out / "en" / "index.html").read_text(encoding="utf-8"))
    assert english.find("a", string="Suggest a correction")["href"].endswith("/edit/main/docs/index.en.md")
    for page in out.rglob("*.html"):
        soup = site_checks.parse(page.read_text(encoding="utf-8"))
        for tag in soup.find_all(["script", "img", "link", "iframe"]):
            assert "github.com" not in (tag.get("src") or "") + (tag.get("href") or ""), page


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(predicate, seconds: float = 120):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.lent  # builds a whole site
def test_serve_keeps_the_last_good_site_and_shows_the_error(tmp_path):
    site = _site_copy(tmp_path)
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as sink:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=site, stdout=sink, stderr=subprocess.STDOUT,
                                  env=_env(PYTHONUNBUFFERED="1"))
    try:
        page = f"http://127.0.0.1:{port}/fiches/soignant/addictions/"

        def served() -> str | None:
            try:
                with urlopen(page, timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                return None

        assert _wait_for(lambda: served() is not None), log.read_text(encoding="utf-8")
        fiche = _break_front_matter(site)
        assert _wait_for(lambda: "yaml-invalide" in log.read_text(encoding="utf-8")), log.read_text(encoding="utf-8")
        output = log.read_text(encoding="utf-8")
        assert "docs/fiches/soignant/addictions.md:3: en-tête illisible" in output
        assert "Traceback" not in output
        # The page shows the error (soignants/pipeline/serving.py); the last good one is kept.
        with urlopen(page + "?derniere-version", timeout=5) as response:
            assert "Addictions" in response.read().decode("utf-8")
        fiche.write_text(fiche.read_text(encoding="utf-8").replace(
            "description: Addictions : alcool", 'description: "Addictions : alcool').replace(
            "sans attendre.", 'sans attendre."'), encoding="utf-8")
        assert _wait_for(lambda: "Site construit" in log.read_text(encoding="utf-8").rsplit("yaml-invalide", 1)[-1])
        assert "Addictions" in (served() or "")
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- scripts run without an activated virtualenv ---------------------------------------------

def test_a_script_restarts_itself_with_the_project_venv(monkeypatch):
    class Started(Exception):
        pass

    def fake_execv(exe, args):  # the real one never returns: this process becomes the new one
        raise Started(exe, args)

    monkeypatch.delenv("SOIGNANTS_RELANCE", raising=False)
    monkeypatch.setattr(relaunch, "_venv_python", lambda: Path("/projet/.venv/bin/python"))
    monkeypatch.setattr(relaunch.os, "execv", fake_execv)
    monkeypatch.setattr(relaunch.sys, "argv", ["scripts/lint.py", "--strict"])
    with pytest.raises(Started) as started:
        relaunch.ensure_dependencies(("module_absent_pour_le_test",))
    assert started.value.args == ("/projet/.venv/bin/python",
                                  ["/projet/.venv/bin/python", "scripts/lint.py", "--strict"])


def test_without_a_venv_the_script_says_how_to_make_one(monkeypatch, capsys):
    monkeypatch.setattr(relaunch, "_venv_python", lambda: None)
    with pytest.raises(SystemExit) as stop:
        relaunch.ensure_dependencies(("module_absent_pour_le_test",))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "make .venv/.site" in err and "module_absent_pour_le_test" in err


def test_the_lint_script_works_from_the_python_outside_the_venv():
    base = Path(getattr(sys, "_base_executable", sys.executable))
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "SOIGNANTS_RELANCE")}
    result = subprocess.run([str(base), str(ROOT / "scripts" / "lint.py"), "docs/fiches/soignant/addictions.md"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "aucun problème dans 1 fichier" in result.stdout and "Traceback" not in result.stderr


def test_the_dashboard_marks_overdue_pages_and_its_spreadsheet_cannot_run_a_formula():
    record = {"type": "fiche", "titre": "=HYPERLINK(\"http://x\")", "fichier": "docs/fiches/cabinet/x.md",
              "statut": "brouillon", "auteurs": "Dr A", "relecteurs": "", "derniere_relecture": "",
              "prochaine_relecture": "2026-01-01", "en_retard": "oui", "echeance": "en retard de 330 jours",
              "sources": 2, "etat": "brouillon depuis 400 jours"}
    contact = {"etat": "à revérifier", "id": "x", "nom": "X", "verifie_le": "2024-01", "mois": 34, "source": "s"}
    text = dashboard.table([record], [contact], 120)
    assert "\n! brouillon depuis 400 jours" in text and "1 pages : 1 en brouillon, 1 en retard de relecture" in text
    assert "à revérifier" in text.split("Contacts d'aide à revérifier")[1]
    out = io.StringIO()
    dashboard.write_csv([record], [contact], out)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert [row[0] for row in rows] == ["type", "fiche", "contact"]
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")"


def test_the_dashboard_says_what_to_do_this_week(tmp_path):
    root = _project(tmp_path)
    docs = root / "docs"
    late = (docs / "fiches/soignant/modele.md").read_text(encoding="utf-8").replace(
        "prochaine_relecture: 2027-06-01", "prochaine_relecture: 2026-11-20").replace(
        'title: "Une fiche modèle"', 'title: "Une fiche en retard"').replace("# Une fiche modèle", "# Une fiche en retard")
    (docs / "fiches/soignant/en-retard.md").write_text(late, encoding="utf-8")
    soon = late.replace("2026-11-20", "2026-11-27").replace("en retard", "bientôt")
    (docs / "fiches/soignant/bientot.md").write_text(soon, encoding="utf-8")
    week = editorial.this_week(TODAY, docs)
    assert [r.title for r in week.overdue] == ["Une fiche en retard"]
    assert [r.title for r in week.due] == ["Une fiche bientôt"]
    assert week.drafts[0].draft_days == 175 and editorial.status_text(week.drafts[0]) == "brouillon depuis 175 jours"
    text = dashboard.week_text(week, TODAY, "https://github.com/urps/site")
    assert "Une fiche en retard (en retard de 3 jours)" in text and "Une fiche bientôt (dans 4 jours)" in text
    assert "https://github.com/urps/site/pulls" in text and "hors ligne" in text
    records = editorial.as_records(TODAY, docs)
    assert not [r for r in records if re.search(r"\d j\b", r["echeance"])]  # « dans 352 j » is gone
    assert {r["etat"] for r in records if r["statut"] == "brouillon"} == {"brouillon depuis 175 jours"}
    assert [r["echeance"] for r in records if r["titre"] == "Une autre fiche"] == ["le 1 juin 2027"]


def test_the_suivi_page_has_this_week_and_a_table_whose_cells_say_what_they_are():
    page = generated.unmark(editorial.dashboard_markdown("a-propos/suivi-editorial.md", lambda a, b: b, date(2027, 1, 15)))
    assert page.index("## Cette semaine") < page.index("## Toutes les pages")
    assert "Propositions en attente" in page and '<div class="ss-suivi" markdown>' in page
    header = next(line for line in page.splitlines() if line.startswith("| Page |"))
    assert header.count("|") - 1 == 5  # five columns: it fits a 1280-pixel screen
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert rows and all("brouillon depuis" in r or "relue le" in r for r in rows)
    assert all(" par " in r or "| par " in r for r in rows) and all(" source" in r for r in rows)
