#!/usr/bin/env python3
"""Benchmark of the site: page weight, Lighthouse, build time, checks and search.

    python scripts/bench.py [--quick] [--sizes 100,1000,5000] [--runs N] [--out bench-results/]

Prints a table and writes bench-results/bench-<date>.json (and latest.json). The code lives in
scripts/bench/; docs/a-propos/performances.md shows the latest figures.
"""

from pathlib import Path
import sys

# scripts/ on the path: `bench` is the package scripts/bench/ (a package wins over this file).
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()

from bench.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
