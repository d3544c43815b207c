"""`python scripts/bench.py`: run every measure, print the tables, write the JSON.

Order: our real content first (page weight, Lighthouse, build, search, checks, rebuild), then each
generated corpus, smallest first. The JSON is rewritten after each step, so a long run that is
stopped still leaves its figures.
"""

import argparse
from datetime import datetime
import json
import os
from pathlib import Path
import platform
import shutil
import sys
import tempfile
import time

from soignants.model import catalog

from . import ROOT, builds, checks, corpus, crisis, engines, lighthouse, rebuild, report, search, weight
from .server import serve

DEFAULT_SIZES = [100, 1000, 5000]
QUICK_SIZES = [100, 1000]
REBUILD_MAX_FICHES = 100  # above, a rebuild is a full build: see the build time
DOCS_PAGE = ROOT / "docs" / "a-propos" / "performances.md"
PAGES = {"home": "", "part": "fiches/soignant/", "fiche": "fiches/soignant/medecin-traitant/",
         "testimony": "temoignages/ne-pas-savoir-dire-non/", "bibliography": "bibliographie/",
         "help": "aide/", "en_home": "en/"}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="scripts/bench.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="corpora of 100 and 1000 fiches only, fewer runs, rebuild timed on the real content only")
    parser.add_argument("--sizes", help="corpus sizes in fiches, e.g. 100,1000,5000 (default: 100,1000,5000)")
    parser.add_argument("--runs", type=int,
                        help="runs per figure (default: 3, or 2 with --quick); at most 2 from 1000 fiches, 1 from 5000")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds after which one build or check is stopped and reported as too slow (default: 1800)")
    parser.add_argument("--out", default="bench-results", help="folder of the JSON results (default: bench-results/)")
    parser.add_argument("--skip", default="",
                        help="comma-separated steps to leave out: weight,crisis,lighthouse,build,search,engines,checks,rebuild, "
                             "or real (our real content, with its page weight and Lighthouse)")
    parser.add_argument("--docs", action="store_true",
                        help=f"also write the tables into {DOCS_PAGE.relative_to(ROOT)}")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora (printed at the end)")
    parser.add_argument("--report", metavar="JSON", nargs="+",
                        help="measure nothing: print the tables of earlier runs' JSON files, merged in the "
                             "order given (with --docs, copy them into the docs page)")
    return parser.parse_args(argv)


def pick_pages() -> dict:
    """Our usual pages; a fiche or testimony that was renamed is replaced by the first one."""
    pages = dict(PAGES)
    fiches, testimonies = catalog.fiches(), catalog.testimonies()
    if fiches and not any(f.src_uri == pages["fiche"].rstrip("/") + ".md" for f in fiches):
        pages["fiche"] = fiches[0].src_uri.removesuffix(".md") + "/"
    if testimonies and not any(t.src_uri == pages["testimony"].rstrip("/") + ".md" for t in testimonies):
        pages["testimony"] = testimonies[0].src_uri.removesuffix(".md") + "/"
    return pages


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cœurs, charge {load:.1f} au départ, Python {platform.python_version()}"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Run:
    def __init__(self, args, command: str):
        self.args = args
        self.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        self.runs = args.runs or (2 if args.quick else 3)
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now()
        self.path = self.out / f"bench-{stamp:%Y%m%d-%H%M%S}.json"
        self.started = time.time()
        self.results = {"meta": {"date": stamp.strftime("%Y-%m-%d %H:%M"), "command": command,
                                 "machine": machine(), "runs": self.runs, "quick": args.quick},
                        "sizes": []}

    def save(self) -> None:
        text = json.dumps(self.results, ensure_ascii=False, indent=1)
        self.path.write_text(text, encoding="utf-8")
        (self.out / "latest.json").write_text(text, encoding="utf-8")

    def step(self, name: str, function, *args, **kwargs):
        """Run one measure; a failure is recorded with its reason, and the bench goes on."""
        if name in self.skip:
            return None
        log(f"{name}…")
        try:
            return function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - one broken measure must not lose the others
            return {"error": f"{type(error).__name__}: {error}"[:400]}

    def measure_size(self, label: str, fiches: int | None, work: Path, pages: dict) -> None:
        log(f"corpus « {label} » : préparation")
        info = corpus.make_project(fiches, work / f"corpus-{label}")
        root = Path(info["root"])
        size = {"label": label, "fiches": info["fiches"], "generated": info["generated"]}
        self.results["sizes"].append(size)
        runs = self.runs if (fiches or 0) < 1000 else min(self.runs, 2 if fiches < 5000 else 1)
        size["runs"] = runs
        timeout = self.args.timeout
        size["build"] = self.step("build", builds.measure, root, runs, timeout=timeout)
        self.save()
        site = root / "site-ours"
        ours = ((size["build"] or {}).get("tools") or {}).get("ours") or {}
        if ours.get("timeout_seconds") and not ours.get("seconds"):
            size["skipped"] = (f"notre construction n'a pas fini en {timeout:.0f} s : recherche, contrôles "
                               "et poids non mesurés à cette taille")
            if not self.args.keep:
                shutil.rmtree(root, ignore_errors=True)
            self.save()
            return
        build_seconds = (ours.get("seconds") or {}).get("median")
        if not site.exists():  # the build was skipped: one build of ours for what follows
            built = builds.build_once("ours", root, timeout)
            if built["returncode"]:
                size["build_error"] = built["log_tail"]
            else:
                build_seconds = built["seconds"]
        if not info["generated"]:
            self.real_site_measures(site, pages)
        fiche = info["sample_fiche"] or pages["fiche"].rstrip("/") + ".md"
        size["html"] = {"fiche": builds.html_size(site, fiche),
                        "part": builds.html_size(site, fiche.rsplit("/", 1)[0] + "/index.md")}
        size["index"] = search.index_stats(site)
        size["search"] = self.step("search", search.browser_timings, site, fiche.removesuffix(".md") + "/", runs,
                                   ready_timeout_s=min(timeout, 300))
        self.save()
        size["engines"] = self.step("engines", engines.measure, site, fiche.removesuffix(".md") + "/", runs,
                                    build_seconds, timeout)
        self.save()
        if "weight" not in self.skip and info["generated"]:
            size["fiche_weight"] = weight.measure_site(site, {"fiche": fiche.removesuffix(".md") + "/"})["fiche"]
        size["checks"] = {"lint": self.step("checks", checks.lint, None if not info["generated"] else root, runs, timeout),
                          "links": self.step("checks", checks.links, site, runs, timeout)}
        self.save()
        if self.args.quick and info["generated"]:
            size["rebuild"] = {"skipped": "non mesuré avec --quick (seulement sur le contenu réel)"}
        elif info["fiches"] > REBUILD_MAX_FICHES:
            size["rebuild"] = {"skipped": f"non mesuré au-delà de {REBUILD_MAX_FICHES} fiches : mkdocs serve "
                                          "reconstruit tout le site, voir le temps de construction"}
        else:
            size["rebuild"] = self.step("rebuild", rebuild.measure, root, fiche, min(runs, 3), timeout)
        if not self.args.keep:
            shutil.rmtree(root, ignore_errors=True)
        self.save()

    def real_site_measures(self, site: Path, pages: dict) -> None:
        """Page weight and Lighthouse: only on our real content."""
        self.results["weight"] = self.step("weight", weight.measure_site, site, pages)
        self.save()
        # The reader in crisis on a phone: time to the distress card, first paint, layout shifts.
        self.results["crisis"] = self.step("crisis", crisis.measure, site, pages, 1 if self.args.quick else self.runs)
        self.save()
        if "lighthouse" not in self.skip:
            with serve(site) as server:
                self.results["lighthouse"] = self.step(
                    "lighthouse", lighthouse.measure, server.url,
                    {"home": pages["home"], "fiche": pages["fiche"]}, 1 if self.args.quick else 3)
            self.save()

    def run(self) -> dict:
        pages = pick_pages()
        self.results["meta"]["pages"] = pages
        sizes = [int(s) for s in self.args.sizes.split(",")] if self.args.sizes else \
            (QUICK_SIZES if self.args.quick else DEFAULT_SIZES)
        with tempfile.TemporaryDirectory(prefix="ss-bench-") as tmp:
            work = Path(tempfile.mkdtemp(prefix="ss-bench-keep-")) if self.args.keep else Path(tmp)
            if "real" not in self.skip:
                self.measure_size("réel", None, work, pages)
            for fiches in sizes:
                self.measure_size(str(fiches), fiches, work, pages)
            if self.args.keep:
                log(f"corpus gardés dans {work}")
        self.results["meta"]["seconds"] = round(time.time() - self.started, 1)
        self.save()
        return self.results


def merge(runs: list[dict]) -> dict:
    """Several runs as one report: their sizes in order, the first page weight and Lighthouse."""
    merged = {"meta": dict(runs[0]["meta"]), "sizes": []}
    merged["meta"]["commands"] = [r["meta"]["command"] for r in runs]
    merged["meta"]["dates"] = [r["meta"]["date"] for r in runs]
    merged["meta"]["machines"] = [r["meta"]["machine"] for r in runs]
    for run in runs:
        merged["sizes"] += run.get("sizes", [])
        for key in ("weight", "lighthouse"):
            if run.get(key) and not merged.get(key):  # a run that skipped it may hold None
                merged[key] = run[key]
    return merged


def main(argv=None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    command = "python scripts/bench.py " + " ".join(sys.argv[1:] if argv is None else argv)
    if args.report:
        results = merge([json.loads(Path(p).read_text(encoding="utf-8")) for p in args.report])
        text = report.markdown(results)
        print(text)
    else:
        bench = Run(args, command.strip())
        results = bench.run()
        text = report.markdown(results)
        print(text)
        print(f"\nRésultats : {bench.path} (et {bench.out / 'latest.json'})")
    if args.docs:
        if report.update_docs(DOCS_PAGE, text):
            print(f"Tableaux recopiés dans {DOCS_PAGE.relative_to(ROOT)}")
        else:
            print(f"Marqueurs {report.DOCS_START} / {report.DOCS_END} absents de {DOCS_PAGE}", file=sys.stderr)
    return 0
