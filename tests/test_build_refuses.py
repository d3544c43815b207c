"""Every path to a reader obeys the content check: `make build`, `mkdocs build` and `mkdocs serve`
refuse, in French, what `scripts/lint.py` refuses (soignants/pipeline/build_errors.py runs its
engine; soignants/pipeline/serving.py shows it in the browser).

The site here is a copy of the project in a git repository of its own, whose committee (on
`main`) holds two fictitious members. A proposal branch then marks three fiches « relue »: by
someone who is not a member, by the fiche's own author (written without the title), and by a
member the same proposal adds to data/comite.yml. Each path must refuse all three, with the very
lines of the content check, and never show a traceback.
"""

from datetime import date
import os
from pathlib import Path
import re
import shutil
import signal
import subprocess
import sys
import time
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from browser_support import free_port  # noqa: E402
from soignants.lint import Project, run  # noqa: E402

COMMITTEE = """\
membres:
  - nom: "Dr Alice Fictive"
    role: "présidente"
    specialite: "médecine générale"
    forge: "alice-fictive"
    depuis: 2026-01-01
  - nom: "Dr Clara Fictive"
    role: "membre"
    specialite: "psychiatrie"
    forge: "clara-fictive"
    depuis: 2026-01-01
mainteneurs: []
"""
NEW_MEMBER = """\
  - nom: "Dr Nouveau Fictif"
    role: "membre"
    specialite: "médecine du travail"
    forge: "nouveau-fictif"
    depuis: 2026-01-01
"""
# fiche -> (its reviewers, its authors or None to keep them), and the code the check gives
FAULTS = {
    "docs/fiches/soignant/addictions.md": ('["Dr Personne Inconnue"]', None, "relecteur-inconnu"),
    "docs/fiches/soignant/confrere-va-mal.md": ('["alice fictive"]', '["Dr Alice Fictive"]', "relecteur-auteur"),
    "docs/fiches/soignant/curriculum-cache.md": ('["Dr Nouveau Fictif"]', None, "relecteur-nouveau-membre"),
}
CODES = sorted(code for _, _, code in FAULTS.values())


def _env(**extra):
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)


def _git(root: Path, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def proposal(tmp_path_factory) -> Path:
    """A copy of the project on a proposal branch, its committee on `main`, nothing broken yet."""
    site = tmp_path_factory.mktemp("depot") / "site"
    site.mkdir()
    for name in ("docs", "data", "overrides", "soignants", "scripts"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile"):
        shutil.copyfile(ROOT / name, site / name)
    (site / "data" / "comite.yml").write_text(COMMITTEE, encoding="utf-8")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "base")
    _git(site, "checkout", "-qb", "proposition")
    return site


def _mark_reviewed(path: Path, reviewers: str, authors: str | None) -> None:
    text = path.read_text(encoding="utf-8")
    written = re.search(r"^redige_le: (\S+)$", text, re.MULTILINE).group(1)
    text = text.replace("statut: brouillon\n", f"statut: relu\nrelecteurs: {reviewers}\n", 1)
    text = text.replace(f"redige_le: {written}\n", f"redige_le: {written}\nrelu_le: {written}\n", 1)
    if authors:
        text = re.sub(r"^auteurs: .*$", f"auteurs: {authors}", text, count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def break_the_review(site: Path) -> None:
    for relative, (reviewers, authors, _) in FAULTS.items():
        _mark_reviewed(site / relative, reviewers, authors)
    comite = site / "data" / "comite.yml"
    comite.write_text(comite.read_text(encoding="utf-8").replace("mainteneurs: []\n", NEW_MEMBER + "mainteneurs: []\n"),
                      encoding="utf-8")


def restore(site: Path) -> None:
    _git(site, "checkout", "-q", "--", ".")


def expected_lines(site: Path) -> list[str]:
    """What scripts/lint.py says about this copy: the lines every path must print."""
    problems = [p for p in run(Project.at(site, date.today())).problems if p.is_error]
    assert sorted(p.code for p in problems) == CODES, [p.format() for p in problems]
    return [p.format() for p in problems]


def assert_refused_in_french(result, lines: list[str]) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert "La construction du site s'arrête" in output
    for line in lines:
        assert line in output, output


@pytest.fixture
def broken(proposal):
    break_the_review(proposal)
    yield proposal
    restore(proposal)


def test_mkdocs_build_refuses_the_three_fake_reviews(broken, tmp_path):
    lines = expected_lines(broken)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=broken, capture_output=True, text=True, timeout=600, env=_env())
    assert_refused_in_french(result, lines)
    assert not (tmp_path / "out").exists()  # stopped before anything was written


def test_the_check_beside_the_build_says_what_the_check_in_line_says(broken):
    """`mkdocs build` runs the content check in a second process (build_errors.BackgroundCheck):
    the same errors, the same message, as when it runs in line (`mkdocs serve`, the pre-render);
    and the same warnings once they are fixed."""
    from soignants.pipeline.build_errors import BackgroundCheck, ContentError, check_content
    with pytest.raises(ContentError) as in_line:
        check_content(broken / "docs", broken)
    with pytest.raises(ContentError) as beside:
        BackgroundCheck(broken / "docs", broken).result()
    assert beside.value.problems == in_line.value.problems and len(in_line.value.problems) >= len(CODES)
    assert str(beside.value) == str(in_line.value)
    restore(broken)
    assert BackgroundCheck(broken / "docs", broken).result() == check_content(broken / "docs", broken)


def test_make_build_refuses_the_three_fake_reviews(broken):
    lines = expected_lines(broken)
    venv = ROOT / ".venv"
    result = subprocess.run(["make", "--no-print-directory", "-f", str(broken / "Makefile"), f"VENV={venv}",
                             "-o", f"{venv}/.site", "build"],
                            cwd=broken, capture_output=True, text=True, timeout=600, env=_env())
    assert_refused_in_french(result, lines)
    assert "end of life" not in result.stdout + result.stderr  # the theme's English notice is off
    assert not (broken / "site").exists()


def test_a_tab_in_a_data_file_stops_the_build_with_one_french_line(proposal, tmp_path):
    aide = proposal / "data" / "aide.yml"
    text = aide.read_text(encoding="utf-8")
    aide.write_text(text.replace("\n    horaires:", "\n\thoraires:", 1), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")],
                                cwd=proposal, capture_output=True, text=True, timeout=600, env=_env())
    finally:
        restore(proposal)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output and "yaml.parser" not in output
    line = next(n for n, text in enumerate(text.split("\n"), 1) if text.startswith("    horaires:"))
    assert f"data/aide.yml:{line}: fichier de données illisible : tabulation en début de ligne" in output


# --- mkdocs serve ----------------------------------------------------------------------------------

def _fetch(url: str) -> tuple[int, str] | None:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float = 300):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


def test_mkdocs_serve_shows_the_refusal_in_the_terminal_and_the_browser(proposal, tmp_path):
    """Started on a broken proposal, `mkdocs serve` shows the error page instead of dying; fixed,
    it builds; broken again, the terminal and every page say why, and the last good site stays."""
    break_the_review(proposal)
    lines = expected_lines(proposal)
    port = free_port()
    log = tmp_path / "serve.log"
    page = f"http://127.0.0.1:{port}/fiches/soignant/addictions/"
    with open(log, "w", encoding="utf-8") as sink:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=proposal, stdout=sink, stderr=subprocess.STDOUT, env=_env(PYTHONUNBUFFERED="1"),
                                  start_new_session=True)
    try:
        def output() -> str:
            return log.read_text(encoding="utf-8")

        # 1. The first build is refused: the terminal has the lines, the browser the error page.
        first = _wait_for(lambda: (r := _fetch(page)) and r[0] == 503 and r)
        assert first, output()
        status, body = first
        for code in CODES:
            assert f"({code})" in body
        assert "Le site ne peut pas être construit" in body and 'lang="fr"' in body
        assert "docs/fiches/soignant/addictions.md, ligne" in body
        # The page can answer before the log reaches the file: wait for the lines, do not race.
        assert _wait_for(lambda: all(line in output() for line in lines), 60), output()
        # 2. Fixed: the site is built and served.
        restore(proposal)
        assert _wait_for(lambda: (r := _fetch(page)) and r[0] == 200 and "Addictions" in r[1]), output()
        good = _fetch(page)[1]
        assert '<script src="/.soignants/rechargement.js"' in good  # live reload under the CSP
        reload_script = _fetch(f"http://127.0.0.1:{port}/.soignants/rechargement.js")
        assert reload_script[0] == 200 and "/livereload/" in reload_script[1]
        # 3. Broken again while serving, first in data/ only (watched too): a tab in a data file is
        #    named in the terminal and the browser; then the fake reviews as well.
        before = len(output())
        aide = proposal / "data" / "aide.yml"
        aide.write_text(aide.read_text(encoding="utf-8").replace("\n    horaires:", "\n\thoraires:", 1),
                        encoding="utf-8")
        assert _wait_for(lambda: "tabulation en début de ligne" in output()[before:], 300), output()[before:]
        tab = _wait_for(lambda: (r := _fetch(page)) and r[0] == 503 and r)
        assert tab and "data/aide.yml, ligne" in tab[1] and "tabulation" in tab[1]
        # The error page, the French lines and the last good site, at every address.
        before = len(output())
        _git(proposal, "checkout", "-q", "--", "data/aide.yml")
        break_the_review(proposal)
        assert _wait_for(lambda: all(line in output()[before:] for line in lines), 300), output()[before:]
        refused = _wait_for(lambda: (r := _fetch(page)) and r[0] == 503 and r)
        assert refused and "(relecteur-nouveau-membre)" in refused[1]
        assert 'src="/.soignants/rechargement.js"' in refused[1]  # it reloads once fixed
        kept = _fetch(page + "?derniere-version")
        assert kept[0] == 200 and "Addictions" in kept[1]
        assert "brouillon, en attente de relecture" in kept[1]
        assert "Traceback" not in output()
        assert "Reloading browsers" not in output() and "Serving on" not in output()  # said in French
        assert "Site servi sur" in output()
    finally:
        restore(proposal)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


# --- what the build says once, and the generator's English noise ----------------------------------

def test_the_build_notices_say_what_readers_and_reviewers_lack(tmp_path):
    from soignants.pipeline import build_notices
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "comite.yml").write_text("membres: []\nmainteneurs: []\n", encoding="utf-8")
    notes = build_notices.notices(tmp_path, "", {"signalement": {"forge": "", "courriel": ""}})
    text = "\n".join(notes)
    assert "aucune approbation n'est exigée pour le contenu" in text
    assert "aucune approbation n'est exigée pour le code" in text
    assert "SITE_URL n'est pas défini" in text and "aucun moyen de signaler une erreur" in text
    assert "pas d'historique git" in text
    shown = build_notices.once(notes)
    assert shown.startswith("À savoir") and build_notices.once(notes) == ""  # once per process
    (tmp_path / "data" / "comite.yml").write_text(COMMITTEE.replace("mainteneurs: []", "mainteneurs:\n  - nom: Bob B\n"
                                                                    "    forge: bob-fictif"), encoding="utf-8")
    calm = build_notices.notices(tmp_path, "https://exemple.org/", {"signalement": {"courriel": "a@exemple.fr"}})
    assert not [n for n in calm if "approbation" in n or "SITE_URL" in n or "signaler" in n]


def test_the_generator_s_progress_lines_are_french_or_gone():
    import logging
    from soignants.pipeline.build_log import FrenchFilter, FrenchFormatter

    def shown(name, level, message):
        record = logging.LogRecord(name, level, __file__, 1, message, (), None)
        return FrenchFormatter().format(record) if FrenchFilter().filter(record) else None

    assert shown("mkdocs.commands.build", logging.INFO, "Cleaning site directory") is None
    assert shown("mkdocs_static_i18n", logging.INFO, "mkdocs_static_i18n: Building 'fr' documentation") is None
    assert shown("mkdocs.commands.build", logging.INFO, "Documentation built in 12.34 seconds") == \
        "Site construit en 12,34 s."
    assert shown("mkdocs.livereload", logging.INFO, "[10:11:12] Serving on http://127.0.0.1:8000/").startswith(
        "[10:11:12] Site servi sur http://127.0.0.1:8000/")
    assert shown("mkdocs.hooks.soignants", logging.INFO, "Recherche : 58 pages indexées") == \
        "Recherche : 58 pages indexées"
    assert shown("mkdocs.structure.pages", logging.WARNING, "Doc file 'x.md' contains a link") == \
        "Avertissement : Doc file 'x.md' contains a link"  # a warning is never hidden


def test_make_codeowners_rewriting_the_files_is_a_success_without_error_1(tmp_path):
    """scripts/codeowners.py exits 1 when it rewrote the files (CI runs it with --check); for the
    contributor who asked for it, that is a success: no « make: *** … Error 1 »."""
    for name in ("soignants", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "comite.yml").write_text(COMMITTEE, encoding="utf-8")
    venv = ROOT / ".venv"
    result = subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), f"VENV={venv}",
                             "-o", f"{venv}/.site", "codeowners"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, env=_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Error" not in output and "réécrit" in output, output
    assert "@alice-fictive" in (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
