#!/usr/bin/env python3
"""Build time of the regional editions against the national site: python scripts/bench_editions.py [--runs N]

Each run builds, strictly, in a temporary folder, the national site and every edition of
editions/, in an order that turns from one run to the next (so that a slower moment of the machine
does not always fall on the same build). Prints the median of each, the ratio of all editions
together to one national build (what `make editions` costs), and the cost of one more edition;
writes bench-results/editions-<date>.json.
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()

from datetime import date  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from soignants.model import regional  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402


def build_seconds(code: str, out: Path) -> float:
    env = dict(os.environ, EDITION=code, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"EDITION={code or 'national'} : la construction a échoué\n{result.stdout}{result.stderr}")
    return seconds


def measure(runs: int) -> dict:
    order = ["", *regional.codes()]
    times: dict[str, list[float]] = {code: [] for code in order}
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as work:
        for run in range(runs):
            turned = order[run % len(order):] + order[:run % len(order)]
            for code in turned:
                times[code].append(build_seconds(code, Path(work) / (code or "national")))
                print(f"  passe {run + 1}/{runs} : {code or 'national'} {times[code][-1]:.1f} s", flush=True)
    medians = {code: statistics.median(values) for code, values in times.items()}
    national = medians[""]
    editions = [code for code in order if code]
    all_sites = sum(medians.values())
    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}",
        "runs": runs,
        "seconds": times,
        "median_seconds": medians,
        "edition_over_national": {code: medians[code] / national for code in editions},
        "all_over_national": all_sites / national,
        "per_more_edition_over_national": statistics.mean(medians[c] for c in editions) / national if editions else None,
    }


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/bench_editions.py", description=__doc__.split("\n", 2)[2])
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="nombre de passes (3 par défaut)")
    args = parser.parse_args(argv)
    report = measure(max(1, args.runs))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / f"editions-{report['date']}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{report['machine']} ; {report['runs']} passes alternées, médianes :")
    for code, seconds in report["median_seconds"].items():
        print(f"  {code or 'national':<12} {seconds:6.1f} s")
    print(f"  toutes les éditions (national compris) / une construction nationale : {report['all_over_national']:.2f}")
    if report["per_more_edition_over_national"] is not None:
        print(f"  une édition de plus coûte {report['per_more_edition_over_national']:.2f} construction nationale")
    return 0


if __name__ == "__main__":
    sys.exit(main())
