"""Screenshots of a fiche on a phone, in light and dark, for people to look at:
test-artifacts/fiche-telephone-<clair|sombre>.png (what shows on load) and
…-page-entiere.png (the whole page). The folder is ignored by git."""

import pytest

from browser_helpers import ARTIFACTS, FICHE

NAMES = {"light": "clair", "dark": "sombre"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_a_fiche_on_a_phone(shared_context, open_page_in, scheme):
    ARTIFACTS.mkdir(exist_ok=True)
    page, journal = open_page_in(shared_context("phone", scheme), FICHE)
    try:
        page.wait_for_load_state("networkidle")
        screen = ARTIFACTS / f"fiche-telephone-{NAMES[scheme]}.png"
        whole = ARTIFACTS / f"fiche-telephone-{NAMES[scheme]}-page-entiere.png"
        page.screenshot(path=screen, animations="disabled")
        page.screenshot(path=whole, full_page=True, animations="disabled")
    finally:
        page.close()
    assert screen.stat().st_size > 10_000 and whole.stat().st_size > screen.stat().st_size
    assert journal.problems() == []
