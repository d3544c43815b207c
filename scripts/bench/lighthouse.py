"""Lighthouse (npm, installed into .cache/lighthouse) on Debian's Chromium, phone settings."""

from pathlib import Path
import json
import shutil
import subprocess
import tempfile

from . import CHILD_ENV, CHROMIUM, LIGHTHOUSE, ROOT
from .stats import summarize

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"LCP_ms": "largest-contentful-paint", "TBT_ms": "total-blocking-time",
           "CLS": "cumulative-layout-shift", "FCP_ms": "first-contentful-paint"}
INSTALL = "npm install --prefix .cache/lighthouse lighthouse"


def ensure_installed() -> str | None:
    """None when Lighthouse is there (installing it if npm can), else why it is not."""
    if LIGHTHOUSE.exists():
        return None
    if not shutil.which("npm"):
        return "npm is not installed"
    done = subprocess.run(INSTALL.split() + ["--no-audit", "--no-fund", "--silent"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not LIGHTHOUSE.exists():
        return f"`{INSTALL}` failed: {(done.stderr or done.stdout).strip()[-300:]}"
    return None


def run_once(url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="ss-lh-") as tmp:
        report = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                   "--max-wait-for-load=60000"]
        env = dict(CHILD_ENV, CHROME_PATH=CHROMIUM, TMPDIR=tmp)
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
        if not report.exists():
            raise RuntimeError(f"lighthouse exited {done.returncode}: {(done.stderr or done.stdout).strip()[-300:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(str(data["runtimeError"])[:300])
    out = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    out.update({name: data["audits"][audit]["numericValue"] for name, audit in METRICS.items()})
    # Lighthouse's own measure of this machine's speed (higher is faster; ~1000+ is a fast desktop).
    out["benchmark_index"] = data.get("environment", {}).get("benchmarkIndex")
    out["failed_audits"] = sorted(
        audit_id for audit_id, audit in data["audits"].items()
        if audit.get("score") is not None and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return out


def measure(base_url: str, pages: dict[str, str], runs: int) -> dict:
    """{label: {metric: summary}}, or {"error": why} when Lighthouse cannot run here."""
    why = ensure_installed()
    if why:
        return {"error": why}
    results = {}
    for label, path in pages.items():
        samples, errors = [], []
        for _ in range(runs):
            try:
                samples.append(run_once(base_url + path))
            except Exception as error:  # noqa: BLE001 - say why, do not fail the bench
                errors.append(f"{type(error).__name__}: {error}"[:300])
        entry = {key: summarize([s[key] for s in samples]) for key in [*CATEGORIES, *METRICS, "benchmark_index"]} if samples else {}
        entry["failed_audits"] = sorted({a for s in samples for a in s["failed_audits"]})
        entry["errors"] = errors
        results[label] = entry
    return results
