"""scripts/new_fiche.py: a new fiche is well formed from the start, in the right place, never
overwrites, refuses a wrong title or part with a French message (no traceback), and is refused
by the content check until every « À compléter » is replaced and a source is cited."""

from datetime import date
from pathlib import Path
import importlib.util
import re
import subprocess
import sys

import pytest

from soignants.model import schemas
from soignants.model.frontmatter import read_page
from soignants.tools.scaffold import LEFT_TO_FILL, ScaffoldError, create_fiche, one_year_later, slugify

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "new_fiche.py"
SECTIONS = ["L'essentiel", "Repérer / comprendre", "Que faire, pas à pas", "Vers qui se tourner",
            "Pour aller plus loin"]


@pytest.fixture
def docs(tmp_path) -> Path:
    for part in ("cabinet", "soignant"):
        (tmp_path / "docs" / "fiches" / part).mkdir(parents=True)
    return tmp_path / "docs"


def schema_errors(meta) -> list:
    """Schema errors other than what the editor is expected to fill in (the sources)."""
    return [e for e in schemas.errors(schemas.FICHE, meta) if tuple(e.absolute_path) not in LEFT_TO_FILL]


def run(*args, cwd=ROOT):
    """The command in a separate process, as an editor runs it."""
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def load_script():
    spec = importlib.util.spec_from_file_location("new_fiche_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def call(capsys):
    """The command in this process (faster): (exit code, stdout, stderr)."""
    script = load_script()

    def invoke(*args):
        try:
            code = script.main(list(args))
        except SystemExit as stop:  # argparse stops on a wrong command line
            code = stop.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


def test_the_created_fiche_validates_and_has_the_five_sections_in_order(docs):
    result = run("Le contrôle de la caisse : « que faire ? »", "--partie", "cabinet", "--docs-dir", str(docs),
                 "--auteur", "Dr Anne Exemple", "--auteur", "Équipe du site")
    assert result.returncode == 0, result.stderr
    path = docs / "fiches" / "cabinet" / "le-controle-de-la-caisse-que-faire.md"
    assert path.is_file()
    assert str(path.name) in result.stdout and "Fiche créée" in result.stdout
    assert "make lint FICHIER=" in result.stdout and "make serve" in result.stdout

    page = read_page(path)
    assert schema_errors(page.meta) == []
    assert page.meta["sources"] == []  # the model cites nothing real
    assert page.meta["title"] == "Le contrôle de la caisse : « que faire ? »"
    assert page.meta["partie"] == "cabinet" and page.meta["statut"] == "brouillon"
    assert page.meta["auteurs"] == ["Dr Anne Exemple", "Équipe du site"]
    today = date.today()
    assert page.meta["redige_le"] == today.isoformat() and "relu_le" not in page.meta
    assert page.meta["prochaine_relecture"] == one_year_later(today).isoformat()

    headings = re.findall(r"^(#{1,2}) (.+)$", page.body, re.MULTILINE)
    assert headings[0] == ("#", page.meta["title"])
    assert [text for level, text in headings if level == "##"] == SECTIONS


def test_a_title_with_quotes_and_backslashes_stays_valid_yaml(docs):
    title = 'Le "burn-out" \\ l\'après'
    created = create_fiche(title, "soignant", docs_dir=docs)
    page = read_page(created.path)
    assert page.meta["title"] == title
    assert schema_errors(page.meta) == []
    assert f"# {title}\n" in page.body


def test_it_never_overwrites_a_fiche(docs, call):
    assert call("Une fiche qui existe", "--partie", "soignant", "--docs-dir", str(docs))[0] == 0
    path = docs / "fiches" / "soignant" / "une-fiche-qui-existe.md"
    path.write_text("mon travail", encoding="utf-8")
    code, _, err = call("Une fiche qui existe", "--partie", "soignant", "--docs-dir", str(docs))
    assert code == 1
    assert "existe déjà" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == "mon travail"


@pytest.mark.parametrize("args, expected", [
    (["Titre correct", "--partie", "hopital"], "la partie « hopital » n'existe pas"),
    (["", "--partie", "cabinet"], "le titre est vide"),
    (["   ", "--partie", "cabinet"], "le titre est vide"),
    (["x" * 121, "--partie", "cabinet"], "au plus 120"),
    (["Abc", "--partie", "cabinet"], "trop court"),
    (["Titre correct", "--partie", "cabinet", "--slug", "Pas Bon"], "ne convient pas"),
    (["Titre correct", "--partie", "cabinet", "--slug", "index"], "réservé"),
    (["Titre correct"], "il manque : --partie"),
])
def test_wrong_input_is_refused_in_french(docs, call, args, expected):
    code, _, err = call(*args, "--docs-dir", str(docs))
    assert code == 2
    assert expected in err and "erreur" in err
    assert not list(docs.rglob("*.md"))


def test_a_wrong_part_shows_no_traceback_in_a_real_run(docs):
    result = run("Titre correct", "--partie", "hopital", "--docs-dir", str(docs))
    assert result.returncode == 2
    assert "la partie « hopital » n'existe pas" in result.stderr and "Traceback" not in result.stderr


def test_the_longest_title_allowed_is_accepted(docs):
    created = create_fiche("é" * 120, "cabinet", docs_dir=docs)
    assert schema_errors(read_page(created.path).meta) == []


def test_slugs():
    assert slugify("Épuisement professionnel : repérer, en parler") == "epuisement-professionnel-reperer-en-parler"
    assert slugify("L’Œuvre d'une vie") == "l-oeuvre-d-une-vie"
    assert slugify("  --Ça   va ?  ") == "ca-va"
    assert len(slugify("mot " * 60)) <= 80 and not slugify("mot " * 60).endswith("-")


def test_the_api_refuses_a_wrong_part_with_a_french_message(docs):
    with pytest.raises(ScaffoldError, match="choisissez « cabinet »"):
        create_fiche("Titre correct", "hopital", docs_dir=docs)


def test_help_is_in_french(call):
    code, out, _ = call("--help")
    assert code == 0
    assert "utilisation :" in out and "affiche cette aide" in out


def test_the_untouched_fiche_fails_the_content_check_until_filled_in(tmp_path):
    """In a copy of the project: each « À compléter » and the empty sources are refused, at their
    line; once filled in (as an editor would), the fiche passes."""
    import shutil

    from soignants import lint

    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    created = create_fiche("Une nouvelle fiche de test", "soignant", docs_dir=tmp_path / "docs",
                           authors=["Dr Anne Exemple"])
    text = created.path.read_text(encoding="utf-8")
    placeholder_lines = [n for n, line in enumerate(text.split("\n"), 1) if "compléter" in line.lower()]
    problems = lint.run(lint.Project.at(tmp_path), [str(created.path)]).problems
    assert {p.line for p in problems if p.code == "texte-a-completer"} == set(placeholder_lines)
    assert [p.code for p in problems if p.code != "texte-a-completer"] == ["champ-invalide"]  # sources: []
    assert len(placeholder_lines) >= 8

    filled = re.sub(r"\[à compléter\]", "[épuisement]", text)
    filled = re.sub(r"À compléter : [^\n\"]*", "Un texte écrit par l'auteur, avec sa source [@Wu2000].", filled)
    filled = filled.replace("sources: []", "sources: [Wu2000]")
    filled = filled.replace('description: "Un texte écrit par l\'auteur, avec sa source [@Wu2000]."',
                            'description: "Une fiche de test écrite pour vérifier le contrôle du contenu."')
    created.path.write_text(filled, encoding="utf-8")
    problems = lint.run(lint.Project.at(tmp_path), [str(created.path)]).problems
    assert [p.format() for p in problems] == []
