"""`make edition` (soignants/tools/new_edition.py): a new regional edition builds once its French
checklist is filled in. Run in a temporary copy of the project: nothing is left in the repository.

The copy shares the project's virtual environment (a symlink); `make -o` keeps make from
reinstalling anything into it.
"""

from datetime import date
from pathlib import Path
import os
import re
import shutil
import subprocess

import pytest
import yaml

from soignants.checks import site_checks
from soignants.model import help_data
from soignants.tools import new_edition

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "data", "overrides", "soignants", "scripts", "editions", "requirements", "mkdocs.yml",
          "Makefile", "pyproject.toml", "constraints.txt")
LOGO = ROOT / "tests" / "fixtures" / "lint" / "projet" / "editions" / "exemple" / "logo.png"
CODE, REGION = "auvergne", "84"  # Auvergne-Rhône-Alpes, served by ASRA in data/aide.yml


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "projet"
    root.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    return root


def make(root: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.site", "-o", ".venv/.test",
                           "-o", ".venv/bin/python", *args],
                          cwd=root, capture_output=True, text=True, timeout=900,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))


def lint_lines(root: Path) -> list[str]:
    result = subprocess.run([str(root / ".venv" / "bin" / "python"), "scripts/lint.py"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith(f"editions/{CODE}")]


def fill_in(root: Path) -> None:
    """What the checklist asks, done as an URPS's editor would (a line checked today, so that the
    test does not depend on the date)."""
    aide = root / "data" / "aide.yml"
    text = aide.read_text(encoding="utf-8")
    start = text.index('- id: "asra"')
    end = text.index("verifie_le:", start)
    line_end = text.index("\n", end)
    aide.write_text(text[:end] + f'verifie_le: "{date.today().isoformat()}"' + text[line_end:], encoding="utf-8")
    shutil.copyfile(LOGO, root / "editions" / CODE / "logo.png")
    path = root / "editions" / f"{CODE}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["hebergeur"]["adresse"] = "1 rue de l'Exemple, 69000 Lyon"
    data["site_url"] = "https://soignants.example.org/"
    data["logo"] = "logo.png"
    data["signalement"]["courriel"] = "contact@example.org"
    data["lignes_regionales"] = ["asra"]
    data["brouillon"] = False
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = root / "editions" / CODE / "docs" / "region" / "index.md"
    kept = [line for line in page.read_text(encoding="utf-8").splitlines() if "compléter" not in line.lower()]
    page.write_text("\n".join(kept).replace("## Les structures de la région",
                                            "## Les structures de la région\n\n[[aide:asra]]") + "\n", encoding="utf-8")


def test_make_edition_without_its_values_says_what_to_give(project):
    result = make(project, "edition", "CODE=bretagne")
    assert result.returncode == 2
    assert 'make edition CODE=bretagne NOM="URPS Médecins libéraux de Bretagne" REGION=53' in result.stderr
    assert not (project / "editions" / "bretagne.yml").exists()


def test_a_wrong_region_or_an_existing_edition_writes_nothing(tmp_path, project):
    with pytest.raises(new_edition.EditionScaffoldError, match="la région « Bretagne » a le code 53"):
        new_edition.create_edition("bretagne", "URPS de test", "Bretagne", root=project)
    with pytest.raises(new_edition.EditionScaffoldError, match="existe déjà"):
        new_edition.create_edition("paca", "URPS de test", "93", root=project)
    assert not (project / "editions" / "bretagne.yml").exists()


@pytest.mark.lent  # builds a whole site
def test_a_new_edition_builds_once_its_checklist_is_filled_in(project):
    created = make(project, "edition", f"CODE={CODE}", "NOM=URPS Médecins libéraux Auvergne-Rhône-Alpes",
                   f"REGION={REGION}")
    assert created.returncode == 0, created.stdout + created.stderr
    assert "À remplir" in created.stdout and "candidates : asra" in created.stdout
    assert (project / "editions" / f"{CODE}.yml").is_file()
    assert (project / "editions" / CODE / "docs" / "region" / "index.md").is_file()

    # Before: the content check says what is missing, in French, and the build refuses the edition.
    before = lint_lines(project)
    assert any("(edition-ligne-regionale)" in line and "asra" in line for line in before), before
    for what in ("logo", "signaler une erreur", "adresse postale", "site_url", "texte à compléter"):
        assert any(what in line and "(edition-a-completer)" in line for line in before), (what, before)
    refused = make(project, "build", f"EDITION={CODE}")
    assert refused.returncode != 0
    assert "Traceback" not in refused.stdout + refused.stderr
    assert "(edition-ligne-regionale)" in refused.stdout + refused.stderr

    fill_in(project)
    assert lint_lines(project) == []
    built = make(project, "build", f"EDITION={CODE}")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "rien à signaler" in built.stdout  # scripts/check_built_site.py, with the edition's strip
    site = project / f"site-{CODE}"
    asra = help_data.tel_uri(help_data.by_id()["asra"]["telephone"])
    for page in sorted(site.rglob("*.html")):
        strip = site_checks.parse(page.read_text(encoding="utf-8")).find(class_="ss-bandeau")
        assert asra in {a["href"] for a in strip.find_all("a", href=True)}, page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Édition en préparation" not in home and "Édition Auvergne-Rhône-Alpes" in home
    assert re.search(r'<img src="images/edition/logo\.png"', home)
    assert (site / "region" / "index.html").is_file()
    assert "https://soignants.example.org/region/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    for name in ("_headers", ".htaccess", "_entetes-http/nginx.conf"):
        assert (site / name).is_file()
