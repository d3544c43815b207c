"""Each regional edition in Chromium, on its own pages and its help pages: nothing asked of
another host, nothing refused by the CSP, no console error, no WCAG 2.1 A/AA violation (axe),
the help strip on screen with the edition's lines, and the header in the edition's colours in
both schemes (editions/CODE.yml, contrast checked by the content check).

Each edition is built once per session (tests/conftest.py `edition_site`) and served under /urps/."""

import pytest

from browser_helpers import scheme_of, MATERIAL_SCHEME
from browser_support import axe_violations, csp_violations, open_page
from soignants.model import regional

PAGES = ("", "region/", "aide/", "aide/carte/")
COMBINATIONS = (("phone", "light"), ("desktop", "dark"))


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("size,scheme", COMBINATIONS)
@pytest.mark.parametrize("code", regional.codes())
def test_an_editions_pages_in_the_browser(edition_site, shared_context, code, size, scheme):
    site = edition_site(code)
    url = site.serve()
    edition = regional.load(code)
    expected_tels = {e["tel"] for e in regional.strip_entries(edition)}
    colour = edition.data["couleurs"]["principale" if scheme == "light" else "principale_sombre"]
    context = shared_context(size, scheme)
    failures = []
    for path in PAGES:
        page, journal = open_page(context, url, site.root, path)
        try:
            page.wait_for_load_state("networkidle")
            problems = journal.problems() + csp_violations(page) + axe_violations(page)
            if scheme_of(page) != MATERIAL_SCHEME[scheme]:
                problems.append(f"schéma {scheme_of(page)!r}")
            strip = page.locator(".ss-bandeau")
            if not strip.is_visible():
                problems.append("bandeau d'aide invisible")
            tels = {a.get_attribute("href") for a in strip.locator("a[href^='tel:']").all()}
            if tels != expected_tels:
                problems.append(f"bandeau : {sorted(tels)} au lieu de {sorted(expected_tels)}")
            header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            if header != rgb(colour):
                problems.append(f"en-tête {header}, couleur de l'édition {colour} attendue")
        finally:
            page.close()
        failures += [f"{code} {path or 'accueil'} ({size}, {scheme}) : {p}" for p in problems]
    assert not failures, "\n".join(failures)
