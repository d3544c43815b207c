"""The layers of soignants/ import only downward, with no import cycle (import-linter).

The contracts live in pyproject.toml, [tool.importlinter]: tools > pipeline > lint | checks >
render > model, every sub-package in a layer (`exhaustive`), and no cycle between the modules of
a sub-package (`acyclic_siblings`). The first test runs them as `lint-imports` does; the others
show that they would fail: on the real import graph with one import added that goes the wrong
way, and for a new sub-package left out of the layers.
"""

from copy import deepcopy
from pathlib import Path
import subprocess
import sys

import grimp
from importlinter import api
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.layers import LayersContract
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "soignants"
CONFIG = api.read_configuration(str(ROOT / "pyproject.toml"))
CONTRACTS = {c["id"]: c for c in CONFIG["contracts_options"]}


def contract(cls, contract_id):
    options = CONTRACTS[contract_id]
    return cls(name=options["name"], session_options=CONFIG["session_options"], contract_options=options)


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("soignants", cache_dir=None)


def test_the_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_every_sub_package_is_in_exactly_one_layer():
    layers = CONTRACTS["layers"]
    assert layers["containers"] == ["soignants"] and str(layers["exhaustive"]).lower() == "true"
    named = [name.strip() for layer in layers["layers"] for name in layer.split("|")]
    sub_packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert sorted(named) == sub_packages
    # Nothing but the shared paths at the top: every module belongs to a layer.
    assert [p.name for p in PACKAGE.glob("*.py")] == ["__init__.py"]


@pytest.mark.parametrize("importer, imported", [
    ("soignants.model.catalog", "soignants.render.escaping"),   # model -> render
    ("soignants.render.pages", "soignants.lint.report"),        # render -> lint
    ("soignants.lint.runner", "soignants.checks.site_checks"),  # between siblings of a layer
    ("soignants.checks.built_site", "soignants.pipeline.csp"),     # checks -> pipeline
    ("soignants.pipeline.prerender", "soignants.tools.relaunch"),  # pipeline -> tools
])
def test_an_import_going_up_breaks_the_layers(graph, importer, imported):
    layers = contract(LayersContract, "layers")
    assert layers.check(deepcopy(graph), verbose=False).kept
    broken = deepcopy(graph)
    broken.add_import(importer=importer, imported=imported)
    assert not layers.check(broken, verbose=False).kept


def test_a_sub_package_outside_the_layers_breaks_them(graph):
    broken = deepcopy(graph)
    broken.add_module("soignants.extra")
    assert not contract(LayersContract, "layers").check(broken, verbose=False).kept


def test_a_cycle_inside_a_layer_breaks_the_acyclic_contract(graph):
    acyclic = contract(AcyclicSiblingsContract, "acyclic")
    assert acyclic.check(deepcopy(graph), verbose=False).kept
    broken = deepcopy(graph)
    # The circle that render/markers.py broke: pages -> help_directory -> pages.
    broken.add_import(importer="soignants.render.help_directory", imported="soignants.render.pages")
    assert not acyclic.check(broken, verbose=False).kept
