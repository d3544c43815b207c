"""No build cache in the repository: a cache is code the build would run.

Jinja's compiled templates (and any other cache) hold code that the build executes as it finds
it. The build keeps its cache in the user's cache folder (soignants/pipeline/template_cache.py); a
`.cache/` folder added to the repository, even forced past .gitignore, is refused here.
"""

from pathlib import Path
import subprocess

from .report import Problem

CACHE_FOLDERS = (".cache",)


def committed_cache_problems(root: Path) -> list[Problem]:
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "--", *CACHE_FOLDERS],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []  # no git here: nothing is committed either
    if listed.returncode != 0:
        return []
    return [Problem(path, 1, "cache-depose",
                    "fichier de cache ajouté au dépôt : la construction exécuterait ce qu'il contient ; "
                    f"retirez-le (git rm --cached \"{path}\")")
            for path in listed.stdout.splitlines() if path.strip()]
