"""The contributors' guide and the templates stay true to the project: every front-matter field
and every marker is documented, the examples validate against the schemas, the commands and
files it names exist, and the issue forms, templates and CI files are well formed."""

from pathlib import Path
import re

import pytest
import yaml

from soignants.model import schemas
from soignants.model.frontmatter import split_front_matter
from soignants.render.pages import BLOCK_MARKER
from soignants.model.yamlfile import load_yaml_text

ROOT = Path(__file__).resolve().parent.parent
GUIDE_FILE = ROOT / "CONTRIBUTING.md"
GUIDE = GUIDE_FILE.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of a `## title` section of the guide (up to the next `## `)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, re.MULTILINE | re.DOTALL)
    assert match, f"section « ## {title} » absente de CONTRIBUTING.md"
    return match.group(1)


def example(name: str) -> str:
    """The code block that follows `<!-- exemple: name -->`."""
    match = re.search(rf"<!-- exemple: {name} -->\n```[a-z]*\n(.*?)^```", GUIDE, re.MULTILINE | re.DOTALL)
    assert match, f"exemple « {name} » absent de CONTRIBUTING.md"
    return match.group(1)


# --- the guide ---------------------------------------------------------------------------------

def test_every_field_of_the_fiche_schema_has_its_own_documented_section():
    fields = section("L'en-tête d'une fiche, champ par champ")
    schema = schemas.schema(schemas.FICHE)
    documented = re.findall(r"^### `([a-z_]+)`$", fields, re.MULTILINE)
    assert set(documented) == set(schema["properties"]), "champs non documentés ou documentés en trop"
    for name in schema["properties"]:
        body = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", fields, re.MULTILINE | re.DOTALL).group(1)
        expected = "Obligatoire" if name in schema["required"] else "Facultatif"
        assert f"**{expected}" in body, f"« {name} » : la section doit dire « {expected} »"
        assert "```yaml" in body or name == "title", f"« {name} » : la section doit donner un exemple"


def test_the_front_matter_example_validates_against_the_schema():
    meta = split_front_matter(example("fiche")).meta
    assert schemas.errors(schemas.FICHE, meta) == []
    assert set(meta) == set(schemas.schema(schemas.FICHE)["properties"])  # the example shows every field


def test_the_bibliography_example_validates_against_its_schema():
    entries = load_yaml_text(example("reference"))
    bib = load_yaml_text((ROOT / "data" / "bibliographie.yml").read_text(encoding="utf-8"))
    assert schemas.errors(schemas.BIBLIOGRAPHIE, {"themes": bib["themes"], "references": entries}) == []


def test_the_help_contact_example_validates_against_its_schema():
    entries = load_yaml_text(example("aide"))
    assert schemas.errors(schemas.AIDE, {"structures": entries}) == []
    assert entries[0]["source"]["titre"] and entries[0]["verifie_le"]


def test_the_reading_order_follows_the_fiche_model():
    template = (ROOT / "soignants" / "model" / "templates" / "fiche.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", template, re.MULTILINE)
    assert len(sections) == 5
    order = section("L'ordre de lecture d'une fiche")
    positions = [order.find(f"`## {name}`") for name in sections]
    assert -1 not in positions, f"sections absentes de l'ordre de lecture : {sections}"
    assert positions == sorted(positions), "les sections doivent être données dans l'ordre du modèle"


def test_every_marker_is_documented():
    markers = section("Les marqueurs")
    assert "`[[aide:" in markers and "`[@" in markers
    names = re.search(r"\(([a-z|-]+)\)", BLOCK_MARKER.pattern).group(1).split("|")
    for name in names:
        assert f"`<!-- {name}" in markers, f"le marqueur « <!-- {name} --> » n'est pas documenté"


def test_the_commands_and_files_it_names_exist():
    for path in ["scripts/new_fiche.py", "scripts/lint.py", "scripts/check_links.py", "data/aide.yml",
                 "data/bibliographie.yml", "soignants/model/templates/fiche.md", "soignants/model/schemas/fiche.schema.json",
                 ".pre-commit-config.yaml", ".github/workflows/verifier.yml", ".github/workflows/liens-externes.yml",
                 ".gitlab/ci/verifier.yml", "docs/fiches/cabinet", "docs/fiches/soignant", "docs/temoignages"]:
        assert path in GUIDE, f"{path} n'est plus cité dans CONTRIBUTING.md"
        assert (ROOT / path).exists(), f"CONTRIBUTING.md cite {path}, qui n'existe pas"
    for link in re.findall(r"\]\(((?:soignants|data|docs|scripts)/[^)#]+)\)", GUIDE):
        assert (ROOT / link).exists(), f"lien cassé dans CONTRIBUTING.md : {link}"
    assert 'python scripts/new_fiche.py "' in GUIDE and "--partie" in GUIDE
    assert "make serve" in GUIDE and "http://127.0.0.1:8000" in GUIDE


def test_the_guide_starts_with_a_short_quick_start_for_the_browser_path():
    first = re.search(r"^## (.+)$", GUIDE, re.MULTILINE).group(1)
    assert first == "Démarrage rapide"
    quick = section("Démarrage rapide")
    words = len(re.findall(r"\S+", quick))
    assert words <= 600, f"le démarrage rapide fait {words} mots (600 au plus)"
    for step in ("Signaler une erreur ou proposer une correction", "proposer la modification", "Lire le message du contrôle",
                 "Voir l'aperçu", "Demander la relecture", "[[aide:3114]]", "data/aide.yml", "À compléter"):
        assert step in quick, step


def test_the_table_of_contents_lists_every_section():
    toc = section("Sommaire")
    listed = re.findall(r"^\d+\. \[(.+?)\]\(#", toc, re.MULTILINE)
    headings = [h for h in re.findall(r"^## (.+)$", GUIDE, re.MULTILINE) if h != "Sommaire"]
    assert listed == headings


def test_commands_in_the_readme_and_the_guide_need_no_activated_virtualenv():
    for text in (GUIDE, (ROOT / "README.md").read_text(encoding="utf-8")):
        assert "source .venv/bin/activate" not in text and "activate" not in text.replace("sans activer", "")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("fiche", "lint", "recherche", "etat", "serve", "codeowners"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
        assert f"make {target}" in GUIDE + (ROOT / "README.md").read_text(encoding="utf-8") or target == "codeowners"
    for script in (ROOT / "scripts").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        assert "ensure_dependencies()" in text, f"{script.name} ne se relance pas dans .venv"


def test_the_table_of_contents_points_to_real_headings():
    def github_anchor(heading: str) -> str:
        text = heading.strip().lower()
        text = re.sub(r"[^\w\- ]", "", text)  # GitHub keeps letters (accents too), digits, - and _
        return text.replace(" ", "-")

    anchors = {github_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", GUIDE, re.MULTILINE)}
    for target in re.findall(r"\]\(#([^)]+)\)", GUIDE):
        assert target in anchors, f"le sommaire renvoie à #{target}, qui n'existe pas"


def test_the_content_check_codes_it_lists_exist():
    table = section("Le contrôle du contenu et ses messages")
    codes = re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)
    assert len(codes) >= 10
    lint_source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "soignants" / "lint").glob("*.py"))
    for code in codes:
        assert f'"{code}"' in lint_source, f"le code « {code} » décrit dans CONTRIBUTING.md n'existe plus"


def test_the_guide_covers_review_privacy_testimonies_and_style():
    review = section("La relecture")
    for word in ("statut: relu", "relecteurs", "relu_le", "prochaine_relecture", "un an", "data/comite.yml",
                 "scripts/codeowners.py", "historique"):
        assert word in review
    assert "jamais inventé" in section("Les témoignages")
    privacy = section("Confidentialité")
    assert "<iframe>" in privacy and "script" in privacy and "docs/images/" in privacy
    style = section("Guide de style")
    for rule in ("vous", "«\u00a0comme ceci\u00a0»", "insécable", "Une phrase par ligne"):
        assert rule in style


def test_the_guide_uses_french_spacing_outside_code():
    prose = re.sub(r"```.*?```", "", GUIDE, flags=re.DOTALL)
    prose = re.sub(r"`[^`]*`|\]\([^)]*\)|<https?://[^>]*>", "", prose)
    assert not re.findall(r"\S [:;!?»]|« ", prose), "espace ordinaire là où il faut une espace insécable"


# --- templates and CI -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["proposer-une-fiche.yml", "signaler-une-erreur.yml"])
def test_issue_forms_are_valid_link_to_the_guide_and_require_fields(name):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and form["body"]
    text = yaml.safe_dump(form, allow_unicode=True)
    assert "CONTRIBUTING.md" in text and "3114" in text and "publique" in text
    ids = [element.get("id") for element in form["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    required = [e for e in form["body"] if (e.get("validations") or {}).get("required")]
    assert len(required) >= 3
    privacy = [o for e in form["body"] if e["type"] == "checkboxes" for o in e["attributes"]["options"]]
    assert any(o.get("required") and "identifier" in o["label"] for o in privacy)


def test_review_checklists_cover_sources_dates_status_and_personal_data():
    for path in [ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md", ROOT / ".gitlab" / "merge_request_templates" / "Default.md"]:
        text = path.read_text(encoding="utf-8")
        for item in ("**Sources**", "**Dates**", "**Statut**", "**Aucune donnée personnelle**"):
            assert f"- [ ] {item}" in text, f"{path.name} : « {item} » manque"
    gitlab_issues = sorted(p.name for p in (ROOT / ".gitlab" / "issue_templates").glob("*.md"))
    assert gitlab_issues == ["Proposer-une-fiche.md", "Signaler-une-erreur.md"]


def test_github_workflows_run_make_test_and_check_external_links_without_blocking():
    check = yaml.safe_load((ROOT / ".github" / "workflows" / "verifier.yml").read_text(encoding="utf-8"))
    triggers = check.get("on", check.get(True))
    assert "pull_request" in triggers and "push" in triggers
    steps = "\n".join(str(s.get("run", "")) for s in check["jobs"]["verifier"]["steps"])
    assert "make test" in steps and "apt-get install" in steps and "chromium" in steps
    assert "scripts/lint.py --format github" in steps  # annotations: tests/test_lint_formats.py
    assert "3.11" in str(check["jobs"]["verifier"].get("container", "")) + steps

    weekly = yaml.safe_load((ROOT / ".github" / "workflows" / "liens-externes.yml").read_text(encoding="utf-8"))
    triggers = weekly.get("on", weekly.get(True))
    assert "schedule" in triggers
    job = weekly["jobs"]["liens-externes"]
    assert job.get("continue-on-error") is True
    runs = "\n".join(str(s.get("run", "")) for s in job["steps"])
    assert "make build" in runs and "scripts/check_links.py --external" in runs
    assert any("upload-artifact" in str(s.get("uses", "")) for s in job["steps"])


def test_gitlab_jobs_and_pre_commit_hook():
    jobs = yaml.safe_load((ROOT / ".gitlab" / "ci" / "verifier.yml").read_text(encoding="utf-8"))
    assert "make test" in jobs["verifier"]["script"]
    weekly = jobs["liens-externes"]
    assert weekly["allow_failure"] is True
    assert any("scripts/check_links.py --external" in line for line in weekly["script"])
    assert any("schedule" in rule["if"] for rule in weekly["rules"])
    assert all("schedule" not in rule["if"] or rule.get("when") == "never" for rule in jobs["verifier"]["rules"])

    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local" and hook["language"] in ("system", "python")
    assert "scripts/lint.py" in hook["entry"]
    files = re.compile(hook["files"])
    assert files.search("docs/fiches/soignant/x.md") and files.search("data/aide.yml")
    assert not files.search("soignants/render/pages.py")
