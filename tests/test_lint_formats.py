"""The content check's reports for CI: GitHub annotations and GitLab's code-quality JSON.

`scripts/lint.py --format github` adds, after each usual line, a workflow command that GitHub
shows on that line of the proposal; `--format gitlab` writes the Code Climate JSON that GitLab
reads from `artifacts:reports:codequality`. Both run on a copy of the small valid project with
one broken page and one stale contact.
"""

from datetime import date
import json
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.lint.report import ERROR, WARNING, Problem, codeclimate, github_annotation  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
TODAY = date(2026, 11, 23)


def lint(*arguments, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), *map(str, arguments)],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def broken_project(tmp_path):
    root = tmp_path / "projet"
    shutil.copytree(FIXTURES / "projet", root)
    shutil.copyfile(FIXTURES / "casses" / "lien-casse.md", root / "docs/fiches/soignant/lien-casse.md")
    shutil.copyfile(FIXTURES / "casses" / "relecture-depassee.md",
                    root / "docs/fiches/soignant/relecture-depassee.md")
    return root


def test_github_annotations_follow_each_line(broken_project):
    result = lint("--racine", broken_project, "--date", TODAY, "--format", "github")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    error_line = next(i for i, line in enumerate(lines) if line.startswith("docs/fiches/soignant/lien-casse.md:"))
    path, number, message = lines[error_line].split(":", 2)
    assert lines[error_line + 1] == (f"::error file={path},line={number},title=Contrôle du contenu::"
                                     f"{message.strip()}")
    warning_line = next(i for i, line in enumerate(lines) if "relecture-depassee.md:" in line)
    assert lines[warning_line + 1].startswith("::warning file=docs/fiches/soignant/relecture-depassee.md,line=")
    assert "avertissement : " not in lines[warning_line + 1]
    assert lines[-1] == "1 erreur, 1 avertissement dans 17 fichiers"
    assert sum(line.startswith("::") for line in lines) == 2


def test_annotation_escapes_what_github_would_read_as_commands():
    problem = Problem("docs/a,b:c.md", 12, "section-manquante", "section absente à 100 %\nsuite")
    assert github_annotation(problem) == (
        "::error file=docs/a%2Cb%3Ac.md,line=12,title=Contrôle du contenu::"
        "section absente à 100 %25%0Asuite (section-manquante)")
    assert github_annotation(Problem("x.md", 3, "c", "m", WARNING)).startswith("::warning file=x.md,line=3,")


def test_gitlab_code_quality_report(broken_project, tmp_path):
    report = tmp_path / "gl-code-quality-report.json"
    result = lint("--racine", broken_project, "--date", TODAY, "--format", "gitlab", "--sortie", report)
    assert result.returncode == 1
    assert "(lien-casse)" in result.stdout  # the usual lines still reach the job's log
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert sorted((i["check_name"], i["severity"]) for i in issues) == [("lien-casse", "major"),
                                                                          ("relecture-depassee", "minor")]
    broken = next(i for i in issues if i["check_name"] == "lien-casse")
    assert broken["location"]["path"] == "docs/fiches/soignant/lien-casse.md"
    assert broken["location"]["lines"]["begin"] > 1
    assert broken["description"].endswith("(lien-casse)") and len(broken["fingerprint"]) == 64

    on_screen = lint("--racine", broken_project, "--date", TODAY, "--format", "gitlab")
    assert json.loads(on_screen.stdout) == issues


def test_fingerprints_are_stable_across_lines_and_distinct_for_twins():
    first = json.loads(codeclimate([Problem("a.md", 3, "c", "m", ERROR), Problem("a.md", 9, "c", "m", ERROR)]))
    moved = json.loads(codeclimate([Problem("a.md", 5, "c", "m", ERROR)]))
    assert first[0]["fingerprint"] != first[1]["fingerprint"]
    assert moved[0]["fingerprint"] == first[0]["fingerprint"]
    assert json.loads(codeclimate([])) == []


def test_report_file_only_with_gitlab_format(tmp_path):
    result = lint("--sortie", tmp_path / "r.json")
    assert result.returncode == 2 and "--sortie ne sert qu'avec --format gitlab" in result.stderr
