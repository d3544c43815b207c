"""The bench's corpus generator makes fiches that our schema accepts, and its budget verdicts
follow the figures (no timing here: the bench itself is `python scripts/bench.py`, never part of
the test suite)."""

from pathlib import Path
import re
import sys

from soignants.render import bibliography
from soignants.model import help_data, schemas
from soignants.model.catalog import CITATION
from soignants.model.frontmatter import read_page
from soignants.render.pages import HELP_MARKER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench.corpus import generate_fiches  # noqa: E402


def test_generated_fiches_validate_and_cite_known_keys(tmp_path):
    paths = generate_fiches(5, tmp_path)  # links stay inside the 5: no other file needed
    assert len(paths) == 5
    refs = bibliography.references()
    contacts = help_data.by_id()
    for path in paths:
        page = read_page(path)
        assert schemas.errors(schemas.FICHE, page.meta) == [], path.name
        assert path.relative_to(tmp_path).parts[:2] == ("fiches", page.meta["partie"])
        assert set(CITATION.findall(page.body)) <= set(refs)
        assert set(HELP_MARKER.findall(page.body)) <= set(contacts)
        for target in re.findall(r"\]\(((?:\.\./)*[\w./-]+\.md)\)", page.body):
            if "aide/index.md" not in target:
                assert (path.parent / target).resolve().exists(), f"{path.name}: lien vers {target}"


def fake_results(gzip_total, gzip_page, performance, ratios, per_page, gzip_second=12 * 1024):
    def median(value):
        return {"median": value}
    return {
        "weight": {"fiche": {"first_visit": {"gzip": gzip_total, "without_search": {"gzip": gzip_page}},
                             "second_page": {"gzip": gzip_second, "requests": 9, "revalidated": 8}}},
        "lighthouse": {page: {"performance": median(performance), "accessibility": median(100),
                              "best-practices": median(100), "seo": median(100)} for page in ("home", "fiche")},
        "sizes": [{"label": label, "generated": label != "réel",
                   "build": {"tools": {"ours": {"ratio_to_floor": median(ratio), "seconds_per_page": median(s)}}}}
                  for (label, ratio), s in zip(ratios, per_page)],
    }


def test_budget_verdicts_follow_the_figures():
    from bench.report import budgets
    met = budgets(fake_results(60 * 1024, 60 * 1024, 95, [("réel", 1.5), ("100", 1.2), ("1000", 1.4)], [0.02, 0.02, 0.03],
                               gzip_second=30 * 1024))
    assert len(met) == 5 and all("**tenu**" in line for line in met), met
    assert "ne se charge qu'à l'ouverture" in met[0]
    assert "2e page" in met[1] and "8 fichiers inchangés" in met[1]
    missed = budgets(fake_results(60 * 1024 + 1, 50 * 1024, 94, [("réel", 1.51), ("100", 1.2), ("1000", 1.4)], [0.02, 0.02, 0.031],
                                  gzip_second=30 * 1024 + 1))
    assert len(missed) == 5 and all("**dépassé**" in line for line in missed), missed
    assert "10.0 Ko pour la recherche" in missed[0]


def test_engines_table_reports_the_sites_search():
    from bench.report import engines_table

    def median(value):
        return {"median": value, "n": 1}
    size = {"label": "1000", "engines": {
        "index": {"pagefind_bytes": 9 * 1024 * 1024, "rules_bytes": 200 * 1024, "files": 3000},
        "site_build_seconds": 40.0, "pagefind_build": {"seconds": 3.5, "pages": 1000},
        "first_query": {"site": {"gzip": median(190 * 1024), "ms": median(900)}}}}
    row = engines_table([size]).splitlines()[-1]
    assert row.startswith("| 1000 | 190.0 Ko | 900 ms | 9216.0 Ko + 200.0 Ko |"), row
    assert "40.0 s (dont Pagefind 3.50 s)" in row
