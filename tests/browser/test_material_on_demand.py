"""Material's bundle (35 KB gzip) is loaded when the reader first needs it, not with the page
(issue 25: chargement-differe.js, overrides/main.html). Reading needs none of it; what the reader
does before it arrives is not lost: the colour scheme switches at once, a shortcut key pressed
then still opens the search, and what was typed in the search is searched."""

import re

import pytest

from browser_helpers import FICHE, MATERIAL_SCHEME, SEARCH_RESULT_TIMEOUT_MS, scheme_of

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def bundle_requests(journal) -> list[str]:
    return [url for url in journal.requests if BUNDLE.search(url)]


def settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_reading_a_fiche_does_not_load_the_bundle(fresh_context, open_page_in, size):
    page, journal = open_page_in(fresh_context(size, "dark"), FICHE)
    settle(page)
    if size == "phone":
        # Scrolling through the fiche with a finger: no click, no key.
        for _ in range(3):
            page.mouse.wheel(0, 700)
            page.wait_for_timeout(150)
        settle(page)
    assert bundle_requests(journal) == [], "le script de Material est chargé sans que le lecteur ait rien fait"
    assert scheme_of(page) == MATERIAL_SCHEME["dark"]
    assert page.locator("[data-ss-quitter-zone]").first.is_visible()
    assert journal.problems() == []


TABLE_FICHE = "fiches/cabinet/prevoyance/"  # a fiche with a table


def test_the_first_click_loads_it_and_the_page_is_materials(fresh_context, open_page_in):
    page, journal = open_page_in(fresh_context("desktop", "light"), TABLE_FICHE)
    settle(page)
    # In the text, a click loads nothing (its links lead elsewhere, its forms need nothing of Material).
    page.locator(".md-content h1").click()
    page.wait_for_timeout(300)
    assert bundle_requests(journal) == []
    page.locator(".md-header__title").click()
    page.wait_for_function("() => document.querySelector('[data-md-component=toc]') !== null")
    page.wait_for_function("() => !!window.document$ && !!window.component$")
    assert len(bundle_requests(journal)) == 1
    # Material mounted its components on the page (until then, the table of contents does not
    # follow the reading): scrolling marks the section being read.
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => document.querySelector('.md-nav__link--active') !== null", timeout=10_000)
    # The tables stay in one scrolling box each, named for the keyboard (not boxed twice).
    boxes = page.evaluate("() => [...document.querySelectorAll('.md-content table:not([class])')].map((table) => ["
                          "table.closest('.md-typeset__scrollwrap')?.getAttribute('aria-label') || '',"
                          " table.parentElement.parentElement.parentElement.closest('.md-typeset__scrollwrap') === null])")
    assert boxes and all(name and once for name, once in boxes), boxes
    assert journal.problems() == []


def test_the_colour_scheme_switches_at_once_and_stays_chosen(fresh_context, open_page_in, site_url):
    context = fresh_context("phone", "light")
    page, journal = open_page_in(context, FICHE)
    settle(page)
    page.locator("form[data-md-component=palette] label:not([hidden])").tap()
    # At once: not after the bundle has arrived.
    assert scheme_of(page) == MATERIAL_SCHEME["dark"]
    page.wait_for_function("() => !!window.component$")
    page.wait_for_timeout(200)
    assert scheme_of(page) == MATERIAL_SCHEME["dark"], "Material a remis le thème d'avant"
    page.goto(site_url)
    assert scheme_of(page) == MATERIAL_SCHEME["dark"], "le choix n'est pas gardé d'une page à l'autre"
    assert journal.problems() == []


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_shortcut_pressed_before_it_arrives_opens_the_search(fresh_context, open_page_in, key):
    page, journal = open_page_in(fresh_context("desktop", "light"), FICHE)
    settle(page)
    assert bundle_requests(journal) == []
    page.keyboard.press(key)
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("burn-out")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    assert page.locator("[data-md-component=search-query]").input_value() == "burn-out", "la touche a été tapée dans le champ"
    assert journal.problems() == []


def test_what_is_typed_before_it_arrives_is_searched(fresh_context, open_page_in, site_url, site_root):
    """On a slow network, the reader types before the bundle has arrived (held back here 1.5 s)."""
    context = fresh_context("phone", "light")
    held = []

    def late(route):
        held.append(route.request.url)
        page.wait_for_timeout(1500)
        route.continue_()
    context.route(BUNDLE, late)
    page, journal = open_page_in(context, FICHE)
    settle(page)
    page.locator(".md-header label.md-header__button[for='__search']").tap()
    page.keyboard.type("suicide")
    assert page.evaluate("() => document.getElementById('__search').checked")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    assert held, "le script de Material n'a pas été demandé"
    assert journal.problems() == []
