"""Time of the content check (scripts/lint.py) and the link check (scripts/check_links.py).

Both scripts are written by others; when one is missing it is reported as not available. The
content check runs on a corpus through soignants.lint's `Project.at(root)` (the same checks as
the command, on another folder laid out like ours); the link check gets the built site's folder (`--site`), internal links only (no network).
"""

from pathlib import Path
import subprocess
import time

from . import CHILD_ENV, PYTHON, ROOT
from .stats import summarize

LINT = ROOT / "scripts" / "lint.py"
LINKS = ROOT / "scripts" / "check_links.py"
LINT_ON_ROOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
    "from soignants.lint import Project, run, summary; r = run(Project.at(Path(sys.argv[2])), None); "
    "print(summary(r.problems, r.files))")


def _time(command: list[str], runs: int, cwd: Path, timeout: float) -> dict:
    seconds, codes, tail = [], [], ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=cwd, env=CHILD_ENV, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "error": f"arrêté après {timeout:.0f} s", "command": " ".join(command)}
        seconds.append(time.perf_counter() - start)
        codes.append(done.returncode)
        tail = (done.stdout.strip() or done.stderr.strip()).splitlines()[-1:]
    result = {"seconds": summarize(seconds), "exit_codes": sorted(set(codes)), "command": " ".join(command)}
    if tail:
        result["last_line"] = tail[0][:300]
    if 2 in codes or any(c not in (0, 1) for c in codes):
        result["error"] = f"exit {codes[-1]}: {result.get('last_line', '')}"
    return result


def lint(project_root: Path | None, runs: int, timeout: float = 1800) -> dict:
    """project_root None = our own content, with the command exactly as a contributor types it."""
    if not LINT.exists():
        return {"error": "not available: scripts/lint.py does not exist yet"}
    if project_root is None:
        return _time([PYTHON, str(LINT)], runs, ROOT, timeout)
    if "--racine" in LINT.read_text(encoding="utf-8"):
        return _time([PYTHON, str(LINT), "--racine", str(project_root)], runs, ROOT, timeout)
    return _time([PYTHON, "-c", LINT_ON_ROOT, str(ROOT), str(project_root)], runs, ROOT, timeout)


def links(site_dir: Path, runs: int, timeout: float = 1800) -> dict:
    if not LINKS.exists():
        return {"error": "not available: scripts/check_links.py does not exist yet"}
    return _time([PYTHON, str(LINKS), "--site", str(site_dir)], runs, ROOT, timeout)
