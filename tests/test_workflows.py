"""CI and supply chain: what the workflows may do, in which order, and from what they install.

- zizmor (the GitHub Actions auditor, from the test extra) finds nothing in .github/workflows;
- every action is pinned by commit with its release in a comment; tokens are read-only except
  in the deploy job, which alone gets `pages: write` and `id-token: write`;
- publication waits for `make test` on the same commit (GitHub: verifier -> construire ->
  publier; GitLab: pages needs verifier);
- Python packages come from hashed locks that agree with constraints.txt, and Zensical's lock has
  every package the pre-render's extension imports.
"""

from importlib.metadata import packages_distributions
from pathlib import Path
import json
import re
import shutil
import subprocess
import sys

import grimp
import pytest
import yaml

from soignants.pipeline.prerender import SANITIZE_EXTENSION

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
LOCKS = {name: ROOT / "requirements" / f"{name}.txt" for name in ("site", "test", "audit", "zensical")}
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflows() -> dict[str, dict]:
    return {path.name: load(path) for path in sorted(WORKFLOWS.glob("*.yml"))}


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True


def steps_text(job: dict, key: str = "run") -> str:
    return "\n".join(str(step.get(key, "")) for step in job.get("steps", []))


# --- zizmor ----------------------------------------------------------------------------------

def zizmor(*arguments) -> list[dict]:
    executable = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert executable, "zizmor est introuvable : installez les dépendances de test (make .venv/.test)"
    result = subprocess.run([executable, "--offline", "--no-config", "--format", "json", *map(str, arguments)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 10-14: findings by severity
    return json.loads(result.stdout or "[]")


def test_zizmor_finds_nothing_in_the_workflows():
    findings = zizmor(WORKFLOWS)
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)


def test_zizmor_does_catch_an_unsafe_workflow(tmp_path):
    """The assertion above could fail: the same run reports the faults this repository avoids."""
    unsafe = tmp_path / ".github" / "workflows"
    unsafe.mkdir(parents=True)
    (unsafe / "x.yml").write_text(
        "on: pull_request\n"
        "permissions:\n  contents: write\n"
        "jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    found = {f["ident"] for f in zizmor(unsafe)}
    assert {"unpinned-uses", "template-injection", "artipacked"} <= found


# --- pins, permissions, credentials, injection ----------------------------------------------

def test_every_action_is_pinned_by_commit_with_its_release_in_a_comment():
    pins: dict[str, set[str]] = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*(-\s+)?uses:", line):
                found = SHA_PIN.match(line)
                assert found, f"{path.name}:{number}: action non épinglée par commit : {line.strip()}"
                pins.setdefault(found.group(1), set()).add(found.group(2))
    assert "actions/checkout" in pins and "actions/deploy-pages" in pins
    assert all(len(shas) == 1 for shas in pins.values()), pins  # one version of each action


def test_least_privilege_and_only_the_deploy_job_may_deploy():
    for name, workflow in workflows().items():
        assert workflow.get("permissions") == {}, f"{name} : « permissions: {{}} » attendu en tête"
        for job_name, job in workflow["jobs"].items():
            permissions = job.get("permissions")
            assert isinstance(permissions, dict), f"{name} : {job_name} sans permissions explicites"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            if (name, job_name) == ("verifier.yml", "publier"):
                assert writes == {"pages", "id-token"}
                assert all("run" not in step for step in job["steps"])  # runs no repository code
            elif (name, job_name) == ("apercu.yml", "commenter"):
                assert permissions == {"pull-requests": "write"}
                assert_runs_no_repository_code(job)
            else:
                assert not writes, f"{name} : {job_name} a des droits d'écriture : {writes}"


def assert_runs_no_repository_code(job: dict):
    """A job that checks out nothing, downloads no artifact, and whose shell calls only the forge's
    API: nothing from the repository, a proposal or an artifact can run in it."""
    for step in job["steps"]:
        assert "uses" not in step, f"{job['name']} : action {step['uses']} dans une tâche qui écrit"
        run = str(step.get("run", ""))
        assert "${{" not in run
        assert not re.search(r"\b(make|python3?|pip|git|bash|sh|source|npm|npx)\b|\./|\.venv|scripts/", run), run


def test_checkout_keeps_no_credentials_and_no_expression_reaches_a_shell():
    for name, workflow in workflows().items():
        for job_name, job in workflow["jobs"].items():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, f"{name} : {job_name}"
                assert "${{" not in str(step.get("run", "")), f"{name} : {job_name} : expression dans run:"


def test_jobs_run_in_a_pinned_image():
    images = [job.get("container") for workflow in workflows().values() for job in workflow["jobs"].values()]
    gitlab = load(ROOT / ".gitlab-ci.yml")
    images.append(gitlab["default"]["image"])
    for image in filter(None, images):
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-bookworm(@sha256:[0-9a-f]{64})?", image), image


# --- publication after the checks -------------------------------------------------------------

def test_github_publishes_main_only_after_make_test_passed_on_that_commit():
    workflow = load(WORKFLOWS / "verifier.yml")
    assert not (WORKFLOWS / "publier.yml").exists()  # no second way to publish
    on = triggers(workflow)
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert "make test" in steps_text(jobs["verifier"])
    assert jobs["construire"]["needs"] == "verifier"
    assert jobs["publier"]["needs"] == "construire"
    condition = jobs["construire"]["if"]
    assert "refs/heads/main" in condition and "github.event_name != 'pull_request'" in condition
    assert "make build" in steps_text(jobs["construire"])
    assert any("upload-pages-artifact" in str(s.get("uses")) for s in jobs["construire"]["steps"])
    assert any("deploy-pages" in str(s.get("uses")) for s in jobs["publier"]["steps"])
    others = [name for name, job in jobs.items() if "deploy-pages" in steps_text(job, "uses")]
    assert others == ["publier"]


def test_the_guide_tells_maintainers_how_to_protect_main():
    guide = (ROOT / "docs" / "a-propos" / "contribuer" / "equipe-technique.md").read_text(encoding="utf-8")
    protect = guide[guide.index("## Protéger la branche `main`"):]
    required_check = load(WORKFLOWS / "verifier.yml")["jobs"]["verifier"]["name"]
    assert f"`{required_check}`" in protect  # the status check to require is this job's name
    for step in ("Require status checks to pass", "Require review from Code Owners", "Bypass list",
                 "Allowed to push and merge", "No one", "Pipelines must succeed", "Code owner approval"):
        assert step in protect, step


def test_github_preview_is_built_by_the_default_branch_and_linked_in_a_comment():
    """The preview of a proposal never comes from a job that runs the proposal's code (a
    pull_request job runs the proposal's own workflow files): a workflow_run workflow of the
    default branch builds it with a read-only token, and a job with pull-requests: write only,
    which runs nothing from the repository, links it from the proposal."""
    assert "apercu" not in load(WORKFLOWS / "verifier.yml")["jobs"]  # no forgeable preview
    workflow = load(WORKFLOWS / "apercu.yml")
    on = triggers(workflow)
    assert set(on) == {"workflow_run"}
    assert on["workflow_run"]["workflows"] == [load(WORKFLOWS / "verifier.yml")["name"]]
    build, comment = workflow["jobs"]["construire"], workflow["jobs"]["commenter"]
    assert build["if"] == "github.event.workflow_run.event == 'pull_request'"
    assert build["permissions"] == {"contents": "read"}
    checkouts = [s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert len(checkouts) == 2 and "ref" not in checkouts[0].get("with", {})  # the default branch runs
    proposal = checkouts[1]["with"]
    assert proposal["path"] == "proposition" and proposal["ref"] == "${{ github.event.workflow_run.head_sha }}"
    runs = steps_text(build)
    assert "scripts/preview.py --base \"$base\" --proposition proposition" in runs and "GITHUB_STEP_SUMMARY" in runs
    assert "proposition/" not in runs.replace("--proposition proposition", "")  # nothing run from there
    upload = next(s for s in build["steps"] if "upload-artifact" in str(s.get("uses")))
    assert upload["with"]["name"] == "apercu" and upload["id"] == "artefact"
    assert build["outputs"]["artefact"] == "${{ steps.artefact.outputs.artifact-url }}"
    assert comment["needs"] == "construire" and comment["permissions"] == {"pull-requests": "write"}
    assert_runs_no_repository_code(comment)
    text = steps_text(comment)
    assert "select(.head.sha == env.COMMIT)" in text and "issues/comments" in text  # this commit's proposal, one comment
    assert "ARTEFACT_URL" in text and "<!-- apercu-soignants -->" in text


def test_the_only_zizmor_suppression_is_the_preview_trigger_and_it_hides_nothing_else(tmp_path):
    """zizmor flags every workflow_run (dangerous-triggers): the one suppression in the workflows is
    that one, on that line; without it, zizmor finds exactly that and nothing else."""
    ignores = [(path.name, line.strip()) for path in sorted(WORKFLOWS.glob("*.yml"))
               for line in path.read_text(encoding="utf-8").splitlines() if "zizmor: ignore" in line]
    assert len(ignores) == 1 and ignores[0][0] == "apercu.yml"
    assert ignores[0][1].startswith("workflow_run:  # zizmor: ignore[dangerous-triggers]")
    bare = tmp_path / ".github" / "workflows"
    bare.mkdir(parents=True)
    text = (WORKFLOWS / "apercu.yml").read_text(encoding="utf-8")
    (bare / "apercu.yml").write_text(re.sub(r"  # zizmor: ignore\[[^\]]*\][^\n]*", "", text), encoding="utf-8")
    assert [f["ident"] for f in zizmor(bare)] == ["dangerous-triggers"]


def test_github_annotations_and_weekly_audit():
    jobs = load(WORKFLOWS / "verifier.yml")["jobs"]
    assert "scripts/lint.py --format github" in steps_text(jobs["verifier"])
    weekly = load(WORKFLOWS / "liens-externes.yml")
    assert "schedule" in triggers(weekly)
    job = weekly["jobs"]["liens-externes"]
    assert job["continue-on-error"] is True
    audit = next(s for s in job["steps"] if "make audit" in str(s.get("run", "")))
    assert audit["continue-on-error"] is True


def test_gitlab_publishes_after_the_checks_and_reports_code_quality():
    main = load(ROOT / ".gitlab-ci.yml")
    jobs = load(ROOT / ".gitlab" / "ci" / "verifier.yml")
    assert main["stages"] == ["test", "deploy"]
    pages = main["pages"]
    assert pages["stage"] == "deploy" and pages["needs"] == [{"job": "verifier"}]
    assert pages["rules"][0] == {"if": '$CI_PIPELINE_SOURCE == "schedule"', "when": "never"}
    verifier = jobs["verifier"]
    assert verifier["stage"] == "test" and "make test" in verifier["script"]
    lint = next(line for line in verifier["script"] if "scripts/lint.py" in line)
    assert "--format gitlab --sortie gl-code-quality-report.json" in lint
    assert verifier["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert verifier["artifacts"]["when"] == "always"

    apercu = jobs["apercu"]
    assert apercu["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    # The base's code runs (a worktree of the base commit); the proposal's checkout is only read.
    script = apercu["script"]
    assert script[0].startswith("git worktree add --detach") and script[0].endswith('"$CI_MERGE_REQUEST_DIFF_BASE_SHA"')
    assert script[1].startswith("cd ") and "make .venv/.site" in script
    preview = next(line for line in script if "scripts/preview.py" in line)
    assert '--base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --proposition "$CI_PROJECT_DIR"' in preview
    assert script.index(preview) > 1  # after the cd into the base's worktree
    assert apercu["artifacts"]["expose_as"] and apercu["artifacts"]["paths"] == ["apercu/"]
    assert apercu["environment"]["url"].endswith("/artifacts/file/apercu/index.html")
    weekly = jobs["liens-externes"]
    assert weekly["allow_failure"] is True and any("make audit" in line for line in weekly["script"])


# --- installs from hashed locks ----------------------------------------------------------------

def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {normalise(m.group(1)): m.group(2)
            for m in re.finditer(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", text, re.MULTILINE)}


def lock_entries(path: Path) -> list[str]:
    """One string per requirement of a lock (its continuation lines joined)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line for line in text.splitlines() if line and not line.lstrip().startswith("#")]


CONSTRAINTS = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_each_lock_pins_every_package_with_hashes_to_the_constraints_version(name):
    entries = lock_entries(LOCKS[name])
    assert entries
    for entry in entries:
        assert "--hash=sha256:" in entry, f"requirements/{name}.txt : sans empreinte : {entry[:60]}"
    locked = pins(LOCKS[name].read_text(encoding="utf-8"))
    assert len(locked) == len(entries)
    different = {p: (v, CONSTRAINTS.get(p)) for p, v in locked.items() if CONSTRAINTS.get(p) != v}
    assert not different, f"requirements/{name}.txt et constraints.txt divergent ({different}) : make lock"


def test_the_locks_cover_the_constraints_and_the_installers():
    site, test, audit, zensical = (pins(LOCKS[n].read_text(encoding="utf-8")) for n in ("site", "test", "audit", "zensical"))
    assert set(CONSTRAINTS) == set(test) | set(audit) | set(zensical), "constraints.txt et requirements/ divergent : make lock"
    assert zensical["zensical"] == "0.0.73" and "zensical" not in test  # its own virtualenv, never the site's
    assert set(site) <= set(test)
    for lock in (site, test):
        assert {"pip", "setuptools"} <= set(lock)
    assert "zizmor" in test and "pip-audit" in audit
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for name, version in re.findall(r'^\s*"([\w.-]+)==([^"]+)"', pyproject, re.MULTILINE):
        assert test[normalise(name)] == version, f"pyproject.toml épingle {name}=={version}"


def third_party_imports(module: str) -> set[str]:
    """The packages outside ours and the standard library that `module` needs, by import name,
    through every module of ours it imports (grimp, import-linter's graph: « upstream »)."""
    graph = grimp.build_graph("soignants", include_external_packages=True, cache_dir=None)
    return {name for name in graph.find_upstream_modules(module)
            if not name.startswith("soignants") and name not in sys.stdlib_module_names and name != "__future__"}


def test_zensicals_lock_has_every_package_the_pre_renders_extension_imports():
    """The pre-rendered copy runs our sanitising extension inside Zensical's own virtualenv: a
    package it imports, directly or through our modules, missing from requirements/zensical.txt
    stops `make build-zensical` (it did, unseen, from 6 to 7 December 2026: lxml)."""
    imported = third_party_imports(SANITIZE_EXTENSION)
    assert {"markdown", "nh3", "lxml"} <= imported  # nh3 and lxml through render/sanitize.py
    distributions = packages_distributions()
    locked = pins(LOCKS["zensical"].read_text(encoding="utf-8"))
    missing = [f"{name} (paquet {', '.join(distributions.get(name, [name]))})" for name in sorted(imported)
               if not any(normalise(d) in locked for d in distributions.get(name, [name]))]
    assert not missing, (f"requirements/zensical.txt n'a pas : {' ; '.join(missing)} (importés par "
                         f"{SANITIZE_EXTENSION}) — ajoutez-les à requirements/zensical.in, puis make lock")

def test_make_installs_only_from_the_locks():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    for line in installs:
        if " -r requirements/" in line:
            assert "--require-hashes" in line, line
        elif line.endswith("-e ."):
            assert "--no-deps --no-build-isolation" in line, line
        else:
            assert "uv==" in line, f"installation hors verrou : {line}"  # `make lock` only
    assert "-r requirements/site.txt" in makefile and "-r requirements/test.txt" in makefile
    assert "lock:" in makefile and "audit:" in makefile
    for path in [*WORKFLOWS.glob("*.yml"), ROOT / ".gitlab-ci.yml", *(ROOT / ".gitlab" / "ci").glob("*.yml")]:
        assert "pip install" not in path.read_text(encoding="utf-8"), f"{path.name} installe hors de make"
