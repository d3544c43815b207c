"""A printed fiche: no navigation, header, help strip or sidebars; its address and its review
date are on the paper."""

import re

from browser_helpers import FICHE

HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".md-banner", ".md-search"]


def shown(page, selector) -> bool:
    return page.evaluate("s => [...document.querySelectorAll(s)].some(e => e.checkVisibility())", selector)


def test_a_printed_fiche_shows_its_address_and_review_date_and_no_navigation(shared_context, open_page_in, site_url):
    page, journal = open_page_in(shared_context("desktop", "light"), FICHE)
    try:
        assert not shown(page, ".ss-adresse-impression"), "l'adresse de la page ne sert qu'à l'impression"
        page.emulate_media(media="print")
        still_shown = [selector for selector in HIDDEN_IN_PRINT if shown(page, selector)]
        assert still_shown == [], f"visibles à l'impression : {still_shown}"

        address = page.locator(".ss-adresse-impression")
        assert address.is_visible(), "l'adresse de la page n'est pas imprimée"
        assert f"{site_url}{FICHE}" in address.inner_text()

        footer = page.locator(".ss-fiche-pied")
        assert footer.is_visible()
        # A draft prints when and by whom it was written and when it is due for review; a reviewed
        # fiche, its last review (soignants/render/pages.py).
        assert re.search(r"(Dernière relecture|Rédigée par)\s*:\s*\S.*\d{4}", footer.inner_text()), footer.inner_text()
        assert page.locator("article h1").is_visible()
        assert journal.problems() == []
    finally:
        page.close()
