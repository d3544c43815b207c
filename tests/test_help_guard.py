"""Help numbers are the most guarded data: read as the reader sees them, known by their whole git
history, checked again when they change, and every change told in « Quoi de neuf » and the feed.

The broken files of tests/fixtures/lint/casses-git/ need a base to compare with: each is copied
over the valid project on a proposal branch whose `main` holds the valid project.
"""

from datetime import date
from pathlib import Path
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from soignants.lint import Project, run  # noqa: E402
from soignants.lint.codes import CODES  # noqa: E402
from soignants.lint.phone_numbers import find_numbers, known_numbers  # noqa: E402
from soignants.lint.visible_text import visible  # noqa: E402
from soignants import DOCS_DIR  # noqa: E402
from soignants.model import catalog, help_history  # noqa: E402
from soignants.render.escaping import markdown_text  # noqa: E402
from soignants.render import news  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
BROKEN = FIXTURES / "casses-git"
TODAY = date(2026, 11, 23)

# (broken file, where it goes, expected code, expected line)
CASES = [
    ("aide-numero-change.yml", "data/aide.yml", "contact-modifie-sans-source", 8),
    ("aide-horaires-change.yml", "data/aide.yml", "contact-modifie-sans-source", 24),
]


def _git(root: Path, *args, date_of_commit: str | None = None):
    env = {"GIT_COMMITTER_DATE": f"{date_of_commit}T12:00:00", "GIT_AUTHOR_DATE": f"{date_of_commit}T12:00:00"} \
        if date_of_commit else {}
    import os
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True, timeout=60, env={**os.environ, **env})


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "projet", root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base", date_of_commit="2026-06-01")
    _git(root, "checkout", "-qb", "proposition")
    return root


def lint(root: Path):
    return [(p.code, p.path, p.line) for p in run(Project.at(root, today=TODAY)).problems]


@pytest.mark.parametrize("name,dest,code,line", CASES, ids=[c[0] for c in CASES])
def test_broken_file_against_the_base(repository, name, dest, code, line):
    shutil.copyfile(BROKEN / name, repository / dest)
    found = run(Project.at(repository, today=TODAY)).problems
    assert [(p.code, p.path, p.line) for p in found] == [(code, dest, line)], "\n".join(p.format() for p in found)
    assert found[0].severity == CODES[code][0]
    assert "verifie_le" in found[0].message and "source" in found[0].message and "→" in found[0].message


def test_every_broken_file_against_the_base_is_used():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(c[0] for c in CASES)


def test_a_changed_number_with_a_new_date_and_source_passes(repository):
    aide = repository / "data/aide.yml"
    text = aide.read_text(encoding="utf-8")
    aide.write_text(text.replace('telephone: "0 800 00 00 00"', 'telephone: "0 800 00 00 01"')
                    .replace('verifie_le: "2026-06"', 'verifie_le: "2026-11-20"')
                    .replace('titre: "Source de test"\n    verifie_le: "2026-11-20"',
                             'titre: "Page du service, consultée le 20 novembre 2026"\n    verifie_le: "2026-11-20"'),
                    encoding="utf-8")
    assert lint(repository) == []


def test_a_number_that_data_aide_yml_held_in_the_past_is_refused(repository):
    aide = repository / "data/aide.yml"
    aide.write_text(aide.read_text(encoding="utf-8").replace('telephone: "0 800 00 00 00"', 'telephone: "0 800 11 11 11"')
                    .replace('verifie_le: "2026-06"', 'verifie_le: "2026-11-20"')
                    .replace('titre: "Source de test"\n    verifie_le: "2026-11-20"', 'titre: "Nouvelle source"\n'
                                                                                     '    verifie_le: "2026-11-20"'),
                    encoding="utf-8")
    _git(repository, "commit", "-qam", "the line changes its number", date_of_commit="2026-11-20")
    _git(repository, "branch", "-qf", "main")
    fiche = repository / "docs/fiches/soignant/modele.md"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("1. Appeler [[aide:ecoute]].",
                                                               "1. Appeler [[aide:ecoute]] (autrefois le 0800 00 00 00)."),
                     encoding="utf-8")
    problems = run(Project.at(repository, today=TODAY)).problems
    assert [(p.code, p.line) for p in problems] == [("numero-a-la-main", 27)]
    assert "ancien numéro" in problems[0].message and "[[aide:ecoute]]" in problems[0].message


# --- the text as the reader sees it ---------------------------------------------------------------

@pytest.mark.parametrize("source,seen", [
    ("0&#56;99 12", "0899 12"), ("08<b></b>99", "0899"), ("０８９９", "0899"), ("08\u202f99\u200912\u200734", "08 99 12 34"),
    ("[le service](https://exemple.org/0612345678)", "[le service]"), ("**08** 99", "08 99"), ("0\u200b8", "08"),
    ("[appeler](tel:+33899123456)", "[appeler +33899123456 ]"),
])
def test_visible_text(source, seen):
    text, origin = visible(source)
    assert text == seen and len(origin) == len(text) and all(0 <= o < len(source) for o in origin)


def test_every_unicode_space_is_folded():
    import unicodedata
    from soignants.lint.visible_text import SPACE_CHARACTERS
    spaces = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs"} - {" "}
    assert spaces == set(SPACE_CHARACTERS)


@pytest.mark.parametrize("text,kinds", [
    ("appelez le 08 99 12 34 56", ["telephone"]), ("+33 (0)1 23 45 67 89", ["telephone"]),
    ("0033 1 23 45 67 89", ["telephone"]), ("le 116 117, la nuit", ["telephone"]),
    ("06 12 34 56 7", ["mal-forme"]), ("06 12 34 56 789", ["mal-forme"]),
    ("le 0 800 00 00 00", ["connu"]), ("3114", ["connu"]),
    # not phone numbers
    ("le 23 novembre 2026", []), ("2026-11-23", []), ("article L. 4124-6", []), ("1 000 000 €", []),
    ("15 jours", []), ("116 000 €", []), ("R6315-4", []), ("entre 2019 et 2021", []),
])
def test_find_numbers(text, kinds):
    numbers = known_numbers([{"id": "ecoute", "nom": "Écoute", "telephone": "0 800 00 00 00"},
                             {"id": "3114", "nom": "3114", "telephone": "3114"}])
    assert [f.kind for f in find_numbers(text, numbers)] == kinds


def test_the_real_content_has_no_hand_typed_number():
    problems = [p for p in run(Project()).problems if p.code in ("numero-telephone", "numero-a-la-main")]
    assert problems == [], "\n".join(p.format() for p in problems)


# --- « Quoi de neuf » and the feed --------------------------------------------------------------------

def test_a_number_change_is_in_the_news_and_the_feed_with_its_date(repository, tmp_path):
    aide = repository / "data/aide.yml"
    aide.write_text(aide.read_text(encoding="utf-8").replace('telephone: "0 800 00 00 00"', 'telephone: "0 800 22 22 22"')
                    .replace('horaires: "Heures de bureau"', 'horaires: "Du lundi au vendredi"'), encoding="utf-8")
    _git(repository, "commit", "-qam", "number and hours", date_of_commit="2026-11-02")
    changes = help_history.contact_changes(repository)
    assert [(c.day, c.id, c.field, c.before, c.after) for c in changes] == [
        ("2026-11-02", "ecoute", "telephone", "0 800 00 00 00", "0 800 22 22 22"),
        ("2026-11-02", "region", "horaires", "Heures de bureau", "Du lundi au vendredi")]
    events = news.events(repository / "docs")
    assert [e.kind for e in events[:2]] == ["contact", "contact"]  # the newest, and first on their day
    number = next(e for e in events if e.text.startswith("Numéro changé"))
    assert (number.day, number.title, number.src_uri) == ("2026-11-02", "Ligne d'écoute de test", news.CONTACT_PAGE)
    assert number.text == "Numéro changé : 0 800 00 00 00 → 0 800 22 22 22"
    catalog.use_docs_dir(repository / "docs")
    try:
        page = news.news_page("a-propos/quoi-de-neuf.md", lambda a, b: b, "feed.xml")
    finally:
        catalog.use_docs_dir(DOCS_DIR)
    assert markdown_text("Numéro changé : 0 800 00 00 00 → 0 800 22 22 22") in page
    feed = tmp_path / "feed.xml"
    news.write_feed(feed, "https://exemple.org/urps/", "Site", repository / "docs")
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(feed).getroot().findall(f"{atom}entry")
    first = next(e for e in entries if "Numéro changé" in e.find(f"{atom}title").text)
    assert "0 800 00 00 00 → 0 800 22 22 22" in first.find(f"{atom}title").text
    assert first.find(f"{atom}updated").text.startswith("2026-11-02")
    assert first.find(f"{atom}link").get("href") == "https://exemple.org/urps/aide/annuaire/"
    # A withdrawal is told too.
    aide.write_text(aide.read_text(encoding="utf-8").replace("    statut: actif\n", "    statut: historique\n", 1),
                    encoding="utf-8")
    _git(repository, "commit", "-qam", "withdrawn", date_of_commit="2026-11-10")
    latest = help_history.contact_changes(repository)[0]
    assert (latest.day, latest.id, latest.field, latest.before) == ("2026-11-10", "ecoute", "retrait", "0 800 22 22 22")


def test_without_the_site_address_the_feed_claims_no_local_one(repository, tmp_path):
    feed = tmp_path / "feed.xml"
    news.write_feed(feed, "", "Site", repository / "docs")
    text = feed.read_text(encoding="utf-8")
    assert "127.0.0.1" not in text and "localhost" not in text
    root = ET.fromstring(text)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.find(f"{atom}id").text.startswith("urn:")
    assert all(not link.get("href").startswith("http") for link in root.iter(f"{atom}link"))


def test_without_git_the_history_is_said_to_be_missing(tmp_path):
    shutil.copytree(FIXTURES / "projet", tmp_path / "p")
    assert help_history.contact_changes(tmp_path / "p") == []
    assert "pas d'historique git" in help_history.history_notice(tmp_path / "p")


def test_a_shallow_clone_is_said_to_cut_the_history(repository, tmp_path):
    aide = repository / "data/aide.yml"
    aide.write_text(aide.read_text(encoding="utf-8").replace("Heures de bureau", "Matin"), encoding="utf-8")
    _git(repository, "commit", "-qam", "hours")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "proposition", f"file://{repository}", str(clone)],
                   check=True, capture_output=True, timeout=60)
    assert "historique git incomplet" in help_history.history_notice(clone)
    assert help_history.history_notice(repository) is None


def test_an_unreadable_data_file_is_told_once_without_false_past_numbers(repository):
    """While data/aide.yml cannot be read, its own error is the one to fix: the numbers of the
    pages are not called « ancien numéro » for lack of today's list."""
    fiche = repository / "docs/fiches/soignant/modele.md"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("mots_cles: [burn-out, fatigue]",
                                                               'mots_cles: [burn-out, fatigue, "0 800 00 00 00"]'),
                     encoding="utf-8")
    assert lint(repository) == []  # today's number as a search keyword
    aide = repository / "data/aide.yml"
    aide.write_text(aide.read_text(encoding="utf-8").replace("\n    horaires:", "\n\thoraires:", 1), encoding="utf-8")
    assert [code for code, _, _ in lint(repository)] == ["yaml-invalide"]
