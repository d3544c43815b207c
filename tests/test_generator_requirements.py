"""The pre-rendered copy runs one of our modules inside Zensical: the Markdown extension that
sanitises each page (soignants/pipeline/prerender.py, SANITIZE_EXTENSION). Zensical has its own
virtualenv, from requirements/zensical.txt: every package that extension imports, directly or
through our other modules, must be locked there, or `make build-zensical` stops on an ImportError
(it did, unseen, from 6 to 7 December 2026: the sanitiser had started to import lxml).

The imports are read by grimp, the import graph that import-linter checks our layers with."""

from importlib.metadata import packages_distributions
from pathlib import Path
import re
import sys

import grimp
import pytest

from soignants.pipeline.prerender import SANITIZE_EXTENSION

LOCK = Path(__file__).resolve().parent.parent / "requirements" / "zensical.txt"


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("soignants", include_external_packages=True, cache_dir=None)


def third_party_imports(graph, module: str) -> set[str]:
    """The packages outside ours and the standard library that `module` needs, by their import
    name, through every module of ours it imports (grimp: the modules « upstream » of it)."""
    return {name for name in graph.find_upstream_modules(module)
            if not name.startswith("soignants") and name not in sys.stdlib_module_names
            and name != "__future__"}


def normalised(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def locked_distributions() -> set[str]:
    text = LOCK.read_text(encoding="utf-8")
    return {normalised(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", text, re.M)}


def test_the_packages_are_read_through_our_own_modules(graph):
    # nh3 and lxml are imported by soignants/render/sanitize.py, not by the extension itself.
    assert {"markdown", "nh3", "lxml"} <= third_party_imports(graph, SANITIZE_EXTENSION)


def test_every_package_the_zensical_extension_imports_is_in_its_lock(graph):
    distributions = packages_distributions()
    locked = locked_distributions()
    missing = [f"{name} (paquet {', '.join(distributions.get(name, [name]))})"
               for name in sorted(third_party_imports(graph, SANITIZE_EXTENSION))
               if not any(normalised(d) in locked for d in distributions.get(name, [name]))]
    assert not missing, ("requirements/zensical.txt n'a pas : " + " ; ".join(missing)
                         + " (importés par " + SANITIZE_EXTENSION + ") — ajoutez-les à "
                         "requirements/zensical.in, puis make lock")
