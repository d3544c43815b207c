"""A reader's journey, by touch on a phone and by mouse on a desktop: load a fiche, switch the
colour scheme, search, switch to English, search again. Every request the pages and their
workers make is recorded: none leaves 127.0.0.1, none fails, and the console stays clean."""

import pytest

from browser_helpers import FICHE, MATERIAL_SCHEME, SEARCH_RESULT_TIMEOUT_MS, scheme_of


def press(locator, size):
    if size == "phone":
        locator.tap()
    else:
        locator.click()


def search(page, size, words):
    if size == "phone":
        page.locator(".md-header label.md-header__button[for='__search']").tap()
    else:
        page.locator(".md-search__input").click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type(words)  # key by key: Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    page.keyboard.press("Escape")  # close the search


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_journey_asks_nothing_of_another_host(fresh_context, open_page_in, site_url, size):
    page, journal = open_page_in(fresh_context(size, "light"), FICHE)

    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    press(toggle, size)
    assert scheme_of(page) == MATERIAL_SCHEME["dark"], "la bascule de thème ne passe pas en sombre"
    press(page.locator("form[data-md-component=palette] label:not([hidden])"), size)
    assert scheme_of(page) == MATERIAL_SCHEME["light"], "la bascule de thème ne revient pas en clair"

    search(page, size, "burn-out")

    press(page.locator(".md-select > button"), size)
    english = page.locator(".md-select a[hreflang=en]")
    english.wait_for(state="visible")
    with page.expect_navigation():
        press(english, size)
    # The fiche has no English version yet: the switcher leads to its section's English page.
    assert page.url == f"{site_url}en/fiches/soignant/", page.url
    assert page.evaluate("document.documentElement.lang") == "en"
    search(page, size, "burnout")

    page.wait_for_load_state("networkidle")
    assert journal.requests, "aucune requête enregistrée"
    assert journal.other_hosts() == [], "requêtes vers un autre hôte"
    assert journal.failures == [], "requêtes en échec"
    assert journal.console_errors == [], "erreurs dans la console"


def test_nothing_is_stored_on_the_device_until_the_reader_chooses_a_scheme(fresh_context, open_page_in):
    """A visit leaves no trace in the browser's storage; the colour scheme is kept once chosen."""
    page, journal = open_page_in(fresh_context("desktop", "light"), FICHE)
    page.wait_for_load_state("networkidle")
    stored = "() => [document.cookie, localStorage.length, sessionStorage.length]"
    assert page.evaluate(stored) == ["", 0, 0]
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert scheme_of(page) == MATERIAL_SCHEME["dark"]
    page.reload()
    assert scheme_of(page) == MATERIAL_SCHEME["dark"], "le choix du thème n'est pas retenu"
    assert journal.problems() == []
