"""Build time of one project folder (see corpus.make_project) with four tools, run interleaved:

- ours: our mkdocs.yml as is (MkDocs, Material, static-i18n, our hooks), strict mode off so that
  a warning in content being edited does not stop the timing (warnings are counted instead);
- floor: bare MkDocs (theme `mkdocs`, no plugins, no hooks, the same Markdown extensions; our
  markers stay as text);
- material: bare MkDocs + Material (the same, with theme `material` and its default search
  plugin): the budget's reference (issue 25: ours ≤ 1.5 × this, at every size);
- properdocs: ProperDocs (the maintained MkDocs 1.x fork) on the same mkdocs.yml, hooks and all;
- zensical: the pre-render (scripts/prerender.py, French edition) then `zensical build --clean`
  on the pre-rendered copy, strict off, timed together (the essentials are checked by
  `make build-zensical`, not here), when Zensical is installed in .cache/zensical-venv
  (`make .cache/zensical-venv/.installed`).
"""

from pathlib import Path
import gzip
import os
import shutil
import subprocess
import time

import yaml

from . import CHILD_ENV, PYTHON, ROOT, ZENSICAL
from .stats import summarize

TOOLS = ("ours", "floor", "material", "properdocs", "zensical")
PRERENDERED = "prerendu"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


def write_floor_config(root: Path) -> Path:
    ours = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    floor = {"site_name": ours["site_name"], "docs_dir": "docs", "site_dir": "site-floor",
             "theme": {"name": "mkdocs"}, "plugins": [], "use_directory_urls": True,
             "exclude_docs": ours.get("exclude_docs", ""),
             "markdown_extensions": ours.get("markdown_extensions", [])}
    path = root / "mkdocs-floor.yml"
    path.write_text(yaml.safe_dump(floor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    material = dict(floor, site_dir="site-material", theme={"name": "material", "language": "fr"})
    del material["plugins"]  # Material's defaults: its search plugin
    (root / "mkdocs-material.yml").write_text(yaml.safe_dump(material, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    return path


def commands(tool: str, root: Path) -> tuple[list[list[str]], Path]:
    """The command lines (run one after the other) and the output folder of one tool."""
    if tool == "ours":
        return ([[PYTHON, "-m", "mkdocs", "build", "--no-strict", "-f", str(root / "mkdocs.yml"),
                  "-d", str(root / "site-ours")]], root / "site-ours")
    if tool == "floor":
        return ([[PYTHON, "-m", "mkdocs", "build", "--no-strict", "-f", str(root / "mkdocs-floor.yml")]],
                root / "site-floor")
    if tool == "material":
        return ([[PYTHON, "-m", "mkdocs", "build", "--no-strict", "-f", str(root / "mkdocs-material.yml")]],
                root / "site-material")
    if tool == "properdocs":
        return ([[PYTHON, "-m", "properdocs", "build", "--no-strict", "-f", str(root / "mkdocs.yml"),
                  "-d", str(root / "site-properdocs")]], root / "site-properdocs")
    copy = root / PRERENDERED
    return ([[PYTHON, str(ROOT / "scripts" / "prerender.py"), str(copy), "--config", str(root / "mkdocs.yml")],
             [str(ZENSICAL), "build", "--clean", "-f", str(copy / "mkdocs.yml")]], copy / "site")


def command(tool: str, root: Path) -> tuple[list[str], Path]:
    """The last command line of a tool (the build itself) and its output folder."""
    cmds, out_dir = commands(tool, root)
    return cmds[-1], out_dir


def available_tools() -> dict[str, str | None]:
    """{tool: None if it can run, else why not}."""
    return {"ours": None, "floor": None, "material": None, "properdocs": None,
            "zensical": None if ZENSICAL.exists() else
            "not installed: make .cache/zensical-venv/.installed"}


def _env(tool: str) -> dict:
    if tool == "zensical":  # the pre-rendered mkdocs.yml names our sanitising Markdown extension
        return dict(CHILD_ENV, PYTHONPATH=str(ROOT) + os.pathsep + CHILD_ENV.get("PYTHONPATH", ""))
    return CHILD_ENV


def build_once(tool: str, root: Path, timeout: float) -> dict:
    cmds, out_dir = commands(tool, root)
    shutil.rmtree(out_dir, ignore_errors=True)
    start = time.perf_counter()
    log, returncode = "", 0
    for cmd in cmds:
        left = timeout - (time.perf_counter() - start)
        try:
            done = subprocess.run(cmd, cwd=root, env=_env(tool), capture_output=True, text=True, timeout=max(left, 1))
        except subprocess.TimeoutExpired:
            return {"seconds": time.perf_counter() - start, "returncode": "timeout", "warnings": 0,
                    "log_tail": [f"stopped after {timeout:.0f} s"]}
        log += done.stdout + done.stderr
        returncode = done.returncode
        if returncode:
            break
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "returncode": returncode,
            "warnings": sum(1 for line in log.splitlines() if line.startswith("WARNING")),
            "log_tail": log.strip().splitlines()[-3:] if returncode else []}


def source_pages(root: Path) -> int:
    return sum(1 for _ in (root / "docs").rglob("*.md"))


def html_size(site_dir: Path, src_uri: str | None) -> dict | None:
    """Raw and gzip bytes of the built page of a source file (e.g. a fiche as the corpus grows)."""
    if not src_uri:
        return None
    stem = src_uri.removesuffix(".md")
    page = Path(site_dir) / (stem.removesuffix("index") if stem.endswith("/index") else stem + "/") / "index.html"
    if not page.exists():
        return None
    data = page.read_bytes()
    return {"page": src_uri, "raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6))}


def compile_ours(root: Path) -> None:
    """Our modules compiled ahead, as pip compiled MkDocs' and Material's when it installed them:
    where PYTHONDONTWRITEBYTECODE is set (this machine's images), each of our builds compiled
    them again (about 0.2 s of CPU), a cost no reader's build pays and no other tool was charged."""
    folders = [str(folder) for folder in (ROOT / "soignants", Path(root) / "overrides" / "hooks") if folder.is_dir()]
    subprocess.run([PYTHON, "-m", "compileall", "-q", *folders], check=True, env=CHILD_ENV)


def measure(root: Path, runs: int, tools=TOOLS, timeout: float = 3600) -> dict:
    """Interleaved runs (the order rotates each round); ratios to the floor are per round."""
    root = Path(root)
    write_floor_config(root)
    compile_ours(root)
    why_not = available_tools()
    active = [t for t in tools if why_not.get(t) is None]
    samples = {t: [] for t in active}
    for round_ in range(runs):
        order = active[round_ % len(active):] + active[: round_ % len(active)]
        for tool in order:
            samples[tool].append(build_once(tool, root, timeout))
    pages = source_pages(root)
    result = {"source_pages": pages, "runs": runs, "tools": {}}
    for tool in tools:
        if tool not in active:
            result["tools"][tool] = {"error": why_not[tool]}
            continue
        ok = [s for s in samples[tool] if s["returncode"] == 0]  # a failed build is not timed
        timed_out = [s for s in samples[tool] if s["returncode"] == "timeout"]
        entry = {"seconds": summarize([s["seconds"] for s in ok]),
                 "seconds_per_page": summarize([s["seconds"] / pages for s in ok]),
                 "warnings": max(s["warnings"] for s in samples[tool]),
                 "failed_runs": len(samples[tool]) - len(ok),
                 "log_tail": next((s["log_tail"] for s in samples[tool] if s["returncode"]), []),
                 "timeout_seconds": timeout if timed_out else None}
        for reference, key in (("floor", "ratio_to_floor"), ("material", "ratio_to_material")):
            if tool != reference and reference in samples:
                entry[key] = summarize(
                    [s["seconds"] / f["seconds"] for s, f in zip(samples[tool], samples[reference])
                     if s["returncode"] == 0 and f["returncode"] == 0])
        result["tools"][tool] = entry
    out = root / "site-ours"
    result["html_files_ours"] = sum(1 for _ in out.rglob("*.html")) if out.exists() else None
    result["site_bytes_ours"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) if out.exists() else None
    return result
