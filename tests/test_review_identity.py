"""Review that cannot be faked: members by identity (forge handle, or names with titles, accents and
case folded), no sign-off by a member the same proposal adds, none by the account that opened it,
and CODEOWNERS over every path that can weaken a check or change what readers get.

Committee members here are fictitious (data/comite.yml has none yet)."""

from datetime import date
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from soignants.lint import Project, run  # noqa: E402
from soignants.lint.schema_messages import issues  # noqa: E402
from soignants.model import committee  # noqa: E402
from soignants.render.pages import fiche_footer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
TODAY = date(2026, 11, 23)
FICHE = "docs/fiches/cabinet/autre.md"  # reviewed by « Dr Relectrice » in the valid project


@pytest.mark.parametrize("a,b", [("Claire Dubois", "Dr Claire Dubois"), ("Dr. Claire Dubois", "claire dubois"),
                                 ("Pr Éloïse Lefèvre", "eloise LEFEVRE"), ("Mme Anne-Marie Roy", "Anne Marie Roy"),
                                 ("Docteure Inès  Ba", "ines ba")])
def test_names_are_compared_folded(a, b):
    assert committee.fold_name(a) == committee.fold_name(b)


def test_different_people_stay_different():
    assert committee.fold_name("Dr Claire Dubois") != committee.fold_name("Dr Claire Dupuis")
    member = committee.Member("Dr Claire Dubois", "membre", "médecine générale", "2026-01-01", forge="cdubois")
    assert member.is_written("@CDubois") and member.is_written("claire dubois")
    assert not member.is_written("@cdubois2") and not member.is_written("Claire")
    assert committee.same_person(member, "cdubois")  # a proposer's handle, as CI gives it


def test_relu_par_shows_the_committee_s_name_for_a_handle(tmp_path):
    comite = tmp_path / "comite.yml"
    shutil.copyfile(FIXTURES / "projet" / "data" / "comite.yml", comite)
    assert committee.display_names(["@relectrice-fictive", "Dr Inconnue"], comite) == ["Dr Relectrice", "Dr Inconnue"]


def test_a_handle_with_a_line_break_is_refused_and_never_reaches_codeowners():
    member = {"nom": "Dr Alice Fictive", "role": "membre", "specialite": "médecine générale",
              "forge": "alice\n@attaquant", "depuis": "2026-01-01"}
    assert [i.code for i in issues("comite", {"membres": [member]})] == ["champ-invalide"]
    # CODEOWNERS is never written with it: scripts/codeowners.py says so, in French, and stops.
    with pytest.raises(committee.HandleError, match="n'est pas un identifiant"):
        committee.codeowners(committee.members_from({"membres": [member]}), TODAY, "github")


# --- CODEOWNERS ------------------------------------------------------------------------------------

# Every path that can weaken a check or change what readers get (issue 23, § 2).
TECHNICAL = [".github/workflows/verifier.yml", ".gitlab/ci/verifier.yml", ".gitlab-ci.yml", "soignants/lint/runner.py",
             "scripts/lint.py", "overrides/main.html", "mkdocs.yml", "Makefile", "requirements/site.txt",
             "constraints.txt", "pyproject.toml", ".ci/run", ".github/CODEOWNERS", ".gitlab/CODEOWNERS",
             "tests/test_lint.py"]
CONTENT = ["docs/fiches/soignant/addictions.md", "docs/aide/index.md", "data/aide.yml",
           "data/recherche-detresse.yml", "data/bibliographie.yml"]


def _owners(text: str, path: str) -> set[str]:
    """Who owns `path` on GitHub: the last matching pattern wins (a small matcher for the patterns
    the generator writes: a folder `/x/`, a file `/x`, a `*` inside a name)."""
    import fnmatch
    owners = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *handles = line.split()
        pattern = pattern.lstrip("/")
        if (pattern.endswith("/") and path.startswith(pattern)) or fnmatch.fnmatchcase(path, pattern):
            owners = set(handles)
    return owners


def test_codeowners_give_the_code_to_maintainers_and_the_content_to_the_committee():
    alice = committee.Member("Dr Alice Fictive", "membre", "médecine générale", "2026-01-01", forge="alice-fictive")
    bob = committee.Maintainer("Bob Fictif", "bob-fictif")
    github = committee.codeowners([alice], TODAY, "github", [bob])
    for path in TECHNICAL:
        assert _owners(github, path) == {"@bob-fictif"}, path
    for path in CONTENT:
        assert _owners(github, path) == {"@alice-fictive"}, path
    assert _owners(github, "data/comite.yml") == {"@alice-fictive", "@bob-fictif"}
    gitlab = committee.codeowners([alice], TODAY, "gitlab", [bob])
    sections = gitlab.split("\n[")
    assert [s.split("]")[0] for s in sections[1:]] == ["Comité éditorial", "Équipe technique"]
    assert "/data/comite.yml @alice-fictive" in sections[1] and "/data/comite.yml @bob-fictif" in sections[2]


def test_while_nobody_is_listed_the_notice_says_no_approval_is_required():
    notes = committee.empty_notice([], [], TODAY)
    assert len(notes) == 2 and all("aucune approbation n'est exigée" in n for n in notes)
    alice = committee.Member("Dr Alice Fictive", "membre", "médecine générale", "2026-01-01", forge="alice-fictive")
    assert committee.empty_notice([alice], [committee.Maintainer("Bob", "bob")], TODAY) == []


# --- against the proposal's base ------------------------------------------------------------------

def _git(root: Path, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True, timeout=60)


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "projet", root)
    fiche = root / FICHE
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("statut: relu\nrelecteurs: [Dr Relectrice]\n",
                                                               "statut: brouillon\n").replace("relu_le: 2026-06-01\n", ""),
                     encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    _git(root, "checkout", "-qb", "proposition")
    return root


def _review(root: Path, reviewer: str) -> None:
    fiche = root / FICHE
    fiche.write_text(fiche.read_text(encoding="utf-8").replace(
        "statut: brouillon\n", f"statut: relu\nrelecteurs: [{reviewer}]\n").replace(
        "redige_le: 2026-06-01\n", "redige_le: 2026-06-01\nrelu_le: 2026-06-01\n"), encoding="utf-8")


def lint(root: Path):
    return [(p.code, p.path, p.line) for p in run(Project.at(root, today=TODAY)).problems]


NEW_MEMBER = ('  - nom: "Dr Nouvelle Fictive"\n    role: "membre"\n    specialite: "pédiatrie"\n'
              '    forge: "nouvelle-fictive"\n    depuis: 2026-01-01\n')


def test_a_member_added_by_the_proposal_cannot_sign_off_in_it(repository):
    comite = repository / "data/comite.yml"
    comite.write_text(comite.read_text(encoding="utf-8").replace("mainteneurs:", NEW_MEMBER + "mainteneurs:"),
                      encoding="utf-8")
    _review(repository, "Dr Nouvelle Fictive")
    assert lint(repository) == [("relecteur-nouveau-membre", FICHE, 9)]
    # Once the membership has landed on main, the same review passes.
    _git(repository, "add", "data/comite.yml")
    _git(repository, "commit", "-qm", "new member")
    _git(repository, "checkout", "-q", "main")
    _git(repository, "merge", "-q", "--ff-only", "proposition")
    _git(repository, "checkout", "-q", "proposition")
    assert lint(repository) == []


def test_a_member_whose_entry_the_proposal_changes_cannot_sign_off_in_it(repository):
    comite = repository / "data/comite.yml"
    # The former member's term is extended by the same proposal that uses them as a reviewer.
    comite.write_text(comite.read_text(encoding="utf-8").replace("    jusqu_au: 2025-12-31\n", ""), encoding="utf-8")
    _review(repository, "Dr Ancien Membre")
    assert lint(repository) == [("relecteur-nouveau-membre", FICHE, 9)]


def test_a_sitting_member_can_sign_off_a_proposal_that_also_changes_the_committee(repository):
    comite = repository / "data/comite.yml"
    comite.write_text(comite.read_text(encoding="utf-8").replace("mainteneurs:", NEW_MEMBER + "mainteneurs:"),
                      encoding="utf-8")
    _review(repository, '"@relectrice-fictive"')
    assert lint(repository) == []


def test_the_proposer_cannot_review_their_own_proposal(repository, monkeypatch):
    _review(repository, "Dr Relectrice")
    monkeypatch.setenv("SOIGNANTS_PROPOSANT", "Relectrice-Fictive")
    assert lint(repository) == [("relecteur-proposant", FICHE, 9)]
    monkeypatch.setenv("SOIGNANTS_PROPOSANT", "autre-compte")
    assert lint(repository) == []


def test_an_old_review_is_not_the_proposer_s(repository, monkeypatch):
    _review(repository, "Dr Relectrice")
    _git(repository, "commit", "-qam", "reviewed")
    _git(repository, "branch", "-qf", "main")
    monkeypatch.setenv("SOIGNANTS_PROPOSANT", "relectrice-fictive")
    other = repository / "docs/fiches/soignant/modele.md"
    other.write_text(other.read_text(encoding="utf-8").replace("fatigue]", "fatigue, lassitude]"), encoding="utf-8")
    assert lint(repository) == []  # her review was already on main; this proposal only touches another page


def test_relue_par_names_members_by_their_committee_name(monkeypatch):
    monkeypatch.setattr(committee, "COMMITTEE_FILE", FIXTURES / "projet" / "data" / "comite.yml")
    footer = fiche_footer({"statut": "relu", "relecteurs": ["@relectrice-fictive"], "auteurs": ["Équipe"],
                           "redige_le": "2026-06-01", "relu_le": "2026-06-01", "prochaine_relecture": "2027-06-01"})
    assert "Relue par** : Dr Relectrice" in footer and "relue par Dr Relectrice" in footer
    assert "@relectrice" not in footer


def test_an_unquoted_handle_is_explained_in_french(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "projet", root)
    fiche = root / FICHE
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("[Dr Relectrice]", "[@relectrice-fictive]"),
                     encoding="utf-8")
    problems = run(Project.at(root, today=TODAY)).problems
    assert [(p.code, p.line) for p in problems] == [("yaml-invalide", 9)]
    assert "entre guillemets" in problems[0].message and '"@identifiant"' in problems[0].message
