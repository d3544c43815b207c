"""The contributors' guide stays true to the project, and short enough to be finished.

The guide is the pages of « À propos › Contribuer » (docs/a-propos/contribuer/), one task each,
with CONTRIBUTING.md as the short entry, CODE_OF_CONDUCT.md and SUPPORT.md. Checked here: every
front-matter field, marker and content-check code is documented (the fields and codes are
written from the code by scripts/guide.py, and must be up to date), the examples validate
against the schemas, the commands and files it names exist, each task page stays under 600
words, the menu and the entry point list every page, no help number is typed that is not in
data/aide.yml, and the issue forms, proposal templates and CI files are well formed.
"""

from pathlib import Path
import re

import pytest
import yaml

from soignants.lint.codes import CODES
from soignants.lint.phone_numbers import RUN, normalise
from soignants.model import schemas
from soignants.model.frontmatter import split_front_matter
from soignants.model.yamlfile import load_yaml_text
from soignants.render.pages import BLOCK_MARKER
from soignants.tools import guide_reference

ROOT = Path(__file__).resolve().parent.parent
GUIDE_DIR = ROOT / "docs" / "a-propos" / "contribuer"
PAGES = {path.name: path.read_text(encoding="utf-8") for path in sorted(GUIDE_DIR.glob("*.md"))}
ENTRY = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SUPPORT = (ROOT / "SUPPORT.md").read_text(encoding="utf-8")
CONDUCT = (ROOT / "CODE_OF_CONDUCT.md").read_text(encoding="utf-8")
ALL_TEXT = "\n".join([ENTRY, SUPPORT, *PAGES.values()])
# Reference pages may be longer than a task page: one looks things up in them.
REFERENCES = {"champs.md", "marqueurs.md", "questionnaires.md"}
TASK_PAGE_WORDS = 600
REFERENCE_WORDS = 1500
GENERATED = re.compile(r"<!-- début du texte produit par scripts/guide\.py.*?<!-- fin du texte produit par scripts/guide\.py -->",
                       re.DOTALL)


def page(name: str) -> str:
    assert name in PAGES, f"la page docs/a-propos/contribuer/{name} manque"
    return PAGES[name]


def section(text: str, title: str) -> str:
    """The text of a `## title` section (up to the next `## `)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"section « ## {title} » absente"
    return match.group(1)


def example(text: str, name: str) -> str:
    """The code block that follows `<!-- exemple: name -->`."""
    match = re.search(rf"<!-- exemple: {name} -->\n```[a-z]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert match, f"exemple « {name} » absent"
    return match.group(1)


def words(text: str) -> int:
    """The words a reader reads: front matter, HTML comments and generated blocks left out."""
    body = split_front_matter(text).body if text.startswith("---\n") else text
    body = re.sub(r"<!--.*?-->", "", GENERATED.sub("", body), flags=re.DOTALL)
    return len(re.findall(r"\w[\w’'-]*", body))


# --- one page, one task, finished -----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_is_short_enough_to_be_finished(name):
    limit = REFERENCE_WORDS if name in REFERENCES else TASK_PAGE_WORDS
    count = words(PAGES[name])
    assert count <= limit, f"{name} : {count} mots ({limit} au plus) ; découpez la page ou allégez-la"
    meta = split_front_matter(PAGES[name]).meta
    assert meta["search"] == {"exclude": True}, f"{name} : hors de la recherche des lecteurs (search: exclude: true)"
    assert meta["title"] and meta["description"]


def test_the_word_count_would_catch_a_long_page():
    assert words("---\ntitle: x\n---\n" + "mot " * 601) == 601 > TASK_PAGE_WORDS
    assert words("<!-- début du texte produit par scripts/guide.py : codes -->\n" + "mot " * 900
                 + "<!-- fin du texte produit par scripts/guide.py -->") == 0


def test_every_page_is_in_the_menu_the_overview_and_the_entry_point():
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    about = next(item["À propos"] for item in nav if isinstance(item, dict) and "À propos" in item)
    contribute = next(item["Contribuer"] for item in about if isinstance(item, dict) and "Contribuer" in item)
    assert contribute[0] == "a-propos/contribuer/index.md"
    assert sorted(contribute) == sorted(f"a-propos/contribuer/{name}" for name in PAGES)
    overview = page("index.md")
    for name in PAGES:
        if name != "index.md":
            assert f"]({name}" in overview, f"la page d'accueil du guide ne mène pas à {name}"
        assert f"](docs/a-propos/contribuer/{name}" in ENTRY, f"CONTRIBUTING.md ne mène pas à {name}"


def test_the_entry_point_is_short_and_starts_with_the_browser_path():
    assert words(ENTRY) <= TASK_PAGE_WORDS
    first = re.search(r"^## (.+)$", ENTRY, re.MULTILINE).group(1)
    assert first == "Démarrage rapide"
    quick = section(ENTRY, "Démarrage rapide")
    for step in ("Signaler une erreur ou proposer une correction", "proposer la modification", "Lire le message du contrôle",
                 "Voir l'aperçu", "Demander la relecture", "[[aide:3114]]", "data/aide.yml", "À compléter"):
        assert step in ENTRY, step
    assert "CODE_OF_CONDUCT.md" in ENTRY and "SUPPORT.md" in ENTRY


def test_the_first_correction_is_told_for_both_forges_in_the_browser():
    text = page("premiere-correction.md")
    for step in ("Edit this file", "Commit changes", "Create a new branch for this commit and start a pull request",
                 "Propose changes", "Create pull request", "Edit single file", "Start a new merge request with these changes",
                 "Create merge request", "Files changed", "`verifier`", "## 4. Lire le message du contrôle",
                 "## 5. Voir l'aperçu", "## 6. Demander la relecture", "## Signaler sans corriger"):
        assert step in text, step


def test_the_terminal_page_says_every_git_step():
    text = page("depuis-un-terminal.md")
    steps = ["git clone", "git switch -c", "make lint", "python scripts/preview.py", "git add", "git commit -m",
             "git push -u origin", "Create pull request", "Create merge request", "git push\n"]
    positions = [text.find(step) for step in steps]
    assert -1 not in positions, [s for s, p in zip(steps, positions) if p == -1]
    assert positions == sorted(positions), "les étapes doivent venir dans l'ordre où on les fait"
    assert 'git config --global user.email' in text and "make serve" in text and "http://127.0.0.1:8000" in text


# --- true to the code ---------------------------------------------------------------------------------

def test_the_generated_parts_of_the_guide_are_up_to_date():
    stale = [p.relative_to(ROOT).as_posix() for p in guide_reference.stale_pages(ROOT)]
    assert stale == [], f"pages du guide pas à jour : {stale} ; lancez « python scripts/guide.py »"


def test_the_guide_generator_notices_a_new_code_and_a_new_field(monkeypatch):
    text = page("messages.md")
    monkeypatch.setitem(CODES, "code-tout-neuf", (CODES["lien-casse"][0], "une règle ajoutée"))
    assert "`code-tout-neuf`" in guide_reference.refreshed(text) and guide_reference.refreshed(text) != text
    assert guide_reference.refreshed(page("champs.md")) == page("champs.md")


def test_every_field_of_the_fiche_schema_has_its_own_documented_section():
    fields = section(page("champs.md"), "Les champs d'une fiche")
    schema = schemas.schema(schemas.FICHE)
    documented = re.findall(r"^### `([a-z_]+)`$", fields, re.MULTILINE)
    assert documented == list(schema["properties"]), "champs non documentés, en trop ou dans le désordre"
    for name in schema["properties"]:
        body = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", fields, re.MULTILINE | re.DOTALL).group(1)
        expected = "Obligatoire" if name in schema["required"] else "Facultatif"
        assert f"**{expected}" in body, f"« {name} » : la section doit dire « {expected} »"
        assert "```yaml" in body, f"« {name} » : la section doit donner un exemple"
    testimony = section(page("champs.md"), "Les champs d'un témoignage")
    for name in schemas.schema(schemas.TEMOIGNAGE)["properties"]:
        assert f"| `{name}` |" in testimony, name


def test_the_front_matter_example_validates_against_the_schema():
    meta = split_front_matter(example(page("champs.md"), "fiche")).meta
    assert schemas.errors(schemas.FICHE, meta) == []
    assert set(meta) == set(schemas.schema(schemas.FICHE)["properties"])  # the example shows every field


def test_the_bibliography_example_validates_and_every_field_is_named():
    text = page("bibliographie.md")
    entries = load_yaml_text(example(text, "reference"))
    bib = load_yaml_text((ROOT / "data" / "bibliographie.yml").read_text(encoding="utf-8"))
    assert schemas.errors(schemas.BIBLIOGRAPHIE, {"themes": bib["themes"], "references": entries}) == []
    reference = schemas.schema(schemas.BIBLIOGRAPHIE)["properties"]["references"]["items"]["properties"]
    missing = [name for name in reference if f"`{name}`" not in text]
    assert missing == [], f"champs d'une référence non nommés dans bibliographie.md : {missing}"


def test_the_help_contact_example_validates_and_every_field_is_named():
    text = page("numero-aide.md")
    entries = load_yaml_text(example(text, "aide"))
    assert schemas.errors(schemas.AIDE, {"structures": entries}) == []
    assert entries[0]["source"]["titre"] and entries[0]["verifie_le"]
    contact = schemas.schema(schemas.AIDE)["properties"]["structures"]["items"]["properties"]
    missing = [name for name in contact if f"`{name}`" not in text]
    assert missing == [], f"champs d'un contact non nommés dans numero-aide.md : {missing}"
    # The example is a real contact of data/aide.yml, as it is there (never an invented number).
    real = {c["id"]: c for c in load_yaml_text((ROOT / "data" / "aide.yml").read_text(encoding="utf-8"))["structures"]}
    assert entries[0]["telephone"] == real[entries[0]["id"]]["telephone"]


def test_the_reading_order_follows_the_fiche_model():
    template = (ROOT / "soignants" / "model" / "templates" / "fiche.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", template, re.MULTILINE)
    assert len(sections) == 5
    order = section(page("nouvelle-fiche.md"), "L'ordre de lecture d'une fiche")
    positions = [order.find(f"`## {name}`") for name in sections]
    assert -1 not in positions, f"sections absentes de l'ordre de lecture : {sections}"
    assert positions == sorted(positions), "les sections doivent être données dans l'ordre du modèle"


def test_every_marker_is_documented():
    markers = page("marqueurs.md")
    assert "`[[aide:ID]]`" in markers and "`[@Clé]`" in markers
    names = re.search(r"\(([a-z|-]+)\)", BLOCK_MARKER.pattern).group(1).split("|")
    for name in names:
        assert f"`<!-- {name}" in markers, f"le marqueur « <!-- {name} --> » n'est pas documenté"


def test_every_content_check_code_is_explained():
    table = section(page("messages.md"), "Tous les codes")
    listed = re.findall(r"^\| `([a-z-]+)` \| (erreur|avertissement) \|", table, re.MULTILINE)
    assert [code for code, _ in listed] == sorted(CODES)
    assert len(listed) >= 10


def test_the_commands_and_files_it_names_exist():
    for path in ["scripts/new_fiche.py", "scripts/lint.py", "scripts/check_links.py", "scripts/preview.py",
                 "scripts/guide.py", "scripts/codeowners.py", "data/aide.yml", "data/bibliographie.yml",
                 "data/comite.yml", "soignants/model/templates/fiche.md", "soignants/model/schemas/fiche.schema.json",
                 ".pre-commit-config.yaml", ".github/workflows/verifier.yml", ".github/workflows/apercu.yml",
                 ".github/workflows/liens-externes.yml", ".gitlab/ci/verifier.yml", "docs/fiches/cabinet",
                 "docs/fiches/soignant", "docs/temoignages"]:
        assert path in ALL_TEXT, f"{path} n'est plus cité dans le guide"
        assert (ROOT / path).exists(), f"le guide cite {path}, qui n'existe pas"
    for path in set(re.findall(r"`((?:scripts|soignants|data|tests)/[\w./-]+)`", ALL_TEXT)):
        if "ID" not in path and "THEME" not in path:  # a pattern (data/questionnaires/ID.yml), not a file
            assert (ROOT / path).exists(), f"le guide cite {path}, qui n'existe pas"
    for text in (ENTRY, SUPPORT, CONDUCT):
        for link in re.findall(r"\]\(((?:soignants|data|docs|scripts|[A-Z_]+\.md)[^)#]*)", text):
            assert (ROOT / link).exists(), f"lien cassé : {link}"
    assert 'python scripts/new_fiche.py "' in ALL_TEXT and "--partie" in ALL_TEXT
    assert "make serve" in ALL_TEXT and "http://127.0.0.1:8000" in ALL_TEXT


def test_commands_in_the_readme_and_the_guide_need_no_activated_virtualenv():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (ALL_TEXT, readme):
        assert "source .venv/bin/activate" not in text and "activate" not in text.replace("sans activer", "")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("fiche", "lint", "recherche", "etat", "serve", "codeowners"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
        assert f"make {target}" in ALL_TEXT + readme, target
    for script in (ROOT / "scripts").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        assert "ensure_dependencies()" in text, f"{script.name} ne se relance pas dans .venv"


def test_the_guide_covers_review_privacy_testimonies_and_style():
    review = page("relire.md")
    for word in ("statut: relu", "relecteurs", "relu_le", "prochaine_relecture", "un an", "data/comite.yml",
                 "scripts/codeowners.py", "historique", "aperçu"):
        assert word in review, word
    assert "jamais inventé" in page("temoignages.md")
    style = page("style.md")
    privacy = section(style, "Ce qu'une page ne contient jamais")
    assert "<iframe>" in privacy and "script" in privacy and "docs/images/" in privacy
    for rule in ("vous", "«\u00a0comme ceci\u00a0»", "insécable", "Une phrase par ligne"):
        assert rule in style


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "SUPPORT.md", "CODE_OF_CONDUCT.md",
                                  *(f"docs/a-propos/contribuer/{p}" for p in sorted(PAGES))])
def test_the_guide_uses_french_spacing_outside_code(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```|<!--.*?-->", "", text, flags=re.DOTALL)
    prose = re.sub(r"`[^`]*`|\]\([^)]*\)|<https?://[^>]*>", "", prose)
    found = re.findall(r".{0,12}(?:\S [:;!?»]|« ).{0,6}", prose)
    assert not found, f"{name} : espace ordinaire là où il faut une espace insécable : {found[:5]}"


# --- help numbers, conduct, support -------------------------------------------------------------------

SHORT_NUMBER = re.compile(r"(?:\*\*|\ble |\bau )(3\d{3}|1\d{1,2})\b")  # « le **3114** », « le 15 »


def typed_numbers(text: str) -> set[str]:
    """The phone numbers a text types: French ten-digit numbers however spaced, and short ones
    (3114, 15) where they are called."""
    long = {normalise(run) for run in RUN.findall(text)}
    return {n for n in long if len(n) == 10 and n.startswith("0")} | set(SHORT_NUMBER.findall(text))


def test_no_help_number_is_typed_that_is_not_an_active_contact_of_the_data():
    contacts = load_yaml_text((ROOT / "data" / "aide.yml").read_text(encoding="utf-8"))["structures"]
    active = {normalise(c["telephone"]) for c in contacts if c.get("telephone") and c["statut"] == "actif"}
    assert typed_numbers("Appelez le **3114** ou le 0 800 00 00 00") == {"3114", "0800000000"}  # the check can fail
    files = [ROOT / "CONTRIBUTING.md", ROOT / "SUPPORT.md", ROOT / "CODE_OF_CONDUCT.md",
             ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md", ROOT / ".gitlab" / "merge_request_templates" / "Default.md",
             *(ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"), *(ROOT / ".gitlab" / "issue_templates").glob("*.md")]
    for path in files:
        unknown = typed_numbers(path.read_text(encoding="utf-8")) - active
        assert not unknown, f"{path.name} : numéro écrit à la main qui n'est pas un contact actif de data/aide.yml : {unknown}"
    for path in (ROOT / "CONTRIBUTING.md", ROOT / "SUPPORT.md"):
        assert {"3114", "15"} <= typed_numbers(path.read_text(encoding="utf-8")), path.name


def test_the_code_of_conduct_is_the_covenant_in_french_with_its_attribution():
    assert CONDUCT.startswith("# Code de conduite")
    for heading in ("Notre engagement", "Nos critères", "Responsabilités d'application", "Portée d'application",
                    "Application", "Directives d'application", "Attributions"):
        assert f"## {heading}\n" in CONDUCT, heading
    assert "[Contributor Covenant](https://www.contributor-covenant.org), version 2.1" in CONDUCT
    assert "https://www.contributor-covenant.org/version/2/1/code_of_conduct.html" in CONDUCT
    assert "Ajouts propres au projet" in CONDUCT and "SUPPORT.md" in CONDUCT


def test_support_says_it_is_no_emergency_service_and_where_to_ask():
    first = SUPPORT.split("\n## ", 1)[0]
    assert "n'est pas un service d'urgence" in first and "Trouver de l'aide" in first
    assert "CONTRIBUTING.md" in SUPPORT and "CODE_OF_CONDUCT.md" in SUPPORT and "messages.md" in SUPPORT


# --- templates and CI -------------------------------------------------------------------------------

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


PROPOSAL_TEMPLATES = [ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md", ROOT / ".gitlab" / "merge_request_templates" / "Default.md"]
NOT_FIELDS = {"verifier"}  # the GitLab job a template tells to open


def schema_vocabulary() -> set[str]:
    """Every field name and every allowed value of every schema."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            found.update(v for v in node.get("enum", []) if isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for path in (ROOT / "soignants" / "model" / "schemas").glob("*.json"):
        walk(schemas.schema(path.name.removesuffix(".schema.json")))
    return found


def test_every_field_a_proposal_template_names_exists_in_a_schema():
    vocabulary = schema_vocabulary()
    assert {"relu_le", "prochaine_relecture", "verifie_le", "brouillon"} <= vocabulary
    assert "derniere_relecture" not in vocabulary  # the assertion below can fail
    for path in PROPOSAL_TEMPLATES:
        named = set(re.findall(r"`([a-z][a-z_]*):?`", path.read_text(encoding="utf-8")))
        assert named, path.name
        unknown = named - vocabulary - NOT_FIELDS
        assert not unknown, f"{path.name} nomme des champs qui n'existent dans aucun modèle : {unknown}"
    gitlab = yaml.safe_load((ROOT / ".gitlab" / "ci" / "verifier.yml").read_text(encoding="utf-8"))
    assert NOT_FIELDS <= set(gitlab)


def test_review_checklists_cover_sources_dates_status_and_personal_data():
    for path in PROPOSAL_TEMPLATES:
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
